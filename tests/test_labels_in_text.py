"""Labels in text (issue 10): once-seen labels, notes in parentheses, non-speech events, detection
by content. Each case is crafted; values are checked by hand."""

from podium import parse_text
from podium.annotations import stage_direction_table
from podium.text import words

HEARING = (
    "Hearing\n\nThe CHAIRMAN. The committee will come to order.\n\nMr. SMITH. Thank you.\n\n"
    "The CHAIRMAN. Go ahead.\n\n{line}\n\nMr. SMITH. Thanks.\n"
)


def turns(text, name="x.txt"):
    t = parse_text(text, name=name)
    return t, list(zip(t.turns["speaker"], t.turns["text"], strict=True))


def test_once_seen_period_label_with_a_double_space():
    _, got = turns(HEARING.format(line="Mr.  PEMBROKE. I yield."))
    assert got[3] == ("Mr. PEMBROKE", "I yield.")
    assert [s for s, _ in got] == ["The CHAIRMAN", "Mr. SMITH", "The CHAIRMAN", "Mr. PEMBROKE", "Mr. SMITH"]


def test_once_seen_period_label_with_a_parenthetical():
    _, got = turns(HEARING.format(line="MS. ODUYA (reading). Into the record."))
    assert got[3] == ("MS. ODUYA (reading)", "Into the record.")


def test_a_two_letter_name_among_many_one_word_labels():
    text = (
        "Show\n\nANA: Hello there.\n\nBEN: Hi.\n\nANA: How are you?\n\nBEN: Fine.\n\n"
        "JO: Right.\n\nANA: Good.\n\nBEN: Yes.\n"
    )
    _, got = turns(text)
    assert got[4] == ("JO", "Right.")
    assert len(got) == 7


def test_emphasis_before_a_colon_stays_speech_among_one_word_labels():
    text = (
        "Show\n\nANA: Hello.\n\nBEN: Hi.\n\nANA: Look.\n\nBEN: Fine. REMEMBER: we did it.\n\nANA: Good.\n\nBEN: Yes.\n"
    )
    _, got = turns(text)
    assert [s for s, _ in got] == ["ANA", "BEN", "ANA", "BEN", "ANA", "BEN"]
    text = "Show\n\nANA: Hello.\n\nBEN: Hi.\n\nANA: Look.\n\nBEN: Fine.\n\nSO: what now.\n\nANA: Good.\n\nBEN: Yes.\n"
    _, got = turns(text)
    assert got[3] == ("BEN", "Fine.\n\nSO: what now.")


def test_a_long_title_label_that_recurs():
    label = "THE HONORABLE PAT L. MERRIWEATHER, UNDER SECRETARY FOR ENERGY"
    text = f"Hearing\n\nTHE CHAIR: Welcome.\n\n{label}: Thank you.\n\nTHE CHAIR: Go on.\n\n{label}: Our budget.\n"
    _, got = turns(text)
    assert got == [("THE CHAIR", "Welcome."), (label, "Thank you."), ("THE CHAIR", "Go on."), (label, "Our budget.")]


def test_the_same_person_with_and_without_a_note_is_one_speaker_and_the_note_stays():
    text = (
        "Presser\n\nPRESIDENT ALVAREZ (through interpreter): Thank you.\n\nREPORTER: Question?\n\n"
        "PRESIDENT ALVAREZ: Yes.\n\nMODERATOR (off mic): Next.\n\nMODERATOR: Go.\n"
    )
    t, got = turns(text)
    assert got == [
        ("PRESIDENT ALVAREZ", "(through interpreter) Thank you."),
        ("REPORTER", "Question?"),
        ("PRESIDENT ALVAREZ", "Yes."),
        ("MODERATOR", "(off mic) Next.\n\nGo."),
    ]
    assert list(t.turns["n_words"]) == [2, 1, 1, 2]  # the notes are not words
    assert t.aliases["PRESIDENT ALVAREZ"] == ["PRESIDENT ALVAREZ", "PRESIDENT ALVAREZ (through interpreter)"]


def test_non_speech_events_in_caption_shapes_are_stage_directions():
    text = (
        "Show\n\nANA: Hello [LAUGH] there [SIGH] ok [MUSIC PLAYING] (everyone laughs) yes "
        "(audience members shouting) \u266a la la la \u266a done.\n\nBEN: A (book) on (yellow) birds.\n"
    )
    t = parse_text(text)
    # "Hello there ok yes done" / "A book on yellow birds": (book) and (yellow) are not events
    assert list(t.turns["n_words"]) == [5, 5]
    assert words("A (book) on (yellow) birds.") == ["A", "book", "on", "yellow", "birds"]
    table = stage_direction_table(t.turns).set_index("stage_direction")
    assert table.loc["singing", "count"] == 1
    assert set(table.index) == {
        "laugh",
        "sigh",
        "music playing",
        "everyone laughs",
        "audience members shouting",
        "singing",
    }


def test_html_suffix_with_a_first_tag_p_is_html():
    t = parse_text("<p>MAYOR: Hi &amp; welcome.</p>\n<p>CLERK: Noted.</p>\n", name="minutes.html")
    assert list(zip(t.turns["speaker"], t.turns["text"], strict=True)) == [
        ("MAYOR", "Hi & welcome."),
        ("CLERK", "Noted."),
    ]


def test_markdown_bold_labels_with_the_colon_outside_in_rst_and_txt():
    text = (
        "Title\n=====\n\n**Sir Alder Finch**: Thank you.\n\n**Lady Brook**: Welcome.\n\n**Sir Alder Finch**: Indeed.\n"
    )
    for name in ("inquiry.rst", "inquiry.txt"):
        t, got = turns(text, name)
        assert got == [("Sir Alder Finch", "Thank you."), ("Lady Brook", "Welcome."), ("Sir Alder Finch", "Indeed.")]
        assert t.title == "Title"
