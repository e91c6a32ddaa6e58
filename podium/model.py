"""The transcript model: metadata plus a turns table."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["TURN_COLUMNS", "ParseError", "Transcript", "filter_speakers"]

#: Columns of the turns table, in order, with their dtypes.
TURN_COLUMNS: dict[str, str] = {
    "turn_id": "int64",  # 0-based position in the transcript
    "speaker": "str",  # display name of the speaker
    "role": "str",  # "question", "answer" or "other"
    "text": "str",  # full text of the turn; paragraphs joined by a blank line
    "n_words": "int64",  # words, excluding stage directions
    "start_s": "float64",  # seconds from the start of the event
    "end_s": "float64",  # seconds from the start of the event
    "speech_s": "float64",  # seconds of speech in the turn: end_s - start_s less silences between its cues
    "cut_off": "bool",  # the turn ends with a cut-off marker (--, em/en dash, ...)
    "resumes": "bool",  # the turn starts with a dash: it picks up an interrupted turn
    "is_question": "bool",  # the turn contains a sentence ending in "?"
    "n_questions": "int64",  # questions the turn asks (podium.questions.count_questions)
    "n_stage_directions": "int64",  # stage directions such as "(Laughter.)" in the turn
    "speech_spans": "str",  # the turn's speech intervals, "start-end;start-end" in seconds (see podium.talk_time)
}


class ParseError(ValueError):
    """Raised when a file is readable text but holds no transcript Podium can parse."""


@dataclass(frozen=True)
class Transcript:
    """A parsed transcript.

    Attributes:
        name: file name the transcript came from (used to name downloads).
        title: headline of the page, or the file name when there is none.
        summary: text between the headline and the first turn, if any.
        turns: the turns table; see :data:`TURN_COLUMNS` for columns and dtypes.
        source_format: the format the parser read, e.g. ``"labelled_text"``.
        encoding: the text encoding the file was decoded with.
        timing: ``"estimated"`` (from words at ``wpm``) or ``"source"`` (timestamps in the file).
        wpm: words per minute used to estimate times, or ``None`` when times come from the source.
        notices: sentences for the reader about how the file was read.
        metadata: text of the source that is not speech (headline, front matter, banners).
        removed: structural text consumed by the parser (labels, timestamps, cue and line
            numbers); with ``metadata`` and the turns it accounts for every word of the source.
        aliases: ``{speaker: [labels]}`` for speakers found under several labels.
        inferred_roles: ``{speaker: reason}`` for speakers whose role was inferred from what they
            do rather than read from their label (see :func:`podium.roles.infer_roles`).
    """

    name: str
    title: str
    summary: str
    turns: pd.DataFrame
    source_format: str
    encoding: str = "utf-8"
    timing: str = "estimated"
    wpm: float | None = None
    notices: tuple[str, ...] = field(default_factory=tuple)
    metadata: str = ""
    removed: tuple[str, ...] = field(default_factory=tuple)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    inferred_roles: dict[str, str] = field(default_factory=dict)

    @property
    def speakers(self) -> list[str]:
        """Speakers in order of first appearance."""
        return list(dict.fromkeys(self.turns["speaker"]))


def filter_speakers(turns: pd.DataFrame, speakers: list[str] | None) -> pd.DataFrame:
    """Return the turns of ``speakers`` (all turns when ``speakers`` is empty or ``None``).

    The result is a new DataFrame with the same columns; ``turn_id`` keeps its values,
    so filtered turns still point into the whole transcript.
    """
    if not speakers:
        return turns
    return turns[turns["speaker"].isin(speakers)].reset_index(drop=True)
