"""Damage measures (analysis.cleaning.damage): mojibake and the per-step damage report."""

from pathlib import Path

from analysis import cleaning

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
COMPILATION = (SEEDS / "004_03387e22a2c5536b.txt").read_text(encoding="utf-8")
SHAANXI = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")


def test_mojibake_is_counted():
    assert cleaning.count_mojibake("推动第五代移动通信网络规?;渴?,建设") == 2
    assert cleaning.count_mojibake("见 http://x.cn/a?b=1 页面") == 0
    assert cleaning.count_mojibake("张伟??\n联系电话") == 1


def test_damage_report_counts_repairs_of_the_compilation_only():
    pdf = cleaning.damage_report(COMPILATION)
    assert pdf["script"] == "traditional" and pdf["chunk_markers"] > 0 and pdf["page_numbers"] > 0
    assert pdf["doubled_chars"] > 0 and pdf["converted_chars"] > 0
    assert pdf["chars_after"] == len(cleaning.clean_text(COMPILATION))
    web = cleaning.damage_report(SHAANXI)
    assert (web["chunk_markers"], web["page_numbers"], web["doubled_chars"], web["converted_chars"]) == (0, 0, 0, 0)
