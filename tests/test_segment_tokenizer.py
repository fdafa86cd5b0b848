"""Tests for analysis.segment.tokenizer: Tokenizer, tokenize, add_terms."""

from __future__ import annotations

import doctest
import pickle
import re

import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer

from analysis import segment
from analysis.segment import (
    Tokenizer,
    provenance,
    tokenize,
)
from analysis.segment import provenance_info as segment_provenance_info
from analysis.segment import tokenizer as segment_tokenizer
from conftest import KEY_TERMS


@pytest.mark.parametrize("term", KEY_TERMS)
def test_key_term_is_one_token_in_context(term):
    assert term in tokenize(f"各地要加快推进{term}建设，")
    assert term in tokenize(f"{term}")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # seeds/000 (河北, 2019)
        (
            "新型智慧城市是以创新引领城市发展转型、全面推进新一代信息通信技术与新型城镇化发展战略深度融合",
            ["新型智慧城市"],
        ),
        # seeds/004 (国务院, 十四五规划纲要)
        (
            "完善城市信息模型平台和运行管理服务平台,构建城市数据资源体系,推进城市数据大脑建设。探索建设数字孪生城市。",
            ["城市信息模型", "数字孪生"],
        ),
        # seeds/004 (县城新型城镇化)
        ("推行县城运行一网统管,促进市政公用设施及建筑等物联网应用、智能化改造", ["一网统管", "物联网"]),
        # seeds/004
        ("推进“互联网+政务服务”,深化服务“一网通办”“一网统管”", ["一网通办", "一网统管", "政务服务"]),
        # seeds/004 (发改高技〔2014〕1770号)
        (
            "智慧城市是运用物联网、云计算、大数据、空间地理信息集成等新一代信息技术",
            ["智慧城市", "物联网", "云计算", "大数据"],
        ),
        # seeds/001 (四川, 2020)
        ("夯实数字基础设施、数据要素市场、信息安全体系三大基础保障", ["数据要素"]),
        # seeds/004 (山东)
        ("推动市级“城市大脑”与省一体化大数据平台和综合指挥平台互联互通", ["城市大脑", "大数据"]),
    ],
)
def test_key_terms_survive_in_real_seed_sentences(sentence, expected):
    tokens = tokenize(sentence)
    for term in expected:
        assert term in tokens, (term, tokens)


def _split_occurrences(text: str, term: str, tokenizer: Tokenizer) -> list[int]:
    """Offsets where ``term`` occurs in ``text`` but a token boundary cuts it."""
    boundaries, offset = set(), 0
    for token in tokenizer.cut(text):
        offset += len(token)
        boundaries.add(offset)
    return [m.start() for m in re.finditer(re.escape(term), text) if boundaries & set(range(m.start() + 1, m.end()))]


@pytest.mark.parametrize("term", KEY_TERMS)
def test_key_terms_never_split_in_seeds(seed_texts, term):
    tokenizer = Tokenizer()
    occurrences = sum(text.count(term) for text in seed_texts)
    assert occurrences > 0
    assert [_split_occurrences(t, term, tokenizer) for t in seed_texts] == [[]] * len(seed_texts)


def test_tokenize_is_deterministic_and_matches_a_fresh_tokenizer(seed_texts):
    text = seed_texts[1][:3000]
    first = tokenize(text)
    assert first == tokenize(text)
    assert first == Tokenizer()(text)
    assert first == pickle.loads(pickle.dumps(Tokenizer()))(text)


def test_cut_keeps_every_character():
    text = "推进“一网通办”，2020年 完成。"
    assert "".join(Tokenizer().cut(text)) == text


def test_invalid_arguments_are_rejected():
    with pytest.raises(ValueError):
        tokenize("智慧城市", stopwords="none")
    with pytest.raises(ValueError):
        tokenize("智慧城市", min_len=0)
    with pytest.raises(TypeError):
        tokenize(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Tokenizer(extra_terms=["智慧 城市"])


def test_module_docstring_examples():
    attempted = 0
    for module in (segment, segment_tokenizer, segment_provenance_info):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        attempted += result.attempted
    assert attempted >= 6


def test_countvectorizer_with_module_function():
    docs = ["推进智慧城市和大数据建设", "智慧城市，智慧城市，物联网"]
    vectorizer = CountVectorizer(tokenizer=tokenize, lowercase=False, token_pattern=None)
    matrix = vectorizer.fit_transform(docs).toarray()
    vocab = vectorizer.vocabulary_
    assert set(vocab) == {"推进", "智慧城市", "大数据", "建设", "物联网"}
    assert matrix[1, vocab["智慧城市"]] == 2
    assert matrix[0, vocab["大数据"]] == 1
    restored = pickle.loads(pickle.dumps(vectorizer))
    assert (restored.transform(docs).toarray() == matrix).all()


def test_countvectorizer_with_configured_tokenizer_survives_pickle():
    docs = ["加快推进智慧城市建设", "推进一网通办"]
    vectorizer = CountVectorizer(tokenizer=Tokenizer(boilerplate=True), lowercase=False, token_pattern=None)
    matrix = vectorizer.fit_transform(docs).toarray()
    assert set(vectorizer.vocabulary_) == {"智慧城市", "建设", "一网通办"}
    restored = pickle.loads(pickle.dumps(vectorizer))
    assert (restored.transform(docs).toarray() == matrix).all()
    cloned = clone(vectorizer)  # as in GridSearchCV / Pipeline
    assert (cloned.fit_transform(docs).toarray() == matrix).all()


def test_tokenizer_pickle_is_small_and_lazy():
    tokenizer = Tokenizer(extra_terms=["三融五跨"])
    tokenizer("三融五跨")  # loads a private dictionary copy (~50 MB)
    blob = pickle.dumps(tokenizer)
    assert len(blob) < 50_000
    restored = pickle.loads(blob)
    assert restored._jieba is None
    assert restored("推进三融五跨") == ["推进", "三融五跨"]
    assert restored.fingerprint == tokenizer.fingerprint


def test_extra_terms_become_tokens_without_changing_the_default():
    text = "全面推行三融五跨改革"
    assert "三融五跨" not in tokenize(text)
    tokenizer = Tokenizer(extra_terms=pd.Series(["三融五跨"]))
    assert "三融五跨" in tokenizer(text)
    assert tokenizer.has_word("三融五跨")
    assert not segment.get_default_tokenizer().has_word("三融五跨")
    assert tokenizer.fingerprint != Tokenizer().fingerprint


def test_add_terms_method_updates_tokens_and_fingerprint():
    tokenizer = Tokenizer()
    before = tokenizer.fingerprint
    assert "双千兆城市" not in tokenizer("建设双千兆城市")
    assert tokenizer.add_terms("双千兆城市") is tokenizer
    assert "双千兆城市" in tokenizer("建设双千兆城市")
    assert tokenizer.fingerprint != before
    # Adding to an already private copy extends it in place.
    tokenizer.add_terms(["数智融合"])
    assert "数智融合" in tokenizer("推进数智融合")
    assert "双千兆城市" in tokenizer("建设双千兆城市")


def test_module_add_terms_affects_tokenize(monkeypatch):
    monkeypatch.setattr(segment_tokenizer, "_DEFAULT_TOKENIZER", Tokenizer())
    assert "双千兆城市" not in tokenize("建设双千兆城市")
    segment.add_terms(["双千兆城市"])
    assert "双千兆城市" in tokenize("建设双千兆城市")
    assert "双千兆城市" in provenance()["tokenizer"]["extra_terms"]


@pytest.mark.parametrize(
    "term,sentence",
    [
        ("浙里办", "依托浙里办推动掌上办事。"),
        ("粤省事", "群众通过粤省事小程序查询社保。"),
        ("接诉即办", "深化接诉即办改革。"),
        ("东数西算", "积极对接国家东数西算工程布局。"),
        ("公共数据授权运营", "稳妥推进公共数据授权运营试点。"),
        ("首席数据官", "在市直部门推行首席数据官制度。"),
        ("免申即享", "推动惠企政策免申即享。"),
        ("无证明城市", "全面推进无证明城市建设。"),
        ("一网统管", "推动城市运行一网统管向街道社区延伸。"),
        ("跨省通办", "扩大政务服务跨省通办事项范围。"),
    ],
)
def test_terms_of_policies_outside_the_seeds_stay_whole(term, sentence):
    assert term in tokenize(sentence)
