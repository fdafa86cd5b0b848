"""Enumeration cores, boilerplate kinds and cores of longer formulas (analysis.formulas.select)."""

from __future__ import annotations

from analysis.formulas.select import MIN_DOCS_FOR_COMMON, boilerplate_kind, core_of, enumeration_core


def test_enumeration_core_trims_the_words_around_a_parallel_enumeration():
    clause = "加快建设以人为本、需求引领、数据驱动、特色发展的新型智慧城市"
    offset, length = enumeration_core(clause)
    assert clause[offset : offset + length] == "以人为本、需求引领、数据驱动、特色发展"


def test_enumeration_core_leaves_other_strings_alone():
    assert enumeration_core("以人为本、需求引领、数据驱动、特色发展") is None  # already the enumeration
    assert enumeration_core("坚持以人为本、惠民便民") is None  # two items: no inner item to measure by
    assert enumeration_core("推进大数据、云计算、人工智能发展") is None  # one inner item is no rhythm
    assert enumeration_core("发展大数据、云计算、工业互联网、人工智能") is None  # inner items of 3 and 5 characters
    assert enumeration_core("新型智慧城市建设") is None


def test_enumeration_core_may_cut_a_word_the_boundary_check_then_keeps_the_repeat():
    # 大数据、云计算、物联网、人工智 cuts 人工智能: find_formulas's word-boundary check rejects that core
    clause = "推进大数据、云计算、物联网、人工智能发展"
    offset, length = enumeration_core(clause)
    assert clause[offset : offset + length] == "大数据、云计算、物联网、人工智"


def test_boilerplate_kinds():
    assert boilerplate_kind("各省、自治区、直辖市人民政府", 5, 5, 0.5) == "addressee"
    assert boilerplate_kind("各县市区人民政府", 2, 50, 0.5) == "addressee"
    assert boilerplate_kind("请认真贯彻执行", 2, 50, 0.5) == "closing"
    assert boilerplate_kind("现印发给你们", 2, 50, 0.5) == "closing"
    assert boilerplate_kind("2021年5月8日", 2, 50, 0.5) == "date"
    assert boilerplate_kind("山东省人民政府办公厅", 2, 50, 0.5) == "issuing body"
    assert boilerplate_kind("省发展改革委、省工业和信息化厅、省", 2, 50, 0.5) == "issuing body"
    assert boilerplate_kind("优政、惠民、兴业、强基", 3, 50, 0.5) == ""
    assert boilerplate_kind("构建智慧城市建设新格局", 3, 50, 0.5) == ""  # ends in 局 but is no body


def test_common_only_judged_in_a_corpus_of_ten_or_more():
    assert boilerplate_kind("推进新型智慧城市建设", 2, 3, 0.5) == ""  # two of three documents: a shared formula
    assert boilerplate_kind("推进新型智慧城市建设", 6, MIN_DOCS_FOR_COMMON, 0.5) == "common"
    assert boilerplate_kind("推进新型智慧城市建设", 5, MIN_DOCS_FOR_COMMON, 0.5) == ""


def test_core_is_the_longest_contained_formula_shared_by_more_documents():
    formulas = ["优政、惠民、兴业、强基", "优政、惠民、兴业", "惠民、兴业、强基", "新型智慧城市"]
    n_docs = [2, 5, 2, 9]
    assert core_of(formulas, n_docs, 6) == [1, -1, -1, -1]
    # same documents: no core (maximality keeps both only when the counts differ)
    assert core_of(["优政、惠民、兴业、强基", "优政、惠民、兴业"], [3, 3], 6) == [-1, -1]
