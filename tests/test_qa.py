"""Question/answer pairing on crafted turns and on real briefings, each value checked by hand."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.parse import parse_text, read_transcript
from podium.qa import QA_COLUMNS, REMARK_COLUMNS, called_on_name, filter_pairs, qa_exchanges, qa_pairs
from podium.text import words
from tests.conftest import CORPUS


def _turns(*rows):
    """Turns from (speaker, role, text); a text ending in "--" is cut off."""
    return pd.DataFrame(
        [
            {
                "turn_id": i,
                "speaker": s,
                "role": r,
                "text": t,
                "n_words": len(words(t)),
                "cut_off": t.endswith("--"),
            }
            for i, (s, r, t) in enumerate(rows)
        ]
    )


def _pairs(*rows):
    return qa_exchanges(_turns(*rows))


def test_several_answerers_each_keep_their_block():
    pairs, _ = _pairs(
        ("Q", "question", "Both of you?"),
        ("PRESIDENT TRUMP", "answer", "Yes indeed."),
        ("PRIME MINISTER MODI", "answer", "I agree."),
        ("Q", "question", "And then?"),
    )
    assert list(pairs.columns) == list(QA_COLUMNS)
    assert pairs.loc[0, "answer_speaker"] == "PRESIDENT TRUMP / PRIME MINISTER MODI"
    assert pairs.loc[0, "answer"] == "PRESIDENT TRUMP: Yes indeed.\n\nPRIME MINISTER MODI: I agree."
    assert pairs.loc[0, "answer_words"] == 4
    assert pairs.loc[0, "answer_turn_ids"] == "1 2"
    # the last question has no answer but stays listed: an unanswered question is news
    assert pairs.loc[1, "answer"] == "" and pairs.loc[1, "answer_words"] == 0


def test_a_thank_you_after_an_answer_is_not_a_pair():
    pairs, remarks = _pairs(
        ("QUESTION", "question", "Will you run again?"),
        ("MR PRICE", "answer", "Yes."),
        ("QUESTION", "question", "Thank you."),
        ("MR PRICE", "answer", "Thanks, everyone."),
    )
    assert len(pairs) == 1 and pairs.loc[0, "answer_turn_ids"] == "1"
    # the closing thank-you and the reply are closing remarks, not an answer
    assert list(remarks["kind"]) == ["closing remarks"]
    assert remarks.loc[0, "turn_ids"] == "2 3"
    assert remarks.loc[0, "text"] == "QUESTION: Thank you.\n\nMR PRICE: Thanks, everyone."


def test_a_greeting_and_an_opening_statement_are_not_a_pair():
    pairs, remarks = _pairs(
        ("Q", "question", "Good afternoon."),
        ("MS. PSAKI", "answer", "Good afternoon. A couple of announcements at the top. The plan is ready."),
        ("Q", "question", "Is the plan ready?"),
        ("MS. PSAKI", "answer", "It is."),
    )
    assert list(pairs["question_turn_id"]) == [2]
    assert remarks.loc[0, "kind"] == "opening statement"
    assert remarks.loc[0, "turn_ids"] == "0 1"
    assert remarks.loc[0, "n_words"] == 15  # every word the remark shows: "Good afternoon." and her 13
    assert list(remarks.columns) == list(REMARK_COLUMNS)


def test_a_remark_that_asks_nothing_stays_inside_the_answer_with_its_speaker():
    pairs, _ = _pairs(
        ("Q", "question", "Any update on the threat at the school?"),
        ("MS. PSAKI", "answer", "I don't have any updates on this."),
        ("Q", "question", "It just happened, yeah."),
        ("MS. PSAKI", "answer", "Okay. Excellent."),
        ("Q", "question", "And the tax credit?"),
        ("MS. PSAKI", "answer", "We are encouraging people to use it."),
    )
    assert list(pairs["answer_turn_ids"]) == ["1 2 3", "5"]
    assert "Q: It just happened, yeah." in pairs.loc[0, "answer"]
    assert pairs.loc[0, "answer_words"] == 7 + 2  # the answer side's words only


def test_debate_set_ups_are_not_questions_and_both_candidates_answer():
    pairs, remarks = _pairs(
        ("WALLACE", "question", "Good evening. We are looking forward to a spirited and thoughtful debate."),
        ("WALLACE", "question", "The first topic is the Supreme Court. Mr. Vice President, why should you decide?"),
        ("BIDEN", "answer", "The people should decide."),
        ("WALLACE", "question", "Two minutes, President Trump."),
        ("TRUMP", "answer", "We won the election."),
        ("WALLACE", "question", "Next topic is the economy. President Trump, will jobs come back?"),
        ("TRUMP", "answer", "Yes."),
    )
    assert len(pairs) == 2  # not four: greetings and "Two minutes" ask nothing
    first = pairs.loc[0]
    assert first["question_turn_ids"] == "0 1"  # the set-up belongs to the question it leads to
    assert first["answer_speaker"] == "BIDEN / TRUMP"
    assert first["answer"] == (
        "BIDEN: The people should decide.\n\nWALLACE: Two minutes, President Trump.\n\nTRUMP: We won the election."
    )
    assert first["answer_words"] == 4 + 4
    assert remarks.empty


def test_a_follow_up_after_being_cut_off_joins_the_question():
    pairs, _ = _pairs(
        ("Q", "question", "Will you --"),
        ("THE PRESIDENT", "answer", "Well --"),
        ("Q", "question", "-- run again?"),
        ("THE PRESIDENT", "answer", "I expect to."),
    )
    assert len(pairs) == 1
    assert pairs.loc[0, "question_turn_ids"] == "0 1 2"
    assert pairs.loc[0, "question_words"] == 4  # the reporter's words only: "Will you", "run again"
    assert pairs.loc[0, "question_cut_off"]
    assert pairs.loc[0, "answer_turn_ids"] == "3"


def test_a_wind_up_and_a_go_ahead_join_the_question():
    pairs, _ = _pairs(
        ("QUESTION", "question", "Secretary Blinken, if I can ask you about the war in Gaza."),
        ("SECRETARY BLINKEN", "answer", "Go ahead, please."),
        ("QUESTION", "question", "What's happening there?"),
        ("SECRETARY BLINKEN", "answer", "Two things."),
    )
    assert list(pairs["question_turn_ids"]) == ["0 1 2"]


def test_several_officials_record_who_answered():
    pairs, _ = _pairs(
        ("Q", "question", "Mr. President, when?"),
        ("PRESIDENT TRUMP", "answer", "Soon."),
        ("Q", "question", "Prime Minister, and you?"),
        ("PRIME MINISTER MODI", "answer", "Later."),
    )
    assert list(pairs["answer_speaker"]) == ["PRESIDENT TRUMP", "PRIME MINISTER MODI"]


def test_other_turns_stay_in_the_answer_but_do_not_answer():
    pairs, _ = _pairs(
        ("Q", "question", "One?"),
        ("A", "answer", "Yes."),
        ("INTERPRETER", "other", "(in translation)"),
        ("A", "answer", "More."),
    )
    assert pairs.loc[0, "answer_turn_ids"] == "1 2 3"
    assert pairs.loc[0, "answer_speaker"] == "A"
    assert pairs.loc[0, "answer_words"] == 2


def test_no_questions_gives_empty_tables_with_columns():
    pairs, remarks = _pairs(("A", "answer", "Statement."))
    assert pairs.empty and list(pairs.columns) == list(QA_COLUMNS)
    assert list(remarks["kind"]) == ["opening statement"]
    assert qa_pairs(_turns(("A", "answer", "Statement."))).empty


def test_every_turn_lands_in_exactly_one_place():
    turns = read_transcript(CORPUS / "whitehouse" / "wh_psaki_2022-02-08.md").turns
    pairs, remarks = qa_exchanges(turns)
    ids = []
    for column in ("question_turn_ids", "answer_turn_ids"):
        ids += [int(i) for cell in pairs[column] for i in cell.split()]
    ids += [int(i) for cell in remarks["turn_ids"] for i in cell.split()]
    assert sorted(ids) == list(turns["turn_id"])


def test_filter_pairs_by_asker_or_answerer():
    pairs, _ = _pairs(
        ("Q", "question", "a?"),
        ("X", "answer", "b"),
        ("Q", "question", "c?"),
        ("Y", "answer", "d"),
        ("Z", "answer", "e"),
    )
    assert list(filter_pairs(pairs, ["Z"])["pair_id"]) == [1]
    assert list(filter_pairs(pairs, ["Q"])["pair_id"]) == [0, 1]
    assert list(filter_pairs(pairs, [])["pair_id"]) == [0, 1]


@pytest.mark.parametrize(
    "text, name",
    [
        ("It depends on the Congress, we'll see. Marisol.", "Marisol"),
        ("That's all I have on that. Go ahead, Dev.", "Dev"),
        ("Kristen, go ahead.", "Kristen"),
        ("Let me get here. Okay, Cecilia Vega.", "Cecilia Vega"),
        ("Okay. Excellent.", ""),
        ("We will decide on next steps.", ""),
        ("Thank you.", ""),
        ("Yeah, blue shirt.", ""),
        ("I spoke with Putin.", ""),
    ],
)
def test_called_on_name(text, name):
    assert called_on_name(text) == name


def test_probable_questioner_is_the_name_called_on_before_the_question():
    pairs, _ = _pairs(
        ("Q", "question", "First?"),
        ("MS. PSAKI", "answer", "Yes. Go ahead, Dev."),
        ("Q", "question", "Second?"),
        ("MS. PSAKI", "answer", "No."),
    )
    assert list(pairs["probable_questioner"]) == ["", "Dev"]
    assert list(pairs["question_speaker"]) == ["Q", "Q"]  # never merged into the label


# --- real briefings, checked by hand against the files ---------------------------------------


def test_white_house_briefing_with_q_labels():
    t = read_transcript(CORPUS / "whitehouse" / "wh_psaki_2022-02-08.md")
    pairs, remarks = qa_exchanges(t.turns)
    # turn 0 is Psaki's opening statement ("happy Tuesday ... a couple of announcements at the top")
    assert remarks.loc[0, "kind"] == "opening statement" and remarks.loc[0, "turn_ids"] == "0"
    assert remarks.loc[0, "speaker"] == "MS. PSAKI"
    # Q 1 (Dunbar High School) -> Psaki 2, then "It just happened, yeah." (Q 3) and "Okay. Excellent." (4)
    # stay in that exchange; Q 5 (Child Tax Credit) -> 6; Q 7 (Dr. Lander) -> "Mm-hmm.", "Or this morning.",
    # "Last night." (8-10)
    assert list(pairs["question_turn_ids"][:4]) == ["1", "5", "7", "11"]
    assert list(pairs["answer_turn_ids"][:4]) == ["2 3 4", "6", "8 9 10", "12"]
    assert pairs.loc[0, "question_cut_off"]  # "... but we don't know —"
    assert pairs.loc[0, "n_questions"] == 1  # "Do you have any information about ...?"
    assert set(pairs["answer_speaker"]) == {"MS. PSAKI"}


def test_white_house_press_conference_called_on_names():
    t = read_transcript(CORPUS / "whitehouse" / "wh_biden_press_conference_2021-03-25.md")
    pairs, _ = qa_exchanges(t.turns)
    # "Let me get here. Okay, Cecilia Vega." ends the answer before "Q I'd like to circle back to immigration"
    row = pairs[pairs["probable_questioner"] == "Cecilia Vega"].iloc[0]
    assert "Q: I'd like to circle back to immigration" in row["question"]
    assert {"Ken", "Kristen"} <= set(pairs["probable_questioner"])


def test_state_department_interview_with_question_labels():
    t = read_transcript(CORPUS / "statedept" / "state_blinken_holt_nbc_2023.txt")
    pairs, remarks = qa_exchanges(t.turns)
    # QUESTION 0 (Xi "dictator") -> BLINKEN 1; QUESTION 2 "if I can ask you about the war in Gaza", BLINKEN 3
    # "Go ahead, please.", QUESTION 4 "What's happening there?" -> BLINKEN 5
    assert list(pairs["question_turn_ids"]) == ["0", "2 3 4"]
    assert list(pairs["answer_turn_ids"]) == ["1", "5"]
    assert list(pairs["answer_words"]) == [112, 35]
    assert remarks.empty


def test_diarized_podcast_pairs_after_role_inference():
    t = read_transcript(CORPUS / "stt_json" / "aws_transcribe_todayinfocus_podcast.json")
    assert t.inferred_roles.keys() == {"spk_0"}
    pairs, _ = qa_exchanges(t.turns)
    # spk_0 asks "what on earth is going on in Parliament?" (0), "Can you describe error for May?" (4),
    # "Thank you. Do people know the cyclone was coming?" (6); spk_0's long narration (2) asks nothing
    assert list(pairs["question_turn_ids"]) == ["0", "4", "6"]
    assert list(pairs["answer_turn_ids"]) == ["1 2 3", "5", "7"]
    assert set(pairs["answer_speaker"]) == {"spk_1"}


def test_pairing_is_linear_in_turns():
    """80,000 turns pair without copying the rest of the transcript per question (bench has the timing)."""
    rows = [("Q", "question", "Will it pass?"), ("A", "answer", "Yes it will.")] * 40_000
    pairs, _ = qa_exchanges(_turns(*rows))
    assert len(pairs) == 40_000 and pairs["answer_words"].sum() == 120_000


def test_pairs_from_parsed_text_use_the_turn_question_counts():
    t = parse_text('Q: He said "is it over?" and left.\n\nA: Right.\n\nQ: Is it?\n\nA: No.\n')
    assert list(t.turns["n_questions"]) == [0, 0, 1, 0]
    pairs = qa_pairs(t.turns)
    assert list(pairs["question_turn_id"]) == [2]


_TEXTS = ["Will it pass?", "Thank you.", "Yes.", "Well --", "-- and then?", "Go ahead.", "No comment.", "Why? Because."]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["Q", "A", "B", "OP"]), st.sampled_from(_TEXTS)),
        max_size=30,
    )
)
def test_every_turn_lands_once_and_pairs_ask(rows):
    roles = {"Q": "question", "A": "answer", "B": "answer", "OP": "other"}
    turns = _turns(*[(s, roles[s], t) for s, t in rows])
    if turns.empty:
        return
    pairs, remarks = qa_exchanges(turns)
    ids = [
        int(i) for column in ("question_turn_ids", "answer_turn_ids") for cell in pairs[column] for i in cell.split()
    ]
    ids += [int(i) for cell in remarks["turn_ids"] for i in cell.split()]
    assert sorted(ids) == list(range(len(turns)))  # nothing lost, nothing twice
    assert (pairs["n_questions"] >= 1).all()  # a pair always asks
    assert list(pairs["pair_id"]) == list(range(len(pairs)))
    firsts = [int(cell.split()[0]) for cell in pairs["question_turn_ids"]]
    assert firsts == sorted(firsts)  # in transcript order


def test_speaker_names_of_a_joined_cell():
    from podium.qa import speaker_names

    assert speaker_names("MODERATOR / Q") == ["MODERATOR", "Q"]
    assert speaker_names("MS. PSAKI") == ["MS. PSAKI"]
    assert speaker_names("") == [] and speaker_names(None) == [] and speaker_names(float("nan")) == []


def test_a_word_cut_off_while_the_answer_finishes_belongs_to_that_answer():
    # the questioner's "Now--" cuts in; the witness finishes ("And advocated it."); then the next
    # question: the three words are the previous answer's, counted there (they were in neither side)
    pairs, _ = _pairs(
        ("LIMAN", "question", "Had Casey approved the diversion?"),
        ("NORTH", "answer", "Director Casey was very enthusiastic about the whole program."),
        ("LIMAN", "question", "Now--"),
        ("NORTH", "answer", "And advocated it."),
        ("LIMAN", "question", "When you met the Attorney General, did he ask you about it?"),
        ("NORTH", "answer", "He did."),
    )
    assert list(pairs["question_turn_ids"]) == ["0", "4"]
    assert list(pairs["answer_turn_ids"]) == ["1 2 3", "5"]
    assert list(pairs["answer_words"]) == [9 + 3, 2]
    # a wind-up cut off before its question stays the question's ("I'd like to circle back --")
    pairs, _ = _pairs(
        ("Q", "question", "Will it pass?"),
        ("THE PRESIDENT", "answer", "It will."),
        ("Q", "question", "I'd like to circle back to immigration, please --"),
        ("THE PRESIDENT", "answer", "Astounding."),
        ("Q", "question", "-- and his mother says she trusts you. Does she?"),
        ("THE PRESIDENT", "answer", "I hope so."),
    )
    assert list(pairs["question_turn_ids"]) == ["0", "2 3 4"]
