"""Which words policy titles use, by year."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["title_terms"]


def title_terms(
    titles: pd.DataFrame,
    words: Sequence[str] = ("数据", "数字", "智慧", "智能", "信息化", "互联网", "城市", "政务"),
    year_col: str = "year",
    title_col: str = "title",
) -> pd.DataFrame:
    """Which words policy titles use, by year: columns year, word, n_titles, n_with_word, share.

    Works on any table with titles and years, e.g. :func:`analysis.load_policy_list`
    (32 further policies of 2021-2023, known by title only) or the corpus itself.
    """
    t = titles[[year_col, title_col]].dropna()
    rows = []
    for y, grp in t.groupby(year_col):
        for w in words:
            k = int(grp[title_col].str.contains(w, regex=False).sum())
            rows.append({"year": int(y), "word": w, "n_titles": len(grp), "n_with_word": k, "share": k / len(grp)})
    return pd.DataFrame(rows, columns=["year", "word", "n_titles", "n_with_word", "share"])
