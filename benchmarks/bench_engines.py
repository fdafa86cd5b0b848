"""Benchmark: the rjieba engine against the jieba engine and plain ``jieba.lcut``.

For the seed documents and a ~10 MB corpus of seed sentences
(``bench_tokenize.make_corpus``) it reports

1. agreement: the share of the jieba engine's tokens (character spans,
   whitespace left out) that the rjieba engine produces identically, before
   filtering and after (``Tokenizer()`` defaults);
2. the policy-dictionary terms whose counts differ between the engines, and
   the most frequent tokens either engine has and the other has not;
3. speed in one run (one process): ``jieba.lcut`` (global, default
   dictionary), both engines' ``cut`` and ``Tokenizer()``, and
   ``tokenize_corpus`` (no cache) in-process and with 2 worker processes;
   wall and CPU time, each with its ratio to ``jieba.lcut``.

Usage::

    .venv/bin/python benchmarks/bench_engines.py [--mb 10] [--seed 0] [--repeat 3] [--speed-only]
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import jieba
import opencc

from analysis.segment import Tokenizer, load_user_dictionary, tokenize_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tokenize import SEEDS, make_corpus, read_sentences


def spans(tokens: Iterable[str]) -> list[tuple[int, int]]:
    """Return the (start, end) character spans of non-whitespace tokens."""
    out, pos = [], 0
    for token in tokens:
        if token.strip():
            out.append((pos, pos + len(token)))
        pos += len(token)
    return out


def agreement(texts: list[str], reference: Tokenizer, other: Tokenizer) -> dict[str, object]:
    """Compare two tokenizers' unfiltered tokens span by span over ``texts``."""
    same = total = 0
    only_ref: Counter[str] = Counter()
    only_other: Counter[str] = Counter()
    ref_counts: Counter[str] = Counter()
    other_counts: Counter[str] = Counter()
    for text in texts:
        a, b = reference.cut(text), other.cut(text)
        ref_counts.update(a)
        other_counts.update(b)
        sa, sb = set(spans(a)), set(spans(b))
        same += len(sa & sb)
        total += len(sa)
        only_ref.update(text[s:e] for s, e in sa - sb)
        only_other.update(text[s:e] for s, e in sb - sa)
    terms = [w for w, _, _ in load_user_dictionary()]
    differing = {t: (ref_counts[t], other_counts[t]) for t in terms if ref_counts[t] != other_counts[t]}
    return {
        "tokens": total,
        "identical": same,
        "share": same / total if total else 1.0,
        "only_ref": only_ref.most_common(15),
        "only_other": only_other.most_common(15),
        "differing_terms": differing,
    }


def filtered_agreement(texts: list[str], reference: Tokenizer, other: Tokenizer) -> tuple[int, int]:
    """Return (tokens of the reference after filtering, how many the other lacks) as multisets."""
    ref: Counter[str] = Counter()
    oth: Counter[str] = Counter()
    for text in texts:
        ref.update(reference(text))
        oth.update(other(text))
    return sum(ref.values()), sum((ref - oth).values())


def cpu_now() -> float:
    """CPU seconds (user + system) of this process and its reaped children so far."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def best_of(repeat: int, func: Callable[[], object]) -> tuple[float, float]:
    """Return the best wall time and the best CPU time of ``repeat`` calls, in seconds.

    CPU time counts worker processes too; on a shared machine it is the
    fairer measure of work, wall time the one a user waits for.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), cpu_now()
        func()
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_now() - cpu)
    return min(walls), min(cpus)


def report(name: str, texts: list[str]) -> None:
    """Print the agreement of the two engines on ``texts``."""
    ref, fast = Tokenizer(engine="jieba"), Tokenizer(engine="rjieba")
    result = agreement(texts, ref, fast)
    n_ref, lacking = filtered_agreement(texts, ref, fast)
    print(f"\n== {name}: {len(texts)} documents, {sum(map(len, texts)):,} characters")
    print(f"unfiltered: {result['identical']:,} of {result['tokens']:,} jieba tokens identical ({result['share']:.4%})")
    print(f"filtered (Tokenizer() defaults): {n_ref - lacking:,} of {n_ref:,} ({1 - lacking / n_ref:.4%}) shared")
    print("dictionary terms with different counts (jieba, rjieba):", result["differing_terms"] or "none")
    print("only jieba:", result["only_ref"])
    print("only rjieba:", result["only_other"])


def speed(texts: list[str], repeat: int) -> None:
    """Print the time of each segmenter over ``texts`` and the ratio to ``jieba.lcut``."""
    n_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ref, fast = Tokenizer(engine="jieba"), Tokenizer(engine="rjieba")
    ref("预热"), fast("预热")
    runs = {
        "jieba.lcut (global, default dict)": lambda: [jieba.lcut(t) for t in texts],
        "Tokenizer(engine='jieba').cut": lambda: [ref.cut(t) for t in texts],
        "Tokenizer(engine='rjieba').cut": lambda: [fast.cut(t) for t in texts],
        "Tokenizer(engine='jieba')(text)": lambda: [ref(t) for t in texts],
        "Tokenizer(engine='rjieba')(text)": lambda: [fast(t) for t in texts],
        "tokenize_corpus, rjieba, n_jobs=1": lambda: tokenize_corpus(texts, cache=False, n_jobs=1, progress=False),
        "tokenize_corpus, rjieba, n_jobs=2": lambda: tokenize_corpus(texts, cache=False, n_jobs=2, progress=False),
    }
    base: tuple[float, float] | None = None
    print(f"\n== speed on {n_mb:.1f} MB, best of {repeat}; load average {os.getloadavg()}", flush=True)
    for label, func in runs.items():
        wall, cpu = best_of(repeat, func)
        base = base or (wall, cpu)
        print(
            f"{label:<38s} wall {wall:7.2f} s ({base[0] / wall:5.1f}x)  CPU {cpu:7.2f} s ({base[1] / cpu:5.1f}x)  "
            f"{n_mb / wall:6.2f} MB/s wall",
            flush=True,
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--speed-only", action="store_true", help="skip the agreement measurements")
    args = parser.parse_args(argv)
    print(f"{platform.node()} {platform.processor() or platform.machine()}, python {sys.version.split()[0]}")
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    to_simplified = opencc.OpenCC("t2s").convert
    seeds = [to_simplified(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    big = make_corpus(read_sentences(SEEDS), args.mb, 2000, args.seed)
    if not args.speed_only:
        report("seeds", seeds)
        report(f"{args.mb:g} MB of seed sentences", big)
    speed(big, args.repeat)


if __name__ == "__main__":
    main()
