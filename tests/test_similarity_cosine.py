"""Tests for analysis.similarity.cosine: all-pairs dot products of l2-normalised sparse rows, in blocks."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.preprocessing import normalize

from analysis.similarity import cosine


def _rows(n: int = 60, n_terms: int = 300, seed: int = 3) -> sparse.csr_matrix:
    """l2-normalised rows: a few columns in most rows (dense path), many in a few rows (sparse path),
    two identical rows and one empty row."""
    rng = np.random.default_rng(seed)
    common = rng.random((n, 8)) * (rng.random((n, 8)) < 0.8)
    rare = sparse.random(n, n_terms - 8, density=0.02, random_state=seed).toarray()
    x = np.hstack([common, rare])
    x[5] = x[4]
    x[7] = 0.0
    return sparse.csr_matrix(normalize(x))


def test_the_split_puts_widespread_columns_in_the_dense_part():
    x = _rows()
    dense, rare = cosine._split(x)
    df = np.bincount(x.indices, minlength=x.shape[1])
    assert dense.shape == (x.shape[0], int((df * cosine.DENSE_DF_RATIO > x.shape[0]).sum()))
    assert 0 < dense.shape[1] <= 8  # only the planted common columns are that widespread
    assert dense.shape[1] + rare.shape[1] == x.shape[1]


@pytest.mark.parametrize("block_bytes", [cosine.BLOCK_BYTES, 8 * 60 * 7])  # one block; blocks of 7 rows
@pytest.mark.parametrize("dense_bytes", [cosine.DENSE_BYTES, 8 * 60 * 3, 0])  # all common columns; 3; none
def test_matrix_equals_the_plain_product(monkeypatch, block_bytes, dense_bytes):
    monkeypatch.setattr(cosine, "PLAIN_PRODUCT_MAX", 0)  # always the blocked product
    monkeypatch.setattr(cosine, "BLOCK_BYTES", block_bytes)
    monkeypatch.setattr(cosine, "DENSE_BYTES", dense_bytes)
    x = _rows()
    expected = x.toarray() @ x.toarray().T
    got = cosine.cosine_matrix(x)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(got, got.T)  # mirrored, so exactly symmetric
    assert got[4, 5] == pytest.approx(1.0) and not got[7].any()  # identical rows; the empty row
    blocks = list(cosine.cosine_blocks(x))
    assert [b.shape for _s, _e, b in blocks] == [(e - s, 60) for s, e, _b in blocks]
    np.testing.assert_allclose(np.vstack([b for *_se, b in blocks]), expected, rtol=0, atol=1e-12)


def test_upper_blocks_start_at_their_first_row(monkeypatch):
    monkeypatch.setattr(cosine, "BLOCK_BYTES", 8 * 60 * 25)  # blocks of 25 rows: 0-25, 25-50, 50-60
    x = _rows()
    starts = [(s, e, b.shape) for s, e, b in cosine.cosine_blocks(x, upper=True)]
    assert starts == [(0, 25, (25, 60)), (25, 50, (25, 35)), (50, 60, (10, 10))]


def test_a_small_product_is_scipys_averaged_with_its_transpose(monkeypatch):
    x = _rows()
    plain = (x @ x.T).toarray()
    small = cosine.cosine_matrix(x)  # 60 rows: under PLAIN_PRODUCT_MAX
    np.testing.assert_array_equal(small, (plain + plain.T) / 2)
    monkeypatch.setattr(cosine, "PLAIN_PRODUCT_MAX", 0)
    np.testing.assert_allclose(cosine.cosine_matrix(x), small, rtol=0, atol=1e-12)


@pytest.mark.parametrize("plain_max", [cosine.PLAIN_PRODUCT_MAX, 0])
def test_one_row_and_a_row_of_zeros(monkeypatch, plain_max):
    monkeypatch.setattr(cosine, "PLAIN_PRODUCT_MAX", plain_max)
    one = sparse.csr_matrix(normalize(np.array([[3.0, 4.0]])))
    np.testing.assert_allclose(cosine.cosine_matrix(one), [[1.0]], atol=1e-15)
    zero = sparse.csr_matrix((2, 3))
    np.testing.assert_array_equal(cosine.cosine_matrix(zero), np.zeros((2, 2)))
