"""Benchmark :func:`analysis.reuse.find_reuse` on synthetic corpora.

For each corpus size N a fresh subprocess generates a corpus with planted
reuse (see ``synthetic.py``: ~6,500 characters per document, one planted
passage of 2-8 sentences with ~2 edits per 100 characters per document,
boilerplate sentences in most documents), times ``find_reuse``, then runs it
again under tracemalloc for the peak memory it allocates, and scores the
detected passages against the planted ones.

A planted passage is *recalled* when a detected passage of the same
(source, target) pair, in that direction, covers at least half of its target
span; a detected passage is *correct* when it overlaps a planted passage of
its pair by at least half of its own target span.  Boundary error is
|start difference| + |end difference| in target characters for recalled
passages.

Usage::

    python benchmarks/bench_reuse.py                 # N = 250 500 1000 2000
    python benchmarks/bench_reuse.py --sizes 250 4000 --no-memory
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis.reuse import find_reuse
from synthetic import make_corpus


def score_passages(found: pd.DataFrame, truth: pd.DataFrame) -> dict:
    """Return recall, precision and boundary errors of detected vs planted passages."""
    by_pair: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for row in found.itertuples(index=False):
        by_pair.setdefault((row.source_doc_id, row.target_doc_id), []).append((row.target_start, row.target_end))
    planted: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for row in truth.itertuples(index=False):
        planted.setdefault((row.source_doc_id, row.target_doc_id), []).append((row.target_start, row.target_end))

    def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
        return max(0, min(a[1], b[1]) - max(a[0], b[0]))

    recalled, errors, exact = 0, [], 0
    for key, spans in planted.items():
        for span in spans:
            half = 0.5 * (span[1] - span[0])
            hits = [f for f in by_pair.get(key, []) if overlap(f, span) >= half]
            if hits:
                recalled += 1
                best = max(hits, key=lambda f: overlap(f, span))
                err = abs(best[0] - span[0]) + abs(best[1] - span[1])
                errors.append(err)
                exact += err == 0
    correct = sum(
        any(overlap(f, p) >= 0.5 * (f[1] - f[0]) for p in planted.get(key, []))
        for key, spans in by_pair.items()
        for f in spans
    )
    n_found = sum(len(v) for v in by_pair.values())
    return {
        "planted": len(truth),
        "found": n_found,
        "recall": recalled / max(len(truth), 1),
        "precision": correct / max(n_found, 1),
        "boundary_err_median": float(np.median(errors)) if errors else float("nan"),
        "boundary_exact_share": exact / max(len(errors), 1),
    }


def run_one(n_docs: int, seed: int, memory: bool) -> dict:
    """Generate one corpus, time find_reuse on it and score the result."""
    corpus, truth = make_corpus(n_docs, seed=seed)
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = find_reuse(corpus, progress=False)
    seconds = time.perf_counter() - t0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = {
        "n_docs": n_docs,
        "mean_chars": float(corpus["text"].str.len().mean()),
        "total_mchars": float(corpus["text"].str.len().sum() / 1e6),
        "seconds": seconds,
        "maxrss_mb": rss_after / 1024,
        "maxrss_growth_mb": (rss_after - rss_before) / 1024,
        "pairs": len(result.pairs),
        "candidate_pairs": result.params["n_candidate_pairs"],
        # stage 1 (sampled) matches and windows; seed_matches are those
        # listed in full (inside the windows)
        "sampled_matches": result.params.get("n_sampled_matches"),
        "windows": result.params.get("n_candidate_windows"),
        "seed_matches": result.params["n_seed_matches"],
    }
    out.update(score_passages(result.passages, truth))
    if memory:
        del result
        gc.collect()
        tracemalloc.start()
        find_reuse(corpus, progress=False)
        out["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.seed, not args.no_memory)))
        return
    rows = []
    for n in args.sizes:
        # a fresh process per size so peak RSS belongs to that size alone
        cmd = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)]
        if args.no_memory:
            cmd.append("--no-memory")
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(f"N={n}: {rows[-1]['seconds']:.1f} s", file=sys.stderr)
    table = pd.DataFrame(rows)
    cols = [
        "n_docs",
        "total_mchars",
        "seconds",
        "peak_mb",
        "maxrss_mb",
        "recall",
        "precision",
        "planted",
        "found",
        "boundary_err_median",
        "boundary_exact_share",
        "candidate_pairs",
        "sampled_matches",
        "windows",
        "seed_matches",
    ]
    with pd.option_context("display.width", 250, "display.max_columns", 20, "display.float_format", "{:.3f}".format):
        print(table[[c for c in cols if c in table]].to_string(index=False))


if __name__ == "__main__":
    main()
