"""describe_formulas: every sentence true for the corpus it ran on."""

from __future__ import annotations

import pandas as pd

from analysis.formulas import describe_formulas, find_formulas

SLOGAN = "一屏观全域、一网管全城"


def _corpus(rows):
    df = pd.DataFrame(rows, columns=["doc_id", "issuer", "level", "region", "date", "text"])
    df["year"] = pd.array([int(d[:4]) if d else pd.NA for d in df["date"]], dtype="Int64")
    return df


def test_sentences_state_counts_first_use_and_bottom_up():
    result = find_formulas(
        _corpus(
            [
                ("sz", "深圳市人民政府", "prefecture", "广东", "2019-04-01", f"努力实现“{SLOGAN}”。"),
                ("gwy", "国务院", "central", "全国", "2021-06-01", f"总结“{SLOGAN}”等经验。"),
                ("xx", "某市人民政府", "prefecture", "河北", "", "没有这个提法。"),
            ]
        )
    )
    text = describe_formulas(result)
    assert "The search covered 3 documents from 3 jurisdictions." in text
    assert "It found 1 formula:" in text
    assert (
        f"- “{SLOGAN}”: 2 jurisdictions, 2 documents; first used in this corpus by a prefecture-level document" in text
    )
    assert "(2019-04-01, sz)" in text
    assert "1 formula was first used by a local document and later by a higher level" in text
    assert "1 document without any year" in text


def test_nothing_found_is_said_plainly():
    result = find_formulas(_corpus([("a", "国务院", "central", "全国", "2018-01-01", "只有一份文件。")]))
    text = describe_formulas(result)
    assert text.startswith("The search covered 1 document from 1 jurisdiction.")
    assert "No formula was found: no phrases of 6-40 characters" in text


def test_seed_description_mentions_what_was_left_out(seed_corpus):
    result = find_formulas(seed_corpus)
    text = describe_formulas(result, top=3)
    assert f"It found {len(result.formulas)} formulas" in text
    assert "phrases of 公文 boilerplate were left out" in text
    assert text.count("\n- “") >= 3
