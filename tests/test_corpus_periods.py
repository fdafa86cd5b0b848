"""The corpus's own period split and span."""

import pandas as pd

from analysis.corpus import split_year_for, year_range_for


def _docs(years):
    return pd.DataFrame({"year": pd.array(years, dtype="Int64")})


def test_split_is_the_median_year_of_the_dated_documents():
    # years 2014 2016 2018 2021 2021 2022: the lower middle year is 2018
    assert split_year_for(_docs([2021, 2014, None, 2016, 2018, 2021, 2022])) == 2018


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
