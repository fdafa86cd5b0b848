"""Diffusion of policy terms over time and across levels of government.

Term use is measured on characters (regular expressions over the clean text), not on
segmented tokens, so a term is found wherever it is written, whatever the tokenizer
does with its neighbours.  Terms come from an editable watchlist
(``data/watchlist.csv``: term, category, optional regex pattern, note) or any list.

The tables follow the forms diffusion studies use:

* :func:`term_timeline`      term x year (x level): documents using it, rate per 10,000 characters
* :func:`first_appearance`   first year a term appears at each level / in each jurisdiction
* :func:`adoption_lag`       years from first central or ministerial use to first local use
* :func:`event_history`      Berry & Berry event-history rows: jurisdiction x year at risk, adopted 0/1
* :func:`adoption_curve`     cumulative share of jurisdictions that have used a term, by year
* :func:`emerging_terms`     terms whose share rises most between two periods (G2 keyness)
* :func:`title_terms`        which words policy titles use, by year (for title-only lists)
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .metadata.gazetteer import leading_place

__all__ = [
    "load_watchlist",
    "count_terms",
    "term_timeline",
    "first_appearance",
    "adoption_lag",
    "jurisdictions",
    "event_history",
    "adoption_curve",
    "emerging_terms",
    "title_terms",
    "CENTRAL_LEVELS",
    "LOCAL_LEVELS",
]

CENTRAL_LEVELS = ("central", "ministry")
LOCAL_LEVELS = ("provincial", "prefecture", "county")
LEVEL_ORDER = ("central", "ministry", "provincial", "prefecture", "county")


def load_watchlist(path: str | Path | None = None) -> pd.DataFrame:
    """The watchlist of terms: columns term, category, pattern, note.

    ``pattern`` is a regular expression matching the term and its variants
    (城市(数据)?大脑); empty means the term itself, matched literally.  The
    default file ships with the package; pass your own CSV with the same
    columns to study other terms.
    """
    if path is None:
        with resources.files("analysis").joinpath("data/watchlist.csv").open(encoding="utf-8") as fh:
            wl = pd.read_csv(fh, dtype=str, keep_default_na=False)
    else:
        wl = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = {"term"} - set(wl.columns)
    if missing:
        raise ValueError(f"watchlist {path}: missing column(s) {sorted(missing)}")
    for col in ("category", "pattern", "note"):
        if col not in wl.columns:
            wl[col] = ""
    for term, pat in zip(wl.term, wl.pattern):
        try:
            re.compile(pat or re.escape(term))
        except re.error as e:
            raise ValueError(f"watchlist {path or 'default'}: bad pattern for {term!r}: {e}") from None
    return wl[["term", "category", "pattern", "note"]].reset_index(drop=True)


def _patterns(terms) -> dict[str, re.Pattern]:
    """term -> compiled regex, from a watchlist DataFrame, a dict or a list of literal terms."""
    if isinstance(terms, pd.DataFrame):
        pairs = zip(terms["term"], terms.get("pattern", pd.Series([""] * len(terms))))
    elif isinstance(terms, dict):
        pairs = terms.items()
    else:
        pairs = ((t, "") for t in terms)
    return {t: re.compile(p or re.escape(t)) for t, p in pairs}


def count_terms(corpus: pd.DataFrame, terms, text_col: str = "text") -> pd.DataFrame:
    """Occurrences of each term in each document: columns doc_id, term, count (non-overlapping matches).

    One row per document x term, zeros included, so groupings never lose a
    document that does not use a term.
    """
    pats = _patterns(terms)
    rows = {t: corpus[text_col].str.count(p) for t, p in pats.items()}
    wide = pd.DataFrame(rows, index=corpus.index)
    wide.insert(0, "doc_id", corpus["doc_id"].values)
    return wide.melt(id_vars="doc_id", var_name="term", value_name="count")


def _with_meta(corpus: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    meta = corpus[["doc_id", "year", "level", "region", "n_chars"]]
    return counts.merge(meta, on="doc_id", how="left")


def term_timeline(corpus: pd.DataFrame, terms, by: str | list[str] | None = None,
                  years: range | None = None) -> pd.DataFrame:
    """Per term x year (x ``by`` groups): how many documents use the term, and how often.

    Returns columns [term, year, *by, n_docs, n_docs_using, share_docs, count,
    n_chars, rate_per_10k] where ``rate_per_10k`` = occurrences per 10,000
    characters of all documents in the group, and ``share_docs`` =
    n_docs_using / n_docs.  Years in ``years`` (default: the corpus range) that
    have no document appear with n_docs 0 and NaN rates, so a plot shows a gap
    rather than a false zero.
    """
    by = [by] if isinstance(by, str) else list(by or [])
    df = _with_meta(corpus, count_terms(corpus, terms))
    df["using"] = df["count"] > 0
    keys = ["term", "year", *by]
    g = df.groupby(keys, observed=True).agg(
        n_docs=("doc_id", "nunique"), n_docs_using=("using", "sum"), count=("count", "sum"), n_chars=("n_chars", "sum")
    ).reset_index()
    years = years if years is not None else range(int(corpus.year.min()), int(corpus.year.max()) + 1)
    term_list = list(_patterns(terms))
    grid_parts = [pd.Series(term_list, name="term"), pd.Series(list(years), name="year")]
    grid = pd.DataFrame({"term": term_list}).merge(pd.DataFrame({"year": list(years)}), how="cross")
    for col in by:
        grid = grid.merge(pd.DataFrame({col: sorted(corpus[col].dropna().unique(), key=_level_key)}), how="cross")
    out = grid.merge(g, on=keys, how="left")
    out[["n_docs", "n_docs_using", "count", "n_chars"]] = out[["n_docs", "n_docs_using", "count", "n_chars"]].fillna(0).astype(int)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share_docs"] = np.where(out.n_docs > 0, out.n_docs_using / out.n_docs.where(out.n_docs > 0), np.nan)
        out["rate_per_10k"] = np.where(out.n_chars > 0, out["count"] / out.n_chars.where(out.n_chars > 0) * 1e4, np.nan)
    del grid_parts
    return out[[*keys, "n_docs", "n_docs_using", "share_docs", "count", "n_chars", "rate_per_10k"]]


def _level_key(v):
    return (LEVEL_ORDER.index(v), v) if v in LEVEL_ORDER else (len(LEVEL_ORDER), str(v))


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


def first_appearance(corpus: pd.DataFrame, terms, by: str = "level") -> pd.DataFrame:
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


def adoption_lag(corpus: pd.DataFrame, terms) -> pd.DataFrame:
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
    out = pd.DataFrame(index=pd.Index(list(_patterns(terms)), name="term"))
    cen = [c for c in CENTRAL_LEVELS if c in wide]
    loc = [c for c in LOCAL_LEVELS if c in wide]
    out["first_national"] = wide[cen].min(axis=1) if cen else np.nan
    for lv in ("provincial", "prefecture", "county"):
        out[f"first_{lv}"] = wide[lv] if lv in wide else np.nan
    out["first_local"] = wide[loc].min(axis=1) if loc else np.nan
    out["lag_years"] = out["first_local"] - out["first_national"]
    out["direction"] = np.select(
        [out.lag_years > 0, out.lag_years < 0, out.lag_years == 0], ["top-down", "bottom-up", "same year"], default=""
    )
    for c in [c for c in out.columns if c.startswith("first_")] + ["lag_years"]:
        out[c] = out[c].astype("Int64")
    return out.reset_index()


def event_history(corpus: pd.DataFrame, terms, start: int | None = None, end: int | None = None,
                  levels: tuple[str, ...] = LOCAL_LEVELS, *, from_first_document: bool = True) -> pd.DataFrame:
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
        return pd.DataFrame(columns=["term", "jurisdiction", "level", "region", "year", "adopted", "n_docs",
                                     "central_prior", "share_prior"])
    juris = (local.sort_values("year").groupby("jurisdiction")
             .agg(level=("level", "first"), region=("region", "first")).reset_index())
    docs_per_year = local.groupby(["jurisdiction", "year"]).size()
    first_doc = local.groupby("jurisdiction").year.min().to_dict()
    fa_j = first_appearance(local, terms, by="jurisdiction").set_index(["term", "jurisdiction"]).first_year
    central = corpus[corpus.level.isin(CENTRAL_LEVELS)]
    fa_c = first_appearance(central, terms, by="level").groupby("term").first_year.min() if len(central) else pd.Series(dtype=float)
    rows = []
    for term in _patterns(terms):
        adopt_year = {j: fa_j.get((term, j)) for j in juris.jurisdiction}
        c_year = fa_c.get(term, np.nan)
        for j, lv, rg in juris.itertuples(index=False):
            ay = adopt_year[j]
            others = [y for k, y in adopt_year.items() if k != j]
            first = max(start, first_doc[j]) if from_first_document else start
            for year in range(first, end + 1):
                adopted = int(ay is not None and not pd.isna(ay) and year == ay)
                prior = [y for y in others if y is not None and not pd.isna(y) and y < year]
                rows.append({
                    "term": term, "jurisdiction": j, "level": lv, "region": rg, "year": year,
                    "adopted": adopted, "n_docs": int(docs_per_year.get((j, year), 0)),
                    "central_prior": int(not pd.isna(c_year) and c_year < year),
                    "share_prior": len(prior) / len(others) if others else np.nan,
                })
                if adopted:
                    break
    return pd.DataFrame(rows)


def adoption_curve(corpus: pd.DataFrame, terms, years: range | None = None,
                   levels: tuple[str, ...] = LOCAL_LEVELS) -> pd.DataFrame:
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
    for term in _patterns(terms):
        firsts = fa.loc[fa.term == term, "first_year"].to_numpy()
        for y in years:
            k = int((firsts <= y).sum())
            n_obs = int((first_doc <= y).sum())
            rows.append({"term": term, "year": y, "n_adopted": k, "n_jurisdictions": n_j,
                         "share": k / n_j if n_j else np.nan, "n_observed": n_obs,
                         "share_of_observed": k / n_obs if n_obs else np.nan})
    return pd.DataFrame(rows)


def emerging_terms(corpus: pd.DataFrame, split_year: int = 2019, *, min_count: int = 5,
                   min_docs: int = 2, tokenizer=None, n: int = 30) -> pd.DataFrame:
    """Terms whose share rises most from the period before ``split_year`` to the period from it on.

    The score is Dunning's log-likelihood G2 of the term's token count in the
    later period against the earlier one (a 2x2 contingency test on token
    counts, one degree of freedom; G2 > 10.83 is p < 0.001), kept only for
    terms more frequent later (direction "target"), used at least ``min_count``
    times and in at least ``min_docs`` later documents.  Returns the keyness
    table of :func:`analysis.frequency.keyness` (rates per 10,000 tokens,
    log_ratio as an effect size) restricted to those terms, with docs_before /
    docs_after (documents using the term in each period), sorted by g2, top ``n``.
    """
    from .frequency import keyness

    target = corpus["year"] >= split_year
    k = keyness(corpus, target, tokenizer=tokenizer)
    k = k[(k["direction"] == "target") & (k["count_target"] >= min_count)].copy()
    terms = list(k["term"])
    if terms:
        counts = count_terms(corpus, terms)
        counts = counts[counts["count"] > 0].merge(corpus[["doc_id", "year"]], on="doc_id")
        after = counts[counts.year >= split_year].groupby("term").doc_id.nunique()
        before = counts[counts.year < split_year].groupby("term").doc_id.nunique()
        k["docs_after"] = k["term"].map(after).fillna(0).astype(int)
        k["docs_before"] = k["term"].map(before).fillna(0).astype(int)
        k = k[k.docs_after >= min_docs]
    out = k.sort_values("g2", ascending=False).head(n).reset_index(drop=True)
    out.attrs["method"] = (f"G2 keyness of token counts, years >= {split_year} vs < {split_year}; "
                           f"min_count={min_count}, min_docs={min_docs}")
    return out


def title_terms(titles: pd.DataFrame, words=("数据", "数字", "智慧", "智能", "信息化", "互联网", "城市", "政务"),
                year_col: str = "year", title_col: str = "title") -> pd.DataFrame:
    """Which words policy titles use, by year: columns year, word, n_titles, n_with_word, share.

    Works on any table with titles and years, e.g. :func:`analysis.load_policy_list`
    (32 further policies of 2021-2023, known by title only) or the corpus itself.
    """
    t = titles[[year_col, title_col]].dropna()
    rows = []
    for y, grp in t.groupby(year_col):
        for w in words:
            k = int(grp[title_col].str.contains(w, regex=False).sum())
            rows.append({"year": int(y), "word": w, "n_titles": len(grp), "n_with_word": k, "share": k / len(grp)})
    return pd.DataFrame(rows, columns=["year", "word", "n_titles", "n_with_word", "share"])
