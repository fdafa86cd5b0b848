"""Emerging terms: those whose share rises most between two periods (G2 keyness)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .watchlist import count_terms

__all__ = ["emerging_method", "emerging_terms"]


def emerging_terms(
    corpus: pd.DataFrame,
    split_year: int = 2019,
    *,
    min_count: int = 5,
    min_docs: int = 2,
    tokenizer: Any = None,
    n: int = 30,
) -> pd.DataFrame:
    """Terms whose share rises most from the period before ``split_year`` to the period from it on.

    The score is Dunning's log-likelihood G2 of the term's token count in the
    later period against the earlier one (a 2x2 contingency test on token
    counts, one degree of freedom; G2 > 10.83 is p < 0.001), kept only for
    terms more frequent later (direction "target"), used at least ``min_count``
    times and in at least ``min_docs`` later documents.  Returns the keyness
    table of :func:`analysis.frequency.keyness` (rates per 10,000 tokens,
    log_ratio as an effect size) restricted to those terms, with docs_before /
    docs_after (documents using the term in each period), sorted by g2, top ``n``.
    :func:`emerging_method` describes the selection in one line.
    """
    from ..frequency import keyness

    target = corpus["year"] >= split_year
    k = keyness(corpus, target, tokenizer=tokenizer)
    k = k[(k["direction"] == "target") & (k["count_target"] >= min_count)].copy()
    terms = list(k["term"])
    if terms:
        counts = count_terms(corpus, terms)
        counts = counts[counts["count"] > 0].merge(corpus[["doc_id", "year"]], on="doc_id")
        after = counts[counts.year >= split_year].groupby("term").doc_id.nunique()
        before = counts[counts.year < split_year].groupby("term").doc_id.nunique()
        k["docs_after"] = k["term"].map(after).fillna(0).astype(int)
        k["docs_before"] = k["term"].map(before).fillna(0).astype(int)
        k = k[k.docs_after >= min_docs]
    return k.sort_values("g2", ascending=False).head(n).reset_index(drop=True)


def emerging_method(split_year: int = 2019, *, min_count: int = 5, min_docs: int = 2) -> str:
    """One-line description of how :func:`emerging_terms` chose its terms, for a report.

    Returns
    -------
    str
        e.g. ``"G2 keyness of token counts, years >= 2019 vs < 2019; min_count=5, min_docs=2"``.
    """
    return (
        f"G2 keyness of token counts, years >= {split_year} vs < {split_year}; "
        f"min_count={min_count}, min_docs={min_docs}"
    )
