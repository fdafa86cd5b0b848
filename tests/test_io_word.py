"""Word files: .docx paragraphs and table rows in order; .doc/.wps read by what their bytes are."""

import re

import pytest

from analysis.io.errors import CorpusError
from analysis.io.formats import read_file
from analysis.io.word import OLE_MAGIC, read_docx, word_kind
from format_fixtures import seed_policy_paragraphs, write_docx


def test_paragraphs_then_table_rows_one_per_line_and_no_running_header(tmp_path):
    path = write_docx(
        tmp_path / "list.docx",
        ["某省数字政府建设重点任务清单", "各市人民政府:"],
        table=[["序号", "任务", "牵头单位"], ["1", "建设一网通办平台", "省大数据局"]],
    )
    assert read_docx(path).splitlines() == [
        "某省数字政府建设重点任务清单",
        "各市人民政府:",
        "序号  任务  牵头单位",
        "1  建设一网通办平台  省大数据局",
    ]  # the header part ("陕西省人民政府办公厅文件") is not body text


def test_a_merged_table_cell_is_read_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "智慧城市"
    table.cell(0, 2).text = "2021年"
    document.save(str(tmp_path / "merged.docx"))
    assert read_docx(tmp_path / "merged.docx") == "智慧城市  2021年"


def test_the_seed_policy_reads_back_line_for_line(policy_formats):
    assert read_docx(policy_formats[".docx"]).splitlines() == seed_policy_paragraphs()


def test_doc_and_wps_are_read_by_their_bytes(tmp_path):
    write_docx(tmp_path / "renamed.doc", ["某市关于智慧城市建设的通知", "正文。"])
    (tmp_path / "page.wps").write_text("<html><body><p>某县关于数字乡村的通知</p></body></html>", encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(OLE_MAGIC + b"\x00" * 504)
    assert [word_kind(tmp_path / n) for n in ("renamed.doc", "page.wps", "old.doc")] == ["docx", "html", "ole"]
    assert read_file(tmp_path / "renamed.doc").text.splitlines()[0] == "某市关于智慧城市建设的通知"
    assert read_file(tmp_path / "page.wps").text.strip() == "某县关于数字乡村的通知"
    with pytest.raises(CorpusError, match=re.escape("old.doc: Word 97-2003 / WPS binary file: save as .docx or PDF")):
        read_file(tmp_path / "old.doc")
    (tmp_path / "note.wps").write_bytes(b"{\\rtf1 abc}")
    with pytest.raises(CorpusError, match=re.escape("note.wps: .wps file that is not a Word package (rtf): save as")):
        read_file(tmp_path / "note.wps")


def test_a_corrupt_docx_is_refused_naming_the_file(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(CorpusError, match=re.escape("broken.docx: not a readable .docx")):
        read_docx(tmp_path / "broken.docx")
