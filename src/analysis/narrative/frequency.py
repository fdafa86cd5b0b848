"""Sentences from the term tables: top terms, keyness and the groups behind it, co-occurrence."""

from __future__ import annotations

import pandas as pd

from ..frequency.keyness import G2_P01
from .format import cannot, listing, number, plural

__all__ = ["cooccurrence_sentence", "keyness_groups_sentence", "keyness_sentence", "top_terms_sentence"]


def top_terms_sentence(tf: pd.DataFrame, n: int = 8) -> str:
    """The ``n`` most frequent terms with their counts and documents, from :func:`analysis.term_frequencies`."""
    if tf.empty:
        return cannot("The term count", "no document has any token left after stopwords are removed")
    top = tf.sort_values(["count", "term"], ascending=[False, True]).head(n)
    items = [f"{t} ({number(c)}, in {plural(d, 'document')})" for t, c, d in zip(top.term, top["count"], top.doc_freq)]
    return f"The most frequent terms are {listing(items, limit=n)}."


def keyness_groups_sentence(corpus: pd.DataFrame, target: pd.Series, target_label: str, reference_label: str) -> str:
    """The sizes of the two groups a keyness test compares: documents and characters, by level.

    ``target`` is the boolean mask given to :func:`analysis.keyness`.  A
    ranking that rests on one short document describes that document, so the
    sentence names the group when it has a single document.
    """
    from ..labels import doc_label

    parts = []
    for label, mask in ((target_label, target), (reference_label, ~target)):
        group = corpus[mask.to_numpy(dtype=bool)]
        chars = int(group["n_chars"].sum())
        text = f"{label}: {plural(len(group), 'document')}, {number(chars)} characters"
        if len(group) == 1:
            text += f" (only {doc_label(group, width=24).iloc[0]})"
        parts.append(text)
    return "Groups compared: " + "; ".join(parts) + "."


def keyness_sentence(
    key: pd.DataFrame, target_label: str, reference_label: str, n: int = 5, min_g2: float = G2_P01
) -> str:
    """The strongest keywords of each side of a keyness table, with G2, only where the direction matches.

    A term is named as over-used by ``target_label`` only if its ``direction``
    is "target" (and by ``reference_label`` only if it is "reference") and its
    G2 (the absolute value; the table signs reference keywords negative)
    reaches ``min_g2`` (6.63: p < 0.01 for one term, uncorrected, as the report's tables), so the
    sentence never lists a term on the side it is rarer in or a difference
    that chance explains.
    """
    if key.empty:
        return "No term is frequent enough in both groups together to be tested (minimum count not reached)."
    sides = []
    for side, label in (("target", target_label), ("reference", reference_label)):
        rows = key[(key["direction"] == side) & (key["g2"].abs() >= min_g2)]
        rows = rows.assign(strength=rows["g2"].abs()).sort_values("strength", ascending=False).head(n)
        if rows.empty:
            sides.append(f"no term is over-used by {label} (none reaches G2 {min_g2:g})")
        else:
            terms = [f"{t} (G2 {g:.1f})" for t, g in zip(rows.term, rows.strength)]
            sides.append(f"{label} over-use {listing(terms, limit=n)}")
    sentence = "Compared with each other, " + "; ".join(sides) + "."
    if "small_group" in key.columns and bool(key["small_group"].any()):
        # a side of one or two short documents: its keywords describe those documents, not a group
        sentence += (
            " One side has fewer than 3 documents or 2,000 characters, so these terms describe its"
            " documents rather than a level or period."
        )
    return sentence


def cooccurrence_sentence(edges: pd.DataFrame, weight: str = "jaccard", n: int = 5) -> str:
    """How many pairs pass the threshold and which are strongest, from :func:`analysis.cooccurrence`."""
    if edges.empty:
        return cannot("The co-occurrence network", "no pair of terms occurs together often enough")
    top = edges.sort_values(weight, ascending=False).head(n)
    pairs = [f"{a}–{b} ({w:.2f})" for a, b, w in zip(top.term_a, top.term_b, top[weight])]
    strongest = listing(pairs, limit=n)
    return f"{plural(len(edges), 'pair')} of terms pass the threshold; the strongest by {weight} are {strongest}."
