"""Passage-level text reuse between policy documents.

Later local policies often copy passages from earlier central ones, usually
with a few words changed.  :func:`find_reuse` finds those passages in a corpus
DataFrame (see ``docs/CONTRACT.md``: one row per document with ``doc_id``,
``date``, ``year``, ``level`` and ``text``) and says which document is the
source (earlier) and which the target (later).

Quick start
-----------
::

    result = find_reuse(corpus)
    result.pairs          # one row per (source, target) document pair
    result.passages       # one row per reused passage, exact character offsets
    pairs, passages = result            # the result also unpacks
    reuse_by_level(corpus, result)      # share of each text reused, by source level
    reuse_network(corpus, result)       # networkx.DiGraph source -> target
    row = result.passages.iloc[0]
    format_alignment_html(row.source_text, row.target_text)  # Jupyter view
    result.provenance.write("reports/tables/reuse.json")   # parameters as JSON

Modules, in pipeline order: :mod:`analysis.shingles` (normalisation and shingle
hashes), :mod:`.index` (hash groups, boilerplate, winnowing sample),
:mod:`.seeds` (seed matches), :mod:`.candidates` (windows, runs, diagonal
bands), :mod:`.direction` (which document is the source), :mod:`.align`
(chaining, extension, scoring), :mod:`.detect` (:func:`find_reuse`),
:mod:`.summary` (pair table, :func:`reuse_by_level`, :func:`reuse_network`, :func:`aggregate_network`),
:mod:`.display` (HTML view) and :mod:`.reference` (a slow, plain reference
implementation the tests compare :func:`find_reuse` with).

Method (the details are also stored in ``result.params`` and
``result.provenance``)
------------------------------------------------------------------
1. Normalise: drop everything that is not a letter or digit (punctuation,
   whitespace, symbols), fold full-width and upper-case Latin characters.  Each
   normalised character remembers its offset in the original ``text`` so
   passages are reported in original coordinates.  No word segmentation.
2. Shingle: hash every run of ``ngram`` normalised characters (a polynomial
   rolling hash over code points, computed with numpy for the whole corpus).
3. Index: sort the hashes; a hash shared by >= 2 documents is a seed.  Its
   document frequency (DF) decides what happens to it:

   * DF > boilerplate threshold -> *boilerplate shingle*: never used as a seed,
     so formulaic phrases (以习近平新时代中国特色社会主义思想为指导 ...) cannot
     make a pair by themselves.  Characters they cover are counted as
     boilerplate and discounted in ``score`` and in the ``min_chars`` test.
   * otherwise every pair of occurrences in different documents is a seed
     match -- except that, for a shingle in more than ``max_sources + 1``
     documents, a document is paired only with the ``max_sources`` earliest
     documents holding it.  No document pair is ever compared in full.
4. Sample, then search locally.  Listing every seed match would cost more
   than linear time (a phrase shared by d documents yields up to
   d * min(d, 4 * max_sources) matches, and d grows with the corpus), and
   almost all of them are chance matches of stock phrases.  So:

   a. only *fingerprints* are paired first: the shingle with the smallest
      hash in each window of 8 consecutive shingles (winnowing), seeds
      linking all their holders preferred to other seeds and seeds to other
      shingles.  Selection depends only on the text around a shingle, so a
      copied run of 8 or more seed shingles (17 characters) always has a
      fingerprint in both copies, and a shorter run between edits nearly
      always does.  Each sampled match is widened to the run of consecutive
      seed matches around it, and regions whose runs cover as many
      characters as a region needs before alignment (``max(ngram,
      min_chars // 2)`` of exact match) become candidate windows.
   b. every seed match inside those windows (plus a margin) is listed,
      exactly as the full index would list it.

   The work is then about linear in corpus size; what can be lost is a
   passage whose only exact evidence is a few runs shorter than about 17
   characters that all escaped the sample (whether it is found can then
   depend on ``random_state``).
5. Chain: seeds on the same diagonal (target offset - source offset) with
   small gaps form runs; runs with a consistent diagonal (small insertions and
   deletions shift it) are chained into candidate regions.
6. Align: each region is extended outwards with an X-drop walk over
   :class:`difflib.SequenceMatcher` matching blocks (so unseeded near-matches
   at the edges join the passage), adjacent regions are merged, and the whole
   region is aligned to compute ``similarity`` = 2 * matched / (len(source) +
   len(target)) in normalised characters (difflib's ratio).
7. Keep passages with ``similarity >= min_similarity`` and at least
   ``min_chars`` non-boilerplate target characters.

Direction: the earlier document is the source.  Dates of different precision
('YYYY-MM-DD', 'YYYY-MM', 'YYYY') are compared only as far as both are known,
so '2019' vs '2019-02-18' is a tie.  Ties are broken by level (central <
ministry < provincial < prefecture < county: higher levels are assumed to be
copied by lower ones), then by ``doc_id``.  ``direction_basis`` records which
rule decided ('date', 'level' or 'doc_id') and ``same_year`` is True when the
two documents share a year (or a year is unknown), i.e. when the direction
should be treated with care.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader as _lazy

from ..levels import LEVELS
from ..shingles import normalise, shingle_hashes

if TYPE_CHECKING:
    from .align import align_passages
    from .detect import find_reuse
    from .display import AlignmentHTML, format_alignment_html
    from .reference import reference_reuse
    from .result import ReuseResult
    from .summary import PAIR_COLUMNS, PASSAGE_COLUMNS, aggregate_network, reuse_by_level, reuse_network

# The public names load on first use: the summaries import pandas and networkx, which Dask workers
# running the index and alignment steps (analysis.cluster.reuse_index, .reuse_align) never need;
# importing any analysis.reuse.* module runs this file, so eager imports here would cost every
# worker ~120 MB before its first task.
__getattr__, _lazy_dir, _ = _lazy.attach(
    __name__,
    # the submodules too, so that analysis.reuse.summary works after import analysis.reuse, as it did
    submodules=[
        "align",
        "candidates",
        "detect",
        "direction",
        "display",
        "index",
        "reference",
        "result",
        "seeds",
        "summary",
    ],
    submod_attrs={
        "align": ["align_passages"],
        "detect": ["find_reuse"],
        "display": ["AlignmentHTML", "format_alignment_html"],
        "reference": ["reference_reuse"],
        "result": ["ReuseResult"],
        "summary": ["PAIR_COLUMNS", "PASSAGE_COLUMNS", "aggregate_network", "reuse_by_level", "reuse_network"],
    },
)

__all__ = [
    "LEVELS",
    "PAIR_COLUMNS",
    "PASSAGE_COLUMNS",
    "AlignmentHTML",
    "ReuseResult",
    "aggregate_network",
    "align_passages",
    "find_reuse",
    "format_alignment_html",
    "normalise",
    "reference_reuse",
    "reuse_by_level",
    "reuse_network",
    "shingle_hashes",
]


def __dir__() -> list[str]:
    """The public names (loaded or not) and the module's own globals; returns a sorted list."""
    return sorted(set(__all__) | set(globals()))
