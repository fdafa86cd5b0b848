"""Topic models of policy paragraphs and documents, and how topics change over time.

Which themes do smart-city policies share, which are specific to a level of
government, and how does the mix change from 2014 to 2023?  This module fits
scikit-learn topic models (NMF on TF-IDF, LDA on counts) to paragraphs (the
main unit: one paragraph of a policy usually treats one measure) or to whole
documents, shows how the number of topics ``k`` was chosen, clusters whole
documents by similarity, and tabulates topic prevalence by year and level.

Every function takes and returns tidy DataFrames keyed on ``doc_id`` (and
``para_id`` for paragraphs); see ``docs/CONTRACT.md`` for the corpus and
paragraph tables.  Topic ids are 0-based integers, ordered by corpus-wide
prevalence (topic 0 covers the most text).

Quick start
-----------
::

    corpus = load_corpus()
    units = select_units(load_paragraphs(corpus), corpus)   # body paragraphs, no duplicate docs
    table = evaluate_k(units, ks=range(3, 13))               # coherence, exclusivity, stability per k
    k, reason = choose_k(table)
    plot_k_diagnostics(table, path="figures/topics_k.png")
    model = fit_topics(units, k, method="nmf", random_state=0)
    model.topic_terms, model.unit_topics, model.document_topics
    labels = label_topics(model, units)
    prev = topic_prevalence(model.document_topics, corpus, by="year", groups=range(2014, 2024))
    plot_prevalence_by_year(prev, labels=labels, path="figures/topics_by_year.png")
    save_tables(model, "reports/topics", labels=labels, tables={"k_diagnostics": table})

Public API
----------
select_units(paragraphs, corpus)        body paragraphs of non-duplicate documents
build_dtm(units, tokenizer=None)        sparse unit x term count matrix (cached segmentation)
fit_topics(units, k, method)            -> :class:`TopicModel` with tidy tables
score_topics(model)                     per-topic coherence, exclusivity, prevalence
evaluate_k(units, ks, method, seeds)    diagnostics per k (the evidence for choosing k)
choose_k(table)                         documented rule -> (k, reason)
plot_k_diagnostics(table)               small multiples of the diagnostics vs k
label_topics(model, units)              top terms and a representative excerpt per topic
topic_prevalence(topics, corpus, by)    per group x topic: counts and mean share
plot_prevalence_by_year / _by_level     heatmaps (or bar small multiples) with counts
document_similarity(corpus)             square cosine-similarity DataFrame (TF-IDF)
cluster_documents(sim)                  hierarchical clustering -> linkage, leaf order
flat_clusters(sim, k_range)             silhouette per k and the chosen flat clustering
plot_similarity_heatmap(sim, corpus)    clustered heatmap with dendrogram
document_labels(corpus)                 "short title · level · year" per document
save_tables(model, folder), save_table(df, path)   CSV (UTF-8 with BOM) + model card

Method notes
------------
*Segmentation.*  Texts are segmented with :func:`analysis.segment.tokenize_corpus`
(cached on disk).  The default tokenizer is ``Tokenizer(boilerplate=True)``:
exhortative verbs and format words of official documents (加快, 推进, 加强,
进一步, 印发 ...) occur in nearly every paragraph and would otherwise head
every topic.  Pass ``tokenizer=`` to change it.

*Weights.*  ``unit_topics.weight`` is the share (0-1) of a unit's modelled
content attributed to each topic; each unit's weights sum to 1.  For NMF the
share of topic t in unit i is ``W[i,t] * |H[t]|_1 / sum_j W[i,j] * |H[j]|_1``
(the topic's part of the reconstructed TF-IDF mass), for LDA it is the
posterior topic proportion.  A unit with no term of the vocabulary (or to
which NMF assigns nothing) is kept with ``is_empty=True`` and weight NaN: the
model says nothing about it, and a uniform 1/k would be invented.

*Document shares.*  ``document_topics.share`` averages a document's
non-empty paragraphs weighted by their length in characters, so a long
paragraph counts more than a one-line item; shares sum to 1 per document.

*Choosing k.*  See :func:`evaluate_k` for the exact definitions of
coherence (NPMI and UMass on the units themselves), exclusivity and seed
stability, and :func:`choose_k` for the rule.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import textwrap
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import squareform
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.metrics import adjusted_rand_score, silhouette_samples

from .metadata import LEVELS  # central ... county, in hierarchical order
from .segment import PROGRESS_MIN_BYTES, Tokenizer, provenance, tokenize_corpus

__all__ = [
    "DTM",
    "DocumentClustering",
    "FlatClusters",
    "LEVELS",
    "TopicModel",
    "build_dtm",
    "choose_k",
    "cluster_documents",
    "document_labels",
    "document_similarity",
    "evaluate_k",
    "fit_topics",
    "flat_clusters",
    "label_topics",
    "match_topics",
    "plot_k_diagnostics",
    "plot_prevalence_by_level",
    "plot_prevalence_by_year",
    "plot_similarity_heatmap",
    "save_table",
    "save_tables",
    "score_topics",
    "select_units",
    "topic_prevalence",
]

TokenizerLike = Callable[[str], list[str]]

#: Smoothing added to joint probabilities in NPMI (as in Röder et al. 2015 /
#: Palmetto's C_NPMI): a pair that never co-occurs scores about -1, not -inf.
NPMI_EPSILON = 1e-12
#: evaluate_k and segmentation show progress bars above this many units (or with progress=True).
PROGRESS_MIN_UNITS = 2000
#: Above this many documents a dense similarity matrix gets large (n^2 floats).
LARGE_SIMILARITY = 20_000
_METHODS = ("nmf", "lda")
_MIN_DPI = 150


# ============================================================================ plumbing


def _identity(tokens: list[str]) -> list[str]:
    """Analyzer for CountVectorizer on pre-tokenised units (module level: picklable)."""
    return tokens


_DEFAULT_TOKENIZER: Tokenizer | None = None


def _default_tokenizer() -> Tokenizer:
    global _DEFAULT_TOKENIZER
    if _DEFAULT_TOKENIZER is None:
        _DEFAULT_TOKENIZER = Tokenizer(boilerplate=True)
    return _DEFAULT_TOKENIZER


def _plain(df: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Copy of some columns without ``attrs``.

    The corpus carries DataFrames in ``attrs`` (skipped files); pandas compares
    attrs when concatenating and fails on them, so derived tables start clean.
    """
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"table has no column(s) {missing}")
    return pd.DataFrame({c: df[c].to_numpy() for c in columns})


def _check_method(method: str) -> str:
    method = str(method).lower()
    if method not in _METHODS:
        raise ValueError(f"method must be one of {_METHODS}, got {method!r}")
    return method


def _chinese_font() -> None:
    """Configure matplotlib for Chinese labels (shared helper, else the mplfonts font)."""
    try:
        from .plotting.base import use_chinese_font
    except ImportError:  # plotting.py not available: register the same font ourselves
        import importlib.util

        import matplotlib as mpl
        from matplotlib import font_manager

        spec = importlib.util.find_spec("mplfonts")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("the 'mplfonts' package (CJK fonts) is required") from None
        path = Path(list(spec.submodule_search_locations)[0]) / "fonts" / "NotoSansCJKsc-Regular.otf"
        font_manager.fontManager.addfont(str(path))
        family = font_manager.FontProperties(fname=str(path)).get_name()
        mpl.rcParams.update({"font.family": ["sans-serif"],
                             "font.sans-serif": [family, *mpl.rcParams["font.sans-serif"]],
                             "axes.unicode_minus": False})
        return
    use_chinese_font()


def _new_figure(figsize: tuple[float, float], layout: str | None = "constrained"):
    """A Figure outside pyplot's registry (notebooks show it once, memory is freed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    _chinese_font()
    figure = Figure(figsize=figsize, layout=layout)
    FigureCanvasAgg(figure)
    return figure


def _save_figure(figure, path: str | os.PathLike[str] | None, dpi: int) -> None:
    if path is None:
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    # bbox_inches="tight" grows the canvas instead of clipping long Chinese labels.
    figure.savefig(path, dpi=max(int(dpi), _MIN_DPI), bbox_inches="tight", facecolor="white")


# ============================================================================ units and DTM


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
        The kept rows of ``paragraphs`` (same columns, new 0-based index).
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
    out.attrs = {}
    return out


def _unit_index(units: pd.DataFrame, text_col: str) -> pd.DataFrame:
    """doc_id, para_id (<NA> for document units), n_chars for each unit."""
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
    index = pd.DataFrame({
        "doc_id": units["doc_id"].astype(str).to_numpy(),
        "para_id": pd.array(para, dtype="Int64"),
        "n_chars": texts.str.len().to_numpy(dtype=np.int64),
    })
    if index.duplicated(["doc_id", "para_id"]).any():
        raise ValueError("units must be unique on (doc_id, para_id); documents on doc_id")
    return index


@dataclass
class DTM:
    """A unit x term count matrix with its vocabulary and unit index.

    Unpacks as ``matrix, vocabulary, units = build_dtm(...)``.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix, shape (n_units, n_terms)
        Term counts (int64).
    vocabulary : ndarray of str
        Term of each column.
    units : DataFrame
        One row per unit, in input order: doc_id, para_id (<NA> for document
        units), n_chars (characters), n_tokens (tokens after segmentation),
        n_terms (tokens kept in the vocabulary), is_empty (n_terms == 0).
    tokenizer : callable
        The tokenizer used (needed to transform new units).
    params : dict
        min_df, max_df, max_features.
    """

    matrix: sp.csr_matrix
    vocabulary: np.ndarray
    units: pd.DataFrame
    tokenizer: TokenizerLike
    params: dict = field(default_factory=dict)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.matrix, self.vocabulary, self.units))

    def vectorizer(self) -> CountVectorizer:
        """A fitted CountVectorizer over token lists with this vocabulary."""
        vec = CountVectorizer(analyzer=_identity, vocabulary=list(self.vocabulary), lowercase=False,
                              dtype=np.int64)
        return vec.fit([[]])  # fixed vocabulary: fit only validates it


def _tokens(units: pd.DataFrame | pd.Series, text_col: str, tokenizer: TokenizerLike,
            cache: bool, progress: bool | None) -> list[list[str]]:
    if progress is None:
        # A bar only when segmenting takes a while (several seconds): many
        # units or megabytes of text, not the ~250 seed paragraphs.
        n_bytes = int(units[text_col].fillna("").str.len().sum()) * 3 if isinstance(units, pd.DataFrame) else 0
        progress = len(units) > PROGRESS_MIN_UNITS or n_bytes > PROGRESS_MIN_BYTES
    tokens = tokenize_corpus(units, text_col, tokenizer=tokenizer, cache=cache, progress=progress)
    return tokens.tolist()


def build_dtm(
    units: pd.DataFrame,
    tokenizer: TokenizerLike | None = None,
    *,
    min_df: int | float = 2,
    max_df: int | float = 0.9,
    max_features: int | None = None,
    text_col: str = "text",
    cache: bool = True,
    progress: bool | None = None,
) -> DTM:
    """Segment units and count terms into a sparse unit x term matrix.

    Parameters
    ----------
    units : DataFrame
        One row per unit with ``doc_id``, ``text`` and, for paragraphs,
        ``para_id`` (e.g. :func:`select_units` or the corpus itself).
    tokenizer : callable str -> list of str, optional
        Default ``Tokenizer(boilerplate=True)`` (see the module notes).
        Segmentation is cached on disk by :func:`analysis.segment.tokenize_corpus`
        when the tokenizer has a ``fingerprint`` (a :class:`Tokenizer`).
    min_df : int or float, default 2
        Drop terms in fewer units (int) or a smaller share of units (float).
    max_df : int or float, default 0.9
        Drop terms in more than this share (float) or number (int) of units.
    max_features : int, optional
        Keep only the most frequent terms.
    text_col : str, default "text"
    cache : bool, default True
    progress : bool, optional
        Segmentation progress bar; default only for large inputs.

    Returns
    -------
    DTM
        ``matrix`` (counts), ``vocabulary``, ``units`` (index with n_terms and
        is_empty flags); unpacks as a 3-tuple.

    Raises
    ------
    ValueError
        If no term survives ``min_df`` / ``max_df``.
    """
    tokenizer = _default_tokenizer() if tokenizer is None else tokenizer
    index = _unit_index(units, text_col)
    token_lists = _tokens(units, text_col, tokenizer, cache, progress)
    # lowercase=False: the tokenizer decides normalisation (5G, AI stay as printed).
    vec = CountVectorizer(analyzer=_identity, min_df=min_df, max_df=max_df, lowercase=False,
                          max_features=max_features, dtype=np.int64)
    try:
        matrix = vec.fit_transform(token_lists).tocsr()
    except ValueError as error:  # sklearn: "After pruning, no terms remain" / empty vocabulary
        raise ValueError(
            f"no terms left for {len(index)} units with min_df={min_df}, max_df={max_df}: {error}"
        ) from None
    index["n_tokens"] = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    index["n_terms"] = np.asarray(matrix.sum(axis=1)).ravel().astype(np.int64)
    index["is_empty"] = index["n_terms"] == 0
    vocabulary = vec.get_feature_names_out().astype(object)
    return DTM(matrix, vocabulary, index, tokenizer,
               {"min_df": min_df, "max_df": max_df, "max_features": max_features, "text_col": text_col})


# ============================================================================ fitting


def _estimator(method: str, k: int, seed: int | None, init: str | None, max_iter: int | None,
               kwargs: Mapping[str, Any]):
    if method == "nmf":
        # Random initialisation by default: NNDSVD starts come from an SVD and
        # barely vary with the seed, so "stability" across seeds would be ~1 by
        # construction.  With random starts it measures how much the solution
        # depends on where the optimiser starts.
        return NMF(n_components=k, init=init or "random", random_state=seed,
                   max_iter=max_iter or 1000, tol=1e-4, **kwargs)
    # sklearn's LDA E-step is a Python loop over units; these defaults stop a
    # fit once perplexity moves by < 1 over 5 iterations and loosen the
    # per-unit tolerance, ~3x faster than sklearn's defaults for about the
    # same perplexity on the seed paragraphs (within 1%).
    options = {"evaluate_every": 5, "perp_tol": 1.0, "mean_change_tol": 1e-2, **kwargs}
    return LatentDirichletAllocation(n_components=k, learning_method="batch", random_state=seed,
                                     max_iter=max_iter or 100, **options)


def _model_input(counts: sp.csr_matrix, method: str, tfidf: TfidfTransformer | None) -> sp.csr_matrix:
    if method == "nmf":
        return tfidf.transform(counts)
    return counts


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows divided by their sum; all-zero rows become NaN."""
    totals = matrix.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = matrix / totals
    out[~(totals[:, 0] > 0)] = np.nan
    return out


def _topic_term(components: np.ndarray) -> np.ndarray:
    """Topic-term distributions: each row sums to 1 (zero rows stay zero)."""
    totals = components.sum(axis=1, keepdims=True)
    return np.divide(components, totals, out=np.zeros_like(components, dtype=float), where=totals > 0)


def _unit_shares(raw: np.ndarray, components: np.ndarray, method: str) -> np.ndarray:
    """Unit-topic shares summing to 1 per row (NaN for units the model leaves blank)."""
    if method == "nmf":
        # W and H trade scale freely; weight each topic by its term mass so the
        # share is the topic's part of the unit's reconstruction.
        raw = raw * components.sum(axis=1)[None, :]
    return _normalise_rows(np.asarray(raw, dtype=float))


def _init_seeds(seed: int | None, n_init: int) -> list[int | None]:
    """Seeds of the n_init starts behind random_state ``seed``: seed*n_init ... seed*n_init+n_init-1.

    With n_init=1 this is ``seed`` itself; runs with different seeds never
    share a start, so evaluate_k's stability is not inflated.
    """
    if seed is None:
        return [None] * n_init
    return [int(seed) * n_init + i for i in range(n_init)]


def _objective(est, method: str, model_input: sp.csr_matrix) -> float:
    """Lower is better: Frobenius reconstruction error (NMF) or training perplexity (LDA)."""
    if method == "nmf":
        return float(est.reconstruction_err_)
    return float(est.perplexity(model_input))


def _fit_once(model_input: sp.csr_matrix, method: str, k: int, seed: int | None, init: str | None,
              max_iter: int | None, kwargs: Mapping[str, Any], empty: np.ndarray, n_init: int = 1):
    """Fit the best of ``n_init`` starts.

    Returns (estimator, topic_term (k x V), shares (n x k, NaN for empty),
    objectives of all starts, index of the start kept).
    """
    if int(n_init) < 1:
        raise ValueError(f"n_init must be >= 1, got {n_init}")
    best, objectives = None, []
    for start in _init_seeds(seed, int(n_init)):
        est = _estimator(method, k, start, init, max_iter, kwargs)
        raw = est.fit_transform(model_input)
        objectives.append(_objective(est, method, model_input) if n_init > 1 else np.nan)
        if best is None or objectives[-1] < best[2]:
            best = (est, raw, objectives[-1])
    est, raw, _ = best
    components = np.asarray(est.components_, dtype=float)
    shares = _unit_shares(raw, components, method)
    shares[empty] = np.nan  # LDA returns its prior for a unit without terms: not evidence
    kept = int(np.nanargmin(objectives)) if n_init > 1 else 0
    return est, _topic_term(components), shares, objectives, kept


def _long_unit_table(index: pd.DataFrame, shares: np.ndarray) -> pd.DataFrame:
    n, k = shares.shape
    empty = np.isnan(shares).all(axis=1) if k else np.ones(n, dtype=bool)
    return pd.DataFrame({
        "doc_id": np.repeat(index["doc_id"].to_numpy(), k),
        "para_id": pd.array(np.repeat(index["para_id"].to_numpy(), k), dtype="Int64"),
        "topic": np.tile(np.arange(k, dtype=np.int64), n),
        "weight": shares.ravel(),
        "is_empty": np.repeat(empty, k),
    })


def _document_table(index: pd.DataFrame, shares: np.ndarray) -> pd.DataFrame:
    """Length-weighted mean of unit shares per document (first-appearance order)."""
    k = shares.shape[1]
    codes, docs = pd.factorize(index["doc_id"], sort=False)
    valid = ~np.isnan(shares).any(axis=1)
    weights = index["n_chars"].to_numpy(dtype=float) * valid
    # A unit with content but zero characters recorded still counts once.
    weights[valid & (weights == 0)] = 1.0
    group = sp.csr_matrix((weights, (codes, np.arange(len(index)))), shape=(len(docs), len(index)))
    totals = np.asarray(group.sum(axis=1)).ravel()
    summed = group @ np.nan_to_num(shares)
    with np.errstate(invalid="ignore", divide="ignore"):
        doc_shares = summed / totals[:, None]
    doc_shares[totals == 0] = np.nan
    n_units = np.bincount(codes, weights=valid, minlength=len(docs)).astype(np.int64)
    n_chars = np.bincount(codes, weights=index["n_chars"].to_numpy() * valid, minlength=len(docs))
    return pd.DataFrame({
        "doc_id": np.repeat(np.asarray(docs, dtype=object), k),
        "topic": np.tile(np.arange(k, dtype=np.int64), len(docs)),
        "share": doc_shares.ravel(),
        "n_units": np.repeat(n_units, k),
        "n_chars": np.repeat(n_chars.astype(np.int64), k),
        "is_empty": np.repeat(totals == 0, k),
    })


def _topic_term_table(topic_term: np.ndarray, vocabulary: np.ndarray, n_terms: int) -> pd.DataFrame:
    k, n_vocab = topic_term.shape
    n = min(n_terms, n_vocab)
    # Stable sort on -weight: ties keep vocabulary (code-point) order -> deterministic.
    top = np.argsort(-topic_term, axis=1, kind="stable")[:, :n]
    return pd.DataFrame({
        "topic": np.repeat(np.arange(k, dtype=np.int64), n),
        "rank": np.tile(np.arange(1, n + 1, dtype=np.int64), k),
        "term": vocabulary[top].ravel(),
        "weight": np.take_along_axis(topic_term, top, axis=1).ravel(),
    })


@dataclass
class TopicModel:
    """A fitted topic model with its tidy result tables.

    Attributes
    ----------
    method : "nmf" or "lda"
    k : int
        Number of topics.
    random_state : int or None
    estimator : sklearn NMF or LatentDirichletAllocation
        The fitted scikit-learn model (its component order is the
        estimator's; ``topic_order[t]`` is the component behind topic t).
    vectorizer : CountVectorizer
        Over token lists, fixed vocabulary.
    tfidf : TfidfTransformer or None
        The TF-IDF weighting fitted for NMF (None for LDA).
    tokenizer : callable
    dtm : DTM
        The count matrix the model was fitted on.
    topic_order : ndarray of int
        Estimator component index of each topic (topics sorted by prevalence).
    topic_term : ndarray, shape (k, n_terms)
        Term distribution of each topic; rows sum to 1 (shares 0-1).
    unit_weights : ndarray, shape (n_units, k)
        Unit-topic shares; rows sum to 1, NaN rows for empty units.
    topic_terms : DataFrame
        topic, rank (1 = strongest), term, weight (share of the topic's term mass).
    unit_topics : DataFrame
        doc_id, para_id, topic, weight (share 0-1; NaN if ``is_empty``), is_empty.
    document_topics : DataFrame
        doc_id, topic, share (0-1, length-weighted over paragraphs), n_units
        (non-empty units), n_chars (their characters), is_empty.
    params : dict
        Settings and provenance of the fit (see :func:`save_tables`).
    """

    method: str
    k: int
    random_state: int | None
    estimator: Any
    vectorizer: CountVectorizer
    tfidf: TfidfTransformer | None
    tokenizer: TokenizerLike
    dtm: DTM
    topic_order: np.ndarray
    topic_term: np.ndarray
    unit_weights: np.ndarray
    topic_terms: pd.DataFrame
    unit_topics: pd.DataFrame
    document_topics: pd.DataFrame
    params: dict = field(default_factory=dict)

    @property
    def vocabulary(self) -> np.ndarray:
        """Term of each column of :attr:`topic_term`."""
        return self.dtm.vocabulary

    @property
    def units(self) -> pd.DataFrame:
        """Index of the units the model was fitted on (see :class:`DTM`)."""
        return self.dtm.units

    def top_terms(self, n: int = 10) -> dict[int, list[str]]:
        """The ``n`` strongest terms of each topic, strongest first."""
        top = np.argsort(-self.topic_term, axis=1, kind="stable")[:, :n]
        return {t: list(self.vocabulary[row]) for t, row in enumerate(top)}

    def transform(self, units: pd.DataFrame, *, text_col: str = "text",
                  cache: bool = True) -> pd.DataFrame:
        """Topic shares of new (or the same) units under the fitted model.

        Returns
        -------
        DataFrame
            Same layout as :attr:`unit_topics`: doc_id, para_id, topic,
            weight (share 0-1, rows sum to 1; NaN when ``is_empty``), is_empty.
            For NMF the shares of training units differ slightly from
            :attr:`unit_topics` (W is re-solved with the topics held fixed).
        """
        index = _unit_index(units, text_col)
        counts = self.vectorizer.transform(_tokens(units, text_col, self.tokenizer, cache, None))
        raw = self.estimator.transform(_model_input(counts, self.method, self.tfidf))
        shares = _unit_shares(raw, np.asarray(self.estimator.components_, dtype=float), self.method)
        shares[np.asarray(counts.sum(axis=1)).ravel() == 0] = np.nan
        return _long_unit_table(index, shares[:, self.topic_order])


def fit_topics(
    units: pd.DataFrame,
    k: int,
    method: str = "nmf",
    *,
    random_state: int | None = 0,
    tokenizer: TokenizerLike | None = None,
    dtm: DTM | None = None,
    min_df: int | float = 2,
    max_df: int | float = 0.9,
    n_terms: int = 20,
    n_init: int = 1,
    init: str | None = None,
    max_iter: int | None = None,
    text_col: str = "text",
    **estimator_kwargs: Any,
) -> TopicModel:
    """Fit an NMF (on TF-IDF) or LDA (on counts) topic model to units.

    Parameters
    ----------
    units : DataFrame
        Paragraphs (doc_id, para_id, text; see :func:`select_units`) or
        documents (doc_id, text).
    k : int
        Number of topics (see :func:`evaluate_k` for choosing it).
    method : {"nmf", "lda"}, default "nmf"
        NMF on L2-normalised TF-IDF (coordinate descent, random init) or LDA
        on counts (batch variational Bayes, priors 1/k).
    random_state : int or None, default 0
        Same value -> identical tables.
    tokenizer : callable, optional
        See :func:`build_dtm`; ignored when ``dtm`` is given.
    dtm : DTM, optional
        A matrix from :func:`build_dtm` for these units (saves segmenting again).
    min_df, max_df : see :func:`build_dtm`.
    n_terms : int, default 20
        Terms per topic in :attr:`TopicModel.topic_terms`.
    n_init : int, default 1
        Fit from this many random starts (seeds ``random_state * n_init``
        ... ``+ n_init - 1``) and keep the one with the lowest objective
        (NMF: Frobenius reconstruction error; LDA: training perplexity).
        Variational LDA in particular can stop in a poor local optimum that
        merges two themes; 3-5 starts guard against that.  ``n_init=1`` is
        exactly the model evaluate_k fits for that seed.
    init : str, optional
        NMF initialisation (default "random"; "nndsvda" is deterministic).
    max_iter : int, optional
        Default 1000 for NMF, 100 for LDA.
    text_col : str, default "text"
    **estimator_kwargs
        Passed to ``sklearn.decomposition.NMF`` / ``LatentDirichletAllocation``
        (e.g. ``alpha_W``, ``doc_topic_prior``).

    Returns
    -------
    TopicModel
        With ``topic_terms``, ``unit_topics`` and ``document_topics``
        tables; topics numbered 0..k-1 by decreasing prevalence (share of
        all modelled characters).

    Warns
    -----
    UserWarning
        If a topic receives no weight at all (k larger than the data support),
        or units have no vocabulary term (they are kept, flagged ``is_empty``).
    """
    method = _check_method(method)
    if dtm is None:
        dtm = build_dtm(units, tokenizer, min_df=min_df, max_df=max_df, text_col=text_col)
    elif len(dtm.units) != len(units):
        raise ValueError(f"dtm has {len(dtm.units)} units but units has {len(units)} rows")
    k = int(k)
    n_units, n_vocab = dtm.matrix.shape
    if not 1 <= k <= min(n_units, n_vocab):
        raise ValueError(f"k must be between 1 and min(units, terms) = {min(n_units, n_vocab)}, got {k}")
    empty = dtm.units["is_empty"].to_numpy()
    if empty.any():
        warnings.warn(f"{int(empty.sum())} unit(s) have no vocabulary term; kept with is_empty=True "
                      "and weight NaN", stacklevel=2)
    tfidf = TfidfTransformer(norm="l2", sublinear_tf=False).fit(dtm.matrix) if method == "nmf" else None
    model_input = _model_input(dtm.matrix, method, tfidf)
    est, topic_term, shares, objectives, kept = _fit_once(
        model_input, method, k, random_state, init, max_iter, estimator_kwargs, empty, n_init)

    # Order topics by prevalence: share of all modelled characters.
    chars = dtm.units["n_chars"].to_numpy(dtype=float)
    prevalence = np.nansum(shares * chars[:, None], axis=0)
    order = np.argsort(-prevalence, kind="stable")
    topic_term, shares = topic_term[order], shares[:, order]
    dead = np.flatnonzero(np.nan_to_num(shares).max(axis=0) <= 0) if n_units else np.array([])
    if len(dead):
        warnings.warn(f"topic(s) {dead.tolist()} received no weight in any unit: k={k} is more "
                      "than the data support", stacklevel=2)

    params = {
        "method": method, "k": k, "random_state": random_state, "n_units": int(n_units),
        "n_terms": int(n_vocab), "n_empty_units": int(empty.sum()), **dtm.params,
        "n_init": int(n_init), "init_seeds": _init_seeds(random_state, int(n_init)),
        "init_objectives": [float(o) for o in objectives], "init_kept": kept,
        "estimator": repr(est), "provenance": provenance(dtm.tokenizer),
    }
    return TopicModel(
        method=method, k=k, random_state=random_state, estimator=est, vectorizer=dtm.vectorizer(),
        tfidf=tfidf, tokenizer=dtm.tokenizer, dtm=dtm, topic_order=order, topic_term=topic_term,
        unit_weights=shares, topic_terms=_topic_term_table(topic_term, dtm.vocabulary, n_terms),
        unit_topics=_long_unit_table(dtm.units, shares),
        document_topics=_document_table(dtm.units, shares), params=params,
    )


# ============================================================================ diagnostics


def _top_indices(topic_term: np.ndarray, n_top: int) -> np.ndarray:
    return np.argsort(-topic_term, axis=1, kind="stable")[:, : min(n_top, topic_term.shape[1])]


def _joint_counts(binary: sp.csc_matrix, top: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(unique term columns, their unit frequencies, their co-occurrence counts)."""
    cols = np.unique(top)
    sub = binary[:, cols]
    joint = (sub.T @ sub).toarray().astype(float)
    return cols, np.diag(joint).copy(), joint


def _coherence(binary: sp.csc_matrix, top: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-topic NPMI and UMass coherence of the top terms (see evaluate_k)."""
    n_units = binary.shape[0]
    cols, df, joint = _joint_counts(binary, top)
    pos = np.searchsorted(cols, top)  # top terms -> rows of ``joint``
    n = top.shape[1]
    i_idx, j_idx = np.triu_indices(n, k=1)  # i ranked above j
    npmi = np.full(len(top), np.nan)
    umass = np.full(len(top), np.nan)
    if n < 2 or n_units == 0:
        return npmi, umass
    with np.errstate(divide="ignore", invalid="ignore"):
        for t, p in enumerate(pos):
            a, b = p[i_idx], p[j_idx]
            p_a, p_b = df[a] / n_units, df[b] / n_units
            p_ab = joint[a, b] / n_units
            pmi = np.log((p_ab + NPMI_EPSILON) / (p_a * p_b))
            value = pmi / -np.log(p_ab + NPMI_EPSILON)
            value[p_ab >= 1.0] = 1.0  # both terms in every unit: perfect association
            value[(p_a == 0) | (p_b == 0)] = np.nan  # term absent from the reference units
            npmi[t] = np.nanmean(value) if np.isfinite(value).any() else np.nan
            # UMass conditions on the higher-ranked term a (Mimno et al. 2011).
            um = np.log((joint[a, b] + 1.0) / df[a])
            um[df[a] == 0] = np.nan
            umass[t] = np.nanmean(um) if np.isfinite(um).any() else np.nan
    return npmi, umass


def _exclusivity_matrix(topic_term: np.ndarray) -> np.ndarray:
    """p(w|t) / sum_j p(w|j) for every topic and term (0 for unused terms)."""
    totals = topic_term.sum(axis=0, keepdims=True)
    return np.divide(topic_term, totals, out=np.zeros_like(topic_term, dtype=float), where=totals > 0)


def _exclusivity(topic_term: np.ndarray, top: np.ndarray) -> np.ndarray:
    """Per topic: mean over its top terms of p(w|t) / sum_j p(w|j)."""
    return np.take_along_axis(_exclusivity_matrix(topic_term), top, axis=1).mean(axis=1)


def _frex(topic_term: np.ndarray, excl: np.ndarray, weight: float = 0.5) -> np.ndarray:
    """stm's FREX: weighted harmonic mean of within-topic ECDF ranks of exclusivity and frequency."""
    from scipy.stats import rankdata

    n = topic_term.shape[1]
    excl_rank = rankdata(excl, method="max", axis=1) / n
    freq_rank = rankdata(topic_term, method="max", axis=1) / n
    return 1.0 / (weight / excl_rank + (1 - weight) / freq_rank)


def _binary(counts: sp.spmatrix) -> sp.csc_matrix:
    b = sp.csc_matrix(counts, dtype=np.float64, copy=True)
    b.data[:] = 1.0
    return b


def score_topics(model: TopicModel, *, n_top: int = 10, reference: pd.DataFrame | None = None,
                 text_col: str = "text") -> pd.DataFrame:
    """Per-topic quality diagnostics of a fitted model.

    Parameters
    ----------
    model : TopicModel
    n_top : int, default 10
        Top terms per topic used for coherence and exclusivity.
    reference : DataFrame, optional
        Units whose co-occurrences define coherence (default: the model's own
        units, e.g. paragraphs).  Pass paragraphs to score a document-level
        model on paragraph co-occurrence.
    text_col : str, default "text"

    Returns
    -------
    DataFrame
        topic, coherence_npmi (-1..1), coherence_umass (<= 0 typically),
        exclusivity (1/k..1), prevalence (share 0-1 of all modelled characters),
        n_dominant (units whose largest share is this topic), top_terms (str).
        Definitions as in :func:`evaluate_k`.
    """
    if reference is None:
        counts = model.dtm.matrix
    else:
        counts = model.vectorizer.transform(_tokens(reference, text_col, model.tokenizer, True, None))
    top = _top_indices(model.topic_term, n_top)
    npmi, umass = _coherence(_binary(counts), top)
    shares = model.unit_weights
    valid = ~np.isnan(shares).any(axis=1)
    chars = model.units["n_chars"].to_numpy(dtype=float) * valid
    prevalence = np.nansum(shares * chars[:, None], axis=0) / max(chars.sum(), 1.0)
    dominant = np.bincount(np.argmax(np.nan_to_num(shares[valid]), axis=1), minlength=model.k) \
        if valid.any() else np.zeros(model.k, dtype=int)
    return pd.DataFrame({
        "topic": np.arange(model.k, dtype=np.int64),
        "coherence_npmi": npmi,
        "coherence_umass": umass,
        "exclusivity": _exclusivity(model.topic_term, top),
        "prevalence": prevalence,
        "n_dominant": dominant.astype(np.int64),
        "top_terms": [" ".join(model.vocabulary[row]) for row in top],
    })


def _cosine_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    na = np.linalg.norm(a, axis=1, keepdims=True)
    nb = np.linalg.norm(b, axis=1, keepdims=True)
    a = np.divide(a, na, out=np.zeros_like(a), where=na > 0)
    b = np.divide(b, nb, out=np.zeros_like(b), where=nb > 0)
    return a @ b.T


def _matched_cosine(a: np.ndarray, b: np.ndarray) -> float:
    sim = _cosine_rows(a, b)
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].mean())


def match_topics(a: "TopicModel", b: "TopicModel") -> pd.DataFrame:
    """Pair each topic of model ``a`` with one topic of model ``b``.

    Topic-term distributions are aligned on the union of both vocabularies
    and compared by cosine similarity; the Hungarian algorithm finds the
    one-to-one pairing with the highest total similarity.  Use it to compare
    NMF with LDA, two random seeds, or paragraphs with documents.

    Returns
    -------
    DataFrame with topic_a, topic_b, cosine (0-1), top_terms_a, top_terms_b
    (five strongest terms each), sorted by topic_a.
    """
    vocab_a = list(a.vectorizer.get_feature_names_out())
    vocab_b = list(b.vectorizer.get_feature_names_out())
    vocab = sorted(set(vocab_a) | set(vocab_b))
    ta = pd.DataFrame(a.topic_term, columns=vocab_a).reindex(columns=vocab, fill_value=0.0).to_numpy()
    tb = pd.DataFrame(b.topic_term, columns=vocab_b).reindex(columns=vocab, fill_value=0.0).to_numpy()
    sim = _cosine_rows(ta, tb)
    rows, cols = linear_sum_assignment(-sim)

    def top(model: "TopicModel", t: int) -> str:
        tt = model.topic_terms
        return " ".join(tt[(tt.topic == t) & (tt["rank"] <= 5)].sort_values("rank").term)

    out = pd.DataFrame({"topic_a": rows, "topic_b": cols, "cosine": sim[rows, cols]})
    out["top_terms_a"] = [top(a, t) for t in out.topic_a]
    out["top_terms_b"] = [top(b, t) for t in out.topic_b]
    return out.sort_values("topic_a").reset_index(drop=True)


def _evaluate_run(model_input: sp.csr_matrix, binary: sp.csc_matrix, method: str, init: str | None,
                  max_iter: int | None, kwargs: Mapping[str, Any], empty: np.ndarray, n_top: int,
                  n_init: int, k: int, seed: int) -> tuple:
    """One fit of evaluate_k -> (topic_term, dominant topics, npmi, umass, exclusivity, n_dead)."""
    _est, topic_term, shares, _obj, _kept = _fit_once(model_input, method, k, seed, init, max_iter,
                                                      kwargs, empty, n_init)
    top = _top_indices(topic_term, n_top)
    npmi, umass = _coherence(binary, top)
    dominant = np.argmax(np.nan_to_num(shares[~empty]), axis=1)
    n_dead = int((np.nan_to_num(shares).max(axis=0) <= 0).sum())
    return topic_term, dominant, npmi, umass, _exclusivity(topic_term, top), n_dead


def evaluate_k(
    units: pd.DataFrame,
    ks: Iterable[int] = range(3, 13),
    method: str = "nmf",
    seeds: Sequence[int] = (0, 1, 2, 3, 4),
    *,
    tokenizer: TokenizerLike | None = None,
    dtm: DTM | None = None,
    min_df: int | float = 2,
    max_df: int | float = 0.9,
    n_top: int = 10,
    init: str | None = None,
    max_iter: int | None = None,
    text_col: str = "text",
    progress: bool | None = None,
    n_jobs: int | None = 1,
    n_init: int = 1,
    **estimator_kwargs: Any,
) -> pd.DataFrame:
    """Diagnostics for each candidate number of topics, over several seeds.

    For every k and seed a model is fitted as in :func:`fit_topics`; all
    measures are computed on the units themselves (this corpus, not an
    external reference), using each topic's ``n_top`` strongest terms.

    Definitions
    -----------
    coherence_npmi
        Mean over topics and seeds of the mean normalised PMI over all pairs
        of the topic's top terms, with probabilities from *unit* (paragraph)
        co-occurrence: ``p(w) = D(w)/N``, ``p(w1,w2) = D(w1,w2)/N`` where D
        counts units containing the term(s) and N is the number of units;
        ``NPMI = log((p12 + e) / (p1 p2)) / -log(p12 + e)`` with
        ``e = 1e-12`` (Röder et al. 2015), so pairs that never co-occur score
        close to -1.  Range -1..1, higher is better.
    coherence_npmi_se
        Standard error of coherence_npmi: standard deviation of the
        per-topic NPMI values pooled over seeds, divided by sqrt(k) (topics
        are the sample; seeds are not independent draws).
    coherence_umass
        Mimno et al. (2011), averaged over pairs: mean of
        ``log((D(w_i, w_j) + 1) / D(w_i))`` for top terms w_i ranked above
        w_j.  Add-one smoothing; <= about 0, higher is better.
    exclusivity
        For each top term w of topic t, the share of w's probability mass
        across topics that belongs to t: ``p(w|t) / sum_j p(w|j)`` (topic-term
        rows normalised to sum 1); averaged over the top terms, topics and
        seeds.  Range 1/k..1: at 1 no other topic uses the term.  This is the
        exclusivity half of stm's FREX without the frequency half.
    stability_cosine
        For every pair of seeds, topics are matched one-to-one by the
        Hungarian algorithm (``scipy.optimize.linear_sum_assignment``) on the
        cosine similarity of their full topic-term vectors; the mean matched
        similarity, averaged over seed pairs.  1 = the same topics every run.
    stability_ari
        Adjusted Rand index between the dominant-topic assignments (largest
        share) of the non-empty units of two runs, averaged over seed pairs.
        Label permutations do not matter.  1 = identical partitions, 0 = chance.
    stability
        Mean of stability_cosine and stability_ari (used by :func:`choose_k`).
    stability_se
        Standard deviation over seed pairs of the pair's (cosine + ARI) / 2,
        divided by sqrt(number of seeds) (pairs share seeds, so the seeds are
        the independent draws).  NaN with fewer than 3 seeds.
    n_empty_topics
        Mean number of topics per run that receive no weight in any unit.

    Parameters
    ----------
    units : DataFrame
        As in :func:`fit_topics`.
    ks : iterable of int, default range(3, 13)
        Candidate numbers of topics; values above min(units, terms) are skipped.
    method : {"nmf", "lda"}, default "nmf"
    seeds : sequence of int, default (0, 1, 2, 3, 4)
        random_state of each run (at least 2 for stability).
    tokenizer, dtm, min_df, max_df, init, max_iter, text_col, **estimator_kwargs
        As in :func:`fit_topics`.
    n_top : int, default 10
        Top terms per topic for coherence and exclusivity.
    progress : bool, optional
        Progress bar over fits; default only above 2,000 units.
    n_init : int, default 1
        Starts per run, as in :func:`fit_topics`.  With n_init > 1 the
        stability columns describe the best-of-n procedure.
    n_jobs : int or None, default 1
        Fits run in this many processes (joblib; -1 = all cores).  Results
        are identical for any n_jobs.  Worth it for LDA, whose fits are slow
        (about 40 s for the seed paragraphs, k = 3..12 x 5 seeds, on one
        core; NMF takes about 1 s).

    Returns
    -------
    DataFrame
        One row per k with the columns above plus ``k``, ``method``,
        ``n_seeds``, ``n_units``, ``n_terms``.  ``attrs["definitions"]``
        holds these definitions as text, ``attrs["params"]`` the settings.
    """
    method = _check_method(method)
    seeds = list(seeds)
    if not seeds:
        raise ValueError("seeds must not be empty")
    if dtm is None:
        dtm = build_dtm(units, tokenizer, min_df=min_df, max_df=max_df, text_col=text_col)
    counts = dtm.matrix
    n_units, n_vocab = counts.shape
    ks = sorted({int(k) for k in ks})
    too_big = [k for k in ks if not 1 <= k <= min(n_units, n_vocab)]
    if too_big:
        warnings.warn(f"skipping k={too_big}: must be between 1 and {min(n_units, n_vocab)}", stacklevel=2)
    ks = [k for k in ks if k not in too_big]
    if not ks:
        raise ValueError("no feasible k to evaluate")
    empty = dtm.units["is_empty"].to_numpy()
    tfidf = TfidfTransformer(norm="l2").fit(counts) if method == "nmf" else None
    model_input = _model_input(counts, method, tfidf)
    binary = _binary(counts)
    if progress is None:
        progress = n_units > PROGRESS_MIN_UNITS
    from joblib import Parallel, delayed
    from tqdm.auto import tqdm

    tasks = [(k, seed) for k in ks for seed in seeds]
    args = (model_input, binary, method, init, max_iter, estimator_kwargs, empty, n_top, n_init)
    if n_jobs == 1:
        results = [_evaluate_run(*args, k, seed)
                   for k, seed in tqdm(tasks, desc="evaluate_k", unit="fit", disable=not progress)]
    else:
        # Each fit has its own random_state, so the results do not depend on n_jobs.
        results = Parallel(n_jobs=n_jobs, verbose=10 if progress else 0)(
            delayed(_evaluate_run)(*args, k, seed) for k, seed in tasks)
    by_k: dict[int, list] = {}
    for (k, _seed), result in zip(tasks, results):
        by_k.setdefault(k, []).append(result)
    rows = []
    for k in ks:
        runs = by_k[k]
        pooled = np.concatenate([r[2] for r in runs])
        pooled = pooled[np.isfinite(pooled)]
        pairs = list(itertools.combinations(range(len(runs)), 2))
        cos = [_matched_cosine(runs[a][0], runs[b][0]) for a, b in pairs]
        ari = [adjusted_rand_score(runs[a][1], runs[b][1]) for a, b in pairs]
        stab_cos = float(np.mean(cos)) if pairs else np.nan
        stab_ari = float(np.mean(ari)) if pairs else np.nan
        per_pair = (np.asarray(cos) + np.asarray(ari)) / 2
        # Pairs share seeds: the effective sample size is the number of seeds.
        stab_se = float(per_pair.std(ddof=1) / np.sqrt(len(seeds))) if len(pairs) > 1 else np.nan
        rows.append({
            "k": k,
            "method": method,
            "n_seeds": len(seeds),
            "coherence_npmi": float(pooled.mean()) if len(pooled) else np.nan,
            "coherence_npmi_se": float(pooled.std(ddof=1) / np.sqrt(k)) if len(pooled) > 1 else np.nan,
            "coherence_umass": float(np.nanmean(np.concatenate([r[3] for r in runs]))),
            "exclusivity": float(np.nanmean(np.concatenate([r[4] for r in runs]))),
            "stability_cosine": stab_cos,
            "stability_ari": stab_ari,
            "stability": (stab_cos + stab_ari) / 2,
            "stability_se": stab_se,
            "n_empty_topics": float(np.mean([r[5] for r in runs])),
            "n_units": int(n_units),
            "n_terms": int(n_vocab),
        })
    table = pd.DataFrame(rows)
    table.attrs["definitions"] = {
        "coherence_npmi": f"mean NPMI of top-{n_top} term pairs, unit co-occurrence, eps={NPMI_EPSILON}",
        "coherence_npmi_se": "sd of per-topic NPMI pooled over seeds / sqrt(k)",
        "coherence_umass": "mean log((D(wi,wj)+1)/D(wi)), wi ranked above wj (Mimno 2011)",
        "exclusivity": "mean over top terms of p(w|t)/sum_j p(w|j)",
        "stability_cosine": "mean Hungarian-matched cosine of topic-term vectors over seed pairs",
        "stability_ari": "mean ARI of dominant-topic assignments over seed pairs",
        "stability": "(stability_cosine + stability_ari) / 2",
        "stability_se": "sd over seed pairs of (cosine + ARI)/2 / sqrt(n_seeds)",
    }
    table.attrs["params"] = {"method": method, "ks": ks, "seeds": seeds, "n_top": n_top, "n_init": n_init,
                             **{k: v for k, v in dtm.params.items()}}
    return table


def choose_k(
    table: pd.DataFrame,
    *,
    coherence: str = "coherence_npmi",
    se: str = "coherence_npmi_se",
    stability: str = "stability",
    stability_se: str = "stability_se",
) -> tuple[int, str]:
    """Pick k from an :func:`evaluate_k` table by a two-step one-standard-error rule.

    1. Coherence: the k with the highest mean coherence sets the bar; every k
       whose coherence is at least ``best - SE(best)`` is admissible.
    2. Stability: among admissible k, the most stable one sets a second bar,
       ``max stability - its stability SE``; the *smallest* admissible k that
       clears it is chosen.

    So k is the simplest model that is statistically as coherent as the most
    coherent one and as reproducible across random starts as the most
    reproducible of those; differences smaller than their noise never push
    towards more topics.  A missing SE counts as 0.

    Parameters
    ----------
    table : DataFrame
        From :func:`evaluate_k`.
    coherence, se, stability, stability_se : str
        Columns used (``stability_se`` may be absent: treated as 0).

    Returns
    -------
    (int, str)
        The chosen k and a sentence explaining why.
    """
    for column in ("k", coherence, se, stability):
        if column not in table.columns:
            raise KeyError(f"table has no column {column!r}")
    t = table.dropna(subset=[coherence]).sort_values("k").reset_index(drop=True)
    if t.empty:
        raise ValueError("no k with a finite coherence")
    best = t.loc[t[coherence].idxmax()]
    best_se = float(best[se]) if np.isfinite(best[se]) else 0.0
    admissible = t[t[coherence] >= float(best[coherence]) - best_se]
    stab = admissible[stability].fillna(-np.inf)
    most = admissible.loc[stab.idxmax()]
    most_se = float(most[stability_se]) if stability_se in t.columns and np.isfinite(most[stability_se]) else 0.0
    # Rounding guards against float noise deciding between equal values.
    clears = admissible[np.round(stab, 9) >= round(float(most[stability]) - most_se, 9)]
    chosen = clears.iloc[0]  # sorted by k: the smallest
    k = int(chosen["k"])
    ks = ", ".join(str(int(x)) for x in admissible["k"])
    reason = (
        f"k={k}: smallest k whose {stability} ({chosen[stability]:.3f}) is within 1 SE "
        f"({most_se:.3f}) of the most stable (k={int(most['k'])}, {most[stability]:.3f}) among "
        f"k = {ks}, whose mean {coherence} is within 1 SE ({best_se:.3f}) of the best "
        f"(k={int(best['k'])}, {best[coherence]:.3f})"
    )
    return k, reason


def plot_k_diagnostics(
    table: pd.DataFrame,
    *,
    chosen: int | None = None,
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
):
    """Coherence, exclusivity and stability against k, chosen k marked.

    Parameters
    ----------
    table : DataFrame
        From :func:`evaluate_k`.
    chosen : int, optional
        k to mark; default :func:`choose_k` on the table.
    title : str, optional
    path : path, optional
        Save a PNG here (at least 150 dpi).
    dpi : int, default 200

    Returns
    -------
    matplotlib.figure.Figure
        Three panels sharing the k axis: (1) NPMI coherence with ±1 SE bars
        and the 1-SE threshold of :func:`choose_k`, (2) exclusivity,
        (3) stability (matched cosine, ARI and, dashed, the mean of the two
        ± 1 SE).  The "chosen k" note sits in headroom above the coherence
        error bars, so it never covers them.
    """
    t = table.sort_values("k")
    reason = None
    if chosen is None:
        chosen, reason = choose_k(t)
    figure = _new_figure((11, 4.4))
    axes = figure.subplots(1, 3, sharex=True)
    ks = t["k"].to_numpy()
    ax = axes[0]
    ax.errorbar(ks, t["coherence_npmi"], yerr=t["coherence_npmi_se"], marker="o", capsize=3,
                color="#1f77b4", label="NPMI ± 1 SE")
    best = t.loc[t["coherence_npmi"].idxmax()]
    ax.axhline(best["coherence_npmi"] - best["coherence_npmi_se"], color="grey", linestyle=":",
               linewidth=1, label="best − 1 SE")
    ax.set_title("主题一致性 coherence (NPMI)")
    ax.set_ylabel("NPMI (−1..1, 越高越好)")
    # Headroom above the highest error bar for the "chosen k" note.
    se = t["coherence_npmi_se"].fillna(0).to_numpy(dtype=float)
    coh = t["coherence_npmi"].to_numpy(dtype=float)
    finite = np.isfinite(coh)
    if finite.any():
        high = float(np.max((coh + se)[finite]))
        low = float(min(np.min((coh - se)[finite]), best["coherence_npmi"] - best["coherence_npmi_se"]))
        span = high - low if high > low else max(abs(high), 1e-3)
        ax.set_ylim(low - 0.06 * span, high + 0.22 * span)
    ax = axes[1]
    ax.plot(ks, t["exclusivity"], marker="o", color="#2ca02c")
    ax.plot(ks, 1 / ks, linestyle=":", color="grey", linewidth=1, label="1/k (no exclusivity)")
    ax.set_title("排他性 exclusivity")
    ax.set_ylabel("share of top-term mass (1/k..1)")
    ax = axes[2]
    ax.plot(ks, t["stability_cosine"], marker="o", color="#9467bd", label="matched cosine")
    ax.plot(ks, t["stability_ari"], marker="s", color="#d62728", label="ARI dominant topic")
    ax.errorbar(ks, t["stability"], yerr=t["stability_se"] if "stability_se" in t.columns else None,
                linestyle="--", color="black", linewidth=1, capsize=2, label="mean of cosine and ARI ± 1 SE")
    ax.set_title(f"稳定性 stability ({int(t['n_seeds'].iloc[0])} seeds)")
    ax.set_ylabel("stability (matched cosine / ARI, 0-1)")
    for ax in axes:
        # Legends under the panels: inside they hide the points that matter.
        ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
        ax.axvline(chosen, color="#ff7f0e", linewidth=2, alpha=0.6)
        ax.set_xlabel("k (topics)")
        ax.set_xticks(ks)
        ax.spines[["top", "right"]].set_visible(False)
    last = chosen >= ks.max()
    axes[0].annotate(f"chosen k={chosen}", xy=(chosen, 1.0), xycoords=("data", "axes fraction"),
                     xytext=(-4 if last else 4, -3), textcoords="offset points", color="#ff7f0e", fontsize=9,
                     ha="right" if last else "left", va="top")
    method = str(t["method"].iloc[0]).upper() if "method" in t.columns else ""
    head = title or f"选择主题数 k ({method}, {int(t['n_units'].iloc[0])} units)"
    if reason:
        head += "\n" + "\n".join(textwrap.wrap(reason, 140))
    figure.suptitle(head, fontsize=10)
    _save_figure(figure, path, dpi)
    return figure


# ============================================================================ labels


def label_topics(
    model: TopicModel,
    units: pd.DataFrame,
    n_terms: int = 6,
    *,
    width: int = 80,
    min_terms: int = 5,
    text_col: str = "text",
) -> pd.DataFrame:
    """Human-readable topic labels with a representative passage.

    The representative unit of a topic is the unit with the highest share of
    it, among units with at least ``min_terms`` vocabulary tokens if any
    (so a one-phrase line does not win with share 1.0); ties go to the
    longer unit.  Its *keyword* is the unit's term with the highest FREX
    score for the topic (ties: the more frequent in the unit); the excerpt is about
    ``width`` characters of the unit's text centred on the keyword's first
    occurrence, keyword in 【】, "…" where the text is cut.

    Parameters
    ----------
    model : TopicModel
    units : DataFrame
        The units the model was fitted on (their ``text``).
    n_terms : int, default 6
        Top terms joined into the label.
    width : int, default 80
        Excerpt length in characters (without the brackets and ellipses).
    min_terms : int, default 5
    text_col : str, default "text"

    Returns
    -------
    DataFrame
        topic, label ("、"-joined top terms by p(term|topic)), frex (top terms
        by FREX, stm's harmonic mean of frequency and exclusivity ranks with
        weight 0.5: more distinctive, less generic), keyword, doc_id,
        para_id, weight (the unit's share of the topic, 0-1), excerpt.
    """
    index = model.units
    if len(units) != len(index) or not np.array_equal(units["doc_id"].astype(str).to_numpy(),
                                                       index["doc_id"].to_numpy()):
        raise ValueError("units must be the units the model was fitted on, in the same order")
    texts = units[text_col].fillna("").astype(str).to_numpy()
    shares = np.nan_to_num(model.unit_weights, nan=-1.0)
    n_in_vocab = index["n_terms"].to_numpy()
    eligible = n_in_vocab >= min_terms
    if not eligible.any():
        eligible = n_in_vocab > 0
    counts = model.dtm.matrix.tocsr()
    top = model.top_terms(n_terms)
    frex_score = _frex(model.topic_term, _exclusivity_matrix(model.topic_term))
    frex = np.argsort(-frex_score, axis=1, kind="stable")[:, :n_terms]
    rows = []
    for t in range(model.k):
        score = np.where(eligible, shares[:, t], -1.0)
        # lexsort: last key is primary -> highest share (to 0.01, so that many
        # short paragraphs at share 1.0 do not tie arbitrarily), then most terms.
        best = int(np.lexsort((-n_in_vocab, -np.round(score, 2)))[0])
        row = counts.getrow(best)
        keyword, excerpt = "", ""
        if row.nnz and score[best] > 0:
            # Highest FREX, not largest contribution: contribution picks generic
            # 城市 / 建设 / 工作, which say nothing about the topic.
            best_term = np.lexsort((-row.data, -frex_score[t, row.indices]))[0]
            keyword = str(model.vocabulary[row.indices[best_term]])
            excerpt = _kwic(texts[best], keyword, width)
        rows.append({
            "topic": t,
            "label": "、".join(top[t]),
            "frex": "、".join(model.vocabulary[frex[t]]),
            "keyword": keyword,
            "doc_id": index.at[best, "doc_id"],
            "para_id": index.at[best, "para_id"],
            "weight": float(model.unit_weights[best, t]) if score[best] > 0 else np.nan,
            "excerpt": excerpt,
        })
    out = pd.DataFrame(rows)
    out["para_id"] = out["para_id"].astype("Int64")
    return out


def _kwic(text: str, keyword: str, width: int) -> str:
    """About ``width`` characters around the first ``keyword``, which is bracketed."""
    text = re.sub(r"\s+", " ", text)
    pos = text.find(keyword)
    if pos < 0:  # the tokenizer normalised something; show the start
        return text[:width] + ("…" if len(text) > width else "")
    side = max((width - len(keyword)) // 2, 0)
    start = max(0, pos - side)
    end = min(len(text), pos + len(keyword) + side)
    # Use the room one side does not need on the other.
    start = max(0, min(start, end - width))
    end = min(len(text), max(end, start + width))
    return ("…" if start > 0 else "") + text[start:pos] + f"【{keyword}】" + \
        text[pos + len(keyword):end] + ("…" if end < len(text) else "")


# ============================================================================ prevalence


def topic_prevalence(
    topics: pd.DataFrame,
    corpus: pd.DataFrame,
    by: str = "year",
    *,
    groups: Iterable[Any] | None = None,
) -> pd.DataFrame:
    """Topic prevalence per group (year, level ...), with the counts behind it.

    Parameters
    ----------
    topics : DataFrame
        ``model.unit_topics`` (columns doc_id, topic, weight) or
        ``model.document_topics`` (doc_id, topic, share).  Units flagged
        ``is_empty`` (weight NaN) are left out of counts and means.
    corpus : DataFrame
        One row per document with ``doc_id`` and the ``by`` column.
    by : str, default "year"
        Grouping column of the corpus.
    groups : iterable, optional
        Groups to report, in order.  Default: for ``year`` every year from
        the first to the last in ``corpus`` (so years without documents
        appear); for ``level`` the five levels central..county; otherwise
        the observed values, sorted.  Pass e.g. ``range(2014, 2024)`` to
        cover a study period; documents in other groups are left out with
        a warning.

    Returns
    -------
    DataFrame
        One row per group x topic: ``by``, topic, n_documents (documents of
        the group with topic information), n_units (paragraphs or other units
        behind them; for document_topics the sum of its ``n_units``), share (mean weight of the topic
        over the group's units or documents, each counting equally; 0-1),
        share_se (standard error of that mean; NaN below 2).  Groups without
        units have counts 0 and share NaN, so plots show a gap instead of
        interpolating.
    """
    value = "weight" if "weight" in topics.columns else "share" if "share" in topics.columns else None
    if value is None or "topic" not in topics.columns or "doc_id" not in topics.columns:
        raise KeyError("topics must have doc_id, topic and weight (unit_topics) or share (document_topics)")
    meta = _plain(corpus, ["doc_id", by]).drop_duplicates("doc_id")
    t = _plain(topics, ["doc_id", "topic", value] + (["n_units"] if "n_units" in topics.columns else []))
    t = t[t[value].notna()]
    t = t.merge(meta, on="doc_id", how="left", validate="many_to_one")
    unmatched = t[by].isna()
    if unmatched.any():
        warnings.warn(f"{t.loc[unmatched, 'doc_id'].nunique()} doc_id(s) of topics are not in corpus; "
                      "left out", stacklevel=2)
        t = t[~unmatched]
    k_topics = np.sort(topics["topic"].unique())
    if groups is None:
        if by == "year":
            years = pd.to_numeric(meta[by], errors="coerce").dropna().astype(int)
            groups = range(int(years.min()), int(years.max()) + 1) if len(years) else []
        elif by == "level":
            groups = list(LEVELS) + sorted(set(meta[by].dropna()) - set(LEVELS))
        else:
            groups = sorted(meta[by].dropna().unique())
    groups = list(groups)
    if by == "year":
        t[by] = t[by].astype(int)
    outside = ~t[by].isin(groups)
    if outside.any():
        warnings.warn(f"{t.loc[outside, 'doc_id'].nunique()} document(s) with {by} outside the requested "
                      f"groups are left out: {sorted(t.loc[outside, by].unique())[:10]}", stacklevel=2)
        t = t[~outside]
    if "n_units" in t.columns and value == "share":
        # document_topics carries each document's paragraph count: report
        # paragraphs, not documents a second time.
        n_units = t.drop_duplicates("doc_id").groupby(by)["n_units"].sum()
    else:
        n_units = t.groupby(by)["doc_id"].size() / max(len(k_topics), 1)
    n_docs = t.groupby(by)["doc_id"].nunique()
    stats = t.groupby([by, "topic"])[value].agg(["mean", "std", "count"])
    full = pd.MultiIndex.from_product([groups, k_topics], names=[by, "topic"])
    stats = stats.reindex(full)
    out = stats.reset_index()
    out["n_documents"] = out[by].map(n_docs).fillna(0).astype(np.int64)
    out["n_units"] = out[by].map(n_units).fillna(0).round().astype(np.int64)
    out["share"] = out["mean"]
    out["share_se"] = np.where(out["count"] > 1, out["std"] / np.sqrt(out["count"]), np.nan)
    out = out[[by, "topic", "n_documents", "n_units", "share", "share_se"]]
    out["topic"] = out["topic"].astype(np.int64)
    out.attrs = {"unit": "unit_topics" if value == "weight" else "document_topics", "by": by}
    return out


def _topic_names(labels: pd.DataFrame | Mapping[int, str] | None, topics: Sequence[int],
                 max_chars: int = 26) -> list[str]:
    if labels is None:
        mapping: Mapping[int, str] = {}
    elif isinstance(labels, pd.DataFrame):
        mapping = dict(zip(labels["topic"], labels["label"]))
    else:
        mapping = labels
    names = []
    for t in topics:
        text = str(mapping.get(t, ""))
        if len(text) > max_chars:
            text = text[: max_chars - 1] + "…"
        names.append(f"T{t} {text}".strip())
    return names


def _plot_prevalence(prev: pd.DataFrame, by: str, labels, kind: str, title: str | None,
                     path, dpi: int, cmap: str, group_names: Mapping[Any, str] | None = None):
    for column in (by, "topic", "share", "n_documents"):
        if column not in prev.columns:
            raise KeyError(f"prevalence table has no column {column!r}")
    if kind not in ("heatmap", "bars"):
        raise ValueError("kind must be 'heatmap' or 'bars'")
    groups = list(dict.fromkeys(prev[by]))
    topics = sorted(prev["topic"].unique())
    share = prev.pivot(index="topic", columns=by, values="share").reindex(index=topics, columns=groups)
    counts = prev.drop_duplicates(by).set_index(by).reindex(groups)
    show_units = prev.attrs.get("unit") == "unit_topics" and "n_units" in prev.columns
    ticks = []
    for g in groups:
        name = group_names.get(g, str(g)) if group_names else str(g)
        n = f"n={int(counts.at[g, 'n_documents'])}"
        if show_units:
            n += f"\n({int(counts.at[g, 'n_units'])} para.)"
        ticks.append(f"{name}\n{n}")
    names = _topic_names(labels, topics)
    unit_word = "paragraphs" if show_units else "documents"
    if kind == "heatmap":
        longest = max((len(line) for tick in ticks for line in tick.split("\n")), default=0)
        width = max(0.85, 0.11 * longest)
        figure = _new_figure((max(6.0, width * len(groups) + 3.5), 0.5 * len(topics) + 2.2))
        ax = figure.add_subplot()
        data = np.ma.masked_invalid(share.to_numpy(dtype=float))
        ax.set_facecolor("#e6e6e6")  # masked (no documents) cells show this, hatched
        ax.patch.set_hatch("///")
        ax.patch.set_edgecolor("#bdbdbd")
        image = ax.imshow(data, aspect="auto", cmap=cmap, vmin=0, vmax=max(float(np.nanmax(data.filled(0))), 1e-9),
                          interpolation="nearest")
        for (i, j), v in np.ndenumerate(share.to_numpy(dtype=float)):
            if np.isfinite(v):
                ax.text(j, i, f"{100 * v:.0f}", ha="center", va="center", fontsize=8,
                        color="white" if v > 0.6 * float(np.nanmax(data.filled(0))) else "black")
        ax.set_xticks(range(len(groups)), labels=ticks, fontsize=8)
        ax.set_yticks(range(len(topics)), labels=names, fontsize=9)
        ax.tick_params(length=0)
        colorbar = figure.colorbar(image, ax=ax, shrink=0.8)
        colorbar.set_label("mean share 主题占比 (cells: %)")
        ax.set_xlabel(f"{by}  (n = documents; hatched = no {unit_word})")
    else:
        n_col = min(3, len(topics))
        n_row = int(np.ceil(len(topics) / n_col))
        figure = _new_figure((4.2 * n_col, 2.6 * n_row + 0.8))
        axes = np.atleast_1d(figure.subplots(n_row, n_col, sharex=True, sharey=True, squeeze=False)).ravel()
        x = np.arange(len(groups))
        se = prev.pivot(index="topic", columns=by, values="share_se").reindex(index=topics, columns=groups) \
            if "share_se" in prev.columns else None
        empty = counts["n_documents"].to_numpy() == 0
        for ax, t, name in zip(axes, topics, names):
            values = share.loc[t].to_numpy(dtype=float)
            errors = None if se is None else np.nan_to_num(se.loc[t].to_numpy(dtype=float))
            # Bars, not lines: nothing is drawn for a year without documents.
            ax.bar(x, np.nan_to_num(values), yerr=errors, color="#3a6ea5", ecolor="#555555",
                   error_kw={"linewidth": 0.8})
            for xi in x[empty]:
                ax.text(xi, 0, "无\n0", ha="center", va="bottom", fontsize=7, color="#888888")
            ax.set_title(name, fontsize=9, loc="left")
            ax.spines[["top", "right"]].set_visible(False)
        for ax in axes[len(topics):]:
            ax.set_visible(False)
        for col in range(n_col):
            lowest = axes[max(i for i in range(col, len(topics), n_col))]
            lowest.set_xticks(x, labels=ticks, fontsize=7)
            lowest.tick_params(labelbottom=True)
        figure.supylabel("mean share 主题占比 (± 1 SE)")
        figure.supxlabel(f"{by}  (n = documents; 无 0 = no {unit_word})")
    figure.suptitle(title or f"主题随{'年份' if by == 'year' else '层级' if by == 'level' else by}的分布 "
                             f"(topic prevalence by {by})")
    _save_figure(figure, path, dpi)
    return figure


def plot_prevalence_by_year(
    prevalence: pd.DataFrame,
    *,
    labels: pd.DataFrame | Mapping[int, str] | None = None,
    kind: str = "heatmap",
    title: str | None = None,
    cmap: str = "YlGnBu",
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
):
    """Topic prevalence by year: topics x years heatmap (or bar small multiples).

    Years without documents are drawn as hatched grey cells (``kind="heatmap"``)
    or marked "无 0" without a bar (``kind="bars"``); no line joins years, so
    nothing is interpolated.  Column labels give the number of documents
    (and paragraphs) behind each year.

    Parameters
    ----------
    prevalence : DataFrame
        ``topic_prevalence(..., by="year")``.
    labels : DataFrame or mapping, optional
        :func:`label_topics` output or topic -> text, for row names.
    kind : {"heatmap", "bars"}, default "heatmap"
    title : str, optional
    cmap : str, default "YlGnBu"
    path : path, optional
        Save a PNG here.
    dpi : int, default 200

    Returns
    -------
    matplotlib.figure.Figure
        Cell values are mean shares in percent.
    """
    return _plot_prevalence(prevalence, "year", labels, kind, title, path, dpi, cmap)


def plot_prevalence_by_level(
    prevalence: pd.DataFrame,
    *,
    labels: pd.DataFrame | Mapping[int, str] | None = None,
    kind: str = "heatmap",
    title: str | None = None,
    cmap: str = "YlGnBu",
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
):
    """Topic prevalence by administrative level (central ... county).

    Same layout and parameters as :func:`plot_prevalence_by_year`, for
    ``topic_prevalence(..., by="level")``; levels without documents appear
    as hatched cells.

    Returns
    -------
    matplotlib.figure.Figure
    """
    names = {"central": "中央\ncentral", "ministry": "部委\nministry", "provincial": "省级\nprovincial",
             "prefecture": "地市\nprefecture", "county": "区县\ncounty"}
    return _plot_prevalence(prevalence, "level", labels, kind, title, path, dpi, cmap, names)


# ============================================================================ documents


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
        Default as in :func:`build_dtm`.
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
        warnings.warn(f"{len(corpus)} documents: the similarity matrix needs "
                      f"{len(corpus) ** 2 * 8 / 1e9:.1f} GB", stacklevel=2)
    dtm = build_dtm(corpus, tokenizer, min_df=min_df, max_df=max_df, text_col=text_col)
    x = TfidfTransformer(norm="l2", sublinear_tf=sublinear_tf).fit_transform(dtm.matrix)
    sim = (x @ x.T).toarray()
    sim = np.clip((sim + sim.T) / 2, 0.0, 1.0)  # exact symmetry despite float rounding
    np.fill_diagonal(sim, 1.0)  # also for a document without vocabulary terms
    ids = dtm.units["doc_id"].to_numpy()
    return pd.DataFrame(sim, index=pd.Index(ids, name="doc_id"), columns=pd.Index(ids, name="doc_id"))


@dataclass
class DocumentClustering:
    """Hierarchical clustering of documents.

    Attributes
    ----------
    linkage : ndarray
        SciPy linkage matrix on distance 1 - cosine similarity (for
        ``method="ward"``: sqrt(2 (1 - cosine)), the Euclidean distance of
        unit vectors).
    order : list of str
        doc_id in dendrogram leaf order.
    method : str
    """

    linkage: np.ndarray
    order: list[str]
    method: str

    def __iter__(self) -> Iterator[Any]:
        return iter((self.linkage, self.order))


def _distances(sim: pd.DataFrame, method: str) -> np.ndarray:
    if sim.shape[0] != sim.shape[1] or not sim.index.equals(sim.columns):
        raise ValueError("sim must be a square DataFrame with identical index and columns")
    d = 1.0 - np.clip(sim.to_numpy(dtype=float), 0.0, 1.0)
    d = (d + d.T) / 2
    np.fill_diagonal(d, 0.0)
    if method == "ward":
        d = np.sqrt(2.0 * d)
    return d


def cluster_documents(sim: pd.DataFrame, method: str = "average") -> DocumentClustering:
    """Agglomerative clustering of documents from a similarity matrix.

    Parameters
    ----------
    sim : DataFrame
        From :func:`document_similarity`.
    method : str, default "average"
        SciPy linkage method (average, complete, single, weighted, ward ...).
        Average linkage (UPGMA) is valid for any dissimilarity.

    Returns
    -------
    DocumentClustering
        ``linkage`` and ``order`` (doc_ids in leaf order); unpacks as
        ``Z, order = cluster_documents(sim)``.  Leaf order is optimal
        (adjacent leaves most similar) up to 500 documents.
    """
    if len(sim) < 2:
        raise ValueError("need at least 2 documents to cluster")
    d = _distances(sim, method)
    z = linkage(squareform(d, checks=False), method=method, optimal_ordering=len(sim) <= 500)
    leaves = dendrogram(z, no_plot=True)["leaves"]
    return DocumentClustering(z, [str(sim.index[i]) for i in leaves], method)


@dataclass
class FlatClusters:
    """Flat clusters cut from the document tree.

    Attributes
    ----------
    table : DataFrame
        k, n_clusters (clusters actually obtained), silhouette (mean, -1..1),
        n_singletons, sizes (str).
    k : int
        Chosen k: highest silhouette, ties to the smaller k.
    assignments : DataFrame
        doc_id, cluster (1..k, numbered in dendrogram order), silhouette
        (the document's own silhouette value).
    """

    table: pd.DataFrame
    k: int
    assignments: pd.DataFrame

    def __iter__(self) -> Iterator[Any]:
        return iter((self.table, self.k, self.assignments))


def flat_clusters(sim: pd.DataFrame, k_range: Iterable[int] = range(2, 8), *,
                  method: str = "average") -> FlatClusters:
    """Cut the hierarchical tree at several k and pick k by silhouette.

    Silhouette uses the precomputed distance 1 - cosine similarity.

    Parameters
    ----------
    sim : DataFrame
        From :func:`document_similarity`.
    k_range : iterable of int, default range(2, 8)
        Candidate numbers of clusters (2..n-1 are feasible).
    method : str, default "average"
        Linkage method, as in :func:`cluster_documents`.

    Returns
    -------
    FlatClusters
        ``table`` (one row per k), chosen ``k``, ``assignments``.
    """
    n = len(sim)
    ks = sorted({int(k) for k in k_range if 2 <= int(k) <= n - 1})
    if not ks:
        raise ValueError(f"no feasible k in k_range for {n} documents (need 2 <= k <= n-1)")
    clustering = cluster_documents(sim, method)
    d = _distances(sim, "average")  # silhouette on 1 - cosine whatever the linkage
    position = {doc: i for i, doc in enumerate(clustering.order)}
    ids = [str(x) for x in sim.index]
    rows, labels_by_k, samples_by_k = [], {}, {}
    for k in ks:
        raw = fcluster(clustering.linkage, t=k, criterion="maxclust")
        # Renumber clusters 1.. in dendrogram order so numbers match the figure.
        first = {}
        for doc, c in sorted(zip(ids, raw), key=lambda x: position[x[0]]):
            first.setdefault(c, len(first) + 1)
        lab = np.array([first[c] for c in raw])
        n_clusters = len(np.unique(lab))
        if 2 <= n_clusters <= n - 1:
            samples = silhouette_samples(d, lab, metric="precomputed")
            score = float(samples.mean())
        else:
            samples, score = np.full(n, np.nan), np.nan
        sizes = np.bincount(lab)[1:]
        rows.append({"k": k, "n_clusters": n_clusters, "silhouette": score,
                     "n_singletons": int((sizes == 1).sum()),
                     "sizes": " ".join(str(s) for s in sizes)})
        labels_by_k[k], samples_by_k[k] = lab, samples
    table = pd.DataFrame(rows)
    valid = table.dropna(subset=["silhouette"])
    best = int(valid.sort_values(["silhouette", "k"], ascending=[False, True]).iloc[0]["k"]) \
        if len(valid) else ks[0]
    assignments = pd.DataFrame({"doc_id": ids, "cluster": labels_by_k[best].astype(np.int64),
                                "silhouette": samples_by_k[best]})
    return FlatClusters(table, best, assignments)


_LEVEL_SHORT = {"central": "central", "ministry": "ministry", "provincial": "provincial",
                "prefecture": "prefecture", "county": "county"}


def _short_title(title: str, region: str, max_chars: int) -> str:
    t = re.sub(r"[《》“”\"]", "", str(title))
    if "关于" in t:
        t = t[t.index("关于") + 2:]
    if "印发" in t[:30]:  # "X委员会印发《...规划》": the printed policy is the title
        t = t[t.index("印发") + 2:]
    t = re.sub(r"的通知$", "", t)
    t = re.sub(r"\s+", "", t)
    if region and region != "全国" and region not in t:
        # Several provinces issue identically titled opinions; the place tells them apart.
        t = f"{region}:{t}"
    return t if len(t) <= max_chars else t[: max_chars - 1] + "…"


def document_labels(corpus: pd.DataFrame, *, max_chars: int = 18) -> pd.Series:
    """Readable document labels "short title · level · year".

    The short title drops the issuer and formula around "关于 ... 的通知",
    quotes and brackets, is prefixed with the region when the title does not
    name it, and is cut to ``max_chars`` characters with "…".

    Returns
    -------
    Series
        Label per document, indexed by doc_id.
    """
    plain = _plain(corpus, ["doc_id", "title"])
    regions = corpus["region"].fillna("").astype(str).to_numpy() if "region" in corpus.columns \
        else np.full(len(corpus), "")
    levels = corpus["level"].fillna("").astype(str).to_numpy() if "level" in corpus.columns \
        else np.full(len(corpus), "")
    years = corpus["year"].to_numpy() if "year" in corpus.columns else np.full(len(corpus), "")
    labels = [
        " · ".join(x for x in (_short_title(t, r, max_chars), _LEVEL_SHORT.get(lv, lv), str(y)) if x)
        for t, r, lv, y in zip(plain["title"], regions, levels, years)
    ]
    return pd.Series(labels, index=pd.Index(plain["doc_id"], name="doc_id"), name="label")


def plot_similarity_heatmap(
    sim: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    clustering: DocumentClustering | None = None,
    method: str = "average",
    clusters: FlatClusters | pd.DataFrame | None = None,
    max_chars: int = 18,
    cmap: str = "magma_r",
    title: str | None = None,
    path: str | os.PathLike[str] | None = None,
    dpi: int = 200,
):
    """Document similarity heatmap ordered by hierarchical clustering, with dendrogram.

    Parameters
    ----------
    sim : DataFrame
        From :func:`document_similarity`.
    corpus : DataFrame
        For labels (title, region, level, year); see :func:`document_labels`.
    clustering : DocumentClustering, optional
        Default ``cluster_documents(sim, method)``.
    method : str, default "average"
    clusters : FlatClusters or DataFrame (doc_id, cluster), optional
        If given, cluster numbers prefix the labels ("[2] ..."); a footnote
        under the dendrogram says "[n] = flat cluster".
    max_chars : int, default 18
        Short-title length in labels.
    cmap : str, default "magma_r"
    title : str, optional
    path : path, optional
    dpi : int, default 200

    Returns
    -------
    matplotlib.figure.Figure
        Left: dendrogram; right: cosine similarity in leaf order, labels
        "short title · level · year" on the right and bottom.  The diagonal
        (each document with itself, always 1) is left blank (grey) and the
        colour scale runs from 0 to the largest similarity between two
        different documents, so the contrast goes to the pairs that matter.
    """
    clustering = clustering or cluster_documents(sim, method)
    order = clustering.order
    labels = document_labels(corpus, max_chars=max_chars).reindex(order).fillna(pd.Series(order, index=order))
    if clusters is not None:
        table = clusters.assignments if isinstance(clusters, FlatClusters) else clusters
        number = dict(zip(table["doc_id"], table["cluster"]))
        labels = pd.Series([f"[{number.get(d, '?')}] {labels[d]}" for d in order], index=order)
    n = len(order)
    data = sim.loc[order, order].to_numpy(dtype=float).copy()
    np.fill_diagonal(data, np.nan)  # self-similarity (1.0) would saturate the scale
    off_diagonal = data[np.isfinite(data)]
    vmax = float(off_diagonal.max()) if off_diagonal.size and off_diagonal.max() > 0 else 1.0
    cell = 0.3 if n <= 60 else max(0.08, 18 / n)
    side = max(4.0, cell * n)
    figure = _new_figure((side + 1.8 + 0.12 * max_chars * 1.4, side + 1.2 + 0.1 * max_chars), layout=None)
    grid = figure.add_gridspec(1, 3, width_ratios=[1.6, side, 0.25], wspace=0.02)
    ax_tree = figure.add_subplot(grid[0, 0])
    ax_heat = figure.add_subplot(grid[0, 1])
    ax_bar = figure.add_subplot(grid[0, 2])
    dendrogram(clustering.linkage, orientation="left", ax=ax_tree, no_labels=True,
               color_threshold=0, above_threshold_color="#444444")
    ax_tree.set_ylim(10 * n, 0)  # leaf i is drawn at y = 10 i + 5: top-to-bottom like the rows
    ax_tree.set_axis_off()
    import matplotlib as mpl

    colours = mpl.colormaps[cmap].with_extremes(bad="#d9d9d9")
    image = ax_heat.imshow(np.ma.masked_invalid(data), cmap=colours, vmin=0, vmax=vmax, aspect="auto",
                           interpolation="nearest")
    show_labels = n <= 150
    ax_heat.set_yticks(range(n), labels=list(labels) if show_labels else [""] * n, fontsize=7)
    ax_heat.yaxis.tick_right()
    ax_heat.set_xticks(range(n), labels=list(labels) if show_labels else [""] * n, fontsize=7, rotation=90)
    ax_heat.tick_params(length=0)
    colorbar = figure.colorbar(image, cax=ax_bar)
    colorbar.set_label(f"cosine similarity (TF-IDF; scale capped at the largest pair, {vmax:.2f})")
    # The colour bar would sit on the y labels: move it right of them.
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    label_width = max((t.get_window_extent(renderer).width for t in ax_heat.get_yticklabels()), default=0)
    fig_width = figure.get_figwidth() * figure.dpi
    pos = ax_bar.get_position()
    ax_bar.set_position([pos.x0 + (label_width + 8) / fig_width, pos.y0, pos.width, pos.height])
    notes = ["grey diagonal = same document"]
    if clusters is not None:
        k = getattr(clusters, "k", None)
        notes.insert(0, "[n] = flat cluster" + (f"\n(k = {k}, cut of this tree)" if k is not None else ""))
    ax_tree.text(0.0, -0.01, "\n".join(notes), transform=ax_tree.transAxes, ha="left", va="top", fontsize=8,
                 color="#444444")
    ax_heat.set_title(title or f"政策文本相似度 (document similarity, {clustering.method} linkage)")
    _save_figure(figure, path, dpi)
    return figure


# ============================================================================ saving


def save_table(table: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write a table as CSV in UTF-8 with BOM (opens correctly in Excel).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def save_tables(
    model: TopicModel,
    folder: str | os.PathLike[str],
    *,
    labels: pd.DataFrame | None = None,
    tables: Mapping[str, pd.DataFrame] | None = None,
    prefix: str = "topics",
) -> dict[str, Path]:
    """Save a model's tables as CSV (UTF-8 with BOM) and its settings as JSON.

    Writes ``{prefix}_topic_terms.csv``, ``{prefix}_unit_topics.csv``,
    ``{prefix}_document_topics.csv``, ``{prefix}_labels.csv`` (if ``labels``),
    one ``{prefix}_{name}.csv`` per entry of ``tables`` (e.g. the
    :func:`evaluate_k` table or a prevalence table), and
    ``{prefix}_model.json`` (method, k, random_state, vocabulary settings,
    estimator, segmentation provenance) so a result can be traced.

    Returns
    -------
    dict
        Name -> path of each file written.
    """
    folder = Path(folder)
    items: dict[str, pd.DataFrame] = {
        "topic_terms": model.topic_terms,
        "unit_topics": model.unit_topics,
        "document_topics": model.document_topics,
    }
    if labels is not None:
        items["labels"] = labels
    items.update(tables or {})
    written = {name: save_table(df, folder / f"{prefix}_{name}.csv") for name, df in items.items()}
    card = folder / f"{prefix}_model.json"
    card.write_text(json.dumps(_jsonable(model.params), ensure_ascii=False, indent=2), encoding="utf-8")
    written["model"] = card
    return written
