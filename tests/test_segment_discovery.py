"""Tests for analysis.segment.discovery: discover_terms and adapt_tokenizer."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.segment import (
    REVIEW_COLUMNS,
    Tokenizer,
    adapt_tokenizer,
    discover_terms,
    load_user_dictionary,
    review_terms,
    tokenize,
)
from analysis.segment.fragments import dangling_char, extends_known_term


def _is_fragment(term, tokenizer, policy_terms):
    return bool(extends_known_term(term, policy_terms)) or dangling_char(term, tokenizer)


def test_discovery_statistics_match_hand_computation():
    # Han characters: 3 + 4 + 3 = 10.  Counts: 甲 3, 乙 3, 丙 2, 丁 1, 戊 1;
    # 甲乙 3, 乙丙 2, 丁甲 1.  The comma keeps 乙 and 戊 apart in text 3.
    texts = ["甲乙丙", "丁甲乙丙", "甲乙，戊"]
    result = discover_terms(
        texts,
        min_count=2,
        max_len=2,
        min_pmi=-math.inf,
        min_entropy=0.0,
        exclude_known=False,
        edge_chars="",
    ).set_index("term")
    assert list(result.index) == ["甲乙", "乙丙"]  # ranked by score
    jia_yi, yi_bing = result.loc["甲乙"], result.loc["乙丙"]
    assert jia_yi["count"] == 3 and yi_bing["count"] == 2
    # PMI = log2(count * N / (count(left part) * count(right part)))
    assert jia_yi["pmi"] == pytest.approx(math.log2(3 * 10 / (3 * 3)))
    assert yi_bing["pmi"] == pytest.approx(math.log2(2 * 10 / (3 * 2)))
    # 甲乙: left = {text start: 2, 丁: 1}, right = {丙: 2, "，": 1}
    # H = -(2/3) log2(2/3) - (1/3) log2(1/3) = log2 3 - 2/3 on both sides.
    h = -(2 / 3) * math.log2(2 / 3) - (1 / 3) * math.log2(1 / 3)
    assert h == pytest.approx(math.log2(3) - 2 / 3)
    assert jia_yi["left_entropy"] == pytest.approx(h)
    assert jia_yi["right_entropy"] == pytest.approx(h)
    # 乙丙: always after 甲 and always at the end of a text -> 0 and 0.
    assert yi_bing["left_entropy"] == pytest.approx(0.0)
    assert yi_bing["right_entropy"] == pytest.approx(0.0)
    assert jia_yi["score"] == pytest.approx(math.log2(30 / 9) * h)
    assert yi_bing["score"] == pytest.approx(0.0)


def test_discovery_counts_no_ngrams_across_punctuation():
    # "甲乙" occurs only across the comma, so it must not be counted.
    result = discover_terms(
        ["甲，乙丙"] * 5,
        min_count=2,
        max_len=2,
        min_pmi=-math.inf,
        min_entropy=0.0,
        exclude_known=False,
        edge_chars="",
    )
    assert "甲乙" not in set(result["term"])
    assert set(result["term"]) == {"乙丙"}


def _synthetic_policy_text(slogan: str, n_sentences: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    verbs = ["推进", "落实", "深化", "完善", "推广", "实施", "开展", "强化"]
    objects = ["政务服务", "城市治理", "公共服务", "数据共享", "基层治理", "社会治理", "产业发展"]
    tails = ["改革", "工作", "试点", "机制", "行动", "体系"]
    sentences = []
    for i in range(n_sentences):
        verb, obj, tail = rng.choice(verbs), rng.choice(objects), rng.choice(tails)
        if i % 3 == 0:
            # the slogan in varied contexts, like a real policy catchword
            sentences.append(f"{verb}{slogan}{tail}，{obj}{rng.choice(tails)}。")
        else:
            sentences.append(f"{verb}{obj}{tail}，{rng.choice(objects)}{rng.choice(tails)}。")
    return ["".join(sentences[i : i + 10]) for i in range(0, n_sentences, 10)]


def test_discovery_recovers_a_planted_slogan():
    slogan = "三融五跨"
    texts = _synthetic_policy_text(slogan, 600, seed=1)
    assert slogan not in tokenize(texts[0])  # unknown to the shipped dictionary
    result = discover_terms(texts, min_count=5)
    assert result["term"].iloc[0] == slogan
    # Fragments of the slogan are either absent or ranked far below it.
    fragments = {"三融五", "融五跨", "融五", "三融"}
    assert not fragments & set(result["term"].iloc[:5])
    assert list(result.columns) == ["term", "count", "pmi", "left_entropy", "right_entropy", "score", "n_docs"]
    assert not result.attrs  # provenance travels as data: tokenizer_provenance

    # Two-line adaptation: the discovered term becomes a token.
    tokenizer = Tokenizer(extra_terms=result.term[:20])
    assert slogan in tokenizer(texts[0])


def test_discovery_excludes_known_words_by_default():
    texts = ["推进智慧城市建设，发展智慧城市。"] * 10 + ["智慧城市是方向。"] * 10
    known = discover_terms(texts, min_count=5, exclude_known=False)
    assert "智慧城市" in set(known["term"])
    assert "智慧城市" not in set(discover_terms(texts, min_count=5)["term"])


def test_discovery_handles_empty_input():
    empty = discover_terms(["", "2020年", "ABC"], min_count=1)
    assert empty.empty
    assert list(empty.columns) == ["term", "count", "pmi", "left_entropy", "right_entropy", "score", "n_docs"]
    with pytest.raises(TypeError):
        discover_terms("智慧城市")


def test_discover_terms_drops_fragments_but_keeps_new_slogans():
    tok = Tokenizer()
    policy = {w for w, _f, _t in load_user_dictionary() if len(w) >= 3}
    assert _is_fragment("智慧城市建设", tok, policy)  # known term + generic word
    assert _is_fragment("率达到", tok, policy)  # dangling character + word
    assert _is_fragment("坚持以", tok, policy)
    assert not _is_fragment("三融五跨", tok, policy)  # all single characters: maybe new
    assert not _is_fragment("城市大脑", tok, policy)


def test_adapt_tokenizer_adds_discovered_terms():
    texts = ["推进三融五跨改革,实现三融五跨目标。" * 3, "坚持三融五跨原则,深化三融五跨工作。" * 3]
    tok, new = adapt_tokenizer(texts, n_terms=5, min_count=3)
    assert new.term.iloc[0] == "三融五跨"
    assert new.status.iloc[0] == "accepted"
    assert "三融五跨" in tok("全面推进三融五跨")


def test_discovery_finds_a_slogan_always_printed_in_quotes():
    # Local slogans are printed in quotes; before quotes counted as boundaries,
    # the constant neighbours “ and ” gave such a term zero entropy.
    rng = np.random.default_rng(3)
    verbs, tails = ["推进", "深化", "完善", "推广", "依托", "打响"], ["改革", "品牌", "平台", "服务", "建设"]
    objects = ["政务服务", "城市治理", "公共服务", "数据共享", "基层治理"]
    sentences = []
    for i in range(300):
        obj = "“汇民办”" if i % 4 == 0 else rng.choice(objects)
        sentences.append(f"{rng.choice(verbs)}{obj}{rng.choice(tails)}，{rng.choice(objects)}{rng.choice(tails)}。")
    texts = ["".join(sentences[i : i + 10]) for i in range(0, 300, 10)]
    assert "汇民办" not in tokenize(texts[0])  # unknown to the shipped dictionary
    result = discover_terms(texts, min_count=5)
    row = result[result.term == "汇民办"]
    assert len(row) == 1
    # every occurrence sits between a distinct pair of quote marks: maximal entropy
    assert row.left_entropy.iloc[0] == pytest.approx(np.log2(75)) == row.right_entropy.iloc[0]
    assert result.term.iloc[0] == "汇民办"


def test_fragment_rule_keeps_known_term_plus_a_new_term():
    tok, known = Tokenizer(), {"公共数据", "智慧城市"}
    assert _is_fragment("智慧城市建设", tok, known)  # known term + generic word
    assert _is_fragment("推进智慧城市建设", tok, known)  # known term inside a phrase
    assert not _is_fragment("公共数据授权运营", tok, known)  # known term + a term of its own


def _small_corpus_that_discovery_used_to_damage() -> list[str]:
    """Six short texts where 推进智慧 and 公开数据 are cohesive and free, and each overlaps a dictionary term.

    推进智慧 is followed by varied objects (智慧城市, 智慧交通 ...), so its right
    entropy is high; 公开数据 is followed by varied heads, one of them 资源, so
    in 公开数据资源 it overlaps 数据资源 (10 times).
    """
    rng = np.random.default_rng(0)
    objects = ["城市建设", "交通管理", "医疗服务", "教育发展", "社区治理", "旅游服务"]
    lefts = ["全面", "加快", "着力", "持续", "统筹", "稳步", "依法", "有序"]
    tails = ["资源", "目录", "平台", "接口", "标准", "清单"]
    sentences = [
        f"{rng.choice(lefts)}推进智慧{objects[i % 6]}，{rng.choice(lefts)}公开数据{tails[i % 6]}。" for i in range(60)
    ]
    return ["".join(sentences[i : i + 10]) for i in range(0, 60, 10)]


def test_reviewed_discovery_never_splits_or_shrinks_a_dictionary_term():
    texts = _small_corpus_that_discovery_used_to_damage()
    base = Tokenizer(boilerplate=True)
    # Unreviewed, the top candidates are exactly the damaging ones ...
    raw = discover_terms(texts, min_count=3, tokenizer=base, drop_fragments=False)
    assert {"推进智慧", "公开数据"} <= set(raw["term"].head(5))
    unreviewed = Tokenizer(boilerplate=True, extra_terms=list(raw["term"].head(20)))
    assert unreviewed.cut("推进智慧城市建设") == ["推进智慧", "城市", "建设"]

    def count(tok, word):
        return sum(tokens.count(word) for tokens in map(tok, texts))

    assert count(base, "数据资源") == 10  # 公开数据资源 once per six sentences
    assert count(unreviewed, "数据资源") == 0
    # ... and the review rejects them, saying why, so nothing is cut.
    tok, review = adapt_tokenizer(texts, n_terms=20)
    assert list(review.columns) == REVIEW_COLUMNS
    reasons = review.set_index("term")["reason"]
    assert reasons["公开数据"] == "cuts dictionary term 数据资源 (公开数据资源)"
    assert reasons["推进智慧"] != ""
    assert not review.loc[review.status == "accepted", "term"].isin(["推进智慧", "公开数据"]).any()
    assert tok.cut("推进智慧城市建设") == ["推进", "智慧城市", "建设"]
    assert count(tok, "数据资源") == 10


def test_review_accepts_the_best_clean_candidates_up_to_n_terms():
    texts = _synthetic_policy_text("三融五跨", 600, seed=1)
    review = review_terms(texts, n_terms=1, min_count=5)
    accepted = review[review.status == "accepted"]
    assert list(accepted.term) == ["三融五跨"]
    assert (accepted.reason == "").all()
    clean_rest = review[(review.status == "rejected") & review.reason.str.startswith("ranked below")]
    assert (clean_rest.score <= accepted.score.iloc[0]).all()
    # freq and n_docs by hand: every third sentence carries the slogan, 10 sentences per text
    assert accepted.freq.iloc[0] == 200 and accepted.n_docs.iloc[0] == 60


def test_discovery_counts_the_documents_of_each_candidate():
    result = discover_terms(["甲乙丙。甲乙", "甲乙丁", "丙丁"], min_count=2, max_len=2, min_pmi=-math.inf,
                            min_entropy=0.0, exclude_known=False, edge_chars="")  # fmt: skip
    n_docs = result.set_index("term")["n_docs"]
    assert n_docs["甲乙"] == 2  # three occurrences in two texts


def test_review_of_the_seeds_rejects_the_fragments_seen_before(seed_corpus):
    texts = seed_corpus.loc[seed_corpus.duplicate_of == "", "text"]
    review = review_terms(texts, n_terms=50, min_count=3).set_index("term")
    assert review.loc["南州", "status"] == "rejected"
    assert review.loc["南州", "reason"].startswith("part of place name 黔")
    assert review.loc["依托市级", "reason"] == "starts or ends with stopword 依托"
    accepted = review[review.status == "accepted"]
    assert len(accepted) == 50
    assert "六个一" in accepted.index  # printed in quotes: a name, kept


def test_counting_in_groups_of_first_characters_changes_nothing(seed_corpus, monkeypatch):
    # Above PARTITION_CHARS Han characters the n-grams are counted in groups by their first
    # character; every group is complete, so the result is the single pass's, to the last bit.
    import pandas as pd

    import analysis.segment.discovery as discovery

    texts = list(seed_corpus.text)
    tok = Tokenizer(boilerplate=True)
    whole = discover_terms(texts, min_count=3, tokenizer=tok, reasons=True)
    n_han = sum(discovery._is_han(np.frombuffer(t.encode("utf-32-le"), dtype="<u4")).sum() for t in texts)
    monkeypatch.setattr(discovery, "PARTITION_CHARS", 5_000)
    assert n_han > 7 * 5_000  # so at least 8 groups
    grouped = discover_terms(texts, min_count=3, tokenizer=tok, reasons=True)
    assert len(whole) > 50
    pd.testing.assert_frame_equal(whole, grouped, check_exact=True)
    stream = discovery._char_stream(texts)
    table, _ = discovery._ngram_statistics(stream, 3, 6)
    monkeypatch.setattr(discovery, "PARTITION_CHARS", 10**9)
    single, _ = discovery._ngram_statistics(stream, 3, 6)
    pd.testing.assert_frame_equal(table, single, check_exact=True)


def test_groups_counted_in_worker_processes_give_the_in_process_result(seed_corpus, monkeypatch):
    # The groups of first characters shared among forked workers: identical to counting them here
    import pandas as pd

    import analysis.segment.discovery as discovery

    texts = list(seed_corpus.text)
    tok = Tokenizer(boilerplate=True)
    monkeypatch.setattr(discovery, "PARTITION_CHARS", 5_000)
    here = discover_terms(texts, min_count=3, tokenizer=tok, reasons=True, n_jobs=1)
    pools = []
    real = discovery.ProcessPoolExecutor

    class Counting(real):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(discovery, "ProcessPoolExecutor", Counting)
    there = discover_terms(texts, min_count=3, tokenizer=tok, reasons=True, n_jobs=2)
    assert pools == [2] and len(here) > 50
    pd.testing.assert_frame_equal(here, there, check_exact=True)
    assert discovery._COUNT is None  # the workers' function is not kept after the call


def test_a_small_corpus_unlike_the_seeds_counted_in_three_processes(monkeypatch):
    # three short texts of one city, no 智慧城市 at all, a made-up app name; groups of 20 Han characters
    import pandas as pd

    import analysis.segment.discovery as discovery

    texts = [
        "甬城通上线以来，甬城通用户增长迅速。各地推广甬城通，甬城通覆盖全省。",
        "推进甬城通与城市大脑联通，甬城通服务下沉到乡镇。宁波建设甬城通。",
        "“甬城通”的办事指南由市大数据局发布，甬城通持续迭代，我们用甬城通。",
    ]
    tok = Tokenizer(boilerplate=True)
    here = discover_terms(texts, min_count=3, tokenizer=tok, reasons=True, n_jobs=1)
    monkeypatch.setattr(discovery, "PARTITION_CHARS", 20)
    grouped = discover_terms(texts, min_count=3, tokenizer=tok, reasons=True, n_jobs=1)
    forked = discover_terms(texts, min_count=3, tokenizer=tok, reasons=True, n_jobs=3)
    assert list(here.term) == ["甬城通"] and here["count"].iat[0] == 10  # 10 printed, in all 3 texts
    assert here["n_docs"].iat[0] == 3
    pd.testing.assert_frame_equal(here, grouped, check_exact=True)
    pd.testing.assert_frame_equal(here, forked, check_exact=True)


def test_discovery_worker_count(monkeypatch):
    import analysis.corpus.parallel as parallel
    import analysis.segment.discovery as discovery

    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    assert discovery._group_jobs(None, 1) == 1  # one group: nothing to share
    assert discovery._group_jobs(None, 9) == 2 and discovery._group_jobs(-1, 9) == 2
    assert discovery._group_jobs(4, 3) == 3  # never more workers than groups
    assert discovery._group_jobs(1, 9) == 1
    with pytest.raises(ValueError, match="n_jobs"):
        discover_terms(["智慧城市建设"], n_jobs=0)
