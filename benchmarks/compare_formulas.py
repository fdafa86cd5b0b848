"""Before/after equality of find_formulas: every column of both tables and the params, on many corpora.

Run with the code before a change, then after it::

    PYTHONPATH=<old src> python benchmarks/compare_formulas.py save DIR [CORPUS.pkl ...]
    PYTHONPATH=<new src> python benchmarks/compare_formulas.py check DIR [CORPUS.pkl ...]

The corpora: the seeds (with the default settings and three others), three small corpora
unlike the seeds (one document; two without dates or issuer; three of two provinces in one
year), the 1,000-document corpus of ``bench_formulas.py`` and any pickled corpus tables
given (``analysis.load_corpus`` of a folder of ``benchmarks/synthetic.py``).  ``check``
prints EQUAL or DIFFERENT per case and exits 1 if any differs.
"""

from __future__ import annotations

import pickle
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

import analysis
from analysis.formulas import find_formulas

sys.path.insert(0, str(Path(__file__).parent))


def small_corpora() -> dict[str, pd.DataFrame]:
    a = "各地要坚持以人为本、需求引领、数据驱动、特色发展,推进“优政、惠民、兴业、强基”。"
    b = "我市坚持以人为本、需求引领、数据驱动、特色发展的原则,围绕“优政、惠民、兴业”开展工作。"
    c = "全省推进一网通办、一网统管、一网协同,坚持以人为本、需求引领、数据驱动、特色发展。"
    return {
        "one": pd.DataFrame({"doc_id": ["x1"], "text": [a + a]}),
        "nodates": pd.DataFrame({"doc_id": ["x1", "x2"], "text": [a, b]}),
        "province": pd.DataFrame(
            {
                "doc_id": ["g1", "g2", "g3"],
                "text": [a, b, c],
                "region": ["广东省", "广东省", "四川省"],
                "level": ["provincial", "prefecture", "provincial"],
                "year": [2020, 2020, 2020],
                "date": ["2020-01-05", "2020", ""],
            }
        ),
    }


def cases(pickles: list[str]) -> Iterator[tuple[str, pd.DataFrame, dict[str, Any]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seeds = analysis.load_corpus()
    yield "seeds", seeds, {}
    yield "seeds_keep", seeds, {"keep_boilerplate": True}
    yield "seeds_notrim_nowb", seeds, {"trim_enumerations": False, "word_boundaries": False}
    yield "seeds_len4_20_j1", seeds, {"min_chars": 4, "max_chars": 20, "min_jurisdictions": 1}
    for name, df in small_corpora().items():
        yield name, df, {}
        yield name + "_j1", df, {"min_jurisdictions": 1, "min_chars": 4}
    import bench_formulas

    yield "bench1000", bench_formulas.build_corpus(1000)[0], {}
    for path in pickles:
        yield Path(path).stem, pd.read_pickle(path), {}


def main(argv: list[str]) -> int:
    mode, folder, pickles = argv[0], Path(argv[1]), argv[2:]
    folder.mkdir(parents=True, exist_ok=True)
    bad = 0
    for name, df, kw in cases(pickles):
        t = time.process_time()
        r = find_formulas(df, **kw)
        cpu = time.process_time() - t
        got = (r.formulas, r.occurrences, r.params)
        path = folder / f"{name}.pkl"
        if mode == "save":
            path.write_bytes(pickle.dumps(got))
            print(name, len(r.formulas), len(r.occurrences), f"{cpu:.1f}s", flush=True)
            continue
        want = pickle.loads(path.read_bytes())
        try:
            pd.testing.assert_frame_equal(got[0], want[0], check_exact=True)
            pd.testing.assert_frame_equal(got[1], want[1], check_exact=True)
            assert got[2] == want[2], (got[2], want[2])
            print("EQUAL", name, len(r.formulas), len(r.occurrences), f"{cpu:.1f}s", flush=True)
        except AssertionError as e:
            bad += 1
            print("DIFFERENT", name, str(e)[:2000], flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
