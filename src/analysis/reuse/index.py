"""Shingle index: hashes grouped by value, seeds split from boilerplate, winnowing sample.

A hash shared by 2..threshold documents is a *seed*; one in more documents is
*boilerplate* (never a seed; the characters it covers are discounted).  With
sampling on, the index also marks the winnowing fingerprints and tags every
seed position so any two positions can be tested for a seed match in O(1).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import shingles
from ..shingles import chunks, index_dtype


def argsort_keys(*keys: np.ndarray) -> np.ndarray:
    """Return the order sorting rows by non-negative integer keys, most significant first.

    Packs the keys into one int64 when their ranges allow it (one argsort is
    several times faster than np.lexsort), else falls back to np.lexsort.
    When the row number fits in the spare low bits it is packed too, and a
    plain value sort (several times faster again than an argsort) yields the
    order; ties then keep their input order.
    """
    n = len(keys[0])
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    spans = [int(k.max()) + 1 for k in keys]
    if sum(math.log2(sp) for sp in spans) < 62:
        packed = np.zeros(n, dtype=np.int64)
        for k, sp in zip(keys, spans):
            packed *= sp
            packed += k
        row_bits = max(1, (n - 1).bit_length())
        if int(packed.max()) < 1 << (63 - row_bits):
            packed <<= row_bits
            packed |= np.arange(n, dtype=np.int64)
            packed.sort()
            packed &= (1 << row_bits) - 1
            return packed
        return np.argsort(packed)
    return np.lexsort(keys[::-1])


def sort_rows(*cols: np.ndarray) -> list[np.ndarray]:
    """Sort rows given as non-negative integer columns (first column most significant).

    Returns the sorted columns.  When the columns fit in 63 bits together
    they are packed into one int64 and value-sorted, which is several times
    faster than an argsort followed by gathers.
    """
    if len(cols[0]) == 0:
        return [c.astype(np.int64) for c in cols]
    bits = [max(1, int(c.max()).bit_length()) for c in cols]
    if sum(bits) > 63:
        order = np.lexsort(cols[::-1])
        return [c[order].astype(np.int64) for c in cols]
    packed = np.zeros(len(cols[0]), dtype=np.int64)
    for c, b in zip(cols, bits):
        packed <<= b
        packed |= c
    packed.sort()
    out = []
    for b in reversed(bits):
        out.append(packed & ((1 << b) - 1))
        packed >>= b
    return out[::-1]


def same_prefix_as_next(key: np.ndarray, low: np.uint64) -> np.ndarray:
    """For sorted packed keys: does key[i] share its bits above ``low`` with key[i + 1]?"""
    out = np.empty(max(len(key) - 1, 0), dtype=bool)
    for sl in chunks(len(out)):
        out[sl] = (key[sl.start + 1 : sl.stop + 1] ^ key[sl]) <= low
    return out


def sliding_extreme(x: np.ndarray, w: int, op: np.ufunc) -> np.ndarray:
    """Return ``op`` (np.minimum / np.maximum) over every window of ``w`` elements.

    Doubling: log2(w) passes over the array instead of w.  The result has
    len(x) - w + 1 elements (element i covers x[i:i + w]).
    """
    out, span = x, 1
    while 2 * span <= w:
        out = op(out[:-span], out[span:])
        span *= 2
    if span < w:
        k = w - span
        out = op(out[: len(out) - k], out[k:])
    return out


def winnow(h: np.ndarray, valid: np.ndarray, window: int) -> np.ndarray:
    """Return the winnowing fingerprints: shingles that are the minimum of a window.

    A shingle is selected when its hash is the smallest of some ``window``
    consecutive shingles.  Selection depends only on the text inside the
    window, so any shared run of at least ``window`` shingles contains a
    fingerprint selected in both documents (one per ``window`` shingles),
    while for random ranks about 2 / (window + 1) of all shingles are
    selected.  ``h`` is the rank of each shingle; ties select every tied
    shingle.
    """
    n = len(h)
    if window <= 1 or n == 0:
        return valid.copy()
    w = min(window, n)
    out = np.empty(n, dtype=bool)
    # chunk by chunk (with w - 1 positions of context each side) to stay in cache
    for sl in chunks(n):
        a, b = max(0, sl.start - w + 1), min(n, sl.stop + w - 1)
        mins = sliding_extreme(h[a:b], w, np.minimum)  # windows starting a .. b - w
        # a shingle is some window's minimum iff it equals the largest minimum
        # of the windows containing it (all of which are <= its hash); absent
        # windows past either end of the corpus count as 0
        padded = np.concatenate(
            [np.zeros(a - sl.start + w - 1, dtype=h.dtype), mins, np.zeros(sl.stop - 1 - (b - w), dtype=h.dtype)]
        )
        out[sl] = (h[sl] == sliding_extreme(padded, w, np.maximum)) & valid[sl]
    return out


@dataclass(frozen=True)
class ShingleIndex:
    """Seed groups and boilerplate positions of the shingles of the concatenated corpus."""

    seed_pos: np.ndarray  # positions of seed shingles, grouped by hash
    seed_group_start: np.ndarray  # int64 start of each group in seed_pos (+ end)
    seed_link_limit: np.ndarray  # int64 per group: occurrences a later one may pair with
    boilerplate_pos: np.ndarray  # positions of boilerplate shingles
    n_boilerplate_hashes: int
    # with sampling only (None otherwise), one entry per position:
    fingerprint: np.ndarray | None  # bool: a winnowing fingerprint
    tag: np.ndarray | None  # seed group, class and link rule, see seed_tags


def index_shingles(
    codes: np.ndarray,
    doc_of: np.ndarray,
    ngram: int,
    random_state: int,
    threshold: int,
    max_sources: int,
    sample_window: int = 1,
) -> ShingleIndex:
    """Hash shingles, group their positions by hash, split seeds from boilerplate.

    A hash in 2..threshold documents is a seed group, one in more than
    ``threshold`` documents is boilerplate.  Within a group occurrences are
    ordered by position, which (documents being concatenated earliest first)
    orders them by document precedence, so each occurrence can be paired with
    the occurrences of the first ``max_sources`` documents only.

    Returns
    -------
    ShingleIndex
        Seed groups (positions, group starts, link limits), boilerplate
        positions and, when ``sample_window`` > 1, the winnowing fingerprints
        and seed tags (one entry per normalised position).
    """
    dt = index_dtype(len(codes))
    pos, new_group, rank, valid = _group_positions(codes, doc_of, ngram, random_state, dt)
    if len(pos) == 0:
        empty = np.zeros(0, dtype=dt)
        return ShingleIndex(
            empty,
            np.zeros(1, dtype=np.int64),
            np.zeros(0, dtype=np.int64),
            empty,
            0,
            np.zeros(len(codes) + 1, dtype=bool),
            np.zeros(len(codes) + 1, dtype=np.int32),
        )
    seed_pos, seed_start, seed_limit, boilerplate_pos, n_boiler, capped = classify_groups(
        pos, new_group, doc_of.__getitem__, threshold, max_sources, dt
    )
    del pos, new_group
    if sample_window <= 1:
        return ShingleIndex(seed_pos, seed_start, seed_limit, boilerplate_pos, n_boiler, None, None)
    n = len(rank)
    # Fingerprints prefer seeds that link every holder (DF <= max_sources + 1),
    # then other seeds, then the rest.  The class is a property of the hash,
    # so both copies of a shared run still select the same fingerprints, and
    # a short copied run between edits (whose neighbours are unique text) is
    # almost always selected even when it is shorter than a window.
    tag = seed_tags(seed_pos, seed_start, seed_limit, capped, n + ngram - 1)
    for sl in chunks(n):
        t = tag[sl]
        rank[sl] |= np.where(t > 0, (t >> 1) & 1, 2).astype(np.uint32) << np.uint32(30)
        rank[sl][~valid[sl]] = np.iinfo(np.uint32).max
    fingerprint = np.zeros(n + ngram, dtype=bool)
    fingerprint[:n] = winnow(rank, valid, sample_window)
    del rank, valid
    return ShingleIndex(seed_pos, seed_start, seed_limit, boilerplate_pos, n_boiler, fingerprint, tag)


def _group_positions(
    codes: np.ndarray, doc_of: np.ndarray, ngram: int, random_state: int, dt: np.dtype[Any]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Hash the shingles and group the positions of hashes that occur more than once.

    Returns
    -------
    pos : positions of repeated shingles, grouped by full hash, each group in position order
    new_group : bool, True at the first position of each group
    rank : uint32 per shingle start, 30 hash bits (the winnowing rank before its class is set)
    valid : bool per shingle start, False for windows crossing a document boundary
    """
    hashes, valid = shingles.hash_shingles(codes, doc_of, ngram, random_state)
    # Sort hash prefixes with the position packed into the low bits: one
    # value sort (several times faster than an argsort) groups equal hashes
    # and leaves each group in position order.
    n = len(hashes)
    pbits = max(1, (n - 1).bit_length())
    low = np.uint64((1 << pbits) - 1)
    key = np.empty(int(valid.sum()), dtype=np.uint64)
    # winnowing rank: 30 hash bits under a 2-bit class set once DFs are known
    rank = np.empty(n, dtype=np.uint32)
    done = 0
    for sl in chunks(n):
        h = hashes[sl]
        rank[sl] = h >> np.uint64(34)
        k = (h & ~low) | np.arange(sl.start, sl.stop, dtype=np.uint64)
        k = k[valid[sl]]
        key[done : done + len(k)] = k
        done += len(k)
    key.sort()
    same_next = same_prefix_as_next(key, low)
    shared = np.zeros(len(key), dtype=bool)
    shared[1:] |= same_next
    shared[:-1] |= same_next
    del same_next
    key = key[shared]
    del shared
    pos = np.empty(len(key), dtype=dt)
    for sl in chunks(len(key)):
        pos[sl] = key[sl] & low
    full = hashes[pos]
    del hashes
    same_prefix = same_prefix_as_next(key, low)
    del key
    _split_mixed_prefix_groups(pos, full, same_prefix)
    del same_prefix
    new_group = np.r_[True, full[1:] != full[:-1]]
    del full
    sizes = np.diff(np.r_[np.flatnonzero(new_group), len(pos)])
    if (sizes == 1).any():
        keep = np.repeat(sizes > 1, sizes)
        pos, new_group = pos[keep], new_group[keep]
    return pos, new_group, rank, valid


def _split_mixed_prefix_groups(pos: np.ndarray, full: np.ndarray, same_prefix: np.ndarray) -> None:
    """Sort, in place, the prefix groups that mix different full hashes by (hash, position).

    A prefix group may mix different full hashes (rare); after this the
    singletons it leaves are found by comparing neighbouring full hashes.
    """
    mixed = np.flatnonzero(same_prefix & (full[1:] != full[:-1]))
    if len(mixed) == 0:
        return
    group_start = np.flatnonzero(np.r_[True, ~same_prefix])
    group_end = np.r_[group_start[1:], len(pos)]
    bad = np.unique(np.searchsorted(group_start, mixed, side="right") - 1)
    lengths = group_end[bad] - group_start[bad]
    sub = np.arange(int(lengths.sum())) + np.repeat(group_start[bad] - (np.cumsum(lengths) - lengths), lengths)
    fix = np.lexsort((pos[sub], full[sub]))
    pos[sub], full[sub] = pos[sub][fix], full[sub][fix]


def classify_groups(
    pos: np.ndarray,
    new_group: np.ndarray,
    doc_lookup: Callable[[np.ndarray], np.ndarray],
    threshold: int,
    max_sources: int,
    dt: np.dtype[Any],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int, np.ndarray]:
    """Split hash groups into seeds (2..threshold documents) and boilerplate (more).

    ``pos`` holds the positions of repeated shingles grouped by hash, each
    group in position order, ``new_group`` is True at each group's first
    position and ``doc_lookup`` maps positions to their document indices.

    Returns
    -------
    seed_pos, seed_start, seed_limit : seed positions grouped by hash, group starts (plus
        the end) and per group the number of occurrences a later occurrence may pair with
    boilerplate_pos : positions of boilerplate shingles
    n_boilerplate : number of distinct boilerplate hashes
    capped : bool per seed group, True when it is in more than ``max_sources + 1`` documents
    """
    docs = doc_lookup(pos)
    starts = np.flatnonzero(new_group)
    sizes = np.diff(np.r_[starts, len(pos)])
    new_doc = new_group | np.r_[True, docs[1:] != docs[:-1]]
    del docs
    df = np.add.reduceat(new_doc, starts, dtype=np.int64)
    # number of the document (1-based) each occurrence belongs to in its group
    doc_count = np.cumsum(new_doc, dtype=dt)
    doc_count -= np.repeat(doc_count[starts] - 1, sizes)
    del new_doc
    in_first = np.add.reduceat(doc_count <= max_sources, starts, dtype=np.int64)
    del doc_count
    # a few occurrences per early document are plenty; caps heavy repetition
    link_limit = np.minimum(in_first, 4 * max_sources)
    is_boiler = df > threshold
    is_seed = (df >= 2) & ~is_boiler
    group_of = np.cumsum(new_group, dtype=dt) - 1
    seed_pos = pos[is_seed[group_of]]
    seed_start = np.concatenate([[0], np.cumsum(sizes[is_seed])]).astype(np.int64)
    seed_limit = link_limit[is_seed].astype(np.int64)
    boilerplate_pos = pos[is_boiler[group_of]]
    return (seed_pos, seed_start, seed_limit, boilerplate_pos, int(is_boiler.sum()), df[is_seed] > max_sources + 1)


def seed_tags(
    seed_pos: np.ndarray, group_start: np.ndarray, link_limit: np.ndarray, capped: np.ndarray, n_chars: int
) -> np.ndarray:
    """Per position: (seed group + 1) * 4 + 2 * capped + early for seed shingles, else 0.

    ``capped`` is True for groups in more than ``max_sources + 1``
    documents, ``early`` is 1 when the occurrence is among its group's first
    ``link_limit``.  Two occurrences p < q in different documents form a
    seed match of the full index iff ``tag[p] | 1 == tag[q] | 1`` and
    ``tag[p]`` is odd, so any two positions can be checked in O(1).
    """
    tdt = index_dtype(4 * (len(group_start) - 1) + 8)
    # a spare 0 at the end: walks that step off either end of the corpus stop there
    tag = np.zeros(n_chars + 1, dtype=tdt)
    tag[seed_pos] = seed_tag_values(group_start, link_limit, capped, tdt)
    return tag


def seed_tag_values(
    group_start: np.ndarray,
    link_limit: np.ndarray,
    capped: np.ndarray,
    dtype: np.dtype[Any],
    first: int = 1,
    stride: int = 1,
) -> np.ndarray:
    """Return the :func:`seed_tags` value of each seed occurrence, grouped as ``group_start`` says.

    Group g gets the number ``first + stride * g`` (so that hash partitions
    numbering their groups with different ``first`` never collide), the
    value is that number * 4 + 2 * capped + early, of type ``dtype``.
    """
    sizes = np.diff(group_start)
    n_groups = len(sizes)
    occ = np.arange(int(group_start[-1]), dtype=dtype)
    occ -= np.repeat(group_start[:-1].astype(dtype), sizes)
    value = (occ < np.repeat(link_limit.astype(dtype), sizes)).astype(dtype)
    del occ
    number = np.arange(n_groups, dtype=dtype) * stride + first
    value += np.repeat(number * 4 + 2 * capped.astype(dtype), sizes)
    return value


def mark_boilerplate(boilerplate_pos: np.ndarray, n_chars: int, ngram: int) -> np.ndarray:
    """Return the cumulative count of boilerplate-covered normalised characters.

    ``cum[j] - cum[i]`` is the number of characters in ``[i, j)`` covered by at
    least one boilerplate shingle (length n_chars + 1).
    """
    delta = np.bincount(boilerplate_pos, minlength=n_chars + 1)
    delta -= np.bincount(np.minimum(boilerplate_pos + ngram, n_chars), minlength=n_chars + 1)
    covered = np.cumsum(delta[:-1]) > 0
    del delta
    cum = np.zeros(n_chars + 1, dtype=index_dtype(n_chars + 1))
    np.cumsum(covered, out=cum[1:])
    return cum
