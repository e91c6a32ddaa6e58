"""Diarized speech-to-text JSON: Deepgram, AWS Transcribe (batch and Call Analytics), Google
Speech-to-Text, Speechmatics v1, BBC Kaldi segmentation, WhisperX-style ``segments``, and
``[{speaker, text}]`` arrays (also wrapped as ``var x = [...]`` JavaScript).

Every reader reduces its schema to a list of words (or segments) with a speaker and times,
then groups consecutive items of one speaker into blocks. A missing or empty speaker becomes
:data:`~podium.formats.base.UNKNOWN_SPEAKER`, never a crash.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..text import normalise_text
from .base import PAUSE_S, UNKNOWN_SPEAKER, Block, ReadResult, parse_clock

__all__ = ["JSON_SCHEMAS", "load_json", "looks_like_json", "read_stt_json"]

_JS_VAR_RE = re.compile(r"^\s*(?:var|let|const)\s+[\w$]+\s*=\s*", re.MULTILINE)


def looks_like_json(text: str) -> bool:
    """True when ``text`` is JSON or starts with a ``var x = [...]`` JavaScript literal that parses."""
    head = text.lstrip()[:200]
    if not (head.startswith(("{", "[")) or _JS_VAR_RE.match(head)):
        return False
    try:
        load_json(text)
    except ValueError:
        return False
    return True


def load_json(text: str) -> Any:
    """Parse JSON, or the first ``var x = ...`` literal of a JavaScript file.

    Raises:
        ValueError: if no JSON value can be read, or the value is nested more than
            :data:`MAX_JSON_DEPTH` levels deep (no transcript schema nests that deep, and
            Python's decoder would exhaust its recursion limit on such a file).
    """
    stripped = text.lstrip()
    m = _JS_VAR_RE.match(stripped)
    if m:
        stripped = stripped[m.end() :]
    if _nesting_depth(stripped) > MAX_JSON_DEPTH:
        raise ValueError(f"The JSON file is nested more than {MAX_JSON_DEPTH} levels deep, so it is not a transcript.")
    try:
        value, _ = json.JSONDecoder().raw_decode(stripped)
    except RecursionError as exc:  # pragma: no cover - guarded by _nesting_depth
        raise ValueError("The JSON file is nested too deeply to be a transcript.") from exc
    return value


#: Deepest nesting of brackets a transcript JSON may have; the deepest schema Podium reads
#: (AWS Call Analytics) nests 6 levels, so 100 leaves room and stays far from Python's recursion limit.
MAX_JSON_DEPTH = 100

_BRACKETS_OR_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _nesting_depth(text: str) -> int:
    """Deepest bracket nesting of a JSON text, skipping brackets inside strings (linear time)."""
    depth = deepest = 0
    for match in _BRACKETS_OR_STRING_RE.finditer(text):
        token = match.group(0)
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _seconds(value: Any) -> float | None:
    """Seconds from 1.5, "1.5", "1.5s", "0:01.5"; ``None`` for missing or "NA"."""
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().rstrip("s")
    try:
        return float(text)
    except ValueError:
        return parse_clock(text)


def _speaker(value: Any) -> str:
    if value is None:
        return UNKNOWN_SPEAKER
    if isinstance(value, dict):
        value = value.get("@id", value.get("id", value.get("name")))
    text = str(value).strip().rstrip(":").strip()
    return text if text else UNKNOWN_SPEAKER


# An item: (speaker, word or text, start seconds, end seconds, attaches to previous word)
Item = tuple[str, str, float | None, float | None, bool]


#: Schemas whose items are single words: no word lasts longer than PAUSE_S seconds of speech.
WORD_LEVEL = frozenset({"deepgram", "aws_transcribe", "google_stt", "speechmatics"})


def _group(items: list[Item], *, keep_empty: bool = False, word_level: bool = False) -> list[Block]:
    """Group consecutive items of one speaker into blocks, measuring their speech.

    With ``word_level``, a word's time counts for at most :data:`PAUSE_S` seconds: engines
    sometimes stretch a word over a silence (a word from 50.4 s to 58.4 s).
    """
    blocks: list[Block] = []
    for speaker, word, start, end, attach in items:
        if word_level and start is not None and end is not None:
            end = min(end, start + PAUSE_S)
        if blocks and blocks[-1].speaker == speaker:
            block = blocks[-1]
            if word:
                if not block.paragraphs:
                    block.paragraphs.append(word)
                elif attach:
                    block.paragraphs[-1] += word
                else:
                    block.paragraphs[-1] += " " + word
            block.add_time(start, end)
            continue
        block = Block(speaker, [word] if word else [], start_s=start, keep_empty=keep_empty)
        if start is not None and end is not None:
            block.add_time(start, end)
        else:
            block.end_s = end
        blocks.append(block)
    return blocks


def _deepgram(data: dict) -> list[Item]:
    alt = data["results"]["channels"][0]["alternatives"][0]
    return [
        (
            _speaker(w.get("speaker")),
            w.get("punctuated_word") or w.get("word", ""),
            _seconds(w.get("start")),
            _seconds(w.get("end")),
            False,
        )
        for w in alt.get("words", [])
    ]


def _aws(data: dict) -> list[Item]:
    results = data["results"]
    by_time: dict[str, str] = {}
    for segment in (results.get("speaker_labels") or {}).get("segments", []):
        for item in segment.get("items", []):
            by_time[str(item.get("start_time"))] = item.get("speaker_label", "")
    items: list[Item] = []
    last_speaker = UNKNOWN_SPEAKER
    for item in results.get("items", []):
        content = (item.get("alternatives") or [{}])[0].get("content", "")
        if item.get("type") == "punctuation":
            items.append((last_speaker, content, None, None, True))
            continue
        speaker = _speaker(item.get("speaker_label") or by_time.get(str(item.get("start_time"))))
        last_speaker = speaker
        items.append((speaker, content, _seconds(item.get("start_time")), _seconds(item.get("end_time")), False))
    return items


def _aws_call_analytics(data: dict) -> list[Item]:
    """One item per segment with its text; when the segment lists timed words, their times too
    (as empty attached items), so a pause between "Yeah." and "Mhm." is not speech."""
    items: list[Item] = []
    for turn in data["Transcript"]:
        speaker = _speaker(turn.get("ParticipantRole"))
        timed = [
            (w["BeginOffsetMillis"] / 1000, w["EndOffsetMillis"] / 1000)
            for w in turn.get("Items") or []
            if w.get("BeginOffsetMillis") is not None and w.get("EndOffsetMillis") is not None
        ]
        if not timed:
            timed = [((turn.get("BeginOffsetMillis") or 0) / 1000, (turn.get("EndOffsetMillis") or 0) / 1000)]
        items.append((speaker, turn.get("Content", ""), timed[0][0], timed[0][1], False))
        items.extend((speaker, "", start, end, True) for start, end in timed[1:])
    return items


def _google(data: dict) -> list[Item]:
    results = (data.get("response") or data)["results"]
    word_lists = [(r.get("alternatives") or [{}])[0].get("words", []) for r in results]
    tagged = [ws for ws in word_lists if ws and any("speakerTag" in w for w in ws)]
    earlier = sum(len(ws) for ws in word_lists[:-1])
    if tagged and word_lists[-1] is tagged[-1] and len(word_lists[-1]) >= earlier:
        # With diarization the last result repeats every word with its speakerTag:
        # read it alone, or every word would be counted twice.
        words = word_lists[-1]
    else:
        words = [w for ws in word_lists for w in ws]
    return [
        (
            _speaker(w.get("speakerTag") or w.get("speakerLabel")),
            w.get("word", ""),
            _seconds(w.get("startTime") or w.get("startOffset")),
            _seconds(w.get("endTime") or w.get("endOffset")),
            False,
        )
        for w in words
    ]


def _speechmatics(data: dict) -> list[Item]:
    spans = []
    for s in data.get("speakers", []):
        start = _seconds(s.get("time")) or 0.0
        spans.append((start, start + (_seconds(s.get("duration")) or 0.0), _speaker(s.get("name"))))
    spans.sort()

    def speaker_at(t: float) -> str:
        for start, end, name in spans:
            if start - 1e-6 <= t < end + 1e-6:
                return name
        return UNKNOWN_SPEAKER

    items: list[Item] = []
    for w in data.get("words", []):
        start = _seconds(w.get("time")) or 0.0
        name = w.get("name", "")
        attach = bool(re.fullmatch(r"[.,!?;:]+", name))
        speaker = items[-1][0] if attach and items else speaker_at(start)
        items.append((speaker, name, start, start + (_seconds(w.get("duration")) or 0.0), attach))
    return items


def _kaldi(data: dict) -> list[Item]:
    return [
        (
            _speaker(s.get("speaker")),
            "",
            _seconds(s.get("start")),
            (_seconds(s.get("start")) or 0) + (_seconds(s.get("duration")) or 0),
            False,
        )
        for s in sorted(data["segmentation"]["segments"], key=lambda s: float(s.get("start", 0)))
    ]


def _segments(data: dict) -> list[Item]:
    items: list[Item] = []
    for seg in data["segments"]:
        words = seg.get("words") or []
        if words and any("speaker" in w for w in words):
            for w in words:
                items.append(
                    (
                        _speaker(w.get("speaker", seg.get("speaker"))),
                        str(w.get("word", "")).strip(),
                        _seconds(w.get("start")),
                        _seconds(w.get("end")),
                        False,
                    )
                )
        else:
            items.append(
                (
                    _speaker(seg.get("speaker")),
                    str(seg.get("text", "")).strip(),
                    _seconds(seg.get("start")),
                    _seconds(seg.get("end")),
                    False,
                )
            )
    return items


def _records(data: list) -> list[Item]:
    items: list[Item] = []
    for rec in data:
        if not isinstance(rec, dict):
            continue
        text = rec.get("text") or rec.get("transcript") or rec.get("content") or ""
        start = _seconds(rec.get("start") or rec.get("start_time") or rec.get("minute") or rec.get("timestamp"))
        items.append(
            (
                _speaker(rec.get("speaker") or rec.get("speaker_name") or rec.get("name")),
                str(text).strip(),
                start,
                _seconds(rec.get("end") or rec.get("end_time")),
                False,
            )
        )
    return items


#: Schemas in the order they are tried: (name, test, reader).
JSON_SCHEMAS: list[tuple[str, Callable[[Any], bool], Callable[[Any], list[Item]]]] = [
    ("deepgram", lambda d: isinstance(d, dict) and "channels" in (d.get("results") or {}), _deepgram),
    ("aws_transcribe", lambda d: isinstance(d, dict) and "items" in (d.get("results") or {}), _aws),
    (
        "aws_call_analytics",
        lambda d: isinstance(d, dict) and isinstance(d.get("Transcript"), list),
        _aws_call_analytics,
    ),
    (
        "google_stt",
        lambda d: isinstance(d, dict) and isinstance((d.get("response") or d).get("results"), list),
        _google,
    ),
    (
        "speechmatics",
        lambda d: isinstance(d, dict) and isinstance(d.get("words"), list) and "speakers" in d,
        _speechmatics,
    ),
    ("bbc_kaldi", lambda d: isinstance(d, dict) and "segments" in (d.get("segmentation") or {}), _kaldi),
    ("segments", lambda d: isinstance(d, dict) and isinstance(d.get("segments"), list), _segments),
    ("records", lambda d: isinstance(d, list) and any(isinstance(r, dict) for r in d), _records),
]


def read_stt_json(text: str) -> ReadResult:
    """Read speech-to-text JSON into speaker blocks.

    Raises:
        ValueError: if the text is not JSON, or is JSON in no schema listed in :data:`JSON_SCHEMAS`.
    """
    try:
        data = load_json(text)
    except ValueError as exc:
        if "nested" in str(exc):
            raise
        raise ValueError(f"The file is not valid JSON ({exc.args[0].split(':')[0]}).") from exc
    if not isinstance(data, dict | list):
        raise ValueError("The file is not JSON: it does not start with an object or a list.")
    for name, test, reader in JSON_SCHEMAS:
        try:
            matched = test(data)
        except (AttributeError, TypeError):
            matched = False
        if not matched:
            continue
        try:
            items = reader(data)
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise ValueError(f"The file looks like {name} JSON but a field is missing or malformed ({exc!r}).") from exc
        blocks = _group(items, keep_empty=name == "bbc_kaldi", word_level=name in WORD_LEVEL)
        for block in blocks:
            block.paragraphs = [re.sub(r"\s+", " ", normalise_text(p)).strip() for p in block.paragraphs]
            block.speaker = re.sub(r"\s+", " ", normalise_text(block.speaker)).strip() or UNKNOWN_SPEAKER
        notices = []
        if name == "bbc_kaldi":
            notices.append("This file holds speaker segments without words: talk time is real, word counts are zero.")
        if any(b.speaker == UNKNOWN_SPEAKER for b in blocks):
            notices.append("Some speech has no speaker in the file and is attributed to UNKNOWN.")
        return ReadResult(blocks=blocks, source_format=f"stt_json:{name}", notices=notices)
    raise ValueError(
        "The file is JSON, but not a transcript format Podium knows "
        "(Deepgram, AWS, Google, Speechmatics, WhisperX, Kaldi)."
    )
