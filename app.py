"""Podium overview: the transcript at a glance and in full."""

import streamlit as st

from components import cached
from components.downloads import csv_download
from components.render import paragraphs_html, script_html
from components.state import page_setup

ctx = page_setup("Overview")
transcript = ctx.transcript
turns = ctx.turns

st.title(transcript.title)
if transcript.summary:
    st.html(f'<div class="podium-summary">{paragraphs_html(transcript.summary)}</div>')

n_words = int(turns["n_words"].sum())
minutes = float((turns["end_s"] - turns["start_s"]).sum()) / 60.0
how = (
    f"estimated at {ctx.wpm:g} words per minute"
    if transcript.timing == "estimated"
    else "from the transcript's timestamps"
)
n_speakers = turns["speaker"].nunique()
st.markdown(
    f"**{n_speakers} speaker{'s' if n_speakers != 1 else ''} took {len(turns)} turn{'s' if len(turns) != 1 else ''} "
    f"and said {n_words:,} words**, about {minutes:.1f} minutes of speech ({how})"
    + ("." if not ctx.speakers else f", showing {ctx.filter_label}.")
)
cols = st.columns(4)
cols[0].metric("Speakers", n_speakers)
cols[1].metric("Turns", len(turns))
cols[2].metric("Words", f"{n_words:,}")
cols[3].metric("Duration", f"{minutes:.1f} min", help=f"Speech time {how}.")

st.subheader("Transcript")
st.caption(
    f"{len(turns)} turns by {ctx.filter_label}."
    + (" Times marked ≈ are estimates." if transcript.timing == "estimated" else " Times are from the transcript.")
)
if turns.empty:
    st.info("No turns for the selected speakers.")
else:
    st.html(script_html(turns, timing=transcript.timing))
csv_download(turns, transcript_name=transcript.name, view="turns", label="Download turns (CSV)")

stage = cached.stage_directions(turns)
if not stage.empty:
    st.subheader("Stage directions")
    st.caption(
        f"{int(stage['count'].sum())} stage directions in {int((turns['n_stage_directions'] > 0).sum())} turns: "
        "shown in the text, left out of word counts and phrases."
    )
    st.dataframe(
        stage,
        hide_index=True,
        column_config={
            "stage_direction": "Stage direction",
            "count": st.column_config.NumberColumn("Times", format="%d"),
            "n_turns": st.column_config.NumberColumn("Turns", format="%d"),
            "example": "As written",
        },
    )
    csv_download(
        stage, transcript_name=transcript.name, view="stage_directions", label="Download stage directions (CSV)"
    )

if transcript.metadata.strip():
    with st.expander("Page text that is not speech (headline, banners, front matter)"):
        st.text(transcript.metadata)

time_note = (
    "each turn lasts its words divided by the speaking rate (sidebar); turns are laid end to end "
    "from 0:00, so pauses are not counted"
    if transcript.timing == "estimated"
    else "taken from the transcript's timestamps"
)
with st.expander("How this is counted"):
    st.markdown(
        f"""
- **Turn**: an uninterrupted stretch of speech by one speaker; paragraphs without a speaker label
  continue the previous speaker. Lines starting `- ` are an unnamed questioner, shown as **REPORTER**.
- **Words**: runs of letters or digits (`NATO's`, `open-door` and `U.S.` count as one word);
  stage directions such as *(Laughter.)* are not counted. Curly and straight apostrophes are the same.
- **Time**: {time_note}.
- **Cut off**: the turn ends with `--`, a dash or an ellipsis.
- Read as **{transcript.source_format.replace("_", " ")}**, encoding {transcript.encoding}.
"""
    )
