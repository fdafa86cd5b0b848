"""Read document metadata from the text itself.

Every function here works on clean simplified text (see :mod:`analysis.clean`)
and uses only the conventions of Chinese official documents (公文): the 文号
format, the signature block (issuing body, then the date), title forms
("X关于Y的意见", "X关于印发Y的通知"), and heading numbering.  Nothing is looked
up per document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import CJK
from .gazetteer import find_places, leading_place

__all__ = [
    "normalize_doc_number",
    "find_doc_numbers",
    "find_dates",
    "signature_date",
    "split_issuer_title",
    "looks_like_org",
    "classify_level",
    "genre_of",
    "short_title",
    "detect_excerpt",
    "DateInfo",
    "LEVELS",
]

LEVELS = ("central", "ministry", "provincial", "prefecture", "county")
_H = f"[{CJK}]"

# ----------------------------------------------------------------------------- 文号

# code (an org abbreviation, 1-12 Han chars), optional brackets, year, serial, 号
_DOCNUM_RE = re.compile(
    rf"(?P<code>{_H}{{1,12}}?)\s*[〔\[【(（]?\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\]】)）]?\s*"
    r"(?:第\s*)?(?P<serial>\d{1,4})\s*号"
)
_DOCNUM_STOP = set("和及与、,，。:：;；《》“”()（）")


def normalize_doc_number(raw: str) -> str:
    """Normalise a 文号 to the form 发改高技〔2014〕1770号.

    Accepts the forms found in scraped and PDF-extracted text: 发改高技〔2014〕1770号,
    豫郑办【2020】27号, 国发[2021]29号, 国发 2021 29号, 发改高技20141770号 (brackets
    lost; the first four digits are the year).  Returns "" if ``raw`` holds no 文号.
    """
    found = find_doc_numbers(raw)
    return found[0][1] if found else ""


def find_doc_numbers(text: str) -> list[tuple[int, str]]:
    """All 文号 in ``text`` as (position, normalised number), left to right."""
    out = []
    for m in _DOCNUM_RE.finditer(text):
        code = m.group("code")
        # The lazy code may have swallowed words before the abbreviation
        # ("通知国发"); abbreviations never contain these characters.
        cut = max((code.rfind(ch) for ch in _DOCNUM_STOP), default=-1)
        code = code[cut + 1 :]
        # In run-together tables the title runs straight into the number
        # ("…发展规划的通知国发"); abbreviations follow the title's genre word.
        for word in ("通知", "意见", "规划", "方案", "纲要", "办法", "指南", "计划", "规定", "决定", "印发"):
            k = code.rfind(word)
            if k != -1 and len(code) - (k + len(word)) >= 2:
                code = code[k + len(word) :]
        if not code or code in ("第", "年", "月"):
            continue
        serial = str(int(m.group("serial")))
        out.append((m.start("code") + (len(m.group("code")) - len(code)), f"{code}〔{m.group('year')}〕{serial}号"))
    return out


# ----------------------------------------------------------------------------- dates

_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d))"
)


# Dates written in Chinese numerals, as signature blocks often print them:
# 二〇一八年十二月二十九日 (〇 is also typed as ○, Ｏ, O or 零).
_CN_YEAR_DIGIT = "〇○ＯO零一二三四五六七八九"
_CN_DATE_RE = re.compile(
    rf"(?P<y>[{_CN_YEAR_DIGIT}]{{4}})\s*年\s*(?P<m>[一二三四五六七八九十]{{1,2}})\s*月"
    r"(?:\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日)?"
)


@dataclass
class DateInfo:
    """A date as precise as the text gives it."""

    iso: str  # 2014-08-27, 2021-03 or 2021
    year: int
    source: str  # where it was read: signature, heading, page, doc_number, cited (lower bound)
    pos: int = -1
    end: int = -1  # end of the date in the text searched (with pos)


def _iso(y: str, m: str | None, d: str | None) -> str | None:
    yi = int(y)
    if not 1949 <= yi <= 2100:
        return None
    if not m:
        return f"{yi:04d}"
    mi = int(m)
    if not 1 <= mi <= 12:
        return None
    if not d:
        return f"{yi:04d}-{mi:02d}"
    di = int(d)
    if not 1 <= di <= 31:
        return None
    return f"{yi:04d}-{mi:02d}-{di:02d}"


def _cn_year(s: str) -> str:
    return "".join(str("一二三四五六七八九".find(c) + 1) if c in "一二三四五六七八九" else "0" for c in s)


def find_dates(text: str) -> list[DateInfo]:
    """All calendar dates in ``text``, left to right.

    Reads 2014年8月27日, 2014年8月, 2014-08-27 / 2014/8/27 / 2014.8.27 and
    dates in Chinese numerals (二〇一八年十二月二十九日).  Each returned
    :class:`DateInfo` carries its span in ``text`` (``pos``, ``end``).
    """
    out = []
    for m in _DATE_RE.finditer(text):
        iso = _iso(m.group("y"), m.group("m") or m.group("m2"), m.group("d") or m.group("d2"))
        if iso:
            out.append(DateInfo(iso, int(iso[:4]), "text", m.start(), m.end()))
    for m in _CN_DATE_RE.finditer(text):
        month, day = cn_to_int(m.group("m")), cn_to_int(m.group("d") or "")
        if month is None or (m.group("d") and day is None):
            continue
        iso = _iso(_cn_year(m.group("y")), str(month), str(day) if day is not None else None)
        if iso:
            out.append(DateInfo(iso, int(iso[:4]), "text", m.start(), m.end()))
    out.sort(key=lambda d: d.pos)
    return out


_ORG_END = re.compile(rf"(厅|部|局|委|组|室|府|会|院|办|章|中心|小组|政府|委员会|\)|）)\s*$")
_NOT_SIGNATURE_BEFORE = set("于在前至到自从截止的为和或与及、,，")


def signature_date(text: str) -> DateInfo | None:
    """The date of the signature block: a full 年月日 date that directly follows an
    organisation name (…办公厅 2020年10月11日) and is not a print date (…印发)
    or a deadline inside a sentence (于2016年12月16日前).

    The first such date is returned: in a transmittal notice it is the
    notice's own date, which precedes the dates of attachments and print notes.
    """
    for d in find_dates(text):
        if d.iso.count("-") != 2:
            continue
        before = text[max(0, d.pos - 12) : d.pos]
        after = text[d.end : d.end + 3]
        if after.startswith(("印发", "前", "起", "至", "到", "以前", "后")):
            continue
        b = before.rstrip()
        if not b or b[-1] in _NOT_SIGNATURE_BEFORE:
            continue
        line_start = before.rfind("\n")
        if _ORG_END.search(b) or (line_start >= 0 and not before[line_start + 1 :].strip()):
            d.source = "signature"
            return d
    return None


# ----------------------------------------------------------------------------- issuer and title

_ORG_SUFFIX = r"(?:人民政府办公厅|人民政府|办公厅|委员会办公室|委员会|办公室|领导小组|工作推进小组|推进小组|小组|秘书局|总局|中央网信办|网信办|中央|国务院|部委|部门|部|委|局|署|院|厅|办)"
_ORG_RE = re.compile(rf"(?:中共中央|国务院|{_H}{{1,16}}?{_ORG_SUFFIX})")
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
    m = re.match(rf"^(?P<org>.+?)\s*(?:关于|印发)", h)
    if m and looks_like_org(m.group("org")):
        return m.group("org").strip(), h
    orgs = leading_orgs(h)
    if orgs:
        return orgs, h
    return "", h


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
        if name.endswith("办") and s[m.end():m.end() + 1] == "法":
            break  # 办法 (measures) ends a title, not an organisation
        if any(w in name for w in ("关于", "印发", "规划", "建设", "发展", "意见", "通知")) and not looks_like_org(name):
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


_CENTRAL_RE = re.compile(r"^(中共中央|中央委员会|国务院(?!各)|全国人民代表大会|全国人大|中华人民共和国(?![^ ]{0,20}?(?:部|委员会|总局|局|署|银行)(?:办公厅)?(?:$| |关于|印发))|中央(?!网信办)[^ ]{0,12}委员会|中央办公厅)")
_MINISTRY_HINT = re.compile(r"(^国家|^中华人民共和国.+(部|委员会|局|署|银行)(办公厅)?$|委员会$|部$|部\b|委$|局$|总局|署$|中央网信办|秘书局|办公厅$|部委|部门$|^(工业和信息化|住房和城乡建设|交通运输|自然资源|生态环境|民政|财政|公安|教育|科学技术|商务|农业农村|文化和旅游|人力资源社会保障|应急管理)部)")


def classify_level(issuer: str, title: str = "", hints: tuple[str, ...] = ()) -> tuple[str, str, str]:
    """Return (level, region, evidence) for a document.

    level is one of central, ministry, provincial, prefecture, county.  The
    issuer decides when it names a place (gazetteer) or a central body;
    otherwise the title, then ``hints`` (e.g. the compilation section the
    document sits in, or its signature) are searched for a place name.  Region
    is the province-level short name, or 全国 for central and ministerial
    documents; "" when nothing in the text says.
    """
    for label, s in (("issuer", issuer), ("title", title)):
        if not s:
            continue
        place = leading_place(s)
        if place is None and label == "issuer":
            # party bodies name their place after 中共: 中共浙江省委办公厅 浙江省人民政府办公厅
            for part in s.split():
                if part.startswith("中共") and not part.startswith("中共中央"):
                    place = leading_place(part[2:])
                    if place is not None:
                        break
        if place is not None:
            return _level_of(place.rank), place.province, f"{label}: {place.name}"
        first = s.split()[0] if s.split() else s
        if _CENTRAL_RE.match(first) or _CENTRAL_RE.match(s):
            return "central", "全国", f"{label}: central body"
        # "市大数据局", "区发展和改革委员会": a local body named without its place
        local_short = re.match(r"^(省|市|县|区|州|盟|旗|镇|乡|街道|自治区|自治州)", first)
        if label == "issuer" and not local_short and _MINISTRY_HINT.search(first):
            return "ministry", "全国", f"{label}: national ministry or commission"
    if title and re.match(r"^(“十[一二三四五]五”)?(国家|全国)", title):
        return "central", "全国", "title: national plan"
    for hint in hints:
        places = find_places(hint)
        if places:
            # a chain such as 成都市武侯区 names its most specific division
            place = leading_place(hint[places[0][0]:]) or places[0][1]
            return _level_of(place.rank), place.province, f"hint: {place.name}"
        if re.search(r"中央|国务院", hint):
            return "central", "全国", "hint: central"
        if re.search(r"部委", hint):
            return "ministry", "全国", "hint: ministries"
    return "", "", "none"


def _level_of(rank: str) -> str:
    return {"province": "provincial", "prefecture": "prefecture", "county": "county"}[rank]


def short_title(title: str, issuer: str = "") -> str:
    """The title without its issuer and transmittal wrapper, for labels.

    "国务院关于印发“十四五”数字经济发展规划的通知" -> "“十四五”数字经济发展规划";
    "国家发改委等八部委关于印发促进智慧城市健康发展的指导意见的通知" ->
    "促进智慧城市健康发展的指导意见".
    """
    t = title.strip()
    m = re.fullmatch(r"《(.+)》\s*解读", t)
    if m:  # an interpretation is labelled by what it interprets
        return "解读:" + short_title(m.group(1), issuer)
    if issuer and t.startswith(issuer):
        t = t[len(issuer) :].strip()
    t = re.sub(r"^.{0,40}?(关于印发|关于|印发)", "", t) if re.search(r"关于|印发", t[:60]) else t
    t = re.sub(r"的通知$", "", t) if re.search(r"^关于|印发", title) and "印发" in title else t
    return t.strip() or title


# ----------------------------------------------------------------------------- genre

_GENRES = (
    "解读", "实施意见", "指导意见", "意见", "实施方案", "行动方案", "工作方案", "方案",
    "行动计划", "计划", "发展规划", "规划", "行动纲要", "纲要", "指南", "办法", "规定",
    "决定", "通知", "通报", "公告", "批复", "函", "要点", "标准",
)
_GENRE_FAMILY = {
    "实施意见": "意见", "指导意见": "意见", "实施方案": "方案", "行动方案": "方案",
    "工作方案": "方案", "行动计划": "计划", "发展规划": "规划", "行动纲要": "纲要",
}


def genre_of(title: str) -> str:
    """Genre of a document from its title: 意见, 规划, 通知, 方案, 纲要, 解读, ...

    A transmittal notice ("关于印发X的通知") takes the genre of what it
    transmits (a plan sent out by notice is a 规划), since that is what the
    text is; a notice that transmits nothing is a 通知.  Returns "" if the
    title ends in no known genre word.
    """
    # drop trailing (2021年3月), (2020—2022年), closing quotes, in any nesting
    t, prev = title.strip(), None
    while t != prev:
        prev = t
        t = re.sub(r"[(（][^()（）]*[)）]\s*$", "", t)
        t = re.sub(r"[”\"》]+\s*$", "", t)
    if "解读" in t[-8:] or t.startswith("解读"):
        return "解读"
    m = re.search(r"印发(.+?)的?通知$", t)
    if m:
        inner = genre_of(m.group(1))
        if inner:
            return inner
    m = re.search(r"印发(.+)$", t)
    if m and not t.endswith("通知"):
        inner = genre_of(m.group(1))
        if inner:
            return inner
    for g in _GENRES:
        if t.endswith(g) or re.search(g + r"(\((试行|暂行|征求意见稿)\))?$", t):
            return _GENRE_FAMILY.get(g, g)
    return ""


# ----------------------------------------------------------------------------- excerpts

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def cn_to_int(s: str) -> int | None:
    """Chinese numeral up to 99 -> int (十 -> 10, 二十三 -> 23)."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _CN_DIGITS.get(a, None) if a else 1
        ones = _CN_DIGITS.get(b, None) if b else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s]
    return None


_TOP_RE = re.compile(r"(?:^|(?<=[。\n:：;；)）]))\s*([一二三四五六七八九十]{1,3})、")
_PART_RE = re.compile(r"第([一二三四五六七八九十]{1,3})(篇|章|部分)")
_SUB_RE = re.compile(r"(?:^|(?<=[。\n:：;；]))\s*[(（]([一二三四五六七八九十]{1,3})[)）]")


def detect_excerpt(body: str) -> tuple[bool, str]:
    """Decide whether ``body`` is an excerpt of a longer policy.

    Official documents number their parts from one: 第一篇/第一章, 一、, (一).
    A body whose first part, section or sub-section marker is not number one
    (a compilation quoting "六、加强基层智慧治理能力建设"), or whose top-level
    sections skip numbers, is an excerpt.  Returns (is_excerpt, reason).
    """
    head = body[:400]
    m = _PART_RE.search(head)
    if m and cn_to_int(m.group(1)) != 1 and m.start() < 40:
        return True, f"starts at {m.group()}"
    # Reasons quote the markers as printed (六、, (三)) so a reader can find them in the text.
    tops = [(mm.start(1), cn_to_int(mm.group(1)), mm.group(1)) for mm in _TOP_RE.finditer(body)]
    tops = [t for t in tops if t[1] is not None]
    subs = [(mm.start(1), cn_to_int(mm.group(1)), mm.group(1)) for mm in _SUB_RE.finditer(body)]
    subs = [t for t in subs if t[1] is not None]
    if tops and tops[0][1] != 1:
        return True, f"first section is {tops[0][2]}、"
    if subs and (not tops or subs[0][0] < tops[0][0]) and subs[0][1] != 1:
        return True, f"first sub-section is ({subs[0][2]})"
    # Top-level numbering restarts inside attachments; look for a forward jump.
    for (_pa, a, ma), (_pb, b, mb) in zip(tops, tops[1:]):
        if b > a + 1:
            return True, f"sections jump from {ma}、 to {mb}、"
    return False, ""
