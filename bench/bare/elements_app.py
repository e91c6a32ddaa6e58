"""The bare page plus chosen kinds of element, to price each kind in the browser (``bench/page_render.py --elements``).

``?charts=N&with=sidebar,dataframe,code:5`` draws the bare page (a title and N three-bar plotly charts,
as ``bare_app.py``), then each named piece, ``:k`` times where given. The pieces copy what Podium's
pages draw (labels, sizes, options), without Podium's data or code, so that a piece's cost is the
browser's and the server's cost of that kind of element and nothing else. Page links point to
outside addresses: this app has no pages to link to, and an outside link is the same element.
"""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
n = int(st.query_params.get("charts", "2"))
wanted = [w for w in st.query_params.get("with", "").split(",") if w]

st.set_page_config(page_title="Bare page", layout="wide")

# What a cold start costs the server before a page draws anything (``--elements --cold``): the
# libraries every Podium page needs (pandas is not imported by Streamlit or the bare page), then
# Podium's own modules and the parse of the bundled transcript. Done once per server, like Podium.
# With ``late`` in the variant they are done after the page's other pieces are drawn.


def cold_work() -> None:
    if any(w in ("pandas", "podium", "parse") for w in wanted):
        import pandas  # noqa: F401
    if any(w in ("podium", "parse") for w in wanted):
        sys.path.insert(0, str(ROOT))
        import components.cached
        import components.charts
        import components.state
    if "parse" in wanted:
        import components.state

        data = (ROOT / "data" / "blinken_nato_open_door.txt").read_bytes()
        components.state.load_transcript(data, "blinken_nato_open_door.txt", 176.0)


if "late" not in wanted:
    cold_work()

SPEAKERS = ["ANTONY BLINKEN", "REPORTER", "MODERATOR", "MR PRICE", "QUESTION", "SECRETARY", "Q"]


def table():
    """A table like Podium's speaker table (pandas imported here, so a variant without a table never
    imports it)."""
    import pandas as pd

    return pd.DataFrame(
        {
            "speaker": SPEAKERS * 3,
            "role": ["answerer", "questioner", "host", "host", "questioner", "answerer", "questioner"] * 3,
            "n_turns": range(21),
            "n_words": range(1000, 1021),
            "talk_time_s": [12.5 * i for i in range(21)],
            "share": [i / 21 for i in range(21)],
            "wpm": [150.0 + i for i in range(21)],
            "longest_turn": ["Thank you very much, and good afternoon, everyone."] * 21,
        }
    )


CSS = "<style>.x-stat { min-width: 7rem; } .x-stat .v { font-size: 1.6rem; font-weight: 600; }</style>"


def sidebar_links() -> None:
    st.sidebar.markdown("### Podium")
    for label, icon in [
        ("Overview", ":material/article:"),
        ("Speaker time", ":material/timer:"),
        ("Phrases", ":material/format_quote:"),
        ("Q&A", ":material/question_answer:"),
        ("Speakers", ":material/group:"),
        ("Library", ":material/library_books:"),
        ("Compare", ":material/compare_arrows:"),
        ("Archive", ":material/manage_search:"),
    ]:
        st.sidebar.page_link(f"https://example.org/{label}", label=label, icon=icon)
    st.sidebar.divider()


def sidebar_widgets(parts: set[str]) -> None:
    """The shared sidebar's widgets below the links (components/state.py: page_setup)."""
    bar = st.sidebar
    if "selectbox" in parts:
        bar.selectbox("Transcript", ["Blinken says no change to NATO open door · 2022-01-26"], help="The library.")
        bar.caption("Transcript: **blinken_nato_open_door.txt**")
    if "uploader" in parts:
        bar.file_uploader("Open another transcript", help="A transcript as text, captions, speech-to-text JSON.")
    if "paste" in parts or "paste_popover" in parts:
        with bar.expander("Paste a transcript") if "paste" in parts else bar.popover("Paste a transcript"):
            st.text_area("Transcript text", height=150, placeholder="NAME: what they said ...")
            st.button("Add to the library and open")
    if "selectbox" in parts:
        bar.selectbox("Read as", ["Detect the format", "Plain text", "SRT captions"], help="Override the format.")
    if "multiselect" in parts:
        bar.multiselect("Filter speakers", SPEAKERS, placeholder="All speakers", help="Show only these speakers.")
    if "number_input" in parts:
        bar.number_input("Speaking rate (words per minute)", 60.0, 400.0, 176.0, step=5.0, format="%g")


def phone_closer() -> None:
    st.iframe("<script>/* podium-close-sidebar */ const d = window.parent.document;</script>", height=1)


def piece(name: str, k: int) -> None:
    if name in ("pandas", "podium", "parse", "late"):
        return
    if name == "sidebar":  # everything page_setup draws on every page (the paste box in a popover)
        st.html(CSS)
        phone_closer()
        sidebar_links()
        sidebar_widgets({"selectbox", "uploader", "paste_popover", "multiselect", "number_input"})
    elif name == "links":
        sidebar_links()
    elif name in ("selectbox", "uploader", "paste", "paste_popover", "multiselect", "number_input"):
        sidebar_widgets({name})
    elif name == "css":
        st.html(CSS)
    elif name == "iframe":
        phone_closer()
    for i in range(k):
        if name == "dataframe":
            st.dataframe(table(), hide_index=True, key=f"df_{i}")
        elif name == "table":
            st.table(table())
        elif name == "data_editor":
            st.data_editor(table(), hide_index=True, key=f"ed_{i}")
        elif name == "code":
            st.code("ANTONY BLINKEN spoke for 9.5 min of 14.1 min (67%).", language=None, wrap_lines=True)
        elif name == "copy_box":
            sys.path.insert(0, str(ROOT))
            from components.copyable import copy_box

            copy_box(f"ANTONY BLINKEN spoke the most: an estimated 1 minute 2 seconds, 50% of the talk time ({i}).")
        elif name == "download_button":
            st.download_button(
                "Download turns (CSV)",
                data=b"a,b\n",
                file_name="x.csv",
                key=f"dl_{i}",
                on_click="ignore",
                icon=":material/download:",
            )
        elif name == "popover":
            with st.popover("Download chart", icon=":material/image:"):
                st.caption("With the title and the source line.")
                for fmt in ("png", "svg", "html"):
                    st.download_button(
                        fmt,
                        data=b"x",
                        file_name=f"x.{fmt}",
                        key=f"pop_{i}_{fmt}",
                        on_click="ignore",
                        icon=":material/download:",
                    )
        elif name == "html":
            st.html(f'<div class="x-stat"><div class="v">{i:,}</div><div class="k">Turns</div></div>')
        elif name == "markdown":
            st.markdown(f"**{i} speakers took 50 turns** and said 2,900 words, about 14.1 min of speech.")
        elif name == "caption":
            st.caption(f"{i} turns by all speakers. Times marked ≈ are estimates.")
        elif name == "subheader":
            st.subheader(f"Section {i}")
        elif name == "expander":
            with st.expander(f"How this is counted {i}"):
                st.markdown("- **Turn**: an uninterrupted stretch of speech by one speaker.")
        elif name == "page_link":
            st.page_link("https://example.org/proof", label="See it on Speaker time", icon=":material/arrow_forward:")
        elif name == "info":
            st.info("A notice about how the file was read.", icon=":material/info:")
        elif name == "pills":
            st.pills("Role", ["answerer", "questioner", "host", "other"], key=f"pills_{i}")
        elif name == "segmented":
            st.segmented_control("Show", ["Phrases", "Words"], key=f"seg_{i}")
        elif name == "toggle":
            st.toggle("Leave out stop words", value=True, key=f"tog_{i}")
        elif name == "selectbox_main":
            st.selectbox("Speaker", SPEAKERS, key=f"sel_{i}")
        elif name == "text_input":
            st.text_input("Find a phrase", key=f"ti_{i}")
        elif name == "tabs":
            for tab in st.tabs(["Chart", "Table"]):
                tab.write("x")
        elif name == "columns":
            for col in st.columns(2):
                col.markdown("x")
        elif name == "container":
            with st.container(border=True):
                st.markdown("**Story facts**")


st.title("Bare page")
for i in range(n):
    fig = go.Figure(go.Bar(x=[3, 2, 1], y=["a", "b", "c"], orientation="h"))
    st.plotly_chart(fig, key=f"chart_{i}")
for w in wanted:
    name, _, times = w.partition(":")
    piece(name, int(times or 1))
if "late" in wanted:
    cold_work()
