"""Bytes to text (analysis.io.decode): charset-normalizer, keeping UTF-8 first."""

from pathlib import Path

import opencc
import pytest

import analysis
from analysis.io import CorpusError, decode_bytes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SHAANXI = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")


def _write(folder: Path, name: str, data: bytes | str, encoding="utf-8"):
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig"])
def test_gbk_and_bom_files_load(tmp_path, encoding):
    text = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
    _write(tmp_path, "shaanxi.txt", text, encoding=encoding)
    df = analysis.load_corpus(tmp_path)
    assert df.iloc[0].title == "陕西省人民政府办公厅关于加快推进全省新型智慧城市建设的指导意见"
    assert df.iloc[0].date == "2018-08-25"


@pytest.mark.parametrize(
    "encoding, reported",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"), ("utf-16", "utf-16")],
)
def test_decode_bytes_round_trips(encoding, reported):
    text, enc = decode_bytes(SHAANXI.encode(encoding))
    assert (text, enc) == (SHAANXI, reported)


def test_big5_decodes_as_big5():
    trad = opencc.OpenCC("s2t").convert(SHAANXI)
    data = trad.encode("big5", errors="ignore")
    text, enc = decode_bytes(data)
    assert enc == "big5" and text == data.decode("big5")
    assert "陝西省人民政府辦公廳" in text


def test_short_gb18030_text_decodes():
    assert decode_bytes("关于智慧城市的通知".encode("gb18030")) == ("关于智慧城市的通知", "gb18030")


def test_every_seed_is_utf8():
    for p in sorted(SEEDS.glob("*.txt")):
        assert decode_bytes(p.read_bytes(), p)[1] == "utf-8", p.name


@pytest.mark.parametrize(
    "data, reason", [(b"\x00\x01\x02PNG\x00" * 50, "binary"), (b"\xe6\x99\xba\x80\xff\xfe\x80", "undecodable")]
)
def test_undecodable_bytes_raise_corpus_error_naming_the_file(data, reason):
    with pytest.raises(CorpusError, match=rf"bad\.txt: .*{reason}"):
        decode_bytes(data, "folder/bad.txt")
