"""Checks shared by the plotting tests: glyphs render, nothing is cut off, PNGs are written, labels do not overlap."""

from __future__ import annotations

import warnings
from pathlib import Path

from matplotlib.figure import Figure
from PIL import Image


def render(figure: Figure) -> list[str]:
    """Draw with Agg and return the messages of all warnings raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.canvas.draw()
    return [str(w.message) for w in caught]


def missing_glyphs(messages: list[str]) -> list[str]:
    return [m for m in messages if "missing from font" in m]


def assert_renders_cleanly(figure: Figure) -> None:
    assert isinstance(figure, Figure)
    assert missing_glyphs(render(figure)) == []
    # Everything drawn (titles, tick labels, legends) lies on the canvas:
    # no label is cut off at the figure edge.
    drawn = figure.get_tightbbox(figure.canvas.get_renderer())  # inches
    canvas = figure.bbox_inches
    tolerance = 1 / figure.dpi  # one pixel
    assert drawn.x0 >= canvas.x0 - tolerance and drawn.y0 >= canvas.y0 - tolerance, drawn
    assert drawn.x1 <= canvas.x1 + tolerance and drawn.y1 <= canvas.y1 + tolerance, drawn


def assert_png(path: Path) -> None:
    assert path.is_file()
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert min(image.info["dpi"]) >= 149.5
        assert image.width > 300 and image.height > 300


def text_boxes(figure: Figure, texts) -> list:
    renderer = figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in texts]


def overlapping_pairs(boxes, tolerance: float = 1.0) -> list[tuple[int, int]]:
    pairs = []
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance:
                pairs.append((i, j))
    return pairs
