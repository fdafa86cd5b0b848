"""Issuing bodies: split "X关于Y的通知" headings, recognise organisation names.

Several issuing bodies (a joint document) are written with one separator, a space
(:data:`ISSUER_SEPARATOR`), whatever the page prints between them ("民政部、中央政法委",
"民政部 中央政法委", one per signature line): :func:`join_issuers`.
"""

from __future__ import annotations

import re

from ..chars import CJK
from .variants import without_han_spaces

__all__ = ["ISSUER_SEPARATOR", "join_issuers", "lead_body", "leading_orgs", "looks_like_org", "split_issuer_title"]

#: The one separator between the bodies of a joint document's issuer ("中共中央 国务院").
ISSUER_SEPARATOR = " "

_H = f"[{CJK}]"

_ORG_SUFFIX = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|政府办公室|办公厅|委员会办公室|委员会|办公室|领导小组|工作推进小组|推进小组|小组|秘书局"
    r"|总局|中央网信办|网信办|中央|国务院|部委|部门|部|委|局|署|院|厅|办事处|办)"
)
_ORG_RE = re.compile(rf"(?:中共中央|国务院|{_H}{{1,16}}?{_ORG_SUFFIX})")
# 办 as an office (市政府办, 国办) is never followed by these: 办法 办理 办事 办结 办好 办学 办案
_BAN_VERB_NEXT = set("法理事结好学案")
_NOT_ORG_ENDINGS = ("布局", "格局", "结局", "开局", "全局", "大局", "当局")


def split_issuer_title(heading: str) -> tuple[str, str]:
    """Split a title line into (issuer, title).

    "山东省人民政府办公厅关于加快推进…的指导意见" -> ("山东省人民政府办公厅", whole line);
    "中央网络安全和信息化委员会印发“十四五”国家信息化规划" -> issuer before 印发;
    "中共中央 国务院数字中国建设整体布局规划" -> leading organisation names.
    The title is returned as printed (with its issuer) when the issuer is part
    of it, because that is how the document is cited.  Issuer is "" when the
    line names none.
    """
    h = heading.strip()
    if re.match(r"^(?:关于|印发|转发)", h):
        # "关于转发市政务服务中心管理办公室《…》的通知": a title opening with 关于 names no issuer
        # (the body after 转发 drafted what is forwarded)
        return "", h
    m = re.match(r"^(?P<org>.+?)\s*(?:关于|印发|转发)", h)
    org = _unspaced_org(m.group("org").strip()) if m else ""
    if org and (looks_like_org(org) or short_form_government(org)):
        return org, h
    orgs = leading_orgs(h)
    if orgs and " " in h:
        # a layout space inside one name ("厦门市人民防空办 公室电子证照管理制度"): the name read across
        # it, when it extends the one read before it, is the body's
        whole = leading_orgs(without_han_spaces(h))
        orgs = whole if whole.startswith(orgs) and len(whole) > len(orgs) and " " not in whole else orgs
    if orgs:
        return orgs, h
    return "", h


# a government named by its rank alone ("省政府", "市政府", "县政府"): its place is printed elsewhere
_SHORT_GOVERNMENT_RE = re.compile(r"(?:省|市|县|区|旗|州|盟|自治区|自治州|自治县|自治旗)政府")


def short_form_government(org: str) -> bool:
    """True when ``org`` is a government named by its rank alone ("省政府", "市政府"), as a title
    leading with it prints its issuer (holdout13 003, 020)."""
    return bool(_SHORT_GOVERNMENT_RE.fullmatch(org.strip()))


def _unspaced_org(org: str) -> str:
    """``org`` without the layout spaces of a justified title line when a space splits one name
    ("福建省人 民政府" -> "福建省人民政府"); unchanged when it separates joint issuers ("中共中央 国务院")."""
    if " " not in org or all(looks_like_org(p) for p in org.split()):
        return org
    squeezed = without_han_spaces(org)
    return squeezed if looks_like_org(squeezed) else org


# "住房和城乡建设部等部门", "工业和信息化部等十部门", "X等单位": a joint document's title names its
# lead body and counts the rest, which only its signature names (公文 convention)
_AND_OTHERS_RE = re.compile(r"(?<=.)等(?:[\d一二两三四五六七八九十]+个?)?(?:部门|部委|单位|机构)$")


def lead_body(org: str) -> str:
    """The lead body of an issuer printed "X等部门" / "X等N部门" / "X等单位": X; ``org`` unchanged
    when it counts no other bodies."""
    lead = _AND_OTHERS_RE.sub("", org).strip()
    return lead if lead != org and looks_like_org(lead) else org


def leading_orgs(s: str) -> str:
    """Organisation names at the start of ``s`` ("国家发展改革委 中央网信办 工业和信息化部 …")."""
    pos = 0
    names = []
    while True:
        while pos < len(s) and s[pos] == " ":
            pos += 1
        m = _ORG_RE.match(s, pos)
        if not m or m.group().endswith(_NOT_ORG_ENDINGS):
            break
        name = m.group()
        if name.endswith("办") and s[m.end() : m.end() + 1] in _BAN_VERB_NEXT:
            break  # 办法 (measures) ends a title; 办理/办事 (handle) is a verb, not an office
        if any(w in name for w in ("关于", "印发", "规划", "建设", "发展", "意见", "通知")) and not looks_like_org(
            name
        ):
            break
        names.append(name)
        pos = m.end()
    return " ".join(names)


def looks_like_org(s: str) -> bool:
    """True when ``s`` reads as the name of an issuing body (ends in 部, 委, 厅, 人民政府, ...)."""
    s = s.strip()
    if not s or len(s) > 80:
        return False
    if any(ch in s for ch in "。,，:：;；《》“”"):
        return False
    return bool(re.search(rf"{_ORG_SUFFIX}$|部门$|等.{{1,3}}部(委|门)?$|中共中央$", s))


# what pages print between the bodies of a joint issuer: 、 in titles and lead sentences, spaces
# or line breaks in signatures, commas in metadata fields
_ISSUER_SPLIT_RE = re.compile(r"[、,，;；\s]+")


def join_issuers(issuer: str) -> str:
    """``issuer`` with its bodies separated by :data:`ISSUER_SEPARATOR`: "民政部、中央政法委、
    公安部" -> "民政部 中央政法委 公安部".  Unchanged (but stripped) unless every part between
    the separators reads as an organisation, so a single name such as "农业农村(农牧)厅(局、委)"
    keeps its 、."""
    parts = [p for p in _ISSUER_SPLIT_RE.split(issuer.strip()) if p]
    if len(parts) > 1 and all(looks_like_org(p) or leading_orgs(p) == p for p in parts):
        return ISSUER_SEPARATOR.join(parts)
    return issuer.strip()
