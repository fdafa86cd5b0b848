"""The units a topic model sees: which paragraphs, their index, their tokens.

A *unit* is one row a model is fitted on: a paragraph (``doc_id``, ``para_id``)
or a whole document (``doc_id`` only).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..segment import PROGRESS_MIN_BYTES, Tokenizer, tokenize_corpus

__all__ = ["PROGRESS_MIN_UNITS", "TokenizerLike", "default_tokenizer", "select_units", "unit_index", "unit_tokens"]

TokenizerLike = Callable[[str], list[str]]

#: Segmentation and evaluate_k show progress bars above this many units (or with progress=True).
PROGRESS_MIN_UNITS = 2000

_DEFAULT_TOKENIZER: Tokenizer | None = None


def default_tokenizer() -> Tokenizer:
    """The topic models' tokenizer, ``Tokenizer(boilerplate=True)`` (one instance per process).

    Exhortative verbs and format words of official documents (加快, 推进, 加强,
    进一步, 印发 ...) occur in nearly every paragraph and would otherwise head
    every topic, so they are dropped.
    """
    global _DEFAULT_TOKENIZER
    if _DEFAULT_TOKENIZER is None:
        _DEFAULT_TOKENIZER = Tokenizer(boilerplate=True)
    return _DEFAULT_TOKENIZER


def select_units(
    paragraphs: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    *,
    drop_headings: bool = True,
    drop_duplicates: bool = True,
    min_chars: int = 1,
) -> pd.DataFrame:
    """Paragraphs to model: body text of documents that are not later copies.

    Parameters
    ----------
    paragraphs : DataFrame
        From :func:`analysis.load_paragraphs` (doc_id, para_id, text, n_chars,
        is_heading).
    corpus : DataFrame, optional
        From :func:`analysis.load_corpus`; needed for ``drop_duplicates``
        (its ``duplicate_of`` column).
    drop_headings : bool, default True
        Drop heading lines (``is_heading``): a few characters of title each,
        they would form topics of their own.
    drop_duplicates : bool, default True
        Drop paragraphs of documents whose ``duplicate_of`` is set, so a
        policy republished verbatim is not counted twice.
    min_chars : int, default 1
        Drop paragraphs shorter than this many characters.

    Returns
    -------
    DataFrame
        The kept rows of ``paragraphs`` (same columns, new 0-based index, no ``attrs``).
    """
    keep = np.ones(len(paragraphs), dtype=bool)
    if drop_headings and "is_heading" in paragraphs.columns:
        keep &= ~paragraphs["is_heading"].fillna(False).to_numpy(dtype=bool)
    if drop_duplicates and corpus is not None and "duplicate_of" in corpus.columns:
        dups = set(corpus.loc[corpus["duplicate_of"].fillna("") != "", "doc_id"])
        keep &= ~paragraphs["doc_id"].isin(dups).to_numpy()
    lengths = paragraphs["text"].fillna("").str.len().to_numpy()
    keep &= lengths >= min_chars
    out = paragraphs.loc[keep].reset_index(drop=True)
    # The corpus keeps loader notes in attrs; pandas copies them onto slices.
    out.attrs = {}
    return out


def unit_index(units: pd.DataFrame, text_col: str = "text") -> pd.DataFrame:
    """One row per unit, in input order.

    Returns
    -------
    DataFrame
        doc_id (str), para_id (Int64; <NA> for document units), n_chars
        (characters of the text).

    Raises
    ------
    ValueError
        If units repeat a (doc_id, para_id) key.
    """
    if not isinstance(units, pd.DataFrame):
        raise TypeError(f"units must be a DataFrame, got {type(units).__name__}")
    for column in ("doc_id", text_col):
        if column not in units.columns:
            raise KeyError(f"units have no column {column!r}")
    texts = units[text_col].fillna("").astype(str)
    para = (
        units["para_id"].astype("Int64").to_numpy()
        if "para_id" in units.columns
        else pd.array([pd.NA] * len(units), dtype="Int64")
    )
    index = pd.DataFrame(
        {
            "doc_id": units["doc_id"].astype(str).to_numpy(),
            "para_id": pd.array(para, dtype="Int64"),
            "n_chars": texts.str.len().to_numpy(dtype=np.int64),
        }
    )
    if index.duplicated(["doc_id", "para_id"]).any():
        raise ValueError("units must be unique on (doc_id, para_id); documents on doc_id")
    return index


def unit_tokens(
    units: pd.DataFrame,
    text_col: str,
    tokenizer: TokenizerLike,
    cache: bool = True,
    progress: bool | None = None,
) -> list[list[str]]:
    """Segment each unit's text (cached on disk for a :class:`~analysis.segment.Tokenizer`).

    Returns
    -------
    list of list of str
        One token list per unit, in input order.
    """
    if progress is None:
        # A bar only when segmenting takes a while (several seconds): many
        # units or megabytes of text, not the ~250 seed paragraphs.
        n_bytes = int(units[text_col].fillna("").str.len().sum()) * 3 if isinstance(units, pd.DataFrame) else 0
        progress = len(units) > PROGRESS_MIN_UNITS or n_bytes > PROGRESS_MIN_BYTES
    tokens = tokenize_corpus(units, text_col, tokenizer=tokenizer, cache=cache, progress=progress)
    return tokens.tolist()
