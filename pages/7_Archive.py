"""Archive: search and trends over a DuckDB archive built with ``python -m podium index DIR --db PATH``."""

import os
import sys
from pathlib import Path

import streamlit as st

from components.compare_charts import trend_lines
from components.downloads import csv_download
from components.numbers import grouped
from components.publish import assign_colours, several_source_line, show_chart, speaker_colours
from components.render import md_code, md_escape, plural
from components.state import library, page_setup, remembered
from podium import archive

ctx = page_setup("Archive")
st.title("Archive")


def _archives() -> list[str]:
    """Archives the dashboard may open: ``--db PATH`` after ``streamlit run app.py --``, ``$PODIUM_DB``,
    and the ``*.duckdb`` files in the library folder. Nothing else: a link cannot name a file."""
    found = []
    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            found.append(argv[i + 1])
        elif arg.startswith("--db="):
            found.append(arg.split("=", 1)[1])
    if os.environ.get("PODIUM_DB"):
        found.append(os.environ["PODIUM_DB"])
    folder = library().folder
    if folder.is_dir():
        found += [str(p) for p in sorted(folder.glob("*.duckdb"))]
    return [str(Path(p).resolve()) for p in dict.fromkeys(found) if Path(p).is_file()]


choices = _archives()
if not choices:
    st.info(
        "No archive is open. Build one from a folder of transcripts with "
        "`python -m podium index DIR --db library/archive.duckdb`, then start the dashboard with "
        "`streamlit run app.py -- --db library/archive.duckdb` (or put the database in the library folder, "
        f"{md_code(str(library().folder))})."
    )
    st.stop()

db = st.sidebar.selectbox(
    "Archive", options=choices, format_func=lambda p: Path(p).name, help="DuckDB archives built with podium index."
)
version = os.stat(db).st_mtime_ns  # a re-index changes the file, and so every cached answer


@st.cache_data(show_spinner=False, max_entries=64)
def _query(db: str, version: int, what: str, **kwargs):
    con = archive.connect(db, read_only=True)
    try:
        return getattr(archive, what)(con, **kwargs)
    finally:
        con.close()


try:
    info = _query(db, version, "summary")
except Exception as exc:
    st.error(f"Could not open {Path(db).name} as a Podium archive: {exc}")
    st.stop()

span = f", {info['first']:%d %b %Y} to {info['last']:%d %b %Y}" if info["first"] else ""
st.markdown(
    f"**{plural(int(info['n_transcripts']), 'transcript')}, {int(info['n_words']):,} words, "
    f"{plural(int(info['n_speakers']), 'speaker label')}{span}.**"
    + (
        f" {info['n_undated']} undated transcripts are searched but left out of the trends."
        if info["n_undated"]
        else ""
    )
    + (f" {plural(int(info['n_failed']), 'file')} could not be read when indexing." if info["n_failed"] else "")
)

archive_name = Path(db).stem
what = f"Archive {Path(db).name}: {plural(int(info['n_transcripts']), 'transcript')}{span}"
shares = _query(db, version, "talk_share_trend", top=6)
# one colour per speaker on both charts: the open transcript's speakers keep theirs from every other
# page, the archive's top speakers (by talk time) take the next free colours in that order, then any
# other speaker a phrase trend shows; "all speakers" is dark grey
fixed = {**speaker_colours(ctx.transcript.speakers), "all speakers": "#4b5563"}
top_speakers = list(shares.groupby("speaker")["talk_time_s"].sum().sort_values(ascending=False).index)


def colours(shown: list[str]) -> dict[str, str]:
    """Colours of the speakers of one chart, the same as on the other chart."""
    return assign_colours([*top_speakers, *shown], fixed)


def chart(fig, key: str, view: str, *, times: bool = False) -> None:
    """A chart with its source line (the archive) and downloads named ``<archive>_<view>``."""
    estimate = "times estimated from words where a transcript has no timestamps" if times else ""
    source = several_source_line(what, ["the transcripts indexed"], estimate=estimate)
    show_chart(fig, key=key, view=view, source=source, name=archive_name)


# -- phrase search ----------------------------------------------------------------------------------
st.subheader("Search a phrase")
if "archive_phrase" not in st.session_state:
    st.session_state["archive_phrase"] = st.query_params.get("q", "")
phrase = st.text_input(
    "Phrase",
    placeholder="e.g. ceasefire, the american people",
    help="Whole words in this order inside one sentence, any case: counted as on the Phrases page.",
    **remembered("archive_phrase", ""),
)
if phrase.strip():
    st.query_params["q"] = phrase
elif "q" in st.query_params:
    del st.query_params["q"]

if phrase.strip():
    total, hits = _query(db, version, "phrase_search", phrase=phrase, limit=200)
    trend = _query(db, version, "phrase_trend", phrase=phrase)
    if not total:
        st.markdown(f"**“{md_escape(phrase)}” is not said anywhere in the archive.**")
    else:
        dated = hits.dropna(subset=["date"])
        first = ""
        if not trend.empty:
            said = trend[(trend["speaker"] == "all speakers") & (trend["count"] > 0)]
            if not said.empty:
                peak = said.loc[said["per_1000_words"].idxmax(), "month"]
                first = f" First said in {said['month'].min():%B %Y}; most often (per word) in {peak:%B %Y}."
        st.markdown(
            f"**“{md_escape(phrase)}” is said {total:,} times**"
            + (f"; the {len(hits):,} newest are listed." if len(hits) < total else ".")
            + first
        )
        st.dataframe(
            hits.assign(turn_id=hits["turn_id"] + 1),  # people count turns from 1; the CSV keeps turn_id
            hide_index=True,
            column_order=["date", "title", "speaker", "left", "keyword", "right", "turn_id", "path"],
            column_config=grouped(
                hits,
                {
                    "date": st.column_config.DateColumn("Date"),
                    "title": st.column_config.TextColumn("Transcript", width="medium"),
                    "speaker": "Speaker",
                    "left": st.column_config.TextColumn("Before", width="medium"),
                    "keyword": "Phrase",
                    "right": st.column_config.TextColumn("After", width="medium"),
                    "turn_id": st.column_config.NumberColumn(
                        "Turn", format="%d", help="Numbered from 1 (turn_id + 1 in the CSV)."
                    ),
                    "path": "File",
                },
            ),
        )
        csv_download(hits, transcript_name="archive", view=f"hits_{phrase}", label="Download hits (CSV)")

        st.subheader("How often, month by month")
        chart(
            trend_lines(
                trend,
                x="month",
                y="per_1000_words",
                color="speaker",
                title=f"“{phrase}” per 1,000 words, per month: everyone and the speakers who say it most",
                y_title="Per 1,000 words",
                colours=colours(list(trend["speaker"].unique())),
            ),
            "archive_phrase_trend",
            f"trend_{phrase}",
        )
        csv_download(trend, transcript_name="archive", view=f"trend_{phrase}", label="Download the trend (CSV)")
        if len(dated) < len(hits):
            st.caption(f"{len(hits) - len(dated)} hits are in undated transcripts and are not in the trend.")

# -- talk share over time ---------------------------------------------------------------------------
st.subheader("Talk share over time")
if shares.empty:
    st.info("No dated transcripts in the archive.")
else:
    top = shares.groupby("speaker")["talk_time_s"].sum().sort_values(ascending=False)
    st.markdown(
        f"**{md_escape(top.index[0])} has the most talk time in the archive: "
        f"{top.iloc[0] / 3600:,.1f} hours.** The lines show each speaker's share of all talk time, month by month."
    )
    plotted = shares.assign(share_percent=shares["talk_share"] * 100)
    chart(
        trend_lines(
            plotted,
            x="month",
            y="share_percent",
            color="speaker",
            title="Share of each month's talk time (%), the six speakers with the most talk time",
            y_title="Share of talk time (%)",
            colours=colours([]),
        ),
        "archive_talk_share",
        "talk_share_by_month",
        times=True,
    )
    csv_download(shares, transcript_name="archive", view="talk_share_by_month", label="Download talk share (CSV)")

with st.expander("Most frequent two-word phrases in the archive"):
    top_phrases = _query(db, version, "top_phrases", n=2, limit=30)
    st.dataframe(
        top_phrases,
        hide_index=True,
        column_config=grouped(
            top_phrases, {"phrase": "Phrase", "count": "Occurrences", "n_transcripts": "Transcripts"}
        ),
    )

with st.expander("How this is counted"):
    st.markdown(
        """
- The archive holds every turn of every file indexed, read by the same parser as the rest of Podium.
- **A phrase** is found as on the Phrases page: its words in order, any case, inside one sentence (not across
  a full stop, dash or line break); `NATO's` and `open-door` are single words.
- **Per 1,000 words**: occurrences in a month divided by all words spoken that month (or by that speaker).
- **Talk time** comes from timestamps where the file has them, else from words at the indexing rate
  (190 words per minute by default). Months run by the transcripts' dates; undated transcripts are left out.
- Speakers are matched by their label within the archive: the same person under two labels is two lines.
"""
    )
