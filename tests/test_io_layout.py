"""Page furniture removed by its place on the page; wrapped lines rejoined by geometry."""

from analysis.io.layout import Line, Page, furniture_lines, page_texts, paged_text

W, H = 595.0, 842.0


def _body(text: str, top: float, x0: float = 72.0, x1: float = 523.0) -> Line:
    return Line(text, x0, x1, top, top + 11)


def _page(number: int, body: list[Line], header: str | None = "某某市人民政府文件") -> Page:
    lines = [_body(header, 40.0, x1=200.0)] if header else []
    lines += body
    lines.append(_body(f"- {number} -", 800.0, x0=285.0, x1=310.0))
    return Page(W, H, lines)


def test_running_header_and_page_numbers_recurring_in_the_margins_are_furniture():
    pages = [_page(n, [_body(f"正文第{n}页。", 200.0, x1=150.0)]) for n in (1, 2, 3)]
    found = furniture_lines(pages)
    assert found == {(p, 0) for p in range(3)} | {(p, 2) for p in range(3)}
    texts = page_texts(pages)
    assert texts == ["正文第1页。\n", "正文第2页。\n", "正文第3页。\n"]
    removed = paged_text(pages).furniture
    assert removed[:2] == [(1, "某某市人民政府文件"), (1, "- 1 -")]


def test_body_lines_and_single_pages_are_never_furniture():
    # the same sentence in the middle of two pages is body text, however often it recurs
    pages = [_page(n, [_body("一、总体要求", 300.0, x1=150.0)], header=None) for n in (1, 2)]
    assert furniture_lines(pages) == {(0, 1), (1, 1)}  # only the page numbers
    one = [_page(1, [_body("正文。", 300.0, x1=120.0)])]
    assert furniture_lines(one) == set()  # nothing recurs on a one-page file


def test_a_margin_line_on_fewer_than_half_the_pages_stays():
    pages = [_page(n, [_body("正文。", 300.0, x1=120.0)], header="附件" if n == 1 else None) for n in (1, 2, 3, 4, 5)]
    assert (0, 0) not in furniture_lines(pages)
    assert page_texts(pages)[0].startswith("附件\n")


def test_wrapped_lines_join_but_indented_lines_and_sentence_ends_break():
    lines = [
        _body("  为加快推进全省新型智慧城市建设,经省政府同意,现提出以下", 100, x0=94.0),
        _body("指导意见,请认真贯彻执行", 117, x1=250.0),  # stops short: the paragraph ends
        _body("一、总体要求", 134, x1=140.0),
        _body("  坚持以释放数据红利为核心,以统一的数据资源网为载体推进建设。", 151, x0=94.0),  # ends a sentence
        _body("  创新驱动。落实国家创新驱动发展战略,探索机制创新、理念创新", 168, x0=94.0),  # next is indented
        _body("  共享协同。", 185, x0=94.0, x1=160.0),
    ]
    text = page_texts([Page(W, H, lines)])[0]
    assert text.splitlines() == [
        "为加快推进全省新型智慧城市建设,经省政府同意,现提出以下指导意见,请认真贯彻执行",
        "一、总体要求",
        "坚持以释放数据红利为核心,以统一的数据资源网为载体推进建设。",
        "创新驱动。落实国家创新驱动发展战略,探索机制创新、理念创新",
        "共享协同。",
    ]


def test_a_paragraph_continues_across_the_page_break():
    first = Page(W, H, [_body("第一页最后一行写到了右边距", 700)])
    second = Page(W, H, [_body("第二页接着写完。", 100, x1=200.0)])
    texts = page_texts([first, second])
    assert texts == ["第一页最后一行写到了右边距", "第二页接着写完。\n"]
    assert "".join(texts) == "第一页最后一行写到了右边距第二页接着写完。\n"


def test_latin_words_split_by_the_wrap_keep_a_space():
    lines = [_body("推进 smart", 100), _body("city 建设", 117, x1=200.0)]
    assert page_texts([Page(W, H, lines)]) == ["推进 smart city 建设\n"]


def test_letter_spacing_between_chinese_characters_is_dropped_but_latin_spaces_stay():
    lines = [_body("通    知", 100, x0=280.0, x1=320.0), _body("推进 5G 网络 建设", 117, x1=200.0)]
    assert page_texts([Page(W, H, lines)]) == ["通知\n推进 5G 网络建设\n"]
