"""Tests for analysis.reuse (passage-level text reuse).

Documents are built from random CJK ideographs (filler: no two documents
share a run of ten characters by chance) around real passages of the 2014
NDRC smart-city guidance, so every planted passage has a known position.
Offsets are checked exactly: passages start and end at the first and last
matched letter/digit, and the filler next to a passage differs between
source and target, so no edge tolerance is needed.
"""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.reuse as reuse_module
from analysis.reuse import (
    LEVELS,
    PAIR_COLUMNS,
    PASSAGE_COLUMNS,
    ReuseResult,
    align_passages,
    find_reuse,
    format_alignment_html,
    reuse_by_level,
    reuse_network,
)

# passages of 关于促进智慧城市健康发展的指导意见 (2014)
P_SERVICES = ("在教育文化、医疗卫生、计划生育、劳动就业、社会保障、住房保障、环境保护、交通出行、"
              "防灾减灾、检验检测等公共服务领域,基本建成覆盖城乡居民、农民工及其随迁家属的信息服务"
              "体系,公众获取基本公共服务更加方便、及时、高效")
P_PRINCIPLE = ("以城市发展需求为导向,根据城市地理区位、历史文化、资源禀赋、产业特色、信息化基础等,"
               "应用先进适用技术科学推进智慧城市建设。在综合条件较好的区域或重点领域先行先试,"
               "有序推动智慧城市发展,避免贪大求全、重复建设")
P_OPEN = ("鼓励市政公用企事业单位、公共服务事业单位等机构将教育、医疗、就业、旅游、生活等信息资源"
          "向社会开放。支持社会力量应用信息资源发展便民、惠民、实用的新型信息服务")
P_CLOUD = ("鼓励电子政务系统向云计算模式迁移。在教育、医疗卫生、劳动就业、社会保障等重点民生领域,"
           "推广低成本、高质量、广覆盖的云服务,支持各类企业充分利用公共云计算服务资源")
BOILERPLATE = [
    "以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大和十九届二中、三中全会精神",
    "坚持以人民为中心的发展思想,牢固树立创新、协调、绿色、开放、共享的新发展理念",
    "各地区、各部门要充分认识推进新型智慧城市建设的重要意义,切实加强组织领导",
]


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def filler(rng: random.Random, n: int) -> str:
    """Random ideographs with punctuation, starting and ending with an ideograph."""
    out = []
    while len(out) < n:
        out.extend(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(8, 20)))
        out.append(rng.choice("，。、"))
    return "".join(out[:n - 1]) + chr(rng.randint(0x4E00, 0x9FA5))


def compose(rng: random.Random, parts: list[str],
            gap: int = 150) -> tuple[str, list[tuple[int, int]]]:
    """Join filler and ``parts``; return the text and the span of each part."""
    text, spans = filler(rng, gap), []
    for part in parts:
        text += "。"
        spans.append((len(text), len(text) + len(part)))
        text += part + "。" + filler(rng, gap)
    return text, spans


def corpus_of(*docs: dict) -> pd.DataFrame:
    rows = []
    for i, d in enumerate(docs):
        date = d.get("date", f"{2010 + i}-01-01")
        rows.append({"doc_id": d.get("doc_id", f"d{i}"), "title": d.get("title", f"t{i}"),
                     "level": d.get("level", "provincial"), "region": "全国",
                     "date": date, "year": int(date[:4]), "text": d["text"]})
    return pd.DataFrame(rows)


def only_passage(result: ReuseResult, source: str, target: str) -> pd.Series:
    p = result.passages
    sel = p[(p.source_doc_id == source) & (p.target_doc_id == target)]
    assert len(sel) == 1, sel
    return sel.iloc[0]


def edit(text: str, ops: list[tuple[str, int, str]]) -> str:
    """Apply (kind, position, chars) edits from the end backwards."""
    chars = list(text)
    for kind, pos, new in sorted(ops, key=lambda o: -o[1]):
        if kind == "sub":
            chars[pos:pos + len(new)] = list(new)
        elif kind == "ins":
            chars[pos:pos] = list(new)
        elif kind == "del":
            del chars[pos:pos + int(new)]
    return "".join(chars)


# --------------------------------------------------------------------------
# recovery of planted passages
# --------------------------------------------------------------------------
def test_exact_copy_is_recovered_with_exact_offsets():
    rng = random.Random(1)
    src, (s_span,) = compose(rng, [P_PRINCIPLE])
    tgt, (t_span,) = compose(rng, [P_PRINCIPLE], gap=300)
    corpus = corpus_of({"doc_id": "old", "text": src, "date": "2014-08-27"},
                       {"doc_id": "new", "text": tgt, "date": "2019-02-18"})
    result = find_reuse(corpus)
    row = only_passage(result, "old", "new")
    assert (row.source_start, row.source_end) == s_span
    assert (row.target_start, row.target_end) == t_span
    assert src[row.source_start:row.source_end] == row.source_text == P_PRINCIPLE
    assert tgt[row.target_start:row.target_end] == row.target_text == P_PRINCIPLE
    assert row.similarity == pytest.approx(1.0)
    pair = result.pairs.iloc[0]
    assert pair.aligned_chars == len(P_PRINCIPLE)
    assert pair.target_share == pytest.approx(len(P_PRINCIPLE) / len(tgt))
    assert pair.source_share == pytest.approx(len(P_PRINCIPLE) / len(src))
    assert pair.score == pytest.approx(len(P_PRINCIPLE))


@pytest.mark.parametrize("ops", [
    [("sub", 40, "甲"), ("sub", 90, "乙丙")],                 # substitutions
    [("ins", 35, "深入推进"), ("ins", 100, "和")],             # insertions
    [("del", 30, "2"), ("del", 80, "3")],                     # deletions
    [("sub", 25, "丁"), ("ins", 60, "全面"), ("del", 110, "1")],  # mixed
], ids=["substitute", "insert", "delete", "mixed"])
def test_edited_copy_is_recovered_with_exact_offsets(ops):
    rng = random.Random(2)
    copied = edit(P_SERVICES, ops)
    assert copied != P_SERVICES
    src, (s_span,) = compose(rng, [P_SERVICES])
    tgt, (t_span,) = compose(rng, [copied])
    corpus = corpus_of({"doc_id": "a", "text": src}, {"doc_id": "b", "text": tgt})
    row = only_passage(find_reuse(corpus), "a", "b")
    assert (row.source_start, row.source_end) == s_span
    assert (row.target_start, row.target_end) == t_span
    assert row.target_text == copied and row.source_text == P_SERVICES
    assert 0.85 < row.similarity < 1.0


def test_hebei_style_rewording_is_one_passage():
    # Hebei 2019 dropped 计划生育 and 检验检测 from the 2014 list and rephrased the end
    hebei = ("在教育文化、医疗卫生、劳动就业、社会保障、住房保障、环境保护、交通出行、防灾减灾等"
             "公共服务领域,基本建成覆盖城乡居民、农民工及其随迁家属的信息服务体系,"
             "公众获取公共服务更加方便、及时、高效")
    rng = random.Random(3)
    src, (s_span,) = compose(rng, [P_SERVICES])
    tgt, (t_span,) = compose(rng, [hebei])
    corpus = corpus_of({"doc_id": "ndrc", "text": src, "date": "2014-08-27"},
                       {"doc_id": "hebei", "text": tgt, "date": "2019-02-18"})
    row = only_passage(find_reuse(corpus), "ndrc", "hebei")
    assert (row.target_start, row.target_end) == t_span
    assert (row.source_start, row.source_end) == s_span
    assert row.similarity > 0.9


def test_punctuation_whitespace_and_fullwidth_digits_do_not_break_matching():
    rng = random.Random(4)
    passage = P_CLOUD + ",到2020年建成一批特色鲜明的智慧城市"
    reformatted = (passage.replace(",", ",\n  ").replace("、", ",").replace("。", "。 ")
                   .replace("2020", "２０２０"))
    src, (s_span,) = compose(rng, [passage])
    tgt, (t_span,) = compose(rng, [reformatted])
    corpus = corpus_of({"doc_id": "a", "text": src}, {"doc_id": "b", "text": tgt})
    row = only_passage(find_reuse(corpus), "a", "b")
    assert (row.target_start, row.target_end) == t_span
    assert row.target_text == reformatted
    assert row.source_text == passage
    assert row.similarity == pytest.approx(1.0)


def test_several_passages_in_one_pair_are_reported_separately():
    rng = random.Random(5)
    src, s_spans = compose(rng, [P_SERVICES, P_PRINCIPLE, P_OPEN])
    # the target copies two of them, in the opposite order
    tgt, t_spans = compose(rng, [P_OPEN, P_SERVICES])
    corpus = corpus_of({"doc_id": "a", "text": src}, {"doc_id": "b", "text": tgt})
    result = find_reuse(corpus)
    got = sorted(zip(result.passages.target_start, result.passages.target_end,
                     result.passages.source_start, result.passages.source_end))
    assert got == sorted([t_spans[0] + s_spans[2], t_spans[1] + s_spans[0]])
    pair = result.pairs.iloc[0]
    assert pair.n_passages == 2
    assert pair.aligned_chars == len(P_OPEN) + len(P_SERVICES)


def test_long_passage_with_scattered_edits_stays_one_passage():
    rng = random.Random(6)
    long_passage = "。".join([P_SERVICES, P_PRINCIPLE, P_OPEN, P_CLOUD])
    ops = [("sub", pos, "某") for pos in range(50, len(long_passage) - 50, 60)]
    copied = edit(long_passage, ops)
    src, (s_span,) = compose(rng, [long_passage])
    tgt, (t_span,) = compose(rng, [copied])
    corpus = corpus_of({"doc_id": "a", "text": src}, {"doc_id": "b", "text": tgt})
    row = only_passage(find_reuse(corpus), "a", "b")
    assert (row.target_start, row.target_end) == t_span
    assert (row.source_start, row.source_end) == s_span
    assert 0.95 < row.similarity < 1.0


def test_long_near_copy_is_one_fast_passage():
    # a reposted 30,000-character document with a substitution every 50
    # characters: aligned piecewise, so it takes well under a second
    rng = random.Random(18)
    original = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(30_000))
    copied = list(original)
    for pos in range(25, len(copied) - 25, 50):
        copied[pos] = "某"
    copied = "".join(copied)
    n_subs = sum(x != y for x, y in zip(original, copied))
    corpus = corpus_of({"doc_id": "a", "text": original}, {"doc_id": "b", "text": copied})
    row = only_passage(find_reuse(corpus), "a", "b")
    assert (row.target_start, row.target_end) == (0, len(copied))
    assert (row.source_start, row.source_end) == (0, len(original))
    assert row.similarity == pytest.approx(1 - n_subs / len(original), abs=1e-3)


def test_planted_reuse_in_a_random_corpus_is_recovered():
    rng = random.Random(7)
    n_docs = 40
    # documents as lists of sentences, so planted passages never split each other
    docs = [[filler(rng, rng.randint(30, 120)) for _ in range(rng.randint(8, 15))]
            for _ in range(n_docs)]
    planted = set()
    for _ in range(15):
        s, t = sorted(rng.sample(range(n_docs), 2))
        base = filler(rng, rng.randint(50, 300))          # unique to this plant
        kind = rng.choice(["sub", "ins", "del"])
        copy = edit(base, [(kind, rng.randint(15, len(base) - 15), "2" if kind == "del" else "改")])
        docs[s].insert(rng.randint(0, len(docs[s])), base)
        docs[t].insert(rng.randint(0, len(docs[t])), copy)
        planted.add((f"d{s:02d}", f"d{t:02d}", base, copy))
    corpus = corpus_of(*[{"doc_id": f"d{i:02d}", "text": "。".join(d), "date": f"{2000 + i}-05-01"}
                         for i, d in enumerate(docs)])
    result = find_reuse(corpus)
    found = {(r.source_doc_id, r.target_doc_id, r.source_text, r.target_text)
             for r in result.passages.itertuples()}
    # every planted copy recovered exactly, in the right direction, nothing else
    assert found == planted


# --------------------------------------------------------------------------
# boilerplate
# --------------------------------------------------------------------------
def boilerplate_corpus(n_docs: int, seed: int = 8) -> pd.DataFrame:
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        text, _ = compose(rng, BOILERPLATE, gap=rng.randint(100, 300))
        date = f"{2015 + i % 5}-0{1 + i % 9}-01"
        docs.append({"doc_id": f"b{i:02d}", "text": text, "date": date})
    return corpus_of(*docs)


def test_boilerplate_shared_by_many_documents_makes_no_pair():
    corpus = boilerplate_corpus(12)
    result = find_reuse(corpus)
    assert result.params["boilerplate_df_threshold"] == 5
    assert len(result.pairs) == 0 and len(result.passages) == 0
    assert result.params["n_boilerplate_shingles"] > 0
    # the same text is found once the phrases are no longer boilerplate
    assert len(find_reuse(corpus, boilerplate_df=50, max_sources=20).pairs) == math.comb(12, 2)


def test_boilerplate_inside_copied_passage_is_kept_but_discounted():
    corpus = boilerplate_corpus(12)
    rng = random.Random(9)
    # a copied passage wrapping a boilerplate sentence (which has no seeds),
    # longer on both sides than the extension window, so the two seeded
    # halves must be merged into one passage
    wrapped = "。".join([P_OPEN, P_CLOUD, BOILERPLATE[0], P_SERVICES, P_PRINCIPLE])
    src, _ = compose(rng, [wrapped])
    tgt, (t_span,) = compose(rng, [wrapped])
    extra = corpus_of({"doc_id": "x1", "text": src, "date": "2001-01-01"},
                      {"doc_id": "x2", "text": tgt, "date": "2002-01-01"})
    result = find_reuse(pd.concat([corpus, extra], ignore_index=True))
    assert list(zip(result.pairs.source_doc_id, result.pairs.target_doc_id)) == [("x1", "x2")]
    row = only_passage(result, "x1", "x2")
    assert (row.target_start, row.target_end) == t_span
    content = sum(ch.isalnum() for ch in wrapped)
    boiler = sum(ch.isalnum() for ch in BOILERPLATE[0])
    assert row.boilerplate_share == pytest.approx(boiler / content)
    pair = result.pairs.iloc[0]
    assert pair.score == pytest.approx(pair.aligned_chars * (1 - boiler / content))


def test_boilerplate_threshold_is_resolved_and_documented():
    corpus = boilerplate_corpus(12)
    assert find_reuse(corpus, boilerplate_df=0.5).params["boilerplate_df_threshold"] == 6
    assert find_reuse(corpus, boilerplate_df=7).params["boilerplate_df_threshold"] == 7
    result = find_reuse(corpus)
    assert result.pairs.attrs["reuse"]["boilerplate_df_threshold"] == 5
    assert "boilerplate" in result.pairs.attrs["reuse"]["boilerplate_method"]


# --------------------------------------------------------------------------
# direction
# --------------------------------------------------------------------------
def two_docs(date_a: str, date_b: str, level_a: str = "provincial",
             level_b: str = "provincial", ids: tuple[str, str] = ("a", "b")) -> pd.DataFrame:
    rng = random.Random(10)
    text_a, _ = compose(rng, [P_PRINCIPLE])
    text_b, _ = compose(rng, [P_PRINCIPLE])
    return corpus_of({"doc_id": ids[0], "text": text_a, "date": date_a, "level": level_a},
                     {"doc_id": ids[1], "text": text_b, "date": date_b, "level": level_b})


@pytest.mark.parametrize("date_a, date_b, level_a, level_b, source, same_year, basis", [
    ("2020-01-05", "2014-08-27", "central", "county", "b", False, "date"),
    ("2019", "2018-12-31", "central", "county", "b", False, "date"),
    ("2019-03", "2019-05-20", "county", "central", "a", True, "date"),
    ("2019-05-21", "2019-05-20", "county", "central", "b", True, "date"),
    # year-only vs a full date of the same year is a tie: level decides
    ("2019", "2019-06-01", "county", "central", "b", True, "level"),
    ("2019-06", "2019-06-01", "central", "prefecture", "a", True, "level"),
    # full tie: doc_id decides
    ("2019-06-01", "2019-06-01", "ministry", "ministry", "a", True, "doc_id"),
])
def test_direction_follows_dates_then_level_then_doc_id(date_a, date_b, level_a, level_b,
                                                      source, same_year, basis):
    result = find_reuse(two_docs(date_a, date_b, level_a, level_b))
    pair = result.pairs.iloc[0]
    assert pair.source_doc_id == source
    assert pair.target_doc_id == ({"a", "b"} - {source}).pop()
    assert bool(pair.same_year) is same_year
    assert pair.direction_basis == basis
    # the passage table follows the same orientation
    assert set(result.passages.source_doc_id) == {source}


def test_unknown_date_falls_back_to_level():
    corpus = two_docs("2021-01-01", "2015-01-01", level_a="central", level_b="county")
    corpus.loc[0, ["date", "year"]] = [None, None]
    pair = find_reuse(corpus).pairs.iloc[0]
    assert (pair.source_doc_id, pair.direction_basis, bool(pair.same_year)) == ("a", "level", True)
    assert pair.source_date == "" and pair.target_date == "2015-01-01"


def test_direction_does_not_depend_on_row_order():
    corpus = two_docs("2021-01-01", "2015-01-01")
    forward = find_reuse(corpus).pairs
    backward = find_reuse(corpus.iloc[::-1].reset_index(drop=True)).pairs
    pd.testing.assert_frame_equal(forward, backward)
    assert forward.source_doc_id.iloc[0] == "b"


# --------------------------------------------------------------------------
# no false positives
# --------------------------------------------------------------------------
def test_unrelated_documents_make_no_pair():
    rng = random.Random(11)
    corpus = corpus_of(*[{"text": filler(rng, 3000)} for _ in range(25)])
    result = find_reuse(corpus)
    assert result.pairs.empty and result.passages.empty
    assert list(result.pairs.columns) == PAIR_COLUMNS
    assert list(result.passages.columns) == PASSAGE_COLUMNS


def test_short_shared_phrase_below_min_chars_makes_no_pair():
    rng = random.Random(12)
    phrase = P_SERVICES[:30]
    a, _ = compose(rng, [phrase])
    b, _ = compose(rng, [phrase])
    corpus = corpus_of({"text": a}, {"text": b})
    assert find_reuse(corpus, min_chars=40).pairs.empty
    # and the same phrase counts once the threshold allows it
    assert len(find_reuse(corpus, min_chars=25).pairs) == 1


def test_empty_missing_and_tiny_texts_are_handled():
    rng = random.Random(13)
    a, _ = compose(rng, [P_OPEN])
    b, _ = compose(rng, [P_OPEN])
    corpus = corpus_of({"text": a}, {"text": ""}, {"text": "短"}, {"text": b})
    corpus.loc[1, "text"] = None
    result = find_reuse(corpus)
    assert list(zip(result.pairs.source_doc_id, result.pairs.target_doc_id)) == [("d0", "d3")]
    assert find_reuse(corpus.iloc[:0]).pairs.empty
    assert find_reuse(corpus.iloc[1:3]).pairs.empty


def test_invalid_input_is_rejected():
    corpus = two_docs("2014", "2015")
    with pytest.raises(ValueError, match="unique"):
        find_reuse(pd.concat([corpus, corpus]))
    with pytest.raises(ValueError, match="text"):
        find_reuse(corpus.drop(columns="text"))
    with pytest.raises(ValueError, match="ngram"):
        find_reuse(corpus, ngram=1)
    with pytest.raises(ValueError, match="min_similarity"):
        find_reuse(corpus, min_similarity=1.5)


# --------------------------------------------------------------------------
# tables, helpers, determinism
# --------------------------------------------------------------------------
def level_corpus() -> tuple[pd.DataFrame, dict]:
    """Central C, provincial P (copies Z from C), prefecture T (copies X, Y, Z)."""
    rng = random.Random(14)
    x, y, z = P_SERVICES, P_OPEN, P_PRINCIPLE
    c_text, _ = compose(rng, [x, z])
    p_text, _ = compose(rng, [z, y])
    t_text, t_spans = compose(rng, [x, y, z])
    corpus = corpus_of({"doc_id": "C", "text": c_text, "level": "central", "date": "2014-08-27"},
                       {"doc_id": "P", "text": p_text, "level": "provincial", "date": "2016"},
                       {"doc_id": "T", "text": t_text, "level": "prefecture", "date": "2019-02"})
    return corpus, {"x": len(x), "y": len(y), "z": len(z), "T": len(t_text)}


def test_reuse_by_level_hand_checked():
    corpus, n = level_corpus()
    result = find_reuse(corpus)
    assert set(zip(result.pairs.source_doc_id, result.pairs.target_doc_id)) == {
        ("C", "P"), ("C", "T"), ("P", "T")}
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
    docs = [{"doc_id": f"c{i}", "text": compose(rng, [P_SERVICES])[0], "level": "central",
             "date": f"201{i}-01-01"} for i in range(4)]
    docs.append({"doc_id": "T", "text": P_SERVICES, "level": "county", "date": "2020"})
    corpus = corpus_of(*docs)
    table = reuse_by_level(corpus, find_reuse(corpus, boilerplate_df=10)).set_index("doc_id")
    assert table.loc["T"].share_from_central == pytest.approx(1.0)
    assert table.loc["T"].share_any == pytest.approx(1.0)


def test_pair_table_is_sorted_and_consistent_with_passages():
    corpus, _ = level_corpus()
    result = find_reuse(corpus)
    pairs, passages = result          # unpacking
    assert list(pairs.columns) == PAIR_COLUMNS
    assert pairs.score.is_monotonic_decreasing
    counts = passages.groupby(["source_doc_id", "target_doc_id"]).size()
    for row in pairs.itertuples():
        assert row.n_passages == counts[(row.source_doc_id, row.target_doc_id)]
        assert 0 < row.target_share <= 1 and 0 < row.source_share <= 1
        assert 0 < row.similarity <= 1
    text = corpus.set_index("doc_id").text
    for row in passages.itertuples():
        assert text[row.source_doc_id][row.source_start:row.source_end] == row.source_text
        assert text[row.target_doc_id][row.target_start:row.target_end] == row.target_text
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


def test_results_are_deterministic_and_independent_of_hash_salt():
    rng = random.Random(16)
    texts = [filler(rng, 1200) for _ in range(30)]
    for k, p in enumerate([P_SERVICES, P_PRINCIPLE, P_OPEN, P_CLOUD] * 2):
        texts[k] = texts[k] + "。" + p
        texts[29 - k] = p + "。" + texts[29 - k]
    corpus = corpus_of(*[{"text": t} for t in texts])
    first = find_reuse(corpus)
    again = find_reuse(corpus)
    salted = find_reuse(corpus, random_state=12345)
    assert len(first.passages) >= 8
    for other in (again, salted):
        pd.testing.assert_frame_equal(first.pairs, other.pairs)
        pd.testing.assert_frame_equal(first.passages, other.passages)


def test_progress_bar_only_when_asked_or_large(capsys):
    corpus, _ = level_corpus()
    find_reuse(corpus)
    assert capsys.readouterr().err == ""
    find_reuse(corpus, progress=True)
    assert "aligning" in capsys.readouterr().err
    rng = random.Random(19)
    many = corpus_of(*[{"text": filler(rng, 60)} for _ in range(201)])
    find_reuse(many.iloc[:200])
    assert capsys.readouterr().err == ""
    find_reuse(many)
    assert "aligning" in capsys.readouterr().err


def test_max_sources_links_later_copies_to_earliest_holders():
    # one central passage copied by 9 later documents (threshold raised so it is not boilerplate)
    rng = random.Random(17)
    docs = [{"doc_id": f"k{i}", "text": compose(rng, [P_PRINCIPLE])[0],
             "level": "central" if i == 0 else "county", "date": f"{2010 + i}-01-01"}
            for i in range(10)]
    corpus = corpus_of(*docs)
    capped = find_reuse(corpus, boilerplate_df=20, max_sources=2)
    full = find_reuse(corpus, boilerplate_df=20, max_sources=20)
    capped_pairs = set(zip(capped.pairs.source_doc_id, capped.pairs.target_doc_id))
    assert {("k0", f"k{i}") for i in range(1, 10)} <= capped_pairs
    assert len(full.pairs) == math.comb(10, 2)
    assert len(capped.pairs) < len(full.pairs)


# --------------------------------------------------------------------------
# side-by-side alignment
# --------------------------------------------------------------------------
def test_align_passages_segments_reconstruct_both_texts():
    segments = align_passages(P_SERVICES, "在教育文化、医疗卫生、劳动就业等公共服务领域")
    assert "".join(a for _, a, _ in segments) == P_SERVICES
    assert "".join(b for _, _, b in segments) == "在教育文化、医疗卫生、劳动就业等公共服务领域"
    assert ("delete", "计划生育、", "") in segments
    assert {op for op, _, _ in segments} <= {"equal", "replace", "insert", "delete"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="智慧城市建设推进数据、。<&", max_size=40),
       st.text(alphabet="智慧城市建设推进数据、。<&", max_size=40))
def test_align_passages_is_lossless(a, b):
    segments = align_passages(a, b)
    assert "".join(x for _, x, _ in segments) == a
    assert "".join(y for _, _, y in segments) == b
    for op, x, y in segments:
        assert (op == "equal") == (x == y and x != "")
        assert op != "insert" or x == ""
        assert op != "delete" or y == ""


def test_format_alignment_html_highlights_edits_and_escapes():
    html = format_alignment_html("医疗卫生、计划生育、劳动就业<a>", "医疗卫生、劳动就业、养老<a>")
    assert isinstance(html, str) and html._repr_html_() == html
    assert '<del style="background:#fdd">计划生育、</del>' in html
    assert "养老" in html and "<ins" in html
    assert "&lt;a&gt;" in html and "<a>" not in html
    assert html.startswith("<table") and html.endswith("</table>")


# --------------------------------------------------------------------------
# two-stage seeding (sample, then search the candidate windows in full)
# --------------------------------------------------------------------------
def word_corpus(seed: int, n_docs: int = 150, n_words: int = 40, n_plants: int = 40,
                edit_every: int = 15) -> tuple[pd.DataFrame, set]:
    """Documents drawn from a 40-word vocabulary (so many 10-grams are shared by
    chance, as stock phrases are) with planted copies edited every
    ``edit_every`` characters (exact runs between edits are short)."""
    rng = random.Random(seed)
    vocab = ["".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(2, 4)))
             for _ in range(n_words)]

    def sentence(n: int) -> str:
        out: list[str] = []
        while sum(map(len, out)) < n:
            out.append(rng.choice(vocab))
            if rng.random() < 0.15:
                out.append(rng.choice("，。、"))
        return "".join(out)

    docs = [[sentence(rng.randint(80, 200)) for _ in range(rng.randint(8, 20))]
            for _ in range(n_docs)]
    planted = set()
    for _ in range(n_plants):
        s, t = sorted(rng.sample(range(n_docs), 2))
        base = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(60, 200)))
        ops = [("sub", pos, "改") for pos in range(rng.randint(5, edit_every), len(base) - 5,
                                                   edit_every)]
        docs[s].insert(rng.randint(0, len(docs[s])), base)
        docs[t].insert(rng.randint(0, len(docs[t])), edit(base, ops))
        planted.add((f"d{s:03d}", f"d{t:03d}"))
    corpus = corpus_of(*[{"doc_id": f"d{i:03d}", "text": "。".join(d),
                          "date": f"{2000 + i // 10}-0{1 + i % 9}-01"}
                         for i, d in enumerate(docs)])
    return corpus, planted


def full_index(monkeypatch) -> None:
    """Switch sampling off: every seed match is listed (the one-stage method)."""
    monkeypatch.setattr(reuse_module, "_SAMPLE_WINDOW", 1)


@pytest.mark.parametrize("make", [
    lambda: level_corpus()[0],
    lambda: boilerplate_corpus(12),
    lambda: two_docs("2014-08-27", "2019-02-18"),
], ids=["levels", "boilerplate", "two_docs"])
def test_sampling_gives_the_full_index_result_on_clear_copies(make, monkeypatch):
    corpus = make()
    sampled = find_reuse(corpus, boilerplate_df=50, max_sources=20)
    full_index(monkeypatch)
    full = find_reuse(corpus, boilerplate_df=50, max_sources=20)
    pd.testing.assert_frame_equal(sampled.pairs, full.pairs)
    pd.testing.assert_frame_equal(sampled.passages, full.passages)


@pytest.mark.parametrize("seed, edit_every", [(0, 12), (1, 15), (2, 20)])
def test_sampling_finds_heavily_edited_copies_among_chance_matches(seed, edit_every,
                                                                   monkeypatch):
    corpus, planted = word_corpus(seed, edit_every=edit_every)
    sampled = find_reuse(corpus)
    full_index(monkeypatch)
    full = find_reuse(corpus)
    # the sample pairs far fewer occurrences, and lists far fewer seeds ...
    assert sampled.params["sample_window"] > 1 and full.params["sample_window"] == 1
    assert sampled.params["n_sampled_matches"] < 0.8 * full.params["n_seed_matches"]
    assert sampled.params["n_seed_matches"] < 0.1 * full.params["n_seed_matches"]
    assert 0 < sampled.params["n_candidate_windows"]
    # ... yet every planted copy the full index finds is found, with the same
    # offsets, and nothing the full index would not report
    cols = ["source_doc_id", "target_doc_id", "source_start", "source_end",
            "target_start", "target_end"]

    def rows(result: ReuseResult, only_planted: bool) -> set:
        return {r for r in map(tuple, result.passages[cols].values.tolist())
                if not only_planted or r[:2] in planted}

    assert rows(sampled, True) == rows(full, True)
    assert len(rows(full, True)) >= len(planted) - 2
    assert rows(sampled, False) <= rows(full, False)


def test_winnowing_selects_each_window_minimum_across_chunks():
    rng = np.random.default_rng(0)
    for n, w in [(200_003, 8), (1_000, 5), (7, 8), (8, 8), (1, 3)]:
        h = rng.integers(0, 2**20, n).astype(np.uint32)     # small range: ties occur
        valid = rng.random(n) > 0.05
        h[~valid] = np.iinfo(np.uint32).max
        got = reuse_module._winnow(h, valid, w)
        ww = min(w, n)
        windows = np.lib.stride_tricks.sliding_window_view(h, ww)
        mins = windows.min(axis=1)
        want = np.zeros(n, dtype=bool)
        for j in range(ww):
            want[j:j + len(mins)] |= windows[:, j] == mins
        np.testing.assert_array_equal(got, want & valid)


def test_shingle_groups_are_exact_when_hash_prefixes_collide(monkeypatch):
    # squeeze the hash so that many different shingles share the prefix the
    # packed sort groups by: the index must still group by the full hash
    rng = random.Random(20)
    texts = [filler(rng, 2000) for _ in range(30)]
    for k in range(10):
        texts[k + 10] = texts[k + 10][:500] + texts[k][:300] + texts[k + 10][500:]
    corpus = corpus_of(*[{"text": t} for t in texts])
    meta = reuse_module._prepare_meta(corpus)
    enc = reuse_module._encode_corpus(meta.texts, np.argsort(reuse_module._precedence_rank(meta)))
    real_hash = reuse_module._hash_shingles

    def squeezed(*args):
        h, valid = real_hash(*args)
        return (h & np.uint64((1 << 24) - 1)) | ((h >> np.uint64(62)) << np.uint64(62)), valid

    monkeypatch.setattr(reuse_module, "_hash_shingles", squeezed)
    index = reuse_module._index_shingles(enc.codes, enc.doc_of, 10, 0, 5, 5, 8)
    h, valid = squeezed(enc.codes, enc.doc_of, 10, 0)
    pos = np.flatnonzero(valid)
    groups: dict[int, list[int]] = {}
    for p, v in zip(pos.tolist(), h[pos].tolist()):
        groups.setdefault(v, []).append(p)
    want = sorted(tuple(g) for g in groups.values()
                  if 2 <= len(set(enc.doc_of[g].tolist())) <= 5)
    starts = index.seed_group_start
    got = sorted(tuple(index.seed_pos[a:b].tolist()) for a, b in zip(starts[:-1], starts[1:]))
    assert got == want
    assert len(want) > 100
