"""Tidy term-frequency tables for a corpus of Chinese policy documents.

Every function takes a corpus DataFrame (one row per document, columns
``doc_id``, ``text`` and grouping columns such as ``year`` or ``level``; see
``docs/CONTRACT.md``) or the paragraphs table, and returns a long DataFrame
with one row per (group, term), (document, term), term, match or term pair.
Results carry ``df.attrs["provenance"]`` (versions and data-file hashes,
see :func:`analysis.segment.provenance`) and ``df.attrs["units"]``.

Counting is done on sparse document-term matrices (scikit-learn's
``CountVectorizer`` over cached token lists), never with Python loops over
documents x terms, so the functions scale to corpora of many thousands of
documents.

Public API
----------
term_frequencies(corpus, by=None, tokenizer=None)
tfidf_top_terms(corpus, n=10)
keyness(corpus, target)
kwic(corpus, pattern, window=20, regex=False)
cooccurrence(corpus, unit="sentence", min_count=2)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.special import xlogy
from scipy.stats import chi2 as chi2_distribution
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from .segment import PROGRESS_MIN_BYTES, provenance, tokenize_corpus

__all__ = [
    "cooccurrence",
    "keyness",
    "kwic",
    "term_frequencies",
    "tfidf_top_terms",
]

TokenizerLike = Callable[[str], list[str]]

#: Sentence boundaries for :func:`cooccurrence`: Chinese and Latin full stop,
#: question and exclamation marks, semicolons (which separate the items of
#: policy enumerations) and line breaks.
SENTENCE_BOUNDARY = re.compile(r"[。！？；!?;]+|[\r\n]+")
PARAGRAPH_BOUNDARY = re.compile(r"[\r\n]+")
_LAYOUT_WHITESPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def _pass_through(tokens: list[str]) -> list[str]:
    """Analyzer for CountVectorizer on documents that are already token lists."""
    return tokens


def _count_matrix(
    token_lists: Sequence[list[str]], *, binary: bool = False
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Return (documents x terms count matrix, term array sorted by code point)."""
    vectorizer = CountVectorizer(analyzer=_pass_through, binary=binary, dtype=np.int64)
    if not any(len(tokens) for tokens in token_lists):
        # CountVectorizer refuses an empty vocabulary; an empty table is the answer.
        return sp.csr_matrix((len(token_lists), 0), dtype=np.int64), np.array([], dtype=object)
    matrix = vectorizer.fit_transform(token_lists).tocsr()
    return matrix, vectorizer.get_feature_names_out().astype(object)


def _check_text_column(corpus: pd.DataFrame, text_col: str) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"corpus must be a DataFrame, got {type(corpus).__name__}")
    if text_col not in corpus.columns:
        raise KeyError(f"corpus has no column {text_col!r}")


def _texts(corpus: pd.DataFrame, text_col: str) -> pd.Series:
    return corpus[text_col].fillna("").astype(str)


def _tokens(
    corpus: pd.DataFrame | pd.Series | list[str],
    text_col: str,
    tokenizer: TokenizerLike | None,
    cache: bool,
    progress: bool | None = None,
) -> pd.Series:
    return tokenize_corpus(
        corpus, text_col, tokenizer=tokenizer, cache=cache, progress=progress
    )


def _finish(
    frame: pd.DataFrame,
    tokenizer: TokenizerLike | None,
    units: dict[str, str],
    *,
    segmented: bool = True,
) -> pd.DataFrame:
    """Reset the index and attach provenance and units to a result table."""
    frame = frame.reset_index(drop=True)
    info = provenance(tokenizer)
    if not segmented:  # e.g. kwic: no tokenizer was involved
        info = {k: v for k, v in info.items() if k not in ("tokenizer", "fingerprint")}
    frame.attrs["provenance"] = info
    frame.attrs["units"] = units
    return frame


def _group_codes(corpus: pd.DataFrame, by: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Return (group number per document, one row of group keys per group)."""
    if not by:
        return np.zeros(len(corpus), dtype=np.int64), pd.DataFrame(index=range(1))
    missing = [column for column in by if column not in corpus.columns]
    if missing:
        raise KeyError(f"corpus has no column(s) {missing}")
    grouped = corpus.groupby(by, sort=True, dropna=False, observed=True)
    codes = grouped.ngroup().to_numpy(dtype=np.int64)
    keys = grouped.size().index.to_frame(index=False)
    return codes, keys


# --------------------------------------------------------------------------
# Frequencies
# --------------------------------------------------------------------------


def term_frequencies(
    corpus: pd.DataFrame,
    by: str | Sequence[str] | None = None,
    tokenizer: TokenizerLike | None = None,
    *,
    text_col: str = "text",
    min_count: int = 1,
    cache: bool = True,
) -> pd.DataFrame:
    """Count terms overall or per group (year, level, region ...).

    Parameters
    ----------
    corpus : DataFrame
        One row per document with a ``text_col`` column and the ``by`` columns.
    by : str or list of str, optional
        Grouping columns; ``None`` treats the corpus as one group.
    tokenizer : Tokenizer or callable, optional
        Default :func:`analysis.segment.get_default_tokenizer`.
    text_col : str, default "text"
    min_count : int, default 1
        Drop (group, term) rows with fewer occurrences.
    cache : bool, default True
        Use the segmentation cache (see :func:`analysis.segment.tokenize_corpus`).

    Returns
    -------
    DataFrame
        Columns ``[*by, term, count, doc_freq, rate_per_10k]``:

        - ``count``: occurrences of the term in the group's documents;
        - ``doc_freq``: number of the group's documents containing it;
        - ``rate_per_10k``: occurrences per 10,000 characters of the group's
          text, characters being ``len(text)`` (punctuation and whitespace
          included, as in the corpus column ``n_chars``).

        Sorted by group, then count descending, then term.
    """
    _check_text_column(corpus, text_col)
    by_list = [by] if isinstance(by, str) else list(by or [])
    codes, keys = _group_codes(corpus, by_list)
    n_groups = len(keys)

    tokens = _tokens(corpus, text_col, tokenizer, cache)
    counts, terms = _count_matrix(tokens.tolist())
    n_docs = counts.shape[0]
    # Group-by as a sparse (groups x documents) indicator product.
    membership = sp.csr_matrix(
        (np.ones(n_docs, dtype=np.int64), (codes, np.arange(n_docs))), shape=(n_groups, n_docs)
    )
    group_counts = (membership @ counts).tocsr()
    presence = counts.copy()
    presence.data = np.ones_like(presence.data)
    group_docs = (membership @ presence).tocsr()
    group_counts.sort_indices()
    group_docs.sort_indices()
    # Both products have the same sparsity pattern (a count is > 0 exactly
    # when the term occurs in some document), so their data arrays align.
    assert np.array_equal(group_counts.indices, group_docs.indices)

    n_chars = np.bincount(
        codes, weights=_texts(corpus, text_col).str.len().to_numpy(dtype=float), minlength=n_groups
    )
    coo = group_counts.tocoo()
    rows, cols, count = coo.row, coo.col, coo.data
    doc_freq = group_docs.data
    keep = count >= min_count
    rows, cols, count, doc_freq = rows[keep], cols[keep], count[keep], doc_freq[keep]
    term = terms[cols]
    order = np.lexsort((term.astype(str), -count, rows))
    rows, term, count, doc_freq = rows[order], term[order], count[order], doc_freq[order]

    frame = keys.iloc[rows].reset_index(drop=True) if by_list else pd.DataFrame(index=range(len(rows)))
    frame["term"] = term
    frame["count"] = count.astype(np.int64)
    frame["doc_freq"] = doc_freq.astype(np.int64)
    frame["rate_per_10k"] = count / n_chars[rows] * 10_000
    return _finish(
        frame,
        tokenizer,
        {
            "count": "occurrences",
            "doc_freq": "documents",
            "rate_per_10k": "occurrences per 10,000 characters of the group's text (len(text))",
        },
    )


def tfidf_top_terms(
    corpus: pd.DataFrame,
    n: int = 10,
    *,
    tokenizer: TokenizerLike | None = None,
    text_col: str = "text",
    id_col: str = "doc_id",
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    sublinear_tf: bool = False,
    cache: bool = True,
) -> pd.DataFrame:
    """The ``n`` most distinctive terms of each document by TF-IDF.

    TF-IDF is scikit-learn's ``TfidfVectorizer`` defaults: raw counts times
    the smoothed idf ``ln((1 + N) / (1 + df)) + 1`` over the N documents of
    ``corpus``, each document vector scaled to unit Euclidean length.

    Parameters
    ----------
    corpus : DataFrame
    n : int, default 10
        Terms per document (fewer if the document has fewer terms).
    tokenizer : Tokenizer or callable, optional
    text_col, id_col : str
        Text column and document identifier column.
    min_df, max_df : int or float
        Passed to ``TfidfVectorizer`` (ignore terms in too few / too many
        documents; a float is a proportion of documents).
    sublinear_tf : bool, default False
        Use ``1 + ln(tf)`` instead of raw counts.
    cache : bool, default True

    Returns
    -------
    DataFrame
        Columns ``doc_id, term, tfidf, rank`` (rank 1 = highest; ties broken
        by term), in corpus order.
    """
    _check_text_column(corpus, text_col)
    if id_col not in corpus.columns:
        raise KeyError(f"corpus has no column {id_col!r}")
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    tokens = _tokens(corpus, text_col, tokenizer, cache)
    columns = [id_col, "term", "tfidf", "rank"]
    units = {"tfidf": "unit-length TF-IDF weight (dimensionless)", "rank": "1 = highest"}
    if not any(len(t) for t in tokens):
        return _finish(pd.DataFrame(columns=columns), tokenizer, units)
    vectorizer = TfidfVectorizer(
        analyzer=_pass_through, min_df=min_df, max_df=max_df, sublinear_tf=sublinear_tf
    )
    weights = vectorizer.fit_transform(tokens.tolist()).tocoo()
    terms = vectorizer.get_feature_names_out().astype(object)
    long = pd.DataFrame({"row": weights.row, "term": terms[weights.col], "tfidf": weights.data})
    long = long.sort_values(
        ["row", "tfidf", "term"], ascending=[True, False, True], kind="mergesort"
    )
    long["rank"] = long.groupby("row").cumcount() + 1
    long = long[long["rank"] <= n]
    long.insert(0, id_col, corpus[id_col].to_numpy()[long["row"].to_numpy()])
    return _finish(long[columns], tokenizer, units)


# --------------------------------------------------------------------------
# Keyness
# --------------------------------------------------------------------------


def _target_mask(corpus: pd.DataFrame, target: Any) -> np.ndarray:
    """Turn a query string, boolean Series or array into a boolean array."""
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
        reference keywords last.  ``attrs`` also hold ``tokens_target`` and
        ``tokens_reference`` (c and d).
    """
    _check_text_column(corpus, text_col)
    mask = _target_mask(corpus, target)
    tokens = _tokens(corpus, text_col, tokenizer, cache)
    counts, terms = _count_matrix(tokens.tolist())
    a = np.asarray(counts[mask].sum(axis=0)).ravel().astype(np.int64)
    b = np.asarray(counts[~mask].sum(axis=0)).ravel().astype(np.int64)
    c, d = int(a.sum()), int(b.sum())
    if c == 0 or d == 0:
        raise ValueError("target and reference must both contain tokens")

    keep = (a + b) >= min_count
    a, b, terms = a[keep], b[keep], terms[keep]
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

    frame = pd.DataFrame(
        {
            "term": terms,
            "count_target": a,
            "count_reference": b,
            "rate_target": af / c * 10_000,
            "rate_reference": bf / d * 10_000,
            "g2": sign * g2,
            "chi2": chi2,
            "p_value": chi2_distribution.sf(g2, df=1),
            "log_ratio": log_ratio,
            "direction": np.select([sign > 0, sign < 0], ["target", "reference"], "none"),
        }
    )
    frame = frame.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    result = _finish(
        frame,
        tokenizer,
        {
            "rate_target": "occurrences per 10,000 tokens of the target documents",
            "rate_reference": "occurrences per 10,000 tokens of the reference documents",
            "g2": "log-likelihood G2 (Rayson form), signed by direction",
            "chi2": "Pearson chi-squared, 2x2, " + ("Yates-corrected" if yates else "no Yates correction"),
            "log_ratio": "binary log of the ratio of relative frequencies",
        },
    )
    result.attrs["tokens_target"] = c
    result.attrs["tokens_reference"] = d
    return result


# --------------------------------------------------------------------------
# Concordance
# --------------------------------------------------------------------------


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
    _check_text_column(corpus, text_col)
    if not pattern:
        raise ValueError("pattern must be a non-empty string")
    if window < 0:
        raise ValueError(f"window must be >= 0, got {window}")
    compiled = re.compile(pattern if regex else re.escape(pattern))
    ids = corpus[id_col].tolist() if id_col in corpus.columns else corpus.index.tolist()
    para = corpus["para_id"].tolist() if "para_id" in corpus.columns else None

    rows: list[tuple[Any, ...]] = []
    for i, text in enumerate(_texts(corpus, text_col).tolist()):
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
    return _finish(
        frame, None, {"position": "character offset in the text (0-based)"}, segmented=False
    )


# --------------------------------------------------------------------------
# Co-occurrence
# --------------------------------------------------------------------------


def _split_units(texts: Iterable[str], unit: str) -> list[str]:
    if unit == "document":
        return [text for text in texts if text.strip()]
    boundary = SENTENCE_BOUNDARY if unit == "sentence" else PARAGRAPH_BOUNDARY
    return [piece for text in texts for piece in boundary.split(text) if piece.strip()]


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
        the number of units with at least one token (``attrs["n_units"]``).
        Sorted by weight descending, then terms.
    """
    _check_text_column(corpus, text_col)
    if unit not in {"sentence", "paragraph", "document"}:
        raise ValueError(f"unit must be 'sentence', 'paragraph' or 'document', got {unit!r}")
    units = _split_units(_texts(corpus, text_col).tolist(), unit)
    # Units are small and numerous: decide on the progress bar by volume only.
    n_bytes = sum(len(u) for u in units) * 3
    tokens = _tokens(units, text_col, tokenizer, cache, progress=n_bytes > PROGRESS_MIN_BYTES)
    present, vocabulary = _count_matrix(tokens.tolist(), binary=True)
    present = present[np.diff(present.indptr) > 0]  # units with at least one token
    n_units = present.shape[0]

    unit_freq = np.asarray(present.sum(axis=0)).ravel()
    if terms is not None:
        wanted = set(terms)
        selected = np.flatnonzero([term in wanted for term in vocabulary])
    elif max_terms is not None and len(vocabulary) > max_terms:
        order = np.lexsort((vocabulary.astype(str), -unit_freq))
        selected = np.sort(order[:max_terms])
    else:
        selected = np.arange(len(vocabulary))
    present = present[:, selected].tocsc().astype(np.int64)
    vocabulary, unit_freq = vocabulary[selected], unit_freq[selected]

    pairs = sp.triu(present.T @ present, k=1).tocoo()
    keep = pairs.data >= min_count
    i, j, weight = pairs.row[keep], pairs.col[keep], pairs.data[keep].astype(np.int64)
    count_a, count_b = unit_freq[i].astype(np.int64), unit_freq[j].astype(np.int64)
    frame = pd.DataFrame(
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
    frame = frame.sort_values(
        ["weight", "term_a", "term_b"], ascending=[False, True, True], kind="mergesort"
    )
    result = _finish(
        frame,
        tokenizer,
        {
            "weight": f"{unit}s containing both terms",
            "count_a": f"{unit}s containing term_a",
            "jaccard": "proportion (0-1)",
            "pmi": "bits",
        },
    )
    result.attrs["n_units"] = n_units
    result.attrs["unit"] = unit
    return result
