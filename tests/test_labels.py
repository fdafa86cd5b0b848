"""Tests for analysis.labels: document labels for figures and tables."""

from __future__ import annotations

import pandas as pd

from analysis import labels, plotting


def _corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "level": ["prefecture", "provincial", "provincial", "central", "county", "prefecture"],
            "region": ["河南", "山东", "河北", "全国", "浙江", "河南"],
            "issuer": [
                "郑州市发展和改革委员会",
                "",
                "河北省人民政府办公厅",
                "国务院办公厅",
                "余杭区人民政府",
                "某某工作领导小组",
            ],
            "year": [2020, 2018, 2019, 2021, 2022, 2021],
            "short_title": [
                "加快推进新型智慧城市建设",
                "数字山东发展规划",
                "指导意见",
                "数字政府",
                "城市大脑",
                "实施方案",
            ],
            "date_source": [
                "cited documents (lower bound)",
                "plan period start (title)",
                "signature",
                "doc_number",
                "Plan Period start",
                "",
            ],
        }
    )


def test_doc_label_names_the_prefecture_and_marks_inferred_years():
    corpus = _corpus()
    found = labels.doc_label(corpus, width=30).tolist()
    assert found[0] == "2020≈ 郑州 加快推进新型智慧城市建设"  # not "河南": that reads as provincial
    assert found[1] == "2018≈ 山东 数字山东发展规划"
    assert found[2] == "2019 河北 指导意见"
    assert found[3] == "2021 国务院 数字政府"
    assert found[4] == "2022≈ 余杭区 城市大脑"  # county: the county's own name
    assert found[5] == "2021 河南 实施方案"  # no place in the issuer: the region
    # Without date_source, no year is marked.
    assert labels.doc_label(corpus.drop(columns="date_source"), width=30)[0] == "2020 郑州 加快推进新型智慧城市建设"


def test_doc_label_cuts_titles_and_keeps_the_index():
    corpus = _corpus().set_index(pd.Index(list("abcdef")))
    found = labels.doc_label(corpus, width=4)
    assert found.index.tolist() == list("abcdef")
    assert found["a"] == "2020≈ 郑州 加快推…"  # 4 characters: 3 and an ellipsis
    assert found["c"] == "2019 河北 指导意见"  # fits: not cut


def test_doc_label_is_reexported_by_plotting():
    assert plotting.doc_label is labels.doc_label


def test_who_issued():
    assert labels.who_issued("prefecture", "河南", "郑州市发展和改革委员会") == "郑州"
    assert labels.who_issued("provincial", "山东", "") == "山东"
    assert labels.who_issued("central", "全国", "国务院办公厅") == "国务院"
    # A national document without an issuer: the body before 关于 in the title.
    assert labels.who_issued("ministry", "全国", "", "国家发展改革委关于印发某某的通知") == "国家发展改革委"


def test_doc_label_of_an_undated_document_says_undated():
    # a page that prints no date loads with year <NA> (nullable Int64); its label must not read "<NA>"
    corpus = pd.DataFrame(
        {
            "level": ["ministry", "provincial"],
            "region": ["全国", "天津"],
            "issuer": ["交通运输部办公厅", "天津市人民政府办公厅"],
            "year": pd.array([pd.NA, 2021], dtype="Int64"),
            "short_title": ["推进交通运输信息化智能化发展的指导意见", "智慧城市建设规划"],
        }
    )
    got = labels.doc_label(corpus).tolist()
    assert got[0].startswith("undated 交通运输部 ")
    assert got[1].startswith("2021 天津 ")
    assert "<NA>" not in " ".join(got)
