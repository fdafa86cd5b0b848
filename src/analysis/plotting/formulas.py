"""Formula figures: small multiples of how the top formulas (提法) spread over years and levels.

:func:`plot_formula_adoption` draws one panel per formula (``figure=None``,
returns the Figure).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pandas as pd
from matplotlib.figure import Figure, SubFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..levels import order_levels
from .base import LEVEL_COLORS
from .panels import finish_panels, panel_grid

__all__ = ["plot_formula_adoption", "wrap_formula"]

CUMULATIVE_COLOUR = "#333333"
#: Characters per line of a panel title (formulas are up to 40 characters).
TITLE_CHARS = 12


def wrap_formula(formula: str, width: int = TITLE_CHARS) -> str:
    """``formula`` in lines of at most ``width`` characters, broken after an enumeration comma 、 where one fits."""
    lines, rest = [], formula
    while len(rest) > width:
        cut = rest.rfind("、", 0, width)
        cut = cut + 1 if cut > 0 else width
        lines.append(rest[:cut])
        rest = rest[cut:]
    return "\n".join([*lines, rest])


def _panel(ax, table: pd.DataFrame, levels: list[str]) -> None:
    """Stacked bars of new jurisdictions per year by level, with the cumulative count as a step line."""
    wide = table.pivot_table(index="year", columns="level", values="n_new_jurisdictions", aggfunc="sum", fill_value=0)
    bottom = pd.Series(0, index=wide.index, dtype=float)
    for level in levels:
        if level in wide.columns:
            ax.bar(wide.index, wide[level], bottom=bottom, color=LEVEL_COLORS.get(level, "#999999"), width=0.8)
            bottom += wide[level]
    cum = table.groupby("year")["cumulative"].max()
    ax.step(cum.index, cum.to_numpy(), where="mid", color=CUMULATIVE_COLOUR, linewidth=1.2)
    ax.set_ylim(0, max(1.0, float(cum.max())) * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    # four-digit years side by side in a third of a page width: at most five ticks stay apart
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))


def plot_formula_adoption(
    adoption: pd.DataFrame,
    formulas: Iterable[str] | None = None,
    *,
    ncols: int = 3,
    title: str | None = None,
    figure: Figure | SubFigure | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure | SubFigure:
    """Small multiples of formula adoption: one panel per formula.

    ``adoption`` is :func:`analysis.formulas.formula_adoption` output.  Bars
    are the jurisdictions using the formula for the first time in the
    corpus's dated documents each year, stacked and coloured by level
    (:data:`.base.LEVEL_COLORS`); the dark step line is the running total of
    jurisdictions.  Panel titles are the formulas (wrapped), in the order of
    ``formulas`` (formula_ids or texts; default all, in table order).

    Parameters
    ----------
    figure : Figure or SubFigure, optional
        Draw the panels here; default a new figure, 2.6 x 1.9 inches per panel.
    path, dpi
        Save the figure (PNG, at least 150 dpi) through :func:`.base.save_figure`.

    Returns
    -------
    matplotlib.figure.Figure
        The figure holding the panels (the ``figure`` passed in, if any).
    """
    ids = list(dict.fromkeys(adoption["formula_id"]))
    if formulas is not None:
        text_to_id = dict(zip(adoption["formula"], adoption["formula_id"]))
        ids = [text_to_id.get(f, f) for f in formulas]
        unknown = [f for f in ids if f not in set(adoption["formula_id"])]
        if unknown:
            raise ValueError(f"not in the adoption table: {unknown}")
    used = adoption[adoption["n_new_jurisdictions"] > 0] if len(adoption) else adoption
    levels = order_levels(used["level"])
    # two columns at least: the legend takes an unused panel and the title has room
    figure, axes = panel_grid(max(1, len(ids)), max(2, min(ncols, len(ids))), sharey=False, figure=figure)
    for ax, fid in zip(axes.flat, ids):
        table = adoption[adoption["formula_id"] == fid]
        _panel(ax, table, levels)
        ax.set_title(wrap_formula(str(table["formula"].iloc[0])), fontsize=9)
    if not ids:
        axes.flat[0].text(0.5, 0.5, "no formula to show", ha="center", va="center", transform=axes.flat[0].transAxes)
    handles = [Patch(color=LEVEL_COLORS.get(lv, "#999999")) for lv in levels] + [
        Line2D([], [], color=CUMULATIVE_COLOUR)
    ]
    labels = [*levels, "jurisdictions so far"]
    return finish_panels(
        figure,
        axes,
        len(ids),
        "jurisdictions",
        title or "提法的扩散 (formula adoption by jurisdiction and level)",
        path,
        dpi,
        legend=(handles, labels) if ids else None,
    )
