"""Honest small samples: the minimum size of a group worth comparing, and bootstrap intervals over documents.

Every comparison in the package (keyness of one group against another, rates
and topic shares per year or level) is a statement about the *documents* of a
group, and policy corpora are small: a level of government may be one short
notice.  Two tools say how much such a number can be trusted:

* :data:`MIN_GROUP_DOCS` and :data:`MIN_GROUP_CHARS`, under which a group is
  flagged ``small_group`` (:func:`is_small_group`);
* bootstrap intervals that resample the *documents* of each group with
  replacement (never tokens: the tokens of one document are not independent
  draws), :func:`bootstrap_weights` and :func:`bootstrap_ratio`.

Resampling is vectorised: a replicate is a row of multinomial weights over a
group's documents, and a replicate's totals are a matrix product of those
weights with the per-document counts, so 1,000 replicates cost a few matrix
products, not 1,000 refits.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import scipy.sparse as sp

__all__ = [
    "BOOTSTRAP_LEVEL",
    "MIN_GROUP_CHARS",
    "MIN_GROUP_DOCS",
    "N_BOOT",
    "bootstrap_ratio",
    "bootstrap_weights",
    "is_small_group",
]

#: Fewest documents for a group to be compared without a warning flag.  With
#: one or two documents a group's vocabulary is that of one drafting office on
#: one occasion, and a bootstrap over documents has at most 3 distinct
#: resamples (two documents), so no interval can show that; three documents
#: give 10 distinct resamples.
MIN_GROUP_DOCS = 3
#: Fewest characters (``len(text)``) for a group to be compared without a flag.
#: A chi-squared-type test such as G2 wants expected counts of about 5; in
#: 2,000 characters only terms used 25 times per 10,000 characters or more
#: (roughly the 30 most frequent terms of a policy text) can reach that, so
#: below it even the strongest keyness scores rest on a handful of occurrences.
MIN_GROUP_CHARS = 2_000
#: Default number of bootstrap replicates.
N_BOOT = 1_000
#: Coverage of the bootstrap intervals (percentile method).
BOOTSTRAP_LEVEL = 0.95
#: Replicates computed at once, to bound memory (replicates x documents x columns).
_CHUNK = 100


def is_small_group(n_docs: object, n_chars: object) -> np.ndarray:
    """True where a group has fewer than :data:`MIN_GROUP_DOCS` documents or :data:`MIN_GROUP_CHARS` characters.

    Returns
    -------
    numpy.ndarray of bool
        Element-wise over the (broadcast) inputs.
    """
    docs = np.asarray(n_docs, dtype=float)
    chars = np.asarray(n_chars, dtype=float)
    return np.asarray((docs < MIN_GROUP_DOCS) | (chars < MIN_GROUP_CHARS))


def bootstrap_weights(n_docs: int, n_boot: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
    """Resampling weights of ``n_docs`` documents, in chunks of at most 100 replicates.

    Yields
    ------
    numpy.ndarray of float64, shape (replicates in chunk, n_docs)
        How many times each document is drawn in each replicate (each row
        sums to ``n_docs``: a resample of the group's size, with replacement).
    """
    if n_docs < 1:
        return
    p = np.full(n_docs, 1.0 / n_docs)
    for start in range(0, n_boot, _CHUNK):
        size = min(_CHUNK, n_boot - start)
        yield rng.multinomial(n_docs, p, size=size).astype(np.float64)


def _as_2d(values: np.ndarray | sp.spmatrix) -> np.ndarray | sp.csr_matrix:
    if sp.issparse(values):
        return sp.csr_matrix(values, dtype=np.float64)
    array = np.asarray(values, dtype=np.float64)
    return array[:, None] if array.ndim == 1 else array


def bootstrap_ratio(
    numerator: np.ndarray | sp.spmatrix,
    denominator: np.ndarray,
    codes: np.ndarray,
    n_groups: int,
    *,
    n_boot: int = N_BOOT,
    level: float = BOOTSTRAP_LEVEL,
    random_state: int | None = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of ``sum(numerator) / sum(denominator)`` per group, resampling documents.

    Within each group the documents are drawn with replacement, as many as
    the group has, ``n_boot`` times; each replicate's ratio is the weighted
    sum of the numerators over the weighted sum of the denominators.

    Parameters
    ----------
    numerator : array or sparse matrix, shape (n_docs, n_columns) or (n_docs,)
        Per-document amounts, e.g. occurrences of each term.
    denominator : array, shape (n_docs,) or (n_docs, n_columns)
        Per-document exposure, e.g. characters; a ratio with a zero
        denominator is NaN and left out of the percentiles.
    codes : array of int, shape (n_docs,)
        Group number of each document (0 .. n_groups - 1; negative = in no group).
    n_groups : int
    n_boot : int, default :data:`N_BOOT`
    level : float, default 0.95
    random_state : int or None, default 0
        Seed of ``numpy.random.default_rng``; groups are drawn in order, so the
        same seed gives the same intervals.

    Returns
    -------
    (lo, hi) : numpy.ndarray, shape (n_groups, n_columns)
        Lower and upper percentile bounds, in the units of the ratio.  NaN for
        a group without documents or whose replicates all have a zero
        denominator.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    if n_boot < 1:
        raise ValueError(f"n_boot must be >= 1, got {n_boot}")
    num = _as_2d(numerator)
    den = np.asarray(denominator, dtype=np.float64)
    den = den[:, None] if den.ndim == 1 else den
    n_columns = num.shape[1]
    lo = np.full((n_groups, n_columns), np.nan)
    hi = np.full((n_groups, n_columns), np.nan)
    rng = np.random.default_rng(random_state)
    quantiles = [(1 - level) / 2, (1 + level) / 2]
    for g in range(n_groups):
        rows = np.flatnonzero(codes == g)
        if not len(rows):
            continue
        num_g, den_g = num[rows], den[rows]
        replicates = []
        for weights in bootstrap_weights(len(rows), n_boot, rng):
            top = np.asarray(num_g.T @ weights.T).T if sp.issparse(num_g) else weights @ num_g
            bottom = weights @ den_g
            with np.errstate(divide="ignore", invalid="ignore"):
                replicates.append(np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1.0), np.nan))
        stacked = np.vstack(replicates)
        if np.isnan(stacked).all(axis=0).any():
            # nanquantile warns on all-NaN columns; those stay NaN.
            usable = ~np.isnan(stacked).all(axis=0)
            lo[g, usable], hi[g, usable] = np.nanquantile(stacked[:, usable], quantiles, axis=0)
        else:
            lo[g], hi[g] = np.nanquantile(stacked, quantiles, axis=0)
    return lo, hi
