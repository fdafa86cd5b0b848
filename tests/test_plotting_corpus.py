"""Tests for analysis.plotting.corpus: documents per year, document lengths."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import plotting
from analysis.plotting.corpus import MAX_LENGTH_BARS
from plotting_checks import assert_png, assert_renders_cleanly


def _corpus(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    levels = np.array(["central", "provincial", "prefecture", "county"])[np.arange(n) % 4]
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "year": 2014 + np.arange(n) % 10,
            "date": [f"{2014 + i % 10}-01-01" for i in range(n)],
            "level": levels,
            "region": "河南",
            "issuer": "郑州市人民政府",
            "title": [f"郑州市智慧城市建设方案{i}" for i in range(n)],
            "n_chars": rng.integers(300, 20000, size=n),
            "is_excerpt": np.arange(n) % 7 == 0,
        }
    )


def test_document_lengths_one_bar_per_document_in_a_small_corpus(tmp_path):
    corpus = _corpus(3)
    ax = plotting.plot_document_lengths(corpus, path=tmp_path / "len.png")
    assert_png(tmp_path / "len.png")
    assert len(ax.patches) == 3 and [p.get_hatch() for p in ax.patches].count("///") == 1  # d0 is an excerpt
    assert len(ax.get_yticklabels()) == 3


def test_document_lengths_histogram_keeps_the_figure_small_in_a_large_corpus(tmp_path):
    corpus = _corpus(1000)
    ax = plotting.plot_document_lengths(corpus, path=tmp_path / "len.png")
    assert_renders_cleanly(ax.figure)
    assert tuple(ax.figure.get_size_inches()) == (9.0, 4.5)
    assert ax.get_xscale() == "log" and not [t for t in ax.get_yticklabels() if "郑州" in t.get_text()]
    # Every document is counted once: the stacked series add up to 1,000 (heights of the top series' tops).
    containers = ax.containers
    total = sum(sum(p.get_height() for p in c) for c in containers)
    assert round(total) == 1000
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    excerpts = int(corpus.is_excerpt.sum())
    assert legend[-1] == f"excerpt, any level ({excerpts})"
    assert ax.get_legend().get_title().get_text() == "level (1000 documents)"
    assert MAX_LENGTH_BARS == 60
