"""Which repeats are formulas: enumeration cores, boilerplate, and the core a longer formula extends.

* :func:`enumeration_core`: a repeat that holds a parallel enumeration
  (four or more items joined by 、, the inner items of one length, as in
  加快建设以人为本、需求引领、数据驱动、特色发展的新型智慧城市) is reported as the
  enumeration itself (以人为本、需求引领、数据驱动、特色发展): the enumeration is the
  提法, the words around it belong to the sentence that uses it.
* :func:`boilerplate_kind`: phrases of the 公文 form rather than of policy
  content: addressee lines (各省、自治区、直辖市人民政府…), closing formulae
  (特此通知, 请认真贯彻执行…), dates, names of issuing bodies, and phrases found
  in most documents of a corpus of ten or more documents.
* :func:`core_of`: for each formula, the longest other formula inside it that
  more documents share (优政、惠民、兴业 is the core of 优政、惠民、兴业、强基 when
  more documents use the three items than the four).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .index import ENUMERATION_COMMA

__all__ = ["BOILERPLATE_KINDS", "MIN_DOCS_FOR_COMMON", "boilerplate_kind", "core_of", "enumeration_core"]

_ADDRESSEE = re.compile(
    r"自治区、直辖市|生产建设兵团|各直属机构|国务院各部委|人民政府各部门|"
    r"^各(?:省|市|县|区|州|盟|旗|有关|部门|地|设区|级|委|单位|直属|部委|计划单列|成员)"
)
_CLOSING = re.compile(
    r"特此(?:通知|函|批复|公告|通报)|请(?:认真|结合实际|遵照|各地)|遵照执行|贯彻执行|印发给你们|现(?:印发|将|予以?印发)"
    r"|此件(?:公开|不公开)|抄送|如有问题|联系人|联系电话|附件\d"
)
_DATE = re.compile(r"(?:19|20)\d\d年\d{1,2}月|\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年|^\d[\d年月日号]*$")
_BODY = re.compile(
    r"(?:人民政府|办公厅|办公室|委员会|领导小组|秘书局|工作组|大数据局|发展改革委|发改委|网信办|标准委|信息化局|管理局)$"
)

#: The kinds of boilerplate :func:`boilerplate_kind` returns, in the order they are tested.
BOILERPLATE_KINDS = ("addressee", "closing", "date", "issuing body", "common")
#: "Found in most documents" is only judged in a corpus of at least this many
#: documents: in three documents, two sharing a slogan is what a formula looks like.
MIN_DOCS_FOR_COMMON = 10


def enumeration_core(formula: str) -> tuple[int, int] | None:
    """Where the parallel enumeration inside ``formula`` lies, if it is longer than the enumeration.

    Returns
    -------
    (offset, length) or None
        In characters of ``formula``; None when ``formula`` holds no
        enumeration of four or more items whose inner items have one length
        (2 or more characters), or is that enumeration already.
    """
    items = formula.split(ENUMERATION_COMMA)
    # two inner items at least: one alone does not show the enumeration's rhythm (大数据、云计算、人工智能发展)
    if len(items) < 4:
        return None
    m = len(items[1])
    if m < 2 or any(len(x) != m for x in items[1:-1]):
        return None
    head, tail = len(items[0]), len(items[-1])
    if head < m or tail < m or (head == m and tail == m):
        return None
    offset = head - m
    return offset, len(formula) - offset - (tail - m)


_BODY_ITEM = re.compile(r"^(?:省|市|县|区|州|国家)|(?:厅|委|局|办|部|院|署|会|中心)$")


def _lists_bodies(formula: str) -> bool:
    """True for a list of responsible bodies (省发展改革委、省工业和信息化厅、省…), not of policy items."""
    items = formula.split(ENUMERATION_COMMA)
    return len(items) >= 2 and 2 * sum(bool(_BODY_ITEM.search(x)) for x in items) > len(items)


def boilerplate_kind(formula: str, n_docs: int, n_docs_corpus: int, common_share: float) -> str:
    """The kind of 公文 boilerplate ``formula`` is, "" if none (see :data:`BOILERPLATE_KINDS`).

    "common" is a phrase found in more than ``common_share`` of the corpus's
    ``n_docs_corpus`` documents, judged only when the corpus holds at least
    :data:`MIN_DOCS_FOR_COMMON` documents.
    """
    if _ADDRESSEE.search(formula):
        return "addressee"
    if _CLOSING.search(formula):
        return "closing"
    if _DATE.search(formula):
        return "date"
    if _BODY.search(formula) or _lists_bodies(formula):
        return "issuing body"
    if n_docs_corpus >= MIN_DOCS_FOR_COMMON and n_docs > common_share * n_docs_corpus:
        return "common"
    return ""


def core_of(formulas: Sequence[str], n_docs: Sequence[int], min_chars: int) -> list[int]:
    """For each formula, the position of its core in ``formulas`` (-1 if none).

    The core is the longest other formula contained in it (ties: the one in
    more documents, then the earlier in the list) that more documents share.
    Each formula's substrings of at least ``min_chars`` characters are looked
    up, so the cost is linear in the number of formulas (formulas are short).
    """
    where = {f: i for i, f in enumerate(formulas)}
    out = []
    for i, f in enumerate(formulas):
        best = -1
        for length in range(len(f) - 1, min_chars - 1, -1):
            hits = [where[f[a : a + length]] for a in range(len(f) - length + 1) if f[a : a + length] in where]
            hits = [j for j in hits if n_docs[j] > n_docs[i]]
            if hits:
                best = min(hits, key=lambda j: (-n_docs[j], j))
                break
        out.append(best)
    return out
