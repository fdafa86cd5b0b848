"""Web-page furniture (analysis.cleaning.furniture)."""

from pathlib import Path

from analysis import cleaning
from analysis.parsing import parse_text

HERE = Path(__file__).resolve().parent


def test_boilerplate_lines():
    for line in [
        "• 官方微信",
        "扫描二维码 关注我们",
        "编辑:崔蕾",
        "审核: 杨永彬   责任编辑: 廖梅先",
        "Copyright © 2007 - 2023 Chnsourcing.com.cn All Rights Reserved",
        "点击下载此文件",
        "http://jxj.panzhihua.gov.cn/zwgk/zcfg/zcjd/1791635.shtml",
        "还可以输入 140 个字",
        "为加快中国呼叫中心产业发展,提升中国呼叫中心运营管理水...",
        "  • 发布机构:攀枝花市经济和信息化局",
    ]:
        assert cleaning.is_boilerplate_line(line), line
    for line in ["一、总体要求", "(三)强化要素保障。建立规范的投融资机制", "陕西省人民政府办公厅", "2018年8月25日"]:
        assert not cleaning.is_boilerplate_line(line), line


def test_boilerplate_lines_of_government_portals():
    # furniture as provincial and city portals print it (bracketed buttons, 主办/承办 footers)
    for line in [
        "【打印本页】【关闭窗口】",
        "打印本页　　关闭窗口",
        "[ 打印 ] [ 关闭窗口 ]",
        "主办:广东省人民政府办公厅 承办:广东省政务服务数据管理局",
        "【我要纠错】 责任编辑:王磊",
        "来源:杭州市数据资源管理局 发布时间:2021-03-15 浏览次数:1024",
        "免责声明 | 网站地图",
        "关于我们 | 联系我们 | 版权声明",
        "【字号:默认大超大】 | 打印本页 | 关闭窗口",
        "发文机关:国务院办公厅",
        "发文字号:国办函〔2022〕102号",
        "标 题:国务院办公厅关于印发…的通知",
    ]:
        assert cleaning.is_boilerplate_line(line), line
    # sentences that start with the same words are text
    for line in [
        "关闭一批能耗高、效率低的小散数据中心,推动存量数据中心改造升级。",
        "打印、复印等政务服务自助终端向基层延伸,方便群众就近办理。",
    ]:
        assert not cleaning.is_boilerplate_line(line), line


def test_strip_page_furniture_drops_boilerplate_and_repeated_leads():
    lines = ["扫描二维码 关注我们", "一段重复的导语文字内容", "一段重复的导语文字内容", "正文第一段。"]
    kept, removed = cleaning.strip_page_furniture(lines)
    assert kept == ["一段重复的导语文字内容", "正文第一段。"]
    assert removed == ["扫描二维码 关注我们", "一段重复的导语文字内容"]


# --------------------------------------------------------------------------- where furniture may be removed

# A realistic notice (sentences from tests/devset/pages/035.txt and 066.txt) with lines that
# hold furniture words inside the document, between the title and the signature.
_TITLE = "重庆市渝中区人民政府办公室关于印发《重庆市渝中区新型智慧城市建设“十四五”规划(2021-2025年)》的通知"
_BODY = [
    "区级国家机关各部门,各管委会、街道办事处,有关单位:",
    "为加快推进“互联网+政务服务”工作,根据政务公开、信息惠民、“放管服”改革等相关文件精神,结合我区实际,制定本方案。",
    "一、推行“一码通办”。群众扫描二维码即可查询办事进度,在线提交申请材料。",
    "相关文件和办事指南由区政务服务中心统一发布,各部门不再另行印发。",
    "二、强化数据安全。各部门应制定并公开隐私政策,明确个人信息收集和使用规则。",
    "三、扫一扫亮码通行,逐步实现公共场所“一码通行”。",
    "技术支持:区大数据发展管理局",
    "承办单位:各街道办事处",
    "四、加强组织保障。各部门要落实主体责任,确保各项任务按期完成。",
    "重庆市渝中区人民政府办公室",
    "2022年5月17日",
]
_FOOTER = [
    "扫一扫在手机打开当前页",
    "主办单位:重庆市渝中区人民政府办公室",
    "网站标识码:5001030001",
    "渝ICP备05003300号",
]


def test_no_line_between_title_and_signature_is_removed():
    # 扫描二维码, 隐私政策, 扫一扫, 技术支持:, 承办单位:, 相关文件 were dropped (or cut the rest) wherever they stood
    lines = ["首页 > 政务公开 > 政策文件", "【字号:大 中 小】", _TITLE, *_BODY, *_FOOTER]
    kept, removed = cleaning.strip_page_furniture(lines)
    assert kept == ["首页 > 政务公开 > 政策文件", _TITLE, *_BODY]
    assert removed == ["【字号:大 中 小】", *_FOOTER]
    rules = {r.text: r.rule for r in cleaning.furniture_removals(lines)}
    assert rules["扫一扫在手机打开当前页"] == "share or QR prompt"
    assert rules["网站标识码:5001030001"] == "site footer"


def test_trailer_is_cut_only_below_the_document():
    # a policy sentence with 扫描二维码 (or a line starting 相关文件) in the second half cut everything after it
    lines = [_TITLE, *_BODY, "相关链接:", "关于印发渝中区数字经济发展规划的通知", *_FOOTER]
    page, trailer = cleaning.cut_trailer(lines)
    assert page == [_TITLE, *_BODY]
    assert trailer[0] == "相关链接:"


def test_share_bar_above_the_body_does_not_cut_the_document():
    # tests/devset/pages/035.txt: "分享到" under the title stood in the second half of the
    # excerpt, so the trailer cut took the whole notice with it
    text = (HERE / "devset" / "pages" / "035.txt").read_text(encoding="utf-8")
    docs, _ = parse_text(text, "035.txt")
    assert "已经区委第12次常委会区政府7次常务会同意" in docs[0].text
    assert "随着全球数字化不断发展" in docs[0].text


def test_repeated_lines_that_are_body_structure_stay():
    # a plan whose tasks each end with 责任单位:… / 完成时限:… kept 1 of 3
    tasks = []
    for n, task in enumerate(["建设城市大脑中枢平台。", "完善政务数据共享交换体系。", "推进城市运行一网统管。"], 1):
        tasks += [
            f"{n}.{task}统筹推进全市数据资源整合和开放共享。",
            "责任单位:市大数据局、市发展改革委",
            "完成时限:2023年底",
        ]
    lines = ["关于印发智慧城市建设三年行动计划的通知", *tasks, "某某市人民政府办公室", "2021年3月1日"]
    kept, removed = cleaning.strip_page_furniture(lines)
    assert kept == lines and removed == []


def test_repeated_header_lines_and_menus_are_furniture():
    title = "关于加快推进新型智慧城市建设的指导意见"
    menu = ["首页", "政务公开", "政策文件栏目导航"]
    body = ["各市(含定州、辛集市)人民政府,雄安新区管委会,省政府有关部门:", "为加快推进新型智慧城市建设,提出如下意见。"]
    lines = [*menu, title, "发布时间:2019-03-01", title, *body, *menu]
    kept, removed = cleaning.strip_page_furniture(lines)
    # above the document a title printed twice; below it the page's menu printed again
    assert kept == [*menu, title, "发布时间:2019-03-01", *body]
    assert removed == [title, *menu]


def test_furniture_block_inside_the_document_is_removed():
    # a share bar printed between a notice and the plan it transmits: a whole block of site furniture
    lines = [_TITLE, *_BODY[:3], "分享到:", "【打印本页】【关闭窗口】", *_BODY[3:]]
    kept, removed = cleaning.strip_page_furniture(lines)
    assert kept == [_TITLE, *_BODY]
    assert removed == ["分享到:", "【打印本页】【关闭窗口】"]


def test_document_span():
    lines = ["首页", _TITLE, *_BODY, *_FOOTER]
    # from the first sentence (the salutation above it belongs to the title block) to the signature
    assert cleaning.document_span(lines) == (3, 2 + len(_BODY))
    assert cleaning.document_span(["首页", "政务公开"]) == (0, 0)


def test_repeated_paragraphs_are_all_kept():
    # a large file of repeated paragraphs kept 29,032 of ~1.75 M characters: every repeat was dropped
    paragraph = [
        "一、总体要求。坚持以人民为中心,统筹推进新型智慧城市建设,提升城市治理现代化水平。",
        "二、重点任务。建设城市大脑,推进数据共享开放,完善数字基础设施。",
    ]
    text = "\n".join(["关于推进新型智慧城市建设的实施方案", *paragraph * 300, "某某市人民政府", "2021年3月1日"])
    docs, _ = parse_text(text, "big.txt")
    assert docs[0].text.count(paragraph[0]) == 300
    assert len(docs[0].text) == len("\n".join(paragraph * 300))


def test_last_sentence_with_furniture_words_stays_but_a_footer_promotion_goes():
    # the sentence closing the body holds 扫描二维码; the signature below shows the document goes on
    last = "群众扫描二维码即可查询规划实施进展,各部门要及时更新信息。"
    lines = [_TITLE, *_BODY[:2], last, "重庆市渝中区人民政府办公室", "2022年5月17日", *_FOOTER]
    page, trailer = cleaning.cut_trailer(lines)
    assert trailer == [] and cleaning.strip_page_furniture(page)[0] == lines[:6]
    # seeds/000_a249a4a87d6b376d.txt: a site's promotion below the last paragraph, then the trailer
    promo = '随时随地了解最新ICT产业资讯,请扫描二维码,或搜索"chnsourcing",关注中国外包网官方微信。'
    page, trailer = cleaning.cut_trailer([_TITLE, *_BODY[:2], promo, "编辑:崔蕾", "标签:", "分享到:"])
    assert page == [_TITLE, *_BODY[:2]] and trailer[0] == promo


def test_title_line_cut_short_is_dropped_when_one_print_spaces_it():
    # tests/devset/pages/045.txt: the title, then a flattened line printing it again with its 文号 and
    # addressees; the first print with a space inside ("数字 政府") is the same lead cut short
    lines = [
        "国务院关于加强数字 政府建设的指导意见",
        "国务院关于加强数字政府建设的指导意见 国发〔2022〕14号 各省、自治区、直辖市人民政府,国务院各部委、各直属 机构:"
        "加强数字政府建设是适应新一轮科技革命和产业变革 趋势",
    ]
    kept, removed = cleaning.strip_page_furniture(lines)
    assert removed == ["国务院关于加强数字 政府建设的指导意见"]
    assert kept == [lines[1]]
