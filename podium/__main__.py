"""Command line: ``python -m podium export FILE --out DIR``, ``python -m podium label-answers IN.csv --out OUT.csv``."""

from __future__ import annotations

import argparse
import sys

from .edits import MappingError, edit_transcript, read_mapping
from .export import export_tables
from .model import ParseError
from .parse import FORMATS, read_transcript
from .talk_time import DEFAULT_WPM, MAX_WPM, MIN_WPM
from .text import DecodeError


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``podium`` command."""
    parser = argparse.ArgumentParser(prog="python -m podium", description="Podium: analyse spoken-word transcripts.")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser(
        "export",
        help="write turns.csv, speakers.csv, phrases.csv, phrases_by_speaker.csv, qa_pairs.csv and "
        "interruptions.csv for a transcript",
        description="Parse FILE and write the tables the dashboard shows as CSV files in DIR.",
    )
    export.add_argument("file", metavar="FILE", help="transcript file to read")
    export.add_argument("--out", metavar="DIR", required=True, help="folder to write the CSV files to")
    export.add_argument(
        "--wpm",
        type=float,
        default=DEFAULT_WPM,
        help=f"words per minute for estimating times when FILE has no timestamps (default {DEFAULT_WPM:g})",
    )
    export.add_argument("--format", choices=list(FORMATS), default="auto", help="transcript format (default: auto)")
    export.add_argument(
        "--speakers",
        metavar="MAPPING.csv",
        help="speaker mapping to apply before export (columns turn_id, label, speaker, role, as downloaded from "
        "the Speakers page); rows that do not match FILE are reported",
    )
    export.add_argument(
        "--rttm",
        metavar="RTTM",
        help="RTTM speaker segments of the same recording: name FILE's unattributed speech by time",
    )
    export.add_argument(
        "--keep-hallucinations",
        action="store_true",
        help="count speech-recognition segments that look like hallucinations (left out by default)",
    )
    label = commands.add_parser(
        "label-answers",
        help="label how directly each answer in a CSV answers its question (direct / partial / deflected)",
        description="Read IN.csv (UTF-8, columns question and answer) and write it to OUT.csv with the columns "
        "label, p_direct, p_partial, p_deflected and reasons added.",
    )
    label.add_argument("infile", metavar="IN.csv", help="CSV file with columns question and answer")
    label.add_argument("--out", metavar="OUT.csv", required=True, help="CSV file to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code (0 on success, 1 on bad input, 2 on bad usage)."""
    args = build_parser().parse_args(argv)
    if args.command == "label-answers":
        from .cli_answers import label_answers_command

        return label_answers_command(args.infile, args.out)
    if not (MIN_WPM <= args.wpm <= MAX_WPM):
        print(f"error: --wpm must be between {MIN_WPM:g} and {MAX_WPM:g}.", file=sys.stderr)
        return 2
    try:
        transcript = read_transcript(
            args.file,
            wpm=args.wpm,
            source_format=args.format,
            keep_suspect=args.keep_hallucinations,
            speakers=args.rttm,
        )
    except (DecodeError, ParseError) as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    if args.speakers:
        try:
            with open(args.speakers, "rb") as f:
                mapping = read_mapping(f.read())
        except MappingError as exc:
            print(f"error: {args.speakers}: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"error: cannot read {args.speakers}: {exc.strerror or exc}.", file=sys.stderr)
            return 1
        edits, unmatched = mapping.check(transcript.turns, aliases=transcript.aliases)
        transcript, _ = edit_transcript(transcript, edits)
        for problem in unmatched:
            print(f"warning: {args.speakers}: {problem}", file=sys.stderr)
        print(
            f"applied {len(edits)} of {len(edits) + len(unmatched)} speaker mapping rows from {args.speakers}",
            file=sys.stderr,
        )
    try:
        paths = export_tables(transcript, args.out)
    except OSError as exc:
        print(f"error: cannot write to {args.out}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    for notice in transcript.notices:
        print(f"note: {notice}", file=sys.stderr)
    n_turns, n_speakers = len(transcript.turns), len(transcript.speakers)
    print(
        f"{n_turns} turn{'s' if n_turns != 1 else ''} by {n_speakers} speaker{'s' if n_speakers != 1 else ''}; "
        "wrote " + ", ".join(str(p) for p in paths)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
