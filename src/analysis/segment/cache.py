"""Segmentation caches: an in-memory LRU and an on-disk SQLite store.

Token lists are keyed by (tokenizer fingerprint, hash of the text).  The
fingerprint (:attr:`analysis.segment.Tokenizer.fingerprint`) covers the
tokenizer settings, extra terms, the sha256 of the dictionary and stopword
files, the jieba version and :data:`CACHE_FORMAT`, so a change to any of them
never returns stale tokens.

Location: :func:`resolve_cache_dir` -- an explicit ``cache_dir=`` argument,
else ``$ANALYSIS_CACHE_DIR``, else the user cache directory
``platformdirs.user_cache_dir("analysis")`` (``~/.cache/analysis`` on Linux).

Why SQLite and not ``diskcache``: measured with
``benchmarks/bench_tokenize.py --backends`` on 10 MB of seed-like text (1,766
documents of ~2,000 characters, 3.6 M characters; a shared, busy machine, so
best of 3-5 runs), the same interface on ``diskcache.Cache`` with ``JSONDisk``
(no pickle, like this store) was slower:

=========================  ===========  ===========  ===================
store                      write all    read all     warm tokenize_corpus
=========================  ===========  ===========  ===================
SQLite (this module)       0.83 s       0.58 s       0.64 s (15.5 MB)
diskcache, JSONDisk zlib1  1.32 s       1.46 s       1.63 s (7.5 MB)
diskcache, JSONDisk raw    1.59 s       1.29 s
diskcache, pickle          1.14 s       1.14 s
=========================  ===========  ===========  ===================

A cold run is dominated by segmentation (37-74 s here), so the store adds
1-3 % either way, but a warm run (the common case: re-running a notebook)
is 2.5x slower with diskcache, far outside the 10 % budget.  The store is
kept hand-written; it is small (one table, batched ``INSERT OR REPLACE``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path

import platformdirs

__all__ = [
    "CACHE_ENV_VAR",
    "CACHE_FILE",
    "CACHE_FORMAT",
    "MEMORY_CACHE",
    "DiskCache",
    "TokenLRU",
    "clear_cache",
    "default_cache_dir",
    "resolve_cache_dir",
    "text_hash",
]

#: Environment variable that overrides the default on-disk cache directory.
CACHE_ENV_VAR = "ANALYSIS_CACHE_DIR"
#: Name of the cache file inside the cache directory.
CACHE_FILE = "tokens.sqlite"
# Part of every tokenizer fingerprint: bump when the stored representation changes.
CACHE_FORMAT = 1


class TokenLRU:
    """In-memory least-recently-used cache bounded by total token count."""

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens
        self._data: OrderedDict[tuple[str, str], tuple[str, ...]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> tuple[str, ...] | None:
        """Return the tokens stored under ``key`` (and mark them recently used), or None."""
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: tuple[str, str], tokens: tuple[str, ...]) -> None:
        """Store ``tokens``, evicting the least recently used entries beyond ``max_tokens``."""
        if len(tokens) > self.max_tokens:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._size -= len(old)
            self._data[key] = tokens
            self._size += len(tokens)
            while self._size > self.max_tokens:
                _, evicted = self._data.popitem(last=False)
                self._size -= len(evicted)

    def clear(self) -> None:
        """Remove every entry."""
        with self._lock:
            self._data.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._data)


#: The process-wide memory cache: about 2 M tokens ≈ 5 M characters of text, ≈ 200 MB of Python strings.
MEMORY_CACHE = TokenLRU(max_tokens=2_000_000)


class DiskCache:
    """Token lists in one SQLite file, keyed by (tokenizer fingerprint, text hash).

    SQLite gives atomic, concurrent-safe writes in a single file, which stays
    manageable for corpora with hundreds of thousands of documents.  Tokens
    are stored as JSON, not pickle, so a cache file cannot execute code.
    """

    _BATCH = 500

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / CACHE_FILE
        self._conn = sqlite3.connect(self.path, timeout=60)
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS tokens (fingerprint TEXT NOT NULL, "
            "text_hash TEXT NOT NULL, tokens TEXT NOT NULL, "
            "PRIMARY KEY (fingerprint, text_hash)) WITHOUT ROWID"
        )
        self._conn.commit()

    def get_many(self, fingerprint: str, hashes: Sequence[str]) -> dict[str, list[str]]:
        """Return ``{text hash: tokens}`` for the hashes found (missing ones left out)."""
        found: dict[str, list[str]] = {}
        for start in range(0, len(hashes), self._BATCH):
            batch = list(hashes[start : start + self._BATCH])
            marks = ",".join("?" * len(batch))
            rows = self._conn.execute(
                f"SELECT text_hash, tokens FROM tokens WHERE fingerprint = ? AND text_hash IN ({marks})",
                [fingerprint, *batch],
            )
            for key, blob in rows:
                found[key] = json.loads(blob)
        return found

    def put_many(self, fingerprint: str, items: Iterable[tuple[str, list[str]]]) -> None:
        """Store (text hash, tokens) pairs in one transaction."""
        rows = [(fingerprint, key, json.dumps(tokens, ensure_ascii=False)) for key, tokens in items]
        if rows:
            self._conn.executemany("INSERT OR REPLACE INTO tokens VALUES (?, ?, ?)", rows)
            self._conn.commit()

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()


def default_cache_dir() -> Path:
    """Return the default cache directory: ``$ANALYSIS_CACHE_DIR`` or the user cache directory.

    Returns
    -------
    pathlib.Path
        ``platformdirs.user_cache_dir("analysis")`` (``~/.cache/analysis`` on
        Linux, ``~/Library/Caches/analysis`` on macOS,
        ``%LOCALAPPDATA%\\analysis\\Cache`` on Windows) unless the variable is set.
    """
    env = os.environ.get(CACHE_ENV_VAR)
    return Path(env) if env else Path(platformdirs.user_cache_dir("analysis"))


def resolve_cache_dir(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the segmentation cache directory.

    Parameters
    ----------
    cache_dir : path, optional
        Explicit directory; otherwise ``$ANALYSIS_CACHE_DIR``; otherwise the
        user cache directory (:func:`default_cache_dir`).

    Returns
    -------
    pathlib.Path
        The directory (not created here).
    """
    return Path(cache_dir) if cache_dir is not None else default_cache_dir()


def clear_cache(cache_dir: str | os.PathLike[str] | None = None, *, memory: bool = True) -> None:
    """Delete the on-disk segmentation cache (and, by default, the in-memory one).

    Parameters
    ----------
    cache_dir : path, optional
        As in :func:`analysis.segment.tokenize_corpus`.
    memory : bool, default True
        Also empty the in-memory LRU cache.
    """
    path = resolve_cache_dir(cache_dir) / CACHE_FILE
    path.unlink(missing_ok=True)
    if memory:
        MEMORY_CACHE.clear()


def text_hash(text: str) -> str:
    """Return the cache key of a text: BLAKE2b, 16 bytes, as 32 hex characters."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
