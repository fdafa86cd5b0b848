"""New-term discovery: rank character n-grams by cohesion (PMI) and freedom (branching entropy).

:func:`discover_terms` finds candidate multi-character terms in a corpus;
:func:`review_terms` decides which to add, with a reason for each (the rules
are in :mod:`analysis.segment.fragments`); :func:`adapt_tokenizer` adds the
accepted ones to a tokenizer.  Adapting the
dictionary to a new corpus takes two lines::

    new = discover_terms(corpus.text)
    tok = Tokenizer(extra_terms=new.term[:200])
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from . import tokenizer as _tokenizer
from .fragments import dictionary_terms, fragment_reasons
from .tokenizer import Tokenizer

__all__ = ["EDGE_CHARS", "REVIEW_COLUMNS", "adapt_tokenizer", "discover_terms", "review_terms"]

#: Characters that rarely start or end a term; candidates with one of them at
#: either edge (的建设, 推进智慧) are dropped by :func:`discover_terms`.
EDGE_CHARS = "的了和与及或并是在对为将把被从向由于之其也都就而等个这那"

_QUOTE_CHARS = "“”‘’\"'《》〈〉「」『』【】〔〕()（）[]"
_STAT_COLUMNS = ["term", "n", "count", "left_entropy", "right_entropy", "quoted", "n_docs"]
_RESULT_COLUMNS = ["term", "count", "pmi", "left_entropy", "right_entropy", "score", "n_docs"]


# --------------------------------------------------------------------------
# n-gram statistics
# --------------------------------------------------------------------------


def _char_stream(texts: Iterable[str]) -> str:
    """Join all texts into one string, separated (and framed) by NUL."""
    return "\0" + "\0".join(t for t in texts if isinstance(t, str)) + "\0"


def _is_han(codes: np.ndarray) -> np.ndarray:
    """Mask of CJK unified ideographs (basic block and extension A)."""
    return ((codes >= 0x4E00) & (codes <= 0x9FFF)) | ((codes >= 0x3400) & (codes <= 0x4DBF))


#: n-gram occurrences counted at once: above this many Han characters the n-grams are counted in
#: groups by their first character (each group's n-grams, and so their statistics, are complete),
#: which bounds the working memory to about 60 bytes per occurrence of one group.
PARTITION_CHARS = 5_000_000


@dataclass
class _Symbols:
    """The character stream as integer arrays, one entry per character."""

    stream: str
    han: np.ndarray  # bool: Han character
    symbol: np.ndarray  # int32 (int64 beyond 2**31 symbols): dense code of the character
    n_symbols: int
    quotes: np.ndarray  # bool: quotation mark or bracket
    context: np.ndarray  # symbol as a neighbour (each quote mark distinct)
    n_context: int
    doc: np.ndarray  # number of the text each character belongs to

    @property
    def length(self) -> int:
        return len(self.symbol)


def _symbols(stream: str) -> _Symbols:
    """Encode ``stream`` for counting (4-byte integers per character up to 2**31 characters)."""
    codes = np.frombuffer(stream.encode("utf-32-le"), dtype="<u4")
    length = len(codes)
    index = np.int32 if length < 2**31 - 2**21 else np.int64  # codes and positions both fit
    alphabet = np.unique(codes)
    symbol = np.searchsorted(alphabet, codes).astype(index)
    n_symbols = len(alphabet)
    # Quotation marks and brackets delimit a name: each occurrence counts
    # as a distinct neighbour, so a term always printed in quotes (“浙里办”)
    # counts as free rather than as fused with its quote marks.  Other
    # punctuation stays an ordinary symbol (phrase ends before a comma are
    # not thereby terms).
    quotes = np.isin(codes, np.frombuffer(_QUOTE_CHARS.encode("utf-32-le"), dtype="<u4"))
    context = symbol.copy()
    context[quotes] = (n_symbols + np.flatnonzero(quotes)).astype(index)
    doc = np.cumsum(codes == 0, dtype=index)  # texts are separated by NUL
    return _Symbols(stream, _is_han(codes), symbol, n_symbols, quotes, context, n_symbols + length, doc)


def _texts_per_gram(gram: np.ndarray, doc: np.ndarray, n_grams: int) -> np.ndarray:
    """Number of distinct texts per gram, from the gram and text number of each occurrence."""
    n_texts = int(doc.max()) + 1 if len(doc) else 1
    keys = np.sort(gram * n_texts + doc)  # a plain sort: np.unique's hashing is slower here
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    return np.bincount(keys[first] // n_texts, minlength=n_grams)


def _neighbour_sums(gram: np.ndarray, neighbour: np.ndarray, n_symbols: int, n_grams: int) -> np.ndarray:
    """For each gram, the sum of c*log2(c) over its neighbour-symbol counts c."""
    keys = gram * n_symbols + neighbour
    uniq, counts = np.unique(keys, return_counts=True)
    return np.bincount(uniq // n_symbols, weights=counts * np.log2(counts), minlength=n_grams)


def _level_table(
    sym: _Symbols, pos: np.ndarray, ids: np.ndarray, n: int, min_count: int
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray] | None:
    """Statistics of the frequent n-grams starting at ``pos`` (with ids ``ids``), and the
    positions and ids of the (n+1)-grams to count next.

    Returns None when no n-gram of this length is frequent.
    """
    _uniq, first, inverse, counts = np.unique(ids, return_index=True, return_inverse=True, return_counts=True)
    gram = inverse.ravel()
    frequent = counts >= min_count
    if not frequent.any():
        return None
    occurrence = frequent[gram]
    gram, at = gram[occurrence], pos[occurrence]
    # The stream starts and ends with NUL, so for an n-gram at i (all Han)
    # the neighbours at i - 1 and i + n always exist.
    right = sym.context[at + n]
    right_sum = _neighbour_sums(gram, right, sym.n_context, len(counts))
    left_sum = _neighbour_sums(gram, sym.context[at - 1], sym.n_context, len(counts))
    n_quoted = np.bincount(gram[sym.quotes[at - 1] & sym.quotes[at + n]], minlength=len(counts))
    n_docs = _texts_per_gram(gram, sym.doc[at].astype(np.int64), len(counts))
    # Entropy of the neighbour distribution: log2(N) - sum(c log2 c) / N.
    total = counts[frequent].astype(float)
    log_total = np.log2(total)
    frame = pd.DataFrame(
        {
            "term": [sym.stream[p : p + n] for p in pos[first[frequent]]],
            "n": n,
            "count": counts[frequent],
            "left_entropy": log_total - left_sum[frequent] / total,
            "right_entropy": log_total - right_sum[frequent] / total,
            "quoted": n_quoted[frequent],
            "n_docs": n_docs[frequent],
        }
    )
    # Next level: (n+1)-grams whose n-gram prefix is frequent.
    extend = sym.han[at + n]
    return frame, at[extend], gram[extend] * sym.n_symbols + right[extend]  # Han, so context == symbol


def _group_tables(
    sym: _Symbols, starts: np.ndarray, groups: int, group: int, *, min_count: int, max_len: int
) -> list[pd.DataFrame]:
    """The statistics tables (one per length) of the frequent n-grams whose first character's
    symbol is ``group`` modulo ``groups``, starting at the Han positions ``starts``."""
    pos = starts if groups == 1 else starts[sym.symbol[starts] % groups == group]
    ids = sym.symbol[pos].astype(np.int64)
    frames = []
    for n in range(1, max_len + 1):
        if not len(pos):
            break
        level = _level_table(sym, pos, ids, n, min_count)
        if level is None:
            break
        frame, pos, ids = level
        frames.append(frame)
    return frames


def _group_jobs(n_jobs: int | None, groups: int) -> int:
    """Worker processes for counting ``groups`` groups: 1 (in this process) for one group or where
    processes cannot be forked; else ``n_jobs`` (None: every usable core; -1 too), at most ``groups``."""
    if n_jobs == 0:
        raise ValueError("n_jobs must be a positive number of processes, or -1 for every core (got 0)")
    if groups == 1 or n_jobs == 1 or not sys.platform.startswith("linux"):
        return 1
    from ..corpus.parallel import load_n_jobs

    return min(groups, load_n_jobs(-1 if n_jobs is None else n_jobs, 0))


# The counting function of the running discover_terms, inherited by forked workers (the character
# stream's arrays are shared with them copy-on-write instead of pickled to each).
_COUNT: Callable[[int], list[pd.DataFrame]] | None = None


def _count_group(group: int) -> list[pd.DataFrame]:
    assert _COUNT is not None
    return _COUNT(group)


def _in_workers(count: Callable[[int], list[pd.DataFrame]], groups: int, jobs: int) -> list[pd.DataFrame]:
    """The tables of every group, counted in ``jobs`` forked worker processes; in group order."""
    global _COUNT
    _COUNT = count
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            return [f for frames in pool.map(_count_group, range(groups)) for f in frames]
    finally:
        _COUNT = None


def _ngram_statistics(stream: str, min_count: int, max_len: int, n_jobs: int | None = None) -> tuple[pd.DataFrame, int]:
    """Count frequent Han n-grams (n <= max_len) with their branching entropies.

    Works level by level on integer arrays of occurrences: the id of an
    (n+1)-gram is ``id(n-gram prefix) * n_symbols + next character``, built only
    where the prefix is frequent (an n-gram is never more frequent than its prefix).
    n-grams consist of Han characters only; any character (punctuation,
    digits, Latin, the NUL between texts) can be a neighbour.  Cost is
    O(L log L) per level for L characters.  Memory: about 15 bytes per character
    for the encoded stream, plus the working arrays of one group of n-grams
    (those starting with the same characters, :data:`PARTITION_CHARS` occurrences), in each of
    ``n_jobs`` processes when there are several groups (:func:`_group_jobs`).

    Returns
    -------
    (DataFrame with term, n, count, left_entropy, right_entropy (bits), quoted
    (occurrences between quote marks or brackets), n_docs (texts containing
    it); number of Han characters)
    """
    sym = _symbols(stream)
    starts = np.flatnonzero(sym.han)
    # n-grams starting with the same character are counted together, so every group is
    # complete; groups are the characters' codes modulo the number of groups
    groups = max(1, -(-len(starts) // PARTITION_CHARS))
    count = partial(_group_tables, sym, starts, groups, min_count=min_count, max_len=max_len)
    jobs = _group_jobs(n_jobs, groups)
    frames = [f for group in range(groups) for f in count(group)] if jobs == 1 else _in_workers(count, groups, jobs)
    if not frames:
        return pd.DataFrame(columns=_STAT_COLUMNS), len(starts)
    # the order of a single pass: by length, then by the characters' codes
    table = pd.concat(frames, ignore_index=True).sort_values(["n", "term"], kind="stable", ignore_index=True)
    return table, len(starts)


def _min_split_pmi(table: pd.DataFrame, n_han: int) -> pd.Series:
    """PMI in bits of each term against its weakest binary split.

    ``min_k log2( p(w) / (p(w[:k]) p(w[k:])) )`` with ``p(x) = count(x) / n_han``.
    Every part of a frequent n-gram is frequent, so all parts are in ``table``.
    """
    count_of = pd.Series(table["count"].to_numpy(), index=table["term"].to_numpy())
    pmi = pd.Series(np.inf, index=table.index)
    for n, group in table[table["n"] >= 2].groupby("n"):
        terms = group["term"]
        best = pd.Series(np.inf, index=group.index)
        for k in range(1, int(n)):
            left = count_of.reindex(terms.str[:k]).to_numpy(dtype=float)
            right = count_of.reindex(terms.str[k:]).to_numpy(dtype=float)
            split = np.log2(group["count"].to_numpy() * n_han / (left * right))
            best = np.minimum(best, split)
        pmi.loc[group.index] = best
    return pmi


# --------------------------------------------------------------------------
# Ranking
# --------------------------------------------------------------------------


def _candidates(table: pd.DataFrame, min_len: int, min_pmi: float, min_entropy: float, edge_chars: str) -> pd.DataFrame:
    """Rows of ``table`` long, cohesive and free enough, not starting or ending with an edge character."""
    keep = (table["n"] >= min_len) & (table["pmi"] >= min_pmi)
    keep &= np.minimum(table["left_entropy"], table["right_entropy"]) >= min_entropy
    if edge_chars:
        edges = set(edge_chars)
        keep &= ~table["term"].str[0].isin(edges) & ~table["term"].str[-1].isin(edges)
    return table[keep].copy()


def _ranked(result: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Add ``score`` and sort by it (descending; ties: count descending, term); keep ``columns``."""
    # A product, not a sum: a term must be both cohesive and free, and a
    # fragment with zero entropy on one side scores zero however cohesive.
    result["score"] = result["pmi"] * np.minimum(result["left_entropy"], result["right_entropy"])
    result = result.sort_values(["score", "count", "term"], ascending=[False, False, True], kind="mergesort")
    return result[columns].reset_index(drop=True)


def discover_terms(
    texts: Iterable[str],
    min_count: int = 5,
    max_len: int = 6,
    *,
    min_len: int = 2,
    min_pmi: float = 1.0,
    min_entropy: float = 1.0,
    exclude_known: bool = True,
    edge_chars: str = EDGE_CHARS,
    tokenizer: Tokenizer | None = None,
    drop_fragments: bool = True,
    reasons: bool = False,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Rank candidate multi-character terms found in a corpus.

    Candidates are character n-grams inside runs of Han characters.  A good
    term is *cohesive* (its parts co-occur far more often than chance: high
    minimum PMI over all binary splits) and *free* (it appears in varied
    contexts: high entropy of the characters to its left and to its right,
    a fragment such as 智慧城 always being followed by 市).

    Parameters
    ----------
    texts : iterable of str
        The corpus, e.g. ``corpus.text`` (simplified characters).
    min_count : int, default 5
        Minimum number of occurrences.
    max_len : int, default 6
        Maximum term length in characters.
    min_len : int, default 2
        Minimum term length in characters.
    min_pmi : float, default 1.0
        Minimum cohesion, in bits.
    min_entropy : float, default 1.0
        Minimum of left and right branching entropy, in bits.
    exclude_known : bool, default True
        Drop terms that are already words of ``tokenizer``'s dictionary
        (jieba's plus the policy dictionary).
    edge_chars : str, default :data:`EDGE_CHARS`
        Drop candidates starting or ending with one of these characters
        (function characters such as 的, 和, 是); ``""`` keeps all.
    tokenizer : Tokenizer, optional
        Dictionary for ``exclude_known``; default the module default.
    drop_fragments : bool, default True
        Drop candidates that are cohesive but not terms to add
        (:mod:`analysis.segment.fragments`): a known policy term with a
        generic word attached (智慧城市建设 would split the count of 智慧城市),
        a word with a dangling single character (率达到 from 覆盖率达到, 坚持以),
        a stopword or boilerplate word glued to a word (落实国家, 依托市级), the
        tail of a place name (南州 in 黔南州), and a string that overlaps the
        edge of a dictionary term in the text (推进智慧 in 推进智慧城市).  A
        string the tokenizer breaks entirely into single characters (a new
        slogan such as 三融五跨) is kept, and so is a word plus one character
        that is printed in quotes at least half of the time (“浙里办”: a name).
    reasons : bool, default False
        Keep every candidate and add a ``reason`` column instead: why it
        would be dropped ("" = it would be kept); ``drop_fragments`` is then
        ignored.  :func:`review_terms` builds on this.
    n_jobs : int, optional
        Worker processes counting the n-grams of a large corpus.  Above :data:`PARTITION_CHARS`
        (5 M) Han characters the n-grams are counted in groups by first character; the groups
        are shared among forked processes (Linux; elsewhere in this process).  Default: one per
        usable core (-1 too), at most one per group; 1 counts in this process.  The result is
        identical whatever ``n_jobs``; each worker holds one group's working arrays.

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``count`` (occurrences), ``pmi`` (bits),
        ``left_entropy``, ``right_entropy`` (bits; entropy of the character
        just before / after the term; punctuation and the start or end of a
        text are symbols like any other, except quotation marks and brackets,
        each occurrence of which counts as a distinct neighbour, so that a
        name always printed in quotes, “浙里办”, is free) and
        ``score = pmi * min(left_entropy, right_entropy)`` (bits squared),
        ``n_docs`` (texts containing the term) and, with ``reasons=True``,
        ``reason``; sorted by score descending (ties: count descending,
        term).  What produced it: :func:`analysis.segment.tokenizer_provenance`.

    Notes
    -----
    Runs in O(L log L) per length for L characters (vectorised numpy): about
    2 s for 10 MB of text; memory about 15 bytes per character plus the working arrays
    of one group of n-grams (:data:`PARTITION_CHARS`).
    The shipped dictionary includes the reviewed output of this function on
    the seed documents (see ``analysis/data/README.md``).

    Examples
    --------
    >>> new = discover_terms(corpus.text)                      # doctest: +SKIP
    >>> tok = Tokenizer(extra_terms=new.term[:200])            # doctest: +SKIP
    """
    if min_count < 1 or min_len < 1 or max_len < min_len:
        raise ValueError("need min_count >= 1 and 1 <= min_len <= max_len")
    if isinstance(texts, str):
        raise TypeError("pass an iterable of texts, not a single str")
    tokenizer = _tokenizer.get_default_tokenizer() if tokenizer is None else tokenizer
    columns = [*_RESULT_COLUMNS, "reason"] if reasons else _RESULT_COLUMNS
    stream = _char_stream(texts)
    table, n_han = _ngram_statistics(stream, min_count, max_len, n_jobs)
    if table.empty:
        return pd.DataFrame(columns=columns)
    table["pmi"] = _min_split_pmi(table, n_han)
    result = _candidates(table, min_len, min_pmi, min_entropy, edge_chars)
    if exclude_known:
        known = result["term"].map(tokenizer.has_word).astype(bool)
        result = result[~known]
    if (reasons or drop_fragments) and len(result):
        result = result.assign(reason=fragment_reasons(result, tokenizer, stream))
        if not reasons:
            result = result[result["reason"] == ""]
    elif reasons:
        result = result.assign(reason=pd.Series("", index=result.index, dtype=object))
    return _ranked(result, columns)


#: Columns of :func:`review_terms` (the editable terms file of the interim folder).
REVIEW_COLUMNS = ["term", "freq", "n_docs", "score", "status", "reason", "pmi", "left_entropy", "right_entropy"]


def _with_terms(tokenizer: Tokenizer, terms: Iterable[str]) -> Tokenizer:
    """A tokenizer configured like ``tokenizer`` with ``terms`` added to its own added terms."""
    config = tokenizer.get_config()
    config["extra_terms"] = [*config["extra_terms"], *terms]
    return Tokenizer(**config)


def _splitting(accepted: list[str], tokenizer: Tokenizer, protected: frozenset[str]) -> dict[str, str]:
    """Accepted terms that, once added, change how a dictionary term is segmented: term -> that dictionary term."""
    adapted = _with_terms(tokenizer, accepted)
    culprits: dict[str, str] = {}
    for word in sorted(protected):
        if adapted.cut(word) == tokenizer.cut(word):
            continue
        for term in accepted:
            overlaps = any(word.endswith(term[:k]) or word.startswith(term[-k:]) for k in range(1, len(term)))
            if term not in culprits and (term in word or word in term or overlaps):
                culprits[term] = word
    return culprits


def review_terms(
    texts: Iterable[str],
    n_terms: int = 50,
    *,
    min_count: int = 3,
    tokenizer: Tokenizer | None = None,
    **discover_kwargs: Any,
) -> pd.DataFrame:
    """Discover a corpus's candidate terms and decide which to add, with the reason for each decision.

    Every candidate of :func:`discover_terms` is listed.  The best
    ``n_terms`` by score to which no rule of :mod:`analysis.segment.fragments`
    objects are accepted; then the tokenizer with them added is checked
    against every dictionary term (:func:`~analysis.segment.fragments.dictionary_terms`):
    an accepted term that changes how one of them is segmented is rejected and
    the next candidate takes its place, so a discovered term never splits or
    shrinks a dictionary term (推进智慧城市建设 stays 推进/智慧城市/建设).

    Parameters
    ----------
    texts : iterable of str
    n_terms : int, default 50
        Terms to accept.
    min_count : int, default 3
        Minimum occurrences of a candidate.
    tokenizer : Tokenizer, optional
        The tokenizer the terms are added to; default ``Tokenizer(boilerplate=True)``.
    **discover_kwargs
        Other settings of :func:`discover_terms`.

    Returns
    -------
    DataFrame
        Columns :data:`REVIEW_COLUMNS`: ``term``, ``freq`` (occurrences),
        ``n_docs`` (texts containing it), ``score`` (bits squared), ``status``
        ("accepted" or "rejected"), ``reason`` ("" when accepted; e.g.
        "cuts dictionary term 智慧城市 (推进智慧城市)", "starts or ends with
        stopword 落实", "part of place name 黔南州", "ranked below the top 50"),
        then ``pmi``, ``left_entropy``, ``right_entropy`` (bits); by score.
        A researcher may edit ``status`` and pass the table back as a
        curated list (``prepare(..., terms_path=...)``).
    """
    tokenizer = Tokenizer(boilerplate=True) if tokenizer is None else tokenizer
    texts = [t for t in texts if isinstance(t, str)]
    found = discover_terms(texts, min_count=min_count, tokenizer=tokenizer, reasons=True, **discover_kwargs)
    reason = found["reason"].astype(object).to_numpy().copy()
    protected = dictionary_terms(tokenizer)
    for _round in range(10):  # each round rejects at least one term, or stops
        clean = np.flatnonzero(reason == "")
        accepted = [str(t) for t in found["term"].to_numpy()[clean[:n_terms]]]
        culprits = _splitting(accepted, tokenizer, protected) if accepted else {}
        if not culprits:
            break
        for i in clean[:n_terms]:
            if found["term"].iat[i] in culprits:
                reason[i] = f"splits dictionary term {culprits[found['term'].iat[i]]}"
    clean = np.flatnonzero(reason == "")
    status = np.full(len(found), "rejected", dtype=object)
    status[clean[:n_terms]] = "accepted"
    reason[clean[n_terms:]] = f"ranked below the top {n_terms}"
    review = found.rename(columns={"count": "freq"}).assign(status=status, reason=reason)
    return review[REVIEW_COLUMNS].reset_index(drop=True)


def adapt_tokenizer(
    texts: Iterable[str],
    n_terms: int = 50,
    *,
    min_count: int = 3,
    boilerplate: bool = True,
    **tokenizer_kwargs: Any,
) -> tuple[Tokenizer, pd.DataFrame]:
    """Discover a corpus's own terms and return a tokenizer that knows them.

    The two steps a researcher would take, as one call: review the
    candidates (:func:`review_terms`), then add the accepted ones to
    ``Tokenizer(boilerplate=boilerplate, **tokenizer_kwargs)``.

    Returns
    -------
    (Tokenizer, DataFrame)
        The adapted tokenizer and the :func:`review_terms` table (rows with
        ``status == "accepted"`` were added), so the additions can be shown
        and reviewed.
    """
    base = Tokenizer(boilerplate=boilerplate, **tokenizer_kwargs)
    review = review_terms(texts, n_terms, min_count=min_count, tokenizer=base)
    accepted = review.loc[review["status"] == "accepted", "term"]
    return _with_terms(base, accepted), review
