"""What loading keeps of each file: characters read and kept, and every removed span with its rule.

``audit_file(path)`` and ``audit_folder(path)`` replay what the loader does to a
file (read, clean, cut the trailer, strip furniture, parse) and return a
:class:`CorpusAudit`: one row per file (``files``) and one row per removed line
(``removed``) naming the rule that removed it.  A file whose furniture and
trailer rules removed more than 10% of its body (the lines between the
document's first sentence and its signature, :func:`analysis.cleaning.document_span`),
or whose page parser set aside text below a closing signature (a sentence, or a teaser
cut off with "……"), is named in a warning, since that is text a researcher would lose.
"""

from __future__ import annotations

import bisect
import os
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..cleaning import clean_text, cut_trailer, detect_script, document_span, furniture_removals
from ..io.errors import CorpusError
from ..io.files import NOT_DOCUMENTS, SUFFIXES, corpus_files, display_path
from ..io.formats import FileText, read_file
from ..parsing import ParsedDoc, parse_text, parse_toc
from ..parsing.page_flattened import unflatten

__all__ = [
    "BODY_LOSS_WARNING", "FILE_COLUMNS", "REMOVED_COLUMNS", "CorpusAudit",
    "audit_file", "audit_folder", "audit_read", "audit_result",
]  # fmt: skip

#: Share of a file's body that, once removed by furniture or trailer rules, earns a warning.
BODY_LOSS_WARNING = 0.10
#: Columns of :attr:`CorpusAudit.files`.
FILE_COLUMNS = [
    "file", "chars_read", "chars_clean", "chars_kept", "n_documents", "n_removed",
    "body_chars", "body_removed", "body_lost_share", "error",
]  # fmt: skip
#: Columns of :attr:`CorpusAudit.removed`.
REMOVED_COLUMNS = ["file", "line", "rule", "n_chars", "text"]

_TRAILER = "page trailer"
_PAGE_FURNITURE = "running header, footer or page number by its place on the page"
_PARSER = "signature, notes or lines below the signature (page parser)"
_BELOW_SIGNATURE = "text below a closing signature (page parser)"
_HEADER = "title block and page header (not body text)"
_COMPILATION = "outside every document of the compilation"
# removals that lose no body text: the parser's own split, second copies of a lead or title
_NOT_LOST = {_PARSER, _HEADER, _COMPILATION, "doubled lead", "truncated lead", "repeated title"}


@dataclass(frozen=True)
class CorpusAudit:
    """What loading kept of each file.

    Attributes
    ----------
    files : one row per file, columns :data:`FILE_COLUMNS`: characters read (after
        decoding and HTML reduction), after character cleaning, kept in the
        documents' text; body characters and how many furniture and trailer rules
        removed from it (``body_lost_share``); the reason a file gave no document.
    removed : one row per removed line, columns :data:`REMOVED_COLUMNS`: its index
        among the file's non-empty clean lines, the rule that removed it, its length and text;
        a PDF's or OFD's running headers, footers and page numbers, which its reader drops
        by their place on the page, come first with line -1 and their page in the rule.
    """

    files: pd.DataFrame
    removed: pd.DataFrame

    def lossy(self, threshold: float = BODY_LOSS_WARNING) -> pd.DataFrame:
        """The rows of :attr:`files` whose furniture and trailer rules removed more than ``threshold`` of the body."""
        return self.files[self.files.body_lost_share > threshold]


def audit_file(path: str | os.PathLike, *, name: str | None = None, warn: bool = True) -> CorpusAudit:
    """Audit one file (``name`` labels it, default the file name); returns a :class:`CorpusAudit`.

    Warns (UserWarning) when furniture and trailer rules removed more than 10% of its body.
    """
    row, removed = _read_and_audit(Path(path), name or Path(path).name)
    return _result([row], removed, warn)


def audit_folder(path: str | os.PathLike, *, warn: bool = True) -> CorpusAudit:
    """Audit every document file under ``path`` (files labelled by their path relative to it).

    Returns a :class:`CorpusAudit` over all files; one warning names every file
    whose furniture and trailer rules removed more than 10% of its body.
    ``read_corpus(path, audit=True).audit`` gives the same tables from the load's own pass.
    """
    root = Path(path)
    rows: list[dict] = []
    removed: list[dict] = []
    for f in corpus_files(root):
        if f.name in NOT_DOCUMENTS or f.suffix.lower() not in SUFFIXES:
            continue
        row, lines = _read_and_audit(f, display_path(f, root if root.is_dir() else None))
        rows.append(row)
        removed.extend(lines)
    return _result(rows, removed, warn)


def audit_result(rows: list[dict], removed: list[dict], *, warn: bool = True) -> CorpusAudit:
    """The :class:`CorpusAudit` of rows from :func:`audit_read` (files, removed lines); warns about
    lossy files when ``warn``, as :func:`audit_folder` does."""
    return _result(rows, removed, warn)


def audit_read(
    read: FileText | None, label: str, *, parsed: list[ParsedDoc] | None = None, error: str = ""
) -> tuple[dict, list[dict]]:
    """What loading kept of one file: (its row of :attr:`CorpusAudit.files`, its rows of
    :attr:`CorpusAudit.removed`).

    ``read`` is the file as read (None when reading failed with ``error``); ``parsed`` the
    documents the loader parsed from ``read.text`` (or [] with the parser's ``error``), so
    the text is not parsed again; None parses it here.
    """
    if read is None:
        return dict.fromkeys(FILE_COLUMNS, 0) | {"file": label, "body_lost_share": 0.0, "error": error}, []
    row, removed = _audit_text(read.text, label, parsed, error)
    # PDF/OFD running headers, footers and page numbers, dropped by the reader (not in the text's lines: line -1)
    furniture = [
        {"file": label, "line": -1, "rule": f"{_PAGE_FURNITURE} (page {page})", "n_chars": len(text), "text": text}
        for page, text in read.furniture
    ]
    return row, furniture + removed


def _read_and_audit(path: Path, label: str) -> tuple[dict, list[dict]]:
    """:func:`audit_read` of the file at ``path``, read here."""
    try:
        read = read_file(path)
    except (CorpusError, OSError) as e:
        reason = e.reason if isinstance(e, CorpusError) else f"cannot read file: {e.strerror or e}"
        return audit_read(None, label, error=reason)
    return audit_read(read, label)


def _result(rows: list[dict], removed: list[dict], warn: bool) -> CorpusAudit:
    """The audit tables from rows; warns about lossy files when ``warn``."""
    audit = CorpusAudit(
        pd.DataFrame(rows, columns=FILE_COLUMNS),
        pd.DataFrame(removed, columns=REMOVED_COLUMNS),
    )
    lossy = audit.lossy()
    if warn and len(lossy):
        named = ", ".join(f"{r.file} ({r.body_lost_share:.0%})" for r in lossy.itertuples())
        warnings.warn(
            f"{len(lossy)} file(s) lost more than {BODY_LOSS_WARNING:.0%} of their body to page-furniture "
            f"and trailer rules: {named}; see audit.removed for each removed line and its rule",
            UserWarning,
            stacklevel=3,
        )
    return audit


def _audit_text(raw: str, label: str, docs: list[ParsedDoc] | None, error: str) -> tuple[dict, list[dict]]:
    """(file row, removed rows) for one file's decoded text and its parsed documents (None: parse here)."""
    # cleaned as parse_text cleans it (the script decided on the raw text), so the two calls share
    # clean_text's cache
    clean = clean_text(raw, script=detect_script(raw))
    lines = [ln.strip() for ln in clean.split("\n") if ln.strip()]
    row: dict = {"file": label, "chars_read": len(raw), "chars_clean": len(clean), "error": error}
    if docs is None:
        try:
            docs, _ = parse_text(raw, label)
        except CorpusError as e:
            docs, row["error"] = [], e.reason
    kept_lines = [ln for d in docs for ln in d.text.split("\n") if ln.strip()]
    if parse_toc(clean):
        rules = _compilation_rules(lines, kept_lines)
    else:
        lines = unflatten(lines)  # as the page parser reads a flattened page: in the 公文's parts
        rules = _page_rules(lines, kept_lines)
    removed = [
        {"file": label, "line": i, "rule": rule, "n_chars": len(lines[i]), "text": lines[i]}
        for i, rule in sorted(rules.items())
    ]
    start, end = document_span(lines)
    # text set aside below a closing signature counts as body wherever it stands
    below = {i for i in _lost_below_signature(lines, rules) if not start <= i < end}
    body_chars = sum(len(ln) for ln in lines[start:end]) + sum(len(lines[i]) for i in below)
    body_removed = sum(
        len(lines[i]) for i, rule in rules.items() if (start <= i < end or i in below) and rule not in _NOT_LOST
    )
    row |= {
        "chars_kept": sum(len(d.text) for d in docs),
        "n_documents": len(docs),
        "n_removed": len(removed),
        "body_chars": body_chars,
        "body_removed": body_removed,
        "body_lost_share": body_removed / body_chars if body_chars else 0.0,
    }
    return row, removed


def _page_rules(lines: list[str], kept_lines: list[str]) -> dict[int, str]:
    """Line index -> the rule that removed it, for a single page (lines kept in the body have none).

    Replays the page parser's first steps (trailer, furniture); the lines left
    out of the body after that were set aside by the parser: the title block
    above the body, the signature, notes and what follows a closing signature.
    """
    page, trailer = cut_trailer(lines)
    rules = {len(page) + k: _TRAILER for k in range(len(trailer))}
    rules |= {r.index: r.rule for r in furniture_removals(page)}
    remaining = [i for i in range(len(page)) if i not in rules]
    matched = _match_in_order([lines[i] for i in remaining], kept_lines)
    first_kept = min((remaining[k] for k in matched), default=len(lines))
    last_kept = max((remaining[k] for k in matched), default=-1)
    for k, i in enumerate(remaining):
        if k not in matched:
            rules[i] = _HEADER if i < first_kept else _PARSER
            if i > last_kept >= first_kept and _is_text_line(lines[i]):
                rules[i] = _BELOW_SIGNATURE  # a sentence the parser set aside with the trailer
    return rules


def _is_text_line(line: str) -> bool:
    """True for a line of document text rather than a signature, date, note or headline: a
    sentence, or a clause cut off at an ellipsis ("为加快推进数字政府建设,全面提升……")."""
    return bool(re.search(r"[。！？；;]", line)) or (bool(_CUT_RE.search(line)) and bool(re.search(r"[,，、]", line)))


def _lost_below_signature(lines: list[str], rules: dict[int, str]) -> set[int]:
    """Lines below the last kept body line that hold document text yet were set aside (by the
    parser, or as a "truncated teaser"): text a researcher loses though it stands outside the span."""
    below = {i for i, rule in rules.items() if rule == _BELOW_SIGNATURE}
    kept = [i for i in range(len(lines)) if i not in rules]
    last_kept = max(kept, default=len(lines))
    below |= {i for i, rule in rules.items() if rule == _TEASER and i > last_kept and _is_text_line(lines[i])}
    return below


_CUT_RE = re.compile(r"(?:…|\.\.\.)$")
_TEASER = "truncated teaser"


def _compilation_rules(lines: list[str], kept_lines: list[str]) -> dict[int, str]:
    """Line index -> rule for a compilation: lines that are in no document's text."""
    kept = Counter(kept_lines)
    rules = {}
    for i, ln in enumerate(lines):
        if kept[ln] > 0:
            kept[ln] -= 1
        else:
            rules[i] = _COMPILATION
    return rules


def _match_in_order(lines: list[str], kept_lines: list[str]) -> set[int]:
    """Indices of ``lines`` that the kept body lines take, matched in order: the body is a
    subsequence of the page (a transmittal notice's resumes below its signature).

    A kept line the parser reworded (a table cell's "|" dropped, a heading's doubled print taken
    once) matches no line; it is passed over rather than stopping the match, so the lines after
    it are still found (each kept line takes the first unmatched equal line after the last one
    taken: linear in the page's lines with a bisected index).
    """
    where: dict[str, list[int]] = {}
    for k, ln in enumerate(lines):
        where.setdefault(_match_key(ln), []).append(k)
    matched: set[int] = set()
    last = -1
    for ln in kept_lines:
        found = where.get(_match_key(ln), [])
        at = bisect.bisect_right(found, last)
        if at < len(found):
            last = found[at]
            matched.add(last)
    return matched


def _match_key(line: str) -> str:
    """A line as compared between page and body: without spaces, table bars and the "?" runs the
    parser drops at a line's edges (layout spaces an encoding could not store)."""
    return re.sub(r"[\s|｜]", "", line).strip("?？")
