"""Network figures: term co-occurrence and passage reuse between documents.

Both draw one axes: they take ``ax=None`` (a new figure when None) and
return the :class:`~matplotlib.axes.Axes`.  Labels are placed with
``adjustText`` (see :func:`.labelling.place_labels`) after the layout is
fixed; only the ``max_labels`` most important nodes are labelled, which
bounds the cost of placement on large graphs.
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

from ..labels import is_inferred_year, who_issued
from ..levels import LEVELS
from .base import LEVEL_COLORS, figure_and_axes, save_figure
from .labelling import place_labels, renderer, top_by, wrap_to_width

__all__ = ["component_layout", "plot_cooccurrence_network", "plot_reuse_network"]

#: Community colours of the co-occurrence network.  No grey: grey marks two-term components.
COMMUNITY_PALETTE = (
    "#f5b041",
    "#5dade2",
    "#58d68d",
    "#ec7063",
    "#af7ac5",
    "#48c9b0",
    "#f4d03f",
    "#eb984e",
    "#a6761d",
    "#e377c2",
    "#1f78b4",
    "#b2df8a",
)
#: Curvature of reuse arrows (matplotlib's ``arc3`` connection style).
ARROW_RAD = 0.12


# --------------------------------------------------------------------------- layout


def _local_layout(graph: nx.Graph, comp: set, seed: int) -> dict[Any, tuple[float, float]]:
    """Return positions of one component, centred on (0, 0), side growing with sqrt(number of nodes)."""
    nodes = sorted(comp)
    if len(nodes) == 1:
        local = {nodes[0]: (0.0, 0.0)}
    elif len(nodes) == 2:  # one above the other, so both labels fit a narrow cell
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
    return {node: (x - cx, y - cy) for node, (x, y) in scaled.items()}


def _pack_rows(widths: list[float], heights: list[float], aspect: float) -> list[list[int]]:
    """Return cells (indices) grouped in rows so the packed picture is about ``aspect`` times as wide as high."""

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

    best_rows: list[list[int]] = [list(range(len(widths)))]
    best_score = math.inf
    for limit in sorted({max(widths), *np.cumsum(widths).tolist()}):
        rows = pack(limit)
        w = max(sum(widths[i] for i in row) for row in rows)
        h = sum(max(heights[i] for i in row) for row in rows)
        score = abs(math.log((w / h) / aspect))
        if score < best_score - 1e-9:
            best_rows, best_score = rows, score
    return best_rows


def component_layout(graph: nx.Graph, seed: int, *, aspect: float = 1.25) -> dict[Any, tuple[float, float]]:
    """Return node -> (x, y): each connected component laid out on its own and packed in rows.

    One spring layout over a disconnected graph pushes small components to the
    rim and crushes the large one.  Here every component gets its own layout
    (spring layout from a fixed seed; a two-node component is drawn one node
    above the other, so both labels fit a narrow cell) scaled so that its side
    grows with the square root of its number of nodes (about the same room per
    node and label in every component).  Each component sits in a cell with a
    margin for labels; cells are packed in rows, largest component first, with
    the row width chosen so the whole picture is about ``aspect`` times as wide
    as high.  Nodes are handled in sorted order throughout, so the result does
    not depend on the per-process string hash seed.  Units are arbitrary
    (about one unit per node label).
    """
    comps = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)[0]))
    pad_x, pad_y = 1.7, 1.0  # room around a component for labels on its rim
    local_layouts = [_local_layout(graph, comp, seed) for comp in comps]
    widths = [max(x for x, _ in lay.values()) - min(x for x, _ in lay.values()) + pad_x for lay in local_layouts]
    heights = [max(y for _, y in lay.values()) - min(y for _, y in lay.values()) + pad_y for lay in local_layouts]
    rows = _pack_rows(widths, heights, aspect)
    total_w = max(sum(widths[i] for i in row) for row in rows)
    positions = {}
    top = 0.0
    for row in rows:
        row_h = max(heights[i] for i in row)
        x = (total_w - sum(widths[i] for i in row)) / 2  # centre each row
        for i in row:
            cx, cy = x + widths[i] / 2, top - row_h / 2
            for node, (lx, ly) in local_layouts[i].items():
                positions[node] = (cx + lx, cy + ly)
            x += widths[i]
        top -= row_h
    return positions


# --------------------------------------------------------------------------- co-occurrence network


def _strongest_graph(edges: pd.DataFrame, top_edges: int, weight: str) -> nx.Graph:
    """Return the graph of the ``top_edges`` strongest edges (ties by table order)."""
    for column in ("term_a", "term_b", weight):
        if column not in edges.columns:
            raise KeyError(f"table has no column {column!r}")
    strongest = edges.nlargest(top_edges, weight, keep="first")
    graph = nx.Graph()
    for a, b, w in zip(strongest["term_a"], strongest["term_b"], strongest[weight]):
        graph.add_edge(a, b, weight=float(w))
    return graph


def _community_colours(graph: nx.Graph, names: list, node_color: str, pair_color: str) -> dict[Any, str]:
    """Return node -> colour: one palette colour per community, ``pair_color`` for two-term components."""
    # On integer labels in sorted order: with string nodes, tie-breaking follows
    # set iteration order, which changes with Python's per-process hash seed.
    numbered = nx.relabel_nodes(graph, {n: i for i, n in enumerate(names)})
    communities = sorted(
        (
            {names[i] for i in c}
            for c in nx.algorithms.community.greedy_modularity_communities(numbered, weight="weight")
        ),
        key=lambda c: (-len(c), sorted(c)[0]),
    )
    component = {node: comp for comp in nx.connected_components(graph) for node in comp}
    colour: dict[Any, str] = {}
    i_colour = 0
    for community in communities:
        if all(len(component[node]) == 2 for node in community):
            shade = pair_color
        elif len(community) > 1:
            shade = COMMUNITY_PALETTE[i_colour % len(COMMUNITY_PALETTE)]
            i_colour += 1
        else:
            shade = node_color
        colour.update({node: shade for node in community})
    return colour


def _fit_limits(ax: Axes, xy: np.ndarray) -> None:
    """Set axis limits around the nodes with room for labels; hide ticks and spines."""
    (xmin, ymin), (xmax, ymax) = xy.min(axis=0), xy.max(axis=0)
    mx, my = 0.05 * (xmax - xmin) + 0.6, 0.05 * (ymax - ymin) + 0.35
    ax.set_xlim(xmin - mx, xmax + mx)
    ax.set_ylim(ymin - my, ymax + my)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)


def _outward_directions(ax: Axes, graph: nx.Graph, positions: Mapping, names: list) -> np.ndarray:
    """Return, per node, the display-space direction away from the centre of its component."""
    centre = {}
    for comp in nx.connected_components(graph):
        pts = np.array([positions[n] for n in sorted(comp)])
        centre.update({n: (pts.min(axis=0) + pts.max(axis=0)) / 2 for n in comp})
    ax.figure.canvas.draw()
    to_px = ax.transData.transform
    directions = np.array([to_px(positions[n]) - to_px(centre[n]) for n in names])
    directions[np.hypot(directions[:, 0], directions[:, 1]) < 2.0] = (0.0, 1.0)
    return directions


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
    max_labels: int | None = 80,
    figsize: tuple[float, float] = (9, 7.5),
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
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
        Seed of ``networkx.spring_layout``, run per connected component
        (:func:`component_layout`): same input, same picture.
    node_color : str
        Colour of terms that form a community on their own.
    edge_color : str
    pair_color : str, default light grey
        Colour of two-term components (one edge on its own), which carry no
        community information.
    font_size : float, default 10
    max_labels : int or None, default 80
        Label at most this many terms, those with the largest summed edge
        weight first (None: every term).  More labels than the figure can
        show only pile up, and label placement costs about the square of
        their number.
    figsize : (float, float), default (9, 7.5)
        Used when ``ax`` is not given.
    title : str, optional
    ax : Axes, optional
        Draw here; default a new figure.
    path, dpi
        Save the figure (PNG, at least 150 dpi) through :func:`.base.save_figure`.

    Notes
    -----
    Node area is proportional to the node's summed edge weight (of the edges
    drawn); colour is the community (greedy modularity, deterministic).  A
    note under the network says so.  Labels start next to their node on the
    side away from the component's centre; ``adjustText`` (a fixed number of
    iterations, so the result is deterministic) moves overlapping labels
    apart and off the nodes, and a thin grey line joins a label that had to
    move to its node.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into.
    """
    graph = _strongest_graph(edges, top_edges, weight)
    figure, ax = figure_and_axes(ax, figsize)
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.set_title(title or "共现网络 (no edges)")
        save_figure(figure, path, dpi)
        return ax
    positions = component_layout(graph, seed)
    names = sorted(graph.nodes)
    strength = dict(graph.degree(weight="weight"))
    largest_edge = max(w for _, _, w in graph.edges(data="weight"))
    edge_list = sorted((min(u, v), max(u, v), w) for u, v, w in graph.edges(data="weight"))
    nx.draw_networkx_edges(
        graph,
        positions,
        ax=ax,
        edgelist=[(u, v) for u, v, _ in edge_list],
        edge_color=edge_color,
        alpha=0.5,
        width=[0.5 + 3.0 * w / largest_edge for _, _, w in edge_list],
    )
    colour = _community_colours(graph, names, node_color, pair_color)
    sizes = np.array([20 + 230 * strength[node] / max(strength.values()) for node in names])
    nx.draw_networkx_nodes(
        graph,
        positions,
        ax=ax,
        nodelist=names,
        node_color=[colour[n] for n in names],
        alpha=0.9,
        node_size=sizes,
        linewidths=0,
    )
    xy = np.array([positions[n] for n in names])
    _fit_limits(ax, xy)
    has_pairs = any(colour[n] == pair_color for n in names)
    note = f"node size = summed edge weight ({weight}); colour = community (greedy modularity)" + (
        "; grey = two-term component" if has_pairs else ""
    )
    if max_labels is not None and len(names) > max_labels:
        note += f"; labels: the {max_labels} largest nodes"
    ax.set_xlabel(
        wrap_to_width(figure, note, 8, limit=ax.get_window_extent(renderer(figure)).width), fontsize=8, color="#555555"
    )
    ax.set_title(title or f"共现网络 (co-occurrence, top {graph.number_of_edges()} edges by {weight})")
    directions = _outward_directions(ax, graph, positions, names)
    shown = top_by([strength[n] for n in names], max_labels)
    place_labels(
        ax,
        xy[shown],
        [names[i] for i in shown],
        marker_radius_pt=np.sqrt(sizes[shown]) / 2,
        directions=directions[shown],
        fontsize=font_size,
    )
    save_figure(figure, path, dpi)
    return ax


# --------------------------------------------------------------------------- reuse network


def _reuse_node_label(data: Mapping[str, Any], node: Any, label_width: int) -> str:
    """Return "山东 2020" over the short title cut to ``label_width``; "≈" marks an inferred year."""
    level = str(data.get("level") or "")
    who = who_issued(level, data.get("region") or "", data.get("issuer") or "", str(data.get("title") or ""))
    year = data.get("year", "")
    if is_inferred_year(data.get("date_source")):
        year = f"{year}≈"
    body = str(data.get("short_title") or data.get("title") or node)
    body = body if len(body) <= label_width else body[: label_width - 1] + "…"
    return f"{who} {year}\n{body}"


def _reuse_positions(graph: nx.DiGraph, levels: list[str]) -> tuple[dict, dict]:
    """Return node -> (year, -row) and node -> +1/-1 (label above / below).

    Documents of the same level and year sit side by side on their level's
    row, in date order, a small fixed step apart; labels alternate sides.
    """
    groups: dict[tuple, list] = {}
    by_date = sorted(
        graph.nodes(data=True), key=lambda x: (x[1].get("year", 0), str(x[1].get("date") or ""), str(x[0]))
    )
    for node, d in by_date:
        groups.setdefault((d.get("level"), d.get("year")), []).append(node)
    pos, side = {}, {}
    for (lv, year), nodes in groups.items():
        y0 = -levels.index(lv) if lv in levels else -len(levels)
        step = min(0.22, 0.9 / len(nodes))
        for i, node in enumerate(nodes):
            pos[node] = (float(year) + step * (i - (len(nodes) - 1) / 2), float(y0))
            side[node] = 1.0 if i % 2 == 0 else -1.0
    return pos, side


def _arrow_width(w: float, wmax: float) -> float:
    """Return the line width (points) of an arrow carrying ``w`` reused characters."""
    return 0.6 + 5 * w / wmax


def _sorted_edges(graph: nx.DiGraph) -> list[tuple[Any, Any, float]]:
    """Return (source, target, weight) in a hash-seed-independent order."""
    return sorted(graph.edges(data="weight"), key=lambda e: (str(e[0]), str(e[1])))


def _draw_reuse_graph(ax: Axes, graph: nx.DiGraph, pos: dict, levels: list[str], node_size: float) -> set:
    """Draw nodes (faint without reuse), arrows and the legend; return the nodes with reuse."""
    nodes = list(pos)
    linked = {n for e in graph.edges for n in e}
    nx.draw_networkx_nodes(
        graph,
        pos,
        ax=ax,
        nodelist=nodes,
        node_color=[LEVEL_COLORS.get(graph.nodes[n].get("level"), "#999999") for n in nodes],
        alpha=[1.0 if n in linked else 0.25 for n in nodes],
        node_size=node_size,
        linewidths=0,
    )
    handles: list[Line2D] = [
        Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=LEVEL_COLORS[lv], markeredgecolor="none")
        for lv in levels
    ]
    names = list(levels)
    if graph.number_of_edges():
        edges = _sorted_edges(graph)
        wmax = max(w for *_, w in edges)
        nx.draw_networkx_edges(
            graph,
            pos,
            ax=ax,
            edgelist=[(u, v) for u, v, _ in edges],
            width=[_arrow_width(w, wmax) for *_, w in edges],
            edge_color="#555555",
            alpha=0.7,
            arrows=True,
            arrowsize=12,
            connectionstyle=f"arc3,rad={ARROW_RAD}",
            node_size=node_size,
        )
        for w in sorted({min(w for *_, w in edges), wmax}):
            handles.append(Line2D([], [], color="#555555", alpha=0.7, linewidth=_arrow_width(w, wmax)))
            names.append(f"{w:,} reused characters")
    if len(linked) < len(nodes):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=7,
                markerfacecolor="#777777",
                markeredgecolor="none",
                alpha=0.35,
            )
        )
        names.append("faint = no reuse")
    ax.legend(
        handles,
        names,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=8,
        title="colour = level; arrow: source → target",
        title_fontsize=8,
        alignment="left",
    )
    return linked


def _reuse_axes(ax: Axes, graph: nx.DiGraph, row_names: list[str], title: str | None) -> None:
    """Set level rows as y ticks, one x tick per year, and the title."""
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


def _arrow_boxes(ax: Axes, graph: nx.DiGraph, pos: dict, piece_px: float = 24.0, max_pieces: int = 8) -> np.ndarray:
    """Return boxes (display pixels, m x 4: x0, y0, x1, y1) covering every arrow, so labels keep off them.

    Each arrow (the quadratic Bezier curve of connectionstyle "arc3") is cut
    into pieces about ``piece_px`` long (at most ``max_pieces``); each piece's bounding box, widened
    by half the line width, is one obstacle.  Boxes rather than many points
    keep the obstacle count (and adjustText's cost per step) low.
    """
    boxes = []
    edges = _sorted_edges(graph)
    wmax = max((w for *_, w in edges), default=1.0)
    px_per_pt = ax.figure.dpi / 72.0
    for u, v, w in edges:
        p0, p2 = ax.transData.transform([pos[u], pos[v]])
        (dx, dy), mid = p2 - p0, (p0 + p2) / 2
        p1 = mid + ARROW_RAD * np.array([dy, -dx])
        n_pieces = min(max_pieces, max(1, int(np.hypot(dx, dy) / piece_px)))
        t = np.linspace(0.1, 0.9, n_pieces + 1)[:, None]
        curve = (1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t**2 * p2
        half = _arrow_width(w, wmax) / 2 * px_per_pt + 1.0
        lo, hi = np.minimum(curve[:-1], curve[1:]) - half, np.maximum(curve[:-1], curve[1:]) + half
        boxes.append(np.hstack([lo, hi]))
    return np.vstack(boxes) if boxes else np.empty((0, 4))


def _reuse_priority(graph: nx.DiGraph, nodes: list) -> list[float]:
    """Return, per node, the reused characters on its edges (in or out); documents without reuse get 0."""
    return [float(graph.in_degree(n, weight="weight") + graph.out_degree(n, weight="weight")) for n in nodes]


def plot_reuse_network(
    graph: nx.DiGraph,
    *,
    title: str | None = None,
    label_width: int = 10,
    labels: Mapping[Any, str] | None = None,
    font_size: float = 7,
    max_labels: int | None = 80,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Axes:
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
    (see :func:`analysis.labels.who_issued`); pass ``labels`` (node -> text)
    to label differently.  Labels start alternately above and below their
    node; ``adjustText`` (a fixed number of iterations: deterministic) moves
    them off each other, the nodes and the arrows, and a leader line joins
    each label to its node.  At most ``max_labels`` documents are labelled
    (None: all), those with the most reused characters first, which bounds
    the cost of placement.  A legend explains colour (level), arrow width and
    faint nodes.

    Parameters
    ----------
    ax : Axes, optional
        Draw here; default a new 12-inch-wide figure, one row height per level.
    path, dpi
        Save the figure (PNG, at least 150 dpi) through :func:`.base.save_figure`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into.  Documents without a year (undated) cannot be placed on the
        time axis and are left out of the figure.
    """
    graph = graph.subgraph([n for n, d in graph.nodes(data=True) if not pd.isna(d.get("year"))])
    levels = [lv for lv in LEVELS if any(d.get("level") == lv for _, d in graph.nodes(data=True))]
    has_other = any(d.get("level") not in levels for _, d in graph.nodes(data=True))
    row_names = levels + (["other"] if has_other else [])
    pos, side = _reuse_positions(graph, levels)
    figure, ax = figure_and_axes(ax, (12, 1.9 * max(2, len(row_names)) + 1.2))
    node_size = 130
    linked = _draw_reuse_graph(ax, graph, pos, levels, node_size)
    _reuse_axes(ax, graph, row_names, title)
    nodes = list(pos)
    shown = [nodes[i] for i in top_by(_reuse_priority(graph, nodes), max_labels)]
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
