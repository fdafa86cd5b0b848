"""The 文号 of a single page (step 3 of :func:`analysis.parsing.parse_page`): the document's own
number, printed on its own line or before the title, under the title after a repost lead, right above
the addressees, as a decree number (X令第N号), in brackets after the title, named with the title in the
text, or in the page metadata.  A number the text cites (根据《…》(…号), 按照/依据…) is never its own.
"""

from __future__ import annotations

import re

from ..metadata import damaged_doc_number_line, find_doc_numbers, in_citation, normalize_doc_number
from .page_signature import notice_signed_above
from .page_state import PageState
from .page_title import is_org_line, is_title_line, skeleton

__all__ = ["find_doc_number"]

# a decree (令) heads its text with "X人民政府令" and "第328号", and is signed by a person
_DECREE_RE = re.compile(r"^(.{2,30}?)令$")
_STATE_PREFIX_RE = re.compile(r"^中华人民共和国(?=.{2})")
_DECREE_LINE_RE = re.compile(r"^(.{2,30}?)令\s*第\s*(?P<n>\d{1,5})\s*号$")


def find_doc_number(page: PageState) -> None:
    """Step 3: the 文号, printed on its own line or before the title, a few lines below it
    in reposts, as a decree number (令第N号), or in the page metadata; the body starts below it."""
    lines = page.lines
    _bracketed_number(page)
    glued_before = _number_glued_before_heading(page)
    page.doc_number = page.doc_number or _doc_number_above_body(lines, page.body_start)
    page.doc_number = page.doc_number or _number_glued_to_heading(page)
    page.doc_number = page.doc_number or glued_before
    rest = find_doc_numbers(page.run_on_rest[:40])
    if not page.doc_number and rest and rest[0][0] <= 3:
        page.doc_number = rest[0][1]
    if not page.doc_number:
        _doc_number_after_lead(page)
    if not page.doc_number:
        _doc_number_over_addressees(page)
    _find_decree(page)
    if page.decree_end is None and not page.doc_number:
        _short_form_decree(page)
    if not page.doc_number and page.title:
        # the text names the document itself with its number: 《title》(绵府办发〔2020〕13号)
        m = re.search(re.escape(f"《{page.title.strip('《》')}》") + r"[(（]([^()（）]{4,30})[)）]", page.text)
        # unless the text cites it there (根据《title》(…号)): then the title itself is suspect
        own = m is not None and not in_citation(page.text, m.start())
        page.doc_number = (find_doc_numbers(m.group(1)) or [(0, "")])[0][1] if m and own else ""
    for key in ("发文字号", "文号"):
        if not page.doc_number and page.meta.get(key):
            page.doc_number = normalize_doc_number(page.meta[key])
    doc_number_line = None
    for i in range(page.body_start, min(page.body_start + 2, len(lines))):
        if (
            page.doc_number
            and (find_doc_numbers(lines[i]) or damaged_doc_number_line(lines[i]))
            and len(lines[i]) <= 30
        ):
            doc_number_line = i
    if doc_number_line is not None:
        page.body_start = doc_number_line + 1
    if page.title.startswith(page.doc_number) and page.doc_number:
        page.title = page.title[len(page.doc_number) :].strip("《》 ")


def _bracketed_number(page: PageState) -> None:
    """A title printed with its own 文号 in brackets after it ("…的意见(国办发(2023)29号)", as
    gov.cn and legal databases print a document's head): the number is the document's, and
    not part of the title."""
    nums = find_doc_numbers(page.title)
    if nums and nums[-1][0] > 0 and page.title.endswith(("号)", "号）")) and page.title[nums[-1][0] - 1] in "(（":
        page.note("doc_number", nums[-1][1], page.title, "文号 in brackets after the title")
        page.doc_number = nums[-1][1]
        page.title = page.title[: nums[-1][0] - 1].strip()


# a 文号 printed before the heading with no separator, as flattened text joins the header block's
# lines ("庆政办发(2021) 34号庆阳市人民政府办公室关于印发…的通知", holdout14 056)
_NUMBER_BEFORE_HEADING_RE = re.compile(
    r"^(?P<num>[^\s:：《》“”]{1,12}[〔\[【(（﹝]\s*(?:19|20)\d{2}\s*[〕\]】)）﹞]\s*\d{1,5}\s*号)\s*(?P<rest>[^\s《“].{5,})$"
)


def _number_glued_before_heading(page: PageState) -> str:
    """The 文号 glued before the heading (the header block's number, flattened onto the title's
    line): the document's own, as a 文号 above a heading always is; the title is read without it.
    Returns the normalised number, "" when the title does not open with one."""
    m = _NUMBER_BEFORE_HEADING_RE.match(page.title.strip())
    nums = find_doc_numbers(m.group("num")) if m else []
    if not m or not nums or not is_title_line(m.group("rest")):
        return ""
    page.note("doc_number", nums[0][1], page.title, "文号 glued before the heading")
    page.note("title", m.group("rest"), page.title, "title without the 文号 glued before it")
    page.title = m.group("rest").strip()
    return nums[0][1]


def _number_glued_to_heading(page: PageState) -> str:
    """A 文号 glued to the end of the heading line ("…实施方案的通知粤府函〔2017〕186号"): a 文号
    ends at 号 wherever it is glued, and the one ending the heading is the document's own (the
    title is read without it); "" if the heading line ends otherwise."""
    if page.title_idx is None or not page.title:
        return ""
    line = page.lines[page.title_idx].rstrip()
    nums = find_doc_numbers(line)
    if not nums or not line.endswith("号") or nums[-1][1] in page.title:
        return ""
    # the text before it is the title itself (a heading 落实…印发 is no citation of that number)
    before = skeleton(line[: nums[-1][0]])
    if len(before) < 4 or not skeleton(page.title).endswith(before[-4:]):
        return ""
    page.note("doc_number", nums[-1][1], line, "文号 glued to the end of the heading line")
    return nums[-1][1]


def _find_decree(page: PageState) -> None:
    """A decree's head: "X令" over "第N号", or both on one line, at the top of the page (the
    令文 and the signature may stand above the title of the rules it promulgates) or below the
    title among the page's first lines (an encyclopedia page puts an introduction first).  Sets
    the decree's issuer and number and where the head ends."""
    lines = page.lines
    for i in range(0, min(max(page.body_start + 4, page.head_limit), len(lines))):
        one = _DECREE_LINE_RE.match(lines[i])
        m = one or _DECREE_RE.match(lines[i])
        n = one or (re.fullmatch(r"第\s*(?P<n>\d{1,5})\s*号", lines[i + 1]) if i + 1 < len(lines) else None)
        if m and n and is_org_line(m.group(1)) and (i >= page.body_start - 1 or i < (page.title_idx or 0)):
            # the state's name heads a national decree (中华人民共和国国务院令); the issuer is the
            # body that signs it (国务院), as the 公文 standard names it
            page.decree_issuer = _STATE_PREFIX_RE.sub("", m.group(1))
            page.doc_number = page.doc_number or f"{m.group(1)}令第{n.group('n')}号"
            page.decree_end = i if one else i + 1
            return


# a decree number in the short form a government prints it in: its place's abbreviation and 政/府
# (温政令第135号, 浙政令, 粤府令) or 政府 alone (政府令第36号) before 令第N号, on a line of its own
_SHORT_DECREE_LINE_RE = re.compile(r"^(?P<abbr>[\u4e00-\u9fff]{1,3}[政府]|政府)令\s*第\s*(?P<n>\d{1,5})\s*号$")


def _short_form_decree(page: PageState) -> None:
    """A decree number printed in short form on a line of its own among the page's first lines
    ("溫政令第135號", holdout17 058; "政府令第36號" under the issuer line "浙江省舟山市人民政府",
    holdout17 057): the document's own 文号 as printed; the government line right above it (past
    a print of the title) is the decree's issuer."""
    lines = page.lines
    for i in range(0, min(max(page.body_start + 4, page.head_limit), len(lines))):
        m = _SHORT_DECREE_LINE_RE.match(lines[i].strip())
        if not m:
            continue
        page.doc_number = f"{m.group('abbr')}令第{m.group('n')}号"
        page.decree_end = i
        above = [ln.strip() for ln in lines[max(0, i - 2) : i] if ln.strip() != page.title]
        if above and is_org_line(above[-1]) and above[-1].endswith("政府"):
            page.decree_issuer = above[-1]
        page.note("doc_number", page.doc_number, lines[i], "short-form decree number line (X政令第N号)")
        return


def _doc_number_above_body(lines: list[str], body_start: int) -> str:
    """A 文号 printed on its own line or before the title, above the body (also one whose 〕 or
    号 was lost in print, on a line of its own: a page header may print it above a second print
    of the title); "" if none."""
    found = _intact_doc_number_above_body(lines, body_start)
    for ln in lines[: body_start + 2]:
        if not found and not find_doc_numbers(ln) and not _CITING_RE.search(ln):
            found = damaged_doc_number_line(ln)
    return found


def _intact_doc_number_above_body(lines: list[str], body_start: int) -> str:
    """A 文号 printed on its own line or before the title, above the body; "" if none."""
    for ln in lines[: body_start + 2]:
        if len(ln) <= 120:
            nums = find_doc_numbers(ln)
            if nums and _CITING_RE.search(ln[: nums[0][0]]):
                continue  # "按照国发〔2015〕50号…": a cited number, not the document's own
            if nums and ("《" not in ln or nums[0][0] < ln.find("《") or ln.strip().startswith(nums[0][1][:2])):
                return nums[0][1]
    return ""


# words before a 文号 that make it a citation of another document
_CITING_RE = re.compile(r"根据|按照|依据|贯彻|落实|参照|转发|执行")


def _doc_number_after_lead(page: PageState) -> None:
    """Reposts put a dateline, font buttons or a news lead between title and 文号: accept a
    few lines more when the line is nothing but a 文号 (intact or with 〕/号 lost in print), and
    drop what stands before it.  Not below a notice's signature: that number is the forwarded
    document's."""
    lines = page.lines
    for i in range(page.body_start + 2, min(page.body_start + 7, len(lines))):
        damaged = damaged_doc_number_line(lines[i])
        nums = find_doc_numbers(lines[i]) or ([(0, damaged)] if damaged else [])
        if nums and len(lines[i]) <= 30 and len(lines[i]) - len(nums[0][1]) <= 6:
            if notice_signed_above(lines, i):
                return
            page.doc_number = nums[0][1]
            page.removed.extend(lines[page.body_start : i])
            page.body_start = i
            return


def _doc_number_over_addressees(page: PageState) -> None:
    """A 公文's 发文字号 stands on a line of its own right above its addressees (主送机关),
    wherever the page puts that head (an encyclopedia prints an introduction and an infobox first,
    a repeated title line is dropped as furniture): such a line's 文号 is the document's own."""
    sal = page.sal_idx
    if sal is None or sal == 0 or notice_signed_above(page.lines, sal - 1):
        return
    line = page.lines[sal - 1]
    nums = find_doc_numbers(line)
    number = nums[0][1] if nums and len(line) - len(nums[0][1]) <= 6 else damaged_doc_number_line(line)
    if number:
        page.doc_number = number
        page.note("doc_number", number, line, "文号 line right above the addressees")
