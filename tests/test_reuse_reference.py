"""The fast engine (find_reuse) against the plain reference (reference_reuse) on small corpora.

What "agree" means here:

* the two find the same set of (source, target) document pairs, in the same
  direction;
* within a pair they find the same number of passages, and matched in target
  order each passage's four offsets (source and target start and end, in
  characters of the original text) differ by at most ``TOLERANCE`` characters,
  and the similarities by at most 0.05.

The tolerance allows for the two ways of deciding where an edited passage
ends: the engine extends a seeded region with an X-drop walk over difflib
blocks, the reference groups the blocks of one global difflib alignment by gap.
Near an edit at a passage edge they may stop a few characters apart.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis.resources import seed_dir
from analysis.reuse import PAIR_COLUMNS, PASSAGE_COLUMNS, find_reuse, reference_reuse
from reuse_corpora import P_CLOUD, P_OPEN, P_PRINCIPLE, P_SERVICES, compose, corpus_of, edit, filler

TOLERANCE = 8
OFFSETS = ["source_start", "source_end", "target_start", "target_end"]


def edited(rng: random.Random, text: str, every: int) -> str:
    """``text`` with a substitution, insertion or deletion about every ``every`` characters."""
    ops: list[tuple[str, int, str]] = []
    for pos in range(rng.randint(5, every), len(text) - 5, every):
        kind = rng.choice(["sub", "ins", "del"])
        ops.append((kind, pos, "1" if kind == "del" else "改"))
    return edit(text, ops)


def seed_copies(seed: int, every: int) -> pd.DataFrame:
    """Three stretches of the bundled seed documents and four edited copies of pieces of them."""
    rng = random.Random(seed)
    paths = sorted(seed_dir().glob("*.txt"))[:3]
    texts = [p.read_text(encoding="utf-8")[500:4500] for p in paths]
    docs = [
        {"doc_id": f"s{i}", "text": t, "date": f"201{4 + i}-01-01", "level": "central"} for i, t in enumerate(texts)
    ]
    for j in range(4):
        i = rng.randrange(len(texts))
        start = rng.randrange(0, len(texts[i]) - 500)
        piece = texts[i][start : start + rng.randint(120, 450)]
        docs.append(
            {
                "doc_id": f"c{j}",
                "level": "prefecture",
                "date": f"2020-0{j + 1}-01",
                "text": filler(rng, 300) + "。" + edited(rng, piece, every) + "。" + filler(rng, 300),
            }
        )
    return corpus_of(*docs)


def policy_passages(seed: int, every: int) -> pd.DataFrame:
    """Random documents around real policy passages: several passages per pair, one target with two sources."""
    rng = random.Random(seed)
    a, _ = compose(rng, [P_SERVICES, P_PRINCIPLE])
    b, _ = compose(rng, [P_OPEN, P_CLOUD])
    c, _ = compose(rng, [edited(rng, P_SERVICES, every), edited(rng, P_PRINCIPLE, every)])
    d, _ = compose(rng, [edited(rng, P_PRINCIPLE, every), edited(rng, P_OPEN, every)])
    e, _ = compose(rng, [])
    return corpus_of(
        {"doc_id": "a", "text": a, "date": "2014-08-27", "level": "central"},
        {"doc_id": "b", "text": b, "date": "2015", "level": "ministry"},
        {"doc_id": "c", "text": c, "date": "2017-03", "level": "provincial"},
        {"doc_id": "d", "text": d, "date": "2019-06-01", "level": "county"},
        {"doc_id": "e", "text": e, "date": "2020-01-01", "level": "county"},
    )


def assert_agree(fast: pd.DataFrame, ref: pd.DataFrame) -> None:
    """Assert that two passage tables agree in the sense of the module docstring."""
    key = ["source_doc_id", "target_doc_id"]
    assert set(map(tuple, fast[key].values.tolist())) == set(map(tuple, ref[key].values.tolist()))
    for pair, got in fast.groupby(key):
        want = ref.set_index(key).loc[[pair]].reset_index()
        got, want = got.sort_values("target_start"), want.sort_values("target_start")
        assert len(got) == len(want), pair
        diff = got[OFFSETS].to_numpy() - want[OFFSETS].to_numpy()
        assert abs(diff).max() <= TOLERANCE, (pair, diff)
        assert abs(got["similarity"].to_numpy() - want["similarity"].to_numpy()).max() <= 0.05, pair


@pytest.mark.parametrize("seed, every", [(0, 25), (1, 15), (2, 40)])
def test_engine_agrees_with_reference_on_edited_copies_of_seed_text(seed, every):
    corpus = seed_copies(seed, every)
    fast = find_reuse(corpus)
    assert len(fast.pairs) >= 4  # every planted copy is found
    assert_agree(fast.passages, reference_reuse(corpus).passages)


@pytest.mark.parametrize("seed, every", [(3, 20), (4, 30)])
def test_engine_agrees_with_reference_on_several_passages_per_pair(seed, every):
    corpus = policy_passages(seed, every)
    fast = find_reuse(corpus)
    assert {("a", "c"), ("a", "d"), ("b", "d")} <= set(zip(fast.pairs.source_doc_id, fast.pairs.target_doc_id))
    assert_agree(fast.passages, reference_reuse(corpus).passages)


def test_reference_returns_the_engine_table_layout():
    result = reference_reuse(policy_passages(5, 25))
    assert list(result.pairs.columns) == PAIR_COLUMNS
    assert list(result.passages.columns) == PASSAGE_COLUMNS
    assert result.provenance.step == "reference_reuse"
    assert (result.passages.boilerplate_share == 0).all()
