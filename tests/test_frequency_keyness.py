"""Tests for analysis.frequency.keyness, hand-computed."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2 as chi2_distribution
from scipy.stats import chi2_contingency

from analysis import frequency
from analysis.frequency import keyness

# Comma-separated dictionary terms: the segmentation is unambiguous.
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
    assert not result.attrs
    # the token totals c = d = 6 follow from any row: count / rate * 10,000
    assert a.count_target / a.rate_target * 10_000 == pytest.approx(6)
    assert c.count_reference / c.rate_reference * 10_000 == pytest.approx(6)


def test_keyness_chi2_agrees_with_scipy_with_and_without_yates():
    plain = keyness(KEY, "year == 2020", tokenizer=str.split).set_index("term")
    yates = keyness(KEY, "year == 2020", tokenizer=str.split, yates=True).set_index("term")
    for term, (a, b) in {"a": (4, 0), "b": (1, 2), "c": (1, 3), "d": (0, 1)}.items():
        table = [[a, b], [6 - a, 6 - b]]
        assert plain.loc[term].chi2 == pytest.approx(chi2_contingency(table, correction=False)[0])
        assert yates.loc[term].chi2 == pytest.approx(chi2_contingency(table, correction=True)[0])
    # by hand for a: (|4*6 - 0*2| - 12/2)^2 * 12 / (6*6*4*8) = 3.375
    assert yates.loc["a"].chi2 == pytest.approx(3.375)
    assert "no Yates" in frequency.COLUMN_UNITS["keyness"]["chi2"]


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


# --- group sizes, small groups, bootstrap intervals, one-sided lists ---------


def _sized_corpus(ministry_text: str) -> pd.DataFrame:
    """One ministry document against three provincial ones (whitespace tokens)."""
    return pd.DataFrame(
        {
            "doc_id": ["m", "p1", "p2", "p3"],
            "level": ["ministry", "provincial", "provincial", "provincial"],
            "text": [ministry_text, "甲 乙 丙 " * 300, "甲 乙 丁 " * 300, "乙 丙 丁 " * 300],
        }
    )


def test_keyness_carries_the_size_of_both_sides_and_flags_a_small_group():
    # the seeds' case: a group of one 336-character ministry document
    corpus = _sized_corpus("评价 指标 " * 56)
    assert len(corpus.text[0]) == 336
    key = keyness(corpus, "level == 'ministry'", tokenizer=str.split)
    row = key.iloc[0]
    assert (row.n_docs_target, row.n_chars_target) == (1, 336)
    assert (row.n_docs_reference, row.n_chars_reference) == (3, 3 * 1800)
    assert key.small_group.all()
    assert list(key.columns[-5:]) == ["n_docs_target", "n_docs_reference", "n_chars_target", "n_chars_reference",
                                      "small_group"]  # fmt: skip
    # three documents of 1,800 characters each side: not small
    big = pd.concat([_sized_corpus("")] * 2, ignore_index=True).iloc[1:].reset_index(drop=True)
    big.loc[big.index[:3], "level"] = "ministry"
    assert not keyness(big, "level == 'ministry'", tokenizer=str.split).small_group.any()


def test_bootstrap_intervals_of_identical_documents_have_no_width():
    # every resample of identical documents is the same comparison: lo == hi == g2
    corpus = pd.DataFrame({"text": ["a a b"] * 3 + ["b c c d"] * 3})
    key = keyness(corpus, np.array([True] * 3 + [False] * 3), tokenizer=str.split, n_boot=50)
    assert list(key.columns[-5:]) == ["rank", "lo", "hi", "rank_lo", "rank_hi"]
    np.testing.assert_allclose(key.lo, key.g2)
    np.testing.assert_allclose(key.hi, key.g2)
    np.testing.assert_allclose(key.rank_lo, key["rank"])
    # target a 6, b 3 of 9 tokens; reference b 3, c 6, d 3 of 12: b is relatively more
    # frequent in the target (3/9 > 3/12).  Ranks within each direction:
    assert dict(zip(key.term, key["rank"])) == {"a": 1, "b": 2, "c": 1, "d": 2}


def test_bootstrap_intervals_vary_with_documents_and_are_reproducible():
    corpus = pd.DataFrame(
        {
            "text": ["a a b", "a b b", "a c", "a a a b", "b c c d", "c d", "b c", "c c d d"],
            "t": [True] * 4 + [False] * 4,
        }
    )
    first = keyness(corpus, corpus.t, tokenizer=str.split, n_boot=400, random_state=3)
    again = keyness(corpus, corpus.t, tokenizer=str.split, n_boot=400, random_state=3)
    pd.testing.assert_frame_equal(first, again)
    a = first.set_index("term").loc["a"]
    assert a.lo < a.g2 < a.hi
    assert a.rank_lo == 1
    limited = keyness(corpus, corpus.t, tokenizer=str.split, n_boot=50, n_top=1)
    assert limited.lo.notna().sum() == 2  # the strongest of each direction


def test_top_keywords_lists_only_terms_of_the_asked_direction():
    # later (target): a b c e f g; earlier: a a d.  Only a and d fell, so the 12 terms
    # at the bottom of the table include terms that rose; the "fell" list must not.
    corpus = pd.DataFrame({"text": ["a b c e", "f g b c", "a a d"], "late": [True, True, False]})
    key = keyness(corpus, corpus.late, tokenizer=str.split)
    assert (key.tail(12).direction == "target").any()
    fell = frequency.top_keywords(key, "reference", n=12)
    assert set(fell.direction) == {"reference"}
    # by hand, c = 8, d = 3 tokens: d (0 vs 1): G2 = 2 ln(11/3) = 2.60;
    # a (1 vs 2): 2 (ln(1 / (24/11)) + 2 ln(2 / (9/11))) = 2.02
    assert list(fell.term) == ["d", "a"]
    assert fell.g2.tolist() == pytest.approx([-2 * np.log(11 / 3), -2 * (np.log(11 / 24) + 2 * np.log(22 / 9))])
    rose = frequency.top_keywords(key, "target", n=1)
    assert list(rose.term) == [key.term.iloc[0]]
    assert frequency.top_keywords(key, "target", min_g2=1e9).empty
    with pytest.raises(ValueError):
        frequency.top_keywords(key, "up")
