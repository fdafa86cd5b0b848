"""The watchlist of policy terms and counting them in texts.

Terms are counted on characters (regular expressions over the clean text), not on
segmented tokens, so a term is found wherever it is written, whatever the tokenizer
does with its neighbours.  Terms come from an editable watchlist
(``data/watchlist.csv``: term, category, optional regex pattern, note) or any list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TypeAlias

import pandas as pd

from ..resources import data_file

__all__ = ["Terms", "count_terms", "load_watchlist", "term_patterns"]

#: What the diffusion functions accept as terms: a watchlist table, a mapping
#: term -> regex pattern ("" = the term itself) or an iterable of literal terms.
Terms: TypeAlias = pd.DataFrame | Mapping[str, str] | Iterable[str]


def load_watchlist(path: str | Path | None = None) -> pd.DataFrame:
    """The watchlist of terms: columns term, category, pattern, note.

    ``pattern`` is a regular expression matching the term and its variants
    (城市(数据)?大脑); empty means the term itself, matched literally.  The
    default file ships with the package; pass your own CSV with the same
    columns to study other terms.
    """
    if path is None:
        with data_file("watchlist.csv").open(encoding="utf-8") as fh:
            wl = pd.read_csv(fh, dtype=str, keep_default_na=False)
    else:
        wl = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = {"term"} - set(wl.columns)
    if missing:
        raise ValueError(f"watchlist {path}: missing column(s) {sorted(missing)}")
    for col in ("category", "pattern", "note"):
        if col not in wl.columns:
            wl[col] = ""
    for term, pat in zip(wl.term, wl.pattern):
        try:
            re.compile(pat or re.escape(term))
        except re.error as e:
            raise ValueError(f"watchlist {path or 'default'}: bad pattern for {term!r}: {e}") from None
    return wl[["term", "category", "pattern", "note"]].reset_index(drop=True)


def term_patterns(terms: Terms) -> dict[str, re.Pattern[str]]:
    """Compile the terms to match.

    Returns
    -------
    dict
        term -> compiled regex, from a watchlist DataFrame (its ``pattern``
        column, empty = the term literally), a dict term -> pattern or a list
        of literal terms.
    """
    pairs: Iterable[tuple[str, str]]
    if isinstance(terms, pd.DataFrame):
        pairs = zip(terms["term"], terms.get("pattern", pd.Series([""] * len(terms))))
    elif isinstance(terms, Mapping):
        pairs = terms.items()
    else:
        pairs = ((t, "") for t in terms)
    return {t: re.compile(p or re.escape(t)) for t, p in pairs}


def count_terms(corpus: pd.DataFrame, terms: Terms, text_col: str = "text") -> pd.DataFrame:
    """Occurrences of each term in each document: columns doc_id, term, count (non-overlapping matches).

    One row per document x term, zeros included, so groupings never lose a
    document that does not use a term.
    """
    pats = term_patterns(terms)
    rows = {t: corpus[text_col].str.count(p) for t, p in pats.items()}
    wide = pd.DataFrame(rows, index=corpus.index)
    wide.insert(0, "doc_id", corpus["doc_id"].values)
    return wide.melt(id_vars="doc_id", var_name="term", value_name="count")
