"""Tests for analysis.similarity.clustering: the document tree and its flat cuts."""

from __future__ import annotations

import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from analysis.similarity import cluster_documents, document_similarity, flat_clusters
from topics_synthetic import TOK, synthetic


@pytest.fixture(scope="module")
def similarity() -> pd.DataFrame:
    corpus, _paras = synthetic()
    return document_similarity(corpus, tokenizer=TOK)


def test_clustering_and_flat_clusters(similarity):
    corpus, _paras = synthetic()
    clustering = cluster_documents(similarity)
    z, order = clustering
    assert sorted(order) == sorted(corpus["doc_id"]) and z.shape == (len(corpus) - 1, 4)
    result = flat_clusters(similarity, k_range=range(2, 8))
    assert result.table["silhouette"].between(-1, 1).all()
    assert result.assignments["silhouette"].between(-1, 1).all()
    assert result.k == 4
    assert result.table.set_index("k").loc[4, "silhouette"] == result.table["silhouette"].max()
    labels = result.assignments.set_index("doc_id").loc[corpus["doc_id"], "cluster"]
    assert adjusted_rand_score(corpus["topic"], labels) > 0.8
    ward = flat_clusters(similarity, k_range=[4], method="ward")
    assert adjusted_rand_score(corpus["topic"], ward.assignments["cluster"]) > 0.8


def test_flat_clusters_are_numbered_in_dendrogram_order(similarity):
    result = flat_clusters(similarity, k_range=[4])
    order = cluster_documents(similarity).order
    clusters = result.assignments.set_index("doc_id").loc[order, "cluster"].tolist()
    assert list(dict.fromkeys(clusters)) == [1, 2, 3, 4]


def test_invalid_inputs(similarity):
    with pytest.raises(ValueError, match="no feasible k"):
        flat_clusters(similarity, k_range=[1, 1000])
    with pytest.raises(ValueError, match="at least 2"):
        cluster_documents(similarity.iloc[:1, :1])
    with pytest.raises(ValueError, match="square"):
        cluster_documents(similarity.iloc[:, :-1])
