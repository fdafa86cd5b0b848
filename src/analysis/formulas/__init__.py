"""Formulas (提法): short phrases that travel between jurisdictions, and how they spread.

Chinese policy documents repeat the formulas of the documents above and
beside them: 优政、惠民、兴业、强基; 以人为本、需求引领、数据驱动、特色发展.
:func:`find_formulas` finds such phrases (6-40 characters by default, shared
by documents of at least two jurisdictions), and the diffusion functions
trace each one's adoption over years and levels.

Modules: :mod:`.index` (clause-bounded encoding, suffix array, maximal
repeats), :mod:`.packed` (codes packed several to a 64-bit word for the
suffix array), :mod:`.select` (enumeration cores, boilerplate, cores of longer
formulas), :mod:`.find` (:func:`find_formulas`), :mod:`.result`
(:class:`FormulaResult`), :mod:`.diffusion` (adoption paths and tables,
bottom-up formulas) and :mod:`.describe` (sentences for a report).
"""

from __future__ import annotations

from .describe import describe_formulas
from .diffusion import bottom_up_formulas, formula_adoption, formula_paths
from .find import find_formulas
from .result import FORMULA_COLUMNS, OCCURRENCE_COLUMNS, FormulaResult

__all__ = [
    "FORMULA_COLUMNS",
    "OCCURRENCE_COLUMNS",
    "FormulaResult",
    "bottom_up_formulas",
    "describe_formulas",
    "find_formulas",
    "formula_adoption",
    "formula_paths",
]
