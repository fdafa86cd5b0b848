"""A realistic small corpus for the citation tests: a ministry, a province, two of its cities, another province."""

from __future__ import annotations

from pathlib import Path

PAGES = {
    "00_national.txt": """国家发展改革委等八部委关于印发促进智慧城市健康发展的指导意见的通知
发改高技〔2014〕1770号
各省、自治区、直辖市人民政府：
为贯彻落实《国家新型城镇化规划（2014－2020年）》，促进智慧城市健康发展，现将《关于促进智慧城市健康发展的指导意见》印发给你们，请结合实际认真贯彻落实。
一、充分认识推进智慧城市建设的重要意义。
国家发展改革委
2014年8月27日
""",
    "01_province.txt": """江西省人民政府关于加快推进新型智慧城市建设的指导意见
赣府发〔2019〕12号
各设区市人民政府，省政府各部门：
为贯彻落实国家发展改革委等八部委《关于促进智慧城市健康发展的指导意见》（发改高技〔2014〕1770号）精神，加快推进全省新型智慧城市建设，现提出如下意见。
一、总体要求。以数据驱动为核心，推动城市治理体系和治理能力现代化，建设优政、惠民、兴业、强基的新型智慧城市。
二、保障措施。各设区市要建立工作推进机制，加强统筹协调。
江西省人民政府
2019年3月5日
""",
    "02_city_number.txt": """南昌市人民政府关于印发南昌市新型智慧城市建设实施方案的通知
洪府发〔2019〕30号
各县（区）人民政府，市政府各部门：
根据赣府发〔2019〕12号文件精神，结合我市实际，制定本方案。现将《南昌市新型智慧城市建设实施方案》印发给你们，请认真贯彻执行。
一、主要目标。到2022年，全市政务服务一网通办，城市运行一网统管。
南昌市人民政府
2019年8月20日
""",
    "03_city_title.txt": """九江市人民政府办公室关于推进智慧城市建设的实施意见
九府办发〔2020〕5号
各县（市、区）人民政府，市政府各部门：
为深入落实《省政府关于加快推进新型智慧城市建设的指导意见》，加快建设智慧九江，经市政府同意，提出如下实施意见。
一、建设城市大脑。整合全市数据资源，推动数据共享开放。
九江市人民政府办公室
2020年6月1日
""",
    "04_other_province_city.txt": """泉州市人民政府关于加快推进新型智慧城市建设的指导意见
泉政文〔2021〕8号
各县（市、区）人民政府，市直各单位：
为贯彻落实《省政府关于加快推进新型智慧城市建设的指导意见》和《福建省数字政府建设总体方案》，加快我市新型智慧城市建设，提出如下意见。
一、夯实基础设施。推进5G网络和城市感知体系建设，落实《关于推进智慧城市建设的实施意见》提出的各项任务。
泉州市人民政府
2021年4月9日
""",
}


def write_citation_corpus(folder: Path) -> Path:
    """Write the five pages into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load_citation_corpus(folder: Path):
    """``analysis.load_corpus`` of the five pages (loader warnings silenced)."""
    import warnings

    import analysis

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.load_corpus(write_citation_corpus(folder))
