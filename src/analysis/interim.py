"""Interim tables: the corpus parsed and the tokenizer's added terms chosen once, read by every notebook.

``prepare`` loads a corpus folder, splits paragraphs, reads the appended policy
list and discovers the corpus's own terms, and writes them to one folder
(``reports/interim`` in the report).  ``load_prepared`` reads that folder back,
preparing it first when it is missing or was made from other files or settings.
The notebooks after the first read these tables instead of parsing the corpus
again, so they all see the same documents and segment with the same terms.

The added terms are written to ``terms.csv``: a researcher can edit it (delete
rows that are not terms) and pass it back as ``prepare(..., terms="terms.csv")``.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .io.tables import write_json, write_table

__all__ = ["INTERIM_TABLES", "Prepared", "load_prepared", "prepare", "tokenizer_for"]

#: Tables written by :func:`prepare` (Parquet, plus CSV for terms).
INTERIM_TABLES = ("documents", "paragraphs", "policy_list", "skipped", "terms")
_MANIFEST = "manifest.json"
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
    terms : DataFrame
        Terms added to the tokenizer, best first (``term`` plus, when discovered,
        the discovery scores); the tokenizer of every notebook adds these.
    folder : pathlib.Path
        Where the tables were written.
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    policy_list: pd.DataFrame
    skipped: pd.DataFrame
    terms: pd.DataFrame
    folder: Path

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
        digest.update(f"{p.relative_to(folder) if folder.is_dir() else p.name}|{stat.st_size}|{stat.st_mtime_ns}\n"
                      .encode("utf-8", "surrogateescape"))
    return {"corpus": str(folder), "n_files": len(files), "files_sha256": digest.hexdigest()}


def _read_terms(terms: str | os.PathLike[str] | Iterable[str]) -> pd.DataFrame:
    if isinstance(terms, (str, os.PathLike)):
        table = pd.read_csv(terms, encoding="utf-8-sig", dtype={"term": str})
        if "term" not in table.columns:
            raise ValueError(f"{terms}: a terms file needs a 'term' column")
        return table.dropna(subset=["term"]).reset_index(drop=True)
    return pd.DataFrame({"term": [str(t) for t in terms]})


def prepare(corpus_dir: str | os.PathLike[str] | None = None, folder: str | os.PathLike[str] = "reports/interim",
            *, n_terms: int = 50, min_count: int = 3,
            terms: str | os.PathLike[str] | Iterable[str] | None = None) -> Prepared:
    """Parse a corpus once and write its interim tables.

    Parameters
    ----------
    corpus_dir : path, optional
        Folder of documents; None = the bundled seeds.
    folder : path
        Output folder (created).
    n_terms : int
        Discovered terms added to the tokenizer (the best ``n_terms`` by
        :func:`analysis.discover_terms`, on the documents that are not duplicates).
    min_count : int
        Minimum occurrences of a discovered term.
    terms : path or list of str, optional
        A curated list instead of discovery: a CSV with a ``term`` column (e.g. an
        edited ``terms.csv``) or the terms themselves.

    Returns
    -------
    Prepared
        The tables; also written to ``folder`` as Parquet (``terms`` also as CSV)
        with a ``manifest.json`` saying what they were made from.
    """
    from .corpus import load_paragraphs, load_policy_list, read_corpus
    from .segment import Tokenizer, discover_terms

    loaded = read_corpus(corpus_dir)
    documents = loaded.documents
    if terms is None:
        originals = documents.loc[documents["duplicate_of"] == "", "text"]
        candidates = discover_terms(originals, min_count=min_count, tokenizer=Tokenizer(boilerplate=True))
        term_table = candidates.head(n_terms).reset_index(drop=True)
    else:
        term_table = _read_terms(terms)
    prepared = Prepared(documents=documents, paragraphs=load_paragraphs(documents),
                        policy_list=load_policy_list(corpus_dir, corpus=documents),
                        skipped=loaded.skipped, terms=term_table, folder=Path(folder))
    _write(prepared, corpus_dir, {"n_terms": n_terms, "min_count": min_count,
                                  "terms": None if terms is None else _terms_key(terms)})
    return prepared


def _terms_key(terms: str | os.PathLike[str] | Iterable[str]) -> str:
    if isinstance(terms, (str, os.PathLike)):
        return "file:" + hashlib.sha256(Path(terms).read_bytes()).hexdigest()
    return "list:" + hashlib.sha256("\n".join(map(str, terms)).encode("utf-8")).hexdigest()


def _write(prepared: Prepared, corpus_dir: str | os.PathLike[str] | None, params: dict[str, object]) -> None:
    folder = prepared.folder
    for name in INTERIM_TABLES:
        write_table(getattr(prepared, name), folder / name, formats=("parquet",))
    write_table(prepared.terms, folder / "terms", formats=("csv",))
    write_json({"format": _FORMAT, "source": _fingerprint(corpus_dir), "params": params}, folder / _MANIFEST)


def load_prepared(folder: str | os.PathLike[str] = "reports/interim",
                  corpus_dir: str | os.PathLike[str] | None = None, *, n_terms: int = 50, min_count: int = 3,
                  terms: str | os.PathLike[str] | Iterable[str] | None = None) -> Prepared:
    """Read the interim tables, preparing them first when missing or stale.

    They are reused only if ``folder/manifest.json`` says they were made from the
    same files (path, size and modification time of each) with the same settings;
    otherwise :func:`prepare` runs with these arguments.

    Returns
    -------
    Prepared
    """
    folder = Path(folder)
    manifest = folder / _MANIFEST
    params = {"n_terms": n_terms, "min_count": min_count, "terms": None if terms is None else _terms_key(terms)}
    if manifest.is_file():
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
        current = {"format": _FORMAT, "source": _fingerprint(corpus_dir), "params": params}
        if recorded == json.loads(json.dumps(current)) and all(
                (folder / f"{n}.parquet").is_file() for n in INTERIM_TABLES):
            tables = {n: pd.read_parquet(folder / f"{n}.parquet") for n in INTERIM_TABLES}
            return Prepared(**tables, folder=folder)
    return prepare(corpus_dir, folder, n_terms=n_terms, min_count=min_count, terms=terms)
