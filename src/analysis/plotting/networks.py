"""Term co-occurrence network figure and the per-component layout it uses (reuse network: :mod:`.reuse_network`).

Both draw one axes: they take ``ax=None`` (a new figure when None) and
return the :class:`~matplotlib.axes.Axes`.  Labels are placed with
``adjustText`` (see :func:`.labelling.place_labels`) after the layout is
fixed; only the ``max_labels`` most important nodes are labelled, which
bounds the cost of placement on large graphs.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .base import figure_and_axes, save_figure
from .labelling import place_labels, renderer, top_by, wrap_to_width

__all__ = ["component_layout", "cooccurrence_backbone", "plot_cooccurrence_network"]

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


def _check_edge_table(edges: pd.DataFrame, weight: str) -> None:
    for column in ("term_a", "term_b", weight):
        if column not in edges.columns:
            raise KeyError(f"table has no column {column!r}")


def _top_terms(edges: pd.DataFrame, n_terms: int, weight: str) -> list[str]:
    """Return the ``n_terms`` most frequent terms (units containing them, from ``count_a``/``count_b``).

    Without count columns, terms are ranked by summed ``weight``.  Ties by term.
    """
    if {"count_a", "count_b"} <= set(edges.columns):
        both = pd.concat([edges.set_index("term_a")["count_a"], edges.set_index("term_b")["count_b"]])
        counts = both.groupby(level=0).max()
    else:
        both = pd.concat([edges.set_index("term_a")[weight], edges.set_index("term_b")[weight]])
        counts = both.groupby(level=0).sum()
    ranked = sorted(counts.items(), key=lambda item: (-float(item[1]), str(item[0])))
    return [str(term) for term, _ in ranked[:n_terms]]


def cooccurrence_backbone(
    edges: pd.DataFrame, *, n_terms: int = 40, top_edges: int = 80, weight: str = "weight"
) -> pd.DataFrame:
    """Return the edges a readable co-occurrence network draws: a connected backbone plus the strongest links.

    Among the ``n_terms`` most frequent terms, the maximum spanning tree of
    their co-occurrence graph (Kruskal on ``weight``; a forest when the terms
    do not all co-occur) ties every term to its strongest partner without
    cycles, so the picture is one connected structure rather than isolated
    pairs.  The strongest remaining edges among the same terms are added until
    ``top_edges`` edges in all (the tree is kept whole even if it is longer).

    Returns
    -------
    DataFrame
        The rows of ``edges`` kept, with a boolean column ``backbone`` (True:
        a tree edge), tree edges first, each part by ``weight`` descending
        (ties by term pair).
    """
    _check_edge_table(edges, weight)
    terms = set(_top_terms(edges, n_terms, weight))
    among = edges[edges["term_a"].isin(terms) & edges["term_b"].isin(terms)]
    among = among.sort_values([weight, "term_a", "term_b"], ascending=[False, True, True], kind="mergesort")
    graph = nx.Graph()
    graph.add_nodes_from(sorted(terms))
    # Insertion in a fixed order: Kruskal breaks weight ties by edge order.
    for i, (a, b, w) in enumerate(zip(among["term_a"], among["term_b"], among[weight])):
        graph.add_edge(a, b, weight=float(w), row=i)
    tree_rows = sorted(d["row"] for *_, d in nx.maximum_spanning_tree(graph, weight="weight").edges(data=True))
    in_tree = np.zeros(len(among), dtype=bool)
    in_tree[tree_rows] = True
    n_extra = max(0, top_edges - int(in_tree.sum()))
    kept = pd.concat([among[in_tree].assign(backbone=True), among[~in_tree].head(n_extra).assign(backbone=False)])
    return kept.reset_index(drop=True)


def _edge_graph(edges: pd.DataFrame, weight: str) -> nx.Graph:
    """Return the graph of ``edges`` (attributes weight and backbone; all backbone without that column)."""
    graph = nx.Graph()
    backbone = edges["backbone"] if "backbone" in edges.columns else pd.Series(True, index=edges.index)
    for a, b, w, t in zip(edges["term_a"], edges["term_b"], edges[weight], backbone):
        graph.add_edge(a, b, weight=float(w), backbone=bool(t))
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


def _draw_edges(ax: Axes, graph: nx.Graph, positions: Mapping, edge_color: str) -> None:
    """Draw backbone edges solid and the further links dashed and lighter, width growing with weight."""
    largest_edge = max(w for _, _, w in graph.edges(data="weight"))
    for backbone, style, alpha in ((True, "solid", 0.6), (False, "dashed", 0.35)):
        edge_list = sorted(
            (min(u, v), max(u, v), d["weight"]) for u, v, d in graph.edges(data=True) if d["backbone"] == backbone
        )
        if edge_list:
            nx.draw_networkx_edges(
                graph,
                positions,
                ax=ax,
                edgelist=[(u, v) for u, v, _ in edge_list],
                edge_color=edge_color,
                alpha=alpha,
                style=style,
                width=[0.5 + 3.0 * w / largest_edge for _, _, w in edge_list],
            )


def plot_cooccurrence_network(
    edges: pd.DataFrame,
    *,
    top_edges: int = 80,
    n_terms: int = 40,
    backbone: bool = True,
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
        Edges drawn in all (the backbone is kept whole even if longer).
    n_terms : int, default 40
        With ``backbone``: the network of the ``n_terms`` most frequent terms.
    backbone : bool, default True
        Draw :func:`cooccurrence_backbone`: the maximum spanning tree of the
        top terms (solid lines) plus their strongest other links (dashed), a
        connected picture.  False: the ``top_edges`` strongest edges of the
        whole table (ties by table order), often many isolated pairs.
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
        Save the figure (PNG, at least 150 dpi, and SVG) through :func:`.base.save_figure`.

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
    _check_edge_table(edges, weight)
    kept = (
        cooccurrence_backbone(edges, n_terms=n_terms, top_edges=top_edges, weight=weight)
        if backbone
        else edges.nlargest(top_edges, weight, keep="first")
    )
    graph = _edge_graph(kept, weight)
    figure, ax = figure_and_axes(ax, figsize)
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.set_title(title or "共现网络 (no edges)")
        save_figure(figure, path, dpi)
        return ax
    positions = component_layout(graph, seed)
    names = sorted(graph.nodes)
    strength = dict(graph.degree(weight="weight"))
    _draw_edges(ax, graph, positions, edge_color)
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
    if backbone:
        note += "; solid = maximum spanning tree (each term's strongest tie), dashed = further strongest links"
    if max_labels is not None and len(names) > max_labels:
        note += f"; labels: the {max_labels} largest nodes"
    ax.set_xlabel(
        wrap_to_width(figure, note, 8, limit=ax.get_window_extent(renderer(figure)).width), fontsize=8, color="#555555"
    )
    default = (
        f"共现网络 (co-occurrence of the {len(names)} most frequent terms: backbone + strongest links, by {weight})"
        if backbone
        else f"共现网络 (co-occurrence, top {graph.number_of_edges()} edges by {weight})"
    )
    ax.set_title(title or default)
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
