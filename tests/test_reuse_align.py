"""align_passages: character-level edit segments of two passages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.reuse import (
    align_passages,
)
from reuse_corpora import (
    P_SERVICES,
)


def test_align_passages_segments_reconstruct_both_texts():
    segments = align_passages(P_SERVICES, "在教育文化、医疗卫生、劳动就业等公共服务领域")
    assert "".join(a for _, a, _ in segments) == P_SERVICES
    assert "".join(b for _, _, b in segments) == "在教育文化、医疗卫生、劳动就业等公共服务领域"
    assert ("delete", "计划生育、", "") in segments
    assert {op for op, _, _ in segments} <= {"equal", "replace", "insert", "delete"}


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="智慧城市建设推进数据、。<&", max_size=40),
    st.text(alphabet="智慧城市建设推进数据、。<&", max_size=40),
)
def test_align_passages_is_lossless(a, b):
    segments = align_passages(a, b)
    assert "".join(x for _, x, _ in segments) == a
    assert "".join(y for _, _, y in segments) == b
    for op, x, y in segments:
        assert (op == "equal") == (x == y and x != "")
        assert op != "insert" or x == ""
        assert op != "delete" or y == ""
