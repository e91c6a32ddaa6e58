# ruff: noqa: E501  (the paragraphs are one line each, as copied from the page)
"""Earnings-call transcripts as business reporters copy them (The Motley Fool, Seeking Alpha): a
name line over each turn, no colon. Word counts are checked by hand against the texts below."""

from __future__ import annotations

from podium.parse import parse_text

MOTLEY_FOOL = """\
Apple (AAPL) Q3 2024 Earnings Call Transcript

Prepared Remarks:

Operator

Good day, and welcome to the Apple Q3 fiscal year 2024 earnings conference call. Today's call is being recorded. At this time, for opening remarks and introductions, I would like to turn the call over to Suhasini Chandramouli, director of investor relations. Please go ahead.

Suhasini Chandramouli -- Director, Investor Relations

Good afternoon, and thank you for joining us. Speaking first today is Apple's CEO, Tim Cook. And he'll be followed by CFO, Luca Maestri.

Tim Cook -- Chief Executive Officer

Thank you, Suhasini. Good afternoon, everyone, and thanks for joining the call. Today, Apple is reporting revenue of $85.8 billion for the June quarter, up 5% from a year ago.

We set a June quarter record for services.

Luca Maestri -- Chief Financial Officer

Thank you, Tim, and good afternoon, everyone. Revenue for the quarter was $85.8 billion.

Questions & Answers:

Operator

Our first question comes from Erik Woodring with Morgan Stanley.

Erik Woodring -- Morgan Stanley -- Analyst

Great. Thank you very much for taking my questions. Tim, how are you thinking about the AI cycle?

Tim Cook -- Chief Executive Officer

Erik, it's Tim. We're very bullish on it.

Operator

Our next question is from Ben Reitzes with Melius.

Ben Reitzes -- Melius Research -- Analyst

Hey, thanks a lot. What about China?

Luca Maestri -- Chief Financial Officer

Ben, China was down 6.5% for the quarter.

Duration: 0 minutes

Call participants:

Suhasini Chandramouli -- Director, Investor Relations

Tim Cook -- Chief Executive Officer

Luca Maestri -- Chief Financial Officer

Erik Woodring -- Morgan Stanley -- Analyst

More AAPL analysis

All earnings call transcripts
"""

SEEKING_ALPHA = """\
Apple Inc. (NASDAQ:AAPL) Q3 2024 Earnings Conference Call August 1, 2024 5:00 PM ET

Company Participants

Suhasini Chandramouli - Director, IR
Tim Cook - CEO
Luca Maestri - CFO

Conference Call Participants

Erik Woodring - Morgan Stanley
Ben Reitzes - Melius

Operator

Good day, and welcome to the Apple Q3 fiscal year 2024 earnings conference call. Please go ahead.

Suhasini Chandramouli

Good afternoon, and thank you for joining us.

Tim Cook

Thank you, Suhasini. Today, Apple is reporting revenue of $85.8 billion.

Question-and-Answer Session

Operator

Our first question comes from Erik Woodring with Morgan Stanley.

Erik Woodring

Great. Tim, how are you thinking about the AI cycle?

Tim Cook

Erik, it's Tim. We're very bullish on it.

Operator

Our next question is from Ben Reitzes with Melius.

Ben Reitzes

Hey, thanks a lot. What about China?

Luca Maestri

Ben, China was down 6.5% for the quarter.

Unidentified Analyst

One more on margins?

Luca Maestri

Margins were 46.3%.
"""


def test_motley_fool_name_and_role_lines_start_turns():
    t = parse_text(MOTLEY_FOOL, name="aapl_q3.txt")
    assert list(t.turns["speaker"]) == [
        "Operator",
        "Suhasini Chandramouli",
        "Tim Cook",
        "Luca Maestri",
        "Operator",
        "Erik Woodring",
        "Tim Cook",
        "Operator",
        "Ben Reitzes",
        "Luca Maestri",
    ]
    # "Questions & Answers:" is a heading, not Luca Maestri's words (14, not 16); "5%" is one word
    assert list(t.turns["n_words"]) == [45, 24, 38, 14, 10, 18, 8, 9, 7, 8]
    assert t.title == "Apple (AAPL) Q3 2024 Earnings Call Transcript"
    # the closing list of participants is page text, not speech, and not the summary
    assert "Call participants:" in t.metadata and "Director, Investor Relations" in t.metadata
    assert t.summary == ""
    assert "-- Chief Executive Officer" in t.removed
    assert set(t.turns.loc[t.turns["role"] == "question", "speaker"]) == {"Erik Woodring", "Ben Reitzes"}


def test_seeking_alpha_roster_names_start_turns():
    t = parse_text(SEEKING_ALPHA, name="aapl_q3_sa.txt")
    assert list(t.turns["speaker"]) == [
        "Operator",
        "Suhasini Chandramouli",
        "Tim Cook",
        "Operator",
        "Erik Woodring",
        "Tim Cook",
        "Operator",
        "Ben Reitzes",
        "Luca Maestri",
        "Unidentified Analyst",
        "Luca Maestri",
    ]
    assert list(t.turns["n_words"]) == [17, 8, 11, 10, 10, 8, 9, 7, 8, 4, 3]
    assert "Question-and-Answer Session" in t.removed
    assert "Tim Cook - CEO" in t.metadata  # the roster stays page text


def test_a_news_story_with_dashed_bylines_is_not_an_earnings_call():
    text = (
        "Markets rally\n\nJane Doe -- Reuters\n\nStocks rose on Tuesday as investors cheered the results.\n\n"
        "Operator\n\nThe word operator here is a heading in a story about phone companies.\n\n"
        "John Roe -- AP\n\nBonds fell.\n"
    )
    t = parse_text(text, name="story.txt")
    assert list(t.turns["speaker"]) == ["UNKNOWN"]  # no name recurs: not a call's layout
