"""Normalisation, decoding and tokenisation."""

import pytest

from podium.text import (
    DecodeError,
    decode_bytes,
    normalise_text,
    phrase_runs,
    phrase_spans,
    sentence_runs,
    stage_directions,
    words,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NATO's open-door policy", ["NATO's", "open-door", "policy"]),
        ("NATO\u2019s", ["NATO's"]),
        ("say-- more broadly", ["say", "more", "broadly"]),
        ("concessions--", ["concessions"]),
        ("the U.S. position", ["the", "U.S", "position"]),
        ("at 10:30 a.m.", ["at", "10:30", "a.m"]),
        ("(Laughter.) Thank you.", ["Thank", "you"]),
        ("[crosstalk 00:06:51] No.", ["No"]),
        ("snake_case", ["snake", "case"]),
        ("", []),
        ("Ünïcödé wörds — ok", ["Ünïcödé", "wörds", "ok"]),
        ("$1,250,000 and 3.5 and 2,000.", ["$1,250,000", "and", "3.5", "and", "2,000"]),
        ("€2,000,000.50, 12,34 and 1,2345", ["€2,000,000.50", "12", "34", "and", "1", "2345"]),
        ("P&L, AT&T and Q&A; R & D", ["P&L", "AT&T", "and", "Q&A", "R", "D"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


def test_sentence_runs_break_at_punctuation_dashes_and_stage_directions():
    assert sentence_runs("No change. There will be no change.") == [
        ["no", "change"],
        ["there", "will", "be", "no", "change"],
    ]
    assert sentence_runs("open-- door") == [["open"], ["door"]]
    assert sentence_runs("open (Laughter.) door") == [["open"], ["door"]]
    assert sentence_runs("the U.S. position") == [["the", "u.s", "position"]]
    assert sentence_runs("yes, no") == [["yes", "no"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thanks. (Laughter.) And (inaudible) --", ["(Laughter.)", "(inaudible)"]),
        (
            "[crosstalk 00:06:51] [Interruption.] (Cross-talk.)",
            ["[crosstalk 00:06:51]", "[Interruption.]", "(Cross-talk.)"],
        ),
        ("(As interpreted.) (Off-mike.) (Applause.)", ["(As interpreted.)", "(Off-mike.)", "(Applause.)"]),
        ("(he said so) (D-NY)", []),
    ],
)
def test_stage_directions(text, expected):
    assert stage_directions(text) == expected


def test_normalise_text_folds_spaces_quotes_line_endings_and_entities():
    raw = "Q\u00a0\u00a0\u00a0Hello\r\nMS. PSAKI:\u2002\u201cYes\u201d &amp; it\u2019s\rend \t\n\ufeff"
    # runs of spaces are kept (column layouts carry meaning); each odd space becomes one ASCII space
    assert normalise_text(raw) == 'Q   Hello\nMS. PSAKI: "Yes" & it\'s\nend\n'


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("NATO’s door".encode(), "NATO’s door", "utf-8"),
        ("NATO’s door".encode("utf-8-sig"), "NATO’s door", "utf-8-sig"),
        ("NATO’s door".encode("utf-16"), "NATO’s door", "utf-16"),
        (
            b"NATO\x92s door is open, and that is our commitment to allies.",
            "NATO’s door is open, and that is our commitment to allies.",
            None,
        ),
    ],
)
def test_decode_bytes(data, text, encoding):
    decoded, used = decode_bytes(data)
    assert decoded == text
    if encoding:
        assert used == encoding


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02binary\x00", bytes(range(256)) * 4])
def test_decode_bytes_rejects_empty_and_binary(data):
    with pytest.raises(DecodeError):
        decode_bytes(data)


def test_cp1252_is_preferred_to_lookalike_code_pages():
    data = "MR PRICE: A na\u00efve \u201cquestion\u201d \u2013 it\u2019s fine, caf\u00e9.\n".encode("cp1252")
    text, encoding = decode_bytes(data)
    assert encoding == "cp1252"
    assert "na\u00efve" in text and "caf\u00e9" in text and "\u201cquestion\u201d" in text


@pytest.mark.parametrize(
    "text, expected",
    [
        # US the country and us the pronoun stay apart; U.S. is US
        ("The US told us. The U.S. told us.", [["the", "US", "told", "us"], ["the", "US", "told", "us"]]),
        # capitals of 2+ letters keep their case, other words are lower-cased; a sentence-opening
        # capitalised stopword is lower-cased ("WE"), a sentence-opening acronym is not
        ("NATO and Nato. WE act. NATO acts.", [["NATO", "and", "nato"], ["we", "act"], ["NATO", "acts"]]),
        # hyphenated compounds are their words, like the spaced form
        ("the open-door policy", [["the", "open", "door", "policy"]]),
        # possessives count with their word; "it's" is not a possessive
        ("Dr. Lander's plan. It's Lander’s.", [["dr", "lander", "plan"], ["it's", "lander"]]),
        # no plural folding
        ("the news is new", [["the", "news", "is", "new"]]),
        # numbers and ampersand words are one token
        ("P&L of $1,250,000, up 3.5", [["P&L", "of", "$1,250,000", "up", "3.5"]]),
        # stage directions are not words and break runs
        ("open (Laughter.) door", [["open"], ["door"]]),
        # a text in capitals has no meaningful case
        (
            "THANK YOU ALL FOR HAVING US HERE AT THE SUMMIT",
            [["thank", "you", "all", "for", "having", "us", "here", "at", "the", "summit"]],
        ),
        ("", []),
    ],
)
def test_phrase_runs(text, expected):
    assert phrase_runs(text) == expected


def test_phrase_spans_point_at_the_words_as_written():
    text = "NATO’s open-door policy; the U.S. and P&L."
    spans = [[(token, text[start:end]) for token, start, end in run] for run in phrase_spans(text)]
    assert spans == [
        [("NATO", "NATO’s"), ("open", "open"), ("door", "door"), ("policy", "policy")],
        [("the", "the"), ("US", "U.S"), ("and", "and"), ("P&L", "P&L")],
    ]
    assert [[t for t, _, _ in run] for run in phrase_spans(text)] == phrase_runs(text)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as hst  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(hst.text(alphabet="aB US.U.S,1'’&-$ \n:;?()0NATO's WE I'M A.N", max_size=60))
def test_property_spans_and_runs_agree_and_count_every_word(text):
    from podium.text import phrase_runs_and_words

    runs, n_words = phrase_runs_and_words(text)
    assert [[t for t, _, _ in run] for run in phrase_spans(text)] == runs
    assert n_words == len(words(text))


def _has_words_before(text: str) -> bool:
    """``podium.text.has_words`` before its first-word shortcut (reference copy)."""
    from podium.text import _WORD_RE, strip_stage_directions

    return _WORD_RE.search(strip_stage_directions(text.replace("\u2019", "'"))) is not None


_DIRECTION_PARTS = [
    "(Laughter.)", "(laughter)", "[inaudible]", "[crosstalk 00:01:02]", "♪", "♪ la la ♪", "(", ")",
    "[", "]", "word", "x", "’", "'", "-", "&", ",", "1,000", " ", "\n", "(Applause", "NATO's",
]  # fmt: skip


@given(hst.lists(hst.sampled_from(_DIRECTION_PARTS) | hst.text(max_size=4), max_size=12), hst.sampled_from(["", " "]))
@settings(max_examples=1500, deadline=None)
def test_has_words_equals_the_definition_before(parts, glue):
    from podium.text import has_words

    text = glue.join(parts)
    assert has_words(text) == _has_words_before(text)


def test_has_words_by_hand():
    from podium.text import has_words

    assert not has_words("(Laughter.)")  # only a stage direction: nothing to analyse
    assert not has_words("  [inaudible]  ♪ ♪ ")
    assert has_words("(Laughter.) Hello")  # the first word is inside the direction, the second is not
    assert has_words("Hello (Laughter.)")
