"""Tests for analysis.frequency, with hand-computed expected values."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.stats import chi2 as chi2_distribution
from scipy.stats import chi2_contingency

from analysis import segment
from analysis.frequency import cooccurrence, keyness, kwic, term_frequencies, tfidf_top_terms
from analysis.segment import tokenize


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(segment.CACHE_ENV_VAR, str(tmp_path / "cache"))


# Comma-separated dictionary terms: the segmentation is unambiguous, so the
# expected counts below can be written down by hand.
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


# --------------------------------------------------------------------------
# term_frequencies
# --------------------------------------------------------------------------


def test_term_frequencies_whole_corpus():
    result = term_frequencies(TINY)
    assert list(result.columns) == ["term", "count", "doc_freq", "rate_per_10k"]
    # ties on count are broken by term in code-point order (云 < 智)
    assert result["term"].tolist() == ["云计算", "智慧城市", "大数据", "物联网"]
    assert result["count"].tolist() == [3, 3, 2, 1]
    assert result["doc_freq"].tolist() == [1, 2, 2, 1]
    total_chars = 14 + 8 + 17
    expected_rates = [count / total_chars * 1e4 for count in (3, 3, 2, 1)]
    assert result["rate_per_10k"].tolist() == pytest.approx(expected_rates)
    assert result["rate_per_10k"].iloc[0] == pytest.approx(769.2307692)
    assert "provenance" in result.attrs
    assert "10,000 characters" in result.attrs["units"]["rate_per_10k"]


def test_term_frequencies_by_year():
    result = term_frequencies(TINY, by="year")
    assert list(result.columns) == ["year", "term", "count", "doc_freq", "rate_per_10k"]
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
    got = {
        (row.year, row.term): (row.count, row.doc_freq, row.rate_per_10k)
        for row in result.itertuples(index=False)
    }
    assert got.keys() == expected.keys()
    for key, (count, doc_freq, rate) in expected.items():
        assert got[key][:2] == (count, doc_freq)
        assert got[key][2] == pytest.approx(rate)


# --------------------------------------------------------------------------
# tfidf_top_terms
# --------------------------------------------------------------------------


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
        ("d1", "x", 1), ("d1", "y", 2),
        ("d2", "y", 1), ("d2", "z", 2),  # equal weights: tie broken by term
        ("d3", "z", 1), ("d3", "w", 2),
    ]
    assert result["tfidf"].tolist() == pytest.approx(
        [d1[0], d1[1], 1 / math.sqrt(2), 1 / math.sqrt(2), d3[0], d3[1]]
    )
    top1 = tfidf_top_terms(corpus, n=1, tokenizer=str.split)
    assert top1["term"].tolist() == ["x", "y", "z"]


def test_tfidf_top_terms_on_chinese_corpus():
    result = tfidf_top_terms(TINY, n=1)
    assert result.set_index("doc_id")["term"].to_dict() == {"a": "智慧城市", "b": "物联网", "c": "云计算"}
    with pytest.raises(ValueError):
        tfidf_top_terms(TINY, n=0)


# --------------------------------------------------------------------------
# keyness
# --------------------------------------------------------------------------

KEY = pd.DataFrame(
    {
        "doc_id": [1, 2, 3, 4],
        "year": [2020, 2020, 2019, 2019],
        "text": ["a a a b", "a c", "b b c c", "c d"],
    }
)
# target (2020): a 4, b 1, c 1 -> c = 6 tokens; reference: b 2, c 3, d 1 -> d = 6


def _g2(a: int, b: int, c: int, d: int) -> float:
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))


def test_keyness_hand_computed_values():
    result = keyness(KEY, "year == 2020", tokenizer=str.split).set_index("term")
    assert list(result.index) == ["a", "b", "c", "d"]  # sorted by signed g2
    a = result.loc["a"]
    assert (a.count_target, a.count_reference) == (4, 0)
    assert a.rate_target == pytest.approx(4 / 6 * 1e4)
    assert a.rate_reference == 0
    # E1 = E2 = 6 * 4 / 12 = 2, so G2 = 2 * 4 ln(4 / 2) = 8 ln 2
    assert a.g2 == pytest.approx(8 * math.log(2)) == pytest.approx(5.545177444)
    # 2x2 table [[4, 0], [2, 6]]: chi2 = 12 (4*6 - 0*2)^2 / (6*6*4*8) = 6
    assert a.chi2 == pytest.approx(6.0)
    assert a.p_value == pytest.approx(chi2_distribution.sf(8 * math.log(2), 1))
    assert a.log_ratio == pytest.approx(math.log2((4 / 6) / (0.5 / 6)))  # zero -> 0.5
    assert a.direction == "target"

    c = result.loc["c"]
    # a=1, b=3: E1 = E2 = 2; G2 = 2 (1 ln(1/2) + 3 ln(3/2)) = 1.0464962, reference
    assert c.g2 == pytest.approx(-2 * (math.log(0.5) + 3 * math.log(1.5)))
    assert c.g2 == pytest.approx(-1.0464962)
    # [[1, 3], [5, 3]]: chi2 = 12 (1*3 - 3*5)^2 / (6*6*4*8) = 1.5
    assert c.chi2 == pytest.approx(1.5)
    assert c.direction == "reference"

    assert result.loc["b"].g2 == pytest.approx(-_g2(1, 2, 6, 6)) == pytest.approx(-0.3397980)
    assert result.loc["d"].g2 == pytest.approx(-2 * math.log(2))
    assert result.loc["d"].log_ratio == pytest.approx(-1.0)
    assert result.attrs["tokens_target"] == 6 and result.attrs["tokens_reference"] == 6


def test_keyness_chi2_agrees_with_scipy_with_and_without_yates():
    plain = keyness(KEY, "year == 2020", tokenizer=str.split).set_index("term")
    yates = keyness(KEY, "year == 2020", tokenizer=str.split, yates=True).set_index("term")
    for term, (a, b) in {"a": (4, 0), "b": (1, 2), "c": (1, 3), "d": (0, 1)}.items():
        table = [[a, b], [6 - a, 6 - b]]
        assert plain.loc[term].chi2 == pytest.approx(chi2_contingency(table, correction=False)[0])
        assert yates.loc[term].chi2 == pytest.approx(chi2_contingency(table, correction=True)[0])
    # by hand for a: (|4*6 - 0*2| - 12/2)^2 * 12 / (6*6*4*8) = 3.375
    assert yates.loc["a"].chi2 == pytest.approx(3.375)
    assert "no Yates" in plain.attrs["units"]["chi2"]


def test_keyness_target_forms_agree():
    by_query = keyness(KEY, "year == 2020", tokenizer=str.split)
    by_series = keyness(KEY, KEY["year"] == 2020, tokenizer=str.split)
    by_array = keyness(KEY, np.array([True, True, False, False]), tokenizer=str.split)
    pd.testing.assert_frame_equal(by_query, by_series)
    pd.testing.assert_frame_equal(by_query, by_array)
    flipped = keyness(KEY, "year == 2019", tokenizer=str.split).set_index("term")
    assert flipped.loc["a"].g2 == pytest.approx(-8 * math.log(2))
    assert flipped.loc["a"].direction == "reference"


def test_keyness_equal_rates_have_no_direction():
    corpus = pd.DataFrame({"doc_id": [1, 2], "text": ["x y", "x z"]})
    result = keyness(corpus, [True, False], tokenizer=str.split).set_index("term")
    assert result.loc["x"].g2 == 0
    assert result.loc["x"].direction == "none"


def test_keyness_rejects_degenerate_targets():
    with pytest.raises(ValueError):
        keyness(KEY, KEY["year"] > 0, tokenizer=str.split)
    with pytest.raises(TypeError):
        keyness(KEY, KEY["year"], tokenizer=str.split)
    with pytest.raises(ValueError):
        keyness(KEY, [True, False], tokenizer=str.split)


def test_keyness_on_chinese_corpus_with_default_tokenizer():
    result = keyness(TINY, "year == 2021", min_count=2).set_index("term")
    # target tokens: 智慧城市, 云计算 x3 (c = 4); reference: 智慧城市 x2, 大数据 x2, 物联网 (d = 5)
    assert set(result.index) == {"云计算", "智慧城市", "大数据"}  # 物联网 has 1 < min_count
    assert result.loc["云计算"].g2 == pytest.approx(_g2(3, 0, 4, 5)) == pytest.approx(6 * math.log(2.25))
    assert result.loc["大数据"].g2 == pytest.approx(-_g2(0, 2, 4, 5))
    assert result.loc["云计算"].rate_target == pytest.approx(3 / 4 * 1e4)


# --------------------------------------------------------------------------
# kwic
# --------------------------------------------------------------------------


def test_kwic_literal_with_offsets_and_context():
    corpus = pd.DataFrame({"doc_id": ["x"], "text": ["智慧城市建设。新型智慧城市\n发展"]})
    result = kwic(corpus, "智慧城市", window=3)
    assert list(result.columns) == ["doc_id", "position", "left", "keyword", "right"]
    assert result.values.tolist() == [
        ["x", 0, "", "智慧城市", "建设。"],
        ["x", 9, "。新型", "智慧城市", " 发展"],  # the line break is shown as a space
    ]
    text = corpus.text[0]
    assert all(text[p : p + 4] == "智慧城市" for p in result.position)
    assert "tokenizer" not in result.attrs["provenance"]  # no segmentation involved
    assert result.attrs["provenance"]["package"] == "analysis"


def test_kwic_regex_and_literal_special_characters():
    corpus = pd.DataFrame({"doc_id": [1, 2], "text": ["数字政府和数字经济", "推进互联网+政务服务"]})
    found = kwic(corpus, r"数字(政府|经济)", window=1, regex=True)
    assert found[["doc_id", "position", "keyword", "right"]].values.tolist() == [
        [1, 0, "数字政府", "和"], [1, 5, "数字经济", ""],
    ]
    literal = kwic(corpus, "互联网+", window=2)
    assert literal[["doc_id", "position", "left", "keyword", "right"]].values.tolist() == [
        [2, 2, "推进", "互联网+", "政务"],
    ]
    assert kwic(corpus, "互联网+", regex=True)["keyword"].tolist() == ["互联网"]
    assert kwic(corpus, "不存在").empty
    # empty matches of a regex are skipped, not reported as zero-width hits
    stars = kwic(pd.DataFrame({"doc_id": [1], "text": ["智慧智慧城"]}), "(智慧)*", regex=True)
    assert stars[["position", "keyword"]].values.tolist() == [[0, "智慧智慧"]]
    with pytest.raises(ValueError):
        kwic(corpus, "")


def test_kwic_on_paragraphs_reports_para_id():
    paragraphs = pd.DataFrame(
        {"doc_id": ["d", "d"], "para_id": [0, 1], "section": ["", ""], "text": ["一网通办", "推行一网通办"]}
    )
    result = kwic(paragraphs, "一网通办", window=5)
    assert list(result.columns) == ["doc_id", "para_id", "position", "left", "keyword", "right"]
    assert result[["para_id", "position", "left"]].values.tolist() == [[0, 0, ""], [1, 2, "推行"]]


# --------------------------------------------------------------------------
# cooccurrence
# --------------------------------------------------------------------------

COOC = pd.DataFrame(
    {"doc_id": ["d"], "text": ["智慧城市，大数据。智慧城市，物联网。大数据，物联网，智慧城市。"]}
)
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
    assert result.attrs["n_units"] == 3


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
    assert document.attrs["n_units"] == 1
    paragraphs = pd.DataFrame({"doc_id": ["d"], "text": ["智慧城市，大数据\n物联网，大数据"]})
    by_paragraph = cooccurrence(paragraphs, unit="paragraph", min_count=1)
    assert by_paragraph[["term_a", "term_b", "weight"]].values.tolist() == [
        ["大数据", "智慧城市", 1], ["大数据", "物联网", 1],
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
