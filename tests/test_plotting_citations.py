"""analysis.plotting.citations: network, level pairs and lags render Chinese, return their axes, save PNGs."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.axes import Axes

from analysis.citations import find_citations
from analysis.citations.network import (
    citation_lags,
    citation_network,
    citations_by_level_pair,
    lag_distribution,
)
from analysis.plotting.base import new_figure
from analysis.plotting.citations import plot_citation_lags, plot_citation_network, plot_level_pairs
from citation_corpora import load_citation_corpus
from plotting_checks import assert_png, assert_renders_cleanly, overlapping_pairs, text_boxes


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    corpus = load_citation_corpus(tmp_path_factory.mktemp("plot-citations"))
    cites = find_citations(corpus)
    return corpus, cites


def test_citation_network(tables, tmp_path):
    corpus, cites = tables
    path = tmp_path / "net.png"
    ax = plot_citation_network(citation_network(cites, corpus), path=path)
    assert isinstance(ax, Axes)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    labels = [t for t in ax.texts if t.get_text()]
    assert len(labels) == len(corpus)  # every dated document labelled
    assert any(t.get_text().startswith("江西 2019") for t in labels)
    assert not overlapping_pairs(text_boxes(ax.figure, labels))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ministry", "provincial", "prefecture"]


def test_citation_network_bounds_labels_and_draws_into_given_axes(tables):
    corpus, cites = tables
    ax = new_figure((10, 6)).add_subplot()
    out = plot_citation_network(citation_network(cites, corpus), max_labels=2, ax=ax)
    assert out is ax
    assert len([t for t in ax.texts if t.get_text()]) == 2


def test_level_pairs(tables, tmp_path):
    corpus, cites = tables
    path = tmp_path / "pairs.png"
    ax = plot_level_pairs(citations_by_level_pair(cites, corpus), path=path)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    both = ["central", "ministry", "provincial", "prefecture", "unknown"]  # one order: the diagonal is same-level
    assert [t.get_text() for t in ax.get_yticklabels()] == both
    assert [t.get_text() for t in ax.get_xticklabels()] == both
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "4"]
    empty = plot_level_pairs(citations_by_level_pair(cites.iloc[:0], corpus))
    assert [t.get_text() for t in empty.texts] == ["no citations"]


def test_lags(tables, tmp_path):
    corpus, cites = tables
    path = tmp_path / "lags.png"
    ax = plot_citation_lags(lag_distribution(citation_lags(cites, corpus)), path=path)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    assert [p.get_height() for p in ax.patches] == [1, 1, 0, 0, 0, 1]
    empty = plot_citation_lags(lag_distribution(pd.DataFrame(columns=["lag_years"])))
    assert [t.get_text() for t in empty.texts] == ["no dated citation"]
