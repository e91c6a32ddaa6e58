"""Q&A: every question beside the answer it got, and how directly it was answered."""

import streamlit as st

from components import cached
from components.publish import show_chart
from components.qa_view import (
    CSS,
    answer_length_chart,
    indicators_html,
    remark_html,
    side_html,
)
from components.render import md_escape, plural
from components.state import page_setup, remembered
from components.tables import paged, table_with_download
from podium.answers import LABELS, load_model, load_phrases, pair_sides, parse_phrases
from podium.qa import filter_pairs, speaker_names

ctx = page_setup("Q&A")
transcript = ctx.transcript
st.html(CSS)

st.title("Questions and answers")
if int(transcript.turns["n_words"].sum()) == 0:
    st.info(
        "This file holds speaker segments without words (such as RTTM from pyannote), so there are no "
        "questions to pair. Talk time and the timeline are on the Speaker time page."
    )
    st.stop()

PHRASES_KEY = "qa_phrases"
default_phrases = "\n".join(f"{kind} | {phrase}" for kind, phrase in load_phrases())
phrases = tuple(parse_phrases(st.session_state.get(PHRASES_KEY, default_phrases)))

pairs_all, remarks = cached.qa_exchanges(transcript.turns)
pairs_all = cached.assess_pairs(pairs_all, phrases)
pairs = filter_pairs(pairs_all, ctx.speakers)

if pairs.empty:
    if not (transcript.turns["role"] == "question").any():
        st.info(
            "No speaker in this transcript is on the asking side, so there are no questions to pair. "
            "Podium recognises reporters, Q, QUESTION, interviewers and moderators by their labels, and "
            "infers who asks from what speakers do when no label says; in a debate or hearing, set the "
            "moderators' or members' role to 'question' on the Speakers page."
        )
        st.page_link("pages/4_Speakers.py", label="Set roles on the Speakers page", icon=":material/group:")
    elif pairs_all.empty:
        st.info("The asking side never asks a question here (no sentence ends in ? or has a question's form).")
    else:
        st.info(f"No questions asked or answered by {md_escape(ctx.filter_label)}.")
    st.stop()

answered = pairs[pairs["answer_words"] > 0]
counts = pairs["label"].value_counts()
median_a = int(answered["answer_words"].median()) if len(answered) else 0
n_deflecting = int((pairs["n_deflections"] > 0).sum())
st.markdown(
    f"**{plural(len(pairs), 'question')} put, {len(answered):,} answered**"
    + (f" in the exchanges where {md_escape(ctx.filter_label)} asked or answered" if ctx.speakers else "")
    + f", with {plural(int(pairs['n_questions'].sum()), 'question sentence')} in all (a multi-part question "
    + "counts each part). "
    + "The answer indicator reads "
    + ", ".join(f"{int(counts.get(lab, 0)):,} {lab}" for lab in LABELS)
    + f"; the median answer runs {plural(median_a, 'word')}, and {n_deflecting:,} "
    + ("answer uses" if n_deflecting == 1 else "answers use")
    + " a deflection, refusal or not-knowing phrase."
)

# ---------------------------------------------------------------------------
# Controls
search = st.text_input("Search questions and answers", placeholder="a word or phrase", **remembered("qa_search", ""))
cols = st.columns(4)
questioners = sorted({n for s in pairs["question_speaker"] for n in speaker_names(s)})
answerers = sorted({n for s in pairs["answer_speaker"] for n in speaker_names(s)})
st.session_state["qa_asker"] = [s for s in st.session_state.get("qa_asker", []) if s in questioners]
st.session_state["qa_answerer"] = [s for s in st.session_state.get("qa_answerer", []) if s in answerers]
askers = cols[0].multiselect("Asked by", questioners, placeholder="Anyone", **remembered("qa_asker", []))
answering = cols[1].multiselect("Answered by", answerers, placeholder="Anyone", **remembered("qa_answerer", []))
labels = cols[2].multiselect("Label", list(LABELS), placeholder="Any label", **remembered("qa_label", []))
SORTS = {
    "Transcript order": ("pair_id", True),
    "Longest answer first": ("answer_words", False),
    "Least overlap first": ("overlap", True),
    "Most overlap first": ("overlap", False),
    "Label: deflected, partial, direct": ("_label_rank", True),
    "Label: direct, partial, deflected": ("_label_rank", False),
}
sort = cols[3].selectbox("Sort by", list(SORTS), **remembered("qa_sort", "Transcript order"))

shown_pairs = pairs
if search.strip():
    needle = search.strip()
    hit = shown_pairs["question"].str.contains(needle, case=False, regex=False) | shown_pairs["answer"].str.contains(
        needle, case=False, regex=False
    )
    shown_pairs = shown_pairs[hit]
if askers:
    shown_pairs = shown_pairs[shown_pairs["question_speaker"].map(lambda s: bool(set(speaker_names(s)) & set(askers)))]
if answering:
    shown_pairs = shown_pairs[shown_pairs["answer_speaker"].map(lambda s: bool(set(speaker_names(s)) & set(answering)))]
if labels:
    shown_pairs = shown_pairs[shown_pairs["label"].isin(labels)]
column, ascending = SORTS[sort]
rank = shown_pairs["label"].map({"deflected": 0, "partial": 1, "direct": 2})
shown_pairs = (
    shown_pairs.assign(_label_rank=rank)
    .sort_values([column, "pair_id"], ascending=[ascending, True], kind="stable")
    .drop(columns="_label_rank")
)

narrowed = len(shown_pairs) < len(pairs)
if narrowed:
    st.caption(f"{plural(len(shown_pairs), 'pair')} of {len(pairs):,} match the search and filters.")
if shown_pairs.empty:
    st.info("No pair matches the search and filters.")
else:
    show_chart(
        answer_length_chart(shown_pairs.sort_values("pair_id")),
        key="qa_lengths",
        transcript=transcript,
        view="answer_lengths",
        speakers=ctx.speakers,
    )

# ---------------------------------------------------------------------------
# Opening statement, pairs, closing remarks
openings = remarks[remarks["kind"] == "opening statement"]
closings = remarks[remarks["kind"] == "closing remarks"]
if len(openings) and not narrowed:
    opening = openings.iloc[0]
    with st.expander(f"Opening statement: {opening.speaker}, {plural(int(opening.n_words), 'word')} (not an answer)"):
        st.html(remark_html("opening statement", opening))

speakers_known = transcript.speakers
shown = paged(shown_pairs, size=50, noun="pairs", key="qa_part")
if len(shown) < len(shown_pairs):
    st.caption(f"Showing {len(shown)} of {len(shown_pairs):,} pairs; the table below has all.")
for pair in shown.itertuples(index=False):
    matches, q_spans, a_spans = cached.pair_highlights(
        pair.question, pair.answer, pair.question_speaker, pair.answer_speaker, tuple(phrases)
    )
    asker = pair.question_speaker + (
        f" (probably {pair.probable_questioner}, the name called on; inferred)" if pair.probable_questioner else ""
    )
    # people count from 1: pair 1, turn 1 (pair_id and turn ids + 1; the CSV keeps the 0-based ids)
    q_turns = ", ".join(str(int(t) + 1) for t in pair.question_turn_ids.split())
    a_turns = ", ".join(str(int(t) + 1) for t in pair.answer_turn_ids.split())
    st.markdown(
        f"##### Pair {pair.pair_id + 1} · turn{'s' if ',' in q_turns else ''} {q_turns}"
        + (f" → {a_turns}" if a_turns else "")
    )
    left, right = st.columns(2)
    left.html(side_html("question", asker, pair.question, pair.question_words, q_spans, speakers_known))
    right.html(side_html("answer", pair.answer_speaker, pair.answer, pair.answer_words, a_spans, speakers_known))
    details = cached.label_answer(*pair_sides(pair.question, pair.answer, pair.question_speaker, pair.answer_speaker))
    st.html(indicators_html(pair, matches, details))
    st.page_link(
        "app.py",
        label=f"Turn {pair.question_turn_id + 1} in the transcript",
        icon=":material/article:",
        query_params={"turn": str(pair.question_turn_id)},
    )

if len(closings) and not narrowed:
    closing = closings.iloc[0]
    with st.expander(f"Closing remarks: {closing.speaker}, {plural(int(closing.n_words), 'word')} (not an answer)"):
        st.html(remark_html("closing remarks", closing))

# ---------------------------------------------------------------------------
# Table and download
st.subheader("All pairs" if not narrowed else "Pairs matching the search and filters")
table_with_download(
    shown_pairs.reset_index(drop=True),
    transcript_name=transcript.name,
    speakers=ctx.speakers,
    view="qa_pairs",
    label="Download Q&A pairs with indicators (CSV)",
    display=shown_pairs.assign(
        overlap=shown_pairs["overlap"] * 100, pair_id=shown_pairs["pair_id"] + 1
    ).reset_index(drop=True),
    column_order=[
        "pair_id",
        "question_speaker",
        "probable_questioner",
        "answer_speaker",
        "n_questions",
        "question_words",
        "answer_words",
        "overlap",
        "n_deflections",
        "label",
        "p_deflected",
        "question",
        "answer",
        "reasons",
    ],
    columns={
        "pair_id": st.column_config.NumberColumn(
            "Pair", format="localized", help="Numbered from 1; pair_id + 1 in the CSV."
        ),
        "question_speaker": "Asked by",
        "probable_questioner": "Called on (inferred)",
        "answer_speaker": "Answered by",
        "n_questions": st.column_config.NumberColumn("Questions", format="%d"),
        "question_words": st.column_config.NumberColumn("Question (words)", format="%d"),
        "answer_words": st.column_config.NumberColumn("Answer (words)", format="%d"),
        "overlap": st.column_config.NumberColumn("Overlap (%)", format="%.0f"),
        "n_deflections": st.column_config.NumberColumn("Deflection phrases", format="%d"),
        "label": "Label",
        "p_deflected": st.column_config.NumberColumn("P(deflected)", format="%.2f"),
        "question": st.column_config.TextColumn("Question", width="large"),
        "answer": st.column_config.TextColumn("Answer", width="large"),
        "reasons": st.column_config.TextColumn("Why this label", width="large"),
    },
)


def _on_phrases() -> None:
    st.session_state[PHRASES_KEY] = st.session_state["qa_phrases_widget"]


# a popover: the list is drawn when opened, so the page does not load the text box's code on every visit
with st.popover("Deflection phrases (edit for this session)", icon=":material/edit_note:"):
    st.caption(
        "One phrase a line as `kind | phrase` (kinds: deflection, refusal, ignorance, clarification, hedge). "
        "Matching ignores case and apostrophe style, and contractions match both ways (I'm = I am). "
        "Your edits change the highlights and counts; the label always uses the shipped list it was fitted with. "
        "The shipped list is podium/deflection_phrases.txt."
    )
    st.session_state["qa_phrases_widget"] = st.session_state.get(PHRASES_KEY, default_phrases)
    st.text_area("Phrases", key="qa_phrases_widget", on_change=_on_phrases, height=200, label_visibility="collapsed")
    if st.session_state.get(PHRASES_KEY, default_phrases) != default_phrases:
        st.button("Restore the shipped list", on_click=lambda: st.session_state.pop(PHRASES_KEY, None))

with st.expander("How questions are paired and answers labelled"):
    st.markdown(
        """
- **Who asks**: unnamed `- ` lines, `Q`, `QUESTION`, reporters, interviewers and moderators. In debates the
  **moderators are the asking side**; their greetings, introductions and topic set-ups ask nothing, so they
  are not questions. When no label says who asks (diarized `SPEAKER_00`, debates labelled by name), roles
  are inferred from what speakers do and marked as inferred; change them on the Speakers page.
- **Questions asked**: sentences ending in `?` (or `？`, `؟`, or the particle `吗`), and sentences in question
  form without the mark ("Can you say more about the timeline"); quoted speech does not count.
- **A question** is one or more consecutive turns by the asking side that ask at least one question; a
  reporter's follow-up after being cut off joins it. "Thank you." or "Good afternoon." is not a question.
  **The answer** is everything until the next question: each answerer's turn is its own block, and remarks
  from the asking side that ask nothing stay in it under their speaker's name. Speech before the first
  question is the **opening statement**, a closing thank-you and what follows are **closing remarks**.
  Pairs are formed on the whole transcript; the speaker filter then keeps pairs a selected speaker is in.
- **Called on (inferred)**: the name the official ends the previous answer with ("Go ahead, Dev."); a
  guess shown beside the label, never merged into it.
- **Overlap**: the share of the question's content words (stopwords dropped, plurals and -ing/-ed folded)
  that the answer uses; shared words are highlighted blue in both texts. **Deflection phrases** from the list
  above are highlighted in the answer (hedges dotted).
- **Label** (direct / partial / deflected) is an *indicator, not a verdict*: a logistic regression over these
  transparent signals, fitted on N_TRAIN question/answer pairs from US presidential news conferences and
  interviews labelled by annotators (QEvasion, Thomas et al., EMNLP 2024). On interviews it never saw it
  agrees with the annotators at a macro-F1 of about 0.48 (a fine-tuned 70-billion-parameter model reaches
  0.68); see bench/README.md. Each pair lists the signals that pushed its label each way.
""".replace("N_TRAIN", f"{load_model()['n_train']:,}")
    )
