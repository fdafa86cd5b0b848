"""PDF repairs (analysis.cleaning.pdf): chunk markers and page numbers, on real damaged snippets from the seeds."""

from pathlib import Path

from analysis import cleaning

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
COMPILATION = (SEEDS / "004_03387e22a2c5536b.txt").read_text(encoding="utf-8")
SHAANXI = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")


def test_chunk_markers_removed_and_split_words_rejoined():
    out = cleaning.remove_chunk_markers(COMPILATION)
    # "推進市政公用設施、\n6、建筑等物聯網應用" in the seed: a chunk break mid-phrase
    assert "\n6、建筑" in COMPILATION
    assert "推進市政公用設施、建筑等物聯網應用" in out
    # "...國民經濟和社會發展第十四個五年\n5、規劃" splits a word
    assert "第十四個五年規劃" in out
    assert out.count("\n") == 1  # preamble line + one joined body


def test_genuine_numbered_list_is_not_a_chunk_marker():
    # Shaanxi numbers its items 1、..6、 at line starts; those are content.
    out = cleaning.remove_chunk_markers(SHAANXI)
    assert out == SHAANXI
    assert "\n1、实施社会治理“一格通”" in out


def test_page_numbers_inside_sentences_are_removed():
    text = cleaning.undouble(cleaning.remove_chunk_markers(cleaning.normalize_width(COMPILATION)))
    out = cleaning.remove_page_numbers(text)
    assert "提升網絡安全41防護水平" in text
    assert "提升網絡安全防護水平" in out
    assert "建立部際協調機制" in out and "部際協17調" not in out
    assert "提供廣覆蓋、多層次、差異化" in out  # page 9 before a unit-like 次
    assert "發展智慧縣城" in out  # page 4 inside 县城


def test_page_number_removal_keeps_real_numbers():
    text = cleaning.undouble(cleaning.remove_chunk_markers(cleaning.normalize_width(COMPILATION)))
    out = cleaning.remove_page_numbers(text)
    assert "2016 年 12 月 16 日前" in out
    assert "全省建成 5G 基站 16 萬個以上" in out
    assert "DB37/T3890" in out
    # plain text without a page chain is untouched
    assert cleaning.remove_page_numbers(SHAANXI) == SHAANXI


def test_pdf_extraction_is_detected_on_the_compilation_only():
    assert cleaning.is_pdf_extraction(COMPILATION)
    assert not cleaning.is_pdf_extraction(SHAANXI)


def test_chunk_markers_separated_by_blank_lines_are_removed():
    # the seed's chunks saved with a blank line after every line (an HTML-to-text tool's output;
    # tests/devset/perturb.py blank_lines broke holdout14/pages/056.txt so): the same chunks
    spaced = COMPILATION.replace("\n", "\n\n")
    assert cleaning.is_pdf_extraction(spaced)
    out = cleaning.remove_chunk_markers(spaced)
    assert "推進市政公用設施、建筑等物聯網應用" in out and "第十四個五年規劃" in out
    assert out.strip("\n").count("\n") == cleaning.remove_chunk_markers(COMPILATION).count("\n") + 1
    # list items stay list items, blank lines or not
    assert cleaning.remove_chunk_markers(SHAANXI.replace("\n", "\n\n")) == SHAANXI.replace("\n", "\n\n")
