"""Passage reuse on a Dask cluster: :func:`find_reuse`, the same result as :func:`analysis.reuse.find_reuse`.

The in-process detector holds the shingle index of the whole corpus (about
200 bytes per character).  Here no worker holds more than a slice of it:

1. the documents are cut into document partitions (contiguous in precedence
   order, about equal in characters), scattered to the workers and
   normalised there; their lengths (one number per document) come back, so
   every character gets the global position it has in-process;
2. each document partition hashes its shingles and sends the (hash,
   position) rows to hash partitions by hash;
3. each hash partition groups its rows by hash: a hash in more documents
   than the boilerplate threshold is boilerplate, one in 2..threshold
   documents a seed, tagged with its link rule (the ``max_sources``
   earliest holders); the rows go back to their document partitions;
4. each document partition winnows its seed-tagged ranks (with the ranks
   next to its edges as context) and sends its sampled seed occurrences to
   their hash partition, which pairs them (stage 1 of the method);
5. the sampled matches are grouped by block (the two document partitions
   of a pair) and each block finds windows, runs and passages on a worker
   with the two partitions' texts and tags (:mod:`.reuse_align`);
6. only the passage rows come back; the pair and passage tables are built
   as in-process.

Every step runs the in-process code on its slice, so the tables and
``params`` are identical (tested on the seeds and on synthetic corpora).

Placement: document partition p and hash partition p live on worker
p mod (number of workers) (:func:`worker_places`); every per-partition task
runs there, an exchange cuts its pieces where the data is and sends only the
pieces, and block (p, q) runs on partition p's worker, so only partition q
travels to it.  Placement is a preference (``allow_other_workers``): a task
whose worker is gone runs elsewhere.  The functions that run on workers live in
:mod:`.reuse_index` and :mod:`.reuse_align`, which import numpy only.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..provenance import Provenance
from ..reuse.detect import (
    PROGRESS_MIN_DOCS,
    SAMPLE_WINDOW,
    check_params,
    method_notes,
    resolve_boilerplate_threshold,
)
from ..reuse.detect import find_reuse as find_reuse_in_process
from ..reuse.direction import Meta, precedence_rank, prepare_meta
from ..reuse.result import ReuseResult
from ..reuse.summary import order_passages, summarise_pairs
from .client import get_client, partition_count
from .reuse_align import BlockCounts, align_block
from .reuse_index import (
    Layout,
    block_hits,
    collect_row,
    contexts,
    covered_count,
    encode_payload,
    fingerprint_rows,
    index_hash_part,
    part_lengths,
    rank_edges,
    same_object,
    sampled_pairs,
    shingle_rows,
    tag_part,
)

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["find_reuse"]


def find_reuse(
    corpus: pd.DataFrame,
    *,
    client: Client | str | None = None,
    npartitions: int | None = None,
    ngram: int = 10,
    min_chars: int = 40,
    min_similarity: float = 0.7,
    max_gap: int = 20,
    boilerplate_df: float | int = 0.05,
    max_sources: int = 5,
    random_state: int = 0,
    progress: bool | None = None,
) -> ReuseResult:
    """Find reused passages on a Dask cluster; returns what :func:`analysis.reuse.find_reuse` returns.

    Parameters
    ----------
    corpus : DataFrame
        As :func:`analysis.reuse.find_reuse` (``doc_id``, ``text``; ``date``,
        ``year``, ``level`` for the direction).
    client : distributed.Client, scheduler address or None
        Where to run (see :func:`analysis.cluster.client.get_client`; None
        starts a LocalCluster for the call).
    npartitions : int or None
        Document partitions (None: :func:`analysis.cluster.client.partition_count`);
        the shingle index is cut into as many hash partitions.  A block task
        holds two document partitions, so more partitions mean less memory
        per task.
    ngram, min_chars, min_similarity, max_gap, boilerplate_df, max_sources, random_state, progress
        As :func:`analysis.reuse.find_reuse`; ``progress`` shows a bar over
        the aligned blocks.

    Returns
    -------
    ReuseResult
        The same pairs, passages and ``params`` as the in-process detector
        (``provenance.step`` is "find_reuse" as well).  An empty corpus is
        handled in-process (there is nothing to distribute).
    """
    check_params(ngram, min_chars, min_similarity, max_gap, boilerplate_df, max_sources)
    meta = prepare_meta(corpus)
    n_docs = len(meta.doc_ids)
    if n_docs == 0:
        return find_reuse_in_process(
            corpus,
            ngram=ngram,
            min_chars=min_chars,
            min_similarity=min_similarity,
            max_gap=max_gap,
            boilerplate_df=boilerplate_df,
            max_sources=max_sources,
            random_state=random_state,
            progress=progress,
        )
    if npartitions is not None and (int(npartitions) != npartitions or npartitions < 1):
        raise ValueError(f"npartitions must be an integer >= 1, got {npartitions!r}")
    threshold = resolve_boilerplate_threshold(boilerplate_df, n_docs)
    options = {
        "ngram": int(ngram),
        "min_chars": min_chars,
        "min_similarity": min_similarity,
        "max_gap": max_gap,
        "threshold": threshold,
        "max_sources": int(max_sources),
        "random_state": random_state,
        "window": SAMPLE_WINDOW,
    }
    show = n_docs > PROGRESS_MIN_DOCS if progress is None else bool(progress)
    with get_client(client) as dask_client:
        n_parts = int(npartitions) if npartitions is not None else partition_count(n_docs, dask_client)
        found, counts, n_chars, n_boiler, n_covered = _run(dask_client, meta, min(n_parts, n_docs), options, show)
    params = {
        "ngram": ngram,
        "min_chars": min_chars,
        "min_similarity": min_similarity,
        "max_gap": max_gap,
        "boilerplate_df": boilerplate_df,
        "boilerplate_df_threshold": threshold,
        "max_sources": max_sources,
        "random_state": random_state,
        "n_docs": n_docs,
        "n_normalised_chars": n_chars,
        "n_boilerplate_shingles": n_boiler,
        "boilerplate_char_share": float(n_covered / max(n_chars, 1)),
        "n_seed_matches": counts.n_seeds,
        "sample_window": SAMPLE_WINDOW,
        "n_sampled_matches": counts.n_sampled,
        "n_candidate_windows": counts.n_windows,
        "n_candidate_pairs": counts.n_pairs,
        **method_notes(ngram, threshold),
    }
    pairs = summarise_pairs(found, meta)
    passages = order_passages(found, pairs)
    return ReuseResult(
        pairs=pairs, passages=passages, params=params, provenance=Provenance("find_reuse", params=params)
    )


def split_documents(meta: Meta, n_parts: int) -> list[np.ndarray]:
    """Cut the documents, in precedence order, into ``n_parts`` runs of about equal characters.

    Returns the corpus indices of each run (none empty; fewer runs when
    there are fewer documents).
    """
    order = np.argsort(precedence_rank(meta))
    lengths = np.fromiter((len(t) + 1 for t in meta.texts), dtype=np.int64, count=len(meta.texts))[order]
    cum = np.cumsum(lengths)
    cuts = np.searchsorted(cum, cum[-1] * np.arange(1, n_parts) / n_parts, side="right")
    cuts = np.unique(np.clip(cuts, 1, len(order) - 1)) if len(order) > 1 else np.zeros(0, dtype=np.int64)
    return [run for run in np.split(order, cuts) if len(run)]


def _layout(runs: list[np.ndarray], lengths: list[np.ndarray], n_docs: int, ngram: int) -> Layout:
    """Place every document and partition in the global positions, from the normalised lengths."""
    prec_docs = np.concatenate(runs).astype(np.int64)
    doc_len = np.concatenate(lengths).astype(np.int64)
    prec_starts = np.cumsum(doc_len) - doc_len
    part_sizes = np.array([int(x.sum()) for x in lengths], dtype=np.int64)
    part_starts = np.r_[0, np.cumsum(part_sizes)].astype(np.int64)
    part_of_doc = np.zeros(n_docs, dtype=np.int64)
    for p, run in enumerate(runs):
        part_of_doc[run] = p
    n_chars = int(part_starts[-1])
    return Layout(prec_docs, prec_starts, part_starts, part_of_doc, n_docs, max(n_chars - ngram + 1, 0))


def _run(
    client: Client, meta: Meta, n_parts: int, options: dict[str, Any], show: bool
) -> tuple[list[dict], BlockCounts, int, int, int]:
    """Run steps 1-5 of the module's method on ``client``.

    Returns
    -------
    (passages, counts, n_chars, n_boilerplate_hashes, n_boilerplate_chars)
        The passage dicts in the in-process order, the work counts summed
        over blocks, and the corpus statistics for ``params``.
    """
    ngram, seed = options["ngram"], options["random_state"]
    runs = split_documents(meta, n_parts)
    n = len(runs)
    place = worker_places(client, n)
    on = _Placed(client, place)
    payload = on.scatter([(run, [meta.texts[i] for i in run]) for run in runs])
    # the payload is kept to the end (its texts are the partitions' own, so it costs no copy):
    # a worker restarted for memory can then rebuild its partitions
    parts = on.map(encode_payload, payload)
    layout = _layout(runs, client.gather(on.map(part_lengths, parts)), len(meta.doc_ids), ngram)
    starts = layout.part_starts[:-1].tolist()
    # small objects every step reads: held as tasks, so that a restarted worker can rebuild them
    layout_f = client.submit(same_object, layout)
    # 2-3: shingle rows to hash partitions, seeds and boilerplate back to document partitions
    rows = on.map(shingle_rows, parts, starts, *_same(n, ngram, seed, n))
    indexed = on.map(
        index_hash_part,
        on.exchange(rows),
        [layout_f] * n,
        range(n),
        *_same(n, n, options["threshold"], options["max_sources"]),
    )
    del rows
    back, n_boiler = on.map(operator.getitem, indexed, [0] * n), on.map(operator.getitem, indexed, [1] * n)
    del indexed
    tagged = on.map(tag_part, parts, starts, [ngram] * n, on.exchange(back))
    del back, parts
    # 4: winnowing (ranks at the partition edges are the context) and stage-1 pairs
    window = min(options["window"], layout.n_starts)
    width = max(window - 1, 0)
    edges = client.gather(on.map(rank_edges, tagged, starts, *_same(n, ngram, seed, layout.n_starts, width)))
    fps = on.map(
        fingerprint_rows,
        tagged,
        starts,
        *_same(n, ngram, seed, layout.n_starts, window),
        contexts(edges, width),
        [n] * n,
    )
    hits = on.map(sampled_pairs, on.exchange(fps), [layout_f] * n)
    del fps
    n_covered = on.map(covered_count, tagged)
    # 5: blocks of pairs, each aligned on the worker holding its first partition (only the second travels)
    light = client.submit(same_object, dataclasses.replace(meta, texts=[]))
    block_rows = on.map(collect_row, on.exchange(hits))
    del hits
    pq = [(p, q) for p in range(n) for q in range(p, n)]
    at_p = _Placed(client, [place[p] for p, _ in pq])
    blocks = at_p.map(
        align_block,
        [tagged[p] for p, _ in pq],
        [starts[p] for p, _ in pq],
        [tagged[q] if q != p else None for p, q in pq],
        [starts[q] for _, q in pq],
        at_p.map(block_hits, [block_rows[p] for p, _ in pq], [q for _, q in pq]),
        *_same(len(pq), light, options),
    )
    del block_rows, tagged
    results = _gather_blocks(client, blocks, show)
    del payload
    return (
        _in_process_order(results, len(meta.doc_ids)),
        _sum_counts(results),
        int(layout.part_starts[-1]),
        sum(client.gather(n_boiler)),
        sum(client.gather(n_covered)),
    )


def worker_places(client: Client, n: int) -> list[str]:
    """The worker address each of ``n`` partitions is placed on: round robin over the sorted workers.

    Returns a list of ``n`` addresses.  Round robin, not contiguous runs, because partition p holds
    the blocks (p, q >= p): the earlier partitions have more, and round robin spreads them.
    """
    workers = sorted(client.scheduler_info(n_workers=-1)["workers"])
    if not workers:
        raise RuntimeError("the Dask cluster has no workers")
    return [workers[p % len(workers)] for p in range(n)]


class _Placed:
    """Submit to ``client`` with item i of every call placed on worker ``places[i]``.

    ``allow_other_workers``: a task whose worker is gone (restarted, removed) runs elsewhere, so
    the placement is a preference that saves transfers, never a reason to wait.
    """

    def __init__(self, client: Client, places: list[str]) -> None:
        self.client, self.places = client, places
        self.groups = {w: [i for i, x in enumerate(places) if x == w] for w in dict.fromkeys(places)}

    def scatter(self, items: list) -> list:
        """Scatter item i to worker places[i]; returns the futures in order."""
        out: list = [None] * len(items)
        for w, idx in self.groups.items():
            for i, f in zip(idx, self.client.scatter([items[i] for i in idx], workers=[w])):
                out[i] = f
        return out

    def map(self, func: Any, *iterables: Any) -> list:
        """``client.map(func, *iterables)`` with task i on worker places[i]; returns the futures in order."""
        columns = [list(it) for it in iterables]
        out: list = [None] * len(self.places)
        for w, idx in self.groups.items():
            futures = self.client.map(
                func, *[[c[i] for i in idx] for c in columns], workers=[w], allow_other_workers=True
            )
            for i, f in zip(idx, futures):
                out[i] = f
        return out

    def exchange(self, futures: list) -> list[list]:
        """All-to-all exchange: item j is the list of piece j of every future's result.

        Piece j of future i is cut on future i's worker (a view, no copy); only the piece travels,
        to the worker of partition j.
        """
        m, n = len(futures), len(self.places)
        picker = _Placed(self.client, [self.places[i] for _ in range(n) for i in range(m)])
        picks = picker.map(
            operator.getitem, [f for _ in range(n) for f in futures], [j for j in range(n) for _ in futures]
        )
        return [picks[j * m : (j + 1) * m] for j in range(n)]


def _same(n: int, *values: Any) -> list[list[Any]]:
    """One list of ``n`` copies per value: constant arguments of a ``client.map``."""
    return [[v] * n for v in values]


def _gather_blocks(client: Client, blocks: list, show: bool) -> list[tuple[list[dict], BlockCounts]]:
    """Gather the blocks' results (with a progress bar over finished blocks when ``show``)."""
    if not show:
        return client.gather(blocks)
    from distributed import as_completed
    from tqdm.auto import tqdm

    for _ in tqdm(as_completed(blocks), total=len(blocks), desc="aligning candidate blocks", unit="block"):
        pass
    return client.gather(blocks)


def _in_process_order(results: list[tuple[list[dict], BlockCounts]], n_docs: int) -> list[dict]:
    """Concatenate the blocks' passages in the in-process order: by pair key (lower, higher corpus index).

    Within a pair the block keeps the in-process order, so a stable sort suffices.
    """
    found = [p for passages, _ in results for p in passages]
    return sorted(found, key=lambda p: min(p["_src"], p["_tgt"]) * n_docs + max(p["_src"], p["_tgt"]))


def _sum_counts(results: list[tuple[list[dict], BlockCounts]]) -> BlockCounts:
    """Sum the blocks' work counts."""
    c = [r[1] for r in results]
    return BlockCounts(
        sum(x.n_sampled for x in c), sum(x.n_windows for x in c), sum(x.n_seeds for x in c), sum(x.n_pairs for x in c)
    )
