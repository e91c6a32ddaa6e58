"""The robustness catalogue: every bad or odd input gives a transcript or one clear sentence.

``tests/robustness/catalogue.tsv`` lists each input with its expected outcome, checked by hand
against the crafted file (``tests/robustness/make_inputs.py`` writes them; the large ones are
built by ``tests/robustness/generated.py``, here at a tenth of their size or less, at full size
by ``bench/robustness.py``). For every input that parses, word conservation holds: every word of
the source is in a turn, in the page text, or in what the parser consumed (labels, times).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from podium.__main__ import main
from podium.export import download_name, export_tables, tables, to_csv_bytes
from podium.formats import detect_format
from podium.formats.markup import html_to_text
from podium.model import ParseError
from podium.parse import parse_bytes
from podium.text import DecodeError, all_words, decode_bytes, normalise_text
from tests.robustness.generated import GENERATED

HERE = Path(__file__).parent / "robustness"
INPUTS = HERE / "inputs"
with open(HERE / "catalogue.tsv", encoding="utf-8", newline="") as fh:
    ROWS = list(csv.DictReader(fh, delimiter="\t"))
#: The generated inputs run at this fraction of their catalogue size in the suite.
SCALE = {"big_text_50mb.txt": 0.01, "single_line_5mb.txt": 0.05, "ten_thousand_speakers.txt": 0.05}
SCALE_DEFAULT = 0.01


def _load(name: str) -> bytes:
    if name in GENERATED:
        return GENERATED[name](SCALE.get(name, SCALE_DEFAULT))[1]
    return (INPUTS / name).read_bytes()


def _checks(row: dict) -> dict[str, str]:
    out = {}
    for part in filter(None, (p.strip() for p in row["checks"].split(";"))):
        key, sep, value = part.partition("~=") if "~=" in part else part.partition("=")
        out[key.strip() + ("~" if sep == "~=" else "")] = value.strip()
    return out


def _is_one_sentence(message: str) -> bool:
    return bool(message) and "\n" not in message and len(message) <= 200 and message.rstrip().endswith((".", ")"))


def test_catalogue_lists_every_input_once_and_has_at_least_60():
    names = [r["file"] for r in ROWS]
    assert len(names) == len(set(names))
    assert len(names) >= 60
    committed = {p.name for p in INPUTS.iterdir()}
    assert set(names) == committed | set(GENERATED)
    assert {r["outcome"] for r in ROWS} <= {"transcript", "refused"}


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_input_gives_a_transcript_or_one_clear_sentence(row):
    data = _load(row["file"])
    checks = _checks(row)
    if row["outcome"] == "refused":
        with pytest.raises((DecodeError, ParseError)) as caught:
            parse_bytes(data, name=row["file"])
        message = str(caught.value)
        assert _is_one_sentence(message), message
        if "message~" in checks:
            assert checks["message~"] in message
        return
    transcript = parse_bytes(data, name=row["file"])
    turns = transcript.turns
    assert len(turns) >= 1
    if "speakers" in checks:
        assert set(turns["speaker"]) == set(checks["speakers"].split("|"))
    if "n_speakers" in checks:
        want = int(checks["n_speakers"]) * SCALE.get(row["file"], SCALE_DEFAULT) if row["file"] in GENERATED else 0
        assert turns["speaker"].nunique() == int(want or checks["n_speakers"])
    if "turns" in checks:
        assert len(turns) == int(checks["turns"])
    if "words" in checks:
        assert turns["n_words"].sum() == int(checks["words"])
    if "timing" in checks:
        assert transcript.timing == checks["timing"]
    if "speech_s" in checks:
        assert turns["speech_s"].sum() == pytest.approx(float(checks["speech_s"]))
    if "notice~" in checks:
        assert any(checks["notice~"] in n for n in transcript.notices), transcript.notices
    if "text~" in checks:
        assert any(checks["text~"] in t for t in turns["text"])
    for notice in transcript.notices:
        assert _is_one_sentence(notice) or notice.count(". ") <= 2, notice


def _source_words(data: bytes, name: str) -> Counter | None:
    """Words of the source as the parser sees it, or None for JSON (counted by schema elsewhere)."""
    text, _ = decode_bytes(data)
    fmt = detect_format(text, name)
    if fmt == "stt_json":
        return None
    source = normalise_text(html_to_text(text)[0]) if fmt == "html" else normalise_text(text)
    return Counter(w.lower() for w in all_words(source))


PARSED = [r for r in ROWS if r["outcome"] == "transcript" and r["file"] not in GENERATED]


@pytest.mark.parametrize("row", PARSED, ids=[r["file"] for r in PARSED])
def test_no_word_lost_or_duplicated(row):
    data = _load(row["file"])
    transcript = parse_bytes(data, name=row["file"])
    want = _source_words(data, row["file"])
    if want is None:
        assert transcript.turns["n_words"].sum() > 0
        return
    have = Counter(w.lower() for w in all_words(transcript.metadata))
    for part in [*transcript.turns["text"], *transcript.removed]:
        have.update(w.lower() for w in all_words(part))
    assert want - have == Counter(), "words lost"
    assert have - want == Counter(), "words duplicated"


@pytest.mark.parametrize("row", PARSED, ids=[r["file"] for r in PARSED])
def test_every_table_round_trips_through_a_spreadsheet_safe_csv(row):
    transcript = parse_bytes(_load(row["file"]), name=row["file"])
    for name, frame in tables(transcript).items():
        raw = to_csv_bytes(frame)
        assert raw.startswith(b"\xef\xbb\xbf"), name
        back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False, dtype=str)
        assert len(back) == len(frame), name
        assert list(back.columns) == list(frame.columns)
        for column in back.columns:
            if pd.api.types.is_numeric_dtype(frame[column]) or pd.api.types.is_bool_dtype(frame[column]):
                continue
            for cell in back[column]:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, column, cell)


def test_numbers_are_not_neutralised_but_text_is():
    frame = pd.DataFrame({"speaker": ["=cmd", "-5 degrees", "ANA"], "n_words": [-3, 2, 1], "share": [-0.5, 0.2, 1.0]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), encoding="utf-8-sig")
    assert list(back["speaker"]) == ["'=cmd", "'-5 degrees", "ANA"]
    assert list(back["n_words"]) == [-3, 2, 1]
    assert list(back["share"]) == [-0.5, 0.2, 1.0]


REFUSED = [r for r in ROWS if r["outcome"] == "refused"]


@pytest.mark.parametrize("row", REFUSED, ids=[r["file"] for r in REFUSED])
def test_command_line_refuses_with_one_line_and_exit_1(row, tmp_path, capsys):
    path = tmp_path / row["file"]
    path.write_bytes(_load(row["file"]))
    assert main(["export", str(path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_command_line_exports_a_hostile_transcript(tmp_path, capsys):
    path = INPUTS / "formula_cells.txt"
    assert main(["export", str(path), "--out", str(tmp_path)]) == 0
    turns = pd.read_csv(tmp_path / "turns.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert all(not t.startswith(("=", "+", "-", "@")) for t in turns["text"])
    assert any(t.startswith("'-5 degrees") for t in turns["text"])


@pytest.mark.parametrize(
    "name",
    [
        "a" * 322 + ".txt",
        "../../etc/passwd",
        'brief<script>alert(1)</script>"; rm -rf.txt',
        "Брифинг 🎤 2024 — final.srt",
        "CON.txt",
    ],
)
def test_download_names_are_safe_and_short(name):
    out = download_name(name, "speakers", ["ANTONY BLINKEN", "<img src=x onerror=alert(1)>"] * 10)
    assert len(out) <= 120
    assert out.endswith(".csv")
    assert "/" not in out and "\\" not in out and ".." not in out
    assert all(ch.isalnum() or ch in "_-." for ch in out)


def test_export_to_a_folder_writes_every_table(tmp_path):
    transcript = parse_bytes((INPUTS / "script_in_text.txt").read_bytes(), name="script_in_text.txt")
    paths = export_tables(transcript, tmp_path)
    assert {p.name for p in paths} >= {"turns.csv", "speakers.csv", "phrases.csv", "qa_pairs.csv"}
