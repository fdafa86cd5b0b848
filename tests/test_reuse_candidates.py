"""Two-stage seeding: the sampled candidate windows give the full index result."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis.reuse.detect as detect_module
from analysis.reuse import (
    ReuseResult,
    find_reuse,
)
from reuse_corpora import (
    boilerplate_corpus,
    level_corpus,
    two_docs,
    word_corpus,
)


# --------------------------------------------------------------------------
# two-stage seeding (sample, then search the candidate windows in full)
# --------------------------------------------------------------------------
def full_index(monkeypatch) -> None:
    """Switch sampling off: every seed match is listed (the one-stage method)."""
    monkeypatch.setattr(detect_module, "SAMPLE_WINDOW", 1)


@pytest.mark.parametrize(
    "make",
    [
        lambda: level_corpus()[0],
        lambda: boilerplate_corpus(12),
        lambda: two_docs("2014-08-27", "2019-02-18"),
    ],
    ids=["levels", "boilerplate", "two_docs"],
)
def test_sampling_gives_the_full_index_result_on_clear_copies(make, monkeypatch):
    corpus = make()
    sampled = find_reuse(corpus, boilerplate_df=50, max_sources=20)
    full_index(monkeypatch)
    full = find_reuse(corpus, boilerplate_df=50, max_sources=20)
    pd.testing.assert_frame_equal(sampled.pairs, full.pairs)
    pd.testing.assert_frame_equal(sampled.passages, full.passages)


@pytest.mark.parametrize("seed, edit_every", [(0, 12), (1, 15), (2, 20)])
def test_sampling_finds_heavily_edited_copies_among_chance_matches(seed, edit_every, monkeypatch):
    corpus, planted = word_corpus(seed, edit_every=edit_every)
    sampled = find_reuse(corpus)
    full_index(monkeypatch)
    full = find_reuse(corpus)
    # the sample pairs far fewer occurrences, and lists far fewer seeds ...
    assert sampled.params["sample_window"] > 1 and full.params["sample_window"] == 1
    assert sampled.params["n_sampled_matches"] < 0.8 * full.params["n_seed_matches"]
    assert sampled.params["n_seed_matches"] < 0.1 * full.params["n_seed_matches"]
    assert 0 < sampled.params["n_candidate_windows"]
    # ... yet every planted copy the full index finds is found, with the same
    # offsets, and nothing the full index would not report
    cols = ["source_doc_id", "target_doc_id", "source_start", "source_end", "target_start", "target_end"]

    def rows(result: ReuseResult, only_planted: bool) -> set:
        return {r for r in map(tuple, result.passages[cols].values.tolist()) if not only_planted or r[:2] in planted}

    assert rows(sampled, True) == rows(full, True)
    assert len(rows(full, True)) >= len(planted) - 2
    assert rows(sampled, False) <= rows(full, False)
