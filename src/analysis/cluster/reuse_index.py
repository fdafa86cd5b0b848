"""The shingle index of passage reuse, partitioned: the per-partition steps Dask runs on workers.

Two kinds of partition, each holding a slice of the corpus only:

* document partitions (:class:`DocPart`): contiguous runs of documents in
  precedence order (earliest first), so that each holds one contiguous range
  of the corpus's global normalised positions, exactly the positions
  :func:`analysis.reuse.find_reuse` gives the same characters;
* hash partitions: the (shingle hash, global position) rows whose hash falls
  in the partition, from every document partition.

The steps, in order: :func:`encode_part` (normalise), :func:`shingle_rows`
(hash, bucket rows by hash partition), :func:`index_hash_part` (group by
hash, split seeds from boilerplate, tag seeds; rows sent back by document
partition), :func:`tag_part` (the per-position seed tags and boilerplate
cover), :func:`rank_edges` and :func:`fingerprint_rows` (the winnowing sample,
with the ranks of the neighbouring partitions as context), and
:func:`sampled_pairs` (pair the sampled seed occurrences of each hash group
and bucket the matches by the pair of document partitions they link).  Every
step is the in-process index's own computation (:mod:`analysis.reuse.index`,
:mod:`analysis.reuse.seeds`) applied to a slice, so the tags, fingerprints
and sampled matches are identical.

Workers import this module (and :mod:`.reuse_align`) to run the steps, so it
imports numpy and the numpy-only reuse modules and nothing else: no pandas,
scipy or networkx (tests/test_cluster_reuse_index.py checks it).  A worker
then holds ~65 MB before its first task instead of ~180 MB.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from ..reuse.index import classify_groups, mark_boilerplate, seed_tag_values, winnow
from ..reuse.seeds import Seeds, pair_tagged
from ..shingles import Encoded, encode_corpus, hash_shingles, index_dtype

RANK_INVALID = np.iinfo(np.uint32).max


@dataclass(frozen=True)
class Layout:
    """Where every document and partition sits in the global normalised positions (small, broadcast).

    ``prec_docs`` are the document indices in precedence order and
    ``prec_starts`` their first global position; ``part_starts`` holds the
    first global position of each document partition plus the total;
    ``part_of_doc`` the partition of each document (by corpus index).
    """

    prec_docs: np.ndarray  # int64
    prec_starts: np.ndarray  # int64
    part_starts: np.ndarray  # int64, n_parts + 1
    part_of_doc: np.ndarray  # int64, per corpus index
    n_docs: int
    n_starts: int  # shingle starts of the whole corpus (n_chars - ngram + 1, at least 0)

    def docs_at(self, pos: np.ndarray) -> np.ndarray:
        """Return the document index (corpus row) of each global position."""
        return self.prec_docs[np.searchsorted(self.prec_starts, pos, side="right") - 1]

    def part_at(self, pos: np.ndarray) -> np.ndarray:
        """Return the document partition of each global position."""
        return np.searchsorted(self.part_starts, pos, side="right") - 1


@dataclass(frozen=True)
class DocPart:
    """One document partition: its texts and (after :func:`tag_part`) its seed tags and boilerplate cover.

    The normalised text is not kept: :meth:`encoded` rebuilds it when a step
    needs it (a vectorised pass, cheap next to holding 12 bytes per
    character on a worker between steps).
    """

    docs: np.ndarray  # int64 corpus indices, precedence order
    texts: list[str]
    doc_len: np.ndarray  # int64 normalised length of each document
    tag: np.ndarray | None = None  # seed tag per local position (+ a spare 0)
    covered_bits: np.ndarray | None = None  # np.packbits of: inside a boilerplate shingle, per position

    @property
    def n_chars(self) -> int:
        """Normalised characters of the partition."""
        return int(self.doc_len.sum())

    def encoded(self) -> Encoded:
        """Return the partition's normalised text (:class:`analysis.shingles.Encoded`, local positions)."""
        return encode_corpus(self.texts, np.arange(len(self.texts)))

    def covered(self) -> np.ndarray:
        """Return, per normalised position, whether a boilerplate shingle covers it (bool)."""
        assert self.covered_bits is not None, "tag_part first"
        return np.unpackbits(self.covered_bits, count=self.n_chars).astype(bool)

    def __sizeof__(self) -> int:
        """Bytes held (arrays and texts), so that Dask's memory accounting and spilling see the partition."""
        arrays = (self.docs, self.doc_len, self.tag, self.covered_bits)
        return sum(a.nbytes for a in arrays if a is not None) + sum(2 * len(t) + 50 for t in self.texts)


def encode_part(docs: np.ndarray, texts: list[str]) -> DocPart:
    """Normalise a partition's texts (given in precedence order); returns the :class:`DocPart`."""
    enc = encode_corpus(texts, np.arange(len(texts)))
    return DocPart(np.asarray(docs, dtype=np.int64), texts, enc.doc_end - enc.doc_start)


def part_lengths(part: DocPart) -> np.ndarray:
    """Return the normalised length of each document of the partition (int64, characters)."""
    return part.doc_len


def split_by(target: np.ndarray, n: int, *cols: np.ndarray) -> list[tuple[np.ndarray, ...]]:
    """Split rows (columns ``cols``) by their ``target`` bucket 0..n-1; returns n tuples of columns."""
    order = np.argsort(target, kind="stable")
    cuts = np.searchsorted(target[order], np.arange(n + 1))
    sorted_cols = [c[order] for c in cols]
    return [tuple(c[cuts[i] : cuts[i + 1]] for c in sorted_cols) for i in range(n)]


def shingle_rows(part: DocPart, start: int, ngram: int, random_state: int, n_hash_parts: int) -> list[tuple]:
    """Hash the partition's shingles; returns per hash partition the (hash, global position) rows.

    Only shingles inside one document are rows, as in the in-process index.
    """
    enc = part.encoded()
    hashes, valid = hash_shingles(enc.codes, enc.doc_of, ngram, random_state)
    del enc
    at = np.flatnonzero(valid)
    h = hashes[at]
    del hashes, valid
    # positions in the narrowest type that holds them: these rows are the bulk of the exchange
    pos = at.astype(index_dtype(start + len(at) + ngram))
    pos += start
    return split_by((h % np.uint64(n_hash_parts)).astype(np.int64), n_hash_parts, h, pos)


def index_hash_part(
    pieces: list[tuple[np.ndarray, np.ndarray]],
    layout: Layout,
    part_id: int,
    n_hash_parts: int,
    threshold: int,
    max_sources: int,
) -> tuple[list[tuple], int]:
    """Group one hash partition's rows by hash; seeds and boilerplate go back to their document partitions.

    Groups are numbered ``part_id + 1 + n_hash_parts * g`` so that numbers
    from different hash partitions never collide.

    Returns
    -------
    (rows, n_boilerplate_hashes)
        ``rows[p]`` = (seed positions, their seed tags, boilerplate positions)
        of document partition p (global positions); the number of distinct
        boilerplate hashes of this partition.
    """
    h = np.concatenate([p[0] for p in pieces]) if pieces else np.zeros(0, dtype=np.uint64)
    pos = np.concatenate([p[1] for p in pieces]) if pieces else np.zeros(0, dtype=np.int64)
    order = np.lexsort((pos, h))
    h, pos = h[order], pos[order]
    new_group = np.r_[True, h[1:] != h[:-1]] if len(h) else np.zeros(0, dtype=bool)
    sizes = np.diff(np.r_[np.flatnonzero(new_group), len(pos)])
    keep = np.repeat(sizes > 1, sizes)
    pos, new_group = pos[keep], new_group[keep]
    del h, keep
    n_parts = len(layout.part_starts) - 1
    if len(pos) == 0:
        z = np.zeros(0, dtype=np.int64)
        return [(z, z, z)] * n_parts, 0
    seed_pos, seed_start, seed_limit, boiler_pos, n_boiler, capped = classify_groups(
        pos, new_group, layout.docs_at, threshold, max_sources, np.dtype(np.int64)
    )
    values = seed_tag_values(seed_start, seed_limit, capped, np.dtype(np.int64), part_id + 1, n_hash_parts)
    seeds = split_by(layout.part_at(seed_pos), n_parts, seed_pos, values)
    boiler = split_by(layout.part_at(boiler_pos), n_parts, boiler_pos)
    return [(s[0], s[1], b[0]) for s, b in zip(seeds, boiler)], n_boiler


def tag_part(part: DocPart, start: int, ngram: int, rows: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> DocPart:
    """Return the partition with its seed tags and boilerplate cover, from the hash partitions' ``rows``."""
    n = part.n_chars
    # the narrowest type that holds the largest tag (int32 but for huge corpora), as in-process
    top = max((int(r[1].max()) for r in rows if len(r[1])), default=0)
    tag = np.zeros(n + 1, dtype=index_dtype(top + 1))
    for seed_pos, values, _ in rows:
        tag[seed_pos - start] = values
    boiler = np.concatenate([r[2] for r in rows]) - start if rows else np.zeros(0, dtype=np.int64)
    covered = np.diff(mark_boilerplate(boiler, n, ngram)) > 0
    return dataclasses.replace(part, tag=tag, covered_bits=np.packbits(covered))


def part_ranks(
    part: DocPart, start: int, ngram: int, random_state: int, n_starts: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return the winnowing rank and validity of the partition's shingle starts.

    As :func:`analysis.reuse.index.index_shingles`: 30 hash bits under a
    2-bit class (seed linking all holders, other seed, the rest), the
    largest value where no shingle starts.  Positions past the corpus's last
    shingle start (``n_starts``) are left out, as in-process.
    """
    assert part.tag is not None, "tag_part first"
    m = max(0, min(start + part.n_chars, n_starts) - start)
    rank = np.full(m, RANK_INVALID, dtype=np.uint32)
    valid = np.zeros(m, dtype=bool)
    enc = part.encoded()
    hashes, ok = hash_shingles(enc.codes, enc.doc_of, ngram, random_state)
    del enc
    k = min(len(hashes), m)
    t = part.tag[:k]
    rank[:k] = (hashes[:k] >> np.uint64(34)).astype(np.uint32)
    rank[:k] |= np.where(t > 0, (t >> 1) & 1, 2).astype(np.uint32) << np.uint32(30)
    valid[:k] = ok[:k]
    rank[~valid] = RANK_INVALID
    return rank, valid


def rank_edges(
    part: DocPart, start: int, ngram: int, random_state: int, n_starts: int, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return the first and last ``width`` ranks of the partition (fewer when it has fewer)."""
    rank, _ = part_ranks(part, start, ngram, random_state, n_starts)
    return rank[:width].copy(), rank[max(0, len(rank) - width) :].copy()


def fingerprint_rows(
    part: DocPart,
    start: int,
    ngram: int,
    random_state: int,
    n_starts: int,
    window: int,
    context: tuple[np.ndarray, np.ndarray],
    n_hash_parts: int,
) -> list[tuple[np.ndarray, ...]]:
    """Winnow the partition; returns per hash partition the sampled seed occurrences (global position, tag).

    ``context`` holds the ranks of the ``window - 1`` positions before and
    after the partition, so each position sees exactly the windows it sees
    in-process; ``window`` is the in-process window (at most the corpus's
    number of shingle starts).
    """
    assert part.tag is not None, "tag_part first"
    rank, valid = part_ranks(part, start, ngram, random_state, n_starts)
    left, right = context
    padded = np.concatenate([left, rank, right])
    pad_valid = np.concatenate([np.zeros(len(left), dtype=bool), valid, np.zeros(len(right), dtype=bool)])
    sampled = winnow(padded, pad_valid, window)[len(left) : len(left) + len(rank)]
    at = np.flatnonzero(sampled & (part.tag[: len(rank)] > 0))
    tags = part.tag[at]
    hash_part = ((tags >> 2) - 1) % n_hash_parts
    return split_by(hash_part, n_hash_parts, at + start, tags)


def sampled_pairs(pieces: list[tuple[np.ndarray, np.ndarray]], layout: Layout) -> list[dict[int, Seeds]]:
    """Pair one hash partition's sampled seed occurrences (the in-process stage 1).

    Returns the sampled seed matches by block: item p maps q to the matches
    between a document of partition p and one of partition q >= p.
    """
    at = np.concatenate([p[0] for p in pieces]) if pieces else np.zeros(0, dtype=np.int64)
    tags = np.concatenate([p[1] for p in pieces]) if pieces else np.zeros(0, dtype=np.int64)
    hits = pair_tagged(at, tags, layout.docs_at, layout.n_docs, np.dtype(np.int64))
    n_parts = len(layout.part_starts) - 1
    out: list[dict[int, Seeds]] = [{} for _ in range(n_parts)]
    if len(hits.key) == 0:
        return out
    pa = layout.part_of_doc[hits.key // layout.n_docs]
    pb = layout.part_of_doc[hits.key % layout.n_docs]
    block = np.minimum(pa, pb) * n_parts + np.maximum(pa, pb)
    order = np.argsort(block, kind="stable")
    block = block[order]
    bounds = np.flatnonzero(np.r_[True, block[1:] != block[:-1], True])
    # kept until their block runs: in the narrowest types that hold them
    kdt, pdt = index_dtype(layout.n_docs * layout.n_docs), index_dtype(int(layout.part_starts[-1]) + 1)
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        sel = order[lo:hi]
        b = int(block[lo])
        out[b // n_parts][b % n_parts] = Seeds(
            hits.key[sel].astype(kdt), hits.a[sel].astype(pdt), hits.b[sel].astype(pdt)
        )
    return out


def collect_row(pieces: list[dict[int, Seeds]]) -> dict[int, list[Seeds]]:
    """Merge the hash partitions' matches of one row of blocks; returns q -> the matches of block (p, q)."""
    row: dict[int, list[Seeds]] = {}
    for piece in pieces:
        for q, seeds in piece.items():
            row.setdefault(q, []).append(seeds)
    return row


def contexts(edges: list[tuple[np.ndarray, np.ndarray]], width: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per partition, the ranks of the ``width`` positions before and after it (fewer at the corpus's ends).

    ``edges`` are the partitions' :func:`rank_edges`, in order.
    """
    out = []
    empty = np.zeros(0, dtype=np.uint32)
    for p in range(len(edges)):
        left = empty
        for q in range(p - 1, -1, -1):
            left = np.concatenate([edges[q][1], left])
            if len(left) >= width:
                break
        right = empty
        for q in range(p + 1, len(edges)):
            right = np.concatenate([right, edges[q][0]])
            if len(right) >= width:
                break
        out.append((left[max(0, len(left) - width) :], right[:width]))
    return out


def encode_payload(payload: tuple[np.ndarray, list[str]]) -> DocPart:
    """Normalise one scattered (documents, texts) payload; returns its :class:`DocPart` (see :func:`encode_part`)."""
    return encode_part(*payload)


def covered_count(part: DocPart) -> int:
    """Return the number of the partition's normalised characters that boilerplate covers."""
    return int(part.covered().sum())


def block_hits(row: dict[int, list[Seeds]], q: int) -> list[Seeds]:
    """Return block (p, q)'s sampled matches from row p's :func:`collect_row` (empty when it has none)."""
    return row.get(q, [])


def same_object(obj: object) -> object:
    """Return ``obj``: a task holding a small object (a scattered one is lost with its worker)."""
    return obj
