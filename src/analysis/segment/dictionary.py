"""The shipped segmentation data: policy user dictionary and stopword lists.

Files live in ``analysis/data`` and are found through
:func:`analysis.resources.data_file`, so they load after a wheel install too.

``policy_userdict.txt``
    jieba user-dictionary format ``word freq tag``, with a ``# version:``
    header that must equal :data:`DICTIONARY_VERSION`.  Built from (1) a
    hand-curated list of terms of Chinese smart-city and digital-government
    policy (national slogans, platforms, technologies, agencies) and (2) the
    candidates that :func:`analysis.segment.discover_terms` ranked highest on
    the seed documents (simplified with OpenCC, ``min_count=3, max_len=6``),
    kept after review by hand.  ``data/README.md`` records the procedure.
``stopwords_zh.txt``
    General Chinese function words (pronouns, conjunctions, prepositions,
    particles, degree adverbs, ...), removed by default.
``stopwords_boilerplate.txt``
    Exhortative verbs and adverbs and document-format words of official
    documents (加快, 推进, 加强, 进一步, 积极, 全面, 深入, 认真, 印发, 如下 ...), removed
    only with ``boilerplate=True`` because whether they are noise depends on
    the research question.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..resources import data_file

__all__ = [
    "BOILERPLATE_PATH",
    "DICTIONARY_VERSION",
    "STOPWORDS_PATH",
    "USER_DICT_PATH",
    "data_file_hashes",
    "file_sha256",
    "load_stopwords",
    "load_user_dictionary",
]

#: Version of the shipped user dictionary and stopword lists.  Bump it (and the
#: ``# version:`` header of ``policy_userdict.txt``) whenever a data file changes.
DICTIONARY_VERSION = "1.1.0"

USER_DICT_PATH = data_file("policy_userdict.txt")
STOPWORDS_PATH = data_file("stopwords_zh.txt")
BOILERPLATE_PATH = data_file("stopwords_boilerplate.txt")

_USERDICT_LINE = re.compile(r"(\S+) (\d+) ([a-z]+)")
_VERSION_HEADER = re.compile(r"#\s*version:\s*(\S+)")


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
    path = USER_DICT_PATH
    version = _file_version(path)
    if version != DICTIONARY_VERSION:
        raise ValueError(f"{path.name} has version {version!r}, expected {DICTIONARY_VERSION!r}")
    entries = []
    for line in _read_data_lines(path):
        match = _USERDICT_LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"bad line in {path.name}: {line!r}")
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
        The words of the list.
    """
    paths = {"general": STOPWORDS_PATH, "boilerplate": BOILERPLATE_PATH}
    if kind not in paths:
        raise ValueError(f"kind must be one of {sorted(paths)}, got {kind!r}")
    return frozenset(_read_data_lines(paths[kind]))


@cache
def file_sha256(path: Path) -> str:
    """Return the SHA-256 hex digest (64 characters) of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def data_file_hashes() -> dict[str, str]:
    """Return ``{file name: sha256 hex}`` of the dictionary and both stopword lists, in that order."""
    return {path.name: file_sha256(path) for path in (USER_DICT_PATH, STOPWORDS_PATH, BOILERPLATE_PATH)}
