"""Tests for analysis.topics.fitting: methods, random starts and unit shares."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.topics.fitting import check_method, init_seeds, unit_shares


def test_check_method():
    assert check_method("NMF") == "nmf" and check_method("lda") == "lda"
    with pytest.raises(ValueError, match="method"):
        check_method("plsa")


def test_init_seeds_never_share_a_start_across_seeds():
    assert init_seeds(3, 1) == [3]
    assert init_seeds(0, 3) == [0, 1, 2] and init_seeds(1, 3) == [3, 4, 5]
    assert init_seeds(None, 2) == [None, None]


def test_unit_shares_sum_to_one_and_blank_units_are_nan():
    raw = np.array([[1.0, 1.0], [0.0, 0.0]])
    components = np.array([[1.0, 1.0, 1.0], [1.0, 0.0, 0.0]])  # topic masses 3 and 1
    nmf = unit_shares(raw, components, "nmf")
    np.testing.assert_allclose(nmf[0], [0.75, 0.25])
    assert np.isnan(nmf[1]).all()
    np.testing.assert_allclose(unit_shares(raw, components, "lda")[0], [0.5, 0.5])
