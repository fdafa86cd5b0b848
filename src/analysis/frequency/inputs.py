"""Checks and segmentation shared by the term-frequency functions."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..segment import tokenize_corpus

__all__ = ["TokenizerLike", "check_text_column", "texts", "tokens"]

TokenizerLike = Callable[[str], list[str]]


def check_text_column(corpus: pd.DataFrame, text_col: str) -> None:
    """Raise TypeError unless ``corpus`` is a DataFrame, KeyError unless it has ``text_col``."""
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"corpus must be a DataFrame, got {type(corpus).__name__}")
    if text_col not in corpus.columns:
        raise KeyError(f"corpus has no column {text_col!r}")


def texts(corpus: pd.DataFrame, text_col: str) -> pd.Series:
    """Return the text column as strings, a missing text as ``""``."""
    return corpus[text_col].fillna("").astype(str)


def tokens(
    corpus: pd.DataFrame | pd.Series | list[str],
    text_col: str,
    tokenizer: TokenizerLike | None,
    cache: bool,
    progress: bool | None = None,
) -> pd.Series:
    """Return one token list per row (see :func:`analysis.segment.tokenize_corpus`)."""
    return tokenize_corpus(corpus, text_col, tokenizer=tokenizer, cache=cache, progress=progress)
