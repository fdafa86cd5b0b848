"""A site's listing line of a document taken for its title block (one concern of the title step).

A 公文's printed heading never carries its own 文号: a line naming the document with its 文号 in
brackets after the name ("关于推进沧州市“互联网+”现代农业行动的实施意见(沧政办发〔2017〕29号)") is
how a site lists or headlines the document.  When a repost prints such a listing just above the
salutation, under the document's own heading and its 文号 line, the heading is the title.
"""

from __future__ import annotations

import re

from ..metadata import genre_of, without_han_spaces
from .page_state import PageState
from .page_title import is_title_line, join_wrapped_title

# the document's 文号 in brackets closing a line ("…的实施意见(沧政办发〔2017〕29号)")
_LISTED_NUMBER_RE = re.compile(r"[(（]\s*(?P<number>[^()（）\s]{1,12}〔(?:19|20)\d{2}〕\d{1,4}号)\s*[)）]\s*$")


def heading_above_listing(page: PageState, first: int) -> None:
    """Replace a title block that is a site's listing line ("name(文号)" at ``page.lines[first]``,
    one line) with the document's heading printed above it: the title block (wrapped lines joined,
    spaces between Han characters dropped, as in '实 施 意 见') standing right over the same 文号
    alone on its line, and naming the same genre (holdout18 041).  Does nothing otherwise."""
    lines = page.lines
    listed = _LISTED_NUMBER_RE.search(lines[first])
    if listed is None or page.title_idx != first or first < 2:
        return
    if re.sub(r"\s", "", lines[first - 1]) != listed.group("number"):
        return
    head = [without_han_spaces(ln) for ln in lines[: first - 1]]
    if not is_title_line(head[-1]):
        return
    heading, start = join_wrapped_title(head, len(head) - 1)
    if heading == page.title or genre_of(heading) != genre_of(page.title):
        return
    page.title = heading
    page.note("title", heading, lines[start], "printed heading above a site's listing line 'name(文号)'")
