"""Topic models of policy paragraphs and documents, and how topics change over time.

Which themes do smart-city policies share, which are specific to a level of
government, and how does the mix change from 2014 to 2023?  This package fits
scikit-learn topic models (NMF on TF-IDF, LDA on counts) to paragraphs (the
main unit: one paragraph of a policy usually treats one measure) or to whole
documents, shows how the number of topics ``k`` was chosen, and tabulates
topic prevalence by year and level.  Topic ids are 0-based integers, ordered
by corpus-wide prevalence (topic 0 covers the most text).

Modules
-------
units        select_units, unit_index, the default tokenizer
dtm          DTM, build_dtm (counted by :func:`analysis.dtm.count_matrix`)
fitting      estimators, random starts, unit shares (internals)
model        TopicModel (tables, transform, write), fit_topics
measures     coherence (NPMI, UMass), exclusivity, FREX, matched cosine
diagnostics  score_topics, match_topics, evaluate_k -> KDiagnostics, choose_k
sampling     sample_units: the seeded sample the k diagnostics and LDA use on large corpora
describe     label_topics (with kwic excerpts), topic_prevalence

Figures are in :mod:`analysis.plotting.topics`; document similarity and
clustering in :mod:`analysis.similarity` (re-exported here for now).

Quick start
-----------
::

    corpus = load_corpus()
    units = select_units(load_paragraphs(corpus), corpus)   # body paragraphs, no duplicate docs
    diagnostics = evaluate_k(units, ks=range(3, 13))         # coherence, exclusivity, stability per k
    k, reason = choose_k(diagnostics)
    model = fit_topics(units, k, method="nmf", random_state=0)
    model.topic_terms, model.unit_topics, model.document_topics
    labels = label_topics(model, units)
    prev = topic_prevalence(model.document_topics, corpus, by="year", groups=range(2014, 2024))
    model.write("reports/topics", labels=labels, tables={"k_diagnostics": diagnostics.table})
"""

from __future__ import annotations

import importlib
from typing import Any

from .describe import kwic_excerpt, label_topics, topic_prevalence
from .diagnostics import KDiagnostics, choose_k, evaluate_k, k_diagnostic_definitions, match_topics, score_topics
from .dtm import DTM, build_dtm
from .measures import NPMI_EPSILON
from .model import TopicModel, fit_topics
from .sampling import LDA_SAMPLE_STARTS, LDA_SAMPLE_UNITS, SAMPLE_SEEDS, SAMPLE_UNITS, sample_rows, sample_units
from .units import PROGRESS_MIN_UNITS, default_tokenizer, select_units, unit_index

# Their home is analysis.similarity; loaded on first use (no import cycle:
# analysis.similarity builds its matrix with analysis.topics.dtm).
_SIMILARITY = (
    "DocumentClustering",
    "FlatClusters",
    "LARGE_SIMILARITY",
    "cluster_documents",
    "document_similarity",
    "flat_clusters",
)

__all__ = [
    "DTM",
    "LDA_SAMPLE_STARTS",
    "LDA_SAMPLE_UNITS",
    "NPMI_EPSILON",
    "PROGRESS_MIN_UNITS",
    "SAMPLE_SEEDS",
    "SAMPLE_UNITS",
    "DocumentClustering",
    "FlatClusters",
    "KDiagnostics",
    "TopicModel",
    "build_dtm",
    "choose_k",
    "cluster_documents",
    "default_tokenizer",
    "document_similarity",
    "evaluate_k",
    "fit_topics",
    "flat_clusters",
    "k_diagnostic_definitions",
    "kwic_excerpt",
    "label_topics",
    "match_topics",
    "sample_rows",
    "sample_units",
    "score_topics",
    "select_units",
    "topic_prevalence",
    "unit_index",
]


def __getattr__(name: str) -> Any:
    if name in _SIMILARITY:
        return getattr(importlib.import_module("analysis.similarity"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_SIMILARITY))
