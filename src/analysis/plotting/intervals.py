"""Uncertainty and small groups on figures: whiskers from ``lo``/``hi`` columns, grey hatching for ``small_group``.

Result tables may carry a bootstrap 95 % interval beside an estimate, as two
columns ``lo`` and ``hi`` in the same units as the estimate, and a boolean
column ``small_group`` that marks groups below the documented minimum size.
Every figure that draws such a table uses these helpers, so intervals and
small groups look the same everywhere; a table without the columns is drawn
as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

__all__ = [
    "INTERVAL_NOTE",
    "SMALL_GROUP_NOTE",
    "SMALL_GROUP_STYLE",
    "error_extents",
    "has_interval",
    "interval_handle",
    "small_flags",
    "small_group_handle",
]

#: Columns holding the lower and upper bound of an interval.
INTERVAL_COLUMNS = ("lo", "hi")
#: How a bar of a group below the minimum size is drawn: light grey, hatched.
SMALL_GROUP_STYLE: dict[str, Any] = {"color": "#d9d9d9", "hatch": "////", "edgecolor": "#8c8c8c", "linewidth": 0.0}
#: Sentence for legends and notes.
INTERVAL_NOTE = "whiskers = 95% bootstrap interval (documents resampled)"
SMALL_GROUP_NOTE = "grey hatched = too few documents to compare"


def has_interval(table: pd.DataFrame) -> bool:
    """Return True if ``table`` has both interval columns (``lo`` and ``hi``)."""
    return all(column in table.columns for column in INTERVAL_COLUMNS)


def error_extents(values: Sequence[float] | np.ndarray, lo: Sequence[float], hi: Sequence[float]) -> np.ndarray:
    """Return a 2 x n array of whisker lengths below and above ``values`` (``yerr``/``xerr`` of matplotlib).

    Lengths are in the units of ``values``; a missing bound gives no whisker
    on that side, and a bound on the wrong side of its value (possible when a
    signed estimate's interval is taken from another statistic) gives 0.
    """
    v = np.asarray(values, dtype=float)
    below = np.nan_to_num(v - np.asarray(lo, dtype=float), nan=0.0)
    above = np.nan_to_num(np.asarray(hi, dtype=float) - v, nan=0.0)
    return np.vstack([np.clip(below, 0.0, None), np.clip(above, 0.0, None)])


def small_flags(table: pd.DataFrame) -> np.ndarray:
    """Return one boolean per row: True where ``small_group`` is set (all False without the column)."""
    if "small_group" not in table.columns:
        return np.zeros(len(table), dtype=bool)
    return table["small_group"].astype("boolean").fillna(False).to_numpy(dtype=bool)


def interval_handle() -> Line2D:
    """Return a legend handle for whiskers."""
    return Line2D([], [], color="#333333", linewidth=0.8, marker="|", markersize=6)


def small_group_handle() -> Patch:
    """Return a legend handle for a small group's grey hatched bar."""
    return Patch(facecolor=SMALL_GROUP_STYLE["color"], hatch=SMALL_GROUP_STYLE["hatch"], edgecolor="#8c8c8c")
