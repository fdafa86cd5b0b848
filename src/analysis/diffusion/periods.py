"""Where to split a corpus into an earlier and a later period: the corpus's own median year."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["split_year_for"]


def split_year_for(years: Iterable[object]) -> int | None:
    """The year that splits the dated documents into "before" (< it) and "from it on" (>= it).

    It is the median year of the documents (missing years left out), rounded
    up to a whole year, and moved to the second distinct year when it would
    leave the earlier period empty, so at least one document falls on each
    side: years 2014, 2016, 2021, 2022 have median 2018.5 and split 2019 (two
    documents each side); 2020, 2021, 2021 split at 2021 (one before, two
    after); 2020, 2020, 2020, 2021 have median 2020 and split 2021.

    Returns
    -------
    int or None
        The first year of the later period; ``None`` when fewer than two
        distinct years are present (no split is possible).
    """
    values = pd.to_numeric(pd.Series(list(years), dtype=object), errors="coerce").dropna().astype(int)
    distinct = np.unique(values.to_numpy())
    if len(distinct) < 2:
        return None
    split = int(np.ceil(float(np.median(values.to_numpy()))))
    # The median can equal the earliest year (most documents in the first
    # year): the later period must then start at the next year present.
    if split <= distinct[0]:
        split = int(distinct[1])
    return split
