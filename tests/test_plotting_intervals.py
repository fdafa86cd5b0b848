"""Tests for analysis.plotting.intervals and the figures that draw lo/hi intervals and small groups."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest

from analysis import plotting
from analysis.plotting.intervals import error_extents, has_interval, small_flags
from analysis.plotting.topics import plot_prevalence_bars, plot_prevalence_by_year
from plotting_checks import assert_png, assert_renders_cleanly


def test_error_extents_are_distances_from_the_estimate():
    extents = error_extents([2.0, -3.0, 1.0, 5.0], [1.5, -4.0, np.nan, 6.0], [3.0, -2.5, 2.0, 7.0])
    # 2 in [1.5, 3]: 0.5 below, 1 above; -3 in [-4, -2.5]; a missing bound: no whisker; a bound on the wrong side: 0.
    assert extents.tolist() == [[0.5, 1.0, 0.0, 0.0], [1.0, 0.5, 1.0, 2.0]]


def test_flags_and_interval_columns():
    table = pd.DataFrame({"share": [0.1, 0.2, 0.3], "small_group": [True, None, False]})
    assert small_flags(table).tolist() == [True, False, False]
    assert small_flags(table.drop(columns="small_group")).tolist() == [False, False, False]
    assert not has_interval(table) and has_interval(table.assign(lo=0.0, hi=1.0))


def _keyness() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "term": ["城市大脑", "一网通办", "数字孪生", "物联网", "云计算"],
            "g2": [12.0, 8.0, 3.0, -6.0, -9.0],
            "lo": [7.0, 2.5, 0.5, -11.0, -15.0],
            "hi": [18.0, 13.0, 6.0, -1.0, -4.0],
            "small_group": [False, False, True, False, False],
        }
    )


def test_keyness_draws_whiskers_small_terms_and_group_sizes(tmp_path):
    table = _keyness()
    ax = plotting.plot_keyness(table, n=5, target_label="2020年以后", reference_label="2020年以前",
                               n_target=1, n_reference=4, path=tmp_path / "k.png")  # fmt: skip
    assert_renders_cleanly(ax.figure)
    assert_png(tmp_path / "k.png")
    (whiskers,) = [c for c in ax.collections if isinstance(c, mpl.collections.LineCollection)]
    segments = sorted((round(s[0][0], 6), round(s[1][0], 6)) for s in whiskers.get_segments())
    assert segments == sorted(zip(table.lo, table.hi))  # each whisker spans exactly [lo, hi]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_width() == 3.0  # 数字孪生, the small one
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == ["2020年以后 (1 document)", "2020年以前 (4 documents)"]
    assert any("95% bootstrap interval" in t for t in legend) and any("grey hatched" in t for t in legend)


def test_keyness_without_the_new_columns_is_unchanged():
    ax = plotting.plot_keyness(_keyness()[["term", "g2"]], n=5)
    assert not [c for c in ax.collections if isinstance(c, mpl.collections.LineCollection)]
    assert not [p for p in ax.patches if p.get_hatch()]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["target", "reference"]


def test_term_timelines_draw_intervals_and_grey_out_small_years():
    rows = []
    for year, rate, lo, hi, n_docs in [(2018, 2.0, 1.0, 3.5, 4), (2019, None, None, None, 0), (2020, 4.0, 0.0, 9.0, 1)]:
        rows.append({"term": "城市大脑", "year": year, "n_docs": n_docs, "count": 0 if rate is None else 3,
                     "rate_per_10k": rate, "lo": lo, "hi": hi, "small_group": n_docs < 2})  # fmt: skip
    figure = plotting.plot_term_timelines(pd.DataFrame(rows), ncols=2)
    assert_renders_cleanly(figure)
    ax = figure.axes[0]
    (whiskers,) = [c for c in ax.collections if isinstance(c, mpl.collections.LineCollection)]
    spans = sorted((round(s[0][1], 6), round(s[1][1], 6)) for s in whiskers.get_segments())
    assert spans == [(0.0, 9.0), (1.0, 3.5)]
    assert ax.get_ylim()[1] >= 9.0  # the whisker fits
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert [round(p.get_x() + p.get_width() / 2) for p in hatched] == [2020]  # 2019 has no document: no bar
    legend = [t.get_text() for t in figure.axes[1].get_legend().get_texts()]
    assert any("bootstrap" in t for t in legend) and any("grey hatched" in t for t in legend)


def _prevalence() -> pd.DataFrame:
    rows = []
    for year, n_docs in [(2019, 1), (2020, 5), (2021, 6)]:
        for topic, share in [(0, 0.6), (1, 0.4)]:
            rows.append({"year": year, "topic": topic, "share": share, "n_documents": n_docs,
                         "lo": share - 0.2, "hi": share + 0.1, "small_group": n_docs < 2})  # fmt: skip
    return pd.DataFrame(rows)


def test_prevalence_bars_use_the_interval_and_hatch_small_groups(tmp_path):
    figure = plot_prevalence_bars(_prevalence(), "year", path=tmp_path / "bars.png")
    assert_png(tmp_path / "bars.png")
    ax = figure.axes[0]
    (whiskers,) = [c for c in ax.collections if isinstance(c, mpl.collections.LineCollection)]
    spans = sorted((round(s[0][1], 6), round(s[1][1], 6)) for s in whiskers.get_segments())
    assert spans == [(0.4, 0.7)] * 3
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_x() == pytest.approx(-0.4)  # 2019, one document
    assert "95% bootstrap interval" in figure.get_supylabel()
    assert "grey hatched" in figure.get_supxlabel()
    plain = plot_prevalence_bars(_prevalence().drop(columns=["lo", "hi", "small_group"]), "year")
    assert not [p for p in plain.axes[0].patches if p.get_hatch()] and "interval" not in plain.get_supylabel()


def test_prevalence_heatmap_prints_intervals_and_hatches_small_groups():
    ax = plot_prevalence_by_year(_prevalence())
    assert_renders_cleanly(ax.figure)
    cells = sorted(t.get_text() for t in ax.texts)
    assert cells == sorted(["60\n40-70"] * 3 + ["40\n20-50"] * 3)
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_x() == pytest.approx(-0.5)
    assert "grey hatched" in ax.get_xlabel()
