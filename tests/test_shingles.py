"""Shingling: normalisation with offsets back to the text, and shingle hashes."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.reuse import normalise, shingle_hashes


def test_normalise_keeps_letters_and_digits_and_maps_back_to_the_text():
    text = "推进 智慧城市，建设！ＡＢｃ１２３"
    norm, offsets = normalise(text)
    assert norm == "推进智慧城市建设abc123"
    assert len(offsets) == len(norm)
    # every normalised character comes from the character at its offset
    assert [normalise(text[o])[0] for o in offsets] == list(norm)
    assert offsets.dtype == np.int64 and np.all(np.diff(offsets) > 0)


def test_normalise_empty_text():
    norm, offsets = normalise("")
    assert norm == "" and len(offsets) == 0


def test_shingle_hashes_one_per_window_equal_for_equal_shingles():
    h = shingle_hashes("智慧城市智慧城市", 4)
    assert h.dtype == np.uint64 and len(h) == 5
    assert h[0] == h[4] and len(set(h.tolist())) == 4
    # punctuation and full-width forms do not change the shingles
    np.testing.assert_array_equal(shingle_hashes("智慧，城市 智慧城市", 4), h)
    assert len(shingle_hashes("智慧", 4)) == 0


def test_shingle_hashes_salt_changes_the_values_not_the_equalities():
    a, b = shingle_hashes("数据共享数据共享", 4, random_state=1), shingle_hashes("数据共享数据共享", 4)
    assert a[0] == a[4] and not np.array_equal(a, b)


def test_shingle_hashes_rejects_bad_n():
    with pytest.raises(ValueError, match="n must"):
        shingle_hashes("智慧城市", 0)
