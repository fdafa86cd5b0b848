"""The jieba engine (the reference): a private instance with the policy terms.

The global ``jieba`` singleton is never touched, so other code using
``jieba.lcut`` is not affected by this package's dictionary.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterable, Iterator

import jieba

from .dictionary import load_user_dictionary

__all__ = [
    "MIN_TERM_FREQ",
    "TERM_FREQ_MARGIN",
    "add_words",
    "base_jieba",
    "copy_jieba",
    "normalise_terms",
    "quiet_jieba",
]

# A discovered term gets this many times the frequency jieba says is just
# enough to keep it whole in isolation: the bare minimum loses to overlapping
# dictionary words in context (e.g. 城市大脑 inside 智慧城市大脑建设).
TERM_FREQ_MARGIN = 20
MIN_TERM_FREQ = 2000

# jieba's Han-block pattern: a dictionary word with characters outside it
# (spaces, 《》, ·) can never be matched, so such terms are rejected early.
_JIEBA_WORD = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


@contextlib.contextmanager
def quiet_jieba() -> Iterator[None]:
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


def base_jieba() -> jieba.Tokenizer:
    """Return the shared jieba instance: default dictionary + policy terms.

    Built on first use (about 0.5 s) and never mutated afterwards; a
    tokenizer with extra terms works on a copy (:func:`copy_jieba`).
    """
    global _BASE_JIEBA
    with _BASE_LOCK:
        if _BASE_JIEBA is None:
            instance = jieba.Tokenizer()
            with quiet_jieba():
                instance.initialize()
                for word, freq, tag in load_user_dictionary():
                    instance.add_word(word, freq, tag)
            _BASE_JIEBA = instance
    return _BASE_JIEBA


def copy_jieba(source: jieba.Tokenizer) -> jieba.Tokenizer:
    """Return a copy of an initialised jieba instance, without re-reading its dictionary."""
    instance = jieba.Tokenizer()
    instance.FREQ = dict(source.FREQ)
    instance.total = source.total
    instance.user_word_tag_tab = dict(source.user_word_tag_tab)
    # The prefix dictionary was copied above, so jieba must not rebuild it.
    instance.initialized = True
    return instance


def add_words(instance: jieba.Tokenizer, terms: Iterable[str]) -> None:
    """Add ``terms`` to ``instance`` with a frequency high enough to stay whole in context."""
    for term in terms:
        suggested = instance.suggest_freq(term, tune=False)
        freq = max(suggested * TERM_FREQ_MARGIN, instance.FREQ.get(term, 0), MIN_TERM_FREQ)
        instance.add_word(term, freq, "nz")


def normalise_terms(terms: Iterable[str] | str | None) -> tuple[str, ...]:
    """Return terms as a de-duplicated tuple in first-seen order, validating each one."""
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
