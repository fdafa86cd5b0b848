"""The title-block step of the page parser (analysis.parsing.page_title_block), through parse_text.

Snippets from the annotated development sets (file cited per test).
"""

import warnings

from analysis.parsing import parse_text


def _doc(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return parse_text(text, "page.txt")[0][0]


# tests/devset/holdout14/pages/051.txt (its first 32 lines): a city portal's metadata list prints the
# heading and the issuer on lines of their own above the document, whose title block prints them again
# ("聊城市人民政府办公室" over "关于印发…的通知"); the second prints are dropped as repeated lines
REPEATED_HEADING = """无障碍阅读 关怀版 返回首页
政府信息公开
关于印发聊城市加快推进5G产业发展实施方案的通知
社会保障
11371500MB28359259/2020-4403366
聊政办字〔2020〕28号
2020-05-21
2020-05-23
聊城市人民政府办公室
有效

聊城市人民政府办公室

关于印发聊城市加快推进5G产业发展实施方案的通知

聊政办字〔2020〕28 号

各县(市、区)人民政府,市属开发区管委会,市政府有关部门、直属机构:


   《聊城市加快推进5G产业发展实施方案》已经市政府同意,现印发给你们,请结合实际,认真组织实施。



聊城市人民政府办公室

2020年5月21日
(此件公开发布)

聊城市加快推进5G产业发展实施方案

   为抢抓5G发展机遇,加快5G网络规模部署和商用步伐,促进5G产业创新发展,根据《山东省人民政府办公厅关于加快5G产业发展的实施意见》(鲁政办字〔2019〕187号),结合我市实际,制定以下实施方案。
"""


def test_heading_issuer_line_dropped_as_repeat_is_joined():
    doc = _doc(REPEATED_HEADING)
    assert doc.title == "聊城市人民政府办公室关于印发聊城市加快推进5G产业发展实施方案的通知"
    assert doc.issuer == "聊城市人民政府办公室"


def test_heading_printed_once_without_issuer_line_is_kept_as_printed():
    # the metadata list's heading alone (no title block printing the issuer over it): nothing to join
    text = REPEATED_HEADING.replace("\n聊城市人民政府办公室\n\n关于印发", "\n\n关于印发", 1)
    assert text != REPEATED_HEADING
    assert _doc(text).title == "关于印发聊城市加快推进5G产业发展实施方案的通知"


def test_page_opening_below_another_sites_header_and_breadcrumb():
    # tests/devset/pages/045.txt under the header of holdout11/pages/020.txt (perturb.py
    # header_swap): the run-on title line stands 7 lines down, past the site's menus and breadcrumb
    header = "新聞中心\n行業新聞\n當前位置:首頁 > 新聞中心 > 行業新聞\n"
    page = (
        "购物车\n我的足迹\n加入Vip免费下载 立即下载\n"
        "国务院关于加强数字政府建设的指导意见 国发〔2022〕14号 各省、自治区、直辖市人民政府,国务院各部委、"
        "各直属机构:加强数字政府建设是适应新一轮科技革命和产业变革趋势的必然要求。"
    )
    for text in (page, header + page):
        doc = _doc(text)
        assert (doc.title, doc.doc_number) == ("国务院关于加强数字政府建设的指导意见", "国发〔2022〕14号")
    # dev 054 under holdout13/pages/009.txt's header: the headline is the line below the breadcrumb
    header = "媒体监测和推荐平台\n地方政策\n当前位置:首页 > 政策法规 > 地方政策 > 详细内容\n"
    page = (
        "20211126153323024423.pdf&filename=《“十四五”信息通信行业发展规划》.pdf\n"
        "“十四五”信息通信行业发展规划 工业和信息化部 目 录 一、发展环境 (一)发展基础 "
        "“十三五”时期,我国信息通信业实现跨越式发展。"
    )
    for text in (page, header + page):
        assert _doc(text).title == "“十四五”信息通信行业发展规划"


# tests/devset/holdout15/pages/003.txt (opening, shortened): a traditional-script portal copy whose
# notice heading survives only as its tail under the 文号 and a rule line; the annex heading follows
# the signature, wrapped over two lines
HEADLESS_TAIL = """粵府辦〔2016〕19號 |
━━━━━━━━━━━━━━━━━━━━━━━━━━━ |
實施方案》的通知
各地級以上市人民政府,各縣(市、區)人民政府,省政府各部門、各直屬機構:
《關于在全省推廣一門式一網式政府服務模式改革的實施方案》已經省人民政府同意,現印發給你們,請認真貫徹執行。
廣東省人民政府辦公廳
2016年3月23日
關于在全省推廣一門式一網式
政府服務模式改革的實施方案
根據《國務院辦公廳關于簡化優化公共服務流程方便基層群眾辦事創業的通知》(國辦發〔2015〕86號)的部署,現就全省推廣一門一網式政府服務模式改革,提出實施方案如下:
一、總體要求
"""


def test_the_tail_of_a_heading_lost_in_print_is_no_title():
    doc = _doc(HEADLESS_TAIL)
    assert doc.title == "关于在全省推广一门式一网式政府服务模式改革的实施方案"
    assert (doc.genre, doc.issuer, doc.doc_number) == ("方案", "广东省人民政府办公厅", "粤府办〔2016〕19号")


# tests/devset/holdout17/pages/014.txt (lines 11-28): a transmittal's heading wrapped over three lines,
# its last line "的通知" too short for a title line, under a block that already ends in a genre word
WRAPPED_DE_TAIL = """广东省人民政府办公厅关于印发广东省

推进政务新媒体健康有序发展实施意见

的通知

粤办函〔2019〕90号


各地级以上市人民政府,省政府各部门、各直属机构:

  《广东省推进政务新媒体健康有序发展的实施意见》已经省人民政府同意,现印发给你们,请认真组织实施。


省政府办公厅

2019年4月24日
"""


def test_a_wrapped_heading_ending_in_a_de_genre_line_is_joined_whole():
    doc = _doc(WRAPPED_DE_TAIL)
    assert doc.title == "广东省人民政府办公厅关于印发广东省推进政务新媒体健康有序发展实施意见的通知"
    assert doc.doc_number == "粤办函〔2019〕90号"


# tests/devset/holdout17/pages/056.txt (its first 9 lines): an interpretation headed "关于《X》的政策解读"
# keeps its leading 关于 as printed
ABOUT_INTERPRETATION = """您现在所在的位置 : 首页 > 汕头市发展和改革局 > 政务公开 > 政策 > 政策解读
分享到:
关于《汕头市新型基础设施建设三年行动计划(2020-2022年)》的政策解读
  • 2021-01-15 15:48
  • 来源:本网
  • 发布机构:
  • 【字体:
  • 经市政府同意,市政府办公室于15日印发了《汕头市新型基础设施建设三年行动计划(2020-2022年)》\
(以下简称《行动计划》),现就《行动计划》有关内容解读如下:

    一、政策制定背景
"""


def test_an_interpretation_heading_keeps_its_leading_about():
    doc = _doc(ABOUT_INTERPRETATION)
    assert doc.title == "关于《汕头市新型基础设施建设三年行动计划(2020-2022年)》的政策解读"
    assert doc.genre == "解读"
    # without 关于 before the quote the name is kept as printed
    doc = _doc(ABOUT_INTERPRETATION.replace("关于《", "《", 1))
    assert doc.title == "《汕头市新型基础设施建设三年行动计划(2020-2022年)》的政策解读"


# tests/devset/holdout17/pages/001.txt (its first 8 lines): an encyclopedia page printing no heading
# line, the document named only as the subject of its lead sentence
ENCYCLOPEDIA_LEAD = """最高人民法院關於加快建設智慧法院的意見是最高人民法院於2017發布,自2017起施行的法律法規。
基本介紹
- 發布部門:最高人民法院
- 發布日期:2017
- 實施日期:2017
- 效力級別:司法解釋
- 法規類別:審判組織
一、充分認識加快建設智慧法院的意義、目標和要求
(一)深刻領會建設智慧法院的重大意義。智慧法院是人民法院充分利用先進信息化系統,支持全業務網上辦理、全流程依法公開。
"""


def test_an_encyclopedia_lead_sentences_subject_is_the_title_of_a_headless_page():
    doc = _doc(ENCYCLOPEDIA_LEAD)
    assert (doc.title, doc.genre) == ("最高人民法院关于加快建设智慧法院的意见", "意见")
    # a lead whose subject is no document name gives no title
    doc = _doc(ENCYCLOPEDIA_LEAD.replace("最高人民法院關於加快建設智慧法院的意見是", "智慧法院是", 1))
    assert doc.title == ""
    # a site's breadcrumb above the lead sentence does not hide it
    doc = _doc("首页 > 政务公开 > 政策文件\n" + ENCYCLOPEDIA_LEAD)
    assert doc.title == "最高人民法院关于加快建设智慧法院的意见"
    assert not doc.text.startswith("最高人民法院")  # the lead sentence is no part of the document's text


# tests/devset/holdout16/pages/009.txt (opening, shortened): a garbled-code mirror prints the heading in
# 《》 under a '文号《title》' headline, then the 文号 again and a repeat of the heading that lost its
# beginning (issuer and 关于) right above the addressees
HEADLESS_HEADLINE = (
    "吉政辦發(fā)〔2014〕10號《吉林省人民政府辦公廳關(guān)于落實(shí)“寬帶中國”戰(zhàn)略及實(shí)施方案的意見》"
)
HEADLESS_REPEAT = (
    HEADLESS_HEADLINE
    + """
瀏覽量: 時間:2020-05-10 21:43:32
《吉林省人民政府辦公廳關(guān)于落實(shí)“寬帶中國”戰(zhàn)略及實(shí)施方案的意見》
吉政辦發(fā)〔2014〕10號
“寬帶中國”戰(zhàn)略及實(shí)施方案的意見
吉政辦發(fā)〔2014〕10號
各市(州)人民政府,長白山管委會,各縣(市)人民政府,省政府各廳委辦、各直屬機構(gòu):
為貫徹落實(shí)《國務(wù)院關(guān)于印發(fā)“寬帶中國”戰(zhàn)略及實(shí)施方案的通知》(國發(fā)〔2013〕31號)精神,推進(jìn)實(shí)施“寬帶吉林”工程,經(jīng)省政府同意,特提出以下意見:
一、發(fā)展目標(biāo)
(一)到2015年,初步建成適應(yīng)經(jīng)濟(jì)社會(huì)發(fā)展需要的寬帶網(wǎng)絡(luò)基礎(chǔ)設(shè)施。"""
)


def test_a_repeat_that_lost_its_beginning_gives_way_to_the_whole_heading_above():
    doc = _doc(HEADLESS_REPEAT)
    assert doc.title == "吉林省人民政府办公厅关于落实“宽带中国”战略及实施方案的意见"
    assert (doc.issuer, doc.level, doc.region) == ("吉林省人民政府办公厅", "provincial", "吉林")
    # a block printing its own 关于 is a heading of its own, whatever the headline above says
    fragment = "“寬帶中國”戰(zhàn)略及實(shí)施方案的意見\n吉政"
    own = HEADLESS_REPEAT.replace(fragment, "關(guān)于推進(jìn)寬帶網(wǎng)絡(luò)建設(shè)的意見\n吉政", 1)
    assert _doc(own).title == "关于推进宽带网络建设的意见"


# tests/devset/holdout16/pages/006.txt (opening, shortened): a ministry's big5 gateway files the notice
# as a related policy (相关政策) under an interpretation in its breadcrumb
FILED_UNDER_INTERPRETATION = """首頁 > 政策解讀 > 一圖讀懂新時期推動綜合交通運輸大數據發展怎麼幹? > 相關政策

交通運輸部關於印發《推進綜合交通運輸大數據發展行動綱要(2020—2025年)》的通知

來源:科技司    2019-12-12 14:29:00

交科技發〔2019〕161號

各省、自治區、直轄市、新疆生産建設兵團及計劃單列市交通運輸廳(局、委),部屬各單位、部內各司局:

  為貫徹落實國家大數據戰略部署,加快建設交通強國,現將《推進綜合交通運輸大數據發展行動綱要(2020—2025年)》印發給你們,請結合實際認真貫徹落實。

  交通運輸部

  2019年12月9日

  推進綜合交通運輸大數據發展

  行動綱要(2020—2025年)

  為貫徹落實國家大數據戰略部署,加快建設交通強國,特製定本綱要。"""


def test_a_breadcrumb_names_the_page_by_its_last_step():
    doc = _doc(FILED_UNDER_INTERPRETATION)
    assert doc.title == "交通运输部关于印发《推进综合交通运输大数据发展行动纲要(2020—2025年)》的通知"
    assert (doc.genre, doc.issuer, doc.date.iso) == ("纲要", "交通运输部", "2019-12-09")
    # filed as the interpretation itself (the last step says 解读), the page is one
    # (tests/devset/holdout/pages/021.txt: "首頁 > 政務公開 > 解讀回應 > 區級政策解讀")
    filed = FILED_UNDER_INTERPRETATION.replace("怎麼幹? > 相關政策", "怎麼幹? > 政策解讀")
    assert _doc(filed).genre == "解读"
    # a last step naming only the page's view says nothing: the step above it names the section
    # (tests/devset/holdout12/pages/046.txt: "當前位置: 政策解讀> 文 字")
    viewed = FILED_UNDER_INTERPRETATION.replace("怎麼幹? > 相關政策", "怎麼幹? > 政策解讀 > 正文")
    assert _doc(viewed).genre == "解读"


# tests/devset/holdout18/pages/012.txt (its first 6 lines, shortened): an encyclopedia excerpt opening at
# its section labels, a summary "內容解讀" and then "內容全文" over the plan's own heading
FULL_TEXT_SECTION = """內容解讀
行動計畫部署了數字基礎設施升級行動、智慧農業創新發展行動、新業態新模式發展行動等8個方面的重點行動。
根據行動計畫,到2023年,數字鄉村發展取得階段性進展。到2025年,數字鄉村發展取得重要進展。
內容全文
數字鄉村發展行動計畫(2022-2025年)
數字鄉村是鄉村振興的戰略方向,也是建設數字中國的重要內容。為貫徹落實黨中央、國務院決策部署,制定本行動計畫。
一、總體要求
"""


def test_a_full_text_section_under_an_interpretation_label_is_the_document():
    doc = _doc(FULL_TEXT_SECTION)
    assert (doc.title, doc.genre) == ("数字乡村发展行动计划(2022-2025年)", "计划")
    # without the full-text label the page's first line says it is an interpretation
    doc = _doc(FULL_TEXT_SECTION.replace("內容全文\n", ""))
    assert doc.genre == "解读"
