"""ASS/SSA subtitles: a crafted file, turns, speakers, times and words checked by hand."""

from podium import parse_text
from podium.formats import detect_format
from podium.text import all_words

ASS = r"""[Script Info]
Title: Council meeting
ScriptType: v4.00+
PlayResX: 1920

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, Bold, Italic, Alignment
Style: Default,Arial,48,&H00FFFFFF,0,0,2

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:03.50,Default,Mayor Quintero,0,0,0,,{\an8}Well, friends, we agree,\Nfinally.
Comment: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,translator note: check this
Dialogue: 0,0:00:04.00,0:00:05.25,Default,,0,0,0,,COUNCILOR VIERA: {\i1}Next{\i0} item, please.
Dialogue: 0,0:00:05.25,0:00:06.00,Default,,0,0,0,,Yes, yes.
"""


def test_ass_turns_speakers_times_and_words():
    assert detect_format(ASS, "meeting.ass") == "ass"
    t = parse_text(ASS, name="meeting.ass")
    assert list(t.turns["speaker"]) == ["Mayor Quintero", "COUNCILOR VIERA"]
    assert list(t.turns["text"]) == ["Well, friends, we agree, finally.", "Next item, please. Yes, yes."]
    assert list(t.turns["start_s"]) == [1.0, 4.0]
    assert list(t.turns["end_s"]) == [3.5, 6.0]
    assert t.source_format == "ass"
    joined = " ".join(t.turns["text"])
    assert "an8" not in joined and "translator" not in joined
    spoken = "Well friends we agree finally Next item please Yes yes".split()
    assert [w for txt in t.turns["text"] for w in all_words(txt)] == spoken
