"""Term timelines: documents using each term and its rate, per year (and group)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..levels import LEVELS, is_level, level_rank
from .watchlist import Terms, count_terms, term_patterns

__all__ = ["term_timeline"]


def _with_meta(corpus: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` with each document's year, level, region and n_chars joined on doc_id."""
    meta = corpus[["doc_id", "year", "level", "region", "n_chars"]]
    return counts.merge(meta, on="doc_id", how="left")


def term_timeline(
    corpus: pd.DataFrame, terms: Terms, by: str | list[str] | None = None, years: range | None = None
) -> pd.DataFrame:
    """Per term x year (x ``by`` groups): how many documents use the term, and how often.

    Returns columns [term, year, *by, n_docs, n_docs_using, share_docs, count,
    n_chars, rate_per_10k] where ``rate_per_10k`` = occurrences per 10,000
    characters of all documents in the group, and ``share_docs`` =
    n_docs_using / n_docs.  Years in ``years`` (default: the corpus range) that
    have no document appear with n_docs 0 and NaN rates, so a plot shows a gap
    rather than a false zero.
    """
    by = [by] if isinstance(by, str) else list(by or [])
    df = _with_meta(corpus, count_terms(corpus, terms))
    df["using"] = df["count"] > 0
    keys = ["term", "year", *by]
    g = (
        df.groupby(keys, observed=True)
        .agg(
            n_docs=("doc_id", "nunique"),
            n_docs_using=("using", "sum"),
            count=("count", "sum"),
            n_chars=("n_chars", "sum"),
        )
        .reset_index()
    )
    years = years if years is not None else range(int(corpus.year.min()), int(corpus.year.max()) + 1)
    term_list = list(term_patterns(terms))
    grid = pd.DataFrame({"term": term_list}).merge(pd.DataFrame({"year": list(years)}), how="cross")
    for col in by:
        grid = grid.merge(pd.DataFrame({col: sorted(corpus[col].dropna().unique(), key=_level_key)}), how="cross")
    out = grid.merge(g, on=keys, how="left")
    out[["n_docs", "n_docs_using", "count", "n_chars"]] = (
        out[["n_docs", "n_docs_using", "count", "n_chars"]].fillna(0).astype(int)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share_docs"] = np.where(out.n_docs > 0, out.n_docs_using / out.n_docs.where(out.n_docs > 0), np.nan)
        out["rate_per_10k"] = np.where(out.n_chars > 0, out["count"] / out.n_chars.where(out.n_chars > 0) * 1e4, np.nan)
    return out[[*keys, "n_docs", "n_docs_using", "share_docs", "count", "n_chars", "rate_per_10k"]]


def _level_key(v: object) -> tuple[int, object]:
    """Sort key: known levels top-down first, then other values by their text."""
    return (level_rank(v), v) if is_level(v) else (len(LEVELS), str(v))
