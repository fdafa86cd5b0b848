"""PDF to text with pdfplumber: overlapping duplicate glyphs (fake bold) dropped, page furniture removed by position.

Chosen by measuring on the test fixture (``tests/format_fixtures.py``: the 陕西 seed policy,
3,182 characters without whitespace, set on three A4 pages in the project's CJK font, six
headings in fake bold drawn twice 0.4 pt apart, a running header and a page number on every
page).  Characters extracted (whitespace removed), against the 3,182 printed once:

| extractor | characters | headings doubled | headers / page numbers left |
|---|---|---|---|
| pdfminer.six ``extract_text`` | 3,427 | 6 of 6 | 3 / 3 |
| pypdf ``extract_text`` | 3,427 | 6 of 6 | 3 / 3 |
| pdfplumber ``extract_text`` | 3,427 | 6 of 6 | 3 / 3 |
| pdfplumber after ``dedupe_chars`` | 3,227 | 0 | 3 / 3 |
| :func:`read_pdf` (dedupe + :mod:`~analysis.io.layout`) | 3,182 (identical text) | 0 | 0 / 0 |

``dedupe_chars`` drops a glyph that repeats the same character in the same font within
1 pt, so headings come out once ("(二)", not "(二)(二)"); pdfminer.six and pypdf print both
copies.  pdfplumber (built on pdfminer.six) also gives each line's box, which
:mod:`analysis.io.layout` uses to drop running headers, footers and page numbers by their
place on the page and to rejoin lines wrapped at the margin; pypdf gives positions only
through a text-visitor callback, without line boxes.  Cost: about twice pdfminer.six's time.

A page with an image and no text is a scan: its number is returned in
:attr:`~analysis.io.layout.PagedText.no_text` (no OCR is done: nothing may download models);
a file where every page is so raises :class:`~analysis.io.errors.CorpusError`, as do an
encrypted, corrupt or not-PDF file and one whose fonts carry no Unicode mapping.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import CorpusError
from .layout import Line, Page, PagedText, paged_text

__all__ = ["read_pdf"]

# Glyphs of the same character and font closer than this (points) are one glyph drawn twice (fake bold).
DEDUPE_TOLERANCE = 1.0
# pdfminer writes a glyph without a Unicode mapping as "(cid:123)"; above this share the text layer is unreadable.
_MAX_CID_SHARE = 0.2


def read_pdf(path: str | os.PathLike) -> PagedText:
    """The text of a PDF, one text per page; returns a :class:`~analysis.io.layout.PagedText`.

    Raises
    ------
    CorpusError
        Naming the file: encrypted (a password is needed), corrupt or not a PDF, no text
        layer on any page ("no text layer (scanned?): N pages; OCR is not done"), or fonts
        whose glyphs have no Unicode mapping.
    """
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    p = Path(path)
    try:
        with pdfplumber.open(p) as pdf:
            pages, no_text, n_cid, n_chars = [], [], 0, 0
            for number, page in enumerate(pdf.pages, start=1):
                chars = page.chars
                n_chars += len(chars)
                n_cid += sum(1 for c in chars if c["text"].startswith("(cid:"))
                if any(c["text"].strip() for c in chars):
                    pages.append(_page_lines(page))
                else:
                    if page.images:
                        no_text.append(number)
                    pages.append(Page(float(page.width), float(page.height)))
                page.close()  # frees the page's parsed objects: memory stays flat on long files
    except PdfminerException as e:
        raise CorpusError(p, _open_problem(e)) from None
    if n_chars and n_cid > _MAX_CID_SHARE * n_chars:
        raise CorpusError(
            p, f"PDF fonts without Unicode mapping: {n_cid} of {n_chars} characters unreadable; OCR is not done"
        )
    if len(no_text) == len(pages) and pages:
        raise CorpusError(p, f"no text layer (scanned?): {len(pages)} pages; OCR is not done")
    if not pages:
        raise CorpusError(p, "PDF has no pages")
    return paged_text(pages, no_text)


def _page_lines(page) -> Page:
    """The page's lines (duplicate glyphs dropped) with their boxes."""
    deduped = page.dedupe_chars(tolerance=DEDUPE_TOLERANCE)
    lines = [
        Line(d["text"], float(d["x0"]), float(d["x1"]), float(d["top"]), float(d["bottom"]))
        for d in deduped.extract_text_lines(strip=True, return_chars=False)
        if d["text"].strip()
    ]
    return Page(float(page.width), float(page.height), lines)


def _open_problem(error: Exception) -> str:
    """The reason a PDF could not be opened, in words."""
    cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
    name = type(cause).__name__
    if "Password" in name or "Encryption" in name:
        return "encrypted PDF: a password is needed (save an unprotected copy)"
    return f"not a readable PDF ({name}: {cause})"
