"""文号 (analysis.metadata.docnumber)."""

from analysis.metadata import doc_number_year, find_doc_numbers, normalize_doc_number


def test_damaged_forms_normalise():
    assert normalize_doc_number("豫郑办【2020】27号") == "豫郑办〔2020〕27号"
    assert normalize_doc_number("国发 2021 29号") == "国发〔2021〕29号"
    assert find_doc_numbers("没有文号") == []


def test_doc_number_year():
    assert doc_number_year("发改高技〔2014〕1770号") == 2014
    assert doc_number_year("重庆市人民政府令第328号") is None


def test_brackets_full_width_digits_and_labels_are_normalised():
    # issue 10: 文号 in ﹝2021﹞ brackets, full-width digits, a label run into the number
    assert find_doc_numbers("粤府﹝2021﹞１２号") == [(0, "粤府〔2021〕12号")]
    assert normalize_doc_number("文号苏民基〔2023〕6号") == "苏民基〔2023〕6号"
    assert normalize_doc_number("发文字号:国发［2016］51号") == "国发〔2016〕51号"


def test_damaged_number_is_not_invented():
    # tests/devset/pages/032.txt prints "利政办〔20239" (closing bracket, serial and 号 lost)
    assert normalize_doc_number("利政办〔20239") == ""
