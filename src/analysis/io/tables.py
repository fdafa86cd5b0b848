"""Table writing: the one writer used by the CLI, the notebooks and the stages.

CSV is written in UTF-8 with a byte-order mark so Excel on Chinese Windows opens
it with the characters intact; Parquet keeps dtypes for Python and R readers.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["jsonable", "write_json", "write_table", "write_tables"]

FORMATS = ("csv", "parquet")


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
