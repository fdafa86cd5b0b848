"""Chinese numerals as official documents print them (十 -> 10, 二十三 -> 23)."""

from __future__ import annotations

__all__ = ["cn_to_int"]

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def cn_to_int(s: str) -> int | None:
    """Chinese numeral up to 99 -> int (十 -> 10, 二十三 -> 23)."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _CN_DIGITS.get(a, None) if a else 1
        ones = _CN_DIGITS.get(b, None) if b else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s]
    return None
