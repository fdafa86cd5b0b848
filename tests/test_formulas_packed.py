"""Codes packed to 64-bit words (analysis.formulas.packed), checked against the codes they pack."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.formulas.index import encode_texts
from analysis.formulas.packed import pack_codes


def _unpack(word: int, per_word: int, bits: int) -> list[int]:
    return [(word >> (bits * (per_word - 1 - t))) & ((1 << bits) - 1) for t in range(per_word)]


@pytest.mark.parametrize(
    "texts, per_word",
    [
        (["甲乙丙,甲乙", "丙丁"], 21),  # 4 characters and a separator: 3 bits a code
        (["".join(chr(0x4E00 + i) for i in range(3000)), "一丁"], 5),  # 3,000 characters: 12 bits
        (["\U00020000𠀁甲乙。乙"], 21),
    ],
)
def test_words_hold_the_next_codes_up_to_a_separator(texts, per_word):
    enc = encode_texts(texts)
    packed = pack_codes(enc.codes, pad=3)
    codes = enc.codes.tolist()
    chars = sorted({c for c in codes if not enc.is_sep[codes.index(c)]})
    dense = {c: i + 1 for i, c in enumerate(chars)}
    assert packed.per_word == per_word and len(packed.words) == len(codes) + 3
    assert packed.words[-3:].tolist() == [0, 0, 0]
    for p in range(len(codes)):
        want = []
        for c, sep in zip(codes[p : p + per_word], enc.is_sep[p : p + per_word].tolist()):
            want.append(len(chars) + 1 if sep else dense[c])
            if sep:
                break
        want += [0] * (per_word - len(want))
        assert _unpack(int(packed.words[p]), per_word, packed.bits) == want, p
        # distance to the next separator (every text ends with one)
        assert packed.to_separator[p] == enc.is_sep[p:].tolist().index(True)


def test_words_compare_as_the_codes_do():
    enc = encode_texts(["乙甲丙,甲乙丁", "甲乙丙甲", "丙"])
    packed = pack_codes(enc.codes)
    sep = np.iinfo(np.int64).max  # a separator sorts above every character
    keys = [
        tuple(sep if s else c for c, s in zip(enc.codes[p : p + packed.per_word].tolist(), enc.is_sep[p:].tolist()))
        for p in range(len(enc.codes))
    ]
    # truncated after the first separator, as the words are
    keys = [k[: k.index(sep) + 1] if sep in k else k for k in keys]
    by_word = sorted(range(len(keys)), key=lambda p: (int(packed.words[p]), p))
    assert [keys[p] for p in by_word] == sorted(keys)


def test_empty():
    packed = pack_codes(np.zeros(0, dtype=np.uint32), pad=2)
    assert packed.words.tolist() == [0, 0] and len(packed.to_separator) == 0
