"""Title candidates of a single page (analysis.parsing.page_title)."""

from analysis.cleaning import clean_text
from analysis.parsing.page import parse_page
from analysis.parsing.page_title import (
    annex_heading,
    ends_wrapped_title,
    interpreter_heading,
    is_org_line,
    is_print_line,
    is_salutation,
    is_title_line,
    join_wrapped_title,
    lost_in_print,
    meta_title,
    names_a_document,
    plan_period_line,
    rejection,
    run_on_title,
    short_form_head,
    strip_seal_notes,
    taken_once,
    transmitted_quote,
    without_headline_prefix,
    without_keyword_prefix,
    without_part_number,
    without_site_suffix,
    without_year_tag,
)


def test_metadata_row_whose_label_runs_into_its_value_is_a_field_label():
    # tests/devset/pages/065.txt after cleaning: "文  號 白政辦發… 主 題 詞 … 的通知" -> one run-on row
    row = "文号白政办发〔2019〕9号主题词白水县 人民政府 政府办公室 印发 实体 政务大厅 管理暂行办法 的通知"
    assert rejection(row) == "field label"
    assert not is_title_line(row)
    assert rejection("名称白水县人民政府办公室转发《陕西政务服务网运行管理暂行办法》的通知") == "field label"
    # a title that merely contains such a word is still a title
    assert is_title_line("关于规范文号和主题词标注的通知")


def test_seal_note_does_not_stop_a_signing_line():
    # tests/devset/pages/038.txt: the second signing body signs with the first's seal
    assert is_org_line("重庆市涪陵区大数据应用发展管理局(代章)")
    assert strip_seal_notes("重庆市涪陵区大数据应用发展管理局(代章)") == "重庆市涪陵区大数据应用发展管理局"
    assert not is_org_line("(代章)")
    # tests/devset/holdout9/pages/016.txt: "(代)" is the short 代章 mark; other brackets stay
    assert strip_seal_notes("数字广西建设领导小组办公室(代)") == "数字广西建设领导小组办公室"
    assert strip_seal_notes("人大代表建议办理(代表团)") == "人大代表建议办理(代表团)"


def test_lost_in_print_allows_only_lost_brackets_hao_and_date_glyphs():
    # tests/devset/pages/037.txt: the title block lost 号; 032.txt lost "(" and "—"
    assert lost_in_print(
        "关于市政协五届四次会议第0997提案办理情况的复函", "关于市政协五届四次会议第0997号提案办理情况的复函"
    )
    assert lost_in_print("数字利辛建设规划20212025年)", "数字利辛建设规划(2021—2025年)")
    # tests/devset/holdout9/pages/011.txt: the opening quote mark lost
    assert lost_in_print("印发江苏省 互联网+监管”系统建设方案的通知", "印发江苏省 “互联网+监管”系统建设方案的通知")
    # a lost word, or the same text, is not a damaged print
    assert not lost_in_print("关于智慧城市的意见", "关于促进智慧城市的意见")
    assert not lost_in_print("关于智慧城市的意见", "关于智慧城市的意见")


def test_editor_notes_widgets_and_file_names_are_never_titles():
    from analysis.parsing.page_title import annex_heading, plan_period_line, taken_once

    # tests/devset/holdout/pages/004.txt: "(本文有删减)" between the signature and the annex heading
    assert rejection("(本文有删减)") == "editor's note"
    assert annex_heading(["(本文有删减)", "促进大数据发展行动纲要", "大数据是…"], 0) == "促进大数据发展行动纲要"
    # tests/devset/holdout/pages/010.txt: a share widget's 点赞 / 收藏 / 转发 above the heading
    assert rejection("转发") == "furniture"
    assert is_title_line("转发省政府关于加快推进数字政府建设的实施意见的通知")  # 转发 opening a title stays
    # tests/devset/holdout/pages/025.txt: a download's file name on the first line
    file_name = "中英对照2023关于依托全国一体化政务服务平台建立政务服务效能提升常态化工作机制的意见.docx"
    assert rejection(file_name) == "file name"
    # tests/devset/holdout/pages/011.txt: a site's "-" between title and 文号
    assert taken_once("山东省人民政府办公厅关于印发山东省政务信息系统整合共享实施方案的通知-鲁政办发〔2017〕75号") == (
        "山东省人民政府办公厅关于印发山东省政务信息系统整合共享实施方案的通知"
    )
    # tests/devset/holdout/pages/026.txt: a plan period printed under the title, its "(" lost
    assert plan_period_line(["2022-2024年)"], 0) == "2022-2024年)"
    assert plan_period_line(["2022年3月"], 0) == ""


def test_previous_and_next_links_are_not_a_title():
    # tests/devset/holdout2/pages/032.txt: 维基文库's links to the previous and the next plan
    nav = "“十三五”国家信息化规划 “十四五”国家信息化规划"
    assert rejection(nav) == "navigation" and not is_title_line(nav)
    # a title printed twice is one title (taken once later), a title with a spaced issuer is one
    assert is_title_line("“十四五”国家信息化规划 “十四五”国家信息化规划")
    assert is_title_line("中共中央 国务院关于加强基层治理体系和治理能力现代化建设的意见")


def test_site_year_tag_is_not_part_of_the_title():
    # tests/devset/holdout2/pages/039.txt: a legal database appends the year to the heading
    title = "国务院办公厅关于加快推进政务服务“跨省通办”的指导意见"
    assert without_year_tag(title + "(2020年)") == title
    # a plan period is part of the title; so is a year that does not follow a genre word
    assert without_year_tag("洛阳市加强数字政府建设实施方案(2023—2025年)").endswith("(2023—2025年)")
    assert without_year_tag("数字经济发展白皮书(2020年)") == "数字经济发展白皮书(2020年)"


def test_page_number_suffix_of_a_paginated_repost_is_dropped():
    # tests/devset/holdout3/pages/007.txt: "国务院关于印发“十三五”国家信息化规划的通知(5)", page 5 of a repost
    assert (
        without_year_tag("国务院关于印发“十三五”国家信息化规划的通知(5)")
        == "国务院关于印发“十三五”国家信息化规划的通知"
    )
    # a plan period is part of the title; a number not after a genre word is kept
    assert without_year_tag("行动计划(2019-2021年)") == "行动计划(2019-2021年)"
    assert without_year_tag("第(5)") == "第(5)"


def test_title_printed_twice_joined_with_a_bullet_is_taken_once():
    # tests/devset/holdout3/pages/028.txt: a repost's header joins the headline and the title with "•"
    title = "国务院关于印发新一代人工智能发展规划的通知"
    assert taken_once(f"{title}•{title}") == title
    assert taken_once("甲方案•乙方案") == "甲方案•乙方案"  # two different titles stay as printed


def test_font_size_toolbar_is_not_part_of_a_run_on_title():
    # tests/devset/holdout3/pages/033.txt: a flattened page, the toolbar between title and addressees
    line = (
        "天津市西青区人民政府关于印发“智慧西青”顶层设计的通知 字号大中小 "
        "各镇人民政府、街道办事处,各委、局,各直属单位: 经区人民政府同意"
    )
    assert run_on_title(line) == "天津市西青区人民政府关于印发“智慧西青”顶层设计的通知"


def test_head_holding_guanyu_without_a_genre_word_joins_the_next_line():
    # tests/devset/holdout3/pages/030.txt: the second line opens with 国家, a title opener itself
    lines = [
        "惠州市人民政府办公室关于印发惠州市贯彻落实珠江三角洲",
        "国家大数据综合试验区建设实施方案的通知",
        "惠府办函〔2018〕26号",
    ]
    assert join_wrapped_title(lines, 1) == ("".join(lines[:2]), 0)
    # tests/devset/pages/091.txt: a headline ending 全文 above the title holds a complete title
    lines = ["国务院关于积极推进“互联网+”行动的指导意见全文", "国务院关于积极推进“互联网+”行动的指导意见"]
    assert join_wrapped_title(lines, 1) == (lines[1], 1)


def test_file_title_key_of_a_metadata_table():
    # tests/devset/holdout3/pages/003.txt: gov.cn-style table, "文件标题" as the key
    rows = [
        "• 发文字号 黔江府发〔2021〕30号",
        "• 文件标题 重庆市黔江区人民政府 关于印发黔江区新型基础设施项目建设实施方案(2021-2022年)的通知",
        "• 发布机构 黔江区人民政府",
    ]
    assert meta_title(rows) == "重庆市黔江区人民政府 关于印发黔江区新型基础设施项目建设实施方案(2021-2022年)的通知"


def test_title_wrapped_with_a_space_before_its_plan_period_is_one_title():
    # tests/devset/holdout4/pages/030.txt: "…行动计划 (2020-2022年)的通知" is not two titles
    line = "关于印发数字聊城建设三年行动计划 (2020-2022年)的通知"
    assert rejection(line) == "" and is_title_line(line)
    assert rejection("“十三五”国家信息化规划 “十四五”国家信息化规划") == "navigation"


def test_heading_of_the_document_a_notice_names():
    from analysis.parsing.page_title import named_heading

    # tests/devset/holdout4/pages/014.txt (shortened): the name in 《》, two image ids, then the heading
    lines = [
        "《大兴区推进新型智慧城市建设行动计划(2018-2021年)(修订版)》已经区政府常务会议讨论通过,现印发给你们,请认真贯彻落实。",
        "北京市大兴区人民政府",
        "2021年1月25日",
        "da2766d4f7f663f8ac2152678f83028d",
        "338cab7b22c04a3b89bd313e928ffc84",
        "大兴区推进新型智慧城市建设行动计划(2018-2021年)(修订版)",
        "为加快建成智慧大兴,制定本行动计划。",
    ]
    assert named_heading(lines, 0)[0] == "大兴区推进新型智慧城市建设行动计划(2018-2021年)(修订版)"
    # a cited name printed as a line of its own is not what the notice sends out
    cited = ["为贯彻落实《数字山东发展规划》精神,现印发给你们。", "数字山东发展规划", "正文。"]
    assert named_heading(cited, 0) == ("", "")
    # no transmitting sentence, no heading
    assert named_heading(lines[1:], 0) == ("", "")


def test_annex_label_line_is_not_part_of_the_annex_heading():
    from analysis.parsing.page_title import annex_heading

    # a 公文's annex opens with its label alone ("附件", "附件1"), then its heading (the heading of
    # tests/devset/holdout4/pages/004.txt)
    assert annex_heading(["附件", "青岛市城市云脑建设指引", "为贯彻落实…,制定本指引。"], 0) == "青岛市城市云脑建设指引"
    assert annex_heading(["附件1", "数字聊城建设三年行动计划", "正文。"], 0) == "数字聊城建设三年行动计划"
    assert join_wrapped_title(["附件", "数字聊城建设三年行动计划"], 1) == ("数字聊城建设三年行动计划", 1)


def test_line_leaving_a_quote_open_is_no_title():
    # tests/devset/pages/005.txt: a PDF-wrapped sentence, 关于 inside the quote it opens
    assert not is_title_line("年)>的通知》(中发[2014]4号)和《国务院关于促进信息消费扩")
    # the last line of a title wrapped inside its quote closes it
    assert is_title_line("智慧城市健康发展的指导意见》的通知")


def test_headline_doc_number_then_colon_is_not_part_of_the_title():
    # tests/devset/holdout5/pages/003.txt: a mirror's headline "應急〔2021〕31號:應急管理部關於…的意見"
    assert taken_once("应急〔2021〕31号:应急管理部关于推进应急管理信息化建设的意见") == (
        "应急管理部关于推进应急管理信息化建设的意见"
    )
    # a title that only mentions a number keeps it; a bare number is not a title
    assert taken_once("关于第0997号提案办理情况的复函") == "关于第0997号提案办理情况的复函"
    assert taken_once("国发〔2021〕1号:通知") == "国发〔2021〕1号:通知"


def test_print_line_is_never_part_of_an_annex_heading():
    # tests/devset/holdout5/pages/006.txt: the 版记 "…办公室 2021年12月7日印发" above the plan's heading
    lines = [
        "樟树市应急管理局",
        "2021年12月7日",
        "樟树市应急管理局办公室 2021年12月7日印发",
        "樟树市“十四五”应急管理信息化规划",
        "2021年11月",
    ]
    assert is_print_line(lines[2])
    assert not is_print_line("关于印发2021年工作要点的通知")
    assert annex_heading(lines, 2) == "樟树市“十四五”应急管理信息化规划"
    assert join_wrapped_title(lines, 3)[0] == "樟树市“十四五”应急管理信息化规划"


def test_name_printed_alone_in_quotes_can_be_the_title():
    # tests/devset/holdout5/pages/051.txt: under a 導讀 lead the plan's name stands alone in 《》
    assert is_title_line("《深圳市数字孪生先锋城市建设行动计划(2023)》")
    assert taken_once("《深圳市数字孪生先锋城市建设行动计划(2023)》") == "深圳市数字孪生先锋城市建设行动计划(2023)"
    # the lead sentence quoting it is no title
    assert not is_title_line(
        "导读 《深圳市数字孪生先锋城市建设行动计划(2023)》 为贯彻落实《数字中国建设整体布局规划》、…"
    )


def test_site_suffix_after_underscores_is_dropped():
    # tests/devset/holdout5/pages/061.txt: a page <title> "…五年规划(2019-2023年)_建设"
    assert (
        without_site_suffix("湘潭市数字乡村发展五年规划(2019-2023年)_建设") == "湘潭市数字乡村发展五年规划(2019-2023年)"
    )
    assert is_title_line("湘潭市数字乡村发展五年规划(2019-2023年)_建设")
    assert without_site_suffix("关于印发X的通知_政策文件_某某市人民政府网") == "关于印发X的通知"
    # what is left must end like a title: an identifier with underscores stays as it is
    assert without_site_suffix("智慧城市_建设_资料") == "智慧城市_建设_资料"


def test_content_summary_label_is_a_field_label():
    # tests/devset/holdout5/pages/042.txt: "内容概述 无锡高新区(新吴区)…行动计划(2022-2024年)" in the info table
    assert rejection("内容概述无锡高新区(新吴区)信息化建设三年行动计划(2022-2024年)") == "field label"
    assert rejection("效力状况 有效 附件下载 下载") == "field label"


def test_transmitted_quote_is_the_name_the_transmitting_sentence_sends_out():
    # tests/devset/holdout5/pages/062.txt: no heading printed, only the transmitting sentence
    lines = [
        "各旗县市区人民政府、开发区管委会,市政府各委办局,有关企事业单位:",
        "经市人民政府同意,现将《通辽市“十四五”数字经济发展规划》印发给你们,请结合实际,认真贯彻落实。",
    ]
    name, sentence = transmitted_quote(lines, 1)
    assert name == "通辽市“十四五”数字经济发展规划" and sentence == lines[1]
    # a name the sentence cites (根据《…》) is another document's
    cited = ["根据《浙江省数字经济促进条例》,现将有关事项通知如下,请认真贯彻执行。"]
    assert transmitted_quote(cited, 0) == ("", "")


def test_plan_period_line_with_the_rest_of_the_title():
    # tests/devset/holdout6/pages/011.txt: "贯彻气象高质量发展纲要" / "(2022—2035年)实施方案"
    assert plan_period_line(["(2022—2035年)实施方案"], 0) == "(2022—2035年)实施方案"
    assert plan_period_line(["(2021—2025年)"], 0) == "(2021—2025年)"
    # a sentence starting with a period is body text, not the title's end
    assert plan_period_line(["(2021—2025年)期间,全市要加快建设。"], 0) == ""
    assert plan_period_line(["(2021—2025年)主要目标"], 0) == ""  # no genre word: not a title's end


def test_issuer_and_number_split_off_a_headline():
    # tests/devset/holdout6/pages/020.txt (simplified)
    line = "中华人民共和国公安部 公消〔2017〕297号 关于全面推进“智慧消防”建设的指导意见"
    assert without_headline_prefix(line) == ("关于全面推进“智慧消防”建设的指导意见", "中华人民共和国公安部")
    # a title printed with its issuer and no number stays whole
    whole = "郑州市人民政府关于加快推进新型智慧城市建设的指导意见"
    assert without_headline_prefix(whole) == (whole, "")
    # something other than a body before the number: not a header block
    odd = "阅读全文 公消〔2017〕297号 关于全面推进“智慧消防”建设的指导意见"
    assert without_headline_prefix(odd) == (odd, "")


def test_keyword_glued_before_a_title_is_dropped():
    # tests/devset/holdout6/pages/054.txt: an SEO keyword line-leading the notice title
    title = "关于印发《2020年临安数字乡村试点示范区实施方案》的通知"
    assert without_keyword_prefix("农产品产品营销推广 " + title) == title
    # tests/devset/pages/010.txt: a hijacked copy's spam phrase before 关于转发
    forwarded = "关于转发市政务服务中心管理办公室《咸宁市政府大数据中心建设方案》的通知"
    assert without_keyword_prefix("江南体育官方网站入 " + forwarded) == forwarded
    # issuers, places and a spam phrase without a space stay
    for kept in (
        "中共中央 国务院关于加强数字政府建设的指导意见",
        "咸宁 关于加快推进智慧城市建设的通知",
        "365体育手机投注市人民政府办公室365体育APP印发方案的通知",
    ):
        assert without_keyword_prefix(kept) == kept


def test_interpretation_heading_wrapped_after_its_verb_is_joined():
    # tests/devset/holdout9/pages/057.txt: "…局长余全胜解读" over "《霍山县…工作方案》": 解读 wants its object
    lines = ["县交通运输局党组书记、局长余全胜解读", "《霍山县推进交通强国建设试点工作方案》"]
    assert join_wrapped_title(lines, 1) == ("".join(lines), 0)
    # a quoted name under a line that is no open head stays alone
    assert join_wrapped_title(["县交通运输局党组书记", lines[1]], 1) == (lines[1], 1)


def test_numbered_section_heading_is_never_a_title():
    # a full page of the Zhengzhou interpretation (seeds/002…) goes on past its opening into
    # "四、《意见》制定保障措施": a heading inside the body, numbered as 公文 number their sections
    for heading in (
        "四、《意见》制定保障措施",
        "八、完善保障措施",
        "(三)保障措施",
        "2.关于加快推进智慧城市建设的意见",
        "第二章 规划目标",
    ):
        assert rejection(heading) == "section heading", heading
        assert not is_title_line(heading)
    # titles that open with a number that is no section number stay titles
    assert is_title_line("2022年数字福建工作要点")
    assert is_title_line("一体化政务服务平台建设方案")
    assert is_title_line("2.0版智慧城市建设行动方案")


def test_meta_title_ends_at_the_next_spaced_label():
    # tests/devset/holdout11/pages/054.txt: a metadata table's 标题 row goes on into the next, spaced label
    row = "标          题: 关于加快推进电子证照应用的通知 主   题   词:"
    assert meta_title([row]) == "关于加快推进电子证照应用的通知"
    # as cleaning leaves it (Han characters joined across spaces), and with 关键词 / 抄送 / 索引号
    assert meta_title(["标 题:关于加快推进电子证照应用的通知主题词:"]) == "关于加快推进电子证照应用的通知"
    title = "关于印发某市智慧城市建设方案的通知"
    assert meta_title([f"标题:{title} 关 键 词: 智慧城市"]) == title
    assert meta_title([f"标题:{title}抄送:市委办公室"]) == title
    # a label word inside a title without its colon is the title's
    assert meta_title(["标题:关于规范公文主题词使用的通知"]) == "关于规范公文主题词使用的通知"


def test_page_title_without_the_label_glued_on():
    page = (
        "首页\n标          题: 关于加快推进电子证照应用的通知 主   题   词:\n文          号: 苏协调办〔2020〕27号\n\n"
        "关于加快推进电子证照应用的通知\n\n省各相关部门:\n现将有关事项通知如下。\n"
    )
    doc, _ = parse_page(page, "p.txt")
    assert (doc.title, doc.genre) == ("关于加快推进电子证照应用的通知", "通知")


def test_line_of_issuing_bodies_above_a_heading_is_part_of_the_title():
    # tests/devset/holdout11/pages/021.txt: ten bodies on a line of their own, a blank line, then 关于…的意见
    bodies = "文化和旅游部 国家发展改革委 教育部 工业和信息化部 公安部 财政部 交通运输部 农业农村部 商务部 市场监管总局"
    heading = "关于深化“互联网+旅游”推动旅游业高质量发展的意见"
    lines = ["十部门联合印发《关于深化“互联网+旅游” 推动旅游业高质量发展的意见》", bodies, heading]
    assert join_wrapped_title(lines, 2) == (bodies + heading, 1)
    page = "\n\n".join([*lines, "文旅资源发〔2020〕81号", "各省、自治区、直辖市人民政府:", "现提出如下意见。"])
    doc, _ = parse_page(page, "p.txt")
    assert doc.issuer.split() == bodies.split()
    assert (doc.level, doc.region, doc.doc_number) == ("ministry", "全国", "文旅资源发〔2020〕81号")
    # a sentence naming bodies is no heading line: it is not joined
    assert join_wrapped_title(["文化和旅游部等十部门联合印发了意见", heading], 1) == (heading, 1)


def test_regulation_heading_is_a_title_line():
    # tests/devset/holdout11/pages/050.txt: a law database prints the regulation's name, then its
    # articles run together; 条例 and 细则 end titles as the genre words do
    assert is_title_line("大同市智慧城市促进条例")
    assert is_title_line("广东省数字经济促进条例")  # tests/devset/holdout9/pages/005.txt
    assert is_title_line("杭州市城市大脑赋能城市治理促进条例实施细则")
    # a sentence naming one is not
    assert not is_title_line("根据《大同市智慧城市促进条例》,制定本办法")
    page = "大同市智慧城市促进条例\n\n第一章 总 则第一条 为了加快新型智慧城市建设,制定本条例。第二条 本市适用本条例。\n"
    doc, _ = parse_page(page, "p.txt")
    assert (doc.title, doc.genre, doc.level, doc.region) == ("大同市智慧城市促进条例", "条例", "prefecture", "山西")


def test_interpretation_heading_naming_its_interpreter():
    # tests/devset/holdout11/pages/042.txt: a column tag in 【】, then the interpreting body, its
    # official and 解读《name》; tests/devset/holdout9/pages/057.txt the same without the tag
    heading = "台儿庄区大数据中心副主任庞彬解读《数字台儿庄2020工作要点》"
    assert without_keyword_prefix("【专家解读】" + heading) == heading
    assert interpreter_heading(heading) == "台儿庄区大数据中心"
    assert (
        interpreter_heading("县交通运输局党组书记、局长余全胜解读《霍山县推进交通强国建设试点工作方案》")
        == "县交通运输局"
    )
    # no body before the official, or no interpreter at all
    assert interpreter_heading("专家解读《数字台儿庄2020工作要点》") == ""
    assert interpreter_heading("《数字台儿庄2020工作要点》解读") == ""
    page = (
        "【专家解读】"
        + heading
        + "\n\n时间:2020-10-24\n\n一、政策背景\n\n区政府办公室起草形成了《数字台儿庄2020工作要点》。\n"
    )
    doc, _ = parse_page(page, "p.txt")
    assert (doc.title, doc.issuer, doc.level, doc.region, doc.genre) == (
        heading,
        "台儿庄区大数据中心",
        "county",
        "山东",
        "解读",
    )


def test_character_lost_to_the_encoding_is_no_question_mark():
    # tests/devset/holdout10/pages/043.txt (simplified): '?' for characters the page's encoding lost
    title = "盘锦市人民政府办公室关于印发盘锦市政府?dāng)?shù)据资源共建共享管理办法(试行)的通知"
    assert is_title_line(title)
    assert is_title_line("盘政办发〔2016〕94号 " + title)
    # a question is no title
    assert not is_title_line("如何推进智慧城市建设? 关于印发方案的通知")
    assert not is_title_line("什么是智慧城市建设实施方案?")
    notice = "经市政府同意,现将《" + title[14:-3] + "》印发给你们,请遵照执行。\n"
    page = "盘政办发〔2016〕94号 " + title + "\n各区、县人民政府,市政府各部门:\n" + notice
    doc, _ = parse_page(page, "p.txt")
    assert (doc.title, doc.doc_number) == (title, "盘政办发〔2016〕94号")


def test_serialised_reposts_part_number_is_not_part_of_the_title():
    # tests/devset/holdout12/pages/051.txt: a news site's serialised repost, part number after a space
    assert without_part_number("涟源市“十二五”电子政务发展规划 (一)") == "涟源市“十二五”电子政务发展规划"
    assert without_part_number("关于推进智慧城市建设的实施意见 （二）") == "关于推进智慧城市建设的实施意见"
    # no space, or no genre word before it: left as printed
    assert without_part_number("涟源市电子政务发展规划(一)") == "涟源市电子政务发展规划(一)"
    assert without_part_number("政策问答 (一)") == "政策问答 (一)"
    # a section heading is not a title (and is left alone)
    assert without_part_number("(四)") == "(四)"


def test_part_number_dropped_when_the_page_is_parsed():
    from analysis.cleaning import clean_text
    from analysis.parsing import parse_page

    # tests/devset/holdout12/pages/051.txt (opening, shortened)
    text = (
        "涟源市“十二五”电子政务发展规划 (一)\n来源:中国电子政务网 更新时间:2013-01-03\n\n一、 背景\n"
        "信息技术的发展,特别是网络技术的发展,正在改变着人们几千年来形成的信息传递方式。\n"
    )
    doc = parse_page(clean_text(text), "051.txt")[0]
    assert doc.title == "涟源市“十二五”电子政务发展规划"
    assert doc.genre == "规划"


def test_a_layout_space_inside_a_title_changes_neither_its_genre_word_nor_its_doubling():
    from analysis.parsing.page_title import taken_once

    # tests/devset/holdout8/pages/062.txt with a space splitting its genre word (计 划)
    assert is_title_line("济南市“互联网+”行动计 划(2016-2018年)")
    # tests/devset/holdout3/pages/028.txt: the headline and the title line, one of them spaced, joined by "•"
    spaced = "国务院关于印发新一代 人工智能发展规划的通知"
    plain = "国务院关于印发新一代人工智能发展规划的通知"
    assert taken_once(f"{spaced}•{plain}") == plain
    assert taken_once(f"{plain}{spaced}") == plain
    # two different titles stay joined
    assert taken_once(f"{plain}•国务院关于印发促进大数据发展行动纲要的通知").count("•") == 1


def test_a_title_spaced_inside_its_quoted_name_is_one_title_not_a_list():
    # tests/devset/holdout8/pages/014.txt with a space inside the 《》 name
    assert rejection("交通运输部关于印发《数字交通发展规划 纲要》的通知") == ""
    assert is_title_line("交通运输部关于印发《数字交通发展规划 纲要》的通知")
    # a site's links to two complete titles are still navigation
    assert rejection("“十三五”国家信息化规划 “十四五”国家信息化规划") == "navigation"


def test_a_name_ending_in_a_genre_word_before_its_plan_period_names_a_document():
    # the name quoted by tests/devset/holdout13/pages/048.txt's heading
    assert names_a_document("南阳市数字政府建设实施方案(2022-2025)")
    assert names_a_document("数字经济发展三年行动计划(2021—2023年)")
    assert names_a_document("南阳市数字政府建设实施方案")
    # a period alone, or after a word that is no genre, names no document
    assert not names_a_document("南阳市数字政府建设(2022-2025)")
    assert not names_a_document("(2022-2025)")


def test_title_wrapped_after_a_short_form_issuer_and_guanyu_is_joined_whole():
    # tests/devset/holdout13/pages/003.txt: the heading wrapped after "市政府关于加快推进"
    lines = [
        "市政府关于加快推进",
        "“智慧徐州”建设的实施意见",
        "各县(市)、区人民政府,徐州经济技术开发区、新城区管委会,市各委、办、局(公司),市各直属单位:",
    ]
    assert join_wrapped_title(lines, 1) == ("市政府关于加快推进“智慧徐州”建设的实施意见", 0)
    assert short_form_head("省人民政府办公厅关于印发") and short_form_head("县政府关于")
    # a sentence above the heading is no part of it
    assert join_wrapped_title(["为加快推进", "“智慧徐州”建设的实施意见"], 1) == ("“智慧徐州”建设的实施意见", 1)
    assert not short_form_head("市政协关于")


def test_page_whose_heading_wraps_after_a_short_form_issuer():
    page = (
        "市政府关于加快推进\n“智慧徐州”建设的实施意见\n"
        "各县(市)、区人民政府,徐州经济技术开发区、新城区管委会,市各委、办、局(公司),市各直属单位:\n"
        "为加快推进我市信息化建设与发展,促进“智慧徐州”建设有序健康发展,提出以下实施意见:\n"
        "一、重要意义\n智慧城市是可持续发展理念与新一代信息技术相结合的产物。\n"
    )
    doc = parse_page(page, "page.txt")[0]
    assert (doc.title, doc.level, doc.region, doc.genre) == (
        "市政府关于加快推进“智慧徐州”建设的实施意见",
        "prefecture",
        "江苏",
        "意见",
    )


def test_bracketed_attribute_label_is_a_field_never_a_title():
    # tests/devset/holdout14/pages/049.txt: a legal database's attribute list, one "•【label】value"
    # per line once unflattened; "发展规划" ends like a title but is the 主题分类 field's value
    assert rejection("•【主题分类】发展规划") == "field label"
    assert not is_title_line("•【主题分类】发展规划")
    # tests/devset/holdout2/pages/028.txt: the same labels without the bullet
    assert rejection("【法规类别】 机关工作综合规定") == "field label"
    # a site's tag in 【】 before a title is no field label (the title is read without the tag)
    assert rejection("【数字吉林】吉林省人民政府关于印发数字吉林建设规划的通知") != "field label"


def test_attribute_list_line_is_not_the_title():
    # tests/devset/holdout14/pages/049.txt (its first lines): the heading printed before the
    # attribute list and again after 正文, glued to the addressees
    doc, _ = parse_page(
        "重庆市电子政务实胞坝状与发展策略\n- 格式:pdf\n- 大小:196.11 KB\n- 文档页数:4\n"
        "重庆市人民政府关于印发重庆市数字经济“十四五”发展规划(2021—2025年)的通知文章属性"
        "•【制定机关】重庆市人民政府•【公布日期】2021.11.23•【字号】渝府发〔2021〕41号•【施行日期】2021.11.23"
        "•【效力等级】地方规范性文件•【时效性】现行有效•【主题分类】发展规划正文重庆市人民政府关于印发重庆市数字经济"
        "“十四五”发展规划(2021—2025年)的通知各区县(自治县)人民政府,市政府各部门,有关单位:现将《重庆市数字经济"
        "“十四五”发展规划(2021—2025年)》印发给你们,请认真贯彻执行。\n重庆市人民政府2021年11月23日重庆市数字经济"
        "“十四五”发展规划(2021—2025年)为加快打造“智造重镇”、建设“智慧名城”,制定本规划。\n",
        "page.txt",
    )
    assert doc.title == "重庆市人民政府关于印发重庆市数字经济“十四五”发展规划(2021—2025年)的通知"
    assert doc.doc_number == "渝府发〔2021〕41号"


def test_title_wrapped_before_a_quote_is_joined_whole():
    # tests/devset/pages/006.txt with its title wrapped before "“" (tests/devset/perturb.py,
    # title_wrap_half): the second line opens with a quote, as a title may, but the line above is
    # a head cut mid-phrase, neither a title nor an organisation
    lines = ["大连市数字政府建", "设“十四五”行动方案", "发布日期: 2022- 04- 27 浏览次数:"]
    assert join_wrapped_title(lines, 1) == ("大连市数字政府建设“十四五”行动方案", 0)
    lines = ["大连市数字政府建设", "“十四五”行动方案"]
    assert join_wrapped_title(lines, 1) == ("大连市数字政府建设“十四五”行动方案", 0)
    # a title line of its own above a quoted title stays apart (tests/devset/pages/091.txt form)
    lines = ["国务院关于积极推进互联网行动的指导意见", "“十四五”推进国家政务信息化规划"]
    assert join_wrapped_title(lines, 1) == (lines[1], 1)


def test_short_last_line_of_a_wrapped_title_ends_it():
    # tests/devset/pages/014.txt with its title over three lines (perturb.py title_wrap_three):
    # no line reads as a title alone ("发展的意见" has five characters)
    lines = ["关于深入推", "进数字经济", "发展的意见", "江苏发展大会合作交流组 2023-05-04 15:25"]
    assert ends_wrapped_title(lines, 2)
    assert not ends_wrapped_title(lines, 1)
    assert not ends_wrapped_title(["政策文件", "通知"], 1)  # too short to make a title
    text = "\n".join(lines) + "\n数字经济是引领未来的新经济形态,发展数字经济是构建新发展格局的战略抉择。"
    doc, _ = parse_page(text, "p.txt")
    assert doc.title == "关于深入推进数字经济发展的意见"


def test_run_on_title_stops_at_a_doc_number_in_any_bracket():
    # tests/devset/pages/045.txt, its 文号 reprinted as other sites print it (perturb.py
    # docnumber_round, docnumber_small): the title still ends before the number
    line = "国务院关于加强数字政府建设的指导意见 国发〔2022〕14号 各省、自治区、直辖市人民政府,国务院各部委:"
    title = "国务院关于加强数字政府建设的指导意见"
    for printed in ("国发(2022)14号", "国发（2022）14号", "国发﹝2022﹞14号", "国发［2022］14号"):
        assert run_on_title(line.replace("国发〔2022〕14号", printed)) == title
    # a plan period in round brackets is part of the title, not a 文号
    line = "郑州市数字政府建设 规划(2021-2025年) 各区人民政府:"
    assert run_on_title(line) == "郑州市数字政府建设 规划(2021-2025年)"


def test_title_wrapped_inside_its_issuers_name_is_joined_whole():
    # titles of holdout4 023, holdout 007 and holdout14 043 wrapped at a third of their length
    # (perturb.py title_wrap_third): the lower line opens with the tail of a body's name
    # ("公厅", "改革委", "空办公室"), which reads as a body of its own
    for head, rest in [
        ("济南市人民政府办", "公厅关于实施“智慧泉城”建设的意见"),
        ("住房和城乡建设部国家发展", "改革委关于印发“十四五”全国城市基础设施建设规划的通知"),
        ("厦门市人民防", "空办公室电子证照管理制度"),
    ]:
        assert join_wrapped_title([head, rest], 1) == (head + rest, 0)
    # a site's welcome line and a red header's 文件 line above a title are no cut name
    # (holdout5 005, holdout9 049)
    lines = ["宁夏回族自治区应急管理厅欢迎您", "自治区应急管理厅关于印发应急管理装备发展“十四五”规划的通知"]
    assert join_wrapped_title(lines, 1) == (lines[1], 1)
    lines = ["大连市应急管理局文件", "转发应急管理部办公厅关于印发2019年地方应急管理信息化实施指南的通知"]
    assert join_wrapped_title(lines, 1) == (lines[1], 1)


def test_wrapped_title_opening_with_no_issuer_is_joined_between_boundaries():
    # holdout4 020 and dev 057 with their titles wrapped at half (perturb.py title_wrap_half): no
    # line opens like a title (no issuer, place or 关于), but a 文号 or a breadcrumb stands above
    lines = ["国办发〔2017〕39号", "政务信息系统整", "合共享实施方案", "“十二五”以来,通过统筹国家政务信息化工程建设。"]
    assert join_wrapped_title(lines, 2) == ("政务信息系统整合共享实施方案", 1)
    lines = ["您现在的位置: 首页 > 公共政策库", "2016年国家信息消", "费示范城市建设指南"]
    assert join_wrapped_title(lines, 2) == ("2016年国家信息消费示范城市建设指南", 1)
    assert join_wrapped_title(lines[1:], 1) == ("2016年国家信息消费示范城市建设指南", 0)  # at the top of the page
    # a service word, a page counter or a plan period above a title is not its head (holdout5 021,
    # holdout11 014, holdout8 054)
    for above in ("在线客服", "第4页/共24页", "(2019年-2021年)"):
        lines = ["", above, "数字交通“十四五”发展规划"]
        assert join_wrapped_title(lines, 2) == ("数字交通“十四五”发展规划", 2)
    # an earlier print of the title, wrapped, above its second print is not joined to it (holdout8 054
    # with its first title line wrapped, perturb.py title_wrap_two_thirds)
    lines = ["智慧湘西建设三年行动计划(2019", "年-2021年)", "智慧湘西建设三年行动计划(2019年-2021年)"]
    assert join_wrapped_title(lines, 2) == (lines[2], 2)


def test_a_joint_heading_whose_list_of_bodies_wraps_is_joined_whole():
    # tests/devset/holdout15/pages/004.txt: five bodies over two lines, then the rest of the heading
    lines = [
        "https://www.gov.cn/",
        "民政部 发展改革委 工业和信息化部",
        "公安部 财政部关于推进社区公共服务综合",
        "信息平台建设的指导意见",
    ]
    title, first = join_wrapped_title(lines, 3)
    assert first == 1
    assert title == "民政部 发展改革委 工业和信息化部公安部 财政部关于推进社区公共服务综合信息平台建设的指导意见"
    # a single body's name above (a site's name) is no wrapped list of bodies
    lines = ["中华人民共和国民政部", "公安部 财政部关于推进社区公共服务综合信息平台建设的指导意见"]
    assert join_wrapped_title(lines, 1) == (lines[1], 1)


def test_a_metadata_row_of_labelled_fields_is_no_addressee_line():
    # tests/devset/holdout17/pages/046.txt: a county portal's metadata block ends in a row whose last
    # label has no value ("发布单位: 县府办 有效性:"); the heading below, wrapped without 关于 and
    # without 的通知, is the title and its issuer the document's, not the posting office 县府办
    text = """索引号: 01251010-001/2023-142948 公开方式: 主动公开
文号: 龙政发〔2023〕8号 公开日期: 2023-02-11
发布单位: 县府办 有效性:

龙游县人民政府深化数字政府建设
助推“数字龙游”高质量发展的实施意见

发布时间:2023-02-14 17:15 浏览次数:

各镇、乡人民政府,各街道办事处,县政府各部门,直属各单位:

为贯彻落实党中央、国务院和省市党委政府关于加强数字政府建设的重大决策部署,加快转变政府职能,结合我县实际,提出如下实施意见。

一、总体要求
"""
    assert not is_salutation("发布单位: 县府办 有效性:")
    assert not is_salutation("来源:湖南省人民政府 发布时间:2014-04-29   点击数: 作者:")  # holdout 014
    # an addressee line ends in its only colon; 主送 labels the addressees
    assert is_salutation("各镇、乡人民政府,各街道办事处,县政府各部门,直属各单位:")
    assert is_salutation("主送:各市人民政府,省政府各部门:")
    doc = parse_page(clean_text(text), "page.txt")[0]
    assert doc.title == "龙游县人民政府深化数字政府建设助推“数字龙游”高质量发展的实施意见"
    assert (doc.issuer, doc.level, doc.region, doc.genre) == ("龙游县人民政府", "county", "浙江", "意见")


# tests/devset/holdout16/pages/041.txt (opening, shortened): a damaged traditional mirror whose notice
# heading (short-form issuer, 《》 and 和 lost) wraps after the first document it sends out, a blank
# line between; the signature's date lost its 日
WRAPPED_SENDING_HEAD = """熱詞搜索:

關于印發《赤壁市政務大數據管理辦法》和《赤壁市政務大數據項目建設管理辦法》的通知

發布時間:2020-05-29 打印文章

赤政發〔202010

市人民政府關于印發赤壁市政務大數據管理辦法

赤壁市政務大數據項目建設管理辦法的通知

各鄉鎮人民政府、辦事處,市政府有關部門:

現將赤壁市政務大數據管理辦法赤壁市政務大數據項目建設管理辦法印發給你們,請認真貫徹執行

赤壁市人民政府

2020年5月12

赤壁市政務大數據管理辦法

第一章

第一條 為促進政務數據資源的優化配置和有效利用,結合我市實際,制定本辦法。"""


def test_a_sending_head_wrapped_after_a_documents_name_is_joined_to_its_notice():
    from analysis.parsing import parse_text

    (doc,), _ = parse_text(WRAPPED_SENDING_HEAD, "041.txt")
    assert doc.title == "市人民政府关于印发赤壁市政务大数据管理办法赤壁市政务大数据项目建设管理办法的通知"
    assert doc.genre == "办法"
    # the short form is completed by the signature, whose damaged date is read as printed
    assert (doc.issuer, doc.level, doc.region) == ("赤壁市人民政府", "county", "湖北")
    assert doc.date.iso == "2020-05-12"
    # the lines are joined only when the second closes the 关于印发 sentence with its 的通知
    lines = ["市人民政府关于印发赤壁市政务大数据管理办法", "赤壁市政务大数据项目建设管理办法"]
    assert join_wrapped_title(lines, 1)[0] == "赤壁市政务大数据项目建设管理办法"
    lines = ["市人民政府关于印发赤壁市政务大数据管理办法", "赤壁市政务大数据项目建设管理办法的通知"]
    assert join_wrapped_title(lines, 1)[0] == "".join(lines)


def test_title_wrapped_inside_its_plan_period_is_joined_whole():
    # holdout10 012 and holdout8 029 with their titles wrapped at half and in three (perturb.py
    # title_wrap_half, title_wrap_three): the break falls inside the plan period, so neither line
    # reads as a title alone; the lower line closes the bracket the upper leaves open
    lines = ["时间:2022-01-17来源:地势坤", "", "山西省数字政府建设规划(", "2020-2022年)", "为贯彻落实数字山西战略。"]
    assert ends_wrapped_title(lines, 3)
    assert not ends_wrapped_title(lines, 2)
    doc, _ = parse_page("\n".join(lines), "p.txt")
    assert doc.title == "山西省数字政府建设规划(2020-2022年)"
    lines = ["罗湖区“数字政府”和“智", "慧城区”建设三年工作方案(", "2019年-2021年)", "为深入贯彻落实党的十九大精神。"]
    assert ends_wrapped_title(lines, 2)
    assert join_wrapped_title(lines, 2) == ("罗湖区“数字政府”和“智慧城区”建设三年工作方案(2019年-2021年)", 0)
    # a line above the heading ("内容全文", holdout18 012 at half) is not joined to a title that
    # reads whole without it, and the bracket's tail alone is never the title
    lines = ["八是网络帮扶行动。", "内容全文", "数字乡村发展行动计划(", "2022-2025年)", "数字乡村是战略方向。"]
    assert join_wrapped_title(lines, 3) == ("数字乡村发展行动计划(2022-2025年)", 2)
    # a bracket closed below a sentence is no wrapped heading
    assert not ends_wrapped_title(["近日,我市印发了行动计划(", "2020-2022年)"], 1)


def test_title_wrapped_inside_its_genre_word_is_joined_whole():
    # holdout8 059 and holdout9 009 with their titles wrapped at half and a third (perturb.py
    # title_wrap_half, title_wrap_third): the break cuts 规划 in two, the lower line its tail and the
    # plan period
    lines = ["三融五跨促发展创新转型惠民生", "吉林市新型智慧城市建设总体规", "划(2017~2021年)", "吉林市人民政府"]
    assert ends_wrapped_title(lines, 2)
    assert join_wrapped_title(lines, 2) == ("吉林市新型智慧城市建设总体规划(2017~2021年)", 1)
    lines = ["数字山东发展规", "划(2018-2022年)", "", "前言", "建设数字中国是新时代的新战略。"]
    doc, _ = parse_page("\n".join(lines), "p.txt")
    assert doc.title == "数字山东发展规划(2018-2022年)"
    # a line that holds no cut genre word ends no title
    assert not ends_wrapped_title(["吉林市新型智慧城市建设总体", "目录(2017~2021年)"], 1)
