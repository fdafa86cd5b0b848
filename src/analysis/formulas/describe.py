"""Sentences for a report: what :func:`find_formulas` found, stated as facts about this corpus."""

from __future__ import annotations

import pandas as pd

from .diffusion import bottom_up_formulas, formula_paths
from .result import FormulaResult

__all__ = ["describe_formulas"]

_LEVEL_WORDS = {
    "central": "a central",
    "ministry": "a ministerial",
    "provincial": "a provincial",
    "prefecture": "a prefecture-level",
    "county": "a county-level",
}


def _when(date: object, year: object) -> str:
    if isinstance(date, str) and date:
        return date
    return str(int(year)) if pd.notna(year) else "undated"  # type: ignore[call-overload]


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _summary(result: FormulaResult) -> list[str]:
    p = result.params
    n = len(result.formulas)
    scope = (
        f"phrases of {p['min_chars']}-{p['max_chars']} characters used by at least {p['min_docs']} documents"
        f" of at least {_plural(p['min_jurisdictions'], 'jurisdiction')}"
    )
    dup = f" ({_plural(p['n_duplicates_left_out'], 'duplicate')} left out)" if p.get("n_duplicates_left_out") else ""
    lines = [
        f"The search covered {_plural(p['n_documents'], 'document')}{dup}"
        f" from {_plural(p['n_jurisdictions'], 'jurisdiction')}."
    ]
    lines.append(
        f"It found {_plural(n, 'formula', 'formulas')}: {scope}." if n else f"No formula was found: no {scope}."
    )
    left = {k: v for k, v in p.get("n_boilerplate", {}).items() if v}
    if left and not p.get("keep_boilerplate"):
        kinds = ", ".join(f"{k} {v}" for k, v in left.items())
        n_left = sum(left.values())
        verb = "was" if n_left == 1 else "were"
        lines.append(f"{_plural(n_left, 'phrase')} of 公文 boilerplate {verb} left out ({kinds}).")
    if p.get("n_fragments"):
        one = p["n_fragments"] == 1
        lines.append(
            f"{_plural(p['n_fragments'], 'repeat')} that {'starts or ends' if one else 'start or end'} inside a word "
            f"{'was' if one else 'were'} left out."
        )
    if p.get("n_undated_documents"):
        lines.append(
            f"{_plural(p['n_undated_documents'], 'document')} without any year count in n_docs but are not placed"
            " in time: a formula's first use is its first dated use."
        )
    return lines


def _top(result: FormulaResult, top: int) -> list[str]:
    f = result.formulas.head(top)
    lines = []
    for row in f.itertuples(index=False):
        first = (
            f"first used in this corpus by {_LEVEL_WORDS.get(row.first_level, 'a')} document"
            f" of {row.first_jurisdiction}"
            f" ({_when(row.first_date, row.first_year)}, {row.first_doc_id})"
            if row.first_doc_id
            else "used only in undated documents"
        )
        lines.append(
            f"- “{row.formula}”: {_plural(int(row.n_jurisdictions), 'jurisdiction')},"
            f" {_plural(int(row.n_docs), 'document')}; {first}."
        )
    return lines


def describe_formulas(result: FormulaResult, top: int = 5) -> str:
    """Markdown sentences on the formulas of ``result``, true for the corpus it ran on.

    Says how many documents and jurisdictions were searched, how many formulas
    were found and what was left out (boilerplate, word fragments, undated
    documents), lists the ``top`` most widely shared formulas with their first
    dated use, and the formulas first used locally and later at a higher level
    (:func:`analysis.formulas.bottom_up_formulas`) with the caveat that each is
    a fact about the corpus's coverage.

    Returns
    -------
    str
        Markdown: paragraphs and bullet lists.
    """
    parts = [" ".join(_summary(result))]
    if result.formulas.empty:
        return "\n\n".join(parts)
    parts.append(f"The {min(top, len(result.formulas))} most widely shared:\n\n" + "\n".join(_top(result, top)))
    up = bottom_up_formulas(result)
    if up.empty:
        parts.append(
            "No formula was first used by a local document and later by a higher level"
            " in this corpus's dated documents."
        )
    else:
        bullets = [
            f"- “{r.formula}”: {r.first_level} {r.first_jurisdiction} ({_when(r.first_date, r.first_year)})"
            f" → {r.higher_level} {r.higher_jurisdiction} ({_when(r.higher_date, r.higher_year)})"
            for r in up.head(10).itertuples(index=False)
        ]
        more = f" (the first 10 of {len(up)})" if len(up) > 10 else ""
        parts.append(
            f"{_plural(len(up), 'formula was', 'formulas were')} first used by a local document and later by a higher"
            f" level{more}:\n\n" + "\n".join(bullets) + "\n\nThis is what the corpus's documents show: a use in a "
            "document the corpus lacks, or in an undated one, may be earlier."
        )
    paths = formula_paths(result)
    if not paths.empty and result.params.get("min_jurisdictions", 2) < 2:
        spread = paths.groupby("formula_id")["step"].max()
        parts.append(
            f"Of the {len(result.formulas)} formulas, {int((spread >= 2).sum())} reached a second jurisdiction in a"
            " dated document."
        )
    return "\n\n".join(parts)
