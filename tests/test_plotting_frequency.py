"""Tests for analysis.plotting.frequency: top terms, word clouds, rate heatmaps, keyness."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from analysis import plotting
from analysis.frequency import keyness, term_frequencies
from plotting_checks import assert_png, assert_renders_cleanly

CORPUS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d"],
        "year": [2018, 2019, 2020, 2021],
        "text": [
            "推进新型智慧城市建设，发展大数据和云计算。建设智慧城市，推广物联网应用。",
            "建设城市大脑，推进一网通办。发展大数据产业，完善政务服务。",
            "推行一网统管，建设数字孪生城市。培育数据要素市场，发展数字经济。",
            "完善城市信息模型平台，推进数字孪生和城市大脑建设。深化一网通办。",
        ],
    }
)


def test_plot_top_terms(tmp_path):
    freq = term_frequencies(CORPUS)
    path = tmp_path / "top.png"
    ax = plotting.plot_top_terms(freq, n=8, path=path)
    assert isinstance(ax, Axes)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 8
    assert labels[-1] == freq["term"].iloc[0]  # the most frequent term is on top
    with pytest.raises(ValueError, match="one group"):
        plotting.plot_top_terms(term_frequencies(CORPUS, by="year"))


def test_plot_wordcloud_is_deterministic(tmp_path):
    freq = term_frequencies(CORPUS)
    path = tmp_path / "cloud.png"
    ax = plotting.plot_wordcloud(freq, width=600, height=400, path=path, dpi=150)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    again = plotting.plot_wordcloud(freq, width=600, height=400)
    first = ax.images[0].get_array()
    second = again.images[0].get_array()
    assert np.array_equal(first, second)
    assert (first != 255).any()  # something was drawn on the white background


def test_wordcloud_in_one_colour():
    freq = term_frequencies(CORPUS)
    ax = plotting.plot_wordcloud(freq, width=400, height=300, color="#009E73")
    pixels = ax.images[0].get_array().reshape(-1, 3)
    ink = pixels[(pixels != 255).any(axis=1)]
    colours, counts = np.unique(ink, axis=0, return_counts=True)
    assert tuple(colours[np.argmax(counts)]) == (0, 158, 115)


def test_plot_rate_heatmap(tmp_path):
    freq = term_frequencies(CORPUS, by="year")
    path = tmp_path / "heat.png"
    ax = plotting.plot_rate_heatmap(freq, n_terms=6, path=path)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2018", "2019", "2020", "2021"]
    assert len(ax.get_yticklabels()) == 6
    chosen = plotting.plot_rate_heatmap(freq, terms=["一网通办", "城市大脑"])
    assert [t.get_text() for t in chosen.get_yticklabels()] == ["一网通办", "城市大脑"]
    two_levels = term_frequencies(CORPUS.assign(level=["a", "b", "a", "b"]), by=["year", "level"])
    assert plotting.plot_rate_heatmap(two_levels, x="year")  # one level per year: fine
    with pytest.raises(ValueError, match="cannot be added"):
        plotting.plot_rate_heatmap(two_levels, x="level")


def test_rate_heatmap_with_years_shows_empty_columns(tmp_path):
    freq = term_frequencies(CORPUS, by="year")  # documents in 2018-2021 only
    path = tmp_path / "heat_years.png"
    ax = plotting.plot_rate_heatmap(freq, n_terms=5, years=range(2016, 2023), path=path)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    # term_frequencies carries each group's n_docs, which the heatmap prints under the year
    n = {2018: 1, 2019: 1, 2020: 1, 2021: 1}
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"{y}\nn={n.get(y, 0)}" for y in range(2016, 2023)]
    cells = ax.collections[0].get_array().reshape(5, 7)
    assert np.ma.getmaskarray(cells)[:, [0, 1, 6]].all()  # 2016, 2017, 2022: no documents
    assert not np.ma.getmaskarray(cells)[:, 2:6].any()
    assert ax.patch.get_hatch()  # masked cells show the hatched background
    assert "hatched" in ax.get_xlabel()
    counts = CORPUS.groupby("year").size()
    with_n = plotting.plot_rate_heatmap(freq, n_terms=5, years=range(2017, 2022), n_docs=counts)
    ticks = [t.get_text() for t in with_n.get_xticklabels()]
    assert ticks[0] == "2017\nn=0" and ticks[1] == "2018\nn=1"
    assert_renders_cleanly(with_n.figure)


def test_plot_keyness(tmp_path):
    table = keyness(CORPUS, "year >= 2020")
    path = tmp_path / "key.png"
    ax = plotting.plot_keyness(table, n=4, target_label="2020年以后", reference_label="2020年以前", path=path)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    signs = sorted(np.sign(b.get_width()) for b in ax.patches)
    assert -1 in signs and 1 in signs


def test_plots_draw_into_a_given_axes():
    figure = Figure()
    FigureCanvasAgg(figure)
    left, right = figure.subplots(1, 2)
    result = plotting.plot_top_terms({"智慧城市": 3, "大数据": 2}, ax=left)
    assert result is left
    assert len(left.patches) == 2 and not right.patches
    table = keyness(CORPUS, "year >= 2020")
    assert plotting.plot_keyness(table, n=3, ax=right) is right
    assert len(figure.axes) == 2  # no new axes, no new figure
