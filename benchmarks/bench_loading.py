"""CPU time of loading a corpus folder and of auditing it (the two passes notebook 01 makes).

Usage: ``python benchmarks/bench_loading.py FOLDER [--audit]``; prints CPU seconds
(``time.process_time``, since the machine is shared) for ``read_corpus`` and,
with ``--audit``, for ``audit_folder``, and the number of documents and audit rows.
"""

from __future__ import annotations

import argparse
import time
import warnings

from analysis.corpus import audit_folder, read_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder")
    parser.add_argument("--audit", action="store_true", help="also time audit_folder")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    t0 = time.process_time()
    loaded = read_corpus(args.folder)
    t1 = time.process_time()
    print(f"read_corpus: {t1 - t0:.1f} s CPU, {len(loaded.documents)} documents")
    if args.audit:
        audit = audit_folder(args.folder, warn=False)
        t2 = time.process_time()
        print(f"audit_folder: {t2 - t1:.1f} s CPU, {len(audit.files)} files, {len(audit.removed)} removed lines")


if __name__ == "__main__":
    main()
