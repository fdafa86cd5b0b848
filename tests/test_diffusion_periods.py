"""split_year_for: the corpus's own median year splits it into two periods."""

from __future__ import annotations

import pandas as pd

from analysis.diffusion import split_year_for


def test_split_year_is_the_median_rounded_up():
    assert split_year_for([2014, 2016, 2021, 2022]) == 2019  # median 2018.5
    assert split_year_for([2020, 2021, 2021]) == 2021
    assert split_year_for(pd.Series([2019, 2020, 2021, 2022, 2023])) == 2021


def test_split_year_leaves_documents_on_both_sides():
    # median 2020 would put every document in the later period
    assert split_year_for([2020, 2020, 2020, 2021]) == 2021
    assert split_year_for([2020, 2023]) == 2022  # median 2021.5: one document each side


def test_split_year_needs_two_distinct_years():
    assert split_year_for([]) is None
    assert split_year_for([2021, 2021, 2021]) is None
    assert split_year_for(pd.Series([2021, None, pd.NA], dtype="Int64")) is None
    assert split_year_for(pd.Series([2018, None, 2022], dtype="Int64")) == 2020
