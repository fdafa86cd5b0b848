"""Diffusion figures: term timelines, first appearance by level, cumulative adoption.

:func:`plot_first_appearance` draws one axes (``ax=None``, returns the
Axes); :func:`plot_term_timelines` and :func:`plot_adoption_curves` draw
small multiples (``figure=None``, return the Figure).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..levels import LEVELS
from .base import figure_and_axes, save_figure
from .intervals import (
    INTERVAL_NOTE,
    SMALL_GROUP_NOTE,
    SMALL_GROUP_STYLE,
    error_extents,
    has_interval,
    interval_handle,
    small_flags,
    small_group_handle,
)
from .panels import finish_panels, panel_grid

__all__ = ["plot_adoption_curves", "plot_first_appearance", "plot_term_timelines"]

BAR_COLOUR = "#3a6ea5"
#: Background of years without any document in the corpus.
NO_DOCUMENT_BAND = "#e6e6e6"


def _pattern_map(patterns: Mapping[str, str] | pd.DataFrame | None) -> dict[str, str]:
    """Return term -> regex pattern, from a mapping or a watchlist DataFrame (columns term, pattern).

    Only patterns that differ from their term are kept (those are worth showing).
    """
    if patterns is None:
        return {}
    if isinstance(patterns, pd.DataFrame):
        if "term" not in patterns.columns or "pattern" not in patterns.columns:
            return {}
        pairs = list(zip(patterns["term"], patterns["pattern"]))
    else:
        pairs = list(dict(patterns).items())
    return {str(t): str(p) for t, p in pairs if isinstance(p, str) and p.strip() and p != t}


def _timeline_panel(ax: Axes, t: pd.DataFrame, years: list, value: str) -> None:
    """Draw one term's bars by year, grey bands over years without documents, or "not found in corpus"."""
    observed = t["n_docs"].fillna(0) > 0 if "n_docs" in t.columns else t[value].notna()
    for year, seen in zip(years, observed):
        if not seen:
            ax.axvspan(year - 0.5, year + 0.5, color=NO_DOCUMENT_BAND, linewidth=0, zorder=0)
    used = t["count"].fillna(0) if "count" in t.columns else t[value].fillna(0)
    if (used > 0).any():
        seen = t[observed.to_numpy()]
        x = np.array([y for y, o in zip(years, observed) if o], dtype=float)
        heights = seen[value].fillna(0).to_numpy(dtype=float)
        small = small_flags(seen)
        ax.bar(x[~small], heights[~small], color=BAR_COLOUR, width=0.8, zorder=2)
        ax.bar(x[small], heights[small], width=0.8, zorder=2, **SMALL_GROUP_STYLE)
        peak = float(t[value].max())
        if has_interval(seen):
            yerr = error_extents(heights, seen["lo"], seen["hi"])
            ax.errorbar(x, heights, yerr=yerr, fmt="none", ecolor="#333333", elinewidth=0.7, capsize=1.5, zorder=3)
            peak = max(peak, float(np.nanmax(seen["hi"].to_numpy(dtype=float), initial=0.0)))
        ax.set_ylim(0, peak * 1.15 if peak > 0 else 1.0)
    else:
        ax.set_ylim(0, 1.0)
        ax.set_yticks([])
        ax.text(
            0.5,
            0.5,
            "not found in corpus",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=8,
            color="#666666",
        )
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)


def plot_term_timelines(
    timeline: pd.DataFrame,
    terms: Iterable[str] | None = None,
    *,
    value: str = "rate_per_10k",
    ncols: int = 5,
    patterns: Mapping[str, str] | pd.DataFrame | None = None,
    title: str | None = None,
    figure: Figure | SubFigure | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure | SubFigure:
    """Small multiples, one panel per term: bars of ``value`` by year.

    ``timeline`` is :func:`analysis.diffusion.term_timeline` output (term,
    year, n_docs, rate_per_10k...).  Bars, not lines: with a handful of
    documents a year a line would invent a trend through years with no
    document.  Years without any document in the corpus (``n_docs == 0``) are
    shaded with a light grey band, so they do not read as years of zero use.
    A term that never occurs is labelled "not found in corpus".  Each panel
    has its own y scale (a few terms such as 新型智慧城市 are 10-50 times more
    frequent than the rest and would flatten every other panel); read the
    tick labels before comparing heights across panels.

    With columns ``lo`` and ``hi`` (a 95 % interval of ``value``, e.g. from
    bootstrapping documents) every bar gets a whisker; years with
    ``small_group`` True are drawn grey and hatched.  Both are explained in
    the legend.

    Parameters
    ----------
    patterns : mapping term -> regex, or the watchlist DataFrame, optional
        E.g. ``diffusion.load_watchlist()``.  A term counted with a pattern
        other than the term itself gets the pattern in small text under its
        panel title ("城市大脑" over "城市(数据)?大脑").
    figure : Figure or SubFigure, optional
        Draw the panels here; default a new figure, 2.6 x 1.9 inches per panel.
    path, dpi
        Save the figure (PNG, at least 150 dpi, and SVG) through :func:`.base.save_figure`.

    Returns
    -------
    matplotlib.figure.Figure
        The figure holding the panels (the ``figure`` passed in, if any).
    """
    terms = list(terms) if terms is not None else list(dict.fromkeys(timeline["term"]))
    pattern_of = _pattern_map(patterns)
    shown = {t: pattern_of[t] for t in terms if t in pattern_of}
    figure, axes = panel_grid(len(terms), ncols, sharey=False, figure=figure)
    years = sorted(timeline["year"].unique())
    for ax, term in zip(axes.flat, terms):
        _timeline_panel(ax, timeline[timeline["term"] == term].set_index("year").reindex(years), years, value)
        ax.set_title(term, fontsize=10, pad=12 if shown else 6)
        if term in shown:
            text = shown[term] if len(shown[term]) <= 40 else shown[term][:39] + "…"
            ax.annotate(
                text,
                xy=(0.5, 1.0),
                xycoords="axes fraction",
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=6,
                color="#555555",
            )
    for ax in axes[-1]:
        ax.set_xticks(years[:: max(1, len(years) // 5)])
    note = "grey band = no document that year"
    if shown:
        note += "; small text = regex counted"
    unit = "per 10,000 characters" if value == "rate_per_10k" else value
    handles: list[Artist] = [Patch(facecolor=BAR_COLOUR), Patch(facecolor=NO_DOCUMENT_BAND)]
    names = [unit, "no document in the corpus\nthat year"]
    if has_interval(timeline):
        handles.append(interval_handle())
        names.append(INTERVAL_NOTE.replace(" (", "\n("))
    if small_flags(timeline).any():
        handles.append(small_group_handle())
        names.append(SMALL_GROUP_NOTE.replace(" = ", " =\n"))
    return finish_panels(
        figure,
        axes,
        len(terms),
        unit,
        title or f"政策术语的年度分布 (term use by year; {note})",
        path,
        dpi,
        legend=(handles, names),
    )


def plot_first_appearance(
    first: pd.DataFrame,
    *,
    by: str = "level",
    order: Iterable[str] | None = None,
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
    """Heatmap of the first year each term appears at each level (annotated with the year).

    ``first`` is :func:`analysis.diffusion.first_appearance` output.  Terms are
    sorted by their earliest appearance; blank cells mean the term never
    appears at that level in the corpus.  Columns follow ``order`` (default
    :data:`analysis.levels.LEVELS`), other values after them.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into (``ax``, or one on a new figure sized to the table).
    """
    wide = first.pivot(index="term", columns=by, values="first_year")
    known = list(order or LEVELS)
    cols = [c for c in known if c in wide.columns] + [c for c in wide.columns if c not in known]
    wide = wide[cols]
    wide = wide.loc[wide.min(axis=1).sort_values(kind="stable").index]
    figure, ax = figure_and_axes(ax, (1.3 * len(cols) + 2.2, 0.32 * len(wide) + 1.4))
    sns.heatmap(
        wide.astype(float),
        annot=True,
        fmt=".0f",
        cmap="viridis_r",
        cbar=False,
        ax=ax,
        linewidths=0.5,
        linecolor="white",
        annot_kws={"fontsize": 8},
    )
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title or "首次出现年份 (first year of use, by level)", fontsize=11)
    save_figure(figure, path, dpi)
    return ax


def _adoption_panel(ax: Axes, c: pd.DataFrame, coverage: bool, adopted: str, covered: str) -> None:
    """Draw one term's adoption share as a filled step line, with the coverage line behind it when known."""
    if coverage:
        share = c["n_observed"].astype(float) / c["n_jurisdictions"].where(c["n_jurisdictions"] > 0)
        ax.step(c["year"], share, where="post", color=covered, linestyle="--", linewidth=1.1, zorder=1)
    ax.step(c["year"], c["share"], where="post", color=adopted, zorder=3)
    ax.fill_between(c["year"], c["share"], step="post", alpha=0.2, color=adopted, zorder=2)
    ax.set_ylim(0, 1.05)


def plot_adoption_curves(
    curves: pd.DataFrame,
    terms: Iterable[str] | None = None,
    *,
    ncols: int = 5,
    title: str | None = None,
    figure: Figure | SubFigure | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure | SubFigure:
    """Small multiples of cumulative adoption (share of local jurisdictions that have used a term).

    ``curves`` is :func:`analysis.diffusion.adoption_curve` output.  Drawn as
    steps: the share changes only in years when a jurisdiction first uses the term.
    When the table has ``n_observed`` (local jurisdictions with at least one
    document in or before the year), every panel also shows the coverage
    ``n_observed / n_jurisdictions`` as a dashed grey step line behind the
    adoption curve: a term's curve cannot rise above it, and where the two
    run together the curve shows jurisdictions entering the corpus rather
    than taking up the term.  One legend explains both lines.

    Parameters
    ----------
    figure : Figure or SubFigure, optional
        Draw the panels here; default a new figure, 2.6 x 1.9 inches per panel.
    path, dpi
        Save the figure (PNG, at least 150 dpi, and SVG) through :func:`.base.save_figure`.

    Returns
    -------
    matplotlib.figure.Figure
        The figure holding the panels (the ``figure`` passed in, if any).
    """
    terms = list(terms) if terms is not None else list(dict.fromkeys(curves["term"]))
    figure, axes = panel_grid(len(terms), ncols, sharey=True, figure=figure)
    coverage = "n_observed" in curves.columns
    adopted_colour, coverage_colour = "#0072B2", "#808080"
    for ax, term in zip(axes.flat, terms):
        _adoption_panel(
            ax,
            curves[curves["term"] == term].sort_values("year", kind="stable"),
            coverage,
            adopted_colour,
            coverage_colour,
        )
        ax.set_title(term, fontsize=10)
    n_j = int(curves["n_jurisdictions"].iloc[0]) if len(curves) else 0
    legend = None
    if coverage:
        legend = (
            [Line2D([], [], color=adopted_colour), Line2D([], [], color=coverage_colour, linestyle="--")],
            ["have used the term", "jurisdictions with any\ndocument so far"],
        )
    return finish_panels(
        figure,
        axes,
        len(terms),
        f"share of {n_j} local jurisdictions",
        title or "累计采纳曲线 (cumulative adoption by local jurisdictions)",
        path,
        dpi,
        legend=legend,
    )
