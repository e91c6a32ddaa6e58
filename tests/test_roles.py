"""Roles inferred from what speakers do when no label says who asks."""

from podium.edits import SpeakerEdit, apply_edits
from podium.parse import parse_text, read_transcript
from podium.qa import qa_exchanges, qa_pairs
from podium.roles import infer_roles
from tests.conftest import CORPUS

DIARIZED = """SPEAKER_00: Welcome to the show. Today we talk about budgets. What made you run for council?

SPEAKER_01: I grew up here and I saw the library close. That made me want to do something about it.

SPEAKER_00: How did the first year go? Was it what you expected?

SPEAKER_01: It was harder than I thought. The budget was tight and the meetings ran long.

SPEAKER_00: And the levy, will you back it?

SPEAKER_01: Yes. We need it for the library and the parks.

SPEAKER_00: Thanks for coming on.

SPEAKER_01: Thank you for having me.
"""


def test_crafted_diarized_file_gets_an_inferred_asker():
    t = parse_text(DIARIZED, name="interview_diarized.txt")
    # SPEAKER_00 asks 4 questions (1 + 2 + 1) in 4 turns and speaks first; SPEAKER_01 asks none
    assert list(t.turns["role"]) == ["question", "answer"] * 4
    assert list(t.inferred_roles) == ["SPEAKER_00"]
    assert t.inferred_roles["SPEAKER_00"].startswith("asks 4 questions in 4 turns")
    assert "speaks first" in t.inferred_roles["SPEAKER_00"]
    assert any("inferred from what speakers do" in n and "SPEAKER_00" in n for n in t.notices)
    pairs, remarks = qa_exchanges(t.turns)
    assert list(pairs["question_turn_ids"]) == ["0", "2", "4"]
    assert list(pairs["answer_turn_ids"]) == ["1", "3", "5"]
    # "Thanks for coming on." / "Thank you for having me." close the interview
    assert list(remarks["kind"]) == ["closing remarks"] and remarks.loc[0, "turn_ids"] == "6 7"


def test_inferred_roles_stay_editable():
    t = parse_text(DIARIZED, name="interview_diarized.txt")
    edits = [SpeakerEdit("SPEAKER_00", role="answer"), SpeakerEdit("SPEAKER_01", role="question")]
    edited, unmatched = apply_edits(t.turns, edits)
    assert unmatched == []
    assert list(edited["role"]) == ["answer", "question"] * 4
    # a rename keeps the inferred role, and the rebuilt turns keep their question counts
    renamed, _ = apply_edits(t.turns, [SpeakerEdit("SPEAKER_00", speaker="Host")])
    assert list(renamed["role"]) == ["question", "answer"] * 4
    assert list(renamed["n_questions"]) == list(t.turns["n_questions"])


def test_labels_that_say_who_asks_are_not_overridden():
    t = parse_text("Q: Will you go?\n\nA: No.\n\nQ: Why?\n\nA: Because.\n\nQ: Really?\n\nA: Yes.\n")
    assert t.inferred_roles == {}
    _, reasons = infer_roles(t.turns.assign(role="answer").iloc[:3])
    assert reasons == {}  # too few turns to infer anything


def test_nobody_asks_means_nothing_is_inferred():
    text = "\n\n".join(f"SPEAKER_0{i % 2}: We went home on day {i}." for i in range(8))
    t = parse_text(text)
    assert t.inferred_roles == {} and set(t.turns["role"]) == {"answer"}


def test_diarized_podcast_host_and_debate_moderator():
    podcast = read_transcript(CORPUS / "stt_text" / "assemblyai_raw_podcast_ep006.txt")
    assert list(podcast.inferred_roles) == ["SPEAKER_00"]  # the host, who opens the episode
    debate = read_transcript(CORPUS / "debate" / "debate2016_clinton_trump_debatesorg_flattened.txt")
    assert list(debate.inferred_roles) == ["HOLT"]  # Lester Holt moderated the first 2016 debate
    pairs = qa_pairs(debate.turns)
    assert set(pairs["question_speaker"]) == {"HOLT"}
    assert {"CLINTON", "TRUMP"} <= {n for s in pairs["answer_speaker"] for n in s.split(" / ")}


HEARING_WITH_TITLED_MEMBERS = """\
SEN. BILL CASSIDY (R-LA.): The committee will come to order. We welcome the nominee, his family and \
the many guests who came today. This hearing matters to every family in the country. Will you keep \
the vaccine schedule?

ROBERT F. KENNEDY, JR.: I will keep it. I have said so many times and I will say it again today.

SEN. BERNIE SANDERS (I-VT.): Thank you, Mr. Chairman. I have long remarks about health care, the \
cost of drugs, the cost of insurance and the people of Vermont who cannot pay for either. Do vaccines \
save lives?

ROBERT F. KENNEDY, JR.: They do save lives, Senator, and I have never said otherwise in public.

SEN. MAGGIE HASSAN (D-N.H.): Thank you. I want to talk about my state and about autism, and about \
families who have waited years for answers from this department. Do vaccines cause autism?

ROBERT F. KENNEDY, JR.: I will follow the data wherever it leads, Senator, and I will tell you.

SEN. BILL CASSIDY (R-LA.): The hearing is adjourned.
"""


def test_titled_members_of_a_hearing_ask_even_when_they_mostly_speak():
    t = parse_text(HEARING_WITH_TITLED_MEMBERS, name="hearing.txt")
    roles = t.turns.groupby("speaker")["role"].first().to_dict()
    assert roles == {
        "SEN. BILL CASSIDY (R-LA.)": "question",
        "SEN. BERNIE SANDERS (I-VT.)": "question",
        "SEN. MAGGIE HASSAN (D-N.H.)": "question",
        "ROBERT F. KENNEDY, JR.": "answer",
    }
    assert list(qa_pairs(t.turns)["question_speaker"]) == [
        "SEN. BILL CASSIDY (R-LA.)",
        "SEN. BERNIE SANDERS (I-VT.)",
        "SEN. MAGGIE HASSAN (D-N.H.)",
    ]
