"""PDF text: fake bold read once, running headers and page numbers dropped by position, scans and bad files refused."""

import re

import pytest

from analysis.io.errors import CorpusError
from analysis.io.pdf import read_pdf
from format_fixtures import Item, layout, seed_policy_paragraphs, write_image_pdf, write_pdf, write_unmapped_pdf

HEADINGS = ["一、总体要求", "(一)指导思想。", "(二)基本原则。", "二、总体框架", "三、主要任务", "四、保障措施"]


def _squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_fake_bold_headings_come_out_once_where_pdfminer_prints_them_twice(policy_formats):
    from pdfminer.high_level import extract_text

    ours = _squash(read_pdf(policy_formats[".pdf"]).text)
    plain = _squash(extract_text(policy_formats[".pdf"]))
    for heading in HEADINGS:
        interleaved = "".join(ch + ch for ch in heading)
        # the fixture really draws each heading twice: pdfminer prints both copies
        assert plain.count(heading) == 2 or interleaved in plain, heading
        assert ours.count(heading) == 1, heading
        assert interleaved not in ours


def test_the_seed_policy_reads_back_exactly_without_header_or_page_numbers(policy_formats):
    read = read_pdf(policy_formats[".pdf"])
    assert _squash(read.text) == _squash("".join(seed_policy_paragraphs()))
    assert len(read.pages) == 3
    assert read.furniture == [
        (1, "陕西省人民政府办公厅文件"), (1, "- 1 -"),
        (2, "陕西省人民政府办公厅文件"), (2, "- 2 -"),
        (3, "陕西省人民政府办公厅文件"), (3, "- 3 -"),
    ]  # fmt: skip
    # paragraphs wrapped over several printed lines come back as one line each
    assert read.text.splitlines()[:3] == seed_policy_paragraphs()[:3]


def test_two_pages_with_header_and_page_numbers(tmp_path):
    paragraphs = [
        "关于推进某市数字政府建设的通知",
        "各区人民政府:",
        "现将有关事项通知如下。",
        "一、工作目标",
        "到2025年,基本建成数字政府。",
    ]
    pages = layout(paragraphs, header="某市人民政府公报", page_numbers=True, lines_per_page=3)
    path = write_pdf(tmp_path / "two.pdf", pages)
    read = read_pdf(path)
    assert len(read.pages) == 2
    assert "公报" not in read.text and not re.search(r"-\s*\d\s*-", read.text)
    assert read.text.splitlines() == paragraphs


def test_a_one_page_pdf_keeps_every_line(tmp_path):
    pages = [[Item("某县人民政府关于智慧县城建设的通知", 100, 40, 11), Item("正文一句。", 72, 300, 11)]]
    read = read_pdf(write_pdf(tmp_path / "one.pdf", pages))
    assert read.text.splitlines() == ["某县人民政府关于智慧县城建设的通知", "正文一句。"]  # no repetition, no furniture


def test_an_image_only_pdf_is_refused_as_a_scan(tmp_path):
    path = write_image_pdf(tmp_path / "scan.pdf", n_pages=3)
    with pytest.raises(CorpusError, match=r"no text layer \(scanned\?\): 3 pages; OCR is not done") as err:
        read_pdf(path)
    assert "scan.pdf" in str(err.value)


def test_scanned_pages_inside_a_text_pdf_are_named(tmp_path):
    import pypdf

    text = write_pdf(tmp_path / "text.pdf", layout(["某市关于智慧城市的通知", "正文。"]))
    scan = write_image_pdf(tmp_path / "scan.pdf", n_pages=1)
    writer = pypdf.PdfWriter()
    for source in (text, scan):
        writer.append(str(source))
    writer.write(tmp_path / "mixed.pdf")
    read = read_pdf(tmp_path / "mixed.pdf")
    assert read.no_text == [2]
    assert read.pages[1] == ""
    assert "某市关于智慧城市的通知" in read.text


def test_encrypted_and_corrupt_pdfs_are_refused_naming_the_file(tmp_path, policy_formats):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(policy_formats[".pdf"]))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    writer.write(tmp_path / "locked.pdf")
    with pytest.raises(CorpusError, match=re.escape("locked.pdf: encrypted PDF: a password is needed")):
        read_pdf(tmp_path / "locked.pdf")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage without objects")
    with pytest.raises(CorpusError, match=re.escape("broken.pdf: not a readable PDF")):
        read_pdf(tmp_path / "broken.pdf")


def test_a_font_without_unicode_mapping_is_refused_not_read_as_cid_codes(tmp_path):
    path = write_unmapped_pdf(tmp_path / "unmapped.pdf", n_glyphs=20)
    message = "unmapped.pdf: PDF fonts without Unicode mapping: 20 of 20 characters unreadable; OCR is not done"
    with pytest.raises(CorpusError, match=re.escape(message)):
        read_pdf(path)
