"""The one schema of every exported table (each column's type, unit and meaning), and the data dictionary made from it.

``TABLES`` maps a table name (as written, without the notebook prefix "02_") to its
columns.  :func:`data_dictionary` turns the tables actually written into the dictionary
(table, column, type, unit, meaning) that goes next to them as ``data_dictionary.csv`` and
into the workbook; a column the schema does not describe (one a ``metadata.csv`` added) is
listed too, with its pandas type and "not described" as meaning, never left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase

import pandas as pd

__all__ = ["DICTIONARY_COLUMNS", "NOT_DESCRIBED", "TABLES", "Column", "data_dictionary", "table_schema"]

#: Columns of :func:`data_dictionary`.
DICTIONARY_COLUMNS = ["table", "column", "type", "unit", "meaning"]
#: Meaning given to a column the schema does not describe.
NOT_DESCRIBED = "not described in analysis.io.schema (e.g. a column added by metadata.csv)"


@dataclass(frozen=True)
class Column:
    """One column: type (text, integer, number, boolean), unit ("" when none) and meaning."""

    type: str
    unit: str
    meaning: str


def _c(type_: str, unit: str, meaning: str) -> Column:
    return Column(type_, unit, meaning)


TEXT, INT, NUM, BOOL = "text", "integer", "number", "boolean"
DOC_ID = _c(TEXT, "", "document id (doc_id of the documents table)")
YEAR = _c(INT, "year", "year of the document(s); empty when undated")
LEVEL = _c(TEXT, "", "level of government: central, ministry, provincial, prefecture or county")
TERM = _c(TEXT, "", "term (a token of the tokenizer)")

#: The corpus tables (``python -m analysis corpus`` and notebook 01).
CORPUS_TABLES: dict[str, dict[str, Column]] = {
    "documents": {
        "doc_id": _c(TEXT, "", "stable readable id: year-level-region or issuer-hash of the title"),
        "title": _c(TEXT, "", "title as printed (simplified characters)"),
        "short_title": _c(TEXT, "", "title without issuer and transmittal wrapper, for labels"),
        "issuer": _c(TEXT, "", "issuing body; empty when the text prints none"),
        "level": LEVEL,
        "region": _c(TEXT, "", "province-level region (河北, 北京 ...) or 全国"),
        "doc_number": _c(TEXT, "", "文号, e.g. 发改高技〔2014〕1770号; empty when none is printed"),
        "date": _c(
            TEXT, "ISO 8601 date", "date as precise as printed: 2014-08-27, 2021-03 or 2021; empty when undated"
        ),
        "year": YEAR,
        "genre": _c(TEXT, "", "document genre: 意见, 规划, 通知, 方案, 解读, 纲要 ..."),
        "source": _c(
            TEXT,
            "",
            "file path relative to the corpus folder; '#n' = n-th document of a compilation; "
            "'#page=N' = page the document starts on (PDF, OFD)",
        ),
        "is_excerpt": _c(BOOL, "", "the text is an excerpt of the policy, not its full text"),
        "text": _c(TEXT, "", "clean body text in simplified characters"),
        "n_chars": _c(INT, "characters", "length of text"),
        "duplicate_of": _c(TEXT, "", "doc_id of the canonical copy of the same policy; empty when none"),
        "date_source": _c(
            TEXT, "", "where the date was read (signature, metadata line, 文号 ...); 'none' when undated"
        ),
        "script": _c(TEXT, "", "script of the text as read: simplified or traditional"),
        "excerpt_reason": _c(TEXT, "", "why the text counts as an excerpt; empty when it does not"),
        "level_evidence": _c(TEXT, "", "the words level and region were read from"),
        "n_mojibake": _c(INT, "characters", "characters that look mis-decoded (mojibake) in text"),
    },
    "paragraphs": {
        "doc_id": DOC_ID,
        "para_id": _c(INT, "", "paragraph number within the document, from 0"),
        "section": _c(TEXT, "", "heading path of the paragraph, e.g. 三、 > (二)"),
        "text": _c(TEXT, "", "paragraph text"),
        "n_chars": _c(INT, "characters", "length of text"),
        "is_heading": _c(BOOL, "", "the paragraph is a short heading-only line"),
    },
    "policy_list": {
        "no": _c(INT, "", "number (序号) in the appended table of further policies"),
        "issuer": _c(TEXT, "", "issuing body (发文部门) as listed"),
        "title": _c(TEXT, "", "title (文件名称) as listed"),
        "doc_number": _c(TEXT, "", "文号 as listed; empty when none"),
        "year": _c(INT, "year", "year (年份) as listed; empty when none"),
        "source": _c(TEXT, "", "file the table was read from, relative to the corpus folder"),
        "duplicate_of": _c(TEXT, "", "doc_id of the full-text document that is this policy; empty when none"),
    },
    "skipped": {
        "file": _c(TEXT, "", "file, folder, compilation entry or page that gave no document"),
        "reason": _c(TEXT, "", "why it gave no document"),
    },
    "audit_files": {
        "file": _c(TEXT, "", "file, relative to the corpus folder"),
        "chars_read": _c(
            INT, "characters", "characters read (after decoding, HTML reduction or PDF/OFD/Word text extraction)"
        ),
        "chars_clean": _c(INT, "characters", "characters after character cleaning"),
        "chars_kept": _c(INT, "characters", "characters kept in the documents' text"),
        "n_documents": _c(INT, "documents", "documents the file gave"),
        "n_removed": _c(INT, "lines", "lines removed (see audit_removed)"),
        "body_chars": _c(INT, "characters", "characters between the document's first sentence and its signature"),
        "body_removed": _c(INT, "characters", "body characters removed by furniture and trailer rules"),
        "body_lost_share": _c(NUM, "proportion (0-1)", "body_removed / body_chars"),
        "error": _c(TEXT, "", "why the file gave no document; empty when it gave some"),
    },
    "audit_removed": {
        "file": _c(TEXT, "", "file, relative to the corpus folder"),
        "line": _c(
            INT, "", "index of the line among the file's non-empty clean lines, from 0; -1 for PDF/OFD page furniture"
        ),
        "rule": _c(TEXT, "", "the rule that removed the line"),
        "n_chars": _c(INT, "characters", "length of the removed line"),
        "text": _c(TEXT, "", "the removed line"),
    },
    "data_dictionary": {
        "table": _c(TEXT, "", "table (CSV file or workbook sheet) the column belongs to"),
        "column": _c(TEXT, "", "column name"),
        "type": _c(TEXT, "", "text, integer, number or boolean"),
        "unit": _c(TEXT, "", "unit of the values; empty when none"),
        "meaning": _c(TEXT, "", "what the column holds"),
    },
}

#: Every described table: the corpus tables and the tables the notebooks write (see :mod:`.schema_report`).
TABLES: dict[str, dict[str, Column]] = dict(CORPUS_TABLES)


def table_schema(name: str) -> dict[str, Column]:
    """The columns of table ``name`` (a prefix like "02_" ignored; patterns like "keyness_*" match); {} if unknown."""
    key = re.sub(r"^\d\d_", "", name)
    if key in TABLES:
        return TABLES[key]
    return next((cols for pattern, cols in TABLES.items() if fnmatchcase(key, pattern)), {})


def _type_of(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return BOOL
    if pd.api.types.is_integer_dtype(series):
        return INT
    if pd.api.types.is_numeric_dtype(series):
        return NUM
    return TEXT


def data_dictionary(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The data dictionary of ``tables`` (name -> table): one row per table and column, in column order.

    Returns columns :data:`DICTIONARY_COLUMNS`.  Type, unit and meaning come from
    :data:`TABLES`; a column it does not describe gets its pandas type and
    :data:`NOT_DESCRIBED` (a column pattern "*" describes the columns of a wide table).
    """
    rows = []
    for name, table in tables.items():
        schema = table_schema(name)
        for col in table.columns:
            c = schema.get(str(col)) or schema.get("*")
            if c is None:
                rows.append([name, str(col), _type_of(table[col]), "", NOT_DESCRIBED])
            else:
                rows.append([name, str(col), c.type, c.unit, c.meaning])
    return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)
