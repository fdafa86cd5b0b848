"""Load policy documents from a folder into tidy tables.

``load_corpus(path)`` reads every ``.txt``, ``.md``, ``.html`` / ``.htm`` file
in a folder, decodes it (UTF-8, UTF-8 with BOM, GB18030/GBK), cleans it (see
:mod:`analysis.clean`), recognises what kind of file it is, and returns one
row per policy document with metadata read from the text (see
:mod:`analysis.metadata`):

* a **single page**: one policy scraped from a web page, with navigation,
  share prompts, editor lines and repeated lead paragraphs around it;
* a **compilation** (汇编): a PDF with a table of contents (目录) whose entries
  "(一)标题(文号).页码" are found again as headings in the body; each entry
  becomes one document.  A table of further policies (序号 发文部门 文件名称
  文号 年份) at its end is read by :func:`load_policy_list`.

Nothing is silently dropped: a file that cannot be read or yields no document
is listed in ``corpus.attrs["skipped"]`` (file, reason) and announced with a
warning.  Which fields came from the text and which from a researcher's
``metadata.csv`` is in ``corpus.attrs["field_sources"]``.
"""
from __future__ import annotations

import hashlib
import os
import re
import warnings
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import clean as C
from .clean import CJK
from .metadata.gazetteer import leading_place
from .metadata import (
    classify_level,
    cn_to_int,
    detect_excerpt,
    find_dates,
    find_doc_numbers,
    genre_of,
    leading_orgs,
    looks_like_org as _looks_like_org,
    short_title,
    signature_date,
    split_issuer_title,
    DateInfo,
)

__all__ = [
    "CorpusError",
    "load_corpus",
    "load_paragraphs",
    "load_policy_list",
    "read_document_file",
    "split_paragraphs",
    "parse_text",
    "DOCUMENT_COLUMNS",
    "default_seed_dir",
]

SUFFIXES = (".txt", ".md", ".html", ".htm")
DOCUMENT_COLUMNS = [
    "doc_id", "title", "short_title", "issuer", "level", "region", "doc_number", "date", "year",
    "genre", "source", "is_excerpt", "text", "n_chars", "duplicate_of",
    "date_source", "script", "excerpt_reason", "level_evidence", "n_mojibake",
]


class CorpusError(ValueError):
    """A file that cannot be turned into documents; the message names the file and the problem."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{os.path.basename(str(path))}: {reason}")


def default_seed_dir() -> Path:
    """The bundled seed folder (``seeds/`` at the project root)."""
    env = os.environ.get("ANALYSIS_SEEDS")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "seeds").is_dir() and (parent / "pyproject.toml").exists():
            return parent / "seeds"
    raise FileNotFoundError("cannot find the bundled seeds/ folder; pass a path to load_corpus()")


# ============================================================================ reading files


def read_document_file(path: str | os.PathLike) -> tuple[str, str]:
    """Read a text or HTML file and return (text, encoding).

    Encodings tried: a BOM (UTF-8 / UTF-16), strict UTF-8, then GB18030 (a
    superset of GBK and GB2312).  HTML is reduced to its visible text, one line
    per block element.  Raises :class:`CorpusError` for an empty file, binary
    content, bytes that decode in no supported encoding, or text without any
    Chinese characters.
    """
    p = Path(path)
    data = p.read_bytes()
    if not data.strip():
        raise CorpusError(p, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        text, enc = data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = data.decode("utf-16"), "utf-16"
    else:
        if b"\x00" in data[:4096]:
            raise CorpusError(p, "binary file (NUL bytes), not text")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as e_utf8:
            try:
                text, enc = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                raise CorpusError(
                    p, f"undecodable bytes: not UTF-8 (byte {e_utf8.start}) and not GB18030/GBK"
                ) from None
    if p.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    elif p.suffix.lower() == ".md":
        text = markdown_to_text(text)
    han = len(re.findall(f"[{CJK}]", text))
    if han == 0:
        raise CorpusError(p, f"no Chinese text found (decoded as {enc})")
    ctrl = len(re.findall(r"[\x00-\x08\x0e-\x1f\ufffd]", text))
    if ctrl > 0.01 * len(text):
        raise CorpusError(p, f"looks binary or mis-encoded ({ctrl} control/replacement characters)")
    return text, enc


_HTML_BLOCKS = (
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "h1", "h2",
    "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "aside", "main",
    "blockquote", "pre", "form", "hr", "center", "caption", "figure", "figcaption", "address",
)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one line per block element.

    Inline markup (``<strong>``, ``<span>``, ``<a>``) stays inside its line,
    so a paragraph with a bold phrase is still one paragraph; table cells of
    a row are joined by a space ("文号: 深府〔2020〕89号").  The ``<head>``
    (whose ``<title>`` carries the site name) is not page text.  Blank lines
    are collapsed.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["head", "script", "style", "noscript", "template", "iframe", "svg"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_HTML_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for tag in soup.find_all(("td", "th")):
        tag.insert_after(" ")
    text = soup.get_text("")
    lines = (ln.strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def markdown_to_text(md: str) -> str:
    """Plain text of a Markdown file: heading marks, emphasis, link and image
    syntax, block quotes and rules removed; the words stay where they were."""
    out = []
    for line in md.split("\n"):
        s = line.strip()
        if re.fullmatch(r"([-*_]\s*){3,}", s):
            continue  # horizontal rule
        s = re.sub(r"^(>\s*)+", "", s)
        s = re.sub(r"^#{1,6}\s+", "", s)
        s = re.sub(r"^[-*+]\s+", "", s)  # bullet (numbered items stay: 1. is Chinese numbering too)
        s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s)
        s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
        s = re.sub(r"(\*\*|__)(.+?)\1", r"\2", s)
        s = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)", r"\1", s)
        out.append(s)
    return "\n".join(out)


# ============================================================================ parsing


@dataclass
class ParsedDoc:
    """A document as parsed from one file, before ids and duplicates are assigned."""

    title: str
    text: str
    source: str
    issuer: str = ""
    doc_number: str = ""
    date: DateInfo | None = None
    genre: str = ""
    level: str = ""
    region: str = ""
    level_evidence: str = ""
    is_excerpt: bool = False
    excerpt_reason: str = ""
    script: str = "simplified"
    n_mojibake: int = 0
    section: str = ""
    notes: list[str] = field(default_factory=list)


def parse_text(raw: str, source: str) -> tuple[list[ParsedDoc], list[str]]:
    """Parse the raw text of one file into documents.

    Returns (documents, removed_lines) where removed_lines lists the page
    furniture that was dropped (for inspection).  Raises CorpusError (with
    ``source`` as the file name) when no document can be found.
    """
    script = C.detect_script(raw)
    text = C.clean_text(raw)
    if not text.strip():
        raise CorpusError(source, "no text left after cleaning")
    toc = _parse_toc(text)
    if toc:
        docs = _parse_compilation(text, toc, source)
        removed: list[str] = []
    else:
        doc, removed = _parse_page(text, source)
        docs = [doc]
    for d in docs:
        d.script = script
        d.n_mojibake = C.count_mojibake(d.text)
        if not d.text.strip():
            raise CorpusError(source, f"document '{d.title}' has no body text")
    return docs, removed


# ---------------------------------------------------------------------------- single pages

_SALUTATION_RE = re.compile(r"(各|人民政府|部门|单位|直属机构|委员会|办公厅|管委会).{0,100}[:：]$")
_TITLE_GENRE_RE = re.compile(r"(意见|通知|规划|方案|纲要|计划|办法|规定|决定|指南|解读|要点|通报|公告|批复)(\((试行|暂行)\))?》?$")
_HARD_TRAILER_RE = re.compile(
    r"扫描?二维码|^(责任)?编辑[:：]|分享到|copyright|©|^审核[:：]|点击下载|^https?://|^标签[:：]"
    rf"|{C.TRAILER_START_PATTERN}|^相关(阅读|文件|链接|新闻|文章|附件|稿件)"
    r"|^抄送[:：]",  # 抄送 opens the 版记 (distribution and print note) closing a 公文
    re.I,
)
# Metadata fields that government sites print above a document (gov.cn's
# 发文机关 / 发文字号 / 成文日期 table, provincial 来源 / 发布时间 lines).
_META_KEYS = r"发布时间|发布日期|成文日期|来源|发布机构|发文机关|发文字号|文\s*号|索\s*引\s*号|标\s*题|主题分类|字号"
# "key: value" or, in metadata tables, "key value"; a value ends at the next key
_META_FIELD_RE = re.compile(
    rf"(?:^|(?<=[\s|]))({_META_KEYS})(?:\s*[:：]\s*|\s+)((?:(?!{_META_KEYS})[^\s|])*)"
)
# a decree (令) heads its text with "X人民政府令" and "第328号", and is signed by a person
_DECREE_RE = re.compile(r"^(.{2,30}?)令$")
_SIGNER_RE = re.compile(r"^(省长|市长|区长|县长|州长|主席|主任|部长|局长|署长|总理|书记)\s*[\u4e00-\u9fff·]{2,5}$")


def _is_date_line(line: str) -> DateInfo | None:
    """The full date (年月日, also in Chinese numerals) a line consists of, else None."""
    ds = find_dates(line)
    if len(ds) != 1 or ds[0].iso.count("-") != 2:
        return None
    rest = (line[: ds[0].pos] + line[ds[0].end :]).strip(" ()（）")
    return ds[0] if not rest else None


def _is_org_line(line: str) -> bool:
    """A signature line: one or more organisation names and nothing else."""
    s = line.strip()
    if not 2 <= len(s) <= 60 or re.search(r"[。,，;；:：《》“”]", s):
        return False
    return _looks_like_org(s) or leading_orgs(s) == s


def _is_title_line(line: str) -> bool:
    s = line.strip()
    if not 6 <= len(s) <= 100 or re.search(r"[。,，;；!！?？]", s):
        return False
    return bool(_TITLE_GENRE_RE.search(s)) or ("关于" in s and len(s) <= 60)


def _page_meta(lines: list[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    # the first 40 non-empty lines: HTML pages spread their header over many
    for line in [ln for ln in lines if ln.strip()][:40]:
        for m in _META_FIELD_RE.finditer(line):
            key = re.sub(r"\s", "", m.group(1))
            if m.group(2) and key not in meta:
                meta[key] = m.group(2)
    return meta


def _parse_page(text: str, source: str) -> tuple[ParsedDoc, list[str]]:
    raw_lines = [ln.strip() for ln in text.split("\n")]
    meta = _page_meta(raw_lines)
    interp = {}
    for ln in raw_lines:
        m = re.match(r"^解\s*读\s*(机关|单位|部门|人)\s*[:：]\s*(.*)$", ln)
        if m:
            interp[m.group(1)] = m.group(2).strip()
    # Cut the page trailer: everything after the first hard trailer line in
    # the second half of the page (related-article lists, comment boxes...).
    # Found before furniture is stripped, since headers such as 相关链接 are
    # furniture themselves.
    nonempty = [ln for ln in raw_lines if ln]
    trailer: list[str] = []
    for i in range(len(nonempty) // 2, len(nonempty)):
        if _HARD_TRAILER_RE.search(nonempty[i]):
            trailer, nonempty = nonempty[i:], nonempty[:i]
            break
    lines, removed = C.strip_page_furniture(nonempty)
    removed.extend(trailer)
    # 解读 contact block: "五、解读机关及解读人", "解读机关:…", "解读人:…"
    keep = []
    for ln in lines:
        if re.match(r"^解\s*读\s*(机关|单位|部门|人)\s*[:：]", ln) or (
            re.search(r"解读(机关|人)", ln) and len(ln) < 20
        ):
            removed.append(ln)
        else:
            keep.append(ln)
    # 附注 such as (此件公开发布) belong to the 公文's form, not its text
    lines = []
    for ln in keep:
        (removed if re.match(r"^[(（]此件[^()（）]{0,12}[)）]$", ln) else lines).append(ln)
    if not lines:
        raise CorpusError(source, "no text left after removing page boilerplate")

    # Salutation (主送机关) and the title line just above it.  It is looked
    # for among the first 30 lines of some length: menus of HTML pages put
    # dozens of one-word lines above the document.
    head_limit = _index_after_substantive(lines, 30)
    sal = next((i for i, ln in enumerate(lines[:head_limit]) if len(ln) <= 120 and _SALUTATION_RE.search(ln)), None)
    search_to = sal if sal is not None else min(len(lines), _index_after_substantive(lines, 12))
    title_idx = None
    for i in range(search_to - 1, -1, -1):
        if _is_title_line(lines[i]):
            title_idx = i
            break
    headline = lines[0]
    if title_idx is not None:
        title = lines[title_idx]
        body_start = title_idx + 1
        # a title printed over two lines: the issuer, then "关于…"
        prev = lines[title_idx - 1] if title_idx > 0 else ""
        if title.startswith("关于") and prev and _is_org_line(prev) and len(prev) <= 40:
            title = prev + title
    elif meta.get("标题") and _is_title_line(meta["标题"]):
        title = meta["标题"]
        body_start = next((i + 1 for i, ln in enumerate(lines[:head_limit]) if ln.endswith(title)), 1)
    else:
        title = headline
        body_start = 1
    is_interpretation = bool(interp) or "解读" in headline
    quoted = re.findall(r"《([^《》]{6,80})》", headline)
    quoted = [q for q in quoted if _TITLE_GENRE_RE.search(q)]
    if is_interpretation and quoted:
        title = f"《{max(quoted, key=len)}》解读"
    elif title_idx is None and quoted:
        title = max(quoted, key=len)

    # A doc number printed on its own line or before the title, above the body.
    doc_number = ""
    for ln in lines[: body_start + 2]:
        if len(ln) <= 120:
            nums = find_doc_numbers(ln)
            if nums and ("《" not in ln or ln.index(nums[0][1][0]) < ln.find("《") or ln.strip().startswith(nums[0][1][:2])):
                doc_number = nums[0][1]
                break
    if not doc_number:
        # reposts put a dateline, font buttons or a news lead between title and
        # 文号: accept a few lines more when the line is nothing but a 文号
        for i in range(body_start + 2, min(body_start + 7, len(lines))):
            nums = find_doc_numbers(lines[i])
            if nums and len(lines[i]) <= 30 and len(lines[i]) - len(nums[0][1]) <= 6:
                doc_number = nums[0][1]
                # what stands between title and 文号 (dateline, news lead) is not text
                removed.extend(lines[body_start:i])
                body_start = i
                break
    decree_issuer = ""
    for i in range(max(body_start - 1, 0), min(body_start + 4, len(lines) - 1)):
        m = _DECREE_RE.match(lines[i])
        n = re.fullmatch(r"第\s*(\d{1,5})\s*号", lines[i + 1])
        if m and n and _is_org_line(m.group(1)):
            decree_issuer = m.group(1)
            doc_number = doc_number or f"{m.group(1)}令第{n.group(1)}号"
            break
    for key in ("发文字号", "文号"):
        if not doc_number and meta.get(key):
            doc_number = (find_doc_numbers(meta[key]) or [(0, "")])[0][1]
    doc_number_line = None
    for i in range(body_start, min(body_start + 2, len(lines))):
        if doc_number and find_doc_numbers(lines[i]) and len(lines[i]) <= 30:
            doc_number_line = i
    if doc_number_line is not None:
        body_start = doc_number_line + 1
    if title.startswith(doc_number) and doc_number:
        title = title[len(doc_number):].strip("《》 ")

    # Signature block: organisation line(s), then a date line.  The first
    # one below the title is the document's own: in a transmittal notice
    # (关于印发…的通知) it stands between the notice and what it transmits.
    sig_org = ""
    sig_date: DateInfo | None = None
    sig_lines: tuple[int, int] | None = None
    for i in range(body_start + 1, len(lines)):
        d = _is_date_line(lines[i])
        if d is None:
            continue
        if _SIGNER_RE.match(lines[i - 1]) and i - 1 >= body_start:
            # a decree signed by its head: the date is the signature's, the issuer the decree's
            sig_date = DateInfo(d.iso, d.year, "signature")
            sig_lines = (i - 1, i + 1)
            break
        if not _is_org_line(lines[i - 1]):
            continue
        j = i - 1
        while j - 1 >= body_start and i - j < 12 and _is_org_line(lines[j - 1]):
            j -= 1
        sig_org = " ".join(lines[j:i])
        sig_date = DateInfo(d.iso, d.year, "signature")
        sig_lines = (j, i + 1)
        break
    if sig_lines is None:
        # a date line closing the page, with or without a signing body above it
        for i in range(len(lines) - 1, max(body_start, len(lines) - 6) - 1, -1):
            d = _is_date_line(lines[i])
            if d is not None:
                sig_date = DateInfo(d.iso, d.year, "signature")
                sig_lines = (i, i + 1)
                if i - 1 >= body_start and len(lines[i - 1]) <= 40 and not re.search("[。,，;；:：]", lines[i - 1]):
                    sig_org = lines[i - 1]
                    sig_lines = (i - 1, i + 1)
                break
    if sig_lines is not None and sig_lines[1] >= len(lines) - 3:
        # the signature closes the document: what follows is page trailer
        body_lines = lines[body_start:sig_lines[0]]
        removed.extend(lines[sig_lines[0]:])
    elif sig_lines is not None:
        # the signature of a transmittal notice: the attachment follows
        body_lines = lines[body_start:sig_lines[0]] + lines[sig_lines[1]:]
        removed.extend(lines[sig_lines[0]:sig_lines[1]])
    else:
        body_lines = lines[body_start:]
    body = "\n".join(body_lines)
    if not body.strip():
        raise CorpusError(source, "no body text found below the title")

    # Issuer: signature, then a decree's issuer, then title prefix, then "X印发《title》" in the page,
    # then 解读机关, then page metadata.
    issuer = sig_org or decree_issuer
    if not issuer:
        issuer, _ = split_issuer_title(title.strip("《》"))
        if is_interpretation and interp.get("机关"):
            issuer = interp["机关"]
    if not issuer:
        issuer = _issuer_from_announcement(text, title)
    if not issuer and is_interpretation:
        issuer = interp.get("机关") or interp.get("单位") or interp.get("部门", "")
    for key in ("发文机关", "发布机构"):
        if not issuer and meta.get(key):
            issuer = meta[key]

    # Date: signature, then the page's 成文日期 (date of signing), then a page
    # header date, then other page metadata, then the doc number's year, then
    # cited documents (lower bound).
    date = sig_date
    if date is None:
        ds = find_dates(meta.get("成文日期", ""))
        if ds:
            date = DateInfo(ds[0].iso, ds[0].year, "page metadata (成文日期)")
    if date is None:
        for ln in raw_lines[:6]:
            if ln != headline or len(raw_lines) < 3:
                ds = find_dates(ln)
                if ds and ("|" in ln or re.search(r"发布|时间|日期|官网|网站|来源", ln)):
                    date = DateInfo(ds[0].iso, ds[0].year, "page header")
                    break
    if date is None:
        for key in ("发布日期", "发布时间"):
            ds = find_dates(meta.get(key, ""))
            if ds:
                date = DateInfo(ds[0].iso, ds[0].year, f"page metadata ({key})")
                break
    if date is None and doc_number:
        y = int(re.search(r"〔(\d{4})〕", doc_number).group(1))
        date = DateInfo(str(y), y, "doc_number")
    if date is None:
        date = _cited_lower_bound(body)

    doc = ParsedDoc(title=title, text=body, source=source, issuer=issuer, doc_number=doc_number, date=date)
    doc.genre = "解读" if is_interpretation else genre_of(title)
    doc.is_excerpt, doc.excerpt_reason = (False, "") if is_interpretation else detect_excerpt(body)
    # the salutation lists every addressee (各省、自治区…新疆生产建设兵团): no hint
    hint_text = "\n".join(ln for ln in body_lines[:40] if not (len(ln) <= 200 and _SALUTATION_RE.search(ln)))
    doc.level, doc.region, doc.level_evidence = classify_level(issuer, title.strip("《》"), hints=(sig_org, hint_text[:2000]))
    return doc, removed


def _index_after_substantive(lines: list[str], n: int) -> int:
    """Index just past the ``n``-th line longer than 6 characters (menu items are shorter)."""
    seen = 0
    for i, ln in enumerate(lines):
        if len(ln) > 6:
            seen += 1
            if seen == n:
                return i + 1
    return len(lines)


def _issuer_from_announcement(text: str, title: str) -> str:
    """"日前,河北省人民政府办公厅印发《关于…》" -> the longest such issuer for this title."""
    t = title.strip("《》")
    best = ""
    for m in re.finditer(rf"([{CJK}]{{2,30}}?)(?:印发|发布|出台)(?:了)?《{re.escape(t)}》", text):
        cand = _trim_to_org(m.group(1))
        if len(cand) > len(best) and re.search(r"(厅|府|委|部|局|办|室|组)$", cand):
            best = cand
    return best


def _trim_to_org(s: str) -> str:
    """Drop leading words before an organisation name: "根据河北省政府办公厅" -> "河北省政府办公厅"."""
    for i in range(len(s)):
        rest = s[i:]
        if leading_place(rest) is not None or re.match(r"(中共中央|国务院|国家|中央)", rest):
            return rest
    return leading_orgs(s) or s


def _cited_lower_bound(body: str) -> DateInfo | None:
    """Latest year among the documents a text cites: a lower bound for its own date."""
    years = [int(re.search(r"〔(\d{4})〕", n).group(1)) for _p, n in find_doc_numbers(body)]
    years += [int(y) for y in re.findall(r"[(（]((?:19|20)\d{2})[—\-–~至]", body)]
    years = [y for y in years if 1990 <= y <= 2100]
    if not years:
        return None
    y = max(years)
    return DateInfo("", y, "cited documents (lower bound)")


# ---------------------------------------------------------------------------- compilations

_CN = "一二三四五六七八九十"
_TOC_ITEM_RE = re.compile(rf"\(([{_CN}]{{1,3}})\)(.+?)\.?(\d{{1,3}})(?=\([{_CN}]{{1,3}}\)|[{_CN}]{{1,3}}、|$)")
_TOC_SECTION_RE = re.compile(rf"([{_CN}]{{1,3}})、([^.()]{{2,30}}?)\.?(\d{{1,3}})(?=\(|[{_CN}]{{1,3}}、|$)")


@dataclass
class TocEntry:
    section_no: str
    section: str
    no: str
    heading: str  # title plus its parenthetical meta, as printed in the TOC


def _parse_toc(text: str) -> list[TocEntry]:
    """Entries of a compilation's table of contents (目录), or [] if there is none."""
    m = re.search(r"目\s*录", text[:5000])
    if not m:
        return []
    start = m.end()
    region = text[start : start + 8000]
    # Roman page numbers of the front matter (I, II, III) get glued into entries.
    region = re.sub(rf"(?<=[{CJK}\d)])[IVX]{{1,4}}(?=[{CJK}\d(])", "", region)
    region = re.sub(r"^[IVX]{1,4}", "", region)
    entries: list[TocEntry] = []
    # Walk sections in order; items are the "(n)" entries between them.
    sections = list(_TOC_SECTION_RE.finditer(region))
    if not sections:
        return []
    first_title = sections[0].group(2)
    # The TOC ends where the body repeats the first section title.
    end = region.find(first_title, sections[-1].end())
    if end == -1:
        end = len(region)
    sections = [s for s in sections if s.start() < end]
    for si, sm in enumerate(sections):
        seg_end = sections[si + 1].start() if si + 1 < len(sections) else end
        seg = region[sm.end() : seg_end]
        for im in _TOC_ITEM_RE.finditer(seg):
            entries.append(TocEntry(sm.group(1), sm.group(2), im.group(1), im.group(2).strip()))
    return entries if len(entries) >= 2 else []


def _nospace(s: str) -> str:
    return re.sub(r"\s", "", s)


def _find_heading(body: str, entry: TocEntry, start: int) -> tuple[int, int] | None:
    """Locate an entry's heading in the body at or after ``start``; return (start, end)."""
    title_key = _nospace(entry.heading)[:12]
    marker = f"({entry.no})"
    pos = start
    while True:
        i = body.find(marker, pos)
        if i == -1:
            return None
        after = _nospace(body[i + len(marker) : i + len(marker) + 40])
        if after.startswith(title_key):
            break
        pos = i + 1
    # Walk the printed heading against the TOC text, ignoring spaces, to find its end.
    target = _nospace(entry.heading)
    j = i + len(marker)
    k = 0
    while j < len(body) and k < len(target):
        if body[j] == " ":
            j += 1
            continue
        if body[j] != target[k]:
            break
        j += 1
        k += 1
    if k < len(target):
        # Damaged heading: end at the first closing bracket after the title.
        close = body.find(")", i + len(marker) + len(title_key), i + len(marker) + len(target) + 25)
        j = close + 1 if close != -1 else i + len(marker) + len(target)
    return i, j


def _split_toc_heading(heading: str) -> tuple[str, str]:
    """"X的通知(国发202129号)" -> ("X的通知", "国发202129号"); "(2018-2022年)" stays in the title."""
    m = re.search(r"\(([^()]*)\)\s*$", heading)
    if m and re.search(r"号|月", m.group(1)):
        return heading[: m.start()].strip(), m.group(1)
    return heading.strip(), ""


def _parse_compilation(text: str, toc: list[TocEntry], source: str) -> list[ParsedDoc]:
    # Body starts where the first section title appears again after the TOC.
    first_section = f"{toc[0].section_no}、{toc[0].section}"
    toc_pos = text.find(first_section)
    body_start = text.find(first_section, toc_pos + len(first_section))
    if body_start == -1:
        raise CorpusError(source, "compilation: table of contents found but its sections are not in the body")
    heads = []
    pos = body_start
    for e in toc:
        span = _find_heading(text, e, pos)
        if span is None:
            raise CorpusError(source, f"compilation: heading ({e.no}){e.heading[:20]}… of the contents is not in the body")
        heads.append(span)
        pos = span[1]
    # The policy table (if any) ends the last document.
    table = _TABLE_HEADER_RE.search(text, pos)
    section_titles = {f"{e.section_no}、{e.section}" for e in toc}
    docs = []
    for n, (e, (hs, he)) in enumerate(zip(toc, heads)):
        end = heads[n + 1][0] if n + 1 < len(heads) else (table.start() if table else len(text))
        body = text[he:end].strip()
        # Drop a following section title and the table's section title.
        changed = True
        while changed:
            changed = False
            for st in sorted(section_titles, key=len, reverse=True):
                if body.endswith(st):
                    body = body[: -len(st)].rstrip()
                    changed = True
            m = re.search(rf"[{_CN}]{{1,3}}、[^。,]{{2,20}}清单$", body)
            if m:
                body = body[: m.start()].rstrip()
                changed = True
        body = body.lstrip(".。 ")
        # 版记 (distribution and print note) closing a 公文: not part of the policy text.
        body = re.sub(r"(\(此件[^()]{0,10}\))?抄送[:：][^\n]{0,400}?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日印发$", "", body).rstrip()
        body = split_run_on(body)
        printed = text[hs:he]
        title, toc_meta = _split_toc_heading(e.heading)
        title = re.sub(r"\s+", " ", title)
        doc_number = ""
        for cand in (printed, toc_meta):
            nums = find_doc_numbers(cand)
            if nums:
                doc_number = nums[-1][1]
                break
        issuer, _ = split_issuer_title(title)
        date = signature_date(body)
        if date is None:
            for cand in (printed, toc_meta):
                ds = [d for d in find_dates(cand)]
                if ds:
                    date = DateInfo(ds[0].iso, ds[0].year, "heading")
                    break
        if date is None and doc_number:
            y = int(re.search(r"〔(\d{4})〕", doc_number).group(1))
            date = DateInfo(str(y), y, "doc_number")
        if date is None:
            m = re.search(r"\(((?:19|20)\d{2})[-—–~至]((?:19|20)\d{2})年?\)", title)
            if m:
                y = int(m.group(1))
                date = DateInfo(str(y), y, "plan period start (title)")
        if date is None:
            date = _cited_lower_bound(body)
        d = ParsedDoc(title=title, text=body, source=f"{source}#{n + 1}", issuer=issuer,
                      doc_number=doc_number, date=date, section=f"{e.section_no}、{e.section}")
        d.genre = genre_of(title)
        d.is_excerpt, d.excerpt_reason = detect_excerpt(body)
        sig = re.findall(rf"[(（]([{CJK}]{{2,20}}?)代章[)）]", body)
        d.level, d.region, d.level_evidence = classify_level(issuer, title, hints=(e.section, *sig, body[:1500]))
        docs.append(d)
    return docs


# ---------------------------------------------------------------------------- run-on text -> paragraphs

_BREAK_RES = [
    # part / chapter / section headings
    re.compile(r"(?<=[^\n])(?=第[一二三四五六七八九十百]{1,3}[篇章节](?![的中]))"),
    # 一、 after sentence end or bracket
    re.compile(rf"(?<=[。;；:：)）])(?=[{_CN}]{{1,3}}、)"),
    # (一) after sentence end, bracket or a heading
    re.compile(rf"(?<=[。;；:：)）])(?=[(（][{_CN}]{{1,3}}[)）])"),
    # 1. / 1、 list items after sentence end
    re.compile(r"(?<=[。;；])(?=\d{1,2}[.、．](?!\d))"),
]


def split_run_on(text: str, max_chars: int = 600) -> str:
    """Insert paragraph breaks into run-on text (PDF extractions lose them).

    Breaks go before heading markers that follow the end of a sentence:
    第X篇/章/节, 一、, (一), 1. / 1、.  A short top-level heading with no full stop
    ("一、总体要求(一)指导思想。") is split from the sub-heading glued to it.
    Paragraphs still longer than ``max_chars`` are cut at sentence ends.
    Text that already has line breaks every few hundred characters is returned
    unchanged.
    """
    if not text or text.count("\n") >= len(text) / 400:
        return text
    for rx in _BREAK_RES:
        text = rx.sub("\n", text)
    # "一、总体要求(一)指导思想" : heading glued to its first sub-heading
    text = re.sub(rf"(^|\n)([{_CN}]{{1,3}}、[^。\n(（]{{2,40}}?)(?=[(（][{_CN}]{{1,3}}[)）])", r"\1\2\n", text)
    text = re.sub(r"\n{2,}", "\n", text).strip()
    return "\n".join(chunk for line in text.split("\n") for chunk in _split_long(line, max_chars))


def _split_long(paragraph: str, max_chars: int) -> list[str]:
    """Cut a paragraph longer than ``max_chars`` at sentence ends into chunks of at most about that size.

    Pages that lost both line breaks and inner headings would otherwise give
    one 2,000-character "paragraph", too coarse a unit for topic models.
    """
    if len(paragraph) <= max_chars:
        return [paragraph]
    chunks: list[str] = []
    current = ""
    for sentence in re.split(r"(?<=[。；;！？!?])", paragraph):
        if current and len(current) + len(sentence) > max_chars:
            chunks.append(current)
            current = sentence
        else:
            current += sentence
    if current:
        chunks.append(current)
    return chunks


_MARKERS = [
    ("part", re.compile(r"^第([一二三四五六七八九十百]{1,3})[篇章]")),
    ("section", re.compile(r"^第([一二三四五六七八九十百]{1,3})节")),
    ("top", re.compile(rf"^([{_CN}]{{1,3}})、")),
    ("sub", re.compile(rf"^[(（]([{_CN}]{{1,3}})[)）]")),
    ("item", re.compile(r"^(\d{1,2})[.、．](?!\d)")),
]


def split_paragraphs(doc_id: str, text: str) -> list[dict]:
    """Paragraph rows for one document: doc_id, para_id, section, text, n_chars, is_heading.

    ``section`` is the heading path the paragraph sits under, written with the
    markers of the text: "三、 > (二)" or "第五篇 > 第二节".  A paragraph that
    opens with a marker is under its own heading.  ``is_heading`` marks short
    heading-only lines (no full stop, at most 40 characters).
    """
    rows = []
    path: dict[str, str] = {}
    order = [name for name, _ in _MARKERS]
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        for name, rx in _MARKERS:
            m = rx.match(line)
            if m:
                path[name] = m.group(0)
                for lower in order[order.index(name) + 1 :]:
                    path.pop(lower, None)
                break
        section = " > ".join(path[n] for n in order if n in path)
        rows.append(
            {
                "doc_id": doc_id,
                "para_id": len(rows),
                "section": section,
                "text": line,
                "n_chars": len(line),
                "is_heading": len(line) <= 40 and "。" not in line,
            }
        )
    return rows


# ---------------------------------------------------------------------------- policy list table

_TABLE_HEADER_RE = re.compile(r"(?:[一二三四五六七八九十]{1,3}、[^。\n]{0,20}清单)?序号\s*发文(部门|机关|单位)\s*文件名称\s*文号\s*(年份|年度|时间)")
_TABLE_HEADER_BARE = re.compile(r"序号\s*发文(?:部门|机关|单位)\s*文件名称\s*文号\s*(?:年份|年度|时间)")


def _parse_policy_table(text: str, source: str) -> list[dict]:
    m = _TABLE_HEADER_RE.search(text)
    if not m:
        return []
    region = text[m.end() :]
    # Page breaks repeat the header, with the page number glued after a year.
    region = re.sub(r"((?:19|20)\d{2})\d{1,3}(?=" + _TABLE_HEADER_BARE.pattern + ")", r"\1", region)
    region = _TABLE_HEADER_BARE.sub("", region)
    region = region.replace("\n", "")
    rows = []
    n = 1
    pos = 0
    if not region.startswith("1"):
        return []
    starts = [0]
    while True:
        nxt = str(n + 1)
        mm = re.compile(rf"(?:19|20)\d{{2}}(?={nxt}[{CJK}])").search(region, starts[-1] + len(str(n)) + 4)
        if not mm:
            break
        starts.append(mm.end())
        n += 1
    starts.append(len(region))
    for i in range(len(starts) - 1):
        chunk = region[starts[i] : starts[i + 1]]
        no = str(i + 1)
        body = chunk[len(no) :]
        ym = re.search(r"((?:19|20)\d{2})$", body)
        year = int(ym.group(1)) if ym else None
        if ym:
            body = body[: ym.start()]
        doc_number = ""
        dm = re.search(r"/\s*$", body)
        if dm:
            body = body[: dm.start()]
        else:
            nums = find_doc_numbers(body)
            if nums:
                p, doc_number = nums[-1]
                body = body[:p]
        body = body.strip()
        if "关于" in body:
            k = body.index("关于")
            issuer, title = body[:k].strip(), body[k:].strip()
        else:
            issuer = leading_orgs(body)
            rest = body
            for name in issuer.split(" "):
                rest = rest.strip()
                if rest.startswith(name):
                    rest = rest[len(name) :]
            title = rest.strip()
        rows.append({"no": i + 1, "issuer": re.sub(r"\s+", " ", issuer), "title": re.sub(r"\s+", " ", title),
                     "doc_number": doc_number, "year": year, "source": source})
    return rows


# ============================================================================ public loaders


def _iter_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"corpus path does not exist: {path}")
    return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))


def _parse_folder(path: str | os.PathLike | None):
    folder = Path(path) if path is not None else default_seed_dir()
    parsed: list[ParsedDoc] = []
    skipped: list[dict] = []
    texts: dict[str, str] = {}
    files = _iter_files(folder)
    show = len(files) > 200
    iterator = files
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="parsing files", unit="file")
    for f in iterator:
        if f.name in ("metadata.csv", "README.md") or f.suffix.lower() not in SUFFIXES:
            if f.name not in ("metadata.csv", "README.md"):
                skipped.append({"file": f.name, "reason": f"not a supported file type ({f.suffix or 'no suffix'})"})
            continue
        try:
            raw, _enc = read_document_file(f)
            docs, _removed = parse_text(raw, f.name)
        except CorpusError as e:
            skipped.append({"file": f.name, "reason": e.reason})
            continue
        except Exception as e:  # one broken file never loses the rest
            skipped.append({"file": f.name, "reason": f"{type(e).__name__}: {e}"})
            continue
        texts[f.name] = raw
        for d in docs:
            if d.date is None:
                skipped.append({"file": d.source, "reason": f"no date found for '{d.title[:30]}'"})
                continue
            parsed.append(d)
    return folder, parsed, skipped, texts


def _slug(d: ParsedDoc, year: int) -> str:
    """Readable, stable id: year, level, region or issuer, and a short hash of the title."""
    who = d.region if d.region and d.region != "全国" else (d.issuer.split(" ")[0][:6] if d.issuer else "")
    who = re.sub(r"[^\w\u4e00-\u9fff]", "", who) or ("全国" if d.region == "全国" else "unknown")
    h = hashlib.sha1(d.title.encode("utf-8")).hexdigest()[:6]
    return f"{year}-{d.level or 'unknown'}-{who}-{h}"


_csv_cache: dict = {}


def load_corpus(path: str | os.PathLike | None = None, *, metadata: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load a folder of policy files into a DataFrame with one row per policy document.

    Parameters
    ----------
    path : folder (or single file) of ``.txt`` / ``.md`` / ``.html`` files;
        None means the bundled seeds.
    metadata : optional CSV overriding or adding fields, matched on ``doc_id``
        or ``source`` (quanteda-style docvars); by default ``metadata.csv``
        inside the folder is used if present.

    Returns
    -------
    DataFrame with the columns of :data:`DOCUMENT_COLUMNS` (``year`` is an
    int, ``n_chars`` counts characters of the clean simplified ``text``),
    sorted by date then doc_id.  ``attrs`` holds ``skipped`` (a list of
    {"file", "reason"} records: ``pd.DataFrame(corpus.attrs["skipped"])``), ``field_sources`` (field -> "text" or "metadata.csv"),
    ``policy_list`` rows and ``folder``.  Files that cannot be read are
    reported with a warning, never silently dropped, and never stop the rest.
    """
    folder, parsed, skipped, _texts = _parse_folder(path)
    rows = []
    for d in parsed:
        year = d.date.year
        rows.append(
            {
                "doc_id": _slug(d, year),
                "title": d.title,
                "short_title": short_title(d.title, d.issuer),
                "issuer": d.issuer,
                "level": d.level,
                "region": d.region,
                "doc_number": d.doc_number,
                "date": d.date.iso,
                "year": int(year),
                "genre": d.genre,
                "source": d.source,
                "is_excerpt": bool(d.is_excerpt),
                "text": d.text,
                "n_chars": len(d.text),
                "duplicate_of": "",
                "date_source": d.date.source,
                "script": d.script,
                "excerpt_reason": d.excerpt_reason,
                "level_evidence": d.level_evidence,
                "n_mojibake": d.n_mojibake,
            }
        )
    df = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    # Ids must be unique even for identical titles in the same year.
    dup = df.groupby("doc_id").cumcount()
    df.loc[dup > 0, "doc_id"] = df.loc[dup > 0, "doc_id"] + "-" + (dup[dup > 0] + 1).astype(str)
    field_sources = {c: "text" for c in DOCUMENT_COLUMNS}
    meta_path = Path(metadata) if metadata else (folder / "metadata.csv" if folder.is_dir() else None)
    if meta_path is not None and meta_path.exists():
        df, overridden = _apply_metadata_csv(df, meta_path)
        for c in overridden:
            field_sources[c] = f"text, overridden by {meta_path.name}" if c in field_sources else meta_path.name
    df = _flag_duplicates(df)
    df = df.sort_values(["year", "date", "doc_id"], kind="stable").reset_index(drop=True)
    skipped_df = pd.DataFrame(skipped, columns=["file", "reason"])
    if len(skipped_df):
        warnings.warn(
            f"load_corpus skipped {len(skipped_df)} file(s): "
            + "; ".join(f"{r.file} ({r.reason})" for r in skipped_df.itertuples()),
            stacklevel=2,
        )
    inferred = df[df.date_source.str.contains("lower bound|plan period", regex=True)]
    if len(inferred):
        warnings.warn(
            "no date printed for "
            + ", ".join(f"{r.doc_id} (year {r.year} from {r.date_source})" for r in inferred.itertuples()),
            stacklevel=2,
        )
    # Records, not a DataFrame: pandas compares attrs when it propagates them,
    # and a DataFrame there breaks ordinary operations such as s1 + s2.
    df.attrs["skipped"] = skipped_df.to_dict("records")
    df.attrs["field_sources"] = field_sources
    df.attrs["folder"] = str(folder)
    return df


def _apply_metadata_csv(df: pd.DataFrame, path: Path) -> tuple[pd.DataFrame, list[str]]:
    """Override or add fields from a researcher's CSV keyed on doc_id or source."""
    try:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except Exception as e:
        raise CorpusError(path, f"cannot read metadata CSV: {e}") from None
    key = "doc_id" if "doc_id" in meta.columns else "source" if "source" in meta.columns else None
    if key is None:
        raise CorpusError(path, "metadata CSV needs a 'doc_id' or 'source' column to match documents")
    unknown = set(meta[key]) - set(df[key])
    if unknown:
        warnings.warn(f"{path.name}: {len(unknown)} row(s) match no document: {sorted(unknown)[:5]}", stacklevel=3)
    df = df.copy()
    overridden = []
    idx = df.set_index(key).index
    for col in meta.columns:
        if col == key:
            continue
        values = meta.set_index(key)[col]
        values = values[values != ""]
        mask = idx.isin(values.index)
        if not mask.any():
            continue
        if col not in df.columns:
            df[col] = ""
        new = pd.Series(idx[mask]).map(values).values
        if col == "year":
            new = new.astype(int)
        elif col == "is_excerpt":
            new = pd.Series(new).str.lower().isin(["true", "1", "yes"]).values
        df.loc[mask, col] = new
        overridden.append(col)
    if "text" in overridden:
        df["n_chars"] = df["text"].str.len()
    # A date from the CSV replaces the one read from the text: the year follows
    # it (unless the CSV gives a year too) and date_source says where it came from.
    rows = meta.set_index(key)
    for col in ("date", "year"):
        if col in overridden and col in rows.columns:
            given = rows[col][rows[col] != ""]
            mask = idx.isin(given.index)
            df.loc[mask, "date_source"] = path.name
            if col == "date":
                years = pd.Series(idx[mask]).map(given).str.extract(r"^((?:19|20)\d{2})")[0]
                explicit = rows["year"][rows["year"] != ""] if "year" in rows else pd.Series(dtype=str)
                keep = ~pd.Series(idx[mask]).isin(explicit.index).values
                sel = df.index[mask][keep & years.notna().values]
                df.loc[sel, "year"] = years[keep & years.notna().values].astype(int).values
                if "year" not in overridden:
                    overridden.append("year")
    return df, overridden


def _title_key(title: str) -> str:
    """Title without issuer, quotes, brackets and spaces, for matching the same policy."""
    t = title
    if "关于" in t:
        t = t[t.index("关于") :]
    t = re.sub(r"^关于印发|的通知$|^关于", "", t)
    return re.sub(r"[\s“”\"《》〈〉()（）]", "", t)


def _flag_duplicates(df: pd.DataFrame, *, jaccard: float = 0.6) -> pd.DataFrame:
    """Set ``duplicate_of`` for later copies of the same policy.

    Two documents are the same policy when they share a 文号, or their titles
    match after dropping issuer and quotes, or their texts share at least
    ``jaccard`` of their sampled character 8-grams (a republished copy).
    A title match counts only within the same region and year, because many
    provinces issue policies with the same title.  The earliest copy (by date,
    then doc_id) is the original.  Candidate pairs
    come from an inverted index of sampled shingles, so cost stays near-linear.
    """
    if df.empty:
        return df
    df = df.copy()
    order = df.sort_values(["year", "date", "doc_id"]).index.tolist()
    rank = {i: r for r, i in enumerate(order)}
    parent: dict[int, int] = {}

    def union(a: int, b: int) -> None:
        first, later = sorted((a, b), key=lambda i: rank[i])
        root = parent.get(first, first)
        if later not in parent:
            parent[later] = root

    # A bare title ("关于加快推进新型智慧城市建设的指导意见") is shared by many
    # provinces' policies, so a title match also needs the same region and year.
    keys = {
        "doc_number": lambda i: df.at[i, "doc_number"],
        "title": lambda i: (f"{_title_key(df.at[i, 'title'])}|{df.at[i, 'region']}|{df.at[i, 'year']}"
                            if len(_title_key(df.at[i, "title"])) >= 4 else ""),
    }
    for keyf in keys.values():
        groups: dict[str, list[int]] = {}
        for i in df.index:
            k = keyf(i)
            if len(k) >= 4:
                groups.setdefault(k, []).append(i)
        for members in groups.values():
            for m in members[1:]:
                union(members[0], m)
    # Sampled 8-gram shingles: keep those whose hash is 0 mod 8.
    sh: dict[int, set[int]] = {}
    index: dict[int, list[int]] = {}
    for i, t in df["text"].items():
        s = re.sub(rf"[^{CJK}0-9A-Za-z]", "", t)
        # crc32, not hash(): str hashes are salted per process and the sample must be reproducible.
        hs = {h for h in (zlib.crc32(s[k : k + 8].encode("utf-8")) for k in range(max(0, len(s) - 7))) if h % 8 == 0}
        sh[i] = hs
        for h in hs:
            index.setdefault(h, []).append(i)
    counts: dict[tuple[int, int], int] = {}
    for members in index.values():
        if len(members) > 50:  # a formula many documents share says nothing about identity
            continue
        for a_i in range(len(members)):
            for b_i in range(a_i + 1, len(members)):
                pair = (members[a_i], members[b_i])
                counts[pair] = counts.get(pair, 0) + 1
    for (a, b), c in counts.items():
        denom = min(len(sh[a]), len(sh[b]))
        if denom and c / denom >= jaccard and max(len(sh[a]), len(sh[b])) <= 3 * denom:
            union(a, b)
    for later, root in parent.items():
        df.at[later, "duplicate_of"] = df.at[root, "doc_id"]
    return df


def load_paragraphs(corpus: pd.DataFrame | str | os.PathLike | None = None) -> pd.DataFrame:
    """Paragraph table: doc_id, para_id, section, text, n_chars, is_heading.

    ``corpus`` is a DataFrame from :func:`load_corpus` or a path for it.  One row
    per paragraph (a line of the clean text; run-on PDF text is split at its
    heading markers first).  ``section`` is the heading path such as "三、 > (二)".
    """
    if not isinstance(corpus, pd.DataFrame):
        corpus = load_corpus(corpus)
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        rows.extend(split_paragraphs(doc_id, text))
    return pd.DataFrame(rows, columns=["doc_id", "para_id", "section", "text", "n_chars", "is_heading"])


def load_policy_list(path: str | os.PathLike | None = None, *, corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """The tables of further policies appended to compilations (序号 发文部门 文件名称 文号 年份).

    Returns columns no, issuer, title, doc_number, year, source, duplicate_of:
    one row per listed policy; ``duplicate_of`` names the full-text document
    of the corpus that is the same policy (same 文号 or title), "" if none.
    Rows are split on their running numbers, which the PDF glues to the
    previous row's year ("…国办发202232号20237国务院…" is year 2023, row 7).
    """
    folder = Path(path) if path is not None else default_seed_dir()
    rows = []
    for f in _iter_files(folder):
        if f.suffix.lower() not in SUFFIXES or f.name == "README.md":
            continue
        try:
            raw, _ = read_document_file(f)
        except CorpusError:
            continue
        if not _TABLE_HEADER_BARE.search(C.to_simplified(C.normalize_width(raw))):
            continue
        rows.extend(_parse_policy_table(C.clean_text(raw), f.name))
    out = pd.DataFrame(rows, columns=["no", "issuer", "title", "doc_number", "year", "source"])
    out["year"] = out["year"].astype("Int64")
    if corpus is None:
        corpus = load_corpus(path) if rows else None
    out["duplicate_of"] = ""
    if corpus is not None and len(out):
        by_num = {n: i for n, i in zip(corpus.doc_number, corpus.doc_id) if n}
        by_title = {(_title_key(t), y): i for t, y, i in zip(corpus.title, corpus.year, corpus.doc_id)}
        # Listed policies carry a 文号 or a title + year; a bare title alone is too common to match on.
        out["duplicate_of"] = [
            (by_num.get(n) if n else None) or by_title.get((_title_key(t), y), "")
            for n, t, y in zip(out.doc_number, out.title, out.year)
        ]
        out["duplicate_of"] = out["duplicate_of"].fillna("")
    return out
