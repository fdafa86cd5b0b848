"""Tests for analysis.segment.batch: tokenize_corpus."""

from __future__ import annotations

import functools

import pandas as pd
import pytest

from analysis import segment
from analysis.segment import batch as segment_batch
from analysis.segment import (
    tokenize,
    tokenize_corpus,
)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Send the disk cache to a per-test directory (tests count cache hits)."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv(segment.CACHE_ENV_VAR, str(cache_dir))
    return cache_dir


def test_tokenize_corpus_aligns_with_index_and_matches_tokenize():
    corpus = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "text": ["推进智慧城市建设", None, "一网通办，一网统管"]},
        index=[10, 20, 30],
    )
    tokens = tokenize_corpus(corpus, cache=False)
    assert list(tokens.index) == [10, 20, 30]
    assert tokens.name == "tokens"
    assert tokens.tolist() == [tokenize("推进智慧城市建设"), [], ["一网通办", "一网统管"]]
    assert not tokens.attrs  # provenance travels as data: tokenizer_provenance
    assert tokenize_corpus(["推进智慧城市建设"], cache=False).tolist() == [tokenize("推进智慧城市建设")]
    with pytest.raises(KeyError):
        tokenize_corpus(corpus, text_col="body")


def test_foreign_callables_work_uncached(tmp_path):
    tokens = tokenize_corpus(["a b a"], tokenizer=str.split)
    assert tokens.tolist() == [["a", "b", "a"]]
    assert not (tmp_path / "cache" / "tokens.sqlite").exists()


def test_progress_bar_only_for_large_corpora(capsys, monkeypatch):
    tokenize_corpus(["推进智慧城市建设", "发展数字经济"], cache=False)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(segment_batch, "PROGRESS_MIN_DOCS", 1)
    tokenize_corpus(["推进智慧城市建设", "发展数字经济"], cache=False)
    assert "segmenting" in capsys.readouterr().err


def test_parallel_segmentation_gives_the_same_tokens(seed_texts):
    chunks = [t[i : i + 500] for t in seed_texts[:2] for i in range(0, 4000, 500)]
    serial = tokenize_corpus(chunks, cache=False)
    parallel = tokenize_corpus(chunks, cache=False, n_jobs=2)
    assert parallel.tolist() == serial.tolist()


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_worker_processes_give_the_in_process_tokens_for_either_engine(seed_texts, engine):
    tok = segment.Tokenizer(engine=engine, extra_terms=["三融五跨"])
    texts = [t[i : i + 800] for t in seed_texts[:2] for i in range(0, 4000, 800)] + ["", "推进三融五跨", "、。"]
    serial = tokenize_corpus(texts, tokenizer=tok, cache=False, n_jobs=1)
    parallel = tokenize_corpus(texts, tokenizer=tok, cache=False, n_jobs=2)
    assert parallel.tolist() == serial.tolist()
    assert serial.iloc[-3:].tolist() == [[], ["推进", "三融五跨"], []]


def test_processes_are_used_only_above_the_threshold(monkeypatch):
    assert segment_batch.default_n_jobs(0) == 1
    assert segment_batch.default_n_jobs(segment_batch.PARALLEL_MIN_BYTES - 1) == 1
    assert 1 <= segment_batch.default_n_jobs(segment_batch.PARALLEL_MIN_BYTES) <= 4
    used = []
    original = segment_batch._segment_all

    def recording(tokenizer, texts, n_jobs):
        used.append(n_jobs)
        return original(tokenizer, texts, n_jobs)

    monkeypatch.setattr(segment_batch, "_segment_all", recording)
    tokenize_corpus(["推进智慧城市建设"], cache=False)
    monkeypatch.setattr(segment_batch, "PARALLEL_MIN_BYTES", 10)
    monkeypatch.setattr(segment_batch, "default_n_jobs", lambda n_bytes: 2 if n_bytes >= 10 else 1)
    tokens = tokenize_corpus(["推进智慧城市建设", "一网通办"], cache=False)
    assert used == [1, 2]
    assert tokens.tolist() == [["推进", "智慧城市", "建设"], ["一网通办"]]


def test_a_foreign_tokenizer_keeping_the_separator_survives_the_workers():
    by_space = functools.partial(str.split, sep=" ")  # str.split() alone would split at \x1f too
    texts = ["a\x1fb c", "d", ""]
    assert tokenize_corpus(texts, tokenizer=by_space, n_jobs=2).tolist() == [["a\x1fb", "c"], ["d"], [""]]


def test_a_token_repeated_across_texts_is_held_once(tmp_path):
    # 131 -> 37 bytes per token at scale: each distinct token is one string object
    from analysis.segment import Tokenizer, tokenize_corpus

    texts = ["推进智慧城市建设。", "加快智慧城市建设和数字政府建设。"]
    for cache in (False, True):
        tokens = tokenize_corpus(texts, tokenizer=Tokenizer(), cache=cache, cache_dir=tmp_path)
        first = next(t for t in tokens[0] if t == "智慧城市")
        assert any(t is first for t in tokens[1])
        built = [t for t in tokens[1] if t == "建设"]
        assert len(built) == 2 and built[0] is built[1]
