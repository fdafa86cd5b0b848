"""The tokenizer: jieba (or its Rust port) with the policy dictionary, plus filtering.

Two engines run jieba's algorithm on jieba's dictionary plus the policy
terms: ``"rjieba"`` (the default; the Rust port, about 10-25x faster) and
``"jieba"`` (the Python reference).  ``benchmarks/RESULTS.md`` records how
often they agree.

Longest match wins: 新型智慧城市 is one token and is *not* also counted as
智慧城市, while compounds of a key term with a generic head (大数据平台,
数据要素市场) are deliberately not in the dictionary, so they yield
大数据 + 平台.  For character-level counts use ``analysis.frequency.kwic``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

import jieba

from .cache import CACHE_FORMAT
from .dictionary import data_file_hashes
from .filters import filter_tokens, is_number, normalise_stopwords, numeric_dictionary_terms, stopword_set
from .jieba_backend import add_words, base_jieba, copy_jieba, normalise_terms, quiet_jieba
from .rjieba_backend import add_words_rjieba, base_rjieba, new_rjieba, rjieba_version

__all__ = ["DEFAULT_ENGINE", "ENGINES", "Tokenizer", "add_terms", "get_default_tokenizer", "tokenize"]

#: Segmentation engines: the Rust port of jieba (fast, the default) and jieba itself (the reference).
ENGINES = ("rjieba", "jieba")
DEFAULT_ENGINE = "rjieba"


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
    engine : {"rjieba", "jieba"}, default "rjieba"
        ``"rjieba"``: the Rust port of jieba (same algorithm, dictionary and
        user terms; about 10-25x faster).  ``"jieba"``: the Python reference.

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
        engine: str = DEFAULT_ENGINE,
    ) -> None:
        if int(min_len) < 1:
            raise ValueError(f"min_len must be >= 1, got {min_len}")
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
        self.engine = engine
        self.stopwords = normalise_stopwords(stopwords)
        self.boilerplate = bool(boilerplate)
        self.keep_numbers = bool(keep_numbers)
        self.min_len = int(min_len)
        self.extra_terms = normalise_terms(extra_terms)
        self.hmm = bool(hmm)
        self._reset_derived()

    def _reset_derived(self) -> None:
        self._jieba: Any = None  # jieba.Tokenizer or rjieba.Jieba, built on first use
        self._fingerprint: str | None = None
        self._memo: dict[str, bool] = {}  # filter decisions, valid for these settings only
        self._protected = numeric_dictionary_terms() | frozenset(t for t in self.extra_terms if is_number(t))

    # -- pickling: a jieba instance holds a lock and ~50 MB of dictionary, rjieba's cannot be pickled
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_jieba"] = None
        state["_memo"] = {}
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
            f"extra_terms=<{len(self.extra_terms)} terms>, hmm={self.hmm}, engine={self.engine!r})"
        )

    # -- configuration -----------------------------------------------------
    @property
    def stopword_set(self) -> frozenset[str]:
        """The words this tokenizer removes (general and/or boilerplate)."""
        return stopword_set(self.stopwords, self.boilerplate)

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
            "engine": self.engine,
        }

    @property
    def fingerprint(self) -> str:
        """SHA-256 hex digest of the configuration (engine included), data files and engine version."""
        if self._fingerprint is None:
            engine_version = jieba.__version__ if self.engine == "jieba" else rjieba_version()
            payload = {
                "cache_format": CACHE_FORMAT,
                self.engine: engine_version,
                "files": data_file_hashes(),
                "config": self.get_config(),
            }
            blob = json.dumps(payload, ensure_ascii=False, sort_keys=True)
            self._fingerprint = hashlib.sha256(blob.encode("utf-8")).hexdigest()
        return self._fingerprint

    # -- dictionary --------------------------------------------------------
    def _get_jieba(self) -> Any:
        """Return the engine instance (built on first use): jieba.Tokenizer or rjieba.Jieba."""
        if self._jieba is None and self.engine == "rjieba":
            self._jieba = new_rjieba(self.extra_terms) if self.extra_terms else base_rjieba()
        if self._jieba is None:
            base = base_jieba()
            if self.extra_terms:
                instance = copy_jieba(base)
                with quiet_jieba():
                    add_words(instance, self.extra_terms)
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
        new = tuple(t for t in normalise_terms(terms) if t not in self.extra_terms)
        if not new:
            return self
        self.extra_terms = self.extra_terms + new
        instance = self._jieba
        self._reset_derived()
        if instance is None or instance is base_jieba() or instance is base_rjieba():
            return self  # the shared instances are never changed: build a private one on next use
        # Already a private instance: extend it instead of rebuilding.
        if self.engine == "rjieba":
            add_words_rjieba(instance, new)
        else:
            with quiet_jieba():
                add_words(instance, new)
        self._jieba = instance
        return self

    def has_word(self, word: str) -> bool:
        """Return True if ``word`` is a word of this tokenizer's dictionary."""
        if self.engine == "rjieba":
            return bool(self._get_jieba().has_word(word))
        return bool(self._get_jieba().FREQ.get(word, 0))

    # -- segmentation ------------------------------------------------------
    def cut(self, text: str) -> list[str]:
        """Segment without any filtering (punctuation, stopwords included).

        Returns
        -------
        list of str
            The engine's tokens; ``"".join(result) == text``.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}")
        return _cut(self._get_jieba(), self.engine, text, self.hmm)

    def __call__(self, text: str) -> list[str]:
        """Segment ``text`` and drop stopwords, punctuation, numbers, short tokens.

        Returns
        -------
        list of str
            Terms in text order (duplicates kept).
        """
        tokens = self.cut(text)
        return filter_tokens(tokens, self.stopword_set, self.min_len, self.keep_numbers, self._protected, self._memo)


def _cut(instance: Any, engine: str, text: str, hmm: bool) -> list[str]:
    """Return the unfiltered tokens of ``text`` from an engine instance."""
    if engine == "rjieba":
        return instance.cut(text, hmm)
    return instance.lcut(text, HMM=hmm)


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

    Uses the default engine (rjieba), jieba's default dictionary plus the shipped policy dictionary (and
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
    >>> tokenize("加快推进新型智慧城市建设，推行政务服务一网通办")
    ['加快', '推进', '新型智慧城市', '建设', '推行', '政务服务', '一网通办']
    >>> tokenize("加快推进新型智慧城市建设，推行政务服务一网通办", boilerplate=True)
    ['新型智慧城市', '建设', '政务服务', '一网通办']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if min_len < 1:
        raise ValueError(f"min_len must be >= 1, got {min_len}")
    stopset = stopword_set(normalise_stopwords(stopwords), bool(boilerplate))
    default = _DEFAULT_TOKENIZER
    tokens = _cut(default._get_jieba(), default.engine, text, hmm)
    return filter_tokens(tokens, stopset, min_len, keep_numbers, _DEFAULT_TOKENIZER._protected)
