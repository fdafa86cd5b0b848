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

Method (the details are also stored in ``result.params`` and
``result.pairs.attrs["reuse"]``)
-----------------------------------------------------------------
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

import difflib
import functools
import html
import math
import re
import unicodedata
from dataclasses import dataclass, field
from collections.abc import Iterator, Sequence

import networkx as nx
import numpy as np
import pandas as pd

__all__ = [
    "LEVELS",
    "ReuseResult",
    "find_reuse",
    "reuse_by_level",
    "reuse_network",
    "align_passages",
    "format_alignment_html",
    "AlignmentHTML",
]

#: Administrative levels from highest to lowest; also the tie-break order.
LEVELS: tuple[str, ...] = ("central", "ministry", "provincial", "prefecture", "county")
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}

PAIR_COLUMNS = [
    "source_doc_id", "target_doc_id", "source_date", "target_date",
    "source_level", "target_level", "same_year", "direction_basis",
    "n_passages", "aligned_chars", "source_aligned_chars", "target_share",
    "source_share", "similarity", "boilerplate_share", "score",
]
PASSAGE_COLUMNS = [
    "source_doc_id", "target_doc_id", "source_start", "source_end",
    "target_start", "target_end", "source_text", "target_text",
    "aligned_chars", "similarity", "boilerplate_share",
]

# Extension window beyond a seeded region, in normalised characters.  Long
# enough to walk through a typical boilerplate sentence (which has no seeds)
# that sits inside a copied paragraph.
_EXTEND_WINDOW = 120
# How many earlier runs the chaining step looks back over; long copied
# passages have many runs but a chain only ever links near neighbours.
_CHAIN_LOOKBACK = 64
_HASH_BASE = np.uint64(0x100000001B3)
_PROGRESS_MIN_DOCS = 200
# Winnowing window of the stage-1 sample, in shingles (see find_reuse, step
# 4).  Any copied run of this many seed shingles is sure to be sampled; 8
# keeps about a fifth of the full index's matches while finding the same
# passages on heavily edited real text (12 already misses a few); 1 turns
# sampling off (every seed match listed, as the full index).
_SAMPLE_WINDOW = 8


# --------------------------------------------------------------------------
# result container
# --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ReuseResult:
    """Output of :func:`find_reuse`.

    Attributes
    ----------
    pairs : DataFrame
        One row per (source, target) document pair with at least one reused
        passage, sorted by ``score`` descending.  Columns: source_doc_id,
        target_doc_id, source_date, target_date, source_level, target_level,
        same_year (bool: same year, or a year unknown, so the direction may
        be uncertain), direction_basis ('date' | 'level' | 'doc_id': the
        rule that decided the direction),
        n_passages, aligned_chars (characters of the target text covered by
        reused passages), source_aligned_chars (same for the source),
        target_share (aligned_chars / len(target text), 0-1), source_share
        (0-1), similarity (length-weighted mean passage similarity, 0-1),
        boilerplate_share (0-1, length-weighted), score (see
        :func:`find_reuse`).  ``pairs.attrs["reuse"]`` holds ``params``.
    passages : DataFrame
        One row per reused passage, ordered like ``pairs`` then by
        target_start.  source_start/source_end/target_start/target_end are
        character offsets into the corpus ``text`` column, so
        ``text[target_start:target_end] == target_text``.  aligned_chars =
        target_end - target_start (characters), similarity and
        boilerplate_share are 0-1.
    params : dict
        Parameters actually used (including the resolved boilerplate DF
        threshold) and corpus statistics.

    The object unpacks as ``pairs, passages = result``.
    """

    pairs: pd.DataFrame
    passages: pd.DataFrame
    params: dict = field(default_factory=dict)

    def __iter__(self) -> Iterator[pd.DataFrame]:
        yield self.pairs
        yield self.passages

    def __repr__(self) -> str:
        return (f"ReuseResult({len(self.pairs)} pairs, {len(self.passages)} passages, "
                f"boilerplate DF > {self.params.get('boilerplate_df_threshold')})")


# --------------------------------------------------------------------------
# public entry point
# --------------------------------------------------------------------------
def find_reuse(
    corpus: pd.DataFrame,
    *,
    ngram: int = 10,
    min_chars: int = 40,
    min_similarity: float = 0.7,
    max_gap: int = 20,
    boilerplate_df: float | int = 0.05,
    max_sources: int = 5,
    random_state: int = 0,
    progress: bool | None = None,
) -> ReuseResult:
    """Find passages that later documents reuse from earlier ones.

    Parameters
    ----------
    corpus : DataFrame
        One row per document.  Needs ``doc_id`` (unique) and ``text``;
        ``date`` (ISO string of any precision), ``year`` and ``level`` are
        used for the direction when present.
    ngram : int
        Shingle length in normalised characters (punctuation and whitespace
        removed).  Two documents must share at least one exact run of this
        many characters (outside boilerplate) to be compared.
    min_chars : int
        Minimum passage length: target characters (original text, between the
        first and last matched character) times (1 - boilerplate share).
    min_similarity : float
        Minimum alignment similarity of a passage, 0-1 (2 * matched
        characters / total characters, on normalised text).
    max_gap : int
        Largest run of unmatched normalised characters (an edit) allowed
        inside one passage; also the X-drop limit when extending passages.
    boilerplate_df : float or int
        Shingles found in more documents than this are boilerplate.  A float
        in (0, 1) is a share of the corpus: the threshold is
        ``max(5, ceil(boilerplate_df * n_docs))`` (the floor keeps small
        corpora from calling everything boilerplate).  An int >= 1 is an
        absolute number of documents.  Raise it to study text that very
        many documents copy from one source (e.g. a central guidance quoted
        by most cities), which the default treats as boilerplate.
    max_sources : int
        Cost cap for text shared by many (but not boilerplate-many)
        documents: per shingle, a document is linked only to the
        ``max_sources`` earliest other documents containing it (date, then
        level, then doc_id), not to all of them.  Text in at most
        ``max_sources + 1`` documents is unaffected.  Widely copied passages
        are thus found between each copy and its earliest holders (normally
        the original) rather than between every two copies, and the number
        of comparisons grows linearly with corpus size.
    random_state : int
        Salt of the shingle hash, which also decides which shingles are
        sampled first (see the module docstring, step 4).  Results do not
        depend on it except through (astronomically rare) hash collisions,
        which alignment filters out, and for passages supported only by
        exact runs shorter than about 17 characters, which the sample can
        miss.
    progress : bool, optional
        Show a tqdm bar for the alignment stage.  Default: only when the
        corpus has more than 200 documents.

    Returns
    -------
    ReuseResult
        ``.pairs`` (one row per document pair, sorted by ``score``) and
        ``.passages`` (one row per passage); see :class:`ReuseResult`.
        ``score`` of a pair = sum over its passages of aligned_chars *
        similarity * (1 - boilerplate_share), i.e. similarity-weighted
        characters of non-boilerplate reused text.

    Notes
    -----
    Time and memory are dominated by sorting the C shingles of the corpus
    (O(C log C)), by the sampled seed matches (about a fifth of the full
    count, and cheap each) and by aligning candidate pairs.  Seed matches
    are listed in full only inside candidate windows, and only regions where
    seeds pile up on one diagonal band are aligned, so pairs of documents
    that share nothing but scattered stock phrases cost next to nothing.
    Long near-copies are aligned piecewise between exact anchors, so whole
    reposted documents stay cheap.  ``params`` reports the work done:
    ``n_sampled_matches`` (stage 1), ``n_candidate_windows`` and
    ``n_seed_matches`` (listed in the windows), ``n_candidate_pairs``
    (pairs aligned).
    """
    _check_params(ngram, min_chars, min_similarity, max_gap, boilerplate_df, max_sources)
    meta = _prepare_meta(corpus)
    n_docs = len(meta.doc_ids)
    threshold = _resolve_boilerplate_threshold(boilerplate_df, n_docs)
    show = n_docs > _PROGRESS_MIN_DOCS if progress is None else bool(progress)

    doc_rank = _precedence_rank(meta)
    enc = _encode_corpus(meta.texts, np.argsort(doc_rank))
    window = _SAMPLE_WINDOW
    index = _index_shingles(enc.codes, enc.doc_of, ngram, random_state, threshold, max_sources,
                            window)
    boiler_cum = _mark_boilerplate(index.boilerplate_pos, len(enc.codes), ngram)
    min_cover = _min_cover(ngram, min_chars)
    if window > 1:
        win, n_sampled = _candidate_windows(index, enc, n_docs, ngram, max_gap, window,
                                            min_cover)
        n_windows = len(win.key)
        seeds = _window_seeds(index.tag, win, n_docs, enc.doc_of)
        del win
    else:
        seeds = _pair_seeds(index, enc.doc_of, n_docs)
        n_sampled, n_windows = len(seeds.key), 0
    n_seeds = len(seeds.key)
    runs = _find_runs(seeds, enc, n_docs, ngram, max_gap)
    del seeds
    runs = _select_supported_runs(runs, max_gap, min_cover)
    runs, pair_docs = _orient_runs(runs, meta)
    norm_text = enc.codes.tobytes().decode("utf-32-le")
    passages = _align_candidates(
        runs, pair_docs, enc, norm_text, boiler_cum, meta,
        ngram=ngram, min_chars=min_chars, min_similarity=min_similarity,
        max_gap=max_gap, progress=show,
    )
    params = {
        "ngram": ngram, "min_chars": min_chars, "min_similarity": min_similarity,
        "max_gap": max_gap, "boilerplate_df": boilerplate_df,
        "boilerplate_df_threshold": threshold, "max_sources": max_sources,
        "random_state": random_state,
        "n_docs": n_docs, "n_normalised_chars": int(len(enc.codes)),
        "n_boilerplate_shingles": int(index.n_boilerplate_hashes),
        "boilerplate_char_share": float(boiler_cum[-1] / max(len(enc.codes), 1)),
        "n_seed_matches": int(n_seeds),
        "sample_window": window, "n_sampled_matches": int(n_sampled),
        "n_candidate_windows": int(n_windows),
        "n_candidate_pairs": int(len(pair_docs.src_doc)),
        "boilerplate_method": (
            f"shingles of {ngram} normalised characters found in more than "
            f"{threshold} documents are boilerplate: they never seed a pair; "
            "passage characters they cover are excluded from min_chars and "
            "down-weight score by (1 - boilerplate_share)"),
        "score_method": "sum over passages of aligned_chars * similarity * (1 - boilerplate_share)",
        "direction_method": (
            "source = earlier date compared at the precision both dates share; "
            "ties by level rank central<ministry<provincial<prefecture<county, "
            "then doc_id"),
    }
    pairs = _summarise_pairs(passages, meta)
    passages = _order_passages(passages, pairs)
    pairs.attrs["reuse"] = params
    passages.attrs["reuse"] = params
    return ReuseResult(pairs=pairs, passages=passages, params=params)


def _check_params(ngram: int, min_chars: int, min_similarity: float,
                  max_gap: int, boilerplate_df: float | int, max_sources: int) -> None:
    if int(ngram) != ngram or ngram < 2:
        raise ValueError(f"ngram must be an integer >= 2, got {ngram!r}")
    if min_chars < 1:
        raise ValueError(f"min_chars must be >= 1, got {min_chars!r}")
    if not 0.0 <= min_similarity <= 1.0:
        raise ValueError(f"min_similarity must be in [0, 1], got {min_similarity!r}")
    if max_gap < 0:
        raise ValueError(f"max_gap must be >= 0, got {max_gap!r}")
    if boilerplate_df is None or boilerplate_df <= 0:
        raise ValueError(f"boilerplate_df must be > 0, got {boilerplate_df!r}")
    if int(max_sources) != max_sources or max_sources < 1:
        raise ValueError(f"max_sources must be an integer >= 1, got {max_sources!r}")


def _resolve_boilerplate_threshold(boilerplate_df: float | int, n_docs: int) -> int:
    """Return the DF above which a shingle is boilerplate (number of documents)."""
    if isinstance(boilerplate_df, float) and boilerplate_df < 1:
        return max(5, math.ceil(boilerplate_df * n_docs))
    return int(boilerplate_df)


def _min_cover(ngram: int, min_chars: int) -> int:
    """Return exact-match characters a candidate region needs before alignment.

    Half of ``min_chars`` leaves room for edits and punctuation (which
    min_chars counts but matching ignores) while discarding the many short
    coincidental matches of stock phrases.
    """
    return max(ngram, min_chars // 2)


# --------------------------------------------------------------------------
# document metadata and direction
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Meta:
    doc_ids: np.ndarray      # object array of str
    texts: list[str]
    dates: np.ndarray        # object array of str ("" if unknown)
    levels: np.ndarray       # object array of str
    year: np.ndarray         # int, 0 = unknown
    month: np.ndarray        # int, 0 = unknown
    day: np.ndarray          # int, 0 = unknown
    level_rank: np.ndarray   # int, len(LEVELS) = unknown level
    id_rank: np.ndarray      # rank of doc_id in sorted order


_DATE_RE = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2}))?(?:[-/.月](\d{1,2}))?")


def _parse_date(value: object, year: object = None) -> tuple[int, int, int]:
    """Return (year, month, day) from an ISO-like date; 0 marks an unknown part."""
    m = _DATE_RE.match(str(value)) if _is_present(value) else None
    if m:
        return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if _is_present(year):
        try:
            return int(year), 0, 0
        except (TypeError, ValueError):
            pass
    return 0, 0, 0


def _is_present(value: object) -> bool:
    if value is None:
        return False
    try:
        return not pd.isna(value) and str(value).strip() != ""
    except (TypeError, ValueError):
        return True


def _prepare_meta(corpus: pd.DataFrame) -> _Meta:
    """Validate the corpus and return the per-document arrays the detector uses."""
    missing = {"doc_id", "text"} - set(corpus.columns)
    if missing:
        raise ValueError(f"corpus lacks required column(s): {sorted(missing)}")
    doc_ids = corpus["doc_id"].astype(str).to_numpy(dtype=object)
    if len(set(doc_ids)) != len(doc_ids):
        dup = pd.Series(doc_ids).loc[lambda s: s.duplicated()].iloc[0]
        raise ValueError(f"doc_id must be unique; {dup!r} occurs more than once")
    n = len(doc_ids)
    texts = ["" if not isinstance(t, str) else t for t in corpus["text"].tolist()]
    dates_in = corpus["date"].tolist() if "date" in corpus else [None] * n
    years_in = corpus["year"].tolist() if "year" in corpus else [None] * n
    parsed = np.array([_parse_date(d, y) for d, y in zip(dates_in, years_in)],
                      dtype=np.int64).reshape(n, 3)
    levels = (corpus["level"].fillna("").astype(str).to_numpy(dtype=object)
              if "level" in corpus else np.array([""] * n, dtype=object))
    level_rank = np.array([_LEVEL_RANK.get(lvl, len(LEVELS)) for lvl in levels], dtype=np.int64)
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[np.argsort(doc_ids.astype(str), kind="stable")] = np.arange(n)
    dates = np.array([str(d) if _is_present(d) else "" for d in dates_in], dtype=object)
    return _Meta(doc_ids=doc_ids, texts=texts, dates=dates, levels=levels,
                 year=parsed[:, 0], month=parsed[:, 1], day=parsed[:, 2],
                 level_rank=level_rank, id_rank=id_rank)


def _orient(meta: _Meta, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Decide for document index pairs (a, b) whether a is the source.

    Returns
    -------
    a_first : bool array
        True where document ``a`` is the (earlier) source.
    basis : int array
        0 = decided by date, 1 = by level rank, 2 = by doc_id.
    """
    ya, yb = meta.year[a], meta.year[b]
    ma, mb = meta.month[a], meta.month[b]
    da, db = meta.day[a], meta.day[b]
    years_known = (ya > 0) & (yb > 0)
    by_year = years_known & (ya != yb)
    # compare months/days only when both documents state them
    by_month = ~by_year & years_known & (ma > 0) & (mb > 0) & (ma != mb)
    by_day = (~by_year & ~by_month & years_known & (ma > 0) & (ma == mb)
              & (da > 0) & (db > 0) & (da != db))
    by_date = by_year | by_month | by_day
    date_first = np.where(by_year, ya < yb, np.where(by_month, ma < mb, da < db))
    la, lb = meta.level_rank[a], meta.level_rank[b]
    by_level = ~by_date & (la != lb)
    a_first = np.where(by_date, date_first,
                       np.where(by_level, la < lb, meta.id_rank[a] < meta.id_rank[b]))
    basis = np.where(by_date, 0, np.where(by_level, 1, 2))
    return a_first, basis


def _precedence_rank(meta: _Meta) -> np.ndarray:
    """Return each document's rank in a total 'earliest first' order.

    Order: year (unknown last), month, day (unknown parts of a known year
    first, as such a document may be early), level rank, doc_id.  Only used
    to pick the earliest holders of common shingles; the direction of a pair
    is decided pairwise by :func:`_orient`.
    """
    year = np.where(meta.year > 0, meta.year, np.iinfo(np.int64).max)
    order = np.lexsort((meta.id_rank, meta.level_rank, meta.day, meta.month, year))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


_BASIS_NAMES = np.array(["date", "level", "doc_id"], dtype=object)


# --------------------------------------------------------------------------
# normalisation and shingling
# --------------------------------------------------------------------------
@functools.cache
def _char_tables() -> tuple[np.ndarray, np.ndarray]:
    """Return (keep, fold) lookup tables over the Basic Multilingual Plane.

    keep[cp] is True for letters and digits (CJK ideographs included); fold
    maps full-width forms, compatibility ideographs and upper-case Latin to a
    canonical code point so they match their ordinary forms.
    """
    size = 0x10000
    keep = np.zeros(size, dtype=bool)
    fold = np.arange(size, dtype=np.uint32)
    for cp in range(size):
        ch = chr(cp)
        if not ch.isalnum():
            continue
        keep[cp] = True
        canon = unicodedata.normalize("NFKC", ch).lower()
        if len(canon) == 1:
            fold[cp] = ord(canon)
    return keep, fold


@dataclass(frozen=True)
class _Encoded:
    codes: np.ndarray       # uint32 normalised code points, all docs concatenated
    doc_of: np.ndarray      # int32 document index of each normalised char
    orig_off: np.ndarray    # int32 offset of each normalised char in its doc's text
    doc_start: np.ndarray   # int64 per document: first normalised index
    doc_end: np.ndarray     # int64 per document: one past its last normalised index


def _index_dtype(n: int) -> type:
    """Return the narrowest integer dtype (int32 or int64) that can index ``n`` items.

    Positions are the bulk of the memory; int32 halves it for any corpus
    under two billion characters.
    """
    return np.int32 if n < 2**31 - 1 else np.int64


def _encode_corpus(texts: Sequence[str], order: np.ndarray) -> _Encoded:
    """Normalise all texts at once and keep the map back to original offsets.

    Documents are concatenated in ``order`` (earliest first), so that sorting
    positions also sorts documents by precedence.
    """
    keep_tab, fold_tab = _char_tables()
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    raw = np.frombuffer("".join(texts[i] for i in order).encode("utf-32-le"), dtype=np.uint32)
    dt = _index_dtype(len(raw))
    top = np.uint32(0xFFFF)
    # characters outside the BMP are rare CJK extensions: keep them as they are
    keep = np.empty(len(raw), dtype=bool)
    for sl in _chunks(len(raw)):
        r = raw[sl]
        keep[sl] = keep_tab[np.minimum(r, top)] | (r > top)
    codes = raw[keep]
    for sl in _chunks(len(codes)):
        c = codes[sl]
        codes[sl] = np.where(c > top, c, fold_tab[np.minimum(c, top)])
    # documents stay contiguous, so per-document counts and offsets follow
    # from the kept positions without per-character document ids
    concat_start = np.cumsum(lengths[order]) - lengths[order]
    counts_in_order = np.zeros(len(texts), dtype=np.int64)
    nonempty = lengths[order] > 0
    if nonempty.any():
        counts_in_order[nonempty] = np.add.reduceat(keep, concat_start[nonempty], dtype=np.int64)
    orig_off = np.empty(len(codes), dtype=dt)
    done = 0
    for sl in _chunks(len(raw)):
        at = np.flatnonzero(keep[sl]).astype(dt)
        at += sl.start
        orig_off[done:done + len(at)] = at
        done += len(at)
    del keep
    orig_off -= np.repeat(concat_start.astype(dt), counts_in_order)
    doc_of = np.repeat(order.astype(np.int32), counts_in_order)
    counts = np.zeros(len(texts), dtype=np.int64)
    counts[order] = counts_in_order
    doc_start = np.zeros(len(texts), dtype=np.int64)
    doc_start[order] = np.cumsum(counts_in_order) - counts_in_order
    return _Encoded(codes=codes, doc_of=doc_of, orig_off=orig_off,
                    doc_start=doc_start, doc_end=doc_start + counts)


def _argsort_keys(*keys: np.ndarray) -> np.ndarray:
    """Return the order sorting rows by non-negative integer keys, most significant first.

    Packs the keys into one int64 when their ranges allow it (one argsort is
    several times faster than np.lexsort), else falls back to np.lexsort.
    When the row number fits in the spare low bits it is packed too, and a
    plain value sort (several times faster again than an argsort) yields the
    order; ties then keep their input order.
    """
    n = len(keys[0])
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    spans = [int(k.max()) + 1 for k in keys]
    if sum(math.log2(sp) for sp in spans) < 62:
        packed = np.zeros(n, dtype=np.int64)
        for k, sp in zip(keys, spans):
            packed *= sp
            packed += k
        row_bits = max(1, (n - 1).bit_length())
        if int(packed.max()) < 1 << (63 - row_bits):
            packed <<= row_bits
            packed |= np.arange(n, dtype=np.int64)
            packed.sort()
            packed &= (1 << row_bits) - 1
            return packed
        return np.argsort(packed)
    return np.lexsort(keys[::-1])


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """Return a well-mixed 64-bit hash of each element (splitmix64 finaliser)."""
    x = x.copy()
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def _hash_shingles(codes: np.ndarray, doc_of: np.ndarray, ngram: int,
                   random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """Hash every ``ngram``-character window of the concatenated corpus.

    Returns
    -------
    hashes : uint64 array, one per window start (len(codes) - ngram + 1)
    valid : bool array, False for windows that cross a document boundary
    """
    n = len(codes) - ngram + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=bool)
    salt = _splitmix64(np.array([random_state & 0xFFFFFFFFFFFFFFFF], dtype=np.uint64))[0]
    out = np.empty(n, dtype=np.uint64)
    # in cache-sized chunks: the many passes then run from cache, not memory
    for sl in _chunks(n):
        h = out[sl]
        h[:] = codes[sl]
        # uint64 arithmetic wraps, giving the polynomial hash modulo 2**64
        for j in range(1, ngram):
            h *= _HASH_BASE
            h += codes[sl.start + j:sl.stop + j]
        h ^= salt
        h[:] = _splitmix64(h)
    valid = doc_of[:n] == doc_of[ngram - 1:]
    return out, valid


def _chunks(n: int, size: int = 1 << 16) -> Iterator[slice]:
    """Slices covering range(n) in pieces of ``size``."""
    for lo in range(0, n, size):
        yield slice(lo, min(n, lo + size))


def _same_prefix_as_next(key: np.ndarray, low: np.uint64) -> np.ndarray:
    """For sorted packed keys: does key[i] share its bits above ``low`` with key[i + 1]?"""
    out = np.empty(max(len(key) - 1, 0), dtype=bool)
    for sl in _chunks(len(out)):
        out[sl] = (key[sl.start + 1:sl.stop + 1] ^ key[sl]) <= low
    return out


def _sliding_extreme(x: np.ndarray, w: int, op: np.ufunc) -> np.ndarray:
    """Return ``op`` (np.minimum / np.maximum) over every window of ``w`` elements.

    Doubling: log2(w) passes over the array instead of w.  The result has
    len(x) - w + 1 elements (element i covers x[i:i + w]).
    """
    out, span = x, 1
    while 2 * span <= w:
        out = op(out[:-span], out[span:])
        span *= 2
    if span < w:
        k = w - span
        out = op(out[:len(out) - k], out[k:])
    return out


def _winnow(h: np.ndarray, valid: np.ndarray, window: int) -> np.ndarray:
    """Return the winnowing fingerprints: shingles that are the minimum of a window.

    A shingle is selected when its hash is the smallest of some ``window``
    consecutive shingles.  Selection depends only on the text inside the
    window, so any shared run of at least ``window`` shingles contains a
    fingerprint selected in both documents (one per ``window`` shingles),
    while for random ranks about 2 / (window + 1) of all shingles are
    selected.  ``h`` is the rank of each shingle; ties select every tied
    shingle.
    """
    n = len(h)
    if window <= 1 or n == 0:
        return valid.copy()
    w = min(window, n)
    out = np.empty(n, dtype=bool)
    # chunk by chunk (with w - 1 positions of context each side) to stay in cache
    for sl in _chunks(n):
        a, b = max(0, sl.start - w + 1), min(n, sl.stop + w - 1)
        mins = _sliding_extreme(h[a:b], w, np.minimum)       # windows starting a .. b - w
        # a shingle is some window's minimum iff it equals the largest minimum
        # of the windows containing it (all of which are <= its hash); absent
        # windows past either end of the corpus count as 0
        padded = np.concatenate([np.zeros(a - sl.start + w - 1, dtype=h.dtype), mins,
                                 np.zeros(sl.stop - 1 - (b - w), dtype=h.dtype)])
        out[sl] = (h[sl] == _sliding_extreme(padded, w, np.maximum)) & valid[sl]
    return out


@dataclass(frozen=True)
class _ShingleIndex:
    seed_pos: np.ndarray          # positions of seed shingles, grouped by hash
    seed_group_start: np.ndarray  # int64 start of each group in seed_pos (+ end)
    seed_link_limit: np.ndarray   # int64 per group: occurrences a later one may pair with
    boilerplate_pos: np.ndarray   # positions of boilerplate shingles
    n_boilerplate_hashes: int
    # with sampling only (None otherwise), one entry per position:
    fingerprint: np.ndarray | None  # bool: a winnowing fingerprint
    tag: np.ndarray | None          # seed group, class and link rule, see _seed_tags


def _index_shingles(codes: np.ndarray, doc_of: np.ndarray, ngram: int, random_state: int,
                    threshold: int, max_sources: int, sample_window: int = 1) -> _ShingleIndex:
    """Hash shingles, group their positions by hash, split seeds from boilerplate.

    A hash in 2..threshold documents is a seed group, one in more than
    ``threshold`` documents is boilerplate.  Within a group occurrences are
    ordered by position, which (documents being concatenated earliest first)
    orders them by document precedence, so each occurrence can be paired with
    the occurrences of the first ``max_sources`` documents only.
    """
    dt = _index_dtype(len(codes))
    hashes, valid = _hash_shingles(codes, doc_of, ngram, random_state)
    # Sort hash prefixes with the position packed into the low bits: one
    # value sort (several times faster than an argsort) groups equal hashes
    # and leaves each group in position order.
    n = len(hashes)
    pbits = max(1, (n - 1).bit_length())
    low = np.uint64((1 << pbits) - 1)
    key = np.empty(int(valid.sum()), dtype=np.uint64)
    # winnowing rank: 30 hash bits under a 2-bit class set once DFs are known
    rank = np.empty(n, dtype=np.uint32)
    done = 0
    for sl in _chunks(n):
        h = hashes[sl]
        rank[sl] = h >> np.uint64(34)
        k = (h & ~low) | np.arange(sl.start, sl.stop, dtype=np.uint64)
        k = k[valid[sl]]
        key[done:done + len(k)] = k
        done += len(k)
    key.sort()
    same_next = _same_prefix_as_next(key, low)
    shared = np.zeros(len(key), dtype=bool)
    shared[1:] |= same_next
    shared[:-1] |= same_next
    del same_next
    key = key[shared]
    del shared
    pos = np.empty(len(key), dtype=dt)
    for sl in _chunks(len(key)):
        pos[sl] = key[sl] & low
    full = hashes[pos]
    del hashes
    # a prefix group may mix different full hashes (rare): sort those groups
    # by (hash, position) and drop the singletons that leaves
    same_prefix = _same_prefix_as_next(key, low)
    del key
    mixed = np.flatnonzero(same_prefix & (full[1:] != full[:-1]))
    if len(mixed):
        group_start = np.flatnonzero(np.r_[True, ~same_prefix])
        group_end = np.r_[group_start[1:], len(pos)]
        bad = np.unique(np.searchsorted(group_start, mixed, side="right") - 1)
        lengths = group_end[bad] - group_start[bad]
        sub = np.arange(int(lengths.sum())) + np.repeat(
            group_start[bad] - (np.cumsum(lengths) - lengths), lengths)
        fix = np.lexsort((pos[sub], full[sub]))
        pos[sub], full[sub] = pos[sub][fix], full[sub][fix]
        del group_start, group_end, bad, lengths, sub, fix
    del same_prefix, mixed
    new_group = np.r_[True, full[1:] != full[:-1]]
    del full
    sizes = np.diff(np.r_[np.flatnonzero(new_group), len(pos)])
    if (sizes == 1).any():
        keep = np.repeat(sizes > 1, sizes)
        pos, new_group = pos[keep], new_group[keep]
        del keep
    if len(pos) == 0:
        empty = np.zeros(0, dtype=dt)
        return _ShingleIndex(empty, np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64),
                             empty, 0, np.zeros(len(codes) + 1, dtype=bool),
                             np.zeros(len(codes) + 1, dtype=np.int32))
    docs = doc_of[pos]
    starts = np.flatnonzero(new_group)
    sizes = np.diff(np.r_[starts, len(pos)])
    new_doc = new_group | np.r_[True, docs[1:] != docs[:-1]]
    del docs
    df = np.add.reduceat(new_doc, starts, dtype=np.int64)
    # number of the document (1-based) each occurrence belongs to in its group
    doc_count = np.cumsum(new_doc, dtype=dt)
    doc_count -= np.repeat(doc_count[starts] - 1, sizes)
    del new_doc
    in_first = np.add.reduceat(doc_count <= max_sources, starts, dtype=np.int64)
    del doc_count
    # a few occurrences per early document are plenty; caps heavy repetition
    link_limit = np.minimum(in_first, 4 * max_sources)
    is_boiler = df > threshold
    is_seed = (df >= 2) & ~is_boiler
    group_of = np.cumsum(new_group, dtype=dt) - 1
    seed_sizes = sizes[is_seed]
    seed_pos = pos[is_seed[group_of]]
    seed_start = np.concatenate([[0], np.cumsum(seed_sizes)]).astype(np.int64)
    seed_limit = link_limit[is_seed].astype(np.int64)
    boilerplate_pos = pos[is_boiler[group_of]]
    del pos, group_of
    if sample_window <= 1:
        return _ShingleIndex(seed_pos, seed_start, seed_limit, boilerplate_pos,
                             int(is_boiler.sum()), None, None)
    # Fingerprints prefer seeds that link every holder (DF <= max_sources + 1),
    # then other seeds, then the rest.  The class is a property of the hash,
    # so both copies of a shared run still select the same fingerprints, and
    # a short copied run between edits (whose neighbours are unique text) is
    # almost always selected even when it is shorter than a window.
    tag = _seed_tags(seed_pos, seed_start, seed_limit, df[is_seed] > max_sources + 1,
                     n + ngram - 1)
    for sl in _chunks(n):
        t = tag[sl]
        rank[sl] |= np.where(t > 0, (t >> 1) & 1, 2).astype(np.uint32) << np.uint32(30)
        rank[sl][~valid[sl]] = np.iinfo(np.uint32).max
    fingerprint = np.zeros(n + ngram, dtype=bool)
    fingerprint[:n] = _winnow(rank, valid, sample_window)
    del rank, valid
    return _ShingleIndex(seed_pos, seed_start, seed_limit, boilerplate_pos,
                         int(is_boiler.sum()), fingerprint, tag)


def _mark_boilerplate(boilerplate_pos: np.ndarray, n_chars: int, ngram: int) -> np.ndarray:
    """Return the cumulative count of boilerplate-covered normalised characters.

    ``cum[j] - cum[i]`` is the number of characters in ``[i, j)`` covered by at
    least one boilerplate shingle (length n_chars + 1).
    """
    delta = np.bincount(boilerplate_pos, minlength=n_chars + 1)
    delta -= np.bincount(np.minimum(boilerplate_pos + ngram, n_chars), minlength=n_chars + 1)
    covered = np.cumsum(delta[:-1]) > 0
    del delta
    cum = np.zeros(n_chars + 1, dtype=_index_dtype(n_chars + 1))
    np.cumsum(covered, out=cum[1:])
    return cum


# --------------------------------------------------------------------------
# seeds: sampled (stage 1) and exhaustive within windows (stage 2)
# --------------------------------------------------------------------------
# Why two stages: every pair of occurrences of a seed shingle is a seed
# match, and a shingle shared by d documents yields up to ~d * min(d,
# 4 * max_sources) of them.  Moderately common phrases are shared by more
# documents the larger the corpus, so the number of matches (almost all of
# them chance matches of stock phrases) grows faster than the corpus, and
# so did the cost of sorting them before any pair was known to matter.
# Stage 1 pairs only the occurrences that are winnowing fingerprints (see
# _winnow).  Both ends of a match must be sampled, so matches shrink about
# with the square of the share of occurrences sampled (on the synthetic
# benchmark about half of the seed occurrences, a fifth of the matches),
# while a copied run keeps a sampled match in both copies.  Each sampled
# match is widened to its run of consecutive seed matches (an exact walk
# through the full index, see _seed_tags), and the regions where runs reach
# min_cover become windows.  Stage 2 lists every seed match inside the
# windows, so there the later steps get exactly the seeds the full index
# would give them.  The work is proportional to the sample plus the windows.
@dataclass(frozen=True)
class _Seeds:
    """Occurrence pairs of seed shingles, not yet oriented.

    ``a`` is the position in the document with the lower corpus index, ``b``
    in the other one; ``key`` = lower index * n_docs + higher index.
    """
    key: np.ndarray   # int64
    a: np.ndarray     # global normalised position
    b: np.ndarray     # global normalised position


def _link_pairs(pos: np.ndarray, first: np.ndarray, partners: np.ndarray,
                doc_of: np.ndarray, n_docs: int) -> _Seeds:
    """Pair element i of ``pos`` with ``pos[first[i]:first[i] + partners[i]]``.

    Pairs within one document are dropped; the rest become :class:`_Seeds`.
    """
    n_pairs = int(partners.sum(dtype=np.int64))
    pdt = _index_dtype(max(n_pairs, len(pos)))
    right = np.arange(n_pairs, dtype=pdt)
    right -= np.repeat((np.cumsum(partners, dtype=np.int64) - partners).astype(pdt), partners)
    right += np.repeat(first.astype(pdt), partners)
    # documents looked up once per occurrence, then spread (cache friendly)
    docs = doc_of[pos]
    pb, db = pos[right], docs[right]
    del right
    pa, da = np.repeat(pos, partners), np.repeat(docs, partners)
    del docs
    cross = da != db
    pa, pb, da, db = pa[cross], pb[cross], da[cross], db[cross]
    del cross
    swap = da > db
    lo = np.where(swap, db, da).astype(np.int64)
    hi = np.where(swap, da, db)
    return _Seeds(key=lo * n_docs + hi, a=np.where(swap, pb, pa), b=np.where(swap, pa, pb))


def _pair_seeds(index: _ShingleIndex, doc_of: np.ndarray, n_docs: int) -> _Seeds:
    """Return all cross-document occurrence pairs of seed shingles (the full index).

    Within a hash group (ordered earliest document first) occurrence ``l``
    pairs with the earlier occurrences ``0 .. min(l, link_limit) - 1``: all
    pairs for text in few documents, the earliest holders only for text in
    many.  Used directly only without sampling (``_SAMPLE_WINDOW`` = 1).
    """
    sizes = np.diff(index.seed_group_start)
    total = len(index.seed_pos)
    dt = _index_dtype(total)
    first = np.repeat(index.seed_group_start[:-1].astype(dt), sizes)
    partners = np.arange(total, dtype=dt) - first
    np.minimum(partners, np.repeat(index.seed_link_limit.astype(dt), sizes), out=partners)
    return _link_pairs(index.seed_pos, first, partners, doc_of, n_docs)


def _pair_sampled(index: _ShingleIndex, doc_of: np.ndarray, n_docs: int) -> _Seeds:
    """Stage 1: the seed matches of :func:`_pair_seeds` whose two occurrences are both sampled.

    The link rule is applied to the full hash group (a match exists iff the
    earlier occurrence is among the group's first ``link_limit``), so the
    result is exactly a subset of the full index's matches.
    """
    tag = index.tag
    at = np.flatnonzero(index.fingerprint & (tag > 0))
    if len(at) == 0:
        z = np.zeros(0, dtype=np.int64)
        return _Seeds(z, z, z)
    # in hash-group order, each group in position (= occurrence) order
    group, at, early = _sort_rows(tag[at] >> 2, at, tag[at] & 1)
    at = at.astype(_index_dtype(len(tag)))
    sub_start = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sub_sizes = np.diff(np.r_[sub_start, len(at)])
    first = np.repeat(sub_start, sub_sizes)
    # the early occurrences come first in their group, so the partners of
    # the r-th sampled one are the first min(r, number of early ones)
    n_early = np.add.reduceat(early, sub_start)
    partners = np.minimum(np.arange(len(at)) - first, np.repeat(n_early, sub_sizes))
    del group, early, n_early
    return _link_pairs(at, first, partners, doc_of, n_docs)


def _sort_rows(*cols: np.ndarray) -> list[np.ndarray]:
    """Sort rows given as non-negative integer columns (first column most significant).

    Returns the sorted columns.  When the columns fit in 63 bits together
    they are packed into one int64 and value-sorted, which is several times
    faster than an argsort followed by gathers.
    """
    if len(cols[0]) == 0:
        return [c.astype(np.int64) for c in cols]
    bits = [max(1, int(c.max()).bit_length()) for c in cols]
    if sum(bits) > 63:
        order = np.lexsort(cols[::-1])
        return [c[order].astype(np.int64) for c in cols]
    packed = np.zeros(len(cols[0]), dtype=np.int64)
    for c, b in zip(cols, bits):
        packed <<= b
        packed |= c
    packed.sort()
    out = []
    for b in reversed(bits):
        out.append(packed & ((1 << b) - 1))
        packed >>= b
    return out[::-1]


def _seed_tags(seed_pos: np.ndarray, group_start: np.ndarray, link_limit: np.ndarray,
               capped: np.ndarray, n_chars: int) -> np.ndarray:
    """Per position: (seed group + 1) * 4 + 2 * capped + early for seed shingles, else 0.

    ``capped`` is True for groups in more than ``max_sources + 1``
    documents, ``early`` is 1 when the occurrence is among its group's first
    ``link_limit``.  Two occurrences p < q in different documents form a
    seed match of the full index iff ``tag[p] | 1 == tag[q] | 1`` and
    ``tag[p]`` is odd, so any two positions can be checked in O(1).
    """
    sizes = np.diff(group_start)
    n_groups = len(sizes)
    tdt = _index_dtype(4 * n_groups + 8)
    occ = np.arange(len(seed_pos), dtype=tdt)
    occ -= np.repeat(group_start[:-1].astype(tdt), sizes)
    value = (occ < np.repeat(link_limit.astype(tdt), sizes)).astype(tdt)
    del occ
    value += np.repeat((np.arange(1, n_groups + 1, dtype=tdt) * 4
                        + 2 * capped.astype(tdt)), sizes)
    # a spare 0 at the end: walks that step off either end of the corpus stop there
    tag = np.zeros(n_chars + 1, dtype=tdt)
    tag[seed_pos] = value
    return tag


def _seed_run_extension(tag: np.ndarray, near: np.ndarray, far: np.ndarray,
                        near_first: np.ndarray, step: np.ndarray, cap: int) -> np.ndarray:
    """Count consecutive seed matches at (near + k*step, far + k*step), k = 0, 1, ...

    ``near_first`` says whether the ``near`` occurrence is the earlier one
    (the one the link rule looks at); ``step`` is +1 or -1 per entry.
    Counting stops at the first position that is not a seed match, or at
    ``cap``.  Document boundaries need no check: the last ngram - 1
    positions of a document start no shingle, so their tag (0) ends every
    walk.  Only entries still extending are touched, so the cost is the
    total extension length.  The caller orders entries so that ``near``
    positions are read in nearly sequential order; ``far`` (random reads,
    the expensive part) is only read where ``near`` holds a seed at all.
    """
    ext = np.zeros(len(near), dtype=np.int32)
    alive = np.arange(len(near), dtype=_index_dtype(len(near)))
    pn, pf = near, far
    for _ in range(cap):
        tn = tag[pn]
        cand = np.flatnonzero(tn > 0)
        tn, tf = tn[cand], tag[pf[cand]]
        ok = ((tn | 1) == (tf | 1)) & (np.where(near_first[cand], tn, tf) & 1).astype(bool)
        cand = cand[ok]
        if len(cand) == 0:
            break
        alive, step, near_first = alive[cand], step[cand], near_first[cand]
        pn, pf = pn[cand] + step, pf[cand] + step
        ext[alive] += 1
    return ext


def _union_contrib(t0: np.ndarray, t1: np.ndarray, cluster: np.ndarray) -> np.ndarray:
    """Length each interval [t0, t1) adds to the union of its cluster.

    Intervals are sorted by ``t0`` within each cluster and clusters are
    contiguous with non-decreasing ids.
    """
    if len(t0) == 0:
        return np.zeros(0, dtype=np.int64)
    new = np.r_[True, cluster[1:] != cluster[:-1]]
    rank = np.cumsum(new) - 1
    big = np.int64(int(t1.max()) + 1)
    reach = np.maximum.accumulate(rank * big + t1) - rank * big
    prev = np.r_[0, reach[:-1]]
    prev[new] = 0
    return np.maximum(0, t1 - np.maximum(t0, prev))


@dataclass(frozen=True)
class _Windows:
    """Stage-1 candidate regions: a window of shingle starts in each document.

    ``a0:a1`` lies in the lower-indexed document of pair ``key``, ``b0:b1``
    in the higher one (global normalised positions, half-open).
    """
    key: np.ndarray
    a0: np.ndarray
    a1: np.ndarray
    b0: np.ndarray
    b1: np.ndarray


def _candidate_windows(index: _ShingleIndex, enc: _Encoded, n_docs: int, ngram: int,
                       max_gap: int, window: int, min_cover: int) -> tuple[_Windows, int]:
    """Stage 1: find the windows stage 2 searches in full (and count sampled matches).

    The sampled seed matches come from :func:`_pair_sampled`.  Sampled
    matches on one diagonal at most ``ngram`` apart are one run;
    each run is widened by walking the seed matches on from both ends (as
    far as ``min_cover`` needs), runs are clustered per pair along the
    target, and clusters covering ``min_cover`` characters -- the full
    index's own test, see :func:`_select_supported_runs` -- become windows:
    per group of similar diagonals, the extent of the runs plus a margin.
    """
    z = np.zeros(0, dtype=np.int64)
    none = _Windows(z, z, z, z, z)
    hits = _pair_sampled(index, enc.doc_of, n_docs)
    n_sampled = len(hits.key)
    if n_sampled == 0:
        return none, 0
    tag = index.tag
    doc_len = enc.doc_end - enc.doc_start
    max_len = int(doc_len.max())
    pdt = _index_dtype(len(enc.codes) + 1)
    lo, hi = hits.key // n_docs, hits.key % n_docs
    b_loc = hits.b - enc.doc_start[hi].astype(pdt)
    diag = b_loc - (hits.a - enc.doc_start[lo].astype(pdt)) + max_len   # shifted to be >= 0
    del lo, hi
    key, diag, b_loc = _sort_rows(hits.key, diag, b_loc)
    del hits
    new_run = np.r_[True, (key[1:] != key[:-1]) | (diag[1:] != diag[:-1])
                    | (b_loc[1:] - b_loc[:-1] > ngram)]
    first = np.flatnonzero(new_run)
    last = np.r_[first[1:], len(key)] - 1
    del new_run
    key, diag = key[first], diag[first] - max_len
    t0, t1 = b_loc[first], b_loc[last] + ngram
    del b_loc, first, last
    lo, hi = key // n_docs, key % n_docs
    # widen each run by walking on along its diagonal from both ends, at
    # most min_cover - ngram steps (enough to tell whether a lone run
    # reaches min_cover); the walk follows the seed matches of the full
    # index, sampled or not
    b_start = enc.doc_start[hi]
    b_to_a = (enc.doc_start[lo] - diag - b_start).astype(pdt)
    # one walk per end of each run; runs are sorted by their lower-indexed
    # document, so its positions are the near ones
    end_b = np.stack([t1 - ngram + 1, t0 - 1], axis=1).astype(pdt).ravel()
    end_b += np.repeat(b_start.astype(pdt), 2)
    end_a = end_b + np.repeat(b_to_a, 2)
    del b_start, b_to_a
    step = np.tile(np.array([1, -1], dtype=pdt), len(t0))
    ext = _seed_run_extension(tag, end_a, end_b, end_a < end_b, step,
                              max(min_cover - ngram, 0))
    del end_a, end_b, step
    t1 += ext[0::2]
    t0 -= ext[1::2]
    del ext
    # a pair with a single short run cannot pass
    new_pair = np.r_[True, key[1:] != key[:-1]]
    pair_id = np.cumsum(new_pair) - 1
    n_runs = np.bincount(pair_id)
    keep = np.flatnonzero((n_runs[pair_id] > 1) | (t1 - t0 >= min_cover))
    # Cluster along the target whatever the diagonal (the join is wide
    # because an unsampled run may link two sampled ones), then split the
    # few clusters that pass into groups of similar diagonals, as the full
    # index's diagonal bands would, and test each group again.
    join = 2 * max_gap + window + ngram
    sub, cluster = _cluster_along_target((pair_id[keep],), t0[keep], t1[keep], join)
    idx = keep[sub]
    del keep, sub, pair_id, new_pair, n_runs
    for split in (False, True):
        cover = np.bincount(cluster, weights=_union_contrib(t0[idx], t1[idx], cluster))
        passed = cover[cluster] >= min_cover
        idx, cluster = idx[passed], cluster[passed]
        if len(idx) == 0:
            return none, n_sampled
        cluster = np.cumsum(np.r_[True, cluster[1:] != cluster[:-1]]) - 1
        if not split:
            d = diag[idx] - int(diag[idx].min())
            sub, part = _cluster_along_target((cluster,), d, d, 4 * max_gap + 8)
            idx = idx[sub]
            sub, cluster = _cluster_along_target((part,), t0[idx], t1[idx], join)
            idx = idx[sub]
    d = diag[idx]
    starts = np.flatnonzero(np.r_[True, cluster[1:] != cluster[:-1]])
    key = key[idx[starts]]
    lo, hi = key // n_docs, key % n_docs
    s_lo = np.minimum.reduceat(t0[idx] - d, starts)
    s_hi = np.maximum.reduceat(t1[idx] - d, starts)
    t_lo = np.minimum.reduceat(t0[idx], starts)
    t_hi = np.maximum.reduceat(t1[idx], starts)
    # the margin reaches an unsampled run that the full index would cluster
    # with these (the join distance); windows hold shingle starts
    # [first char - margin, last char + margin - ngram]
    margin = join
    n_starts = np.maximum(doc_len - ngram + 1, 0)
    a0 = np.maximum(s_lo - margin, 0) + enc.doc_start[lo]
    a1 = np.minimum(s_hi + margin - ngram + 1, n_starts[lo]) + enc.doc_start[lo]
    b0 = np.maximum(t_lo - margin, 0) + enc.doc_start[hi]
    b1 = np.minimum(t_hi + margin - ngram + 1, n_starts[hi]) + enc.doc_start[hi]
    return _Windows(key, a0, a1, b0, b1), n_sampled


def _window_seeds(tag: np.ndarray, win: _Windows, n_docs: int, doc_of: np.ndarray) -> _Seeds:
    """Stage 2: every seed match of the full index inside a window pair.

    The same matches as :func:`_pair_seeds` restricted to the windows, at a
    cost proportional to the windows' length: their seed shingles are
    grouped by hash with one sort and paired within each group.
    """
    z = np.zeros(0, dtype=np.int64)
    lengths = np.maximum(np.concatenate([win.a1 - win.a0, win.b1 - win.b0]), 0)
    if lengths.sum() == 0:
        return _Seeds(z, z, z)
    n_win = len(win.key)
    starts = np.concatenate([win.a0, win.b0])
    total = int(lengths.sum())
    ramp = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    row = np.repeat(np.arange(2 * n_win, dtype=np.int64), lengths)
    t = tag[np.repeat(starts, lengths) + ramp]
    keep = t > 0
    # rows (window, hash group, side, offset, early) sort as one int64
    wid, grp, side, off, early = _sort_rows(
        row[keep] % n_win, (t[keep] >> 1).astype(np.int64), row[keep] // n_win, ramp[keep],
        (t[keep] & 1).astype(np.int64))
    del ramp, row, t, keep
    pos = np.where(side == 0, win.a0[wid], win.b0[wid]) + off
    new = np.r_[True, (wid[1:] != wid[:-1]) | (grp[1:] != grp[:-1])]
    blk = np.flatnonzero(new)
    blk_sizes = np.diff(np.r_[blk, len(pos)])
    n_side_a = np.add.reduceat((side == 0).astype(np.int64), blk)
    # each b-side entry pairs with all a-side entries of its block (they come first)
    partners = np.where(side == 1, np.repeat(n_side_a, blk_sizes), 0)
    n_pairs = int(partners.sum())
    ia = np.arange(n_pairs, dtype=np.int64) - np.repeat(np.cumsum(partners) - partners, partners)
    ia += np.repeat(np.repeat(blk, blk_sizes), partners)
    ib = np.repeat(np.arange(len(pos)), partners)
    pa, pb = pos[ia], pos[ib]
    # the link rule: the earlier occurrence must be among its group's first link_limit
    ok = np.where(pa < pb, early[ia], early[ib]).astype(bool)
    pa, pb = pa[ok], pb[ok]
    # windows of one pair may overlap: count each match once
    n_chars = len(tag)
    code = pa * np.int64(n_chars) + pb
    code.sort()
    code = code[np.r_[True, code[1:] != code[:-1]]]
    pa, pb = code // n_chars, code % n_chars
    lo = doc_of[pa].astype(np.int64)
    return _Seeds(key=lo * n_docs + doc_of[pb], a=pa, b=pb)


# --------------------------------------------------------------------------
# runs and candidate regions
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Runs:
    """Exact-ish matches on one diagonal between two documents.

    Before :func:`_orient_runs` positions are those of the ``b`` document
    (``diag`` = b - a) and ``pair`` is the seed key; afterwards they are
    target positions (``diag`` = target - source) and ``pair`` indexes the
    oriented pair arrays.
    """
    pair: np.ndarray
    diag: np.ndarray
    t0: np.ndarray     # first position (global normalised index)
    t1: np.ndarray     # one past the last matched position
    cover: np.ndarray  # characters covered by the run's exact matches


def _find_runs(seeds: _Seeds, enc: _Encoded, n_docs: int, ngram: int, max_gap: int) -> _Runs:
    """Chain seeds on the same diagonal into runs, bridging gaps <= max_gap.

    A substitution inside copied text breaks ``ngram`` consecutive shingles
    but leaves the diagonal unchanged, so same-diagonal seeds separated by a
    few unmatched characters belong to one run.
    """
    if len(seeds.key) == 0:
        z = np.zeros(0, dtype=np.int64)
        return _Runs(z, z, z, z, z)
    start = enc.doc_start.astype(seeds.b.dtype)
    b_local = seeds.b - start[seeds.key % n_docs]
    diag_local = b_local - (seeds.a - start[seeds.key // n_docs])
    diag_local += int(np.max(enc.doc_end - enc.doc_start))
    order = _argsort_keys(seeds.key, diag_local, b_local)
    del diag_local, b_local
    key, pos = seeds.key[order], seeds.b[order]
    diag = pos - seeds.a[order]
    del order
    step = np.diff(pos)
    new = np.r_[True, (key[1:] != key[:-1]) | (diag[1:] != diag[:-1])
                | (step - ngram > max_gap)]
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], len(pos)] - 1
    # characters of exact match contributed by each seed (its window minus overlap)
    contrib = np.full(len(pos), ngram, dtype=pos.dtype)
    contrib[:-1] = np.minimum(step, ngram)
    contrib[ends] = ngram
    return _Runs(pair=key[starts], diag=diag[starts], t0=pos[starts],
                 t1=pos[ends] + ngram, cover=np.add.reduceat(contrib, starts))


@dataclass(frozen=True)
class _Pairs:
    src_doc: np.ndarray   # int64 document index of the source
    tgt_doc: np.ndarray   # int64 document index of the target


def _orient_runs(runs: _Runs, meta: _Meta) -> tuple[_Runs, _Pairs]:
    """Decide source and target of each pair and express runs in target coordinates."""
    n_docs = len(meta.doc_ids)
    keys, pair = np.unique(runs.pair, return_inverse=True)
    lo_doc, hi_doc = keys // n_docs, keys % n_docs
    lo_first, _ = _orient(meta, lo_doc, hi_doc)
    # runs sit in the higher-indexed document; flip those where it is the source
    flip = ~lo_first[pair]
    diag = np.where(flip, -runs.diag, runs.diag)
    t0 = np.where(flip, runs.t0 - runs.diag, runs.t0)
    t1 = np.where(flip, runs.t1 - runs.diag, runs.t1)
    oriented = _Runs(pair=pair.astype(np.int64).ravel(), diag=diag, t0=t0, t1=t1,
                     cover=runs.cover)
    return oriented, _Pairs(src_doc=np.where(lo_first, lo_doc, hi_doc),
                            tgt_doc=np.where(lo_first, hi_doc, lo_doc))


def _cluster_along_target(keys: Sequence[np.ndarray], t0: np.ndarray, t1: np.ndarray,
                          max_gap: int) -> tuple[np.ndarray, np.ndarray]:
    """Single-linkage clustering of target intervals within groups.

    Intervals in the same group (equal values in every array of ``keys``,
    which must be non-negative integers) join a cluster when they start at
    most ``max_gap`` after the furthest end seen so far in it.

    Returns
    -------
    order : int array sorting the intervals by (keys..., t0)
    cluster : int array (in that order) of cluster ids, increasing
    """
    order = _argsort_keys(*keys, t0)
    a, b = t0[order], t1[order]
    if len(a) == 0:
        return order, np.zeros(0, dtype=np.int64)
    new_group = np.zeros(len(a), dtype=bool)
    new_group[0] = True
    for key in keys:
        k = key[order]
        new_group[1:] |= k[1:] != k[:-1]
    # running maximum of interval ends, restarted at every group: the group
    # rank times a large offset dominates, so maxima never leak across groups
    rank = np.cumsum(new_group) - 1
    big = np.int64(int(b.max()) + 2 * max_gap + 2)
    reach = np.maximum.accumulate(rank * big + b) - rank * big
    new = new_group.copy()
    new[1:] |= a[1:] > reach[:-1] + max_gap
    return order, np.cumsum(new) - 1


def _subset_runs(runs: _Runs, keep: np.ndarray) -> _Runs:
    return _Runs(runs.pair[keep], runs.diag[keep], runs.t0[keep],
                 runs.t1[keep], runs.cover[keep])


def _select_supported_runs(runs: _Runs, max_gap: int, min_cover: int) -> _Runs:
    """Keep runs that belong to a diagonal band with enough exact matches.

    Coincidental matches (shared stock phrases) are short and scattered over
    unrelated diagonals; copied passages pile up seeds in one narrow band of
    diagonals.  Runs are grouped by (pair, band of diagonals) on two grids
    offset by half a band, so a passage whose diagonal drifts across a band
    edge still lands within one band of the other grid.
    """
    if len(runs.pair) == 0:
        return runs
    # cheap first cut: a pair whose runs cover too little in total cannot
    # pass (runs arrive sorted by pair key, so segment sums suffice)
    starts = np.flatnonzero(np.r_[True, runs.pair[1:] != runs.pair[:-1]])
    pair_cover = np.add.reduceat(runs.cover, starts)
    sizes = np.diff(np.r_[starts, len(runs.pair)])
    runs = _subset_runs(runs, np.repeat(pair_cover >= min_cover, sizes))
    if len(runs.pair) == 0:
        return runs
    # small per-pair coordinates keep the sort keys packable into one int64
    starts = np.flatnonzero(np.r_[True, runs.pair[1:] != runs.pair[:-1]])
    sizes = np.diff(np.r_[starts, len(runs.pair)])
    dense = np.repeat(np.arange(len(starts)), sizes)
    diag = runs.diag - np.repeat(np.minimum.reduceat(runs.diag, starts), sizes)
    t_base = np.repeat(np.minimum.reduceat(runs.t0, starts), sizes)
    t0, t1 = runs.t0 - t_base, runs.t1 - t_base
    width = 4 * max_gap + 8
    keep = np.zeros(len(runs.pair), dtype=bool)
    for offset in (0, width // 2):
        band = (diag + offset) // width
        order, cluster = _cluster_along_target((dense, band), t0, t1, max_gap)
        cover = np.bincount(cluster, weights=runs.cover[order])
        keep[order[cover[cluster] >= min_cover]] = True
    return _subset_runs(runs, keep)


# --------------------------------------------------------------------------
# chaining, extension and alignment
# --------------------------------------------------------------------------
@dataclass
class _Region:
    """A candidate passage in global normalised coordinates ([start, end))."""
    s0: int
    s1: int
    t0: int
    t1: int


def _chain_runs(runs: list[tuple[int, int, int, int, int]], ngram: int,
                max_gap: int) -> list[int]:
    """Return indices of the best chain of runs (co-linear, small gaps).

    ``runs`` are (t0, t1, s0, s1, cover) sorted by t0.  The chain maximises
    covered characters subject to both target and source advancing with gaps
    of at most ``max_gap`` (overlaps up to ``ngram`` tolerated, as exact
    matches next to an indel can share a few characters).
    """
    n = len(runs)
    best = [r[4] for r in runs]
    back = [-1] * n
    for j in range(n):
        t0j, t1j, s0j, s1j, cj = runs[j]
        for i in range(max(0, j - _CHAIN_LOOKBACK), j):
            t0i, t1i, s0i, s1i, _ = runs[i]
            if t1i >= t1j or s1i >= s1j or s0i > s0j:
                continue
            gt, gs = t0j - t1i, s0j - s1i
            if gt > max_gap or gs > max_gap or gt < -ngram or gs < -ngram:
                continue
            cand = best[i] + cj - max(0, -gt)
            if cand > best[j]:
                best[j], back[j] = cand, i
    j = max(range(n), key=lambda x: (best[x], -x))
    chain = []
    while j >= 0:
        chain.append(j)
        j = back[j]
    return chain[::-1]


def _regions_from_runs(runs: list[tuple[int, int, int, int, int]], ngram: int,
                       max_gap: int, min_cover: int) -> list[_Region]:
    """Split one target cluster of runs into co-linear regions, best first."""
    regions: list[_Region] = []
    remaining = sorted(runs)
    while remaining and sum(r[4] for r in remaining) >= min_cover:
        chain = [remaining[i] for i in _chain_runs(remaining, ngram, max_gap)]
        if sum(r[4] for r in chain) < min_cover:
            break
        reg = _Region(s0=min(r[2] for r in chain), s1=max(r[3] for r in chain),
                      t0=chain[0][0], t1=max(r[1] for r in chain))
        regions.append(reg)
        # runs overlapping this region in the target are alternative
        # alignments of the same text (repeats in the source): drop them
        remaining = [r for r in remaining if r[1] <= reg.t0 or r[0] >= reg.t1]
    return regions


def _walk_blocks(blocks: Sequence[tuple[int, int, int]], x_drop: int) -> tuple[int, int]:
    """X-drop walk over matching blocks that start next to a region edge.

    Each block (i, j, size) gains ``size``; the unmatched stretch before it
    costs max(gap in source, gap in target).  Returns how far to extend in the
    source and in the target (characters) at the best running score.
    """
    score = best = 0
    pa = pb = 0
    best_ext = (0, 0)
    for i, j, size in blocks:
        if size == 0:
            continue
        score += size - max(i - pa, j - pb)
        pa, pb = i + size, j + size
        if score > best:
            best, best_ext = score, (pa, pb)
        elif score < best - x_drop:
            break
    return best_ext


def _difflib_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    # autojunk would treat frequent characters (的, 城, 市 ...) as junk
    return [tuple(m) for m in difflib.SequenceMatcher(None, a, b, autojunk=False)
            .get_matching_blocks() if m.size]


def _anchor_cuts(a: str, b: str, step: int, probe: int = 16,
                 slack: int = 300) -> list[tuple[int, int]]:
    """Return co-linear cut points (i, j) where a[i:i+probe] == b[j:j+probe].

    Cuts are about ``step`` characters apart in ``a``; each is an exact
    ``probe``-character match found once within ``slack`` characters of the
    diagonal of the previous cut, so an alignment can safely pass through it.
    """
    cuts: list[tuple[int, int]] = []
    i_prev = j_prev = 0
    p = step
    while p < len(a) - step // 2:
        found = None
        for q in range(p, min(p + step // 4, len(a) - probe)):
            expected = j_prev + (q - i_prev)
            lo, hi = max(j_prev, expected - slack), min(len(b), expected + slack + probe)
            j = b.find(a[q:q + probe], lo, hi)
            if j >= 0 and b.find(a[q:q + probe], j + 1, hi) < 0:
                found = (q, j)
                break
        if found:
            cuts.append(found)
            i_prev, j_prev = found
            p = found[0] + step
        else:
            p += step
    return cuts


def _matching_blocks(a: str, b: str, piece: int = 800) -> list[tuple[int, int, int]]:
    """Return difflib matching blocks (i, j, size) of ``a`` and ``b``, in order.

    difflib is roughly quadratic, so long near-copies (whole reposted
    documents) are cut at exact anchor matches about ``piece`` characters
    apart and each piece is aligned on its own.
    """
    if len(a) <= 2 * piece or len(b) <= 2 * piece:
        return _difflib_blocks(a, b)
    blocks: list[tuple[int, int, int]] = []
    i0 = j0 = 0
    for i1, j1 in _anchor_cuts(a, b, piece) + [(len(a), len(b))]:
        for i, j, size in _difflib_blocks(a[i0:i1], b[j0:j1]):
            last = blocks[-1] if blocks else None
            if last and (last[0] + last[2], last[1] + last[2]) == (i0 + i, j0 + j):
                blocks[-1] = (last[0], last[1], last[2] + size)   # runs across the cut
            else:
                blocks.append((i0 + i, j0 + j, size))
        i0, j0 = i1, j1
    return blocks


def _extend_region(reg: _Region, norm: str, s_lo: int, s_hi: int, t_lo: int, t_hi: int,
                   x_drop: int) -> _Region:
    """Extend a seeded region outwards over near-matching text (X-drop)."""
    w = _EXTEND_WINDOW
    # left: align reversed prefixes so blocks are ordered by distance from the edge
    a = norm[max(s_lo, reg.s0 - w):reg.s0][::-1]
    b = norm[max(t_lo, reg.t0 - w):reg.t0][::-1]
    ls, lt = _walk_blocks(_matching_blocks(a, b), x_drop)
    a = norm[reg.s1:min(s_hi, reg.s1 + w)]
    b = norm[reg.t1:min(t_hi, reg.t1 + w)]
    rs, rt = _walk_blocks(_matching_blocks(a, b), x_drop)
    return _Region(reg.s0 - ls, reg.s1 + rs, reg.t0 - lt, reg.t1 + rt)


def _trim_and_score(reg: _Region, norm: str) -> tuple[_Region, float]:
    """Align a region, trim unmatched ends and return it with its similarity.

    Similarity is 2 * matched / (source length + target length) over the
    trimmed normalised strings (difflib's ratio), 0-1.
    """
    a, b = norm[reg.s0:reg.s1], norm[reg.t0:reg.t1]
    blocks = _matching_blocks(a, b)
    if not blocks:
        return reg, 0.0
    i0, j0 = blocks[0][0], blocks[0][1]
    i1, j1 = blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]
    matched = sum(m[2] for m in blocks)
    trimmed = _Region(reg.s0 + i0, reg.s0 + i1, reg.t0 + j0, reg.t0 + j1)
    return trimmed, 2.0 * matched / ((i1 - i0) + (j1 - j0))


def _merge_regions(regions: list[_Region], max_gap: int) -> list[_Region]:
    """Merge regions that overlap or nearly touch on both sides consistently.

    Seeds never cover boilerplate, so one copied paragraph with a boilerplate
    sentence inside arrives as two regions; extension makes them overlap.
    """
    merged: list[_Region] = []
    for reg in sorted(regions, key=lambda r: (r.t0, r.s0)):
        if merged:
            cur = merged[-1]
            gt, gs = reg.t0 - cur.t1, reg.s0 - cur.s1
            shift = abs((reg.t0 - reg.s0) - (cur.t1 - cur.s1))
            if (gt <= max_gap and gs <= max_gap and reg.s1 > cur.s0
                    and reg.t1 > cur.t0 and shift <= max_gap + max(0, -gt, -gs)):
                merged[-1] = _Region(min(cur.s0, reg.s0), max(cur.s1, reg.s1),
                                     cur.t0, max(cur.t1, reg.t1))
                continue
        merged.append(reg)
    return merged


def _clusters_by_pair(runs: _Runs, max_gap: int, min_cover: int
                      ) -> list[tuple[int, list[list[tuple[int, int, int, int, int]]]]]:
    """Group oriented runs into target clusters, per pair.

    Returns a list of (pair index, clusters), each cluster a list of runs
    (t0, t1, s0, s1, cover) in global normalised coordinates; clusters
    covering fewer than ``min_cover`` characters are left out.
    """
    order, cluster = _cluster_along_target((runs.pair,), runs.t0, runs.t1, max_gap)
    pair, t0, t1 = runs.pair[order], runs.t0[order], runs.t1[order]
    s0, s1, cover = t0 - runs.diag[order], t1 - runs.diag[order], runs.cover[order]
    bounds = np.flatnonzero(np.r_[True, cluster[1:] != cluster[:-1], True])
    grouped: list[tuple[int, list]] = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        if cover[lo:hi].sum() < min_cover:
            continue
        runs_here = list(zip(t0[lo:hi].tolist(), t1[lo:hi].tolist(), s0[lo:hi].tolist(),
                             s1[lo:hi].tolist(), cover[lo:hi].tolist()))
        pid = int(pair[lo])
        if grouped and grouped[-1][0] == pid:
            grouped[-1][1].append(runs_here)
        else:
            grouped.append((pid, [runs_here]))
    return grouped


def _align_candidates(runs: _Runs, pairs: _Pairs, enc: _Encoded, norm: str,
                      boiler_cum: np.ndarray, meta: _Meta, *, ngram: int,
                      min_chars: int, min_similarity: float, max_gap: int,
                      progress: bool) -> list[dict]:
    """Turn supported runs into scored passages (one dict per passage)."""
    grouped = _clusters_by_pair(runs, max_gap, _min_cover(ngram, min_chars))
    if progress:
        from tqdm.auto import tqdm
        grouped = tqdm(grouped, desc="aligning candidate pairs", unit="pair")
    out: list[dict] = []
    for pid, clusters in grouped:
        sd, td = int(pairs.src_doc[pid]), int(pairs.tgt_doc[pid])
        regions = _regions_of_pair(clusters, norm, enc, sd, td, ngram, max_gap,
                                   _min_cover(ngram, min_chars))
        for reg in regions:
            passage = _score_region(reg, norm, boiler_cum, enc, meta, sd, td)
            # boilerplate characters do not count towards the minimum length
            non_boiler = passage["aligned_chars"] * (1 - passage["boilerplate_share"])
            if passage["similarity"] >= min_similarity and non_boiler >= min_chars:
                out.append(passage)
    return out


def _regions_of_pair(clusters: list[list[tuple[int, int, int, int, int]]], norm: str,
                     enc: _Encoded, sd: int, td: int, ngram: int, max_gap: int,
                     min_cover: int) -> list[_Region]:
    """Chain, extend and merge the run clusters of one (source, target) pair."""
    s_lo, s_hi = int(enc.doc_start[sd]), int(enc.doc_end[sd])
    t_lo, t_hi = int(enc.doc_start[td]), int(enc.doc_end[td])
    regions = [_extend_region(reg, norm, s_lo, s_hi, t_lo, t_hi, max_gap)
               for cl in clusters
               for reg in _regions_from_runs(cl, ngram, max_gap, min_cover)]
    return _merge_regions(regions, max_gap)


def _score_region(reg: _Region, norm: str, boiler_cum: np.ndarray, enc: _Encoded,
                  meta: _Meta, sd: int, td: int) -> dict:
    """Align a final region and describe it in original-text coordinates."""
    reg, sim = _trim_and_score(reg, norm)
    s_start = int(enc.orig_off[reg.s0])
    s_end = int(enc.orig_off[reg.s1 - 1]) + 1
    t_start = int(enc.orig_off[reg.t0])
    t_end = int(enc.orig_off[reg.t1 - 1]) + 1
    n_norm = reg.t1 - reg.t0
    boiler = float(boiler_cum[reg.t1] - boiler_cum[reg.t0]) / n_norm if n_norm else 0.0
    src_text, tgt_text = meta.texts[sd], meta.texts[td]
    aligned = t_end - t_start
    return {
        "_src": sd, "_tgt": td,
        "source_doc_id": meta.doc_ids[sd], "target_doc_id": meta.doc_ids[td],
        "source_start": s_start, "source_end": s_end,
        "target_start": t_start, "target_end": t_end,
        "source_text": src_text[s_start:s_end], "target_text": tgt_text[t_start:t_end],
        "aligned_chars": aligned, "similarity": sim, "boilerplate_share": boiler,
    }


# --------------------------------------------------------------------------
# summaries
# --------------------------------------------------------------------------
def _union_length(intervals: list[tuple[int, int]]) -> int:
    """Return the number of positions covered by half-open intervals."""
    total, reach = 0, None
    for a, b in sorted(intervals):
        if reach is None or a >= reach:
            total += b - a
            reach = b
        elif b > reach:
            total += b - reach
            reach = b
    return total


def _summarise_pairs(passages: list[dict], meta: _Meta) -> pd.DataFrame:
    """Aggregate passages into the document-pair table, sorted by score."""
    if not passages:
        return pd.DataFrame({c: pd.Series(dtype=_PAIR_DTYPES.get(c, object))
                             for c in PAIR_COLUMNS})
    by_pair: dict[tuple[int, int], list[dict]] = {}
    for p in passages:
        by_pair.setdefault((p["_src"], p["_tgt"]), []).append(p)
    src = np.array([k[0] for k in by_pair], dtype=np.int64)
    tgt = np.array([k[1] for k in by_pair], dtype=np.int64)
    _, basis = _orient(meta, src, tgt)
    rows = []
    for (sd, td), ps, b in zip(by_pair, by_pair.values(), basis):
        lengths = np.array([p["aligned_chars"] for p in ps], dtype=float)
        sims = np.array([p["similarity"] for p in ps])
        boil = np.array([p["boilerplate_share"] for p in ps])
        t_cov = _union_length([(p["target_start"], p["target_end"]) for p in ps])
        s_cov = _union_length([(p["source_start"], p["source_end"]) for p in ps])
        ys, yt = meta.year[sd], meta.year[td]
        rows.append({
            "source_doc_id": meta.doc_ids[sd], "target_doc_id": meta.doc_ids[td],
            "source_date": meta.dates[sd], "target_date": meta.dates[td],
            "source_level": meta.levels[sd], "target_level": meta.levels[td],
            "same_year": bool(ys == 0 or yt == 0 or ys == yt),
            "direction_basis": _BASIS_NAMES[b],
            "n_passages": len(ps),
            "aligned_chars": t_cov,
            "source_aligned_chars": s_cov,
            "target_share": t_cov / max(len(meta.texts[td]), 1),
            "source_share": s_cov / max(len(meta.texts[sd]), 1),
            "similarity": float(np.average(sims, weights=lengths)),
            "boilerplate_share": float(np.average(boil, weights=lengths)),
            "score": float(np.sum(lengths * sims * (1 - boil))),
        })
    pairs = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    pairs = pairs.sort_values(["score", "source_doc_id", "target_doc_id"],
                              ascending=[False, True, True], kind="stable")
    return pairs.reset_index(drop=True).astype(_PAIR_DTYPES)


_PAIR_DTYPES = {
    "same_year": bool, "n_passages": np.int64, "aligned_chars": np.int64,
    "source_aligned_chars": np.int64, "target_share": float, "source_share": float,
    "similarity": float, "boilerplate_share": float, "score": float,
}
_PASSAGE_DTYPES = {
    "source_start": np.int64, "source_end": np.int64, "target_start": np.int64,
    "target_end": np.int64, "aligned_chars": np.int64, "similarity": float,
    "boilerplate_share": float,
}


def _order_passages(passages: list[dict], pairs: pd.DataFrame) -> pd.DataFrame:
    """Return the passage table ordered like the pair table, then by target_start."""
    if not passages:
        return pd.DataFrame({c: pd.Series(dtype=_PASSAGE_DTYPES.get(c, object))
                             for c in PASSAGE_COLUMNS})
    df = pd.DataFrame(passages)[PASSAGE_COLUMNS]
    rank = {(s, t): i for i, (s, t) in
            enumerate(zip(pairs["source_doc_id"], pairs["target_doc_id"]))}
    df["_rank"] = [rank[(s, t)] for s, t in zip(df["source_doc_id"], df["target_doc_id"])]
    df = df.sort_values(["_rank", "target_start", "source_start"], kind="stable")
    return df.drop(columns="_rank").reset_index(drop=True).astype(_PASSAGE_DTYPES)


def _passages_of(reuse: ReuseResult | pd.DataFrame) -> pd.DataFrame:
    if isinstance(reuse, ReuseResult):
        return reuse.passages
    needed = {"source_doc_id", "target_doc_id", "target_start", "target_end"}
    if not needed <= set(reuse.columns):
        raise ValueError(
            "need the passage table (find_reuse(...).passages) or the ReuseResult; "
            "the pair table has no passage offsets")
    return reuse


def _pairs_of(reuse: ReuseResult | pd.DataFrame) -> pd.DataFrame:
    return reuse.pairs if isinstance(reuse, ReuseResult) else reuse


def reuse_by_level(corpus: pd.DataFrame, reuse: ReuseResult | pd.DataFrame) -> pd.DataFrame:
    """Share of each document's text reused from sources of each level.

    Parameters
    ----------
    corpus : DataFrame
        The corpus given to :func:`find_reuse` (doc_id, text, level; year
        optional).
    reuse : ReuseResult or DataFrame
        The result of :func:`find_reuse` or its ``passages`` table (the pair
        table has no offsets, so it cannot be used).

    Returns
    -------
    DataFrame
        One row per corpus document (as a target), in corpus order: doc_id,
        level, year (if in corpus), n_chars, ``share_any`` (share of the text
        covered by passages from any source, 0-1) and ``share_from_<level>``
        for each level in :data:`LEVELS` (plus any other level present,
        missing levels being 'unknown'):
        the share of the text, 0-1, covered by passages whose source has that
        level.  Each target character counts once per source level, however
        many sources of that level it came from, so the per-level shares can
        add up to more than ``share_any``.
    """
    passages = _passages_of(reuse)
    doc_ids = corpus["doc_id"].astype(str).tolist()
    doc_levels = (corpus["level"].fillna("unknown").astype(str).tolist()
                  if "level" in corpus else ["unknown"] * len(corpus))
    level_of = dict(zip(doc_ids, doc_levels))
    levels = list(LEVELS) + sorted(set(doc_levels) - set(LEVELS))
    # target spans per (target, source level)
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    all_spans: dict[str, list[tuple[int, int]]] = {}
    for s, t, a, b in zip(passages["source_doc_id"], passages["target_doc_id"],
                          passages["target_start"], passages["target_end"]):
        span = (int(a), int(b))
        spans.setdefault((str(t), level_of.get(str(s), "unknown")), []).append(span)
        all_spans.setdefault(str(t), []).append(span)
    years = corpus["year"].tolist() if "year" in corpus else None
    rows = []
    for k, (doc_id, text, level) in enumerate(zip(doc_ids, corpus["text"], doc_levels)):
        n = len(text) if isinstance(text, str) else 0
        row: dict[str, object] = {"doc_id": doc_id, "level": level}
        if years is not None:
            row["year"] = years[k]
        row["n_chars"] = n
        row["share_any"] = _union_length(all_spans.get(doc_id, [])) / n if n else 0.0
        for lvl in levels:
            row[f"share_from_{lvl}"] = (
                _union_length(spans.get((doc_id, lvl), [])) / n if n else 0.0)
        rows.append(row)
    return pd.DataFrame(rows)


def reuse_network(corpus: pd.DataFrame, reuse: ReuseResult | pd.DataFrame, *,
                  min_score: float = 0.0) -> nx.DiGraph:
    """Directed reuse network: an edge source -> target per document pair.

    Parameters
    ----------
    corpus : DataFrame
        The corpus (doc_id; level, year, title, date, region used when present).
    reuse : ReuseResult or DataFrame
        The result of :func:`find_reuse` or its ``pairs`` table.
    min_score : float
        Leave out pairs whose ``score`` is below this.

    Returns
    -------
    networkx.DiGraph
        Every corpus document is a node (attributes level, year, title, short_title, date,
        region where available).  Edge attributes: ``weight`` =
        aligned_chars (target characters reused), plus target_share,
        source_share, similarity, score, n_passages, same_year and
        direction_basis.
    """
    pairs = _pairs_of(reuse)
    g = nx.DiGraph()
    attrs = [c for c in ("level", "year", "title", "short_title", "date", "region") if c in corpus]
    for row in corpus[["doc_id"] + attrs].itertuples(index=False):
        g.add_node(str(row[0]), **{a: _plain(v) for a, v in zip(attrs, row[1:])})
    edge_attrs = ["target_share", "source_share", "similarity", "score",
                  "n_passages", "same_year", "direction_basis"]
    for row in pairs.itertuples(index=False):
        if row.score < min_score:
            continue
        g.add_edge(str(row.source_doc_id), str(row.target_doc_id),
                   weight=int(row.aligned_chars),
                   **{a: _plain(getattr(row, a)) for a in edge_attrs if hasattr(row, a)})
    return g


def _plain(value: object) -> object:
    """Convert numpy scalars to Python ones so graphs serialise cleanly."""
    return value.item() if isinstance(value, np.generic) else value


# --------------------------------------------------------------------------
# side-by-side display
# --------------------------------------------------------------------------
def align_passages(a: str, b: str) -> list[tuple[str, str, str]]:
    """Character-level alignment of two passages as edit segments.

    Parameters
    ----------
    a, b : str
        Source and target passage (e.g. ``source_text`` / ``target_text`` of
        a passage row).

    Returns
    -------
    list of (op, a_text, b_text)
        ``op`` is 'equal', 'replace', 'delete' (text only in ``a``) or
        'insert' (text only in ``b``).  Concatenating the a_text parts gives
        ``a`` and the b_text parts give ``b``.
    """
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(op, a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes()]


class AlignmentHTML(str):
    """An HTML string that Jupyter renders instead of printing."""

    def _repr_html_(self) -> str:
        return str(self)


def format_alignment_html(a: str, b: str, *, labels: tuple[str, str] = ("source", "target")
                          ) -> AlignmentHTML:
    """Side-by-side HTML view of two passages with edits highlighted.

    Text only in ``a`` (deleted or replaced) is struck through on a red
    background in the left column; text only in ``b`` (inserted or
    replacing) is on a green background in the right column.

    Returns
    -------
    AlignmentHTML
        A ``str`` holding a small ``<table>``; displays as HTML in Jupyter.
    """
    left, right = [], []
    for op, x, y in align_passages(a, b):
        x, y = html.escape(x), html.escape(y)
        if op == "equal":
            left.append(x)
            right.append(y)
            continue
        if x:
            left.append(f'<del style="background:#fdd">{x}</del>')
        if y:
            right.append(f'<ins style="background:#dfd;text-decoration:none">{y}</ins>')
    cell = 'style="vertical-align:top;text-align:left;width:50%;white-space:pre-wrap"'
    la, lb = (html.escape(x) for x in labels)
    return AlignmentHTML(
        '<table class="reuse-alignment">'
        f"<tr><th>{la}</th><th>{lb}</th></tr>"
        f"<tr><td {cell}>{''.join(left)}</td><td {cell}>{''.join(right)}</td></tr>"
        "</table>")
