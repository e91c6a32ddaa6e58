"""CSV download buttons: the data behind every chart and table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from podium.export import download_name, to_csv_bytes


def csv_download(
    frame: pd.DataFrame, *, transcript_name: str, view: str, label: str, speakers: list[str] | None = None
) -> None:
    """Offer ``frame`` as a CSV named after the transcript, the view and the speaker filter
    (UTF-8 with BOM, formulas neutralised). The CSV is written when the button is clicked, not
    on every run of the page (with 10,000 speakers the page's CSVs took seconds)."""
    st.download_button(
        label,
        data=lambda: to_csv_bytes(frame),  # on click; pages never mutate the frames they show
        file_name=download_name(transcript_name, view, speakers),
        mime="text/csv",
        key=f"download_{view.split('_')[0]}_{label}",
        on_click="ignore",
        icon=":material/download:",
    )
