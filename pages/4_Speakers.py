"""Speakers: who is who. Rename, merge and set roles; fix single turns; save and re-apply the edits."""

import html

import pandas as pd
import streamlit as st

from components import cached
from components.downloads import csv_download
from components.render import md_escape, paragraphs_html, plural
from components.state import ALIASES_KEY, page_setup, set_speaker_edits, speaker_edits
from components.tables import table_with_download
from podium.edits import (
    MappingError,
    SpeakerEdit,
    check_edits,
    edited_turn_ids,
    edits_to_frame,
    label_names,
    read_mapping,
    set_label_edit,
    set_speaker_role,
    split_points,
    turn_names,
)
from podium.speakers import ROLES

MAPPING_REPORT_KEY = "podium_mapping_report"  # {name, applied, problems} or {name, error} of the last upload
MAPPING_GEN_KEY = "podium_mapping_generation"  # bumped to give a fresh uploader after each upload

ctx = page_setup("Speakers")
parsed = ctx.parsed
transcript = ctx.transcript
labels = parsed.speakers
edits, not_applied = check_edits(parsed.turns, speaker_edits(), aliases=parsed.aliases)
names = label_names(edits, labels)
parsed_roles = parsed.turns.groupby("speaker", sort=False)["role"].first()
current = cached.speaker_table(transcript.turns)
current_roles = current.set_index("speaker")["role"]

st.title("Speakers")
n_alias_labels = sum(len(v) for v in parsed.aliases.values())
st.markdown(
    f"**{plural(len(transcript.speakers), 'speaker')}** in {plural(len(transcript.turns), 'turn')}"
    + (
        f" after {plural(len(edits), 'edit')} (the file as read: {plural(len(labels), 'label')}, "
        f"{plural(len(parsed.turns), 'turn')})."
        if edits
        else "."
    )
    + (
        f" {n_alias_labels} labels were taken to be {len(parsed.aliases)} "
        f"{'person' if len(parsed.aliases) == 1 else 'people'}: "
        + "; ".join(f"**{md_escape(k)}** = {md_escape(' / '.join(v[1:]))}" for k, v in parsed.aliases.items())
        + "."
        if parsed.aliases
        else ""
    )
)

if ctx.speakers:  # the filter narrows the other pages; renaming and merging need every speaker in view
    st.info(
        f"The speaker filter ({md_escape(ctx.filter_label)}) does not narrow this page: it lists every speaker "
        "so you can rename, merge and set roles. The other pages and their downloads stay filtered."
    )

# --- whole labels ---------------------------------------------------------------------------------
table = cached.speaker_table(parsed.turns).set_index("speaker")
rows = pd.DataFrame(
    {
        "label": labels,
        "also_labelled": [" / ".join(parsed.aliases.get(s, [s])[1:]) for s in labels],
        "n_turns": [int(table.loc[s, "n_turns"]) for s in labels],
        "n_words": [int(table.loc[s, "n_words"]) for s in labels],
        "name": [names[s] for s in labels],
        "role": [current_roles.get(names[s], parsed_roles[s]) for s in labels],
    }
)

st.subheader("Rename, merge, set roles")
st.caption(
    "Type a new name to rename a speaker; give two labels the same name to merge them into one speaker. "
    "Roles decide who asks and who answers on the Q&A page. Edits apply to every page as you make them; "
    "turns are rebuilt by the rules the file was read with, so consecutive Q turns (maybe two reporters) "
    "stay apart."
)
if parsed.inferred_roles:  # roles no label gave: say they were inferred, and from what
    st.caption(
        "Roles marked *question* below were **inferred** from what the speakers do, since no label says who asks: "
        + "; ".join(f"**{md_escape(s)}** {md_escape(r)}" for s, r in parsed.inferred_roles.items())
        + ". Everyone else answers. Set them right in the Role column."
    )


def _on_edit(widget: str, displayed: pd.DataFrame, default_roles: dict) -> None:
    changes = st.session_state[widget].get("edited_rows", {})
    new = speaker_edits()
    for row, values in changes.items():
        label = displayed.loc[int(row), "label"]
        name = str(values.get("name", displayed.loc[int(row), "name"]) or "").strip() or label
        role = values.get("role", displayed.loc[int(row), "role"])
        role = role if role in ROLES and role != default_roles[label] else ""
        new = set_label_edit(new, label, speaker="" if name == label else name, role=role)
    set_speaker_edits(new, list(displayed["label"]))


# a new key whenever the edits change (here or elsewhere on the page), so the grid starts from them
editor_key = f"speaker_editor_{abs(hash(tuple(speaker_edits()))):x}"
st.data_editor(
    rows,
    key=editor_key,
    hide_index=True,
    num_rows="fixed",
    disabled=["label", "also_labelled", "n_turns", "n_words"],
    column_order=["name", "role", "label", "also_labelled", "n_turns", "n_words"],  # editable first: phones
    on_change=_on_edit,
    args=(editor_key, rows, parsed_roles.to_dict()),
    column_config={
        "label": "Label in the file",
        "also_labelled": "Also labelled",
        "n_turns": st.column_config.NumberColumn("Turns", format="%,d"),
        "n_words": st.column_config.NumberColumn("Words", format="%,d"),
        "name": st.column_config.TextColumn("Speaker name", required=True, max_chars=120),
        "role": st.column_config.SelectboxColumn("Role", options=list(ROLES), required=True),
    },
)


def _on_askers(widget: str, before: list[str], speakers: list[str]) -> None:
    chosen = set(st.session_state[widget] or [])
    new = speaker_edits()
    for speaker in speakers:
        if (speaker in chosen) != (speaker in before):
            new = set_speaker_role(new, speaker, "question" if speaker in chosen else "answer", labels)
    set_speaker_edits(new, labels)


askers = [s for s in transcript.speakers if current_roles.get(s) == "question"]
st.session_state["speaker_askers"] = askers
st.pills(
    "Who asks the questions? One click marks a speaker as moderator or questioner, or unmarks them",
    options=transcript.speakers,
    selection_mode="multi",
    key="speaker_askers",
    on_change=_on_askers,
    args=("speaker_askers", askers, transcript.speakers),
    help="Questioners' turns are the questions on the Q&A page; the turns right after them by anyone else "
    "are the answers. Unmarking a speaker makes them answer.",
)

st.session_state["merge_aliases_widget"] = bool(st.session_state.get(ALIASES_KEY, True))


def _on_aliases() -> None:
    st.session_state[ALIASES_KEY] = st.session_state["merge_aliases_widget"]
    _undo_all()


def _undo_all() -> None:
    set_speaker_edits([], labels)
    st.session_state.pop(MAPPING_REPORT_KEY, None)


st.toggle(
    "Merge labels that look like the same person (MR. LITTLE = GEORGE LITTLE, AvW = Aaron van Wirdum (AvW))",
    key="merge_aliases_widget",
    on_change=_on_aliases,
    help="Switching this re-reads the transcript and clears your speaker edits.",
)

# --- one turn ------------------------------------------------------------------------------------
st.subheader("Fix one turn")
st.caption(
    "Give a turn the transcript attributed to the wrong person to the right one, name a generic label "
    "(Q, spk_0) for one turn, or split a turn where another speaker takes over. Turn numbers are those "
    "of the file as read; where your edits have joined or split turns, the number the other pages show "
    "now is given too."
)


@st.cache_data(show_spinner=False, max_entries=16)
def _edited_ids(turns: pd.DataFrame, edits: tuple, aliases: tuple) -> dict:
    """Cached :func:`podium.edits.edited_turn_ids`."""
    return edited_turn_ids(turns, list(edits), aliases={k: list(v) for k, v in aliases})


now = turn_names(parsed.turns, edits)
where = _edited_ids(parsed.turns, tuple(edits), tuple((k, tuple(v)) for k, v in parsed.aliases.items()))
turn_ids = list(parsed.turns["turn_id"])
texts = dict(zip(parsed.turns["turn_id"], parsed.turns["text"], strict=True))
turn_labels = dict(zip(parsed.turns["turn_id"], parsed.turns["speaker"], strict=True))
now_by_id = dict(zip(turn_ids, now, strict=True))


def _turn_option(turn_id: int) -> str:
    first = " ".join(texts[turn_id].split()[:12])
    now_id = f" (now {where[turn_id] + 1})" if where.get(turn_id, turn_id) != turn_id else ""
    return f"Turn {turn_id + 1}{now_id} · labelled {turn_labels[turn_id]} · {first}…"


st.session_state.setdefault("fix_turn", turn_ids[0])
if st.session_state["fix_turn"] not in texts:
    st.session_state["fix_turn"] = turn_ids[0]
turn_id = st.selectbox("Turn", options=turn_ids, format_func=_turn_option, key="fix_turn")
text = texts[turn_id]
moved = f", turn {where[turn_id] + 1} on the other pages now" if where.get(turn_id, turn_id) != turn_id else ""
speaker_options = list(dict.fromkeys([*transcript.speakers, *names.values()]))
with st.container(border=True):
    st.html(
        f'<div class="podium-turn"><span class="podium-speaker">{html.escape(now_by_id[turn_id])}</span>'
        f'<span class="podium-meta">turn {turn_id + 1} as read{moved} · labelled {html.escape(turn_labels[turn_id])}'
        "</span>"
        f"{paragraphs_html(text)}</div>"
    )


def _add_edit(edit: SpeakerEdit) -> None:
    new = [e for e in speaker_edits() if e.key != edit.key]
    set_speaker_edits([*new, edit], labels)


def _chosen_name(prefix: str) -> str:
    """The name typed in the ``prefix``'s new-name box, else the speaker picked in its list."""
    return (st.session_state.get(f"{prefix}_new") or "").strip() or (st.session_state.get(prefix) or "").strip()


def _on_reassign(turn: int) -> None:
    name = _chosen_name("fix_speaker")
    if name:
        _add_edit(SpeakerEdit(label=turn_labels[turn], speaker=name, turn_id=turn))


def _on_split(turn: int) -> None:
    at = st.session_state.get("fix_split_at")
    name = _chosen_name("fix_split_speaker")
    if at is not None and name:
        _add_edit(SpeakerEdit(label=turn_labels[turn], speaker=name, turn_id=turn, split_at=int(at)))


left, right = st.columns(2)
with left:
    st.selectbox("Give the whole turn to", options=speaker_options, index=None, key="fix_speaker")
    st.text_input("…or to a new name", key="fix_speaker_new", max_chars=120, placeholder="e.g. Peter Doocy")
    st.button("Reassign turn", on_click=_on_reassign, args=(turn_id,), icon=":material/person_edit:")
with right:
    points = split_points(text)

    def _split_option(at: int) -> str:
        before, after = " ".join(text[:at].split()[-6:]), " ".join(text[at:].split()[:8])
        return f"…{before} ‖ {after}…"

    st.selectbox(
        "Split before",
        options=points,
        format_func=_split_option,
        index=None,
        key="fix_split_at",
        placeholder="Type the words the new part starts with" if points else "This turn has one word",
        disabled=not points,
    )
    st.selectbox("The part from there on is by", options=speaker_options, index=None, key="fix_split_speaker")
    st.text_input("…or by a new name", key="fix_split_speaker_new", max_chars=120)
    st.button("Split turn", on_click=_on_split, args=(turn_id,), icon=":material/call_split:", disabled=not points)

# --- the list of edits ---------------------------------------------------------------------------
st.subheader("Your edits")


def _undo(index: int) -> None:
    new = speaker_edits()
    if 0 <= index < len(new):
        del new[index]
    set_speaker_edits(new, labels)


all_edits = speaker_edits()
if not all_edits:
    st.caption("No speaker edits yet: every page shows the speakers as the file labels them.")
for i, edit in enumerate(all_edits):
    line, button = st.columns([6, 1], vertical_alignment="center")
    line.markdown(f"{i + 1}. {md_escape(edit.describe())}")
    button.button("Undo", key=f"undo_edit_{i}", on_click=_undo, args=(i,), icon=":material/undo:")
for problem in not_applied:
    st.warning(f"Not applied to {transcript.name}: {problem}", icon=":material/warning:")
if all_edits:
    st.button("Undo all speaker edits", on_click=_undo_all)

# --- save and re-apply -----------------------------------------------------------------------------
st.subheader("Save the edits, or apply saved ones")
st.caption(
    "The mapping has one row per edit: turn_id (empty for a whole label; the turn's number less one, as "
    "ids in Podium's CSVs start at 0), label (as written in the file), "
    "speaker (the new name) and role; split_at when a turn was split. Apply it to this transcript again "
    "later, or to another transcript of the series: its rows are added to your edits, and rows whose label or "
    "turn is not in the transcript are listed, not dropped."
)
csv_download(
    edits_to_frame(all_edits),
    transcript_name=transcript.name,
    view="speaker_mapping",
    label="Download speaker mapping (CSV)",
)


def _on_mapping(widget: str) -> None:
    uploaded = st.session_state.get(widget)
    if uploaded is None:
        return
    st.session_state[MAPPING_GEN_KEY] = st.session_state.get(MAPPING_GEN_KEY, 0) + 1
    try:
        mapping = read_mapping(uploaded.getvalue())
    except MappingError as exc:
        st.session_state[MAPPING_REPORT_KEY] = {"name": uploaded.name, "error": str(exc), "for": parsed.name}
        return
    ok, bad = mapping.check(parsed.turns, aliases=parsed.aliases)
    new = speaker_edits()
    for edit in ok:
        new = [e for e in new if e.key != edit.key] + [edit]
    set_speaker_edits(new, labels)
    st.session_state[MAPPING_REPORT_KEY] = {
        "name": uploaded.name,
        "applied": len(ok),
        "problems": [str(u) for u in bad],
        "for": parsed.name,
    }


mapping_widget = f"speaker_mapping_upload_{st.session_state.get(MAPPING_GEN_KEY, 0)}"
st.file_uploader(
    "Apply a speaker mapping (CSV)",
    type=["csv", "txt"],
    key=mapping_widget,
    on_change=_on_mapping,
    args=(mapping_widget,),
    help="A mapping downloaded above, from this or another transcript, or written by hand with the columns "
    "turn_id, label, speaker, role.",
)
report = st.session_state.get(MAPPING_REPORT_KEY)
if report and report["for"] != transcript.name:  # a report about the transcript that was open before
    report = None
if report and "error" in report:
    st.error(f"Could not read {report['name']}: {report['error']}", icon=":material/error:")
elif report:
    name, n_applied, problems = report["name"], report["applied"], report["problems"]
    if n_applied:
        st.success(f"Applied {plural(n_applied, 'row')} of {name}.", icon=":material/check:")
    if problems:
        st.warning(
            f"{plural(len(problems), 'row')} of {name} could not be applied to {transcript.name}:\n\n"
            + "\n".join(f"- {md_escape(p)}" for p in problems),
            icon=":material/warning:",
        )

# --- result ----------------------------------------------------------------------------------------
st.subheader("Speakers after edits")
table_with_download(
    current,
    display=current.assign(word_share=current["word_share"] * 100),
    transcript_name=transcript.name,
    view="speaker_list",
    label="Download speakers (CSV)",
    column_order=["speaker", "role", "n_turns", "n_words", "word_share"],
    columns={"word_share": st.column_config.NumberColumn("Share of words (%)", format="%.1f")},
)

with st.expander("How speakers are identified and edited"):
    st.markdown(
        """
- A **speaker** is a label in the file (`MS. PSAKI:`, `Q`, `<v Sarah>`, a diarization id such as `spk_0`).
  Unlabelled `- ` lines are **REPORTER**; speech with no label is **UNKNOWN**.
- Labels proposed as **one person**: the same name in other case or punctuation; an abbreviation given
  at first mention (`Aaron van Wirdum (AvW)` then `AvW`); a title and surname or a surname alone
  (`MR. LITTLE`, `WALLACE`) when exactly one full name in the file has that surname. Two full names
  sharing a surname are never merged.
- **Roles**: `Q`, `QUESTION`, reporters, interviewers and moderators ask; `UNKNOWN`, operators,
  announcers and interpreters are *other*; everyone else answers. A speaker has one role.
- **Edits** are applied to the labels, then turns are rebuilt by the rule the file was read with:
  consecutive turns of one speaker become one turn, except generic questioner labels (`Q`, `QUESTION`,
  `REPORTER`), whose consecutive turns stay apart whatever they are renamed to. A split part gets a
  share of its turn's time in proportion to its words.
- Edits last for this browser session and apply to every page and download; the speaker filter
  follows a renamed speaker. Save them as a mapping to keep them.
"""
    )
