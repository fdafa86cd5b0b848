"""``python -m analysis corpus``: the corpus tables as CSV (for Excel) and Parquet."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

__all__ = ["export_tables"]


def export_tables(
    corpus_dir: str | os.PathLike[str] | None,
    out_dir: str | os.PathLike[str],
    check: Callable[[pd.DataFrame, pd.DataFrame], None] | None = None,
) -> dict[str, Path]:
    """Write the documents, paragraphs, policy-list, skipped-files and audit tables.

    Returns
    -------
    dict
        Table name -> path of its CSV (a Parquet file with the same stem is written beside it).
    """
    from ..corpus import audit_folder, load_paragraphs, load_policy_list, read_corpus
    from ..io.tables import write_table

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = read_corpus(corpus_dir)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    docs = loaded.documents
    if check is not None:  # e.g. the CLI refusing a corpus that gave no document
        check(docs, loaded.skipped)
    audit = audit_folder(corpus_dir if corpus_dir is not None else loaded.folder, warn=False)
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
    return paths
