"""Issuing bodies (analysis.metadata.issuer): split title lines, recognise organisation names."""

from analysis.metadata import leading_orgs, looks_like_org, split_issuer_title


def test_ban_followed_by_a_verb_is_not_an_office():
    # tests/devset/pages/037.txt: "提案办理情况的复函" (办理 = handle) names no office
    assert leading_orgs("提案办理情况的复函") == ""
    assert leading_orgs("数字政府建设实施办法") == ""
    # 办 as an office still is one
    assert leading_orgs("市政府办 市大数据局") == "市政府办 市大数据局"


def test_government_office_is_one_name_and_forwarding_titles_name_their_issuer():
    # tests/devset/pages/065.txt: "白水县人民政府办公室转发《…》的通知"
    title = "白水县人民政府办公室转发《陕西省人民政府办公厅关于印发陕西省实体政务大厅管理暂行办法》的通知"
    assert split_issuer_title(title) == ("白水县人民政府办公室", title)
    assert leading_orgs("白水县人民政府办公室转发") == "白水县人民政府办公室"
    assert looks_like_org("宜兴市政府办公室")


def test_title_without_an_issuer():
    assert split_issuer_title("关于推进以县城为重要载体的城镇化建设的意见")[0] == ""


def test_sub_district_office_is_an_organisation_but_a_service_guide_is_not():
    assert looks_like_org("城关街道办事处")
    assert leading_orgs("城关街道办事处") == "城关街道办事处"
    assert leading_orgs("政务服务办事指南") == ""
