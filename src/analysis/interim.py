"""Interim tables: the corpus parsed and the tokenizer's added terms chosen once, read by every notebook.

``prepare`` loads a corpus folder, splits paragraphs, reads the appended policy
list and discovers the corpus's own terms, and writes them to one folder
(``reports/interim`` in the report).  ``load_prepared`` reads that folder back,
preparing it first when it is missing or was made from other files or settings.
The notebooks after the first read these tables instead of parsing the corpus
again, so they all see the same documents and segment with the same terms.

Term discovery is reviewed (:func:`analysis.segment.review_terms`) and its
decisions are written once, to ``terms.csv`` in the interim folder: one row per
candidate with ``term, freq, n_docs, score, status, reason``.  A researcher can
edit it there (set ``status`` to ``accepted`` or ``rejected``, delete rows, add
rows): :func:`load_prepared` notices the edit and every notebook then uses the
edited list.  A curated list from elsewhere goes in as
``prepare(..., terms_path="my_terms.csv")`` (a ``term`` column, and optionally
``status``: rows not marked ``accepted`` are then left out).
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .io.tables import write_json, write_table

__all__ = ["INTERIM_TABLES", "Prepared", "load_prepared", "prepare", "tokenizer_for"]

#: Tables written by :func:`prepare` (Parquet, plus CSV for terms).
INTERIM_TABLES = (
    "documents",
    "paragraphs",
    "policy_list",
    "skipped",
    "field_sources",
    "warnings",
    "candidates",
    "terms",
    "audit_files",
    "audit_removed",
)
_MANIFEST = "manifest.json"
#: The reviewed term list a researcher may edit in place.
_TERMS_CSV = "terms.csv"
_FORMAT = 1


@dataclass
class Prepared:
    """The interim tables of one corpus.

    Attributes
    ----------
    documents : DataFrame
        One row per document, as :func:`analysis.load_corpus` returns it.
    paragraphs : DataFrame
        :func:`analysis.load_paragraphs` of the documents.
    policy_list : DataFrame
        :func:`analysis.load_policy_list` (empty when the corpus has none).
    skipped : DataFrame
        Files that gave no document: ``file``, ``reason``.
    field_sources : DataFrame
        Where each documents column came from: ``field``, ``source`` (the text or metadata.csv).
    warnings : DataFrame
        What the loader warned about (``message``), e.g. documents that print no date.
    candidates : DataFrame
        The reviewed term list (``terms.csv``): every candidate
        :func:`analysis.review_terms` considered, with ``status`` and ``reason``,
        or the curated list.
    terms : DataFrame
        The rows of ``candidates`` with ``status == "accepted"``, best first:
        the terms the tokenizer of every notebook adds.
    audit_files, audit_removed : DataFrame
        What loading kept of each file and every removed line with its rule
        (:class:`analysis.corpus.audit.CorpusAudit` ``.files`` and ``.removed``), made in
        the same pass as the documents; :attr:`audit` holds both.
    folder : pathlib.Path
        Where the tables were written.
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    policy_list: pd.DataFrame
    skipped: pd.DataFrame
    field_sources: pd.DataFrame
    warnings: pd.DataFrame
    candidates: pd.DataFrame
    terms: pd.DataFrame
    audit_files: pd.DataFrame
    audit_removed: pd.DataFrame
    folder: Path

    @property
    def audit(self):
        """Returns the loading audit, a :class:`analysis.corpus.audit.CorpusAudit` (files, removed, lossy())."""
        from .corpus.audit import CorpusAudit

        return CorpusAudit(self.audit_files, self.audit_removed)

    def tokenizer(self, **kwargs):
        """A :class:`analysis.Tokenizer` with these terms added (``boilerplate=True`` unless given)."""
        return tokenizer_for(self.terms, **kwargs)


def tokenizer_for(terms: pd.DataFrame | Iterable[str], **kwargs):
    """``Tokenizer(extra_terms=terms, boilerplate=True, **kwargs)`` from a terms table or list."""
    from .segment import Tokenizer

    words = list(terms["term"]) if isinstance(terms, pd.DataFrame) else list(terms)
    kwargs.setdefault("boilerplate", True)
    return Tokenizer(extra_terms=words, **kwargs)


def _fingerprint(corpus_dir: str | os.PathLike[str] | None) -> dict[str, object]:
    """What the interim tables were made from: the folder and each file's path, size and mtime."""
    from .corpus import default_seed_dir

    folder = Path(corpus_dir) if corpus_dir is not None else default_seed_dir()
    folder = folder.resolve()
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else [folder]
    digest = hashlib.sha256()
    for p in files:
        stat = p.stat()
        digest.update(
            f"{p.relative_to(folder) if folder.is_dir() else p.name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode(
                "utf-8", "surrogateescape"
            )
        )
    return {"corpus": str(folder), "n_files": len(files), "files_sha256": digest.hexdigest()}


def _read_terms(terms: str | os.PathLike[str] | Iterable[str]) -> pd.DataFrame:
    """A curated term list as a review table: ``status`` "accepted" unless the file says otherwise."""
    if isinstance(terms, (str, os.PathLike)):
        table = pd.read_csv(terms, encoding="utf-8-sig", dtype={"term": str, "status": str, "reason": str})
        if "term" not in table.columns:
            raise ValueError(f"{terms}: a terms file needs a 'term' column")
        table = table.dropna(subset=["term"])
        table["term"] = table["term"].str.strip()
        table = table[table["term"] != ""].reset_index(drop=True)
    else:
        table = pd.DataFrame({"term": [str(t) for t in terms]})
    if "status" not in table.columns:
        table["status"] = "accepted"
        table["reason"] = "curated list"
    table["status"] = table["status"].fillna("").str.strip().str.lower()
    if "reason" in table.columns:
        table["reason"] = table["reason"].fillna("")
    return table


def _accepted(review: pd.DataFrame) -> pd.DataFrame:
    """The rows of a review table whose status is "accepted", in its order."""
    return review[review["status"] == "accepted"].reset_index(drop=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def prepare(
    corpus_dir: str | os.PathLike[str] | None = None,
    folder: str | os.PathLike[str] = "reports/interim",
    *,
    n_terms: int = 50,
    min_count: int = 3,
    terms: str | os.PathLike[str] | Iterable[str] | None = None,
    terms_path: str | os.PathLike[str] | None = None,
    n_jobs: int | None = None,
) -> Prepared:
    """Parse a corpus once and write its interim tables.

    Parameters
    ----------
    corpus_dir : path, optional
        Folder of documents; None = the bundled seeds.
    folder : path
        Output folder (created).
    n_terms : int
        Discovered terms added to the tokenizer: the best ``n_terms`` that
        :func:`analysis.review_terms` accepts, on the documents that are not
        duplicates.
    min_count : int
        Minimum occurrences of a discovered term.
    terms : path or list of str, optional
        A curated list instead of discovery: a CSV with a ``term`` column (e.g. an
        edited ``terms.csv``) or the terms themselves.
    terms_path : path, optional
        The same as ``terms`` given a file: a CSV with a ``term`` column and
        optionally ``status`` (only rows marked ``accepted`` are added).
    n_jobs : int, optional
        Worker processes reading the files, as in :func:`analysis.read_corpus` (default: in this
        process up to 4 MB of files, else one per core); the tables are the same whatever it is.

    Returns
    -------
    Prepared
        The tables; also written to ``folder`` as Parquet, the term review also
        as ``terms.csv`` (the list to edit), with a ``manifest.json`` saying what
        they were made from.
    """
    from .corpus import load_paragraphs, load_policy_list, read_corpus
    from .segment import Tokenizer, review_terms

    if terms is not None and terms_path is not None:
        raise ValueError("give terms or terms_path, not both")
    terms = terms_path if terms is None else terms

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = read_corpus(corpus_dir, audit=True, n_jobs=n_jobs)
        policy_list = load_policy_list(corpus_dir, corpus=loaded.documents)
    for w in caught:  # shown to the caller as usual, and kept for the notebooks
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    documents, audit = loaded.documents, loaded.audit
    assert audit is not None  # asked for above
    if terms is None:
        originals = documents.loc[documents["duplicate_of"] == "", "text"]
        candidates = review_terms(originals, n_terms, min_count=min_count, tokenizer=Tokenizer(boilerplate=True))
    else:
        candidates = _read_terms(terms)
    term_table = _accepted(candidates)
    prepared = Prepared(
        documents=documents,
        paragraphs=load_paragraphs(documents),
        policy_list=policy_list,
        skipped=loaded.skipped,
        field_sources=loaded.field_sources,
        warnings=pd.DataFrame({"message": [str(w.message) for w in caught]}, dtype=object),
        candidates=candidates,
        terms=term_table,
        audit_files=audit.files,
        audit_removed=audit.removed,
        folder=Path(folder),
    )
    _write(
        prepared,
        corpus_dir,
        {"n_terms": n_terms, "min_count": min_count, "terms": None if terms is None else _terms_key(terms)},
    )
    return prepared


def _terms_key(terms: str | os.PathLike[str] | Iterable[str]) -> str:
    if isinstance(terms, (str, os.PathLike)):
        return "file:" + hashlib.sha256(Path(terms).read_bytes()).hexdigest()
    return "list:" + hashlib.sha256("\n".join(map(str, terms)).encode("utf-8")).hexdigest()


def _write(prepared: Prepared, corpus_dir: str | os.PathLike[str] | None, params: dict[str, object]) -> None:
    folder = prepared.folder
    for name in INTERIM_TABLES:
        write_table(getattr(prepared, name), folder / name, formats=("parquet",))
    write_table(prepared.candidates, folder / _TERMS_CSV.removesuffix(".csv"), formats=("csv",))
    manifest = {"format": _FORMAT, "source": _fingerprint(corpus_dir), "params": params}
    manifest["terms_csv_sha256"] = _sha256(folder / _TERMS_CSV)
    write_json(manifest, folder / _MANIFEST)


def load_prepared(
    folder: str | os.PathLike[str] = "reports/interim",
    corpus_dir: str | os.PathLike[str] | None = None,
    *,
    n_terms: int | None = None,
    min_count: int | None = None,
    terms: str | os.PathLike[str] | Iterable[str] | None = None,
    terms_path: str | os.PathLike[str] | None = None,
) -> Prepared:
    """Read the interim tables, preparing them first when missing or stale.

    They are reused if ``folder/manifest.json`` says they were made from the same
    files (path, size and modification time of each) and, for each setting given
    here, with that setting; otherwise :func:`prepare` runs (settings not given
    take its defaults).  So a notebook that passes no setting reads whatever the
    first notebook or ``make report`` prepared for this corpus.

    When ``folder/terms.csv`` was edited after it was written (and no
    ``terms``/``terms_path`` is given), the edited list is used: its rows with
    ``status == "accepted"`` become ``terms``, also when the tables are remade.

    Returns
    -------
    Prepared
    """
    folder = Path(folder)
    if terms is not None and terms_path is not None:
        raise ValueError("give terms or terms_path, not both")
    terms = terms_path if terms is None else terms
    manifest = folder / _MANIFEST
    recorded = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    terms_csv = folder / _TERMS_CSV
    # terms.csv changed since prepare wrote it: the researcher's edit wins.
    edited = terms is None and bool(recorded) and _sha256(terms_csv) not in ("", recorded.get("terms_csv_sha256"))
    wanted = {"n_terms": n_terms, "min_count": min_count, "terms": None if terms is None else _terms_key(terms)}
    if recorded and all((folder / f"{n}.parquet").is_file() for n in INTERIM_TABLES):
        source = json.loads(json.dumps(_fingerprint(corpus_dir)))
        same_params = all(
            value is None or recorded.get("params", {}).get(key) == value for key, value in wanted.items()
        )
        if recorded.get("format") == _FORMAT and recorded.get("source") == source and same_params:
            tables = {n: pd.read_parquet(folder / f"{n}.parquet") for n in INTERIM_TABLES}
            prepared = Prepared(**tables, folder=folder)
            if edited:
                _adopt_edited_terms(prepared, recorded)
            return prepared
    return prepare(
        corpus_dir,
        folder,
        n_terms=50 if n_terms is None else n_terms,
        min_count=3 if min_count is None else min_count,
        terms=terms_csv if edited else terms,
    )


def _adopt_edited_terms(prepared: Prepared, recorded: dict[str, object]) -> None:
    """Take the term list from the edited ``terms.csv`` and record it, so later reads agree without re-parsing."""
    folder = prepared.folder
    prepared.candidates = _read_terms(folder / _TERMS_CSV)
    prepared.terms = _accepted(prepared.candidates)
    for name in ("candidates", "terms"):
        write_table(getattr(prepared, name), folder / name, formats=("parquet",))
    write_json({**recorded, "terms_csv_sha256": _sha256(folder / _TERMS_CSV)}, folder / _MANIFEST)
