"""Subtitle and caption kinds that used to lose structure (issue 10). Values are checked by hand."""

import pytest

from podium import parse_text
from podium.formats.subtitles import cue_seconds
from podium.text import all_words


def turns(text, name="x.srt"):
    t = parse_text(text, name=name)
    return t, list(zip(t.turns["speaker"], t.turns["text"], strict=True))


def test_cue_times_past_99_hours_and_without_milliseconds():
    assert cue_seconds("123:04:05.000") == 123 * 3600 + 4 * 60 + 5
    assert cue_seconds("00:01:07") == 67.0
    srt = "1\n00:01:07 --> 00:01:09\nMAYOR: We agree.\n\n2\n00:01:09 --> 00:01:12\nCLERK: So noted.\n"
    t, got = turns(srt)
    assert got == [("MAYOR", "We agree."), ("CLERK", "So noted.")]
    assert list(t.turns["start_s"]) == [67.0, 69.0]
    assert list(t.turns["end_s"]) == [69.0, 72.0]
    assert t.timing == "source"
    vtt = "WEBVTT\n\n123:04:05.000 --> 123:04:07.500\nLong stream.\n\n123:04:08.000 --> 123:04:09.000\nStill on.\n"
    t, got = turns(vtt, "x.vtt")
    assert got == [("UNKNOWN", "Long stream. Still on.")]
    assert t.turns["start_s"].iloc[0] == 443045.0
    assert t.turns["end_s"].iloc[0] == 443049.0
    assert "-->" not in t.turns["text"].iloc[0]


def test_trailing_cue_number_is_not_speech():
    srt = "1\n00:00:01,000 --> 00:00:02,000\nFirst line.\n\n2\n00:00:02,000 --> 00:00:03,000\nLast line.\n\n3\n\n"
    _, got = turns(srt)
    assert got == [("UNKNOWN", "First line. Last line.")]


def test_styling_markup_is_stripped_and_labels_inside_it_kept():
    srt = (
        '1\n00:00:01,000 --> 00:00:02,000\n<font color="#ffee00">MAYOR QUINTERO:</font> We agree.\n\n'
        "2\n00:00:02,000 --> 00:00:04,000\n{\\an8}<b>Bold</b> and <u>under</u>, {\\i1}tilted{\\i0}.\n\n"
        "3\n00:00:04,000 --> 00:00:05,000\n<i>COUNCILOR VIERA:</i> Next item.\n"
    )
    _, got = turns(srt)
    assert got == [("MAYOR QUINTERO", "We agree. Bold and under, tilted."), ("COUNCILOR VIERA", "Next item.")]


def test_broadcast_chevrons_start_new_turns():
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\n>> We turn now to the weather.\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nSunny all week.\n\n"
        "3\n00:00:04,000 --> 00:00:05,000\n>> Thanks, Dana.\n\n"
        "4\n00:00:05,000 --> 00:00:07,000\n>> COUNCILOR VIERA: Next item. >>> In other news, rain.\n"
    )
    t, got = turns(srt)
    assert got == [
        ("SPEAKER 1", "We turn now to the weather. Sunny all week."),
        ("SPEAKER 2", "Thanks, Dana."),
        ("COUNCILOR VIERA", "Next item."),
        ("SPEAKER 3", "In other news, rain."),
    ]
    assert ">>" not in " ".join(t.turns["text"])
    assert list(t.turns["n_words"]) == [9, 2, 2, 4]
    assert any("SPEAKER 1 to SPEAKER 3" in n for n in t.notices)


def test_dialogue_dashes_are_two_speakers():
    srt = "1\n00:00:01,000 --> 00:00:03,000\n-Where is the vote?\n- On Thursday.\n"
    _, got = turns(srt)
    assert got == [("SPEAKER 1", "Where is the vote?"), ("SPEAKER 2", "On Thursday.")]
    # a single line that opens with a dash, or a hyphen inside a line, is not a dialogue
    srt = "1\n00:00:01,000 --> 00:00:03,000\n- well-known facts\nstay here.\n"
    _, got = turns(srt)
    assert got == [("UNKNOWN", "- well-known facts stay here.")]


def test_vtt_note_and_style_blocks_anywhere_are_comments():
    vtt = (
        "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n"
        "NOTE Confidence: 0.91\n\n"
        "b1-0\n00:00:01.000 --> 00:00:02.000\n<v Ana Ruiz>Good morning.</v>\n\n"
        "NOTE Confidence: 0.87\n\n"
        "b1-1\n00:00:02.000 --> 00:00:03.000\n<v Bo Chen>Morning.</v>\n\n"
        "STYLE\n::cue(.loud) { font-weight: bold }\n\n"
        "NOTE\nA comment\nover two lines\n\n"
        "b1-2\n00:00:03.000 --> 00:00:04.000\n<v Ana Ruiz>Let us start.</v>\n"
    )
    t, got = turns(vtt, "teams.vtt")
    assert got == [("Ana Ruiz", "Good morning."), ("Bo Chen", "Morning."), ("Ana Ruiz", "Let us start.")]
    assert "Confidence" not in " ".join(t.turns["text"])
    assert "NOTE" not in set(t.turns["speaker"])


YOUTUBE_ROLLING = """WEBVTT
Kind: captions
Language: en

00:00:00.160 --> 00:00:02.950 align:start position:0%
~
thank<00:00:00.560><c> you</c><00:00:00.880><c> very</c><00:00:01.120><c> much</c>

00:00:02.950 --> 00:00:02.960 align:start position:0%
thank you very much
~

00:00:02.960 --> 00:00:05.390 align:start position:0%
thank you very much
thank<00:00:03.360><c> you</c><00:00:03.600><c> very</c><00:00:03.840><c> much</c>

00:00:05.390 --> 00:00:05.400 align:start position:0%
thank you very much
~

00:00:05.400 --> 00:00:07.000 align:start position:0%
thank you very much
now<00:00:05.800><c> the</c><00:00:06.000><c> budget</c>

00:00:07.000 --> 00:00:07.010 align:start position:0%
now the budget
~
""".replace("~", " ")  # YouTube writes lines of one space


def test_youtube_rolling_captions_with_word_times_keep_each_spoken_word_once():
    t, got = turns(YOUTUBE_ROLLING, "yt.vtt")
    # "thank you very much" is genuinely said twice; each on-screen repeat is dropped
    assert got == [("UNKNOWN", "thank you very much thank you very much now the budget")]
    assert t.turns["n_words"].iloc[0] == 11
    assert t.turns["start_s"].iloc[0] == 0.16


def test_ordinary_srt_keeps_a_line_said_in_two_cues_in_a_row():
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nNo.\n\n2\n00:00:02,000 --> 00:00:03,000\nNo.\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\nAbsolutely not.\n"
    )
    t, _ = turns(srt)
    assert t.turns["text"].iloc[0] == "No. No. Absolutely not."


@pytest.mark.parametrize(
    "text",
    [
        "1\n00:01:07 --> 00:01:09\n>> MAYOR: We agree, {\\an8}<b>all</b> of us.\n\n2\n"
        "00:01:09 --> 00:01:10\n-Really?\n- Yes.\n\n3\n\n",
    ],
)
def test_caption_words_are_conserved(text):
    t = parse_text(text, name="x.srt")
    spoken = ["We", "agree", "all", "of", "us", "Really", "Yes"]
    assert t.turns["n_words"].sum() == len(spoken)
    assert [w for txt in t.turns["text"] for w in all_words(txt)] == spoken


def test_one_unnamed_speaker_change_is_said_in_the_singular():
    from podium.parse import parse_text

    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nANNA: Hello there.\n\n00:00:03.000 --> 00:00:05.000\n>> Hi, Anna.\n"
    notices = parse_text(vtt, name="one.vtt").notices
    assert (
        "The captions mark 1 change of speaker without a name (>> or a dialogue dash); that turn is named "
        "SPEAKER 1. Rename or merge it on the Speakers page." in notices
    )


def test_cue_number_with_only_blank_lines_after_it_is_removed():
    # "the rest is blank" is found once per file now (it was a scan of every later line per line,
    # quadratic on 200,000 cues): a last cue number followed by blank lines is still removed, a
    # number with text after it is still a cue line
    from podium.formats.subtitles import _cues

    text = "1\n00:00:01,000 --> 00:00:02,000\nHello\n42\n\n2\n00:00:02,000 --> 00:00:03,000\nBye\n\n3\n\n\n"
    removed, metadata = [], []
    cues = _cues(text, removed, metadata)
    assert [c.lines for c in cues] == [["Hello", "42"], ["Bye"]]
    assert removed == ["1", "00:00:01,000 --> 00:00:02,000", "2", "00:00:02,000 --> 00:00:03,000", "3"]


def test_an_unlabelled_cue_continues_the_speaker_where_labels_mark_changes_only():
    # 7 of 8 cues labelled, but no label repeats on back-to-back cues: labels mark speaker changes,
    # so cue 2 is still ANNA's (40 words and 8 + 6 + 3 + 6 = 23 s of her speech in all)
    from podium.parse import parse_text

    srt = (
        "1\n00:00:00,000 --> 00:00:04,000\nANNA: Good morning. The budget is late again.\n\n"
        "2\n00:00:04,000 --> 00:00:08,000\nThe budget is late because of the strike.\n\n"
        "3\n00:00:08,500 --> 00:00:10,500\nBOB: When will the budget pass?\n\n"
        "4\n00:00:10,000 --> 00:00:16,000\nANNA: The budget will pass in March, I think.\n\n"
        "5\n00:00:20,000 --> 00:00:23,000\nCARL: Is the strike over? Who pays for it?\n\n"
        "6\n00:00:23,000 --> 00:00:26,000\nANNA: The strike is not over--\n\n"
        "7\n00:00:26,000 --> 00:00:28,000\nCARL: So no deal.\n\n"
        "8\n00:00:28,000 --> 00:00:34,000\nANNA: No deal yet. The budget is late and the strike goes on.\n"
    )
    turns = parse_text(srt, name="t1.srt").turns
    assert list(turns["speaker"]) == ["ANNA", "BOB", "ANNA", "CARL", "ANNA", "CARL", "ANNA"]
    anna = turns[turns["speaker"] == "ANNA"]
    assert int(anna["n_words"].sum()) == 40 and float(anna["speech_s"].sum()) == 23.0
    # where labels repeat on back-to-back cues (Zoom names every cue), an unlabelled cue is unknown
    zoom = srt.replace("3\n00:00:08,500 --> 00:00:10,500\nBOB:", "3\n00:00:08,500 --> 00:00:10,500\nANNA:")
    assert "UNKNOWN" in set(parse_text(zoom, name="z.srt").turns["speaker"])


def test_a_short_cue_counts_two_seconds_a_word_not_its_time_on_screen():
    # "Yes." on screen for 5 s is 2 s of speech: ANNA 4 s (8 words in 0-4 s), BEN 2 s of 6 s in all
    from podium.parse import parse_text
    from podium.talk_time import speaker_table

    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nAnna Ruiz: Shall we vote on the budget today then?\n\n"
        "00:00:04.000 --> 00:00:09.000\nBen Ode: Yes.\n"
    )
    t = parse_text(vtt, name="t5.vtt")
    table = speaker_table(t.turns, timed=True).set_index("speaker")
    assert table.loc["Ben Ode", "talk_time_s"] == 2.0 and table.loc["Anna Ruiz", "talk_time_s"] == 4.0
    assert round(float(table.loc["Ben Ode", "talk_share"]), 4) == round(2 / 6, 4)


def test_speaker_names_in_square_brackets_start_turns():
    # SDH-style captions naming who speaks: "[JOHN] ...", a tag alone on a cue's first line, a cue
    # with no tag continuing the speaker, and sound tags that are not people
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\n[JOHN] Hello everyone, welcome.\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\n[MARY ANN] Thanks John, glad to be here.\n\n"
        "3\n00:00:06,500 --> 00:00:09,000\nIt has been a long week.\n\n"
        "4\n00:00:09,500 --> 00:00:11,000\n[MUSIC]\n\n"
        "5\n00:00:11,500 --> 00:00:14,000\n[JOHN]\nTell me about it.\n\n"
        "6\n00:00:14,500 --> 00:00:16,000\n- [MARY ANN] Indeed.\n- [JOHN] Right.\n"
    )
    t, got = turns(srt)
    assert got == [
        ("JOHN", "Hello everyone, welcome."),
        ("MARY ANN", "Thanks John, glad to be here. It has been a long week. [MUSIC]"),
        ("JOHN", "Tell me about it."),
        ("MARY ANN", "Indeed."),
        ("JOHN", "Right."),
    ]
    assert list(t.turns["n_words"]) == [3, 12, 4, 1, 1]  # "[MUSIC]" is no word, nor any tag
    assert list(t.turns["start_s"])[:3] == [1.0, 3.5, 11.5]


def test_sound_tags_and_a_lone_bracketed_phrase_are_not_speakers():
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n[Speaking Spanish] Hola a todos.\n\n"
        "00:00:03.500 --> 00:00:06.000\n[Door Slams] Who is there?\n\n"
        "00:00:06.500 --> 00:00:09.000\n[APPLAUSE] Thank you.\n"
    )
    _, got = turns(vtt, "x.vtt")
    assert [s for s, _ in got] == ["UNKNOWN"]
    assert "[Door Slams] Who is there?" in got[0][1]  # one bracketed phrase, seen once: kept as written


def test_a_voice_span_wrapped_onto_the_next_line_keeps_its_speaker():
    # every cue voiced (so an unvoiced line would be an unknown speaker), one cue wrapped onto two lines
    cue = "00:00:{:02d}.000 --> 00:00:{:02d}.500\n<v {}>{}</v>\n\n"
    said = [
        ("Ana Ochoa", "Hi everyone."),
        ("Ana Ochoa", "Welcome to City Desk."),
        ("Rob Neill", "Thanks, Ana."),
        ("Rob Neill", "Glad to be here."),
        ("Ana Ochoa", "So what happened?"),
        ("Rob Neill", "The vote failed."),
    ]
    vtt = "WEBVTT\n\n" + "".join(cue.format(2 * i, 2 * i + 1, who, text) for i, (who, text) in enumerate(said))
    vtt += "00:00:20.000 --> 00:00:23.000\n<v Ana Ochoa>And with our\nhousing reporter, why?</v>\n"
    t, got = turns(vtt, "x.vtt")
    assert [s for s, _ in got] == ["Ana Ochoa", "Rob Neill", "Ana Ochoa", "Rob Neill", "Ana Ochoa"]
    assert got[-1] == ("Ana Ochoa", "And with our housing reporter, why?")
    assert list(t.turns["n_words"]) == [6, 6, 3, 3, 6]


def test_zoom_display_names_of_any_shape_name_their_cues():
    said = [
        ("Mayor Teresa Lin-Harper", "Good morning, everybody."),
        ("Chief Marcus D. Bell", "Crews have restored power."),
        ("iPhone de Carlos", "Hi, Carlos Ruiz, El Tiempo Latino. Can you say it in Spanish too?"),
        ("Mayor Teresa Lin-Harper", "Sí, claro."),
        ("john smith", "What about Route 9?"),
        ("Chief Marcus D. Bell", "Thursday."),
        ("Carlos's iPad", "And the cost?"),
        ("jdoe", "Is FEMA coming?"),
    ]
    vtt = "WEBVTT\n\n" + "".join(
        f"{i + 1}\n00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\n{who}: {text}\n\n"
        for i, (who, text) in enumerate(said)
    )
    t, got = turns(vtt, "zoom.vtt")
    assert got == said  # each participant's words under their own name, none glued to the cue before
    assert list(t.turns["n_words"]) == [3, 4, 13, 2, 4, 1, 3, 3]


def test_a_numbered_step_in_an_unnamed_zoom_cue_is_no_display_name():
    said = [
        ("Ana Ruiz", "Hello."),
        ("Ana Ruiz", "Welcome."),
        ("Carlos Mendez", "Hi."),
        ("Ana Ruiz", "Let us start."),
        ("Carlos Mendez", "Sure."),
        ("Carlos Mendez", "Go ahead."),
        ("Ana Ruiz", "First we sort."),
        ("Carlos Mendez", "Okay."),
        ("Ana Ruiz", "Then we label."),
        ("Carlos Mendez", "Right."),
    ]
    cues = [f"{who}: {text}" for who, text in said] + ["Step 2: we pack the boxes."]
    vtt = "WEBVTT\n\n" + "".join(
        f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\n{c}\n\n" for i, c in enumerate(cues)
    )
    _, got = turns(vtt, "zoom.vtt")
    assert got[-1] == ("UNKNOWN", "Step 2: we pack the boxes.")
