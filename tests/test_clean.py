"""Cleaning steps, checked on real damaged snippets from the seeds."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from analysis import clean
from analysis.metadata import normalize_doc_number

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
COMPILATION = (SEEDS / "004_03387e22a2c5536b.txt").read_text(encoding="utf-8")
SHAANXI = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
ZHENGZHOU = (SEEDS / "002_cfdf9cd42da11f50.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- chunk markers


def test_chunk_markers_removed_and_split_words_rejoined():
    out = clean.remove_chunk_markers(COMPILATION)
    # "推進市政公用設施、\n6、建筑等物聯網應用" in the seed: a chunk break mid-phrase
    assert "\n6、建筑" in COMPILATION
    assert "推進市政公用設施、建筑等物聯網應用" in out
    # "...國民經濟和社會發展第十四個五年\n5、規劃" splits a word
    assert "第十四個五年規劃" in out
    assert out.count("\n") == 1  # preamble line + one joined body


def test_genuine_numbered_list_is_not_a_chunk_marker():
    # Shaanxi numbers its items 1、..6、 at line starts; those are content.
    out = clean.remove_chunk_markers(SHAANXI)
    assert out == SHAANXI
    assert "\n1、实施社会治理“一格通”" in out


# --------------------------------------------------------------------------- page numbers


def test_page_numbers_inside_sentences_are_removed():
    text = clean.undouble(clean.remove_chunk_markers(clean.normalize_width(COMPILATION)))
    out = clean.remove_page_numbers(text)
    assert "提升網絡安全41防護水平" in text
    assert "提升網絡安全防護水平" in out
    assert "建立部際協調機制" in out and "部際協17調" not in out
    assert "提供廣覆蓋、多層次、差異化" in out  # page 9 before a unit-like 次
    assert "發展智慧縣城" in out  # page 4 inside 县城


def test_page_number_removal_keeps_real_numbers():
    text = clean.undouble(clean.remove_chunk_markers(clean.normalize_width(COMPILATION)))
    out = clean.remove_page_numbers(text)
    assert "2016 年 12 月 16 日前" in out
    assert "全省建成 5G 基站 16 萬個以上" in out
    assert "DB37/T3890" in out
    # plain text without a page chain is untouched
    assert clean.remove_page_numbers(SHAANXI) == SHAANXI


# --------------------------------------------------------------------------- doubled runs


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("(二)(二)国家发改委办公厅国家发改委办公厅 中央网信办秘书局", "(二)国家发改委办公厅 中央网信办秘书局"),
        ("三、三、20162016 年评价组织方式年评价组织方式", "三、2016 年评价组织方式"),
        ("(国国发发202120212929 号)号)七、", "(国发202129 号)七、"),
        ("(20212021 年年 3 3 月)月)第五篇", "(2021 年 3 月)第五篇"),
        ("推进智慧城市建设推进智慧城市建设,推动城市公共基础设施", "推进智慧城市建设,推动城市公共基础设施"),
        ("(二十(二十)推进数字化改造推进数字化改造。建设", "(二十)推进数字化改造。建设"),
        ("(二)(二)", "(二)"),
        ("三、三、", "三、"),
    ],
)
def test_undouble_real_headings(damaged, repaired):
    assert clean.undouble(damaged) == repaired


def test_undouble_doc_number_then_normalise():
    out = clean.undouble("发改办高技发改办高技2016201624762476 号号")
    assert normalize_doc_number(out) == "发改办高技〔2016〕2476号"


@pytest.mark.parametrize(
    "genuine",
    [
        "人人享有基本公共服务",
        "要研究研究再决定",
        "到2020年,建设一批特色鲜明的新型智慧城市",
        "2020年12月31日",
        "实现“一卡多用、一卡通用”",
        "常常、天天、处处",
        "1010号文件",
    ],
)
def test_undouble_leaves_genuine_repeats(genuine):
    assert clean.undouble(genuine) == genuine


# --------------------------------------------------------------------------- script, pinyin, spaces


def test_traditional_to_simplified():
    assert clean.detect_script(ZHENGZHOU) == "traditional"
    assert clean.detect_script(SHAANXI) == "simplified"
    assert clean.to_simplified("鄭州市人民政府關于加快推進新型智慧城市建設") == "郑州市人民政府关于加快推进新型智慧城市建设"
    assert clean.to_simplified(SHAANXI) == SHAANXI


def test_ruby_pinyin_removed_but_latin_kept():
    assert clean.remove_ruby_pinyin("關(guān)于加快推進(jìn)") == "關于加快推進"
    assert clean.remove_ruby_pinyin("窄带物联网(NB-IoT)") == "窄带物联网(NB-IoT)"
    assert clean.remove_ruby_pinyin("张伟(zhang)") == "张伟(zhang)"  # no tone mark: not ruby


def test_width_and_spaces():
    assert clean.normalize_width("到２０２０年，建设（一）") == "到2020年,建设(一)"
    assert clean.normalize_spaces("科 学 技 术 部公安部") == "科学技术部公安部"
    assert clean.normalize_spaces("2014 年 8 月 27 日") == "2014年8月27日"
    assert clean.normalize_spaces("中共中央 国务院关于") == "中共中央 国务院关于"


def test_boilerplate_lines():
    for line in ["• 官方微信", "扫描二维码 关注我们", "编辑:崔蕾", "审核: 杨永彬   责任编辑: 廖梅先",
                 "Copyright © 2007 - 2023 Chnsourcing.com.cn All Rights Reserved", "点击下载此文件",
                 "http://jxj.panzhihua.gov.cn/zwgk/zcfg/zcjd/1791635.shtml", "还可以输入 140 个字",
                 "为加快中国呼叫中心产业发展,提升中国呼叫中心运营管理水...", "  • 发布机构:攀枝花市经济和信息化局"]:
        assert clean.is_boilerplate_line(line), line
    for line in ["一、总体要求", "(三)强化要素保障。建立规范的投融资机制", "陕西省人民政府办公厅", "2018年8月25日"]:
        assert not clean.is_boilerplate_line(line), line


def test_boilerplate_lines_of_government_portals():
    # furniture as provincial and city portals print it (bracketed buttons, 主办/承办 footers)
    for line in ["【打印本页】【关闭窗口】", "打印本页　　关闭窗口", "[ 打印 ] [ 关闭窗口 ]",
                 "主办:广东省人民政府办公厅 承办:广东省政务服务数据管理局", "【我要纠错】 责任编辑:王磊",
                 "来源:杭州市数据资源管理局 发布时间:2021-03-15 浏览次数:1024", "免责声明 | 网站地图",
                 "关于我们 | 联系我们 | 版权声明", "【字号:默认大超大】 | 打印本页 | 关闭窗口",
                 "发文机关:国务院办公厅", "发文字号:国办函〔2022〕102号", "标 题:国务院办公厅关于印发…的通知"]:
        assert clean.is_boilerplate_line(line), line
    # sentences that start with the same words are text
    for line in ["关闭一批能耗高、效率低的小散数据中心,推动存量数据中心改造升级。",
                 "打印、复印等政务服务自助终端向基层延伸,方便群众就近办理。"]:
        assert not clean.is_boilerplate_line(line), line


def test_mojibake_is_counted():
    assert clean.count_mojibake("推动第五代移动通信网络规?;渴?,建设") == 2
    assert clean.count_mojibake("见 http://x.cn/a?b=1 页面") == 0
    assert clean.count_mojibake("张伟??\n联系电话") == 1


# --------------------------------------------------------------------------- properties

_CLEAN_LINES = [ln.strip() for ln in SHAANXI.split("\n") if len(ln.strip()) > 10 and "扫描" not in ln]
_ALPHABET = st.sampled_from(list("智慧城市建设数据平台推进发展年月日号的和一二三四五六七八九十()、,。:“”《》 0123456789国發關於") + ["\n"])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_clean_text_is_idempotent(text):
    once = clean.clean_text(text)
    assert clean.clean_text(once) == once


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_CLEAN_LINES), min_size=1, max_size=8))
def test_clean_simplified_text_is_unchanged(lines):
    text = "\n".join(lines)
    assert clean.clean_text(text) == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_each_step_is_idempotent(text):
    for step in (clean.normalize_width, clean.remove_ruby_pinyin, clean.normalize_spaces, clean.remove_chunk_markers):
        once = step(text)
        assert step(once) == once, step.__name__


def test_dates_in_chinese_numerals():
    from analysis.metadata import find_dates

    got = [(d.iso, d.year) for d in find_dates("广西壮族自治区人民政府办公厅\n二〇一八年十二月二十九日\n二○二〇年十月印发")]
    assert got == [("2018-12-29", 2018), ("2020-10", 2020)]
    # an impossible day is not a date
    assert find_dates("二〇一八年二月三十五日") == []
