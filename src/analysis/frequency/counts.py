"""Term counts per group and the most distinctive terms per document (TF-IDF)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from ..dtm import count_matrix, pass_through
from .inputs import TokenizerLike, check_text_column, texts, tokens
from .sampling import is_small_group

__all__ = [
    "TERM_FREQUENCY_UNITS",
    "TFIDF_UNITS",
    "frequency_frame",
    "group_codes",
    "group_columns",
    "group_sums",
    "term_frequencies",
    "tfidf_top_terms",
]

#: Units of the columns of :func:`term_frequencies`.
TERM_FREQUENCY_UNITS = {
    "count": "occurrences",
    "doc_freq": "documents",
    "rate_per_10k": "occurrences per 10,000 characters of the group's text (len(text))",
    "n_docs": "documents in the group",
    "n_chars": "characters in the group (len(text))",
}
#: Units of the columns of :func:`tfidf_top_terms`.
TFIDF_UNITS = {"tfidf": "unit-length TF-IDF weight (dimensionless)", "rank": "1 = highest"}


def group_codes(corpus: pd.DataFrame, by: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Return (group number per document, one row of group keys per group)."""
    if not by:
        return np.zeros(len(corpus), dtype=np.int64), pd.DataFrame(index=range(1))
    missing = [column for column in by if column not in corpus.columns]
    if missing:
        raise KeyError(f"corpus has no column(s) {missing}")
    grouped = corpus.groupby(by, sort=True, dropna=False, observed=True)
    codes = grouped.ngroup().to_numpy(dtype=np.int64)
    keys = grouped.size().index.to_frame(index=False)
    return codes, keys


def group_sums(counts: sp.csr_matrix, codes: np.ndarray, n_groups: int) -> tuple[sp.coo_matrix, np.ndarray]:
    """Return (groups x terms occurrence counts as COO, documents containing each entry, aligned with it)."""
    n_docs = counts.shape[0]
    # Group-by as a sparse (groups x documents) indicator product.
    membership = sp.csr_matrix((np.ones(n_docs, dtype=np.int64), (codes, np.arange(n_docs))), shape=(n_groups, n_docs))
    group_counts = (membership @ counts).tocsr()
    presence = counts.copy()
    presence.data = np.ones_like(presence.data)
    group_docs = (membership @ presence).tocsr()
    group_counts.sort_indices()
    group_docs.sort_indices()
    # Both products have the same sparsity pattern (a count is > 0 exactly
    # when the term occurs in some document), so their data arrays align.
    assert np.array_equal(group_counts.indices, group_docs.indices)
    return group_counts.tocoo(), group_docs.data


def term_frequencies(
    corpus: pd.DataFrame,
    by: str | Sequence[str] | None = None,
    tokenizer: TokenizerLike | None = None,
    *,
    text_col: str = "text",
    min_count: int = 1,
    cache: bool = True,
) -> pd.DataFrame:
    """Count terms overall or per group (year, level, region ...).

    Parameters
    ----------
    corpus : DataFrame
        One row per document with a ``text_col`` column and the ``by`` columns.
    by : str or list of str, optional
        Grouping columns; ``None`` treats the corpus as one group.
    tokenizer : Tokenizer or callable, optional
        Default :func:`analysis.segment.get_default_tokenizer`.
    text_col : str, default "text"
    min_count : int, default 1
        Drop (group, term) rows with fewer occurrences.
    cache : bool, default True
        Use the segmentation cache (see :func:`analysis.segment.tokenize_corpus`).

    Returns
    -------
    DataFrame
        Columns ``[*by, term, count, doc_freq, rate_per_10k, n_docs, n_chars, small_group]``:

        - ``count``: occurrences of the term in the group's documents;
        - ``doc_freq``: number of the group's documents containing it;
        - ``rate_per_10k``: occurrences per 10,000 characters of the group's
          text, characters being ``len(text)`` (punctuation and whitespace
          included, as in the corpus column ``n_chars``);
        - ``n_docs``, ``n_chars``: the size of the group the rate is of;
        - ``small_group``: fewer than :data:`~analysis.frequency.sampling.MIN_GROUP_DOCS`
          documents or :data:`~analysis.frequency.sampling.MIN_GROUP_CHARS`
          characters in the group.

        Sorted by group, then count descending, then term.  Units:
        :data:`TERM_FREQUENCY_UNITS`.
    """
    check_text_column(corpus, text_col)
    by_list = group_columns(by)
    codes, keys = group_codes(corpus, by_list)
    counts, terms = count_matrix(tokens(corpus, text_col, tokenizer, cache).tolist())
    coo, doc_freq = group_sums(counts, codes, len(keys))
    return frequency_frame(corpus, (codes, keys), coo, doc_freq, terms, text_col=text_col, min_count=min_count)


def group_columns(by: str | Sequence[str] | None) -> list[str]:
    """The grouping columns of ``by`` as a list ([] for None: the corpus as one group)."""
    return [by] if isinstance(by, str) else list(by or [])


def frequency_frame(
    corpus: pd.DataFrame,
    groups: tuple[np.ndarray, pd.DataFrame],
    coo: sp.coo_matrix,
    doc_freq: np.ndarray,
    terms: np.ndarray,
    *,
    text_col: str = "text",
    min_count: int = 1,
) -> pd.DataFrame:
    """The :func:`term_frequencies` table of its groups x terms counts, however they were counted.

    ``groups`` is :func:`group_codes` of the corpus, ``coo`` (from :func:`group_sums`) the occurrences
    of each term in each group, in canonical csr order, and ``doc_freq``, aligned with its entries,
    the documents holding it.
    """
    codes, keys = groups
    by_list = list(keys.columns)
    n_groups = len(keys)
    n_chars = np.bincount(codes, weights=texts(corpus, text_col).str.len().to_numpy(dtype=float), minlength=n_groups)
    rows, cols, count = coo.row, coo.col, coo.data
    keep = count >= min_count
    rows, cols, count, doc_freq = rows[keep], cols[keep], count[keep], doc_freq[keep]
    term = terms[cols]
    order = np.lexsort((term.astype(str), -count, rows))
    rows, term, count, doc_freq = rows[order], term[order], count[order], doc_freq[order]

    frame = keys.iloc[rows].reset_index(drop=True) if by_list else pd.DataFrame(index=range(len(rows)))
    frame["term"] = term
    frame["count"] = count.astype(np.int64)
    frame["doc_freq"] = doc_freq.astype(np.int64)
    frame["rate_per_10k"] = count / n_chars[rows] * 10_000
    n_docs = np.bincount(codes, minlength=n_groups)
    frame["n_docs"] = n_docs[rows].astype(np.int64)
    frame["n_chars"] = n_chars[rows].astype(np.int64)
    frame["small_group"] = is_small_group(frame["n_docs"], frame["n_chars"])
    return frame.reset_index(drop=True)


def tfidf_top_terms(
    corpus: pd.DataFrame,
    n: int = 10,
    *,
    tokenizer: TokenizerLike | None = None,
    text_col: str = "text",
    id_col: str = "doc_id",
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    sublinear_tf: bool = False,
    cache: bool = True,
) -> pd.DataFrame:
    """The ``n`` most distinctive terms of each document by TF-IDF.

    TF-IDF is scikit-learn's ``TfidfVectorizer`` defaults: raw counts times
    the smoothed idf ``ln((1 + N) / (1 + df)) + 1`` over the N documents of
    ``corpus``, each document vector scaled to unit Euclidean length.

    Parameters
    ----------
    corpus : DataFrame
    n : int, default 10
        Terms per document (fewer if the document has fewer terms).
    tokenizer : Tokenizer or callable, optional
    text_col, id_col : str
        Text column and document identifier column.
    min_df, max_df : int or float
        Passed to ``TfidfVectorizer`` (ignore terms in too few / too many
        documents; a float is a proportion of documents).
    sublinear_tf : bool, default False
        Use ``1 + ln(tf)`` instead of raw counts.
    cache : bool, default True

    Returns
    -------
    DataFrame
        Columns ``doc_id, term, tfidf, rank`` (rank 1 = highest; ties broken
        by term), in corpus order.  Units: :data:`TFIDF_UNITS`.
    """
    check_text_column(corpus, text_col)
    if id_col not in corpus.columns:
        raise KeyError(f"corpus has no column {id_col!r}")
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    token_lists = tokens(corpus, text_col, tokenizer, cache)
    columns = [id_col, "term", "tfidf", "rank"]
    if not any(len(t) for t in token_lists):
        return pd.DataFrame(columns=columns).reset_index(drop=True)
    vectorizer = TfidfVectorizer(analyzer=pass_through, min_df=min_df, max_df=max_df, sublinear_tf=sublinear_tf)
    weights = vectorizer.fit_transform(token_lists.tolist()).tocoo()
    terms = vectorizer.get_feature_names_out().astype(object)
    long = pd.DataFrame({"row": weights.row, "term": terms[weights.col], "tfidf": weights.data})
    long = long.sort_values(["row", "tfidf", "term"], ascending=[True, False, True], kind="mergesort")
    long["rank"] = long.groupby("row").cumcount() + 1
    long = long[long["rank"] <= n]
    long.insert(0, id_col, corpus[id_col].to_numpy()[long["row"].to_numpy()])
    return long[columns].reset_index(drop=True)
