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


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("(公共)?数据开放|开放数据", "推进公共数据开放数据开放，开放数据", 3),  # 公共数据开放 | 数据开放 | 开放数据
        ("(公共)?数据开放|开放数据", "数据开放数据", 1),  # non-overlapping: 开放数据 overlaps the first match
        ("城市信息模型|(?<![A-Za-z])CIM(?![A-Za-z])", "CIM平台、XCIM、CIMS与城市信息模型", 2),
        ("城市(数据)?大脑", "城市大脑和城市数据大脑", 2),
        ("5G(?![0-9A-Za-z])", "5G基站，5GB流量", 1),
        ("(?i)ai", "AI与ai", 2),  # case-insensitive: no literal shortcut
        ("[一二三]网", "一网通办 三网融合", 2),
        ("[一二三]|网", "一网", 2),  # an alternative without a literal: no shortcut
        ("[a-z]+数据", "bigdata数据 ab数据", 2),  # unbounded before the literal: no shortcut
        ("[一二]?网(通)?办|办", "一网通办办网办", 3),  # optional prefix, a match inside another's span
        ("数据数据", "数据数据数据数据数据", 2),
    ],
)
def test_count_terms_counts_as_findall(pattern, text, expected):
    import re

    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": [text, "无关内容"]})
    counts = D.count_terms(corpus, {"t": pattern})["count"].tolist()
    assert counts == [expected, 0] == [len(re.findall(pattern, text)), 0]


def test_literal_runs_name_what_every_match_holds():
    import re

    from analysis.diffusion.watchlist import _literal_runs

    # (run, fewest and most characters before it)
    assert _literal_runs(re.compile("(公共)?数据开放|开放数据")) == [("数据开放", 0, 2), ("开放数据", 0, 0)]
    assert _literal_runs(re.compile("城市(数据)?大脑")) == [("城市", 0, 0)]
    assert _literal_runs(re.compile("(?<![A-Za-z])CIM(?![A-Za-z])")) == [("CIM", 0, 0)]
    assert _literal_runs(re.compile("[一二]网|数据")) == [("网", 1, 1), ("数据", 0, 0)]
    assert _literal_runs(re.compile("(?i)ai")) is None and _literal_runs(re.compile("[一二]|数据")) is None
    assert _literal_runs(re.compile("[a-z]+数据")) is None  # unbounded before the run


def test_count_terms_on_seeds_equals_findall(seed_corpus):
    wl = D.load_watchlist()
    counts = D.count_terms(seed_corpus, wl).pivot(index="doc_id", columns="term", values="count")
    for term, pattern in D.term_patterns(wl).items():
        expected = [len(pattern.findall(text)) for text in seed_corpus["text"]]
        assert counts.loc[seed_corpus["doc_id"], term].tolist() == expected, term
    assert counts["新型智慧城市"].sum() > 0  # the seeds do use the watchlist


def test_count_terms_missing_text_counts_nan():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["大数据", None]})
    counts = D.count_terms(corpus, ["大数据", "城市大脑"])
    assert counts["count"].dtype == float and counts["count"].isna().tolist() == [False, True, False, True]
    assert counts["count"].iloc[0] == 1


def test_count_terms_equals_findall_on_random_texts():
    import re

    import numpy as np

    rng = np.random.default_rng(0)
    alphabet = list("数据开放公共城市大脑CIMX一二网通办")
    texts = ["".join(rng.choice(alphabet, size=int(rng.integers(0, 60)))) for _ in range(400)]
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    patterns = {
        "a": "(公共)?数据开放|开放数据",
        "b": "城市(数据)?大脑",
        "c": "城市信息模型|(?<![A-Za-z])CIM(?![A-Za-z])",
        "d": "[一二]?网(通)?办|办",
        "e": "数据",
        "f": "(开放){1,2}数据",
    }
    counts = D.count_terms(corpus, patterns)
    for term, pattern in patterns.items():
        got = counts.loc[counts.term == term, "count"].tolist()
        assert got == [len(re.findall(pattern, text)) for text in texts], term
