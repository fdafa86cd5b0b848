"""Benchmark: ``python -m analysis report`` on a corpus folder, time and peak memory per notebook.

Runs the report as a child process, samples the resident memory of its whole
process tree (the CLI and the notebook kernels) every 250 ms and splits the
run at the ``<notebook>: executed in`` lines the CLI prints.  A notebook that
fails is reported with the CLI's last lines.

Usage::

    .venv/bin/python benchmarks/bench_report.py CORPUS_DIR [--out DIR]
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_report_"))
    command = [sys.executable, "-m", "analysis", "report", "--corpus", str(args.corpus)]
    command += ["--out", str(out / "reports"), "--figures", str(out / "figures")]
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
    rows, tail = [], []
    assert proc.stdout is not None
    for line in proc.stdout:
        tail = [*tail[-30:], line.rstrip()]
        if ": executed in" in line:
            now = time.perf_counter()
            rows.append((line.split(":")[0], now - last, peak[0]))
            print(f"{rows[-1][0]}: {now - last:.0f} s, peak {peak[0] / 1e9:.2f} GB", flush=True)
            last, peak[0] = now, 0
    code = proc.wait()
    done.set()
    sampler.join()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"load average at end: {os.getloadavg()}")
    if code != 0:
        print(f"report failed (exit {code}) after {time.perf_counter() - start:.0f} s; last output:")
        print("\n".join(tail))
        rows.append(("(failed notebook)", time.perf_counter() - last, peak[0]))
    print("\n| notebook | wall (s) | peak memory (GB) |\n|---|---:|---:|")
    for name, seconds, memory in rows:
        print(f"| {name} | {seconds:.0f} | {memory / 1e9:.2f} |")
    cpu = children.ru_utime + children.ru_stime
    print(f"| total | {time.perf_counter() - start:.0f} | (CPU of the report and its kernels: {cpu:.0f} s) |")


if __name__ == "__main__":
    main()
