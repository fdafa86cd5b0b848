"""Repeated phrases of a corpus: clause-bounded encoding, a depth-limited suffix array, maximal repeats.

The texts are encoded as one array of code points in which

* letters and digits are kept (folded as :mod:`analysis.shingles` folds them:
  full-width forms, compatibility ideographs, upper-case Latin), and so is the
  enumeration comma 、 (it is part of a formula such as 优政、惠民、兴业、强基);
* clause punctuation, quotation marks, brackets, line breaks and heading
  markers (一、 (二) 3.) become *separators*, each a code of its own that
  matches nothing, so no repeat crosses a clause, a quotation mark or a
  document boundary;
* everything else (spaces inside PDF text, dashes, symbols) is dropped.

A suffix array sorted to ``depth`` characters (one sort of the first four or
five codes packed in a 64-bit word, :mod:`.packed`, then numpy prefix
doubling: only suffixes still tied are re-sorted) and the longest common
prefix of neighbouring suffixes (capped at ``depth``, compared a word at a
time, in blocks of pairs so memory stays bounded) then give, for
every length L, the groups of positions sharing their first L characters as
contiguous ranges.  :func:`maximal_repeats` walks the lengths once, counting
the documents and jurisdictions of each group in linear time, and keeps a
group when no one-character extension to the left or right is found in the
same documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..chars import HEADING_NUMERALS
from ..shingles import char_tables, index_dtype
from .packed import PackedCodes, pack_codes

__all__ = [
    "ENUMERATION_COMMA",
    "Repeats",
    "SuffixIndex",
    "build_index",
    "encode_texts",
    "group_bounds",
    "maximal_repeats",
]

#: Kept inside formulas: it separates the items of an enumeration.
ENUMERATION_COMMA = "、"
#: Characters that end a clause or open/close a quotation: no formula crosses them.
SEPARATOR_CHARS = ",，.。;；:：!！?？“”‘’\"'《》〈〉「」『』()（）[]【】〔〕{}<>\n\r\t|/"
#: First code of separators: above every Unicode code point, so a separator never equals a character.
SEPARATOR_BASE = 0x110000
_HEADING = re.compile(
    rf"(?:^|(?<=[\n。;:；：,，!?]))[ \t]*(?:第[{HEADING_NUMERALS}\d]+[章节条部分篇]|[{HEADING_NUMERALS}]{{1,3}}、"
    rf"|\d{{1,2}}[、.．](?!\d)|[(（][{HEADING_NUMERALS}\d]{{1,3}}[)）])"
)


@dataclass(frozen=True)
class Encoded:
    """The encoded corpus: one code per kept character or separator, with maps back to the texts."""

    codes: np.ndarray  # uint32 code points (int64 for huge corpora); separators are SEPARATOR_BASE + k, each unique
    doc_of: np.ndarray  # int32 document index of each code
    orig_off: np.ndarray  # int64 offset of each code in its document's text
    is_sep: np.ndarray  # bool


def _separator_table() -> np.ndarray:
    table = np.zeros(0x10000, dtype=bool)
    for ch in SEPARATOR_CHARS:
        table[ord(ch)] = True
    return table


def encode_texts(texts: Sequence[str]) -> Encoded:
    """Encode ``texts`` for the suffix array (see the module docstring).

    Returns
    -------
    Encoded
        ``codes`` (uint32), ``doc_of`` (document index), ``orig_off`` (character
        offset in the document's text) and ``is_sep`` per code.  Every document
        ends with a separator, so a repeat never runs into the next document.
    """
    if not texts:
        empty = np.zeros(0, dtype=np.int64)
        return Encoded(codes=empty, doc_of=empty.astype(np.int32), orig_off=empty, is_sep=empty.astype(bool))
    keep_tab, fold_tab = char_tables()
    sep_tab = _separator_table()
    joined = "\n".join(texts) + "\n"
    # positions in the joined text: int32 below two billion characters (these arrays are the bulk of the memory)
    pdt = index_dtype(len(joined))
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    starts = np.r_[0, np.cumsum(lengths)[:-1]]
    raw = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    headings = [(m.start(), m.end()) for m in _HEADING.finditer(joined)]
    del joined
    top = np.uint32(0xFFFF)
    low = np.minimum(raw, top)
    sep = sep_tab[low] & (raw <= top)
    for a, b in headings:
        sep[a:b] = True
    keep = keep_tab[low]
    del low
    keep |= raw > top
    keep |= raw == ord(ENUMERATION_COMMA)
    keep &= ~sep
    keep |= sep
    retained = np.flatnonzero(keep).astype(pdt)
    del keep
    rsep = sep[retained]
    # a run of separators (。\n“) is one boundary
    first_of_run = rsep & ~np.r_[False, rsep[:-1]]
    retained = retained[~rsep | first_of_run]
    del rsep, first_of_run
    is_sep = sep[retained]
    del sep
    chars = raw[retained]
    del raw
    # every code fits 32 bits unless the corpus has billions of characters
    cdt = np.uint32 if SEPARATOR_BASE + len(chars) < 2**32 else np.int64
    codes = np.where(chars > 0xFFFF, chars, fold_tab[np.minimum(chars, 0xFFFF)]).astype(cdt)
    del chars
    at_sep = np.flatnonzero(is_sep)
    codes[at_sep] = SEPARATOR_BASE + 1 + np.arange(len(at_sep), dtype=np.int64)  # each separator its own code
    del at_sep
    doc_of = (np.searchsorted(starts, retained, side="right") - 1).astype(np.int32)
    orig_off = retained - starts[doc_of].astype(pdt)
    return Encoded(codes=codes, doc_of=doc_of, orig_off=orig_off, is_sep=is_sep)


def _sorted_words(codes: np.ndarray, packed: PackedCodes) -> tuple[np.ndarray, np.ndarray, int]:
    """Positions sorted by their first codes, as many as one packed word holds (:mod:`.packed`).

    Returns the suffix array so far, the start flag of each tie group in it (a
    suffix with a separator among those codes is a group of its own, placed
    by where its separator is) and how many codes it is sorted to.
    """
    n = len(codes)
    dt = index_dtype(n + 2)
    words, k, to_sep = packed.words[:n], packed.per_word, packed.to_separator
    sa = np.argsort(words).astype(dt)
    sw = words[sa]
    del words
    starts = np.r_[True, sw[1:] != sw[:-1]]
    del sw
    # equal words ending in a separator: ordered by the separator's position (its unique code)
    ended = np.flatnonzero(to_sep[sa] < k)
    if ended.size:
        group = np.maximum.accumulate(np.where(starts, np.arange(n, dtype=np.int64), 0))[ended]
        pos = sa[ended]
        order = np.argsort(group * (n + 1) + pos + to_sep[pos])
        sa[ended] = pos[order]
        starts[ended] = True
    return sa, starts, k


def suffix_array(codes: np.ndarray, depth: int, packed: PackedCodes | None = None) -> np.ndarray:
    """Positions of ``codes`` sorted by their next ``depth`` codes (ties in any order).

    The first codes are sorted at once as packed words (:mod:`.packed`), then
    prefix doubling: after the round with step k the suffixes are sorted by
    their first 2k codes; each round re-sorts only the suffixes still tied.
    Returns an int32 array (int64 past two billion codes), a permutation of
    ``range(len(codes))``.  ``packed``: :func:`.packed.pack_codes` of ``codes``, if already made.
    """
    n = len(codes)
    dt = index_dtype(n + 2)
    if n == 0:
        return np.zeros(0, dtype=dt)
    sa, starts, sorted_to = _sorted_words(codes, packed or pack_codes(codes))
    # rank of a position = SA index where its tie group starts
    rank = np.empty(n, dtype=dt)
    rank[sa] = np.maximum.accumulate(np.where(starts, np.arange(n, dtype=dt), 0))
    while sorted_to < depth:
        ends = np.r_[starts[1:], True]
        active = np.flatnonzero(~(starts & ends)).astype(dt)
        del ends
        if active.size == 0:
            break
        step = min(sorted_to, depth - sorted_to)
        pos = sa[active]
        nxt = pos + step
        r2 = np.where(nxt < n, rank[np.minimum(nxt, n - 1)], -1) + 1
        del nxt
        r1 = rank[pos]
        # tie groups are runs of one r1 in SA order, so the keys come in sorted runs: a stable (merging) sort is fastest
        order = np.argsort(r1.astype(np.int64) * (n + 1) + r2, kind="stable")
        pos, r1, r2 = pos[order], r1[order], r2[order]
        del order
        sa[active] = pos
        new = np.r_[True, (r1[1:] != r1[:-1]) | (r2[1:] != r2[:-1])]
        starts[active] = new
        rank[pos] = np.maximum.accumulate(np.where(new, active, 0))
        sorted_to += step
    return sa


def lcp_array(codes: np.ndarray, sa: np.ndarray, depth: int, packed: PackedCodes | None = None) -> np.ndarray:
    """Common prefix length of each suffix with the one before it in ``sa``, capped at ``depth``.

    Returns an int32 array; element 0 is 0.  Separators are unique, so a
    common prefix never contains one and never runs past the last code.
    Codes are compared several at a time (packed into one 64-bit word, :mod:`.packed`);
    ``packed`` is :func:`.packed.pack_codes` of ``codes`` with ``pad`` of at least ``depth``, if already made.
    """
    lcp = np.zeros(len(sa), dtype=np.int32)
    if len(sa) < 2:
        return lcp
    if packed is None or len(packed.words) < len(codes) + depth:
        packed = pack_codes(codes, pad=depth + 1)
    # in blocks of neighbouring pairs, so the pairs' temporary arrays stay small in a large corpus
    for first in range(1, len(sa), LCP_BLOCK):
        last = min(first + LCP_BLOCK, len(sa))
        lcp[first:last] = _lcp_block(packed, sa[first - 1 : last - 1], sa[first:last], depth)
    return lcp


#: Pairs of neighbouring suffixes compared at once by :func:`lcp_array`.
LCP_BLOCK = 1 << 21


def _lcp_block(packed: PackedCodes, a: np.ndarray, b: np.ndarray, depth: int) -> np.ndarray:
    """Common prefix lengths (int32) of the suffixes at ``a`` and ``b``, pair by pair, capped at ``depth``."""
    words, k, bits, to_sep = packed.words, packed.per_word, packed.bits, packed.to_separator
    mask = np.uint64((1 << bits) - 1)
    # a common prefix ends at the first separator of either suffix (separators are unique)
    cap = np.minimum(np.minimum(to_sep[a], to_sep[b]), depth)
    out = np.zeros(len(a), dtype=np.int32)
    idx = np.flatnonzero(cap > 0).astype(np.int32)
    a, b = a[idx], b[idx]
    for j in range(0, depth, k):
        wa, wb = words[a + j], words[b + j]
        eq = wa == wb
        miss = np.flatnonzero(~eq)
        diff = wa[miss] ^ wb[miss]
        # leading codes equal in an unequal word
        still = np.ones(miss.size, dtype=bool)
        more = np.zeros(miss.size, dtype=np.int32)
        for t in range(k - 1):
            still &= (diff >> np.uint64(bits * (k - 1 - t))) & mask == 0
            more += still
        out[idx[miss]] += more
        out[idx[eq]] += k
        go = eq & (cap[idx] > j + k)
        idx, a, b = idx[go], a[go], b[go]
        if idx.size == 0:
            break
    return np.minimum(out, cap)


@dataclass(frozen=True)
class SuffixIndex:
    """An encoded corpus with its depth-limited suffix array."""

    enc: Encoded
    sa: np.ndarray
    lcp: np.ndarray
    depth: int
    isa: np.ndarray  # SA index of each position (the inverse permutation)

    def string(self, pos: int, length: int) -> str:
        """The kept characters at ``pos``, ``length`` codes long."""
        return "".join(chr(int(c)) for c in self.enc.codes[pos : pos + length])

    def occurrences(self, pos: int, length: int) -> np.ndarray:
        """Start positions of every occurrence of the string at ``pos``, ``length`` codes long (``length <= depth``)."""
        lo, hi = group_bounds(self.lcp, int(self.isa[pos]), length)
        return self.sa[lo:hi]


def group_bounds(lcp: np.ndarray, i: int, length: int) -> tuple[int, int]:
    """SA range ``[lo, hi)`` of the suffixes sharing their first ``length`` codes with SA index ``i``.

    Scans outwards in windows that double, so a small group costs little.
    """
    step, a = 64, i + 1
    while True:
        a0 = max(0, a - step)
        below = np.flatnonzero(lcp[a0:a] < length)
        if below.size or a0 == 0:
            lo = a0 + int(below[-1]) if below.size else 0
            break
        a, step = a0, step * 2
    step, b = 64, i + 1
    hi = len(lcp)
    while b < len(lcp):
        below = np.flatnonzero(lcp[b : b + step] < length)
        if below.size:
            hi = b + int(below[0])
            break
        b, step = b + step, step * 2
    return lo, hi


def build_index(texts: Sequence[str], depth: int) -> SuffixIndex:
    """Encode ``texts`` and sort their suffixes to ``depth`` codes (common prefixes capped at ``depth``)."""
    enc = encode_texts(texts)
    packed = pack_codes(enc.codes, pad=depth + 1)
    sa = suffix_array(enc.codes, depth, packed)
    lcp = lcp_array(enc.codes, sa, depth, packed)
    del packed
    isa = np.empty_like(sa)
    isa[sa] = np.arange(len(sa), dtype=sa.dtype)
    return SuffixIndex(enc=enc, sa=sa, lcp=lcp, depth=depth, isa=isa)


@dataclass(frozen=True)
class Repeats:
    """Maximal repeats: one row per repeated string (arrays of equal length)."""

    length: np.ndarray  # codes
    sa_lo: np.ndarray  # its occurrences are sa[sa_lo:sa_hi]
    sa_hi: np.ndarray
    n_docs: np.ndarray
    n_groups: np.ndarray  # distinct jurisdictions


def _previous_same(labels_in_sa: np.ndarray) -> np.ndarray:
    """For each SA index, the previous SA index holding the same label (-1 if none)."""
    n = len(labels_in_sa)
    if n == 0:
        return np.zeros(0, dtype=index_dtype(1))
    # numpy sorts 16-bit integers stably by radix, in linear time
    small = labels_in_sa.min() >= 0 and labels_in_sa.max() < 2**16
    order = np.argsort(labels_in_sa.astype(np.uint16) if small else labels_in_sa, kind="stable")
    lab = labels_in_sa[order]
    prev = np.empty(n, dtype=index_dtype(n + 1))
    prev[1:] = order[:-1]
    prev[np.r_[True, lab[1:] != lab[:-1]]] = -1
    out = np.empty(n, dtype=index_dtype(n + 1))
    out[order] = prev
    return out


@dataclass(frozen=True)
class _Level:
    """Groups of the retained SA indices sharing their first L codes."""

    first: np.ndarray  # index (into the retained array) of each group's first member
    gid: np.ndarray  # group of each retained member
    size: np.ndarray
    n_docs: np.ndarray
    n_groups: np.ndarray

    def subset(self, keep: np.ndarray) -> _Level:
        """The groups where ``keep`` (bool per group) holds, renumbered, their members in the same order."""
        size = self.size[keep]
        return _Level(
            first=np.r_[0, np.cumsum(size)[:-1]].astype(self.first.dtype) if size.size else size,
            gid=np.repeat(np.arange(size.size, dtype=self.gid.dtype), size),
            size=size,
            n_docs=self.n_docs[keep],
            n_groups=self.n_groups[keep],
        )


@dataclass
class _Members:
    """The retained SA indices with what each level reads of them (gathered once, filtered together)."""

    idx: np.ndarray
    lcp: np.ndarray
    prev_doc: np.ndarray
    prev_grp: np.ndarray

    def filter(self, keep: np.ndarray) -> None:
        self.idx, self.lcp = self.idx[keep], self.lcp[keep]
        self.prev_doc, self.prev_grp = self.prev_doc[keep], self.prev_grp[keep]

    def level(self, length: int) -> _Level:
        starts = self.lcp < length
        first = np.flatnonzero(starts).astype(self.idx.dtype)
        gid = np.cumsum(starts, dtype=self.idx.dtype) - 1
        gstart = self.idx[first][gid]
        size = np.diff(np.r_[first, len(self.idx)]).astype(self.idx.dtype)
        if not len(self.idx):
            return _Level(first=first, gid=gid, size=size, n_docs=first, n_groups=first)
        # a member is a group's first of its document (label) when the previous one is before the group
        n_docs = np.add.reduceat((self.prev_doc < gstart).astype(np.int32), first)
        n_grp = np.add.reduceat((self.prev_grp < gstart).astype(np.int32), first)
        return _Level(first=first, gid=gid, size=size, n_docs=n_docs, n_groups=n_grp)


def maximal_repeats(
    index: SuffixIndex,
    groups: np.ndarray,
    *,
    min_len: int,
    max_len: int,
    min_docs: int = 2,
    min_groups: int = 1,
) -> Repeats:
    """Strings of ``min_len``-``max_len`` codes found in ``min_docs`` documents of ``min_groups`` groups.

    ``groups`` gives each document's jurisdiction (an int per document).  A
    string is kept when it is *maximal*: every one-character extension to the
    left or to the right is found in fewer documents (so a substring of a
    longer repeat with the same documents is not kept; strings longer than
    ``max_len`` are never kept, and neither are their substrings found in the
    same documents).  Requires ``index.depth > max_len``.

    Returns
    -------
    Repeats
        Arrays of length, SA range, documents and groups, one row per string.
    """
    if index.depth <= max_len:
        raise ValueError(f"the suffix array is sorted to {index.depth} codes; max_len={max_len} needs more")
    sa, lcp = index.sa, index.lcp
    doc_in_sa = index.enc.doc_of[sa]
    prev_doc = _previous_same(doc_in_sa)
    prev_grp = _previous_same(np.asarray(groups, dtype=np.int32)[doc_in_sa]) if len(sa) else prev_doc
    del doc_in_sa
    isa = index.isa
    members = _Members(idx=np.arange(len(sa), dtype=sa.dtype), lcp=lcp, prev_doc=prev_doc, prev_grp=prev_grp)
    del prev_doc, prev_grp
    out: dict[str, list[np.ndarray]] = {k: [] for k in ("length", "sa_lo", "sa_hi", "n_docs", "n_groups")}
    cur = members.level(min_len)
    for length in range(min_len, max_len + 1):
        # only groups that can still qualify are carried to longer strings (they nest, so a group
        # is kept or dropped whole and the level need not be counted again)
        good = (cur.size >= 2) & (cur.n_docs >= min_docs) & (cur.n_groups >= min_groups)
        if not good.all():
            members.filter(good[cur.gid])
            cur = cur.subset(good)
        idx = members.idx
        if idx.size == 0:
            break
        nxt = members.level(length + 1)
        # right: the best one-character extension of each group
        best_child = np.maximum.reduceat(nxt.n_docs[nxt.gid], cur.first)
        maximal = best_child < cur.n_docs
        # left: a group at length+1 whose string minus its first code is found in as many documents
        shared = np.flatnonzero((nxt.size >= 2) & (nxt.n_docs >= min_docs))
        if shared.size:
            shifted = isa[sa[idx[nxt.first[shared]]] + 1]
            at = np.searchsorted(idx, shifted)
            found = (at < len(idx)) & (idx[np.minimum(at, len(idx) - 1)] == shifted)
            target = cur.gid[at[found]]
            same = cur.n_docs[target] == nxt.n_docs[shared[found]]
            maximal[target[same]] = False
        ok = maximal & (cur.size >= 2) & (cur.n_docs >= min_docs) & (cur.n_groups >= min_groups)
        sel = np.flatnonzero(ok)
        out["length"].append(np.full(sel.size, length, dtype=np.int64))
        out["sa_lo"].append(idx[cur.first[sel]].astype(np.int64))
        out["sa_hi"].append(idx[cur.first[sel]].astype(np.int64) + cur.size[sel])
        out["n_docs"].append(cur.n_docs[sel].astype(np.int64))
        out["n_groups"].append(cur.n_groups[sel].astype(np.int64))
        cur = nxt
    cat = {k: (np.concatenate(v) if v else np.zeros(0, dtype=np.int64)) for k, v in out.items()}
    return Repeats(**cat)
