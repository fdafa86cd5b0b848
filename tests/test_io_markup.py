"""HTML and Markdown to text (analysis.io.markup)."""

from analysis.io import html_to_text, markdown_to_text


def test_html_to_text_keeps_inline_markup_in_its_line():
    html = (
        "<html><head><title>标题_网站</title></head><body><div>首页</div>"
        "<p>第一段<strong>加粗</strong>继续<a href='#'>链接</a>。</p>"
        "<table><tr><td>文号:</td><td>国发〔2022〕14号</td></tr></table><p>第二段<br>换行</p></body></html>"
    )
    assert html_to_text(html).split("\n") == [
        "首页",
        "第一段加粗继续链接。",
        "文号: 国发〔2022〕14号",
        "第二段",
        "换行",
    ]


def test_markdown_to_text_drops_syntax_keeps_words():
    md = "# 标题\n\n> 引用**加粗**和 *强调*\n- 项目 [链接](http://x.cn) ![图](a.png)\n---\n1. 第一项"
    assert markdown_to_text(md).split("\n") == ["标题", "", "引用加粗和 强调", "项目 链接 ", "1. 第一项"]
