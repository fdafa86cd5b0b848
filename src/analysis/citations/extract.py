"""References a document prints: 《titles》, 文号 and titles named after 根据/按照/贯彻落实.

Three forms are read, because scraped and PDF-extracted policy text prints all three:

* a title in book-title marks, with nesting: 《关于印发〈…〉的通知》 (the inner marks may be
  《》 or 〈〉);
* a 文号, on its own or right after the title it numbers: 《…》(国发〔2022〕14号);
* a title without marks, which PDF extraction leaves when it drops 《》: after a verb of
  compliance (根据, 按照, 依据, 贯彻落实 …), a phrase that names an issuer, a place or the
  nation and ends in a genre word (通知, 意见, 规划, 纲要 …); unless its 文号 follows, it must
  also hold 关于 or be 8 characters or more without generic words (国家有关规定 is no title).

Short forms declared by 以下简称《意见》 and bare genre words (《意见》, 《通知》) refer back to
a reference already read or to the document itself, so they are not references of their own;
newspapers named as a source (《光明日报》) are not documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..metadata import LEGAL_FORM_WORDS, TITLE_GENRE_WORDS, find_doc_numbers, normalize_doc_number
from ..metadata.gazetteer import gazetteer
from ..metadata.issuer import leading_orgs, looks_like_org

__all__ = ["Reference", "extract_references", "sentence_at"]

# one level of nesting inside 《》: 《关于印发〈X〉的通知》 or 《关于印发《X》的通知》
_TITLE_RE = re.compile(r"《(?P<title>(?:[^《》〈〉\n]|[《〈][^《》〈〉\n]*[》〉]){1,150})》")
_NUMBER_PAREN = re.compile(r"\s*[（(]\s*$")
_ALIAS_RE = re.compile(r"(?:以下简称|下称|简称)\s*(?:《(?P<marked>[^》]{1,20})》|(?P<alias>[^）)，,。；;]{1,20}))")
# a cited title may also be a law (…法)
_GENRES = "|".join(("规划纲要", *TITLE_GENRE_WORDS, *LEGAL_FORM_WORDS, "法"))
# genre words that end an unmarked title; 规定, 计划, 指南 end generic phrases too often (按照国家有关规定)
_UNMARKED_GENRES = "规划纲要|纲要|规划|意见|通知|方案|办法|条例|决定|法"
# words of a generic reference, not a title (国家有关规定, 国家统一规划, 国家重大战略规划)
_GENERIC = re.compile(r"有关|相关|统一|重大|各项|上级|部署|要求|精神")
_NUMBER_AFTER = re.compile(r"\s*[（(][^()（）\n]{1,30}号\s*[)）]")
_BARE_GENRE = re.compile(rf"^(?:本|该|此)?(?:指导|实施|行动|发展)?(?:{_GENRES}|文件|决议)$")
# newspapers and magazines named as a source (来源:光明网-《光明日报》) are not documents
_MEDIA = re.compile(r"(?:日报|晚报|时报|晨报|杂志|周刊|画报)$")
_TRIGGER = re.compile(r"(?:贯彻落实|认真落实|根据|按照|依据|依照|贯彻|落实|遵照|参照|对照)好?\s*")
# an unmarked title: no clause punctuation or book-title marks; a short parenthetical
# such as (2014-2020年) may sit inside it, a 文号 may not; greedy, because titles hold
# genre words and 和 (…第十四个五年规划和二〇三五年远景目标纲要)
_UNMARKED = re.compile(
    rf"(?P<title>(?:[^，,。;；：:、！？\n《》〈〉()（）]|[（(][^()（）\n号]{{1,24}}[)）]){{3,120}}(?:{_UNMARKED_GENRES}))"
    rf"(?=\s*(?:[（(][^()（）\n]{{1,40}}[)）])?\s*(?:$|[，,。;；、]|和|及|等|有关|的?要求|精神|部署|提出|规定|文件))"
)
_NATIONAL_START = re.compile(r"^(?:中华人民共和国|中共中央|国务院|国家|全国|“十)")
_SENTENCE_END = "。！？；;\n"


@dataclass
class Reference:
    """One reference read from a text (positions are offsets into it)."""

    position: int
    end: int
    title: str = ""
    doc_number: str = ""
    issuer: str = ""
    marked: bool = True  # the title was printed inside 《》


def sentence_at(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, cut to ``limit`` characters around it."""
    left = max((text.rfind(ch, 0, start) for ch in _SENTENCE_END), default=-1) + 1
    rights = [k for ch in _SENTENCE_END if (k := text.find(ch, end)) != -1]
    right = min(rights) + 1 if rights else len(text)
    left, right = max(left, start - limit // 2), min(right, end + limit // 2)
    return text[left:right].strip()


def _names_a_body(title: str) -> bool:
    """True when an unmarked phrase starts like a document title: an issuer, a place, the nation, or 关于."""
    if "关于" in title or _NATIONAL_START.match(title) or leading_orgs(title):
        return True
    _index, pattern = gazetteer()
    return pattern.match(title) is not None


def _reads_as_title(title: str, numbered: bool) -> bool:
    """True when an unmarked phrase is a document's title rather than a generic reference.

    A phrase followed by its 文号 only has to start like a title; without one it must also
    hold 关于 or be at least 8 characters long and free of generic words (有关, 统一 …).
    """
    if not _names_a_body(title):
        return False
    if numbered or "关于" in title:
        return True
    return len(title) >= 8 and not _GENERIC.search(title)


def _printed_issuer(text: str, start: int) -> str:
    """An organisation printed right before a 《title》 (国务院印发的《…》 -> 国务院); "" if none."""
    before = text[max(0, start - 30) : start]
    before = re.split(r"[，,。;；：:、\n]|贯彻落实|根据|按照|依据|落实|贯彻", before)[-1]
    before = re.sub(r"(?:印发|发布|出台|制定)?(?:了|的)?$", "", before.strip())
    return before if looks_like_org(before) else ""


def _marked_titles(text: str, aliases: set[str]) -> list[Reference]:
    refs = []
    for m in _TITLE_RE.finditer(text):
        title = m.group("title").strip()
        if title in aliases or _BARE_GENRE.match(title) or _MEDIA.search(title):
            continue
        refs.append(Reference(m.start(), m.end(), title=title, issuer=_printed_issuer(text, m.start())))
    return refs


def _unmarked_titles(text: str, taken: list[tuple[int, int]], aliases: set[str]) -> list[Reference]:
    """Titles printed without 《》 after a verb of compliance, and the ones joined to it by 和/及/、."""
    refs: list[Reference] = []
    for trig in _TRIGGER.finditer(text):
        pos = trig.end()
        while True:
            m = _UNMARKED.match(text, pos)
            if not m:
                break
            title = m.group("title").strip()
            start = m.start("title") + (len(m.group("title")) - len(m.group("title").lstrip()))
            clash = any(a < m.end() and start < b for a, b in taken)
            numbered = _NUMBER_AFTER.match(text, m.end("title")) is not None
            if not clash and title not in aliases and _reads_as_title(title, numbered):
                refs.append(Reference(start, m.end("title"), title=title, marked=False))
                taken.append((start, m.end("title")))
            # a list of titles: A(文号)和B, A、B
            nxt = re.match(r"\s*(?:[（(][^()（）\n]{1,40}[)）])?\s*(?:和|及|以及|、)\s*", text[m.end() :])
            if not nxt:
                break
            pos = m.end() + nxt.end()
    return refs


def _doc_numbers(text: str, reach: int = 48) -> list[tuple[int, str]]:
    """:func:`find_doc_numbers` run only on the stretches of ``text`` that end in 号.

    A 文号 is at most about 30 characters long and ends in 号, so the windows of ``reach``
    characters before each 号 (merged where they overlap) hold every 文号 and give the same
    matches as the whole text, at a fraction of the cost on long documents.
    """
    windows: list[list[int]] = []
    for k in (i for i, ch in enumerate(text) if ch == "号"):
        start = max(0, k - reach)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = k + 1
        else:
            windows.append([start, k + 1])
    return [(a + pos, number) for a, b in windows for pos, number in find_doc_numbers(text[a:b])]


def _attach_numbers(text: str, refs: list[Reference]) -> list[Reference]:
    """Join each 文号 to the title printed right before its parenthesis; the rest stand alone."""
    ends = {r.end: r for r in refs}
    alone = []
    for pos, number in _doc_numbers(text):
        before = text[max(0, pos - 6) : pos]
        paren = _NUMBER_PAREN.search(before)
        owner = None
        if paren:
            k = pos - (len(before) - paren.start())
            owner = ends.get(k)
        if owner is not None and not owner.doc_number:
            owner.doc_number = normalize_doc_number(number) or number
        else:
            end = text.find("号", pos) + 1 or pos + len(number)
            alone.append(Reference(pos, end, doc_number=number, marked=False))
    return sorted(refs + alone, key=lambda r: r.position)


def extract_references(text: str) -> list[Reference]:
    """Every reference ``text`` prints, left to right.

    Returns
    -------
    list of Reference
        position / end (character offsets of the reference in ``text``), title (as printed,
        without the outer 《》; "" for a bare 文号), doc_number (normalised 文号, "" if none),
        issuer (an organisation printed right before the title, "" if none) and marked (the
        title stood inside 《》).  Short forms (以下简称《意见》) and bare genre words are left out.
    """
    aliases = {(m.group("marked") or m.group("alias")).strip() for m in _ALIAS_RE.finditer(text)}
    marked = _marked_titles(text, aliases)
    taken = [(r.position, r.end) for r in marked]
    unmarked = _unmarked_titles(text, taken, aliases)
    return _attach_numbers(text, marked + unmarked)
