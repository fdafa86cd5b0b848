"""Whether a repeat is a phrase or a fragment: word boundaries at its edges.

A repeat of characters can start or end inside a word: 进新型智慧城市 (of
推进/促进新型智慧城市) and 业数字化转型 (of 产业数字化转型) are shared strings but
not phrases anyone wrote.  A formula must start and end on word boundaries of
the tokenizer (the project's policy dictionary) in most of the occurrences
checked, and not start or end with a function character (的建设, 推进智慧的:
:data:`analysis.segment.EDGE_CHARS`).  Only the clause around an occurrence is
segmented, so the cost grows with the number of candidates, not the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..segment import EDGE_CHARS, Tokenizer
from .index import ENUMERATION_COMMA, SEPARATOR_CHARS

__all__ = ["CLAUSE_REACH", "OCCURRENCES_CHECKED", "on_word_boundaries"]

#: Characters segmented on each side of an occurrence (up to the clause's end).
CLAUSE_REACH = 12
#: Occurrences of a formula whose edges are checked (the first ones, in corpus order).
OCCURRENCES_CHECKED = 3
_STOPS = set(SEPARATOR_CHARS) | {ENUMERATION_COMMA}


class _Boundaries:
    """Token boundaries of clause windows, cached per window."""

    def __init__(self, texts: Sequence[str], tokenizer: Tokenizer) -> None:
        self.texts = texts
        self.tokenizer = tokenizer
        self.cache: dict[str, set[int]] = {}

    def window(self, doc: int, start: int, end: int) -> tuple[int, int]:
        text = self.texts[doc]
        lo = start
        while lo > 0 and start - lo < CLAUSE_REACH and text[lo - 1] not in _STOPS:
            lo -= 1
        hi = end
        while hi < len(text) and hi - end < CLAUSE_REACH and text[hi] not in _STOPS:
            hi += 1
        return lo, hi

    def at_boundaries(self, doc: int, start: int, end: int) -> bool:
        lo, hi = self.window(doc, start, end)
        # windows repeat across documents (copied sentences): cache by their text
        key = self.texts[doc][lo:hi]
        if key not in self.cache:
            cuts, at = {0, hi - lo}, 0
            for token in self.tokenizer.cut(key):
                at += len(token)
                cuts.add(at)
            self.cache[key] = cuts
        cuts = self.cache[key]
        return start - lo in cuts and end - lo in cuts


def on_word_boundaries(
    formulas: Sequence[str],
    occurrences: Sequence[Sequence[tuple[int, int, int]]],
    texts: Sequence[str],
    tokenizer: Tokenizer,
) -> list[bool]:
    """For each formula, True if it is a phrase rather than a fragment of words.

    Parameters
    ----------
    formulas : the formulas as the index reads them.
    occurrences : for each formula, its (document number, start, end) in
        corpus order; the first :data:`OCCURRENCES_CHECKED` are segmented.
    texts : the documents' texts.
    tokenizer : segments the clause around each occurrence.

    Returns
    -------
    list of bool
        True when the formula neither starts nor ends with one of
        :data:`analysis.segment.EDGE_CHARS` and both its edges fall on token
        boundaries in at least half of the occurrences checked.
    """
    bounds = _Boundaries(texts, tokenizer)
    out = []
    for formula, occ in zip(formulas, occurrences, strict=True):
        if not formula or formula[0] in EDGE_CHARS or formula[-1] in EDGE_CHARS:
            out.append(False)
            continue
        checked = list(occ[:OCCURRENCES_CHECKED])
        need = (len(checked) + 1) // 2  # at least half
        good = bad = 0
        for d, s, e in checked:
            if bounds.at_boundaries(d, s, e):
                good += 1
            else:
                bad += 1
            if good >= need or bad > len(checked) - need:
                break
        out.append(good >= need)
    return out
