"""Issuing bodies (analysis.metadata.issuer): split title lines, recognise organisation names."""

from analysis.metadata import ISSUER_SEPARATOR, join_issuers, leading_orgs, looks_like_org, split_issuer_title


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
    # tests/devset/pages/010.txt: the body after 转发 drafted what is forwarded, it does not issue
    assert split_issuer_title("关于转发市政务服务中心管理办公室《咸宁市政府大数据中心建设方案》的通知")[0] == ""


def test_sub_district_office_is_an_organisation_but_a_service_guide_is_not():
    assert looks_like_org("城关街道办事处")
    assert leading_orgs("城关街道办事处") == "城关街道办事处"
    assert leading_orgs("政务服务办事指南") == ""


def test_joint_issuers_are_separated_by_one_space():
    # tests/devset/holdout2/pages/040.txt: the title names nine bodies separated by 、
    printed = "民政部、中央政法委、中央网信办、发展改革委、工业和信息化部、公安部、财政部、住房城乡建设部、农业农村部"
    joined = join_issuers(printed)
    assert joined.split(ISSUER_SEPARATOR) == printed.split("、") and ISSUER_SEPARATOR == " "
    # the seeds' hand table prints joint signatures with a space (tests/test_corpus_load.py)
    seed = "国家发改委办公厅 中央网信办秘书局 国家标准委办公室"
    assert join_issuers(seed) == seed
    # one body whose name holds a 、 is kept whole
    assert join_issuers("农业农村(农牧)厅(局、委)") == "农业农村(农牧)厅(局、委)"
    assert join_issuers("市政府办") == "市政府办"


def test_lead_body_of_an_issuer_counting_others():
    from analysis.metadata import lead_body

    # tests/devset/holdout6/pages/012.txt: "住房和城鄉建設部等部門關于推動…的指導意見"
    assert lead_body("住房和城乡建设部等部门") == "住房和城乡建设部"
    assert lead_body("工业和信息化部等十部门") == "工业和信息化部"
    assert lead_body("省发展改革委等四部门") == "省发展改革委"
    assert lead_body("国家发展改革委") == "国家发展改革委"
    assert lead_body("各有关部门") == "各有关部门"  # no lead body named: unchanged


def test_issuer_of_a_title_line_with_a_layout_space_inside_a_name():
    from analysis.metadata import split_issuer_title

    # tests/devset/pages/086.txt with a space put into the issuer (a justified title line)
    assert split_issuer_title("福建省人 民政府关于数字福建智慧城市建设的指导意见")[0] == "福建省人民政府"
    # tests/devset/holdout3/pages/026.txt: the organisation ending is no proof the name is whole
    spaced = "武威市人 民政府办公室关于印发武威市新一代人工智能发展实施方案的通知"
    assert split_issuer_title(spaced)[0] == "武威市人民政府办公室"
    # a space between joint issuers separates them
    assert split_issuer_title("中共中央 国务院关于构建数据基础制度更好发挥数据要素作用的意见")[0] == "中共中央 国务院"


def test_a_title_led_by_a_short_form_government_names_it_as_printed():
    # tests/devset/holdout13/pages/020.txt and 003.txt: "省政府" / "市政府" lead the heading, the
    # place is printed elsewhere on the page (智慧江苏, the 文号 苏政发, the addressees)
    assert split_issuer_title("省政府关于推进智慧江苏建设的实施意见")[0] == "省政府"
    assert split_issuer_title("市政府关于加快推进“智慧徐州”建设的实施意见")[0] == "市政府"
    # a word that only ends in 政府 is no issuer; nor is a title that opens with 关于
    assert split_issuer_title("数字政府关于建设的若干问题")[0] == ""
    assert split_issuer_title("关于推进省政府信息公开的意见")[0] == ""


def test_a_layout_space_inside_one_name_is_read_across():
    # tests/devset/holdout14/pages/043.txt, its heading with a space inside the body's name (as
    # tests/devset/perturb.py's title_space variant prints it): the name read across the space
    heading = "厦门市人民防空办 公室电子证照管理制度"
    assert split_issuer_title(heading)[0] == "厦门市人民防空办公室"
    # joint issuers separated by a space stay two bodies
    assert split_issuer_title("中共中央 国务院数字中国建设整体布局规划")[0] == "中共中央 国务院"
