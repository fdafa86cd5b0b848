"""analysis.cluster.reuse_index: the per-partition steps Dask workers run, and what importing them costs a worker."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

from analysis.cluster.reuse_index import block_hits, covered_count, encode_payload, part_lengths, same_object, tag_part
from analysis.reuse.seeds import Seeds

HEAVY = ("pandas", "scipy", "networkx", "datasketch", "sklearn", "jieba", "rjieba", "matplotlib")


def imported_by(statement: str) -> list[str]:
    """The heavy libraries a fresh interpreter has imported after ``statement``."""
    code = f"import json, sys\n{statement}\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_worker_side_modules_import_numpy_only():
    # a worker imports these to unpickle its tasks; pandas alone would cost it ~70 MB of its memory
    assert imported_by("import analysis.cluster.reuse_index, analysis.cluster.reuse_align") == []
    # ... and the objects the tasks carry: Meta, Seeds, the partitions
    carried = "from analysis.reuse.direction import Meta, orient; from analysis.reuse.seeds import Seeds"
    assert imported_by(carried) == []


def test_public_api_still_loads_the_stage():
    # the lazy package __init__ files still hand out the in-process functions
    assert "pandas" in imported_by("from analysis.reuse import find_reuse, reuse_network")
    assert "pandas" in imported_by("from analysis.cluster import find_reuse")


def test_encode_payload_and_boilerplate_cover():
    # two documents, text given in precedence order; punctuation is not normalised text
    part = encode_payload((np.array([4, 2]), ["智慧城市，建设。", "数据共享"]))
    assert part.docs.tolist() == [4, 2] and part_lengths(part).tolist() == [6, 4]
    # a boilerplate shingle of 3 characters at global position 102 (local 2) covers local 2, 3, 4
    rows = [(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.array([102]))]
    tagged = tag_part(part, 100, 3, rows)
    assert covered_count(tagged) == 3
    assert tagged.covered().nonzero()[0].tolist() == [2, 3, 4]


def test_block_hits_and_same_object():
    seeds = Seeds(np.array([1]), np.array([0]), np.array([5]))
    row = {3: [seeds]}
    assert block_hits(row, 3) == [seeds] and block_hits(row, 2) == []
    layout = {"a": 1}
    assert same_object(layout) is layout
