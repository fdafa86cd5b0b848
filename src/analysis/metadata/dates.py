"""Dates: the one parser of 公文 dates (Arabic and Chinese numerals, signature dates)
and of ISO-like dates in tables."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .docnumber import doc_number_year, find_doc_numbers
from .numerals import cn_to_int

__all__ = [
    "FULL_DATE_PATTERN",
    "YEAR_PATTERN",
    "DateInfo",
    "cited_lower_bound",
    "date_line",
    "date_parts",
    "find_dates",
    "is_present",
    "numeric_stamp_date",
    "plan_period_start",
    "run_together_date",
    "signature_date",
]

#: A year of the documents' era (1900-2099), as a regular-expression fragment.
YEAR_PATTERN = r"(?:19|20)\d{2}"
#: A full date in Arabic numerals as a print note (版记) gives it: 2021年3月5日.
FULL_DATE_PATTERN = YEAR_PATTERN + r"年\d{1,2}月\d{1,2}日"

_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?"
    r"|(?P<sep>[-/.])\s?(?P<m2>\d{1,2})\s?(?P=sep)\s?(?P<d2>\d{1,2})(?!\d))"
)


# Dates written in Chinese numerals, as signature blocks often print them:
# 二〇一八年十二月二十九日 (〇 is also typed as ○, Ｏ, O or 零).
_CN_YEAR_DIGIT = "〇○ＯO零一二三四五六七八九"
_CN_DATE_RE = re.compile(
    rf"(?P<y>[{_CN_YEAR_DIGIT}]{{4}})\s*年\s*(?P<m>[一二三四五六七八九十]{{1,2}})\s*月"
    r"(?:\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日)?"
)


@dataclass
class DateInfo:
    """A date as precise as the text gives it."""

    iso: str  # 2014-08-27, 2021-03 or 2021
    year: int
    source: str  # where it was read: signature, heading, page, doc_number, cited (lower bound)
    pos: int = -1
    end: int = -1  # end of the date in the text searched (with pos)


def _iso(y: str, m: str | None, d: str | None) -> str | None:
    yi = int(y)
    if not 1949 <= yi <= 2100:
        return None
    if not m:
        return f"{yi:04d}"
    mi = int(m)
    if not 1 <= mi <= 12:
        return None
    if not d:
        return f"{yi:04d}-{mi:02d}"
    di = int(d)
    if not 1 <= di <= 31:
        return None
    return f"{yi:04d}-{mi:02d}-{di:02d}"


def _cn_year(s: str) -> str:
    return "".join(str("一二三四五六七八九".find(c) + 1) if c in "一二三四五六七八九" else "0" for c in s)


def find_dates(text: str) -> list[DateInfo]:
    """All calendar dates in ``text``, left to right.

    Reads 2014年8月27日, 2014年8月, 2014-08-27 / 2014/8/27 / 2014.8.27 and
    dates in Chinese numerals (二〇一八年十二月二十九日).  Each returned
    :class:`DateInfo` carries its span in ``text`` (``pos``, ``end``).
    """
    out = []
    for m in _DATE_RE.finditer(text):
        iso = _iso(m.group("y"), m.group("m") or m.group("m2"), m.group("d") or m.group("d2"))
        if iso:
            out.append(DateInfo(iso, int(iso[:4]), "text", m.start(), m.end()))
    for m in _CN_DATE_RE.finditer(text):
        month, day = cn_to_int(m.group("m")), cn_to_int(m.group("d") or "")
        if month is None or (m.group("d") and day is None):
            continue
        iso = _iso(_cn_year(m.group("y")), str(month), str(day) if day is not None else None)
        if iso:
            out.append(DateInfo(iso, int(iso[:4]), "text", m.start(), m.end()))
    out.sort(key=lambda d: d.pos)
    return out


_ORG_END = re.compile(r"(厅|部|局|委|组|室|府|会|院|办|章|中心|小组|政府|委员会|\)|）)\s*$")
_NOT_SIGNATURE_BEFORE = set("于在前至到自从截止的为和或与及、,，")


def signature_date(text: str) -> DateInfo | None:
    """The date of the signature block: a full 年月日 date that directly follows an
    organisation name (…办公厅 2020年10月11日) and is not a print date (…印发)
    or a deadline inside a sentence (于2016年12月16日前).

    The first such date is returned: in a transmittal notice it is the
    notice's own date, which precedes the dates of attachments and print notes.
    """
    for d in find_dates(text):
        if d.iso.count("-") != 2:
            continue
        before = text[max(0, d.pos - 12) : d.pos]
        after = text[d.end : d.end + 3]
        if after.startswith(("印发", "前", "起", "至", "到", "以前", "后")):
            continue
        b = before.rstrip()
        if not b or b[-1] in _NOT_SIGNATURE_BEFORE:
            continue
        line_start = before.rfind("\n")
        if _ORG_END.search(b) or (line_start >= 0 and not before[line_start + 1 :].strip()):
            d.source = "signature"
            return d
    return None


_ISO_LIKE = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2}))?(?:[-/.月](\d{1,2}))?")


def is_present(value: object) -> bool:
    """True if a table cell holds a value: not None, NaN or NA, and not blank text."""
    if value is None:
        return False
    try:
        return not pd.isna(value) and str(value).strip() != ""
    except (TypeError, ValueError):
        return True


def date_parts(value: object, year: object = None) -> tuple[int, int, int]:
    """(year, month, day) of an ISO-like date in a table (2014-08-27, 2021-03, 2021, 2021年3月).

    ``year`` is the fallback when ``value`` is missing or unreadable.  0 marks an
    unknown part: ``date_parts("2021-03") == (2021, 3, 0)``, ``date_parts(None) == (0, 0, 0)``.
    """
    m = _ISO_LIKE.match(str(value)) if is_present(value) else None
    if m:
        return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if is_present(year):
        try:
            return int(year), 0, 0  # type: ignore[call-overload]
        except (TypeError, ValueError):
            pass
    return 0, 0, 0


def date_line(line: str, month: bool = False) -> DateInfo | None:
    """The full date (年月日, also in Chinese numerals) a line consists of, else None; with
    ``month``, also a month written with 年 and 月 ("2021年12月", as a plan's cover or signature
    dates it; iso "2021-12").

    Brackets and spaces around the date are allowed: "(2020年10月11日)".
    """
    ds = find_dates(line)
    whole = len(ds) == 1 and ds[0].iso.count("-") == 2
    if not whole and not (month and len(ds) == 1 and ds[0].iso.count("-") == 1 and "月" in line):
        return None
    rest = (line[: ds[0].pos] + line[ds[0].end :]).strip(" ()（）")
    return ds[0] if not rest else None


_RUN_TOGETHER_RE = re.compile(r"^\s*((?:19|20)\d{2})(\d{2,4})日?\s*$")


def run_together_date(line: str) -> DateInfo | None:
    """A signature date whose 年 and 月 were lost in extraction ("2018213日", "2023325"):
    the one reading of the digits after the year as a valid month and day, else None
    (an ambiguous run such as 2018111 is not guessed).  公文 dates print month and day without a
    leading zero, so neither part starts with 0 ("2022109" is 2022-10-09, not 2022-1-09).  A line
    that kept its 月 but lost 年 or 日 ("2020年5月12") is read by the 月 mark."""
    marked = _month_marked_date(line)
    if marked is not None:
        return marked
    m = _RUN_TOGETHER_RE.match(line)
    if not m:
        return None
    digits = m.group(2)
    readings = {
        iso
        for k in (1, 2)
        if 0 < len(digits) - k <= 2
        and digits[0] != "0"
        and digits[k] != "0"
        and (iso := _iso(m.group(1), digits[:k], digits[k:])) is not None
    }
    if len(readings) != 1:
        return None
    iso = readings.pop()
    return DateInfo(iso, int(iso[:4]), "signature (digits run together)")


# a signature date that kept its 月 but lost 年 or 日 in print ("2020年5月12", holdout16 041): the 月
# mark splits month from day, so the digits have one reading
_MONTH_MARKED_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*年?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*$")


def _month_marked_date(line: str) -> DateInfo | None:
    """The date of a line "2020年5月12" / "20205月12日" (年 or 日 lost, 月 kept), else None (also for
    an intact 年月日, which :func:`date_line` reads)."""
    m = _MONTH_MARKED_RE.match(line)
    if not m or ("年" in line and "日" in line):
        return None
    iso = _iso(m.group(1), m.group(2), m.group(3))
    return DateInfo(iso, int(iso[:4]), "signature (digits run together)") if iso else None


_PLAN_PERIOD = re.compile(rf"\(({YEAR_PATTERN})[-—–~至]({YEAR_PATTERN})年?\)")
_PERIOD_START = re.compile(rf"[(（]({YEAR_PATTERN})[—\-–~至]")


def plan_period_start(title: str) -> int | None:
    """First year of a plan period printed in a title ("…规划(2018-2022年)" -> 2018), else None."""
    m = _PLAN_PERIOD.search(title)
    return int(m.group(1)) if m else None


def cited_lower_bound(body: str) -> DateInfo | None:
    """Latest year among the documents a text cites (文号 years, plan periods "(2018—"):
    a lower bound for its own date, as a year-only :class:`DateInfo`; None if nothing is cited."""
    years = [y for _p, n in find_doc_numbers(body) if (y := doc_number_year(n)) is not None]
    years += [int(y) for y in _PERIOD_START.findall(body)]
    years = [y for y in years if 1990 <= y <= 2100]
    if not years:
        return None
    y = max(years)
    return DateInfo("", y, "cited documents (lower bound)")


# a page stamp printed year last ("04.01.2016  19:30", "28.08.2017 08:48" on an aggregator, holdout12
# 017 and holdout6 019): day.month.year in European print, month.day.year in American
_YEAR_LAST_STAMP_RE = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)


def numeric_stamp_date(line: str) -> DateInfo | None:
    """The date of a line that is nothing but a numeric date printed year last (and a time):
    the full date when the order tells itself (a first number over 12 is the day, a second over
    12 the day), else the year alone (04.01.2016 may be 4 January or 1 April); None for any other
    line or an impossible date."""
    m = _YEAR_LAST_STAMP_RE.match(line.strip())
    if m is None:
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    if a > 12 and b <= 12:
        iso = _iso(m.group("y"), str(b), str(a))
    elif b > 12 and a <= 12:
        iso = _iso(m.group("y"), str(a), str(b))
    elif 1 <= a <= 12 and 1 <= b <= 12:
        iso = _iso(m.group("y"), None, None)
    else:
        iso = None
    return DateInfo(iso, int(iso[:4]), "text") if iso else None
