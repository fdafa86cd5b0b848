"""Keyness: terms over- or under-used in a target group of documents against the rest."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.special import xlogy
from scipy.stats import chi2 as chi2_distribution

from ..dtm import count_matrix
from .inputs import TokenizerLike, check_text_column, texts, tokens
from .sampling import BOOTSTRAP_LEVEL, bootstrap_weights, is_small_group

__all__ = ["G2_P01", "KEYNESS_UNITS", "keyness", "top_keywords"]

#: G2 at p = 0.01 with one degree of freedom (chi-squared critical value).
G2_P01 = 6.63

#: Units of the columns of :func:`keyness`.
KEYNESS_UNITS = {
    "rate_target": "occurrences per 10,000 tokens of the target documents",
    "rate_reference": "occurrences per 10,000 tokens of the reference documents",
    "g2": "log-likelihood G2 (Rayson form), signed by direction",
    "chi2": "Pearson chi-squared, 2x2, no Yates correction unless yates=True",
    "log_ratio": "binary log of the ratio of relative frequencies",
    "n_docs_target": "documents",
    "n_docs_reference": "documents",
    "n_chars_target": "characters (len(text))",
    "n_chars_reference": "characters (len(text))",
    "lo": "signed G2, lower bound of the 95% bootstrap interval (documents resampled)",
    "hi": "signed G2, upper bound of the 95% bootstrap interval",
    "rank": "1 = strongest term of its direction",
    "rank_lo": "rank, best end of the 95% interval",
    "rank_hi": "rank, worst end of the 95% interval",
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


def _unsigned_g2(af: np.ndarray, bf: np.ndarray, c: np.ndarray | float, d: np.ndarray | float) -> np.ndarray:
    """G2 (Rayson form) of counts ``af``/``bf`` in totals ``c``/``d``; arrays broadcast."""
    total = c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        expected_target = c * (af + bf) / total
        expected_reference = d * (af + bf) / total
        return 2.0 * (xlogy(af, af / expected_target) + xlogy(bf, bf / expected_reference))


def _statistics(a: np.ndarray, b: np.ndarray, c: int, d: int, yates: bool) -> dict[str, np.ndarray]:
    """Signed G2, chi2, p-value, log ratio and direction per term (see :func:`keyness`)."""
    af, bf = a.astype(float), b.astype(float)
    total = float(c + d)
    g2 = _unsigned_g2(af, bf, float(c), float(d))
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


def _bootstrap_signed_g2(
    counts: sp.csr_matrix, totals: np.ndarray, mask: np.ndarray, n_boot: int, rng: np.random.Generator
) -> Iterator[np.ndarray]:
    """Signed G2 of every term in each bootstrap replicate, in chunks of (replicates x terms).

    Target and reference documents are resampled separately (each keeps its
    size), so a replicate is the same comparison on another draw of documents.
    """
    target, reference = counts[mask], counts[~mask]
    chunks = zip(bootstrap_weights(target.shape[0], n_boot, rng), bootstrap_weights(reference.shape[0], n_boot, rng))
    for w_target, w_reference in chunks:
        a = np.asarray(target.T @ w_target.T).T
        b = np.asarray(reference.T @ w_reference.T).T
        c = (w_target @ totals[mask])[:, None]
        d = (w_reference @ totals[~mask])[:, None]
        signed = np.sign(a * d - b * c) * _unsigned_g2(a, b, c, d)
        # A replicate that drew only token-less documents has no G2.
        yield np.nan_to_num(signed, nan=0.0)


def _rank_in_direction(row: np.ndarray, values: np.ndarray, upward: np.ndarray) -> np.ndarray:
    """1 + number of terms of ``row`` stronger than each value in its direction (up = larger G2)."""
    ordered = np.sort(row)
    above = len(ordered) - np.searchsorted(ordered, values, side="right")
    below = np.searchsorted(ordered, values, side="left")
    return 1 + np.where(upward, above, below)


def _keyness_intervals(
    frame: pd.DataFrame,
    counts: sp.csr_matrix,
    totals: np.ndarray,
    mask: np.ndarray,
    *,
    n_boot: int,
    n_top: int,
    level: float,
    random_state: int | None,
) -> pd.DataFrame:
    """``frame`` (in term order of ``counts``) with rank, lo, hi, rank_lo, rank_hi for the top terms."""
    g2 = frame["g2"].to_numpy()
    upward = g2 > 0
    rank = np.full(len(frame), np.nan)
    for side in (upward, g2 < 0):
        order = np.flatnonzero(side)[np.argsort(-np.abs(g2[side]), kind="stable")]
        rank[order] = np.arange(1, len(order) + 1)
    selected = np.flatnonzero(rank <= n_top)
    values, ranks = [], []
    rng = np.random.default_rng(random_state)
    for signed in _bootstrap_signed_g2(counts, totals, mask, n_boot, rng):
        chosen = signed[:, selected]
        values.append(chosen)
        ranks.append(np.vstack([_rank_in_direction(r, v, upward[selected]) for r, v in zip(signed, chosen)]))
    quantiles = [(1 - level) / 2, (1 + level) / 2]
    out = frame.assign(rank=rank, lo=np.nan, hi=np.nan, rank_lo=np.nan, rank_hi=np.nan)
    if len(selected):
        lo, hi = np.quantile(np.vstack(values), quantiles, axis=0)
        rank_lo, rank_hi = np.quantile(np.vstack(ranks), quantiles, axis=0)
        out.iloc[selected, out.columns.get_indexer(["lo", "hi", "rank_lo", "rank_hi"])] = np.column_stack(
            [lo, hi, rank_lo, rank_hi]
        )
    return out


def keyness(
    corpus: pd.DataFrame,
    target: str | pd.Series | np.ndarray | Sequence[bool],
    *,
    tokenizer: TokenizerLike | None = None,
    text_col: str = "text",
    min_count: int = 1,
    yates: bool = False,
    cache: bool = True,
    n_boot: int = 0,
    n_top: int = 30,
    level: float = BOOTSTRAP_LEVEL,
    random_state: int | None = 0,
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

    Each row also carries the size of both sides (``n_docs_*``, ``n_chars_*``)
    and ``small_group``: True when either side has fewer than
    :data:`~analysis.frequency.sampling.MIN_GROUP_DOCS` documents or
    :data:`~analysis.frequency.sampling.MIN_GROUP_CHARS` characters, where the
    ranking describes a few documents rather than a group.

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
    n_boot : int, default 0
        Bootstrap replicates (e.g. 1000) for intervals of G2 and rank; 0 = none.
        Target and reference documents are each resampled with replacement,
        keeping their number; each replicate recomputes G2 for every term.
    n_top : int, default 30
        Intervals are given for the ``n_top`` strongest terms of each direction.
    level : float, default 0.95
        Coverage of the percentile intervals.
    random_state : int or None, default 0

    Returns
    -------
    DataFrame
        Columns ``term, count_target, count_reference, rate_target,
        rate_reference, g2, chi2, p_value, log_ratio, direction,
        n_docs_target, n_docs_reference, n_chars_target, n_chars_reference,
        small_group``, and with ``n_boot > 0`` also ``rank`` (1 = strongest
        term of its direction; NaN for ``direction == "none"``), ``lo``,
        ``hi`` (interval of the signed G2) and ``rank_lo``, ``rank_hi``
        (interval of the rank), NaN outside the ``n_top`` of each direction.
        Rates are occurrences per 10,000 *tokens* (after stopword removal) of
        the group; ``direction`` is ``"target"``, ``"reference"`` or ``"none"``
        (equal rates).  Sorted by ``g2`` descending: target keywords first,
        reference keywords last.  Units: :data:`KEYNESS_UNITS`.  The token
        totals are c = ``count_target / rate_target * 10_000`` and
        d = ``count_reference / rate_reference * 10_000`` (from any row
        where that count is not zero).
    """
    check_text_column(corpus, text_col)
    mask = _target_mask(corpus, target)
    counts, terms = count_matrix(tokens(corpus, text_col, tokenizer, cache).tolist())
    totals = np.asarray(counts.sum(axis=1)).ravel().astype(np.float64)
    a = np.asarray(counts[mask].sum(axis=0)).ravel().astype(np.int64)
    b = np.asarray(counts[~mask].sum(axis=0)).ravel().astype(np.int64)
    c, d = int(a.sum()), int(b.sum())
    if c == 0 or d == 0:
        raise ValueError("target and reference must both contain tokens")

    keep = (a + b) >= min_count
    a, b, terms = a[keep], b[keep], terms[keep]
    frame = pd.DataFrame({"term": terms, "count_target": a, "count_reference": b, **_statistics(a, b, c, d, yates)})
    n_chars = texts(corpus, text_col).str.len().to_numpy(dtype=np.int64)
    sizes = {
        "n_docs_target": int(mask.sum()),
        "n_docs_reference": int((~mask).sum()),
        "n_chars_target": int(n_chars[mask].sum()),
        "n_chars_reference": int(n_chars[~mask].sum()),
    }
    frame = frame.assign(**sizes)
    small = is_small_group(
        [sizes["n_docs_target"], sizes["n_docs_reference"]], [sizes["n_chars_target"], sizes["n_chars_reference"]]
    )
    frame["small_group"] = bool(small.any())
    if n_boot > 0:
        frame = _keyness_intervals(
            frame,
            counts[:, np.flatnonzero(keep)].tocsr(),
            totals,
            mask,
            n_boot=n_boot,
            n_top=n_top,
            level=level,
            random_state=random_state,
        )
    frame = frame.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    return frame.reset_index(drop=True)


def top_keywords(key: pd.DataFrame, direction: str = "target", n: int = 12, *, min_g2: float = 0.0) -> pd.DataFrame:
    """The ``n`` strongest terms of one side of a :func:`keyness` table, and only of that side.

    A "fell most" list taken from the bottom of a keyness table would show
    terms that rose when few terms fell; this keeps only rows whose
    ``direction`` is the one asked for.

    Parameters
    ----------
    key : DataFrame
        A :func:`keyness` table.
    direction : {"target", "reference"}
        "target": terms relatively more frequent in the target (rose, for a
        later-period target); "reference": more frequent in the reference.
    n : int, default 12
    min_g2 : float, default 0.0
        Keep only terms with ``|g2| >= min_g2`` (:data:`G2_P01` = p < 0.01).

    Returns
    -------
    DataFrame
        At most ``n`` rows of ``key``, strongest first (largest ``|g2|``,
        ties by term); possibly empty.
    """
    if direction not in {"target", "reference"}:
        raise ValueError(f"direction must be 'target' or 'reference', got {direction!r}")
    rows = key[(key["direction"] == direction) & (key["g2"].abs() >= min_g2)]
    rows = rows.assign(_strength=rows["g2"].abs()).sort_values(
        ["_strength", "term"], ascending=[False, True], kind="mergesort"
    )
    return rows.drop(columns="_strength").head(n).reset_index(drop=True)
