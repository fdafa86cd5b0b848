"""Table writing: the one writer used by the CLI, the notebooks and the stages.

CSV is written in UTF-8 with a byte-order mark so Excel on Chinese Windows opens
it with the characters intact; Parquet keeps dtypes for Python and R readers.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "EXCEL_CELL_LIMIT",
    "EXCEL_ROW_LIMIT",
    "jsonable",
    "write_json",
    "write_table",
    "write_tables",
    "write_workbook",
]

FORMATS = ("csv", "parquet")
#: Most characters an Excel cell holds; longer text is cut with a note saying so.
EXCEL_CELL_LIMIT = 32_767
#: Most rows an Excel sheet holds (the header included); longer tables continue on further sheets.
EXCEL_ROW_LIMIT = 1_048_576
# Excel's sheet names: at most 31 characters, none of []:*?/\
_SHEET_NAME_LIMIT = 31
# widest column, in characters (a Chinese character counts 2)
_MAX_WIDTH = 60


def jsonable(value: Any) -> Any:
    """``value`` made of dicts, lists, str, int, float, bool and None (numpy scalars unwrapped)."""
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return repr(value)


def write_json(data: Any, path: str | os.PathLike[str]) -> Path:
    """Write ``data`` as indented UTF-8 JSON (Chinese unescaped); returns the path written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(jsonable(data), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def write_table(table: pd.DataFrame, path: str | os.PathLike[str], formats: Iterable[str] = ("csv",)) -> list[Path]:
    """Write one table under ``path`` (its suffix is replaced by each format's).

    Parameters
    ----------
    table : DataFrame
        Written without its index.
    path : path
        ``reports/tables/documents`` or ``.../documents.csv``: the stem names the files.
    formats : iterable of {"csv", "parquet"}
        CSV is UTF-8 with BOM (opens correctly in Excel).

    Returns
    -------
    list of pathlib.Path
        The files written, in the order of ``formats``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown table format {fmt!r}; use one of {FORMATS}")
        target = path.with_suffix(f".{fmt}")
        if fmt == "csv":
            table.to_csv(target, index=False, encoding="utf-8-sig")
        else:
            table.to_parquet(target, index=False)
        written.append(target)
    return written


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    folder: str | os.PathLike[str],
    *,
    prefix: str = "",
    formats: Iterable[str] = ("csv",),
) -> dict[str, Path]:
    """Write several tables as ``folder/{prefix}{name}.{format}``.

    Returns
    -------
    dict
        Name -> path of the first format written for that table.
    """
    formats = tuple(formats)
    return {name: write_table(df, Path(folder) / f"{prefix}{name}", formats)[0] for name, df in tables.items()}


def write_workbook(
    tables: Mapping[str, pd.DataFrame],
    path: str | os.PathLike[str],
    *,
    max_rows: int = EXCEL_ROW_LIMIT - 1,
    max_table_rows: int | None = None,
) -> Path:
    """Write ``tables`` (name -> table) as one Excel workbook, a sheet per table; returns the path.

    Each sheet has the table's header frozen on top and its columns sized to their
    content (a Chinese character counts as two, at most 60).  Nothing is lost silently:
    a sheet name is cut to Excel's 31 characters (kept unique); a cell longer than Excel's
    32,767 characters is cut and ends with a note saying how long it was; characters Excel
    cannot store (control characters) become U+FFFD; a table longer than ``max_rows`` rows
    continues on sheets "name (2)", "name (3)" ....  With ``max_table_rows``, a longer table
    keeps only its first ``max_table_rows`` rows in the workbook (a sheet of a million rows
    is no use in Excel and costs minutes to write; the CSV/Parquet files beside it hold
    every row).  Every such change is listed on a last sheet "notes" (absent when there is
    none).
    """
    from openpyxl import Workbook

    path = Path(path).with_suffix(".xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook(write_only=True)
    notes: list[tuple[str, str]] = []
    used: set[str] = set()
    for name, table in tables.items():
        total = len(table)
        if max_table_rows is not None and total > max_table_rows:
            table = table.iloc[:max_table_rows]
        chunks = range(0, max(len(table), 1), max_rows)
        for k, start in enumerate(chunks):
            part = table.iloc[start : start + max_rows]
            sheet_name = _sheet_name(name if k == 0 else f"{name} ({k + 1})", used)
            if sheet_name != (name if k == 0 else f"{name} ({k + 1})"):
                notes.append((sheet_name, f"sheet of table {name!r} (name cut to Excel's 31 characters)"))
            if len(chunks) > 1:
                notes.append((sheet_name, f"rows {start + 1}-{start + len(part)} of {len(table)} of table {name!r}"))
            if k == 0 and len(table) < total:
                notes.append(
                    (
                        sheet_name,
                        f"first {len(table):,} of {total:,} rows of table {name!r} (the workbook keeps at most "
                        f"{len(table):,} rows per table; its CSV and Parquet files hold all)",
                    )
                )
            _write_sheet(book, sheet_name, part, notes)
    if notes:
        _write_sheet(book, _sheet_name("notes", used), pd.DataFrame(notes, columns=["sheet", "note"]), [])
    book.save(path)
    return path


def _sheet_name(name: str, used: set[str]) -> str:
    """A valid, unused sheet name for ``name`` (Excel compares names case-insensitively)."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:_SHEET_NAME_LIMIT] or "sheet"
    candidate, n = base, 1
    while candidate.lower() in used:
        n += 1
        suffix = f"~{n}"
        candidate = base[: _SHEET_NAME_LIMIT - len(suffix)] + suffix
    used.add(candidate.lower())
    return candidate


def _display_width(text: str) -> int:
    # a column is never wider than _MAX_WIDTH, so the first _MAX_WIDTH characters decide
    # (a document's text cell holds up to 32,767 of them)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text[:_MAX_WIDTH])


def _write_sheet(book, sheet_name: str, table: pd.DataFrame, notes: list[tuple[str, str]]) -> None:
    """One table as a write-only sheet: widths from the header and the first 1,000 rows, header frozen."""
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    columns = [str(c) for c in table.columns]
    rows = [
        [_cell(v, sheet_name, i + 2, col, notes) for v, col in zip(row, columns)]
        for i, row in enumerate(table.itertuples(index=False, name=None))
    ]
    for j, col in enumerate(columns, start=1):
        sample = [_display_width(str(r[j - 1])) for r in rows[:1000] if r[j - 1] is not None]
        width = max([_display_width(col), *sample]) + 2
        sheet.column_dimensions[get_column_letter(j)].width = min(width, _MAX_WIDTH)
    sheet.append(columns)
    for r in rows:
        sheet.append(r)


def _cell(value: Any, sheet: str, row: int, column: str, notes: list[tuple[str, str]]) -> Any:
    """A value Excel can hold: missing values empty, numpy scalars unwrapped, text cut at the cell limit with a note."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or (not isinstance(value, (str, bytes, list, tuple, dict)) and pd.isna(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (bool, int, float)):
        return value
    text = value if isinstance(value, str) else str(value)
    if ILLEGAL_CHARACTERS_RE.search(text):
        n = len(ILLEGAL_CHARACTERS_RE.findall(text))
        text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
        notes.append(
            (sheet, f"row {row}, column {column}: {n} control character(s) Excel cannot store shown as \ufffd")
        )
    if len(text) > EXCEL_CELL_LIMIT:
        total = len(text)

        def note(shown: int) -> str:
            return f" … [cut to Excel's cell limit: first {shown:,} of {total:,} characters; the CSV holds all]"

        shown = EXCEL_CELL_LIMIT - len(note(EXCEL_CELL_LIMIT))
        notes.append(
            (sheet, f"row {row}, column {column}: first {shown:,} of {total:,} characters (Excel's cell limit)")
        )
        text = text[:shown] + note(shown)
    return text
