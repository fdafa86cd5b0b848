"""The dispatcher: every supported suffix read into the same FileText, with the same checks."""

import re

import pytest

from analysis.io.errors import CorpusError
from analysis.io.files import SUFFIXES as FILES_SUFFIXES
from analysis.io.files import read_document_file
from analysis.io.formats import PAGED_SUFFIXES, SUFFIXES, read_file
from format_fixtures import Item, write_pdf


def test_each_format_says_what_it_was_read_as_and_only_paged_ones_have_pages(policy_formats):
    got = {suffix: read_file(path) for suffix, path in policy_formats.items()}
    assert {s: r.encoding for s, r in got.items()} == {".txt": "utf-8", ".pdf": "pdf", ".docx": "docx", ".ofd": "ofd"}
    assert [s for s, r in got.items() if r.pages] == [".pdf", ".ofd"]
    for read in got.values():
        assert "".join(read.pages or [read.text]) == read.text
    text, encoding = read_document_file(policy_formats[".pdf"])  # unpacks as it always did
    assert (text, encoding) == (got[".pdf"].text, "pdf")
    assert read_document_file(policy_formats[".pdf"]).pages == got[".pdf"].pages


def test_the_suffixes_are_one_list():
    assert FILES_SUFFIXES is SUFFIXES
    assert set(PAGED_SUFFIXES) <= set(SUFFIXES)
    assert {".pdf", ".docx", ".doc", ".wps", ".ofd", ".txt", ".md", ".html", ".htm"} == set(SUFFIXES)


def test_a_pdf_without_chinese_and_an_empty_file_are_refused(tmp_path):
    path = write_pdf(tmp_path / "english.pdf", [[Item("Smart city guidelines", 72, 100)]])
    with pytest.raises(CorpusError, match=r"english.pdf: no Chinese text found \(read as pdf\)"):
        read_file(path)
    (tmp_path / "empty.docx").write_bytes(b"")
    with pytest.raises(CorpusError, match=re.escape("empty.docx: empty file")):
        read_file(tmp_path / "empty.docx")


def test_file_text_unpacks_and_indexes_like_the_old_tuple(tmp_path):
    from analysis.io import read_file

    path = tmp_path / "a.txt"
    path.write_text("关于推进智慧城市建设的通知", encoding="utf-8")
    got = read_file(path)
    text, encoding = got
    assert (got[0], got[1]) == (text, encoding) == ("关于推进智慧城市建设的通知", "utf-8")
