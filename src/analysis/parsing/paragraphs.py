"""Paragraphs: run-on PDF text split at its heading markers, and the paragraph rows of a document."""

from __future__ import annotations

import re

__all__ = ["CN_HEADING_NUMERALS", "split_paragraphs", "split_run_on"]

#: Numerals of heading markers such as "三、" and "(二)".
CN_HEADING_NUMERALS = "一二三四五六七八九十"
_CN = CN_HEADING_NUMERALS

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
    rows: list[dict] = []
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
