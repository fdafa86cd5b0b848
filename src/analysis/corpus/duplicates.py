"""Duplicates: later copies of the same policy (same 文号, same title, or republished text)."""

from __future__ import annotations

import re
import zlib

import pandas as pd

from ..chars import CJK

__all__ = ["flag_duplicates", "title_key"]


def title_key(title: str) -> str:
    """Title without issuer, quotes, brackets and spaces, for matching the same policy."""
    t = title
    if "关于" in t:
        t = t[t.index("关于") :]
    t = re.sub(r"^关于印发|的通知$|^关于", "", t)
    return re.sub(r"[\s“”\"《》〈〉()（）]", "", t)


def flag_duplicates(df: pd.DataFrame, *, jaccard: float = 0.6) -> pd.DataFrame:
    """Set ``duplicate_of`` for later copies of the same policy.

    Two documents are the same policy when they share a 文号, or their titles
    match after dropping issuer and quotes, or their texts share at least
    ``jaccard`` of their sampled character 8-grams (a republished copy).
    A title match counts only within the same region and year, because many
    provinces issue policies with the same title.  The earliest copy (by date,
    then doc_id) is the original.  Candidate pairs
    come from an inverted index of sampled shingles, so cost stays near-linear.
    """
    if df.empty:
        return df
    df = df.copy()
    order = df.sort_values(["year", "date", "doc_id"]).index.tolist()
    rank = {i: r for r, i in enumerate(order)}
    parent: dict[int, int] = {}
    # Order matters: a later copy keeps the first original it is joined to.
    pairs = [*_same_key_pairs(df), *_shared_text_pairs(df, jaccard)]
    for a, b in pairs:
        first, later = sorted((a, b), key=lambda i: rank[i])
        root = parent.get(first, first)
        if later not in parent:
            parent[later] = root
    for later, root in parent.items():
        df.at[later, "duplicate_of"] = df.at[root, "doc_id"]
    return df


def _same_key_pairs(df: pd.DataFrame) -> list[tuple[int, int]]:
    """(first, other) index pairs of documents sharing a 文号, then of those sharing a title key.

    A bare title ("关于加快推进新型智慧城市建设的指导意见") is shared by many
    provinces' policies, so a title match also needs the same region and year.
    """

    def title_of(i: int) -> str:
        key = title_key(df.at[i, "title"])
        return f"{key}|{df.at[i, 'region']}|{df.at[i, 'year']}" if len(key) >= 4 else ""

    pairs: list[tuple[int, int]] = []
    for keyf in (lambda i: df.at[i, "doc_number"], title_of):
        groups: dict[str, list[int]] = {}
        for i in df.index:
            k = keyf(i)
            if len(k) >= 4:
                groups.setdefault(k, []).append(i)
        for members in groups.values():
            pairs.extend((members[0], m) for m in members[1:])
    return pairs


def _sampled_shingles(text: str) -> set[int]:
    """Hashes of the text's character 8-grams (letters and digits only), sampled: those 0 mod 8."""
    s = re.sub(rf"[^{CJK}0-9A-Za-z]", "", text)
    # crc32, not hash(): str hashes are salted per process and the sample must be reproducible.
    return {h for h in (zlib.crc32(s[k : k + 8].encode("utf-8")) for k in range(max(0, len(s) - 7))) if h % 8 == 0}


def _shared_text_pairs(df: pd.DataFrame, jaccard: float) -> list[tuple[int, int]]:
    """Index pairs whose sampled shingles overlap by at least ``jaccard`` of the smaller set
    (and whose sets differ in size by at most 3x); candidates from an inverted index."""
    sh: dict[int, set[int]] = {}
    index: dict[int, list[int]] = {}
    for i, t in df["text"].items():
        sh[i] = _sampled_shingles(t)
        for h in sh[i]:
            index.setdefault(h, []).append(i)
    counts: dict[tuple[int, int], int] = {}
    for members in index.values():
        if len(members) > 50:  # a formula many documents share says nothing about identity
            continue
        for a_i in range(len(members)):
            for b_i in range(a_i + 1, len(members)):
                pair = (members[a_i], members[b_i])
                counts[pair] = counts.get(pair, 0) + 1
    pairs = []
    for (a, b), c in counts.items():
        denom = min(len(sh[a]), len(sh[b]))
        if denom and c / denom >= jaccard and max(len(sh[a]), len(sh[b])) <= 3 * denom:
            pairs.append((a, b))
    return pairs
