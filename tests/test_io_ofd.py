"""OFD text with the standard library: pages in reading order, fake bold once, furniture by position."""

import re
import zipfile

import pytest

from analysis.io.errors import CorpusError
from analysis.io.ofd import read_ofd
from format_fixtures import Item, layout, seed_policy_paragraphs, write_ofd


def test_the_seed_policy_reads_back_exactly(policy_formats):
    read = read_ofd(policy_formats[".ofd"])
    assert re.sub(r"\s", "", read.text) == re.sub(r"\s", "", "".join(seed_policy_paragraphs()))
    assert read.text.splitlines() == seed_policy_paragraphs()  # wrapped lines rejoined, headings once
    assert [page for page, _text in read.furniture] == [1, 1, 2, 2, 3, 3]


def test_runs_are_read_top_to_bottom_then_left_to_right(tmp_path):
    # written out of order: the lower line first, the right half of a line before its left half
    pages = [[Item("第二行。", 72, 200), Item("建设的通知", 160, 100), Item("某市关于智慧城市", 72, 100)]]
    read = read_ofd(write_ofd(tmp_path / "order.ofd", pages))
    assert read.text.splitlines() == ["某市关于智慧城市建设的通知", "第二行。"]


def test_a_run_drawn_twice_at_almost_the_same_place_is_read_once(tmp_path):
    pages = [[Item("一、总体要求", 72, 100, bold=True), Item("一、总体要求", 72, 300)]]
    read = read_ofd(write_ofd(tmp_path / "bold.ofd", pages))
    assert read.text.splitlines() == ["一、总体要求", "一、总体要求"]  # the second, 200 pt lower, is real text


def test_pages_with_images_and_no_text_are_a_scan(tmp_path):
    path = write_ofd(tmp_path / "scan.ofd", [[], []], images=True)
    with pytest.raises(CorpusError, match=r"scan.ofd: no text layer \(scanned\?\): 2 pages; OCR is not done"):
        read_ofd(path)
    mixed = write_ofd(tmp_path / "mixed.ofd", [layout(["某县关于数字乡村的通知"])[0], []], images=True)
    assert read_ofd(mixed).no_text == [2]


def test_broken_packages_are_refused_naming_the_file_and_the_part(tmp_path):
    (tmp_path / "plain.ofd").write_bytes(b"not a zip")
    with pytest.raises(CorpusError, match=re.escape("plain.ofd: not a readable OFD")):
        read_ofd(tmp_path / "plain.ofd")
    with zipfile.ZipFile(tmp_path / "empty.ofd", "w") as z:
        z.writestr("readme.txt", "x")
    with pytest.raises(CorpusError, match=re.escape("missing part OFD.xml")):
        read_ofd(tmp_path / "empty.ofd")
    good = write_ofd(tmp_path / "good.ofd", layout(["某市关于智慧城市的通知"]))
    with zipfile.ZipFile(good) as z, zipfile.ZipFile(tmp_path / "bad.ofd", "w") as out:
        for name in z.namelist():
            out.writestr(name, z.read(name) if "Content" not in name else b"<ofd:Page")
    with pytest.raises(CorpusError, match=re.escape("bad.ofd: not a readable OFD (malformed XML")):
        read_ofd(tmp_path / "bad.ofd")
