"""Tests for analysis.segment.batch: tokenize_corpus."""

from __future__ import annotations

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
