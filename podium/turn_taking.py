"""Turn-taking: speaker changes, interruptions, crosstalk, waits between turns, who asked whom.

Every measure works on a turns table (:data:`podium.model.TURN_COLUMNS`) in transcript order and
states its rule in its docstring; the Speaker time page repeats the rules in its method note.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .talk_time import parse_spans
from .text import STAGE_DIRECTION_RE

__all__ = [
    "CROSSTALK_COLUMNS",
    "INTERRUPTION_COLUMNS",
    "MIN_OVERLAP_S",
    "QUESTION_COLUMNS",
    "TURN_TAKING_COLUMNS",
    "crosstalk",
    "interruptions",
    "questions",
    "speaker_changes",
    "turn_taking_table",
]

#: In timed sources, a new speaker interrupts when their turn starts at least this many seconds
#: before the previous speaker's last speech ends; smaller overlaps are timing jitter of
#: subtitle cues and speech-to-text words, not two people talking at once.
MIN_OVERLAP_S: float = 0.5

#: Columns of :func:`interruptions`, with dtypes.
INTERRUPTION_COLUMNS: dict[str, str] = {
    "turn_id": "int64",  # the interrupting turn
    "interrupter": "str",
    "interrupted": "str",
    "interrupted_turn_id": "int64",
    "at_s": "float64",  # seconds from the start, when the interrupting turn starts
    "overlap_s": "float64",  # seconds the interrupter started before the other's speech ended (0 if none)
    "rule": "str",  # "cut-off marker", "overlap" or "cut-off marker and overlap"
    "cut_off_words": "str",  # the last words of the interrupted turn
}
#: Columns of :func:`crosstalk`, with dtypes.
CROSSTALK_COLUMNS: dict[str, str] = {"turn_id": "int64", "speaker": "str", "at_s": "float64", "marker": "str"}
#: Columns of :func:`questions`, with dtypes.
QUESTION_COLUMNS: dict[str, str] = {"questioner": "str", "answerer": "str", "n_questions": "int64"}
#: Columns of :func:`turn_taking_table`, with dtypes.
TURN_TAKING_COLUMNS: dict[str, str] = {
    "speaker": "str",
    "interruptions_made": "int64",
    "times_interrupted": "int64",
    "crosstalk_markers": "int64",
    "questions_asked": "int64",
    "questions_received": "int64",
    "mean_wait_turns": "float64",  # other speakers' turns between two of the speaker's turns, mean
    "mean_wait_s": "float64",  # seconds from the end of one of the speaker's turns to the start of the next, mean
}

_CROSSTALK_RE = re.compile(
    r"cross[\s-]?talk|simultaneous conversation|overlapping|talking over|speaking over|interruption|interrupted",
    re.IGNORECASE,
)
_CROSSTALK_SPEAKERS = {"CROSSTALK", "MULTIPLE SPEAKERS", "SEVERAL SPEAKERS", "ALL"}
_NO_ANSWER = "(no answer)"


def speaker_changes(turns: pd.DataFrame) -> int:
    """Number of places where one turn's speaker differs from the previous turn's."""
    speakers = turns["speaker"].to_numpy()
    return int((speakers[1:] != speakers[:-1]).sum()) if len(speakers) > 1 else 0


def _last_words(text: str, n: int = 10) -> str:
    words = STAGE_DIRECTION_RE.sub(" ", text).split()
    return ("… " if len(words) > n else "") + " ".join(words[-n:])


def interruptions(turns: pd.DataFrame, *, timed: bool) -> pd.DataFrame:
    """Every interruption, under this rule: turn *i + 1* interrupts turn *i* when they have different
    speakers and either

    - turn *i* ends on a cut-off marker (``--``, a dash, an ellipsis: its ``cut_off`` flag), or
    - (``timed`` sources only) turn *i + 1* starts at least :data:`MIN_OVERLAP_S` seconds before
      turn *i*'s speech ends.

    Only consecutive turns are compared. Speaker filters do not apply here: pass the whole table
    and filter the result, so that an interruption by a hidden speaker still counts.

    Returns:
        One row per interruption with the columns of :data:`INTERRUPTION_COLUMNS`, in order.
    """
    rows = []
    # only the turns where the speaker changes are looked at (untimed: only those ending cut off),
    # and only the texts of interrupted turns are read (a 50 MB transcript has 145,000 turns)
    speaker = turns["speaker"].to_numpy(dtype=object)
    cut_off = turns["cut_off"].to_numpy(dtype=bool)
    changes = np.flatnonzero(speaker[:-1] != speaker[1:]) if len(speaker) > 1 else np.empty(0, dtype=np.intp)
    if not timed:
        changes = changes[cut_off[changes]]
    turn_id = turns["turn_id"].tolist()
    start_s = turns["start_s"].to_numpy(dtype="float64")
    end_s = turns["end_s"].to_numpy(dtype="float64") if timed else start_s
    spans = turns["speech_spans"] if timed and "speech_spans" in turns else None
    texts = turns["text"]
    for i in changes.tolist():
        if timed:
            last = parse_spans(spans.iat[i]) if spans is not None and spans.iat[i] else []
            overlap = max(0.0, (last[-1][1] if last else float(end_s[i])) - float(start_s[i + 1]))
        else:
            overlap = 0.0
        overlapping = timed and overlap >= MIN_OVERLAP_S
        before_cut = bool(cut_off[i])
        if not (before_cut or overlapping):
            continue
        rule = " and ".join(r for r, on in (("cut-off marker", before_cut), ("overlap", overlapping)) if on)
        rows.append(
            (
                turn_id[i + 1],
                speaker[i + 1],
                speaker[i],
                turn_id[i],
                float(start_s[i + 1]),
                overlap,
                rule,
                _last_words(texts.iat[i]),
            )
        )
    return pd.DataFrame(rows, columns=list(INTERRUPTION_COLUMNS)).astype(INTERRUPTION_COLUMNS)


def crosstalk(turns: pd.DataFrame) -> pd.DataFrame:
    """Crosstalk markers: stage directions such as ``[crosstalk]``, ``(CROSSTALK)``, ``[overlapping
    voices]``, ``(simultaneous conversation)``, ``(interruption)``, and turns labelled ``CROSSTALK``
    or ``MULTIPLE SPEAKERS``. Counted apart from interruptions: a marker says people talked at once,
    not who cut in on whom. A marker belongs to the turn it is written in.

    Returns:
        One row per marker with the columns of :data:`CROSSTALK_COLUMNS`.
    """
    rows = []
    text = turns["text"]
    # every stage direction starts with "(", "[" or "♪": other turns' texts are not scanned
    has_marks = np.zeros(len(text), dtype=bool)
    for opening in "([\u266a" if len(text) else "":
        has_marks |= text.str.contains(opening, regex=False).to_numpy(dtype=bool)
    # the label test once per speaker; only turns with a crosstalk label or a mark are visited
    speaker = turns["speaker"].tolist()
    labelled = {name: name.upper().strip() in _CROSSTALK_SPEAKERS for name in set(speaker)}
    visit = has_marks | np.fromiter((labelled[name] for name in speaker), dtype=bool, count=len(speaker))
    turn_id = turns["turn_id"].tolist()
    start_s = turns["start_s"].to_numpy(dtype="float64")
    for i in np.flatnonzero(visit).tolist():
        if labelled[speaker[i]]:
            rows.append((turn_id[i], speaker[i], float(start_s[i]), f"speaker label {speaker[i]}"))
        if not has_marks[i]:
            continue
        for match in STAGE_DIRECTION_RE.finditer(text.iat[i]):
            if _CROSSTALK_RE.search(match.group(0)):
                rows.append((turn_id[i], speaker[i], float(start_s[i]), match.group(0)))
    return pd.DataFrame(rows, columns=list(CROSSTALK_COLUMNS)).astype(CROSSTALK_COLUMNS)


def _question_rows(turns: pd.DataFrame) -> list[tuple[str, str]]:
    speaker, role = turns["speaker"].tolist(), turns["role"].tolist()
    # asks as the Q&A pairs count it: a question mark or a question's form ("How would you ensure ... .")
    is_question = (turns["n_questions"] > 0).tolist() if "n_questions" in turns else turns["is_question"].tolist()
    n = len(speaker)
    out = []
    for i in range(n):
        if role[i] != "question" or not is_question[i]:
            continue
        answered = i + 1 < n and speaker[i + 1] != speaker[i] and role[i + 1] != "question"
        out.append((speaker[i], speaker[i + 1] if answered else _NO_ANSWER))
    return out


def questions(turns: pd.DataFrame) -> pd.DataFrame:
    """Questions per questioner and answerer. A question is a turn by a speaker in the ``question``
    role (reporters, moderators, interviewers) that asks at least one question (``n_questions``: a
    question mark or a question's form, as :func:`podium.qa.qa_pairs` counts them); the answerer is the
    speaker of the next turn when that is another speaker not in the ``question`` role, else
    ``(no answer)`` (a follow-up by another reporter, or the end of the transcript).

    Returns:
        One row per (questioner, answerer) with the columns of :data:`QUESTION_COLUMNS`, most
        questions first.
    """
    pairs = pd.DataFrame(_question_rows(turns), columns=["questioner", "answerer"])
    if pairs.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in QUESTION_COLUMNS.items()})
    table = pairs.groupby(["questioner", "answerer"], sort=False).size().rename("n_questions").reset_index()
    table = table.sort_values("n_questions", ascending=False, kind="stable").reset_index(drop=True)
    return table.astype(QUESTION_COLUMNS)


def _waits(turns: pd.DataFrame) -> pd.DataFrame:
    """Mean wait per speaker between two consecutive turns of theirs, in other turns and seconds
    (NaN with one turn); one vectorised pass, not a loop over speakers (10,000 speakers)."""
    codes, names = pd.factorize(turns["speaker"], sort=False)
    if not len(names):
        return pd.DataFrame(columns=["mean_wait_turns", "mean_wait_s"], index=pd.Index([], name="speaker"))
    order = np.argsort(codes, kind="stable")  # each speaker's turns together, in transcript order
    code = codes[order]
    same = code[1:] == code[:-1]  # a pair of consecutive turns of one speaker
    between = np.diff(order)[same] - 1
    starts = turns["start_s"].to_numpy(dtype="float64")[order]
    ends = turns["end_s"].to_numpy(dtype="float64")[order]
    seconds = np.maximum(0.0, starts[1:] - ends[:-1])[same]
    who = code[1:][same]
    n = np.bincount(who, minlength=len(names)).astype("float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_turns = np.bincount(who, weights=between, minlength=len(names)) / n
        mean_s = np.bincount(who, weights=seconds, minlength=len(names)) / n
    index = pd.Index(names, name="speaker")
    return pd.DataFrame({"mean_wait_turns": mean_turns, "mean_wait_s": mean_s}, index=index)


def turn_taking_table(turns: pd.DataFrame, *, timed: bool, found: pd.DataFrame | None = None) -> pd.DataFrame:
    """Turn-taking per speaker: interruptions made and suffered (:func:`interruptions`), crosstalk
    markers in their turns (:func:`crosstalk`), questions asked and received (:func:`questions`;
    ``(no answer)`` is not a speaker) and the average wait between two of their turns, in turns of
    other speakers and in seconds (from the end of one turn to the start of their next).

    Parameters:
        turns: the whole transcript's turns table, in order.
        timed: the times come from the source (enables the overlap rule of interruptions).
        found: ``interruptions(turns, timed=timed)`` when the caller has it already (the export
            writes it too); computed when None.

    Returns:
        One row per speaker, in order of first appearance, with the columns of
        :data:`TURN_TAKING_COLUMNS`; waits are NaN for a speaker with one turn.
    """
    order = list(dict.fromkeys(turns["speaker"]))
    if found is None:
        found = interruptions(turns, timed=timed)
    markers = crosstalk(turns)
    asked = pd.DataFrame(_question_rows(turns), columns=["questioner", "answerer"])
    table = pd.DataFrame(index=pd.Index(order, name="speaker"))
    table["interruptions_made"] = found["interrupter"].value_counts()
    table["times_interrupted"] = found["interrupted"].value_counts()
    table["crosstalk_markers"] = markers["speaker"].value_counts()
    table["questions_asked"] = asked["questioner"].value_counts()
    table["questions_received"] = asked["answerer"].value_counts()
    counts = [c for c in TURN_TAKING_COLUMNS if c not in ("speaker", "mean_wait_turns", "mean_wait_s")]
    table[counts] = table[counts].fillna(0)
    table = table.join(_waits(turns)).reset_index()
    return table[list(TURN_TAKING_COLUMNS)].astype(TURN_TAKING_COLUMNS)
