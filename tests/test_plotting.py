"""Tests for analysis.plotting: CJK font set-up and figure helpers."""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from analysis import plotting, segment
from analysis.frequency import cooccurrence, keyness, term_frequencies

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


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(segment.CACHE_ENV_VAR, str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def restore_rcparams():
    with mpl.rc_context():
        yield


def _render(figure: Figure) -> list[str]:
    """Draw with Agg and return the messages of all warnings raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.canvas.draw()
    return [str(w.message) for w in caught]


def _missing_glyphs(messages: list[str]) -> list[str]:
    return [m for m in messages if "missing from font" in m]


def _assert_renders_cleanly(figure: Figure) -> None:
    assert isinstance(figure, Figure)
    assert _missing_glyphs(_render(figure)) == []
    # Everything drawn (titles, tick labels, legends) lies on the canvas:
    # no label is cut off at the figure edge.
    drawn = figure.get_tightbbox(figure.canvas.get_renderer())  # inches
    canvas = figure.bbox_inches
    tolerance = 1 / figure.dpi  # one pixel
    assert drawn.x0 >= canvas.x0 - tolerance and drawn.y0 >= canvas.y0 - tolerance, drawn
    assert drawn.x1 <= canvas.x1 + tolerance and drawn.y1 <= canvas.y1 + tolerance, drawn


def _assert_png(path: Path) -> None:
    assert path.is_file()
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert min(image.info["dpi"]) >= 149.5
        assert image.width > 300 and image.height > 300


# --------------------------------------------------------------------------
# Font set-up
# --------------------------------------------------------------------------


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
        assert _missing_glyphs(_render(figure))


def test_cut_off_check_detects_labels_outside_the_canvas():
    # Control: long tick labels without a layout engine overflow the left edge.
    plotting.use_chinese_font()
    figure = Figure(figsize=(3, 2))
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.barh([0, 1], [1, 2])
    ax.set_yticks([0, 1], labels=["城市运行管理服务平台建设", "新型智慧城市评价指标体系"])
    with pytest.raises(AssertionError):
        _assert_renders_cleanly(figure)


def test_chinese_and_latin_render_after_use_chinese_font():
    plotting.use_chinese_font()
    figure = Figure()
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.plot([-1, 0, 1], [-2, 0, 2])
    ax.set_title("新型智慧城市 5G 网络 (2020-2023)")
    ax.set_xlabel("年份 year")
    _assert_renders_cleanly(figure)


def test_seaborn_theme_keeps_the_chinese_font():
    import seaborn as sns

    plotting.use_chinese_font(seaborn_style="whitegrid")
    assert mpl.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    sns.set_theme()  # resets the font list ...
    assert mpl.rcParams["font.sans-serif"][0] != "Noto Sans CJK SC"
    figure = plotting.plot_top_terms({"智慧城市": 3, "大数据": 2})  # ... helpers re-apply it
    _assert_renders_cleanly(figure)


# --------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------


def test_plot_top_terms(tmp_path):
    freq = term_frequencies(CORPUS)
    path = tmp_path / "top.png"
    figure = plotting.plot_top_terms(freq, n=8, path=path)
    _assert_renders_cleanly(figure)
    _assert_png(path)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert len(labels) == 8
    assert labels[-1] == freq["term"].iloc[0]  # the most frequent term is on top
    with pytest.raises(ValueError, match="one group"):
        plotting.plot_top_terms(term_frequencies(CORPUS, by="year"))


def test_plot_wordcloud_is_deterministic(tmp_path):
    freq = term_frequencies(CORPUS)
    path = tmp_path / "cloud.png"
    figure = plotting.plot_wordcloud(freq, width=600, height=400, path=path, dpi=150)
    _assert_renders_cleanly(figure)
    _assert_png(path)
    again = plotting.plot_wordcloud(freq, width=600, height=400)
    first = figure.axes[0].images[0].get_array()
    second = again.axes[0].images[0].get_array()
    assert np.array_equal(first, second)
    assert (first != 255).any()  # something was drawn on the white background


def test_plot_rate_heatmap(tmp_path):
    freq = term_frequencies(CORPUS, by="year")
    path = tmp_path / "heat.png"
    figure = plotting.plot_rate_heatmap(freq, n_terms=6, path=path)
    _assert_renders_cleanly(figure)
    _assert_png(path)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2018", "2019", "2020", "2021"]
    assert len(ax.get_yticklabels()) == 6
    chosen = plotting.plot_rate_heatmap(freq, terms=["一网通办", "城市大脑"])
    assert [t.get_text() for t in chosen.axes[0].get_yticklabels()] == ["一网通办", "城市大脑"]
    two_levels = term_frequencies(CORPUS.assign(level=["a", "b", "a", "b"]), by=["year", "level"])
    assert plotting.plot_rate_heatmap(two_levels, x="year")  # one level per year: fine
    with pytest.raises(ValueError, match="cannot be added"):
        plotting.plot_rate_heatmap(two_levels, x="level")


def test_plot_keyness(tmp_path):
    table = keyness(CORPUS, "year >= 2020")
    path = tmp_path / "key.png"
    figure = plotting.plot_keyness(
        table, n=4, target_label="2020年以后", reference_label="2020年以前", path=path
    )
    _assert_renders_cleanly(figure)
    _assert_png(path)
    bars = figure.axes[0].patches
    signs = sorted(np.sign(b.get_width()) for b in bars)
    assert -1 in signs and 1 in signs


def test_plot_cooccurrence_network_is_reproducible(tmp_path):
    edges = cooccurrence(CORPUS, unit="sentence", min_count=1)
    path = tmp_path / "net.png"
    figure = plotting.plot_cooccurrence_network(edges, top_edges=20, path=path)
    _assert_renders_cleanly(figure)
    _assert_png(path)

    def label_positions(fig: Figure) -> dict[str, tuple[float, float]]:
        return {t.get_text(): t.get_position() for t in fig.axes[0].texts}

    again = plotting.plot_cooccurrence_network(edges, top_edges=20)
    assert label_positions(figure) == label_positions(again)
    assert len(label_positions(figure)) >= 5
    empty = plotting.plot_cooccurrence_network(edges.iloc[:0])
    _assert_renders_cleanly(empty)


def test_plots_draw_into_a_given_axes():
    figure = Figure()
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    result = plotting.plot_top_terms({"智慧城市": 3, "大数据": 2}, ax=ax)
    assert result is figure
    assert len(ax.patches) == 2


def test_network_layout_does_not_depend_on_the_hash_seed():
    """Figures must be identical run to run; str hashing is salted per process."""
    import json
    import subprocess
    import sys

    script = (
        "import json, networkx as nx\n"
        "from analysis.plotting import _component_layout\n"
        "g = nx.Graph()\n"
        "g.add_weighted_edges_from([('数据', '共享', 3), ('共享', '开放', 2), ('数据', '开放', 1),"
        " ('交通', '出行', 2), ('医疗', '健康', 1), ('健康', '养老', 1)])\n"
        "pos = _component_layout(g, 42)\n"
        "print(json.dumps({k: [round(float(x), 6) for x in v] for k, v in sorted(pos.items())}))\n"
    )
    runs = []
    for seed in ("1", "2"):
        env = {**__import__("os").environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1]
