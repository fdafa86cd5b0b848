"""Tables built from detected passages: the pair table, reuse shares by source level, the reuse network."""

from __future__ import annotations

import re

import networkx as nx
import numpy as np
import pandas as pd

from ..labels import who_issued
from ..levels import LEVELS, level_rank
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
        region, issuer, date_source where available).  Edge attributes: ``weight`` =
        aligned_chars (target characters reused), plus target_share,
        source_share, similarity, score, n_passages, same_year and
        direction_basis.
    """
    pairs = pairs_of(reuse)
    g = nx.DiGraph()
    attrs = [
        c for c in ("level", "year", "title", "short_title", "date", "region", "issuer", "date_source") if c in corpus
    ]
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


#: Name of the group that collects the jurisdictions beyond ``max_groups`` in one level.
OTHER_GROUP = "其他"


def _who_key(level: str, region: object, issuer: object, title: object) -> tuple[str, str, str, str]:
    """Return the arguments of :func:`who_issued` with the title cut to its issuer part (a cache key)."""
    title = str(title or "")
    head = re.match(r"^(.+?)(?:关于|印发)", title)
    return (str(level or ""), str(region or ""), str(issuer or ""), head.group(1) if head else title[:16])


def _group_names(nodes: pd.DataFrame, by: str) -> pd.Series:
    """Return, per document, its group name: the level, or who issued it (郑州, 河北, 国务院)."""
    if by == "level":
        return nodes["level"].astype(str)
    keys = [
        _who_key(lv, rg, iss, t)
        for lv, rg, iss, t in zip(nodes["level"], nodes["region"], nodes["issuer"], nodes["title"])
    ]
    # Documents of one jurisdiction share the key: each name is looked up once.
    names = {key: who_issued(*key) or "?" for key in set(keys)}
    return pd.Series([names[key] for key in keys], index=nodes.index)


def _merge_small_groups(nodes: pd.DataFrame, edges: pd.DataFrame, max_groups: int | None) -> pd.DataFrame:
    """Return ``nodes`` with groups beyond the ``max_groups`` with most reuse renamed to their level's 其他."""
    groups = nodes.groupby("group", sort=True).size()
    if max_groups is None or len(groups) <= max_groups:
        return nodes
    reuse = (
        pd.concat([edges.groupby("source_group")["weight"].sum(), edges.groupby("target_group")["weight"].sum()])
        .groupby(level=0)
        .sum()
    )
    ranked = sorted(groups.index, key=lambda g: (-float(reuse.get(g, 0.0)), g))
    # Keep room for one 其他 node per level among the max_groups nodes.
    n_levels = nodes["level"].nunique()
    keep = set(ranked[: max(1, max_groups - n_levels)])
    merged = pd.Series([g for g in groups.index if g not in keep], dtype=object)
    # A level with one group left over keeps its name: 其他 (1 group) would only hide it.
    per_level = merged.str.split("|").str[0].value_counts()
    keep |= {g for g in merged if per_level[g.split("|")[0]] == 1}
    nodes = nodes.copy()
    small = ~nodes["group"].isin(keep)
    nodes.loc[small, "group"] = nodes.loc[small, "level"].astype(str) + "|" + OTHER_GROUP
    return nodes


def aggregate_network(graph: nx.DiGraph, by: str = "jurisdiction", *, max_groups: int | None = 40) -> nx.DiGraph:
    """Reuse network between groups of documents: jurisdictions (who issued them) or levels.

    A corpus of hundreds of documents cannot be drawn one node per document;
    its reuse reads better between jurisdictions: all of 郑州's documents as
    one node, all of 河北's provincial ones as another.

    Parameters
    ----------
    graph : networkx.DiGraph
        :func:`reuse_network` output (node attributes level, year, region,
        issuer, title; edge attribute weight).
    by : {"jurisdiction", "level"}, default "jurisdiction"
        A jurisdiction is a level plus who issued the document
        (:func:`analysis.labels.who_issued`: the city of a prefecture
        document, the province of a provincial one, the issuing body of a
        national one).
    max_groups : int or None, default 40
        With more groups than this, the ``max_groups`` minus (number of
        levels) groups with the most reused characters (in, out and within)
        are kept and the others of each level are merged into one node named
        其他 (other) of that level (a level with one group left over keeps it),
        so there are at most ``max(max_groups, levels + 1)`` nodes.  None: no limit.

    Returns
    -------
    networkx.DiGraph
        Node id "level|name"; attributes level, name, n_docs, year (median
        year of the group's dated documents, an int, or None), first_year,
        last_year, within_weight (characters reused between documents of the
        same group, not drawn as an edge).  Edge attributes: weight (reused
        characters summed over document pairs) and n_pairs.  ``graph.graph``
        holds aggregated_by and n_documents.
    """
    if by not in ("jurisdiction", "level"):
        raise ValueError(f"by must be 'jurisdiction' or 'level', got {by!r}")
    columns = ("level", "region", "issuer", "title", "year")
    nodes = pd.DataFrame(
        [{"doc_id": n, **{c: d.get(c) for c in columns}} for n, d in graph.nodes(data=True)],
        columns=["doc_id", *columns],
    )
    nodes["level"] = nodes["level"].fillna("").astype(str)
    nodes["group"] = nodes["level"] + "|" + _group_names(nodes, by)
    edges = pd.DataFrame(list(graph.edges(data="weight")), columns=["source", "target", "weight"])
    group_of = dict(zip(nodes["doc_id"], nodes["group"]))
    edges["source_group"], edges["target_group"] = edges["source"].map(group_of), edges["target"].map(group_of)
    nodes = _merge_small_groups(nodes, edges, max_groups)
    group_of = dict(zip(nodes["doc_id"], nodes["group"]))
    edges["source_group"], edges["target_group"] = edges["source"].map(group_of), edges["target"].map(group_of)
    inside = edges["source_group"] == edges["target_group"]
    within = edges[inside].groupby("source_group")["weight"].sum()
    out = nx.DiGraph(aggregated_by=by, n_documents=len(nodes))
    groups = nodes.groupby("group", sort=False)
    ordered = sorted(groups.groups, key=lambda g: (level_rank(g.split("|")[0]), g))
    for group in ordered:
        members = groups.get_group(group)
        years = pd.to_numeric(members["year"], errors="coerce").dropna()
        level, name = group.split("|", 1)
        out.add_node(
            group,
            level=level,
            name=name,
            n_docs=len(members),
            year=int(np.median(years)) if len(years) else None,
            first_year=int(years.min()) if len(years) else None,
            last_year=int(years.max()) if len(years) else None,
            within_weight=int(within.get(group, 0)),
        )
    between = edges[~inside].groupby(["source_group", "target_group"], sort=True)["weight"].agg(["sum", "size"])
    for (source, target), row in between.iterrows():
        out.add_edge(source, target, weight=int(row["sum"]), n_pairs=int(row["size"]))
    return out


def plain(value: object) -> object:
    """Convert numpy scalars to Python ones so graphs serialise cleanly."""
    return value.item() if isinstance(value, np.generic) else value
