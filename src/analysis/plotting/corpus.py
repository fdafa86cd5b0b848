"""Figures of the corpus itself: documents per year and level, document lengths."""

from __future__ import annotations

import os
from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from ..labels import INFERRED_YEAR_MARKERS, doc_label
from ..levels import order_levels
from .base import LEVEL_COLORS, MIN_DPI, figure_and_axes, save_figure

__all__ = ["documents_per_year", "plot_document_lengths", "plot_documents_per_year"]

_OTHER_COLOR = "#999999"


def documents_per_year(corpus: pd.DataFrame, years: Iterable[int] | None = None) -> pd.DataFrame:
    """Documents per year (rows) and level (columns, top level first); years without documents are 0.

    Returns
    -------
    DataFrame
        Counts of documents, indexed by year; documents without a year are left out.
    """
    dated = corpus.dropna(subset=["year"])
    if years is None:
        years = range(int(dated.year.min()), int(dated.year.max()) + 1) if len(dated) else range(0)
    years = list(years)
    counts = dated.pivot_table(index="year", columns="level", values="doc_id", aggfunc="count", fill_value=0)
    return counts.reindex(index=years, fill_value=0).reindex(columns=order_levels(dated.level), fill_value=0)


def plot_documents_per_year(
    corpus: pd.DataFrame,
    years: Iterable[int] | None = None,
    *,
    ax: Axes | None = None,
    title: str | None = "documents per year and level",
    path: str | os.PathLike[str] | None = None,
    dpi: int = MIN_DPI,
) -> Axes:
    """Stacked bars of documents per year by level; years inferred from cited documents or a plan's
    start year (``date_source`` says "lower bound" or "plan period") are drawn dotted on top.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on (counts of documents).
    """
    counts = documents_per_year(corpus, years)
    figure, ax = figure_and_axes(ax, (9, 4))
    index = list(counts.index)
    bottom = pd.Series(0, index=index)
    for level in counts.columns:
        ax.bar(index, counts[level], bottom=bottom, color=LEVEL_COLORS.get(level, _OTHER_COLOR), label=level)
        bottom += counts[level]
    if "date_source" in corpus:
        pattern = "|".join(INFERRED_YEAR_MARKERS)
        inferred = (
            corpus[corpus.date_source.fillna("").str.contains(pattern)]
            .groupby("year")
            .size()
            .reindex(index, fill_value=0)
        )
        if inferred.any():
            ax.bar(
                index,
                inferred,
                bottom=bottom - inferred,
                fill=False,
                hatch="...",
                edgecolor="#333333",
                linewidth=0,
                label="year inferred (no date printed)",
            )
    ax.set_xticks(index)
    ax.set_ylabel("documents")
    if title:
        ax.set_title(title)
    ax.legend(title="level", frameon=False)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    save_figure(figure, path, dpi)
    return ax


#: Above this many documents :func:`plot_document_lengths` draws a histogram:
#: one labelled bar per document would make the figure 0.3 inch taller per document.
MAX_LENGTH_BARS = 60


def _length_histogram(ax: Axes, d: pd.DataFrame, excerpt: pd.Series) -> list[str]:
    """Draw stacked histograms of length (log-spaced bins) per level, excerpts hatched; return the legend names."""
    lengths = d["n_chars"].clip(lower=1).to_numpy(dtype=float)
    bins = np.unique(np.geomspace(lengths.min(), lengths.max() * 1.001, 30)) if len(lengths) else np.array([1, 2])
    levels = order_levels(d.level)
    series = [lengths[((d.level == lv) & ~excerpt).to_numpy()] for lv in levels]
    colours = [LEVEL_COLORS.get(lv, _OTHER_COLOR) for lv in levels]
    names = [f"{lv} ({len(x)})" for lv, x in zip(levels, series)]
    if excerpt.any():
        series.append(lengths[excerpt.to_numpy()])
        colours.append("#ffffff")
        names.append(f"excerpt, any level ({int(excerpt.sum())})")
    ax.hist(series, bins=bins.tolist(), stacked=True, color=colours, edgecolor="white", linewidth=0.3)
    if excerpt.any():
        for patch in ax.containers[-1]:
            patch.set_hatch("///")
            patch.set_edgecolor("#333333")
    ax.set_xscale("log")
    ax.set_xlabel("characters of clean text (log scale)")
    ax.set_ylabel("documents")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return names


def plot_document_lengths(
    corpus: pd.DataFrame,
    *,
    ax: Axes | None = None,
    label_width: int = 20,
    max_documents: int = MAX_LENGTH_BARS,
    title: str | None = "document length (hatched = excerpt)",
    path: str | os.PathLike[str] | None = None,
    dpi: int = MIN_DPI,
) -> Axes:
    """One horizontal bar per document: characters of clean text, coloured by level, excerpts hatched.

    With more than ``max_documents`` documents, a histogram of lengths instead
    (stacked by level, excerpts as a hatched series, documents per level in
    the legend), so the figure keeps its size at any corpus size.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on (lengths in characters).
    """
    d = corpus.sort_values(["year", "date"])
    excerpt = (
        d["is_excerpt"].astype("boolean").fillna(False).astype(bool)
        if "is_excerpt" in d
        else pd.Series(False, index=d.index)
    )
    if len(d) > max_documents:
        figure, ax = figure_and_axes(ax, (9, 4.5))
        names = _length_histogram(ax, d, excerpt)
        # One handle per stacked series: the first bar of each.
        handles = [container[0] for container in ax.containers]
        ax.legend(
            handles,
            names,
            title=f"level ({len(d)} documents)",
            frameon=False,
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
        )
        if title:
            ax.set_title(title)
        save_figure(figure, path, dpi)
        return ax
    d = d.assign(label=doc_label(d, width=label_width))
    figure, ax = figure_and_axes(ax, (9, max(2.5, 0.3 * len(d) + 1.2)))
    bars = ax.barh(d.label, d.n_chars, color=[LEVEL_COLORS.get(lv, _OTHER_COLOR) for lv in d.level], edgecolor="white")
    for bar, is_excerpt in zip(bars, excerpt):
        if is_excerpt:
            bar.set_hatch("///")
            bar.set_edgecolor("#333333")
    ax.invert_yaxis()
    ax.set_xlabel("characters of clean text")
    if title:
        ax.set_title(title)
    levels = order_levels(d.level)
    handles = [Rectangle((0, 0), 1, 1, color=LEVEL_COLORS.get(lv, _OTHER_COLOR)) for lv in levels]
    # outside the axes, as the histogram's: inside, it covers the longest bars (a 3-page corpus whose
    # last bar is its longest hid that bar's level swatch)
    ax.legend(handles, levels, title="level", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    save_figure(figure, path, dpi)
    return ax
