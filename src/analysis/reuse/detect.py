"""find_reuse: the detector's entry point, its parameters and the order of its steps."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..provenance import Provenance
from ..shingles import Encoded, encode_corpus
from .align import align_candidates
from .candidates import candidate_windows, find_runs, min_cover, orient_runs, select_supported_runs
from .direction import precedence_rank, prepare_meta
from .index import ShingleIndex, index_shingles, mark_boilerplate
from .result import ReuseResult
from .seeds import Seeds, pair_seeds, window_seeds
from .summary import order_passages, summarise_pairs

PROGRESS_MIN_DOCS = 200


# Winnowing window of the stage-1 sample, in shingles (see find_reuse, step
# 4).  Any copied run of this many seed shingles is sure to be sampled; 8
# keeps about a fifth of the full index's matches while finding the same
# passages on heavily edited real text (12 already misses a few); 1 turns
# sampling off (every seed match listed, as the full index).
SAMPLE_WINDOW = 8


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
        sampled first (see :mod:`analysis.reuse`, step 4).  Results do not
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
        ``.passages`` (one row per passage), ``.params`` and ``.provenance``
        (a :class:`analysis.provenance.Provenance` of the parameters); see :class:`ReuseResult`.
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
    check_params(ngram, min_chars, min_similarity, max_gap, boilerplate_df, max_sources)
    meta = prepare_meta(corpus)
    n_docs = len(meta.doc_ids)
    threshold = resolve_boilerplate_threshold(boilerplate_df, n_docs)
    show = n_docs > PROGRESS_MIN_DOCS if progress is None else bool(progress)
    enc = encode_corpus(meta.texts, np.argsort(precedence_rank(meta)))
    window = SAMPLE_WINDOW
    index = index_shingles(enc.codes, enc.doc_of, ngram, random_state, threshold, max_sources, window)
    boiler_cum = mark_boilerplate(index.boilerplate_pos, len(enc.codes), ngram)
    cover = min_cover(ngram, min_chars)
    seeds, n_sampled, n_windows = _seed_matches(index, enc, n_docs, ngram, max_gap, window, cover)
    n_seeds = len(seeds.key)
    runs = select_supported_runs(find_runs(seeds, enc, n_docs, ngram, max_gap), max_gap, cover)
    del seeds
    runs, pair_docs = orient_runs(runs, meta)
    norm_text = enc.codes.tobytes().decode("utf-32-le")
    found = align_candidates(
        runs,
        pair_docs,
        enc,
        norm_text,
        boiler_cum,
        meta,
        ngram=ngram,
        min_chars=min_chars,
        min_similarity=min_similarity,
        max_gap=max_gap,
        progress=show,
    )
    params = {
        "ngram": ngram,
        "min_chars": min_chars,
        "min_similarity": min_similarity,
        "max_gap": max_gap,
        "boilerplate_df": boilerplate_df,
        "boilerplate_df_threshold": threshold,
        "max_sources": max_sources,
        "random_state": random_state,
        "n_docs": n_docs,
        "n_normalised_chars": len(enc.codes),
        "n_boilerplate_shingles": int(index.n_boilerplate_hashes),
        "boilerplate_char_share": float(boiler_cum[-1] / max(len(enc.codes), 1)),
        "n_seed_matches": int(n_seeds),
        "sample_window": window,
        "n_sampled_matches": int(n_sampled),
        "n_candidate_windows": int(n_windows),
        "n_candidate_pairs": len(pair_docs.src_doc),
        **method_notes(ngram, threshold),
    }
    pairs = summarise_pairs(found, meta)
    passages = order_passages(found, pairs)
    return ReuseResult(
        pairs=pairs, passages=passages, params=params, provenance=Provenance("find_reuse", params=params)
    )


def _seed_matches(
    index: ShingleIndex, enc: Encoded, n_docs: int, ngram: int, max_gap: int, window: int, cover: int
) -> tuple[Seeds, int, int]:
    """List the seed matches the runs are built from (steps 3-4 of the method).

    Returns
    -------
    (seeds, n_sampled, n_windows)
        The seed matches; how many sampled matches stage 1 paired; how many
        candidate windows stage 2 searched (0 without sampling, when every seed
        match of the full index is listed).
    """
    if window > 1:
        assert index.tag is not None, "the index was built without sampling"
        win, n_sampled = candidate_windows(index, enc, n_docs, ngram, max_gap, window, cover)
        return window_seeds(index.tag, win, n_docs, enc.doc_of), n_sampled, len(win.key)
    seeds = pair_seeds(index, enc.doc_of, n_docs)
    return seeds, len(seeds.key), 0


def method_notes(ngram: int, threshold: int) -> dict[str, str]:
    """Plain-language statements of the boilerplate, score and direction rules (for ``params``)."""
    return {
        "boilerplate_method": (
            f"shingles of {ngram} normalised characters found in more than "
            f"{threshold} documents are boilerplate: they never seed a pair; "
            "passage characters they cover are excluded from min_chars and "
            "down-weight score by (1 - boilerplate_share)"
        ),
        "score_method": "sum over passages of aligned_chars * similarity * (1 - boilerplate_share)",
        "direction_method": (
            "source = earlier date compared at the precision both dates share; "
            "ties by level rank central<ministry<provincial<prefecture<county, "
            "then doc_id"
        ),
    }


def check_params(
    ngram: int, min_chars: int, min_similarity: float, max_gap: int, boilerplate_df: float | int, max_sources: int
) -> None:
    """Raise ValueError for a parameter of :func:`find_reuse` outside its range."""
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


def resolve_boilerplate_threshold(boilerplate_df: float | int, n_docs: int) -> int:
    """Return the DF above which a shingle is boilerplate (number of documents)."""
    if isinstance(boilerplate_df, float) and boilerplate_df < 1:
        return max(5, math.ceil(boilerplate_df * n_docs))
    return int(boilerplate_df)
