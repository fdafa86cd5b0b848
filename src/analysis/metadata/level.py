"""Level of government and region of an issuer, from the gazetteer of divisions."""

from __future__ import annotations

import re

from ..levels import LEVELS
from .gazetteer import find_places, leading_place

__all__ = ["classify_level", "province_of_number"]

# the level names come from analysis.levels, their one home
_CENTRAL, _MINISTRY, _PROVINCIAL, _PREFECTURE, _COUNTY = LEVELS

_CENTRAL_RE = re.compile(
    r"^(中共中央|中央委员会|国务院(?!各)|全国人民代表大会|全国人大"
    r"|中华人民共和国(?![^ ]{0,20}?(?:部|委员会|总局|局|署|银行)(?:办公厅)?(?:$| |关于|印发))"
    r"|中央(?!网信办)[^ ]{0,12}委员会|中央办公厅)"
)
_MINISTRY_HINT = re.compile(
    r"(^国家|^中华人民共和国.+(部|委员会|局|署|银行)(办公厅)?$|委员会$|部$|部\b|委$|局$|总局|署$|中央网信办|秘书局"
    r"|办公厅$|部委|部门$|^(工业和信息化|住房和城乡建设|交通运输|自然资源|生态环境|民政|财政|公安|教育|科学技术"
    r"|商务|农业农村|文化和旅游|人力资源社会保障|应急管理)部"
    # national bodies outside the government hierarchy sit with the ministries (analysis.levels)
    r"|^最高人民(?:法院|检察院))"
)


def classify_level(
    issuer: str,
    title: str = "",
    hints: tuple[str, ...] = (),
    national_title: bool = True,
    source_hints: tuple[str, ...] = (),
) -> tuple[str, str, str]:
    """Return (level, region, evidence) for a document.

    level is one of central, ministry, provincial, prefecture, county.  The
    issuer decides when it names a place (gazetteer) or a central body;
    otherwise the title's leading place; a body named without its place (省人民政府,
    县政府办公室) sits in the first place of its kind the title, else the hints, name; then
    ``hints`` (e.g. the compilation section the document sits in, or its signature) are
    searched for a place name.  With ``national_title`` (for a document known only by its
    title, such as a cited one) a title opening with 国家/全国 ("“十四五”国家信息化规划") is
    read as central; without it (a page's own document, judged by what it prints about its
    issuer) such a title tells nothing.  ``source_hints`` (the page's 来源, the site that
    prints the text) place only a body named without its place: a province's own outlets print
    its government as "省人民政府".  Such a body placed nowhere still has the level of its kind
    (省 -> provincial, 县/区/旗 -> county), with no region.  Region
    is the province-level short name, or 全国 for central and ministerial
    documents; "" when nothing in the text says.
    """
    for label, s in (("issuer", issuer), ("title", title)):
        if not s:
            continue
        place = leading_place(s)
        if place is None and label == "issuer":
            # party bodies name their place after 中共: 中共浙江省委办公厅 浙江省人民政府办公厅
            for part in s.split():
                if part.startswith("中共") and not part.startswith("中共中央"):
                    place = leading_place(part[2:])
                    if place is not None:
                        break
        if place is not None:
            return _level_of(place.rank), place.province, f"{label}: {place.name}"
        first = s.split()[0] if s.split() else s
        if _CENTRAL_RE.match(first) or _CENTRAL_RE.match(s):
            return _CENTRAL, "全国", f"{label}: central body"
        # "市大数据局", "区发展和改革委员会": a local body named without its place
        local_short = re.match(r"^(省|市|县|区|州|盟|旗|镇|乡|街道|自治区|自治州)", first)
        if label == "issuer" and not local_short and _MINISTRY_HINT.search(first):
            return _MINISTRY, "全国", f"{label}: national ministry or commission"
    if national_title and title and re.match(r"^(“十[一二三四五]五”)?(国家|全国)", title):
        return _CENTRAL, "全国", "title: national plan"
    # a page printing no issuer whose title leads with a body named without its place (an
    # interpretation of "市农业农村局关于…的意见") is placed like that body
    short = _SHORT_FORM_RE.match(issuer.strip() or title.strip())
    if short:
        # "省人民政府关于印发湖北省…", "县人民政府办公室关于印发英山县…": a body named without its place
        # sits in the place of its kind that the title (else the signature or 文号) names
        named = (("title", title), *(("hint", h) for h in hints), *(("page source", h) for h in source_hints))
        for label, s in named:
            place = next((p for _pos, p in find_places(s) if p.name.endswith(_KIND[short.group(1)])), None)
            if place is not None:
                return _level_of(place.rank), place.province, f"{label}: {place.name} (place of {short.group()})"
        province = province_of_number(short.group(1), hints)
        if province:
            return _PROVINCIAL, province, f"文号 prefix: {province} (place of {short.group()})"
        kind = _KIND_LEVEL.get(short.group(1), "")
        if kind and short.group().endswith("政府"):
            return kind, "", f"issuer: {short.group()} (level of its kind, place not printed)"
    for hint in hints:
        places = find_places(hint)
        if places:
            # a chain such as 成都市武侯区 names its most specific division
            place = leading_place(hint[places[0][0] :]) or places[0][1]
            return _level_of(place.rank), place.province, f"hint: {place.name}"
        if re.search(r"中央|国务院", hint):
            return _CENTRAL, "全国", "hint: central"
        if re.search(r"部委", hint):
            return _MINISTRY, "全国", "hint: ministries"
    return "", "", "none"


# a local body named without its place ("省人民政府", "县政府办公室", "市大数据局"), and the ending
# of the place names of that kind
_SHORT_FORM_RE = re.compile(
    r"^(自治区|自治州|自治县|省|市|县|区|州|旗|盟)(?:人民)?(?:政府|委|[^ ]{0,12}?(?:局|厅|委员会|办公室))"
)
_KIND = {"自治区": "自治区", "自治州": "州", "自治县": "县", "省": "省", "市": "市", "县": "县"}
_KIND.update({"区": "区", "州": "州", "旗": "旗", "盟": "盟"})


# the level a government named by its kind alone has ("省人民政府"); 市 and 州 are left out: a
# 县级市 and a 地级市 are both 市
_KIND_LEVEL = {"省": _PROVINCIAL, "自治区": _PROVINCIAL, "县": _COUNTY, "区": _COUNTY, "旗": _COUNTY}
_KIND_LEVEL["自治县"] = _COUNTY


# the one-character abbreviations provinces print at the head of their 文号 (鄂政发, 苏政办发, 川府发):
# a fixed national convention.  Read only for a body printed without its place whose kind is
# province-level (省人民政府, 自治区人民政府办公厅; 市 only for the four municipalities' 政/府
# numbers): a prefecture's 文号 (扬府办发, 宁政发 of 南京) is ambiguous and never read
_PROVINCE_ABBREVIATIONS = {
    "省": {
        "冀": "河北",
        "晋": "山西",
        "辽": "辽宁",
        "吉": "吉林",
        "黑": "黑龙江",
        "苏": "江苏",
        "浙": "浙江",
        "皖": "安徽",
        "闽": "福建",
        "赣": "江西",
        "鲁": "山东",
        "豫": "河南",
        "鄂": "湖北",
        "湘": "湖南",
        "粤": "广东",
        "琼": "海南",
        "川": "四川",
        "蜀": "四川",
        "贵": "贵州",
        "黔": "贵州",
        "云": "云南",
        "滇": "云南",
        "陕": "陕西",
        "秦": "陕西",
        "甘": "甘肃",
        "陇": "甘肃",
        "青": "青海",
    },
    "自治区": {"内": "内蒙古", "桂": "广西", "藏": "西藏", "宁": "宁夏", "新": "新疆"},
    "市": {"京": "北京", "津": "天津", "沪": "上海", "渝": "重庆"},
}


def province_of_number(kind: str, hints: tuple[str, ...]) -> str:
    """The province a 文号 among ``hints`` names by its abbreviation ("鄂政发〔2014〕8号" -> 湖北)
    for a body of ``kind`` (省, 自治区, 市) printed without its place; "" when none does."""
    table = _PROVINCE_ABBREVIATIONS.get(kind, {})
    for hint in hints:
        m = re.match(r"^(\w)(政|府)?\w{0,6}[〔\[(（]\s*(?:19|20)\d{2}", hint.strip())
        if m and m.group(1) in table and (kind != "市" or m.group(2)):
            return table[m.group(1)]
    return ""


def _level_of(rank: str) -> str:
    return {"province": _PROVINCIAL, "prefecture": _PREFECTURE, "county": _COUNTY}[rank]
