"""Parse transcript files into a :class:`~podium.model.Transcript`.

The pipeline is: bytes -> :func:`~podium.text.decode_bytes` -> :func:`~podium.text.normalise_text`
-> a format reader that yields speaker *blocks* and preamble text -> :func:`build_turns`, which
merges consecutive blocks of one speaker into turns and measures them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .model import TURN_COLUMNS, ParseError, Transcript
from .talk_time import DEFAULT_WPM, estimate_times
from .text import CUT_OFF_RE, STAGE_DIRECTION_RE, DecodeError, decode_bytes, normalise_text, words

__all__ = [
    "FORMATS",
    "UNKNOWN_SPEAKER",
    "UNNAMED_QUESTIONER",
    "Block",
    "build_turns",
    "infer_role",
    "parse_bytes",
    "parse_text",
    "read_transcript",
]

#: Speaker name given to unlabelled question lines (the seed's ``- `` lines).
UNNAMED_QUESTIONER = "REPORTER"
#: Speaker name given to speech whose speaker the source does not say.
UNKNOWN_SPEAKER = "UNKNOWN"

#: Formats a user may force instead of auto-detection.
FORMATS: dict[str, str] = {
    "auto": "Detect automatically",
    "labelled_text": "Labelled text (NAME: speech)",
    "plain": "Plain text, no speaker labels",
}

_QUESTION_LABELS = {
    UNNAMED_QUESTIONER,
    "Q",
    "QUESTION",
    "QUESTIONER",
    "REPORTER",
    "INTERVIEWER",
    "MODERATOR",
    "AUDIENCE MEMBER",
    "PARTICIPANT",
}
_OTHER_LABELS = {UNKNOWN_SPEAKER, "OPERATOR", "ANNOUNCER", "NARRATOR", "STAFF", "INTERPRETER", "VOICE OVER"}


@dataclass
class Block:
    """A stretch of speech under one label, as a format reader finds it.

    ``paragraphs`` are the block's paragraphs in order; ``start_s``/``end_s`` are
    seconds from the source's timestamps, or ``None`` when it has none.
    """

    speaker: str
    paragraphs: list[str]
    start_s: float | None = None
    end_s: float | None = None


def infer_role(speaker: str) -> str:
    """Return the usual role of a speaker label: ``"question"``, ``"answer"`` or ``"other"``.

    Reporters, ``Q``/``QUESTION``, interviewers and moderators ask; unknown speakers,
    operators and announcers are ``"other"``; everyone else answers.
    """
    key = re.sub(r"[^A-Z ]", "", speaker.upper()).strip()
    if key in _QUESTION_LABELS or key.startswith("REPORTER") or key.startswith("QUESTION"):
        return "question"
    if key in _OTHER_LABELS:
        return "other"
    return "answer"


# ---------------------------------------------------------------------------
# Labelled text: "NAME: speech", the seed's "- speech", "Q  speech".

_DASH_TURN_RE = re.compile(r"^-\s+(?P<rest>[^-\s].*)$")
_Q_RE = re.compile(r"^(?P<label>Q|QUESTION)(?:\s*:\s*|\.\s+|\s+)(?P<rest>\S.*)$")
_NAME_PART = r"(?:[A-Z][\w'\-]*\.?|[a-z]{1,4}\.?)"
_LABEL_RE = re.compile(
    r"^(?P<label>[A-Z][\w'\-]*\.?(?:\s" + _NAME_PART + r"){0,6}"
    r"(?:\s*\([^()\n]{1,80}\))?(?:,\s*[A-Z][\w .'\-]{1,40})?)"
    r"\s?:(?:\s+|$)(?P<rest>.*)$"
)
# Words that take a colon in page furniture but are never speakers.
_NOT_LABELS = {
    "NOTE",
    "NOTES",
    "SOURCE",
    "SOURCES",
    "DATE",
    "TIME",
    "TIMES",
    "SUBJECT",
    "RE",
    "TO",
    "FROM",
    "CC",
    "LOCATION",
    "PLACE",
    "PARTICIPANTS",
    "PRESENT",
    "TAGS",
    "TAG",
    "CATEGORY",
    "CATEGORIES",
    "UPDATE",
    "UPDATED",
    "PUBLISHED",
    "POSTED",
    "LINK",
    "URL",
    "HTTP",
    "HTTPS",
    "EMAIL",
    "PHONE",
    "TRANSCRIPT",
    "VIDEO",
    "AUDIO",
    "WATCH",
    "LISTEN",
    "READ",
    "SHARE",
    "EDITOR",
    "EDITORS",
    "CONTACT",
    "FOR IMMEDIATE RELEASE",
    "RELEASE",
    "PS",
    "PPS",
    "EDT",
    "EST",
    "PM",
    "AM",
}
_MARKER_RE = re.compile(r"^(?:video |full |audio )?transcript:?$", re.IGNORECASE)


def _label_key(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip()


def _is_capitalised_label(label: str) -> bool:
    """True when the label's name (outside parentheses) is written in capitals (MR. McCLELLAN)."""
    name = re.sub(r"\([^)]*\)", "", label)
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _candidate_label(line: str) -> tuple[str, str] | None:
    """Return ``(label, rest)`` when ``line`` starts like a speaker label, else ``None``."""
    m = _DASH_TURN_RE.match(line)
    if m:
        return UNNAMED_QUESTIONER, m.group("rest")
    m = _Q_RE.match(line)
    if m:
        return m.group("label"), m.group("rest")
    m = _LABEL_RE.match(line)
    if m:
        label = _label_key(m.group("label"))
        if label.upper().rstrip(".") in _NOT_LABELS or len(label) > 80:
            return None
        return label, m.group("rest")
    return None


def _read_labelled(lines: list[str]) -> tuple[list[str], list[Block]]:
    """Split lines into preamble lines and speaker blocks."""
    candidates = [_candidate_label(line.strip()) for line in lines]
    counts = Counter(c[0] for c in candidates if c)

    def accepted(candidate: tuple[str, str] | None) -> bool:
        if candidate is None:
            return False
        label = candidate[0]
        if label == UNNAMED_QUESTIONER or label in ("Q", "QUESTION"):
            return True
        return _is_capitalised_label(label) or counts[label] >= 2

    preamble: list[str] = []
    blocks: list[Block] = []
    pending_break = False
    for line, candidate in zip(lines, candidates, strict=True):
        stripped = line.strip()
        if accepted(candidate):
            label, rest = candidate  # type: ignore[misc]
            blocks.append(Block(speaker=label, paragraphs=[rest.strip()] if rest.strip() else []))
            pending_break = False
            continue
        if not blocks:
            preamble.append(stripped)
            continue
        if not stripped:
            pending_break = True
            continue
        paragraphs = blocks[-1].paragraphs
        if paragraphs and not pending_break:
            paragraphs[-1] = f"{paragraphs[-1]} {stripped}"
        else:
            paragraphs.append(stripped)
        pending_break = False
    return preamble, blocks


def _split_preamble(preamble: list[str], fallback_title: str) -> tuple[str, str]:
    """Return ``(title, summary)`` from the lines before the first turn."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*preamble, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    paragraphs = [p for p in paragraphs if not _MARKER_RE.match(p)]
    if not paragraphs:
        return fallback_title, ""
    return paragraphs[0], "\n\n".join(paragraphs[1:])


# ---------------------------------------------------------------------------
# Turns


def build_turns(blocks: list[Block], *, wpm: float = DEFAULT_WPM) -> tuple[pd.DataFrame, str]:
    """Merge consecutive blocks of one speaker into turns and measure each turn.

    Parameters:
        blocks: speaker blocks in transcript order; blocks with no words and no stage
            direction are dropped.
        wpm: words per minute used when the blocks carry no timestamps.

    Returns:
        ``(turns, timing)``: the turns table with the columns of
        :data:`~podium.model.TURN_COLUMNS`, and ``"source"`` when every block had
        a start time, else ``"estimated"``.
    """
    merged: list[Block] = []
    for block in blocks:
        paragraphs = [p for p in block.paragraphs if p.strip()]
        if not paragraphs:
            continue
        if merged and merged[-1].speaker == block.speaker:
            merged[-1].paragraphs.extend(paragraphs)
            if block.end_s is not None:
                merged[-1].end_s = block.end_s
            continue
        merged.append(Block(block.speaker, list(paragraphs), block.start_s, block.end_s))

    rows = []
    for turn_id, block in enumerate(merged):
        text = "\n\n".join(block.paragraphs)
        speech = STAGE_DIRECTION_RE.sub("", text).rstrip()
        rows.append(
            {
                "turn_id": turn_id,
                "speaker": block.speaker,
                "role": infer_role(block.speaker),
                "text": text,
                "n_words": len(words(text)),
                "start_s": block.start_s,
                "end_s": block.end_s,
                "cut_off": bool(CUT_OFF_RE.search(speech)),
                "is_question": "?" in speech,
                "n_stage_directions": len(STAGE_DIRECTION_RE.findall(text)),
            }
        )
    turns = pd.DataFrame(rows, columns=list(TURN_COLUMNS))
    timed = bool(rows) and all(r["start_s"] is not None for r in rows)
    if timed:
        starts = turns["start_s"].astype("float64")
        next_starts = starts.shift(-1)
        ends = turns["end_s"].astype("float64")
        fallback = starts + turns["n_words"] * 60.0 / wpm
        turns = turns.assign(start_s=starts, end_s=ends.fillna(next_starts).fillna(fallback))
    else:
        turns = estimate_times(turns.assign(start_s=0.0, end_s=0.0), wpm=wpm)
    return turns.astype(TURN_COLUMNS).reset_index(drop=True), "source" if timed else "estimated"


# ---------------------------------------------------------------------------
# Entry points


def parse_text(
    text: str,
    *,
    name: str = "transcript.txt",
    wpm: float = DEFAULT_WPM,
    source_format: str = "auto",
    encoding: str = "utf-8",
) -> Transcript:
    """Parse transcript text into a :class:`~podium.model.Transcript`.

    Parameters:
        text: the transcript's text (any line endings, spaces and quotes).
        name: the file name, used as title fallback and to name downloads.
        wpm: words per minute for estimating times when the text has no timestamps.
        source_format: ``"auto"`` or one of :data:`FORMATS`.
        encoding: the encoding the text was decoded from, reported back.

    Returns:
        The transcript. Lines before the first speaker label become ``title`` and
        ``summary``, not turns. Text with no speaker labels at all becomes one turn
        by :data:`UNKNOWN_SPEAKER`, with a notice.

    Raises:
        ParseError: if the text holds no words, or ``source_format`` is unknown.
    """
    if source_format not in FORMATS:
        raise ParseError(f"Unknown format {source_format!r}; choose one of {', '.join(FORMATS)}.")
    text = normalise_text(text)
    if not words(text):
        raise ParseError("The file holds no words to analyse.")
    lines = text.split("\n")
    notices: list[str] = []
    preamble, blocks = ([], []) if source_format == "plain" else _read_labelled(lines)
    fmt = "labelled_text"
    if not blocks:
        fmt = "plain"
        preamble = []
        paragraphs = [p.strip().replace("\n", " ") for p in re.split(r"\n\s*\n", text) if p.strip()]
        blocks = [Block(UNKNOWN_SPEAKER, paragraphs)]
        notices.append("No speaker labels were found, so all the text is attributed to one unknown speaker.")
    title, summary = _split_preamble(preamble, Path(name).stem)
    turns, timing = build_turns(blocks, wpm=wpm)
    if turns.empty:
        raise ParseError("No speech was found in the file.")
    return Transcript(
        name=name,
        title=title,
        summary=summary,
        turns=turns,
        source_format=fmt,
        encoding=encoding,
        timing=timing,
        wpm=wpm if timing == "estimated" else None,
        notices=tuple(notices),
    )


def parse_bytes(data: bytes, *, name: str, wpm: float = DEFAULT_WPM, source_format: str = "auto") -> Transcript:
    """Decode and parse a transcript file's bytes; see :func:`parse_text`.

    Raises:
        DecodeError: if the bytes are empty, binary or in no recognisable encoding.
        ParseError: if the text holds no transcript.
    """
    text, encoding = decode_bytes(data)
    return parse_text(text, name=name, wpm=wpm, source_format=source_format, encoding=encoding)


def read_transcript(path: str | Path, *, wpm: float = DEFAULT_WPM, source_format: str = "auto") -> Transcript:
    """Read and parse a transcript file; see :func:`parse_text`.

    Raises:
        DecodeError: if the file is empty, binary or in no recognisable encoding.
        ParseError: if the text holds no transcript.
        OSError: if the file cannot be read.
    """
    path = Path(path)
    return parse_bytes(path.read_bytes(), name=path.name, wpm=wpm, source_format=source_format)


# Re-exported for callers that catch both.
__all__ += ["DecodeError", "ParseError"]
