"""A caption cue with no words (a sound shown on screen: "[APPLAUSE]", "(LAUGHTER)") is nobody's talk
time (found by a new-user test: it lengthened the turn before it, or made an UNKNOWN speaker).
Seconds below are read by hand off the cue times in each test.
"""

from __future__ import annotations

from podium.parse import parse_text

VTT = """WEBVTT

00:00:00.000 --> 00:00:02.000
<v Anna>Thank you all for coming tonight.

00:00:02.000 --> 00:00:12.000
[APPLAUSE]

00:00:12.000 --> 00:00:14.000
<v Ben>Let me start with a question.

00:00:14.000 --> 00:00:24.000
(LAUGHTER)

00:00:24.000 --> 00:00:26.000
<v Anna>That is all for today.
"""


def test_a_cue_of_only_a_sound_adds_no_talk_time_and_keeps_its_text():
    t = parse_text(VTT, name="applause.vtt")
    turns = t.turns
    assert list(turns["speaker"]) == ["Anna", "Ben", "Anna"]
    assert list(turns["end_s"]) == [2.0, 14.0, 26.0]  # the turn ends where its words do
    talk = turns.groupby("speaker")["speech_s"].sum().to_dict()
    assert talk == {"Anna": 4.0, "Ben": 2.0}  # 2 s + 2 s; 2 s
    assert "[APPLAUSE]" in turns["text"].iloc[0] and "(LAUGHTER)" in turns["text"].iloc[1]
    assert list(turns["n_words"]) == [6, 6, 5]


def test_an_unnamed_sound_cue_first_is_not_a_speaker():
    srt = (
        "1\n00:00:00,000 --> 00:00:03,000\n[MUSIC PLAYING]\n\n"
        "2\n00:00:03,000 --> 00:00:05,000\nANNA: Good evening.\n\n"
        "3\n00:00:05,000 --> 00:00:07,000\nBEN: Hello.\n\n"
        "4\n00:00:07,000 --> 00:00:09,000\nANNA: Welcome.\n"
    )
    turns = parse_text(srt, name="music.srt").turns
    assert list(turns["speaker"]) == ["ANNA", "BEN", "ANNA"]
    assert turns.groupby("speaker")["speech_s"].sum().to_dict() == {"ANNA": 4.0, "BEN": 2.0}

