"""Benchmark: duplicate detection (``analysis.corpus.flag_duplicates``) on a large synthetic corpus.

Builds ``--n`` documents from the seed texts with edits: each original keeps a
random half of one seed's sentences, mixes in sentences of another seed and
gets its own city, issuer and 文号, so originals share boilerplate but are
different policies.  ``--copies`` further documents are copies of an earlier
original: same 文号, issuer and region, a different excerpt of its text (a
repost), some in traditional script, and a few originals get two or three
copies.  Then times ``flag_duplicates`` and checks that

* every copy is flagged and no original is (one canonical member per group);
* the flags are identical with the rows in reverse and in shuffled order.

Prints one line: documents, copies, flagged, wrong, seconds, order_independent.

Usage: python benchmarks/bench_duplicates.py [--n 5000] [--copies 400] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

import pandas as pd

from analysis.cleaning.script import converter
from analysis.corpus import flag_duplicates

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
REGIONS = "北京 天津 河北 山西 江苏 浙江 安徽 福建 山东 河南 湖北 湖南 广东 四川 贵州 陕西".split()


def _sentences() -> list[list[str]]:
    """Return the seed texts cut into sentences (of 12 characters or more)."""
    out = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out.append([s for s in re.split(r"(?<=[。；;])|\n", text) if len(s.strip()) >= 12])
    return out


def make_corpus(n: int, copies: int, seed: int = 0) -> tuple[pd.DataFrame, set[str]]:
    """Return (documents, doc_ids of the planted copies)."""
    rng = random.Random(seed)
    pools = _sentences()
    s2t = converter("s2t")
    rows = []
    for i in range(n - copies):
        k = rng.randrange(len(pools))
        own = rng.sample(pools[k], max(1, len(pools[k]) // 2))
        other = pools[rng.randrange(len(pools))]
        mixed = own + rng.sample(other, min(len(other), 5))
        rng.shuffle(mixed)
        city = f"第{i}号示范市"
        year = 2012 + i % 12
        text = f"{city}人民政府关于印发{city}智慧城市建设方案的通知\n" + "\n".join(mixed)
        rows.append({
            "doc_id": f"orig{i:05d}", "issuer": f"{city}人民政府", "region": REGIONS[i % len(REGIONS)],
            "doc_number": f"示{i}政发〔{year}〕{i % 97 + 1}号", "date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "year": year, "script": "simplified", "text": text,
        })  # fmt: skip
    copies_of = [rng.randrange(len(rows)) for _ in range(copies * 3 // 4)]
    copies_of += [copies_of[rng.randrange(len(copies_of))] for _ in range(copies - len(copies_of))]
    planted = set()
    for c, j in enumerate(copies_of):
        orig = rows[j]
        lines = orig["text"].split("\n")
        cut = rng.randrange(1, max(2, len(lines) // 3))
        text = "转载自政府网站\n" + "\n".join(lines[cut:])
        script = "traditional" if c % 3 == 0 else "simplified"
        if script == "traditional":
            text = s2t.convert(text)
        rows.append({**orig, "doc_id": f"copy{c:05d}", "text": text, "script": script,
                     "date": orig["date"] if c % 2 else f"{orig['year']}"})  # fmt: skip
        planted.add(f"copy{c:05d}")
    df = pd.DataFrame(rows)
    df["n_chars"] = df["text"].str.len()
    df["title"] = ""
    df["duplicate_of"] = ""
    return df, planted


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--copies", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    df, planted = make_corpus(args.n, args.copies, args.seed)
    t0 = time.perf_counter()
    out = flag_duplicates(df)
    dt = time.perf_counter() - t0
    flags = dict(zip(out.doc_id, out.duplicate_of))
    flagged = {d for d, o in flags.items() if o}
    wrong = len(flagged ^ planted)
    same = all(
        dict(zip(o.doc_id, o.duplicate_of)) == flags
        for o in (flag_duplicates(df.iloc[::-1]), flag_duplicates(df.sample(frac=1.0, random_state=args.seed)))
    )
    print(f"{'documents':>9} {'copies':>6} {'flagged':>7} {'wrong':>5} {'seconds':>7} order_independent")
    print(f"{len(df):>9} {len(planted):>6} {len(flagged):>7} {wrong:>5} {dt:>7.2f} {same}")


if __name__ == "__main__":
    main()
