"""Duplicates (analysis.corpus.duplicates): republished copies of the same policy."""

import shutil
from pathlib import Path

import opencc
import pandas as pd

import analysis
from analysis.corpus import flag_duplicates
from analysis.corpus.duplicates import find_duplicates

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _write(folder: Path, name: str, data: bytes | str, encoding="utf-8"):
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


def test_html_and_traditional_republication_flagged_as_duplicate(tmp_path):
    text = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "a_shaanxi.txt")
    trad = opencc.OpenCC("s2t").convert(text)
    body = "".join(f"<p>{line}</p>" for line in trad.split("\n"))
    html = f"<html><head><script>var x=1;</script></head><body><nav>首頁</nav>{body}</body></html>"
    _write(tmp_path, "b_shaanxi.html", html)
    df = analysis.load_corpus(tmp_path)
    assert len(df) == 2
    assert set(df.script) == {"simplified", "traditional"}
    a = df[df.source == "a_shaanxi.txt"].iloc[0]
    b = df[df.source == "b_shaanxi.html"].iloc[0]
    assert b.title == a.title and b.doc_number == a.doc_number
    assert (a.duplicate_of, b.duplicate_of) in {("", a.doc_id), (b.doc_id, "")}
    assert "var x" not in b.text


def test_same_doc_number_marks_the_later_copy():
    df = pd.DataFrame(
        {
            "doc_id": ["b", "a"],
            "title": ["甲", "乙"],
            "region": ["", ""],
            "year": [2021, 2020],
            "date": ["2021", "2020"],
            "doc_number": ["国发〔2020〕1号", "国发〔2020〕1号"],
            "text": ["一", "二"],
            "duplicate_of": ["", ""],
        }
    )
    assert list(flag_duplicates(df).duplicate_of) == ["a", ""]


DEVSET = Path(__file__).resolve().parent / "devset" / "pages"

# tests/devset/pages/086.txt (福建 闽政〔2014〕14号, first paragraphs)
FUJIAN = (
    "福建省人民政府关于数字福建智慧城市建设的指导意见\n"
    "各市、县(区)人民政府,平潭综合实验区管委会,省政府各部门、各直属机构,各大企业,各高等院校:\n"
    "为科学务实、健康有序地推进全省智慧城市建设,现提出以下指导意见。\n"
    "一、发展目标\n"
    "经过努力,到2016年,建成全省电子政务公共平台,政务活动普遍实现全流程网络化办理;"
    "基本建成智慧城市感知、支撑、服务三大基础平台;交通、环保、安全、旅游、市政等重点领域核心业务实现智慧化应用。"
    "到2018年,主要管理对象和服务事项智慧化应用覆盖率达到50%。"
)
# tests/devset/pages/089.txt (郑州市人民政府, opening of the 指导意见)
ZHENGZHOU = (
    "各开发区管委会,各区县(市)人民政府,市人民政府各部门,各有关单位:为健康有序推进我市新型智慧城市建设,"
    "推动数字经济与新型城镇化融合发展,提升城市治理现代化水平,依据《河南省人民政府办公厅关于加快推进新型智慧城市"
    "建设的指导意见》(豫郑办〔2020〕27号),现提出以下意见。一、总体要求(一)指导思想以习近平新时代中国特色社会主义"
    "思想为指导,全面贯彻党的十九大和十九届二中、三中、四中全会精神。"
)
# a realistic other city's 指导意见 of the same bare title, province and year
LUOYANG = (
    "各县(市、区)人民政府,市人民政府各部门:为加快我市数字化转型,夯实城市大脑和数据中台建设基础,"
    "依据省政府有关部署,结合洛阳实际,提出如下意见。一、工作目标到2023年,建成覆盖全市的物联感知网络,"
    "政务数据共享率达到95%以上,培育10个以上智慧应用示范场景。二、重点任务(一)建设城市运行管理中心。"
)


def _frame(rows: list[dict]) -> pd.DataFrame:
    base = {"title": "", "issuer": "", "region": "", "doc_number": "", "date": "", "year": 2021,
            "script": "simplified", "duplicate_of": ""}  # fmt: skip
    return pd.DataFrame([{**base, **r, "n_chars": len(r.get("text", ""))} for r in rows])


def _flags(df: pd.DataFrame) -> dict[str, str]:
    out = flag_duplicates(df)
    return dict(zip(out.doc_id, out.duplicate_of))


def test_same_text_in_two_scripts_is_one_policy_and_the_simplified_copy_is_canonical():
    trad = opencc.OpenCC("s2t").convert(FUJIAN)
    df = _frame([
        {"doc_id": "t", "text": trad, "script": "traditional", "region": "福建", "date": "2014-04-14"},
        {"doc_id": "s", "text": "来源:省政府办公厅\n" + FUJIAN, "region": "福建", "date": "2014-04-14"},
    ])  # fmt: skip
    # same date, fuller text wins: the simplified copy carries one more line
    assert _flags(df) == {"t": "s", "s": ""}
    df.loc[df.doc_id == "s", "text"] = FUJIAN  # equal length: simplified script decides
    df["n_chars"] = df["text"].str.len()
    assert _flags(df) == {"t": "s", "s": ""}
    found = find_duplicates(df)
    assert list(found.rule) == ["text"] and found.similarity.iloc[0] > 0.95


def test_three_copies_sharing_a_doc_number_are_all_flagged_in_any_order():
    # tests/devset/pages 047/048/091: 国发〔2015〕40号 reposted by three sites, each excerpt different
    rows = [
        {"doc_id": "site-a", "text": "国务院关于积极推进“互联网+”行动的指导意见" + LUOYANG, "date": "2015-07-01"},
        {"doc_id": "site-b", "text": "國務院關於積極推進「互聯網+」行動的指導意見", "date": "2015-07-04",
         "script": "traditional"},
        {"doc_id": "site-c", "text": "国务院关于积极推进互联网+行动的指导意见 国发[2015]40号文件", "date": ""},
    ]  # fmt: skip
    for r in rows:
        r.update(issuer="国务院", region="全国", doc_number="国发〔2015〕40号", year=2015)
    expected = {"site-a": "", "site-b": "site-a", "site-c": "site-a"}
    for perm in ([0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]):
        assert _flags(_frame([rows[k] for k in perm])) == expected


def test_doc_number_in_other_brackets_and_full_width_digits_matches():
    who = {"issuer": "江苏省民政厅", "region": "江苏"}
    df = _frame([
        {"doc_id": "a", "text": "一", **who, "doc_number": "苏民基〔2023〕6号"},
        {"doc_id": "b", "text": "二", **who, "doc_number": "苏民基﹝２０２３﹞６号"},
    ])  # fmt: skip
    assert _flags(df) == {"a": "", "b": "a"}


def test_same_bare_title_province_and_year_from_two_cities_are_not_duplicates():
    title = "关于加快推进新型智慧城市建设的指导意见"
    df = _frame([
        {"doc_id": "zz", "title": title, "issuer": "郑州市人民政府", "region": "河南", "text": ZHENGZHOU},
        {"doc_id": "ly", "title": title, "issuer": "洛阳市人民政府", "region": "河南", "text": LUOYANG},
    ])  # fmt: skip
    assert _flags(df) == {"zz": "", "ly": ""}


def test_generic_doc_number_from_two_county_offices_is_not_a_duplicate():
    # 政办发 is every county government office's prefix (tests/devset/pages 010, 071)
    df = _frame([
        {"doc_id": "a", "issuer": "宜兴市人民政府办公室", "region": "江苏", "doc_number": "宜政办发〔2019〕77号",
         "text": ZHENGZHOU},
        {"doc_id": "b", "issuer": "冠县人民政府办公室", "region": "山东", "doc_number": "政办发〔2019〕77号",
         "text": LUOYANG},
        {"doc_id": "c", "issuer": "嘉鱼县人民政府办公室", "region": "湖北", "doc_number": "政办发〔2019〕77号",
         "text": FUJIAN},
        {"doc_id": "d", "issuer": "", "region": "", "doc_number": "政办发〔2019〕77号", "text": "另一份文件"},
    ])  # fmt: skip
    # d (issuer and region unknown) may join one of them, but never bridges b and c
    flags = _flags(df)
    assert flags["a"] == "" and not (flags["b"] and flags["c"])
    assert {flags["b"], flags["c"]} <= {"", "d"} or flags["d"] in {"b", "c"}


def test_near_identical_text_with_its_own_doc_number_or_region_is_its_own_policy():
    # a county adopting the province's text verbatim, and a transmittal under its own 文号
    county = FUJIAN.replace("全省", "全县")
    df = _frame([
        {"doc_id": "prov", "text": FUJIAN, "region": "福建", "doc_number": "闽政〔2014〕14号"},
        {"doc_id": "trans", "text": "转发\n" + FUJIAN, "region": "福建", "doc_number": "榕政〔2014〕30号"},
        {"doc_id": "other", "text": county, "region": "浙江", "issuer": "某县人民政府"},
    ])  # fmt: skip
    assert _flags(df) == {"prov": "", "trans": "", "other": ""}


def test_excerpt_or_compilation_sharing_little_text_is_not_a_duplicate():
    df = _frame([
        {"doc_id": "full", "text": FUJIAN + ZHENGZHOU + LUOYANG, "region": "福建"},
        {"doc_id": "part", "text": FUJIAN[:80], "region": "福建"},
    ])  # fmt: skip
    assert _flags(df) == {"full": "", "part": ""}


def test_canonical_member_is_the_earliest_date_first():
    df = _frame([
        {"doc_id": "a", "text": FUJIAN + "附件", "region": "福建", "date": "2014-05-01"},
        {"doc_id": "b", "text": FUJIAN, "region": "福建", "date": "2014-04-14"},
        {"doc_id": "c", "text": FUJIAN, "region": "福建", "date": ""},
    ])  # fmt: skip
    assert _flags(df) == {"a": "b", "b": "", "c": "b"}


def test_devset_pages_in_shuffled_file_order_give_identical_flags(tmp_path):
    names = ["086.txt", "087.txt", "028.txt", "029.txt", "080.txt", "085.txt", "089.txt", "071.txt"]
    results = []
    for k, order in enumerate((names, names[::-1], names[3:] + names[:3])):
        folder = tmp_path / f"run{k}"
        folder.mkdir()
        for pos, name in enumerate(order):
            # file names change the order the loader reads them in, not the documents
            shutil.copy(DEVSET / name, folder / f"{pos:02d}_{name}")
        df = analysis.load_corpus(folder)
        src = {d: s.split("_", 1)[1] for d, s in zip(df.doc_id, df.source)}
        results.append(sorted((src[d], src.get(o, "")) for d, o in zip(df.doc_id, df.duplicate_of)))
    assert results[0] == results[1] == results[2]
    pairs = {a: b for a, b in results[0] if b}
    # 087 prints the full date 2014-04-14, 086 only the 文号 year: 087 is canonical
    assert pairs == {"086.txt": "087.txt", "029.txt": "028.txt", "085.txt": "080.txt"}
