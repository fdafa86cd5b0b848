"""Script detection and traditional -> simplified conversion (OpenCC)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..chars import CJK

__all__ = ["SCRIPT_SAMPLE", "converter", "detect_script", "may_change_t2s", "script_sample", "to_simplified"]

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


# Han blocks OpenCC's t2s dictionaries cover: the basic block, extension A, the compatibility
# ideographs and the supplementary planes' extensions B-G.
_HAN_BLOCKS = ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
# Characters that t2s leaves alone when they stand alone but changes inside a phrase of its
# TSPhrases dictionary (藉口 -> 借口, 反覆 -> 反复, 明瞭 -> 明了, 沈默 -> 沉默, 衹得 -> 只得, 牴觸 -> 抵触).
# The phrases' other characters all change alone, so these six complete the set of characters
# a t2s conversion can change (checked against OpenCC's dictionaries in tests/test_cleaning_script.py).
_PHRASE_ONLY_CHANGES = "沈牴瞭藉衹覆"


@lru_cache(maxsize=1)
def _t2s_changeable() -> frozenset[str]:
    """The characters OpenCC's t2s can change; built once per process by converting every
    Han character alone (one call, about 0.1 s)."""
    chars = [chr(i) for lo, hi in _HAN_BLOCKS for i in range(lo, hi + 1)]
    # newlines keep each character a segment of its own: no dictionary phrase spans one
    converted = converter("t2s").convert("\n".join(chars)).split("\n")
    changing = {c for c, s in zip(chars, converted, strict=True) if c != s} | set(_PHRASE_ONLY_CHANGES)
    return frozenset(changing)


def may_change_t2s(text: str) -> bool:
    """False when OpenCC's t2s conversion certainly returns ``text`` unchanged (it holds no
    character t2s can change); True when it may change it.  A set look-up, far cheaper than
    converting: most lines of simplified text need no conversion at all."""
    return not _t2s_changeable().isdisjoint(text)  # a set scan: 10x faster than a regex class


def script_sample(text: str, sample: int = SCRIPT_SAMPLE) -> str:
    """The characters :func:`detect_script` reads: the whole text up to ``sample`` characters,
    else ``_WINDOWS`` windows of ``sample // _WINDOWS`` characters evenly spread from its start
    to its end, joined by newlines.  Returns a str of at most ``sample + _WINDOWS - 1`` characters."""
    if len(text) <= sample:
        return text
    width = max(1, sample // _WINDOWS)
    step = (len(text) - width) / (_WINDOWS - 1)
    return "\n".join(text[round(i * step) : round(i * step) + width] for i in range(_WINDOWS))


# The loader's parse and its audit ask about the same file text in turn: the last few are remembered.
@lru_cache(maxsize=4)
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
    if not may_change_t2s(head):  # t2s would return it unchanged: simplified, without converting
        return "simplified"
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
