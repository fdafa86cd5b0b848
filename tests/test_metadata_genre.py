"""Genre and issuer edge cases (analysis.metadata.genre, analysis.metadata.issuer)."""


def test_genre_and_issuer_edge_cases():
    from analysis.metadata import genre_of, split_issuer_title

    assert genre_of("北京市海淀区人民政府关于印发《海淀区城市大脑建设行动计划(2020—2022年)》的通知") == "计划"
    assert split_issuer_title("重庆市政务数据资源管理暂行办法")[0] == ""  # 办法 is no 办(公室)
