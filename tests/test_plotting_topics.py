"""Tests for analysis.plotting.topics: figures of k diagnostics, prevalence and document similarity."""

from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis.labels import doc_label
from analysis.plotting.base import new_figure
from analysis.plotting.topics import (
    plot_k_diagnostics,
    plot_prevalence_bars,
    plot_prevalence_by_level,
    plot_prevalence_by_year,
    plot_similarity_heatmap,
)
from analysis.similarity import cluster_documents, document_similarity, flat_clusters
from analysis.topics import label_topics, topic_prevalence
from topics_synthetic import TOK, k_diagnostics, nmf_model, synthetic

matplotlib.use("Agg")


@pytest.fixture
def strict_glyphs():
    """Any matplotlib warning (e.g. "Glyph ... missing from font") fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        yield


@pytest.fixture(scope="module")
def similarity() -> pd.DataFrame:
    corpus, _paras = synthetic()
    return document_similarity(corpus, tokenizer=TOK)


@pytest.fixture
def k_table() -> pd.DataFrame:
    return k_diagnostics().table


def _texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(matplotlib.text.Text)]


def test_plot_k_diagnostics(tmp_path, strict_glyphs):
    path = tmp_path / "k.png"
    figure = plot_k_diagnostics(k_diagnostics(), path=path)
    assert isinstance(figure, Figure)
    panels = [ax for ax in figure.axes if ax.get_visible()]
    assert len(panels) == 3
    for ax in panels:
        xs = [line.get_xdata()[0] for line in ax.get_lines() if len(set(line.get_xdata())) == 1]
        assert 4 in xs  # the chosen-k marker
    assert any("chosen k=4" in t for t in _texts(figure))
    assert path.stat().st_size > 20_000


def test_plot_k_diagnostics_draws_into_a_given_figure(k_table, strict_glyphs):
    figure = new_figure((12, 5))
    assert plot_k_diagnostics(k_table, figure=figure) is figure and len(figure.axes) == 3


def test_prevalence_plots_show_empty_groups(tmp_path, strict_glyphs):
    model = nmf_model()
    corpus, paras = synthetic()
    labels = label_topics(model, paras)
    prev = topic_prevalence(model.unit_topics, corpus, by="year", groups=range(2014, 2024))
    ax = plot_prevalence_by_year(prev, labels=labels, unit="paragraphs", path=tmp_path / "year.png")
    assert isinstance(ax, Axes)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert len(ticks) == 10 and ticks[3].startswith("2017\nn=0") and "para." in ticks[0]
    assert "no paragraphs" in ax.get_xlabel()
    # No line artists: nothing joins the years.
    assert not ax.get_lines()
    bars = plot_prevalence_bars(prev, "year", labels=labels, path=tmp_path / "bars.png")
    assert isinstance(bars, Figure) and sum(a.get_visible() for a in bars.axes) == 4
    assert all(not a.get_lines() or all(len(line.get_xdata()) <= 2 for line in a.get_lines()) for a in bars.axes)
    level = plot_prevalence_by_level(topic_prevalence(model.document_topics, corpus, by="level"),
                                     path=tmp_path / "level.png")  # fmt: skip
    assert any("区县" in t for t in _texts(level.figure))
    assert "para." not in level.get_xticklabels()[0].get_text()
    for name in ("year.png", "bars.png", "level.png"):
        assert (tmp_path / name).stat().st_size > 20_000


def test_prevalence_heatmap_draws_on_a_given_axes(strict_glyphs):
    model = nmf_model()
    corpus, _paras = synthetic()
    prev = topic_prevalence(model.document_topics, corpus, by="year")
    figure = new_figure((8, 4))
    ax = figure.add_subplot()
    assert plot_prevalence_by_year(prev, ax=ax, title="years") is ax
    assert ax.get_title() == "years" and ax.images
    with pytest.raises(ValueError, match="unit"):
        plot_prevalence_by_year(prev, unit="sentences")


def test_similarity_heatmap(similarity, tmp_path, strict_glyphs):
    corpus, _paras = synthetic()
    clusters = flat_clusters(similarity)
    figure = plot_similarity_heatmap(similarity, corpus, clusters=clusters, path=tmp_path / "sim.png")
    heat = figure.axes[1]
    labels = [t.get_text() for t in heat.get_yticklabels()]
    order = cluster_documents(similarity).order
    expected = pd.Series(doc_label(corpus).to_numpy(), index=corpus["doc_id"]).reindex(order)
    assert [label.split("] ", 1)[1] for label in labels] == expected.tolist()
    assert labels[0].split("] ", 1)[1].startswith(("2014 ", "2015 ", "2016 ", "2018 ", "2019 ", "202"))
    assert (tmp_path / "sim.png").stat().st_size > 50_000


def test_similarity_heatmap_masks_the_diagonal(similarity, strict_glyphs):
    corpus, _paras = synthetic()
    figure = plot_similarity_heatmap(similarity, corpus, clusters=flat_clusters(similarity))
    image = figure.axes[1].images[0]
    mask = np.ma.getmaskarray(image.get_array())
    off = ~np.eye(len(similarity), dtype=bool)
    assert mask.diagonal().all() and not mask[off].any()
    low, high = image.get_clim()
    # The scale stops at the most similar pair of different documents, not at the diagonal's 1.0.
    assert low == 0 and high == pytest.approx(similarity.to_numpy()[off].max()) and high < 1
    assert any("[n] = flat cluster" in t for t in _texts(figure))
    plain = plot_similarity_heatmap(similarity, corpus)
    assert not any("[n]" in t for t in _texts(plain))
    given = new_figure((10, 10), layout=None)
    assert plot_similarity_heatmap(similarity, corpus, figure=given) is given and len(given.axes) == 3


def test_k_diagnostics_labels_and_chosen_note_clear_of_error_bars(k_table, strict_glyphs):
    _coherence, _exclusivity, stability = plot_k_diagnostics(k_table).axes
    assert stability.get_ylabel() == "stability (matched cosine / ARI, 0-1)"
    assert "mean of cosine and ARI ± 1 SE" in [t.get_text() for t in stability.get_legend().get_texts()]
    for chosen in (int(k_table["k"].min()), 4, int(k_table["k"].max())):
        ax = plot_k_diagnostics(k_table, chosen=chosen).axes[0]
        ax.figure.canvas.draw()
        note = next(t for t in ax.texts if t.get_text() == f"chosen k={chosen}")
        box = note.get_window_extent(ax.figure.canvas.get_renderer())
        top = float((k_table["coherence_npmi"] + k_table["coherence_npmi_se"]).max())
        assert box.y0 > ax.transData.transform((chosen, top))[1]  # above every error bar
        assert box.y1 <= ax.get_window_extent().y1 + 0.5  # and inside the panel


def test_chinese_font_is_used(strict_glyphs):
    from matplotlib import font_manager

    figure = plot_k_diagnostics(pd.DataFrame({
        "k": [2, 3], "method": "nmf", "n_seeds": 2, "n_units": 10, "coherence_npmi": [0.1, 0.2],
        "coherence_npmi_se": [0.01, 0.01], "exclusivity": [0.8, 0.7], "stability_cosine": [1, 0.9],
        "stability_ari": [1, 0.8], "stability": [1, 0.85], "stability_se": [0.0, 0.05]}))  # fmt: skip
    figure.canvas.draw()
    title = figure.axes[0].title
    assert "主题" in title.get_text()
    assert "NotoSansCJK" in font_manager.findfont(title.get_fontproperties())


def test_similarity_heatmap_of_many_documents_has_a_bounded_size_and_no_labels(strict_glyphs):
    rng = np.random.default_rng(0)
    n = 200
    points = rng.random((n, 5))
    sim = points @ points.T / np.outer(np.linalg.norm(points, axis=1), np.linalg.norm(points, axis=1))
    ids = [f"d{i:03d}" for i in range(n)]
    corpus = pd.DataFrame({"doc_id": ids, "year": 2020, "level": "prefecture", "region": "河南",
                           "issuer": "郑州市人民政府", "title": "智慧城市建设方案"})  # fmt: skip
    figure = plot_similarity_heatmap(pd.DataFrame(sim, index=ids, columns=ids), corpus)
    width, height = figure.get_size_inches()
    assert height <= 22 and width <= 24  # 0.08 inch a row made 1,000 documents an 80-inch figure
    heat = figure.axes[1]
    assert heat.get_yticks().size == 0 and heat.get_xticks().size == 0
    assert any("200 documents: too many" in t for t in _texts(figure))
