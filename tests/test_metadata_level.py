"""Level and region of an issuer (analysis.metadata.level)."""

from analysis.levels import LEVELS
from analysis.metadata import classify_level


def test_levels():
    assert classify_level("杭州市余杭区人民政府")[:2] == ("county", "浙江")
    assert classify_level("天津市人民政府办公厅")[:2] == ("provincial", "天津")
    assert classify_level("工业和信息化部")[:2] == ("ministry", "全国")
    assert classify_level("中共中央办公厅 国务院办公厅")[:2] == ("central", "全国")
    # ministries under their full state name are ministries, not the state
    assert classify_level("中华人民共和国住房和城乡建设部办公厅")[:2] == ("ministry", "全国")
    assert classify_level("中华人民共和国财政部")[:2] == ("ministry", "全国")
    assert classify_level("中华人民共和国国家发展和改革委员会")[:2] == ("ministry", "全国")
    # party bodies name their place after 中共
    assert classify_level("中共浙江省委办公厅 浙江省人民政府办公厅")[:2] == ("provincial", "浙江")
    assert classify_level("中共杭州市委办公厅")[:2] == ("prefecture", "浙江")
    # a local body named without its place is not a ministry; the text must say where
    assert classify_level("市大数据管理局")[0] != "ministry"
    assert classify_level("区发展和改革委员会", hints=("成都市武侯区",))[:2] == ("county", "四川")
    assert classify_level("", "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要")[:2] == (
        "central",
        "全国",
    )


def test_levels_come_from_analysis_levels():
    for issuer in ("杭州市余杭区人民政府", "天津市人民政府办公厅", "工业和信息化部", "国务院", "郑州市人民政府"):
        assert classify_level(issuer)[0] in LEVELS
