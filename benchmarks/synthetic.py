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
from pathlib import Path

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


# ---------------------------------------------------------------------------
# Folders of realistic policy documents, for the pipeline benchmark
# ---------------------------------------------------------------------------
# Province: (full name, 文号 abbreviation, prefecture cities, county-level places with their city).
PROVINCES = {
    "山东": ("山东省", "鲁", "济南 青岛 淄博 烟台 潍坊 济宁".split(), [("寿光", "市"), ("平度", "市"), ("曲阜", "市")]),
    "江苏": ("江苏省", "苏", "南京 苏州 无锡 常州 南通 徐州".split(), [("昆山", "市"), ("江阴", "市"), ("沛", "县")]),
    "浙江": ("浙江省", "浙", "杭州 宁波 温州 嘉兴 绍兴 金华".split(), [("义乌", "市"), ("长兴", "县"), ("德清", "县")]),
    "广东": ("广东省", "粤", "广州 深圳 佛山 东莞 珠海 中山".split(), [("台山", "市"), ("博罗", "县")]),
    "四川": ("四川省", "川", "成都 绵阳 德阳 宜宾 南充".split(), [("简阳", "市"), ("郫都", "区")]),
    "河南": ("河南省", "豫", "郑州 洛阳 开封 新乡 南阳".split(), [("新郑", "市"), ("巩义", "市")]),
    "河北": ("河北省", "冀", "石家庄 唐山 保定 邯郸 廊坊".split(), [("正定", "县"), ("迁安", "市")]),
    "福建": ("福建省", "闽", "福州 厦门 泉州 漳州".split(), [("晋江", "市"), ("石狮", "市")]),
    "贵州": ("贵州省", "黔", "贵阳 遵义 六盘水 安顺".split(), [("仁怀", "市"), ("盘州", "市")]),
}
MINISTRIES = [("国家发展改革委", "发改高技"), ("工业和信息化部", "工信部信软"), ("住房城乡建设部", "建科")]
TOPICS = (
    "新型智慧城市建设 数字政府建设 城市大脑建设 政务服务一网通办 城市运行一网统管 数字经济发展 "
    "新型基础设施建设 数字乡村发展 智慧社区建设 公共数据开放共享 城市信息模型平台建设"
).split()
TITLE_FORMS = (
    ("关于加快推进{topic}的通知", "通知"),
    ("关于印发{place}{topic}实施方案的通知", "实施方案"),
    ("关于{topic}的指导意见", "指导意见"),
    ("关于印发{place}{topic}三年行动计划的通知", "行动计划"),
)
# Slogans ("formulas") that spread from one jurisdiction to others, with their origin and first year.
FORMULAS = (
    ("优政、惠民、兴业、强基", "浙江", 2016),
    ("善政、惠民、兴业", "贵州", 2015),
    ("一网通办、一网统管、一网协同", "广东", 2019),
    ("三融五跨", "central", 2016),
    ("城市大脑+N", "浙江", 2018),
)
NUMERALS = "一二三四五六七八九十"
_RANK = {"central": 0, "ministry": 1, "provincial": 2, "prefecture": 3, "county": 4}


@dataclass
class _Doc:
    doc_id: str
    level: str
    province: str
    place: str
    issuer: str
    doc_number: str
    title: str
    year: int
    date: str
    paragraphs: list[str]


def _jurisdiction(rng: random.Random, year: int, serial: int) -> tuple[str, str, str, str, str]:
    """Draw (level, province, place, issuer, 文号) for one document."""
    level = rng.choices(["central", "ministry", "provincial", "prefecture", "county"], [2, 4, 14, 55, 25])[0]
    number = f"〔{year}〕{serial % 180 + 1}号"
    if level == "central":
        return level, "", "", "国务院办公厅", f"国办发{number}"
    if level == "ministry":
        ministry, prefix = rng.choice(MINISTRIES)
        return level, "", "", ministry, f"{prefix}{number}"
    province = rng.choice(sorted(PROVINCES))
    full, abbr, cities, counties = PROVINCES[province]
    if level == "provincial":
        return level, province, full, f"{full}人民政府办公厅", f"{abbr}政办发{number}"
    if level == "prefecture":
        city = rng.choice(cities)
        return level, province, f"{city}市", f"{city}市人民政府办公厅", f"{city[0]}政办发{number}"
    county, suffix = rng.choice(counties)
    return level, province, county + suffix, f"{county}{suffix}人民政府办公室", f"{county[0]}政办发{number}"


def _paragraphs(rng: random.Random, sentences: list[str], mean_chars: int) -> list[str]:
    """Numbered sections of seed sentences, about ``mean_chars`` characters in all."""
    target = int(mean_chars * rng.lognormvariate(0, 0.4))
    paragraphs, size, section = [], 0, 0
    while size < target:
        if rng.random() < 0.25 and section < len(NUMERALS):
            paragraphs.append(f"{NUMERALS[section]}、{rng.choice(TOPICS)[:4]}{rng.choice(GOALS)}")
            section += 1
        body = "".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        paragraphs.append(body)
        size += len(body)
    return paragraphs


def _formula_sentence(rng: random.Random, doc: _Doc, adopted: dict[str, dict[str, int]]) -> str | None:
    """A sentence using a formula this jurisdiction has adopted by now, or None.

    A formula reaches a province (and the central level) one to four years
    after its origin, then every jurisdiction there, so adoption spreads.
    """
    usable = []
    for formula, origin, first in FORMULAS:
        reach = adopted.setdefault(formula, {origin: first})
        where = doc.province or "central"
        if where not in reach and doc.year >= first + 1 and rng.random() < 0.15:
            reach[where] = doc.year
        if where in reach and doc.year >= reach[where]:
            usable.append(formula)
    if not usable or rng.random() < 0.4:
        return None
    formula = rng.choice(usable)
    return f"围绕“{formula}”目标，统筹推进{rng.choice(TOPICS)}，形成可复制可推广的经验。"


def write_policy_corpus(
    folder: str | Path,
    n_docs: int,
    *,
    sentences: list[str],
    mean_chars: int = 4000,
    reuse_rate: float = 0.3,
    cite_rate: float = 0.6,
    seed: int = 0,
) -> dict[str, pd.DataFrame]:
    """Write ``n_docs`` policy documents as ``.txt`` files and return what was planted.

    Documents have a 公文 header (title 关于…的通知/实施方案/指导意见/行动计划,
    文号 such as 鲁政办发〔2019〕12号, 主送), numbered sections of
    ``sentences`` (e.g. the seed sentences), a signature and a date, from 2014
    to 2023, at every level in 9 provinces (45 cities, 20 counties).  Planted:
    passage reuse (a later document copies 1-3 paragraphs of an earlier one of
    its province, or of a central one), citations (根据《title》（文号）) of
    earlier documents, and formulas (:data:`FORMULAS`) spreading over years.

    Parameters
    ----------
    folder : path
        Created; existing ``doc*.txt`` files are overwritten.
    n_docs : int
        Documents to write.
    sentences : list of str
        Sentences to assemble bodies from.
    mean_chars : int
        Median body length in characters (log-normal spread).
    reuse_rate, cite_rate : float
        Share of documents that copy paragraphs / cite earlier documents.
    seed : int
        Random seed; the output is a deterministic function of the arguments.

    Returns
    -------
    dict of DataFrame
        ``documents`` (doc_id, file, level, province, place, issuer,
        doc_number, title, year, date, chars), ``reuse`` (source_doc_id,
        target_doc_id, paragraphs), ``citations`` (citing_doc_id,
        cited_doc_id, cited_doc_number), ``formulas`` (doc_id, formula).
    """
    rng = random.Random(seed)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    years = sorted(rng.randint(2014, 2023) for _ in range(n_docs))
    docs: list[_Doc] = []
    reuse, citations, formulas, adopted = [], [], [], {}
    for i, year in enumerate(years):
        level, province, place, issuer, number = _jurisdiction(rng, year, i)
        form, _genre = rng.choice(TITLE_FORMS)
        title = form.format(topic=rng.choice(TOPICS), place=place)
        date = f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        doc = _Doc(f"doc{i:05d}", level, province, place, issuer, number, title, year, date, [])
        doc.paragraphs = _paragraphs(rng, sentences, mean_chars)
        earlier = [d for d in docs[-400:] if d.year < year and (d.province in ("", province))]
        # a document cites its own or a higher level, as 公文 do
        above = [d for d in earlier if _RANK[d.level] <= _RANK[level]]
        if above and rng.random() < cite_rate:
            cited = rng.sample(above, min(len(above), rng.randint(1, 2)))
            refs = "、".join(f"《{d.issuer}{d.title}》（{d.doc_number}）" for d in cited)
            doc.paragraphs.insert(0, f"根据{refs}精神，结合{place or '工作'}实际，制定本方案。")
            citations += [
                {"citing_doc_id": doc.doc_id, "cited_doc_id": d.doc_id, "cited_doc_number": d.doc_number} for d in cited
            ]
        if earlier and rng.random() < reuse_rate:
            source = rng.choice(earlier)
            bodies = [k for k, p in enumerate(source.paragraphs) if len(p) > 80 and not p.startswith("根据")]
            if bodies:
                first = rng.choice(bodies)
                copied = [p for p in source.paragraphs[first : first + rng.randint(1, 3)] if len(p) > 80]
                at = rng.randint(1, len(doc.paragraphs))
                doc.paragraphs[at:at] = copied
                reuse.append({"source_doc_id": source.doc_id, "target_doc_id": doc.doc_id, "paragraphs": len(copied)})
        sentence = _formula_sentence(rng, doc, adopted)
        if sentence:
            doc.paragraphs.insert(rng.randint(1, len(doc.paragraphs)), sentence)
            formulas.append({"doc_id": doc.doc_id, "formula": sentence.split("“")[1].split("”")[0]})
        docs.append(doc)
        recipients = "各县（市、区）人民政府，市政府各部门：" if level in ("prefecture", "county") else "各有关单位："
        text = "\n\n".join([f"{issuer}{title}", number, recipients, *doc.paragraphs, issuer, date]) + "\n"
        (out / f"{doc.doc_id}.txt").write_text(text, encoding="utf-8")
    table = pd.DataFrame(
        [
            {
                **{
                    k: getattr(d, k)
                    for k in ("doc_id", "level", "province", "place", "issuer", "doc_number", "title", "year", "date")
                },
                "file": f"{d.doc_id}.txt",
                "chars": sum(map(len, d.paragraphs)),
            }
            for d in docs
        ]
    )
    return {
        "documents": table,
        "reuse": pd.DataFrame(reuse),
        "citations": pd.DataFrame(citations),
        "formulas": pd.DataFrame(formulas),
    }


def seed_sentences(min_chars: int = 12, max_chars: int = 160) -> list[str]:
    """Return the seed documents' sentences (simplified): Chinese prose, no web furniture, no dates."""
    import re

    from bench_tokenize import SEEDS, read_sentences

    han = re.compile(r"[\u4e00-\u9fff]")
    furniture = re.compile(r"[|•:：\[\]]|http|www|发布|来源|〔|年\d|\d月|\d日")
    keep = []
    for s in dict.fromkeys(read_sentences(SEEDS)):
        if min_chars <= len(s) <= max_chars and len(han.findall(s)) > 0.8 * len(s) and not furniture.search(s):
            keep.append(s)
    return keep
