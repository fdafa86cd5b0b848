"""Synthetic smart-city policy corpora with planted passage reuse.

Used by ``bench_reuse.py`` to measure speed, memory and recall/precision of
:func:`analysis.reuse.find_reuse`.  Documents are random but policy-like
(sentences assembled from a vocabulary of real policy words and stock
phrases), so unrelated documents share many short phrases by chance, as real
ones do.  Three kinds of shared text are planted:

* reused passages: consecutive sentences of an earlier document copied into a
  later one with a few character edits (substitutions, insertions,
  deletions); each source passage is copied exactly once, so the planted
  passages are the only genuine reuse;
* boilerplate sentences that most documents contain;
* stock phrases that many documents contain by chance.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pandas as pd

VERBS = (
    "推进 加强 完善 健全 提升 深化 推动 加快 强化 构建 建立 打造 促进 优化 拓展 统筹 鼓励 "
    "支持 引导 规范 落实 探索 实施 开展 培育 整合 夯实 提高 扩大 深入推进 加快推进 积极推动 "
    "大力发展 全面提升 持续优化 着力构建 进一步完善 加快建设 稳步推进 有序推进 统筹推进 "
    "全面推行 积极探索 切实加强 大力推广"
).split()
NOUNS = (
    "政务数据 信息资源 公共服务 城市管理 基础设施 数字经济 智慧交通 智慧医疗 智慧教育 智慧社区 "
    "网络安全 数据共享 大数据平台 云计算中心 物联网 电子政务 城市大脑 应急管理 社会治理 生态环境 "
    "产业体系 信用体系 标准体系 运营模式 体制机制 人才队伍 资金保障 考核评价 试点示范 顶层设计 "
    "市民卡 政务服务 一网通办 营商环境 数字乡村 公共安全 视频监控 地理信息 时空大数据 城市运行 "
    "综合执法 网格化管理 养老服务 就业服务 社会保障 住房保障 文化旅游 食品药品 安全生产 环境监测 "
    "智能电网 智慧水务 智慧园区 智慧农业 智慧物流 智慧旅游 智慧停车 智慧城管 智慧安防 智慧环保 "
    "数据中心 感知设施 宽带网络 第五代移动通信 北斗导航 区块链 人工智能 工业互联网 电子商务 "
    "信息惠民 数字政府 数字孪生 城市信息模型 公共信用 社会诚信 市场监管 交通出行 防灾减灾 "
    "医疗卫生 教育文化 劳动就业 环境保护 节能减排 水资源 能源消耗 污染治理 政企合作 社会资本"
).split()
DOMAINS = (
    "交通 医疗 教育 政务 社区 环保 水务 能源 农业 旅游 物流 安防 城管 养老 文化 金融 应急 气象 "
    "住建 市场监管 税务 人社 民政 司法 公安 消防 园林 燃气 供热 电力 港口 商务 卫健 体育 档案"
).split()
OBJECTS = ("数据 平台 系统 服务 设施 网络 终端 应用 监测 管理 资源 信息 档案 业务 场景 指挥 调度 感知").split()
MODIFIERS = (
    "全面 深度 高效 便捷 智能化 精细化 一体化 集约化 规范化 多层次 全方位 可持续 协同 共享 "
    "开放 安全可控 互联互通 统一 综合 新型 现代化 科学 长效"
).split()
GOALS = ("体系 机制 平台 模式 能力 水平 格局 标准 工程 应用 服务 网络 中心 系统 环境 生态").split()
CITIES = (
    "石家庄 唐山 保定 邯郸 成都 绵阳 西安 宝鸡 郑州 洛阳 杭州 宁波 南京 苏州 武汉 长沙 "
    "合肥 福州 济南 青岛 沈阳 大连 昆明 贵阳 南宁 太原 兰州 银川 西宁 海口"
).split()
STOCK_PHRASES = (
    "提升城市治理现代化水平",
    "推进政务数据共享开放",
    "增强人民群众获得感幸福感安全感",
    "推动新一代信息技术与城市发展深度融合",
    "构建覆盖城乡的信息服务体系",
    "建设智慧城市时空大数据平台",
    "加快推进城市信息基础设施建设",
    "推进数字化城市管理信息系统建设",
    "促进优质医疗资源纵向流动",
    "建立跨部门协调机制",
    "加强网络和信息安全管理",
    "打造数字经济发展新高地",
    "形成共建共享的社会治理格局",
    "推进城市运行一网统管",
    "推动政务服务一网通办",
    "加快第五代移动通信网络建设",
    "完善智慧城市标准体系",
    "开展新型智慧城市评价工作",
    "强化数据资源统筹管理",
    "推进公共信用信息共享",
    "建设城市运行管理服务平台",
    "健全应急管理指挥体系",
    "推进智慧社区建设",
    "加快数字乡村建设",
)
BOILERPLATE = (
    "以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神",
    "坚持以人民为中心的发展思想,牢固树立创新、协调、绿色、开放、共享的新发展理念",
    "各地区、各部门要充分认识推进新型智慧城市建设的重要意义,切实加强组织领导,确保各项任务落到实处",
    "本意见自印发之日起施行,由省发展改革委负责解释",
    "按照党中央、国务院决策部署,深入实施网络强国战略、国家大数据战略",
)
LEVELS = ("central", "ministry", "provincial", "prefecture", "county")
LEVEL_WEIGHTS = (0.03, 0.07, 0.2, 0.4, 0.3)
CJK_FILLER = "的和与及在对为以由将把被向从于等各类新型重要主要基本进一步全面有效积极"


@dataclass
class _Segment:
    text: str
    kind: str  # "original" | "planted" | "planted_end" | "boilerplate"
    copied: bool = False  # an original sentence already used as a source


def make_noun(rng: random.Random) -> str:
    """Return a noun phrase: a policy term or a domain + object compound."""
    if rng.random() < 0.5:
        return rng.choice(NOUNS)
    return rng.choice(DOMAINS) + rng.choice(OBJECTS)


def make_clause(rng: random.Random) -> str:
    """Return one policy-like clause (no punctuation at the ends)."""
    r = rng.random()
    if r < 0.06:
        return rng.choice(STOCK_PHRASES)
    if r < 0.30:
        return rng.choice(VERBS) + make_noun(rng) + rng.choice(GOALS)
    if r < 0.50:
        return rng.choice(VERBS) + rng.choice(MODIFIERS) + "的" + make_noun(rng) + rng.choice(GOALS)
    if r < 0.62:
        a, b, c = make_noun(rng), make_noun(rng), make_noun(rng)
        return f"在{a}、{b}、{c}等领域" + rng.choice(VERBS) + make_noun(rng) + "应用"
    if r < 0.72:
        return "依托" + make_noun(rng) + rng.choice(GOALS) + rng.choice(VERBS) + make_noun(rng)
    if r < 0.80:
        return f"到{rng.randint(2015, 2030)}年{make_noun(rng)}覆盖率达到{rng.randint(50, 99)}%"
    if r < 0.88:
        return rng.choice(CITIES) + "市" + rng.choice(VERBS) + make_noun(rng) + "试点"
    return rng.choice(VERBS) + make_noun(rng) + "和" + make_noun(rng) + rng.choice(GOALS)


def make_sentence(rng: random.Random) -> str:
    """Return a sentence of 2-4 clauses ending in 。 (about 35 characters)."""
    return ",".join(make_clause(rng) for _ in range(rng.randint(2, 4))) + "。"


def edit_passage(text: str, n_edits: int, rng: random.Random, margin: int = 8) -> str:
    """Apply ``n_edits`` small edits (1-3 char substitution, insertion or deletion).

    Edits stay ``margin`` characters away from both ends so the planted
    passage keeps its exact boundaries.
    """
    chars = list(text)
    for _ in range(n_edits):
        if len(chars) <= 2 * margin + 4:
            break
        pos = rng.randint(margin, len(chars) - margin - 4)
        size = rng.randint(1, 3)
        kind = rng.choice(("sub", "ins", "del"))
        new = [rng.choice(CJK_FILLER) for _ in range(size)]
        if kind == "sub":
            chars[pos : pos + size] = new
        elif kind == "ins":
            chars[pos:pos] = new
        else:
            del chars[pos : pos + size]
    return "".join(chars)


def _content_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to its first and last letter/digit.

    The detector reports passages from the first to the last matched content
    character, so the planted spans follow the same convention.
    """
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _random_date(rng: random.Random) -> tuple[str, int]:
    year = rng.randint(2012, 2023)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    r = rng.random()
    if r < 0.7:
        return f"{year:04d}-{month:02d}-{day:02d}", year
    if r < 0.9:
        return f"{year:04d}-{month:02d}", year
    return f"{year:04d}", year


def make_corpus(
    n_docs: int,
    *,
    mean_chars: int = 6500,
    plants_per_doc: float = 1.0,
    edits_per_100: float = 2.0,
    boilerplate_rate: float = 0.8,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Generate a corpus with planted reuse.

    Parameters
    ----------
    n_docs : int
        Number of documents.
    mean_chars : int
        Mean document length in characters (lengths vary +-40 %).
    plants_per_doc : float
        Planted passages per document on average (targets chosen at random).
    edits_per_100 : float
        Edits per 100 characters of a planted passage (each edit touches 1-3
        characters).
    boilerplate_rate : float
        Probability that a document contains each boilerplate sentence.
    seed : int
        Random seed; the output is a deterministic function of the arguments.

    Returns
    -------
    corpus : DataFrame
        doc_id, title, level, region, date, year, text (the contract columns
        the reuse detector uses).
    truth : DataFrame
        One row per planted passage: source_doc_id, target_doc_id,
        source_start, source_end, target_start, target_end (character offsets
        into ``text``, trimmed to the first and last letter or digit) and
        n_edits.
    """
    rng = random.Random(seed)
    docs: list[list[_Segment]] = []
    meta = []
    for i in range(n_docs):
        target_len = int(mean_chars * rng.uniform(0.6, 1.4))
        segs, length = [], 0
        while length < target_len:
            s = make_sentence(rng)
            segs.append(_Segment(s, "original"))
            length += len(s)
        for b in BOILERPLATE:
            if rng.random() < boilerplate_rate:
                segs.insert(rng.randrange(len(segs) + 1), _Segment(b + "。", "boilerplate"))
        date, year = _random_date(rng)
        level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
        meta.append(
            {
                "doc_id": f"doc{i:05d}",
                "title": f"关于推进新型智慧城市建设的意见{i}",
                "level": level,
                "region": rng.choice(CITIES),
                "date": date,
                "year": year,
            }
        )
        docs.append(segs)

    years = [m["year"] for m in meta]
    by_year: dict[int, list[int]] = {}
    for i, y in enumerate(years):
        by_year.setdefault(y, []).append(i)
    earlier_than = {y: [i for y2 in sorted(by_year) if y2 < y for i in by_year[y2]] for y in by_year}
    plants = []
    n_plants = round(plants_per_doc * n_docs)
    attempts = 0
    while len(plants) < n_plants and attempts < 20 * n_plants:
        attempts += 1
        tgt = rng.randrange(n_docs)
        earlier = earlier_than[years[tgt]]
        if not earlier:
            continue
        src = rng.choice(earlier)
        n_sent = rng.randint(2, 8)
        if len(docs[src]) <= n_sent:
            continue
        first = rng.randrange(len(docs[src]) - n_sent)
        chosen = docs[src][first : first + n_sent]
        # consecutive original sentences only, each copied at most once, so
        # that no two targets share a passage (genuine but unplanted reuse)
        if any(s.kind != "original" or s.copied for s in chosen):
            continue
        for s in chosen:
            s.copied = True
        passage = "".join(s.text for s in chosen)[:-1]  # without the final 。
        n_edits = round(len(passage) * edits_per_100 / 100 * rng.uniform(0.5, 1.5))
        planted = _Segment(edit_passage(passage, n_edits, rng), "planted")
        segs = docs[tgt]
        # insert between sentences, never inside a run that another plant
        # copies from (that would corrupt its source passage)
        slots = [
            k for k in range(len(segs) + 1) if k == 0 or k == len(segs) or not (segs[k - 1].copied and segs[k].copied)
        ]
        pos = rng.choice(slots)
        segs[pos:pos] = [planted, _Segment("。", "planted_end")]
        plants.append({"src": src, "tgt": tgt, "src_segs": chosen, "tgt_seg": planted, "n_edits": n_edits})

    texts, start_of = [], {}
    for segs in docs:
        cursor = 0
        for s in segs:
            start_of[id(s)] = cursor
            cursor += len(s.text)
        texts.append("".join(s.text for s in segs))
    truth = []
    for p in plants:
        first, last = p["src_segs"][0], p["src_segs"][-1]
        s_start, s_end = _content_span(texts[p["src"]], start_of[id(first)], start_of[id(last)] + len(last.text))
        t_start = start_of[id(p["tgt_seg"])]
        t_start, t_end = _content_span(texts[p["tgt"]], t_start, t_start + len(p["tgt_seg"].text))
        truth.append(
            {
                "source_doc_id": meta[p["src"]]["doc_id"],
                "target_doc_id": meta[p["tgt"]]["doc_id"],
                "source_start": s_start,
                "source_end": s_end,
                "target_start": t_start,
                "target_end": t_end,
                "n_edits": p["n_edits"],
            }
        )
    corpus = pd.DataFrame(meta)
    corpus["text"] = texts
    return corpus, pd.DataFrame(truth)
