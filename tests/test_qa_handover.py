"""Question units that a moderator's hand-over separates, the answer side's own sign-off, and
question labels in other languages (found by a new-user test). Turn numbers and pairs below are
read by hand off the text in each test.
"""

from __future__ import annotations

from podium.parse import parse_text
from podium.qa import qa_exchanges


def _pairs(text: str):
    return qa_exchanges(parse_text(text, name="qa.txt").turns)


BRIEFING = """\
MR PRICE: Good afternoon. I have one item at the top. Then I'll take questions.

QUESTION: Thanks, Ned. On Iran, is the deal dead?

MR PRICE: It is not dead.

QUESTION: Will Secretary Blinken meet Lavrov?

MODERATOR: We have time for one more. Go ahead, Said.

QUESTION: Thank you. On Gaza. What is the plan?

MR PRICE: I don't have anything for you on that.
"""


def test_a_moderator_handing_the_floor_over_ends_the_unanswered_question_before():
    pairs, remarks = _pairs(BRIEFING)
    # turns: 0 PRICE, 1 Q Iran, 2 PRICE, 3 Q Lavrov, 4 MODERATOR, 5 Q Gaza, 6 PRICE
    assert list(pairs["question_turn_ids"]) == ["1", "3", "4 5"]
    assert list(pairs["answer_turn_ids"]) == ["2", "", "6"]  # Lavrov went unanswered
    assert list(pairs["answer_speaker"]) == ["MR PRICE", "", "MR PRICE"]
    assert pairs["probable_questioner"].iloc[2] == "Said"
    assert list(remarks["kind"]) == ["opening statement"]


def test_two_questions_of_one_questioner_in_a_row_stay_one_unit():
    text = (
        "MS. LEAVITT: Go ahead.\n\n"
        "Q: Two questions. First, on tariffs, when?\n\n"
        "Q: And second, on Canada, why?\n\n"
        "MS. LEAVITT: Monday, and because of fentanyl.\n"
    )
    pairs, _ = _pairs(text)
    assert list(pairs["question_turn_ids"]) == ["1 2"]
    assert list(pairs["answer_turn_ids"]) == ["3"]


def test_the_answer_sides_thank_you_after_the_last_answer_is_closing_remarks():
    text = (
        "MS. LEAVITT: Good afternoon.\n\n"
        "Q: Why not?\n\n"
        "THE PRESIDENT: Because I said so. (Laughter.)\n\n"
        "MS. LEAVITT: Thank you, everybody.\n"
    )
    pairs, remarks = _pairs(text)
    assert list(pairs["answer_turn_ids"]) == ["2"]
    assert list(pairs["answer_speaker"]) == ["THE PRESIDENT"]
    closing = remarks[remarks["kind"] == "closing remarks"]
    assert list(closing["turn_ids"]) == ["3"] and list(closing["speaker"]) == ["MS. LEAVITT"]


def test_question_labels_in_other_languages_ask():
    for label in ("Frage", "PREGUNTA", "JOURNALISTE", "Pergunta", "Domanda", "MOD\u00c9RATEUR"):
        text = (
            "SPRECHER MEIER: Guten Tag.\n"
            f"{label}: Wann kommt das Gesetz?\n"
            "SPRECHER MEIER: Im Mai.\n"
            f"{label}: Und warum so sp\u00e4t?\n"
            "SPRECHER MEIER: Weil es kompliziert ist.\n"
        )
        pairs, _ = _pairs(text)
        assert list(pairs["question_turn_ids"]) == ["1", "3"], label
        assert list(pairs["answer_turn_ids"]) == ["2", "4"], label
