"""Talk time on real timed transcripts, hand-checked against the files; Overview and Speaker time agree."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from podium import read_transcript
from podium.talk_time import overlap_by_speaker, speaker_table, speech_duration, speech_intervals
from podium.turn_taking import interruptions
from tests.conftest import CORPUS, headline_numbers

APP = str(Path(__file__).parents[1] / "app.py")
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")


def test_webvtt_voices():
    # Sarah's cues run 0.000-18.630 without a gap, Gillian's 19.080-25.350 (read off the file)
    t = read_transcript(CORPUS / "subtitles" / "podcastindex_buzzsprout_example.vtt")
    table = speaker_table(t.turns, timed=True).set_index("speaker")
    assert table.loc["Sarah", "talk_time_s"] == pytest.approx(18.63)
    assert table.loc["Gillian", "talk_time_s"] == pytest.approx(6.27)
    assert speech_duration(t.turns) == pytest.approx(24.9)  # the 0.45 s gap is silence
    # 48 words counted by hand in Sarah's five cues (9 + 11 + 10 + 11 + 7; "Q&A" is one word):
    # 48 / 18.63 s = 154.6 words per minute
    assert table.loc["Sarah", "n_words"] == 48
    assert table.loc["Sarah", "wpm"] == pytest.approx(48 * 60 / 18.63)
    assert table.loc["Sarah", "talk_share"] == pytest.approx(18.63 / 24.9)


def test_otter_commercial_breaks_are_not_talk_time():
    t = read_transcript(CORPUS / "otter" / "otter_debate_harris_trump_2024.txt")
    turns = t.turns.set_index("turn_id")
    # "Speaker 1  1:06:54" says 10 words before the break; the next block starts at 1:11:36 and
    # lasts until David Muir at 1:11:45. Each start-only block lasts until the next start but no
    # longer than one second a word: 4014-4024 s, then 4296-4305 s, 19 s in all, not 291 s.
    assert turns.loc[97, "speech_spans"] == "4014-4024;4296-4305"
    table = speaker_table(t.turns, timed=True).set_index("speaker")
    # the announcer's five turns: 7 + 2 + 12 + 19 + 20 s
    assert table.loc["Speaker 1", "talk_time_s"] == pytest.approx(60.0)
    # nobody talks over anyone in an Otter export: talk times add up to the duration
    assert table["overlap_s"].sum() == 0
    assert table["talk_time_s"].sum() == pytest.approx(speech_duration(t.turns))
    assert speech_duration(t.turns) < turns["end_s"].max() - 600  # breaks of 5 min each left out


def test_speech_to_text_json_overlap_and_interruptions():
    t = read_transcript(CORPUS / "stt_json" / "aws_transcribe_call_analytics_example.json")
    first = t.turns.iloc[:5]
    # word times from the file (ms): CUSTOMER 6310-10450; AGENT "Yeah" 7940-8150, "Mhm" 10740-11380
    # (a 2.59 s gap: two intervals); CUSTOMER 11040-20860; AGENT "Uh Not" 18740-19360, then from 22540
    assert first["speech_spans"].tolist()[1:4] == ["6.31-10.45", "7.94-8.15;10.74-11.38", "11.04-20.86"]
    overlap = overlap_by_speaker(speech_intervals(first))
    # shared seconds: 7.94-8.15, 11.04-11.38 and 18.74-19.36 = 0.21 + 0.34 + 0.62
    assert overlap.loc["AGENT", "overlap_s"] == pytest.approx(1.17)
    assert overlap.loc["CUSTOMER", "overlap_s"] == pytest.approx(1.17)
    whole = speaker_table(t.turns, timed=True).set_index("speaker")
    # two speakers: the union is both talk times less the shared seconds counted once
    assert speech_duration(t.turns) == pytest.approx(
        whole["talk_time_s"].sum() - whole.loc["AGENT", "overlap_s"], abs=1e-6
    )
    found = interruptions(t.turns, timed=True)
    # the agent's "Yeah" at 7.94 s starts 2.51 s before the customer's speech ends at 10.45 s
    assert found.iloc[0][["interrupter", "interrupted", "at_s", "rule"]].tolist() == [
        "AGENT",
        "CUSTOMER",
        7.94,
        "overlap",
    ]
    assert found.iloc[0]["overlap_s"] == pytest.approx(2.51)


def test_overview_and_speaker_time_show_the_same_duration():
    path = CORPUS / "otter" / "otter_debate_harris_trump_2024.txt"
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["podium_source"] = {"name": path.name, "data": path.read_bytes(), "format": "auto"}
    at.run()
    assert not at.exception
    overview = headline_numbers(at)["Duration"]
    assert overview == "1 h 36 min"  # 5,767 s: the speakers' 42.4 + 37.7 + 10.3 + 4.8 + 1.0 min
    at.switch_page("pages/1_Speaker_time.py").run()
    assert not at.exception
    assert headline_numbers(at)["Speech"] == "1 h 36 min"
    assert "of the 1 h 36 min of speech" in "\n".join(m.value for m in at.markdown)


def test_speaker_time_page_with_overlapping_speech():
    path = CORPUS / "stt_json" / "aws_transcribe_call_analytics_example.json"
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["podium_source"] = {"name": path.name, "data": path.read_bytes(), "format": "auto"}
    at.switch_page("pages/1_Speaker_time.py").run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    # AGENT talks 99.66 s, CUSTOMER 60.83 s, 5.97 s of it together: 154.52 s = 2 min 35 s of speech;
    # the shares are of all talk time, 99.66 / (99.66 + 60.83) = 62%
    assert "AGENT spoke for 1 min 40 s, 62% of all talk time** in 2 min 35 s of speech" in text
    table = at.dataframe[0].value.set_index("speaker")
    assert table.loc["AGENT", "overlap_s"] == table.loc["CUSTOMER", "overlap_s"] == pytest.approx(5.97)
    assert len(at.dataframe[1].value) == 9  # the interruptions table


@pytest.mark.parametrize(
    "name",
    [
        "stt_json/bbc_kaldi_speaker_segments.json",  # speaker segments without words
        "stt_json/deepgram_nova3_diarize_demo_call.json",  # speakers named 0 and 1
        "subtitles/stable_ts_demo_karaoke_timestamps.vtt",  # one unknown speaker
        "statedept/rev_blinken_presser_2021-01-27.txt",  # a single turn
        "debate/debate2016_clinton_trump_debatesorg_flattened.txt",  # [crosstalk] markers, no timestamps
    ],
)
def test_speaker_time_page_renders_for_unusual_files(name):
    path = CORPUS / name
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["podium_source"] = {"name": path.name, "data": path.read_bytes(), "format": "auto"}
    at.switch_page("pages/1_Speaker_time.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    lead = "\n".join(m.value for m in at.markdown)
    # a file of speaker segments without words leads with talk time, never "0 of 0 words"
    assert (" spoke most: about " in lead and "no words" in lead) if "kaldi" in name else " spoke for " in lead
