"""Shared page set-up: navigation, the loaded transcript, and filters kept in the session and URL.

Every page calls :func:`page_setup` first. In Streamlit's ``pages/`` directory mode a cold
deep link runs a page without ``app.py``, so nothing here may rely on ``app.py`` having run.

State pattern (widget state is not shared across pages): each setting lives in a plain
session key, seeded once from the URL and validated; before a widget is created its key is
filled from that session key, ``on_change`` copies the widget back, and every run writes
the setting to ``st.query_params`` so the view can be shared and reloaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from components import publish
from podium.edits import SpeakerEdit, apply_edits, follow_renames
from podium.formats import FORMATS
from podium.library import Library, describe
from podium.model import ParseError, Transcript, filter_speakers
from podium.parse import SET_ASIDE_MARKER, parse_bytes
from podium.talk_time import DEFAULT_WPM, MAX_WPM, MIN_WPM
from podium.text import DecodeError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRANSCRIPT = ROOT / "data" / "blinken_nato_open_door.txt"

#: Pages in navigation order: (script path relative to the app root, sidebar label, icon).
PAGES = [
    ("app.py", "Overview", ":material/article:"),
    ("pages/1_Speaker_time.py", "Speaker time", ":material/timer:"),
    ("pages/2_Phrases.py", "Phrases", ":material/format_quote:"),
    ("pages/3_Q_and_A.py", "Q&A", ":material/question_answer:"),
    ("pages/4_Speakers.py", "Speakers", ":material/group:"),
    ("pages/5_Library.py", "Library", ":material/library_books:"),
    ("pages/6_Compare.py", "Compare", ":material/compare_arrows:"),
    ("pages/7_Archive.py", "Archive", ":material/manage_search:"),
]

SPEAKERS_KEY = "podium_speakers"
WPM_KEY = "podium_wpm"
SOURCE_KEY = "podium_source"
#: The open transcript's library date, set once a run by :func:`page_setup`.
OPEN_DATE_KEY = "podium_open_date"
ERROR_KEY = "podium_error"
SEEDED_KEY = "podium_seeded"
EDITS_KEY = "podium_speaker_edits"  # [podium.edits.SpeakerEdit], in the order made
ALIASES_KEY = "podium_merge_aliases"  # merge labels proposed as one person
URL_CHECK_KEY = "podium_check_url"  # the URL's speakers still have to be checked against the transcript
NOTICE_KEY = "podium_notices"  # sentences about how the URL was read
UPLOAD_GEN_KEY = "podium_upload_generation"  # bumped to clear the uploader after a failed upload
TRANSCRIPT_PARAM = "t"  # the URL parameter naming the open transcript by its library identifier
PASTE_GEN_KEY = "podium_paste_generation"  # bumped to clear the paste box after the text is added

def _load(source: dict, wpm: float):
    """The cached parse of ``source`` (bytes, name, format, hallucination switch, matched speakers)."""
    return load_transcript(
        source["data"],
        source["name"],
        wpm,
        source["format"],
        _merge_aliases(),
        source.get("keep_suspect", False),
        _speakers(source),
    )



def max_upload_mb() -> int:
    """The upload size cap in MB, set once: ``server.maxUploadSize`` in ``.streamlit/config.toml``."""
    return int(st.get_option("server.maxUploadSize"))


_CSS = """
<style>
div.podium-summary p { font-size: 1.05rem; color: #374151; line-height: 1.55; }
.podium-turn { margin: 0 0 1.1rem 0; }
.podium-speaker { font-weight: 700; letter-spacing: .02em; }
.podium-meta { color: #6b7280; font-weight: 400; font-size: .85rem; margin-left: .5rem; }
.podium-turn p { margin: .25rem 0 .5rem 0; line-height: 1.55; }
.podium-stage { color: #6b7280; font-style: italic; }
.podium-card { border: 1px solid #e5e7eb; border-radius: .5rem; padding: .75rem 1rem; height: 100%; }
.podium-card.question { background: #f8fafc; }
.podium-card p { margin: .3rem 0; line-height: 1.5; }
.podium-badge { color: #6b7280; font-size: .85rem; }
</style>
"""


@dataclass(frozen=True)
class PageContext:
    """What a page needs after set-up.

    Attributes:
        transcript: the whole parsed transcript (times at the chosen words per minute).
        speakers: the speakers chosen in the filter; empty means everyone.
        turns: the transcript's turns filtered to ``speakers``.
        wpm: the words-per-minute rate in force.
        parsed: the transcript as parsed, before the user's speaker renames and role edits.
    """

    transcript: Transcript
    speakers: list[str]
    turns: pd.DataFrame
    wpm: float
    parsed: Transcript | None = None

    @property
    def filter_label(self) -> str:
        """A phrase describing the filter, e.g. ``"all speakers"`` or ``"ANTONY BLINKEN"``."""
        return ", ".join(self.speakers) if self.speakers else "all speakers"


@st.cache_data(show_spinner=False, max_entries=32)
def load_transcript(
    data: bytes,
    name: str,
    wpm: float,
    source_format: str = "auto",
    merge_aliases: bool = True,
    keep_suspect: bool = False,
    speakers: tuple[bytes, str] | None = None,
) -> Transcript:
    """Parse a transcript's bytes once per (content, rate, format); see :func:`podium.parse.parse_bytes`."""
    return parse_bytes(
        data,
        name=name,
        wpm=wpm,
        source_format=source_format,
        merge_aliases=merge_aliases,
        keep_suspect=keep_suspect,
        speakers=speakers,
    )


def _speakers(source: dict) -> tuple[bytes, str] | None:
    """The RTTM file (bytes, name) whose speakers a source's words are matched to, if any."""
    rttm = source.get("speakers")
    return (rttm["data"], rttm["name"]) if rttm else None


@st.cache_data(show_spinner=False, max_entries=32)
def edited_turns(turns: pd.DataFrame, edits: tuple, aliases: tuple) -> pd.DataFrame:
    """Cached :func:`podium.edits.apply_edits` (edits as a tuple of ``SpeakerEdit``, aliases as item
    tuples); returns only the turns (the Speakers page lists edits that do not apply)."""
    return apply_edits(turns, list(edits), aliases={k: list(v) for k, v in aliases})[0]


def speaker_edits() -> list[SpeakerEdit]:
    """The user's speaker edits, in the order made (a new list)."""
    return list(st.session_state.get(EDITS_KEY) or [])


def set_speaker_edits(edits: list[SpeakerEdit], labels: list[str]) -> None:
    """Replace the speaker edits; the speaker filter follows renamed speakers.

    ``labels`` are the transcript's labels as parsed. A chosen speaker whose label gets a new name
    is chosen under that name (see :func:`podium.edits.follow_renames`).
    """
    before = speaker_edits()
    st.session_state[EDITS_KEY] = list(edits)
    chosen = st.session_state.get(SPEAKERS_KEY) or []
    st.session_state[SPEAKERS_KEY] = follow_renames(chosen, before, list(edits), labels)


def _reset_edits() -> None:
    st.session_state[SPEAKERS_KEY] = []
    st.session_state[EDITS_KEY] = []


def library() -> Library:
    """The transcript library (bundled files plus uploads kept in ``$PODIUM_LIBRARY``)."""
    return Library()


def _entry_source(entry_id: str) -> dict | None:
    """The source dict of a library entry, or ``None`` if there is no such entry or it cannot be read."""
    try:
        name, data = library().read(entry_id)
    except (KeyError, OSError):
        return None
    return {"id": entry_id, "name": name, "data": data, "format": "auto"}


def _source() -> dict:
    """The open transcript: ``{"id": library identifier or None, "name", "data": bytes, "format"}``."""
    source = st.session_state.get(SOURCE_KEY)
    if source is None:
        source = _entry_source(library().default_id) or {
            "id": None,
            "name": DEFAULT_TRANSCRIPT.name,
            "data": DEFAULT_TRANSCRIPT.read_bytes(),
            "format": "auto",
        }
        st.session_state[SOURCE_KEY] = source
    return source


def _on_upload(widget_key: str) -> None:
    uploaded = st.session_state.get(widget_key)
    if uploaded is None:
        return
    source = {"id": None, "name": uploaded.name, "data": uploaded.getvalue(), "format": "auto"}
    if not _switch_source(
        source, failure=f"Could not open {uploaded.name}:", keeps="The previous transcript is still loaded.", store=True
    ):
        st.session_state[UPLOAD_GEN_KEY] = st.session_state.get(UPLOAD_GEN_KEY, 0) + 1  # a fresh, empty uploader


def _on_paste(widget_key: str) -> None:
    text = st.session_state.get(widget_key) or ""
    if not text.strip():
        st.session_state[ERROR_KEY] = "Paste a transcript into the box first."
        return
    source = {"id": None, "name": "pasted.txt", "data": text.encode("utf-8"), "format": "auto"}
    if _switch_source(
        source, failure="Could not read the pasted text:", keeps="The previous transcript is still loaded.", store=True
    ):
        st.session_state[PASTE_GEN_KEY] = st.session_state.get(PASTE_GEN_KEY, 0) + 1  # an empty box


def _on_pick(widget_key: str) -> None:
    """Open the library entry chosen in the sidebar."""
    source = _entry_source(st.session_state[widget_key])
    if source is None:
        st.session_state[ERROR_KEY] = "That transcript is no longer in the library."
        return
    _switch_source(
        source, failure=f"Could not open {source['name']}:", keeps="The previous transcript is still loaded."
    )


def _switch_source(source: dict, *, failure: str, keeps: str, store: bool = False) -> bool:
    """Make ``source`` the transcript if it parses; else keep the current one and leave the page
    the error "``failure`` <the parser's sentence> ``keeps``". Returns whether it switched.

    With ``store``, a transcript that parses is added to the library (by content hash, with the
    metadata read from it), so a reload or a shared link finds it; if the folder cannot be
    written it is still opened, with a warning."""
    try:
        transcript = load_transcript(
            source["data"],
            source["name"],
            st.session_state.get(WPM_KEY, DEFAULT_WPM),
            source["format"],
            _merge_aliases(),
            source.get("keep_suspect", False),
            _speakers(source),
        )
    except (DecodeError, ParseError) as exc:
        st.session_state[ERROR_KEY] = f"{failure} {exc} {keeps}"
        return False
    if store:
        try:
            entry = library().add(source["data"], source["name"], describe(transcript, source["name"]))
            source = {**source, "id": entry.id}
        except OSError as exc:
            st.session_state.setdefault(NOTICE_KEY, []).append(
                f"{source['name']} is open but could not be kept in the library ({exc.strerror or exc}): "
                "a reload or a link will not find it."
            )
    st.session_state[SOURCE_KEY] = source
    st.session_state.pop(ERROR_KEY, None)
    _reset_edits()
    return True


def _on_reset_source() -> None:
    st.session_state.pop(SOURCE_KEY, None)
    st.session_state.pop(ERROR_KEY, None)
    _reset_edits()


def _merge_aliases() -> bool:
    return bool(st.session_state.get(ALIASES_KEY, True))


def _on_format(widget_key: str) -> None:
    """Re-read the transcript in the chosen format; keep the old one if that fails."""
    source = _source()
    fmt = st.session_state[widget_key]
    _switch_source(
        {**source, "format": fmt},
        failure=f"Could not read {source['name']} as {FORMATS[fmt].split(' (')[0].lower()}:",
        keeps="The previous reading is still shown.",
    )


def _on_words_upload(widget_key: str) -> None:
    """Read an uploaded transcript with the speakers of the RTTM file now open, matched by time."""
    uploaded = st.session_state.get(widget_key)
    if uploaded is None:
        return
    rttm = _source()
    source = {
        "name": uploaded.name,
        "data": uploaded.getvalue(),
        "format": "auto",
        "speakers": {"name": rttm["name"], "data": rttm["data"]},
    }
    if not _switch_source(
        source, failure=f"Could not add the words of {uploaded.name}:", keeps="The RTTM file is still loaded."
    ):
        st.session_state[UPLOAD_GEN_KEY] = st.session_state.get(UPLOAD_GEN_KEY, 0) + 1


def _on_suspect(widget_key: str) -> None:
    """Re-read the transcript with or without the segments that look like hallucinations."""
    source = _source()
    _switch_source(
        {**source, "keep_suspect": bool(st.session_state[widget_key])},
        failure=f"Could not re-read {source['name']}:",
        keeps="The previous reading is still shown.",
    )


def _seed_from_url() -> None:
    """Copy the URL's settings into the session once per session."""
    if st.session_state.get(SEEDED_KEY):
        return
    st.session_state[SEEDED_KEY] = True
    _seed_transcript_from_url()
    st.session_state[SPEAKERS_KEY] = list(dict.fromkeys(st.query_params.get_all("speaker")))
    st.session_state[URL_CHECK_KEY] = True
    raw = st.query_params.get("wpm")
    try:
        wpm = float(raw) if raw is not None else DEFAULT_WPM
    except ValueError:
        wpm = float("nan")
    if not MIN_WPM <= wpm <= MAX_WPM:
        st.session_state.setdefault(NOTICE_KEY, []).append(
            f"The link's speaking rate “{raw}” is not a number from {MIN_WPM:g} to {MAX_WPM:g} words per minute; "
            f"using {DEFAULT_WPM:g}."
        )
        wpm = DEFAULT_WPM
    st.session_state[WPM_KEY] = wpm


def _seed_transcript_from_url() -> None:
    """Open the library entry the URL names (``?t=<identifier>``); an unknown one leaves a notice."""
    wanted = st.query_params.get(TRANSCRIPT_PARAM)
    if wanted is None:
        return
    source = _entry_source(wanted)
    if source is None:
        st.session_state.setdefault(NOTICE_KEY, []).append(
            f"The link's transcript “{wanted}” is not in this server's library; showing the bundled transcript."
        )
        return
    st.session_state[SOURCE_KEY] = source


def _write_transcript_url(source: dict) -> None:
    entry_id = source.get("id")
    if entry_id and entry_id != library().default_id:
        st.query_params[TRANSCRIPT_PARAM] = entry_id
    elif TRANSCRIPT_PARAM in st.query_params:
        del st.query_params[TRANSCRIPT_PARAM]


def _library_title(transcript: Transcript, source: dict) -> Transcript:
    """The transcript with its library title (read from the file or edited on the Library page).

    The same lookup records the entry's date (``""`` when none) under :data:`OPEN_DATE_KEY`, for the
    charts' source lines (:func:`components.publish.open_entry_date`): once a run, not once a chart."""
    entry = library().get(source["id"]) if source.get("id") else None
    st.session_state[OPEN_DATE_KEY] = entry.date if entry is not None else ""
    if entry is None or not entry.title or entry.title == transcript.title:
        return transcript
    return replace(transcript, title=entry.title)


def _transcript_picker(source: dict, page_title: str) -> None:
    """The sidebar's list of the library, by title and date, with the open transcript chosen."""
    entries = library().entries()
    labels = {e.id: e.label for e in entries}
    current = source.get("id")
    options = list(labels)
    if current not in labels:  # an ad-hoc transcript that could not be stored
        current = ""
        options = ["", *options]
        labels[""] = f"{source['name']} (not in the library)"
    widget = f"podium_pick_{page_title}"
    st.session_state[widget] = current
    st.sidebar.selectbox(
        "Transcript",
        options=options,
        format_func=lambda k: labels.get(k, k),
        key=widget,
        on_change=_on_pick,
        args=(widget,),
        help="The transcripts in the library, by title and date. Uploads and pasted text join it; "
        "edit titles and dates on the Library page.",
    )


def _copy(widget_key: str, session_key: str) -> None:
    st.session_state[session_key] = st.session_state[widget_key]


def remembered(key: str, default: object) -> dict:
    """Keyword arguments that make a page's widget keep its value across page switches.

    Streamlit forgets a widget's state when another page runs; the value is kept in the plain
    session key ``key`` and copied into the widget before it is drawn. Use as
    ``st.toggle("...", **remembered("phrase_stops", True))``.
    """
    widget = f"{key}_widget"
    st.session_state[widget] = st.session_state.get(key, default)
    return {"key": widget, "on_change": _copy, "args": (widget, key)}


def _write_url(speakers: list[str], wpm: float) -> None:
    if speakers:
        st.query_params["speaker"] = speakers
    elif "speaker" in st.query_params:
        del st.query_params["speaker"]
    if wpm != DEFAULT_WPM:
        st.query_params["wpm"] = f"{wpm:g}"
    elif "wpm" in st.query_params:
        del st.query_params["wpm"]


def _navigation() -> None:
    st.sidebar.markdown("### Podium")
    for path, label, icon in PAGES:
        st.sidebar.page_link(path, label=label, icon=icon)
    st.sidebar.divider()


def page_setup(page_title: str) -> PageContext:
    """Set up a page: config, navigation, transcript, filters; return the page's context.

    Call first on every page. Bad uploads leave one sentence at the top of the page and
    keep the previous transcript.
    """
    st.set_page_config(page_title=f"{page_title} · Podium", layout="wide")  # default icon: no font fetched
    publish.page_css(extra=_CSS)
    publish.close_sidebar_on_phone(page_title)
    _navigation()
    _seed_from_url()

    source = _source()
    wpm = float(st.session_state.get(WPM_KEY, DEFAULT_WPM))
    try:
        transcript = _load(source, wpm)
    except (DecodeError, ParseError) as exc:  # a library file that no longer parses, or a broken bundled file
        st.session_state.pop(SOURCE_KEY, None)
        fallback = _source()
        if fallback.get("id") == source.get("id"):
            st.error(f"Could not open {source['name']}: {exc}")
            st.stop()
        st.session_state[ERROR_KEY] = f"Could not open {source['name']}: {exc} Showing the bundled transcript."
        source = fallback
        transcript = _load(source, wpm)
    transcript = _library_title(transcript, source)
    parsed = transcript
    edits = speaker_edits()
    if edits:
        aliases = tuple((k, tuple(v)) for k, v in transcript.aliases.items())
        transcript = replace(transcript, turns=edited_turns(transcript.turns, tuple(edits), aliases))

    sidebar = st.sidebar
    _transcript_picker(source, page_title)
    sidebar.caption(f"Transcript: **{transcript.name}**")
    widget = f"podium_upload_{page_title}_{st.session_state.get(UPLOAD_GEN_KEY, 0)}"
    sidebar.file_uploader(
        "Open another transcript",
        type=None,
        key=widget,
        on_change=_on_upload,
        args=(widget,),
        help="A transcript as text (NAME: speech, rev.com, Otter), markdown, HTML, a Word .docx, a PDF, captions "
        "(SRT, WebVTT, SBV, TTML/DFXP, ASS/SSA, YouTube JSON3), speech-to-text JSON (Deepgram, AWS, Google, "
        "Azure, AssemblyAI, Speechmatics, WhisperX) or RTTM speaker segments, up to "
        f"{max_upload_mb()} MB. The format is detected; override it with 'Read as'.",
    )
    # a popover, not an expander: its text box is drawn when opened, so no page loads the text
    # area's code for it (bench/page_render.py --elements: 0.1-0.2 s of browser CPU on every visit)
    with sidebar.popover("Paste a transcript", icon=":material/content_paste:", width="stretch"):
        paste = f"podium_paste_{page_title}_{st.session_state.get(PASTE_GEN_KEY, 0)}"
        st.text_area("Transcript text", key=paste, height=150, placeholder="NAME: what they said ...")
        st.button("Add to the library and open", key=f"{paste}_add", on_click=_on_paste, args=(paste,))
    if source.get("id") != library().default_id:
        sidebar.button("Back to the bundled transcript", on_click=_on_reset_source)
    if transcript.source_format == "rttm":
        words_widget = f"podium_words_{page_title}_{st.session_state.get(UPLOAD_GEN_KEY, 0)}"
        sidebar.file_uploader(
            "Add the words: a transcript with the same times",
            type=None,
            key=words_widget,
            on_change=_on_words_upload,
            args=(words_widget,),
            help="RTTM gives who spoke when, without words. Add captions or speech-to-text output of the same "
            "recording (SRT, WebVTT, Whisper JSON...): each caption or word goes to the speaker talking at its time.",
        )
    elif source.get("speakers"):
        sidebar.caption(f"Speakers matched by time from **{source['speakers']['name']}**.")
    if source.get("keep_suspect") or any("hallucination" in n for n in transcript.notices):
        suspect_widget = f"podium_suspect_{page_title}"
        st.session_state[suspect_widget] = bool(source.get("keep_suspect", False))
        sidebar.toggle(
            "Include suspected hallucinations",
            key=suspect_widget,
            on_change=_on_suspect,
            args=(suspect_widget,),
            help="Speech recognition sometimes invents text in silences or repeats a line in a loop "
            "(“Thank you.” five times). Such segments are left out of every count unless this is on.",
        )
    format_widget = f"podium_format_{page_title}"
    st.session_state[format_widget] = source["format"]
    sidebar.selectbox(
        "Read as",
        options=list(FORMATS),
        format_func=lambda k: FORMATS[k],
        key=format_widget,
        on_change=_on_format,
        args=(format_widget,),
        help=f"Podium read this file as: {transcript.source_format.replace('_', ' ')}. Choose a format to override.",
    )

    known = transcript.speakers
    wanted = st.session_state.get(SPEAKERS_KEY, [])
    chosen = [s for s in wanted if s in known]
    missing = ", ".join(s for s in wanted if s not in known)
    if st.session_state.pop(URL_CHECK_KEY, False) and missing:
        st.session_state.setdefault(NOTICE_KEY, []).append(
            f"The link asks for speakers that are not in {transcript.name} ({missing}); they are left out. "
            "The filter was made for another transcript, or the link's transcript is not in this server's library."
        )
    elif missing:
        st.session_state.setdefault(NOTICE_KEY, []).append(
            f"The speaker filter no longer includes {missing}: no turn is left under "
            f"{'that name' if len(wanted) - len(chosen) == 1 else 'those names'} after your speaker edits."
        )
    st.session_state[SPEAKERS_KEY] = chosen
    sidebar.multiselect(
        "Filter speakers",
        options=known,
        placeholder="All speakers",
        help="Show only these speakers on every page. Leave empty for everyone.",
        **remembered(SPEAKERS_KEY, []),
    )

    if transcript.timing == "estimated":
        sidebar.number_input(
            "Speaking rate (words per minute)",
            min_value=MIN_WPM,
            max_value=MAX_WPM,
            step=5.0,
            format="%g",
            **remembered(WPM_KEY, DEFAULT_WPM),
            help=f"The transcript has no timestamps, so times are estimated from word counts at this rate. "
            f"Default {DEFAULT_WPM:g}, fitted on timed US debates: the pace of a 10-word sentence; longer "
            f"sentences go slower, shorter ones faster (see Speaker time).",
        )
    _write_url(chosen, wpm)
    _write_transcript_url(source)

    if ERROR_KEY in st.session_state:
        st.error(st.session_state.pop(ERROR_KEY), icon=":material/error:")
    for notice in st.session_state.pop(NOTICE_KEY, []):
        st.warning(notice, icon=":material/link:")
    for notice in transcript.notices:
        if SET_ASIDE_MARKER in notice and page_title != "Overview":
            continue  # shown where the page text is listed, not at the top of every view
        st.info(notice, icon=":material/info:")

    return PageContext(
        transcript=transcript, speakers=chosen, turns=filter_speakers(transcript.turns, chosen), wpm=wpm, parsed=parsed
    )


__all__ = [
    "FORMATS",
    "PAGES",
    "PageContext",
    "load_transcript",
    "page_setup",
    "remembered",
    "set_speaker_edits",
    "speaker_edits",
]
