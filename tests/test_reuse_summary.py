"""Pair table, reuse_by_level and reuse_network."""

from __future__ import annotations

import random

import networkx as nx
import pandas as pd
import pytest

from analysis.reuse import (
    LEVELS,
    PAIR_COLUMNS,
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
