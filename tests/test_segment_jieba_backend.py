"""Tests for analysis.segment.jieba_backend: the private jieba instance."""

from __future__ import annotations

import subprocess
import sys

import jieba

from analysis.segment import (
    Tokenizer,
    tokenize,
)


def test_plain_jieba_splits_the_key_terms():
    # The reason the dictionary exists: without it these are broken up.
    assert jieba.lcut("智慧城市") != ["智慧城市"]
    assert jieba.lcut("一网通办") != ["一网通办"]


def test_global_jieba_is_not_modified():
    tokenize("一网通办")
    Tokenizer(extra_terms=["三融五跨"])("三融五跨")
    assert jieba.lcut("一网通办") != ["一网通办"]
    assert "三融五跨" not in jieba.lcut("推进三融五跨")


def test_jieba_loading_is_silent():
    code = "from analysis.segment import tokenize; print(tokenize('推进一网通办'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "['推进', '一网通办']"
    for message in ("Building prefix dict", "Loading model", "Dumping model", "Prefix dict"):
        assert message not in done.stderr
