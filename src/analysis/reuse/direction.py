"""Document metadata for reuse detection, and which document of a pair is the source.

The earlier document is the source: dates (via :func:`analysis.metadata.dates.date_parts`)
are compared only as far as both are known, ties are broken by level
(:func:`analysis.levels.level_rank`: higher levels are assumed to be copied by
lower ones), then by ``doc_id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..levels import level_rank

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Meta:
    """Per-document arrays the detector uses, in corpus row order."""

    doc_ids: np.ndarray  # object array of str
    texts: list[str]
    dates: np.ndarray  # object array of str ("" if unknown)
    levels: np.ndarray  # object array of str
    year: np.ndarray  # int, 0 = unknown
    month: np.ndarray  # int, 0 = unknown
    day: np.ndarray  # int, 0 = unknown
    level_rank: np.ndarray  # int, len(LEVELS) = unknown level
    id_rank: np.ndarray  # rank of doc_id in sorted order


def prepare_meta(corpus: pd.DataFrame) -> Meta:
    """Validate the corpus and return the per-document arrays the detector uses."""
    # imported here, not at module level: Dask workers unpickle Meta and call orient, and must not
    # pay for pandas and the metadata package (~120 MB of a worker's memory)
    import pandas as pd

    from ..metadata.dates import date_parts, is_present

    missing = {"doc_id", "text"} - set(corpus.columns)
    if missing:
        raise ValueError(f"corpus lacks required column(s): {sorted(missing)}")
    doc_ids = corpus["doc_id"].astype(str).to_numpy(dtype=object)
    if len(set(doc_ids)) != len(doc_ids):
        dup = pd.Series(doc_ids).loc[lambda s: s.duplicated()].iloc[0]
        raise ValueError(f"doc_id must be unique; {dup!r} occurs more than once")
    n = len(doc_ids)
    texts = ["" if not isinstance(t, str) else t for t in corpus["text"].tolist()]
    dates_in = corpus["date"].tolist() if "date" in corpus else [None] * n
    years_in = corpus["year"].tolist() if "year" in corpus else [None] * n
    parsed = np.array([date_parts(d, y) for d, y in zip(dates_in, years_in)], dtype=np.int64).reshape(n, 3)
    levels = (
        corpus["level"].fillna("").astype(str).to_numpy(dtype=object)
        if "level" in corpus
        else np.array([""] * n, dtype=object)
    )
    ranks = np.array([level_rank(lvl) for lvl in levels], dtype=np.int64)
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[np.argsort(doc_ids.astype(str), kind="stable")] = np.arange(n)
    dates = np.array([str(d) if is_present(d) else "" for d in dates_in], dtype=object)
    return Meta(
        doc_ids=doc_ids,
        texts=texts,
        dates=dates,
        levels=levels,
        year=parsed[:, 0],
        month=parsed[:, 1],
        day=parsed[:, 2],
        level_rank=ranks,
        id_rank=id_rank,
    )


def orient(meta: Meta, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Decide for document index pairs (a, b) whether a is the source.

    Returns
    -------
    a_first : bool array
        True where document ``a`` is the (earlier) source.
    basis : int array
        0 = decided by date, 1 = by level rank, 2 = by doc_id.
    """
    ya, yb = meta.year[a], meta.year[b]
    ma, mb = meta.month[a], meta.month[b]
    da, db = meta.day[a], meta.day[b]
    years_known = (ya > 0) & (yb > 0)
    by_year = years_known & (ya != yb)
    # compare months/days only when both documents state them
    by_month = ~by_year & years_known & (ma > 0) & (mb > 0) & (ma != mb)
    by_day = ~by_year & ~by_month & years_known & (ma > 0) & (ma == mb) & (da > 0) & (db > 0) & (da != db)
    by_date = by_year | by_month | by_day
    date_first = np.where(by_year, ya < yb, np.where(by_month, ma < mb, da < db))
    la, lb = meta.level_rank[a], meta.level_rank[b]
    by_level = ~by_date & (la != lb)
    a_first = np.where(by_date, date_first, np.where(by_level, la < lb, meta.id_rank[a] < meta.id_rank[b]))
    basis = np.where(by_date, 0, np.where(by_level, 1, 2))
    return a_first, basis


def precedence_rank(meta: Meta) -> np.ndarray:
    """Return each document's rank in a total 'earliest first' order.

    Order: year (unknown last), month, day (unknown parts of a known year
    first, as such a document may be early), level rank, doc_id.  Only used
    to pick the earliest holders of common shingles; the direction of a pair
    is decided pairwise by :func:`orient`.
    """
    year = np.where(meta.year > 0, meta.year, np.iinfo(np.int64).max)
    order = np.lexsort((meta.id_rank, meta.level_rank, meta.day, meta.month, year))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


BASIS_NAMES = np.array(["date", "level", "doc_id"], dtype=object)
