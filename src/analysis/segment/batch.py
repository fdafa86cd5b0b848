"""Segment a whole corpus: cache look-up, optional worker processes, progress bar."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pandas as pd
from tqdm import tqdm

from . import cache as _cache
from . import tokenizer as _tokenizer

__all__ = ["PROGRESS_MIN_BYTES", "PROGRESS_MIN_DOCS", "tokenize_corpus"]

#: ``tokenize_corpus`` shows a progress bar above either threshold (texts to segment, bytes of UTF-8).
PROGRESS_MIN_DOCS = 200
PROGRESS_MIN_BYTES = 2_000_000
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


def _worker_tokenize(text: str) -> list[str]:
    assert _WORKER_TOKENIZER is not None
    return _WORKER_TOKENIZER(text)


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
        yield from pool.map(_worker_tokenize, texts, chunksize=chunksize)


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
        found[key] = tokens
        memory.put((fingerprint, key), tuple(tokens))
    return found


def _want_progress(todo: dict[str, str]) -> bool:
    n_bytes = sum(len(text) for text in todo.values()) * 3  # ~UTF-8 size of CJK
    return len(todo) > PROGRESS_MIN_DOCS or n_bytes > PROGRESS_MIN_BYTES


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
        found[key] = tokens
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
    n_jobs: int = 1,
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
    n_jobs : int, default 1
        Worker processes for the texts not in the cache.  Each worker loads
        jieba (~0.5 s), so this pays off only for tens of MB of new text.
    progress : bool, optional
        Show a tqdm bar.  Default: only when more than 200 texts or 2 MB of
        text need segmenting.

    Returns
    -------
    pandas.Series
        One list of tokens per text, aligned with the corpus index, named
        ``"tokens"``.  What produced it: :func:`analysis.segment.tokenizer_provenance`.
    """
    if n_jobs < 1:
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
        _segment_missing(tokenizer, todo, found, fingerprint=fingerprint, disk=disk, n_jobs=n_jobs, progress=show)
    finally:
        if disk is not None:
            disk.close()
    return pd.Series([list(found[h]) for h in hashes], index=index, name="tokens", dtype=object)
