"""The suffix array, common prefixes and maximal repeats of analysis.formulas.index, against brute force."""

from __future__ import annotations

import random

import numpy as np
import pytest

from analysis.formulas.index import (
    SEPARATOR_BASE,
    build_index,
    encode_texts,
    group_bounds,
    lcp_array,
    maximal_repeats,
    suffix_array,
)


def _random_texts(rng: random.Random, n_docs: int) -> list[str]:
    """Short texts over a tiny alphabet with punctuation, so repeats are many and nested."""
    alphabet = "甲乙丙丁、,。“”"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(n_docs)]


def _reference_repeats(texts, groups, min_len, max_len, min_docs, min_groups):
    """Every maximal string by brute force: {string: set of documents}."""
    enc = encode_texts(texts)
    codes, doc_of = enc.codes.tolist(), enc.doc_of.tolist()
    docs_of: dict[tuple, set] = {}
    for i in range(len(codes)):
        for length in range(1, max_len + 2):
            window = codes[i : i + length]
            if len(window) < length or any(c >= SEPARATOR_BASE for c in window):
                break
            docs_of.setdefault(tuple(window), set()).add(doc_of[i])
    out = {}
    for s, docs in docs_of.items():
        if not (min_len <= len(s) <= max_len) or len(docs) < min_docs or len({groups[d] for d in docs}) < min_groups:
            continue
        alphabet = set(codes)
        longer = [docs_of.get((*s, c), set()) for c in alphabet] + [docs_of.get((c, *s), set()) for c in alphabet]
        if all(len(d) < len(docs) for d in longer):
            out["".join(map(chr, s))] = docs
    return out


def _wide_texts(rng: random.Random, n_docs: int) -> list[str]:
    """Texts over a few thousand characters (13 bits each: four to a packed word) and, in one of
    three, characters outside the Basic Multilingual Plane (21 bits: three to a word), copied
    phrases among random ones so common prefixes are long."""
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 5000)]
    if rng.random() < 0.4:
        alphabet += ["\U00020000", "\U0002a6d6", "\U0001f600"]
    phrases = ["".join(rng.choice(alphabet[:40] + alphabet[-3:]) for _ in range(rng.randint(1, 30))) for _ in range(5)]
    out = []
    for _ in range(n_docs):
        parts = [rng.choice(phrases) if rng.random() < 0.6 else rng.choice(alphabet) for _ in range(rng.randint(0, 12))]
        out.append("".join(p + rng.choice(["", "", ",", "。", "、"]) for p in parts))
    return out


@pytest.mark.parametrize("seed", range(24))
def test_suffix_array_and_lcp_match_brute_force(seed):
    rng = random.Random(seed)
    # a tiny alphabet (many codes to a packed word), then a wide one (four or three to a word)
    enc = encode_texts(_random_texts(rng, 6) if seed < 12 else _wide_texts(rng, 6))
    depth = rng.choice([3, 5, 8, 13, 41])
    sa = suffix_array(enc.codes, depth)
    codes = enc.codes.tolist()
    keys = [tuple(codes[p : p + depth]) for p in sa.tolist()]
    assert sorted(sa.tolist()) == list(range(len(codes)))
    assert keys == sorted(keys)
    lcp = lcp_array(enc.codes, sa, depth)
    for j in range(1, len(sa)):
        a, b = keys[j - 1], keys[j]
        common = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        assert lcp[j] == min(common, depth), j


@pytest.mark.parametrize("seed", range(18))
def test_maximal_repeats_match_brute_force(seed):
    rng = random.Random(100 + seed)
    texts = _random_texts(rng, 7) if seed < 12 else _wide_texts(rng, 7)
    groups = np.array([rng.randrange(3) for _ in texts])
    min_docs, min_groups = rng.choice([2, 3]), rng.choice([1, 2])
    index = build_index(texts, 9)
    reps = maximal_repeats(index, groups, min_len=3, max_len=8, min_docs=min_docs, min_groups=min_groups)
    found = {
        index.string(int(index.sa[lo]), int(n)): set(index.enc.doc_of[index.sa[lo:hi]].tolist())
        for n, lo, hi in zip(reps.length, reps.sa_lo, reps.sa_hi)
    }
    assert found == _reference_repeats(texts, groups, 3, 8, min_docs, min_groups)
    assert list(reps.n_docs) == [
        len(found[index.string(int(index.sa[lo]), int(n))]) for n, lo in zip(reps.length, reps.sa_lo)
    ]


def test_separators_end_repeats_and_the_enumeration_comma_is_kept():
    enc = encode_texts(["围绕“优政、惠民”,推进。", "一、 总体要求\n优政、惠民"])
    text = "".join(chr(c) if c < SEPARATOR_BASE else "|" for c in enc.codes.tolist())
    # quotation marks, commas, full stops, heading markers and line ends are boundaries; spaces are dropped
    assert text == "围绕|优政、惠民|推进|总体要求|优政、惠民|"
    assert enc.orig_off[text.index("优")] == 3


def test_group_bounds_gives_every_occurrence():
    texts = ["甲乙丙丁甲乙丙", "乙丙丁", "丁甲乙丙"]
    index = build_index(texts, 5)
    lo, hi = group_bounds(index.lcp, int(index.isa[1]), 2)  # 乙丙 at position 1
    assert sorted(index.occurrences(1, 2).tolist()) == [1, 5, 8, 14]  # each document ends with a separator
    assert sorted(index.enc.doc_of[index.sa[lo:hi]].tolist()) == [0, 0, 1, 2]


def test_empty_corpus():
    index = build_index([], 5)
    reps = maximal_repeats(index, np.zeros(0, dtype=np.int64), min_len=2, max_len=4)
    assert len(reps.length) == 0


def test_common_prefixes_are_the_same_in_blocks(monkeypatch):
    import analysis.formulas.index as index_module

    texts = _wide_texts(random.Random(7), 12)
    enc = encode_texts(texts)
    sa = suffix_array(enc.codes, 41)
    whole = lcp_array(enc.codes, sa, 41)
    monkeypatch.setattr(index_module, "LCP_BLOCK", 7)  # blocks that end inside runs of long common prefixes
    assert (lcp_array(enc.codes, sa, 41) == whole).all() and whole.max() > 7
