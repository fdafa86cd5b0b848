"""Genre (意见, 规划, 方案 ...) and short title read from a document's title."""

from __future__ import annotations

import re

__all__ = ["LEGAL_FORM_WORDS", "TITLE_GENRE_WORDS", "genre_of", "short_title"]

# the words a policy document's title ends in (its genre), the one list the page parser, the
# furniture filter and the citation reader build their patterns from; :func:`genre_of` knows
# these and more (解读, 函, 标准, compound forms such as 实施方案)
TITLE_GENRE_WORDS = (
    "意见", "通知", "规划", "方案", "纲要", "计划", "办法", "规定", "决定", "指南", "指引", "要点", "措施",
)  # fmt: skip
# the forms of laws and regulations (条例, 细则) that end titles too but are no policy genre
LEGAL_FORM_WORDS = ("条例", "细则")


def short_title(title: str, issuer: str = "") -> str:
    """The title without its issuer and transmittal wrapper, for labels.

    "国务院关于印发“十四五”数字经济发展规划的通知" -> "“十四五”数字经济发展规划";
    "国家发改委等八部委关于印发促进智慧城市健康发展的指导意见的通知" ->
    "促进智慧城市健康发展的指导意见".
    """
    t = title.strip()
    m = re.fullmatch(r"《(.+)》\s*解读", t)
    if m:  # an interpretation is labelled by what it interprets
        return "解读:" + short_title(m.group(1), issuer)
    if issuer and t.startswith(issuer):
        t = t[len(issuer) :].strip()
    t = re.sub(r"^.{0,40}?(关于印发|关于|印发)", "", t) if re.search(r"关于|印发", t[:60]) else t
    t = re.sub(r"的通知$", "", t) if re.search(r"^关于|印发", title) and "印发" in title else t
    return t.strip() or title


# ----------------------------------------------------------------------------- genre

_GENRES = (
    "解读", "实施意见", "指导意见", "意见", "实施方案", "行动方案", "工作方案", "方案",
    "行动计划", "计划", "发展规划", "规划", "行动纲要", "纲要", "指南", "指引", "办法", "规定",
    "决定", "通知", "通报", "公告", "批复", "函", "要点", "标准", "措施", "重点任务", "任务", "顶层设计",
    "细则", "条例",
    # a body's rules for its own work ("厦门市人民防空办公室电子证照管理制度", holdout14 043): the 规章制度
    # form, a heading like 办法 and 规定 (kept out of TITLE_GENRE_WORDS: 本制度 in a sentence cites nothing)
    "制度",
)  # fmt: skip
_GENRE_FAMILY = {
    "实施意见": "意见",
    "指导意见": "意见",
    "实施方案": "方案",
    "行动方案": "方案",
    "工作方案": "方案",
    "行动计划": "计划",
    "发展规划": "规划",
    "行动纲要": "纲要",
    "重点任务": "任务",
    # a smart-city plan's own name for itself ("“智慧西青”顶层设计"); bare 设计 names a design
    # (建筑设计), not a policy document, so only the full term counts
    "顶层设计": "设计",
}


_SEVERAL_SENT_RE = re.compile(
    r"(?:印发|转发)《([^《》]+)》(?:《[^《》]+》|、)*等[\d一二两三四五六七八九十]*个?(?:文件|办法|制度)的?通知$"
)


def genre_of(title: str) -> str:
    """Genre of a document from its title: 意见, 规划, 通知, 方案, 纲要, 解读, ...

    A transmittal notice ("关于印发X的通知", "转发X的通知") takes the genre of what it
    transmits (a plan sent out by notice is a 规划), since that is what the
    text is, and one sending out several ("印发《A》等三个文件的通知") the genre of the first it
    names; a notice that transmits nothing is a 通知.  Rules a title names as 细则 or 条例 have
    that genre.  Returns "" if the
    title ends in no known genre word.
    """
    # pinyin glosses and symbol noise a mirror injects ("指南(nán)的(de)通(tōng)知(zhī)", "体φλ系"):
    # a bracket with no Han character or digit in it, and any letter or symbol outside Han
    # text, brackets, digits and dashes, hide the genre word
    t = re.sub(r"[(（][^()（）\u4e00-\u9fff\d]*[)）]", "", title)
    t = re.sub(r"[^\u4e00-\u9fff\d()（）《》“”\"'—\-–、·]", "", t)
    # drop trailing (2021年3月), (2020—2022年), closing quotes, in any nesting
    t, prev = t.strip(), None
    while t != prev:
        prev = t
        t = re.sub(r"[(（][^()（）]*[)）]\s*$", "", t)
        # a plan period whose opening bracket was lost in print: "…行动方案2022-2024年)"
        # (not a whole bracketed period, "(2018-2021年)(修订版)": that goes with its brackets)
        t = re.sub(r"(?<![(（])(?:19|20)\d{2}\s*[—\-–~至]+\s*(?:19|20)\d{2}\s*年?\s*[)）]?\s*$", "", t)
        t = re.sub(r"[”\"》]+\s*$", "", t)
    # an official's answers to the press on a policy (答记者问) interpret it
    if "解读" in t[-8:] or t.startswith("解读") or t.endswith("答记者问"):
        return "解读"
    # "关于印发《A》等三个文件的通知", "印发《A》《B》等文件的通知": a notice sending out several
    # documents takes the genre of the first it names
    m = _SEVERAL_SENT_RE.search(t)
    if m and genre_of(m.group(1)):
        return genre_of(m.group(1))
    m = re.search(r"(?:印发|转发)(.+?)的?通知$", t)
    if m:
        inner = genre_of(m.group(1))
        if inner:
            return inner
    m = re.search(r"(?:印发|转发)(.+)$", t)
    if m and not t.endswith("通知"):
        inner = genre_of(m.group(1))
        if inner:
            return inner
    for g in _GENRES:
        if t.endswith(g) or re.search(g + r"(\((试行|暂行|征求意见稿)\))?$", t):
            return _GENRE_FAMILY.get(g, g)
    return ""
