"""CSV safety, the export command and its documented schema."""

import csv
import io
import re
import subprocess
import sys

import pandas as pd
import pytest

from podium.answers import INDICATOR_COLUMNS
from podium.export import download_name, neutralise_formulas, to_csv_bytes
from podium.model import TURN_COLUMNS
from podium.phrases import PHRASE_COLUMNS, SPEAKER_PHRASE_COLUMNS
from podium.qa import QA_COLUMNS
from podium.talk_time import SPEAKER_COLUMNS
from podium.turn_taking import INTERRUPTION_COLUMNS, TURN_TAKING_COLUMNS
from tests.conftest import ROOT, SEED


def _read(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("cell", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    rows = _read(to_csv_bytes(pd.DataFrame({"text": [cell], "n": [-5]})))
    assert rows[0]["text"] == "'" + cell.replace("\r", "\n") or rows[0]["text"].startswith("'")
    assert rows[0]["n"] == "-5"  # numbers untouched


def test_ordinary_text_and_unicode_survive():
    frame = pd.DataFrame({"text": ["NATO’s door — open", 'say "no"\nnext line'], "flag": [True, False]})
    rows = _read(to_csv_bytes(frame))
    assert rows[0]["text"] == "NATO’s door — open"
    assert rows[1]["text"].replace("\r\n", "\n") == 'say "no"\nnext line'
    assert neutralise_formulas(frame).equals(frame)


def test_download_name():
    assert download_name("blinken_nato_open_door.txt", "speakers") == "blinken_nato_open_door_speakers.csv"
    assert download_name("My file (1).srt", "turns") == "My_file_1_turns.csv"
    assert download_name("???.txt", "turns") == "transcript_turns.csv"
    assert download_name("a.txt", "turns", ["ANTONY BLINKEN"]) == "a_turns_ANTONY_BLINKEN.csv"
    assert download_name("a.txt", "kwic_open door", ["MS. PSAKI", "Q"]) == "a_kwic_open_door_MS_PSAKI_Q.csv"
    assert download_name("a.txt", "turns", [f"SPEAKER_{i:02d}" for i in range(12)]) == "a_turns_12_speakers.csv"


def test_floats_are_written_without_binary_noise():
    rows = _read(
        to_csv_bytes(pd.DataFrame({"x": [52.00000000000001, 0.5250737463126843, 6340.56, 36125.125, 443045.25]}))
    )
    # ten significant digits: no noise, and times past 1,000 s (a six-hour hearing is 21,600 s;
    # "[123:04:05]" is 443,045 s) keep their milliseconds
    assert [r["x"] for r in rows] == ["52", "0.5250737463", "6340.56", "36125.125", "443045.25"]


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "podium", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_export_writes_the_five_tables(tmp_path):
    result = _run("export", str(SEED), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    files = {p.name for p in tmp_path.iterdir()}
    assert files == {
        "turns.csv",
        "speakers.csv",
        "phrases.csv",
        "phrases_by_speaker.csv",
        "qa_pairs.csv",
        "interruptions.csv",
    }
    turns = _read((tmp_path / "turns.csv").read_bytes())
    assert list(turns[0]) == list(TURN_COLUMNS)
    assert [t["speaker"] for t in turns] == ["REPORTER", "ANTONY BLINKEN"] * 3
    assert turns[3]["text"] == "This isn't about concessions--" and turns[3]["cut_off"] == "True"
    speakers = _read((tmp_path / "speakers.csv").read_bytes())
    assert list(speakers[0]) == list(SPEAKER_COLUMNS) + list(TURN_TAKING_COLUMNS)[1:]
    # the reporter asked two questions (turns 0 and 2 end in "?"), both answered by Blinken;
    # Blinken's "This isn't about concessions--" was cut off by the reporter
    by_name = {row["speaker"]: row for row in speakers}
    assert by_name["REPORTER"]["questions_asked"] == "2" and by_name["ANTONY BLINKEN"]["questions_received"] == "2"
    assert by_name["REPORTER"]["interruptions_made"] == "1" and by_name["ANTONY BLINKEN"]["times_interrupted"] == "1"
    assert by_name["ANTONY BLINKEN"]["wpm"] == ""  # estimated times: no measured rate
    cut = _read((tmp_path / "interruptions.csv").read_bytes())
    assert [(r["interrupter"], r["interrupted"], r["turn_id"], r["cut_off_words"]) for r in cut] == [
        ("REPORTER", "ANTONY BLINKEN", "4", "This isn't about concessions--")
    ]
    phrases = _read((tmp_path / "phrases.csv").read_bytes())
    assert list(phrases[0]) == list(PHRASE_COLUMNS)
    counts = {(p["phrase"], p["n"]): int(p["count"]) for p in phrases}
    assert counts[("no change", "2")] == 3 and counts[("open door", "2")] == 3
    assert {p["n"] for p in phrases} == {"1", "2", "3", "4", "5"}
    assert all(int(p["count"]) >= 2 for p in phrases)
    by_speaker = _read((tmp_path / "phrases_by_speaker.csv").read_bytes())
    assert list(by_speaker[0]) == list(SPEAKER_PHRASE_COLUMNS)
    no_change = {p["speaker"]: int(p["count"]) for p in by_speaker if p["phrase"] == "no change"}
    assert no_change == {"REPORTER": 1, "ANTONY BLINKEN": 2}  # turn 4; turn 5 twice
    pairs = _read((tmp_path / "qa_pairs.csv").read_bytes())
    assert list(pairs[0]) == [*QA_COLUMNS, *INDICATOR_COLUMNS]
    # turn 4 ("Well, there is no change ...") asks nothing: it stays inside the second pair's answer
    assert len(pairs) == 2
    assert [p["answer_turn_ids"] for p in pairs] == ["1", "3 4 5"]
    assert pairs[0]["deflection_phrases"] == (
        "deflection: without going into the specifics; deflection: as I've said; deflection: as I said"
    )
    assert pairs[1]["answer_cut_off"] == "True"
    assert pairs[0]["label"] in {"direct", "partial", "deflected"}


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"\x00\x01\x02\x03" * 50, "binary"), (b"... -- !!", "no words")],
)
def test_export_rejects_bad_input_with_one_line(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = _run("export", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_export_missing_file_and_bad_rate(tmp_path):
    result = _run("export", str(tmp_path / "nope.txt"), "--out", str(tmp_path))
    assert result.returncode == 1 and "cannot read" in result.stderr and "Traceback" not in result.stderr
    result = _run("export", str(SEED), "--out", str(tmp_path), "--wpm", "5")
    assert result.returncode == 2 and "--wpm" in result.stderr


def test_readme_documents_every_exported_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, columns in [
        ("turns.csv", TURN_COLUMNS),
        ("speakers.csv", {**SPEAKER_COLUMNS, **TURN_TAKING_COLUMNS}),
        ("interruptions.csv", INTERRUPTION_COLUMNS),
        ("phrases.csv", PHRASE_COLUMNS),
        ("phrases_by_speaker.csv", SPEAKER_PHRASE_COLUMNS),
        ("qa_pairs.csv", QA_COLUMNS),
    ]:
        section = readme.split(f"### `{name}`", 1)[1].split("\n### ", 1)[0]
        for column in columns:
            assert re.search(rf"`{column}`", section), f"README does not document {name}:{column}"


def test_export_reads_other_formats_and_keeps_source_times(tmp_path):
    from tests.conftest import FIXTURES

    result = _run("export", str(FIXTURES / "podcastindex_buzzsprout_example.srt"), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    turns = _read((tmp_path / "turns.csv").read_bytes())
    # 10 turns by Travis, Sarah and Gilon (counted by hand from the cue prefixes)
    assert len(turns) == 10
    assert {t["speaker"] for t in turns} == {"Travis", "Sarah", "Gilon"}
    assert turns[0]["start_s"] == "0.179"  # the first cue starts at 00:00:00,179


def test_export_forced_format_and_not_a_transcript(tmp_path):
    not_transcript = tmp_path / "config.json"
    not_transcript.write_text('{"name": "x", "values": [1, 2]}', encoding="utf-8")
    result = _run("export", str(not_transcript), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "not a transcript format Podium knows" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = _run("export", str(SEED), "--out", str(tmp_path / "plain"), "--format", "plain")
    assert result.returncode == 0
    turns = _read((tmp_path / "plain" / "turns.csv").read_bytes())
    assert {t["speaker"] for t in turns} == {"UNKNOWN"}


# ---- string columns neutralised in one vectorised test: the same CSV as cell by cell -------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from podium.export import FORMULA_PREFIXES  # noqa: E402


def _neutralised_cell_by_cell(frame):
    def fix(value):
        return "'" + value if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value

    return frame.assign(**{c: frame[c].map(fix) for c in frame.columns if frame[c].dtype != "int64"})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet="=+-@\t\r'a ,\"\n1", max_size=6)), max_size=8))
def test_neutralise_string_column_same_as_cell_by_cell(cells):
    import pandas as pd

    from podium.export import neutralise_formulas

    frame = pd.DataFrame({"text": pd.Series(cells, dtype="str"), "n": range(len(cells))})
    assert neutralise_formulas(frame).to_csv(index=False) == _neutralised_cell_by_cell(frame).to_csv(index=False)


def test_export_with_two_jobs_writes_the_same_files(tmp_path):
    seed = ROOT / "data" / "blinken_nato_open_door.txt"
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "podium", "export", str(seed), "--out", str(tmp_path / jobs), "--jobs", jobs],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "2").iterdir()) and "qa_pairs.csv" in names
    for name in names:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_two_jobs_fall_back_to_one_when_the_child_fails(monkeypatch):
    import os

    from podium import export
    from podium.parse import read_transcript

    transcript = read_transcript(ROOT / "data" / "blinken_nato_open_door.txt")
    parent, real = os.getpid(), export.assess_row
    calls = []

    def fails_in_the_child(*row):
        if os.getpid() != parent:
            raise RuntimeError("the child failed")
        calls.append(row[0][:20])
        return real(*row)

    monkeypatch.setattr(export, "assess_row", fails_in_the_child)
    both = export.tables(transcript, workers=2)
    pairs = both["qa_pairs"]
    pd.testing.assert_frame_equal(pairs, export.qa_pairs(transcript.turns))
    for name, frame in export.tables(transcript).items():  # the child's phrase tables made here again
        pd.testing.assert_frame_equal(both[name], frame)
    # by hand: the reporters' first turn and "So you would say ...?" ask; "Well, there is no change
    # ..." asks nothing and stays inside the second answer
    assert pairs["question_turn_id"].tolist() == [0, 2]
    # each pair assessed once here: the child failed on the first it claimed, this process took the rest
    assert sorted(calls) == sorted(pairs["question"].str[:20])


def test_pairs_measured_from_both_ends_equal_one_pass():
    """The split of ``tables(workers=2)``: rows assessed one by one, in any order, are those of all the
    pairs at once (each row is measured on its own)."""
    from podium.answers import assess_pairs, assess_row, indicator_frame, pair_columns
    from podium.parallel import map_from_both_ends
    from podium.parse import read_transcript
    from podium.qa import qa_exchanges

    transcript = read_transcript(ROOT / "data" / "blinken_nato_open_door.txt")
    pairs, _ = qa_exchanges(transcript.turns)
    whole = assess_pairs(pairs)
    columns = pair_columns(pairs)
    rows = [assess_row(*(c[i] for c in columns)) for i in reversed(range(len(pairs)))][::-1]
    pd.testing.assert_frame_equal(pd.concat([pairs, indicator_frame(rows, pairs.index)], axis=1), whole)
    shared = map_from_both_ends(
        lambda i: assess_row(*(c[i] for c in columns)), len(pairs), lambda: "first", lambda: "child's", lambda: "last"
    )
    assert shared == ("first", "child's", rows, "last")
    assert map_from_both_ends(lambda i: i * i, 1000, lambda: None).items == [i * i for i in range(1000)]
    assert map_from_both_ends(lambda i: i, 0, lambda: 1, lambda: 2) == (1, 2, [], None)


def test_jobs_default_is_auto(tmp_path):
    from podium.__main__ import build_parser
    from podium.export import default_jobs

    args = build_parser().parse_args(["export", "x.txt", "--out", str(tmp_path)])
    assert args.jobs == "auto"
    assert build_parser().parse_args(["export", "x.txt", "--out", str(tmp_path), "--jobs", "2"]).jobs == 2
    assert default_jobs() in (1, 2)


def test_auto_jobs_use_one_process_for_the_tables_of_a_very_long_transcript():
    from podium.export import AUTO_MAX_WORDS, default_jobs

    assert default_jobs(AUTO_MAX_WORDS + 1) == 1  # memory: the second process's phrase tally
    assert default_jobs(AUTO_MAX_WORDS) == default_jobs()
