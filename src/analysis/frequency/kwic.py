"""Keyword in context: a concordance on the raw characters, no segmentation involved."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .inputs import check_text_column, texts

__all__ = ["KWIC_UNITS", "kwic"]

#: Units of the columns of :func:`kwic`.
KWIC_UNITS = {"position": "character offset in the text (0-based)"}

_LAYOUT_WHITESPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def kwic(
    corpus: pd.DataFrame,
    pattern: str,
    window: int = 20,
    regex: bool = False,
    *,
    text_col: str = "text",
    id_col: str = "doc_id",
) -> pd.DataFrame:
    """Keyword-in-context concordance on the raw characters of each text.

    No segmentation is involved, so a term is found even where the
    tokenizer would have merged it into a longer word (智慧城市 inside
    新型智慧城市).

    Parameters
    ----------
    corpus : DataFrame
        Corpus or paragraphs table.
    pattern : str
        Literal text, or a regular expression if ``regex=True``.
    window : int, default 20
        Characters of context on each side.
    regex : bool, default False
    text_col, id_col : str
        Text column and identifier column (the index is used if ``id_col``
        is absent).

    Returns
    -------
    DataFrame
        Columns ``doc_id`` (plus ``para_id`` when the input has it),
        ``position`` (0-based character offset of the match in the text),
        ``left``, ``keyword``, ``right``.  Matches do not overlap; empty
        matches are skipped.  Line breaks and tabs in the context are shown
        as spaces (one for one, so offsets stay valid).
    """
    check_text_column(corpus, text_col)
    if not pattern:
        raise ValueError("pattern must be a non-empty string")
    if window < 0:
        raise ValueError(f"window must be >= 0, got {window}")
    compiled = re.compile(pattern if regex else re.escape(pattern))
    ids = corpus[id_col].tolist() if id_col in corpus.columns else corpus.index.tolist()
    para = corpus["para_id"].tolist() if "para_id" in corpus.columns else None

    rows: list[tuple[Any, ...]] = []
    for i, text in enumerate(texts(corpus, text_col).tolist()):
        for match in compiled.finditer(text):
            start, end = match.span()
            if start == end:
                continue
            left = text[max(0, start - window) : start].translate(_LAYOUT_WHITESPACE)
            right = text[end : end + window].translate(_LAYOUT_WHITESPACE)
            extra = (para[i],) if para is not None else ()
            rows.append((ids[i], *extra, start, left, match.group(), right))
    columns = ["doc_id", *(["para_id"] if para is not None else []), "position", "left", "keyword", "right"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["position"] = frame["position"].astype(np.int64)
    return frame.reset_index(drop=True)
