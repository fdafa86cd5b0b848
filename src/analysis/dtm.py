"""The document-term matrix: one builder shared by term frequencies and topic models."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

__all__ = ["count_matrix", "pass_through"]


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
