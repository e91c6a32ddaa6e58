"""Parser fuzzing: mutations of real corpus files and of crafted inputs never raise anything but
a clean, one-sentence DecodeError or ParseError, and what parses conserves its turns' words.

Mutations: cut the file at a random point, duplicate, delete or swap lines, insert a random line,
and re-encode (UTF-16, cp1252 with replacement, UTF-8 with BOM). The suite runs a bounded number
of examples; a longer run is one command (see README, "Robustness"):

    PODIUM_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.model import ParseError
from podium.parse import parse_bytes
from podium.text import DecodeError
from tests.conftest import CORPUS, FIXTURES, SEED

EXAMPLES = int(os.environ.get("PODIUM_FUZZ_EXAMPLES", "60"))
ROBUST = Path(__file__).parent / "robustness" / "inputs"


def _seeds() -> list[Path]:
    files = [SEED, *sorted(FIXTURES.glob("*.*"))]
    if CORPUS.exists():
        files += sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name not in {"README.md", "PITFALLS.md"})
    files += sorted(p for p in ROBUST.iterdir() if p.stat().st_size < 100_000)
    return [p for p in files if p.suffix != ".tsv" and p.stat().st_size < 400_000]


SEEDS = _seeds()


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    path = draw(st.sampled_from(SEEDS))
    data = path.read_bytes()
    lines = data.split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "dup", "drop", "swap", "insert", "noop"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "cut":
            lines = lines[:i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "drop":
            del lines[i]
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(st.text(max_size=80)).encode("utf-8", "surrogatepass"))
    data = b"\n".join(lines)
    encoding = draw(st.sampled_from(["keep", "utf-16", "cp1252", "utf-8-sig"]))
    if encoding != "keep":
        try:
            data = data.decode("utf-8").encode(encoding, errors="replace")
        except UnicodeDecodeError:
            pass
    return path.name, data


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_mutated_files_parse_or_fail_with_one_sentence(case):
    name, data = case
    try:
        transcript = parse_bytes(data, name=name)
    except (DecodeError, ParseError) as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        return
    turns = transcript.turns
    assert len(turns) >= 1
    assert (turns["n_words"] >= 0).all()
    assert (turns["speech_s"] >= 0).all()
    assert turns["turn_id"].tolist() == list(range(len(turns)))


@pytest.mark.parametrize("depth", [50, 1_000, 100_000])
def test_deep_json_never_raises_recursion_error(depth):
    for data in (b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth):
        try:
            parse_bytes(data, name="deep.json")
        except (DecodeError, ParseError) as exc:
            assert "\n" not in str(exc)
