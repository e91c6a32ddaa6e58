"""Podium overview: the transcript at a glance and in full."""

import streamlit as st

from components import cached
from components.copyable import copy_box
from components.downloads import csv_download
from components.publish import speaker_colours, stat_row
from components.render import fmt_duration, md_escape, paragraphs_html, plural, script_html
from components.state import page_setup
from components.tables import paged, table_with_download
from podium.qa import qa_pairs
from podium.story import repeated_phrases, story_facts

ctx = page_setup("Overview")
transcript = ctx.transcript
turns = ctx.turns

st.title(md_escape(transcript.title))
if transcript.summary:
    st.html(f'<div class="podium-summary">{paragraphs_html(transcript.summary)}</div>')

n_words = int(turns["n_words"].sum())
seconds = cached.speech_duration(turns)  # the union of all speech: overlap once, long silences not at all
how = (
    f"estimated at {ctx.wpm:g} words per minute"
    if transcript.timing == "estimated"
    else "from the transcript's timestamps"
)
n_speakers = turns["speaker"].nunique()
st.markdown(
    f"**{plural(n_speakers, 'speaker')} took {plural(len(turns), 'turn')} and said {plural(n_words, 'word')}**, "
    f"about {fmt_duration(seconds)} of speech ({how})"
    + ("." if not ctx.speakers else f", showing {md_escape(ctx.filter_label)}.")
)
stat_row(
    [
        ("Speakers", f"{n_speakers:,}", ""),
        ("Turns", f"{len(turns):,}", ""),
        ("Words", f"{n_words:,}", ""),
        (
            "Duration",
            fmt_duration(seconds),
            f"Speech time {how}: the union of all speech, so overlapping speech counts once; same as Speaker time.",
        ),
    ]
)


@st.cache_data(show_spinner=False, max_entries=16)
def _facts(whole, timed: bool, total_s: float) -> list:
    """The story facts of the whole transcript (:func:`podium.story.story_facts`), computed once per input."""
    speakers = cached.speaker_measures(whole, (), timed)
    lengths = cached.turn_lengths(whole)
    phrases = repeated_phrases(whole["text"])  # the phrase fact's table alone (no per-speaker tally)
    return story_facts(
        speakers, lengths, phrases, qa_pairs(whole), total_s=total_s, estimated=not timed, turns=whole
    )


PROOF = {
    "Speaker time": "pages/1_Speaker_time.py",
    "Phrases": "pages/2_Phrases.py",
    "Q&A": "pages/3_Q_and_A.py",
    "Overview": "app.py",
}
whole = transcript.turns
timed = transcript.timing == "source"
with st.container(border=True):
    st.markdown("**Story facts** · the whole transcript, ready to copy" + ("" if timed else " (times are estimates)"))
    for fact in _facts(whole, timed, cached.speech_duration(whole)):
        copy_box(fact.text)
        if fact.view != "Overview":
            st.page_link(PROOF[fact.view], label=f"See it on {fact.view}", icon=":material/arrow_forward:")

st.subheader("Transcript")
linked = st.query_params.get("turn")  # set by links to a turn (Q&A pairs, keyword in context)
if linked is not None:
    del st.query_params["turn"]
    ids = turns["turn_id"].tolist()
    if linked.isdigit() and int(linked) in ids:
        st.session_state["script_part"] = ids.index(int(linked)) // 200 + 1
        with st.container(border=True):
            st.caption(f"Linked turn {int(linked) + 1}: it is also in the part of the transcript shown below.")
            st.html(script_html(turns[turns["turn_id"] == int(linked)], timing=transcript.timing))
    else:
        st.warning(f"Turn {md_escape(linked)} is not among the turns shown (check the speaker filter).")
shown = paged(turns, size=200, noun="turns", key="script_part")
st.caption(
    f"{plural(len(turns), 'turn')} by {md_escape(ctx.filter_label)}"
    + (
        f"; showing turns {shown['turn_id'].iloc[0] + 1:,} to {shown['turn_id'].iloc[-1] + 1:,}."
        if len(shown) < len(turns)
        else "."
    )
    + (" Times marked ≈ are estimates." if transcript.timing == "estimated" else " Times are from the transcript.")
)
if turns.empty:
    st.info("No turns for the selected speakers.")
else:
    st.html(script_html(shown, timing=transcript.timing, colours=speaker_colours(transcript.speakers)))
csv_download(turns, transcript_name=transcript.name, speakers=ctx.speakers, view="turns", label="Download turns (CSV)")

stage = cached.stage_directions(turns)
if not stage.empty:
    st.subheader("Stage directions")
    st.caption(
        f"{int(stage['count'].sum()):,} stage directions in {int((turns['n_stage_directions'] > 0).sum())} turns: "
        "shown in the text, left out of word counts and phrases."
    )
    table_with_download(
        stage,
        transcript_name=transcript.name,
        speakers=ctx.speakers,
        view="stage_directions",
        label="Download stage directions (CSV)",
        columns={"stage_direction": "Stage direction", "example": "As written"},
    )

if transcript.metadata.strip():
    with st.expander("Page text that is not speech (headline, banners, front matter)"):
        st.text(transcript.metadata)

time_note = (
    "each turn lasts its words at the speaking rate (sidebar) less a little per sentence; turns are laid "
    "end to end from 0:00 (see Speaker time)"
    if transcript.timing == "estimated"
    else "the union of the speech intervals in the transcript's timestamps (silences over 2 s left out, "
    "overlap counted once; see Speaker time)"
)
with st.expander("How this is counted"):
    st.markdown(
        f"""
- **Turn**: an uninterrupted stretch of speech by one speaker; paragraphs without a speaker label
  continue the previous speaker. Lines starting `- ` are an unnamed questioner, shown as **REPORTER**.
- **Words**: runs of letters or digits (`NATO's`, `open-door`, `U.S.`, `$1,250,000` and `AT&T` count as one word);
  stage directions such as *(Laughter.)* are not counted. Curly and straight apostrophes are the same.
- **Time**: {time_note}.
- **Cut off**: the turn ends with `--`, a dash or an ellipsis.
- Read as **{transcript.source_format.replace("_", " ")}**, encoding {transcript.encoding}.
"""
    )
