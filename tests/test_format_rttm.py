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
