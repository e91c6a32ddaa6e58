"""Normalisation, decoding and tokenisation."""

import pytest

from podium.text import DecodeError, decode_bytes, normalise_text, sentence_runs, stage_directions, words


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
