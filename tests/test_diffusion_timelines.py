"""term_timeline on a hand-made corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import diffusion as D
from diffusion_corpora import small_corpus


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return small_corpus()


def test_term_timeline_counts_and_rates(corpus):
    tl = D.term_timeline(corpus, ["大数据"], years=range(2014, 2020)).set_index("year")
    assert list(tl.index) == [2014, 2015, 2016, 2017, 2018, 2019]
    assert tl.loc[2015, "count"] == 2 and tl.loc[2015, "n_docs_using"] == 1
    assert tl.loc[2015, "rate_per_10k"] == pytest.approx(2 / 12 * 1e4)
    # 2018: two documents (d uses it once, e not): 1 per (8 + 7) characters
    assert tl.loc[2018, "n_docs"] == 2 and tl.loc[2018, "share_docs"] == 0.5
    assert tl.loc[2018, "rate_per_10k"] == pytest.approx(1 / 15 * 1e4)
    # a year without documents is a gap, not a zero
    assert tl.loc[2014, "n_docs"] == 0 and np.isnan(tl.loc[2014, "rate_per_10k"])


def test_term_timeline_by_level_orders_levels_top_down(corpus):
    tl = D.term_timeline(corpus, ["大数据"], by="level", years=range(2015, 2016))
    assert list(tl.level) == ["central", "provincial", "prefecture"]
    assert list(tl.n_docs) == [1, 0, 0]


def test_term_timeline_flags_small_groups_and_gives_bootstrap_intervals(corpus):
    tl = D.term_timeline(corpus, ["大数据"], years=range(2015, 2019), n_boot=500).set_index("year")
    assert list(tl.columns[-3:]) == ["small_group", "lo", "hi"]
    assert tl.small_group.all()  # at most two documents and a few characters a year
    # one document: every resample is that document
    assert tl.loc[2015, "lo"] == pytest.approx(tl.loc[2015, "rate_per_10k"]) == tl.loc[2015, "hi"]
    # 2018: d (1 use in 8 characters) and e (0 in 7): resamples dd, de, ee give
    # 2/16, 1/15, 0/14 per character -> the 95% interval runs from 0 to 1/8
    assert tl.loc[2018, "lo"] == 0.0
    assert tl.loc[2018, "hi"] == pytest.approx(1 / 8 * 1e4)
    again = D.term_timeline(corpus, ["大数据"], years=range(2015, 2019), n_boot=500)
    np.testing.assert_allclose(again.lo, tl.lo.to_numpy())
    big = pd.concat([corpus] * 3, ignore_index=True).assign(doc_id=lambda d: [f"x{i}" for i in range(len(d))])
    big["text"] = big.text * 200
    big["n_chars"] = big.text.str.len()
    assert not D.term_timeline(big, ["大数据"], years=range(2018, 2019)).small_group.any()


def test_term_timeline_leaves_undated_documents_out(corpus):
    undated = pd.concat([corpus, corpus.iloc[[0]].assign(doc_id="u", year=None)], ignore_index=True)
    tl = D.term_timeline(undated, ["大数据"])
    assert tl.n_docs.sum() == 5
