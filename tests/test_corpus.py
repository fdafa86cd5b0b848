"""load_corpus on the seeds, checked against a table made by hand from the seed text,
plus bad-input, HTML, duplicate and metadata.csv behaviour on small temporary folders."""
import shutil
import warnings
from pathlib import Path

import opencc
import pandas as pd
import pytest

import analysis
from analysis.__main__ import export_tables
from analysis.corpus import CorpusError, read_document_file

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# (key: doc_number or title start, issuer, level, region, date, genre, is_excerpt)
# Read by hand from the seed files (004 is in traditional script; values here are simplified).
EXPECTED = [
    ("发改高技〔2014〕1770号", "国家发改委等八部委", "ministry", "全国", "2014-08-27", "意见", False),
    ("发改办高技〔2016〕2476号", "国家发改委办公厅 中央网信办秘书局 国家标准委办公室", "ministry", "全国", "2016-11-22", "通知", False),
    ("发改办高技〔2018〕1688号", "国家发展改革委办公厅 中央网信办秘书局", "ministry", "全国", "2018", "通知", False),
    ("发改办高技〔2020〕530号", "国家发展改革委办公厅", "ministry", "全国", "2020-07-09", "通知", False),
    ("数字山东发展规划", "", "provincial", "山东", "2018", "规划", True),
    ("陕政办发〔2018〕47号", "陕西省人民政府办公厅", "provincial", "陕西", "2018-08-25", "意见", False),
    ("关于加快推进新型智慧城市建设的指导意见", "河北省人民政府办公厅", "provincial", "河北", "2019-02-18", "意见", False),
    ("《郑州市人民政府关于加快推进新型智慧城市建设的指导意见》解读", "郑州市发展和改革委员会", "prefecture", "河南", "", "解读", False),
    ("鲁政办字〔2020〕136号", "山东省人民政府办公厅", "provincial", "山东", "2020-10-11", "意见", False),
    ("关于加快新型智慧城市建设的指导意见", "四川省推进数字经济发展领导小组办公室", "provincial", "四川", "2020-11-27", "意见", False),
    ("国发〔2021〕29号", "国务院", "central", "全国", "2021", "规划", True),
    ("鲁政字〔2021〕128号", "山东省人民政府", "provincial", "山东", "2021", "规划", True),
    ("中华人民共和国 国民经济和社会发展第十四个五年规划", "", "central", "全国", "2021-03", "纲要", True),
    ("京大数据发〔2021〕1号", "北京市大数据工作推进小组", "provincial", "北京", "2021-03-05", "纲要", False),
    ("京教信〔2021〕1号", "北京市大数据工作推进小组办公室", "provincial", "北京", "2021-03-22", "意见", False),
    ("中共中央 国务院关于加强基层治理体系", "中共中央 国务院", "central", "全国", "2021-04", "意见", True),
    ("中共中央办公厅 国务院办公厅关于推动城乡建设绿色发展", "中共中央办公厅 国务院办公厅", "central", "全国", "2021-10", "意见", True),
    ("中央网络安全和信息化委员会印发", "中央网络安全和信息化委员会", "central", "全国", "2021-12", "规划", True),
    ("津政办发〔2021〕52号", "天津市人民政府办公厅", "provincial", "天津", "2021-12-28", "规划", True),
    ("国发〔2022〕14号", "国务院", "central", "全国", "2022", "意见", True),
    ("黔发改高技〔2022〕522号", "贵州省发展改革委等四部门", "provincial", "贵州", "2022", "规划", True),
    ("中共中央办公厅 国务院办公厅关于推进以县城为重要载体", "中共中央办公厅 国务院办公厅", "central", "全国", "2022-05", "意见", True),
    ("数字强省办发〔2022〕5号", "数字强省建设领导小组办公室", "provincial", "山东", "2022-11-18", "通知", False),
]


@pytest.fixture(scope="module")
def corpus():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.load_corpus()


def _row(corpus, key):
    hit = corpus[(corpus.doc_number == key) | corpus.title.str.startswith(key)]
    assert len(hit) == 1, f"{key}: {len(hit)} rows"
    return hit.iloc[0]


def test_seed_counts(corpus):
    assert len(corpus) == 23
    assert corpus.level.value_counts().to_dict() == {"provincial": 11, "central": 7, "ministry": 4, "prefecture": 1}
    assert corpus.source.str.startswith("004_").sum() == 19
    assert corpus.doc_id.is_unique
    assert corpus.attrs["skipped"] == []
    # attrs must not break ordinary pandas arithmetic
    assert (corpus.year + corpus.n_chars).notna().all()
    # Hebei 2019 and Shandong 2020 share a bare title but are different policies
    assert (corpus.duplicate_of == "").all()


@pytest.mark.parametrize("key, issuer, level, region, date, genre, excerpt", EXPECTED, ids=[e[0][:12] for e in EXPECTED])
def test_seed_fields_match_hand_table(corpus, key, issuer, level, region, date, genre, excerpt):
    r = _row(corpus, key)
    assert r.issuer == issuer
    assert r.level == level
    assert r.region == region
    assert r.date == date
    assert r.genre == genre
    assert bool(r.is_excerpt) == excerpt
    if key.endswith("号"):
        assert r.doc_number == key
    if date:
        assert r.year == int(date[:4])


def test_undated_documents_get_flagged_years(corpus):
    zz = _row(corpus, "《郑州市")
    assert zz.year == 2020 and "lower bound" in zz.date_source  # cites 豫郑办【2020】27号
    sd = _row(corpus, "数字山东发展规划")
    assert sd.year == 2018 and "plan period" in sd.date_source


def test_texts_are_clean_simplified(corpus):
    text = "\n".join(corpus.text)
    for bad in ["國", "發", "關", "(guān)", "(二)(二)", "20162016", "網絡安全41防護", "网络安全41防护",
                "扫描二维码", "编辑:", "Copyright", "点击下载", "阅读次数", "抄送:"]:
        assert bad not in text, bad
    assert corpus.script.value_counts().to_dict() == {"traditional": 20, "simplified": 3}
    hebei = _row(corpus, "关于加快推进新型智慧城市建设的指导意见").text
    assert hebei.startswith("各市(含定州、辛集市)人民政府,雄安新区管委会,省政府有关部门:")
    assert hebei.endswith("更好地造福城市和人民。")
    assert "日前," not in hebei  # news lead above the title is not the policy
    zz = _row(corpus, "《郑州市").text
    assert zz.count("主要明确了今后一个时期我市推进新型智慧城市建设") == 1  # lead printed twice on the page
    assert "解读人" not in zz and "67185955" not in zz
    sc = _row(corpus, "关于加快新型智慧城市建设的指导意见").text
    assert sc.endswith("营造和培育新型智慧城市建设浓厚氛围。")  # signature and URL trailer cut


def test_compilation_bodies_are_split_at_headings(corpus):
    gz = _row(corpus, "黔发改高技〔2022〕522号").text
    assert gz.startswith("二、总体要求\n(三)主要目标")
    assert gz.endswith("城市社区网格化管理覆盖率达到100%。")
    assert "其他相关政策文件清单" not in gz and "序号发文部门" not in gz
    ndrc = _row(corpus, "发改高技〔2014〕1770号").text
    assert ndrc.startswith("各省、自治区、直辖市人民政府,国务院各部委、各直属机构:")
    assert "二、国家部委政策文件" not in _row(corpus, "国发〔2022〕14号").text


def test_paragraph_table(corpus):
    paras = analysis.load_paragraphs(corpus)
    assert list(paras.columns) == ["doc_id", "para_id", "section", "text", "n_chars", "is_heading"]
    assert set(paras.doc_id) == set(corpus.doc_id)
    sc = paras[paras.doc_id == _row(corpus, "关于加快新型智慧城市建设的指导意见").doc_id]
    last = sc.iloc[-1]
    assert last.section == "九、 > (二十三)" and last.text.startswith("(二十三)强化宣传交流合作")
    sd = paras[paras.doc_id == _row(corpus, "鲁政字〔2021〕128号").doc_id]
    assert "七、 > (二) > 3." in set(sd.section)
    assert (paras.groupby("doc_id").para_id.apply(lambda s: list(s) == list(range(len(s))))).all()
    assert len(paras) > 250  # far more units than 23 documents


def test_policy_list():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pl = analysis.load_policy_list()
    assert list(pl.no) == list(range(1, 33))
    r6 = pl[pl.no == 6].iloc[0]
    assert (r6.issuer, r6.doc_number, r6.year) == ("国务院办公厅", "国办发〔2022〕32号", 2023)
    assert r6.title == "关于加快推进“一件事一次办”打造政务服务升级版的指导意见"
    r1 = pl[pl.no == 1].iloc[0]
    assert (r1.issuer, r1.title, r1.doc_number, r1.year) == ("中共中央 国务院", "数字中国建设整体布局规划", "", 2023)
    assert pl[pl.no == 13].iloc[0].doc_number == "工信部规〔2021〕179号"
    assert pl[pl.no == 18].iloc[0].year == 2022  # row after the header repeated at a page break
    assert pl[pl.no == 32].iloc[0].doc_number == "国知办函规字〔2022〕990号"
    dup = pl[pl.duplicate_of != ""]
    assert list(dup.no) == [4]  # 国发〔2021〕29号 is also in the compilation in full


# --------------------------------------------------------------------------- researcher folders


def _write(folder: Path, name: str, data: bytes | str, encoding="utf-8"):
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


def test_bad_files_are_reported_not_fatal(tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    _write(tmp_path, "empty.txt", b"")
    _write(tmp_path, "binary.txt", b"\x00\x01\x02PNG\x00" * 50)
    _write(tmp_path, "broken.txt", b"\xe6\x99\xba\x80\xff\xfe\x80")
    _write(tmp_path, "nodate.txt", "关于做好智慧社区建设工作的通知\n各有关单位:\n请按要求推进智慧社区建设。\n")
    _write(tmp_path, "notes.docx", b"PK\x03\x04")
    with pytest.warns(UserWarning, match="skipped 5 file"):
        df = analysis.load_corpus(tmp_path)
    assert len(df) == 1 and df.iloc[0].doc_number == "陕政办发〔2018〕47号"
    reasons = {r["file"]: r["reason"] for r in df.attrs["skipped"]}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "undecodable" in reasons["broken.txt"]
    assert "no date found" in reasons["nodate.txt"]
    assert "not a supported file type" in reasons["notes.docx"]


def test_read_errors_name_the_file(tmp_path):
    p = _write(tmp_path, "empty.txt", b"   \n")
    with pytest.raises(CorpusError, match=r"empty\.txt: empty file"):
        read_document_file(p)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig"])
def test_gbk_and_bom_files_load(tmp_path, encoding):
    text = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
    _write(tmp_path, "shaanxi.txt", text, encoding=encoding)
    df = analysis.load_corpus(tmp_path)
    assert df.iloc[0].title == "陕西省人民政府办公厅关于加快推进全省新型智慧城市建设的指导意见"
    assert df.iloc[0].date == "2018-08-25"


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


def test_metadata_csv_overrides_and_reports(tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    pd.DataFrame({"source": ["shaanxi.txt"], "level": ["prefecture"], "topic": ["政务数据"]}).to_csv(
        tmp_path / "metadata.csv", index=False
    )
    df = analysis.load_corpus(tmp_path)
    assert df.iloc[0].level == "prefecture" and df.iloc[0].topic == "政务数据"
    assert df.iloc[0].region == "陕西"  # not in the CSV: still read from the text
    fs = df.attrs["field_sources"]
    assert fs["region"] == "text" and "metadata.csv" in fs["level"] and fs["topic"] == "metadata.csv"


def test_export_tables_writes_bom_csv_and_parquet(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        paths = export_tables(None, str(tmp_path))
    raw = paths["documents"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    assert len(docs) == 23 and len(pd.read_parquet(tmp_path / "policy_list.parquet")) == 32


def test_every_stage_is_reachable_from_the_package():
    import subprocess
    import sys

    code = ("import sys, analysis\n"
            "names = ['diffusion', 'reuse', 'topics', 'plotting', 'segment', 'frequency', 'clean', 'metadata']\n"
            "assert 'analysis.topics' not in sys.modules  # loaded lazily\n"
            "print(all(getattr(analysis, m) is sys.modules['analysis.' + m] for m in names))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
    # the verbs of the later stages are reachable from the top level too
    assert analysis.find_reuse is analysis.reuse.find_reuse
    assert analysis.event_history is analysis.diffusion.event_history
    assert analysis.fit_topics is analysis.topics.fit_topics


def test_metadata_csv_date_override_updates_year_and_source(tmp_path):
    shutil.copy(SEEDS / "002_cfdf9cd42da11f50.txt", tmp_path / "zhengzhou.txt")
    with pytest.warns(UserWarning, match="lower bound"):
        before = analysis.load_corpus(tmp_path)
    assert before.iloc[0].year == 2020
    pd.DataFrame({"source": ["zhengzhou.txt"], "date": ["2021-05-10"]}).to_csv(tmp_path / "metadata.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "no date printed" warning once the CSV supplies the date
        df = analysis.load_corpus(tmp_path)
    r = df.iloc[0]
    assert (r.date, r.year, r.date_source) == ("2021-05-10", 2021, "metadata.csv")
    assert "metadata.csv" in df.attrs["field_sources"]["year"]


# --------------------------------------------------------------------------- page formats not in the seeds
# Short pages laid out as government portals print them; expected values read from the page text.

NDRC_PAGE = """国家发展和改革委员会
首页 | 机构设置 | 新闻动态 | 政务公开
关于印发促进智慧城市健康发展的指导意见的通知
发布时间:2014/08/29　　来源:高技术司
[ 打印 ] [ 关闭窗口 ]　字号:[ 大 中 小 ]　分享到:
发改高技[2014]1770号
各省、自治区、直辖市及计划单列市、副省级省会城市、新疆生产建设兵团发展改革委、工业和信息化主管部门、科技厅(委、局)、公安厅(局)、财政厅(局):
　　为贯彻落实党的十八大和十八届三中全会精神,推进智慧城市建设,经国务院同意,现将《关于促进智慧城市健康发展的指导意见》印发你们,请结合实际认真贯彻落实。
国家发展改革委
工业和信息化部
科学技术部
公安部
财政部
国土资源部
住房城乡建设部
交通运输部
2014年8月27日
关于促进智慧城市健康发展的指导意见
　　智慧城市是运用物联网、云计算、大数据、空间地理信息集成等新一代信息技术,促进城市规划、建设、管理和服务智慧化的新理念和新模式。
　　一、充分认识推进智慧城市建设的重要意义
　　建设智慧城市,对加快工业化、信息化、城镇化、农业现代化融合,提升城市可持续发展能力具有重要意义。
　　二、指导思想、基本原则和主要目标
　　到2020年,建成一批特色鲜明的智慧城市,聚集和辐射带动作用大幅增强。
"""

GUANGXI_PAGE = """广西壮族自治区人民政府门户网站
首页 > 政务公开 > 政府文件
广西壮族自治区人民政府办公厅关于印发广西数字政府建设三年行动计划(2018—2020年)的通知
来源:自治区人民政府办公厅　发布时间:2019-01-08
桂政办发〔2018〕142号
各市、县人民政府,自治区人民政府各组成部门、各直属机构:
　　《广西数字政府建设三年行动计划(2018—2020年)》已经自治区人民政府同意,现印发给你们,请认真组织实施。
　　一、总体要求
　　以数据共享为核心,推进政务服务“一网通办”,打通服务群众“最后一公里”。
　　二、保障措施
　　自治区大数据发展局负责全区数字政府建设的统筹推进和综合协调。
广西壮族自治区人民政府办公厅
二〇一八年十二月二十九日
【打印本页】【关闭窗口】
主办:广西壮族自治区人民政府办公厅　承办:广西壮族自治区大数据发展局
"""

GOVCN_PAGE = """首页 | 简 | 繁 | EN | 登录 | 邮箱 | 无障碍
中华人民共和国中央人民政府
首页 > 政策 > 国务院政策文件库 > 国务院办公厅文件
索 引 号:000014349/2022-00110
发文机关:国务院办公厅
成文日期:2022年09月13日
标　　题:国务院办公厅关于印发全国一体化政务大数据体系建设指南的通知
发文字号:国办函〔2022〕102号
发布日期:2022年10月28日
国务院办公厅
关于印发全国一体化政务大数据体系建设指南的通知
国办函〔2022〕102号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
　　《全国一体化政务大数据体系建设指南》已经国务院同意,现印发给你们,请结合实际认真贯彻落实。
国务院办公厅
2022年9月13日
(此件公开发布)
全国一体化政务大数据体系建设指南
　　为贯彻落实党中央、国务院决策部署,加强数据汇聚融合、共享开放和开发利用,制定本指南。
　　一、建设背景
　　政务数据资源体系初步建立,国家数据共享交换平台基本建成。
"""

_NAV = "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(40))
SHENZHEN_HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>深圳市人民政府关于加快智慧城市和数字政府建设的若干意见_市政府文件_深圳市人民政府门户网站</title>
<script>var _hmt = [];</script></head><body>
<div class="header"><ul class="nav">{_NAV}</ul></div>
<div class="location">当前位置:<a href="/">首页</a> &gt; 市政府文件</div>
<table><tr><td>索引号:</td><td>000000000-2020-00312</td></tr>
<tr><td>发布机构:</td><td>深圳市人民政府</td><td>发布日期:</td><td>2021-01-05</td></tr>
<tr><td>文号:</td><td>深府〔2020〕89号</td></tr></table>
<div class="article"><h1>深圳市人民政府关于加快智慧城市和数字政府建设的若干意见</h1>
<p style="text-align:center">深府〔2020〕89号</p>
<p>各区人民政府,市政府直属各单位:</p>
<p>　　为加快推进智慧城市和数字政府建设,打造具有深度学习能力的<strong>鹏城智能体</strong>,现提出如下意见。</p>
<p>　　<strong>一、总体要求</strong></p>
<p>　　到2025年,建成城市数字底座,政务服务“一网通办”、政府治理“一网统管”全面深化。</p>
<p style="text-align:right">深圳市人民政府<br>2020年12月30日</p>
</div><div class="footer">版权所有:深圳市人民政府办公厅 粤ICP备12345678号</div></body></html>"""


def _load_pages(tmp_path, files):
    for name, text in files.items():
        _write(tmp_path, name, text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = analysis.load_corpus(tmp_path)
    assert not len(df.attrs["skipped"])
    return df.set_index("source")


def test_transmittal_notice_signed_mid_page_by_eight_ministries(tmp_path):
    r = _load_pages(tmp_path, {"ndrc.txt": NDRC_PAGE}).loc["ndrc.txt"]
    assert r.issuer == "国家发展改革委 工业和信息化部 科学技术部 公安部 财政部 国土资源部 住房城乡建设部 交通运输部"
    # the signature beats the page's publication date; the addressee list (…新疆生产建设兵团…) is no hint
    assert (r.date, r.date_source) == ("2014-08-27", "signature")
    assert (r.level, r.region, r.doc_number, r.genre) == ("ministry", "全国", "发改高技〔2014〕1770号", "意见")
    assert r.title == "关于印发促进智慧城市健康发展的指导意见的通知"
    # the transmitted guidance is the body; the signature lines are not text
    assert "智慧城市是运用物联网" in r.text and "到2020年,建成一批" in r.text
    assert "交通运输部\n" not in r.text and "2014年8月27日" not in r.text


def test_signature_date_in_chinese_numerals_and_portal_footer(tmp_path):
    r = _load_pages(tmp_path, {"guangxi.txt": GUANGXI_PAGE}).loc["guangxi.txt"]
    assert (r.date, r.year, r.date_source) == ("2018-12-29", 2018, "signature")
    assert (r.issuer, r.level, r.region) == ("广西壮族自治区人民政府办公厅", "provincial", "广西")
    assert (r.doc_number, r.genre) == ("桂政办发〔2018〕142号", "计划")
    assert "打印本页" not in r.text and "主办" not in r.text and "二〇一八" not in r.text
    assert r.text.rstrip().endswith("统筹推进和综合协调。")


def test_govcn_page_with_metadata_table_and_two_line_title(tmp_path):
    r = _load_pages(tmp_path, {"govcn.txt": GOVCN_PAGE}).loc["govcn.txt"]
    assert r.title == "国务院办公厅关于印发全国一体化政务大数据体系建设指南的通知"
    assert (r.issuer, r.level, r.region) == ("国务院办公厅", "central", "全国")
    assert (r.doc_number, r.date, r.genre) == ("国办函〔2022〕102号", "2022-09-13", "指南")
    assert "此件公开发布" not in r.text and "发文机关" not in r.text
    assert "为贯彻落实党中央、国务院决策部署" in r.text


def test_html_page_with_long_menu_metadata_table_and_inline_markup(tmp_path):
    r = _load_pages(tmp_path, {"shenzhen.html": SHENZHEN_HTML}).loc["shenzhen.html"]
    # the <head> title carries the site name; the page's own title line does not
    assert r.title == "深圳市人民政府关于加快智慧城市和数字政府建设的若干意见"
    assert (r.doc_number, r.genre, r.date) == ("深府〔2020〕89号", "意见", "2020-12-30")
    assert (r.issuer, r.level, r.region) == ("深圳市人民政府", "prefecture", "广东")
    # <strong> inside a paragraph does not break it
    assert "打造具有深度学习能力的鹏城智能体,现提出如下意见。" in r.text
    assert "栏目" not in r.text and "ICP" not in r.text


def test_html_to_text_keeps_inline_markup_in_its_line():
    from analysis.corpus import html_to_text

    html = ("<html><head><title>标题_网站</title></head><body><div>首页</div>"
            "<p>第一段<strong>加粗</strong>继续<a href='#'>链接</a>。</p>"
            "<table><tr><td>文号:</td><td>国发〔2022〕14号</td></tr></table><p>第二段<br>换行</p></body></html>")
    assert html_to_text(html).split("\n") == ["首页", "第一段加粗继续链接。", "文号: 国发〔2022〕14号", "第二段", "换行"]


DECREE_PAGE = """重庆市人民政府
当前位置:首页 > 政务公开 > 政府规章
发布机构 重庆市人民政府 发布日期 2019-08-13
重庆市政务数据资源管理暂行办法
发布日期:2019-08-13　来源:重庆市人民政府　字号:大 中 小
重庆市人民政府令
第328号
《重庆市政务数据资源管理暂行办法》已经2019年7月22日市人民政府第54次常务会议通过,现予公布,自2019年9月1日起施行。
市长　唐良智
2019年7月31日
重庆市政务数据资源管理暂行办法
第一章　总　则
第一条　为了加强政务数据资源管理,推进政务数据资源共享开放和开发利用,制定本办法。
第二条　本市行政区域内政务数据资源的编目、采集、存储、共享、开放等活动,适用本办法。
第三条　本办法自2019年9月1日起施行。
"""

REPOST_PAGE = """人民网 >> 时政
国务院关于加强数字政府建设的指导意见
2022年06月23日17:13 | 来源:中国政府网
小字号
新华社北京6月23日电
国发〔2022〕14号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
　　加强数字政府建设是适应新一轮科技革命和产业变革趋势的必然要求。现提出以下意见。
　　一、总体要求
　　以数字化改革助力政府职能转变,统筹推进各行业各领域政务应用系统集约建设。
　　二、保障措施
　　各地区各部门要结合实际制定具体落实举措。
国务院
2022年6月6日
(责编:王珂、岳弘彬)
分享让更多人看到
推荐阅读
数字政府建设提速
相关链接
人民网 版权所有
"""

MARKDOWN_PAGE = """# 恩施州人民政府办公室关于印发恩施州新型智慧城市建设三年行动方案(2020—2022年)的通知

恩施州政办发〔2020〕12号

各县、市人民政府,州政府各部门:

《恩施州新型智慧城市建设三年行动方案(2020—2022年)》已经州人民政府同意,现印发给你们,请认真贯彻执行。

## 一、总体要求

以**数据共享**为核心,推进[政务服务](http://example.cn)“一网通办”。

## 二、保障措施

成立州新型智慧城市建设领导小组。

恩施土家族苗族自治州人民政府办公室

2020年5月18日
"""


def test_decree_signed_by_a_mayor(tmp_path):
    r = _load_pages(tmp_path, {"decree.txt": DECREE_PAGE}).loc["decree.txt"]
    assert (r.issuer, r.doc_number, r.date) == ("重庆市人民政府", "重庆市人民政府令第328号", "2019-07-31")
    assert (r.level, r.region, r.genre) == ("provincial", "重庆", "办法")
    assert "唐良智" not in r.text and "第一条" in r.text


def test_news_repost_keeps_the_document_not_the_site(tmp_path):
    r = _load_pages(tmp_path, {"repost.txt": REPOST_PAGE}).loc["repost.txt"]
    assert (r.issuer, r.level, r.doc_number, r.date) == ("国务院", "central", "国发〔2022〕14号", "2022-06-06")
    assert r.text.startswith("各省、自治区")  # dateline and news lead dropped
    assert r.text.rstrip().endswith("具体落实举措。")  # editor line, share prompt, related links dropped


def test_markdown_file(tmp_path):
    r = _load_pages(tmp_path, {"enshi.md": MARKDOWN_PAGE}).loc["enshi.md"]
    assert r.title == "恩施州人民政府办公室关于印发恩施州新型智慧城市建设三年行动方案(2020—2022年)的通知"
    assert (r.doc_number, r.level, r.region, r.genre) == ("恩施州政办发〔2020〕12号", "prefecture", "湖北", "方案")
    assert "以数据共享为核心,推进政务服务“一网通办”。" in r.text and "#" not in r.text and "**" not in r.text
    paras = analysis.load_paragraphs(_load_pages(tmp_path, {}).reset_index())
    assert {"一、", "二、"} <= set(paras.section)  # the ## headings are section headings


def test_genre_and_issuer_edge_cases():
    from analysis.metadata import genre_of, split_issuer_title

    assert genre_of("北京市海淀区人民政府关于印发《海淀区城市大脑建设行动计划(2020—2022年)》的通知") == "计划"
    assert split_issuer_title("重庆市政务数据资源管理暂行办法")[0] == ""  # 办法 is no 办(公室)
