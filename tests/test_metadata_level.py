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


def test_body_named_without_its_place_sits_in_the_place_of_its_kind_the_title_names():
    # tests/devset/holdout2/pages/018.txt: "省人民政府关于印发湖北省电子政务“十二五”发展规划的通知"
    title = "省人民政府关于印发湖北省电子政务“十二五”发展规划的通知"
    assert classify_level("省人民政府", title)[:2] == ("provincial", "湖北")
    # tests/devset/holdout2/pages/035.txt: a county (英山县, of 黄冈市) needs its province
    title = "县人民政府办公室关于印发英山县宽带乡村惠民工程建设项目实施方案的通知"
    assert classify_level("县人民政府办公室", title)[:2] == ("county", "湖北")
    # a place of another kind is not the body's own: 市人民政府 is not the province the title names
    assert classify_level("市人民政府", "市人民政府关于贯彻湖北省电子政务规划的通知")[:2] == ("", "")
    # the 文号 or signature may name it instead (tests/devset/pages/027.txt: 六盘水府办发)
    assert classify_level(
        "市人民政府办公室", "市人民政府办公室关于印发新基建方案的通知", hints=("六盘水府办发〔2022〕10号",)
    )[:2] == ("prefecture", "贵州")


def test_title_without_issuer_or_place_tells_no_level():
    # tests/devset/holdout2/pages/032.txt: no issuer printed, the title names no place
    assert classify_level("", "“十四五”国家信息化规划", national_title=False)[:2] == ("", "")
    # a document known only by its title (a cited plan) is read as national
    assert classify_level("", "“十四五”国家信息化规划")[:2] == ("central", "全国")


def test_short_form_government_placed_by_the_page_source_else_level_of_its_kind():
    # tests/devset/holdout3/pages/014.txt: "省人民政府关于加快推进…", 来源: 湖北毕业生就业网
    title = "省人民政府关于加快推进“互联网+”行动的实施意见"
    level, region, evidence = classify_level("省人民政府", title, source_hints=("湖北毕业生就业网",))
    assert (level, region) == ("provincial", "湖北") and evidence.startswith("page source")
    assert classify_level("省人民政府", title)[:2] == ("provincial", "")
    assert classify_level("区人民政府", "")[:2] == ("county", "")
    # 市 is a prefecture or a county-level city: not told
    assert classify_level("市人民政府", "")[:2] == ("", "")
    # the source places only a body named without its place
    assert classify_level("教育部", "", source_hints=("湖北毕业生就业网",))[:2] == ("ministry", "全国")
    assert classify_level("", "", source_hints=("湖北毕业生就业网",))[:2] == ("", "")


def test_title_leading_body_without_its_place_is_placed_by_the_page_source():
    # tests/devset/holdout6/pages/043.txt: an interpretation printing no issuer, quoting a document
    # of "市农业农村局"; the page's 来源 names 武汉市农业农村局
    title = "市农业农村局关于“数字+农业” 指导意见(2020—2022年)"
    level, region, evidence = classify_level("", title, national_title=False, source_hints=("武汉市农业农村局",))
    assert (level, region) == ("prefecture", "湖北") and "武汉市" in evidence
    assert classify_level("", title, national_title=False)[:2] == ("", "")


def test_supreme_court_and_procuratorate_are_national_bodies():
    # tests/devset/holdout7/pages/011.txt: 最高人民法院 signs 法发〔2017〕12号 (annotated ministry / 全国)
    assert classify_level("最高人民法院")[:2] == ("ministry", "全国")
    assert classify_level("最高人民检察院")[:2] == ("ministry", "全国")
    # a province's high court is the province's
    assert classify_level("北京市高级人民法院")[:2] == ("provincial", "北京")


def test_province_abbreviation_of_the_doc_number_places_a_province_level_short_form():
    # tests/devset/holdout7/pages/022.txt: "省人民政府关于促进信息消费扩大内需的意见 鄂政发〔2014〕8号"
    title = "省人民政府关于促进信息消费扩大内需的意见"
    assert classify_level("省人民政府", title, hints=("", "鄂政发〔2014〕8号"))[:2] == ("provincial", "湖北")
    assert classify_level("自治区人民政府办公厅", hints=("桂政办发〔2020〕1号",))[:2] == ("provincial", "广西")
    assert classify_level("市人民政府", hints=("沪府发〔2020〕27号",))[:2] == ("provincial", "上海")
    # without a 文号 the province stays unknown (holdout7 009)
    assert classify_level("省人民政府办公厅", title)[:2] == ("provincial", "")
    # a prefecture's 文号 is ambiguous (扬府办发: 扬州; 宁政发: 南京, not 宁夏): never read
    assert classify_level("市政府办公室", hints=("扬府办发〔2014〕8号",))[:2] == ("", "")
    assert classify_level("市人民政府", hints=("宁政发〔2014〕8号",))[:2] == ("", "")


def test_a_municipal_commission_by_its_short_name_is_placed_by_its_department_number():
    # tests/devset/holdout16/pages/042.txt: "市商务委关于开展智慧菜场试点建设工作的通知", 文号 "沪商运行〔2021〕78号"
    assert classify_level("市商务委", hints=("沪商运行〔2021〕78号",))[:2] == ("provincial", "上海")
    assert classify_level("市经信委", hints=("渝经信发〔2020〕12号",))[:2] == ("provincial", "重庆")
    # a prefecture's department number is ambiguous and never read; without a number no place
    assert classify_level("市商务委", hints=("宁商发〔2021〕7号",))[:2] == ("", "")
    assert classify_level("市商务委")[:2] == ("", "")
