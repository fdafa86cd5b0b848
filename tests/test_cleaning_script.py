"""Script detection and conversion (analysis.cleaning.script)."""

from pathlib import Path

from analysis import cleaning

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SHAANXI = (SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8")
ZHENGZHOU = (SEEDS / "002_cfdf9cd42da11f50.txt").read_text(encoding="utf-8")


def test_traditional_to_simplified():
    assert cleaning.detect_script(ZHENGZHOU) == "traditional"
    assert cleaning.detect_script(SHAANXI) == "simplified"
    assert (
        cleaning.to_simplified("鄭州市人民政府關于加快推進新型智慧城市建設")
        == "郑州市人民政府关于加快推进新型智慧城市建设"
    )
    assert cleaning.to_simplified(SHAANXI) == SHAANXI


def test_text_without_han_characters_has_no_script():
    assert cleaning.detect_script("hello 2021") == "none"


def test_sample_is_bounded_and_spread_over_the_text():
    short = "智慧城市" * 100
    assert cleaning.script_sample(short) == short  # 400 characters: read whole
    long = "".join(f"{i:05d}" for i in range(20000))  # 100,000 characters, each position readable
    sample = cleaning.script_sample(long)
    assert len(sample) <= cleaning.SCRIPT_SAMPLE + 7
    windows = sample.split("\n")
    assert len(windows) == 8
    assert windows[0] == long[:250] and windows[-1] == long[-250:]


def test_traditional_body_below_a_long_simplified_header_is_found():
    # 3,000 characters of simplified site navigation, then a traditional page of 9,000:
    # the windows spread over the text see the body (6 of 8 windows are traditional).
    header = "首页 政务公开 政策文件 " * 250
    body = "鄭州市人民政府關於加快推進新型智慧城市建設的實施意見" * 350
    assert cleaning.detect_script(header) == "simplified"
    assert cleaning.detect_script(header + body) == "traditional"


def test_clean_text_decides_the_script_once(monkeypatch):
    calls = []
    real = cleaning.script.detect_script

    def counting(text, **kw):
        calls.append(len(text))
        return real(text, **kw)

    cleaning.pipeline._clean.cache_clear()  # the last texts cleaned are cached
    monkeypatch.setattr(cleaning.pipeline, "detect_script", counting)
    monkeypatch.setattr(cleaning.script, "detect_script", counting)
    clean = cleaning.clean_text(ZHENGZHOU)
    assert len(calls) == 1  # the fixpoint loop runs several rounds but converts and decides once
    assert "郑州市人民政府" in clean and "鄭州" not in clean
    calls.clear()
    cleaning.pipeline._clean.cache_clear()
    assert cleaning.clean_text(ZHENGZHOU, script="traditional") == clean
    assert calls == []  # a caller's decision is used, not made again
    # a decision of "simplified" leaves traditional characters alone, as simplify=False does
    assert cleaning.clean_text(ZHENGZHOU, script="simplified") == cleaning.clean_text(ZHENGZHOU, simplify=False)


def test_t2s_precheck_is_exact_for_every_han_character_and_phrase(tmp_path):
    # may_change_t2s(text) False must mean t2s(text) == text: every Han character that t2s
    # changes alone is in its set, and every dictionary entry that changes text holds one.
    import subprocess

    import opencc

    from analysis.cleaning.script import _HAN_BLOCKS, converter, may_change_t2s

    t2s = converter("t2s").convert
    for lo, hi in _HAN_BLOCKS:
        chars = [chr(i) for i in range(lo, hi + 1)]
        converted = t2s("\n".join(chars)).split("\n")
        assert all(may_change_t2s(c) for c, s in zip(chars, converted) if c != s)
    assert not may_change_t2s("智慧城市建设") and may_change_t2s("鄭州") and may_change_t2s("反覆")
    assert t2s("反覆") == "反复" and t2s("一目瞭然") == "一目了然"  # changed only inside phrases
    # the phrase dictionaries themselves, when OpenCC's dictionary tool is installed with it
    clib = Path(opencc.__file__).parent / "clib"
    tool = clib / "bin" / "opencc_dict"
    if not tool.exists():
        return
    for name in ("TSPhrases", "TSCharacters"):
        out = tmp_path / f"{name}.txt"
        env = {"LD_LIBRARY_PATH": str(clib / "lib")}
        args = [str(tool), "-i", str(clib / "share" / "opencc" / f"{name}.ocd2"), "-o", str(out)]
        subprocess.run([*args, "-f", "ocd2", "-t", "text"], check=True, env=env)
        for line in out.read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            value = values.split(" ")[0]
            # an entry that changes text holds a character of the set, so text without one
            # matches no such entry and every character of it stays as it is
            assert key == value or may_change_t2s(key), key


def test_furniture_converts_only_lines_that_can_change(monkeypatch):
    from analysis.cleaning import furniture

    furniture._simplified.cache_clear()
    furniture._rule_of.cache_clear()
    calls = []
    real = furniture.converter

    def counting(config):
        calls.append(config)
        return real(config)

    monkeypatch.setattr(furniture, "converter", counting)
    assert furniture.furniture_rule("版权所有 智慧城市网") == "copyright"
    assert calls == []  # a simplified line is matched as it is
    assert furniture.furniture_rule("版權所有 智慧城市網") == "copyright"
    assert calls == ["t2s"]  # a traditional one converted once (decision and conversion in one)
    furniture._simplified.cache_clear()
    furniture._rule_of.cache_clear()
