"""Which document of a pair is the source (analysis.reuse.direction, through find_reuse)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.reuse import (
    find_reuse,
)
from reuse_corpora import (
    two_docs,
)


# --------------------------------------------------------------------------
# direction
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "date_a, date_b, level_a, level_b, source, same_year, basis",
    [
        ("2020-01-05", "2014-08-27", "central", "county", "b", False, "date"),
        ("2019", "2018-12-31", "central", "county", "b", False, "date"),
        ("2019-03", "2019-05-20", "county", "central", "a", True, "date"),
        ("2019-05-21", "2019-05-20", "county", "central", "b", True, "date"),
        # year-only vs a full date of the same year is a tie: level decides
        ("2019", "2019-06-01", "county", "central", "b", True, "level"),
        ("2019-06", "2019-06-01", "central", "prefecture", "a", True, "level"),
        # full tie: doc_id decides
        ("2019-06-01", "2019-06-01", "ministry", "ministry", "a", True, "doc_id"),
    ],
)
def test_direction_follows_dates_then_level_then_doc_id(date_a, date_b, level_a, level_b, source, same_year, basis):
    result = find_reuse(two_docs(date_a, date_b, level_a, level_b))
    pair = result.pairs.iloc[0]
    assert pair.source_doc_id == source
    assert pair.target_doc_id == ({"a", "b"} - {source}).pop()
    assert bool(pair.same_year) is same_year
    assert pair.direction_basis == basis
    # the passage table follows the same orientation
    assert set(result.passages.source_doc_id) == {source}


def test_unknown_date_falls_back_to_level():
    corpus = two_docs("2021-01-01", "2015-01-01", level_a="central", level_b="county")
    corpus.loc[0, ["date", "year"]] = [None, None]
    pair = find_reuse(corpus).pairs.iloc[0]
    assert (pair.source_doc_id, pair.direction_basis, bool(pair.same_year)) == ("a", "level", True)
    assert pair.source_date == "" and pair.target_date == "2015-01-01"


def test_direction_does_not_depend_on_row_order():
    corpus = two_docs("2021-01-01", "2015-01-01")
    forward = find_reuse(corpus).pairs
    backward = find_reuse(corpus.iloc[::-1].reset_index(drop=True)).pairs
    pd.testing.assert_frame_equal(forward, backward)
    assert forward.source_doc_id.iloc[0] == "b"
