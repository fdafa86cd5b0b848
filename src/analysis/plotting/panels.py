"""Small multiples: a grid of panels (one per term) with one title, one y label and one legend."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure, SubFigure

from .base import new_figure, save_figure, use_chinese_font
from .labelling import wrap_to_width

__all__ = ["finish_panels", "panel_grid"]

#: Width and height of one panel, inches.
PANEL_SIZE = (2.6, 1.9)


def panel_grid(
    n_panels: int, ncols: int, *, sharey: bool, figure: Figure | SubFigure | None = None
) -> tuple[Figure | SubFigure, np.ndarray]:
    """Return a figure and its ``nrows x ncols`` array of panels sharing the x axis.

    A new figure is sized at :data:`PANEL_SIZE` per panel (plus 0.6 inch for
    the title); a given ``figure`` (or subfigure) is drawn into as it is.
    """
    use_chinese_font()
    nrows = max(1, math.ceil(n_panels / ncols))
    if figure is None:
        figure = new_figure((PANEL_SIZE[0] * ncols, PANEL_SIZE[1] * nrows + 0.6), layout=None)
    return figure, figure.subplots(nrows, ncols, sharex=True, sharey=sharey, squeeze=False)


def finish_panels(
    figure: Figure | SubFigure,
    axes: np.ndarray,
    n_used: int,
    ylabel: str,
    title: str,
    path: str | os.PathLike[str] | None,
    dpi: int,
    legend: tuple[Sequence[Any], Sequence[str]] | None = None,
) -> Figure | SubFigure:
    """Hide unused panels, label, lay out and save a small-multiples figure; return the figure.

    ``legend`` (handles, labels) is drawn once for the figure: in the first
    unused panel if there is one, else under the panels.  A figure without a
    layout engine is laid out with ``tight_layout``; one with an engine (e.g.
    a caller's constrained-layout figure) keeps it.
    """
    panels = list(axes.flat)
    for ax in panels[:n_used]:
        ax.tick_params(labelsize=7)
    for ax in panels[n_used:]:
        ax.set_axis_off()
    _label_lowest_panels(panels, axes.shape[1], n_used)
    root: Figure = figure.get_figure(root=True) if isinstance(figure, SubFigure) else figure
    figure.supylabel(ylabel, fontsize=9)
    figure.suptitle(wrap_to_width(root, title, 11), fontsize=11)
    rect = (0.0, 0.0, 1.0, 1.0)
    if legend is not None:
        handles, labels = legend
        if n_used < len(panels):
            panels[n_used].legend(handles, labels, loc="center", frameon=False, fontsize=8)
        else:
            figure.legend(handles, labels, loc="lower center", ncol=len(handles), frameon=False, fontsize=8)
            rect = (0.0, 0.45 / root.get_figheight(), 1.0, 1.0)
    if root.get_layout_engine() is None and figure is root:
        root.tight_layout(rect=rect)
    save_figure(root, path, dpi)
    return figure


def _label_lowest_panels(panels: list, ncols: int, n_used: int) -> None:
    """Show year labels under the lowest used panel of every column (not only the bottom row)."""
    for col in range(min(ncols, n_used)):
        lowest = panels[max(range(col, n_used, ncols))]
        lowest.tick_params(labelbottom=True)
