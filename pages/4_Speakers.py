"""Speakers: who is who. Rename, merge and set roles; the edits apply to every page and download."""

import pandas as pd
import streamlit as st

from components import cached
from components.render import md_escape, plural
from components.state import ALIASES_KEY, RENAMES_KEY, ROLES_KEY, SPEAKERS_KEY, page_setup
from components.tables import table_with_download
from podium.speakers import ROLES, edits_from_table

ctx = page_setup("Speakers")
parsed = ctx.parsed
transcript = ctx.transcript

st.title("Speakers")
labels = parsed.speakers
n_alias_labels = sum(len(v) for v in parsed.aliases.values())
st.markdown(
    f"**{plural(len(transcript.speakers), 'speaker')}** in {plural(len(transcript.turns), 'turn')}."
    + (
        f" {n_alias_labels} labels were taken to be {len(parsed.aliases)} "
        f"{'person' if len(parsed.aliases) == 1 else 'people'}: "
        + "; ".join(f"**{md_escape(k)}** = {md_escape(' / '.join(v[1:]))}" for k, v in parsed.aliases.items())
        + "."
        if parsed.aliases
        else ""
    )
)

renames = st.session_state.get(RENAMES_KEY) or {}
roles = st.session_state.get(ROLES_KEY) or {}
table = cached.speaker_table(parsed.turns).set_index("speaker")
rows = pd.DataFrame(
    {
        "label": labels,
        "also_labelled": [" / ".join(parsed.aliases.get(s, [s])[1:]) for s in labels],
        "n_turns": [int(table.loc[s, "n_turns"]) for s in labels],
        "n_words": [int(table.loc[s, "n_words"]) for s in labels],
        "name": [renames.get(s, s) for s in labels],
        "role": [roles.get(renames.get(s, s), table.loc[s, "role"]) for s in labels],
    }
)

st.subheader("Rename, merge, set roles")
st.caption(
    "Type a new name to rename a speaker; give two labels the same name to merge them into one speaker. "
    "Roles decide who asks and who answers on the Q&A page. Edits apply to every page as you make them."
)
if parsed.inferred_roles:  # roles no label gave: say they were inferred, and from what
    st.caption(
        "Roles marked *question* below were **inferred** from what the speakers do, since no label says who asks: "
        + "; ".join(f"**{md_escape(s)}** {md_escape(r)}" for s, r in parsed.inferred_roles.items())
        + ". Everyone else answers. Set them right in the Role column."
    )


def _on_edit(displayed: pd.DataFrame) -> None:
    changes = st.session_state["speaker_editor"].get("edited_rows", {})
    edited = displayed.copy()
    for row, values in changes.items():
        for column, value in values.items():
            edited.loc[int(row), column] = value
    st.session_state[RENAMES_KEY], st.session_state[ROLES_KEY] = edits_from_table(edited)
    st.session_state[SPEAKERS_KEY] = []


def _on_aliases() -> None:
    st.session_state[ALIASES_KEY] = st.session_state["merge_aliases_widget"]
    _undo()


def _undo() -> None:
    st.session_state.update({RENAMES_KEY: {}, ROLES_KEY: {}, SPEAKERS_KEY: []})
    st.session_state.pop("speaker_editor", None)


st.data_editor(
    rows,
    key="speaker_editor",
    hide_index=True,
    num_rows="fixed",
    disabled=["label", "also_labelled", "n_turns", "n_words"],
    on_change=_on_edit,
    args=(rows,),
    column_config={
        "label": "Label in the file",
        "also_labelled": "Also labelled",
        "n_turns": st.column_config.NumberColumn("Turns", format="%d"),
        "n_words": st.column_config.NumberColumn("Words", format="%d"),
        "name": st.column_config.TextColumn("Speaker name", required=True, max_chars=120),
        "role": st.column_config.SelectboxColumn("Role", options=list(ROLES), required=True),
    },
)
st.session_state["merge_aliases_widget"] = bool(st.session_state.get(ALIASES_KEY, True))
st.toggle(
    "Merge labels that look like the same person (MR. LITTLE = GEORGE LITTLE, AvW = Aaron van Wirdum (AvW))",
    key="merge_aliases_widget",
    on_change=_on_aliases,
    help="Switching this re-reads the transcript and clears your renames.",
)
if renames or roles:
    st.button("Undo all speaker edits", on_click=_undo)

st.subheader("Speakers after edits")
current = cached.speaker_table(transcript.turns)
table_with_download(
    current,
    display=current.assign(word_share=current["word_share"] * 100),
    transcript_name=transcript.name,
    view="speaker_list",
    label="Download speakers (CSV)",
    column_order=["speaker", "role", "n_turns", "n_words", "word_share"],
    columns={"word_share": st.column_config.NumberColumn("Share of words (%)", format="%.1f")},
)

with st.expander("How speakers are identified"):
    st.markdown(
        """
- A **speaker** is a label in the file (`MS. PSAKI:`, `Q`, `<v Sarah>`, a diarization id such as `spk_0`).
  Unlabelled `- ` lines are **REPORTER**; speech with no label is **UNKNOWN**.
- Labels proposed as **one person**: the same name in other case or punctuation; an abbreviation given
  at first mention (`Aaron van Wirdum (AvW)` then `AvW`); a title and surname or a surname alone
  (`MR. LITTLE`, `WALLACE`) when exactly one full name in the file has that surname. Two full names
  sharing a surname are never merged.
- **Roles**: `Q`, `QUESTION`, reporters, interviewers and moderators ask; `UNKNOWN`, operators,
  announcers and interpreters are *other*; everyone else answers. Edit them above.
- Edits last for this browser session and apply to every page and download; merged speakers'
  consecutive turns become one turn.
"""
    )
