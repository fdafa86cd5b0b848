"""How good are the topics, and how many should there be?

:func:`score_topics` scores one model's topics, :func:`match_topics` pairs the
topics of two models, :func:`evaluate_k` refits over candidate k and seeds,
and :func:`choose_k` applies the documented rule to its table.
"""

from __future__ import annotations

import itertools
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import adjusted_rand_score

from ..io.tables import write_json, write_table
from ..provenance import Provenance
from ..segment import provenance as segmentation_provenance
from .dtm import DTM, build_dtm
from .fitting import check_method, fit_once, model_input, tfidf_for
from .measures import (
    NPMI_EPSILON,
    binary_matrix,
    coherence,
    cosine_rows,
    exclusivity,
    matched_cosine,
    top_indices,
)
from .model import TopicModel
from .sampling import SAMPLE_SEEDS, SAMPLE_UNITS, sample_rows
from .units import PROGRESS_MIN_UNITS, TokenizerLike

__all__ = ["KDiagnostics", "choose_k", "evaluate_k", "k_diagnostic_definitions", "match_topics", "score_topics"]


def k_diagnostic_definitions(n_top: int = 10) -> dict[str, str]:
    """One-line definitions of the :func:`evaluate_k` columns (column -> text).

    The full definitions are in :func:`evaluate_k`'s docstring; these travel
    with a result (:attr:`KDiagnostics.definitions`) and into its JSON.
    """
    return {
        "coherence_npmi": f"mean NPMI of top-{n_top} term pairs, unit co-occurrence, eps={NPMI_EPSILON}",
        "coherence_npmi_se": "sd of per-topic NPMI pooled over seeds / sqrt(k)",
        "coherence_umass": "mean log((D(wi,wj)+1)/D(wi)), wi ranked above wj (Mimno 2011)",
        "exclusivity": "mean over top terms of p(w|t)/sum_j p(w|j)",
        "stability_cosine": "mean Hungarian-matched cosine of topic-term vectors over seed pairs",
        "stability_ari": "mean ARI of dominant-topic assignments over seed pairs",
        "stability": "(stability_cosine + stability_ari) / 2",
        "stability_se": "sd over seed pairs of (cosine + ARI)/2 / sqrt(n_seeds)",
    }


@dataclass(frozen=True)
class KDiagnostics:
    """The result of :func:`evaluate_k`: its table and what produced it.

    Attributes
    ----------
    table : DataFrame
        One row per k (columns in :func:`evaluate_k`).
    provenance : Provenance
        step "evaluate_k"; params method, ks, seeds (those fitted),
        seeds_requested, n_top, n_init, n_units (fitted), n_units_total,
        max_units, sample_state and the vocabulary settings; data the
        segmentation provenance.
    """

    table: pd.DataFrame
    provenance: Provenance

    @property
    def n_units(self) -> int:
        """Units the models were fitted on (a sample of :attr:`n_units_total` when :attr:`sampled`)."""
        return int(self.provenance.params.get("n_units", self.table["n_units"].iloc[0]))

    @property
    def n_units_total(self) -> int:
        """Units that were given to :func:`evaluate_k`."""
        return int(self.provenance.params.get("n_units_total", self.n_units))

    @property
    def seeds(self) -> list[int]:
        """The random seeds each k was fitted with."""
        return [int(s) for s in self.provenance.params.get("seeds", [])]

    @property
    def sampled(self) -> bool:
        """True if the diagnostics were computed on a random sample of the units."""
        return self.n_units < self.n_units_total

    @property
    def definitions(self) -> dict[str, str]:
        """Column -> one-line definition (:func:`k_diagnostic_definitions`)."""
        return k_diagnostic_definitions(int(self.provenance.params.get("n_top", 10)))

    def write(self, path: str | os.PathLike[str]) -> list[Path]:
        """Write the table as CSV (UTF-8 with BOM) and, next to it, provenance and definitions as JSON.

        Returns
        -------
        list of pathlib.Path
            The CSV and the JSON (same stem).
        """
        written = write_table(self.table, path)
        card = {**self.provenance.to_dict(), "definitions": self.definitions}
        return [*written, write_json(card, Path(written[0]).with_suffix(".json"))]


def _as_table(diagnostics: KDiagnostics | pd.DataFrame) -> pd.DataFrame:
    return diagnostics.table if isinstance(diagnostics, KDiagnostics) else diagnostics


def score_topics(
    model: TopicModel, *, n_top: int = 10, reference: pd.DataFrame | None = None, text_col: str = "text"
) -> pd.DataFrame:
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
    counts = model.dtm.matrix if reference is None else model.count(reference, text_col=text_col)
    top = top_indices(model.topic_term, n_top)
    npmi, umass = coherence(binary_matrix(counts), top)
    shares = model.unit_weights
    valid = ~np.isnan(shares).any(axis=1)
    chars = model.units["n_chars"].to_numpy(dtype=float) * valid
    prevalence = np.nansum(shares * chars[:, None], axis=0) / max(chars.sum(), 1.0)
    dominant = (
        np.bincount(np.argmax(np.nan_to_num(shares[valid]), axis=1), minlength=model.k)
        if valid.any()
        else np.zeros(model.k, dtype=int)
    )
    return pd.DataFrame(
        {
            "topic": np.arange(model.k, dtype=np.int64),
            "coherence_npmi": npmi,
            "coherence_umass": umass,
            "exclusivity": exclusivity(model.topic_term, top),
            "prevalence": prevalence,
            "n_dominant": dominant.astype(np.int64),
            "top_terms": [" ".join(model.vocabulary[row]) for row in top],
        }
    )


def _five_terms(model: TopicModel, topic: int) -> str:
    tt = model.topic_terms
    return " ".join(tt[(tt.topic == topic) & (tt["rank"] <= 5)].sort_values("rank").term)


def match_topics(a: TopicModel, b: TopicModel) -> pd.DataFrame:
    """Pair each topic of model ``a`` with one topic of model ``b``.

    Topic-term distributions are aligned on the union of both vocabularies
    and compared by cosine similarity; the Hungarian algorithm finds the
    one-to-one pairing with the highest total similarity.  Use it to compare
    NMF with LDA, two random seeds, or paragraphs with documents.

    Returns
    -------
    DataFrame
        topic_a, topic_b, cosine (0-1), top_terms_a, top_terms_b (five
        strongest terms each), sorted by topic_a.
    """
    vocab_a, vocab_b = list(a.vocabulary), list(b.vocabulary)
    vocab = sorted(set(vocab_a) | set(vocab_b))
    ta = pd.DataFrame(a.topic_term, columns=vocab_a).reindex(columns=vocab, fill_value=0.0).to_numpy()
    tb = pd.DataFrame(b.topic_term, columns=vocab_b).reindex(columns=vocab, fill_value=0.0).to_numpy()
    sim = cosine_rows(ta, tb)
    rows, cols = linear_sum_assignment(-sim)
    out = pd.DataFrame({"topic_a": rows, "topic_b": cols, "cosine": sim[rows, cols]})
    out["top_terms_a"] = [_five_terms(a, t) for t in out.topic_a]
    out["top_terms_b"] = [_five_terms(b, t) for t in out.topic_b]
    return out.sort_values("topic_a").reset_index(drop=True)


@dataclass
class _Run:
    """One fit of evaluate_k, reduced to what the table needs."""

    topic_term: np.ndarray
    dominant: np.ndarray  # dominant topic of each non-empty unit
    npmi: np.ndarray
    umass: np.ndarray
    exclusivity: np.ndarray
    n_dead: int


@dataclass(frozen=True)
class _Setup:
    """What every fit of one evaluate_k call shares (sent to joblib workers)."""

    inputs: sp.csr_matrix  # what the estimator sees (TF-IDF for NMF, counts for LDA)
    binary: sp.csc_matrix  # term presence per unit, for coherence
    method: str
    init: str | None
    max_iter: int | None
    kwargs: Mapping[str, Any]
    empty: np.ndarray  # units without a vocabulary term
    n_top: int
    n_init: int


def _evaluate_run(setup: _Setup, k: int, seed: int) -> _Run:
    """Fit one (k, seed) and score it."""
    s = setup
    fit = fit_once(s.inputs, s.method, k, seed, s.init, s.max_iter, s.kwargs, s.empty, s.n_init)
    top = top_indices(fit.topic_term, s.n_top)
    npmi, umass = coherence(s.binary, top)
    dominant = np.argmax(np.nan_to_num(fit.shares[~s.empty]), axis=1)
    n_dead = int((np.nan_to_num(fit.shares).max(axis=0) <= 0).sum())
    return _Run(fit.topic_term, dominant, npmi, umass, exclusivity(fit.topic_term, top), n_dead)


def _feasible_ks(ks: Iterable[int], n_units: int, n_vocab: int) -> list[int]:
    """Sorted distinct k between 1 and min(units, terms); warns about the others."""
    wanted = sorted({int(k) for k in ks})
    too_big = [k for k in wanted if not 1 <= k <= min(n_units, n_vocab)]
    if too_big:
        warnings.warn(f"skipping k={too_big}: must be between 1 and {min(n_units, n_vocab)}", stacklevel=3)
    feasible = [k for k in wanted if k not in too_big]
    if not feasible:
        raise ValueError("no feasible k to evaluate")
    return feasible


def _run_all(tasks: list[tuple[int, int]], setup: _Setup, progress: bool, n_jobs: int | None) -> list[_Run]:
    """Fit every (k, seed) task, in this process or with joblib; results in task order."""
    from joblib import Parallel, delayed
    from tqdm.auto import tqdm

    if n_jobs == 1:
        return [
            _evaluate_run(setup, k, seed)
            for k, seed in tqdm(tasks, desc="evaluate_k", unit="fit", disable=not progress)
        ]
    # Each fit has its own random_state, so the results do not depend on n_jobs.
    return list(
        Parallel(n_jobs=n_jobs, verbose=10 if progress else 0)(
            delayed(_evaluate_run)(setup, k, seed) for k, seed in tasks
        )
    )


def _k_row(k: int, runs: list[_Run], method: str, n_seeds: int, n_units: int, n_vocab: int) -> dict[str, Any]:
    """The table row of one k from its runs (one per seed)."""
    pooled = np.concatenate([r.npmi for r in runs])
    pooled = pooled[np.isfinite(pooled)]
    pairs = list(itertools.combinations(range(len(runs)), 2))
    cos = [matched_cosine(runs[a].topic_term, runs[b].topic_term) for a, b in pairs]
    ari = [adjusted_rand_score(runs[a].dominant, runs[b].dominant) for a, b in pairs]
    stab_cos = float(np.mean(cos)) if pairs else np.nan
    stab_ari = float(np.mean(ari)) if pairs else np.nan
    per_pair = (np.asarray(cos) + np.asarray(ari)) / 2
    # Pairs share seeds: the effective sample size is the number of seeds.
    stab_se = float(per_pair.std(ddof=1) / np.sqrt(n_seeds)) if len(pairs) > 1 else np.nan
    return {
        "k": k,
        "method": method,
        "n_seeds": n_seeds,
        "coherence_npmi": float(pooled.mean()) if len(pooled) else np.nan,
        "coherence_npmi_se": float(pooled.std(ddof=1) / np.sqrt(k)) if len(pooled) > 1 else np.nan,
        "coherence_umass": float(np.nanmean(np.concatenate([r.umass for r in runs]))),
        "exclusivity": float(np.nanmean(np.concatenate([r.exclusivity for r in runs]))),
        "stability_cosine": stab_cos,
        "stability_ari": stab_ari,
        "stability": (stab_cos + stab_ari) / 2,
        "stability_se": stab_se,
        "n_empty_topics": float(np.mean([r.n_dead for r in runs])),
        "n_units": int(n_units),
        "n_terms": int(n_vocab),
    }


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
    max_units: int | None = SAMPLE_UNITS,
    sample_seeds: int = SAMPLE_SEEDS,
    sample_state: int | None = 0,
    **estimator_kwargs: Any,
) -> KDiagnostics:
    """Diagnostics for each candidate number of topics, over several seeds.

    For every k and seed a model is fitted as in :func:`fit_topics`; all
    measures are computed on the units themselves (this corpus, not an
    external reference), using each topic's ``n_top`` strongest terms.

    On a large corpus (more than ``max_units`` units, default
    :data:`~analysis.topics.sampling.SAMPLE_UNITS` = 2,000) the models are
    fitted on a random sample of ``max_units`` units (seed ``sample_state``,
    vocabulary of the full matrix) with the first ``sample_seeds`` seeds
    (default 3): the cost is then bounded whatever the corpus size (see
    :mod:`analysis.topics.sampling`).  :attr:`KDiagnostics.sampled`,
    ``n_units`` and ``n_units_total`` say what was done.

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
    max_units : int or None, default 2,000
        Largest number of units the models are fitted on; None = all.
    sample_seeds : int, default 3
        Seeds used (the first ones of ``seeds``) when the units are sampled.
    sample_state : int or None, default 0
        Seed of the unit sample.
    n_jobs : int or None, default 1
        Fits run in this many processes (joblib; -1 = all cores).  Results
        are identical for any n_jobs.  Worth it for LDA, whose fits are slow
        (about 40 s for the seed paragraphs, k = 3..12 x 5 seeds, on one
        core; NMF takes about 1 s).

    Returns
    -------
    KDiagnostics
        ``table``: one row per k with the columns above plus ``k``,
        ``method``, ``n_seeds``, ``n_units`` (units fitted), ``n_terms``; ``provenance``:
        the settings and segmentation provenance; ``definitions``: the
        columns' one-line definitions (:func:`k_diagnostic_definitions`).
    """
    method = check_method(method)
    seeds = list(seeds)
    if not seeds:
        raise ValueError("seeds must not be empty")
    if dtm is None:
        dtm = build_dtm(units, tokenizer, min_df=min_df, max_df=max_df, text_col=text_col)
    n_total = dtm.matrix.shape[0]
    rows = sample_rows(n_total, max_units, sample_state)
    fitted = dtm if len(rows) == n_total else dtm.take(rows)
    seeds_requested = seeds
    if len(rows) < n_total:
        seeds = seeds[: max(int(sample_seeds), 1)]
    counts = fitted.matrix
    n_units, n_vocab = counts.shape
    ks = _feasible_ks(ks, n_units, n_vocab)
    empty = fitted.units["is_empty"].to_numpy()
    inputs = model_input(counts, method, tfidf_for(counts, method))
    if progress is None:
        progress = n_units > PROGRESS_MIN_UNITS
    tasks = [(k, seed) for k in ks for seed in seeds]
    setup = _Setup(inputs, binary_matrix(counts), method, init, max_iter, estimator_kwargs, empty, n_top, n_init)
    by_k: dict[int, list[_Run]] = {}
    for (k, _seed), run in zip(tasks, _run_all(tasks, setup, progress, n_jobs), strict=True):
        by_k.setdefault(k, []).append(run)
    table = pd.DataFrame([_k_row(k, by_k[k], method, len(seeds), n_units, n_vocab) for k in ks])
    params = {
        "method": method, "ks": ks, "seeds": seeds, "seeds_requested": seeds_requested, "n_top": n_top,
        "n_init": n_init, "n_units": int(n_units), "n_units_total": int(n_total), "max_units": max_units,
        "sample_state": sample_state, **dtm.params,
    }  # fmt: skip
    return KDiagnostics(table, Provenance("evaluate_k", params=params, data=segmentation_provenance(dtm.tokenizer)))


def choose_k(
    table: KDiagnostics | pd.DataFrame,
    *,
    coherence: str = "coherence_npmi",
    se: str = "coherence_npmi_se",
    stability: str = "stability",
    stability_se: str = "stability_se",
) -> tuple[int, str]:
    """Pick k from an :func:`evaluate_k` result by a two-step one-standard-error rule.

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
    table : KDiagnostics or DataFrame
        From :func:`evaluate_k` (or its ``table``).
    coherence, se, stability, stability_se : str
        Columns used (``stability_se`` may be absent: treated as 0).

    Returns
    -------
    (int, str)
        The chosen k and a sentence explaining why.
    """
    frame = _as_table(table)
    for column in ("k", coherence, se, stability):
        if column not in frame.columns:
            raise KeyError(f"table has no column {column!r}")
    t = frame.dropna(subset=[coherence]).sort_values("k").reset_index(drop=True)
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
