"""Benchmark passage reuse on Dask (:func:`analysis.cluster.reuse.find_reuse`) against the in-process detector.

One synthetic corpus (``synthetic.make_corpus``: planted reuse, boilerplate,
stock phrases) is run twice:

1. in-process, :func:`analysis.reuse.find_reuse`: time, then a second run
   under tracemalloc for the peak memory it allocates (as ``bench_reuse.py``);
2. on a ``LocalCluster`` whose workers each get ``--memory-limit`` (default
   300 MB, below the in-process peak): time, each worker's peak resident
   memory (``ru_maxrss`` of the worker process, which includes the ~180 MB
   of Python, dask, numpy and pandas a worker holds before any task),
   spilled bytes and whether a worker was restarted.

The two results are compared (pairs, passages and params must be identical).
Prints one JSON line.  Usage::

    python benchmarks/bench_cluster_reuse.py --docs 3000 --mean-chars 1500
    python benchmarks/bench_cluster_reuse.py --docs 200 --mean-chars 1500 --memory-limit 1GB --no-memory
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from pandas.testing import assert_frame_equal

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis.cluster.reuse import find_reuse as find_reuse_on_cluster
from analysis.reuse import find_reuse
from synthetic import make_corpus


def worker_peak_mb() -> float:
    """Peak resident memory of the calling process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_rss_mb() -> float:
    """Current resident memory of the calling process (MB)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def worker_spilled_mb(dask_worker) -> float:
    """Bytes this worker has spilled to disk so far (MB; 0 when the store does not say)."""
    spilled = getattr(dask_worker.data, "spilled_total", None)
    return float(getattr(spilled, "disk", 0)) / 2**20 if spilled is not None else 0.0


def machine() -> dict:
    """The machine the benchmark ran on."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "")
    mem = next((int(ln.split()[1]) for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem / 2**20, 1), "python": platform.python_version()}


def in_process(corpus, memory: bool) -> tuple[object, dict]:
    """Run the in-process detector; return its result and time / peak memory."""
    gc.collect()
    t0 = time.perf_counter()
    result = find_reuse(corpus, progress=False)
    out = {"seconds": round(time.perf_counter() - t0, 1)}
    if memory:
        gc.collect()
        tracemalloc.start()
        find_reuse(corpus, progress=False)
        out["peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    return result, out


def on_cluster(corpus, workers: int, memory_limit: str, npartitions: int | None, pause: bool) -> tuple[object, dict]:
    """Run the Dask detector on a fresh LocalCluster; return its result and time / worker memory.

    ``pause=False`` turns off Dask's pausing of a worker at 80 % of its memory: a worker whose
    memory is mostly the ~180 MB it holds before any task cannot get below it by spilling, and
    stays paused.  The nanny still restarts a worker at 95 %.
    """
    import dask
    from distributed import Client, LocalCluster

    with (
        dask.config.set({"distributed.worker.memory.pause": 0.8 if pause else False}),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("analysis.cluster.reuse_align"))
        before = client.run(worker_rss_mb)
        t0 = time.perf_counter()
        result = find_reuse_on_cluster(corpus, client=client, npartitions=npartitions, progress=False)
        seconds = time.perf_counter() - t0
        peaks = client.run(worker_peak_mb)
        spilled = client.run(worker_spilled_mb)
        restarted = set(before) != set(peaks)
    return result, {
        "seconds": round(seconds, 1),
        "workers": workers,
        "memory_limit": memory_limit,
        "npartitions": npartitions if npartitions is not None else "partition_count",
        "worker_rss_before_mb": [round(v, 1) for v in before.values()],
        "worker_peak_rss_mb": [round(v, 1) for v in peaks.values()],
        "worker_spilled_mb": [round(v, 1) for v in spilled.values()],
        "worker_restarted": restarted,
        "pause_at_80_percent": pause,
        "dask": dask.__version__,
    }


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, run both detectors and print one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--mean-chars", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--memory-limit", default="300MB")
    ap.add_argument("--npartitions", type=int, default=None)
    ap.add_argument("--no-memory", action="store_true", help="skip the in-process tracemalloc run")
    ap.add_argument("--no-pause", action="store_true", help="workers do not pause at 80%% of their memory")
    args = ap.parse_args(argv)
    corpus, _truth = make_corpus(args.docs, mean_chars=args.mean_chars, seed=args.seed)
    out: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "load_before": [round(x, 2) for x in os.getloadavg()],
        "n_docs": args.docs,
        "mchars": round(float(corpus["text"].str.len().sum()) / 1e6, 2),
    }
    expected, out["in_process"] = in_process(corpus, not args.no_memory)
    print(json.dumps(out, ensure_ascii=False), file=sys.stderr, flush=True)
    got, out["cluster"] = on_cluster(corpus, args.workers, args.memory_limit, args.npartitions, not args.no_pause)
    assert_frame_equal(got.pairs, expected.pairs)
    assert_frame_equal(got.passages, expected.passages)
    assert got.params == expected.params
    out["identical"] = True
    out["pairs"], out["passages"] = len(got.pairs), len(got.passages)
    out["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
