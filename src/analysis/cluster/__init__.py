"""Run pipeline stages on a Dask cluster: the same results as the in-process path, computed on workers.

Modules: :mod:`.client` (which cluster: ``client=`` a Client, an address, or None for a LocalCluster;
partition sizing).  Importing this package does not import dask: each function imports it when called
and raises ImportError naming the ``dask`` extra when it is missing.
"""

from __future__ import annotations

from .client import get_client, partition_count

__all__ = ["get_client", "partition_count"]
