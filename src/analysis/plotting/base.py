"""Figure plumbing shared by every plot: the CJK font, figure/axes creation, saving.

Matplotlib's default font (DejaVu Sans) has no Chinese glyphs: labels come
out as empty boxes with "Glyph ... missing from font" warnings, and
``wordcloud`` needs an explicit font file.  This module is the one place
that fixes that, using the Noto Sans CJK SC font shipped inside the PyPI
package ``mplfonts`` (a project dependency), so nothing has to be installed
on the system.

Figures are created without pyplot (so they are not kept alive by pyplot's
registry and a notebook shows each figure once).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import matplotlib as mpl
import seaborn as sns
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = [
    "CJK_FONT_FILE",
    "FIGURE_FORMATS",
    "LEVEL_COLORS",
    "MIN_DPI",
    "SVG_FONTTYPE",
    "cjk_font_path",
    "figure_and_axes",
    "new_figure",
    "save_figure",
    "use_chinese_font",
]

#: Font file inside the ``mplfonts`` package: Simplified Chinese with full
#: Latin coverage, so mixed labels (5G网络, 2020年) use a single typeface.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
#: Lowest resolution for saved PNGs.
MIN_DPI = 150

#: One colour per level of government, shared by all
#: notebooks so a level keeps its colour across figures (colour-blind-safe Okabe-Ito).
LEVEL_COLORS = {
    "central": "#D55E00",
    "ministry": "#E69F00",
    "provincial": "#0072B2",
    "prefecture": "#009E73",
    "county": "#CC79A7",
}

_registered_family: str | None = None
#: Formats :func:`save_figure` writes by default: PNG for the report pages and
#: notebooks, SVG for print and editing.
FIGURE_FORMATS = ("png", "svg")
#: How SVG files carry text.  "path" embeds every glyph's outline, so Chinese
#: renders on any viewer; "none" would keep text as text (selectable, smaller) but
#: the viewer must have the font, and ours comes from a pip package (mplfonts), not
#: the system, so most viewers would substitute another font or show boxes.
SVG_FONTTYPE = "path"


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
        raise ModuleNotFoundError("the 'mplfonts' package (bundled CJK fonts) is required: pip install mplfonts")
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
    # matplotlib's stubs list every rc key as a literal; these three are valid keys.
    mpl.rcParams.update(_font_rc(_registered_family))  # type: ignore[arg-type]
    return _registered_family


# --------------------------------------------------------------------------
# Figure plumbing
# --------------------------------------------------------------------------


def new_figure(
    figsize: tuple[float, float], layout: Literal["constrained", "compressed", "tight"] | None = "constrained"
) -> Figure:
    """A Figure outside pyplot's registry, with the CJK font configured."""
    use_chinese_font()
    figure = Figure(figsize=figsize, layout=layout)
    FigureCanvasAgg(figure)  # attaches itself: fig.canvas.draw() and savefig work
    return figure


def figure_and_axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """``(ax.figure, ax)`` when an axes is given, else a new figure with one axes."""
    use_chinese_font()
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    figure = new_figure(figsize)
    return figure, figure.add_subplot()


def save_figure(
    figure: Figure, path: str | os.PathLike[str] | None, dpi: int = MIN_DPI, formats: Iterable[str] | None = None
) -> list[Path]:
    """Save ``figure`` at ``dpi >= 150`` (raster formats); nothing when ``path`` is None.

    A path with a suffix (``x.png``) is written as given, and the same stem in
    every format of ``formats`` (default :data:`FIGURE_FORMATS`: PNG and SVG;
    ``formats=("png",)`` for PNG only).  SVG text is drawn as glyph outlines
    (:data:`SVG_FONTTYPE`), so Chinese renders without the font installed.

    Returns
    -------
    list of Path
        The files written, the given path first.
    """
    if path is None:
        return []
    path = Path(path)
    targets = [path] if path.suffix else []
    for fmt in FIGURE_FORMATS if formats is None else formats:
        target = path.with_suffix(f".{fmt}")
        if target not in targets:
            targets.append(target)
    for target in targets:
        _save_one(figure, target, dpi)
    return targets


def _save_one(figure: Figure, path: Path, dpi: int) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    # bbox_inches="tight" grows the canvas rather than clipping long labels.
    # A fixed hash salt and no date keep SVG files identical from run to run.
    metadata = {"Date": None} if path.suffix.lower() == ".svg" else None
    with mpl.rc_context({"svg.fonttype": SVG_FONTTYPE, "svg.hashsalt": "analysis"}):
        figure.savefig(path, dpi=max(int(dpi), MIN_DPI), bbox_inches="tight", facecolor="white", metadata=metadata)
