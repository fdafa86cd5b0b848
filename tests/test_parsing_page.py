"""Single pages (analysis.parsing.page): page formats not in the seeds.

Short pages laid out as government portals print them; expected values read from the page text.
"""

import warnings
from pathlib import Path

import pytest

import analysis
from analysis.corpus import CorpusError
from analysis.parsing import parse_page, parse_text


def _write(folder: Path, name: str, data: bytes | str, encoding="utf-8"):
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


NDRC_PAGE = """国家发展和改革委员会
首页 | 机构设置 | 新闻动态 | 政务公开
关于印发促进智慧城市健康发展的指导意见的通知
发布时间:2014/08/29　　来源:高技术司
[ 打印 ] [ 关闭窗口 ]　字号:[ 大 中 小 ]　分享到:
发改高技[2014]1770号
各省、自治区、直辖市及计划单列市、副省级省会城市、新疆生产建设兵团发展改革委、工业和信息化主管部门、科技厅(委、局)、公安厅(局)、财政厅(局):
　　为贯彻落实党的十八大和十八届三中全会精神,推进智慧城市建设,经国务院同意,现将《关于促进智慧城市健康发展的指导意见》印发你们,请结合实际认真贯彻落实。
国家发展改革委
工业和信息化部
科学技术部
公安部
财政部
国土资源部
住房城乡建设部
交通运输部
2014年8月27日
关于促进智慧城市健康发展的指导意见
　　智慧城市是运用物联网、云计算、大数据、空间地理信息集成等新一代信息技术,促进城市规划、建设、管理和服务智慧化的新理念和新模式。
　　一、充分认识推进智慧城市建设的重要意义
　　建设智慧城市,对加快工业化、信息化、城镇化、农业现代化融合,提升城市可持续发展能力具有重要意义。
　　二、指导思想、基本原则和主要目标
　　到2020年,建成一批特色鲜明的智慧城市,聚集和辐射带动作用大幅增强。
"""


GUANGXI_PAGE = """广西壮族自治区人民政府门户网站
首页 > 政务公开 > 政府文件
广西壮族自治区人民政府办公厅关于印发广西数字政府建设三年行动计划(2018—2020年)的通知
来源:自治区人民政府办公厅　发布时间:2019-01-08
桂政办发〔2018〕142号
各市、县人民政府,自治区人民政府各组成部门、各直属机构:
　　《广西数字政府建设三年行动计划(2018—2020年)》已经自治区人民政府同意,现印发给你们,请认真组织实施。
　　一、总体要求
　　以数据共享为核心,推进政务服务“一网通办”,打通服务群众“最后一公里”。
　　二、保障措施
　　自治区大数据发展局负责全区数字政府建设的统筹推进和综合协调。
广西壮族自治区人民政府办公厅
二〇一八年十二月二十九日
【打印本页】【关闭窗口】
主办:广西壮族自治区人民政府办公厅　承办:广西壮族自治区大数据发展局
"""


GOVCN_PAGE = """首页 | 简 | 繁 | EN | 登录 | 邮箱 | 无障碍
中华人民共和国中央人民政府
首页 > 政策 > 国务院政策文件库 > 国务院办公厅文件
索 引 号:000014349/2022-00110
发文机关:国务院办公厅
成文日期:2022年09月13日
标　　题:国务院办公厅关于印发全国一体化政务大数据体系建设指南的通知
发文字号:国办函〔2022〕102号
发布日期:2022年10月28日
国务院办公厅
关于印发全国一体化政务大数据体系建设指南的通知
国办函〔2022〕102号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
　　《全国一体化政务大数据体系建设指南》已经国务院同意,现印发给你们,请结合实际认真贯彻落实。
国务院办公厅
2022年9月13日
(此件公开发布)
全国一体化政务大数据体系建设指南
　　为贯彻落实党中央、国务院决策部署,加强数据汇聚融合、共享开放和开发利用,制定本指南。
　　一、建设背景
　　政务数据资源体系初步建立,国家数据共享交换平台基本建成。
"""


_NAV = "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(40))


SHENZHEN_HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>深圳市人民政府关于加快智慧城市和数字政府建设的若干意见_市政府文件_深圳市人民政府门户网站</title>
<script>var _hmt = [];</script></head><body>
<div class="header"><ul class="nav">{_NAV}</ul></div>
<div class="location">当前位置:<a href="/">首页</a> &gt; 市政府文件</div>
<table><tr><td>索引号:</td><td>000000000-2020-00312</td></tr>
<tr><td>发布机构:</td><td>深圳市人民政府</td><td>发布日期:</td><td>2021-01-05</td></tr>
<tr><td>文号:</td><td>深府〔2020〕89号</td></tr></table>
<div class="article"><h1>深圳市人民政府关于加快智慧城市和数字政府建设的若干意见</h1>
<p style="text-align:center">深府〔2020〕89号</p>
<p>各区人民政府,市政府直属各单位:</p>
<p>　　为加快推进智慧城市和数字政府建设,打造具有深度学习能力的<strong>鹏城智能体</strong>,现提出如下意见。</p>
<p>　　<strong>一、总体要求</strong></p>
<p>　　到2025年,建成城市数字底座,政务服务“一网通办”、政府治理“一网统管”全面深化。</p>
<p style="text-align:right">深圳市人民政府<br>2020年12月30日</p>
</div><div class="footer">版权所有:深圳市人民政府办公厅 粤ICP备12345678号</div></body></html>"""


def _load_pages(tmp_path, files):
    for name, text in files.items():
        _write(tmp_path, name, text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load = analysis.corpus.read_corpus(tmp_path)
    assert not len(load.skipped)
    return load.documents.set_index("source")


def test_transmittal_notice_signed_mid_page_by_eight_ministries(tmp_path):
    r = _load_pages(tmp_path, {"ndrc.txt": NDRC_PAGE}).loc["ndrc.txt"]
    assert r.issuer == "国家发展改革委 工业和信息化部 科学技术部 公安部 财政部 国土资源部 住房城乡建设部 交通运输部"
    # the signature beats the page's publication date; the addressee list (…新疆生产建设兵团…) is no hint
    assert (r.date, r.date_source) == ("2014-08-27", "signature")
    assert (r.level, r.region, r.doc_number, r.genre) == ("ministry", "全国", "发改高技〔2014〕1770号", "意见")
    assert r.title == "关于印发促进智慧城市健康发展的指导意见的通知"
    # the transmitted guidance is the body; the signature lines are not text
    assert "智慧城市是运用物联网" in r.text and "到2020年,建成一批" in r.text
    assert "交通运输部\n" not in r.text and "2014年8月27日" not in r.text


def test_signature_date_in_chinese_numerals_and_portal_footer(tmp_path):
    r = _load_pages(tmp_path, {"guangxi.txt": GUANGXI_PAGE}).loc["guangxi.txt"]
    assert (r.date, r.year, r.date_source) == ("2018-12-29", 2018, "signature")
    assert (r.issuer, r.level, r.region) == ("广西壮族自治区人民政府办公厅", "provincial", "广西")
    assert (r.doc_number, r.genre) == ("桂政办发〔2018〕142号", "计划")
    assert "打印本页" not in r.text and "主办" not in r.text and "二〇一八" not in r.text
    assert r.text.rstrip().endswith("统筹推进和综合协调。")


def test_govcn_page_with_metadata_table_and_two_line_title(tmp_path):
    r = _load_pages(tmp_path, {"govcn.txt": GOVCN_PAGE}).loc["govcn.txt"]
    assert r.title == "国务院办公厅关于印发全国一体化政务大数据体系建设指南的通知"
    assert (r.issuer, r.level, r.region) == ("国务院办公厅", "central", "全国")
    assert (r.doc_number, r.date, r.genre) == ("国办函〔2022〕102号", "2022-09-13", "指南")
    assert "此件公开发布" not in r.text and "发文机关" not in r.text
    assert "为贯彻落实党中央、国务院决策部署" in r.text


def test_html_page_with_long_menu_metadata_table_and_inline_markup(tmp_path):
    r = _load_pages(tmp_path, {"shenzhen.html": SHENZHEN_HTML}).loc["shenzhen.html"]
    # the <head> title carries the site name; the page's own title line does not
    assert r.title == "深圳市人民政府关于加快智慧城市和数字政府建设的若干意见"
    assert (r.doc_number, r.genre, r.date) == ("深府〔2020〕89号", "意见", "2020-12-30")
    assert (r.issuer, r.level, r.region) == ("深圳市人民政府", "prefecture", "广东")
    # <strong> inside a paragraph does not break it
    assert "打造具有深度学习能力的鹏城智能体,现提出如下意见。" in r.text
    assert "栏目" not in r.text and "ICP" not in r.text


DECREE_PAGE = """重庆市人民政府
当前位置:首页 > 政务公开 > 政府规章
发布机构 重庆市人民政府 发布日期 2019-08-13
重庆市政务数据资源管理暂行办法
发布日期:2019-08-13　来源:重庆市人民政府　字号:大 中 小
重庆市人民政府令
第328号
《重庆市政务数据资源管理暂行办法》已经2019年7月22日市人民政府第54次常务会议通过,现予公布,自2019年9月1日起施行。
市长　唐良智
2019年7月31日
重庆市政务数据资源管理暂行办法
第一章　总　则
第一条　为了加强政务数据资源管理,推进政务数据资源共享开放和开发利用,制定本办法。
第二条　本市行政区域内政务数据资源的编目、采集、存储、共享、开放等活动,适用本办法。
第三条　本办法自2019年9月1日起施行。
"""


REPOST_PAGE = """人民网 >> 时政
国务院关于加强数字政府建设的指导意见
2022年06月23日17:13 | 来源:中国政府网
小字号
新华社北京6月23日电
国发〔2022〕14号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
　　加强数字政府建设是适应新一轮科技革命和产业变革趋势的必然要求。现提出以下意见。
　　一、总体要求
　　以数字化改革助力政府职能转变,统筹推进各行业各领域政务应用系统集约建设。
　　二、保障措施
　　各地区各部门要结合实际制定具体落实举措。
国务院
2022年6月6日
(责编:王珂、岳弘彬)
分享让更多人看到
推荐阅读
数字政府建设提速
相关链接
人民网 版权所有
"""


MARKDOWN_PAGE = """# 恩施州人民政府办公室关于印发恩施州新型智慧城市建设三年行动方案(2020—2022年)的通知

恩施州政办发〔2020〕12号

各县、市人民政府,州政府各部门:

《恩施州新型智慧城市建设三年行动方案(2020—2022年)》已经州人民政府同意,现印发给你们,请认真贯彻执行。

## 一、总体要求

以**数据共享**为核心,推进[政务服务](http://example.cn)“一网通办”。

## 二、保障措施

成立州新型智慧城市建设领导小组。

恩施土家族苗族自治州人民政府办公室

2020年5月18日
"""


def test_decree_signed_by_a_mayor(tmp_path):
    r = _load_pages(tmp_path, {"decree.txt": DECREE_PAGE}).loc["decree.txt"]
    assert (r.issuer, r.doc_number, r.date) == ("重庆市人民政府", "重庆市人民政府令第328号", "2019-07-31")
    assert (r.level, r.region, r.genre) == ("provincial", "重庆", "办法")
    assert "唐良智" not in r.text and "第一条" in r.text


def test_news_repost_keeps_the_document_not_the_site(tmp_path):
    r = _load_pages(tmp_path, {"repost.txt": REPOST_PAGE}).loc["repost.txt"]
    assert (r.issuer, r.level, r.doc_number, r.date) == ("国务院", "central", "国发〔2022〕14号", "2022-06-06")
    assert r.text.startswith("各省、自治区")  # dateline and news lead dropped
    assert r.text.rstrip().endswith("具体落实举措。")  # editor line, share prompt, related links dropped


def test_markdown_file(tmp_path):
    r = _load_pages(tmp_path, {"enshi.md": MARKDOWN_PAGE}).loc["enshi.md"]
    assert r.title == "恩施州人民政府办公室关于印发恩施州新型智慧城市建设三年行动方案(2020—2022年)的通知"
    assert (r.doc_number, r.level, r.region, r.genre) == ("恩施州政办发〔2020〕12号", "prefecture", "湖北", "方案")
    assert "以数据共享为核心,推进政务服务“一网通办”。" in r.text and "#" not in r.text and "**" not in r.text
    paras = analysis.load_paragraphs(_load_pages(tmp_path, {}).reset_index())
    assert {"一、", "二、"} <= set(paras.section)  # the ## headings are section headings


def test_parse_page_reports_removed_furniture():
    doc, removed = parse_page(analysis.cleaning.clean_text(NDRC_PAGE), "ndrc.txt")
    assert doc.doc_number == "发改高技〔2014〕1770号" and doc.source == "ndrc.txt"
    assert "2014年8月27日" in removed and any("分享到" in ln for ln in removed)


def test_page_without_body_raises():
    with pytest.raises(CorpusError, match=r"empty\.txt: no body text"):
        parse_page("关于加快推进智慧城市建设的通知", "empty.txt")


# --------------------------------------------------------------------------- real page forms
# Snippets copied from the development set (tests/devset/pages/NNN.txt, cited per test),
# converted to simplified characters where the cleaning step would do so.


def _page(text: str):
    doc, _removed = parse_page(text, "page.txt")
    return doc


def test_wrapped_title_is_joined_whole():
    # tests/devset/pages/001.txt: gov.cn title printed over two lines under the metadata table
    doc = _page(
        "发布日期:\n2015年09月05日\n国务院关于印发促进大数据发展\n行动纲要的通知\n国发〔2015〕50号\n"
        "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n现将《促进大数据发展行动纲要》印发给你们,请认真贯彻落实。\n"
        "国务院\n2015年8月31日\n促进大数据发展行动纲要\n大数据是以容量大、类型多、存取速度快、应用价值高为主要特征的数据集合。\n"
    )
    assert doc.title == "国务院关于印发促进大数据发展行动纲要的通知"
    assert doc.genre == "纲要"
    assert doc.evidence["title"][2] == "title block (wrapped lines joined)"


def test_title_wrapped_over_three_lines_with_plan_period():
    # tests/devset/pages/039.txt: a news lead, then the title over three lines ending "(2021—2023年)的通知"
    doc = _page(
        "为深入贯彻落实习近平总书记关于建设网络强国的重要论述,天津市制定行动方案。方案原文如下:\n"
        "天津市人民政府关于印发\n天津市加快数字化发展三年行动方案\n(2021—2023年)的通知\n"
        "各区人民政府,市政府各委、办、局:\n现将《天津市加快数字化发展三年行动方案(2021—2023年)》印发给你们,望遵照执行。\n"
        "天津市人民政府\n2021年8月1日\n推进数字化发展,是建设现代化大都市的必然要求。\n"
    )
    assert doc.title == "天津市人民政府关于印发天津市加快数字化发展三年行动方案(2021—2023年)的通知"
    assert doc.genre == "方案"


def test_issuer_line_then_wrapped_title():
    # tests/devset/pages/007.txt: issuer, then 关于… over two lines, then the 文号
    doc = _page(
        "山东省人民政府\n关于印发山东省数字政府建设\n实施方案的通知\n鲁政字〔2023〕15号\n"
        "各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构:\n现将《山东省数字政府建设实施方案》印发给你们,请认真抓好贯彻落实。\n"
        "山东省人民政府\n2023年1月29日\n山东省数字政府建设实施方案\n为深入贯彻落实国务院指导意见,制定本实施方案。\n"
    )
    assert doc.title == "山东省人民政府关于印发山东省数字政府建设实施方案的通知"
    assert (doc.doc_number, doc.date.iso) == ("鲁政字〔2023〕15号", "2023-01-29")
    assert (doc.level, doc.region) == ("provincial", "山东")


def test_title_printed_whole_then_split_is_taken_once():
    # tests/devset/pages/073.txt
    doc = _page(
        "国务院关于促进云计算创新发展 培育信息产业新业态的意见\n"
        "国务院关于促进云计算创新发展\n培育信息产业新业态的意见\n"
        "国发〔2015〕5号\n各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n"
        "云计算是推动信息技术能力实现按需供给的全新业态,是信息化发展的重大变革和必然趋势。\n国务院\n2015年1月6日\n"
    )
    assert doc.title == "国务院关于促进云计算创新发展培育信息产业新业态的意见"
    assert (doc.level, doc.region) == ("central", "全国")


def test_addressee_first_page_takes_the_annex_heading_never_the_addressee_line():
    # tests/devset/pages/068.txt
    doc = _page(
        "各镇(乡)人民政府,县政府各部门、直属各单位:\n"
        "《怀集县“数字政府”综合改革工作实施方案》业经县人民政府同意,现印发给你们,请认真组织实施。\n"
        "怀集县人民政府办公室\n2018年12月25日\n怀集县“数字政府”综合改革工作实施方案\n"
        "为切实推进我县“数字政府”改革建设工作,根据《广东省人民政府关于印发“数字政府”建设总体规划的通知》精神,制定本方案。\n"
    )
    assert doc.title == "怀集县“数字政府”综合改革工作实施方案"
    assert (doc.issuer, doc.level, doc.region) == ("怀集县人民政府办公室", "county", "广东")
    assert "各镇(乡)人民政府" in doc.text  # the addressee line stays in the text


def test_addressee_first_page_without_a_heading_has_no_title():
    # tests/devset/pages/077.txt: the annex heading lost all but its last line "(2021—2023年)"
    doc = _page(
        "各苏木镇,旗直各单位:\n为深入贯彻落实有关要求,现将《苏尼特左旗数字政府建设行动方案(2021-2023年)》印发给你们,请认真抓好落实。\n"
        "苏尼特左旗人民政府办公室\n2022年7月8日\n(2021—2023年)\n为深入贯彻落实自治区数字政府建设行动方案,制定本方案。\n"
    )
    assert doc.title == ""
    assert (doc.level, doc.region) == ("county", "内蒙古")


def test_title_is_never_a_breadcrumb_or_metadata_row():
    # tests/devset/pages/027.txt (metadata table with bars) and 032.txt (breadcrumb ending in 规划)
    doc = _page(
        "当前位置: 网站首页 > 政府信息公开 > 张村镇 > 国民经济和社会发展规划\n"
        "索 引 号: | 000014349/2023-91150 | 信息分类: | |\n"
        "文 号: | 六盘水府办发〔2022〕10号 | 是否有效: | |\n"
        "名 称: | 市人民政府办公室关于印发六盘水市新型基础设施建设三年行动方案(2022—2024年)的通知 |\n"
        "各市、特区、区人民政府,市人民政府各部门、各直属机构:\n"
        "经市人民政府同意,现将《六盘水市新型基础设施建设三年行动方案(2022—2024年)》印发给你们,请认真抓好贯彻落实。\n"
    )
    assert doc.title == "市人民政府办公室关于印发六盘水市新型基础设施建设三年行动方案(2022—2024年)的通知"
    assert doc.genre == "方案"


def test_run_on_head_gives_title_and_doc_number():
    # tests/devset/pages/046.txt: title, 文号, addressees and body on one line
    doc = _page(
        "standard library\n国务院关于加强数字政府建设的指导意见 国发〔2022〕14 号 "
        "各省、自治区、直辖市人民政府,国务院各部委、各直属机 构:"
        " 加强数字政府建设是适应新一轮科技革命和产业变革趋势的必然要求。\n"
    )
    assert doc.title == "国务院关于加强数字政府建设的指导意见"
    assert (doc.doc_number, doc.level) == ("国发〔2022〕14号", "central")


def test_level_never_from_a_place_named_in_the_body():
    # tests/devset/pages/012.txt form: a title without issuer whose body names a province
    doc = _page(
        "关于深化改革创新促进数字经济高质量发展的若干措施\n"
        "为深入贯彻落实山东省委、省政府关于数字强省建设的部署,推动江苏、浙江经验落地,制定以下措施。\n"
        "一、强化数字基础设施。加快5G网络建设。\n"
    )
    assert (doc.level, doc.region) == ("", "")
    assert doc.genre == "措施"


def test_doc_number_label_is_not_part_of_the_number():
    # tests/devset/pages/065.txt: "文号白政办发〔2019〕9号"
    doc = _page(
        "白水县人民政府办公室关于转发实体政务大厅管理暂行办法的通知\n文号白政办发〔2019〕9号\n"
        "各镇人民政府,县政府各工作部门:\n现将有关办法转发给你们,请认真贯彻执行。\n白水县人民政府办公室\n2019年3月1日\n"
    )
    assert doc.doc_number == "白政办发〔2019〕9号"


def test_document_date_over_page_posting_date():
    # tests/devset/pages/010.txt form: posted 2015-05-20, the document signed 2015-04-15
    doc = _page(
        "发布日期:2015年05月20日\n咸宁市人民政府办公室关于印发咸宁市政务服务改革实施方案的通知\n咸政办发〔2015〕21号\n"
        "各县、市、区人民政府,市政府各部门:\n现将实施方案印发给你们,请认真贯彻执行。\n咸宁市人民政府办公室\n2015年4月15日\n"
        "为进一步促进政府职能转变,制定本方案。\n"
    )
    assert (doc.date.iso, doc.date.source) == ("2015-04-15", "signature")
    assert (doc.level, doc.region) == ("prefecture", "湖北")


def test_posting_date_of_another_year_gives_way_to_the_doc_number_year():
    # tests/devset/pages/004.txt form: a 2020 notice reposted by a download site in 2024
    doc = _page(
        "时间:2024-01-10\n武汉市人民政府办公厅关于印发武汉市加快推进新型智慧城市建设实施方案的通知\n武政办〔2020〕114号\n"
        "各区人民政府,市人民政府各部门:\n经研究,现将实施方案印发给你们,请认真组织实施。\n"
    )
    assert (doc.date.iso, doc.date.source) == ("2020", "doc_number")
    assert doc.evidence["date"][2] == "doc_number (inferred)"


def test_dateline_under_the_doc_number_is_the_documents_date():
    # tests/devset/pages/048.txt (维基文库): title, 文号, then the signing date
    doc = _page(
        "国务院关于积极推进“互联网+”行动的指导意见\n国发〔2015〕40号\n2015年7月1日\n"
        "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n“互联网+”是把互联网的创新成果与经济社会各领域深度融合。\n"
    )
    assert (doc.date.iso, doc.date.source) == ("2015-07-01", "dateline below the title")


def test_signature_date_with_digits_run_together():
    # tests/devset/pages/033.txt: "2018326" under the signing office, which signs for its group
    doc = _page(
        "遵义市大数据发展领导小组关于印发《遵义市大数据发展2018年工作要点》的通知\n"
        "来源:-- 发布时间: 2018-03-26 17:50 字体:[]\n"
        "各县、自治县、区()人民政府,新蒲新区、南部新区管委会,市直有关单位:\n"
        "现将《遵义市大数据发展2018年工作要点》印发给你们,请认真落实执行。\n遵义市大数据发展领导小组办公室\n2018326\n"
        "遵义市大数据发展2018年工作要点\n2018年是全面贯彻落实党的十九大精神的开局之年。\n"
    )
    assert doc.date.iso == "2018-03-26"
    assert doc.issuer == "遵义市大数据发展领导小组"


def test_run_on_head_joined_by_cleaning():
    # tests/devset/pages/056.txt: title, spaced-out 意 见 and addressees on one line
    doc = _page(
        "2014-08-20 来源:信阳市工业和信息化局 浏览:665\n"
        "信阳市人民政府 关于加快推进信息化促进“四化”同步发展的意见各县(区)人民政府,各管理区、开发区,各市直单位:"
        "为贯彻落实党的十八大和十八届三中全会精神,特制定如下意见:\n"
    )
    assert doc.title == "信阳市人民政府 关于加快推进信息化促进“四化”同步发展的意见"
    assert (doc.issuer, doc.level, doc.region) == ("信阳市人民政府", "prefecture", "河南")
    assert doc.date.iso == "2014-08-20"


def test_damaged_title_block_gives_way_to_a_fuller_print_below():
    # tests/devset/pages/047.txt: the block lost “+”行动, the run-on line below prints it whole
    doc = _page(
        "购物车\n我的足迹\n国务院关于积极推进互联网的指导意见\n加入Vip免费下载 立即下载\n"
        "国务院关于积极推进“互联网+”行动的指导意见 国发 〔2015〕40号 文件 对象为中国各省、自治区、直辖市人民政府。"
        "“互联网+”是把互联网的创新成果与经济社会各领域深度融合。\n"
    )
    assert doc.title == "国务院关于积极推进“互联网+”行动的指导意见"
    assert (doc.doc_number, doc.date.iso) == ("国发〔2015〕40号", "2015")


def test_long_ministry_addressee_list_is_the_salutation():
    # tests/devset/pages/084.txt: ten ministries sign above the annex heading
    addressees = "各省、自治区、直辖市及计划单列市工业和信息化主管部门、通信管理局、党委网信办、发展改革委、" * 3
    doc = _page(
        f"{addressees[:-1]}:\n现将《5G应用“扬帆”行动计划(2021-2023年)》印发给你们,请结合实际认真贯彻落实。\n"
        "工业和信息化部 中央网络安全和信息化委员会办公室\n国家发展和改革委员会 教育部\n2021年7月5日\n"
        "5G应用“扬帆”行动计划\n(2021-2023年)\n5G是新一代信息通信技术演进升级的重要方向。\n"
    )
    assert doc.title == "5G应用“扬帆”行动计划(2021-2023年)"
    assert doc.date.iso == "2021-07-05"
    assert doc.issuer.startswith("工业和信息化部") and (doc.level, doc.region) == ("ministry", "全国")


def test_plan_cover_gives_issuer_and_month():
    # tests/devset/pages/053.txt: title over two lines, then the issuing bureau and 二〇二一年十一月
    doc = _page(
        "嘉鱼县新型智慧城市“十四五”规划\n暨数字嘉鱼“十四五”规划\n嘉鱼县政务服务和大数据管理局\n二〇二一年十一月\n"
        "“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年。\n"
    )
    assert doc.title == "嘉鱼县新型智慧城市“十四五”规划暨数字嘉鱼“十四五”规划"
    assert (doc.issuer, doc.date.iso) == ("嘉鱼县政务服务和大数据管理局", "2021-11")
    assert (doc.level, doc.region) == ("county", "湖北")


def test_text_naming_the_document_with_its_number_gives_its_own_number():
    # tests/devset/pages/079.txt: 《绵阳市新型智慧城市建设总体方案》(绵府办发[2020]13号) in the lead
    doc = _page(
        "中文名 | 绵阳市新型智慧城市建设总体方案 | 颁布时间 | 2020年6月17日 |\n"
        "实施时间 | 2020年6月17日 | 发布单位 | 绵阳市人民政府办公室 |\n"
        "《绵阳市新型智慧城市建设总体方案》(绵府办发[2020]13号)旨在依托全市科技创新资源,扎实推进基础网络提升。\n"
    )
    assert doc.title == "绵阳市新型智慧城市建设总体方案"
    assert (doc.doc_number, doc.date.iso, doc.issuer) == ("绵府办发〔2020〕13号", "2020-06-17", "绵阳市人民政府办公室")


def test_cited_doc_number_is_never_the_documents_own():
    # tests/devset/pages/024.txt form: the body cites 国发〔2015〕50号 after 贯彻落实《…》
    doc = _page(
        "湖北省大数据发展行动计划(2016-2020年)\n"
        "为贯彻落实《国务院关于印发促进大数据发展行动纲要的通知》(国发〔2015〕50号)精神,特制定本行动计划。\n"
    )
    assert doc.doc_number == ""
    assert (doc.level, doc.region, doc.genre) == ("provincial", "湖北", "计划")


def test_number_after_按照_is_cited_not_own():
    # issue 10: a cited 文号 after 按照/依据 is never the document's own
    doc = _page(
        "关于加快推进数字政府建设的实施意见\n按照国发〔2022〕14号文件要求,结合本市实际,提出如下意见。\n"
        "一、总体要求。坚持数据赋能。\n"
    )
    assert doc.doc_number == ""


def test_addressee_line_without_its_colon_still_ends_the_title_block():
    # tests/devset/pages/030.txt: "各区、县(市)人民政府,市政府各部门、各单位" printed without ":"
    doc = _page(
        "发布机构: 市政府办公室(研究室、机关事务局 公开日期: 2020-12-30\n"
        "主题分类: 城乡规划 发文字号: 绍政办发〔2020〕48号\n"
        "绍兴市人民政府办公室关于印发绍兴市推进新型基础设施建设三年行动计划(2020—2022年)的通知\n"
        "发布日期:2020-12-30 11:29 浏览次数: 字体:[ ]\n各区、县(市)人民政府,市政府各部门、各单位\n"
        "《绍兴市推进新型基础设施建设三年行动计划(2020—2022年)》已经市政府同意,现印发给你们,请认真组织实施。\n"
        "绍兴市人民政府办公室\n2020年12月25日\n绍兴市推进新型基础设施建设三年行动计划(2020—2022年)\n为加快新型基础设施建设,制定本计划。\n"
    )
    assert doc.title == "绍兴市人民政府办公室关于印发绍兴市推进新型基础设施建设三年行动计划(2020—2022年)的通知"
    assert (doc.issuer, doc.date.iso, doc.doc_number) == ("绍兴市人民政府办公室", "2020-12-25", "绍政办发〔2020〕48号")


def test_news_headline_gives_way_to_the_document_it_announces():
    # tests/devset/pages/050.txt (glosses removed): a repost headline counting the ministries
    text = (
        "发布时间:2022-06-08 16:04:09\n九部门印发《关于深入推进智慧社区建设的意见》的通知\n民发〔2022〕29号\n"
        "各省、自治区、直辖市民政厅(局)、政法委、网信办:\n"
        "现将《关于深入推进智慧社区建设的意见》印发给你们,请结合实际认真贯彻执行。\n"
        "民政部\n中央政法委\n2022年5月10日\n关于深入推进智慧社区建设的意见\n智慧社区是充分应用大数据的社区治理新形态。\n"
    )
    doc, _ = parse_page(text, "050.txt")
    assert doc.title == "关于深入推进智慧社区建设的意见"
    assert doc.doc_number == "民发〔2022〕29号"
    assert doc.evidence["title"][2] == "title quoted in a news headline"
    # a 公文 naming its issuers in full keeps its own title (tests/devset/pages/003.txt)
    own = "中共北京市委北京市人民政府印发《关于更好发挥数据要素作用进一步加快发展数字经济的实施意见》的通知"
    doc, _ = parse_page(own + "\n各区委、区政府:\n现将《实施意见》印发给你们,请认真贯彻落实。\n", "003.txt")
    assert doc.title == own


def test_signature_in_question_mark_noise_is_read():
    # tests/devset/pages/070.txt: layout spaces saved as "?" around the signature
    text = (
        "泰州市人民政府办公室关于印发智慧泰州顶层设计纲要的通知\n- 发布日期:2018-09-18 15:54\n"
        "《智慧泰州顶层设计纲要(2018—2020年)》已经市政府第16次常务会议讨论通过,现予印发,请认真贯彻落实。\n"
        "?\n??????????? ????泰州市人民政府办公室\n????????????? ???2018年7月30日 ??\n???\n"
        "智慧城市是运用物联网、云计算、大数据等新一代信息技术的新理念和新模式。\n为什么?\n"
        "加快推进智慧泰州建设。\n让信息化更好地服务经济社会发展。\n"
    )
    doc, _ = parse_page(text, "070.txt")
    assert doc.issuer == "泰州市人民政府办公室"
    assert doc.date.iso == "2018-07-30"
    assert "为什么?" in doc.text  # a question mark in the text stays


def test_site_tag_before_the_addressee_line_is_cut():
    # tests/devset/pages/051.txt: "【智慧城市网 政策法规】" wrapped over two lines before the addressees,
    # ten joint issuers sign the transmittal, the annex heading is the title
    names = ("民政厅", "发展和改革委员会", "工业和信息化厅", "公安厅", "财政厅")
    names += ("住房和城乡建设厅", "农业农村厅", "政务管理服务局", "自然资源厅")
    signers = "\n".join(f"湖南省{name}" for name in names)
    text = (
        "【\n智慧城市网 政策法规】各市州、县市区民政局、政法委、网信办:\n"
        "现将《关于深入推进智慧社区建设的实施意见》印发给你们,请结合实际认真贯彻执行。\n"
        f"{signers}\n中共湖南省委政法委员会\n2022年12月20日\n关于深入推进智慧社区建设的实施意见\n"
        "为贯彻落实中共中央、国务院关于推进基层治理体系和治理能力现代化建设的精神,提出如下实施意见。\n"
    )
    doc, removed = parse_page(text, "051.txt")
    assert doc.title == "关于深入推进智慧社区建设的实施意见"
    assert doc.genre == "意见"
    assert "智慧城市网 政策法规】" in removed


def test_the_transmitted_document_after_a_signature_is_kept_even_when_the_page_is_cut_short():
    """tests/devset/pages/007.txt: a 印发 notice signed, then the plan it sends out, cut off by the
    page excerpt a few lines later; those lines are the attachment, not page trailer."""
    raw = (
        "山东省人民政府\n关于印发山东省数字政府建设\n实施方案的通知\n鲁政字〔2023〕15号\n"
        "各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构,各大企业,各高等院校:\n"
        "现将《山东省数字政府建设实施方案》印发给你们,请认真抓好贯彻落实。\n"
        "山东省人民政府\n2023年1月29日\n(此件公开发布)\n山东省数字政府建设实施方案\n"
        "为深入贯彻落实《国务院关于加强数字政府建设的指导意见》(国发〔2022〕14号),充分发挥数字政府在数字强省建设中的引领驱动作用,"
        "全面提升政府治理体系和治理能力现代化水平,制定本实施方案。\n一、总体要求\n"
    )
    (doc,), _removed = parse_text(raw, "007.txt")
    assert doc.date.iso == "2023-01-29"
    assert doc.text.endswith("制定本实施方案。\n一、总体要求")
    assert "山东省数字政府建设实施方案\n为深入贯彻落实" in doc.text
