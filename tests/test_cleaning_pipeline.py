"""clean_text (analysis.cleaning.pipeline): idempotent, and clean simplified text is left alone."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import cleaning

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SHAANXI = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")

_CLEAN_LINES = [ln.strip() for ln in SHAANXI.split("\n") if len(ln.strip()) > 10 and "扫描" not in ln]
_ALPHABET = st.sampled_from(
    [*"智慧城市建设数据平台推进发展年月日号的和一二三四五六七八九十()、,。:“”《》 0123456789国發關於", "\n"]
)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_clean_text_is_idempotent(text):
    once = cleaning.clean_text(text)
    assert cleaning.clean_text(once) == once


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_CLEAN_LINES), min_size=1, max_size=8))
def test_clean_simplified_text_is_unchanged(lines):
    text = "\n".join(lines)
    assert cleaning.clean_text(text) == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_each_step_is_idempotent(text):
    for step in (
        cleaning.normalize_width,
        cleaning.remove_ruby_pinyin,
        cleaning.normalize_spaces,
        cleaning.remove_chunk_markers,
    ):
        once = step(text)
        assert step(once) == once, step.__name__
