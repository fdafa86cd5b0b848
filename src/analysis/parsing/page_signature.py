"""The signature block of a single page (发文机关署名 and 成文日期), and the body around it.

The first signature below the title is the document's own: in a transmittal notice it stands
between the notice and what it transmits.  Special forms: a plan's cover (issuing body and month
under the title), a decree signed by its head above the rules it promulgates, a notice dated
without its signing body (the seal stands for it), a signing line damaged past reading.
"""

from __future__ import annotations

import re

from ..io.errors import CorpusError
from ..metadata import DateInfo, date_line, find_dates, run_together_date
from .page_state import PageState
from .page_title import TRANSMITS_RE, annex_heading, is_org_line, is_title_line

__all__ = ["find_signature", "notice_signed_above", "split_body"]

# a decree's signer: the head's title and name ("市长 陈金彪"), or the title alone with a colon when the
# name (a handwritten signature) was lost in print ("市長 :", holdout17 057)
_SIGNER_RE = re.compile(
    r"^(省长|市长|区长|县长|州长|主席|主任|部长|局长|署长|总理|书记)\s*(?:[\u4e00-\u9fff·]{2,5}|[:：])$"
)


# a notice's closing formula on a line of its own (特此通知, 此复; "此通知" with 特 lost): the
# notice's last words, never a signing body
_CLOSING_RE = re.compile(r"^特?此(?:通知|公告|通告|函|函告|函复|复|批复|通报|报告)[。.]?$")


def find_signature(page: PageState) -> None:
    """Step 4: the signature block, organisation line(s) then a date line.

    The first one below the title is the document's own: in a transmittal
    notice (关于印发…的通知) it stands between the notice and what it transmits.
    Failing that, a date line closing the page, with or without a signing body above it.
    """
    lines, body_start = page.lines, page.body_start
    if _cover_signature(page) or _decree_signature(page):
        return
    for i in range(body_start + 1, len(lines)):
        after_notice = lines[i - 1].endswith("。") or bool(_CLOSING_RE.match(lines[i - 1]))
        if after_notice and _flattened_signing_line(page, i):
            return
        if after_notice and _signing_line_before_annex(page, i):
            return
        d = date_line(lines[i]) or (run_together_date(lines[i]) if is_org_line(lines[i - 1]) or after_notice else None)
        if d is None and is_org_line(lines[i - 1]) and i - 1 >= body_start:
            d = date_line(lines[i], month=True)  # a plan signed with the month alone ("2021年12月")
        if d is None:
            continue
        if after_notice and (_dated_notice_end(lines, i) or d.source.endswith("together)")):
            # a notice dated without its signing body (the seal stands for it), the annex
            # heading below; a date printed with 年月日 lost stands nowhere else
            page.sig_date = DateInfo(d.iso, d.year, "signature")
            page.sig_lines = (i, i + 1)
            return
        if _SIGNER_RE.match(lines[i - 1]) and i - 1 >= body_start:
            # a decree signed by its head: the date is the signature's, the issuer the decree's
            page.sig_date = DateInfo(d.iso, d.year, "signature")
            page.sig_lines = (i - 1, i + 1)
            return
        if not is_org_line(lines[i - 1]):
            if not page.sig_hint and len(lines[i - 1]) <= 30 and not re.search("[。,，;；:：《》]", lines[i - 1]):
                page.sig_hint = lines[i - 1]  # a signing line too damaged to read as a body
            continue
        j = _signature_start(lines, i, body_start)
        page.sig_org = " ".join(lines[j:i])
        page.sig_date = DateInfo(d.iso, d.year, "signature")
        page.sig_lines = (j, i + 1)
        return
    for i in range(len(lines) - 1, max(body_start + 1, len(lines) - 6) - 1, -1):
        d = date_line(lines[i])
        if d is not None:
            page.sig_date = DateInfo(d.iso, d.year, "signature")
            page.sig_lines = (i, i + 1)
            if i - 1 >= body_start and len(lines[i - 1]) <= 40 and not re.search("[。,，;；:：]", lines[i - 1]):
                page.sig_org = lines[i - 1]
                page.sig_lines = (i - 1, i + 1)
            return


# a signing block flattened into one line by PDF extraction: the signing body, the 成文日期 and
# the 附注 that the 公文 standard prints right under it ("(此件主动公开)"), page furniture after
_FLATTENED_SIGNATURE_RE = re.compile(
    r"^(?P<org>.{2,40}?)\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[(（]此件"
)


def _flattened_signing_line(page: PageState, i: int) -> bool:
    """A notice's signing block run into one line under its last sentence ("长沙市人民政府办公厅2021 年
    12 月 23 日(此件主动公开)CSCR—2021— 01069— 1 —", holdout10 044): records the signing body and
    date as the signature; returns whether line ``i`` was one."""
    m = _FLATTENED_SIGNATURE_RE.match(page.lines[i])
    d = date_line(m.group("date")) if m else None
    if m is None or d is None or not is_org_line(m.group("org")):
        return False
    page.sig_org = m.group("org")
    page.sig_date = DateInfo(d.iso, d.year, "signature")
    page.sig_lines = (i, i + 1)
    page.note("date", d.iso, page.lines[i], "signing body, date and (此件…) note run into one line")
    return True


# a transmittal's signing body and date run into one line with the heading of the annex it sends
# out ("东莞市人民政府办公室 2020年 8 月 24日 东莞市政务数据资源共享管理办法(试行)", holdout12 059)
_SIGNATURE_BEFORE_ANNEX_RE = re.compile(
    r"^(?P<org>.{2,40}?)\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?P<annex>.+)$"
)


def _signing_line_before_annex(page: PageState, i: int) -> bool:
    """A notice's signing body and date run into one line with the heading of its annex, under
    the notice's last sentence: records them as the signature and keeps the heading as the first
    line of the annex (line ``i`` is split in two); returns whether line ``i`` was one."""
    m = _SIGNATURE_BEFORE_ANNEX_RE.match(page.lines[i])
    d = date_line(m.group("date")) if m else None
    if m is None or d is None or not is_org_line(m.group("org")) or not is_title_line(m.group("annex")):
        return False
    page.lines[i : i + 1] = [page.lines[i][: m.start("annex")].rstrip(), m.group("annex")]
    page.sig_org = m.group("org")
    page.sig_date = DateInfo(d.iso, d.year, "signature")
    page.sig_lines = (i, i + 1)
    page.note("date", d.iso, page.lines[i], "signing body and date run into one line with the annex heading")
    return True


def _signature_start(lines: list[str], i: int, body_start: int) -> int:
    """Index of the first line of the signing bodies above the date line ``lines[i]``: the
    organisation lines right above it (up to 11), or, when short lines without punctuation run
    from the date up to the notice's last sentence (…。), all of them (a joint notice signed by
    17 bodies one per line, some such as 中国人民银行 not named like an organ)."""
    j = i - 1
    while j - 1 >= body_start and i - j < 12 and is_org_line(lines[j - 1]):
        j -= 1
    k = j
    while k - 1 >= body_start and i - k < 40 and _signing_line(lines[k - 1]):
        k -= 1
    if k < j and k - 1 >= body_start and (lines[k - 1].endswith("。") or _CLOSING_RE.match(lines[k - 1])):
        return k
    return j


def _signing_line(line: str) -> bool:
    """A line that can be one signing body: short, no punctuation, no date."""
    s = line.strip()
    return 2 <= len(s) <= 30 and not re.search("[。,，;；:：《》“”]", s) and not find_dates(s)


def _dated_notice_end(lines: list[str], i: int) -> bool:
    """True when the date line ``lines[i]``, printed right under a notice's last sentence, is
    the notice's signature: the page ends there, or the heading of what it sends out follows
    (wrapped or not), or the sentence is a transmittal's (现印发给你们), whose annex may follow
    without its heading."""
    return (
        i + 1 >= len(lines)
        or is_title_line(lines[i + 1])
        or bool(annex_heading(lines, i + 1))
        or bool(TRANSMITS_RE.search(lines[i - 1]))
    )


def notice_signed_above(lines: list[str], end: int) -> bool:
    """True when a notice's signature (a date line under its last sentence, with or without the
    signing body between) stands above ``lines[end]``: what follows it is the document the notice
    forwards or sends out, whose head and 文号 are that document's."""
    for i in range(1, end):
        if date_line(lines[i]) is None:
            continue
        if lines[i - 1].endswith("。") or (i >= 2 and is_org_line(lines[i - 1]) and lines[i - 2].endswith("。")):
            return True
    return False


def _decree_signature(page: PageState) -> bool:
    """A decree printed before the rules it promulgates: its head, the 令文, the signer (省长 X)
    and the date stand above the rules' title.  Records the date as the signature's; returns
    whether there was one."""
    if page.decree_end is None or page.decree_end >= page.body_start:
        return False
    lines = page.lines
    for i in range(page.decree_end + 1, page.body_start - 1):
        d = date_line(lines[i + 1])
        if _SIGNER_RE.match(lines[i]) and d is not None:
            page.sig_date = DateInfo(d.iso, d.year, "signature (decree)")
            return True
    return False


def _cover_signature(page: PageState) -> bool:
    """A plan's cover: the issuing body and a month (嘉鱼县政务服务和大数据管理局 / 二〇二一年十一月)
    right under the title; or a repost's header block, the issuer and the full 年月日 date under
    the title (浙江省人民政府 / 2016年1月14日).  Records it as the signature; returns whether there was one."""
    lines, i = page.lines, page.body_start
    if i + 1 >= len(lines) or not is_org_line(lines[i]):
        return False
    ds = find_dates(lines[i + 1])
    if len(ds) != 1 or (lines[i + 1][: ds[0].pos] + lines[i + 1][ds[0].end :]).strip():
        return False
    if ds[0].iso.count("-") != 1 and "年" not in lines[i + 1]:
        return False  # a full date under the issuer is a 年月日 date line (the header of 公文 reposts)
    page.sig_org = lines[i]
    page.sig_date = DateInfo(ds[0].iso, ds[0].year, "signature (cover)")
    page.sig_lines = (i, i + 2)
    return True


def split_body(page: PageState, source: str) -> None:
    """Step 5: the body lines, without the signature (and the trailer below a closing signature);
    all the page's lines when none is left below the title but the page holds more than its title
    (a page is never lost to a misread form).  Raises CorpusError when the page is its title alone."""
    lines, sig = page.lines, page.sig_lines
    closing = sig is not None and sig[1] >= len(lines) - 3 and sig[0] > page.body_start
    if closing and sig is not None and _attachment_follows(lines[sig[1] :]):
        closing = False  # a few lines, but they are the transmitted document (a cut-off excerpt)
    if closing and sig is not None:
        # the signature closes the document: what follows is page trailer
        page.body_lines = lines[page.body_start : sig[0]]
        page.removed.extend(lines[sig[0] :])
    elif sig is not None:
        # the signature of a transmittal notice: the attachment follows
        page.body_lines = lines[page.body_start : sig[0]] + lines[sig[1] :]
        page.removed.extend(lines[sig[0] : sig[1]])
    else:
        page.body_lines = lines[page.body_start :]
    if not "\n".join(page.body_lines).strip() and re.sub(r"\s", "", "".join(lines)) != re.sub(r"\s", "", page.title):
        # the steps above misread the page's form (everything taken as head or signature): keep
        # all its text as the body rather than lose the document
        page.body_lines = list(lines)
        page.note("text", "", lines[0], "whole page kept as the body (no body found below the title)")
    if not "\n".join(page.body_lines).strip():
        raise CorpusError(source, "no body text found below the title")


#: Lines that only a document prints: a sentence, or a numbered heading (一、 / (一)).
_DOCUMENT_LINE_RE = re.compile(r"^.{19,}。|^[一二三四五六七八九十]{1,3}、|^[(（][一二三四五六七八九十]{1,3}[)）]")


def _attachment_follows(after: list[str]) -> bool:
    """True when the lines below a signature hold document text (the attachment a transmittal
    notice sends out), not page trailer: a full sentence or a numbered heading."""
    return any(_DOCUMENT_LINE_RE.match(ln.strip()) for ln in after)
