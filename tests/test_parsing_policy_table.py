"""The policy table appended to a compilation (analysis.parsing.policy_table)."""

from pathlib import Path

from analysis.cleaning import clean_text
from analysis.parsing import has_policy_table, parse_policy_table

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_rows_are_split_on_running_numbers():
    raw = (SEEDS / "004_03387e22a2c5536b.txt").read_text(encoding="utf-8")
    rows = parse_policy_table(clean_text(raw), "004.txt")
    assert [r["no"] for r in rows] == list(range(1, 33))
    assert rows[5] == {
        "no": 6,
        "issuer": "国务院办公厅",
        "title": "关于加快推进“一件事一次办”打造政务服务升级版的指导意见",
        "doc_number": "国办发〔2022〕32号",
        "year": 2023,
        "source": "004.txt",
    }


def test_pages_without_a_table():
    text = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
    assert not has_policy_table(text)
    assert parse_policy_table(text, "003.txt") == []
