"""``python -m podium label-answers IN.csv --out OUT.csv``: the answer label for a table of pairs."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd

from .answers import LABELS, label_answer
from .export import to_csv_bytes

__all__ = ["LABEL_COLUMNS", "label_answers_command", "label_table"]

#: Columns added to the input, in order.
LABEL_COLUMNS = ("label", *(f"p_{label}" for label in LABELS), "reasons")


def label_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with :data:`LABEL_COLUMNS` added (replacing any of the same name).

    Parameters:
        frame: a table with str columns ``question`` and ``answer`` (other columns are kept).

    Returns:
        A new DataFrame: ``label`` (direct / partial / deflected), ``p_direct``, ``p_partial``,
        ``p_deflected`` (float64, summing to 1) and ``reasons`` (str), from
        :func:`podium.answers.label_answer`. Deterministic: the same input gives the same output.

    Raises:
        KeyError: if ``question`` or ``answer`` is missing.
    """
    missing = [c for c in ("question", "answer") if c not in frame.columns]
    if missing:
        raise KeyError(missing)
    results = [label_answer(str(q), str(a)) for q, a in zip(frame["question"], frame["answer"], strict=True)]
    out = frame.drop(columns=[c for c in LABEL_COLUMNS if c in frame.columns])
    added = pd.DataFrame(
        {
            "label": [r["label"] for r in results],
            **{f"p_{lab}": [round(r[f"p_{lab}"], 4) for r in results] for lab in LABELS},
            "reasons": [r["reasons"] for r in results],
        },
        index=out.index,
    )
    return pd.concat([out, added], axis=1)


def label_answers_command(infile: str, outfile: str) -> int:
    """Run ``label-answers``; return the exit code (0 done, 1 unreadable input or missing column)."""
    try:
        frame = pd.read_csv(infile, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    except FileNotFoundError:
        print(f"error: cannot read {infile}: no such file.", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"error: {infile} is not UTF-8 text; save it as CSV UTF-8.", file=sys.stderr)
        return 1
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        print(f"error: {infile} is not a readable CSV file ({str(exc).splitlines()[0]}).", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot read {infile}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    try:
        labelled = label_table(frame)
    except KeyError as exc:
        names = " and ".join(f"'{c}'" for c in exc.args[0])
        found = ", ".join(f"'{c}'" for c in frame.columns) or "none"
        noun = "column" if len(exc.args[0]) == 1 else "columns"
        print(f"error: {infile} has no {names} {noun} (columns found: {found}).", file=sys.stderr)
        return 1
    try:
        Path(outfile).write_bytes(to_csv_bytes(labelled))
    except OSError as exc:
        print(f"error: cannot write {outfile}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    counts = labelled["label"].value_counts()
    print(
        f"labelled {len(labelled)} pair{'s' if len(labelled) != 1 else ''} ("
        + ", ".join(f"{lab} {int(counts.get(lab, 0))}" for lab in LABELS)
        + f"); wrote {outfile}"
    )
    return 0
