"""The corpus's own period split and span: the one home of "before/after" when the researcher names no year."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["split_year_for", "year_range_for"]


def _years(documents: pd.DataFrame | Iterable[object], year_col: str) -> np.ndarray:
    """The dated years (missing ones left out) of a documents table or of an iterable of years."""
    values = documents[year_col] if isinstance(documents, pd.DataFrame) else pd.Series(list(documents), dtype=object)
    return pd.to_numeric(values, errors="coerce").dropna().astype(int).to_numpy()


def split_year_for(documents: pd.DataFrame | Iterable[object], year_col: str = "year") -> int | None:
    """The year that splits the dated documents into "before" (< it) and "from it on" (>= it).

    ``documents`` is a documents table (its ``year_col``) or the years themselves.  The split
    is the median year of the dated documents (each counts once), rounded up to a whole year,
    and moved to the second distinct year when it would leave the earlier period empty, so at
    least one document falls on each side: years 2014, 2016, 2021, 2022 have median 2018.5 and
    split 2019 (two documents each side); 2020, 2020, 2020, 2021 have median 2020 and split 2021.

    Returns
    -------
    int or None
        The first year of the later period; ``None`` when fewer than two distinct years are
        dated (no split is possible).
    """
    years = _years(documents, year_col)
    distinct = np.unique(years)
    if len(distinct) < 2:
        return None
    split = int(np.ceil(float(np.median(years))))
    # the median can equal the earliest year (most documents in the first year): the later
    # period must then start at the next year present
    if split <= distinct[0]:
        split = int(distinct[1])
    return split


def year_range_for(documents: pd.DataFrame | Iterable[object], year_col: str = "year") -> range | None:
    """Every year from the earliest to the latest dated document (inclusive); None when none is dated."""
    years = _years(documents, year_col)
    if len(years) == 0:
        return None
    return range(int(years.min()), int(years.max()) + 1)
