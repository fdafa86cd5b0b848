"""describe_*: every sentence true of the corpus it ran on (the province-and-cities corpus, the seeds, none)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.citations import find_citations
from analysis.citations.describe import (
    describe_citation_lags,
    describe_citations,
    describe_citations_and_reuse,
    describe_level_pairs,
    describe_most_cited,
)
from analysis.citations.network import citation_lags, citations_and_reuse, citations_by_level_pair, most_cited
from citation_corpora import load_citation_corpus


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    corpus = load_citation_corpus(tmp_path_factory.mktemp("describe"))
    return corpus, find_citations(corpus)


def test_describe_citations(tables):
    corpus, cites = tables
    text = describe_citations(cites, corpus)
    assert text.startswith(
        "**7 references** in 5 of the 5 documents: 1 by title and 文号, 5 by title only, 1 by 文号 only."
    )
    assert "**3** name a document of this corpus (2 by 文号, 1 by title within the cited issuer's jurisdiction)" in text
    assert "1 reference prints a title found in the corpus without saying whose it is" in text


def test_describe_seeds(seed_corpus):
    cites = find_citations(seed_corpus)
    text = describe_citations(cites, seed_corpus)
    assert "**13 references** in 8 of the 23 documents" in text
    assert "7 of the titles were printed without 《》" in text
    assert "**None** is resolved to a document of this corpus: every cited document lies outside it." in text
    assert (
        describe_most_cited(most_cited(cites, seed_corpus))
        == "No document is cited by more than one document of the corpus."
    )
    lags = describe_citation_lags(citation_lags(cites, seed_corpus))
    # the Zhengzhou interpretation's year is inferred from the 文号 it cites: its two lags are left out
    assert "Over 3 citations" in lags and "its date is the year in its 文号" in lags


def test_describe_network(tables):
    corpus, cites = tables
    assert describe_most_cited(most_cited(cites, corpus)) == (
        "Cited by more than one document: 2019 江西 加快推进新型智慧城市建设的指导意见 (2 citing documents)."
    )
    pairs = describe_level_pairs(citations_by_level_pair(cites, corpus))
    assert pairs.startswith("Of 6 citations whose cited level is known, 6 point up the hierarchy")
    assert "prefecture → provincial (4)" in pairs and "1 citation names no level" in pairs
    lags = describe_citation_lags(citation_lags(cites, corpus))
    # lags 0 (168 days), 1 (Jiujiang 2020-06-01 after 2019-03-05: 454 days) and 5 years (1651 days)
    assert "median **1 year**" in lags and "(range 0-5)" in lags and "median 454 days" in lags
    assert "Every cited date is the cited corpus document's own." in lags
    reuse = pd.DataFrame(
        {
            "source_doc_id": [cites.resolved_doc_id.iloc[1]],
            "target_doc_id": [cites.citing_doc_id.iloc[1]],
            "aligned_chars": [40],
        }
    )
    assert "**1** also share reused passages" in describe_citations_and_reuse(citations_and_reuse(cites, reuse))


def test_describe_nothing(tables):
    corpus, cites = tables
    none = cites.iloc[:0]
    assert describe_citations(none, corpus) == "None of the 5 documents prints a 《title》 or 文号 of another document."
    assert describe_most_cited(most_cited(none, corpus)) == "No document is cited."
    assert describe_level_pairs(citations_by_level_pair(none, corpus)).startswith("No citation names a level")
    assert describe_citation_lags(citation_lags(none, corpus)).startswith("No citation has a known date")
    assert describe_citations_and_reuse(citations_and_reuse(none, pd.DataFrame())).startswith("No citation is resolved")
