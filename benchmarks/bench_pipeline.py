"""Benchmark: the whole pipeline on a synthetic corpus, time and peak memory per stage.

Writes (or re-uses) a folder of ``--docs`` synthetic policy documents
(:func:`synthetic.write_policy_corpus`: seed sentences under 公文 headers,
planted reuse, citations and formulas), then runs, in one process and in
this order, timing each stage and sampling the resident memory of the
process and its children every 50 ms:

load        ``analysis.load_corpus`` + ``load_paragraphs`` (read, clean, metadata, paragraphs)
discover    ``discover_terms`` on the documents (as ``analysis.prepare`` does)
tokenize    ``tokenize_corpus`` of documents and paragraphs, cold cache, default engine
frequencies ``term_frequencies`` overall and by year (tokens from the cache)
topics      ``build_dtm`` + ``fit_topics(k=10, nmf)`` on body paragraphs
similarity  ``document_similarity`` (dense n x n up to 20,000 documents)
neighbours  ``document_similarity(k=10)``: each document's 10 nearest, sparse search (the path above 20,000)
diffusion   ``term_timeline`` + ``first_appearance`` of the watchlist, ``emerging_terms``
reuse       ``find_reuse``
citations   ``analysis.find_citations``, when that function exists
formulas    ``analysis.find_formulas``, when that function exists

Usage::

    .venv/bin/python benchmarks/bench_pipeline.py --docs 1000 [--folder DIR] [--seed 0] [--skip similarity]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import seed_sentences, write_policy_corpus


class MemorySampler:
    """Peak memory (bytes) of this process (resident) and its children (unique pages) while active.

    A forked worker shares the parent's pages until it writes them; adding the workers'
    resident sizes would count those pages twice, so a child counts only its own pages (USS).
    """

    def __init__(self, interval: float = 0.05, children_interval: float = 1.0) -> None:
        self.interval = interval
        # reading a child's USS (its smaps) costs about 47 ms of CPU for a 1 GB fork: read every 50 ms,
        # it took most of a core in the 10,000-document run's tokenize stage, so children are read once a second
        self.children_interval = children_interval
        self._children = 0
        self._children_read = -float("inf")
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _rss(self) -> int:
        me = psutil.Process()
        if time.perf_counter() - self._children_read >= self.children_interval:
            self._children_read = time.perf_counter()
            self._children = 0
            for child in me.children(recursive=True):
                try:
                    self._children += child.memory_full_info().uss
                except psutil.Error:
                    pass
        return int(me.memory_info().rss) + self._children

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            self._stop.wait(self.interval)

    def __enter__(self) -> MemorySampler:
        self.peak = self._rss()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())


def cpu_seconds() -> float:
    """CPU time (user + system, seconds) of this process and its finished children so far."""
    times = psutil.Process().cpu_times()
    return float(times.user + times.system + times.children_user + times.children_system)


def run_stage(name: str, func: Callable[[], Any], rows: list[dict[str, Any]]) -> Any:
    """Run one stage, append its row (wall and CPU seconds, peak GB, note) and return its result (None on error).

    CPU time is reported beside wall time because the benchmark machine is
    shared: wall time grows with other users' load, CPU time much less.
    """
    print(f"-- {name} ... (load average {os.getloadavg()[0]:.1f})", flush=True)
    start, cpu = time.perf_counter(), cpu_seconds()
    result, note = None, ""
    with MemorySampler() as memory:
        try:
            result = func()
        except Exception as error:  # the benchmark records a failing stage and goes on
            note = f"failed: {type(error).__name__}: {str(error)[:160]}"
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    rows.append({"stage": name, "seconds": seconds, "cpu": cpu, "peak_gb": memory.peak / 1e9, "note": note})
    print(f"   {seconds:8.1f} s wall, {cpu:8.1f} s CPU, peak {memory.peak / 1e9:5.2f} GB {note}", flush=True)
    return result


def optional(name: str) -> Callable[..., Any] | None:
    """Return ``analysis.<name>`` if another part of the project provides it yet, else None."""
    import analysis

    try:
        return getattr(analysis, name)  # type: ignore[no-any-return]
    except AttributeError:
        return None


def pipeline(folder: Path, skip: set[str], rows: list[dict[str, Any]]) -> None:
    """Run every stage on the documents in ``folder``."""
    import analysis
    from analysis import diffusion, topics
    from analysis.segment import discover_terms

    state: dict[str, Any] = {}

    def load() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = analysis.load_corpus(folder)
        state["corpus"] = corpus[corpus.duplicate_of == ""].reset_index(drop=True)
        state["paragraphs"] = analysis.load_paragraphs(corpus)

    run_stage("load", load, rows)
    corpus, paragraphs = state["corpus"], state["paragraphs"]
    print(f"   {len(corpus)} documents, {corpus.n_chars.sum():,} characters, {len(paragraphs)} paragraphs")
    tok = analysis.Tokenizer(boilerplate=True)
    if "discover" not in skip:
        terms = run_stage("discover", lambda: discover_terms(corpus.text, min_count=3, tokenizer=tok), rows)
        if terms is not None:
            tok = analysis.Tokenizer(boilerplate=True, extra_terms=list(terms.term[:50]))
    units = topics.select_units(paragraphs, corpus)
    run_stage(
        "tokenize",
        lambda: (analysis.tokenize_corpus(corpus, tokenizer=tok), analysis.tokenize_corpus(units, tokenizer=tok)),
        rows,
    )
    run_stage(
        "frequencies",
        lambda: (
            analysis.term_frequencies(corpus, tokenizer=tok),
            analysis.term_frequencies(corpus, by="year", tokenizer=tok),
        ),
        rows,
    )
    if "topics" not in skip:
        run_stage("topics", lambda: topics.fit_topics(units, 10, method="nmf", random_state=0, tokenizer=tok), rows)
    if "similarity" not in skip:
        run_stage("similarity", lambda: analysis.document_similarity(corpus, tokenizer=tok), rows)
    if "neighbours" not in skip:
        run_stage("neighbours", lambda: analysis.document_similarity(corpus, tokenizer=tok, k=10), rows)
    dated = corpus[corpus.year.notna()].astype({"year": "int64"}).reset_index(drop=True)
    watchlist = diffusion.load_watchlist()

    def diffuse() -> None:
        diffusion.term_timeline(dated, watchlist)
        diffusion.first_appearance(dated, watchlist, by="level")
        diffusion.emerging_terms(dated, split_year=2019, tokenizer=tok, n=25)

    run_stage("diffusion", diffuse, rows)
    if "reuse" not in skip:
        run_stage("reuse", lambda: analysis.find_reuse(corpus), rows)
    for name, stage in (("citations", "find_citations"), ("formulas", "find_formulas")):
        func = optional(stage)
        if func is None:
            rows.append(
                {
                    "stage": name,
                    "seconds": float("nan"),
                    "cpu": float("nan"),
                    "peak_gb": float("nan"),
                    "note": f"analysis.{stage} not in this build",
                }
            )
        elif name not in skip:
            run_stage(name, lambda f=func: f(corpus), rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--folder", type=Path, help="corpus folder (written when it holds no .txt files)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip", nargs="*", default=[], help="stages to leave out")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.gettempdir()) / f"synthetic_{args.docs}_{args.seed}"
    print(
        f"{platform.node()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 1e9:.0f} GB, "
        f"python {sys.version.split()[0]}"
    )
    if not any(folder.glob("*.txt")):
        start = time.perf_counter()
        planted = write_policy_corpus(folder, args.docs, sentences=seed_sentences(), seed=args.seed)
        size = sum(p.stat().st_size for p in folder.glob("*.txt"))
        print(
            f"wrote {args.docs} documents ({size / 1e6:.1f} MB) to {folder} in {time.perf_counter() - start:.1f} s; "
            f"planted {len(planted['reuse'])} reuses, {len(planted['citations'])} citations, "
            f"{len(planted['formulas'])} formulas"
        )
    rows: list[dict[str, Any]] = []
    total, cpu = time.perf_counter(), cpu_seconds()
    print(f"load average at start: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as cache, MemorySampler() as memory:
        os.environ["ANALYSIS_CACHE_DIR"] = cache  # a cold segmentation cache
        pipeline(folder, set(args.skip), rows)
    seconds, cpu = time.perf_counter() - total, cpu_seconds() - cpu
    rows.append({"stage": "total", "seconds": seconds, "cpu": cpu, "peak_gb": memory.peak / 1e9, "note": ""})
    print(f"load average at end: {os.getloadavg()}")
    print("\n| stage | wall (s) | CPU (s) | peak memory (GB) | note |\n|---|---:|---:|---:|---|")
    for row in rows:
        print(f"| {row['stage']} | {row['seconds']:.1f} | {row['cpu']:.1f} | {row['peak_gb']:.2f} | {row['note']} |")


if __name__ == "__main__":
    main()
