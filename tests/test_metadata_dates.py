"""The one date parser (analysis.metadata.dates)."""

from analysis.metadata import (
    cited_lower_bound,
    date_line,
    date_parts,
    find_dates,
    numeric_stamp_date,
    plan_period_start,
    signature_date,
)


def test_dates_in_chinese_numerals():
    got = [
        (d.iso, d.year) for d in find_dates("广西壮族自治区人民政府办公厅\n二〇一八年十二月二十九日\n二○二〇年十月印发")
    ]
    assert got == [("2018-12-29", 2018), ("2020-10", 2020)]
    # an impossible day is not a date
    assert find_dates("二〇一八年二月三十五日") == []


def test_date_line_is_a_line_of_nothing_but_a_full_date():
    assert date_line("(2020年10月11日)").iso == "2020-10-11"
    assert date_line("二〇一八年十二月二十九日").iso == "2018-12-29"
    assert date_line("2021年3月") is None  # not a full date
    assert date_line("于2016年12月16日前完成") is None


def test_signature_date_follows_an_organisation():
    text = "请认真贯彻执行。\n陕西省人民政府办公厅\n2018年8月25日\n(此件公开发布)"
    assert signature_date(text).iso == "2018-08-25"
    assert signature_date("各地于2016年12月16日前报送。") is None


def test_plan_period_and_cited_lower_bound():
    assert plan_period_start("数字山东发展规划(2018-2022年)") == 2018
    assert plan_period_start("关于加快推进智慧城市的意见") is None
    got = cited_lower_bound("根据豫郑办〔2020〕27号和《规划(2016—2020年)》")
    assert (got.year, got.source) == (2020, "cited documents (lower bound)")
    assert cited_lower_bound("没有引用") is None


def test_date_parts_of_table_values():
    assert date_parts("2021-03") == (2021, 3, 0)
    assert date_parts(None, 2019) == (2019, 0, 0)


def test_run_together_date_reads_only_an_unambiguous_run():
    from analysis.metadata import run_together_date

    # tests/devset/pages/069.txt prints "2018213日", 075.txt "2023325"
    assert run_together_date("2018213日").iso == "2018-02-13"
    assert run_together_date("2023325").iso == "2023-03-25"
    assert run_together_date("2018111") is None  # 1月11日 or 11月1日: not guessed
    # tests/devset/holdout11/pages/056.txt: "2022109" under the signing office; a day is never
    # printed with a leading zero, so 1月09日 is no reading and 10月9日 the one left
    assert run_together_date("2022109").iso == "2022-10-09"
    assert run_together_date("2022101").iso == "2022-10-01"
    assert run_together_date("20221010").iso == "2022-10-10"
    assert run_together_date("2022011") is None  # a leading zero: no 公文 date


def test_a_date_that_kept_its_month_mark_but_lost_year_or_day_mark():
    from analysis.metadata import run_together_date

    # tests/devset/holdout16/pages/041.txt: "2020年5月12" under the signing body (日 lost in print)
    assert run_together_date("2020年5月12").iso == "2020-05-12"
    assert run_together_date("20205月12日").iso == "2020-05-12"  # 年 lost
    assert run_together_date("2020年5月42") is None  # no such day
    assert run_together_date("2020年5月") is None  # a month alone is no damaged date
    assert run_together_date("截至2020年5月12") is None  # words around it: no signature line


def test_iso_date_with_spaces_after_separators():
    from analysis.metadata import find_dates

    # tests/devset/pages/006.txt: "发布日期: 2022- 04- 27"
    assert [d.iso for d in find_dates("发布日期: 2022- 04- 27 浏览次数:")] == ["2022-04-27"]


def test_date_line_with_the_month_alone():
    # tests/devset/holdout2/pages/032.txt: a plan's cover dated "2021年12月"
    assert date_line("2021年12月") is None
    assert date_line("2021年12月", month=True).iso == "2021-12"
    assert date_line("二〇二一年十二月", month=True).iso == "2021-12"
    assert date_line("2021年12月起", month=True) is None and date_line("2021-12", month=True) is None
    assert date_line("2021年12月6日", month=True).iso == "2021-12-06"


def test_numeric_stamp_printed_year_last():
    # tests/devset/holdout6/pages/019.txt: an aggregator's stamp, day first (28 > 12 tells the order)
    d = numeric_stamp_date("28.08.2017  08:48")
    assert d is not None and (d.iso, d.year) == ("2017-08-28", 2017)
    # tests/devset/holdout12/pages/017.txt: 4 January or 1 April -- only the year is certain
    d = numeric_stamp_date("04.01.2016  19:30")
    assert d is not None and (d.iso, d.year) == ("2016", 2016)
    # month first when the second number can only be the day
    d = numeric_stamp_date("01/24/2016")
    assert d is not None and d.iso == "2016-01-24"
    # impossible, or not a stamp on its own line
    assert numeric_stamp_date("13.13.2016") is None
    assert numeric_stamp_date("00.01.2016") is None
    assert numeric_stamp_date("发布于 04.01.2016") is None
    assert numeric_stamp_date("2016.01.04") is None
