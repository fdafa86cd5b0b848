"""Cosine similarity of documents' TF-IDF vectors."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfTransformer

from ..topics.dtm import build_dtm
from ..topics.units import TokenizerLike

__all__ = ["LARGE_SIMILARITY", "document_similarity"]

#: Above this many documents a dense similarity matrix gets large (n^2 floats).
LARGE_SIMILARITY = 20_000


def document_similarity(
    corpus: pd.DataFrame,
    *,
    tokenizer: TokenizerLike | None = None,
    min_df: int | float = 2,
    max_df: int | float = 1.0,
    sublinear_tf: bool = True,
    text_col: str = "text",
) -> pd.DataFrame:
    """Cosine similarity of documents' TF-IDF vectors.

    Parameters
    ----------
    corpus : DataFrame
        One row per document (doc_id, text).
    tokenizer : callable, optional
        Default as in :func:`analysis.topics.build_dtm`.
    min_df, max_df : int or float
        Vocabulary pruning over documents (default: terms in >= 2 documents).
    sublinear_tf : bool, default True
        ``1 + log(tf)``: a term repeated 40 times in a long plan should not
        dominate the comparison.
    text_col : str, default "text"

    Returns
    -------
    DataFrame
        Square, index and columns ``doc_id`` (corpus order); values 0-1,
        symmetric, diagonal 1.  Memory is n^2 floats: about 3 GB at 20,000
        documents (a warning is given above that).
    """
    if len(corpus) > LARGE_SIMILARITY:
        warnings.warn(
            f"{len(corpus)} documents: the similarity matrix needs {len(corpus) ** 2 * 8 / 1e9:.1f} GB", stacklevel=2
        )
    dtm = build_dtm(corpus, tokenizer, min_df=min_df, max_df=max_df, text_col=text_col)
    x = TfidfTransformer(norm="l2", sublinear_tf=sublinear_tf).fit_transform(dtm.matrix)
    sim = (x @ x.T).toarray()
    sim = np.clip((sim + sim.T) / 2, 0.0, 1.0)  # exact symmetry despite float rounding
    np.fill_diagonal(sim, 1.0)  # also for a document without vocabulary terms
    ids = dtm.units["doc_id"].to_numpy()
    return pd.DataFrame(sim, index=pd.Index(ids, name="doc_id"), columns=pd.Index(ids, name="doc_id"))
