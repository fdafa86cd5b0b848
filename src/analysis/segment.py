"""Segment Chinese policy text into terms, with a policy-domain dictionary.

jieba's general-purpose dictionary splits the vocabulary this project is
about (智慧城市 -> 智慧/城市, 一网通办 -> 一网通/办, 物联网 -> 物/联网), so every
count built on it would be wrong.  This module wraps a *private*
``jieba.Tokenizer`` loaded with the shipped user dictionary and adds stopword
filtering, a disk-backed segmentation cache, corpus-driven new-term discovery
and provenance records.

Public API
----------
tokenize(text, ...)          one string -> list of terms (module-level, picklable)
Tokenizer(...)               the same as a configurable, picklable callable
add_terms(terms)             add terms to the dictionary used by ``tokenize``
tokenize_corpus(corpus, ...) a column of texts -> Series of token lists, cached
discover_terms(texts, ...)   rank candidate new terms by cohesion and entropy
provenance(tokenizer=None)   versions and file hashes behind a result
load_user_dictionary(), load_stopwords(kind), get_default_tokenizer(),
resolve_cache_dir(cache_dir), clear_cache(cache_dir)

Shipped data (``analysis/data``)
--------------------------------
``policy_userdict.txt``
    jieba user-dictionary format ``word freq tag``, with a ``# version:``
    header that must equal :data:`DICTIONARY_VERSION`.  Built from (1) a
    hand-curated list of terms of Chinese smart-city and digital-government
    policy (national slogans, platforms, technologies, agencies) and (2) the
    candidates that :func:`discover_terms` ranked highest on the five seed
    documents (simplified with OpenCC, ``min_count=3, max_len=6``), kept after
    review by hand.  ``data/README.md`` records the procedure.
``stopwords_zh.txt``
    General Chinese function words (pronouns, conjunctions, prepositions,
    particles, degree adverbs, ...), removed by default.
``stopwords_boilerplate.txt``
    Exhortative verbs and adverbs and document-format words of official
    documents (加快, 推进, 加强, 进一步, 积极, 全面, 深入, 认真, 印发, 如下 ...), removed
    only with ``boilerplate=True`` because whether they are noise depends on
    the research question.

Longest match wins: 新型智慧城市 is one token and is *not* also counted as
智慧城市, while compounds of a key term with a generic head (大数据平台,
数据要素市场) are deliberately not in the dictionary, so they yield
大数据 + 平台.  For character-level counts use ``analysis.frequency.kwic``.

Examples
--------
>>> from analysis.segment import tokenize, Tokenizer, discover_terms
>>> tokenize("加快推进新型智慧城市建设，推行政务服务一网通办")
['加快', '推进', '新型智慧城市', '建设', '推行', '政务服务', '一网通办']
>>> tokenize("加快推进新型智慧城市建设，推行政务服务一网通办", boilerplate=True)
['新型智慧城市', '建设', '政务服务', '一网通办']

Adapting the dictionary to a new corpus takes two lines::

    new = discover_terms(corpus.text)
    tok = Tokenizer(extra_terms=new.term[:200])
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import logging
import math
import os
import re
import sqlite3
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jieba
import numpy as np
import pandas as pd
from tqdm import tqdm

__all__ = [
    "adapt_tokenizer",
    "DICTIONARY_VERSION",
    "Tokenizer",
    "add_terms",
    "clear_cache",
    "discover_terms",
    "get_default_tokenizer",
    "load_stopwords",
    "load_user_dictionary",
    "provenance",
    "resolve_cache_dir",
    "tokenize",
    "tokenize_corpus",
]

#: Version of the shipped user dictionary and stopword lists.  Bump it (and the
#: ``# version:`` header of ``policy_userdict.txt``) whenever a data file changes.
DICTIONARY_VERSION = "1.1.0"

DATA_DIR = Path(__file__).resolve().parent / "data"
USER_DICT_PATH = DATA_DIR / "policy_userdict.txt"
STOPWORDS_PATH = DATA_DIR / "stopwords_zh.txt"
BOILERPLATE_PATH = DATA_DIR / "stopwords_boilerplate.txt"
_DATA_FILES = (USER_DICT_PATH, STOPWORDS_PATH, BOILERPLATE_PATH)

#: Environment variable that overrides the default on-disk cache directory.
CACHE_ENV_VAR = "ANALYSIS_CACHE_DIR"
#: Default cache directory, relative to the current working directory.
DEFAULT_CACHE_DIR = Path(".cache") / "analysis"
_CACHE_FILE = "tokens.sqlite"
# Part of every cache key: bump when the stored representation changes.
_CACHE_FORMAT = 1

#: ``tokenize_corpus`` shows a progress bar above either threshold.
PROGRESS_MIN_DOCS = 200
PROGRESS_MIN_BYTES = 2_000_000

# A discovered term gets this many times the frequency jieba says is just
# enough to keep it whole in isolation: the bare minimum loses to overlapping
# dictionary words in context (e.g. 城市大脑 inside 智慧城市大脑建设).
_TERM_FREQ_MARGIN = 20
_MIN_TERM_FREQ = 2000

# jieba's Han-block pattern: a dictionary word with characters outside it
# (spaces, 《》, ·) can never be matched, so such terms are rejected early.
_JIEBA_WORD = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
# Tokens with at least one letter, digit or CJK character (not "_"): anything
# else is punctuation or whitespace.
_HAS_WORD_CHAR = re.compile(r"[^\W_]").search
# Arabic numbers (any script's digits), with separators, signs and percent,
# or Chinese numerals optionally prefixed by 第 (第一, 二十, 三).
_IS_NUMBER = re.compile(
    r"(?:[+\-]?[\d.．,，:：/%％‰~～\-]*\d[\d.．,，:：/%％‰~～\-]*"
    r"|第?[〇零一二两三四五六七八九十百千万亿]+)"
).fullmatch
_USERDICT_LINE = re.compile(r"(\S+) (\d+) ([a-z]+)")
_VERSION_HEADER = re.compile(r"#\s*version:\s*(\S+)")


# --------------------------------------------------------------------------
# Shipped data
# --------------------------------------------------------------------------


def _read_data_lines(path: Path) -> Iterator[str]:
    """Yield the non-empty, non-comment lines of a shipped data file."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def _file_version(path: Path) -> str | None:
    """Return the ``# version:`` header of a data file, or None."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            match = _VERSION_HEADER.match(line.strip())
            if match:
                return match.group(1)
            if line.strip() and not line.startswith("#"):
                return None
    return None


@cache
def load_user_dictionary() -> tuple[tuple[str, int, str], ...]:
    """Return the shipped policy-domain dictionary.

    Returns
    -------
    tuple of (word, freq, tag)
        One entry per line of ``data/policy_userdict.txt``; ``freq`` is a
        jieba dictionary count (same scale as jieba's ``dict.txt``), ``tag``
        a jieba/ICTCLAS part-of-speech tag (``nz`` proper term, ``j``
        abbreviation, ``l`` set phrase, ``nt`` organisation, ``vn`` verbal
        noun).

    Raises
    ------
    ValueError
        If the file's version header differs from :data:`DICTIONARY_VERSION`
        or a line is not ``word freq tag``.
    """
    version = _file_version(USER_DICT_PATH)
    if version != DICTIONARY_VERSION:
        raise ValueError(
            f"{USER_DICT_PATH.name} has version {version!r}, "
            f"expected {DICTIONARY_VERSION!r}"
        )
    entries = []
    for line in _read_data_lines(USER_DICT_PATH):
        match = _USERDICT_LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"bad line in {USER_DICT_PATH.name}: {line!r}")
        entries.append((match.group(1), int(match.group(2)), match.group(3)))
    return tuple(entries)


@cache
def load_stopwords(kind: str = "general") -> frozenset[str]:
    """Return one of the shipped stopword lists.

    Parameters
    ----------
    kind : {"general", "boilerplate"}
        ``"general"``: Chinese function words (``data/stopwords_zh.txt``).
        ``"boilerplate"``: official-document wording such as 加快, 推进, 加强,
        有关, 进一步 (``data/stopwords_boilerplate.txt``).

    Returns
    -------
    frozenset of str
    """
    paths = {"general": STOPWORDS_PATH, "boilerplate": BOILERPLATE_PATH}
    if kind not in paths:
        raise ValueError(f"kind must be one of {sorted(paths)}, got {kind!r}")
    return frozenset(_read_data_lines(paths[kind]))


@cache
def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def _numeric_dictionary_terms() -> frozenset[str]:
    # Domain terms such as 十四五 look like numbers but must survive the
    # number filter.
    return frozenset(w for w, _, _ in load_user_dictionary() if _IS_NUMBER(w))


def _package_version() -> str:
    try:
        return importlib.metadata.version("analysis")
    except importlib.metadata.PackageNotFoundError:
        package = sys.modules.get("analysis")
        return str(getattr(package, "__version__", "unknown"))


# --------------------------------------------------------------------------
# The private jieba instance
# --------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_jieba() -> Iterator[None]:
    """Silence jieba's "Building prefix dict ..." messages on stderr."""
    logger = jieba.default_logger
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


_BASE_LOCK = threading.Lock()
_BASE_JIEBA: jieba.Tokenizer | None = None


def _base_jieba() -> jieba.Tokenizer:
    """Return the shared jieba instance: default dictionary + policy terms.

    Built on first use (about 0.5 s) and never mutated afterwards; a
    :class:`Tokenizer` with extra terms works on a copy.  The global
    ``jieba`` singleton is left untouched so that other code using
    ``jieba.lcut`` is not affected by our dictionary.
    """
    global _BASE_JIEBA
    with _BASE_LOCK:
        if _BASE_JIEBA is None:
            instance = jieba.Tokenizer()
            with _quiet_jieba():
                instance.initialize()
                for word, freq, tag in load_user_dictionary():
                    instance.add_word(word, freq, tag)
            _BASE_JIEBA = instance
    return _BASE_JIEBA


def _copy_jieba(source: jieba.Tokenizer) -> jieba.Tokenizer:
    """Copy an initialised jieba instance without re-reading its dictionary."""
    instance = jieba.Tokenizer()
    instance.FREQ = dict(source.FREQ)
    instance.total = source.total
    instance.user_word_tag_tab = dict(source.user_word_tag_tab)
    # The prefix dictionary was copied above, so jieba must not rebuild it.
    instance.initialized = True
    return instance


def _add_words(instance: jieba.Tokenizer, terms: Iterable[str]) -> None:
    for term in terms:
        suggested = instance.suggest_freq(term, tune=False)
        freq = max(
            suggested * _TERM_FREQ_MARGIN, instance.FREQ.get(term, 0), _MIN_TERM_FREQ
        )
        instance.add_word(term, freq, "nz")


def _normalise_terms(terms: Iterable[str] | str | None) -> tuple[str, ...]:
    """Return terms as a de-duplicated tuple, validating each one."""
    if terms is None:
        return ()
    if isinstance(terms, str):
        terms = [terms]
    result: dict[str, None] = {}
    for term in terms:
        if not isinstance(term, str):
            raise TypeError(f"terms must be strings, got {type(term).__name__}")
        term = term.strip()
        if not term:
            continue
        if not _JIEBA_WORD.fullmatch(term):
            raise ValueError(
                f"term {term!r} contains characters jieba cannot keep inside a "
                "word (whitespace, punctuation other than + # & . _ % -)"
            )
        result[term] = None
    return tuple(result)


# --------------------------------------------------------------------------
# Filtering
# --------------------------------------------------------------------------


def _normalise_stopwords(
    stopwords: str | Iterable[str] | None,
) -> str | frozenset[str] | None:
    if stopwords is None or stopwords is False:
        return None
    if isinstance(stopwords, str):
        if stopwords != "default":
            raise ValueError(
                'stopwords must be "default", None or an iterable of words, '
                f"got the string {stopwords!r}"
            )
        return "default"
    return frozenset(str(word).strip() for word in stopwords)


@lru_cache(maxsize=64)
def _stopword_set(stopwords: str | frozenset[str] | None, boilerplate: bool) -> frozenset[str]:
    words = load_stopwords("general") if stopwords == "default" else (stopwords or frozenset())
    if boilerplate:
        words = words | load_stopwords("boilerplate")
    return words


def _filter_tokens(
    tokens: Iterable[str],
    stopset: frozenset[str],
    min_len: int,
    keep_numbers: bool,
    protected: frozenset[str],
) -> list[str]:
    """Drop stopwords, punctuation, whitespace, numbers and short tokens."""
    kept = []
    append = kept.append
    for token in tokens:
        if len(token) < min_len or token in stopset or not _HAS_WORD_CHAR(token):
            continue
        if not keep_numbers and _IS_NUMBER(token) and token not in protected:
            continue
        append(token)
    return kept


# --------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------


class Tokenizer:
    """Picklable, configurable segmenter for Chinese policy text.

    A ``Tokenizer`` is a callable ``str -> list[str]`` usable wherever a
    tokenizer is expected, e.g.
    ``CountVectorizer(tokenizer=Tokenizer(boilerplate=True), lowercase=False,
    token_pattern=None)``.  The jieba dictionary is loaded lazily on the
    first call; pickling drops it, so the object is cheap to send to worker
    processes.

    Parameters
    ----------
    stopwords : "default", None or iterable of str, default "default"
        ``"default"`` removes the shipped general stopword list, ``None``
        removes nothing, an iterable replaces the general list.
    boilerplate : bool, default False
        Also remove official-document boilerplate (加快, 推进, 加强, 有关,
        进一步, 积极, 全面, 深入, ...).
    keep_numbers : bool, default False
        Keep tokens that are numbers (2020, 3.5%, 第一, 二十).  Numeric
        dictionary terms such as 十四五 are always kept.
    min_len : int, default 2
        Minimum token length in characters; the default drops single
        characters (的, 市, 省, ...).
    extra_terms : iterable of str, default ()
        Additional dictionary words, e.g. ``discover_terms(texts).term[:200]``.
    hmm : bool, default True
        Let jieba's HMM join unknown character sequences (as ``jieba.lcut``
        does by default).

    Attributes
    ----------
    fingerprint : str
        SHA-256 of everything that determines the output; part of every
        cache key.
    """

    def __init__(
        self,
        *,
        stopwords: str | Iterable[str] | None = "default",
        boilerplate: bool = False,
        keep_numbers: bool = False,
        min_len: int = 2,
        extra_terms: Iterable[str] = (),
        hmm: bool = True,
    ) -> None:
        if int(min_len) < 1:
            raise ValueError(f"min_len must be >= 1, got {min_len}")
        self.stopwords = _normalise_stopwords(stopwords)
        self.boilerplate = bool(boilerplate)
        self.keep_numbers = bool(keep_numbers)
        self.min_len = int(min_len)
        self.extra_terms = _normalise_terms(extra_terms)
        self.hmm = bool(hmm)
        self._reset_derived()

    def _reset_derived(self) -> None:
        self._jieba: jieba.Tokenizer | None = None
        self._fingerprint: str | None = None
        self._protected = _numeric_dictionary_terms() | frozenset(
            t for t in self.extra_terms if _IS_NUMBER(t)
        )

    # -- pickling: the jieba instance holds a lock and ~50 MB of dictionary
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_jieba"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        stopwords = (
            self.stopwords
            if self.stopwords is None or isinstance(self.stopwords, str)
            else f"<{len(self.stopwords)} words>"
        )
        return (
            f"Tokenizer(stopwords={stopwords!r}, boilerplate={self.boilerplate}, "
            f"keep_numbers={self.keep_numbers}, min_len={self.min_len}, "
            f"extra_terms=<{len(self.extra_terms)} terms>, hmm={self.hmm})"
        )

    # -- configuration -----------------------------------------------------
    @property
    def stopword_set(self) -> frozenset[str]:
        """The words this tokenizer removes (general and/or boilerplate)."""
        return _stopword_set(self.stopwords, self.boilerplate)

    def get_config(self) -> dict[str, Any]:
        """Return the settings as JSON-serialisable data (for provenance)."""
        stopwords: Any = self.stopwords
        if isinstance(stopwords, frozenset):
            stopwords = sorted(stopwords)
        return {
            "stopwords": stopwords,
            "boilerplate": self.boilerplate,
            "keep_numbers": self.keep_numbers,
            "min_len": self.min_len,
            "extra_terms": list(self.extra_terms),
            "hmm": self.hmm,
        }

    @property
    def fingerprint(self) -> str:
        """SHA-256 hex digest of the configuration, data files and jieba version."""
        if self._fingerprint is None:
            payload = {
                "cache_format": _CACHE_FORMAT,
                "jieba": jieba.__version__,
                "files": {p.name: _file_sha256(p) for p in _DATA_FILES},
                "config": self.get_config(),
            }
            blob = json.dumps(payload, ensure_ascii=False, sort_keys=True)
            self._fingerprint = hashlib.sha256(blob.encode("utf-8")).hexdigest()
        return self._fingerprint

    # -- dictionary --------------------------------------------------------
    def _get_jieba(self) -> jieba.Tokenizer:
        if self._jieba is None:
            base = _base_jieba()
            if self.extra_terms:
                instance = _copy_jieba(base)
                with _quiet_jieba():
                    _add_words(instance, self.extra_terms)
                self._jieba = instance
            else:
                self._jieba = base
        return self._jieba

    def add_terms(self, terms: Iterable[str] | str) -> Tokenizer:
        """Add dictionary words in place and return ``self``.

        Parameters
        ----------
        terms : str or iterable of str
            New words.  Their jieba frequency is set high enough that each
            term stays whole in context; existing words keep a higher count.

        Returns
        -------
        Tokenizer
            ``self``, whose :attr:`fingerprint` now reflects the new terms.
        """
        new = tuple(t for t in _normalise_terms(terms) if t not in self.extra_terms)
        if not new:
            return self
        self.extra_terms = self.extra_terms + new
        instance = self._jieba
        self._reset_derived()
        if instance is not None and instance is not _base_jieba():
            # Already a private copy: extend it instead of rebuilding.
            with _quiet_jieba():
                _add_words(instance, new)
            self._jieba = instance
        return self

    def has_word(self, word: str) -> bool:
        """Return True if ``word`` is a word of this tokenizer's dictionary."""
        return bool(self._get_jieba().FREQ.get(word, 0))

    # -- segmentation ------------------------------------------------------
    def cut(self, text: str) -> list[str]:
        """Segment without any filtering (punctuation, stopwords included).

        Returns
        -------
        list of str
            jieba's tokens; ``"".join(result) == text``.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}")
        return self._get_jieba().lcut(text, HMM=self.hmm)

    def __call__(self, text: str) -> list[str]:
        """Segment ``text`` and drop stopwords, punctuation, numbers, short tokens.

        Returns
        -------
        list of str
            Terms in text order (duplicates kept).
        """
        return _filter_tokens(
            self.cut(text),
            self.stopword_set,
            self.min_len,
            self.keep_numbers,
            self._protected,
        )


_DEFAULT_TOKENIZER = Tokenizer()


def get_default_tokenizer() -> Tokenizer:
    """Return the module's default :class:`Tokenizer` (used by :func:`tokenize`).

    Returns
    -------
    Tokenizer
        Default settings plus any terms added with :func:`add_terms`.
    """
    return _DEFAULT_TOKENIZER


def add_terms(terms: Iterable[str] | str) -> None:
    """Add words to the dictionary behind :func:`tokenize` and the defaults.

    Affects this process only: worker processes that unpickle
    :func:`tokenize` start from the shipped dictionary.  For parallel work or
    reproducible pipelines prefer ``Tokenizer(extra_terms=terms)``.

    Parameters
    ----------
    terms : str or iterable of str
        New words, e.g. ``discover_terms(texts).term[:200]``.
    """
    _DEFAULT_TOKENIZER.add_terms(terms)


def tokenize(
    text: str,
    *,
    stopwords: str | Iterable[str] | None = "default",
    boilerplate: bool = False,
    keep_numbers: bool = False,
    min_len: int = 2,
    hmm: bool = True,
) -> list[str]:
    """Segment one Chinese text into policy-domain terms.

    Uses jieba's default dictionary plus the shipped policy dictionary (and
    any words from :func:`add_terms`), so 智慧城市, 一网通办, 数字孪生, 城市信息模型,
    新型智慧城市 ... stay whole.  Deterministic.  The input should be in
    simplified characters: the dictionaries are simplified.

    Parameters
    ----------
    text : str
        Text to segment.
    stopwords : "default", None or iterable of str, default "default"
        ``"default"`` removes general Chinese function words, ``None``
        nothing, an iterable exactly those words.
    boilerplate : bool, default False
        Also remove official-document boilerplate (加快, 推进, 加强, 有关,
        进一步, 积极, 全面, 深入, ...).
    keep_numbers : bool, default False
        Keep numbers such as 2020, 3.5%, 第一.
    min_len : int, default 2
        Minimum token length in characters.
    hmm : bool, default True
        Use jieba's HMM for unknown words.

    Returns
    -------
    list of str
        Terms in text order; punctuation and whitespace are always dropped.

    Examples
    --------
    >>> tokenize("推进城市大脑和数字孪生城市建设")
    ['推进', '城市大脑', '数字孪生', '城市', '建设']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if min_len < 1:
        raise ValueError(f"min_len must be >= 1, got {min_len}")
    stopset = _stopword_set(_normalise_stopwords(stopwords), bool(boilerplate))
    tokens = _DEFAULT_TOKENIZER._get_jieba().lcut(text, HMM=hmm)
    return _filter_tokens(
        tokens, stopset, min_len, keep_numbers, _DEFAULT_TOKENIZER._protected
    )


# --------------------------------------------------------------------------
# Provenance
# --------------------------------------------------------------------------


def provenance(tokenizer: Callable[[str], list[str]] | None = None) -> dict[str, Any]:
    """Describe the software and data a segmentation result depends on.

    Parameters
    ----------
    tokenizer : Tokenizer or callable, optional
        The tokenizer used; default :func:`get_default_tokenizer`.

    Returns
    -------
    dict
        ``package``, ``package_version``, ``jieba_version``,
        ``dictionary_version``, ``files`` (data file name -> sha256 hex),
        ``tokenizer`` (settings, or ``repr`` of a foreign callable) and
        ``fingerprint`` (None for a foreign callable).  Result tables carry
        this under ``df.attrs["provenance"]``.
    """
    tokenizer = _DEFAULT_TOKENIZER if tokenizer is None else tokenizer
    is_ours = isinstance(tokenizer, Tokenizer)
    return {
        "package": "analysis",
        "package_version": _package_version(),
        "jieba_version": jieba.__version__,
        "dictionary_version": DICTIONARY_VERSION,
        "files": {path.name: _file_sha256(path) for path in _DATA_FILES},
        "tokenizer": tokenizer.get_config() if is_ours else repr(tokenizer),
        "fingerprint": tokenizer.fingerprint if is_ours else None,
    }


# --------------------------------------------------------------------------
# Corpus segmentation with caching
# --------------------------------------------------------------------------


class _TokenLRU:
    """In-memory least-recently-used cache bounded by total token count."""

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens
        self._data: OrderedDict[tuple[str, str], tuple[str, ...]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> tuple[str, ...] | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: tuple[str, str], tokens: tuple[str, ...]) -> None:
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
        with self._lock:
            self._data.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._data)


# About 2 M tokens ≈ 5 M characters of text, ≈ 200 MB of Python strings.
_MEMORY_CACHE = _TokenLRU(max_tokens=2_000_000)


class _DiskCache:
    """Token lists in one SQLite file, keyed by (tokenizer fingerprint, text hash).

    SQLite gives atomic, concurrent-safe writes in a single file, which stays
    manageable for corpora with hundreds of thousands of documents.  Tokens
    are stored as JSON, not pickle, so a cache file cannot execute code.
    """

    _BATCH = 500

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / _CACHE_FILE
        self._conn = sqlite3.connect(self.path, timeout=60)
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS tokens (fingerprint TEXT NOT NULL, "
            "text_hash TEXT NOT NULL, tokens TEXT NOT NULL, "
            "PRIMARY KEY (fingerprint, text_hash)) WITHOUT ROWID"
        )
        self._conn.commit()

    def get_many(self, fingerprint: str, hashes: Sequence[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for start in range(0, len(hashes), self._BATCH):
            batch = list(hashes[start : start + self._BATCH])
            marks = ",".join("?" * len(batch))
            rows = self._conn.execute(
                f"SELECT text_hash, tokens FROM tokens WHERE fingerprint = ? "
                f"AND text_hash IN ({marks})",
                [fingerprint, *batch],
            )
            for text_hash, blob in rows:
                found[text_hash] = json.loads(blob)
        return found

    def put_many(self, fingerprint: str, items: Iterable[tuple[str, list[str]]]) -> None:
        rows = [
            (fingerprint, text_hash, json.dumps(tokens, ensure_ascii=False))
            for text_hash, tokens in items
        ]
        if rows:
            self._conn.executemany("INSERT OR REPLACE INTO tokens VALUES (?, ?, ?)", rows)
            self._conn.commit()

    def close(self) -> None:
        self._conn.close()


def resolve_cache_dir(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the segmentation cache directory.

    Parameters
    ----------
    cache_dir : path, optional
        Explicit directory; otherwise ``$ANALYSIS_CACHE_DIR``; otherwise
        ``.cache/analysis`` under the current working directory.

    Returns
    -------
    pathlib.Path
    """
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get(CACHE_ENV_VAR)
    return Path(env) if env else DEFAULT_CACHE_DIR


def clear_cache(cache_dir: str | os.PathLike[str] | None = None, *, memory: bool = True) -> None:
    """Delete the on-disk segmentation cache (and, by default, the in-memory one).

    Parameters
    ----------
    cache_dir : path, optional
        As in :func:`tokenize_corpus`.
    memory : bool, default True
        Also empty the in-memory LRU cache.
    """
    path = resolve_cache_dir(cache_dir) / _CACHE_FILE
    path.unlink(missing_ok=True)
    if memory:
        _MEMORY_CACHE.clear()


def _text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


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


_WORKER_TOKENIZER: Callable[[str], list[str]] | None = None


def _init_worker(tokenizer: Callable[[str], list[str]]) -> None:
    global _WORKER_TOKENIZER
    _WORKER_TOKENIZER = tokenizer


def _worker_tokenize(text: str) -> list[str]:
    assert _WORKER_TOKENIZER is not None
    return _WORKER_TOKENIZER(text)


def _segment_all(
    tokenizer: Callable[[str], list[str]], texts: list[str], n_jobs: int
) -> Iterator[list[str]]:
    """Yield the tokens of each text, in order, optionally in worker processes."""
    if n_jobs == 1 or len(texts) < 2:
        for text in texts:
            yield tokenizer(text)
        return
    chunksize = max(1, len(texts) // (n_jobs * 16))
    # The tokenizer goes to each worker once (initializer), not once per task:
    # unpickling it would otherwise reload jieba's dictionary every chunk.
    with ProcessPoolExecutor(
        max_workers=n_jobs, initializer=_init_worker, initargs=(tokenizer,)
    ) as pool:
        yield from pool.map(_worker_tokenize, texts, chunksize=chunksize)


def tokenize_corpus(
    corpus: pd.DataFrame | pd.Series | Iterable[str],
    text_col: str = "text",
    *,
    tokenizer: Callable[[str], list[str]] | None = None,
    cache: bool = True,
    cache_dir: str | os.PathLike[str] | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
) -> pd.Series:
    """Segment every text of a corpus, re-using earlier results.

    Results are looked up by (tokenizer fingerprint, hash of the text) first
    in an in-memory LRU cache, then in an SQLite file under ``cache_dir``;
    only misses are segmented.  The fingerprint covers the tokenizer
    settings, extra terms, the sha256 of the dictionary and stopword files
    and the jieba version, so changing any of them never returns stale
    tokens.  Identical texts are segmented once.

    Parameters
    ----------
    corpus : DataFrame, Series or iterable of str
        Documents (or paragraphs, sentences ...).  Missing texts give ``[]``.
    text_col : str, default "text"
        Column holding the text when ``corpus`` is a DataFrame.
    tokenizer : Tokenizer or callable, optional
        Default :func:`get_default_tokenizer`.  A callable without a
        ``fingerprint`` attribute is not cached.
    cache : bool, default True
        Use the memory and disk caches.
    cache_dir : path, optional
        Disk cache directory; default ``$ANALYSIS_CACHE_DIR`` or
        ``./.cache/analysis``.
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
        ``"tokens"``; ``attrs["provenance"]`` describes the tokenizer.
    """
    if n_jobs < 1:
        raise ValueError(f"n_jobs must be >= 1, got {n_jobs}")
    texts, index = _as_texts(corpus, text_col)
    tokenizer = _DEFAULT_TOKENIZER if tokenizer is None else tokenizer
    fingerprint = getattr(tokenizer, "fingerprint", None) if cache else None

    hashes = [_text_hash(text) for text in texts]
    found: dict[str, list[str] | tuple[str, ...]] = {}
    disk = _DiskCache(resolve_cache_dir(cache_dir)) if fingerprint else None
    try:
        if fingerprint:
            for text_hash in dict.fromkeys(hashes):
                hit = _MEMORY_CACHE.get((fingerprint, text_hash))
                if hit is not None:
                    found[text_hash] = hit
            missing = [h for h in dict.fromkeys(hashes) if h not in found]
            for text_hash, tokens in disk.get_many(fingerprint, missing).items():
                found[text_hash] = tokens
                _MEMORY_CACHE.put((fingerprint, text_hash), tuple(tokens))

        todo: dict[str, str] = {}
        for text_hash, text in zip(hashes, texts):
            if text_hash not in found and text_hash not in todo:
                todo[text_hash] = text
        if progress is None:
            n_bytes = sum(len(text) for text in todo.values()) * 3  # ~UTF-8 size of CJK
            progress = len(todo) > PROGRESS_MIN_DOCS or n_bytes > PROGRESS_MIN_BYTES

        pending: list[tuple[str, list[str]]] = []
        segmented = _segment_all(tokenizer, list(todo.values()), n_jobs)
        bar = tqdm(
            zip(todo, segmented), total=len(todo), desc="segmenting",
            unit="doc", disable=not progress,
        )
        for text_hash, tokens in bar:
            found[text_hash] = tokens
            if fingerprint:
                _MEMORY_CACHE.put((fingerprint, text_hash), tuple(tokens))
                pending.append((text_hash, tokens))
                # Write in batches so an interrupted run keeps its work.
                if len(pending) >= 500:
                    disk.put_many(fingerprint, pending)
                    pending.clear()
        if fingerprint:
            disk.put_many(fingerprint, pending)
    finally:
        if disk is not None:
            disk.close()

    result = pd.Series([list(found[h]) for h in hashes], index=index, name="tokens", dtype=object)
    result.attrs["provenance"] = provenance(tokenizer)
    return result


# --------------------------------------------------------------------------
# New-term discovery
# --------------------------------------------------------------------------

#: Characters that rarely start or end a term; candidates with one of them at
#: either edge (的建设, 推进智慧) are dropped by :func:`discover_terms`.
EDGE_CHARS = "的了和与及或并是在对为将把被从向由于之其也都就而等个这那"


_QUOTE_CHARS = "“”‘’\"'《》〈〉「」『』【】〔〕()（）[]"


def _char_stream(texts: Iterable[str]) -> str:
    """Join all texts into one string, separated (and framed) by NUL."""
    return "\0" + "\0".join(t for t in texts if isinstance(t, str)) + "\0"


def _is_han(codes: np.ndarray) -> np.ndarray:
    """Mask of CJK unified ideographs (basic block and extension A)."""
    return ((codes >= 0x4E00) & (codes <= 0x9FFF)) | ((codes >= 0x3400) & (codes <= 0x4DBF))


def _count_level(ids: np.ndarray, min_count: int) -> tuple[np.ndarray, ...]:
    """Count the n-grams whose ids start at each position.

    Returns (dense gram id per position or -1, count per gram, first
    position per gram, frequent-position mask).
    """
    valid = ids >= 0
    positions = np.flatnonzero(valid)
    uniq, first, inverse, counts = np.unique(
        ids[valid], return_index=True, return_inverse=True, return_counts=True
    )
    gram = np.full(ids.shape, -1, dtype=np.int64)
    gram[positions] = inverse.ravel()
    frequent_pos = np.zeros(ids.shape, dtype=bool)
    frequent_pos[positions] = counts[inverse.ravel()] >= min_count
    return gram, counts, positions[first], frequent_pos


def _neighbour_sums(
    gram: np.ndarray, neighbour: np.ndarray, mask: np.ndarray, n_symbols: int, n_grams: int
) -> np.ndarray:
    """For each gram, the sum of c*log2(c) over its neighbour-symbol counts c."""
    keys = gram[mask] * n_symbols + neighbour[mask]
    uniq, counts = np.unique(keys, return_counts=True)
    return np.bincount(uniq // n_symbols, weights=counts * np.log2(counts), minlength=n_grams)


def _ngram_statistics(stream: str, min_count: int, max_len: int) -> tuple[pd.DataFrame, int]:
    """Count frequent Han n-grams (n <= max_len) with their branching entropies.

    Works level by level on integer arrays: the id of an (n+1)-gram is
    ``id(n-gram prefix) * n_symbols + next character``, built only where the
    prefix is frequent (an n-gram is never more frequent than its prefix).
    n-grams consist of Han characters only; any character (punctuation,
    digits, Latin, the NUL between texts) can be a neighbour.  Cost is
    O(L log L) per level for L characters; memory a few int64 arrays of
    length L.

    Returns
    -------
    (DataFrame with term, n, count, left_entropy, right_entropy, quoted
    (occurrences between quote marks or brackets); number of Han characters)
    """
    codes = np.frombuffer(stream.encode("utf-32-le"), dtype="<u4")
    han = _is_han(codes)
    _, symbol = np.unique(codes, return_inverse=True)
    symbol = symbol.astype(np.int64).ravel()
    n_symbols = int(symbol.max()) + 1
    n_han = int(han.sum())
    length = len(symbol)
    # The stream starts and ends with NUL, so for an n-gram at i (all Han)
    # the neighbours at i - 1 and i + n always exist.
    # Quotation marks and brackets delimit a name: each occurrence counts
    # as a distinct neighbour, so a term always printed in quotes (“浙里办”)
    # counts as free rather than as fused with its quote marks.  Other
    # punctuation stays an ordinary symbol (phrase ends before a comma are
    # not thereby terms).
    quotes = np.isin(codes, np.frombuffer(_QUOTE_CHARS.encode("utf-32-le"), dtype="<u4"))
    boundary = np.arange(n_symbols, n_symbols + length, dtype=np.int64)
    context = np.where(quotes, boundary, symbol)
    n_context = n_symbols + length
    next_symbol = np.zeros(length, dtype=np.int64)
    prev_symbol = np.zeros(length, dtype=np.int64)
    prev_symbol[1:] = context[:-1]

    frames = []
    ids = np.where(han, symbol, -1)
    for n in range(1, max_len + 1):
        if not (ids >= 0).any():
            break
        gram, counts, first_pos, frequent_pos = _count_level(ids, min_count)
        frequent = counts >= min_count
        if not frequent.any():
            break
        next_symbol[: length - n] = context[n:]
        next_symbol[length - n :] = n_symbols  # never read: the stream ends with a boundary
        right_sum = _neighbour_sums(gram, next_symbol, frequent_pos, n_context, len(counts))
        # occurrences printed between quotation marks or brackets
        enclosed = frequent_pos.copy()
        enclosed[1:] &= quotes[:-1]
        enclosed[: length - n] &= quotes[n:]
        enclosed[0] = enclosed[length - n :] = False
        n_quoted = np.bincount(gram[enclosed], minlength=len(counts))
        left_sum = _neighbour_sums(gram, prev_symbol, frequent_pos, n_context, len(counts))
        # Entropy of the neighbour distribution: log2(N) - sum(c log2 c) / N.
        total = counts[frequent].astype(float)
        log_total = np.log2(total)
        frames.append(
            pd.DataFrame(
                {
                    "term": [stream[p : p + n] for p in first_pos[frequent]],
                    "n": n,
                    "count": counts[frequent],
                    "left_entropy": log_total - left_sum[frequent] / total,
                    "right_entropy": log_total - right_sum[frequent] / total,
                    "quoted": n_quoted[frequent],
                }
            )
        )
        # Next level: (n+1)-grams whose n-gram prefix is frequent.
        extend = frequent_pos.copy()
        extend[: length - n] &= han[n:]
        extend[length - n :] = False
        ids = np.full(length, -1, dtype=np.int64)
        ids[extend] = gram[extend] * n_symbols + next_symbol[extend]  # Han, so context == symbol
    columns = ["term", "n", "count", "left_entropy", "right_entropy", "quoted"]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return table, n_han


def _min_split_pmi(table: pd.DataFrame, n_han: int) -> pd.Series:
    """PMI in bits of each term against its weakest binary split.

    ``min_k log2( p(w) / (p(w[:k]) p(w[k:])) )`` with ``p(x) = count(x) / n_han``.
    Every part of a frequent n-gram is frequent, so all parts are in ``table``.
    """
    count_of = pd.Series(table["count"].to_numpy(), index=table["term"].to_numpy())
    pmi = pd.Series(np.inf, index=table.index)
    for n, group in table[table["n"] >= 2].groupby("n"):
        terms = group["term"]
        best = pd.Series(np.inf, index=group.index)
        for k in range(1, n):
            left = count_of.reindex(terms.str[:k]).to_numpy(dtype=float)
            right = count_of.reindex(terms.str[k:]).to_numpy(dtype=float)
            split = np.log2(group["count"].to_numpy() * n_han / (left * right))
            best = np.minimum(best, split)
        pmi.loc[group.index] = best
    return pmi


def _is_fragment(term: str, tokenizer: "Tokenizer", policy_terms: set[str]) -> bool:
    """True for a known policy term plus a generic word, or a word plus one dangling character."""
    return _extends_known_term(term, policy_terms) or _has_dangling_char(term, tokenizer)


def _extends_known_term(term: str, policy_terms: set[str]) -> bool:
    """True for a known policy term plus a generic word.

    "Generic" means at most two characters beside the known term (智慧城市建设,
    推进智慧城市); a longer remainder may make a new term of its own
    (公共数据 + 授权运营).
    """
    for p in policy_terms:
        if p in term and p != term:
            k = term.index(p)
            if len(term) - len(p) <= 2 or (k > 0 and k + len(p) < len(term)):
                return True
    return False


def _has_dangling_char(term: str, tokenizer: "Tokenizer") -> bool:
    """True for a word plus one dangling character (率达到, 坚持以)."""
    parts = tokenizer.cut(term)
    if len(parts) < 2:
        return False
    singles = [len(p) == 1 for p in parts]
    if all(singles):
        return False  # nothing the dictionary knows: possibly a genuinely new term
    return singles[0] != singles[-1] and sum(singles) == 1


def adapt_tokenizer(texts: Iterable[str], n_terms: int = 50, *, min_count: int = 3,
                    boilerplate: bool = True, **tokenizer_kwargs: Any) -> tuple["Tokenizer", pd.DataFrame]:
    """Discover a corpus's own terms and return a tokenizer that knows them.

    The two lines a researcher would write, as one call used by every
    notebook so that they all segment a corpus the same way:
    ``new = discover_terms(texts, min_count)``, then
    ``Tokenizer(extra_terms=new.term[:n_terms], boilerplate=boilerplate)``.

    Returns
    -------
    (Tokenizer, DataFrame)
        The adapted tokenizer and the ranked candidate table (the first
        ``n_terms`` rows were added), so the additions can be shown and reviewed.
    """
    texts = list(texts)
    base = Tokenizer(boilerplate=boilerplate, **tokenizer_kwargs)
    new = discover_terms(texts, min_count=min_count, tokenizer=base)
    return Tokenizer(boilerplate=boilerplate, extra_terms=list(new["term"][:n_terms]), **tokenizer_kwargs), new


def discover_terms(
    texts: Iterable[str],
    min_count: int = 5,
    max_len: int = 6,
    *,
    min_len: int = 2,
    min_pmi: float = 1.0,
    min_entropy: float = 1.0,
    exclude_known: bool = True,
    edge_chars: str = EDGE_CHARS,
    tokenizer: Tokenizer | None = None,
    drop_fragments: bool = True,
) -> pd.DataFrame:
    """Rank candidate multi-character terms found in a corpus.

    Candidates are character n-grams inside runs of Han characters.  A good
    term is *cohesive* (its parts co-occur far more often than chance: high
    minimum PMI over all binary splits) and *free* (it appears in varied
    contexts: high entropy of the characters to its left and to its right,
    a fragment such as 智慧城 always being followed by 市).

    Parameters
    ----------
    texts : iterable of str
        The corpus, e.g. ``corpus.text`` (simplified characters).
    min_count : int, default 5
        Minimum number of occurrences.
    max_len : int, default 6
        Maximum term length in characters.
    min_len : int, default 2
        Minimum term length in characters.
    min_pmi : float, default 1.0
        Minimum cohesion, in bits.
    min_entropy : float, default 1.0
        Minimum of left and right branching entropy, in bits.
    exclude_known : bool, default True
        Drop terms that are already words of ``tokenizer``'s dictionary
        (jieba's plus the policy dictionary).
    edge_chars : str, default :data:`EDGE_CHARS`
        Drop candidates starting or ending with one of these characters
        (function characters such as 的, 和, 是); ``""`` keeps all.
    tokenizer : Tokenizer, optional
        Dictionary for ``exclude_known``; default the module default.
    drop_fragments : bool, default True
        Drop two kinds of candidates that are cohesive but not new terms:
        a known policy term with a generic word attached (智慧城市建设 would
        split the count of 智慧城市), and a word with a dangling single
        character (率达到 from 覆盖率达到, 坚持以).  A string the tokenizer
        breaks entirely into single characters (a new slogan such as 三融五跨)
        is kept, and so is a word plus one character that is printed in
        quotes at least half of the time (“浙里办”: a name).

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``count`` (occurrences), ``pmi`` (bits),
        ``left_entropy``, ``right_entropy`` (bits; entropy of the character
        just before / after the term; punctuation and the start or end of a
        text are symbols like any other, except quotation marks and brackets,
        each occurrence of which counts as a distinct neighbour, so that a
        name always printed in quotes, “浙里办”, is free) and
        ``score = pmi * min(left_entropy, right_entropy)`` (bits squared),
        sorted by score
        descending (ties: count descending, term).  ``attrs["provenance"]``
        is set.

    Notes
    -----
    Runs in O(L log L) per length for L characters (vectorised numpy): about
    2 s for 10 MB of text; memory is a few arrays of 8 bytes per character.
    The shipped dictionary includes the reviewed output of this function on
    the seed documents (see ``analysis/data/README.md``).

    Examples
    --------
    >>> new = discover_terms(corpus.text)                      # doctest: +SKIP
    >>> tok = Tokenizer(extra_terms=new.term[:200])            # doctest: +SKIP
    """
    if min_count < 1 or min_len < 1 or max_len < min_len:
        raise ValueError("need min_count >= 1 and 1 <= min_len <= max_len")
    if isinstance(texts, str):
        raise TypeError("pass an iterable of texts, not a single str")
    columns = ["term", "count", "pmi", "left_entropy", "right_entropy", "score"]
    tokenizer = _DEFAULT_TOKENIZER if tokenizer is None else tokenizer
    policy_terms = {w for w, _f, _t in load_user_dictionary() if len(w) >= 3}

    table, n_han = _ngram_statistics(_char_stream(texts), min_count, max_len)
    if table.empty:
        result = pd.DataFrame(columns=columns)
    else:
        table["pmi"] = _min_split_pmi(table, n_han)
        keep = (table["n"] >= min_len) & (table["pmi"] >= min_pmi)
        keep &= np.minimum(table["left_entropy"], table["right_entropy"]) >= min_entropy
        if edge_chars:
            edges = set(edge_chars)
            keep &= ~table["term"].str[0].isin(edges) & ~table["term"].str[-1].isin(edges)
        result = table[keep].copy()
        if exclude_known:
            known = result["term"].map(tokenizer.has_word).astype(bool)
            result = result[~known]
        if drop_fragments and len(result):
            # a string printed in quotes most of the time is a name (“浙里办”),
            # even when the dictionary reads it as a word plus one character
            named = result["quoted"] * 2 >= result["count"]
            extends = result["term"].map(lambda t: _extends_known_term(t, policy_terms)).astype(bool)
            dangles = result["term"].map(lambda t: _has_dangling_char(t, tokenizer)).astype(bool)
            result = result[~extends & (~dangles | named)]
        # A product, not a sum: a term must be both cohesive and free, and a
        # fragment with zero entropy on one side scores zero however cohesive.
        result["score"] = result["pmi"] * np.minimum(
            result["left_entropy"], result["right_entropy"]
        )
        result = result.sort_values(
            ["score", "count", "term"], ascending=[False, False, True], kind="mergesort"
        )[columns].reset_index(drop=True)
    result.attrs["provenance"] = provenance(tokenizer)
    return result
