"""The corpus's own period split: the one home of "before/after" when the researcher names no year."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["split_year_for", "year_range_for"]


def split_year_for(documents: pd.DataFrame, year_col: str = "year") -> int | None:
    """The first year of the later period: the median year of the dated documents.

    The later period is ``year >= split``.  The median is of the documents'
    years (each document counts once; the lower of two middle years), moved up
    to the next year that has documents when no document would be earlier, so
    both periods always hold documents.

    Returns
    -------
    int or None
        A year (e.g. 2019), or None when fewer than two distinct years are
        dated: there is then no split to make.
    """
    years = pd.to_numeric(documents[year_col], errors="coerce").dropna().astype(int).to_numpy()
    distinct = np.unique(years)
    if len(distinct) < 2:
        return None
    ordered = np.sort(years)
    median = int(ordered[(len(ordered) - 1) // 2])
    if median <= distinct[0]:
        median = int(distinct[1])
    return median


def year_range_for(documents: pd.DataFrame, year_col: str = "year") -> range | None:
    """Every year from the earliest to the latest dated document (inclusive); None when none is dated."""
    years = pd.to_numeric(documents[year_col], errors="coerce").dropna()
    if years.empty:
        return None
    return range(int(years.min()), int(years.max()) + 1)
