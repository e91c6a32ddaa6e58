"""Stage directions: what happened besides speech, counted per transcript."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from .text import stage_directions

__all__ = ["STAGE_COLUMNS", "stage_direction_table"]

STAGE_COLUMNS: dict[str, str] = {
    "stage_direction": "str",  # normalised: lower case, no brackets or final period ("laughter")
    "count": "int64",  # occurrences in the turns
    "n_turns": "int64",  # turns it occurs in
    "example": "str",  # one occurrence as written, e.g. "(Laughter.)"
}


def _kind(direction: str) -> str:
    if direction.startswith("\u266a"):
        return "singing"  # "♪ lyrics ♪": the kind, not the lyrics
    inner = direction.strip()[1:-1].strip().rstrip(".").lower()
    inner = re.sub(r"\s*\d{1,2}:\d{2}(?::\d{2})?", "", inner)  # "[crosstalk 00:06:51]"
    return re.sub(r"\s+", " ", inner).strip()


def stage_direction_table(turns: pd.DataFrame) -> pd.DataFrame:
    """Count the stage directions in ``turns`` (``(Laughter.)``, ``[crosstalk]``, ``(inaudible)``, ...).

    Returns one row per kind with the columns of :data:`STAGE_COLUMNS`, most frequent first.
    Stage directions are found by :data:`podium.text.STAGE_DIRECTION_RE`; they stay in the
    turns' text and are excluded from word counts and phrases.
    """
    counts: Counter[str] = Counter()
    turn_counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for text in turns["text"]:
        found = stage_directions(text)
        kinds = [_kind(d) for d in found]
        counts.update(kinds)
        turn_counts.update(set(kinds))
        for kind, d in zip(kinds, found, strict=True):
            examples.setdefault(kind, re.sub(r"\s+", " ", d))
    rows = [
        {"stage_direction": k, "count": c, "n_turns": turn_counts[k], "example": examples[k]} for k, c in counts.items()
    ]
    table = pd.DataFrame(rows, columns=list(STAGE_COLUMNS)).astype(STAGE_COLUMNS)
    return table.sort_values(["count", "stage_direction"], ascending=[False, True]).reset_index(drop=True)
