"""Width, spaces, ruby pinyin and NFKC (analysis.cleaning.normalize)."""

from analysis import cleaning
from analysis.cleaning.normalize import count_ruby_pinyin


def test_ruby_pinyin_removed_but_latin_kept():
    assert cleaning.remove_ruby_pinyin("關(guān)于加快推進(jìn)") == "關于加快推進"
    assert cleaning.remove_ruby_pinyin("窄带物联网(NB-IoT)") == "窄带物联网(NB-IoT)"
    assert cleaning.remove_ruby_pinyin("张伟(Zhang Wei)") == "张伟(Zhang Wei)"  # a romanised name


def test_single_plain_gloss_and_reading_lists_removed():
    # tests/devset/holdout6/pages/005.txt: one toneless gloss in the title
    title = "廣東省人民政府辦公廳關于促進和(hé)規範健康醫療大數據應用發展的(de)實施意見"
    assert cleaning.remove_ruby_pinyin(title) == "廣東省人民政府辦公廳關于促進和規範健康醫療大數據應用發展的實施意見"
    # tests/devset/holdout6/pages/017.txt: glosses listing several readings, toned or not
    assert cleaning.remove_ruby_pinyin("國(guó)家信息化發展戰略綱要(yào / yāo)") == "國家信息化發展戰略綱要"
    assert cleaning.remove_ruby_pinyin("印發了(le/liǎo)《綱要》,以爲(wéi / wèi)特征") == "印發了《綱要》,以爲特征"
    assert count_ruby_pinyin("發展的(de)實施意見") == 1


def test_acronyms_and_words_in_brackets_stay():
    for text in (
        "人工智能(AI)",
        "第五代移动通信(5G)",
        "城市信息模型(CIM)",
        "采用(NB-IoT/5G)技术",
        "宽带(Mbps)",
        "(以下简称)",
    ):
        assert cleaning.remove_ruby_pinyin(text) == text
    # lowercase words that are no pinyin syllable, and a lone list letter
    assert cleaning.remove_ruby_pinyin("应用程序(app)和(kg)") == "应用程序(app)和(kg)"


def test_width_and_spaces():
    assert cleaning.normalize_width("到２０２０年，建设（一）") == "到2020年,建设(一)"
    assert cleaning.normalize_spaces("科 学 技 术 部公安部") == "科学技术部公安部"
    assert cleaning.normalize_spaces("2014 年 8 月 27 日") == "2014年8月27日"
    assert cleaning.normalize_spaces("中共中央 国务院关于") == "中共中央 国务院关于"


def test_nfkc_folds_compatibility_characters():
    assert cleaning.nfkc("ＡＢＣ１２３") == "ABC123"


def test_plain_pinyin_glosses_removed_with_their_layout_space():
    # tests/devset/pages/003.txt: toneless glosses with a layout space after them
    text = "印發《關(guan) 於(yu) 更好發揮數據要素作用》的通知\n市各國家機關(guan) ,各國有企業(ye) ,各人民團體(ti) ,"
    expected = "印發《關於更好發揮數據要素作用》的通知\n市各國家機關,各國有企業,各人民團體,"
    assert cleaning.remove_ruby_pinyin(text) == expected
    # a list letter is not a gloss
    assert cleaning.remove_ruby_pinyin("方案(a)和方案(b)") == "方案(a)和方案(b)"


def test_ruby_pinyin_after_a_layout_space_or_spaced_out_is_removed():
    # tests/devset/holdout/pages/029.txt with a space before a gloss (a justified title line)
    assert cleaning.remove_ruby_pinyin("澠池縣5G產 (chǎn)業(yè)發(fā)展") == "澠池縣5G產業發展"
    # tests/devset/pages/022.txt with a space inside a gloss ("據(j ù)")
    assert cleaning.remove_ruby_pinyin("國家大數(shù)據(j ù)綜合試驗區(qū)") == "國家大數據綜合試驗區"
    # without a tone mark a spaced bracket may be other text: an acronym, a list label, initials
    assert cleaning.remove_ruby_pinyin("人工智能 (ai)") == "人工智能 (ai)"
    assert cleaning.remove_ruby_pinyin("网络 (a n)") == "网络 (a n)"
    assert cleaning.remove_ruby_pinyin("人工智能(AI)") == "人工智能(AI)"
    # readings separated by " / " are no spaced reading, toned or not
    assert cleaning.remove_ruby_pinyin("各地(di / de)區") == "各地區"
