"""Figures with Chinese labels that render on a machine without CJK fonts.

Matplotlib's default font (DejaVu Sans) has no Chinese glyphs: labels come
out as empty boxes with "Glyph ... missing from font" warnings, and
``wordcloud`` needs an explicit font file.  This module is the one place
that fixes that, using the Noto Sans CJK SC font shipped inside the PyPI
package ``mplfonts`` (a project dependency), so nothing has to be installed
on the system.

Public API
----------
cjk_font_path()            path of the bundled CJK font (for WordCloud etc.)
use_chinese_font()         register it and configure matplotlib/seaborn (idempotent)
plot_top_terms(freq)       horizontal bar chart of the most frequent terms
plot_wordcloud(freq)       word cloud
plot_rate_heatmap(freq)    term x year heatmap of rates per 10,000 characters
plot_keyness(table)        diverging bar chart of signed G2
plot_cooccurrence_network(edges)   term network (networkx, fixed-seed layout)

Every ``plot_*`` function returns a :class:`matplotlib.figure.Figure`
created without pyplot (so figures are not kept alive by pyplot's registry
and a notebook shows each figure once) and, if ``path`` is given, saves a
PNG at ``dpi >= 150``.  Pass ``ax`` to draw into an existing figure instead.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..labels import _inferred_year, _who, doc_label
from ..levels import LEVELS as LEVEL_ORDER
from .base import CJK_FONT_FILE, LEVEL_COLORS, cjk_font_path, use_chinese_font
from .base import figure_and_axes as _figure_and_axes
from .base import save_figure as _save

__all__ = [
    "CJK_FONT_FILE",
    "LEVEL_COLORS",
    "LEVEL_ORDER",
    "doc_label",
    "plot_adoption_curves",
    "plot_first_appearance",
    "plot_reuse_network",
    "plot_term_timelines",
    "cjk_font_path",
    "plot_cooccurrence_network",
    "plot_keyness",
    "plot_rate_heatmap",
    "plot_top_terms",
    "plot_wordcloud",
    "use_chinese_font",
]



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


# --------------------------------------------------------------------------
# Plots
# --------------------------------------------------------------------------


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
) -> Figure:
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
        Save a PNG here.
    dpi : int, default 200 (at least 150 is used)

    Returns
    -------
    matplotlib.figure.Figure
    """
    values = _term_values(freq, value, term_col)
    top = values.sort_values(ascending=False, kind="mergesort").head(n)[::-1]
    figure, ax = _figure_and_axes(ax, (7, 0.32 * max(len(top), 4) + 1.2))
    ax.barh(np.arange(len(top)), top.to_numpy(), color=color)
    ax.set_yticks(np.arange(len(top)), labels=top.index.tolist())
    ax.set_xlabel(xlabel or value)
    ax.set_title(title or f"前 {len(top)} 个高频词 (top {len(top)} terms)")
    ax.spines[["top", "right"]].set_visible(False)
    _save(figure, path, dpi)
    return figure


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
) -> Figure:
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
    matplotlib.figure.Figure
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
    figure, ax = _figure_and_axes(ax, (width / 200, height / 200))
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    _save(figure, path, dpi)
    return figure


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
) -> Figure:
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
    matplotlib.figure.Figure
    """
    for column in (x, "term", value):
        if column not in freq.columns:
            raise KeyError(f"table has no column {column!r}")
    if freq.duplicated(["term", x]).any():
        raise ValueError(
            f"several rows per (term, {x}): rates of different groups cannot be added; "
            f"use term_frequencies(corpus, by={x!r}) or select one group first"
        )
    counts: dict | None = None
    if n_docs is not None:
        counts = {k: int(v) for k, v in dict(n_docs).items()}
    elif years is not None:
        for column in ("n_docs", "n_documents"):
            if column in freq.columns:
                counts = {k: int(v) for k, v in freq.drop_duplicates(x).set_index(x)[column].items()}
                break
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
    empty = [c for c in table.columns if c not in present]
    figure, ax = _figure_and_axes(
        ax, (max(5.0, 0.75 * table.shape[1] + 2.5), 0.38 * max(len(table), 4) + 1.5)
    )
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
    ax.set_ylabel("")
    if counts is not None:
        ax.set_xticks(np.arange(table.shape[1]) + 0.5,
                      labels=[f"{c}\nn={counts.get(c, 0)}" for c in table.columns], rotation=0)
    label = x
    if counts is not None:
        label += "  (n = documents)"
    if empty:
        label += ("; " if counts is not None else "  (") + "hatched = no documents" + ("" if counts is not None else ")")
    ax.set_xlabel(label)
    ax.tick_params(axis="y", rotation=0)
    ax.set_title(title or "词频变化 (rate per 10,000 characters)")
    _save(figure, path, dpi)
    return figure


def plot_keyness(
    table: pd.DataFrame,
    n: int = 15,
    *,
    target_label: str = "target",
    reference_label: str = "reference",
    colors: tuple[str, str] = ("#c0392b", "#2e86c1"),
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
    """Diverging bar chart of the strongest target and reference keywords.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`analysis.frequency.keyness` (columns ``term``,
        signed ``g2``).
    n : int, default 15
        Keywords per side.
    target_label, reference_label : str
        Legend names of the two groups (e.g. "2020年以后", "2020年以前").
    colors : (str, str)
        Bar colours for target and reference keywords.
    title : str, optional
    ax, path, dpi
        As in :func:`plot_top_terms`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    for column in ("term", "g2"):
        if column not in table.columns:
            raise KeyError(f"table has no column {column!r}")
    positive = table[table["g2"] > 0].nlargest(n, "g2", keep="first")
    negative = table[table["g2"] < 0].nsmallest(n, "g2", keep="first")
    shown = pd.concat([negative.iloc[::-1], positive.iloc[::-1]])
    figure, ax = _figure_and_axes(ax, (7, 0.3 * max(len(shown), 4) + 1.4))
    bar_colors = [colors[0] if g > 0 else colors[1] for g in shown["g2"]]
    ax.barh(np.arange(len(shown)), shown["g2"].to_numpy(), color=bar_colors)
    ax.set_yticks(np.arange(len(shown)), labels=shown["term"].tolist())
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"G² (log-likelihood): + {target_label} / - {reference_label}")
    ax.set_title(title or f"关键词 (keyness): {target_label} vs {reference_label}")
    handles = [Patch(color=colors[0]), Patch(color=colors[1])]
    ax.legend(handles, [target_label, reference_label], loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    _save(figure, path, dpi)
    return figure


def _component_layout(graph: "nx.Graph", seed: int, *, aspect: float = 1.25) -> dict:
    """Positions with each connected component laid out on its own and packed in rows.

    One spring layout over a disconnected graph pushes small components to the
    rim and crushes the large one.  Here every component gets its own layout
    (spring layout from a fixed seed; a two-node component is drawn one node
    above the other, so both labels fit a narrow cell) scaled so that its side
    grows with the square root of its number of nodes (about the same room per
    node and label in every component).  Each component sits in a cell with a
    margin for labels; cells are packed in rows, largest component first, with
    the row width chosen so the whole picture is about ``aspect`` times as wide
    as high.  Nodes are handled in sorted order throughout, so the result does
    not depend on the per-process string hash seed.
    """
    comps = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)[0]))
    pad_x, pad_y = 1.7, 1.0  # room around a component for labels on its rim
    local_layouts, widths, heights = [], [], []
    for comp in comps:
        nodes = sorted(comp)
        if len(nodes) == 1:
            local = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) == 2:
            local = {nodes[0]: (0.0, 0.5), nodes[1]: (0.0, -0.5)}
        else:
            # A subgraph view iterates its node *set*, whose order follows the
            # per-process string hash seed; spring_layout's start depends on node
            # order, so build the component in sorted order to get the same picture every run.
            sub = nx.Graph()
            sub.add_nodes_from(nodes)
            sub.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in graph.subgraph(comp).edges(data=True)))
            local = nx.spring_layout(sub, seed=seed, weight="weight", k=1.2 / math.sqrt(len(nodes)))
        half = 0.55 * math.sqrt(len(nodes))
        scaled = {node: (float(x) * half, float(y) * half) for node, (x, y) in local.items()}
        xs = [p[0] for p in scaled.values()]
        ys = [p[1] for p in scaled.values()]
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        local_layouts.append({node: (x - cx, y - cy) for node, (x, y) in scaled.items()})
        widths.append(max(xs) - min(xs) + pad_x)
        heights.append(max(ys) - min(ys) + pad_y)

    def pack(limit: float) -> list[list[int]]:
        rows: list[list[int]] = [[]]
        used = 0.0
        for i, w in enumerate(widths):
            if rows[-1] and used + w > limit + 1e-9:
                rows.append([])
                used = 0.0
            rows[-1].append(i)
            used += w
        return rows

    def shape(rows: list[list[int]]) -> tuple[float, float]:
        return max(sum(widths[i] for i in row) for row in rows), sum(max(heights[i] for i in row) for row in rows)

    candidates = sorted({max(widths), *np.cumsum(widths).tolist()})
    best_rows, best_score = None, math.inf
    for limit in candidates:
        rows = pack(limit)
        w, h = shape(rows)
        score = abs(math.log((w / h) / aspect))
        if score < best_score - 1e-9:
            best_rows, best_score = rows, score
    total_w, _ = shape(best_rows)
    positions = {}
    top = 0.0
    for row in best_rows:
        row_h = max(heights[i] for i in row)
        x = (total_w - sum(widths[i] for i in row)) / 2  # centre each row
        for i in row:
            cx, cy = x + widths[i] / 2, top - row_h / 2
            for node, (lx, ly) in local_layouts[i].items():
                positions[node] = (cx + lx, cy + ly)
            x += widths[i]
        top -= row_h
    return positions


def _renderer(figure: Figure):
    canvas = figure.canvas
    return canvas.get_renderer() if hasattr(canvas, "get_renderer") else figure._get_renderer()


def _repel(centers: np.ndarray, half: np.ndarray, obstacles: np.ndarray, obstacle_half: np.ndarray,
           bounds: tuple[float, float, float, float], iterations: int = 400) -> np.ndarray:
    """Push overlapping label boxes apart (display pixels); deterministic.

    ``centers`` and ``half`` (n x 2) are the boxes' centres and half sizes;
    ``obstacles`` (m x 2, e.g. node markers) with half sizes ``obstacle_half``
    (m,) do not move.  Each step moves every pair of overlapping labels apart
    along the axis where they overlap least (half each) and every label off
    the obstacles it covers, then keeps boxes inside ``bounds``
    (x0, y0, x1, y1).  Stops when nothing overlaps.
    """
    c = centers.astype(float).copy()
    n = len(c)
    if n == 0:
        return c
    order = np.arange(n)
    tie = np.where(order[:, None] < order[None, :], -1.0, 1.0)  # antisymmetric: who moves which way
    x0, y0, x1, y1 = bounds
    for _ in range(iterations):
        d = c[:, None, :] - c[None, :, :]
        over = half[:, None, :] + half[None, :, :] - np.abs(d)
        hit = (over[..., 0] > 0) & (over[..., 1] > 0)
        np.fill_diagonal(hit, False)
        dn = c[:, None, :] - obstacles[None, :, :]
        over_n = half[:, None, :] + obstacle_half[None, :, None] - np.abs(dn)
        hit_n = (over_n[..., 0] > 0) & (over_n[..., 1] > 0)
        if not hit.any() and not hit_n.any():
            break
        shift = np.zeros_like(c)
        for k in (0, 1):
            other = 1 - k
            along = hit & (over[..., k] <= over[..., other])
            sign = np.where(d[..., k] != 0, np.sign(d[..., k]), tie)
            shift[:, k] += (np.where(along, sign * (over[..., k] / 2 + 0.5), 0.0)).sum(axis=1)
            along_n = hit_n & (over_n[..., k] <= over_n[..., other])
            sign_n = np.where(dn[..., k] != 0, np.sign(dn[..., k]), 1.0)
            shift[:, k] += (np.where(along_n, sign_n * (over_n[..., k] + 0.5), 0.0)).sum(axis=1)
        c += 0.6 * shift
        c[:, 0] = np.clip(c[:, 0], x0 + half[:, 0], np.maximum(x0 + half[:, 0], x1 - half[:, 0]))
        c[:, 1] = np.clip(c[:, 1], y0 + half[:, 1], np.maximum(y0 + half[:, 1], y1 - half[:, 1]))
    return c


def _place_labels(
    ax: Axes,
    points: np.ndarray,
    labels: list[str],
    *,
    marker_radius_pt: np.ndarray,
    directions: np.ndarray,
    fontsize: float,
    colors: list[str] | None = None,
    gap_pt: float = 1.5,
    leader_color: str = "#888888",
    always_lead: bool = False,
    avoid: Any = None,
) -> list:
    """Write ``labels`` next to ``points`` (data coordinates) without overlaps.

    Each label starts just outside its marker on the side given by
    ``directions`` (display-space vectors; (0, 0) means above), then
    :func:`_repel` pushes overlapping labels apart and off all markers,
    measuring text with the renderer.  A thin leader line joins a label that
    moved away to its marker (with ``always_lead``, every label, which
    tells apart neighbours in a crowded row).  Axis limits must be fixed before the call
    (labels are positioned in data coordinates for the current layout) and
    labels are kept out of the layout engine, so they cannot change it.
    ``avoid`` is an optional callable returning further fixed obstacles
    ``(centres_px (m x 2), radii_px (m,))`` once the layout is settled (e.g.
    points along arrows).  Returns the text artists.
    """
    figure = ax.figure
    figure.canvas.draw()  # settle the layout: the data -> pixel transform is final
    renderer = _renderer(figure)
    px_per_pt = figure.dpi / 72.0
    anchors = ax.transData.transform(np.asarray(points, dtype=float).reshape(-1, 2))
    texts = []
    for i, label in enumerate(labels):
        text = ax.text(0, 0, label, ha="center", va="center", fontsize=fontsize, zorder=6,
                       color=colors[i] if colors else "black", clip_on=False,
                       bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
        text.set_in_layout(False)
        texts.append(text)
    if not texts:
        return texts
    sizes = np.array([[bb.width, bb.height] for bb in (t.get_window_extent(renderer) for t in texts)])
    half = sizes / 2 + 1.0
    radius = np.asarray(marker_radius_pt, dtype=float) * px_per_pt
    gap = gap_pt * px_per_pt
    unit = np.asarray(directions, dtype=float).reshape(-1, 2).copy()
    norm = np.hypot(unit[:, 0], unit[:, 1])
    unit[norm < 1e-9] = (0.0, 1.0)
    unit /= np.hypot(unit[:, 0], unit[:, 1])[:, None]
    # Distance from a box's centre to its edge along the direction.
    with np.errstate(divide="ignore"):
        to_edge = np.minimum(np.where(unit[:, 0] != 0, half[:, 0] / np.abs(unit[:, 0]), np.inf),
                             np.where(unit[:, 1] != 0, half[:, 1] / np.abs(unit[:, 1]), np.inf))
    start = anchors + unit * (radius + gap + to_edge)[:, None]
    box = ax.get_window_extent(renderer)
    obstacles, obstacle_half = anchors, radius + gap / 2
    if avoid is not None:
        extra, extra_half = avoid()
        if len(extra):
            obstacles = np.vstack([anchors, np.asarray(extra, dtype=float).reshape(-1, 2)])
            obstacle_half = np.concatenate([obstacle_half, np.asarray(extra_half, dtype=float)])
    centers = _repel(start, half, obstacles, obstacle_half, (box.x0, box.y0, box.x1, box.y1))
    inverse = ax.transData.inverted()
    for i, (text, centre) in enumerate(zip(texts, centers)):
        text.set_position(tuple(inverse.transform(centre)))
        nearest = np.clip(anchors[i], centre - half[i], centre + half[i])
        offset = nearest - anchors[i]
        distance = float(np.hypot(*offset))
        if distance > radius[i] + (1.0 if always_lead else gap + 1.5) * px_per_pt:
            begin = anchors[i] + offset / distance * radius[i]
            (bx, by), (ex, ey) = inverse.transform(begin), inverse.transform(nearest)
            line = Line2D([bx, ex], [by, ey], color=leader_color, linewidth=0.6, zorder=5)
            line.set_in_layout(False)
            ax.add_line(line)
    return texts


def plot_cooccurrence_network(
    edges: pd.DataFrame,
    *,
    top_edges: int = 80,
    weight: str = "weight",
    seed: int = 42,
    node_color: str = "#f5b041",
    edge_color: str = "#7f8c8d",
    pair_color: str = "#bdbdbd",
    font_size: float = 10,
    figsize: tuple[float, float] = (9, 7.5),
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
    """Draw a co-occurrence network with a reproducible layout and non-overlapping labels.

    Parameters
    ----------
    edges : DataFrame
        Output of :func:`analysis.frequency.cooccurrence` (``term_a``,
        ``term_b`` and the ``weight`` column).
    top_edges : int, default 80
        Keep the strongest edges (ties by table order).
    weight : str, default "weight"
        Edge column that sets layout attraction and line width (``weight``,
        ``jaccard`` or ``pmi``).
    seed : int, default 42
        Seed of ``networkx.spring_layout``, run per connected component;
        components are packed in rows, largest first, each in a cell whose size
        grows with its number of nodes: same input, same picture.
    node_color : str
        Colour of terms that form a community on their own.
    edge_color : str
    pair_color : str, default light grey
        Colour of two-term components (one edge on its own), which carry no
        community information.
    font_size : float, default 10
    figsize : (float, float), default (9, 7.5)
        Used when ``ax`` is not given.
    title : str, optional
    ax, path, dpi
        As in :func:`plot_top_terms`.

    Notes
    -----
    Node area is proportional to the node's summed edge weight (of the edges
    drawn); colour is the community (greedy modularity, deterministic).  A
    note under the network says so.  Labels sit next to their node on the
    side away from the component's centre, and a deterministic repel step,
    measuring the rendered text, pushes overlapping labels apart and off the
    nodes; a thin grey line joins a label that had to move to its node.

    Returns
    -------
    matplotlib.figure.Figure
    """
    for column in ("term_a", "term_b", weight):
        if column not in edges.columns:
            raise KeyError(f"table has no column {column!r}")
    strongest = edges.nlargest(top_edges, weight, keep="first")
    graph = nx.Graph()
    for a, b, w in zip(strongest["term_a"], strongest["term_b"], strongest[weight]):
        graph.add_edge(a, b, weight=float(w))
    figure, ax = _figure_and_axes(ax, figsize)
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.set_title(title or "共现网络 (no edges)")
        _save(figure, path, dpi)
        return figure
    positions = _component_layout(graph, seed)
    names = sorted(graph.nodes)
    strength = dict(graph.degree(weight="weight"))
    largest_node = max(strength.values())
    largest_edge = max(w for _, _, w in graph.edges(data="weight"))
    edge_list = sorted((min(u, v), max(u, v), w) for u, v, w in graph.edges(data="weight"))
    nx.draw_networkx_edges(
        graph, positions, ax=ax, edgelist=[(u, v) for u, v, _ in edge_list], edge_color=edge_color, alpha=0.5,
        width=[0.5 + 3.0 * w / largest_edge for _, _, w in edge_list],
    )
    # Colour communities (greedy modularity, deterministic) so term clusters read at a glance.
    # On integer labels in sorted order: with string nodes, tie-breaking follows
    # set iteration order, which changes with Python's per-process hash seed.
    numbered = nx.relabel_nodes(graph, {n: i for i, n in enumerate(names)})
    communities = sorted(
        ({names[i] for i in c} for c in nx.algorithms.community.greedy_modularity_communities(numbered, weight="weight")),
        key=lambda c: (-len(c), sorted(c)[0]),
    )
    component = {node: comp for comp in nx.connected_components(graph) for node in comp}
    # No grey in the palette: grey marks two-term components.
    palette = ["#f5b041", "#5dade2", "#58d68d", "#ec7063", "#af7ac5", "#48c9b0", "#f4d03f", "#eb984e",
               "#a6761d", "#e377c2", "#1f78b4", "#b2df8a"]
    colour, i_colour = {}, 0
    for community in communities:
        if all(len(component[node]) == 2 for node in community):
            shade = pair_color
        elif len(community) > 1:
            shade = palette[i_colour % len(palette)]
            i_colour += 1
        else:
            shade = node_color
        colour.update({node: shade for node in community})
    sizes = np.array([20 + 230 * strength[node] / largest_node for node in names])
    nx.draw_networkx_nodes(graph, positions, ax=ax, nodelist=names, node_color=[colour[n] for n in names],
                           alpha=0.9, node_size=sizes, linewidths=0)
    xy = np.array([positions[n] for n in names])
    (xmin, ymin), (xmax, ymax) = xy.min(axis=0), xy.max(axis=0)
    mx, my = 0.05 * (xmax - xmin) + 0.6, 0.05 * (ymax - ymin) + 0.35
    ax.set_xlim(xmin - mx, xmax + mx)
    ax.set_ylim(ymin - my, ymax + my)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    has_pairs = any(colour[n] == pair_color for n in names)
    note = (f"node size = summed edge weight ({weight}); colour = community (greedy modularity)"
            + ("; grey = two-term component" if has_pairs else ""))
    ax.set_xlabel(_wrap_to_width(figure, note, 8, limit=ax.get_window_extent(_renderer(figure)).width),
                  fontsize=8, color="#555555")
    ax.set_title(title or f"共现网络 (co-occurrence, top {graph.number_of_edges()} edges by {weight})")
    # Labels go outward: away from the centre of the node's component.
    centre = {}
    for comp in nx.connected_components(graph):
        pts = np.array([positions[n] for n in sorted(comp)])
        centre.update({n: (pts.min(axis=0) + pts.max(axis=0)) / 2 for n in comp})
    to_px = ax.transData.transform
    figure.canvas.draw()
    directions = np.array([to_px(positions[n]) - to_px(centre[n]) for n in names])
    directions[np.hypot(directions[:, 0], directions[:, 1]) < 2.0] = (0.0, 1.0)
    _place_labels(ax, xy, names, marker_radius_pt=np.sqrt(sizes) / 2, directions=directions, fontsize=font_size)
    _save(figure, path, dpi)
    return figure



# --------------------------------------------------------------------------- diffusion figures


def _panel_grid(n_panels: int, ncols: int, *, sharey: bool) -> tuple[Figure, np.ndarray]:
    """A Figure with a grid of small panels (one per term), shared x axis."""
    use_chinese_font()
    nrows = max(1, math.ceil(n_panels / ncols))
    figure = Figure(figsize=(2.6 * ncols, 1.9 * nrows + 0.6))
    FigureCanvasAgg(figure)
    return figure, figure.subplots(nrows, ncols, sharex=True, sharey=sharey, squeeze=False)


def _wrap_to_width(figure: Figure, text: str, fontsize: float, limit: float | None = None) -> str:
    """Break ``text`` after "; " or before " (" so that every line fits the figure width (or ``limit`` pixels)."""
    renderer = _renderer(figure)
    limit = 0.96 * figure.get_figwidth() * figure.dpi if limit is None else limit
    probe = figure.text(0, 0, "", fontsize=fontsize)

    def width(line: str) -> float:
        probe.set_text(line)
        return probe.get_window_extent(renderer).width

    pieces = re.split(r"(?<=; )|(?= \()", text)
    lines: list[str] = []
    for piece in pieces:
        if lines and width(lines[-1] + piece) > limit:
            lines.append(piece.lstrip())
        elif lines:
            lines[-1] += piece
        else:
            lines.append(piece)
    probe.remove()
    return "\n".join(line.rstrip() for line in lines)


def _finish_panels(figure: Figure, axes: np.ndarray, n_used: int, ylabel: str, title: str,
                   path: str | os.PathLike[str] | None, dpi: int,
                   legend: tuple[list, list[str]] | None = None) -> Figure:
    """Hide unused panels, label, lay out and save a small-multiples figure.

    ``legend`` (handles, labels) is drawn once for the figure: in the first
    unused panel if there is one, else under the panels.
    """
    panels = list(axes.flat)
    ncols = axes.shape[1]
    for ax in panels[:n_used]:
        ax.tick_params(labelsize=7)
    for ax in panels[n_used:]:
        ax.set_axis_off()
    # Year labels under the lowest used panel of every column (not only the bottom row).
    for col in range(min(ncols, n_used)):
        lowest = panels[max(i for i in range(col, n_used, ncols))]
        lowest.tick_params(labelbottom=True)
    figure.supylabel(ylabel, fontsize=9)
    figure.suptitle(_wrap_to_width(figure, title, 11), fontsize=11)
    rect = (0, 0, 1, 1)
    if legend is not None:
        handles, labels = legend
        if n_used < len(panels):
            panels[n_used].legend(handles, labels, loc="center", frameon=False, fontsize=8)
        else:
            figure.legend(handles, labels, loc="lower center", ncol=len(handles), frameon=False, fontsize=8)
            rect = (0, 0.45 / figure.get_figheight(), 1, 1)
    figure.tight_layout(rect=rect)
    _save(figure, path, dpi)
    return figure


def _pattern_map(patterns: Mapping[str, str] | pd.DataFrame | None) -> dict[str, str]:
    """term -> regex pattern, from a mapping or a watchlist DataFrame (columns term, pattern)."""
    if patterns is None:
        return {}
    if isinstance(patterns, pd.DataFrame):
        if "term" not in patterns.columns or "pattern" not in patterns.columns:
            return {}
        pairs = zip(patterns["term"], patterns["pattern"])
    else:
        pairs = dict(patterns).items()
    return {str(t): str(p) for t, p in pairs if isinstance(p, str) and p.strip() and p != t}


def plot_term_timelines(
    timeline: pd.DataFrame,
    terms: Iterable[str] | None = None,
    *,
    value: str = "rate_per_10k",
    ncols: int = 5,
    patterns: Mapping[str, str] | pd.DataFrame | None = None,
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
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

    Parameters
    ----------
    patterns : mapping term -> regex, or the watchlist DataFrame, optional
        E.g. ``diffusion.load_watchlist()``.  A term counted with a pattern
        other than the term itself gets the pattern in small text under its
        panel title ("城市大脑" over "城市(数据)?大脑").
    """
    terms = list(terms) if terms is not None else list(dict.fromkeys(timeline["term"]))
    pattern_of = _pattern_map(patterns)
    shown = {t: pattern_of[t] for t in terms if t in pattern_of}
    figure, axes = _panel_grid(len(terms), ncols, sharey=False)
    years = sorted(timeline["year"].unique())
    band = "#e6e6e6"
    for ax, term in zip(axes.flat, terms):
        t = timeline[timeline["term"] == term].set_index("year").reindex(years)
        observed = t["n_docs"].fillna(0) > 0 if "n_docs" in t.columns else t[value].notna()
        for year, seen in zip(years, observed):
            if not seen:
                ax.axvspan(year - 0.5, year + 0.5, color=band, linewidth=0, zorder=0)
        used = t["count"].fillna(0) if "count" in t.columns else t[value].fillna(0)
        if (used > 0).any():
            ax.bar([y for y, o in zip(years, observed) if o], t.loc[observed, value].fillna(0), color="#3a6ea5",
                   width=0.8, zorder=2)
            peak = float(t[value].max())
            ax.set_ylim(0, peak * 1.15 if peak > 0 else 1.0)
        else:
            ax.set_ylim(0, 1.0)
            ax.set_yticks([])
            ax.text(0.5, 0.5, "not found in corpus", transform=ax.transAxes, ha="center", va="center",
                    fontsize=8, color="#666666")
        ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
        ax.set_title(term, fontsize=10, pad=12 if shown else 6)
        if term in shown:
            text = shown[term] if len(shown[term]) <= 40 else shown[term][:39] + "…"
            ax.annotate(text, xy=(0.5, 1.0), xycoords="axes fraction", xytext=(0, 2), textcoords="offset points",
                        ha="center", va="bottom", fontsize=6, color="#555555")
    for ax in axes[-1]:
        ax.set_xticks(years[:: max(1, len(years) // 5)])
    note = "grey band = no document that year"
    if shown:
        note += "; small text = regex counted"
    handles = [Patch(facecolor="#3a6ea5"), Patch(facecolor=band)]
    labels = ["per 10,000 characters" if value == "rate_per_10k" else value, "no document in the corpus\nthat year"]
    return _finish_panels(figure, axes, len(terms),
                          "per 10,000 characters" if value == "rate_per_10k" else value,
                          title or f"政策术语的年度分布 (term use by year; {note})", path, dpi,
                          legend=(handles, labels))


def plot_first_appearance(
    first: pd.DataFrame,
    *,
    by: str = "level",
    order: Iterable[str] | None = None,
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
    """Heatmap of the first year each term appears at each level (annotated with the year).

    ``first`` is :func:`analysis.diffusion.first_appearance` output.  Terms are
    sorted by their earliest appearance; blank cells mean the term never
    appears at that level in the corpus.
    """
    use_chinese_font()
    wide = first.pivot(index="term", columns=by, values="first_year")
    cols = [c for c in (order or LEVEL_ORDER) if c in wide.columns] + [c for c in wide.columns if c not in (order or LEVEL_ORDER)]
    wide = wide[cols]
    wide = wide.loc[wide.min(axis=1).sort_values(kind="stable").index]
    figure = Figure(figsize=(1.3 * len(cols) + 2.2, 0.32 * len(wide) + 1.4))
    FigureCanvasAgg(figure)
    ax = figure.subplots()
    import seaborn as sns

    sns.heatmap(wide.astype(float), annot=True, fmt=".0f", cmap="viridis_r", cbar=False, ax=ax,
                linewidths=0.5, linecolor="white", annot_kws={"fontsize": 8})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title or "首次出现年份 (first year of use, by level)", fontsize=11)
    figure.tight_layout()
    _save(figure, path, dpi)
    return figure


def plot_adoption_curves(
    curves: pd.DataFrame,
    terms: Iterable[str] | None = None,
    *,
    ncols: int = 5,
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
    """Small multiples of cumulative adoption (share of local jurisdictions that have used a term).

    ``curves`` is :func:`analysis.diffusion.adoption_curve` output.  Drawn as
    steps: the share changes only in years when a jurisdiction first uses the term.
    When the table has ``n_observed`` (local jurisdictions with at least one
    document in or before the year), every panel also shows the coverage
    ``n_observed / n_jurisdictions`` as a dashed grey step line behind the
    adoption curve: a term's curve cannot rise above it, and where the two
    run together the curve shows jurisdictions entering the corpus rather
    than taking up the term.  One legend explains both lines.
    """
    terms = list(terms) if terms is not None else list(dict.fromkeys(curves["term"]))
    figure, axes = _panel_grid(len(terms), ncols, sharey=True)
    coverage = "n_observed" in curves.columns
    adopted_colour, coverage_colour = "#0072B2", "#808080"
    for ax, term in zip(axes.flat, terms):
        c = curves[curves["term"] == term].sort_values("year", kind="stable")
        if coverage:
            share = c["n_observed"].astype(float) / c["n_jurisdictions"].where(c["n_jurisdictions"] > 0)
            ax.step(c["year"], share, where="post", color=coverage_colour, linestyle="--", linewidth=1.1, zorder=1)
        ax.step(c["year"], c["share"], where="post", color=adopted_colour, zorder=3)
        ax.fill_between(c["year"], c["share"], step="post", alpha=0.2, color=adopted_colour, zorder=2)
        ax.set_title(term, fontsize=10)
        ax.set_ylim(0, 1.05)
    n_j = int(curves["n_jurisdictions"].iloc[0]) if len(curves) else 0
    legend = None
    if coverage:
        legend = ([Line2D([], [], color=adopted_colour), Line2D([], [], color=coverage_colour, linestyle="--")],
                  ["have used the term", "jurisdictions with any\ndocument so far"])
    return _finish_panels(figure, axes, len(terms), f"share of {n_j} local jurisdictions",
                          title or "累计采纳曲线 (cumulative adoption by local jurisdictions)", path, dpi,
                          legend=legend)


def _reuse_node_label(data: Mapping[str, Any], node: Any, label_width: int) -> str:
    """"山东 2020" over the short title cut to ``label_width``; "≈" marks an inferred year."""
    level = str(data.get("level") or "")
    who = _who(level, data.get("region") or "", data.get("issuer") or "", str(data.get("title") or ""))
    year = data.get("year", "")
    if _inferred_year(data.get("date_source")):
        year = f"{year}≈"
    body = str(data.get("short_title") or data.get("title") or node)
    body = body if len(body) <= label_width else body[: label_width - 1] + "…"
    return f"{who} {year}\n{body}"


def plot_reuse_network(
    graph: "nx.DiGraph",
    *,
    title: str | None = None,
    label_width: int = 10,
    labels: Mapping[Any, str] | None = None,
    font_size: float = 7,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
    """Draw a reuse network: documents placed by year (x) and level (y), arrows from source to target.

    ``graph`` is :func:`analysis.reuse.reuse_network` output (node attributes
    level, year, title, short_title, region and, when present, issuer and
    date_source; edge attribute weight = reused characters).  Every level has
    one row; documents of the same level and year sit side by side on it, in
    date order, a small fixed step apart.  Arrow width grows with reused
    characters; documents without any reuse are drawn faint.  Position
    carries the time order, so an arrow's direction reads left to right.

    Every document is labelled "who year" over its short title cut to
    ``label_width`` characters, where who is the region, the place that
    issues a prefecture or county document, or the national issuing body
    (see :func:`doc_label`); pass ``labels`` (node -> text) to label
    differently.  Labels start alternately above and below their node and a
    deterministic repel step pushes overlapping labels apart; a legend
    explains colour (level), arrow width and faint nodes.
    """
    use_chinese_font()
    levels = [lv for lv in LEVEL_ORDER if any(d.get("level") == lv for _, d in graph.nodes(data=True))]
    has_other = any(d.get("level") not in levels for _, d in graph.nodes(data=True))
    row_names = levels + (["other"] if has_other else [])
    groups: dict[tuple, list] = {}
    for node, d in sorted(graph.nodes(data=True), key=lambda x: (x[1].get("year", 0), str(x[1].get("date") or ""), str(x[0]))):
        groups.setdefault((d.get("level"), d.get("year")), []).append(node)
    pos, side = {}, {}
    for (lv, year), nodes in groups.items():
        y0 = -levels.index(lv) if lv in levels else -len(levels)
        step = min(0.22, 0.9 / len(nodes))
        for i, node in enumerate(nodes):
            pos[node] = (float(year) + step * (i - (len(nodes) - 1) / 2), float(y0))
            side[node] = 1.0 if i % 2 == 0 else -1.0  # alternate above / below
    figure = Figure(figsize=(12, 1.9 * max(2, len(row_names)) + 1.2))
    FigureCanvasAgg(figure)
    ax = figure.subplots()
    nodes = list(pos)
    linked = {n for e in graph.edges for n in e}
    node_size = 130
    colours = [LEVEL_COLORS.get(graph.nodes[n].get("level"), "#999999") for n in nodes]
    alphas = [1.0 if n in linked else 0.25 for n in nodes]
    nx.draw_networkx_nodes(graph, pos, ax=ax, nodelist=nodes, node_color=colours, alpha=alphas,
                           node_size=node_size, linewidths=0)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=LEVEL_COLORS[lv],
                      markeredgecolor="none") for lv in levels]
    names = [f"{lv}" for lv in levels]
    if graph.number_of_edges():
        edges = sorted(graph.edges(data="weight"), key=lambda e: (str(e[0]), str(e[1])))
        wmax = max(w for *_, w in edges)
        width = lambda w: 0.6 + 5 * w / wmax  # noqa: E731
        nx.draw_networkx_edges(graph, pos, ax=ax, edgelist=[(u, v) for u, v, _ in edges],
                               width=[width(w) for *_, w in edges], edge_color="#555555", alpha=0.7,
                               arrows=True, arrowsize=12, connectionstyle="arc3,rad=0.12", node_size=node_size)
        wmin = min(w for *_, w in edges)
        for w in sorted({wmin, wmax}):
            handles.append(Line2D([], [], color="#555555", alpha=0.7, linewidth=width(w)))
            names.append(f"{w:,} reused characters")
    if len(linked) < len(nodes):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor="#777777",
                              markeredgecolor="none", alpha=0.35))
        names.append("faint = no reuse")
    ax.legend(handles, names, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8,
              title="colour = level; arrow: source → target", title_fontsize=8, alignment="left")
    ax.set_yticks([-i for i in range(len(row_names))], row_names)
    years = [d.get("year") for _, d in graph.nodes(data=True) if d.get("year") is not None]
    if years:
        first, last = int(min(years)), int(max(years))
        ax.set_xticks(range(first, last + 1))
        ax.set_xlim(first - 0.6, last + 0.6)
    ax.set_ylim(-(len(row_names) - 1) - 0.6, 0.6)
    ax.tick_params(left=True, bottom=True, labelleft=True, labelbottom=True)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    ax.set_title(title or "文本复用网络 (passage reuse: source → target, width = reused characters)", fontsize=11)
    figure.tight_layout()
    text = [str(labels[n]) if labels is not None and n in labels else _reuse_node_label(graph.nodes[n], n, label_width)
            for n in nodes]

    def arrows() -> tuple[np.ndarray, np.ndarray]:
        """Points along every arrow (display pixels), so labels keep off them."""
        points, radii = [], []
        px_per_pt = figure.dpi / 72.0
        for u, v, w in sorted(graph.edges(data="weight"), key=lambda e: (str(e[0]), str(e[1]))):
            p0, p2 = ax.transData.transform([pos[u], pos[v]])
            # The arc of connectionstyle "arc3,rad=0.12": a quadratic Bezier curve.
            (dx, dy), mid = p2 - p0, (p0 + p2) / 2
            p1 = mid + 0.12 * np.array([dy, -dx])
            n_pts = max(3, int(np.hypot(dx, dy) / (4 * px_per_pt)))
            t = np.linspace(0.1, 0.9, n_pts)[:, None]
            points.append((1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t ** 2 * p2)
            radii.append(np.full(n_pts, (0.6 + 5 * w / wmax) / 2 * px_per_pt + 1.0))
        if not points:
            return np.empty((0, 2)), np.empty(0)
        return np.vstack(points), np.concatenate(radii)

    _place_labels(ax, np.array([pos[n] for n in nodes]), text, marker_radius_pt=np.full(len(nodes), math.sqrt(node_size) / 2),
                  directions=np.array([(0.0, side[n]) for n in nodes]), fontsize=font_size,
                  colors=["black" if n in linked else "#777777" for n in nodes],
                  gap_pt=5.0, always_lead=True, avoid=arrows if graph.number_of_edges() else None)
    _save(figure, path, dpi)
    return figure
