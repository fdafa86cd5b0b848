"""Tests for analysis.topics.sampling: the seeded sample of units the k diagnostics and LDA use on large corpora."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.topics import (
    LDA_SAMPLE_UNITS,
    SAMPLE_SEEDS,
    SAMPLE_UNITS,
    build_dtm,
    choose_k,
    evaluate_k,
    sample_rows,
    sample_units,
)
from topics_synthetic import TOK, k_diagnostics, synthetic


def test_constants_are_the_documented_rule():
    assert (SAMPLE_UNITS, SAMPLE_SEEDS, LDA_SAMPLE_UNITS) == (2_000, 3, 1_000)


def test_sample_rows_keeps_everything_up_to_the_limit():
    assert sample_rows(5, 5).tolist() == [0, 1, 2, 3, 4]
    assert sample_rows(0, 5).tolist() == []
    assert sample_rows(7, None).tolist() == list(range(7))


def test_sample_rows_draws_a_sorted_seeded_sample_without_repeats():
    rows = sample_rows(1_000, 100, random_state=0)
    assert len(rows) == 100 and len(set(rows.tolist())) == 100
    assert (np.diff(rows) > 0).all() and rows.min() >= 0 and rows.max() < 1_000
    assert np.array_equal(rows, sample_rows(1_000, 100, random_state=0))  # deterministic
    assert not np.array_equal(rows, sample_rows(1_000, 100, random_state=1))
    with pytest.raises(ValueError, match="max_units"):
        sample_rows(10, 0)


def test_sample_units_keeps_units_and_matrix_rows_together():
    _corpus, paras = synthetic()
    dtm = build_dtm(paras, TOK)
    units, sub = sample_units(paras, dtm, max_units=40, random_state=3)
    assert sub is not None and len(units) == 40 and sub.matrix.shape == (40, len(dtm.vocabulary))
    assert units.index.tolist() == list(range(40))
    # each sampled unit's row is its own row of the full matrix, vocabulary unchanged
    rows = sample_rows(len(paras), 40, random_state=3)
    assert (sub.matrix != dtm.matrix[rows]).nnz == 0
    assert np.array_equal(sub.vocabulary, dtm.vocabulary)
    keys = units[["doc_id", "para_id"]].to_numpy().tolist()
    assert keys == sub.units[["doc_id", "para_id"]].to_numpy().tolist()
    assert keys == paras.iloc[rows][["doc_id", "para_id"]].to_numpy().tolist()


def test_sample_units_returns_a_small_corpus_itself():
    # one document of three paragraphs, far below any limit: nothing is left out
    units = pd.DataFrame({"doc_id": ["d"] * 3, "para_id": [0, 1, 2], "text": ["数据 平台", "数据 共享", "平台 共享"]})
    dtm = build_dtm(units, TOK, min_df=1, max_df=1.0)
    same_units, same_dtm = sample_units(units, dtm)
    assert same_units is units and same_dtm is dtm
    assert sample_units(units, max_units=2)[1] is None
    with pytest.raises(ValueError, match="dtm has 3 units"):
        sample_units(units.iloc[:2], dtm)


def test_evaluate_k_on_a_sample_equals_evaluate_k_of_that_sample():
    _corpus, paras = synthetic()
    dtm = build_dtm(paras, TOK)
    sampled = evaluate_k(paras, ks=[3, 4, 5], seeds=(0, 1, 2, 3, 4), dtm=dtm, max_units=150, sample_state=0)
    assert sampled.sampled and sampled.n_units == 150 and sampled.n_units_total == len(paras) == 252
    assert sampled.seeds == [0, 1, 2]  # the first SAMPLE_SEEDS of the five requested
    assert sampled.provenance.params["seeds_requested"] == [0, 1, 2, 3, 4]
    assert (sampled.table["n_units"] == 150).all() and (sampled.table["n_seeds"] == 3).all()
    units, sub = sample_units(paras, dtm, max_units=150, random_state=0)
    direct = evaluate_k(units, ks=[3, 4, 5], seeds=(0, 1, 2), dtm=sub, max_units=None)
    assert not direct.sampled
    pd.testing.assert_frame_equal(sampled.table, direct.table)
    # 150 of the 252 planted paragraphs still point to the four planted topics
    assert choose_k(sampled)[0] == 4


def test_evaluate_k_below_the_limit_is_unchanged():
    result = k_diagnostics()  # 252 paragraphs, default max_units
    assert not result.sampled and result.n_units == result.n_units_total == 252
    _corpus, paras = synthetic()
    unlimited = evaluate_k(paras, ks=range(2, 8), seeds=(0, 1, 2), tokenizer=TOK, max_units=None)
    pd.testing.assert_frame_equal(result.table, unlimited.table)
