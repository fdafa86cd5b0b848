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

__all__ = [
    "CORPUS_TABLES",
    "DICTIONARY_COLUMNS",
    "NOT_DESCRIBED",
    "REPORT_TABLES",
    "TABLES",
    "Column",
    "data_dictionary",
    "table_schema",
]

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

_KEYNESS = {
    "term": TERM,
    "count_target": _c(INT, "occurrences", "occurrences in the target documents"),
    "count_reference": _c(INT, "occurrences", "occurrences in the reference documents"),
    "rate_target": _c(NUM, "occurrences per 10,000 tokens of the target documents", "relative frequency in the target"),
    "rate_reference": _c(
        NUM, "occurrences per 10,000 tokens of the reference documents", "relative frequency in the reference"
    ),
    "g2": _c(NUM, "log-likelihood G2 (Rayson form), signed by direction", "keyness: positive = key in the target"),
    "chi2": _c(NUM, "Pearson chi-squared, 2x2, no Yates correction unless yates=True", "chi-squared of the 2x2 table"),
    "p_value": _c(NUM, "probability (0-1)", "p of |G2| under chi-squared with 1 df (not corrected for many terms)"),
    "log_ratio": _c(NUM, "binary log of the ratio of relative frequencies", "effect size (Hardie 2014)"),
    "direction": _c(TEXT, "", "target, reference or none: the group where the term is relatively more frequent"),
}
_TERM_FREQUENCIES = {
    "year": YEAR,
    "level": LEVEL,
    "term": TERM,
    "count": _c(INT, "occurrences", "occurrences of the term in the group's documents"),
    "doc_freq": _c(INT, "documents", "documents of the group containing the term"),
    "rate_per_10k": _c(
        NUM, "occurrences per 10,000 characters of the group's text (len(text))", "relative frequency in the group"
    ),
}
_PREVALENCE = {
    "year": YEAR,
    "level": LEVEL,
    "topic": _c(INT, "", "topic number"),
    "n_documents": _c(INT, "documents", "documents of the group with topic information"),
    "n_units": _c(INT, "paragraphs", "units (paragraphs) behind the group's documents"),
    "share": _c(NUM, "proportion (0-1)", "mean share of the topic in the group's documents"),
    "share_se": _c(NUM, "proportion (0-1)", "standard error of share (empty below 2 documents)"),
}

#: The tables the notebooks write (``reports/tables``), by name without the notebook prefix;
#: "*" in a name or column matches any text (the topic tables' prefix, reuse_by_level's levels).
REPORT_TABLES: dict[str, dict[str, Column]] = {
    "term_frequencies*": _TERM_FREQUENCIES,
    "keyness_*": _KEYNESS,
    "discovered_terms": {
        "term": _c(TEXT, "", "candidate new term found in the corpus (analysis.discover_terms)"),
        "count": _c(INT, "occurrences", "occurrences in the corpus"),
        "pmi": _c(NUM, "bits", "cohesion: minimum pointwise mutual information over the term's binary splits"),
        "left_entropy": _c(NUM, "bits", "entropy of the characters to the term's left"),
        "right_entropy": _c(NUM, "bits", "entropy of the characters to the term's right"),
        "score": _c(NUM, "bits squared", "pmi x min(left_entropy, right_entropy)"),
    },
    "cooccurrence": {
        "term_a": TERM,
        "term_b": TERM,
        "weight": _c(INT, "units containing both terms", "sentences (or paragraphs) using both terms"),
        "count_a": _c(INT, "units containing term_a", "sentences (or paragraphs) using term_a"),
        "count_b": _c(INT, "units containing term_b", "sentences (or paragraphs) using term_b"),
        "jaccard": _c(NUM, "proportion (0-1)", "weight / (count_a + count_b - weight)"),
        "pmi": _c(NUM, "bits", "log2(weight x N / (count_a x count_b)), N units with a token"),
    },
    "*topic_terms": {
        "topic": _c(INT, "", "topic number"),
        "rank": _c(INT, "", "rank of the term in the topic, 1 = strongest"),
        "term": TERM,
        "weight": _c(NUM, "proportion (0-1)", "share of the topic's term mass"),
    },
    "*unit_topics": {
        "doc_id": DOC_ID,
        "para_id": _c(INT, "", "paragraph number within the document, from 0"),
        "topic": _c(INT, "", "topic number"),
        "weight": _c(NUM, "proportion (0-1)", "share of the paragraph's modelled content in the topic; empty if none"),
        "is_empty": _c(BOOL, "", "the paragraph has no term of the vocabulary (weight empty)"),
    },
    "*document_topics": {
        "doc_id": DOC_ID,
        "topic": _c(INT, "", "topic number"),
        "share": _c(NUM, "proportion (0-1)", "share of the topic in the document (paragraphs weighted by length)"),
        "n_units": _c(INT, "paragraphs", "non-empty paragraphs behind the share"),
        "n_chars": _c(INT, "characters", "characters of those paragraphs"),
        "is_empty": _c(BOOL, "", "no paragraph of the document has a term of the vocabulary"),
    },
    "*topics_labels": {
        "topic": _c(INT, "", "topic number"),
        "label": _c(TEXT, "", "top terms by p(term|topic), joined by 、"),
        "frex": _c(TEXT, "", "top terms by FREX (frequency and exclusivity, weight 0.5)"),
        "keyword": _c(TEXT, "", "the topic's term found in the representative paragraph"),
        "doc_id": DOC_ID,
        "para_id": _c(INT, "", "representative paragraph, numbered within its document from 0"),
        "weight": _c(NUM, "proportion (0-1)", "the paragraph's share of the topic"),
        "excerpt": _c(TEXT, "", "excerpt of the representative paragraph"),
    },
    "*k_diagnostics": {
        "k": _c(INT, "topics", "candidate number of topics"),
        "method": _c(TEXT, "", "topic model (nmf or lda)"),
        "n_seeds": _c(INT, "", "random seeds fitted per k"),
        "coherence_npmi": _c(NUM, "NPMI (-1..1)", "mean NPMI of the topics' top-term pairs over paragraphs"),
        "coherence_npmi_se": _c(NUM, "NPMI (-1..1)", "standard error of coherence_npmi"),
        "coherence_umass": _c(NUM, "log ratio (<= about 0)", "UMass coherence (Mimno et al. 2011)"),
        "exclusivity": _c(NUM, "proportion (1/k..1)", "mean share of a top term's probability in its own topic"),
        "stability_cosine": _c(NUM, "cosine (0-1)", "matched topic-term similarity between seeds"),
        "stability_ari": _c(NUM, "adjusted Rand index", "agreement of dominant topics between seeds"),
        "stability": _c(NUM, "0-1", "(stability_cosine + stability_ari) / 2"),
        "stability_se": _c(NUM, "0-1", "standard error of stability (empty below 3 seeds)"),
        "n_empty_topics": _c(NUM, "topics", "mean number of topics no paragraph uses"),
        "n_units": _c(INT, "paragraphs", "paragraphs modelled"),
        "n_terms": _c(INT, "terms", "terms in the vocabulary"),
    },
    "*topics_by_year": _PREVALENCE,
    "*topics_by_level": _PREVALENCE,
    "*document_similarity": {
        "doc_id": DOC_ID,
        "*": _c(NUM, "similarity (0-1)", "similarity of the row's document with the document the column names"),
    },
    "term_timeline": {
        "term": TERM,
        "year": YEAR,
        "level": LEVEL,
        "n_docs": _c(INT, "documents", "documents of the year"),
        "n_docs_using": _c(INT, "documents", "documents of the year using the term"),
        "share_docs": _c(NUM, "proportion (0-1)", "n_docs_using / n_docs"),
        "count": _c(INT, "occurrences", "occurrences in the year's documents"),
        "n_chars": _c(INT, "characters", "characters of the year's documents"),
        "rate_per_10k": _c(
            NUM, "occurrences per 10,000 characters", "count / n_chars x 10,000; empty without documents"
        ),
    },
    "first_appearance_*": {
        "term": TERM,
        "level": LEVEL,
        "jurisdiction": _c(TEXT, "", "issuing jurisdiction (region and level)"),
        "first_year": _c(INT, "year", "first year a document of the group uses the term"),
        "first_doc_id": _c(TEXT, "", "doc_id of that earliest document"),
        "n_docs_using": _c(INT, "documents", "documents of the group using the term"),
    },
    "adoption_lag": {
        "term": TERM,
        "first_national": _c(INT, "year", "first year in a central or ministerial document"),
        "first_provincial": _c(INT, "year", "first year in a provincial document"),
        "first_prefecture": _c(INT, "year", "first year in a prefecture document"),
        "first_county": _c(INT, "year", "first year in a county document"),
        "first_local": _c(INT, "year", "earliest of the local levels"),
        "lag_years": _c(NUM, "years", "first_local - first_national (negative: local first); empty if a side never"),
        "direction": _c(TEXT, "", "top-down, bottom-up, same year, or empty"),
    },
    "adoption_curves": {
        "term": TERM,
        "year": YEAR,
        "n_adopted": _c(INT, "jurisdictions", "local jurisdictions that used the term in or before the year"),
        "n_jurisdictions": _c(INT, "jurisdictions", "local jurisdictions in the corpus"),
        "share": _c(NUM, "proportion (0-1)", "n_adopted / n_jurisdictions"),
        "n_observed": _c(INT, "jurisdictions", "jurisdictions with a document in or before the year"),
        "share_of_observed": _c(NUM, "proportion (0-1)", "n_adopted / n_observed"),
    },
    "event_history": {
        "term": TERM,
        "jurisdiction": _c(TEXT, "", "local jurisdiction at risk of adopting the term"),
        "level": LEVEL,
        "region": _c(TEXT, "", "province-level region of the jurisdiction"),
        "year": _c(INT, "year", "year at risk"),
        "adopted": _c(INT, "0/1", "1 in the year the jurisdiction first uses the term"),
        "n_docs": _c(INT, "documents", "documents the jurisdiction issued that year (0: adoption unobservable)"),
        "central_prior": _c(INT, "0/1", "a central or ministerial document used the term in an earlier year"),
        "share_prior": _c(NUM, "proportion (0-1)", "share of the other jurisdictions at risk that had adopted"),
    },
    "emerging_terms": {
        **_KEYNESS,
        "docs_after": _c(INT, "documents", "documents from the split year on using the term"),
        "docs_before": _c(INT, "documents", "documents before the split year using the term"),
    },
    "title_words": {
        "year": YEAR,
        "word": _c(TEXT, "", "word looked for in the titles"),
        "n_titles": _c(INT, "titles", "titles of the year"),
        "n_with_word": _c(INT, "titles", "titles of the year using the word"),
        "share": _c(NUM, "proportion (0-1)", "n_with_word / n_titles"),
    },
    "reuse_by_level": {
        "doc_id": DOC_ID,
        "level": LEVEL,
        "year": YEAR,
        "n_chars": _c(INT, "characters", "length of the document's text"),
        "share_any": _c(NUM, "proportion (0-1)", "share of the text covered by passages reused from any source"),
        "share_from_*": _c(NUM, "proportion (0-1)", "share of the text covered by passages from sources of that level"),
    },
    "reuse_pairs": {
        "source_doc_id": _c(TEXT, "", "doc_id of the earlier document (the source)"),
        "target_doc_id": _c(TEXT, "", "doc_id of the later document (the target)"),
        "source_date": _c(TEXT, "ISO 8601 date", "date of the source"),
        "target_date": _c(TEXT, "ISO 8601 date", "date of the target"),
        "source_level": LEVEL,
        "target_level": LEVEL,
        "same_year": _c(BOOL, "", "same year or a year unknown: the direction may be uncertain"),
        "direction_basis": _c(TEXT, "", "rule that decided the direction: date, level or doc_id"),
        "n_passages": _c(INT, "passages", "reused passages"),
        "aligned_chars": _c(INT, "characters", "characters of the target covered by reused passages"),
        "source_aligned_chars": _c(INT, "characters", "characters of the source covered by them"),
        "target_share": _c(NUM, "proportion (0-1)", "aligned_chars / length of the target"),
        "source_share": _c(NUM, "proportion (0-1)", "source_aligned_chars / length of the source"),
        "similarity": _c(NUM, "0-1", "length-weighted mean passage similarity"),
        "boilerplate_share": _c(NUM, "proportion (0-1)", "length-weighted share of boilerplate in the passages"),
        "score": _c(NUM, "characters", "sum of aligned_chars x similarity x (1 - boilerplate_share)"),
    },
    "reuse_passages": {
        "source_doc_id": _c(TEXT, "", "doc_id of the source"),
        "target_doc_id": _c(TEXT, "", "doc_id of the target"),
        "source_start": _c(INT, "characters", "offset of the passage in the source text"),
        "source_end": _c(INT, "characters", "end offset in the source text"),
        "target_start": _c(INT, "characters", "offset of the passage in the target text"),
        "target_end": _c(INT, "characters", "end offset in the target text"),
        "source_text": _c(TEXT, "", "the passage in the source"),
        "target_text": _c(TEXT, "", "the passage in the target"),
        "aligned_chars": _c(INT, "characters", "target_end - target_start"),
        "similarity": _c(NUM, "0-1", "alignment similarity (2 x matched / total characters)"),
        "boilerplate_share": _c(NUM, "proportion (0-1)", "share of the passage that is boilerplate"),
    },
}

#: Every described table: the corpus tables and the tables the notebooks write.
TABLES: dict[str, dict[str, Column]] = {**CORPUS_TABLES, **REPORT_TABLES}


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
    :data:`NOT_DESCRIBED` (a column pattern with "*" describes columns named by data, e.g. a wide table's).
    """
    rows = []
    for name, table in tables.items():
        schema = table_schema(name)
        for col in table.columns:
            c = schema.get(str(col)) or next(
                (v for k, v in schema.items() if "*" in k and fnmatchcase(str(col), k)), None
            )
            if c is None:
                rows.append([name, str(col), _type_of(table[col]), "", NOT_DESCRIBED])
            else:
                rows.append([name, str(col), c.type, c.unit, c.meaning])
    return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)
