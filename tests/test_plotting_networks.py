"""Tests for analysis.plotting.networks: the co-occurrence network, its backbone and the component layout."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import matplotlib as mpl
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from analysis import plotting
from analysis.frequency import cooccurrence
from analysis.plotting import base
from analysis.plotting.networks import component_layout, cooccurrence_backbone
from plotting_checks import assert_png, assert_renders_cleanly, overlapping_pairs, text_boxes

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


def _label_positions(ax: Axes) -> dict[str, tuple[float, float]]:
    return {t.get_text(): t.get_position() for t in ax.texts}


def test_plot_cooccurrence_network_is_reproducible(tmp_path):
    edges = cooccurrence(CORPUS, unit="sentence", min_count=1)
    path = tmp_path / "net.png"
    ax = plotting.plot_cooccurrence_network(edges, top_edges=20, path=path)
    assert isinstance(ax, Axes)
    assert_renders_cleanly(ax.figure)
    assert_png(path)
    again = plotting.plot_cooccurrence_network(edges, top_edges=20)
    assert _label_positions(ax) == _label_positions(again)
    assert len(_label_positions(ax)) >= 5
    empty = plotting.plot_cooccurrence_network(edges.iloc[:0])
    assert_renders_cleanly(empty.figure)


def test_network_layout_does_not_depend_on_the_hash_seed():
    """Figures must be identical run to run; str hashing is salted per process."""
    script = (
        "import json, networkx as nx\n"
        "from analysis.plotting.networks import component_layout\n"
        "g = nx.Graph()\n"
        "g.add_weighted_edges_from([('数据', '共享', 3), ('共享', '开放', 2), ('数据', '开放', 1),"
        " ('交通', '出行', 2), ('医疗', '健康', 1), ('健康', '养老', 1)])\n"
        "pos = component_layout(g, 42)\n"
        "print(json.dumps({k: [round(float(x), 6) for x in v] for k, v in sorted(pos.items())}))\n"
    )
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1]


def test_component_layout_packs_components_apart():
    g = nx.Graph()
    g.add_weighted_edges_from([("数据", "共享", 3), ("共享", "开放", 2), ("交通", "出行", 2)])
    pos = component_layout(g, 42)
    assert set(pos) == set(g.nodes)
    assert pos["交通"][0] == pos["出行"][0]  # a pair is drawn one node above the other
    big = np.array([pos[n] for n in ("数据", "共享", "开放")])
    pair = np.array([pos[n] for n in ("交通", "出行")])
    # Separate cells: the bounding boxes of the two components do not meet.
    apart_x = big[:, 0].max() < pair[:, 0].min() or pair[:, 0].max() < big[:, 0].min()
    apart_y = big[:, 1].max() < pair[:, 1].min() or pair[:, 1].max() < big[:, 1].min()
    assert apart_x or apart_y


def _jaccard_like_edges() -> pd.DataFrame:
    # Shaped like the corpus's Jaccard network: a 7-term chain, dense triangles and many two-term components.
    rows = [
        ("发展改革委", "省委", 5),
        ("发展改革委", "网信办", 5),
        ("省委", "网信办", 5),
        ("网信办", "工业", 2),
        ("发展改革委", "工业", 1),
        ("分工负责", "职责", 4),
        ("职责", "牵头单位", 3),
        ("分工负责", "牵头单位", 3),
        ("人工智能", "区块链", 3),
        ("幸福感", "获得感", 3),
        ("信息资源", "开发利用", 2),
        ("新业态", "新模式", 2),
        ("事项", "政务服务", 2),
        ("体验", "市民", 2),
        ("便民", "惠民", 2),
        ("导向", "问题", 2),
        ("建设", "新型智慧城市", 2),
        ("提供", "支撑", 2),
        ("文化", "旅游", 2),
        ("模式", "积极探索", 2),
        ("环境", "监测", 2),
        ("主体", "责任", 2),
        ("评价", "评价指标", 3),
        ("评价指标", "填报", 2),
        ("填报", "系统", 2),
        ("评价", "工作", 2),
        ("评价", "组织", 2),
        ("组织", "领导", 2),
    ]
    return pd.DataFrame(rows, columns=["term_a", "term_b", "weight"])


def test_cooccurrence_labels_do_not_overlap(tmp_path):
    edges = _jaccard_like_edges()
    path = tmp_path / "net.png"
    ax = plotting.plot_cooccurrence_network(edges, backbone=False, path=path)  # every edge: many pairs
    assert_renders_cleanly(ax.figure)
    labels = [t for t in ax.texts if t.get_text()]
    assert sorted(t.get_text() for t in labels) == sorted(set(edges.term_a) | set(edges.term_b))
    assert overlapping_pairs(text_boxes(ax.figure, labels)) == []
    assert "node size = summed edge weight" in ax.get_xlabel() and "colour = community" in ax.get_xlabel()
    # Two-term components are grey; the larger components are not.
    nodes = ax.collections[-1]
    names = sorted(set(edges.term_a) | set(edges.term_b))
    colours = {n: tuple(np.round(c[:3], 3)) for n, c in zip(names, nodes.get_facecolors())}
    grey = tuple(np.round(mpl.colors.to_rgb("#bdbdbd"), 3))
    assert colours["人工智能"] == colours["区块链"] == grey
    assert colours["网信办"] != grey


def test_cooccurrence_labels_only_the_largest_nodes():
    edges = _jaccard_like_edges()
    ax = plotting.plot_cooccurrence_network(edges, max_labels=5)
    shown = {t.get_text() for t in ax.texts if t.get_text()}
    assert len(shown) == 5
    assert {"网信办", "发展改革委", "省委"} <= shown  # the largest summed weights (12, 11, 10); then ties at 7
    assert "labels: the 5 largest nodes" in ax.get_xlabel().replace("\n", " ")


def test_cooccurrence_network_into_a_given_axes():
    figure = base.new_figure((12, 6))
    left, right = figure.subplots(1, 2)
    assert plotting.plot_cooccurrence_network(_jaccard_like_edges(), ax=right) is right
    assert not left.texts and right.texts


def _two_clusters_and_pairs() -> pd.DataFrame:
    # Hand-built: a strong triangle 数据-共享-开放, a chain 交通-出行-停车, weak links between them, one pair.
    rows = [
        ("共享", "数据", 9, 20, 30),
        ("开放", "数据", 8, 12, 30),
        ("共享", "开放", 7, 20, 12),
        ("交通", "出行", 6, 15, 10),
        ("出行", "停车", 5, 10, 8),
        ("数据", "交通", 2, 30, 15),
        ("开放", "停车", 1, 12, 8),
        ("幸福感", "获得感", 4, 5, 5),
    ]
    return pd.DataFrame(rows, columns=["term_a", "term_b", "weight", "count_a", "count_b"])


def test_backbone_is_the_maximum_spanning_tree_of_the_top_terms_plus_strongest_links():
    edges = _two_clusters_and_pairs()
    kept = cooccurrence_backbone(edges, n_terms=6, top_edges=6)
    # Top 6 terms by units containing them: 数据 30, 共享 20, 交通 15, 开放 12, 出行 10, 停车 8 (not 幸福感/获得感 5).
    terms = set(kept.term_a) | set(kept.term_b)
    assert terms == {"数据", "共享", "交通", "开放", "出行", "停车"}
    tree = kept[kept.backbone]
    # By hand (Kruskal): 共享-数据 9, 开放-数据 8, (共享-开放 7 closes a cycle), 交通-出行 6, 出行-停车 5, 数据-交通 2.
    assert sorted(zip(tree.term_a, tree.term_b)) == sorted(
        [("共享", "数据"), ("开放", "数据"), ("交通", "出行"), ("出行", "停车"), ("数据", "交通")]
    )
    g = nx.Graph(list(zip(tree.term_a, tree.term_b)))
    assert nx.is_connected(g) and g.number_of_edges() == len(terms) - 1
    extra = kept[~kept.backbone]
    assert list(zip(extra.term_a, extra.term_b)) == [("共享", "开放")]  # the strongest non-tree edge; 6 in all


def test_backbone_keeps_the_whole_tree_and_works_without_count_columns():
    edges = _two_clusters_and_pairs().drop(columns=["count_a", "count_b"])
    kept = cooccurrence_backbone(edges, n_terms=3, top_edges=1)
    # By summed weight: 数据 19, 共享 16, 开放 16 -> a triangle whose tree has 2 edges, more than top_edges.
    assert set(kept.term_a) | set(kept.term_b) == {"数据", "共享", "开放"}
    assert kept.backbone.tolist() == [True, True]
    # Disconnected top terms give a forest, not an error.
    forest = cooccurrence_backbone(edges, n_terms=8, top_edges=0)
    assert forest.backbone.all() and len(forest) == 8 - 2  # two components: 6 terms and a pair


def test_cooccurrence_network_draws_a_connected_backbone_on_the_seeds(seed_corpus, tmp_path):
    corpus = seed_corpus[seed_corpus.duplicate_of == ""]
    edges = cooccurrence(corpus, unit="sentence", min_count=5)
    ax = plotting.plot_cooccurrence_network(edges, top_edges=50, weight="jaccard", path=tmp_path / "c.png")
    assert_png(tmp_path / "c.png") and (tmp_path / "c.svg").is_file()
    kept = cooccurrence_backbone(edges, n_terms=40, top_edges=50, weight="jaccard")
    g = nx.Graph(list(zip(kept.term_a, kept.term_b)))
    assert g.number_of_nodes() == 40 and nx.is_connected(g)  # the old top-50 edges were mostly isolated pairs
    old = edges.nlargest(50, "jaccard", keep="first")
    assert nx.number_connected_components(nx.Graph(list(zip(old.term_a, old.term_b)))) > 10
    assert "maximum spanning tree" in ax.get_xlabel().replace("\n", " ")
    labels = [t for t in ax.texts if t.get_text()]
    assert len(labels) == 40
    assert_renders_cleanly(ax.figure)
    assert overlapping_pairs(text_boxes(ax.figure, labels)) == []
