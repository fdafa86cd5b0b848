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


def test_field_evidence_names_value_evidence_and_rule_per_field():
    from analysis.parsing import EVIDENCE_COLUMNS, field_evidence

    # tests/devset/pages/069.txt: 文号 line, title wrapped over two lines, signature
    raw = (
        "鞍政办发〔2018〕16号\n鞍山市人民政府办公厅关于印发立足智慧服务\n建设“智慧鞍山”实施方案的通知\n"
        "各县(市)区人民政府,各开发区管委会,市政府各部门,各有关单位:\n"
        "《立足智慧服务建设“智慧鞍山”实施方案》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
        "鞍山市人民政府办公厅\n2018年2月13日\n立足智慧服务建设“智慧鞍山”实施方案\n为推动新型智慧城市建设,制定本方案。\n"
    )
    table = field_evidence(raw, "069.txt")
    assert list(table.columns) == EVIDENCE_COLUMNS
    by_field = table.set_index("field")
    assert set(by_field.index) >= {"title", "issuer", "doc_number", "date", "level", "region", "genre"}
    assert by_field.loc["title", "value"] == "鞍山市人民政府办公厅关于印发立足智慧服务建设“智慧鞍山”实施方案的通知"
    assert by_field.loc["title", "rule"] == "title block (wrapped lines joined)"
    assert by_field.loc["date", "value"] == "2018-02-13" and not by_field.loc["date", "inferred"]
    assert by_field.loc["level", "value"] == "prefecture"
