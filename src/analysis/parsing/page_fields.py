"""Issuer and date of a single page, each by one documented precedence (see :mod:`.page`)."""

from __future__ import annotations

import itertools
import re

from ..levels import level_rank
from ..metadata import (
    DateInfo,
    cited_lower_bound,
    classify_level,
    date_line,
    doc_number_year,
    find_dates,
    find_doc_numbers,
    join_issuers,
    lead_body,
    leading_orgs,
    looks_like_org,
    numeric_stamp_date,
    split_issuer_title,
)
from ..metadata.gazetteer import leading_place
from ..metadata.variants import standard_chars
from .page_flattened import ADOPTION_NOTE_RE
from .page_state import PageState
from .page_title import interpreter_heading, is_org_line, skeleton, strip_seal_notes, subsequence

__all__ = ["page_date", "page_issuer"]


def page_issuer(page: PageState) -> str:
    """Step 6: the issuer: signature, then a decree's issuer, then the title prefix (or the issuer
    line of a damaged title block), then a cover's issuer line, then a 发文机关 line above the 文号
    of an untitled page, then "X印发《title》" in the page,
    then the 解读机关, then page metadata; "" if none; several bodies separated by one space
    (:func:`analysis.metadata.join_issuers`).  Notes the rule that chose it."""
    title = page.title.strip("《》")
    # "《X人民政府办公室关于…的通知》政策解读": the body leading a quoted title issued the
    # document interpreted, not the interpretation
    quoted = page.is_interpretation and page.title.startswith("《")
    # "住房和城乡建设部等部门关于…": a page's issuer is the lead body its title names; the bodies it
    # counts are named only in a signature (a compilation's index keeps the title's print)
    titled = "" if quoted else lead_body(split_issuer_title(title)[0])
    candidates = [
        (strip_seal_notes(page.sig_org), page.sig_org, "signature"),
        (page.decree_issuer, page.decree_issuer, "decree head (X令)"),
    ]
    if page.is_interpretation and page.interp.get("机关"):
        candidates.append((page.interp["机关"], page.interp["机关"], "解读机关"))
    candidates += [
        (titled, page.title, "title prefix"),
        (interpreter_heading(page.title), page.title, "interpreting body leading the heading (X解读《…》)"),
        (page.block_issuer, page.block_issuer, "issuer line of the title block"),
        (_cover_issuer(page), page.title, "cover (title, then the issuing body)"),
        (_cover_line(page)[0], page.title, "cover line under the title (issuing body and month)"),
        (_head_issuer(page), page.doc_number, "发文机关 line above the 文号"),
        (_red_header_issuer(page), "文件", "document header (版头 'X文件')"),
        (_announced_issuer(page), page.announcement.sentence, "announcement (X、Y印发《title》)"),
        (_headline_issuer(page), page.title, "news headline 'X:title'"),
    ]
    if page.is_interpretation:
        for key in ("单位", "部门"):
            candidates.append((page.interp.get(key, ""), page.interp.get(key, ""), f"解读{key}"))
    for key in _META_ISSUER_KEYS:
        # "工业和信息化部 国家发展和改革委员会 教育部等": a list cut short with 等 names the bodies it prints
        value = re.sub(r"\s*等$", "", page.meta.get(key, ""))
        if key == _POSTING_KEY or (key in _PUBLISHER_KEYS and _reposted(page, value)):
            continue
        if not all(looks_like_org(part) for part in _ISSUER_SPLIT.split(value) if part):
            # a field a hijacked copy filled with spam ("发文单位:咸宁江南体育官方网站入", dev 010)
            continue
        candidates.append((value, page.meta.get(key, ""), f"page metadata ({key})"))
    issuer, evidence, rule = next(((i, e, r) for i, e, r in candidates if i), ("", "", "no issuer printed"))
    if titled and rule == "signature" and issuer == titled + "办公室":
        # a group's office signs for the group the title names
        issuer, evidence, rule = titled, f"{page.sig_org} / {page.title}", "title prefix (its office signs)"
    issuer, evidence, rule = _completed(page, titled, issuer, evidence, rule)
    # the issuer is a key documents are grouped by: a variant character (陜西) in its standard form
    issuer = standard_chars(join_issuers(issuer))
    if _spam_in_name(issuer):
        page.note("issuer", "", issuer, "no issuer: the printed name holds a spam tag")
        return ""
    page.note("issuer", issuer, evidence, rule)
    return issuer


# Latin letters or Arabic digits inside a body's name: a government body's name is printed in Han
# characters (its numbers too: 第二师), so a hijacked copy's spam tag stands where the name's place
# or 人民政府 was ("J9.com市人民政府办公室", "长沙市芙蓉区龙8国际办公室", holdout14 047 and 048)
_SPAM_IN_NAME_RE = re.compile(r"[A-Za-z0-9]")


def _spam_in_name(issuer: str) -> bool:
    """True when the issuer read is no body's name but a name a spam tag damaged (a Latin letter or
    Arabic digit in it): the issuer is then left empty, as a name the page does not print whole."""
    return bool(_SPAM_IN_NAME_RE.search(issuer))


# a headline announcing a document: "中办国办印发《…》", "国家广播电视总局印发《关于…的指导意见》", or
# the heading of the notice issuing it ("民政部关于印发《…》的通知", holdout10 019)
_ANNOUNCING_HEADLINE_RE = re.compile(
    r"^[^,，。;；:：《》]{2,40}?(?:联合)?(?:关于)?(?:印发|发布|出台)了?《[^《》]{4,120}》(?:的通知)?$"
)
_FULL_DATE_RE = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")


def _announced_issuer(page: PageState) -> str:
    """The bodies a repost's lead sentence says issued the document ("X印发《title》"), when the
    page stands behind the sentence: its headline announces the document too ("中办国办印发《…》"),
    or the sentence opens with the full issue date, as a release does ("2017年4月8日,河南省人民
    政府印发《…》").  A news lead alone ("近日,水利部制定印发《…》", "日前,X发布《…》",
    holdout11 005 and 012) is no issuer field; "" then."""
    found = page.announcement
    if not found.issuer:
        return ""
    # (the page's first lines below the site's header: another site's menus may stand above them)
    headline = any(_ANNOUNCING_HEADLINE_RE.match(ln.strip()) for ln in page.lines[: page.header_end + 5])
    return found.issuer if headline or _FULL_DATE_RE.match(found.sentence) else ""


# page metadata naming the issuer: the document's issuing organ (发文机关 …), or the body a policy
# database, encyclopedia or gazette says published the document (发布单位, 发布部门), which is the
# issuer only when the page does not show it reposts another body's text.  A portal's 发布机构
# (the 政府信息公开 catalogue's field) names the body that posted the page -- often the drafting
# or posting department -- and is never the issuer on its own (tests/devset/README.md, issuer):
# it only completes a short-form issuer printed elsewhere (:func:`_completed`).
_META_ISSUER_KEYS = ("发文机关", "制发机关", "发文部门", "发文单位", "发布单位", "发布部门", "发布机构")
_PUBLISHER_KEYS = ("发布单位", "发布部门")
_POSTING_KEY = "发布机构"
_ISSUER_SPLIT = re.compile(r"[、,，;；\s]+")


def _reposted(page: PageState, publisher: str) -> bool:
    """True when the page's publisher (发布机构/单位/部门) reposts a text another body issued, so it
    is not the text's issuer: the page's 来源 names another body (来源:省经信厅 on a page
    发布机构:攀枝花市经济和信息化局), or the title leads with another place than the publisher's,
    or the addressees sit at a higher level than the publisher (省政府各部门 are addressed by the
    province, not by a city bureau).  A 来源 that is a site (龙岗政府在线) or the same body
    printed shorter (省政府办公厅 for 四川省人民政府办公厅) says nothing against it."""
    if not publisher:
        return False
    source = page.meta.get("来源", "").strip()
    if looks_like_org(source):
        a, b = skeleton(source), skeleton(publisher)
        if not (subsequence(a, b) or subsequence(b, a)):
            return True
    own, titled = leading_place(publisher), leading_place(page.title.strip("《》"))
    if own is not None and titled is not None and own.adcode != titled.adcode:
        return True
    addressees = page.lines[page.sal_idx] if page.sal_idx is not None else ""
    floor = next((lv for lv, rx in _ADDRESSED_BY if rx.search(addressees)), None)
    return floor is not None and level_rank(classify_level(publisher)[0]) > level_rank(floor)


# addressees only a body of at least this level writes to: the State Council's ministries and the
# provinces (by the centre or a ministry), a province's own departments (by the province)
_ADDRESSED_BY = (
    ("ministry", re.compile(r"国务院各部委|^各省、自治区")),
    ("provincial", re.compile(r"(?:省|自治区)(?:人民)?政府各|^省直|省级各")),
)


# a body named without its place, as a letterhead or signature prints it inside its own area
# ("市人民政府", "省人民政府", "县政府办公室")
_SHORT_FORM_RE = re.compile(r"^(?:省|市|县|区|旗|州|盟|自治区|自治州|自治县|自治旗)(?:人民)?政府")


def _completed(page: PageState, titled: str, issuer: str, evidence: str, rule: str) -> tuple[str, str, str]:
    """(issuer, evidence, rule) with an issuer printed short ("西青区人民政府") replaced by the
    title's fuller print of the same body, and a short-form issuer ("省人民政府") completed by the full name
    that ends in it elsewhere on the page: the title's leading organisation, else a metadata field
    (发文机关, 发布机构, 来源 …); unchanged when it is not a short form or nothing completes it."""
    if titled != issuer and titled.endswith(issuer) and _same_place(titled, issuer):
        # "西青区人民政府" signs what the title prints as "天津市西青区人民政府": the fuller print
        # of the same body (its place chain printed whole) wins
        return titled, f"{evidence} / {titled}", f"{rule}, fuller print in the title"
    listed = _listed_signers(page, issuer)
    if listed:
        return listed, f"{evidence} / {listed}", f"{rule}, the 发文机关 field's list of the signing bodies"
    fields = ("发文机关", "制发机关", "发文部门", "发布单位", "发布机构", "发布部门", "来源")
    for full in [titled, *(page.meta.get(k, "") for k in fields[:-1])]:
        if _fuller_print(issuer, full):
            return full, f"{evidence} / {full}", f"{rule}, fuller print of the same body on the page"
    signed = _signing_line_in_full(page, issuer)
    if signed:
        return signed, f"{evidence} / {signed}", f"{rule}, the body's full name on a line of its own"
    if not _SHORT_FORM_RE.match(issuer):
        return issuer, evidence, rule
    for full in [titled, *(page.meta.get(k, "") for k in fields)]:
        if len(full) > len(issuer) and (full.endswith(issuer) or _abbreviated(issuer, full)):
            return full, f"{evidence} / {full}", f"{rule}, place completed from the page"
    return issuer, evidence, rule


_KIND_RE = re.compile(r"^(自治区|自治州|自治县|自治旗|省|市|县|区|旗|州|盟)")


def _abbreviated(short: str, full: str) -> bool:
    """True when the short form ``short`` ("市政府办公厅") abbreviates the one body ``full`` names
    ("深圳市人民政府办公厅"): its characters in order, the same last character, and ``full`` led by
    a place of the kind the short form opens with (市 -> a 市)."""
    kind = (
        re.match(r"^(自治区|自治州|自治县|自治旗|省|市|县|区|旗|州|盟)", short) if _SHORT_FORM_RE.match(short) else None
    )
    place = leading_place(full)
    if kind is None or place is None or " " in full.strip() or not looks_like_org(full):
        return False
    same_kind = place.name.endswith(kind.group(1))
    rest = full[full.index(place.name) + len(place.name) :] if place.name in full else ""
    return same_kind and full[-1] == short[-1] and subsequence(skeleton(short[kind.end() :]), skeleton(rest))


# the metadata fields that name the document's own issuing organs
_ORGAN_KEYS = ("发文机关", "制发机关", "发文部门", "发文单位")


def _listed_signers(page: PageState, issuer: str) -> str:
    """The bodies a 发文机关/发文单位 field lists, when the signature is the same list printed as a
    flattened multi-column table (holdout7 049: "广西壮族自治区 中共广西壮族自治区委员会 … /
    民政厅 政法委员会 … / 通信管理局", read as its last fragment): the field names several bodies,
    each fragment of the signature occurs in it, and it ends as the signature ends; "" otherwise."""
    for key in _ORGAN_KEYS:
        value = re.sub(r"\s*等$", "", page.meta.get(key, "")).strip()
        parts = [p for p in _ISSUER_SPLIT.split(value) if p]
        if len(parts) < 2 or not all(looks_like_org(p) for p in parts) or not issuer:
            continue
        # a table flattened row by row prints each cell (place, then body) as a fragment
        full, cells = skeleton(value), [skeleton(c) for c in (page.sig_org or issuer).split()]
        cells = [c for c in cells if c]
        if cells and full != "".join(cells) and full.endswith(cells[-1]) and all(c in full for c in cells):
            return value
    return ""


def _fuller_print(short: str, full: str) -> bool:
    """True when ``full`` prints the body ``short`` names in full: the same place, the same last
    character (厅, 局, 府), the characters of ``short`` in order ("郑州市政府办公厅" in
    "郑州市人民政府办公厅"), and nothing but one body in either."""
    if not short or len(full) <= len(short) or " " in short or " " in full.strip() or not looks_like_org(full):
        return False
    # a body printed without its place inside its own area (省府办公厅 for 广东省人民政府办公厅) is
    # the same body as the fuller print that names the place
    # (a short form a full name ends in, 省人民政府, is completed by :func:`_completed` itself)
    placeless = leading_place(short) is None and short[0] in "省市县区州旗盟" and not _SHORT_FORM_RE.match(short)
    same = _same_place(full, short) or placeless
    return full[-1] == short[-1] and same and subsequence(skeleton(short), skeleton(full))


def _signing_line_in_full(page: PageState, issuer: str) -> str:
    """The issuer's full name printed on a line of its own ("上海市青浦区人民政府", the signature under
    a district gazette's addressees, holdout14 055) where the issuer read is a short print of it
    ("青浦区人民政府", an unlabelled metadata value): the place chain printed whole ends in the short
    name and starts with the same place; "" when no such line."""
    if not issuer or leading_place(issuer) is None:
        return ""
    for line in page.lines:
        full = line.strip()
        if full.endswith(issuer) and len(full) <= 40 and is_org_line(full) and _fuller_print(issuer, full):
            return full
    return ""


def _same_place(full: str, short: str) -> bool:
    """True when both names start with the same most specific division (天津市西青区… and 西青区…)."""
    a, b = leading_place(full), leading_place(short)
    return a is not None and a == b


# a news headline naming who issued the document it reprints: "交通运输部:交通运输领域…行动方案"
_HEADLINE_ORG_RE = re.compile(r"^(?P<org>[^\s:：《》]{2,40})\s*[:：]\s*(?P<rest>.+)$")


def _headline_issuer(page: PageState) -> str:
    """The body a news headline "X:title" among the page's first three lines names before the
    page's own title (X an organisation); "" otherwise."""
    for ln in page.lines[:3] if page.title else []:
        m = _HEADLINE_ORG_RE.match(ln.strip())
        if m and looks_like_org(m.group("org")) and skeleton(m.group("rest")) == skeleton(page.title):
            return m.group("org")
    return ""


def _head_issuer(page: PageState) -> str:
    """The issuing body printed on a line of its own right above the document's own 文号 at the
    head of a page without a title ("山东省人民政府 / 鲁政字〔2019〕84号 / 各市…:"); "" otherwise."""
    if not page.doc_number or page.title:
        return ""
    head = page.lines[:6]
    for above, ln in itertools.pairwise(head):
        if is_org_line(above) and [n for _p, n in find_doc_numbers(ln)] == [page.doc_number]:
            return strip_seal_notes(above)
    return ""


# the red header (版头) of a 公文: the issuing organ's name followed by 文件 ("大连市应急管理局文件",
# holdout9 049), printed above the 文号 and the title
_RED_HEADER_RE = re.compile(r"^(.{4,40}?)\s*文件$")


def _red_header_issuer(page: PageState) -> str:
    """The issuing organ a document's red header names ("X文件" on a line of its own above the
    title, X a named place's body); "" if none.  A site's category label ("市政府办公室文件") names
    no place and is not one."""
    for ln in page.lines[: max(page.title_idx or 0, 1)]:
        m = _RED_HEADER_RE.match(ln)
        if m and is_org_line(m.group(1)) and leading_place(m.group(1)) is not None:
            return m.group(1)
    return ""


def _cover_issuer(page: PageState) -> str:
    """The issuing body a plan's cover prints right after its title, when the cover is flattened
    onto one line ("“十四五”信息通信行业发展规划 工业和信息化部 目录…"): the organisation names
    that follow the title and are followed by nothing, a date or the 目录; "" otherwise."""
    title = page.title.strip("《》 ")
    for ln in page.lines[:5]:
        if not title or not ln.startswith(title):
            continue
        rest = ln[len(title) :].strip()
        orgs = leading_orgs(rest)
        after = rest
        for name in orgs.split():
            after = after.lstrip()[len(name) :]
        after = after.strip()
        starts_with_date = bool(find_dates(after[:12])) and find_dates(after[:12])[0].pos == 0
        if orgs and (not after or after.startswith("目录") or starts_with_date):
            return orgs
    return ""


def _cover_line(page: PageState) -> tuple[str, DateInfo | None]:
    """(issuing body, month) of a plan's cover printing both on one line right under its title
    ("广东省交通运输厅 2016 年 11 月", holdout13 002), as its signature would; ("", None) otherwise."""
    for ln in page.lines[page.body_start : page.body_start + 2]:
        orgs = leading_orgs(ln)
        after = ln
        for name in orgs.split():
            after = after.lstrip()[len(name) :]
        d = date_line(after, month=True) if orgs else None
        if d is not None and d.iso.count("-") == 1:
            return orgs, d
    return "", None


def page_date(page: PageState, body: str) -> DateInfo | None:
    """Step 7: the date, by one precedence: the document's own dates (signature, a dateline
    under the title or 文号, the page's 成文日期/发文日期/颁布时间), then the issue date a lead
    sentence reports and then a page posting date, each only when it agrees with the 文号's
    year, then the 文号's year; None when the page prints none
    (a year is guessed from the documents the text cites only for an interpretation)."""
    if page.sig_date is not None:
        return page.sig_date
    own = _dateline_below_title(page) or _bracketed_dateline(page) or _dated_doc_number_line(page)
    if own is not None:
        return own
    for key in ("成文日期", "发文日期", "颁布时间"):
        ds = find_dates(page.meta.get(key, ""))
        if ds:
            return DateInfo(ds[0].iso, ds[0].year, f"page metadata ({key})")
    number_year = doc_number_year(page.doc_number) if page.doc_number else None
    iso = page.announcement.date
    if iso and (number_year is None or int(iso[:4]) == number_year):
        # the issue date a lead sentence reports; one in another year than the 文号 is the report's
        return DateInfo(iso, int(iso[:4]), "announcement (DATE,X印发《title》)")
    posted = _posting_date(page)
    if posted is not None and (number_year is None or posted.year == number_year):
        return posted
    if number_year is not None:
        return DateInfo(str(number_year), number_year, "doc_number")
    # a cited 文号 is never the document's own: its year only bounds the date from below.  An
    # interpretation whose title names what it explains comes out with that document, so the
    # latest cited year dates it (flagged as a lower bound); any other undated page stays undated
    bound = cited_lower_bound(body)
    if bound is not None and page.is_interpretation and page.title:
        return bound
    if bound is not None:
        page.note("date", "", bound.source, f"no date printed (cited documents: not before {bound.year})")
    return None


def _dateline_below_title(page: PageState) -> DateInfo | None:
    """A 年月日 date standing alone on one of the first lines below the title or 文号 (gov.cn
    and 维基文库 print the signing date there), or on the line under the document's own 文号 in
    a header block above the title, unless it is the page's 发布日期; else a month alone
    (2021年12月, a plan's cover) on a line under the title before the text's first sentence;
    None if there is none."""
    # a metadata table printed one value per line puts its 发布日期 there too: that is the page's
    posted = {ds[0].iso for k in ("发布日期", "发布时间") if (ds := find_dates(page.meta.get(k, "")))}
    for ln in page.lines[page.body_start : page.body_start + 2]:
        d = date_line(ln)
        if d is not None and "年" in ln and d.iso not in posted:
            return DateInfo(d.iso, d.year, "dateline below the title")
    # a header block above a repeated title (维基文库: title / 文号 / date / 发布机关) dates the
    # document on the line under its own 文号
    head = _without_issuer_labels(page.lines[: page.body_start])
    for above, ln in itertools.pairwise(head):
        d = date_line(ln)
        own = page.doc_number and [n for _p, n in find_doc_numbers(above)] == [page.doc_number]
        if own and d is not None and "年" in ln and d.iso not in posted and len(above) <= 30:
            return DateInfo(d.iso, d.year, "dateline below the 文号")
    # a plan's cover dates it by the month alone ("2021年12月") under the title, above its text
    for ln in page.lines[page.body_start : page.body_start + 4]:
        if ln.endswith("。"):
            break
        d = date_line(ln, month=True)
        if d is not None and d.iso.count("-") == 1:
            return DateInfo(d.iso, d.year, "dateline below the title (month)")
    month = _cover_line(page)[1]
    if month is not None:
        return DateInfo(month.iso, month.year, "cover line under the title (issuing body and month)")
    return None


# a header block's issuer field, printed between the 文号 and the date or after them (维基文库:
# "國辦發〔2019〕51號 / 制定機關:國務院辦公廳 / 2019年12月3日", holdout17 010)
_ISSUER_LABEL_RE = re.compile(r"^(?:制定机关|发布机关)\s*[:：]")


def _without_issuer_labels(head: list[str]) -> list[str]:
    """``head`` without its issuer-field lines (制定机关:X, 发布机关:X), so that the date a header
    block prints under its 文号 is found whichever order it prints the two fields in."""
    return [ln for ln in head if not _ISSUER_LABEL_RE.match(ln.strip())]


def _dated_doc_number_line(page: PageState) -> DateInfo | None:
    """The date a gazette prints after the document's own 文号 on one line of its head, with
    nothing else on it ("川府发〔2017〕62号 2017年12月21日", holdout12 014: the signing date, the
    text printing no signature); None if there is none or it is the page's 发布日期."""
    posted = {ds[0].iso for k in ("发布日期", "发布时间") if (ds := find_dates(page.meta.get(k, "")))}
    for ln in page.lines[: page.body_start + 2]:
        nums = find_doc_numbers(ln)
        if not page.doc_number or nums != [(0, page.doc_number)]:
            continue
        rest = ln[ln.find("号") + 1 :]
        d = date_line(rest)
        if d is not None and "年" in rest and d.iso not in posted:
            return DateInfo(d.iso, d.year, "dateline after the 文号")
    return None


# a posting date's label right before it ("发布时间:2019-01-02")
_LABEL_END_RE = re.compile(r"(?:发布|时间|日期|更新|修订)\s*[:：]?\s*$")
_BRACKETED_RE = re.compile(r"^[(（].*[)）]$")


def _bracketed_dateline(page: PageState) -> DateInfo | None:
    """The 题注: a full 年月日 date in brackets on a line of its own in the document's head, above
    its first sentence ("(2018年12月11日)", as gazettes and formal prints date a document under or
    over its title); None if there is none.  A bracketed note naming who published it
    ("(X 2018年5月17日发布)") is the page's 发布日期, read by :func:`page_meta`."""
    for ln in page.lines[: page.body_start + 2]:
        if ln.endswith("。"):
            break
        d = date_line(ln)
        if d is not None and _BRACKETED_RE.match(ln.strip()) and "年" in ln:
            return DateInfo(d.iso, d.year, "dateline in brackets (题注)")
        note = ADOPTION_NOTE_RE.match(ln.strip())
        adopted = find_dates(note.group("date")) if note else []
        if adopted:
            # a regulation's 题注: "(2022年9月29日…常务委员会第三十六次会议通过)" dates its adoption
            return DateInfo(adopted[0].iso, adopted[0].year, "adoption note in brackets (题注)")
    return None


def _dated_header(line: str, dates: list[DateInfo]) -> bool:
    """True when ``line`` is a page header carrying its date: the date right after its label
    (发布时间:2019-01-02), or opening a line that holds no sentence ("2014-08-20 来源:…")."""
    if not dates:
        return False
    opens = dates[0].pos == 0 and not re.search("[,，。]", line)
    return opens or bool(_LABEL_END_RE.search(line[: dates[0].pos]))


# what a page header prints beside its posting date: labels, the site, a view count (浏览/阅读量, or its
# label alone with a colon, "2018年06月19日   点击:"), a clock time, a blog's byline ("红枣科技发表于2021-12-22"),
# a news byline's 作者 label (a 公文 names no author; "作者:www.cechina.cn2022.02.10阅读 1586", holdout18 011)
_POSTED_RE = re.compile(
    r"发布|发表于|时间|日期|官网|网站|来源|修订|更新|浏览|阅读(?:量|数|次数)|点击(?:量|数|率|次数)"
    r"|(?:阅读|点击)\s*[:：]|\d{1,2}:\d{2}|作者\s*[:：]"
)


# a date printed alone in numeric form ("2023-06-21", "2023/06/21 10:15"): a page's stamp under
# its poster's name; a 公文 dates itself in 年月日
_BARE_STAMP_RE = re.compile(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


# a repost's source dateline: the source site and its numeric date in brackets, alone on a line
# ("[中國政府網(2012-7-17)]", holdout7 018; "【新华网 2014-08-20】")
_SOURCE_DATELINE_RE = re.compile(
    r"^[\[【]\s*[^\[\]【】()（）\d]{2,20}\s*[(（]?\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*[)）]?\s*[\]】]$"
)


def _bare_stamp(line: str) -> bool:
    """True for a line that is nothing but a numeric date (and time), or a source dateline of a
    site and a numeric date in brackets: a page header's stamp."""
    return bool(_BARE_STAMP_RE.match(line.strip()) or _SOURCE_DATELINE_RE.match(line.strip()))


# a site's name given as its domain, then the posting date, alone on a header line
# ("2025China.cn   2020年12月29日", holdout13 019)
_SITE_DATELINE_RE = re.compile(
    r"^[A-Za-z0-9\-.]{2,40}\.(?:cn|com|net|org|gov|edu|cc|hk|tw)\s+(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})$",
    re.IGNORECASE,
)


def _site_dateline(line: str) -> bool:
    """True for a line printing a site's domain name and a full date, nothing else: the page's
    posting stamp (a 公文 never prints a domain before its date)."""
    return bool(_SITE_DATELINE_RE.match(line.strip()))


# a site's domain name ("www.gov.cn", "2025China.cn")
_DOMAIN_RE = re.compile(r"[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:cn|com|net|org|gov|edu|cc|hk|tw)\b", re.IGNORECASE)


def _domain_dated(line: str, dates: list[DateInfo]) -> bool:
    """True when ``line`` prints a site's domain name before its first date: a portal's posting
    stamp ("中央政府门户网站 www.gov.cn 2013年08月22日 09时59分 来源:…", holdout15 008), never a
    headline (a 公文's heading or a news headline carries no domain)."""
    return bool(dates) and bool(_DOMAIN_RE.search(line[: dates[0].pos]))


def _posting_date(page: PageState) -> DateInfo | None:
    """The page's posting date: a dated header line (发布时间, 来源, a | row) among the first ten
    lines or the two under the title's first print, a date under a label line (最后修订:), or the
    发布日期 / 发布时间 metadata; None if none is printed."""
    raw = [ln for ln in page.raw_lines if ln]
    # the header is the page's first lines, or the lines just under the headline's repeat when a
    # menu pushes it down (title / 分享至 / "2016年01月13日 浏览:… 来源:…")
    head = next((k for k, ln in enumerate(raw[1:], 1) if page.title and ln == page.title), 0)
    for i, ln in enumerate(raw[: max(10, head + 3)]):
        ds = find_dates(ln)
        if (
            ln == page.headline
            and len(raw) >= 3
            and not (_dated_header(ln, ds) or _bare_stamp(ln) or _domain_dated(ln, ds))
        ):
            continue  # a headline's date is a title's or a lead's, unless the line is a dated header
        if ds and "。" in ln and not _LABEL_END_RE.search(ln[: ds[0].pos]):
            # a header line is no sentence: in a body sentence ("…时间节点,确保…2018年6月底前取得…。")
            # only a date right after its label (a header flattened onto the text) is the page's
            continue
        label_above = i > 0 and _POSTED_RE.search(raw[i - 1]) and raw[i - 1].rstrip().endswith((":", "："))
        if ds and ("|" in ln or _POSTED_RE.search(ln) or label_above or _bare_stamp(ln) or _site_dateline(ln)):
            return DateInfo(ds[0].iso, ds[0].year, "page header")
    # a stamp printed year last is a header line as the bare stamps above are
    stamp = _year_last_stamp(raw[: max(10, head + 3)])
    if stamp is not None:
        return stamp
    for key in ("发布日期", "发布时间", "生成日期"):
        ds = find_dates(page.meta.get(key, ""))
        if ds:
            return DateInfo(ds[0].iso, ds[0].year, f"page metadata ({key})")
    return None


def _year_last_stamp(head: list[str]) -> DateInfo | None:
    """A page stamp printed year last on a line of its own among the header lines ``head``
    ("04.01.2016  19:30"): the full date when its order tells itself, else the year alone
    (:func:`analysis.metadata.numeric_stamp_date`); None if there is none."""
    for ln in head:
        d = numeric_stamp_date(ln)
        if d is not None:
            return DateInfo(d.iso, d.year, "page header (year last)")
    return None
