"""The title block of a single page (step 2 of :func:`analysis.parsing.page.parse_page`): which line
is the title, where the body starts (``page.body_start``), whether the page is an interpretation
(``page.is_interpretation``); :func:`find_title` sets them on the page's :class:`.page_state.PageState`.

The title's precedence, as the page parser documents each field's (cf. :func:`find_title`):

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
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..metadata import date_line, in_citation, leading_orgs, split_issuer_title, without_han_spaces
from .page_heading import (
    heading_before_body,
    heading_over_adoption_note,
    heading_run_into_body,
    interpretation_heading_run_on,
    promulgated_regulation,
    removed_head,
    removed_tail,
)
from .page_listing import heading_above_listing
from .page_meta import labelled_rows
from .page_signature import notice_signed_above
from .page_state import PageState
from .page_title import (
    TITLE_GENRE_RE,
    TRANSMITS_RE,
    annex_heading,
    ends_wrapped_title,
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

__all__ = ["find_title"]


def find_title(page: PageState) -> None:
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
    if page.title_idx is not None and _headless_tail(lines, page.title_idx):
        page.title_idx = None
    if page.title_idx is None:
        # a title wrapped so that none of its lines reads as a title alone ("关于深入推" / "进数字经济" /
        # "发展的意见")
        page.title_idx = next((i for i in range(search_to - 1, 0, -1) if ends_wrapped_title(lines, i)), None)
    # the page's headline: its first line, past a breadcrumb or site furniture printed above it
    top = page.header_end = _site_header_end(lines)
    page.headline = next(
        (ln for ln in lines[top : top + 3] if rejection(ln) not in ("breadcrumb", "furniture")), lines[top]
    )
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
        _genre_tail_below(page)
        rule = "title block" if first == page.title_idx else "title block (wrapped lines joined)"
        page.note("title", page.title, lines[first], rule)
        removed_head(page, first)
        _notice_heading_above(page, first)
        if meta and skeleton(meta) != skeleton(page.title) and subsequence(skeleton(page.title), skeleton(meta)):
            page.title = meta
            page.note("title", meta, meta, "metadata table (fuller print of the title block)")
        _intact_print(page, first, meta)
        _quoted_print(page, first)
        _headless_repeat(page, first)
        heading_above_listing(page, first)
        _issuer_line_dropped_as_repeat(page)
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
    interpretation_heading_run_on(page)
    if not page.title:
        _encyclopedia_lead(page)
    # a breadcrumb above the headline may be what says so ("首页 > 解读回应 > 区级政策解读")
    page.is_interpretation = bool(page.interp) or (
        (_names_interpretation(page.headline) or _names_interpretation(_last_crumb(lines[0])))
        and not _full_text_section(lines, page.title_idx)
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
        page.title = _interpretation_name(page.headline, name)
        page.note("title", page.title, page.headline, "interpretation of the quoted title")
    elif page.title_idx is None and not page.title and quoted and rejection(page.headline) in ("", "file name"):
        # a download's file name quoting the document's name (filename=《…》.pdf) names it too
        page.title = max(quoted, key=len)
        page.note("title", page.title, page.headline, "title quoted in the headline")


def _interpretation_name(headline: str, name: str) -> str:
    """Return an interpretation's own name around the quoted ``name`` as the headline prints it:
    the 关于 before 《name》 ("关于《…》的政策解读", holdout17 056, holdout15 051, holdout6 043) and
    the words after it ("政策解读", "的解读"; "解读" when the headline names it otherwise)."""
    quoted = re.escape(f"《{name}》")
    said = re.search(quoted + r"([^《》\s,，。]{0,6}?解读(?:材料)?)", headline)
    about = "关于" if re.search(r"关于\s*" + quoted, headline) else ""
    return f"{about}《{name}》{said.group(1) if said else '解读'}"


def _headless_tail(lines: list[str], end: int) -> bool:
    """True when the title block ending at ``lines[end]`` is only the tail of a heading whose start
    was lost in print: it closes a 《》 it never opened ("實施方案》的通知" under a 文号 and a rule line,
    holdout15 003).  Such a fragment names nothing; the heading of what the notice sends out
    is the title then, as on a page printing no heading."""
    title = join_wrapped_title(lines, end)[0]
    close = title.find("》")
    return close > 0 and "《" not in title[:close]


# a breadcrumb's last step that names no section, only the page's view of it ("… > 政策解读 > 正文")
_VIEW_STEP_RE = re.compile(r"^(?:正文|详情|详细信息|内容|全文|文字|图文|浏览|阅读|查看)?$")


def _last_crumb(line: str) -> str:
    """The last step of ``line`` when it is a breadcrumb ("首页 > 政策解读 > 一图读懂… > 相关政策" ->
    "相关政策"), past a step naming only the page's view (正文, 详情, 文字); else ``line``: the path's
    last step names the page's own section, the steps before it only the sections above (a policy
    filed as 相关政策 under an interpretation, holdout16 006)."""
    if rejection(line) != "breadcrumb":
        return line
    steps = [re.sub(r"\s", "", step) for step in re.split(r"[>＞»]", line)]
    while len(steps) > 1 and _VIEW_STEP_RE.match(steps[-1]):
        steps.pop()
    return steps[-1] or line


def _names_interpretation(line: str) -> bool:
    """True when a heading or breadcrumb line says 解读; a sentence ending in '。' only talks
    about interpreting (a site's note "…来具体解读本文。", holdout13 011) and is no heading."""
    return "解读" in line and not line.rstrip().endswith("。")


# a section label announcing the document's full text ("内容全文", "政策全文", "全文", "原文", "正文")
_FULL_TEXT_LABEL_RE = re.compile(r"^(?:[内內]容|政策|文件)?(?:全文|原文|正文)\s*[:：]?$")


def _full_text_section(lines: list[str], title_idx: int | None) -> bool:
    """True when a full-text section label stands alone above the title block at ``title_idx``:
    what follows is the document itself, so a 解读 the headline or breadcrumb says names the
    section above it (an encyclopedia's "內容解讀" summary before "內容全文", holdout18 012), not
    the page; no page printing such a label above its title is an interpretation in any set."""
    return title_idx is not None and any(_FULL_TEXT_LABEL_RE.match(ln.strip()) for ln in lines[:title_idx])


# a repost's lead line to the text it reprints: "《关于…的指导意见》全文如下:", "《X》原文如下。"
_FULL_TEXT_LEAD_RE = re.compile(r"^《([^《》]{4,100})》\s*(?:全文|原文|正文)(?:如下)?\s*[:：。]?$")


def _full_text_lead(page: PageState) -> None:
    """A title taken from a repost's lead line ("《X》全文如下:") is X: the line names the text that
    follows it, whose own heading the repost left out."""
    m = _FULL_TEXT_LEAD_RE.match(page.title.strip())
    if m and is_title_line(m.group(1)):
        page.note("title", m.group(1), page.title, "name in a repost's lead line (《X》全文如下)")
        page.title = m.group(1)


# an encyclopedia's lead sentence naming its page: "X是Y于2017发布…", "《X》是为贯彻…"
_LEAD_SUBJECT_RE = re.compile(r"^《?(?P<name>[^\s,，。;；:：《》]{6,90}?)》?(?:是|为)(?=\S)")


def _encyclopedia_lead(page: PageState) -> None:
    """A page printing no heading whose first line is an encyclopedia's lead sentence naming the
    document as its subject ("最高人民法院關於加快建設智慧法院的意見是最高人民法院於2017發布,…",
    holdout17 001): that name is the title."""
    # the page's first line past a breadcrumb or site furniture above it
    first = page.headline.strip()
    m = _LEAD_SUBJECT_RE.match(first)
    if m and TITLE_GENRE_RE.search(m.group("name")) and is_title_line(m.group("name")):
        page.title = m.group("name")
        page.body_start = max(page.body_start, page.lines.index(page.headline) + 1)
        page.note("title", page.title, first, "subject of an encyclopedia's lead sentence (X是…)")


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


# the last line of a wrapped heading that cannot begin a line of its own: "的" and a genre word
# ("广东省人民政府办公厅关于印发广东省" / "推进…实施意见" / "的通知", holdout17 014)
_DE_GENRE_TAIL_RE = re.compile(r"^的[^\s。,，;；:：]{0,18}$")


def _genre_tail_below(page: PageState) -> None:
    """A title block followed by a line opening with 的 and ending in a genre word ("的通知"):
    a heading wrapped whatever the split, that line its end, even when the block above already
    ends in a genre word (a transmittal's "…实施意见" / "的通知").  Joined into the title."""
    i = page.body_start
    tail = page.lines[i].strip() if i < len(page.lines) else ""
    if not (_DE_GENRE_TAIL_RE.match(tail) and TITLE_GENRE_RE.search(tail)):
        return
    page.title += tail
    page.body_start = i + 1
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


def _issuer_line_dropped_as_repeat(page: PageState) -> None:
    """A heading printed whole in the document's title block ("聊城市人民政府办公室" over "关于印发…的
    通知", holdout14 051) whose two lines were dropped as repeats of the page's metadata list above
    (it lists the title and the issuer on lines of their own): the title is the full heading, issuer
    line joined, as :func:`join_wrapped_title` joins it wherever the block is kept."""
    if not page.title.startswith(("关于", "印发", "转发")):
        return
    removed = {re.sub(r"\s", "", ln) for ln in page.removed}
    title = re.sub(r"\s", "", page.title)
    if title not in removed:
        return
    printed = [re.sub(r"\s", "", ln) for ln in page.raw_lines if ln.strip()]
    for above, line in pairwise(printed):
        if line == title and above in removed and is_org_line(above) and len(above) <= 40:
            page.title = above + page.title
            page.note("title", page.title, above, "heading's issuer line (dropped as a repeated line) joined")
            return


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


def _headless_repeat(page: PageState, first: int) -> None:
    """A title block that is a repeat of the heading printed whole above it, its beginning (the
    issuer and 关于) lost in print ("“寬帶中國”戰略及實施方案的意見" under "《吉林省人民政府辦公廳關于落實
    “寬帶中國”戰略及實施方案的意見》", holdout16 009), gives way to that whole print: the heading above
    (alone, in 《》 or as the page's headline) ends with the block's characters and opens with the
    关于 sentence the block lacks.  A block printing its own 关于 is a heading of its own."""
    block = skeleton(page.title)
    if not block or "关于" in block:
        return
    for ln in page.lines[:first]:
        # a line quoting a name offers only that name (a '文号《title》' headline is no title)
        quoted = [m.group(1) for m in re.finditer(r"《([^《》]{6,100})》", ln)]
        for cand in quoted or [ln]:
            full = skeleton(cand)
            if full.endswith(block) and "关于" in full[: len(full) - len(block)] and is_title_line(cand):
                page.title = cand.strip().strip("《》")
                page.note("title", page.title, ln, "whole print above a repeat that lost its beginning")
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
    for i, ln in enumerate(lines[: page.header_end + 6]):
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
            return _take_title(
                page, heading, heading, sal, "heading of the transmitted document (addressee-first page)"
            )
        name, line = _transmitted_name(lines, sal)
        if name:
            return _take_title(page, name, line, sal, "name of the transmitted document (addressee-first page)")
        name, line = named_heading(lines, sal + 1)
        if name:
            return _take_title(page, name, line, sal, "heading of the document the notice names (addressee-first page)")
        # (not the addressees of a document forwarded below a notice signed above them)
        own = not notice_signed_above(lines, sal)
        if own and not is_title_line(page.headline) and not _heading_remnant(lines, sig):
            name, line = transmitted_quote(lines, sal + 1)
            if name:
                return _take_title(
                    page, name, line, sal, "name in 《》 of the page's transmitting sentence (no heading printed)"
                )
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


def _take_title(page: PageState, title: str, evidence: str, start: int, rule: str) -> None:
    """Set ``title`` as the page's title, its body starting at line ``start``, and note ``rule``."""
    page.title = title
    page.body_start = start
    page.note("title", title, evidence, rule)


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


def _site_header_end(lines: list[str]) -> int:
    """Index of the first line past the site's header: the line after the last breadcrumb among
    the first ten lines ("当前位置:首页 > 政策法规 > 地方政策 > 详细内容"), when nothing above it can be
    a title; 0 otherwise.

    A site prints its name, menus and breadcrumb above every article, as many lines as it likes:
    the page's own first lines (its headline, a run-on title line) start below them."""
    crumbs = [i for i, ln in enumerate(lines[:10]) if rejection(ln) == "breadcrumb"]
    if not crumbs:
        return 0
    end = crumbs[-1] + 1
    if end >= len(lines) or any(is_title_line(ln) or run_on_title(ln) for ln in lines[:end]):
        return 0
    return end


def _index_after_substantive(lines: list[str], n: int) -> int:
    """Index just past the ``n``-th line longer than 6 characters (menu items are shorter)."""
    seen = 0
    for i, ln in enumerate(lines):
        if len(ln) > 6:
            seen += 1
            if seen == n:
                return i + 1
    return len(lines)
