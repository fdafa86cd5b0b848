"""Shingling: the one home of character shingles in the project.

Texts are normalised to their letters and digits (punctuation, whitespace and
symbols dropped; full-width forms, compatibility ideographs and upper-case Latin
folded), each kept character remembering its offset in the original text, and
every run of ``n`` normalised characters is hashed with a salted polynomial
rolling hash (numpy, whole corpus at once).  :func:`shingle_hashes` and
:func:`normalise` are the small public entry points other stages can use.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["normalise", "shingle_hashes"]


HASH_BASE = np.uint64(0x100000001B3)


@functools.cache
def char_tables() -> tuple[np.ndarray, np.ndarray]:
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
class Encoded:
    """The normalised corpus: documents concatenated earliest first, with maps back to each text."""

    codes: np.ndarray  # uint32 normalised code points, all docs concatenated
    doc_of: np.ndarray  # int32 document index of each normalised char
    orig_off: np.ndarray  # int32 offset of each normalised char in its doc's text
    doc_start: np.ndarray  # int64 per document: first normalised index
    doc_end: np.ndarray  # int64 per document: one past its last normalised index


def index_dtype(n: int) -> np.dtype[Any]:
    """Return the narrowest integer dtype (int32 or int64) that can index ``n`` items.

    Positions are the bulk of the memory; int32 halves it for any corpus
    under two billion characters.
    """
    return np.dtype(np.int32) if n < 2**31 - 1 else np.dtype(np.int64)


def encode_corpus(texts: Sequence[str], order: np.ndarray) -> Encoded:
    """Normalise all texts at once and keep the map back to original offsets.

    Documents are concatenated in ``order`` (earliest first), so that sorting
    positions also sorts documents by precedence.
    """
    keep_tab, fold_tab = char_tables()
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    raw = np.frombuffer("".join(texts[i] for i in order).encode("utf-32-le"), dtype=np.uint32)
    dt = index_dtype(len(raw))
    top = np.uint32(0xFFFF)
    # characters outside the BMP are rare CJK extensions: keep them as they are
    keep = np.empty(len(raw), dtype=bool)
    for sl in chunks(len(raw)):
        r = raw[sl]
        keep[sl] = keep_tab[np.minimum(r, top)] | (r > top)
    codes = raw[keep]
    for sl in chunks(len(codes)):
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
    for sl in chunks(len(raw)):
        at = np.flatnonzero(keep[sl]).astype(dt)
        at += sl.start
        orig_off[done : done + len(at)] = at
        done += len(at)
    del keep
    orig_off -= np.repeat(concat_start.astype(dt), counts_in_order)
    doc_of = np.repeat(order.astype(np.int32), counts_in_order)
    counts = np.zeros(len(texts), dtype=np.int64)
    counts[order] = counts_in_order
    doc_start = np.zeros(len(texts), dtype=np.int64)
    doc_start[order] = np.cumsum(counts_in_order) - counts_in_order
    return Encoded(codes=codes, doc_of=doc_of, orig_off=orig_off, doc_start=doc_start, doc_end=doc_start + counts)


def splitmix64(x: np.ndarray) -> np.ndarray:
    """Return a well-mixed 64-bit hash of each element (splitmix64 finaliser)."""
    x = x.copy()
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def hash_shingles(
    codes: np.ndarray, doc_of: np.ndarray, ngram: int, random_state: int
) -> tuple[np.ndarray, np.ndarray]:
    """Hash every ``ngram``-character window of the concatenated corpus.

    Returns
    -------
    hashes : uint64 array, one per window start (len(codes) - ngram + 1)
    valid : bool array, False for windows that cross a document boundary
    """
    n = len(codes) - ngram + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=bool)
    salt = splitmix64(np.array([random_state & 0xFFFFFFFFFFFFFFFF], dtype=np.uint64))[0]
    out = np.empty(n, dtype=np.uint64)
    # in cache-sized chunks: the many passes then run from cache, not memory
    for sl in chunks(n):
        h = out[sl]
        h[:] = codes[sl]
        # uint64 arithmetic wraps, giving the polynomial hash modulo 2**64
        for j in range(1, ngram):
            h *= HASH_BASE
            h += codes[sl.start + j : sl.stop + j]
        h ^= salt
        h[:] = splitmix64(h)
    valid = doc_of[:n] == doc_of[ngram - 1 :]
    return out, valid


def chunks(n: int, size: int = 1 << 16) -> Iterator[slice]:
    """Slices covering range(n) in pieces of ``size``."""
    for lo in range(0, n, size):
        yield slice(lo, min(n, lo + size))


def normalise(text: str) -> tuple[str, np.ndarray]:
    """Normalise one text as the reuse detector does.

    Returns
    -------
    (normalised, offsets)
        The text's letters and digits, folded (full-width forms, compatibility
        ideographs and upper-case Latin mapped to their ordinary forms), and
        for each normalised character its offset in ``text`` (int array, in
        characters).
    """
    enc = encode_corpus([text], np.zeros(1, dtype=np.int64))
    return enc.codes.tobytes().decode("utf-32-le"), enc.orig_off.astype(np.int64)


def shingle_hashes(text: str, n: int = 10, random_state: int = 0) -> np.ndarray:
    """Hash every run of ``n`` normalised characters of ``text`` (see :func:`normalise`).

    Returns
    -------
    numpy.ndarray of uint64
        One hash per shingle start, in text order (``len(normalised) - n + 1``
        values, none for a text shorter than ``n``).  Equal shingles have equal
        hashes for the same ``random_state`` (the salt), as in
        :func:`analysis.reuse.find_reuse`.
    """
    if int(n) != n or n < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    enc = encode_corpus([text], np.zeros(1, dtype=np.int64))
    hashes, _ = hash_shingles(enc.codes, enc.doc_of, int(n), random_state)
    return hashes
