"""Time and memory of loading a corpus folder, in this process or in worker processes.

Usage: ``python benchmarks/bench_loading.py FOLDER [--audit] [--n-jobs N]``; run each setting in a
fresh process.  Prints for ``read_corpus(FOLDER, n_jobs=N)``: wall seconds, CPU seconds of this
process and of its finished worker processes (user + system, ``resource.getrusage``; the machine is
shared, so CPU is the fairer figure), the peak resident size of this process and of the largest
worker (forked workers share the parent's pages until written, so the two overlap), the load
average before and after, and the number of documents; with ``--audit``, also the CPU seconds of
``audit_folder`` (the second pass that ``read_corpus(audit=True)`` replaces); with ``--save PATH``
the documents table is written to Parquet.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import warnings

from analysis.corpus import audit_folder, read_corpus


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder")
    parser.add_argument("--audit", action="store_true", help="also time audit_folder")
    parser.add_argument("--n-jobs", type=int, default=None, help="read_corpus(n_jobs=...); default None (automatic)")
    parser.add_argument("--save", help="write the documents table to this Parquet file (to time later stages on it)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    load_before = os.getloadavg()
    wall, cpu, cpu_children = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    loaded = read_corpus(args.folder, n_jobs=args.n_jobs)
    wall = time.perf_counter() - wall
    cpu = _cpu(resource.RUSAGE_SELF) - cpu
    cpu_children = _cpu(resource.RUSAGE_CHILDREN) - cpu_children
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    load_after = os.getloadavg()
    print(
        f"read_corpus(n_jobs={args.n_jobs}): {wall:.1f} s wall, "
        f"{cpu:.1f} s CPU here + {cpu_children:.1f} s in workers, "
        f"peak RSS {peak:.0f} MB here, {peak_child:.0f} MB largest worker; "
        f"load average {load_before[0]:.2f} -> {load_after[0]:.2f}; {len(loaded.documents)} documents"
    )
    if args.save:
        loaded.documents.to_parquet(args.save)
    if args.audit:
        t1 = time.process_time()
        audit = audit_folder(args.folder, warn=False)
        t2 = time.process_time()
        print(f"audit_folder: {t2 - t1:.1f} s CPU, {len(audit.files)} files, {len(audit.removed)} removed lines")


if __name__ == "__main__":
    main()
