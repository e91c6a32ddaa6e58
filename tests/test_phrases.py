"""Phrase counting: hand-checked counts, per speaker, maximal phrases, the stopword rule, properties."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.kwic import kwic
from podium.phrases import (
    MAX_N,
    PHRASE_COLUMNS,
    SPEAKER_PHRASE_COLUMNS,
    count_ngrams,
    parse_stopwords,
    phrase_table,
    speaker_phrase_table,
    stopwords,
    tally,
    top_with_ties,
)


def _counts(texts, **kw):
    return phrase_table(texts, min_count=1, **kw).set_index("phrase")["count"]


def test_hand_checked_counts_on_the_reference_transcript(seed_transcript):
    texts = seed_transcript.turns["text"]
    counts = _counts(texts)
    # turn 4 "there is no change in the US"; turn 5 "there is no change." and "There will be no change."
    assert counts["no change"] == 3
    # turn 1 "NATO's open door and", "NATO's open door policy"; turn 5 "the open door policy"
    # (the headline's "open-door" is not a turn)
    assert counts["open door"] == 3
    # turn 0 "to uphold and defend"; turn 1 "will uphold the principle", "and will uphold, much"
    assert counts["uphold"] == 3
    # turn 0 "expansion of NATO"; turn 1 "NATO's" twice; turn 4 "or NATO position";
    # turn 5 "for NATO", "that NATO makes", "NATO's door": possessives count with their word
    assert counts["NATO"] == 7
    assert counts["US"] == 1 and "us" not in counts.index  # turn 4 "the US or NATO": the country
    # turn 5, twice: "not the United States unilaterally to discuss", "not the United States unilaterally."
    plain = _counts(texts, drop_stopwords=False)
    assert plain["the united states unilaterally"] == 2
    assert "the united states unilaterally" not in counts.index  # it starts with a stopword


def test_per_speaker_counts_side_by_side(seed_transcript):
    turns = seed_transcript.turns
    counted = tally(turns["text"], turns["speaker"])
    table = phrase_table(turns["text"], ns=(2,))
    by_speaker = speaker_phrase_table(counted, table)
    assert list(by_speaker.columns) == list(SPEAKER_PHRASE_COLUMNS)
    rows = by_speaker[by_speaker["phrase"] == "no change"].set_index("speaker")
    assert rows.loc["REPORTER", "count"] == 1 and rows.loc["ANTONY BLINKEN", "count"] == 2
    assert rows.loc["ANTONY BLINKEN", "n_turns"] == 1


def test_rate_per_thousand_words():
    # A says 4 words and "no change" once; B says 10 words and "no change" twice
    counted = tally(["No change at all.", "No change. No change, ever, not now, not really, no."], ["A", "B"])
    table = phrase_table(["No change at all.", "No change. No change, ever, not now, not really, no."], ns=(2,))
    assert table.set_index("phrase").loc["no change", "per_1000_words"] == pytest.approx(3 / 14 * 1000)
    rows = speaker_phrase_table(counted, table).set_index("speaker")
    assert rows.loc["A", "per_1000_words"] == pytest.approx(250.0)
    assert rows.loc["B", "per_1000_words"] == pytest.approx(200.0)


def test_maximal_phrases():
    texts = ["we will uphold the open door", "we will uphold the open door", "open door. Open door!"]
    table = phrase_table(texts, min_count=2, drop_stopwords=False).set_index("phrase")
    # "will uphold the open" (2) lies only inside "will uphold the open door" (2): not maximal
    assert table.loc["we will uphold the open door".split(" ", 1)[1], "maximal"]
    assert not table.loc["will uphold the open", "maximal"]
    assert not table.loc["uphold", "maximal"]
    # "open door" is said 4 times, twice outside the longer phrase: maximal
    assert table.loc["open door", "count"] == 4 and table.loc["open door", "maximal"]
    # judged against longer phrases even when only one length is asked for
    assert (
        not phrase_table(texts, ns=(4,), drop_stopwords=False)
        .set_index("phrase")
        .loc["will uphold the open", "maximal"]
    )
    only = phrase_table(texts, min_count=2, drop_stopwords=False, maximal_only=True)
    assert set(only["phrase"]) == {"we will uphold the open", "will uphold the open door", "open door"}


def test_counts_within_sentences_only():
    texts = ["Open door. Door open.", "open door, open door!"]
    table = count_ngrams(texts, n=2, min_count=1).set_index("phrase")
    assert "door door" not in table.index  # would span the full stop
    assert table.loc["open door", "count"] == 3
    assert table.loc["open door", "n_turns"] == 2
    assert table.loc["door open", "count"] == 2  # "Door open." and "door, open" (commas do not end a run)


def test_no_phrase_crosses_a_turn_or_a_speaker():
    counted = tally(["we stand", "firm today"], ["A", "B"], ns=(2,))
    assert ("stand", "firm") not in counted.pooled(2)[0]
    assert phrase_table(["open", "door"], ns=(2,), min_count=1).empty


def test_stopword_only_and_edge_stopword_phrases_are_dropped_but_never_invented():
    texts = ["the state of the union", "the state of the union"]
    assert count_ngrams(texts, n=2, min_count=2).empty
    assert count_ngrams(texts, n=3, min_count=2).empty
    assert list(count_ngrams(texts, n=4, min_count=2)["phrase"]) == ["state of the union"]
    assert "state union" not in set(count_ngrams(texts, n=2, min_count=1)["phrase"])


def test_edited_stopwords():
    texts = ["NATO will act", "NATO will act"]
    assert "will act" in set(phrase_table(texts, ns=(2,))["phrase"])
    table = phrase_table(texts, ns=(2,), stops=parse_stopwords("will, the\nof"))
    assert "NATO will" not in set(table["phrase"]) and "will act" not in set(table["phrase"])
    assert parse_stopwords("US, Will ,  it’s") == frozenset({"US", "will", "it's"})


def test_negations_are_kept():
    assert "no" not in stopwords() and "not" not in stopwords()
    assert "the" in stopwords() and "don't" in stopwords()
    assert list(count_ngrams(["no change", "no change"], n=2)["phrase"]) == ["no change"]


def test_without_stopword_rule_everything_repeated_is_counted():
    assert list(count_ngrams(["of the", "of the"], n=2, drop_stopwords=False)["phrase"]) == ["of the"]


def test_bad_arguments_and_empty_input():
    with pytest.raises(ValueError):
        count_ngrams(["x"], n=0)
    with pytest.raises(ValueError):
        count_ngrams(["x"], n=MAX_N + 1)
    with pytest.raises(ValueError):
        count_ngrams(["x"], n=1, min_count=0)
    empty = phrase_table([])
    assert empty.empty and list(empty.columns) == list(PHRASE_COLUMNS)
    assert phrase_table(["(Laughter.)", "--"]).empty


def test_phrase_table_has_every_n_and_dtypes(seed_transcript):
    table = phrase_table(seed_transcript.turns["text"])
    assert list(table.columns) == list(PHRASE_COLUMNS)
    assert set(table["n"]) <= {1, 2, 3, 4, 5} and 5 in set(table["n"])
    assert (table["count"] >= 2).all()
    assert (table["phrase"].str.split().str.len() == table["n"]).all()
    assert str(table["count"].dtype) == "int64" and str(table["maximal"].dtype) == "bool"


def test_budget_numbers_are_single_words():
    texts = ["We asked for $1,250,000 and got $1,250,000.", "It was 2,000 in 2021, then 3.5 times more: 2,000."]
    counts = _counts(texts)
    assert counts["$1,250,000"] == 2 and counts["2,000"] == 2
    assert not any(p in counts.index for p in ["000", "000 000", "250", "1", "5"])


def test_top_with_ties_names_the_cut_phrases():
    table = pd.DataFrame({"phrase": list("abcde"), "count": [5, 3, 2, 2, 2]})
    shown, cut = top_with_ties(table, "count", 3)
    assert list(shown["phrase"]) == ["a", "b", "c"] and cut == ["d", "e"]
    assert top_with_ties(table, "count", 2)[1] == []
    assert top_with_ties(table, "count", 10)[1] == []


_word = st.sampled_from(["open", "door", "the", "no", "change", "NATO", "of", "policy", "US", "us", "open-door"])
_sep = st.sampled_from([" ", " ", " ", ". ", ", ", "-- ", "? ", "'s "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(_word, _sep), max_size=30), max_size=5), st.integers(1, MAX_N))
def test_property_ngram_total_matches_runs(turn_tokens, n):
    """Without the stopword rule, n-grams per run are max(0, k - n + 1) for a run of k tokens."""
    from podium.text import phrase_runs

    texts = ["".join(w + s for w, s in tokens) for tokens in turn_tokens]
    table = count_ngrams(texts, n=n, min_count=1, drop_stopwords=False)
    expected = sum(max(0, len(run) - n + 1) for t in texts for run in phrase_runs(t))
    assert int(table["count"].sum()) == expected
    with_rule = count_ngrams(texts, n=n, min_count=1)
    stops = stopwords()
    assert all(p.split()[0] not in stops and p.split()[-1] not in stops for p in with_rule["phrase"])
    assert set(with_rule["phrase"]) <= set(table["phrase"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.tuples(_word, _sep), max_size=25), min_size=1, max_size=4), st.integers(1, 3))
def test_property_kwic_lists_as_many_lines_as_the_count(turn_tokens, n):
    texts = ["".join(w + s for w, s in tokens) for tokens in turn_tokens]
    turns = pd.DataFrame({"turn_id": range(len(texts)), "speaker": "A", "text": texts, "start_s": 0.0, "end_s": 10.0})
    for phrase, count in count_ngrams(texts, n=n, min_count=1)[["phrase", "count"]].itertuples(index=False):
        assert len(kwic(turns, phrase, exact=True)) == count


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.lists(st.tuples(_word, _sep), max_size=20), st.sampled_from("XYZ")), max_size=6),
    st.integers(1, MAX_N),
)
def test_property_tally_matches_a_plain_count(turns, n):
    """The vectorised tally equals counting n-gram tuples of phrase_runs turn by turn."""
    from collections import Counter

    from podium.text import phrase_runs

    texts = ["".join(w + s for w, s in tokens) for tokens, _ in turns]
    speakers = [speaker for _, speaker in turns]
    counted = tally(texts, speakers, ns=(n,))
    want, want_turns, want_speaker = Counter(), Counter(), Counter()
    for text, speaker in zip(texts, speakers, strict=True):
        grams = [tuple(run[i : i + n]) for run in phrase_runs(text) for i in range(len(run) - n + 1)]
        want.update(grams)
        want_turns.update(set(grams))
        want_speaker.update((speaker, g) for g in grams)
    have, have_turns = counted.pooled(n)
    assert have == want and have_turns == want_turns
    by_speaker = counted.speaker_counts(n)
    assert {(s, tuple(p.split(" "))): c for s, d in by_speaker.items() for p, c in d.items()} == dict(want_speaker)
