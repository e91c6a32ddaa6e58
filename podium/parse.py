"""Parse transcript files into a :class:`~podium.model.Transcript`.

The pipeline is: bytes -> :func:`~podium.text.decode_bytes` -> :func:`~podium.text.normalise_text`
-> a format reader that yields speaker *blocks* and preamble text -> :func:`build_turns`, which
merges consecutive blocks of one speaker into turns and measures them.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

import pandas as pd

from . import formats, parallel, questions
from .formats import FORMATS, UNKNOWN_SPEAKER, UNNAMED_QUESTIONER, Block
from .formats.base import parse_clock
from .formats.docx import docx_text, is_docx
from .formats.labelled import is_page_furniture
from .formats.markup import html_to_text
from .formats.pdf import is_pdf, pdf_text
from .formats.rttm import read_speaker_timeline
from .model import TURN_COLUMNS, ParseError, Transcript
from .phrases import turn_token_ids
from .questions import count_questions
from .roles import infer_roles
from .speakers import infer_role, propose_aliases
from .talk_time import DEFAULT_WPM, MIN_WPM, count_sentences, estimate_times, format_spans
from .text import (
    RESUME_RE,
    STAGE_DIRECTION_RE,
    DecodeError,
    decode,
    decode_bytes,
    has_words,
    is_cut_off,
    normalise_text,
    words,
)
from .vocabulary import GENERIC_QUESTIONERS

__all__ = [
    "FORMATS",
    "UNKNOWN_SPEAKER",
    "UNNAMED_QUESTIONER",
    "Block",
    "build_turns",
    "continues_turn",
    "infer_role",
    "measure_text",
    "parse_bytes",
    "parse_text",
    "read_transcript",
]


# ---------------------------------------------------------------------------
# Turns

#: A question: a question mark (ASCII, full-width ``？``, Arabic ``؟``), the Chinese
#: sentence-final particle 吗, or Japanese polite ですか/ますか before a sentence end.
QUESTION_RE = re.compile(
    r"[?\uff1f\u061f]|(?:\u5417|\u3067\u3059\u304b|\u307e\u3059\u304b)(?=\s*(?:[\u3002\uff01!\uff0c,.]|$))"
)


def continues_turn(previous_label: str, label: str) -> bool:
    """Return whether a block labelled ``label`` right after one labelled ``previous_label`` is the same turn.

    The rule of :func:`build_turns`: the same label, unless it is one of :data:`GENERIC_QUESTIONERS`
    (two ``Q`` blocks in a row may be two reporters). Speaker edits rebuild turns with it too.
    """
    return previous_label == label and label not in GENERIC_QUESTIONERS


def measure_text(text: str) -> dict[str, object]:
    """Measure a turn's text: the columns of :data:`~podium.model.TURN_COLUMNS` that depend only on it.

    Returns ``{"n_words": int (words, stage directions excluded), "cut_off": bool, "resumes": bool,
    "is_question": bool, "n_questions": int (:func:`~podium.questions.count_questions`),
    "n_stage_directions": int}``.
    """
    return {"n_words": turn_token_ids(text)[1], **_measure_speech(text)}  # the tokenising pass phrases reuse


def _measure_speech(text: str) -> dict[str, object]:
    """:func:`measure_text` but ``n_words``: what is measured in the turn's speech (stage directions
    removed) rather than in its tokens."""
    stage_directions = STAGE_DIRECTION_RE.findall(text)
    speech = (STAGE_DIRECTION_RE.sub("", text) if stage_directions else text).rstrip()
    return {
        "cut_off": is_cut_off(speech),
        "resumes": bool(RESUME_RE.match(speech)),
        "is_question": bool(QUESTION_RE.search(speech)),
        "n_questions": count_questions(speech),
        "n_stage_directions": len(stage_directions),
    }


#: Below this many characters of distinct turn text, :func:`build_turns` measures in one process
#: whatever ``workers`` says (a fork costs more than it saves on a short transcript).
PARALLEL_MIN_CHARS = 200_000


def _measure_texts(texts: list[str], *, workers: int, sentences: bool) -> tuple[list[dict], dict[str, int] | None]:
    """``[measure_text(t) for t in texts]`` and, with ``sentences``, ``{text: count_sentences(text)}``
    (else ``None``: the caller counts them).

    With ``workers`` of 2 or more and enough text, a forked child measures the texts' speech
    (:func:`_measure_speech`: cut-offs, questions) and counts their sentences from the first text on
    while this process tokenises every text (the token ids stay here, for the phrase counts), then
    takes the speech of texts from the last back until they meet
    (:func:`podium.parallel.map_from_both_ends`); the child hands back the question sentences it
    found, for the Q&A indicators. The same values as one process.
    """
    if workers < 2 or len(texts) < 2 or sum(map(len, texts)) < PARALLEL_MIN_CHARS:
        return [measure_text(t) for t in texts], None
    before: list[set[str]] = []

    def snapshot() -> None:  # in the child: the paragraphs whose questions it inherited
        before.append(set(questions.cached_paragraphs()))

    def found() -> list:  # in the child: the question sentences it found, for this process's cache
        return [(k, v) for k, v in questions.cached_paragraphs().items() if k not in before[-1]]

    def item(i: int) -> tuple[dict[str, object], int | None]:
        return _measure_speech(texts[i]), count_sentences(texts[i]) if sentences else None

    shared = parallel.map_from_both_ends(
        item, len(texts), lambda: [turn_token_ids(t)[1] for t in texts], snapshot, found
    )
    questions.remember_paragraphs(shared.child_tail)
    measured = [{"n_words": n, **speech} for n, (speech, _) in zip(shared.head, shared.items, strict=True)]
    return measured, {t: n for t, (_, n) in zip(texts, shared.items, strict=True)} if sentences else None


#: The turn columns :func:`measure_text` gives.
_MEASURED_COLUMNS = ("n_words", "cut_off", "resumes", "is_question", "n_questions", "n_stage_directions")


def build_turns(blocks: list[Block], *, wpm: float = DEFAULT_WPM, workers: int = 1) -> tuple[pd.DataFrame, str]:
    """Merge consecutive blocks of one speaker into turns and measure each turn.

    Consecutive blocks labelled with a :data:`GENERIC_QUESTIONERS` label stay separate turns.

    Parameters:
        blocks: speaker blocks in transcript order; blocks with no words and no stage
            direction are dropped.
        wpm: words per minute used when the blocks carry no timestamps.
        workers: 2 or more lets a forked child process count questions and sentences while this
            one tokenises (:mod:`podium.parallel`; the command line's ``--jobs``; never from a page).

    Returns:
        ``(turns, timing)``: the turns table with the columns of
        :data:`~podium.model.TURN_COLUMNS`, and ``"source"`` when every block had
        a start time or :func:`fill_missing_starts` gave the few without one theirs, else
        ``"estimated"``. With source times, each block's end and speech
        come from :func:`_block_spans`; a turn runs from its first block's start to its last
        block's end, and ``speech_s`` adds up only the blocks' durations, so silences
        between the cues or segments of one turn are not talk time.
    """
    kept = []
    for block in blocks:
        if _is_kept(block):
            kept.append(
                Block(
                    block.speaker,
                    [p for p in block.paragraphs if p.strip()],
                    block.start_s,
                    block.end_s,
                    block.keep_empty,
                    block.speech_s,
                    [list(span) for span in block.spans],
                )
            )
    fill_missing_starts(kept, wpm=wpm)
    timed = bool(kept) and all(b.start_s is not None for b in kept)
    spans = _block_spans(kept, wpm=wpm) if timed else [(0.0, 0.0)] * len(kept)

    merged: list[tuple[Block, float]] = []  # (turn, seconds of speech in it); the turn's spans in Block.spans
    for block, (end, speech_s) in zip(kept, spans, strict=True):
        intervals = _speech_intervals(block, end) if timed else []
        if merged and continues_turn(merged[-1][0].speaker, block.speaker):
            turn, turn_speech = merged[-1]
            turn.paragraphs.extend(block.paragraphs)
            turn.end_s = end if timed else None
            turn.spans.extend(intervals)
            merged[-1] = (turn, turn_speech + speech_s)
            continue
        turn = Block(block.speaker, list(block.paragraphs), block.start_s, end if timed else None)
        turn.spans = intervals
        merged.append((turn, speech_s))

    columns: dict[str, list] = {c: [] for c in TURN_COLUMNS}  # built column by column, not row by row
    measured_columns = [(c, columns[c]) for c in _MEASURED_COLUMNS]
    roles: dict[str, str] = {}  # per label, and measures per distinct text ("Thank you." recurs)
    texts = ["\n\n".join(block.paragraphs) for block, _ in merged]
    distinct = list(dict.fromkeys(texts))  # the first of identical texts: one string for all of them
    measured_texts, n_sentences = _measure_texts(distinct, workers=workers, sentences=not timed)
    measures = {text: (text, measured) for text, measured in zip(distinct, measured_texts, strict=True)}
    for turn_id, ((block, speech_s), text) in enumerate(zip(merged, texts, strict=True)):
        role = roles.get(block.speaker)
        if role is None:
            role = roles[block.speaker] = infer_role(block.speaker)
        text, measured = measures[text]  # one string for identical turns
        columns["turn_id"].append(turn_id)
        columns["speaker"].append(block.speaker)
        columns["role"].append(role)
        columns["text"].append(text)
        columns["start_s"].append(block.start_s)
        columns["end_s"].append(block.end_s)
        columns["speech_s"].append(speech_s)
        columns["speech_spans"].append(format_spans(block.spans))
        for name, values in measured_columns:
            values.append(measured[name])
    turns = pd.DataFrame(columns, columns=list(TURN_COLUMNS))
    if not timed:
        turns = estimate_times(
            turns.assign(start_s=0.0, end_s=0.0, speech_s=0.0, speech_spans=""), wpm=wpm, n_sentences=n_sentences
        )
    return turns.astype(TURN_COLUMNS).reset_index(drop=True), "source" if timed else "estimated"


#: A transcript where at least this share of passages (and two or more) carry a start time is
#: timed: the other passages' starts are placed between their neighbours' (:func:`fill_missing_starts`).
PARTIAL_TIMES_MIN_SHARE = 0.5


def _is_kept(block: Block) -> bool:
    """Whether :func:`build_turns` keeps a block: it has text, or its reader keeps it empty."""
    return block.keep_empty or any(p.strip() for p in block.paragraphs)


def start_coverage(blocks: list[Block]) -> tuple[int, int]:
    """``(passages with a start time, passages)`` among the blocks :func:`build_turns` keeps."""
    kept = [b for b in blocks if _is_kept(b)]
    return sum(1 for b in kept if b.start_s is not None), len(kept)


def fill_missing_starts(blocks: list[Block], *, wpm: float = DEFAULT_WPM) -> int:
    """Give passages without a start time one from their neighbours, in place; return how many.

    Only when some passages lack a time and at least :data:`PARTIAL_TIMES_MIN_SHARE` of them (and
    two or more) have one (``MAYOR (00:02:10):`` on most labels, a few bare ``REPORTER:``);
    otherwise nothing changes and the transcript's times are estimated from words as if it had none.

    - Between two timed passages, the stretch from the earlier one's start (or its end, when it
      has one) to the later one's start is shared by the passages in it in proportion to their
      words, so the untimed ones start where continuous speech would reach them.
    - Before the first time, passages go back from it at ``wpm`` words per minute (not before 0);
      after the last, they follow it at ``wpm``. So do passages between times that go backwards.

    Parameters:
        blocks: the passages in transcript order (:class:`~podium.formats.base.Block`, with
            ``start_s`` in seconds or ``None``); changed in place.
        wpm: words per minute for passages outside the timed stretch.
    """
    timed = [i for i, b in enumerate(blocks) if b.start_s is not None]
    if len(timed) == len(blocks) or len(timed) < 2 or len(timed) < PARTIAL_TIMES_MIN_SHARE * len(blocks):
        return 0
    n_words = [max(1, sum(len(words(p)) for p in b.paragraphs)) for b in blocks]

    def seconds(i: int) -> float:
        return n_words[i] * 60.0 / wpm

    first = timed[0]
    for i in range(first - 1, -1, -1):
        blocks[i].start_s = max(0.0, float(blocks[i + 1].start_s) - seconds(i))  # type: ignore[arg-type]
    for a, b in itertools.pairwise(timed):
        if b - a < 2:
            continue
        ta, tb = float(blocks[a].start_s), float(blocks[b].start_s)  # type: ignore[arg-type]
        end_a = blocks[a].end_s
        if end_a is not None and ta <= end_a <= tb:
            lo, shared = float(end_a), range(a + 1, b)  # the untimed ones share the gap after a's end
        else:
            lo, shared = ta, range(a, b)
        total = sum(n_words[j] for j in shared)
        if tb <= lo:  # times going backwards or no room: follow a at wpm
            for j in range(a + 1, b):
                blocks[j].start_s = float(blocks[j - 1].start_s) + seconds(j - 1)  # type: ignore[arg-type]
            continue
        before = 0
        for j in shared:
            if j > a:
                blocks[j].start_s = lo + (tb - lo) * before / total
            before += n_words[j]
    for i in range(timed[-1] + 1, len(blocks)):
        prev, start = blocks[i - 1], float(blocks[i - 1].start_s)  # type: ignore[arg-type]
        ended = prev.end_s is not None and prev.end_s >= start
        blocks[i].start_s = float(prev.end_s) if ended else start + seconds(i - 1)  # type: ignore[arg-type]
    return len(blocks) - len(timed)


def _speech_intervals(block: Block, end: float) -> list[list[float]]:
    """The ``[start, end]`` intervals of a timed block's speech: the spans its reader measured
    (cues, words) when it has an end time, else the one interval from its start to ``end``."""
    start = float(block.start_s)  # type: ignore[arg-type]
    if block.end_s is not None and block.speech_s is not None and block.spans:
        return [[max(start, s), min(end, e)] for s, e in block.spans if min(end, e) > max(start, s)]
    return [[start, end]] if end > start else []


def _block_spans(blocks: list[Block], *, wpm: float) -> list[tuple[float, float]]:
    """``(end, seconds of speech)`` of each timed block.

    A block with an end time ends then, and its speech is the ``speech_s`` its reader measured
    (cue or word times, less long silences) or else its whole span. A block with only a start
    time lasts until the next block starts, but no longer than its words take at the slowest
    plausible rate (:data:`~podium.talk_time.MIN_WPM`, one second per word), so a commercial
    break or a pause after a short remark is not speech; the last such block lasts its words
    at ``wpm``.
    """
    spans = []
    for i, block in enumerate(blocks):
        start = float(block.start_s)  # type: ignore[arg-type]
        n = sum(len(words(p)) for p in block.paragraphs)
        if block.end_s is not None:
            end = float(block.end_s)
        elif i + 1 < len(blocks):
            end = min(float(blocks[i + 1].start_s), start + max(n, 1) * 60.0 / MIN_WPM)  # type: ignore[arg-type]
        else:
            end = start + n * 60.0 / wpm
        end = max(start, end)
        speech = block.speech_s if block.speech_s is not None and block.end_s is not None else end - start
        spans.append((end, max(0.0, min(speech, end - start))))
    return spans


_FRONT_MATTER_RE = re.compile(r"\A---\n(?:.*\n)*?---\n?")
# A text that is nothing but tags (and whitespace between them), e.g. an XML data file.
_MARKUP_SHARE_RE = re.compile(r"(?:\s*<[^<>]+>[^<>]{0,40})+", re.DOTALL)
_CLOCK_LIKE_RE = re.compile(r"(?<![\d:])\d{1,4}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?![\d:])")


def _time_notices(blocks: list[Block], removed: list[str]) -> list[str]:
    """Sentences reporting impossible or inconsistent times in a reader's output.

    - A clock in the consumed text (labels, timestamps) that is impossible, such as
      ``99:99:99`` (:func:`~podium.formats.base.parse_clock` refuses it), is not used.
    - A block that ends before it starts keeps its start; its end is not used.
    - A block that starts before the previous block started (times going backwards) keeps
      its place in the transcript's order.
    """
    notices = []
    impossible = sorted(
        {m.group(0) for part in removed for m in _CLOCK_LIKE_RE.finditer(part) if parse_clock(m.group(0)) is None}
    )
    if impossible:
        shown = ", ".join(impossible[:3]) + (", ..." if len(impossible) > 3 else "")
        notices.append(f"Impossible times in the file were not used: {shown}.")
    backwards_end = sum(1 for b in blocks if b.start_s is not None and b.end_s is not None and b.end_s < b.start_s)
    if backwards_end:
        notices.append(
            f"{backwards_end} passage{'s' if backwards_end != 1 else ''} end{'' if backwards_end != 1 else 's'} "
            "before starting; only the start times were used for them."
        )
    starts = [b.start_s for b in blocks if b.start_s is not None]
    backwards = sum(1 for a, b in itertools.pairwise(starts) if b < a)
    if backwards:
        notices.append(
            f"Times go backwards {backwards} time{'s' if backwards != 1 else ''} in the file; "
            "turns are kept in the file's order, and talk time may be off there."
        )
    return notices


# ---------------------------------------------------------------------------
# Entry points

#: Text set aside as page text (headline, banners, unrecognised lines) is reported in a notice when
#: it holds at least this many words and this share of all the file's words: a headline and a
#: summary stay quiet, a transcript whose first labels were missed does not.
SET_ASIDE_NOTICE_MIN_WORDS = 5
#: The words that mark that notice, so the dashboard can show it with the page text (the Overview).
SET_ASIDE_MARKER = "kept as page text"
SET_ASIDE_NOTICE_SHARE = 0.05


def _split_preamble(preamble: list[str], fallback_title: str) -> tuple[str, str]:
    """Return ``(title, summary)`` from the paragraphs before the first turn."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*preamble, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    paragraphs = [p for p in paragraphs if not _MARKER_RE.match(p)]
    titles = [next((p for p in paragraphs if _looks_like_title(p)), None)]  # only the first is used
    titles = titles if titles[0] is not None else []
    title = re.sub(r"[\s\-_=*]{3,}$", "", titles[0]).strip() if titles else fallback_title
    later = paragraphs[paragraphs.index(titles[0]) + 1 :] if titles else paragraphs
    summary = [
        p
        for p in later
        if len(p.split()) >= 12 and len(p) <= 2000 and not _BANNER_RE.search(p) and not is_page_furniture(p)
    ]
    return title, "\n\n".join(summary)


# Page furniture that is never a headline.
_BANNER_RE = re.compile(
    r"official website|here's how you know|\.gov website|skip to|printable|menu|search|subscribe|cookie|"
    r"sign in|log in|print this|share this|^home(?:\b|(?=[A-Z]))|^the white house$|^webvtt|^office of|"
    r"^for immediate release|great seal|diplomacy in action|^revblog|"
    r"^-{3,}|^_{3,}|^\W*$",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(r"^[\d\s:.,/()apmAPMESTDT-]*$|^(?:\w+ )?\d{1,2},? \d{4}$|^\w+ \d{1,2}, \d{4}$")


def _looks_like_title(paragraph: str) -> bool:
    """True for a paragraph that can be a headline: some letters, not a banner or a dateline."""
    return (
        len(paragraph) <= 300  # first: counting the letters of a long paragraph is the slow test
        and sum(c.isalpha() for c in paragraph) >= 4
        and not _BANNER_RE.search(paragraph)
        and not _DATELINE_RE.match(paragraph)
        and ":" not in paragraph[:30].split(" ")[0]  # "tags: ...", "date: ..."
    )


_MARKER_RE = re.compile(r"^(?:video |full |audio )?transcript:?$", re.IGNORECASE)


def _speaking_notes(label: str) -> str:
    """The stage-direction notes of a label (``"(through interpreter)"`` of
    ``"PRESIDENT ALVAREZ (through interpreter)"``), joined by a space; ``""`` when it has none."""
    notes = re.findall(r"\([^()]*\)", label)
    return " ".join(notes) if notes and all(STAGE_DIRECTION_RE.fullmatch(n) for n in notes) else ""


def parse_text(
    text: str,
    *,
    name: str = "transcript.txt",
    wpm: float = DEFAULT_WPM,
    source_format: str = "auto",
    encoding: str = "utf-8",
    merge_aliases: bool = True,
    decode_notices: tuple[str, ...] = (),
    keep_suspect: bool = False,
    speakers: tuple[str, str] | None = None,
    workers: int = 1,
) -> Transcript:
    """Parse transcript text into a :class:`~podium.model.Transcript`.

    Parameters:
        text: the transcript's text as decoded (any line endings, spaces and quotes).
        name: the file name; helps detect the format, titles a page without a headline,
            and names downloads.
        wpm: words per minute for estimating times when the text has no timestamps.
        source_format: ``"auto"`` or a key of :data:`~podium.formats.FORMATS`.
        encoding: the encoding the text was decoded from, reported back.
        merge_aliases: merge labels that :func:`~podium.speakers.propose_aliases` finds
            to be one person (listed in ``Transcript.aliases``).
        decode_notices: sentences from decoding the file (repairs such as removed NUL bytes),
            put first among the transcript's notices.
        keep_suspect: count speech-recognition segments that look like hallucinations
            (Whisper loops, likely silence); by default they are left out, with a notice.
        speakers: ``(RTTM text, its file name)``: speaker segments that name, by time, the
            speakers of timed speech the transcript does not attribute (captions without names,
            Whisper output); see :class:`~podium.formats.rttm.SpeakerTimeline`.
        workers: processes for measuring turns (:func:`build_turns`); 1 from a page.

    Returns:
        The transcript. Text before the first speaker label becomes ``title``, ``summary``
        and ``metadata``, not turns. Text with no speaker labels at all becomes one turn
        by :data:`UNKNOWN_SPEAKER`, with a notice.

    Raises:
        ParseError: if the text holds no words, is not in the chosen format, or
            ``source_format`` is unknown.
    """
    if source_format not in FORMATS:
        raise ParseError(f"Unknown format {source_format!r}; choose one of {', '.join(FORMATS)}.")
    normalised = normalise_text(text)
    if not has_words(normalised):
        raise ParseError("The file holds no words to analyse.")
    fmt = formats.detect_format(text, name) if source_format == "auto" else source_format
    timeline = None
    if speakers is not None:
        try:
            timeline = read_speaker_timeline(normalise_text(speakers[0]))
        except ValueError as exc:
            raise ParseError(f"{speakers[1]}: {exc}") from exc
    try:
        result = formats.read(
            text if fmt in formats.RAW_TEXT_FORMATS else normalised,
            name=name,
            source_format=fmt,
            keep_suspect=keep_suspect,
            timeline=timeline,
        )
    except ValueError as exc:
        raise ParseError(str(exc)) from exc
    notices = [*decode_notices, *result.notices, *_time_notices(result.blocks, result.removed)]
    if timeline is not None:
        if not result.blocks or any(b.start_s is None for b in result.blocks):
            raise ParseError(
                f"{name} has no timestamps, so its words cannot be matched to the speakers of {speakers[1]} by time."
            )
        notices.append(
            f"Speakers were taken from {speakers[1]} by time (the speaker segment that overlaps each caption "
            "or word longest) wherever the transcript does not name them."
        )
    blocks = result.blocks
    metadata = list(result.metadata)
    if not any(b.paragraphs for b in blocks) and not any(b.keep_empty for b in blocks):
        if fmt == "stt_json":
            raise ParseError("The JSON file holds no transcribed words.")
        if fmt in ("youtube_json3", "ttml", "ass", "rttm"):
            raise ParseError(f"The {FORMATS[fmt].split(' (')[0]} file holds no captions with words.")
        if fmt == "subtitles":
            if source_format == "subtitles" and "-->" not in normalised:  # chosen under Read as
                raise ParseError(
                    "The file has no subtitle cues (no 'start --> end' time lines): read it as another format, "
                    "or let Podium detect it."
                )
            raise ParseError("The subtitle file holds no spoken text, only cue numbers and times.")
        if blocks and result.removed:
            raise ParseError("The file holds speaker labels but no speech after them.")
        front_matter = _FRONT_MATTER_RE.match(normalised)
        if front_matter:  # YAML front matter is metadata, never speech
            normalised = normalised[front_matter.end() :]
            if not has_words(normalised):
                raise ParseError("The file holds only front matter (title, date), no speech.")
        if normalised.lstrip().startswith("<?xml") or _MARKUP_SHARE_RE.fullmatch(normalised.strip()):
            raise ParseError("The file holds only markup (XML or HTML tags), no transcript text Podium can read.")
        if fmt == "html":
            normalised = normalise_text(html_to_text(text)[0])  # the page's text, never its markup or scripts
            if not has_words(normalised):
                raise ParseError("The web page holds no text to analyse (only markup or scripts).")
        metadata = []
        paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", normalised) if p.strip()]
        blocks = [Block(UNKNOWN_SPEAKER, paragraphs)]
        result.removed.clear()
        result.source_format = "plain"
        notices.append("No speaker labels were found, so all the text is attributed to one unknown speaker.")
    aliases: dict[str, list[str]] = {}
    if merge_aliases:
        canonical = propose_aliases([b.speaker for b in blocks])
        for label, target in canonical.items():
            if label != target:
                aliases.setdefault(target, [target]).append(label)
        for block in blocks:
            target = canonical.get(block.speaker, block.speaker)
            notes = _speaking_notes(block.speaker) if target != block.speaker else ""
            if notes and block.paragraphs:
                block.paragraphs[0] = f"{notes} {block.paragraphs[0]}"  # "(through interpreter)" stays visible
            block.speaker = target
        if aliases:
            listed = "; ".join(f"{k} = {' / '.join(v[1:])}" for k, v in aliases.items())
            notices.append(
                f"Labels taken to be the same person: {listed}. Switch off merging on the Speakers page to undo."
            )
    title, summary = _split_preamble([re.sub(r"^[\]\s|]+", "", line) for line in metadata], Path(name).stem)
    if result.title:
        title = result.title
    n_timed, n_passages = start_coverage(blocks)
    turns, timing = build_turns(blocks, wpm=wpm, workers=workers)
    if turns.empty:
        raise ParseError("No speech was found in the file.")
    if 0 < n_timed < n_passages:
        missing = n_passages - n_timed
        if timing == "source":
            notices.append(
                f"{missing:,} of {n_passages:,} passages have no time; their starts were placed between the "
                "neighbouring times in proportion to their words, so their talk time is approximate."
            )
        else:
            notices.append(
                f"Only {n_timed:,} of {n_passages:,} passages have a time, too few to time the rest: all times "
                "were estimated from words instead."
            )
    labelled_askers = bool((turns["role"] == "question").any())
    turns, inferred_roles = infer_roles(turns)
    if inferred_roles:
        listed = "; ".join(f"{speaker} {reason}" for speaker, reason in inferred_roles.items())
        if labelled_askers:
            notices.append(f"Taken to ask as well: {listed}. Change roles on the Speakers page.")
        else:
            notices.append(
                f"No label says who asks the questions, so roles were inferred from what speakers do. Taken to ask: "
                f"{listed}. Everyone else answers. Change roles on the Speakers page."
            )
    set_aside = len(words("\n".join(metadata)))  # the reader's own set-aside paragraphs have their notice
    if set_aside >= SET_ASIDE_NOTICE_MIN_WORDS and set_aside >= SET_ASIDE_NOTICE_SHARE * (
        set_aside + int(turns["n_words"].sum())
    ):
        plural = set_aside != 1
        notices.append(
            f"{set_aside:,} word{'s' if plural else ''} before the first speaker label or on lines that are not "
            f"speech (headline, summary, page furniture) {'were' if plural else 'was'} {SET_ASIDE_MARKER}, not "
            "counted as speech; the Overview lists them. If some of it is speech, check the speaker labels."
        )
    return Transcript(
        name=name,
        title=title,
        summary=summary,
        turns=turns,
        source_format=result.source_format or fmt,
        encoding=encoding,
        timing=timing,
        wpm=wpm if timing == "estimated" else None,
        notices=tuple(notices),
        metadata="\n\n".join(["\n".join(metadata), *result.set_aside]).strip("\n"),
        removed=tuple(result.removed),
        aliases=aliases,
        inferred_roles=inferred_roles,
    )


def parse_bytes(
    data: bytes,
    *,
    name: str,
    wpm: float = DEFAULT_WPM,
    source_format: str = "auto",
    merge_aliases: bool = True,
    keep_suspect: bool = False,
    speakers: tuple[bytes, str] | None = None,
    workers: int = 1,
) -> Transcript:
    """Decode and parse a transcript file's bytes; see :func:`parse_text`.

    A Word document (``.docx``, detected from its bytes) is read with python-docx
    (:func:`~podium.formats.docx.docx_text`) and its text parsed like any text file;
    its ``source_format`` is then ``"docx: <format of the text>"``. A PDF (detected from its
    bytes) is read with pypdf, its page furniture set aside (:func:`~podium.formats.pdf.pdf_text`);
    its ``source_format`` is ``"pdf: <format of the text>"``. ``speakers`` is an RTTM
    file's ``(bytes, name)`` whose speaker segments name the transcript's speakers by time.

    Raises:
        DecodeError: if the bytes are empty, binary or in no recognisable encoding.
        ParseError: if the text holds no transcript.
    """
    if source_format == "docx" or (source_format == "auto" and is_docx(data)):
        try:
            text = docx_text(data)
        except ValueError as exc:
            raise ParseError(str(exc)) from exc
        transcript = parse_text(text, name=name, wpm=wpm, encoding="docx", merge_aliases=merge_aliases)
        return dataclasses.replace(transcript, source_format=f"docx: {transcript.source_format}")
    if source_format == "pdf" or (source_format == "auto" and is_pdf(data)):
        try:
            text, furniture = pdf_text(data)
        except ValueError as exc:
            raise ParseError(str(exc)) from exc
        transcript = parse_text(text, name=name, wpm=wpm, encoding="pdf", merge_aliases=merge_aliases)
        notices = transcript.notices
        metadata = transcript.metadata
        if furniture:
            unique = list(dict.fromkeys(furniture))
            notices += (
                f"{len(furniture)} line(s) of page furniture (running headers and footers, page numbers) "
                "were set aside as page text, not speech.",
            )
            metadata = "\n".join([metadata, "Page furniture:", *unique]).strip()
        return dataclasses.replace(
            transcript,
            source_format=f"pdf: {transcript.source_format}",
            notices=notices,
            metadata=metadata,
            removed=transcript.removed + tuple(furniture),
        )
    decoded = decode(data)
    rttm = (decode_bytes(speakers[0])[0], speakers[1]) if speakers is not None else None
    return parse_text(
        decoded.text,
        name=name,
        wpm=wpm,
        source_format=source_format,
        encoding=decoded.encoding,
        decode_notices=decoded.notices,
        merge_aliases=merge_aliases,
        keep_suspect=keep_suspect,
        speakers=rttm,
        workers=workers,
    )


def read_transcript(
    path: str | Path,
    *,
    wpm: float = DEFAULT_WPM,
    source_format: str = "auto",
    keep_suspect: bool = False,
    speakers: str | Path | None = None,
    workers: int = 1,
) -> Transcript:
    """Read and parse a transcript file; see :func:`parse_text`. ``speakers`` is the path of an
    RTTM file whose speaker segments name the transcript's unattributed speech by time; ``workers``
    as in :func:`build_turns` (the command line's ``--jobs``).

    Raises:
        DecodeError: if the file is empty, binary or in no recognisable encoding.
        ParseError: if the text holds no transcript.
        OSError: if the file cannot be read.
    """
    path = Path(path)
    rttm = (Path(speakers).read_bytes(), Path(speakers).name) if speakers is not None else None
    return parse_bytes(
        path.read_bytes(),
        name=path.name,
        wpm=wpm,
        source_format=source_format,
        keep_suspect=keep_suspect,
        speakers=rttm,
        workers=workers,
    )


# Re-exported for callers that catch both.
__all__ += ["DecodeError", "ParseError"]
