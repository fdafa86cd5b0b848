"""文号 (analysis.metadata.docnumber)."""

from analysis.metadata import doc_number_year, find_doc_numbers, normalize_doc_number


def test_damaged_forms_normalise():
    assert normalize_doc_number("豫郑办【2020】27号") == "豫郑办〔2020〕27号"
    assert normalize_doc_number("国发 2021 29号") == "国发〔2021〕29号"
    assert find_doc_numbers("没有文号") == []


def test_doc_number_year():
    assert doc_number_year("发改高技〔2014〕1770号") == 2014
    assert doc_number_year("重庆市人民政府令第328号") is None
