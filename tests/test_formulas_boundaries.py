"""Word boundaries: fragments of words are not formulas (analysis.formulas.boundaries)."""

from __future__ import annotations

from analysis.formulas.boundaries import on_word_boundaries
from analysis.segment import get_default_tokenizer


def test_fragments_and_phrases():
    text = "各地要推进新型智慧城市建设,加快产业数字化转型。"
    tok = get_default_tokenizer()

    def span(s):
        i = text.index(s)
        return [(0, i, i + len(s))]

    formulas = ["推进新型智慧城市建设", "进新型智慧城市", "业数字化转型", "产业数字化转型", "的新型智慧城市"]
    ok = on_word_boundaries(formulas, [span(f) if f in text else [] for f in formulas], [text], tok)
    assert ok == [True, False, False, True, False]


def test_majority_of_the_occurrences_checked():
    texts = ["推进城市运行管理。", "推进城市运行管理服务平台。", "城市运行管理。"]
    f = "城市运行管理"
    occ = [(d, t.index(f), t.index(f) + len(f)) for d, t in enumerate(texts)]
    tok = get_default_tokenizer()
    assert on_word_boundaries([f], [occ], texts, tok) == [True]
