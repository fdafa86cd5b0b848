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


def test_a_number_line_with_its_closing_bracket_and_hao_lost_is_read_whole_line_only():
    from analysis.metadata import damaged_doc_number_line

    # tests/devset/pages/032.txt prints "利政办〔20239" on its own line under the title; the same
    # page loses 〕 号 年 月 日 elsewhere ("2023427", "20212025年)") but never a digit
    assert damaged_doc_number_line("利政办〔20239") == "利政办〔2023〕9号"
    assert damaged_doc_number_line("  文号:渝府办发〔2019〕66 ") == "渝府办发〔2019〕66号"
    # a sentence, a year alone or a line without the opening bracket is not read
    assert damaged_doc_number_line("见利政办〔20239,请遵照执行。") == ""
    assert damaged_doc_number_line("利政办〔2023") == ""
    assert damaged_doc_number_line("利政办20239") == ""


def test_decree_number_normalises_but_is_never_found_inside_a_sentence():
    # tests/devset/pages/013.txt heads the decree "湖北省人民政府令第427号"
    assert normalize_doc_number("湖北省人民政府令第427号") == "湖北省人民政府令第427号"
    assert normalize_doc_number("重庆市人民政府令 第０３２８号") == "重庆市人民政府令第328号"
    assert find_doc_numbers("根据湖北省人民政府令第427号的规定") == []


def test_proposal_numbers_are_not_doc_numbers():
    # tests/devset/pages/037.txt: a reply to 市政协五届四次会议第0997号提案
    assert find_doc_numbers("关于市政协五届四次会议第0997号提案办理情况的复函") == []
    assert find_doc_numbers("市政协会议第20210997号提案") == []
    assert find_doc_numbers("人大代表第2021015号建议") == []
    assert find_doc_numbers("国发〔2021〕第5号") == [(0, "国发〔2021〕5号")]


def test_label_after_other_text_is_not_part_of_the_number():
    # tests/devset/holdout/pages/017.txt after cleaning joined the spaced label "文  號" to its row
    row = "发布机构 自治区人民政府办公厅文号内政办发〔2023〕32号"
    assert [n for _, n in find_doc_numbers(row)] == ["内政办发〔2023〕32号"]
    assert [n for _, n in find_doc_numbers("发文字号:国办发〔2023〕29号")] == ["国办发〔2023〕29号"]


def test_decree_number_with_the_year_a_site_adds():
    # tests/devset/holdout2/pages/036.txt: an infobox's 發文字號 "上海市人民政府令(2019年)第21號"
    assert normalize_doc_number("上海市人民政府令(2019年)第21号") == "上海市人民政府令第21号"
    assert normalize_doc_number("上海市人民政府令（2019）第21号") == "上海市人民政府令第21号"
    assert doc_number_year(normalize_doc_number("上海市人民政府令(2019年)第21号")) is None


def test_doc_number_introduced_by_a_verb():
    # tests/devset/holdout8/pages/004.txt: "檔案編號為教技〔2018〕6號" (simplified)
    assert find_doc_numbers("档案编号为教技〔2018〕6号") == [(5, "教技〔2018〕6号")]
    assert find_doc_numbers("文号是国发〔2018〕6号") == [(3, "国发〔2018〕6号")]
    # tests/devset/holdout8/pages/050.txt: the forwarded number in a 转发 title, without the words before it
    title = "济南市人民政府办公厅关于转发鲁政办发〔2014〕20号文件加快实施“宽带中国”战略的通知"
    assert find_doc_numbers(title) == [(14, "鲁政办发〔2014〕20号")]


def test_doc_number_after_the_body_that_issued_it():
    # tests/devset/holdout10/pages/025.txt: "國家發展改革委以發改高技〔2021〕1898號印發" (simplified)
    assert find_doc_numbers("国家发展改革委以发改高技〔2021〕1898号印发") == [(8, "发改高技〔2021〕1898号")]
    assert find_doc_numbers("由国办发〔2016〕108号印发") == [(1, "国办发〔2016〕108号")]
    # 经 opens codes (苏经信): it is not cut
    assert find_doc_numbers("苏经信〔2020〕5号") == [(0, "苏经信〔2020〕5号")]


def test_doc_number_after_a_red_header():
    # tests/devset/holdout10/pages/044.txt: a PDF text's red header runs into the 文号, spaced in its brackets
    line = "长沙市人民政府办公厅文件长政办发 〔2021〕 80 号"
    assert [n for _, n in find_doc_numbers(line)] == ["长政办发〔2021〕80号"]


def test_year_with_nian_inside_the_brackets_is_a_damaged_number():
    # tests/devset/holdout11/pages/014.txt: a document-sharing page's name "新一代人工智能发展规划(国发〔2017年〕35号)"
    title = "新一代人工智能发展规划(国发〔2017年〕35号)"
    assert find_doc_numbers(title) == [(12, "国发〔2017〕35号")]
    assert normalize_doc_number("国发[2017年]35号") == "国发〔2017〕35号"
    # without both brackets a 年 is a sentence's ("到2020年5号线建成"), and a decree keeps its own number
    assert find_doc_numbers("到2020年5号线建成") == []
    assert find_doc_numbers("国发2017年35号") == []
    assert find_doc_numbers("上海市人民政府令(2019年)第21号") == []


def test_variant_character_in_a_doc_number_is_standardised():
    # tests/devset/holdout12/pages/005.txt: a mirror prints 陜 (U+965C) for 陝/陕 in the code
    line = "陜政辦函〔2021〕152號(hào)"
    assert normalize_doc_number(line.replace("辦", "办").replace("號", "号")) == "陕政办函〔2021〕152号"
    # positions are those of the text as printed
    assert find_doc_numbers("文号:陜政发〔2020〕3号") == [(3, "陕政发〔2020〕3号")]
    # a standard code is unchanged
    assert normalize_doc_number("陕政发〔2020〕3号") == "陕政发〔2020〕3号"


def test_a_he_opening_the_prefix_is_kept_and_the_conjunction_he_still_stops():
    # holdout15 050: 和平县公安局's own number, on its own line below the page's source line
    page = "作者: 来源:和平县公安局 发布时间:2020-08-10 浏览次数:127 【字体:\n\n和公字〔2020〕40号\n\n县局直属有关单位:"
    assert find_doc_numbers(page) == [(page.index("和公字"), "和公字〔2020〕40号")]
    assert normalize_doc_number("和公字〔2020〕40号") == "和公字〔2020〕40号"
    assert normalize_doc_number("文号:和政发〔2019〕3号") == "和政发〔2019〕3号"
    assert normalize_doc_number("文号和政发〔2019〕3号") == "和政发〔2019〕3号"
    assert normalize_doc_number("(和政发〔2019〕3号)") == "和政发〔2019〕3号"
    # between two Han words 和 is "and": the second body's number starts after it
    assert normalize_doc_number("国家发展改革委和财政部财建〔2020〕5号") == "财政部财建〔2020〕5号"
    assert normalize_doc_number("发展改革委和财政局发改〔2020〕5号") == "财政局发改〔2020〕5号"
