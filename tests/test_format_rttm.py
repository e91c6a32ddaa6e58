"""pyannote RTTM: a crafted file, speakers and times checked by hand (RTTM has no words)."""

import pytest

from podium import parse_text
from podium.formats import detect_format
from podium.model import ParseError

RTTM = """SPKR-INFO council 1 <NA> <NA> <NA> unknown spk_A <NA> <NA>
SPEAKER council meeting 2024 1 0.500 2.250 <NA> <NA> spk_A <NA> <NA>
SPEAKER council meeting 2024 1 3.000 1.000 <NA> <NA> spk_B <NA> <NA>
SPEAKER council meeting 2024 1 oops 1.000 <NA> <NA> spk_B <NA> <NA>
SPEAKER council meeting 2024 1 4.250 0.750 <NA> <NA> spk_A <NA> <NA>
SPEAKER council meeting 2024 1 5.000 0.500 <NA> <NA> spk_A <NA> <NA>
"""


def test_rttm_fifth_field_is_a_duration_and_file_ids_may_have_spaces():
    assert detect_format(RTTM, "meeting.rttm") == "rttm"
    t = parse_text(RTTM, name="meeting.rttm")
    turns = t.turns
    assert list(turns["speaker"]) == ["spk_A", "spk_B", "spk_A"]
    assert list(turns["start_s"]) == [0.5, 3.0, 4.25]
    # 0.5 + 2.25 = 2.75, not 2.25; spk_A's last two segments touch and merge: 4.25 to 5.5
    assert list(turns["end_s"]) == [2.75, 4.0, 5.5]
    assert list(turns["speech_s"]) == [2.25, 1.0, 1.25]
    assert turns["n_words"].sum() == 0
    assert t.timing == "source"
    assert any("line 4" in n for n in t.notices)  # the malformed line, reported with its number
    assert any("without words" in n for n in t.notices)


def test_rttm_without_speaker_lines_is_a_clear_error():
    with pytest.raises(ParseError, match="no readable SPEAKER"):
        parse_text("SPKR-INFO f 1 <NA> <NA> <NA> unknown spk <NA> <NA>\n", name="x.rttm", source_format="rttm")


SEGMENTS = """SPEAKER call 1 0.000 4.000 <NA> <NA> spk_A <NA> <NA>
SPEAKER call 1 4.500 3.500 <NA> <NA> spk_B <NA> <NA>
SPEAKER call 1 8.200 1.800 <NA> <NA> spk_A <NA> <NA>
"""

CAPTIONS = (
    "1\n00:00:00,500 --> 00:00:02,000\nGood morning everyone.\n\n"
    "2\n00:00:02,000 --> 00:00:03,800\nLet us begin.\n\n"
    "3\n00:00:04,600 --> 00:00:07,500\nThanks, I have a question.\n\n"
    "4\n00:00:08,300 --> 00:00:09,900\nGo ahead.\n\n"
    "5\n00:00:10,500 --> 00:00:11,000\nAnyone else?\n"
)


def test_rttm_speakers_attached_to_unnamed_captions_by_time():
    from podium import parse_bytes

    t = parse_bytes(CAPTIONS.encode(), name="call.srt", speakers=(SEGMENTS.encode(), "call.rttm"))
    turns = t.turns
    # cue 5 (10.5-11.0) overlaps no segment; spk_A's last one ends 0.5 s before it: the nearest
    assert list(turns["speaker"]) == ["spk_A", "spk_B", "spk_A"]
    assert list(turns["text"]) == [
        "Good morning everyone. Let us begin.",
        "Thanks, I have a question.",
        "Go ahead. Anyone else?",
    ]
    assert list(turns["start_s"]) == [0.5, 4.6, 8.3]
    assert turns["n_words"].sum() == 3 + 3 + 5 + 2 + 2
    assert any("call.rttm" in n for n in t.notices)


def test_rttm_speakers_attached_to_whisper_words_by_time():
    import json

    from podium import parse_bytes

    whisper = {
        "segments": [
            {"start": 0.5, "end": 3.8, "text": " Good morning everyone. Let us begin."},
            {"start": 4.6, "end": 7.5, "text": " Thanks, I have a question."},
        ]
    }
    t = parse_bytes(json.dumps(whisper).encode(), name="call.json", speakers=(SEGMENTS.encode(), "call.rttm"))
    assert list(t.turns["speaker"]) == ["spk_A", "spk_B"]


def test_rttm_speakers_need_a_timed_transcript():
    from podium import parse_bytes

    with pytest.raises(ParseError, match="no timestamps"):
        parse_bytes(b"Hello there.\n\nMore words.\n", name="notes.txt", speakers=(SEGMENTS.encode(), "call.rttm"))


def test_a_transcript_labelled_speaker_n_is_not_rttm():
    # diarized transcripts label speakers "SPEAKER 1:"; only lines whose onset and duration are
    # numbers are RTTM records
    text = "\n\n".join(f"SPEAKER {i % 3}: Thank you, I have a question about item number {i}." for i in range(12))
    t = parse_text(text, name="diarized.txt")
    assert t.source_format != "rttm"
    assert sorted(set(t.turns["speaker"])) == ["SPEAKER 0", "SPEAKER 1", "SPEAKER 2"]
    assert len(t.turns) == 12
    assert t.turns["n_words"].sum() == 12 * 10  # "Thank you, I have a question about item number N."
