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


# ---- the per-paragraph cache gives what one pass over the whole text gave -----------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from podium import questions  # noqa: E402


def _whole_text_question_sentences(text: str) -> list[str]:
    """The definition before the per-paragraph cache: quotes out, split, keep the asking sentences."""
    unquoted = questions._QUOTED_RE.sub(" ", text)
    return [s for s in sentences(unquoted) if questions._asks(s)]


_PIECES = st.sampled_from(
    [
        "Can you", "say more", "what is", "the plan", "Mr.", "U.S.", "Dr.", "is it", "over", "Tell us",
        "we won", "吗", "这是", "?", "??", ".", "!", "?!", "。", "？", "؟", ",", '"', "“", "”", "«", "»",
        "「", "」", "'", ")", "]", "-", "—", " ", " ", "\n", "\n\n", "\n \n", " \n\n ", "\n\n\n", "\t",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.booleans())
def test_question_sentences_same_as_one_pass_over_the_whole_text(text, warm):
    if not warm:
        questions.clear_cache()
    assert questions.question_sentences(text) == _whole_text_question_sentences(text)
    assert count_questions(text) == len(_whole_text_question_sentences(text))


def test_paragraphs_of_a_pair_reuse_the_counts_of_their_turns():
    # hand-checked: the question turn asks 2 (a "?" and a question form), the answer asks back 1
    question_turn = 'Two things. First, on the levy? And second, will you run again\n\nHe said "is it over?" today.'
    answer_turn = "We will see. Why would I? Thank you."
    questions.clear_cache()
    assert count_questions(question_turn) == 2
    assert count_questions(answer_turn) == 1
    cached = set(questions._PARAGRAPH_CACHE)
    joined = f"{question_turn}\n\n{answer_turn}"
    assert count_questions(joined) == 3
    assert set(questions._PARAGRAPH_CACHE) == cached  # every paragraph was a cache hit
    assert questions.question_sentences(joined) == [
        "First, on the levy?",
        "And second, will you run again",
        "Why would I?",
    ]


def test_statements_that_open_like_a_wh_question_are_not_questions():
    from podium.questions import question_sentences

    statements = [
        "But what's important is what we were able to achieve with yesterday's meeting.",
        "What is being implemented now in Bitcoin Core is the general mechanism.",
        "Your husband signed NAFTA, which was one of the worst things that ever happened.",
        "I sit on the board of Northeast Health, which is a local health-provider organization.",
    ]
    assert [question_sentences(s) for s in statements] == [[], [], [], []]
    # questions without a question mark, as speech-to-text writes them, still are
    asked = [
        "How many people died in India.",
        "So my question sir is, what is the Trump healthcare plan.",
        "Senator, who is your pick",
        "What is the chance that he did it.",
        "What do you think it is",
    ]
    assert [len(question_sentences(s)) for s in asked] == [1, 1, 1, 1, 1]
