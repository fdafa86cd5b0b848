"""What the steps of the page parser (:func:`analysis.parsing.parse_page`) have read so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..metadata import DateInfo
from .announcement import Announcement

__all__ = ["PageState"]


@dataclass
class PageState:
    """What the steps of :func:`parse_page` have read so far."""

    text: str
    raw_lines: list[str]
    lines: list[str]
    removed: list[str]
    meta: dict[str, str]
    interp: dict[str, str]
    headline: str = ""
    #: index of the first line past the site's header (menus, breadcrumb), 0 if none is seen
    header_end: int = 0
    head_limit: int = 0
    title: str = ""
    title_idx: int | None = None
    sal_idx: int | None = None
    block_issuer: str = ""
    body_start: int = 1
    is_interpretation: bool = False
    doc_number: str = ""
    decree_issuer: str = ""
    decree_end: int | None = None
    sig_org: str = ""
    sig_hint: str = ""
    sig_date: DateInfo | None = None
    sig_lines: tuple[int, int] | None = None
    body_lines: list[str] = field(default_factory=list)
    run_on_rest: str = ""
    announcement: Announcement = field(default_factory=Announcement)
    evidence: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    def note(self, field_name: str, value: str, evidence: str, rule: str) -> None:
        """Record where a field's value came from (the last note of a field wins)."""
        self.evidence[field_name] = (value, evidence.strip()[:200], rule)
