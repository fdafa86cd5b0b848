"""The signature block of a single page (analysis.parsing.page_signature), through parse_page.

Snippets from the development sets (file cited per test), cleaned as the loader cleans them.
"""

import pytest

from analysis.cleaning import clean_text
from analysis.corpus import CorpusError
from analysis.parsing import parse_page


def _parse(text: str):
    return parse_page(clean_text(text), "page.txt")[0]


# tests/devset/holdout2/pages/013.txt (opening): addressee-first, the signature is the date alone,
# the transmitted plan's heading wrapped over two lines below it
LUOYANG = """各縣區人民政府,市人民政府各部門,各有關單位:
《洛陽市加強數字政府建設實施方案(2023—2025年)》已經市委市政府同意,現印發給你們,請結合實際認真貫徹落實。
2023年12月11日
洛陽市加強數字政府建設
實施方案(2023—2025年)
為貫徹落實《國務院關于加強數字政府建設的指導意見》(國發〔2022〕14號),結合我市實際,制定本方案。
一、總體要求
"""


def test_date_alone_above_a_wrapped_annex_heading_is_the_signature():
    doc = _parse(LUOYANG)
    assert (doc.date.iso, doc.date.source) == ("2023-12-11", "signature")
    assert doc.title == "洛阳市加强数字政府建设实施方案(2023—2025年)"


# tests/devset/holdout2/pages/004.txt (opening): a 维基文库 page; the annex heading is the page
# name on top, so the transmittal's date-only signature is followed straight by the plan's body
HEFEI = """合肥市「城市大腦」建設方案(2021-2023年)
合肥市人民政府辦公室關於印發「城市大腦」建設方案的通知 合政辦〔2021〕10號 2021年5月24日 發布機關:合肥市人民政府 |
市政府文件 |
各縣(市)、區人民政府,市政府各部門,各直屬機構:
《合肥市「城市大腦」建設方案(2021-2023年)》已經市政府常務會議審議通過,現印發給你們,請認真對照實施。
2021年5月6日
為認真貫徹習近平總書記考察安徽重要講話指示精神,促進城市數據資源匯聚融合,結合我市實際,制定本方案。
一、建設目標
到2023年,「城市大腦」基本建成,基礎設施和智慧中樞支撐更加夯實。
"""


def test_transmittal_dated_without_its_signing_body_before_the_annex_body():
    doc = _parse(HEFEI)
    # the signature's date, not the 2021年5月24日 of the page's header line
    assert (doc.date.iso, doc.date.source) == ("2021-05-06", "signature")


def test_a_date_line_inside_a_body_is_not_a_signature():
    # the same layout without a transmittal's sentence or a heading below: not a signature
    text = (
        "关于开展智慧社区试点工作的通知\n各区人民政府:\n一、工作安排如下。\n2021年5月6日\n召开动员会议,部署试点任务,"
        "各区认真组织落实。\n二、有关要求\n各区要加强组织领导。\n市民政局\n2021年6月1日\n"
    )
    doc = _parse(text)
    assert (doc.date.iso, doc.issuer) == ("2021-06-01", "市民政局")


def test_page_whose_form_is_misread_is_kept_whole():
    # a page is never lost: when nothing is left below what was read as its head, all its lines
    # are the body (here a notice whose only lines are its title and 文号)
    doc = _parse("关于加快推进智慧城市建设的通知\n冀政办〔2019〕3号\n")
    assert doc.text == "关于加快推进智慧城市建设的通知\n冀政办〔2019〕3号" and doc.doc_number == "冀政办〔2019〕3号"
    assert doc.evidence["text"][2].startswith("whole page kept")
    with pytest.raises(CorpusError, match=r"page\.txt: no body text"):
        _parse("关于加快推进智慧城市建设的通知")


def test_signature_dated_by_the_month_alone():
    # a plan signed with the month only, as tests/devset/holdout2/pages/032.txt dates its cover
    text = (
        "“十四五”信息通信行业发展规划\n各省、自治区、直辖市通信管理局:\n"
        "现将规划印发给你们,请认真贯彻落实。\n工业和信息化部\n2021年11月\n"
        "一、发展回顾\n“十三五”时期,信息通信行业快速发展。\n"
    )
    doc = _parse(text)
    assert (doc.issuer, doc.date.iso, doc.date.source) == ("工业和信息化部", "2021-11", "signature")
    # a month inside a sentence is no signature
    assert _parse(text.replace("工业和信息化部\n2021年11月\n", "")).date is None


def test_notice_signed_above_a_line():
    from analysis.parsing.page_signature import notice_signed_above

    # tests/devset/pages/065.txt (simplified): the county's forwarding notice, signed, then the
    # provincial notice it forwards with its own head
    lines = [
        "现将《陕西省人民政府办公厅关于印发<陕西省实体政务大厅管理暂行办法>的通知》转发你们,请认真贯彻执行。",
        "白水县人民政府办公室",
        "2019年2月22日",
        "陕西省人民政府办公厅",
        "陕政办发〔2018〕73号",
        "各市、县、区人民政府:",
    ]
    assert notice_signed_above(lines, 4)
    assert not notice_signed_above(lines, 2)  # the signature's own date line is not above itself
    # a page header's posting date under a menu line is no signature
    assert not notice_signed_above(["首页 > 政务公开", "2019年2月22日", "陕政办发〔2018〕73号"], 2)


# tests/devset/holdout5/pages/017.txt (shortened): a joint notice signed by 17 bodies, one per line;
# 中国人民银行 and 中国科学院 are not named like organs of government
SEVENTEEN_BODIES = """國家數據局等部門關于印發《“數據要素×”三年行動計劃(2024—2026年)》的通知
各省、自治區、直轄市及計劃單列市數據管理部門,中國科學院院屬各單位:
為深入貫徹黨的二十大和中央經濟工作會議精神,國家數據局會同有關部門制定了《“數據要素×”三年行動計劃(2024—2026年)》,現印發給你們,請認真組織實施。
國家數據局
中央網信辦
科技部
工業和信息化部
交通運輸部
農業農村部
商務部
文化和旅游部
國家衛生健康委
應急管理部
中國人民銀行
金融監管總局
國家醫保局
中國科學院
中國氣象局
國家文物局
國家中醫藥局
2023年12月31日
“數據要素×”三年行動計劃
(2024—2026年)
發揮數據要素的放大、疊加、倍增作用,是推動高質量發展的必然要求。
"""


def test_every_line_between_the_notice_and_its_date_is_a_signing_body():
    doc = _parse(SEVENTEEN_BODIES)
    bodies = doc.issuer.split()
    assert len(bodies) == 17 and bodies[0] == "国家数据局" and bodies[10] == "中国人民银行"
    assert (doc.date.iso, doc.level, doc.region) == ("2023-12-31", "ministry", "全国")
    # a sentence between the bodies and the notice stops the run: only the organ lines sign
    broken = SEVENTEEN_BODIES.replace("中國人民銀行\n", "中國人民銀行,另行通知。\n")
    assert _parse(broken).issuer.split()[0] == "金融监管总局"


def test_short_seal_mark_after_the_signing_body_is_a_signature():
    # tests/devset/holdout9/pages/016.txt (shortened): "(代)" is the short 代章 mark; the signing
    # date, not the page's posting date, is the document's
    text = (
        "数字广西建设领导小组办公室关于印发\n广西壮族自治区政府网站与政务新媒体\n提质增效实施方案的通知\n"
        "(桂数广办发〔2023〕23号)\n发布日期: 2023-08-21 15:53\n"
        "各市、县人民政府,自治区人民政府各组成部门、各直属机构:\n"
        "现将《广西壮族自治区政府网站与政务新媒体提质增效实施方案》印发给你们,请认真贯彻执行。\n"
        "数字广西建设领导小组办公室(代)\n2023年8月16日\n(此件公开发布)\n"
        "广西壮族自治区政府网站与政务新媒体\n提质增效实施方案\n"
        "按照党中央、国务院关于全面推进政务公开的要求,制定本方案。\n一、总体要求\n"
    )
    doc = _parse(text)
    assert doc.date.iso == "2023-08-16"
    assert doc.date.source == "signature"
    assert doc.issuer == "数字广西建设领导小组办公室"


# tests/devset/holdout10/pages/044.txt (lines 7-16, shortened body): a PDF text flattened by a blog;
# the signing body, a spaced 成文日期 and the (此件主动公开) note run into one line with the page footer
CHANGSHA = """长沙市人民政府办公厅文件长政办发 〔2021〕 80 号
长沙市人民政府办公厅关于印发长沙市政务数据资源管理办法的通知
各区县 (市) 人民政府,市直机关各单位:《长沙市政务数据资源管理办法》 已经市人民政府同意,现印发给你们,请认真遵照执行。
长沙市人民政府办公厅2021 年 12 月 23 日(此件主动公开)CSCR—2021— 01069— 1 —
长沙市政务数据资源管理办法
第一章 总则
第一条 为加强政务数据资源管理,根据有关法律法规,结合本市实际,制定本办法。
"""


def test_signing_block_flattened_into_one_line_with_its_note():
    doc = _parse(CHANGSHA)
    assert (doc.date.iso, doc.date.source) == ("2021-12-23", "signature")
    assert doc.doc_number == "长政办发〔2021〕80号"
    assert doc.issuer == "长沙市人民政府办公厅"
    assert "第一条 为加强政务数据资源管理" in doc.text


def test_date_and_note_after_a_sentence_are_not_a_flattened_signature():
    # the prefix before the date must be a signing body, not body text
    text = CHANGSHA.replace("长沙市人民政府办公厅2021 年", "请各单位于2021 年")
    doc = _parse(text)
    assert doc.date is None or doc.date.source != "signature" or doc.date.iso != "2021-12-23"


# tests/devset/holdout12/pages/059.txt (shortened): the signing body and a spaced date run into
# one line with the heading of the annex the notice sends out
DONGGUAN = """东莞市人民政府办公室关于印发东莞市政务数据资源共享管理办法(试行)的通知 (东府办〔2020〕54号)
各镇人民政府(街道办事处),市府直属各单位:
《东莞市政务数据资源共享管理办法(试行)》已经市人民政府同意,现印发给你们,请认真贯彻执行。
 东莞市人民政府办公室 2020年 8 月 24日 东莞市政务数据资源共享管理办法(试行)
 第一章 总 则
第一条 为规范政务数据资源管理,制定本办法。
"""


def test_signing_line_run_into_the_annex_heading():
    doc = _parse(DONGGUAN)
    assert (doc.date.iso, doc.date.source) == ("2020-08-24", "signature")
    assert doc.issuer == "东莞市人民政府办公室"
    # the annex keeps its heading; the signature is not body text
    assert "\n东莞市政务数据资源共享管理办法(试行)\n" in doc.text
    assert "2020年" not in doc.text


def test_dated_sentence_before_a_title_is_not_a_signing_line():
    # a body sentence naming a body and a date, then a document's name, is not run into an annex
    text = DONGGUAN.replace(
        " 东莞市人民政府办公室 2020年 8 月 24日 东莞市政务数据资源共享管理办法(试行)",
        "市政府于2020年8月24日印发东莞市政务数据资源共享管理办法(试行)",
    )
    doc = _parse(text)
    assert doc.date.source != "signature"
    assert "市政府于2020年8月24日印发东莞市政务数据资源共享管理办法(试行)" in doc.text


# tests/devset/holdout17/pages/057.txt (its first 20 lines): "市長 :" with the mayor's name lost in
# print, the date in Chinese numerals below it, the regulation's articles after
DECREE_SIGNER_NAME_LOST = """舟山市市民卡管理暫行辦法
舟山市市民卡管理暫行辦法
浙江省舟山市人民政府
舟山市市民卡管理暫行辦法
政府令第36號
《舟山市市民卡管理暫行辦法》已經(jīng)市政府第69次常務(wù)會議審議通過,現(xiàn)予發(fā)布,自2012年3月10日起施行。
市長 :
二○一二年二月十日
舟山市市民卡管理暫行辦法
第一章 總則
第一條 為加強(qiáng)舟山市社會保障.市民卡(以下簡稱市民卡)管理,規(guī)范市民卡使用,維護(hù)持卡人合法權(quán)益,提升政府公共管理和服務(wù)效能,方便市民辦理個人社會事務(wù),提高社會信息化應(yīng)用水平,特制定本辦法。
第二條 本辦法所稱市民卡是指由市政府發(fā)放,具有記錄市民姓名、身份證號碼、社會保障號碼等個人基本信息,市民在使用區(qū)域內(nèi)用于享受社會保障等公共服務(wù)和辦理個人相關(guān)社會事務(wù)的多用途智能卡。
第三條 本市行政區(qū)域內(nèi)市民卡信息系統(tǒng)建設(shè)和相關(guān)信息采集、存儲、交換、共享,市民卡申領(lǐng)、制作、發(fā)放、使用及其相關(guān)管理服務(wù)等活動,適用本辦法。
第四條 市民卡發(fā)放對象為本市戶籍人員和依法參加社會保險、新型漁農(nóng)村合作醫(yī)療以及符合市政府相關(guān)規(guī)定的非本市戶籍人員。
第五條 市經(jīng)濟(jì)和信息化委員會是市民卡工程的牽頭協(xié)調(diào)部門,負(fù)責(zé)市民卡工程的總體規(guī)劃、綜合協(xié)調(diào)和監(jiān)督管理工作。
市人力資源和社會保障局負(fù)責(zé)市民卡工程中社會保障項目的規(guī)劃、建設(shè)和社會保障業(yè)務(wù)領(lǐng)域的應(yīng)用工作。
市信息中心負(fù)責(zé)全市人口數(shù)據(jù)庫和數(shù)據(jù)交換平臺的建設(shè)和管理,人口
"""  # noqa: E501


def test_a_decree_signer_whose_name_was_lost_still_dates_it():
    doc = _parse(DECREE_SIGNER_NAME_LOST)
    assert doc.date.iso == "2012-02-10" and doc.evidence["date"][2] == "signature"
    # the signer named in full signs the same way
    assert _parse(DECREE_SIGNER_NAME_LOST.replace("市長 :", "市長 周國輝")).date.iso == "2012-02-10"
    # a title over the date with something else after its colon is no signer
    assert _parse(DECREE_SIGNER_NAME_LOST.replace("市長 :", "市長:見附件")).date is None
