"""Sentences from term tables: the direction of a keyword is never misstated."""

import pandas as pd

from analysis.narrative import cooccurrence_sentence, keyness_groups_sentence, keyness_sentence, top_terms_sentence


def test_top_terms_sentence_names_counts_and_documents():
    tf = pd.DataFrame({"term": ["数据", "平台", "城市"], "count": [5, 9, 5], "doc_freq": [2, 1, 3]})
    assert (
        top_terms_sentence(tf, n=2)
        == "The most frequent terms are 平台 (9, in 1 document) and 城市 (5, in 3 documents)."
    )
    assert "not computed" in top_terms_sentence(tf.iloc[:0])


def _key():
    # as frequency.keyness returns it: target keywords first, reference keywords signed negative
    return pd.DataFrame(
        {
            "term": ["感知", "平台", "建设", "指标", "填报"],
            "g2": [12.0, 7.0, 0.2, -6.7, -20.0],
            "direction": ["target", "target", "target", "reference", "reference"],
        }
    )


def test_keyness_sentence_lists_only_significant_terms_on_their_own_side():
    text = keyness_sentence(_key(), "later documents", "earlier documents")
    assert text == (
        "Compared with each other, later documents over-use 感知 (G2 12.0) and 平台 (G2 7.0); "
        "earlier documents over-use 填报 (G2 20.0) and 指标 (G2 6.7)."
    )
    assert "建设" not in text  # G2 0.2: a difference chance explains


def test_keyness_sentence_says_when_a_side_has_no_keyword():
    key = _key()[_key().direction == "target"]
    assert "no term is over-used by earlier documents (none reaches G2 6.63)" in keyness_sentence(
        key, "later", "earlier documents"
    )
    assert keyness_sentence(key.iloc[:0], "a", "b").startswith("No term is frequent enough")


def test_keyness_sentence_warns_when_a_side_is_a_small_group():
    assert "describe its documents rather than" in keyness_sentence(_key().assign(small_group=True), "a", "b")
    assert "describe its documents" not in keyness_sentence(_key().assign(small_group=False), "a", "b")


def test_groups_sentence_names_a_one_document_group():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "title": ["关于推进智慧城市建设的通知", "浙江省数字政府建设方案", "宁波市数字政府建设方案"],
            "short_title": ["推进智慧城市建设", "浙江省数字政府建设方案", "宁波市数字政府建设方案"],
            "issuer": ["国务院办公厅", "浙江省人民政府", "宁波市人民政府"],
            "level": ["central", "provincial", "prefecture"],
            "region": ["全国", "浙江", "浙江"],
            "year": [2020, 2021, 2022],
            "date_source": ["signature"] * 3,
            "n_chars": [336, 1200, 800],
        }
    )
    text = keyness_groups_sentence(corpus, corpus.level == "central", "national", "local")
    assert text.startswith("Groups compared: national: 1 document, 336 characters (only 2020")
    assert text.endswith("local: 2 documents, 2,000 characters.")


def test_cooccurrence_sentence_orders_by_weight():
    edges = pd.DataFrame({"term_a": ["教育", "幸福感"], "term_b": ["医疗", "获得感"], "jaccard": [0.4, 0.8]})
    assert cooccurrence_sentence(edges) == (
        "2 pairs of terms pass the threshold; the strongest by jaccard are 幸福感–获得感 (0.80) and 教育–医疗 (0.40)."
    )
    assert "not computed" in cooccurrence_sentence(edges.iloc[:0])
