"""The cleaning pipeline: every step in the order that matters."""

from __future__ import annotations

from functools import lru_cache

from .normalize import normalize_spaces, normalize_width, remove_ruby_pinyin
from .pdf import is_pdf_extraction, remove_chunk_markers, remove_page_numbers
from .script import detect_script, to_simplified
from .undouble import undouble

__all__ = ["clean_text"]


def clean_text(text: str, *, pdf: bool | None = None, simplify: bool = True, script: str | None = None) -> str:
    """Run every cleaning step; returns clean text (simplified when ``simplify``).

    ``pdf=None`` detects PDF damage with :func:`is_pdf_extraction`; the page
    number and de-doubling repairs run only on such text.  ``script`` is the text's
    :func:`detect_script` decision if the caller made it; ``None`` decides it once,
    in the first round.  The result is a fixpoint: ``clean_text(clean_text(t)) == clean_text(t)``.
    """
    return _clean(text, pdf, simplify, script)


# The loader's audit cleans the text the parser has just cleaned: the last results are kept
# (a str's hash is cached on it, so a hit costs one comparison of the text).
@lru_cache(maxsize=2)
def _clean(text: str, pdf: bool | None, simplify: bool, script: str | None) -> str:
    """:func:`clean_text` (positional arguments, results cached)."""
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
            # Decided once: after t2s the text is simplified, and the later rounds only
            # tidy spaces and PDF damage, which do not change its script.
            script = script or detect_script(text)
            text = to_simplified(text, script=script)
            simplify = False
        text = normalize_spaces(text)
    return text
