"""Cleaning steps for scraped and PDF-extracted Chinese policy text.

Each step is a pure function ``str -> str`` that is idempotent (applying it twice
gives the same result as applying it once) and leaves clean simplified text
unchanged.  :func:`clean_text` (:mod:`.pipeline`) chains them in the order that matters:

1. :func:`normalize_width`      full-width ASCII and odd spaces -> half-width (:mod:`.normalize`)
2. :func:`remove_chunk_markers` "\\n21、" markers a PDF-to-text service inserts (:mod:`.pdf`)
3. :func:`remove_page_numbers`  bare page numbers left inside sentences (:mod:`.pdf`)
4. :func:`undouble`             bold runs the PDF extractor printed twice (:mod:`.undouble`)
5. :func:`remove_ruby_pinyin`   pinyin printed after hard characters "关(guān)于" (:mod:`.normalize`)
6. :func:`to_simplified`        traditional -> simplified (OpenCC), only when the
                                text is actually written in traditional script (:mod:`.script`)
7. :func:`normalize_spaces`     letter-spaced names, spaces around digits (:mod:`.normalize`)

Steps 2-4 only fire on text that carries the damage they repair; they are safe
to run on any text.  Web-page boilerplate is handled per line by
:func:`is_boilerplate_line` and :func:`strip_page_furniture` (:mod:`.furniture`),
because it needs the line structure that the PDF cleaners destroy; it is removed
only outside the document's span (:func:`document_span`) or as whole furniture
blocks, each removal named by its rule (:func:`furniture_removals`).
:func:`damage_report` and :func:`count_mojibake` (:mod:`.damage`) measure what was repaired.
"""

from ..chars import CJK
from .damage import count_mojibake, damage_report
from .furniture import (
    TRAILER_START_PATTERN,
    Removal,
    cut_trailer,
    document_span,
    furniture_removals,
    furniture_rule,
    is_boilerplate_line,
    is_trailer_start,
    strip_page_furniture,
)
from .normalize import nfkc, normalize_spaces, normalize_width, remove_ruby_pinyin
from .pdf import is_pdf_extraction, remove_chunk_markers, remove_page_numbers
from .pipeline import clean_text
from .script import SCRIPT_SAMPLE, detect_script, script_sample, to_simplified
from .undouble import undouble

__all__ = [
    "CJK",
    "SCRIPT_SAMPLE",
    "TRAILER_START_PATTERN",
    "Removal",
    "clean_text",
    "count_mojibake",
    "cut_trailer",
    "damage_report",
    "detect_script",
    "document_span",
    "furniture_removals",
    "furniture_rule",
    "is_boilerplate_line",
    "is_pdf_extraction",
    "is_trailer_start",
    "nfkc",
    "normalize_spaces",
    "normalize_width",
    "remove_chunk_markers",
    "remove_page_numbers",
    "remove_ruby_pinyin",
    "script_sample",
    "strip_page_furniture",
    "to_simplified",
    "undouble",
]
