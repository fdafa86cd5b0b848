"""Flattened pages: a 公文's head and signature run together on one line, split back into lines.

Copies made from PDFs or rich-text editors often lose the line breaks of a 公文's form, so its
parts run into each other ("川府发[2017]62号各市(州)人民政府,…:《…》已经省政府同意,…。
2017年12月21日四川省'十三五'信息化规划'十三五'时期,…").  The form's order is fixed — 文号,
主送机关 ending in a colon, the notice, 发文机关署名, 成文日期, then what the notice sends out,
whose heading repeats the name the notice quotes — so the breaks can be put back where one
part ends and the next begins.  Only long lines (a flattened page, not a sentence) are split.
"""

from __future__ import annotations

import re

from ..metadata import find_doc_numbers, genre_of, leading_orgs
from .page_title import TITLE_GENRE_RE, is_title_line

__all__ = ["ADOPTION_NOTE_RE", "drop_running_headers", "unflatten"]

# a line this long can hold several of the form's parts (a signature line is shorter)
_FLAT_MIN = 60
# a full date in digits or, as signatures print it, in Chinese numerals (二○一二年五月二十八日)
_FULL_DATE_RE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}"
    r"|[一二][〇○零一二三四五六七八九]{3}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3})\s*日"
)
# an addressee list (主送机关) at the start of a line: 各… up to its colon, no sentence inside
_ADDRESSEES_RE = re.compile(r"^各[^。:：]{1,200}[:：]")
# what follows a date in a sentence (起, 前, 以来 …) rather than a signature
_DATE_IN_SENTENCE_RE = re.compile(
    r"^(?:[,，、。:：;；)）起前后以至到止内]|印发|发布|出台|召开|签发|公布|颁布|批准|通过|发出|下发|施行|实施)"
)


# a gazette's running header (江苏省人民政府公报, 国务院公报) printed at the top of each page: in a
# flattened copy it runs into the text it stood above (holdout9 011: "江苏省人民政府公报 江苏省人民
# 政府办公厅关于印发…"), once per page it heads
_RUNNING_HEADER_RE = re.compile(r"^(?:[^\s]{0,20}(?:人民政府|国务院|办公厅)公报\s+)+(?=\S)")


def drop_running_headers(lines: list[str], removed: list[str]) -> list[str]:
    """``lines`` without a gazette's running header leading a flattened line (60+ characters);
    the headers go to ``removed``."""
    out = []
    for ln in lines:
        m = _RUNNING_HEADER_RE.match(ln) if len(ln) >= _FLAT_MIN else None
        if m:
            removed.append(m.group(0).strip())
            ln = ln[m.end() :]
        out.append(ln)
    return out


def unflatten(lines: list[str]) -> list[str]:
    """``lines`` with each flattened line split into the 公文's parts: the issuing body and its own
    文号 before the
    addressees, the addressees before the notice, the signing body and date after the notice's
    last sentence, and the heading of the transmitted document (the name the notice quotes in
    《》) before its body; a bilingual line is split where its English runs into its Chinese.
    Lines under 60 characters are kept as they are."""
    out: list[str] = []
    parts = (
        part
        for line in lines
        for script in _SCRIPT_CHANGE_RE.split(_without_body_marker(line))
        for part in _attribute_rows(script)
    )
    for ln in parts:
        out.extend(_split_line(ln, out[-1] if out else "") if len(ln) >= _FLAT_MIN else [ln])
    return out


# a journal database's mark where an abstract's text opens ("<正>鄂政办发[2020] 64号各市…:", CNKI)
_BODY_MARKER_RE = re.compile(r"^\s*<正>\s*")


def _without_body_marker(line: str) -> str:
    """``line`` without the "<正>" a journal database prints before an abstract that is the text
    itself (holdout17 019), so the flattened 公文 behind it opens the line as printed."""
    return _BODY_MARKER_RE.sub("", line)


# a legal database's attribute block, one "•【label】value" row per field ("文章属性 •【制定机关】…
# •【公布日期】2012.05.28 •【字号】沪府发[2012]53号 … 正文"); a flattened copy runs the rows together
_ATTRIBUTE_RE = re.compile(r"•\s*【[^【】\s]{2,8}】")
_BLOCK_LABELS = ("文章属性", "正文")


def _attribute_rows(line: str) -> list[str]:
    """``line`` split into the rows of a flattened attribute block (holdout11 057: "X的通知文章属性•【制定
    机关】上海市人民政府•【公布日期】2012.05.28…•【主题分类】机关工作正文X的通知(…)各区…:"): what
    stands before the block, the label 文章属性, each field, the label 正文 and the text after it;
    ``[line]`` when it holds fewer than three fields."""
    fields = list(_ATTRIBUTE_RE.finditer(line))
    if len(line) < _FLAT_MIN or len(fields) < 3:
        return [line]
    head = line[: fields[0].start()].strip()
    parts = [head[: -len(_BLOCK_LABELS[0])], _BLOCK_LABELS[0]] if head.endswith(_BLOCK_LABELS[0]) else [head]
    ends = [f.start() for f in fields[1:]] + [len(line)]
    parts += [line[f.start() : end] for f, end in zip(fields, ends, strict=True)]
    # the last field's value is short (时效性, 主题分类): 正文 after it opens the text
    k = parts[-1].find(_BLOCK_LABELS[1], 0, 40)
    if k != -1:
        parts[-1:] = [parts[-1][:k], _BLOCK_LABELS[1], parts[-1][k + len(_BLOCK_LABELS[1]) :]]
    return [p.strip() for p in parts if p.strip()]


# a bilingual page with its spaces removed runs the English version into the Chinese one
# ("…nationalintegratedgovernmentservice国务院办公厅关于…"): a long Latin run, then Han text
_SCRIPT_CHANGE_RE = re.compile(r"(?<=[A-Za-z0-9.,;:'\"()\-]{100})(?=[\u4e00-\u9fff])")


# a regulation's heading and its 题注, the adoption note in brackets ("陕西省大数据条例 (2022年9月29日
# 陕西省第十三届人民代表大会常务委员会第三十六次会议通过)"), as laws and regulations print them
ADOPTION_NOTE_RE = re.compile(
    r"^[(（]\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^()（）]{4,120}?"
    r"(?:通过|批准|修正|修订|公布)[^()（）]{0,40}[)）]"
)
_REGULATION_GENRES = ("条例", "办法", "规定", "细则", "规则", "决定")
_NOTE_AFTER_HEADING_RE = re.compile(r"^(?P<heading>[^\s()（）,，。:：]{4,40})\s*(?=[(（]\s*(?:19|20)\d{2}\s*年)")


def _split_line(line: str, above: str) -> list[str]:
    """The parts of one flattened line, in order (the line itself when nothing splits)."""
    head = _NOTE_AFTER_HEADING_RE.match(line)
    note = ADOPTION_NOTE_RE.match(line[head.end() :]) if head else None
    if head and note and genre_of(head.group("heading")) in _REGULATION_GENRES:
        # a flattened regulation: heading, 题注, then its text (目录, 第一章 …)
        rest = line[head.end() + note.end() :].strip()
        return [head.group("heading"), note.group(), *([rest] if rest else [])]
    run = _head_inside_run(line)
    if run:
        # "…工作。  X关于…的通知工信厅联通[2014]5号各省…:为落实…": a lead's sentences, then the head
        return [*run[:-1], *_split_line(run[-1], run[-2])]
    parts: list[str] = []
    issuer = _issuer_before_number(line)
    if issuer:
        # "山东省人民政府 鲁政字〔2019〕84号 各市人民政府,…:": the 发文机关 line of the head first
        parts.append(issuer)
        line = line[len(issuer) :].lstrip()
    nums = find_doc_numbers(line[:40])
    if nums and nums[0][0] == 0:
        # "川府发[2017]62号各市(州)人民政府,…:": the document's own 文号, then the addressees,
        # with the title between them when the print has it under the 文号
        end = _doc_number_end(line)
        rest = line[end:].lstrip() if end else ""
        title = _title_before_addressees(rest)
        if end and (title or _ADDRESSEES_RE.match(rest)):
            parts.extend([line[:end], title] if title else [line[:end]])
            line = rest[len(title) :].lstrip()
    if not parts and not _ADDRESSEES_RE.match(line):
        lead = _head_before_addressees(line)
        if lead:
            parts.extend(lead)
            line = line[sum(len(h) for h in lead) :].lstrip()
    m = _ADDRESSEES_RE.match(line)
    if m and len(line) > m.end():
        parts.append(line[: m.end()])
        line = line[m.end() :]
    parts.extend(_split_signature(line, above))
    return parts


# a heading closed by its genre word, then a status mark or site note after a space or bracket
# ("…管理暂行办法的通知[全文废止] 税屋提示——…", holdout17 012)
# the addressees after a space or, once cleaning has dropped the space, a sentence's end
_ADDRESSEES_AFTER_NOTE_RE = re.compile(r"(?:\s|(?<=[。]))各[^。:：\s]{1,200}[:：]")
_HEADING_THEN_NOTE_RE = re.compile(r"^(?P<heading>[^\s。,，:：;；]{6,100}?)(?=[\s\[【(（])")


def _head_before_addressees(line: str) -> list[str]:
    """The parts before the addressees of a flattened line that opens with its heading and has
    notes between it and the addressees ("X关于…的通知[全文废止] 税屋提示——…废止。 各市(地)…:"):
    [heading, note] or [heading] when the addressees (各…:) follow a space after the heading or
    after a sentence's end; [] otherwise.  The parts, joined, are the line up to the addressees."""
    if "各" not in line[:400]:
        return []  # (no addressees: the common case, decided without the two searches)
    m = _ADDRESSEES_AFTER_NOTE_RE.search(line[:400])
    head = _HEADING_THEN_NOTE_RE.match(line)
    if not (m and head and TITLE_GENRE_RE.search(head.group("heading")) and is_title_line(head.group("heading"))):
        return []
    note = line[head.end() : m.start()]
    if note.strip() and not note.rstrip().endswith(("。", "]", "】", ")", "）")):
        return []  # the heading runs into a sentence the addressees do not follow
    return [head.group("heading"), note] if note.strip() else [head.group("heading")]


def _head_inside_run(line: str) -> list[str]:
    """A 公文's head run into the middle of a flattened line, after sentences of other text (a news
    lead): [text before, heading, 文号, rest from the addressees] when a heading ending in its genre
    word stands between the end of a sentence and its own 文号, and the
    addressees (各…:) follow the number ("…创建工作。  工业和信息化部办公厅发展改革委办公厅关于…的通知
    工信厅联通[2014]5号各省、自治区…:为落实…", holdout15 048); [] otherwise."""
    if "各" not in line or not any(ch in line for ch in "。！？"):
        return []  # (checked first: this runs on every flattened line, and a 文号 search is costly)
    for pos, _number in find_doc_numbers(line):
        end = pos + _doc_number_end(line[pos:])
        if pos == 0 or end == pos or not _ADDRESSEES_RE.match(line[end:].lstrip()):
            continue
        stop = max(line.rfind(ch, 0, pos) for ch in "。！？")
        heading = line[stop + 1 : pos].strip()
        # (a head opening the line is split by the rules below)
        if stop >= 0 and 8 <= len(heading) <= 100 and TITLE_GENRE_RE.search(heading) and is_title_line(heading):
            return [line[: stop + 1].strip(), heading, line[pos:end], line[end:].lstrip()]
    return []


# the addressees after a flattened title: a space, then 各… up to the colon
_ADDRESSEES_AFTER_RE = re.compile(r"\s各[^。:：\s]{1,200}[:：]")


def _title_before_addressees(rest: str) -> str:
    """The title a flattened head prints between its 文号 and the addressees ("邹城市人民政府 关于印发
    …实施方案的通知 各镇人民政府…:"): the text up to the addressees when it is a title, else ""."""
    m = _ADDRESSEES_AFTER_RE.search(rest[:160])
    head = rest[: m.start()].strip() if m else ""
    return head if head and is_title_line(head) else ""


def _issuer_before_number(line: str) -> str:
    """The issuing body(ies) opening ``line`` when a 文号 then the addressees follow it
    ("山东省人民政府 鲁政字〔2019〕84号 各市…:"); "" otherwise."""
    orgs = leading_orgs(line[:80])
    if not orgs:
        return ""
    # the organisation names as printed (spaces between them kept)
    end = 0
    for name in orgs.split():
        end = line.index(name, end) + len(name)
    own = find_doc_numbers(line[:120])
    if not own or own[0][0] < end:
        return ""  # the "organisation" is the 文号's own prefix (浙政办发〔2014〕67号)
    rest = line[end:].lstrip()
    number_end = _doc_number_end(rest)
    nums = find_doc_numbers(rest[:40])
    if not (nums and nums[0][0] == 0 and number_end and _ADDRESSEES_RE.match(rest[number_end:].lstrip())):
        return ""
    return line[:end].strip()


def _doc_number_end(line: str) -> int:
    """Where the 文号 that opens ``line`` ends (just after its 号); 0 if none is found."""
    m = re.match(r"[^。,，:：]{1,14}?(?:19|20)\d{2}[^。,，:：]{0,4}?\d{1,4}\s*号", line)
    return m.end() if m else 0


def _split_signature(line: str, above: str) -> list[str]:
    """``line`` split at a signature run into the notice's last sentence: "…请认真贯彻执行。
    [发文机关]2017年12月21日[heading]…" -> notice, [body,] date, [heading,] rest (a date ending the
    line closes a signature as well: "…贯彻执行。民政部 中央政法委 …农业农村部2022年5月10日")."""
    for m in _FULL_DATE_RE.finditer(line):
        before, rest = line[: m.start()], line[m.end() :]
        if _DATE_IN_SENTENCE_RE.match(rest):
            continue
        stop = before.rfind("。")
        tail = before[stop + 1 :]
        # the signing body alone between the sentence's end (or the line's start) and the date
        if tail and (tail.lstrip().startswith("各") or leading_orgs(tail).replace(" ", "") != tail.replace(" ", "")):
            continue  # "各地区要按照国务院2018年…": addressees and a sentence, not a signing body
        if stop < 0 and (not tail or not above.endswith("。")):
            continue  # a signing body opens the line only when the line above ends the notice
        head = [before[: stop + 1]] if stop >= 0 else []
        parts = [*head, tail, m.group(), *_split_heading(rest, above + before)]
        return [p.strip() for p in parts if p.strip()]
    return [line]


def _split_heading(rest: str, notice: str) -> list[str]:
    """``rest`` split after the heading of the transmitted document when it starts with a name
    the notice quotes in 《》 (its body follows without a break); ``[rest]`` otherwise."""
    for name in sorted(re.findall(r"《([^《》]{4,80})》", notice), key=len, reverse=True):
        if rest.startswith(name) and len(rest) > len(name):
            return [name, rest[len(name) :]]
    return [rest]
