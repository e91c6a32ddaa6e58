"""Turn-taking: interruptions under the stated rule, crosstalk, waits, questions (hand-checked crafted cases)."""

import pandas as pd
import pytest

from podium.parse import parse_text
from podium.talk_time import format_spans
from podium.turn_taking import crosstalk, interruptions, questions, speaker_changes, turn_taking_table


def _turns(rows):
    """Turns from (speaker, role, text, start_s, end_s) rows."""
    frame = pd.DataFrame(rows, columns=["speaker", "role", "text", "start_s", "end_s"])
    return frame.assign(
        turn_id=range(len(frame)),
        n_words=frame["text"].str.split().map(len),
        speech_s=frame["end_s"] - frame["start_s"],
        # written as the parser writes them (to the millisecond, never "1e-05": Hypothesis found that)
        speech_spans=[format_spans([(s, e)]) for s, e in zip(frame["start_s"], frame["end_s"], strict=True)],
        cut_off=frame["text"].str.rstrip().str.endswith("--"),
        is_question=frame["text"].str.contains("?", regex=False),
    )


DEBATE = _turns(
    [
        ("MOD", "question", "Senator, your plan?", 0, 3),
        ("ANN", "answer", "My plan is simple and it will --", 3, 9),
        ("BOB", "answer", "That is not true. [crosstalk]", 9, 12),
        ("ANN", "answer", "Let me finish. The plan works.", 12, 20),
        ("BOB", "answer", "No it does not.", 19, 21),  # starts 1 s before ANN's speech ends
        ("ANN", "answer", "Yes.", 20.8, 21.5),  # 0.2 s early: jitter, not an interruption
        ("MOD", "question", "Thank you. Next question, Bob?", 22, 25),
        ("MOD2", "question", "And a follow-up?", 25, 27),
        ("BOB", "answer", "Sure.", 27, 28),
    ]
)


def test_interruptions_by_cut_off_marker_and_by_overlap():
    found = interruptions(DEBATE, timed=True)
    assert found[["interrupter", "interrupted", "turn_id", "rule"]].values.tolist() == [
        ["BOB", "ANN", 2, "cut-off marker"],
        ["BOB", "ANN", 4, "overlap"],
    ]
    assert found["overlap_s"].tolist() == [0.0, 1.0]
    assert found["at_s"].tolist() == [9.0, 19.0]
    assert found["cut_off_words"].iloc[0] == "My plan is simple and it will --"
    # without timestamps only the cut-off marker counts
    assert interruptions(DEBATE, timed=False)["turn_id"].tolist() == [2]


def test_crosstalk_questions_waits_and_changes():
    assert crosstalk(DEBATE)[["turn_id", "speaker", "marker"]].values.tolist() == [[2, "BOB", "[crosstalk]"]]
    asked = questions(DEBATE)
    # MOD asked ANN (turn 0), and "Next question, Bob?" was followed by MOD2, another questioner: no answer
    assert asked.values.tolist() == [["MOD", "ANN", 1], ["MOD", "(no answer)", 1], ["MOD2", "BOB", 1]]
    assert speaker_changes(DEBATE) == 8
    table = turn_taking_table(DEBATE, timed=True).set_index("speaker")
    assert table.loc["BOB", ["interruptions_made", "times_interrupted", "crosstalk_markers"]].tolist() == [2, 0, 1]
    assert table.loc["ANN", "times_interrupted"] == 2
    assert table.loc["ANN", "questions_received"] == 1 and table.loc["MOD", "questions_asked"] == 2
    # ANN speaks in turns 1, 3, 5: one turn between each, waits 9->12 (3 s) and 20->20.8 (0.8 s)
    assert table.loc["ANN", "mean_wait_turns"] == 1.0
    assert table.loc["ANN", "mean_wait_s"] == pytest.approx(1.9)
    assert pd.isna(table.loc["MOD2", "mean_wait_s"])


def test_interruptions_in_a_parsed_transcript():
    text = "ALICE: I was saying that--\n\nBOB: No.\n\nALICE: (Crosstalk) Fine. What now?\n"
    t = parse_text(text)
    assert interruptions(t.turns, timed=False)[["interrupter", "interrupted"]].values.tolist() == [["BOB", "ALICE"]]
    assert len(crosstalk(t.turns)) == 1


def test_waits_between_a_speakers_turns():
    # A at turns 0, 2, 4: one other turn between each (mean 1.0); gaps 25 - 10 = 15 s and 40 - 30 = 10 s
    # (mean 12.5 s). B and C speak once: no wait. ANN's next turn starting before her last ended counts 0 s.
    turns = _turns(
        [
            ("A", "answer", "One.", 0, 10),
            ("B", "answer", "Two.", 10, 20),
            ("A", "answer", "Three.", 25, 30),
            ("C", "answer", "Four.", 30, 40),
            ("A", "answer", "Five.", 40, 50),
            ("ANN", "answer", "Six.", 50, 60),
            ("ANN", "answer", "Seven.", 55, 62),
        ]
    )
    table = turn_taking_table(turns, timed=True).set_index("speaker")
    assert list(table.index) == ["A", "B", "C", "ANN"]
    assert table.loc["A", "mean_wait_turns"] == 1.0 and table.loc["A", "mean_wait_s"] == 12.5
    assert pd.isna(table.loc["B", "mean_wait_turns"]) and pd.isna(table.loc["C", "mean_wait_s"])
    assert table.loc["ANN", "mean_wait_turns"] == 0.0 and table.loc["ANN", "mean_wait_s"] == 0.0


# ---- interruptions from the speaker changes only: the same rows as the loop over every pair ------
import itertools  # noqa: E402

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from podium.talk_time import parse_spans  # noqa: E402
from podium.turn_taking import INTERRUPTION_COLUMNS, MIN_OVERLAP_S, _last_words  # noqa: E402


def _interruptions_pair_by_pair(turns, *, timed):
    """The definition before: every consecutive pair of turns as records."""
    rows = []
    records = list(turns.itertuples(index=False))
    for before, after in itertools.pairwise(records):
        if before.speaker == after.speaker:
            continue
        spans = parse_spans(before.speech_spans) if getattr(before, "speech_spans", "") else []
        end = spans[-1][1] if spans else float(before.end_s)
        overlap = max(0.0, end - float(after.start_s)) if timed else 0.0
        overlapping = timed and overlap >= MIN_OVERLAP_S
        if not (before.cut_off or overlapping):
            continue
        rule = " and ".join(r for r, on in (("cut-off marker", before.cut_off), ("overlap", overlapping)) if on)
        rows.append((after.turn_id, after.speaker, before.speaker, before.turn_id, float(after.start_s), overlap,
                     rule, _last_words(before.text)))  # fmt: skip
    return pd.DataFrame(rows, columns=list(INTERRUPTION_COLUMNS)).astype(INTERRUPTION_COLUMNS)


_ROW = st.tuples(
    st.sampled_from(["ANN", "BOB", "MOD"]),
    st.sampled_from(["Yes.", "My plan is --", "No it does not. [crosstalk]", "Well..."]),
    st.floats(0, 5),
    st.floats(0, 5),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROW, max_size=12), st.booleans(), st.booleans())
@example(rows=[("ANN", "Yes.", 2.00001, 0.0), ("BOB", "Yes.", 0.0, 0.0)], timed=False, no_spans=False)
def test_interruptions_same_as_pair_by_pair(rows, timed, no_spans):
    start = 0.0
    built = []
    for speaker, text, gap, length in rows:
        start += gap - 2.0  # may start before the previous turn ends
        built.append((speaker, "answer", text, max(0.0, start), max(0.0, start) + length))
    turns = _turns(built)
    if no_spans:
        turns = turns.assign(speech_spans="")
    pd.testing.assert_frame_equal(interruptions(turns, timed=timed), _interruptions_pair_by_pair(turns, timed=timed))


def _crosstalk_turn_by_turn(turns):
    """The definition before: every turn visited."""
    from podium.text import STAGE_DIRECTION_RE
    from podium.turn_taking import _CROSSTALK_RE, _CROSSTALK_SPEAKERS, CROSSTALK_COLUMNS

    rows = []
    for turn in turns.itertuples(index=False):
        if turn.speaker.upper().strip() in _CROSSTALK_SPEAKERS:
            rows.append((turn.turn_id, turn.speaker, float(turn.start_s), f"speaker label {turn.speaker}"))
        for match in STAGE_DIRECTION_RE.finditer(turn.text):
            if _CROSSTALK_RE.search(match.group(0)):
                rows.append((turn.turn_id, turn.speaker, float(turn.start_s), match.group(0)))
    return pd.DataFrame(rows, columns=list(CROSSTALK_COLUMNS)).astype(CROSSTALK_COLUMNS)


_CROSS_ROW = st.tuples(
    st.sampled_from(["ANN", "crosstalk ", "MULTIPLE SPEAKERS", "Bob"]),
    st.sampled_from(["question", "answer"]),
    st.sampled_from(["Yes?", "[crosstalk] No.", "(CROSSTALK) and (laughter)", "Fine.", "♪ la ♪"]),
    st.floats(0, 5),
    st.floats(0, 5),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_CROSS_ROW, max_size=10))
def test_crosstalk_and_questions_same_as_turn_by_turn(rows):
    turns = _turns(sorted(rows, key=lambda r: r[3]))
    pd.testing.assert_frame_equal(crosstalk(turns), _crosstalk_turn_by_turn(turns))
    records = list(turns[["speaker", "role", "is_question"]].itertuples(index=False))
    expected = []
    for i, turn in enumerate(records):
        if turn.role == "question" and turn.is_question:
            after = records[i + 1] if i + 1 < len(records) else None
            answered = after is not None and after.speaker != turn.speaker and after.role != "question"
            expected.append((turn.speaker, after.speaker if answered else "(no answer)"))
    from podium.turn_taking import _question_rows

    assert _question_rows(turns) == expected


def test_questions_per_questioner_count_a_question_without_its_mark():
    # "How would your presidency ensure ... fairly." has a question's form but no "?": the Q&A pairs
    # count it, so the questions per questioner do too (they gave Speaker 1 none)
    from podium.parse import parse_text
    from podium.qa import qa_pairs
    from podium.turn_taking import questions

    text = (
        "MODERATOR: Welcome.\n\nQ: How would your presidency ensure that everyone is treated fairly.\n\n"
        "SENATOR: By enforcing the law.\n\nMODERATOR: And the budget?\n\nSENATOR: Balanced.\n"
    )
    turns = parse_text(text, name="t.txt").turns
    table = questions(turns)
    asked = dict(zip(table["questioner"], table["n_questions"], strict=True))
    assert asked == {"Q": 1, "MODERATOR": 1}
    assert int(table["n_questions"].sum()) == len(qa_pairs(turns)) == 2
