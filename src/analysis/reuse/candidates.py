"""Candidate regions: stage-1 windows, runs of seeds on one diagonal, diagonal bands.

Seeds on one diagonal with small gaps become runs; runs whose diagonal band
covers enough exact-match characters are kept and oriented source -> target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..shingles import Encoded, index_dtype
from .direction import Meta, orient
from .index import ShingleIndex, argsort_keys, sort_rows
from .seeds import Seeds, Windows, pair_sampled, seed_run_extension


def union_contrib(t0: np.ndarray, t1: np.ndarray, cluster: np.ndarray) -> np.ndarray:
    """Length each interval [t0, t1) adds to the union of its cluster.

    Intervals are sorted by ``t0`` within each cluster and clusters are
    contiguous with non-decreasing ids.
    """
    if len(t0) == 0:
        return np.zeros(0, dtype=np.int64)
    new = np.r_[True, cluster[1:] != cluster[:-1]]
    rank = np.cumsum(new) - 1
    big = np.int64(int(t1.max()) + 1)
    reach = np.maximum.accumulate(rank * big + t1) - rank * big
    prev = np.r_[0, reach[:-1]]
    prev[new] = 0
    return np.maximum(0, t1 - np.maximum(t0, prev))


def candidate_windows(
    index: ShingleIndex, enc: Encoded, n_docs: int, ngram: int, max_gap: int, window: int, min_cover: int
) -> tuple[Windows, int]:
    """Stage 1: find the windows stage 2 searches in full (and count sampled matches).

    The sampled seed matches come from :func:`pair_sampled`.  Sampled
    matches on one diagonal at most ``ngram`` apart are one run;
    each run is widened by walking the seed matches on from both ends (as
    far as ``min_cover`` needs), runs are clustered per pair along the
    target, and clusters covering ``min_cover`` characters -- the full
    index's own test, see :func:`select_supported_runs` -- become windows:
    per group of similar diagonals, the extent of the runs plus a margin.

    Returns
    -------
    (windows, n_sampled)
        The candidate windows (global normalised positions of shingle
        starts) and the number of sampled seed matches.
    """
    assert index.tag is not None, "the index was built without sampling"
    return sampled_windows(
        pair_sampled(index, enc.doc_of, n_docs), index.tag, enc, n_docs, ngram, max_gap, window, min_cover
    )


def sampled_windows(
    hits: Seeds, tag: np.ndarray, enc: Encoded, n_docs: int, ngram: int, max_gap: int, window: int, min_cover: int
) -> tuple[Windows, int]:
    """The windows of :func:`candidate_windows`, from the sampled seed matches ``hits``.

    ``tag`` is the seed tag of every position (:func:`.index.seed_tags`).
    Each pair's windows depend only on that pair's hits and on the tags and
    text of its two documents, so pairs can be processed in separate batches.

    Returns
    -------
    (windows, n_sampled) as :func:`candidate_windows`.
    """
    z = np.zeros(0, dtype=np.int64)
    none = Windows(z, z, z, z, z)
    n_sampled = len(hits.key)
    if n_sampled == 0:
        return none, 0
    key, diag, t0, t1 = _sampled_runs(hits, enc, n_docs, ngram)
    del hits
    _widen_runs(tag, enc, key, diag, t0, t1, n_docs, ngram, min_cover)
    # the join is wide because an unsampled run may link two sampled ones
    join = 2 * max_gap + window + ngram
    found = _passing_clusters(key, diag, t0, t1, max_gap, min_cover, join)
    if found is None:
        return none, n_sampled
    idx, cluster = found
    d = diag[idx]
    starts = np.flatnonzero(np.r_[True, cluster[1:] != cluster[:-1]])
    key = key[idx[starts]]
    lo, hi = key // n_docs, key % n_docs
    s_lo = np.minimum.reduceat(t0[idx] - d, starts)
    s_hi = np.maximum.reduceat(t1[idx] - d, starts)
    t_lo = np.minimum.reduceat(t0[idx], starts)
    t_hi = np.maximum.reduceat(t1[idx], starts)
    # the margin reaches an unsampled run that the full index would cluster
    # with these (the join distance); windows hold shingle starts
    # [first char - margin, last char + margin - ngram]
    margin = join
    n_starts = np.maximum(enc.doc_end - enc.doc_start - ngram + 1, 0)
    a0 = np.maximum(s_lo - margin, 0) + enc.doc_start[lo]
    a1 = np.minimum(s_hi + margin - ngram + 1, n_starts[lo]) + enc.doc_start[lo]
    b0 = np.maximum(t_lo - margin, 0) + enc.doc_start[hi]
    b1 = np.minimum(t_hi + margin - ngram + 1, n_starts[hi]) + enc.doc_start[hi]
    return Windows(key, a0, a1, b0, b1), n_sampled


def _sampled_runs(
    hits: Seeds, enc: Encoded, n_docs: int, ngram: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Chain sampled matches on one diagonal at most ``ngram`` apart into runs.

    Returns
    -------
    key, diag, t0, t1 : per run, the pair key, the diagonal (b - a, local
        offsets) and the run's extent [t0, t1) in local positions of the
        higher-indexed document; sorted by (key, diag, t0)
    """
    max_len = int((enc.doc_end - enc.doc_start).max())
    pdt = index_dtype(len(enc.codes) + 1)
    lo, hi = hits.key // n_docs, hits.key % n_docs
    b_loc = hits.b - enc.doc_start[hi].astype(pdt)
    diag = b_loc - (hits.a - enc.doc_start[lo].astype(pdt)) + max_len  # shifted to be >= 0
    del lo, hi
    key, diag, b_loc = sort_rows(hits.key, diag, b_loc)
    new_run = np.r_[True, (key[1:] != key[:-1]) | (diag[1:] != diag[:-1]) | (b_loc[1:] - b_loc[:-1] > ngram)]
    first = np.flatnonzero(new_run)
    last = np.r_[first[1:], len(key)] - 1
    return key[first], diag[first] - max_len, b_loc[first], b_loc[last] + ngram


def _widen_runs(
    tag: np.ndarray,
    enc: Encoded,
    key: np.ndarray,
    diag: np.ndarray,
    t0: np.ndarray,
    t1: np.ndarray,
    n_docs: int,
    ngram: int,
    min_cover: int,
) -> None:
    """Widen each run in place (``t0``, ``t1``) by walking on along its diagonal from both ends.

    At most min_cover - ngram steps (enough to tell whether a lone run
    reaches min_cover); the walk follows the seed matches of the full index,
    sampled or not.
    """
    pdt = index_dtype(len(enc.codes) + 1)
    lo, hi = key // n_docs, key % n_docs
    b_start = enc.doc_start[hi]
    b_to_a = (enc.doc_start[lo] - diag - b_start).astype(pdt)
    # one walk per end of each run; runs are sorted by their lower-indexed
    # document, so its positions are the near ones
    end_b = np.stack([t1 - ngram + 1, t0 - 1], axis=1).astype(pdt).ravel()
    end_b += np.repeat(b_start.astype(pdt), 2)
    end_a = end_b + np.repeat(b_to_a, 2)
    del b_start, b_to_a
    step = np.tile(np.array([1, -1], dtype=pdt), len(t0))
    ext = seed_run_extension(tag, end_a, end_b, end_a < end_b, step, max(min_cover - ngram, 0))
    t1 += ext[0::2]
    t0 -= ext[1::2]


def _passing_clusters(
    key: np.ndarray, diag: np.ndarray, t0: np.ndarray, t1: np.ndarray, max_gap: int, min_cover: int, join: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Cluster widened runs and keep the clusters that cover ``min_cover`` characters.

    Runs are clustered along the target whatever the diagonal, then the few
    clusters that pass are split into groups of similar diagonals, as the
    full index's diagonal bands would, and each group is tested again.

    Returns
    -------
    (idx, cluster) or None
        Indices of the runs kept and their cluster ids (contiguous, from 0),
        or None when no cluster passes.
    """
    # a pair with a single short run cannot pass
    new_pair = np.r_[True, key[1:] != key[:-1]]
    pair_id = np.cumsum(new_pair) - 1
    n_runs = np.bincount(pair_id)
    keep = np.flatnonzero((n_runs[pair_id] > 1) | (t1 - t0 >= min_cover))
    sub, cluster = cluster_along_target((pair_id[keep],), t0[keep], t1[keep], join)
    idx = keep[sub]
    for split in (False, True):
        cover = np.bincount(cluster, weights=union_contrib(t0[idx], t1[idx], cluster))
        passed = cover[cluster] >= min_cover
        idx, cluster = idx[passed], cluster[passed]
        if len(idx) == 0:
            return None
        cluster = np.cumsum(np.r_[True, cluster[1:] != cluster[:-1]]) - 1
        if not split:
            d = diag[idx] - int(diag[idx].min())
            sub, part = cluster_along_target((cluster,), d, d, 4 * max_gap + 8)
            idx = idx[sub]
            sub, cluster = cluster_along_target((part,), t0[idx], t1[idx], join)
            idx = idx[sub]
    return idx, cluster


@dataclass(frozen=True)
class Runs:
    """Exact-ish matches on one diagonal between two documents.

    Before :func:`orient_runs` positions are those of the ``b`` document
    (``diag`` = b - a) and ``pair`` is the seed key; afterwards they are
    target positions (``diag`` = target - source) and ``pair`` indexes the
    oriented pair arrays.
    """

    pair: np.ndarray
    diag: np.ndarray
    t0: np.ndarray  # first position (global normalised index)
    t1: np.ndarray  # one past the last matched position
    cover: np.ndarray  # characters covered by the run's exact matches


def find_runs(seeds: Seeds, enc: Encoded, n_docs: int, ngram: int, max_gap: int) -> Runs:
    """Chain seeds on the same diagonal into runs, bridging gaps <= max_gap.

    A substitution inside copied text breaks ``ngram`` consecutive shingles
    but leaves the diagonal unchanged, so same-diagonal seeds separated by a
    few unmatched characters belong to one run.
    """
    if len(seeds.key) == 0:
        z = np.zeros(0, dtype=np.int64)
        return Runs(z, z, z, z, z)
    start = enc.doc_start.astype(seeds.b.dtype)
    b_local = seeds.b - start[seeds.key % n_docs]
    diag_local = b_local - (seeds.a - start[seeds.key // n_docs])
    diag_local += int(np.max(enc.doc_end - enc.doc_start))
    order = argsort_keys(seeds.key, diag_local, b_local)
    del diag_local, b_local
    key, pos = seeds.key[order], seeds.b[order]
    diag = pos - seeds.a[order]
    del order
    step = np.diff(pos)
    new = np.r_[True, (key[1:] != key[:-1]) | (diag[1:] != diag[:-1]) | (step - ngram > max_gap)]
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], len(pos)] - 1
    # characters of exact match contributed by each seed (its window minus overlap)
    contrib = np.full(len(pos), ngram, dtype=pos.dtype)
    contrib[:-1] = np.minimum(step, ngram)
    contrib[ends] = ngram
    return Runs(
        pair=key[starts],
        diag=diag[starts],
        t0=pos[starts],
        t1=pos[ends] + ngram,
        cover=np.add.reduceat(contrib, starts),
    )


def cluster_along_target(
    keys: Sequence[np.ndarray], t0: np.ndarray, t1: np.ndarray, max_gap: int
) -> tuple[np.ndarray, np.ndarray]:
    """Single-linkage clustering of target intervals within groups.

    Intervals in the same group (equal values in every array of ``keys``,
    which must be non-negative integers) join a cluster when they start at
    most ``max_gap`` after the furthest end seen so far in it.

    Returns
    -------
    order : int array sorting the intervals by (keys..., t0)
    cluster : int array (in that order) of cluster ids, increasing
    """
    order = argsort_keys(*keys, t0)
    a, b = t0[order], t1[order]
    if len(a) == 0:
        return order, np.zeros(0, dtype=np.int64)
    new_group = np.zeros(len(a), dtype=bool)
    new_group[0] = True
    for key in keys:
        k = key[order]
        new_group[1:] |= k[1:] != k[:-1]
    # running maximum of interval ends, restarted at every group: the group
    # rank times a large offset dominates, so maxima never leak across groups
    rank = np.cumsum(new_group) - 1
    big = np.int64(int(b.max()) + 2 * max_gap + 2)
    reach = np.maximum.accumulate(rank * big + b) - rank * big
    new = new_group.copy()
    new[1:] |= a[1:] > reach[:-1] + max_gap
    return order, np.cumsum(new) - 1


def subset_runs(runs: Runs, keep: np.ndarray) -> Runs:
    """Return the runs selected by ``keep`` (bool mask or indices)."""
    return Runs(runs.pair[keep], runs.diag[keep], runs.t0[keep], runs.t1[keep], runs.cover[keep])


def select_supported_runs(runs: Runs, max_gap: int, min_cover: int) -> Runs:
    """Keep runs that belong to a diagonal band with enough exact matches.

    Coincidental matches (shared stock phrases) are short and scattered over
    unrelated diagonals; copied passages pile up seeds in one narrow band of
    diagonals.  Runs are grouped by (pair, band of diagonals) on two grids
    offset by half a band, so a passage whose diagonal drifts across a band
    edge still lands within one band of the other grid.
    """
    if len(runs.pair) == 0:
        return runs
    # cheap first cut: a pair whose runs cover too little in total cannot
    # pass (runs arrive sorted by pair key, so segment sums suffice)
    starts = np.flatnonzero(np.r_[True, runs.pair[1:] != runs.pair[:-1]])
    pair_cover = np.add.reduceat(runs.cover, starts)
    sizes = np.diff(np.r_[starts, len(runs.pair)])
    runs = subset_runs(runs, np.repeat(pair_cover >= min_cover, sizes))
    if len(runs.pair) == 0:
        return runs
    # small per-pair coordinates keep the sort keys packable into one int64
    starts = np.flatnonzero(np.r_[True, runs.pair[1:] != runs.pair[:-1]])
    sizes = np.diff(np.r_[starts, len(runs.pair)])
    dense = np.repeat(np.arange(len(starts)), sizes)
    diag = runs.diag - np.repeat(np.minimum.reduceat(runs.diag, starts), sizes)
    t_base = np.repeat(np.minimum.reduceat(runs.t0, starts), sizes)
    t0, t1 = runs.t0 - t_base, runs.t1 - t_base
    width = 4 * max_gap + 8
    keep = np.zeros(len(runs.pair), dtype=bool)
    for offset in (0, width // 2):
        band = (diag + offset) // width
        order, cluster = cluster_along_target((dense, band), t0, t1, max_gap)
        cover = np.bincount(cluster, weights=runs.cover[order])
        keep[order[cover[cluster] >= min_cover]] = True
    return subset_runs(runs, keep)


@dataclass(frozen=True)
class Pairs:
    """Oriented candidate pairs: document indices of source and target, one entry per pair."""

    src_doc: np.ndarray  # int64 document index of the source
    tgt_doc: np.ndarray  # int64 document index of the target


def orient_runs(runs: Runs, meta: Meta) -> tuple[Runs, Pairs]:
    """Decide source and target of each pair and express runs in target coordinates."""
    n_docs = len(meta.doc_ids)
    keys, pair = np.unique(runs.pair, return_inverse=True)
    lo_doc, hi_doc = keys // n_docs, keys % n_docs
    lo_first, _ = orient(meta, lo_doc, hi_doc)
    # runs sit in the higher-indexed document; flip those where it is the source
    flip = ~lo_first[pair]
    diag = np.where(flip, -runs.diag, runs.diag)
    t0 = np.where(flip, runs.t0 - runs.diag, runs.t0)
    t1 = np.where(flip, runs.t1 - runs.diag, runs.t1)
    oriented = Runs(pair=pair.astype(np.int64).ravel(), diag=diag, t0=t0, t1=t1, cover=runs.cover)
    return oriented, Pairs(src_doc=np.where(lo_first, lo_doc, hi_doc), tgt_doc=np.where(lo_first, hi_doc, lo_doc))


def min_cover(ngram: int, min_chars: int) -> int:
    """Return exact-match characters a candidate region needs before alignment.

    Half of ``min_chars`` leaves room for edits and punctuation (which
    min_chars counts but matching ignores) while discarding the many short
    coincidental matches of stock phrases.
    """
    return max(ngram, min_chars // 2)
