"""Question/answer pairing on crafted turns."""

import pandas as pd

from podium.qa import QA_COLUMNS, filter_pairs, qa_pairs


def _turns(*rows):
    return pd.DataFrame(
        [
            {"turn_id": i, "speaker": s, "role": r, "text": t, "n_words": len(t.split())}
            for i, (s, r, t) in enumerate(rows)
        ]
    )


def test_several_answerers_are_each_labelled():
    turns = _turns(
        ("Q", "question", "Both of you?"),
        ("PRESIDENT TRUMP", "answer", "Yes indeed."),
        ("PRIME MINISTER MODI", "answer", "I agree."),
        ("Q", "question", "And then?"),
    )
    pairs = qa_pairs(turns)
    assert list(pairs.columns) == list(QA_COLUMNS)
    assert pairs.loc[0, "answer_speaker"] == "PRESIDENT TRUMP / PRIME MINISTER MODI"
    assert pairs.loc[0, "answer"] == "PRESIDENT TRUMP: Yes indeed.\n\nPRIME MINISTER MODI: I agree."
    assert pairs.loc[0, "answer_words"] == 4
    assert pairs.loc[0, "answer_turn_ids"] == "1 2"
    # the last question has no answer but stays listed
    assert pairs.loc[1, "answer"] == "" and pairs.loc[1, "answer_words"] == 0


def test_question_followed_by_question_is_unanswered():
    pairs = qa_pairs(_turns(("Q", "question", "One?"), ("REPORTER", "question", "Two?"), ("A", "answer", "Yes.")))
    assert list(pairs["answer"]) == ["", "Yes."]


def test_other_turns_end_an_answer():
    pairs = qa_pairs(
        _turns(
            ("Q", "question", "One?"), ("A", "answer", "Yes."), ("UNKNOWN", "other", "noise"), ("A", "answer", "More.")
        )
    )
    assert pairs.loc[0, "answer"] == "Yes."


def test_no_questions_gives_an_empty_table_with_columns():
    pairs = qa_pairs(_turns(("A", "answer", "Statement.")))
    assert pairs.empty and list(pairs.columns) == list(QA_COLUMNS)


def test_filter_pairs_by_asker_or_answerer():
    turns = _turns(
        ("Q", "question", "a?"),
        ("X", "answer", "b"),
        ("Q", "question", "c?"),
        ("Y", "answer", "d"),
        ("Z", "answer", "e"),
    )
    pairs = qa_pairs(turns)
    assert list(filter_pairs(pairs, ["Z"])["pair_id"]) == [1]
    assert list(filter_pairs(pairs, ["Q"])["pair_id"]) == [0, 1]
    assert list(filter_pairs(pairs, [])["pair_id"]) == [0, 1]
