"""Markup to text: HTML pages and Markdown files reduced to their visible words, one line per block."""

from __future__ import annotations

import re

__all__ = ["html_to_text", "markdown_to_text"]

_HTML_BLOCKS = (
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "thead",
    "tbody",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "form",
    "hr",
    "center",
    "caption",
    "figure",
    "figcaption",
    "address",
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
