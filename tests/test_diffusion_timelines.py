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
