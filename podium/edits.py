"""Speaker edits: rename, merge and set roles of labels; reassign, split or name one turn.

An edit is one row of a *speaker mapping* (:data:`MAPPING_COLUMNS`): the label as written in the
file, the speaker it becomes, the speaker's role, and for a per-turn fix the turn it touches.
Edits are applied to labels, then turns are rebuilt by the parse's own rule
(:func:`podium.parse.continues_turn`): consecutive turns of one speaker join, but consecutive
``Q`` turns stay apart, because two of them may be two reporters. So an edit changes only what
it names: renaming the official of a briefing never joins two reporters' questions.

The same mapping can be saved as CSV and applied to another transcript of a series; a row whose
label or turn is not in the transcript is reported (:class:`Unmatched`), never silently dropped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from itertools import pairwise

import pandas as pd

from .export import FORMULA_PREFIXES
from .model import TURN_COLUMNS, Transcript
from .parse import GENERIC_QUESTIONERS, continues_turn, measure_text
from .speakers import ROLES
from .talk_time import format_spans, parse_spans
from .text import words

__all__ = [
    "MAPPING_COLUMNS",
    "Mapping",
    "MappingError",
    "SpeakerEdit",
    "Unmatched",
    "apply_edits",
    "check_edits",
    "edit_transcript",
    "edited_turn_ids",
    "edits_to_frame",
    "follow_renames",
    "label_names",
    "read_mapping",
    "set_label_edit",
    "set_speaker_role",
    "split_points",
    "turn_names",
]

#: Columns of a speaker mapping CSV, in order. ``split_at`` is added after them only when the
#: edits include a split.
MAPPING_COLUMNS: tuple[str, ...] = ("turn_id", "label", "speaker", "role")


class MappingError(ValueError):
    """Raised when a speaker mapping file cannot be read as a mapping (not CSV, missing columns)."""


@dataclass(frozen=True)
class SpeakerEdit:
    """One speaker edit, one row of a speaker mapping.

    Attributes:
        label: the speaker label as written in the file (for a turn edit, the label of that turn).
        speaker: the name the label (or turn, or part of a turn) gets; ``""`` keeps the name.
        role: ``"question"``, ``"answer"`` or ``"other"`` for the resulting speaker; ``""`` keeps it.
        turn_id: ``None`` for an edit of every turn of ``label``; else the id of the one turn, as
            numbered by the parse (before any edit).
        split_at: for a split, the character offset in the turn's text where the part given to
            ``speaker`` starts (it runs to the next split or the end of the turn); ``None`` otherwise.
    """

    label: str
    speaker: str = ""
    role: str = ""
    turn_id: int | None = None
    split_at: int | None = None

    @property
    def key(self) -> tuple:
        """What the edit addresses; a later edit with the same key replaces an earlier one."""
        return (self.label if self.turn_id is None else None, self.turn_id, self.split_at)

    def describe(self) -> str:
        """A sentence for the list of edits, e.g. ``Turn 86 (Q): give it to MS. PSAKI.`` (turns are
        numbered from 1 where people read them: turn ``turn_id + 1``)."""
        what = []
        if self.speaker:
            what.append(f"name it {self.speaker}" if self.turn_id is None else f"give it to {self.speaker}")
        if self.role:
            what.append(f"role {self.role}")
        change = ", ".join(what) or "no change"
        if self.turn_id is None:
            return f"Label {self.label}: {change}."
        if self.split_at is None:
            return f"Turn {self.turn_id + 1} ({self.label}): {change}."
        return f"Turn {self.turn_id + 1} ({self.label}), from character {self.split_at}: split off, {change}."


@dataclass(frozen=True)
class Unmatched:
    """A mapping row that could not be applied, and why (one sentence)."""

    edit: SpeakerEdit
    reason: str
    row: int | None = None  # 1-based data row of the mapping file, when read from one

    def __str__(self) -> str:
        where = f"Row {self.row}" if self.row is not None else "An edit"
        return f"{where} ({self.edit.describe()[:-1]}) was not applied: {self.reason}"


# ---------------------------------------------------------------------------
# Checking edits against a transcript


def _canonical_labels(turns: pd.DataFrame, aliases: dict[str, list[str]] | None) -> dict[str, str]:
    """``{label as written: label in the turns}``: each speaker, and each alias merged into one."""
    labels = {s: s for s in dict.fromkeys(turns["speaker"])}
    for target, variants in (aliases or {}).items():
        for variant in variants:
            labels.setdefault(variant, target)
    return labels


def check_edits(
    turns: pd.DataFrame, edits: list[SpeakerEdit], *, aliases: dict[str, list[str]] | None = None
) -> tuple[list[SpeakerEdit], list[Unmatched]]:
    """Split ``edits`` into those that apply to ``turns`` and those that do not.

    Parameters:
        turns: the turns table as parsed (turn ids as the parse numbered them).
        edits: the edits, in the order they were made.
        aliases: ``Transcript.aliases``; a label that the parse merged into another person's
            label (``MR. LITTLE`` into ``GEORGE LITTLE``) is applied to that person.

    Returns:
        ``(applicable, unmatched)``. An applicable edit has its label replaced by the label
        in ``turns``. An edit is unmatched when its label is not in the transcript, its turn
        does not exist or is by another label (a per-turn row from another transcript), its
        split offset is not the start of a word inside the turn, its role is unknown, or it
        changes nothing.
    """
    labels = _canonical_labels(turns, aliases)
    texts = dict(zip(turns["turn_id"], turns["text"], strict=True))
    by_turn = dict(zip(turns["turn_id"], turns["speaker"], strict=True))
    ok, bad = [], []
    for edit in edits:
        reason = None
        label = labels.get(edit.label)
        if edit.role and edit.role not in ROLES:
            reason = f"the role “{edit.role}” is not one of {', '.join(ROLES)}."
        elif not edit.speaker and not edit.role:
            reason = "it gives neither a speaker nor a role."
        elif edit.turn_id is None:
            if label is None:
                reason = f"no speaker is labelled “{edit.label}” in this transcript."
        elif edit.turn_id not in by_turn:
            reason = f"this transcript has no turn {edit.turn_id} (its turns are 0 to {len(turns) - 1})."
        elif by_turn[edit.turn_id] != label:
            reason = f"turn {edit.turn_id} is by {by_turn[edit.turn_id]} in this transcript, not {edit.label}."
        elif edit.split_at is not None and edit.split_at not in split_points(texts[edit.turn_id]):
            reason = f"character {edit.split_at} is not the start of a word inside turn {edit.turn_id}."
        if reason:
            bad.append(Unmatched(edit, reason))
        else:
            ok.append(replace(edit, label=label) if label != edit.label else edit)
    return ok, bad


def split_points(text: str) -> list[int]:
    """Offsets in ``text`` where a turn may be split: the start of every word but the first.

    Words are those of :func:`podium.text.words` (a stage direction such as ``(Laughter.)`` is not
    a split point, the word after it is).
    """
    offsets = []
    position = 0
    for word in words(text):
        found = text.find(word, position)
        if found < 0:  # words() folds curly apostrophes; look for the word as written
            found = text.find(word.replace("'", "\u2019"), position)
        if found < 0:
            continue
        if found > 0:
            offsets.append(found)
        position = found + len(word)
    return offsets


# ---------------------------------------------------------------------------
# Applying edits


def label_names(edits: list[SpeakerEdit], labels: list[str]) -> dict[str, str]:
    """Return ``{label: speaker name}`` after the whole-label edits in ``edits`` (later edits win)."""
    names = {label: label for label in labels}
    for edit in edits:
        if edit.turn_id is None and edit.speaker and edit.label in names:
            names[edit.label] = edit.speaker
    return names


@dataclass
class _Segment:
    """A turn or a part of one, before turns are rebuilt."""

    label: str  # the label in force: the turn's label, or the speaker a turn edit gave it
    speaker: str  # the name shown
    default_role: str
    text: str
    n_words: int
    start_s: float
    end_s: float
    speech_s: float
    speech_spans: str = ""  # the part's speech intervals ("start-end;start-end", seconds)
    joiner: str | None = None  # for a later part of a split turn: the spaces that preceded it in the turn
    source: int = 0  # the parsed turn it comes from


def _segments(turns: pd.DataFrame, edits: list[SpeakerEdit], names: dict[str, str]) -> list[_Segment]:
    """Cut ``turns`` at their splits and give each part its label and name."""
    label_roles = turns.groupby("speaker", sort=False)["role"].first().to_dict()
    per_turn: dict[int, dict[int, SpeakerEdit]] = {}
    for edit in edits:
        if edit.turn_id is not None:
            per_turn.setdefault(edit.turn_id, {})[edit.split_at or 0] = edit
    segments = []
    for turn in turns.itertuples(index=False):
        fixes = per_turn.get(turn.turn_id, {})
        cuts = sorted(fixes)
        if not cuts or cuts[0] != 0:
            cuts = [0, *cuts]
        bounds = [*cuts, len(turn.text)]
        raw = [turn.text[a:b] for a, b in pairwise(bounds)]
        parts = [p.strip() for p in raw]
        joiners = [None] + [
            prev[len(prev.rstrip()) :] + cur[: len(cur) - len(cur.lstrip())] for prev, cur in pairwise(raw)
        ]
        counts = [len(words(p)) for p in parts]
        total = sum(counts) or 1
        duration, done = turn.end_s - turn.start_s, 0
        intervals = parse_spans(turn.speech_spans)
        for cut, part, n, joiner in zip(cuts, parts, counts, joiners, strict=True):
            fix = fixes.get(cut)
            label = fix.speaker if fix is not None and fix.speaker else turn.speaker
            share = n / total if sum(counts) else (1.0 if cut == 0 else 0.0)
            window = (turn.start_s + duration * done, turn.start_s + duration * (done + share))
            clipped = [(max(a, window[0]), min(b, window[1])) for a, b in intervals]
            part_spans = turn.speech_spans if len(parts) == 1 else format_spans([(a, b) for a, b in clipped if b > a])
            segments.append(
                _Segment(
                    label=label,
                    speaker=names.get(label, label),
                    default_role=label_roles.get(label, turn.role),
                    text=part,
                    n_words=n,
                    start_s=turn.start_s + duration * done,
                    end_s=turn.start_s + duration * (done + share),
                    speech_s=turn.speech_s * share,
                    speech_spans=part_spans,
                    joiner=joiner,
                    source=turn.turn_id,
                )
            )
            done += share
    return segments


def _join_key(segment: _Segment) -> str:
    """The label the parse's rule compares: a generic questioner's label (``Q``) stays generic
    whatever it is renamed to, so its turns never join; any other label is compared by name."""
    return segment.label if segment.label in GENERIC_QUESTIONERS else segment.speaker


def apply_edits(
    turns: pd.DataFrame, edits: list[SpeakerEdit], *, aliases: dict[str, list[str]] | None = None
) -> tuple[pd.DataFrame, list[Unmatched]]:
    """Apply speaker edits to a parsed turns table; return ``(new turns, unmatched edits)``.

    Steps: keep the edits :func:`check_edits` accepts; cut turns at their splits; give each
    part the label of its turn edit or of its turn, then the name of that label's latest edit;
    rebuild turns by :func:`podium.parse.continues_turn` (consecutive parts of one speaker join,
    consecutive generic questioner parts such as ``Q`` never do); set roles.

    Roles are per speaker: the latest edit that sets a role for the speaker, else the role of
    the speaker's first part (a label's parsed role; a part of a turn given a new name keeps its
    turn's role).

    Parameters:
        turns: the turns table as parsed (columns of :data:`~podium.model.TURN_COLUMNS`).
        edits: edits in the order made; a later edit with the same :attr:`SpeakerEdit.key` wins.
        aliases: ``Transcript.aliases``, to apply a row for a merged label to its person.

    Returns:
        A new turns table (columns of :data:`~podium.model.TURN_COLUMNS`, ``turn_id`` renumbered
        from 0 if turns were joined or split) and the :class:`Unmatched` edits. Joined turns'
        texts are separated by a blank line; their times run from the first start to the last
        end and ``speech_s`` adds up. A split part gets a share of its turn's time and speech in
        proportion to its words. Without edits, ``turns`` is returned as is.
    """
    out, _, unmatched = _rebuild(turns, edits, aliases)
    return out, unmatched


def edited_turn_ids(
    turns: pd.DataFrame, edits: list[SpeakerEdit], *, aliases: dict[str, list[str]] | None = None
) -> dict[int, int]:
    """Return ``{parsed turn id: id of the edited turn holding its (first part's) words}``.

    Joining and splitting renumber turns; this says where each turn of the file went, e.g. to
    show "turn 86 as read, now turn 85". Without edits every id maps to itself.
    """
    _, sources, _ = _rebuild(turns, edits, aliases)
    if sources is None:
        return {int(t): int(t) for t in turns["turn_id"]}
    where: dict[int, int] = {}
    for edited_id, parts in enumerate(sources):
        for source in parts:
            where.setdefault(source, edited_id)
    return where


def _rebuild(
    turns: pd.DataFrame, edits: list[SpeakerEdit], aliases: dict[str, list[str]] | None
) -> tuple[pd.DataFrame, list[list[int]] | None, list[Unmatched]]:
    """The work of :func:`apply_edits`; also returns, per new turn, the parsed turns it holds
    (``None`` when no edit applies and ``turns`` is returned as is)."""
    applicable, unmatched = check_edits(turns, edits, aliases=aliases)
    if not applicable:
        return turns, None, unmatched
    latest = list({e.key: e for e in applicable}.values())
    names = label_names(latest, list(dict.fromkeys(turns["speaker"])))
    segments = _segments(turns, latest, names)

    roles: dict[str, str] = {}
    for edit in latest:
        if edit.role:
            target = edit.label if edit.turn_id is None else (edit.speaker or edit.label)
            roles[names.get(target, target)] = edit.role
    for segment in segments:
        roles.setdefault(segment.speaker, segment.default_role)

    rows: list[dict] = []
    sources: list[list[int]] = []
    previous: _Segment | None = None
    for segment in segments:
        if not segment.text:
            continue
        if previous is not None and continues_turn(_join_key(previous), _join_key(segment)):
            row = rows[-1]
            # parts of one split turn join as they were written; turns join as paragraphs
            row["text"] += (segment.joiner if segment.joiner is not None else "\n\n") + segment.text
            row["end_s"] = max(row["end_s"], segment.end_s)
            row["speech_s"] += segment.speech_s
            row["speech_spans"] = ";".join(x for x in (row["speech_spans"], segment.speech_spans) if x)
            sources[-1].append(segment.source)
        else:
            sources.append([segment.source])
            rows.append(
                {
                    "speaker": segment.speaker,
                    "role": roles[segment.speaker],
                    "text": segment.text,
                    "start_s": segment.start_s,
                    "end_s": segment.end_s,
                    "speech_s": segment.speech_s,
                    "speech_spans": segment.speech_spans,
                }
            )
        previous = segment
    out = pd.DataFrame([{**row, **measure_text(row["text"])} for row in rows])
    out.insert(0, "turn_id", range(len(out)))
    return out[list(TURN_COLUMNS)].astype(TURN_COLUMNS), sources, unmatched


def edit_transcript(transcript: Transcript, edits: list[SpeakerEdit]) -> tuple[Transcript, list[Unmatched]]:
    """Apply :func:`apply_edits` to a transcript; return ``(edited transcript, unmatched edits)``."""
    turns, unmatched = apply_edits(transcript.turns, edits, aliases=transcript.aliases)
    return replace(transcript, turns=turns), unmatched


def follow_renames(
    speakers: list[str], before: list[SpeakerEdit], after: list[SpeakerEdit], labels: list[str]
) -> list[str]:
    """Return a speaker filter that follows renamed speakers from edits ``before`` to ``after``.

    A chosen name that one or more labels had becomes the names those labels have now (a merge
    keeps one name); any other chosen name is kept as is. Order is kept, duplicates dropped.
    """
    old, new = label_names(before, labels), label_names(after, labels)
    out: list[str] = []
    for name in speakers:
        matched = [new[label] for label in labels if old[label] == name]
        out.extend(matched or [name])
    return list(dict.fromkeys(out))


def set_label_edit(edits: list[SpeakerEdit], label: str, *, speaker: str, role: str) -> list[SpeakerEdit]:
    """Return ``edits`` with the whole-label edit of ``label`` replaced by one giving ``speaker`` and ``role``.

    Empty ``speaker`` and ``role`` remove the label's edit. The edit moves to the end of the list
    (it is the latest).
    """
    kept = [e for e in edits if not (e.turn_id is None and e.label == label)]
    if speaker or role:
        kept.append(SpeakerEdit(label=label, speaker=speaker, role=role))
    return kept


def turn_names(turns: pd.DataFrame, edits: list[SpeakerEdit]) -> list[str]:
    """Return, for each parsed turn, the name its (first part's) speaker has after ``edits``.

    ``edits`` must already be checked (:func:`check_edits`); the list follows ``turns``' rows.
    """
    names = label_names(edits, list(dict.fromkeys(turns["speaker"])))
    heads = {e.turn_id: e.speaker for e in edits if e.turn_id is not None and e.split_at is None and e.speaker}
    out = []
    for turn_id, label in zip(turns["turn_id"], turns["speaker"], strict=True):
        label = heads.get(turn_id, label)
        out.append(names.get(label, label))
    return out


def set_speaker_role(edits: list[SpeakerEdit], speaker: str, role: str, labels: list[str]) -> list[SpeakerEdit]:
    """Return ``edits`` with ``speaker`` (a name after the edits) given ``role``.

    The role goes on the whole-label edit of the first label with that name (keeping its name),
    or, for a name given only to single turns, on the latest of those turn edits.
    """
    names = label_names(edits, labels)
    for label in labels:
        if names[label] == speaker:
            current = next((e for e in edits if e.turn_id is None and e.label == label), None)
            return set_label_edit(edits, label, speaker=current.speaker if current else "", role=role)
    for i in range(len(edits) - 1, -1, -1):
        if edits[i].turn_id is not None and edits[i].speaker == speaker:
            return [*edits[:i], replace(edits[i], role=role), *edits[i + 1 :]]
    return list(edits)


# ---------------------------------------------------------------------------
# Mapping files


def edits_to_frame(edits: list[SpeakerEdit]) -> pd.DataFrame:
    """Return edits as a mapping table: columns :data:`MAPPING_COLUMNS` (all str; ``turn_id`` empty
    for a whole-label edit, ``role`` empty when unchanged), plus ``split_at`` (str) when an edit is a split."""
    frame = pd.DataFrame(
        {
            "turn_id": ["" if e.turn_id is None else str(e.turn_id) for e in edits],
            "label": [e.label for e in edits],
            "speaker": [e.speaker for e in edits],
            "role": [e.role for e in edits],
            "split_at": ["" if e.split_at is None else str(e.split_at) for e in edits],
        },
        dtype="str",
    )
    return frame if any(e.split_at is not None for e in edits) else frame[list(MAPPING_COLUMNS)]


def _cell(value: str | None) -> str:
    """A cell as written by :func:`podium.export.to_csv_bytes`, its formula guard removed."""
    value = (value or "").strip()
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_PREFIXES:
        return value[1:]
    return value


@dataclass(frozen=True)
class Mapping:
    """A speaker mapping read from a file: its edits, their row numbers, and the rows not readable."""

    edits: list[SpeakerEdit]
    rows: list[int]  # 1-based data row of each edit in the file
    unreadable: list[Unmatched]

    def check(
        self, turns: pd.DataFrame, *, aliases: dict[str, list[str]] | None = None
    ) -> tuple[list[SpeakerEdit], list[Unmatched]]:
        """:func:`check_edits` for this mapping; unmatched rows carry their row numbers, unreadable
        rows come first. Returns ``(applicable edits, every row not applied)``."""
        ok, bad = check_edits(turns, self.edits, aliases=aliases)
        row_of = {id(e): r for e, r in zip(self.edits, self.rows, strict=True)}
        numbered = [replace(u, row=row_of.get(id(u.edit))) for u in bad]
        return ok, sorted([*self.unreadable, *numbered], key=lambda u: u.row or 0)


def read_mapping(data: bytes | str) -> Mapping:
    """Read a speaker mapping CSV (as downloaded: UTF-8 with or without BOM, or Windows-1252).

    A row whose ``turn_id`` or ``split_at`` is not a whole number, or whose label is empty, is
    kept in :attr:`Mapping.unreadable` with its row number, not dropped silently. Column names are
    matched without regard to case or surrounding spaces; extra columns are ignored.

    Raises:
        MappingError: if the file is not text or lacks one of the columns ``label``, ``speaker``,
            ``role`` (``turn_id`` may be missing: every row is then a whole-label edit).
    """
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise MappingError("The mapping is not a text file.")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            data = data.decode("cp1252", errors="replace")
    reader = csv.DictReader(io.StringIO(data, newline=""))
    fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
    missing = [c for c in ("label", "speaker", "role") if c not in fields]
    if missing:
        raise MappingError(
            f"The mapping has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''}; "
            f"it needs the columns {', '.join(MAPPING_COLUMNS)}."
        )
    edits, rows, bad = [], [], []
    for number, row in enumerate(reader, start=1):
        cells = {k: _cell(row.get(f)) for k, f in fields.items()}
        edit = SpeakerEdit(label=cells["label"], speaker=cells["speaker"], role=cells["role"].lower())
        try:
            turn_id = int(cells["turn_id"]) if cells.get("turn_id") else None
            split_at = int(cells["split_at"]) if cells.get("split_at") else None
        except ValueError:
            bad.append(Unmatched(edit, "its turn_id or split_at is not a whole number.", number))
            continue
        edit = replace(edit, turn_id=turn_id, split_at=split_at if turn_id is not None else None)
        if not edit.label:
            bad.append(Unmatched(edit, "its label is empty.", number))
            continue
        edits.append(edit)
        rows.append(number)
    return Mapping(edits, rows, bad)
