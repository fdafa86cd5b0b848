"""The record every parser returns: one document as read from one file."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..metadata import DateInfo

__all__ = ["ParsedDoc"]


@dataclass
class ParsedDoc:
    """A document as parsed from one file, before ids and duplicates are assigned."""

    title: str
    text: str
    source: str
    issuer: str = ""
    doc_number: str = ""
    date: DateInfo | None = None
    genre: str = ""
    level: str = ""
    region: str = ""
    level_evidence: str = ""
    is_excerpt: bool = False
    excerpt_reason: str = ""
    script: str = "simplified"
    n_mojibake: int = 0
    section: str = ""
    notes: list[str] = field(default_factory=list)
    #: field -> (value, evidence, rule): the text a field's value was read from and the rule
    #: that chose it (filled by the page parser; see :func:`analysis.parsing.field_evidence`)
    evidence: dict[str, tuple[str, str, str]] = field(default_factory=dict)
