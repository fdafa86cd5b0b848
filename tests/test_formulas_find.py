"""find_formulas on the seeds (the two Shandong formulas, checked by hand) and on small corpora unlike them."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.formulas import FORMULA_COLUMNS, OCCURRENCE_COLUMNS, find_formulas

SHANDONG_2020 = "2020-provincial-山东-67658b"  # 山东省人民政府办公厅关于加快推进新型智慧城市建设的指导意见, 2020-10-11
SHANDONG_2021 = "2021-provincial-山东-784997"  # 山东省“十四五”数字强省建设规划, 2021
SHANDONG_2022 = "2022-provincial-山东-4144aa"  # 关于提质提速推进新型智慧城市建设工作的通知, 2022-11-18


def _corpus(rows):
    """A corpus table from (doc_id, issuer, level, region, date, text) tuples."""
    df = pd.DataFrame(rows, columns=["doc_id", "issuer", "level", "region", "date", "text"])
    df["year"] = pd.array([int(d[:4]) if d else pd.NA for d in df["date"]], dtype="Int64")
    return df


@pytest.fixture(scope="module")
def seed_formulas(seed_corpus):
    return find_formulas(seed_corpus, min_jurisdictions=1)


def test_shandong_slogan_traced_with_its_first_appearance(seed_formulas, seed_corpus):
    row = seed_formulas.lookup("优政、惠民、兴业、强基")
    # by hand: printed in quotation marks in the 2020 guidance (once), the 2021 plan (once), the 2022 notice (twice)
    assert (row.n_docs, row.n_jurisdictions, row.n_occurrences) == (3, 1, 4)
    assert (row.first_doc_id, row.first_date, row.first_level) == (SHANDONG_2020, "2020-10-11", "provincial")
    assert row.kind == "enumeration" and row.share_quoted == 1.0
    occ = seed_formulas.occurrences[seed_formulas.occurrences.formula_id == row.formula_id]
    assert occ.doc_id.tolist() == [SHANDONG_2020, SHANDONG_2021, SHANDONG_2022, SHANDONG_2022]
    texts = seed_corpus.set_index("doc_id").text
    assert all(texts[d][s:e] == "优政、惠民、兴业、强基" for d, s, e in zip(occ.doc_id, occ.start, occ.end))
    assert occ.quoted.all()


def test_shandong_principles_traced_as_the_enumeration_not_the_clause(seed_formulas):
    # both documents print 加快建设以人为本、需求引领、数据驱动、特色发展的新型智慧城市: the 提法 is the enumeration
    row = seed_formulas.lookup("以人为本、需求引领、数据驱动、特色发展")
    assert (row.n_docs, row.first_doc_id, row.first_year) == (2, SHANDONG_2020, 2020)
    occ = seed_formulas.occurrences[seed_formulas.occurrences.formula_id == row.formula_id]
    assert occ.doc_id.tolist() == [SHANDONG_2020, SHANDONG_2022]
    assert not (seed_formulas.formulas.formula.str.contains("加快建设以人为本")).any()


def test_one_jurisdiction_formulas_need_min_jurisdictions_1(seed_corpus):
    result = find_formulas(seed_corpus)
    assert "优政、惠民、兴业、强基" not in set(result.formulas.formula)
    assert (result.formulas.n_jurisdictions >= 2).all()
    assert list(result.formulas.columns) == FORMULA_COLUMNS
    assert list(result.occurrences.columns) == OCCURRENCE_COLUMNS


def test_three_documents_from_two_provinces():
    corpus = _corpus(
        [
            (
                "zj",
                "浙江省人民政府",
                "provincial",
                "浙江",
                "2019-03-01",
                "坚持“整体智治、唯实惟先”,推进城市数字化转型。",
            ),
            ("hz", "杭州市人民政府", "prefecture", "浙江", "2020-05-06", "杭州市坚持整体智治、唯实惟先,建设城市大脑。"),
            ("gd", "广东省人民政府", "provincial", "广东", "2021-07-08", "学习浙江整体智治、唯实惟先的经验。"),
        ]
    )
    result = find_formulas(corpus)
    assert result.formulas.formula.tolist() == ["整体智治、唯实惟先"]
    row = result.formulas.iloc[0]
    # 杭州市 is a jurisdiction of its own, not 浙江
    assert (row.n_docs, row.n_jurisdictions, row.first_doc_id, row.first_date) == (3, 3, "zj", "2019-03-01")
    assert result.occurrences.doc_id.tolist() == ["zj", "hz", "gd"]
    assert result.occurrences.quoted.tolist() == [True, False, False]


def test_quoted_shorter_form_is_the_core_of_the_longer():
    corpus = _corpus(
        [
            ("a", "甲省人民政府", "provincial", "山东", "2018-01-01", "围绕“优政、惠民、兴业”,推进建设。"),
            ("b", "乙市人民政府", "prefecture", "河北", "2019-01-01", "围绕优政、惠民、兴业、强基推进工作。"),
            ("c", "丙市人民政府", "prefecture", "河南", "2020-01-01", "坚持优政、惠民、兴业、强基的方向。"),
        ]
    )
    f = find_formulas(corpus).formulas.set_index("formula")
    assert f.loc["优政、惠民、兴业", "n_docs"] == 3
    assert f.loc["优政、惠民、兴业、强基", "n_docs"] == 2
    assert f.loc["优政、惠民、兴业、强基", "core_formula_id"] == f.loc["优政、惠民、兴业", "formula_id"]
    assert f.loc["优政、惠民、兴业", "core_formula_id"] == ""


def test_maximal_a_part_used_by_the_same_documents_is_not_listed():
    text = "要全面推进城乡数字治理体系建设,"
    corpus = _corpus(
        [
            ("a", "甲省人民政府", "provincial", "山东", "2018-01-01", text + "甲。"),
            ("b", "乙省人民政府", "provincial", "河北", "2019-01-01", "乙," + text),
        ]
    )
    f = find_formulas(corpus).formulas
    assert f.formula.tolist() == ["要全面推进城乡数字治理体系建设"]


def test_boilerplate_left_out_and_counted_or_flagged():
    head = "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n"
    tail = "\n请认真贯彻执行。\n2021年5月8日"
    corpus = _corpus(
        [
            ("a", "国务院", "central", "全国", "2021-05-08", head + "加快数字政府建设。" + tail),
            ("b", "河北省人民政府", "provincial", "河北", "2021-06-01", head + "推进城市数字化转型。" + tail),
        ]
    )
    result = find_formulas(corpus)
    assert result.formulas.empty
    assert result.params["n_boilerplate"] == {"addressee": 2, "closing": 1, "date": 1}
    kept = find_formulas(corpus, keep_boilerplate=True).formulas.set_index("formula")
    assert kept.loc["各省、自治区、直辖市人民政府", "boilerplate"] == "addressee"
    assert kept.loc["国务院各部委、各直属机构", "boilerplate"] == "addressee"
    assert kept.loc["请认真贯彻执行", "boilerplate"] == "closing"
    assert kept.loc["2021年5月8日", "boilerplate"] == "date"


def test_one_document_gives_empty_tables():
    corpus = _corpus(
        [("a", "河北省人民政府", "provincial", "河北", "2019-01-01", "推进智慧城市建设。推进智慧城市建设。")]
    )
    result = find_formulas(corpus)
    assert result.formulas.empty and result.occurrences.empty
    assert list(result.formulas.columns) == FORMULA_COLUMNS
    assert result.params["n_documents"] == 1


def test_undated_documents_have_no_first_date():
    corpus = _corpus(
        [
            ("a", "甲省人民政府", "provincial", "山东", "", "坚持“以数治城、以数兴业、以数惠民”。"),
            ("b", "乙省人民政府", "provincial", "河北", "", "坚持“以数治城、以数兴业、以数惠民”。"),
        ]
    )
    result = find_formulas(corpus)
    row = result.formulas.iloc[0]
    assert row.formula == "以数治城、以数兴业、以数惠民"
    assert (row.first_doc_id, row.first_date, row.n_undated_docs) == ("", "", 2)
    assert pd.isna(row.first_year)
    assert result.params["n_undated_documents"] == 2


def test_duplicates_are_left_out():
    corpus = _corpus(
        [
            ("a", "甲省人民政府", "provincial", "山东", "2019-01-01", "坚持以数治城、以数兴业、以数惠民。"),
            ("b", "乙省人民政府", "provincial", "河北", "2019-01-01", "坚持以数治城、以数兴业、以数惠民。"),
        ]
    )
    corpus["duplicate_of"] = ["", "a"]
    result = find_formulas(corpus)
    assert result.formulas.empty and result.params["n_duplicates_left_out"] == 1


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="missing \\['text'\\]"):
        find_formulas(pd.DataFrame({"doc_id": ["a"]}))
    with pytest.raises(ValueError, match="max_chars"):
        find_formulas(_corpus([]), min_chars=10, max_chars=8)


def test_provenance_and_unpacking(seed_formulas):
    formulas, occurrences = seed_formulas
    assert len(formulas) == len(seed_formulas.formulas) and len(occurrences) == len(seed_formulas.occurrences)
    assert seed_formulas.provenance.step == "find_formulas"
    assert seed_formulas.provenance.to_dict()["params"]["min_jurisdictions"] == 1


def test_an_enumeration_core_that_cuts_a_word_is_not_reported():
    clause = "推进大数据、云计算、物联网、人工智能发展"
    corpus = _corpus(
        [
            ("a", "甲省人民政府", "provincial", "山东", "2018-01-01", f"要{clause}。"),
            ("b", "乙省人民政府", "provincial", "河北", "2019-01-01", f"将{clause},好。"),
        ]
    )
    assert find_formulas(corpus).formulas.formula.tolist() == [clause]
