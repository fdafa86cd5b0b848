"""Fitting internals shared by :func:`fit_topics` and :func:`evaluate_k`: estimators, starts, shares.

NMF is fitted on L2-normalised TF-IDF, LDA on counts.  A fit returns the
topic-term distributions (rows sum to 1) and unit-topic shares (rows sum to
1, NaN for units the model says nothing about).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import TfidfTransformer

__all__ = ["METHODS", "Fit", "check_method", "fit_once", "init_seeds", "model_input", "tfidf_for", "unit_shares"]

METHODS = ("nmf", "lda")


def check_method(method: str) -> str:
    """``method`` lower-cased; raises ValueError unless it is "nmf" or "lda"."""
    method = str(method).lower()
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    return method


def _estimator(
    method: str, k: int, seed: int | None, init: str | None, max_iter: int | None, kwargs: Mapping[str, Any]
) -> NMF | LatentDirichletAllocation:
    if method == "nmf":
        # Random initialisation by default: NNDSVD starts come from an SVD and
        # barely vary with the seed, so "stability" across seeds would be ~1 by
        # construction.  With random starts it measures how much the solution
        # depends on where the optimiser starts.
        return NMF(
            n_components=k, init=init or "random", random_state=seed, max_iter=max_iter or 1000, tol=1e-4, **kwargs
        )
    # sklearn's LDA E-step is a Python loop over units; these defaults stop a
    # fit once perplexity moves by < 1 over 5 iterations and loosen the
    # per-unit tolerance, ~3x faster than sklearn's defaults for about the
    # same perplexity on the seed paragraphs (within 1%).
    options = {"evaluate_every": 5, "perp_tol": 1.0, "mean_change_tol": 1e-2, **kwargs}
    return LatentDirichletAllocation(
        n_components=k, learning_method="batch", random_state=seed, max_iter=max_iter or 100, **options
    )


def tfidf_for(counts: sp.csr_matrix, method: str) -> TfidfTransformer | None:
    """The L2 TF-IDF weighting NMF is fitted on (None for LDA, which models counts)."""
    return TfidfTransformer(norm="l2", sublinear_tf=False).fit(counts) if method == "nmf" else None


def model_input(counts: sp.csr_matrix, method: str, tfidf: TfidfTransformer | None) -> sp.csr_matrix:
    """What the estimator sees: TF-IDF rows for NMF, raw counts for LDA."""
    if method == "nmf":
        if tfidf is None:
            raise ValueError("NMF needs the fitted TF-IDF weighting")
        return tfidf.transform(counts)
    return counts


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows divided by their sum; all-zero rows become NaN."""
    totals = matrix.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = matrix / totals
    out[~(totals[:, 0] > 0)] = np.nan
    return out


def topic_term_distributions(components: np.ndarray) -> np.ndarray:
    """Topic-term distributions: each row sums to 1 (zero rows stay zero)."""
    totals = components.sum(axis=1, keepdims=True)
    return np.divide(components, totals, out=np.zeros_like(components, dtype=float), where=totals > 0)


def unit_shares(raw: np.ndarray, components: np.ndarray, method: str) -> np.ndarray:
    """Unit-topic shares summing to 1 per row (NaN for units the model leaves blank)."""
    if method == "nmf":
        # W and H trade scale freely; weight each topic by its term mass so the
        # share is the topic's part of the unit's reconstruction.
        raw = raw * components.sum(axis=1)[None, :]
    return _normalise_rows(np.asarray(raw, dtype=float))


def init_seeds(seed: int | None, n_init: int) -> list[int | None]:
    """Seeds of the n_init starts behind random_state ``seed``: seed*n_init ... seed*n_init+n_init-1.

    With n_init=1 this is ``seed`` itself; runs with different seeds never
    share a start, so evaluate_k's stability is not inflated.
    """
    if seed is None:
        return [None] * n_init
    return [int(seed) * n_init + i for i in range(n_init)]


def _objective(est: Any, method: str, inputs: sp.csr_matrix) -> float:
    """Lower is better: Frobenius reconstruction error (NMF) or training perplexity (LDA)."""
    if method == "nmf":
        return float(est.reconstruction_err_)
    return float(est.perplexity(inputs))


@dataclass
class Fit:
    """The best of several starts.

    Attributes
    ----------
    estimator : fitted NMF or LatentDirichletAllocation
    topic_term : ndarray (k, n_terms)
        Rows sum to 1, in the estimator's component order.
    shares : ndarray (n_units, k)
        Unit-topic shares, rows sum to 1; NaN rows for empty units.
    objectives : list of float
        Objective of every start (NaN with a single start, which is not scored).
    kept : int
        Index of the start kept.
    """

    estimator: Any
    topic_term: np.ndarray
    shares: np.ndarray
    objectives: list[float]
    kept: int


def fit_once(
    inputs: sp.csr_matrix,
    method: str,
    k: int,
    seed: int | None,
    init: str | None,
    max_iter: int | None,
    kwargs: Mapping[str, Any],
    empty: np.ndarray,
    n_init: int = 1,
) -> Fit:
    """Fit ``n_init`` starts and keep the one with the lowest objective.

    Returns
    -------
    Fit
    """
    if int(n_init) < 1:
        raise ValueError(f"n_init must be >= 1, got {n_init}")
    best: tuple[Any, np.ndarray, float] | None = None
    objectives: list[float] = []
    for start in init_seeds(seed, int(n_init)):
        est = _estimator(method, k, start, init, max_iter, kwargs)
        raw = est.fit_transform(inputs)
        objectives.append(_objective(est, method, inputs) if n_init > 1 else np.nan)
        if best is None or objectives[-1] < best[2]:
            best = (est, raw, objectives[-1])
    assert best is not None  # n_init >= 1
    est, raw, _ = best
    components = np.asarray(est.components_, dtype=float)
    shares = unit_shares(raw, components, method)
    shares[empty] = np.nan  # LDA returns its prior for a unit without terms: not evidence
    kept = int(np.nanargmin(objectives)) if n_init > 1 else 0
    return Fit(est, topic_term_distributions(components), shares, objectives, kept)
