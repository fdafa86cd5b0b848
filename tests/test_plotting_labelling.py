"""Tests for analysis.plotting.labelling: label placement with adjustText and title wrapping."""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D

from analysis.plotting import base, labelling
from plotting_checks import overlapping_pairs, text_boxes


def _crowded_axes():
    figure = base.new_figure((5, 4))
    ax = figure.add_subplot()
    ax.set_xlim(-1, 11)
    ax.set_ylim(-1, 11)
    return ax


POINTS = np.array([(5.0, 5.0), (5.2, 5.1), (5.1, 4.9), (4.9, 5.2), (5.0, 5.3), (2.0, 8.0)])
NAMES = ["智慧城市", "大数据", "云计算", "物联网", "数字孪生", "城市大脑"]


def _place(ax, **kwargs):
    return labelling.place_labels(
        ax,
        POINTS,
        NAMES,
        marker_radius_pt=np.full(len(NAMES), 3.0),
        directions=np.zeros((len(NAMES), 2)),
        fontsize=10,
        **kwargs,
    )


def test_place_labels_moves_crowded_labels_apart():
    ax = _crowded_axes()
    texts = _place(ax)
    assert [t.get_text() for t in texts] == NAMES
    assert overlapping_pairs(text_boxes(ax.figure, texts)) == []
    assert any(isinstance(line, Line2D) for line in ax.lines)  # a moved label is joined to its point


def test_place_labels_is_deterministic():
    first = [t.get_position() for t in _place(_crowded_axes())]
    second = [t.get_position() for t in _place(_crowded_axes())]
    assert first == second


def test_place_labels_keeps_off_given_obstacles():
    ax = _crowded_axes()
    ax.figure.canvas.draw()
    x0, y0 = ax.transData.transform((1.0, 7.0))
    x1, y1 = ax.transData.transform((3.0, 9.5))
    box = np.array([[x0, y0, x1, y1]])  # covers 城市大脑's point and the room around it
    texts = _place(ax, avoid=lambda: box)
    label = texts[NAMES.index("城市大脑")].get_window_extent(ax.figure.canvas.get_renderer())
    overlap_x = min(label.x1, x1) - max(label.x0, x0)
    overlap_y = min(label.y1, y1) - max(label.y0, y0)
    assert overlap_x <= 1 or overlap_y <= 1


def test_place_labels_without_labels():
    ax = _crowded_axes()
    assert (
        labelling.place_labels(
            ax, np.empty((0, 2)), [], marker_radius_pt=np.empty(0), directions=np.empty((0, 2)), fontsize=10
        )
        == []
    )


def test_wrap_to_width_breaks_at_semicolons():
    figure = base.new_figure((3, 2))
    text = "node size = summed edge weight; colour = community (greedy modularity); grey = two-term component"
    wrapped = labelling.wrap_to_width(figure, text, 8)
    assert "\n" in wrapped
    assert wrapped.replace("\n", " ").replace("  ", " ") == text
    assert labelling.wrap_to_width(base.new_figure((30, 2)), text, 8) == text  # fits: one line
    assert not figure.texts  # the measuring probe is removed


def test_top_by_keeps_the_largest_in_index_order():
    assert labelling.top_by([1, 5, 3, 5, 0], 2) == [1, 3]
    assert labelling.top_by([1, 5, 3], None) == [0, 1, 2]
    assert labelling.top_by([1, 5, 3], 0) == []
