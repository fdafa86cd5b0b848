"""Tests for analysis.plotting.diffusion: term timelines, first appearance, adoption curves."""

from __future__ import annotations

import matplotlib as mpl
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis import plotting
from analysis.plotting import base
from plotting_checks import assert_png, assert_renders_cleanly


def _timeline() -> pd.DataFrame:
    rows = []
    for term, rates in {
        "城市大脑": [0, None, 2.0, 3.0],
        "物联网": [1.0, None, 0, 2.0],
        "时空大数据": [0, None, 0, 0],
    }.items():
        for year, rate in zip([2018, 2019, 2020, 2021], rates):
            n_docs = 0 if rate is None else 2
            count = 0 if not rate else 3
            rows.append({"term": term, "year": year, "n_docs": n_docs, "count": count, "rate_per_10k": rate})
    return pd.DataFrame(rows)


def test_term_timelines_shade_years_without_documents(tmp_path):
    from matplotlib.patches import Rectangle

    path = tmp_path / "timelines.png"
    figure = plotting.plot_term_timelines(
        _timeline(), patterns={"城市大脑": "城市(数据)?大脑", "物联网": "物联网"}, ncols=2, path=path
    )
    assert isinstance(figure, Figure)
    assert_renders_cleanly(figure)
    assert_png(path)
    panels = figure.axes[:3]
    grey = mpl.colors.to_rgb("#e6e6e6")
    for ax in panels:  # one grey band, over 2019 (no document), not a bar of height 0
        bands = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_facecolor()[:3] == grey]
        assert len(bands) == 1
        assert bands[0].get_x() == pytest.approx(2018.5) and bands[0].get_width() == pytest.approx(1.0)
        assert 2019 not in [round(p.get_x() + p.get_width() / 2) for p in ax.patches if p not in bands]
    texts = [t.get_text() for t in figure.findobj(mpl.text.Text)]
    assert "城市(数据)?大脑" in texts  # pattern differs from the term: shown
    assert "物联网" in texts and texts.count("物联网") == 1  # same as the term: not repeated
    assert "not found in corpus" in [t.get_text() for t in panels[2].texts]
    assert "no document" in figure._suptitle.get_text()


def test_term_timelines_draw_into_a_given_figure(tmp_path):
    figure = base.new_figure((10, 4))
    left, right = figure.subfigures(1, 2)
    result = plotting.plot_term_timelines(_timeline(), ncols=2, figure=left, path=tmp_path / "sub.png")
    assert result is left
    assert len(left.axes) == 4 and not right.axes
    assert (tmp_path / "sub.png").is_file()  # the whole figure is saved


def _curves(with_coverage: bool) -> pd.DataFrame:
    rows = []
    for term in ("数字孪生", "城市大脑"):
        for year, adopted, observed in zip([2019, 2020, 2021], [0, 1, 2], [1, 3, 4]):
            row = {"term": term, "year": year, "n_adopted": adopted, "n_jurisdictions": 4, "share": adopted / 4}
            if with_coverage:
                row.update(n_observed=observed, share_of_observed=adopted / observed)
            rows.append(row)
    return pd.DataFrame(rows)


def test_adoption_curves_show_coverage_when_available(tmp_path):
    path = tmp_path / "adoption.png"
    figure = plotting.plot_adoption_curves(_curves(True), ncols=3, path=path)
    assert_renders_cleanly(figure)
    assert_png(path)
    for ax in figure.axes[:2]:
        dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
        assert len(dashed) == 1
        assert list(dashed[0].get_ydata()) == pytest.approx([0.25, 0.75, 1.0])
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend()] + list(figure.legends)
    assert len(legends) == 1
    assert any("any\ndocument so far" in t.get_text() for t in legends[0].get_texts())
    # Older tables without n_observed still plot, without the coverage line or legend.
    old = plotting.plot_adoption_curves(_curves(False), ncols=3)
    assert all(line.get_linestyle() != "--" for ax in old.axes for line in ax.get_lines())
    assert not any(ax.get_legend() for ax in old.axes) and not old.legends
    # A full grid (no spare panel) puts the legend under the panels.
    full = plotting.plot_adoption_curves(_curves(True), ncols=2)
    assert len(full.legends) == 1
    assert_renders_cleanly(full)


def test_adoption_curves_into_a_given_figure():
    figure = base.new_figure((8, 3))
    assert plotting.plot_adoption_curves(_curves(True), ncols=3, figure=figure) is figure
    assert len(figure.axes) == 3
    assert_renders_cleanly(figure)


def _first() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "term": ["城市大脑", "城市大脑", "物联网", "物联网", "数字孪生"],
            "level": ["provincial", "central", "ministry", "other", "provincial"],
            "first_year": [2019, 2021, 2014, 2016, 2020],
        }
    )


def test_first_appearance_orders_terms_and_levels(tmp_path):
    path = tmp_path / "first.png"
    ax = plotting.plot_first_appearance(_first(), path=path)
    assert isinstance(ax, Axes)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["central", "ministry", "provincial", "other"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["物联网", "城市大脑", "数字孪生"]  # earliest first
    annotated = sorted(t.get_text() for t in ax.texts)
    assert annotated == ["2014", "2016", "2019", "2020", "2021"]  # blank cells are not annotated


def test_first_appearance_into_a_given_axes():
    figure = base.new_figure((8, 3))
    left, right = figure.subplots(1, 2)
    assert plotting.plot_first_appearance(_first(), ax=right) is right
    assert not left.texts and right.texts
