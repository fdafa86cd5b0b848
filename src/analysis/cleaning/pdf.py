"""Repairs for PDF-to-text damage: chunk markers and page numbers inside sentences."""

from __future__ import annotations

import itertools
import re

from ..chars import HEADING_NUMERALS

__all__ = ["chunk_marker_lines", "is_pdf_extraction", "remove_chunk_markers", "remove_page_numbers"]

# --------------------------------------------------------------------------- chunk markers

_MARKER_RE = re.compile(r"^(\d{1,4})、", re.M)
_SENTENCE_END = "。！？!?；;:：”」』)）》"


def chunk_marker_lines(lines: list[str]) -> set[int]:
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
            mid = sum(1 for i in run if i > 0 and lines[i - 1] and lines[i - 1][-1] not in _SENTENCE_END)
            long_lines = sum(1 for i in run if len(lines[i]) >= 200)
            if mid >= 0.5 * (len(run) - 1) and long_lines >= 0.5 * len(run):
                chosen.update(run)

    prev_n: int | None = None
    prev_i = -2
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
    # the run is read over the non-empty lines: a page saved with a blank line after every line
    # (HTML-to-text output) numbers the same chunks
    filled = [i for i, line in enumerate(lines) if line.strip()]
    marked = {filled[k] for k in chunk_marker_lines([lines[i] for i in filled])}
    if not marked:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in marked:
            body = _MARKER_RE.sub("", line, count=1)
            if i == min(marked):
                out.append(body)  # first chunk starts a new line after the preamble
            else:
                while not out[-1].strip():
                    out.pop()  # the blank lines between two chunks
                out[-1] = out[-1] + body
        else:
            out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------- page numbers

# A number followed by one of these is a quantity, date or item, not a page.
_UNIT_AFTER = set(
    "年月日号號个個项項%％万萬亿億元家条條次张張人岁歲座台套处處部批类類级級"
    "星期周天小时分秒倍米吨噸平公千百十、.．,，)）:：-—~/+"
)
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
    for (_s0, e0, a), (s1, _e1, b) in itertools.pairwise(chain):
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


# --------------------------------------------------------------------------- PDF detection


def is_pdf_extraction(text: str) -> bool:
    """True if the text carries PDF-to-text damage (chunk markers or doubled headings)."""
    if chunk_marker_lines([line for line in text.split("\n") if line.strip()]):
        return True
    heads = re.findall(r"([(（][" + HEADING_NUMERALS + r"]{1,3}[)）])\1", text)
    return len(heads) >= 3
