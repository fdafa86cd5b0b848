"""find_reuse: recovery of planted passages, boilerplate, false positives, determinism, parameters."""

from __future__ import annotations

import math
import random

import pandas as pd
import pytest

from analysis.reuse import (
    PAIR_COLUMNS,
    PASSAGE_COLUMNS,
    find_reuse,
)
from reuse_corpora import (
    BOILERPLATE,
    P_CLOUD,
    P_OPEN,
    P_PRINCIPLE,
    P_SERVICES,
    boilerplate_corpus,
    compose,
    corpus_of,
    edit,
    filler,
    level_corpus,
    only_passage,
    two_docs,
)


# --------------------------------------------------------------------------
# recovery of planted passages
# --------------------------------------------------------------------------
def test_exact_copy_is_recovered_with_exact_offsets():
    rng = random.Random(1)
    src, (s_span,) = compose(rng, [P_PRINCIPLE])
    tgt, (t_span,) = compose(rng, [P_PRINCIPLE], gap=300)
    corpus = corpus_of(
        {"doc_id": "old", "text": src, "date": "2014-08-27"}, {"doc_id": "new", "text": tgt, "date": "2019-02-18"}
    )
    result = find_reuse(corpus)
    row = only_passage(result, "old", "new")
    assert (row.source_start, row.source_end) == s_span
    assert (row.target_start, row.target_end) == t_span
    assert src[row.source_start : row.source_end] == row.source_text == P_PRINCIPLE
    assert tgt[row.target_start : row.target_end] == row.target_text == P_PRINCIPLE
    assert row.similarity == pytest.approx(1.0)
    pair = result.pairs.iloc[0]
    assert pair.aligned_chars == len(P_PRINCIPLE)
    assert pair.target_share == pytest.approx(len(P_PRINCIPLE) / len(tgt))
    assert pair.source_share == pytest.approx(len(P_PRINCIPLE) / len(src))
    assert pair.score == pytest.approx(len(P_PRINCIPLE))


@pytest.mark.parametrize(
    "ops",
    [
        [("sub", 40, "甲"), ("sub", 90, "乙丙")],  # substitutions
        [("ins", 35, "深入推进"), ("ins", 100, "和")],  # insertions
        [("del", 30, "2"), ("del", 80, "3")],  # deletions
        [("sub", 25, "丁"), ("ins", 60, "全面"), ("del", 110, "1")],  # mixed
    ],
    ids=["substitute", "insert", "delete", "mixed"],
)
def test_edited_copy_is_recovered_with_exact_offsets(ops):
    rng = random.Random(2)
    copied = edit(P_SERVICES, ops)
    assert copied != P_SERVICES
    src, (s_span,) = compose(rng, [P_SERVICES])
    tgt, (t_span,) = compose(rng, [copied])
    corpus = corpus_of({"doc_id": "a", "text": src}, {"doc_id": "b", "text": tgt})
    row = only_passage(find_reuse(corpus), "a", "b")
    assert (row.source_start, row.source_end) == s_span
    assert (row.target_start, row.target_end) == t_span
    assert row.target_text == copied and row.source_text == P_SERVICES
    assert 0.85 < row.similarity < 1.0


def test_hebei_style_rewording_is_one_passage():
    # Hebei 2019 dropped 计划生育 and 检验检测 from the 2014 list and rephrased the end
    hebei = (
        "在教育文化、医疗卫生、劳动就业、社会保障、住房保障、环境保护、交通出行、防灾减灾等"
        "公共服务领域,基本建成覆盖城乡居民、农民工及其随迁家属的信息服务体系,"
        "公众获取公共服务更加方便、及时、高效"
    )
    rng = random.Random(3)
    src, (s_span,) = compose(rng, [P_SERVICES])
    tgt, (t_span,) = compose(rng, [hebei])
    corpus = corpus_of(
        {"doc_id": "ndrc", "text": src, "date": "2014-08-27"}, {"doc_id": "hebei", "text": tgt, "date": "2019-02-18"}
    )
    row = only_passage(find_reuse(corpus), "ndrc", "hebei")
    assert (row.target_start, row.target_end) == t_span
    assert (row.source_start, row.source_end) == s_span
    assert row.similarity > 0.9


def test_punctuation_whitespace_and_fullwidth_digits_do_not_break_matching():
    rng = random.Random(4)
    passage = P_CLOUD + ",到2020年建成一批特色鲜明的智慧城市"
    reformatted = passage.replace(",", ",\n  ").replace("、", ",").replace("。", "。 ").replace("2020", "２０２０")
    src, _ = compose(rng, [passage])
    tgt, (t_span,) = compose(rng, [reformatted])
    corpus = corpus_of({"doc_id": "a", "text": src}, {"doc_id": "b", "text": tgt})
    row = only_passage(find_reuse(corpus), "a", "b")
    assert (row.target_start, row.target_end) == t_span
    assert row.target_text == reformatted
    assert row.source_text == passage
    assert row.similarity == pytest.approx(1.0)


def test_several_passages_in_one_pair_are_reported_separately():
    rng = random.Random(5)
    src, s_spans = compose(rng, [P_SERVICES, P_PRINCIPLE, P_OPEN])
    # the target copies two of them, in the opposite order
    tgt, t_spans = compose(rng, [P_OPEN, P_SERVICES])
    corpus = corpus_of({"doc_id": "a", "text": src}, {"doc_id": "b", "text": tgt})
    result = find_reuse(corpus)
    got = sorted(
        zip(
            result.passages.target_start,
            result.passages.target_end,
            result.passages.source_start,
            result.passages.source_end,
        )
    )
    assert got == sorted([t_spans[0] + s_spans[2], t_spans[1] + s_spans[0]])
    pair = result.pairs.iloc[0]
    assert pair.n_passages == 2
    assert pair.aligned_chars == len(P_OPEN) + len(P_SERVICES)


def test_long_passage_with_scattered_edits_stays_one_passage():
    rng = random.Random(6)
    long_passage = "。".join([P_SERVICES, P_PRINCIPLE, P_OPEN, P_CLOUD])
    ops = [("sub", pos, "某") for pos in range(50, len(long_passage) - 50, 60)]
    copied = edit(long_passage, ops)
    src, (s_span,) = compose(rng, [long_passage])
    tgt, (t_span,) = compose(rng, [copied])
    corpus = corpus_of({"doc_id": "a", "text": src}, {"doc_id": "b", "text": tgt})
    row = only_passage(find_reuse(corpus), "a", "b")
    assert (row.target_start, row.target_end) == t_span
    assert (row.source_start, row.source_end) == s_span
    assert 0.95 < row.similarity < 1.0


def test_long_near_copy_is_one_fast_passage():
    # a reposted 30,000-character document with a substitution every 50
    # characters: aligned piecewise, so it takes well under a second
    rng = random.Random(18)
    original = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(30_000))
    copied = list(original)
    for pos in range(25, len(copied) - 25, 50):
        copied[pos] = "某"
    copied = "".join(copied)
    n_subs = sum(x != y for x, y in zip(original, copied))
    corpus = corpus_of({"doc_id": "a", "text": original}, {"doc_id": "b", "text": copied})
    row = only_passage(find_reuse(corpus), "a", "b")
    assert (row.target_start, row.target_end) == (0, len(copied))
    assert (row.source_start, row.source_end) == (0, len(original))
    assert row.similarity == pytest.approx(1 - n_subs / len(original), abs=1e-3)


def test_planted_reuse_in_a_random_corpus_is_recovered():
    rng = random.Random(7)
    n_docs = 40
    # documents as lists of sentences, so planted passages never split each other
    docs = [[filler(rng, rng.randint(30, 120)) for _ in range(rng.randint(8, 15))] for _ in range(n_docs)]
    planted = set()
    for _ in range(15):
        s, t = sorted(rng.sample(range(n_docs), 2))
        base = filler(rng, rng.randint(50, 300))  # unique to this plant
        kind = rng.choice(["sub", "ins", "del"])
        copy = edit(base, [(kind, rng.randint(15, len(base) - 15), "2" if kind == "del" else "改")])
        docs[s].insert(rng.randint(0, len(docs[s])), base)
        docs[t].insert(rng.randint(0, len(docs[t])), copy)
        planted.add((f"d{s:02d}", f"d{t:02d}", base, copy))
    corpus = corpus_of(
        *[{"doc_id": f"d{i:02d}", "text": "。".join(d), "date": f"{2000 + i}-05-01"} for i, d in enumerate(docs)]
    )
    result = find_reuse(corpus)
    found = {(r.source_doc_id, r.target_doc_id, r.source_text, r.target_text) for r in result.passages.itertuples()}
    # every planted copy recovered exactly, in the right direction, nothing else
    assert found == planted


# --------------------------------------------------------------------------
# boilerplate
# --------------------------------------------------------------------------
def test_boilerplate_shared_by_many_documents_makes_no_pair():
    corpus = boilerplate_corpus(12)
    result = find_reuse(corpus)
    assert result.params["boilerplate_df_threshold"] == 5
    assert len(result.pairs) == 0 and len(result.passages) == 0
    assert result.params["n_boilerplate_shingles"] > 0
    # the same text is found once the phrases are no longer boilerplate
    assert len(find_reuse(corpus, boilerplate_df=50, max_sources=20).pairs) == math.comb(12, 2)


def test_boilerplate_inside_copied_passage_is_kept_but_discounted():
    corpus = boilerplate_corpus(12)
    rng = random.Random(9)
    # a copied passage wrapping a boilerplate sentence (which has no seeds),
    # longer on both sides than the extension window, so the two seeded
    # halves must be merged into one passage
    wrapped = "。".join([P_OPEN, P_CLOUD, BOILERPLATE[0], P_SERVICES, P_PRINCIPLE])
    src, _ = compose(rng, [wrapped])
    tgt, (t_span,) = compose(rng, [wrapped])
    extra = corpus_of(
        {"doc_id": "x1", "text": src, "date": "2001-01-01"}, {"doc_id": "x2", "text": tgt, "date": "2002-01-01"}
    )
    result = find_reuse(pd.concat([corpus, extra], ignore_index=True))
    assert list(zip(result.pairs.source_doc_id, result.pairs.target_doc_id)) == [("x1", "x2")]
    row = only_passage(result, "x1", "x2")
    assert (row.target_start, row.target_end) == t_span
    content = sum(ch.isalnum() for ch in wrapped)
    boiler = sum(ch.isalnum() for ch in BOILERPLATE[0])
    assert row.boilerplate_share == pytest.approx(boiler / content)
    pair = result.pairs.iloc[0]
    assert pair.score == pytest.approx(pair.aligned_chars * (1 - boiler / content))


# --------------------------------------------------------------------------
# no false positives
# --------------------------------------------------------------------------
def test_unrelated_documents_make_no_pair():
    rng = random.Random(11)
    corpus = corpus_of(*[{"text": filler(rng, 3000)} for _ in range(25)])
    result = find_reuse(corpus)
    assert result.pairs.empty and result.passages.empty
    assert list(result.pairs.columns) == PAIR_COLUMNS
    assert list(result.passages.columns) == PASSAGE_COLUMNS


def test_short_shared_phrase_below_min_chars_makes_no_pair():
    rng = random.Random(12)
    phrase = P_SERVICES[:30]
    a, _ = compose(rng, [phrase])
    b, _ = compose(rng, [phrase])
    corpus = corpus_of({"text": a}, {"text": b})
    assert find_reuse(corpus, min_chars=40).pairs.empty
    # and the same phrase counts once the threshold allows it
    assert len(find_reuse(corpus, min_chars=25).pairs) == 1


def test_empty_missing_and_tiny_texts_are_handled():
    rng = random.Random(13)
    a, _ = compose(rng, [P_OPEN])
    b, _ = compose(rng, [P_OPEN])
    corpus = corpus_of({"text": a}, {"text": ""}, {"text": "短"}, {"text": b})
    corpus.loc[1, "text"] = None
    result = find_reuse(corpus)
    assert list(zip(result.pairs.source_doc_id, result.pairs.target_doc_id)) == [("d0", "d3")]
    assert find_reuse(corpus.iloc[:0]).pairs.empty
    assert find_reuse(corpus.iloc[1:3]).pairs.empty


def test_invalid_input_is_rejected():
    corpus = two_docs("2014", "2015")
    with pytest.raises(ValueError, match="unique"):
        find_reuse(pd.concat([corpus, corpus]))
    with pytest.raises(ValueError, match="text"):
        find_reuse(corpus.drop(columns="text"))
    with pytest.raises(ValueError, match="ngram"):
        find_reuse(corpus, ngram=1)
    with pytest.raises(ValueError, match="min_similarity"):
        find_reuse(corpus, min_similarity=1.5)


def test_results_are_deterministic_and_independent_of_hash_salt():
    rng = random.Random(16)
    texts = [filler(rng, 1200) for _ in range(30)]
    for k, p in enumerate([P_SERVICES, P_PRINCIPLE, P_OPEN, P_CLOUD] * 2):
        texts[k] = texts[k] + "。" + p
        texts[29 - k] = p + "。" + texts[29 - k]
    corpus = corpus_of(*[{"text": t} for t in texts])
    first = find_reuse(corpus)
    again = find_reuse(corpus)
    salted = find_reuse(corpus, random_state=12345)
    assert len(first.passages) >= 8
    for other in (again, salted):
        pd.testing.assert_frame_equal(first.pairs, other.pairs)
        pd.testing.assert_frame_equal(first.passages, other.passages)


def test_progress_bar_only_when_asked_or_large(capsys):
    corpus, _ = level_corpus()
    find_reuse(corpus)
    assert capsys.readouterr().err == ""
    find_reuse(corpus, progress=True)
    assert "aligning" in capsys.readouterr().err
    rng = random.Random(19)
    many = corpus_of(*[{"text": filler(rng, 60)} for _ in range(201)])
    find_reuse(many.iloc[:200])
    assert capsys.readouterr().err == ""
    find_reuse(many)
    assert "aligning" in capsys.readouterr().err


def test_max_sources_links_later_copies_to_earliest_holders():
    # one central passage copied by 9 later documents (threshold raised so it is not boilerplate)
    rng = random.Random(17)
    docs = [
        {
            "doc_id": f"k{i}",
            "text": compose(rng, [P_PRINCIPLE])[0],
            "level": "central" if i == 0 else "county",
            "date": f"{2010 + i}-01-01",
        }
        for i in range(10)
    ]
    corpus = corpus_of(*docs)
    capped = find_reuse(corpus, boilerplate_df=20, max_sources=2)
    full = find_reuse(corpus, boilerplate_df=20, max_sources=20)
    capped_pairs = set(zip(capped.pairs.source_doc_id, capped.pairs.target_doc_id))
    assert {("k0", f"k{i}") for i in range(1, 10)} <= capped_pairs
    assert len(full.pairs) == math.comb(10, 2)
    assert len(capped.pairs) < len(full.pairs)
