"""Cosine similarity of documents' TF-IDF vectors: the whole matrix, or each document's nearest neighbours."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from ..topics.dtm import build_dtm
from ..topics.units import TokenizerLike
from .cosine import cosine_blocks, cosine_matrix

__all__ = ["LARGE_SIMILARITY", "NEIGHBOURS", "NEIGHBOUR_COLUMNS", "document_similarity"]

#: Above this many documents a dense similarity matrix gets large (n^2 floats: 3.2 GB at 20,000),
#: so :func:`document_similarity` returns each document's nearest neighbours instead.
LARGE_SIMILARITY = 20_000
#: Neighbours per document kept above :data:`LARGE_SIMILARITY` documents when ``k`` is not given.
NEIGHBOURS = 10
#: Columns of the neighbours table.
NEIGHBOUR_COLUMNS = ["doc_id", "rank", "neighbour", "similarity"]


def document_similarity(
    corpus: pd.DataFrame,
    *,
    tokenizer: TokenizerLike | None = None,
    min_df: int | float = 2,
    max_df: int | float = 1.0,
    sublinear_tf: bool = True,
    text_col: str = "text",
    k: int | None = None,
) -> pd.DataFrame:
    """Cosine similarity of documents' TF-IDF vectors.

    Parameters
    ----------
    corpus : DataFrame
        One row per document (doc_id, text).
    tokenizer : callable, optional
        Default as in :func:`analysis.topics.build_dtm`.
    min_df, max_df : int or float
        Vocabulary pruning over documents (default: terms in >= 2 documents).
    sublinear_tf : bool, default True
        ``1 + log(tf)``: a term repeated 40 times in a long plan should not
        dominate the comparison.
    text_col : str, default "text"
    k : int, optional
        Return each document's ``k`` most similar documents (a long table) instead of the
        square matrix.  Default: the matrix up to :data:`LARGE_SIMILARITY` documents; above
        that, the :data:`NEIGHBOURS` nearest (with a warning), since the matrix would need
        n^2 floats (80 GB at 100,000 documents).

    Returns
    -------
    DataFrame
        Without ``k``: square, index and columns ``doc_id`` (corpus order); values 0-1,
        symmetric, diagonal 1.  With ``k`` (or above :data:`LARGE_SIMILARITY` documents):
        columns :data:`NEIGHBOUR_COLUMNS` -- ``doc_id``, ``rank`` (1 = most similar),
        ``neighbour`` (its doc_id) and ``similarity`` (0-1), ``min(k, n - 1)`` rows per
        document in corpus order, found by exact search over all pairs of TF-IDF vectors
        in blocks of bounded memory (:func:`analysis.similarity.cosine.cosine_blocks`);
        similarities equal to 12 decimals are ties, ranked in corpus order.
    """
    if k is None and len(corpus) > LARGE_SIMILARITY:
        k = NEIGHBOURS
        warnings.warn(
            f"{len(corpus)} documents: the similarity matrix would need {len(corpus) ** 2 * 8 / 1e9:.1f} GB, "
            f"so each document's {k} nearest neighbours are returned (a table with columns {NEIGHBOUR_COLUMNS})",
            stacklevel=2,
        )
    if k is not None and k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    dtm = build_dtm(corpus, tokenizer, min_df=min_df, max_df=max_df, text_col=text_col)
    x = TfidfTransformer(norm="l2", sublinear_tf=sublinear_tf).fit_transform(dtm.matrix)
    ids = dtm.units["doc_id"].to_numpy()
    if k is not None:
        return _neighbours(sparse.csr_matrix(x), ids, k)
    sim = cosine_matrix(sparse.csr_matrix(x))  # exactly symmetric
    np.clip(sim, 0.0, 1.0, out=sim)  # in place: the matrix is the one n^2 array held
    np.fill_diagonal(sim, 1.0)  # also for a document without vocabulary terms
    labels = pd.Index(ids, name="doc_id")
    return pd.DataFrame(sim, index=labels, columns=labels, copy=False)


def _top_k(block: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and values of the ``k`` largest entries of each row of ``block``, largest first.

    Values are compared rounded to 12 decimals, so float noise between equal documents is a
    tie, and ties go to the lower column (corpus order), also at the cut.
    """
    rounded = np.round(block, 12)
    kth = np.partition(rounded, block.shape[1] - k, axis=1)[:, -k][:, None]  # each row's k-th largest
    above = rounded > kth
    ties = rounded == kth
    # of the tied values, the first (k - number above) in corpus order make up the k
    keep = above | (ties & (np.cumsum(ties, axis=1, dtype=np.int32) <= k - above.sum(axis=1, keepdims=True)))
    columns = np.nonzero(keep)[1].reshape(len(block), k)
    values = np.take_along_axis(block, columns, 1)
    order = np.lexsort((columns, -np.take_along_axis(rounded, columns, 1)), axis=1)
    return np.take_along_axis(columns, order, 1), np.take_along_axis(values, order, 1)


def _neighbours(x: sparse.csr_matrix, ids: np.ndarray, k: int) -> pd.DataFrame:
    """The ``k`` nearest documents of each row of the l2-normalised TF-IDF matrix ``x``; a
    :data:`NEIGHBOUR_COLUMNS` table of ``n * min(k, n - 1)`` rows, similarity 0-1."""
    n = x.shape[0]
    k = min(k, n - 1)
    if k < 1:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(NEIGHBOUR_COLUMNS, [object, int, object, float])})
    index = np.empty((n, k), dtype=np.int64)
    similarity = np.empty((n, k), dtype=np.float64)
    # exact search block by block: memory stays n * k plus one block, never n^2
    for start, stop, block in cosine_blocks(x):
        np.clip(block, 0.0, 1.0, out=block)
        block[np.arange(stop - start), np.arange(start, stop)] = -1.0  # never its own neighbour
        index[start:stop], similarity[start:stop] = _top_k(block, k)
    return pd.DataFrame(
        {
            "doc_id": np.repeat(ids, k),
            "rank": np.tile(np.arange(1, k + 1), n),
            "neighbour": ids[index.ravel()],
            "similarity": similarity.ravel(),
        }
    )
