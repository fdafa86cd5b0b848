"""find_citations: the seeds' references checked by hand, and a realistic corpus of a province and its cities."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.citations import CITATION_COLUMNS, find_citations
from citation_corpora import load_citation_corpus
from conftest import seed_row

# Every reference the seed documents print, read by hand from the seed text (grep 《 and
# 〔/(…号) in seeds/, and the titles after 贯彻落实/根据/依据 where the PDF lost the 《》):
# (citing document: its 文号 or title start, kind, cited 文号, cited title).
SEED_CITATIONS = [
    (
        "发改高技〔2014〕1770号",
        "both",
        "中发〔2014〕4号",
        "中共中央 国务院关于印发国家新型城镇化规划(2014-2020年)的通知",
    ),
    ("发改高技〔2014〕1770号", "both", "国发〔2013〕32号", "国务院关于促进信息消费扩大内需的若干意见"),
    ("发改办高技〔2016〕2476号", "title", "", "中华人民共和国国民经济和社会发展第十三个五年规划纲要"),
    ("发改办高技〔2016〕2476号", "title", "", "国家信息化发展战略纲要"),
    ("关于加快推进新型智慧城市建设的指导意见", "title", "", "河北省政务信息系统整合共享实施方案"),
    ("《郑州市人民政府", "title", "", "郑州市加快推进新型智慧城市建设的指导意见"),
    ("《郑州市人民政府", "both", "豫郑办〔2020〕27号", "河南省人民政府办公厅关于加快推进新型智慧城市建设的指导意见"),
    (
        "《郑州市人民政府",
        "both",
        "郑政文〔2020〕8号",
        "郑州市人民政府 关于印发郑州市加快数字经济发展实施方案(2020—2022年)的通知",
    ),
    (
        "发改办高技〔2020〕530号",
        "both",
        "发改规划〔2020〕831号",
        "国家发展改革委关于加快开展县城城镇化补短板强弱项工作的通知",
    ),
    ("关于加快新型智慧城市建设的指导意见", "title", "", "四川省跨行业信息通信基础设施合作建设指导意见"),
    ("关于加快新型智慧城市建设的指导意见", "title", "", "中华人民共和国网络安全法"),
    ("京大数据发〔2021〕1号", "title", "", "北京城市总体规划"),
    ("津政办发〔2021〕52号", "title", "", "天津市国民经济和社会发展第十四个五年规划和二三五年远景目标纲要"),
]


@pytest.fixture(scope="module")
def seed_citations(seed_corpus):
    return find_citations(seed_corpus)


def test_every_seed_citation_is_found(seed_corpus, seed_citations):
    expected = {(seed_row(seed_corpus, doc).doc_id, kind, number, title) for doc, kind, number, title in SEED_CITATIONS}
    found = set(
        seed_citations[["citing_doc_id", "kind", "cited_doc_number", "cited_title"]].itertuples(index=False, name=None)
    )
    assert found == expected
    assert list(seed_citations.columns) == CITATION_COLUMNS


def test_no_seed_citation_names_a_seed_document(seed_corpus, seed_citations):
    # None of the documents the seeds cite is itself in the seeds (checked by hand: the
    # compilation holds the 14th five-year outline, Tianjin cites Tianjin's own outline).
    # The Henan guidance shares its bare title with the Shaanxi, Hebei and Shandong
    # guidances of the seeds: its jurisdiction (河南) keeps it from resolving to any of them.
    assert (seed_citations.resolved_doc_id == "").all()
    henan = seed_citations[seed_citations.cited_doc_number == "豫郑办〔2020〕27号"].iloc[0]
    assert (henan.cited_level, henan.cited_region, henan.resolution) == ("provincial", "河南", "not in corpus")


def test_own_numbers_and_short_forms_are_not_citations(seed_corpus, seed_citations):
    own = set(seed_corpus.doc_number) - {""}
    assert not own & set(seed_citations.cited_doc_number)
    # 以下简称《意见》 and the later 《意见》 of the Zhengzhou interpretation are back-references
    assert "意见" not in set(seed_citations.cited_title)
    # 以下简称“十三五”规划纲要: the short form used later is not a second citation
    assert "“十三五”规划纲要" not in set(seed_citations.cited_title)


def test_cited_year_and_issuer(seed_citations):
    row = seed_citations[seed_citations.cited_doc_number == "国发〔2013〕32号"].iloc[0]
    assert (row.cited_year, row.cited_issuer, row.cited_level) == (2013, "国务院", "central")
    law = seed_citations[seed_citations.cited_title == "中华人民共和国网络安全法"].iloc[0]
    assert (law.cited_level, law.cited_region, law.marked) == ("central", "全国", True)
    assert "落实《中华人民共和国网络安全法》" in law.context


@pytest.fixture(scope="module")
def province_and_cities(tmp_path_factory):
    corpus = load_citation_corpus(tmp_path_factory.mktemp("citations"))
    return corpus, find_citations(corpus)


def _doc(corpus: pd.DataFrame, place: str) -> str:
    return corpus.loc[corpus.issuer.str.startswith(place), "doc_id"].item()


def test_realistic_corpus_resolutions(province_and_cities):
    corpus, cites = province_and_cities
    national, jiangxi = _doc(corpus, "国家发展改革委"), _doc(corpus, "江西省")
    nanchang, jiujiang, quanzhou = _doc(corpus, "南昌市"), _doc(corpus, "九江市"), _doc(corpus, "泉州市")
    got = {
        (r.citing_doc_id, r.cited_doc_number or r.cited_title): (r.resolved_doc_id, r.resolution)
        for r in cites.itertuples()
    }
    assert got == {
        # the national guidance cites the urbanisation plan, not in the corpus; its own
        # 现将《关于促进智慧城市健康发展的指导意见》印发给你们 is not a citation
        (national, "国家新型城镇化规划(2014-2020年)"): ("", "not in corpus"),
        # the province cites the national guidance by title and 文号
        (jiangxi, "发改高技〔2014〕1770号"): (national, "doc_number"),
        # a city cites its province by 文号 alone
        (nanchang, "赣府发〔2019〕12号"): (jiangxi, "doc_number"),
        # a city cites it by title only: 省政府 names the city's own province
        (jiujiang, "省政府关于加快推进新型智慧城市建设的指导意见"): (jiangxi, "title and jurisdiction"),
        # another province's city: the same words name Fujian's guidance, not Jiangxi's
        (quanzhou, "省政府关于加快推进新型智慧城市建设的指导意见"): ("", "not in corpus"),
        (quanzhou, "福建省数字政府建设总体方案"): ("", "not in corpus"),
        # a bare title naming no jurisdiction is not guessed (Jiujiang's title, but whose?)
        (quanzhou, "关于推进智慧城市建设的实施意见"): ("", "jurisdiction unknown"),
    }


def test_realistic_corpus_kinds_and_levels(province_and_cities):
    _corpus, cites = province_and_cities
    by_number = cites[cites.cited_doc_number == "赣府发〔2019〕12号"].iloc[0]
    assert (by_number.kind, by_number.cited_year, by_number.marked) == ("doc_number", 2019, False)
    fujian = cites[(cites.cited_issuer == "省政府") & (cites.resolved_doc_id == "")].iloc[0]
    assert (fujian.cited_level, fujian.cited_region) == ("provincial", "福建")


def test_duplicate_copy_resolves_to_canonical_and_is_not_self(province_and_cities):
    corpus, _ = province_and_cities
    jiangxi = corpus[corpus.issuer.str.startswith("江西省")].iloc[0]
    copy = jiangxi.copy()
    copy["doc_id"], copy["duplicate_of"] = "copy-of-jiangxi", jiangxi.doc_id
    cites = find_citations(pd.concat([corpus, copy.to_frame().T], ignore_index=True))
    assert not ((cites.citing_doc_id == "copy-of-jiangxi") & (cites.resolved_doc_id == jiangxi.doc_id)).any()
    nanchang = cites[cites.cited_doc_number == "赣府发〔2019〕12号"]
    assert nanchang.resolved_doc_id.tolist() == [jiangxi.doc_id]


def test_policy_list_and_one_document_without_references():
    doc = pd.DataFrame(
        {
            "doc_id": ["a"],
            "title": ["成都市人民政府关于推进智慧蓉城建设的意见"],
            "issuer": ["成都市人民政府"],
            "level": ["prefecture"],
            "region": ["四川"],
            "doc_number": [""],
            "text": ["根据《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号），提出如下意见。"],
        }
    )
    listed = pd.DataFrame(
        {"no": [7], "issuer": ["国务院"], "title": ["关于加强数字政府建设的指导意见"], "doc_number": [""]}
    )
    cites = find_citations(doc, listed)
    assert cites.resolved_list_no.tolist() == [7]  # by title within the national jurisdiction
    assert cites.resolution.tolist() == ["not in corpus"]
    empty = find_citations(doc.assign(text=["提出如下意见。"]))
    assert empty.empty and list(empty.columns) == CITATION_COLUMNS


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="text"):
        find_citations(pd.DataFrame({"doc_id": ["a"], "title": [""], "issuer": [""], "level": [""], "region": [""]}))


def test_own_title_without_issuer_is_not_a_citation():
    # devset page 078: the transmittal names its own attachment by a title without issuer
    doc = pd.DataFrame(
        {
            "doc_id": ["pl"],
            "title": ["中共平凉市委办公室 平凉市人民政府办公室关于印发“智慧平凉”建设总体规划(2013-2020年)的通知"],
            "issuer": ["中共平凉市委办公室 平凉市人民政府办公室"],
            "level": ["prefecture"],
            "region": ["甘肃"],
            "doc_number": [""],
            "text": [
                "《“智慧平凉”建设总体规划(2013-2020年)》已经市委、市政府审定,现予以印发,请遵照执行。"
                "根据《甘肃省十二五国民经济和社会发展信息化规划》等有关精神,特制定本规划。"
                "来源:光明网-《光明日报》"
            ],
        }
    )
    cites = find_citations(doc)
    assert cites.cited_title.tolist() == ["甘肃省十二五国民经济和社会发展信息化规划"]
    assert (cites.cited_level.item(), cites.cited_region.item()) == ("provincial", "甘肃")


def test_plans_and_guidance_of_the_seeds_resolve_by_title(seed_corpus):
    # a Shandong city's page citing seed documents by title only, as local documents do
    city = pd.DataFrame(
        {
            "doc_id": ["2023-prefecture-山东-test"],
            "title": ["济南市人民政府关于推进数字济南建设的实施意见"],
            "issuer": ["济南市人民政府"],
            "level": ["prefecture"],
            "region": ["山东"],
            "doc_number": [""],
            "date": ["2023-02-01"],
            "year": [2023],
            "text": [
                "为贯彻落实《“十四五”国家信息化规划》《“十四五”数字经济发展规划》和《中华人民共和国国民经济和"
                "社会发展第十四个五年规划和2035年远景目标纲要》,落实《省政府办公厅关于加快推进新型智慧城市建设的"
                "指导意见》和《山东省“十四五”数字强省建设规划》,遵守《中华人民共和国网络安全法》,制定本意见。"
            ],
        }
    )
    corpus = pd.concat([seed_corpus, city], ignore_index=True)
    cites = find_citations(corpus)
    mine = cites[cites.citing_doc_id == "2023-prefecture-山东-test"]
    got = dict(zip(mine.cited_title, zip(mine.resolved_doc_id, mine.resolution)))
    assert got == {
        "“十四五”国家信息化规划": (seed_row(corpus, "中央网络安全和信息化委员会").doc_id, "title and jurisdiction"),
        # no issuer and no 国家 in the title; only the State Council's document bears it
        "“十四五”数字经济发展规划": (seed_row(corpus, "国发〔2021〕29号").doc_id, "title, national only"),
        "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要": (
            seed_row(corpus, "中华人民共和国 国民经济").doc_id,
            "title and jurisdiction",
        ),
        # 省政府办公厅 names the city's province: Shandong's guidance, not Shaanxi's or Hebei's
        "省政府办公厅关于加快推进新型智慧城市建设的指导意见": (
            seed_row(corpus, "鲁政办字〔2020〕136号").doc_id,
            "title and jurisdiction",
        ),
        "山东省“十四五”数字强省建设规划": (seed_row(corpus, "鲁政字〔2021〕128号").doc_id, "title and jurisdiction"),
        "中华人民共和国网络安全法": ("", "not in corpus"),
    }
    # the seeds' own citations are unchanged by the new document
    assert (cites[cites.citing_doc_id != "2023-prefecture-山东-test"].resolved_doc_id == "").all()


def test_the_compilations_policy_list_resolves_listed_policies(seed_corpus):
    import analysis

    listed = analysis.load_policy_list(corpus=seed_corpus)
    doc = seed_corpus.iloc[:1].assign(
        doc_id="x",
        doc_number="",
        text="根据《“十四五”大数据产业发展规划》和《民政部等九部门关于深入推进智慧社区建设的意见》(民发〔2022〕29号)。",
    )
    cites = find_citations(pd.concat([seed_corpus, doc], ignore_index=True), listed)
    mine = cites[cites.citing_doc_id == "x"]
    # list no. 13 (工业和信息化部, by a title only national documents bear) and no. 20 (by 文号)
    assert mine.resolved_list_no.tolist() == [13, 20]
    assert mine.resolution.tolist() == ["not in corpus", "not in corpus"]
