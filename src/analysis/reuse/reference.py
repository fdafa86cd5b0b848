"""A short reference implementation of passage-reuse detection, for tests.

Slow and plain on purpose, so that it is obviously correct: the fast engine
(:func:`analysis.reuse.find_reuse`) is compared with it on small corpora.

1. Candidates: every document is cut into overlapping chunks of normalised
   text; each chunk's set of ``k``-character shingles gets a MinHash, and
   :class:`datasketch.MinHashLSH` returns chunks of other documents with a
   similar set.  A document pair is a candidate when any two of its chunks are.
2. Alignment: the two normalised texts of a candidate pair are aligned with
   :class:`difflib.SequenceMatcher`; matching blocks whose gaps on both sides
   are at most ``max_gap`` characters form one passage, which is kept when it
   holds an exact match of at least ``ngram`` characters, covers ``min_chars``
   original target characters and its similarity (2 * matched / (source +
   target length), difflib's ratio) is at least ``min_similarity``.

Shared with the engine, as they are not what the comparison tests: the
character normalisation (:func:`analysis.shingles.normalise`), the rule
that decides which document is the source and the table layout.  Not modelled:
boilerplate (every shared shingle counts) and ``max_sources``; and difflib
aligns a pair monotonically, so passages copied in a different order than the
source's are only partly found.
"""

from __future__ import annotations

import difflib
from typing import Any

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from ..provenance import Provenance
from ..shingles import normalise
from .direction import Meta, orient, prepare_meta
from .result import ReuseResult
from .summary import order_passages, summarise_pairs

__all__ = ["reference_reuse"]


def reference_reuse(
    corpus: pd.DataFrame,
    *,
    ngram: int = 10,
    min_chars: int = 40,
    min_similarity: float = 0.7,
    max_gap: int = 20,
    k: int = 5,
    chunk: int = 60,
    lsh_threshold: float = 0.2,
    num_perm: int = 128,
) -> ReuseResult:
    """Find reused passages with MinHash-LSH candidates and a plain difflib alignment.

    Parameters are those of :func:`analysis.reuse.find_reuse` (same meaning,
    in normalised characters), plus ``k`` (shingle length for MinHash),
    ``chunk`` (chunk length; chunks overlap by half) and ``lsh_threshold`` /
    ``num_perm`` (of :class:`datasketch.MinHashLSH`).

    Returns
    -------
    ReuseResult
        Tables with the columns of :func:`find_reuse` (boilerplate_share is 0).
    """
    meta = prepare_meta(corpus)
    norm = [normalise(t) for t in meta.texts]
    passages: list[dict[str, Any]] = []
    for a, b in sorted(_candidate_pairs([n for n, _ in norm], k, chunk, lsh_threshold, num_perm)):
        a_first, _ = orient(meta, np.array([a]), np.array([b]))
        sd, td = (a, b) if a_first[0] else (b, a)
        passages.extend(_align_pair(meta, norm, sd, td, ngram, min_chars, min_similarity, max_gap))
    pairs = summarise_pairs(passages, meta)
    params = {
        "ngram": ngram,
        "min_chars": min_chars,
        "min_similarity": min_similarity,
        "max_gap": max_gap,
        "k": k,
        "chunk": chunk,
        "lsh_threshold": lsh_threshold,
        "num_perm": num_perm,
    }
    return ReuseResult(
        pairs=pairs,
        passages=order_passages(passages, pairs),
        params=params,
        provenance=Provenance("reference_reuse", params=params),
    )


def _candidate_pairs(texts: list[str], k: int, chunk: int, threshold: float, num_perm: int) -> set[tuple[int, int]]:
    """Document index pairs (lower, higher) with at least one pair of similar chunks."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sketches = []
    for doc, text in enumerate(texts):
        for start in range(0, max(len(text) - k + 1, 0), chunk // 2):
            piece = text[start : start + chunk]
            mh = MinHash(num_perm=num_perm, seed=1)
            mh.update_batch([piece[i : i + k].encode("utf-8") for i in range(len(piece) - k + 1)])
            lsh.insert((doc, start), mh)
            sketches.append((doc, mh))
    found = set()
    for doc, mh in sketches:
        for other, _ in lsh.query(mh):
            if other != doc:
                found.add((min(doc, other), max(doc, other)))
    return found


def _align_pair(
    meta: Meta,
    norm: list[tuple[str, np.ndarray]],
    sd: int,
    td: int,
    ngram: int,
    min_chars: int,
    min_similarity: float,
    max_gap: int,
) -> list[dict[str, Any]]:
    """The passages of one (source, target) pair, as rows of the passage table."""
    (s_norm, s_off), (t_norm, t_off) = norm[sd], norm[td]
    blocks = [m for m in difflib.SequenceMatcher(None, s_norm, t_norm, autojunk=False).get_matching_blocks() if m.size]
    groups: list[list[Any]] = []
    for m in blocks:
        last = groups[-1][-1] if groups else None
        if last and m.a - (last.a + last.size) <= max_gap and m.b - (last.b + last.size) <= max_gap:
            groups[-1].append(m)
        else:
            groups.append([m])
    out = []
    for g in groups:
        s0, s1, t0, t1 = g[0].a, g[-1].a + g[-1].size, g[0].b, g[-1].b + g[-1].size
        similarity = 2.0 * sum(m.size for m in g) / ((s1 - s0) + (t1 - t0))
        s_start, s_end = int(s_off[s0]), int(s_off[s1 - 1]) + 1
        t_start, t_end = int(t_off[t0]), int(t_off[t1 - 1]) + 1
        if max(m.size for m in g) < ngram or t_end - t_start < min_chars or similarity < min_similarity:
            continue
        out.append(
            {
                "_src": sd,
                "_tgt": td,
                "source_doc_id": meta.doc_ids[sd],
                "target_doc_id": meta.doc_ids[td],
                "source_start": s_start,
                "source_end": s_end,
                "target_start": t_start,
                "target_end": t_end,
                "source_text": meta.texts[sd][s_start:s_end],
                "target_text": meta.texts[td][t_start:t_end],
                "aligned_chars": t_end - t_start,
                "similarity": similarity,
                "boilerplate_share": 0.0,
            }
        )
    return out
