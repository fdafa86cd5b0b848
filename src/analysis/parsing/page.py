"""Single pages: one policy scraped from a web page (or a Markdown/text copy of one).

The page parser works in small named steps over the page's lines, each proposing
candidates with their evidence (recorded on ``ParsedDoc.evidence`` as (value,
evidence, rule), see :func:`analysis.parsing.field_evidence`): page lines (trailer
and furniture dropped), title block, 文号 (:mod:`.page_docnumber`), announcement, signature
(:mod:`.page_signature`), body, issuer and date (:mod:`.page_fields`), classification.
One precedence per field.  A name or 文号 the text cites (为贯彻落实《…》精神, 根据《…》(…号),
:func:`analysis.metadata.in_citation`) is another document's and loses to nothing.

* title: the title block above the addressees (wrapped lines joined whole, with a
  plan period "(2021—2023年)" printed under it; printed twice -> once; a site's year tag
  "(2020年)" dropped), or a header line nearer the addressees that packs the title with its
  文号, date and issuer (维基文库); the metadata
  table's 标题/名称 when the block is a damaged print of it, or a run-on line just below
  that prints it fuller, or an intact print above it when the block lost 号/brackets in
  print; a run-on first line (title, 文号 and addressees on one line); the heading of what
  an addressee-first transmittal sends out, or the title its annex label prints (附件:…), or
  the heading printed below it of the document its transmitting sentence names in 《》;
  the first line when it can be a title (past a breadcrumb; a name printed alone in 《》; a
  <title>'s column after "_" and a headline's leading "文号:" dropped); when the page prints no
  heading at all, the name in 《》 of its own transmitting sentence (现将《X》印发给你们, never a
  cited 根据《…》, nor one of a document forwarded below a signature, nor when a heading was
  printed and lost, its plan period alone left); else "" (tests/devset/README.md, title).
  A repost's lead line "《X》全文如下:" gives X; an "issuer 文号 title" headline gives the title
  (the issuer kept); a block ending mid-phrase takes the short line below that ends it
  ("规划的通知"), and a plan period line goes on into the rest of the title ("(2022—2035年)实施方案").
  Pinyin glosses ("的(de)", "纲要(yào / yāo)") are removed by the cleaning before (one home:
  :func:`analysis.cleaning.remove_ruby_pinyin`).  Round 8 (:mod:`.page_heading`): an SEO keyword
  set off by a space before 关于/印发/转发 is dropped; a heading's stray '。' over its 文号 or
  addressees is dropped; a block ending open ("…关于印发") takes back its next line removed as a
  repeated header; a promulgation 公告 printed with its regulation gives the regulation's heading;
  a regulation's heading over its adoption note (题注) is the title when the block gives none.
  Round 9: a news source tag "(…讯)" before a headline is cut; a gazette's running header
  (X人民政府公报) leading a flattened line is furniture; an interpretation heading wrapped after
  its verb ("…局长X解读" / "《name》") is joined whole; a flattened page printed twice gives the
  run-on title of its intact copy when the first lost a quote mark or bracket in print.
  Never an addressee line, breadcrumb, field label or metadata row (文号…主题词…, 内容概述…),
  a print line (…办公室 date 印发), site furniture or a share widget's word (转发),
  a line of several different titles (previous/next links),
  an editor's note ((本文有删减)) or a file name (….docx) (:mod:`.page_title`); never below the
  first signature, dated or a transmittal's undated signing body (what a transmittal sends
  out).  A block cut short (no genre word at its end) gives way to the complete title quoted
  in 《》 above it; a news headline "X印发《Y》" to Y.
  Flattened lines are split back into the 公文's parts first (:mod:`.page_flattened`).
* 文号: the document's own number (own line, before the title, under the title after a
  repost lead, right above the addressees, also with 〕/号 lost in print; decree number
  X令第N号; the document named with its number 《title》(…号); a lead sentence X印发《title / …的通知》(…号); page
  metadata, a decree number with the site's year "令(2019年)第21号" read as 令第21号).  A
  number the body cites (根据《…》(…), 按照/依据…) is never its own, nor a proposal's number
  (第0997号提案), nor one below a notice's signature (the head of what it forwards).
* date: the signature (or a plan's cover, or a decree's signer above the rules; a notice
  dated without its signing body, the annex heading or a transmittal's annex below it; 年月日
  lost in print read only when unambiguous), a dateline under the title or under the own 文号
  of a header block (unless it is the page's 发布日期), a bracketed 年月日 line in the head (题注,
  "(2018年12月11日)"; a regulation's adoption note "(2022年9月29日…会议通过)"), a month alone
  under a plan's title, the page's 成文日期/发文日期/颁布时间;
  a lead sentence's issue date (2017年4月8日,X印发《title》; also in traditional script, and
  naming the body apart from the title it announces: 农业部印发《关于…》 for 农业部关于…);
  then a posting date (发布时间, header stamps, a byline with a view count, a numeric date alone on a
  header line; never a date inside a body sentence, such as a
  deadline 2018年6月底前) only when it agrees with the 文号's year;
  then the 文号's year (flagged inferred); else none (only a titled interpretation is dated
  by the latest document it cites, flagged as a lower bound; a cited 文号 is never the own).
* issuer: the signature (all its bodies, every short line between the notice's last sentence
  and the date; seal notes such as (代章) dropped; an office
  signing for the group the title names gives the group; "(代)" is the short 代章 mark), a
  decree's issuer (a national decree's 中华人民共和国 dropped: 国务院令 is issued by 国务院), the title's
  leading organisation (or the issuer line of a damaged title block; never the issuer of a
  document an interpretation quotes in 《》), a flattened cover
  (title, issuing body, 目录), the red header (版头) "X文件" above the title (X a named place's
  body), "X、Y印发《title》" in a lead sentence, the 解读机关, the
  page's 发文机关/制发机关/发文部门/发文单位/发布单位/发布部门 (also a legal database's 【发布单位】;
  a publisher is not the issuer when the page's 来源 names another body: it reposts); a
  portal's 发布机构 (its posting body) or 来源 never is.  A
  short form (省人民政府, 市人民政府) is completed, and an abbreviation (市政府办公厅, 省府办公厅)
  replaced, by a fuller print of the same body on the page (title, metadata); a signature
  printed as a flattened multi-column table gives way to the 发文机关/发文单位 field listing the
  same bodies.
  Several bodies are separated by one space, however the page separates them (:func:`join_issuers`).
  A news headline "X:title" above the title names X (after all the above).  A title's "X等部门"
  names the lead body X.  Variant characters (陜) are stored in the standard form (:mod:`analysis.metadata.variants`).
* level and region: the issuer's own place or body, else the place leading the title; a
  short-form issuer (省人民政府, 县人民政府办公室) sits in the first place of its kind the
  title names (湖北省, 英山县 -> county, 湖北); else the signature, the place the document's
  own 文号 names (六盘水府办发), a signing line too damaged to read as a body; a short form is
  placed by the page's 来源, then the government site's name in the header (武汉市人民政府网), then
  a prefecture or province its addressees name (flagged "page source" in the evidence); an
  interpretation by the document it quotes; never a place
  named in the body, and nothing for a title with neither issuer nor place ("十四五"国家信息化规划).
  A province-level body printed without its place (省人民政府) is placed by its 文号's province
  abbreviation (鄂政发 -> 湖北; :mod:`analysis.metadata.level`); a title's stray leading 关于 and a
  programme's 智慧/数字 before its place ("智慧湘西…") are skipped to find the leading place, and
  so is the 关于印发 of a title without issuer (关于印发青岛市…规划的通知: a body sends out its own
  area's plan).
* a page is never lost to a misread form: with nothing left below the title, all its lines
  are the body (only a page that is its title alone is skipped).
* genre: the title's last genre word (of what a transmittal or forwarding notice sends; of the
  first document a notice sending several names; of the name the text quotes with the 文号 a
  转发 title names what it forwards by).
* metadata tables printed one bullet per label with the value below ("• 发布机构" / value) are read
  like any other (:func:`.page_meta.labelled_rows`); links to a notice's interpretations above its
  heading ("文字解读:…") are furniture.
"""

from __future__ import annotations

import re

from ..cleaning import cut_trailer, strip_page_furniture
from ..io.errors import CorpusError
from ..metadata import (
    classify_level,
    date_line,
    detect_excerpt,
    genre_of,
    in_citation,
    leading_orgs,
    split_issuer_title,
    without_han_spaces,
)
from ..metadata.gazetteer import find_places, leading_place
from .announcement import find_announcement
from .document import ParsedDoc
from .page_docnumber import find_doc_number
from .page_fields import page_date, page_issuer
from .page_flattened import drop_running_headers, unflatten
from .page_heading import (
    forwarded_genre,
    heading_before_body,
    heading_over_adoption_note,
    heading_run_into_body,
    promulgated_regulation,
    removed_head,
    removed_tail,
    unstopped_heading,
)
from .page_meta import labelled_rows, page_meta
from .page_signature import find_signature, notice_signed_above, split_body
from .page_state import PageState
from .page_title import (
    TITLE_GENRE_RE,
    TRANSMITS_RE,
    annex_heading,
    interpreter_heading,
    is_org_line,
    is_salutation,
    is_title_line,
    join_wrapped_title,
    lost_in_print,
    meta_title,
    named_heading,
    names_a_document,
    plan_period_line,
    rejection,
    run_on_title,
    skeleton,
    subsequence,
    taken_once,
    transmitted_quote,
    without_headline_prefix,
    without_keyword_prefix,
    without_part_number,
    without_site_suffix,
    without_year_tag,
)

__all__ = ["parse_page"]


_INTERP_FIELD_RE = re.compile(r"^解\s*读\s*(机关|单位|部门|人)\s*[:：]\s*(.*)$")
_INTERP_LINE_RE = re.compile(r"^解\s*读\s*(机关|单位|部门|人)\s*[:：]")
_NOTE_RE = re.compile(r"^[(（]此件[^()（）]{0,12}[)）]$")


def parse_page(text: str, source: str) -> tuple[ParsedDoc, list[str]]:
    """Parse the clean text of a single page into one document.

    Returns (document, removed_lines): the lines dropped as page furniture,
    trailer, signature or print note.  Raises CorpusError (naming ``source``)
    when no text or no body is left.
    """
    page = _page_lines(text, source)
    _find_title(page)
    find_doc_number(page)
    _read_announcement(page)
    find_signature(page)
    split_body(page, source)
    body = "\n".join(page.body_lines)
    doc = ParsedDoc(
        title=page.title,
        text=body,
        source=source,
        issuer=page_issuer(page),
        doc_number=page.doc_number,
        date=page_date(page, body),
    )
    # an interpretation without a printed title has no genre either (nothing names it)
    doc.genre = ("解读" if page.title else "") if page.is_interpretation else genre_of(page.title)
    doc.genre = forwarded_genre(page, body) or doc.genre
    doc.is_excerpt, doc.excerpt_reason = (False, "") if page.is_interpretation else detect_excerpt(body)
    # the issuer's own place decides, never a place name in the body (a ministry notice
    # naming a county, a provincial interpretation citing the State Council)
    # a page's level is read from what it prints of its issuer's place: a title opening with
    # 国家 ("“十四五”国家信息化规划") names no issuer (cf. tests/devset/README.md, level)
    doc.level, doc.region, doc.level_evidence = classify_level(
        doc.issuer,
        _title_for_level(page),
        hints=(page.sig_org, page.doc_number, page.sig_hint),
        national_title=False,
        source_hints=(page.meta.get("来源", ""), *_area_hints(page)),
    )
    _record_evidence(page, doc)
    return doc, page.removed


def _title_for_level(page: PageState) -> str:
    """The title whose leading place or body places the document: an interpretation's is the
    name it quotes ("关于《市农业农村局关于…的意见》的解读": the document it explains comes from
    that body's area); else the page's title without 《》 (and without a stray leading 关于)."""
    interpretation = page.is_interpretation or genre_of(page.title) == "解读"
    quoted = re.search(r"《([^《》]{6,100})》", page.title) if interpretation else None
    title = quoted.group(1) if quoted else page.title.strip("《》")
    if title.startswith("关于") and "的" not in title:
        # "关于无锡高新区(新吴区)信息化建设三年行动计划" (holdout5 042): a 关于 that opens no
        # "关于…的<genre>" sentence is stray; the name after it leads with its place
        title = title[2:]
    year = re.match(r"^(?:19|20)\d{2}年(?:度)?", title)
    rest = title[year.end() :] if year else ""
    if rest and (leading_place(rest) is not None or (rest[:2] in ("智慧", "数字") and leading_place(rest[2:]))):
        # a year's plan or work points ("2022年数字福建工作要点", holdout11 012): the year leads the
        # name of the area or of the area's own programme
        title = rest
    if title.startswith(("智慧", "数字")) and leading_place(title[2:]) is not None:
        # a programme named 智慧/数字 + its place ("智慧湘西建设三年行动计划", holdout8 054; "智慧宿迁…",
        # "数字福建"): the place it names is the programme's, as a leading place is a title's
        title = title[2:]
    sent = re.match(r"^关于印发[《“\"]?(?=\S)", title)
    if sent and leading_place(title[sent.end() :]) is not None:
        # a title without its issuer, "关于印发青岛市…规划的通知" (holdout9 052): a body sends out
        # its own area's plan, so the place leading what it sends out is the sender's
        title = title[sent.end() :]
    return title


# a government site's name in the page header: "武汉市人民政府网", "黑龙江省政府网", "XX县人民政府门户网站"
_SITE_NAME_RE = re.compile(r"([^\s|>»/·]{2,20}?(?:人民政府|政府))(?:门户)?(?:网站|网)(?![\u4e00-\u9fff])")


def _area_hints(page: PageState) -> tuple[str, ...]:
    """Where a body named without its place ("市政府办公室") sits, as the page says besides its
    title, signature and 文号: the government site's name in the header (武汉市人民政府网), then the
    prefectures and provinces the addressees name (a body writes to the units of its own area:
    "苏州工业园区、苏州高新区管委会" -> 苏州市); county-level names in the addressees are the
    issuer's subordinates, never its place.  Used only to place such a short form, and recorded
    in the level evidence as "page source"."""
    # (a link to the national portal, 中国政府网, names no place)
    sites = [m.group(1) for ln in page.raw_lines[:3] for m in _SITE_NAME_RE.finditer(ln) if find_places(m.group(1))]
    addressees = page.lines[page.sal_idx] if page.sal_idx is not None else ""
    above = [p.name for _pos, p in find_places(addressees) if p.rank in ("province", "prefecture")]
    return (*sites, *above)


# date sources that are not the document's own printed date
_INFERRED_DATE_SOURCES = ("doc_number", "cited documents (lower bound)")


def _record_evidence(page: PageState, doc: ParsedDoc) -> None:
    """Fill ``doc.evidence`` with (value, evidence, rule) for every field: the notes the steps
    made, and for the rest the rule that chose the value; empty fields say why they are empty."""
    ev = dict(page.evidence)
    if "title" not in ev:
        ev["title"] = (doc.title, "", "no title line on the page" if not doc.title else "title block")
    ev["title"] = (doc.title, ev["title"][1], ev["title"][2])
    if doc.doc_number:
        line = next((ln for ln in page.lines if doc.doc_number[:2] in ln and "号" in ln), "")
        ev.setdefault("doc_number", (doc.doc_number, line, "文号 line below the title or page metadata"))
    else:
        ev["doc_number"] = ("", "", "no 文号 of the document's own printed")
    if doc.date is not None:
        inferred = " (inferred)" if doc.date.source in _INFERRED_DATE_SOURCES else ""
        ev["date"] = (doc.date.iso or str(doc.date.year), doc.date.source, f"{doc.date.source}{inferred}")
    else:
        ev.setdefault("date", ("", "", "no date printed"))
    ev["level"] = (
        doc.level,
        doc.level_evidence,
        "issuer's own place or body, else the title's leading place, else the signature or 文号",
    )
    ev["region"] = (doc.region, doc.level_evidence, "province of the issuer's place; 全国 for central bodies")
    ev["genre"] = (doc.genre, doc.title, "last genre word of the title (of what a transmittal sends out)")
    doc.evidence = ev


# layout spaces an encoding could not store, saved as "?" ("??????? ????泰州市人民政府办公室",
# "2018年7月30日 ??"): runs of question marks at a line's edges, or a line of nothing else
# (also glued to a signature's last word: "沁縣人民政府????", "2022年4月20日???", holdout8 043)
_LOST_SPACES_RE = re.compile(r"^[?？](?:[?？\s]*[?？])?(?=\s|[?？]|$)[?？\s]*|\s*[?？]{2,}[?？\s]*$|^[?？]$")


# a red-head title's genre word on a line of its own, letter-spaced with a wide gap ("通             知",
# holdout10 049; "通 知", holdout 006): cleaning joins only runs of three or more spaced characters
_SPACED_PAIR_RE = re.compile(r"^(\S)\s+(\S)$")


def _spaced_genre_word(line: str) -> str:
    """``line`` with the spaces taken out when it is a two-character genre word letter-spaced
    ("通 知" -> "通知"); else ``line`` unchanged."""
    m = _SPACED_PAIR_RE.match(line)
    return m.group(1) + m.group(2) if m and TITLE_GENRE_RE.fullmatch(m.group(1) + m.group(2)) else line


def _page_lines(text: str, source: str) -> PageState:
    """Step 1: the page's lines without trailer, furniture, 解读 contact block and 附注."""
    raw_lines = [_spaced_genre_word(_LOST_SPACES_RE.sub("", ln).strip()) for ln in text.split("\n")]
    interp = {}
    for ln in raw_lines:
        m = _INTERP_FIELD_RE.match(ln)
        if m:
            interp[m.group(1)] = m.group(2).strip()
    # a table row's closing bar ("…的通知 |") is layout, not text
    headers: list[str] = []
    nonempty = drop_running_headers([ln.rstrip(" |") for ln in raw_lines if ln.rstrip(" |")], headers)
    nonempty, trailer = _cut_trailer(unflatten(nonempty))
    lines, removed = strip_page_furniture(nonempty)
    removed.extend(headers)
    removed.extend(trailer)
    # 解读 contact block: "五、解读机关及解读人", "解读机关:…", "解读人:…"
    keep = []
    for ln in lines:
        if _INTERP_LINE_RE.match(ln) or (re.search(r"解读(机关|人)", ln) and len(ln) < 20):
            removed.append(ln)
        else:
            keep.append(ln)
    keep = _drop_site_tags(keep, removed)
    keep = _drop_link_labels(keep, removed)
    # 附注 such as (此件公开发布) belong to the 公文's form, not its text
    lines = []
    for ln in keep:
        (removed if _NOTE_RE.match(ln) else lines).append(ln)
    lines = unstopped_heading(lines)
    if not lines:
        raise CorpusError(source, "no text left after removing page boilerplate")
    return PageState(text, raw_lines, lines, removed, page_meta(labelled_rows(raw_lines)), interp)


# a news site's tag before the addressee line: "【智慧城市网 政策法规】各市州民政局…:"
_SITE_TAG_RE = re.compile(r"^(【?[^【】]{1,30}】)(各.*)$")


# a news report's source tag before its headline ("(电子商务研究中心讯) 中山市人民政府办公室关于…",
# holdout9 053; "(新华社电)"): the agency's dateline, not part of the headline
_NEWS_SOURCE_RE = re.compile(r"^([(（【][^()（）【】]{2,20}?[讯訊电電][)）】])\s*(\S.{5,})$")


def _drop_site_tags(lines: list[str], removed: list[str]) -> list[str]:
    """``lines`` with a 【site tag】 cut from the addressee line it precedes (and a lone "【"
    it was wrapped from dropped), and a news source tag "(…讯)" cut from a headline among the
    first ten lines; the tags go to ``removed``."""
    out: list[str] = []
    for i, ln in enumerate(lines):
        news = _NEWS_SOURCE_RE.match(ln) if i < 10 else None
        if news:
            removed.append(news.group(1))
            ln = news.group(2)
        m = _SITE_TAG_RE.match(ln)
        if m and is_salutation(m.group(2)):
            if out and out[-1] == "【":
                removed.append(out.pop())
            removed.append(m.group(1))
            ln = m.group(2)
        out.append(ln)
    return out


# links a document page prints above its heading to the pages explaining it, named by their medium
# ("文字解读:X关于…的通知", "图解:…", "视频解读:…"): the page itself is the document, not a 解读
_LINK_LABEL_RE = re.compile(r"^(?:文字解读|图文解读|图片解读|视频解读|相关解读|图解|一图读懂)\s*[:：]\s*\S")


def _drop_link_labels(lines: list[str], removed: list[str]) -> list[str]:
    """``lines`` without the link labels to a document's interpretations among its first five
    lines (they go to ``removed``)."""
    head = [ln for ln in lines[:5] if _LINK_LABEL_RE.match(ln)]
    removed.extend(head)
    return [ln for ln in lines[:5] if ln not in head] + lines[5:]


def _cut_trailer(nonempty: list[str]) -> tuple[list[str], list[str]]:
    """(page, trailer), split by :func:`analysis.cleaning.cut_trailer`: the trailer starts at the
    first trailer line below the document and in the second half of the page.

    Found before furniture is stripped, since headers such as 相关链接 are
    furniture themselves.
    """
    return cut_trailer(nonempty)


def _find_title(page: PageState) -> None:
    """Step 2: the title block (title, the line the body starts at, whether it is a 解读).

    The salutation (主送机关) is looked for among the first 30 lines of some
    length, since menus of HTML pages put dozens of one-word lines above the
    document; the title is the title-like line just above it, joined with the
    lines it wraps from.  Candidates in order of precedence: the title block;
    the metadata table's 标题/名称 when the block is a damaged print of it; a run-on
    first line; the heading of what an addressee-first transmittal sends out; the
    page's first line when it can be a title.
    """
    lines = page.lines
    page.head_limit = _index_after_substantive(lines, 30)
    sal = next((i for i, ln in enumerate(lines[: page.head_limit]) if is_salutation(ln)), None)
    page.sal_idx = sal
    search_to = sal if sal is not None else min(len(lines), _index_after_substantive(lines, 12))
    # the title stands above the signature: below it is what a transmittal sends out
    search_to = min(search_to, _first_signature(lines, search_to))
    page.title_idx = next(
        (i for i in range(search_to - 1, -1, -1) if is_title_line(lines[i]) or _header_run_on(lines[i])), None
    )
    # the page's headline: its first line, past a breadcrumb or site furniture printed above it
    page.headline = next((ln for ln in lines[:3] if rejection(ln) not in ("breadcrumb", "furniture")), lines[0])
    meta = meta_title(labelled_rows(page.raw_lines))
    if page.title_idx is not None and _header_run_on(lines[page.title_idx]):
        # a header line packing the title with its 文号, date and issuer (维基文库: "X关于…的通知
        # 合政办〔2021〕10号 2021年5月24日 发布机关:…") is the title block, whatever stands above it
        page.title = _header_run_on(lines[page.title_idx])
        page.run_on_rest = lines[page.title_idx][len(page.title) :]
        page.body_start = page.title_idx + 1
        page.note("title", page.title, lines[page.title_idx], "run-on header line (title, 文号, date)")
    elif page.title_idx is not None:
        page.title, first = join_wrapped_title(lines, page.title_idx)
        page.body_start = page.title_idx + 1
        period = plan_period_line(lines, page.body_start)
        if period and not page.title.endswith(period):
            page.title += period
            page.body_start += 1
        _title_tail(page)
        rule = "title block" if first == page.title_idx else "title block (wrapped lines joined)"
        page.note("title", page.title, lines[first], rule)
        removed_head(page, first)
        _notice_heading_above(page, first)
        if meta and skeleton(meta) != skeleton(page.title) and subsequence(skeleton(page.title), skeleton(meta)):
            page.title = meta
            page.note("title", meta, meta, "metadata table (fuller print of the title block)")
        _intact_print(page, first, meta)
        _quoted_print(page, first)
    elif meta and is_title_line(meta):
        page.title = meta
        printed = without_han_spaces(meta)  # (one print may space what the other does not)
        page.body_start = next(
            (i + 1 for i, ln in enumerate(lines[: page.head_limit]) if without_han_spaces(ln).endswith(printed)), 1
        )
        page.note("title", meta, meta, "metadata table (标题/名称)")
    else:
        _title_without_block(page, sal)
    _fuller_print(page)
    page.title = without_year_tag(taken_once(without_site_suffix(page.title)))
    page.title = without_part_number(page.title)
    untagged = without_keyword_prefix(page.title)
    if untagged != page.title:
        page.note("title", untagged, page.title, "title without the keyword or site tag glued before it")
        page.title = untagged
    title, issuer = without_headline_prefix(page.title)
    if title != page.title:
        # the issuer the headline prints before the number stays the document's issuer
        page.note("title", title, page.title, "headline 'issuer 文号 title' without its issuer and 文号")
        page.block_issuer = page.block_issuer or issuer
        page.title = title
    promulgated_regulation(page)
    heading_over_adoption_note(page)
    _full_text_lead(page)
    _news_headline(page)
    heading_run_into_body(page)
    heading_before_body(page)
    # a breadcrumb above the headline may be what says so ("首页 > 解读回应 > 区级政策解读")
    page.is_interpretation = (
        bool(page.interp) or _names_interpretation(page.headline) or _names_interpretation(lines[0])
    )
    # a name the headline quotes names the page only in a heading (a file name, "《…》政策解读"): a
    # name quoted in a sentence (现将《…》印发给你们, 近日…印发了《…》) is no printed title, and one
    # it cites (为贯彻落实《…》精神) is another document's
    quoted = [
        m.group(1)
        for m in re.finditer(r"《([^《》]{6,80})》", page.headline)
        if names_a_document(m.group(1)) and not in_citation(page.headline, m.start(), m.end())
    ]
    if re.search(r"[。,，;；]", page.headline):
        quoted = []
    if page.is_interpretation and quoted and not interpreter_heading(page.title):
        name = max(quoted, key=len)
        # the interpretation's own name as printed after the quoted title ("政策解读", "的解读")
        said = re.search(re.escape(f"《{name}》") + r"([^《》\s,，。]{0,6}?解读(?:材料)?)", page.headline)
        page.title = f"《{name}》{said.group(1) if said else '解读'}"
        page.note("title", page.title, page.headline, "interpretation of the quoted title")
    elif page.title_idx is None and not page.title and quoted and rejection(page.headline) in ("", "file name"):
        # a download's file name quoting the document's name (filename=《…》.pdf) names it too
        page.title = max(quoted, key=len)
        page.note("title", page.title, page.headline, "title quoted in the headline")


def _names_interpretation(line: str) -> bool:
    """True when a heading or breadcrumb line says 解读; a sentence ending in '。' only talks
    about interpreting (a site's note "…来具体解读本文。", holdout13 011) and is no heading."""
    return "解读" in line and not line.rstrip().endswith("。")


# a repost's lead line to the text it reprints: "《关于…的指导意见》全文如下:", "《X》原文如下。"
_FULL_TEXT_LEAD_RE = re.compile(r"^《([^《》]{4,100})》\s*(?:全文|原文|正文)(?:如下)?\s*[:：。]?$")


def _full_text_lead(page: PageState) -> None:
    """A title taken from a repost's lead line ("《X》全文如下:") is X: the line names the text that
    follows it, whose own heading the repost left out."""
    m = _FULL_TEXT_LEAD_RE.match(page.title.strip())
    if m and is_title_line(m.group(1)):
        page.note("title", m.group(1), page.title, "name in a repost's lead line (《X》全文如下)")
        page.title = m.group(1)


def _header_run_on(line: str) -> str:
    """The title a header line starts with when the line goes on into the title's 文号, date or
    issuer but holds no sentence (a flattened page, whose body follows on the same line, is
    read by :func:`_title_without_block`); "" otherwise."""
    return "" if "。" in line else run_on_title(line)


# a news headline names who issued a document by a count or an abbreviation ("九部门印发《…》的通知",
# "中办国办印发《…》"), where a 公文's own title names the issuing bodies in full
_NEWS_HEADLINE_RE = re.compile(
    r"^(?:.{0,12}等)?(?:[\d一二两三四五六七八九十]+个?(?:部门|部委|单位|机构)|(?:[\u4e00-\u9fff]办){2,3}|两办)"
    r"(?:联合)?(?:印发|发布|出台)《([^《》]{6,80})》(?:的通知)?$"
)


_ORGS_ISSUE_RE = re.compile(r"^(.{2,60}?)(?:联合)?(?:印发|发布|出台)《([^《》]{6,80})》$")


def _news_headline(page: PageState) -> None:
    """A news headline taken as the title gives way to the document it announces (the title
    quoted in it), which is what the page prints below."""
    m = _NEWS_HEADLINE_RE.match(page.title)
    named = m.group(1) if m else ""
    # "中共中央办公厅 国务院办公厅印发《…纲要》": the bodies named in full, the name in 《》 ending the
    # line; a 公文's own title says 关于印发《…》的通知
    full = _ORGS_ISSUE_RE.match(page.title)
    if full and not named and leading_orgs(full.group(1)).replace(" ", "") == full.group(1).replace(" ", ""):
        named = full.group(2)
    if named and TITLE_GENRE_RE.search(named):
        page.note("title", named, page.title, "title quoted in a news headline")
        page.title = named


def _first_signature(lines: list[str], limit: int) -> int:
    """Index of the first signing body over a date line (a notice's signature, or the issuer and
    date printed right under the title) among the first ``limit`` lines, the body's line if it is
    printed; ``limit`` if there is none."""
    for i in range(1, limit):
        if TRANSMITS_RE.search(lines[i - 1]) and lines[i - 1].endswith("。") and is_org_line(lines[i]):
            return i  # a transmittal's signing body, undated, under its last sentence (现印发给你们…。)
        if date_line(lines[i]) is not None and "年" in lines[i]:
            if lines[i - 1].endswith("。"):
                return i
            if is_org_line(lines[i - 1]) and i >= 2 and lines[i - 2].endswith("。"):
                return i - 1
            if is_org_line(lines[i - 1]) and i >= 2 and is_title_line(lines[i - 2]):
                return i - 1  # the issuer and date printed under the title (its header block)
    return limit


def _title_tail(page: PageState) -> None:
    """A title block ending mid-phrase (no genre word: "…关于印发新乡市“十四五”消防事业发展") goes on
    into the short line below that ends it ("规划的通知"), printed once or twice: that line is the
    rest of the title, too short to be read as a title line of its own."""
    if TITLE_GENRE_RE.search(page.title):
        return
    lines, i = page.lines, page.body_start
    removed_tail(page)
    if TITLE_GENRE_RE.search(page.title):
        return
    tail = lines[i].strip() if i < len(lines) else ""
    if not tail or len(tail) > 20 or re.search(r"[。,，;；:：]", tail) or not TITLE_GENRE_RE.search(tail):
        return
    page.title += tail
    page.body_start = i + 1
    while page.body_start < len(lines) and lines[page.body_start].strip() == tail:
        page.body_start += 1  # the tail printed twice
    page.note("title", page.title, tail, "title block (wrapped lines joined, its last line below)")


def _notice_heading_above(page: PageState, first: int) -> None:
    """A title block that is the heading of what a transmittal sends out, printed right under the
    notice's own heading quoting it ("民政部关于印发《“十四五”民政信息化发展规划》的通知" over
    "“十四五”民政信息化发展规划", holdout10 019, the notice's text left out): the notice's heading
    is the title, as it is when the notice's text is printed."""
    above = page.lines[first - 1].strip() if first > 0 else ""
    # (spaces compared away: a heading may be letter-spaced in print)
    quoted = re.sub(r"\s", "", f"印发《{page.title.strip('《》')}》的通知")
    joined = re.sub(r"\s", "", above)
    if joined.endswith(quoted) and len(joined) > len(quoted) and is_title_line(above):
        page.title = above
        page.note("title", above, above, "heading of the notice sending out the title block's document")


def _fuller_print(page: PageState) -> None:
    """A title block damaged in print ("互联网+" lost) gives way to a fuller print of the same
    title that a run-on line just below starts with; its 文号 is then read from that line."""
    if page.title_idx is None:
        return
    for ln in page.lines[page.title_idx + 1 : page.title_idx + 4]:
        run_on = run_on_title(ln)
        if run_on and len(skeleton(run_on)) > len(skeleton(page.title)):
            if subsequence(skeleton(page.title), skeleton(run_on)):
                page.title = run_on
                page.run_on_rest = ln[len(run_on) :]
                page.note("title", run_on, ln, "run-on line (fuller print of the title block)")
            return


def _intact_print(page: PageState, first: int, meta: str) -> None:
    """A title block damaged in print (号 or brackets lost) gives way to an intact print of the
    same title above it (the page's headline or metadata table), with or without the issuer line
    the block opens with; that issuer stays the document's issuer."""
    issuer, _ = split_issuer_title(page.title)
    cores = [page.title] + ([page.title[len(issuer) :]] if issuer and page.title.startswith(issuer) else [])
    for cand in [meta, *page.lines[:first]]:
        if cand and is_title_line(cand) and any(lost_in_print(core, cand) for core in cores):
            page.block_issuer = issuer
            page.title = cand.strip()
            page.note("title", page.title, cand, "intact print of a title block damaged in print")
            return


def _quoted_print(page: PageState, first: int) -> None:
    """A title block cut short (its last lines not read as title lines, so it ends in no genre
    word) gives way to the complete title the page prints in 《》 above it
    ("十政发〔2018〕40号《十堰市人民政府关于…的通知》") when the block's characters all appear in
    it, in order."""
    block = skeleton(page.title)
    if TITLE_GENRE_RE.search(re.sub(r"[(（][^()（）]*[)）]$", "", page.title)):
        return  # a block ending in its genre word is whole (a quoted name above may be a misnomer)
    for ln in page.lines[:first]:
        for qm in re.finditer(r"《([^《》]{6,100})》", ln):
            quoted = qm.group(1)
            fuller = len(skeleton(quoted)) > len(block) and subsequence(block, skeleton(quoted))
            if fuller and is_title_line(quoted) and not in_citation(ln, qm.start(), qm.end()):
                page.title = quoted
                page.note("title", quoted, ln, "complete title quoted above a title block cut short")
                return


def _intact_run_on_copy(page: PageState, i: int) -> None:
    """A flattened page printed twice (a document-sharing site's copy, holdout9 011): the run-on
    title of the first copy, damaged in print (a quote mark or bracket lost), gives way to the
    same title printed intact by a later copy's run-on line."""
    for ln in page.lines[i + 1 :]:
        again = run_on_title(ln)
        if again and lost_in_print(page.title, again):
            page.title = again
            page.note("title", again, ln, "run-on line (intact later print of a damaged title)")
            return


def _title_without_block(page: PageState, sal: int | None) -> None:
    """Title candidates when no title line stands above the salutation: a run-on first line,
    the heading of the annex of an addressee-first transmittal, else the first line when it can
    be a title; the title stays "" otherwise (never an addressee line, breadcrumb or label)."""
    lines = page.lines
    page.body_start = 1
    for i, ln in enumerate(lines[:6]):
        run_on = run_on_title(ln)
        if run_on:
            page.title = run_on
            page.body_start = i
            page.run_on_rest = ln[len(run_on) :]
            page.note("title", run_on, ln, "run-on line (title before 文号 or addressees)")
            _intact_run_on_copy(page, i)
            return
    if sal is not None:
        # a short notice, then a signature of up to a dozen joint issuers, then the date
        sig = next((i for i in range(sal + 1, min(sal + 16, len(lines))) if date_line(lines[i])), None)
        heading = annex_heading(lines, sig + 1) if sig is not None else ""
        if heading:
            page.title = heading
            page.body_start = sal
            page.note("title", heading, heading, "heading of the transmitted document (addressee-first page)")
            return
        name, line = _transmitted_name(lines, sal)
        if name:
            page.title = name
            page.body_start = sal
            page.note("title", name, line, "name of the transmitted document (addressee-first page)")
            return
        name, line = named_heading(lines, sal + 1)
        if name:
            page.title = name
            page.body_start = sal
            page.note("title", name, line, "heading of the document the notice names (addressee-first page)")
            return
        # (not the addressees of a document forwarded below a notice signed above them)
        own = not notice_signed_above(lines, sal)
        if own and not is_title_line(page.headline) and not _heading_remnant(lines, sig):
            name, line = transmitted_quote(lines, sal + 1)
            if name:
                page.title = name
                page.body_start = sal
                page.note("title", name, line, "name in 《》 of the page's transmitting sentence (no heading printed)")
                return
    if is_title_line(page.headline):
        page.title = page.headline
        page.note("title", page.headline, page.headline, "first line of the page")
    elif sal is None and "。" in lines[0]:
        # a page opening on a sentence with no title above it starts with the document's text
        # ("为认真贯彻落实…,制定本方案。", holdout4 028): nothing is set aside as a headline
        page.body_start = 0
    elif sal is not None:
        # a notice signed above the addressees printed its text without a title: the page starts
        # with it (what follows is the document it forwards); else the body starts at the addressees
        page.body_start = 0 if notice_signed_above(lines, sal) else sal
    if sal is None and not page.title:
        _opening_transmittal(page)


def _opening_transmittal(page: PageState) -> None:
    """A page that prints no heading and no addressees but opens (past a breadcrumb) on its own
    transmitting sentence with the name it sends out ("《X》已经…审议通过,现印发给你们", holdout13
    053): X, as the notice sending it out names it."""
    name, line = transmitted_quote([page.headline], 0)
    # only a name printed first on the page stands where a heading would: one quoted inside a
    # sentence (经国务院同意,现将《X》印发你们) is the notice's text cut from its head
    if name and line.lstrip().startswith(f"《{name}"):
        page.title = name
        page.note("title", name, line, "name in 《》 of the transmitting sentence opening the page (no heading)")


def _heading_remnant(lines: list[str], sig: int | None) -> bool:
    """True when the line under a transmittal's signature date is what is left of a printed
    heading (a short line that is no sentence, such as the plan period "(2021—2023年)" alone):
    the page printed its heading and lost it in print, so the name the notice quotes is no
    printed title (tests/devset/pages/077.txt); a page that goes on straight into the body
    printed no heading at all."""
    if sig is None or sig + 1 >= len(lines):
        return False
    nxt = lines[sig + 1].strip()
    # a table of contents' label ("目 录", holdout11 001) opens the document sent out, no heading
    return len(nxt) < 30 and not re.search(r"[。,，;；:：]", nxt) and re.sub(r"\s", "", nxt) not in ("目录", "目次")


# "附件:关于…的意见" (附属档案 in mirrors converted to Taiwan usage)
_ANNEX_LABEL_RE = re.compile(r"^(?:附件|附属档案)\s*\d?\s*[:：]\s*(.{6,100})$")


def _transmitted_name(lines: list[str], sal: int) -> tuple[str, str]:
    """(name, line) of what an addressee-first notice without a printed title sends out: the
    title its annex label prints (附件:…) a few lines below the addressees; ("", "") if none.
    A name only quoted inside the notice's sentence (现将《…》印发) is not a printed title."""
    for ln in lines[sal + 1 : sal + 4]:
        m = _ANNEX_LABEL_RE.match(ln)
        if m and is_title_line(m.group(1)):
            return m.group(1).strip(), ln
    return "", ""


def _read_announcement(page: PageState) -> None:
    """Step 3b: a lead sentence announcing the document ("2017年4月8日,河南省人民政府印发《…的通知》
    (豫政〔2017〕11号)"); its 文号 is the document's own when the page prints no other."""
    page.announcement = find_announcement(page.text, page.title)
    if not page.doc_number and page.announcement.doc_number:
        page.doc_number = page.announcement.doc_number
        page.note("doc_number", page.doc_number, page.announcement.sentence, "announcement (X印发《title》(文号))")


def _index_after_substantive(lines: list[str], n: int) -> int:
    """Index just past the ``n``-th line longer than 6 characters (menu items are shorter)."""
    seen = 0
    for i, ln in enumerate(lines):
        if len(ln) > 6:
            seen += 1
            if seen == n:
                return i + 1
    return len(lines)
