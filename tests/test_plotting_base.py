"""Tests for analysis.plotting.base: the CJK font, figure/axes creation and saving."""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from analysis import plotting
from analysis.plotting import base
from plotting_checks import assert_png, assert_renders_cleanly, missing_glyphs, render


def test_cjk_font_path_points_to_the_bundled_font():
    path = Path(plotting.cjk_font_path())
    assert path.name == "NotoSansCJKsc-Regular.otf"
    assert path.is_file() and "mplfonts" in path.parts


def _registrations() -> int:
    path = plotting.cjk_font_path()
    return sum(entry.fname == path for entry in font_manager.fontManager.ttflist)


def test_use_chinese_font_is_idempotent():
    first = plotting.use_chinese_font()
    registered = _registrations()
    second = plotting.use_chinese_font()
    assert _registrations() == registered > 0
    assert first == second == "Noto Sans CJK SC"
    families = mpl.rcParams["font.sans-serif"]
    assert families[0] == first and families.count(first) == 1
    assert mpl.rcParams["font.family"] == ["sans-serif"]
    assert mpl.rcParams["axes.unicode_minus"] is False
    resolved = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert Path(resolved).name == "NotoSansCJKsc-Regular.otf"


def test_missing_glyph_check_detects_a_font_without_chinese():
    # Control: the check used below does fire when no CJK font is configured.
    with mpl.rc_context({"font.family": ["sans-serif"], "font.sans-serif": ["DejaVu Sans"]}):
        figure = Figure()
        FigureCanvasAgg(figure)
        figure.suptitle("智慧城市")
        assert missing_glyphs(render(figure))


def test_cut_off_check_detects_labels_outside_the_canvas():
    # Control: long tick labels without a layout engine overflow the left edge.
    plotting.use_chinese_font()
    figure = Figure(figsize=(3, 2))
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.barh([0, 1], [1, 2])
    ax.set_yticks([0, 1], labels=["城市运行管理服务平台建设", "新型智慧城市评价指标体系"])
    with pytest.raises(AssertionError):
        assert_renders_cleanly(figure)


def test_chinese_and_latin_render_after_use_chinese_font():
    plotting.use_chinese_font()
    figure = Figure()
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.plot([-1, 0, 1], [-2, 0, 2])
    ax.set_title("新型智慧城市 5G 网络 (2020-2023)")
    ax.set_xlabel("年份 year")
    assert_renders_cleanly(figure)


def test_seaborn_theme_keeps_the_chinese_font():
    import seaborn as sns

    plotting.use_chinese_font(seaborn_style="whitegrid")
    assert mpl.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    sns.set_theme()  # resets the font list ...
    assert mpl.rcParams["font.sans-serif"][0] != "Noto Sans CJK SC"
    ax = plotting.plot_top_terms({"智慧城市": 3, "大数据": 2})  # ... helpers re-apply it
    assert_renders_cleanly(ax.figure)


def test_new_figure_is_outside_pyplot_and_renders_chinese():
    import matplotlib.pyplot as plt

    figure = base.new_figure((4, 3))
    assert figure not in [plt.figure(n) for n in plt.get_fignums()]
    figure.add_subplot().set_title("智慧城市")
    assert_renders_cleanly(figure)


def test_figure_and_axes_reuses_a_given_axes():
    figure, ax = base.figure_and_axes(None, (4, 3))
    assert ax.figure is figure and figure.get_size_inches().tolist() == [4, 3]
    again, same = base.figure_and_axes(ax, (9, 9))
    assert again is figure and same is ax


def test_save_figure_writes_png_and_svg_by_default(tmp_path):
    figure = base.new_figure((4, 3))
    figure.add_subplot().set_title("智慧城市")
    assert base.save_figure(figure, None) == []
    both = base.save_figure(figure, tmp_path / "a.png", dpi=100)  # raised to MIN_DPI
    assert both == [tmp_path / "a.png", tmp_path / "a.svg"]
    assert_png(both[0])
    only_png = base.save_figure(figure, tmp_path / "b.png", formats=("png",))
    assert only_png == [tmp_path / "b.png"] and not (tmp_path / "b.svg").exists()
    plain = base.save_figure(figure, tmp_path / "sub" / "c")
    assert plain == [tmp_path / "sub" / "c.png", tmp_path / "sub" / "c.svg"] and plain[0].is_file()


def test_svg_draws_chinese_as_glyph_outlines_and_is_reproducible(tmp_path):
    """svg.fonttype 'path': the viewer needs no CJK font; the file does not change between runs."""
    figure = base.new_figure((4, 3))
    figure.add_subplot().set_title("智慧城市")
    first = base.save_figure(figure, tmp_path / "a.svg")[0].read_text(encoding="utf-8")
    assert first.lstrip().startswith("<?xml")
    # Each distinct glyph is defined once as a path and used by reference; no <text> elements.
    glyphs = [line for line in first.splitlines() if 'id="NotoSansCJKsc-Regular-' in line]
    assert len(glyphs) >= 4
    assert "<text" not in first
    again = base.save_figure(figure, tmp_path / "b.svg")[0].read_text(encoding="utf-8")
    assert again == first
