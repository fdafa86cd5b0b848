"""Tests for analysis.segment: tokenisation, dictionary, cache, discovery, provenance."""

from __future__ import annotations

import doctest
import hashlib
import math
import pickle
import re
import subprocess
import sys
from pathlib import Path

import jieba
import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer

from analysis import segment
from analysis.segment import (
    DICTIONARY_VERSION,
    Tokenizer,
    discover_terms,
    load_stopwords,
    load_user_dictionary,
    provenance,
    tokenize,
    tokenize_corpus,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

KEY_TERMS = [
    "智慧城市", "大数据", "物联网", "云计算", "一网通办", "一网统管", "城市大脑",
    "数字孪生", "城市信息模型", "数据要素", "新型智慧城市",
]


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Send the disk cache to a per-test directory, never the working tree."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv(segment.CACHE_ENV_VAR, str(cache_dir))
    return cache_dir


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    import opencc

    to_simplified = opencc.OpenCC("t2s").convert
    return [to_simplified(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


# --------------------------------------------------------------------------
# Shipped data
# --------------------------------------------------------------------------


def test_dictionary_header_version_matches_constant():
    first_lines = segment.USER_DICT_PATH.read_text(encoding="utf-8").splitlines()[:5]
    assert f"# version: {DICTIONARY_VERSION}" in first_lines


def test_dictionary_entries_are_unique_and_contain_key_terms():
    entries = load_user_dictionary()
    words = [w for w, _, _ in entries]
    assert len(words) == len(set(words))
    assert set(KEY_TERMS) <= set(words)
    assert all(freq >= 2000 for _, freq, _ in entries)


def test_dictionary_with_wrong_version_is_rejected(tmp_path, monkeypatch):
    bad = tmp_path / "dict.txt"
    bad.write_text("# version: 0.0.0\n智慧城市 2000 nz\n", encoding="utf-8")
    monkeypatch.setattr(segment, "USER_DICT_PATH", bad)
    segment.load_user_dictionary.cache_clear()
    try:
        with pytest.raises(ValueError, match="version"):
            segment.load_user_dictionary()
    finally:
        monkeypatch.undo()
        segment.load_user_dictionary.cache_clear()


def test_stopword_lists_are_separate_and_cover_the_brief():
    general, boilerplate = load_stopwords("general"), load_stopwords("boilerplate")
    assert {"的", "和", "我们", "以及"} <= general
    assert {"加快", "推进", "加强", "有关", "进一步", "积极", "全面", "深入"} <= boilerplate
    assert not general & boilerplate
    with pytest.raises(ValueError):
        load_stopwords("policy")


# --------------------------------------------------------------------------
# tokenize
# --------------------------------------------------------------------------


def test_plain_jieba_splits_the_key_terms():
    # The reason the dictionary exists: without it these are broken up.
    assert jieba.lcut("智慧城市") != ["智慧城市"]
    assert jieba.lcut("一网通办") != ["一网通办"]


@pytest.mark.parametrize("term", KEY_TERMS)
def test_key_term_is_one_token_in_context(term):
    assert term in tokenize(f"各地要加快推进{term}建设，")
    assert term in tokenize(f"{term}")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # seeds/000 (河北, 2019)
        ("新型智慧城市是以创新引领城市发展转型、全面推进新一代信息通信技术与新型城镇化发展战略深度融合",
         ["新型智慧城市"]),
        # seeds/004 (国务院, 十四五规划纲要)
        ("完善城市信息模型平台和运行管理服务平台,构建城市数据资源体系,推进城市数据大脑建设。探索建设数字孪生城市。",
         ["城市信息模型", "数字孪生"]),
        # seeds/004 (县城新型城镇化)
        ("推行县城运行一网统管,促进市政公用设施及建筑等物联网应用、智能化改造", ["一网统管", "物联网"]),
        # seeds/004
        ("推进“互联网+政务服务”,深化服务“一网通办”“一网统管”", ["一网通办", "一网统管", "政务服务"]),
        # seeds/004 (发改高技〔2014〕1770号)
        ("智慧城市是运用物联网、云计算、大数据、空间地理信息集成等新一代信息技术",
         ["智慧城市", "物联网", "云计算", "大数据"]),
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
    return [
        m.start()
        for m in re.finditer(re.escape(term), text)
        if boundaries & set(range(m.start() + 1, m.end()))
    ]


@pytest.mark.parametrize("term", KEY_TERMS)
def test_key_terms_never_split_in_seeds(seed_texts, term):
    tokenizer = Tokenizer()
    occurrences = sum(text.count(term) for text in seed_texts)
    assert occurrences > 0
    assert [_split_occurrences(t, term, tokenizer) for t in seed_texts] == [[]] * len(seed_texts)


def test_default_filters_drop_stopwords_punctuation_numbers_and_single_chars():
    text = "到2020年，我们的智慧城市建设取得了3.5%的增长！"
    tokens = tokenize(text)
    assert tokens == ["智慧城市", "建设", "取得", "增长"]


def test_filters_are_configurable():
    text = "到2020年，我们的智慧城市建设取得了3.5%的增长！"
    assert tokenize(text, stopwords=None) == ["2020"][:0] + ["我们", "智慧城市", "建设", "取得", "增长"]
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


def test_tokenize_is_deterministic_and_matches_a_fresh_tokenizer(seed_texts):
    text = seed_texts[1][:3000]
    first = tokenize(text)
    assert first == tokenize(text)
    assert first == Tokenizer()(text)
    assert first == pickle.loads(pickle.dumps(Tokenizer()))(text)


def test_global_jieba_is_not_modified():
    tokenize("一网通办")
    Tokenizer(extra_terms=["三融五跨"])("三融五跨")
    assert jieba.lcut("一网通办") != ["一网通办"]
    assert "三融五跨" not in jieba.lcut("推进三融五跨")


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


def test_jieba_loading_is_silent():
    code = "from analysis.segment import tokenize; print(tokenize('推进一网通办'))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "['推进', '一网通办']"
    for message in ("Building prefix dict", "Loading model", "Dumping model", "Prefix dict"):
        assert message not in done.stderr


def test_module_docstring_examples():
    result = doctest.testmod(segment, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3
    assert result.failed == 0


# --------------------------------------------------------------------------
# scikit-learn integration and pickling
# --------------------------------------------------------------------------


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
    vectorizer = CountVectorizer(
        tokenizer=Tokenizer(boilerplate=True), lowercase=False, token_pattern=None
    )
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


# --------------------------------------------------------------------------
# Extra terms
# --------------------------------------------------------------------------


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
    monkeypatch.setattr(segment, "_DEFAULT_TOKENIZER", Tokenizer())
    assert "双千兆城市" not in tokenize("建设双千兆城市")
    segment.add_terms(["双千兆城市"])
    assert "双千兆城市" in tokenize("建设双千兆城市")
    assert "双千兆城市" in provenance()["tokenizer"]["extra_terms"]


# --------------------------------------------------------------------------
# Provenance
# --------------------------------------------------------------------------


def test_provenance_reports_versions_and_file_hashes():
    info = provenance()
    assert info["jieba_version"] == jieba.__version__
    assert info["dictionary_version"] == DICTIONARY_VERSION
    assert info["package"] == "analysis" and info["package_version"]
    for path in (segment.USER_DICT_PATH, segment.STOPWORDS_PATH, segment.BOILERPLATE_PATH):
        assert info["files"][path.name] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert info["fingerprint"] == segment.get_default_tokenizer().fingerprint
    assert provenance(Tokenizer(boilerplate=True))["tokenizer"]["boilerplate"] is True
    assert provenance(str.split)["fingerprint"] is None


def test_fingerprint_depends_on_data_files_and_jieba_version(monkeypatch):
    base = Tokenizer().fingerprint
    assert Tokenizer().fingerprint == base
    assert Tokenizer(min_len=1).fingerprint != base
    monkeypatch.setattr(jieba, "__version__", "0.0.0")
    assert Tokenizer().fingerprint != base
    monkeypatch.undo()
    monkeypatch.setattr(segment, "_file_sha256", lambda path: "0" * 64)
    assert Tokenizer().fingerprint != base


# --------------------------------------------------------------------------
# tokenize_corpus and caching
# --------------------------------------------------------------------------


@pytest.fixture()
def counted_calls(monkeypatch):
    """Count calls to Tokenizer.__call__ (one per segmented text)."""
    calls: list[str] = []
    original = Tokenizer.__call__

    def counting(self, text):
        calls.append(text)
        return original(self, text)

    monkeypatch.setattr(Tokenizer, "__call__", counting)
    segment._MEMORY_CACHE.clear()
    return calls


def test_tokenize_corpus_aligns_with_index_and_matches_tokenize():
    corpus = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "text": ["推进智慧城市建设", None, "一网通办，一网统管"]},
        index=[10, 20, 30],
    )
    tokens = tokenize_corpus(corpus, cache=False)
    assert list(tokens.index) == [10, 20, 30]
    assert tokens.name == "tokens"
    assert tokens.tolist() == [tokenize("推进智慧城市建设"), [], ["一网通办", "一网统管"]]
    assert "provenance" in tokens.attrs
    assert tokenize_corpus(["推进智慧城市建设"], cache=False).tolist() == [tokenize("推进智慧城市建设")]
    with pytest.raises(KeyError):
        tokenize_corpus(corpus, text_col="body")


def test_cache_hit_avoids_resegmentation(counted_calls, isolated_cache):
    texts = pd.Series(["推进智慧城市建设", "发展数字经济", "推进智慧城市建设"])
    first = tokenize_corpus(texts)
    assert len(counted_calls) == 2  # the duplicate text is segmented once
    assert (isolated_cache / "tokens.sqlite").is_file()

    second = tokenize_corpus(texts)
    assert len(counted_calls) == 2  # memory hit
    segment._MEMORY_CACHE.clear()
    third = tokenize_corpus(texts)
    assert len(counted_calls) == 2  # disk hit
    assert first.tolist() == second.tolist() == third.tolist()

    tokenize_corpus(texts, tokenizer=Tokenizer(boilerplate=True))
    assert len(counted_calls) == 4  # new fingerprint: segmented again


def test_cache_returns_independent_lists(counted_calls):
    texts = ["推进智慧城市建设"]
    tokenize_corpus(texts)[0].append("污染")
    assert tokenize_corpus(texts)[0] == tokenize(texts[0])


def test_cache_can_be_disabled_and_relocated(counted_calls, tmp_path):
    texts = ["推进智慧城市建设"]
    tokenize_corpus(texts, cache=False)
    tokenize_corpus(texts, cache=False)
    assert len(counted_calls) == 2
    assert not (tmp_path / "cache").exists()

    elsewhere = tmp_path / "elsewhere"
    tokenize_corpus(texts, cache_dir=elsewhere)
    assert (elsewhere / "tokens.sqlite").is_file()
    segment.clear_cache(elsewhere)
    assert not (elsewhere / "tokens.sqlite").exists()


def test_foreign_callables_work_uncached(tmp_path):
    tokens = tokenize_corpus(["a b a"], tokenizer=str.split)
    assert tokens.tolist() == [["a", "b", "a"]]
    assert not (tmp_path / "cache" / "tokens.sqlite").exists()


def test_progress_bar_only_for_large_corpora(capsys, monkeypatch):
    tokenize_corpus(["推进智慧城市建设", "发展数字经济"], cache=False)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(segment, "PROGRESS_MIN_DOCS", 1)
    tokenize_corpus(["推进智慧城市建设", "发展数字经济"], cache=False)
    assert "segmenting" in capsys.readouterr().err


def test_parallel_segmentation_gives_the_same_tokens(seed_texts):
    chunks = [t[i : i + 500] for t in seed_texts[:2] for i in range(0, 4000, 500)]
    serial = tokenize_corpus(chunks, cache=False)
    parallel = tokenize_corpus(chunks, cache=False, n_jobs=2)
    assert parallel.tolist() == serial.tolist()


def test_memory_cache_is_bounded():
    lru = segment._TokenLRU(max_tokens=5)
    lru.put(("f", "a"), ("x", "y", "z"))
    lru.put(("f", "b"), ("x", "y"))
    assert lru.get(("f", "a")) is not None  # now most recently used
    lru.put(("f", "c"), ("x",))  # 6 tokens > 5: evicts the least recent, "b"
    assert lru.get(("f", "b")) is None
    assert lru.get(("f", "a")) == ("x", "y", "z")
    assert len(lru) == 2


# --------------------------------------------------------------------------
# discover_terms
# --------------------------------------------------------------------------


def test_discovery_statistics_match_hand_computation():
    # Han characters: 3 + 4 + 3 = 10.  Counts: 甲 3, 乙 3, 丙 2, 丁 1, 戊 1;
    # 甲乙 3, 乙丙 2, 丁甲 1.  The comma keeps 乙 and 戊 apart in text 3.
    texts = ["甲乙丙", "丁甲乙丙", "甲乙，戊"]
    result = discover_terms(
        texts, min_count=2, max_len=2, min_pmi=-math.inf, min_entropy=0.0,
        exclude_known=False, edge_chars="",
    ).set_index("term")
    assert list(result.index) == ["甲乙", "乙丙"]  # ranked by score
    jia_yi, yi_bing = result.loc["甲乙"], result.loc["乙丙"]
    assert jia_yi["count"] == 3 and yi_bing["count"] == 2
    # PMI = log2(count * N / (count(left part) * count(right part)))
    assert jia_yi["pmi"] == pytest.approx(math.log2(3 * 10 / (3 * 3)))
    assert yi_bing["pmi"] == pytest.approx(math.log2(2 * 10 / (3 * 2)))
    # 甲乙: left = {text start: 2, 丁: 1}, right = {丙: 2, "，": 1}
    # H = -(2/3) log2(2/3) - (1/3) log2(1/3) = log2 3 - 2/3 on both sides.
    h = -(2 / 3) * math.log2(2 / 3) - (1 / 3) * math.log2(1 / 3)
    assert h == pytest.approx(math.log2(3) - 2 / 3)
    assert jia_yi["left_entropy"] == pytest.approx(h)
    assert jia_yi["right_entropy"] == pytest.approx(h)
    # 乙丙: always after 甲 and always at the end of a text -> 0 and 0.
    assert yi_bing["left_entropy"] == pytest.approx(0.0)
    assert yi_bing["right_entropy"] == pytest.approx(0.0)
    assert jia_yi["score"] == pytest.approx(math.log2(30 / 9) * h)
    assert yi_bing["score"] == pytest.approx(0.0)


def test_discovery_counts_no_ngrams_across_punctuation():
    # "甲乙" occurs only across the comma, so it must not be counted.
    result = discover_terms(
        ["甲，乙丙"] * 5, min_count=2, max_len=2, min_pmi=-math.inf,
        min_entropy=0.0, exclude_known=False, edge_chars="",
    )
    assert "甲乙" not in set(result["term"])
    assert set(result["term"]) == {"乙丙"}


def _synthetic_policy_text(slogan: str, n_sentences: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    verbs = ["推进", "落实", "深化", "完善", "推广", "实施", "开展", "强化"]
    objects = ["政务服务", "城市治理", "公共服务", "数据共享", "基层治理", "社会治理", "产业发展"]
    tails = ["改革", "工作", "试点", "机制", "行动", "体系"]
    sentences = []
    for i in range(n_sentences):
        verb, obj, tail = rng.choice(verbs), rng.choice(objects), rng.choice(tails)
        if i % 3 == 0:
            # the slogan in varied contexts, like a real policy catchword
            sentences.append(f"{verb}{slogan}{tail}，{obj}{rng.choice(tails)}。")
        else:
            sentences.append(f"{verb}{obj}{tail}，{rng.choice(objects)}{rng.choice(tails)}。")
    return ["".join(sentences[i : i + 10]) for i in range(0, n_sentences, 10)]


def test_discovery_recovers_a_planted_slogan():
    slogan = "三融五跨"
    texts = _synthetic_policy_text(slogan, 600, seed=1)
    assert slogan not in tokenize(texts[0])  # unknown to the shipped dictionary
    result = discover_terms(texts, min_count=5)
    assert result["term"].iloc[0] == slogan
    # Fragments of the slogan are either absent or ranked far below it.
    fragments = {"三融五", "融五跨", "融五", "三融"}
    assert not fragments & set(result["term"].iloc[:5])
    assert list(result.columns) == ["term", "count", "pmi", "left_entropy", "right_entropy", "score"]
    assert result.attrs["provenance"]["dictionary_version"] == DICTIONARY_VERSION

    # Two-line adaptation: the discovered term becomes a token.
    tokenizer = Tokenizer(extra_terms=result.term[:20])
    assert slogan in tokenizer(texts[0])


def test_discovery_excludes_known_words_by_default():
    texts = ["推进智慧城市建设，发展智慧城市。"] * 10 + ["智慧城市是方向。"] * 10
    known = discover_terms(texts, min_count=5, exclude_known=False)
    assert "智慧城市" in set(known["term"])
    assert "智慧城市" not in set(discover_terms(texts, min_count=5)["term"])


def test_discovery_handles_empty_input():
    empty = discover_terms(["", "2020年", "ABC"], min_count=1)
    assert empty.empty
    assert list(empty.columns) == ["term", "count", "pmi", "left_entropy", "right_entropy", "score"]
    with pytest.raises(TypeError):
        discover_terms("智慧城市")


def test_discover_terms_drops_fragments_but_keeps_new_slogans():
    from analysis.segment import Tokenizer, _is_fragment, load_user_dictionary

    tok = Tokenizer()
    policy = {w for w, _f, _t in load_user_dictionary() if len(w) >= 3}
    assert _is_fragment("智慧城市建设", tok, policy)      # known term + generic word
    assert _is_fragment("率达到", tok, policy)            # dangling character + word
    assert _is_fragment("坚持以", tok, policy)
    assert not _is_fragment("三融五跨", tok, policy)      # all single characters: maybe new
    assert not _is_fragment("城市大脑", tok, policy)


def test_adapt_tokenizer_adds_discovered_terms():
    from analysis.segment import adapt_tokenizer

    texts = ["推进三融五跨改革,实现三融五跨目标。" * 3, "坚持三融五跨原则,深化三融五跨工作。" * 3]
    tok, new = adapt_tokenizer(texts, n_terms=5, min_count=3)
    assert new.term.iloc[0] == "三融五跨"
    assert "三融五跨" in tok("全面推进三融五跨")


def test_discovery_finds_a_slogan_always_printed_in_quotes():
    # Local slogans are printed in quotes; before quotes counted as boundaries,
    # the constant neighbours “ and ” gave such a term zero entropy.
    rng = np.random.default_rng(3)
    verbs, tails = ["推进", "深化", "完善", "推广", "依托", "打响"], ["改革", "品牌", "平台", "服务", "建设"]
    objects = ["政务服务", "城市治理", "公共服务", "数据共享", "基层治理"]
    sentences = []
    for i in range(300):
        obj = "“汇民办”" if i % 4 == 0 else rng.choice(objects)
        sentences.append(f"{rng.choice(verbs)}{obj}{rng.choice(tails)}，{rng.choice(objects)}{rng.choice(tails)}。")
    texts = ["".join(sentences[i:i + 10]) for i in range(0, 300, 10)]
    assert "汇民办" not in tokenize(texts[0])  # unknown to the shipped dictionary
    result = discover_terms(texts, min_count=5)
    row = result[result.term == "汇民办"]
    assert len(row) == 1
    # every occurrence sits between a distinct pair of quote marks: maximal entropy
    assert row.left_entropy.iloc[0] == pytest.approx(np.log2(75)) == row.right_entropy.iloc[0]
    assert result.term.iloc[0] == "汇民办"


def test_fragment_rule_keeps_known_term_plus_a_new_term():
    from analysis.segment import _is_fragment

    tok, known = Tokenizer(), {"公共数据", "智慧城市"}
    assert _is_fragment("智慧城市建设", tok, known)      # known term + generic word
    assert _is_fragment("推进智慧城市建设", tok, known)  # known term inside a phrase
    assert not _is_fragment("公共数据授权运营", tok, known)  # known term + a term of its own


@pytest.mark.parametrize("term,sentence", [
    ("浙里办", "依托浙里办推动掌上办事。"), ("粤省事", "群众通过粤省事小程序查询社保。"),
    ("接诉即办", "深化接诉即办改革。"), ("东数西算", "积极对接国家东数西算工程布局。"),
    ("公共数据授权运营", "稳妥推进公共数据授权运营试点。"), ("首席数据官", "在市直部门推行首席数据官制度。"),
    ("免申即享", "推动惠企政策免申即享。"), ("无证明城市", "全面推进无证明城市建设。"),
    ("一网统管", "推动城市运行一网统管向街道社区延伸。"), ("跨省通办", "扩大政务服务跨省通办事项范围。"),
])
def test_terms_of_policies_outside_the_seeds_stay_whole(term, sentence):
    assert term in tokenize(sentence)
