"""``python -m analysis corpus``: the corpus tables as CSV (for Excel) and Parquet, one workbook and a data dictionary.

:func:`export_workbook` gives any folder of CSV tables (the report's ``reports/tables``)
the same workbook and dictionary.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd

__all__ = ["WORKBOOK_NAME", "WORKBOOK_TABLE_ROWS", "export_tables", "export_workbook"]

#: File name of the workbook written next to the tables.
WORKBOOK_NAME = "tables.xlsx"
# a report's per-occurrence tables reach hundreds of thousands of rows at 1,000 documents (337,500
# formula uses): in Excel such a sheet is of little use and writing them all took 228 s of the
# report's 584 s CPU (about 25 s per 100,000 rows of 10 columns)
WORKBOOK_TABLE_ROWS = 50_000


def export_tables(
    corpus_dir: str | os.PathLike[str] | None,
    out_dir: str | os.PathLike[str],
    check: Callable[[pd.DataFrame, pd.DataFrame], None] | None = None,
) -> dict[str, Path]:
    """Write the documents, paragraphs, policy-list, skipped-files and audit tables, a workbook and a data dictionary.

    Each table is written as CSV and Parquet; ``data_dictionary.csv`` describes every column
    (:func:`analysis.io.schema.data_dictionary`); ``tables.xlsx`` holds every table and the
    dictionary, a sheet each (:func:`analysis.io.tables.write_workbook`).

    Returns
    -------
    dict
        Table name -> path of its CSV (a Parquet file with the same stem is written beside it),
        plus "data_dictionary" and "workbook".
    """
    from ..corpus import load_paragraphs, load_policy_list, read_corpus
    from ..io.tables import write_table

    # the loader's warnings go to the caller (the CLI prints them after a successful run; a refused
    # corpus gets its one error line)
    loaded = read_corpus(corpus_dir, audit=True)  # the audit from the same pass, not a second read
    docs = loaded.documents
    if check is not None:  # e.g. the CLI refusing a corpus that gave no document
        check(docs, loaded.skipped)
    audit = loaded.audit
    assert audit is not None
    tables = {
        "documents": docs,
        "paragraphs": load_paragraphs(docs),
        "policy_list": load_policy_list(corpus_dir, corpus=docs),
        "skipped": loaded.skipped,
        # what loading kept of each file, and every removed line with the rule that removed it
        "audit_files": audit.files,
        "audit_removed": audit.removed,
    }
    paths = {}
    for name, df in tables.items():
        csv = write_table(df, Path(out_dir) / name, formats=("csv", "parquet"))[0]
        paths[name] = csv
        print(f"{name}: {len(df)} rows -> {csv} (+ .parquet)")
    # the corpus tables are few and the documents table is the point: every row goes into the workbook
    written, dictionary = _write_dictionary_and_workbook(
        tables, Path(out_dir), Path(out_dir) / WORKBOOK_NAME, max_table_rows=None
    )
    paths |= written
    print(f"data dictionary: {len(dictionary)} columns -> {paths['data_dictionary']}; workbook -> {paths['workbook']}")
    return paths


def export_workbook(
    folder: str | os.PathLike[str],
    path: str | os.PathLike[str] | None = None,
    *,
    max_table_rows: int | None = WORKBOOK_TABLE_ROWS,
) -> dict[str, Path]:
    """Gather the CSV tables of ``folder`` into one workbook and write their data dictionary beside them.

    Reads every ``*.csv`` of ``folder`` (sorted by name; a Parquet file of the same stem is
    read instead, keeping its types), writes ``data_dictionary.csv`` and the workbook
    (default ``folder/tables.xlsx``): a sheet per table and one for the dictionary.  A table
    longer than ``max_table_rows`` (default :data:`WORKBOOK_TABLE_ROWS`) keeps its first rows
    in the workbook, said on its "notes" sheet; ``None`` copies every row.
    Returns {"data_dictionary": path, "workbook": path}.
    """
    folder = Path(folder)
    tables = {}
    for csv in sorted(folder.glob("*.csv")):
        if csv.stem == "data_dictionary":
            continue
        parquet = csv.with_suffix(".parquet")
        if parquet.exists():
            tables[csv.stem] = pd.read_parquet(parquet)
            continue
        try:
            tables[csv.stem] = pd.read_csv(csv, encoding="utf-8-sig").convert_dtypes()
        except pd.errors.EmptyDataError:
            # a section the corpus could not support wrote an empty table: an empty sheet, not a crash
            tables[csv.stem] = pd.DataFrame()
    return _write_dictionary_and_workbook(tables, folder, Path(path or folder / WORKBOOK_NAME), max_table_rows)[0]


def _write_dictionary_and_workbook(
    tables: dict[str, pd.DataFrame], folder: Path, workbook: Path, max_table_rows: int | None
) -> tuple[dict[str, Path], pd.DataFrame]:
    """Write ``folder/data_dictionary.csv`` for ``tables`` and the workbook of the tables and the dictionary.

    Returns ({"data_dictionary": path, "workbook": path}, the dictionary table).
    """
    from ..io.schema import DICTIONARY_COLUMNS, data_dictionary
    from ..io.tables import write_table, write_workbook

    dictionary = data_dictionary({**tables, "data_dictionary": pd.DataFrame(columns=DICTIONARY_COLUMNS)})
    return {
        "data_dictionary": write_table(dictionary, folder / "data_dictionary")[0],
        "workbook": write_workbook({**tables, "data_dictionary": dictionary}, workbook, max_table_rows=max_table_rows),
    }, dictionary
