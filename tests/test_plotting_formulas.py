"""plot_formula_adoption: one panel per formula, Chinese titles render, PNG written."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.formulas import find_formulas, formula_adoption
from analysis.formulas.diffusion import ADOPTION_COLUMNS
from analysis.plotting.formulas import plot_formula_adoption, wrap_formula
from plotting_checks import assert_png, assert_renders_cleanly

SLOGANS = ["一屏观全域、一网管全城", "以人为本、需求引领、数据驱动、特色发展"]


@pytest.fixture(scope="module")
def adoption():
    rows = []
    for i, (issuer, level, region, date) in enumerate(
        [
            ("深圳市人民政府", "prefecture", "广东", "2019-04-01"),
            ("广东省人民政府", "provincial", "广东", "2020-09-01"),
            ("国务院", "central", "全国", "2021-06-01"),
        ]
    ):
        rows.append((f"d{i}", issuer, level, region, date, "。".join(f"推进“{s}”" for s in SLOGANS[: i + 1])))
    corpus = pd.DataFrame(rows, columns=["doc_id", "issuer", "level", "region", "date", "text"])
    corpus["year"] = corpus.date.str[:4].astype(int)
    return formula_adoption(find_formulas(corpus))


def test_panels_per_formula(adoption, tmp_path):
    path = tmp_path / "adoption.png"
    figure = plot_formula_adoption(adoption, SLOGANS, path=path)
    assert_renders_cleanly(figure)
    assert_png(path)
    titles = [ax.get_title() for ax in figure.axes if ax.get_visible() and ax.axison]
    assert titles == ["一屏观全域、一网管全城", "以人为本、需求引领、\n数据驱动、特色发展"]


def test_wrap_formula():
    assert wrap_formula("以人为本、需求引领、数据驱动、特色发展") == "以人为本、需求引领、\n数据驱动、特色发展"
    assert wrap_formula("一二三四五六七八九十甲乙丙丁", 6) == "一二三四五六\n七八九十甲乙\n丙丁"


def test_unknown_formula_is_an_error(adoption):
    with pytest.raises(ValueError, match="not in the adoption table"):
        plot_formula_adoption(adoption, ["不存在"])


def test_empty_table_draws_a_note():
    figure = plot_formula_adoption(pd.DataFrame(columns=ADOPTION_COLUMNS))
    assert_renders_cleanly(figure)
