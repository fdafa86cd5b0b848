"""The 文号 of a single page (analysis.parsing.page_docnumber), through parse_text.

Snippets from the development sets (file cited per test).
"""

import warnings

from analysis.parsing import parse_text


def _doc(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return parse_text(text, "page.txt")[0][0]


# tests/devset/holdout4/pages/008.txt (shortened): an encyclopedia page; the title printed again
# above the 文号 is dropped as a repeated line, so the 文号 stands far below the first title line
ENCYCLOPEDIA = """國務院關於印發新一代人工智慧發展規劃的通知

國務院關於印發新一代人工智慧發展規劃的通知

《國務院關於印發新一代人工智慧發展規劃的通知》是為貫徹執行《新一代人工智慧發展規劃》印發的通知。由國務院於2017年7月8日印發並實施。
基本介紹
  • 中文名:國務院關於印發新一代人工智慧發展規劃的通知
  • 發布機構:國務院
  • 發布日期:2017年7月8日
  • 實施日期:2017年7月8日
政策全文,內容解讀,

政策全文

國務院關於印發新一代人工智慧發展規劃的通知
國發〔2017〕35號
各省、自治區、直轄市人民政府,國務院各部委、各直屬機構:
現將《新一代人工智慧發展規劃》印發給你們,請認真貫徹執行。
國務院
2017年7月8日
(此件公開發布)
新一代人工智慧發展規劃
人工智慧的迅速發展將深刻改變人類社會生活、改變世界。
一、戰略態勢
人工智慧發展進入新階段。
"""


def test_doc_number_line_right_above_the_addressees_is_the_own():
    doc = _doc(ENCYCLOPEDIA)
    assert (doc.doc_number, doc.date.iso, doc.issuer) == ("国发〔2017〕35号", "2017-07-08", "国务院")
    assert doc.evidence["doc_number"][2] == "文号 line right above the addressees"
    # a line that is more than a 文号 (a sentence citing one) is not
    cited = ENCYCLOPEDIA.replace("國發〔2017〕35號\n", "根據國發〔2016〕1號文件要求,特發本通知。\n")
    assert _doc(cited).doc_number == ""


def test_number_the_text_names_its_title_with_is_own_unless_cited():
    # the wording of tests/devset/pages/079.txt's lead (《title》(绵府办发〔2020〕13号)), on a page
    # whose title block is that title
    page = (
        "绵阳市新型智慧城市建设总体方案\n"
        "《绵阳市新型智慧城市建设总体方案》(绵府办发〔2020〕13号)明确了全市新型智慧城市建设的总体目标。\n"
        "一、总体要求\n为加快建设新型智慧城市,制定本方案。\n"
    )
    assert _doc(page).doc_number == "绵府办发〔2020〕13号"
    # the same name and number after 根据 in its clause: the page cites it (a district's own plan)
    cited = page.replace("《绵阳", "根据《绵阳").replace("明确了", "要求,")
    assert _doc(cited).doc_number == ""


def test_number_over_the_addressees_of_a_forwarded_document_is_not_the_own():
    # tests/devset/pages/065.txt without its metadata table: a county office forwards a provincial
    # notice, whose head (title, 文号, addressees) follows the county's signature
    page = """現將《陜西省人民政府辦公廳關于印發<陜西省實體政務大廳管理暫行辦法>的通知》陜政辦發〔2018〕73號\
轉發你們,請結合各自職責,認真貫徹執行。
白水縣人民政府辦公室
2019年2月22日
陜西省人民政府辦公廳
關于印發陜西省實體政務大廳管理暫行辦法的通知
陜政辦發〔2018〕73號
各市、縣、區人民政府,省人民政府各工作部門、各直屬機構:
現將《陜西省實體政務大廳管理暫行辦法》印發給你們,請認真貫徹執行。
"""
    doc = _doc(page)
    assert (doc.doc_number, doc.issuer, doc.date.iso) == ("", "白水县人民政府办公室", "2019-02-22")


def test_damaged_number_in_the_page_header_above_a_second_print_of_the_title():
    # tests/devset/holdout5/pages/020.txt (shortened): the header prints the 文号 with 〕 and 号 lost
    # ("〔20228"), then the title block again; the signature omits 发展
    page = """政府信息公开
天水市文化旅游产业发展领导小组办公室 关于印发天水市智慧文化旅游“十四五” 发展实
2022-08-01
天文旅产领办发〔20228
天水市文化旅游产业发展领导小组办公室
关于印发天水市智慧文化旅游“十四五”
发展实施方案的通知
各县区文化旅游产业发展领导小组办公室,市直有关部门:
现将《天水市智慧文化旅游“十四五”发展实施方案》印发给你们,请结合实际,认真抓好贯彻落实。
天水市文化旅游产业领导小组办公室
2022年5月18日
"""
    doc = _doc(page)
    assert (doc.doc_number, doc.date.iso) == ("天文旅产领办发〔2022〕8号", "2022-05-18")
    # a cited number on a line of its own is never read as a damaged own number
    cited = page.replace("天文旅产领办发〔20228", "根据甘政办发〔20215")
    assert _doc(cited).doc_number == ""


# tests/devset/holdout9/pages/025.txt (shortened): a State Council decree; its head names the state
# (中华人民共和国国务院令), the issuer is the body that signs it
STATE_DECREE = """国务院关于在线政务服务的若干规定

日期:2019年07月03日 | 来源: |  作者: | 字体:

中华人民共和国国务院令

第716号

  现公布《国务院关于在线政务服务的若干规定》,自公布之日起施行。

  总 理  李克强

  2019年4月26日

国务院关于在线政务服务的若干规定

  第一条 为了全面提升政务服务规范化、便利化水平,为企业和群众提供高效、便捷的政务服务,制定本规定。

  第二条 国家加快建设全国一体化在线政务服务平台。
"""


def test_national_decree_head_names_the_state_council_as_issuer():
    doc = _doc(STATE_DECREE)
    assert doc.issuer == "国务院"
    assert doc.doc_number == "中华人民共和国国务院令第716号"
    assert doc.level == "central"
    assert doc.date.iso == "2019-04-26"


# tests/devset/holdout13/pages/007.txt (shortened): the 文号 glued to the end of the heading line
GLUED = """當前位置:首頁 > 信息傳達 > 政聲傳遞
政聲傳遞
廣東省人民政府關于印發廣東省落實《工業和信息化部廣東省人民政府合作框架協議》實施方案的通知粵府函〔2017〕186號
瀏覽次數:402
現將《廣東省落實〈工業和信息化部廣東省人民政府合作框架協議〉實施方案》印發給你們,請認真組織實施。
廣東省人民政府
2017年7月18日
廣東省落實《工業和信息化部廣東省
人民政府合作框架協議》實施方案
為落實《工業和信息化部廣東省人民政府合作框架協議》,加快廣東工業和信息化轉型升級,制定本方案。
一、工作目標
力爭用5年左右時間,部省共同推進全國智能制造示範區建設取得顯著成效。
"""


def test_number_glued_to_the_end_of_the_heading_is_the_own():
    doc = _doc(GLUED)
    assert doc.doc_number == "粤府函〔2017〕186号"
    assert doc.title == "广东省人民政府关于印发广东省落实《工业和信息化部广东省人民政府合作框架协议》实施方案的通知"
    assert doc.evidence["doc_number"][2] == "文号 glued to the end of the heading line"
    # a heading that ends in its genre word carries no number
    assert _doc(GLUED.replace("的通知粵府函〔2017〕186號", "的通知")).doc_number == ""


# tests/devset/holdout14/pages/056.txt (the whole page): a document-sharing page's flattened text, the
# header block's 文号 in round brackets glued before the heading
GLUED_BEFORE_HEADING = """庆阳市公共数据资源管理办法(试行).docx
《庆阳市公共数据资源管理办法(试行).docx》由会员分享,可在线阅读,更多相关《庆阳市公共数据资源管理办法(试行).docx(14页珍藏版)》请在第一文库网上搜索。
1、庆政办发(2021) 34号庆阳市人民政府办公室关于印发庆阳市公共数据资源管理办法(试行的通知各县(区)人民政府,市政府各部门,市属国有企业,中、省驻庆有关单位:庆阳市公共数据资源管理办法(试行)已经四届市政府第82次常务会议审议通过,现予印发,请遵照执行。庆阳市人民政府办公室2021年3月30日庆阳市公共数据资源管理办法(试行)第一章总则第一条为规范我市公共数据资源管理,推动政府数字化转型,促进公共数据资源共享开放,提升政府治理能力和公共服务水平,促进大数据发展应用,推动数据产业化、产业数据化、治理数字化,依据国务院政务信息资源共享管理暂行办法(国发(2016) 51号)、促进大数据发展行动
2、纲要(国发(2015) 50号)及其他相关法规、规章与规范性文件,结合本市实际,制定本办法。第二条本办法所称公共数据资源,是指本市各级行政机关和公共服务单位在履行职责过程中依法采集、生成、存储、管理的各类数据资源(包括视频资源)。本办法所称公共服务单位,包括法律法规授权具有公共管理和服务职能的事业单位和社会组织以及供水、电力、燃气、供热、公共交通等承担公共服务职能的企业单位。第三条全市行政区域内公共数据资源的采集归集、共享开放、建设管理、安全保障等相关活动,适用本办法。第四条公共数据资源所有权归国家所有。市工业和信息化局为全市公共数据资源主管部门,按照“统一归集、统一标准、统一管理、统一运维”
3、的原则,负责公共数据资源管理的规划、协
"""  # noqa: E501


def test_number_glued_before_heading_is_own_and_left_out_of_title():
    doc = _doc(GLUED_BEFORE_HEADING)
    assert doc.doc_number == "庆政办发〔2021〕34号"
    assert doc.title == "庆阳市人民政府办公室关于印发庆阳市公共数据资源管理办法(试行的通知"


def test_heading_without_number_before_it_is_unchanged():
    # the same heading without the number: nothing to take off, no 文号 invented
    doc = _doc(GLUED_BEFORE_HEADING.replace("庆政办发(2021) 34号", ""))
    assert doc.title == "庆阳市人民政府办公室关于印发庆阳市公共数据资源管理办法(试行的通知"
    assert doc.doc_number == ""


# tests/devset/holdout17/pages/058.txt (lines 3-14, spam first line left out): a municipal decree whose
# number is printed in the short form a government uses (city abbreviation + 政令)
SHORT_DECREE = """溫州市社會保障·市民卡管理暫行辦法

2012-11-05
溫政令第135號



  《溫州市社會保障·市民卡管理暫行辦法》已經(jīng)市人民政府第13次常務(wù)會議審議通過,現(xiàn)予發(fā)布,自2012年12月1日起施行。



  市長 陳金彪

  2012年11月5日
"""

# tests/devset/holdout17/pages/057.txt (lines 1-9): the issuer line, the regulation's name printed
# again, then "政府令第36號"; the mayor's name lost after 市長, the date in Chinese numerals
ISSUER_OVER_SHORT_DECREE = """舟山市市民卡管理暫行辦法
舟山市市民卡管理暫行辦法
浙江省舟山市人民政府
舟山市市民卡管理暫行辦法
政府令第36號
《舟山市市民卡管理暫行辦法》已經(jīng)市政府第69次常務(wù)會議審議通過,現(xiàn)予發(fā)布,自2012年3月10日起施行。
市長 :
二○一二年二月十日
舟山市市民卡管理暫行辦法
第一章 總則
"""


def test_a_short_form_decree_number_is_read_as_printed():
    doc = _doc(SHORT_DECREE)
    assert doc.doc_number == "温政令第135号"
    assert doc.issuer == ""  # the short form names no body; the page prints none
    assert doc.date.iso == "2012-11-05"
    doc = _doc(ISSUER_OVER_SHORT_DECREE)
    assert (doc.doc_number, doc.issuer) == ("政府令第36号", "浙江省舟山市人民政府")
    assert doc.date.iso == "2012-02-10"  # the signer's title alone over the date
    # a body's full name before 令 is the decree head read as before ("X人民政府令第N号")
    assert _doc(SHORT_DECREE.replace("溫政令", "溫州市人民政府令")).doc_number == "温州市人民政府令第135号"
    # a sentence citing a decree number is no decree head
    cited = SHORT_DECREE.replace("溫政令第135號", "根据溫政令第135號的规定")
    assert _doc(cited).doc_number == ""
