"""YouTube SBV captions: a crafted file, turns, times and words checked by hand."""

from podium import parse_text
from podium.formats import detect_format
from podium.text import all_words

SBV = """0:00:00.599,0:00:04.160
>> ALICE: Hi, my name is Alice Miller
and this is John Brown.

0:00:04.160,0:00:06.770
>> BOB: We own Miller Bakery.

0:00:06.770,0:00:09.000
Today we bake bread, 3 loaves.
"""


def test_sbv_turns_times_and_words():
    assert detect_format(SBV, "captions.sbv") == "sbv"
    t = parse_text(SBV, name="captions.sbv")
    assert list(t.turns["speaker"]) == ["ALICE", "BOB"]
    assert list(t.turns["text"]) == [
        "Hi, my name is Alice Miller and this is John Brown.",
        "We own Miller Bakery. Today we bake bread, 3 loaves.",
    ]
    assert list(t.turns["start_s"]) == [0.599, 4.16]
    assert list(t.turns["end_s"]) == [4.16, 9.0]
    assert t.source_format == "sbv"
    spoken = "Hi my name is Alice Miller and this is John Brown We own Miller Bakery Today we bake bread 3 loaves"
    assert [w for txt in t.turns["text"] for w in all_words(txt)] == spoken.split()
