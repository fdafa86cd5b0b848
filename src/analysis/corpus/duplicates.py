"""Duplicates: copies of the same policy, found by text or by 文号, whatever the file order.

Two documents are the same policy when

* **text**: their normalised texts are near-identical.  Texts are compared in
  simplified script, width-folded (NFKC), without punctuation or whitespace,
  as sets of sampled character shingles (:func:`analysis.shingles.shingle_hashes`):
  the shorter text's set lies at least
  ``containment`` inside the longer one's and the two are of similar size
  (``min_ratio``).  So the same text reposted by another site, or in
  traditional script, is a duplicate; an excerpt or a compilation is not.
* **文号**: they carry the same 文号 from the same issuer (same region, and
  issuer names that agree: equal, one containing the other, or one unknown).
  Generic prefixes such as 政办发 are shared by many county offices, so the
  文号 alone is not enough.

A shared title alone never makes a duplicate: two cities' different policies
with the same bare title, province and year both stay.  Nor do documents whose
own 文号 differ or whose regions differ, however similar their text (a county
that adopts a prefecture's plan verbatim issues a policy of its own, and a
transmittal notice carries the text it transmits under its own number).

**Canonical member.**  In each group the canonical member is the one with the
earliest date (a date known only to its month or year counts as the end
of that period, the year stands in for a missing date, no date at all sorts
last), then the fuller text (more characters), then simplified script, then
the smallest doc_id.  Every other member's ``duplicate_of`` names
it.  Pairs are found and joined in an order fixed by the documents themselves
(never by the order of rows or files), so the flags are the same however the
files are ordered.

Cost is near-linear: identical normalised texts are grouped by digest, and
candidate pairs of near-identical texts come from MinHash bands (locality
sensitive hashing) over the sampled shingles, each verified exactly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..cleaning.script import to_simplified
from ..metadata.docnumber import normalize_doc_number
from ..shingles import shingle_hashes, splitmix64

__all__ = ["find_duplicates", "flag_duplicates", "title_key"]

#: Characters per shingle; 8 Han characters rarely repeat by chance across policies.
SHINGLE = 8
#: Keep shingle hashes divisible by this (a deterministic 1-in-8 sample).
SAMPLE = 8
#: MinHash bands x rows: a pair with Jaccard 0.67 meets in some band with p > 0.94, 0.8 with p > 0.999.
BANDS, ROWS = 20, 5
#: Most members of one MinHash bucket each new member is checked against.
MAX_BUCKET = 64
#: Columns of :func:`find_duplicates`.
DUPLICATE_COLUMNS = ["doc_id", "duplicate_of", "rule", "similarity"]


def title_key(title: str) -> str:
    """Return the title without issuer, quotes, brackets and spaces (used to match listed policies)."""
    t = title
    if "关于" in t:
        t = t[t.index("关于") :]
    t = re.sub(r"^关于印发|的通知$|^关于", "", t)
    return re.sub(r"[\s“”\"《》〈〉()（）]", "", t)


def flag_duplicates(df: pd.DataFrame, *, containment: float = 0.85, min_ratio: float = 0.6) -> pd.DataFrame:
    """Set ``duplicate_of`` of every non-canonical member of a duplicate group.

    Groups and the canonical member follow the rules of this module: near-identical
    normalised text, or the same 文号 from the same issuer; the canonical member has
    the earliest date, then the fuller text, then simplified script, then the
    smallest doc_id.  The result does not depend on the order of the rows.

    Returns a copy of ``df`` with ``duplicate_of`` set to the canonical member's
    doc_id for the other members of each group and "" for every other row.
    """
    df = df.copy()
    if df.empty:
        return df
    found = find_duplicates(df, containment=containment, min_ratio=min_ratio)
    of = dict(zip(found["doc_id"], found["duplicate_of"]))
    df["duplicate_of"] = [of.get(d, "") for d in df["doc_id"]]
    return df


def find_duplicates(df: pd.DataFrame, *, containment: float = 0.85, min_ratio: float = 0.6) -> pd.DataFrame:
    """Find duplicate groups (see the module docstring for the rules).

    ``df`` needs doc_id and text; title, issuer, region, doc_number, date, year,
    script and n_chars are used when present.  ``containment`` is the share of the
    shorter text's sampled shingles that must occur in the longer text, ``min_ratio``
    the least ratio of their shingle counts.

    Returns a DataFrame with columns doc_id, duplicate_of (the canonical member),
    rule ("text" or "文号": the evidence that joined the member to its group) and
    similarity (shingle containment, 1.0 for identical text, NaN for a 文号 match),
    one row per document that is a duplicate, ordered by doc_id.
    """
    docs = _documents(df)
    joined = _Components(docs)
    for pair in sorted(_pairs(docs, containment, min_ratio), key=lambda p: p.order):
        joined.join(pair)
    rows = []
    for members in joined.groups():
        head = min(members, key=lambda i: docs[i].precedence)
        for i in members:
            if i != head:
                rule, sim = joined.evidence[i]
                rows.append((docs[i].doc_id, docs[head].doc_id, rule, sim))
    out = pd.DataFrame(sorted(rows), columns=DUPLICATE_COLUMNS)
    out["similarity"] = out["similarity"].astype(float)
    return out


@dataclass
class _Doc:
    """What duplicate detection needs of one row."""

    doc_id: str
    key: tuple  # canonical, order-free identity of the row: fixes every processing order
    precedence: tuple  # sort key of the canonical-member rule
    region: str
    issuer: str
    doc_number: str
    digest: str  # of the normalised text
    shingles: np.ndarray = field(repr=False)  # sorted unique sampled shingle hashes


def _text(value: object) -> str:
    """Return ``value`` as a stripped string, "" for missing values."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _documents(df: pd.DataFrame) -> list[_Doc]:
    """Return one :class:`_Doc` per row of ``df``, in row order."""
    docs = []
    for row in df.to_dict("records"):
        text = _text(row.get("text"))
        script = _text(row.get("script")) or "simplified"
        simple = text if script == "simplified" else to_simplified(text)
        h = shingle_hashes(simple, n=SHINGLE)
        shingles = np.unique(h[h % np.uint64(SAMPLE) == 0])
        # all shingles in order determine the normalised text (texts under SHINGLE characters have none)
        digest = hashlib.blake2b(h.tobytes(), digest_size=16).hexdigest()
        doc_id = _text(row.get("doc_id"))
        n_chars = row.get("n_chars")
        n_chars = len(text) if n_chars is None or pd.isna(n_chars) else int(n_chars)
        issuer = _text(row.get("issuer"))
        docs.append(
            _Doc(
                doc_id=doc_id,
                key=(doc_id, _text(row.get("source")), digest),
                precedence=(_date_key(row), -n_chars, script != "simplified", doc_id, _text(row.get("source")), digest),
                region=_text(row.get("region")),
                issuer=re.sub(r"\s+", "", issuer if script == "simplified" else to_simplified(issuer)),
                doc_number=_doc_number_key(_text(row.get("doc_number"))),
                digest=digest,
                shingles=shingles,
            )
        )
    return docs


def _date_key(row: dict) -> tuple[int, str]:
    """Return the sort key of a row's date: (0, ISO date) when dated, (1, "") when neither date nor year is known.

    A date known only to its month or year counts as the end of that period
    ("2021" as "2021-99-99"), so a copy that prints the full date comes first.
    """
    date = _text(row.get("date")) or _text(row.get("year"))
    if not date:
        return (1, "")
    parts = date.split("-")
    return (0, "-".join(parts + ["99"] * (3 - len(parts))))


_BRACKETS = str.maketrans("﹝﹞〔〕[]【】()（）", "〔〕〔〕〔〕〔〕〔〕〔〕")


def _doc_number_key(raw: str) -> str:
    """Return the normalised 文号 when it names its issuing office (a code before the year), else ""."""
    if not raw:
        return ""
    n = normalize_doc_number(unicodedata.normalize("NFKC", raw).translate(_BRACKETS))
    return n if re.match(r"^\S+〔\d{4}〕\d+号$", n) else ""


@dataclass(frozen=True)
class _Pair:
    """Evidence that documents ``a`` and ``b`` are one policy."""

    a: int
    b: int
    rule: str
    similarity: float
    order: tuple  # strongest evidence first, ties by the documents' own keys


def _make_pair(docs: list[_Doc], a: int, b: int, rule: str, similarity: float) -> _Pair:
    """Return the pair with ``a`` and ``b`` in key order and its processing order."""
    if docs[b].key < docs[a].key:
        a, b = b, a
    strength = 2.0 if rule == "文号" else similarity
    return _Pair(a, b, rule, similarity, (-strength, docs[a].key, docs[b].key))


def _pairs(docs: list[_Doc], containment: float, min_ratio: float) -> Iterable[_Pair]:
    """Yield candidate duplicate pairs: same 文号, identical text, then verified near-identical text."""
    yield from _doc_number_pairs(docs)
    reps: list[int] = []
    for members in _grouped(range(len(docs)), lambda i: docs[i].digest, docs).values():
        reps.append(members[0])
        yield from (_make_pair(docs, members[0], m, "text", 1.0) for m in members[1:] if len(docs[m].shingles))
    yield from _near_identical_pairs(docs, reps, containment, min_ratio)


def _grouped(indices: Iterable[int], keyf, docs: list[_Doc]) -> dict[Hashable, list[int]]:
    """Return the indices grouped by ``keyf``, each group in key order of its documents."""
    groups: dict[Hashable, list[int]] = {}
    for i in indices:
        groups.setdefault(keyf(i), []).append(i)
    return {k: sorted(v, key=lambda i: docs[i].key) for k, v in groups.items()}


def _doc_number_pairs(docs: list[_Doc]) -> Iterable[_Pair]:
    """Yield pairs sharing a 文号 whose issuers agree (see :func:`_same_issuer`).

    Within a 文号, documents of one exact (region, issuer) are chained; the first
    of each such identity is paired with the first of every other agreeing one,
    so the cost stays linear in the documents sharing a number.
    """
    numbered = (i for i, d in enumerate(docs) if d.doc_number)
    for members in _grouped(numbered, lambda i: docs[i].doc_number, docs).values():
        ident = _grouped(members, lambda i: (docs[i].region, docs[i].issuer), docs)
        heads = [g[0] for g in ident.values()]
        for group in ident.values():
            yield from (_make_pair(docs, group[0], m, "文号", float("nan")) for m in group[1:])
        for x in range(len(heads)):
            for y in range(x + 1, len(heads)):
                if _same_issuer(docs[heads[x]], docs[heads[y]]):
                    yield _make_pair(docs, heads[x], heads[y], "文号", float("nan"))


def _agree(a: str, b: str) -> bool:
    """Return True when two optional values do not contradict each other: one is unknown or they are equal."""
    return not a or not b or a == b


def _same_issuer(a: _Doc, b: _Doc) -> bool:
    """Return True when ``a`` and ``b`` may come from one issuer: regions agree and
    the issuer names are equal, one contains the other, or one is unknown."""
    return _agree(a.region, b.region) and (not a.issuer or not b.issuer or a.issuer in b.issuer or b.issuer in a.issuer)


def _minhash(shingles: np.ndarray) -> np.ndarray:
    """Return the text's MinHash signature: :data:`BANDS` x :data:`ROWS` uint64 minima."""
    seeds = splitmix64(np.arange(1, BANDS * ROWS + 1, dtype=np.uint64))
    return splitmix64(shingles[None, :] ^ seeds[:, None]).min(axis=1)


def _near_identical_pairs(docs: list[_Doc], reps: list[int], containment: float, min_ratio: float) -> Iterable[_Pair]:
    """Yield verified near-identical pairs among the representatives of distinct texts.

    Candidates share a MinHash band; a new bucket member is checked against at most
    :data:`MAX_BUCKET` earlier ones, which bounds the cost when many documents share
    boilerplate.  Candidates whose estimated Jaccard similarity is far below the
    least an accepted pair can have are dropped in one vectorised step; the rest
    are verified on the exact sampled sets.
    """
    ids = sorted((r for r in reps if len(docs[r].shingles)), key=lambda r: docs[r].key)
    if len(ids) < 2:
        return
    sig = np.stack([_minhash(docs[i].shingles) for i in ids])
    buckets: dict[bytes, list[int]] = {}
    for k in range(len(ids)):
        for b in range(BANDS):
            buckets.setdefault(bytes([b]) + sig[k, b * ROWS : (b + 1) * ROWS].tobytes(), []).append(k)
    cand = {(a, b) for m in buckets.values() for k, b in enumerate(m) for a in m[max(0, k - MAX_BUCKET) : k]}
    if not cand:
        return
    pairs = np.array(sorted(cand), dtype=np.int64)
    estimate = (sig[pairs[:, 0]] == sig[pairs[:, 1]]).mean(axis=1)
    # the least Jaccard of an accepted pair, less a margin for the estimate's error (sd <= 0.05)
    least = containment * min_ratio / (1 + min_ratio - containment * min_ratio) - 0.15
    for a, b in pairs[estimate >= least]:
        x, y = ids[a], ids[b]
        sim = _containment(docs[x].shingles, docs[y].shingles, min_ratio)
        if sim >= containment:
            yield _make_pair(docs, x, y, "text", sim)


def _containment(x: np.ndarray, y: np.ndarray, min_ratio: float) -> float:
    """Return the share of the smaller set found in the larger.

    Returns 0.0 when the smaller holds fewer than ``min_ratio`` of the larger's shingles.
    """
    small, large = sorted((len(x), len(y)))
    if not small or small < min_ratio * large:
        return 0.0
    if len(x) > len(y):
        x, y = y, x
    # both sorted and unique: look each of the smaller set up in the larger (no re-sort, unlike intersect1d)
    at = np.minimum(np.searchsorted(y, x), len(y) - 1)
    return int(np.count_nonzero(y[at] == x)) / small


class _Components:
    """Union-find over documents that refuses joins contradicting a group's identity.

    A group may hold at most one region, one 文号 and issuer names that agree, so
    a document with an unknown value never bridges two different policies.
    """

    def __init__(self, docs: list[_Doc]) -> None:
        self.docs = docs
        self.parent = list(range(len(docs)))
        self.regions = [{d.region} - {""} for d in docs]
        self.numbers = [{d.doc_number} - {""} for d in docs]
        self.issuers = [{d.issuer} - {""} for d in docs]
        self.evidence: dict[int, tuple[str, float]] = {}

    def find(self, i: int) -> int:
        """Return the root of ``i``'s group."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, pair: _Pair) -> None:
        """Join the groups of ``pair`` unless that would contradict region, 文号 or issuer."""
        ra, rb = self.find(pair.a), self.find(pair.b)
        if ra == rb:
            return
        regions, numbers = self.regions[ra] | self.regions[rb], self.numbers[ra] | self.numbers[rb]
        issuers = self.issuers[ra] | self.issuers[rb]
        if len(regions) > 1 or len(numbers) > 1:
            return
        if any(not (x in y or y in x) for x in issuers for y in issuers):
            return
        root, child = sorted((ra, rb), key=lambda r: self.docs[r].key)
        self.parent[child] = root
        self.regions[root], self.numbers[root], self.issuers[root] = regions, numbers, issuers
        for i in (pair.a, pair.b):
            self.evidence.setdefault(i, (pair.rule, pair.similarity))

    def groups(self) -> list[list[int]]:
        """Return the groups of two or more documents, each a list of indices."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return [m for m in out.values() if len(m) > 1]
