"""Emerging terms: those whose share rises most between two periods (G2 keyness)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..corpus.periods import split_year_for
from ..frequency.keyness import G2_P01
from .watchlist import count_terms

__all__ = ["EMERGING_MIN_COUNT", "EMERGING_MIN_DOCS", "emerging_method", "emerging_terms"]

#: Fewest occurrences in the later period: below five, a G2 rests on a
#: handful of uses and one drafting habit can make a term "emerge".
EMERGING_MIN_COUNT = 5
#: Fewest later documents using the term: one document's vocabulary is not a trend.
EMERGING_MIN_DOCS = 2

_COLUMNS = [
    "term", "count_target", "count_reference", "rate_target", "rate_reference", "g2", "chi2", "p_value",
    "log_ratio", "direction", "n_docs_target", "n_docs_reference", "n_chars_target", "n_chars_reference",
    "small_group", "docs_after", "docs_before",
]  # fmt: skip


def emerging_terms(
    corpus: pd.DataFrame,
    split_year: int | None = None,
    *,
    min_count: int = EMERGING_MIN_COUNT,
    min_docs: int = EMERGING_MIN_DOCS,
    min_g2: float = G2_P01,
    tokenizer: Any = None,
    n: int = 30,
) -> pd.DataFrame:
    """Terms whose share rises most from the period before ``split_year`` to the period from it on.

    The score is Dunning's log-likelihood G2 of the term's token count in the
    later period against the earlier one (a 2x2 contingency test on token
    counts, one degree of freedom).  A term is kept only when all hold:

    - it is relatively more frequent later (direction "target");
    - G2 >= ``min_g2`` (default 6.63, p < 0.01 for one term);
    - it is used at least ``min_count`` times (default 5) later;
    - in at least ``min_docs`` (default 2) later documents.

    Parameters
    ----------
    corpus : DataFrame
        Documents with ``doc_id``, ``year`` (undated rows are left out) and ``text``.
    split_year : int, optional
        First year of the later period; default :func:`split_year_for` of the
        corpus's years (its median year).

    Returns
    -------
    DataFrame
        The keyness table of :func:`analysis.frequency.keyness` (rates per
        10,000 tokens, log_ratio as an effect size, the size of each period in
        n_docs_target / n_chars_target (later) and n_docs_reference /
        n_chars_reference (earlier), ``small_group``) restricted to those
        terms, with docs_after / docs_before (documents using the term in each
        period), sorted by g2, top ``n``.  Empty (same columns) when no split
        leaves documents on both sides.  :func:`emerging_method` describes the
        selection in one line.
    """
    from ..frequency import keyness

    dated = corpus[corpus["year"].notna()].reset_index(drop=True)
    if split_year is None:
        split_year = split_year_for(dated["year"])
    target = (dated["year"] >= split_year).to_numpy(dtype=bool) if split_year is not None else None
    if target is None or target.all() or not target.any():
        return pd.DataFrame(columns=_COLUMNS)
    k = keyness(dated, target, tokenizer=tokenizer)
    keep = (k["direction"] == "target") & (k["count_target"] >= min_count) & (k["g2"] >= min_g2)
    k = k[keep].copy()
    terms = list(k["term"])
    k["docs_after"] = 0
    k["docs_before"] = 0
    if terms:
        counts = count_terms(dated, terms)
        counts = counts[counts["count"] > 0].merge(dated[["doc_id", "year"]], on="doc_id")
        after = counts[counts.year >= split_year].groupby("term").doc_id.nunique()
        before = counts[counts.year < split_year].groupby("term").doc_id.nunique()
        k["docs_after"] = k["term"].map(after).fillna(0).astype(int)
        k["docs_before"] = k["term"].map(before).fillna(0).astype(int)
        k = k[k.docs_after >= min_docs]
    return k.sort_values("g2", ascending=False).head(n).reset_index(drop=True)


def emerging_method(
    split_year: int | None = 2019,
    *,
    min_count: int = EMERGING_MIN_COUNT,
    min_docs: int = EMERGING_MIN_DOCS,
    min_g2: float | None = G2_P01,
) -> str:
    """One-line description of how :func:`emerging_terms` chose its terms, for a report.

    Returns
    -------
    str
        e.g. ``"G2 keyness of token counts, years >= 2019 vs < 2019; min_count=5, min_docs=2;
        G2 >= 6.63 (p < 0.01)"`` (the G2 part left out with ``min_g2=None``).
    """
    text = (
        f"G2 keyness of token counts, years >= {split_year} vs < {split_year}; "
        f"min_count={min_count}, min_docs={min_docs}"
    )
    if min_g2 is not None:
        text += f"; G2 >= {min_g2:g}" + (" (p < 0.01)" if min_g2 == G2_P01 else "")
    return text
