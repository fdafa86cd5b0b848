"""Script detection and conversion (analysis.cleaning.script)."""

from pathlib import Path

from analysis import cleaning

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SHAANXI = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
ZHENGZHOU = (SEEDS / "002_cfdf9cd42da11f50.txt").read_text(encoding="utf-8")


def test_traditional_to_simplified():
    assert cleaning.detect_script(ZHENGZHOU) == "traditional"
    assert cleaning.detect_script(SHAANXI) == "simplified"
    assert (
        cleaning.to_simplified("鄭州市人民政府關于加快推進新型智慧城市建設")
        == "郑州市人民政府关于加快推进新型智慧城市建设"
    )
    assert cleaning.to_simplified(SHAANXI) == SHAANXI


def test_text_without_han_characters_has_no_script():
    assert cleaning.detect_script("hello 2021") == "none"
