"""ReuseResult: parameters and provenance."""

from __future__ import annotations

from analysis.reuse import (
    find_reuse,
)
from reuse_corpora import (
    boilerplate_corpus,
    level_corpus,
)


def test_boilerplate_threshold_is_resolved_and_documented():
    corpus = boilerplate_corpus(12)
    assert find_reuse(corpus, boilerplate_df=0.5).params["boilerplate_df_threshold"] == 6
    assert find_reuse(corpus, boilerplate_df=7).params["boilerplate_df_threshold"] == 7
    result = find_reuse(corpus)
    assert result.provenance.params["boilerplate_df_threshold"] == 5
    assert "boilerplate" in result.provenance.params["boilerplate_method"]
    # provenance travels as data, not in DataFrame.attrs
    assert result.pairs.attrs == {} and result.passages.attrs == {}


def test_result_unpacks_and_writes_its_provenance_as_json(tmp_path):
    corpus, _ = level_corpus()
    result = find_reuse(corpus, ngram=12)
    pairs, passages = result
    assert pairs is result.pairs and passages is result.passages
    assert "pairs" in repr(result) and "boilerplate DF > 5" in repr(result)
    assert result.provenance.step == "find_reuse"
    assert result.provenance.params is result.params
    path = result.provenance.write(tmp_path / "reuse")
    assert path.suffix == ".json"
    import json

    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["step"] == "find_reuse" and saved["params"]["ngram"] == 12
    assert saved["params"]["n_candidate_pairs"] == result.params["n_candidate_pairs"]
    assert "numpy" in saved["versions"]
