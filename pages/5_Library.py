"""Library: every transcript Podium keeps, with editable title, date, event and source address."""

import pandas as pd
import streamlit as st

from components.downloads import csv_download
from components.render import md_code, md_escape, plural
from components.state import SOURCE_KEY, library, page_setup
from podium.library import EVENTS

ctx = page_setup("Library")
lib = library()

st.title("Library")
entries = lib.entries()
open_entry = next((e for e in entries if e.id == (st.session_state.get(SOURCE_KEY) or {}).get("id")), None)
n_bundled = sum(e.bundled for e in entries)
dated = sorted(e.date for e in entries if e.date)
st.markdown(
    f"**{plural(len(entries), 'transcript')}**: {n_bundled} bundled with Podium and "
    f"{plural(len(entries) - n_bundled, 'upload')} kept on this server"
    + (f", dated {dated[0]} to {dated[-1]}." if dated else ".")
    + f" Open: **{md_escape(open_entry.title if open_entry else ctx.transcript.title)}**."
)

EDITOR_KEY = "library_editor"
table = pd.DataFrame(
    {
        "open": [f"/?t={e.id}" for e in entries],
        "title": [e.title for e in entries],
        "date": [e.date for e in entries],
        "event": [e.event for e in entries],
        "source": [e.source for e in entries],
        "file": [e.name for e in entries],
        "kept": ["bundled" if e.bundled else "uploaded" for e in entries],
        "id": [e.id for e in entries],
    }
)


def _on_edit(shown: pd.DataFrame) -> None:
    """Save the edited cells to the library; a bad value leaves one sentence and is not saved."""
    changes = st.session_state[EDITOR_KEY].get("edited_rows", {})
    problems = []
    for row, values in changes.items():
        entry_id = shown.loc[int(row), "id"]
        fields = {
            k: ("" if v is None else str(v)) for k, v in values.items() if k in ("title", "date", "event", "source")
        }
        if not fields:
            continue
        try:
            lib.edit(entry_id, **fields)
        except ValueError as exc:
            problems.append(str(exc))
        except (KeyError, OSError) as exc:
            problems.append(f"Could not save the edit to {shown.loc[int(row), 'file']}: {exc}.")
    if problems:
        st.session_state["library_problem"] = " ".join(problems)
    st.session_state.pop(EDITOR_KEY, None)  # show the saved values, not the editor's own copy


st.subheader("Transcripts")
st.caption(
    "Edit a title, date (YYYY-MM-DD), kind of event or source address in place; edits are saved at once and "
    "shown everywhere (the sidebar list, Compare, downloads). Open a transcript with its link."
)
if problem := st.session_state.pop("library_problem", None):
    st.error(problem, icon=":material/error:")
st.data_editor(
    table,
    key=EDITOR_KEY,
    hide_index=True,
    disabled=["open", "file", "kept", "id"],
    on_change=_on_edit,
    args=(table,),
    column_config={
        "open": st.column_config.LinkColumn("Open", display_text="Open", width="small"),
        "title": st.column_config.TextColumn("Title", width="large", required=True),
        "date": st.column_config.TextColumn("Date", help="YYYY-MM-DD", validate=r"^(\d{4}-\d{2}-\d{2})?$"),
        "event": st.column_config.SelectboxColumn("Event", options=list(EVENTS)),
        "source": st.column_config.LinkColumn("Source address"),
        "file": "File",
        "kept": "Kept",
        "id": st.column_config.TextColumn("Link id", help="What links carry as ?t=..."),
    },
)
csv_download(
    table.drop(columns=["open"]),
    transcript_name="podium_library",
    view="catalogue",
    label="Download the catalogue (CSV)",
)

with st.expander("How the library works"):
    st.markdown(
        f"""
- **Bundled** transcripts ship in `data/` (provenance in `data/README.md`).
- **Uploads and pasted text** are kept in the library folder on this server, {md_code(str(lib.folder))}
  (set it with the environment variable `PODIUM_LIBRARY`), named by the SHA-256 hash of their bytes: the
  same file uploaded twice is kept once, and a reload, a link shared on this server or a restart finds it.
- **Links** carry the transcript as `?t=` and its link id; an id is only looked up in this list, never used
  as a path, so a link cannot open any other file.
- **Metadata** is read from the file where present (front matter `title:`, `date:`, `source_url:`; a date in
  the headline or file name) and can be edited here; edits are kept in `edits.json` in the library folder.
"""
    )
