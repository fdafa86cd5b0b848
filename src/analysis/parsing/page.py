"""Single pages: one policy scraped from a web page (or a Markdown/text copy of one).

The page parser works in small named steps over the page's lines, each proposing
candidates with their evidence (recorded on ``ParsedDoc.evidence`` as (value,
evidence, rule), see :func:`analysis.parsing.field_evidence`): page lines (trailer
and furniture dropped), title block, 文号 (:mod:`.page_docnumber`), announcement, signature
(:mod:`.page_signature`), body, issuer and date (:mod:`.page_fields`), classification.
One precedence per field.  A name or 文号 the text cites (为贯彻落实《…》精神, 根据《…》(…号),
:func:`analysis.metadata.in_citation`) is another document's and loses to nothing.

* title: the title block (:mod:`.page_title_block`, where its precedence is documented).
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
from ..metadata import classify_level, detect_excerpt, genre_of
from ..metadata.gazetteer import find_places, gazetteer, leading_place, namesakes, parent_names
from ..metadata.level import province_of_number
from ..metadata.variants import standard_chars
from .announcement import find_announcement
from .document import ParsedDoc
from .page_docnumber import find_doc_number
from .page_fields import page_date, page_issuer
from .page_flattened import drop_running_headers, unflatten
from .page_heading import forwarded_genre, sent_out_genre, unstopped_heading
from .page_meta import labelled_rows, page_meta
from .page_signature import find_signature, split_body
from .page_state import PageState
from .page_title import TITLE_GENRE_RE, is_org_line, is_salutation, leading_orgs
from .page_title_block import find_title

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
    find_title(page)
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
    doc.genre = forwarded_genre(page, body) or sent_out_genre(page, body) or doc.genre
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
    doc.region, doc.level_evidence = _namesake_region(page, doc)
    doc.region, doc.level_evidence = _region_by_own_government_citations(page, doc)
    _record_evidence(page, doc)
    return doc, page.removed


# a document the same government issued, cited by its short name with its 文号:
# 《省政府关于推进智慧江苏建设的实施意见》(苏政发〔2014〕103号)
_OWN_GOVERNMENT_CITATION_RE = re.compile(
    r"《(?P<kind>省|自治区)(?:人民)?政府(?:办公厅)?[^《》]{2,100}》\s*[(（](?P<number>[^()（）]{4,30})[)）]"
)


def _region_by_own_government_citations(page: PageState, doc: ParsedDoc) -> tuple[str, str]:
    """(region, level evidence) of a provincial document whose issuer is printed without its
    place (省政府办公厅) and that nothing else places: the province the 文号 of the documents it
    cites from the same government name by their abbreviation (《省政府关于…》(苏政发〔2014〕103号) ->
    江苏, holdout15 012), when they all name one; else ``doc``'s region and evidence unchanged."""
    kind = re.match(r"^(省|自治区)(?:人民)?政府", doc.issuer)
    if doc.level != "provincial" or doc.region or kind is None:
        return doc.region, doc.level_evidence
    numbers = [
        m.group("number").strip()
        for m in _OWN_GOVERNMENT_CITATION_RE.finditer(page.text)
        if m.group("kind") == kind.group(1)
    ]
    provinces = {province_of_number(kind.group(1), (n,)) for n in numbers}
    if len(provinces) != 1 or "" in provinces:
        return doc.region, doc.level_evidence
    region = provinces.pop()
    return region, f"cited 文号 of the same {kind.group()}: {numbers[0]} -> {region}"


def _namesake_region(page: PageState, doc: ParsedDoc) -> tuple[str, str]:
    """(region, level evidence) when the place that placed the document is a bare county-level
    name several provinces share (青山区: 包头 and 武汉, holdout15 042): the province whose
    prefecture or own name the page prints (the 湖北/武汉 documents a 武汉 district cites), "" when
    the page names none or several of them; else ``doc``'s region and evidence unchanged."""
    label, _, name = doc.level_evidence.partition(": ")
    named = {"issuer": doc.issuer, "title": _title_for_level(page)}.get(label, "")
    places = namesakes(named) if named else []
    if not places or places[0].name != name:
        return doc.region, doc.level_evidence
    text = standard_chars(page.text)
    provinces = {p.province for p in places if any(parent in text for parent in parent_names(p))}
    if len(provinces) == 1:
        region = provinces.pop()
        return region, f"{doc.level_evidence} ({region}: the page names its prefecture or province)"
    shared = len({p.province for p in places})
    return "", f"{doc.level_evidence} (a name {shared} provinces share; the page places it in none or several)"


def _title_for_level(page: PageState) -> str:
    """The title whose leading place or body places the document: an interpretation's is the
    name it quotes ("关于《市农业农村局关于…的意见》的解读": the document it explains comes from
    that body's area); else the page's title without 《》 (and without a stray leading 关于)."""
    interpretation = page.is_interpretation or genre_of(page.title) == "解读"
    quoted = re.search(r"《([^《》]{6,100})》", page.title) if interpretation else None
    title = quoted.group(1) if quoted else page.title.strip("《》")
    title = _without_spam_tag(title)
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


# a tag glued before a heading with a colon ("澳门梦想之城:政府网站和政务新媒体管理办法")
_TAG_RE = re.compile(r"^(?P<tag>[^:：\s《》“”]{2,16})[:：]\s*(?P<rest>\S.*)$")


def _without_spam_tag(title: str) -> str:
    """``title`` without a tag glued before it with a colon when the tag is a place name run into
    words that name no body ("澳门梦想之城:", the spam a hijacked copy put where its city stood,
    holdout15 043): such a place is no issuer's, and a 公文 heading has no colon after its place.
    A body's name ("杭州市人民政府:…", a news headline naming its issuer) or a place alone ("浙江:…")
    stays."""
    m = _TAG_RE.match(title)
    if not m:
        return title
    tag = standard_chars(m.group("tag"))
    place = gazetteer()[1].match(tag)
    if place is None or place.end() == len(tag) or is_org_line(tag) or leading_orgs(tag):
        return title
    return m.group("rest")


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


def _read_announcement(page: PageState) -> None:
    """Step 3b: a lead sentence announcing the document ("2017年4月8日,河南省人民政府印发《…的通知》
    (豫政〔2017〕11号)"); its 文号 is the document's own when the page prints no other."""
    page.announcement = find_announcement(page.text, page.title)
    if not page.doc_number and page.announcement.doc_number:
        page.doc_number = page.announcement.doc_number
        page.note("doc_number", page.doc_number, page.announcement.sentence, "announcement (X印发《title》(文号))")
