"""Flattened pages split back into the 公文's parts (analysis.parsing.page_flattened)."""

from analysis.cleaning import clean_text
from analysis.parsing import parse_page
from analysis.parsing.page_flattened import drop_running_headers, unflatten

# tests/devset/holdout/pages/034.txt (opening): 文号, addressees, notice, date and the transmitted
# plan's heading all on one line
SICHUAN = (
    "川府发[2017]62号各市(州)人民政府,省政府各部门、各直属机构,有关单位:《四川省'十三五'信息化规划》"
    "已经省政府同意,现印发你们,请认真贯彻执行。2017年12月21日四川省'十三五'信息化规划'十三五'时期,"
    "是贯彻落实创新、协调、绿色、开放、共享五大发展理念的关键时期。"
)


def test_number_addressees_notice_date_and_heading_are_split():
    assert unflatten(["摘要", SICHUAN]) == [
        "摘要",
        "川府发[2017]62号",
        "各市(州)人民政府,省政府各部门、各直属机构,有关单位:",
        "《四川省'十三五'信息化规划》已经省政府同意,现印发你们,请认真贯彻执行。",
        "2017年12月21日",
        "四川省'十三五'信息化规划",
        "'十三五'时期,是贯彻落实创新、协调、绿色、开放、共享五大发展理念的关键时期。",
    ]


def test_signing_body_and_date_opening_a_line_after_the_notice():
    # tests/devset/holdout/pages/011.txt: the signature runs into the annex heading and its body
    notice = "《山东省政务信息系统整合共享实施方案》已经省政府同意,现印发给你们,请认真贯彻实施。"
    heading = "山东省政务信息系统整合共享实施方案"
    line = f"山东省人民政府办公厅2017年10月22日{heading}根据国务院办公厅有关要求,结合我省实际,制定本实施方案。"
    assert unflatten([notice, line])[1:4] == ["山东省人民政府办公厅", "2017年10月22日", heading]
    # the same line under a line that does not end the notice stays whole
    assert unflatten(["一、总体要求", line]) == ["一、总体要求", line]


def test_dates_inside_sentences_are_not_signatures():
    body = "本办法自2017年10月22日起施行。各地区要按照国务院2018年3月1日印发的方案,结合实际制定实施细则,认真抓好落实。"
    assert unflatten([body]) == [body]
    dated = "。2017年10月22日,省政府召开常务会议,研究部署政务信息系统整合共享工作,要求各部门抓好落实。"
    assert unflatten(["会议指出" + dated]) == ["会议指出" + dated]
    short = "国务院2021年12月12日"  # a short line is a signature already, never split
    assert unflatten([short]) == [short]


def test_bilingual_page_is_split_where_english_runs_into_chinese():
    # tests/devset/holdout/pages/025.txt: spaces removed, the English version runs into the Chinese
    english = "Inrecentyears,theGeneralOfficeoftheStateCouncilhas,togetherwithalllocalauthorities" * 2
    chinese = "国务院办公厅关于依托全国一体化政务服务平台建立政务服务效能提升常态化工作机制的意见"
    assert unflatten([english + chinese]) == [english, chinese]
    assert unflatten(["5G" + chinese]) == ["5G" + chinese]  # a short Latin run stays in its line


def test_number_then_a_space_then_the_addressees_is_split():
    # tests/devset/holdout2/pages/021.txt: the whole text on one line, 文号, a space, addressees, body
    line = (
        "浙政办发〔2014〕67号 各市、县(市、区)人民政府,省政府直属各单位:云工程产业是指提供全流程整体设计、"
        "装备制造、软件开发、软硬件系统集成、工程安装、网络运维服务等“一揽子”有效解决方案的产业。"
    )
    assert unflatten([line])[:2] == ["浙政办发〔2014〕67号", "各市、县(市、区)人民政府,省政府直属各单位:"]


def test_signature_date_ending_the_line_is_split_from_the_notice():
    # tests/devset/holdout2/pages/040.txt: nine joint signers run together, the date ends the line
    notice = "现将《关于深入推进智慧社区建设的意见》印发给你们,请结合实际认真贯彻执行。"
    signers = "民政部 中央政法委 中央网信办发展改革委 工业和信息化部 公安部财政部 住房城乡建设部 农业农村部"
    assert unflatten([notice + signers + "2022年5月10日"]) == [notice, signers, "2022年5月10日"]
    # a date ending a sentence's line without a signing body before it stays in the line
    body = "各地区要按照国务院部署,结合实际制定实施细则,认真抓好落实,确保各项任务按时完成。截止日期为2022年5月10日"
    assert unflatten([body]) == [body]


def test_issuing_body_before_the_number_and_addressees_is_split():
    # tests/devset/holdout3/pages/021.txt (opening)
    line = (
        "山东省人民政府 鲁政字〔2019〕84号 各市人民政府,各县(市、区)人民政府,"
        "省政府各部门、各直属机构,各大企业,各高等院校: "
        "为充分发挥人工智能在新一轮科技革命和产业变革中的技术优势及“头雁”效应,制定本指导意见。"
    )
    assert unflatten([line])[:3] == [
        "山东省人民政府",
        "鲁政字〔2019〕84号",
        "各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构,各大企业,各高等院校:",
    ]
    # tests/devset/holdout2/pages/021.txt: the 文号's own prefix (浙政办) is not an issuing body
    number_first = (
        "浙政办发〔2014〕67号 各市、县(市、区)人民政府,省政府直属各单位: "
        "云工程产业是指提供全流程整体设计、装备制造、软件开发的产业。"
    )
    assert unflatten([number_first])[0] == "浙政办发〔2014〕67号"


def test_title_between_the_number_and_the_addressees_is_split():
    # tests/devset/holdout5/pages/055.txt (opening): a PDF flattened with the title under its 文号
    line = (
        "邹政字〔2021〕11 号 邹城市人民政府 关于印发邹城市省级新型智慧城市试点建设 实施方案的通知 "
        "各镇人民政府、街道办事处,市政府各部门: 现将《邹城市省级新型智慧城市试点建设实施方案》印发给 你们,"
        "请认真贯彻执行。 邹城市人民政府 2021 年 3 月 19 日"
    )
    assert unflatten([line])[:3] == [
        "邹政字〔2021〕11 号",
        "邹城市人民政府 关于印发邹城市省级新型智慧城市试点建设 实施方案的通知",
        "各镇人民政府、街道办事处,市政府各部门:",
    ]
    # a sentence between the number and the addressees is no title: the line is not split there
    sentence = line.replace(
        "邹城市人民政府 关于印发邹城市省级新型智慧城市试点建设 实施方案的通知", "经研究,现通知如下。"
    )
    assert unflatten([sentence])[0].startswith("邹政字〔2021〕11 号 经研究")


# tests/devset/holdout8/pages/006.txt (opening, shortened): a regulation flattened to one line
FLAT_REGULATION = (
    "陕西省大数据条例 (2022 年 9 月 29 日陕西省第十三届人民代表大会 常务委员会第三十六次会议通过) 目 录 "
    "第一章 总 则 第二章 基础设施 第一章 总 则 第一条 为了加强数据资源管理,规范数据处理活动,保障数据安全,"
    "制定本条例。"
)


def test_flattened_regulation_splits_heading_and_adoption_note():
    from analysis.cleaning import clean_text
    from analysis.parsing import parse_page

    lines = unflatten(clean_text(FLAT_REGULATION).split("\n"))
    assert lines[0] == "陕西省大数据条例"
    assert lines[1].startswith("(2022年9月29日") and lines[1].endswith("通过)")
    doc = parse_page(clean_text(FLAT_REGULATION), "page.txt")[0]
    assert (doc.title, doc.genre, doc.level, doc.region) == ("陕西省大数据条例", "条例", "provincial", "陕西")
    assert (doc.date.iso, doc.date.source) == ("2022-09-29", "adoption note in brackets (题注)")
    # the note names the adopting body, but is no signature: no issuer
    assert doc.issuer == ""


# tests/devset/holdout9/pages/011.txt (opening, shortened): a gazette flattened into long lines, its
# running header "江苏省人民政府公报" glued before the text of each page it headed
GAZETTE = (
    "江苏省人民政府公报 江苏省人民政府公报 江苏省人民政府办公厅关于印发江苏省“互联网+监管”系统建设方案的通知 "
    "苏政办发〔2019〕21号 各市、县(市、区)人民政府,省各委办厅局,省各直属单位: "
    "《江苏省“互联网+监管”系统建设方案》已经省人民政府同意,现印发给你们,请认真贯彻执行。 "
    "江苏省人民政府办公厅 2019年2月22日 江苏省“互联网+监管”系统建设方案 为贯彻落实国务院部署,制定本方案。"
)


def test_gazette_running_header_is_dropped_from_a_flattened_line():
    removed: list[str] = []
    (line,) = drop_running_headers([GAZETTE], removed)
    assert line.startswith("江苏省人民政府办公厅关于印发")
    assert removed == ["江苏省人民政府公报 江苏省人民政府公报"]
    doc, _ = parse_page(GAZETTE, "011.txt")
    assert doc.issuer == "江苏省人民政府办公厅"
    assert doc.title == "江苏省人民政府办公厅关于印发江苏省“互联网+监管”系统建设方案的通知"
    # a short line (a gazette's own title, a statistics 公报 heading) is kept as printed
    short = ["江苏省人民政府公报 2019年第5期"]
    assert drop_running_headers(short, removed) == short


def test_damaged_first_copy_of_a_flattened_page_gives_way_to_the_intact_second():
    # tests/devset/holdout9/pages/011.txt (shortened): the gazette text printed twice; the first
    # copy lost the title's opening quote mark and a bracket of its 文号
    intact = "江苏省“互联网+监管”系统建设方案的通知 苏政办发〔"
    damaged = "江苏省 互联网+监管”系统建设方案的通知 苏政办发["
    first = GAZETTE.replace(intact, damaged)
    doc, _ = parse_page(first + "\n" + GAZETTE, "011.txt")
    assert doc.title == "江苏省人民政府办公厅关于印发江苏省“互联网+监管”系统建设方案的通知"
    # printed once, the damaged title is kept as printed
    alone, _ = parse_page(first, "011.txt")
    assert alone.title == "江苏省人民政府办公厅关于印发江苏省 互联网+监管”系统建设方案的通知"


# tests/devset/holdout11/pages/057.txt (shortened): a document-sharing copy of a legal database's page
# that lost its line breaks: notice heading, attribute block, 正文, the heading again with its 文号 and
# the addressees, the notice, then signature and date (Chinese numerals) run into the measure's text
FLATTENED_ATTRIBUTES = (
    "上海市电子政务管理办法\n- 格式:doc\n"
    "上海市人民政府关于印发上海市电子政务管理办法的通知文章属性•【制定机关】上海市人民政府•【公布日期】2012.05.28"
    "•【字号】沪府发[2012]53号•【施行日期】2012.05.28•【效力等级】地方规范性文件•【时效性】现行有效•【主题分类】"
    "机关工作正文上海市人民政府关于印发上海市电子政务管理办法的通知(沪府发〔2012〕53号)各区、县人民政府,市政府各委、"
    "办、局:现将《上海市电子政务管理办法》印发给你们,请按照执行。\n"
    "上海市人民政府二○一二年五月二十八日上海市电子政务管理办法第一章总则第一条为加强和规范本市电子政务工作,"
    "提高行政效能,根据有关法律、法规的规定和要求,结合本市实际,制定本办法。\n"
)


def test_flattened_attribute_block_and_chinese_numeral_signature():
    lines = unflatten([ln for ln in FLATTENED_ATTRIBUTES.split("\n") if ln])
    assert lines[2:6] == [
        "上海市人民政府关于印发上海市电子政务管理办法的通知",
        "文章属性",
        "•【制定机关】上海市人民政府",
        "•【公布日期】2012.05.28",
    ]
    assert lines[lines.index("正文") - 1] == "•【主题分类】机关工作"
    k = lines.index("上海市人民政府")
    assert lines[k + 1 : k + 3] == ["二○一二年五月二十八日", "上海市电子政务管理办法"]
    doc = parse_page(FLATTENED_ATTRIBUTES, "p.txt")[0]
    assert (doc.title, doc.issuer, doc.doc_number, doc.date.iso, doc.genre) == (
        "上海市人民政府关于印发上海市电子政务管理办法的通知",
        "上海市人民政府",
        "沪府发〔2012〕53号",
        "2012-05-28",
        "办法",
    )
    # a long line with fewer than three fields is no attribute block
    sentence = "本办法所称•【制定机关】与•【公布日期】见附表。" + "其余事项按照有关法律、法规的规定和要求执行," * 3
    assert len(sentence) >= 60 and unflatten([sentence]) == [sentence]


# tests/devset/holdout15/pages/048.txt (shortened): a news headline and lead, then the notice flattened
# into the same run: heading glued to its 文号 in square brackets and to the addressees
NEWS_THEN_NOTICE = """工信部发文:展开"宽带中国"示范城市创建期3年

为落实《国务院关于印发"宽带中国"战略及实施方案的通知》,加快提升城市宽带发展水平,工业和信息化部、发展改革委决定联合\
展开创建"宽带中国"示范城市工作。  工业和信息化部办公厅发展改革委办公厅关于展开创建"宽带中国"示范城市工作的通知\
工信厅联通[2014]5号各省、自治区、直辖市通信管理局,各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门、\
发展改革委:为落实《国务院关于印发"宽带中国"战略及实施方案的通知》,加快提升城市宽带发展水平,推动我国城镇化和信息化同步发展,\
工业和信息化部、发展改革委决定联合展开创建"宽带中国"示范城市工作。现将《创建"宽带中国"示范城市工作管理办法》印发给你们。"""


def test_a_notice_head_run_into_a_news_lead_is_split_out():
    lines = unflatten(NEWS_THEN_NOTICE.split("\n"))
    heading = '工业和信息化部办公厅发展改革委办公厅关于展开创建"宽带中国"示范城市工作的通知'
    assert lines[2].endswith("示范城市工作。") and lines[3:5] == [heading, "工信厅联通[2014]5号"]
    assert lines[5].startswith("各省、自治区") and lines[5].endswith("发展改革委:")
    doc = parse_page(clean_text(NEWS_THEN_NOTICE), "page.txt")[0]
    assert (doc.title, doc.doc_number, doc.level, doc.region) == (heading, "工信厅联通〔2014〕5号", "ministry", "全国")
    assert doc.issuer.replace(" ", "") == "工业和信息化部办公厅发展改革委办公厅"
    # a sentence ending in a genre word before a cited number is no head: no addressees follow it
    cited = "各地要认真执行该通知国办发〔2014〕5号,切实做好工作。" * 3
    assert unflatten([cited]) == [cited]


# tests/devset/holdout17/pages/012.txt (shortened): a flattened page whose heading is followed by a
# status mark and a site's note before the addressees ("…的通知[全文废止] 税屋提示——…废止。 各市(地)…:")
HEADING_NOTE_ADDRESSEES = (
    "黑龙江省人民政府办公厅关于印发黑龙江省人民政府网上政务服务中心行政许可专用电子印章管理暂行办法的通知[全文废止] "
    "税屋提示——依据黑政办规[2021]32号 黑龙江省人民政府办公厅关于印发《黑龙江省一体化在线政务服务平台"
    "电子印章管理办法(试行)》的通知,本法规全文废止。 各市(地)、县(市)人民政府(行署),省政府各直属单位: "
    "《黑龙江省人民政府网上政务服务中心行政许可专用电子印章管理暂行办法》已经省政府同意,现印发给你们,"
    "请认真贯彻执行。 黑龙江省人民政府办公厅 2014年9月26日 "
    "黑龙江省人民政府网上政务服务中心行政许可专用电子印章管理暂行办法 第一章 总则 第一条 "
    "为规范省政府网上政务服务中心行政许可专用电子印章的管理和使用,确保行政许可专用电子印章安全有效,"
    "结合我省省级行政许可工作实际,制定本办法。"
)


def test_a_flattened_heading_with_a_note_before_the_addressees_is_split_out():
    heading = "黑龙江省人民政府办公厅关于印发黑龙江省人民政府网上政务服务中心行政许可专用电子印章管理暂行办法的通知"
    lines = unflatten([HEADING_NOTE_ADDRESSEES])
    assert lines[0] == heading and lines[1].startswith("[全文废止]") and lines[1].endswith("本法规全文废止。")
    assert lines[2] == "各市(地)、县(市)人民政府(行署),省政府各直属单位:"
    doc = parse_page(clean_text(HEADING_NOTE_ADDRESSEES), "page.txt")[0]
    assert (doc.title, doc.issuer, doc.date.iso, doc.genre) == (heading, "黑龙江省人民政府办公厅", "2014-09-26", "办法")
    # a heading running into a sentence (no note closed before the addressees) is left whole
    run_on = "X市人民政府关于加快推进工作的通知各地要认真执行 各市人民政府:" + "请认真贯彻执行," * 8
    assert unflatten([run_on])[0].startswith("X市人民政府关于加快推进工作的通知各地要")


# tests/devset/holdout17/pages/019.txt (its first 300 characters): a journal database's abstract, "<正>"
# before the flattened transmittal (文号, addressees, notice, date, the annex heading, its text)
JOURNAL_ABSTRACT = (
    '摘要\n<正>鄂政办发[2020] 64号各市、州、县人民政府,省政府各部门:《湖北省推进政务服务"跨省通办"实施方案》'
    '已经省政府同意,现印发给你们,请结合实际认真贯彻落实。2020年12月24日湖北省推进政务服务"跨省通办"实施方案'
    '为贯彻落实《国务院办公厅关于加快推进政务服务"跨省通办"的指导意见》(国办发[2020] 35号),进一步深化'
    '"放管服"改革,转变政府职能,优化营商环境,制定"跨省通办"实施方案。一、工作目标以满足企业和群众异地办事需求为导向,'
)


def test_a_journal_abstracts_body_marker_does_not_hide_the_flattened_head():
    lines = unflatten(JOURNAL_ABSTRACT.split("\n"))
    assert lines[1:3] == ["鄂政办发[2020] 64号", "各市、州、县人民政府,省政府各部门:"]
    doc = parse_page(clean_text(JOURNAL_ABSTRACT), "page.txt")[0]
    assert doc.title == '湖北省推进政务服务"跨省通办"实施方案'
    assert (doc.issuer, doc.doc_number) == ("", "鄂政办发〔2020〕64号")
    assert (doc.date.iso, doc.level, doc.region, doc.genre) == ("2020-12-24", "provincial", "湖北", "方案")
