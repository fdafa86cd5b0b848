"""The units costly topic steps see on a large corpus: a seeded random sample, and the rule behind it.

Two steps of a topic analysis do not need every paragraph to give their answer, but
cost time in proportion to the paragraphs times the models fitted:

* the k diagnostics (:func:`~analysis.topics.evaluate_k`) refit NMF for every
  candidate k and seed (10 k x 5 seeds = 50 fits by default), to learn which k
  gives coherent, reproducible topics;
* the comparison with LDA, whose variational E-step in scikit-learn is a Python
  loop over units: about 0.5-1 ms per paragraph and iteration, measured on
  2 cores (290 s for one start on 25,213 paragraphs, 49 s on 2,000).

So above :data:`SAMPLE_UNITS` units both run on a simple random sample of the units
(drawn with ``numpy.random.default_rng(random_state)``, so the same corpus gives the
same sample), and the k diagnostics use the first :data:`SAMPLE_SEEDS` seeds.  The
final model is always fitted on every unit.  Corpora at or below the thresholds
(the bundled seeds have about 250 paragraphs) are not affected.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .dtm import DTM

__all__ = ["LDA_SAMPLE_STARTS", "LDA_SAMPLE_UNITS", "SAMPLE_SEEDS", "SAMPLE_UNITS", "sample_rows", "sample_units"]

#: Above this many units, :func:`~analysis.topics.evaluate_k` fits its models on a
#: random sample of this many.  2,000 paragraphs are about 80 documents' worth, enough
#: for every theme that recurs across a corpus to show; the 30 fits of k = 3..12 x 3
#: seeds then take about a minute on one core.
SAMPLE_UNITS = 2_000
#: Seeds per k when the k diagnostics run on a sample: the fewest that still give a
#: standard error of stability (it needs three seed pairs).
SAMPLE_SEEDS = 3
#: Above this many units the LDA comparison is fitted on a random sample of this
#: many, with :data:`LDA_SAMPLE_STARTS` start(s) (one start on 1,000 paragraphs: about 25 s).
LDA_SAMPLE_UNITS = 1_000
#: Starts of the LDA comparison when it runs on a sample (on all units the notebook keeps the best of 4).
LDA_SAMPLE_STARTS = 1


def sample_rows(n_units: int, max_units: int | None = SAMPLE_UNITS, random_state: int | None = 0) -> np.ndarray:
    """Positions of the units a bounded step uses: all of them, or a random sample of ``max_units``.

    Parameters
    ----------
    n_units : int
        Number of units.
    max_units : int or None, default :data:`SAMPLE_UNITS`
        Largest number of units used; None = no limit.
    random_state : int or None, default 0
        Seed of ``numpy.random.default_rng`` (same seed, same sample).

    Returns
    -------
    numpy.ndarray of int64
        Sorted positions 0..n_units-1, without repeats; ``arange(n_units)``
        when ``n_units <= max_units``.
    """
    if max_units is not None and max_units < 1:
        raise ValueError(f"max_units must be at least 1 or None, got {max_units}")
    if max_units is None or n_units <= max_units:
        return np.arange(n_units, dtype=np.int64)
    rng = np.random.default_rng(random_state)
    return np.sort(rng.choice(n_units, size=max_units, replace=False)).astype(np.int64)


def sample_units(
    units: pd.DataFrame,
    dtm: DTM | None = None,
    *,
    max_units: int | None = SAMPLE_UNITS,
    random_state: int | None = 0,
) -> tuple[pd.DataFrame, DTM | None]:
    """The units (and their rows of ``dtm``) a bounded step is fitted on.

    Parameters
    ----------
    units : DataFrame
        One row per unit, as for :func:`~analysis.topics.fit_topics`.
    dtm : DTM, optional
        The count matrix of ``units``; its rows are taken, the vocabulary is kept.
    max_units, random_state
        As in :func:`sample_rows`.

    Returns
    -------
    (DataFrame, DTM or None)
        The sampled rows of ``units`` (in their original order, new 0-based
        index) and the matching :class:`DTM` (None without ``dtm``); ``units``
        and ``dtm`` themselves when nothing is left out.
    """
    if dtm is not None and len(dtm.units) != len(units):
        raise ValueError(f"dtm has {len(dtm.units)} units but units has {len(units)} rows")
    rows = sample_rows(len(units), max_units, random_state)
    if len(rows) == len(units):
        return units, dtm
    sampled = units.iloc[rows].reset_index(drop=True)
    return sampled, (dtm.take(rows) if dtm is not None else None)
