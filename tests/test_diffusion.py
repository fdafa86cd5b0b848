"""Term diffusion tables on a hand-made corpus with hand-computed expectations."""
import numpy as np
import pandas as pd
import pytest

from analysis import diffusion as D


@pytest.fixture()
def corpus():
    rows = [
        # doc_id, year, date, level, region, issuer, text
        ("a", 2015, "2015-03-01", "central", "全国", "国务院", "推进大数据发展。大数据。"),
        ("b", 2017, "2017-05-01", "provincial", "河北", "河北省人民政府", "建设智慧城市,应用大数据。"),
        ("c", 2016, "2016-01-01", "provincial", "山东", "山东省人民政府", "建设智慧城市。"),
        ("d", 2018, "2018-01-01", "provincial", "山东", "", "发展大数据产业。"),
        ("e", 2018, "2018-06-01", "prefecture", "河南", "郑州市人民政府", "城市大脑建设。"),
    ]
    df = pd.DataFrame(rows, columns=["doc_id", "year", "date", "level", "region", "issuer", "text"])
    df["n_chars"] = df.text.str.len()
    return df


def test_watchlist_loads_and_patterns_compile():
    wl = D.load_watchlist()
    assert {"物联网", "一网通办", "数据要素", "城市大脑"} <= set(wl.term)
    assert set(wl.category) == {"technology", "governance", "framing"}
    pats = D._patterns(wl)
    assert pats["城市大脑"].search("推进城市数据大脑建设")  # variant in the pattern
    assert pats["5G"].search("推动5G商用") and not pats["5G"].search("5GB")


def test_bad_watchlist_pattern_names_the_term(tmp_path):
    p = tmp_path / "wl.csv"
    p.write_text("term,pattern\n数字孪生,(未闭合\n", encoding="utf-8")
    with pytest.raises(ValueError, match="数字孪生"):
        D.load_watchlist(p)


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


def test_title_terms():
    titles = pd.DataFrame({"year": [2021, 2021, 2022], "title": ["数据安全", "智慧社区", "数字政府数据共享"]})
    tt = D.title_terms(titles, words=("数据", "智慧")).set_index(["year", "word"])
    assert tt.loc[(2021, "数据"), "n_with_word"] == 1 and tt.loc[(2021, "数据"), "share"] == 0.5
    assert tt.loc[(2022, "数据"), "n_titles"] == 1 and tt.loc[(2022, "智慧"), "n_with_word"] == 0


def test_emerging_terms_rise_after_the_split():
    # whitespace tokens so the counts are exact: 新词 6x after 2019 in two documents, never before;
    # 旧词 only before; 独词 5x after but in one document only (fails min_docs=2)
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "year": [2016, 2017, 2020, 2021],
        "text": ["旧词 旧词 旧词 基础 基础", "旧词 旧词 基础 基础 基础",
                 "新词 新词 新词 独词 独词 独词 独词 独词 基础", "新词 新词 新词 基础"],
    })
    corpus["n_chars"] = corpus.text.str.len()
    em = D.emerging_terms(corpus, split_year=2019, min_count=5, min_docs=2, tokenizer=str.split)
    assert list(em.term) == ["新词"]
    row = em.iloc[0]
    assert (row.count_target, row.count_reference, row.docs_after, row.docs_before) == (6, 0, 2, 0)
    # G2 by hand: a = 6 (target), b = 0; target tokens 13, reference tokens 10, total 23
    e1 = 13 * 6 / 23
    assert row.g2 == pytest.approx(2 * 6 * np.log(6 / e1))
    assert "2019" in em.attrs["method"]
