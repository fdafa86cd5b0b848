"""Bootstrap intervals over documents and the minimum group size (analysis.frequency.sampling)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from analysis.frequency import MIN_GROUP_CHARS, MIN_GROUP_DOCS, bootstrap_ratio, is_small_group
from analysis.frequency.sampling import bootstrap_weights


def test_two_documents_give_the_three_possible_resamples():
    # Group 0: documents with ratios 1/1 and 3/1.  A resample draws two of them with
    # replacement: ratio 1 (p = 1/4), 2 (p = 1/2) or 3 (p = 1/4); the 2.5% and 97.5%
    # percentiles of 1000 draws are therefore 1 and 3.
    lo, hi = bootstrap_ratio(np.array([1.0, 3.0]), np.array([1.0, 1.0]), np.array([0, 0]), 1, n_boot=1000)
    assert (lo[0, 0], hi[0, 0]) == (1.0, 3.0)


def test_the_ratio_is_of_sums_and_groups_are_resampled_separately():
    # Group 0: identical documents, so every replicate equals the estimate 2/10.
    # Group 1: one document: no variation either.  Group 2: no documents.  -1: in no group.
    num = np.array([[2.0, 0.0], [2.0, 0.0], [5.0, 1.0], [100.0, 100.0]])
    den = np.array([10.0, 10.0, 20.0, 1.0])
    lo, hi = bootstrap_ratio(num, den, np.array([0, 0, 1, -1]), 3, n_boot=200)
    np.testing.assert_allclose(lo[:2], [[0.2, 0.0], [0.25, 0.05]])
    np.testing.assert_allclose(hi[:2], lo[:2])
    assert np.isnan(lo[2]).all() and np.isnan(hi[2]).all()


def test_bootstrap_is_deterministic_and_sparse_equals_dense():
    rng = np.random.default_rng(7)
    num = rng.poisson(2.0, size=(30, 4)).astype(float)
    den = rng.integers(50, 100, size=30).astype(float)
    codes = np.repeat([0, 1, 2], 10)
    first = bootstrap_ratio(num, den, codes, 3, n_boot=300, random_state=1)
    again = bootstrap_ratio(sp.csr_matrix(num), den, codes, 3, n_boot=300, random_state=1)
    np.testing.assert_allclose(first[0], again[0])
    np.testing.assert_allclose(first[1], again[1])
    other = bootstrap_ratio(num, den, codes, 3, n_boot=300, random_state=2)
    assert not np.allclose(first[0], other[0])
    estimate = np.vstack([num[codes == g].sum(0) / den[codes == g].sum() for g in range(3)])
    assert (first[0] <= estimate + 1e-12).all() and (estimate <= first[1] + 1e-12).all()


def test_weights_are_resamples_of_the_group_size():
    chunks = list(bootstrap_weights(7, 250, np.random.default_rng(0)))
    assert [len(c) for c in chunks] == [100, 100, 50]
    assert all((c.sum(axis=1) == 7).all() for c in chunks)


def test_small_groups_are_flagged_by_documents_or_characters():
    assert (MIN_GROUP_DOCS, MIN_GROUP_CHARS) == (3, 2000)
    flags = is_small_group([1, 3, 3, 10], [336, 2000, 1999, 50_000])
    assert list(flags) == [True, False, True, False]


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="level"):
        bootstrap_ratio(np.ones(2), np.ones(2), np.zeros(2, dtype=int), 1, level=95)
    with pytest.raises(ValueError, match="n_boot"):
        bootstrap_ratio(np.ones(2), np.ones(2), np.zeros(2, dtype=int), 1, n_boot=0)
