"""Excerpts (analysis.metadata.excerpt): numbering that starts past 一, or a text cut off at an ellipsis."""

from analysis.metadata import detect_excerpt


def test_full_document_is_not_an_excerpt():
    body = "为推进智慧城市建设,制定本方案。\n一、总体要求\n(一)指导思想。坚持以人民为中心。\n二、重点任务\n加快建设。"
    assert detect_excerpt(body) == (False, "")


def test_numbering_that_starts_past_one_or_jumps():
    assert detect_excerpt("六、加强基层智慧治理能力建设\n推进社区治理。") == (True, "first section is 六、")
    assert detect_excerpt("一、总体要求\n坚持统筹。\n三、保障措施\n加强领导。")[1] == "sections jump from 一、 to 三、"


def test_text_cut_off_at_an_ellipsis_is_an_excerpt():
    # a portal teaser: the notice's text stops mid-sentence
    for end in ("……", "...", "…”", "。。。"):
        body = f"为深入贯彻落实党中央、国务院决策部署,加快推进新型智慧城市建设{end}"
        assert detect_excerpt(body) == (True, "text ends in an ellipsis (cut off)"), end
    # an ellipsis inside the text is a quotation's omission, not a cut
    assert detect_excerpt("坚持“创新、协调……共享”的发展理念,制定本方案。\n一、总体要求\n加快建设。") == (False, "")
