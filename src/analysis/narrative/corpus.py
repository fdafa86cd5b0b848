"""Sentences about the corpus itself: size, span, levels, documents per year, and the seeds-only box."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from ..labels import is_inferred_year
from ..levels import order_levels
from ..resources import seed_dir
from .format import listing, number, plural, year_span

__all__ = ["corpus_facts", "corpus_sentence", "is_seed_corpus", "levels_sentence", "seed_note", "years_sentence"]


def is_seed_corpus(corpus_dir: str | os.PathLike[str] | None) -> bool:
    """True when ``corpus_dir`` is the bundled seed folder (``None`` means the bundled seeds)."""
    if corpus_dir is None:
        return True
    try:
        return Path(corpus_dir).resolve() == seed_dir().resolve()
    except FileNotFoundError:
        return False


def seed_note(text: str, corpus_dir: str | os.PathLike[str] | None) -> str:
    """A Markdown box with commentary written for the bundled seeds; "" for any other corpus.

    The box is headed "On the bundled seeds", so a reader of a report on the
    seeds knows the text was written by hand for them, and a report on another
    corpus shows nothing of it.
    """
    if not is_seed_corpus(corpus_dir):
        return ""
    body = "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())
    return "> **On the bundled seeds** (written for them by hand; not computed):\n>\n" + body


def _levels(documents: pd.DataFrame) -> pd.Series:
    """Each document's level, "unknown" where the loader could not tell."""
    if "level" not in documents:
        return pd.Series(["unknown"] * len(documents), index=documents.index)
    return documents["level"].fillna("").astype(str).replace("", "unknown")


def _unique(documents: pd.DataFrame) -> pd.DataFrame:
    if "duplicate_of" not in documents:
        return documents
    return documents[documents["duplicate_of"].fillna("") == ""]


def corpus_facts(documents: pd.DataFrame) -> dict[str, Any]:
    """The numbers every abstract starts from.

    Returns
    -------
    dict
        n_documents (documents kept, duplicates set aside), n_duplicates,
        n_chars (characters of the kept documents), n_undated, n_inferred
        (kept documents whose year is inferred, not printed), span ("2014-2023",
        "2021" or "" when no document is dated), years (sorted distinct years),
        levels (level -> documents, in hierarchical order).
    """
    kept = _unique(documents)
    years = kept["year"] if "year" in kept else pd.Series([None] * len(kept))
    inferred = kept["date_source"].map(is_inferred_year) if "date_source" in kept else pd.Series([], dtype=bool)
    counts = _levels(kept).value_counts()
    return {
        "n_documents": len(kept),
        "n_duplicates": len(documents) - len(kept),
        "n_chars": int(kept["n_chars"].sum()) if "n_chars" in kept else int(kept["text"].str.len().sum()),
        "n_undated": int(years.isna().sum()),
        "n_inferred": int(inferred.sum()),
        "span": year_span(years),
        "years": sorted({int(y) for y in years.dropna()}),
        "levels": {lv: int(counts[lv]) for lv in order_levels(counts.index)},
    }


def levels_sentence(documents: pd.DataFrame) -> str:
    """Levels with their documents, e.g. "central 5, ministry 7 and provincial 9" (duplicates set aside)."""
    levels = corpus_facts(documents)["levels"]
    return listing([f"{lv} {n}" for lv, n in levels.items()], limit=10)


def corpus_sentence(documents: pd.DataFrame, skipped: pd.DataFrame | None = None) -> str:
    """The corpus in one or two sentences: documents, characters, duplicates, undated, span and levels.

    Returns Markdown such as "**3 documents** (12,345 characters), dated 2020-2022;
    levels: provincial 2 and prefecture 1. 1 duplicate set aside; 1 file skipped."
    """
    f = corpus_facts(documents)
    if f["n_documents"] == 0:
        return "**No document** could be read from this corpus."
    text = f"**{plural(f['n_documents'], 'document')}** ({number(f['n_chars'])} characters)"
    dated = f["n_documents"] - f["n_undated"]
    if dated == 0:
        text += ", none of them dated"
    else:
        text += (
            f", dated {f['span']}"
            if f["n_undated"] == 0
            else f"; {dated} dated ({f['span']}), {f['n_undated']} undated"
        )
    text += f"; levels: {levels_sentence(documents)}."
    extras = []
    if f["n_duplicates"]:
        extras.append(f"{plural(f['n_duplicates'], 'duplicate')} set aside")
    if f["n_inferred"]:
        extras.append(f"{plural(f['n_inferred'], 'year')} inferred rather than printed")
    if skipped is not None and len(skipped):
        extras.append(f"{plural(len(skipped), 'file')} skipped (listed in notebook 01)")
    if extras:
        text += " " + listing(extras).capitalize() + "."
    return text


def years_sentence(documents: pd.DataFrame) -> str:
    """Documents per year and the years each level covers, as computed prose.

    Returns e.g. "The busiest year is 2021 (6 documents); no document is dated 2015 or 2017.
    Central documents are dated 2021-2022, ministry 2014-2020, provincial 2018-2023."
    """
    kept = _unique(documents)
    dated = kept[kept["year"].notna()]
    if dated.empty:
        return "No document in this corpus is dated, so nothing can be placed in time."
    per_year = dated["year"].astype(int).value_counts().sort_index()
    if len(per_year) == 1:
        text = f"Every dated document is from {per_year.index[0]} ({plural(int(per_year.iloc[0]), 'document')})."
    else:
        top = int(per_year.max())
        busiest = [str(y) for y, n in per_year.items() if n == top]
        if len(busiest) == len(per_year):
            text = f"Each of the {len(per_year)} dated years has {plural(top, 'document')}."
        else:
            each = "" if len(busiest) == 1 else " each"
            verb = "year is" if len(busiest) == 1 else "years are"
            text = f"The busiest {verb} {listing(busiest)} ({plural(top, 'document')}{each})."
        gaps = [str(y) for y in range(per_year.index.min(), per_year.index.max() + 1) if y not in per_year.index]
        if gaps:
            text += f" No document is dated {listing(gaps, limit=8, conjunction='or')}."
    spans = []
    levels = _levels(dated)
    for level in order_levels(levels):
        span = year_span(dated.loc[levels == level, "year"])
        spans.append(f"{level} {span}")
    if len(spans) > 1:
        text += f" By level: {listing(spans, limit=10)}."
    return text
