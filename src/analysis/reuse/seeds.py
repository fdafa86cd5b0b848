"""Seed matches: pairs of occurrences of one seed shingle in two documents.

Three ways to list them: all of them (the full index, :func:`pair_seeds`), only
those between winnowing fingerprints (stage 1, :func:`pair_sampled`), and all
of them inside candidate windows (stage 2, :func:`window_seeds`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..shingles import index_dtype
from .index import ShingleIndex, sort_rows


# Why two stages: every pair of occurrences of a seed shingle is a seed
# match, and a shingle shared by d documents yields up to ~d * min(d,
# 4 * max_sources) of them.  Moderately common phrases are shared by more
# documents the larger the corpus, so the number of matches (almost all of
# them chance matches of stock phrases) grows faster than the corpus, and
# so did the cost of sorting them before any pair was known to matter.
# Stage 1 pairs only the occurrences that are winnowing fingerprints (see
# winnow).  Both ends of a match must be sampled, so matches shrink about
# with the square of the share of occurrences sampled (on the synthetic
# benchmark about half of the seed occurrences, a fifth of the matches),
# while a copied run keeps a sampled match in both copies.  Each sampled
# match is widened to its run of consecutive seed matches (an exact walk
# through the full index, see seed_tags), and the regions where runs reach
# min_cover become windows.  Stage 2 lists every seed match inside the
# windows, so there the later steps get exactly the seeds the full index
# would give them.  The work is proportional to the sample plus the windows.
@dataclass(frozen=True)
class Seeds:
    """Occurrence pairs of seed shingles, not yet oriented.

    ``a`` is the position in the document with the lower corpus index, ``b``
    in the other one; ``key`` = lower index * n_docs + higher index.
    """

    key: np.ndarray  # int64
    a: np.ndarray  # global normalised position
    b: np.ndarray  # global normalised position


def link_pairs(pos: np.ndarray, first: np.ndarray, partners: np.ndarray, docs: np.ndarray, n_docs: int) -> Seeds:
    """Pair element i of ``pos`` with ``pos[first[i]:first[i] + partners[i]]``.

    ``docs`` is the document index of each element of ``pos``.  Pairs within
    one document are dropped; the rest become :class:`Seeds`.
    """
    n_pairs = int(partners.sum(dtype=np.int64))
    pdt = index_dtype(max(n_pairs, len(pos)))
    right = np.arange(n_pairs, dtype=pdt)
    right -= np.repeat((np.cumsum(partners, dtype=np.int64) - partners).astype(pdt), partners)
    right += np.repeat(first.astype(pdt), partners)
    # documents looked up once per occurrence, then spread (cache friendly)
    pb, db = pos[right], docs[right]
    del right
    pa, da = np.repeat(pos, partners), np.repeat(docs, partners)
    del docs
    cross = da != db
    pa, pb, da, db = pa[cross], pb[cross], da[cross], db[cross]
    del cross
    swap = da > db
    lo = np.where(swap, db, da).astype(np.int64)
    hi = np.where(swap, da, db)
    return Seeds(key=lo * n_docs + hi, a=np.where(swap, pb, pa), b=np.where(swap, pa, pb))


def pair_seeds(index: ShingleIndex, doc_of: np.ndarray, n_docs: int) -> Seeds:
    """Return all cross-document occurrence pairs of seed shingles (the full index).

    Within a hash group (ordered earliest document first) occurrence ``l``
    pairs with the earlier occurrences ``0 .. min(l, link_limit) - 1``: all
    pairs for text in few documents, the earliest holders only for text in
    many.  Used directly only without sampling (``SAMPLE_WINDOW`` = 1).
    """
    sizes = np.diff(index.seed_group_start)
    total = len(index.seed_pos)
    dt = index_dtype(total)
    first = np.repeat(index.seed_group_start[:-1].astype(dt), sizes)
    partners = np.arange(total, dtype=dt) - first
    np.minimum(partners, np.repeat(index.seed_link_limit.astype(dt), sizes), out=partners)
    return link_pairs(index.seed_pos, first, partners, doc_of[index.seed_pos], n_docs)


def pair_sampled(index: ShingleIndex, doc_of: np.ndarray, n_docs: int) -> Seeds:
    """Stage 1: the seed matches of :func:`pair_seeds` whose two occurrences are both sampled.

    The link rule is applied to the full hash group (a match exists iff the
    earlier occurrence is among the group's first ``link_limit``), so the
    result is exactly a subset of the full index's matches.
    """
    tag = index.tag
    assert tag is not None and index.fingerprint is not None, "the index was built without sampling"
    at = np.flatnonzero(index.fingerprint & (tag > 0))
    return pair_tagged(at, tag[at], doc_of.__getitem__, n_docs, index_dtype(len(tag)))


def pair_tagged(
    at: np.ndarray, tag_at: np.ndarray, doc_lookup: Callable[[np.ndarray], np.ndarray], n_docs: int, dtype: np.dtype
) -> Seeds:
    """Pair sampled seed occurrences (positions ``at``, their seed tags ``tag_at``) by the link rule.

    ``doc_lookup`` maps an array of positions to their document indices.
    Occurrences of one hash group pair with the group's earlier *early*
    occurrences (see :func:`analysis.reuse.index.seed_tags`); ``dtype`` is the
    integer type of the returned positions.  Returns the :class:`Seeds`
    (empty when no occurrences are given).
    """
    if len(at) == 0:
        z = np.zeros(0, dtype=np.int64)
        return Seeds(z, z, z)
    # in hash-group order, each group in position (= occurrence) order
    group, at, early = sort_rows(tag_at >> 2, at, tag_at & 1)
    at = at.astype(dtype)
    sub_start = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sub_sizes = np.diff(np.r_[sub_start, len(at)])
    first = np.repeat(sub_start, sub_sizes)
    # the early occurrences come first in their group, so the partners of
    # the r-th sampled one are the first min(r, number of early ones)
    n_early = np.add.reduceat(early, sub_start)
    partners = np.minimum(np.arange(len(at)) - first, np.repeat(n_early, sub_sizes))
    del group, early, n_early
    return link_pairs(at, first, partners, doc_lookup(at), n_docs)


def seed_run_extension(
    tag: np.ndarray, near: np.ndarray, far: np.ndarray, near_first: np.ndarray, step: np.ndarray, cap: int
) -> np.ndarray:
    """Count consecutive seed matches at (near + k*step, far + k*step), k = 0, 1, ...

    ``near_first`` says whether the ``near`` occurrence is the earlier one
    (the one the link rule looks at); ``step`` is +1 or -1 per entry.
    Counting stops at the first position that is not a seed match, or at
    ``cap``.  Document boundaries need no check: the last ngram - 1
    positions of a document start no shingle, so their tag (0) ends every
    walk.  Only entries still extending are touched, so the cost is the
    total extension length.  The caller orders entries so that ``near``
    positions are read in nearly sequential order; ``far`` (random reads,
    the expensive part) is only read where ``near`` holds a seed at all.
    """
    ext = np.zeros(len(near), dtype=np.int32)
    alive = np.arange(len(near), dtype=index_dtype(len(near)))
    pn, pf = near, far
    for _ in range(cap):
        tn = tag[pn]
        cand = np.flatnonzero(tn > 0)
        tn, tf = tn[cand], tag[pf[cand]]
        ok = ((tn | 1) == (tf | 1)) & (np.where(near_first[cand], tn, tf) & 1).astype(bool)
        cand = cand[ok]
        if len(cand) == 0:
            break
        alive, step, near_first = alive[cand], step[cand], near_first[cand]
        pn, pf = pn[cand] + step, pf[cand] + step
        ext[alive] += 1
    return ext


@dataclass(frozen=True)
class Windows:
    """Stage-1 candidate regions: a window of shingle starts in each document.

    ``a0:a1`` lies in the lower-indexed document of pair ``key``, ``b0:b1``
    in the higher one (global normalised positions, half-open).
    """

    key: np.ndarray
    a0: np.ndarray
    a1: np.ndarray
    b0: np.ndarray
    b1: np.ndarray


def window_seeds(tag: np.ndarray, win: Windows, n_docs: int, doc_of: np.ndarray) -> Seeds:
    """Stage 2: every seed match of the full index inside a window pair.

    The same matches as :func:`pair_seeds` restricted to the windows, at a
    cost proportional to the windows' length: their seed shingles are
    grouped by hash with one sort and paired within each group.
    """
    z = np.zeros(0, dtype=np.int64)
    lengths = np.maximum(np.concatenate([win.a1 - win.a0, win.b1 - win.b0]), 0)
    if lengths.sum() == 0:
        return Seeds(z, z, z)
    n_win = len(win.key)
    starts = np.concatenate([win.a0, win.b0])
    total = int(lengths.sum())
    ramp = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    row = np.repeat(np.arange(2 * n_win, dtype=np.int64), lengths)
    t = tag[np.repeat(starts, lengths) + ramp]
    keep = t > 0
    # rows (window, hash group, side, offset, early) sort as one int64
    wid, grp, side, off, early = sort_rows(
        row[keep] % n_win,
        (t[keep] >> 1).astype(np.int64),
        row[keep] // n_win,
        ramp[keep],
        (t[keep] & 1).astype(np.int64),
    )
    del ramp, row, t, keep
    pos = np.where(side == 0, win.a0[wid], win.b0[wid]) + off
    new = np.r_[True, (wid[1:] != wid[:-1]) | (grp[1:] != grp[:-1])]
    blk = np.flatnonzero(new)
    blk_sizes = np.diff(np.r_[blk, len(pos)])
    n_side_a = np.add.reduceat((side == 0).astype(np.int64), blk)
    # each b-side entry pairs with all a-side entries of its block (they come first)
    partners = np.where(side == 1, np.repeat(n_side_a, blk_sizes), 0)
    n_pairs = int(partners.sum())
    ia = np.arange(n_pairs, dtype=np.int64) - np.repeat(np.cumsum(partners) - partners, partners)
    ia += np.repeat(np.repeat(blk, blk_sizes), partners)
    ib = np.repeat(np.arange(len(pos)), partners)
    pa, pb = pos[ia], pos[ib]
    # the link rule: the earlier occurrence must be among its group's first link_limit
    ok = np.where(pa < pb, early[ia], early[ib]).astype(bool)
    pa, pb = pa[ok], pb[ok]
    # windows of one pair may overlap: count each match once
    n_chars = len(tag)
    code = pa * np.int64(n_chars) + pb
    code.sort()
    code = code[np.r_[True, code[1:] != code[:-1]]]
    pa, pb = code // n_chars, code % n_chars
    lo = doc_of[pa].astype(np.int64)
    return Seeds(key=lo * n_docs + doc_of[pb], a=pa, b=pb)
