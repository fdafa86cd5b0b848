"""Citation network tables on the province-and-cities corpus, checked against its text by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.citations import find_citations
from analysis.citations.network import (
    citation_lags,
    citation_network,
    citations_and_reuse,
    citations_by_level_pair,
    lag_distribution,
    most_cited,
)
from citation_corpora import load_citation_corpus


@pytest.fixture(scope="module")
def corpus_and_citations(tmp_path_factory):
    corpus = load_citation_corpus(tmp_path_factory.mktemp("network"))
    return corpus, find_citations(corpus)


def _doc(corpus, place):
    return corpus.loc[corpus.issuer.str.startswith(place), "doc_id"].item()


def test_most_cited(corpus_and_citations):
    corpus, cites = corpus_and_citations
    top = most_cited(cites, corpus)
    # Jiangxi's guidance: cited by Nanchang (文号) and Jiujiang (title)
    assert top.iloc[0].resolved_doc_id == _doc(corpus, "江西省")
    assert (top.iloc[0].n_citations, top.iloc[0].n_citing_docs, top.iloc[0].cited_level) == (2, 2, "provincial")
    assert top.iloc[0].cited.startswith("2019 江西")
    # Fujian's guidance, cited by 省政府… from Quanzhou, is not in the corpus but is listed
    fujian = top[(top.resolved_doc_id == "") & (top.cited.str.startswith("省政府"))]
    assert fujian.n_citations.tolist() == [1]
    assert len(most_cited(cites, corpus, top=2)) == 2


def test_level_pairs(corpus_and_citations):
    corpus, cites = corpus_and_citations
    pairs = citations_by_level_pair(cites, corpus)
    got = {(r.citing_level, r.cited_level): (r.n_citations, r.n_resolved) for r in pairs.itertuples()}
    assert got == {
        ("ministry", "central"): (1, 0),  # the urbanisation plan (国家…规划)
        ("provincial", "ministry"): (1, 1),
        ("prefecture", "provincial"): (4, 2),  # Nanchang, Jiujiang; Quanzhou twice (Fujian)
        ("prefecture", "unknown"): (1, 0),  # the bare title
    }
    assert pairs.citing_level.tolist() == ["ministry", "provincial", "prefecture", "prefecture"]


def test_lags(corpus_and_citations):
    corpus, cites = corpus_and_citations
    lags = citation_lags(cites, corpus)
    jiangxi = _doc(corpus, "江西省")
    row = lags[(lags.resolved_doc_id == jiangxi) & (lags.citing_doc_id == _doc(corpus, "南昌市"))].iloc[0]
    assert (row.cited_date, row.citing_date) == ("2019-03-05", "2019-08-20")
    assert row.lag_days == (pd.Timestamp("2019-08-20") - pd.Timestamp("2019-03-05")).days == 168
    national = lags[lags.resolved_doc_id == _doc(corpus, "国家发展改革委")].iloc[0]
    assert (national.lag_years, national.lag_days) == (5, 1651)
    dist = lag_distribution(lags)
    assert dist.lag_years.tolist() == [0, 1, 2, 3, 4, 5]
    assert dist.n_citations.tolist() == [1, 1, 0, 0, 0, 1]
    assert dist.share.sum() == pytest.approx(1.0)
    assert lag_distribution(lags.iloc[:0]).empty


def test_citation_and_copying(corpus_and_citations):
    corpus, cites = corpus_and_citations
    jiangxi, nanchang = _doc(corpus, "江西省"), _doc(corpus, "南昌市")
    reuse = pd.DataFrame({"source_doc_id": [nanchang], "target_doc_id": [jiangxi], "aligned_chars": [55]})
    joined = citations_and_reuse(cites, reuse).set_index("citing_doc_id")
    assert joined.loc[nanchang, "relation"] == "citation and copying"  # either direction counts
    assert joined.loc[nanchang, "aligned_chars"] == 55
    assert joined.loc[_doc(corpus, "九江市"), "relation"] == "citation only"
    assert len(joined) == 3  # the three resolved pairs


def test_network_edges_run_from_cited_to_citing(corpus_and_citations):
    corpus, cites = corpus_and_citations
    g = citation_network(cites, corpus)
    assert g.number_of_nodes() == len(corpus)
    jiangxi = _doc(corpus, "江西省")
    assert set(g.successors(jiangxi)) == {_doc(corpus, "南昌市"), _doc(corpus, "九江市")}
    assert g.nodes[jiangxi]["year"] == 2019 and g.nodes[jiangxi]["level"] == "provincial"


def test_empty_citations(corpus_and_citations):
    corpus, cites = corpus_and_citations
    none = cites.iloc[:0]
    assert most_cited(none, corpus).empty
    assert citations_by_level_pair(none, corpus).empty
    assert citations_and_reuse(none, pd.DataFrame(columns=["source_doc_id", "target_doc_id", "aligned_chars"])).empty
    assert citation_network(none, corpus).number_of_edges() == 0
