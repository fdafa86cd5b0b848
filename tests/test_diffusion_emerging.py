"""emerging_terms and emerging_method."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import diffusion as D
from diffusion_corpora import small_corpus


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return small_corpus()


def test_emerging_terms_rise_after_the_split():
    # whitespace tokens so the counts are exact: 新词 6x after 2019 in two documents, never before;
    # 旧词 only before; 独词 5x after but in one document only (fails min_docs=2)
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "year": [2016, 2017, 2020, 2021],
            "text": [
                "旧词 旧词 旧词 基础 基础",
                "旧词 旧词 基础 基础 基础",
                "新词 新词 新词 独词 独词 独词 独词 独词 基础",
                "新词 新词 新词 基础",
            ],
        }
    )
    corpus["n_chars"] = corpus.text.str.len()
    em = D.emerging_terms(corpus, split_year=2019, min_count=5, min_docs=2, tokenizer=str.split)
    assert list(em.term) == ["新词"]
    row = em.iloc[0]
    assert (row.count_target, row.count_reference, row.docs_after, row.docs_before) == (6, 0, 2, 0)
    # G2 by hand: a = 6 (target), b = 0; target tokens 13, reference tokens 10, total 23
    e1 = 13 * 6 / 23
    assert row.g2 == pytest.approx(2 * 6 * np.log(6 / e1))
    assert "method" not in em.attrs  # the description is emerging_method(), not an attrs entry
    method = D.emerging_method(2019, min_count=5, min_docs=2)
    assert method == "G2 keyness of token counts, years >= 2019 vs < 2019; min_count=5, min_docs=2"
