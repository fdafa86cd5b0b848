"""Tests for analysis.segment.cache: memory and disk caches, cache location."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from analysis import segment
from analysis.segment import (
    Tokenizer,
    tokenize,
    tokenize_corpus,
)
from analysis.segment import cache as segment_cache


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Send the disk cache to a per-test directory (tests count cache hits)."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv(segment.CACHE_ENV_VAR, str(cache_dir))
    return cache_dir


@pytest.fixture()
def counted_calls(monkeypatch):
    """Count calls to Tokenizer.__call__ (one per segmented text)."""
    calls: list[str] = []
    original = Tokenizer.__call__

    def counting(self, text):
        calls.append(text)
        return original(self, text)

    monkeypatch.setattr(Tokenizer, "__call__", counting)
    segment_cache.MEMORY_CACHE.clear()
    return calls


def test_cache_hit_avoids_resegmentation(counted_calls, isolated_cache):
    texts = pd.Series(["推进智慧城市建设", "发展数字经济", "推进智慧城市建设"])
    first = tokenize_corpus(texts)
    assert len(counted_calls) == 2  # the duplicate text is segmented once
    assert (isolated_cache / "tokens.sqlite").is_file()

    second = tokenize_corpus(texts)
    assert len(counted_calls) == 2  # memory hit
    segment_cache.MEMORY_CACHE.clear()
    third = tokenize_corpus(texts)
    assert len(counted_calls) == 2  # disk hit
    assert first.tolist() == second.tolist() == third.tolist()

    tokenize_corpus(texts, tokenizer=Tokenizer(boilerplate=True))
    assert len(counted_calls) == 4  # new fingerprint: segmented again


def test_cache_returns_independent_lists(counted_calls):
    texts = ["推进智慧城市建设"]
    tokenize_corpus(texts)[0].append("污染")
    assert tokenize_corpus(texts)[0] == tokenize(texts[0])


def test_cache_can_be_disabled_and_relocated(counted_calls, tmp_path):
    texts = ["推进智慧城市建设"]
    tokenize_corpus(texts, cache=False)
    tokenize_corpus(texts, cache=False)
    assert len(counted_calls) == 2
    assert not (tmp_path / "cache").exists()

    elsewhere = tmp_path / "elsewhere"
    tokenize_corpus(texts, cache_dir=elsewhere)
    assert (elsewhere / "tokens.sqlite").is_file()
    segment.clear_cache(elsewhere)
    assert not (elsewhere / "tokens.sqlite").exists()


def test_memory_cache_is_bounded():
    lru = segment_cache.TokenLRU(max_tokens=5)
    lru.put(("f", "a"), ("x", "y", "z"))
    lru.put(("f", "b"), ("x", "y"))
    assert lru.get(("f", "a")) is not None  # now most recently used
    lru.put(("f", "c"), ("x",))  # 6 tokens > 5: evicts the least recent, "b"
    assert lru.get(("f", "b")) is None
    assert lru.get(("f", "a")) == ("x", "y", "z")
    assert len(lru) == 2


def test_cache_location_default_is_the_user_cache_directory(monkeypatch):
    import platformdirs

    monkeypatch.delenv(segment.CACHE_ENV_VAR, raising=False)
    expected = Path(platformdirs.user_cache_dir("analysis"))
    assert segment.resolve_cache_dir() == expected == segment.default_cache_dir()
    assert segment.resolve_cache_dir().is_absolute()  # not relative to where Python starts


def test_cache_location_environment_variable_and_argument_override(monkeypatch, tmp_path):
    monkeypatch.setenv(segment.CACHE_ENV_VAR, str(tmp_path / "from-env"))
    assert segment.resolve_cache_dir() == tmp_path / "from-env"
    assert segment.resolve_cache_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert segment.resolve_cache_dir(str(tmp_path / "explicit")) == tmp_path / "explicit"


def test_tokenize_corpus_writes_where_resolve_cache_dir_points(counted_calls, isolated_cache, monkeypatch, tmp_path):
    tokenize_corpus(["推进智慧城市建设"])
    assert (isolated_cache / segment_cache.CACHE_FILE).is_file()
    monkeypatch.delenv(segment.CACHE_ENV_VAR)
    monkeypatch.setattr(segment_cache.platformdirs, "user_cache_dir", lambda name: str(tmp_path / "user" / name))
    tokenize_corpus(["发展数字经济"])
    assert (tmp_path / "user" / "analysis" / segment_cache.CACHE_FILE).is_file()


def test_text_hash_is_stable():
    assert segment_cache.text_hash("智慧城市") == hashlib.blake2b("智慧城市".encode(), digest_size=16).hexdigest()
    assert len(segment_cache.text_hash("")) == 32


def test_the_cache_key_includes_the_engine(isolated_cache):
    text = "联系电话010-64102856，推进NB-IoT建设"
    fast, reference = Tokenizer(keep_numbers=True), Tokenizer(engine="jieba", keep_numbers=True)
    assert fast.fingerprint != reference.fingerprint
    first = tokenize_corpus([text], tokenizer=fast)
    second = tokenize_corpus([text], tokenizer=reference)
    # the engines split ASCII runs differently, and neither answer is served from the other's entry
    assert first.tolist() == [fast(text)] and second.tolist() == [reference(text)]
    assert first.tolist() != second.tolist()
    segment_cache.MEMORY_CACHE.clear()
    assert tokenize_corpus([text], tokenizer=reference).tolist() == second.tolist()
    assert tokenize_corpus([text], tokenizer=fast).tolist() == first.tolist()
