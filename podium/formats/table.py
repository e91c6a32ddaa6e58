"""Spreadsheets of speech: a CSV or TSV file whose header names a speaker column and a text column.

Such files come from transcription services' "export to spreadsheet", from newsroom shared
sheets, and from research data sets (one row per turn or per sentence, often with start and end
times). The delimiter and quoting are found by :class:`csv.Sniffer` (comma, semicolon or tab) and
the rows read with :func:`csv.reader`; each row with text is one block, and consecutive rows
of one speaker become one turn (:func:`podium.parse.build_turns`).

Columns are recognised by name, case, spaces and punctuation aside (``Speaker Name``,
``speaker_name``): see :data:`SPEAKER_COLUMNS`, :data:`TEXT_COLUMNS`, :data:`START_COLUMNS` and
:data:`END_COLUMNS`. Times are seconds (``12.5``), milliseconds in a column whose name ends in
``ms``, or clocks (``00:01:02.5``); a clock that starts again part-way (recordings in parts) is
joined after the earlier part, as for speech-to-text JSON. Other columns are not speech: their cells are kept with the
labels the reader consumed, so no word of the file is lost.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from ..text import normalise_text
from .base import UNKNOWN_SPEAKER, Block, ReadResult, parse_clock
from .stt_json import _join_clock_restarts

__all__ = ["END_COLUMNS", "SPEAKER_COLUMNS", "START_COLUMNS", "TEXT_COLUMNS", "looks_like_table", "read_table"]

#: Header names of the speaker column, in order of preference (normalised: lower case, runs of
#: other characters as ``_``).
SPEAKER_COLUMNS = (
    "speaker",
    "speaker_name",
    "speaker_label",
    "speakername",
    "name",
    "who",
    "participant",
    "person",
    "character",
    "voice",
)
#: Header names of the text column, in order of preference.
TEXT_COLUMNS = (
    "text",
    "transcript",
    "transcription",
    "utterance",
    "speech",
    "content",
    "sentence",
    "words",
    "dialogue",
    "dialog",
    "line",
    "message",
    "caption",
    "quote",
)
#: Header names of a start-time column, in order of preference.
START_COLUMNS = (
    "start_s",
    "start",
    "start_time",
    "start_sec",
    "start_seconds",
    "starttime",
    "begin",
    "begin_time",
    "start_ms",
    "start_time_ms",
    "timestamp",
    "time",
)
#: Header names of an end-time column, in order of preference.
END_COLUMNS = ("end_s", "end", "end_time", "end_sec", "end_seconds", "endtime", "stop", "end_ms", "end_time_ms")

_DELIMITERS = ",;\t"


def _column_key(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.strip().lower()).strip("_")


def _pick(columns: list[str], wanted: tuple[str, ...]) -> str | None:
    """The first of ``columns`` whose normalised name comes earliest in ``wanted``; ``None`` if none."""
    keys = {}
    for column in columns:
        keys.setdefault(_column_key(column), column)
    return next((keys[w] for w in wanted if w in keys), None)


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect | None:
    """The CSV dialect of ``text`` from its first lines (:class:`csv.Sniffer`), ``None`` if its
    header does not name a speaker and a text column."""
    sample = "\n".join(text.lstrip("\ufeff").split("\n", 20)[:20])
    header_line = sample.split("\n", 1)[0]
    if not any(d in header_line for d in _DELIMITERS):
        return None
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
        if dialect.quotechar != '"':
            # spreadsheets quote with '"'; the sniffer takes "'" for a quote when cells open with an
            # apostrophe ("'Cause we won',"), which would drop it from the speech
            dialect = type("sniffed", (dialect,), {"quotechar": '"', "doublequote": True})
    except csv.Error:
        # one column holds the delimiter in every row, or there is one data row: split the header
        # by the delimiter it holds most of
        dialect = csv.excel_tab if header_line.count("\t") else csv.excel
        if header_line.count(";") > header_line.count(","):
            dialect = type("semicolon", (csv.excel,), {"delimiter": ";"})
    try:
        header = next(csv.reader([header_line], dialect))
    except (csv.Error, StopIteration):
        return None
    if _pick(header, SPEAKER_COLUMNS) is None or _pick(header, TEXT_COLUMNS) is None:
        return None
    return dialect


def looks_like_table(text: str) -> bool:
    """True when the first line of ``text`` is a CSV or TSV header naming a speaker column and a text
    column (``speaker,text``; ``Speaker Name;Transcript``; ``start\\tend\\tspeaker\\ttext``)."""
    return _dialect(text) is not None


def _seconds(cell: str, *, ms: bool) -> float | None:
    """A time cell in seconds: a number (milliseconds when ``ms``) or a clock; ``None`` if unreadable."""
    cell = cell.strip()
    try:
        value = float(cell)
    except ValueError:
        return parse_clock(cell.replace(",", ".", 1) if cell.count(",") == 1 and ":" in cell else cell)
    if value != value or value < 0 or value == float("inf"):
        return None
    return value / 1000.0 if ms else value


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as exc:
        raise ValueError(f"The spreadsheet could not be read as CSV ({exc}).") from exc


def _read_rows(
    text: str, dialect: type[csv.Dialect] | csv.Dialect, text_index: int
) -> tuple[list[str], list[list[str]], int]:
    """``(header, rows, number of rows joined)`` read with :func:`csv.reader` (quoted cells may hold
    delimiters and line breaks). A row with fewer cells than the header is padded with empty
    cells; one with more (the delimiter in unquoted speech) has its extra cells joined back into
    the text when the text is the last column, and is otherwise an error: no cell is dropped.

    Raises:
        ValueError: a row has more cells than the header and the text is not the last column.
    """
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # one cell may hold a whole speech
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader)
    n = len(header)
    rows, joined = [], 0
    for cells in _rows(reader):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > n:
            if text_index != n - 1:
                raise ValueError(
                    f"Row {reader.line_num} of the spreadsheet has {len(cells)} cells for {n} columns, and its "
                    "speech is not the last column, so the cells cannot be matched to the columns."
                )
            cells = [*cells[: n - 1], dialect.delimiter.join(cells[n - 1 :])]
            joined += 1
        rows.append(cells + [""] * (n - len(cells)))
    return header, rows, joined


def read_table(text: str) -> ReadResult:
    """Read a CSV or TSV with a header naming a speaker and a text column into blocks, one per row
    with text (see the module docstring).

    Parameters:
        text: the file's text as decoded (tabs intact; each cell is normalised with
            :func:`~podium.text.normalise_text`).

    Returns:
        A :class:`~podium.formats.base.ReadResult` with ``source_format`` ``"table"``: a block
        per row with text, timed when every such row has a readable start time; ``removed``
        holds the header and each row's other cells (speaker, times, other columns).

    Raises:
        ValueError: if the header names no speaker and text columns, rows do not match it, or
            no row has text.
    """
    text = text.lstrip("\ufeff")
    dialect = _dialect(text)
    if dialect is None:
        raise ValueError("The file is not a spreadsheet with a speaker column and a text column in its first line.")
    first = next(csv.reader([text.split("\n", 1)[0]], dialect))
    text_index = first.index(_pick(first, TEXT_COLUMNS))  # type: ignore[arg-type]
    columns, rows, joined = _read_rows(text, dialect, text_index)
    speaker_column = _pick(columns, SPEAKER_COLUMNS)
    text_column = _pick(columns, TEXT_COLUMNS)
    start_column = _pick(columns, START_COLUMNS)
    end_column = _pick(columns, END_COLUMNS)
    assert speaker_column is not None and text_column is not None  # checked by _dialect
    other = [c for c in columns if c not in (text_column,)]
    removed = [" ".join(columns)]
    blocks: list[Block] = []
    notices: list[str] = []
    unreadable = 0
    times: list[tuple[float | None, float | None]] = []
    for row in rows:
        cells = dict(zip(columns, row, strict=True))
        removed.append(" ".join(cells[c] for c in other if cells[c]))
        speech = re.sub(r"\s+", " ", normalise_text(cells[text_column])).strip()
        if not speech:
            continue
        speaker = re.sub(r"\s+", " ", normalise_text(cells[speaker_column])).strip() or UNKNOWN_SPEAKER
        start = end = None
        if start_column is not None:
            start = _seconds(cells[start_column], ms=_column_key(start_column).endswith("ms"))
            unreadable += start is None
        if end_column is not None and cells[end_column].strip():
            end = _seconds(cells[end_column], ms=_column_key(end_column).endswith("ms"))
        blocks.append(Block(speaker, [speech]))
        times.append((start, end))
    if joined:
        n = joined
        notices.append(
            f"{n:,} row{'s' if n != 1 else ''} had more cells than the header (the delimiter inside unquoted "
            f"speech), so the extra cells were joined back into column '{text_column}'."
        )
    if not blocks:
        raise ValueError(f"The spreadsheet's text column '{text_column}' is empty in every row.")
    timed = start_column is not None and not unreadable
    if timed:
        items = [(b.speaker, b.paragraphs[0], start, end, False) for b, (start, end) in zip(blocks, times, strict=True)]
        joined_items = _join_clock_restarts(items)
        if any(a[2] != b[2] for a, b in zip(items, joined_items, strict=True)):
            notices.append(
                "The clock of this spreadsheet starts again part-way through (recordings in parts): later parts "
                "are placed after the earlier ones, so times after the restart are approximate."
            )
        times = [(item[2], item[3]) for item in joined_items]
        for block, (start, end) in zip(blocks, times, strict=True):
            if end is not None:
                block.add_time(start, end)
                block.start_s, block.end_s = start, end  # an end before the start is reported by the parser
            else:
                block.start_s = start
    elif start_column is not None:
        notices.append(
            f"{unreadable:,} of {len(blocks):,} rows have no readable time in column '{start_column}', so no "
            "times were used and talk time is estimated from word counts."
        )
    used = [f"speakers from column '{speaker_column}'", f"speech from '{text_column}'"]
    if timed:
        used.append(f"times from '{start_column}'" + (f" and '{end_column}'" if end_column else ""))
    unused = [
        c
        for c in columns
        if c not in (speaker_column, text_column, start_column if timed else None, end_column if timed else None)
    ]
    notices.insert(
        0,
        f"Read as a spreadsheet: {', '.join(used)}"
        + (
            f"; other columns ({', '.join(unused[:4])}{', ...' if len(unused) > 4 else ''}) are not speech."
            if unused
            else "."
        ),
    )
    return ReadResult(blocks=blocks, removed=removed, notices=notices, source_format="table")
