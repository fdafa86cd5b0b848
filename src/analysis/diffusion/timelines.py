"""Term timelines: documents using each term and its rate, per year (and group)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..frequency.sampling import BOOTSTRAP_LEVEL, bootstrap_ratio, is_small_group
from ..levels import LEVELS, is_level, level_rank
from .watchlist import Terms, count_terms, term_patterns

__all__ = ["term_timeline"]


def _with_meta(corpus: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` with each document's year, level, region and n_chars joined on doc_id."""
    meta = corpus[["doc_id", "year", "level", "region", "n_chars"]]
    return counts.merge(meta, on="doc_id", how="left")


def term_timeline(
    corpus: pd.DataFrame,
    terms: Terms,
    by: str | list[str] | None = None,
    years: range | None = None,
    *,
    n_boot: int = 0,
    level: float = BOOTSTRAP_LEVEL,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Per term x year (x ``by`` groups): how many documents use the term, and how often.

    Returns columns [term, year, *by, n_docs, n_docs_using, share_docs, count,
    n_chars, rate_per_10k, small_group] where ``rate_per_10k`` = occurrences
    per 10,000 characters of all documents in the group, ``share_docs`` =
    n_docs_using / n_docs and ``small_group`` flags groups under
    :data:`~analysis.frequency.sampling.MIN_GROUP_DOCS` documents or
    :data:`~analysis.frequency.sampling.MIN_GROUP_CHARS` characters (an empty
    year included).  With ``n_boot > 0`` (e.g. 1000) also ``lo`` and ``hi``:
    the percentile bootstrap interval (coverage ``level``, default 95%) of
    ``rate_per_10k``, resampling the group's documents with replacement
    (:func:`analysis.frequency.bootstrap_ratio`, seeded by ``random_state``).
    Years in ``years`` (default: the corpus range) that have no document
    appear with n_docs 0 and NaN rates, so a plot shows a gap rather than a
    false zero.  Undated documents are left out.
    """
    by = [by] if isinstance(by, str) else list(by or [])
    corpus = corpus[corpus["year"].notna()]
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
    out["small_group"] = is_small_group(out["n_docs"], out["n_chars"])
    out = out[[*keys, "n_docs", "n_docs_using", "share_docs", "count", "n_chars", "rate_per_10k", "small_group"]]
    if n_boot > 0:
        out = _with_intervals(out, df, keys, n_boot=n_boot, level=level, random_state=random_state)
    return out


def _with_intervals(
    out: pd.DataFrame, per_doc: pd.DataFrame, keys: list[str], *, n_boot: int, level: float, random_state: int | None
) -> pd.DataFrame:
    """``out`` with ``lo``, ``hi``: bootstrap interval of each row's rate, documents resampled per group."""
    group_keys = keys[1:]  # year and the by columns; terms share one resample of documents
    wide = per_doc.pivot_table(index=["doc_id", *group_keys], columns="term", values="count", aggfunc="sum")
    wide = wide.fillna(0)
    docs = wide.index.to_frame(index=False)
    chars = docs[["doc_id"]].merge(per_doc.drop_duplicates("doc_id")[["doc_id", "n_chars"]], on="doc_id")["n_chars"]
    groups = docs.groupby(group_keys, sort=False, observed=True, dropna=False).ngroup().to_numpy()
    group_table = docs[group_keys].drop_duplicates().reset_index(drop=True)
    lo, hi = bootstrap_ratio(
        wide.to_numpy(dtype=float),
        chars.to_numpy(dtype=float),
        groups,
        len(group_table),
        n_boot=n_boot,
        level=level,
        random_state=random_state,
    )
    term_names = list(wide.columns)
    bounds = group_table.loc[group_table.index.repeat(len(term_names))].reset_index(drop=True)
    bounds["term"] = term_names * len(group_table)
    bounds["lo"] = lo.ravel() * 1e4
    bounds["hi"] = hi.ravel() * 1e4
    bounds = bounds.astype({k: out[k].dtype for k in keys})
    return out.merge(bounds, on=keys, how="left")


def _level_key(v: object) -> tuple[int, object]:
    """Sort key: known levels top-down first, then other values by their text."""
    return (level_rank(v), v) if is_level(v) else (len(LEVELS), str(v))
