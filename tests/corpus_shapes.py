"""Corpora unlike the seeds, written as folders, for the report tests (tests/test_notebooks.py).

Each shape is a folder of real policy text: pages of the development set (real web pages of other
provinces and cities, tests/devset/pages) or, for the large shape, sentences of the seeds under
公文 headers of cities the seeds do not contain.  Together they cover the corpus shapes a report
must survive: 1, 2 and 3 documents, a single year, no document before 2019, no central document,
only undated documents, one level only, and a few hundred documents.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "devset" / "pages"
SEEDS = ROOT / "seeds"

#: Shape name -> development-set pages (what the loader reads from them is in the comment).
PAGE_SHAPES: dict[str, list[str]] = {
    # 绍兴 prefecture, 2020: one document, one year, one level
    "one_document": ["030.txt"],
    # 上海 provincial 2020 and 绍兴 prefecture 2020: two documents of a single year, no central one
    "two_documents_one_year": ["028.txt", "030.txt"],
    # 上海 2020, 天津 2021, 山东 2023: three provincial documents, none before 2019, one level only
    "three_provincial_recent": ["028.txt", "039.txt", "007.txt"],
    # 浙江 and 湖北 provincial pages and one of unknown issuer, none printing a date the loader reads
    "only_undated": ["012.txt", "013.txt", "023.txt"],
}

#: Cities of provinces the seeds do not cover: (province, city, 文号 prefix).
CITIES = [
    ("浙江", "宁波市", "甬政办发"),
    ("浙江", "温州市", "温政办发"),
    ("四川", "成都市", "成办发"),
    ("四川", "绵阳市", "绵府办发"),
    ("贵州", "贵阳市", "筑府办发"),
    ("贵州", "遵义市", "遵府办发"),
    ("云南", "昆明市", "昆政办"),
    ("广西", "南宁市", "南府办"),
    ("湖南", "长沙市", "长政办发"),
    ("湖南", "株洲市", "株政办发"),
    ("安徽", "合肥市", "合政办"),
    ("安徽", "芜湖市", "芜政办"),
    ("江西", "南昌市", "洪府办发"),
    ("福建", "福州市", "榕政办"),
    ("福建", "厦门市", "厦府办"),
    ("甘肃", "兰州市", "兰政办发"),
    ("青海", "西宁市", "宁政办"),
    ("宁夏", "银川市", "银政办发"),
    ("吉林", "长春市", "长府办发"),
    ("黑龙江", "哈尔滨市", "哈政办发"),
]

KINDS = ["实施方案", "行动计划", "工作要点", "实施意见"]


def seed_sentences() -> list[str]:
    """Sentences of the bundled seeds (simplified), 20-120 characters, in file order."""
    import opencc

    convert = opencc.OpenCC("t2s").convert
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = convert(path.read_text(encoding="utf-8"))
        for sentence in re.split(r"(?<=。)", text):
            sentence = re.sub(r"\s+", "", sentence)
            if 20 <= len(sentence) <= 120 and sentence.endswith("。"):
                out.append(sentence)
    return out


def write_synthetic_corpus(folder: Path, n_documents: int, seed: int = 0) -> Path:
    """``n_documents`` city documents of 2015-2023: a 公文 header (title, 文号, addressees), four seed
    sentences and a signature with the date.  Deterministic for a given ``seed``.

    Four sentences from the seeds' ~1,000 let some documents share a sentence (passage reuse to
    find) without every pair doing so."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_documents):
        province, city, prefix = CITIES[i % len(CITIES)]
        year = 2015 + rng.randrange(9)
        kind = rng.choice(KINDS)
        body = "".join(rng.sample(sentences, 4))
        # every tenth document is the province's own, so the corpus has two levels
        issuer = f"{province}省人民政府办公厅" if i % 10 == 0 else f"{city}人民政府办公室"
        place = f"{province}省" if i % 10 == 0 else city
        text = (
            f"{issuer}关于印发{place}新型智慧城市建设{kind}的通知\n"
            f"{prefix}〔{year}〕{i + 1}号\n"
            "各县(市、区)人民政府,各有关部门:\n"
            f"    {body}\n"
            f"{issuer}\n"
            f"{year}年{rng.randrange(1, 13)}月{rng.randrange(1, 28)}日\n"
        )
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def write_shape(name: str, folder: Path) -> Path:
    """Write the corpus ``name`` (a key of :data:`PAGE_SHAPES` or ``"few_hundred"``) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    if name == "few_hundred":
        return write_synthetic_corpus(folder, 200)
    for page in PAGE_SHAPES[name]:
        shutil.copy(PAGES / page, folder / page)
    return folder


SHAPES = [*PAGE_SHAPES, "few_hundred"]
