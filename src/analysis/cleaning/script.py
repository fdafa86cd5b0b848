"""Script detection and traditional -> simplified conversion (OpenCC)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..chars import CJK

__all__ = ["SCRIPT_SAMPLE", "converter", "detect_script", "script_sample", "to_simplified"]

_CJK_RE = re.compile(f"[{CJK}]")

#: Characters :func:`detect_script` reads: enough Han characters that the share changed by t2s
#: (about a quarter in traditional text, under 1% in simplified text) is far from the 2% threshold.
SCRIPT_SAMPLE = 2000
# The sample is cut into this many windows spread over the text, so a simplified site header
# or a traditional quotation at the top does not decide for the whole page; a window of 250
# characters keeps OpenCC's phrases whole except at its two ends.
_WINDOWS = 8


@lru_cache(maxsize=2)
def converter(config: str):
    """The OpenCC converter for ``config`` (e.g. ``"t2s"``), built once per process."""
    import opencc

    return opencc.OpenCC(config)


def script_sample(text: str, sample: int = SCRIPT_SAMPLE) -> str:
    """The characters :func:`detect_script` reads: the whole text up to ``sample`` characters,
    else ``_WINDOWS`` windows of ``sample // _WINDOWS`` characters evenly spread from its start
    to its end, joined by newlines.  Returns a str of at most ``sample + _WINDOWS - 1`` characters."""
    if len(text) <= sample:
        return text
    width = max(1, sample // _WINDOWS)
    step = (len(text) - width) / (_WINDOWS - 1)
    return "\n".join(text[round(i * step) : round(i * step) + width] for i in range(_WINDOWS))


def detect_script(text: str, *, sample: int = SCRIPT_SAMPLE, threshold: float = 0.02) -> str:
    """Return 'traditional' or 'simplified' (or 'none' for text without Han characters).

    A text is traditional when more than ``threshold`` of the Han characters of its
    :func:`script_sample` (at most ``sample`` characters spread over the text) change
    under OpenCC's t2s conversion.  Simplified text changes far less (a few characters
    such as 著 are shared), so a plain ratio is robust, and a bounded sample keeps the
    cost per text constant however long the text is.
    """
    head = script_sample(text, sample)
    han = _CJK_RE.findall(head)
    if not han:
        return "none"
    conv = converter("t2s").convert(head)
    if conv == head:  # most lines and texts: compared in C, no per-character loop
        return "simplified"
    changed = sum(1 for a, b in zip(head, conv) if a != b) if len(conv) == len(head) else abs(len(conv) - len(head))
    return "traditional" if changed / len(han) > threshold else "simplified"


def to_simplified(text: str, *, script: str | None = None) -> str:
    """Convert traditional characters to simplified with OpenCC (t2s), if the text is traditional.

    ``script`` is the text's :func:`detect_script` decision when the caller already made it
    (so it is not made again); ``None`` detects it.  Simplified text is returned unchanged:
    running t2s on it would rewrite a few characters that are valid in simplified usage.
    """
    if (script or detect_script(text)) != "traditional":
        return text
    return converter("t2s").convert(text)
