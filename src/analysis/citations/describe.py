"""Findings of the citation analysis as Markdown sentences, computed from the tables (notebook 05)."""

from __future__ import annotations

import pandas as pd

from ..levels import level_rank

__all__ = [
    "describe_citation_lags",
    "describe_citations",
    "describe_citations_and_reuse",
    "describe_level_pairs",
    "describe_most_cited",
]


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def _verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def describe_citations(citations: pd.DataFrame, corpus: pd.DataFrame) -> str:
    """How many references the corpus prints, of which kinds, and how many were resolved; Markdown."""
    n_docs = len(corpus)
    if citations.empty:
        return f"None of the {_n(n_docs, 'document')} prints a 《title》 or 文号 of another document."
    citing = citations["citing_doc_id"].nunique()
    kinds = citations["kind"].value_counts()
    res = citations["resolution"].value_counts()
    resolved = int((citations["resolved_doc_id"] != "").sum())
    parts = [
        f"**{_n(len(citations), 'reference')}** in {citing} of the {_n(n_docs, 'document')}: "
        f"{kinds.get('both', 0)} by title and 文号, {kinds.get('title', 0)} by title only, "
        f"{kinds.get('doc_number', 0)} by 文号 only"
    ]
    unmarked = int((~citations["marked"] & (citations["cited_title"] != "")).sum())
    if unmarked:
        parts.append(f"{unmarked} of the titles were printed without 《》 (as PDF extraction leaves them)")
    text = "; ".join(parts) + ". "
    if resolved:
        text += (
            f"**{resolved}** name a document of this corpus ({res.get('doc_number', 0)} by 文号, "
            f"{res.get('title and jurisdiction', 0)} by title within the cited issuer's jurisdiction"
            + (
                f", {res.get('title, national only', 0)} by a title without issuer that only a national "
                "document of the corpus bears"
                if res.get("title, national only", 0)
                else ""
            )
            + "). "
        )
    unknown, ambiguous = int(res.get("jurisdiction unknown", 0)), int(res.get("ambiguous", 0))
    if not resolved:
        text += "**None** is resolved to a document of this corpus" + (
            ": every cited document lies outside it. " if not unknown + ambiguous else ". "
        )
    if unknown:
        text += (
            f"{_n(unknown, 'reference')} {_verb(unknown, 'prints', 'print')} a title found in the corpus without "
            "saying whose it is (no issuer, no place, no 本省/我市): left unresolved rather than guessed. "
        )
    if ambiguous:
        text += (
            f"{_n(ambiguous, 'reference')} {_verb(ambiguous, 'matches', 'match')} several documents: left unresolved. "
        )
    listed = int(citations["resolved_list_no"].notna().sum())
    if listed:
        text += f"{listed} are in the compilation's appended policy list."
    return text.strip()


def describe_most_cited(top: pd.DataFrame, n: int = 3) -> str:
    """The most-cited documents in one sentence; Markdown."""
    if top.empty:
        return "No document is cited."
    if int(top["n_citing_docs"].iloc[0]) < 2:
        return "No document is cited by more than one document of the corpus."
    shown = top[top["n_citing_docs"] >= 2].head(n)
    items = [
        f"{r.cited} ({_n(int(r.n_citing_docs), 'citing document')}{'' if r.resolved_doc_id else ', not in the corpus'})"
        for r in shown.itertuples()
    ]
    return "Cited by more than one document: " + "; ".join(items) + "."


def describe_level_pairs(pairs: pd.DataFrame) -> str:
    """Where citations point in the hierarchy (up, same level, down) and the largest pair; Markdown."""
    known = pairs[(pairs["cited_level"] != "unknown") & (pairs["citing_level"] != "unknown")]
    if known.empty:
        return "No citation names a level of government that could be read."
    total = int(known["n_citations"].sum())
    up = int(
        known.loc[
            [level_rank(a) > level_rank(b) for a, b in zip(known.citing_level, known.cited_level)], "n_citations"
        ].sum()
    )
    same = int(known.loc[known.citing_level == known.cited_level, "n_citations"].sum())
    down = total - up - same
    top = known.sort_values("n_citations", ascending=False, kind="mergesort").iloc[0]
    text = (
        f"Of {_n(total, 'citation')} whose cited level is known, {up} {_verb(up, 'points', 'point')} "
        "up the hierarchy (a document "
        f"citing a higher level), {same} to the same level and {down} down. The largest pair is "
        f"{top.citing_level} → {top.cited_level} ({int(top.n_citations)})."
    )
    n_unknown = int(pairs["n_citations"].sum()) - total
    if n_unknown:
        text += (
            f" {_n(n_unknown, 'citation')} {_verb(n_unknown, 'names', 'name')} no level (a bare title) "
            f"and {_verb(n_unknown, 'is', 'are')} not counted here."
        )
    return text


def describe_citation_lags(lags: pd.DataFrame) -> str:
    """The median and range of citation lags, in years and, where both dates are full days, in days; Markdown."""
    if lags.empty:
        return "No citation has a known date on both sides, so no lag can be measured."
    years = lags["lag_years"].astype(int)
    text = (
        f"Over {_n(len(lags), 'citation')} with a date on both sides, the citing document came a median "
        f"**{_n_years(years.median())}** after the cited one (range {years.min()}-{years.max()})"
    )
    days = lags["lag_days"].dropna()
    if len(days):
        text += f"; {len(days)} with full dates on both sides: median {days.astype(int).median():g} days"
    resolved = int((lags["resolved_doc_id"] != "").sum())
    outside = len(lags) - resolved
    if not outside:
        text += ". Every cited date is the cited corpus document's own."
    elif not resolved:
        text += ". Every cited document lies outside the corpus: its date is the year in its 文号."
    else:
        text += (
            f". The cited date is the corpus document's date for {resolved} and the 文号's year for "
            f"{outside} (cited documents outside the corpus)."
        )
    negative = int((years < 0).sum())
    if negative:
        text += f" {negative} lag(s) are negative: a date read wrongly or a document citing a draft."
    return text


def _n_years(value: float) -> str:
    return f"{value:g} year" + ("" if value == 1 else "s")


def describe_citations_and_reuse(joined: pd.DataFrame) -> str:
    """How many resolved citations come with copied text; Markdown."""
    if joined.empty:
        return "No citation is resolved to a corpus document, so citation and copying cannot be compared."
    both = int((joined["relation"] == "citation and copying").sum())
    return (
        f"Of {_n(len(joined), 'citing pair')} (a document citing another of the corpus), **{both}** also "
        f"share reused passages (citation and copying) and {len(joined) - both} cite without copying text "
        "that `find_reuse` detects (citation only)."
    )
