"""The watchlist of policy terms and counting them in texts.

Terms are counted on characters (regular expressions over the clean text), not on
segmented tokens, so a term is found wherever it is written, whatever the tokenizer
does with its neighbours.  Terms come from an editable watchlist
(``data/watchlist.csv``: term, category, optional regex pattern, note) or any list.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeAlias

import numpy as np
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


# the standard library's own regex parser (re._parser since Python 3.11, sre_parse before): it tells
# which characters every match of a pattern must contain
_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")


def _literal_runs(pattern: re.Pattern[str]) -> list[tuple[str, int, int]] | None:
    """For each top-level alternative of ``pattern``: its longest run of literal characters and
    the least and most characters a match can have before that run.

    Every match contains one of the runs, starting that many characters earlier.  Returns None
    when that cannot be said (an alternative without a literal, case-insensitive matching, an
    unbounded width before the run, or a pattern the parser does not take apart).
    """
    try:
        parsed = _PARSER.parse(pattern.pattern, pattern.flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        items = list(parsed)
        branches = items[0][1][1] if len(items) == 1 and items[0][0] == _PARSER.BRANCH else [items]
        runs = []
        for branch in branches:
            longest, at, current = "", 0, ""
            for i, (op, value) in enumerate(branch):
                current = current + chr(value) if op == _PARSER.LITERAL else ""
                if len(current) > len(longest):
                    longest, at = current, i + 1 - len(current)
            low, high = _PARSER.SubPattern(parsed.state, list(branch[:at])).getwidth()
            if not longest or high >= _PARSER.MAXREPEAT:
                return None
            runs.append((longest, int(low), int(high)))
    except Exception:  # a parser of another Python version: no shortcut, the regex decides
        return None
    return runs


def _starts(text: str, runs: list[tuple[str, int, int]]) -> list[int]:
    """Sorted positions in ``text`` where a match can start: before each occurrence of a run."""
    starts: set[int] = set()
    for run, low, high in runs:
        at = text.find(run)
        while at >= 0:
            starts.update(range(max(at - high, 0), at - low + 1))
            at = text.find(run, at + 1)
    return sorted(starts)


def _count_at(pattern: re.Pattern[str], text: str, runs: list[tuple[str, int, int]]) -> int:
    """Non-overlapping matches of ``pattern`` in ``text`` (as ``len(findall)``), tried only where one can start.

    Matches are never empty (each holds a run), so after a match the scan goes on at its end,
    as ``findall`` does; the positions skipped cannot start a match.
    """
    count, end = 0, 0
    for start in _starts(text, runs):
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                count, end = count + 1, match.end()
    return count


def _counter(pattern: re.Pattern[str]) -> Callable[[str], int]:
    """A function text -> number of non-overlapping matches of ``pattern`` (as ``len(findall)``).

    A pattern of literal characters only is counted with ``str.count`` (the same
    non-overlapping, left-to-right count, several times faster).  A pattern whose every match
    holds one of a few literal strings is tried only just before their occurrences: Python's
    regex engine scans a pattern such as ``(公共)?数据开放|开放数据``, which starts with no
    literal, about 50x slower than a literal.
    """
    runs = _literal_runs(pattern)
    if runs is not None and len(runs) == 1 and pattern.pattern in (runs[0][0], re.escape(runs[0][0])):
        literal = runs[0][0]  # the whole pattern is this one string
        return lambda text: text.count(literal)
    if runs is None or (len(runs) == 1 and _starts_with_literal(pattern)):
        # the regex engine itself jumps between occurrences of a literal prefix, faster than a Python loop
        return lambda text: len(pattern.findall(text))
    return lambda text: _count_at(pattern, text, runs)


def _starts_with_literal(pattern: re.Pattern[str]) -> bool:
    """Whether the pattern begins with a literal character (not an alternation, group or assertion)."""
    parsed = list(_PARSER.parse(pattern.pattern, pattern.flags))
    return bool(parsed) and parsed[0][0] == _PARSER.LITERAL


def count_terms(corpus: pd.DataFrame, terms: Terms, text_col: str = "text") -> pd.DataFrame:
    """Occurrences of each term in each document: columns doc_id, term, count (non-overlapping matches).

    One row per document x term, zeros included, so groupings never lose a
    document that does not use a term (a missing text counts NaN).
    """
    pats = term_patterns(terms)
    texts = corpus[text_col].tolist()
    present = [isinstance(text, str) for text in texts]
    rows = {}
    for term, pattern in pats.items():
        count = _counter(pattern)
        values = [count(text) if ok else np.nan for text, ok in zip(texts, present)]
        rows[term] = pd.Series(values, index=corpus.index, dtype=np.int64 if all(present) else np.float64)
    wide = pd.DataFrame(rows, index=corpus.index)
    wide.insert(0, "doc_id", corpus["doc_id"].values)
    return wide.melt(id_vars="doc_id", var_name="term", value_name="count")
