"""with_docvars (analysis.corpus.docvars): document variables onto derived tables."""

import pandas as pd
import pytest

from analysis.corpus import with_docvars

CORPUS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c"],
        "year": [2019, 2020, 2021],
        "level": ["central", "provincial", "prefecture"],
        "region": ["全国", "河北", "河南"],
        "title": ["甲", "乙", "丙"],
    }
)


def test_joins_year_level_region_keeping_row_order_and_index():
    table = pd.DataFrame({"doc_id": ["c", "a", "c", "x"], "n": [1, 2, 3, 4]}, index=[10, 11, 12, 13])
    out = with_docvars(table, CORPUS)
    assert list(out.columns) == ["doc_id", "n", "year", "level", "region"]
    assert list(out.index) == [10, 11, 12, 13] and list(out.n) == [1, 2, 3, 4]
    assert out.year.tolist()[:3] == [2021, 2019, 2021] and pd.isna(out.year.iloc[3])
    assert out.level.tolist()[:3] == ["prefecture", "central", "prefecture"]
    assert "year" not in table.columns  # the input is not changed


def test_pair_tables_take_both_sides_with_prefixes():
    pairs = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]})
    out = with_docvars(with_docvars(pairs, CORPUS, ("year",), on="source"), CORPUS, ("year",), on="target")
    assert out.to_dict("list") == {
        "source": ["a", "b"],
        "target": ["b", "c"],
        "source_year": [2019, 2020],
        "target_year": [2020, 2021],
    }
    cited = with_docvars(pd.DataFrame({"citing": ["b"]}), CORPUS, ("title",), on="citing", prefix="")
    assert cited.title.tolist() == ["乙"]


def test_accepts_a_corpus_load():
    from pathlib import Path

    from analysis.corpus import CorpusLoad

    load = CorpusLoad(
        CORPUS, pd.DataFrame(columns=["file", "reason"]), pd.DataFrame(columns=["field", "source"]), Path(".")
    )
    assert with_docvars(pd.DataFrame({"doc_id": ["b"]}), load).region.tolist() == ["河北"]


def test_a_table_without_doc_ids_raises_a_clear_key_error():
    with pytest.raises(KeyError, match="no document id column 'doc_id'"):
        with_docvars(pd.DataFrame({"term": ["数据"]}), CORPUS)
    with pytest.raises(KeyError, match="no document id column 'citing'"):
        with_docvars(pd.DataFrame({"doc_id": ["a"]}), CORPUS, on="citing")
    with pytest.raises(KeyError, match=r"the corpus has no column\(s\) \['genre'\]"):
        with_docvars(pd.DataFrame({"doc_id": ["a"]}), CORPUS, ("genre",))


def test_existing_columns_are_not_overwritten():
    with pytest.raises(ValueError, match="already has column"):
        with_docvars(pd.DataFrame({"doc_id": ["a"], "year": [1]}), CORPUS)
