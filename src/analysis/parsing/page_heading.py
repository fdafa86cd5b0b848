"""Title-block conventions of 公文 that repair or replace a page's heading: a heading printed with
a full stop, a title line ending open (…关于印发) whose next line was removed as a repeated header,
a regulation printed under its promulgation 公告 or over its adoption note (题注), a heading run into
its body below a repost's full-text lead, and the genre of a 转发 notice that names what it forwards
only by its 文号.
"""

from __future__ import annotations

import re

from ..metadata import find_doc_numbers, genre_of
from .page_flattened import ADOPTION_NOTE_RE
from .page_state import PageState
from .page_title import TITLE_GENRE_RE, is_org_line, is_salutation, is_title_line, opens_title

__all__ = [
    "forwarded_genre",
    "heading_before_body",
    "heading_over_adoption_note",
    "heading_run_into_body",
    "interpretation_heading_run_on",
    "promulgated_regulation",
    "removed_head",
    "removed_tail",
    "sent_out_genre",
    "unstopped_heading",
]


# a name quoted with its 文号 in brackets: "《山东省人民政府办公厅关于印发…实施方案的通知》(鲁政办发〔2014〕20号)"
_NAMED_NUMBER_RE = re.compile(r"《([^《》]{6,100})》\s*[(（]([^()（）]{4,30})[)）]")


def forwarded_genre(page: PageState, body: str) -> str:
    """The genre of what a 转发 notice forwards when its title names it only by 文号 ("关于转发鲁政办发
    〔2014〕20号文件…的通知", holdout8 050): the genre of the name the text quotes with that 文号
    ("现将《…实施方案的通知》(鲁政办发〔2014〕20号)转发给你们" -> 方案); "" otherwise (README, genre:
    a transmittal has the genre of what it transmits)."""
    if "转发" not in page.title:
        return ""
    forwarded = {n for _p, n in find_doc_numbers(page.title.split("转发", 1)[1])}
    for m in _NAMED_NUMBER_RE.finditer(body[:2000]) if forwarded else ():
        if {n for _p, n in find_doc_numbers(m.group(2))} & forwarded:
            return genre_of(m.group(1))
    return ""


# a notice's sentence sending out a named document: "现将《…管理办法》印发给你们"
_SENDS_OUT_RE = re.compile(r"现将《([^《》]{4,80})》(?:印发|印送)(?:给)?你们")


def sent_out_genre(page: PageState, body: str) -> str:
    """The genre of the document a notice sends out when its own title does not name it (a notice
    "关于开展…工作的通知" whose text says "现将《…工作管理办法》印发给你们", holdout15 048): that
    document's genre (README, genre: a transmittal has the genre of what it transmits); "" when the
    title is no such notice (a 印发/转发 title names what it sends out) or the text sends nothing
    out by name."""
    if genre_of(page.title) != "通知" or re.search("印发|转发|印送", page.title):
        return ""
    m = _SENDS_OUT_RE.search(body[:3000])
    genre = genre_of(m.group(1)) if m else ""
    return "" if genre == "通知" else genre


def unstopped_heading(lines: list[str]) -> list[str]:
    """``lines`` with the full stop a page put after its heading removed, when the heading heads a
    title block ("國務院關於…的若干意見。" over "國發〔2012〕23號。" and the addressees, holdout7
    018): a line opening like a title (关于, a place, a body) whose text before the '。' is a
    title line, followed by a 文号 line or the addressee line.  A body sentence ending in a genre
    word ("…适用本办法。") is followed by neither."""
    out = list(lines)
    for i, ln in enumerate(lines[:12]):
        head = ln.rstrip()[:-1] if ln.rstrip().endswith("。") else ""
        nxt = lines[i + 1].strip().rstrip("。") if i + 1 < len(lines) else ""
        numbered = bool(nxt) and [n for _p, n in find_doc_numbers(nxt)] and len(nxt) <= 20
        if head and is_title_line(head) and opens_title(head) and (numbered or is_salutation(nxt)):
            out[i] = head
    return out


# "《陕西省大数据条例》已于2022年9月29日经…通过,现予公布": a promulgation notice's sentence
_PROMULGATES_RE = re.compile(r"《([^《》]{4,60})》[^《》。]{0,80}(?:现予公布|予以公布|现予发布|现予公告)")


def promulgated_regulation(page: PageState) -> None:
    """A promulgation 公告 (or 令) printed with the regulation it promulgates (holdout8 007: "陕西省大数
    据条例" / adoption note / "陕西省人民代表大会常务委员会公告" / "《陕西省大数据条例》…现予公布"):
    the regulation is the document, so its heading, printed on the page, is the title."""
    if genre_of(page.title) not in ("公告", "令"):
        return
    head = page.lines[: page.head_limit + 10]
    for ln in head:
        m = _PROMULGATES_RE.search(ln)
        name = m.group(1) if m else ""
        printed = any(re.sub(r"\s", "", h) == re.sub(r"\s", "", name) for h in head)
        if name and printed and genre_of(name) not in ("", "公告", "令"):
            page.note("title", name, ln, "the regulation a promulgation 公告 publishes (printed above it)")
            page.title = name
            return


def heading_over_adoption_note(page: PageState) -> None:
    """A law's or regulation's heading printed over its 题注, the adoption note in brackets
    ("陕西省大数据条例" / "(2022年9月29日…会议通过)", holdout8 006), is the title of a page whose
    title block gave none (条例 and 细则 end no policy title, so the block does not read them)."""
    if page.title:
        return
    for i, ln in enumerate(page.lines[: min(len(page.lines) - 1, 12)]):
        if ADOPTION_NOTE_RE.match(page.lines[i + 1].strip()) and genre_of(ln) and 4 <= len(ln) <= 40:
            page.title, page.title_idx, page.body_start = ln.strip(), i, i + 2
            page.note("title", page.title, ln, "heading over its adoption note (题注)")
            return


# a title line ending where the title's name begins ("武穴市人民政府办公室关于印发")
_OPEN_TITLE_END_RE = re.compile(r"(?:关于|印发|转发)$")


def removed_tail(page: PageState) -> None:
    """A title block ending open ("…办公室关于印发", holdout8 044) whose next printed line was
    removed as a header line printed twice (the page's headline is the title's second half,
    "武穴市政府网站集约化建设方案的通知"): that line is the rest of the title."""
    if not _OPEN_TITLE_END_RE.search(page.title):
        return
    last = page.lines[page.body_start - 1].strip() if 0 < page.body_start <= len(page.lines) else ""
    raw = [ln for ln in page.raw_lines if ln]
    at = next((k for k in range(len(raw) - 1) if raw[k] == last and last), None)
    if at is None:
        return
    tail = raw[at + 1]
    if tail in page.removed and len(tail) <= 40 and TITLE_GENRE_RE.search(tail) and is_title_line(page.title + tail):
        page.title += tail
        page.note("title", page.title, tail, "title block (its last line, removed as a repeated header, joined)")


def removed_head(page: PageState, first: int) -> None:
    """A title block opening with 关于 (its first line ``page.lines[first]``) whose issuer line
    printed right above it was removed as a line printed twice (the page's metadata list names the
    same body: "发文单位 / 市人民政府办公室", holdout10 049): that line opens the title."""
    if not page.title.startswith("关于"):
        return
    raw = [ln.strip() for ln in page.raw_lines if ln.strip()]
    at = next((k for k in range(1, len(raw)) if raw[k] == page.lines[first].strip()), None)
    head = raw[at - 1] if at is not None else ""
    if head in page.removed and len(head) <= 40 and is_org_line(head) and is_title_line(head + page.title):
        page.title = head + page.title
        page.note("title", page.title, head, "title block (its issuer line, removed as a repeated line, joined)")


# a repost's lead to the text it reprints: "以下为《工作要点》全文。", "《X》全文如下:"
_FULL_TEXT_LEAD_RE = re.compile(r"《[^《》]{2,100}》\s*(?:全文|原文|正文)(?:如下)?\s*[:：。]?$")


def heading_run_into_body(page: PageState) -> None:
    """A page with no title found whose repost lead says the full text follows ("以下为《工作要点》
    全文。") prints the document's heading at the start of the next line, run into the first
    sentence of the body ("2022年数字福建工作要点2022年数字福建工作,要以…", holdout11 012): the
    heading is the name the page quotes in 《》 above, ending in a genre word, that the line starts
    with.  Sets the title and starts the body at that line."""
    if page.title:
        return
    lines = page.lines
    for i in range(1, min(len(lines), 12)):
        if not _FULL_TEXT_LEAD_RE.search(lines[i - 1].strip()):
            continue
        names = [m.group(1) for ln in lines[:i] for m in re.finditer(r"《([^《》]{6,80})》", ln)]
        line = lines[i].strip()
        for name in sorted(names, key=len, reverse=True):
            rest = line[len(name) :]
            if line.startswith(name) and rest and TITLE_GENRE_RE.search(name) and is_title_line(name):
                page.title = name
                page.body_start = i
                page.note("title", name, line, "heading run into the body below a full-text lead")
                return
        return


_SENTENCE_RE = re.compile(r"[。,，;；]")


def heading_before_body(page: PageState) -> None:
    """A page with no title found whose first lines hold a heading ending in its genre word, then
    a space and the body's first sentence on the same line (a flattened document-sharing copy:
    "关于实施宽带中国 2013 专项行动的意见 为深入贯彻落实…,", holdout10 015): the heading is the
    title, the body starts at that line."""
    if page.title:
        return
    for i, line in enumerate(page.lines[:6]):
        for gap in re.finditer(r"\s+", line[:100]):
            head, rest = line[: gap.start()].strip(), line[gap.end() :]
            if (
                TITLE_GENRE_RE.search(head)
                and is_title_line(head)
                and opens_title(head)
                and _SENTENCE_RE.search(rest[:60])
            ):
                page.title = head
                page.body_start = i
                page.note("title", head, line, "heading before the body's first sentence on one line")
                return


# an interpretation's heading: the name it explains in 《》 and 解读 ("关于《…实施方案》政策解读",
# "《…》的解读"), opening the line
_INTERPRETATION_HEAD_RE = re.compile(r"^(?:关于)?《[^《》]{6,100}》(?:的)?(?:政策)?解读(?:材料)?")


def interpretation_heading_run_on(page: PageState) -> None:
    """A page with no title found whose first line opens with an interpretation's heading run
    straight into its first sentence (a flattened one-line page, the space before the body lost:
    "关于《澄江市政务服务“好差评”制度建设实施方案》政策解读2020年4月27日澄江市人民政府办公室印发了《…》…。",
    holdout15 051): the heading is the title, the body starts at that line.  Only when the rest
    of the line is a sentence, not a name the heading continues with."""
    if page.title or not page.lines:
        return
    line = page.lines[0].strip()
    m = _INTERPRETATION_HEAD_RE.match(line)
    if m is None or not _SENTENCE_RE.search(line[m.end() : m.end() + 200]):
        return
    page.title = m.group()
    page.body_start = 0
    page.note("title", page.title, line[:120], "interpretation heading run into the body on one line")
