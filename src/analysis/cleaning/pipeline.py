"""The cleaning pipeline: every step in the order that matters."""

from __future__ import annotations

from .normalize import normalize_spaces, normalize_width, remove_ruby_pinyin
from .pdf import is_pdf_extraction, remove_chunk_markers, remove_page_numbers
from .script import to_simplified
from .undouble import undouble

__all__ = ["clean_text"]


def clean_text(text: str, *, pdf: bool | None = None, simplify: bool = True) -> str:
    """Run every cleaning step; returns clean text (simplified when ``simplify``).

    ``pdf=None`` detects PDF damage with :func:`is_pdf_extraction`; the page
    number and de-doubling repairs run only on such text.  The result is a
    fixpoint: ``clean_text(clean_text(t)) == clean_text(t)``.
    """
    prev = None
    for _ in range(5):
        if text == prev:
            break
        prev = text
        text = normalize_width(text)
        text = remove_ruby_pinyin(text)
        is_pdf = is_pdf_extraction(text) if pdf is None else pdf
        if is_pdf:
            text = remove_chunk_markers(text)
            # De-double first: doubled headings ("3 3 月") would otherwise
            # look like page numbers to the chain finder.
            text = undouble(text)
            text = remove_page_numbers(text)
        if simplify:
            text = to_simplified(text)
        text = normalize_spaces(text)
    return text
