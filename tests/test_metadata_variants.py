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
