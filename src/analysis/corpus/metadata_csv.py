"""A researcher's metadata.csv: fields that override or add to those read from the text.

The CSV is read as Excel writes it: UTF-8 with or without a byte-order mark, or
GBK/GB18030 (Excel on Chinese Windows), Big5.  Each row names its documents by
``doc_id`` or by the file's path relative to the corpus folder (``path`` or
``source``; a bare file name works when it names one file).  What it cannot take
is named with its CSV line, column and value, and ignored with a warning: rows
matching no document or several files, duplicate keys, unnamed or computed
columns, impossible dates, unknown levels, unreadable years.  Columns the loader
does not read are kept as the researcher's own variables (``topic``, ``notes``),
quietly; one that looks like a misspelt field (``titel``, ``yaer``) is named in a warning.  Only a file that
cannot be read at all, or has no key column, raises one CorpusError.
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..cleaning import normalize_width
from ..io.decode import decode_bytes
from ..io.errors import CorpusError
from ..levels import LEVELS
from ..metadata.dates import YEAR_PATTERN, find_dates

__all__ = ["CELL_COLUMNS", "KEY_COLUMNS", "apply_metadata_csv", "parse_date_cell", "parse_year_cell"]

_log = logging.getLogger(__name__)

#: Columns that name the documents a row is about: doc_id, else the file's path.
KEY_COLUMNS = ("doc_id", "path", "source")
# Columns the loader computes from the others: a CSV value would contradict them.
_COMPUTED = ("n_chars", "duplicate_of", "date_source", "level_evidence", "n_mojibake")
_TRUE = ("true", "1", "yes", "y", "是", "真")
_FALSE = ("false", "0", "no", "n", "否", "假")
_CN_YEAR_DIGITS = "〇○ＯO零一二三四五六七八九"


@dataclass
class _Sheet:
    """The CSV: its header (normalised names) and its rows as text, each with its line number."""

    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


#: Columns of the cells table :func:`apply_metadata_csv` returns.
CELL_COLUMNS = ["index", "field", "value", "previous", "line"]


def apply_metadata_csv(df: pd.DataFrame, path: Path) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """Override or add fields from a researcher's CSV keyed on doc_id or the file's path.

    Returns (documents, overridden columns, cells): ``cells`` has one row per value the CSV
    set (columns :data:`CELL_COLUMNS`: the document's index label, field, value, the value
    read from the text before, the CSV line).  Empty cells keep the value read from the
    text.  A date from the CSV also sets the year (unless the CSV gives one) and
    ``date_source``; a year alone dates an undated document to that year.
    Raises CorpusError when the CSV cannot be read or has no doc_id / path / source column.
    """
    sheet = _read_sheet(path)
    columns = _usable_columns(sheet)
    matches = _match_rows(df, sheet)
    df = df.copy()
    overridden: list[str] = []
    cells: list[dict] = []
    for line, row in sheet.rows:
        targets = matches.get(line)
        if not targets:
            continue
        values = _row_values(sheet.name, line, row, columns)
        for col, value in values.items():
            if col not in df.columns:
                df[col] = ""
            if col == "year":
                df["year"] = df["year"].astype("Int64")
            cells.extend(_cell(df, t, col, value, line) for t in targets)
            df.loc[targets, col] = value
            if col not in overridden:
                overridden.append(col)
        cells.extend(_dates_follow(df, targets, values, sheet.name, overridden, line))
    if "text" in overridden:
        df["n_chars"] = df["text"].str.len()
    return df, overridden, pd.DataFrame(cells, columns=CELL_COLUMNS)


def _cell(df: pd.DataFrame, target: object, col: str, value: object, line: int) -> dict:
    """One row of the cells table: ``col`` of document ``target`` set to ``value`` by CSV line ``line``."""
    previous = df.at[target, col]
    previous = "" if previous is None or (not isinstance(previous, str) and pd.isna(previous)) else str(previous)
    return {"index": target, "field": col, "value": str(value), "previous": previous, "line": line}


def _warn(message: str) -> None:
    warnings.warn(message, stacklevel=6)  # the caller of read_corpus / load_corpus


def _read_sheet(path: Path) -> _Sheet:
    """The CSV decoded like the documents (:func:`analysis.io.decode.decode_bytes`) and split into rows.

    Returns the sheet; raises CorpusError naming the file when it cannot be read,
    decoded or split, or has no key column.
    """
    try:
        text, _enc = decode_bytes(path.read_bytes(), path)
        table = list(csv.reader(io.StringIO(text)))
    except OSError as e:
        raise CorpusError(path, f"cannot read metadata CSV: {e.strerror or e}") from None
    except CorpusError as e:
        raise CorpusError(path, f"cannot read metadata CSV: {e.reason}") from None
    except csv.Error as e:  # e.g. a NUL byte or an unterminated quote
        raise CorpusError(path, f"cannot read metadata CSV: {e}") from None
    table = [r for r in table if any(c.strip() for c in r)]
    if not table:
        raise CorpusError(path, "metadata CSV is empty")
    header = [_column_name(c) for c in table[0]]
    for pos, col in enumerate(header):
        filled = [(n, r[pos]) for n, r in enumerate(table[1:], start=2) if not col and len(r) > pos and r[pos].strip()]
        if filled:
            _warn(
                f"{path.name}: column {pos + 1} has no name in the header row; its values are ignored "
                f"(line {filled[0][0]}: {filled[0][1]!r})"
            )
    if not any(k in header for k in KEY_COLUMNS):
        raise CorpusError(path, "metadata CSV needs a 'doc_id' or 'source' column to match documents")
    rows = []
    for n, cells in enumerate(table[1:], start=2):
        extra = [c for c in cells[len(header) :] if c.strip()]
        if extra:
            _warn(f"{path.name} line {n}: {len(extra)} value(s) beyond the last column ignored: {extra[:3]}")
        rows.append((n, {h: c.strip() for h, c in zip(header, cells) if h}))
    return _Sheet(path.name, header, rows)


def _column_name(raw: str) -> str:
    """A header cell as a column name: without BOM and spaces, ASCII names in lower case."""
    name = raw.replace("\ufeff", "").strip()
    return name.lower() if name.isascii() else name


def _usable_columns(sheet: _Sheet) -> list[str]:
    """The columns whose values are applied; warns about unnamed, repeated and computed ones
    (ignored) and names the columns added beside the loader's."""
    from .load import DOCUMENT_COLUMNS

    usable: list[str] = []
    for pos, col in enumerate(sheet.header, start=1):
        if col in KEY_COLUMNS:
            continue
        if not col:  # Excel's empty trailing columns; those holding values were named when read
            continue
        if col in usable:
            _warn(f"{sheet.name}: column '{col}' appears twice in the header row; the second (column {pos}) is ignored")
            continue
        if col in _COMPUTED:
            _warn(f"{sheet.name}: column '{col}' is computed by the loader and cannot be set; its values are ignored")
            continue
        usable.append(col)
    added = [c for c in usable if c not in DOCUMENT_COLUMNS]
    known = [*DOCUMENT_COLUMNS, *KEY_COLUMNS]
    misspelt = {c: k for c in added if (k := _near_field(c, known))}
    for col, near in misspelt.items():
        _warn(
            f"{sheet.name}: column '{col}' is not a field the loader reads but looks like '{near}'; "
            f"added as a new column '{col}', '{near}' is left as read from the text (rename the column to set it)"
        )
    own = [c for c in added if c not in misspelt]
    if own:
        # a researcher's own variables (topic, notes, 城市): kept beside the loader's fields,
        # listed in CorpusLoad.field_sources; nothing to warn about
        _log.info("%s: column(s) %s added to the documents as the researcher's own variables", sheet.name, own)
    return usable


def _near_field(col: str, fields: list[str]) -> str:
    """The known field ``col`` is one or two edits from (a misspelling: titel, yaer), else ""."""
    if len(col) < 3:
        return ""
    best = min(fields, key=lambda f: _edit_distance(col, f))
    return best if _edit_distance(col, best) <= 2 else ""


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two short column names (insertions, deletions, substitutions)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _match_rows(df: pd.DataFrame, sheet: _Sheet) -> dict[int, list]:
    """CSV line -> index labels of the documents it applies to.

    A row matches on doc_id when it gives one, else on the file's path relative to the
    corpus folder (``path`` or ``source``), else on a bare file name naming exactly one
    file.  Rows matching nothing, several files, or documents an earlier row already
    matched are named in a warning and ignored.
    """
    sources = df["source"].astype(str)
    # a PDF or OFD document's source names its start page ("a.pdf#page=1"); a path names the file
    file_of = sources.str.replace(r"#page=\d+$", "", regex=True)
    names = file_of.str.rsplit("/", n=1).str[-1]
    claimed: dict[object, int] = {}
    out: dict[int, list] = {}
    unmatched: list[str] = []
    for line, row in sheet.rows:
        key_col, key = next(((k, row[k]) for k in KEY_COLUMNS if row.get(k)), ("", ""))
        if not key:
            _warn(f"{sheet.name} line {line}: no doc_id, path or source value; row ignored")
            continue
        if key_col == "doc_id":
            targets = list(df.index[df["doc_id"] == key])
        else:
            rel = re.sub(r"^\./", "", key.replace("\\", "/"))
            targets = list(df.index[(sources == rel) | (file_of == rel)]) or list(df.index[names == rel])
            files = sorted(set(sources[targets]))
            if len(files) > 1:
                _warn(
                    f"{sheet.name} line {line}: {key_col} '{key}' names {len(files)} files ({', '.join(files)}); "
                    "row ignored: give the path relative to the corpus folder"
                )
                continue
        if not targets:
            unmatched.append(f"line {line} ({key_col}={key})")
            continue
        earlier = sorted({claimed[t] for t in targets if t in claimed})
        if earlier:
            _warn(
                f"{sheet.name} line {line}: {key_col} '{key}' matches the same document as line "
                f"{earlier[0]}; duplicate key, row ignored"
            )
            continue
        claimed.update(dict.fromkeys(targets, line))
        out[line] = targets
    if unmatched:
        _warn(f"{sheet.name}: {len(unmatched)} row(s) match no document: {'; '.join(unmatched[:10])}")
    return out


def _row_values(name: str, line: int, row: dict[str, str], columns: list[str]) -> dict[str, object]:
    """The row's non-empty values for ``columns``, parsed; a value that cannot be taken is
    named (line, column, value) in a warning and left out."""
    out: dict[str, object] = {}
    for col in columns:
        raw = row.get(col, "")
        if not raw:
            continue
        value, problem = _parse_value(col, raw)
        if problem:
            _warn(f"{name} line {line}, column '{col}': {problem} {raw!r}; value ignored")
            continue
        out[col] = value
    return out


def _parse_value(col: str, raw: str) -> tuple[object, str]:
    """(value, "") for a value the column can take, else (None, what is wrong with it)."""
    if col == "date":
        iso = parse_date_cell(raw)
        return (iso, "") if iso else (None, "not a possible date")
    if col == "year":
        year = parse_year_cell(raw)
        return (year, "") if year is not None else (None, "not a year")
    if col == "level":
        level = raw.strip().lower()
        return (level, "") if level in LEVELS else (None, f"unknown level (use one of {', '.join(LEVELS)}):")
    if col == "is_excerpt":
        flag = raw.strip().lower()
        if flag in _TRUE or flag in _FALSE:
            return flag in _TRUE, ""
        return None, "not true/false:"
    return raw, ""


def parse_date_cell(value: str) -> str | None:
    """An ISO date (2021-03-05, 2021-03 or 2021) from a table cell, else None.

    Takes what spreadsheets and 公文 print: 2021-03-05, 2021/3/5, 2021.3.5,
    2021年3月5日, 二〇二一年三月五日, 2021-03, 2021, also with full-width digits or
    Excel's " 00:00:00".  Impossible dates (2021/13/45, 2021-02-30) give None.
    """
    s = normalize_width(value).strip()
    s = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?$", "", s)
    m = re.fullmatch(rf"({YEAR_PATTERN})(?:[-/.年](\d{{1,2}})月?(?:[-/.](\d{{1,2}})|(\d{{1,2}})日)?)?年?", s)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3) or m.group(4)
    else:
        found = find_dates(s)
        if len(found) != 1 or found[0].pos != 0 or found[0].end != len(s):
            year = parse_year_cell(s)
            return f"{year:04d}" if year is not None else None
        parts = found[0].iso.split("-")
        year = parts[0]
        month = parts[1] if len(parts) > 1 else None
        day = parts[2] if len(parts) > 2 else None
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if not 1949 <= int(year) <= 2100:
        return None
    return "-".join([f"{int(year):04d}"] + [f"{int(p):02d}" for p in (month, day) if p])


def parse_year_cell(value: str) -> int | None:
    """A year (1949-2100) from a table cell: 2021, 2021.0 (Excel), 2021年, 二〇二一(年); else None."""
    s = normalize_width(value).strip().removesuffix("年")
    if re.fullmatch(r"\d{4}(\.0+)?", s):
        year = int(float(s))
    elif len(s) == 4 and all(c in _CN_YEAR_DIGITS for c in s):
        year = int("".join(str(max(_CN_YEAR_DIGITS.find(c) - 4, 0)) for c in s))
    else:
        return None
    return year if 1949 <= year <= 2100 else None


def _dates_follow(
    df: pd.DataFrame, targets: list, values: dict[str, object], name: str, overridden: list[str], line: int
) -> list[dict]:
    """A date from the CSV replaces the one read from the text: the year follows it (unless the
    row gives a year too) and date_source names the CSV; a year alone dates an undated document.
    Updates ``df`` and ``overridden`` in place; returns the cells it set (see :func:`_cell`)."""
    if "date" not in values and "year" not in values:
        return []
    df.loc[targets, "date_source"] = name
    cells = []
    if "date" in values and "year" not in values:
        df["year"] = df["year"].astype("Int64")
        year = int(str(values["date"])[:4])
        cells = [_cell(df, t, "year", year, line) for t in targets]
        df.loc[targets, "year"] = year
        if "year" not in overridden:
            overridden.append("year")
    elif "year" in values and "date" not in values:
        undated = [t for t in targets if not df.at[t, "date"]]
        cells = [_cell(df, t, "date", values["year"], line) for t in undated]
        df.loc[undated, "date"] = str(values["year"])
        if undated and "date" not in overridden:
            overridden.append("date")
    return cells
