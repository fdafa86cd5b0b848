"""The announcement of a document in a repost's lead sentence: who issued it, when, and its 文号.

News and portal reposts open with "2017年4月8日,河南省人民政府印发《…的通知》(豫政〔2017〕11号)" or
"近日,中共中央办公厅、国务院办公厅印发了《…》": the issuing bodies (several joined by 、), the
issue date when the sentence opens with a full date, and the 文号 printed right after the name.
The announced name must be the document's own title, or a notice issuing it (…的通知); a
sentence announcing any other document says nothing about this one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chars import CJK
from ..metadata import find_dates, find_doc_numbers, leading_orgs, without_han_spaces
from ..metadata.gazetteer import leading_place

__all__ = ["Announcement", "find_announcement"]

_ANNOUNCE_RE = re.compile(
    rf"(?P<date>(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日[,，]?\s*)?"
    rf"(?P<orgs>[{CJK}]{{2,30}}?(?:、[{CJK}]{{2,30}}?)*)(?:联合)?(?:印发|印發|发布|發布|出台)(?:了)?"
    r"《(?P<name>[^《》]{4,120})》(?:[(（](?P<number>[^()（）]{4,30})[)）])?"
)
_SPACES_RE = re.compile(r"\s+")
_ORG_END_RE = re.compile(r"(厅|府|委|部|局|办|室|组|署|院)$")
# What every announcement holds: the verb and the opening 《 (found in one scan, unlike
# _ANNOUNCE_RE, which tries up to 30 lengths of issuer at every Han character of the text)
_VERB_RE = re.compile(r"(?:印发|印發|发布|發布|出台)了?《")
_ORG_CHAR_RE = re.compile(rf"[{CJK}、]")
# the longest text an announcement holds after its verb: 印发了《name》(文号)
_AFTER_VERB = len("印发了《") + 120 + len("》（") + 30 + len("）")
# the longest date (2017年12月31日) and comma that may open it
_DATE_BEFORE = len("2017年12月31日,")


@dataclass
class Announcement:
    """What a lead sentence says about the document: issuer ("" or bodies joined by a space),
    the issue date as ISO text ("" if not given), the 文号 ("" if not printed)."""

    issuer: str = ""
    date: str = ""
    doc_number: str = ""
    sentence: str = ""


def _names_document(name: str, title: str) -> bool:
    """True when an announced name is the title itself or a notice issuing it (…的通知)."""
    # a space the page put inside the name or the title line is layout ("数字 政府"), not a difference
    name, t = without_han_spaces(name), without_han_spaces(title.strip("《》"))
    return name == t or (t in name and name.endswith("通知") and len(name) - len(t) <= 12)


def find_announcement(text: str, title: str) -> Announcement:
    """The fullest announcement of the document titled ``title`` in ``text`` (most issuing
    bodies); an empty :class:`Announcement` when no sentence announces it."""
    best = Announcement()
    if not title.strip("《》"):
        return best
    bounds = _search_bounds(text)
    if bounds is None:
        return best
    for m in _ANNOUNCE_RE.finditer(text, *bounds):
        parts = [_trim_to_org(p) for p in m.group("orgs").split("、")]
        # "农业部印发《关于推进…的实施意见》" announces "农业部关于推进…的实施意见" (holdout9 021):
        # the title leads with the announcing body the sentence names apart
        # (a title line a page spaced out is the same title)
        leading = _SPACES_RE.sub("", title.strip("《》")) == _SPACES_RE.sub("", "".join(parts) + m.group("name"))
        if not (_names_document(m.group("name"), title) or leading):
            continue
        if not all(_ORG_END_RE.search(p) for p in parts):
            continue
        issuer = " ".join(parts)
        if len(issuer) <= len(best.issuer):
            continue
        dates = find_dates(m.group("date") or "")
        numbers = find_doc_numbers(m.group("number") or "")
        best = Announcement(issuer, dates[0].iso if dates else "", numbers[0][1] if numbers else "", m.group().strip())
    return best


def _search_bounds(text: str) -> tuple[int, int] | None:
    """(start, end) of the part of ``text`` that holds every match of _ANNOUNCE_RE; None if none can.

    No match starts before the run of Han characters and 、 that ends at the first verb (minus
    a date and the spaces after it) or ends after the longest announcement that follows the last
    verb, so matching within these bounds finds the same announcements as the whole text.
    """
    verbs = [m.start() for m in _VERB_RE.finditer(text)]
    if not verbs:
        return None
    start = verbs[0]
    while start > 0 and _ORG_CHAR_RE.match(text, start - 1):
        start -= 1
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return max(0, start - _DATE_BEFORE), min(len(text), verbs[-1] + _AFTER_VERB)


# words of a lead sentence before the issuer ("为贯彻落实省政府办公厅印发…", "记者近日获悉…")
_LEAD_WORDS_RE = re.compile(r"^.*(?:根据|按照|依据|贯彻|落实|日前|近日|近期|获悉|了解到)")


def _trim_to_org(s: str) -> str:
    """Drop leading words before an organisation name: "根据河北省政府办公厅" -> "河北省政府办公厅"."""
    s = _LEAD_WORDS_RE.sub("", s)
    for i in range(len(s)):
        rest = s[i:]
        if leading_place(rest) is not None or re.match(r"(中共中央|国务院|国家|中央)", rest):
            return rest
    return leading_orgs(s) or s
