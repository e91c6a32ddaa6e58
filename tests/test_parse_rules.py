"""Small crafted transcripts, one per parsing rule (issue 3). Expected values are written by hand."""

import json

import pytest

from podium import parse_bytes, parse_text
from podium.edits import SpeakerEdit, apply_edits
from podium.model import ParseError
from podium.speakers import propose_aliases
from podium.text import DecodeError


def speakers(text, **kw):
    return list(parse_text(text, **kw).turns["speaker"])


# --- labels -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "MS. PSAKI",
        "MR PRICE",
        "Ms. Ortagus",
        "MR. McCLELLAN",
        "MR. O'BRIEN",
        "KARINE JEAN-PIERRE",
        "GEORGE W. BUSH",
        "MARTIN LUTHER KING JR.",
        "GOV. JANE DOE (D-NY), CANDIDATE",
        "KIM (through translator)",
        "SENIOR STATE DEPARTMENT OFFICIAL ONE",
        "Mr. Michael Howard (Folkestone and Hythe) (Con)",
        "SPEAKER_08",
    ],
)
def test_label_styles(label):
    text = f"Headline\n\n{label}: First words here.\n\nQUESTION: A question?\n\n{label}: More words.\n"
    t = parse_text(text)
    assert list(t.turns["speaker"]) == [label, "QUESTION", label]
    assert t.turns["text"].iloc[0] == "First words here."
    assert t.title == "Headline"


def test_whitehouse_q_with_non_breaking_spaces_and_no_colon():
    text = "THE PRESIDENT:\u00a0 Hello.\n\nQ\u00a0\u00a0\u00a0 Mr. President, one question?\n\nTHE PRESIDENT: No.\n"
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["THE PRESIDENT", "Q", "THE PRESIDENT"]
    assert t.turns["text"].iloc[1] == "Mr. President, one question?"
    assert list(t.turns["role"]) == ["answer", "question", "answer"]


def test_markdown_bold_labels_and_escapes():
    text = "**Mr. Speaker:** Order. Questions to the \\[Prime Minister\\].\n\n**The Prime Minister**: I agree.\n"
    t = parse_text(text, name="pmqs.md")
    assert list(t.turns["speaker"]) == ["Mr. Speaker", "The Prime Minister"]
    assert t.turns["text"].iloc[0] == "Order. Questions to the [Prime Minister]."


def test_congressional_record_labels_ending_in_a_period():
    text = "Opening session\n\nChairman HAMILTON.\n\nThe committee will come to order.\n\nMr. LIMAN.\n\nThank you.\n"
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["Chairman HAMILTON", "Mr. LIMAN"]
    assert list(t.turns["text"]) == ["The committee will come to order.", "Thank you."]


def test_html_labels_inside_and_outside_tags():
    html = (
        "<html><head><title>Hearing</title></head><body><p><strong>Mr. LIMAN</strong>: Colonel &amp; friends,"
        "<br/>were you there?<br/><br/><strong>Mr. NORTH</strong>: I was.</p>"
        "<cite>Travis:</cite><time>1:05</time><p>It&#39;s me.</p>"
        "<cite>Sarah:</cite><time>1:09</time><p>Hi.</p><cite>Travis:</cite><time>1:12</time><p>Bye.</p></body></html>"
    )
    t = parse_text(html, name="hearing.html")
    assert list(t.turns["speaker"]) == ["Mr. LIMAN", "Mr. NORTH", "Travis", "Sarah", "Travis"]
    assert t.turns["text"].iloc[0] == "Colonel & friends, were you there?"
    assert t.turns["text"].iloc[2] == "It's me."
    assert t.title == "Hearing"


# --- timestamps -------------------------------------------------------------------------------


def test_rev_new_and_old_timestamp_styles():
    new = "Matthew Miller (00:04):\nGood afternoon.\n\nMatt (01:10):\nThanks.\n"
    old = "Sec. Antony Blinken: (00:04)\nGood afternoon.\n\nMatt: (01:10)\nThanks.\n"
    for text, first in [(new, "Matthew Miller"), (old, "Sec. Antony Blinken")]:
        t = parse_text(text)
        assert list(t.turns["speaker"]) == [first, "Matt"]
        assert t.timing == "source"
        assert list(t.turns["start_s"]) == [4.0, 70.0]
        # "Good afternoon." is 2 words: the 66 s until the next label are not all speech;
        # the turn is capped at one second per word
        assert t.turns["end_s"].iloc[0] == 6.0


def test_otter_headers_switch_to_hours():
    text = (
        "David Muir  59:58  \nLast question.\n\nKamala Harris  1:00:03  \nThank you.\n\n"
        "David Muir  1:00:09  \nGood night.\n"
    )
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["David Muir", "Kamala Harris", "David Muir"]
    assert list(t.turns["start_s"]) == [3598.0, 3603.0, 3609.0]


def test_turn_ends_at_next_start_unless_that_is_longer_than_its_words():
    text = (
        "David Muir  10:00  \n" + "word " * 100 + "\n\nSpeaker 1  10:30  \nWe will be right back.\n\n"
        "David Muir  13:00  \nWelcome back.\n"
    )
    t = parse_text(text)
    # Muir's 100 words before 10:30 end at 10:30; the announcer's 5 words end after 5 s, not at 13:00
    assert list(t.turns["end_s"].iloc[:2]) == [630.0, 635.0]
    # the last turn has no next start: its words at the speaking rate (2 words at 195 wpm)
    assert t.turns["end_s"].iloc[2] == 780.0 + 2 * 60 / 195


def test_bracketed_timestamps_and_empty_label():
    text = "[00:09:25] Patrick O'Donnell: \n\tShe'll be presenting.\n[00:09:29]  : \n\tThank you.\n"
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["Patrick O'Donnell", "UNKNOWN"]
    assert list(t.turns["start_s"]) == [565.0, 569.0]


# --- subtitles --------------------------------------------------------------------------------

VTT_VOICES = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Sarah>Is this on?</v> <v Gillian>Yes it is.

00:00:04.000 --> 00:00:06.000
<v Gillian>Go ahead --> speak.
00:00:06.000 --> 00:00:08.000
<v Sarah>Thanks.
"""


def test_vtt_two_voices_in_one_cue_arrow_in_speech_and_no_blank_line():
    t = parse_text(VTT_VOICES, name="x.vtt")
    assert list(t.turns["speaker"]) == ["Sarah", "Gillian", "Sarah"]
    assert list(t.turns["text"]) == ["Is this on?", "Yes it is. Go ahead --> speak.", "Thanks."]
    # two voices in one cue share its 3 s by their words (3 and 3): Sarah 1-2.5 s, Gillian from 2.5 s
    assert list(t.turns["start_s"]) == [1.0, 2.5, 6.0]
    assert list(t.turns["end_s"]) == [2.5, 6.0, 8.0]
    assert list(t.turns["speech_spans"]) == ["1-2.5", "2.5-6", "6-8"]


def test_srt_prefix_only_on_first_cue_of_a_turn():
    srt = (
        "1\n00:00:00,179 --> 00:00:02,399\nTravis: When you first get\nstarted in podcasting,\n\n"
        "2\n00:00:02,400 --> 00:00:04,799\nit's hard.\n\n3\n00:00:04,800 --> 00:00:06,000\nSarah: Agreed.\n"
    )
    t = parse_text(srt, name="x.srt")
    assert list(t.turns["speaker"]) == ["Travis", "Sarah"]
    assert t.turns["text"].iloc[0] == "When you first get started in podcasting, it's hard."
    assert t.turns["n_words"].iloc[0] == 9


def test_zoom_vtt_repeats_name_every_cue_and_unnamed_cue_is_unknown():
    cues = [
        ("Andrew Knight", "Okay, recording."),
        ("Andrew Knight", "We have that."),
        (None, "And that"),
        ("Paul McCartney", "She is back."),
        ("Paul McCartney", "Yes."),
        ("Andrew Knight", "Good."),
    ]
    body = "".join(
        f"{i + 1}\n00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{(name + ': ') if name else ''}{text}\n\n"
        for i, (name, text) in enumerate(cues)
    )
    t = parse_text("WEBVTT\n\n" + body, name="zoom.vtt")
    assert list(t.turns["speaker"]) == ["Andrew Knight", "UNKNOWN", "Paul McCartney", "Andrew Knight"]
    assert t.turns["text"].iloc[0] == "Okay, recording. We have that."


def test_inline_word_timestamps_are_stripped():
    vtt = "WEBVTT\n\n00:00:01.760 --> 00:00:05.640\nIt<00:00:02.560> is<00:00:02.680> <c>done</c>.\n"
    t = parse_text(vtt)
    assert t.turns["text"].iloc[0] == "It is done."
    assert t.turns["n_words"].iloc[0] == 3


def test_rolling_auto_captions_keep_each_line_once():
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nwe will uphold\n\n"
        "00:00:02.000 --> 00:00:02.010\nwe will uphold\n\n"
        "00:00:02.010 --> 00:00:04.000\nwe will uphold\nthe principle\n\n"
        "00:00:04.000 --> 00:00:06.000\nthe principle\nof the open door\n"
    )
    t = parse_text(vtt)
    assert t.turns["text"].iloc[0] == "we will uphold the principle of the open door"


# --- speech-to-text JSON ----------------------------------------------------------------------


def test_json_missing_speaker_is_unknown_not_a_crash():
    data = {
        "segments": [
            {"start": 0, "end": 1, "text": "Hello there.", "speaker": "SPEAKER_00"},
            {"start": 1, "end": 2, "text": "Who is this?"},
            {"start": 2, "end": 3, "text": "Me.", "speaker": ""},
        ]
    }
    t = parse_text(json.dumps(data), name="whisperx.json")
    assert list(t.turns["speaker"]) == ["SPEAKER_00", "UNKNOWN"]
    assert list(t.turns["n_words"]) == [2, 4]
    assert any("UNKNOWN" in n for n in t.notices)


def test_google_final_result_repeating_every_word_is_not_double_counted():
    w = lambda word, tag, s: {"word": word, "startTime": f"{s}s", "endTime": f"{s + 0.5}s", "speakerTag": tag}  # noqa: E731
    data = {
        "results": [
            {
                "alternatives": [
                    {
                        "transcript": "hello there",
                        "words": [{"word": "hello", "startTime": "0s"}, {"word": "there", "startTime": "0.5s"}],
                    }
                ]
            },
            {"alternatives": [{"transcript": "yes", "words": [{"word": "yes", "startTime": "1s"}]}]},
            {"alternatives": [{"words": [w("hello", 1, 0), w("there", 1, 0.5), w("yes", 2, 1)]}]},
        ]
    }
    t = parse_text(json.dumps(data), name="google.json")
    assert list(t.turns["speaker"]) == ["1", "2"]
    assert t.turns["n_words"].sum() == 3


def test_json_curly_quotes_do_not_break_parsing():
    data = [{"speaker": "Chris Wallace:", "minute": "01:20", "text": "He said \u201cno\u201d."}]
    t = parse_text(json.dumps(data, ensure_ascii=False), name="x.json")
    assert t.turns["text"].iloc[0] == 'He said "no".'
    assert t.turns["speaker"].iloc[0] == "Chris Wallace"


# --- normalisation and structure -------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_encodings_and_line_endings(encoding, newline):
    text = newline.join(["Briefing", "", "MR PRICE: It\u2019s a \u201cgood\u201d day.", "", "QUESTION: Why?", ""])
    t = parse_bytes(text.encode(encoding), name="b.txt")
    assert list(t.turns["speaker"]) == ["MR PRICE", "QUESTION"]
    assert t.turns["text"].iloc[0] == 'It\'s a "good" day.'
    assert t.turns["n_words"].iloc[0] == 4


def test_boilerplate_before_the_first_turn_is_metadata():
    text = (
        "An official website of the United States Government\n\nDiplomacy in Action\n\n"
        "Department Press Briefing - July 21, 2022\n\n2:47 p.m. EDT\n\nMR PRICE: Good afternoon.\n"
    )
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["MR PRICE"]
    assert t.title == "Department Press Briefing - July 21, 2022"  # site banners are not headlines
    assert "2:47 p.m. EDT" in t.metadata


def test_front_matter_title_and_closing_time_line():
    text = (
        "---\ntitle: \"Remarks by President\\_Biden\"\ndate: '2021'\n---\nTHE PRESIDENT: Thank you.\n\n6:17 P.M. EDT\n"
    )
    t = parse_text(text, name="x.md")
    assert t.title == "Remarks by President Biden"
    assert list(t.turns["text"]) == ["Thank you."]
    assert "6:17 P.M. EDT" in t.metadata


def test_consecutive_blocks_of_one_speaker_merge():
    t = parse_text("A: One.\n\nMR KIRBY: Two.\n\nMR KIRBY: Three.\n\nA: Four.\n")
    assert list(t.turns["speaker"]) == ["A", "MR KIRBY", "A"]
    assert t.turns["text"].iloc[1] == "Two.\n\nThree."


def test_court_reporter_line_numbers_and_page_numbers():
    lines = [
        "       1             SENATOR VALESKY:  I want to welcome",
        "       2      everyone -- thank you.",
        "       3             MS. DISARRO:  Thank you.",
        "                                                   4",
    ]
    t = parse_text("\n".join(lines) + "\n")
    assert list(t.turns["speaker"]) == ["SENATOR VALESKY", "MS. DISARRO"]
    assert t.turns["text"].iloc[0] == "I want to welcome everyone -- thank you."


def test_plain_text_is_one_unknown_speaker_with_a_notice():
    t = parse_text("so um we started the hearing\n\nand then the senator asked about data\n")
    assert list(t.turns["speaker"]) == ["UNKNOWN"]
    assert t.turns["n_words"].iloc[0] == 13
    assert t.source_format == "plain"
    assert any("one unknown speaker" in n for n in t.notices)


# --- stage directions and interruptions --------------------------------------------------------


def test_stage_directions_visible_not_counted():
    t = parse_text("THE PRESIDENT: Thank you. (Laughter.) (Applause.) Really [crosstalk 00:06:51] yes.\n")
    turn = t.turns.iloc[0]
    assert "(Laughter.)" in turn["text"] and "[crosstalk 00:06:51]" in turn["text"]
    assert turn["n_words"] == 4
    assert turn["n_stage_directions"] == 3


@pytest.mark.parametrize(
    "ending, cut",
    [
        ("--", True),
        (" \u2014", True),
        ("\u2013", True),
        ("...", True),
        ("had-", True),
        ("done.", False),
        ("open-door", False),
    ],
)
def test_cut_off_markers(ending, cut):
    t = parse_text(f"MR PRICE: We {ending}\n\nQ Yes?\n")
    assert bool(t.turns["cut_off"].iloc[0]) is cut


def test_turn_starting_with_a_dash_resumes():
    t = parse_text("Q Can you --\n\nMR PRICE: No.\n\nQ -- say more?\n")
    assert list(t.turns["resumes"]) == [False, False, True]
    assert list(t.turns["cut_off"]) == [True, False, False]


# --- colons that are not labels -----------------------------------------------------------------


def test_colons_that_are_not_speakers():
    text = (
        "PARTICIPANTS: Hillary Clinton and Donald Trump\n\n10:30 a.m.\n\nMR PRICE: We met at 10:30: fine.\n\n"
        "Note: this is not a speaker.\n\nSpeedy Trial proposal: https://example.org/x\n\nQUESTION: Okay?\n"
    )
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["MR PRICE", "QUESTION"]
    assert "Note: this is not a speaker." in t.turns["text"].iloc[0]
    assert "PARTICIPANTS: Hillary Clinton and Donald Trump" in t.metadata


def test_mixed_case_sentence_with_colon_is_not_a_label_in_a_capitals_transcript():
    text = (
        "THE PRESIDENT: One.\n\nQ Two?\n\nTHE PRESIDENT: First, on vaccinations: we did it.\n\n"
        "Q Three?\n\nMR. X: Four.\n"
    )
    assert speakers(text) == ["THE PRESIDENT", "Q", "THE PRESIDENT", "Q", "MR. X"]


# --- aliases and roles -------------------------------------------------------------------------


def test_aliases_proposed_and_listed():
    assert propose_aliases(["GEORGE LITTLE", "Q", "MR. LITTLE"])["MR. LITTLE"] == "GEORGE LITTLE"
    assert propose_aliases(["CHRIS WALLACE", "TRUMP", "WALLACE", "Chris Wallace"])["WALLACE"] == "CHRIS WALLACE"
    assert propose_aliases(["Chris Wallace", "CHRIS WALLACE", "CHRIS WALLACE"])["Chris Wallace"] == "CHRIS WALLACE"
    assert propose_aliases(["Aaron van Wirdum (AvW)", "AvW"])["AvW"] == "Aaron van Wirdum (AvW)"
    t = parse_text("GEORGE LITTLE: Hi.\n\nQ Yes?\n\nMR. LITTLE: Bye.\n")
    assert list(t.turns["speaker"]) == ["GEORGE LITTLE", "Q", "GEORGE LITTLE"]
    assert t.aliases == {"GEORGE LITTLE": ["GEORGE LITTLE", "MR. LITTLE"]}


def test_two_people_sharing_a_surname_are_never_merged():
    aliases = propose_aliases(["JOE BIDEN", "JILL BIDEN", "BIDEN", "MR. BIDEN"])
    assert aliases["BIDEN"] == "BIDEN" and aliases["MR. BIDEN"] == "MR. BIDEN"
    assert aliases["JILL BIDEN"] == "JILL BIDEN"


@pytest.mark.parametrize(
    "label, role",
    [
        ("Q", "question"),
        ("QUESTION", "question"),
        ("REPORTER", "question"),
        ("MODERATOR", "question"),
        ("Moderator", "question"),
        ("THE PRESIDENT", "answer"),
        ("UNKNOWN", "other"),
        ("INTERPRETER", "other"),
    ],
)
def test_roles(label, role):
    from podium.speakers import infer_role

    assert infer_role(label) == role


def test_rename_merge_and_role_edits_apply_to_turns():
    t = parse_text("F2: Hello there.\n\nF3: and welcome.\n\nQ Why?\n\nF4: Because.\n")
    edits = [SpeakerEdit("F2", "Kate Darling"), SpeakerEdit("F3", "Kate Darling"), SpeakerEdit("Q", role="other")]
    edited, unmatched = apply_edits(t.turns, edits)
    assert unmatched == []
    assert list(edited["speaker"]) == ["Kate Darling", "Q", "F4"]
    assert edited["text"].iloc[0] == "Hello there.\n\nand welcome."
    assert list(edited["n_words"]) == [4, 1, 1]
    assert list(edited["turn_id"]) == [0, 1, 2]
    assert edited["role"].iloc[1] == "other"
    _, unmatched = apply_edits(t.turns, [SpeakerEdit("Q", role="boss")])
    assert len(unmatched) == 1 and "“boss” is not one of" in unmatched[0].reason


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", DecodeError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", DecodeError),
        (b"\x00" * 20, DecodeError),
        (b"... --- !!!", ParseError),
        (b'{"not": "a transcript"}', ParseError),
        (b"\xff\xfe\x00\xd8", DecodeError),
    ],
)
def test_bad_input_raises_one_clear_error(data, error):
    with pytest.raises(error) as info:
        parse_bytes(data, name="bad.json" if data.startswith(b"{") else "bad.txt")
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message and len(message) < 200


def test_forced_format_override():
    text = "MR PRICE: Hello.\n\nQUESTION: Hi?\n"
    assert parse_text(text, source_format="plain").turns["speaker"].tolist() == ["UNKNOWN"]
    with pytest.raises(ParseError):
        parse_text(text, source_format="stt_json")


@pytest.mark.parametrize(
    "text",
    [
        "MR. SMITH: We have three goals:\n- reduce costs\n- improve care\n\nQUESTION: And?\n",
        "MR. SMITH: We have three goals:\n\n- reduce costs\n\n- improve care\n\nQUESTION: And?\n",
    ],
)
def test_bulleted_list_inside_an_answer_is_not_a_question(text):
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["MR. SMITH", "QUESTION"]
    assert "reduce costs" in t.turns["text"].iloc[0] and "improve care" in t.turns["text"].iloc[0]


def test_srt_cues_without_blank_lines_and_an_arrow_in_speech():
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nAlex: Revenue went up --> way up.\n"
        "2\n00:00:02,000 --> 00:00:03,500\nSam: Really?\n"
        "3\n00:00:03,500 --> 00:00:05,000\nAlex: Yes.\n"
    )
    t = parse_text(srt, name="x.srt")
    assert list(t.turns["speaker"]) == ["Alex", "Sam", "Alex"]
    assert list(t.turns["text"]) == ["Revenue went up --> way up.", "Really?", "Yes."]
    assert list(t.turns["n_words"]) == [5, 1, 1]  # Revenue went up way up


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "SENATOR JONES: Two things matter here.\n\n- Lower drug prices.\n\n- Fix the roads.\n\nQUESTION: And?\n",
            ["SENATOR JONES", "QUESTION"],
        ),
        (
            "SENATOR JONES: Two things:\n\n- Lower drug prices for every senior in the state.\n\nQUESTION: And?\n",
            ["SENATOR JONES", "QUESTION"],
        ),
        ("# Notes\n\n- first point\n\n- second point\n", ["UNKNOWN"]),
        (
            "Intro\n\n- Is that what this says?\n\nANTONY BLINKEN: Yes.\n\n- And then?\n\nANTONY BLINKEN: No.\n",
            ["REPORTER", "ANTONY BLINKEN", "REPORTER", "ANTONY BLINKEN"],
        ),
    ],
)
def test_dash_paragraphs_are_questions_only_before_a_labelled_answer(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "MR. KING: We did three things.\n\nLook: we balanced the budget.\n\nQUESTION: Why?\n",
            ["MR. KING", "QUESTION"],
        ),
        ("Sec. Antony Blinken: (00:04)\nThank you.\n\nUkraine: we stand with its people.\n", ["Sec. Antony Blinken"]),
        ("WASHINGTON: The president said on Monday that talks would resume.\n", ["UNKNOWN"]),
        (
            "MODERATOR: Next question.\n\nMs. Garcia: My question is for both.\n\n"
            "MR. SMITH: Fine.\n\nMODERATOR: Thanks.\n",
            ["MODERATOR", "Ms. Garcia", "MR. SMITH", "MODERATOR"],
        ),
        ("HOLT: Good evening.\n\nTRUMP: Thank you.\n\nCLINTON: Hello.\n", ["HOLT", "TRUMP", "CLINTON"]),
        ("Sarah:\nHi, welcome to the show.\n", ["Sarah"]),  # a label alone on its line
    ],
)
def test_one_capitalised_word_and_a_colon_in_prose_is_not_a_speaker(text, expected):
    assert speakers(text) == expected


def test_offices_and_conflicting_courtesy_titles_are_not_merged():
    clinton = propose_aliases(["HILLARY CLINTON", "PRESIDENT CLINTON", "SECRETARY CLINTON"])
    assert clinton["PRESIDENT CLINTON"] == "PRESIDENT CLINTON"
    assert clinton["SECRETARY CLINTON"] == "SECRETARY CLINTON"
    smith = propose_aliases(["JOHN SMITH", "MRS. SMITH", "MR. SMITH"])
    assert smith["MRS. SMITH"] == "MRS. SMITH" and smith["MR. SMITH"] == "MR. SMITH"
    assert propose_aliases(["JOHN SMITH", "MR. SMITH", "SMITH"])["SMITH"] == "JOHN SMITH"


def test_consecutive_q_labels_are_separate_questions():
    t = parse_text("THE PRESIDENT: Hi.\n\nQ Me?\n\nQ Thank you, Mr. President. Will you go?\n\nTHE PRESIDENT: Yes.\n")
    assert list(t.turns["speaker"]) == ["THE PRESIDENT", "Q", "Q", "THE PRESIDENT"]
    from podium.qa import qa_pairs

    pairs = qa_pairs(t.turns)
    # two Q turns in a row are one question unit (issue 7): one pair, both turns on the question side
    assert list(pairs["question_turn_ids"]) == ["1 2"]
    assert list(pairs["question"]) == ["Me?\n\nThank you, Mr. President. Will you go?"]
    assert list(pairs["answer"]) == ["Yes."]


def test_silence_between_cues_of_one_turn_is_not_talk_time():
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nAndrew Knight: We are recording.\n\n"
        "00:01:40.000 --> 00:01:43.000\nAndrew Knight: Welcome, everyone.\n\n"
        "00:01:43.000 --> 00:01:44.500\nPaul McCartney: Hi.\n"
    )
    t = parse_text(vtt, name="zoom.vtt")
    andrew = t.turns.iloc[0]
    assert (andrew["start_s"], andrew["end_s"]) == (0.0, 103.0)  # the turn spans the wait
    assert andrew["speech_s"] == 5.0  # but only 2 s + 3 s of it is speech
    from podium.talk_time import speaker_table

    talk = speaker_table(t.turns).set_index("speaker")["talk_time_s"]
    assert talk["Andrew Knight"] == 5.0 and talk["Paul McCartney"] == 1.5
    # merging speakers in the UI keeps the same rule
    edited, _ = apply_edits(t.turns, [SpeakerEdit("Paul McCartney", "Andrew Knight")])
    assert list(edited["speech_s"]) == [6.5]
    assert (edited["start_s"].iloc[0], edited["end_s"].iloc[0]) == (0.0, 104.5)


def test_double_spaced_court_reporter_lines_join_into_paragraphs():
    body = [
        "             SENATOR VALESKY:  I want to welcome everyone",
        "      to this meeting of New",
        "      York State officials.",
        "             For those of you who don't know, my name",
        "      is David Valesky.",
    ] * 5
    t = parse_text("\n\n".join(body) + "\n")
    first = t.turns["text"].iloc[0].split("\n\n")
    assert first[0] == "I want to welcome everyone to this meeting of New York State officials."
    assert first[1] == "For those of you who don't know, my name is David Valesky."
    from podium.phrases import count_ngrams

    assert count_ngrams(t.turns["text"], n=2).set_index("phrase").loc["new york", "count"] == 5


def test_zoom_chat_export_is_read_with_a_notice():
    chat = (
        "00:21:14\tAndrew Knight:\tHello everyone.\r\n00:21:35\tRingo Starr:\tHi!\r\n"
        "00:22:01\tAndrew Knight:\tWelcome.\r\n"
    )
    t = parse_bytes(chat.encode("utf-8"), name="meeting_chat.txt")
    assert list(t.turns["speaker"]) == ["Andrew Knight", "Ringo Starr", "Andrew Knight"]
    assert list(t.turns["start_s"]) == [1274.0, 1295.0, 1321.0]
    assert t.source_format == "chat" and any("chat log" in n for n in t.notices)


LONG = " ".join(["word"] * 160)


@pytest.mark.parametrize(
    "text, expected",
    [
        # few but long lines that start with labels are not a one-line scrape
        (
            f"Chairman Smith: {LONG}.\nMs. Jones: {LONG}.\nChairman Smith: {LONG}.\nDr. Brown (via video): {LONG}.\n",
            ["Chairman Smith", "Ms. Jones", "Chairman Smith", "Dr. Brown (via video)"],
        ),
        # deposition style Q. / A.
        ("Q. What is your name?\nA. John Smith.\nQ. Where do you live?\nA. Ohio.\n", ["Q", "A", "Q", "A"]),
        # capitals beyond ASCII
        (
            "MODERATOR: Welcome.\n\nÉmilie Dupont: Merci.\n\nMODERATOR: Next.\n\nÉmilie Dupont: Oui.\n",
            ["MODERATOR", "Émilie Dupont", "MODERATOR", "Émilie Dupont"],
        ),
        (
            "Ведущий: Добрый вечер.\n\nМинистр: Спасибо.\n\nВедущий: Вопрос.\n\nМинистр: Ответ.\n",
            ["Ведущий", "Министр", "Ведущий", "Министр"],
        ),
        # "Word Word:" items inside an answer
        (
            "MS. PSAKI: Two updates.\n\nFirst Item: the President will travel.\n\nSecond Item: he meets CEOs.\n\n"
            "Q Thanks.\n\nMS. PSAKI: Sure.\n",
            ["MS. PSAKI", "Q", "MS. PSAKI"],
        ),
        # a hard-wrapped line that happens to start with "Q "
        (
            "MS. PSAKI: He will be at the event on\nQ Street tomorrow afternoon.\n\nQ Thanks.\n\nMS. PSAKI: Sure.\n",
            ["MS. PSAKI", "Q", "MS. PSAKI"],
        ),
        # bullets in a file that labels its own questions
        (
            "MR. PRICE: Our priorities are:\n\n- Strengthening our alliances in Europe and Asia for the long term?\n\n"
            "- Expanding aid.\n\nQUESTION: Thanks.\n\nMR. PRICE: Sure.\n",
            ["MR. PRICE", "QUESTION", "MR. PRICE"],
        ),
        # a mixed-case name seen once among recurring mixed-case names
        (
            "Interviewer: Hello.\n\nGoodall: Hi.\n\nInterviewer: Why?\n\nGoodall: Because.\n\n"
            "Smith: Can I add something?\n",
            ["Interviewer", "Goodall", "Interviewer", "Goodall", "Smith"],
        ),
        # an emphasised capital word in a long capitals transcript is not a speaker
        (
            "HOLT: One.\n\nCLINTON: Two.\n\nTRUMP: Three.\n\nHOLT: Four.\n\nCLINTON: Five.\n\nTRUMP: Six.\n\n"
            "CLINTON: Seven.\n\nREMEMBER: we created jobs.\n\nHOLT: Eight.\n",
            ["HOLT", "CLINTON", "TRUMP", "HOLT", "CLINTON", "TRUMP", "CLINTON", "HOLT"],
        ),
    ],
)
def test_more_labels_that_could_fool_the_parser(text, expected):
    assert speakers(text) == expected


def test_a_word_stretched_over_a_silence_counts_two_seconds_at_most():
    words_ = [
        {"word": "vi", "startTime": "50.4s", "endTime": "58.4s", "speakerTag": 1},
        {"word": "piace", "startTime": "58.4s", "endTime": "58.9s", "speakerTag": 1},
    ]
    t = parse_text(json.dumps({"results": [{"alternatives": [{"words": words_}]}]}), name="google.json")
    # "vi" counts 2 s (the cap), then the 6 s until "piace" is a silence, then "piace" 0.5 s
    assert t.turns["speech_s"].iloc[0] == 2.5
    assert (t.turns["start_s"].iloc[0], t.turns["end_s"].iloc[0]) == (50.4, 58.9)


def test_labelled_text_read_as_subtitles_says_there_are_no_cues():
    from podium.parse import ParseError

    with pytest.raises(ParseError, match=r"^The file has no subtitle cues \(no 'start --> end' time lines\)"):
        parse_text("ANA: Hello there.\n\nBEN: Hi.\n", name="pasted.txt", source_format="subtitles")
    with pytest.raises(ParseError, match="only cue numbers and times"):
        parse_text("1\n00:00:01,000 --> 00:00:02,000\n\n", name="empty.srt", source_format="subtitles")


def test_a_title_and_surname_is_the_one_full_name_with_that_title_and_surname():
    got = propose_aliases(
        [
            "MARGARET BRENNAN",
            "TREASURY SECRETARY JANET YELLEN",
            "SECRETARY YELLEN",
            "Sen. Catherine Cortez Masto (D-NV)",
            "Sen. Cortez Masto",
            "Ms. Jennifer de la Cruz-O'Brien",
            "Ms. de la Cruz-O'Brien",
            "SEN. CHRIS MURPHY",
            "SEN. MURPHY",
            "MURPHY",
        ]
    )
    assert got["SECRETARY YELLEN"] == "TREASURY SECRETARY JANET YELLEN"
    assert got["Sen. Cortez Masto"] == "Sen. Catherine Cortez Masto (D-NV)"
    assert got["Ms. de la Cruz-O'Brien"] == "Ms. Jennifer de la Cruz-O'Brien"
    assert got["SEN. MURPHY"] == got["MURPHY"] == "SEN. CHRIS MURPHY"
    # two people: an office and a different person's name, two full names with the title, other sexes
    got = propose_aliases(
        ["PRESIDENT BILL CLINTON", "HILLARY CLINTON", "PRESIDENT CLINTON", "SEN. CLINTON", "SEN. HILLARY CLINTON"]
    )
    assert got["PRESIDENT CLINTON"] == "PRESIDENT BILL CLINTON" and got["SEN. CLINTON"] == "SEN. HILLARY CLINTON"
    assert (
        propose_aliases(["PRESIDENT GEORGE W. BUSH", "PRESIDENT GEORGE H.W. BUSH", "PRESIDENT BUSH"])["PRESIDENT BUSH"]
        == "PRESIDENT BUSH"
    )
    assert propose_aliases(["MS. JANE SMITH", "MR. SMITH"])["MR. SMITH"] == "MR. SMITH"
    assert propose_aliases(["MS. JANE DE LA CRUZ", "MR. DE LA CRUZ"])["MR. DE LA CRUZ"] == "MR. DE LA CRUZ"


def test_short_titled_labels_of_a_hearing_count_as_one_person_each():
    text = (
        "Sen. Lisa A. Murkowski (R-AK): The committee will come to order.\n\n"
        "Chief Randy J. Moore-Castillo: We have hired 11,300 firefighters.\n\n"
        "Sen. Murkowski: How many are fully qualified?\n\n"
        "Chief Moore-Castillo: About eighty percent, Senator.\n"
    )
    words = parse_text(text, name="hearing.txt").turns.groupby("speaker")["n_words"].sum().to_dict()
    assert words == {"Sen. Lisa A. Murkowski (R-AK)": 11, "Chief Randy J. Moore-Castillo": 9}  # 6 + 5; 5 + 4


def test_labels_with_no_speech_are_still_refused_with_a_sentence():
    with pytest.raises(ParseError, match="speaker labels but no speech"):
        parse_text("MODERATOR:\n\nSENATOR HALE:\n\nMODERATOR:\n", name="only_labels.txt")


def test_titles_spelled_out_or_abbreviated_are_one_title_when_matching_a_surname():
    got = propose_aliases(["SENATOR MARK KELLY", "SEN. SCOTT KELLY", "SEN. KELLY"])
    assert got["SEN. KELLY"] == "SEN. KELLY"  # two senators named Kelly: left alone
    assert propose_aliases(["SENATOR MARK KELLY", "SEN. KELLY"])["SEN. KELLY"] == "SENATOR MARK KELLY"
