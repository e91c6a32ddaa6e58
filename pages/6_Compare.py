"""Compare: two or more transcripts side by side (talk share per person, questions, phrase rates)."""

import pandas as pd
import streamlit as st

from components import cached
from components.compare_charts import phrase_rate_bars, qa_bars, talk_share_bars
from components.downloads import csv_download
from components.numbers import grouped
from components.publish import several_source_line, show_chart, speaker_colours
from components.render import md_escape, plural
from components.state import SOURCE_KEY, WPM_KEY, library, load_transcript, page_setup
from podium.compare import REPORTERS, match_people, split_phrases
from podium.model import ParseError
from podium.talk_time import DEFAULT_WPM
from podium.text import DecodeError

ctx = page_setup("Compare")
lib = library()
entries = {e.id: e for e in lib.entries()}

CHOSEN_KEY = "compare_ids"
PHRASES_KEY = "compare_phrases"
PEOPLE_KEY = "compare_people"  # {(event id, label): person}
SEEDED = "compare_seeded"
DEFAULT_PHRASES = "Ukraine, China, thank you"

# -- the choice lives in the session and the URL (?c=<id>&c=<id>&p=phrases) ---------------------
if not st.session_state.get(SEEDED):
    st.session_state[SEEDED] = True
    wanted = list(dict.fromkeys(st.query_params.get_all("c")))
    unknown = [w for w in wanted if w not in entries]
    if unknown:
        st.warning(
            f"The link names transcripts that are not in this server's library ({', '.join(unknown)}); "
            "they are left out.",
            icon=":material/link:",
        )
    chosen = [w for w in wanted if w in entries]
    if not wanted:
        chosen = [e.id for e in entries.values() if e.bundled and e.event in ("briefing", "debate")]
    st.session_state[CHOSEN_KEY] = chosen
    st.session_state[PHRASES_KEY] = st.query_params.get("p", DEFAULT_PHRASES)
chosen = [c for c in st.session_state.get(CHOSEN_KEY, []) if c in entries]
st.session_state[CHOSEN_KEY] = chosen


def _copy(widget: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget]


st.title("Compare events")
st.session_state["compare_ids_widget"] = chosen
st.multiselect(
    "Transcripts to compare",
    options=list(entries),
    format_func=lambda k: entries[k].label,
    key="compare_ids_widget",
    on_change=_copy,
    args=("compare_ids_widget", CHOSEN_KEY),
    placeholder="Choose two or more transcripts from the library",
)
st.query_params["c"] = chosen
if len(chosen) < 2:
    st.info("Choose two or more transcripts to compare them side by side.")
    st.stop()


# -- read every chosen transcript (the open one with the user's speaker edits) --------------------
def _event_name(entry) -> str:
    title = entry.title if len(entry.title) <= 44 else entry.title[:43].rstrip() + "…"
    return f"{title} ({entry.date or 'undated'})"


wpm = float(st.session_state.get(WPM_KEY, DEFAULT_WPM))
open_id = (st.session_state.get(SOURCE_KEY) or {}).get("id")
turns_by_event: dict[str, pd.DataFrame] = {}
estimated: set[str] = set()  # events whose times are estimated from words
problems = []
for entry_id in chosen:
    if entry_id == open_id:
        turns_by_event[entry_id] = ctx.transcript.turns
        if ctx.transcript.timing == "estimated":
            estimated.add(entry_id)
        continue
    try:
        name, data = lib.read(entry_id)
        loaded = load_transcript(data, name, wpm)
        turns_by_event[entry_id] = loaded.turns
        if loaded.timing == "estimated":
            estimated.add(entry_id)
    except (KeyError, OSError, DecodeError, ParseError) as exc:
        problems.append(f"{entries[entry_id].name}: {exc}")
if problems:
    st.error("Could not read " + "; ".join(problems) + ". The other transcripts are compared.", icon=":material/error:")
names = {e: _event_name(entries[e]) for e in turns_by_event}
if len(set(names.values())) < len(names):  # two events with the same title and date
    names = {e: f"{n} [{e[:8]}]" for e, n in names.items()}
if len(turns_by_event) < 2:
    st.stop()

edits = st.session_state.get(PEOPLE_KEY) or {}
people = match_people({e: list(dict.fromkeys(t["speaker"])) for e, t in turns_by_event.items()}, edits)
shares = cached.compare_talk_share(turns_by_event, people)
summary = cached.compare_qa_summary(turns_by_event)

# -- headline -------------------------------------------------------------------------------------
n_events = len(turns_by_event)
total_words = int(summary["n_words"].sum())
in_several = shares.groupby("person")["event_id"].nunique()
recurring = in_several[in_several > 1].index.tolist()
lead = f"**{plural(n_events, 'event')}, {total_words:,} words.** "
named = [p for p in recurring if p != REPORTERS]
if named:
    person = max(named, key=lambda p: shares.loc[shares["person"] == p, "talk_time_s"].sum())
    rows = shares[shares["person"] == person]
    parts = ", ".join(f"{r.talk_share:.0%} of {md_escape(names[r.event_id])}" for r in rows.itertuples())
    lead += f"**{md_escape(person)}** speaks in {len(rows)} of them: {parts}."
else:
    lead += "No speaker is matched in more than one of them; match people by hand in the table below."
st.markdown(lead)

events_line = "Events: " + "; ".join(names.values())
files = [entries[e].name for e in turns_by_event]


def chart(fig, key: str, view: str, *, times: bool = False) -> None:
    """A chart with its source line (the events and their files) and downloads named ``compare_<view>``."""
    rate = ""
    if times and estimated:
        which = "" if len(estimated) == len(turns_by_event) else f" ({len(estimated)} of {len(turns_by_event)} events)"
        rate = f"times estimated at {wpm:g} words per minute{which}"
    source = several_source_line(events_line, files, estimate=rate)
    show_chart(fig, key=key, view=view, source=source, name="compare")


# -- talk share -----------------------------------------------------------------------------------
st.subheader("Talk share per person")
open_colours = {}  # the open transcript's speakers keep their colour from every other page
if open_id in turns_by_event:
    by_label = speaker_colours(ctx.transcript.speakers)
    for row in people[people["event_id"] == open_id].itertuples():
        open_colours.setdefault(row.person, by_label.get(row.label))
chart(
    talk_share_bars(shares, names, colours={p: c for p, c in open_colours.items() if c}),
    "compare_talk_share",
    "talk_share",
    times=True,
)
display = shares.assign(event=shares["event_id"].map(names))
st.dataframe(
    display,
    hide_index=True,
    column_order=["event", "person", "labels", "n_turns", "n_words", "talk_time_s", "talk_share", "word_share"],
    column_config=grouped(
        display,
        {
            "event": st.column_config.TextColumn("Event", width="medium"),
            "person": "Person",
            "labels": "Labelled as",
            "n_turns": st.column_config.NumberColumn("Turns", format="%d"),
            "n_words": st.column_config.NumberColumn("Words", format="localized"),
            "talk_time_s": st.column_config.NumberColumn("Talk time (s)", format="%.0f"),
            "talk_share": st.column_config.NumberColumn("Share of talk time", format="percent"),
            "word_share": st.column_config.NumberColumn("Share of words", format="percent"),
        },
    ),
)
csv_download(
    display[["event_id", "event", *[c for c in shares.columns if c != "event_id"]]],
    transcript_name="compare",
    view="talk_share",
    label="Download talk share (CSV)",
)

with st.expander(f"Who is who across events ({plural(len(recurring), 'person', 'people')} in more than one)"):
    st.caption(
        "Labels are matched by Podium's alias rules (spelling variants, a surname or office and surname to the one "
        "full name) and by the names you type here: give two labels the same person to count them as one."
    )
    table = people.assign(event=people["event_id"].map(names))

    def _on_people(shown: pd.DataFrame) -> None:
        changes = st.session_state["compare_people_editor"].get("edited_rows", {})
        new = dict(st.session_state.get(PEOPLE_KEY) or {})
        for row, values in changes.items():
            if "person" in values:
                new[(shown.loc[int(row), "event_id"], shown.loc[int(row), "label"])] = str(values["person"] or "")
        st.session_state[PEOPLE_KEY] = new
        st.session_state.pop("compare_people_editor", None)

    st.data_editor(
        table,
        key="compare_people_editor",
        hide_index=True,
        column_order=["event", "label", "person"],
        disabled=["event", "label"],
        on_change=_on_people,
        args=(table,),
        column_config={"event": "Event", "label": "Label in the transcript", "person": "Person"},
    )
    if edits:
        st.button("Undo the names typed here", on_click=lambda: st.session_state.pop(PEOPLE_KEY, None))

# -- questions and answers ------------------------------------------------------------------------
st.subheader("Questions and answers per event")
asked = summary[summary["n_questions"] > 0]
if asked.empty:
    st.markdown("No questions were found in these events (no speaker has the role *question*).")
else:
    most = asked.loc[asked["n_questions"].idxmax()]
    st.markdown(
        f"**{md_escape(names[most['event_id']])} had the most questions: {int(most['n_questions'])}**, "
        f"{int(most['n_answered'])} answered. Events with no questioner (debates, interviews without a "
        "labelled interviewer) show none; set roles on the Speakers page."
    )
    chart(qa_bars(summary, names), "compare_qa", "questions")
qa_display = summary.assign(event=summary["event_id"].map(names))
st.dataframe(
    qa_display,
    hide_index=True,
    column_order=[
        "event",
        "n_questions",
        "n_answered",
        "n_unanswered",
        "question_words_mean",
        "answer_words_mean",
        "n_words",
    ],
    column_config=grouped(
        qa_display,
        {
            "event": st.column_config.TextColumn("Event", width="medium"),
            "n_questions": st.column_config.NumberColumn("Questions", format="%d"),
            "n_answered": st.column_config.NumberColumn("Answered", format="%d"),
            "n_unanswered": st.column_config.NumberColumn("Unanswered", format="%d"),
            "question_words_mean": st.column_config.NumberColumn("Words per question", format="%.0f"),
            "answer_words_mean": st.column_config.NumberColumn("Words per answer", format="%.0f"),
            "n_words": st.column_config.NumberColumn("Words in the event", format="localized"),
        },
    ),
)
csv_download(
    qa_display[["event_id", "event", *[c for c in summary.columns if c != "event_id"]]],
    transcript_name="compare",
    view="questions",
    label="Download questions per event (CSV)",
)

# -- phrase rates ---------------------------------------------------------------------------------
st.subheader("Phrases per 1,000 words")
st.session_state["compare_phrases_widget"] = st.session_state.get(PHRASES_KEY, DEFAULT_PHRASES)
typed = st.text_input(
    "Phrases, separated by commas",
    key="compare_phrases_widget",
    on_change=_copy,
    args=("compare_phrases_widget", PHRASES_KEY),
    help="Matched case-insensitively as whole words inside one sentence, as on the Phrases page.",
)
st.query_params["p"] = typed
phrases = split_phrases(typed)
if not phrases:
    st.info("Type one or more phrases to compare how often each event uses them.")
else:
    rates = cached.compare_phrase_rates(turns_by_event, tuple(phrases))
    best = rates.loc[rates["per_1000_words"].idxmax()]
    if best["count"]:
        st.markdown(
            f"**“{md_escape(best['phrase'])}” is said most often in {md_escape(names[best['event_id']])}: "
            f"{int(best['count'])} times, {best['per_1000_words']:.2f} per 1,000 words.**"
        )
    else:
        st.markdown("None of these phrases is said in these events.")
    chart(phrase_rate_bars(rates, names), "compare_phrase_rates", "phrase_rates")
    rates_display = rates.assign(event=rates["event_id"].map(names))
    st.dataframe(
        rates_display,
        hide_index=True,
        column_order=["phrase", "event", "count", "n_words", "per_1000_words"],
        column_config=grouped(
            rates_display,
            {
                "phrase": "Phrase",
                "event": st.column_config.TextColumn("Event", width="medium"),
                "count": st.column_config.NumberColumn("Occurrences", format="%d"),
                "n_words": st.column_config.NumberColumn("Words in the event", format="localized"),
                "per_1000_words": st.column_config.NumberColumn("Per 1,000 words", format="%.2f"),
            },
        ),
    )
    csv_download(
        rates_display[["event_id", "event", *[c for c in rates.columns if c != "event_id"]]],
        transcript_name="compare",
        view="phrase_rates",
        label="Download phrase rates (CSV)",
    )

with st.expander("How this is counted"):
    st.markdown(
        """
- **Talk share**: a person's talk time over the event's total talk time (times estimated from words where
  the transcript has no timestamps, at the sidebar's rate). Shares of words are in the table and CSV.
- **Same person**: labels are matched across events by the alias rules (spelling, abbreviations, a surname or
  an office and surname to the one full name with it) and the names typed above. Numbered labels such as
  `Speaker 1` or `SPEAKER_08` are never matched across files. `Q` and `REPORTER` are shown together as
  *Reporters*: they stand for every reporter in the room.
- **Questions**: turns by a speaker with the role *question*, each paired with the answer turns that follow,
  as on the Q&A page.
- **Phrase rate**: occurrences of the phrase's words in order inside one sentence, per 1,000 words of the event.
"""
    )
