"""The command line's two processes (``--jobs 2``, issue 14 core speed): the same turns and tables
as one process, and one process's work again when the child fails."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from podium import parallel, parse, questions
from podium.parse import parse_bytes
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
# untimed text with questions, a timed subtitle file, a labelled hearing: both measuring paths
FILES = [
    ROOT / "data" / "blinken_nato_open_door.txt",
    *sorted(CORPUS.glob("statedept/*"))[:2],
    *sorted(CORPUS.glob("subtitles/*"))[:1],
]


@pytest.fixture
def always_parallel(monkeypatch):
    monkeypatch.setattr(parse, "PARALLEL_MIN_CHARS", 0)  # fork even for a short file


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_turns_measured_in_two_processes_equal_one(path, always_parallel):
    data = path.read_bytes()
    questions.clear_cache()
    one = parse_bytes(data, name=path.name)
    questions.clear_cache()
    two = parse_bytes(data, name=path.name, workers=2)
    pd.testing.assert_frame_equal(two.turns, one.turns)
    assert two.timing == one.timing and two.notices == one.notices


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_the_child_hands_back_its_question_sentences(always_parallel):
    questions.clear_cache()
    seed = parse_bytes((ROOT / "data" / "blinken_nato_open_door.txt").read_bytes(), name="seed.txt", workers=2)
    cached = questions.cached_paragraphs()
    # by hand: the reporter's second turn is one paragraph asking one question, counted in the child
    second = seed.turns.loc[2, "text"]
    assert second.startswith("So you would say") and cached[second] == (second,)
    assert seed.turns.loc[2, "n_questions"] == 1


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_a_failed_child_is_counted_again_in_the_parent(monkeypatch, always_parallel):
    parent, real = os.getpid(), parse.count_questions

    def fails_in_the_child(text):
        if os.getpid() != parent:
            raise RuntimeError("the child failed")
        return real(text)

    monkeypatch.setattr(parse, "count_questions", fails_in_the_child)
    data = (ROOT / "data" / "blinken_nato_open_door.txt").read_bytes()
    two = parse_bytes(data, name="seed.txt", workers=2)
    one = parse_bytes(data, name="seed.txt")
    pd.testing.assert_frame_equal(two.turns, one.turns)
    # by hand: the first reporter turn ends three sentences with "?", the second one; the Secretary asks nothing
    assert two.turns["n_questions"].tolist()[:3] == [3, 0, 1]


def test_parallel_start_and_finish_return_the_result_or_the_failure():
    if not parallel.can_fork():
        assert parallel.start(len, "abc") is None
        return
    assert parallel.finish(parallel.start(len, "abc")) == (True, 3)
    ok, why = parallel.finish(parallel.start(int, "not a number"))
    assert not ok and "ValueError" in why


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_two_workers_inside_a_pool_worker_fall_back_to_one():
    """A pool's worker is daemonic and may not start children: ``workers=2`` there does the work itself."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        n_turns, n_pairs = pool.apply(_export_in_worker)
    # by hand: the seed has six turns (three reporter questions, three answers) and two Q&A pairs
    assert (n_turns, n_pairs) == (6, 2)


def _export_in_worker() -> tuple[int, int]:
    from podium.export import tables

    transcript = parse_bytes((ROOT / "data" / "blinken_nato_open_door.txt").read_bytes(), name="seed.txt", workers=2)
    out = tables(transcript, workers=2)
    return len(out["turns"]), len(out["qa_pairs"])
