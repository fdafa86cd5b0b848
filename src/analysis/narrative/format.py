"""Numbers, shares, lists and spans written the same way in every computed sentence."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

__all__ = ["cannot", "listing", "number", "percent", "plural", "year_span"]


def number(value: float | int) -> str:
    """An integer with thousands separators ("12,345"); a float rounded to one decimal ("0.4")."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def percent(share: float, digits: int = 0) -> str:
    """A share of 0-1 as a percentage: "28%", "10.4%" (``digits=1``); "<1%" for a share above 0 that rounds to 0.

    Returns "n/a" for NaN.
    """
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "n/a"
    value = 100 * float(share)
    text = f"{value:.{digits}f}%"
    if value > 0 and float(text[:-1]) == 0:
        return f"<{10**-digits:g}%"
    return text


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` with the word in singular or plural: "1 document", "3 documents", "0 documents"."""
    return f"{number(n)} {word if n == 1 else (many or word + 's')}"


def listing(items: Iterable[str], limit: int = 6, conjunction: str = "and") -> str:
    """Items joined as English prose: "A", "A and B", "A, B and C"; beyond ``limit`` "…, and 4 more"."""
    items = [str(i) for i in items]
    if len(items) > limit:
        rest = len(items) - limit
        return ", ".join(items[:limit]) + f" {conjunction} {rest} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def year_span(years: Iterable[object]) -> str:
    """The span of the known years: "2014-2023", "2021" for one year, "" when none is known."""
    known = sorted(set(pd.to_numeric(pd.Series(list(years), dtype=object), errors="coerce").dropna().astype(int)))
    if not known:
        return ""
    return str(known[0]) if known[0] == known[-1] else f"{known[0]}-{known[-1]}"


def cannot(section: str, reason: str) -> str:
    """One italic sentence saying why a section is not computed.

    e.g. "*Keyness: not computed for this corpus, because it has no local document.*".
    """
    reason = reason.rstrip(".")
    return f"*{section}: not computed for this corpus, because {reason}.*"
