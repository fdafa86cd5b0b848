"""Text on figures: point labels placed with ``adjustText`` and titles wrapped to the figure width."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

__all__ = ["DEFAULT_ITERATIONS", "place_labels", "renderer", "top_by", "wrap_to_width"]

#: adjustText iterations per call.  A fixed count, never a time limit: a time
#: limit would stop at a different step on a slower machine and the picture
#: would change from run to run.
DEFAULT_ITERATIONS = 100

#: Signature of ``avoid``: returns boxes in display pixels, one ``(x0, y0, x1, y1)`` row each.
Obstacles = Callable[[], np.ndarray]
#: Most (labels x obstacles) pairs handed to adjustText: its overlap search
#: grows with the square of that product, so beyond it the extra obstacles from
#: ``avoid`` (e.g. arrows) are left out and labels avoid only markers and each other.
OBSTACLE_BUDGET = 20_000
#: Labels closer than this to their point (pixels) are not pulled back towards it:
#: adjustText's default (10) fights the push off the marker and never settles.
PULL_THRESHOLD_PX = 40


def renderer(figure: Figure) -> RendererBase:
    """Return the renderer of ``figure``'s canvas (text sizes are measured with it)."""
    canvas = figure.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return figure._get_renderer()  # type: ignore[attr-defined]


def wrap_to_width(figure: Figure, text: str, fontsize: float, limit: float | None = None) -> str:
    """Return ``text`` broken after "; " or before " (" so every line fits the figure width.

    ``limit`` is the width in display pixels (default 96 % of the figure's width).
    """
    render = renderer(figure)
    limit = 0.96 * figure.get_figwidth() * figure.dpi if limit is None else limit
    probe = figure.text(0, 0, "", fontsize=fontsize)

    def width(line: str) -> float:
        probe.set_text(line)
        return probe.get_window_extent(render).width

    lines: list[str] = []
    for piece in re.split(r"(?<=; )|(?= \()", text):
        if lines and width(lines[-1] + piece) > limit:
            lines.append(piece.lstrip())
        elif lines:
            lines[-1] += piece
        else:
            lines.append(piece)
    probe.remove()
    return "\n".join(line.rstrip() for line in lines)


def _unit_vectors(directions: np.ndarray) -> np.ndarray:
    """Return ``directions`` scaled to length 1; (0, 0) becomes "up"."""
    unit = np.asarray(directions, dtype=float).reshape(-1, 2).copy()
    unit[np.hypot(unit[:, 0], unit[:, 1]) < 1e-9] = (0.0, 1.0)
    return unit / np.hypot(unit[:, 0], unit[:, 1])[:, None]


def _start_centres(anchors: np.ndarray, half: np.ndarray, unit: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """Return label centres (pixels) just outside their markers, along ``unit``.

    ``reach`` is the marker radius plus the gap (pixels); the box's own half
    size along the direction is added so its edge, not its centre, sits there.
    """
    with np.errstate(divide="ignore"):
        to_edge = np.minimum(
            np.where(unit[:, 0] != 0, half[:, 0] / np.abs(unit[:, 0]), np.inf),
            np.where(unit[:, 1] != 0, half[:, 1] / np.abs(unit[:, 1]), np.inf),
        )
    return anchors + unit * (reach + to_edge)[:, None]


def _data_boxes(ax: Axes, boxes: np.ndarray) -> list[Bbox]:
    """Return pixel boxes (m x 4: x0, y0, x1, y1) in data coordinates, the unit adjustText expects."""
    inverse = ax.transData.inverted()
    found = []
    for x0, y0, x1, y1 in np.asarray(boxes, dtype=float).reshape(-1, 4):
        (a, b), (c, d) = inverse.transform([(x0, y0), (x1, y1)])
        found.append(Bbox.from_extents(min(a, c), min(b, d), max(a, c), max(b, d)))
    return found


def _leader_lines(
    ax: Axes, texts: Sequence[Text], anchors: np.ndarray, radius: np.ndarray, threshold: np.ndarray, color: str
) -> None:
    """Join every label farther than ``threshold`` pixels from its marker centre to the marker's rim."""
    render = renderer(ax.figure)  # type: ignore[arg-type]
    inverse = ax.transData.inverted()
    for i, text in enumerate(texts):
        box = text.get_window_extent(render)
        nearest = np.clip(anchors[i], (box.x0, box.y0), (box.x1, box.y1))
        offset = nearest - anchors[i]
        distance = float(np.hypot(*offset))
        if distance > threshold[i]:
            begin = anchors[i] + offset / distance * radius[i]
            (bx, by), (ex, ey) = inverse.transform(begin), inverse.transform(nearest)
            line = Line2D([bx, ex], [by, ey], color=color, linewidth=0.6, zorder=5)
            line.set_in_layout(False)
            ax.add_line(line)


def place_labels(
    ax: Axes,
    points: np.ndarray,
    labels: Sequence[str],
    *,
    marker_radius_pt: np.ndarray,
    directions: np.ndarray,
    fontsize: float,
    colors: Sequence[str] | None = None,
    gap_pt: float = 1.5,
    leader_color: str = "#888888",
    always_lead: bool = False,
    avoid: Obstacles | None = None,
    iterations: int = DEFAULT_ITERATIONS,
) -> list[Text]:
    """Write ``labels`` next to ``points`` (data coordinates) and move them apart with ``adjustText``.

    Each label starts just outside its marker on the side given by
    ``directions`` (display-space vectors; (0, 0) means above).  Then
    :func:`adjustText.adjust_text` pushes labels off each other and off every
    marker (and off the boxes ``avoid`` returns, e.g. pieces of arrows, as
    long as labels x obstacles stays within :data:`OBSTACLE_BUDGET`),
    for at most ``iterations`` steps: a fixed step count keeps the
    result the same on every machine, and bounds the cost (each step is about
    quadratic in the number of labels; callers label at most a few hundred
    points).  A thin leader line joins a label that moved away to its marker
    (with ``always_lead``, every label, which tells neighbours in a crowded
    row apart).

    Axis limits must be fixed before the call (labels are positioned in data
    coordinates for the current layout); labels are kept out of the layout
    engine, so they cannot change it.

    Returns
    -------
    list of matplotlib.text.Text
        The label artists, in the order of ``labels``.
    """
    from adjustText import adjust_text  # imports pyplot and scipy: only when labels are placed

    figure: Figure = ax.figure  # type: ignore[assignment]
    figure.canvas.draw()  # settle the layout: the data -> pixel transform is final
    render = renderer(figure)
    px_per_pt = figure.dpi / 72.0
    anchors = ax.transData.transform(np.asarray(points, dtype=float).reshape(-1, 2))
    texts = [_new_label(ax, label, fontsize, colors[i] if colors else "black") for i, label in enumerate(labels)]
    if not texts:
        return texts
    sizes = np.array([[bb.width, bb.height] for bb in (t.get_window_extent(render) for t in texts)])
    radius = np.asarray(marker_radius_pt, dtype=float) * px_per_pt
    gap = gap_pt * px_per_pt
    start = _start_centres(anchors, sizes / 2 + 1.0, _unit_vectors(directions), radius + gap)
    inverse = ax.transData.inverted()
    for text, centre in zip(texts, start):
        text.set_position(tuple(inverse.transform(centre)))
    reach = (radius + gap / 2)[:, None]
    boxes = np.hstack([anchors - reach, anchors + reach])
    if avoid is not None:
        extra = np.asarray(avoid(), dtype=float).reshape(-1, 4)
        if len(texts) * (len(boxes) + len(extra)) <= OBSTACLE_BUDGET:
            boxes = np.vstack([boxes, extra])
    xy = np.asarray(points, dtype=float).reshape(-1, 2)
    adjust_text(
        texts,
        ax=ax,
        objects=_data_boxes(ax, boxes),
        avoid_self=False,
        target_x=xy[:, 0],
        target_y=xy[:, 1],
        iter_lim=iterations,
        pull_threshold=PULL_THRESHOLD_PX,
        force_explode=0.0,
        ensure_inside_axes=True,
        prevent_crossings=len(texts) <= 60,
    )
    threshold = radius + (1.0 if always_lead else gap_pt + 1.5) * px_per_pt
    _leader_lines(ax, texts, anchors, radius, threshold, leader_color)
    return texts


def _new_label(ax: Axes, label: str, fontsize: float, color: str) -> Text:
    """Return a centred label with a white backing, outside the layout engine."""
    text = ax.text(
        0,
        0,
        label,
        ha="center",
        va="center",
        fontsize=fontsize,
        zorder=6,
        color=color,
        clip_on=False,
        bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
    )
    text.set_in_layout(False)
    return text


def top_by(values: Sequence[Any], limit: int | None) -> list[int]:
    """Return the indices of the ``limit`` largest ``values`` (ties: first index first), in index order."""
    order = sorted(range(len(values)), key=lambda i: (-float(values[i]), i))
    return sorted(order if limit is None else order[: max(0, limit)])
