"""The reuse-network figure: documents (or, in a large corpus, jurisdictions) by year and level, arrows source → target.

Drawing cost is bounded whatever the corpus size: above :data:`MAX_DOCUMENT_NODES`
dated documents the network is aggregated by jurisdiction
(:func:`analysis.reuse.aggregate_network`, at most ``max_groups`` nodes), only
the ``max_edges`` strongest arrows are drawn and only ``max_labels`` nodes are
labelled, so label placement (``adjustText``) never faces more than a few
hundred labels and obstacles.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.lines import Line2D

from ..labels import is_inferred_year, who_issued
from ..levels import LEVELS
from ..reuse.summary import OTHER_GROUP, aggregate_network
from .base import LEVEL_COLORS, figure_and_axes, save_figure
from .labelling import place_labels, renderer, top_by, wrap_to_width

__all__ = ["MAX_DOCUMENT_NODES", "plot_reuse_network", "strongest_edges"]

#: Curvature of reuse arrows (matplotlib's ``arc3`` connection style).
ARROW_RAD = 0.12
#: Above this many dated documents, ``aggregate="auto"`` draws jurisdictions
#: instead of documents: at 60 documents with their two-line labels and ~200
#: links the 12-inch figure was already a tangle (benchmarks/RESULTS_figures.md).
MAX_DOCUMENT_NODES = 40
#: Marker area (points²) of a document node; group nodes scale from it with sqrt(documents).
NODE_SIZE = 130


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


def _group_label(data: Mapping[str, Any]) -> str:
    """Return "郑州 (12)" over the median year of the group's documents ("2019")."""
    return f"{data.get('name')} ({int(data.get('n_docs', 0))})\n{data.get('year')}"


def _group_positions(graph: nx.DiGraph, levels: list[str]) -> tuple[dict, dict]:
    """Return node -> (x, -row) and node -> +1/-1 (label above / below) for group nodes.

    Each level's groups are spread evenly along its row (x from 0 to 1) in
    order of median year, then name: dozens of jurisdictions share a handful
    of median years, so a year axis would pile them up.
    """
    rows: dict[Any, list] = {}
    for node, d in sorted(graph.nodes(data=True), key=lambda x: (x[1].get("year") or 0, str(x[0]))):
        rows.setdefault(d.get("level"), []).append(node)
    pos, side = {}, {}
    for lv, nodes in rows.items():
        y0 = -levels.index(lv) if lv in levels else -len(levels)
        for i, node in enumerate(nodes):
            pos[node] = ((i + 0.5) / len(nodes), float(y0))
            side[node] = 1.0 if i % 2 == 0 else -1.0
    return pos, side


def _reuse_positions(graph: nx.DiGraph, levels: list[str]) -> tuple[dict, dict]:
    """Return node -> (year, -row) and node -> +1/-1 (label above / below).

    Nodes of the same level and year sit side by side on their level's
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


def strongest_edges(graph: nx.DiGraph, max_edges: int | None) -> nx.DiGraph:
    """Return a copy of ``graph`` (all nodes) with only its ``max_edges`` heaviest edges (ties: source, target)."""
    edges = sorted(graph.edges(data=True), key=lambda e: (-float(e[2].get("weight", 0)), str(e[0]), str(e[1])))
    kept = nx.DiGraph(**graph.graph)
    kept.add_nodes_from(graph.nodes(data=True))
    kept.add_edges_from(edges if max_edges is None else edges[: max(0, max_edges)])
    return kept


def _legend(
    ax: Axes,
    levels: list[str],
    weights: list[float],
    faint: str,
    grouped: bool,
    unit: str = "reused characters",
    arrow: str = "source → target",
) -> None:
    """Explain colour (level), arrow width (in ``unit``) and faint nodes beside the axes."""
    dot = {"marker": "o", "linestyle": "", "markersize": 7, "markeredgecolor": "none"}
    handles = [Line2D([], [], markerfacecolor=LEVEL_COLORS[lv], **dot) for lv in levels]  # type: ignore[arg-type]
    names = list(levels)
    if weights:
        wmax = max(weights)
        for w in sorted({min(weights), wmax}):
            handles.append(Line2D([], [], color="#555555", alpha=0.7, linewidth=_arrow_width(w, wmax)))
            names.append(f"{w:,.0f} {unit}")
    if faint:
        handles.append(Line2D([], [], markerfacecolor="#777777", alpha=0.35, **dot))  # type: ignore[arg-type]
        names.append(faint)
    title = f"colour = level; arrow: {arrow}" + ("\nnode area, (n) = documents" if grouped else "")
    ax.legend(
        handles,
        names,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=8,
        title=title,
        title_fontsize=8,
        alignment="left",
    )


def _draw_nodes(ax: Axes, graph: nx.DiGraph, pos: dict, sizes: dict) -> set:
    """Draw the nodes, faint when no drawn arrow touches them; return the nodes with an arrow."""
    nodes = list(pos)
    linked = {n for e in graph.edges for n in e}
    nx.draw_networkx_nodes(
        graph,
        pos,
        ax=ax,
        nodelist=nodes,
        node_color=[LEVEL_COLORS.get(graph.nodes[n].get("level"), "#999999") for n in nodes],
        alpha=[1.0 if n in linked else 0.25 for n in nodes],
        node_size=[sizes[n] for n in nodes],
        linewidths=0,
    )
    return linked


def _curve(p0: np.ndarray, p2: np.ndarray, r0: float, r2: float, samples: int = 24) -> np.ndarray:
    """Return points (display pixels) of the arc3 curve p0 -> p2 outside radii ``r0`` and ``r2`` of its ends."""
    (dx, dy), mid = p2 - p0, (p0 + p2) / 2
    p1 = mid + ARROW_RAD * np.array([dy, -dx])
    t = np.linspace(0.0, 1.0, 4 * samples)[:, None]
    curve = (1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t**2 * p2
    outside = (np.hypot(*(curve - p0).T) > r0) & (np.hypot(*(curve - p2).T) > r2)
    kept = curve[outside]
    return kept if len(kept) >= 2 else np.vstack([p0, p2])


def _draw_arrows(ax: Axes, graph: nx.DiGraph, pos: dict, sizes: dict) -> None:
    """Draw every edge as a curved arrow: one line collection and one collection of heads.

    One collection per kind, not one patch per arrow: drawing cost stays flat
    in the number of arrows (matplotlib's FancyArrowPatch clips each arrow
    against its nodes on every draw, which took most of the drawing time).
    Geometry is computed in display pixels, so the layout must be final.
    """
    edges = _sorted_edges(graph)
    if not edges:
        return
    wmax = max(w for *_, w in edges)
    px_per_pt = ax.figure.dpi / 72.0
    to_px, to_data = ax.transData.transform, ax.transData.inverted().transform
    lines, heads, widths = [], [], []
    for u, v, w in edges:
        width = _arrow_width(w, wmax)
        head = (5.0 + 1.2 * width) * px_per_pt
        r_u, r_v = (math.sqrt(sizes[n]) / 2 * px_per_pt + 1.0 for n in (u, v))
        p0, p2 = to_px(pos[u]), to_px(pos[v])
        line = _curve(p0, p2, r_u, r_v + head * 0.8)
        tip = _curve(p0, p2, r_u, r_v)[-1]
        direction = tip - line[-1]
        direction = direction / max(float(np.hypot(*direction)), 1e-9)
        normal = np.array([-direction[1], direction[0]]) * head * 0.45
        base = tip - direction * head
        lines.append(to_data(line))
        heads.append(to_data(np.vstack([tip, base + normal, base - normal])))
        widths.append(width)
    collection = LineCollection(lines, linewidths=widths, colors="#555555", capstyle="round", alpha=0.7, zorder=1)
    arrowheads = PolyCollection(heads, facecolors="#555555", edgecolors="none", alpha=0.7, zorder=1)
    for artist in (collection, arrowheads):
        artist.set_in_layout(False)
        ax.add_collection(artist, autolim=False)


def _reuse_axes(ax: Axes, graph: nx.DiGraph, row_names: list[str], title: str | None, grouped: bool = False) -> None:
    """Set level rows as y ticks, the x axis (years, or none for groups), and the title."""
    ax.set_yticks([-i for i in range(len(row_names))], row_names)
    years = [d.get("year") for _, d in graph.nodes(data=True) if d.get("year") is not None]
    if grouped:
        ax.set_xticks([])
        ax.set_xlim(-0.02, 1.02)
    elif years:
        first, last = int(min(years)), int(max(years))
        step = max(1, math.ceil((last - first + 1) / 15))  # at most ~15 year ticks
        ax.set_xticks(range(first, last + 1, step))
        ax.set_xlim(first - 0.6, last + 0.6)
    ax.set_ylim(-(len(row_names) - 1) - 0.6, 0.6)
    ax.tick_params(left=True, bottom=not grouped, labelleft=True, labelbottom=not grouped)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    default = (
        "文本复用网络 (passage reuse between jurisdictions: source → target, width = reused characters)"
        if grouped
        else "文本复用网络 (passage reuse: source → target, width = reused characters)"
    )
    ax.set_title(title or default, fontsize=11)


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
    """Return, per node, the reused characters on its edges (in or out); nodes without reuse get 0."""
    return [float(graph.in_degree(n, weight="weight") + graph.out_degree(n, weight="weight")) for n in nodes]


def _mode(n_dated: int, aggregate: str, max_nodes: int) -> str:
    """Return "documents", "jurisdiction" or "level": what one node of the figure stands for."""
    if aggregate == "auto":
        return "documents" if n_dated <= max_nodes else "jurisdiction"
    if aggregate not in ("documents", "jurisdiction", "level"):
        raise ValueError(f"aggregate must be 'auto', 'documents', 'jurisdiction' or 'level', got {aggregate!r}")
    return aggregate


def _note(full: nx.DiGraph, drawn: nx.DiGraph, mode: str, n_docs: int, n_labels: int, what: str = "reuse") -> str:
    """Return the sentence under the figure: what a node is, how many links and labels are shown.

    ``what`` names what the links are ("reuse", "citation").
    """
    parts = []
    if mode != "documents":
        others = sum(1 for _, d in full.nodes(data=True) if d.get("name") == OTHER_GROUP)
        parts.append(
            f"{n_docs} dated documents grouped into {full.number_of_nodes()} "
            f"{'jurisdictions' if mode == 'jurisdiction' else 'levels'}"
            + (f" ({OTHER_GROUP} = the remaining jurisdictions of a level)" if others else "")
            + "; each row in order of the median year of a group's documents (under its name)"
            + f"; {what} inside a group is not drawn"
        )
    if drawn.number_of_edges() < full.number_of_edges():
        parts.append(f"the {drawn.number_of_edges()} strongest of {full.number_of_edges()} links drawn")
    if n_labels < drawn.number_of_nodes():
        parts.append(f"labels: the {n_labels} nodes with most {what}")
    return "; ".join(parts)


def _prepare(
    graph: nx.DiGraph, aggregate: str, max_nodes: int, max_groups: int | None, max_edges: int | None
) -> tuple[nx.DiGraph, nx.DiGraph, str, int]:
    """Return (full graph to draw, graph with the drawn edges, mode, dated documents)."""
    dated = graph.subgraph([n for n, d in graph.nodes(data=True) if not pd.isna(d.get("year"))])
    mode = _mode(dated.number_of_nodes(), aggregate, max_nodes)
    full = dated if mode == "documents" else aggregate_network(dated, by=mode, max_groups=max_groups)
    if mode != "documents":
        full = full.subgraph([n for n, d in full.nodes(data=True) if d.get("year") is not None])
    return full, strongest_edges(full, max_edges), mode, dated.number_of_nodes()


def _node_sizes(graph: nx.DiGraph, grouped: bool) -> dict:
    """Return node -> marker area (points²): fixed for documents, growing with sqrt(documents) for groups."""
    if not grouped:
        return dict.fromkeys(graph.nodes, float(NODE_SIZE))
    most = max((int(d.get("n_docs", 1)) for _, d in graph.nodes(data=True)), default=1)
    return {n: 40.0 + 3 * NODE_SIZE * math.sqrt(int(d.get("n_docs", 1)) / most) for n, d in graph.nodes(data=True)}


def plot_reuse_network(
    graph: nx.DiGraph,
    *,
    title: str | None = None,
    label_width: int = 10,
    labels: Mapping[Any, str] | None = None,
    font_size: float = 7,
    max_labels: int | None = 80,
    aggregate: str = "auto",
    max_nodes: int = MAX_DOCUMENT_NODES,
    max_groups: int | None = 40,
    max_edges: int | None = 80,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
    formats: Iterable[str] | None = None,
) -> Axes:
    """Draw a reuse network: documents placed by year (x) and level (y), arrows from source to target.

    ``graph`` is :func:`analysis.reuse.reuse_network` output (node attributes
    level, year, title, short_title, region and, when present, issuer and
    date_source; edge attribute weight = reused characters).  Every level has
    one row; nodes of the same level and year sit side by side on it, in
    date order, a small fixed step apart.  Arrow width grows with reused
    characters; nodes without a drawn arrow are faint.  Position carries the
    time order, so an arrow's direction reads left to right.

    With more than ``max_nodes`` dated documents (``aggregate="auto"``) a node
    is a jurisdiction, not a document (:func:`analysis.reuse.aggregate_network`:
    all documents one city, province or national body issued at one level, at
    most ``max_groups`` nodes), placed at the median year of its documents,
    its area growing with its number of documents; reuse within a jurisdiction
    is not drawn.  ``aggregate`` forces "documents", "jurisdiction" or "level".

    Document nodes are labelled "who year" over the short title cut to
    ``label_width`` characters (see :func:`analysis.labels.who_issued`; pass
    ``labels``, node -> text, to label differently); group nodes "name (n
    docs)" over their span of years.  Labels start alternately above and below
    their node; ``adjustText`` (a fixed number of iterations: deterministic)
    moves them off each other, the nodes and the arrows, and a leader line
    joins each label to its node.  A note under the axes says what was grouped
    or left out.

    Parameters
    ----------
    max_labels : int or None, default 80
        Label at most this many nodes, those with the most reused characters first (None: all).
    max_edges : int or None, default 80
        Draw only the strongest arrows (None: all); the note gives the total.
    ax : Axes, optional
        Draw here; default a new 12-inch-wide figure, one row height per level.
    path, dpi, formats
        Save the figure through :func:`.base.save_figure` (PNG and SVG by default).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into.  Documents without a year (undated) cannot be placed on the
        time axis and are left out of the figure.
    """
    return _plot_level_network(
        graph, title=title, label_width=label_width, labels=labels, font_size=font_size, max_labels=max_labels,
        aggregate=aggregate, max_nodes=max_nodes, max_groups=max_groups, max_edges=max_edges, ax=ax, path=path,
        dpi=dpi, formats=formats,
    )  # fmt: skip


def _plot_level_network(
    graph: nx.DiGraph,
    *,
    title: str | None,
    label_width: int,
    labels: Mapping[Any, str] | None,
    font_size: float,
    max_labels: int | None,
    aggregate: str,
    max_nodes: int,
    max_groups: int | None,
    max_edges: int | None,
    ax: Axes | None,
    path: str | os.PathLike[str] | None,
    dpi: int,
    formats: Iterable[str] | None,
    unit: str = "reused characters",
    what: str = "reuse",
    arrow: str = "source → target",
) -> Axes:
    """Draw :func:`plot_reuse_network`'s figure for any weighted document network; return the Axes.

    ``unit`` names an edge's weight in the legend, ``what`` the links in the
    note, ``arrow`` the arrow's direction in the legend title (the citation
    network reuses this drawing for its jurisdiction view).
    """
    full, drawn, mode, n_dated = _prepare(graph, aggregate, max_nodes, max_groups, max_edges)
    grouped = mode != "documents"
    levels = [lv for lv in LEVELS if any(d.get("level") == lv for _, d in drawn.nodes(data=True))]
    has_other = any(d.get("level") not in levels for _, d in drawn.nodes(data=True))
    row_names = levels + (["other"] if has_other else [])
    pos, side = (_group_positions if grouped else _reuse_positions)(drawn, levels)
    figure, ax = figure_and_axes(ax, (12, 1.9 * max(2, len(row_names)) + 1.2))
    sizes = _node_sizes(drawn, grouped)
    linked = _draw_nodes(ax, drawn, pos, sizes)
    trimmed = drawn.number_of_edges() < full.number_of_edges()
    faint = "" if len(linked) == len(pos) else f"faint = no {what} drawn" if trimmed else f"faint = no {what}"
    _legend(ax, levels, [w for *_, w in _sorted_edges(drawn)], faint, grouped, unit, arrow)
    _reuse_axes(ax, drawn, row_names, title, grouped)
    nodes = list(pos)
    shown = [nodes[i] for i in top_by(_reuse_priority(full, nodes), max_labels)]
    note = _note(full, drawn, mode, n_dated, len(shown), what)
    if note:
        width = ax.get_window_extent(renderer(figure)).width
        ax.set_xlabel(wrap_to_width(figure, note, 8, limit=width), fontsize=8, color="#555555")
    figure.canvas.draw()  # settle the layout: arrows are computed in display pixels
    _draw_arrows(ax, drawn, pos, sizes)
    text = [
        _group_label(drawn.nodes[n])
        if grouped
        else str(labels[n])
        if labels is not None and n in labels
        else _reuse_node_label(drawn.nodes[n], n, label_width)
        for n in shown
    ]
    place_labels(
        ax,
        np.array([pos[n] for n in shown]).reshape(-1, 2),
        text,
        marker_radius_pt=np.array([math.sqrt(sizes[n]) / 2 for n in shown]),
        directions=np.array([(0.0, side[n]) for n in shown]).reshape(-1, 2),
        fontsize=font_size,
        colors=["black" if n in linked else "#777777" for n in shown],
        gap_pt=5.0,
        always_lead=True,
        avoid=functools.partial(_arrow_boxes, ax, drawn, pos) if drawn.number_of_edges() else None,
    )
    save_figure(figure, path, dpi, formats)
    return ax
