"""The one tokenising pass shared by word counts, phrase counts and Q&A (issue 14, core speed).

Values are checked by hand against the texts written here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.parse import measure_text
from podium.phrases import tally
from podium.text import CUT_OFF_RE, is_cut_off, phrase_runs, words


def test_sung_lyrics_without_brackets_are_not_phrases():
    # "♪ la la la ♪" is a stage direction (caption lyrics): 6 words are spoken, "la" is never a phrase
    text = "♪ la la la ♪ We will act. We will act."
    assert words(text) == ["We", "will", "act", "We", "will", "act"]
    assert phrase_runs(text) == [["we", "will", "act"], ["we", "will", "act"]]
    counted = tally([text])
    assert counted.n_words == {"": 6}
    assert "la" not in counted.phrases(1)
    assert measure_text(text)["n_words"] == 6


def test_turn_token_ids_are_the_phrase_tokens_and_the_word_count():
    from podium.phrases import Tally, turn_token_ids

    ids, n_words = turn_token_ids("NATO's open-door policy -- (Laughter.) it's 10:30.")
    # words: NATO's, open-door, policy, it's, 10:30 (the stage direction is not a word)
    assert n_words == 5
    tokens = Tally.phrase(ids).split(" ")
    # runs: [NATO open door policy] [it's 10:30]; id 0 (the run-break token) for the "--", the
    # stage direction, the final full stop and the end of the turn
    assert tokens == ["NATO", "open", "door", "policy", "\x00", "\x00", "it's", "10:30", "\x00", "\x00"]
    assert not ids.flags.writeable  # shared by every caller: never mutated


def test_word_counts_and_phrase_counts_agree_on_every_seed_turn(seed_transcript):
    turns = seed_transcript.turns
    for text, n in zip(turns["text"], turns["n_words"], strict=True):
        assert n == len(words(text))
    counted = tally(turns["text"], turns["speaker"])
    assert counted.n_words == turns.groupby("speaker", sort=False)["n_words"].sum().to_dict()


def test_a_small_token_cache_gives_the_same_counts(monkeypatch, seed_transcript):
    import podium.phrases as phrases

    texts = list(seed_transcript.turns["text"])
    full = phrases.tally(texts)
    monkeypatch.setattr(phrases, "TOKEN_CACHE_BYTES", 2_000)  # a few turns: most are tokenised again
    phrases._TURN_CACHE.clear()
    monkeypatch.setattr(phrases, "_turn_cache_bytes", 0)
    small = phrases.tally(texts)
    assert phrases._turn_cache_bytes <= 2_000 or len(phrases._TURN_CACHE) == 1
    for n in full.ns:
        assert full.phrases(n) == small.phrases(n)
        assert full.grams[n].count.tolist() == small.grams[n].count.tolist()
    assert full.n_words == small.n_words


def test_parsing_does_not_import_the_word_cloud():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    code = (
        "import sys; from podium.parse import parse_bytes; "
        "parse_bytes(open('data/blinken_nato_open_door.txt', 'rb').read(), name='b.txt'); "
        "print('wordcloud' in sys.modules, 'matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@given(st.text(alphabet=list("ab1 \n\t\"'-.\u2014\u2013\u2026\u00a0é"), max_size=30))
@settings(max_examples=3000, deadline=None)
def test_is_cut_off_is_the_cut_off_pattern(text):
    speech = text.rstrip()
    assert is_cut_off(speech) == bool(CUT_OFF_RE.search(speech))


def test_cut_off_by_hand():
    assert is_cut_off("we will not --")
    assert is_cut_off("we will not ... ")
    assert is_cut_off('he said "stop--"')
    assert is_cut_off("the open-")
    assert not is_cut_off("the open - ")  # a lone spaced hyphen is a dash only after a word character
    assert not is_cut_off("we will act.")
    assert not is_cut_off("--and then we acted")


@given(st.lists(st.text(alphabet=list("ab c. "), max_size=40), max_size=8), st.integers(1, 3))
@settings(max_examples=300, deadline=None)
def test_maximal_on_token_ids_is_the_phrase_rule(texts, min_count):
    from podium.phrases import _maximal, phrase_table_from_tally

    table = phrase_table_from_tally(tally(texts), min_count=min_count, drop_stopwords=False)
    if len(table):
        assert table["maximal"].tolist() == _maximal(table).tolist()


def test_maximal_by_hand():
    from podium.phrases import phrase_table

    # "no change" (2) lies only inside "there is no change" (2); "change" (3) also stands alone once
    table = phrase_table(["There is no change.", "There is no change.", "Change."], min_count=2, drop_stopwords=False)
    maximal = dict(zip(table["phrase"], table["maximal"], strict=True))
    assert maximal["there is no change"] and maximal["change"]
    assert not maximal["no change"] and not maximal["is no"]


@given(
    st.lists(
        st.sampled_from(["US", "WE", "We", "the", "NATO", "I'M", "it's", "U.S.", "open-door", ". ", " -- ", "\n", " "]),
        max_size=25,
    )
)
@settings(max_examples=500, deadline=None)
def test_token_ids_are_the_phrase_tokens(parts):
    from podium.phrases import Tally, turn_token_ids
    from podium.text import RUN_BREAK, phrase_tokens

    text = " ".join(parts)
    ids, n_words = turn_token_ids(text)
    tokens, expected_words = phrase_tokens(text)
    assert [Tally.phrase([i]) for i in ids] == [*tokens, RUN_BREAK]
    assert n_words == expected_words == len(words(text))


def test_a_sentence_opening_stopword_in_capitals_is_lower_cased_by_hand():
    from podium.phrases import Tally, turn_token_ids

    ids, n_words = turn_token_ids("IT was late. The IT desk. WE act.")
    # "IT" opening a sentence is the pronoun "it"; inside a sentence it stays "IT" (the department)
    assert Tally.phrase(ids).split(" \x00 ")[:3] == ["it was late", "the IT desk", "we act"]
    assert n_words == 8


def _turn_ids_before(text: str) -> tuple[list[int], int]:
    """The definition of ``podium.phrases._turn_ids`` before the single-id look-up (reference copy)."""
    from podium.phrases import _caps_word_ids, _initial_word_ids, _word_ids
    from podium.text import RUN_BREAK, phrase_words

    found, caps, initial_caps = phrase_words(text)
    n_words = len(found) - found.count(RUN_BREAK)
    if initial_caps:
        out: list[int] = []
        initial = True
        for word in found:
            if word == RUN_BREAK:
                initial = True
                out.append(0)
            else:
                out.extend(_initial_word_ids(word) if initial else _word_ids(word))
                initial = False
        return out, n_words
    ids = _caps_word_ids if caps else _word_ids
    return [i for word in found for i in ids(word)], n_words


_TURN_PARTS = [
    "US", "NATO", "the", "Ukraine's", "open-door", "U.S.", "well-known-fact", "3.5", "$1,250,000", "P&L",
    "Élysée", "naïve", "--", "(Laughter.)", ". ", "? ", "\n\n", " ", "THE", "SHOUTING", "ALL", "CAPS",
    "co-operation", "it's", "x-", "-y", "北京", "♪",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TURN_PARTS) | st.text(max_size=6), max_size=40))
@settings(max_examples=600, deadline=None)
def test_turn_ids_with_single_id_look_ups_equal_the_definition_before(parts):
    from podium import phrases

    text = " ".join(parts)
    # twice: the first pass fills the single-id look-up, the second reads from it
    assert phrases._turn_ids(text) == _turn_ids_before(text)
    assert phrases._turn_ids(text) == _turn_ids_before(text)


def test_single_id_look_up_by_hand():
    from podium import phrases

    ids, n_words = phrases._turn_ids("Open-door policy. Open-door policy.")
    # words: Open-door, policy, Open-door, policy; a hyphenated compound is two tokens, spliced in
    assert n_words == 4
    assert phrases.Tally.phrase(ids) == "open door policy \x00 open door policy \x00"
    assert "policy" in phrases._SINGLE_IDS and "Open-door" not in phrases._SINGLE_IDS
