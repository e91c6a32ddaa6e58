"""Phrases: the words and phrases that keep coming back."""

import streamlit as st

from components import cached
from components.charts import MAX_CLOUD_WORDS, phrase_bar
from components.publish import cloud_download, show_chart
from components.render import md_escape, plural
from components.state import page_setup, remembered
from components.tables import table_with_download

ctx = page_setup("Phrases")
transcript = ctx.transcript
turns = ctx.turns

st.title("Repeated phrases")
c1, c2, c3 = st.columns([2, 1, 2])
n = c1.segmented_control(
    "Phrase length (words)", options=[1, 2, 3, 4], format_func=lambda k: f"{k}-word", **remembered("phrase_n", 2)
)
n = n or 2
st.session_state["phrase_n"] = n  # a cleared choice falls back to 2-word phrases
min_count = c2.number_input("Seen at least (times)", min_value=1, max_value=50, step=1, **remembered("phrase_min", 2))
drop_stops = c3.toggle(
    "Drop stopword phrases",
    help="Drops phrases that start or end with a stopword, a word like 'the', 'and', 'of'. "
    "Negations (no, not, nor, never) are kept.",
    **remembered("phrase_stops", True),
)

table = cached.count_ngrams(tuple(turns["text"]), n, int(min_count), drop_stops)
if table.empty:
    st.info(
        f"No {n}-word phrase occurs {plural(int(min_count), 'time')} or more in the turns of "
        f"{md_escape(ctx.filter_label)}."
    )
    st.stop()

top = table.iloc[0]
others = ", ".join(f"“{md_escape(p)}” ({c})" for p, c in table[["phrase", "count"]].iloc[1:4].itertuples(index=False))
seen = "said" if int(min_count) == 1 else f"said at least {plural(int(min_count), 'time')}"
st.markdown(
    f"**“{md_escape(top['phrase'])}” is the most repeated {n}-word phrase: {plural(int(top['count']), 'time')} in "
    f"{plural(int(top['n_turns']), 'turn')}** by {md_escape(ctx.filter_label)}."
    + (f" Then {others}." if others else "")
    + f" {plural(len(table), f'{n}-word phrase')} {'is' if len(table) == 1 else 'are'} {seen}."
)

show_chart(
    phrase_bar(table, top=20), key="phrase_bar", transcript=transcript, view=f"phrases_{n}gram", speakers=ctx.speakers
)

image = cached.word_cloud(table)
if image is not None:
    drawn = min(len(table), MAX_CLOUD_WORDS)
    st.image(
        image,
        caption=f"Word cloud of the {'' if drawn == len(table) else f'top {drawn} of the '}"
        f"{plural(len(table), f'{n}-word phrase')} in the table, sized by count.",
    )
    cloud_download(image, transcript=transcript, view=f"word_cloud_{n}gram", speakers=ctx.speakers)

st.subheader("All repeated phrases")
table_with_download(
    table,
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view=f"phrases_{n}gram",
    label="Download phrases (CSV)",
    columns={"phrase": "Phrase", "n": st.column_config.NumberColumn("Words in phrase", format="%d")},
)

st.subheader("In context")
options = list(table["phrase"])
if st.session_state.get("kwic_phrase") not in options:
    st.session_state["kwic_phrase"] = options[0]
phrase = st.selectbox(
    "Phrase", options=options, help="Every place the phrase is said.", **remembered("kwic_phrase", None)
)
lines = cached.kwic(turns, phrase)
st.caption(f"“{md_escape(phrase)}”: {plural(len(lines), 'occurrence')} (keyword in context).")
table_with_download(
    lines,
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view=f"kwic_{phrase}",
    label="Download these lines (CSV)",
    columns={"left": "Before", "keyword": "Phrase", "right": "After"},
)

with st.expander("How phrases are counted"):
    st.markdown(
        """
- Text is lower-cased; curly and straight apostrophes are the same; stage directions are left out.
- A phrase (word n-gram) is counted only inside one sentence: it never spans a full stop, question mark,
  dash, bracket or cut-off, so no phrase is invented from words that were not said together.
- With the stopword option on, phrases that start or end with a stopword are dropped (the rule of the
  textacy library), so phrases made only of stopwords never appear; stopwords inside a phrase stay.
  The list is wordcloud's English stopword list without the negations *no, not, nor, never*.
- The word cloud is drawn from exactly the counts in the table.
"""
    )
