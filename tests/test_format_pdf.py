"""PDF transcripts and page furniture (issue 10): crafted PDFs made with fpdf2, values by hand."""

import pytest
from fpdf import FPDF

from podium import parse_bytes, parse_text
from podium.formats.pdf import is_pdf, pdf_text
from podium.model import ParseError
from podium.text import all_words


def pdf_bytes(pages, *, header="", footer="", numbered=False, page_numbers=True):
    pdf = FPDF(format="letter")
    pdf.set_font("Courier", size=11)
    for k, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT", align="C")
        for n, line in enumerate(lines, start=1):
            text = f"{n:>2}    {line}" if numbered else line
            pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        if footer:
            pdf.cell(0, 6, footer, new_x="LMARGIN", new_y="NEXT", align="C")
        if page_numbers:
            pdf.cell(0, 6, str(k), new_x="LMARGIN", new_y="NEXT", align="C")
    return bytes(pdf.output())


COURT = [
    [
        "IN THE SUPREME COURT OF THE UNITED STATES",
        "ACME HOLDINGS, ET AL.,           :",
        "          Petitioners,           :",
        "     v.                          : No. 22-123",
        "BOLT WIDGETS, INC.,              :",
        "APPEARANCES:",
        "JANE ROE, ESQ., for Petitioners.",
        "P R O C E E D I N G S",
        "(10:04 a.m.)",
        "CHIEF JUSTICE ROBERTS: We'll hear argument",
    ],
    [
        "first this morning in Acme Holdings.",
        "Ms. Roe.",
        "MS. ROE: Mr. Chief Justice, and may it",
        "please the Court: the statute is clear.",
        "JUSTICE THOMAS: Is it?",
        "MS. ROE: Yes.",
    ],
    [
        "CHIEF JUSTICE ROBERTS: Thank you, counsel.",
        "The case is submitted.",
        "(Whereupon, at 11:02 a.m., the case was",
        "submitted.)",
    ],
]


def test_court_pdf_furniture_cover_page_and_line_numbers_are_not_speech():
    data = pdf_bytes(
        COURT, header="Official - Subject to Final Review", footer="Heritage Reporting Corporation", numbered=True
    )
    assert is_pdf(data)
    _, furniture = pdf_text(data)
    # 3 pages x (header + footer + page number)
    assert furniture.count("Official - Subject to Final Review") == 3
    assert furniture.count("Heritage Reporting Corporation") == 3
    assert [f for f in furniture if f.isdigit()] == ["1", "2", "3"]
    t = parse_bytes(data, name="argument.pdf")
    assert list(t.turns["speaker"]) == [
        "CHIEF JUSTICE ROBERTS",
        "MS. ROE",
        "JUSTICE THOMAS",
        "MS. ROE",
        "CHIEF JUSTICE ROBERTS",
    ]
    assert t.turns["text"].iloc[0] == "We'll hear argument first this morning in Acme Holdings. Ms. Roe."
    joined = " ".join(t.turns["text"])
    assert "Official" not in joined and "Heritage" not in joined and "ACME HOLDINGS" not in joined
    # "please the Court: the statute..." is speech, not a speaker
    assert "please the Court: the statute is clear." in t.turns["text"].iloc[1]
    assert t.source_format.startswith("pdf")
    spoken = (
        "We'll hear argument first this morning in Acme Holdings Ms Roe "
        "Mr Chief Justice and may it please the Court the statute is clear Is it Yes "
        "Thank you counsel The case is submitted Whereupon at 11:02 a.m the case was submitted"
    )
    assert [w for txt in t.turns["text"] for w in all_words(txt)] == spoken.split()


def test_a_letterhead_on_every_page_is_not_speech():
    pages = [["MR. SMITH: We will begin.", "Thank you all."], ["MS. JONES: A question?"], ["MR. SMITH: No."]]
    t = parse_bytes(pdf_bytes(pages, header="PRIME MINISTER", page_numbers=False), name="presser.pdf")
    assert list(t.turns["speaker"]) == ["MR. SMITH", "MS. JONES", "MR. SMITH"]
    assert "PRIME MINISTER" not in " ".join(t.turns["text"])
    assert "PRIME MINISTER" in t.metadata


def test_a_pdf_without_text_is_a_clear_error():
    pdf = FPDF()
    pdf.add_page()
    with pytest.raises(ParseError, match="no text layer"):
        parse_bytes(bytes(pdf.output()), name="scan.pdf")


def test_page_metadata_and_back_matter_are_not_speech():
    text = (
        "Interview with the mayor\n\nFIRST AIRED: March 3, 2019\n\nUPDATED: March 4, 2019\n\n"
        "HOST: Welcome, Mayor.\n\nMAYOR QUINTERO: Thank you.\n\nHOST: Goodbye.\n\n----\n\n"
        "Copyright \u00a9 2021 Example Media. All rights reserved.\n"
    )
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["HOST", "MAYOR QUINTERO", "HOST"]
    assert t.turns["text"].iloc[-1] == "Goodbye."
    assert "Copyright" in t.metadata and "FIRST AIRED" in t.metadata


def test_a_lower_case_phrase_before_a_colon_is_speech():
    text = (
        "SEN. LEE: They acted as if to say\nto the committee chair: we don't care.\n\n"
        "MR. DOE: I disagree.\n\nSEN. LEE: Noted.\n"
    )
    t = parse_text(text)
    assert list(t.turns["speaker"]) == ["SEN. LEE", "MR. DOE", "SEN. LEE"]
    assert t.turns["text"].iloc[0] == "They acted as if to say to the committee chair: we don't care."
