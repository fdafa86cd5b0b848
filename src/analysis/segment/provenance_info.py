"""What a segmentation result depends on: versions, data-file hashes, tokenizer settings.

Two forms of the same facts:

* :func:`provenance` -- a flat dict (the record ``tables/02_provenance.json``
  has always held);
* :func:`tokenizer_provenance` -- an :class:`analysis.provenance.Provenance`
  record for one step (``term_frequencies``, ``keyness`` ...) with its
  parameters, to write next to a table with ``.write(path)``.
"""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Callable, Mapping
from typing import Any

import jieba

from ..provenance import Provenance
from . import tokenizer as _tokenizer
from .dictionary import DICTIONARY_VERSION, data_file_hashes
from .rjieba_backend import rjieba_version

__all__ = ["provenance", "tokenizer_provenance"]


def _package_version() -> str:
    try:
        return importlib.metadata.version("analysis")
    except importlib.metadata.PackageNotFoundError:
        package = sys.modules.get("analysis")
        return str(getattr(package, "__version__", "unknown"))


def _tokenizer_facts(tokenizer: Callable[[str], list[str]] | None) -> dict[str, Any]:
    """Settings and fingerprint of ``tokenizer`` (the default one if None)."""
    tokenizer = _tokenizer.get_default_tokenizer() if tokenizer is None else tokenizer
    if isinstance(tokenizer, _tokenizer.Tokenizer):
        return {"tokenizer": tokenizer.get_config(), "fingerprint": tokenizer.fingerprint}
    return {"tokenizer": repr(tokenizer), "fingerprint": None}


def provenance(tokenizer: Callable[[str], list[str]] | None = None) -> dict[str, Any]:
    """Describe the software and data a segmentation result depends on.

    Parameters
    ----------
    tokenizer : Tokenizer or callable, optional
        The tokenizer used; default :func:`analysis.segment.get_default_tokenizer`.

    Returns
    -------
    dict
        ``package``, ``package_version``, ``jieba_version``,
        ``rjieba_version``, ``dictionary_version``, ``files`` (data file name -> sha256 hex),
        ``tokenizer`` (settings, or ``repr`` of a foreign callable) and
        ``fingerprint`` (None for a foreign callable).
    """
    return {
        "package": "analysis",
        "package_version": _package_version(),
        "jieba_version": jieba.__version__,
        "rjieba_version": rjieba_version(),
        "dictionary_version": DICTIONARY_VERSION,
        "files": data_file_hashes(),
        **_tokenizer_facts(tokenizer),
    }


def tokenizer_provenance(
    tokenizer: Callable[[str], list[str]] | None = None,
    *,
    step: str = "tokenize_corpus",
    params: Mapping[str, Any] | None = None,
) -> Provenance:
    """A :class:`~analysis.provenance.Provenance` record for a step that segmented text.

    Parameters
    ----------
    tokenizer : Tokenizer or callable, optional
        The tokenizer used; default :func:`analysis.segment.get_default_tokenizer`.
    step : str, default "tokenize_corpus"
        The function that made the table, e.g. ``"term_frequencies"``.
    params : mapping, optional
        That function's settings (``{"by": "year"}``).

    Returns
    -------
    Provenance
        ``data`` holds ``dictionary_version``, ``files`` (name -> sha256 hex),
        ``tokenizer`` (settings) and ``fingerprint``; ``versions`` the
        library versions (analysis, jieba, ...).

    Examples
    --------
    >>> rec = tokenizer_provenance(step="term_frequencies", params={"by": "year"})
    >>> rec.data["dictionary_version"] == DICTIONARY_VERSION
    True
    """
    data = {"dictionary_version": DICTIONARY_VERSION, "files": data_file_hashes(), **_tokenizer_facts(tokenizer)}
    return Provenance(step=step, params=dict(params or {}), data=data)
