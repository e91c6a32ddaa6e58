# ruff: noqa: E501  (crafted inputs are clearer on one line each)
"""Write the small crafted bad or odd inputs of the robustness catalogue to ``inputs/``.

Run ``python tests/robustness/make_inputs.py`` after changing this file; the files are committed
so that each input can be opened and read on its own. Large inputs (50 MB of text, 200,000 cues,
10,000 speakers, a 5 MB line) are built by :mod:`tests.robustness.generated` at test time instead.
The expected outcome of each file is in ``catalogue.tsv`` beside this script.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).parent
INPUTS = HERE / "inputs"

DIALOGUE = (
    "MODERATOR: Good morning. Let us begin with the budget.\n\n"
    "SENATOR HALE: The budget is late, and we said so in March.\n\n"
    "MODERATOR: Why is it late?\n\n"
    "SENATOR HALE: Because the committee has not met.\n"
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _pdf() -> bytes:
    body = b"BT /F1 12 Tf 72 712 Td (MODERATOR: Hello.) Tj ET"
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
        b"4 0 obj << /Length " + str(len(body)).encode() + b" >>\nstream\n" + body + b"\nendstream endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def _zip(members: dict[str, bytes], *, level: int = 9) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A .docx-shaped zip whose document.xml inflates to 400 MB of spaces (about 400 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * (1 << 20)
            for _ in range(400):
                member.write(block)
    return buffer.getvalue()


def _nested_json(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


def _srt(cues: list[tuple[str, str, str]]) -> str:
    return "\n".join(f"{i}\n{start} --> {end}\n{text}\n" for i, (start, end, text) in enumerate(cues, 1))


def build() -> dict[str, bytes]:
    """Return ``{file name: bytes}`` for every small catalogue input."""
    utf8 = DIALOGUE.encode()
    files: dict[str, bytes] = {
        # empty and near-empty
        "empty.txt": b"",
        "whitespace_only.txt": b"  \n\t\n \r\n   \n",
        "only_punctuation.txt": b"... --- !!! ??? ;;; \n\n***\n",
        "only_stage_directions.txt": b"(Laughter.)\n\n(Applause.)\n\n[crosstalk]\n",
        "only_labels.txt": b"MODERATOR:\n\nSENATOR HALE:\n\nMODERATOR:\n",
        "single_word.txt": b"Hello\n",
        # binary files
        "image.png": _png(),
        "document.pdf": _pdf(),
        "archive.zip": _zip({"transcript.txt": utf8}),
        "zip_bomb.docx": _zip_bomb(),
        "gzip_file.txt.gz": gzip.compress(utf8 * 20, mtime=0),
        "elf_binary.bin": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
        # encodings
        "utf8_bom.txt": b"\xef\xbb\xbf" + utf8,
        "utf16_le_bom.txt": DIALOGUE.encode("utf-16"),
        "utf16_le_no_bom.txt": DIALOGUE.encode("utf-16-le"),
        "utf16_be_no_bom.txt": DIALOGUE.encode("utf-16-be"),
        "cp1252_smart_quotes.txt": DIALOGUE.replace("said so", "said \u201cso\u201d").encode("cp1252"),
        "latin1_accents.txt": "JOS\u00c9 NU\u00d1EZ: El presupuesto est\u00e1 listo, se\u00f1or.\n\n"
        "MODERATOR: \u00bfCu\u00e1ndo?\n".encode("latin-1"),
        "mixed_utf8_cp1252.txt": "CHEF RENÉ: The café opened in March.\n\n".encode()
        + "MODERATOR: And the crème brûlée? It’s famous.\n".encode("cp1252"),
        "nul_bytes_stray.txt": utf8[:40] + b"\x00" + utf8[40:90] + b"\x00\x00" + utf8[90:],
        "ansi_colour_codes.txt": (
            b"\x1b[1;32mMODERATOR:\x1b[0m Good morning.\n\n\x1b[31mSENATOR HALE:\x1b[0m The budget is late.\n"
        ),
        "control_characters.txt": b"MODERATOR: Good\x07 morning.\x1b\n\nSENATOR HALE: The\x0b budget is late.\n",
        "zero_width_characters.txt": "MODE\u200bRATOR: Good\u200d morning.\n\nSENATOR HALE: The\u2060 budget.\n".encode(),
        "combining_diacritics_nfd.txt": "JOSE\u0301 NU\u0303N\u0303EZ: Cafe\u0301 au lait.\n\nMODERATOR: Merci.\n".encode(),
        "unicode_line_separators.txt": "MODERATOR: Good morning.\u2028SENATOR HALE: The budget is late.\u2029".encode(),
        # line endings
        "windows_crlf.txt": DIALOGUE.replace("\n", "\r\n").encode(),
        "lone_cr.txt": DIALOGUE.replace("\n", "\r").encode(),
        "mixed_line_endings.txt": DIALOGUE.replace("\n\n", "\r\n\r").encode(),
        # labels and names
        "label_500_chars.txt": (
            "MODERATOR: Welcome to the hearing.\n\n"
            + "THE HONORABLE "
            + " ".join(["PAT MERRIWEATHER UNDER SECRETARY"] * 15)[:486]
            + ": Thank you for having me today.\n\nMODERATOR: Please go on.\n"
        ).encode(),
        "rtl_names.txt": (
            "صحفي: متى تنشر الميزانية؟\n\nالمتحدث الرسمي: الأسبوع المقبل.\n\nصحفي: شكرا.\n"
        ).encode(),
        "emoji_names.txt": "🎤 HOST: Welcome back to the show.\n\n🙂 GUEST: Thanks for having me.\n\n🎤 HOST: Let us start.\n".encode(),
        "emoji_first_label.txt": (
            "😀 ALEX: Hello there, this is the first turn of the chat and it has many words in it.\n\n"
            "MODERATOR: Thank you.\n\nALEX: You are welcome.\n"
        ).encode(),
        "label_long_mixed_case.txt": (
            b"Chair Reed: The committee will come to order.\n\n"
            b"The Honorable Pat Merriweather, Under Secretary of State for Management and Resources and Acting "
            b"Director of the Office of Foreign Missions: Thank you, Chair Reed, for having me.\n\n"
            b"Chair Reed: Please go on.\n"
        ),
        "label_long_shouted_sentence.txt": (
            b"MODERATOR: WELCOME.\n\nSENATOR HALE: THANK YOU.\n\n"
            b"THE COMMITTEE HAS HEARD FROM WITNESSES ON BOTH SIDES OF THIS QUESTION FOR MANY MONTHS AND WE NOW "
            b"KNOW THREE THINGS: THE BUDGET IS LATE.\n"
        ),
        "rtl_hebrew_names.txt": "מראיין: מתי יתפרסם התקציב?\n\nראש העיר: בשבוע הבא.\n\nמראיין: תודה רבה.\n".encode(),
        "emoji_around_names.txt": (
            "👩🏽\u200d💼 MAYOR QUINTERO: We will open the bridge in May.\n\nREPORTER 📰: Which day in May?\n\n"
            "👩🏽\u200d💼 MAYOR QUINTERO: The first Monday.\n"
        ).encode(),
        "bidi_override_names.txt": "MODERATOR: Hello.\n\n\u202eSENATOR HALE\u202c: The budget is late.\n".encode(),
        "script_in_speaker_name.txt": (
            b"<script>alert('name')</script>: Hello from the first speaker.\n\n"
            b"MODERATOR: Thank you.\n\n<img src=x onerror=alert(1)>: More words here.\n"
        ),
        "script_in_text.txt": (
            b"MODERATOR: Please read <script>alert('x')</script> into the record.\n\n"
            b"SENATOR HALE: I see <img src=x onerror=alert(1)> and <iframe src=//evil></iframe> here.\n"
        ),
        "label_with_markup.txt": (
            b"<b>MODERATOR:</b> Good morning, everyone, and welcome to the committee.\n\n"
            b"<b>SENATOR HALE:</b> Thank you. The budget is late.\n"
        ),
        "label_in_span_tags.txt": (
            b'<span class="speaker">Ana Ruiz</span>: When will the bridge open?\n\n<b>MAYOR QUINTERO</b>: In May.\n\n'
            b"Ana Ruiz: Thank you.\n"
        ),
        "label_in_markdown_bold.txt": (
            b"**MODERATOR:** Good morning, everyone.\n\nSENATOR HALE: Thank you.\n\n[b]MODERATOR:[/b] Please go on.\n"
        ),
        "label_in_strong_tags.txt": (
            b"<strong>Ana Ruiz</strong>: When will the bridge open?\n\n<B>MAYOR QUINTERO:</B> In May.\n\n"
            b"<strong>Ana Ruiz</strong>: Thank you.\n"
        ),
        "formula_cells.txt": (
            b"=HYPERLINK(\"http://x\"): =1+1 is two.\n\n+SUM(A1): +44 is a code.\n\n"
            b"MODERATOR: -5 degrees and @home.\n\n@USER: =cmd|' /C calc'!A0\n"
        ),
        "tab_and_cr_cells.txt": b"MODERATOR:\tTabbed start.\n\nSENATOR HALE: \rCarriage start.\n",
        "ten_thousand_char_word.txt": ("MODERATOR: " + "a" * 10_000 + " and more.\n\nGUEST: Yes.\n").encode(),
        "long_line_no_breaks.txt": ("MODERATOR: " + "word " * 20_000 + "\n").encode(),
        "many_blank_lines.txt": ("\n" * 5000 + DIALOGUE + "\n" * 5000).encode(),
        "plain_no_labels.txt": b"This is a speech with no labels at all. It goes on for a while.\n\nAnd then it ends.\n",
        "rtf_document.rtf": rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} \f0\fs24 MODERATOR: Hello.\par SENATOR HALE: Hi.\par}",
        "csv_spreadsheet.csv": b"speaker,text\nMODERATOR,Good morning.\nSENATOR HALE,The budget is late.\n",
        "tsv_with_clock_times.tsv": (
            b"Start Time\tEnd Time\tSpeaker Name\tTranscript\tConfidence\n"
            b"00:00:01.500\t00:00:04.000\tAna Ruiz\tWhen will the bridge open?\t0.91\n"
            b"00:00:04.500\t00:00:05.500\tMayor Quintero\tIn May.\t0.88\n"
            b"00:00:06.000\t00:00:07.000\tMayor Quintero\tThe first Monday.\t0.95\n"
        ),
        "csv_semicolon_quoted.csv": (
            b'Speaker;Text\nMODERATOR;"Good morning; welcome."\nSENATOR HALE;"The budget is late.\nIt was due in March."\n'
            b';"Nobody knows who said this."\n'
        ),
        "csv_unquoted_commas.csv": (
            b"speaker,text\nMODERATOR,Good morning, everyone, and welcome.\nSENATOR HALE,Thank you, Chair.\n"
        ),
        "xml_not_transcript.xml": b'<?xml version="1.0"?><catalog><book id="1"><title>Hello</title></book></catalog>',
        # timestamps
        "timestamps_impossible.txt": (
            b"[99:99:99] MODERATOR: Good morning.\n\n[00:00:05] SENATOR HALE: The budget is late.\n"
        ),
        "timestamps_backwards.txt": (
            b"[00:10:00] MODERATOR: Good morning.\n\n[00:05:00] SENATOR HALE: The budget is late.\n\n"
            b"[00:11:00] MODERATOR: Why?\n"
        ),
        "timestamps_past_100_hours.txt": (
            b"[123:04:05] MODERATOR: Good morning.\n\n[123:04:09] SENATOR HALE: The budget is late.\n"
        ),
        "timestamps_past_100_hours_rev.txt": (
            b"Ana Ruiz (123:04:05): When will the bridge open?\n\nMayor Quintero (123:04:09): In May.\n\n"
            b"Ana Ruiz (123:04:12): Thank you.\n"
        ),
        "srt_malformed_times.srt": (
            b"1\n00:00:01,000 --> 00:00:0x,000\nMODERATOR: Good morning.\n\n"
            b"2\n00:00:04,000 --> 00:00:06,000\nSENATOR HALE: The budget is late.\n"
        ),
        "srt_end_before_start.srt": _srt(
            [
                ("00:00:05,000", "00:00:02,000", "MODERATOR: Good morning."),
                ("00:00:06,000", "00:00:08,000", "SENATOR HALE: The budget is late."),
            ]
        ).encode(),
        "srt_overlapping_cues.srt": _srt(
            [
                ("00:00:00,000", "00:00:10,000", "AVA: We started on time and kept going."),
                ("00:00:05,000", "00:00:08,000", "BEN: No we did not."),
                ("00:00:12,000", "00:00:14,000", "AVA: Yes."),
            ]
        ).encode(),
        "srt_empty_cues.srt": (
            b"1\n00:00:01,000 --> 00:00:03,000\nMODERATOR: Good morning.\n\n"
            b"2\n00:00:03,000 --> 00:00:40,000\n\n\n"
            b"3\n00:00:40,000 --> 00:00:42,000\nSENATOR HALE: The budget is late.\n"
        ),
        "srt_no_text_at_all.srt": b"1\n00:00:01,000 --> 00:00:03,000\n\n2\n00:00:03,000 --> 00:00:05,000\n\n",
        "vtt_header_only.vtt": b"WEBVTT\n\n",
        "vtt_script_voice.vtt": (
            b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v <script>alert(1)</script>>Hello there.\n\n"
            b"00:00:03.000 --> 00:00:05.000\n<v Moderator>Welcome.\n"
        ),
        # JSON
        "json_not_transcript.json": json.dumps({"name": "budget", "values": [1, 2, 3]}).encode(),
        "json_truncated.json": b'{"results": {"channels": [{"alternatives": [{"transcript": "hello", "words": [{"word"',
        "json_deep_nesting.json": _nested_json(10_000),
        "json_deep_objects.json": ('{"a":' * 5_000 + "1" + "}" * 5_000).encode(),
        "json_array_of_numbers.json": b"[1, 2, 3, 4]",
        "json_null.json": b"null",
        "json_speaker_not_a_name.json": json.dumps(
            [
                {"speaker": ["Ana", "Bo"], "text": "We both said this."},
                {"speaker": True, "text": "A boolean speaker."},
                {"speaker": 7, "text": "Seven speaks."},
            ]
        ).encode(),
        "json_script_in_speaker.json": json.dumps(
            [{"speaker": "<script>alert(1)</script>", "text": "Hello <b>there</b>."}, {"speaker": "B", "text": "Hi."}]
        ).encode(),
        # HTML and markdown
        "html_scripts_iframes.html": (
            b"<html><head><script>var transcript = 'MODERATOR: evil';</script><style>p{color:red}</style></head>"
            b"<body><iframe src='https://example.com'></iframe>"
            b"<p><strong>MODERATOR:</strong> Good morning.</p><p><strong>SENATOR HALE:</strong> The budget is late."
            b"</p><script>alert(1)</script></body></html>"
        ),
        "html_only_script.html": b"<html><head><script>alert(1)</script></head><body></body></html>",
        "markdown_front_matter_only.md": b"---\ntitle: A briefing\ndate: 2024-01-01\n---\n",
        "markdown_injection.md": (
            b"---\ntitle: <script>alert(1)</script>\n---\n\n**MODERATOR:** [click](javascript:alert(1)) now.\n\n"
            b"**SENATOR HALE:** ![x](x onerror=alert(1)) fine.\n"
        ),
    }
    return files


def main() -> None:
    INPUTS.mkdir(exist_ok=True)
    for old in INPUTS.iterdir():
        old.unlink()
    for name, data in build().items():
        (INPUTS / name).write_bytes(data)
    print(f"wrote {len(build())} files to {INPUTS}")


if __name__ == "__main__":
    main()
