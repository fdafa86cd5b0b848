"""Tests for analysis.topics.describe: topic labels with excerpts, prevalence by year and level."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.levels import LEVELS
from analysis.topics import fit_topics, kwic_excerpt, label_topics, topic_prevalence
from topics_synthetic import NAMES, PLANTED, matched_similarity, nmf_model, synthetic


def test_label_topics():
    model = nmf_model()
    _corpus, paras = synthetic()
    labels = label_topics(model, paras, n_terms=6)
    assert list(labels["topic"]) == [0, 1, 2, 3]
    _similarity, matched = matched_similarity(model)
    for planted_k, fitted in enumerate(matched):
        row = labels.set_index("topic").loc[int(fitted)]
        terms = row["label"].split("、")
        assert len(terms) == 6 and len(set(terms) & set(PLANTED[NAMES[planted_k]])) >= 5
        assert f"【{row['keyword']}】" in row["excerpt"]
        assert row["keyword"] in PLANTED[NAMES[planted_k]]
        # The representative unit really is dominated by this topic.
        w = model.unit_topics.set_index(["doc_id", "para_id", "topic"])["weight"]
        unit = w.loc[(row["doc_id"], row["para_id"])]
        assert unit.idxmax() == fitted and unit.max() == pytest.approx(row["weight"])
    assert labels["excerpt"].str.len().max() <= 80 + 2 + 2


def test_label_topics_needs_the_fitted_units():
    _corpus, paras = synthetic()
    with pytest.raises(ValueError, match="units the model was fitted on"):
        label_topics(nmf_model(), paras.iloc[::-1])


def test_kwic_excerpt_is_centred_and_cut():
    text = "甲" * 100 + "智慧城市" + "乙" * 100
    out = kwic_excerpt(text, "智慧城市", 40)
    assert out.startswith("…") and out.endswith("…") and "【智慧城市】" in out
    assert len(out.replace("…", "").replace("【", "").replace("】", "")) == 40
    assert kwic_excerpt("智慧城市建设", "智慧城市", 40) == "【智慧城市】建设"


def test_topic_prevalence_by_year_keeps_empty_years():
    model = nmf_model()
    corpus, _paras = synthetic()
    prev = topic_prevalence(model.document_topics, corpus, by="year", groups=range(2014, 2024))
    assert sorted(prev["year"].unique()) == list(range(2014, 2024))
    assert len(prev) == 10 * 4
    empty = prev[prev["year"] == 2017]
    assert (empty["n_documents"] == 0).all() and empty["share"].isna().all()
    observed = corpus.groupby("year").size()
    got = prev.drop_duplicates("year").set_index("year")["n_documents"]
    assert got.loc[observed.index].tolist() == observed.tolist()
    # Mean document shares of a year sum to 1 across topics.
    np.testing.assert_allclose(prev.dropna(subset=["share"]).groupby("year")["share"].sum(), 1.0)
    # Default groups span the observed years, gaps included.
    default = topic_prevalence(model.document_topics, corpus, by="year")
    assert sorted(default["year"].unique()) == list(range(2014, 2024))
    # Documents outside requested groups are reported, not silently dropped.
    with pytest.warns(UserWarning, match="outside the requested groups"):
        part = topic_prevalence(model.document_topics, corpus, by="year", groups=range(2016, 2020))
    assert sorted(part["year"].unique()) == [2016, 2017, 2018, 2019]
    assert prev.attrs == {}


def test_topic_prevalence_from_units_and_levels():
    model = nmf_model()
    corpus, paras = synthetic()
    prev = topic_prevalence(model.unit_topics, corpus, by="level")
    assert list(dict.fromkeys(prev["level"])) == list(LEVELS)
    county = prev[prev["level"] == "county"]
    assert (county["n_units"] == 0).all() and county["share"].isna().all()
    units_per_level = paras.merge(corpus[["doc_id", "level"]], on="doc_id").groupby("level").size()
    got = prev.drop_duplicates("level").set_index("level")["n_units"]
    assert got.loc[units_per_level.index].tolist() == units_per_level.tolist()


def test_topic_prevalence_levels_outside_the_hierarchy_come_last():
    corpus, _paras = synthetic()
    corpus = corpus.assign(level=corpus["level"].where(corpus.index % 9 != 0, "unknown"))
    prev = topic_prevalence(nmf_model().document_topics, corpus, by="level")
    assert list(dict.fromkeys(prev["level"])) == [*LEVELS, "unknown"]


def test_prevalence_counts_paragraphs_for_document_topics():
    rng = np.random.default_rng(1)
    vocab = [["数据", "平台", "共享"], ["交通", "出行", "道路"]]
    rows = [(f"d{d}", p, " ".join(rng.choice(vocab[(d + p) % 2], 10))) for d in range(4) for p in range(d + 1)]
    units = pd.DataFrame(rows, columns=["doc_id", "para_id", "text"])
    corpus = pd.DataFrame({"doc_id": ["d0", "d1", "d2", "d3"], "year": [2020, 2020, 2021, 2021]})
    model = fit_topics(units, 2, tokenizer=str.split, random_state=0)
    prev = topic_prevalence(model.document_topics, corpus, by="year").drop_duplicates("year").set_index("year")
    assert prev.loc[2020, "n_documents"] == 2 and prev.loc[2020, "n_units"] == 1 + 2
    assert prev.loc[2021, "n_units"] == 3 + 4


def test_topic_prevalence_bootstrap_resamples_documents():
    corpus = pd.DataFrame({"doc_id": list("abcd"), "year": [2020, 2020, 2021, 2021], "n_chars": [1500, 1500, 900, 900]})
    shares = {"a": 0.2, "b": 0.6, "c": 0.5, "d": 0.5}
    topics = pd.DataFrame(
        [
            {"doc_id": d, "topic": t, "share": s if t == 0 else 1 - s, "n_units": 3}
            for d, s in shares.items()
            for t in (0, 1)
        ]
    )
    prev = topic_prevalence(topics, corpus, by="year", n_boot=1000).set_index(["year", "topic"])
    assert list(prev.columns[-4:]) == ["n_chars", "small_group", "lo", "hi"]
    # 2020: resamples aa, ab, bb have mean share 0.2, 0.4, 0.6 (p = 1/4, 1/2, 1/4)
    assert (prev.loc[(2020, 0), "lo"], prev.loc[(2020, 0), "hi"]) == pytest.approx((0.2, 0.6))
    assert (prev.loc[(2020, 1), "lo"], prev.loc[(2020, 1), "hi"]) == pytest.approx((0.4, 0.8))
    # 2021: identical documents, no width
    assert prev.loc[(2021, 0), "lo"] == pytest.approx(0.5) == prev.loc[(2021, 0), "hi"]
    assert prev.loc[(2020, 0), "n_chars"] == 3000 and prev.small_group.all()  # two documents a year
    plain = topic_prevalence(topics, corpus, by="year")
    assert "lo" not in plain.columns and list(plain.columns[-2:]) == ["n_chars", "small_group"]
