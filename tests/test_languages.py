"""Other languages and scripts (issue 10): full-width colons, labels without capitals, words of
Chinese and Japanese, questions, right-to-left text, the word cloud's font. Hand-checked values."""

import pandas as pd

from components.fonts import _charset, cloud_font
from podium import parse_text
from podium.export import export_tables
from podium.text import sentence_runs, words

CHINESE = "新闻发布会\n\n主持人：欢迎各位。\n\n记者：预算什么时候公布？\n\n发言人：下周公布。\n\n记者：你确定吗\n"


def test_full_width_colon_labels_words_and_questions_in_chinese():
    t = parse_text(CHINESE)
    assert list(t.turns["speaker"]) == ["主持人", "记者", "发言人", "记者"]
    assert list(t.turns["text"]) == ["欢迎各位。", "预算什么时候公布？", "下周公布。", "你确定吗"]
    # 欢迎 | 各位; 预算 | 什么 | 时候 | 公布; 下周 | 公布; 你 | 确定 | 吗
    assert list(t.turns["n_words"]) == [2, 4, 2, 3]
    assert list(t.turns["is_question"]) == [False, True, False, True]
    assert list(t.turns["role"]) == ["question", "question", "answer", "question"]
    assert t.title == "新闻发布会"


def test_chinese_phrases_are_counted_from_words():
    assert sentence_runs("预算什么时候公布？下周公布。") == [["预算", "什么", "时候", "公布"], ["下周", "公布"]]


def test_japanese_is_split_where_the_script_changes():
    assert words("今日は予算について話します") == ["今日", "は", "予算", "について", "話", "します"]
    t = parse_text("司会：ようこそ。\n\n記者：予算はいつですか。\n\n司会：来週です。\n")
    assert list(t.turns["speaker"]) == ["司会", "記者", "司会"]
    assert list(t.turns["is_question"]) == [False, True, False]


def test_right_to_left_labels_and_arabic_question_mark(tmp_path):
    text = "صحفي: متى الميزانية؟\n\nالوزير: الأسبوع المقبل.\n"
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["صحفي", "الوزير"]
    assert list(t.turns["n_words"]) == [2, 2]
    assert list(t.turns["is_question"]) == [True, False]
    export_tables(t, tmp_path)
    turns_csv = pd.read_csv(tmp_path / "turns.csv", encoding="utf-8-sig")
    # strings stay exactly as in the source: no reshaping into presentation forms, no reordering
    assert list(turns_csv["speaker"]) == ["صحفي", "الوزير"]
    assert list(turns_csv["text"]) == ["متى الميزانية؟", "الأسبوع المقبل."]


def test_the_word_cloud_font_covers_the_text():
    for phrases in (["预算", "公布"], ["今日", "について"], ["الميزانية"], ["open door"]):
        path, missing = cloud_font(phrases)
        assert missing == []
        assert all(ord(c) in _charset(path) for p in phrases for c in p if not c.isspace())
