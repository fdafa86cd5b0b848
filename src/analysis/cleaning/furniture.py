"""Web-page furniture: boilerplate lines, the document's span, and what may be removed around it.

Furniture is removed only *outside* the document — above its first sentence
(menus, breadcrumbs, share bars, the title block's widgets) and below its last
sentence, signature and attachments (footers, related articles, comment boxes)
— or, inside it, only as a whole block of two or more lines of site furniture
(a share bar or footer printed between two parts of a page).  A single line
between the document's first and last sentence is never removed, whatever
words it contains: policies do say 扫描二维码, 隐私政策 or 承办单位:.

Every removal carries the name of the rule that made it (:class:`Removal`), so
the loader can report each removed span (:mod:`analysis.corpus.audit`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..metadata.genre import LEGAL_FORM_WORDS, TITLE_GENRE_WORDS
from ..metadata.variants import without_han_spaces
from .script import SCRIPT_SAMPLE, converter, detect_script, may_change_t2s

__all__ = [
    "TRAILER_START_PATTERN",
    "Removal",
    "cut_trailer",
    "document_span",
    "furniture_removals",
    "furniture_rule",
    "is_boilerplate_line",
    "is_trailer_start",
    "strip_page_furniture",
]


#: Lines that end an article's page (editor note, share prompt, reading
#: suggestions); also used by the page parser to cut the trailer.
TRAILER_START_PATTERN = r"^[(（]?责编[:：]|^分享[:：]|分享让更多人看到|^推荐阅读"

# (rule name, pattern, site): "site" rules match furniture no document prints as a
# line of its own (share bars, copyright, print buttons); the others match lines a
# document may print (contact lines, 承办单位:, short bullets), so they are only
# trusted outside the document.
_RULES: list[tuple[str, str, bool]] = [
    ("navigation bullet", r"^[•·●▪◆■□\-\*]\s*\S{0,8}$", False),  # "• 官方微信", "• 手机版"
    ("share or QR prompt", r"扫描?二维码|扫一扫|关注我们|关注.{0,12}(微信|微博|公众号)|分享到|转发到|一键分享", True),
    ("copyright", r"copyright|©|版权所有|all rights reserved|icp[备證证]|[京津沪冀豫川陕鲁][bB]\d-|公网安备", True),
    ("editor line", r"^(责任)?编辑[:：]|^审核[:：]|^校对[:：]|^作者[:：]|^来源[:：]\S{0,20}$|^责任编辑", False),
    ("contact line", r"^(联系)?电话[:：]|^传真[:：]|^(电子)?邮箱[:：]|^e-?mail[:：]|^地址[:：]|^邮编[:：]", False),
    ("bare web address", r"^https?://\S+$|^www\.\S+$", False),
    ("page link", r"点击(下载|查看|排行)|^[【\[(（]?\s*(返回顶部|上一篇|下一篇|我要纠错)", True),
    # short only: 关闭 also starts sentences (关闭落后产能…)
    (
        "print or close button",
        r"^[【\[(（]?\s*(打印|关闭|收藏)(?=.{0,24}$)|^.{0,30}(打印本页|关闭窗口|打印此页)\S{0,4}$|^【\s*字号",
        True,
    ),
    ("section label", r"^(标签|相关阅读|相关链接|推荐|专题|更多|热点|评论|新浪微博评论)[:：]?$", True),
    ("comment box", r"已有\d+条(微评|评论)|还可以输入\s*\d+\s*个字", True),
    (
        "font size or counter",
        r"(阅读|浏览|访问|点击)次数|选择阅读字号|字号[:：]?\s*\[|【\s*(大|中|小)\s*】|【?\s*字体[:：]\s*大\s*中\s*小",
        True,
    ),
    (
        "metadata field label",
        r"^[•·]?\s*(索\s*引\s*号|公文种类|发布机构|发文机关|发文字号|成文日期|发布日期|文\s*号|有\s*效\s*性|主题分类|主\s*题\s*词|标\s*题)\s*[:：]",
        False,
    ),
    ("site footer", r"网站运营|技术支持[:：]|网站标识码|网站地图|免责声明|隐私(声明|政策)", True),
    ("sponsor line", r"主办单位[:：]|承办单位[:：]|^主办[:：]|承办[:：]|协办[:：]", False),
    ("footer link", r"^(关于我们|联系我们|版权声明|网站声明)\s*([|｜·]|$)", True),
    ("source line", r"^\(?信息来源[:：].*\)?$", False),
    ("trailer start", TRAILER_START_PATTERN, True),
    # teasers in "related articles" lists; a line holding a sentence is the document, cut off
    ("truncated teaser", r"^[^。]*(\.\.\.|…)$", False),
]
_RULES_RE = [(name, re.compile(p, re.I), site) for name, p, site in _RULES]

# Where a page's trailer starts (related-article lists, comment boxes, the 版记):
# the page parser cuts everything from the first such line below the document.
_TRAILER_RE = re.compile(
    r"扫描?二维码|^(责任)?编辑[:：]|分享到|copyright|©|^审核[:：]|点击下载|^https?://|^标签[:：]"
    rf"|{TRAILER_START_PATTERN}|^相关(阅读|文件|链接|新闻|文章|附件|稿件)"
    r"|^抄送[:：]",  # 抄送 opens the 版记 (distribution and print note) closing a 公文
    re.I,
)
# a sentence of the document: what furniture never is
_SENTENCE_RE = re.compile(r"^.{9,}。")
# a signature's date line: 2021年3月1日, 二〇二一年三月一日
_DATE_LINE_RE = re.compile(
    r"^[0-9〇零一二三四五六七八九]{4}\s*年[0-9〇零一二三四五六七八九十]{1,3}月[0-9〇零一二三四五六七八九十]{1,3}日$"
)
# a title's last word (an issuer's name or a date repeated in the signature is no title)
_TITLE_END_RE = re.compile(rf"({'|'.join((*TITLE_GENRE_WORDS, *LEGAL_FORM_WORDS))})(\([^()]{{1,20}}\))?》?$")
_LONG_SENTENCE_RE = re.compile(r"^(?=.*[,、;]).{19,}。[”\)]?$")


@dataclass(frozen=True)
class Removal:
    """One line removed from a page: its index in the lines given, its text and the rule that removed it."""

    index: int
    text: str
    rule: str


@lru_cache(maxsize=65536)
def _simplified(line: str) -> str:
    """The line in simplified script (furniture patterns are written in simplified characters)."""
    if not may_change_t2s(line):  # most lines: conversion would return them unchanged
        return line
    if len(line) <= SCRIPT_SAMPLE:
        # detect_script(line, threshold=0.0) reads the whole line and calls it traditional exactly
        # when t2s changes it, so converting once decides and converts
        return converter("t2s").convert(line)
    return converter("t2s").convert(line) if detect_script(line, threshold=0.0) == "traditional" else line


@lru_cache(maxsize=65536)  # the span, trailer and removal steps ask about the same lines
def _rule_of(line: str) -> tuple[str, bool]:
    """(rule name, is a site rule) of the first furniture rule the line matches; ("", False) if none."""
    s = line.strip()
    if not s:
        return "", False
    s = _simplified(s)
    for name, pattern, site in _RULES_RE:
        if pattern.search(s):
            return name, site
    return "", False


def furniture_rule(line: str) -> str:
    """The name of the furniture rule a line matches ("share or QR prompt", "copyright" …); "" if none."""
    return _rule_of(line)[0]


def is_boilerplate_line(line: str) -> bool:
    """True for a line of web-page furniture: navigation, share/QR prompts,
    copyright, editor and contact lines, download links, truncated teasers.

    Works on simplified or traditional text (patterns are matched on the
    simplified form).  Says what the line looks like, not whether it may be
    removed: :func:`furniture_removals` decides that from where it stands.
    """
    return bool(furniture_rule(line))


@lru_cache(maxsize=65536)
def is_trailer_start(line: str) -> bool:
    """True for a line that opens a page's trailer (share prompt, editor line, related articles, 抄送)."""
    return bool(_TRAILER_RE.search(_simplified(line.strip())))


def _is_plain_sentence(line: str) -> bool:
    """True for a sentence of the document: 10+ characters with a 。, no furniture or trailer words."""
    return bool(_SENTENCE_RE.match(line)) and not furniture_rule(line) and not is_trailer_start(line)


def _is_worded_sentence(line: str) -> bool:
    """True for a long sentence (20+ characters, clauses, closing 。) that holds furniture words
    (群众扫描二维码即可…。, …公开隐私政策。) but is no copyright notice."""
    return bool(_LONG_SENTENCE_RE.match(line)) and furniture_rule(line) != "copyright"


def _document_anchors(lines: list[str]) -> list[int]:
    """Indices of the document's sentences: plain ones, and worded ones (:func:`_is_worded_sentence`)
    that more document follows — a plain sentence or a signature date within 4 lines — since
    the same words close a page in a footer's promotion (…请扫描二维码,关注官方微信。)."""
    plain = [i for i, ln in enumerate(lines) if _is_plain_sentence(ln)]
    if not plain:
        return []
    anchors = set(plain)
    for i in range(plain[0] + 1, len(lines)):
        if i in anchors or not _is_worded_sentence(lines[i]):
            continue
        below = lines[i + 1 : i + 5]
        if i < plain[-1] or any(_is_plain_sentence(ln) or _DATE_LINE_RE.match(ln) for ln in below):
            anchors.add(i)
    return sorted(anchors)


def document_span(lines: list[str]) -> tuple[int, int]:
    """(start, end): the lines that hold the document, ``lines[start:end]``; (0, 0) if no sentence.

    ``start`` is the first sentence (a line of 10+ characters with a 。 that is
    neither furniture nor a trailer start): the title block stands above it.
    Below it, a long sentence holding furniture words counts too when more of
    the document follows it.
    ``end`` runs past the last such sentence over the signature, attachments
    and any plain lines below, up to the first line of site furniture or trailer,
    or three lines printed above the document too (its menu, reprinted).
    """
    lines = [ln.strip() for ln in lines]
    anchors = _document_anchors(lines)
    if not anchors:
        return 0, 0
    end = anchors[-1] + 1
    header = set(lines[: anchors[0]])
    while end < len(lines):
        rule, site = _rule_of(lines[end])
        if (rule and site) or is_trailer_start(lines[end]):
            break
        if len(lines[end : end + 3]) == 3 and all(ln in header for ln in lines[end : end + 3]):
            break  # the page's menu printed again below the document
        if rule:
            # lines a document may print (承办单位:…, 电话:…) belong to it only
            # when the document goes on below them; at the bottom they are the footer
            nxt = end
            while nxt < len(lines) and furniture_rule(lines[nxt]) and not _rule_of(lines[nxt])[1]:
                nxt += 1
            if nxt == len(lines) or furniture_rule(lines[nxt]) or is_trailer_start(lines[nxt]):
                break
            end = nxt
        end += 1
    return anchors[0], end


def cut_trailer(lines: list[str]) -> tuple[list[str], list[str]]:
    """(page, trailer): ``lines`` split at the first trailer line (related-article lists,
    comment boxes, share prompts, the 版记's 抄送) that stands below the document
    (:func:`document_span`) and in the second half of the page; trailer is [] if none.

    A line inside the document never starts the trailer, whatever words it
    contains (扫描二维码, 相关文件…).
    """
    _, doc_end = document_span(lines)
    for i in range(max(len(lines) // 2, doc_end), len(lines)):
        if is_trailer_start(lines[i]):
            return lines[:i], lines[i:]
    return lines, []


def furniture_removals(lines: list[str]) -> list[Removal]:
    """The lines of a page that are furniture, each with the rule that removes it.

    Outside the document (:func:`document_span`) a line is removed when it
    matches any furniture rule, repeats a line of 8+ characters printed above
    the document (a title or menu printed twice), or is a truncated copy of
    one of the next lines among the first 15 (scraped pages repeat their lead).
    Inside it, only runs of two or more lines of site furniture without a
    sentence are removed ("furniture block"), and a title printed above the
    document again ("repeated title"); any other repeated line there is body
    structure (责任单位:… under every task) and stays.  Returns the removals in order.
    """
    stripped = [ln.strip() for ln in lines]
    start, end = document_span(stripped)
    if start == end:
        # no sentence at all: the whole page is read as header
        start = end = len(stripped)
    site = [bool(s) and _rule_of(s)[1] and not _SENTENCE_RE.match(s) for s in stripped]
    header_seen: set[str] = set()
    removals: list[Removal] = []
    for idx, s in enumerate(stripped):
        if not s:
            continue
        rule = _removal_rule(stripped, idx, (start, end), site, header_seen)
        if rule:
            removals.append(Removal(idx, s, rule))
        elif idx < start:
            header_seen.add(s)
    return removals


def _removal_rule(stripped: list[str], idx: int, span: tuple[int, int], site: list[bool], header_seen: set[str]) -> str:
    """The rule that removes line ``idx`` ("" to keep it), given the document's span.

    Below the document, any line printed above it too is furniture (a menu reprinted);
    above it, only lines of 8+ characters (a title printed twice), since short labels recur.
    """
    inside = span[0] <= idx < span[1]
    after = span[1]
    s = stripped[idx]
    # a lead printed twice (whole, or first cut short) is a scraping artefact wherever it stands
    if _is_doubled_lead(stripped, idx):
        return "doubled lead"
    if _is_truncated_lead(stripped, idx, inside):
        return "truncated lead"
    if inside and len(s) >= 8 and s in header_seen and _TITLE_END_RE.search(s):
        # the title printed again to head the text (a decree's or transmitted plan's): kept once, above
        return "repeated title"
    if inside:
        in_block = (idx > 0 and site[idx - 1]) or (idx + 1 < len(site) and site[idx + 1])
        return f"furniture block ({furniture_rule(s)})" if site[idx] and in_block else ""
    rule = furniture_rule(s)
    if rule:
        return rule
    if s in header_seen and (len(s) >= 8 or idx >= after):
        return "repeated header line"
    return ""


def _is_truncated_lead(stripped: list[str], idx: int, inside: bool) -> bool:
    """True when line ``idx`` (8+ characters, among the first 15) is cut short and printed whole
    within the next 5 lines.  Inside the document only when the line above is reprinted too
    (a lead printed twice), since a signature line may also open a longer line (…印发).
    """
    s = stripped[idx]
    if idx >= 15 or len(s) < 8:
        return False
    # a lead printed with a layout space the fuller print lacks ("数字 政府") is cut short all the
    # same; a clean lead above a spaced print stays (the better print of the title)
    squeezed = without_han_spaces(s)
    following = [without_han_spaces(o) if squeezed != s else o for o in stripped[idx + 1 : idx + 6]]
    if not any(o != squeezed and o.startswith(squeezed) for o in following):
        return False
    return not inside or (idx > 0 and stripped[idx - 1] in stripped[idx + 1 : idx + 7])


def _is_doubled_lead(stripped: list[str], idx: int) -> bool:
    """True when line ``idx`` (among the first 15) repeats an earlier line as part of a run of
    lines printed twice that holds a sentence: a scraped page printing its lead twice.

    A repeated label (责任单位:…) is not enough: the repeated run must carry a sentence,
    and a line the page prints more than twice is text that repeats, not a doubled lead.
    """
    s = stripped[idx]
    if idx >= 15 or len(s) < 8 or stripped.count(s) != 2:
        return False
    for first in range(idx):
        if stripped[first] != s:
            continue
        k = idx - first
        lo = idx
        while lo - 1 >= k and lo - 1 > first and stripped[lo - 1] == stripped[lo - 1 - k]:
            lo -= 1
        hi = idx
        while hi + 1 < len(stripped) and hi + 1 - k < idx and stripped[hi + 1] == stripped[hi + 1 - k]:
            hi += 1
        if any(_SENTENCE_RE.match(stripped[j]) for j in range(lo, hi + 1)):
            return True
    return False


def strip_page_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split page lines into (kept, removed) by :func:`furniture_removals`.

    Returns the kept lines (stripped, without empty ones) and the removed
    ones (for the loader's report).
    """
    removed_at = {r.index for r in furniture_removals(lines)}
    kept = [ln.strip() for i, ln in enumerate(lines) if ln.strip() and i not in removed_at]
    removed = [ln.strip() for i, ln in enumerate(lines) if i in removed_at]
    return kept, removed
