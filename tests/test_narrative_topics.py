"""Sentences from topic tables."""

import pandas as pd

from analysis.narrative import k_choice_sentence, lda_agreement_sentence, prevalence_sentence, topics_sentence


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
