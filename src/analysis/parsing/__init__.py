"""Parsing clean text into documents.

* :mod:`.text`          ``parse_text``: one file's text -> documents (page or compilation);
                        ``field_evidence``: where each field's value came from, as a table
* :mod:`.page_title`    title candidates of a page (rejections, wrapped titles)
* :mod:`.page`          ``parse_page``: a single policy scraped from a web page
* :mod:`.page_docnumber` its 文号 step (the document's own number, never a cited one)
* :mod:`.compilation`   ``parse_toc``, ``parse_compilation``: a 汇编 split at its table of contents
* :mod:`.policy_table`  ``parse_policy_table``: the list of further policies appended to a compilation
* :mod:`.paragraphs`    ``split_run_on``, ``split_paragraphs``
* :mod:`.document`      ``ParsedDoc``, the record every parser returns

Dates, 文号, issuers and levels are read with :mod:`analysis.metadata`.
"""

from .compilation import TocEntry, parse_compilation, parse_toc
from .document import ParsedDoc
from .page import parse_page
from .paragraphs import split_paragraphs, split_run_on
from .policy_table import has_policy_table, parse_policy_table
from .text import EVIDENCE_COLUMNS, field_evidence, parse_text

__all__ = [
    "EVIDENCE_COLUMNS",
    "ParsedDoc",
    "TocEntry",
    "field_evidence",
    "has_policy_table",
    "parse_compilation",
    "parse_page",
    "parse_policy_table",
    "parse_text",
    "parse_toc",
    "split_paragraphs",
    "split_run_on",
]
