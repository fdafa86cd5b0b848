"""Figures comparing groups: word clouds per level, title words by year."""

import warnings

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis import plotting

FREQ = pd.DataFrame(
    {
        "level": ["provincial", "provincial", "central", "central", "county"],
        "term": ["智慧城市", "大数据", "数字政府", "数据要素", "城市大脑"],
        "count": [9, 4, 7, 3, 2],
    }
)


def test_one_cloud_per_level_in_hierarchical_order(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph would warn
        fig = plotting.plot_wordclouds(
            FREQ, n_docs=pd.Series({"central": 2, "provincial": 1, "county": 1}), path=tmp_path / "clouds.png"
        )
    assert isinstance(fig, Figure)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == ["central (2 documents)", "provincial (1 document)", "county (1 document)"]
    assert len(fig.axes) == 4  # 3 clouds in a 2 x 2 grid
    assert sum(1 for ax in fig.axes if ax.images) == 3
    assert (tmp_path / "clouds.png").stat().st_size > 10_000


def test_title_words_bars_name_the_titles_behind_each_year(tmp_path):
    words = pd.DataFrame(
        {"word": ["智慧", "数字", "智慧", "数字"], "year": [2019, 2019, 2022, 2022], "share": [0.5, 0.25, 0.2, 0.6]}
    )
    ax = plotting.plot_title_words(words, n_titles=pd.Series({2019: 4, 2022: 5}), path=tmp_path / "t.png")
    assert isinstance(ax, Axes)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["2019 (4 titles)", "2022 (5 titles)"]
    heights = sorted(round(p.get_height(), 2) for p in ax.patches)
    assert heights == [0.2, 0.25, 0.5, 0.6]
