"""``python -m analysis corpus``: the corpus tables as CSV (for Excel) and Parquet."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

__all__ = ["export_tables"]


def export_tables(corpus_dir: str | os.PathLike[str] | None, out_dir: str | os.PathLike[str]) -> dict[str, Path]:
    """Write the documents, paragraphs, policy-list and skipped-files tables.

    Returns
    -------
    dict
        Table name -> path of its CSV (a Parquet file with the same stem is written beside it).
    """
    from ..corpus import load_paragraphs, load_policy_list, read_corpus
    from ..io.tables import write_table

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = read_corpus(corpus_dir)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    docs = loaded.documents
    tables = {
        "documents": docs,
        "paragraphs": load_paragraphs(docs),
        "policy_list": load_policy_list(corpus_dir, corpus=docs),
        "skipped": loaded.skipped,
    }
    paths = {}
    for name, df in tables.items():
        csv = write_table(df, Path(out_dir) / name, formats=("csv", "parquet"))[0]
        paths[name] = csv
        print(f"{name}: {len(df)} rows -> {csv} (+ .parquet)")
    return paths
