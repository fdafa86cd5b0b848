"""Tables built from detected passages: the pair table, reuse shares by source level, the reuse network."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ..levels import LEVELS
from .direction import BASIS_NAMES, Meta, orient
from .result import ReuseResult

PAIR_COLUMNS = [
    "source_doc_id",
    "target_doc_id",
    "source_date",
    "target_date",
    "source_level",
    "target_level",
    "same_year",
    "direction_basis",
    "n_passages",
    "aligned_chars",
    "source_aligned_chars",
    "target_share",
    "source_share",
    "similarity",
    "boilerplate_share",
    "score",
]


PASSAGE_COLUMNS = [
    "source_doc_id",
    "target_doc_id",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "source_text",
    "target_text",
    "aligned_chars",
    "similarity",
    "boilerplate_share",
]


def union_length(intervals: list[tuple[int, int]]) -> int:
    """Return the number of positions covered by half-open intervals."""
    total, reach = 0, None
    for a, b in sorted(intervals):
        if reach is None or a >= reach:
            total += b - a
            reach = b
        elif b > reach:
            total += b - reach
            reach = b
    return total


def summarise_pairs(passages: list[dict], meta: Meta) -> pd.DataFrame:
    """Aggregate passages into the document-pair table, sorted by score."""
    if not passages:
        return pd.DataFrame({c: pd.Series(dtype=PAIR_DTYPES.get(c, object)) for c in PAIR_COLUMNS})
    by_pair: dict[tuple[int, int], list[dict]] = {}
    for p in passages:
        by_pair.setdefault((p["_src"], p["_tgt"]), []).append(p)
    src = np.array([k[0] for k in by_pair], dtype=np.int64)
    tgt = np.array([k[1] for k in by_pair], dtype=np.int64)
    _, basis = orient(meta, src, tgt)
    rows = []
    for (sd, td), ps, b in zip(by_pair, by_pair.values(), basis):
        lengths = np.array([p["aligned_chars"] for p in ps], dtype=float)
        sims = np.array([p["similarity"] for p in ps])
        boil = np.array([p["boilerplate_share"] for p in ps])
        t_cov = union_length([(p["target_start"], p["target_end"]) for p in ps])
        s_cov = union_length([(p["source_start"], p["source_end"]) for p in ps])
        ys, yt = meta.year[sd], meta.year[td]
        rows.append(
            {
                "source_doc_id": meta.doc_ids[sd],
                "target_doc_id": meta.doc_ids[td],
                "source_date": meta.dates[sd],
                "target_date": meta.dates[td],
                "source_level": meta.levels[sd],
                "target_level": meta.levels[td],
                "same_year": bool(ys == 0 or yt == 0 or ys == yt),
                "direction_basis": BASIS_NAMES[b],
                "n_passages": len(ps),
                "aligned_chars": t_cov,
                "source_aligned_chars": s_cov,
                "target_share": t_cov / max(len(meta.texts[td]), 1),
                "source_share": s_cov / max(len(meta.texts[sd]), 1),
                "similarity": float(np.average(sims, weights=lengths)),
                "boilerplate_share": float(np.average(boil, weights=lengths)),
                "score": float(np.sum(lengths * sims * (1 - boil))),
            }
        )
    pairs = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    pairs = pairs.sort_values(["score", "source_doc_id", "target_doc_id"], ascending=[False, True, True], kind="stable")
    return pairs.reset_index(drop=True).astype(PAIR_DTYPES)


PAIR_DTYPES = {
    "same_year": bool,
    "n_passages": np.int64,
    "aligned_chars": np.int64,
    "source_aligned_chars": np.int64,
    "target_share": float,
    "source_share": float,
    "similarity": float,
    "boilerplate_share": float,
    "score": float,
}


PASSAGE_DTYPES = {
    "source_start": np.int64,
    "source_end": np.int64,
    "target_start": np.int64,
    "target_end": np.int64,
    "aligned_chars": np.int64,
    "similarity": float,
    "boilerplate_share": float,
}


def order_passages(passages: list[dict], pairs: pd.DataFrame) -> pd.DataFrame:
    """Return the passage table ordered like the pair table, then by target_start."""
    if not passages:
        return pd.DataFrame({c: pd.Series(dtype=PASSAGE_DTYPES.get(c, object)) for c in PASSAGE_COLUMNS})
    df = pd.DataFrame(passages)[PASSAGE_COLUMNS]
    rank = {(s, t): i for i, (s, t) in enumerate(zip(pairs["source_doc_id"], pairs["target_doc_id"]))}
    df["_rank"] = [rank[(s, t)] for s, t in zip(df["source_doc_id"], df["target_doc_id"])]
    df = df.sort_values(["_rank", "target_start", "source_start"], kind="stable")
    return df.drop(columns="_rank").reset_index(drop=True).astype(PASSAGE_DTYPES)


def passages_of(reuse: ReuseResult | pd.DataFrame) -> pd.DataFrame:
    """Return the passage table of a result (or the table itself); ValueError for a pair table."""
    if isinstance(reuse, ReuseResult):
        return reuse.passages
    needed = {"source_doc_id", "target_doc_id", "target_start", "target_end"}
    if not needed <= set(reuse.columns):
        raise ValueError(
            "need the passage table (find_reuse(...).passages) or the ReuseResult; "
            "the pair table has no passage offsets"
        )
    return reuse


def pairs_of(reuse: ReuseResult | pd.DataFrame) -> pd.DataFrame:
    """Return the pair table of a result (or the table itself)."""
    return reuse.pairs if isinstance(reuse, ReuseResult) else reuse


def reuse_by_level(corpus: pd.DataFrame, reuse: ReuseResult | pd.DataFrame) -> pd.DataFrame:
    """Share of each document's text reused from sources of each level.

    Parameters
    ----------
    corpus : DataFrame
        The corpus given to :func:`find_reuse` (doc_id, text, level; year
        optional).
    reuse : ReuseResult or DataFrame
        The result of :func:`find_reuse` or its ``passages`` table (the pair
        table has no offsets, so it cannot be used).

    Returns
    -------
    DataFrame
        One row per corpus document (as a target), in corpus order: doc_id,
        level, year (if in corpus), n_chars, ``share_any`` (share of the text
        covered by passages from any source, 0-1) and ``share_from_<level>``
        for each level in :data:`LEVELS` (plus any other level present,
        missing levels being 'unknown'):
        the share of the text, 0-1, covered by passages whose source has that
        level.  Each target character counts once per source level, however
        many sources of that level it came from, so the per-level shares can
        add up to more than ``share_any``.
    """
    passages = passages_of(reuse)
    doc_ids = corpus["doc_id"].astype(str).tolist()
    doc_levels = (
        corpus["level"].fillna("unknown").astype(str).tolist() if "level" in corpus else ["unknown"] * len(corpus)
    )
    level_of = dict(zip(doc_ids, doc_levels))
    levels = list(LEVELS) + sorted(set(doc_levels) - set(LEVELS))
    # target spans per (target, source level)
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    all_spans: dict[str, list[tuple[int, int]]] = {}
    for s, t, a, b in zip(
        passages["source_doc_id"], passages["target_doc_id"], passages["target_start"], passages["target_end"]
    ):
        span = (int(a), int(b))
        spans.setdefault((str(t), level_of.get(str(s), "unknown")), []).append(span)
        all_spans.setdefault(str(t), []).append(span)
    years = corpus["year"].tolist() if "year" in corpus else None
    rows = []
    for k, (doc_id, text, level) in enumerate(zip(doc_ids, corpus["text"], doc_levels)):
        n = len(text) if isinstance(text, str) else 0
        row: dict[str, object] = {"doc_id": doc_id, "level": level}
        if years is not None:
            row["year"] = years[k]
        row["n_chars"] = n
        row["share_any"] = union_length(all_spans.get(doc_id, [])) / n if n else 0.0
        for lvl in levels:
            row[f"share_from_{lvl}"] = union_length(spans.get((doc_id, lvl), [])) / n if n else 0.0
        rows.append(row)
    return pd.DataFrame(rows)


def reuse_network(corpus: pd.DataFrame, reuse: ReuseResult | pd.DataFrame, *, min_score: float = 0.0) -> nx.DiGraph:
    """Directed reuse network: an edge source -> target per document pair.

    Parameters
    ----------
    corpus : DataFrame
        The corpus (doc_id; level, year, title, date, region used when present).
    reuse : ReuseResult or DataFrame
        The result of :func:`find_reuse` or its ``pairs`` table.
    min_score : float
        Leave out pairs whose ``score`` is below this.

    Returns
    -------
    networkx.DiGraph
        Every corpus document is a node (attributes level, year, title, short_title, date,
        region where available).  Edge attributes: ``weight`` =
        aligned_chars (target characters reused), plus target_share,
        source_share, similarity, score, n_passages, same_year and
        direction_basis.
    """
    pairs = pairs_of(reuse)
    g = nx.DiGraph()
    attrs = [c for c in ("level", "year", "title", "short_title", "date", "region") if c in corpus]
    for row in corpus[["doc_id", *attrs]].itertuples(index=False):
        g.add_node(str(row[0]), **{a: plain(v) for a, v in zip(attrs, row[1:])})
    edge_attrs = ["target_share", "source_share", "similarity", "score", "n_passages", "same_year", "direction_basis"]
    for row in pairs.itertuples(index=False):
        if row.score < min_score:
            continue
        g.add_edge(
            str(row.source_doc_id),
            str(row.target_doc_id),
            weight=int(row.aligned_chars),
            **{a: plain(getattr(row, a)) for a in edge_attrs if hasattr(row, a)},
        )
    return g


def plain(value: object) -> object:
    """Convert numpy scalars to Python ones so graphs serialise cleanly."""
    return value.item() if isinstance(value, np.generic) else value
