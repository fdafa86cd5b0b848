"""Variant and confusable Han characters in scraped text, mapped to the standard form for matching.

Pages converted between scripts by mirror sites, or typed with an input method's near-homograph,
print some names with a character that looks the same but is another code point: 陜 (U+965C, xiá,
a rare character) for 陝/陕 in 陜西 — OpenCC's t2s/tw2s/hk2s dictionaries leave it as it is, so
the province is not recognised.  Such a character breaks place and issuer matching, never the
meaning, so place names and issuing bodies are matched (and the issuer, a key researchers group
documents by, is stored) in the standard form; the page's text and title keep what is printed.

The table lists only characters that (1) OpenCC does not convert, (2) render like a standard
character in common fonts, and (3) occur in no modern place or body name in their own right:

* 陜 -> 陕 (陜西省, 陜政发: read for 陝/陕 by mirrors and OCR);
* 黒 -> 黑 (the Japanese shinjitai form, in pages run through a Japanese converter: 黒龍江).
"""

from __future__ import annotations

import re

from ..chars import CJK

__all__ = ["VARIANT_CHARS", "standard_chars", "without_han_spaces"]

#: variant character -> standard simplified character (see the module docstring for the criteria)
VARIANT_CHARS = {"陜": "陕", "黒": "黑"}

_TABLE = str.maketrans(VARIANT_CHARS)


def standard_chars(text: str) -> str:
    """``text`` with each variant character of :data:`VARIANT_CHARS` replaced by its standard form;
    the same length, so positions found in the result hold in ``text``."""
    return text.translate(_TABLE)


# a space between two Han characters (or a Han character and a bracket or quote mark) of one
# name, or inside a number: a justified or letter-spaced heading, a PDF line join ("行动计 划",
# "关于印发 甘肃省…", "(2 021—2025年)", "(2021 — 2025年)")
_HAN_MARKS = '《》“”"〔〕()（）'
_HAN_GAP_RE = re.compile(
    rf"(?<=[{CJK}{_HAN_MARKS}])\s+(?=[{CJK}{_HAN_MARKS}])"  # between Han characters, brackets, quotes
    r"|(?<=\d)\s+(?=[\d—–-])|(?<=[—–-])\s+(?=\d)"  # inside a number or a period (2021 — 2025)
)


def without_han_spaces(text: str) -> str:
    """``text`` without the whitespace between Han characters (and the brackets and quote marks
    around them) and between digits, for comparing a title with another print of it: in a title
    such a space is layout, never meaning.  Spaces between Latin words or between a word and a
    number stay ("Smart City 2.0").  Not for stored values: "中共中央 国务院" separates two issuers."""
    return _HAN_GAP_RE.sub("", text)
