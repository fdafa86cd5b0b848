"""Compilations (汇编): a table of contents whose entries are found again as headings in the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chars import CJK
from ..io.errors import CorpusError
from ..metadata import (
    DateInfo,
    cited_lower_bound,
    classify_level,
    detect_excerpt,
    doc_number_year,
    find_dates,
    find_doc_numbers,
    genre_of,
    join_issuers,
    plan_period_start,
    signature_date,
    split_issuer_title,
)
from ..metadata.dates import FULL_DATE_PATTERN
from .document import ParsedDoc
from .paragraphs import CN_HEADING_NUMERALS as _CN
from .paragraphs import split_run_on
from .policy_table import TABLE_HEADER_RE

__all__ = ["TocEntry", "parse_compilation", "parse_toc"]

_TOC_ITEM_RE = re.compile(rf"\(([{_CN}]{{1,3}})\)(.+?)\.?(\d{{1,3}})(?=\([{_CN}]{{1,3}}\)|[{_CN}]{{1,3}}、|$)")
_TOC_SECTION_RE = re.compile(rf"([{_CN}]{{1,3}})、([^.()]{{2,30}}?)\.?(\d{{1,3}})(?=\(|[{_CN}]{{1,3}}、|$)")


@dataclass
class TocEntry:
    """One entry of a table of contents: "一、section" then "(no)heading.page"."""

    section_no: str
    section: str
    no: str
    heading: str  # title plus its parenthetical meta, as printed in the TOC


def parse_toc(text: str) -> list[TocEntry]:
    """Entries of a compilation's table of contents (目录), or [] if there is none."""
    m = re.search(r"目\s*录", text[:5000])
    if not m:
        return []
    start = m.end()
    region = text[start : start + 8000]
    # Roman page numbers of the front matter (I, II, III) get glued into entries.
    region = re.sub(rf"(?<=[{CJK}\d)])[IVX]{{1,4}}(?=[{CJK}\d(])", "", region)
    region = re.sub(r"^[IVX]{1,4}", "", region)
    entries: list[TocEntry] = []
    # Walk sections in order; items are the "(n)" entries between them.
    sections = list(_TOC_SECTION_RE.finditer(region))
    if not sections:
        return []
    first_title = sections[0].group(2)
    # The TOC ends where the body repeats the first section title.
    end = region.find(first_title, sections[-1].end())
    if end == -1:
        end = len(region)
    sections = [s for s in sections if s.start() < end]
    for si, sm in enumerate(sections):
        seg_end = sections[si + 1].start() if si + 1 < len(sections) else end
        seg = region[sm.end() : seg_end]
        for im in _TOC_ITEM_RE.finditer(seg):
            entries.append(TocEntry(sm.group(1), sm.group(2), im.group(1), im.group(2).strip()))
    return entries if len(entries) >= 2 else []


def _nospace(s: str) -> str:
    """``s`` without whitespace."""
    return re.sub(r"\s", "", s)


def _find_heading(body: str, entry: TocEntry, start: int) -> tuple[int, int] | None:
    """Locate an entry's heading in the body at or after ``start``; return (start, end)."""
    title_key = _nospace(entry.heading)[:12]
    marker = f"({entry.no})"
    pos = start
    while True:
        i = body.find(marker, pos)
        if i == -1:
            return None
        after = _nospace(body[i + len(marker) : i + len(marker) + 40])
        if after.startswith(title_key):
            break
        pos = i + 1
    # Walk the printed heading against the TOC text, ignoring spaces, to find its end.
    target = _nospace(entry.heading)
    j = i + len(marker)
    k = 0
    while j < len(body) and k < len(target):
        if body[j] == " ":
            j += 1
            continue
        if body[j] != target[k]:
            break
        j += 1
        k += 1
    if k < len(target):
        # Damaged heading: end at the first closing bracket after the title.
        close = body.find(")", i + len(marker) + len(title_key), i + len(marker) + len(target) + 25)
        j = close + 1 if close != -1 else i + len(marker) + len(target)
    return i, j


def _split_toc_heading(heading: str) -> tuple[str, str]:
    """ "X的通知(国发202129号)" -> ("X的通知", "国发202129号"); "(2018-2022年)" stays in the title."""
    m = re.search(r"\(([^()]*)\)\s*$", heading)
    if m and re.search(r"号|月", m.group(1)):
        return heading[: m.start()].strip(), m.group(1)
    return heading.strip(), ""


def parse_compilation(text: str, toc: list[TocEntry], source: str) -> list[ParsedDoc]:
    """One document per table-of-contents entry of a compilation's clean ``text``.

    Each body runs from its heading to the next heading (the last one to the
    policy table, if any).  ``source`` gets "#n" appended (n from 1).  Raises
    CorpusError when a section or heading of the contents is not in the body.
    """
    heads = _locate_headings(text, toc, source)
    # The policy table (if any) ends the last document.
    table = TABLE_HEADER_RE.search(text, heads[-1][1])
    section_titles = sorted({f"{e.section_no}、{e.section}" for e in toc}, key=len, reverse=True)
    docs = []
    for n, (e, (hs, he)) in enumerate(zip(toc, heads)):
        end = heads[n + 1][0] if n + 1 < len(heads) else (table.start() if table else len(text))
        body = _entry_body(text[he:end], section_titles)
        docs.append(_entry_document(e, text[hs:he], body, f"{source}#{n + 1}"))
    return docs


def _locate_headings(text: str, toc: list[TocEntry], source: str) -> list[tuple[int, int]]:
    """(start, end) of every entry's heading in the body, in contents order."""
    # Body starts where the first section title appears again after the TOC.
    first_section = f"{toc[0].section_no}、{toc[0].section}"
    toc_pos = text.find(first_section)
    body_start = text.find(first_section, toc_pos + len(first_section))
    if body_start == -1:
        raise CorpusError(source, "compilation: table of contents found but its sections are not in the body")
    heads = []
    pos = body_start
    for e in toc:
        span = _find_heading(text, e, pos)
        if span is None:
            raise CorpusError(
                source, f"compilation: heading ({e.no}){e.heading[:20]}… of the contents is not in the body"
            )
        heads.append(span)
        pos = span[1]
    return heads


# 版记 (distribution and print note) closing a 公文: not part of the policy text.
_PRINT_NOTE_RE = re.compile(rf"(\(此件[^()]{{0,10}}\))?抄送[:：][^\n]{{0,400}}?{FULL_DATE_PATTERN}印发$")


def _entry_body(body: str, section_titles: list[str]) -> str:
    """The policy text between two headings: without a following section title, the
    policy table's section title and the print note; run-on text split into paragraphs."""
    body = body.strip()
    changed = True
    while changed:
        changed = False
        for st in section_titles:
            if body.endswith(st):
                body = body[: -len(st)].rstrip()
                changed = True
        m = re.search(rf"[{_CN}]{{1,3}}、[^。,]{{2,20}}清单$", body)
        if m:
            body = body[: m.start()].rstrip()
            changed = True
    body = body.lstrip(".。 ")
    body = _PRINT_NOTE_RE.sub("", body).rstrip()
    return split_run_on(body)


def _entry_document(e: TocEntry, printed: str, body: str, source: str) -> ParsedDoc:
    """The document of one entry: ``printed`` is its heading as printed in the body."""
    title, toc_meta = _split_toc_heading(e.heading)
    title = re.sub(r"\s+", " ", title)
    doc_number = ""
    for cand in (printed, toc_meta):
        nums = find_doc_numbers(cand)
        if nums:
            doc_number = nums[-1][1]
            break
    issuer = join_issuers(split_issuer_title(title)[0])
    date = _entry_date(body, (printed, toc_meta), doc_number, title)
    d = ParsedDoc(
        title=title,
        text=body,
        source=source,
        issuer=issuer,
        doc_number=doc_number,
        date=date,
        section=f"{e.section_no}、{e.section}",
    )
    d.genre = genre_of(title)
    d.is_excerpt, d.excerpt_reason = detect_excerpt(body)
    sig = re.findall(rf"[(（]([{CJK}]{{2,20}}?)代章[)）]", body)
    d.level, d.region, d.level_evidence = classify_level(issuer, title, hints=(e.section, *sig, body[:1500]))
    return d


def _entry_date(body: str, headings: tuple[str, str], doc_number: str, title: str) -> DateInfo | None:
    """Date of an entry: signature, then a date in its heading, then the 文号's year, then the
    plan period in its title, then the documents it cites (lower bound); None if none."""
    date = signature_date(body)
    if date is not None:
        return date
    for cand in headings:
        ds = find_dates(cand)
        if ds:
            return DateInfo(ds[0].iso, ds[0].year, "heading")
    y = doc_number_year(doc_number) if doc_number else None
    if y is not None:
        return DateInfo(str(y), y, "doc_number")
    y = plan_period_start(title)
    if y is not None:
        return DateInfo(str(y), y, "plan period start (title)")
    return cited_lower_bound(body)
