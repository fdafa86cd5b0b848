"""Side-by-side HTML view of a reused passage, for notebooks."""

from __future__ import annotations

import html

from .align import align_passages


class AlignmentHTML(str):
    """An HTML string that Jupyter renders instead of printing."""

    def _repr_html_(self) -> str:
        return str(self)


def format_alignment_html(a: str, b: str, *, labels: tuple[str, str] = ("source", "target")) -> AlignmentHTML:
    """Side-by-side HTML view of two passages with edits highlighted.

    Text only in ``a`` (deleted or replaced) is struck through on a red
    background in the left column; text only in ``b`` (inserted or
    replacing) is on a green background in the right column.

    Returns
    -------
    AlignmentHTML
        A ``str`` holding a small ``<table>``; displays as HTML in Jupyter.
    """
    left, right = [], []
    for op, x, y in align_passages(a, b):
        x, y = html.escape(x), html.escape(y)
        if op == "equal":
            left.append(x)
            right.append(y)
            continue
        if x:
            left.append(f'<del style="background:#fdd">{x}</del>')
        if y:
            right.append(f'<ins style="background:#dfd;text-decoration:none">{y}</ins>')
    cell = 'style="vertical-align:top;text-align:left;width:50%;white-space:pre-wrap"'
    la, lb = (html.escape(x) for x in labels)
    return AlignmentHTML(
        '<table class="reuse-alignment">'
        f"<tr><th>{la}</th><th>{lb}</th></tr>"
        f"<tr><td {cell}>{''.join(left)}</td><td {cell}>{''.join(right)}</td></tr>"
        "</table>"
    )
