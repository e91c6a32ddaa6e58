"""Keyword in context: any word or phrase, word-boundary context, quotes, times."""

import pandas as pd

from podium.kwic import KWIC_COLUMNS, kwic, quote


def _turns(*texts, start=0.0, end=60.0):
    return pd.DataFrame(
        {"turn_id": range(len(texts)), "speaker": "A", "text": list(texts), "start_s": start, "end_s": end}
    )


def test_every_occurrence_in_order_with_speaker_turn_and_time(seed_transcript):
    # the hit's time is its turn's start plus its share of the turn by position; give turn 5
    # (68 words) a known span of 100 s to 168 s so the time is checked independently of the rate
    turns = seed_transcript.turns
    turns = turns.assign(
        start_s=turns["start_s"].where(turns["turn_id"] != 5, 100.0),
        end_s=turns["end_s"].where(turns["turn_id"] != 5, 168.0),
    )
    lines = kwic(turns, "no change")
    assert list(lines.columns) == list(KWIC_COLUMNS)
    assert list(lines["turn_id"]) == [4, 5, 5]
    assert list(lines["speaker"]) == ["REPORTER", "ANTONY BLINKEN", "ANTONY BLINKEN"]
    assert lines.loc[0, "left"] == "Well, there is "
    assert lines.loc[0, "right"] == " in the US or NATO position in this document."
    # the second "no change" in turn 5 is its 11th token: 100 + 68 * 10 / 68 = 110 s
    assert abs(lines.loc[2, "time_s"] - 110.0) < 0.01


def test_quote_text_for_a_hit(seed_transcript):
    # times independent of the rate: turn 4 (14 words) spans 60-74 s, turn 5 (68 words) 100-168 s;
    # "no change" is token 3 of turn 4 (63 s = 1:03) and token 10 of turn 5 (110 s = 1:50)
    turns = seed_transcript.turns
    turns = turns.assign(
        start_s=turns["start_s"].mask(turns["turn_id"] == 4, 60.0).mask(turns["turn_id"] == 5, 100.0),
        end_s=turns["end_s"].mask(turns["turn_id"] == 4, 74.0).mask(turns["turn_id"] == 5, 168.0),
    )
    lines = kwic(turns, "no change")
    assert lines.loc[2, "quote"] == "\u201cThere will be no change,\u201d ANTONY BLINKEN said at about 1:50."
    assert lines.loc[0, "quote"] == (
        "\u201cWell, there is no change in the US or NATO position in this document,\u201d REPORTER said at about 1:03."
    )
    # turn 2 starts at 74.53 s (236 words at 190 wpm) and lasts 17 words (5.37 s); "concessions"
    # is its 15th word: 74.53 + 5.37 * 14 / 17 = 78.95 s
    # turn 2 (17 words) given 70-87 s: "concessions" is its token 14, so 70 + 14 = 84 s = 1:24
    turns2 = turns.assign(
        start_s=turns["start_s"].mask(turns["turn_id"] == 2, 70.0),
        end_s=turns["end_s"].mask(turns["turn_id"] == 2, 87.0),
    )
    question = kwic(turns2, "concessions")
    assert question.loc[0, "quote"] == (
        "\u201cSo you would say that it is accurate to say that there are no concessions in this?\u201d "
        "REPORTER asked at about 1:24."
    )
    assert (
        quote("U.S. forces stay.", "MR. X", 3725, estimated=False)
        == "\u201cU.S. forces stay,\u201d MR. X said at 1:02:05."
    )


def test_any_word_said_once_is_found(seed_transcript):
    lines = kwic(seed_transcript.turns, "pointblank")
    assert list(lines["turn_id"]) == [0] and list(lines["keyword"]) == ["pointblank"]
    assert kwic(seed_transcript.turns, "never said this").empty
    assert kwic(seed_transcript.turns, "   ").empty


def test_context_is_cut_at_word_boundaries(seed_transcript):
    lines = kwic(seed_transcript.turns, "uphold", window=30)
    for left, right in lines[["left", "right"]].itertuples(index=False):
        assert left.startswith("\u2026") or left == seed_transcript.turns["text"][0][: len(left)]
        first = left.lstrip("\u2026").split(" ")[0]
        assert first == "" or first in seed_transcript.turns["text"].str.cat(sep=" ").split()
        assert right.endswith("\u2026") or right.endswith(".")
    # the 30 characters before the second "uphold" start exactly at a word: nothing is dropped
    assert lines.loc[1, "left"] == "\u2026many, many years that we will "


def test_same_tokens_as_the_counts():
    turns = _turns("NATO's open-door policy.", "U.S. forces; US forces; us.", "Go ahead, please.")
    assert list(kwic(turns, "nato open door")["keyword"]) == ["NATO's open-door"]
    assert list(kwic(turns, "open door")["keyword"]) == ["open-door"]
    assert list(kwic(turns, "Lander's")["keyword"]) == []
    assert list(kwic(turns, "US forces")["keyword"]) == ["U.S. forces", "US forces"]
    assert list(kwic(turns, "us")["keyword"]) == ["U.S", "US", "us"]  # typed in lower case: any case
    assert list(kwic(turns, "us", exact=True)["keyword"]) == ["us"]
    assert list(kwic(turns, "go ahead please")["keyword"]) == ["Go ahead, please"]
    assert list(kwic(turns, "mr president")["keyword"]) == []
    assert list(kwic(_turns("doors open; open door; opendoor"), "open door")["keyword"]) == ["open door"]


def test_quote_keeps_a_name_with_a_middle_initial_in_one_sentence():
    turns = _turns("Welcome. This is the debate between President Donald J. Trump and Joe Biden. Plan B. Go.")
    assert kwic(turns, "trump").loc[0, "quote"].startswith("\u201cThis is the debate between President Donald J. Trump")


def test_curly_apostrophes_and_case_folded_words_are_found():
    # the search skips turns whose folded text cannot hold the query; these all can
    turns = _turns("The Lander\u2019s plan.", "STRASSE and Straße.", "Nothing here.")
    assert list(kwic(turns, "lander")["keyword"]) == ["Lander\u2019s"]
    assert list(kwic(turns, "Lander's")["keyword"]) == ["Lander\u2019s"]
    assert list(kwic(turns, "straße")["keyword"]) == ["Straße"]
    assert list(kwic(turns, "strasse")["keyword"]) == ["STRASSE"]
