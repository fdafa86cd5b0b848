"""Token filtering: stopwords, punctuation, numbers and short tokens."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from .dictionary import load_stopwords, load_user_dictionary

__all__ = ["MEMO_MAX", "filter_tokens", "is_number", "normalise_stopwords", "numeric_dictionary_terms", "stopword_set"]

# Tokens with at least one letter, digit or CJK character (not "_"): anything
# else is punctuation or whitespace.
_HAS_WORD_CHAR = re.compile(r"[^\W_]").search
# Arabic numbers (any script's digits), with separators, signs and percent,
# or Chinese numerals optionally prefixed by 第 (第一, 二十, 三).
_IS_NUMBER = re.compile(
    r"(?:[+\-]?[\d.．,，:：/%％‰~～\-]*\d[\d.．,，:：/%％‰~～\-]*"
    r"|第?[〇零一二两三四五六七八九十百千万亿]+)"
).fullmatch


def is_number(token: str) -> bool:
    """True if ``token`` is a number (2020, 3.5%, 第一, 二十)."""
    return _IS_NUMBER(token) is not None


@cache
def numeric_dictionary_terms() -> frozenset[str]:
    """Dictionary words that look like numbers (十四五) and must survive the number filter."""
    return frozenset(w for w, _, _ in load_user_dictionary() if _IS_NUMBER(w))


def normalise_stopwords(stopwords: str | Iterable[str] | None) -> str | frozenset[str] | None:
    """Return ``"default"``, None or a frozenset of words (hashable, for caching)."""
    if stopwords is None or stopwords is False:
        return None
    if isinstance(stopwords, str):
        if stopwords != "default":
            raise ValueError(f'stopwords must be "default", None or an iterable of words, got the string {stopwords!r}')
        return "default"
    return frozenset(str(word).strip() for word in stopwords)


@lru_cache(maxsize=64)
def stopword_set(stopwords: str | frozenset[str] | None, boilerplate: bool) -> frozenset[str]:
    """Return the words removed for a normalised ``stopwords`` setting (plus boilerplate if asked)."""
    words: frozenset[str]
    if stopwords == "default":
        words = load_stopwords("general")
    elif isinstance(stopwords, frozenset):
        words = stopwords
    else:
        words = frozenset()
    if boilerplate:
        words = words | load_stopwords("boilerplate")
    return frozenset(words)


def _keeps(token: str, stopset: frozenset[str], min_len: int, keep_numbers: bool, protected: frozenset[str]) -> bool:
    """True if ``token`` survives the filters."""
    if len(token) < min_len or token in stopset or not _HAS_WORD_CHAR(token):
        return False
    return keep_numbers or token in protected or not _IS_NUMBER(token)


#: A memo of filter decisions is emptied beyond this many distinct tokens (about 50 MB).
MEMO_MAX = 500_000


def filter_tokens(
    tokens: Iterable[str],
    stopset: frozenset[str],
    min_len: int,
    keep_numbers: bool,
    protected: frozenset[str],
    memo: dict[str, bool] | None = None,
) -> list[str]:
    """Drop stopwords, punctuation, whitespace, numbers and short tokens.

    ``memo`` (token -> kept?) remembers decisions for one set of filter
    settings: a corpus repeats a small vocabulary, so one dictionary look-up
    per token replaces the checks (segmenting with rjieba then takes half
    the time it otherwise would).

    Returns
    -------
    list of str
        The kept tokens in input order; ``protected`` words are never dropped as numbers.
    """
    if memo is None:
        return [t for t in tokens if _keeps(t, stopset, min_len, keep_numbers, protected)]
    if len(memo) > MEMO_MAX:
        memo.clear()
    kept: list[str] = []
    append = kept.append
    get = memo.get
    for token in tokens:
        keep = get(token)
        if keep is None:
            keep = memo[token] = _keeps(token, stopset, min_len, keep_numbers, protected)
        if keep:
            append(token)
    return kept
