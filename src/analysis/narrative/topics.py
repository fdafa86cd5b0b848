"""Sentences from the topic tables: the choice of k (and the sample it used), the topics, LDA, prevalence."""

from __future__ import annotations

import re

import pandas as pd

from ..topics.diagnostics import KDiagnostics
from .format import cannot, listing, number, percent, plural

__all__ = [
    "k_choice_sentence",
    "k_sample_sentence",
    "lda_agreement_sentence",
    "lda_sample_sentence",
    "prevalence_sentence",
    "topics_sentence",
]


def k_choice_sentence(k: int, reason: str | None, chosen_k: int | None = None) -> str:
    """Which k the model uses and why (the reason :func:`analysis.topics.choose_k` gives, or an override).

    ``reason`` None means the diagnostics chose no k and ``k`` came from the parameter.
    """
    if reason is None:
        return f"The model uses k = {k}, set by the `k` parameter."
    if chosen_k is not None and chosen_k != k:
        return f"The model uses k = {k}, set by the `k` parameter (the diagnostics would choose k = {chosen_k})."
    # choose_k's reason starts with the k it chose ("k=4: smallest k whose ..."): say it once
    reason = re.sub(r"^k\s*=\s*\d+\s*:\s*", "", reason).rstrip(".")
    return f"The model uses k = {k}: the {reason}."


def k_sample_sentence(diagnostics: KDiagnostics, unit: str = "paragraph") -> str:
    """On how many units and seeds the k diagnostics were computed; "" when on all units (no sample).

    ``diagnostics`` is :func:`analysis.topics.evaluate_k`'s result; ``unit``
    names its units in the singular.
    """
    if not diagnostics.sampled:
        return ""
    seeds = diagnostics.seeds
    requested = diagnostics.provenance.params.get("seeds_requested", seeds)
    of_seeds = f" of the {len(requested)}" if len(requested) > len(seeds) else ""
    total = plural(diagnostics.n_units_total, unit)
    return (
        f"The k diagnostics were computed on a random sample of {number(diagnostics.n_units)} of the "
        f"{total}, with {len(seeds)}{of_seeds} seeds ({', '.join(str(s) for s in seeds)}), so that their time "
        f"does not grow with the corpus (`evaluate_k`'s `max_units`); the model itself is fitted on all {total}."
    )


def lda_sample_sentence(n_fitted: int, n_total: int, n_init: int, unit: str = "paragraph") -> str:
    """On how many units (and starts) the LDA comparison was fitted; "" when on all ``n_total`` units."""
    if n_fitted >= n_total:
        return ""
    starts = "one start" if n_init == 1 else f"the best of {n_init} starts"
    return (
        f"LDA was fitted on a random sample of {number(n_fitted)} of the {plural(n_total, unit)}, with {starts}, "
        f"so that its time does not grow with the corpus (`analysis.topics.LDA_SAMPLE_UNITS`)."
    )


def topics_sentence(labels: pd.DataFrame, document_topics: pd.DataFrame | None = None, n_terms: int = 3) -> str:
    """Each topic by its first terms and, with ``document_topics``, its mean share of a document."""
    if labels.empty:
        return cannot("The topic list", "the model has no topic")
    mean = document_topics.groupby("topic").share.mean() if document_topics is not None else pd.Series(dtype=float)
    items = []
    for topic, label in zip(labels.topic, labels.label):
        terms = "、".join(str(label).split("、")[:n_terms])
        share = f", {percent(mean[topic])} of an average document" if topic in mean.index else ""
        items.append(f"T{topic} ({terms}{share})")
    return f"The {plural(len(items), 'topic')}: {listing(items, limit=len(items))}."


def lda_agreement_sentence(match: pd.DataFrame, threshold: float = 0.7) -> str:
    """How many NMF topics LDA finds again (matched cosine at least ``threshold``), from ``match_topics``."""
    if match.empty:
        return cannot("The comparison with LDA", "there is no topic to match")
    found = match[match.cosine >= threshold].topic_a.tolist()
    missed = match[match.cosine < threshold].topic_a.tolist()
    text = (
        f"LDA finds {len(found)} of the {len(match)} NMF topics again with a matched cosine of at least {threshold:g}"
        f" (range {match.cosine.min():.2f}-{match.cosine.max():.2f})"
    )
    if missed:
        verb = "rests" if len(missed) == 1 else "rest"
        text += f"; {listing([f'T{t}' for t in missed], limit=12)} {verb} on NMF alone"
    return text + "."


def prevalence_sentence(prevalence: pd.DataFrame, by: str, labels: dict[int, str] | None = None) -> str:
    """For each group, the topic with the largest mean share and the documents behind it.

    ``prevalence`` is :func:`analysis.topics.topic_prevalence` (groups without
    documents are left out).  With one document in a group the sentence says
    so: the share then describes that document.
    """
    rows = prevalence[prevalence.n_documents > 0].dropna(subset=["share"])
    if rows.empty:
        return cannot(f"Topic prevalence by {by}", f"no document has a known {by}")
    items = []
    for group, part in rows.groupby(by, sort=False):
        best = part.sort_values("share", ascending=False).iloc[0]
        name = f"T{int(best.topic)}"
        if labels and int(best.topic) in labels:
            name += " (" + "、".join(str(labels[int(best.topic)]).split("、")[:2]) + ")"
        n_docs = int(best.n_documents)
        items.append(f"{group}: {name}, {percent(best.share)} ({plural(n_docs, 'document')})")
    return f"The largest topic by {by}: " + "; ".join(items) + "."
