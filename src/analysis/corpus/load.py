"""The corpus verbs: a folder of policy files into the documents, paragraph and policy-list tables.

``read_corpus(path)`` reads every ``.txt``, ``.md``, ``.html`` / ``.htm``, ``.pdf``,
``.docx`` (``.doc`` / ``.wps`` when they are really .docx or HTML) and ``.ofd`` file in a
folder (:mod:`analysis.io`), cleans and parses it (:mod:`analysis.parsing`)
and returns a :class:`CorpusLoad`: one row per policy document, the files it
skipped and where each field came from.  ``load_corpus(path)`` returns just the
documents.  Nothing is silently dropped: a file that cannot be read or yields no
document is listed in ``skipped`` (file, reason) and announced with a warning.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..cleaning import clean_text, normalize_width, to_simplified
from ..io.errors import CorpusError
from ..io.files import NOT_DOCUMENTS, SUFFIXES, corpus_files, display_path, read_document_file, scan_folder
from ..io.formats import FileText
from ..metadata import short_title
from ..parsing import ParsedDoc, has_policy_table, parse_policy_table, parse_text, split_paragraphs
from ..resources import seed_dir
from .audit import CorpusAudit, audit_read, audit_result
from .duplicates import flag_duplicates, title_key
from .evidence import with_csv_evidence
from .metadata_csv import CELL_COLUMNS, apply_metadata_csv
from .parallel import PROGRESS_MIN_FILES, files_size, load_n_jobs, parse_files

__all__ = [
    "DOCUMENT_COLUMNS",
    "PARAGRAPH_COLUMNS",
    "POLICY_LIST_COLUMNS",
    "UNDATED",
    "CorpusLoad",
    "FileParse",
    "default_seed_dir",
    "doc_slug",
    "gather_load",
    "load_corpus",
    "load_paragraphs",
    "load_policy_list",
    "parse_file",
    "read_corpus",
    "warn_load",
]

#: Columns of the documents table, in order.
DOCUMENT_COLUMNS = [
    "doc_id", "title", "short_title", "issuer", "level", "region", "doc_number", "date", "year",
    "genre", "source", "is_excerpt", "text", "n_chars", "duplicate_of",
    "date_source", "script", "excerpt_reason", "level_evidence", "n_mojibake",
]  # fmt: skip
#: Columns of the paragraph table.
PARAGRAPH_COLUMNS = ["doc_id", "para_id", "section", "text", "n_chars", "is_heading"]
#: Columns of the policy-list table.
POLICY_LIST_COLUMNS = ["no", "issuer", "title", "doc_number", "year", "source", "duplicate_of"]


def default_seed_dir() -> Path:
    """The bundled seed folder: ``$ANALYSIS_SEEDS`` if set, else the seeds shipped with the package."""
    return seed_dir()


#: Columns of :attr:`CorpusLoad.evidence`.
EVIDENCE_TABLE_COLUMNS = ["doc_id", "field", "value", "evidence", "rule", "inferred"]


@dataclass(frozen=True)
class CorpusLoad:
    """What :func:`read_corpus` read from a folder.

    Attributes
    ----------
    documents : one row per policy document, columns :data:`DOCUMENT_COLUMNS`
        (plus any a metadata.csv adds).
    skipped : files (or compilation entries) that gave no document: columns file, reason.
    field_sources : where each documents column came from: columns field, source
        ("text", "metadata.csv", or "text, overridden by metadata.csv").
    folder : the folder (or file) read.
    evidence : where each metadata field of each document was read: columns doc_id,
        field, value, evidence (the text it was read from), rule (the rule that chose it),
        inferred (True when the value is not printed as such, e.g. a year from the 文号).
        Filled for single pages; a value a metadata.csv set has rule "metadata.csv" (the
        CSV's name) and names the CSV line and the value the text gave.
    audit : what loading kept of each file (:class:`analysis.corpus.audit.CorpusAudit`, the tables
        :func:`analysis.corpus.audit_folder` returns), made in the same pass when
        ``read_corpus(..., audit=True)``; else None.
    """

    def document_sources(self) -> pd.DataFrame:
        """Where each field of each document came from: columns doc_id, field, source ("text" or
        the metadata CSV's name), rule (as in :attr:`evidence`); one row per evidence row."""
        ev = self.evidence
        csv_rules = set(self.field_sources.source.str.extract(r"([^ ]+\.csv)$")[0].dropna())
        source = ev["rule"].where(ev["rule"].isin(csv_rules), "text")
        return pd.DataFrame({"doc_id": ev["doc_id"], "field": ev["field"], "source": source, "rule": ev["rule"]})

    documents: pd.DataFrame
    skipped: pd.DataFrame
    field_sources: pd.DataFrame
    folder: Path
    evidence: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EVIDENCE_TABLE_COLUMNS))
    audit: CorpusAudit | None = None


def read_corpus(
    path: str | os.PathLike | None = None,
    *,
    metadata: str | os.PathLike | None = None,
    audit: bool = False,
    n_jobs: int | None = None,
) -> CorpusLoad:
    """Read a folder of policy files; returns a :class:`CorpusLoad` (documents, skipped, field_sources, folder).

    Parameters
    ----------
    path : folder (or single file) of .txt, .md, .html, .pdf, .docx or .ofd files;
        None means the bundled seeds (:func:`default_seed_dir`).
    metadata : optional CSV overriding or adding fields, each row matched on
        ``doc_id`` or on the file's path relative to the folder (column ``path``
        or ``source``; a bare file name works when it names one file); by default
        ``metadata.csv`` inside the folder is used if present.  It is applied
        before ids, duplicates and order are decided, so it can date an undated document.
    audit : also fill ``.audit`` (characters read and kept per file, every removed line and its
        rule) from this pass over the files, instead of reading them again with
        :func:`analysis.corpus.audit_folder` (same tables; files losing more than 10% of
        their body are named in a warning).
    n_jobs : worker processes that read, clean and parse the files.  Default: in this process
        for up to :data:`~analysis.corpus.parallel.PARALLEL_MIN_BYTES` (4 MB) of files, else one
        per usable core; 1 forces this process, -1 means every core.  The tables and warnings are
        identical whatever ``n_jobs`` (:mod:`analysis.corpus.parallel`).

    The documents are sorted by year, date then doc_id, undated documents last.
    ``year`` is int64, or nullable Int64 when some document prints no date (then
    its year is <NA>, ``date`` "" and ``date_source`` "none"); ``n_chars`` counts
    characters of the clean simplified ``text``.  ``source`` is the file's path
    relative to the folder, with "#n" for the n-th document of a compilation and
    "#page=N" for the page a PDF or OFD document starts on ("a.pdf#page=1", "b.pdf#3&page=12").
    Scanned pages of a PDF or OFD that also has text are named in ``skipped``.  Skipped
    files and folders, undated documents and documents whose date was only inferred are
    announced with a warning.
    """
    load = _read(path, metadata, audit=audit, n_jobs=n_jobs)
    warn_load(load, "read_corpus", stacklevel=3)
    return load


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    metadata: str | os.PathLike | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Load a folder of policy files into a DataFrame with one row per policy document.

    The same as ``read_corpus(path, metadata=metadata, n_jobs=n_jobs).documents`` (see
    :func:`read_corpus`): columns :data:`DOCUMENT_COLUMNS`, sorted by year, date
    then doc_id.  Files that cannot be read are reported with a warning, never
    silently dropped, and never stop the rest; :func:`read_corpus` returns them as a table.
    """
    load = _read(path, metadata, n_jobs=n_jobs)
    warn_load(load, "load_corpus", stacklevel=3)
    return load.documents


def _read(
    path: str | os.PathLike | None,
    metadata: str | os.PathLike | None,
    *,
    audit: bool = False,
    n_jobs: int | None = None,
) -> CorpusLoad:
    folder = Path(path) if path is not None else default_seed_dir()
    audit_rows: tuple[list[dict], list[dict]] | None = ([], []) if audit else None
    parsed, skipped = _parse_folder(folder, audit_rows, n_jobs=n_jobs)
    return gather_load(folder, parsed, skipped, metadata, audit_rows)


def gather_load(
    folder: Path,
    parsed: list[ParsedDoc],
    skipped: list[dict],
    metadata: str | os.PathLike | None = None,
    audit_rows: tuple[list[dict], list[dict]] | None = None,
) -> CorpusLoad:
    """The :class:`CorpusLoad` of a folder's parsed documents and skipped rows, in file order.

    What :func:`read_corpus` does after parsing every file (:func:`parse_file`), wherever the files
    were parsed: metadata.csv, ids, duplicates, order, evidence and the audit (when ``audit_rows``,
    the files rows and removed rows of every file, are given).
    """
    df = _documents_frame(parsed)
    field_sources = {c: "text" for c in DOCUMENT_COLUMNS}
    meta_path = Path(metadata) if metadata else (folder / "metadata.csv" if folder.is_dir() else None)
    # metadata.csv comes before anything is decided from the fields: ids, duplicates, order
    cells = pd.DataFrame(columns=CELL_COLUMNS)
    if meta_path is not None and meta_path.exists():
        df, overridden, cells = apply_metadata_csv(df, meta_path)
        for c in overridden:
            field_sources[c] = f"text, overridden by {meta_path.name}" if c in field_sources else meta_path.name
        df = _date_undated_ids(df)
        cells["doc_id"] = [df.at[i, "doc_id"] for i in cells["index"]]
        cells["rule"] = meta_path.name
    df["year"] = _year_column(df["year"])
    df = flag_duplicates(df)
    # undated documents (year <NA>) sort last
    df = df.sort_values(["year", "date", "doc_id"], kind="stable", na_position="last").reset_index(drop=True)
    return CorpusLoad(
        documents=df,
        skipped=pd.DataFrame(skipped, columns=["file", "reason"]),
        field_sources=pd.DataFrame(list(field_sources.items()), columns=["field", "source"]),
        folder=folder,
        evidence=with_csv_evidence(_evidence_table(parsed, df), cells),
        audit=None if audit_rows is None else audit_result(*audit_rows, warn=True),
    )


def _evidence_table(parsed: list[ParsedDoc], documents: pd.DataFrame) -> pd.DataFrame:
    """One row per document and field: where the parser read it (doc ids matched through ``source``)."""
    doc_of = dict(zip(documents["source"], documents["doc_id"]))
    rows = [
        {
            "doc_id": doc_of.get(d.source, ""),
            "field": f,
            "value": v,
            "evidence": e,
            "rule": r,
            "inferred": "(inferred)" in r,
        }
        for d in parsed
        for f, (v, e, r) in d.evidence.items()
    ]
    return pd.DataFrame(rows, columns=EVIDENCE_TABLE_COLUMNS)


def _year_column(years: pd.Series) -> pd.Series:
    """``year`` as int64 when every document has one (as before), else nullable Int64 with <NA>."""
    years = pd.to_numeric(years, errors="coerce")
    if len(years) and years.notna().all():
        return years.astype("int64")
    return years.astype("Int64")


def _date_undated_ids(df: pd.DataFrame) -> pd.DataFrame:
    """Documents printed without a date whose year metadata.csv supplied: the id names the year.

    Returns the documents with unique ids ("undated-…" -> "2021-…").
    """
    years = pd.to_numeric(df["year"], errors="coerce")
    fix = df["doc_id"].str.startswith(f"{UNDATED}-") & years.notna()
    if not fix.any():
        return df
    df = df.copy()
    df.loc[fix, "doc_id"] = [f"{int(y)}-{i[len(UNDATED) + 1 :]}" for y, i in zip(years[fix], df.loc[fix, "doc_id"])]
    return _unique_ids(df)


def warn_load(load: CorpusLoad, verb: str, stacklevel: int) -> None:
    """Warn about skipped files, undated documents and documents whose date is only inferred."""
    if len(load.skipped):
        warnings.warn(
            f"{verb} skipped {len(load.skipped)} file(s): "
            + "; ".join(f"{r.file} ({r.reason})" for r in load.skipped.itertuples()),
            stacklevel=stacklevel,
        )
    df = load.documents
    undated = df[df.date_source == "none"]
    if len(undated):
        warnings.warn(
            f"{verb} kept {len(undated)} document(s) that print no date (year missing; "
            "a metadata.csv date column can supply it): "
            + ", ".join(f"{r.doc_id} ({r.source})" for r in undated.itertuples()),
            stacklevel=stacklevel,
        )
    inferred = df[df.date_source.str.contains("lower bound|plan period", regex=True)]
    if len(inferred):
        warnings.warn(
            "no date printed for "
            + ", ".join(f"{r.doc_id} (year {r.year} from {r.date_source})" for r in inferred.itertuples()),
            stacklevel=stacklevel,
        )


def _parse_folder(
    folder: Path, audit: tuple[list[dict], list[dict]] | None = None, *, n_jobs: int | None = None
) -> tuple[list[ParsedDoc], list[dict]]:
    """Parsed documents (dated or not), and skipped rows (file, reason), of every file under ``folder``.

    A document's ``source`` is its file's path relative to ``folder`` (the file name for
    files directly in it), so same-named files in different subfolders stay apart.
    Only the failures a file can cause (CorpusError: unreadable, undecodable or
    unparseable content; OSError: the file cannot be read) become skipped rows:
    any other exception is a bug and propagates.  Folders that cannot be read are skipped rows too.
    ``audit`` (files rows, removed rows), when given, receives each file's :func:`audit_read` rows.
    The files are parsed in ``n_jobs`` worker processes (:func:`~analysis.corpus.parallel.load_n_jobs`
    decides for None), the results taken in file order, so the lists are the same whatever ``n_jobs``.
    """
    parsed: list[ParsedDoc] = []
    scan = scan_folder(folder)
    skipped: list[dict] = [{"file": where, "reason": reason} for where, reason in scan.problems]
    root = folder if folder.is_dir() else None
    jobs = load_n_jobs(n_jobs, files_size(scan.files) if n_jobs is None else 0)
    results = parse_files(
        parse_file,
        scan.files,
        root,
        audit=audit is not None,
        n_jobs=jobs,
        progress=len(scan.files) > PROGRESS_MIN_FILES,
    )
    for one in results:
        parsed.extend(one.docs)
        skipped.extend(one.skipped)
        if audit is not None and one.audit is not None:
            audit[0].append(one.audit)
            audit[1].extend(one.removed)
    return parsed, skipped


@dataclass
class FileParse:
    """What :func:`parse_file` read from one file: its documents, skipped rows and audit rows."""

    docs: list[ParsedDoc] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    #: the file's :func:`audit_read` row (None when no audit was asked for or the file is not a document)
    audit: dict | None = None
    removed: list[dict] = field(default_factory=list)


def parse_file(f: Path, root: Path | None, *, audit: bool = False) -> FileParse:
    """Read, clean and parse one file of a corpus folder; returns a :class:`FileParse`.

    ``root`` is the folder read (None for a single file): a document's ``source`` is the path
    relative to it.  A file named in NOT_DOCUMENTS (metadata.csv …) gives nothing; an unsupported
    suffix, an unreadable or unparseable file a skipped row (file, reason); scanned pages of a
    paged file a skipped row next to the documents of its other pages.  ``audit`` also fills the
    file's :func:`audit_read` rows.  Picklable in and out, so it runs on Dask workers unchanged.
    """
    out = FileParse()
    if f.name in NOT_DOCUMENTS:
        return out
    source = display_path(f, root)
    if f.suffix.lower() not in SUFFIXES:
        out.skipped.append({"file": source, "reason": f"not a supported file type ({f.suffix or 'no suffix'})"})
        return out
    read: FileText | None = None
    try:
        read = read_document_file(f)
        docs, _removed = parse_text(read.text, source)
    except (CorpusError, OSError) as e:
        reason = e.reason if isinstance(e, CorpusError) else f"cannot read file: {e.strerror or e}"
        out.skipped.append({"file": source, "reason": reason})
        _add_audit(out, audit, read, source, [], reason)
        return out
    _add_audit(out, audit, read, source, docs, "")
    if read.pages:
        _name_start_pages(docs, read.pages)
    if read.no_text:
        out.skipped.append({"file": source, "reason": _no_text_reason(read)})
    out.docs = docs
    return out


def _add_audit(
    out: FileParse, audit: bool, read: FileText | None, source: str, docs: list[ParsedDoc], error: str
) -> None:
    """Fill one file's audit rows (:func:`audit_read`) into ``out`` when the caller asked for them."""
    if audit:
        out.audit, out.removed = audit_read(read, source, parsed=docs, error=error)


def _no_text_reason(read: FileText) -> str:
    """The skipped-row reason for the pages of a file that hold a scan and no text."""
    pages = ", ".join(map(str, read.no_text))
    return (
        f"no text layer (scanned?) on {len(read.no_text)} of {len(read.pages)} pages (page {pages}); "
        "OCR is not done; the other pages were read"
    )


def _name_start_pages(docs: list[ParsedDoc], pages: list[str]) -> None:
    """Append the page each document of a paged file starts on to its ``source``.

    A single document's source becomes ``file.pdf#page=2`` (the form PDF viewers open
    at that page), a compilation entry's ``file.pdf#3&page=12``.  The page is where the
    beginning of the document's body (else its title) is printed, searched in order from
    the previous document's start; compared on letters and digits only, after the same
    cleaning as the body.
    """
    keys = [re.sub(r"\W", "", clean_text(p)) for p in pages]
    starts = [sum(len(k) for k in keys[:i]) for i in range(len(keys))]
    joined = "".join(keys)
    pos = 0
    for d in docs:
        body, title = re.sub(r"\W", "", d.text), re.sub(r"\W", "", d.title)
        for needle in (body[:30], body[:12], title[:12]):
            at = joined.find(needle, pos) if needle else -1
            if at >= 0:
                pos = at
                break
        page = bisect.bisect_right(starts, pos)
        d.source = f"{d.source}&page={page}" if "#" in d.source else f"{d.source}#page={page}"


#: The year part of the id of a document that prints no date.
UNDATED = "undated"


def doc_slug(d: ParsedDoc, year: int | None) -> str:
    """Readable, stable id: year (or "undated"), level, region or issuer, and a short hash of the title
    ("2019-provincial-河北-1a2b3c", "undated-county-unknown-9f8e7d")."""
    who = d.region if d.region and d.region != "全国" else (d.issuer.split(" ")[0][:6] if d.issuer else "")
    who = re.sub(r"[^\w\u4e00-\u9fff]", "", who) or ("全国" if d.region == "全国" else "unknown")
    h = hashlib.sha1(d.title.encode("utf-8")).hexdigest()[:6]
    return f"{UNDATED if year is None else year}-{d.level or 'unknown'}-{who}-{h}"


def _documents_frame(parsed: list[ParsedDoc]) -> pd.DataFrame:
    """The documents table of parsed documents, with unique doc ids.

    A document that prints no date keeps ``date`` "", ``year`` <NA> and ``date_source`` "none".
    """
    rows = []
    for d in parsed:
        year = d.date.year if d.date is not None else None
        rows.append(
            {
                "doc_id": doc_slug(d, year),
                "title": d.title,
                "short_title": short_title(d.title, d.issuer),
                "issuer": d.issuer,
                "level": d.level,
                "region": d.region,
                "doc_number": d.doc_number,
                "date": d.date.iso if d.date is not None else "",
                "year": pd.NA if year is None else int(year),
                "genre": d.genre,
                "source": d.source,
                "is_excerpt": bool(d.is_excerpt),
                "text": d.text,
                "n_chars": len(d.text),
                "duplicate_of": "",
                "date_source": d.date.source if d.date is not None else "none",
                "script": d.script,
                "excerpt_reason": d.excerpt_reason,
                "level_evidence": d.level_evidence,
                "n_mojibake": d.n_mojibake,
            }
        )
    df = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    df["year"] = _year_column(df["year"])
    return _unique_ids(df)


def _unique_ids(df: pd.DataFrame) -> pd.DataFrame:
    """The documents with ids made unique ("-2", "-3" …), even for identical titles in the same year."""
    dup = df.groupby("doc_id").cumcount()
    df.loc[dup > 0, "doc_id"] = df.loc[dup > 0, "doc_id"] + "-" + (dup[dup > 0] + 1).astype(str)
    return df


def load_paragraphs(
    corpus: pd.DataFrame | str | os.PathLike | None = None, *, n_jobs: int | None = None
) -> pd.DataFrame:
    """Paragraph table: doc_id, para_id, section, text, n_chars (characters), is_heading.

    ``corpus`` is a DataFrame from :func:`load_corpus` or a path for it (loaded with ``n_jobs``
    worker processes, as :func:`read_corpus`; a DataFrame is split in this process).  One row
    per paragraph (a line of the clean text; run-on PDF text is split at its
    heading markers first).  ``section`` is the heading path such as "三、 > (二)".
    """
    documents = corpus if isinstance(corpus, pd.DataFrame) else load_corpus(corpus, n_jobs=n_jobs)
    rows: list[dict] = []
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        rows.extend(split_paragraphs(doc_id, text))
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


def load_policy_list(path: str | os.PathLike | None = None, *, corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """The tables of further policies appended to compilations (序号 发文部门 文件名称 文号 年份).

    Returns columns no, issuer, title, doc_number, year (Int64), source, duplicate_of:
    one row per listed policy; ``duplicate_of`` names the full-text document
    of the corpus that is the same policy (same 文号 or title + year), "" if none.
    ``corpus`` defaults to ``load_corpus(path)`` (loaded only when a table is found).
    """
    folder = Path(path) if path is not None else default_seed_dir()
    rows = []
    root = folder if folder.is_dir() else None
    for f in corpus_files(folder):
        if f.suffix.lower() not in SUFFIXES or f.name in NOT_DOCUMENTS:
            continue
        try:
            raw, _ = read_document_file(f)
        except CorpusError:
            continue
        if not has_policy_table(to_simplified(normalize_width(raw))):
            continue
        rows.extend(parse_policy_table(clean_text(raw), display_path(f, root)))
    out = pd.DataFrame(rows, columns=POLICY_LIST_COLUMNS[:-1])
    out["year"] = out["year"].astype("Int64")
    if corpus is None:
        corpus = load_corpus(path) if rows else None
    out["duplicate_of"] = ""
    if corpus is not None and len(out):
        out["duplicate_of"] = _listed_duplicates(out, corpus)
    return out


def _listed_duplicates(listed: pd.DataFrame, corpus: pd.DataFrame) -> list[str]:
    """doc_id of the full-text document each listed policy is, "" if none.

    Listed policies carry a 文号 or a title + year; a bare title alone is too common to match on.
    """
    by_num = {n: i for n, i in zip(corpus.doc_number, corpus.doc_id) if n}
    by_title = {(title_key(t), y): i for t, y, i in zip(corpus.title, corpus.year, corpus.doc_id)}
    found = [
        (by_num.get(n) if n else None) or by_title.get((title_key(t), y), "")
        for n, t, y in zip(listed.doc_number, listed.title, listed.year)
    ]
    return ["" if v is None else v for v in found]
