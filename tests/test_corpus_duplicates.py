"""Duplicates (analysis.corpus.duplicates): republished copies of the same policy."""

import shutil
from pathlib import Path

import opencc
import pandas as pd

import analysis
from analysis.corpus import flag_duplicates

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _write(folder: Path, name: str, data: bytes | str, encoding="utf-8"):
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


def test_html_and_traditional_republication_flagged_as_duplicate(tmp_path):
    text = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "a_shaanxi.txt")
    trad = opencc.OpenCC("s2t").convert(text)
    body = "".join(f"<p>{line}</p>" for line in trad.split("\n"))
    html = f"<html><head><script>var x=1;</script></head><body><nav>首頁</nav>{body}</body></html>"
    _write(tmp_path, "b_shaanxi.html", html)
    df = analysis.load_corpus(tmp_path)
    assert len(df) == 2
    assert set(df.script) == {"simplified", "traditional"}
    a = df[df.source == "a_shaanxi.txt"].iloc[0]
    b = df[df.source == "b_shaanxi.html"].iloc[0]
    assert b.title == a.title and b.doc_number == a.doc_number
    assert (a.duplicate_of, b.duplicate_of) in {("", a.doc_id), (b.doc_id, "")}
    assert "var x" not in b.text


def test_same_doc_number_marks_the_later_copy():
    df = pd.DataFrame(
        {
            "doc_id": ["b", "a"],
            "title": ["甲", "乙"],
            "region": ["", ""],
            "year": [2021, 2020],
            "date": ["2021", "2020"],
            "doc_number": ["国发〔2020〕1号", "国发〔2020〕1号"],
            "text": ["一", "二"],
            "duplicate_of": ["", ""],
        }
    )
    assert list(flag_duplicates(df).duplicate_of) == ["a", ""]
