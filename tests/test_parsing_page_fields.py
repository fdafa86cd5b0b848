"""Issuer and date of a single page (analysis.parsing.page_fields), through parse_page.

Snippets from the development sets (file cited per test), cleaned as the loader cleans them.
"""

from analysis.cleaning import clean_text
from analysis.parsing import parse_page


def _parse(text: str):
    return parse_page(clean_text(text), "page.txt")[0]


# tests/devset/holdout2/pages/011.txt (opening): a 维基文库 header block (title, 文号, date,
# 發布機關) above the title printed again, wrapped; no signature in the excerpt
STATE_COUNCIL = """國務院關於進一步擴大和升級信息消費持續釋放內需潛力的指導意見
國發〔2017〕40號
2017年8月13日
發布機關:中華人民共和國國務院
國務院關於進一步擴大和升級信息消費
持續釋放內需潛力的指導意見
各省、自治區、直轄市人民政府,國務院各部委、各直屬機構:
近年來,隨着互聯網技術與經濟社會深度融合,我國信息消費快速發展,正從以線上為主加快向線上線下融合的新形態轉變。
一、總體要求
"""


def test_date_under_the_own_doc_number_in_a_header_block():
    doc = _parse(STATE_COUNCIL)
    assert (doc.doc_number, doc.date.iso) == ("国发〔2017〕40号", "2017-08-13")
    assert doc.date.source == "dateline below the 文号"
    # a date under a cited number is not the document's own
    cited = STATE_COUNCIL.replace("國發〔2017〕40號\n2017年8月13日", "根據國發〔2016〕1號\n2017年8月13日")
    assert (_parse(cited).doc_number, _parse(cited).date) == ("", None)


# tests/devset/holdout2/pages/040.txt: a news repost whose notice title names nine joint
# issuers separated by 、 (the signature is cut from this snippet)
JOINT = """多部門聯合發布《關于深入推進智慧社區建設的意見》
民政部、中央政法委、中央網信辦、發展改革委、工業和信息化部、公安部、财政部、住房城鄉建設部、農業農村部印發《關于深入推進智慧社區建設的意見》的通知
民發〔2022〕29号
各省、自治區、直轄市民政廳(局)、政法委、網信辦:
現将《關于深入推進智慧社區建設的意見》印發給你們,請結合實際認真貫徹執行。
智慧社區是充分應用大數據、雲計算、人工智能等信息技術手段,整合社區各類服務資源的社區治理新形态。
"""


def test_joint_issuers_of_a_title_are_separated_by_a_space():
    doc = _parse(JOINT)
    bodies = "民政部 中央政法委 中央网信办 发展改革委 工业和信息化部 公安部 财政部 住房城乡建设部 农业农村部"
    assert doc.issuer == bodies
    assert (doc.level, doc.region) == ("ministry", "全国")


# tests/devset/holdout2/pages/032.txt (opening): a plan's cover dated by the month alone, a
# stray "." line between the title and the date, the site's previous/next links above
PLAN = """“十四五”国家信息化规划
維基文庫,自由的圖書館
“十三五”国家信息化规划 “十四五”国家信息化规划
.
2021年12月
“十四五”时期,信息化进入加快数字化发展、建设数字中国的新阶段。习近平总书记强调,没有信息化就没有现代化。
一、现状与形势
"""


def test_month_alone_under_the_title_dates_a_plan():
    doc = _parse(PLAN)
    assert doc.title == "“十四五”国家信息化规划"
    assert (doc.date.iso, doc.date.source) == ("2021-12", "dateline below the title (month)")
    assert (doc.issuer, doc.level, doc.region) == ("", "", "")
    # a month inside the text's first sentence is not the plan's date
    later = PLAN.replace(".\n2021年12月\n", "")
    assert _parse(later).date is None


# tests/devset/holdout3/pages/012.txt (opening): a repost printing the issuer and the date
# directly under the title, then the transmitted plan's heading; no 文号, no addressees
ZHEJIANG = """浙江省人民政府关于印发浙江省“互联网+”行动计划的通知
浙江省人民政府
2016年1月14日
浙江省“互联网+”行动计划
推进“互联网+”发展是国家的重大战略部署,也是新常态下我省深入实施“八八战略”、全面建设“两富”“两美”现代化浙江的重大战略举措。
一、总体要求
"""


def test_issuer_and_date_under_the_title_are_its_signature():
    doc = _parse(ZHEJIANG)
    assert doc.title == "浙江省人民政府关于印发浙江省“互联网+”行动计划的通知"
    assert (doc.issuer, doc.date.iso, doc.genre) == ("浙江省人民政府", "2016-01-14", "计划")
    assert (doc.level, doc.region) == ("provincial", "浙江")
    assert doc.date.source == "signature (cover)"
    # the transmitted plan's heading is body text, not the title
    assert doc.text.startswith("浙江省“互联网+”行动计划")


# tests/devset/holdout3/pages/033.txt (flattened policy-library page): the signature prints the
# district without its city, the title prints it whole
XIQING = """天津市西青区人民政府关于印发“智慧西青”顶层设计的通知
发布时间:2017年03月03日
天津市西青区人民政府关于印发“智慧西青”顶层设计的通知 字号大中小 各镇人民政府、街道办事处,各委、局,各直属单位: \
经区人民政府同意,现将《“智慧西青”顶层设计》印发给你们,请遵照执行。西青区人民政府2017年2月13日(此件主动公开)\
“智慧西青”顶层设计二〇一七年二月目 录一、前言
"""


def test_fuller_print_of_the_same_issuer_in_the_title_wins():
    doc = _parse(XIQING)
    assert doc.title == "天津市西青区人民政府关于印发“智慧西青”顶层设计的通知"
    assert (doc.issuer, doc.genre, doc.level, doc.region) == ("天津市西青区人民政府", "设计", "county", "天津")
    # another body in the title is not a fuller print of the signer
    other = XIQING.replace("天津市西青区人民政府关于", "天津市人民政府关于")
    assert _parse(other).issuer == "西青区人民政府"


# tests/devset/holdout3/pages/014.txt (opening): a job site's menu pushes the header (date, 来源)
# below the title; a spam "今天是" date heads the page; the issuer is printed as 省人民政府
HUBEI = """• 今天是:2024年03月28日  星期四
  • 欢迎来到湖北毕业生就业网!
  • 官方微信
  1. 首页
  2. >
  3. 政策规章
  4. >
  5. 详情

省人民政府关于加快推进“互联网+”行动的实施意见

分享至:
2016年01月13日     浏览:16294 次      来源: 湖北毕业生就业网

省人民政府关于加快推进“互联网+”行动的实施意见

各市、州、县人民政府,省政府各部门:
  为促进互联网与经济社会各领域深度融合,加快传统产业转型升级和提质增效,结合我省实际,提出如下实施意见。
"""


def test_header_date_under_the_title_and_a_short_form_issuer_placed_by_the_site():
    doc = _parse(HUBEI)
    assert (doc.issuer, doc.date.iso, doc.date.source) == ("省人民政府", "2016-01-13", "page header")
    assert (doc.level, doc.region) == ("provincial", "湖北")
    assert "page source" in doc.level_evidence
    # a site naming no place: the level of the issuer's kind, no region
    unnamed = _parse(HUBEI.replace("湖北毕业生就业网", "毕业生就业网"))
    assert (unnamed.level, unnamed.region) == ("provincial", "")


# tests/devset/holdout3/pages/021.txt (opening): a flattened page without a title, opening with the
# issuing body, then its 文号 and the addressees
SHANDONG = (
    "山东省人民政府 鲁政字〔2019〕84号 各市人民政府,各县(市、区)人民政府,"
    "省政府各部门、各直属机构,各大企业,各高等院校: "
    "为充分发挥人工智能在新一轮科技革命和产业变革中的技术优势及“头雁”效应,推进“现代优势产业集群+人工智能”,"
    "推动全省新旧动能转换,塑造经济高质量发展新优势,制定本指导意见。 "
    "一、总体要求 以习近平新时代中国特色社会主义思想为指导。"
)


def test_issuer_line_before_the_doc_number_of_an_untitled_page():
    doc = _parse(SHANDONG)
    assert (doc.title, doc.issuer, doc.doc_number) == ("", "山东省人民政府", "鲁政字〔2019〕84号")
    assert (doc.date.iso, doc.level, doc.region) == ("2019", "provincial", "山东")


# tests/devset/holdout3/pages/038.txt (opening): a provincial plan without its title, a publication
# note before its text
CHONGQING = """(重庆市人民政府 2018年5月17日发布)
为贯彻落实《国务院关于深化“互联网+先进制造业”发展工业互联网的指导意见》(国发〔2017〕50号),结合我市实际,制定本实施方案。
一、总体要求
深入贯彻党的十九大精神,坚持以习近平新时代中国特色社会主义思想为指导,加快发展工业互联网。
"""


def test_publication_note_gives_issuer_and_page_date():
    doc = _parse(CHONGQING)
    assert (doc.issuer, doc.date.iso, doc.level, doc.region) == ("重庆市人民政府", "2018-05-17", "provincial", "重庆")
    assert doc.doc_number == ""  # the cited 国发〔2017〕50号 is not its own


# tests/devset/holdout4/pages/029.txt (opening): a district gazette prints the document's date in
# brackets (题注) above its 文号; the gazette issue in the breadcrumb is not the document's
GAZETTE = """首页 > 政务公开 > 人民政府公报 > 2018 > 2018年12月24日 第6期(总第127期)
(2018年12月11日)
罗府办〔2018〕7号
《罗湖区“数字政府”和“智慧城区”建设三年工作方案(2019年-2021年)》已经区政府同意,现印发给你们,请认真组织实施。
罗湖区“数字政府”和“智慧城区”建设三年工作方案(2019年-2021年)
为深入贯彻落实党的十九大精神及国家大数据战略部署,结合我区实际,制定本方案。
一、工作目标和工作思路
"""


def test_bracketed_date_in_the_head_is_the_documents_date():
    doc = _parse(GAZETTE)
    assert (doc.date.iso, doc.date.source, doc.doc_number) == (
        "2018-12-11",
        "dateline in brackets (题注)",
        "罗府办〔2018〕7号",
    )
    # a bracketed date below the text's first sentence is no 题注
    late = GAZETTE.replace("(2018年12月11日)\n", "").replace("一、工作目标和工作思路", "(2019年1月1日)\n一、工作目标")
    assert _parse(late).date.source != "dateline in brackets (题注)"


# tests/devset/holdout4/pages/016.txt (shortened): no header; a body sentence holds 时间 and deadlines
DEADLINES = """省直各单位、各市(州)发展改革委、网信办:
为加快推进政务信息系统整合共享工作,省发展改革委制定了《青海省政务信息系统整合共享实施方案》,现印发你们,请按照执行。
青海省政务信息系统整合共享实施方案
推进政务信息系统整合共享是破解当前“放管服”改革难点堵点的重要举措。为加快推进政务信息系统整合,明确责任分工和时间节点,确保2017年年底前取得积极成效,2018年6月底前取得显着成效,特制定本实施方案。
一、工作目标
"""


def test_deadline_in_a_body_sentence_is_no_posting_date():
    assert _parse(DEADLINES).date is None
    # a header flattened onto the text: the date right after its label is the page's
    flat = DEADLINES.replace("推进政务信息系统整合共享是", "发布时间:2018-05-02 推进政务信息系统整合共享是")
    assert _parse(flat).date.iso == "2018-05-02"


# tests/devset/holdout4/pages/011.txt (opening): a city department's site reposts a provincial
# opinion; its header says where the text came from (来源:省经信厅), its 发布机构 is the reposter
REPOST = """关于加快新型智慧城市建设的指导意见
m.happymerchs.com     发布时间:2020-12-31     来源:省经信厅      选择阅读字号:[ ]     阅读次数:
  • 索 引 号 :
  • 发布机构:攀枝花市经济和信息化局
  • 成文日期:2020-12-31
  • 发布日期:2020-12-31
  • 文  号:
省政府各部门、各直属机构,有关单位:
  新型智慧城市是建设数字四川和智慧社会的核心载体,是全省城市能级和核心竞争力的重要体现。经省政府同意,现提出以下指导意见。
  一、总体要求
"""


def test_publisher_is_no_issuer_when_the_source_names_another_body():
    # a portal's 发布机构 is the posting body: never the issuer on its own (README, issuer)
    own_post = REPOST.replace("来源:省经信厅", "来源:攀枝花市经信局").replace(
        "省政府各部门、各直属机构,有关单位:", "各有关单位:"
    )
    assert _parse(own_post).issuer == ""
    # a database's 发布单位 is the document's publishing body unless the page shows it reposts
    rep = REPOST.replace("发布机构", "发布单位")
    doc = _parse(rep)
    assert (doc.issuer, doc.level, doc.region, doc.date.iso) == ("", "", "", "2020-12-31")
    # without the 来源, the addressees tell: a city bureau does not write to 省政府各部门
    assert _parse(rep.replace("来源:省经信厅", "")).issuer == ""
    # nor does a title leading with another place come from this publisher
    titled = rep.replace("来源:省经信厅", "").replace("省政府各部门、各直属机构,有关单位:", "各有关单位:")
    assert _parse(titled.replace("关于加快", "四川省关于加快", 1)).issuer == ""
    # the publisher posting its own text (来源 the same body, printed shorter; its own addressees)
    # is the issuer
    own = rep.replace("来源:省经信厅", "来源:攀枝花市经信局").replace(
        "省政府各部门、各直属机构,有关单位:", "各有关单位:"
    )
    assert (_parse(own).issuer, _parse(own).level) == ("攀枝花市经济和信息化局", "prefecture")


# tests/devset/holdout4/pages/009.txt (shortened): an investment site's 发布部门 names the issuer
POLICY_SITE = """绵阳关于加快推进智慧医疗建设的实施意见
政策
发布部门:绵阳市人民政府办公室 发布时间:2018年02月01日 有效性:政策是否有效未知,请慎用
科技城管委会,各县市区人民政府,各园区管委会,科学城办事处,市级各部门:为积极开展国家智慧城市试点,推进健康绵阳建设,根据《绵阳市人民政府关于加快智慧城市建设的实施意见》(绵府发〔2016〕6号),现就加快推进智慧医疗建设提出如下实施意见。一、总体要求
"""


def test_policy_site_publishing_department_is_the_issuer():
    doc = _parse(POLICY_SITE)
    assert (doc.issuer, doc.level, doc.region, doc.doc_number) == ("绵阳市人民政府办公室", "prefecture", "四川", "")


# tests/devset/holdout4/pages/001.txt (shortened): an encyclopedia's lead prints the issuer short
# (市政府办公厅), its infobox in full (市人民政府办公厅)
ENCYCLOPEDIA_LEAD = """2022年6月6日鄭州市政府辦公廳印發《鄭州市“十四五”大數據發展規劃》,\
加快推動大數據健康發展和廣泛套用。
基本介紹
- 中文名:鄭州市“十四五”大數據發展規劃
- 頒布時間:2022年6月6日
- 發布單位:鄭州市人民政府辦公廳
發展規劃
大數據是信息化發展的新階段。“十四五”時期是我市加快國家中心城市現代化建設的關鍵階段,根據國家相關戰略部署編制本規劃。
一、現狀與問題
"""


def test_fuller_print_of_an_abbreviated_issuer_on_the_page_wins():
    from analysis.cleaning import detect_script

    doc = parse_page(clean_text(ENCYCLOPEDIA_LEAD, script=detect_script(ENCYCLOPEDIA_LEAD)), "page.txt")[0]
    assert (doc.title, doc.issuer, doc.date.iso) == (
        "郑州市“十四五”大数据发展规划",
        "郑州市人民政府办公厅",
        "2022-06-06",
    )
    assert doc.evidence["issuer"][2].endswith("fuller print of the same body on the page")
    # another body of the same city (its 大数据局) is no fuller print of the office
    other = ENCYCLOPEDIA_LEAD.replace("發布單位:鄭州市人民政府辦公廳", "發布單位:鄭州市大數據管理局")
    assert parse_page(clean_text(other, script=detect_script(other)), "page.txt")[0].issuer == "郑州市政府办公厅"


def test_dated_header_line_under_a_breadcrumb_is_the_page_date():
    # tests/devset/pages/056.txt (opening) under a breadcrumb: the header line opens with the date
    page = (
        "首页 > 政策文件 > 正文\n2014-08-20 来源:信阳市工业和信息化局 浏览:665\n"
        "信阳市人民政府 关于加快推进信息化促进“四化”同步发展的 意 见 各县(区)人民政府,各管理区、开发区,各市直单位: "
        "为贯彻落实党的十八大和十八届三中全会精神,大幅提升我市信息化水平,特制定如下意见: "
        "一、深刻认识加快推进信息化的重要性\n"
    )
    doc = _parse(page)
    assert (doc.date.iso, doc.date.source) == ("2014-08-20", "page header")


def test_byline_date_beside_a_view_count_is_the_page_date():
    # tests/devset/holdout5/pages/061.txt (shortened): a news aggregator's <title> with its column
    # after an underscore, then a byline "source date 阅读量 N"; no signature, no 文号
    page = (
        "湘潭市数字乡村发展五年规划(2019-2023年)_建设\n\n湘潭市农业农村局 2021-07-14 阅读量 887\n\n"
        "  原标题:湘潭市数字乡村发展五年规划(2019-2023年)\n\n  来源: 湘潭市农业农村局\n\n"
        "  为提升湘潭农业生产智能化水平,贯彻落实《数字乡村发展战略纲要》(中办发〔2019〕31号)等文件要求,制定本规划。\n"
        "  一、现状与形势\n"
    )
    doc = _parse(page)
    assert (doc.title, doc.date.iso, doc.date.source) == (
        "湘潭市数字乡村发展五年规划(2019-2023年)",
        "2021-07-14",
        "page header",
    )
    assert (doc.level, doc.region, doc.genre, doc.issuer) == ("prefecture", "湖南", "规划", "")


def test_numeric_date_alone_under_the_posters_name_is_the_page_date():
    # tests/devset/holdout5/pages/021.txt (opening): "【数字吉林】title", the poster "XCCK", then the date
    page = (
        "在线客服\n\n【数字吉林】吉林省数字政府建设“十四五”规划\n\nXCCK\n2023-06-21\n\n"
        "吉林省数字政府建设“十四五”规划\n\n"
        "为落实《吉林省国民经济和社会发展第十四个五年规划和2035年远景目标纲要》,制定本规划。\n\n"
        "一、发展基础和面临形势\n"
    )
    doc = _parse(page)
    assert (doc.title, doc.date.iso, doc.date.source) == ("吉林省数字政府建设“十四五”规划", "2023-06-21", "page header")
    # a 年月日 date alone is a 公文's own dating, not a page stamp: no posting date is read from it here
    assert _parse(page.replace("XCCK\n2023-06-21", "XCCK\n说明")).date is None


def test_placeless_short_form_signature_gives_way_to_the_title_print():
    # tests/devset/holdout5/pages/026.txt (shortened): the signature prints 省府办公厅 for the office
    # the title names in full
    page = (
        "广东省人民政府办公厅关于印发推进珠江三角洲地区智慧城市群建设和信息化一体化行动计划(2014-2020年)的通知\n"
        "各地级以上市人民政府,顺德区人民政府,省政府各部门、各直属机构:\n"
        "《推进珠江三角洲地区智慧城市群建设和信息化一体化行动计划(2014-2020年)》已经省人民政府同意,现印发给你们,请认真贯彻实施。\n"
        "省府办公厅\n2014年11月7日\n"
        "推进珠江三角洲地区智慧城市群建设和信息化一体化行动计划(2014-2020年)\n"
        "为加快推进珠江三角洲地区智慧城市群建设和信息化一体化,制定本行动计划。\n"
    )
    doc = _parse(page)
    assert (doc.issuer, doc.level, doc.region) == ("广东省人民政府办公厅", "provincial", "广东")
    assert doc.evidence["issuer"][2] == "signature, fuller print of the same body on the page"
    # another body (its 厅 differs from the title's 办公厅 only by what it is) keeps its print
    other = page.replace("省府办公厅\n", "省发展改革委\n")
    assert _parse(other).issuer == "省发展改革委"


# tests/devset/holdout6/pages/015.txt (opening, pinyin glosses left out): a company site's news
# headline names the ministry before the plan's title, which is printed again below it
HEADLINE_ORG = """中都物流

交通運輸部:交通運輸領域新型基礎設施建設行動方案(2021—2025年)

交通運輸領域新型基礎設施建設行動方案(2021—2025年)

為貫徹黨中央、國務院決策部署,落實《交通強國建設綱要》總體要求,推動交通運輸領域新型基礎設施建設,制定本方案。

一、總體要求
"""


def test_news_headline_organisation_before_the_title_is_the_issuer():
    doc = _parse(HEADLINE_ORG)
    assert doc.title == "交通运输领域新型基础设施建设行动方案(2021—2025年)"
    assert (doc.issuer, doc.level, doc.region) == ("交通运输部", "ministry", "全国")
    # a colon after something that is no body (a site, a column) names no issuer
    doc = _parse(HEADLINE_ORG.replace("交通運輸部:", "要聞速遞:"))
    assert doc.issuer == ""


# tests/devset/holdout6/pages/018.txt (opening, shortened): a blog reposting a provincial opinion,
# its only date the byline "X發表於2021-12-22"
BLOG_BYLINE = """湖北省人民政府關於全面推進數字湖北建設的意見

紅棗科技發表於2021-12-22
湖北省人民政府釋出了《湖北省人民政府關於全面推進數字湖北建設的意見》。


各市、州、縣人民政府,省政府各部門:

為深入貫徹落實黨中央關於建設數字中國的重大戰略部署,加快建設數字湖北,提出如下意見。

一、總體要求
"""


def test_blog_byline_date_is_the_page_date():
    doc = _parse(BLOG_BYLINE)
    assert (doc.date.iso, doc.date.source) == ("2021-12-22", "page header")
    assert (doc.issuer, doc.level, doc.region) == ("湖北省人民政府", "provincial", "湖北")


# tests/devset/holdout6/pages/012.txt (opening, shortened): a joint ministry opinion whose title
# names the lead body and "等部门"; no signature in the excerpt
AND_OTHERS = """住房和城鄉建設部等部門關于推動智能建造與建筑工業化協同發展的指導意見
建市〔2020〕60號
各省、自治區、直轄市及計劃單列市、新疆生產建設兵團住房和城鄉建設廳(委、管委、局)、發展改革委、科技廳(局):
建筑業是國民經濟的支柱產業,為我國經濟持續健康發展提供了有力支撐。
一、指導思想
"""


def test_issuer_counted_with_and_others_is_the_lead_body():
    doc = _parse(AND_OTHERS)
    assert (doc.issuer, doc.level, doc.region, doc.doc_number) == (
        "住房和城乡建设部",
        "ministry",
        "全国",
        "建市〔2020〕60号",
    )
    assert doc.title.startswith("住房和城乡建设部等部门关于")  # the title stays as printed


# tests/devset/holdout6/pages/009.txt (opening, shortened): the signature prints 陜 (U+965C), a
# variant OpenCC leaves, for 陝/陕
VARIANT_SIGNATURE = """各設區市人民政府,省人民政府各工作部門、各直屬機構,各有關單位:
《陜西省“十四五”社會信用體系建設規劃》已經省政府同意,現印發給你們,請認真貫徹實施。
陜西省發展和改革委員會
2021年8月4日
陜西省“十四五”社會信用體系建設規劃
“十四五”時期是我國全面建成小康社會之后,開啟全面建設社會主義現代化國家新征程的第一個五年。
"""


def test_variant_character_in_the_issuer_is_matched_and_stored_standard():
    doc = _parse(VARIANT_SIGNATURE)
    assert (doc.issuer, doc.level, doc.region) == ("陕西省发展和改革委员会", "provincial", "陕西")
    assert doc.title == "陜西省“十四五”社会信用体系建设规划"  # the title keeps what is printed


# tests/devset/holdout8/pages/024.txt (opening): a regional portal's 政府信息公开 table; its 发布机构
# names the body that posted the page, and nothing else names an issuer
POSTED_BY = """标      题 西藏自治区“十三五”时期信息化发展规划
索引号 000014349/2018-00081 文      号
发布机构 西藏自治区发改委 发布日期 2018-11-26 16:01:00

时间: 2018-11-26 16:01:00 来源:

“十三五”时期是西藏全面建成小康社会的决胜阶段,是实现信息化新突破的重要阶段,也是信息化释放能量的扩展阶段。信息化代表新的生产力,已经成为引领创新和驱动转型的先导力量。
"""


def test_a_portals_posting_body_is_not_the_issuer():
    doc = _parse(POSTED_BY)
    assert doc.title == "西藏自治区“十三五”时期信息化发展规划"
    assert doc.issuer == ""
    # level and region from the place leading the title
    assert (doc.level, doc.region) == ("provincial", "西藏")
    # a 发文机关 field is an issuer source
    signed = POSTED_BY.replace("发布机构 西藏自治区发改委", "发文机关 西藏自治区发改委")
    assert _parse(signed).issuer == "西藏自治区发改委"


# tests/devset/pages/079.txt (shortened): an encyclopedia's infobox names the body that issued
# the document (发布单位): an issuer source, unlike a portal's 发布机构
INFOBOX = """绵阳市新型智慧城市建设总体方案
中文名 | 绵阳市新型智慧城市建设总体方案 | 颁布时间 | 2020年6月17日 |
实施时间 | 2020年6月17日 | 发布单位 | 绵阳市人民政府办公室 |
为深入贯彻落实党中央、国务院关于建设网络强国、数字中国、智慧社会的战略部署,加快推进新型智慧城市建设,制定本方案。
"""


def test_a_databases_publishing_body_is_the_issuer():
    assert _parse(INFOBOX).issuer == "绵阳市人民政府办公室"
    # a field a hijacked copy filled with spam (dev 010: 发文单位:咸宁江南体育官方网站入) names no one
    assert _parse(INFOBOX.replace("绵阳市人民政府办公室 |", "咸宁江南体育官方网站入 |")).issuer == ""


# tests/devset/holdout7/pages/049.txt (shortened): the 发文单位 field lists ten bodies; the signature
# is the same list printed as a three-column table, flattened line by line
BODIES = "广西壮族自治区民政厅 中共广西壮族自治区委员会政法委员会 广西壮族自治区公安厅 广西壮族自治区通信管理局"
TEN_BODIES = f"""发文单位:{BODIES} | 成文日期:2022年11月18日 |
标 题:广西壮族自治区民政厅等十部门印发《关于深入推进智慧社区建设的实施意见》的通知(桂民发〔2022〕32号) | |
发文字号:桂民发〔2022〕32号 | 发布日期:2022年11月21日 |
各市民政局、政法委、公安局、通信管理办公室:
现将《关于深入推进智慧社区建设的实施意见》印发给你们,请认真贯彻落实。
广西壮族自治区 中共广西壮族自治区委员会 广西壮族自治区
民政厅 政法委员会 公安厅
通信管理局
2022年11月18日
"""


def test_organ_field_lists_the_bodies_of_a_flattened_signature_table():
    doc = _parse(TEN_BODIES)
    assert (
        doc.issuer
        == "广西壮族自治区民政厅 中共广西壮族自治区委员会政法委员会 广西壮族自治区公安厅 广西壮族自治区通信管理局"
    )
    assert (doc.level, doc.region) == ("provincial", "广西")


# tests/devset/holdout8/pages/041.txt (shortened, simplified): the signature prints the short form
SHORT_SIGNATURE = """深圳市人民政府办公厅关于印发深圳市智能建造试点城市建设工作方案的通知
深府办函〔2023〕30号
各区人民政府,市有关单位:
《深圳市智能建造试点城市建设工作方案》已经市政府同意,现印发给你们,请认真组织实施。
市政府办公厅
2023年4月28日
"""


def test_short_form_signature_takes_the_titles_full_name():
    assert _parse(SHORT_SIGNATURE).issuer == "深圳市人民政府办公厅"
    # a full name of another kind of place does not complete it
    other = SHORT_SIGNATURE.replace("深圳市人民政府办公厅关于", "广东省人民政府办公厅关于")
    assert _parse(other).issuer == "市政府办公厅"


# tests/devset/holdout8/pages/043.txt (shortened, simplified): question marks where a signature's
# layout spaces were lost, glued to its name and date
LOST_SPACES = """发文字号:沁政发〔2022〕4号 | 著录时间:2022-04-26 |
标题:沁县人民政府 关于印发沁县培育“沁州黄·乡村e镇”工作实施方案的通知 | |
主题分类:其它 | 发布日期:2022-04-26 |
各乡镇人民政府,县直各有关单位:
现将《沁县培育“沁州黄·乡村e镇”工作实施方案》印发给你们,请认真抓好贯彻执行。
沁县人民政府????
2022年4月20日???
(此件公开发布)??
"""


def test_question_marks_glued_to_a_signature_are_lost_spaces():
    doc = _parse(LOST_SPACES)
    assert (doc.issuer, doc.date.iso, doc.date.source) == ("沁县人民政府", "2022-04-20", "signature")


# tests/devset/holdout9/pages/049.txt (shortened): the red header (版头) "X文件" names the issuing
# organ; the title (转发…的通知) names none and the excerpt ends before the signature
RED_HEADER = """大连市应急管理局文件
转发应急管理部办公厅关于印发 2019 年地方应急管理信息化实施指南的通知
大应急规划〔2019〕87号
各区市县、先导区应急管理部门:
现将《2019 年地方应急管理信息化实施指南》(应急厅〔2019〕22号)转发给你们,请一并贯彻落实。
一、高度重视应急管理信息化工作机制体制建设
为了强化工作组织保障,市应急管理局高度重视,专门成立了信息化建设领导小组。
"""


def test_red_header_names_the_issuer():
    doc = _parse(RED_HEADER)
    assert doc.issuer == "大连市应急管理局"
    assert doc.level == "prefecture"
    assert doc.region == "辽宁"
    assert doc.doc_number == "大应急规划〔2019〕87号"


def test_category_label_ending_in_wenjian_is_no_red_header():
    # tests/devset/holdout6/pages/051.txt: a gazette's category "市政府办公室文件" names no place
    doc = _parse(RED_HEADER.replace("大连市应急管理局文件", "市政府办公室文件"))
    assert doc.issuer == ""


def test_issuer_from_an_announcement_only_when_the_page_stands_behind_it():
    # tests/devset/holdout11/pages/005.txt (simplified, shortened): a news lead naming a ministry is
    # no issuer field; nothing else names the issuer, so issuer, level and region stay empty
    lead = (
        "为贯彻落实水利部党组关于大力推进智慧水利建设决策部署,近日,水利部制定印发《2022年推进智慧水利建设"
        "水资源管理工作要点》(以下简称《要点》),明确了工作任务。\n"
    )
    body = "2022年推进智慧水利建设水资源管理工作要点\n一、加快水资源管理信息系统建设。要统筹推进各项工作。\n"
    doc = _parse(lead + body)
    assert (doc.issuer, doc.level, doc.region) == ("", "", "")
    # tests/devset/holdout6/pages/006.txt (simplified, shortened): the headline announces it too
    headline = "国家广播电视总局印发《2022年推进智慧水利建设水资源管理工作要点》\n"
    doc = _parse(headline + lead.replace("近日,水利部制定", "近日,国家广播电视总局"))
    assert doc.issuer == "国家广播电视总局"
    # tests/devset/pages/022.txt (simplified): a release opening with the full issue date
    release = "2017年4月8日,河南省人民政府印发《河南省推进国家大数据综合试验区建设实施方案的通知》(豫政〔2017〕11号)\n"
    heading = "河南省推进国家大数据综合试验区建设实施方案\n"
    doc = _parse(release + heading + "我省国家大数据综合试验区是首批区域示范类试验区。\n")
    assert doc.issuer == "河南省人民政府"


# tests/devset/holdout12/pages/014.txt (opening): a gazette prints the date after the 文号 on one
# line under the wrapped title; no signature is printed
SICHUAN = """四川省人民政府
关于印发四川省“十三五”信息化
规划的通知
川府发〔2017〕62号 2017年12月21日
(已失效)
各市(州)人民政府,省政府各部门、各直属机构,有关单位:
《四川省“十三五”信息化规划》已经省政府同意,现印发你们,请认真贯彻执行。
四川省“十三五”信息化规划
“十三五”时期,是贯彻落实创新、协调、绿色、开放、共享五大发展理念的关键时期。
"""


def test_date_after_the_own_doc_number_on_one_line():
    doc = _parse(SICHUAN)
    assert doc.doc_number == "川府发〔2017〕62号"
    assert (doc.date.iso, doc.date.source) == ("2017-12-21", "dateline after the 文号")


def test_date_after_a_cited_doc_number_is_not_the_documents():
    # the same line naming another document's number (a cited one) dates nothing
    text = SICHUAN.replace("川府发〔2017〕62号 2017年12月21日", "川府发〔2017〕62号\n国发〔2016〕73号 2016年12月15日")
    doc = _parse(text)
    assert doc.doc_number == "川府发〔2017〕62号"
    assert doc.date.iso == "2017"


def test_posting_stamp_printed_year_last_dates_an_undated_page():
    # tests/devset/holdout12/pages/017.txt (opening, shortened): an aggregator's repost, no 文号,
    # no signature in the excerpt; its stamp "04.01.2016  19:30" gives the year only (day/month ambiguous)
    text = (
        "湖南省人民政府关于大力发展电子商务加快培育经济新动力的实施意见\n\n04.01.2016  19:30\n\n"
        "各市州、县市区人民政府,省政府各厅委、各直属机构:\n"
        "为促进我省电子商务健康快速发展,培育经济新动力,结合我省实际,现提出以下实施意见:\n一、总体要求\n"
    )
    doc = _parse(text)
    assert (doc.date.iso, doc.date.source) == ("2016", "page header (year last)")
    doc = _parse(text.replace("04.01.2016", "28.01.2016"))
    assert doc.date.iso == "2016-01-28"


# tests/devset/holdout13/pages/019.txt (opening, codes kept): the site's domain and the posting
# date on one header line; no signature in the excerpt
SITE_DATELINE = """siemens x
智能物流

關(guān)于加快構(gòu)建全國一體化大數(shù)據(jù)中心協(xié)同創(chuàng)新體系的指導(dǎo)意見

2025China.cn   2020年12月29日

關(guān)于加快構(gòu)建全國一體化
大數(shù)據(jù)中心協(xié)同創(chuàng)新體系的指導(dǎo)意見
發(fā)改高技〔2020〕1922號(hào)

  各省、自治區(qū)、直轄市及計(jì)劃單列市人民政府,新疆生產(chǎn)建設(shè)兵團(tuán),國務(wù)院各部委、各直屬機(jī)構(gòu):

  數(shù)據(jù)是國家基礎(chǔ)戰(zhàn)略性資源和重要生產(chǎn)要素。
"""


def test_site_domain_and_date_on_one_header_line_is_the_posting_date():
    doc = _parse(SITE_DATELINE)
    assert (doc.doc_number, doc.date.iso, doc.date.source) == ("发改高技〔2020〕1922号", "2020-12-29", "page header")
    # without the domain the line is no header stamp: the 文号's year is all there is
    assert _parse(SITE_DATELINE.replace("2025China.cn   ", "据说 ")).date.iso == "2020"


# tests/devset/holdout13/pages/002.txt (opening): a document-sharing copy of a plan's cover, the
# issuing body and the month on one line under the title, then the table of contents
COVER = """当前位置:首页 >> 交通运输 >>

广东省交通运输 “十三五”信息化发展规划


广东省交通运输信息化 “十三五”发展规划

广东省交通运输厅 2016 年 11 月

目 录

一、发展现状 ........................................................................... 2
二、形势要求 ......................................................................... 11
"""


def test_cover_line_under_the_title_gives_issuer_and_month():
    doc = _parse(COVER)
    assert (doc.issuer, doc.date.iso, doc.level, doc.region) == ("广东省交通运输厅", "2016-11", "provincial", "广东")
    assert doc.evidence["date"][2] == "cover line under the title (issuing body and month)"
    # a month alone after words that name no body gives neither
    other = _parse(COVER.replace("广东省交通运输厅 2016 年 11 月", "规划期限 2016 年 11 月"))
    assert (other.issuer, other.date.iso if other.date else "") == ("", "")


# tests/devset/holdout14/pages/055.txt (its first 10 lines and a body sentence): a district gazette
# page prints its metadata values without labels (索引号, 主动公开, 文号, "青浦区人民政府", date), then
# the addressees and the signature "上海市青浦区人民政府" on a line of its own
DISTRICT_GAZETTE = """关于印发《上海市青浦区智慧城市建设“十三五”发展规划》的通知
QA12010002016089
主动公开
青府发〔2016〕137号
青浦区人民政府
2017.01.18
各镇人民政府、街道办事处,区政府各委、办、局,各有关单位:
上海市青浦区人民政府
上海市青浦区智慧城市建设“十三五”发展规划
一、前言
智慧城市是当今世界发展的大趋势,发达国家很多城市都将智慧城市建设作为促进经济转型升级的重要手段。
"""


def test_issuer_printed_short_gives_way_to_its_full_name_on_a_line_of_its_own():
    doc = _parse(DISTRICT_GAZETTE)
    assert doc.issuer == "上海市青浦区人民政府"
    assert doc.evidence["issuer"][2].endswith("the body's full name on a line of its own")


def test_issuer_printed_short_is_kept_when_the_page_prints_no_full_name():
    doc = _parse(DISTRICT_GAZETTE.replace("\n上海市青浦区人民政府\n", "\n", 1))
    assert doc.issuer == "青浦区人民政府"


# tests/devset/holdout14/pages/047.txt (opening): a hijacked copy of a district's notice, 人民政府
# replaced by the spam phrase 龙8国际 in the heading, the text and the signature
HIJACKED = """长沙市芙蓉区龙8国际办公室关于印发《芙蓉区政府投资信息化建设项目管理办法》的通知
隆平高科技园管委会、湘湖管理局、各街道办事处,区直机关各单位,市驻区垂直管理相关部门:
《芙蓉区政府投资信息化建设项目管理办法》已经区龙8国际同意,现印发给你们,请认真遵照执行。
长沙市芙蓉区龙8国际办公室
2021年8月31日
芙蓉区政府投资信息化建设项目管理办法
第一章 总 则
"""


def test_issuer_name_holding_a_spam_tag_is_left_empty():
    doc = _parse(HIJACKED)
    assert doc.issuer == ""
    assert doc.evidence["issuer"][2] == "no issuer: the printed name holds a spam tag"
    # the title's leading place still places the document (长沙市芙蓉区: a district)
    assert (doc.level, doc.region) == ("county", "湖南")


def test_issuer_printed_in_han_characters_is_kept():
    # tests/devset/holdout8/pages/057.txt has the spam tag "365体育手机投注" for the city; the same page
    # with the body's name whole keeps its issuer
    doc = _parse(HIJACKED.replace("龙8国际", "人民政府"))
    assert doc.issuer == "长沙市芙蓉区人民政府办公室"


def test_announcing_headline_is_read_below_another_sites_header():
    # tests/devset/holdout6/pages/006.txt (opening, simplified) under the header of
    # holdout12/pages/011.txt (perturb.py header_swap): the headline announcing the document stands
    # 8 lines down, past two sites' menus and breadcrumbs; its lead sentence names the issuer
    page = (
        "亚洲AV无码再现,无码播放一区二区三区,黄色视频在线观看免费,国产区 日韩区 欧美区 动漫区\n人民网\n"
        "人民网>>文旅·体育\n国家广播电视总局印发《关于推进智慧广电乡村工程建设的指导意见》\n"
        "2022年01月11日09:50 | 来源:人民网\n小字号\n"
        "人民网北京1月11日电 (记者杨虞波罗)今日,国家广播电视总局印发《关于推进智慧广电乡村工程建设的指导意见》"
        "(下称《意见》)。\n《意见》提出发展目标,到2025年,智慧广电乡村服务能力大幅提升。\n"
        "《关于推进智慧广电乡村工程建设的指导意见》全文如下:\n各省、自治区、直辖市广播电视局:\n"
    )
    header = "行业信息 / Information\n国家\n当前位置:首页 >> 行业信息 >> 行业政策 >> 国家\n"
    for text in (page, header + page):
        assert _parse(text).issuer == "国家广播电视总局"


# tests/devset/holdout15/pages/008.txt (opening, shortened): a big5 gov.cn mirror whose first line under
# the breadcrumb is the portal's stamp: site name, domain, date and time, 来源
GOV_CN_STAMP = """當前位置: 首頁>> 公文公報>> 部門地方文件

中央政府門戶網站 www.gov.cn   2013年08月22日 09時59分   來源:發展改革委網站

關於開展國家下一代互聯網
示範城市建設工作的通知

發改辦高技〔2013〕1884號

有關省、直轄市、自治區及計劃單列市發展改革委、工業和信息化主管部門、通信主管部門:
  互聯網是我國經濟社會發展的重要信息基礎設施。現就有關工作事項通知如下:
  一、總體目標和主要任務
  著力探索解決我國下一代互聯網發展遇到的突出矛盾和問題。
"""


def test_a_portal_stamp_with_the_site_s_domain_gives_the_posting_date():
    doc = _parse(GOV_CN_STAMP)
    assert (doc.title, doc.doc_number) == ("关于开展国家下一代互联网示范城市建设工作的通知", "发改办高技〔2013〕1884号")
    # no signature: the portal's stamp in the 文号's year is the date, not the 文号's year alone
    assert (doc.date.iso, doc.date.source) == ("2013-08-22", "page header")


# tests/devset/holdout17/pages/010.txt (its first 17 lines): a 维基文库 header block printing the issuer
# field between the 文号 and the signing date (title / 文号 / 制定機關:X / date), then the document
WIKISOURCE_ISSUER_BEFORE_DATE = """跳至內容

國務院辦公廳關於建立政務服務「好差評」制度提高政務服務水平的意見

維基文庫,自由的圖書館
國務院辦公廳關於建立政務服務「好差評」制度提高政務服務水平的意見
國辦發〔2019〕51號
制定機關:國務院辦公廳
2019年12月3日
國務院辦公廳關於建立政務服務「好差評」制度
提高政務服務水平的意見
國辦發〔2019〕51號


各省、自治區、直轄市人民政府,國務院各部委、各直屬機構:

為全面及時準確了解企業和群眾對政務服務的感受和訴求,接受社會監督,經國務院同意,現就建立政務服務「好差評」制度提出以下意見。
"""


def test_a_header_blocks_date_under_its_number_past_the_issuer_field():
    doc = _parse(WIKISOURCE_ISSUER_BEFORE_DATE)
    assert doc.date.iso == "2019-12-03" and doc.evidence["date"][2] == "dateline below the 文号"
    # the same header with the fields in the usual order (date, then the issuer) dates it the same way
    usual = WIKISOURCE_ISSUER_BEFORE_DATE.replace(
        "制定機關:國務院辦公廳\n2019年12月3日", "2019年12月3日\n制定機關:國務院辦公廳"
    )
    assert _parse(usual).date.iso == "2019-12-03"
    # without a date in the header only the 文号's year is known
    undated = WIKISOURCE_ISSUER_BEFORE_DATE.replace("2019年12月3日\n", "")
    assert _parse(undated).date.iso == "2019"


# tests/devset/holdout16/pages/048.txt (opening, shortened): a college site's repost of a plan without
# its notice; the posting date stands under the title beside a view counter's label "点击:" left empty
VIEW_COUNTER_LABEL = """通知公告

重庆市大数据发展工作方案(2016—2018年)

2018年06月19日              点击:

2013年,我市在全国率先出台《重庆市大数据行动计划》(渝府发〔2013〕62号),积极推动大数据广泛应用,逐步完善了产业布局和生态体系。为进一步促进大数据产业发展,结合我市实际,制定本工作方案。

一、总体目标

到2018年,全面形成数据共享与开放机制,实现数据资源高效汇聚和运转。"""


def test_a_date_beside_a_view_counter_label_is_the_posting_date():
    doc = _parse(VIEW_COUNTER_LABEL)
    assert doc.title == "重庆市大数据发展工作方案(2016—2018年)"
    assert (doc.date.iso, doc.date.source) == ("2018-06-19", "page header")
    # a date in a sentence with the same word is no header ("点击:" is a label only with its colon)
    sentence = VIEW_COUNTER_LABEL.replace("2018年06月19日              点击:", "2018年06月19日起点击进入平台申报")
    assert _parse(sentence).date is None


# tests/devset/holdout18/pages/011.txt (its first 9 lines, shortened): an industry-news repost whose
# byline glues the posting date to the site's name after the 作者 label ("作者:www.cechina.cn2022.02.10")
NEWS_BYLINE = """用户中心

资讯 > 业界新闻

《“十四五”信息通信行业发展规划》:到2025年基本建成新型数字基础设施,智慧物业呼之欲出

作者:www.cechina.cn2022.02.10阅读 1586

  工信部日前下发的《“十四五”信息通信行业发展规划》(以下简称“规划”)提出,到2025年,基本建成新型数字基础设施体系。
  全文如下:
  “十四五”信息通信行业发展规划
  “十四五”时期是我国全面建成小康社会之后,乘势而上开启全面建设社会主义现代化国家新征程的第一个五年。
"""


def test_a_news_bylines_date_after_the_author_label_is_the_page_date():
    doc = _parse(NEWS_BYLINE)
    assert (doc.date.iso, doc.date.source) == ("2022-02-10", "page header")
    # the 作者 label is what marks the line a byline: glued to a domain alone, the date is not read
    bare = NEWS_BYLINE.replace("作者:www.cechina.cn2022.02.10阅读 1586", "www.cechina.cn2022.02.10")
    assert _parse(bare).date is None


def test_an_author_label_on_an_undated_line_dates_nothing():
    # a byline without a date ("作者: 来源:") leaves a page with no other date undated
    page = NEWS_BYLINE.replace("作者:www.cechina.cn2022.02.10阅读 1586", "作者:本站编辑 阅读 1586")
    assert _parse(page).date is None
