"""Phrases: what each speaker keeps saying, what only they say, and where."""

import html

import pandas as pd
import streamlit as st

from components import cached
from components.charts import (
    MAX_CLOUD_WORDS,
    dispersion_chart,
    log_odds_chart,
    phrase_bar,
    speaker_phrase_bar,
)
from components.copyable import copy_box
from components.publish import cloud_download, show_chart, speaker_colours
from components.render import md_escape, plural
from components.state import page_setup, remembered
from components.tables import table_with_download
from podium.kwic import clock
from podium.phrases import MAX_N, parse_stopwords, stopwords

ctx = page_setup("Phrases")
transcript = ctx.transcript
turns = ctx.turns
texts = tuple(turns["text"])
speakers_of_turns = tuple(turns["speaker"])
estimated = transcript.timing == "estimated"

st.title("Repeated phrases")
if int(transcript.turns["n_words"].sum()) == 0:
    st.info(
        "This file holds speaker segments without words (such as RTTM from pyannote), so there are no "
        "phrases to count. Talk time and the timeline are on the Speaker time page."
    )
    st.stop()
c1, c2 = st.columns([3, 1])
n = c1.segmented_control(
    "Phrase length (words)",
    options=list(range(1, MAX_N + 1)),
    format_func=lambda k: f"{k}-word",
    **remembered("phrase_n", 2),
)
n = n or 2
st.session_state["phrase_n"] = n  # a cleared choice falls back to 2-word phrases
min_count = int(
    c2.number_input("Seen at least (times)", min_value=1, max_value=50, step=1, **remembered("phrase_min", 2))
)
c3, c4 = st.columns(2)
drop_stops = c3.toggle(
    "Drop stopword phrases",
    help="Drops phrases that start or end with a stopword, a word like 'the', 'and', 'of' (edit the list "
    "below). Stopwords are never removed from inside a phrase.",
    **remembered("phrase_stops", True),
)
maximal_only = c4.toggle(
    "Only maximal phrases",
    help="Hide a phrase when every time it was said it was part of one longer phrase of the table "
    "(a 4-word phrase said only inside a 5-word phrase is shown once, as the 5-word phrase).",
    **remembered("phrase_maximal", False),
)

default_stops = ", ".join(sorted(stopwords()))
# a popover: the list is drawn when opened, so the page does not load the text box's code on every visit
with st.popover("Stopwords (edit the list)", icon=":material/edit_note:"):
    stop_text = st.text_area(
        "Words a phrase may not start or end with, separated by commas or spaces",
        height=110,
        help="Starts as wordcloud's English stopword list without the negations no, not, nor, never. Write "
        "capitals (US) to stop only the capitalised form.",
        **remembered("phrase_stopwords", default_stops),
    )
    if st.button("Reset to the default list", key="phrase_stopwords_reset"):
        st.session_state["phrase_stopwords"] = default_stops
        st.rerun()
stops = tuple(sorted(parse_stopwords(stop_text)))

table, by_speaker = cached.phrase_tables(texts, speakers_of_turns, n, min_count, stops, drop_stops, maximal_only)
who = md_escape(ctx.filter_label)
if table.empty:
    if turns.empty or int(turns["n_words"].sum()) == 0:
        st.info(f"The turns of {who} have no words to count.")
    else:
        st.info(
            f"No {n}-word phrase occurs {plural(min_count, 'time')} or more in the turns of {who}. "
            "Lower “Seen at least”, choose shorter phrases or turn the stopword rule off."
        )
else:
    top = table.iloc[0]
    others = ", ".join(
        f"“{md_escape(p)}” ({c})" for p, c in table[["phrase", "count"]].iloc[1:4].itertuples(index=False)
    )
    seen = "said" if min_count == 1 else f"said at least {plural(min_count, 'time')}"
    st.markdown(
        f"**“{md_escape(top['phrase'])}” is the most repeated {n}-word phrase: {plural(int(top['count']), 'time')} "
        f"in {plural(int(top['n_turns']), 'turn')}** by {who}, {top['per_1000_words']:.1f} per 1,000 words."
        + (f" Then {others}." if others else "")
        + f" {plural(len(table), f'{n}-word phrase')} {'is' if len(table) == 1 else 'are'} {seen}."
    )
    show_chart(
        phrase_bar(table, top=20),
        key="phrase_bar",
        transcript=transcript,
        view=f"phrases_{n}gram",
        speakers=ctx.speakers,
    )

    # speakers side by side: the speakers with the most words in the selection, at most six
    words_by_speaker = turns.groupby("speaker", sort=False)["n_words"].sum().sort_values(ascending=False, kind="stable")
    side = [s for s in words_by_speaker.index if words_by_speaker[s] > 0][:6]
    if len(side) > 1:
        show_chart(
            speaker_phrase_bar(
                by_speaker,
                list(table["phrase"].head(12)),
                speaker_order=side,
                colours=speaker_colours(transcript.speakers),  # each speaker's colour on every page
            ),
            key="phrase_speaker_bar",
            transcript=transcript,
            view=f"phrases_by_speaker_{n}gram",
            speakers=ctx.speakers,
        )

    st.subheader("All repeated phrases")
    wide = table.copy()
    columns = {
        "phrase": "Phrase",
        "n": st.column_config.NumberColumn("Words in phrase", format="%d"),
        "count": st.column_config.NumberColumn("Occurrences", format="%d"),
        "per_1000_words": st.column_config.NumberColumn("Per 1,000 words", format="%.2f"),
        "maximal": st.column_config.CheckboxColumn("Maximal", help="Not always part of one longer phrase"),
    }
    if len(side) > 1:
        for speaker in side:
            own = by_speaker[by_speaker["speaker"] == speaker].set_index("phrase")
            count_col, rate_col = f"{speaker}: count", f"{speaker}: per 1,000 words"
            wide[count_col] = wide["phrase"].map(own["count"]).fillna(0).astype("int64")
            wide[rate_col] = wide["phrase"].map(own["per_1000_words"]).fillna(0.0)
            columns[count_col] = st.column_config.NumberColumn(f"{speaker}: count", format="%d")
            columns[rate_col] = st.column_config.NumberColumn(f"{speaker}: per 1,000 words", format="%.2f")
        if len(words_by_speaker) > len(side):
            st.caption(f"Side by side: the {len(side)} speakers with the most words; the download lists all.")
    table_with_download(
        wide,
        transcript_name=transcript.name,
        speakers=ctx.speakers,
        view=f"phrases_{n}gram",
        label="Download phrases (CSV)",
        columns=columns,
    )
    if len(side) > 1:
        from components.downloads import csv_download

        csv_download(
            by_speaker,
            transcript_name=transcript.name,
            speakers=ctx.speakers,
            view=f"phrasesbyspeaker_{n}gram",
            label="Download phrases by speaker (CSV)",
        )

# ---- distinctive terms ---------------------------------------------------------------------
st.subheader("What only they say: distinctive words and phrases")
words_of = turns.groupby("speaker", sort=False)["n_words"].sum()  # once, not a scan per speaker (10,000 speakers)
speaking = [s for s in dict.fromkeys(speakers_of_turns) if int(words_of.get(s, 0))]
if len(speaking) < 2:
    st.info(
        "Distinctive terms compare speakers: choose at least two speakers with words in the sidebar filter "
        "(or clear it)."
    )
else:
    distinctive = cached.distinctive_terms(texts, speakers_of_turns, n, min_count, stops, drop_stops)
    chart_speakers = sorted(speaking, key=lambda s: -int(words_of.get(s, 0)))[:4]
    strong = distinctive[distinctive["z"] > 1.96]
    if strong.empty:
        st.markdown(
            f"No {n}-word phrase said {plural(min_count, 'time')} or more is used by one speaker clearly more "
            "than by the others (no z-score above 1.96)."
        )
    else:
        best = strong.sort_values("z", ascending=False).iloc[0]
        st.markdown(
            f"**“{md_escape(best['term'])}” is the most distinctive {n}-word phrase: "
            f"{md_escape(best['speaker'])} said it {plural(int(best['count']), 'time')}, the others "
            f"{plural(int(best['count_others']), 'time')} (z = {best['z']:.2f}).** "
            f"{plural(len(strong), 'phrase')} {'has' if len(strong) == 1 else 'have'} a z-score above 1.96."
        )
    if not distinctive.empty:
        show_chart(
            log_odds_chart(distinctive, speakers=chart_speakers, top=10, colours=speaker_colours(transcript.speakers)),
            key="phrase_log_odds",
            transcript=transcript,
            view=f"distinctive_{n}gram",
            speakers=ctx.speakers,
        )
        if len(speaking) > len(chart_speakers):
            st.caption(f"Chart: the {len(chart_speakers)} speakers with the most words; the table lists everyone.")
        table_with_download(
            distinctive,
            transcript_name=transcript.name,
            speakers=ctx.speakers,
            view=f"distinctive_{n}gram",
            label="Download distinctive terms (CSV)",
            columns={
                "term": "Word or phrase",
                "count": st.column_config.NumberColumn("Said by speaker", format="%d"),
                "count_others": st.column_config.NumberColumn("Said by the others", format="%d"),
                "prior": st.column_config.NumberColumn("Prior (pseudo-count)", format="%.0f"),
                "log_odds": st.column_config.NumberColumn("Log-odds ratio", format="%.3f"),
                "se": st.column_config.NumberColumn("Standard error", format="%.3f"),
                "z": st.column_config.NumberColumn("z-score", format="%.2f"),
            },
        )

# ---- word cloud ----------------------------------------------------------------------------
st.subheader("Word cloud")
per_speaker_cloud = st.toggle("One cloud per speaker", **remembered("phrase_cloud_per_speaker", False))
if table.empty:
    st.info(f"No cloud: no {n}-word phrase is in the table for {who}.")
elif not per_speaker_cloud:
    drawn = min(len(table), MAX_CLOUD_WORDS)
    cloud = cached.word_cloud(table[["phrase", "count"]])
    st.image(
        cloud,
        caption=f"The {'' if drawn == len(table) else f'top {drawn} of the '}"
        f"{plural(len(table), f'{n}-word phrase')} in the table, sized by count.",
    )
    if cloud is not None:
        cloud_download(cloud, transcript=transcript, view=f"word_cloud_{n}gram", speakers=ctx.speakers)
else:
    for speaker in dict.fromkeys(speakers_of_turns):
        own = by_speaker[by_speaker["speaker"] == speaker][["phrase", "count"]]
        st.markdown(f"**{md_escape(speaker)}**")
        if own.empty:
            st.caption(f"{md_escape(speaker)} said none of the phrases in the table.")
        else:
            st.image(
                cached.word_cloud(own),
                caption=f"{plural(len(own), f'{n}-word phrase')} of the table said by {md_escape(speaker)}, "
                "sized by their count.",
            )

# ---- keyword in context --------------------------------------------------------------------
st.subheader("Keyword in context")
default_query = str(table["phrase"].iloc[0]) if not table.empty else ""
# a new transcript starts the search and the dispersion plot afresh, from its own top phrase
context = [transcript.name, transcript.source_format, len(transcript.turns), int(transcript.turns["n_words"].sum())]
if st.session_state.get("phrase_context") != context:
    st.session_state["phrase_context"] = context
    st.session_state["kwic_query"] = default_query
    for key in [k for k in st.session_state if str(k).startswith("dispersion_phrases")]:
        del st.session_state[key]
query = st.text_input(
    "Find a word or phrase",
    help="Any word or phrase, said once or many times. Typed in lower case it also finds capitals "
    "(nato finds NATO); with capitals it is matched exactly (US is not us).",
    **remembered("kwic_query", default_query),
)
query = query.strip()
if query:
    lines = cached.kwic(turns, query, False, estimated)
    if lines.empty:
        st.info(f"“{md_escape(query)}” is not said in the turns of {who}.")
    else:
        said_by = md_escape(", ".join(dict.fromkeys(lines["speaker"])))
        st.markdown(
            f"**“{md_escape(query)}”: {plural(len(lines), 'occurrence')} in "
            f"{plural(lines['turn_id'].nunique(), 'turn')}** by {said_by}."
        )
        shown = lines.head(200)
        approx = "≈" if estimated else ""
        rows = "".join(
            f'<tr><td class="k-meta">turn {int(r.turn_id) + 1} <br>{approx}{clock(r.time_s)}</td>'
            f'<td class="k-who">{html.escape(r.speaker)}</td>'
            f'<td class="k-left">{html.escape(r.left)} </td><td class="k-key">{html.escape(r.keyword)}</td>'
            # on a phone the three cells run as one sentence: a space unless punctuation follows
            f'<td class="k-right">{" " if r.right[:1].isalnum() else ""}{html.escape(r.right)}</td></tr>'
            for r in shown.itertuples(index=False)
        )
        st.html(
            """<style>
            table.podium-kwic { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .92rem; }
            table.podium-kwic td { padding: .3rem .4rem; border-bottom: 1px solid #eef0f3; vertical-align: top;
              overflow-wrap: anywhere; }
            table.podium-kwic td.k-meta { width: 5.5rem; color: #6b7280; font-size: .8rem; }
            table.podium-kwic td.k-who { width: 9rem; font-weight: 600; font-size: .85rem; }
            table.podium-kwic td.k-left { text-align: right; color: #374151; }
            table.podium-kwic td.k-key { width: 11rem; text-align: center; font-weight: 700; color: #1f5f8b; }
            table.podium-kwic td.k-right { color: #374151; }
            @media (max-width: 640px) {  /* a phone: each line as a short heading and its context below */
              table.podium-kwic, table.podium-kwic tbody, table.podium-kwic tr { display: block; width: 100%; }
              table.podium-kwic tr { padding: .45rem 0; border-bottom: 1px solid #eef0f3; }
              table.podium-kwic td { display: inline; width: auto; padding: 0; border: 0; }
              table.podium-kwic td.k-meta br { display: none; }
              table.podium-kwic td.k-who { margin-left: .5rem; }
              table.podium-kwic td.k-who::after { content: ""; display: block; margin-bottom: .15rem; }
              table.podium-kwic td.k-left, table.podium-kwic td.k-key { text-align: left; }
            }
            </style>"""
            f'<table class="podium-kwic">{rows}</table>'
        )
        if len(lines) > len(shown):
            st.caption(f"Showing the first {len(shown)} of {len(lines)} lines; the download has them all.")
        table_with_download(
            lines.assign(time=[f"{approx}{clock(t)}" for t in lines["time_s"]]),
            display=lines.assign(time=[f"{approx}{clock(t)}" for t in lines["time_s"]], turn_id=lines["turn_id"] + 1),
            transcript_name=transcript.name,
            speakers=ctx.speakers,
            view=f"kwic_{query}",
            label="Download these lines (CSV)",
            columns={
                "time_s": None,
                "turn_id": st.column_config.NumberColumn(
                    "Turn", format="localized", help="Numbered from 1 (turn_id + 1 in the CSV)."
                ),
                "time": "Time",
                "left": "Before",
                "keyword": "Said",
                "right": "After",
                "quote": "Quote",
            },
            column_order=["turn_id", "time", "speaker", "left", "keyword", "right", "quote"],
        )
        labels = [f"turn {int(r.turn_id) + 1}, {approx}{clock(r.time_s)}: …{r.keyword}…" for r in lines.itertuples()]
        pick = st.selectbox(
            "Copy as quote",
            options=range(len(lines)),
            format_func=lambda i: labels[i],
            key="kwic_quote_pick",
            help="The whole sentence, attributed; the copy button is at the right of the box.",
        )
        copy_box(lines["quote"].iloc[pick or 0])
        turn_id = int(lines["turn_id"].iloc[pick or 0])
        st.page_link(
            "app.py",
            label=f"Read turn {turn_id + 1} in the transcript (Overview)",
            icon=":material/article:",
            query_params={"turn": str(turn_id)},
        )

    # ---- dispersion ----------------------------------------------------------------------------
    st.subheader("Where phrases are said")
    options = list(dict.fromkeys([query, *table["phrase"].head(30)]))
    chosen = st.multiselect(
        "Phrases to place on the timeline",
        options=options,
        default=options[:5],
        key=f"dispersion_phrases_{n}",
        accept_new_options=True,
        help="Pick phrases from the table or type any word or phrase.",
    )
    by = st.segmented_control(
        "Place by", options=["time", "turn"], format_func=str.capitalize, **remembered("dispersion_by", "time")
    )
    if chosen:
        hits = pd.concat(
            [cached.kwic(turns, p, p != query, estimated).assign(phrase=p) for p in chosen], ignore_index=True
        )
        duration = float(transcript.turns["end_s"].max()) if len(transcript.turns) else 0.0
        show_chart(
            dispersion_chart(hits, phrases=chosen, duration_s=duration, by=by or "time", n_turns=len(transcript.turns)),
            key="phrase_dispersion",
            transcript=transcript,
            view="phrase_dispersion",
            speakers=ctx.speakers,
        )
        if by == "turn":
            st.caption("Turns are numbered from 0 in the whole transcript.")
        else:
            st.caption(
                ("Times are estimated from word counts; " if estimated else "")
                + "a tick is placed by the word's position within its turn."
            )

with st.expander("How phrases are counted"):
    st.markdown(
        """
- **One text pipeline** serves the table, the charts, the cloud and the search. A phrase (word n-gram) is
  counted only inside one sentence: it never spans a full stop, question mark, dash, bracket, cut-off,
  turn or change of speaker, so no phrase is invented from words that were not said together.
- **Words**: lower-cased, except words in capitals of two or more letters, so *US* (the country) and
  *us* stay apart; *U.S.* and *US* count together. A capitalised stopword opening a sentence (*WE*) and
  transcripts written all in capitals are lower-cased. Numbers keep their separators (*$1,250,000*, *3.5*
  are one word each); *P&L* and *AT&T* are one word. A hyphenated compound counts as its words
  (*open-door* = *open door*). A possessive counts with its word (*Lander's* = *Lander*; *it's* is not a
  possessive). Curly and straight apostrophes are the same. Plurals are not folded (*news* is not *new*).
  Stage directions such as *(Laughter.)* are not words.
- **Stopwords**: wordcloud's documented English list without the negations *no, not, nor, never*, editable
  above. With the stopword option on, phrases that start or end with a stopword are dropped (textacy's
  rule); stopwords inside a phrase stay, and none is removed before the phrases are built.
- **Rate**: occurrences per 1,000 words, of the selection for the table, of each speaker's own words
  for the speaker columns.
- **Maximal phrases**: a phrase is hidden from the maximal view when a longer phrase of the table contains
  it and has the same count (then every time it was said, it was said inside the longer phrase).
- **Distinctive terms**: the weighted log-odds ratio with an informative Dirichlet prior of Monroe,
  Colaresi & Quinn (2008, "Fightin' Words", *Political Analysis* 16(4)), each speaker against all the
  other speakers of the selection pooled; the prior is each phrase's count over all speakers (the
  empirical-Bayes prior of the tidylo package). A z-score above 1.96 means the speaker uses the phrase
  more than the others beyond what chance would explain at the 5% level. Totals use every phrase of
  that length; the stopword rule and the minimum count only choose which rows are shown.
- **Word cloud**: drawn from exactly the counts in the table (per speaker: the speaker's counts of the
  table's phrases).
- **Keyword in context**: context is cut at word boundaries; the time of a hit is its turn's start plus its
  share of the turn by word position; a quote is the whole sentence with the speaker and that time.
"""
    )
