"""Tests for analysis.segment.provenance_info: provenance and tokenizer_provenance."""

from __future__ import annotations

import hashlib
import json

import jieba

from analysis import segment
from analysis.segment import (
    DICTIONARY_VERSION,
    Tokenizer,
    provenance,
    tokenizer_provenance,
)
from analysis.segment import dictionary as segment_dictionary
from analysis.segment import tokenizer as segment_tokenizer


def test_provenance_reports_versions_and_file_hashes():
    info = provenance()
    assert info["jieba_version"] == jieba.__version__
    assert info["dictionary_version"] == DICTIONARY_VERSION
    assert info["package"] == "analysis" and info["package_version"]
    for path in (segment.USER_DICT_PATH, segment.STOPWORDS_PATH, segment.BOILERPLATE_PATH):
        assert info["files"][path.name] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert info["fingerprint"] == segment.get_default_tokenizer().fingerprint
    assert provenance(Tokenizer(boilerplate=True))["tokenizer"]["boilerplate"] is True
    assert provenance(str.split)["fingerprint"] is None


def test_fingerprint_depends_on_data_files_engine_and_its_version(monkeypatch):
    base = Tokenizer().fingerprint
    reference = Tokenizer(engine="jieba").fingerprint
    assert Tokenizer().fingerprint == base
    assert Tokenizer(min_len=1).fingerprint != base
    assert reference != base
    # each engine's fingerprint follows its own library's version, not the other's
    monkeypatch.setattr(jieba, "__version__", "0.0.0")
    assert Tokenizer(engine="jieba").fingerprint != reference
    assert Tokenizer().fingerprint == base
    monkeypatch.setattr(segment_tokenizer, "rjieba_version", lambda: "0.0.0")
    assert Tokenizer().fingerprint != base
    monkeypatch.undo()
    monkeypatch.setattr(segment_dictionary, "file_sha256", lambda path: "0" * 64)
    assert Tokenizer().fingerprint != base


def test_tokenizer_provenance_is_a_record_with_the_same_facts(tmp_path):
    from analysis.provenance import Provenance

    tok = Tokenizer(boilerplate=True, extra_terms=["三融五跨"])
    record = tokenizer_provenance(tok, step="term_frequencies", params={"by": "year"})
    assert isinstance(record, Provenance)
    assert record.step == "term_frequencies" and record.params == {"by": "year"}
    flat = provenance(tok)
    for key in ("dictionary_version", "files", "tokenizer", "fingerprint"):
        assert record.data[key] == flat[key]
    assert record.versions["jieba"] == jieba.__version__
    written = record.write(tmp_path / "tf")
    assert written.name == "tf.json"
    assert json.loads(written.read_text(encoding="utf-8"))["data"]["fingerprint"] == tok.fingerprint


def test_tokenizer_provenance_defaults_and_foreign_callables():
    record = tokenizer_provenance()
    assert record.step == "tokenize_corpus" and record.params == {}
    assert record.data["fingerprint"] == segment.get_default_tokenizer().fingerprint
    assert tokenizer_provenance(str.split).data["fingerprint"] is None


def test_provenance_dict_keeps_its_key_order():
    # notebook 02 writes this dict as tables/02_provenance.json; the order is part of the file
    assert list(provenance()) == [
        "package",
        "package_version",
        "jieba_version",
        "rjieba_version",
        "dictionary_version",
        "files",
        "tokenizer",
        "fingerprint",
    ]
    assert list(provenance()["files"]) == ["policy_userdict.txt", "stopwords_zh.txt", "stopwords_boilerplate.txt"]
