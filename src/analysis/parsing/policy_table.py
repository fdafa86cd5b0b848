"""The table of further policies appended to a compilation (序号 发文部门 文件名称 文号 年份)."""

from __future__ import annotations

import re

from ..chars import CJK
from ..metadata import find_doc_numbers, leading_orgs
from ..metadata.dates import YEAR_PATTERN

__all__ = ["TABLE_HEADER_BARE", "TABLE_HEADER_RE", "has_policy_table", "parse_policy_table"]

#: The table's header, with the compilation section title that may precede it ("七、…清单").
TABLE_HEADER_RE = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、[^。\n]{0,20}清单)?序号\s*发文(部门|机关|单位)\s*文件名称\s*文号\s*(年份|年度|时间)"
)
#: The header alone, as page breaks repeat it.
TABLE_HEADER_BARE = re.compile(r"序号\s*发文(?:部门|机关|单位)\s*文件名称\s*文号\s*(?:年份|年度|时间)")
_YEAR_AT_END = re.compile(rf"({YEAR_PATTERN})$")


def has_policy_table(text: str) -> bool:
    """True if ``text`` (any script or width; clean it first) holds a policy table header."""
    return TABLE_HEADER_BARE.search(text) is not None


def parse_policy_table(text: str, source: str) -> list[dict]:
    """Rows of the policy table in the clean ``text`` of one file; [] if it has none.

    Returns dicts with no (running number), issuer, title, doc_number ("" when the
    table prints "/"), year (int, or None when the row has none) and source.
    Rows are split on their running numbers, which the PDF glues to the previous
    row's year ("…国办发202232号20237国务院…" is year 2023, row 7).
    """
    m = TABLE_HEADER_RE.search(text)
    if not m:
        return []
    region = text[m.end() :]
    # Page breaks repeat the header, with the page number glued after a year.
    region = re.sub(rf"({YEAR_PATTERN})\d{{1,3}}(?=" + TABLE_HEADER_BARE.pattern + ")", r"\1", region)
    region = TABLE_HEADER_BARE.sub("", region).replace("\n", "")
    if not region.startswith("1"):
        return []
    starts = _row_starts(region)
    rows = []
    for i in range(len(starts) - 1):
        chunk = region[starts[i] : starts[i + 1]]
        rows.append({"no": i + 1, **_parse_row(chunk[len(str(i + 1)) :]), "source": source})
    return rows


def _row_starts(region: str) -> list[int]:
    """Offsets where rows 1, 2, … start, plus the end: row n+1 starts right after a year followed by "n+1"."""
    n = 1
    starts = [0]
    while True:
        nxt = str(n + 1)
        mm = re.compile(rf"{YEAR_PATTERN}(?={nxt}[{CJK}])").search(region, starts[-1] + len(str(n)) + 4)
        if not mm:
            break
        starts.append(mm.end())
        n += 1
    starts.append(len(region))
    return starts


def _parse_row(body: str) -> dict:
    """issuer, title, doc_number and year of one row's text (its running number removed)."""
    ym = _YEAR_AT_END.search(body)
    year = int(ym.group(1)) if ym else None
    if ym:
        body = body[: ym.start()]
    doc_number = ""
    dm = re.search(r"/\s*$", body)
    if dm:
        body = body[: dm.start()]
    else:
        nums = find_doc_numbers(body)
        if nums:
            p, doc_number = nums[-1]
            body = body[:p]
    issuer, title = _split_issuer(body.strip())
    return {
        "issuer": re.sub(r"\s+", " ", issuer),
        "title": re.sub(r"\s+", " ", title),
        "doc_number": doc_number,
        "year": year,
    }


def _split_issuer(body: str) -> tuple[str, str]:
    """(issuer, title) of a row: the issuer ends where 关于 starts, else it is the leading organisations."""
    if "关于" in body:
        k = body.index("关于")
        return body[:k].strip(), body[k:].strip()
    issuer = leading_orgs(body)
    rest = body
    for name in issuer.split(" "):
        rest = rest.strip()
        if rest.startswith(name):
            rest = rest[len(name) :]
    return issuer, rest.strip()
