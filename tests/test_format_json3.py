"""YouTube JSON3 captions: a crafted file, turns, times and words checked by hand."""

import json

from podium import parse_text
from podium.formats import detect_format
from podium.text import all_words

JSON3 = {
    "wireMagic": "pb3",
    "pens": [{}],
    "wsWinStyles": [{}],
    "wpWinPositions": [{}],
    "events": [
        {"tStartMs": 0, "dDurationMs": 60000, "id": 1, "wpWinPosId": 1, "wsWinStyleId": 1},  # a window, no text
        {
            "tStartMs": 160,
            "dDurationMs": 2790,
            "wWinId": 1,
            "segs": [
                {"utf8": ">> Thank", "acAsrConf": 0},
                {"utf8": " you", "tOffsetMs": 400},
                {"utf8": " all.", "tOffsetMs": 720},
            ],
        },
        {"tStartMs": 2950, "dDurationMs": 10, "wWinId": 1, "aAppend": 1, "segs": [{"utf8": "\n"}]},
        {
            "tStartMs": 2960,
            "dDurationMs": 2000,
            "wWinId": 1,
            "segs": [{"utf8": ">> MAYOR QUINTERO: Thank"}, {"utf8": " you", "tOffsetMs": 300}],
        },
        {"tStartMs": 4960, "dDurationMs": 1000, "wWinId": 1, "segs": [{"utf8": "thank you."}]},
    ],
}


def test_json3_turns_times_and_words():
    text = json.dumps(JSON3)
    assert detect_format(text, "captions.json3") == "youtube_json3"
    assert detect_format(text, "captions.json") == "youtube_json3"
    t = parse_text(text, name="captions.json")
    assert list(t.turns["speaker"]) == ["SPEAKER 1", "MAYOR QUINTERO"]
    assert list(t.turns["text"]) == ["Thank you all.", "Thank you thank you."]
    assert list(t.turns["start_s"]) == [0.16, 2.96]
    assert list(t.turns["end_s"]) == [2.95, 5.96]
    assert t.source_format == "youtube_json3"
    spoken = "Thank you all Thank you thank you".split()
    assert [w for txt in t.turns["text"] for w in all_words(txt)] == spoken
