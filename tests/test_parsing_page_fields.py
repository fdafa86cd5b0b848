"""Issuer and date of a single page (analysis.parsing.page_fields), through parse_page.

Snippets from the development sets (file cited per test), cleaned as the loader cleans them.
"""

from analysis.cleaning import clean_text
from analysis.parsing import parse_page


def _parse(text: str):
    return parse_page(clean_text(text), "page.txt")[0]


# tests/devset/holdout2/pages/011.txt (opening): a 维基文库 header block (title, 文号, date,
# 發布機關) above the title printed again, wrapped; no signature in the excerpt
STATE_COUNCIL = """國務院關於進一步擴大和升級信息消費持續釋放內需潛力的指導意見
國發〔2017〕40號
2017年8月13日
發布機關:中華人民共和國國務院
國務院關於進一步擴大和升級信息消費
持續釋放內需潛力的指導意見
各省、自治區、直轄市人民政府,國務院各部委、各直屬機構:
近年來,隨着互聯網技術與經濟社會深度融合,我國信息消費快速發展,正從以線上為主加快向線上線下融合的新形態轉變。
一、總體要求
"""


def test_date_under_the_own_doc_number_in_a_header_block():
    doc = _parse(STATE_COUNCIL)
    assert (doc.doc_number, doc.date.iso) == ("国发〔2017〕40号", "2017-08-13")
    assert doc.date.source == "dateline below the 文号"
    # a date under a cited number is not the document's own
    cited = STATE_COUNCIL.replace("國發〔2017〕40號\n2017年8月13日", "根據國發〔2016〕1號\n2017年8月13日")
    assert (_parse(cited).doc_number, _parse(cited).date) == ("", None)


# tests/devset/holdout2/pages/040.txt: a news repost whose notice title names nine joint
# issuers separated by 、 (the signature is cut from this snippet)
JOINT = """多部門聯合發布《關于深入推進智慧社區建設的意見》
民政部、中央政法委、中央網信辦、發展改革委、工業和信息化部、公安部、财政部、住房城鄉建設部、農業農村部印發《關于深入推進智慧社區建設的意見》的通知
民發〔2022〕29号
各省、自治區、直轄市民政廳(局)、政法委、網信辦:
現将《關于深入推進智慧社區建設的意見》印發給你們,請結合實際認真貫徹執行。
智慧社區是充分應用大數據、雲計算、人工智能等信息技術手段,整合社區各類服務資源的社區治理新形态。
"""


def test_joint_issuers_of_a_title_are_separated_by_a_space():
    doc = _parse(JOINT)
    bodies = "民政部 中央政法委 中央网信办 发展改革委 工业和信息化部 公安部 财政部 住房城乡建设部 农业农村部"
    assert doc.issuer == bodies
    assert (doc.level, doc.region) == ("ministry", "全国")


# tests/devset/holdout2/pages/032.txt (opening): a plan's cover dated by the month alone, a
# stray "." line between the title and the date, the site's previous/next links above
PLAN = """“十四五”国家信息化规划
維基文庫,自由的圖書館
“十三五”国家信息化规划 “十四五”国家信息化规划
.
2021年12月
“十四五”时期,信息化进入加快数字化发展、建设数字中国的新阶段。习近平总书记强调,没有信息化就没有现代化。
一、现状与形势
"""


def test_month_alone_under_the_title_dates_a_plan():
    doc = _parse(PLAN)
    assert doc.title == "“十四五”国家信息化规划"
    assert (doc.date.iso, doc.date.source) == ("2021-12", "dateline below the title (month)")
    assert (doc.issuer, doc.level, doc.region) == ("", "", "")
    # a month inside the text's first sentence is not the plan's date
    later = PLAN.replace(".\n2021年12月\n", "")
    assert _parse(later).date is None
