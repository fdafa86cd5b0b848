"""The citation network: most-cited documents, citations by level pair, lags, and citation with copying."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ..labels import doc_label, is_inferred_year
from ..levels import order_levels
from ..metadata.dates import date_parts
from .resolve import core_title

__all__ = [
    "citation_lags",
    "citation_network",
    "citations_and_reuse",
    "citations_by_level_pair",
    "lag_distribution",
    "most_cited",
]

UNKNOWN = "unknown"


def _reference_key(citations: pd.DataFrame) -> pd.Series:
    """One key per cited document: the resolved doc_id, else the 文号, else the core title with the jurisdiction."""
    core = citations["cited_title"].map(core_title) + "|" + citations["cited_level"] + "|" + citations["cited_region"]
    key = citations["resolved_doc_id"].where(citations["resolved_doc_id"] != "", citations["cited_doc_number"])
    return key.where(key != "", core)


def most_cited(citations: pd.DataFrame, corpus: pd.DataFrame, top: int | None = 20) -> pd.DataFrame:
    """The documents cited most often, in the corpus or not.

    Returns
    -------
    DataFrame
        cited (a label: the corpus document's :func:`analysis.labels.doc_label`, else the
        title as printed, else the 文号), resolved_doc_id ("" when not in the corpus),
        cited_doc_number, cited_level, n_citations (references), n_citing_docs (distinct
        citing documents); sorted by n_citing_docs, n_citations, then label; at most ``top`` rows.
    """
    cols = ["cited", "resolved_doc_id", "cited_doc_number", "cited_level", "n_citations", "n_citing_docs"]
    if citations.empty:
        return pd.DataFrame(columns=cols)
    c = citations.assign(_key=_reference_key(citations))
    labels = dict(zip(corpus["doc_id"], doc_label(corpus, width=40)))
    levels = dict(zip(corpus["doc_id"], corpus["level"]))
    rows = []
    for _key, g in c.groupby("_key", sort=True):
        doc = g["resolved_doc_id"].iloc[0]
        title = next((t for t in g["cited_title"] if t), "")
        number = next((n for n in g["cited_doc_number"] if n), "")
        level = levels.get(doc) or next((lv for lv in g["cited_level"] if lv), "")
        rows.append([labels.get(doc) or title or number, doc, number, level, len(g), g["citing_doc_id"].nunique()])
    out = pd.DataFrame(rows, columns=cols).sort_values(
        ["n_citing_docs", "n_citations", "cited"], ascending=[False, False, True], kind="mergesort"
    )
    return out.head(top).reset_index(drop=True) if top is not None else out.reset_index(drop=True)


def _cited_levels(citations: pd.DataFrame, corpus: pd.DataFrame) -> pd.Series:
    """The cited document's level: the corpus level when resolved, else the one read from the reference."""
    levels = dict(zip(corpus["doc_id"], corpus["level"]))
    resolved = citations["resolved_doc_id"].map(levels)
    return resolved.fillna(citations["cited_level"]).replace("", UNKNOWN).fillna(UNKNOWN)


def citations_by_level_pair(citations: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Citations counted by (citing level, cited level), e.g. provincial -> central.

    Returns
    -------
    DataFrame
        citing_level, cited_level ("unknown" when the reference names no level),
        n_citations, n_resolved (of them, resolved to a corpus document); levels in
        :func:`analysis.levels.order_levels` order.
    """
    cols = ["citing_level", "cited_level", "n_citations", "n_resolved"]
    if citations.empty:
        return pd.DataFrame(columns=cols)
    levels = dict(zip(corpus["doc_id"], corpus["level"]))
    t = pd.DataFrame(
        {
            "citing_level": citations["citing_doc_id"].map(levels).fillna(UNKNOWN).replace("", UNKNOWN),
            "cited_level": _cited_levels(citations, corpus),
            "resolved": citations["resolved_doc_id"] != "",
        }
    )
    out = t.groupby(["citing_level", "cited_level"]).agg(
        n_citations=("resolved", "size"), n_resolved=("resolved", "sum")
    )
    out = out.reset_index()
    rank = {lv: i for i, lv in enumerate(order_levels([*out["citing_level"], *out["cited_level"]]))}
    out = out.sort_values(["citing_level", "cited_level"], key=lambda s: s.map(rank), kind="mergesort")
    out["n_resolved"] = out["n_resolved"].astype(int)
    return out.reset_index(drop=True)[cols]


def citation_lags(citations: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Time from the cited document to the citing one, for every citation whose cited date is known.

    The cited date is the corpus document's date when resolved, else the year of the
    cited 文号.  Returns
    -------
    DataFrame
        citing_doc_id, resolved_doc_id, cited_doc_number, cited_date (ISO, as precise as
        known), citing_date, lag_days (Int64: days, only when both dates are full days),
        lag_years (Int64: citing year minus cited year).  Citations whose cited or citing
        year is unknown are left out, and so are documents whose year was inferred
        (``date_source`` says so: from the documents they cite, or a plan's period),
        because their lag would follow from the inference.
    """
    dates = dict(zip(corpus["doc_id"], corpus["date"].fillna("")))
    years = dict(zip(corpus["doc_id"], corpus["year"]))
    # a year inferred from the documents a text cites would make its lag zero by construction
    sources = corpus["date_source"] if "date_source" in corpus else pd.Series("", index=corpus.index)
    inferred = {d for d, src in zip(corpus["doc_id"], sources) if is_inferred_year(src)}
    rows = []
    for r in citations.itertuples(index=False):
        if r.citing_doc_id in inferred or r.resolved_doc_id in inferred:
            continue
        if r.resolved_doc_id:
            cited, a = (
                dates.get(r.resolved_doc_id, ""),
                date_parts(dates.get(r.resolved_doc_id), years.get(r.resolved_doc_id)),
            )
        else:
            cited, a = "", date_parts(None, r.cited_year)
        citing, b = dates.get(r.citing_doc_id, ""), date_parts(dates.get(r.citing_doc_id), years.get(r.citing_doc_id))
        if not a[0] or not b[0]:
            continue
        days = (pd.Timestamp(*b) - pd.Timestamp(*a)).days if a[2] and b[2] else None
        rows.append(
            [
                r.citing_doc_id,
                r.resolved_doc_id,
                r.cited_doc_number,
                cited or str(a[0]),
                citing or str(b[0]),
                days,
                b[0] - a[0],
            ]
        )
    cols = [
        "citing_doc_id",
        "resolved_doc_id",
        "cited_doc_number",
        "cited_date",
        "citing_date",
        "lag_days",
        "lag_years",
    ]
    out = pd.DataFrame(rows, columns=cols)
    out["lag_days"] = out["lag_days"].astype("Int64")
    out["lag_years"] = out["lag_years"].astype("Int64")
    return out


def lag_distribution(lags: pd.DataFrame) -> pd.DataFrame:
    """Citations per whole year of lag.

    Returns
    -------
    DataFrame
        lag_years (int, every value from the smallest to the largest), n_citations, share (0-1).
    """
    if lags.empty:
        return pd.DataFrame({"lag_years": pd.Series(dtype=int), "n_citations": pd.Series(dtype=int), "share": []})
    years = lags["lag_years"].astype(int)
    full = range(int(years.min()), int(years.max()) + 1)
    counts = years.value_counts().reindex(full, fill_value=0)
    return pd.DataFrame(
        {"lag_years": list(full), "n_citations": counts.to_numpy(), "share": (counts / counts.sum()).to_numpy()}
    )


def citations_and_reuse(citations: pd.DataFrame, reuse_pairs: pd.DataFrame) -> pd.DataFrame:
    """For every resolved (cited, citing) pair, whether the citing document also copies text from the cited one.

    ``reuse_pairs`` is :func:`analysis.find_reuse`'s ``pairs`` (source_doc_id, target_doc_id,
    aligned_chars); a reuse pair counts in either direction, because find_reuse orders a
    same-year pair by a rule that may differ from the citation's.

    Returns
    -------
    DataFrame
        cited_doc_id, citing_doc_id, n_citations, aligned_chars (characters reused, 0 if
        none), relation ("citation and copying" or "citation only").
    """
    cols = ["cited_doc_id", "citing_doc_id", "n_citations", "aligned_chars", "relation"]
    resolved = citations[citations["resolved_doc_id"] != ""]
    if resolved.empty:
        return pd.DataFrame(columns=cols)
    pairs = (resolved.groupby(["resolved_doc_id", "citing_doc_id"]).size().rename("n_citations").reset_index()).rename(
        columns={"resolved_doc_id": "cited_doc_id"}
    )
    reused: dict[frozenset, int] = {}
    for s, t, n in zip(reuse_pairs["source_doc_id"], reuse_pairs["target_doc_id"], reuse_pairs["aligned_chars"]):
        key = frozenset((s, t))
        reused[key] = max(reused.get(key, 0), int(n))
    pairs["aligned_chars"] = [reused.get(frozenset((a, b)), 0) for a, b in zip(pairs.cited_doc_id, pairs.citing_doc_id)]
    pairs["relation"] = ["citation and copying" if n else "citation only" for n in pairs["aligned_chars"]]
    return pairs[cols]


def citation_network(citations: pd.DataFrame, corpus: pd.DataFrame) -> nx.DiGraph:
    """Directed citation graph: an edge cited -> citing for every resolved pair (the direction time runs).

    Returns
    -------
    networkx.DiGraph
        Every corpus document is a node (attributes level, year, title, short_title, date,
        region, issuer, date_source where present; missing years as None).  Edge attribute
        ``weight`` = number of references from the citing to the cited document.
    """
    g = nx.DiGraph()
    attrs = [
        c for c in ("level", "year", "title", "short_title", "date", "region", "issuer", "date_source") if c in corpus
    ]
    for row in corpus[["doc_id", *attrs]].itertuples(index=False):
        values = {a: (None if pd.isna(v) else (v.item() if hasattr(v, "item") else v)) for a, v in zip(attrs, row[1:])}
        g.add_node(str(row[0]), **values)
    resolved = citations[citations["resolved_doc_id"] != ""]
    for (cited, citing), n in resolved.groupby(["resolved_doc_id", "citing_doc_id"]).size().items():
        if cited in g and citing in g:
            g.add_edge(str(cited), str(citing), weight=int(n))
    return g
