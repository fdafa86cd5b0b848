"""Benchmark: ``python -m analysis report`` on a corpus folder, time and peak memory per notebook.

Runs the report as a child process, samples the resident memory of its whole
process tree (the CLI and the notebook kernels) every 250 ms and splits the
run at the ``<notebook>: executed in`` lines the CLI prints; the first
notebook's row includes the CLI's ``prepare`` step (reading the corpus,
discovering terms).  CPU time is given beside wall time because the benchmark
machine is shared.  A notebook that
fails is reported with the CLI's last lines.

The report runs notebooks 02-05 as two groups at once by default: a row then covers the
interval since the previous notebook *finished* (all running kernels' CPU and memory), not one
notebook's own cost; ``--jobs 1`` runs them one after another for per-notebook figures.

Usage::

    .venv/bin/python benchmarks/bench_report.py CORPUS_DIR [--out DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of process ``pid`` and all its descendants, 0 once it has ended."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) so far of process ``pid``, its reaped children and live descendants."""
    try:
        root = psutil.Process(pid)
        times = root.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        for child in root.children(recursive=True):
            try:
                child_times = child.cpu_times()
                total += child_times.user + child_times.system
            except psutil.Error:
                pass
    except psutil.Error:
        return float("nan")
    return float(total)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=None, help="passed to the report (default: its own)")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_report_"))
    command = [sys.executable, "-m", "analysis", "report", "--corpus", str(args.corpus)]
    command += ["--out", str(out / "reports"), "--figures", str(out / "figures")]
    if args.jobs is not None:
        command += ["--jobs", str(args.jobs)]
    interval = args.jobs != 1  # notebooks overlap: a row is the interval up to one finishing
    print(f"load average at start: {os.getloadavg()}", flush=True)
    start = last = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid))
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    rows: list[tuple[str, float, float, float]] = []
    tail: list[str] = []
    cpu_mark = 0.0
    assert proc.stdout is not None
    for line in proc.stdout:
        tail = [*tail[-30:], line.rstrip()]
        if ": executed in" in line:
            now, cpu = time.perf_counter(), tree_cpu(proc.pid)
            name = line.split(":")[0] + (" (interval to its end)" if interval and rows else "")
            rows.append((name, now - last, cpu - cpu_mark, peak[0]))
            print(
                f"{rows[-1][0]}: {now - last:.0f} s, {cpu - cpu_mark:.0f} s CPU, peak {peak[0] / 1e9:.2f} GB",
                flush=True,
            )
            last, cpu_mark, peak[0] = now, cpu, 0
    code = proc.wait()
    done.set()
    sampler.join()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"load average at end: {os.getloadavg()}")
    cpu = children.ru_utime + children.ru_stime
    if code != 0:
        print(f"report failed (exit {code}) after {time.perf_counter() - start:.0f} s; last output:")
        print("\n".join(tail))
        rows.append(("(failed notebook)", time.perf_counter() - last, cpu - cpu_mark, peak[0]))
    else:
        # after the last notebook the CLI writes the Excel workbook of every table and the index page
        rows.append(("workbook + index", time.perf_counter() - last, cpu - cpu_mark, peak[0]))
    print("\n| notebook | wall (s) | CPU (s) | peak memory (GB) |\n|---|---:|---:|---:|")
    for name, seconds, cpu_seconds, memory in rows:
        print(f"| {name} | {seconds:.0f} | {cpu_seconds:.0f} | {memory / 1e9:.2f} |")
    highest = max((r[3] for r in rows), default=0) / 1e9
    print(f"| total | {time.perf_counter() - start:.0f} | {cpu:.0f} | {highest:.2f} |")


if __name__ == "__main__":
    main()
