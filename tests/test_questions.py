"""Counting the questions a turn asks: one test per rule of podium/questions.py, on crafted sentences."""

import pytest

from podium.questions import count_questions, sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        # rule 1: sentences ending in a question mark, each counted once
        ("Two things. First, on the levy? And second, will you run again?", 2),
        ("Really?!", 1),
        ("Is it over?? Yes, it is.", 1),
        ("Why? Because we said so.", 1),
        ("No question here.", 0),
        ("", 0),
        # full-width and Arabic question marks
        ("你好吗？你去哪儿？", 2),
        ("هل ستترشح مرة أخرى؟", 1),
        ("これは何ですか？", 1),
        # rule 2: question form without the mark (transcribers drop it)
        ("Can you say more about the timeline", 1),
        ("Mr. Secretary, can you say more.", 1),
        ("And what is the plan for the levy", 1),
        ("Tell us about the levy.", 1),
        ("I wanted to ask about the Supreme Court process.", 1),
        # ... but not statements that merely start with such a word
        ("When I was there, it rained.", 0),
        ("What a day.", 0),
        ("Do nothing.", 0),
        ("I want to thank you.", 0),
        ("Well, there is no change in the US or NATO position in this document.", 0),
        ("Good evening. We are looking forward to a spirited and thoughtful debate.", 0),
        # rule 3: the Chinese particle 吗 with no question mark
        ("你会去吗", 1),
        ("你会去吗。", 1),
        # rule 4: quoted speech does not ask
        ('He said "is it over?" and left.', 0),
        ("She asked “why now?” and nobody answered.", 0),
        ('He said "is it over?" Is it?', 1),
    ],
)
def test_question_counting_rules(text, expected):
    assert count_questions(text) == expected


def test_titles_and_initials_do_not_end_sentences():
    assert sentences("Mr. Smith went to the U.S. yesterday. Did he?") == [
        "Mr. Smith went to the U.S. yesterday.",
        "Did he?",
    ]
