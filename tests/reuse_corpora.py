"""Small corpora with planted passage reuse, shared by the tests of analysis.reuse."""

from __future__ import annotations

import random

import pandas as pd

from analysis.reuse import ReuseResult

# passages of 关于促进智慧城市健康发展的指导意见 (2014)
P_SERVICES = (
    "在教育文化、医疗卫生、计划生育、劳动就业、社会保障、住房保障、环境保护、交通出行、"
    "防灾减灾、检验检测等公共服务领域,基本建成覆盖城乡居民、农民工及其随迁家属的信息服务"
    "体系,公众获取基本公共服务更加方便、及时、高效"
)
P_PRINCIPLE = (
    "以城市发展需求为导向,根据城市地理区位、历史文化、资源禀赋、产业特色、信息化基础等,"
    "应用先进适用技术科学推进智慧城市建设。在综合条件较好的区域或重点领域先行先试,"
    "有序推动智慧城市发展,避免贪大求全、重复建设"
)
P_OPEN = (
    "鼓励市政公用企事业单位、公共服务事业单位等机构将教育、医疗、就业、旅游、生活等信息资源"
    "向社会开放。支持社会力量应用信息资源发展便民、惠民、实用的新型信息服务"
)
P_CLOUD = (
    "鼓励电子政务系统向云计算模式迁移。在教育、医疗卫生、劳动就业、社会保障等重点民生领域,"
    "推广低成本、高质量、广覆盖的云服务,支持各类企业充分利用公共云计算服务资源"
)
BOILERPLATE = [
    "以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大和十九届二中、三中全会精神",
    "坚持以人民为中心的发展思想,牢固树立创新、协调、绿色、开放、共享的新发展理念",
    "各地区、各部门要充分认识推进新型智慧城市建设的重要意义,切实加强组织领导",
]


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def filler(rng: random.Random, n: int) -> str:
    """Random ideographs with punctuation, starting and ending with an ideograph."""
    out = []
    while len(out) < n:
        out.extend(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(8, 20)))
        out.append(rng.choice("，。、"))
    return "".join(out[: n - 1]) + chr(rng.randint(0x4E00, 0x9FA5))


def compose(rng: random.Random, parts: list[str], gap: int = 150) -> tuple[str, list[tuple[int, int]]]:
    """Join filler and ``parts``; return the text and the span of each part."""
    text, spans = filler(rng, gap), []
    for part in parts:
        text += "。"
        spans.append((len(text), len(text) + len(part)))
        text += part + "。" + filler(rng, gap)
    return text, spans


def corpus_of(*docs: dict) -> pd.DataFrame:
    rows = []
    for i, d in enumerate(docs):
        date = d.get("date", f"{2010 + i}-01-01")
        rows.append(
            {
                "doc_id": d.get("doc_id", f"d{i}"),
                "title": d.get("title", f"t{i}"),
                "level": d.get("level", "provincial"),
                "region": "全国",
                "date": date,
                "year": int(date[:4]),
                "text": d["text"],
            }
        )
    return pd.DataFrame(rows)


def only_passage(result: ReuseResult, source: str, target: str) -> pd.Series:
    p = result.passages
    sel = p[(p.source_doc_id == source) & (p.target_doc_id == target)]
    assert len(sel) == 1, sel
    return sel.iloc[0]


def edit(text: str, ops: list[tuple[str, int, str]]) -> str:
    """Apply (kind, position, chars) edits from the end backwards."""
    chars = list(text)
    for kind, pos, new in sorted(ops, key=lambda o: -o[1]):
        if kind == "sub":
            chars[pos : pos + len(new)] = list(new)
        elif kind == "ins":
            chars[pos:pos] = list(new)
        elif kind == "del":
            del chars[pos : pos + int(new)]
    return "".join(chars)


def boilerplate_corpus(n_docs: int, seed: int = 8) -> pd.DataFrame:
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        text, _ = compose(rng, BOILERPLATE, gap=rng.randint(100, 300))
        date = f"{2015 + i % 5}-0{1 + i % 9}-01"
        docs.append({"doc_id": f"b{i:02d}", "text": text, "date": date})
    return corpus_of(*docs)


def two_docs(
    date_a: str,
    date_b: str,
    level_a: str = "provincial",
    level_b: str = "provincial",
    ids: tuple[str, str] = ("a", "b"),
) -> pd.DataFrame:
    rng = random.Random(10)
    text_a, _ = compose(rng, [P_PRINCIPLE])
    text_b, _ = compose(rng, [P_PRINCIPLE])
    return corpus_of(
        {"doc_id": ids[0], "text": text_a, "date": date_a, "level": level_a},
        {"doc_id": ids[1], "text": text_b, "date": date_b, "level": level_b},
    )


def level_corpus() -> tuple[pd.DataFrame, dict]:
    """Central C, provincial P (copies Z from C), prefecture T (copies X, Y, Z)."""
    rng = random.Random(14)
    x, y, z = P_SERVICES, P_OPEN, P_PRINCIPLE
    c_text, _ = compose(rng, [x, z])
    p_text, _ = compose(rng, [z, y])
    t_text, _ = compose(rng, [x, y, z])
    corpus = corpus_of(
        {"doc_id": "C", "text": c_text, "level": "central", "date": "2014-08-27"},
        {"doc_id": "P", "text": p_text, "level": "provincial", "date": "2016"},
        {"doc_id": "T", "text": t_text, "level": "prefecture", "date": "2019-02"},
    )
    return corpus, {"x": len(x), "y": len(y), "z": len(z), "T": len(t_text)}


def word_corpus(
    seed: int, n_docs: int = 150, n_words: int = 40, n_plants: int = 40, edit_every: int = 15
) -> tuple[pd.DataFrame, set]:
    """Documents drawn from a 40-word vocabulary (so many 10-grams are shared by
    chance, as stock phrases are) with planted copies edited every
    ``edit_every`` characters (exact runs between edits are short)."""
    rng = random.Random(seed)
    vocab = ["".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(2, 4))) for _ in range(n_words)]

    def sentence(n: int) -> str:
        out: list[str] = []
        while sum(map(len, out)) < n:
            out.append(rng.choice(vocab))
            if rng.random() < 0.15:
                out.append(rng.choice("，。、"))
        return "".join(out)

    docs = [[sentence(rng.randint(80, 200)) for _ in range(rng.randint(8, 20))] for _ in range(n_docs)]
    planted = set()
    for _ in range(n_plants):
        s, t = sorted(rng.sample(range(n_docs), 2))
        base = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(60, 200)))
        ops = [("sub", pos, "改") for pos in range(rng.randint(5, edit_every), len(base) - 5, edit_every)]
        docs[s].insert(rng.randint(0, len(docs[s])), base)
        docs[t].insert(rng.randint(0, len(docs[t])), edit(base, ops))
        planted.add((f"d{s:03d}", f"d{t:03d}"))
    corpus = corpus_of(
        *[
            {"doc_id": f"d{i:03d}", "text": "。".join(d), "date": f"{2000 + i // 10}-0{1 + i % 9}-01"}
            for i, d in enumerate(docs)
        ]
    )
    return corpus, planted
