"""Subtitles and captions: SRT, WebVTT and YouTube SBV, plus the cue model that the TTML, ASS/SSA
and YouTube JSON3 readers share (:func:`read_cues`).

A tolerant reader of our own rather than webvtt-py or srt: with webvtt-py 0.6 a cue whose
speech contains ``-->`` came back empty (its words silently lost), and neither library keeps
two ``<v>`` voices of one cue apart. Here a timing line is only a line that *is* a timing line;
anything else is speech.

- Times: ``HH:MM:SS.mmm``, ``MM:SS.mmm``, hours past 99 (``123:04:05.000``), and SRT times
  without milliseconds (``00:01:07 --> 00:01:09``); SBV's ``0:00:01.000,0:00:03.000``.
- ``<v Name>`` voice spans, with or without ``</v>``; two voices in one cue are two blocks.
- A name alone on each cue's first line (Teams' Word export), when every cue has one.
- ``Name: text`` prefixes (asked of :func:`~podium.formats.labelled.is_cue_label`): when most
  cues carry one (Zoom), an unprefixed cue is an unknown speaker; when few do (a label only
  where the speaker changes), unprefixed cues continue the previous speaker.
- Broadcast captions' ``>>`` (change of speaker) and ``>>>`` (change of story) start a new
  turn: named when a label follows, otherwise an unnamed speaker numbered in order of
  appearance (``SPEAKER 1``, ``SPEAKER 2``). ``>>`` is never a word.
- Names in square brackets (``[JOHN] Hello.``, ``[MARY]`` / ``Hi.``), when the captions use
  the convention (:func:`~podium.formats.labelled.bracket_speaker_tags`); sound tags are speech's
  stage directions as before.
- Dialogue dashes: a cue of several lines whose later lines open with ``-`` holds one speaker
  per dashed line (``-Where is the vote?`` / ``- On Thursday.``).
- Styling is not speech: ``<b>``, ``<i>``, ``<u>``, ``<font ...>``, ``<c.class>``, ``<span>``
  and ASS override blocks such as ``{\\an8}``; a label inside styling is still a label.
- Inline word timestamps (``word<00:00:02.560>``) are stripped. YouTube's rolling
  auto-captions, which show each line again (without word times) in the next cue, keep each
  spoken line once; a line with word times is always new speech, so words genuinely said
  twice are kept twice.
- Cue numbers (also a last one with no cue after it), cue ids, ``WEBVTT`` headers and
  ``NOTE``/``STYLE``/``REGION`` blocks anywhere (Teams writes ``NOTE Confidence: 0.91`` before
  each cue) are not speech.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..text import words
from ..vocabulary import EMPHASIS_WORDS, NOT_LABELS, UNNAMED_PREFIX  # UNNAMED_PREFIX re-exported
from .base import PAUSE_S, UNKNOWN_SPEAKER, Block, ReadResult, unnamed_speakers_notice
from .labelled import BRACKET_TAG_RE, bracket_speaker_tags, is_cue_label
from .rttm import SpeakerTimeline

__all__ = ["SBV_TIMING_RE", "TIMING_RE", "Cue", "looks_like_sbv", "looks_like_subtitles", "read_cues", "read_subtitles"]

_T = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
TIMING_RE = re.compile(r"^\s*(?P<start>" + _T + r")\s*-->\s*(?P<end>" + _T + r")(?P<settings>(?:\s.*)?)$")
#: YouTube SBV timing lines: ``0:00:00.599,0:00:04.160``.
SBV_TIMING_RE = re.compile(r"^\s*(?P<start>\d+:\d{2}:\d{2}\.\d{1,3}),(?P<end>\d+:\d{2}:\d{2}\.\d{1,3})\s*$")
_VOICE_RE = re.compile(r"<v(?:\.[\w.\-]+)?\s+([^>]+)>")
_INLINE_TS_RE = re.compile(r"<(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}>")
_TAG_RE = re.compile(r"</?(?:c|i|b|u|s|v|font|span|ruby|rt|lang|em|strong)(?:[.\s][^>]*)?>", re.IGNORECASE)
_ASS_OVERRIDE_RE = re.compile(r"\{\\[^{}]*\}")
_BROADCAST_RE = re.compile(r"\s*>>>?")
_DIALOGUE_DASH_RE = re.compile(r"^[-\u2010\u2013]\s*(?=[^\s\-\u2010\u2013])")
_BLOCK_RE = re.compile(r"^(?:NOTE|STYLE|REGION)(?:\s|$)")


@dataclass
class Cue:
    """One caption on screen: ``start``/``end`` in seconds, its text lines, and a speaker the
    format names outside the text (an ASS ``Name`` field, a TTML ``ttm:agent``), if any."""

    start: float
    end: float
    lines: list[str] = field(default_factory=list)
    voice: str | None = None


def cue_seconds(value: str) -> float:
    """Seconds of a cue time: ``123:04:05.000``, ``00:01:07``, ``01:07,5``, ``0:0:5.32``.

    Raises:
        ValueError: if ``value`` is not such a time.

    >>> cue_seconds("123:04:05.250")
    443045.25
    """
    clock, _, frac = value.strip().replace(",", ".").partition(".")
    parts = clock.split(":")
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or (frac and not frac.isdigit()):
        raise ValueError(f"not a cue time: {value!r}")
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds + (int(frac) / 10 ** len(frac) if frac else 0.0)


def looks_like_subtitles(text: str) -> bool:
    """True when ``text`` is WebVTT or has at least two SRT/VTT timing lines."""
    if text.lstrip().startswith("WEBVTT"):
        return True
    return sum(1 for line in text.split("\n")[:400] if TIMING_RE.match(line)) >= 2


def looks_like_sbv(text: str) -> bool:
    """True when ``text`` has at least two YouTube SBV timing lines (``0:00:01.000,0:00:03.500``)."""
    return sum(1 for line in text.split("\n")[:400] if SBV_TIMING_RE.match(line)) >= 2


def _timing(line: str, sbv: bool) -> tuple[float, float] | None:
    m = (SBV_TIMING_RE if sbv else TIMING_RE).match(line)
    if not m:
        return None
    return cue_seconds(m["start"]), cue_seconds(m["end"])


def _cues(text: str, removed: list[str], metadata: list[str], *, sbv: bool = False) -> list[Cue]:
    """Split subtitle text into cues; cue numbers, ids and comment blocks go to removed/metadata."""
    lines = text.split("\n")
    is_vtt = text.lstrip().startswith("WEBVTT")
    timings = [_timing(line, sbv) for line in lines]
    # the last line with text: after it the rest is blank (found once, not per line: 200,000 cues)
    last_text = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    cues: list[Cue] = []
    in_block = False  # inside a NOTE / STYLE / REGION block
    for i, line in enumerate(lines):
        stripped = line.strip()
        if timings[i] is not None:
            start, end = timings[i]  # type: ignore[misc]
            cues.append(Cue(start, end))
            removed.append(stripped)
            in_block = False
            continue
        if not stripped:
            in_block = False
            continue
        after_blank = i == 0 or not lines[i - 1].strip()
        if after_blank and _BLOCK_RE.match(stripped):
            in_block = True
        if in_block:
            metadata.append(stripped)
            continue
        next_is_timing = i + 1 < len(lines) and timings[i + 1] is not None
        rest_blank = i >= last_text
        if after_blank or next_is_timing:
            # a cue number (also a last one with no cue after it) or a WebVTT cue id
            if stripped.isdigit() and (next_is_timing or rest_blank):
                removed.append(stripped)
                continue
            if next_is_timing and after_blank and (is_vtt or " " not in stripped):
                removed.append(stripped)
                continue
        if not cues:
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


def strip_styling(text: str, removed: list[str]) -> str:
    """Remove inline word timestamps, styling tags and ASS override blocks from caption text."""
    for pattern in (_INLINE_TS_RE, _TAG_RE, _ASS_OVERRIDE_RE):
        removed.extend(pattern.findall(text))
        text = pattern.sub("", text)
    return text


def _drop_rolling_repeats(cues: list[Cue], removed: list[str]) -> None:
    """Keep each line of rolling captions once.

    With inline word times (YouTube auto-captions), a line without word times that repeats a
    line of the previous cue is the previous line still on screen; a line with word times is
    always new speech. Without word times, leading lines that repeat the previous cue's lines
    are dropped only in a file that rolls (a third or more of its cues, and at least two, open
    with the previous cue's line and then go on to a new line, or flash for under 0.1 s), so a
    "No." said in two cues in a row of an ordinary SRT stays twice.
    """
    plain = [[_TAG_RE.sub("", _INLINE_TS_RE.sub("", ln)).strip().lower() for ln in c.lines] for c in cues]
    if any(_INLINE_TS_RE.search(ln) for c in cues for ln in c.lines):
        for k in range(1, len(cues)):
            previous = set(plain[k - 1])
            keep = []
            for line, text in zip(cues[k].lines, plain[k], strict=True):
                if not _INLINE_TS_RE.search(line) and text in previous:
                    removed.append(line)
                else:
                    keep.append(line)
            cues[k].lines = keep
        return
    rolling = sum(
        1
        for k in range(1, len(cues))
        if plain[k]
        and plain[k][0] in set(plain[k - 1])
        and (len(plain[k]) > 1 or cues[k].end - cues[k].start < 0.1)  # a repeat rolls on, or flashes
    )
    if rolling < 2 or rolling < len(cues) / 3:
        return
    for k in range(1, len(cues)):
        previous = set(plain[k - 1])
        while cues[k].lines and cues[k].lines[0].strip().lower() in previous:
            removed.append(cues[k].lines.pop(0))


# A name line: up to five words, a comma allowed after a word ("Smith, John": Teams writes the surname first).
_NAME_LINE_RE = re.compile(r"^[^\W\d_][\w.'\-]*,?(?: [\w.'\-()]+,?){0,4}$")


def _name_lines(cues: list[Cue]) -> bool:
    """Whether each cue's first line is its speaker's name (Teams' Word export: ``0:0:0.0 -->
    0:0:5.3`` / ``Ana Ruiz`` / speech). Only when there are three cues or more, every cue has a
    name line and speech below it, the names are capitalised words without end punctuation,
    and they recur (at most half as many names as cues, or two)."""
    if len(cues) < 3 or any(len(c.lines) < 2 or c.voice for c in cues):
        return False
    firsts = [c.lines[0] for c in cues]
    if not all(_NAME_LINE_RE.match(f) and f[0].isupper() and not f.endswith((".", "?", "!", ",")) for f in firsts):
        return False
    return len(set(firsts)) <= max(2, len(cues) // 2)


# Zoom names every cue "Display Name: text", and a display name can be anything a participant
# typed or a device's name ("iPhone de Carlos", "john smith", "jdoe", "Carlos's iPad", "Galaxy S21").
_ANY_PREFIX_RE = re.compile(r"(?:<[^>]*>)*\s*([^\s:<>][^:?!<>\n]{0,39}?)\s*:\s+(?=\S)")
_DISPLAY_NAME_RE = re.compile(r"[^\W_][\w'\-]*(?: [\w'\-]+){0,4}")


def _names_every_cue(cues: list[Cue]) -> bool:
    """Whether the captions open nearly every cue (90%, at least five cues) with ``Name: `` (Zoom's
    transcript): then any short prefix before a colon at a cue's start is a participant's display
    name, however it is written."""
    if len(cues) < 5:
        return False
    prefixed = sum(1 for c in cues if c.lines and _ANY_PREFIX_RE.match(c.lines[0]))
    return prefixed >= 0.9 * len(cues)


# a numbered step or heading ("Step 2:", "Item 3:", "Part 1:") is no display name
_STEP_RE = re.compile(r"(?:step|item|part|point|slide|question|option|phase|section|chapter)\s+\d+", re.IGNORECASE)


def _display_name(piece: str) -> tuple[str, str, str] | None:
    """``(name, text removed, speech)`` when ``piece`` opens with a display name and a colon (see
    :func:`_names_every_cue`): one to five words of letters, digits, apostrophes and hyphens,
    not an emphasis word ("Look:") or page furniture ("Note:")."""
    m = _ANY_PREFIX_RE.match(piece)
    if m is None or not _DISPLAY_NAME_RE.fullmatch(m.group(1)):
        return None
    name = m.group(1)
    if name.lower() in EMPHASIS_WORDS or name.upper() in NOT_LABELS or _STEP_RE.fullmatch(name):
        return None
    return name, piece[: m.end()].strip(), piece[m.end() :].strip()


def _bracket_names(cues: list[Cue]) -> frozenset[str]:
    """The names a subtitle file gives in square brackets at a cue line's start (``[JOHN] Hello.``):
    :func:`~podium.formats.labelled.bracket_speaker_tags` of every line's pieces (after ``>>`` and a
    dialogue dash)."""
    return bracket_speaker_tags(
        _DIALOGUE_DASH_RE.sub("", piece.strip(), count=1)
        for cue in cues
        for line in cue.lines
        for piece in _BROADCAST_RE.split(line)
    )


@dataclass
class _Segment:
    voice: str | None
    label: str | None
    text: str
    cue: Cue
    change: bool  # a ">>" or dialogue dash starts a new speaker here


def _segments(cues: list[Cue], removed: list[str]) -> list[_Segment]:
    segments: list[_Segment] = []
    tagged = _bracket_names(cues)
    every_cue_named = _names_every_cue(cues)
    for cue in cues:
        dialogue = len(cue.lines) >= 2 and any(_DIALOGUE_DASH_RE.match(ln) for ln in cue.lines[1:])
        carried: str | None = None  # a <v Name> span still open at the end of the line before
        for line in cue.lines:
            removed.extend(_INLINE_TS_RE.findall(line))
            line = _INLINE_TS_RE.sub("", line)
            for voice, part in _split_voices(line):
                if voice:
                    removed.append(f"<v {voice}>")
                    carried = voice
                part = re.sub(r"\s+", " ", strip_styling(part, removed)).strip()
                voice = voice or carried or cue.voice
                pieces = _BROADCAST_RE.split(part)
                for k, piece in enumerate(pieces):
                    change = k > 0
                    if k > 0:
                        removed.append(">>")
                    piece = piece.strip()
                    if k == 0 and dialogue:
                        dash = _DIALOGUE_DASH_RE.match(piece)
                        if dash:
                            removed.append(piece[: dash.end()].strip())
                            piece = piece[dash.end() :]
                            change = True
                    if not piece and not change:
                        continue
                    label = None
                    found = is_cue_label(piece) if piece else None
                    if found is None and every_cue_named and piece:
                        found = _display_name(piece)
                    if found is not None:
                        label, label_text, piece = found
                        removed.append(label_text)
                    elif tagged and (tag := BRACKET_TAG_RE.match(piece)) and tag.group(1) in tagged:
                        label, piece = tag.group(1), piece[tag.end() :]
                        removed.append(tag.group(0).strip())
                    segments.append(_Segment(voice, label, piece, cue, change))
            if "</v>" in line[max(line.rfind("<v"), 0) :]:
                carried = None  # the span was closed on this line
    return segments


def _share_cue_times(segments: list) -> list[tuple[float, float]]:
    """``(start, end)`` of each segment: a cue's time is shared, in order, among its segments by their
    words, so two voices in one cue ("- Ready? - Yes.") split the cue rather than both taking all of it.
    A cue whose segments have no words at all gives each segment the whole cue."""
    times: list[tuple[float, float]] = []
    i = 0
    while i < len(segments):
        cue = segments[i].cue
        j = i
        while j < len(segments) and segments[j].cue is cue:
            j += 1
        counts = [len(words(seg.text)) for seg in segments[i:j]]
        total = sum(counts)
        if total == 0:
            times.extend([(cue.start, cue.end)] * (j - i))
        else:
            at, done = cue.start, 0
            for n in counts:
                done += n
                end = cue.end if done == total else cue.start + (cue.end - cue.start) * done / total
                times.append((at, end))
                at = end
        i = j
    return times


def read_cues(
    cues: list[Cue],
    *,
    source_format: str,
    removed: list[str] | None = None,
    rolling: bool = True,
    timeline: SpeakerTimeline | None = None,
) -> ReadResult:
    """Turn cues into speaker blocks with the cues' times (shared by every caption format).

    ``rolling`` allows dropping rolling-caption repeats (SRT, WebVTT); formats that never
    repeat a line on screen (TTML, ASS, JSON3) pass ``False``. A ``timeline`` (from an RTTM
    file) names the speaker of each cue the captions do not name, by time.

    Returns a :class:`~podium.formats.base.ReadResult` whose blocks carry ``start_s``/``end_s``
    and ``speech_s`` measured per cue (see :meth:`~podium.formats.base.Block.add_time`).
    """
    removed = [] if removed is None else removed
    if rolling:
        _drop_rolling_repeats(cues, removed)
    if _name_lines(cues):
        for cue in cues:
            cue.voice = cue.lines.pop(0)
            removed.append(cue.voice)
    segments = _segments(cues, removed)
    labelled = sum(1 for s in segments if s.voice or s.label)
    # Nearly every cue labelled, and labels repeated on back-to-back cues (Zoom names every cue):
    # an unlabelled cue is someone else, unknown. Where labels only mark a change of speaker, an
    # unlabelled cue continues the previous speaker however dense the labels are.
    names = [s.voice or s.label for s in segments if s.voice or s.label]
    repeats = any(a == b for a, b in itertools.pairwise(names))
    dense = bool(segments) and labelled >= 0.8 * len(segments) and repeats
    blocks: list[Block] = []
    current: str | None = None
    unnamed = 0
    for seg, (start, end) in zip(segments, _share_cue_times(segments), strict=True):
        # a caption stays on screen longer than its words take to say ("Yes." shown for 5 s): a cue
        # counts at most PAUSE_S seconds a word of speech, as a word of speech-to-text JSON does
        silent = False
        if end - start > PAUSE_S:  # only a cue longer than one word's cap can be cut: count its words then
            n_words = len(words(seg.text))
            silent = n_words == 0
            end = min(end, start + n_words * PAUSE_S)
        elif seg.text and not words(seg.text):
            silent = True
        if silent and seg.text and not (seg.voice or seg.label) and not seg.change:
            # a cue with no words ("[APPLAUSE]", "(LAUGHTER)" shown for 10 s): no one's talk time; the
            # stage direction stays in the text of the turn it falls in
            if blocks:
                blocks[-1].paragraphs[0] = f"{blocks[-1].paragraphs[0]} {seg.text}".strip()
            else:
                removed.append(seg.text)
            continue
        if silent:
            end = start  # a named cue of a stage direction only: the turn is there, with no talk time
        speaker = seg.voice or seg.label
        if speaker is None and timeline is not None:
            speaker = timeline.speaker_at(seg.cue.start, seg.cue.end)
        if speaker is None and seg.change:
            unnamed += 1
            speaker = f"{UNNAMED_PREFIX} {unnamed}"
        if speaker is None:
            speaker = UNKNOWN_SPEAKER if (dense or current is None) else current
        current = speaker
        if blocks and blocks[-1].speaker == speaker and not seg.change and blocks[-1].end_s is not None:
            if seg.text:
                blocks[-1].paragraphs[0] = f"{blocks[-1].paragraphs[0]} {seg.text}".strip()
            blocks[-1].add_time(start, end)
            continue
        block = Block(speaker, [seg.text])
        block.add_time(start, end)
        blocks.append(block)
    for block in blocks:
        block.paragraphs = [p for p in block.paragraphs if p]
    notices = []
    if unnamed:
        marked = (
            f"The captions mark {unnamed} change{'s' if unnamed != 1 else ''} of speaker without a name "
            "(>> or a dialogue dash)"
        )
        notices.append(unnamed_speakers_notice(unnamed, marked, UNNAMED_PREFIX))
    elif not labelled and timeline is None:
        notices.append("The subtitles name no speakers, so all speech is attributed to one unknown speaker.")
    backwards = sum(1 for cue in cues if cue.end < cue.start)
    if backwards:
        notices.append(
            f"{backwards} cue{'s' if backwards != 1 else ''} end{'' if backwards != 1 else 's'} before starting; "
            "such a cue counts no talk time."
        )
    return ReadResult(blocks=blocks, removed=removed, notices=notices, source_format=source_format)


def read_subtitles(text: str, *, sbv: bool | None = None, timeline: SpeakerTimeline | None = None) -> ReadResult:
    """Read SRT, WebVTT or SBV text into speaker blocks with the cues' times.

    ``sbv`` says the text is YouTube SBV (``None``: detect it); ``timeline`` names unnamed cues'
    speakers by time (see :func:`read_cues`).

    Returns a :class:`~podium.formats.base.ReadResult` whose blocks carry ``start_s``/``end_s``;
    ``source_format`` is ``"srt"``, ``"vtt"`` or ``"sbv"``.
    """
    removed: list[str] = []
    metadata: list[str] = []
    is_vtt = text.lstrip().startswith("WEBVTT")
    if sbv is None:
        sbv = not is_vtt and not looks_like_subtitles(text) and looks_like_sbv(text)
    cues = _cues(text, removed, metadata, sbv=sbv)
    result = read_cues(
        cues, source_format="vtt" if is_vtt else "sbv" if sbv else "srt", removed=removed, timeline=timeline
    )
    result.metadata = metadata
    return result
