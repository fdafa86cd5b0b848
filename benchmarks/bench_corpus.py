"""Benchmark: load_corpus time and memory as the corpus grows.

Builds synthetic corpora in a temporary folder by copying the seed files with their
sentences shuffled (so no two files are identical and duplicate detection has real work),
then times ``load_corpus`` + ``load_paragraphs``.  Prints one line per size:

    files  MB  seconds  s/MB  peak_MB  documents

Usage: python benchmarks/bench_corpus.py [--sizes 10 50 200] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import tempfile
import time
import warnings
from pathlib import Path

import analysis

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def make_corpus(folder: Path, n_files: int, seed: int = 0) -> int:
    """Write ``n_files`` perturbed copies of the seeds; return total bytes."""
    rng = random.Random(seed)
    sources = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    total = 0
    for i in range(n_files):
        k = i % len(texts)
        text = texts[k]
        if not sources[k].name.startswith("004"):
            # shuffle body sentences of single pages; keep first/last lines (title, signature)
            lines = text.split("\n")
            head, body, tail = lines[:8], lines[8:-6], lines[-6:]
            sents = re.split(r"(?<=。)", "\n".join(body))
            rng.shuffle(sents)
            text = "\n".join(head) + "\n" + "".join(sents) + "\n" + "\n".join(tail)
        p = folder / f"{i:05d}_{sources[k].stem}.txt"
        p.write_text(text, encoding="utf-8")
        total += p.stat().st_size
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(f"{'files':>6} {'MB':>7} {'seconds':>8} {'s/MB':>6} {'peak_MB':>8} {'documents':>9}")
    for n in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="bench_corpus_"))
        try:
            size = make_corpus(tmp, n, args.seed)
            t0 = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                corpus = analysis.load_corpus(tmp)
                analysis.load_paragraphs(corpus)
            dt = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            mb = size / 1e6
            print(f"{n:>6} {mb:>7.2f} {dt:>8.2f} {dt / mb:>6.2f} {peak:>8.0f} {len(corpus):>9}")
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
