"""Metadata fields printed above a page's document (analysis.parsing.page_meta)."""

from analysis.parsing.page_meta import page_meta, publication_note
from analysis.parsing.text import parse_text


def test_legal_database_bracketed_fields():
    # tests/devset/holdout/pages/015.txt: a legal database's 【】 fields on one line
    line = (
        "【发布单位】工业和信息化部 国家发展和改革委员会 教育部等 【发布文号】工信部联通[2014]190号 "
        "【发布日期】2014-04-30 【生效日期】2014-04-30 【失效日期】 【所属类别】政策参考"
    )
    meta = page_meta([line])
    assert meta["发布单位"] == "工业和信息化部 国家发展和改革委员会 教育部等"
    assert meta["文号"] == "工信部联通[2014]190号"
    # the database's 发布日期 is the document's promulgation date, kept apart from a posting date
    assert meta["颁布时间"] == "2014-04-30" and "发布日期" not in meta


def test_english_head_and_policy_library_fields():
    # tests/devset/holdout/pages/025.txt: "DateIssued:08-18-2023" (month first, spaces removed)
    meta = page_meta(["IssuingAuthority:GeneralOfficeoftheStateCouncilDateIssued:08-18-2023EffectiveDate:08-18-2023"])
    assert meta == {"颁布时间": "2023-08-18"}
    # tests/devset/holdout/pages/010.txt: a policy library's 发文部门
    meta = page_meta(["发布时间:2022-08-12", "政策级别:市级", "发文部门:盐城市工业和信息化局"])
    assert (meta["发布时间"], meta["发文部门"]) == ("2022-08-12", "盐城市工业和信息化局")
    assert page_meta(["没有任何元数据的一行正文。"]) == {}


def test_publication_note_is_the_texts_publisher_and_the_pages_date():
    # tests/devset/holdout3/pages/038.txt: the note heads the text of a plan printed without its title
    note = "(重庆市人民政府 2018年5月17日发布)"
    assert publication_note(note) == ("重庆市人民政府", "2018年5月17日")
    assert page_meta([note, "为贯彻落实…,制定本实施方案。"]) == {
        "发布单位": "重庆市人民政府",
        "发布日期": "2018年5月17日",
    }
    assert publication_note("(2018年5月17日重庆市人民政府印发)") == ("重庆市人民政府", "2018年5月17日")
    # a bracket in a sentence, or one naming no organisation, is no publication note
    assert publication_note("(此件公开发布)") == ("", "")
    assert page_meta(["(会议 2018年5月17日发布)"]) == {}


def test_header_fields_run_together_after_a_date_and_a_publishing_department():
    # tests/devset/holdout4/pages/011.txt: cleaning drops the spaces between the date and 来源
    meta = page_meta(["m.happymerchs.com发布时间:2020-12-31来源:省经信厅 选择阅读字号:[ ] 阅读次数:"])
    assert meta["来源"] == "省经信厅"
    # tests/devset/holdout4/pages/009.txt: an investment site's 发布部门
    meta = page_meta(["发布部门:绵阳市人民政府办公室 发布时间:2018年02月01日 有效性:政策是否有效未知,请慎用"])
    assert (meta["发布部门"], meta["发布时间"]) == ("绵阳市人民政府办公室", "2018年02月01日")
    # a label word in a sentence, after a number but without its colon, is no field
    assert page_meta(["全市已接入2019来源于政务平台的数据。"]) == {}


def test_bulleted_list_with_each_value_below_its_label():
    # tests/devset/holdout6/pages/051.txt (head, cleaned): "• label" / blank / value
    from analysis.parsing.page_meta import labelled_rows
    from analysis.parsing.page_title import meta_title

    lines = [
        "• 发布机构", "", "宣城市人民政府(办公室)", "• 发文日期", "", "2016-07-05 00:00",
        "• 发布文号", "", "宣政办秘〔2016〕166号", "• 主题导航", "",
        "• 信息名称", "", "宣城市人民政府办公室关于做好政府公共服务热线平台资源整合工作的通知",
        "• 内容概述", "", "关于做好政府公共服务热线平台资源整合工作的通知",
    ]  # fmt: skip
    rows = labelled_rows(lines)
    assert "发布机构:宣城市人民政府(办公室)" in rows and "• 主题导航" in rows  # no value: left as it is
    meta = page_meta(rows)
    assert (meta["发布机构"], meta["发文日期"]) == ("宣城市人民政府(办公室)", "2016-07-05")
    assert meta_title(rows) == "宣城市人民政府办公室关于做好政府公共服务热线平台资源整合工作的通知"
    # tests/devset/holdout2/pages/009.txt: the label keeps its colon, the value indented below
    assert labelled_rows(["  • 发布日期:", "    2016-12-29"]) == ["发布日期:2016-12-29"]
    # tests/devset/holdout5/pages/058.txt: a label whose value is missing, the addressees below
    below = ["• 发布日期:", "", "各市(区)交通运输局,局机关各处室:"]
    assert labelled_rows(below) == below


def test_synonym_labels_read_as_their_family():
    # tests/devset/holdout12/pages/049.txt: a law database's 颁布单位 / 颁布日期 (its issuer and date)
    lines = [
        "颁布单位:青海省海南藏族自治州人民政府办公室 | 文号:南政办〔2015〕86号 |",
        "颁布日期:2015-07-13 | 失效日期: |",
    ]
    meta = page_meta(lines)
    assert meta["发布单位"] == "青海省海南藏族自治州人民政府办公室"
    assert meta["颁布时间"] == "2015-07-13"
    assert meta["文号"] == "南政办〔2015〕86号"
    assert "失效日期" not in meta and "颁布日期" not in meta
    # tests/devset/holdout12/pages/044.txt: 发布文号, run on to the index number after cleaning
    assert page_meta(["索引号:0001/2019-0065发布文号:镇政办发〔2019〕48号"])["文号"] == "镇政办发〔2019〕48号"
    # a label inside a word is no label ("未颁布日期" is not 颁布日期)
    assert "颁布时间" not in page_meta(["条例未颁布日期:2015-07-13"])


def test_synonym_labels_decide_the_documents_fields():
    # tests/devset/holdout12/pages/049.txt (opening, shortened): issuer, level and region from 颁布单位
    text = (
        "颁布单位:青海省海南藏族自治州人民政府办公室 | 文号:南政办〔2015〕86号 |\n"
        "颁布日期:2015-07-13 | 失效日期: |\n"
        "效力级别:地方政府规范性文件 |\n"
        "关于认真做好“中国•海南州”政府门户网站和“海南政务”微信平台内容保障工作的通知\n"
        "各县人民政府,州政府各部门:\n"
        "“中国·海南州”政府门户网站和“海南政务”微信平台是州政府及各单位在互联网上发布政务信息、"
        "提供在线服务、与公众互动交流的重要服务平台。现就有关事宜通知如下:\n"
        "一、充分认识州政府网站和政务微信内容保障工作的重要性。\n"
    )
    (doc,), _ = parse_text(text, "049.txt")
    assert doc.issuer == "青海省海南藏族自治州人民政府办公室"
    assert (doc.level, doc.region) == ("prefecture", "青海")
    assert doc.doc_number == "南政办〔2015〕86号"
    assert doc.date.iso == "2015-07-13"


# tests/devset/holdout16/pages/008.txt (opening, shortened): an encyclopedia page whose issuer and
# signing date appear only in its infobox, each label alone on a line over its value (印发日期 in
# Chinese numerals with ○)
INFOBOX = """複製鏈接
請複製以下鏈接發送給好友

教育信息化十年發展規劃(2011-2020年)

鎖定
教育信息化十年發展規劃(2011-2020年)是由中華人民共和國教育部於二零一二年三月十三日通過的文件。
中文名
教育信息化十年發展規劃(2011-2020年)
印發日期
二○一二年三月十三日
頒佈單位
中華人民共和國教育部
文    號
教技[2012]5號

教育信息化十年發展規劃(2011-2020年)規劃內容

教技[2012]5號
各省、自治區、直轄市教育廳(教委),各計劃單列市教育局,新疆生產建設兵團教育局,部屬各高等學校:
為推進落實《國家中長期教育改革和發展規劃綱要(2010-2020年)》關於教育信息化的總體部署,我部組織編制了《教育信息化十年發展規劃(2011-2020年)》,現印發給你們,請結合實際貫徹執行。"""


def test_labels_alone_over_their_values_are_read_when_the_value_is_of_their_kind():
    from analysis.parsing.page_meta import labelled_rows

    lines = ["印发日期", "二○一二年三月十三日", "颁布单位", "中华人民共和国教育部", "文 号", "教技[2012]5号"]
    rows = labelled_rows(lines)
    assert rows == ["印发日期:二○一二年三月十三日", "颁布单位:中华人民共和国教育部", "文号:教技[2012]5号"]
    meta = page_meta(rows)
    assert (meta["成文日期"], meta["发布单位"]) == ("二○一二年三月十三日", "中华人民共和国教育部")
    # a label left empty stands over whatever comes next: a value not of its kind is not read
    # (tests/devset/pages/032.txt: "文号" / "发文日期:2023-10-13"; a heading under an empty 发布机构)
    assert labelled_rows(["文号", "发文日期:2023-10-13"]) == ["文号", "发文日期:2023-10-13"]
    heading = ["发布机构", "关于印发智慧城市建设方案的通知"]
    assert labelled_rows(heading) == heading
    assert labelled_rows(["成文日期", "发布日期"]) == ["成文日期", "发布日期"]
    (doc,), _ = parse_text(INFOBOX, "008.txt")
    assert (doc.issuer, doc.level, doc.region) == ("中华人民共和国教育部", "ministry", "全国")
    assert (doc.date.iso, doc.doc_number) == ("2012-03-13", "教技〔2012〕5号")


def test_bulleted_label_reads_its_value_past_any_number_of_blank_lines():
    # holdout6/pages/051.txt saved with a blank line after every line (perturb.py blank_lines):
    # three blank lines between each label and its value
    from analysis.parsing.page_meta import labelled_rows

    lines = ["• 发布机构", "", "", "", "宣城市人民政府(办公室)", "", "• 发文日期", "", "", "", "2016-07-05 00:00"]
    rows = labelled_rows(lines)
    assert "发布机构:宣城市人民政府(办公室)" in rows and "发文日期:2016-07-05 00:00" in rows
