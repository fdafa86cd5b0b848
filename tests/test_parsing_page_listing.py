"""A site's listing line 'name(文号)' above the salutation (analysis.parsing.page_listing), through parse_text.

Snippets from the annotated development sets (file cited per test).
"""

import warnings

from analysis.parsing import parse_text


def _doc(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return parse_text(text, "page.txt")[0][0]


# tests/devset/holdout18/pages/041.txt (its first 15 lines, the body shortened): a repost opening with
# the site's headline, then the document's heading wrapped (issuer line, '关于…的实 施 意 见' spaced),
# its 文号 alone, and the site's listing 'name(文号)' right above the salutation
LISTING = """关于推进沧州市“互联网+”现代农业行动的实施意见(河北)

——文章来源:三农及新型经营主体(家庭农场农村合作社-专业大户-农业龙头企业)相关惠农扶持政策信息。

沧州市人民政府办公室

关于推进“互联网+”现代农业行动的实 施 意 见

沧政办发〔2017〕29号

关于推进沧州市“互联网+”现代农业行动的实施意见(沧政办发〔2017〕29号)

各县(市、区)人民政府,渤海新区、开发区、高新区管委会,市政府有关部门:

为加快推动“互联网+”现代农业发展,促进互联网创新成果与现代农业深度融合,结合我市实际,提出如下实施意见:

一、总体要求
"""


def test_the_printed_heading_above_a_sites_listing_line_is_the_title():
    doc = _doc(LISTING)
    assert doc.title == "沧州市人民政府办公室关于推进“互联网+”现代农业行动的实施意见"
    assert (doc.issuer, doc.doc_number, doc.level, doc.region, doc.genre) == (
        "沧州市人民政府办公室",
        "沧政办发〔2017〕29号",
        "prefecture",
        "河北",
        "意见",
    )


def test_a_listing_line_without_the_number_printed_alone_above_it_is_kept():
    # with no 文号 line between them the heading above is not known to be the listed document's
    doc = _doc(LISTING.replace("沧政办发〔2017〕29号\n\n关于推进沧州市", "关于推进沧州市"))
    assert doc.title == "关于推进沧州市“互联网+”现代农业行动的实施意见"
