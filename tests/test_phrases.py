"""Phrase counting: hand-checked counts, the stopword rule, KWIC, and properties."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.phrases import PHRASE_COLUMNS, count_ngrams, kwic, phrase_table, stopwords


def test_counts_within_sentences_only():
    texts = ["Open door. Door open.", "open door, open door!"]
    table = count_ngrams(texts, n=2, min_count=1).set_index("phrase")
    # "door door" would span the full stop: never counted
    assert "door door" not in table.index
    assert table.loc["open door", "count"] == 3
    assert table.loc["open door", "n_turns"] == 2
    assert table.loc["door open", "count"] == 2  # "Door open." and "door, open" (commas do not end a run)


def test_stopword_only_and_edge_stopword_phrases_are_dropped_but_never_invented():
    texts = ["the state of the union", "the state of the union"]
    table = count_ngrams(texts, n=2, min_count=2)
    assert table.empty  # "the state", "state of", "of the", "the union" all start or end with a stopword
    # "the state of", "state of the", "of the union": each starts or ends with a stopword
    assert count_ngrams(texts, n=3, min_count=2).empty
    # "the state of the" is dropped; "state of the union" keeps its inner stopwords
    assert list(count_ngrams(texts, n=4, min_count=2)["phrase"]) == ["state of the union"]
    # dropping stopwords never joins words that were not next to each other
    assert "state union" not in set(count_ngrams(texts, n=2, min_count=1)["phrase"])


def test_negations_are_kept():
    assert "no" not in stopwords() and "not" not in stopwords()
    assert "the" in stopwords() and "don't" in stopwords()
    assert list(count_ngrams(["no change", "no change"], n=2)["phrase"]) == ["no change"]


def test_without_stopword_rule_everything_repeated_is_counted():
    table = count_ngrams(["of the", "of the"], n=2, drop_stopwords=False)
    assert list(table["phrase"]) == ["of the"]


def test_bad_arguments():
    with pytest.raises(ValueError):
        count_ngrams(["x"], n=0)
    with pytest.raises(ValueError):
        count_ngrams(["x"], n=1, min_count=0)


def test_phrase_table_has_every_n_and_dtypes(seed_transcript):
    table = phrase_table(seed_transcript.turns["text"])
    assert list(table.columns) == list(PHRASE_COLUMNS)
    assert set(table["n"]) <= {1, 2, 3, 4}
    assert (table["count"] >= 2).all()
    assert (table["phrase"].str.split().str.len() == table["n"]).all()
    assert str(table["count"].dtype) == "int64"


def test_kwic_lists_every_occurrence_in_order(seed_transcript):
    lines = kwic(seed_transcript.turns, "no change")
    assert list(lines["turn_id"]) == [4, 5, 5]
    assert list(lines["speaker"]) == ["REPORTER", "ANTONY BLINKEN", "ANTONY BLINKEN"]
    assert lines.loc[0, "left"] == "Well, there is "
    assert lines.loc[0, "right"].startswith(" in the US or NATO position")
    assert kwic(seed_transcript.turns, "   ").empty


def test_kwic_respects_word_boundaries():
    turns = pd.DataFrame({"turn_id": [0], "speaker": ["A"], "text": ["doors open; open door; opendoor"]})
    assert list(kwic(turns, "open door")["keyword"]) == ["open door"]


_word = st.sampled_from(["open", "door", "the", "no", "change", "nato", "of", "policy"])
_sep = st.sampled_from([" ", " ", " ", ". ", ", ", "-- ", "? "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(_word, _sep), max_size=30), max_size=5), st.integers(1, 4))
def test_property_ngram_total_matches_runs(turn_tokens, n):
    """Without the stopword rule, n-grams per run are max(0, k - n + 1) for a run of k words."""
    from podium.text import sentence_runs

    texts = ["".join(w + s for w, s in tokens) for tokens in turn_tokens]
    table = count_ngrams(texts, n=n, min_count=1, drop_stopwords=False)
    expected = sum(max(0, len(run) - n + 1) for t in texts for run in sentence_runs(t))
    assert int(table["count"].sum()) == expected
    with_rule = count_ngrams(texts, n=n, min_count=1)
    stops = stopwords()
    assert all(p.split()[0] not in stops and p.split()[-1] not in stops for p in with_rule["phrase"])
    assert set(with_rule["phrase"]) <= set(table["phrase"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.tuples(_word, _sep), max_size=25), min_size=1, max_size=4), st.integers(1, 3))
def test_property_kwic_lists_as_many_lines_as_the_count(turn_tokens, n):
    texts = ["".join(w + s for w, s in tokens) for tokens in turn_tokens]
    turns = pd.DataFrame({"turn_id": range(len(texts)), "speaker": "A", "text": texts})
    for phrase, count in count_ngrams(texts, n=n, min_count=1)[["phrase", "count"]].itertuples(index=False):
        assert len(kwic(turns, phrase)) == count


def test_kwic_matches_the_table_across_commas_abbreviations_and_possessives():
    turns = pd.DataFrame(
        {
            "turn_id": [0, 1],
            "speaker": ["A", "B"],
            "text": ["Go ahead, please. U.S. forces left.", "NATO's door; NATO door."],
        }
    )
    assert list(kwic(turns, "go ahead please")["keyword"]) == ["Go ahead, please"]
    assert list(kwic(turns, "u.s forces")["keyword"]) == ["U.S. forces"]
    assert list(kwic(turns, "nato")["keyword"]) == ["NATO"]  # "NATO's" is another word, as in the counts
    assert list(kwic(turns, "mr president")["keyword"]) == []


def test_title_abbreviations_do_not_end_a_sentence():
    from podium.text import sentence_runs

    assert sentence_runs("Thank you, Mr. President.") == [["thank", "you", "mr", "president"]]
