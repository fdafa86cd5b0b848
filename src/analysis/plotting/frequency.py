"""Term-frequency figures: top terms, word clouds, rate heatmaps and keyness bars.

Every function draws one axes: it takes ``ax=None`` (a new figure when
None) and returns the :class:`~matplotlib.axes.Axes`; ``path`` saves the
figure through :func:`.base.save_figure`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from .base import cjk_font_path, figure_and_axes, save_figure
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

__all__ = ["plot_keyness", "plot_rate_heatmap", "plot_top_terms", "plot_wordcloud"]


def _term_values(freq: pd.DataFrame | Mapping[str, float], value: str, term_col: str) -> pd.Series:
    """Return term -> value, refusing tables with one row per group and term."""
    if isinstance(freq, Mapping):
        series = pd.Series(dict(freq), dtype=float)
    else:
        for column in (term_col, value):
            if column not in freq.columns:
                raise KeyError(f"table has no column {column!r}")
        if freq[term_col].duplicated().any():
            raise ValueError(
                f"several rows per {term_col!r}: select one group first "
                "(e.g. freq[freq.year == 2020]) or use term_frequencies(corpus) without by"
            )
        series = pd.Series(freq[value].to_numpy(dtype=float), index=freq[term_col].to_numpy())
    return series[series > 0]


def plot_top_terms(
    freq: pd.DataFrame | Mapping[str, float],
    n: int = 20,
    *,
    value: str = "count",
    term_col: str = "term",
    title: str | None = None,
    xlabel: str | None = None,
    color: str = "#3a6ea5",
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
    """Horizontal bar chart of the ``n`` terms with the largest ``value``.

    Parameters
    ----------
    freq : DataFrame or mapping
        One row per term, e.g. ``term_frequencies(corpus)`` or one group of
        a grouped table; or a mapping term -> value.
    n : int, default 20
    value : str, default "count"
        Column to plot (``count``, ``rate_per_10k``, ``doc_freq`` ...).
    term_col : str, default "term"
    title, xlabel : str, optional
    color : str
    ax : Axes, optional
    path : path, optional
        Save a PNG (and an SVG) here.
    dpi : int, default 200 (at least 150 is used)

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into.
    """
    values = _term_values(freq, value, term_col)
    top = values.sort_values(ascending=False, kind="mergesort").head(n)[::-1]
    figure, ax = figure_and_axes(ax, (7, 0.32 * max(len(top), 4) + 1.2))
    ax.barh(np.arange(len(top)), top.to_numpy(), color=color)
    ax.set_yticks(np.arange(len(top)), labels=top.index.tolist())
    ax.set_xlabel(xlabel or value)
    ax.set_title(title or f"前 {len(top)} 个高频词 (top {len(top)} terms)")
    ax.spines[["top", "right"]].set_visible(False)
    save_figure(figure, path, dpi)
    return ax


def plot_wordcloud(
    freq: pd.DataFrame | Mapping[str, float],
    *,
    value: str = "count",
    term_col: str = "term",
    max_words: int = 200,
    width: int = 1600,
    height: int = 900,
    colormap: str = "viridis",
    color: str | None = None,
    prefer_horizontal: float = 0.9,
    background_color: str = "white",
    seed: int = 0,
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
    """Word cloud of term weights, drawn with the bundled CJK font.

    Parameters
    ----------
    freq : DataFrame or mapping
        One row per term (see :func:`plot_top_terms`) or term -> weight.
    value : str, default "count"
    term_col : str, default "term"
    max_words : int, default 200
    width, height : int
        Size of the word-cloud bitmap in pixels.
    colormap : str, default "viridis"
    color : str, optional
        One colour for every word instead of ``colormap`` (e.g.
        ``LEVEL_COLORS[level]``, so each level's cloud in a row of clouds
        carries its level colour).
    prefer_horizontal : float, default 0.9
        Share of words set horizontally (``wordcloud``'s default); 1.0 sets
        every word horizontally, easier to read in small clouds.
    background_color : str, default "white"
    seed : int, default 0
        Placement seed: the same input gives the same picture.
    title : str, optional
    ax : Axes, optional
    path : path, optional
    dpi : int, default 200

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into.
    """
    from wordcloud import WordCloud  # heavy import, only needed here

    values = _term_values(freq, value, term_col)
    if values.empty:
        raise ValueError("no positive values to draw")
    cloud = WordCloud(
        font_path=cjk_font_path(),
        width=width,
        height=height,
        max_words=max_words,
        colormap=colormap,
        background_color=background_color,
        random_state=seed,
        collocations=False,
        color_func=(lambda *args, **kwargs: color) if color is not None else None,
        prefer_horizontal=prefer_horizontal,
    ).generate_from_frequencies(values.to_dict())
    figure, ax = figure_and_axes(ax, (width / 200, height / 200))
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    save_figure(figure, path, dpi)
    return ax


def _documents_per_column(
    freq: pd.DataFrame, x: str, years: Iterable[Any] | None, n_docs: Mapping[Any, int] | None
) -> dict[Any, int] | None:
    """Return column -> number of documents: ``n_docs``, else (with ``years``) the table's own count column."""
    if n_docs is not None:
        return {k: int(v) for k, v in dict(n_docs).items()}
    if years is not None:
        for column in ("n_docs", "n_documents"):
            if column in freq.columns:
                return {k: int(v) for k, v in freq.drop_duplicates(x).set_index(x)[column].items()}
    return None


def _rate_table(
    freq: pd.DataFrame,
    x: str,
    value: str,
    terms: Iterable[str] | None,
    n_terms: int,
    years: Iterable[Any] | None,
    counts: dict[Any, int] | None,
) -> tuple[pd.DataFrame, list]:
    """Return the term x column table to draw (NaN = no documents) and the columns without documents."""
    table = freq.pivot(index="term", columns=x, values=value).fillna(0.0)
    if years is not None:
        table = table.reindex(columns=list(years))  # years without data: NaN
    if counts is not None:
        table.loc[:, [c for c in table.columns if counts.get(c, 0) == 0]] = np.nan
    present = [c for c in table.columns if table[c].notna().any()]
    if terms is not None:
        table = table.reindex(list(terms))
        table[present] = table[present].fillna(0.0)
    else:
        means = table.mean(axis=1).sort_values(ascending=False, kind="mergesort")
        table = table.loc[means.index[:n_terms]]
    return table, [c for c in table.columns if c not in present]


def _label_heatmap_axes(ax: Axes, table: pd.DataFrame, x: str, counts: dict[Any, int] | None, empty: bool) -> None:
    """Write document counts under the columns and explain them (and hatching) in the x label."""
    ax.set_ylabel("")
    if counts is not None:
        ax.set_xticks(
            np.arange(table.shape[1]) + 0.5, labels=[f"{c}\nn={counts.get(c, 0)}" for c in table.columns], rotation=0
        )
    label = x
    if counts is not None:
        label += "  (n = documents)"
    if empty:
        label += (
            ("; " if counts is not None else "  (") + "hatched = no documents" + ("" if counts is not None else ")")
        )
    ax.set_xlabel(label)
    ax.tick_params(axis="y", rotation=0)


def plot_rate_heatmap(
    freq: pd.DataFrame,
    terms: Iterable[str] | None = None,
    *,
    x: str = "year",
    value: str = "rate_per_10k",
    n_terms: int = 20,
    annot: bool = True,
    cmap: str = "YlOrRd",
    years: Iterable[Any] | None = None,
    n_docs: Mapping[Any, int] | None = None,
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
    """Heatmap of term rates per group: terms as rows, ``x`` (year) as columns.

    Parameters
    ----------
    freq : DataFrame
        ``term_frequencies(corpus, by="year")`` (columns ``x``, ``term``,
        ``value``).
    terms : iterable of str, optional
        Rows to show, in this order; default the ``n_terms`` terms with the
        highest mean ``value`` across columns.
    x : str, default "year"
    value : str, default "rate_per_10k"
        A term absent from a group is shown as 0.
    n_terms : int, default 20
    annot : bool, default True
        Print values in the cells (one decimal).
    cmap : str, default "YlOrRd"
    years : iterable, optional
        Columns to show, in this order (e.g. ``range(2014, 2024)``), so the
        axis runs evenly.  A column without documents (absent from ``freq``,
        or 0 in ``n_docs``) is drawn as hatched grey cells, not as zeros.
    n_docs : mapping column -> number of documents, optional
        E.g. ``corpus.groupby("year").size()``.  Shown under each column
        label ("2019\nn=3") when given, or when ``years`` is given and
        ``freq`` has a column ``n_docs`` or ``n_documents``.
    title : str, optional
    ax, path, dpi
        As in :func:`plot_top_terms`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into.
    """
    for column in (x, "term", value):
        if column not in freq.columns:
            raise KeyError(f"table has no column {column!r}")
    if freq.duplicated(["term", x]).any():
        raise ValueError(
            f"several rows per (term, {x}): rates of different groups cannot be added; "
            f"use term_frequencies(corpus, by={x!r}) or select one group first"
        )
    counts = _documents_per_column(freq, x, years, n_docs)
    table, empty = _rate_table(freq, x, value, terms, n_terms, years, counts)
    figure, ax = figure_and_axes(ax, (max(5.0, 0.75 * table.shape[1] + 2.5), 0.38 * max(len(table), 4) + 1.5))
    if empty:
        ax.set_facecolor("#e6e6e6")  # NaN cells are not drawn: this hatched background shows
        ax.patch.set_hatch("///")
        ax.patch.set_edgecolor("#bdbdbd")
    sns.heatmap(
        table.astype(float),
        ax=ax,
        cmap=cmap,
        annot=annot,
        fmt=".1f",
        linewidths=0.5,
        cbar_kws={"label": "每万字出现次数 (per 10,000 characters)" if value == "rate_per_10k" else value},
    )
    _label_heatmap_axes(ax, table, x, counts, bool(empty))
    ax.set_title(title or "词频变化 (rate per 10,000 characters)")
    save_figure(figure, path, dpi)
    return ax


def _group_name(label: str, n: int | None) -> str:
    """Return "label (n documents)" when ``n`` is given."""
    return label if n is None else f"{label} ({n} document{'s' if n != 1 else ''})"


def plot_keyness(
    table: pd.DataFrame,
    n: int = 15,
    *,
    target_label: str = "target",
    reference_label: str = "reference",
    n_target: int | None = None,
    n_reference: int | None = None,
    colors: tuple[str, str] = ("#c0392b", "#2e86c1"),
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
    """Diverging bar chart of the strongest target and reference keywords.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`analysis.frequency.keyness` (columns ``term``,
        signed ``g2``).  With columns ``lo`` and ``hi`` (a 95 % interval of
        ``g2``, same units) each bar gets a whisker; rows with ``small_group``
        True are drawn grey and hatched.
    n : int, default 15
        Keywords per side.
    target_label, reference_label : str
        Legend names of the two groups (e.g. "2020年以后", "2020年以前").
    n_target, n_reference : int, optional
        Documents in each group, shown in the legend ("central (3 documents)").
    colors : (str, str)
        Bar colours for target and reference keywords.
    title : str, optional
    ax, path, dpi
        As in :func:`plot_top_terms`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into (x: G², signed).
    """
    for column in ("term", "g2"):
        if column not in table.columns:
            raise KeyError(f"table has no column {column!r}")
    positive = table[table["g2"] > 0].nlargest(n, "g2", keep="first")
    negative = table[table["g2"] < 0].nsmallest(n, "g2", keep="first")
    shown = pd.concat([negative.iloc[::-1], positive.iloc[::-1]])
    figure, ax = figure_and_axes(ax, (7, 0.3 * max(len(shown), 4) + 1.4))
    y, g2 = np.arange(len(shown)), shown["g2"].to_numpy(dtype=float)
    small = small_flags(shown)
    bar_colors = [colors[0] if g > 0 else colors[1] for g in g2]
    ax.barh(y[~small], g2[~small], color=[c for c, s in zip(bar_colors, small) if not s])
    if small.any():
        ax.barh(y[small], g2[small], **SMALL_GROUP_STYLE)
    if has_interval(shown):
        xerr = error_extents(g2, shown["lo"], shown["hi"])
        ax.errorbar(g2, y, xerr=xerr, fmt="none", ecolor="#333333", elinewidth=0.8, capsize=2, zorder=3)
    ax.set_yticks(y, labels=shown["term"].tolist())
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"G² (log-likelihood): + {target_label} / - {reference_label}")
    ax.set_title(title or f"关键词 (keyness): {target_label} vs {reference_label}")
    handles: list[Artist] = [Patch(color=colors[0]), Patch(color=colors[1])]
    names = [_group_name(target_label, n_target), _group_name(reference_label, n_reference)]
    if has_interval(shown):
        handles.append(interval_handle())
        names.append(INTERVAL_NOTE)
    if small.any():
        handles.append(small_group_handle())
        names.append(SMALL_GROUP_NOTE)
    ax.legend(handles, names, loc="best", frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    save_figure(figure, path, dpi)
    return ax
