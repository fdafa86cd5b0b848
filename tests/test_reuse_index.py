"""The shingle index: winnowing sample and exact hash groups."""

from __future__ import annotations

import itertools
import random

import numpy as np

import analysis.reuse.index as index_module
import analysis.shingles as shingles_module
from analysis.reuse.direction import precedence_rank, prepare_meta
from reuse_corpora import (
    corpus_of,
    filler,
)


def test_winnowing_selects_each_window_minimum_across_chunks():
    rng = np.random.default_rng(0)
    for n, w in [(200_003, 8), (1_000, 5), (7, 8), (8, 8), (1, 3)]:
        h = rng.integers(0, 2**20, n).astype(np.uint32)  # small range: ties occur
        valid = rng.random(n) > 0.05
        h[~valid] = np.iinfo(np.uint32).max
        got = index_module.winnow(h, valid, w)
        ww = min(w, n)
        windows = np.lib.stride_tricks.sliding_window_view(h, ww)
        mins = windows.min(axis=1)
        want = np.zeros(n, dtype=bool)
        for j in range(ww):
            want[j : j + len(mins)] |= windows[:, j] == mins
        np.testing.assert_array_equal(got, want & valid)


def test_shingle_groups_are_exact_when_hash_prefixes_collide(monkeypatch):
    # squeeze the hash so that many different shingles share the prefix the
    # packed sort groups by: the index must still group by the full hash
    rng = random.Random(20)
    texts = [filler(rng, 2000) for _ in range(30)]
    for k in range(10):
        texts[k + 10] = texts[k + 10][:500] + texts[k][:300] + texts[k + 10][500:]
    corpus = corpus_of(*[{"text": t} for t in texts])
    meta = prepare_meta(corpus)
    enc = shingles_module.encode_corpus(meta.texts, np.argsort(precedence_rank(meta)))
    real_hash = shingles_module.hash_shingles

    def squeezed(*args):
        h, valid = real_hash(*args)
        return (h & np.uint64((1 << 24) - 1)) | ((h >> np.uint64(62)) << np.uint64(62)), valid

    monkeypatch.setattr(shingles_module, "hash_shingles", squeezed)
    index = index_module.index_shingles(enc.codes, enc.doc_of, 10, 0, 5, 5, 8)
    h, valid = squeezed(enc.codes, enc.doc_of, 10, 0)
    pos = np.flatnonzero(valid)
    groups: dict[int, list[int]] = {}
    for p, v in zip(pos.tolist(), h[pos].tolist()):
        groups.setdefault(v, []).append(p)
    want = sorted(tuple(g) for g in groups.values() if 2 <= len(set(enc.doc_of[g].tolist())) <= 5)
    starts = index.seed_group_start
    got = sorted(tuple(index.seed_pos[a:b].tolist()) for a, b in itertools.pairwise(starts))
    assert got == want
    assert len(want) > 100
