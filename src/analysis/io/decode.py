"""Bytes to text: the encoding of a Chinese text file, found by ``charset-normalizer``."""

from __future__ import annotations

import os

from charset_normalizer import from_bytes

from .errors import CorpusError

__all__ = ["CANDIDATE_ENCODINGS", "decode_bytes"]

#: The encodings Chinese text files come in (charset-normalizer names).  GB18030 is a
#: superset of GBK and GB2312; UTF-16 is only recognised by its byte-order mark
#: (without one its NUL bytes mark the file as binary).
CANDIDATE_ENCODINGS = ("utf_8", "utf_16", "gb18030", "big5")

# charset-normalizer's codec names -> the names the loader reports
_REPORTED = {"utf_8": "utf-8", "utf_16": "utf-16", "gb18030": "gb18030", "big5": "big5"}


def decode_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a text file; returns (text, encoding).

    ``encoding`` is "utf-8", "utf-8-sig" (UTF-8 with a byte-order mark, which is
    dropped from the text), "utf-16", "gb18030" or "big5".  Valid UTF-8 is always
    read as UTF-8, even when a legacy codec could also decode it; otherwise
    charset-normalizer picks the most coherent of :data:`CANDIDATE_ENCODINGS`.

    Raises
    ------
    CorpusError
        Naming ``path``, for binary content (NUL bytes without a UTF-16
        byte-order mark) or bytes that decode in no candidate encoding.
    """
    has_utf16_bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not has_utf16_bom and b"\x00" in data[:4096]:
        raise CorpusError(path, "binary file (NUL bytes), not text")
    matches = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS))
    if not matches:
        raise CorpusError(path, _undecodable_reason(data))
    # UTF-8 first: a valid UTF-8 file is UTF-8, whatever else could decode it.
    best = next((m for m in matches if m.encoding == "utf_8"), None) or matches.best()
    if best is None:
        raise CorpusError(path, _undecodable_reason(data))
    encoding = _REPORTED.get(best.encoding, best.encoding)
    if best.encoding == "utf_8" and best.bom:
        encoding = "utf-8-sig"
    return str(best), encoding


def _undecodable_reason(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"undecodable bytes: not UTF-8 (byte {e.start}) and not GB18030/GBK or Big5"
    return "undecodable bytes"
