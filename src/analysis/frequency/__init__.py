"""Tidy term-frequency tables for a corpus of Chinese policy documents.

Every function takes a corpus DataFrame (one row per document, columns
``doc_id``, ``text`` and grouping columns such as ``year`` or ``level``; see
``docs/CONTRACT.md``) or the paragraphs table, and returns a plain long
DataFrame with one row per (group, term), (document, term), term, match or
term pair.  The units of the columns are documented in each function and
held in :data:`COLUMN_UNITS`; what produced a table (versions, dictionary
hashes, tokenizer settings) is :func:`analysis.segment.tokenizer_provenance`,
written next to the table as JSON.

Counting is done on sparse document-term matrices
(:func:`analysis.dtm.count_matrix` over cached token lists), never with
Python loops over documents x terms, so the functions scale to corpora of
many thousands of documents.

Modules
-------
counts        ``term_frequencies``, ``tfidf_top_terms``
keyness       ``keyness`` (G2, chi-squared, log ratio, group sizes, bootstrap intervals), ``top_keywords``
sampling      minimum group sizes, bootstrap intervals resampling documents
kwic          ``kwic`` (concordance on characters)
cooccurrence  ``cooccurrence`` (edge table per sentence, paragraph or document)
inputs        checks and segmentation shared by the above
"""

from __future__ import annotations

from .cooccurrence import COOCCURRENCE_UNITS, cooccurrence
from .counts import TERM_FREQUENCY_UNITS, TFIDF_UNITS, term_frequencies, tfidf_top_terms
from .keyness import G2_P01, KEYNESS_UNITS, keyness, top_keywords
from .kwic import KWIC_UNITS, kwic
from .sampling import MIN_GROUP_CHARS, MIN_GROUP_DOCS, N_BOOT, bootstrap_ratio, is_small_group

#: Units of the result columns, per function name.
COLUMN_UNITS: dict[str, dict[str, str]] = {
    "term_frequencies": TERM_FREQUENCY_UNITS,
    "tfidf_top_terms": TFIDF_UNITS,
    "keyness": KEYNESS_UNITS,
    "kwic": KWIC_UNITS,
    "cooccurrence": COOCCURRENCE_UNITS,
}

__all__ = [
    "COLUMN_UNITS",
    "G2_P01",
    "MIN_GROUP_CHARS",
    "MIN_GROUP_DOCS",
    "N_BOOT",
    "bootstrap_ratio",
    "cooccurrence",
    "is_small_group",
    "keyness",
    "kwic",
    "term_frequencies",
    "tfidf_top_terms",
    "top_keywords",
]
