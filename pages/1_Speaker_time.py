"""Speaker time: who held the floor, for how long, when, and who cut in on whom."""

import streamlit as st

from components import cached
from components.charts import (
    clock,
    cumulative_chart,
    questions_bar,
    share_bar,
    talk_time_bar,
    timeline,
    turn_length_chart,
)
from components.downloads import csv_download
from components.publish import show_chart, speaker_colours, stat_row
from components.render import md_escape, plural
from components.state import page_setup
from components.tables import table_with_download
from podium.roles import first_question_turn, longest_answer
from podium.talk_time import (
    ESTIMATE_MAPE_PCT,
    ESTIMATE_SHARE_ERROR_PTS,
    REFERENCE_SENTENCE_WORDS,
    SENTENCE_WORDS,
    UNPUNCTUATED_SENTENCE_WORDS,
    estimate_seconds,
)
from podium.turn_taking import MIN_OVERLAP_S

ctx = page_setup("Speaker time")
transcript = ctx.transcript
whole = transcript.turns
turns = ctx.turns
timed = transcript.timing == "source"
wpm = None if timed else ctx.wpm
estimated = "" if timed else "estimated "
colours = speaker_colours(transcript.speakers)  # the whole transcript's, so a filter keeps each colour


def chart(fig, key: str, *, estimate: bool = True) -> None:
    """Show a chart with its source line and downloads named after the transcript and ``key``."""
    show_chart(fig, key=key, transcript=transcript, view=key, speakers=ctx.speakers, wpm=wpm if estimate else None)


def say(seconds: float) -> str:
    """A duration as a reporter writes it: ``42 s``, ``1 min 40 s``, ``1 h 05 min``."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        minutes, secs = divmod(seconds, 60)
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours} h {minutes:02d} min"


st.title("Speaker time")
speakers = cached.speaker_measures(whole, tuple(ctx.speakers), timed)
if speakers.empty:
    st.info("No turns for the selected speakers.")
    st.stop()

total_s = cached.speech_duration(whole)
lengths = cached.turn_lengths(turns)
longest, kind = longest_answer(lengths, first_question_turn(whole))
top = speakers.iloc[0]
name = md_escape(top["speaker"])
total_words = int(whole["n_words"].sum())
if total_words == 0:  # speaker segments without words (RTTM): talk time is all there is
    all_talk_s = float(speakers["talk_time_s"].sum())
    share = float(top["talk_time_s"]) / all_talk_s if all_talk_s else 0.0
    lead = (
        f"**{name} spoke most: about {say(top['talk_time_s'])} of {say(all_talk_s)} of talk time ({share:.0%})**, "
        f"in {plural(int(top['n_turns']), 'turn')}. The file has speaker segments but no words"
    )
elif ctx.speakers:
    shown_s = float(speakers["talk_time_s"].sum())
    lead = (
        f"**{name} spoke for {say(top['talk_time_s'])}: {top['talk_share_shown']:.0%} of the {estimated}talk time "
        f"of the {plural(len(speakers), 'speaker')} shown and {top['talk_share']:.0%} of the whole transcript's** "
        f"({say(shown_s)} of {say(total_s)} of speech)"
    )
elif speakers["overlap_s"].sum() > 0.5:  # shares are of all talk time, which overlap makes longer than the speech
    lead = (
        f"**{name} spoke for {say(top['talk_time_s'])}, {top['talk_share']:.0%} of all {estimated}talk time** "
        f"in {say(total_s)} of speech (overlapping speech counts for each speaker)"
    )
else:
    lead = f"**{name} spoke for {top['talk_share']:.0%} of the {estimated}{say(total_s)} of speech**"
lead += (
    f"; the longest {kind} ran {say(longest['turn_s'])} "
    f"({md_escape(longest['speaker'])}, turn {int(longest['turn_id']) + 1} at {clock(longest['start_s'])})."
)
st.markdown(lead)
if not timed:
    st.caption(
        f"Times are estimates: the transcript has no timestamps (rate {ctx.wpm:g} words per minute, sidebar). "
        f"On held-out debates such estimates were off by {ESTIMATE_MAPE_PCT:.0f}% per speaker on average."
    )
if ctx.speakers:
    st.caption(
        "Filtered: shares are given of the speakers shown and of the whole transcript. "
        "Overlap and interruptions are measured against everyone, including speakers not shown."
    )

tables = cached.turn_taking(whole, timed)
stat_row(
    [
        (
            "Speech" if timed else "Speech (estimated)",
            say(total_s),
            "The union of all speech in the transcript: overlapping speech counts once, silences not at all.",
        ),
        ("Speakers shown", f"{len(speakers):,}", ""),
        ("Turns shown", f"{len(turns):,}", ""),
        ("Speaker changes", f"{int(tables['changes']['speaker_changes'].iloc[0]):,}", "In the whole transcript."),
    ]
)

# -- talk time and share of the floor
st.subheader("Talk time")
chart(talk_time_bar(speakers, wpm=wpm, colours=colours), "talk_time")
chart(share_bar(speakers, filtered=bool(ctx.speakers), colours=colours), "share_of_the_floor")
scale, unit = (1.0, "s") if speakers["talk_time_s"].max() < 120 else (60.0, "min")  # as the chart's unit
display = speakers.assign(
    talk_time_shown=speakers["talk_time_s"] / scale,
    talk_share_pct=speakers["talk_share"] * 100,
    word_share_pct=speakers["word_share"] * 100,
    longest_turn_start=speakers["longest_turn_start_s"].map(clock),
    **(
        {
            "talk_share_shown_pct": speakers["talk_share_shown"] * 100,
            "word_share_shown_pct": speakers["word_share_shown"] * 100,
        }
        if ctx.speakers
        else {}
    ),
)
order = ["speaker", "role", "n_turns", "n_words", "word_share_pct"]
order += (
    ["word_share_shown_pct", "talk_time_shown", "talk_share_pct", "talk_share_shown_pct"]
    if ctx.speakers
    else [
        "talk_time_shown",
        "talk_share_pct",
    ]
)
order += ["solo_time_s", "overlap_s", "median_turn_words", "median_turn_s", "longest_turn_s", "longest_turn_start"]
order += ["longest_turn_first_words"] + (["wpm"] if timed else [])
pct = "%.1f"
table_with_download(
    speakers,
    display=display,
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="speakers",
    label="Download speaker table (CSV)",
    column_order=order,
    columns={
        "word_share_pct": st.column_config.NumberColumn("Words (% of all)", format=pct),
        "word_share_shown_pct": st.column_config.NumberColumn("Words (% of shown)", format=pct),
        "talk_time_shown": st.column_config.NumberColumn(
            f"Talk time ({estimated}{unit})", format="%.2f" if unit == "min" else "%.1f"  # a one-word speaker is not 0
        ),
        "talk_share_pct": st.column_config.NumberColumn("Talk time (% of all)", format=pct),
        "talk_share_shown_pct": st.column_config.NumberColumn("Talk time (% of shown)", format=pct),
        "solo_time_s": st.column_config.NumberColumn("Alone (s)", format="%.1f"),
        "overlap_s": st.column_config.NumberColumn("Overlapping (s)", format="%.1f"),
        "median_turn_words": st.column_config.NumberColumn("Median turn (words)", format="%.0f"),
        "median_turn_s": st.column_config.NumberColumn("Median turn (s)", format="%.0f"),
        "longest_turn_s": st.column_config.NumberColumn("Longest turn (s)", format="%.0f"),
        "longest_turn_start": "Longest starts at",
        "longest_turn_first_words": "Longest turn begins",
        "wpm": st.column_config.NumberColumn("Words per minute", format="%.0f"),
    },
)

# -- when
st.subheader("Who spoke when")
intervals = cached.speech_intervals(turns)
order_top_down = list(speakers["speaker"])
chart(timeline(intervals, turns, speaker_order=order_top_down, wpm=wpm, colours=colours), "who_spoke_when")
csv_download(
    intervals,
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="timeline",
    label="Download the timeline's speech intervals (CSV)",
)
cumulative = cached.cumulative_talk_time(turns)
chart(cumulative_chart(cumulative, speaker_order=order_top_down, wpm=wpm, colours=colours), "talk_time_so_far")
csv_download(
    cumulative,
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="cumulative_talk_time",
    label="Download cumulative talk time (CSV)",
)
chart(turn_length_chart(lengths, speaker_order=order_top_down, wpm=wpm, colours=colours), "turn_lengths")
csv_download(
    lengths,
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="turn_lengths",
    label="Download turn lengths (CSV)",
)

# -- turn-taking
st.subheader("Interruptions and crosstalk")
found = tables["interruptions"]
if ctx.speakers:
    found = found[found["interrupter"].isin(ctx.speakers) | found["interrupted"].isin(ctx.speakers)]
n_crosstalk = int(tables["crosstalk"]["speaker"].isin(ctx.speakers or whole["speaker"].unique()).sum())
if found.empty:
    st.markdown(f"No interruptions found{' involving the speakers shown' if ctx.speakers else ''}.")
else:
    per = found["interrupter"].value_counts()
    tied = set(per.index[per == per.iloc[0]])  # every speaker tied for most, in order of their first interruption
    top = [md_escape(str(s)) for s in dict.fromkeys(found["interrupter"]) if s in tied]
    most = (
        f"most by {top[0]} ({per.iloc[0]})"
        if len(top) == 1
        else f"most by {', '.join(top[:-1])} and {top[-1]} ({per.iloc[0]} each)"
    )
    st.markdown(
        f"**{plural(len(found), 'interruption')}**{' involving the speakers shown' if ctx.speakers else ''}; {most}."
    )
    table_with_download(
        found.assign(at=found["at_s"].map(clock), turn=found["turn_id"] + 1),
        transcript_name=transcript.name,
        speakers=ctx.speakers,
        view="interruptions",
        label="Download interruptions (CSV)",
        column_order=["at", "interrupter", "interrupted", "rule", "cut_off_words"]
        + (["overlap_s"] if timed else [])
        + ["turn"],
        columns={
            "at": "When" if timed else "When (estimated)",
            "interrupter": "Who cut in",
            "interrupted": "Whom",
            "rule": "Rule",
            "cut_off_words": "Last words cut off",
            "overlap_s": st.column_config.NumberColumn("Overlap (s)", format="%.1f"),
            "turn": st.column_config.NumberColumn("Turn", format="localized", help="The interrupting turn."),
        },
    )
st.caption(
    f"{plural(n_crosstalk, 'crosstalk marker')} (`[crosstalk]`, `(overlapping)`, a `CROSSTALK` label) "
    f"in the turns{' of the speakers shown' if ctx.speakers else ''}, counted apart from interruptions."
)
per_speaker = tables["per_speaker"]
if ctx.speakers:
    per_speaker = per_speaker[per_speaker["speaker"].isin(ctx.speakers)]
table_with_download(
    per_speaker,
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="turn_taking",
    label="Download turn-taking per speaker (CSV)",
    columns={
        "interruptions_made": st.column_config.NumberColumn("Interrupted others", format="%d"),
        "times_interrupted": st.column_config.NumberColumn("Was interrupted", format="%d"),
        "crosstalk_markers": st.column_config.NumberColumn("Crosstalk markers", format="%d"),
        "questions_asked": st.column_config.NumberColumn("Questions asked", format="%d"),
        "questions_received": st.column_config.NumberColumn("Questions answered", format="%d"),
        "mean_wait_turns": st.column_config.NumberColumn("Mean wait (turns)", format="%.1f"),
        "mean_wait_s": st.column_config.NumberColumn(f"Mean wait ({estimated}s)", format="%.0f"),
    },
)

st.subheader("Questions")
asked = tables["questions"]
if ctx.speakers:
    asked = asked[asked["questioner"].isin(ctx.speakers) | asked["answerer"].isin(ctx.speakers)]
if asked.empty:
    st.markdown("No questions from speakers in the question role" + (" among those shown." if ctx.speakers else "."))
else:
    chart(questions_bar(asked, colours=colours), "questions_per_questioner", estimate=False)
    csv_download(
        asked,
        transcript_name=transcript.name,
        speakers=ctx.speakers,
        view="questions",
        label="Download questions per questioner (CSV)",
    )

with st.expander("How this is measured"):
    if timed:
        time_note = (
            "**Talk time** comes from the transcript's timestamps: each turn's speech intervals are its cues, "
            "diarized segments or words, with pauses of up to 2 s inside speech counted and longer silences "
            "left out; a turn with only a start time lasts until the next starts, but no longer than its words "
            "take at 60 words per minute."
        )
    else:
        long_s, short_s = estimate_seconds([20, 5], [1, 1], wpm=ctx.wpm)
        time_note = (
            f"The transcript has no timestamps, so **talk time is estimated**: each turn lasts its words less "
            f"{SENTENCE_WORDS:g} words for each sentence, at the pace that makes a sentence of "
            f"{REFERENCE_SENTENCE_WORDS:g} words go at {ctx.wpm:g} words per minute (the rate in the sidebar). "
            f"So long sentences are slower and short ones faster: a 20-word sentence at {20 * 60 / long_s:.0f} "
            f"and a 5-word one at {5 * 60 / short_s:.0f} words per minute. A turn whose sentences average more "
            f"than {UNPUNCTUATED_SENTENCE_WORDS:g} words (speech-to-text without full stops, a run-on) is taken as "
            f"unpunctuated and goes at the rate itself, as if in sentences of {REFERENCE_SENTENCE_WORDS:g} words, "
            f"so a long turn of two very long sentences can be estimated shorter than a shorter turn of many "
            f"sentences. Turns are laid end to end. The default "
            f"rate and the sentence allowance were fitted on three force-aligned 2020 US debates and town halls "
            f"(M-Arg) to match each speaker's total, and measured on two others: per-speaker talk time was off "
            f"by {ESTIMATE_MAPE_PCT:.1f}% on average (mean absolute percentage error) and shares of talk time by "
            f"{ESTIMATE_SHARE_ERROR_PTS:.1f} percentage points. What remains is each speaker's own pace: in the "
            f"held-out vice-presidential debate the two candidates, with sentences of the same length (15 words "
            f"on average), spoke at 160 and 171 words per minute. Word counts are exact; every time on this page "
            f"is an estimate."
        )
    overlap_rule = (
        f", or that starts at least {MIN_OVERLAP_S:g} s before the previous speaker's speech ends "
        '(a back-channel such as "Mhm" over someone\'s speech counts too)'
        if timed
        else ""
    )
    st.markdown(
        f"""
{time_note}

- **Talk time** of a speaker: the union of their speech intervals; **alone** when nobody else speaks,
  **overlapping** otherwise. **Speech** (the transcript's duration) is the union of everyone's intervals,
  so overlapping speech counts once. **Share of the floor**: a speaker's talk time over the sum of all
  speakers' talk times.
- **Turn**: an uninterrupted stretch by one speaker. Turn length is the turn's talk time; the
  **longest answer** is the longest turn by a speaker in the answer role after the first question
  (an opening statement is not an answer).
- **Interruption**: a turn by another speaker right after a turn that ends on a cut-off marker
  (`--`, a dash, an ellipsis){overlap_rule}.
- **Crosstalk**: markers such as `[crosstalk]` or `(overlapping)`, counted separately.
- **Wait**: turns by others, and seconds, between two consecutive turns of a speaker.
- **Question**: a turn with a question mark by a speaker in the question role (reporters,
  moderators; set roles on the Speakers page); it is answered by the next speaker if they are not
  a questioner too.
"""
    )
