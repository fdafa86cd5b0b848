"""extract_references: 《》 with nesting, 文号 attached to titles, unmarked titles, short forms."""

from analysis.citations.extract import extract_references, sentence_at


def _refs(text):
    return [(r.title, r.doc_number, r.marked) for r in extract_references(text)]


def test_nested_title_and_its_number():
    text = "根据《国务院办公厅关于印发〈“十四五”推进国家政务信息化规划〉的通知》（国办发〔2021〕31号），制定本方案。"
    assert _refs(text) == [("国务院办公厅关于印发〈“十四五”推进国家政务信息化规划〉的通知", "国办发〔2021〕31号", True)]
    inner = "落实《关于印发《数字乡村发展战略纲要》的通知》要求。"
    assert _refs(inner) == [("关于印发《数字乡村发展战略纲要》的通知", "", True)]


def test_number_alone_and_damaged_brackets():
    assert _refs("按照国发[2015]50号文件要求。") == [("", "国发〔2015〕50号", False)]


def test_unmarked_titles_after_a_verb_of_compliance_and_in_a_list():
    text = (
        "为贯彻落实国务院关于促进信息消费扩大内需的若干意见(国发201332号)"
        "和中共中央办公厅关于加强基层治理的意见,制定本意见。"
    )
    assert _refs(text) == [
        ("国务院关于促进信息消费扩大内需的若干意见", "国发〔2013〕32号", False),
        ("中共中央办公厅关于加强基层治理的意见", "", False),
    ]


def test_phrases_that_are_not_titles():
    # a requirement, a spirit and a generic 文件 are not documents; nor a phrase naming no body
    text = "按照走集约、智能、绿色的总体要求,落实全国网络安全和信息化工作会议部署,认真落实本指导意见提出的各项任务。"
    assert _refs(text) == []
    for generic in ("按照国家有关规定,", "落实国家重大战略规划,", "按照国家统一规划,", "按照国务院统一部署和规划,",
                    "依据国家标准规定,", "贯彻落实国家网络安全法,", "按照国家发展改革委规定,"):  # fmt: skip
        assert _refs(generic) == [], generic


def test_short_forms_and_bare_genre_words_are_back_references():
    text = "《江西省数字政府建设方案》(以下简称《方案》)提出目标。《方案》要求各地落实。本《意见》自印发之日起施行。"
    assert _refs(text) == [("江西省数字政府建设方案", "", True)]


def test_sentence_context():
    text = "第一句。为落实《某省规划》,制定本方案。第三句。"
    ref = extract_references(text)[0]
    assert sentence_at(text, ref.position, ref.end) == "为落实《某省规划》,制定本方案。"
