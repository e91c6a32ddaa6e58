"""The tables behind every view, and CSV files safe to open in a spreadsheet."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from . import parallel
from .answers import assess_row, indicator_frame, pair_columns
from .model import Transcript
from .phrases import phrase_table_from_tally, speaker_phrase_table, tally
from .qa import qa_exchanges, qa_pairs
from .talk_time import speaker_table
from .turn_taking import interruptions, turn_taking_table

__all__ = [
    "AUTO_MAX_WORDS",
    "FORMULA_PREFIXES",
    "TABLE_NAMES",
    "default_jobs",
    "download_name",
    "export_tables",
    "neutralise_formulas",
    "tables",
    "to_csv_bytes",
]

#: A cell starting with one of these is run as a formula by Excel, LibreOffice and
#: Google Sheets (OWASP, "CSV Injection"); such cells are prefixed with ``'``.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` whose text cells cannot run as spreadsheet formulas.

    Every string cell that starts with one of :data:`FORMULA_PREFIXES` gets a leading
    apostrophe (``'=1+1``), the OWASP-recommended neutralisation; numbers are untouched.
    """

    def fix(value: object) -> object:
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value

    def fix_column(column: pd.Series) -> pd.Series:
        if isinstance(column.dtype, pd.StringDtype):  # every cell a string or missing: one vectorised test
            risky = column.str.startswith(FORMULA_PREFIXES).fillna(False).to_numpy(dtype=bool)
            if not risky.any():
                return column
            return column.where(~risky, "'" + column.astype(object).where(risky, ""))
        return column.map(fix)

    text_columns = [
        c
        for c in frame.columns
        if not pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]
    return frame.assign(**{c: fix_column(frame[c]) for c in text_columns})


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Serialise ``frame`` as CSV for a spreadsheet: UTF-8 with a byte-order mark, formulas neutralised.

    The BOM makes Excel read the file as UTF-8 (curly quotes, accents). Line breaks
    inside cells are kept, quoted per RFC 4180. The index is not written. Floats are
    written with 10 significant digits (``56.21052632``, ``0.5250737463``): seconds keep their
    milliseconds up to 9,999,999 s (2,777 hours; with 6 digits a time past 1,000 s lost them),
    and binary noise such as ``52.00000000000001`` is not written.
    """
    csv = neutralise_formulas(frame).to_csv(index=False, lineterminator="\r\n", float_format="%.10g")
    return csv.encode("utf-8-sig")


def tables(
    transcript: Transcript,
    *,
    workers: int = 1,
    on_table: Callable[[str, pd.DataFrame], None] | None = None,
) -> dict[str, pd.DataFrame]:
    """Compute every table Podium shows, for the whole transcript.

    With ``workers`` of 2 or more (the command line's ``--jobs``), a forked child process computes
    the phrase tables (and calls ``on_table`` with them) while this one computes the turn tables;
    then both compute the Q&A pairs' indicators (:func:`podium.answers.assess_row`, the costliest
    table), the child from the first pair on, this process from the last, until they meet
    (:func:`podium.parallel.map_from_both_ends`): the same tables, in less wall time on two free
    cores. Only where the ``fork`` start method exists (Linux, macOS) and only from a
    single-threaded program: a page never asks for it. If the child fails, this process computes
    its pairs too.

    ``on_table(name, frame)``, when given, is called with each table as soon as it is complete (the
    Q&A pairs last), so a caller can write one table while the child still works on the pairs.

    Returns a dict of DataFrames keyed by export name: ``turns`` (columns of
    :data:`podium.model.TURN_COLUMNS`), ``speakers`` (:data:`podium.talk_time.SPEAKER_COLUMNS`
    then :data:`podium.turn_taking.TURN_TAKING_COLUMNS` but ``speaker``), ``phrases``
    (:data:`podium.phrases.PHRASE_COLUMNS`, n from 1 to 5, phrases said at least twice, default
    stopword rule), ``phrases_by_speaker`` (:data:`podium.phrases.SPEAKER_PHRASE_COLUMNS`, each
    speaker's use of those phrases), ``qa_pairs`` (:data:`podium.qa.QA_COLUMNS` then
    :data:`podium.answers.INDICATOR_COLUMNS`) and ``interruptions``
    (:data:`podium.turn_taking.INTERRUPTION_COLUMNS`).
    """
    turns = transcript.turns
    timed = transcript.timing == "source"
    done = on_table or (lambda name, frame: None)
    out: dict[str, pd.DataFrame] = {"turns": turns}

    def turn_tables() -> None:
        done("turns", turns)
        speakers = speaker_table(turns, timed=timed)
        found = interruptions(turns, timed=timed)  # once, for its table and the speakers' counts
        out["speakers"] = speakers.merge(turn_taking_table(turns, timed=timed, found=found), on="speaker", how="left")
        done("speakers", out["speakers"])
        out["interruptions"] = found
        done("interruptions", found)

    def phrase_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
        counted = tally(turns["text"], turns["speaker"])
        phrases = phrase_table_from_tally(counted, min_count=2)
        done("phrases", phrases)
        by_speaker = speaker_phrase_table(counted, phrases)
        done("phrases_by_speaker", by_speaker)
        return phrases, by_speaker

    if workers >= 2:
        pairs, _ = qa_exchanges(turns)
        columns = pair_columns(pairs)
        # the child computes (and writes) the phrase tables, then assesses pairs from the first on;
        # this process computes the turn tables, then assesses pairs from the last back until they meet
        shared = parallel.map_from_both_ends(
            lambda i: assess_row(*(column[i] for column in columns)), len(pairs), turn_tables, phrase_tables
        )
        out["phrases"], out["phrases_by_speaker"] = shared.child_head
        out["qa_pairs"] = pd.concat([pairs, indicator_frame(shared.items, pairs.index)], axis=1)
    else:
        turn_tables()
        out["phrases"], out["phrases_by_speaker"] = phrase_tables()
        out["qa_pairs"] = qa_pairs(turns)
    done("qa_pairs", out["qa_pairs"])
    return {name: out[name] for name in TABLE_NAMES}


#: The tables of :func:`tables`, in the order they are returned and written.
TABLE_NAMES = ("turns", "speakers", "phrases", "phrases_by_speaker", "qa_pairs", "interruptions")


#: Above this many words, ``--jobs auto`` computes the tables in one process: the second process's
#: own memory (mostly the phrase tally's arrays) would take a 50 MB transcript (6.4 M words) to about
#: 1.0 GB for the two processes together, against 0.81 GB for one (``bench/README.md``).
AUTO_MAX_WORDS = 2_000_000


def default_jobs(n_words: int | None = None) -> int:
    """Processes ``python -m podium export`` uses by default (``--jobs auto``): 2 when this process
    may run on two or more CPUs (:func:`os.sched_getaffinity`, else :func:`os.cpu_count`) and the
    transcript, when ``n_words`` is given, has at most :data:`AUTO_MAX_WORDS` words; else 1."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    if n_words is not None and n_words > AUTO_MAX_WORDS:
        return 1
    return 2 if cpus >= 2 else 1


#: Longest download file name, in characters (browsers and file systems cut or refuse longer ones).
MAX_DOWNLOAD_NAME = 120


def download_name(transcript_name: str, view: str, speakers: list[str] | None = None) -> str:
    """Return a file name for a download, e.g. ``blinken_nato_open_door_speakers.csv``.

    With ``speakers`` (a speaker filter), their names are appended so that a filtered
    download never looks like the whole transcript's: ``..._turns_ANTONY_BLINKEN.csv``
    (``..._turns_12_speakers.csv`` when the names would be too long). Every character other
    than letters, digits and ``-`` becomes ``_``, so a name can hold no path, markup or
    quote; the transcript part is cut to keep the whole name within
    :data:`MAX_DOWNLOAD_NAME` characters.
    """

    def slug(text: str) -> str:
        return re.sub(r"[^\w\-]+", "_", text).strip("_")

    tail = f"_{slug(view) or 'table'}"
    if speakers:
        suffix = "_".join(slug(s) for s in speakers)
        tail += "_" + (suffix if len(suffix) <= 60 else f"{len(speakers)}_speakers")
    tail = tail[: MAX_DOWNLOAD_NAME - len(".csv") - 21]
    stem = slug(Path(transcript_name).stem)[: MAX_DOWNLOAD_NAME - len(".csv") - len(tail)].strip("_") or "transcript"
    return f"{stem}{tail}.csv"


def export_tables(transcript: Transcript, out_dir: str | Path, *, workers: int = 1) -> list[Path]:
    """Write ``turns.csv``, ``speakers.csv``, ``phrases.csv``, ``phrases_by_speaker.csv``, ``qa_pairs.csv``
    and ``interruptions.csv`` to ``out_dir``.

    Files are written with :func:`to_csv_bytes`. ``out_dir`` is created if needed. ``workers``: see
    :func:`tables`. Returns the paths written. Raises OSError if the folder cannot be written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    def write(view: str, frame: pd.DataFrame) -> None:  # each table as soon as it is ready
        (out / f"{view}.csv").write_bytes(to_csv_bytes(frame))

    return [out / f"{view}.csv" for view in tables(transcript, workers=workers, on_table=write)]
