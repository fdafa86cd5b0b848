"""Citation figures: the directed citation network in level bands over time, level pairs, lags.

Each draws one axes: ``ax=None`` makes a new figure; the Axes is returned.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from ..levels import LEVELS, order_levels
from .base import LEVEL_COLORS, figure_and_axes, save_figure
from .labelling import place_labels, top_by
from .reuse_network import (
    ARROW_RAD,
    MAX_DOCUMENT_NODES,
    _arrow_boxes,
    _draw_nodes,
    _mode,
    _plot_level_network,
    _reuse_axes,
    _reuse_node_label,
    _reuse_positions,
)

__all__ = ["plot_citation_lags", "plot_citation_network", "plot_level_pairs"]


def _citation_width(n: float, nmax: float) -> float:
    """Line width (points) of an arrow carrying ``n`` citations."""
    return 0.8 + 3.5 * n / nmax


def _draw_citations(ax: Axes, graph: nx.DiGraph, pos: dict, levels: list[str], node_size: float) -> set:
    """Draw nodes (faint when uncited and citing nothing), arrows and legend; return the linked nodes."""
    nodes = list(pos)
    linked = _draw_nodes(ax, graph, pos, dict.fromkeys(nodes, node_size))
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=LEVEL_COLORS[lv], markeredgecolor="none")
        for lv in levels
    ]
    names = list(levels)
    edges = sorted(graph.edges(data="weight"), key=lambda e: (str(e[0]), str(e[1])))
    if edges:
        nmax = max(w for *_, w in edges)
        nx.draw_networkx_edges(
            graph,
            pos,
            ax=ax,
            edgelist=[(u, v) for u, v, _ in edges],
            width=[_citation_width(w, nmax) for *_, w in edges],
            edge_color="#8e44ad",
            alpha=0.75,
            arrows=True,
            arrowsize=12,
            connectionstyle=f"arc3,rad={ARROW_RAD}",
            node_size=node_size,
        )
        for w in sorted({min(w for *_, w in edges), nmax}):
            handles.append(Line2D([], [], color="#8e44ad", alpha=0.75, linewidth=_citation_width(w, nmax)))
            names.append(f"{w} reference{'s' if w != 1 else ''}")
    if len(linked) < len(nodes):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=7,
                markerfacecolor="#777777",
                alpha=0.35,
                markeredgecolor="none",
            )
        )
        names.append("faint = no resolved citation")
    ax.legend(
        handles,
        names,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=8,
        title="colour = level; arrow: cited → citing",
        title_fontsize=8,
        alignment="left",
    )
    return linked


def plot_citation_network(
    graph: nx.DiGraph,
    *,
    title: str | None = None,
    label_width: int = 10,
    labels: Mapping[Any, str] | None = None,
    font_size: float = 7,
    max_labels: int | None = 60,
    aggregate: str = "auto",
    max_nodes: int = MAX_DOCUMENT_NODES,
    max_groups: int | None = 40,
    max_edges: int | None = 80,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
    """Draw the citation network: documents by year (x) and level (y), arrows from the cited to the citing document.

    ``graph`` is :func:`analysis.citations.citation_network` output (edge attribute weight =
    references).  Placement and labels follow :func:`.networks.plot_reuse_network`: one row
    per level, documents of a level and year side by side in date order; labels "who year"
    over the short title cut to ``label_width``, moved off each other and the arrows, at most
    ``max_labels`` (documents with the most citations first).  Documents without a resolved
    citation are drawn faint; undated documents cannot be placed in time and are left out.

    With more than ``max_nodes`` dated documents (``aggregate="auto"``; or
    ``aggregate="jurisdiction"`` / ``"level"``) a node is a jurisdiction, as in
    :func:`.reuse_network.plot_reuse_network`: at most ``max_groups`` nodes, the
    ``max_edges`` strongest links (weight = references summed over document
    pairs), citations within a jurisdiction not drawn, and a note under the axes
    saying so.  At 1,000 documents the document view was an unreadable tangle of
    about 800 arrows.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into (a new 12-inch-wide figure when ``ax`` is None).
    """
    n_dated = sum(1 for _, d in graph.nodes(data=True) if not pd.isna(d.get("year")))
    if _mode(n_dated, aggregate, max_nodes) != "documents":
        return _plot_level_network(
            graph, title=title or "引用网络 (citations between jurisdictions: cited → citing, width = references)",
            label_width=label_width, labels=labels, font_size=font_size, max_labels=max_labels, aggregate=aggregate,
            max_nodes=max_nodes, max_groups=max_groups, max_edges=max_edges, ax=ax, path=path, dpi=dpi, formats=None,
            unit="references", what="citation", arrow="cited → citing",
        )  # fmt: skip
    graph = graph.subgraph([n for n, d in graph.nodes(data=True) if not pd.isna(d.get("year"))])
    levels = [lv for lv in LEVELS if any(d.get("level") == lv for _, d in graph.nodes(data=True))]
    has_other = any(d.get("level") not in levels for _, d in graph.nodes(data=True))
    row_names = levels + (["other"] if has_other else [])
    pos, side = _reuse_positions(graph, levels)
    figure, ax = figure_and_axes(ax, (12, 1.9 * max(2, len(row_names)) + 1.2))
    node_size = 130
    linked = _draw_citations(ax, graph, pos, levels, node_size)
    _reuse_axes(ax, graph, row_names, title or "引用网络 (citations: cited → citing, width = references)")
    nodes = list(pos)
    degree = [float(graph.in_degree(n, weight="weight") + graph.out_degree(n, weight="weight")) for n in nodes]
    shown = [nodes[i] for i in top_by(degree, max_labels)]
    text = [
        str(labels[n]) if labels is not None and n in labels else _reuse_node_label(graph.nodes[n], n, label_width)
        for n in shown
    ]
    place_labels(
        ax,
        np.array([pos[n] for n in shown]).reshape(-1, 2),
        text,
        marker_radius_pt=np.full(len(shown), math.sqrt(node_size) / 2),
        directions=np.array([(0.0, side[n]) for n in shown]).reshape(-1, 2),
        fontsize=font_size,
        colors=["black" if n in linked else "#777777" for n in shown],
        gap_pt=5.0,
        always_lead=True,
        avoid=functools.partial(_arrow_boxes, ax, graph, pos) if graph.number_of_edges() else None,
    )
    save_figure(figure, path, dpi)
    return ax


def plot_level_pairs(
    pairs: pd.DataFrame,
    *,
    value: str = "n_citations",
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
    """Heatmap of citations by level pair: citing level (rows) by cited level (columns), cells annotated.

    ``pairs`` is :func:`analysis.citations.citations_by_level_pair` output; ``value`` the
    column shown (n_citations or n_resolved).  Levels run from the top of the hierarchy
    down (then "unknown"), the same on both axes: cells below the diagonal are citations of a
    higher level, on it of the same level.  An empty cell is a pair with no citation.

    Returns
    -------
    matplotlib.axes.Axes
    """
    # one order on both axes, so the diagonal is "cites its own level"
    rows = cols = order_levels([*pairs["citing_level"], *pairs["cited_level"]]) if len(pairs) else []
    grid = pairs.pivot_table(index="citing_level", columns="cited_level", values=value, aggfunc="sum")
    grid = grid.reindex(index=rows, columns=cols).fillna(0).astype(int)
    figure, ax = figure_and_axes(ax, (1.4 * max(3, len(cols)) + 2, 0.8 * max(2, len(rows)) + 1.5))
    data = grid.to_numpy()
    if data.size:
        vmax = max(1, int(data.max()))
        ax.imshow(np.ma.masked_equal(data, 0), cmap="Purples", vmin=0, vmax=vmax, aspect="auto")
    for (i, j), n in np.ndenumerate(data):
        if n:
            dark = n > data.max() / 2
            ax.text(j, i, str(n), ha="center", va="center", fontsize=10, color="white" if dark else "black")
    ax.set_xticks(range(len(cols)), cols)
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xlabel("cited document's level (被引)")
    ax.set_ylabel("citing document's level (施引)")
    if not len(pairs):
        ax.text(0.5, 0.5, "no citations", transform=ax.transAxes, ha="center", va="center", color="#777777")
    ax.set_title(title or f"引用的层级 (citations by level pair, {value.replace('_', ' ')})", fontsize=11)
    save_figure(figure, path, dpi)
    return ax


def plot_citation_lags(
    distribution: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
    """Bars of citations by lag in whole years (citing year minus cited year).

    ``distribution`` is :func:`analysis.citations.lag_distribution` output.  Every year of lag
    between the smallest and the largest has a bar position, so a gap reads as zero.

    Returns
    -------
    matplotlib.axes.Axes
    """
    figure, ax = figure_and_axes(ax, (6.5, 3.6))
    ax.bar(distribution["lag_years"], distribution["n_citations"], color="#8e44ad", width=0.7)
    if len(distribution):
        ax.set_xticks(distribution["lag_years"].tolist())
    else:
        ax.text(0.5, 0.5, "no dated citation", transform=ax.transAxes, ha="center", va="center", color="#777777")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("lag: citing year − cited year (years)")
    ax.set_ylabel("citations")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    ax.set_title(title or "引用时滞 (citation lag)", fontsize=11)
    save_figure(figure, path, dpi)
    return ax
