"""Topic quality measures: coherence (NPMI, UMass), exclusivity, FREX, matched cosine.

All take a topic-term matrix (rows sum to 1) and, for coherence, a binary
unit x term matrix; definitions in :func:`analysis.topics.k_diagnostic_definitions`.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment
from scipy.stats import rankdata

__all__ = [
    "NPMI_EPSILON",
    "binary_matrix",
    "coherence",
    "cosine_rows",
    "exclusivity",
    "exclusivity_matrix",
    "frex",
    "matched_cosine",
    "top_indices",
]

#: Smoothing added to joint probabilities in NPMI (as in Röder et al. 2015 /
#: Palmetto's C_NPMI): a pair that never co-occurs scores about -1, not -inf.
NPMI_EPSILON = 1e-12


def top_indices(topic_term: np.ndarray, n_top: int) -> np.ndarray:
    """Column indices of each topic's ``n_top`` strongest terms, strongest first (ties: vocabulary order)."""
    return np.argsort(-topic_term, axis=1, kind="stable")[:, : min(n_top, topic_term.shape[1])]


def binary_matrix(counts: sp.spmatrix) -> sp.csc_matrix:
    """Presence (1.0) / absence of each term in each unit, as float64 CSC."""
    b = sp.csc_matrix(counts, dtype=np.float64, copy=True)
    b.data[:] = 1.0
    return b


def _joint_counts(binary: sp.csc_matrix, top: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(unique term columns, their unit frequencies, their co-occurrence counts)."""
    cols = np.unique(top)
    sub = binary[:, cols]
    joint = (sub.T @ sub).toarray().astype(float)
    return cols, np.diag(joint).copy(), joint


def coherence(binary: sp.csc_matrix, top: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-topic NPMI (-1..1) and UMass (<= about 0) coherence of the top terms.

    Parameters
    ----------
    binary : csc_matrix (n_units, n_terms)
        Term presence per unit (:func:`binary_matrix`).
    top : ndarray (k, n_top)
        Column indices of each topic's top terms, strongest first.

    Returns
    -------
    (ndarray, ndarray)
        NPMI and UMass per topic; NaN where undefined.
    """
    n_units = binary.shape[0]
    cols, df, joint = _joint_counts(binary, top)
    pos = np.searchsorted(cols, top)  # top terms -> rows of ``joint``
    n = top.shape[1]
    i_idx, j_idx = np.triu_indices(n, k=1)  # i ranked above j
    npmi = np.full(len(top), np.nan)
    umass = np.full(len(top), np.nan)
    if n < 2 or n_units == 0:
        return npmi, umass
    with np.errstate(divide="ignore", invalid="ignore"):
        for t, p in enumerate(pos):
            a, b = p[i_idx], p[j_idx]
            p_a, p_b = df[a] / n_units, df[b] / n_units
            p_ab = joint[a, b] / n_units
            pmi = np.log((p_ab + NPMI_EPSILON) / (p_a * p_b))
            value = pmi / -np.log(p_ab + NPMI_EPSILON)
            value[p_ab >= 1.0] = 1.0  # both terms in every unit: perfect association
            value[(p_a == 0) | (p_b == 0)] = np.nan  # term absent from the reference units
            npmi[t] = np.nanmean(value) if np.isfinite(value).any() else np.nan
            # UMass conditions on the higher-ranked term a (Mimno et al. 2011).
            um = np.log((joint[a, b] + 1.0) / df[a])
            um[df[a] == 0] = np.nan
            umass[t] = np.nanmean(um) if np.isfinite(um).any() else np.nan
    return npmi, umass


def exclusivity_matrix(topic_term: np.ndarray) -> np.ndarray:
    """p(w|t) / sum_j p(w|j) for every topic and term (0 for unused terms); shape of ``topic_term``."""
    totals = topic_term.sum(axis=0, keepdims=True)
    return np.divide(topic_term, totals, out=np.zeros_like(topic_term, dtype=float), where=totals > 0)


def exclusivity(topic_term: np.ndarray, top: np.ndarray) -> np.ndarray:
    """Per topic: mean over its top terms of p(w|t) / sum_j p(w|j) (1/k..1)."""
    return np.take_along_axis(exclusivity_matrix(topic_term), top, axis=1).mean(axis=1)


def frex(topic_term: np.ndarray, excl: np.ndarray, weight: float = 0.5) -> np.ndarray:
    """stm's FREX per topic and term: weighted harmonic mean of within-topic ECDF ranks (0-1].

    Ranks are of exclusivity (``excl``, from :func:`exclusivity_matrix`) and of frequency p(w|t).
    """
    n = topic_term.shape[1]
    excl_rank = rankdata(excl, method="max", axis=1) / n
    freq_rank = rankdata(topic_term, method="max", axis=1) / n
    return 1.0 / (weight / excl_rank + (1 - weight) / freq_rank)


def cosine_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of every row of ``a`` with every row of ``b`` (zero rows give 0)."""
    na = np.linalg.norm(a, axis=1, keepdims=True)
    nb = np.linalg.norm(b, axis=1, keepdims=True)
    a = np.divide(a, na, out=np.zeros_like(a), where=na > 0)
    b = np.divide(b, nb, out=np.zeros_like(b), where=nb > 0)
    return a @ b.T


def matched_cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Mean cosine of rows paired one-to-one by the Hungarian algorithm (0-1 for non-negative rows)."""
    sim = cosine_rows(a, b)
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].mean())
