"""A five-document corpus with hand-computed diffusion expectations, shared by tests/test_diffusion_*.py."""

from __future__ import annotations

import pandas as pd


def small_corpus() -> pd.DataFrame:
    """Documents a-e: one central, three provincial (Hebei, Shandong twice), one prefecture (Zhengzhou)."""
    rows = [
        # doc_id, year, date, level, region, issuer, text
        ("a", 2015, "2015-03-01", "central", "全国", "国务院", "推进大数据发展。大数据。"),
        ("b", 2017, "2017-05-01", "provincial", "河北", "河北省人民政府", "建设智慧城市,应用大数据。"),
        ("c", 2016, "2016-01-01", "provincial", "山东", "山东省人民政府", "建设智慧城市。"),
        ("d", 2018, "2018-01-01", "provincial", "山东", "", "发展大数据产业。"),
        ("e", 2018, "2018-06-01", "prefecture", "河南", "郑州市人民政府", "城市大脑建设。"),
    ]
    df = pd.DataFrame(rows, columns=["doc_id", "year", "date", "level", "region", "issuer", "text"])
    df["n_chars"] = df.text.str.len()
    return df
