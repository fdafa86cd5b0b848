"""Jurisdictions, first appearance, adoption lag, event history and adoption curves, checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import diffusion as D
from diffusion_corpora import small_corpus


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return small_corpus()


def test_jurisdictions(corpus):
    assert list(D.jurisdictions(corpus)) == ["全国", "河北", "山东", "山东", "郑州市"]


def test_first_appearance_and_lag(corpus):
    fa = D.first_appearance(corpus, ["大数据"], by="level").set_index("level")
    assert fa.loc["central", "first_year"] == 2015 and fa.loc["provincial", "first_year"] == 2017
    assert fa.loc["provincial", "first_doc_id"] == "b" and fa.loc["provincial", "n_docs_using"] == 2
    assert "prefecture" not in fa.index
    lag = D.adoption_lag(corpus, ["大数据", "城市大脑", "智慧城市"]).set_index("term")
    assert lag.loc["大数据", "lag_years"] == 2 and lag.loc["大数据", "direction"] == "top-down"
    assert lag.loc["大数据", "first_national"] == 2015
    assert pd.isna(lag.loc["城市大脑", "first_national"]) and lag.loc["城市大脑", "first_prefecture"] == 2018
    assert lag.loc["智慧城市", "first_local"] == 2016 and pd.isna(lag.loc["智慧城市", "lag_years"])


def test_event_history_rows_by_hand(corpus):
    # default: a jurisdiction is at risk from its first document (Hebei 2017, Shandong 2016, Zhengzhou 2018)
    eh = D.event_history(corpus, ["大数据"], start=2015, end=2019)
    hebei = eh[eh.jurisdiction == "河北"]
    assert list(hebei.year) == [2017] and list(hebei.adopted) == [1]
    shandong = eh[eh.jurisdiction == "山东"]
    assert list(shandong.year) == [2016, 2017, 2018] and list(shandong.adopted) == [0, 0, 1]
    assert list(shandong.n_docs) == [1, 0, 1]
    zz = eh[eh.jurisdiction == "郑州市"]
    assert list(zz.year) == [2018, 2019] and zz.adopted.sum() == 0
    assert zz.level.iloc[0] == "prefecture" and zz.region.iloc[0] == "河南"
    # central use in 2015 is "prior" from 2016 on
    assert list(shandong.central_prior) == [1, 1, 1]
    # in 2018 one of Shandong's two peers (Hebei, 2017) had adopted
    assert shandong[shandong.year == 2018].share_prior.iloc[0] == 0.5
    assert shandong[shandong.year == 2017].share_prior.iloc[0] == 0.0
    assert len(eh) == 1 + 3 + 2


def test_event_history_classic_window_start(corpus):
    eh = D.event_history(corpus, ["大数据"], start=2015, end=2019, from_first_document=False)
    shandong = eh[eh.jurisdiction == "山东"]
    assert list(shandong.year) == [2015, 2016, 2017, 2018] and list(shandong.adopted) == [0, 0, 0, 1]
    assert list(shandong.central_prior) == [0, 1, 1, 1]
    assert len(eh) == 3 + 4 + 5


def test_adoption_curve(corpus):
    ac = D.adoption_curve(corpus, ["大数据"], years=range(2016, 2020)).set_index("year")
    assert list(ac.n_adopted) == [0, 1, 2, 2]
    assert ac.n_jurisdictions.iloc[0] == 3
    assert ac.loc[2018, "share"] == pytest.approx(2 / 3)
    assert ac.share.is_monotonic_increasing
    # jurisdictions with a document so far: Shandong 2016, Hebei 2017, Zhengzhou 2018
    assert list(ac.n_observed) == [1, 2, 3, 3]
    assert ac.loc[2017, "share_of_observed"] == pytest.approx(1 / 2)
