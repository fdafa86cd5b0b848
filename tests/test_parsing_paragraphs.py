"""Paragraphs (analysis.parsing.paragraphs)."""

import pytest

import analysis
from analysis.parsing import split_paragraphs, split_run_on
from conftest import seed_row


@pytest.fixture(scope="module")
def corpus(seed_corpus):
    return seed_corpus


_row = seed_row


def test_paragraph_table(corpus):
    paras = analysis.load_paragraphs(corpus)
    assert list(paras.columns) == ["doc_id", "para_id", "section", "text", "n_chars", "is_heading"]
    assert set(paras.doc_id) == set(corpus.doc_id)
    sc = paras[paras.doc_id == _row(corpus, "关于加快新型智慧城市建设的指导意见").doc_id]
    last = sc.iloc[-1]
    assert last.section == "九、 > (二十三)" and last.text.startswith("(二十三)强化宣传交流合作")
    sd = paras[paras.doc_id == _row(corpus, "鲁政字〔2021〕128号").doc_id]
    assert "七、 > (二) > 3." in set(sd.section)
    assert (paras.groupby("doc_id").para_id.apply(lambda s: list(s) == list(range(len(s))))).all()
    assert len(paras) > 250  # far more units than 23 documents


def test_run_on_text_is_split_at_heading_markers():
    text = "一、总体要求(一)指导思想。坚持统筹推进。(二)基本原则。坚持需求导向。二、主要任务(一)建设平台。" * 20
    out = split_run_on(text)
    assert out.split("\n")[:3] == ["一、总体要求", "(一)指导思想。坚持统筹推进。", "(二)基本原则。坚持需求导向。"]
    assert split_run_on("第一段。\n第二段。") == "第一段。\n第二段。"


def test_sections_follow_heading_markers():
    rows = split_paragraphs("d", "一、总体要求\n(一)指导思想。\n1.坚持统筹。\n二、任务")
    assert [r["section"] for r in rows] == ["一、", "一、 > (一)", "一、 > (一) > 1.", "二、"]
    assert [r["is_heading"] for r in rows] == [True, False, False, True]
