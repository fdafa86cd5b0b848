"""Tests for analysis.frequency.cooccurrence, hand-computed."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.frequency import cooccurrence

COOC = pd.DataFrame({"doc_id": ["d"], "text": ["智慧城市，大数据。智慧城市，物联网。大数据，物联网，智慧城市。"]})
# sentences: {智慧城市, 大数据}, {智慧城市, 物联网}, {大数据, 物联网, 智慧城市}


def test_cooccurrence_sentences_hand_computed():
    result = cooccurrence(COOC, unit="sentence", min_count=1)
    assert list(result.columns) == ["term_a", "term_b", "weight", "count_a", "count_b", "jaccard", "pmi"]
    assert result[["term_a", "term_b", "weight", "count_a", "count_b"]].values.tolist() == [
        ["大数据", "智慧城市", 2, 2, 3],
        ["智慧城市", "物联网", 2, 3, 2],
        ["大数据", "物联网", 1, 2, 2],
    ]
    assert result["jaccard"].tolist() == pytest.approx([2 / 3, 2 / 3, 1 / 3])
    # N = 3 sentences: pmi = log2(w N / (ca cb))
    assert result["pmi"].tolist() == pytest.approx([0.0, 0.0, math.log2(1 * 3 / (2 * 2))])
    assert not result.attrs


def test_cooccurrence_min_count_terms_and_max_terms():
    assert len(cooccurrence(COOC, min_count=2)) == 2
    only = cooccurrence(COOC, min_count=1, terms=["物联网", "智慧城市"])
    assert only[["term_a", "term_b", "weight"]].values.tolist() == [["智慧城市", "物联网", 2]]
    # max_terms=2 keeps 智慧城市 (3 sentences) and 大数据 (2, ties with 物联网, 大 < 物)
    top2 = cooccurrence(COOC, min_count=1, max_terms=2)
    assert top2[["term_a", "term_b"]].values.tolist() == [["大数据", "智慧城市"]]


def test_cooccurrence_units():
    document = cooccurrence(COOC, unit="document", min_count=1)
    assert document["weight"].tolist() == [1, 1, 1]
    # one unit (N = 1): every pair has pmi = log2(1 * 1 / (1 * 1)) = 0
    assert document["pmi"].tolist() == [0.0, 0.0, 0.0]
    paragraphs = pd.DataFrame({"doc_id": ["d"], "text": ["智慧城市，大数据\n物联网，大数据"]})
    by_paragraph = cooccurrence(paragraphs, unit="paragraph", min_count=1)
    assert by_paragraph[["term_a", "term_b", "weight"]].values.tolist() == [
        ["大数据", "智慧城市", 1],
        ["大数据", "物联网", 1],
    ]
    with pytest.raises(ValueError):
        cooccurrence(COOC, unit="clause")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=st.lists(st.sets(st.sampled_from("abcdef"), max_size=5), min_size=1, max_size=12))
def test_cooccurrence_matches_brute_force(units):
    text = "。".join(" ".join(sorted(u)) for u in units)
    corpus = pd.DataFrame({"doc_id": [0], "text": [text]})
    result = cooccurrence(corpus, unit="sentence", min_count=1, tokenizer=str.split, max_terms=None)
    expected = Counter(pair for u in units for pair in combinations(sorted(u), 2))
    got = {(r.term_a, r.term_b): r.weight for r in result.itertuples(index=False)}
    assert got == dict(expected)
