"""Diffusion of policy terms over time and across levels of government.

Term use is measured on characters (regular expressions over the clean text), not on
segmented tokens, so a term is found wherever it is written, whatever the tokenizer
does with its neighbours.  Terms come from an editable watchlist
(``data/watchlist.csv``: term, category, optional regex pattern, note) or any list.

The tables follow the forms diffusion studies use:

* :func:`term_timeline`      term x year (x level): documents using it, rate per 10,000 characters
* :func:`first_appearance`   first year a term appears at each level / in each jurisdiction
* :func:`adoption_lag`       years from first central or ministerial use to first local use
* :func:`event_history`      Berry & Berry event-history rows: jurisdiction x year at risk, adopted 0/1
* :func:`adoption_curve`     cumulative share of jurisdictions that have used a term, by year
* :func:`emerging_terms`     terms whose share rises most between two periods (G2 keyness, p < 0.01,
  a minimum count and number of documents; :func:`emerging_method` says how, in one line)
* :func:`split_year_for`     the year splitting a corpus into two periods: its median year
* :func:`title_terms`        which words policy titles use, by year (for title-only lists)

Modules: :mod:`.watchlist` (the term list, counting), :mod:`.timelines`,
:mod:`.adoption` (jurisdictions, first appearance, lag, event history,
adoption curves), :mod:`.emerging` and :mod:`.titles` (the period split lives in :mod:`analysis.corpus.periods`).
"""

from __future__ import annotations

from ..corpus.periods import split_year_for
from ..levels import CENTRAL_LEVELS, LEVELS, LOCAL_LEVELS
from .adoption import adoption_curve, adoption_lag, event_history, first_appearance, jurisdictions
from .emerging import EMERGING_MIN_COUNT, EMERGING_MIN_DOCS, emerging_method, emerging_terms
from .timelines import term_timeline
from .titles import title_terms
from .watchlist import count_terms, load_watchlist, term_patterns

__all__ = [
    "CENTRAL_LEVELS",
    "EMERGING_MIN_COUNT",
    "EMERGING_MIN_DOCS",
    "LEVELS",
    "LOCAL_LEVELS",
    "adoption_curve",
    "adoption_lag",
    "count_terms",
    "emerging_method",
    "emerging_terms",
    "event_history",
    "first_appearance",
    "jurisdictions",
    "load_watchlist",
    "split_year_for",
    "term_patterns",
    "term_timeline",
    "title_terms",
]
