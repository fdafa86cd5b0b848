"""What the topics are and where they occur: labels with a representative passage, prevalence by group."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..frequency.sampling import BOOTSTRAP_LEVEL, bootstrap_ratio, is_small_group
from ..levels import LEVELS, order_levels
from .measures import exclusivity_matrix, frex
from .model import TopicModel

__all__ = ["kwic_excerpt", "label_topics", "topic_prevalence"]


def kwic_excerpt(text: str, keyword: str, width: int) -> str:
    """About ``width`` characters of ``text`` around the first ``keyword``, which is bracketed 【】.

    Returns
    -------
    str
        "…" marks where the text is cut; whitespace runs become one space.
        Without ``keyword`` in the text, its first ``width`` characters.
    """
    text = re.sub(r"\s+", " ", text)
    pos = text.find(keyword)
    if pos < 0:  # the tokenizer normalised something; show the start
        return text[:width] + ("…" if len(text) > width else "")
    side = max((width - len(keyword)) // 2, 0)
    start = max(0, pos - side)
    end = min(len(text), pos + len(keyword) + side)
    # Use the room one side does not need on the other.
    start = max(0, min(start, end - width))
    end = min(len(text), max(end, start + width))
    head = ("…" if start > 0 else "") + text[start:pos]
    return head + f"【{keyword}】" + text[pos + len(keyword) : end] + ("…" if end < len(text) else "")


def _check_units(model: TopicModel, units: pd.DataFrame) -> None:
    index = model.units
    same = len(units) == len(index) and np.array_equal(
        units["doc_id"].astype(str).to_numpy(), index["doc_id"].to_numpy()
    )
    if not same:
        raise ValueError("units must be the units the model was fitted on, in the same order")


def _representative(shares: np.ndarray, n_in_vocab: np.ndarray, eligible: np.ndarray, topic: int) -> tuple[int, float]:
    """(unit index, its score) of the unit that best represents ``topic``."""
    score = np.where(eligible, shares[:, topic], -1.0)
    # lexsort: last key is primary -> highest share (to 0.01, so that many
    # short paragraphs at share 1.0 do not tie arbitrarily), then most terms.
    best = int(np.lexsort((-n_in_vocab, -np.round(score, 2)))[0])
    return best, float(score[best])


def label_topics(
    model: TopicModel,
    units: pd.DataFrame,
    n_terms: int = 6,
    *,
    width: int = 80,
    min_terms: int = 5,
    text_col: str = "text",
) -> pd.DataFrame:
    """Human-readable topic labels with a representative passage.

    The representative unit of a topic is the unit with the highest share of
    it, among units with at least ``min_terms`` vocabulary tokens if any
    (so a one-phrase line does not win with share 1.0); ties go to the
    longer unit.  Its *keyword* is the unit's term with the highest FREX
    score for the topic (ties: the more frequent in the unit); the excerpt is about
    ``width`` characters of the unit's text centred on the keyword's first
    occurrence, keyword in 【】, "…" where the text is cut.

    Parameters
    ----------
    model : TopicModel
    units : DataFrame
        The units the model was fitted on (their ``text``).
    n_terms : int, default 6
        Top terms joined into the label.
    width : int, default 80
        Excerpt length in characters (without the brackets and ellipses).
    min_terms : int, default 5
    text_col : str, default "text"

    Returns
    -------
    DataFrame
        topic, label ("、"-joined top terms by p(term|topic)), frex (top terms
        by FREX, stm's harmonic mean of frequency and exclusivity ranks with
        weight 0.5: more distinctive, less generic), keyword, doc_id,
        para_id, weight (the unit's share of the topic, 0-1), excerpt.
    """
    _check_units(model, units)
    index = model.units
    texts = units[text_col].fillna("").astype(str).to_numpy()
    shares = np.nan_to_num(model.unit_weights, nan=-1.0)
    n_in_vocab = index["n_terms"].to_numpy()
    eligible = n_in_vocab >= min_terms
    if not eligible.any():
        eligible = n_in_vocab > 0
    counts = model.dtm.matrix.tocsr()
    top = model.top_terms(n_terms)
    frex_score = frex(model.topic_term, exclusivity_matrix(model.topic_term))
    frex_top = np.argsort(-frex_score, axis=1, kind="stable")[:, :n_terms]
    rows = []
    for t in range(model.k):
        best, score = _representative(shares, n_in_vocab, eligible, t)
        row = counts.getrow(best)
        keyword, excerpt = "", ""
        if row.nnz and score > 0:
            # Highest FREX, not largest contribution: contribution picks generic
            # 城市 / 建设 / 工作, which say nothing about the topic.
            best_term = np.lexsort((-row.data, -frex_score[t, row.indices]))[0]
            keyword = str(model.vocabulary[row.indices[best_term]])
            excerpt = kwic_excerpt(texts[best], keyword, width)
        rows.append(
            {
                "topic": t,
                "label": "、".join(top[t]),
                "frex": "、".join(model.vocabulary[frex_top[t]]),
                "keyword": keyword,
                "doc_id": index.at[best, "doc_id"],
                "para_id": index.at[best, "para_id"],
                "weight": float(model.unit_weights[best, t]) if score > 0 else np.nan,
                "excerpt": excerpt,
            }
        )
    out = pd.DataFrame(rows)
    out["para_id"] = out["para_id"].astype("Int64")
    return out


def _plain(df: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Copy of some columns without ``attrs``.

    The corpus carries DataFrames in ``attrs`` (skipped files); pandas compares
    attrs when concatenating and fails on them, so derived tables start clean.
    """
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"table has no column(s) {missing}")
    return pd.DataFrame({c: df[c].to_numpy() for c in columns})


def _default_groups(meta: pd.DataFrame, by: str) -> list[Any]:
    """Every year first..last; all five levels, then other values; else the observed values, sorted."""
    if by == "year":
        years = pd.to_numeric(meta[by], errors="coerce").dropna().astype(int)
        return list(range(int(years.min()), int(years.max()) + 1)) if len(years) else []
    if by == "level":
        return [*LEVELS, *(v for v in order_levels(meta[by].dropna()) if v not in LEVELS)]
    return sorted(meta[by].dropna().unique())


def _topic_rows(topics: pd.DataFrame, corpus: pd.DataFrame, by: str) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """(topic rows with a value and the ``by`` column, corpus doc_id + by, value column name)."""
    value = "weight" if "weight" in topics.columns else "share" if "share" in topics.columns else None
    if value is None or "topic" not in topics.columns or "doc_id" not in topics.columns:
        raise KeyError("topics must have doc_id, topic and weight (unit_topics) or share (document_topics)")
    meta = _plain(corpus, ["doc_id", by]).drop_duplicates("doc_id")
    t = _plain(topics, ["doc_id", "topic", value] + (["n_units"] if "n_units" in topics.columns else []))
    t = t[t[value].notna()]
    t = t.merge(meta, on="doc_id", how="left", validate="many_to_one")
    unmatched = t[by].isna()
    if unmatched.any():
        warnings.warn(
            f"{t.loc[unmatched, 'doc_id'].nunique()} doc_id(s) of topics are not in corpus; left out", stacklevel=3
        )
        t = t[~unmatched]
    return t, meta, value


def topic_prevalence(
    topics: pd.DataFrame,
    corpus: pd.DataFrame,
    by: str = "year",
    *,
    groups: Iterable[Any] | None = None,
    n_boot: int = 0,
    level: float = BOOTSTRAP_LEVEL,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Topic prevalence per group (year, level ...), with the counts behind it.

    Parameters
    ----------
    topics : DataFrame
        ``model.unit_topics`` (columns doc_id, topic, weight) or
        ``model.document_topics`` (doc_id, topic, share).  Units flagged
        ``is_empty`` (weight NaN) are left out of counts and means.
    corpus : DataFrame
        One row per document with ``doc_id`` and the ``by`` column.
    by : str, default "year"
        Grouping column of the corpus.
    groups : iterable, optional
        Groups to report, in order.  Default: for ``year`` every year from
        the first to the last in ``corpus`` (so years without documents
        appear); for ``level`` the five levels central..county
        (:data:`analysis.levels.LEVELS`); otherwise the observed values,
        sorted.  Pass e.g. ``range(2014, 2024)`` to cover a study period;
        documents in other groups are left out with a warning.
    n_boot : int, default 0
        Bootstrap replicates for an interval of ``share`` (e.g. 1000); 0 = none.
        The group's *documents* are resampled with replacement (a document's
        paragraphs stay together); the model is not refitted, so the interval
        shows sampling variation of the documents, not of the topics.
    level : float, default 0.95
    random_state : int or None, default 0

    Returns
    -------
    DataFrame
        One row per group x topic: ``by``, topic, n_documents (documents of
        the group with topic information), n_units (paragraphs or other units
        behind them; for document_topics the sum of its ``n_units``), share (mean weight of the topic
        over the group's units or documents, each counting equally; 0-1),
        share_se (standard error of that mean; NaN below 2), n_chars (characters
        of the group's documents, from the corpus's ``n_chars`` or ``text``;
        NaN without either), small_group (fewer than
        :data:`~analysis.frequency.sampling.MIN_GROUP_DOCS` documents or
        :data:`~analysis.frequency.sampling.MIN_GROUP_CHARS` characters) and,
        with ``n_boot > 0``, ``lo`` and ``hi``: the percentile bootstrap
        interval of ``share``.  Groups without units have counts 0 and share
        NaN, so plots show a gap instead of interpolating.
    """
    t, meta, value = _topic_rows(topics, corpus, by)
    k_topics = np.sort(topics["topic"].unique())
    groups = _default_groups(meta, by) if groups is None else list(groups)
    if by == "year":
        t[by] = t[by].astype(int)
    outside = ~t[by].isin(groups)
    if outside.any():
        warnings.warn(
            f"{t.loc[outside, 'doc_id'].nunique()} document(s) with {by} outside the requested "
            f"groups are left out: {sorted(t.loc[outside, by].unique())[:10]}",
            stacklevel=2,
        )
        t = t[~outside]
    if "n_units" in t.columns and value == "share":
        # document_topics carries each document's paragraph count: report
        # paragraphs, not documents a second time.
        n_units = t.drop_duplicates("doc_id").groupby(by)["n_units"].sum()
    else:
        n_units = t.groupby(by)["doc_id"].size() / max(len(k_topics), 1)
    n_docs = t.groupby(by)["doc_id"].nunique()
    stats = t.groupby([by, "topic"])[value].agg(["mean", "std", "count"])
    stats = stats.reindex(pd.MultiIndex.from_product([groups, k_topics], names=[by, "topic"]))
    out = stats.reset_index()
    out["n_documents"] = out[by].map(n_docs).fillna(0).astype(np.int64)
    out["n_units"] = out[by].map(n_units).fillna(0).round().astype(np.int64)
    out["share"] = out["mean"]
    out["share_se"] = np.where(out["count"] > 1, out["std"] / np.sqrt(out["count"]), np.nan)
    out = out[[by, "topic", "n_documents", "n_units", "share", "share_se"]]
    out["topic"] = out["topic"].astype(np.int64)
    out["n_chars"] = out[by].map(_group_chars(t, corpus, by))
    out["small_group"] = is_small_group(out["n_documents"], out["n_chars"].fillna(np.inf))
    if n_boot > 0:
        lo, hi = _share_intervals(t, value, by, groups, k_topics, n_boot=n_boot, level=level, random_state=random_state)
        out["lo"], out["hi"] = lo.ravel(), hi.ravel()
    return out


def _group_chars(t: pd.DataFrame, corpus: pd.DataFrame, by: str) -> pd.Series:
    """Characters of each group's documents (those with topic information), float; empty without lengths."""
    if "n_chars" in corpus.columns:
        lengths = _plain(corpus, ["doc_id", "n_chars"])
    elif "text" in corpus.columns:
        lengths = pd.DataFrame({"doc_id": corpus["doc_id"].to_numpy(), "n_chars": corpus["text"].fillna("").str.len()})
    else:
        return pd.Series(dtype=float)
    docs = t[["doc_id", by]].drop_duplicates("doc_id").merge(lengths.drop_duplicates("doc_id"), on="doc_id")
    return docs.groupby(by)["n_chars"].sum().astype(float)


def _share_intervals(
    t: pd.DataFrame,
    value: str,
    by: str,
    groups: list[Any],
    k_topics: np.ndarray,
    *,
    n_boot: int,
    level: float,
    random_state: int | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap (lo, hi) of each group's mean topic share, shape (groups, topics), resampling documents.

    A document contributes the sum of its units' weights and its number of
    units, so resampling it keeps its paragraphs together and the replicate
    mean is over units, as ``share`` is.
    """
    sums = t.pivot_table(index="doc_id", columns="topic", values=value, aggfunc="sum").reindex(columns=k_topics)
    units = t.pivot_table(index="doc_id", columns="topic", values=value, aggfunc="count").reindex(columns=k_topics)
    doc_group = t.drop_duplicates("doc_id").set_index("doc_id")[by].reindex(sums.index)
    position = {g: i for i, g in enumerate(groups)}
    codes = doc_group.map(position).fillna(-1).to_numpy(dtype=np.int64)
    return bootstrap_ratio(
        sums.fillna(0).to_numpy(dtype=float),
        units.fillna(0).to_numpy(dtype=float),
        codes,
        len(groups),
        n_boot=n_boot,
        level=level,
        random_state=random_state,
    )
