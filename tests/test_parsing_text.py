"""parse_text (analysis.parsing.text): a file's text into a page or the documents of a compilation."""

from pathlib import Path

import pytest

from analysis.corpus import CorpusError, parse_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_compilation_gives_one_document_per_entry():
    raw = (SEEDS / "004_03387e22a2c5536b.txt").read_text(encoding="utf-8")
    docs, removed = parse_text(raw, "004.txt")
    assert len(docs) == 19 and removed == []
    assert docs[0].source == "004.txt#1" and {d.script for d in docs} == {"traditional"}


def test_page_gives_one_document():
    raw = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
    docs, _removed = parse_text(raw, "003.txt")
    assert [d.doc_number for d in docs] == ["陕政办发〔2018〕47号"]


def test_blank_text_raises():
    with pytest.raises(CorpusError, match=r"blank\.txt: no text left after cleaning"):
        parse_text("  \n ", "blank.txt")
