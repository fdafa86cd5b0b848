"""``find_citations``: one row per reference a document prints, resolved against the corpus."""

from __future__ import annotations

import pandas as pd

from ..metadata import doc_number_year
from ..metadata.issuer import split_issuer_title
from .extract import Reference, extract_references, sentence_at
from .resolve import LOCAL_BODY, Targets, cited_jurisdiction, core_title, jurisdiction, jurisdiction_from_context

__all__ = ["CITATION_COLUMNS", "find_citations"]

CITATION_COLUMNS = [
    "citing_doc_id",
    "kind",
    "cited_doc_number",
    "cited_title",
    "cited_issuer",
    "cited_year",
    "cited_level",
    "cited_region",
    "position",
    "context",
    "marked",
    "resolved_doc_id",
    "resolution",
    "resolved_list_no",
]


def _title_issuer(title: str) -> str:
    """The issuer a cited title starts with (国务院关于… -> 国务院, 省政府关于… -> 省政府); "" if none."""
    if not title:
        return ""
    local = LOCAL_BODY.match(title)
    return local.group() if local else split_issuer_title(title)[0]


def _kind(ref: Reference) -> str:
    if ref.title and ref.doc_number:
        return "both"
    return "title" if ref.title else "doc_number"


def _rows_of(doc: dict, corpus_targets: Targets, list_targets: Targets | None) -> list[dict]:
    """The citation rows of one document (its own 文号 and title left out)."""
    text = str(doc["text"] or "")
    own_number = str(doc.get("doc_number") or "")
    citing = (str(doc["level"] or ""), str(doc["region"] or ""), str(doc["issuer"] or ""), str(doc["title"] or ""))
    own_key = jurisdiction(*citing)
    own_core = core_title(citing[3])
    own_id = str(doc.get("duplicate_of") or "") or str(doc["doc_id"])
    rows = []
    for ref in extract_references(text):
        if ref.doc_number and ref.doc_number == own_number:
            continue
        issuer = ref.issuer or _title_issuer(ref.title)
        before = text[max(0, ref.position - 12) : ref.position]
        level, region, key = cited_jurisdiction(issuer, ref.title) if ref.title else ("", "", "")
        if ref.title and not key:
            words = ref.title + issuer + before
            key = jurisdiction_from_context(words, *citing)
            if key:
                level, region = (citing[0], citing[1]) if key == own_key else ("provincial", citing[1])
        core = core_title(ref.title)
        if core and core == own_core and key in ("", own_key):
            # the document naming itself (《…》已经市政府同意，现印发给你们): a title without
            # issuer equal to the document's own is read as its own, the commoner case by far
            continue
        target, resolution = corpus_targets.match(ref.doc_number, core, key)
        if target == own_id:
            continue
        listed = list_targets.match(ref.doc_number, core, key)[0] if list_targets is not None else None
        year = doc_number_year(ref.doc_number) if ref.doc_number else None
        rows.append(
            {
                "citing_doc_id": doc["doc_id"],
                "kind": _kind(ref),
                "cited_doc_number": ref.doc_number,
                "cited_title": ref.title,
                "cited_issuer": issuer,
                "cited_year": year,
                "cited_level": level,
                "cited_region": region,
                "position": ref.position,
                "context": sentence_at(text, ref.position, ref.end),
                "marked": ref.marked,
                "resolved_doc_id": target or "",
                "resolution": resolution,
                "resolved_list_no": listed,
            }
        )
    return rows


def find_citations(
    corpus: pd.DataFrame, policy_list: pd.DataFrame | None = None, *, progress: bool | None = None
) -> pd.DataFrame:
    """Every reference to another document that the corpus prints, and the document it names.

    A reference is a 《title》 (nested 《关于印发〈…〉的通知》 included), a 文号, both together
    (《…》(国发〔2022〕14号)), or a title printed without 《》 after 根据/按照/贯彻落实… or before
    its 文号 (PDF extraction drops the marks); see :mod:`analysis.citations.extract`.  A
    document's own 文号 and title are never a citation of itself.  Documents that are copies
    of another (``duplicate_of`` set) are read like any other: filter ``citing_doc_id`` to
    count each policy once.

    Resolution (:mod:`analysis.citations.resolve`): by 文号; else by title (without issuer,
    关于 and 印发…的通知) together with the jurisdiction of the cited issuer, read from the
    issuer or title, or from 本省/我市/省政府… in the citing text; a reference that names no
    jurisdiction is not resolved by title.

    Parameters
    ----------
    corpus : DataFrame
        The corpus (doc_id, title, issuer, level, region, doc_number, text; duplicate_of
        when present).
    policy_list : DataFrame, optional
        :func:`analysis.load_policy_list` (no, issuer, title, doc_number): references are
        also looked up in it.
    progress : bool, optional
        Show a tqdm bar; default only for corpora of 2,000 documents or more.

    Returns
    -------
    DataFrame
        One row per reference, in corpus order then by position: citing_doc_id, kind
        (doc_number / title / both), cited_doc_number (normalised, "" if none), cited_title
        (as printed without the outer 《》, "" if none), cited_issuer (printed before the
        title or leading it, "" if none), cited_year (Int64: the 文号's year, <NA> without
        one), cited_level / cited_region (the cited issuer's level and province, "" when
        unknown), position (character offset in the citing text), context (the sentence),
        marked (the title stood inside 《》), resolved_doc_id (the corpus document cited,
        its canonical copy when duplicated; "" when not in the corpus), resolution
        ("doc_number", "title and jurisdiction", "title, national only", "ambiguous",
        "jurisdiction unknown", "not in corpus"), resolved_list_no (Int64: the policy-list
        number, <NA> if not listed).
    """
    missing = {"doc_id", "title", "issuer", "level", "region", "text"} - set(corpus.columns)
    if missing:
        raise ValueError(f"find_citations needs corpus columns {sorted(missing)}")
    corpus_targets = Targets.of_corpus(corpus.assign(doc_number=corpus.get("doc_number", "")))
    list_targets = Targets.of_policy_list(policy_list) if policy_list is not None and len(policy_list) else None
    records = corpus.to_dict("records")
    if progress or (progress is None and len(records) >= 2000):
        from tqdm.auto import tqdm

        records = tqdm(records, desc="reading citations", unit="doc")
    rows = [row for doc in records for row in _rows_of(doc, corpus_targets, list_targets)]
    out = pd.DataFrame(rows, columns=CITATION_COLUMNS)
    for col in ("cited_year", "resolved_list_no", "position"):
        out[col] = out[col].astype("Int64")
    out["marked"] = out["marked"].astype(bool)
    return out.reset_index(drop=True)
