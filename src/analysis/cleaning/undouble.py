"""De-doubling: runs a PDF extractor printed twice ("(二)(二)", "20162016 年")."""

from __future__ import annotations

import re

from ..chars import HEADING_NUMERALS

__all__ = ["undouble"]


_PUNCT_FREE = set(" 、,，.。:：;；()（）“”\"'《》〔〕【】[]-—")


def _is_marker(unit: str) -> bool:
    """A heading marker: "(二)", "三、", "(十五)"."""
    return bool(re.fullmatch(r"[(（]?[" + HEADING_NUMERALS + r"0-9]{1,3}[)）、]", unit.strip()))


def _is_strong(unit: str) -> bool:
    """A doubled unit that cannot plausibly be a genuine repeat on its own."""
    core = [c for c in unit if c not in _PUNCT_FREE]
    # "(二)(二)", "三、三、": a heading marker printed twice.
    return len(core) >= 3 or _is_marker(unit)


def _match_double(s: str, i: int, max_unit: int, after_unit: bool = False) -> tuple[int, int] | None:
    """If s[i:] starts with a doubled unit X X (or digits "X X"), return (len X, span).

    ``after_unit`` says a doubled unit ends right at ``i``; then a digit unit
    may follow digits ("2014201417701770" is "2014" twice, then "1770" twice).
    """
    n = len(s)
    if i >= n - 1:
        return None
    limit = min(max_unit, (n - i) // 2)
    # Candidate unit lengths are the offsets where s[i] recurs; str.find scans in C,
    # so the common case (no recurrence nearby) costs one call, not max_unit slices.
    ks = []
    j = s.find(s[i], i + 1, i + limit + 1)
    while j != -1:
        ks.append(j - i)
        if s[j - 1] == " " and j - i > 1:
            ks.append(j - i - 1)  # digits doubled around a space: "3 3"
        j = s.find(s[i], j + 1, i + limit + 2)
    for k in sorted(set(ks), reverse=True):
        if k > limit:
            continue
        a = s[i : i + k]
        if a[0] == " " or a[-1] == " ":
            continue
        if s[i + k : i + 2 * k] == a:
            # Never split a digit run: "2020" is not "20" twice unless the run
            # itself is exactly the doubled unit.
            if a[0].isdigit() and i > 0 and s[i - 1].isdigit() and not after_unit:
                continue
            if a[-1].isdigit() and i + 2 * k < n and s[i + 2 * k].isdigit() and not a.isdigit():
                continue
            if a.isdigit() and i + 2 * k < n and s[i + 2 * k].isdigit():
                # "2014201417701770": take "2014" now, "1770" next round.
                pass
            return k, 2 * k
        if (
            a.isdigit()
            and s[i + k : i + k + 1] == " "
            and s[i + k + 1 : i + 2 * k + 1] == a
            and not (i + 2 * k + 1 < n and s[i + 2 * k + 1].isdigit())
            and not (i > 0 and s[i - 1].isdigit() and not after_unit)
        ):
            return k, 2 * k + 1  # "3 3 月": digits doubled around a space
    return None


def _doubled_zones(s: str, max_unit: int, min_isolated: int) -> list[tuple[int, int, list[tuple[int, int, int]]]]:
    """Find zones of consecutive doubled units.

    Returns (zone_start, zone_end, units) with units as (start, unit_len, span).
    A zone is a run of doubled units separated only by punctuation/spaces and
    containing at least one strong unit; a zone made of a single unit must be
    at least ``min_isolated`` characters long (a bold phrase printed twice).
    """
    zones = []
    i, n = 0, len(s)
    while i < n:
        m = _match_double(s, i, max_unit)
        if not m or (not _is_strong(s[i : i + m[0]]) and not _zone_can_start_weak(s, i, m, max_unit)):
            i += 1
            continue
        start = i
        units: list[tuple[int, int, int]] = []
        j = i
        while j < n:
            m = _match_double(s, j, max_unit, after_unit=bool(units) and units[-1][0] + units[-1][2] == j)
            if m:
                units.append((j, m[0], m[1]))
                j += m[1]
                continue
            if s[j] in _PUNCT_FREE:
                # allow single punctuation between doubled units, but only if
                # another doubled unit follows soon
                k = j
                while k < n and s[k] in _PUNCT_FREE and k - j < 3:
                    k += 1
                if k < n and _match_double(s, k, max_unit):
                    j = k
                    continue
            break
        strong = [u for u in units if _is_strong(s[u[0] : u[0] + u[1]])]
        # trailing weak units belong to the zone only when it is a real zone
        if strong and (
            len(units) > 1 or units[0][1] >= min_isolated or _is_marker(s[units[0][0] : units[0][0] + units[0][1]])
        ):
            zones.append((start, j, units))
            i = j
        else:
            i = start + 1
    return zones


def _zone_can_start_weak(s: str, i: int, m: tuple[int, int], max_unit: int) -> bool:
    """A weak unit ("国国", "年年") may open a zone if a strong unit follows,
    possibly after a few more weak units and punctuation ("国国发发20212021")."""
    j = i + m[1]
    for _ in range(4):
        k = j
        while k < len(s) and k - j < 3 and s[k] in _PUNCT_FREE:
            k += 1
        m2 = _match_double(s, k, max_unit, after_unit=(k == j))
        if not m2:
            return False
        if _is_strong(s[k : k + m2[0]]):
            return True
        j = k + m2[1]
    return False


def undouble(text: str, *, max_unit: int = 60, min_isolated: int = 4) -> str:
    """Collapse runs that a PDF extraction printed twice ("(二)(二)", "20162016 年").

    PDF extractors print bold text twice, span by span:
    "发改办高技发改办高技2016201624762476 号号" is "发改办高技2016 2476 号".
    Inside such a zone every unit is doubled, so even single characters
    ("号号", "年年") are collapsed.  Outside zones nothing changes, except an
    isolated doubled phrase of ``min_isolated`` or more characters (a bold
    lead phrase), which no Chinese sentence repeats back to back.  Genuine
    reduplication in body text ("人人", "研究研究", "2020") is left alone; a
    heading marker printed twice ("(二)(二)") is repaired even on its own.
    Returns the repaired text; applying it again changes nothing further.
    """
    if not text:
        return text
    out = []
    for line in text.split("\n"):
        prev = None
        # A doubled unit can itself contain a doubled unit ("XXXX"), so repeat
        # to a fixpoint; each round strictly shortens the line.
        while prev != line:
            prev = line
            line = _undouble_once(line, max_unit, min_isolated)
        out.append(line)
    return "\n".join(out)


_DOUBLED_CANDIDATE = re.compile(r"([^\n]{2,60}?)\1")


def _undouble_once(s: str, max_unit: int, min_isolated: int) -> str:
    # The zone scanner is pure Python; run it only in windows around spans that
    # the C regex engine finds doubled (every zone holds at least one unit of
    # two or more characters), so clean text costs one regex pass.
    margin = max_unit + 10
    windows: list[list[int]] = []
    for m in _DOUBLED_CANDIDATE.finditer(s):
        a, b = max(0, m.start() - margin), min(len(s), m.end() + margin)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    if not windows:
        return s
    zones = []
    for a, b in windows:
        for zs, ze, units in _doubled_zones(s[a:b], max_unit, min_isolated):
            zones.append((zs + a, ze + a, [(us + a, ul, sp) for us, ul, sp in units]))
    if not zones:
        return s
    pieces = []
    pos = 0
    for zs, ze, units in zones:
        pieces.append(s[pos:zs])
        cur = zs
        for us, ulen, span in units:
            pieces.append(s[cur:us])
            pieces.append(s[us : us + ulen])
            cur = us + span
        pieces.append(s[cur:ze])
        pos = ze
    pieces.append(s[pos:])
    return "".join(pieces)
