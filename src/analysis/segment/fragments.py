"""Why a discovered string is not a term to add: the review rules of term discovery.

A candidate from :func:`analysis.segment.discover_terms` is cohesive and free,
but adding it to the tokenizer is only safe when it is a unit of its own.
Each rule returns a short English reason ("" = no objection):

* it extends a known policy term by a generic word (智慧城市建设);
* it is a word plus one dangling character (率达到, 坚持以), unless printed in
  quotes as a name (“浙里办”);
* it is, starts or ends with a stopword or official boilerplate (落实国家,
  依托市级, 全市感知): the stopword would be glued to a content word and both lost;
* it is two words joined by a conjunction (平台和应用);
* jieba's part-of-speech tags read it as a clause, predicate or counted
  phrase, not a name (unless printed in quotes):
  it starts with a pronoun (本次评价工作), ends with an adjective (特色鲜明),
  is verbs only (研究制定) or a verb with its object (达到全国);
* it is mostly the tail or middle of a place name (南州 in 黔南州, 黔东南州),
  judged with the gazetteer of administrative divisions;
* in the corpus it overlaps the edge of a dictionary term (推进智慧 in
  推进智慧城市建设 would cut 智慧城市), so adding it would split or shrink that term.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import jieba.posseg
import pandas as pd

from ..metadata.gazetteer import gazetteer
from .dictionary import load_user_dictionary
from .filters import stopword_set
from .tokenizer import Tokenizer

__all__ = [
    "COORDINATORS",
    "coordination",
    "cuts_dictionary_term",
    "dangling_char",
    "dictionary_terms",
    "extends_known_term",
    "fragment_reasons",
    "place_fragment",
    "predicate_phrase",
    "stopword_edge",
]


#: Conjunctions that join two words into a phrase (平台和应用, 规划与建设).
COORDINATORS = frozenset("和与及或并暨")


def dictionary_terms(tokenizer: Tokenizer) -> frozenset[str]:
    """Terms discovery must never cut: the policy dictionary and ``tokenizer``'s added terms (>= 2 chars)."""
    words = {w for w, _f, _t in load_user_dictionary()} | set(tokenizer.extra_terms)
    return frozenset(w for w in words if len(w) >= 2)


def extends_known_term(term: str, policy_terms: Iterable[str]) -> str:
    """The known policy term that ``term`` extends by a generic word, or "".

    "Generic" means at most two characters beside the known term (智慧城市建设,
    推进智慧城市), or text on both sides of it; a longer remainder on one side
    may make a new term of its own (公共数据 + 授权运营).
    """
    for p in policy_terms:
        if p in term and p != term:
            k = term.index(p)
            if len(term) - len(p) <= 2 or (k > 0 and k + len(p) < len(term)):
                return p
    return ""


def dangling_char(term: str, tokenizer: Tokenizer) -> bool:
    """True for a word plus one dangling character (率达到, 坚持以)."""
    parts = tokenizer.cut(term)
    if len(parts) < 2:
        return False
    singles = [len(p) == 1 for p in parts]
    if all(singles):
        return False  # nothing the dictionary knows: possibly a genuinely new term
    return singles[0] != singles[-1] and sum(singles) == 1


def stopword_edge(term: str, tokenizer: Tokenizer) -> str:
    """The stopword or boilerplate word that ``term`` is, starts with or ends with (落实 in 落实国家), or "".

    Both shipped lists count whatever the tokenizer removes: a candidate made
    of boilerplate plus a word is a collocation of the genre, not a term.
    """
    stops = stopword_set(tokenizer.stopwords, True)
    if term in stops:
        return term
    parts = tokenizer.cut(term)
    if len(parts) < 2:
        return ""
    for part in (parts[0], parts[-1]):
        # single characters at an edge are the dangling-character rule's
        # business (a quoted name such as “六个一” may end in one)
        if len(part) > 1 and part in stops:
            return part
    return ""


def coordination(term: str, tokenizer: Tokenizer) -> str:
    """The conjunction joining two words inside ``term`` (和 in 平台和应用), or "": a phrase, not a term."""
    parts = tokenizer.cut(term)
    inner = [p for p in parts[1:-1] if p in COORDINATORS]
    return inner[0] if inner else ""


@lru_cache(maxsize=1)
def _place_names_by_part() -> dict[str, tuple[str, ...]]:
    """Map each proper substring (>= 2 chars) of a place name to the names containing it."""
    index, _pattern = gazetteer()
    parts: dict[str, set[str]] = {}
    for name in index:
        for i in range(len(name)):
            for j in range(i + 2, len(name) + 1):
                if j - i < len(name):
                    parts.setdefault(name[i:j], set()).add(name)
    return {part: tuple(sorted(names)) for part, names in parts.items()}


def place_fragment(term: str, count: int, stream: str) -> str:
    """The place name that holds at least half of the ``count`` occurrences of ``term`` (南州 in 黔南州), or "".

    A place name itself (天津, 黔东南州) is not a fragment.
    """
    index, _pattern = gazetteer()
    if term in index:
        return ""
    names = _place_names_by_part().get(term, ())
    inside = {name: stream.count(name) * name.count(term) for name in names}
    inside = {name: n for name, n in inside.items() if n}
    if inside and sum(inside.values()) * 2 >= count:
        return max(inside, key=lambda name: (inside[name], name))
    return ""


@lru_cache(maxsize=4)
def _edge_index(terms: frozenset[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(proper prefix -> terms starting with it, proper suffix -> terms ending with it)."""
    prefixes: dict[str, list[str]] = {}
    suffixes: dict[str, list[str]] = {}
    for term in sorted(terms):
        for k in range(1, len(term)):
            prefixes.setdefault(term[:k], []).append(term)
            suffixes.setdefault(term[-k:], []).append(term)
    return prefixes, suffixes


def cuts_dictionary_term(term: str, stream: str, terms: frozenset[str]) -> str:
    """Where ``term`` overlaps the edge of a dictionary term in ``stream``: "智慧城市 (推进智慧城市)", or "".

    ``term`` overlaps a dictionary term ``p`` when a proper suffix of one is a
    proper prefix of the other and the joined string occurs in the text: added
    to the tokenizer, ``term`` could then take characters of ``p`` there.
    """
    prefixes, suffixes = _edge_index(terms)
    for k in range(1, len(term)):
        for p in prefixes.get(term[-k:], ()):
            joined = term + p[k:]
            if p != term and joined in stream:
                return f"{p} ({joined})"
        for p in suffixes.get(term[:k], ()):
            joined = p[:-k] + term
            if p != term and joined in stream:
                return f"{p} ({joined})"
    return ""


_TAGGERS: dict[str, jieba.posseg.POSTokenizer] = {}


def _jieba_instance(tokenizer: Tokenizer) -> jieba.Tokenizer:
    """A jieba.Tokenizer with ``tokenizer``'s dictionary and added terms, whatever its engine.

    jieba.posseg needs jieba's own tokenizer object; the default rjieba engine has no
    tag table, so the tags come from jieba on the same dictionary.
    """
    if tokenizer.engine == "jieba":
        return tokenizer._get_jieba()
    return Tokenizer(extra_terms=tokenizer.extra_terms, engine="jieba")._get_jieba()


def _tags(term: str, tokenizer: Tokenizer) -> list[tuple[str, str]]:
    """jieba's (word, part-of-speech tag) pairs of ``term``, on ``tokenizer``'s dictionary."""
    key = tokenizer.fingerprint
    if key not in _TAGGERS:
        _TAGGERS.clear()  # one tagger at a time: each holds a copy of the tag table
        _TAGGERS[key] = jieba.posseg.POSTokenizer(_jieba_instance(tokenizer))
    return [(pair.word, pair.flag) for pair in _TAGGERS[key].lcut(term, HMM=tokenizer.hmm)]


def predicate_phrase(term: str, tokenizer: Tokenizer) -> str:
    """What makes ``term`` a clause or predicate rather than a name of something, by jieba's tags, or "".

    A term names a thing or an activity: it does not start with a pronoun or
    determiner (本次评价工作, tag ``r``) or an adverb (已建, ``d``), begin or end
    with a numeral or measure word (一套台账, 省市两级, ``m``), end with an adjective (特色鲜明,
    便捷高效, tag ``a``), consist of verbs only (研究制定: ``vn`` + ``v``), or
    join a verb to its object (达到全国, 覆盖城乡: ``v`` ... ``n``).
    """
    tags = _tags(term, tokenizer)
    if len(tags) < 2:
        return ""
    (first, first_tag), (last, last_tag) = tags[0], tags[-1]
    if first_tag == "r":
        return f"starts with pronoun {first}"
    if first_tag == "d":
        return f"starts with adverb {first}"
    if "m" in (first_tag, last_tag):
        return f"counts something ({first if first_tag == 'm' else last})"
    if last_tag == "a":
        return f"ends with adjective {last}"
    if all(tag in {"v", "vn"} for _word, tag in tags) and any(tag == "v" for _word, tag in tags):
        return "verbs only (" + "/".join(word for word, _tag in tags) + ")"
    if first_tag == "v" and last_tag == "n":
        return f"a verb and its object ({first}/{last})"
    return ""


@lru_cache(maxsize=8)
def _longest_first(protected: frozenset[str]) -> tuple[str, ...]:
    """The known terms of 3+ characters, longest first, then in code-point order.

    A set's order changes with each process's string hashing, and the first known term a
    candidate extends is the one named in its reason: sorted, the reason is the same in
    every run (and names the longest term extended).
    """
    return tuple(sorted((w for w in protected if len(w) >= 3), key=lambda w: (-len(w), w)))


def _reason(term: str, count: int, quoted: int, tokenizer: Tokenizer, stream: str, protected: frozenset[str]) -> str:
    """The first objection to ``term`` in the order of the module docstring, "" for none (later rules not run)."""
    known = extends_known_term(term, _longest_first(protected))
    if known:
        return f"extends dictionary term {known}"
    # a string printed in quotes most of the time is a name (“浙里办”)
    if quoted * 2 < count and dangling_char(term, tokenizer):
        return "word plus a dangling character"
    stop = stopword_edge(term, tokenizer)
    if stop:
        return "is a stopword" if stop == term else f"starts or ends with stopword {stop}"
    joined = coordination(term, tokenizer)
    if joined:
        return f"two words joined by {joined}"
    predicate = "" if quoted * 2 >= count else predicate_phrase(term, tokenizer)
    if predicate:
        return predicate
    place = place_fragment(term, count, stream)
    if place:
        return f"part of place name {place}"
    cut = cuts_dictionary_term(term, stream, protected)
    return f"cuts dictionary term {cut}" if cut else ""


def fragment_reasons(table: pd.DataFrame, tokenizer: Tokenizer, stream: str) -> pd.Series:
    """Why each candidate of ``table`` (term, count, quoted) is not a term to add; "" = no objection.

    ``stream`` is the corpus text the candidates were counted in.

    Returns
    -------
    pandas.Series of str, aligned with ``table``
        The first rule that applies, in the order of the module docstring.
    """
    protected = dictionary_terms(tokenizer)
    reasons = [
        _reason(term, int(count), int(quoted), tokenizer, stream, protected)
        for term, count, quoted in zip(table["term"], table["count"], table["quoted"])
    ]
    return pd.Series(reasons, index=table.index, dtype=object)
