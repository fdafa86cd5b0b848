"""A researcher's metadata.csv: fields that override or add to those read from the text."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from ..io.errors import CorpusError
from ..metadata.dates import YEAR_PATTERN

__all__ = ["apply_metadata_csv"]


def apply_metadata_csv(df: pd.DataFrame, path: Path) -> tuple[pd.DataFrame, list[str]]:
    """Override or add fields from a researcher's CSV keyed on doc_id or source.

    Returns (documents, overridden columns).  Empty cells keep the value read
    from the text.  A date from the CSV also sets the year (unless the CSV gives
    one) and ``date_source``.  Raises CorpusError when the CSV cannot be read or
    has no doc_id / source column.
    """
    meta, key = _read_metadata_csv(path)
    unknown = set(meta[key]) - set(df[key])
    if unknown:
        warnings.warn(f"{path.name}: {len(unknown)} row(s) match no document: {sorted(unknown)[:5]}", stacklevel=4)
    df = df.copy()
    overridden = []
    idx = df.set_index(key).index
    for col in meta.columns:
        if col == key:
            continue
        values = meta.set_index(key)[col]
        values = values[values != ""]
        mask = idx.isin(values.index)
        if not mask.any():
            continue
        if col not in df.columns:
            df[col] = ""
        new = pd.Series(idx[mask]).map(values).values
        if col == "year":
            new = new.astype(int)
        elif col == "is_excerpt":
            new = pd.Series(new).str.lower().isin(["true", "1", "yes"]).values
        df.loc[mask, col] = new
        overridden.append(col)
    if "text" in overridden:
        df["n_chars"] = df["text"].str.len()
    _dates_follow_csv(df, meta.set_index(key), idx, overridden, path.name)
    return df, overridden


def _read_metadata_csv(path: Path) -> tuple[pd.DataFrame, str]:
    """The CSV as strings ("" for empty cells) and its key column (doc_id, else source)."""
    try:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError) as e:  # unreadable file, bad encoding, malformed CSV
        raise CorpusError(path, f"cannot read metadata CSV: {e}") from None
    key = "doc_id" if "doc_id" in meta.columns else "source" if "source" in meta.columns else None
    if key is None:
        raise CorpusError(path, "metadata CSV needs a 'doc_id' or 'source' column to match documents")
    return meta, key


def _dates_follow_csv(df: pd.DataFrame, rows: pd.DataFrame, idx: pd.Index, overridden: list[str], name: str) -> None:
    """A date from the CSV replaces the one read from the text: the year follows it (unless the
    CSV gives a year too) and date_source names the CSV.  Updates ``df`` and ``overridden`` in place."""
    for col in ("date", "year"):
        if col in overridden and col in rows.columns:
            given = rows[col][rows[col] != ""]
            mask = idx.isin(given.index)
            df.loc[mask, "date_source"] = name
            if col == "date":
                years = pd.Series(idx[mask]).map(given).str.extract(rf"^({YEAR_PATTERN})")[0]
                explicit = rows["year"][rows["year"] != ""] if "year" in rows else pd.Series(dtype=str)
                keep = ~pd.Series(idx[mask]).isin(explicit.index).values
                sel = df.index[mask][keep & years.notna().values]
                df.loc[sel, "year"] = years[keep & years.notna().values].astype(int).values
                if "year" not in overridden:
                    overridden.append("year")
