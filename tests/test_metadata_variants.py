"""Variant Han characters (analysis.metadata.variants): matched as the standard form."""

from analysis.metadata import classify_level
from analysis.metadata.gazetteer import find_places, leading_place
from analysis.metadata.variants import VARIANT_CHARS, standard_chars


def test_variant_characters_map_one_to_one():
    # tests/devset/holdout6/pages/009.txt signs "陜西省發展和改革委員會" (陜 U+965C, not 陝 U+965D)
    assert standard_chars("陜西省发展和改革委员会") == "陕西省发展和改革委员会"
    assert all(len(k) == len(v) == 1 for k, v in VARIANT_CHARS.items())
    assert standard_chars("陕西省") == "陕西省"


def test_places_are_found_through_a_variant_at_the_same_position():
    assert leading_place("陜西省发展和改革委员会").province == "陕西"
    assert [(pos, p.name) for pos, p in find_places("根据陜西省规定")] == [(2, "陕西省")]
    assert classify_level("陜西省发展和改革委员会")[:2] == ("provincial", "陕西")


def test_layout_spaces_between_han_characters_are_dropped_for_comparing():
    from analysis.metadata import without_han_spaces

    # tests/devset/holdout8/pages/062.txt printed with a space splitting its genre word
    assert without_han_spaces("济南市“互联网+”行动计 划(2016-2018年)") == "济南市“互联网+”行动计划(2016-2018年)"
    # tests/devset/holdout3/annotations.csv (028): "关于印发 甘肃省…", a space before a quote mark
    assert without_han_spaces("甘肅省人民政府辦公廳關于印發 甘肅省新一代人工智能發展實施方案的通知").count(" ") == 0
    assert without_han_spaces('关于印发《 "数字利辛 "建设规划》的通知') == '关于印发《"数字利辛"建设规划》的通知'
    # spaces between Latin words, or between a number and a word, are not layout inside a name
    assert without_han_spaces("Smart City 2.0 智慧城市") == "Smart City 2.0 智慧城市"
    assert without_han_spaces("宽带中国 2013 专项行动") == "宽带中国 2013 专项行动"
    # tests/devset/pages/032.txt: a space inside the plan period's year
    assert without_han_spaces("建设规划(2 021—2025年)") == "建设规划(2021—2025年)"
    assert without_han_spaces("建设规划(2021 — 2025年)") == "建设规划(2021—2025年)"
