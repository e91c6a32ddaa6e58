"""Transcripts where only some labels carry a time (``MAYOR BROWN (00:02:10):`` on most, a few
bare ``REPORTER:``): the times given are kept and the others placed between them.

Expected starts are worked out by hand from the rule in :func:`podium.parse.fill_missing_starts`.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.formats.base import Block
from podium.parse import fill_missing_starts, parse_text

MIXED = """MAYOR BROWN (00:00:05): Good morning. We are here to talk about the flood.

REPORTER (00:00:30): Mayor, how many homes were damaged?

MAYOR BROWN: About two hundred so far.

REPORTER: And the cost?

MAYOR BROWN (00:02:10): We don't know yet. Next question.

CHIEF ADAMS (00:02:30): I'd add that the river crested at 4 a.m.
"""


def test_a_few_missing_times_are_placed_between_their_neighbours():
    t = parse_text(MIXED, name="mixed.txt")
    assert t.timing == "source"
    assert list(t.turns["speaker"]) == [
        "MAYOR BROWN",
        "REPORTER",
        "MAYOR BROWN",
        "REPORTER",
        "MAYOR BROWN",
        "CHIEF ADAMS",
    ]
    # 0:30 to 2:10 (100 s) is shared by the reporter's 6 words, the mayor's 5 and the reporter's 3 (14):
    # the mayor starts 6/14 of the way (72.857 s), the reporter 11/14 (108.571 s)
    assert t.turns["start_s"].tolist() == pytest.approx([5.0, 30.0, 30 + 600 / 14, 30 + 1100 / 14, 130.0, 150.0])
    assert any(n.startswith("2 of 6 passages have no time") for n in t.notices)


def test_too_few_times_are_estimated_with_a_notice():
    text = "ANA (00:00:05): One two three.\n\nBEN: Four five.\n\nANA: Six seven.\n\nBEN: Eight.\n"
    t = parse_text(text, name="few.txt")
    assert t.timing == "estimated"
    assert (
        "Only 1 of 4 passages have a time, too few to time the rest: all times were estimated from words instead."
        in t.notices
    )


def test_before_the_first_and_after_the_last_time_at_the_rate():
    blocks = [
        Block("A", ["one two three four five six"]),  # 6 words before the first time
        Block("B", ["x"], 60.0),
        Block("A", ["y"], 70.0),
        Block("B", ["one two three"]),  # 3 words after the last time
    ]
    assert fill_missing_starts(blocks, wpm=120) == 2  # 2 words a second
    assert [b.start_s for b in blocks] == [57.0, 60.0, 70.0, 70.5]  # 6 words = 3 s back; 1 word = 0.5 s on


def test_nothing_changes_when_every_or_almost_no_passage_has_a_time():
    every = [Block("A", ["a"], 1.0), Block("B", ["b"], 2.0)]
    assert fill_missing_starts(every) == 0
    few = [Block("A", ["a"], 1.0), Block("B", ["b"]), Block("A", ["c"]), Block("B", ["d"], 9.0), Block("A", ["e"])]
    assert fill_missing_starts(few) == 0  # 2 of 5 timed: under half
    assert [b.start_s for b in few] == [1.0, None, None, 9.0, None]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 40), st.booleans()),
        min_size=2,
        max_size=30,
    ),
    st.floats(0, 3600),
)
def test_filled_starts_keep_the_given_times_and_their_order(passages, offset):
    # increasing given times; every passage gets a start; given ones unchanged; order kept
    blocks, t = [], offset
    for n, has_time in passages:
        blocks.append(Block("S", [" ".join(["w"] * n)], t if has_time else None))
        t += n * 0.4
    given_starts = [b.start_s for b in blocks]
    n_timed = sum(s is not None for s in given_starts)
    filled = fill_missing_starts(blocks)
    if n_timed >= 2 and n_timed >= 0.5 * len(blocks) and n_timed < len(blocks):
        assert filled == len(blocks) - n_timed
        starts = [b.start_s for b in blocks]
        assert all(s is not None for s in starts)
        assert all(g is None or g == s for g, s in zip(given_starts, starts, strict=True))
        assert all(b >= a - 1e-9 for a, b in itertools.pairwise(starts))
    else:
        assert filled == 0
        assert [b.start_s for b in blocks] == given_starts
