"""Title-block conventions of 公文 (analysis.parsing.page_heading); whole pages are in
tests/test_parsing_page.py (heading with a full stop, removed last line, promulgation 公告, 转发 by 文号)."""

from analysis.parsing.page_heading import unstopped_heading


def test_heading_full_stop_removed_only_in_a_title_block():
    # tests/devset/holdout7/pages/018.txt (simplified): heading, 文号 and addressees each stopped
    lines = [
        "国务院关于大力推进信息化发展和切实保障信息安全的若干意见。",
        "国发〔2012〕23号。",
        "各省、自治区、直辖市人民政府:",
    ]
    assert unstopped_heading(lines)[0] == "国务院关于大力推进信息化发展和切实保障信息安全的若干意见"
    # followed by the addressees directly
    assert unstopped_heading([lines[0], lines[2]])[0] == lines[0][:-1]
    # a sentence ending in a genre word, followed by the text, keeps its stop
    body = ["第二条 本省行政区域内的大数据活动适用本办法。", "第三条 大数据工作应当坚持统筹规划。"]
    assert unstopped_heading(body) == body
