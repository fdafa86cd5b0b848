"""Title-block conventions of 公文 (analysis.parsing.page_heading); whole pages are in
tests/test_parsing_page.py (heading with a full stop, removed last line, promulgation 公告, 转发 by 文号)."""

from analysis.parsing.page_heading import unstopped_heading


def test_heading_full_stop_removed_only_in_a_title_block():
    # tests/devset/holdout7/pages/018.txt (simplified): heading, 文号 and addressees each stopped
    lines = [
        "国务院关于大力推进信息化发展和切实保障信息安全的若干意见。",
        "国发〔2012〕23号。",
        "各省、自治区、直辖市人民政府:",
    ]
    assert unstopped_heading(lines)[0] == "国务院关于大力推进信息化发展和切实保障信息安全的若干意见"
    # followed by the addressees directly
    assert unstopped_heading([lines[0], lines[2]])[0] == lines[0][:-1]
    # a sentence ending in a genre word, followed by the text, keeps its stop
    body = ["第二条 本省行政区域内的大数据活动适用本办法。", "第三条 大数据工作应当坚持统筹规划。"]
    assert unstopped_heading(body) == body


def test_heading_run_into_the_body_below_a_full_text_lead():
    from analysis.cleaning import clean_text
    from analysis.parsing import parse_page

    # tests/devset/holdout11/pages/012.txt (simplified, shortened): a news lead naming the document,
    # a full-text lead, then the heading run into the body's first sentence on one line
    page = (
        "日前,福建省人民政府办公厅发布《2022年数字福建工作要点》(以下简称《工作要点》)。《工作要点》指出,要加快建设。\n"
        "以下为《工作要点》全文。\n"
        "2022年数字福建工作要点2022年数字福建工作,要以新时代中国特色社会主义思想为指导,全面贯彻新发展理念。\n"
        "一、加快新型基础设施建设\n"
    )
    doc = parse_page(clean_text(page), "p.txt")[0]
    assert (doc.title, doc.genre, doc.level, doc.region) == ("2022年数字福建工作要点", "要点", "provincial", "福建")
    assert doc.text.startswith("2022年数字福建工作要点2022年数字福建工作,要以")
    # a news lead is no issuer field
    assert doc.issuer == ""
    # without the full-text lead the line is a sentence about the document: no heading is read
    doc = parse_page(clean_text(page.replace("以下为《工作要点》全文。\n", "")), "p.txt")[0]
    assert doc.title == ""


def test_issuer_line_removed_as_a_repeated_line_opens_the_title():
    from analysis.cleaning import clean_text
    from analysis.parsing import parse_page

    # tests/devset/holdout10/pages/049.txt (shortened): the metadata list prints the issuer and the
    # 文号 as values; the red head prints them again above the 关于… lines, and those second prints
    # are removed as repeated lines
    page = """市人民政府办公室关于印发十堰市数字经济发展规划(2020-2025年)的通知

发文单位
市人民政府办公室
发文字号
十政办发〔2021〕15号

十政办发〔2021〕15号

市人民政府办公室

关于印发十堰市数字经济发展规划(2020-2025年)的

通             知

各县市区人民政府,市政府各部门:

《十堰市数字经济发展规划(2020-2025年)》已经市政府同意,现印发给你们,请认真贯彻执行。

2021年4月2日

十堰市数字经济发展规划(2020-2025年)

一、发展基础
"""
    doc = parse_page(clean_text(page), "p.txt")[0]
    assert doc.title == "市人民政府办公室关于印发十堰市数字经济发展规划(2020-2025年)的通知"
    assert (doc.issuer, doc.level, doc.region) == ("市人民政府办公室", "prefecture", "湖北")
    assert doc.evidence["title"][2] == "title block (its issuer line, removed as a repeated line, joined)"


def test_heading_before_the_body_on_one_line():
    from analysis.parsing import parse_page

    # tests/devset/holdout10/pages/015.txt (shortened): a file name, then the whole opinion flattened
    # into one line, its heading (spaced around the year) set off by a space from the first sentence
    page = (
        "宽带中国2013专项行动2018-01-14.doc\n"
        "关于实施宽带中国 2013 专项行动的意见 为深入贯彻落实党的十八大关于推进经济结构战略性调整、建设 "
        "下一代信息基础设施的总体要求,加快推动“宽带中国”战略部署实施,按照总体部署实施专项行动。\n"
    )
    doc = parse_page(page, "p.txt")[0]
    assert (doc.title, doc.genre) == ("关于实施宽带中国 2013 专项行动的意见", "意见")
    assert doc.text.startswith("关于实施宽带中国 2013 专项行动的意见 为深入贯彻")
    # a title-like head followed by no sentence is not split off
    menu = "宽带中国2013专项行动2018-01-14.doc\n关于实施宽带中国 2013 专项行动的意见 相关文档 推荐阅读 下载排行\n"
    doc = parse_page(menu + "为深入贯彻落实党的十八大精神,实施专项行动。\n", "p.txt")[0]
    assert doc.evidence["title"][2] != "heading before the body's first sentence on one line"


# tests/devset/holdout15/pages/051.txt (opening, shortened): a flattened one-line interpretation page
INTERPRETATION_RUN_ON = (
    "关于《澄江市政务服务“好差评” 制度建设实施方案》政策解读 2020年4月27日澄江市人民政府办公室印发了《关于印发"
    "澄江市政务服务“好差评”制度建设实施方案的通知》(澄政办发〔2020〕34号),以下简称《实施方案》。为便于各镇(街道)、"
    "市直各部门及社会公众更好的理解《实施方案》的相关内容,现作如下解读。 一、出台背景: 为贯彻落实《国务院办公厅关于建立"
    "政务服务“好差评”制度提高政务服务水平的意见》(国办发〔2019〕51号)精神,结合澄江市实际,制定了《实施方案》。"
)


def test_an_interpretation_heading_run_into_its_first_sentence_is_the_title():
    from analysis.cleaning import clean_text
    from analysis.parsing import parse_page

    doc = parse_page(clean_text(INTERPRETATION_RUN_ON), "page.txt")[0]
    assert doc.title == "关于《澄江市政务服务“好差评” 制度建设实施方案》政策解读"  # as printed
    assert (doc.genre, doc.level, doc.region) == ("解读", "county", "云南")
    # the body keeps its first sentence
    assert doc.text.startswith("关于《澄江市") and "以下简称《实施方案》。" in doc.text


# tests/devset/holdout15/pages/048.txt (the notice, shortened): a notice that launches work under its
# own title and sends out a 管理办法 by name
SENDING_NOTICE = """工业和信息化部办公厅 发展改革委办公厅关于展开创建"宽带中国"示范城市工作的通知
工信厅联通[2014]5号
各省、自治区、直辖市通信管理局,各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门、发展改革委:
为落实《国务院关于印发"宽带中国"战略及实施方案的通知》,加快提升城市宽带发展水平,工业和信息化部、发展改革委决定联合\
展开创建"宽带中国"示范城市工作。现将《创建"宽带中国"示范城市工作管理办法》印发给你们,请按要求和程序组织做好本地区\
"宽带中国"示范城市创建工作。
创建"宽带中国"示范城市工作管理办法
第一条 为落实《国务院关于印发"宽带中国"战略及实施方案的通知》,特展开创建"宽带中国"示范城市工作。
"""


def test_a_notice_sending_out_a_named_document_has_that_document_s_genre():
    from analysis.cleaning import clean_text
    from analysis.parsing import parse_page

    doc = parse_page(clean_text(SENDING_NOTICE), "page.txt")[0]
    assert doc.title.endswith("示范城市工作的通知") and doc.genre == "办法"
    # a notice asking to study a plan it does not send out stays a 通知 (holdout15 052's form)
    studies = SENDING_NOTICE.replace("现将《创建", "请认真学习《创建").replace("》印发给你们", "》")
    assert parse_page(clean_text(studies), "page.txt")[0].genre == "通知"
