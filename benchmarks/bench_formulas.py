"""Benchmark find_formulas: time, peak memory and recall of planted formulas, up to 2,000 documents.

The corpus is built here from the seeds: every document is a 公文 of a real
prefecture-level city (header with the city government as issuer, addressee
line, body of seed sentences drawn at random, closing formula and date), so
documents share many seed sentences by chance, as real corpora do.  Planted
formulas (invented enumerations that appear nowhere in the seeds) are adopted
by a random set of cities from a start year on, and each adopting document
writes one of them in quotation marks inside a sentence.

Run ``python benchmarks/bench_formulas.py`` (sizes 250 500 1000 2000 by
default); the results are written to ``benchmarks/RESULTS_formulas.md``
by hand from the printed table.

``--pickle FILE ...`` times the corpora of ``benchmarks/synthetic.py`` instead
(``analysis.load_corpus`` of a folder it wrote, pickled with
``DataFrame.to_pickle`` so the slow load is done once): CPU and wall seconds,
formulas and occurrences found, the peak of Python allocations (tracemalloc,
a second run) and the process's peak resident size.  Run one corpus per
process for a resident size that belongs to it.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
import warnings

import pandas as pd

import analysis
from analysis.formulas import find_formulas
from analysis.metadata.gazetteer import gazetteer

PLANTED = [
    "云端赋能、数智融合、普惠共享",
    "一屏观全域、一网管全城",
    "一码通城、一键办事、一网统揽",
    "感知一体化、治理精细化、服务便捷化",
    "智能中枢、数字底座、场景牵引",
    "全域覆盖、全时响应、全程可溯",
    "以数治城、以数兴业、以数惠民",
    "善感知、会思考、有温度、可成长",
]
YEARS = list(range(2014, 2024))


def seed_sentences() -> list[str]:
    """Sentences of 15-120 characters from the seed documents (simplified, clean text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = analysis.load_corpus()
    out = []
    for text in corpus["text"]:
        for s in text.replace("\n", "").split("。"):
            if 15 <= len(s) <= 120:
                out.append(s + "。")
    return out


def cities() -> list[tuple[str, str]]:
    """(city, province) for every prefecture-level city of the gazetteer, sorted."""
    index, _ = gazetteer()
    seen = {}
    for places in index.values():
        for p in places:
            if p.rank == "prefecture" and p.name.endswith("市"):
                seen[p.name] = p.province
    return sorted(seen.items())


def build_corpus(n_docs: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A corpus of ``n_docs`` city documents and the truth table of planted formulas (formula, doc_id)."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    in_seeds = [f for f in PLANTED if any(f.replace("、", "") in s.replace("、", "") for s in sentences)]
    assert not in_seeds, f"planted formulas must not occur in the seeds: {in_seeds}"
    places = cities()
    adopters = {f: (rng.choice(YEARS[:6]), set(rng.sample(range(len(places)), 40))) for f in PLANTED}
    rows, truth = [], []
    for i in range(n_docs):
        c = rng.randrange(len(places))
        city, province = places[c]
        year = rng.choice(YEARS)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        body = rng.sample(sentences, 35)
        for f, (start, who) in adopters.items():
            if c in who and year >= start:
                at = rng.randrange(len(body))
                body[at] = f"围绕“{f}”," + body[at]
                truth.append((f, f"d{i:05d}"))
        y, m, d = date.split("-")
        text = (
            f"{city}人民政府办公厅关于加快推进新型智慧城市建设的实施意见\n"
            f"各县(市、区)人民政府,市政府各部门:\n" + "\n".join(body) + f"\n特此通知。\n{city}人民政府办公厅\n"
            f"{y}年{int(m)}月{int(d)}日\n"
        )
        rows.append(
            {
                "doc_id": f"d{i:05d}",
                "issuer": f"{city}人民政府办公厅",
                "level": "prefecture",
                "region": province,
                "date": date,
                "year": year,
                "text": text,
            }
        )
    return pd.DataFrame(rows), pd.DataFrame(truth, columns=["formula", "doc_id"])


def run_one(n_docs: int, memory: bool) -> dict:
    corpus, truth = build_corpus(n_docs)
    find_formulas(corpus.head(50))  # tokenizer and gazetteer loaded outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    result = find_formulas(corpus)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    found = result.formulas.set_index("formula")
    expected = truth.groupby("formula")["doc_id"].apply(set)
    occ = result.occurrences.groupby("formula_id")["doc_id"].apply(set)
    exact = sum(
        1
        for f, docs in expected.items()
        if len(docs) >= 2 and f in found.index and occ[found.loc[f, "formula_id"]] == docs
    )
    out = {
        "n_docs": n_docs,
        "million_chars": round(corpus["text"].str.len().sum() / 1e6, 2),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "formulas": len(result.formulas),
        "planted_found_exactly": f"{exact}/{sum(len(d) >= 2 for d in expected)}",
    }
    if memory:
        tracemalloc.start()
        find_formulas(corpus)
        out["peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    return out


def run_pickled(path: str, memory: bool) -> dict:
    """find_formulas on a pickled corpus table: seconds, counts and peak memory."""
    corpus = pd.read_pickle(path)
    find_formulas(corpus.head(50))  # tokenizer and gazetteer loaded outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    result = find_formulas(corpus)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = {
        "corpus": path,
        "n_docs": len(corpus),
        "million_chars": round(corpus["text"].str.len().sum() / 1e6, 2),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "formulas": len(result.formulas),
        "occurrences": len(result.occurrences),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    del result
    if memory:
        tracemalloc.start()
        find_formulas(corpus)
        out["peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[250, 500, 1000, 2000])
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument("--pickle", nargs="+", default=[], help="pickled corpus tables to time instead")
    args = parser.parse_args(argv)
    if args.pickle:
        rows = [run_pickled(p, not args.no_memory) for p in args.pickle]
    else:
        rows = [run_one(n, not args.no_memory) for n in args.sizes]
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
