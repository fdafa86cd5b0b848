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
