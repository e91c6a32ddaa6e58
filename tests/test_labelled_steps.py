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
