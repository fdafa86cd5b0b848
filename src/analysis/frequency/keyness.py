"""Keyness: terms over- or under-used in a target group of documents against the rest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import xlogy
from scipy.stats import chi2 as chi2_distribution

from ..dtm import count_matrix
from .inputs import TokenizerLike, check_text_column, tokens

__all__ = ["KEYNESS_UNITS", "keyness"]

#: Units of the columns of :func:`keyness`.
KEYNESS_UNITS = {
    "rate_target": "occurrences per 10,000 tokens of the target documents",
    "rate_reference": "occurrences per 10,000 tokens of the reference documents",
    "g2": "log-likelihood G2 (Rayson form), signed by direction",
    "chi2": "Pearson chi-squared, 2x2, no Yates correction unless yates=True",
    "log_ratio": "binary log of the ratio of relative frequencies",
}


def _target_mask(corpus: pd.DataFrame, target: Any) -> np.ndarray:
    """Turn a query string, boolean Series or array into a boolean array (one entry per document)."""
    if isinstance(target, str):
        mask = corpus.eval(target)
    elif isinstance(target, pd.Series):
        if not target.index.equals(corpus.index):
            if not target.index.isin(corpus.index).all() or not corpus.index.isin(target.index).all():
                raise ValueError("target Series index does not match the corpus index")
            target = target.reindex(corpus.index)
        mask = target
    else:
        mask = np.asarray(target)
        if mask.shape != (len(corpus),):
            raise ValueError(f"target has shape {mask.shape}, expected ({len(corpus)},)")
    mask = np.asarray(mask)
    if mask.dtype != bool:
        raise TypeError(f"target must be boolean, got dtype {mask.dtype}")
    if mask.all() or not mask.any():
        raise ValueError("target must select some but not all documents")
    return mask


def _statistics(a: np.ndarray, b: np.ndarray, c: int, d: int, yates: bool) -> dict[str, np.ndarray]:
    """Signed G2, chi2, p-value, log ratio and direction per term (see :func:`keyness`)."""
    af, bf = a.astype(float), b.astype(float)
    total = float(c + d)
    expected_target = c * (af + bf) / total
    expected_reference = d * (af + bf) / total
    g2 = 2.0 * (xlogy(af, af / expected_target) + xlogy(bf, bf / expected_reference))
    # Integer cross-products decide the direction exactly (no float ties).
    sign = np.sign(a * d - b * c)
    other = total - af - bf
    numerator = np.abs(af * (d - bf) - bf * (c - af))
    if yates:
        numerator = np.maximum(numerator - total / 2.0, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = total * numerator**2 / (c * float(d) * (af + bf) * other)
    log_ratio = np.log2((np.where(a == 0, 0.5, af) / c) / (np.where(b == 0, 0.5, bf) / d))
    return {
        "rate_target": af / c * 10_000,
        "rate_reference": bf / d * 10_000,
        "g2": sign * g2,
        "chi2": chi2,
        "p_value": chi2_distribution.sf(g2, df=1),
        "log_ratio": log_ratio,
        "direction": np.select([sign > 0, sign < 0], ["target", "reference"], "none"),
    }


def keyness(
    corpus: pd.DataFrame,
    target: str | pd.Series | np.ndarray | Sequence[bool],
    *,
    tokenizer: TokenizerLike | None = None,
    text_col: str = "text",
    min_count: int = 1,
    yates: bool = False,
    cache: bool = True,
) -> pd.DataFrame:
    """Terms over- or under-used in a target group of documents vs the rest.

    For each term with ``a`` occurrences among the ``c`` tokens of the
    target documents and ``b`` among the ``d`` tokens of the reference
    documents (all other documents):

    - log-likelihood, Rayson & Garside's form of Dunning's G2, summing over
      both corpus cells: ``E1 = c (a + b) / (c + d)``,
      ``E2 = d (a + b) / (c + d)``, ``G2 = 2 (a ln(a / E1) + b ln(b / E2))``
      (``0 ln 0 = 0``).  ``g2`` is signed: positive when the term is
      relatively more frequent in the target, negative when in the reference;
    - Pearson's chi-squared of the 2x2 table ``[[a, b], [c - a, d - b]]``,
      without Yates' continuity correction unless ``yates=True``;
    - ``p_value`` of ``|G2|`` under chi-squared with 1 degree of freedom (no
      correction for testing many terms);
    - ``log_ratio`` (Hardie 2014): ``log2((a / c) / (b / d))``, a zero count
      replaced by 0.5; an effect size to read next to G2.

    Parameters
    ----------
    corpus : DataFrame
    target : str, boolean Series or boolean array
        A ``DataFrame.eval`` expression (``"year >= 2020"``,
        ``"level == 'provincial'"``) or a mask aligned with ``corpus``.
    tokenizer : Tokenizer or callable, optional
    text_col : str, default "text"
    min_count : int, default 1
        Minimum ``a + b``.
    yates : bool, default False
        Apply Yates' continuity correction to ``chi2``.
    cache : bool, default True

    Returns
    -------
    DataFrame
        Columns ``term, count_target, count_reference, rate_target,
        rate_reference, g2, chi2, p_value, log_ratio, direction``.  Rates are
        occurrences per 10,000 *tokens* (after stopword removal) of the
        group; ``direction`` is ``"target"``, ``"reference"`` or ``"none"``
        (equal rates).  Sorted by ``g2`` descending: target keywords first,
        reference keywords last.  Units: :data:`KEYNESS_UNITS`.  The token
        totals are c = ``count_target / rate_target * 10_000`` and
        d = ``count_reference / rate_reference * 10_000`` (from any row
        where that count is not zero).
    """
    check_text_column(corpus, text_col)
    mask = _target_mask(corpus, target)
    counts, terms = count_matrix(tokens(corpus, text_col, tokenizer, cache).tolist())
    a = np.asarray(counts[mask].sum(axis=0)).ravel().astype(np.int64)
    b = np.asarray(counts[~mask].sum(axis=0)).ravel().astype(np.int64)
    c, d = int(a.sum()), int(b.sum())
    if c == 0 or d == 0:
        raise ValueError("target and reference must both contain tokens")

    keep = (a + b) >= min_count
    a, b, terms = a[keep], b[keep], terms[keep]
    frame = pd.DataFrame({"term": terms, "count_target": a, "count_reference": b, **_statistics(a, b, c, d, yates)})
    frame = frame.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    return frame.reset_index(drop=True)
