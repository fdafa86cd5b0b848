"""Candidate windows, runs and alignment of passage reuse for one block of document pairs, on a worker.

A block is the set of document pairs whose two documents lie in document
partitions p <= q (:mod:`.reuse_index`).  Everything after the sampled seed
matches depends only on a pair's two documents (their text, seed tags and
boilerplate cover), so a block needs the two partitions and nothing else: the
partitions are laid side by side (p first, so positions keep the corpus's
precedence order) and the in-process steps run unchanged on that small
concatenation.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..reuse.align import align_candidates
from ..reuse.candidates import find_runs, orient_runs, sampled_windows, select_supported_runs
from ..reuse.candidates import min_cover as region_min_cover
from ..reuse.direction import Meta
from ..reuse.seeds import Seeds, window_seeds
from ..shingles import Encoded
from .reuse_index import DocPart


@dataclass(frozen=True)
class BlockCounts:
    """Work done in one block, summed into ``params`` (see :func:`analysis.reuse.find_reuse`)."""

    n_sampled: int
    n_windows: int
    n_seeds: int
    n_pairs: int


def join_parts(parts: list[tuple[DocPart, int]], n_docs: int) -> tuple[Encoded, np.ndarray, np.ndarray, list[int]]:
    """Lay partitions (each with its global start) side by side.

    Returns
    -------
    (enc, tag, boiler_cum, offsets)
        The :class:`Encoded` of the joined partitions (document starts and
        ends indexed by corpus index, zero for documents elsewhere), their
        seed tags (plus a spare 0), the cumulative boilerplate cover and each
        partition's first position in the join.
    """
    offsets, done = [], 0
    doc_start = np.zeros(n_docs, dtype=np.int64)
    doc_end = np.zeros(n_docs, dtype=np.int64)
    encs = [part.encoded() for part, _ in parts]
    for (part, _), e in zip(parts, encs):
        offsets.append(done)
        doc_start[part.docs] = e.doc_start + done
        doc_end[part.docs] = e.doc_end + done
        done += len(e.codes)
    enc = Encoded(
        codes=np.concatenate([e.codes for e in encs]),
        doc_of=np.concatenate([p.docs[e.doc_of] for (p, _), e in zip(parts, encs)]).astype(np.int32),
        orig_off=np.concatenate([e.orig_off for e in encs]).astype(np.int64),
        doc_start=doc_start,
        doc_end=doc_end,
    )
    del encs
    tags = [p.tag[: p.n_chars] for p, _ in parts if p.tag is not None]
    tag = np.concatenate([*tags, np.zeros(1, dtype=tags[0].dtype)])
    covered = np.concatenate([p.covered() for p, _ in parts])
    boiler_cum = np.zeros(done + 1, dtype=np.int64)
    np.cumsum(covered, out=boiler_cum[1:])
    return enc, tag, boiler_cum, offsets


def to_joined(pos: np.ndarray, parts: list[tuple[DocPart, int]], offsets: list[int]) -> np.ndarray:
    """Map global positions into the joined partitions' positions."""
    out = pos - parts[0][1] + offsets[0]
    if len(parts) > 1:
        in_second = pos >= parts[1][1]
        out[in_second] = pos[in_second] - parts[1][1] + offsets[1]
    return out


def align_block(
    part_p: DocPart,
    start_p: int,
    part_q: DocPart | None,
    start_q: int,
    hits_pieces: list[Seeds],
    meta: Meta,
    options: dict[str, Any],
) -> tuple[list[dict], BlockCounts]:
    """Find the reused passages of one block from its sampled seed matches.

    ``start_p`` and ``start_q`` are the partitions' first global positions;
    ``part_q`` is None for the block of pairs within partition p; ``meta``
    carries every document's metadata but no texts (the partitions bring
    theirs); ``options`` are ngram, min_chars, min_similarity, max_gap and
    window.  Returns the passage dicts of :func:`analysis.reuse.align.align_candidates`
    and the work done.
    """
    pieces = [h for h in hits_pieces if len(h.key)]
    if not pieces:
        return [], BlockCounts(0, 0, 0, 0)
    parts = [(part_p, start_p)] if part_q is None else [(part_p, start_p), (part_q, start_q)]
    n_docs = len(meta.doc_ids)
    enc, tag, boiler_cum, offsets = join_parts(parts, n_docs)
    key = np.concatenate([h.key for h in pieces]).astype(np.int64)
    a = to_joined(np.concatenate([h.a for h in pieces]).astype(np.int64), parts, offsets)
    b = to_joined(np.concatenate([h.b for h in pieces]).astype(np.int64), parts, offsets)
    texts = [""] * n_docs
    for part, _ in parts:
        for d, text in zip(part.docs.tolist(), part.texts):
            texts[d] = text
    meta = dataclasses.replace(meta, texts=texts)
    ngram, max_gap = options["ngram"], options["max_gap"]
    cover = region_min_cover(ngram, options["min_chars"])
    win, n_sampled = sampled_windows(Seeds(key, a, b), tag, enc, n_docs, ngram, max_gap, options["window"], cover)
    seeds = window_seeds(tag, win, n_docs, enc.doc_of)
    n_seeds = len(seeds.key)
    runs = select_supported_runs(find_runs(seeds, enc, n_docs, ngram, max_gap), max_gap, cover)
    del seeds
    runs, pair_docs = orient_runs(runs, meta)
    found = align_candidates(
        runs,
        pair_docs,
        enc,
        enc.codes.tobytes().decode("utf-32-le"),
        boiler_cum,
        meta,
        ngram=ngram,
        min_chars=options["min_chars"],
        min_similarity=options["min_similarity"],
        max_gap=max_gap,
        progress=False,
    )
    return found, BlockCounts(n_sampled, len(win.key), n_seeds, len(pair_docs.src_doc))
