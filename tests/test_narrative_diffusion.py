"""Sentences from diffusion and reuse tables: each share names the document it is a share of."""

import pandas as pd

from analysis.narrative import (
    adoption_lag_sentence,
    alignment_sentence,
    emerging_sentence,
    reuse_by_level_sentence,
    reuse_pairs_sentence,
    title_words_sentence,
)

LABELS = {"s": "2016 发改委", "t": "2018 发改委"}


def test_reuse_share_is_stated_for_each_document():
    # issue 12: 28% is of the later (2018) notice; the passages cover 10.4% of the earlier (2016) one
    pairs = pd.DataFrame(
        {
            "source_doc_id": ["s"],
            "target_doc_id": ["t"],
            "aligned_chars": [1234],
            "n_passages": [5],
            "target_share": [0.28],
            "source_share": [0.104],
            "score": [900.0],
        }
    )
    assert reuse_pairs_sentence(pairs, LABELS) == (
        "1 pair of documents shares passages. Strongest: 2016 发改委 → 2018 发改委: 1,234 characters in 5 passages, "
        "28.0% of the later document's text (2018 发改委) and 10.4% of the earlier one's (2016 发改委)."
    )
    assert reuse_pairs_sentence(pairs.iloc[:0], LABELS).startswith("No pair of documents")


def test_reuse_by_level_names_source_levels():
    by_level = pd.DataFrame(
        {
            "doc_id": ["t", "s"],
            "share_any": [0.28, 0.0],
            "share_from_ministry": [0.28, 0.0],
            "share_from_central": [0.0, 0.0],
        }
    )
    assert reuse_by_level_sentence(by_level, LABELS) == (
        "Largest shares of a document's text reused from earlier documents: "
        "2018 发改委 (28.0% of its text, from ministry documents)."
    )
    assert reuse_by_level_sentence(by_level.iloc[1:], LABELS).startswith("No document takes")


def test_alignment_sentence():
    p = pd.Series({"source_doc_id": "s", "target_doc_id": "t", "aligned_chars": 96, "similarity": 0.834})
    assert alignment_sentence(p, LABELS) == (
        "The longest passage of the strongest pair: 2016 发改委 → 2018 发改委, 96 characters, similarity 0.83."
    )


def test_lag_sentence_counts_directions():
    lag = pd.DataFrame(
        {
            "term": ["物联网", "城市大脑", "数据要素", "一网统管"],
            "lag_years": [4, -1, 0, None],
            "direction": ["top-down", "bottom-up", "same year", ""],
        }
    )
    assert adoption_lag_sentence(lag) == (
        "Of the 3 watchlist terms used at both levels: 1 term top-down, 1 term bottom-up and 1 term same year. "
        "Longest top-down lags: 物联网 (4 years)."
    )
    assert "not computed" in adoption_lag_sentence(lag[lag.direction == ""])


def test_emerging_sentence_without_a_split_or_without_terms():
    em = pd.DataFrame({"term": ["数据要素"], "count_target": [12], "count_reference": [0]})
    assert (
        emerging_sentence(em, 2020)
        == "The strongest emerging terms from 2020 on: 数据要素 (12 times from 2020, 0 before)."
    )
    assert "not computed" in emerging_sentence(em, None)
    assert emerging_sentence(em.iloc[:0], 2020).startswith("No term passes")


def test_title_words_sentence_per_year():
    tw = pd.DataFrame(
        {
            "year": [2021, 2021, 2022],
            "word": ["数据", "智慧", "数字"],
            "n_titles": [4, 4, 1],
            "n_with_word": [2, 1, 1],
            "share": [0.5, 0.25, 1.0],
        }
    )
    assert (
        title_words_sentence(tw)
        == "The most used title word per year: 2021: 数据 in 2 of 4 titles; 2022: 数字 in 1 of 1 title."
    )


def test_emerging_sentence_warns_when_a_period_is_a_small_group():
    from analysis.narrative import emerging_sentence

    emerging = pd.DataFrame(
        {
            "term": ["建设"],
            "count_target": [39],
            "count_reference": [0],
            "n_docs_target": [3],
            "n_docs_reference": [1],
            "small_group": [True],
        }
    )
    text = emerging_sentence(emerging, 2018)
    assert text.startswith("The strongest emerging terms from 2018 on: 建设 (39 times from 2018, 0 before).")
    assert "(1 before, 3 from 2018)" in text
    assert "fewer than 3" not in emerging_sentence(emerging.assign(small_group=False), 2018)
