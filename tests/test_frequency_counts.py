"""Tests for analysis.frequency.counts: term_frequencies and tfidf_top_terms, hand-computed."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import frequency
from analysis.frequency import term_frequencies, tfidf_top_terms
from analysis.segment import tokenize

TINY = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c"],
        "year": [2020, 2020, 2021],
        "level": ["central", "provincial", "provincial"],
        "text": [
            "智慧城市，大数据，智慧城市。",  # 14 characters
            "大数据，物联网。",  # 8 characters
            "智慧城市，云计算，云计算，云计算。",  # 17 characters
        ],
    }
)


def test_tiny_corpus_segments_as_assumed():
    assert [len(t) for t in TINY.text] == [14, 8, 17]
    assert [tokenize(t) for t in TINY.text] == [
        ["智慧城市", "大数据", "智慧城市"],
        ["大数据", "物联网"],
        ["智慧城市", "云计算", "云计算", "云计算"],
    ]


def test_term_frequencies_whole_corpus():
    result = term_frequencies(TINY)
    assert list(result.columns) == [
        "term", "count", "doc_freq", "rate_per_10k", "n_docs", "n_chars", "small_group"
    ]  # fmt: skip
    assert set(result.n_docs) == {3} and set(result.n_chars) == {39}
    assert result.small_group.all()  # 39 characters: a small group
    # ties on count are broken by term in code-point order (云 < 智)
    assert result["term"].tolist() == ["云计算", "智慧城市", "大数据", "物联网"]
    assert result["count"].tolist() == [3, 3, 2, 1]
    assert result["doc_freq"].tolist() == [1, 2, 2, 1]
    total_chars = 14 + 8 + 17
    expected_rates = [count / total_chars * 1e4 for count in (3, 3, 2, 1)]
    assert result["rate_per_10k"].tolist() == pytest.approx(expected_rates)
    assert result["rate_per_10k"].iloc[0] == pytest.approx(769.2307692)
    assert not result.attrs  # provenance travels as data, units as frequency.COLUMN_UNITS
    assert "10,000 characters" in frequency.COLUMN_UNITS["term_frequencies"]["rate_per_10k"]


def test_term_frequencies_by_year():
    result = term_frequencies(TINY, by="year")
    assert list(result.columns[:5]) == ["year", "term", "count", "doc_freq", "rate_per_10k"]
    sizes = result.drop_duplicates("year").set_index("year")[["n_docs", "n_chars"]]
    assert sizes.to_dict("index") == {2020: {"n_docs": 2, "n_chars": 22}, 2021: {"n_docs": 1, "n_chars": 17}}
    assert result.small_group.all()
    rows = [tuple(r) for r in result[["year", "term", "count", "doc_freq"]].itertuples(index=False)]
    assert rows == [
        (2020, "大数据", 2, 2),
        (2020, "智慧城市", 2, 1),
        (2020, "物联网", 1, 1),
        (2021, "云计算", 3, 1),
        (2021, "智慧城市", 1, 1),
    ]
    # 2020 has 14 + 8 = 22 characters, 2021 has 17.
    assert result["rate_per_10k"].tolist() == pytest.approx(
        [2 / 22 * 1e4, 2 / 22 * 1e4, 1 / 22 * 1e4, 3 / 17 * 1e4, 1 / 17 * 1e4]
    )


def test_term_frequencies_by_two_columns_and_min_count():
    result = term_frequencies(TINY, by=["year", "level"], min_count=2)
    rows = [tuple(r) for r in result[["year", "level", "term", "count"]].itertuples(index=False)]
    assert rows == [(2020, "central", "智慧城市", 2), (2021, "provincial", "云计算", 3)]
    assert result["rate_per_10k"].tolist() == pytest.approx([2 / 14 * 1e4, 3 / 17 * 1e4])


def test_term_frequencies_with_custom_tokenizer_and_missing_text():
    corpus = pd.DataFrame({"doc_id": [1, 2, 3], "text": ["a b a", None, "b c"]})
    result = term_frequencies(corpus, tokenizer=str.split)
    assert dict(zip(result.term, result["count"])) == {"a": 2, "b": 2, "c": 1}
    assert dict(zip(result.term, result.doc_freq)) == {"a": 1, "b": 2, "c": 1}
    # characters: 5 + 0 + 3
    assert dict(zip(result.term, result.rate_per_10k))["a"] == pytest.approx(2 / 8 * 1e4)
    with pytest.raises(KeyError):
        term_frequencies(corpus, by="year", tokenizer=str.split)


def test_term_frequencies_of_an_empty_corpus_is_empty():
    corpus = pd.DataFrame({"doc_id": [1], "text": ["。，"]})
    assert term_frequencies(corpus).empty


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    docs=st.lists(
        st.tuples(st.lists(st.sampled_from("abcde"), max_size=8), st.sampled_from([2019, 2020, 2021])),
        min_size=1,
        max_size=8,
    )
)
def test_term_frequencies_match_naive_counting(docs):
    corpus = pd.DataFrame(
        {"doc_id": range(len(docs)), "text": [" ".join(t) for t, _ in docs], "year": [y for _, y in docs]}
    )
    result = term_frequencies(corpus, by="year", tokenizer=str.split)
    expected = {}
    for year, group in corpus.groupby("year"):
        counts = Counter(tok for text in group.text for tok in text.split())
        docs_with = Counter(tok for text in group.text for tok in set(text.split()))
        chars = group.text.str.len().sum()
        for term, count in counts.items():
            expected[(year, term)] = (count, docs_with[term], count / chars * 1e4)
    got = {(row.year, row.term): (row.count, row.doc_freq, row.rate_per_10k) for row in result.itertuples(index=False)}
    assert got.keys() == expected.keys()
    for key, (count, doc_freq, rate) in expected.items():
        assert got[key][:2] == (count, doc_freq)
        assert got[key][2] == pytest.approx(rate)


def test_tfidf_top_terms_hand_computed():
    corpus = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "text": ["x x y", "y z", "z z z w"]})
    result = tfidf_top_terms(corpus, n=2, tokenizer=str.split)
    assert list(result.columns) == ["doc_id", "term", "tfidf", "rank"]

    def idf(df: int, n_docs: int = 3) -> float:
        return math.log((1 + n_docs) / (1 + df)) + 1

    # d1: x (tf 2, df 1), y (tf 1, df 2)
    x, y = 2 * idf(1), 1 * idf(2)
    d1 = (x / math.hypot(x, y), y / math.hypot(x, y))
    # d3: z (tf 3, df 2), w (tf 1, df 1)
    z, w = 3 * idf(2), 1 * idf(1)
    d3 = (z / math.hypot(z, w), w / math.hypot(z, w))
    rows = list(result.itertuples(index=False, name=None))
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("d1", "x", 1),
        ("d1", "y", 2),
        ("d2", "y", 1),
        ("d2", "z", 2),  # equal weights: tie broken by term
        ("d3", "z", 1),
        ("d3", "w", 2),
    ]
    assert result["tfidf"].tolist() == pytest.approx([d1[0], d1[1], 1 / math.sqrt(2), 1 / math.sqrt(2), d3[0], d3[1]])
    top1 = tfidf_top_terms(corpus, n=1, tokenizer=str.split)
    assert top1["term"].tolist() == ["x", "y", "z"]


def test_tfidf_top_terms_on_chinese_corpus():
    result = tfidf_top_terms(TINY, n=1)
    assert result.set_index("doc_id")["term"].to_dict() == {"a": "智慧城市", "b": "物联网", "c": "云计算"}
    with pytest.raises(ValueError):
        tfidf_top_terms(TINY, n=0)


def test_column_units_cover_every_function():
    assert set(frequency.COLUMN_UNITS) == {"term_frequencies", "tfidf_top_terms", "keyness", "kwic", "cooccurrence"}
    assert set(frequency.COLUMN_UNITS["term_frequencies"]) == {"count", "doc_freq", "rate_per_10k", "n_docs", "n_chars"}


def test_results_are_plain_frames_without_attrs():
    assert not tfidf_top_terms(TINY, n=2).attrs
    assert not term_frequencies(TINY, by="year").attrs
