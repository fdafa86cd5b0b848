"""Tests for analysis.topics.dtm: the unit x term count matrix of a topic model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import segment
from analysis.dtm import count_matrix
from analysis.topics import build_dtm
from topics_synthetic import GENERAL, PLANTED, TOK, synthetic


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Segmentation cache in a per-test directory, never the working tree."""
    monkeypatch.setenv(segment.CACHE_ENV_VAR, str(tmp_path / "cache"))


def test_build_dtm_counts_and_flags_empty_units():
    _corpus, paras = synthetic()
    extra = pd.DataFrame([{"doc_id": "x", "para_id": 0, "text": "孤词甲 孤词乙"},
                          {"doc_id": "x", "para_id": 1, "text": ""}])  # fmt: skip
    units = pd.concat([paras[["doc_id", "para_id", "text"]], extra], ignore_index=True)
    matrix, vocabulary, index = build_dtm(units, TOK, min_df=2, max_df=0.9)
    assert matrix.shape == (len(units), len(vocabulary))
    assert set(vocabulary) == {t for ts in PLANTED.values() for t in ts} | set(GENERAL)
    assert "孤词甲" not in set(vocabulary)  # min_df=2
    assert index["is_empty"].tolist()[-2:] == [True, True]
    assert not index["is_empty"].iloc[:-2].any()
    # Counts equal the tokens kept: every planted paragraph token is in the vocabulary.
    np.testing.assert_array_equal(index["n_terms"].iloc[:-2], paras["text"].str.split().str.len())
    assert index["para_id"].dtype == "Int64"


def test_build_dtm_rejects_empty_vocabulary():
    units = pd.DataFrame({"doc_id": ["a", "b"], "text": ["甲 乙", "丙 丁"]})
    with pytest.raises(ValueError, match="no terms left"):
        build_dtm(units, TOK, min_df=2)
    with pytest.raises(ValueError, match="no terms left"):
        build_dtm(pd.DataFrame({"doc_id": ["a"], "text": [""]}), TOK, min_df=1)


def test_build_dtm_is_the_shared_count_matrix():
    _corpus, paras = synthetic()
    dtm = build_dtm(paras, TOK, min_df=2, max_df=0.9)
    expected, terms = count_matrix([t.split() for t in paras["text"]], min_df=2, max_df=0.9)
    assert (dtm.matrix != expected).nnz == 0 and list(dtm.vocabulary) == list(terms)
    assert dtm.params == {"min_df": 2, "max_df": 0.9, "max_features": None, "text_col": "text"}


def test_dtm_counts_new_units_over_its_vocabulary():
    _corpus, paras = synthetic()
    dtm = build_dtm(paras, TOK)
    tokens = [["数据共享", "数据共享", "孤词"], []]
    counts = dtm.count(tokens)
    column = list(dtm.vocabulary).index("数据共享")
    assert counts.shape == (2, len(dtm.vocabulary)) and counts[0, column] == 2 and counts.sum() == 2
    assert (dtm.vectorizer().transform(tokens) != counts).nnz == 0


def test_dtm_take_selects_rows_and_keeps_the_vocabulary():
    units = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "para_id": [0, 1, 0], "text": ["数据 平台 数据", "交通 平台", "数据 交通"]}
    )
    dtm = build_dtm(units, str.split, min_df=1, max_df=1.0)
    part = dtm.take(np.array([0, 2]))
    assert list(part.vocabulary) == list(dtm.vocabulary) == ["交通", "平台", "数据"]
    # by hand: unit a/0 has 数据 twice and 平台 once; b/0 交通 and 数据 once each
    assert part.matrix.toarray().tolist() == [[0, 1, 2], [1, 0, 1]]
    assert part.units[["doc_id", "para_id"]].astype(str).to_numpy().tolist() == [["a", "0"], ["b", "0"]]
    assert part.params == dtm.params and part.tokenizer is dtm.tokenizer
