"""Hypothesis properties: any text parses or fails cleanly, and words are conserved."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.model import ParseError
from podium.parse import parse_bytes, parse_text
from podium.text import DecodeError, normalise_text, words


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_parses_or_raises_parse_error(text):
    try:
        transcript = parse_text(text)
    except ParseError as exc:
        # no words at all, or a deliberate refusal: only speaker labels ("²:") with no speech after
        # them, only tags ("<0>"), only YAML front matter, a subtitle header with no cue ("WEBVTT",
        # found by Hypothesis; the catalogue's vtt_header_only.vtt)
        deliberate = ("speaker labels but no speech", "only markup", "only front matter", "no spoken text")
        assert not words(normalise_text(text)) or any(d in str(exc) for d in deliberate), (text, str(exc))
        return
    assert len(transcript.turns) >= 1
    assert (transcript.turns["n_words"] >= 0).all()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_raise_a_clean_error(data):
    try:
        parse_bytes(data, name="x.txt")
    except (ParseError, DecodeError) as exc:
        assert str(exc)


_name = st.sampled_from(["ANTONY BLINKEN", "MS. PSAKI", "Q", "THE PRESIDENT", "MR. McCLELLAN"])
_sentence = st.lists(
    st.sampled_from(["open", "door", "no", "change", "NATO's", "policy", "(Laughter.)", "--", "10:30", "U.S."]),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_name, st.lists(_sentence, min_size=1, max_size=3)), min_size=1, max_size=8))
def test_words_are_conserved_and_speakers_attributed(script):
    text = "Headline of the page\n\n" + "\n\n".join(
        f"{name}: " + "\n\n".join(paragraphs) for name, paragraphs in script
    )
    transcript = parse_text(text)
    turns = transcript.turns
    expected_words = sum(len(words(p)) for _, paragraphs in script for p in paragraphs)
    assert turns["n_words"].sum() == expected_words
    # consecutive blocks by one speaker merge, except the generic reporter label Q (many people)
    merged = [name for i, (name, _) in enumerate(script) if i == 0 or script[i - 1][0] != name or name == "Q"]
    assert list(turns["speaker"]) == merged
    assert transcript.title == "Headline of the page"
