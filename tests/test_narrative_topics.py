"""Sentences from topic tables."""

import pandas as pd

from analysis.narrative import (
    k_choice_sentence,
    k_sample_sentence,
    lda_agreement_sentence,
    lda_sample_sentence,
    prevalence_sentence,
    topics_sentence,
)


def test_k_choice_names_an_override():
    assert k_choice_sentence(5, "k=5: most stable k") == "The model uses k = 5: the most stable k."
    assert "set by the `k` parameter (the diagnostics would choose k = 4)" in k_choice_sentence(6, "x", chosen_k=4)


def test_topics_sentence_gives_terms_and_mean_document_share():
    labels = pd.DataFrame({"topic": [0, 1], "label": ["数据、平台、共享、开放", "感知、终端"]})
    doc_topics = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "topic": [0, 1, 0, 1], "share": [0.9, 0.1, 0.5, 0.5]})
    assert topics_sentence(labels, doc_topics) == (
        "The 2 topics: T0 (数据、平台、共享, 70% of an average document) and "
        "T1 (感知、终端, 30% of an average document)."
    )


def test_lda_agreement_counts_matched_topics():
    match = pd.DataFrame({"topic_a": [0, 1, 2], "cosine": [0.9, 0.75, 0.12]})
    assert lda_agreement_sentence(match) == (
        "LDA finds 2 of the 3 NMF topics again with a matched cosine of at least 0.7 (range 0.12-0.90); "
        "T2 rests on NMF alone."
    )


def test_prevalence_names_the_largest_topic_and_its_documents():
    prev = pd.DataFrame(
        {
            "level": ["central", "central", "provincial", "provincial", "county", "county"],
            "topic": [0, 1, 0, 1, 0, 1],
            "n_documents": [2, 2, 1, 1, 0, 0],
            "share": [0.3, 0.7, 0.6, 0.4, float("nan"), float("nan")],
        }
    )
    assert prevalence_sentence(prev, "level", {1: "感知、终端、数据"}) == (
        "The largest topic by level: central: T1 (感知、终端), 70% (2 documents); provincial: T0, 60% (1 document)."
    )
    assert "not computed" in prevalence_sentence(prev[prev.n_documents == 0], "level")


def _k_result(n_units: int, n_total: int, seeds: list[int], requested: list[int]):
    from analysis.provenance import Provenance
    from analysis.topics import KDiagnostics

    table = pd.DataFrame({"k": [3, 4], "n_units": [n_units, n_units]})
    params = {"seeds": seeds, "seeds_requested": requested, "n_units": n_units, "n_units_total": n_total}
    return KDiagnostics(table, Provenance("evaluate_k", params=params))


def test_k_sample_sentence_says_what_was_sampled():
    assert k_sample_sentence(_k_result(250, 250, [0, 1, 2, 3, 4], [0, 1, 2, 3, 4])) == ""
    assert k_sample_sentence(_k_result(2000, 25213, [0, 1, 2], [0, 1, 2, 3, 4])) == (
        "The k diagnostics were computed on a random sample of 2,000 of the 25,213 paragraphs, with 3 of the 5 "
        "seeds (0, 1, 2), so that their time does not grow with the corpus (`evaluate_k`'s `max_units`); "
        "the model itself is fitted on all 25,213 paragraphs."
    )
    assert "with 2 seeds (0, 1)," in k_sample_sentence(_k_result(10, 20, [0, 1], [0, 1]))


def test_lda_sample_sentence_only_for_a_sample():
    assert lda_sample_sentence(250, 250, 4) == ""
    assert lda_sample_sentence(1000, 25213, 1) == (
        "LDA was fitted on a random sample of 1,000 of the 25,213 paragraphs, with one start, "
        "so that its time does not grow with the corpus (`analysis.topics.LDA_SAMPLE_UNITS`)."
    )
    assert "with the best of 3 starts" in lda_sample_sentence(5, 9, 3)
