"""Q&A: every question beside the answer it got."""

import streamlit as st

from components import cached
from components.publish import speaker_colours
from components.render import card_html, md_escape, plural
from components.state import page_setup
from components.tables import paged, table_with_download
from podium.qa import filter_pairs

ctx = page_setup("Q&A")
transcript = ctx.transcript
colours = speaker_colours(transcript.speakers)  # each speaker's colour on every chart and page

st.title("Questions and answers")
pairs = filter_pairs(cached.qa_pairs(transcript.turns), ctx.speakers)
if pairs.empty:
    if not (transcript.turns["role"] == "question").any():
        st.info(
            "No speaker in this transcript is on the asking side, so there are no questions to pair. "
            "Podium recognises reporters, Q, QUESTION, interviewers and moderators by their labels; "
            "in a debate or hearing, set the moderators' or members' role to 'question' on the Speakers page."
        )
        st.page_link("pages/4_Speakers.py", label="Set roles on the Speakers page", icon=":material/group:")
    else:
        st.info(f"No questions asked or answered by {md_escape(ctx.filter_label)}.")
    st.stop()

answered = pairs[pairs["answer_words"] > 0]
unanswered = len(pairs) - len(answered)
median_q = int(pairs["question_words"].median())
median_a = int(answered["answer_words"].median()) if len(answered) else 0
st.markdown(
    f"**{plural(len(pairs), 'question')}, {len(answered):,} answered**"
    + (f" ({unanswered:,} with no answer before the next question or the end)" if unanswered else "")
    + f". The median question is {plural(median_q, 'word')}"
    + (f"; the median answer {plural(median_a, 'word')}." if len(answered) else ".")
)

shown = paged(pairs, size=50, noun="pairs", key="qa_part")
if len(shown) < len(pairs):
    st.caption(
        f"Showing pairs {shown['pair_id'].iloc[0] + 1:,} to {shown['pair_id'].iloc[-1] + 1:,}; the table below has all."
    )

for pair in shown.itertuples(index=False):
    # pairs and turns numbered from 1, as on every page (ids in the CSV are 0-based)
    turns_note = f"turn {pair.question_turn_id + 1:,}" + (
        f" → {', '.join(f'{int(t) + 1:,}' for t in pair.answer_turn_ids.split())}" if pair.answer_turn_ids else ""
    )
    st.markdown(f"##### Pair {pair.pair_id + 1:,} · {turns_note}")
    left, right = st.columns(2)
    left.html(card_html("question", pair.question_speaker, pair.question, pair.question_words, colours))
    right.html(card_html("answer", pair.answer_speaker, pair.answer, pair.answer_words, colours))

st.subheader("All pairs")
table_with_download(
    pairs,
    display=pairs.assign(pair_id=pairs["pair_id"] + 1),
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="qa_pairs",
    label="Download Q&A pairs (CSV)",
    column_order=[
        "pair_id",
        "question_speaker",
        "question_words",
        "answer_speaker",
        "answer_words",
        "question",
        "answer",
    ],
    columns={
        "pair_id": st.column_config.NumberColumn(
            "Pair", format="localized", help="Numbered from 1; pair_id + 1 in the CSV."
        ),
        "question_speaker": "Asked by",
        "question_words": st.column_config.NumberColumn("Question (words)", format="localized"),
        "answer_speaker": "Answered by",
        "answer_words": st.column_config.NumberColumn("Answer (words)", format="localized"),
        "question": st.column_config.TextColumn("Question", width="large"),
        "answer": st.column_config.TextColumn("Answer", width="large"),
    },
)

with st.expander("How questions are paired"):
    st.markdown(
        """
A **question** is a turn by someone on the asking side: unnamed `- ` lines, `Q`, `QUESTION`, reporters,
interviewers and moderators. Its **answer** is the run of turns that follows, up to the next question.
When several people answer, each part is labelled with its speaker. A question followed directly by
another question is listed with no answer. Pairs are formed on the whole transcript, then the speaker
filter keeps the pairs in which a selected speaker asks or answers.
"""
    )
