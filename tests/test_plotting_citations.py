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


def _many_documents_graph():
    """60 dated documents: 10 ministry notices of one ministry cited by 50 documents of five cities."""
    import networkx as nx

    graph = nx.DiGraph()
    for i in range(10):
        graph.add_node(
            f"m{i}", level="ministry", year=2015 + i % 3, region="全国", issuer="工业和信息化部", title="通知"
        )
    cities = ["郑州", "洛阳", "开封", "新乡", "南阳"]
    for i in range(50):
        city = cities[i % 5]
        graph.add_node(f"c{i}", level="prefecture", year=2018 + i % 4, region="河南", issuer=f"{city}市人民政府",
                       title=f"{city}市智慧城市建设方案")  # fmt: skip
        graph.add_edge(f"m{i % 10}", f"c{i}", weight=1 + i % 3)
    return graph


def test_citation_network_of_many_documents_is_drawn_by_jurisdiction(tmp_path):
    graph = _many_documents_graph()
    path = tmp_path / "net.png"
    ax = plot_citation_network(graph, path=path)
    assert_png(path)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ministry", "prefecture"]
    labels = sorted(t.get_text() for t in ax.texts if t.get_text())
    # six jurisdictions: the ministry's 10 documents and each city's 10
    assert len(labels) == 6 and any(label.startswith("郑州 (10)") for label in labels)
    assert any(label.startswith("工业和信息化部 (10)") for label in labels)
    note = ax.get_xlabel()
    assert "60 dated documents grouped into 6 jurisdictions" in note
    assert "citation inside a group is not drawn" in note
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(t.endswith(" references") for t in legend)
    assert "arrow: cited → citing" in ax.get_legend().get_title().get_text()
    # the document view stays available
    documents = plot_citation_network(graph, aggregate="documents", max_labels=5)
    assert [t.get_text() for t in documents.get_yticklabels()] == ["ministry", "prefecture"]
