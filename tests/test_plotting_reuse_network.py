"""Tests for analysis.plotting.reuse_network: documents or jurisdictions by year and level, arrows source -> target."""

from __future__ import annotations

import networkx as nx
import numpy as np
from matplotlib.axes import Axes

from analysis import plotting
from analysis.plotting import base
from plotting_checks import assert_png, assert_renders_cleanly, overlapping_pairs, text_boxes


def _label_positions(ax: Axes) -> dict[str, tuple[float, float]]:
    return {t.get_text(): t.get_position() for t in ax.texts}


def _reuse_graph() -> nx.DiGraph:
    g = nx.DiGraph()
    nodes = {
        "a": dict(
            level="ministry",
            year=2014,
            title="国家发改委等八部委关于印发促进智慧城市健康发展的指导意见的通知",
            short_title="促进智慧城市健康发展的指导意见",
            region="全国",
        ),
        "b": dict(
            level="provincial", year=2020, short_title="加快推进新型智慧城市建设的指导意见", region="山东", title="t"
        ),
        "c": dict(
            level="provincial", year=2020, short_title="加快新型智慧城市建设的指导意见", region="四川", title="t"
        ),
        "d": dict(level="provincial", year=2020, short_title="数字山东", region="山东", title="t2"),
        "e": dict(
            level="prefecture",
            year=2020,
            title="《郑州市人民政府关于加快推进新型智慧城市建设的指导意见》解读",
            short_title="解读",
            region="河南",
        ),
        "f": dict(
            level="central",
            year=2021,
            title="国务院关于印发“十四五”数字经济发展规划的通知",
            short_title="“十四五”数字经济发展规划",
            region="全国",
        ),
    }
    for node, attrs in nodes.items():
        g.add_node(node, **attrs)
    g.add_edge("a", "b", weight=900)
    g.add_edge("a", "c", weight=300)
    g.add_edge("a", "e", weight=50)
    return g


def test_reuse_network_rows_labels_and_legend(tmp_path):
    g = _reuse_graph()
    path = tmp_path / "reuse.png"
    ax = plotting.plot_reuse_network(g, path=path)
    assert isinstance(ax, Axes)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    # One y per level: no node between level rows.
    offsets = ax.collections[0].get_offsets()
    assert sorted(set(np.round(offsets[:, 1], 9))) == [-3.0, -2.0, -1.0, 0.0]
    provincial = offsets[np.isclose(offsets[:, 1], -2.0)]
    assert len(provincial) == 3 and len(set(np.round(provincial[:, 0], 6))) == 3
    assert np.all(np.abs(provincial[:, 0] - 2020) < 0.5)
    labels = [t for t in ax.texts if t.get_text()]
    assert len(labels) == g.number_of_nodes()  # faint nodes too
    heads = sorted(t.get_text().split("\n")[0] for t in labels)
    assert heads == sorted(
        ["国家发改委等八部委 2014", "山东 2020", "四川 2020", "山东 2020", "郑州 2020", "国务院 2021"]
    )
    assert overlapping_pairs(text_boxes(ax.figure, labels)) == []
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"ministry", "provincial", "prefecture", "central"} <= set(legend)
    assert "900 reused characters" in legend and "faint = no reuse" in legend
    custom = plotting.plot_reuse_network(g, labels={"a": "源文件"})
    assert "源文件" in [t.get_text() for t in custom.texts]


def test_reuse_network_is_reproducible_and_caps_labels():
    g = _reuse_graph()
    assert _label_positions(plotting.plot_reuse_network(g)) == _label_positions(plotting.plot_reuse_network(g))
    few = plotting.plot_reuse_network(g, max_labels=2)
    heads = sorted(t.get_text().split("\n")[0] for t in few.texts if t.get_text())
    assert heads == ["国家发改委等八部委 2014", "山东 2020"]  # most reused characters: a (1,250), b (900)


def test_reuse_network_into_a_given_axes():
    figure = base.new_figure((12, 8))
    top, bottom = figure.subplots(2, 1)
    assert plotting.plot_reuse_network(_reuse_graph(), ax=bottom) is bottom
    assert not top.texts and bottom.texts


def _many_documents(n: int, seed: int = 0) -> nx.DiGraph:
    """A reuse graph of ``n`` documents from 12 cities and 4 provinces, each reusing about 3 earlier ones."""
    rng = np.random.default_rng(seed)
    cities = "郑州 洛阳 开封 成都 绵阳 德阳 杭州 宁波 温州 济南 青岛 烟台".split()
    provinces = "河南 四川 浙江 山东".split()
    g = nx.DiGraph()
    for i in range(n):
        level = ["ministry", "provincial", "prefecture", "prefecture"][i % 4]
        c = int(rng.integers(0, len(cities)))
        province = provinces[c // 3]
        issuer = {"ministry": "国家发展改革委", "provincial": f"{province}省人民政府"}.get(
            level, f"{cities[c]}市人民政府"
        )
        g.add_node(
            f"d{i:04d}",
            level=level,
            year=2014 + i * 10 // n,
            region="全国" if level == "ministry" else province,
            issuer=issuer,
            title=f"{issuer}关于推进智慧城市建设的意见",
            short_title="推进智慧城市建设的意见",
        )
    for t in range(1, n):
        for s in rng.choice(t, size=min(t, 3), replace=False):
            g.add_edge(f"d{s:04d}", f"d{t:04d}", weight=int(rng.integers(30, 3000)))
    return g


def test_a_large_network_is_drawn_by_jurisdiction_with_bounded_nodes_edges_and_labels(tmp_path):
    g = _many_documents(300)
    ax = plotting.plot_reuse_network(g, max_edges=30, max_labels=10, path=tmp_path / "r.png")
    assert_png(tmp_path / "r.png") and (tmp_path / "r.svg").is_file()
    assert_renders_cleanly(ax.figure)
    nodes = ax.collections[0].get_offsets()
    # ministry 1 (国家发展改革委) + provincial 4 + prefecture 12 jurisdictions, well under max_groups=40.
    assert len(nodes) == 17
    arrows, heads = ax.collections[1], ax.collections[2]
    assert len(arrows.get_segments()) == 30 and len(heads.get_paths()) == 30
    labels = [t for t in ax.texts if t.get_text()]
    assert len(labels) == 10
    assert all(t.get_text().split("\n")[0].endswith(")") for t in labels)  # "郑州 (25)"
    note = ax.get_xlabel().replace("\n", " ")
    assert "300 dated documents grouped into 17 jurisdictions" in note
    assert "the 30 strongest of" in note and "labels: the 10 nodes with most reuse" in note
    assert overlapping_pairs(text_boxes(ax.figure, labels)) == []


def test_max_groups_merges_jurisdictions_into_other_and_level_view():
    g = _many_documents(120)
    ax = plotting.plot_reuse_network(g, max_groups=8, max_labels=None)
    names = {t.get_text().split(" (")[0] for t in ax.texts if t.get_text()}
    assert "其他" in names and len(ax.collections[0].get_offsets()) <= 8
    assert "其他 = the remaining jurisdictions of a level" in ax.get_xlabel().replace("\n", " ")
    by_level = plotting.plot_reuse_network(g, aggregate="level")
    assert len(by_level.collections[0].get_offsets()) == 3
    small = plotting.plot_reuse_network(_reuse_graph(), aggregate="jurisdiction")
    assert len(small.collections[0].get_offsets()) == 5  # six documents; 山东's two provincial ones are one node


def test_reuse_network_of_one_document_or_only_undated_ones():
    one = nx.DiGraph()
    one.add_node("a", level="county", year=2021, region="四川", title="某县智慧城市建设方案", short_title="方案")
    ax = plotting.plot_reuse_network(one)
    assert len(ax.collections[0].get_offsets()) == 1 and len([t for t in ax.texts if t.get_text()]) == 1
    undated = nx.DiGraph()
    undated.add_node("a", level="county", year=None, region="四川", title="某县方案")
    undated.add_node("b", level="prefecture", year=None, region="四川", title="成都市方案")
    undated.add_edge("a", "b", weight=100)
    for aggregate in ("auto", "jurisdiction"):
        empty = plotting.plot_reuse_network(undated, aggregate=aggregate)
        assert not [t for t in empty.texts if t.get_text()]
