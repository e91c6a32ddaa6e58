"""Labels that were once not recognised, so their words went to the wrong place (issue 13).

Each kind has the catalogue's file (tests/robustness/) and crafted variants here: labels over 8
words or 100 characters, emoji and right-to-left names, labels in formatting tags, one label on
a one-line file, times past 99 hours, and spreadsheets with speaker and text columns. Speakers,
turns, words and times below are counted by hand from the text in each test.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from podium.export import tables, to_csv_bytes
from podium.formats import detect_format
from podium.formats.base import parse_clock
from podium.formats.labelled import _candidate, prepare_text
from podium.model import ParseError
from podium.parse import parse_bytes, parse_text
from podium.text import all_words, normalise_text
from tests.conftest import ROOT

INPUTS = Path(__file__).parent / "robustness" / "inputs"
EVAL = ROOT.parent / "shared" / "eval" / "timed"


def _parse(text: str, name: str = "t.txt"):
    return parse_text(text, name=name)


def _speakers(t) -> list[str]:
    return list(t.turns["speaker"])


def _words(t) -> list[int]:
    return [int(n) for n in t.turns["n_words"]]


# ---- labels over 8 words or 100 characters ----------------------------------------------------


def test_500_character_label_is_a_speaker_named_in_full():
    raw = (INPUTS / "label_500_chars.txt").read_text(encoding="utf-8")
    long_name = raw.split("\n\n")[1].partition(":")[0]  # the label as written in the file
    assert len(long_name) == 500
    t = parse_bytes(raw.encode(), name="label_500_chars.txt")
    assert _speakers(t) == ["MODERATOR", long_name, "MODERATOR"]
    assert _words(t) == [4, 6, 3]  # "Welcome to the hearing." / "Thank you for having me today." / "Please go on."
    assert t.turns["text"][1] == "Thank you for having me today."
    assert any("500 characters" in n and "read as a speaker's name" in n for n in t.notices)


def test_long_label_used_twice_is_one_speaker():
    text = (
        "CHAIRMAN REED: We welcome the witness.\n\n"
        "THE HONORABLE MARIA ELENA DE LA CRUZ Y VILLANUEVA, ASSISTANT SECRETARY: Thank you.\n\n"
        "CHAIRMAN REED: Your budget is late.\n\n"
        "THE HONORABLE MARIA ELENA DE LA CRUZ Y VILLANUEVA, ASSISTANT SECRETARY: It is, sir.\n"
    )
    t = _parse(text)
    witness = "THE HONORABLE MARIA ELENA DE LA CRUZ Y VILLANUEVA, ASSISTANT SECRETARY"
    assert _speakers(t) == ["CHAIRMAN REED", witness, "CHAIRMAN REED", witness]
    assert _words(t) == [4, 2, 4, 3]
    assert any("2 labels longer than 8 words" in n for n in t.notices)


def test_label_of_2000_characters_among_capitalised_labels():
    name = "SPEAKER " + " ".join(["NAME"] * 398)  # 8 + 398 * 5 - 1 = 1,997 characters
    t = _parse(f"HOST: Hello.\n\nGUEST: Hi.\n\n{name}: Good to be here.\n\nHOST: Welcome.\n")
    assert _speakers(t) == ["HOST", "GUEST", name, "HOST"]
    assert _words(t) == [1, 1, 4, 1]
    assert any("1,997 characters" in n for n in t.notices)


def test_long_label_after_a_single_other_label_is_reported_not_merged_silently():
    # one other label line is no pattern to judge by: the line stays in MODERATOR's turn, with a notice
    name = "THE HONORABLE PAT MERRIWEATHER UNDER SECRETARY OF STATE FOR MANAGEMENT"
    t = _parse(f"MODERATOR: Welcome.\n\n{name}: Thank you.\n")
    assert _speakers(t) == ["MODERATOR"]
    assert _words(t) == [1 + 10 + 2]
    notice = next(n for n in t.notices if "not read as one" in n)
    assert "THE HONORABLE PAT MERRIWEATHER UNDER SE" in notice and len(notice) <= 200


def test_long_labels_after_times_and_a_shouted_sentence_after_one():
    text = (
        "[00:00:01] MODERATOR: Welcome.\n\n[00:00:02] SENATOR HALE: Thank you.\n\n"
        "[00:00:04] THE COMMITTEE HAS HEARD FROM WITNESSES ON BOTH SIDES FOR MONTHS: THE BUDGET IS LATE.\n\n"
        "[00:00:09] THE HONORABLE MARIA ELENA DE LA CRUZ Y VILLANUEVA: Thanks.\n"
    )
    t = _parse(text)
    assert _speakers(t) == ["MODERATOR", "SENATOR HALE", "THE HONORABLE MARIA ELENA DE LA CRUZ Y VILLANUEVA"]
    # the shouted line stays in HALE's turn; the time opening its paragraph is no word of the speech
    assert _words(t) == [1, 2 + 11 + 4, 1]
    assert list(t.turns["start_s"]) == [1.0, 2.0, 9.0]
    assert sum("longer than 8 words" in n for n in t.notices) == 2


def test_prose_before_a_colon_is_no_long_label_and_no_notice():
    text = (
        "SENATOR HALE: Thank you.\n\nMODERATOR: Go on.\n\n"
        "SENATOR HALE: Mr. Chairman, members of the committee, I am pleased to be here today to discuss "
        "the following three items: the budget, the bridge and the schools.\n"
    )
    t = _parse(text)
    assert _speakers(t) == ["SENATOR HALE", "MODERATOR", "SENATOR HALE"]
    assert not any("longer than 8 words" in n for n in t.notices)
    assert _candidate("Mr. Chairman, members of the committee, I am pleased to be here today: yes") is None


def test_long_label_candidate_keeps_the_whole_label_as_consumed_text():
    line = "THE HONORABLE MARIA ELENA DE LA CRUZ Y VILLANUEVA, ASSISTANT SECRETARY: Thank you."
    c = _candidate(line)
    assert c is not None and c.long and c.rest == "Thank you."
    assert c.removed == line[: -len(" Thank you.")]


# ---- emoji and right-to-left names -------------------------------------------------------------


def test_emoji_before_or_after_a_name_decorates_the_label():
    text = (
        "🎙\ufe0f ANA RUIZ: Welcome back.\n\n"
        "GUEST ⭐: Thanks for having me.\n\n"
        "ANA RUIZ: First question.\n\n"
        "⭐ GUEST: Go ahead.\n"
    )
    t = _parse(text)
    assert _speakers(t) == ["ANA RUIZ", "GUEST", "ANA RUIZ", "GUEST"]
    assert _words(t) == [2, 4, 2, 2]
    assert "🎙\ufe0f ANA RUIZ:" in t.removed  # the emoji is consumed with the label, not lost


def test_emoji_only_label_and_music_notes_are_text():
    text = "HOST: Here is the robot.\n\n🤖: Beep boop.\n\nGUEST: And a song.\n\n♪ CHORUS: la la la ♪\n"
    t = _parse(text)
    assert _speakers(t) == ["HOST", "GUEST"]
    assert t.turns["text"][0] == "Here is the robot.\n\n🤖: Beep boop."
    assert t.turns["text"][1] == "And a song.\n\n♪ CHORUS: la la la ♪"
    assert int(t.turns["n_stage_directions"][1]) == 1  # lyrics stay a stage direction


def test_emoji_first_label_is_the_same_speaker_as_the_plain_one():
    t = parse_bytes((INPUTS / "emoji_first_label.txt").read_bytes(), name="emoji_first_label.txt")
    assert _speakers(t) == ["ALEX", "MODERATOR", "ALEX"]
    assert _words(t) == [17, 2, 3]
    assert not any("kept as page text" in n for n in t.notices)


def test_right_to_left_labels_with_and_without_emoji():
    text = "🎤 صحفي: متى تنشر الميزانية؟\n\nالمتحدث الرسمي: الأسبوع المقبل.\n\n🎤 صحفي: شكرا.\n"
    t = _parse(text)
    assert _speakers(t) == ["صحفي", "المتحدث الرسمي", "صحفي"]
    assert _words(t) == [3, 2, 1]
    hebrew = parse_bytes((INPUTS / "rtl_hebrew_names.txt").read_bytes(), name="rtl_hebrew_names.txt")
    assert _speakers(hebrew) == ["מראיין", "ראש העיר", "מראיין"]
    assert _words(hebrew) == [3, 2, 2]


# ---- labels in formatting tags -----------------------------------------------------------------


def test_labels_in_bold_tags_in_a_text_file():
    t = parse_bytes((INPUTS / "label_with_markup.txt").read_bytes(), name="label_with_markup.txt")
    assert _speakers(t) == ["MODERATOR", "SENATOR HALE"]
    assert _words(t) == [8, 6]
    assert t.turns["text"][0] == "Good morning, everyone, and welcome to the committee."


def test_tag_variants_around_labels():
    text = (
        "<B>Mayor Quintero</B>: The bridge opens in May.\n\n"
        '<span class="name">ANA RUIZ:</span>\nWhich day?\n\n'
        "<strong>Mayor Quintero:</strong>The first <i>Monday</i>.\n"
    )
    assert detect_format(text, "t.txt") == "html"  # eight tags: an HTML fragment, its markup dropped
    t = _parse(text)
    assert _speakers(t) == ["Mayor Quintero", "ANA RUIZ", "Mayor Quintero"]
    assert _words(t) == [5, 2, 3]
    assert t.turns["text"][2] == "The first Monday."
    # the same labels with fewer tags are a text file, read by the labelled-text reader
    few = "<B>Mayor Quintero</B>: The bridge opens in May.\n\nANA RUIZ:\nWhich day?\n\nMayor Quintero:  The first.\n"
    assert detect_format(few, "t.txt") == "labelled_text"
    assert _speakers(_parse(few)) == ["Mayor Quintero", "ANA RUIZ", "Mayor Quintero"]


def test_markdown_emphasis_and_bbcode_around_labels_in_a_text_file():
    t = parse_bytes((INPUTS / "label_in_markdown_bold.txt").read_bytes(), name="x.txt")
    assert _speakers(t) == ["MODERATOR", "SENATOR HALE", "MODERATOR"]
    assert _words(t) == [3, 2, 3]
    t = _parse("*Ana Ruiz*: Hello there.\n\n__BEN ODE:__ Hi.\n\n[I]Ana Ruiz[/I]: Bye.\n")
    assert _speakers(t) == ["Ana Ruiz", "BEN ODE", "Ana Ruiz"]
    assert _words(t) == [2, 1, 1]
    prepared = prepare_text("MODERATOR: Note *this*: and _that_.\n* item one: yes\n")
    assert prepared.lines[:2] == ["MODERATOR: Note *this*: and _that_.", "* item one: yes"]


def test_tags_that_are_not_labels_are_left_alone():
    prepared = prepare_text("MODERATOR: Hi.\n\n<b>Important</b> news today.\n<script>X:</script> no.\n")
    assert prepared.lines[2] == "<b>Important</b> news today."
    assert prepared.lines[3] == "<script>X:</script> no."
    t = parse_bytes((INPUTS / "script_in_speaker_name.txt").read_bytes(), name="script_in_speaker_name.txt")
    assert _speakers(t) == ["MODERATOR"]


def test_unwrapped_tags_are_consumed_text():
    prepared = prepare_text("<b>MODERATOR:</b> Hi.\n\n<strong>SENATOR HALE</strong>: Hello.\n")
    assert prepared.lines == ["MODERATOR:  Hi.", "", "SENATOR HALE:  Hello.", ""]
    assert prepared.removed == ["<b>", "</b>", "<strong>", "</strong>"]


# ---- one label on a one-line file ---------------------------------------------------------------


def test_one_label_opening_a_one_line_file():
    t = parse_bytes((INPUTS / "long_line_no_breaks.txt").read_bytes(), name="long_line_no_breaks.txt")
    assert _speakers(t) == ["MODERATOR"]
    assert _words(t) == [20_000]
    assert not any("no line breaks" in n for n in t.notices)


def test_one_line_debate_whose_first_label_is_used_once():
    trump = "TRUMP: We did great things for this country and the economy was the best ever. "  # 14 words
    biden = "BIDEN: That is simply not true and everyone knows it, folks. "  # 10 words
    text = "MODERATOR: Good evening and welcome to the debate. " + (trump + biden) * 30
    assert len(text) > 3000 and "\n" not in text
    t = _parse(text)
    assert _speakers(t)[:3] == ["MODERATOR", "TRUMP", "BIDEN"]
    assert len(t.turns) == 1 + 60
    assert _words(t)[:3] == [7, 14, 10]
    assert sum(_words(t)) == 7 + 30 * 24
    assert any("no line breaks" in n for n in t.notices)


# ---- times past 99 hours -------------------------------------------------------------------------


def test_clock_past_99_hours():
    assert parse_clock("123:04:05") == 123 * 3600 + 4 * 60 + 5
    assert parse_clock("100:00:00.5") == 360_000.5
    assert parse_clock("123:60:00") is None


def test_bracketed_times_past_99_hours():
    t = parse_bytes((INPUTS / "timestamps_past_100_hours.txt").read_bytes(), name="x.txt")
    assert _speakers(t) == ["MODERATOR", "SENATOR HALE"]
    assert list(t.turns["start_s"]) == [443_045.0, 443_049.0]
    assert t.timing == "source"


def test_rev_chat_and_otter_times_past_99_hours():
    rev = parse_bytes((INPUTS / "timestamps_past_100_hours_rev.txt").read_bytes(), name="x.txt")
    assert _speakers(rev) == ["Ana Ruiz", "Mayor Quintero", "Ana Ruiz"]
    assert list(rev.turns["start_s"]) == [443_045.0, 443_049.0, 443_052.0]
    chat = _parse("100:00:01 Ana Ruiz: Hello all\n100:00:09 Ben Ode: Hi Ana\n100:01:00 Ana Ruiz: Shall we start\n")
    assert _speakers(chat) == ["Ana Ruiz", "Ben Ode", "Ana Ruiz"]
    assert list(chat.turns["start_s"]) == [360_001.0, 360_009.0, 360_060.0]
    otter = _parse(
        "Ana Ruiz  100:00:01\nHello all.\n\nBen Ode  100:00:09\nHi Ana.\n\nAna Ruiz  100:01:00\nShall we start?\n"
    )
    assert _speakers(otter) == ["Ana Ruiz", "Ben Ode", "Ana Ruiz"]
    assert list(otter.turns["start_s"]) == [360_001.0, 360_009.0, 360_060.0]
    assert _words(otter) == [2, 2, 3]


# ---- spreadsheets with speaker and text columns -------------------------------------------------


def test_csv_with_speaker_and_text_columns():
    t = parse_bytes((INPUTS / "csv_spreadsheet.csv").read_bytes(), name="csv_spreadsheet.csv")
    assert t.source_format == "table"
    assert _speakers(t) == ["MODERATOR", "SENATOR HALE"]
    assert list(t.turns["text"]) == ["Good morning.", "The budget is late."]
    assert t.timing == "estimated"


def test_tsv_with_clock_times_merges_a_speakers_rows():
    t = parse_bytes((INPUTS / "tsv_with_clock_times.tsv").read_bytes(), name="x.tsv")
    assert _speakers(t) == ["Ana Ruiz", "Mayor Quintero"]
    assert list(t.turns["text"]) == ["When will the bridge open?", "In May.\n\nThe first Monday."]
    assert list(t.turns["start_s"]) == [1.5, 4.5]
    assert list(t.turns["end_s"]) == [4.0, 7.0]
    assert list(t.turns["speech_s"]) == pytest.approx([2.5, 2.0])  # the 0.5 s between rows is not speech
    assert "Confidence" in t.notices[0]


def test_semicolon_csv_with_quoted_delimiters_line_breaks_and_no_speaker():
    t = parse_bytes((INPUTS / "csv_semicolon_quoted.csv").read_bytes(), name="x.csv")
    assert _speakers(t) == ["MODERATOR", "SENATOR HALE", "UNKNOWN"]
    assert list(t.turns["text"]) == [
        "Good morning; welcome.",
        "The budget is late. It was due in March.",
        "Nobody knows who said this.",
    ]


def test_unquoted_commas_in_the_last_column_are_joined_back():
    t = parse_bytes((INPUTS / "csv_unquoted_commas.csv").read_bytes(), name="x.csv")
    assert list(t.turns["text"]) == ["Good morning, everyone, and welcome.", "Thank you, Chair."]
    assert any("2 rows had more cells" in n for n in t.notices)


def test_extra_cells_before_the_last_column_are_refused_with_a_sentence():
    with pytest.raises(ParseError, match="Row 2 of the spreadsheet has 4 cells for 3 columns"):
        _parse("speaker,text,start\nANA,Hello, there,1.0\n", name="x.csv")


def test_milliseconds_an_id_column_and_header_spelling():
    text = "Speaker ID,Speaker,Start (ms),End (ms),Utterance\n0,Ana,0,1500,Hello there.\n1,Ben,2000,2500,Hi.\n"
    t = _parse(text, name="export.csv")
    assert _speakers(t) == ["Ana", "Ben"]  # "Speaker" is preferred to "Speaker ID"
    assert list(t.turns["start_s"]) == [0.0, 2.0]
    assert list(t.turns["end_s"]) == [1.5, 2.5]


def test_unreadable_times_are_reported_not_used():
    t = _parse("speaker,text,start\nANA,Hello.,0:05\nBEN,Hi.,soon\n", name="x.csv")
    assert t.timing == "estimated"
    assert any("1 of 2 rows have no readable time in column 'start'" in n for n in t.notices)


def test_a_clock_that_starts_again_is_joined_after_the_earlier_part():
    text = "speaker,text,start,end\nANA,One two three.,0,80\nBEN,Four five.,90,100\nANA,Six.,5,8\n"
    t = _parse(text, name="parts.csv")
    # 5 s falls back more than 60 s from 90 s: shifted to 90 s + 2 words at 150 wpm (0.8 s)
    assert list(t.turns["start_s"]) == pytest.approx([0.0, 90.0, 90.8])
    assert list(t.turns["end_s"]) == pytest.approx([80.0, 100.0, 93.8])
    assert any("starts again part-way" in n for n in t.notices)


def test_files_without_a_speaker_and_text_header_are_not_spreadsheets():
    assert detect_format("name,age\nAna,34\n", "x.csv") != "table"
    assert detect_format("speaker,age\nAna,34\n", "x.csv") != "table"
    assert detect_format("MODERATOR: Hello, text and speaker.\n", "x.txt") == "labelled_text"
    assert detect_format("speaker\ttext\nANA\tHi.\n", "notes.txt") == "table"


def test_a_podium_turns_export_reads_back_as_the_same_turns():
    seed = parse_bytes((ROOT / "data" / "blinken_nato_open_door.txt").read_bytes(), name="blinken.txt")
    exported = to_csv_bytes(tables(seed)["turns"])
    back = parse_bytes(exported, name="turns.csv")
    assert _speakers(back) == _speakers(seed)
    assert _words(back) == _words(seed)
    # turns.csv writes 10 significant digits: 103.4116711 s reads back within a microsecond
    assert list(back.turns["start_s"]) == pytest.approx(list(seed.turns["start_s"]), abs=1e-6)


@pytest.mark.skipif(not (EVAL / "marg_turns_aligned.csv").is_file(), reason="shared eval data not found")
def test_real_debate_spreadsheets_per_turn_and_per_sentence_give_the_same_turns():
    with open(EVAL / "marg_turns_aligned.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    runs = sum(1 for i, r in enumerate(rows) if i == 0 or r["speaker"] != rows[i - 1]["speaker"])
    by_turn = parse_bytes((EVAL / "marg_turns_aligned.csv").read_bytes(), name="marg_turns_aligned.csv")
    by_sentence = parse_bytes((EVAL / "marg_sentences_aligned.csv").read_bytes(), name="marg_sentences_aligned.csv")
    assert len(by_turn.turns) == len(by_sentence.turns) == runs
    assert _speakers(by_turn) == _speakers(by_sentence)
    assert by_turn.turns["speaker"][0] == "Chris Wallace" and by_turn.turns["end_s"][0] == 51.24
    durations = pd.to_numeric(pd.Series([r["duration_s"] for r in rows])).sum()
    assert by_turn.turns["speech_s"].sum() == pytest.approx(durations, abs=0.05)
    # 17 recordings whose clocks each start at 0 are placed one after the other
    assert durations <= by_turn.turns["end_s"].max() <= durations + 200
    assert any("starts again part-way" in n for n in by_turn.notices)


def test_apostrophes_opening_spreadsheet_cells_are_speech_not_quotes():
    # the sniffer reads "'" as the quote character here; spreadsheets quote with '"', so the
    # apostrophes stay in the words: 'Cause and 'Tis, 3 words each with the trailing '
    t = _parse("speaker,text\nALICE,'Cause we won',\nBOB,'Tis true',\n", name="x.csv")
    assert _speakers(t) == ["ALICE", "BOB"]
    assert list(t.turns["text"]) == ["'Cause we won',", "'Tis true',"]


_CELLS = st.sampled_from([*"ab AB,;\t\n\"':🎤<>/", "speaker", "text", "MODERATOR", "0:05", "1.5", "\r\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@example(header="speaker,text\n", body="'a'a',a")  # an apostrophe once taken for a quote character
@given(
    st.sampled_from(
        ["speaker,text\n", "Speaker;Text;start\n", "start\tend\tspeaker\ttext\n", "text,name,end_ms,start_ms\n"]
    ),
    st.lists(_CELLS, max_size=60).map("".join),
)
def test_any_spreadsheet_body_conserves_its_words_or_fails_with_a_sentence(header, body):
    text = header + body
    try:
        t = _parse(text, name="x.csv")
    except ParseError as exc:
        assert "\n" not in str(exc)
        return
    # CSV quoting joins '"a"a' into the cell 'aa': compare without quotation marks
    want = Counter(w.lower() for w in all_words(normalise_text(text).replace('"', "")))
    have = Counter(w.lower() for w in all_words(t.metadata))
    for part in [*t.turns["text"], *t.removed]:
        have.update(w.lower() for w in all_words(part.replace('"', "")))
    assert want == have


def test_a_spreadsheet_opens_in_the_dashboard():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    data = (INPUTS / "tsv_with_clock_times.tsv").read_bytes()
    at.session_state["podium_source"] = {"name": "briefing.tsv", "data": data, "format": "auto"}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Read as a spreadsheet" in i.value for i in at.info)
    read_as = next(s for s in at.selectbox if s.label == "Read as")
    assert "Spreadsheet (CSV or TSV with a header naming speaker and text columns)" in read_as.options
    at.switch_page("pages/1_Speaker_time.py").run()
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[0].value
    assert list(table["speaker"]) == ["Ana Ruiz", "Mayor Quintero"]  # 2.5 s and 2.0 s of speech
