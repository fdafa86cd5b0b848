"""The document-term matrix: one builder shared by term frequencies and topic models."""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

__all__ = ["align_columns", "count_matrix", "pass_through", "prune_terms"]


def pass_through(tokens: list[str]) -> list[str]:
    """Analyzer for CountVectorizer on units that are already token lists (module level: picklable)."""
    return tokens


def count_matrix(
    token_lists: Sequence[list[str]],
    *,
    binary: bool = False,
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    max_features: int | None = None,
    vocabulary: Sequence[str] | None = None,
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Count tokens into a sparse unit x term matrix.

    Parameters
    ----------
    token_lists : sequence of list of str
        One token list per unit (document or paragraph).
    binary : bool
        Presence (1) instead of counts.
    min_df, max_df, max_features
        As in :class:`sklearn.feature_extraction.text.CountVectorizer`.
    vocabulary : sequence of str, optional
        Fixed columns (terms outside it are ignored).

    Returns
    -------
    (csr_matrix of int64 counts, ndarray of terms)
        Terms sorted by code point unless ``vocabulary`` is given.  An input with
        no tokens at all gives a matrix with zero columns.

    Raises
    ------
    ValueError
        When tokens exist but none survives ``min_df`` / ``max_df``.
    """
    if vocabulary is None and not any(len(tokens) for tokens in token_lists):
        # CountVectorizer refuses an empty vocabulary; an empty table is the answer.
        return sp.csr_matrix((len(token_lists), 0), dtype=np.int64), np.array([], dtype=object)
    # lowercase=False: the tokenizer decides normalisation (5G, AI stay as printed).
    vectorizer = CountVectorizer(
        analyzer=pass_through,
        binary=binary,
        lowercase=False,
        dtype=np.int64,
        min_df=min_df,
        max_df=max_df,
        max_features=max_features,
        vocabulary=None if vocabulary is None else list(vocabulary),
    )
    matrix = vectorizer.fit_transform(token_lists).tocsr()
    return matrix, vectorizer.get_feature_names_out().astype(object)


def prune_terms(
    doc_freq: np.ndarray,
    term_freq: np.ndarray,
    n_units: int,
    *,
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    max_features: int | None = None,
) -> np.ndarray:
    """The terms :func:`count_matrix` keeps, from the whole corpus's counts of each term.

    For matrices counted in parts (partitions of a corpus): ``doc_freq`` (units holding each term)
    and ``term_freq`` (its occurrences; units holding it when ``binary``) are over all units, the
    terms sorted by code point; ``n_units`` is the number of units.  The rules and the tie order of
    ``max_features`` are those of scikit-learn's ``CountVectorizer`` (a float ``min_df`` /
    ``max_df`` is a share of ``n_units``).

    Returns
    -------
    ndarray of bool, one per term: True for a kept term.

    Raises
    ------
    ValueError
        When ``max_df`` is below ``min_df`` or no term survives (CountVectorizer's messages).
    """
    high = max_df if isinstance(max_df, Integral) else max_df * n_units
    low = min_df if isinstance(min_df, Integral) else min_df * n_units
    if high < low:
        raise ValueError("max_df corresponds to < documents than min_df")
    mask = (doc_freq <= high) & (doc_freq >= low)
    if max_features is not None and mask.sum() > max_features:
        # the same argsort (not stable) on the same array as CountVectorizer: the same ties kept
        keep = (-term_freq[mask]).argsort()[:max_features]
        limited = np.zeros(len(doc_freq), dtype=bool)
        limited[np.where(mask)[0][keep]] = True
        mask = limited
    if len(mask) and not mask.any():
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    return mask


def align_columns(matrix: sp.csr_matrix, terms: np.ndarray, vocabulary: np.ndarray) -> sp.csr_matrix:
    """``matrix`` (units x ``terms``) with the columns of ``vocabulary`` instead; returns a csr_matrix.

    Both ``terms`` and ``vocabulary`` are sorted by code point (as :func:`count_matrix` returns
    them); terms outside ``vocabulary`` are dropped, vocabulary terms absent from ``terms`` are
    zero columns.  Counted in parts and aligned to the whole corpus's sorted vocabulary, the
    stacked parts equal :func:`count_matrix` of the whole.
    """
    matrix = matrix.tocsr()
    if len(vocabulary) == 0 or len(terms) == 0:
        return sp.csr_matrix((matrix.shape[0], len(vocabulary)), dtype=matrix.dtype)
    at = np.searchsorted(vocabulary, terms)
    found = at < len(vocabulary)
    found[found] = vocabulary[at[found]] == terms[found]
    columns = np.flatnonzero(found)
    kept = matrix[:, columns].tocsr()
    kept.sort_indices()
    # both orders are code point order, so the new column indices stay sorted within each row
    return sp.csr_matrix((kept.data, at[columns][kept.indices], kept.indptr), shape=(matrix.shape[0], len(vocabulary)))
