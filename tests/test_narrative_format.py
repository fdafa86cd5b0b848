"""Numbers, shares, lists and spans in computed sentences."""

import math

from analysis.narrative import cannot, listing, number, percent, plural, year_span


def test_number_groups_thousands_and_keeps_one_decimal():
    assert number(53115) == "53,115"
    assert number(3.0) == "3"
    assert number(0.44) == "0.4"


def test_percent_states_small_shares_as_below_one_unit():
    assert percent(0.28) == "28%"
    assert percent(0.104, 1) == "10.4%"
    assert percent(0.001) == "<1%"
    assert percent(0.0) == "0%"
    assert percent(math.nan) == "n/a"


def test_plural_and_listing_read_as_english():
    assert plural(1, "document") == "1 document"
    assert plural(0, "document") == "0 documents"
    assert plural(2, "further policy", "further policies") == "2 further policies"
    assert listing([]) == ""
    assert listing(["a"]) == "a"
    assert listing(["a", "b", "c"]) == "a, b and c"
    assert listing(["2015", "2017"], conjunction="or") == "2015 or 2017"
    assert listing([str(i) for i in range(8)], limit=3) == "0, 1, 2 and 5 more"


def test_year_span_ignores_missing_years():
    assert year_span([2021, None, 2014, float("nan")]) == "2014-2021"
    assert year_span([2021, 2021]) == "2021"
    assert year_span([None]) == ""


def test_cannot_is_one_sentence_with_the_reason():
    assert cannot("Keyness", "it has no local document.") == (
        "*Keyness: not computed for this corpus, because it has no local document.*"
    )
