"""Dot products of all pairs of rows of a sparse, l2-normalised matrix, block by block.

Document TF-IDF vectors mix a few hundred terms found in most documents (发展, 建设, 数据 ...)
with tens of thousands found in a few.  A sparse-times-sparse product spends ``df ** 2``
multiply-adds on a term in ``df`` documents, scattered through a hash of the output row: for
the common terms that is far slower than a dense matrix product (BLAS), which costs ``n ** 2``
per term however many documents hold it.  So the columns are split: terms in more than
``n / DENSE_DF_RATIO`` documents are multiplied as dense arrays, the others sparsely, and the
two parts added.  The sums equal the plain sparse product up to float rounding (about 1e-16).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse

__all__ = ["BLOCK_BYTES", "DENSE_BYTES", "DENSE_DF_RATIO", "PLAIN_PRODUCT_MAX", "cosine_blocks", "cosine_matrix"]

#: A term goes to the dense product when more than ``n / DENSE_DF_RATIO`` of the n rows hold it:
#: the sparse product costs about ``df ** 2`` scattered multiply-adds per term, the dense one ``n ** 2``
#: BLAS multiply-adds, roughly 50x cheaper each (measured on 9,756 synthetic documents).
DENSE_DF_RATIO = 7.0
#: At most this many bytes for the dense copy of the common terms' columns (n x terms float64).
DENSE_BYTES = 512 * 2**20
#: Up to this many multiply-adds (the sum of df ** 2 over terms) :func:`cosine_matrix` uses scipy's
#: plain sparse product, which takes under a second there (a few hundred documents).
PLAIN_PRODUCT_MAX = 2e8
#: Rows per block are chosen so that one block of the output (rows x n float64) takes about this many bytes.
BLOCK_BYTES = 128 * 2**20


def _split(x: sparse.csr_matrix) -> tuple[np.ndarray, sparse.csr_matrix]:
    """(dense array of the common terms' columns, sparse matrix of the other columns) of ``x``."""
    n, n_terms = x.shape
    df = np.bincount(x.indices, minlength=n_terms)
    common = np.flatnonzero(df * DENSE_DF_RATIO > n)
    budget = max(DENSE_BYTES // (8 * max(n, 1)), 0)
    if len(common) > budget:  # a very large corpus: only the most widespread terms go dense
        common = np.sort(common[np.argsort(-df[common], kind="stable")[:budget]])
    rare = np.ones(n_terms, dtype=bool)
    rare[common] = False
    return x[:, common].toarray(), x[:, rare].tocsr()


def cosine_blocks(x: sparse.csr_matrix, *, upper: bool = False) -> Iterator[tuple[int, int, np.ndarray]]:
    """Blocks of ``x @ x.T`` for an l2-normalised csr matrix ``x`` (rows: documents).

    Parameters
    ----------
    x : csr_matrix, shape (n, n_terms)
        Rows of unit length (or zero), e.g. TF-IDF with ``norm="l2"``.
    upper : bool, default False
        Only the columns from the block's first row on (the upper triangle and the diagonal block).

    Yields
    ------
    (start, stop, block)
        ``block`` is the dense float64 array of cosine similarities of rows ``start:stop`` with
        all rows (``upper=False``, shape (stop - start, n)) or with rows ``start:`` (``upper=True``).
    """
    n = x.shape[0]
    dense, rare = _split(sparse.csr_matrix(x, dtype=np.float64))
    rows = max(1, min(n, BLOCK_BYTES // (8 * max(n, 1))))
    for start in range(0, n, rows):
        stop = min(n, start + rows)
        first = start if upper else 0
        block = dense[start:stop] @ dense[first:].T
        block += (rare[start:stop] @ rare[first:].T).toarray()
        yield start, stop, block


def cosine_matrix(x: sparse.csr_matrix) -> np.ndarray:
    """The full ``x @ x.T`` of an l2-normalised csr matrix: a symmetric (n, n) float64 array.

    Small products (:data:`PLAIN_PRODUCT_MAX`) are scipy's sparse product averaged with its
    transpose; larger ones are computed for the upper triangle of blocks and mirrored, each
    diagonal block the mean of itself and its transpose.  Either way exactly symmetric.
    """
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float64)
    if float(df @ df) <= PLAIN_PRODUCT_MAX:
        plain = (x @ x.T).toarray()
        plain += plain.T  # numpy buffers the overlapping transpose
        plain *= 0.5
        return plain
    out = np.empty((n, n), dtype=np.float64)
    for start, stop, block in cosine_blocks(x, upper=True):
        size = stop - start
        diagonal = block[:, :size]
        out[start:stop, start:stop] = (diagonal + diagonal.T) / 2
        out[start:stop, stop:] = block[:, size:]
        out[stop:, start:stop] = block[:, size:].T
    return out
