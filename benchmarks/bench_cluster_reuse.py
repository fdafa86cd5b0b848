"""Benchmark passage reuse on Dask (:func:`analysis.cluster.reuse.find_reuse`) against the in-process detector.

One synthetic corpus (``synthetic.make_corpus``: planted reuse, boilerplate,
stock phrases) is run twice:

1. in-process, :func:`analysis.reuse.find_reuse`: time, then a second run
   under tracemalloc for the peak memory it allocates (as ``bench_reuse.py``);
2. on a ``LocalCluster`` whose workers each get ``--memory-limit`` (default
   300 MB, below the in-process peak): time, each worker's peak resident
   memory (VmHWM of the worker process, which includes what a
   worker holds before any task: Python, distributed, numpy and the reuse
   steps' modules), the heavy libraries a worker imported (none is
   expected: the worker-side steps need numpy only), spilled bytes and
   whether a worker was restarted.

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
import sys
import time
import tracemalloc
from pathlib import Path

# Only light modules at module level: LocalCluster starts its workers with multiprocessing's
# "spawn", which imports this file in every worker; a module-level pandas import here would be
# counted in every worker's memory (it was: 146 MB before the first task instead of ~70 MB).
sys.path.insert(0, str(Path(__file__).resolve().parent))


def worker_peak_mb() -> float:
    """Peak resident memory of the calling process so far (MB): VmHWM of /proc/self/status.

    Not ``ru_maxrss``: Linux keeps it across ``execve``, so a spawned worker reports its parent's
    peak (the in-process run's) until it exceeds it.
    """
    with open("/proc/self/status") as f:
        line = next(ln for ln in f if ln.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def worker_rss_mb() -> float:
    """Current resident memory of the calling process (MB)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


HEAVY = ("pandas", "scipy", "networkx", "datasketch", "sklearn", "jieba", "rjieba")


def worker_heavy_modules() -> list[str]:
    """The heavy libraries imported in the calling process (the reuse steps on a worker need none)."""
    return [m for m in HEAVY if m in sys.modules]


def worker_spilled_mb(dask_worker) -> float:
    """Bytes this worker has written to disk over its life (MB, pickled; 0 when the store does not say).

    Not ``spilled_total``: that is what is on disk now, zero once the run has released its data.
    """
    metrics = getattr(dask_worker.data, "cumulative_metrics", {})
    return float(metrics.get(("disk-write", "bytes"), 0.0)) / 2**20


def task_seconds(records: list[dict]) -> dict:
    """Worker seconds by kind: computing per task name (top five), fetching data, spilling; and the task count."""
    from dask.utils import key_split

    compute: dict[str, float] = {}
    other: dict[str, float] = {}
    for rec in records:
        for ss in rec.get("startstops", ()):
            took = ss["stop"] - ss["start"]
            if ss["action"] == "compute":
                name = key_split(rec["key"])
                compute[name] = compute.get(name, 0.0) + took
            else:
                other[ss["action"]] = other.get(ss["action"], 0.0) + took
    top = dict(sorted(compute.items(), key=lambda kv: -kv[1])[:5])
    return {
        "n_tasks": len(records),
        "compute_seconds": round(sum(compute.values()), 1),
        "compute_seconds_top": {k: round(v, 1) for k, v in top.items()},
        "other_seconds": {k: round(v, 1) for k, v in other.items()},
    }


def worker_sent_mb(dask_worker) -> float:
    """Bytes this worker has sent to other workers so far (MB, as Dask sizes them)."""
    return dask_worker.transfer_outgoing_bytes_total / 2**20


def machine() -> dict:
    """The machine the benchmark ran on."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "")
    mem = next((int(ln.split()[1]) for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem / 2**20, 1), "python": platform.python_version()}


def in_process(corpus, memory: bool) -> tuple[object, dict]:
    """Run the in-process detector; return its result and time / peak memory."""
    from analysis.reuse import find_reuse

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
    from distributed import Client, LocalCluster, get_task_stream

    from analysis.cluster.client import partition_count
    from analysis.cluster.reuse import find_reuse as find_reuse_on_cluster

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
        used = npartitions if npartitions is not None else partition_count(len(corpus), client)
        t0 = time.perf_counter()
        with get_task_stream(client) as stream:
            result = find_reuse_on_cluster(corpus, client=client, npartitions=used, progress=False)
        seconds = time.perf_counter() - t0
        peaks = client.run(worker_peak_mb)
        spilled = client.run(worker_spilled_mb)
        sent = client.run(worker_sent_mb)
        heavy = sorted({m for mods in client.run(worker_heavy_modules).values() for m in mods})
        restarted = set(before) != set(peaks)
    return result, {
        "seconds": round(seconds, 1),
        "workers": workers,
        "memory_limit": memory_limit,
        "npartitions": used if npartitions is not None else f"{used} (partition_count)",
        "worker_rss_before_mb": [round(v, 1) for v in before.values()],
        "worker_peak_rss_mb": [round(v, 1) for v in peaks.values()],
        "worker_spilled_mb": [round(v, 1) for v in spilled.values()],
        "worker_heavy_imports": heavy,
        "transferred_mb": round(sum(sent.values()), 1),
        **task_seconds(stream.data),
        "worker_restarted": restarted,
        "pause_at_80_percent": pause,
        "dask": dask.__version__,
    }


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, run both detectors and print one JSON line."""
    from pandas.testing import assert_frame_equal

    from synthetic import make_corpus

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
