"""Pair table, reuse_by_level and reuse_network."""

from __future__ import annotations

import random

import networkx as nx
import pandas as pd
import pytest

from analysis.reuse import (
    LEVELS,
    PAIR_COLUMNS,
    aggregate_network,
    find_reuse,
    reuse_by_level,
    reuse_network,
)
from reuse_corpora import (
    P_SERVICES,
    compose,
    corpus_of,
    level_corpus,
)


def test_reuse_by_level_hand_checked():
    corpus, n = level_corpus()
    result = find_reuse(corpus)
    assert set(zip(result.pairs.source_doc_id, result.pairs.target_doc_id)) == {("C", "P"), ("C", "T"), ("P", "T")}
    table = reuse_by_level(corpus, result).set_index("doc_id")
    t = table.loc["T"]
    # Z reaches T from both C and P: counted once per level, once in share_any
    assert t.share_from_central == pytest.approx((n["x"] + n["z"]) / n["T"])
    assert t.share_from_provincial == pytest.approx((n["y"] + n["z"]) / n["T"])
    assert t.share_any == pytest.approx((n["x"] + n["y"] + n["z"]) / n["T"])
    assert t.share_from_ministry == 0 and t.share_from_county == 0
    assert table.loc["C"].share_any == 0
    assert table.loc["P"].share_from_central > 0
    share_cols = ["share_any"] + [f"share_from_{lvl}" for lvl in LEVELS]
    assert ((table[share_cols] >= 0) & (table[share_cols] <= 1)).all().all()
    # the passage table works as input too; the pair table has no offsets
    pd.testing.assert_frame_equal(reuse_by_level(corpus, result.passages), table.reset_index())
    with pytest.raises(ValueError, match="passage"):
        reuse_by_level(corpus, result.pairs)


def test_reuse_by_level_shares_stay_in_unit_interval_when_sources_overlap():
    # T is P_SERVICES copied from 8 central sources at once: many overlapping passages
    rng = random.Random(15)
    docs = [
        {"doc_id": f"c{i}", "text": compose(rng, [P_SERVICES])[0], "level": "central", "date": f"201{i}-01-01"}
        for i in range(4)
    ]
    docs.append({"doc_id": "T", "text": P_SERVICES, "level": "county", "date": "2020"})
    corpus = corpus_of(*docs)
    table = reuse_by_level(corpus, find_reuse(corpus, boilerplate_df=10)).set_index("doc_id")
    assert table.loc["T"].share_from_central == pytest.approx(1.0)
    assert table.loc["T"].share_any == pytest.approx(1.0)


def test_pair_table_is_sorted_and_consistent_with_passages():
    corpus, _ = level_corpus()
    result = find_reuse(corpus)
    pairs, passages = result  # unpacking
    assert list(pairs.columns) == PAIR_COLUMNS
    assert pairs.score.is_monotonic_decreasing
    counts = passages.groupby(["source_doc_id", "target_doc_id"]).size()
    for row in pairs.itertuples():
        assert row.n_passages == counts[(row.source_doc_id, row.target_doc_id)]
        assert 0 < row.target_share <= 1 and 0 < row.source_share <= 1
        assert 0 < row.similarity <= 1
    text = corpus.set_index("doc_id").text
    for row in passages.itertuples():
        assert text[row.source_doc_id][row.source_start : row.source_end] == row.source_text
        assert text[row.target_doc_id][row.target_start : row.target_end] == row.target_text
        assert row.aligned_chars == row.target_end - row.target_start


def test_reuse_network_has_all_documents_and_weighted_edges():
    corpus, _ = level_corpus()
    result = find_reuse(corpus)
    g = reuse_network(corpus, result)
    assert isinstance(g, nx.DiGraph)
    assert set(g.nodes) == {"C", "P", "T"}
    assert g.nodes["C"]["level"] == "central" and g.nodes["T"]["year"] == 2019
    assert g.nodes["P"]["title"] == "t1"
    for row in result.pairs.itertuples():
        assert g.edges[row.source_doc_id, row.target_doc_id]["weight"] == row.aligned_chars
    assert not g.has_edge("T", "C")
    high = reuse_network(corpus, result.pairs, min_score=result.pairs.score.max())
    assert high.number_of_edges() == 1 and high.number_of_nodes() == 3


def _jurisdiction_graph() -> nx.DiGraph:
    g = nx.DiGraph()
    docs = {
        "a": ("ministry", 2014, "全国", "国家发展改革委", "关于促进智慧城市健康发展的指导意见"),
        "b": ("prefecture", 2019, "河南", "郑州市人民政府", "郑州市人民政府关于加快推进新型智慧城市建设的意见"),
        "c": ("prefecture", 2021, "河南", "郑州市人民政府办公厅", "关于印发郑州市城市大脑建设方案的通知"),
        "d": ("prefecture", 2020, "河南", "洛阳市人民政府", "洛阳市新型智慧城市建设实施方案"),
        "e": ("provincial", 2018, "河南", "河南省人民政府", "河南省新型智慧城市建设指导意见"),
        "f": ("prefecture", 2022, "河南", "开封市人民政府", "开封市智慧城市建设方案"),
    }
    for doc, (level, year, region, issuer, title) in docs.items():
        g.add_node(doc, level=level, year=year, region=region, issuer=issuer, title=title)
    for source, target, chars in [("a", "b", 100), ("a", "c", 50), ("a", "d", 30), ("b", "c", 20), ("e", "d", 10)]:
        g.add_edge(source, target, weight=chars)
    g.add_edge("a", "f", weight=5)
    return g


def test_aggregate_network_by_jurisdiction_hand_checked():
    agg = aggregate_network(_jurisdiction_graph())
    assert sorted(agg.nodes) == [
        "ministry|国家发展改革委",
        "prefecture|开封",
        "prefecture|洛阳",
        "prefecture|郑州",
        "provincial|河南",
    ]
    zheng = agg.nodes["prefecture|郑州"]
    assert (zheng["n_docs"], zheng["year"], zheng["first_year"], zheng["last_year"]) == (2, 2020, 2019, 2021)
    assert zheng["within_weight"] == 20  # b -> c stays inside 郑州: not an edge
    assert agg.edges["ministry|国家发展改革委", "prefecture|郑州"] == {"weight": 150, "n_pairs": 2}
    assert agg.edges["provincial|河南", "prefecture|洛阳"] == {"weight": 10, "n_pairs": 1}
    assert agg.number_of_edges() == 4 and agg.graph == {"aggregated_by": "jurisdiction", "n_documents": 6}


def test_aggregate_network_merges_the_smallest_groups_of_a_level():
    # 5 groups, 3 levels, max_groups 4: keep the 1 group with most reuse (郑州: 190 characters); the two
    # remaining prefecture groups (洛阳 40, 开封 5) become 其他; a level with one group left keeps its name.
    agg = aggregate_network(_jurisdiction_graph(), max_groups=4)
    assert sorted(agg.nodes) == ["ministry|国家发展改革委", "prefecture|其他", "prefecture|郑州", "provincial|河南"]
    assert agg.nodes["prefecture|其他"]["n_docs"] == 2
    assert agg.edges["ministry|国家发展改革委", "prefecture|其他"] == {"weight": 35, "n_pairs": 2}
    by_level = aggregate_network(_jurisdiction_graph(), by="level")
    assert sorted(by_level.nodes) == ["ministry|ministry", "prefecture|prefecture", "provincial|provincial"]
    assert by_level.nodes["prefecture|prefecture"]["within_weight"] == 20
    with pytest.raises(ValueError, match="by must be"):
        aggregate_network(_jurisdiction_graph(), by="region")


def test_aggregate_network_of_one_undated_document():
    g = nx.DiGraph()
    g.add_node("x", level="county", year=None, region="四川", title="某县智慧城市方案")
    agg = aggregate_network(g)
    assert agg.number_of_nodes() == 1 and agg.number_of_edges() == 0
    (node,) = agg.nodes(data=True)
    assert node[1]["n_docs"] == 1 and node[1]["year"] is None
