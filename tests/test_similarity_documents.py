"""Tests for analysis.similarity.documents: the document similarity matrix."""

from __future__ import annotations

import numpy as np

import analysis.topics
from analysis.similarity import document_similarity
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
