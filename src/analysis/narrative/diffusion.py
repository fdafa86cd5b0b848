"""Sentences from the diffusion and reuse tables: lags, emerging terms, title words, reused passages."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .format import cannot, listing, number, percent, plural

__all__ = [
    "adoption_lag_sentence",
    "alignment_sentence",
    "emerging_sentence",
    "reuse_by_level_sentence",
    "reuse_pairs_sentence",
    "title_words_sentence",
]


def adoption_lag_sentence(lag: pd.DataFrame) -> str:
    """How many watchlist terms national documents used first, local ones first, or both in one year."""
    both = lag[lag.direction.fillna("") != ""]
    if both.empty:
        return cannot("The central-to-local lag", "no watchlist term is used by both national and local documents")
    counts = both.direction.value_counts()
    parts = [f"{plural(int(counts.get(d, 0)), 'term')} {d}" for d in ("top-down", "bottom-up", "same year")]
    text = f"Of the {plural(len(both), 'watchlist term')} used at both levels: {listing(parts)}."
    down = both[both.direction == "top-down"].sort_values("lag_years", ascending=False).head(3)
    if len(down):
        text += (
            " Longest top-down lags: "
            + listing([f"{t} ({int(y)} years)" for t, y in zip(down.term, down.lag_years)])
            + "."
        )
    return text


def emerging_sentence(emerging: pd.DataFrame, split_year: int | None, n: int = 6) -> str:
    """The strongest emerging terms after ``split_year`` with their counts before and after."""
    if split_year is None:
        return cannot("The emerging-term list", "the dated documents do not span two periods to compare")
    if emerging.empty:
        return f"No term passes the emerging-term thresholds for {split_year} and later against earlier years."
    top = emerging.head(n)
    items = [
        f"{t} ({int(a)} times from {split_year}, {int(b)} before)"
        for t, a, b in zip(top.term, top.count_target, top.count_reference)
    ]
    sentence = f"The strongest emerging terms from {split_year} on: {listing(items, limit=n)}."
    if "small_group" in emerging.columns and bool(emerging["small_group"].any()):
        sizes = ""
        if {"n_docs_target", "n_docs_reference"} <= set(emerging.columns):
            first = emerging.iloc[0]
            sizes = f" ({int(first.n_docs_reference)} before, {int(first.n_docs_target)} from {split_year})"
        sentence += (
            f" One period has fewer than 3 documents or 2,000 characters{sizes}: the list describes those"
            " documents rather than a change over time."
        )
    return sentence


def title_words_sentence(title_words: pd.DataFrame) -> str:
    """Per year, the title word used by the largest share of titles (with the number of titles)."""
    if title_words.empty:
        return cannot("The title-word count", "no title has a known year")
    rows = title_words[title_words.n_with_word > 0]
    if rows.empty:
        return cannot("The title-word count", "no title uses any of the listed words")
    items = []
    for year, part in rows.groupby("year"):
        best = part.sort_values(["share", "word"], ascending=[False, True]).iloc[0]
        items.append(f"{int(year)}: {best.word} in {int(best.n_with_word)} of {plural(int(best.n_titles), 'title')}")
    return "The most used title word per year: " + "; ".join(items) + "."


def _pair_text(row: pd.Series, labels: Mapping[str, str]) -> str:
    source, target = labels.get(row.source_doc_id, row.source_doc_id), labels.get(row.target_doc_id, row.target_doc_id)
    return (
        f"{source} → {target}: {number(int(row.aligned_chars))} characters in "
        f"{plural(int(row.n_passages), 'passage')}, "
        f"{percent(row.target_share, 1)} of the later document's text ({target}) and "
        f"{percent(row.source_share, 1)} of the earlier one's ({source})"
    )


def reuse_pairs_sentence(pairs: pd.DataFrame, labels: Mapping[str, str], n: int = 3) -> str:
    """The strongest reuse pairs, each share stated with the document it is a share of."""
    if pairs.empty:
        return "No pair of documents in this corpus shares a passage long enough to count as reuse."
    top = pairs.sort_values("score", ascending=False).head(n)
    verb = "shares" if len(pairs) == 1 else "share"
    text = f"{plural(len(pairs), 'pair')} of documents {verb} passages. Strongest: "
    return text + "; ".join(_pair_text(row, labels) for _, row in top.iterrows()) + "."


def reuse_by_level_sentence(by_level: pd.DataFrame, labels: Mapping[str, str], n: int = 3) -> str:
    """The documents that take the largest share of their text from earlier documents, and from which levels."""
    rows = by_level[by_level.share_any > 0].sort_values("share_any", ascending=False).head(n)
    if rows.empty:
        return "No document takes any of its text from an earlier document of this corpus."
    items = []
    for _, row in rows.iterrows():
        levels = [c.removeprefix("share_from_") for c in by_level.columns if c.startswith("share_from_") and row[c] > 0]
        name = labels.get(row.doc_id, row.doc_id)
        items.append(f"{name} ({percent(row.share_any, 1)} of its text, from {listing(levels)} documents)")
    return "Largest shares of a document's text reused from earlier documents: " + "; ".join(items) + "."


def alignment_sentence(passage: pd.Series, labels: Mapping[str, str]) -> str:
    """The passage shown side by side: which documents, how long, how similar."""
    return (
        f"The longest passage of the strongest pair: {labels.get(passage.source_doc_id, passage.source_doc_id)} → "
        f"{labels.get(passage.target_doc_id, passage.target_doc_id)}, {number(int(passage.aligned_chars))} characters, "
        f"similarity {passage.similarity:.2f}."
    )
