"""Lines placed on pages into page texts: running headers, footers and page numbers removed by position, lines reflowed.

Fixed-layout formats (PDF, OFD) give text as lines with positions.  This module turns
them into one text per page, the same for every such format:

* **Page furniture by position.**  A line in the top or bottom band of the page
  (:data:`MARGIN_BAND` of its height) that recurs at the same height on at least half
  the pages (and on two or more) is a running header, footer or page number, and is
  dropped.  Lines are compared with their digits masked, so "- 1 -" and "- 2 -" are
  the same footer; nothing is removed for what its text says, only for where it
  recurs, and a one-page file keeps all its lines.
* **Reflow.**  A printed paragraph wraps at the right margin.  A line that reaches the
  right edge of the text block (within 1.5 character heights; a block narrower than half
  the page is not wrapped) and does not end a sentence continues on the next line, unless
  that one is indented (a new paragraph);
  the two are joined without a line break, also across a page break.  Headings and the
  last line of a paragraph stop short of the margin and keep their line breaks.
* **Letter spacing.**  A gap between two Chinese characters of one printed line is spacing
  (a title set "通  知", a justified line), not a word break: it is dropped.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..chars import CJK

__all__ = ["MARGIN_BAND", "Line", "Page", "PagedText", "furniture_lines", "page_texts", "paged_text"]

#: Share of the page height at the top and at the bottom where running headers and footers sit.
MARGIN_BAND = 0.1
# A recurring line may move this share of the page height between pages and still be "the same place".
_SAME_PLACE = 0.02
# Characters that end a sentence: a line ending in one is not continued on the next line.
_SENTENCE_END = tuple("。!?;:!?;:")
_SPACED_CJK = re.compile(f"(?<=[{CJK}])\\s+(?=[{CJK}])")


@dataclass(frozen=True)
class Line:
    """One printed line: its text and its box in points, ``top`` measured down from the top of the page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Page:
    """The lines of one page in reading order, and the page size in points."""

    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class PagedText:
    """The text a paged file (PDF, OFD) gave.

    ``pages`` holds one text per page (``"".join(pages)`` is the file's text; see
    :func:`page_texts`); ``no_text`` the 1-based numbers of pages that hold an image but no
    text (scans: OCR is not done); ``furniture`` the (page number, text) of the running
    headers, footers and page numbers removed (:func:`furniture_lines`).
    """

    pages: list[str]
    no_text: list[int] = field(default_factory=list)
    furniture: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole file's text."""
        return "".join(self.pages)


def _band(line: Line, page: Page) -> str:
    if line.bottom <= page.height * MARGIN_BAND:
        return "top"
    if line.top >= page.height * (1 - MARGIN_BAND):
        return "bottom"
    return ""


def furniture_lines(pages: list[Page]) -> set[tuple[int, int]]:
    """(page index, line index) of the running headers, footers and page numbers of a paged file.

    Returns the lines in a margin band whose text (digits masked) recurs in the same band at
    the same height (within 2% of the page height) on at least half the pages, and on two or more.
    """
    need = max(2, math.ceil(len(pages) / 2))
    seen: dict[tuple[str, str], list[tuple[int, int, float]]] = defaultdict(list)
    for p, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            band = _band(line, page)
            if band:
                key = (band, re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)))
                seen[key].append((p, i, line.top / page.height))
    found: set[tuple[int, int]] = set()
    for places in seen.values():
        tops = sorted(t for _p, _i, t in places)
        # the most common height: the run of tops that lie within _SAME_PLACE of each other
        best = max(((a, sum(1 for t in tops if a <= t <= a + _SAME_PLACE)) for a in tops), key=lambda x: x[1])
        at = [(p, i) for p, i, t in places if best[0] <= t <= best[0] + _SAME_PLACE]
        if len({p for p, _i in at}) >= need:
            found.update(at)
    return found


def paged_text(pages: list[Page], no_text: list[int] | None = None) -> PagedText:
    """The :class:`PagedText` of laid-out pages: :func:`page_texts` and the furniture lines they dropped."""
    drop = furniture_lines(pages)
    removed = [(p + 1, pages[p].lines[i].text) for p, i in sorted(drop)]
    return PagedText(page_texts(pages, drop), list(no_text or []), removed)


def page_texts(pages: list[Page], drop: set[tuple[int, int]] | None = None) -> list[str]:
    """One text per page, furniture removed (``drop``, default :func:`furniture_lines`) and wrapped lines rejoined.

    Returns the page texts; ``"".join(...)`` of them is the file's text: a page ends with
    a line break unless its last line runs on to the next page.
    """
    drop = furniture_lines(pages) if drop is None else drop
    body = [[ln for i, ln in enumerate(page.lines) if (p, i) not in drop] for p, page in enumerate(pages)]
    flat = [ln for lines in body for ln in lines]
    if not flat:
        return ["" for _ in pages]
    right = max(ln.x1 for ln in flat)
    left = min(ln.x0 for ln in flat)
    if right - left < 0.5 * max(page.width for page in pages):
        right = math.inf  # no line is that wide: short lines (a list, a form) are not wrapped text
    size = sorted(ln.bottom - ln.top for ln in flat)[len(flat) // 2]
    texts = []
    for k, lines in enumerate(body):
        next_first = body[k + 1][0] if k + 1 < len(body) and body[k + 1] else None
        parts = []
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else next_first
            runs_on = nxt is not None and _runs_on(line, nxt, right, left, size)
            text = _SPACED_CJK.sub("", line.text.strip())
            parts.append(text + _joiner(line, nxt) if runs_on else text + "\n")
        texts.append("".join(parts))
    return texts


def _runs_on(line: Line, nxt: Line, right: float, left: float, size: float) -> bool:
    """Whether ``line`` wraps into ``nxt``: it reaches the right margin, ends no sentence, ``nxt`` is not indented."""
    text = line.text.rstrip()
    if not text or text.endswith(_SENTENCE_END):
        return False
    return line.x1 >= right - 1.5 * size and nxt.x0 <= left + 1.0 * size


def _joiner(line: Line, nxt: Line | None) -> str:
    """ "" between wrapped Chinese, a space between two Latin words split by the wrap."""
    a, b = line.text.rstrip()[-1:], (nxt.text.lstrip()[:1] if nxt else "")
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""
