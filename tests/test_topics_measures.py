"""Tests for analysis.topics.measures: coherence, exclusivity, FREX, matched cosine."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from analysis.topics import NPMI_EPSILON
from analysis.topics.measures import binary_matrix, coherence, exclusivity, frex, matched_cosine, top_indices


def test_npmi_and_umass_match_hand_computation():
    binary = sp.csc_matrix(np.array([
        [1, 1, 0, 0],   # a b
        [1, 1, 0, 0],   # a b
        [1, 0, 1, 0],   # a c
        [0, 0, 0, 1],   # d
    ], dtype=float))  # fmt: skip
    npmi, umass = coherence(binary, np.array([[0, 1]]))
    p_a, p_b, p_ab = 3 / 4, 2 / 4, 2 / 4
    eps = NPMI_EPSILON
    expected = np.log((p_ab + eps) / (p_a * p_b)) / -np.log(p_ab + eps)
    assert npmi[0] == pytest.approx(expected)
    assert umass[0] == pytest.approx(np.log((2 + 1) / 3))
    # b and d never co-occur: NPMI close to -1.
    npmi_bd, _ = coherence(binary, np.array([[1, 3]]))
    assert -1.0 <= npmi_bd[0] < -0.85
    # Perfect association: b and a-with-b only.
    perfect = sp.csc_matrix(np.array([[1, 1], [0, 0]], dtype=float))
    assert coherence(perfect, np.array([[0, 1]]))[0][0] == pytest.approx(1.0)
    # Independence: p(ab) = p(a) p(b) -> 0.
    indep = sp.csc_matrix(np.array([[1, 1], [1, 0], [0, 1], [0, 0]], dtype=float))
    assert coherence(indep, np.array([[0, 1]]))[0][0] == pytest.approx(0.0, abs=1e-9)


def test_exclusivity_bounds():
    disjoint = np.array([[0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5]])
    top = np.array([[0, 1], [2, 3]])
    np.testing.assert_allclose(exclusivity(disjoint, top), [1.0, 1.0])
    same = np.array([[0.25] * 4] * 3)
    np.testing.assert_allclose(exclusivity(same, np.array([[0, 1]] * 3)), [1 / 3] * 3)


def test_binary_matrix_and_top_indices():
    counts = sp.csr_matrix(np.array([[3, 0, 1], [0, 2, 0]]))
    assert binary_matrix(counts).toarray().tolist() == [[1, 0, 1], [0, 1, 0]]
    topic_term = np.array([[0.2, 0.5, 0.3], [0.4, 0.4, 0.2]])
    assert top_indices(topic_term, 2).tolist() == [[1, 2], [0, 1]]  # ties keep vocabulary order
    assert top_indices(topic_term, 10).shape == (2, 3)


def test_frex_prefers_exclusive_frequent_terms():
    topic_term = np.array([[0.6, 0.3, 0.1], [0.1, 0.3, 0.6]])
    excl = topic_term / topic_term.sum(axis=0, keepdims=True)
    score = frex(topic_term, excl)
    assert score.shape == topic_term.shape and (score > 0).all() and (score <= 1).all()
    assert score[0].argmax() == 0 and score[1].argmax() == 2


def test_matched_cosine_ignores_topic_order():
    a = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
    assert matched_cosine(a, a[::-1]) == pytest.approx(1.0)
    assert matched_cosine(a, np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])) == pytest.approx((1 + 0.5**0.5) / 2)
