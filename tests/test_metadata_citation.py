"""Citation context (analysis.metadata.citation): a name or 文号 cited in running text is another document's.

Snippets from the development sets (file cited per test).
"""

from analysis.metadata import in_citation


def _at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_name_after_a_citing_verb_in_its_clause_is_cited():
    # tests/devset/holdout4/pages/022.txt (opening, simplified): a county opinion implementing a provincial notice
    s = (
        "为贯彻落实《中共江西省委办公厅江西省人民政府办公厅关于印发<江西省实施数字乡村发展战略的意见>的通知》精神,"
        "切实把数字乡村发展作为"
    )
    assert in_citation(s, *_at(s, "《中共江西省委"))
    # tests/devset/holdout4/pages/028.txt: 根据 in the last clause of a long sentence, the 文号 after the name
    s = (
        "进一步加强政府治理能力现代化建设,根据《黄山市人民政府关于印发<黄山市2019年数字政府建设推进工程实施方案>"
        "的通知》(黄政〔2019〕1号)精神,结合我区实际,制定本方案。"
    )
    start = s.index("《黄山市")
    assert in_citation(s, start)
    assert in_citation(s, s.index("黄政〔2019〕1号"))


def test_name_followed_by_what_the_cited_text_asks_is_cited():
    # no verb in the clause, but "…》等文件精神" refers to what the cited text asks
    s = (
        "国家发展改革委等5部门印发《加快推进落实<政务信息系统整合共享实施方案>工作方案》(发改高技〔2017〕1529号)"
        "等文件精神"
    )
    assert in_citation(s, *_at(s, "《加快推进落实<政务信息系统整合共享实施方案>工作方案》"))


def test_name_a_notice_sends_out_or_a_lead_announces_is_not_cited():
    # tests/devset/holdout4/pages/016.txt: the citing verb is in an earlier clause; the plan the
    # notice sends out (制定了《…》,现印发你们) is its own
    s = (
        "为贯彻落实《政务信息系统整合共享实施方案》(国办发〔2017〕39号)等文件精神,进一步加快推进政务信息系统整合共享工作,"
        "省发展改革委制定了《青海省政务信息系统整合共享实施方案》,现印发你们,请按照执行。"
    )
    assert in_citation(s, *_at(s, "《政务信息系统整合共享实施方案》"))
    assert not in_citation(s, *_at(s, "《青海省政务信息系统整合共享实施方案》"))
    # tests/devset/holdout4/pages/004.txt: 现将《X》印发给你们 (the transmittal's own annex)
    s = "现将《青岛市城市云脑建设指引》印发给你们,请结合实际,认真抓好贯彻落实。"
    assert not in_citation(s, *_at(s, "《青岛市城市云脑建设指引》"))
    # tests/devset/holdout4/pages/001.txt: a lead sentence announcing the document
    s = "2022年6月6日郑州市政府办公厅印发《郑州市“十四五”大数据发展规划》,加快推动大数据健康发展"
    assert not in_citation(s, *_at(s, "《郑州市“十四五”大数据发展规划》"))
