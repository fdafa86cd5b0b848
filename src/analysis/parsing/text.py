"""One file's raw text into documents: a compilation when it has a table of contents, else a single page."""

from __future__ import annotations

import pandas as pd

from ..cleaning import clean_text, count_mojibake, detect_script
from ..io.errors import CorpusError
from .compilation import parse_compilation, parse_toc
from .document import ParsedDoc
from .page import parse_page

__all__ = ["EVIDENCE_COLUMNS", "field_evidence", "parse_text"]

#: Columns of :func:`field_evidence`.
EVIDENCE_COLUMNS = ["source", "field", "value", "evidence", "rule", "inferred"]


def parse_text(raw: str, source: str) -> tuple[list[ParsedDoc], list[str]]:
    """Parse the raw text of one file into documents.

    Returns (documents, removed_lines) where removed_lines lists the page
    furniture that was dropped (for inspection; empty for compilations).
    Raises CorpusError (with ``source`` as the file name) when no document can be found.
    """
    script = detect_script(raw)
    text = clean_text(raw, script=script)
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


def field_evidence(raw: str, source: str) -> pd.DataFrame:
    """Where each metadata field of the documents in one file's text came from.

    Returns one row per document and field with columns :data:`EVIDENCE_COLUMNS`:
    ``value`` as loaded, ``evidence`` the text it was read from, ``rule`` the rule that chose
    it, ``inferred`` True when the value is not printed as such (a year taken from the 文号
    or from cited documents).  The corpus layer adds its ``doc_id``.  Raises CorpusError as
    :func:`parse_text` does.
    """
    docs, _removed = parse_text(raw, source)
    rows = [
        {"source": d.source, "field": f, "value": v, "evidence": e, "rule": r, "inferred": "(inferred)" in r}
        for d in docs
        for f, (v, e, r) in d.evidence.items()
    ]
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
