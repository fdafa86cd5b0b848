"""Metadata fields a page prints above its document: gov.cn's 发文机关 / 发文字号 / 成文日期 table,
provincial 来源 / 发布时间 lines, a policy library's 发文部门, a legal database's 【发布单位】【发布文号】
【发布日期】, the English head of a bilingual one (Date Issued), and a publication note
"(X 2018年5月17日发布)" (the text's 发布单位 and the page's 发布日期).
"""

from __future__ import annotations

import re

from ..metadata import looks_like_org

__all__ = ["labelled_rows", "page_meta", "publication_note"]

# Metadata fields that government sites print above a document (gov.cn's
# 发文机关 / 发文字号 / 成文日期 table, provincial 来源 / 发布时间 lines).
_META_KEYS = (
    r"发布时间|发布日期|成文日期|发文日期|颁布时间|生成日期|来源|发布机构|发布单位|发布部门|发文机关|制发机关|发文部门|发文单位|发文字号"
    r"|文\s*号|索\s*引\s*号|标\s*题|主题分类|主\s*题\s*词|字号"
)
# "key: value" or, in metadata tables, "key value" / "key | value |"; a value ends at the next key
_META_FIELD_RE = re.compile(
    rf"(?:^|(?<=[\s|•]))({_META_KEYS})(?:\s*[:：]\s*\|?\s*|\s*\|\s*|\s+)((?:(?!{_META_KEYS})[^\s|])*)"
)


# a header's fields run together once cleaning has dropped the spaces between a date and the next
# label ("发布时间:2020-12-31来源:省经信厅"): a label right after a digit, with its colon
_AFTER_DIGIT_RE = re.compile(rf"(?<=\d)({_META_KEYS})\s*[:：]\s*((?:(?!{_META_KEYS})[^\s|])+)")


# a row whose spaced label cleaning has joined to its value ("文  號 白政辦發…" -> "文号白政办发…")
_META_ROW_RE = re.compile(rf"^[•·\s]*(文\s*号|发文字号|成文日期|发文日期|发布日期)((?:(?!{_META_KEYS})[^\s|])+)")


# an issuing-organ field listing several bodies separated by spaces ("发文单位:广西壮族自治区民政厅
# 中共广西壮族自治区委员会政法委员会 … | 成文日期:…", holdout7 049): the value runs to the next bar or key
_ORGAN_LIST_RE = re.compile(
    rf"(?:^|(?<=[\s|•]))(发文机关|发文单位|制发机关|发文部门)\s*[:：]\s*([^|:：]+?)(?=\s*\||\s+(?:{_META_KEYS})|$)"
)


def _organ_list(line: str) -> dict[str, str]:
    """key -> the bodies an issuing-organ field lists, space-separated, when it lists several and
    each reads as an organisation; {} otherwise."""
    out = {}
    for m in _ORGAN_LIST_RE.finditer(line):
        parts = m.group(2).split()
        if len(parts) > 1 and all(looks_like_org(p) for p in parts):
            out[m.group(1)] = " ".join(parts)
    return out


# a legal database's bracketed fields: "【发布单位】工业和信息化部 教育部等 【发布文号】…【发布日期】2014-04-30"
_BRACKET_FIELD_RE = re.compile(r"【\s*(发布单位|发文机关|发布部门|发布文号|文\s*号|发布日期|成文日期)\s*】([^【】]*)")


# the English head of a bilingual legal database, spaces removed: "DateIssued:08-18-2023"
_EN_ISSUED_RE = re.compile(r"Date\s*Issued\s*[:：]\s*(\d{1,2})[-/](\d{1,2})[-/]((?:19|20)\d{2})", re.I)


# a publication note on a line of its own before the text, as official gazettes and government
# portals print under a heading: "(重庆市人民政府 2018年5月17日发布)", "(2018年5月17日X印发)"
_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_NOTE_RE = re.compile(
    rf"^[(（]\s*(?:(?P<org>[^\s()（）\d,，。:：]{{2,40}})\s*(?P<date>{_DATE})|(?P<date2>{_DATE})\s*"
    rf"(?P<org2>[^\s()（）\d,，。:：]{{2,40}}))\s*(?:发布|公布|印发)\s*[)）]$"
)


def publication_note(line: str) -> tuple[str, str]:
    """(issuer, date as printed) of a publication note "(X 2018年5月17日发布)"; ("", "") if the
    line is not one."""
    m = _NOTE_RE.match(line.strip())
    if not m:
        return "", ""
    return (m.group("org") or m.group("org2")), (m.group("date") or m.group("date2"))


# labels of the same fields in other databases' words (holdout12 044 "发布文号: 镇政办发〔2019〕48号",
# run on to the index number once cleaning drops the space: "索引号:0001/2019-0065发布文号:镇政办发…";
# 049 "颁布单位:青海省…办公室 | … 颁布日期:2015-07-13"): read as the key of the family they belong to
# (an encyclopedia's infobox: "印发日期" / "二○一二年三月十三日", the date the document was signed and sent out)
_FAMILY_KEYS = {"发布文号": "文号", "颁布单位": "发布单位", "颁布日期": "颁布时间", "印发日期": "成文日期"}
_FAMILY_RE = re.compile(
    rf"(?:^|(?<=[\s|•\d]))({'|'.join(_FAMILY_KEYS)})\s*[:：]\s*\|?\s*"
    rf"((?:(?!{_META_KEYS}|{'|'.join(_FAMILY_KEYS)})[^\s|])+)"
)


def _label_family(line: str) -> dict[str, str]:
    """key -> value of each field ``line`` prints under a synonym label (发布文号, 颁布单位, 颁布日期),
    keyed by the label of its family (文号, 发布单位, 颁布时间); {} if it prints none."""
    out: dict[str, str] = {}
    for m in _FAMILY_RE.finditer(line):
        out.setdefault(_FAMILY_KEYS[m.group(1)], m.group(2))
    return out


# a metadata list printed one field per bullet, its value on a line of its own below the label
# (政府信息公开 pages: "• 发布机构" / blank / "宣城市人民政府(办公室)"; "• 發布日期:" / "2016-12-29")
_BULLET_LABEL_RE = re.compile(rf"^\s*[•·]\s*({_META_KEYS}|信息名称|名\s*称)\s*[:：]?\s*$")


# a label of the issuer, the 文号 or a date alone on its line with no bullet, its value on the next line
# (an encyclopedia's infobox, a table printed one cell per line: "颁布单位" / "中华人民共和国教育部",
# holdout16 008); read only when the value is of the label's kind (a body, a number, a date), since
# a label left empty on a page stands over whatever comes next
_ORGAN_LABELS = "发文机关|制发机关|发文部门|发文单位|发布单位|发布部门|发布机构|颁布单位"
_NUMBER_LABELS = r"文\s*号|发文字号|发布文号"
_DATE_LABELS = "成文日期|发文日期|发布日期|发布时间|颁布日期|颁布时间|印发日期"
_LABEL_ALONE_RE = re.compile(
    rf"^\s*(?:(?P<organ>{_ORGAN_LABELS})|(?P<number>{_NUMBER_LABELS})|(?P<date>{_DATE_LABELS}))\s*[:：]?\s*$"
)


def _label_alone(line: str, value: str) -> re.Match[str] | None:
    """The label match of ``line`` when it is a metadata label standing alone: bulleted, or not
    bulleted with ``value`` (the next line) of the label's kind (an organisation, a 文号, a date)."""
    bullet = _BULLET_LABEL_RE.match(line)
    if bullet or not value:
        return bullet
    m = _LABEL_ALONE_RE.match(line)
    if m is None or _LABEL_ALONE_RE.match(value) or re.match(rf"\s*(?:{_META_KEYS})", value):
        return None
    if m.group("organ"):
        return m if looks_like_org(value.strip()) else None
    if m.group("number"):
        return m if re.search(r"\d\s*号$", value.strip()) else None
    return m if re.search(r"\d|[〇○零一二三四五六七八九十]\s*日", value) else None


def labelled_rows(lines: list[str]) -> list[str]:
    """``lines`` with each label that stands alone, bulleted ("• 发布机构") or not (an infobox's
    "颁布单位"), joined to the value printed on the next non-empty line ("发布机构:宣城市人民政府(办公室)"),
    so the list reads like any other metadata table; a label followed by another label, a heading of
    the text (a line ending in ":") or a line longer than 100 characters has no value and stays as it is."""
    out: list[str] = []
    skip = -1
    for i, ln in enumerate(lines):
        if i <= skip:
            continue
        # a bulleted label's value is the next non-empty line however many blank lines stand between
        # (an HTML-to-text tool may print two per <li>); an unbulleted one's must follow within three lines
        stop = len(lines) if _BULLET_LABEL_RE.match(ln) else min(i + 4, len(lines))
        nxt = next((j for j in range(i + 1, stop) if lines[j].strip()), None)
        m = _label_alone(ln, lines[nxt].strip() if nxt is not None else "")
        if m and nxt is not None:
            value = lines[nxt].strip()
            if not value.startswith(("•", "·")) and not value.endswith((":", "：")) and len(value) <= 100:
                label = re.sub(r"[\s•·:：]", "", m.group(0))
                out.append(f"{label}:{value}")
                skip = nxt
                continue
        out.append(ln)
    return out


def page_meta(lines: list[str]) -> dict[str, str]:
    """Metadata fields printed above the document (发布时间, 发文字号, 标题 …), key -> value (a
    legal database's 【发布文号】 as 文号, its 【发布日期】 and an English "Date Issued" as 颁布时间)."""
    meta: dict[str, str] = {}
    for line in [ln for ln in lines if ln.strip()][:40]:
        for b in _BRACKET_FIELD_RE.finditer(line):
            # a legal database's 发布日期 is the document's promulgation date, not the page's posting
            label = re.sub(r"\s", "", b.group(1))
            key = {"发布文号": "文号", "发布部门": "发布单位", "发布日期": "颁布时间"}.get(label, label)
            if b.group(2).strip() and key not in meta:
                meta[key] = b.group(2).strip()
        # the English head of a bilingual legal database: "Date Issued: 08-18-2023" (month first)
        en = _EN_ISSUED_RE.search(line)
        if en and "颁布时间" not in meta:
            meta["颁布时间"] = f"{en.group(3)}-{int(en.group(1)):02d}-{int(en.group(2)):02d}"
    # the first 40 non-empty lines: HTML pages spread their header over many
    for line in [ln for ln in lines if ln.strip()][:40]:
        org, date = publication_note(line)
        if org and looks_like_org(org):
            # the note says who promulgated the text and when, as a gazette prints it under the
            # text: the document's 发布单位 (not a portal's 发布机构, its posting body) and 发布日期
            meta.setdefault("发布单位", org)
            meta.setdefault("发布日期", date)
        for key, value in _organ_list(line).items():
            meta.setdefault(key, value)
        for key, value in _label_family(line).items():
            meta.setdefault(key, value)
        for m in [*_META_FIELD_RE.finditer(line), *_META_ROW_RE.finditer(line), *_AFTER_DIGIT_RE.finditer(line)]:
            key = re.sub(r"\s", "", m.group(1))
            if m.group(2) and key not in meta:
                meta[key] = m.group(2)
    return meta
