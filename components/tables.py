"""A table and the CSV download of exactly its data, with shared column labels."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.downloads import csv_download
from components.numbers import grouped

#: Display labels for columns that several tables share; a table may override any of them.
COLUMNS = {
    "turn_id": st.column_config.NumberColumn(
        "Turn id", format="%d", help="0-based id: the turn numbered n on the pages has id n - 1."
    ),
    "speaker": st.column_config.TextColumn("Speaker", pinned=True),  # stays in view on a phone
    "role": "Role",
    "n_turns": st.column_config.NumberColumn("Turns", format="%,d"),
    "n_words": st.column_config.NumberColumn("Words", format="%,d"),
    "count": st.column_config.NumberColumn("Occurrences", format="%,d"),
}


def table_with_download(
    frame: pd.DataFrame,
    *,
    transcript_name: str,
    view: str,
    label: str,
    speakers: list[str] | None = None,
    columns: dict | None = None,
    column_order: list[str] | None = None,
    display: pd.DataFrame | None = None,
) -> None:
    """Show ``frame`` (or ``display``, a view of it in page units) and offer ``frame`` as CSV.

    The download always holds the data behind the table in the export's units (seconds,
    0-1 shares); ``display`` may rescale columns for reading (minutes, percent).
    """
    shown = frame if display is None else display
    st.dataframe(
        shown,
        hide_index=True,
        column_order=column_order,
        column_config=grouped(shown, {**COLUMNS, **(columns or {})}),  # thousands separators
    )
    csv_download(frame, transcript_name=transcript_name, view=view, label=label, speakers=speakers)


def paged(frame: pd.DataFrame, *, size: int, noun: str, key: str) -> pd.DataFrame:
    """Return the part of ``frame`` to draw, with a part picker when it has more than ``size`` rows.

    Long transcripts draw a part at a time (``size`` rows) so the page stays fast; ``noun`` names
    the rows in the picker ("turns", "pairs").
    """
    n_parts = max(1, -(-len(frame) // size))
    if n_parts == 1:
        return frame
    part = st.number_input(
        f"Part (of {n_parts}, {size} {noun} each)", min_value=1, max_value=n_parts, value=1, step=1, key=key
    )
    return frame.iloc[(int(part) - 1) * size : int(part) * size]
