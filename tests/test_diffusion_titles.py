"""title_terms."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import diffusion as D
from diffusion_corpora import small_corpus


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return small_corpus()


def test_title_terms():
    titles = pd.DataFrame({"year": [2021, 2021, 2022], "title": ["数据安全", "智慧社区", "数字政府数据共享"]})
    tt = D.title_terms(titles, words=("数据", "智慧")).set_index(["year", "word"])
    assert tt.loc[(2021, "数据"), "n_with_word"] == 1 and tt.loc[(2021, "数据"), "share"] == 0.5
    assert tt.loc[(2022, "数据"), "n_titles"] == 1 and tt.loc[(2022, "智慧"), "n_with_word"] == 0
