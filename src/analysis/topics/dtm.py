"""The unit x term count matrix of a topic model (counted by :func:`analysis.dtm.count_matrix`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from ..dtm import count_matrix, pass_through
from .units import TokenizerLike, default_tokenizer, unit_index, unit_tokens

__all__ = ["DTM", "build_dtm"]


@dataclass
class DTM:
    """A unit x term count matrix with its vocabulary and unit index.

    Unpacks as ``matrix, vocabulary, units = build_dtm(...)``.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix, shape (n_units, n_terms)
        Term counts (int64).
    vocabulary : ndarray of str
        Term of each column.
    units : DataFrame
        One row per unit, in input order: doc_id, para_id (<NA> for document
        units), n_chars (characters), n_tokens (tokens after segmentation),
        n_terms (tokens kept in the vocabulary), is_empty (n_terms == 0).
    tokenizer : callable
        The tokenizer used (needed to transform new units).
    params : dict
        min_df, max_df, max_features, text_col.
    """

    matrix: sp.csr_matrix
    vocabulary: np.ndarray
    units: pd.DataFrame
    tokenizer: TokenizerLike
    params: dict = field(default_factory=dict)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.matrix, self.vocabulary, self.units))

    def count(self, token_lists: list[list[str]]) -> sp.csr_matrix:
        """Counts of new token lists over this vocabulary (terms outside it ignored).

        Returns
        -------
        scipy.sparse.csr_matrix, shape (len(token_lists), n_terms), int64
        """
        matrix, _terms = count_matrix(token_lists, vocabulary=list(self.vocabulary))
        return matrix

    def take(self, rows: np.ndarray) -> DTM:
        """The rows at positions ``rows`` (e.g. a sample of units), vocabulary and settings unchanged.

        Returns
        -------
        DTM
            A sparse row selection of :attr:`matrix` and the matching rows of
            :attr:`units` (new 0-based index); terms absent from those rows
            keep their (all-zero) columns.
        """
        positions = np.asarray(rows, dtype=np.int64)
        units = self.units.iloc[positions].reset_index(drop=True)
        return DTM(self.matrix[positions], self.vocabulary, units, self.tokenizer, dict(self.params))

    def vectorizer(self) -> CountVectorizer:
        """A fitted CountVectorizer over token lists with this vocabulary (for scikit-learn pipelines)."""
        vec = CountVectorizer(analyzer=pass_through, vocabulary=list(self.vocabulary), lowercase=False, dtype=np.int64)
        return vec.fit([[]])  # fixed vocabulary: fit only validates it


def build_dtm(
    units: pd.DataFrame,
    tokenizer: TokenizerLike | None = None,
    *,
    min_df: int | float = 2,
    max_df: int | float = 0.9,
    max_features: int | None = None,
    text_col: str = "text",
    cache: bool = True,
    progress: bool | None = None,
) -> DTM:
    """Segment units and count terms into a sparse unit x term matrix.

    Parameters
    ----------
    units : DataFrame
        One row per unit with ``doc_id``, ``text`` and, for paragraphs,
        ``para_id`` (e.g. :func:`select_units` or the corpus itself).
    tokenizer : callable str -> list of str, optional
        Default :func:`default_tokenizer` (``Tokenizer(boilerplate=True)``).
        Segmentation is cached on disk by :func:`analysis.segment.tokenize_corpus`
        when the tokenizer has a ``fingerprint`` (a :class:`Tokenizer`).
    min_df : int or float, default 2
        Drop terms in fewer units (int) or a smaller share of units (float).
    max_df : int or float, default 0.9
        Drop terms in more than this share (float) or number (int) of units.
    max_features : int, optional
        Keep only the most frequent terms.
    text_col : str, default "text"
    cache : bool, default True
    progress : bool, optional
        Segmentation progress bar; default only for large inputs.

    Returns
    -------
    DTM
        ``matrix`` (counts), ``vocabulary``, ``units`` (index with n_terms and
        is_empty flags); unpacks as a 3-tuple.

    Raises
    ------
    ValueError
        If no term survives ``min_df`` / ``max_df``.
    """
    tokenizer = default_tokenizer() if tokenizer is None else tokenizer
    index = unit_index(units, text_col)
    token_lists = unit_tokens(units, text_col, tokenizer, cache, progress)
    try:
        matrix, vocabulary = count_matrix(token_lists, min_df=min_df, max_df=max_df, max_features=max_features)
    except ValueError as error:  # sklearn: "After pruning, no terms remain" / max_df below min_df
        raise ValueError(
            f"no terms left for {len(index)} units with min_df={min_df}, max_df={max_df}: {error}"
        ) from None
    if matrix.shape[1] == 0:
        raise ValueError(f"no terms left for {len(index)} units with min_df={min_df}, max_df={max_df}: no tokens")
    index["n_tokens"] = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    index["n_terms"] = np.asarray(matrix.sum(axis=1)).ravel().astype(np.int64)
    index["is_empty"] = index["n_terms"] == 0
    params = {"min_df": min_df, "max_df": max_df, "max_features": max_features, "text_col": text_col}
    return DTM(matrix, vocabulary, index, tokenizer, params)
