"""Segment a whole corpus: cache look-up, optional worker processes, progress bar."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pandas as pd
from tqdm import tqdm

from . import cache as _cache
from . import tokenizer as _tokenizer

__all__ = ["PARALLEL_MIN_BYTES", "PROGRESS_MIN_BYTES", "PROGRESS_MIN_DOCS", "default_n_jobs", "tokenize_corpus"]

#: ``tokenize_corpus`` shows a progress bar above either threshold (texts to segment, bytes of UTF-8).
PROGRESS_MIN_DOCS = 200
PROGRESS_MIN_BYTES = 2_000_000
#: With ``n_jobs=None``, ``tokenize_corpus`` segments in worker processes only above this much new
#: text (bytes of UTF-8).  rjieba with filtering runs at about 2-4 MB/s on one core, and sending
#: tokens back from a worker costs a good part of that: on the shared 2-core benchmark machine
#: two workers were slower than one process at 2, 8 and 16 MB (``benchmarks/RESULTS.md``), so
#: processes are kept for corpora of tens of MB, where they pay on machines with idle cores.
PARALLEL_MIN_BYTES = 32_000_000
#: At most this many worker processes by default: returning token lists to the parent is serial.
_MAX_DEFAULT_JOBS = 4
# Newly segmented texts are written to disk in batches of this size, so an interrupted run keeps its work.
_WRITE_BATCH = 500

Segmenter = Callable[[str], list[str]]
Found = dict[str, "list[str] | tuple[str, ...]"]


def _as_texts(corpus: Any, text_col: str) -> tuple[list[str], pd.Index]:
    """Return the texts of a DataFrame column, Series or iterable, plus an index."""
    if isinstance(corpus, pd.DataFrame):
        if text_col not in corpus.columns:
            raise KeyError(f"corpus has no column {text_col!r}")
        series = corpus[text_col]
    elif isinstance(corpus, pd.Series):
        series = corpus
    elif isinstance(corpus, str):
        raise TypeError("pass a DataFrame, Series or list of texts, not a single str")
    else:
        series = pd.Series(list(corpus), dtype=object)
    texts = []
    for value in series.tolist():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            value = ""  # a missing text has no tokens
        elif not isinstance(value, str):
            raise TypeError(f"texts must be str, got {type(value).__name__}")
        texts.append(value)
    return texts, series.index


_WORKER_TOKENIZER: Segmenter | None = None


def _init_worker(tokenizer: Segmenter) -> None:
    global _WORKER_TOKENIZER
    _WORKER_TOKENIZER = tokenizer


# Tokens travel back from a worker as one string per text: pickling a list of
# strings costs about as much as segmenting it with rjieba.  No token holds
# this control character (the engines split text at it, and the filters drop
# tokens without a letter, digit or CJK character).
_SEP = "\x1f"


def _worker_tokenize(text: str) -> str | list[str]:
    assert _WORKER_TOKENIZER is not None
    tokens = _WORKER_TOKENIZER(text)
    joined = _SEP.join(tokens)
    # A foreign tokenizer might keep the separator inside a token: then send the list (and [] as []).
    return tokens if joined.count(_SEP) != len(tokens) - 1 else joined


def _unpack(packed: str | list[str]) -> list[str]:
    if isinstance(packed, list):
        return packed
    return packed.split(_SEP)  # an empty list travels as a list, so "" is [""]


def _segment_all(tokenizer: Segmenter, texts: list[str], n_jobs: int) -> Iterator[list[str]]:
    """Yield the tokens of each text, in order, optionally in worker processes."""
    if n_jobs == 1 or len(texts) < 2:
        for text in texts:
            yield tokenizer(text)
        return
    chunksize = max(1, len(texts) // (n_jobs * 16))
    # The tokenizer goes to each worker once (initializer), not once per task:
    # unpickling it would otherwise reload jieba's dictionary every chunk.
    with ProcessPoolExecutor(max_workers=n_jobs, initializer=_init_worker, initargs=(tokenizer,)) as pool:
        for packed in pool.map(_worker_tokenize, texts, chunksize=chunksize):
            yield _unpack(packed)


def _shared(tokens: list[str]) -> list[str]:
    """The tokens as the one copy of each distinct string (interned): a corpus repeats a vocabulary
    of some 10^5 words millions of times, and a separate string per occurrence costs 60-80 bytes."""
    return list(map(sys.intern, tokens))


def _cached_tokens(fingerprint: str, hashes: list[str], disk: _cache.DiskCache) -> Found:
    """Return the tokens already cached for ``hashes``: memory first, then disk (copied into memory)."""
    memory = _cache.MEMORY_CACHE
    found: Found = {}
    for key in dict.fromkeys(hashes):
        hit = memory.get((fingerprint, key))
        if hit is not None:
            found[key] = hit
    missing = [key for key in dict.fromkeys(hashes) if key not in found]
    for key, tokens in disk.get_many(fingerprint, missing).items():
        found[key] = tokens = _shared(tokens)
        memory.put((fingerprint, key), tuple(tokens))
    return found


def _utf8_size(todo: dict[str, str]) -> int:
    return sum(len(text) for text in todo.values()) * 3  # ~UTF-8 size of CJK


def _want_progress(todo: dict[str, str]) -> bool:
    return len(todo) > PROGRESS_MIN_DOCS or _utf8_size(todo) > PROGRESS_MIN_BYTES


def default_n_jobs(n_bytes: int) -> int:
    """Return the worker processes ``tokenize_corpus(n_jobs=None)`` uses for ``n_bytes`` of new text.

    Returns
    -------
    int
        1 (in-process) below :data:`PARALLEL_MIN_BYTES`, else the usable
        cores, at most 4.
    """
    if n_bytes < PARALLEL_MIN_BYTES:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows lack sched_getaffinity
        cores = os.cpu_count() or 1
    return max(1, min(cores, _MAX_DEFAULT_JOBS))


def _segment_missing(
    tokenizer: Segmenter,
    todo: dict[str, str],
    found: Found,
    *,
    fingerprint: str | None,
    disk: _cache.DiskCache | None,
    n_jobs: int,
    progress: bool,
) -> None:
    """Segment the texts of ``todo`` (hash -> text) into ``found``, storing them when caching."""
    pending: list[tuple[str, list[str]]] = []
    segmented = _segment_all(tokenizer, list(todo.values()), n_jobs)
    bar = tqdm(zip(todo, segmented), total=len(todo), desc="segmenting", unit="doc", disable=not progress)
    for key, tokens in bar:
        found[key] = tokens = _shared(tokens)
        if fingerprint and disk is not None:
            _cache.MEMORY_CACHE.put((fingerprint, key), tuple(tokens))
            pending.append((key, tokens))
            if len(pending) >= _WRITE_BATCH:
                disk.put_many(fingerprint, pending)
                pending.clear()
    if fingerprint and disk is not None:
        disk.put_many(fingerprint, pending)


def tokenize_corpus(
    corpus: pd.DataFrame | pd.Series | Iterable[str],
    text_col: str = "text",
    *,
    tokenizer: Segmenter | None = None,
    cache: bool = True,
    cache_dir: str | os.PathLike[str] | None = None,
    n_jobs: int | None = None,
    progress: bool | None = None,
) -> pd.Series:
    """Segment every text of a corpus, re-using earlier results.

    Results are looked up by (tokenizer fingerprint, hash of the text) first
    in an in-memory LRU cache, then in an SQLite file under the cache
    directory; only misses are segmented.  The fingerprint covers the
    tokenizer settings, extra terms, the sha256 of the dictionary and stopword
    files and the jieba version, so changing any of them never returns stale
    tokens.  Identical texts are segmented once.

    Parameters
    ----------
    corpus : DataFrame, Series or iterable of str
        Documents (or paragraphs, sentences ...).  Missing texts give ``[]``.
    text_col : str, default "text"
        Column holding the text when ``corpus`` is a DataFrame.
    tokenizer : Tokenizer or callable, optional
        Default :func:`analysis.segment.get_default_tokenizer`.  A callable
        without a ``fingerprint`` attribute is not cached.
    cache : bool, default True
        Use the memory and disk caches.
    cache_dir : path, optional
        Disk cache directory; default ``$ANALYSIS_CACHE_DIR`` or the user
        cache directory (see :func:`analysis.segment.resolve_cache_dir`).
    n_jobs : int, optional
        Worker processes for the texts not in the cache.  Default: in-process
        below :data:`PARALLEL_MIN_BYTES` (32 MB) of new text, else one per
        core (at most 4; :func:`default_n_jobs`).  Results are identical
        either way; each worker loads the dictionary (about 0.5 s).
    progress : bool, optional
        Show a tqdm bar.  Default: only when more than 200 texts or 2 MB of
        text need segmenting.

    Returns
    -------
    pandas.Series
        One list of tokens per text, aligned with the corpus index, named
        ``"tokens"``.  What produced it: :func:`analysis.segment.tokenizer_provenance`.
    """
    if n_jobs is not None and n_jobs < 1:
        raise ValueError(f"n_jobs must be >= 1, got {n_jobs}")
    texts, index = _as_texts(corpus, text_col)
    tokenizer = _tokenizer.get_default_tokenizer() if tokenizer is None else tokenizer
    fingerprint = getattr(tokenizer, "fingerprint", None) if cache else None

    hashes = [_cache.text_hash(text) for text in texts]
    found: Found = {}
    disk = _cache.DiskCache(_cache.resolve_cache_dir(cache_dir)) if fingerprint else None
    try:
        if fingerprint and disk is not None:
            found = _cached_tokens(fingerprint, hashes, disk)
        todo: dict[str, str] = {}
        for key, text in zip(hashes, texts):
            if key not in found and key not in todo:
                todo[key] = text
        show = _want_progress(todo) if progress is None else progress
        jobs = default_n_jobs(_utf8_size(todo)) if n_jobs is None else n_jobs
        _segment_missing(tokenizer, todo, found, fingerprint=fingerprint, disk=disk, n_jobs=jobs, progress=show)
    finally:
        if disk is not None:
            disk.close()
    return pd.Series([list(found[h]) for h in hashes], index=index, name="tokens", dtype=object)
