"""The labelled-text reader's steps, each on its own (issue 10). Inputs are crafted; values by hand."""

from podium.formats.labelled import (
    Candidate,
    LabelKind,
    LabelStats,
    Layout,
    decide_labels,
    find_candidates,
    is_cue_label,
    is_double_spaced,
    name_layout,
    prepare_text,
    read_labelled,
    split_blocks,
)


def test_prepare_text_splits_front_matter_and_strips_markdown():
    prepared = prepare_text('---\ntitle: "Briefing"\n---\n**MS. PSAKI:** Hi \\[all\\].\n', markdown=False)
    assert prepared.title == "Briefing"
    assert prepared.markdown  # front matter makes it markdown
    assert prepared.lines[0] == "MS. PSAKI: Hi [all]."
    assert prepared.removed[:2] == ["---", "---"]


def test_prepare_text_removes_court_line_numbers():
    lines = "\n".join(f"{n}   line {n}" for n in range(1, 11))
    assert prepare_text(lines).lines[:2] == ["   line 1", "   line 2"]


def test_find_candidates_drops_shapes_that_are_labels_only_in_context():
    # "Q Street" on a wrapped line is not a reporter: a bare Q must start a paragraph
    lines = ["The road", "Q Street is closed.", "", "Q  Is it open?", "", "A. No."]
    found = find_candidates(lines)
    assert found[1] is None
    assert found[3].kind == LabelKind.Q_BARE and found[3].rest == "Is it open?"
    assert found[5] is None  # "A." without any "Q." is not a deposition


def test_decide_labels_uses_file_wide_statistics():
    # more than six labels: "REMEMBER: we won." is emphasis, "JO: Right." a speaker
    lines = [
        "ANA: Hello.",
        "BEN: Hi.",
        "ANA: Well.",
        "BEN: Yes.",
        "ANA: So.",
        "BEN: No.",
        "REMEMBER: we won.",
        "JO: Right.",
    ]
    lines = [x for line in lines for x in (line, "")]
    candidates = find_candidates(lines)
    stats = LabelStats.of(candidates)
    assert stats.colon_labels == 8 and stats.caps_labels == 4 and stats.recurring_single_caps == 2
    labels = decide_labels(candidates, stats)
    assert [c.label for c in labels if c] == ["ANA", "BEN", "ANA", "BEN", "ANA", "BEN", "JO"]


def test_split_blocks_paragraphs_metadata_and_closing_time():
    lines = ["Headline", "", "MR. A: One", "two.", "", "Three.", "", "6:17 P.M. EDT"]
    labels = [None, None, Candidate("MR. A", "One", None, LabelKind.COLON, "MR. A:"), None, None, None, None, None]
    split = split_blocks(lines, labels)
    assert [(b.speaker, b.paragraphs) for b in split.blocks] == [("MR. A", ["One two.", "Three."])]
    assert split.metadata == ["Headline", "", "6:17 P.M. EDT"]
    assert split.removed == ["MR. A:"]


def test_is_double_spaced():
    assert is_double_spaced(["text", ""] * 20)
    assert not is_double_spaced(["text", "more", ""] * 20)


def test_name_layout():
    def c(kind):
        return Candidate("X", "", None, kind, "X")

    assert name_layout([c(LabelKind.COLON), None]) == (Layout.LABELLED, [])
    assert name_layout([c(LabelKind.OTTER), c(LabelKind.COLON)])[0] == Layout.TIMESTAMPED
    assert name_layout([c(LabelKind.PERIOD), c(LabelKind.PERIOD), c(LabelKind.COLON)])[0] == Layout.CONGRESSIONAL
    layout, notices = name_layout([c(LabelKind.CHAT)])
    assert layout == Layout.CHAT and "a chat log, or a transcript timed line by line" in notices[0]
    assert name_layout([c(LabelKind.COLON)], flattened=True)[0] == Layout.FLATTENED


def test_read_labelled_reports_a_layout_name():
    result = read_labelled("Title\n\nMr. SMITH. Hello.\n\nMr. JONES. Hi.\n\nMr. SMITH. Bye.\n\nMr. JONES. Bye.\n")
    assert result.source_format == "congressional"
    assert [b.speaker for b in result.blocks] == ["Mr. SMITH", "Mr. JONES", "Mr. SMITH", "Mr. JONES"]


def test_is_cue_label():
    assert is_cue_label("MAYOR QUINTERO: We agree.") == ("MAYOR QUINTERO", "MAYOR QUINTERO:", "We agree.")
    assert is_cue_label("Q: When?") == ("Q", "Q", "When?")
    assert is_cue_label("Look: we did.") is None
    assert is_cue_label("NOTE: this") is None
    assert is_cue_label("MAYOR:") is None  # nothing said after it


# ---- the shortcuts of _candidate give what trying every pattern gave --------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from podium.formats import labelled as L  # noqa: E402


def _decoration_length_every_char(text):
    if not text or not L._is_decoration(text[0]):
        return 0
    i = 1
    while i < len(text) and (L._is_decoration(text[i]) or text[i] == " "):
        i += 1
    return i


def _candidate_every_pattern(line):
    """The definition before the shortcuts (colon, final digit, ASCII first character): every pattern tried."""
    stripped = line.strip()
    if not stripped:
        return None
    start: float | None = None
    prefix = ""
    m = L._BRACKET_TS_RE.match(stripped) or L._CLOCK_PREFIX_RE.match(stripped)
    if m:
        start = L.parse_clock(L._clock_group(m))
        prefix = m.group(0)[: m.start("after")]
        stripped = m.group("after")
        e = L._EMPTY_LABEL_RE.match(stripped)
        if e:
            return L.Candidate(L.UNKNOWN_SPEAKER, e.group("rest"), start, L.LabelKind.TIMESTAMP, prefix + ":")
    m = L._DASH_RE.match(stripped)
    if m and not prefix:
        return L.Candidate(L.UNNAMED_QUESTIONER, m.group("rest"), None, L.LabelKind.DASH, "-")
    m = L._Q_RE.match(stripped)
    if m:
        sep = m.group("sep")
        label = m.group("label")
        kind: L.LabelKind | None
        if ":" in sep:
            kind = L.LabelKind.Q
        elif label in ("Q", "A") and sep.startswith("."):
            kind = L.LabelKind.Q_DOT  # "Q. text" / "A. text" (depositions)
        elif label == "Q":
            kind = L.LabelKind.Q_BARE  # "Q  text" (whitehouse.gov)
        else:
            kind = None
        if kind:
            return L.Candidate(label, m.group("rest"), start, kind, prefix + label)
    m = L._OTTER_RE.match(stripped)
    if m and not prefix and L._name_tokens_ok(m.group("label"), last_first=True):
        return L.Candidate(L._key(m.group("label")), "", L.parse_clock(L._clock_group(m)), L.LabelKind.OTTER, stripped)
    # the kind of a label after a time prefix: chat ("00:21:14 Name:") or timestamped ("[00:01] Name:")
    timed_kind = L.LabelKind.CHAT if prefix and not prefix.startswith(("[", "(")) else L.LabelKind.TIMESTAMPED
    timed = bool(prefix)
    decoration = _decoration_length_every_char(stripped)  # "🎤 HOST:": an emoji or symbol before the name
    if decoration:
        prefix += stripped[:decoration]
        stripped = stripped[decoration:]
    if stripped.startswith(">>"):  # a caption's speaker-change mark before the label: ">> ANCHOR: ..."
        rest = stripped.lstrip(">").lstrip()
        prefix += stripped[: len(stripped) - len(rest)]
        stripped = rest
    q_number = L._QUESTION_NUMBER_RE.match(stripped) if stripped[:1] == "Q" else None
    if q_number:  # a UK select committee's question number before the label: "Q12   Chair: ..."
        prefix += q_number.group(0)
        stripped = stripped[q_number.end() :]
    m = L._COLON_RE.match(stripped)
    if m:
        label = L._key(L._strip_decoration(m.group("label")))
        ts = m.group("ts1") or m.group("ts2")
        if ts:
            start = L.parse_clock(ts)
        removed = stripped[: m.start("rest")].strip() if m.group("rest") else stripped
        if L._name_tokens_ok(label) and len(label) <= L.MAX_LABEL_CHARS:
            kind = timed_kind if timed else L.LabelKind.TIMESTAMPED if ts else L.LabelKind.COLON
            return L.Candidate(label, m.group("rest"), start, kind, prefix + removed)
        if L._LOWER_LABEL_RE.fullmatch(label) and not ts:
            kind = timed_kind if timed else L.LabelKind.COLON
            return L.Candidate(label, m.group("rest"), start, kind, prefix + removed, lower=True)
    long = L._long_candidate(stripped)
    if long is not None:
        label, rest, removed = long
        kind = timed_kind if timed else L.LabelKind.COLON
        return L.Candidate(label, rest, start, kind, prefix + removed, long=True)
    if decoration:
        return None  # a symbol then no label: the line is text
    m = L._PERIOD_RE.match(stripped)
    if m:
        rest = m.group("rest") or ""
        return L.Candidate(L._key(m.group("label")), rest, start, L.LabelKind.PERIOD, prefix + m.group("label") + ".")
    return None


_LINE_PIECES = st.sampled_from(
    [
        "MODERATOR", "Ms. Psaki", "MR. McCLELLAN", "Q", "A", "QUESTION", "Chairman HAMILTON", "Mr.", "The",
        "SENATOR", "SPEAKER_00", "Kim (through translator)", "(Con)", "Ana", "ruiz", "said", "the", "budget",
        ":", "\uff1a", " :", ".", ". ", "-", "- ", "[", "]", "(", ")", "00:04", "0:03", "1:02:03", "123:04:05",
        "12", "3", "\u0663", "\u00b2", "🎤", "\u266a", "\ufe0f", "©", "主持人", "*", "**", "<b>", " ", "  ", "\t",
    ]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=14).map("".join))
def test_candidate_same_as_trying_every_pattern(line):
    assert L._candidate(line) == _candidate_every_pattern(line)


def test_candidate_same_as_trying_every_pattern_on_the_corpus():
    from pathlib import Path

    from podium.text import decode_bytes, normalise_text

    n = 0
    for path in sorted((Path(L.__file__).parents[3] / "shared" / "corpus").glob("*/*")):
        if path.suffix not in {".txt", ".md"}:
            continue
        for line in normalise_text(decode_bytes(path.read_bytes())[0]).split("\n"):
            assert L._candidate(line) == _candidate_every_pattern(line)
            n += 1
    assert n > 8_000


def _strip_line_numbers_before(lines, removed):
    """The definition before the patterns were compiled once and page lines tested for 30 spaces first."""
    import re

    numbered = sum(bool(re.match(r"^\s{0,10}([1-9]|1\d|2[0-5])(\s{2,}|$)", ln)) for ln in lines if ln.strip())
    nonblank = sum(bool(ln.strip()) for ln in lines)
    out = []
    for line in lines:
        if re.match(r"^\s{30,}\d{1,4}\s*$", line):
            removed.append(line.strip())
            continue
        if nonblank and numbered >= 0.3 * nonblank:
            m = re.match(r"^\s{0,10}([1-9]|1\d|2[0-5])(?=\s{2,}|$)", line)
            if m:
                removed.append(m.group(1))
                line = line[m.end() :]
        out.append(line)
    return out


_NUMBER_PIECES = st.sampled_from([" ", "\t", " " * 30, "\u2003" * 30, "1", "12", "25", "26", "7", "MR. X:", "text"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_NUMBER_PIECES, max_size=5).map("".join), max_size=12))
def test_strip_line_numbers_same_as_before(lines):
    removed_new, removed_old = [], []
    assert L._strip_line_numbers(lines, removed_new) == _strip_line_numbers_before(lines, removed_old)
    assert removed_new == removed_old
