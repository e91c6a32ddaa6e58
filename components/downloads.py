"""CSV download buttons: the data behind every chart and table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from podium.export import download_name, to_csv_bytes


@st.cache_data(show_spinner=False)
def _csv(frame: pd.DataFrame) -> bytes:
    return to_csv_bytes(frame)


def csv_download(
    frame: pd.DataFrame, *, transcript_name: str, view: str, label: str, speakers: list[str] | None = None
) -> None:
    """Offer ``frame`` as a CSV named after the transcript, the view and the speaker filter
    (UTF-8 with BOM, formulas neutralised)."""
    st.download_button(
        label,
        data=_csv(frame),
        file_name=download_name(transcript_name, view, speakers),
        mime="text/csv",
        key=f"download_{view.split('_')[0]}_{label}",
        on_click="ignore",
        icon=":material/download:",
    )
