"""The corpus's own period split and span."""

import pandas as pd

from analysis.corpus import split_year_for, year_range_for


def _docs(years):
    return pd.DataFrame({"year": pd.array(years, dtype="Int64")})


def test_split_is_the_median_year_of_the_dated_documents():
    # years 2014 2016 2018 2021 2021 2022: median 2019.5, split 2020 (three documents each side)
    assert split_year_for(_docs([2021, 2014, None, 2016, 2018, 2021, 2022])) == 2020


def test_split_moves_up_when_no_document_would_be_earlier():
    # median 2019 is the first year: the later period would hold every document
    assert split_year_for(_docs([2019, 2019, 2019, 2020])) == 2020


def test_no_split_for_one_year_or_no_dates():
    assert split_year_for(_docs([2021, 2021, None])) is None
    assert split_year_for(_docs([None, None])) is None
    assert split_year_for(_docs([])) is None


def test_split_on_the_seeds_leaves_documents_on_both_sides(seed_corpus):
    dated = seed_corpus[seed_corpus.year.notna()]
    split = split_year_for(dated)
    assert (dated.year < split).any() and (dated.year >= split).any()


def test_year_range_is_the_corpus_span():
    assert year_range_for(_docs([2020, None, 2023])) == range(2020, 2024)
    assert year_range_for(_docs([None])) is None


# the same function takes the years themselves (diffusion re-exports it)


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
