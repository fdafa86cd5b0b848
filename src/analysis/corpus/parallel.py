"""Parse a corpus's files in worker processes: the per-file results in file order, warnings relayed.

:func:`parse_files` yields :func:`analysis.corpus.load.parse_file` of each file, in the order
given, either in this process or in a pool of worker processes (:func:`load_n_jobs` decides how
many, following :func:`analysis.segment.tokenize_corpus`: in-process for small corpora, one worker
per usable core above :data:`PARALLEL_MIN_BYTES` of files).  The results are the same objects
either way, so :func:`analysis.corpus.load.gather_load` builds identical tables from them.

Workers are forked on Linux: they start in milliseconds with the parent's imported modules (the
package's lazily imported stages are imported by a worker when it first needs them, as in the
parent); elsewhere they are spawned and import the package themselves.  A warning raised while
parsing a file in a worker is sent back with that file's result and raised again in the caller,
in file order, through the warning filters and the once-per-location registry of the module that
raised it, so the caller sees what an in-process load shows.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import FileParse

__all__ = ["PARALLEL_MIN_BYTES", "PROGRESS_MIN_FILES", "load_n_jobs", "parse_files", "usable_cores"]

#: With ``n_jobs=None`` files are parsed in worker processes only when they hold more than this
#: many bytes in all.  Reading, cleaning and parsing runs at about 0.5 MB of files per CPU-second
#: (24 ms per synthetic page of 13.5 KB; ``benchmarks/RESULTS.md``), so 4 MB is some 8 s in one
#: process, against well under a second to fork the workers and send the documents back.
PARALLEL_MIN_BYTES = 4_000_000
#: A progress bar is shown for more files than this (as the in-process load always did).
PROGRESS_MIN_FILES = 200
# Files per task: enough that a task's round trip is small against parsing it (24 ms a file),
# few enough that both workers stay busy to the end and the bar moves.
_MAX_CHUNK = 64

#: A warning as sent back from a worker: the message (a Warning instance), file name and line.
WarningRecord = tuple[Warning, str, int]


def usable_cores() -> int:
    """The number of cores this process may run on (its CPU affinity where the OS reports one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows lack sched_getaffinity
        return os.cpu_count() or 1


def load_n_jobs(n_jobs: int | None, n_bytes: int) -> int:
    """The worker processes to parse ``n_bytes`` of files with; 1 means in this process.

    ``n_jobs`` None: 1 up to :data:`PARALLEL_MIN_BYTES`, else :func:`usable_cores`; a positive
    number is taken as given; -1 means every usable core, -2 all but one, and so on (as in
    scikit-learn).  Raises ValueError for 0.
    """
    if n_jobs == 0:
        raise ValueError("n_jobs must be a positive number of processes, or -1 for every core (got 0)")
    if n_jobs is None:
        return 1 if n_bytes <= PARALLEL_MIN_BYTES else usable_cores()
    if n_jobs < 0:
        return max(1, usable_cores() + 1 + n_jobs)
    return n_jobs


def files_size(files: list[Path]) -> int:
    """Bytes of ``files`` on disk in all (a file that cannot be stat'ed counts 0: parsing reports it)."""
    total = 0
    for f in files:
        try:
            total += f.stat().st_size
        except OSError:
            pass
    return total


def parse_files(
    parse: Callable[..., FileParse],
    files: list[Path],
    root: Path | None,
    *,
    audit: bool,
    n_jobs: int,
    progress: bool,
) -> Iterator[FileParse]:
    """Yield ``parse(f, root, audit=audit)`` of each file of ``files``, in order.

    ``parse`` is :func:`analysis.corpus.load.parse_file` (passed in, so this module does not
    import the loader that imports it).  With ``n_jobs`` > 1 and more than one file the files are
    parsed in that many worker processes, in chunks of consecutive files; warnings raised there are
    raised again here, each after the file that raised it has been parsed and before the next file's
    result is yielded.  An exception a file raises (a bug: parse_file turns the failures a file can
    cause into skipped rows) propagates, and the files not yet started are cancelled.
    """
    bar = _progress_bar(len(files), progress)
    try:
        if n_jobs <= 1 or len(files) < 2:
            for f in files:
                yield parse(f, root, audit=audit)
                bar.update(1)
            return
        yield from _in_workers(parse, files, root, audit, n_jobs, bar)
    finally:
        bar.close()


def _in_workers(
    parse: Callable[..., FileParse], files: list[Path], root: Path | None, audit: bool, n_jobs: int, bar: Any
) -> Iterator[FileParse]:
    """The results of :func:`parse_files` computed in ``n_jobs`` worker processes."""
    chunksize = max(1, min(_MAX_CHUNK, len(files) // (n_jobs * 8)))
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    pool = ProcessPoolExecutor(max_workers=min(n_jobs, len(files)), mp_context=multiprocessing.get_context(method))
    try:
        task = partial(_parse_recording, parse, root=root, audit=audit)
        for result, caught, error in pool.map(task, files, chunksize=chunksize):
            _raise_again(caught)
            if error is not None:
                raise error[0] from _RemoteTraceback(error[1])
            assert result is not None
            yield result
            bar.update(1)
    finally:
        # on an exception (or the caller abandoning the generator) drop the chunks not yet started
        pool.shutdown(wait=True, cancel_futures=True)


class _RemoteTraceback(Exception):
    """The traceback, as text, of an exception raised in a worker (the cause of the one re-raised)."""

    def __str__(self) -> str:
        return f'\n"""\n{self.args[0]}"""'


def _parse_recording(
    parse: Callable[..., FileParse], f: Path, *, root: Path | None, audit: bool
) -> tuple[FileParse | None, list[WarningRecord], tuple[Exception, str] | None]:
    """In a worker: ``parse(f, root, audit=audit)``, every warning it raised (all of them, whatever
    the worker's filters: the caller's filters decide what is shown), and the exception it raised
    with its traceback (None when it returned), so the caller gets the warnings raised before it."""
    result, error = None, None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = parse(f, root, audit=audit)
        except Exception as e:  # raised again in the caller, after the warnings before it
            error = (e, traceback.format_exc())
    return result, [(w.message, w.filename, w.lineno) for w in caught if isinstance(w.message, Warning)], error


def _raise_again(caught: list[WarningRecord]) -> None:
    """Raise the warnings a worker recorded in this process, as the code that raised them would have.

    Each goes through this process's filters with the registry of the module it was raised in
    (found by file name), so a warning shown once per location in-process is shown once here too.
    """
    for message, filename, lineno in caught:
        module = _module_of(filename)
        registry = module.__dict__.setdefault("__warningregistry__", {}) if module is not None else None
        warnings.warn_explicit(
            message,
            type(message),
            filename,
            lineno,
            module=module.__name__ if module is not None else None,
            registry=registry if registry is not None else _ORPHAN_REGISTRIES.setdefault(filename, {}),
            module_globals=module.__dict__ if module is not None else None,
        )


#: Once-per-location registries of warnings raised outside any imported module's file.
_ORPHAN_REGISTRIES: dict[str, dict] = {}


def _module_of(filename: str) -> ModuleType | None:
    """The imported module whose source file is ``filename``, if any."""
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", None) == filename:
            return module
    return None


class _NoBar:
    """Stands in for a tqdm bar when no progress is shown."""

    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, show: bool) -> Any:
    """A tqdm bar over ``total`` files when ``show``, else an object with the same update/close."""
    if not show:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="parsing files", unit="file")
