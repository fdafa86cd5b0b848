"""The watchlist and term counting."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import diffusion as D
from diffusion_corpora import small_corpus


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return small_corpus()


def test_watchlist_loads_and_patterns_compile():
    wl = D.load_watchlist()
    assert {"物联网", "一网通办", "数据要素", "城市大脑"} <= set(wl.term)
    assert set(wl.category) == {"technology", "governance", "framing"}
    pats = D.term_patterns(wl)
    assert pats["城市大脑"].search("推进城市数据大脑建设")  # variant in the pattern
    assert pats["5G"].search("推动5G商用") and not pats["5G"].search("5GB")


def test_bad_watchlist_pattern_names_the_term(tmp_path):
    p = tmp_path / "wl.csv"
    p.write_text("term,pattern\n数字孪生,(未闭合\n", encoding="utf-8")
    with pytest.raises(ValueError, match="数字孪生"):
        D.load_watchlist(p)


def test_count_terms_one_row_per_document_and_term(corpus):
    counts = D.count_terms(corpus, {"大数据": "", "城市": "(智慧)?城市"})
    assert len(counts) == len(corpus) * 2 and list(counts.columns) == ["doc_id", "term", "count"]
    wide = counts.pivot(index="doc_id", columns="term", values="count")
    assert wide.loc["a", "大数据"] == 2 and wide.loc["c", "大数据"] == 0
    assert wide.loc["b", "城市"] == 1 and wide.loc["e", "城市"] == 1
    # a list of literal terms works too, and regex metacharacters are literal there
    assert D.count_terms(corpus, ["大数据", "("])["count"].tolist()[:5] == [2, 1, 0, 1, 0]


def test_level_names_come_from_analysis_levels():
    from analysis import levels

    assert D.CENTRAL_LEVELS is levels.CENTRAL_LEVELS and D.LOCAL_LEVELS is levels.LOCAL_LEVELS
    assert D.LEVELS is levels.LEVELS
