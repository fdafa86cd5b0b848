"""Document variables (quanteda's docvars) joined onto any derived table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .load import CorpusLoad

__all__ = ["DOC_ID_COLUMNS", "with_docvars"]

#: Columns that hold a document id, looked for in this order when ``on`` is not given.
DOC_ID_COLUMNS = ("doc_id",)


def with_docvars(
    table: pd.DataFrame,
    corpus: pd.DataFrame | CorpusLoad,
    columns: Sequence[str] = ("year", "level", "region"),
    *,
    on: str | None = None,
    prefix: str | None = None,
) -> pd.DataFrame:
    """``table`` with document variables of ``corpus`` added, one call instead of a hand-made merge.

    Parameters
    ----------
    table : any table with a column of document ids (a term table, topic
        proportions, reuse pairs...).
    corpus : the documents table (or the :class:`CorpusLoad` of :func:`read_corpus`).
    columns : document variables to add.
    on : the column of ``table`` holding the document ids: ``"doc_id"`` by
        default; name another one for pair tables (``"source"``, ``"target"``,
        ``"citing"``...).
    prefix : put before the added column names; defaults to ``""`` for
        ``on="doc_id"`` and ``f"{on}_"`` otherwise (``source_year``,
        ``target_year``), so a pair table can take both sides.

    Returns
    -------
    DataFrame
        A copy of ``table`` with the same rows, in the same order and with the
        same index, plus one column per variable (missing where an id is not in
        the corpus).

    Raises
    ------
    KeyError
        If ``table`` has no doc id column (or no column ``on``), or ``corpus``
        lacks ``doc_id`` or a requested variable.
    ValueError
        If an added column would overwrite one ``table`` already has.
    """
    documents = corpus if isinstance(corpus, pd.DataFrame) else corpus.documents
    key = on if on is not None else next((c for c in DOC_ID_COLUMNS if c in table.columns), None)
    if key is None or key not in table.columns:
        wanted = repr(on) if on is not None else " or ".join(repr(c) for c in DOC_ID_COLUMNS)
        raise KeyError(
            f"with_docvars: the table has no document id column {wanted} (its columns: {list(table.columns)}); "
            "name the column holding document ids with on="
        )
    missing = [c for c in ("doc_id", *columns) if c not in documents.columns]
    if missing:
        raise KeyError(f"with_docvars: the corpus has no column(s) {missing}")
    if prefix is None:
        prefix = "" if key == "doc_id" else f"{key}_"
    clash = [prefix + c for c in columns if prefix + c in table.columns]
    if clash:
        raise ValueError(f"with_docvars: the table already has column(s) {clash}; pass prefix= or fewer columns")
    lookup = documents.drop_duplicates("doc_id").set_index("doc_id")
    out = table.copy()
    for c in columns:
        out[prefix + c] = table[key].map(lookup[c])
    return out
