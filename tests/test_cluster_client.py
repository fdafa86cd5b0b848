"""analysis.cluster.client: which cluster a call runs on, and how many partitions it cuts."""

from __future__ import annotations

import sys

import pytest

from analysis.cluster.client import DASK_MISSING, get_client, partition_bounds, partition_count, require_dask


class _FakeClient:
    """Stands in for a Client in the sizing rules: only nthreads() is read."""

    def __init__(self, threads: list[int]) -> None:
        self._threads = threads

    def nthreads(self) -> dict[str, int]:
        return {f"tcp://w{i}": n for i, n in enumerate(self._threads)}


def test_partition_count_gives_each_thread_a_few_and_caps_partition_size():
    two = _FakeClient([1, 1])
    assert partition_count(23, two) == 8  # 4 per thread
    assert partition_count(3, two) == 3  # never more partitions than items
    assert partition_count(0, two) == 1
    assert partition_count(100_000, two) == 50  # at most 2,000 items each
    assert partition_count(100_000, two, max_items=500) == 200
    assert partition_count(10, _FakeClient([4, 4])) == 10


def test_partition_bounds_cover_every_item_once_in_order():
    bounds = partition_bounds(10, 4)
    assert bounds == [(0, 2), (2, 5), (5, 8), (8, 10)]
    assert partition_bounds(2, 3) == [(0, 1), (1, 1), (1, 2)]


def test_without_dask_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"analysis\[dask\]") as info:
        require_dask()
    assert str(info.value) == DASK_MISSING


def test_a_client_of_the_caller_is_used_and_left_open_an_address_is_connected_and_closed():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as mine,
    ):
        with get_client(mine) as c:
            assert c is mine
        assert mine.status == "running"
        with get_client(cluster.scheduler_address) as c:
            assert c is not mine and c.submit(sum, [1, 2]).result() == 3
        assert c.status == "closed"


def test_none_starts_a_local_cluster_and_closes_it():
    pytest.importorskip("distributed")
    with get_client(n_workers=1, memory_limit="500MB") as c:
        workers = c.scheduler_info()["workers"].values()
        assert [w["nthreads"] for w in workers] == [1]
        assert [w["memory_limit"] for w in workers] == [500_000_000]
        cluster = c.cluster
    assert c.status == "closed" and cluster.status.name == "closed"


def test_anything_else_is_refused():
    pytest.importorskip("distributed")
    with pytest.raises(TypeError, match="not int"), get_client(8786):  # type: ignore[arg-type]
        pass
