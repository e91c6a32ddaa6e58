"""Speaker time: who spoke, how much and when."""

import streamlit as st

from components import cached
from components.charts import talk_time_bar, timeline
from components.downloads import csv_download
from components.render import fmt_duration, md_escape, plural
from components.state import page_setup
from components.tables import table_with_download

ctx = page_setup("Speaker time")
transcript = ctx.transcript
turns = ctx.turns
wpm = ctx.wpm if transcript.timing == "estimated" else None

st.title("Speaker time")
speakers = cached.speaker_table(turns)
if speakers.empty:
    st.info("No turns for the selected speakers.")
    st.stop()

top = speakers.iloc[0]
total_words = int(speakers["n_words"].sum())
rate = f"at {wpm:g} words per minute" if wpm else "from the transcript's timestamps"
name = md_escape(top["speaker"])
if total_words == 0:  # speaker segments without words (RTTM): talk time is all there is
    total_s = float(speakers["talk_time_s"].sum())
    share = float(top["talk_time_s"]) / total_s if total_s else 0.0
    lead = (
        f"**{name} spoke most: about {fmt_duration(top['talk_time_s'])} of {fmt_duration(total_s)} of talk time "
        f"({share:.0%})**, in {plural(int(top['n_turns']), 'turn')}. The file has speaker segments but no words."
    )
elif len(speakers) == 1:
    lead = (
        f"**{name} said {plural(int(top['n_words']), 'word')} in {plural(int(top['n_turns']), 'turn')}**, "
        f"about {fmt_duration(top['talk_time_s'])} {rate}."
    )
else:
    second = speakers.iloc[1]
    lead = (
        f"**{name} spoke most: {int(top['n_words']):,} of {total_words:,} words "
        f"({top['word_share']:.0%}), about {fmt_duration(top['talk_time_s'])} {rate}**, "
        f"in {plural(int(top['n_turns']), 'turn')}. Next: {md_escape(second['speaker'])}, "
        f"{plural(int(second['n_words']), 'word')} ({second['word_share']:.0%})."
    )
st.markdown(lead)

st.plotly_chart(talk_time_bar(speakers, wpm=wpm), key="talk_time_bar", config={"displaylogo": False})
st.plotly_chart(
    timeline(turns, speaker_order=list(speakers["speaker"]), wpm=wpm), key="timeline", config={"displaylogo": False}
)

st.subheader("Per speaker")
table_with_download(
    speakers,
    display=speakers.assign(talk_time_min=speakers["talk_time_s"] / 60, word_share=speakers["word_share"] * 100),
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="speakers",
    label="Download speaker table (CSV)",
    column_order=["speaker", "role", "n_turns", "n_words", "word_share", "talk_time_min"],
    columns={
        "word_share": st.column_config.NumberColumn("Share of words (%)", format="%.1f"),
        "talk_time_min": st.column_config.NumberColumn("Talk time (min)", format="%.1f"),
    },
)
csv_download(
    turns[["turn_id", "speaker", "role", "n_words", "start_s", "end_s"]],
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="timeline",
    label="Download the timeline's turns (CSV)",
)

with st.expander("How this is measured"):
    if wpm:
        st.markdown(
            f"""
The transcript has no timestamps, so **talk time is estimated**: each turn lasts its word count divided
by the speaking rate ({wpm:g} words per minute; change it in the sidebar), and turns are laid end to end.
Real speakers vary in pace and pause; the default rate of 190 words per minute is the average measured
on the force-aligned 2020 US presidential debates (M-Arg dataset), pauses included. Share of words is
exact; talk time is only as good as the rate. Percentages are of the words of the speakers shown.
"""
        )
    else:
        st.markdown("Talk time is the sum of each speaker's turn durations from the transcript's timestamps.")
