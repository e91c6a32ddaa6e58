"""TTML / DFXP captions: a crafted file, turns, speakers, times and words checked by hand."""

import pytest

from podium import parse_text
from podium.formats import detect_format
from podium.formats.ttml import parse_ttml_time
from podium.text import all_words

TTML = """<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
    xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
    ttp:frameRate="25" ttp:tickRate="10000000" xml:lang="en">
  <head>
    <metadata>
      <ttm:agent xml:id="mayor" type="person"><ttm:name type="full">Mayor Quintero</ttm:name></ttm:agent>
      <ttm:agent xml:id="clerk" type="person"/>
    </metadata>
    <styling><style xml:id="s1" tts:color="white"/></styling>
  </head>
  <body>
    <div>
      <p begin="00:00:01.000" end="00:00:03.500" ttm:agent="mayor">Good evening,<br/>and welcome.</p>
      <p begin="00:00:04:00" end="00:00:05:12" ttm:agent="clerk">Roll call &amp; quorum.</p>
      <p begin="8.5s" end="9200ms"><span tts:color="yellow">COUNCILOR VIERA:</span> Next item.</p>
      <p begin="100000000t" dur="2s">We adjourn at ten.</p>
    </div>
  </body>
</tt>
"""


def test_ttml_time_expressions():
    assert parse_ttml_time("00:00:01.500") == 1.5
    assert parse_ttml_time("8.5s") == 8.5
    assert parse_ttml_time("9200ms") == 9.2
    assert parse_ttml_time("2m") == 120.0


def test_ttml_turns_speakers_times_and_words():
    assert detect_format(TTML, "council.xml") == "ttml"
    t = parse_text(TTML, name="council.ttml")
    turns = t.turns
    assert list(turns["speaker"]) == ["Mayor Quintero", "clerk", "COUNCILOR VIERA", "UNKNOWN"]
    assert list(turns["text"]) == [
        "Good evening, and welcome.",
        "Roll call & quorum.",
        "Next item.",
        "We adjourn at ten.",
    ]
    # 00:00:04:00 at 25 fps = 4 s; 00:00:05:12 = 5 + 12/25 = 5.48 s; 100000000 ticks at 10 MHz = 10 s
    assert list(turns["start_s"]) == [1.0, 4.0, 8.5, 10.0]
    assert list(turns["end_s"].round(3)) == [3.5, 5.48, 9.2, 12.0]
    assert t.timing == "source"
    assert t.source_format == "ttml"


def test_dfxp_namespace_nested_times_and_span_timing():
    dfxp = (
        '<tt xmlns="http://www.w3.org/2006/10/ttaf1" xmlns:tts="http://www.w3.org/2006/10/ttaf1#styling">'
        '<body><div begin="10s"><p begin="1s" end="2s">One more.</p>'
        '<p><span begin="3s" end="4s">Two</span> <span begin="4s" end="5s">three.</span></p></div></body></tt>'
    )
    t = parse_text(dfxp, name="old.dfxp")
    assert t.turns["text"].iloc[0] == "One more. Two three."
    assert t.turns["start_s"].iloc[0] == 11.0  # the div begins at 10 s
    assert t.turns["end_s"].iloc[0] == 15.0


def test_ttml_words_are_conserved():
    t = parse_text(TTML, name="council.ttml")
    spoken = "Good evening and welcome Roll call quorum Next item We adjourn at ten".split()
    assert [w for txt in t.turns["text"] for w in all_words(txt)] == spoken


def test_malformed_ttml_is_one_clear_error():
    from podium.model import ParseError

    with pytest.raises(ParseError, match="not well-formed XML"):
        parse_text('<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="1s">Hi</body></tt>', name="x.ttml")


def test_xml_whitespace_is_a_space_and_only_br_breaks_a_line():
    ttml = (
        '<tt xmlns="http://www.w3.org/ns/ttml"><body><div>\n'
        '  <p begin="00:00:01.000" end="00:00:02.000">\n      MAYOR:\n      We agree.</p>\n'
        '  <p begin="00:00:02.000" end="00:00:03.000">CLERK: So<br/>noted.</p>\n'
        "</div></body></tt>"
    )
    t = parse_text(ttml, name="x.ttml")
    assert list(zip(t.turns["speaker"], t.turns["text"], strict=True)) == [
        ("MAYOR", "We agree."),
        ("CLERK", "So noted."),
    ]
