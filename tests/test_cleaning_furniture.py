"""Web-page furniture (analysis.cleaning.furniture)."""

from analysis import cleaning


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
