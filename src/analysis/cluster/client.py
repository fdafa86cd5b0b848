"""Where the Dask work runs: a client for the caller's cluster, or a local one started and closed here.

Every function of :mod:`analysis.cluster` takes ``client=``:

* a :class:`distributed.Client` the caller made (``Client("tcp://scheduler:8786")``): used, never closed;
* an address string (``"tcp://scheduler:8786"``): a client is connected for the call and closed after it;
* None: a :class:`distributed.LocalCluster` (one single-threaded worker process per core) is started for
  the call and closed after it.

Workers must have the package installed (the same version as the caller), since they import it to run
the per-file and per-partition functions.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "DASK_MISSING",
    "PARTITIONS_PER_THREAD",
    "get_client",
    "partition_bounds",
    "partition_count",
    "require_dask",
]

#: Partitions per worker thread: a few per thread, so a slow partition does not leave the others idle.
PARTITIONS_PER_THREAD = 4
#: The message when dask or distributed is not installed.
DASK_MISSING = (
    "the Dask backend needs dask and distributed: pip install 'analysis[dask]' "
    "(or pip install 'dask[bag,dataframe]' distributed)"
)


def require_dask() -> None:
    """Raise ImportError naming the extra to install when dask or distributed is missing; returns None."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:
        raise ImportError(DASK_MISSING) from e


@contextmanager
def get_client(
    client: Client | str | None = None, *, n_workers: int | None = None, memory_limit: str | float | None = None
) -> Iterator[Client]:
    """A context manager yielding a :class:`distributed.Client` to run on.

    Parameters
    ----------
    client : an existing Client (yielded as is and left open), a scheduler address such as
        ``"tcp://scheduler:8786"`` (connected now, closed on exit), or None: a LocalCluster started
        now and closed on exit.
    n_workers : workers of the LocalCluster (None: one per core); ignored for an existing cluster.
    memory_limit : memory per worker of the LocalCluster, bytes or a string such as ``"2GB"``
        (None: Dask's default, the machine's memory shared by the workers); ignored for an existing cluster.

    Raises
    ------
    ImportError : dask or distributed is not installed (the message names the extra).
    TypeError : ``client`` is neither a Client, a string nor None.
    """
    require_dask()
    from distributed import Client, LocalCluster

    if isinstance(client, Client):
        yield client
        return
    if isinstance(client, str):
        with Client(client) as connected:
            yield connected
        return
    if client is not None:
        kind = type(client).__name__
        raise TypeError(f"client must be a distributed.Client, a scheduler address or None, not {kind}")
    options: dict[str, Any] = {
        "n_workers": n_workers or os.cpu_count() or 1,
        "threads_per_worker": 1,  # tokenising and parsing hold the GIL: processes, not threads
        "processes": True,
        "dashboard_address": ":0",  # any free port: several clusters may run on one machine
    }
    if memory_limit is not None:
        options["memory_limit"] = memory_limit
    with LocalCluster(**options) as cluster, Client(cluster) as local:
        yield local


def partition_count(n_items: int, client: Client, *, max_items: int = 2000) -> int:
    """How many partitions to cut ``n_items`` items into on ``client``'s cluster; returns an int >= 1.

    :data:`PARTITIONS_PER_THREAD` per worker thread, more when a partition would hold more than
    ``max_items`` items (so a partition's results stay small next to a worker's memory), never more
    partitions than items.
    """
    if n_items <= 0:
        return 1
    threads = sum(client.nthreads().values()) or 1
    wanted = max(PARTITIONS_PER_THREAD * threads, math.ceil(n_items / max_items))
    return max(1, min(n_items, wanted))


def partition_bounds(n_items: int, npartitions: int) -> list[tuple[int, int]]:
    """``npartitions`` consecutive [start, stop) ranges of near-equal length covering range(n_items).

    Returns a list of (start, stop) int pairs, in order; none is empty when npartitions <= n_items.
    """
    bounds = [round(i * n_items / npartitions) for i in range(npartitions + 1)]
    return list(itertools.pairwise(bounds))
