"""Tests for analysis.segment.rjieba_backend: the rjieba engine, its instances and its agreement with jieba."""

from __future__ import annotations

import pickle
from collections import Counter

import pytest
import rjieba

from analysis.segment import Tokenizer, load_user_dictionary, tokenize
from analysis.segment.rjieba_backend import base_rjieba, new_rjieba
from conftest import KEY_TERMS

DICTIONARY_TERMS = [word for word, _, _ in load_user_dictionary()]


def test_tokenize_uses_the_rjieba_engine_by_default():
    assert Tokenizer().engine == "rjieba"
    text = "加快推进新型智慧城市建设，推行政务服务一网通办"
    assert (
        tokenize(text) == Tokenizer()(text) == ["加快", "推进", "新型智慧城市", "建设", "推行", "政务服务", "一网通办"]
    )


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="engine must be one of"):
        Tokenizer(engine="pkuseg")


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_every_dictionary_term_stays_whole_with_either_engine(engine):
    tok = Tokenizer(engine=engine, stopwords=None, min_len=1, keep_numbers=True)
    alone = [term for term in DICTIONARY_TERMS if tok.cut(term) != [term]]
    in_context = [term for term in DICTIONARY_TERMS if term not in tok.cut(f"各地要加快推进{term}建设，")]
    assert len(DICTIONARY_TERMS) > 300
    assert alone == [] and in_context == []


def test_tokenizers_with_different_terms_do_not_leak_into_each_other():
    sentence = "推进三融五跨和两横三纵"
    first = Tokenizer(extra_terms=["三融五跨"])
    second = Tokenizer(extra_terms=["两横三纵"])
    assert "三融五跨" in first(sentence) and "两横三纵" not in first(sentence)
    assert "两横三纵" in second(sentence) and "三融五跨" not in second(sentence)
    # neither the shared instance behind tokenize() nor rjieba's module-level dictionary changed
    assert "三融五跨" not in tokenize(sentence) and "两横三纵" not in tokenize(sentence)
    assert not rjieba.has_word("三融五跨") and not base_rjieba().has_word("三融五跨")


def test_add_terms_in_place_extends_a_private_instance_only():
    tok = Tokenizer(extra_terms=["三融五跨"])
    tok("预热")
    tok.add_terms("两横三纵")
    assert tok.has_word("两横三纵") and tok.has_word("三融五跨")
    assert "两横三纵" in tok("构建两横三纵框架")
    assert not base_rjieba().has_word("两横三纵")
    fresh = Tokenizer()
    fresh("预热")  # now holds the shared instance, which add_terms must not change
    fresh.add_terms(["两横三纵"])
    assert "两横三纵" in fresh("构建两横三纵框架") and not base_rjieba().has_word("两横三纵")


def test_new_instances_get_the_policy_dictionary_and_extra_terms():
    instance = new_rjieba(["三融五跨"])
    assert instance.has_word("三融五跨") and instance.has_word("一网通办")
    assert not rjieba.Jieba().has_word("一网通办")  # the plain rjieba dictionary lacks it


def test_a_tokenizer_pickles_without_its_rjieba_instance():
    tok = Tokenizer(extra_terms=["三融五跨"])
    tok("预热")
    copy = pickle.loads(pickle.dumps(tok))
    assert copy._jieba is None and copy.engine == "rjieba"
    assert copy("推进三融五跨") == tok("推进三融五跨") == ["推进", "三融五跨"]


def _token_counts(tok, texts):
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(tok(text))
    return counts


def test_engines_agree_on_the_seeds(seed_texts):
    # Measured: 99.90 % of the filtered tokens shared; the rest are ASCII runs
    # rjieba keeps whole (NB-IoT, 2020-12-31, web addresses), jieba splits.
    reference = _token_counts(Tokenizer(engine="jieba"), seed_texts)
    fast = _token_counts(Tokenizer(), seed_texts)
    shared = sum((reference & fast).values())
    assert shared / sum(reference.values()) >= 0.995
    for term in [*KEY_TERMS, *DICTIONARY_TERMS]:
        assert reference[term] == fast[term], term
    differing = (reference - fast) + (fast - reference)
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in token) for token in differing), differing


def test_engines_agree_on_a_small_corpus_unlike_the_seeds():
    # one county notice, no date, another province, dictionary terms at odd places
    texts = [
        "云南省勐海县人民政府办公室关于推进数字乡村和一网统管工作的通知。城市大脑接入乡镇，数据要素市场化配置改革试点。",
        "智慧城市",
        "",
    ]
    for text in texts:
        assert Tokenizer(engine="jieba")(text) == Tokenizer()(text)
