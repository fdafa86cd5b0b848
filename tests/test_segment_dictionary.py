"""Tests for analysis.segment.dictionary: the shipped dictionary and stopword lists."""

from __future__ import annotations

import pytest

from analysis import segment
from analysis.segment import (
    DICTIONARY_VERSION,
    load_stopwords,
    load_user_dictionary,
)
from analysis.segment import dictionary as segment_dictionary
from conftest import KEY_TERMS


def test_dictionary_header_version_matches_constant():
    first_lines = segment.USER_DICT_PATH.read_text(encoding="utf-8").splitlines()[:5]
    assert f"# version: {DICTIONARY_VERSION}" in first_lines


def test_dictionary_entries_are_unique_and_contain_key_terms():
    entries = load_user_dictionary()
    words = [w for w, _, _ in entries]
    assert len(words) == len(set(words))
    assert set(KEY_TERMS) <= set(words)
    assert all(freq >= 2000 for _, freq, _ in entries)


def test_dictionary_with_wrong_version_is_rejected(tmp_path, monkeypatch):
    bad = tmp_path / "dict.txt"
    bad.write_text("# version: 0.0.0\n智慧城市 2000 nz\n", encoding="utf-8")
    monkeypatch.setattr(segment_dictionary, "USER_DICT_PATH", bad)
    segment.load_user_dictionary.cache_clear()
    try:
        with pytest.raises(ValueError, match="version"):
            segment.load_user_dictionary()
    finally:
        monkeypatch.undo()
        segment.load_user_dictionary.cache_clear()


def test_stopword_lists_are_separate_and_cover_the_brief():
    general, boilerplate = load_stopwords("general"), load_stopwords("boilerplate")
    assert {"的", "和", "我们", "以及"} <= general
    assert {"加快", "推进", "加强", "有关", "进一步", "积极", "全面", "深入"} <= boilerplate
    assert not general & boilerplate
    with pytest.raises(ValueError):
        load_stopwords("policy")
