"""Tests for analysis.segment.filters: stopword, number and length filtering (through tokenize)."""

from __future__ import annotations

from analysis.segment import (
    tokenize,
)


def test_default_filters_drop_stopwords_punctuation_numbers_and_single_chars():
    text = "到2020年，我们的智慧城市建设取得了3.5%的增长！"
    tokens = tokenize(text)
    assert tokens == ["智慧城市", "建设", "取得", "增长"]


def test_filters_are_configurable():
    text = "到2020年，我们的智慧城市建设取得了3.5%的增长！"
    assert tokenize(text, stopwords=None) == ["我们", "智慧城市", "建设", "取得", "增长"]
    assert "2020" in tokenize(text, keep_numbers=True)
    assert "3.5%" in tokenize(text, keep_numbers=True)
    single = tokenize(text, min_len=1)
    assert "年" in single and "，" not in single and "！" not in single
    assert tokenize(text, stopwords=["智慧城市", "取得"]) == ["我们", "建设", "增长"]


def test_numeric_dictionary_terms_survive_the_number_filter():
    tokens = tokenize("“十四五”时期，第一，二十项任务")
    assert "十四五" in tokens
    assert "第一" not in tokens and "二十" not in tokens


def test_boilerplate_is_kept_by_default_and_removed_on_request():
    text = "加快推进新型智慧城市建设，进一步加强数据共享"
    assert {"加快", "推进", "进一步", "加强"} <= set(tokenize(text))
    assert tokenize(text, boilerplate=True) == ["新型智慧城市", "建设", "数据共享"]


def test_the_memo_of_decisions_gives_the_same_tokens_and_stays_bounded(monkeypatch):
    from analysis.segment import filters

    tokens = ["智慧城市", "的", "2020", "十四五", "，", "建设", "智慧城市", "3.5%", "a"]
    stopset = filters.stopword_set("default", False)
    protected = filters.numeric_dictionary_terms()
    memo: dict[str, bool] = {}
    plain = filters.filter_tokens(tokens, stopset, 2, False, protected)
    assert plain == ["智慧城市", "十四五", "建设", "智慧城市"]
    assert filters.filter_tokens(tokens, stopset, 2, False, protected, memo) == plain
    assert filters.filter_tokens(tokens, stopset, 2, False, protected, memo) == plain  # from the memo
    assert memo["智慧城市"] is True and memo["2020"] is False
    monkeypatch.setattr(filters, "MEMO_MAX", 3)
    filters.filter_tokens(["数字政府"], stopset, 2, False, protected, memo)
    assert len(memo) == 1
