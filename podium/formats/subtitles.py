"""Subtitles: SRT and WebVTT, including speaker voices and prefixes.

A tolerant reader of our own rather than webvtt-py or srt: with webvtt-py 0.6 a cue whose
speech contains ``-->`` came back empty (its words silently lost), and neither library keeps
two ``<v>`` voices of one cue apart. Here a timing line is only a line that *is* a timing line;
anything else is speech.

- ``<v Name>`` voice spans, with or without ``</v>``; two voices in one cue are two blocks.
- ``Name: text`` prefixes: when most cues carry one (Zoom), an unprefixed cue is an unknown
  speaker; when few do (a label only where the speaker changes), unprefixed cues continue
  the previous speaker.
- Inline word timestamps (``word<00:00:02.560>``) and styling tags are stripped.
- Rolling auto-captions that repeat the previous cue's lines keep each line once.
- Cue numbers, ``WEBVTT`` headers and ``NOTE``/``STYLE``/``REGION`` blocks are not speech.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..text import words
from .base import UNKNOWN_SPEAKER, Block, ReadResult, parse_clock
from .labelled import _accepted, _candidate

__all__ = ["TIMING_RE", "looks_like_subtitles", "read_subtitles"]

_T = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}"
TIMING_RE = re.compile(r"^\s*(?P<start>" + _T + r")\s*-->\s*(?P<end>" + _T + r")(?P<settings>.*)$")
_VOICE_RE = re.compile(r"<v(?:\.[\w.\-]+)?\s+([^>]+)>")
_INLINE_TS_RE = re.compile(r"<" + _T + r">")
_TAG_RE = re.compile(r"</?(?:c|i|b|u|ruby|rt|lang|v)(?:[.\s][^>]*)?>", re.IGNORECASE)


@dataclass
class _Cue:
    start: float
    end: float
    lines: list[str]


def looks_like_subtitles(text: str) -> bool:
    """True when ``text`` is WebVTT or has at least two SRT/VTT timing lines."""
    if text.lstrip().startswith("WEBVTT"):
        return True
    return sum(1 for line in text.split("\n")[:400] if TIMING_RE.match(line)) >= 2


def _cues(text: str, removed: list[str], metadata: list[str]) -> list[_Cue]:
    lines = text.split("\n")
    cues: list[_Cue] = []
    skipping_block = False
    for i, line in enumerate(lines):
        timing = TIMING_RE.match(line)
        if timing:
            # a cue number (or a VTT cue id after a blank line) right before the timing line
            if cues and cues[-1].lines and i > 0 and lines[i - 1].strip() == cues[-1].lines[-1].strip():
                prev = cues[-1].lines[-1].strip()
                if prev.isdigit() or (i > 1 and not lines[i - 2].strip() and " " not in prev):
                    removed.append(cues[-1].lines.pop())
            cues.append(_Cue(parse_clock(timing["start"]) or 0.0, parse_clock(timing["end"]) or 0.0, []))
            removed.append(line.strip())
            skipping_block = False
            continue
        stripped = line.strip()
        if not cues:
            if stripped.isdigit():
                removed.append(stripped)
            elif stripped:
                metadata.append(stripped)
            continue
        if not stripped:
            continue
        if re.match(r"^(NOTE|STYLE|REGION)\b", stripped) and not cues[-1].lines:
            skipping_block = True
        if skipping_block:
            metadata.append(stripped)
            continue
        cues[-1].lines.append(stripped)
    return cues


def _split_voices(line: str) -> list[tuple[str | None, str]]:
    """Split a cue line at ``<v Name>`` spans: [(voice or None, text), ...]."""
    parts: list[tuple[str | None, str]] = []
    pos = 0
    voice: str | None = None
    for m in _VOICE_RE.finditer(line):
        if m.start() > pos:
            parts.append((voice, line[pos : m.start()]))
        voice = m.group(1).strip()
        pos = m.end()
    parts.append((voice, line[pos:]))
    return [(v, t) for v, t in parts if t.strip() or v]


def _share_cue_times(segments: list[tuple[str | None, str | None, str, _Cue]]) -> list[tuple[float, float]]:
    """``(start, end)`` of each segment: a cue's time is shared, in order, among its segments by their
    words, so two voices in one cue ("- Ready? - Yes.") split the cue rather than both taking all of it.
    A cue whose segments have no words at all gives each segment the whole cue."""
    times: list[tuple[float, float]] = []
    i = 0
    while i < len(segments):
        cue = segments[i][3]
        j = i
        while j < len(segments) and segments[j][3] is cue:
            j += 1
        counts = [len(words(part)) for _, _, part, _ in segments[i:j]]
        total = sum(counts)
        if total == 0:
            times.extend([(cue.start, cue.end)] * (j - i))
        else:
            at = cue.start
            for n in counts:
                end = at + (cue.end - cue.start) * n / total
                times.append((at, end))
                at = end
        i = j
    return times


def read_subtitles(text: str) -> ReadResult:
    """Read SRT or WebVTT text into speaker blocks with the cues' times.

    Returns a :class:`~podium.formats.base.ReadResult` whose blocks carry ``start_s``/``end_s``.
    """
    removed: list[str] = []
    metadata: list[str] = []
    is_vtt = text.lstrip().startswith("WEBVTT")
    cues = _cues(text, removed, metadata)

    # Dedupe rolling captions: drop leading lines repeating the previous cue's lines.
    previous: list[str] = []
    for cue in cues:
        original = list(cue.lines)
        while cue.lines and previous and cue.lines[0].lower() in (p.lower() for p in previous):
            removed.append(cue.lines.pop(0))
        previous = original

    # Segments: (voice, prefix label, text, cue)
    segments: list[tuple[str | None, str | None, str, _Cue]] = []
    for cue in cues:
        for line in cue.lines:
            removed.extend(_INLINE_TS_RE.findall(line))
            line = _INLINE_TS_RE.sub("", line)
            for voice, part in _split_voices(line):
                if voice:
                    removed.append(f"<v {voice}>")
                removed.extend(_TAG_RE.findall(part))
                part = _TAG_RE.sub("", part).strip()
                label = None
                cand = _candidate(part) if part else None
                if (
                    cand is not None
                    and cand.kind in ("colon", "q")
                    and cand.rest
                    and _accepted(cand, Counter({cand.label: 2}), False)  # a cue prefix is taken as a recurring label
                ):
                    label = cand.label
                    removed.append(cand.removed)
                    part = cand.rest.strip()
                segments.append((voice, label, part, cue))

    labelled = sum(1 for v, lab, _, _ in segments if v or lab)
    dense = bool(segments) and labelled >= 0.8 * len(segments)
    blocks: list[Block] = []
    current: str | None = None
    for (voice, label, part, _cue), (start, end) in zip(segments, _share_cue_times(segments), strict=True):
        speaker = voice or label
        if speaker is None:
            speaker = UNKNOWN_SPEAKER if (dense or current is None) else current
        current = speaker
        if blocks and blocks[-1].speaker == speaker and blocks[-1].end_s is not None:
            if part:
                blocks[-1].paragraphs[0] = f"{blocks[-1].paragraphs[0]} {part}".strip()
            blocks[-1].add_time(start, end)
            continue
        block = Block(speaker, [part] if part else [""])
        block.add_time(start, end)
        blocks.append(block)
    for block in blocks:
        block.paragraphs = [p for p in block.paragraphs if p]
    notices = []
    if not labelled:
        notices.append("The subtitles name no speakers, so all speech is attributed to one unknown speaker.")
    backwards = sum(1 for cue in cues if cue.end < cue.start)
    if backwards:
        notices.append(
            f"{backwards} cue{'s' if backwards != 1 else ''} end{'' if backwards != 1 else 's'} before starting; "
            "such a cue counts no talk time."
        )
    return ReadResult(
        blocks=blocks, metadata=metadata, removed=removed, notices=notices, source_format="vtt" if is_vtt else "srt"
    )
