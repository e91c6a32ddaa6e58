"""The reference transcript, with values checked by hand against data/blinken_nato_open_door.txt."""

import re

from podium.parse import UNNAMED_QUESTIONER
from podium.qa import qa_pairs
from podium.text import words


def test_six_turns_alternating_starting_with_the_questioner(seed_transcript):
    turns = seed_transcript.turns
    assert list(turns["turn_id"]) == [0, 1, 2, 3, 4, 5]
    assert list(turns["speaker"]) == [UNNAMED_QUESTIONER, "ANTONY BLINKEN"] * 3
    assert list(turns["role"]) == ["question", "answer"] * 3


def test_headline_and_summary_are_metadata_not_turns(seed_transcript):
    assert seed_transcript.title == "Blinken says no change to NATO's open-door policy"
    assert seed_transcript.summary.startswith("Speaking at a press conference on Wednesday")
    assert seed_transcript.summary.endswith("the opportunity to join the organization.")
    assert "Video Transcript" not in seed_transcript.summary
    assert not seed_transcript.turns["text"].str.contains("Speaking at a press conference").any()


def test_first_turn_is_the_reporters_whole_question(seed_transcript):
    first = seed_transcript.turns.iloc[0]
    assert first["text"].startswith("I realize that you don't want to get into the specifics")
    assert first["text"].endswith("over the course of the last couple of weeks?")
    assert first["is_question"]


def test_blinkens_last_turn_holds_all_three_paragraphs(seed_transcript):
    last = seed_transcript.turns.iloc[5]
    paragraphs = last["text"].split("\n\n")
    assert len(paragraphs) == 3
    assert (
        paragraphs[0]
        == "First of all, there is no change. There will be no change. Second, we reiterate that principle."
    )
    assert paragraphs[1].startswith("Of course, it is for NATO")
    assert paragraphs[2].endswith("And that is our commitment.")
    assert last["text"].startswith("First of all, there is no change")


def test_fourth_turn_is_cut_off_and_no_other(seed_transcript):
    turns = seed_transcript.turns
    assert turns.loc[3, "text"] == "This isn't about concessions--"
    # turn 0 has a "say--" inside it, but does not end cut off
    assert list(turns["cut_off"]) == [False, False, False, True, False, False]


def test_short_turns_word_counts_counted_by_hand(seed_transcript):
    n_words = seed_transcript.turns["n_words"]
    # "So you would say that it is accurate to say that there are no concessions in this?"
    assert n_words[2] == 17
    # "This isn't about concessions--"
    assert n_words[3] == 4
    # "Well, there is no change in the US or NATO position in this document."
    assert n_words[4] == 14


def test_is_question_marks_turns_with_a_question_mark(seed_transcript):
    # turn 4 ("Well, there is no change ...") is a question by role but has no "?"
    assert list(seed_transcript.turns["is_question"]) == [True, False, True, False, False, False]


def test_n_questions_counted_by_hand(seed_transcript):
    # turn 0: "... Eastern Europe?", "Is that what this says?", "Is there anything different ...?";
    # turn 4 ("Well, there is no change ... in this document.") asks nothing
    assert list(seed_transcript.turns["n_questions"]) == [3, 0, 1, 0, 0, 0]


def test_two_question_answer_pairs(seed_transcript):
    pairs = qa_pairs(seed_transcript.turns)
    assert len(pairs) == 2
    assert list(pairs["question_turn_ids"]) == ["0", "2"]
    # the reporter's "Well, there is no change ..." asks nothing: it is an interjection inside the
    # second answer, after Blinken was cut off, and keeps its speaker
    assert list(pairs["answer_turn_ids"]) == ["1", "3 4 5"]
    assert pairs.loc[1, "answer"].startswith(
        "ANTONY BLINKEN: This isn't about concessions--\n\nREPORTER: Well, there is no change in the US"
    )
    assert set(pairs["question_speaker"]) == {UNNAMED_QUESTIONER}
    assert set(pairs["answer_speaker"]) == {"ANTONY BLINKEN"}
    assert list(pairs["question_words"]) == [130, 17]  # counted by hand
    assert list(pairs["n_questions"]) == [3, 1]
    # answer words are the answer side's only: 4 ("This isn't about concessions--") + 68 in turn 5 (by hand)
    assert pairs.loc[1, "answer_words"] == 4 + 68
    assert list(pairs["answer_cut_off"]) == [False, True]
    assert list(pairs["question_cut_off"]) == [False, False]


def test_first_answer_flags_its_deflection_in_place(seed_transcript):
    pairs = qa_pairs(seed_transcript.turns)
    answer = pairs.loc[0, "answer"]
    assert pairs.loc[0, "deflection_phrases"].split("; ")[0] == "deflection: without going into the specifics"
    from podium.answers import find_phrases

    first = find_phrases(answer)[0]
    assert answer[first.start : first.end] == "without going into the specifics"
    assert first.start == len("Again, ")


def _count_phrase(texts, phrase):
    target = phrase.split()
    hits = 0
    for text in texts:
        tokens = [w.lower() for w in words(text)]
        hits += sum(tokens[i : i + len(target)] == target for i in range(len(tokens)))
    return hits


def test_repeated_phrases_in_the_turns_not_the_headline(seed_transcript):
    texts = list(seed_transcript.turns["text"])
    assert _count_phrase(texts, "no change") == 3
    assert _count_phrase(texts, "open door") == 3
    # and the phrase table agrees
    from podium.phrases import count_ngrams

    table = count_ngrams(texts, n=2).set_index("phrase")["count"]
    assert table["no change"] == 3
    assert table["open door"] == 3


def test_curly_and_straight_apostrophes_are_one_word(seed_transcript):
    # the headline writes NATO’s with a curly apostrophe; the turns write NATO's straight
    raw = (seed_transcript.turns["text"]).str.cat(sep=" ")
    assert "NATO's" in raw and "\u2019" not in raw
    assert "NATO's" in seed_transcript.title
    assert words("NATO\u2019s") == words("NATO's") == ["NATO's"]


def test_estimated_times_follow_word_counts(seed_transcript):
    turns = seed_transcript.turns
    assert seed_transcript.timing == "estimated"
    assert turns.loc[0, "start_s"] == 0.0
    # at the default 195 words per minute (for a 10-word sentence) each turn counts its words less
    # 2.75 per sentence, at 195 * 0.725 = 141.375 words per minute. "So you would say that it is
    # accurate to say that there are no concessions in this?" is 17 words in one sentence:
    # 14.25 words = 855 / 141.375 = 6.048 s. "This isn't about concessions--" is 4 words in one
    # sentence: 1.25 words = 0.53 s, below the floor of 4 words at 400 wpm = 0.6 s.
    durations = turns["end_s"] - turns["start_s"]
    assert abs(durations[2] - 855 / 141.375) < 1e-9
    assert abs(durations[3] - 0.6) < 1e-9
    assert (turns["start_s"].iloc[1:].to_numpy() == turns["end_s"].iloc[:-1].to_numpy()).all()


def test_every_word_of_the_transcript_section_is_in_a_turn(seed_transcript):
    from tests.conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    body = text.split("Video Transcript", 1)[1]
    body = re.sub(r"(?m)^- |^ANTONY BLINKEN:", " ", body)
    assert len(words(body)) == seed_transcript.turns["n_words"].sum()
