"""Alignment of candidate regions: chaining runs, X-drop extension, difflib scoring.

Runs in one target cluster are chained into co-linear regions, each region is
extended outwards over near-matching text, overlapping regions are merged and
the final region is aligned with :class:`difflib.SequenceMatcher` to trim its
ends and compute its similarity.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..shingles import Encoded
from .candidates import Pairs, Runs, cluster_along_target, min_cover
from .direction import Meta

#: A run as the chaining step sees it: (t0, t1, s0, s1, cover), global normalised positions.
RunTuple = tuple[int, int, int, int, int]

# Extension window beyond a seeded region, in normalised characters.  Long
# enough to walk through a typical boilerplate sentence (which has no seeds)
# that sits inside a copied paragraph.
EXTEND_WINDOW = 120


# How many earlier runs the chaining step looks back over; long copied
# passages have many runs but a chain only ever links near neighbours.
CHAIN_LOOKBACK = 64


@dataclass
class Region:
    """A candidate passage in global normalised coordinates ([start, end))."""

    s0: int
    s1: int
    t0: int
    t1: int


def chain_runs(runs: list[RunTuple], ngram: int, max_gap: int) -> list[int]:
    """Return indices of the best chain of runs (co-linear, small gaps).

    ``runs`` are (t0, t1, s0, s1, cover) sorted by t0.  The chain maximises
    covered characters subject to both target and source advancing with gaps
    of at most ``max_gap`` (overlaps up to ``ngram`` tolerated, as exact
    matches next to an indel can share a few characters).
    """
    n = len(runs)
    best = [r[4] for r in runs]
    back = [-1] * n
    for j in range(n):
        t0j, t1j, s0j, s1j, cj = runs[j]
        for i in range(max(0, j - CHAIN_LOOKBACK), j):
            _, t1i, s0i, s1i, _ = runs[i]
            if t1i >= t1j or s1i >= s1j or s0i > s0j:
                continue
            gt, gs = t0j - t1i, s0j - s1i
            if gt > max_gap or gs > max_gap or gt < -ngram or gs < -ngram:
                continue
            cand = best[i] + cj - max(0, -gt)
            if cand > best[j]:
                best[j], back[j] = cand, i
    j = max(range(n), key=lambda x: (best[x], -x))
    chain = []
    while j >= 0:
        chain.append(j)
        j = back[j]
    return chain[::-1]


def regions_from_runs(runs: list[RunTuple], ngram: int, max_gap: int, min_cover: int) -> list[Region]:
    """Split one target cluster of runs into co-linear regions, best first."""
    regions: list[Region] = []
    remaining = sorted(runs)
    while remaining and sum(r[4] for r in remaining) >= min_cover:
        chain = [remaining[i] for i in chain_runs(remaining, ngram, max_gap)]
        if sum(r[4] for r in chain) < min_cover:
            break
        reg = Region(
            s0=min(r[2] for r in chain), s1=max(r[3] for r in chain), t0=chain[0][0], t1=max(r[1] for r in chain)
        )
        regions.append(reg)
        # runs overlapping this region in the target are alternative
        # alignments of the same text (repeats in the source): drop them
        remaining = [r for r in remaining if r[1] <= reg.t0 or r[0] >= reg.t1]
    return regions


def walk_blocks(blocks: Sequence[tuple[int, int, int]], x_drop: int) -> tuple[int, int]:
    """X-drop walk over matching blocks that start next to a region edge.

    Each block (i, j, size) gains ``size``; the unmatched stretch before it
    costs max(gap in source, gap in target).  Returns how far to extend in the
    source and in the target (characters) at the best running score.
    """
    score = best = 0
    pa = pb = 0
    best_ext = (0, 0)
    for i, j, size in blocks:
        if size == 0:
            continue
        score += size - max(i - pa, j - pb)
        pa, pb = i + size, j + size
        if score > best:
            best, best_ext = score, (pa, pb)
        elif score < best - x_drop:
            break
    return best_ext


def difflib_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """Return difflib matching blocks (i, j, size) of ``a`` and ``b`` (empty last block dropped)."""
    # autojunk would treat frequent characters (的, 城, 市 ...) as junk
    return [
        (m.a, m.b, m.size) for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size
    ]


def anchor_cuts(a: str, b: str, step: int, probe: int = 16, slack: int = 300) -> list[tuple[int, int]]:
    """Return co-linear cut points (i, j) where a[i:i+probe] == b[j:j+probe].

    Cuts are about ``step`` characters apart in ``a``; each is an exact
    ``probe``-character match found once within ``slack`` characters of the
    diagonal of the previous cut, so an alignment can safely pass through it.
    """
    cuts: list[tuple[int, int]] = []
    i_prev = j_prev = 0
    p = step
    while p < len(a) - step // 2:
        found = None
        for q in range(p, min(p + step // 4, len(a) - probe)):
            expected = j_prev + (q - i_prev)
            lo, hi = max(j_prev, expected - slack), min(len(b), expected + slack + probe)
            j = b.find(a[q : q + probe], lo, hi)
            if j >= 0 and b.find(a[q : q + probe], j + 1, hi) < 0:
                found = (q, j)
                break
        if found:
            cuts.append(found)
            i_prev, j_prev = found
            p = found[0] + step
        else:
            p += step
    return cuts


def matching_blocks(a: str, b: str, piece: int = 800) -> list[tuple[int, int, int]]:
    """Return difflib matching blocks (i, j, size) of ``a`` and ``b``, in order.

    difflib is roughly quadratic, so long near-copies (whole reposted
    documents) are cut at exact anchor matches about ``piece`` characters
    apart and each piece is aligned on its own.
    """
    if len(a) <= 2 * piece or len(b) <= 2 * piece:
        return difflib_blocks(a, b)
    blocks: list[tuple[int, int, int]] = []
    i0 = j0 = 0
    for i1, j1 in [*anchor_cuts(a, b, piece), (len(a), len(b))]:
        for i, j, size in difflib_blocks(a[i0:i1], b[j0:j1]):
            last = blocks[-1] if blocks else None
            if last and (last[0] + last[2], last[1] + last[2]) == (i0 + i, j0 + j):
                blocks[-1] = (last[0], last[1], last[2] + size)  # runs across the cut
            else:
                blocks.append((i0 + i, j0 + j, size))
        i0, j0 = i1, j1
    return blocks


def extend_region(reg: Region, norm: str, s_lo: int, s_hi: int, t_lo: int, t_hi: int, x_drop: int) -> Region:
    """Extend a seeded region outwards over near-matching text (X-drop)."""
    w = EXTEND_WINDOW
    # left: align reversed prefixes so blocks are ordered by distance from the edge
    a = norm[max(s_lo, reg.s0 - w) : reg.s0][::-1]
    b = norm[max(t_lo, reg.t0 - w) : reg.t0][::-1]
    ls, lt = walk_blocks(matching_blocks(a, b), x_drop)
    a = norm[reg.s1 : min(s_hi, reg.s1 + w)]
    b = norm[reg.t1 : min(t_hi, reg.t1 + w)]
    rs, rt = walk_blocks(matching_blocks(a, b), x_drop)
    return Region(reg.s0 - ls, reg.s1 + rs, reg.t0 - lt, reg.t1 + rt)


def trim_and_score(reg: Region, norm: str) -> tuple[Region, float]:
    """Align a region, trim unmatched ends and return it with its similarity.

    Similarity is 2 * matched / (source length + target length) over the
    trimmed normalised strings (difflib's ratio), 0-1.
    """
    a, b = norm[reg.s0 : reg.s1], norm[reg.t0 : reg.t1]
    blocks = matching_blocks(a, b)
    if not blocks:
        return reg, 0.0
    i0, j0 = blocks[0][0], blocks[0][1]
    i1, j1 = blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]
    matched = sum(m[2] for m in blocks)
    trimmed = Region(reg.s0 + i0, reg.s0 + i1, reg.t0 + j0, reg.t0 + j1)
    return trimmed, 2.0 * matched / ((i1 - i0) + (j1 - j0))


def merge_regions(regions: list[Region], max_gap: int) -> list[Region]:
    """Merge regions that overlap or nearly touch on both sides consistently.

    Seeds never cover boilerplate, so one copied paragraph with a boilerplate
    sentence inside arrives as two regions; extension makes them overlap.
    """
    merged: list[Region] = []
    for reg in sorted(regions, key=lambda r: (r.t0, r.s0)):
        if merged:
            cur = merged[-1]
            gt, gs = reg.t0 - cur.t1, reg.s0 - cur.s1
            shift = abs((reg.t0 - reg.s0) - (cur.t1 - cur.s1))
            if (
                gt <= max_gap
                and gs <= max_gap
                and reg.s1 > cur.s0
                and reg.t1 > cur.t0
                and shift <= max_gap + max(0, -gt, -gs)
            ):
                merged[-1] = Region(min(cur.s0, reg.s0), max(cur.s1, reg.s1), cur.t0, max(cur.t1, reg.t1))
                continue
        merged.append(reg)
    return merged


def clusters_by_pair(runs: Runs, max_gap: int, min_cover: int) -> list[tuple[int, list[list[RunTuple]]]]:
    """Group oriented runs into target clusters, per pair.

    Returns a list of (pair index, clusters), each cluster a list of runs
    (t0, t1, s0, s1, cover) in global normalised coordinates; clusters
    covering fewer than ``min_cover`` characters are left out.
    """
    order, cluster = cluster_along_target((runs.pair,), runs.t0, runs.t1, max_gap)
    pair, t0, t1 = runs.pair[order], runs.t0[order], runs.t1[order]
    s0, s1, cover = t0 - runs.diag[order], t1 - runs.diag[order], runs.cover[order]
    bounds = np.flatnonzero(np.r_[True, cluster[1:] != cluster[:-1], True])
    grouped: list[tuple[int, list]] = []
    for lo, hi in itertools.pairwise(bounds):
        if cover[lo:hi].sum() < min_cover:
            continue
        runs_here = list(
            zip(t0[lo:hi].tolist(), t1[lo:hi].tolist(), s0[lo:hi].tolist(), s1[lo:hi].tolist(), cover[lo:hi].tolist())
        )
        pid = int(pair[lo])
        if grouped and grouped[-1][0] == pid:
            grouped[-1][1].append(runs_here)
        else:
            grouped.append((pid, [runs_here]))
    return grouped


def align_candidates(
    runs: Runs,
    pairs: Pairs,
    enc: Encoded,
    norm: str,
    boiler_cum: np.ndarray,
    meta: Meta,
    *,
    ngram: int,
    min_chars: int,
    min_similarity: float,
    max_gap: int,
    progress: bool,
) -> list[dict]:
    """Turn supported runs into scored passages (one dict per passage)."""
    grouped: Iterable[tuple[int, list[list[RunTuple]]]] = clusters_by_pair(runs, max_gap, min_cover(ngram, min_chars))
    if progress:
        from tqdm.auto import tqdm

        grouped = tqdm(grouped, desc="aligning candidate pairs", unit="pair")
    out: list[dict[str, Any]] = []
    for pid, clusters in grouped:
        sd, td = int(pairs.src_doc[pid]), int(pairs.tgt_doc[pid])
        regions = regions_of_pair(clusters, norm, enc, sd, td, ngram, max_gap, min_cover(ngram, min_chars))
        for reg in regions:
            passage = score_region(reg, norm, boiler_cum, enc, meta, sd, td)
            # boilerplate characters do not count towards the minimum length
            non_boiler = passage["aligned_chars"] * (1 - passage["boilerplate_share"])
            if passage["similarity"] >= min_similarity and non_boiler >= min_chars:
                out.append(passage)
    return out


def regions_of_pair(
    clusters: list[list[RunTuple]],
    norm: str,
    enc: Encoded,
    sd: int,
    td: int,
    ngram: int,
    max_gap: int,
    min_cover: int,
) -> list[Region]:
    """Chain, extend and merge the run clusters of one (source, target) pair."""
    s_lo, s_hi = int(enc.doc_start[sd]), int(enc.doc_end[sd])
    t_lo, t_hi = int(enc.doc_start[td]), int(enc.doc_end[td])
    regions = [
        extend_region(reg, norm, s_lo, s_hi, t_lo, t_hi, max_gap)
        for cl in clusters
        for reg in regions_from_runs(cl, ngram, max_gap, min_cover)
    ]
    return merge_regions(regions, max_gap)


def score_region(reg: Region, norm: str, boiler_cum: np.ndarray, enc: Encoded, meta: Meta, sd: int, td: int) -> dict:
    """Align a final region and describe it in original-text coordinates."""
    reg, sim = trim_and_score(reg, norm)
    s_start = int(enc.orig_off[reg.s0])
    s_end = int(enc.orig_off[reg.s1 - 1]) + 1
    t_start = int(enc.orig_off[reg.t0])
    t_end = int(enc.orig_off[reg.t1 - 1]) + 1
    n_norm = reg.t1 - reg.t0
    boiler = float(boiler_cum[reg.t1] - boiler_cum[reg.t0]) / n_norm if n_norm else 0.0
    src_text, tgt_text = meta.texts[sd], meta.texts[td]
    aligned = t_end - t_start
    return {
        "_src": sd,
        "_tgt": td,
        "source_doc_id": meta.doc_ids[sd],
        "target_doc_id": meta.doc_ids[td],
        "source_start": s_start,
        "source_end": s_end,
        "target_start": t_start,
        "target_end": t_end,
        "source_text": src_text[s_start:s_end],
        "target_text": tgt_text[t_start:t_end],
        "aligned_chars": aligned,
        "similarity": sim,
        "boilerplate_share": boiler,
    }


def align_passages(a: str, b: str) -> list[tuple[str, str, str]]:
    """Character-level alignment of two passages as edit segments.

    Parameters
    ----------
    a, b : str
        Source and target passage (e.g. ``source_text`` / ``target_text`` of
        a passage row).

    Returns
    -------
    list of (op, a_text, b_text)
        ``op`` is 'equal', 'replace', 'delete' (text only in ``a``) or
        'insert' (text only in ``b``).  Concatenating the a_text parts gives
        ``a`` and the b_text parts give ``b``.
    """
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(op, a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes()]
