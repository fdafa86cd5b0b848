"""Which document a reference names: by 文号, else by title within the cited issuer's jurisdiction.

A bare title is not enough: 关于加快推进新型智慧城市建设的指导意见 is the title of a
provincial guidance in many provinces and of many cities' guidances.  A title therefore
resolves only to a document of the same jurisdiction, read from the cited issuer or the
title (河南省人民政府办公厅关于… -> 河南 province; 郑州市… -> 郑州 prefecture; 国务院,
中华人民共和国…法, “十四五”国家…规划 -> national).

A title that names no issuer and no place (《关于加快推进新型智慧城市建设的指导意见》,
《省政府关于…》) takes the citing document's jurisdiction only when the citing text says so:
本省/我省/全省/省政府/省委 point to the citing document's province, 本市/我市/全市/市政府/市委 to
its city (the citing city, or the city above a citing county), 本县/本区/县政府/区政府 to its
county.  Otherwise it resolves only when every document bearing that title is national
(national plans are often cited without issuer: 《“十四五”数字经济发展规划》), with resolution
"title, national only"; when a local document bears the title too, the reference stays
unresolved ("jurisdiction unknown"), because guessing would link documents of different
provinces that share a bare title.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from ..levels import CENTRAL_LEVELS
from ..metadata.gazetteer import gazetteer, leading_place
from ..metadata.issuer import leading_orgs, looks_like_org
from ..metadata.level import classify_level

__all__ = ["LOCAL_BODY", "Targets", "core_title", "jurisdiction", "jurisdiction_from_context"]

_MARKS = str.maketrans({"（": "(", "）": ")", "—": "-", "–": "-", "－": "-", "〈": "", "〉": "", "《": "", "》": ""})
_QUOTES = re.compile(r"[“”‘’「」『』\"'\s]")
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
#: a body named without its place (省政府, 市人民政府办公室): its place is the citing document's
LOCAL_BODY = re.compile(
    r"^(?:本|我)?(?:省|市|县|区|州|自治区)(?:委|人民政府|政府)(?:办公厅|办公室)?(?=\s*(?:关于|印发))"
)
NATIONAL = "全国"


def core_title(title: str) -> str:
    """The title without issuer, 关于, the 印发…的通知 wrapper, a leading place, quotes and spaces.

    "国务院关于印发“十四五”数字经济发展规划的通知" -> "十四五数字经济发展规划";
    "郑州市加快推进新型智慧城市建设的指导意见" -> "加快推进新型智慧城市建设的指导意见".
    Returns "" for an empty title.
    """
    t = LOCAL_BODY.sub("", str(title or "").translate(_MARKS).strip())
    m = re.match(r"^(?P<org>.+?)\s*(?=关于|印发)", t)
    if m and (looks_like_org(m.group("org")) or leading_orgs(m.group("org")) == m.group("org").strip()):
        t = t[m.end() :]
    t = re.sub(r"^关于", "", t.strip())
    if t.startswith("印发"):
        t = re.sub(r"的通知$", "", t[2:])
    t = _QUOTES.sub("", t)
    _index, pattern = gazetteer()
    place = pattern.match(t)
    if place and len(t) - place.end() >= 4:
        t = t[place.end() :]
    return t


def _place_key(level: str, region: str, *names: str) -> str:
    """The key of a sub-provincial jurisdiction: its division code, from the first name that starts with a place."""
    for name in names:
        for part in str(name or "").split():
            place = leading_place(part[2:] if part.startswith("中共") else part)
            if place is not None and place.rank in ("prefecture", "county"):
                return f"{place.rank}:{place.adcode}"
    return f"{level}:{region}:?"


def jurisdiction(level: str, region: str, issuer: str = "", title: str = "") -> str:
    """A key equal for documents of the same jurisdiction.

    Returns "全国" for central and ministerial documents, "provincial:<region>" for a
    province (or a municipality under the centre), "prefecture:<division code>" or
    "county:<division code>" below, and "" when the level is unknown.  A prefecture or
    county document whose place cannot be read gets a key ending in "?", equal to no other.
    """
    if level in CENTRAL_LEVELS:
        return NATIONAL
    if level == "provincial" and region:
        return f"provincial:{region}"
    if level in ("prefecture", "county"):
        return _place_key(level, region, issuer, title)
    return ""


def cited_jurisdiction(issuer: str, title: str) -> tuple[str, str, str]:
    """(level, region, key) of a cited document, read from its issuer and title; ("", "", "") when they name none."""
    # a plan's period before its name ("2006-2020年国家信息化发展战略") hides the 国家 that dates it nationally
    level, region, _evidence = classify_level(issuer, _PERIOD.sub("", title))
    return level, region, jurisdiction(level, region, issuer, title)


_PERIOD = re.compile(r"^\s*(?:19|20)\d{2}\s*[-—–－至]\s*(?:19|20)\d{2}\s*年")
_PROVINCE_WORDS = re.compile(r"本省|我省|全省|省政府|省委|省人民政府")
_CITY_WORDS = re.compile(r"本市|我市|全市|市政府|市委|市人民政府")
_COUNTY_WORDS = re.compile(r"本县|我县|全县|县政府|县委|本区|我区|全区|区政府|区委")


def jurisdiction_from_context(words: str, level: str, region: str, issuer: str, title: str) -> str:
    """The jurisdiction that 本省/我市/省政府 … in ``words`` name, seen from the citing document.

    ``level``, ``region``, ``issuer`` and ``title`` are the citing document's.  Returns a key
    as :func:`jurisdiction` does, or "" when ``words`` name no jurisdiction of the citing
    document (or the citing document is national).
    """
    own = jurisdiction(level, region, issuer, title)
    if level in ("provincial", "prefecture", "county") and _PROVINCE_WORDS.search(words) and region:
        if region not in _MUNICIPALITIES or level == "provincial":
            return f"provincial:{region}"
    if _CITY_WORDS.search(words):
        if level == "prefecture" or (level == "provincial" and region in _MUNICIPALITIES):
            return own
        if level == "county" and own.startswith("county:"):
            return f"prefecture:{own.split(':')[1][:4]}00"
    if _COUNTY_WORDS.search(words) and level == "county":
        return own
    return ""


class Targets:
    """The documents a reference may resolve to, indexed by 文号 and by (core title, jurisdiction).

    ``ids`` are what a match returns (doc_id of the canonical copy, or a policy-list number).
    """

    def __init__(self, ids: list, doc_numbers: list[str], cores: list[str], keys: list[str]) -> None:
        self.by_number: dict[str, set] = defaultdict(set)
        self.by_title: dict[tuple[str, str], set] = defaultdict(set)
        for target, number, core, key in zip(ids, doc_numbers, cores, keys):
            if number:
                self.by_number[number].add(target)
            if core and key:
                self.by_title[(core, key)].add(target)
        self.keys_of: dict[str, set[str]] = defaultdict(set)
        for core, key in self.by_title:
            self.keys_of[core].add(key)

    @classmethod
    def of_corpus(cls, corpus: pd.DataFrame) -> Targets:
        """Targets for the corpus documents; a duplicate copy resolves to its canonical document."""
        dup = corpus["duplicate_of"].fillna("") if "duplicate_of" in corpus else pd.Series("", index=corpus.index)
        ids = [d or i for i, d in zip(corpus["doc_id"], dup)]
        keys = [
            jurisdiction(lv, rg, iss, t)
            for lv, rg, iss, t in zip(corpus["level"], corpus["region"], corpus["issuer"], corpus["title"])
        ]
        cores = [core_title(t) for t in corpus["title"]]
        return cls(ids, list(corpus["doc_number"].fillna("")), cores, keys)

    @classmethod
    def of_policy_list(cls, policy_list: pd.DataFrame) -> Targets:
        """Targets for the rows of a compilation's policy list (ids: the list's ``no``)."""
        keys = [cited_jurisdiction(str(i), str(t))[2] for i, t in zip(policy_list["issuer"], policy_list["title"])]
        cores = [core_title(t) for t in policy_list["title"]]
        return cls(list(policy_list["no"]), list(policy_list["doc_number"].fillna("")), cores, keys)

    def match(self, doc_number: str, core: str, key: str) -> tuple[object, str]:
        """Return (target id or None, resolution).

        Resolution is "doc_number", "title and jurisdiction", "title, national only" (the
        reference names no jurisdiction and the only documents with that title are national),
        "ambiguous" (several targets), "jurisdiction unknown" (the title is present, also in a
        local document, but the reference names no jurisdiction) or "not in corpus".
        """
        if doc_number and len(self.by_number.get(doc_number, ())) == 1:
            return next(iter(self.by_number[doc_number])), "doc_number"
        if core and key:
            hits = self.by_title.get((core, key), set())
            if len(hits) == 1:
                return next(iter(hits)), "title and jurisdiction"
            if len(hits) > 1:
                return None, "ambiguous"
        if doc_number and self.by_number.get(doc_number):
            return None, "ambiguous"
        if core and not key and core in self.keys_of:
            # national titles often name no issuer (《“十四五”数字经济发展规划》): a title that only
            # national documents bear resolves to it; one a local document bears too is not guessed
            national = self.by_title.get((core, NATIONAL), set())
            if self.keys_of[core] == {NATIONAL} and len(national) == 1:
                return next(iter(national)), "title, national only"
            return None, "jurisdiction unknown"
        return None, "not in corpus"
