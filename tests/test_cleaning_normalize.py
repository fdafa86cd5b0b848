"""Width, spaces, ruby pinyin and NFKC (analysis.cleaning.normalize)."""

from analysis import cleaning


def test_ruby_pinyin_removed_but_latin_kept():
    assert cleaning.remove_ruby_pinyin("關(guān)于加快推進(jìn)") == "關于加快推進"
    assert cleaning.remove_ruby_pinyin("窄带物联网(NB-IoT)") == "窄带物联网(NB-IoT)"
    assert cleaning.remove_ruby_pinyin("张伟(zhang)") == "张伟(zhang)"  # no tone mark: not ruby


def test_width_and_spaces():
    assert cleaning.normalize_width("到２０２０年，建设（一）") == "到2020年,建设(一)"
    assert cleaning.normalize_spaces("科 学 技 术 部公安部") == "科学技术部公安部"
    assert cleaning.normalize_spaces("2014 年 8 月 27 日") == "2014年8月27日"
    assert cleaning.normalize_spaces("中共中央 国务院关于") == "中共中央 国务院关于"


def test_nfkc_folds_compatibility_characters():
    assert cleaning.nfkc("ＡＢＣ１２３") == "ABC123"


def test_plain_pinyin_glosses_removed_when_the_page_prints_several():
    # tests/devset/pages/003.txt: toneless glosses with a layout space after them
    text = "印發《關(guan) 於(yu) 更好發揮數據要素作用》的通知\n市各國家機關(guan) ,各國有企業(ye) ,各人民團體(ti) ,"
    expected = "印發《關於更好發揮數據要素作用》的通知\n市各國家機關,各國有企業,各人民團體,"
    assert cleaning.remove_ruby_pinyin(text) == expected
    # one plain syllable or a list letter is not a gloss
    assert cleaning.remove_ruby_pinyin("方案(a)和方案(b)") == "方案(a)和方案(b)"
