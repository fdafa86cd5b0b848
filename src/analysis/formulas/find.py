"""find_formulas: recurrent short phrases (提法) shared by documents of several jurisdictions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..diffusion.adoption import jurisdictions
from ..levels import level_rank
from ..metadata.dates import date_parts, is_present
from ..provenance import Provenance
from ..segment import Tokenizer, get_default_tokenizer
from .boundaries import OCCURRENCES_CHECKED, on_word_boundaries
from .index import ENUMERATION_COMMA, SuffixIndex, build_index, group_bounds, maximal_repeats
from .result import FORMULA_COLUMNS, OCCURRENCE_COLUMNS, FormulaResult
from .select import boilerplate_kind, core_of, enumeration_core

__all__ = ["FormulaDocs", "annotate_occurrences", "find_formulas", "formula_documents", "occurrences_frame"]

_OPEN_QUOTES, _CLOSE_QUOTES = "“‘\"'「『", "”’\"'」』"
CONTEXT_CHARS = 15


@dataclass(frozen=True)
class FormulaDocs:
    """The documents searched, with what the tables report about each."""

    table: pd.DataFrame  # doc_id, date, year, level, region, jurisdiction, text; in corpus order
    precedence: np.ndarray  # int rank per document: dated first, by date, level from the top, doc_id
    dated: np.ndarray  # bool per document


def formula_documents(corpus: pd.DataFrame) -> tuple[FormulaDocs, int]:
    """Validate ``corpus`` and return its documents (duplicates left out) and how many were left out."""
    missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"find_formulas needs a corpus table with columns doc_id and text; missing {missing}")
    if corpus["doc_id"].duplicated().any():
        dup = corpus.loc[corpus["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"find_formulas: doc_id {dup!r} appears more than once in the corpus")
    df = corpus
    n_dup = 0
    if "duplicate_of" in df.columns:
        copy = df["duplicate_of"].map(is_present)
        n_dup = int(copy.sum())
        df = df[~copy]
    df = df.reset_index(drop=True)
    out = pd.DataFrame({"doc_id": df["doc_id"].astype(str), "text": df["text"].fillna("").astype(str)})
    for col in ("date", "level", "region"):
        out[col] = df[col].fillna("").astype(str) if col in df.columns else ""
    out["year"] = df["year"].astype("Int64") if "year" in df.columns else pd.array([pd.NA] * len(df), dtype="Int64")
    if "jurisdiction" in df.columns:
        out["jurisdiction"] = df["jurisdiction"].fillna("").astype(str)
    elif {"issuer", "level", "region"} <= set(df.columns):
        out["jurisdiction"] = jurisdictions(df).to_numpy()
    else:
        # nothing says who issued a document: each is its own jurisdiction
        out["jurisdiction"] = out["region"].where(out["region"] != "", out["doc_id"])
    parts = [date_parts(d, y) for d, y in zip(out["date"], out["year"])]
    dated = np.array([p[0] > 0 for p in parts], dtype=bool)
    keys = [
        (not d, p, level_rank(lv), i) for d, p, lv, i in zip(dated, parts, out["level"], out["doc_id"], strict=True)
    ]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys))
    return FormulaDocs(table=out, precedence=rank, dated=dated), n_dup


@dataclass
class _Candidate:
    formula: str
    positions: np.ndarray  # code positions of its occurrences
    length: int  # codes
    trimmed_to: str = ""  # the enumeration core reported instead of this repeat, if that core is a phrase


def _candidates(
    index: SuffixIndex, groups: np.ndarray, min_chars: int, max_chars: int, trim: bool, min_docs: int, min_groups: int
) -> dict[str, _Candidate]:
    """Maximal repeats as candidates keyed by formula, enumeration cores trimmed (see :mod:`.select`)."""
    reps = maximal_repeats(
        index, groups, min_len=min_chars, max_len=max_chars, min_docs=min_docs, min_groups=min_groups
    )
    isa = index.isa
    out: dict[str, _Candidate] = {}
    for length, lo, hi in zip(reps.length.tolist(), reps.sa_lo.tolist(), reps.sa_hi.tolist()):
        pos = int(index.sa[lo])
        formula = index.string(pos, length)
        if formula.startswith(ENUMERATION_COMMA) or formula.endswith(ENUMERATION_COMMA):
            continue
        core = enumeration_core(formula) if trim else None
        trimmed_to = ""
        if core is not None and core[1] >= min_chars:
            offset, n = core
            trimmed_to = formula[offset : offset + n]
            if trimmed_to not in out:
                a, b = group_bounds(index.lcp, int(isa[pos + offset]), n)
                out[trimmed_to] = _Candidate(trimmed_to, np.sort(index.sa[a:b]), n)
        if formula not in out:
            out[formula] = _Candidate(formula, np.sort(index.sa[lo:hi]), length, trimmed_to)
    return out


def _occurrence_table(index: SuffixIndex, cands: list[_Candidate], docs: FormulaDocs) -> pd.DataFrame:
    """One row per occurrence: candidate number, document number, start and end offsets in the text."""
    counts = np.array([len(c.positions) for c in cands], dtype=np.int64)
    cand = np.repeat(np.arange(len(cands)), counts)
    pos = np.concatenate([c.positions for c in cands]) if cands else np.zeros(0, dtype=np.int64)
    lens = np.repeat(np.array([c.length for c in cands], dtype=np.int64), counts)
    enc = index.enc
    doc = enc.doc_of[pos].astype(np.int64)
    start = enc.orig_off[pos].astype(np.int64)
    end = enc.orig_off[pos + lens - 1].astype(np.int64) + 1 if len(pos) else start
    return pd.DataFrame({"cand": cand, "doc": doc, "start": start, "end": end})


def annotate_occurrences(occ: pd.DataFrame, texts: list[str]) -> pd.DataFrame:
    """``occ`` with quoted (inside “…”), titled (inside 《…》) and context (the text around it) per occurrence."""
    if not texts:
        return occ.assign(quoted=np.zeros(len(occ), bool), titled=np.zeros(len(occ), bool), context="")
    # one string for the corpus, so each context is one slice of it and the characters around are one lookup
    joined = "\n".join(texts)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    doc_start = np.r_[0, np.cumsum(lengths + 1)[:-1]]
    doc = occ["doc"].to_numpy(np.int64)
    lo, hi = doc_start[doc], doc_start[doc] + lengths[doc]
    start, end = lo + occ["start"].to_numpy(np.int64), lo + occ["end"].to_numpy(np.int64)
    chars = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    # the characters just outside the occurrence; 0 (no character) at the edges of its document
    before = np.where(start > lo, chars[np.maximum(start - 1, 0)], 0)
    after = np.where(end < hi, chars[np.minimum(end, len(chars) - 1)], 0)
    opening = np.array([ord(c) for c in _OPEN_QUOTES], dtype=np.uint32)
    closing = np.array([ord(c) for c in _CLOSE_QUOTES], dtype=np.uint32)
    del chars
    joined = joined.replace("\n", " ")
    ctx_lo, ctx_hi = np.maximum(lo, start - CONTEXT_CHARS), np.minimum(hi, end + CONTEXT_CHARS)
    return occ.assign(
        quoted=np.isin(before, opening) & np.isin(after, closing),
        titled=(before == ord("《")) & (after == ord("》")),
        context=[joined[a:b] for a, b in zip(ctx_lo.tolist(), ctx_hi.tolist())],
    )


def _phrases(occ: pd.DataFrame, cands: list[_Candidate], docs: FormulaDocs, tokenizer: Tokenizer) -> np.ndarray:
    """Boolean per candidate: a phrase, not a fragment of words (see :mod:`.boundaries`)."""
    ordered = occ.assign(_p=docs.precedence[occ["doc"]]).sort_values(["cand", "_p", "start"], kind="stable")
    first = ordered.groupby("cand", sort=True).head(OCCURRENCES_CHECKED)
    per_cand: list[list[tuple[int, int, int]]] = [[] for _ in cands]
    for c, d, s, e in zip(
        first["cand"].tolist(), first["doc"].tolist(), first["start"].tolist(), first["end"].tolist()
    ):
        per_cand[c].append((d, s, e))
    ok = on_word_boundaries([c.formula for c in cands], per_cand, docs.table["text"].tolist(), tokenizer)
    return np.array(ok, dtype=bool)


def _kind(formula: str, share_quoted: float, share_titled: float) -> str:
    if formula.count(ENUMERATION_COMMA) >= 2:
        return "enumeration"
    if share_titled > 0.5:
        return "title"
    if share_quoted > 0.5:
        return "quoted"
    return "phrase"


def _formula_table(occ: pd.DataFrame, cands: list[_Candidate], docs: FormulaDocs) -> pd.DataFrame:
    """One row per candidate (index = candidate number) with counts and first dated use."""
    table = docs.table
    occ = occ.assign(
        jur=table["jurisdiction"].to_numpy()[occ["doc"]],
        prec=docs.precedence[occ["doc"]],
        dated=docs.dated[occ["doc"]],
    )
    g = occ.groupby("cand", sort=True)
    out = pd.DataFrame(
        {
            "n_docs": g["doc"].nunique(),
            "n_jurisdictions": g["jur"].nunique(),
            "n_occurrences": g.size(),
        }
    )
    out["n_undated_docs"] = occ[~occ["dated"]].groupby("cand")["doc"].nunique().reindex(out.index).fillna(0)
    first_doc = occ[occ["dated"]].sort_values("prec").groupby("cand")["doc"].first().reindex(out.index)
    has_first = first_doc.notna()
    fd = first_doc[has_first].astype(np.int64).to_numpy()
    for col, src in (("doc_id", "doc_id"), ("date", "date"), ("level", "level"), ("jurisdiction", "jurisdiction")):
        out[f"first_{col}"] = ""
        out.loc[has_first, f"first_{col}"] = table[src].to_numpy()[fd]
    out["first_year"] = pd.array([pd.NA] * len(out), dtype="Int64")
    out.loc[has_first, "first_year"] = table["year"].to_numpy()[fd]
    out["first_prec"] = np.where(has_first, 0, len(table) + 1)
    out.loc[has_first, "first_prec"] = docs.precedence[fd]
    out["formula"] = [cands[i].formula for i in out.index]
    out["n_chars"] = out["formula"].str.len()
    return out


def find_formulas(
    corpus: pd.DataFrame,
    min_chars: int = 6,
    max_chars: int = 40,
    min_jurisdictions: int = 2,
    *,
    min_docs: int = 2,
    common_share: float = 0.5,
    keep_boilerplate: bool = False,
    trim_enumerations: bool = True,
    word_boundaries: bool = True,
    tokenizer: Tokenizer | None = None,
) -> FormulaResult:
    """Find the formulas (提法) of a corpus: short phrases that documents of several jurisdictions repeat.

    Parameters
    ----------
    corpus : DataFrame
        One row per document (``docs/CONTRACT.md``): ``doc_id`` and ``text``
        are required; ``date``, ``year``, ``level``, ``region`` and ``issuer``
        are used when present.  Rows with a ``duplicate_of`` are left out (a
        copy of a document is not a second use).  The jurisdiction is a
        ``jurisdiction`` column when there is one, else
        :func:`analysis.diffusion.jurisdictions` (全国 for central and ministry
        documents, the province, the city or county of the issuer).
    min_chars, max_chars : int
        Length of a formula in characters (letters, digits and the enumeration
        comma 、).  Repeats longer than ``max_chars`` are copied passages
        (:func:`analysis.reuse.find_reuse`), and a phrase found only inside
        such a passage is not listed either.
    min_jurisdictions, min_docs : int
        A formula is used by at least this many jurisdictions and documents.
    common_share : float
        In a corpus of 10 or more documents, a phrase in more than this share of
        documents is boilerplate ("common").
    keep_boilerplate : bool
        False (default): boilerplate phrases (addressee lines, closing and date
        formulae, names of issuing bodies, common phrases; see
        :func:`analysis.formulas.select.boilerplate_kind`) are left out and
        counted in ``params["n_boilerplate"]`` by kind.  True: they are listed
        with their kind in the ``boilerplate`` column.
    trim_enumerations : bool
        Report a repeat holding a parallel enumeration as the enumeration
        (:func:`analysis.formulas.select.enumeration_core`).
    word_boundaries : bool
        Leave out fragments: repeats that start or end inside a word or with a
        function character (:func:`analysis.formulas.boundaries.on_word_boundaries`);
        counted in ``params["n_fragments"]``.
    tokenizer : Tokenizer, optional
        Segments the clauses around occurrences for ``word_boundaries``
        (default: the project's default tokenizer).

    Returns
    -------
    FormulaResult
        ``.formulas`` (one row per formula), ``.occurrences`` (one row per use,
        character offsets into ``text``), ``.params`` and ``.provenance``.

    Notes
    -----
    Quotation marks, clause punctuation and line breaks end a phrase, so
    “优政、惠民、兴业” quoted in one document and 优政、惠民、兴业、强基 in another
    are both found; the shorter, in more documents, is the ``core_formula_id``
    of the longer.  A formula is *maximal*: a shorter phrase inside it is
    listed only when more documents (not the same ones) use it.  The cost is
    near-linear in the corpus's characters: one suffix array sorted to the
    first ``max_chars + 1`` characters (numpy prefix doubling) and one pass
    over the lengths ``min_chars..max_chars``.
    """
    for name, value, low in (("min_chars", min_chars, 2), ("min_jurisdictions", min_jurisdictions, 1)):
        if int(value) != value or value < low:
            raise ValueError(f"{name} must be an integer >= {low}, got {value!r}")
    if max_chars < min_chars:
        raise ValueError(f"max_chars ({max_chars}) must be >= min_chars ({min_chars})")
    if min_docs < 2:
        raise ValueError(f"min_docs must be >= 2 (a formula is shared), got {min_docs!r}")
    docs, n_dup = formula_documents(corpus)
    depth = max_chars + 1
    index = build_index(docs.table["text"].tolist(), depth)
    groups = pd.factorize(docs.table["jurisdiction"])[0].astype(np.int64)
    cands = list(
        _candidates(index, groups, min_chars, max_chars, trim_enumerations, min_docs, min_jurisdictions).values()
    )
    occ = _occurrence_table(index, cands, docs)
    n_fragments = 0
    keep = np.ones(len(cands), dtype=bool)
    if word_boundaries and cands:
        keep = _phrases(occ, cands, docs, tokenizer or get_default_tokenizer())
        n_fragments = int((~keep).sum())
    # a repeat is replaced by its enumeration core when the core is a phrase (when it is a fragment, the repeat stays)
    position = {c.formula: i for i, c in enumerate(cands)}
    replaced = np.array([bool(c.trimmed_to) and bool(keep[position[c.trimmed_to]]) for c in cands], dtype=bool)
    occ = occ[(keep & ~replaced)[occ["cand"].to_numpy()]]
    table = _formula_table(occ, cands, docs) if len(occ) else pd.DataFrame()
    params = {
        "min_chars": min_chars,
        "max_chars": max_chars,
        "min_jurisdictions": min_jurisdictions,
        "min_docs": min_docs,
        "common_share": common_share,
        "keep_boilerplate": keep_boilerplate,
        "trim_enumerations": trim_enumerations,
        "n_documents": len(docs.table),
        "n_duplicates_left_out": n_dup,
        "n_jurisdictions": int(docs.table["jurisdiction"].nunique()),
        "n_undated_documents": int((~docs.dated).sum()),
        "n_characters_indexed": len(index.enc.codes),
        "word_boundaries": word_boundaries,
        "n_repeats": len(cands),
        "n_fragments": n_fragments,
    }
    formulas, occurrences = _finish(table, occ, docs, params)
    return FormulaResult(formulas, occurrences, params, Provenance("find_formulas", params=params))


def _finish(
    table: pd.DataFrame, occ: pd.DataFrame, docs: FormulaDocs, params: dict
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Filter, flag boilerplate, number the formulas and build both output tables (``params`` gets the counts)."""
    n_docs_corpus = params["n_documents"]
    if table.empty:
        params["n_boilerplate"] = {}
        return pd.DataFrame(columns=FORMULA_COLUMNS), pd.DataFrame(columns=OCCURRENCE_COLUMNS)
    table = table[(table["n_docs"] >= params["min_docs"]) & (table["n_jurisdictions"] >= params["min_jurisdictions"])]
    table = table.assign(
        boilerplate=[
            boilerplate_kind(f, n, n_docs_corpus, params["common_share"])
            for f, n in zip(table["formula"], table["n_docs"])
        ]
    )
    params["n_boilerplate"] = {
        k: int(v) for k, v in table.loc[table["boilerplate"] != "", "boilerplate"].value_counts().items()
    }
    if not params["keep_boilerplate"]:
        table = table[table["boilerplate"] == ""]
    table = table.sort_values(
        ["n_jurisdictions", "n_docs", "first_prec", "formula"], ascending=[False, False, True, True], kind="stable"
    )
    width = max(3, len(str(len(table))))
    ids = pd.Series([f"F{i + 1:0{width}d}" for i in range(len(table))], index=table.index)
    table = table.assign(formula_id=ids)
    cores = core_of(table["formula"].tolist(), table["n_docs"].tolist(), params["min_chars"])
    table["core_formula_id"] = [table["formula_id"].iloc[j] if j >= 0 else "" for j in cores]
    table["n_undated_docs"] = table["n_undated_docs"].astype(np.int64)
    occ = annotate_occurrences(occ[occ["cand"].isin(table.index)], docs.table["text"].tolist())
    shares = occ.groupby("cand")[["quoted", "titled"]].mean().reindex(table.index)
    table["share_quoted"] = shares["quoted"].to_numpy()
    table["kind"] = [_kind(f, q, t) for f, q, t in zip(table["formula"], shares["quoted"], shares["titled"])]
    formulas = table[FORMULA_COLUMNS].reset_index(drop=True)
    return formulas, occurrences_frame(occ, ids, docs)


def occurrences_frame(occ: pd.DataFrame, formula_ids: pd.Series, docs: FormulaDocs) -> pd.DataFrame:
    """The occurrences table (:data:`OCCURRENCE_COLUMNS`) of annotated occurrence rows.

    ``occ`` has columns cand, doc (row of ``docs.table``), start, end and those of
    :func:`annotate_occurrences`; ``formula_ids`` maps cand to formula_id.  Rows are ordered by
    formula_id, the document's precedence (dated first, by date and level), then start.
    """
    ids = formula_ids.reindex(occ["cand"]).to_numpy()
    doc = occ["doc"].to_numpy(np.int64)
    # formula_id, then precedence, then start; ties (none: a document has one precedence) keep the rows' order
    id_rank = np.unique(ids.astype(str), return_inverse=True)[1].reshape(-1) if len(ids) else doc
    order = np.lexsort((occ["start"].to_numpy(), docs.precedence[doc], id_rank))
    at = doc[order]
    # each column taken once, in its own dtype (year stays Int64), and not copied again into one block
    columns: dict[str, Any] = {}
    for c in OCCURRENCE_COLUMNS:
        if c == "formula_id":
            columns[c] = ids[order]
        elif c in docs.table.columns:
            columns[c] = docs.table[c].array.take(at)
        else:
            columns[c] = occ[c].array.take(order)
    return pd.DataFrame(columns, copy=False)
