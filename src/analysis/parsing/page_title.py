"""Title candidates of a single page: which lines can be a title, and how a wrapped title is joined.

A title is never an addressee line (各…:), a breadcrumb (当前位置: 首页 > …), a field label
or metadata-table row (名称: | … |), or site furniture (购物车, standard library); a title
wrapped over several lines is joined whole, and a title printed twice is taken once.
"""

from __future__ import annotations

import re

from ..chars import CJK
from ..metadata import (
    LEGAL_FORM_WORDS,
    TITLE_GENRE_WORDS,
    date_line,
    find_doc_numbers,
    in_citation,
    leading_orgs,
    looks_like_org,
    without_han_spaces,
)
from ..metadata.gazetteer import find_places, leading_place

__all__ = [
    "SALUTATION_RE",
    "TITLE_GENRE_RE",
    "TRANSMITS_RE",
    "annex_heading",
    "ends_wrapped_title",
    "interpreter_heading",
    "is_org_line",
    "is_print_line",
    "is_salutation",
    "is_title_line",
    "join_wrapped_title",
    "lost_in_print",
    "meta_title",
    "named_heading",
    "names_a_document",
    "opens_title",
    "plan_period_line",
    "rejection",
    "run_on_title",
    "short_form_head",
    "skeleton",
    "strip_seal_notes",
    "subsequence",
    "taken_once",
    "transmitted_quote",
    "without_headline_prefix",
    "without_keyword_prefix",
    "without_part_number",
    "without_site_suffix",
    "without_year_tag",
]

SALUTATION_RE = re.compile(r"(各|人民政府|部门|单位|直属机构|委员会|办公厅|管委会).{0,100}[:：]$")
# a title ends in its genre word (the one list, :data:`analysis.metadata.TITLE_GENRE_WORDS`), or in
# what an interpretation, a bulletin, an announcement, a reply or a letter calls itself
_TITLE_ENDS = (*TITLE_GENRE_WORDS, *LEGAL_FORM_WORDS, "解读", "通报", "公告", "批复", "函", "答记者问", "制度")
TITLE_GENRE_RE = re.compile(rf"({'|'.join(_TITLE_ENDS)})(\((试行|暂行)\))?》?$")
# a transmittal notice's last sentence ("现将《…》印发给你们", "…现印发你们"): what it sends out
# follows its signature
TRANSMITS_RE = re.compile(r"(?:印发|转发|印送)(?:给)?你们|现予(?:印发|公布|发布)")
_BREADCRUMB_RE = re.compile(r"您的位置|当前位置|你的位置|所在位置|(首页|主页)\s*[>＞»]|[>＞»].*[>＞»]")
_LABEL_RE = re.compile(rf"^[•·\-\s]*[{CJK}\s]{{1,8}}[:：]|\|")
# a metadata row whose label runs straight into its value once cleaning has joined the spaced
# label ("文  號 白政辦發…" -> "文号白政办发…主题词…的通知"): no title starts with a field label
_FIELD_ROW_RE = re.compile(
    r"^[•·\-\s]*(?:文\s*号|发文字号|索\s*引\s*号|主\s*题\s*词|主题分类|名\s*称|标\s*题|成文日期|发文日期|发布日期"
    r"|发布时间|发布机构|发文机关|发文单位|制发机关|有\s*效\s*性|组配分类|信息分类|公开方式|公开范围|内容概述|内容摘要"
    r"|效力状况)"
)
# a legal database's attribute printed with its label in 【】 ("•【主题分类】发展规划", "【发布部门】…",
# holdout14 049; holdout 015, holdout2 028): a field of the attribute list, however its value ends
_BRACKETED_FIELD_RE = re.compile(
    r"^[•·\-\s]*【\s*(?:制定机关|发布部门|发布单位|发文机关|公布日期|发布日期|施行日期|实施日期|成文日期|字号|发文字号|文号"
    r"|效力等级|效力级别|时效性|主题分类|法规类别|信息分[类級级]|信息来源|信息來源|信息加注)\s*】"
)
# the seal note after a signing body: "…大数据应用发展管理局(代章)" signs with another body's seal;
# "(代)" is the short 代章 mark ("数字广西建设领导小组办公室(代)", holdout9 016)
_SEAL_NOTE_RE = re.compile(r"[(（](?:代章|代|印章|盖章|章)[)）]")
# an editor's note printed as a line of its own ("(本文有删减)", "(节选)"): never part of a title
_EDITOR_NOTE_RE = re.compile(r"^[(（][^()（）]{0,10}(?:删减|删节|节选|摘编|摘录|全文)[^()（）]{0,6}[)）]$")
# a share/like widget's lone word ("点赞", "收藏", "转发") between a page header and the document
_WIDGET_RE = re.compile(r"^(?:点赞|收藏|转发|分享|评论|打印|关闭|纠错)$")
# a file name ("…的意见.docx"): a download link's text, not a printed title
_FILE_NAME_RE = re.compile(r"\.(?:docx?|wps|pdf|ofd|xlsx?|txt|rar|zip)$", re.I)
_FURNITURE_RE = re.compile(
    r"购物车|我的足迹|立即下载|免费下载|standard\s*library|网站首页|发布信息|政策全文|浏览次数|字体[:：]|打印|登录|注册",
    re.I,
)
# words that open a title: its issuer, 关于, 印发, a quoted name, a national plan
_OPENER_RE = re.compile(r"^(关于|印发|转发|《|“|\"|中共|国务院|国家|全国)")
# a line ending like this continues on the next line ("天津市人民政府关于印发")
_OPEN_END_RE = re.compile(r"(关于|印发|转发|关于印发|《|解读)$")
_TITLE_KEYS_RE = re.compile(r"(?:^|(?<=[\s|•·]))(文件标题|信息名称|标\s*题|名\s*称|中文名)\s*[:：|]?\s*\|?\s*")
# the label of the next field ends a 标题 value on the same row; tables space their labels out and
# cleaning joins Han characters across spaces ("标  题: 关于…的通知 主   题   词:" -> "…的通知主题词:",
# holdout11 054); 主题词 / 关键词 / 抄送 are field labels too
_NEXT_KEYS = ("文号", "发文字号", "发文日期", "发布日期", "成文日期", "颁布时间", "主题词", "关键词", "抄送", "索引号")
_NEXT_KEY_RE = re.compile(r"\s?(?:" + "|".join(r"\s*".join(k) for k in _NEXT_KEYS) + r")\s*[:：|]|\s*\|")


def is_org_line(line: str) -> bool:
    """True when the line is one or more organisation names and nothing else (a signature line)."""
    s = strip_seal_notes(line.strip())
    if not 2 <= len(s) <= 60 or re.search(r"[。,，;；:：《》“”]", s):
        return False
    return looks_like_org(s) or leading_orgs(s) == s


def strip_seal_notes(signature: str) -> str:
    """``signature`` without its seal notes: "X局(代章)" -> "X局" (the body signs with another's seal)."""
    return _SEAL_NOTE_RE.sub("", signature)


# the number a 公文 puts before a heading inside its body ("四、", "(三)", "2.", "第二章"); a
# document's title never carries one
_SECTION_NUMBER_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十百\d]{1,4}[章节条部分篇])"
)


def rejection(line: str) -> str:
    """Why ``line`` can never be a title ("addressee", "breadcrumb", "field label", "furniture",
    "editor's note", "file name", "navigation", "section heading"); "" if it can."""
    s = line.strip()
    if _SECTION_NUMBER_RE.match(s):
        return "section heading"
    if len(s) <= 120 and SALUTATION_RE.search(s):
        return "addressee"
    if _BREADCRUMB_RE.search(s):
        return "breadcrumb"
    if _LABEL_RE.search(s) or _FIELD_ROW_RE.match(s) or _BRACKETED_FIELD_RE.match(s):
        return "field label"
    if _FURNITURE_RE.search(s) or _WIDGET_RE.match(s):
        return "furniture"
    if _EDITOR_NOTE_RE.match(s):
        return "editor's note"
    if _FILE_NAME_RE.search(s):
        return "file name"
    if _several_titles(s):
        return "navigation"
    return ""


def _several_titles(s: str) -> bool:
    """True for a line of two or more different complete titles separated by spaces: a site's
    previous/next links or a list ("“十三五”国家信息化规划 “十四五”国家信息化规划"), not one title."""
    parts = s.split()
    # a part opening with a bracket or 的 continues the one before ("…行动计划 (2020-2022年)的通知"),
    # and so does one that closes a quote the part before opened ("…《数字交通发展规划 纲要》的通知")
    return (
        len(parts) >= 2
        and len(set(parts)) == len(parts)
        and all(len(p) >= 6 and TITLE_GENRE_RE.search(re.sub(r"[(（][^()（）]*[)）]$", "", p)) for p in parts)
        and all(p.count("《") == p.count("》") for p in parts)
        and not any(p.startswith(("(", "（", "的")) for p in parts[1:])
    )


def is_salutation(line: str) -> bool:
    """True for the addressee line (主送机关); a ministry's list of addressees ("各省、自治区…
    工业和信息化主管部门、通信管理局…:") can run to several hundred characters."""
    if _metadata_row(line):
        return False
    if len(line) <= 120 and SALUTATION_RE.search(line):
        return True
    if line.startswith("各") and len(line) <= 200 and "。" not in line and re.search(r"(政府|部门|单位|机构)$", line):
        return True  # the colon lost in print: "各区、县(市)人民政府,市政府各部门、各单位"
    return len(line) <= 400 and line.startswith("各") and line.endswith((":", "：")) and "。" not in line


# a metadata row: a field label with its value, then the next label ("发布单位:县府办 有效性:",
# holdout17 046); an addressee line's only colon closes it, and 主送 labels the addressees
_METADATA_ROW_RE = re.compile(rf"^(?!主送)[{CJK}]{{2,6}}[:：]\s*[^\s:：][^:：]*[:：]")


def _metadata_row(line: str) -> bool:
    """True when ``line`` is a page's metadata row of labelled fields, never the addressees."""
    return bool(_METADATA_ROW_RE.match(line.strip()))


# a sentence's punctuation; a "?" inside a word is a character the page's encoding lost
# ("盘锦市政府?dāng)?shù)据资源…办法", holdout10 043), not a question mark
_SENTENCE_MARK_RE = re.compile(r"[。,，;；!！？]|\?(?!\S)")


def is_title_line(line: str) -> bool:
    """True for a line that can be a document title: short, no sentence punctuation, ends in a
    genre word or holds 关于, and is not rejected by :func:`rejection`."""
    s = without_site_suffix(line.strip())
    if not 6 <= len(s) <= 100 or _SENTENCE_MARK_RE.search(s) or rejection(s):
        return False
    if s.rfind("《") > s.rfind("》"):
        return False  # a quote left open: a sentence wrapped mid-name ("…(中发[2014]4号)和《国务院关于促进信息消费扩")
    if s.startswith("《") and s.endswith("》") and s.count("《") == 1:
        s = s[1:-1]  # a name printed alone in 《》 as a heading ("《深圳市…行动计划(2023)》")
    # a plan period closes many titles: …行动计划(2019-2021年)
    core = re.sub(r"\s*[(（][^()（）]{0,16}[)）]$", "", without_han_spaces(s))
    return bool(TITLE_GENRE_RE.search(core)) or ("关于" in s and len(s) <= 60)


# the label a 公文 prints alone on its annex's first line, above the annex's heading ("附件", "附件2")
_ANNEX_LABEL_LINE_RE = re.compile(r"^(?:附件|附属档案)\s*\d{0,2}\s*[:：]?$")


# a 公文's print line (版记: "樟树市应急管理局办公室 2021年12月7日印发"): who printed it and when,
# never part of the heading printed next to it
_PRINT_LINE_RE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^。,，]{1,8}日\s*印\s*发\s*$")


def is_print_line(line: str) -> bool:
    """True for a 公文's print line: an office, the print date and 印发 ("…办公室 2021年12月7日印发")."""
    return bool(_PRINT_LINE_RE.search(line.strip()))


def _fragment(line: str) -> bool:
    """A line that can be part of a wrapped title: short, no punctuation, not a date, 文号, label
    or print line."""
    s = line.strip()
    return (
        1 <= len(s) <= 50
        and not _ANNEX_LABEL_LINE_RE.match(s)
        and not is_print_line(s)
        and not re.search(r"[。,，;；:：|!！?？]", s)
        and date_line(s) is None
        and not find_doc_numbers(s)
        and not rejection(s)
    )


def _body_list_line(line: str) -> bool:
    """True when ``line`` names several bodies and nothing else, separated by spaces."""
    s = line.strip()
    return is_org_line(s) and len(leading_orgs(s).split()) >= 2 and leading_orgs(s) == s


def _bodies_about(title: str) -> bool:
    """True when ``title`` opens with issuing bodies and then 关于 ("公安部 财政部关于推进…"): a
    joint heading whose list of bodies wrapped, the rest of the list on the line above ("民政部
    发展改革委 工业和信息化部" / "公安部 财政部关于推进…" / "…的指导意见", holdout15 004)."""
    orgs = leading_orgs(title)
    return bool(orgs) and re.sub(r"\s", "", title)[len(re.sub(r"\s", "", orgs)) :].startswith("关于")


def opens_title(s: str) -> bool:
    """True when ``s`` opens as a title does: 关于/印发/《…, a place or an organisation."""
    return bool(_OPENER_RE.match(s)) or leading_place(s) is not None or bool(leading_orgs(s))


# a short-form issuer heading a title: its place is printed elsewhere on the page ("市政府关于加快推进")
_SHORT_FORM_HEAD_RE = re.compile(
    r"^(?:省|市|县|区|旗|州|盟|自治区|自治州|自治县|自治旗)(?:人民)?政府(?:办公厅|办公室)?关于"
)


def short_form_head(s: str) -> bool:
    """True when ``s`` opens with a short-form issuer and 关于 ("市政府关于…", "省人民政府办公厅关于…"),
    as a title does whose issuer's place the page prints elsewhere (holdout13 003)."""
    return bool(_SHORT_FORM_HEAD_RE.match(s.strip()))


def _cut_head(prev: str, title: str) -> bool:
    """True when a wrap cut ``prev`` from the title below it mid-phrase, so that the line below
    opens like a title only by chance: ``prev`` opens as a title does but is neither a title nor
    an organisation's name of its own, and the line below opens with a quote ("大连市数字政府建" /
    "设“十四五”行动方案"), or the break falls inside an organisation's name that opens with its
    place or a national body ("济南市人民政府办" / "公厅关于实施…"; "住房和城乡建设部国家发展" /
    "改革委关于印发…"): "公厅", "改革委" are no bodies' names of their own."""
    p, t = prev.strip(), title.strip()
    if is_title_line(p) or not opens_title(p):
        return False
    cut, end = len(p.replace(" ", "")), 0
    for name in leading_orgs(p.replace(" ", "") + t).split():
        if end < cut < end + len(name):
            return leading_place(name) is not None or name.startswith(("国务院", "国家", "中共", "全国"))
        end += len(name)
    return t.startswith(("“", '"')) and not is_org_line(p)


def ends_wrapped_title(lines: list[str], i: int) -> bool:
    """True when ``lines[i]`` is the short last line of a wrapped title, too short to read as a
    title alone ("发展的意见", "规划") but making one with the line above ("进数字经济" /
    "发展的意见"; "新昌县数字政府建设“十四五”" / "规划")."""
    s = lines[i].strip()
    if i > 0 and _closes_bracket_above(lines[i - 1], s):
        return _fragment(s) and _fragment(lines[i - 1]) and is_title_line(lines[i - 1].strip() + s)
    if i > 0 and _genre_word_cut(lines[i - 1], s):
        return _fragment(s) and _fragment(lines[i - 1]) and is_title_line(lines[i - 1].strip() + s)
    if not (i > 0 and 1 <= len(s) < 6 and _fragment(s) and TITLE_GENRE_RE.search(s)):
        return False
    prev = lines[i - 1].strip()
    return _fragment(prev) and len(prev + s) >= 8 and is_title_line(prev + s)


def _genre_word_cut(prev: str, line: str) -> bool:
    """True when a wrap cut the genre word closing a title in two, the lower line at most its tail
    and a plan period ("吉林市新型智慧城市建设总体规" / "划(2017~2021年)", holdout8 059): the genre
    word read across the break starts on ``prev`` and ends on ``line``."""
    core = _TRAILING_PERIOD_RE.sub("", line.strip()).rstrip()
    p = prev.strip()
    genre = TITLE_GENRE_RE.search(p + core) if 1 <= len(core) < 6 else None
    return genre is not None and genre.start() < len(p) < genre.end()


def _closes_bracket_above(prev: str, line: str) -> bool:
    """True when ``line`` closes a round bracket that ``prev`` leaves open: a heading wrapped inside
    its plan period, neither half a title alone ("山西省数字政府建设规划(" / "2020-2022年)", holdout10 012;
    "慧城区”建设三年工作方案(" / "2019年-2021年)", holdout8 029)."""
    p, s = prev.replace("（", "(").replace("）", ")"), line.replace("（", "(").replace("）", ")")
    return p.count("(") > p.count(")") and s.count(")") > s.count("(")


def join_wrapped_title(lines: list[str], end: int) -> tuple[str, int]:
    """(title, first line index) of a title whose last line is ``lines[end]``.

    Lines above are joined while the title so far does not open like a title (issuer, place,
    关于, 《) or the line above ends open (…关于印发), up to five lines; the join is kept only
    when the result opens like a title.  An issuer line above a title starting with 关于 is joined too.
    """
    title, start = lines[end].strip(), end
    best = (title, start)
    while start > 0 and end - start < 5:
        prev = lines[start - 1].strip()
        # a joint document's issuing bodies head its title on a line of their own, however many
        # ("文化和旅游部 国家发展改革委 … 市场监管总局" / "关于深化…的意见", holdout11 021)
        bodies = (title.startswith(("关于", "印发", "转发")) or _bodies_about(title)) and _body_list_line(prev)
        if not (_fragment(prev) or bodies) or re.sub(r"\s", "", prev) == re.sub(r"\s", "", title):
            break
        about = bodies or (title.startswith(("关于", "印发", "转发")) and is_org_line(prev) and len(prev) <= 40)
        # "X关于印发…珠江三角洲" / "国家…方案的通知": a head holding 关于 but no genre word is left open
        open_head = (
            "关于" in prev
            and "关于" not in title
            and (opens_title(prev) or short_form_head(prev))
            and (not TITLE_GENRE_RE.search(prev) or _open_sending_head(prev, title))
        )
        if not (about or open_head or not opens_title(title) or _OPEN_END_RE.search(prev) or _cut_head(prev, title)):
            break
        title, start = prev + title, start - 1
        # a bracket's tail ("2022-2025年)") is no title: the first join that reads as one is
        # kept even when it opens with no issuer ("内容全文" / "数字乡村发展行动计划(" / "2022-2025年)",
        # holdout18 012 wrapped at half)
        tail = best[0].count(")") + best[0].count("）") > best[0].count("(") + best[0].count("（")
        if opens_title(title) or short_form_head(title) or (tail and is_title_line(title)):
            best = (title, start)
    if best[1] == end and _whole_between_boundaries(lines, start, end, title):
        return title, start
    return best


def _open_sending_head(prev: str, title: str) -> bool:
    """True when ``prev`` opens a notice sending out documents ("市人民政府关于印发赤壁市政务大数据管理办法")
    and ``title`` below closes it ("赤壁市政务大数据项目建设管理办法的通知"): a 关于印发/转发 sentence runs to
    its 的通知, so a line ending at the name of a document it sends, before its 通知, is a wrapped head
    even though that name ends in a genre word (holdout16 041)."""
    return bool(re.search(r"关于(?:印发|转发|发布)", prev)) and not prev.endswith("通知") and title.endswith("的通知")


def _whole_between_boundaries(lines: list[str], start: int, end: int, title: str) -> bool:
    """True when ``lines[start:end + 1]`` (two or three lines) are one title wrapped that opens
    with no issuer, place or 关于 ("政务信息系统整" / "合共享实施方案"; "2016年国家信息消" / "费示范城市
    建设指南"): the line above them is no fragment of a title (a 文号, a breadcrumb, a sentence) or
    there is none, and joined they read as a title."""
    if not 1 <= end - start <= 2 or (start > 0 and _fragment(lines[start - 1])):
        return False
    if any(len(ln.strip()) < 6 for ln in lines[start:end]):
        return False  # a menu or service word above a title ("在线客服", holdout5 021), no wrapped head
    if lines[start].strip().startswith(("(", "（")):
        return False  # the plan period closing a title printed above ("(2019年-2021年)", holdout8 054)
    # (a page counter above a title, "第4页/共24页" (holdout11 014), is the viewer's, not the title's)
    # (nor an earlier print of the title, whole or wrapped, above its second print: its lines end a
    # title or repeat part of the line below, "年-2021年)" over "智慧湘西…(2019年-2021年)", holdout8 054)
    above = lines[start:end]
    below = re.sub(r"\s", "", lines[end])
    return is_title_line(title) and not any(
        is_org_line(ln) or is_title_line(ln) or _PAGE_COUNTER_RE.search(ln) or re.sub(r"\s", "", ln) in below
        for ln in above
    )


_PAGE_COUNTER_RE = re.compile(r"第\s*\d+\s*页|共\s*\d+\s*页")


def annex_heading(lines: list[str], start: int) -> str:
    """The heading of the document a transmittal notice sends out, from ``lines[start]`` on,
    joined if wrapped over up to three lines; "" when those lines make no title."""
    title = ""
    while start < len(lines) and (
        rejection(lines[start]) in ("furniture", "editor's note")
        or _ANNEX_LABEL_LINE_RE.match(lines[start].strip())
        or is_print_line(lines[start])
    ):
        start += 1  # a "政策全文" button, "(本文有删减)", the annex label 附件 or the print line above the heading
    for i, ln in enumerate(lines[start : start + 3]):
        if not _fragment(ln):
            break
        title += ln.strip()
        if is_title_line(title) and TITLE_GENRE_RE.search(re.sub(r"[(（][^()（）]*[)）]$", "", title)):
            if not (opens_title(title) or len(title) >= 8):
                return ""
            return title + plan_period_line(lines, start + i + 1)
    return ""


# the brackets may be lost in print ("2022-2024年)")
_PERIOD_LINE_RE = re.compile(r"^[(（]?\s*(?:19|20)\d{2}\s*[—\-–~至]+\s*(?:19|20)\d{2}\s*年?\s*[)）]?$")


# a title wrapped at its plan period, the rest of the title after it: "贯彻气象高质量发展纲要" /
# "(2022—2035年)实施方案" (the period stands inside a title, never at the start of a sentence)
_PERIOD_REST_RE = re.compile(
    r"^[(（]\s*(?:19|20)\d{2}\s*[—\-–~至]+\s*(?:19|20)\d{2}\s*年?\s*[)）]\s*([^\s。,，;；:：]{1,20})$"
)


# a plan period ending a document's name: "…实施方案(2022-2025)"
_TRAILING_PERIOD_RE = re.compile(r"[(（]\s*(?:19|20)\d{2}\s*[—\-–~至]+\s*(?:19|20)\d{2}\s*年?\s*[)）]$")


def names_a_document(name: str) -> bool:
    """True when ``name`` ends in a genre word, also before a plan period ("南阳市数字政府建设实施方案
    (2022-2025)", as a heading quotes a plan's name: holdout13 048)."""
    return bool(TITLE_GENRE_RE.search(name) or TITLE_GENRE_RE.search(_TRAILING_PERIOD_RE.sub("", name).rstrip()))


def plan_period_line(lines: list[str], i: int) -> str:
    """``lines[i]`` when it is nothing but a plan period ("(2021—2025年)") printed under a title, or
    the period followed by the end of the title ("(2022—2035年)实施方案", ending in a genre word);
    else ""."""
    if i >= len(lines):
        return ""
    line = lines[i].strip()
    rest = _PERIOD_REST_RE.match(line)
    if _PERIOD_LINE_RE.match(line) or (rest and TITLE_GENRE_RE.search(rest.group(1))):
        return line
    return ""


def meta_title(lines: list[str]) -> str:
    """The title a metadata table prints (标题 / 名称 / 中文名 field, spaces kept), "" if none."""
    for ln in lines[:40]:
        m = _TITLE_KEYS_RE.search(ln)
        if not m:
            continue
        rest = ln[m.end() :]
        cut = _NEXT_KEY_RE.search(rest)
        value = (rest[: cut.start()] if cut else rest).strip(" |")
        if (value and TITLE_GENRE_RE.search(value.rstrip(")）"))) or "关于" in value:
            return value
    return ""


# where a run-on head ends: the 文号 ("… 国发〔2022〕14号") or the addressees ("各县(区)人民政府,…:"),
# with or without a space before them (cleaning joins Han characters across spaces), in any of the
# brackets sites print a 文号 in (国发﹝2022﹞14号, 国发(2022)14号: round ones only around a bare year,
# where a plan period "(2021-2025年)" is part of the title)
_RUN_ON_STOP_RE = re.compile(
    rf"\s[{CJK}]{{1,10}}\s?(?:[〔\[【﹝［]|[(（](?=\s*(?:19|20)\d{{2}}\s*[)）]))|\s?各[^\s:：。]{{1,80}}[:：]"
)


# a page's font-size toolbar flattened onto the title line ("…的通知 字号大中小 各镇人民政府…:")
_TOOLBAR_RE = re.compile(r"\s*[【\[]?\s*字[号体]\s*[:：]?\s*大\s*中\s*小\s*[】\]]?\s*$")


def run_on_title(line: str) -> str:
    """The title at the start of a run-on line that goes straight on into the 文号 or the
    addressees ("国务院关于… 国发〔2022〕14号 各省、自治区…:"); "" if it does not start with one."""
    for m in _RUN_ON_STOP_RE.finditer(line[:160]):
        # "…同步发展的 意 见": a genre word spaced out in the print
        head = re.sub(r"\s+(\S)\s+(\S)$", r"\1\2", _TOOLBAR_RE.sub("", line[: m.start()]).strip())
        if is_title_line(head) and opens_title(head):
            return head
    return ""


# a 文号 heading a headline, then a separator: "应急〔2021〕31号:应急管理部关于…"
_LEADING_NUMBER_RE = re.compile(r"^([^\s:：]{2,30}?号)\s*[:：\-－_|/\s]\s*")


def taken_once(title: str) -> str:
    """The title printed once: "AA" or "A A" -> "A", "《A》" -> "A", "A国发〔2021〕1号" -> "A",
    "国发〔2021〕1号:A" -> "A"; the two prints compared without layout spaces between Han
    characters (:func:`analysis.metadata.without_han_spaces`), the one with fewer kept."""
    t = title.strip()
    lead = _LEADING_NUMBER_RE.match(t)
    if lead and find_doc_numbers(lead.group(1)) and len(t) - lead.end() >= 6:
        # a headline "文号:title" ("应急〔2021〕31号:应急管理部关于…的意见"): the number is read as the 文号
        t = t[lead.end() :]
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1]
    nums = find_doc_numbers(t)
    if nums and t.endswith("号") and nums[-1][0] > 6:
        # a site joins title and number with a separator ("…的通知-鲁政办发〔2017〕75号")
        t = t[: nums[-1][0]].strip().rstrip("-_|/－").strip()
    for sep in (" ", "•", "·", ""):
        parts = t.split(sep, 1) if sep else _halves(t)
        # one print may space out what the other does not ("新一代 人工智能"): the shorter is kept
        first, second = (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else ("", "")
        if first and without_han_spaces(first) == without_han_spaces(second):
            return min(first, second, key=len)
    return t


def _halves(t: str) -> list[str]:
    """``t`` cut in two halves, the cut placed by its characters other than layout spaces."""
    squeezed = without_han_spaces(t)
    return [squeezed[: len(squeezed) // 2], squeezed[len(squeezed) // 2 :]]


# a headline "issuer 文号 title" ("中华人民共和国公安部 公消【2017】297号 关于…的指导意见"): the number
# between them shows the line is a header block flattened onto one line, not a title printed whole
_ISSUER_NUMBER_TITLE_RE = re.compile(
    r"^(?P<org>.{0,40}?)\s*(?P<num>[^\s:：]{1,12}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d{1,5}\s*号)\s*(?P<rest>(?:关于|印发|转发).{4,})$"
)


def without_headline_prefix(title: str) -> tuple[str, str]:
    """(title, issuer): ``title`` without the issuer and 文号 of an "issuer 文号 title" headline, and
    that issuer ("" when the headline opens with the number); (``title``, "") when it is not one."""
    t = title.strip()
    m = _ISSUER_NUMBER_TITLE_RE.match(t)
    if m and find_doc_numbers(m.group("num")) and (not m.group("org") or looks_like_org(m.group("org"))):
        if is_title_line(m.group("rest")):
            return m.group("rest").strip(), m.group("org").strip()
    return t, ""


# a site's year tag after a title ("…的指导意见(2020年)", as legal databases print headings): a
# 公文 title prints a plan period as a range ("(2021—2023年)"), a single year before its name
# and a paginated repost's page number ("…的通知(5)"): a 公文 title never ends in a bare number
_YEAR_TAG_RE = re.compile(r"\s*[(（]\s*(?:(?:19|20)\d{2}\s*年|\d{1,2})\s*[)）]$")


def without_year_tag(title: str) -> str:
    """``title`` without a site's year tag "(2020年)" or page number "(5)" after its genre word;
    unchanged otherwise."""
    m = _YEAR_TAG_RE.search(title)
    return title[: m.start()] if m and TITLE_GENRE_RE.search(title[: m.start()]) else title


# a serialised repost's part number, set off from the title by a space ("涟源市“十二五”电子政务发展
# 规划 (一)", holdout12 051): a 公文 title ends in its genre word, never a numbered part
_PART_NUMBER_RE = re.compile(r"\s+[(（][一二三四五六七八九十]{1,2}[)）]$")


def without_part_number(title: str) -> str:
    """``title`` without a site's part number " (一)" printed after its genre word and set off by
    a space; unchanged otherwise."""
    m = _PART_NUMBER_RE.search(title)
    return title[: m.start()] if m and TITLE_GENRE_RE.search(title[: m.start()]) else title


# a keyword or site tag a page glues before the title, set off by a space ("农产品产品营销推广
# 关于印发《…》的通知", holdout6 054; "江南体育官方网站入 关于转发…的通知", dev 010): what stands before
# a title's opening 关于/印发/转发 is the title's issuer, never a phrase that names no body or place
_KEYWORD_PREFIX_RE = re.compile(r"^(?P<tag>[^\s:：|《》“”]{2,24})\s+(?P<rest>(?:关于|印发|转发).{4,})$")


# a site's column tag in brackets before a heading: "【专家解读】台儿庄区大数据中心副主任庞彬解读《…》"
# (holdout11 042), "【数字吉林】吉林省数字政府建设“十四五”规划"
_COLUMN_TAG_RE = re.compile(r"^【[^【】\s]{2,10}】\s*(?P<rest>\S.{5,})$")


# an interpretation's heading naming who interprets: "县交通运输局党组书记、局长余全胜解读《…》"
_INTERPRETER_RE = re.compile(r"^(?P<who>[^《》,，。:：]{2,40}?)解读《[^《》]{4,100}》$")


# where the interpreting body's name ends and its official's post begins
_OFFICIAL_RE = re.compile(r"党组|党委|副|主任|局长|厅长|部长|司长|处长|科长|院长|书记|主席|负责人|负责同志|、")
_BODY_END_RE = re.compile(r"(?:局|委|办|中心|厅|部|院|署|委员会|办公室)$")


def interpreter_heading(title: str) -> str:
    """The interpreting body when ``title`` is an interpretation's heading that opens with it and
    its official before 解读《name》 ("台儿庄区大数据中心副主任庞彬解读《数字台儿庄2020工作要点》",
    holdout11 042 -> "台儿庄区大数据中心"; "县交通运输局党组书记、局长余全胜解读《…》", holdout9 057):
    such a heading is the title as printed, and its body the issuer; "" for any other title."""
    m = _INTERPRETER_RE.match(title.strip())
    post = _OFFICIAL_RE.search(m.group("who")) if m else None
    body = m.group("who")[: post.start()] if m and post else ""
    return body if len(body) >= 3 and _BODY_END_RE.search(body) else ""


def without_keyword_prefix(title: str) -> str:
    """``title`` without an SEO keyword or site tag printed before it and set off by a space (a
    phrase that is neither an organisation, a place nor a title's own opening), or a column tag in
    【】 before a title line; unchanged otherwise ("中共中央 国务院关于…" keeps its issuers)."""
    tagged = _COLUMN_TAG_RE.match(title.strip())
    if tagged and is_title_line(tagged.group("rest")):
        return tagged.group("rest")
    m = _KEYWORD_PREFIX_RE.match(title.strip())
    if not m or re.search("关于|印发|转发", m.group("tag")):
        return title
    tag = m.group("tag")
    if looks_like_org(tag) or leading_orgs(tag) or find_places(tag) or not is_title_line(m.group("rest")):
        return title
    return m.group("rest")


def skeleton(s: str) -> str:
    """The Han characters of ``s`` only, for comparing a damaged print with an intact one."""
    return "".join(re.findall(f"[{CJK}]", s))


def subsequence(short: str, long: str) -> bool:
    """True when the characters of ``short`` appear in ``long`` in order (a damaged or short print
    of ``long``: "郑州市政府办公厅" in "郑州市人民政府办公厅")."""
    it = iter(long)
    return all(ch in it for ch in short)


# what a damaged print loses: brackets, 号, 年月日, dashes and quote marks set in a font the page lacks
# ("第0997号提案" -> "第0997提案", "(2021—2025年)" -> "20212025年)")
_LOST_GLYPHS = set('〔〕[]【】()（）号年月日—–-－“”"')


def lost_in_print(damaged: str, intact: str) -> bool:
    """True when ``damaged`` is ``intact`` with some brackets, 号, 年月日, dashes or quote marks lost (spaces
    ignored), and not the same text."""
    d, t = re.sub(r"\s", "", damaged), re.sub(r"\s", "", intact)
    if not d or len(d) >= len(t):
        return False
    i = 0
    for ch in t:
        if i < len(d) and ch == d[i]:
            i += 1
        elif ch not in _LOST_GLYPHS:
            return False
    return i == len(d)


def named_heading(lines: list[str], start: int) -> tuple[str, str]:
    """(heading, notice sentence) of what a notice sends out, when the notice names it in 《》 in its
    transmitting sentence (现将《X》印发给你们, 制定了《X》,现印发你们) among ``lines[start:start+4]``
    and the page prints that name as a line of its own below (at most 20 lines further: a
    signature, image ids or buttons may stand between); ("", "") otherwise.  The heading is taken
    as printed; a name only quoted in the sentence is no printed title."""
    for k in range(start, min(start + 4, len(lines))):
        if not TRANSMITS_RE.search(lines[k]):
            continue
        names = {
            skeleton(m.group(1))
            for m in re.finditer(r"《([^《》]{6,100})》", lines[k])
            if not in_citation(lines[k], m.start(), m.end())
        }
        for ln in lines[k + 1 : k + 21]:
            s = ln.strip()
            if skeleton(s) in names and not re.search(r"[。,，;；:：]", s) and not rejection(s):
                return s, lines[k]
        return "", ""
    return "", ""


def transmitted_quote(lines: list[str], start: int) -> tuple[str, str]:
    """(name, sentence) of what a notice sends out as its transmitting sentence names it in 《》
    (现将《X》印发给你们, 现将《X》转发给你们) among ``lines[start:start+4]``: the last complete title
    quoted before the transmitting words and not cited (根据《…》); ("", "") otherwise.

    The last resort of the title precedence, for a page that prints no heading at all.
    """
    for ln in lines[start : start + 4]:
        m = TRANSMITS_RE.search(ln)
        if not m:
            continue
        names = [
            q.group(1).strip()
            for q in re.finditer(r"《([^《》]{6,100})》", ln[: m.start()])
            if not in_citation(ln, q.start(), q.end())
        ]
        name = names[-1] if names else ""
        if name and TITLE_GENRE_RE.search(re.sub(r"[(（][^()（）]*[)）]$", "", name)):
            return name, ln
        return "", ""
    return "", ""


# a web page's <title> names the document, then its column and site after underscores
# ("湘潭市数字乡村发展五年规划(2019-2023年)_建设", "…的通知_政策文件_某某市人民政府网")
_SITE_SUFFIX_RE = re.compile(r"(?:\s*_\s*[^_\s]{1,20})+$")


def without_site_suffix(title: str) -> str:
    """``title`` without the column and site names a page's <title> appends after underscores,
    when what is left ends in a genre word (or a plan period after it); unchanged otherwise."""
    m = _SITE_SUFFIX_RE.search(title)
    if not m or m.start() < 6:
        return title
    head = title[: m.start()].strip()
    core = re.sub(r"\s*[(（][^()（）]{0,16}[)）]$", "", head)
    return head if TITLE_GENRE_RE.search(core) else title
