"""Reading a corpus folder on a Dask cluster: each file read, cleaned and parsed on a worker.

The files are listed here (:func:`analysis.io.files.scan_folder`), cut into partitions of a
:class:`dask.bag.Bag` and mapped through :func:`analysis.corpus.load.parse_file`, the function the
in-process :func:`analysis.corpus.read_corpus` calls for each file.  The per-file results come back
in file order and are gathered by :func:`analysis.corpus.load.gather_load` (metadata.csv, ids,
duplicates, order, evidence, audit), so the tables are those of the in-process path.

Workers open the files by the paths listed here: on a cluster of several machines the folder must be
mounted at the same path on every worker.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..corpus.load import CorpusLoad, FileParse, default_seed_dir, gather_load, parse_file, warn_load
from ..io.files import scan_folder
from .client import get_client, partition_count, require_dask

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["load_corpus", "read_corpus"]


def read_corpus(
    path: str | os.PathLike | None = None,
    *,
    client: Client | str | None = None,
    metadata: str | os.PathLike | None = None,
    audit: bool = False,
    npartitions: int | None = None,
) -> CorpusLoad:
    """:func:`analysis.corpus.read_corpus` with the files read and parsed on a Dask cluster.

    Returns the same :class:`~analysis.corpus.CorpusLoad` (documents, skipped, field_sources,
    evidence, audit when ``audit``) as the in-process function, with the same warnings.

    Parameters
    ----------
    path, metadata, audit : as in :func:`analysis.corpus.read_corpus` (None: the bundled seeds).
    client : a :class:`distributed.Client`, a scheduler address, or None for a LocalCluster
        started and closed here (:func:`analysis.cluster.client.get_client`).
    npartitions : partitions of the file list (None: :func:`~analysis.cluster.client.partition_count`).
    """
    folder = Path(path) if path is not None else default_seed_dir()
    load = _read(folder, client, metadata, audit, npartitions)
    warn_load(load, "read_corpus", stacklevel=3)
    return load


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    client: Client | str | None = None,
    metadata: str | os.PathLike | None = None,
    npartitions: int | None = None,
) -> pd.DataFrame:
    """:func:`analysis.corpus.load_corpus` on a Dask cluster: the documents table of :func:`read_corpus`."""
    folder = Path(path) if path is not None else default_seed_dir()
    load = _read(folder, client, metadata, False, npartitions)
    warn_load(load, "load_corpus", stacklevel=3)
    return load.documents


def _read(
    folder: Path,
    client: Client | str | None,
    metadata: str | os.PathLike | None,
    audit: bool,
    npartitions: int | None,
) -> CorpusLoad:
    """The :class:`CorpusLoad` of ``folder``, its files parsed on the cluster."""
    require_dask()
    scan = scan_folder(folder)
    skipped: list[dict] = [{"file": where, "reason": reason} for where, reason in scan.problems]
    root = folder if folder.is_dir() else None
    results = _parse_files(scan.files, root, audit, client, npartitions) if scan.files else []
    parsed = [d for r in results for d in r.docs]
    skipped.extend(row for r in results for row in r.skipped)
    audit_rows = None
    if audit:
        audit_rows = (
            [r.audit for r in results if r.audit is not None],
            [row for r in results for row in r.removed],
        )
    return gather_load(folder, parsed, skipped, metadata, audit_rows)


def _parse_files(
    files: list[Path], root: Path | None, audit: bool, client: Client | str | None, npartitions: int | None
) -> list[FileParse]:
    """:func:`parse_file` of every file, computed on the cluster; returns the results in file order."""
    import dask.bag as db

    with get_client(client) as c:
        n = npartitions or partition_count(len(files), c)
        bag = db.from_sequence(files, npartitions=n).map(parse_file, root, audit=audit)
        return list(c.compute(bag, sync=True))
