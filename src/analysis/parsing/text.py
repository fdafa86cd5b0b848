"""One file's raw text into documents: a compilation when it has a table of contents, else a single page."""

from __future__ import annotations

from ..cleaning import clean_text, count_mojibake, detect_script
from ..io.errors import CorpusError
from .compilation import parse_compilation, parse_toc
from .document import ParsedDoc
from .page import parse_page

__all__ = ["parse_text"]


def parse_text(raw: str, source: str) -> tuple[list[ParsedDoc], list[str]]:
    """Parse the raw text of one file into documents.

    Returns (documents, removed_lines) where removed_lines lists the page
    furniture that was dropped (for inspection; empty for compilations).
    Raises CorpusError (with ``source`` as the file name) when no document can be found.
    """
    script = detect_script(raw)
    text = clean_text(raw)
    if not text.strip():
        raise CorpusError(source, "no text left after cleaning")
    toc = parse_toc(text)
    if toc:
        docs = parse_compilation(text, toc, source)
        removed: list[str] = []
    else:
        doc, removed = parse_page(text, source)
        docs = [doc]
    for d in docs:
        d.script = script
        d.n_mojibake = count_mojibake(d.text)
        if not d.text.strip():
            raise CorpusError(source, f"document '{d.title}' has no body text")
    return docs, removed
