"""Excerpts: a body whose heading numbering starts past 一, or that ends cut off at an ellipsis."""

from __future__ import annotations

import itertools
import re

from .numerals import cn_to_int

__all__ = ["detect_excerpt"]

_TOP_RE = re.compile(r"(?:^|(?<=[。\n:：;；)）]))\s*([一二三四五六七八九十]{1,3})、")
_PART_RE = re.compile(r"第([一二三四五六七八九十]{1,3})(篇|章|部分)")
_CUT_OFF_RE = re.compile(r"(?:…{1,2}|\.{3,6}|。{3})[\s\"”)）]*$")
_SUB_RE = re.compile(r"(?:^|(?<=[。\n:：;；]))\s*[(（]([一二三四五六七八九十]{1,3})[)）]")


def detect_excerpt(body: str) -> tuple[bool, str]:
    """Decide whether ``body`` is an excerpt of a longer policy.

    Official documents number their parts from one: 第一篇/第一章, 一、, (一).
    A body whose first part, section or sub-section marker is not number one
    (a compilation quoting "六、加强基层智慧治理能力建设"), or whose top-level
    sections skip numbers, is an excerpt; so is a body that ends in an ellipsis ("……",
    "...": a teaser or copy cut short).  Returns (is_excerpt, reason).
    """
    head = body[:400]
    m = _PART_RE.search(head)
    if m and cn_to_int(m.group(1)) != 1 and m.start() < 40:
        return True, f"starts at {m.group()}"
    # Reasons quote the markers as printed (六、, (三)) so a reader can find them in the text.
    tops = _numbered(_TOP_RE, body)
    subs = _numbered(_SUB_RE, body)
    if tops and tops[0][1] != 1:
        return True, f"first section is {tops[0][2]}、"
    if subs and (not tops or subs[0][0] < tops[0][0]) and subs[0][1] != 1:
        return True, f"first sub-section is ({subs[0][2]})"
    # Top-level numbering restarts inside attachments; look for a forward jump.
    for (_pa, a, ma), (_pb, b, mb) in itertools.pairwise(tops):
        if b > a + 1:
            return True, f"sections jump from {ma}、 to {mb}、"
    if _CUT_OFF_RE.search(body):
        # a portal's teaser or a copy cut short: the text stops mid-sentence at an ellipsis
        return True, "text ends in an ellipsis (cut off)"
    return False, ""


def _numbered(rx: re.Pattern, body: str) -> list[tuple[int, int, str]]:
    """(position, number, numeral as printed) of each marker ``rx`` finds whose numeral reads as a number."""
    out = []
    for mm in rx.finditer(body):
        n = cn_to_int(mm.group(1))
        if n is not None:
            out.append((mm.start(1), n, mm.group(1)))
    return out
