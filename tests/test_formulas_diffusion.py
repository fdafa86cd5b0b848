"""Adoption paths, adoption by year and bottom-up formulas (analysis.formulas.diffusion) on corpora written here."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.formulas import bottom_up_formulas, find_formulas, formula_adoption, formula_paths

SLOGAN = "一屏观全域、一网管全城"


def _corpus(rows):
    df = pd.DataFrame(rows, columns=["doc_id", "issuer", "level", "region", "date", "text"])
    df["year"] = pd.array([int(d[:4]) if d else pd.NA for d in df["date"]], dtype="Int64")
    return df


@pytest.fixture(scope="module")
def spread():
    """A city coins the slogan (2019), a second city and its province take it up (2020), the State Council (2021)."""
    return find_formulas(
        _corpus(
            [
                ("sz", "深圳市人民政府", "prefecture", "广东", "2019-04-01", f"努力实现“{SLOGAN}”。"),
                ("gz", "广州市人民政府", "prefecture", "广东", "2020-02-01", f"学习“{SLOGAN}”的做法。"),
                ("gd", "广东省人民政府", "provincial", "广东", "2020-09-01", f"推广“{SLOGAN}”。"),
                ("gd2", "广东省人民政府", "provincial", "广东", "2021-03-01", f"继续推广“{SLOGAN}”。"),
                ("gwy", "国务院", "central", "全国", "2021-06-01", f"总结“{SLOGAN}”等经验。"),
                ("xx", "某市人民政府", "prefecture", "河北", "", f"也提出“{SLOGAN}”。"),
            ]
        )
    )


def test_path_in_order_of_first_use(spread):
    path = formula_paths(spread)
    assert path.jurisdiction.tolist() == ["深圳市", "广州市", "广东", "全国"]
    assert path.step.tolist() == [1, 2, 3, 4]
    assert path.first_doc_id.tolist() == ["sz", "gz", "gd", "gwy"]
    assert path.n_docs.tolist() == [1, 1, 2, 1]  # the undated document is not on the path
    by_doc = formula_paths(spread, [SLOGAN], by="document")
    assert by_doc.first_doc_id.tolist() == ["sz", "gz", "gd", "gd2", "gwy"]


def test_adoption_by_year_and_level(spread):
    table = formula_adoption(spread)
    new = table[table.n_new_jurisdictions > 0][["year", "level", "n_new_jurisdictions"]]
    assert new.values.tolist() == [
        [2019, "prefecture", 1],
        [2020, "provincial", 1],
        [2020, "prefecture", 1],
        [2021, "central", 1],
    ]
    cumulative = table.groupby("year").cumulative.max()
    assert cumulative.to_dict() == {2019: 1, 2020: 3, 2021: 4}
    assert table[(table.year == 2021) & (table.level == "provincial")].n_docs.tolist() == [1]


def test_bottom_up(spread):
    up = bottom_up_formulas(spread)
    assert len(up) == 1
    row = up.iloc[0]
    assert (row.first_level, row.first_jurisdiction, row.first_doc_id) == ("prefecture", "深圳市", "sz")
    assert (row.higher_level, row.higher_doc_id, row.lag_years) == ("central", "gwy", 2)


def test_a_tie_in_time_is_not_bottom_up():
    result = find_formulas(
        _corpus(
            [
                ("sz", "深圳市人民政府", "prefecture", "广东", "2021-04-01", f"努力实现“{SLOGAN}”。"),
                ("gwy", "国务院", "central", "全国", "2021", f"总结“{SLOGAN}”等经验。"),
            ]
        )
    )
    assert bottom_up_formulas(result).empty


def test_top_down_is_not_bottom_up_and_empty_results_give_empty_tables():
    result = find_formulas(
        _corpus(
            [
                ("gwy", "国务院", "central", "全国", "2018-01-01", f"提出“{SLOGAN}”。"),
                ("sz", "深圳市人民政府", "prefecture", "广东", "2021-04-01", f"落实“{SLOGAN}”。"),
            ]
        )
    )
    assert bottom_up_formulas(result).empty
    none = find_formulas(_corpus([("a", "国务院", "central", "全国", "2018-01-01", "只有一份文件。")]))
    assert formula_paths(none).empty and formula_adoption(none).empty and bottom_up_formulas(none).empty
    with pytest.raises(KeyError, match="not among"):
        formula_paths(result, ["不存在的提法"])


def test_shandong_formulas_traced_document_by_document_in_the_seeds(seed_corpus):
    result = find_formulas(seed_corpus, min_jurisdictions=1)
    path = formula_paths(result, ["优政、惠民、兴业、强基", "以人为本、需求引领、数据驱动、特色发展"], by="document")
    slogan = path[path.formula == "优政、惠民、兴业、强基"]
    # by hand: 2020-10-11 guidance, 2021 plan (year only), 2022-11-18 notice
    assert slogan.first_doc_id.tolist() == [
        "2020-provincial-山东-67658b",
        "2021-provincial-山东-784997",
        "2022-provincial-山东-4144aa",
    ]
    assert slogan.first_date.tolist() == ["2020-10-11", "2021", "2022-11-18"]
    principles = path[path.formula.str.startswith("以人为本")]
    assert principles.first_year.tolist() == [2020, 2022]
    assert set(path.jurisdiction) == {"山东"} and set(path.level) == {"provincial"}
