"""Jurisdictions and core titles: a bare title resolves only inside the cited issuer's jurisdiction."""

from analysis.citations.resolve import Targets, cited_jurisdiction, core_title, jurisdiction, jurisdiction_from_context


def test_core_title_drops_issuer_wrapper_place_and_quotes():
    assert core_title("国务院关于印发“十四五”数字经济发展规划的通知") == "十四五数字经济发展规划"
    assert core_title("郑州市加快推进新型智慧城市建设的指导意见") == "加快推进新型智慧城市建设的指导意见"
    assert core_title("省政府关于加快推进新型智慧城市建设的指导意见") == "加快推进新型智慧城市建设的指导意见"
    assert core_title("国家新型城镇化规划（2014－2020年）") == core_title("国家新型城镇化规划(2014-2020年)")
    assert core_title("国务院关于积极推进「互联网+」行动的指导意见") == core_title("积极推进“互联网+”行动的指导意见")


def test_jurisdiction_keys():
    assert jurisdiction("ministry", "全国") == jurisdiction("central", "全国") == "全国"
    assert jurisdiction("provincial", "山东") == "provincial:山东"
    assert jurisdiction("prefecture", "河南", "郑州市人民政府") == "prefecture:410100"
    assert jurisdiction("prefecture", "河南").endswith("?")  # a city whose place is unknown matches nothing
    assert cited_jurisdiction("", "中华人民共和国网络安全法")[2] == "全国"
    assert cited_jurisdiction("", "“十四五”国家信息化规划")[2] == "全国"
    assert cited_jurisdiction("", "2006—2020年国家信息化发展战略")[2] == "全国"
    assert cited_jurisdiction("", "关于加快推进新型智慧城市建设的指导意见") == ("", "", "")


def test_context_words_name_the_citing_jurisdiction():
    city = ("prefecture", "江西", "九江市人民政府办公室", "")
    assert jurisdiction_from_context("省政府关于…", *city) == "provincial:江西"
    assert jurisdiction_from_context("结合我市实际", *city) == "prefecture:360400"
    assert jurisdiction_from_context("为落实", *city) == ""
    county = ("county", "浙江", "杭州市余杭区人民政府", "")
    assert jurisdiction_from_context("市政府", *county) == "prefecture:330100"
    assert jurisdiction_from_context("本省", "central", "全国", "国务院", "") == ""


def test_targets_match_by_number_then_title_and_jurisdiction():
    t = Targets(
        ["sd", "sx"],
        ["鲁政办字〔2020〕136号", ""],
        ["加快推进新型智慧城市建设的指导意见"] * 2,
        ["provincial:山东", "provincial:陕西"],
    )
    assert t.match("鲁政办字〔2020〕136号", "", "") == ("sd", "doc_number")
    assert t.match("", "加快推进新型智慧城市建设的指导意见", "provincial:陕西") == ("sx", "title and jurisdiction")
    assert t.match("", "加快推进新型智慧城市建设的指导意见", "provincial:河南") == (None, "not in corpus")
    assert t.match("", "加快推进新型智慧城市建设的指导意见", "") == (None, "jurisdiction unknown")
