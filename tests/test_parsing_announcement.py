"""A repost's lead sentence announcing the document (analysis.parsing.announcement)."""

from analysis.parsing.announcement import find_announcement


def test_dated_announcement_of_the_notice_issuing_the_document():
    # tests/devset/pages/022.txt (cleaned): the notice is announced, the page prints the plan it issues
    text = (
        "2017年4月8日,河南省人民政府印发《河南省推进国家大数据综合试验区建设实施方案的通知》"
        "(豫政 〔2017〕11号)?!斗桨浮啡娜缦拢?"
    )
    a = find_announcement(text, "河南省推进国家大数据综合试验区建设实施方案")
    assert (a.issuer, a.date, a.doc_number) == ("河南省人民政府", "2017-04-08", "豫政〔2017〕11号")


def test_several_issuers_joined_by_a_comma_and_no_date():
    # tests/devset/pages/083.txt (cleaned)
    text = (
        "新华社北京5月6日电 近日,中共中央办公厅、国务院办公厅印发了"
        "《关于推进以县城为重要载体的城镇化建设的意见》,并发出通知"
    )
    a = find_announcement(text, "关于推进以县城为重要载体的城镇化建设的意见")
    assert (a.issuer, a.date, a.doc_number) == ("中共中央办公厅 国务院办公厅", "", "")


def test_announcement_of_another_document_or_no_title_gives_nothing():
    text = "2021年6月1日,自治区人民政府办公厅印发《宁夏回族自治区数字经济发展规划》(宁政办发〔2021〕30号)。"
    assert find_announcement(text, "宁夏回族自治区数字政府建设方案").issuer == ""
    assert find_announcement(text, "").issuer == ""
    # words before the issuer are trimmed; a non-organisation subject is not an issuer
    assert (
        find_announcement("为贯彻落实省政府办公厅印发《数字政府建设方案》要求", "数字政府建设方案").issuer
        == "省政府办公厅"
    )
    assert find_announcement("记者近日从会上获悉印发《数字政府建设方案》", "数字政府建设方案").issuer == ""


def test_reported_issue_date_of_another_year_than_the_doc_number_is_not_the_documents():
    # unlike the seeds: a notice numbered in 2017 reported in January 2018
    from analysis.parsing import parse_page

    doc, _ = parse_page(
        "四川省数字经济发展规划\n2018年1月5日,四川省人民政府印发《四川省数字经济发展规划的通知》(川府发〔2017〕60号)。\n"
        "为加快数字经济发展,制定本规划。\n一、总体要求\n",
        "page.txt",
    )
    assert (doc.issuer, doc.doc_number) == ("四川省人民政府", "川府发〔2017〕60号")
    assert (doc.date.iso, doc.date.source) == ("2017", "doc_number")


def test_matching_within_the_verbs_bounds_finds_what_the_whole_text_holds():
    # _search_bounds limits the costly match to the stretch between the first and last
    # 印发/发布/出台《; every match of the whole text must lie inside it, at its extremes too:
    # a date and spaces before the issuers, 、-joined issuers, the longest name and 文号 last.
    from analysis.parsing.announcement import _ANNOUNCE_RE, _search_bounds

    name, number = "数" * 120, "文" * 30
    texts = [
        "2017年12月31日,  \n河南省人民政府、河南省发展和改革委员会联合印发了《关于…的通知》(豫政〔2017〕11号)。",
        "正文。" * 50 + f"近日,国务院办公厅发布《{name}》({number})" + "。正文" * 50,
        f"2021年6月1日,自治区人民政府出台《方案一二》、省政府印发《方案三四》,国家发展改革委发布《{name}》",
        "没有任何公告的一段正文,只提到《数字政府建设方案》。",
        "",
    ]
    found = []
    for text in texts:
        bounds = _search_bounds(text)
        whole = [m.span() for m in _ANNOUNCE_RE.finditer(text)]
        assert whole == ([] if bounds is None else [m.span() for m in _ANNOUNCE_RE.finditer(text, *bounds)])
        found.append(whole)
    assert found[0] == [(0, len(texts[0]) - 1)]  # from the date to the 文号's bracket
    assert len(found[1]) == 1 and found[1][0][1] - found[1][0][0] == len(f"国务院办公厅发布《{name}》({number})")
    assert len(found[2]) == 3
    assert _search_bounds(texts[3]) is None and _search_bounds(texts[4]) is None


def test_announcement_of_a_title_leading_with_its_issuer_in_traditional_script():
    # tests/devset/holdout9/pages/021.txt: an encyclopedia's intro sentence names the body apart
    # from the title it announces ("農業部印發《關於…》" for "農業部關於…")
    text = "簡述\n2015年12月29日,農業部印發《關於推進農業農村大數據發展的實施意見》。\n意見\n"
    found = find_announcement(text, "農業部關於推進農業農村大數據發展的實施意見")
    assert (found.issuer, found.date) == ("農業部", "2015-12-29")
    # another body's name before it is no announcement of this title
    assert find_announcement(text, "財政部關於推進農業農村大數據發展的實施意見").issuer == ""
    # a title line a page spaced out is the same title
    assert find_announcement(text, "農業部關於推進農業 農村大數據發展的實施意見").date == "2015-12-29"


def test_announced_name_with_a_layout_space_still_names_the_document():
    # tests/devset/pages/022.txt (cleaned) with a space inside the 《》 name, as a justified line prints it
    text = (
        "2017年4月8日,河南省人民政府印发《河南省推进国家大数据 综合试验区建设实施方案的通知》"
        "(豫政 〔2017〕11号)?!斗桨浮啡娜缦拢?"
    )
    a = find_announcement(text, "河南省推进国家大数据综合试验区建设实施方案")
    assert (a.issuer, a.date, a.doc_number) == ("河南省人民政府", "2017-04-08", "豫政〔2017〕11号")
    assert find_announcement(text, "河南省推进国家大数据综合试验区建设 实施方案").doc_number == "豫政〔2017〕11号"
