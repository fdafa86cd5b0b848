"""Script detection and traditional -> simplified conversion (OpenCC)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..chars import CJK

__all__ = ["converter", "detect_script", "to_simplified"]

_CJK_RE = re.compile(f"[{CJK}]")


@lru_cache(maxsize=2)
def converter(config: str):
    """The OpenCC converter for ``config`` (e.g. ``"t2s"``), built once per process."""
    import opencc

    return opencc.OpenCC(config)


def detect_script(text: str, *, sample: int = 20000, threshold: float = 0.02) -> str:
    """Return 'traditional' or 'simplified' (or 'none' for text without Han characters).

    A text is traditional when more than ``threshold`` of its Han characters
    change under OpenCC's t2s conversion.  Simplified text changes far less
    (a few characters such as 著 are shared), so a plain ratio is robust.
    """
    head = text[:sample]
    han = _CJK_RE.findall(head)
    if not han:
        return "none"
    conv = converter("t2s").convert(head)
    changed = sum(1 for a, b in zip(head, conv) if a != b) if len(conv) == len(head) else abs(len(conv) - len(head))
    return "traditional" if changed / len(han) > threshold else "simplified"


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified with OpenCC (t2s), if the text is traditional.

    Simplified text is returned unchanged: running t2s on it would rewrite a few
    characters that are valid in simplified usage.
    """
    if detect_script(text) != "traditional":
        return text
    return converter("t2s").convert(text)
