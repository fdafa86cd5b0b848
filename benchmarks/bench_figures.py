"""Benchmark the figures whose cost grows with the corpus: the reuse network and the co-occurrence network.

For each corpus size N a fresh subprocess builds a synthetic corpus table (levels,
45 cities in 15 provinces, 2014-2023, 公文-style titles and issuers) and a
synthetic reuse ``pairs`` table shaped like :class:`analysis.reuse.ReuseResult`'s
(about ``--pairs-per-doc`` sources per document, each earlier in time; reused
characters log-normal), then times ``reuse_network`` + ``plot_reuse_network``
(saved as PNG, and SVG where save_figure writes it by default) and reports the wall
and CPU time (CPU time is the fairer number on a shared machine) and the peak resident memory of
the process (``resource.getrusage``, so imports are included: the baseline after
imports is reported too).  A co-occurrence table of ``4 * N`` random term pairs
over a 2,000-term vocabulary is drawn with ``plot_cooccurrence_network`` in the
same way.

Usage::

    python benchmarks/bench_figures.py                       # N = 60 300 1000 5000
    python benchmarks/bench_figures.py --sizes 60 300 --timeout 120
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

LEVEL_SHARES = {"central": 0.03, "ministry": 0.07, "provincial": 0.25, "prefecture": 0.5, "county": 0.15}
PROVINCES = "河北 四川 陕西 河南 浙江 江苏 湖北 湖南 安徽 福建 山东 辽宁 云南 贵州 广西".split()
CITIES = (
    "石家庄 唐山 保定 成都 绵阳 德阳 西安 宝鸡 咸阳 郑州 洛阳 开封 杭州 宁波 温州 南京 苏州 无锡 武汉 宜昌 "
    "襄阳 长沙 株洲 湘潭 合肥 芜湖 蚌埠 福州 厦门 泉州 济南 青岛 烟台 沈阳 大连 鞍山 昆明 曲靖 玉溪 贵阳 "
    "遵义 六盘水 南宁 柳州 桂林"
).split()
TOPICS = ("新型智慧城市建设", "数字政府建设", "大数据发展", "城市大脑建设", "政务服务一网通办", "信息惠民工程")


def synthetic_corpus(n: int, seed: int = 0) -> pd.DataFrame:
    """Return a corpus table of ``n`` documents: doc_id, level, year, date, region, issuer, title, short_title."""
    rng = np.random.default_rng(seed)
    levels = rng.choice(list(LEVEL_SHARES), size=n, p=list(LEVEL_SHARES.values()))
    years = rng.integers(2014, 2024, size=n)
    city_idx = rng.integers(0, len(CITIES), size=n)
    rows = []
    for i, (level, year, c) in enumerate(zip(levels, years, city_idx)):
        city, province = CITIES[c], PROVINCES[c // 3]
        topic = TOPICS[i % len(TOPICS)]
        if level == "central":
            region, issuer = "全国", "国务院办公厅"
        elif level == "ministry":
            region, issuer = "全国", "国家发展改革委"
        elif level == "provincial":
            region, issuer = province, f"{province}省人民政府办公厅"
        else:
            region, issuer = province, f"{city}市人民政府办公室"
        rows.append(
            {
                "doc_id": f"d{i:05d}",
                "level": str(level),
                "year": int(year),
                "date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "region": region,
                "issuer": issuer,
                "title": f"{issuer}关于印发{topic}实施方案的通知",
                "short_title": f"{topic}实施方案",
            }
        )
    return pd.DataFrame(rows)


def synthetic_pairs(corpus: pd.DataFrame, pairs_per_doc: float = 3.0, seed: int = 0) -> pd.DataFrame:
    """Return a ReuseResult-like pairs table: each target reuses ~Poisson(pairs_per_doc) earlier documents."""
    rng = np.random.default_rng(seed)
    order = corpus.sort_values(["year", "date", "doc_id"]).reset_index(drop=True)
    rows = []
    for t in range(1, len(order)):
        k = min(t, int(rng.poisson(pairs_per_doc)))
        for s in rng.choice(t, size=k, replace=False):
            chars = int(np.clip(rng.lognormal(5.0, 1.0), 30, 5000))
            rows.append(
                {
                    "source_doc_id": order.doc_id[s],
                    "target_doc_id": order.doc_id[t],
                    "aligned_chars": chars,
                    "target_share": chars / 6500,
                    "source_share": chars / 6500,
                    "score": chars / 6500,
                    "n_passages": 1 + chars // 400,
                }
            )
    return pd.DataFrame(rows)


def synthetic_cooccurrence(n: int, seed: int = 0) -> pd.DataFrame:
    """Return a cooccurrence-like table: ``4 n`` pairs of a 2,000-term vocabulary with Zipf-like weights."""
    rng = np.random.default_rng(seed)
    vocab = [f"词{i:04d}" for i in range(2000)]
    p = 1.0 / np.arange(1, 2001)
    p /= p.sum()
    a, b = rng.choice(2000, size=4 * n, p=p), rng.choice(2000, size=4 * n, p=p)
    keep = a != b
    lo, hi = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
    table = pd.DataFrame({"term_a": [vocab[i] for i in lo], "term_b": [vocab[i] for i in hi]})
    table = table.value_counts().rename("count").reset_index()
    table["weight"] = table["count"]
    table["jaccard"] = table["count"] / table["count"].max()
    return table


def _rss_mb() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(n: int, pairs_per_doc: float) -> dict:
    """Time one reuse-network and one co-occurrence figure at size ``n`` (inside a fresh process)."""
    from analysis.plotting import plot_cooccurrence_network, plot_reuse_network
    from analysis.reuse import reuse_network

    corpus = synthetic_corpus(n)
    pairs = synthetic_pairs(corpus, pairs_per_doc)
    edges = synthetic_cooccurrence(n)
    import matplotlib  # noqa: F401  (imported before the baseline is taken)

    base_rss = _rss_mb()
    out = Path(tempfile.mkdtemp())
    start, cpu = time.perf_counter(), time.process_time()
    graph = reuse_network(corpus, pairs)
    plot_reuse_network(graph, path=out / "reuse.png", dpi=150)
    reuse_s, reuse_cpu = time.perf_counter() - start, time.process_time() - cpu
    reuse_rss = _rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    plot_cooccurrence_network(edges, weight="jaccard", path=out / "cooc.png", dpi=150)
    cooc_s, cooc_cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "n_docs": n,
        "n_pairs": len(pairs),
        "reuse_s": round(reuse_s, 2),
        "reuse_cpu_s": round(reuse_cpu, 2),
        "cooc_edges": len(edges),
        "cooc_s": round(cooc_s, 2),
        "cooc_cpu_s": round(cooc_cpu, 2),
        "baseline_rss_mb": round(base_rss),
        "peak_rss_after_reuse_mb": round(reuse_rss),
        "peak_rss_mb": round(_rss_mb()),
        "files": sorted(p.name for p in out.iterdir()),
        "out": str(out),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 300, 1000, 5000])
    parser.add_argument("--pairs-per-doc", type=float, default=3.0)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per size before giving up")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.pairs_per_doc)))
        return
    for n in args.sizes:
        command = [sys.executable, __file__, "--one", str(n), "--pairs-per-doc", str(args.pairs_per_doc)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(json.dumps({"n_docs": n, "error": f"timed out after {args.timeout:.0f} s"}), flush=True)
            continue
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            print(json.dumps({"n_docs": n, "error": done.stderr.strip().splitlines()[-1:]}), flush=True)
        else:
            print(lines[-1], flush=True)


if __name__ == "__main__":
    main()
