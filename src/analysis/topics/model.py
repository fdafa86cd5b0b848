"""Fitted topic models: :func:`fit_topics` and the :class:`TopicModel` with its tidy tables.

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
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from ..io.tables import write_json, write_tables
from ..provenance import Provenance
from ..segment import provenance as segmentation_provenance
from .dtm import DTM, build_dtm
from .fitting import check_method, fit_once, init_seeds, model_input, tfidf_for, unit_shares
from .units import TokenizerLike, unit_index, unit_tokens

__all__ = ["TopicModel", "fit_topics"]


def _long_unit_table(index: pd.DataFrame, shares: np.ndarray) -> pd.DataFrame:
    """doc_id, para_id, topic, weight, is_empty: one row per unit x topic."""
    n, k = shares.shape
    empty = np.isnan(shares).all(axis=1) if k else np.ones(n, dtype=bool)
    return pd.DataFrame(
        {
            "doc_id": np.repeat(index["doc_id"].to_numpy(), k),
            "para_id": pd.array(np.repeat(index["para_id"].to_numpy(), k), dtype="Int64"),
            "topic": np.tile(np.arange(k, dtype=np.int64), n),
            "weight": shares.ravel(),
            "is_empty": np.repeat(empty, k),
        }
    )


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
    return pd.DataFrame(
        {
            "doc_id": np.repeat(np.asarray(docs, dtype=object), k),
            "topic": np.tile(np.arange(k, dtype=np.int64), len(docs)),
            "share": doc_shares.ravel(),
            "n_units": np.repeat(n_units, k),
            "n_chars": np.repeat(n_chars.astype(np.int64), k),
            "is_empty": np.repeat(totals == 0, k),
        }
    )


def _topic_term_table(topic_term: np.ndarray, vocabulary: np.ndarray, n_terms: int) -> pd.DataFrame:
    """topic, rank, term, weight: the ``n_terms`` strongest terms of each topic."""
    k, n_vocab = topic_term.shape
    n = min(n_terms, n_vocab)
    # Stable sort on -weight: ties keep vocabulary (code-point) order -> deterministic.
    top = np.argsort(-topic_term, axis=1, kind="stable")[:, :n]
    return pd.DataFrame(
        {
            "topic": np.repeat(np.arange(k, dtype=np.int64), n),
            "rank": np.tile(np.arange(1, n + 1, dtype=np.int64), k),
            "term": vocabulary[top].ravel(),
            "weight": np.take_along_axis(topic_term, top, axis=1).ravel(),
        }
    )


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
        Settings of the fit and the segmentation provenance (under
        ``"provenance"``); written as the model card by :meth:`write`.
    """

    method: str
    k: int
    random_state: int | None
    estimator: Any
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

    @property
    def vectorizer(self) -> CountVectorizer:
        """A CountVectorizer over token lists with the model's vocabulary."""
        return self.dtm.vectorizer()

    @property
    def provenance(self) -> Provenance:
        """The fit as a :class:`~analysis.provenance.Provenance` record (settings; segmentation data)."""
        settings = {key: value for key, value in self.params.items() if key != "provenance"}
        return Provenance("fit_topics", params=settings, data=self.params.get("provenance", {}))

    def top_terms(self, n: int = 10) -> dict[int, list[str]]:
        """The ``n`` strongest terms of each topic, strongest first (topic -> terms)."""
        top = np.argsort(-self.topic_term, axis=1, kind="stable")[:, :n]
        return {t: list(self.vocabulary[row]) for t, row in enumerate(top)}

    def count(self, units: pd.DataFrame, *, text_col: str = "text", cache: bool = True) -> sp.csr_matrix:
        """Counts of the model's terms in ``units`` (segmented with the model's tokenizer).

        Returns
        -------
        scipy.sparse.csr_matrix, shape (len(units), n_terms), int64
        """
        return self.dtm.count(unit_tokens(units, text_col, self.tokenizer, cache))

    def transform(self, units: pd.DataFrame, *, text_col: str = "text", cache: bool = True) -> pd.DataFrame:
        """Topic shares of new (or the same) units under the fitted model.

        Returns
        -------
        DataFrame
            Same layout as :attr:`unit_topics`: doc_id, para_id, topic,
            weight (share 0-1, rows sum to 1; NaN when ``is_empty``), is_empty.
            For NMF the shares of training units differ slightly from
            :attr:`unit_topics` (W is re-solved with the topics held fixed).
        """
        index = unit_index(units, text_col)
        counts = self.count(units, text_col=text_col, cache=cache)
        raw = self.estimator.transform(model_input(counts, self.method, self.tfidf))
        shares = unit_shares(raw, np.asarray(self.estimator.components_, dtype=float), self.method)
        shares[np.asarray(counts.sum(axis=1)).ravel() == 0] = np.nan
        return _long_unit_table(index, shares[:, self.topic_order])

    def write(
        self,
        folder: str | os.PathLike[str],
        *,
        labels: pd.DataFrame | None = None,
        tables: Mapping[str, pd.DataFrame] | None = None,
        prefix: str = "topics",
    ) -> dict[str, Path]:
        """Save the model's tables as CSV (UTF-8 with BOM) and its settings as JSON.

        Writes ``{prefix}_topic_terms.csv``, ``{prefix}_unit_topics.csv``,
        ``{prefix}_document_topics.csv``, ``{prefix}_labels.csv`` (if ``labels``),
        one ``{prefix}_{name}.csv`` per entry of ``tables`` (e.g. the
        :func:`evaluate_k` table or a prevalence table), and the model card
        ``{prefix}_model.json`` (:attr:`params`: method, k, random_state,
        vocabulary settings, estimator, segmentation provenance).

        Returns
        -------
        dict
            Name -> path of each file written (the card under ``"model"``).
        """
        items: dict[str, pd.DataFrame] = {
            "topic_terms": self.topic_terms,
            "unit_topics": self.unit_topics,
            "document_topics": self.document_topics,
        }
        if labels is not None:
            items["labels"] = labels
        items.update(tables or {})
        written = write_tables(items, folder, prefix=f"{prefix}_")
        written["model"] = write_json(self.params, Path(folder) / f"{prefix}_model.json")
        return written


def _order_by_prevalence(shares: np.ndarray, n_chars: np.ndarray) -> np.ndarray:
    """Estimator components sorted by their share of all modelled characters, largest first."""
    prevalence = np.nansum(shares * n_chars.astype(float)[:, None], axis=0)
    return np.argsort(-prevalence, kind="stable")


def _check_fit_input(units: pd.DataFrame, dtm: DTM, k: int) -> None:
    if len(dtm.units) != len(units):
        raise ValueError(f"dtm has {len(dtm.units)} units but units has {len(units)} rows")
    n_units, n_vocab = dtm.matrix.shape
    if not 1 <= k <= min(n_units, n_vocab):
        raise ValueError(f"k must be between 1 and min(units, terms) = {min(n_units, n_vocab)}, got {k}")


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
    method = check_method(method)
    if dtm is None:
        dtm = build_dtm(units, tokenizer, min_df=min_df, max_df=max_df, text_col=text_col)
    k = int(k)
    _check_fit_input(units, dtm, k)
    n_units, n_vocab = dtm.matrix.shape
    empty = dtm.units["is_empty"].to_numpy()
    if empty.any():
        warnings.warn(
            f"{int(empty.sum())} unit(s) have no vocabulary term; kept with is_empty=True and weight NaN",
            stacklevel=2,
        )
    tfidf = tfidf_for(dtm.matrix, method)
    fit = fit_once(
        model_input(dtm.matrix, method, tfidf), method, k, random_state, init, max_iter, estimator_kwargs, empty, n_init
    )
    order = _order_by_prevalence(fit.shares, dtm.units["n_chars"].to_numpy())
    topic_term, shares = fit.topic_term[order], fit.shares[:, order]
    dead = np.flatnonzero(np.nan_to_num(shares).max(axis=0) <= 0) if n_units else np.array([])
    if len(dead):
        warnings.warn(
            f"topic(s) {dead.tolist()} received no weight in any unit: k={k} is more than the data support",
            stacklevel=2,
        )
    params = {
        "method": method, "k": k, "random_state": random_state, "n_units": int(n_units),
        "n_terms": int(n_vocab), "n_empty_units": int(empty.sum()), **dtm.params,
        "n_init": int(n_init), "init_seeds": init_seeds(random_state, int(n_init)),
        "init_objectives": [float(o) for o in fit.objectives], "init_kept": fit.kept,
        "estimator": repr(fit.estimator), "provenance": segmentation_provenance(dtm.tokenizer),
    }  # fmt: skip
    return TopicModel(
        method=method, k=k, random_state=random_state, estimator=fit.estimator, tfidf=tfidf,
        tokenizer=dtm.tokenizer, dtm=dtm, topic_order=order, topic_term=topic_term, unit_weights=shares,
        topic_terms=_topic_term_table(topic_term, dtm.vocabulary, n_terms),
        unit_topics=_long_unit_table(dtm.units, shares), document_topics=_document_table(dtm.units, shares),
        params=params,
    )  # fmt: skip
