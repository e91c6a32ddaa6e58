"""Kinds of speaker label a new user's transcripts used that were read into the wrong turn.

Each case was found by trying Podium on crafted transcripts in the styles of CNN, court and
hearing transcripts and podcast notes; the expected speakers and texts are read off the
transcripts below by hand.
"""

from __future__ import annotations

from podium.parse import parse_text
from podium.speakers import infer_role


def _turns(text: str) -> list[tuple[str, str]]:
    t = parse_text(text, name="case.txt")
    return [(r.speaker, r.text) for r in t.turns.itertuples()]


CNN = """JAKE TAPPER, CNN ANCHOR: Welcome to THE LEAD. I'm Jake Tapper.

TAPPER: Joining me now is Senator Chris Murphy. Senator, your response?

SEN. CHRIS MURPHY (D-CT): Look, Jake, it's disappointing. We had a deal.

TAPPER: Did you have a deal, though?

MURPHY: We did. It fell apart Tuesday night.

TAPPER: Thank you, Senator.
"""


def test_a_surname_label_seen_once_is_its_speakers_turn():
    turns = _turns(CNN)
    assert turns[3] == ("SEN. CHRIS MURPHY (D-CT)", "We did. It fell apart Tuesday night.")
    assert turns[2] == ("JAKE TAPPER, CNN ANCHOR", "Did you have a deal, though?")
    assert [s for s, _ in turns] == [
        "JAKE TAPPER, CNN ANCHOR",
        "SEN. CHRIS MURPHY (D-CT)",
        "JAKE TAPPER, CNN ANCHOR",
        "SEN. CHRIS MURPHY (D-CT)",
        "JAKE TAPPER, CNN ANCHOR",
    ]


def test_a_mixed_case_surname_label_in_a_capitals_file():
    text = (
        "CHAIRMAN JONES: The committee will come to order.\n\n"
        "SENATOR JOHN SMITH: Thank you, Mr. Chairman.\n\n"
        "REPRESENTATIVE JANE SMITH: Point of order.\n\n"
        "MS. SMITH: I yield back.\n\n"
        "Jones: The hearing is adjourned.\n"
    )
    turns = _turns(text)
    # read as a label (not folded into MS. SMITH), then taken to be CHAIRMAN JONES, its one titled form
    assert turns[-1] == ("CHAIRMAN JONES", "The hearing is adjourned.")
    assert turns[-2] == ("MS. SMITH", "I yield back.")


def test_an_office_is_not_a_surname():
    # "THE PRESIDENT" must not make a wrapped "President:" a label
    text = (
        "THE PRESIDENT: The Secretary will read.\n\n"
        "THE SECRETARY: Dear Ms.\nPresident: I would appreciate the privilege.\n\n"
        "THE PRESIDENT: To be filed.\n"
    )
    turns = _turns(text)
    assert [s for s, _ in turns] == ["THE PRESIDENT", "THE SECRETARY", "THE PRESIDENT"]
    assert "President: I would appreciate the privilege." in turns[1][1]


def test_numbered_labels_with_a_hash():
    text = (
        "THE COURT: Juror number three, you had a question?\n\n"
        "JUROR #3: Yes, Your Honor. Can we see the exhibit again?\n\n"
        "MR. PATEL: No objection.\n\n"
        "JUROR #7: I also want to see the photo.\n\n"
        "THE COURT: Very well.\n"
    )
    assert _turns(text) == [
        ("THE COURT", "Juror number three, you had a question?"),
        ("JUROR #3", "Yes, Your Honor. Can we see the exhibit again?"),
        ("MR. PATEL", "No objection."),
        ("JUROR #7", "I also want to see the photo."),
        ("THE COURT", "Very well."),
    ]
    speakers = [s for s, _ in _turns("SPEAKER #1: Welcome.\n\nSPEAKER #2: Why?\n\nSPEAKER #1: Cuts.\n")]
    assert speakers == ["SPEAKER #1", "SPEAKER #2", "SPEAKER #1"]


def test_two_people_speaking_together_and_a_crowd():
    text = (
        "MODERATOR: Next.\n\nMR. SMITH & MS. JONES: We both agree.\n\nMODERATOR: Next.\n\n"
        "CROWD: (Chanting.)\n\nMODERATOR: Done.\n"
    )
    assert [s for s, _ in _turns(text)] == ["MODERATOR", "MR. SMITH & MS. JONES", "MODERATOR", "CROWD", "MODERATOR"]


def test_lowercase_labels_in_a_file_of_them():
    text = (
        "host: Welcome back to the show.\n"
        "guest: Thanks for having me.\n"
        "host: So tell me, what got you started?\n"
        "guest: Honestly, it was an accident.\n"
        "caller 2: Hi, I have a question. Do you miss chemistry?\n"
        "guest: Sometimes, yes.\n"
    )
    assert _turns(text) == [
        ("host", "Welcome back to the show."),
        ("guest", "Thanks for having me."),
        ("host", "So tell me, what got you started?"),
        ("guest", "Honestly, it was an accident."),
        ("caller 2", "Hi, I have a question. Do you miss chemistry?"),
        ("guest", "Sometimes, yes."),
    ]


def test_lowercase_words_before_a_colon_stay_prose_elsewhere():
    # one recurring lowercase word is not a file of lowercase labels
    text = "ANA: First point.\nnote: the vote is Friday.\n\nBEN: Second.\nnote: again Friday.\n\nANA: Done.\n"
    turns = _turns(text)
    assert [s for s, _ in turns] == ["ANA", "BEN", "ANA"]
    assert "note: the vote is Friday." in turns[0][1]


def test_label_shaped_lines_not_read_get_a_notice_and_keep_their_words():
    text = (
        "MS. SMITH: Good morning.\n\nQ: When on Friday?\n\nMS. SMITH: I don't have a time.\n\n"
        "=cmd|: I have a question too. What about taxes?\n\nMS. SMITH: Taxes are not changing.\n\n"
        "2024: Is that a number speaker?\n\nMS. SMITH: Thank you.\n"
    )
    t = parse_text(text, name="case.txt")
    notice = [n for n in t.notices if "open like a speaker label" in n]
    assert notice == [
        "2 lines open like a speaker label (=cmd|:, 2024:) but were not read as one: their words are counted "
        "in the turn before, so check them there."
    ]
    # their words stay in the text (counted), with the turn before (MS. SMITH's, joined with her next)
    assert list(t.turns["speaker"]) == ["MS. SMITH", "Q", "MS. SMITH"]
    assert "=cmd|: I have a question too. What about taxes?" in t.turns["text"].iloc[2]
    assert "2024: Is that a number speaker?" in t.turns["text"].iloc[2]


def test_no_notice_for_ordinary_prose_colons():
    text = "ANA: The plan has two parts. One: we cut. Two: we build.\n\nBEN: Look: we agree.\n\nANA: Done.\n"
    assert not [n for n in parse_text(text, name="case.txt").notices if "speaker label" in n]


def test_unidentified_reporters_ask():
    assert infer_role("UNIDENTIFIED REPORTER") == "question"
    assert infer_role("UNIDENTIFIED MALE") == "other"


def test_broadcast_clip_markers_and_wall_clock_marks_are_not_speech():
    text = (
        "[16:00:00]\n\n"
        "JAKE TAPPER, CNN ANCHOR: Welcome to THE LEAD. We start with breaking news.\n\n"
        "(BEGIN VIDEO CLIP)\n\n"
        "SEN. MITCH MCCONNELL (R-KY): We will not support this bill.\n\n"
        "(END VIDEO CLIP)\n\n"
        "TAPPER: Murphy was mobbed after the vote.\n\n"
        "(COMMERCIAL BREAK)\n\n"
        "[16:10:15]\n\n"
        "TAPPER: Welcome back.\n"
    )
    t = parse_text(text, name="cnn.txt")
    words = dict(zip(t.turns["speaker"], t.turns["n_words"], strict=False))
    # "Welcome to THE LEAD. We start with breaking news." 9 words; the clip marker is not speech
    assert t.turns["n_words"].tolist() == [9, 6, 8]
    assert t.turns["n_stage_directions"].tolist() == [1, 1, 1]
    assert words["SEN. MITCH MCCONNELL (R-KY)"] == 6
    assert "[16:10:15]" not in t.turns["text"].iloc[2]
    assert "[16:10:15]" in t.removed


REPORTERS = """GOVERNOR HALE: Thank you all for coming. I'll take questions.

UNIDENTIFIED REPORTER: Governor, will you veto the bill?

GOVERNOR HALE: I haven't decided.

AUDIENCE MEMBER: What about the teachers' strike?

GOVERNOR HALE: We are talking with the union.

UNIDENTIFIED MALE: Senator! Senator!

GOVERNOR HALE: Not now.

UNIDENTIFIED FEMALE: When will you decide on the veto?

GOVERNOR HALE: By Friday. That's all for today.
"""


def test_an_unidentified_voice_that_asks_and_is_answered_is_a_questioner():
    from podium.qa import qa_exchanges

    t = parse_text(REPORTERS, name="presser.txt")
    roles = dict(zip(t.turns["speaker"], t.turns["role"], strict=False))
    assert roles["UNIDENTIFIED REPORTER"] == "question"
    assert roles["UNIDENTIFIED FEMALE"] == "question"
    assert roles["UNIDENTIFIED MALE"] == "other"  # shouts, asks nothing
    assert (
        "Taken to ask as well: UNIDENTIFIED FEMALE is an unidentified voice that asks in its one turn, answered "
        "next. Change roles on the Speakers page." in t.notices
    )
    pairs, _ = qa_exchanges(t.turns)
    assert list(zip(pairs["question"], pairs["answer"], strict=True)) == [
        ("Governor, will you veto the bill?", "I haven't decided."),
        (
            "What about the teachers' strike?",
            # an answer of several turns names each turn's speaker
            "GOVERNOR HALE: We are talking with the union.\n\nUNIDENTIFIED MALE: Senator! Senator!\n\n"
            "GOVERNOR HALE: Not now.",
        ),
        ("When will you decide on the veto?", "By Friday. That's all for today."),
    ]
