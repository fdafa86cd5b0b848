"""Tests for analysis.plotting.panels: small-multiples grids."""

from __future__ import annotations

import pytest
from matplotlib.lines import Line2D

from analysis.plotting import base, panels
from plotting_checks import assert_png, assert_renders_cleanly


def test_panel_grid_sizes_a_new_figure_per_panel():
    figure, axes = panels.panel_grid(7, 3, sharey=True)
    assert axes.shape == (3, 3)
    assert figure.get_size_inches().tolist() == pytest.approx([2.6 * 3, 1.9 * 3 + 0.6])


def test_finish_panels_hides_spares_and_puts_the_legend_there(tmp_path):
    figure, axes = panels.panel_grid(4, 3, sharey=True)
    for ax, name in zip(axes.flat, ["物联网", "云计算", "大数据", "区块链"]):
        ax.plot([2018, 2020], [0, 1])
        ax.set_title(name)
    legend = ([Line2D([], [])], ["使用 (used)"])
    path = tmp_path / "panels.png"
    result = panels.finish_panels(figure, axes, 4, "share", "标题 (title)", path, 150, legend=legend)
    assert result is figure
    assert_renders_cleanly(figure)
    assert_png(path)
    assert not axes.flat[5].axison and axes.flat[4].get_legend() is not None
    assert figure._suptitle.get_text() == "标题 (title)"


def test_finish_panels_on_a_full_grid_puts_the_legend_below():
    figure, axes = panels.panel_grid(2, 2, sharey=True)
    panels.finish_panels(figure, axes, 2, "share", "title", None, 150, legend=([Line2D([], [])], ["x"]))
    assert len(figure.legends) == 1


def test_panels_in_a_given_constrained_figure_keep_its_layout():
    figure = base.new_figure((6, 3))
    grid, axes = panels.panel_grid(2, 2, sharey=False, figure=figure)
    assert grid is figure
    panels.finish_panels(figure, axes, 2, "y", "title", None, 150)
    assert figure.get_layout_engine() is not None
