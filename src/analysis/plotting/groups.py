"""Figures comparing groups side by side: one word cloud per level, title words by year."""

from __future__ import annotations

import math
import os

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..levels import order_levels
from .base import LEVEL_COLORS, MIN_DPI, figure_and_axes, new_figure, save_figure
from .frequency import plot_wordcloud

__all__ = ["plot_title_words", "plot_wordclouds"]


def plot_wordclouds(
    freq: pd.DataFrame,
    by: str = "level",
    *,
    n_docs: pd.Series | None = None,
    max_words: int = 80,
    ncols: int = 2,
    figure: Figure | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = MIN_DPI,
) -> Figure:
    """One word cloud per group (``term_frequencies(corpus, by=by)``), levels in hierarchical order.

    Each level's cloud is drawn in its level colour; the panel title gives the
    group and, with ``n_docs`` (documents per group), how many documents it rests on.

    Returns
    -------
    matplotlib.figure.Figure
        The figure with ``ncols`` clouds per row (unused panels hidden).
    """
    groups = order_levels(freq[by]) if by == "level" else sorted(freq[by].dropna().unique())
    ncols = max(1, min(ncols, len(groups)))
    nrows = max(1, math.ceil(len(groups) / ncols))
    if figure is None:
        figure = new_figure((7 * ncols, 4 * nrows))
    axes = figure.subplots(nrows, ncols, squeeze=False)
    for ax, group in zip(axes.flat, groups):
        title = str(group)
        if n_docs is not None:
            n = int(n_docs.get(group, 0))
            title += f" ({n} document{'s' if n != 1 else ''})"
        plot_wordcloud(
            freq[freq[by] == group], ax=ax, max_words=max_words, color=LEVEL_COLORS.get(str(group)), title=title
        )
    for ax in list(axes.flat)[len(groups) :]:
        ax.set_axis_off()
    save_figure(figure, path, dpi)
    return figure


def plot_title_words(
    title_words: pd.DataFrame,
    *,
    n_titles: pd.Series | None = None,
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = MIN_DPI,
) -> Axes:
    """Grouped bars: share of titles using each word (``diffusion.title_terms``), one bar per year.

    ``n_titles`` (titles per year) goes into the legend so each share shows its base.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on (shares of titles, 0-1).
    """
    figure, ax = figure_and_axes(ax, (8, 3.8))
    wide = title_words.pivot(index="word", columns="year", values="share")
    wide.plot.bar(ax=ax, rot=0, width=0.8)
    ax.set_ylabel("share of titles")
    labels = [f"{y} ({int(n_titles[y])} titles)" if n_titles is not None else str(y) for y in wide.columns]
    ax.legend(labels, title="year", frameon=False)
    if title:
        ax.set_title(title)
    save_figure(figure, path, dpi)
    return ax
