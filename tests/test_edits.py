"""Speaker edits (podium.edits): renames never damage attribution; per-turn fixes; mapping files.

Counts for the White House briefing were made by hand: in wh_psaki_2022-02-08.md there are 51
`MS. PSAKI:` labels and 51 `Q` labels (each followed by non-breaking spaces), and the only two
labels of one kind in a row are the `Q` at line 714 ("And I would just note ... Go ahead, Mara.",
which is in fact Psaki speaking) and the `Q` at line 728 (Mara's "Thank you, Jen. I have a
Lander and Ukraine question."). So 102 turns, 51 questions, and turns 85 and 86 are both Q.
"""

import subprocess

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium import parse_text, read_transcript
from podium.edits import (
    MAPPING_COLUMNS,
    MappingError,
    SpeakerEdit,
    apply_edits,
    edit_transcript,
    edited_turn_ids,
    edits_to_frame,
    follow_renames,
    read_mapping,
    set_speaker_role,
    split_points,
    turn_names,
)
from podium.export import to_csv_bytes
from podium.qa import qa_pairs
from podium.talk_time import parse_spans
from tests.conftest import CORPUS, SEED

BRIEFING = CORPUS / "whitehouse" / "wh_psaki_2022-02-08.md"

# A briefing in miniature: the official, then two reporters in a row under one generic label.
CRAFTED = (
    "MS. PSAKI: Good afternoon.\n\n"
    "Q Jen, on Ukraine?\n\n"
    "MS. PSAKI: We are watching.\n\n"
    "Q On masks, when is the guidance coming?\n\n"
    "Q And a second question from me, a different reporter?\n\n"
    "MS. PSAKI: Soon. Go ahead.\n"
)


@pytest.fixture(scope="module")
def briefing():
    if not BRIEFING.exists():
        pytest.skip(f"corpus not found at {BRIEFING}")
    return read_transcript(BRIEFING)


def test_renaming_the_official_keeps_two_consecutive_q_turns_apart():
    t = parse_text(CRAFTED)
    assert list(t.turns["speaker"]) == ["MS. PSAKI", "Q", "MS. PSAKI", "Q", "Q", "MS. PSAKI"]
    edited, unmatched = apply_edits(t.turns, [SpeakerEdit("MS. PSAKI", "Jen Psaki")])
    assert unmatched == []
    assert list(edited["speaker"]) == ["Jen Psaki", "Q", "Jen Psaki", "Q", "Q", "Jen Psaki"]
    assert list(edited["text"].iloc[3:5]) == [
        "On masks, when is the guidance coming?",
        "And a second question from me, a different reporter?",
    ]
    # the two Q turns stay two turns, and form one question unit (issue 7): two pairs
    assert len(qa_pairs(edited)) == 2
    # renaming Q itself keeps its turns apart too: a generic label stays generic under any name
    edited, _ = apply_edits(t.turns, [SpeakerEdit("Q", "Reporters")])
    assert list(edited["speaker"]).count("Reporters") == 3 and len(edited) == 6


def test_renaming_the_official_on_the_real_briefing(briefing):
    turns = briefing.turns
    assert len(turns) == 102 and (turns["role"] == "question").sum() == 51
    assert list(turns["speaker"].iloc[85:87]) == ["Q", "Q"]
    edited, unmatched = apply_edits(turns, [SpeakerEdit("MS. PSAKI", "Jen Psaki")])
    assert unmatched == []
    assert len(edited) == 102 and (edited["role"] == "question").sum() == 51
    # 51 Q turns; consecutive ones and those that ask nothing ("It just happened, yeah.") are not
    # pairs of their own (issue 7): 41 pairs, as before the rename
    assert len(qa_pairs(edited)) == len(qa_pairs(turns)) == 41
    assert list(edited["speaker"].iloc[85:87]) == ["Q", "Q"]
    assert edited["text"].iloc[86].startswith("Thank you, Jen.  I have a Lander and Ukraine question.")
    # nothing but the name changed
    assert (edited.drop(columns="speaker") == turns.drop(columns="speaker")).all().all()


def test_reassigning_the_mislabelled_q_turn_to_the_official(briefing):
    # turn 85 ("And I would just note ... Go ahead, Mara.") is Psaki's words under a Q label
    edits = [SpeakerEdit("Q", "MS. PSAKI", turn_id=85)]
    edited, unmatched = apply_edits(briefing.turns, edits)
    assert unmatched == []
    assert len(edited) == 101 and (edited["role"] == "question").sum() == 50
    merged = edited.iloc[84]
    assert merged["speaker"] == "MS. PSAKI" and merged["role"] == "answer"
    assert merged["text"].startswith("Well, just four large conglomerates")
    assert merged["text"].endswith("Go ahead, Mara.")
    assert merged["n_words"] == briefing.turns["n_words"].iloc[84] + briefing.turns["n_words"].iloc[85]
    assert edited.iloc[85]["text"].startswith("Thank you, Jen.")
    # undoing the edit (an empty list) gives back the parse
    same, _ = apply_edits(briefing.turns, [])
    assert same.equals(briefing.turns)
    # where the file's turns went: 85 joined 84, so 86 (Mara's question) is now 85, the last (101) is 100
    where = edited_turn_ids(briefing.turns, edits)
    assert [where[i] for i in (83, 84, 85, 86, 101)] == [83, 84, 84, 85, 100]
    assert edited_turn_ids(briefing.turns, [])[86] == 86


def test_split_one_turn_and_undo():
    t = parse_text("MS. PSAKI: We will see. Thanks, Jen. What about Russia?\n\nQ Next one?\n")
    text = t.turns["text"].iloc[0]
    at = text.index("Thanks, Jen.")
    assert at in split_points(text)
    edits = [SpeakerEdit("MS. PSAKI", "Q", turn_id=0, split_at=at)]
    edited, unmatched = apply_edits(t.turns, edits)
    assert unmatched == []
    # the split-off part is a Q turn of its own, and the following Q turn stays apart (generic label)
    assert list(edited["speaker"]) == ["MS. PSAKI", "Q", "Q"]
    assert list(edited["text"]) == ["We will see.", "Thanks, Jen. What about Russia?", "Next one?"]
    assert list(edited["n_words"]) == [3, 5, 2]
    assert list(edited["role"]) == ["answer", "question", "question"]
    assert list(edited["is_question"]) == [False, True, True]
    # times: the turn's estimated span is shared in proportion to words, and nothing moves
    whole = t.turns.iloc[0]
    assert edited["end_s"].iloc[1] == pytest.approx(whole["end_s"])
    assert edited["start_s"].iloc[1] == pytest.approx(whole["start_s"] + (whole["end_s"] - whole["start_s"]) * 3 / 8)
    assert edited["speech_s"].sum() == pytest.approx(t.turns["speech_s"].sum())
    # undo: drop the edit
    undone, _ = apply_edits(t.turns, [])
    assert undone.equals(t.turns)


def test_split_part_given_to_the_same_speaker_joins_again_and_a_q_split_stays_two():
    t = parse_text("A: One two. Three four.\n\nQ First? Second reporter here?\n")
    a_text, q_text = t.turns["text"]
    again, _ = apply_edits(t.turns, [SpeakerEdit("A", "A", turn_id=0, split_at=a_text.index("Three"))])
    assert list(again["text"]) == list(t.turns["text"])
    two_q, _ = apply_edits(t.turns, [SpeakerEdit("Q", role="question", turn_id=1, split_at=q_text.index("Second"))])
    assert list(two_q["text"]) == ["One two. Three four.", "First?", "Second reporter here?"]


def test_naming_a_generic_label_per_turn():
    t = parse_text(CRAFTED)
    edits = [SpeakerEdit("Q", "Peter Doocy", turn_id=3), SpeakerEdit("MS. PSAKI", "Jen Psaki")]
    edited, _ = apply_edits(t.turns, edits)
    assert list(edited["speaker"]) == ["Jen Psaki", "Q", "Jen Psaki", "Peter Doocy", "Q", "Jen Psaki"]
    assert edited["role"].iloc[3] == "question"  # a Q turn given a name keeps asking
    assert turn_names(t.turns, edits) == list(edited["speaker"])


def test_rename_then_reassign_follows_the_rename():
    t = parse_text(CRAFTED)
    edits = [SpeakerEdit("MS. PSAKI", "Jen Psaki"), SpeakerEdit("Q", "MS. PSAKI", turn_id=4)]
    edited, _ = apply_edits(t.turns, edits)
    # turn 4 is given to the label MS. PSAKI, now called Jen Psaki, and joins her next turn
    assert list(edited["speaker"]) == ["Jen Psaki", "Q", "Jen Psaki", "Q", "Jen Psaki"]
    assert edited["text"].iloc[4] == "And a second question from me, a different reporter?\n\nSoon. Go ahead."


def test_unmatched_rows_are_reported_with_reasons():
    t = parse_text(CRAFTED)
    edits = [
        SpeakerEdit("MR. NOBODY", "X"),
        SpeakerEdit("Q", "Y", turn_id=99),
        SpeakerEdit("Q", "Y", turn_id=0),
        SpeakerEdit("Q", role="boss"),
        SpeakerEdit("Q"),
        SpeakerEdit("Q", "Y", turn_id=1, split_at=2),
    ]
    edited, unmatched = apply_edits(t.turns, edits)
    assert edited.equals(t.turns)
    reasons = [u.reason for u in unmatched]
    assert reasons == [
        "no speaker is labelled “MR. NOBODY” in this transcript.",
        "this transcript has no turn 99 (its turns are 0 to 5).",
        "turn 0 is by MS. PSAKI in this transcript, not Q.",
        "the role “boss” is not one of question, answer, other.",
        "it gives neither a speaker nor a role.",
        "character 2 is not the start of a word inside turn 1.",
    ]


def test_alias_label_applies_to_its_person():
    t = parse_text("GEORGE LITTLE: Hello.\n\nQ Why?\n\nMR. LITTLE: Because.\n")
    assert t.aliases == {"GEORGE LITTLE": ["GEORGE LITTLE", "MR. LITTLE"]}
    edited, unmatched = edit_transcript(t, [SpeakerEdit("MR. LITTLE", "George Little")])
    assert unmatched == [] and list(edited.turns["speaker"]) == ["George Little", "Q", "George Little"]


def test_merge_joins_consecutive_turns_and_takes_the_first_role():
    t = parse_text("F2: Hello there.\n\nF3: and welcome.\n\nQ Why?\n")
    edited, _ = apply_edits(t.turns, [SpeakerEdit("F2", "Kate"), SpeakerEdit("F3", "Kate")])
    assert list(edited["speaker"]) == ["Kate", "Q"] and edited["text"].iloc[0] == "Hello there.\n\nand welcome."


def test_one_click_role_on_a_label_and_on_a_per_turn_name():
    t = parse_text(CRAFTED)
    labels = ["MS. PSAKI", "Q"]
    edits = set_speaker_role([SpeakerEdit("MS. PSAKI", "Jen Psaki")], "Jen Psaki", "question", labels)
    assert edits == [SpeakerEdit("MS. PSAKI", "Jen Psaki", "question")]
    edits = set_speaker_role([SpeakerEdit("Q", "Peter Doocy", turn_id=3)], "Peter Doocy", "other", labels)
    edited, _ = apply_edits(t.turns, edits)
    assert edited["role"].iloc[3] == "other" and edited["role"].iloc[1] == "question"


def test_filter_follows_renames_and_merges():
    labels = ["A", "B", "Q"]
    assert follow_renames(["A", "Q"], [], [SpeakerEdit("A", "Anna")], labels) == ["Anna", "Q"]
    renamed = [SpeakerEdit("A", "Anna")]
    merged = [*renamed, SpeakerEdit("B", "Anna")]
    assert follow_renames(["Anna", "B"], renamed, merged, labels) == ["Anna"]
    assert follow_renames(["Anna"], renamed, [], labels) == ["A"]  # undo goes back
    assert follow_renames(["Peter"], [], renamed, labels) == ["Peter"]  # not a label's name: kept


def test_mapping_saved_from_one_transcript_applies_to_another():
    day1 = parse_text(CRAFTED)
    day2 = parse_text("Q Good morning?\n\nMS. PSAKI: Morning.\n\nMR. PRICE: Hello.\n")
    edits = [
        SpeakerEdit("MS. PSAKI", "Jen Psaki", "answer"),
        SpeakerEdit("Q", role="question"),
        SpeakerEdit("Q", "Peter Doocy", turn_id=3),  # a per-turn fix of day 1: turn 3 of day 2 does not exist
    ]
    frame = edits_to_frame(edits)
    assert tuple(frame.columns) == MAPPING_COLUMNS
    assert frame.values.tolist() == [
        ["", "MS. PSAKI", "Jen Psaki", "answer"],
        ["", "Q", "", "question"],
        ["3", "Q", "Peter Doocy", ""],
    ]
    mapping = read_mapping(to_csv_bytes(frame))  # as downloaded: BOM, CRLF
    assert mapping.edits == edits and mapping.rows == [1, 2, 3]
    ok, bad = mapping.check(day2.turns, aliases=day2.aliases)
    assert len(ok) == 2
    assert [(u.row, u.reason) for u in bad] == [(3, "this transcript has no turn 3 (its turns are 0 to 2).")]
    edited, _ = apply_edits(day2.turns, ok)
    assert list(edited["speaker"]) == ["Q", "Jen Psaki", "MR. PRICE"]
    # and the same mapping on day 1 applies in full
    edited1, unmatched = apply_edits(day1.turns, mapping.edits)
    assert unmatched == [] and "Peter Doocy" in set(edited1["speaker"])


def test_mapping_with_a_split_round_trips_and_formula_names_survive():
    edits = [SpeakerEdit("=A", "-Anna"), SpeakerEdit("Q", "Y", turn_id=2, split_at=17)]
    frame = edits_to_frame(edits)
    assert list(frame.columns) == [*MAPPING_COLUMNS, "split_at"]
    data = to_csv_bytes(frame)
    assert b"'=A" in data and b"'-Anna" in data  # guarded in the file
    assert read_mapping(data).edits == edits  # and read back as written


def test_mapping_by_hand_problems():
    mapping = read_mapping("Label,Speaker,Role\nQ,Reporter,\n,Nobody,\n")
    assert mapping.edits == [SpeakerEdit("Q", "Reporter")]
    assert [(u.row, u.reason) for u in mapping.unreadable] == [(2, "its label is empty.")]
    mapping = read_mapping("turn_id,label,speaker,role\nx,Q,Y,\n")
    assert mapping.unreadable[0].reason == "its turn_id or split_at is not a whole number."
    with pytest.raises(MappingError, match="no speaker, role columns"):
        read_mapping("label,name\nQ,Y\n")
    with pytest.raises(MappingError):
        read_mapping(b"\x00\x01PK")


@settings(max_examples=40, deadline=None)
@given(
    labels=st.lists(st.sampled_from(["A", "B", "Q", "C"]), min_size=1, max_size=12),
    renames=st.dictionaries(st.sampled_from(["A", "B", "C"]), st.sampled_from(["X", "Y", "A"]), max_size=3),
    rename_q=st.booleans(),
)
def test_renames_keep_every_word_and_never_join_q_turns(labels, renames, rename_q):
    text = "\n\n".join(f"{label}: word{i} more." for i, label in enumerate(labels))
    t = parse_text(text)
    edits = [SpeakerEdit(k, v) for k, v in renames.items()] + ([SpeakerEdit("Q", "Reporter")] if rename_q else [])
    edited, _ = apply_edits(t.turns, edits)
    assert (edited["role"] == "question").sum() == labels.count("Q")
    assert edited["n_words"].sum() == t.turns["n_words"].sum()
    assert "\n\n".join(edited["text"]) == "\n\n".join(t.turns["text"])
    assert (edited["role"] == "question").sum() == (t.turns["role"] == "question").sum()
    assert edited["speech_s"].sum() == pytest.approx(t.turns["speech_s"].sum())


@pytest.fixture
def export_cli(capsys):
    """Run ``python -m podium export ARGS`` in this process; return (exit code, stdout, stderr)."""
    from podium.__main__ import main

    def run(*args):
        code = main(["export", *args])
        out = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out.out, out.err)

    return run


def test_cli_applies_a_mapping_and_reports_rows_that_do_not_fit(tmp_path, briefing, export_cli):
    mapping = tmp_path / "psaki.csv"
    mapping.write_bytes(
        to_csv_bytes(
            edits_to_frame([SpeakerEdit("MS. PSAKI", "Jen Psaki", "answer"), SpeakerEdit("Q", "MS. PSAKI", turn_id=85)])
        )
    )
    result = export_cli(str(BRIEFING), "--out", str(tmp_path / "day"), "--speakers", str(mapping))
    assert result.returncode == 0, result.stderr
    assert "101 turns by 2 speakers" in result.stdout
    assert "applied 2 of 2 speaker mapping rows" in result.stderr
    speakers = pd.read_csv(tmp_path / "day" / "speakers.csv", encoding="utf-8-sig").set_index("speaker")
    assert speakers.loc["Jen Psaki", "n_turns"] == 51 and speakers.loc["Q", "n_turns"] == 50
    pairs = pd.read_csv(tmp_path / "day" / "qa_pairs.csv", encoding="utf-8-sig")
    # 50 Q turns make 41 question units that ask (issue 7); turn 85 was the first of the unit "85 86"
    assert len(pairs) == 41 and set(pairs["answer_speaker"].dropna()) == {"Jen Psaki"}

    # the same mapping on another White House transcript: both rows are reported, nothing changes
    other = CORPUS / "whitehouse" / "wh_biden_press_conference_2021-03-25.md"
    result = export_cli(str(other), "--out", str(tmp_path / "other"), "--speakers", str(mapping))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2
    assert "Row 1" in warnings[0] and "no speaker is labelled “MS. PSAKI”" in warnings[0]
    assert "Row 2" in warnings[1] and "this transcript has no turn 85 (its turns are 0 to 80)" in warnings[1]
    assert "applied 0 of 2 speaker mapping rows" in result.stderr


def test_cli_rejects_a_file_that_is_not_a_mapping(tmp_path, export_cli):
    bad = tmp_path / "notes.csv"
    bad.write_text("who,what\nA,B\n", encoding="utf-8")
    result = export_cli(str(SEED), "--out", str(tmp_path / "out"), "--speakers", str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"error: {bad}: The mapping has no label, speaker, role columns; "
        "it needs the columns turn_id, label, speaker, role."
    ]
    result = export_cli(str(SEED), "--out", str(tmp_path / "out"), "--speakers", str(tmp_path / "missing.csv"))
    assert result.returncode == 1 and "cannot read" in result.stderr


def test_a_sentence_split_across_two_speakers_in_an_otter_montage():
    # otter_nbc_dem_debate_2016.txt opens on a montage cut mid-sentence: O'Malley's "... works for all of"
    # (0:14) ends in "Bernie Sanders 0:18: us. I believe we should break up". Give "us." back to O'Malley.
    path = CORPUS / "otter" / "otter_nbc_dem_debate_2016.txt"
    if not path.exists():
        pytest.skip(f"corpus not found at {path}")
    t = read_transcript(path)
    text = t.turns["text"].iloc[3]
    assert text == "us. I believe we should break up"
    edits = [
        SpeakerEdit("Bernie Sanders", "Bernie Sanders", turn_id=3, split_at=text.index("I believe")),
        SpeakerEdit("Bernie Sanders", "Martin O'Malley", turn_id=3),
    ]
    edited, unmatched = apply_edits(t.turns, edits)
    assert unmatched == [] and len(edited) == len(t.turns)
    omalley, sanders = edited.iloc[2], edited.iloc[3]
    assert omalley["text"] == "We must build an American economy that works for all of\n\nus."
    assert (omalley["speaker"], sanders["speaker"]) == ("Martin O'Malley", "Bernie Sanders")
    assert sanders["text"] == "I believe we should break up"
    # 0:18 to 0:19 is shared by words: "us." is 1 of 7, so O'Malley ends 1/7 s after 0:18
    assert omalley["end_s"] == pytest.approx(18 + 1 / 7) and sanders["start_s"] == pytest.approx(18 + 1 / 7)
    assert omalley["speech_s"] + sanders["speech_s"] == pytest.approx(4.0 + 1.0)
    # the speech intervals are cut at the same point: talk time follows the words given back
    assert parse_spans(t.turns["speech_spans"].iloc[3]) == [(18.0, 19.0)]
    assert parse_spans(sanders["speech_spans"]) == [pytest.approx((18.143, 19.0))]
    assert parse_spans(omalley["speech_spans"])[-1] == pytest.approx((18.0, 18.143))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_splits_and_reassignments_keep_every_word_in_order(data):
    t = parse_text(CRAFTED)
    edits = []
    for turn in t.turns.itertuples():
        points = split_points(turn.text)
        for at in data.draw(st.lists(st.sampled_from(points), max_size=2, unique=True)) if points else []:
            who = data.draw(st.sampled_from(["MS. PSAKI", "Q", "Peter Doocy", ""]))
            edits.append(SpeakerEdit(turn.speaker, who, "" if who else "question", turn.turn_id, at))
    edited, unmatched = apply_edits(t.turns, edits)
    assert unmatched == []
    assert [w for x in edited["text"] for w in x.split()] == [w for x in t.turns["text"] for w in x.split()]
    assert edited["n_words"].sum() == t.turns["n_words"].sum()
    assert edited["end_s"].iloc[-1] == pytest.approx(t.turns["end_s"].iloc[-1])
    assert (edited["start_s"].diff().dropna() >= -1e-9).all()
