"""De-doubling (analysis.cleaning.undouble) on runs a PDF extractor printed twice."""

import pytest

from analysis import cleaning
from analysis.metadata import normalize_doc_number


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
    assert cleaning.undouble(damaged) == repaired


def test_undouble_doc_number_then_normalise():
    out = cleaning.undouble("发改办高技发改办高技2016201624762476 号号")
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
    assert cleaning.undouble(genuine) == genuine


def test_undouble_is_idempotent_on_a_fixpoint():
    once = cleaning.undouble("三、三、20162016 年评价组织方式年评价组织方式")
    assert cleaning.undouble(once) == once
