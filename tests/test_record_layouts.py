"""Official records' layouts (found by a new-user test): the Congressional Record's period labels in
all their printed forms, a hearing record's headings and inserts, a court transcript's headings,
examination markers, reporters' notes and filing headers. Every word count below is counted by hand
from the text in the test; none is read off the program.
"""

from __future__ import annotations

from podium.parse import parse_text


def _words(text: str) -> dict[str, int]:
    turns = parse_text(text, name="record.txt").turns
    return turns.groupby("speaker")["n_words"].sum().to_dict()


def _order(text: str) -> list[str]:
    return list(parse_text(text, name="record.txt").turns["speaker"])


SENATE = """\
The PRESIDING OFFICER. The Senator from Ohio.
Mr. PORTMAN. Mr. President, I suggest the absence of a quorum.
The PRESIDING OFFICER. The clerk will call the roll.
The legislative clerk proceeded to call the roll.
Mr. PORTMAN. Mr. President, I ask unanimous consent that the order for the quorum call be rescinded.
The PRESIDING OFFICER. Without objection, it is so ordered.
The ACTING PRESIDENT pro tempore. The Senator from Maine.
Ms. COLLINS. Thank you, Mr. President.
The VICE PRESIDENT. The yeas are 50, the nays are 50.
Mr. SCHUMER. Mr. President, I yield the floor.
"""


def test_senate_floor_offices_of_several_words_and_pro_tempore_are_speakers():
    # The clerk's narration line is the Record's, not the presiding officer's: 4 + 6 + 6 words.
    assert _words(SENATE) == {
        "The PRESIDING OFFICER": 16,
        "Mr. PORTMAN": 24,  # 9 + 15
        "The ACTING PRESIDENT pro tempore": 4,
        "Ms. COLLINS": 4,
        "The VICE PRESIDENT": 8,
        "Mr. SCHUMER": 6,
    }
    assert len(_order(SENATE)) == 9


HOUSE = """\
The CHAIRMAN. The committee will come to order.
Mr. SMITH. Thank you, Mr. Chairman. I have a question.
Ms. DeLAURO. Will the gentleman yield?
Mr. SMITH. I yield to the gentlewoman.
Ms. VEL\u00c1ZQUEZ. I thank the gentleman.
Mr. SMITH. Reclaiming my time.
Mr. DE LA CRUZ. Point of order.
Ms. JACKSON LEE. Will the gentleman yield?
Mr. McGOVERN. No.
The SPEAKER pro tempore (Mr. SIMPSON). The gentleman is recognized.
The PRESIDING OFFICER (Mr. KAINE). The Senator from Virginia.
Mr. KING of New York. Thank you.
The CHAIRMAN. So ordered.
"""


def test_record_names_with_particles_accents_several_words_and_presiding_notes_seen_once():
    assert _words(HOUSE) == {
        "The CHAIRMAN": 8,  # 6 + 2
        "Mr. SMITH": 16,  # 8 + 5 + 3
        "Ms. DeLAURO": 4,
        "Ms. VEL\u00c1ZQUEZ": 4,
        "Mr. DE LA CRUZ": 3,
        "Ms. JACKSON LEE": 4,
        "Mr. McGOVERN": 1,
        "The SPEAKER pro tempore (Mr. SIMPSON)": 4,
        "The PRESIDING OFFICER (Mr. KAINE)": 4,
        "Mr. KING of New York": 2,
    }


def test_a_sentence_that_starts_with_a_title_is_not_a_period_label():
    text = (
        "The CHAIRMAN. The committee will come to order.\n"
        "Mr. SMITH. Thank you.\n"
        "Mr. President, I yield back.\n"  # "Mr. President," is speech: no period after a name in capitals
        "The CHAIRMAN. So ordered.\n"
        "Mr. SMITH. The HONORABLE gentleman is right.\n"  # a word in capitals inside a sentence
    )
    assert _words(text) == {"The CHAIRMAN": 8, "Mr. SMITH": 12}  # 2 + 5 + 5


HEARING = """\
    Chairman COMER. The committee will come to order. We welcome our witness.
    Mr. RASKIN. Thank you, Mr. Chairman. I look forward to the testimony.
    Chairman COMER. Thank you. Ms. Doe, you are recognized for five minutes.

STATEMENT OF JANE DOE, DIRECTOR, OFFICE OF MANAGEMENT AND BUDGET

    Ms. DOE. Thank you, Chairman Comer. I am glad to be here.
    [The prepared statement of Ms. Doe follows:]

    [GRAPHIC] [TIFF OMITTED] T1234.001

    Chairman COMER. Thank you. I now recognize Mr. Raskin.
    Mr. RASKIN. Ms. Doe, did you approve the transfer?
    Ms. DOE. I did not.
    Mr. RASKIN. Who did?
    Ms. DOE. [Inaudible.]
    Voice. Shame!
    Chairman COMER. Order. The gentleman's time has expired.
"""


def test_hearing_record_headings_inserts_and_the_unidentified_voice():
    words = _words(HEARING)
    assert words == {
        "Chairman COMER": 33,  # 10 + 10 + 7 + 6; the STATEMENT OF heading is not his
        "Mr. RASKIN": 19,  # 10 + 7 + 2
        "Ms. DOE": 13,  # 10 + 3; the prepared-statement insert and the graphic placeholder are not hers
        "Voice": 1,
    }
    turns = parse_text(HEARING, name="record.txt").turns
    doe = " ".join(turns.loc[turns["speaker"] == "Ms. DOE", "text"])
    assert "[The prepared statement of Ms. Doe follows:]" in doe  # shown where it was, not counted
    assert "TIFF" not in " ".join(turns["text"]) and "STATEMENT OF" not in " ".join(turns["text"])


COURT = """\
THE COURT: Please be seated. Call your next witness.
MR. HARRIS: The People call Officer Dana Lee.
THE CLERK: Raise your right hand.
DIRECT EXAMINATION
BY MR. HARRIS:
Q. Officer Lee, where were you on June 3rd?
A. I was on patrol on Main Street.
MS. OKAFOR: Objection, Your Honor. Leading.
THE COURT: Overruled. You may answer. (Jury exits.)
A. It was going fast. (Sidebar conference held off the record.)
CROSS-EXAMINATION
BY MS. OKAFOR:
Q. You didn't write that down, did you?
A. No, I did not. (Witness excused.)
REDIRECT EXAMINATION
MS. OKAFOR: Nothing further.
"""


def test_court_headings_examination_markers_and_reporters_notes_are_not_speech():
    assert _words(COURT) == {
        "THE COURT": 11,  # 7 + 4
        "MR. HARRIS": 6,  # named as in his own label, not "BY MR. HARRIS"
        "THE CLERK": 4,
        "Q (MR. HARRIS)": 8,  # the questions after "BY MR. HARRIS:" are his
        "Q (MS. OKAFOR)": 7,
        "A": 15,  # 7 + 4 + 4 (no swearing-in note names the witness)
        "MS. OKAFOR": 6,  # 4 + 2
    }


FILING = """\
Case 1:21-cr-00123-ABC   Document 45   Filed 03/02/22   Page 12 of 200
 1   Q.   And what happened next?
 2   A.   He left the building and got
 3   into a black car.
 4            THE COURT:  Please be seated.
25   BY MR. ADAMS:
Case 1:21-cr-00123-ABC   Document 45   Filed 03/02/22   Page 13 of 200
 1   Q.   Where did the car go?
 2   A.   North.
Case 1:21-cr-00123-ABC   Document 45   Filed 03/02/22   Page 14 of 200
"""


def test_a_court_filings_page_headers_are_not_anyones_words():
    assert _words(FILING) == {"Q": 4, "Q (MR. ADAMS)": 5, "A": 11, "THE COURT": 3}  # Q 4, then 5 by Mr. Adams; A 10 + 1


HANSARD = """\
Prime Minister

The Prime Minister (Keir Starmer)
I thank my hon. Friend for her question. We are investing \u00a31.2 billion in the NHS.

Mrs Kemi Badenoch (North West Essex) (Con)
Will the Prime Minister confirm the figure?

The Prime Minister
I have just confirmed it.

Mr Speaker
Order. I call Sir Ed Davey.

Sir Ed Davey (Kingston and Surbiton) (LD)
The right hon. Lady said, and I quote: "We will not raise taxes." Was that true?

Mrs Badenoch
Yes.

Hon. Members
Hear, hear!
"""


def test_hansard_online_names_on_their_own_line_and_offices_with_the_holder_named():
    assert _words(HANSARD) == {
        "The Prime Minister (Keir Starmer)": 21,  # 16 + 5 ("The Prime Minister" is the same person)
        "Mrs Kemi Badenoch (North West Essex) (Con)": 8,  # 7 + 1 ("Mrs Badenoch")
        "Mr Speaker": 6,
        "Sir Ed Davey (Kingston and Surbiton) (LD)": 16,
        "Hon. Members": 2,
    }


def test_subheadings_over_paragraphs_are_not_speakers():
    text = (
        "Background\nThe council met on Monday to discuss the plan.\n\n"
        "The Budget\nIt costs four million dollars in all.\n\n"
        "Next Steps\nA vote is expected next month.\n\n"
        "Key Findings\nMost residents support it.\n"
    )
    assert set(_words(text)) == {"UNKNOWN"}


def test_a_short_record_excerpt_with_one_recurring_label_and_acting_chairs():
    text = (
        "The PRESIDING OFFICER (Mr. KAINE). The Senator from Virginia is recognized.\n"
        "Mr. WARNER. Thank you, Mr. President.\n"
        "The Acting CHAIR (Mr. BOST). The time of the gentleman has expired.\n"
        "Miss GONZ\u00c1LEZ-COL\u00d3N. I yield back.\n"
        "Mr. WARNER. I yield the floor.\n"
    )
    assert _words(text) == {
        "The PRESIDING OFFICER (Mr. KAINE)": 6,
        "Mr. WARNER": 8,  # 4 + 4
        "The Acting CHAIR (Mr. BOST)": 7,
        "Miss GONZ\u00c1LEZ-COL\u00d3N": 3,
    }


def test_a_redirect_heading_with_the_lawyer_named_is_not_a_speaker():
    text = (
        "THE COURT: Redirect?\n"
        "MR. HARRIS: Briefly, Your Honor.\n"
        "REDIRECT EXAMINATION BY MR. HARRIS:\n"
        "Q. Were you sure?\n"
        "A. Yes. (Exhibit 12 marked for identification.)\n"
        "MR. HARRIS: Nothing further. (Proceedings adjourned at 4:30 p.m.)\n"
    )
    assert _words(text) == {"THE COURT": 1, "MR. HARRIS": 5, "Q (MR. HARRIS)": 3, "A": 1}  # MR. HARRIS 3 + 2


def test_interpreter_and_radio_notes_are_not_words_and_do_not_split_a_speaker():
    text = (
        "MODERATOR: Mr. President, welcome.\n\n"
        "PRESIDENT ZELENSKYY (via interpreter): Thank you. (Speaks Ukrainian.)\n\n"
        "Q: Will you win?\n\n"
        "PRESIDENT ZELENSKYY (in English): Yes, we will win.\n\n"
        "STEVE INSKEEP, HOST: And that was the president. (SOUNDBITE OF ARCHIVED RECORDING)\n"
    )
    t = parse_text(text, name="record.txt")
    words = t.turns.groupby("speaker")["n_words"].sum().to_dict()
    assert words == {"MODERATOR": 3, "PRESIDENT ZELENSKYY": 6, "Q": 3, "STEVE INSKEEP, HOST": 5}  # Z: 2 + 4
    roles = dict(zip(t.turns["speaker"], t.turns["role"], strict=True))
    assert roles["STEVE INSKEEP, HOST"] == "question"  # a host asks, named or not


def test_a_un_meeting_records_closing_time_is_not_speech():
    text = (
        "The President: I give the floor to the representative of France.\n\n"
        "Mr. De Rivi\u00e8re (France): Thank you, Madam President.\n\n"
        "The President: The meeting is adjourned.\n\n"
        "The meeting rose at 11.40 a.m.\n"
    )
    assert _words(text) == {"The President": 13, "Mr. De Rivi\u00e8re (France)": 4}  # 9 + 4


def test_news_subheads_over_third_person_prose_are_not_speakers():
    text = (
        "Budget deal reached\n\n"
        "Lawmakers reached a deal late Tuesday after weeks of talks.\n\n"
        "Senate Majority Leader John Thune (R-SD)\nThune said the deal would pass this week.\n\n"
        "House Speaker Mike Johnson (R-LA)\nJohnson called it a win for taxpayers.\n\n"
        "Senate Minority Leader Chuck Schumer (D-NY)\nSchumer said Democrats would review the text.\n"
    )
    assert set(_words(text)) == {"UNKNOWN"}


GPO_HEARING_WITH_INSERTED_STATEMENT = """\
    Chairman JOHNSON. The committee will come to order. Our witness
today is Ms. Rivera. Ms. Rivera, you are recognized for five minutes.

    Ms. RIVERA. Thank you, Mr. Chairman. I will summarize my
written statement and ask that it be made part of the record.

    Chairman JOHNSON. Without objection.

    [The prepared statement of Ms. Rivera follows:]

              Prepared Statement of Maria Rivera

    Chairman Johnson, Ranking Member Lee, and members of the
committee, thank you for the opportunity to testify today about
the budget of the Office.

    The Office has three priorities this year. First, we will
modernize our systems.

    Chairman JOHNSON. Thank you. Mr. LEE, you are recognized.

    Mr. LEE. Thank you. Ms. Rivera, when will the systems be ready?

    Ms. RIVERA. Next year, sir.
"""


def test_a_statement_inserted_into_the_record_is_not_the_chairs_speech():
    t = parse_text(GPO_HEARING_WITH_INSERTED_STATEMENT, name="hearing.txt")
    # the chair: 20 + "Without objection." 2 + "Thank you. Mr. LEE, you are recognized." 7; the written
    # statement (heading 5 + 24 + 13 words) is page text, never the chair's words
    assert _words(GPO_HEARING_WITH_INSERTED_STATEMENT) == {"Chairman JOHNSON": 29, "Ms. RIVERA": 23, "Mr. LEE": 10}
    assert "priorities" not in " ".join(t.turns["text"])
    assert "three priorities this year" in t.metadata
    assert any(n.startswith("42 words of documents inserted into the record") for n in t.notices)
    assert not any("before the first speaker label" in n for n in t.notices)  # one notice, not two


SWORN = """\
THE COURT: Ms. Lee, call your next witness.

MS. LEE: The government calls Theresa Vance-Whitaker.

THE WITNESS: Theresa Ann Vance-Whitaker.

THERESA ANN VANCE-WHITAKER,
called as a witness by the Government,
having been duly sworn, testified as follows:

DIRECT EXAMINATION

BY MS. LEE:

Q. Where do you work?

A. At Meridian Capital Partners.

MS. LEE: Nothing further.

CROSS-EXAMINATION

BY MR. HARRIS:

Q. You never spoke to Mr. Okafor, did you?

A. Not directly, no.
"""


def test_court_questions_are_the_examiners_and_answers_the_sworn_witnesses():
    t = parse_text(SWORN, name="trial.txt")
    assert list(t.turns["speaker"]) == [
        "THE COURT",
        "MS. LEE",
        "THE WITNESS",
        "Q (MS. LEE)",
        "A (THERESA ANN VANCE-WHITAKER)",
        "MS. LEE",
        "Q (MR. HARRIS)",
        "A (THERESA ANN VANCE-WHITAKER)",
    ]
    # the swearing-in note is the court reporter's, not the witness's words: she said 3 words before it
    assert list(t.turns["n_words"]) == [6, 5, 3, 4, 4, 2, 8, 3]
    assert list(t.turns["role"])[3:5] == ["question", "answer"]
    assert any(n.startswith("The Q. lines after each BY ...: marker are named") for n in t.notices)


def test_a_time_opening_a_paragraph_of_a_turn_is_no_word():
    text = (
        "Kai Nakamura-Bell: [00:00:00] This is Hard Numbers.\n\n"
        "[00:00:09] My guest is Dr. Adeyemi. Welcome.\n\n"
        "Olusegun A. Adeyemi: [00:00:16] Thanks, Kai.\n\n"
        "[00:00:20] Call me Segun.\n"
    )
    t = parse_text(text, name="descript.txt")
    assert list(t.turns["n_words"]) == [4 + 6, 2 + 3]
    assert "00:00:09" not in t.turns["text"].iloc[0] and "00:00:09" in " ".join(t.removed)


def test_a_combined_heading_names_the_examiner_and_a_new_witness_ends_the_last_ones_answers():
    text = (
        "MS. LEE: The State calls Robert Hale.\n"
        "ROBERT HALE, called as a witness by the State, having been first duly sworn, testified as follows:\n"
        "DIRECT EXAMINATION\nBY MS. LEE:\nQ. Please state your name.\nA. Robert Hale.\n"
        "CROSS-EXAMINATION BY MR. GRANT:\nQ. You were alone that night?\nA. Yes.\n"
        "(Witness excused.)\nMS. LEE: The State calls Maria Park.\n(Witness sworn.)\nBY MS. LEE:\n"
        "Q. Your name?\nA. Maria Park.\n"
    )
    t = parse_text(text, name="trial.txt")
    assert list(t.turns["speaker"]) == [
        "MS. LEE",
        "Q (MS. LEE)",
        "A (ROBERT HALE)",
        "Q (MR. GRANT)",
        "A (ROBERT HALE)",
        "MS. LEE",
        "Q (MS. LEE)",
        "A",
    ]
    assert list(t.turns["n_words"]) == [5, 4, 2, 5, 1, 5, 2, 2]  # the single-spaced swearing-in note is no one's


def test_set_aside_page_text_is_never_the_title():
    # no headline before the first label: the inserted statement must not become the title
    t = parse_text(GPO_HEARING_WITH_INSERTED_STATEMENT, name="hearing.txt")
    assert t.title == "hearing" and t.summary == ""
    assert "Prepared Statement of Maria Rivera" in t.metadata  # still listed as page text
