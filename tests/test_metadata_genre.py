"""Genre and issuer edge cases (analysis.metadata.genre, analysis.metadata.issuer)."""


def test_genre_and_issuer_edge_cases():
    from analysis.metadata import genre_of, split_issuer_title

    assert genre_of("北京市海淀区人民政府关于印发《海淀区城市大脑建设行动计划(2020—2022年)》的通知") == "计划"
    assert split_issuer_title("重庆市政务数据资源管理暂行办法")[0] == ""  # 办法 is no 办(公室)


def test_measures_tasks_and_press_answers():
    # titles of tests/devset/pages/012.txt, 082.txt, 067.txt
    from analysis.metadata import genre_of

    assert genre_of("关于深化改革创新促进数字经济高质量发展的若干措施") == "措施"
    assert genre_of("国家发展改革委关于印发《2020年新型城镇化建设和城乡融合发展重点任务》的通知") == "任务"
    assert genre_of("国家发展改革委有关负责同志就国家数字经济创新发展试验区有关情况答记者问") == "解读"


def test_forwarding_notice_takes_the_genre_of_what_it_forwards():
    # tests/devset/pages/010.txt: 关于转发…《咸宁市政府大数据中心建设方案》的通知
    from analysis.metadata import genre_of

    assert genre_of("关于转发市政务服务中心管理办公室《咸宁市政府大数据中心建设方案》的通知") == "方案"


def test_genre_behind_pinyin_glosses_and_a_lost_bracket():
    from analysis.metadata import genre_of

    # tests/devset/holdout/pages/032.txt as loaded: pinyin glosses and symbols injected by a mirror
    assert genre_of("国务院办公厅关于印发全国(gu≠ ó)一体化政务大数据体φλ(tǐ)系建设指南的(de)通知") == "指南"
    assert genre_of("关于印发5G产业发展行动方案(试行)的通知") == "方案"
    # tests/devset/holdout/pages/026.txt: the plan period lost its opening bracket in print
    assert genre_of("于都县新型智慧城市建设三年行动方案2022-2024年)") == "方案"


def test_top_level_design_is_a_genre():
    from analysis.metadata import genre_of

    # tests/devset/holdout3/pages/033.txt
    assert genre_of("天津市西青区人民政府关于印发“智慧西青”顶层设计的通知") == "设计"
    assert genre_of("“智慧西青”顶层设计") == "设计"
    assert genre_of("关于印发某某建筑设计的通知") == "通知"  # a design is not a policy genre


def test_guideline_and_a_revised_plan_with_its_period():
    from analysis.metadata import genre_of

    # tests/devset/holdout4/pages/004.txt: 指引 names guidelines as 指南 does, so it is a genre word
    assert genre_of("青岛市智慧城市建设领导小组办公室关于印发《青岛市城市云脑建设指引》的通知") == "指引"
    # tests/devset/holdout4/pages/014.txt: a plan period in brackets, then (修订版)
    assert genre_of("大兴区推进新型智慧城市建设行动计划(2018-2021年)(修订版)") == "计划"
    assert genre_of("数字政府建设行动方案2022-2024年)") == "方案"  # the period's "(" lost in print


def test_notice_sending_out_several_documents_takes_the_first_ones_genre():
    from analysis.metadata import genre_of

    # tests/devset/holdout6/pages/062.txt
    t = "齐齐哈尔市人民政府办公室关于印发《齐齐哈尔市政务云平台管理实施细则》等三个文件的通知"
    assert genre_of(t) == "细则"
    assert genre_of("关于印发《数据共享管理办法》《电子政务项目管理办法》等文件的通知") == "办法"
    assert genre_of("某市智慧城市建设促进条例") == "条例"
    assert genre_of("关于做好热线平台资源整合工作的通知") == "通知"


def test_a_bodys_rules_for_its_work_are_a_genre():
    from analysis.metadata import genre_of

    # tests/devset/holdout14/pages/043.txt: a heading and numbered articles only; the 规章制度 form
    assert genre_of("厦门市人民防空办公室电子证照管理制度") == "制度"
    # a notice setting up a 制度 is a notice
    assert genre_of("关于建立政务数据共享制度的通知") == "通知"


def test_a_heading_ending_in_zhidu_is_a_title():
    from analysis.parsing.page_title import is_title_line

    assert is_title_line("厦门市人民防空办公室电子证照管理制度")
    assert not is_title_line("第一条 为了促进电子证照应用和管理的规范化、便捷化,特制定本管理制度。")
