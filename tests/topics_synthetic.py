"""Synthetic corpus with planted topics, shared by the topics, similarity and plotting tests.

Four topics, each a vocabulary of eight distinct Chinese policy terms, are
planted into paragraphs in known proportions.  Tokens are whitespace-separated
and the tests pass ``tokenizer=str.split`` (:data:`TOK`), so the planted terms
reach the models intact whatever jieba's dictionary says.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from analysis.topics import KDiagnostics, TopicModel, evaluate_k, fit_topics

PLANTED = {
    "数据": ["数据共享", "政务数据", "数据开放", "数据资源", "数据标准", "数据目录", "数据交换", "数据要素"],
    "交通": ["智慧交通", "交通信号", "公交调度", "停车诱导", "车路协同", "交通监测", "出行服务", "路网感知"],
    "医疗": ["智慧医疗", "远程医疗", "电子病历", "健康档案", "分级诊疗", "医保结算", "预约挂号", "家庭医生"],
    "安全": ["网络安全", "等级保护", "安全防护", "应急响应", "安全审查", "漏洞管理", "密码应用", "态势感知"],
}
NAMES = list(PLANTED)
GENERAL = ["城市", "建设", "发展", "推进", "体系", "平台"]
YEARS = [2014, 2015, 2016, 2018, 2019, 2020, 2021, 2022, 2023]  # 2017 deliberately empty
LEVELS = ["central", "ministry", "provincial", "prefecture"]  # county deliberately empty
TOK = str.split


def make_corpus(
    seed: int = 7, n_docs: int = 36, n_paras: int = 7, n_tokens: int = 18, purity: float = 0.85
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents with a dominant planted topic; paragraphs mostly of that topic.

    Each paragraph draws ``purity`` of its tokens from its own planted topic,
    the rest from the general vocabulary or another topic.
    Returns (corpus, paragraphs) with planted labels in ``topic`` columns.
    """
    rng = np.random.default_rng(seed)
    docs, paras = [], []
    for d in range(n_docs):
        doc_topic = d % len(NAMES)
        doc_id = f"doc{d:02d}"
        texts = []
        for p in range(n_paras):
            topic = doc_topic if p < n_paras - 2 else int(rng.integers(len(NAMES)))
            tokens = []
            for _ in range(n_tokens):
                if rng.random() < purity:
                    tokens.append(rng.choice(PLANTED[NAMES[topic]]))
                elif rng.random() < 0.6:
                    tokens.append(rng.choice(GENERAL))
                else:
                    tokens.append(rng.choice(PLANTED[NAMES[int(rng.integers(len(NAMES)))]]))
            text = " ".join(tokens)
            texts.append(text)
            paras.append({"doc_id": doc_id, "para_id": p, "section": "", "text": text,
                          "n_chars": len(text), "is_heading": False, "topic": topic})  # fmt: skip
        body = "\n".join(texts)
        docs.append({"doc_id": doc_id, "title": f"关于推进{NAMES[doc_topic]}工作的通知{d}",
                     "issuer": "", "level": LEVELS[d % len(LEVELS)], "region": "全国",
                     "year": YEARS[d % len(YEARS)], "text": body, "n_chars": len(body),
                     "duplicate_of": "", "topic": doc_topic})  # fmt: skip
    return pd.DataFrame(docs), pd.DataFrame(paras)


@cache
def synthetic() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(corpus, paragraphs) of :func:`make_corpus` with its defaults (built once; do not modify)."""
    return make_corpus()


@cache
def nmf_model() -> TopicModel:
    """NMF with k=4, random_state=0 on the synthetic paragraphs (fitted once)."""
    _corpus, paras = synthetic()
    return fit_topics(paras, 4, "nmf", random_state=0, tokenizer=TOK)


@cache
def k_diagnostics() -> KDiagnostics:
    """evaluate_k over k=2..7, seeds 0-2 (NMF) on the synthetic paragraphs (computed once)."""
    _corpus, paras = synthetic()
    return evaluate_k(paras, ks=range(2, 8), method="nmf", seeds=(0, 1, 2), tokenizer=TOK)


def planted_matrix(vocabulary: np.ndarray) -> np.ndarray:
    """Planted topic-term distributions over a fitted vocabulary (uniform within a topic)."""
    m = np.zeros((len(NAMES), len(vocabulary)))
    position = {t: i for i, t in enumerate(vocabulary)}
    for k, name in enumerate(NAMES):
        for term in PLANTED[name]:
            m[k, position[term]] = 1 / len(PLANTED[name])
    return m


def matched_similarity(model: TopicModel) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each planted topic with its Hungarian-matched fitted topic, and the matched topics."""
    planted = planted_matrix(model.vocabulary)
    a = planted / np.linalg.norm(planted, axis=1, keepdims=True)
    b = model.topic_term / np.linalg.norm(model.topic_term, axis=1, keepdims=True)
    sim = a @ b.T
    rows, cols = linear_sum_assignment(-sim)
    return sim[rows, cols], cols


def dominant(model: TopicModel) -> np.ndarray:
    """Dominant topic of each unit (0 for empty units)."""
    return np.argmax(np.nan_to_num(model.unit_weights), axis=1)
