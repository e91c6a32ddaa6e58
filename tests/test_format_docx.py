"""Word .docx transcripts: crafted documents (made with python-docx), turns and words checked by hand."""

import io

import pytest
from docx import Document

from podium import parse_bytes
from podium.formats.docx import is_docx
from podium.model import ParseError
from podium.text import all_words


def docx_bytes(paragraphs=(), table=None):
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = grid.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_otter_export_in_word():
    data = docx_bytes(
        [
            "Council budget hearing",
            "",
            "Ana Ruiz  0:03",
            "Good morning. Let us begin.",
            "",
            "Bo Chen  0:10",
            "Thank you, chair.",
            "",
            "Ana Ruiz  0:14",
            "First item.",
        ]
    )
    assert is_docx(data)
    t = parse_bytes(data, name="hearing.docx")
    assert list(t.turns["speaker"]) == ["Ana Ruiz", "Bo Chen", "Ana Ruiz"]
    assert list(t.turns["text"]) == ["Good morning. Let us begin.", "Thank you, chair.", "First item."]
    assert list(t.turns["start_s"]) == [3.0, 10.0, 14.0]
    assert t.title == "Council budget hearing"
    assert t.source_format.startswith("docx")


def test_labelled_text_and_a_table_of_speaker_and_text():
    data = docx_bytes(
        ["MAYOR QUINTERO: We agree.", "", "CLERK: So noted."],
        table=[["MAYOR QUINTERO", "Next item, please."], ["CLERK", "Item four."]],
    )
    t = parse_bytes(data, name="minutes.docx")
    assert list(t.turns["speaker"]) == ["MAYOR QUINTERO", "CLERK", "MAYOR QUINTERO", "CLERK"]
    assert list(t.turns["text"]) == ["We agree.", "So noted.", "Next item, please.", "Item four."]
    spoken = "We agree So noted Next item please Item four".split()
    assert [w for txt in t.turns["text"] for w in all_words(txt)] == spoken


def test_teams_word_export_with_cue_times_and_name_lines():
    data = docx_bytes(
        [
            "0:0:0.0 --> 0:0:5.320",
            "Ana Ruiz",
            "Hello everyone.",
            "",
            "0:0:5.320 --> 0:0:8.0",
            "Bo Chen",
            "Hi Ana.",
            "",
            "0:0:8.0 --> 0:0:9.500",
            "Ana Ruiz",
            "Let's start.",
        ]
    )
    t = parse_bytes(data, name="teams.docx")
    assert list(t.turns["speaker"]) == ["Ana Ruiz", "Bo Chen", "Ana Ruiz"]
    assert list(t.turns["text"]) == ["Hello everyone.", "Hi Ana.", "Let's start."]
    # "Hello everyone." is on screen 5.32 s but two words count at most 2 s each (4 s of speech)
    assert list(t.turns["end_s"]) == [4.0, 8.0, 9.5]


def test_a_damaged_word_file_is_a_clear_error():
    data = docx_bytes(["A: b"])[:300]
    with pytest.raises(Exception) as info:
        parse_bytes(data, name="broken.docx")
    assert isinstance(info.value, ParseError | ValueError)
    assert str(info.value)
