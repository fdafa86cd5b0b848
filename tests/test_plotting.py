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
        "from analysis.plotting._figures import _component_layout\n"
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


# --------------------------------------------------------------------------
# Readability: labels, empty years, legends
# --------------------------------------------------------------------------


def _text_boxes(figure: Figure, texts) -> list:
    renderer = figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in texts]


def _overlapping_pairs(boxes, tolerance: float = 1.0) -> list[tuple[int, int]]:
    pairs = []
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance:
                pairs.append((i, j))
    return pairs


def test_doc_label_names_the_prefecture_and_marks_inferred_years():
    corpus = pd.DataFrame({
        "level": ["prefecture", "provincial", "provincial", "central", "county", "prefecture"],
        "region": ["河南", "山东", "河北", "全国", "浙江", "河南"],
        "issuer": ["郑州市发展和改革委员会", "", "河北省人民政府办公厅", "国务院办公厅", "余杭区人民政府", "某某工作领导小组"],
        "year": [2020, 2018, 2019, 2021, 2022, 2021],
        "short_title": ["加快推进新型智慧城市建设", "数字山东发展规划", "指导意见", "数字政府", "城市大脑", "实施方案"],
        "date_source": ["cited documents (lower bound)", "plan period start (title)", "signature",
                        "doc_number", "Plan Period start", ""],
    })
    labels = plotting.doc_label(corpus, width=30).tolist()
    assert labels[0] == "2020≈ 郑州 加快推进新型智慧城市建设"  # not "河南": that reads as provincial
    assert labels[1] == "2018≈ 山东 数字山东发展规划"
    assert labels[2] == "2019 河北 指导意见"
    assert labels[3] == "2021 国务院 数字政府"
    assert labels[4] == "2022≈ 余杭区 城市大脑"  # county: the county's own name
    assert labels[5] == "2021 河南 实施方案"  # no place in the issuer: the region
    # Without date_source, no year is marked.
    assert plotting.doc_label(corpus.drop(columns="date_source"), width=30)[0] == "2020 郑州 加快推进新型智慧城市建设"


def test_rate_heatmap_with_years_shows_empty_columns(tmp_path):
    freq = term_frequencies(CORPUS, by="year")  # documents in 2018-2021 only
    path = tmp_path / "heat_years.png"
    figure = plotting.plot_rate_heatmap(freq, n_terms=5, years=range(2016, 2023), path=path)
    _assert_renders_cleanly(figure)
    _assert_png(path)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in range(2016, 2023)]
    cells = ax.collections[0].get_array().reshape(5, 7)
    assert np.ma.getmaskarray(cells)[:, [0, 1, 6]].all()  # 2016, 2017, 2022: no documents
    assert not np.ma.getmaskarray(cells)[:, 2:6].any()
    assert ax.patch.get_hatch()  # masked cells show the hatched background
    assert "hatched" in ax.get_xlabel()
    counts = CORPUS.groupby("year").size()
    with_n = plotting.plot_rate_heatmap(freq, n_terms=5, years=range(2017, 2022), n_docs=counts)
    ticks = [t.get_text() for t in with_n.axes[0].get_xticklabels()]
    assert ticks[0] == "2017\nn=0" and ticks[1] == "2018\nn=1"
    _assert_renders_cleanly(with_n)


def test_cooccurrence_labels_do_not_overlap(tmp_path):
    # Shaped like the corpus's Jaccard network: a 7-term chain, dense triangles and many two-term components.
    rows = [("发展改革委", "省委", 5), ("发展改革委", "网信办", 5), ("省委", "网信办", 5), ("网信办", "工业", 2),
            ("发展改革委", "工业", 1), ("分工负责", "职责", 4), ("职责", "牵头单位", 3), ("分工负责", "牵头单位", 3),
            ("人工智能", "区块链", 3), ("幸福感", "获得感", 3), ("信息资源", "开发利用", 2), ("新业态", "新模式", 2),
            ("事项", "政务服务", 2), ("体验", "市民", 2), ("便民", "惠民", 2), ("导向", "问题", 2),
            ("建设", "新型智慧城市", 2), ("提供", "支撑", 2), ("文化", "旅游", 2), ("模式", "积极探索", 2),
            ("环境", "监测", 2), ("主体", "责任", 2), ("评价", "评价指标", 3), ("评价指标", "填报", 2),
            ("填报", "系统", 2), ("评价", "工作", 2), ("评价", "组织", 2), ("组织", "领导", 2)]
    edges = pd.DataFrame(rows, columns=["term_a", "term_b", "weight"])
    path = tmp_path / "net.png"
    figure = plotting.plot_cooccurrence_network(edges, path=path)
    _assert_renders_cleanly(figure)
    ax = figure.axes[0]
    labels = [t for t in ax.texts if t.get_text()]
    assert sorted(t.get_text() for t in labels) == sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    assert _overlapping_pairs(_text_boxes(figure, labels)) == []
    assert "node size = summed edge weight" in ax.get_xlabel() and "colour = community" in ax.get_xlabel()
    # Two-term components are grey; the larger components are not.
    nodes = ax.collections[-1]
    names = sorted(set(edges.term_a) | set(edges.term_b))
    colours = {n: tuple(np.round(c[:3], 3)) for n, c in zip(names, nodes.get_facecolors())}
    grey = tuple(np.round(mpl.colors.to_rgb("#bdbdbd"), 3))
    assert colours["人工智能"] == colours["区块链"] == grey
    assert colours["网信办"] != grey


def _timeline() -> pd.DataFrame:
    rows = []
    for term, rates in {"城市大脑": [0, None, 2.0, 3.0], "物联网": [1.0, None, 0, 2.0], "时空大数据": [0, None, 0, 0]}.items():
        for year, rate in zip([2018, 2019, 2020, 2021], rates):
            n_docs = 0 if rate is None else 2
            count = 0 if not rate else 3
            rows.append({"term": term, "year": year, "n_docs": n_docs, "count": count, "rate_per_10k": rate})
    return pd.DataFrame(rows)


def test_term_timelines_shade_years_without_documents(tmp_path):
    from matplotlib.patches import Rectangle

    path = tmp_path / "timelines.png"
    figure = plotting.plot_term_timelines(_timeline(), patterns={"城市大脑": "城市(数据)?大脑", "物联网": "物联网"},
                                          ncols=2, path=path)
    _assert_renders_cleanly(figure)
    _assert_png(path)
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
    _assert_renders_cleanly(figure)
    _assert_png(path)
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
    _assert_renders_cleanly(full)


def test_reuse_network_rows_labels_and_legend(tmp_path):
    import networkx as nx

    g = nx.DiGraph()
    nodes = {
        "a": dict(level="ministry", year=2014, title="国家发改委等八部委关于印发促进智慧城市健康发展的指导意见的通知",
                  short_title="促进智慧城市健康发展的指导意见", region="全国"),
        "b": dict(level="provincial", year=2020, short_title="加快推进新型智慧城市建设的指导意见", region="山东", title="t"),
        "c": dict(level="provincial", year=2020, short_title="加快新型智慧城市建设的指导意见", region="四川", title="t"),
        "d": dict(level="provincial", year=2020, short_title="数字山东", region="山东", title="t2"),
        "e": dict(level="prefecture", year=2020, title="《郑州市人民政府关于加快推进新型智慧城市建设的指导意见》解读",
                  short_title="解读", region="河南"),
        "f": dict(level="central", year=2021, title="国务院关于印发“十四五”数字经济发展规划的通知",
                  short_title="“十四五”数字经济发展规划", region="全国"),
    }
    for node, attrs in nodes.items():
        g.add_node(node, **attrs)
    g.add_edge("a", "b", weight=900)
    g.add_edge("a", "c", weight=300)
    g.add_edge("a", "e", weight=50)
    path = tmp_path / "reuse.png"
    figure = plotting.plot_reuse_network(g, path=path)
    _assert_renders_cleanly(figure)
    _assert_png(path)
    ax = figure.axes[0]
    # One y per level: no node between level rows.
    offsets = ax.collections[0].get_offsets()
    assert sorted(set(np.round(offsets[:, 1], 9))) == [-3.0, -2.0, -1.0, 0.0]
    provincial = offsets[np.isclose(offsets[:, 1], -2.0)]
    assert len(provincial) == 3 and len(set(np.round(provincial[:, 0], 6))) == 3
    assert np.all(np.abs(provincial[:, 0] - 2020) < 0.5)
    labels = [t for t in ax.texts if t.get_text()]
    assert len(labels) == len(nodes)  # faint nodes too
    heads = sorted(t.get_text().split("\n")[0] for t in labels)
    assert heads == sorted(["国家发改委等八部委 2014", "山东 2020", "四川 2020", "山东 2020", "郑州 2020", "国务院 2021"])
    assert _overlapping_pairs(_text_boxes(figure, labels)) == []
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"ministry", "provincial", "prefecture", "central"} <= set(legend)
    assert "900 reused characters" in legend and "faint = no reuse" in legend
    custom = plotting.plot_reuse_network(g, labels={"a": "源文件"})
    assert "源文件" in [t.get_text() for t in custom.axes[0].texts]


def test_wordcloud_in_one_colour():
    freq = term_frequencies(CORPUS)
    figure = plotting.plot_wordcloud(freq, width=400, height=300, color="#009E73")
    pixels = figure.axes[0].images[0].get_array().reshape(-1, 3)
    ink = pixels[(pixels != 255).any(axis=1)]
    colours, counts = np.unique(ink, axis=0, return_counts=True)
    assert tuple(colours[np.argmax(counts)]) == (0, 158, 115)
