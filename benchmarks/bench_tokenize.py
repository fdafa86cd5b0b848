"""Benchmark: plain ``jieba.lcut`` vs ``analysis.segment.tokenize`` vs the cache.

Builds about 10 MB (UTF-8) of policy-like text by sampling sentences from
the seed documents, then times

1. ``jieba.lcut`` (global jieba, default dictionary, HMM on) over all documents;
2. ``analysis.segment.tokenize`` over the same documents (no cache);
   (1 and 2 alternate ``--repeat`` times; the best time of each is compared)
3. ``tokenize_corpus`` on an empty cache (segment + hash + store), also
   ``--repeat`` times;
4. ``tokenize_corpus`` again, answered from the in-memory LRU cache;
5. ``tokenize_corpus`` again after clearing memory, answered from disk;
6. ``discover_terms`` on the same corpus (for its scaling);
7. with ``--backends``: the on-disk cache of today (one SQLite file, JSON
   values) against ``diskcache`` (``diskcache.Cache`` with ``JSONDisk``, no
   pickle), each cold (empty cache) and warm (memory cleared, answered from
   disk), best of ``--repeat``.  The result decided which store
   ``analysis.segment.cache`` uses (numbers in its docstring).

Dictionary loading is done before timing in every case.

Usage::

    .venv/bin/python benchmarks/bench_tokenize.py [--mb 10] [--doc-chars 2000] [--seed 0] [--repeat 3] [--backends]
"""

from __future__ import annotations

import argparse
import logging
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import jieba
import pandas as pd

from analysis import segment
from analysis.segment import cache as segment_cache

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SENTENCE_END = re.compile(r"(?<=[。！？；])|\n+")


def read_sentences(seed_dir: Path) -> list[str]:
    """Return the seed sentences (simplified if OpenCC is available), >= 8 chars."""
    try:
        import opencc

        to_simplified = opencc.OpenCC("t2s").convert
    except ImportError:  # pragma: no cover - opencc is a project dependency
        to_simplified = str
    sentences = []
    for path in sorted(seed_dir.glob("*.txt")):
        text = to_simplified(path.read_text(encoding="utf-8"))
        sentences.extend(s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) >= 8)
    return sentences


def make_corpus(sentences: list[str], megabytes: float, doc_chars: int, seed: int) -> list[str]:
    """Sample sentences into documents of about ``doc_chars`` characters."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    docs, size = [], 0
    while size < target:
        parts, n = [], 0
        while n < doc_chars:
            sentence = rng.choice(sentences)
            parts.append(sentence)
            n += len(sentence)
        doc = "".join(parts)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def timed(label: str, func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"{label:<46s} {seconds:8.2f} s", flush=True)
    return seconds, result


class DiskcacheStore:
    """The interface of ``analysis.segment.cache.DiskCache`` on ``diskcache`` (JSON values, no pickle)."""

    def __init__(self, directory: Path) -> None:
        import diskcache

        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "tokens.diskcache"
        # No eviction: the SQLite store never drops entries either.
        self._cache = diskcache.Cache(str(self.path), disk=diskcache.JSONDisk, eviction_policy="none")

    def get_many(self, fingerprint: str, hashes) -> dict[str, list[str]]:
        found = {}
        for text_hash in hashes:
            tokens = self._cache.get(f"{fingerprint}:{text_hash}")
            if tokens is not None:
                found[text_hash] = tokens
        return found

    def put_many(self, fingerprint: str, items) -> None:
        with self._cache.transact():
            for text_hash, tokens in items:
                self._cache.set(f"{fingerprint}:{text_hash}", tokens)

    def close(self) -> None:
        self._cache.close()


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def compare_backends(series: pd.Series, repeat: int) -> None:
    """Time cold and warm (disk only) ``tokenize_corpus`` with each on-disk store."""
    stores = {"sqlite": segment_cache.DiskCache, "diskcache": DiskcacheStore}
    original = segment_cache.DiskCache
    results = {}
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for run in range(1, repeat + 1):
                for name, store in stores.items():  # alternate, so machine noise hits both
                    segment_cache.DiskCache = store
                    where = Path(scratch) / f"{name}{run}"
                    segment_cache.MEMORY_CACHE.clear()
                    cold, tokens = timed(
                        f"{name:<9s} cold (empty cache)   run {run}",
                        lambda w=where: segment.tokenize_corpus(series, cache_dir=w, progress=False),
                    )
                    segment_cache.MEMORY_CACHE.clear()
                    warm, again = timed(
                        f"{name:<9s} warm (disk only)     run {run}",
                        lambda w=where: segment.tokenize_corpus(series, cache_dir=w, progress=False),
                    )
                    assert tokens.tolist() == again.tolist()
                    best = results.setdefault(name, [float("inf"), float("inf"), 0])
                    best[0], best[1], best[2] = min(best[0], cold), min(best[1], warm), _folder_size(where)
    finally:
        segment_cache.DiskCache = original
    print()
    for name, (cold, warm, size) in results.items():
        print(f"{name:<9s} best cold {cold:6.2f} s, best warm {warm:6.3f} s, on disk {size / 1e6:5.1f} MB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB of UTF-8")
    parser.add_argument("--doc-chars", type=int, default=2000, help="characters per document")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="cold runs of each; the best counts")
    parser.add_argument("--backends", action="store_true", help="only compare the SQLite and diskcache stores")
    args = parser.parse_args(argv)

    docs = make_corpus(read_sentences(SEEDS), args.mb, args.doc_chars, args.seed)
    n_bytes = sum(len(d.encode("utf-8")) for d in docs)
    n_chars = sum(len(d) for d in docs)
    print(f"corpus: {len(docs)} documents, {n_chars:,} characters, {n_bytes / 1e6:.1f} MB UTF-8")
    print(f"python {sys.version.split()[0]}, jieba {jieba.__version__}")

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    tokenizer = segment.get_default_tokenizer()
    tokenizer("预热")  # load our dictionary outside the timings
    if args.backends:
        compare_backends(pd.Series(docs), args.repeat)
        return

    # Alternate the two cold runs and keep the best of each, so that noise
    # from other processes on the machine does not decide the ratio.
    jieba_times, our_times = [], []
    for run in range(1, args.repeat + 1):
        seconds, plain = timed(f"jieba.lcut (global, default dict)  run {run}", lambda: [jieba.lcut(d) for d in docs])
        jieba_times.append(seconds)
        seconds, ours = timed(
            f"analysis.segment.tokenize          run {run}",
            lambda: [segment.tokenize(d) for d in docs],
        )
        our_times.append(seconds)
    t_jieba, t_ours = min(jieba_times), min(our_times)
    series = pd.Series(docs)
    with tempfile.TemporaryDirectory() as scratch:
        cold_times = []
        for run in range(1, args.repeat + 1):
            cache_dir = Path(scratch) / f"run{run}"
            segment_cache.MEMORY_CACHE.clear()
            seconds, cold = timed(
                f"tokenize_corpus, empty cache       run {run}",
                lambda where=cache_dir: segment.tokenize_corpus(series, cache_dir=where, progress=False),
            )
            cold_times.append(seconds)
        t_cold = min(cold_times)
        t_memory, warm = timed(
            "tokenize_corpus, re-run (memory cache)",
            lambda: segment.tokenize_corpus(series, cache_dir=cache_dir, progress=False),
        )
        segment_cache.MEMORY_CACHE.clear()
        t_disk, from_disk = timed(
            "tokenize_corpus, re-run (disk cache only)",
            lambda: segment.tokenize_corpus(series, cache_dir=cache_dir, progress=False),
        )
        cache_size = (cache_dir / segment_cache.CACHE_FILE).stat().st_size

    timed(
        "discover_terms(min_count=5) on the same corpus",
        lambda: segment.discover_terms(docs, min_count=5),
    )
    assert cold.tolist() == ours == warm.tolist() == from_disk.tolist()
    n_plain = sum(map(len, plain))
    n_ours = sum(map(len, ours))
    print()
    print(f"tokens: jieba {n_plain:,} (all, incl. punctuation); ours {n_ours:,} after filtering")
    print(f"throughput: jieba {n_bytes / 1e6 / t_jieba:.2f} MB/s, tokenize {n_bytes / 1e6 / t_ours:.2f} MB/s")
    print(
        f"best of {args.repeat}: jieba.lcut {t_jieba:.2f} s, tokenize {t_ours:.2f} s, "
        f"tokenize_corpus cold {t_cold:.2f} s"
    )
    print(f"ratio tokenize / jieba.lcut:            {t_ours / t_jieba:.2f}x")
    print(f"ratio tokenize_corpus cold / jieba.lcut: {t_cold / t_jieba:.2f}x")
    print(f"speed-up of cached re-run (memory):      {t_cold / t_memory:.0f}x faster than cold")
    print(f"speed-up of cached re-run (disk):        {t_cold / t_disk:.0f}x faster than cold")
    print(f"disk cache size: {cache_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
