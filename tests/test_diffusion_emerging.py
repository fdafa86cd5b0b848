"""emerging_terms and emerging_method."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import diffusion as D
from diffusion_corpora import small_corpus


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return small_corpus()


def test_emerging_terms_rise_after_the_split():
    # whitespace tokens so the counts are exact: 新词 6x after 2019 in two documents, never before;
    # 旧词 only before; 独词 5x after but in one document only (fails min_docs=2)
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "year": [2016, 2017, 2020, 2021],
            "text": [
                "旧词 旧词 旧词 基础 基础",
                "旧词 旧词 基础 基础 基础",
                "新词 新词 新词 独词 独词 独词 独词 独词 基础",
                "新词 新词 新词 基础",
            ],
        }
    )
    corpus["n_chars"] = corpus.text.str.len()
    em = D.emerging_terms(corpus, split_year=2019, min_count=5, min_docs=2, tokenizer=str.split)
    assert list(em.term) == ["新词"]
    row = em.iloc[0]
    assert (row.count_target, row.count_reference, row.docs_after, row.docs_before) == (6, 0, 2, 0)
    # G2 by hand: a = 6 (target), b = 0; target tokens 13, reference tokens 10, total 23
    e1 = 13 * 6 / 23
    assert row.g2 == pytest.approx(2 * 6 * np.log(6 / e1))
    assert "method" not in em.attrs  # the description is emerging_method(), not an attrs entry
    method = D.emerging_method(2019, min_count=5, min_docs=2)
    assert (
        method == "G2 keyness of token counts, years >= 2019 vs < 2019; min_count=5, min_docs=2; G2 >= 6.63 (p < 0.01)"
    )
    assert D.emerging_method(2019, min_g2=None).endswith("min_docs=2")


def _near_equal_rates() -> pd.DataFrame:
    """常词 5 times in two later documents (5 of 21 tokens) and 4 times earlier (4 of 20): G2 about 0.09."""
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "year": [2016, 2017, 2020, 2021],
            "text": [
                "常词 常词 " + "基础 " * 8,
                "常词 常词 " + "其他 " * 8,
                "常词 常词 常词 " + "基础 " * 8,
                "常词 常词 " + "其他 " * 8,
            ],
        }
    ).assign(n_chars=lambda d: d.text.str.len())


def test_emerging_terms_need_a_significant_g2():
    corpus = _near_equal_rates()
    # the selection without a G2 threshold lets the term through: the old behaviour
    loose = D.emerging_terms(corpus, 2019, min_g2=0.0, tokenizer=str.split)
    assert list(loose.term) == ["常词"]
    g2 = loose.g2.iloc[0]
    # by hand: a = 5 of c = 21, b = 4 of d = 20; E1 = 21 * 9 / 41, E2 = 20 * 9 / 41
    assert g2 == pytest.approx(2 * (5 * np.log(5 / (21 * 9 / 41)) + 4 * np.log(4 / (20 * 9 / 41))))
    assert 0 < g2 < 0.1
    assert (loose.count_target.iloc[0], loose.docs_after.iloc[0]) == (5, 2)  # passes min_count and min_docs
    assert D.emerging_terms(corpus, 2019, tokenizer=str.split).empty  # G2 < 6.63 (p >= 0.01)
    assert D.EMERGING_MIN_COUNT == 5 and D.EMERGING_MIN_DOCS == 2


def test_emerging_terms_default_to_the_median_year_and_carry_group_sizes():
    corpus = pd.DataFrame(
        {
            "doc_id": list("abcdef"),
            "year": [2015, 2016, 2016, 2021, 2022, None],
            "text": ["旧词 基础 " * 10, "旧词 基础", "基础 基础", "新词 " * 4 + "基础", "新词 " * 4, "新词 " * 50],
        }
    ).assign(n_chars=lambda d: d.text.str.len())
    # dated years 2015, 2016, 2016, 2021, 2022: median 2016 -> later period 2016-2022
    assert D.split_year_for(corpus.year) == 2016
    em = D.emerging_terms(corpus, tokenizer=str.split)
    assert list(em.term) == ["新词"]  # the undated document's 50 uses are not counted
    row = em.iloc[0]
    # later: 8 of 13 tokens, earlier: 0 of 20 -> G2 = 2 * 8 * ln(8 / (13 * 8 / 33))
    assert row.g2 == pytest.approx(16 * np.log(33 / 13))
    assert (row.count_target, row.docs_after, row.n_docs_target, row.n_docs_reference) == (8, 2, 4, 1)
    assert row.small_group  # one earlier document


def test_emerging_terms_on_a_corpus_without_two_periods_is_empty():
    one_year = _near_equal_rates().assign(year=2021)
    for split in (None, 2019, 2030):
        em = D.emerging_terms(one_year, split, tokenizer=str.split)
        assert em.empty and "g2" in em.columns and "docs_after" in em.columns
    assert "G2 >= 6.63 (p < 0.01)" in D.emerging_method(2019, min_g2=6.63)
