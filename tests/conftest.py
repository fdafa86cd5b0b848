"""Shared test set-up: the segmentation cache never goes to the real user cache directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.segment import CACHE_ENV_VAR

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

#: Policy terms the dictionary must keep whole.
KEY_TERMS = [
    "智慧城市",
    "大数据",
    "物联网",
    "云计算",
    "一网通办",
    "一网统管",
    "城市大脑",
    "数字孪生",
    "城市信息模型",
    "数据要素",
    "新型智慧城市",
]


@pytest.fixture(scope="module")
def client():
    """A Dask client for tests/test_cluster_*.py: two single-threaded workers, started once per module.

    Threads of this process, since worker processes took 20-30 s each to import the package on
    the shared 2-core machine (2:40 min for the four test files against 30 s on threads); a
    module that needs worker processes defines its own ``client``.  Skips without dask.
    """
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(autouse=True, scope="session")
def _session_segmentation_cache(tmp_path_factory):
    """Point ``$ANALYSIS_CACHE_DIR`` at a temporary folder for the whole run (subprocesses inherit it).

    Tests that count cache hits set a per-test folder on top of this one.
    """
    folder = tmp_path_factory.mktemp("analysis-cache")
    previous = os.environ.get(CACHE_ENV_VAR)
    os.environ[CACHE_ENV_VAR] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop(CACHE_ENV_VAR, None)
    else:
        os.environ[CACHE_ENV_VAR] = previous


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    """The bundled seed documents, simplified with OpenCC."""
    import opencc

    to_simplified = opencc.OpenCC("t2s").convert
    return [to_simplified(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="session")
def seed_corpus():
    """``analysis.load_corpus()`` of the bundled seeds (its date warnings silenced)."""
    import warnings

    import analysis

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.load_corpus()


def seed_row(corpus, key):
    """The one document whose 文号 is ``key`` or whose title starts with it."""
    hit = corpus[(corpus.doc_number == key) | corpus.title.str.startswith(key)]
    assert len(hit) == 1, f"{key}: {len(hit)} rows"
    return hit.iloc[0]


@pytest.fixture(autouse=True)
def _restore_rcparams():
    """Figures a test draws never change matplotlib's settings for the next test."""
    import matplotlib as mpl

    with mpl.rc_context():
        yield


@pytest.fixture(scope="session")
def policy_formats(tmp_path_factory) -> dict[str, Path]:
    """The 陕西 seed policy (陕政办发〔2018〕47号) saved as .txt, .pdf, .docx and .ofd, each alone in a folder.

    The PDF and OFD print it on A4 pages with fake-bold headings (drawn twice 0.4 pt apart),
    a running header and page numbers (tests/format_fixtures.py).  Returns suffix -> file.
    """
    from format_fixtures import layout, seed_policy_paragraphs, write_docx, write_ofd, write_pdf

    paragraphs = seed_policy_paragraphs()
    pages = layout(paragraphs, header="陕西省人民政府办公厅文件", page_numbers=True)
    root = tmp_path_factory.mktemp("policy-formats")
    files = {}
    for suffix in (".txt", ".pdf", ".docx", ".ofd"):
        folder = root / suffix[1:]
        folder.mkdir()
        files[suffix] = folder / f"陕西智慧城市意见{suffix}"
    files[".txt"].write_text("\n".join(paragraphs), encoding="utf-8")
    write_pdf(files[".pdf"], pages)
    write_docx(files[".docx"], paragraphs)
    write_ofd(files[".ofd"], pages)
    return files
