"""OFD (GB/T 33190, the national fixed-layout format for e-government documents) to text, with the standard library.

An OFD file is a zip of XML: ``OFD.xml`` names each document's ``Document.xml``
(``DocBody/DocRoot``), which lists its pages (``Pages/Page@BaseLoc``); each page's
``Content.xml`` holds ``TextObject`` elements (a ``Boundary`` box "x y w h" in mm) with
``TextCode`` runs placed at ``X``/``Y`` (the baseline) inside that box.  Runs are grouped
into lines by baseline and read top to bottom, left to right; the lines then go through the
same furniture removal and reflow as PDF (:mod:`analysis.io.layout`).  Content a page takes
from a template (``Template``: letterheads, running headers), annotations and signatures
(seals) are not read.  A run repeated at the same place (fake bold) is kept once.

The standard library reads the text layer directly, so no dependency is added (``easyofd``
and ``ofdparser`` exist on PyPI; neither was evaluated).
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from .errors import CorpusError
from .layout import Line, Page, PagedText, paged_text

__all__ = ["read_ofd"]

NS = {"ofd": "http://www.ofdspec.org/2016"}
# a text run: x, baseline y, font size, text, width (mm)
_Run = tuple[float, float, float, str, float]
# runs of the same text closer than this (mm) are one run drawn twice
_SAME_RUN = 0.5
# A4 in mm, the page size when neither the page nor the document gives one
_A4 = (210.0, 297.0)


def read_ofd(path: str | os.PathLike) -> PagedText:
    """The text of an OFD file's first document, one text per page; returns a :class:`~analysis.io.layout.PagedText`.

    Raises CorpusError naming the file when it is not a zip, lacks ``OFD.xml`` or a part it
    names, holds malformed XML, or has no text on any page.
    """
    p = Path(path)
    try:
        with zipfile.ZipFile(p) as z:
            pages, no_text = _read_pages(z)
    except zipfile.BadZipFile:
        raise CorpusError(p, "not a readable OFD (not a zip package)") from None
    except KeyError as e:
        raise CorpusError(p, f"not a readable OFD (missing part {e.args[0]})") from None
    except ET.ParseError as e:
        raise CorpusError(p, f"not a readable OFD (malformed XML: {e})") from None
    if not any(page.lines for page in pages):
        reason = f"no text layer (scanned?): {len(pages)} pages; OCR is not done" if no_text else "no text"
        raise CorpusError(p, reason)
    return paged_text(pages, no_text)


def _part(z: zipfile.ZipFile, base: str, loc: str) -> tuple[str, ET.Element]:
    """(name, root element) of the part ``loc`` names, relative to the folder of ``base`` (or absolute)."""
    loc = loc.strip()
    name = loc.lstrip("/") if loc.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(base), loc))
    return name, ET.fromstring(_read_part(z, name))


def _read_part(z: zipfile.ZipFile, name: str) -> bytes:
    """The bytes of part ``name``; KeyError naming the part when the package lacks it."""
    try:
        return z.read(name)
    except KeyError:
        raise KeyError(name) from None


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    nums = [float(v) for v in (text or "").split()]
    return (nums[0], nums[1], nums[2], nums[3]) if len(nums) == 4 else None


def _read_pages(z: zipfile.ZipFile) -> tuple[list[Page], list[int]]:
    """The pages of the first document, and the 1-based numbers of pages with images and no text."""
    root = ET.fromstring(_read_part(z, "OFD.xml"))
    doc_root = root.find("ofd:DocBody/ofd:DocRoot", NS)
    if doc_root is None or not (doc_root.text or "").strip():
        raise KeyError("OFD.xml DocBody/DocRoot")
    doc_name, document = _part(z, "OFD.xml", doc_root.text or "")
    default = _box(document.findtext("ofd:CommonData/ofd:PageArea/ofd:PhysicalBox", namespaces=NS))
    pages, no_text = [], []
    for number, ref in enumerate(document.findall("ofd:Pages/ofd:Page", NS), start=1):
        _name, content = _part(z, doc_name, ref.get("BaseLoc", ""))
        box = _box(content.findtext("ofd:Area/ofd:PhysicalBox", namespaces=NS)) or default
        width, height = (box[2], box[3]) if box else _A4
        lines = _lines(content)
        if not lines and content.find(".//ofd:ImageObject", NS) is not None:
            no_text.append(number)
        pages.append(Page(width, height, lines))
    return pages, no_text


def _advance(delta: str | None, n: int, size: float) -> float:
    """Width in mm of ``n`` glyphs: the ``DeltaX`` steps ("g 3 4.5" repeats 4.5 three times) plus one glyph."""
    steps: list[float] = []
    tokens = (delta or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            steps.extend([float(tokens[i + 2])] * int(tokens[i + 1]))
            i += 3
        else:
            steps.append(float(tokens[i]))
            i += 1
    if len(steps) < n - 1:
        steps.extend([size] * (n - 1 - len(steps)))
    return sum(steps[: n - 1]) + size


def _lines(content: ET.Element) -> list[Line]:
    """The page's text runs grouped into lines by baseline, top to bottom, each line left to right."""
    runs: dict[str, list[_Run]] = {}
    for obj in content.iterfind(".//ofd:TextObject", NS):
        box = _box(obj.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
        size = float(obj.get("Size", "3.5"))
        for code in obj.iterfind("ofd:TextCode", NS):
            text = code.text or ""
            if not text.strip():
                continue
            x = box[0] + float(code.get("X", "0"))
            y = box[1] + float(code.get("Y", "0"))
            # a run drawn twice at almost the same place (fake bold) is one run
            if any(abs(x - r[0]) < _SAME_RUN and abs(y - r[1]) < _SAME_RUN for r in runs.get(text, [])):
                continue
            runs.setdefault(text, []).append((x, y, size, text, _advance(code.get("DeltaX"), len(text), size)))
    ordered = sorted((r for same in runs.values() for r in same), key=lambda r: (r[1], r[0]))
    lines: list[Line] = []
    group: list[_Run] = []
    for run in ordered:
        if group and abs(run[1] - group[0][1]) > 0.3 * group[0][2]:
            lines.append(_line(group))
            group = []
        group.append(run)
    if group:
        lines.append(_line(group))
    return lines


def _line(runs: list[_Run]) -> Line:
    """One line of runs, left to right; its box from the first run's start to the last run's end."""
    runs = sorted(runs)
    size = max(r[2] for r in runs)
    text = "".join(r[3] for r in runs)
    return Line(re.sub(r"\s+", " ", text), runs[0][0], runs[-1][0] + runs[-1][4], runs[0][1] - size, runs[0][1])
