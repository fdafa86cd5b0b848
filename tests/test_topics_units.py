"""Tests for analysis.topics.units: which paragraphs are modelled and their index."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.topics import build_dtm, select_units, unit_index


def test_select_units_drops_headings_duplicates_and_short_paragraphs():
    paragraphs = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "c"],
        "para_id": [0, 1, 2, 0, 0],
        "text": ["一、总体要求", "推进数据共享", "", "推进数据共享", "建设"],
        "is_heading": [True, False, False, False, False],
    })  # fmt: skip
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "duplicate_of": ["", "a", ""]})
    corpus.attrs["skipped"] = [{"file": "x", "reason": "y"}]
    paragraphs.attrs = corpus.attrs
    units = select_units(paragraphs, corpus)
    assert units[["doc_id", "para_id"]].values.tolist() == [["a", 1], ["c", 0]]
    assert list(units.index) == [0, 1] and units.attrs == {}
    assert select_units(paragraphs, corpus, min_chars=3)["doc_id"].tolist() == ["a"]
    kept_all = select_units(paragraphs, None, drop_headings=False, min_chars=0)
    assert len(kept_all) == len(paragraphs)


def test_unit_index_for_paragraphs_and_documents():
    paragraphs = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 1], "text": ["数据", None]})
    index = unit_index(paragraphs)
    assert index.columns.tolist() == ["doc_id", "para_id", "n_chars"]
    assert index["para_id"].dtype == "Int64" and index["n_chars"].tolist() == [2, 0]
    documents = unit_index(pd.DataFrame({"doc_id": [1, 2], "text": ["甲乙", "丙"]}))
    assert documents["doc_id"].tolist() == ["1", "2"] and documents["para_id"].isna().all()
    with pytest.raises(KeyError, match="text"):
        unit_index(pd.DataFrame({"doc_id": ["a"]}))
    with pytest.raises(TypeError):
        unit_index(pd.Series(["a"]))  # type: ignore[arg-type]


def test_duplicate_unit_keys_are_rejected():
    units = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 0], "text": ["甲 乙", "甲 乙"]})
    with pytest.raises(ValueError, match="unique"):
        build_dtm(units, str.split, min_df=1, max_df=1.0)
