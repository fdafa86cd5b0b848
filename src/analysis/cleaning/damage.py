"""What the cleaning steps repair in a raw text, and the damage they cannot repair (mojibake)."""

from __future__ import annotations

import re

from ..chars import CJK
from .normalize import count_ruby_pinyin, normalize_width, remove_ruby_pinyin
from .pdf import chunk_marker_lines, is_pdf_extraction, remove_chunk_markers, remove_page_numbers
from .pipeline import clean_text
from .script import converter, detect_script
from .undouble import undouble

__all__ = ["count_mojibake", "damage_report"]


_MOJIBAKE_RE = re.compile(f"(?<=[{CJK};；])\\?+|\\?+(?=[{CJK};；])")


def count_mojibake(text: str) -> int:
    """Number of '?' runs glued to Han characters: bytes lost when a page was
    decoded with the wrong codec upstream (e.g. "规?;渴?" for 规模化部署).
    They cannot be repaired, only counted and reported."""
    return len(_MOJIBAKE_RE.findall(text))


def damage_report(text: str) -> dict[str, int | str]:
    """What each cleaning step repairs in one raw text, in the order :func:`clean_text` runs them.

    Returns a dict: script, chunk_markers (count), page_numbers (count),
    doubled_chars (characters removed by de-doubling), pinyin (annotations
    removed), converted_chars (characters changed by t2s), mojibake (runs of
    lost characters, left in place), chars_before, chars_after.
    """
    t = normalize_width(text)
    n_pinyin = count_ruby_pinyin(t)
    t = remove_ruby_pinyin(t)
    pdf = is_pdf_extraction(t)
    n_chunks = len(chunk_marker_lines(t.split("\n"))) if pdf else 0
    n_pages = doubled = 0
    if pdf:
        t = remove_chunk_markers(t)
        before = len(t)
        t = undouble(t)
        doubled = before - len(t)
        before_pages = re.findall(r"\d+", t)
        t2 = remove_page_numbers(t)
        n_pages = len(before_pages) - len(re.findall(r"\d+", t2))
        t = t2
    script = detect_script(t)
    converted = 0
    if script == "traditional":
        s = converter("t2s").convert(t)
        converted = sum(1 for a, b in zip(t, s) if a != b)
    return {
        "script": script,
        "chunk_markers": n_chunks,
        "page_numbers": n_pages,
        "doubled_chars": doubled,
        "pinyin": n_pinyin,
        "converted_chars": converted,
        "mojibake": count_mojibake(t),
        "chars_before": len(text),
        "chars_after": len(clean_text(text, script=script)),
    }
