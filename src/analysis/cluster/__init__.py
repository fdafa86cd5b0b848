"""Run pipeline stages on a Dask cluster: the results of the in-process path, computed on workers.

Every function takes ``client=``: a :class:`distributed.Client` of the caller's cluster
(``Client("tcp://scheduler:8786")``; workers need this package installed and, for reading, the
corpus folder at the same path), a scheduler address, or None for a LocalCluster started and closed
for the call.

Modules, one per stage:

* :mod:`.client`    which cluster (:func:`get_client`) and how many partitions (:func:`partition_count`)
* :mod:`.loading`   :func:`read_corpus` / :func:`load_corpus`: files read, cleaned and parsed on workers
* :mod:`.counting`  :func:`count_texts` (the document-term matrix) and :func:`term_frequencies`:
                    tokenised and counted on workers, only counts travel
* :mod:`.formulas`  :func:`formula_occurrences` and :func:`count_formulas`: where known formulas are
                    used, per partition (finding them, :func:`analysis.formulas.find_formulas`, stays in-process)
* :mod:`.reuse`     :func:`find_reuse`: passage reuse with the shingle index partitioned by hash and
                    document pairs aligned next to their two documents (steps in :mod:`.reuse_index`,
                    :mod:`.reuse_align`)

Each is tested equal to the in-process function (``tests/test_cluster_*.py``).  Importing this
package does not import dask: each function imports it when called and raises ImportError naming
the ``dask`` extra (``pip install 'analysis[dask]'``) when it is missing.  Nor does it import the
stages: the functions load on first use, so a worker that unpickles a task of one module (the reuse
index steps need numpy only) does not import pandas, scikit-learn and jieba for the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader as _lazy

if TYPE_CHECKING:
    from .client import get_client, partition_count
    from .counting import count_texts, term_frequencies
    from .formulas import count_formulas, formula_occurrences
    from .loading import load_corpus, read_corpus
    from .reuse import find_reuse

__getattr__, __dir__, _ = _lazy.attach(
    __name__,
    # the submodules too, so that analysis.cluster.reuse works after import analysis.cluster, as it did
    submodules=["client", "counting", "formulas", "loading", "reuse", "reuse_align", "reuse_index"],
    submod_attrs={
        "client": ["get_client", "partition_count"],
        "counting": ["count_texts", "term_frequencies"],
        "formulas": ["count_formulas", "formula_occurrences"],
        "loading": ["load_corpus", "read_corpus"],
        "reuse": ["find_reuse"],
    },
)

__all__ = [
    "count_formulas",
    "count_texts",
    "find_reuse",
    "formula_occurrences",
    "get_client",
    "load_corpus",
    "partition_count",
    "read_corpus",
    "term_frequencies",
]
