"""Counting known formulas on a Dask cluster: every use of each formula, per partition of documents.

Finding the formulas (:func:`analysis.formulas.find_formulas`: one suffix array over the whole
corpus) stays in-process; it can run on a sample or an earlier corpus.  What grows with the corpus
is finding where each known formula is used: the documents are cut into partitions, and on each
worker they are encoded as the suffix array encodes them (:func:`analysis.formulas.index.encode_texts`:
letters, digits and 、 kept and folded, clause punctuation a boundary no formula crosses), every
window of a formula's length hashed (a polynomial hash from prefix sums) and the windows whose
hash is a formula's compared with it code by code (so a hash collision never makes a false use).
The uses are annotated as :func:`~analysis.formulas.find_formulas` annotates them; counts per
formula and group are summed on the workers, so only the group table travels.

The documents are those :func:`~analysis.formulas.find_formulas` searches (rows with a
``duplicate_of`` left out).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np
import pandas as pd

from ..formulas.find import annotate_occurrences, formula_documents, occurrences_frame
from ..formulas.index import encode_texts
from ..formulas.result import OCCURRENCE_COLUMNS, FormulaResult
from .client import get_client, partition_bounds, partition_count

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "FORMULA_COUNT_COLUMNS",
    "FormulaSet",
    "count_formulas",
    "find_uses",
    "formula_codes",
    "formula_occurrences",
    "formula_set",
    "formula_table",
]

#: Columns of :func:`count_formulas` after the ``by`` columns.
FORMULA_COUNT_COLUMNS = ["n_docs", "n_occurrences"]
_BASE = 0x100000001B3  # odd, so invertible modulo 2**64
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
_OCC_COLUMNS = ["cand", "doc", "start", "end"]
_FILTER_BITS = 20  # the table of hash slots has 2**20 entries
_FILTER_SIZE = 1 << _FILTER_BITS
_FILTER_SHIFT = np.uint64(64 - _FILTER_BITS)
_FIBONACCI = np.uint64(0x9E3779B97F4A7C15)

Formulas: TypeAlias = "FormulaResult | pd.DataFrame | Iterable[str]"


def formula_occurrences(
    corpus: pd.DataFrame,
    formulas: Formulas,
    *,
    client: Client | str | None = None,
    npartitions: int | None = None,
) -> pd.DataFrame:
    """Every use of each formula in the corpus, found on a Dask cluster.

    Parameters
    ----------
    corpus : one row per document, as for :func:`analysis.formulas.find_formulas`.
    formulas : a :class:`~analysis.formulas.FormulaResult`, a table with columns formula_id and
        formula, or formula strings (numbered F001, F002 … in the order given).
    client, npartitions : the cluster (:func:`analysis.cluster.client.get_client`) and how many
        partitions of documents (default :func:`~analysis.cluster.client.partition_count`).

    Returns
    -------
    DataFrame
        One row per use (:data:`analysis.formulas.OCCURRENCE_COLUMNS`; start and end are character
        offsets in ``text``), ordered as ``find_formulas(...).occurrences``: for the formulas of a
        :class:`FormulaResult` of the same corpus, the same table.
    """
    table = formula_table(formulas)
    docs, _ = formula_documents(corpus)
    parts = _on_cluster(docs.table, table, None, client, npartitions)
    if not parts:
        return pd.DataFrame(columns=OCCURRENCE_COLUMNS)
    occ = pd.concat(parts, ignore_index=True)
    return occurrences_frame(occ, table["formula_id"], docs)


def count_formulas(
    corpus: pd.DataFrame,
    formulas: Formulas,
    *,
    by: str | Sequence[str] | None = "year",
    client: Client | str | None = None,
    npartitions: int | None = None,
) -> pd.DataFrame:
    """How many documents and uses each formula has per group (year, level, doc_id …), on a Dask cluster.

    Counted on each partition and summed (a document is in one partition).  ``by`` names columns of
    the searched documents (doc_id, date, year, level, region, jurisdiction); None counts the corpus
    as a whole.  A missing year is a group of its own (<NA>).  ``formulas``, ``client`` and
    ``npartitions`` as in :func:`formula_occurrences`.

    Returns
    -------
    DataFrame
        Columns formula_id, formula, the ``by`` columns, n_docs (documents using the formula),
        n_occurrences (its uses); one row per formula and group where it is used, ordered by
        formula_id then group.
    """
    table = formula_table(formulas)
    docs, _ = formula_documents(corpus)
    by_list = [by] if isinstance(by, str) else list(by or [])
    missing = [c for c in by_list if c not in docs.table.columns or c == "text"]
    if missing:
        raise KeyError(f"count_formulas can group by {list(docs.table.columns.drop('text'))}, not {missing}")
    parts = _on_cluster(docs.table, table, by_list, client, npartitions)
    columns = ["formula_id", "formula", *by_list, *FORMULA_COUNT_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=columns)
    keys = ["cand", *by_list]
    summed = pd.concat(parts, ignore_index=True).groupby(keys, sort=True, dropna=False).sum().reset_index()
    summed.insert(0, "formula_id", table["formula_id"].to_numpy()[summed["cand"]])
    summed.insert(1, "formula", table["formula"].to_numpy()[summed["cand"]])
    summed = summed.sort_values(["formula_id", *by_list], kind="stable", na_position="last")
    return summed[columns].reset_index(drop=True)


def formula_table(formulas: Formulas) -> pd.DataFrame:
    """formula_id and formula of ``formulas`` (a FormulaResult, a table, or strings numbered F001 …).

    Raises ValueError for a formula holding clause punctuation or a line break (no use can cross one)
    or nothing a formula is made of, and for a formula listed twice.
    """
    if isinstance(formulas, FormulaResult):
        table = formulas.formulas[["formula_id", "formula"]]
    elif isinstance(formulas, pd.DataFrame):
        missing = [c for c in ("formula_id", "formula") if c not in formulas.columns]
        if missing:
            raise ValueError(f"a formula table needs columns formula_id and formula; missing {missing}")
        table = formulas[["formula_id", "formula"]]
    else:
        strings = [str(f) for f in formulas]
        width = max(3, len(str(len(strings))))
        table = pd.DataFrame({"formula_id": [f"F{i + 1:0{width}d}" for i in range(len(strings))], "formula": strings})
    table = table.reset_index(drop=True)
    formula_codes(table["formula"].tolist())  # raises for a formula no text can hold
    for column in ("formula_id", "formula"):
        if table[column].duplicated().any():
            raise ValueError(f"{column} {table.loc[table[column].duplicated(), column].iloc[0]!r} is listed twice")
    return table


def formula_codes(formulas: Sequence[str]) -> list[np.ndarray]:
    """The codes (int64) of each formula as :func:`encode_texts` encodes a text holding it.

    Raises ValueError for a formula holding clause punctuation or a line break (no use can cross
    one) or no letter or digit.
    """
    # a leading letter keeps a formula starting 一、 from reading as a heading marker at a text's start
    enc = encode_texts(["x" + f for f in formulas])
    starts = np.searchsorted(enc.doc_of, np.arange(len(formulas) + 1))
    out = []
    for f, a, b in zip(formulas, starts[:-1], starts[1:]):
        # drop the leading x and the separator that ends every text
        if enc.is_sep[a + 1 : b - 1].any() or b - a <= 2:
            raise ValueError(f"formula {f!r} holds clause punctuation or a line break, or no letter or digit")
        out.append(enc.codes[a + 1 : b - 1].astype(np.int64))
    return out


def _on_cluster(
    documents: pd.DataFrame,
    table: pd.DataFrame,
    by_list: list[str] | None,
    client: Client | str | None,
    npartitions: int | None,
) -> list[pd.DataFrame]:
    """Per partition of ``documents``: its uses (``by_list`` None) or its counts per formula and group."""
    # a formula no text can hold is an error even for an empty corpus, not an empty result
    prepared = formula_set(formula_codes(table["formula"].tolist()))
    if documents.empty or table.empty:
        return []
    columns = ["text", *(by_list or [])]
    with get_client(client) as c:
        n = npartitions or partition_count(len(documents), c)
        chunks = c.scatter(
            [(a, documents.iloc[a:b][columns].reset_index(drop=True)) for a, b in partition_bounds(len(documents), n)],
            hash=False,  # keys unique to this call: an earlier call may be releasing equal ones
        )
        # one future for the whole list (scattering a list would scatter each element)
        wanted = c.scatter([prepared], broadcast=True, hash=False)[0]
        return c.gather(c.map(_partition, chunks, formulas=wanted, by_list=by_list, pure=False))


def _partition(chunk: tuple[int, pd.DataFrame], formulas: list[FormulaSet], by_list: list[str] | None) -> pd.DataFrame:
    """One partition's uses (cand, doc, start, end, annotations), or with ``by_list`` its counts (on a worker)."""
    first, docs = chunk
    texts = docs["text"].tolist()
    occ = find_uses(texts, formulas)
    if by_list is None:
        occ = annotate_occurrences(occ, texts)
        return occ.assign(doc=occ["doc"] + first)
    grouped = occ.join(docs[by_list], on="doc").groupby(["cand", *by_list], sort=True, dropna=False)
    return pd.DataFrame({"n_docs": grouped["doc"].nunique(), "n_occurrences": grouped.size()}).reset_index()


@dataclass(frozen=True)
class FormulaSet:
    """The formulas of one length, hashed once for every partition (see :func:`formula_set`)."""

    length: int  # codes
    which: np.ndarray  # each formula's position in the caller's list
    codes: np.ndarray  # int64, one row per formula
    hashes: np.ndarray  # uint64 hash of each row, sorted
    order: np.ndarray  # row of each sorted hash


def formula_set(formulas: list[np.ndarray]) -> list[FormulaSet]:
    """Formulas given as codes (:func:`formula_codes`), grouped by length and hashed; returns one
    :class:`FormulaSet` per length, shortest first."""
    lengths = np.array([len(f) for f in formulas], dtype=np.int64)
    out = []
    for length in np.unique(lengths).tolist():
        which = np.flatnonzero(lengths == length)
        wanted = np.stack([formulas[i] for i in which])
        own = _WindowHashes(wanted.ravel()).of(length)[::length]
        order = np.argsort(own, kind="stable")
        if len(np.unique(own)) < len(own):  # two formulas of one hash (about 2**-64 a pair): say so, never miss uses
            raise RuntimeError(f"two formulas of {length} characters share a hash; count them in separate calls")
        out.append(FormulaSet(length, which, wanted, own[order], order))
    return out


class _WindowHashes:
    """Polynomial hashes of every window of a code array, any length, each in a few passes.

    With prefix sums Q[i] = sum of c[j] * B**-j (j < i), modulo 2**64 (B is odd, so it has an
    inverse), the window of length L at i is B**(i+L-1) * (Q[i+L] - Q[i]) = sum of c[i+j] * B**(L-1-j):
    the same value wherever the window is, in O(n) per length instead of O(n L).
    """

    def __init__(self, codes: np.ndarray) -> None:
        n = len(codes)
        # uint64 arrays wrap around: the arithmetic is modulo 2**64, as the hash needs
        inverse_powers = np.r_[np.uint64(1), np.cumprod(np.full(max(n - 1, 0), _BASE_INVERSE, dtype=np.uint64))]
        self.prefix = np.r_[np.uint64(0), np.cumsum(codes.astype(np.uint64) * inverse_powers, dtype=np.uint64)]
        self.powers = np.r_[np.uint64(1), np.cumprod(np.full(max(n - 1, 0), _BASE, dtype=np.uint64))]

    def of(self, length: int) -> np.ndarray:
        """The hash (uint64) of each window of ``length`` codes, one per start."""
        n = len(self.prefix) - length
        return self.powers[length - 1 : length - 1 + n] * (self.prefix[length : length + n] - self.prefix[:n])


def _slot(hashes: np.ndarray) -> np.ndarray:
    """Each hash's slot in the filter table: the high bits of its product with an odd constant
    (Fibonacci hashing), which depend on every bit of the hash, even for a window of one code."""
    return (hashes * _FIBONACCI) >> _FILTER_SHIFT


def find_uses(texts: list[str], formulas: list[FormulaSet]) -> pd.DataFrame:
    """Every use of each formula (:func:`formula_set`) in ``texts``.

    Returns
    -------
    DataFrame
        Columns cand (the formula's position in the list given to :func:`formula_set`), doc (the
        text's position), start and end (character offsets in the text, end exclusive), ordered
        by cand then position.
    """
    enc = encode_texts(texts)
    codes = enc.codes.astype(np.int64)
    windows = _WindowHashes(codes)
    found: list[dict[str, Any]] = []
    for fs in formulas:
        if len(codes) < fs.length:
            continue
        hashes = windows.of(fs.length)
        # a table of the formulas' hash slots rules out almost every window in one lookup;
        # only the rest are searched for (a search per window costs ten times more)
        seen = np.zeros(_FILTER_SIZE, dtype=bool)
        seen[_slot(fs.hashes)] = True
        maybe = np.flatnonzero(seen[_slot(hashes)])
        at = np.minimum(np.searchsorted(fs.hashes, hashes[maybe]), len(fs.hashes) - 1)
        match = fs.hashes[at] == hashes[maybe]
        hit, k = maybe[match], fs.order[at[match]]
        # compared code by code: equal hashes of unequal windows are not uses
        same = (codes[hit[:, None] + np.arange(fs.length)] == fs.codes[k]).all(axis=1)
        found.append({"cand": fs.which[k[same]], "pos": hit[same], "length": fs.length})
    if not found:
        return pd.DataFrame({c: np.zeros(0, dtype=np.int64) for c in _OCC_COLUMNS})
    cand = np.concatenate([f["cand"] for f in found]).astype(np.int64)
    pos = np.concatenate([f["pos"] for f in found]).astype(np.int64)
    ends = np.concatenate([f["pos"] + f["length"] - 1 for f in found]).astype(np.int64)
    order = np.lexsort((pos, cand))
    cand, pos, ends = cand[order], pos[order], ends[order]
    return pd.DataFrame(
        {
            "cand": cand,
            "doc": enc.doc_of[pos].astype(np.int64),
            "start": enc.orig_off[pos].astype(np.int64),
            "end": enc.orig_off[ends].astype(np.int64) + 1,
        }
    )
