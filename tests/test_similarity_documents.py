"""Tests for analysis.similarity.documents: the document similarity matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import analysis.topics
from analysis.similarity import document_similarity, documents
from analysis.similarity.documents import NEIGHBOUR_COLUMNS
from topics_synthetic import TOK, synthetic


def test_similarity_matrix_properties():
    corpus, _paras = synthetic()
    similarity = document_similarity(corpus, tokenizer=TOK)
    s = similarity.to_numpy()
    assert similarity.shape == (len(corpus), len(corpus))
    assert list(similarity.index) == list(corpus["doc_id"])
    np.testing.assert_array_equal(s, s.T)
    np.testing.assert_array_equal(np.diag(s), 1.0)
    assert s.min() >= 0 and s.max() <= 1
    same = corpus["topic"].to_numpy()[:, None] == corpus["topic"].to_numpy()[None, :]
    off = ~np.eye(len(s), dtype=bool)
    assert s[same & off].mean() > s[~same].mean() + 0.3


def test_topics_keeps_the_similarity_names_for_now():
    import analysis.similarity as similarity

    for name in ("document_similarity", "cluster_documents", "flat_clusters", "DocumentClustering", "FlatClusters"):
        assert getattr(analysis.topics, name) is getattr(similarity, name)


def _top_k_of_matrix(similarity, k):
    """Each document's k most similar others from the square matrix (ties in corpus order)."""
    s = similarity.to_numpy().copy()
    np.fill_diagonal(s, -1.0)
    ids = similarity.index.to_numpy()
    rows = []
    for i, doc in enumerate(ids):
        order = np.lexsort((np.arange(len(ids)), -np.round(s[i], 12)))[:k]
        rows += [(doc, rank + 1, ids[j], s[i, j]) for rank, j in enumerate(order)]
    return rows


def test_neighbours_equal_the_matrix_top_k():
    corpus, _paras = synthetic()
    matrix = document_similarity(corpus, tokenizer=TOK)
    table = document_similarity(corpus, tokenizer=TOK, k=5)
    assert list(table.columns) == NEIGHBOUR_COLUMNS
    assert len(table) == 5 * len(corpus)
    assert list(table["doc_id"].unique()) == list(corpus["doc_id"])
    expected = _top_k_of_matrix(matrix, 5)
    assert [(d, r, n) for d, r, n, _s in expected] == list(
        table[["doc_id", "rank", "neighbour"]].itertuples(index=False, name=None)
    )
    np.testing.assert_allclose(table["similarity"], [s for *_x, s in expected], atol=1e-12)
    assert (table["neighbour"] != table["doc_id"]).all()


def test_above_the_threshold_the_neighbours_table_is_returned(monkeypatch):
    corpus, _paras = synthetic()
    matrix = document_similarity(corpus, tokenizer=TOK)
    monkeypatch.setattr(documents, "LARGE_SIMILARITY", 10)  # 36 documents count as large
    with pytest.warns(UserWarning, match="nearest neighbours"):
        table = documents.document_similarity(corpus, tokenizer=TOK)
    assert len(table) == documents.NEIGHBOURS * len(corpus)
    first = table[table["rank"] == 1]
    # each document's nearest neighbour is the one the matrix ranks first
    assert [(d, n) for d, _r, n, _s in _top_k_of_matrix(matrix, 1)] == list(zip(first["doc_id"], first["neighbour"]))


def test_identical_documents_and_tiny_corpora():
    # doc b repeats a; c shares nothing with either; a one-document corpus has no neighbours
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "text": ["数据 共享 开放", "数据 共享 开放", "交通 信号 调度", "交通 信号 停车"],
        }
    )
    table = document_similarity(corpus, tokenizer=TOK, min_df=1, k=1)
    assert list(table["neighbour"]) == ["b", "a", "d", "c"]
    np.testing.assert_allclose(table["similarity"].iloc[:2], 1.0)
    assert table["similarity"].iloc[2] == pytest.approx(table["similarity"].iloc[3])
    assert 0 < table["similarity"].iloc[2] < 1
    one = document_similarity(corpus.iloc[:1], tokenizer=TOK, min_df=1, k=3)
    assert one.empty and list(one.columns) == NEIGHBOUR_COLUMNS
    with pytest.raises(ValueError, match="k must be"):
        document_similarity(corpus, tokenizer=TOK, k=0)


def test_neighbours_in_blocks_equal_one_block_and_the_matrix(monkeypatch):
    from analysis.similarity import cosine

    corpus, _paras = synthetic()
    matrix = document_similarity(corpus, tokenizer=TOK)
    whole = document_similarity(corpus, tokenizer=TOK, k=4)
    monkeypatch.setattr(cosine, "BLOCK_BYTES", 8 * len(corpus) * 5)  # blocks of 5 documents
    monkeypatch.setattr(cosine, "DENSE_BYTES", 0)  # every term through the sparse product
    blocked = document_similarity(corpus, tokenizer=TOK, k=4)
    pd.testing.assert_frame_equal(blocked, whole, check_exact=False, rtol=0, atol=1e-12)
    assert [(d, r, n) for d, r, n, _s in _top_k_of_matrix(matrix, 4)] == list(
        blocked[["doc_id", "rank", "neighbour"]].itertuples(index=False, name=None)
    )


def test_ties_at_the_cut_go_to_corpus_order():
    # x and y are identical; w shares no term with anyone, so all its similarities are 0 (a tie)
    corpus = pd.DataFrame(
        {"doc_id": ["x", "y", "z", "w"], "text": ["数据 共享 平台", "数据 共享 平台", "医疗 健康 数据", "孤立 词语"]}
    )
    table = document_similarity(corpus, tokenizer=TOK, min_df=1, k=2)
    pairs = {d: list(g["neighbour"]) for d, g in table.groupby("doc_id", sort=False)}
    assert pairs == {"x": ["y", "z"], "y": ["x", "z"], "z": ["x", "y"], "w": ["x", "y"]}
    assert table.loc[table.doc_id == "w", "similarity"].tolist() == [0.0, 0.0]
    np.testing.assert_allclose(table.loc[table.doc_id == "x", "similarity"].iloc[0], 1.0)
    matrix = document_similarity(corpus, tokenizer=TOK, min_df=1)
    assert matrix.loc["w", "w"] == 1.0 and matrix.loc["w"].drop("w").eq(0).all()


def test_the_blocked_matrix_equals_the_plain_one(monkeypatch):
    from analysis.similarity import cosine

    corpus, _paras = synthetic()
    plain = document_similarity(corpus, tokenizer=TOK)
    monkeypatch.setattr(cosine, "PLAIN_PRODUCT_MAX", 0)
    monkeypatch.setattr(cosine, "BLOCK_BYTES", 8 * len(corpus) * 5)  # blocks of 5 documents
    blocked = document_similarity(corpus, tokenizer=TOK)
    pd.testing.assert_frame_equal(blocked, plain, check_exact=False, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(blocked.to_numpy(), blocked.to_numpy().T)
    np.testing.assert_array_equal(np.diag(blocked.to_numpy()), 1.0)
