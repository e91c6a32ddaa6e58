"""Diarized speech-to-text JSON: Deepgram, AWS Transcribe (batch and Call Analytics), Google
Speech-to-Text (``speakerTag`` or ``speakerLabel``, times as ``"3.4s"`` or ``{seconds, nanos}``),
Speechmatics v1, AssemblyAI (milliseconds), Azure Speech batch (100-ns ticks), BBC Kaldi
segmentation, WhisperX-style ``segments``, and
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
from .rttm import SpeakerTimeline

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

_ISO_DURATION_RE = re.compile(r"^P(?:T)?(?:(?P<h>[\d.]+)H)?(?:(?P<m>[\d.]+)M)?(?:(?P<s>[\d.]+)S)?$")


def _seconds(value: Any) -> float | None:
    """Seconds from 1.5, "1.5", "1.5s", "0:01.5", ``{"seconds": "3", "nanos": 400000000}``
    (protobuf Duration, Google) or ``"PT1.5S"`` (ISO 8601, Azure); ``None`` for missing or "NA".
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict):
        if not ({"seconds", "nanos"} & value.keys()):
            return None
        try:
            return float(value.get("seconds") or 0) + float(value.get("nanos") or 0) / 1e9
        except (TypeError, ValueError):
            return None
    text = str(value).strip()
    iso = _ISO_DURATION_RE.match(text)
    if iso and text not in ("P", "PT"):
        return sum(float(iso[k] or 0) * f for k, f in (("h", 3600), ("m", 60), ("s", 1)))
    text = text.rstrip("s")
    try:
        return float(text)
    except ValueError:
        return parse_clock(text)


def _first(mapping: dict, *keys: str) -> Any:
    """The value of the first of ``keys`` present in ``mapping`` and not null (0 is a value)."""
    for key in keys:
        value = mapping.get(key)
        if value is not None and value != "":
            return value
    return None


#: Stand-in speaker for a value that is not a name (a list, an object without a name, a
#: boolean); replaced by UNKNOWN_SPEAKER with a notice once the blocks are built.
_NOT_A_NAME = "\0not a name"


def _speaker(value: Any) -> str:
    """A speaker name from a JSON value: strings and numbers (``7`` -> ``"7"``) are names; null
    and empty are UNKNOWN; lists, booleans and objects without an id or name are not names."""
    if value is None:
        return UNKNOWN_SPEAKER
    if isinstance(value, dict):
        value = _first(value, "@id", "id", "name", "label")
        if value is None:
            return _NOT_A_NAME
    if isinstance(value, bool) or isinstance(value, list | dict | tuple):
        return _NOT_A_NAME
    if isinstance(value, float) and value.is_integer():
        value = int(value)
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
    tagged = [ws for ws in word_lists if ws and any("speakerTag" in w or "speakerLabel" in w for w in ws)]
    earlier = sum(len(ws) for ws in word_lists[:-1])
    if tagged and word_lists[-1] is tagged[-1] and len(word_lists[-1]) >= earlier:
        # With diarization the last result repeats every word with its speakerTag:
        # read it alone, or every word would be counted twice.
        words = word_lists[-1]
    else:
        words = [w for ws in word_lists for w in ws]
    return [
        (
            _speaker(_first(w, "speakerLabel", "speakerTag")),
            w.get("word", ""),
            _seconds(_first(w, "startTime", "startOffset")),
            _seconds(_first(w, "endTime", "endOffset")),
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
            words = _fill_word_times(words, seg.get("start"), seg.get("end"))
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


def _fill_word_times(words: list[dict], seg_start: Any = None, seg_end: Any = None) -> list[dict]:
    """Give words without ``start``/``end`` (WhisperX leaves them off numbers such as ``$43,000``)
    the times of their neighbours: the end of the word before (or the segment's start) and the
    start of the word after (or the segment's end)."""
    filled = [dict(w) for w in words]
    starts = [_seconds(w.get("start")) for w in words]
    ends = [_seconds(w.get("end")) for w in words]
    first, last = _seconds(seg_start), _seconds(seg_end)
    for i, w in enumerate(filled):
        before = next((ends[j] for j in range(i - 1, -1, -1) if ends[j] is not None), first)
        after = next((starts[j] for j in range(i + 1, len(words)) if starts[j] is not None), last)
        if starts[i] is None:
            starts[i] = before if before is not None else after
            w["start"] = starts[i]
        if ends[i] is None:
            ends[i] = after if after is not None else starts[i]
            w["end"] = ends[i]
    return filled


#: Fields that give an entry's start time, in the order they are looked for ("minute" is the
#: rev.com-derived ``"01:20"`` clock).
_START_KEYS = ("start", "start_time", "startTime", "begin", "offset", "minute", "timestamp", "time")
_END_KEYS = ("end", "end_time", "endTime", "stop")


def _records(data: list) -> tuple[list[Item], list[str]]:
    items: list[Item] = []
    for rec in data:
        if not isinstance(rec, dict):
            continue
        text = _first(rec, "text", "transcript", "content", "utterance") or ""
        items.append(
            (
                _speaker(_first(rec, "speaker", "speaker_name", "name", "speaker_label", "speakerLabel")),
                str(text).strip(),
                _seconds(_first(rec, *_START_KEYS)),
                _seconds(_first(rec, *_END_KEYS)),
                False,
            )
        )
    notices = []
    joined = _join_clock_restarts(items)
    restarts = sum(1 for a, b in zip(items, joined, strict=True) if a[2] is not None and b[2] != a[2])
    if restarts:
        notices.append(
            "The clock of this transcript starts again part-way through (a transcript published in parts): "
            "later parts are placed after the earlier ones, so times after the restart are approximate."
        )
    filled = _fill_entry_starts(joined)
    missing = sum(1 for a in joined if a[2] is None)
    if missing and all(b[2] is not None for b in filled):
        notices.append(
            f'{missing} entr{"ies" if missing != 1 else "y"} without a time (such as "NA") '
            f"{'were' if missing != 1 else 'was'} placed "
            "between their neighbours in proportion to their words."
        )
    return filled, notices


#: A start time this many seconds earlier than the one before it is a clock that restarts (a
#: transcript published in parts), not a slip of the transcriber.
_RESTART_S = 60.0


def _join_clock_restarts(items: list[Item]) -> list[Item]:
    """Put the parts of a transcript whose clock restarts one after the other.

    rev.com publishes long events in parts whose clocks each start at 00:00 (the 2020 debate
    goes 24:25, then 00:15). When a start time falls back by more than :data:`_RESTART_S`,
    the times from there on are shifted to follow the last time before it plus the words
    said in between at 150 words per minute.
    """
    out = list(items)
    offset = 0.0
    last: float | None = None
    words_since = 0
    for k, (speaker, text, start, end, attach) in enumerate(items):
        if start is not None:
            if last is not None and start + offset < last - _RESTART_S:
                offset = last + words_since * 60.0 / 150.0 - start
            start += offset
            end = None if end is None else end + offset
            out[k] = (speaker, text, start, end, attach)
            last, words_since = start, 0
        words_since += len(str(text).split())
    return out


def _fill_entry_starts(items: list[Item]) -> list[Item]:
    """Give entries without a start time (``"minute": "NA"``) one between their neighbours'.

    Only when most entries have a start. A run of entries without one between two known
    starts shares that interval in proportion to the words of the entry before it and of the
    run (the time it took to say them); a run after the last known start follows it by the
    words before it at 150 words per minute.
    """
    starts = [it[2] for it in items]
    known = [i for i, t in enumerate(starts) if t is not None]
    if not known or len(known) == len(items) or len(known) < 0.5 * len(items):
        return items
    n_words = [max(1, len(str(it[1]).split())) for it in items]
    out = list(items)
    i = 0
    while i < len(items):
        if starts[i] is not None:
            i += 1
            continue
        j = i
        while j < len(items) and starts[j] is None:
            j += 1
        prev = i - 1
        if prev < 0:  # before the first known start: starts at 0 in word proportion
            t0, span_words = 0.0, sum(n_words[i:j])
            t1 = starts[j]
            offsets = [sum(n_words[i:k]) for k in range(i, j)]
            times = [t0 + (t1 - t0) * o / span_words for o in offsets]
        else:
            t0 = starts[prev]
            words_so_far = [sum(n_words[prev:k]) for k in range(i, j)]
            if j < len(items):
                total = sum(n_words[prev:j])
                times = [t0 + (starts[j] - t0) * w / total for w in words_so_far]
            else:
                times = [t0 + w * 60.0 / 150.0 for w in words_so_far]
        for k, t in zip(range(i, j), times, strict=True):
            speaker, text, _, end, attach = out[k]
            out[k] = (speaker, text, t, end, attach)
        i = j
    return out


def _assemblyai(data: dict) -> list[Item]:
    """AssemblyAI: ``utterances[]`` with ``speaker``, ``text``, ``start``/``end`` in milliseconds
    and ``words[]``; without diarization, top-level ``words[]`` (or ``text``)."""
    ms = 1000.0
    items: list[Item] = []
    utterances = data.get("utterances") or []
    for u in utterances:
        words = u.get("words") or []
        if words:
            for w in words:
                start, end = _seconds(w.get("start")), _seconds(w.get("end"))
                items.append(
                    (
                        _speaker(_first(w, "speaker") if w.get("speaker") is not None else u.get("speaker")),
                        str(w.get("text", "")).strip(),
                        None if start is None else start / ms,
                        None if end is None else end / ms,
                        False,
                    )
                )
        else:
            start, end = _seconds(u.get("start")), _seconds(u.get("end"))
            items.append(
                (
                    _speaker(u.get("speaker")),
                    str(u.get("text", "")).strip(),
                    None if start is None else start / ms,
                    None if end is None else end / ms,
                    False,
                )
            )
    if utterances:
        return items
    for w in data.get("words") or []:
        start, end = _seconds(w.get("start")), _seconds(w.get("end"))
        items.append(
            (
                _speaker(w.get("speaker")),
                str(w.get("text", "")).strip(),
                None if start is None else start / ms,
                None if end is None else end / ms,
                False,
            )
        )
    if not items and data.get("text"):
        items.append((UNKNOWN_SPEAKER, str(data["text"]).strip(), None, None, False))
    return items


#: Azure Speech reports offsets and durations in ticks of 100 nanoseconds.
AZURE_TICKS_PER_S = 10_000_000


def _azure_time(phrase: dict, ticks_key: str, key: str) -> float | None:
    ticks = phrase.get(ticks_key)
    if isinstance(ticks, int | float) and not isinstance(ticks, bool):
        return ticks / AZURE_TICKS_PER_S
    value = _first(phrase, key, key.capitalize())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value / AZURE_TICKS_PER_S  # the real-time API's "Offset": 1200000 is in ticks too
    return _seconds(value)


def _azure(data: dict) -> list[Item]:
    """Azure Speech batch transcription: ``recognizedPhrases[]`` with ``speaker`` (or only
    ``channel``), ``offsetInTicks``/``durationInTicks`` (or ISO 8601 ``offset``/``duration``)
    and ``nBest[0].display`` text."""
    phrases = [p for p in data["recognizedPhrases"] if p.get("recognitionStatus", "Success") == "Success"]
    channels = {p.get("channel") for p in phrases}
    items: list[Item] = []
    for p in sorted(phrases, key=lambda p: _azure_time(p, "offsetInTicks", "offset") or 0.0):
        best = (p.get("nBest") or [{}])[0]
        start = _azure_time(p, "offsetInTicks", "offset")
        duration = _azure_time(p, "durationInTicks", "duration")
        if "speaker" in p:
            speaker = _speaker(p.get("speaker"))
        elif len(channels) > 1:
            speaker = f"Channel {p.get('channel')}"
        else:
            speaker = UNKNOWN_SPEAKER
        text = _first(best, "display", "itn", "lexical") or ""
        end = None if start is None or duration is None else start + duration
        items.append((speaker, str(text).strip(), start, end, False))
    return items


#: Schemas in the order they are tried: (name, test, reader).
#: A reader returns its items, or ``(items, notices)``.
JSON_SCHEMAS: list[tuple[str, Callable[[Any], bool], Callable[[Any], Any]]] = [
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
        "assemblyai",
        lambda d: (
            isinstance(d, dict)
            and (isinstance(d.get("utterances"), list) or ("audio_duration" in d and isinstance(d.get("words"), list)))
        ),
        _assemblyai,
    ),
    ("azure_speech", lambda d: isinstance(d, dict) and isinstance(d.get("recognizedPhrases"), list), _azure),
    (
        "speechmatics",
        lambda d: isinstance(d, dict) and isinstance(d.get("words"), list) and "speakers" in d,
        _speechmatics,
    ),
    ("bbc_kaldi", lambda d: isinstance(d, dict) and "segments" in (d.get("segmentation") or {}), _kaldi),
    ("segments", lambda d: isinstance(d, dict) and isinstance(d.get("segments"), list), _segments),
    ("records", lambda d: isinstance(d, list) and any(isinstance(r, dict) for r in d), _records),
]


def _milliseconds_to_seconds(items: list[Item], data: Any) -> tuple[list[Item], list[str]]:
    """Read the times of a bare list of segments as milliseconds when they plainly are.

    Milliseconds are assumed when the file states an ``audio_duration``/``duration`` (seconds)
    that the times overrun but fit once divided by 1000, or, with no stated length, when the
    times are whole numbers and read as seconds would make the speech slower than 10 words a
    minute (or longer than a day) while read as milliseconds they give 40 to 600 words a
    minute, the range of real speech (a 14-second interview never shows as 3 hours). Only
    plain numbers are candidates: clock strings (``"01:20"``, ``"3.5s"``) say their unit.

    Returns:
        ``(items, notices)``: the items with times in seconds, and a notice when converted.
    """
    times = [t for it in items for t in (it[2], it[3]) if t is not None]
    entries = data if isinstance(data, list) else data.get("segments") if isinstance(data, dict) else None
    raw = [
        v
        for e in (entries or [])
        if isinstance(e, dict)
        for v in (_first(e, *_START_KEYS), _first(e, *_END_KEYS))
        if v is not None
    ]
    if not times or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw):
        return items, []  # clock strings ("01:20", "3.5s") say their unit
    latest = max(times)
    n_words = sum(len(str(it[1]).split()) for it in items)
    stated = None
    if isinstance(data, dict):
        stated = _seconds(_first(data, "audio_duration", "duration"))
    if stated:
        in_ms = latest > 1.5 * stated + 1 and latest / 1000 <= 1.5 * stated + 1
        reason = f"the file gives a length of {stated:g} s"
    else:
        whole = all(float(t).is_integer() for t in times)
        wpm_s = n_words / (latest / 60) if latest else float("inf")
        wpm_ms = n_words / (latest / 60000) if latest else float("inf")
        in_ms = whole and (latest > 86400 or (n_words >= 5 and wpm_s < 10 and 40 <= wpm_ms <= 600))
        reason = f"read as seconds, {n_words} words would take {latest / 3600:.1f} hours"
    if not in_ms:
        return items, []
    converted = [
        (sp, text, None if a is None else a / 1000, None if b is None else b / 1000, attach)
        for sp, text, a, b, attach in items
    ]
    return converted, [
        f"Times in this file were read as milliseconds ({reason}); the last ends at {latest / 1000:.1f} s."
    ]


#: Whisper's own thresholds for a failed or silent segment (openai/whisper ``transcribe``:
#: ``compression_ratio_threshold=2.4``, ``logprob_threshold=-1.0``, ``no_speech_threshold=0.6``).
COMPRESSION_RATIO_MAX = 2.4
NO_SPEECH_PROB_MIN = 0.6
AVG_LOGPROB_MIN = -1.0
#: A segment of at most this many words repeated this many times in a row is a hallucination loop.
LOOP_MAX_WORDS = 8
LOOP_MIN_REPEATS = 3


def suspect_segments(segments: list[Any]) -> dict[int, str]:
    """Whisper segments that are likely hallucinations: ``{index: reason}``.

    - a short segment (at most :data:`LOOP_MAX_WORDS` words) said :data:`LOOP_MIN_REPEATS` times
      or more in a row ("Thanks for watching!" x 5): every repeat after the first;
    - ``compression_ratio`` above :data:`COMPRESSION_RATIO_MAX` (repetitive text);
    - ``no_speech_prob`` above :data:`NO_SPEECH_PROB_MIN` with ``avg_logprob`` below
      :data:`AVG_LOGPROB_MIN` (Whisper's own test for a silent segment).

    Fields that are absent are not tested.
    """
    suspect: dict[int, str] = {}
    texts = [
        re.sub(r"\W+", " ", str(seg.get("text", ""))).strip().lower() if isinstance(seg, dict) else ""
        for seg in segments
    ]
    i = 0
    while i < len(texts):
        j = i
        while j + 1 < len(texts) and texts[j + 1] == texts[i]:
            j += 1
        if texts[i] and len(texts[i].split()) <= LOOP_MAX_WORDS and j - i + 1 >= LOOP_MIN_REPEATS:
            for k in range(i + 1, j + 1):
                suspect[k] = f"repeated {j - i + 1} times in a row"
        i = j + 1
    for k, seg in enumerate(segments):
        if not isinstance(seg, dict) or k in suspect:
            continue
        ratio, no_speech, logprob = (
            _seconds(seg.get(f)) for f in ("compression_ratio", "no_speech_prob", "avg_logprob")
        )
        if ratio is not None and ratio > COMPRESSION_RATIO_MAX:
            suspect[k] = f"compression ratio {ratio:.1f}"
        elif (
            no_speech is not None and no_speech > NO_SPEECH_PROB_MIN and (logprob is None or logprob < AVG_LOGPROB_MIN)
        ):
            suspect[k] = f"no-speech probability {no_speech:.2f}"
    return suspect



#: Engine names as a reader knows them, for messages.
_ENGINE_NAMES = {
    "deepgram": "Deepgram",
    "aws_transcribe": "Amazon Transcribe",
    "aws_call_analytics": "Amazon Transcribe Call Analytics",
    "google_stt": "Google Speech-to-Text",
    "assemblyai": "AssemblyAI",
    "azure_speech": "Azure Speech",
    "speechmatics": "Speechmatics",
}


def _malformed(name: str, exc: Exception) -> str:
    """One plain sentence for a JSON file of a known engine that lacks what the reader needs."""
    name = _ENGINE_NAMES.get(name, name)
    if isinstance(exc, KeyError):
        return f'The file looks like {name} JSON but has no "{exc.args[0]}" field where its transcript should be.'
    if isinstance(exc, IndexError):
        return f"The file looks like {name} JSON but holds no transcript (an empty list where the speech should be)."
    return f"The file looks like {name} JSON but one of its fields is not of the kind that engine writes."

def read_stt_json(text: str, *, keep_suspect: bool = False, timeline: SpeakerTimeline | None = None) -> ReadResult:
    """Read speech-to-text JSON into speaker blocks.

    Whisper segments flagged by :func:`suspect_segments` are left out (their text goes to
    ``removed``, with a notice) unless ``keep_suspect``. A ``timeline`` (from an RTTM file)
    names, by time, the speaker of each word or segment the file does not attribute.

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
        metadata: list[str] = []
        suspect_notice = []
        if name == "segments":
            suspect = suspect_segments(data["segments"])
            if suspect:
                example = str(data["segments"][min(suspect)].get("text", "")).strip()
                if keep_suspect:
                    suspect_notice.append(
                        f"{len(suspect)} segment(s) look like speech-recognition hallucinations (such as "
                        f"{example!r}) and are included, as asked."
                    )
                else:
                    segs = data["segments"]
                    metadata = [  # kept in ``removed``: not speech, and never a headline
                        f"Left out as a likely hallucination ({why}): {str(segs[k].get('text', '')).strip()}"
                        for k, why in sorted(suspect.items())
                    ]
                    data = {**data, "segments": [seg for k, seg in enumerate(data["segments"]) if k not in suspect]}
                    suspect_notice.append(
                        f"{len(suspect)} segment(s) look like speech-recognition hallucinations (such as {example!r}: "
                        "repeated in a loop, or marked by the engine as likely silence) and are left out of every "
                        "count. Switch 'Include suspected hallucinations' on to count them."
                    )
        try:
            read = reader(data)
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise ValueError(_malformed(name, exc)) from exc
        items, notices = read if isinstance(read, tuple) else (read, [])
        notices = suspect_notice + notices
        if name in ("segments", "records"):
            items, unit_notice = _milliseconds_to_seconds(items, data)
            notices.extend(unit_notice)
        if timeline is not None:
            items = [
                ((timeline.speaker_at(a, b) or sp) if sp in (UNKNOWN_SPEAKER, _NOT_A_NAME) else sp, w, a, b, attach)
                for sp, w, a, b, attach in items
            ]
            for k, (_sp, w, a, b, attach) in enumerate(items):  # punctuation without a time joins its word
                if attach and a is None and k > 0:
                    items[k] = (items[k - 1][0], w, a, b, attach)
        word_level = name in WORD_LEVEL or (
            name == "assemblyai"
            and any(u.get("words") for u in (data.get("utterances") or [{"words": data.get("words")}]))
        )
        blocks = _group(items, keep_empty=name == "bbc_kaldi", word_level=word_level)
        not_names = sum(1 for b in blocks if b.speaker == _NOT_A_NAME)
        for block in blocks:
            block.paragraphs = [re.sub(r"\s+", " ", normalise_text(p)).strip() for p in block.paragraphs]
            if block.speaker == _NOT_A_NAME:
                block.speaker = UNKNOWN_SPEAKER
            block.speaker = re.sub(r"\s+", " ", normalise_text(block.speaker)).strip() or UNKNOWN_SPEAKER
        if not_names:
            notices.append(
                f"{not_names} stretch{'es' if not_names != 1 else ''} of speech give a speaker that is not a name "
                "(a list, an object or true/false) and are attributed to UNKNOWN."
            )
        if name == "bbc_kaldi":
            notices.append("This file holds speaker segments without words: talk time is real, word counts are zero.")
        if any(b.speaker == UNKNOWN_SPEAKER for b in blocks) and timeline is None:
            notices.append("Some speech has no speaker in the file and is attributed to UNKNOWN.")
        return ReadResult(blocks=blocks, source_format=f"stt_json:{name}", notices=notices, removed=metadata)
    raise ValueError(
        "The file is JSON, but not a transcript format Podium knows "
        "(Deepgram, AWS, Google, Speechmatics, AssemblyAI, Azure, WhisperX, Kaldi, YouTube JSON3)."
    )
