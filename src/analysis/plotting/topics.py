"""Figures of topic models and document similarity.

One-axes figures take ``ax=None`` and return the Axes; figures that need
several axes (the k diagnostics' three panels, the prevalence small
multiples, the similarity heatmap with its dendrogram) take ``figure=None``
and return the Figure.  Every function saves a PNG and an SVG when given ``path=``
(:func:`analysis.plotting.base.save_figure`, at least 150 dpi).
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from scipy.cluster.hierarchy import dendrogram

from ..labels import doc_label
from ..levels import LEVELS
from ..similarity import DocumentClustering, FlatClusters, cluster_documents
from ..topics import KDiagnostics, choose_k
from .base import figure_and_axes, new_figure, save_figure, use_chinese_font
from .intervals import SMALL_GROUP_NOTE, SMALL_GROUP_STYLE, error_extents, has_interval, small_flags

__all__ = [
    "plot_k_diagnostics",
    "plot_prevalence_bars",
    "plot_prevalence_by_level",
    "plot_prevalence_by_year",
    "plot_similarity_heatmap",
]

PathLike: TypeAlias = str | os.PathLike[str] | None
Labels: TypeAlias = pd.DataFrame | Mapping[int, str] | None

#: Tick names of the levels of government in prevalence figures.
LEVEL_NAMES = dict(
    zip(
        LEVELS, ("中央\ncentral", "部委\nministry", "省级\nprovincial", "地市\nprefecture", "区县\ncounty"), strict=True
    )
)
_UNITS = ("documents", "paragraphs")
#: The similarity heatmap labels its rows and columns up to this many documents (7-point labels stay legible).
MAX_HEATMAP_LABELS = 150


def _figure(
    figure: Figure | None,
    figsize: tuple[float, float],
    layout: Literal["constrained", "compressed", "tight"] | None = "constrained",
) -> Figure:
    if figure is not None:
        use_chinese_font()
        return figure
    return new_figure(figsize, layout=layout)


# ============================================================================ choice of k


def _coherence_panel(ax: Axes, t: pd.DataFrame) -> None:
    """NPMI ± 1 SE, the best - 1 SE bar, and headroom for the "chosen k" note."""
    ks = t["k"].to_numpy()
    ax.errorbar(
        ks,
        t["coherence_npmi"],
        yerr=t["coherence_npmi_se"],
        marker="o",
        capsize=3,
        color="#1f77b4",
        label="NPMI ± 1 SE",
    )
    best = t.loc[t["coherence_npmi"].idxmax()]
    bar = best["coherence_npmi"] - best["coherence_npmi_se"]
    ax.axhline(bar, color="grey", linestyle=":", linewidth=1, label="best − 1 SE")
    ax.set_title("主题一致性 coherence (NPMI)")
    ax.set_ylabel("NPMI (−1..1, 越高越好)")
    se = t["coherence_npmi_se"].fillna(0).to_numpy(dtype=float)
    coh = t["coherence_npmi"].to_numpy(dtype=float)
    finite = np.isfinite(coh)
    if finite.any():
        high = float(np.max((coh + se)[finite]))
        low = float(min(np.min((coh - se)[finite]), bar))
        span = high - low if high > low else max(abs(high), 1e-3)
        ax.set_ylim(low - 0.06 * span, high + 0.22 * span)


def _exclusivity_panel(ax: Axes, t: pd.DataFrame) -> None:
    ks = t["k"].to_numpy()
    ax.plot(ks, t["exclusivity"], marker="o", color="#2ca02c")
    ax.plot(ks, 1 / ks, linestyle=":", color="grey", linewidth=1, label="1/k (no exclusivity)")
    ax.set_title("排他性 exclusivity")
    ax.set_ylabel("share of top-term mass (1/k..1)")


def _stability_panel(ax: Axes, t: pd.DataFrame) -> None:
    ks = t["k"].to_numpy()
    ax.plot(ks, t["stability_cosine"], marker="o", color="#9467bd", label="matched cosine")
    ax.plot(ks, t["stability_ari"], marker="s", color="#d62728", label="ARI dominant topic")
    ax.errorbar(
        ks,
        t["stability"],
        yerr=t["stability_se"] if "stability_se" in t.columns else None,
        linestyle="--",
        color="black",
        linewidth=1,
        capsize=2,
        label="mean of cosine and ARI ± 1 SE",
    )
    ax.set_title(f"稳定性 stability ({int(t['n_seeds'].iloc[0])} seeds)")
    ax.set_ylabel("stability (matched cosine / ARI, 0-1)")


def _mark_chosen(axes: Sequence[Axes], ks: np.ndarray, chosen: int) -> None:
    for ax in axes:
        # Legends under the panels: inside they hide the points that matter.
        ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
        ax.axvline(chosen, color="#ff7f0e", linewidth=2, alpha=0.6)
        ax.set_xlabel("k (topics)")
        ax.set_xticks(ks)
        ax.spines[["top", "right"]].set_visible(False)
    last = chosen >= ks.max()
    axes[0].annotate(
        f"chosen k={chosen}",
        xy=(chosen, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-4 if last else 4, -3),
        textcoords="offset points",
        color="#ff7f0e",
        fontsize=9,
        ha="right" if last else "left",
        va="top",
    )


def plot_k_diagnostics(
    diagnostics: KDiagnostics | pd.DataFrame,
    *,
    chosen: int | None = None,
    title: str | None = None,
    figure: Figure | None = None,
    path: PathLike = None,
    dpi: int = 200,
) -> Figure:
    """Coherence, exclusivity and stability against k, chosen k marked.

    Parameters
    ----------
    diagnostics : KDiagnostics or DataFrame
        From :func:`analysis.topics.evaluate_k` (or its ``table``).
    chosen : int, optional
        k to mark; default :func:`analysis.topics.choose_k` on the table.
    title : str, optional
    figure : Figure, optional
        Draw into this figure (three new subplots); default a new 11 x 4.4 in figure.
    path : path, optional
        Save a PNG (at least 150 dpi) and an SVG here.
    dpi : int, default 200

    Returns
    -------
    matplotlib.figure.Figure
        Three panels sharing the k axis: (1) NPMI coherence with ±1 SE bars
        and the 1-SE threshold of :func:`choose_k`, (2) exclusivity,
        (3) stability (matched cosine, ARI and, dashed, the mean of the two
        ± 1 SE).  The "chosen k" note sits in headroom above the coherence
        error bars, so it never covers them.
    """
    table = diagnostics.table if isinstance(diagnostics, KDiagnostics) else diagnostics
    t = table.sort_values("k")
    reason = None
    if chosen is None:
        chosen, reason = choose_k(t)
    figure = _figure(figure, (11, 4.4))
    axes = figure.subplots(1, 3, sharex=True)
    _coherence_panel(axes[0], t)
    _exclusivity_panel(axes[1], t)
    _stability_panel(axes[2], t)
    _mark_chosen(axes, t["k"].to_numpy(), chosen)
    method = str(t["method"].iloc[0]).upper() if "method" in t.columns else ""
    head = title or f"选择主题数 k ({method}, {int(t['n_units'].iloc[0])} units)"
    if reason:
        head += "\n" + "\n".join(textwrap.wrap(reason, 140))
    figure.suptitle(head, fontsize=10)
    save_figure(figure, path, dpi)
    return figure


# ============================================================================ prevalence


@dataclass
class _Grid:
    """A prevalence table laid out as topics x groups."""

    by: str
    groups: list[Any]
    topics: list[int]
    share: pd.DataFrame  # topics x groups, mean shares (NaN: no units)
    counts: pd.DataFrame  # one row per group: n_documents, n_units
    ticks: list[str]  # "group\nn=..." per group
    names: list[str]  # "T0 label" per topic
    unit_word: str  # what a hatched / empty group lacks


def _topic_names(labels: Labels, topics: Sequence[int], max_chars: int = 26) -> list[str]:
    """ "T3 数据、共享…" per topic: the topic number and its label cut to ``max_chars``."""
    if labels is None:
        mapping: Mapping[int, str] = {}
    elif isinstance(labels, pd.DataFrame):
        mapping = dict(zip(labels["topic"], labels["label"], strict=True))
    else:
        mapping = labels
    names = []
    for t in topics:
        text = str(mapping.get(t, ""))
        if len(text) > max_chars:
            text = text[: max_chars - 1] + "…"
        names.append(f"T{t} {text}".strip())
    return names


def _grid(
    prev: pd.DataFrame, by: str, labels: Labels, unit: str, group_names: Mapping[Any, str] | None = None
) -> _Grid:
    for column in (by, "topic", "share", "n_documents"):
        if column not in prev.columns:
            raise KeyError(f"prevalence table has no column {column!r}")
    if unit not in _UNITS:
        raise ValueError(f"unit must be one of {_UNITS}, got {unit!r}")
    groups = list(dict.fromkeys(prev[by]))
    topics = sorted(prev["topic"].unique())
    share = prev.pivot(index="topic", columns=by, values="share").reindex(index=topics, columns=groups)
    counts = prev.drop_duplicates(by).set_index(by).reindex(groups)
    show_units = unit == "paragraphs" and "n_units" in prev.columns
    ticks = []
    for g in groups:
        name = group_names.get(g, str(g)) if group_names else str(g)
        n = f"n={int(counts.at[g, 'n_documents'])}"
        if show_units:
            n += f"\n({int(counts.at[g, 'n_units'])} para.)"
        ticks.append(f"{name}\n{n}")
    return _Grid(
        by,
        groups,
        topics,
        share,
        counts,
        ticks,
        _topic_names(labels, topics),
        "paragraphs" if show_units else "documents",
    )


def _prevalence_title(by: str) -> str:
    word = "年份" if by == "year" else "层级" if by == "level" else by
    return f"主题随{word}的分布 (topic prevalence by {by})"


def _cell_text(v: float, lo: float, hi: float) -> str:
    """Return "32" (a share in %), with its interval under it ("20-41") when both bounds are known."""
    text = f"{100 * v:.0f}"
    if np.isfinite(lo) and np.isfinite(hi):
        text += f"\n{100 * lo:.0f}-{100 * hi:.0f}"
    return text


def _hatch_small_groups(ax: Axes, small: np.ndarray, n_topics: int) -> None:
    """Cover the columns of groups below the minimum size with grey hatching."""
    for j in np.flatnonzero(small):
        ax.add_patch(
            Rectangle(
                (j - 0.5, -0.5),
                1.0,
                n_topics,
                facecolor="none",
                hatch=SMALL_GROUP_STYLE["hatch"],
                edgecolor=SMALL_GROUP_STYLE["edgecolor"],
                linewidth=0,
            )
        )


def _heatmap(
    grid: _Grid,
    *,
    cmap: str,
    title: str | None,
    ax: Axes | None,
    path: PathLike,
    dpi: int,
    prevalence: pd.DataFrame | None = None,
) -> Axes:
    """Topics x groups heatmap of mean shares (cells in %), hatched grey where a group has no units.

    With ``lo``/``hi`` columns in ``prevalence`` each cell also gives its 95 %
    interval; groups flagged ``small_group`` are hatched over.
    """
    longest = max((len(line) for tick in grid.ticks for line in tick.split("\n")), default=0)
    width = max(0.85, 0.11 * longest)
    with_interval = prevalence is not None and has_interval(prevalence)
    small = _small_groups(prevalence, grid) if prevalence is not None else np.zeros(len(grid.groups), dtype=bool)
    # Cells with an interval hold two lines; the small-group note is a third line under the axis.
    row = 0.75 if with_interval else 0.5
    figsize = (max(6.0, width * len(grid.groups) + 3.5), row * len(grid.topics) + 2.4 + 0.3 * bool(small.any()))
    figure, ax = figure_and_axes(ax, figsize)
    values = grid.share.to_numpy(dtype=float)
    data = np.ma.masked_invalid(values)
    top = float(np.nanmax(data.filled(0)))
    ax.set_facecolor("#e6e6e6")  # masked (no documents) cells show this, hatched
    ax.patch.set_hatch("///")
    ax.patch.set_edgecolor("#bdbdbd")
    image = ax.imshow(data, aspect="auto", cmap=cmap, vmin=0, vmax=max(top, 1e-9), interpolation="nearest")
    nan = np.full_like(values, np.nan)
    lo = _pivot(prevalence, grid, "lo").to_numpy(dtype=float) if with_interval else nan
    hi = _pivot(prevalence, grid, "hi").to_numpy(dtype=float) if with_interval else nan
    for (i, j), v in np.ndenumerate(values):
        if np.isfinite(v):
            ax.text(
                j,
                i,
                _cell_text(v, lo[i, j], hi[i, j]),
                ha="center",
                va="center",
                fontsize=7 if with_interval else 8,
                color="white" if v > 0.6 * top else "black",
            )
    _hatch_small_groups(ax, small, len(grid.topics))
    ax.set_xticks(range(len(grid.groups)), labels=grid.ticks, fontsize=8)
    ax.set_yticks(range(len(grid.topics)), labels=grid.names, fontsize=9)
    ax.tick_params(length=0)
    colorbar = figure.colorbar(image, ax=ax, shrink=0.8)
    colorbar.set_label("mean share 主题占比 (cells: %" + (", 95% bootstrap interval)" if with_interval else ")"))
    small_note = f"\n{SMALL_GROUP_NOTE}" if small.any() else ""
    ax.set_xlabel(f"{grid.by}  (n = documents; hatched = no {grid.unit_word}){small_note}")
    ax.set_title(title or _prevalence_title(grid.by))
    save_figure(figure, path, dpi)
    return ax


def plot_prevalence_by_year(
    prevalence: pd.DataFrame,
    *,
    labels: Labels = None,
    unit: str = "documents",
    title: str | None = None,
    cmap: str = "YlGnBu",
    ax: Axes | None = None,
    path: PathLike = None,
    dpi: int = 200,
) -> Axes:
    """Topic prevalence by year: topics x years heatmap.

    Years without documents are drawn as hatched grey cells; nothing is
    interpolated.  With columns ``lo`` and ``hi`` (a 95 % interval of
    ``share``) each cell gives the interval under the share; years flagged
    ``small_group`` are hatched over.  Column labels give the number of documents (and, with
    ``unit="paragraphs"``, paragraphs) behind each year.  For bar small
    multiples see :func:`plot_prevalence_bars`.

    Parameters
    ----------
    prevalence : DataFrame
        ``topic_prevalence(..., by="year")``.
    labels : DataFrame or mapping, optional
        :func:`analysis.topics.label_topics` output or topic -> text, for row names.
    unit : {"documents", "paragraphs"}, default "documents"
        What the table averages: "documents" for ``document_topics``,
        "paragraphs" for ``unit_topics`` (column labels add paragraph counts).
    title : str, optional
    cmap : str, default "YlGnBu"
    ax : Axes, optional
        Draw here (a colour bar is added next to it); default a new figure sized to the table.
    path : path, optional
        Save a PNG and an SVG of the figure here.
    dpi : int, default 200

    Returns
    -------
    matplotlib.axes.Axes
        The heatmap; cell values are mean shares in percent.
    """
    grid = _grid(prevalence, "year", labels, unit)
    return _heatmap(grid, cmap=cmap, title=title, ax=ax, path=path, dpi=dpi, prevalence=prevalence)


def plot_prevalence_by_level(
    prevalence: pd.DataFrame,
    *,
    labels: Labels = None,
    unit: str = "documents",
    title: str | None = None,
    cmap: str = "YlGnBu",
    ax: Axes | None = None,
    path: PathLike = None,
    dpi: int = 200,
) -> Axes:
    """Topic prevalence by level of government (central ... county): topics x levels heatmap.

    Same layout and parameters as :func:`plot_prevalence_by_year`, for
    ``topic_prevalence(..., by="level")``; levels without documents appear
    as hatched cells.

    Returns
    -------
    matplotlib.axes.Axes
    """
    grid = _grid(prevalence, "level", labels, unit, LEVEL_NAMES)
    return _heatmap(grid, cmap=cmap, title=title, ax=ax, path=path, dpi=dpi, prevalence=prevalence)


def _pivot(prevalence: pd.DataFrame, grid: _Grid, column: str) -> pd.DataFrame:
    """Return topics x groups of ``column``, in the grid's order."""
    return prevalence.pivot(index="topic", columns=grid.by, values=column).reindex(
        index=grid.topics, columns=grid.groups
    )


def _prevalence_errors(prevalence: pd.DataFrame, grid: _Grid) -> tuple[Callable | None, str]:
    """Return (topic, shares) -> 2 x groups whisker lengths, and the y-label suffix naming them.

    A 95 % interval (``lo``/``hi``) wins over the standard error (``share_se``).
    """
    if has_interval(prevalence):
        lo, hi = _pivot(prevalence, grid, "lo"), _pivot(prevalence, grid, "hi")
        return (lambda t, values: error_extents(values, lo.loc[t], hi.loc[t])), " (95% bootstrap interval)"
    if "share_se" in prevalence.columns:
        se = _pivot(prevalence, grid, "share_se")
        return (lambda t, values: np.nan_to_num(se.loc[t].to_numpy(dtype=float))), " (± 1 SE)"
    return None, ""


def _small_groups(prevalence: pd.DataFrame, grid: _Grid) -> np.ndarray:
    """Return one boolean per group: True if any of its rows is flagged ``small_group``."""
    flags = pd.Series(small_flags(prevalence), index=prevalence.index)
    per_group = flags.groupby(prevalence[grid.by]).any()
    return np.array([bool(per_group.get(g, False)) for g in grid.groups])


def plot_prevalence_bars(
    prevalence: pd.DataFrame,
    by: str = "year",
    *,
    labels: Labels = None,
    unit: str = "documents",
    title: str | None = None,
    figure: Figure | None = None,
    path: PathLike = None,
    dpi: int = 200,
) -> Figure:
    """Topic prevalence per group as bar small multiples, one panel per topic (± 1 SE).

    Groups without documents are marked "无 0" without a bar; bars, not
    lines, so nothing joins the groups.

    Parameters
    ----------
    prevalence : DataFrame
        ``topic_prevalence(..., by=by)``.
    by : str, default "year"
        The grouping column ("level" names the levels in Chinese).
    labels, unit, title, path, dpi
        As in :func:`plot_prevalence_by_year`.
    figure : Figure, optional
        Draw into this figure; default a new one (3 panels per row).

    Returns
    -------
    matplotlib.figure.Figure
    """
    grid = _grid(prevalence, by, labels, unit, LEVEL_NAMES if by == "level" else None)
    n_col = min(3, len(grid.topics))
    n_row = int(np.ceil(len(grid.topics) / n_col))
    figure = _figure(figure, (4.2 * n_col, 2.6 * n_row + 0.8))
    axes = np.atleast_1d(figure.subplots(n_row, n_col, sharex=True, sharey=True, squeeze=False)).ravel()
    x = np.arange(len(grid.groups))
    errors_of, error_word = _prevalence_errors(prevalence, grid)
    empty = grid.counts["n_documents"].to_numpy() == 0
    small = _small_groups(prevalence, grid)
    for ax, t, name in zip(axes, grid.topics, grid.names, strict=False):
        values = np.nan_to_num(grid.share.loc[t].to_numpy(dtype=float))
        errors = None if errors_of is None else errors_of(t, values)
        colours = [SMALL_GROUP_STYLE["color"] if s else "#3a6ea5" for s in small]
        bars = ax.bar(x, values, yerr=errors, color=colours, ecolor="#555555", error_kw={"linewidth": 0.8})
        for bar, is_small in zip(bars, small):
            if is_small:
                bar.set_hatch(SMALL_GROUP_STYLE["hatch"])
                bar.set_edgecolor(SMALL_GROUP_STYLE["edgecolor"])
        for xi in x[empty]:
            ax.text(xi, 0, "无\n0", ha="center", va="bottom", fontsize=7, color="#888888")
        ax.set_title(name, fontsize=9, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    for ax in axes[len(grid.topics) :]:
        ax.set_visible(False)
    for col in range(n_col):
        lowest = axes[max(i for i in range(col, len(grid.topics), n_col))]
        lowest.set_xticks(x, labels=grid.ticks, fontsize=7)
        lowest.tick_params(labelbottom=True)
    figure.supylabel(f"mean share 主题占比{error_word}")
    small_note = f"; {SMALL_GROUP_NOTE}" if small.any() else ""
    figure.supxlabel(f"{by}  (n = documents; 无 0 = no {grid.unit_word}{small_note})")
    figure.suptitle(title or _prevalence_title(by))
    save_figure(figure, path, dpi)
    return figure


# ============================================================================ document similarity


def _heatmap_labels(
    corpus: pd.DataFrame, order: list[str], max_chars: int, clusters: FlatClusters | pd.DataFrame | None
) -> list[str]:
    """Figure label of each document in ``order`` (:func:`analysis.labels.doc_label`), "[cluster] " first."""
    by_id = pd.Series(doc_label(corpus, width=max_chars).to_numpy(), index=corpus["doc_id"].astype(str).to_numpy())
    labels = by_id[~by_id.index.duplicated()].reindex(order)
    labels = labels.fillna(pd.Series(order, index=order))
    if clusters is None:
        return list(labels)
    table = clusters.assignments if isinstance(clusters, FlatClusters) else clusters
    number = dict(zip(table["doc_id"], table["cluster"], strict=True))
    return [f"[{number.get(d, '?')}] {labels[d]}" for d in order]


def _renderer(figure: Figure) -> Any:
    """A renderer for measuring text (figures from pyplot or :func:`new_figure` have an Agg canvas)."""
    canvas = figure.canvas
    if not hasattr(canvas, "get_renderer"):
        canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas.get_renderer()


def _move_colorbar_right_of_labels(figure: Figure, ax_heat: Axes, ax_bar: Axes) -> None:
    # The colour bar would sit on the y labels: move it right of them.
    renderer = _renderer(figure)
    label_width = max((t.get_window_extent(renderer).width for t in ax_heat.get_yticklabels()), default=0)
    fig_width = figure.get_figwidth() * figure.dpi
    pos = ax_bar.get_position()
    ax_bar.set_position((pos.x0 + (label_width + 8) / fig_width, pos.y0, pos.width, pos.height))


def plot_similarity_heatmap(
    sim: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    clustering: DocumentClustering | None = None,
    method: str = "average",
    clusters: FlatClusters | pd.DataFrame | None = None,
    max_chars: int = 18,
    cmap: str = "magma_r",
    title: str | None = None,
    figure: Figure | None = None,
    path: PathLike = None,
    dpi: int = 200,
) -> Figure:
    """Document similarity heatmap ordered by hierarchical clustering, with dendrogram.

    Parameters
    ----------
    sim : DataFrame
        From :func:`analysis.similarity.document_similarity`.
    corpus : DataFrame
        For labels (year, level, region, issuer, short_title or title): see
        :func:`analysis.labels.doc_label`.
    clustering : DocumentClustering, optional
        Default ``cluster_documents(sim, method)``.
    method : str, default "average"
    clusters : FlatClusters or DataFrame (doc_id, cluster), optional
        If given, cluster numbers prefix the labels ("[2] ..."); a footnote
        under the dendrogram says "[n] = flat cluster".
    max_chars : int, default 18
        Title length in labels (``width`` of :func:`doc_label`).
    cmap : str, default "magma_r"
    title : str, optional
    figure : Figure, optional
        Draw into this figure (three new axes: dendrogram, heatmap, colour
        bar); default a new figure sized to the number of documents.
    path : path, optional
    dpi : int, default 200

    Returns
    -------
    matplotlib.figure.Figure
        Left: dendrogram; right: cosine similarity in leaf order, labels
        "2019 河北 short title" on the right and bottom.  The diagonal
        (each document with itself, always 1) is left blank (grey) and the
        colour scale runs from 0 to the largest similarity between two
        different documents, so the contrast goes to the pairs that matter.
    """
    clustering = clustering or cluster_documents(sim, method)
    order = clustering.order
    labels = _heatmap_labels(corpus, order, max_chars, clusters)
    n = len(order)
    data = sim.loc[order, order].to_numpy(dtype=float).copy()
    np.fill_diagonal(data, np.nan)  # self-similarity (1.0) would saturate the scale
    off_diagonal = data[np.isfinite(data)]
    vmax = float(off_diagonal.max()) if off_diagonal.size and off_diagonal.max() > 0 else 1.0
    # 0.3 inch a labelled row up to 60 documents, then a fixed 18 inches: the heatmap is an image, so
    # more documents need no more paper (at 0.08 inch a row 1,000 documents made an 80-inch figure
    # that took 5 minutes to draw)
    side = max(4.0, 0.3 * n) if n <= 60 else 18.0
    figure = _figure(figure, (side + 1.8 + 0.12 * max_chars * 1.4, side + 1.2 + 0.1 * max_chars), layout=None)
    grid = figure.add_gridspec(1, 3, width_ratios=[1.6, side, 0.25], wspace=0.02)
    ax_tree, ax_heat, ax_bar = (figure.add_subplot(grid[0, i]) for i in range(3))
    dendrogram(
        clustering.linkage,
        orientation="left",
        ax=ax_tree,
        no_labels=True,
        color_threshold=0,
        above_threshold_color="#444444",
    )
    ax_tree.set_ylim(10 * n, 0)  # leaf i is drawn at y = 10 i + 5: top-to-bottom like the rows
    ax_tree.set_axis_off()
    colours = mpl.colormaps[cmap].with_extremes(bad="#d9d9d9")
    image = ax_heat.imshow(
        np.ma.masked_invalid(data), cmap=colours, vmin=0, vmax=vmax, aspect="auto", interpolation="nearest"
    )
    labelled = n <= MAX_HEATMAP_LABELS
    ax_heat.set_yticks(range(n) if labelled else [], labels=labels if labelled else [], fontsize=7)
    ax_heat.yaxis.tick_right()
    ax_heat.set_xticks(range(n) if labelled else [], labels=labels if labelled else [], fontsize=7, rotation=90)
    ax_heat.tick_params(length=0)
    colorbar = figure.colorbar(image, cax=ax_bar)
    colorbar.set_label(f"cosine similarity (TF-IDF; scale capped at the largest pair, {vmax:.2f})")
    _move_colorbar_right_of_labels(figure, ax_heat, ax_bar)
    notes = ["grey diagonal = same document"]
    if not labelled:
        notes.append(f"{n:,} documents: too many\nto label (rows = columns,\nin the tree's order)")
    if clusters is not None:
        k = getattr(clusters, "k", None)
        notes.insert(0, "[n] = flat cluster" + (f"\n(k = {k}, cut of this tree)" if k is not None else ""))
    ax_tree.text(
        0.0, -0.01, "\n".join(notes), transform=ax_tree.transAxes, ha="left", va="top", fontsize=8, color="#444444"
    )
    ax_heat.set_title(title or f"政策文本相似度 (document similarity, {clustering.method} linkage)")
    save_figure(figure, path, dpi)
    return figure
