"""The one error a corpus file raises when it cannot be turned into documents."""

from __future__ import annotations

import os

__all__ = ["CorpusError"]


class CorpusError(ValueError):
    """A file that cannot be turned into documents; the message names the file and the problem."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{os.path.basename(str(path))}: {reason}")
