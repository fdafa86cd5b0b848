"""Co-occurrence: edge table of terms appearing in the same sentence, paragraph or document."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..dtm import count_matrix
from ..segment import PROGRESS_MIN_BYTES
from .inputs import TokenizerLike, check_text_column, texts, tokens

__all__ = ["COOCCURRENCE_UNITS", "PARAGRAPH_BOUNDARY", "SENTENCE_BOUNDARY", "cooccurrence"]

#: Sentence boundaries for :func:`cooccurrence`: Chinese and Latin full stop,
#: question and exclamation marks, semicolons (which separate the items of
#: policy enumerations) and line breaks.
SENTENCE_BOUNDARY = re.compile(r"[。！？；!?;]+|[\r\n]+")
PARAGRAPH_BOUNDARY = re.compile(r"[\r\n]+")

#: Units of the columns of :func:`cooccurrence` ("unit" = sentence, paragraph or document).
COOCCURRENCE_UNITS = {
    "weight": "units containing both terms",
    "count_a": "units containing term_a",
    "count_b": "units containing term_b",
    "jaccard": "proportion (0-1)",
    "pmi": "bits",
}


def _split_units(texts: Iterable[str], unit: str) -> list[str]:
    """Split texts into the non-blank sentences, paragraphs or documents."""
    if unit == "document":
        return [text for text in texts if text.strip()]
    boundary = SENTENCE_BOUNDARY if unit == "sentence" else PARAGRAPH_BOUNDARY
    return [piece for text in texts for piece in boundary.split(text) if piece.strip()]


def _select_terms(
    vocabulary: np.ndarray, unit_freq: np.ndarray, terms: Iterable[str] | None, max_terms: int | None
) -> np.ndarray:
    """Column indices to keep: the given terms, else the ``max_terms`` in the most units (ties by term)."""
    if terms is not None:
        wanted = set(terms)
        return np.flatnonzero([term in wanted for term in vocabulary])
    if max_terms is not None and len(vocabulary) > max_terms:
        order = np.lexsort((vocabulary.astype(str), -unit_freq))
        return np.sort(order[:max_terms])
    return np.arange(len(vocabulary))


def _edges(
    present: sp.csc_matrix, vocabulary: np.ndarray, unit_freq: np.ndarray, min_count: int, n_units: int
) -> pd.DataFrame:
    """Pairs of terms with weight, unit counts, Jaccard and PMI, from a binary units x terms matrix."""
    pairs = sp.triu(present.T @ present, k=1).tocoo()
    keep = pairs.data >= min_count
    i, j, weight = pairs.row[keep], pairs.col[keep], pairs.data[keep].astype(np.int64)
    count_a, count_b = unit_freq[i].astype(np.int64), unit_freq[j].astype(np.int64)
    return pd.DataFrame(
        {
            "term_a": vocabulary[i],
            "term_b": vocabulary[j],
            "weight": weight,
            "count_a": count_a,
            "count_b": count_b,
            "jaccard": weight / (count_a + count_b - weight),
            "pmi": np.log2(weight * float(n_units) / (count_a * count_b.astype(float))),
        }
    )


def cooccurrence(
    corpus: pd.DataFrame,
    unit: str = "sentence",
    min_count: int = 2,
    *,
    tokenizer: TokenizerLike | None = None,
    text_col: str = "text",
    terms: Iterable[str] | None = None,
    max_terms: int | None = 300,
    cache: bool = True,
) -> pd.DataFrame:
    """Edge table of terms appearing in the same sentence, paragraph or document.

    Built from the binary units x terms matrix ``X`` as ``X.T @ X``.

    Parameters
    ----------
    corpus : DataFrame
        Corpus or paragraphs table (``analysis.load_paragraphs``).
    unit : {"sentence", "paragraph", "document"}, default "sentence"
        Co-occurrence window.  Sentences end at 。！？；!?; or a line break;
        paragraphs at a line break (a row of the paragraphs table is one
        paragraph); "document" uses each row whole.
    min_count : int, default 2
        Minimum ``weight``.
    tokenizer : Tokenizer or callable, optional
    text_col : str, default "text"
    terms : iterable of str, optional
        Restrict the network to these terms.
    max_terms : int or None, default 300
        Otherwise keep the terms found in the most units (ties by term);
        ``None`` keeps all (the matrix grows with the square of this).
    cache : bool, default True

    Returns
    -------
    DataFrame
        Columns ``term_a, term_b`` (``term_a < term_b`` in code-point order),
        ``weight`` (units containing both), ``count_a``, ``count_b`` (units
        containing each), ``jaccard = weight / (count_a + count_b - weight)``
        and ``pmi = log2(weight * N / (count_a * count_b))`` in bits, N being
        the number of units with at least one token.  Sorted by weight
        descending, then terms.  Units: :data:`COOCCURRENCE_UNITS`.
    """
    check_text_column(corpus, text_col)
    if unit not in {"sentence", "paragraph", "document"}:
        raise ValueError(f"unit must be 'sentence', 'paragraph' or 'document', got {unit!r}")
    units = _split_units(texts(corpus, text_col).tolist(), unit)
    # Units are small and numerous: decide on the progress bar by volume only.
    n_bytes = sum(len(u) for u in units) * 3
    token_lists = tokens(units, text_col, tokenizer, cache, progress=n_bytes > PROGRESS_MIN_BYTES)
    present, vocabulary = count_matrix(token_lists.tolist(), binary=True)
    present = present[np.diff(present.indptr) > 0]  # units with at least one token
    n_units = present.shape[0]

    unit_freq = np.asarray(present.sum(axis=0)).ravel()
    selected = _select_terms(vocabulary, unit_freq, terms, max_terms)
    present = present[:, selected].tocsc().astype(np.int64)
    frame = _edges(present, vocabulary[selected], unit_freq[selected], min_count, n_units)
    frame = frame.sort_values(["weight", "term_a", "term_b"], ascending=[False, True, True], kind="mergesort")
    return frame.reset_index(drop=True)
