"""Several codes in one 64-bit word: what lets the suffix array and its common prefixes compare k codes at once.

A corpus uses a few thousand distinct characters, so each fits in 11-16 bits
once renumbered densely (in code order, so order is kept) and four or five fit
in one word.  Separators are unique codes in :mod:`.index` (none equals another),
which no dense numbering can keep; instead a separator gets the number above
every character and the word stops at it (zeros after it), and what the
unique codes did is done with the distance to the next separator: a common
prefix never runs past it, and suffixes equal up to a separator are ordered
by where that separator is (as the unique codes, rising with position, order
them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["PackedCodes", "pack_codes"]

#: Code points above this are separators (the first code of :data:`analysis.formulas.index.SEPARATOR_BASE`).
_CHAR_LIMIT = 0x110000


@dataclass(frozen=True)
class PackedCodes:
    """Codes renumbered densely and packed ``per_word`` to a 64-bit word."""

    words: np.ndarray  # uint64 per position: its code and the next per_word - 1, up to and with a separator
    per_word: int
    bits: int  # per code
    to_separator: np.ndarray  # int32 per position: codes before the next separator (0 on a separator)


def _distance_to_separator(is_sep: np.ndarray) -> np.ndarray:
    n = len(is_sep)
    at = np.where(is_sep, np.arange(n, dtype=np.int64), n)
    # the next separator at or after each position: a running minimum from the end
    next_sep = np.minimum.accumulate(at[::-1])[::-1]
    return (next_sep - np.arange(n, dtype=np.int64)).astype(np.int32)


def pack_codes(codes: np.ndarray, pad: int = 0) -> PackedCodes:
    """Pack ``codes`` (:func:`analysis.formulas.index.encode_texts`; separators are codes >= 0x110000).

    ``pad`` zero words are appended to ``words`` (reads up to ``pad`` past the end compare zeros).

    Returns
    -------
    PackedCodes
        ``words``: for each position, the dense numbers (characters 1..A in code
        order, a separator A + 1, nothing after it: 0) of its next ``per_word``
        codes, the first in the highest bits, so words compare as the code
        sequences do up to the first separator; ``per_word`` (3 or more) and
        ``bits`` (per code); ``to_separator`` (codes before the next separator).
    """
    n = len(codes)
    is_sep = codes >= _CHAR_LIMIT
    present = np.zeros(_CHAR_LIMIT + 1, dtype=np.int32)
    present[codes[~is_sep]] = 1
    dense_of = np.cumsum(present, dtype=np.int32)  # character code -> 1..A, in code order
    n_chars = int(dense_of[-1])
    dense = np.where(is_sep, n_chars + 1, dense_of[np.minimum(codes, _CHAR_LIMIT)]).astype(np.uint64)
    bits = (n_chars + 1).bit_length()  # at most 21: every code point fits
    per_word = 64 // bits
    to_sep = _distance_to_separator(is_sep)
    words = np.zeros(n + pad, dtype=np.uint64)
    for j in range(min(per_word, n)):
        words[: n - j] |= dense[j:] << np.uint64(bits * (per_word - 1 - j))
    # nothing after the first separator: the unique separator codes ordered there, not what follows
    used = (1 << (bits * per_word)) - 1
    keep = np.array([used ^ ((1 << (bits * (per_word - 1 - t))) - 1) for t in range(per_word)], dtype=np.uint64)
    words[:n] &= keep[np.minimum(to_sep, per_word - 1)]
    return PackedCodes(words=words, per_word=per_word, bits=bits, to_separator=to_sep)
