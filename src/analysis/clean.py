"""Cleaning steps for scraped and PDF-extracted Chinese policy text.

Each step is a pure function ``str -> str`` that is idempotent (applying it twice
gives the same result as applying it once) and leaves clean simplified text
unchanged.  :func:`clean_text` chains them in the order that matters:

1. :func:`normalize_width`      full-width ASCII and odd spaces -> half-width
2. :func:`remove_chunk_markers` "\\n21、" markers a PDF-to-text service inserts
3. :func:`remove_page_numbers`  bare page numbers left inside sentences
4. :func:`undouble`             bold runs the PDF extractor printed twice
5. :func:`remove_ruby_pinyin`   pinyin printed after hard characters "关(guān)于"
6. :func:`to_simplified`        traditional -> simplified (OpenCC), only when the
                                text is actually written in traditional script
7. :func:`normalize_spaces`     letter-spaced names, spaces around digits

Steps 2-4 only fire on text that carries the damage they repair; they are safe
to run on any text.  Web-page boilerplate is handled per line by
:func:`is_boilerplate_line` and :func:`strip_page_furniture`, because it needs
the line structure that the PDF cleaners destroy.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "normalize_width",
    "remove_chunk_markers",
    "remove_page_numbers",
    "undouble",
    "to_simplified",
    "detect_script",
    "normalize_spaces",
    "clean_text",
    "is_boilerplate_line",
    "strip_page_furniture",
    "count_mojibake",
    "remove_ruby_pinyin",
    "damage_report",
    "is_pdf_extraction",
]

from .cleaning.constants import CJK
_CJK_RE = re.compile(f"[{CJK}]")
_CN_NUM = "一二三四五六七八九十百零〇"

# --------------------------------------------------------------------------- width


_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update(
    {
        0x3000: 0x20,  # ideographic space
        0x00A0: 0x20,  # no-break space, common in scraped HTML
        0x2002: 0x20,
        0x2003: 0x20,
        0x2009: 0x20,
        0x200B: None,  # zero-width space
        0x200C: None,
        0x200D: None,
        0xFEFF: None,  # stray BOM inside text
        0x00AD: None,  # soft hyphen
    }
)
# Keep the CJK punctuation that has no ASCII twin meaningful in Chinese text
# (、。《》“”〔〕【】) untouched: only the FF01-FF5E block and spaces are folded.


def normalize_width(text: str) -> str:
    """Fold full-width ASCII (，（１Ａ) to half-width and odd spaces to ' '.

    The seeds already use half-width ``,()::`` so folding makes a researcher's
    corpus (usually full-width) comparable with them.  Carriage returns become
    newlines; trailing spaces on each line are removed.
    """
    text = text.translate(_WIDTH_TABLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.rstrip(" \t")


# --------------------------------------------------------------------------- chunk markers

_MARKER_RE = re.compile(r"^(\d{1,4})、", re.M)
_SENTENCE_END = "。！？!?；;:：”」』)）》"


def _chunk_marker_lines(lines: list[str]) -> set[int]:
    """Indices of lines whose leading "N、" is a chunk marker, not a list item.

    A PDF-to-text service that cuts text into fixed-size chunks numbers them
    1、2、3、... at the start of each line.  Genuine list items ("1、实施...")
    are numbered the same way, so we demand what only chunking produces: a run
    of at least three consecutive numbers where most breaks fall mid-sentence.
    """
    numbered = []
    for i, line in enumerate(lines):
        m = _MARKER_RE.match(line)
        if m:
            numbered.append((i, int(m.group(1))))
    chosen: set[int] = set()
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 3:
            mid = sum(
                1
                for i in run
                if i > 0 and lines[i - 1] and lines[i - 1][-1] not in _SENTENCE_END
            )
            long_lines = sum(1 for i in run if len(lines[i]) >= 200)
            if mid >= 0.5 * (len(run) - 1) and long_lines >= 0.5 * len(run):
                chosen.update(run)

    prev_n = None
    prev_i = None
    for i, n in numbered:
        if run and prev_n is not None and n == prev_n + 1 and i == prev_i + 1:
            run.append(i)
        else:
            flush()
            run = [i]
        prev_n, prev_i = n, i
    flush()
    return chosen


def remove_chunk_markers(text: str) -> str:
    """Remove "\\nN、" chunk markers and re-join the text they split.

    Returns the text with each marked line glued to the previous one (chunk
    boundaries fall mid-word, so no separator is inserted).  Text without a run
    of chunk markers is returned unchanged.
    """
    lines = text.split("\n")
    marked = _chunk_marker_lines(lines)
    if not marked:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in marked:
            body = _MARKER_RE.sub("", line, count=1)
            if i == min(marked):
                out.append(body)  # first chunk starts a new line after the preamble
            else:
                out[-1] = out[-1] + body
        else:
            out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------- page numbers

# A number followed by one of these is a quantity, date or item, not a page.
_UNIT_AFTER = set("年月日号號个個项項%％万萬亿億元家条條次张張人岁歲座台套处處部批类類级級星期周天小时分秒倍米吨噸平公千百十、.．,，)）:：-—~/+")
_UNIT_BEFORE = set("第前近约約超达達至到共等和与與及或、:：(（-—~/+.．")


def _page_candidates(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of bare 1-3 digit numbers that could be page numbers."""
    cands = []
    for m in re.finditer(r"(?<![0-9A-Za-z.])\d{1,3}(?![0-9A-Za-z])", text):
        s, e = m.span()
        after = text[e] if e < len(text) else ""
        before = text[s - 1] if s > 0 else ""
        if after == " " and e + 1 < len(text):
            after = text[e + 1]
            if after.isdigit():
                continue  # "3 3 月": part of a spaced number, not a page
        if before == " " and s > 1:
            before = text[s - 2]
        if after in _UNIT_AFTER or before in _UNIT_BEFORE:
            continue
        cands.append((s, e, int(m.group())))
    return cands


def _fill_page_gaps(text: str, chain: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Add pages the strict filter missed ("多层9次", "、16社会化").

    Between two chain members with values a < b, a missing value v is accepted
    when exactly one bare number equal to v lies between them, in order, and it
    is not a date part (年/月/日/号).  The chain's order makes this safe where a
    context rule alone would not be.
    """
    loose = [
        (m.start(), m.end(), int(m.group()))
        for m in re.finditer(r"(?<![0-9A-Za-z.])\d{1,3}(?![0-9A-Za-z])", text)
        if text[m.end() : m.end() + 2].strip()[:1] not in set("年月日号號%％")
    ]
    out = list(chain)
    for (s0, e0, a), (s1, _e1, b) in zip(chain, chain[1:]):
        lo = e0
        for v in range(a + 1, b):
            hits = [c for c in loose if c[2] == v and lo <= c[0] and c[1] <= s1]
            if len(hits) != 1:
                break
            out.append(hits[0])
            lo = hits[0][1]
    return sorted(out)


def remove_page_numbers(text: str, *, min_chain: int = 5, min_gap: int = 60) -> str:
    """Delete page numbers that a PDF extraction left inside sentences.

    Page numbers are recognised as a chain: bare numbers (not followed by a unit
    such as 年/号/个/%) whose values increase by 1 (a page may be missing, so
    steps of 1-3 are allowed) while their positions move forward by at least
    ``min_gap`` characters.  Only the longest such chain is removed, and only if
    it has ``min_chain`` members or more, so ordinary numbers in clean text are
    never touched.  Returns the text without those numbers.
    """
    cands = _page_candidates(text)
    if len(cands) < min_chain:
        return text
    # Longest chain by dynamic programming over candidates indexed by value;
    # each candidate looks back only at values v-1..v-3, so cost is linear-ish.
    best: list[int] = [1] * len(cands)
    prev: list[int] = [-1] * len(cands)
    by_value: dict[int, list[int]] = {}
    for j, (s, _e, v) in enumerate(cands):
        for step in (1, 2, 3):
            for i in reversed(by_value.get(v - step, [])):
                if s - cands[i][1] >= min_gap and best[i] + 1 > best[j]:
                    best[j] = best[i] + 1
                    prev[j] = i
                    break
        by_value.setdefault(v, []).append(j)
    end = max(range(len(cands)), key=lambda j: (best[j], -j))
    if best[end] < min_chain:
        return text
    chain = []
    while end != -1:
        chain.append(cands[end])
        end = prev[end]
    chain = _fill_page_gaps(text, sorted(chain))
    out = text
    for s, e, _v in sorted(chain, reverse=True):
        # Drop one adjoining space too, so "管控 12 提升" does not keep a double gap.
        if e < len(out) and out[e] == " " and (s == 0 or out[s - 1] == " "):
            e += 1
        out = out[:s] + out[e:]
    return out


# --------------------------------------------------------------------------- doubled runs

_PUNCT_FREE = set(" 、,，.。:：;；()（）“”\"'《》〔〕【】[]-—")


def _is_marker(unit: str) -> bool:
    """A heading marker: "(二)", "三、", "(十五)"."""
    return bool(re.fullmatch(r"[(（]?[" + _CN_NUM + r"0-9]{1,3}[)）、]", unit.strip()))


def _is_strong(unit: str) -> bool:
    """A doubled unit that cannot plausibly be a genuine repeat on its own."""
    core = [c for c in unit if c not in _PUNCT_FREE]
    # "(二)(二)", "三、三、": a heading marker printed twice.
    return len(core) >= 3 or _is_marker(unit)


def _match_double(s: str, i: int, max_unit: int, after_unit: bool = False) -> tuple[int, int] | None:
    """If s[i:] starts with a doubled unit X X (or digits "X X"), return (len X, span).

    ``after_unit`` says a doubled unit ends right at ``i``; then a digit unit
    may follow digits ("2014201417701770" is "2014" twice, then "1770" twice).
    """
    n = len(s)
    if i >= n - 1:
        return None
    limit = min(max_unit, (n - i) // 2)
    # Candidate unit lengths are the offsets where s[i] recurs; str.find scans in C,
    # so the common case (no recurrence nearby) costs one call, not max_unit slices.
    ks = []
    j = s.find(s[i], i + 1, i + limit + 1)
    while j != -1:
        ks.append(j - i)
        if s[j - 1] == " " and j - i > 1:
            ks.append(j - i - 1)  # digits doubled around a space: "3 3"
        j = s.find(s[i], j + 1, i + limit + 2)
    for k in sorted(set(ks), reverse=True):
        if k > limit:
            continue
        a = s[i : i + k]
        if a[0] == " " or a[-1] == " ":
            continue
        if s[i + k : i + 2 * k] == a:
            # Never split a digit run: "2020" is not "20" twice unless the run
            # itself is exactly the doubled unit.
            if a[0].isdigit() and i > 0 and s[i - 1].isdigit() and not after_unit:
                continue
            if a[-1].isdigit() and i + 2 * k < n and s[i + 2 * k].isdigit() and not a.isdigit():
                continue
            if a.isdigit() and i + 2 * k < n and s[i + 2 * k].isdigit():
                # "2014201417701770": take "2014" now, "1770" next round.
                pass
            return k, 2 * k
        if (
            a.isdigit()
            and s[i + k : i + k + 1] == " "
            and s[i + k + 1 : i + 2 * k + 1] == a
            and not (i + 2 * k + 1 < n and s[i + 2 * k + 1].isdigit())
            and not (i > 0 and s[i - 1].isdigit() and not after_unit)
        ):
            return k, 2 * k + 1  # "3 3 月": digits doubled around a space
    return None


def _doubled_zones(s: str, max_unit: int, min_isolated: int) -> list[tuple[int, int, list[tuple[int, int, int]]]]:
    """Find zones of consecutive doubled units.

    Returns (zone_start, zone_end, units) with units as (start, unit_len, span).
    A zone is a run of doubled units separated only by punctuation/spaces and
    containing at least one strong unit; a zone made of a single unit must be
    at least ``min_isolated`` characters long (a bold phrase printed twice).
    """
    zones = []
    i, n = 0, len(s)
    while i < n:
        m = _match_double(s, i, max_unit)
        if not m or not _is_strong(s[i : i + m[0]]) and not _zone_can_start_weak(s, i, m, max_unit):
            i += 1
            continue
        start = i
        units = []
        j = i
        while j < n:
            m = _match_double(s, j, max_unit, after_unit=bool(units) and units[-1][0] + units[-1][2] == j)
            if m:
                units.append((j, m[0], m[1]))
                j += m[1]
                continue
            if s[j] in _PUNCT_FREE:
                # allow single punctuation between doubled units, but only if
                # another doubled unit follows soon
                k = j
                while k < n and s[k] in _PUNCT_FREE and k - j < 3:
                    k += 1
                if k < n and _match_double(s, k, max_unit):
                    j = k
                    continue
            break
        strong = [u for u in units if _is_strong(s[u[0] : u[0] + u[1]])]
        # trailing weak units belong to the zone only when it is a real zone
        if strong and (len(units) > 1 or units[0][1] >= min_isolated or _is_marker(s[units[0][0]: units[0][0] + units[0][1]])):
            zones.append((start, j, units))
            i = j
        else:
            i = start + 1
    return zones


def _zone_can_start_weak(s: str, i: int, m: tuple[int, int], max_unit: int) -> bool:
    """A weak unit ("国国", "年年") may open a zone if a strong unit follows,
    possibly after a few more weak units and punctuation ("国国发发20212021")."""
    j = i + m[1]
    for _ in range(4):
        k = j
        while k < len(s) and k - j < 3 and s[k] in _PUNCT_FREE:
            k += 1
        m2 = _match_double(s, k, max_unit, after_unit=(k == j))
        if not m2:
            return False
        if _is_strong(s[k : k + m2[0]]):
            return True
        j = k + m2[1]
    return False


def undouble(text: str, *, max_unit: int = 60, min_isolated: int = 4) -> str:
    """Collapse runs that a PDF extraction printed twice ("(二)(二)", "20162016 年").

    PDF extractors print bold text twice, span by span:
    "发改办高技发改办高技2016201624762476 号号" is "发改办高技2016 2476 号".
    Inside such a zone every unit is doubled, so even single characters
    ("号号", "年年") are collapsed.  Outside zones nothing changes, except an
    isolated doubled phrase of ``min_isolated`` or more characters (a bold
    lead phrase), which no Chinese sentence repeats back to back.  Genuine
    reduplication in body text ("人人", "研究研究", "2020") is left alone; a
    heading marker printed twice ("(二)(二)") is repaired even on its own.
    Returns the repaired text; applying it again changes nothing further.
    """
    if not text:
        return text
    out = []
    for line in text.split("\n"):
        prev = None
        # A doubled unit can itself contain a doubled unit ("XXXX"), so repeat
        # to a fixpoint; each round strictly shortens the line.
        while prev != line:
            prev = line
            line = _undouble_once(line, max_unit, min_isolated)
        out.append(line)
    return "\n".join(out)


_DOUBLED_CANDIDATE = re.compile(r"([^\n]{2,60}?)\1")


def _undouble_once(s: str, max_unit: int, min_isolated: int) -> str:
    # The zone scanner is pure Python; run it only in windows around spans that
    # the C regex engine finds doubled (every zone holds at least one unit of
    # two or more characters), so clean text costs one regex pass.
    margin = max_unit + 10
    windows: list[list[int]] = []
    for m in _DOUBLED_CANDIDATE.finditer(s):
        a, b = max(0, m.start() - margin), min(len(s), m.end() + margin)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    if not windows:
        return s
    zones = []
    for a, b in windows:
        for zs, ze, units in _doubled_zones(s[a:b], max_unit, min_isolated):
            zones.append((zs + a, ze + a, [(us + a, ul, sp) for us, ul, sp in units]))
    if not zones:
        return s
    pieces = []
    pos = 0
    for zs, ze, units in zones:
        pieces.append(s[pos:zs])
        cur = zs
        for us, ulen, span in units:
            pieces.append(s[cur:us])
            pieces.append(s[us : us + ulen])
            cur = us + span
        pieces.append(s[cur:ze])
        pos = ze
    pieces.append(s[pos:])
    return "".join(pieces)


# --------------------------------------------------------------------------- script


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def detect_script(text: str, *, sample: int = 20000, threshold: float = 0.02) -> str:
    """Return 'traditional' or 'simplified' (or 'none' for text without Han characters).

    A text is traditional when more than ``threshold`` of its Han characters
    change under OpenCC's t2s conversion.  Simplified text changes far less
    (a few characters such as 著 are shared), so a plain ratio is robust.
    """
    head = text[:sample]
    han = _CJK_RE.findall(head)
    if not han:
        return "none"
    conv = _converter("t2s").convert(head)
    changed = sum(1 for a, b in zip(head, conv) if a != b) if len(conv) == len(head) else abs(len(conv) - len(head))
    return "traditional" if changed / len(han) > threshold else "simplified"


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified with OpenCC (t2s), if the text is traditional.

    Simplified text is returned unchanged: running t2s on it would rewrite a few
    characters that are valid in simplified usage.
    """
    if detect_script(text) != "traditional":
        return text
    return _converter("t2s").convert(text)


# --------------------------------------------------------------------------- spaces

# Three or more single characters separated by single spaces: a letter-spaced
# name ("国 土 资 源 部").  PDFs glue such runs to neighbouring words, so no
# boundary is required; genuine text never spaces out single characters.
_LETTER_SPACED = re.compile(f"((?:[{CJK}] ){{2,}}[{CJK}])")


def normalize_spaces(text: str) -> str:
    """Remove layout spaces: letter-spaced names and spaces around digits in CJK text.

    "科 学 技 术 部" -> "科学技术部"; "2014 年 8 月" -> "2014年8月";
    "国发 2021 29号" keeps the one space that separates two numbers.
    Single spaces between multi-character words ("中共中央 国务院") are kept,
    as that is how joint issuers are printed.  Runs of spaces become one.
    """
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = _LETTER_SPACED.sub(lambda m: m.group(1).replace(" ", ""), text)
    text = re.sub(f"(?<=[{CJK}]) (?=[0-9A-Za-z%])", "", text)
    text = re.sub(f"(?<=[0-9A-Za-z%]) (?=[{CJK}])", "", text)
    text = re.sub(r"(?<=[“《(（、,，。:：]) | (?=[”》)）、,，。:：])", "", text)
    text = re.sub(r"^ +| +$", "", text, flags=re.M)
    return text


# --------------------------------------------------------------------------- ruby pinyin

_PINYIN_RE = re.compile(
    f"(?<=[{CJK}])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,7}})[)）]"
)
_TONED = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")


def remove_ruby_pinyin(text: str) -> str:
    """Remove pinyin that a page printed after hard characters: "关(guān)于" -> "关于".

    Only a lowercase syllable with a tone mark, in brackets right after a Han
    character, is removed, so "(NB-IoT)" or "(以下简称)" stay.
    """
    return _PINYIN_RE.sub(lambda m: "" if _TONED & set(m.group(1)) else m.group(0), text)


# --------------------------------------------------------------------------- PDF detection


def is_pdf_extraction(text: str) -> bool:
    """True if the text carries PDF-to-text damage (chunk markers or doubled headings)."""
    if _chunk_marker_lines(text.split("\n")):
        return True
    heads = re.findall(r"([(（][" + _CN_NUM + r"]{1,3}[)）])\1", text)
    return len(heads) >= 3


def clean_text(text: str, *, pdf: bool | None = None, simplify: bool = True) -> str:
    """Run every cleaning step; returns clean text (simplified when ``simplify``).

    ``pdf=None`` detects PDF damage with :func:`is_pdf_extraction`; the page
    number and de-doubling repairs run only on such text.  The result is a
    fixpoint: ``clean_text(clean_text(t)) == clean_text(t)``.
    """
    prev = None
    for _ in range(5):
        if text == prev:
            break
        prev = text
        text = normalize_width(text)
        text = remove_ruby_pinyin(text)
        is_pdf = is_pdf_extraction(text) if pdf is None else pdf
        if is_pdf:
            text = remove_chunk_markers(text)
            # De-double first: doubled headings ("3 3 月") would otherwise
            # look like page numbers to the chain finder.
            text = undouble(text)
            text = remove_page_numbers(text)
        if simplify:
            text = to_simplified(text)
        text = normalize_spaces(text)
    return text


# --------------------------------------------------------------------------- web boilerplate

#: Lines that end an article's page (editor note, share prompt, reading
#: suggestions); also used by the page parser to cut the trailer.
TRAILER_START_PATTERN = r"^[(（]?责编[:：]|^分享[:：]|分享让更多人看到|^推荐阅读"

_BOILERPLATE_PATTERNS = [
    r"^[•·●▪◆■□\-\*]\s*\S{0,8}$",  # navigation bullets: "• 官方微信", "• 手机版"
    r"扫描?二维码|扫一扫|关注我们|关注.{0,12}(微信|微博|公众号)|分享到|转发到|一键分享",
    r"copyright|©|版权所有|all rights reserved|icp[备證证]|[京津沪冀豫川陕鲁][bB]\d-|公网安备",
    r"^(责任)?编辑[:：]|^审核[:：]|^校对[:：]|^作者[:：]|^来源[:：]\S{0,20}$|^责任编辑",
    r"^(联系)?电话[:：]|^传真[:：]|^(电子)?邮箱[:：]|^e-?mail[:：]|^地址[:：]|^邮编[:：]",
    r"^https?://\S+$|^www\.\S+$",
    r"点击(下载|查看|排行)|^[【\[(（]?\s*(返回顶部|上一篇|下一篇|我要纠错)",
    # short only: 关闭 also starts sentences (关闭落后产能…)
    r"^[【\[(（]?\s*(打印|关闭|收藏)(?=.{0,24}$)|^.{0,30}(打印本页|关闭窗口|打印此页)\S{0,4}$|^【\s*字号",
    r"^(标签|相关阅读|相关链接|推荐|专题|更多|热点|评论|新浪微博评论)[:：]?$",
    r"已有\d+条(微评|评论)|还可以输入\s*\d+\s*个字",
    r"(阅读|浏览|访问|点击)次数|选择阅读字号|字号[:：]?\s*\[|【\s*(大|中|小)\s*】|【?\s*字体[:：]\s*大\s*中\s*小",
    r"^[•·]?\s*(索\s*引\s*号|公文种类|发布机构|发文机关|发文字号|成文日期|发布日期|文\s*号|有\s*效\s*性|主题分类|主\s*题\s*词|标\s*题)\s*[:：]",
    r"网站运营|技术支持[:：]|主办单位[:：]|承办单位[:：]|^主办[:：]|承办[:：]|协办[:：]|网站标识码|网站地图|免责声明|隐私(声明|政策)",
    r"^(关于我们|联系我们|版权声明|网站声明)\s*([|｜·]|$)",
    r"^\(?信息来源[:：].*\)?$",
    TRAILER_START_PATTERN,
    r"(\.\.\.|…)$",  # truncated teaser headlines in "related articles" lists
]
_BOILERPLATE_RE = [re.compile(p, re.I) for p in _BOILERPLATE_PATTERNS]


def is_boilerplate_line(line: str) -> bool:
    """True for a line of web-page furniture: navigation, share/QR prompts,
    copyright, editor and contact lines, download links, truncated teasers.

    Works on simplified or traditional text (patterns are matched on the
    simplified form).
    """
    s = line.strip()
    if not s:
        return False
    s = _converter("t2s").convert(s) if detect_script(s, threshold=0.0) == "traditional" else s
    return any(p.search(s) for p in _BOILERPLATE_RE)


def strip_page_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split page lines into (kept, removed) by :func:`is_boilerplate_line`,
    and drop lead paragraphs the page prints twice.

    A line is a duplicate if the same line (>= 8 characters) appeared before,
    or if it is a truncated prefix (>= 8 characters) of a later line among the
    first 15 lines, which is how scraped pages repeat their lead.  Returns the
    kept lines and the removed ones (for the loader's report).
    """
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    stripped = [ln.strip() for ln in lines]
    for idx, s in enumerate(stripped):
        if not s:
            continue
        if is_boilerplate_line(s):
            removed.append(s)
            continue
        if len(s) >= 8 and s in seen:
            removed.append(s)
            continue
        if len(s) >= 8 and idx < 15 and any(
            o != s and o.startswith(s) for o in stripped[idx + 1 : idx + 6]
        ):
            removed.append(s)
            continue
        seen.add(s)
        kept.append(s)
    return kept, removed


# --------------------------------------------------------------------------- damage report

_MOJIBAKE_RE = re.compile(f"(?<=[{CJK};；])\\?+|\\?+(?=[{CJK};；])")


def count_mojibake(text: str) -> int:
    """Number of '?' runs glued to Han characters: bytes lost when a page was
    decoded with the wrong codec upstream (e.g. "规?;渴?" for 规模化部署).
    They cannot be repaired, only counted and reported."""
    return len(_MOJIBAKE_RE.findall(text))


def damage_report(text: str) -> dict[str, int | str]:
    """What each cleaning step repairs in one raw text, in the order :func:`clean_text` runs them.

    Returns a dict: script, chunk_markers (count), page_numbers (count),
    doubled_chars (characters removed by de-doubling), pinyin (annotations
    removed), converted_chars (characters changed by t2s), mojibake (runs of
    lost characters, left in place), chars_before, chars_after.
    """
    t = normalize_width(text)
    n_pinyin = len([m for m in _PINYIN_RE.finditer(t) if _TONED & set(m.group(1))])
    t = remove_ruby_pinyin(t)
    pdf = is_pdf_extraction(t)
    n_chunks = len(_chunk_marker_lines(t.split("\n"))) if pdf else 0
    n_pages = doubled = 0
    if pdf:
        t = remove_chunk_markers(t)
        before = len(t)
        t = undouble(t)
        doubled = before - len(t)
        before_pages = re.findall(r"\d+", t)
        t2 = remove_page_numbers(t)
        n_pages = len(before_pages) - len(re.findall(r"\d+", t2))
        t = t2
    script = detect_script(t)
    converted = 0
    if script == "traditional":
        s = _converter("t2s").convert(t)
        converted = sum(1 for a, b in zip(t, s) if a != b)
    return {
        "script": script,
        "chunk_markers": n_chunks,
        "page_numbers": n_pages,
        "doubled_chars": doubled,
        "pinyin": n_pinyin,
        "converted_chars": converted,
        "mojibake": count_mojibake(t),
        "chars_before": len(text),
        "chars_after": len(clean_text(text)),
    }


def nfkc(text: str) -> str:
    """Unicode NFKC normalisation (exposed for researchers who want it)."""
    return unicodedata.normalize("NFKC", text)
