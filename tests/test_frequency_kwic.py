"""Tests for analysis.frequency.kwic."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import frequency
from analysis.frequency import kwic


def test_kwic_literal_with_offsets_and_context():
    corpus = pd.DataFrame({"doc_id": ["x"], "text": ["智慧城市建设。新型智慧城市\n发展"]})
    result = kwic(corpus, "智慧城市", window=3)
    assert list(result.columns) == ["doc_id", "position", "left", "keyword", "right"]
    assert result.values.tolist() == [
        ["x", 0, "", "智慧城市", "建设。"],
        ["x", 9, "。新型", "智慧城市", " 发展"],  # the line break is shown as a space
    ]
    text = corpus.text[0]
    assert all(text[p : p + 4] == "智慧城市" for p in result.position)
    assert not result.attrs
    assert "0-based" in frequency.COLUMN_UNITS["kwic"]["position"]


def test_kwic_regex_and_literal_special_characters():
    corpus = pd.DataFrame({"doc_id": [1, 2], "text": ["数字政府和数字经济", "推进互联网+政务服务"]})
    found = kwic(corpus, r"数字(政府|经济)", window=1, regex=True)
    assert found[["doc_id", "position", "keyword", "right"]].values.tolist() == [
        [1, 0, "数字政府", "和"],
        [1, 5, "数字经济", ""],
    ]
    literal = kwic(corpus, "互联网+", window=2)
    assert literal[["doc_id", "position", "left", "keyword", "right"]].values.tolist() == [
        [2, 2, "推进", "互联网+", "政务"],
    ]
    assert kwic(corpus, "互联网+", regex=True)["keyword"].tolist() == ["互联网"]
    assert kwic(corpus, "不存在").empty
    # empty matches of a regex are skipped, not reported as zero-width hits
    stars = kwic(pd.DataFrame({"doc_id": [1], "text": ["智慧智慧城"]}), "(智慧)*", regex=True)
    assert stars[["position", "keyword"]].values.tolist() == [[0, "智慧智慧"]]
    with pytest.raises(ValueError):
        kwic(corpus, "")


def test_kwic_on_paragraphs_reports_para_id():
    paragraphs = pd.DataFrame(
        {"doc_id": ["d", "d"], "para_id": [0, 1], "section": ["", ""], "text": ["一网通办", "推行一网通办"]}
    )
    result = kwic(paragraphs, "一网通办", window=5)
    assert list(result.columns) == ["doc_id", "para_id", "position", "left", "keyword", "right"]
    assert result[["para_id", "position", "left"]].values.tolist() == [[0, 0, ""], [1, 2, "推行"]]
