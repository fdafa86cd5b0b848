"""Adoption of terms across jurisdictions: first appearance, central-to-local lag,
event-history rows and cumulative adoption curves."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..levels import CENTRAL_LEVELS, LOCAL_LEVELS
from ..metadata.gazetteer import leading_place
from .watchlist import Terms, count_terms, term_patterns

__all__ = ["adoption_curve", "adoption_lag", "event_history", "first_appearance", "jurisdictions"]


def jurisdictions(corpus: pd.DataFrame) -> pd.Series:
    """The jurisdiction that issued each document (index aligned with ``corpus``).

    全国 for central and ministerial documents; the province-level region for
    provincial documents (so 山东省人民政府 and an unsigned Shandong plan are
    one jurisdiction); for prefecture and county documents the place the
    issuer's name starts with (郑州市), falling back to the region.
    """
    out = []
    for issuer, level, region in zip(corpus["issuer"], corpus["level"], corpus["region"]):
        if level in CENTRAL_LEVELS:
            out.append("全国")
            continue
        if level == "provincial" and region:
            out.append(region)
            continue
        place = leading_place(issuer) if issuer else None
        out.append(place.name if place is not None else (region or "unknown"))
    return pd.Series(out, index=corpus.index, name="jurisdiction")


def first_appearance(corpus: pd.DataFrame, terms: Terms, by: str = "level") -> pd.DataFrame:
    """First year each term appears, per level (or per ``by`` column, e.g. "jurisdiction").

    Returns columns term, <by>, first_year, first_doc_id (the earliest document
    using it; ties broken by date then doc_id) and n_docs_using.  Groups where
    the term never appears are absent; pivot with
    ``.pivot(index="term", columns=by, values="first_year")`` for a matrix.
    """
    corpus = corpus.copy()
    if by == "jurisdiction" and "jurisdiction" not in corpus:
        corpus["jurisdiction"] = jurisdictions(corpus)
    counts = count_terms(corpus, terms)
    df = counts[counts["count"] > 0].merge(corpus[["doc_id", "year", "date", by]], on="doc_id")
    df = df.sort_values(["term", by, "year", "date", "doc_id"])
    first = df.groupby(["term", by], observed=True).first().reset_index()
    n = df.groupby(["term", by], observed=True).doc_id.nunique().rename("n_docs_using").reset_index()
    out = first.merge(n, on=["term", by])
    return out.rename(columns={"year": "first_year", "doc_id": "first_doc_id"})[
        ["term", by, "first_year", "first_doc_id", "n_docs_using"]
    ].reset_index(drop=True)


def adoption_lag(corpus: pd.DataFrame, terms: Terms) -> pd.DataFrame:
    """Central-to-local lag per term, in years.

    Returns columns term, first_national (first year in a central *or*
    ministerial document), first_provincial, first_prefecture, first_county
    (first year at that level), first_local (earliest of the local levels),
    lag_years = first_local - first_national (negative when local documents
    used the term first; NaN if either side never used it), and direction
    ("top-down", "bottom-up", "same year" or "").

    A lag is only as good as the corpus's coverage: a term can look top-down
    simply because no local document of the early years is in the corpus, and
    bottom-up because the central document that used it first is missing.
    """
    fa = first_appearance(corpus, terms, by="level")
    wide = fa.pivot(index="term", columns="level", values="first_year")
    out = pd.DataFrame(index=pd.Index(list(term_patterns(terms)), name="term"))
    cen = [c for c in CENTRAL_LEVELS if c in wide]
    loc = [c for c in LOCAL_LEVELS if c in wide]
    out["first_national"] = wide[cen].min(axis=1) if cen else np.nan
    for lv in LOCAL_LEVELS:
        out[f"first_{lv}"] = wide[lv] if lv in wide else np.nan
    out["first_local"] = wide[loc].min(axis=1) if loc else np.nan
    out["lag_years"] = out["first_local"] - out["first_national"]
    lag = out["lag_years"].astype(float)  # years may be nullable Int64 (undated documents): NaN compares False
    out["direction"] = np.select([lag > 0, lag < 0, lag == 0], ["top-down", "bottom-up", "same year"], default="")
    for c in [c for c in out.columns if c.startswith("first_")] + ["lag_years"]:
        out[c] = out[c].astype("Int64")
    return out.reset_index()


def event_history(
    corpus: pd.DataFrame,
    terms: Terms,
    start: int | None = None,
    end: int | None = None,
    levels: tuple[str, ...] = LOCAL_LEVELS,
    *,
    from_first_document: bool = True,
) -> pd.DataFrame:
    """Event-history rows (Berry & Berry 1990) for local adoption of each term.

    One row per term x jurisdiction x year at risk: from ``start`` (default the
    first corpus year) until the year the jurisdiction first uses the term
    (that row has adopted = 1, and the jurisdiction leaves the risk set) or
    ``end`` (default the last corpus year) if it never does.  Jurisdictions are
    those of documents at ``levels`` (see :func:`jurisdictions`).

    With ``from_first_document`` (the default) a jurisdiction enters the risk
    set only in the year of its first document in the corpus: before that its
    language is unobserved (left-censored), and counting those years as
    "not adopted" would turn a jurisdiction's first appearance in the corpus
    into an adoption event.  Set it to False for the classic window-start
    risk set, e.g. when the corpus covers every jurisdiction's documents.

    Columns: term, jurisdiction, level, region, year, adopted (0/1),
    n_docs (documents the jurisdiction issued that year: 0 means adoption could
    not have been observed that year), central_prior (1 if a central or
    ministerial document used the term in an earlier year: the vertical
    diffusion covariate), share_prior (share of the other jurisdictions at risk
    that had adopted before that year: the horizontal covariate).
    """
    corpus = corpus.copy()
    corpus["jurisdiction"] = jurisdictions(corpus)
    start = int(corpus.year.min()) if start is None else start
    end = int(corpus.year.max()) if end is None else end
    local = corpus[corpus.level.isin(levels)]
    if local.empty:
        return pd.DataFrame(
            columns=[
                "term",
                "jurisdiction",
                "level",
                "region",
                "year",
                "adopted",
                "n_docs",
                "central_prior",
                "share_prior",
            ]
        )
    juris = (
        local.sort_values("year")
        .groupby("jurisdiction")
        .agg(level=("level", "first"), region=("region", "first"))
        .reset_index()
    )
    docs_per_year = local.groupby(["jurisdiction", "year"]).size()
    first_doc = local.groupby("jurisdiction").year.min().to_dict()
    fa_j = first_appearance(local, terms, by="jurisdiction").set_index(["term", "jurisdiction"]).first_year
    central = corpus[corpus.level.isin(CENTRAL_LEVELS)]
    fa_c = (
        first_appearance(central, terms, by="level").groupby("term").first_year.min()
        if len(central)
        else pd.Series(dtype=float)
    )
    rows = []
    for term in term_patterns(terms):
        adopt_year = {j: fa_j.get((term, j)) for j in juris.jurisdiction}
        c_year = fa_c.get(term, np.nan)
        for j, lv, rg in juris.itertuples(index=False):
            ay = adopt_year[j]
            others = [y for k, y in adopt_year.items() if k != j]
            first = max(start, first_doc[j]) if from_first_document else start
            for year in range(first, end + 1):
                adopted = int(ay is not None and not pd.isna(ay) and year == ay)
                prior = [y for y in others if y is not None and not pd.isna(y) and y < year]
                rows.append(
                    {
                        "term": term,
                        "jurisdiction": j,
                        "level": lv,
                        "region": rg,
                        "year": year,
                        "adopted": adopted,
                        "n_docs": int(docs_per_year.get((j, year), 0)),
                        "central_prior": int(not pd.isna(c_year) and c_year < year),
                        "share_prior": len(prior) / len(others) if others else np.nan,
                    }
                )
                if adopted:
                    break
    return pd.DataFrame(rows)


def adoption_curve(
    corpus: pd.DataFrame, terms: Terms, years: range | None = None, levels: tuple[str, ...] = LOCAL_LEVELS
) -> pd.DataFrame:
    """Cumulative adoption: per term x year, the share of jurisdictions that have used the term by then.

    Returns term, year, n_adopted (jurisdictions with a first use in or before
    that year), n_jurisdictions (local jurisdictions in the corpus), share
    (n_adopted / n_jurisdictions, 0-1), n_observed (jurisdictions with at least
    one document in or before that year) and share_of_observed (n_adopted /
    n_observed).  Compare ``share`` with n_observed / n_jurisdictions: where
    they coincide, the curve shows when jurisdictions enter the corpus, not
    how fast the term spread among them.
    """
    corpus = corpus.copy()
    corpus["jurisdiction"] = jurisdictions(corpus)
    local = corpus[corpus.level.isin(levels)]
    n_j = local.jurisdiction.nunique()
    years = years if years is not None else range(int(corpus.year.min()), int(corpus.year.max()) + 1)
    fa = first_appearance(local, terms, by="jurisdiction")
    first_doc = local.groupby("jurisdiction").year.min().to_numpy()
    rows = []
    for term in term_patterns(terms):
        firsts = fa.loc[fa.term == term, "first_year"].to_numpy()
        for y in years:
            k = int((firsts <= y).sum())
            n_obs = int((first_doc <= y).sum())
            rows.append(
                {
                    "term": term,
                    "year": y,
                    "n_adopted": k,
                    "n_jurisdictions": n_j,
                    "share": k / n_j if n_j else np.nan,
                    "n_observed": n_obs,
                    "share_of_observed": k / n_obs if n_obs else np.nan,
                }
            )
    return pd.DataFrame(rows)
