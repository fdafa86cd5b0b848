"""Tests for analysis.topics.diagnostics: per-topic scores, k diagnostics, the choice of k, matching."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis.provenance import Provenance
from analysis.topics import (
    KDiagnostics,
    build_dtm,
    choose_k,
    evaluate_k,
    fit_topics,
    k_diagnostic_definitions,
    match_topics,
    score_topics,
)
from topics_synthetic import TOK, k_diagnostics, nmf_model, synthetic


@pytest.fixture
def k_table() -> pd.DataFrame:
    return k_diagnostics().table


def test_evaluate_k_table(k_table):
    assert k_table["k"].tolist() == [2, 3, 4, 5, 6, 7]
    for column in ("coherence_npmi", "coherence_npmi_se", "coherence_umass", "exclusivity",
                   "stability_cosine", "stability_ari", "stability", "stability_se"):  # fmt: skip
        assert k_table[column].notna().all(), column
    assert k_table["coherence_npmi"].between(-1, 1).all()
    assert (k_table["exclusivity"] >= 1 / k_table["k"] - 1e-9).all()
    assert (k_table["exclusivity"] <= 1 + 1e-9).all()
    assert k_table["stability_cosine"].between(0, 1 + 1e-9).all()
    assert k_table.attrs == {}


def test_evaluate_k_result_carries_definitions_and_provenance(tmp_path):
    result = k_diagnostics()
    assert isinstance(result, KDiagnostics) and isinstance(result.provenance, Provenance)
    assert result.provenance.step == "evaluate_k"
    params = result.provenance.params
    assert params["ks"] == [2, 3, 4, 5, 6, 7] and params["seeds"] == [0, 1, 2] and params["n_top"] == 10
    assert params["method"] == "nmf" and params["min_df"] == 2
    assert set(result.definitions) >= {"coherence_npmi", "exclusivity", "stability"}
    assert result.definitions == k_diagnostic_definitions(10)
    assert "top-5 term pairs" in k_diagnostic_definitions(5)["coherence_npmi"]
    csv, card = result.write(tmp_path / "k_diagnostics")
    assert csv.name == "k_diagnostics.csv" and card.name == "k_diagnostics.json"
    data = json.loads(card.read_text(encoding="utf-8"))
    assert data["step"] == "evaluate_k" and data["definitions"] == result.definitions


def test_diagnostics_point_to_planted_k(k_table):
    row = k_table.set_index("k").loc[4]
    assert row["stability_cosine"] > 0.97 and row["stability_ari"] > 0.95
    assert row["coherence_npmi"] == k_table["coherence_npmi"].max()
    # Splitting a planted vocabulary makes runs disagree.
    assert row["stability"] > k_table.set_index("k").loc[[5, 6, 7], "stability"].max()
    k, reason = choose_k(k_table)
    assert k == 4
    assert reason.startswith("k=4")
    assert choose_k(k_diagnostics()) == (k, reason)  # the result object works too


def test_evaluate_k_with_lda_runs_in_parallel_identically():
    _corpus, paras = synthetic()
    dtm = build_dtm(paras, TOK)
    # Best of 3 starts per run (seeds 0-2 and 3-5): single LDA starts are
    # not reliable here (see test_planted_topics_are_recovered).
    one = evaluate_k(paras, ks=[3, 4], method="lda", seeds=(0, 1), dtm=dtm, n_init=3).table
    two = evaluate_k(paras, ks=[3, 4], method="lda", seeds=(0, 1), dtm=dtm, n_init=3, n_jobs=2).table
    pd.testing.assert_frame_equal(one, two)
    assert one.set_index("k").loc[4, "stability_ari"] > 0.9


def test_evaluate_k_skips_infeasible_k():
    _corpus, paras = synthetic()
    dtm = build_dtm(paras, TOK)
    with pytest.warns(UserWarning, match="skipping k=\\[10000\\]"):
        result = evaluate_k(paras, ks=[3, 10_000], seeds=(0, 1), dtm=dtm)
    assert result.table["k"].tolist() == [3]
    with pytest.raises(ValueError, match="seeds"):
        evaluate_k(paras, seeds=(), dtm=dtm)


def test_choose_k_rule():
    table = pd.DataFrame({
        "k": [3, 4, 5, 6, 7],
        "coherence_npmi": [0.10, 0.30, 0.28, 0.29, 0.20],
        "coherence_npmi_se": [0.01, 0.03, 0.02, 0.02, 0.01],
        "stability": [0.99, 0.80, 0.90, 0.93, 0.99],
        "stability_se": [0.0, 0.02, 0.02, 0.02, 0.0],
    })  # fmt: skip
    # Coherence bar 0.30 - 0.03 = 0.27 -> k 4, 5, 6.  Most stable of those: k=6
    # (0.93 +- 0.02) -> bar 0.91; k=5 (0.90) misses it, so k=6.
    k, reason = choose_k(table)
    assert k == 6 and "k = 4, 5, 6," in reason and reason.startswith("k=6")
    # Within the stability SE the smaller k wins.
    table.loc[table.k == 5, "stability"] = 0.915
    assert choose_k(table)[0] == 5
    # Without SE columns' noise allowance only the most stable k clears the bar.
    assert choose_k(table.drop(columns="stability_se"))[0] == 6


def test_score_topics_on_a_reference():
    model = nmf_model()
    own = score_topics(model)
    assert own.columns.tolist() == ["topic", "coherence_npmi", "coherence_umass", "exclusivity", "prevalence",
                                    "n_dominant", "top_terms"]  # fmt: skip
    assert own["n_dominant"].sum() == len(model.units)
    _corpus, paras = synthetic()
    pd.testing.assert_frame_equal(score_topics(model, reference=paras), own)  # same units, same counts


def test_match_topics_pairs_a_model_with_itself_perfectly():
    rng = np.random.default_rng(0)
    vocab = [["数据", "平台", "共享", "治理"], ["交通", "出行", "道路", "停车"], ["医疗", "医院", "健康", "养老"]]
    texts = [" ".join(rng.choice(vocab[i % 3], 12)) for i in range(60)]
    units = pd.DataFrame({"doc_id": [f"d{i}" for i in range(60)], "para_id": 0, "text": texts})
    m1 = fit_topics(units, 3, tokenizer=str.split, random_state=0)
    m2 = fit_topics(units, 3, tokenizer=str.split, random_state=1)
    same = match_topics(m1, m1)
    assert (same.topic_a == same.topic_b).all() and np.allclose(same.cosine, 1.0)
    other = match_topics(m1, m2)
    assert sorted(other.topic_b) == [0, 1, 2] and (other.cosine > 0.9).all()
