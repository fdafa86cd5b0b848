"""format_alignment_html: the side-by-side HTML view."""

from __future__ import annotations

from analysis.reuse import (
    format_alignment_html,
)


def test_format_alignment_html_highlights_edits_and_escapes():
    html = format_alignment_html("医疗卫生、计划生育、劳动就业<a>", "医疗卫生、劳动就业、养老<a>")
    assert isinstance(html, str) and html._repr_html_() == html
    assert '<del style="background:#fdd">计划生育、</del>' in html
    assert "养老" in html and "<ins" in html
    assert "&lt;a&gt;" in html and "<a>" not in html
    assert html.startswith("<table") and html.endswith("</table>")
