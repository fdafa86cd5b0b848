"""FormulaResult: the formula and occurrence tables of :func:`analysis.formulas.find_formulas`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..provenance import Provenance

__all__ = ["FORMULA_COLUMNS", "OCCURRENCE_COLUMNS", "FormulaResult"]

#: Columns of ``FormulaResult.formulas``.
FORMULA_COLUMNS = [
    "formula_id",
    "formula",
    "n_chars",
    "n_docs",
    "n_jurisdictions",
    "n_occurrences",
    "first_doc_id",
    "first_date",
    "first_year",
    "first_level",
    "first_jurisdiction",
    "n_undated_docs",
    "kind",
    "share_quoted",
    "boilerplate",
    "core_formula_id",
]
#: Columns of ``FormulaResult.occurrences``.
OCCURRENCE_COLUMNS = [
    "formula_id",
    "doc_id",
    "date",
    "year",
    "level",
    "region",
    "jurisdiction",
    "start",
    "end",
    "quoted",
    "context",
]


@dataclass(frozen=True, eq=False)
class FormulaResult:
    """Output of :func:`analysis.formulas.find_formulas`.

    Attributes
    ----------
    formulas : DataFrame
        One row per formula (:data:`FORMULA_COLUMNS`), most widely shared
        first.  ``formula`` is the phrase as the index reads it (letters,
        digits and 、, spaces dropped); ``n_chars`` its length in characters;
        ``n_docs`` / ``n_jurisdictions`` / ``n_occurrences`` how widely it is
        used; ``first_*`` the earliest *dated* document using it (dates
        compared as far as both are known, then level from the top, then
        doc_id; missing when no document using it is dated) and
        ``n_undated_docs`` the documents using it without any year, which may
        be earlier; ``kind`` is "enumeration" (three or more items joined by
        、), "quoted" (inside “…” in most occurrences), "title" (inside 《…》
        in most occurrences) or "phrase"; ``share_quoted`` the share of
        occurrences inside quotation marks (0-1); ``boilerplate`` the kind of
        公文 boilerplate ("" for none; only present when boilerplate is kept);
        ``core_formula_id`` the shorter formula inside this one that more
        documents share ("" for none).
    occurrences : DataFrame
        One row per use (:data:`OCCURRENCE_COLUMNS`): ``start``/``end`` are
        character offsets into the corpus ``text``, so
        ``text[start:end]`` is the formula as printed (with its spaces and
        punctuation); ``quoted`` is True inside “…”; ``context`` the text
        around it (up to 15 characters each side).
    params : dict
        Settings used and counts: documents searched, duplicates left out,
        repeats found, boilerplate phrases excluded by kind.
    provenance : Provenance
        ``Provenance(step="find_formulas", params=params)``.

    The object unpacks as ``formulas, occurrences = result``.
    """

    formulas: pd.DataFrame
    occurrences: pd.DataFrame
    params: dict[str, Any] = field(default_factory=dict)
    provenance: Provenance = field(default_factory=lambda: Provenance("find_formulas"))

    def __iter__(self) -> Iterator[pd.DataFrame]:
        yield self.formulas
        yield self.occurrences

    def __repr__(self) -> str:
        return (
            f"FormulaResult({len(self.formulas)} formulas, {len(self.occurrences)} occurrences, "
            f"{self.params.get('n_documents', '?')} documents)"
        )

    def lookup(self, formula: str) -> pd.Series:
        """The row of ``formulas`` whose formula or formula_id is ``formula`` (KeyError if none)."""
        hit = self.formulas[(self.formulas["formula"] == formula) | (self.formulas["formula_id"] == formula)]
        if hit.empty:
            raise KeyError(f"{formula!r} is not among the {len(self.formulas)} formulas found")
        return hit.iloc[0]
