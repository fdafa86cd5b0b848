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

import importlib.util
import math
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import matplotlib as mpl
import networkx as nx
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

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

#: Font file inside the ``mplfonts`` package: Simplified Chinese with full
#: Latin coverage, so mixed labels (5G网络, 2020年) use a single typeface.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
#: Lowest resolution for saved PNGs.
MIN_DPI = 150

#: Levels of government from the top down, and one colour each, shared by all
#: notebooks so a level keeps its colour across figures (colour-blind-safe Okabe-Ito).
LEVEL_ORDER = ("central", "ministry", "provincial", "prefecture", "county")
LEVEL_COLORS = {
    "central": "#D55E00",
    "ministry": "#E69F00",
    "provincial": "#0072B2",
    "prefecture": "#009E73",
    "county": "#CC79A7",
}

_registered_family: str | None = None


def doc_label(corpus: pd.DataFrame, width: int = 18) -> pd.Series:
    """Short labels for documents in figures: "2019 河北 加快推进新型智慧城市建设的指导意见".

    Year, then the region (or, for national documents, the first issuing body),
    then the short title cut to ``width`` characters.
    """
    def body(issuer: str) -> str:
        first = issuer.split(" ")[0] if issuer else "全国"
        first = re.sub(r"(办公厅|办公室|秘书局)$", "", first)
        return first if len(first) <= 9 else first[:8] + "…"

    who = [body(iss) if reg in ("全国", "") else reg for reg, iss in zip(corpus["region"], corpus["issuer"])]
    st = corpus["short_title"] if "short_title" in corpus else corpus["title"]
    cut = [t if len(t) <= width else t[: width - 1] + "…" for t in st]
    return pd.Series([f"{y} {w} {t}" for y, w, t in zip(corpus["year"], who, cut)], index=corpus.index)


def cjk_font_path() -> str:
    """Return the path of the CJK font bundled with ``mplfonts``.

    The package is located without importing it (importing ``mplfonts``
    would run its own font-management code).

    Returns
    -------
    str
        Absolute path of ``NotoSansCJKsc-Regular.otf``, e.g. for
        ``wordcloud.WordCloud(font_path=cjk_font_path())``.

    Raises
    ------
    ModuleNotFoundError
        If ``mplfonts`` is not installed.
    FileNotFoundError
        If the installed ``mplfonts`` does not contain the font.
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "the 'mplfonts' package (bundled CJK fonts) is required: pip install mplfonts"
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "fonts" / CJK_FONT_FILE
        if candidate.is_file():
            return str(candidate)
    raise FileNotFoundError(f"{CJK_FONT_FILE} not found in mplfonts at {spec.submodule_search_locations}")


def _font_rc(family: str) -> dict[str, Any]:
    current = [name for name in mpl.rcParams["font.sans-serif"] if name != family]
    return {
        "font.family": ["sans-serif"],
        # CJK font first; the others remain as per-glyph fallbacks.
        "font.sans-serif": [family, *current],
        # Noto CJK lacks U+2212 (minus sign); use the ASCII hyphen.
        "axes.unicode_minus": False,
    }


def use_chinese_font(seaborn_style: str | None = None) -> str:
    """Make matplotlib and seaborn render Chinese text with the bundled font.

    Registers the font with matplotlib's font manager (once per process) and
    sets ``font.family``, ``font.sans-serif`` and ``axes.unicode_minus`` in
    ``matplotlib.rcParams``.  Safe to call repeatedly.  ``seaborn.set_theme``
    resets the font list, so either call this after it or let this function
    call it: ``use_chinese_font("whitegrid")``.  The ``plot_*`` helpers call
    it themselves.

    Parameters
    ----------
    seaborn_style : str, optional
        If given, apply ``seaborn.set_theme(style=seaborn_style)`` with the
        Chinese font settings.

    Returns
    -------
    str
        The font family name ("Noto Sans CJK SC").
    """
    global _registered_family
    if _registered_family is None:
        path = cjk_font_path()
        font_manager.fontManager.addfont(path)
        _registered_family = font_manager.FontProperties(fname=path).get_name()
    if seaborn_style is not None:
        sns.set_theme(style=seaborn_style, rc=_font_rc(_registered_family))
    mpl.rcParams.update(_font_rc(_registered_family))
    return _registered_family


# --------------------------------------------------------------------------
# Figure plumbing
# --------------------------------------------------------------------------


def _figure_and_axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    use_chinese_font()
    if ax is not None:
        return ax.figure, ax
    figure = Figure(figsize=figsize, layout="constrained")
    FigureCanvasAgg(figure)  # attaches itself: fig.canvas.draw() and savefig work
    return figure, figure.add_subplot()


def _save(figure: Figure, path: str | os.PathLike[str] | None, dpi: int) -> None:
    if path is None:
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    # bbox_inches="tight" grows the canvas rather than clipping long labels.
    figure.savefig(path, dpi=max(int(dpi), MIN_DPI), bbox_inches="tight", facecolor="white")


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
    table = freq.pivot(index="term", columns=x, values=value).fillna(0.0)
    if terms is not None:
        table = table.reindex(list(terms), fill_value=0.0)
    else:
        means = table.mean(axis=1).sort_values(ascending=False, kind="mergesort")
        table = table.loc[means.index[:n_terms]]
    figure, ax = _figure_and_axes(
        ax, (max(5.0, 0.75 * table.shape[1] + 2.5), 0.38 * max(len(table), 4) + 1.5)
    )
    sns.heatmap(
        table,
        ax=ax,
        cmap=cmap,
        annot=annot,
        fmt=".1f",
        linewidths=0.5,
        cbar_kws={"label": "每万字出现次数 (per 10,000 characters)" if value == "rate_per_10k" else value},
    )
    ax.set_ylabel("")
    ax.set_xlabel(x)
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


def _component_layout(graph: "nx.Graph", seed: int) -> dict:
    """Positions with each connected component laid out on its own and packed in a grid.

    One spring layout over a disconnected graph pushes small components to the
    rim and crushes the large one; laying out components separately (largest
    first, cell size growing with component size) keeps every label readable.
    """
    comps = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)[0]))
    biggest = len(comps[0])
    cols = max(1, math.ceil(math.sqrt(len(comps))))
    positions = {}
    for idx, comp in enumerate(comps):
        # A subgraph view iterates its node *set*, whose order follows the
        # per-process string hash seed; spring_layout's start depends on node
        # order, so build the component in sorted order to get the same picture every run.
        sub = nx.Graph()
        sub.add_nodes_from(sorted(comp))
        sub.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in graph.subgraph(comp).edges(data=True)))
        if len(comp) <= 2:
            local = {node: (1.1 * i - 0.55, 0.0) for i, node in enumerate(sorted(comp))}
        else:
            local = nx.spring_layout(sub, seed=seed, weight="weight", k=1.2 / math.sqrt(len(comp)))
        scale = 0.35 + 0.65 * math.sqrt(len(comp) / biggest)
        cx, cy = idx % cols, -(idx // cols)
        for node, (x, y) in local.items():
            positions[node] = (cx * 2.4 + x * scale, cy * 2.4 + y * scale)
    return positions


def plot_cooccurrence_network(
    edges: pd.DataFrame,
    *,
    top_edges: int = 80,
    weight: str = "weight",
    seed: int = 42,
    node_color: str = "#f5b041",
    edge_color: str = "#7f8c8d",
    font_size: float = 10,
    title: str | None = None,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
    """Draw a co-occurrence network with a reproducible spring layout.

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
        Seed of ``networkx.spring_layout`` (run per connected component;
        components are packed in a grid, largest first): same input, same
        picture.  Nodes are coloured by community (greedy modularity).
    node_color, edge_color : str
    font_size : float, default 10
    title : str, optional
    ax, path, dpi
        As in :func:`plot_top_terms`.  Node area is proportional to the
        node's summed edge weight.

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
    figure, ax = _figure_and_axes(ax, (9, 7.5))
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.set_title(title or "共现网络 (no edges)")
        _save(figure, path, dpi)
        return figure
    positions = _component_layout(graph, seed)
    strength = dict(graph.degree(weight="weight"))
    largest_node = max(strength.values())
    largest_edge = max(w for _, _, w in graph.edges(data="weight"))
    nx.draw_networkx_edges(
        graph, positions, ax=ax, edge_color=edge_color, alpha=0.5,
        width=[0.5 + 3.5 * w / largest_edge for _, _, w in graph.edges(data="weight")],
    )
    # Colour communities (greedy modularity, deterministic) so term clusters read at a glance.
    # On integer labels in sorted order: with string nodes, tie-breaking follows
    # set iteration order, which changes with Python's per-process hash seed.
    names = sorted(graph.nodes)
    numbered = nx.relabel_nodes(graph, {n: i for i, n in enumerate(names)})
    communities = sorted(
        ({names[i] for i in c} for c in nx.algorithms.community.greedy_modularity_communities(numbered, weight="weight")),
        key=lambda c: (-len(c), sorted(c)[0]),
    )
    palette = ["#f5b041", "#5dade2", "#58d68d", "#ec7063", "#af7ac5", "#48c9b0", "#f4d03f", "#eb984e", "#85929e"]
    colour = {node: palette[i % len(palette)] if len(c) > 1 else node_color
              for i, c in enumerate(communities) for node in c}
    nx.draw_networkx_nodes(
        graph, positions, ax=ax, node_color=[colour[n] for n in graph.nodes], alpha=0.9,
        node_size=[60 + 450 * strength[node] / largest_node for node in graph.nodes],
    )
    nx.draw_networkx_labels(graph, positions, ax=ax, font_size=font_size)
    ax.margins(0.12)  # room for labels of nodes on the rim
    ax.set_axis_off()
    ax.set_title(title or f"共现网络 (co-occurrence, top {graph.number_of_edges()} edges by {weight})")
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


def _finish_panels(figure: Figure, axes: np.ndarray, n_used: int, ylabel: str, title: str,
                   path: str | os.PathLike[str] | None, dpi: int) -> Figure:
    """Hide unused panels, label, lay out and save a small-multiples figure."""
    for ax in list(axes.flat)[:n_used]:
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[n_used:]:
        ax.set_axis_off()
    figure.supylabel(ylabel, fontsize=9)
    figure.suptitle(title, fontsize=11)
    figure.tight_layout()
    _save(figure, path, dpi)
    return figure


def plot_term_timelines(
    timeline: pd.DataFrame,
    terms: Iterable[str] | None = None,
    *,
    value: str = "rate_per_10k",
    ncols: int = 5,
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
    """Small multiples, one panel per term: bars of ``value`` by year.

    ``timeline`` is :func:`analysis.diffusion.term_timeline` output (term,
    year, n_docs, rate_per_10k...).  Bars, not lines: with a handful of
    documents a year a line would invent a trend through years with no
    document, which are marked with a grey "x" at the base instead.  Each
    panel has its own y scale (a few terms such as 新型智慧城市 are 10-50 times
    more frequent than the rest and would flatten every other panel); read the
    tick labels before comparing heights across panels.
    """
    terms = list(terms) if terms is not None else list(dict.fromkeys(timeline["term"]))
    figure, axes = _panel_grid(len(terms), ncols, sharey=False)
    years = sorted(timeline["year"].unique())
    for ax, term in zip(axes.flat, terms):
        t = timeline[timeline["term"] == term].set_index("year").reindex(years)
        observed = t["n_docs"].fillna(0) > 0
        ax.bar([y for y, o in zip(years, observed) if o], t.loc[observed, value], color="#3a6ea5", width=0.8)
        ax.scatter([y for y, o in zip(years, observed) if not o], [0] * int((~observed).sum()),
                   marker="x", s=10, color="#999999", zorder=3)
        ax.set_title(term, fontsize=10)
        peak = float(t[value].max()) if t[value].notna().any() else 0.0
        ax.set_ylim(0, peak * 1.15 if peak > 0 else 1.0)
    for ax in axes[-1]:
        ax.set_xticks(years[:: max(1, len(years) // 5)])
    return _finish_panels(figure, axes, len(terms),
                          "per 10,000 characters" if value == "rate_per_10k" else value,
                          title or "政策术语的年度分布 (term use by year; x = no document that year)", path, dpi)


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
    """
    terms = list(terms) if terms is not None else list(dict.fromkeys(curves["term"]))
    figure, axes = _panel_grid(len(terms), ncols, sharey=True)
    for ax, term in zip(axes.flat, terms):
        c = curves[curves["term"] == term]
        ax.step(c["year"], c["share"], where="post", color="#0072B2")
        ax.fill_between(c["year"], c["share"], step="post", alpha=0.2, color="#0072B2")
        ax.set_title(term, fontsize=10)
        ax.set_ylim(0, 1.05)
    n_j = int(curves["n_jurisdictions"].iloc[0]) if len(curves) else 0
    return _finish_panels(figure, axes, len(terms), f"share of {n_j} local jurisdictions",
                          title or "累计采纳曲线 (cumulative adoption by local jurisdictions)", path, dpi)


def plot_reuse_network(
    graph: "nx.DiGraph",
    *,
    title: str | None = None,
    label_width: int = 10,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
) -> Figure:
    """Draw a reuse network: documents placed by year (x) and level (y), arrows from source to target.

    ``graph`` is :func:`analysis.reuse.reuse_network` output (node attributes
    level, year, title; edge attribute weight = reused characters).  Arrow
    width grows with reused characters; documents without any reuse are drawn
    faint.  Position carries the time order, so an arrow's direction reads
    left to right.
    """
    use_chinese_font()
    levels = [lv for lv in LEVEL_ORDER if any(d.get("level") == lv for _, d in graph.nodes(data=True))]
    rows: dict[tuple, list] = {}
    for node, d in sorted(graph.nodes(data=True), key=lambda x: (x[1].get("year", 0), str(x[0]))):
        rows.setdefault((d.get("level"), d.get("year")), []).append(node)
    pos = {}
    for (lv, year), nodes in rows.items():
        y0 = -levels.index(lv) if lv in levels else -len(levels)
        for i, node in enumerate(nodes):
            pos[node] = (year + 0.18 * (i - (len(nodes) - 1) / 2), y0 + 0.22 * ((i % 3) - 1))
    figure = Figure(figsize=(12, 1.6 * max(2, len(levels)) + 1))
    FigureCanvasAgg(figure)
    ax = figure.subplots()
    linked = {n for e in graph.edges for n in e}
    colours = [LEVEL_COLORS.get(graph.nodes[n].get("level"), "#999999") for n in graph.nodes]
    alphas = [1.0 if n in linked else 0.25 for n in graph.nodes]
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colours, alpha=alphas, node_size=160)
    if graph.number_of_edges():
        wmax = max(w for *_, w in graph.edges(data="weight"))
        nx.draw_networkx_edges(graph, pos, ax=ax, width=[0.6 + 5 * w / wmax for *_, w in graph.edges(data="weight")],
                               edge_color="#555555", alpha=0.7, arrows=True, arrowsize=12,
                               connectionstyle="arc3,rad=0.12", node_size=160)
    labels = {}
    for n in linked:
        t = str(graph.nodes[n].get("short_title") or graph.nodes[n].get("title", n))
        region = graph.nodes[n].get("region", "")
        head = f"{region} " if region and region != "全国" else ""
        body = t if len(t) <= label_width else t[: label_width - 1] + "…"
        labels[n] = head + body
    # Alternate labels above and below their node so neighbours in the same year do not collide.
    for k, n in enumerate(sorted(labels, key=lambda n: pos[n])):
        x, y = pos[n]
        above = k % 2 == 1
        ax.text(x, y + (0.13 if above else -0.13), labels[n], fontsize=7, ha="center",
                va="bottom" if above else "top")
    ax.set_yticks([-i for i in range(len(levels))], levels)
    years = sorted({d.get("year") for _, d in graph.nodes(data=True)})
    ax.set_xticks(years)
    ax.tick_params(left=True, bottom=True, labelleft=True, labelbottom=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.margins(x=0.06, y=0.25)
    ax.set_title(title or "文本复用网络 (passage reuse: source → target, width = reused characters)", fontsize=11)
    figure.tight_layout()
    _save(figure, path, dpi)
    return figure
