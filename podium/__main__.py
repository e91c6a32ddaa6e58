"""Command line: ``python -m podium export FILE --out DIR``, ``python -m podium label-answers IN.csv --out OUT.csv``
and ``python -m podium index DIR --db PATH``."""

from __future__ import annotations

import argparse
import sys
import time

from .edits import MappingError, edit_transcript, read_mapping
from .export import default_jobs, export_tables
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
    export.add_argument(
        "--jobs",
        type=_jobs,
        default="auto",
        metavar="N",
        help="processes to use: 2 computes most Q&A pairs in a second process while the other tables are "
        "computed (the same files, faster with two free cores); 1 uses one process; default auto: 2 when "
        "the machine has two or more CPUs",
    )
    label = commands.add_parser(
        "label-answers",
        help="label how directly each answer in a CSV answers its question (direct / partial / deflected)",
        description="Read IN.csv (UTF-8, columns question and answer) and write it to OUT.csv with the columns "
        "label, p_direct, p_partial, p_deflected and reasons added.",
    )
    label.add_argument("infile", metavar="IN.csv", help="CSV file with columns question and answer")
    label.add_argument("--out", metavar="OUT.csv", required=True, help="CSV file to write")
    _add_index_command(commands)
    return parser


def _jobs(value: str) -> str | int:
    if value == "auto":
        return value
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number or auto, not {value!r}") from None


def _add_index_command(commands) -> None:
    index = commands.add_parser(
        "index",
        help="parse every transcript under a folder into a DuckDB archive",
        description="Parse every file under DIR (any format Podium reads) into the DuckDB database PATH. "
        "Re-runs parse only new or changed files; a file that fails is reported and skipped.",
    )
    index.add_argument("dir", metavar="DIR", help="folder of transcripts, searched recursively")
    index.add_argument("--db", metavar="PATH", required=True, help="DuckDB database file to create or update")
    index.add_argument(
        "--workers", type=int, default=None, help="parsing processes (default: one per CPU; 1 parses in-process)"
    )
    index.add_argument(
        "--wpm",
        type=float,
        default=DEFAULT_WPM,
        help=f"words per minute for estimating times of untimed transcripts (default {DEFAULT_WPM:g})",
    )
    index.add_argument("--quiet", action="store_true", help="print only the summary and failures, not progress")


def _run_index(args) -> int:
    from .archive import index_archive

    if not (MIN_WPM <= args.wpm <= MAX_WPM):
        print(f"error: --wpm must be between {MIN_WPM:g} and {MAX_WPM:g}.", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("error: --workers must be at least 1.", file=sys.stderr)
        return 2
    last = [0.0]

    def progress(done: int, total: int, n_words: int, path: str) -> None:
        now = time.monotonic()
        if args.quiet or (now - last[0] < 1.0 and done < total):
            return
        last[0] = now
        print(f"[{done:>6,}/{total:,}] {done / total:4.0%}  {n_words:>12,} words  {path}", file=sys.stderr, flush=True)

    try:
        report = index_archive(args.dir, args.db, workers=args.workers, wpm=args.wpm, progress=progress)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path, reason in report.failed:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    for path, original in report.duplicates:
        print(f"skipped: {path}: the same bytes as {original}", file=sys.stderr)
    print(
        f"indexed {len(report.indexed):,} files ({report.n_words:,} words, {report.words_per_second:,.0f} words/s); "
        f"{len(report.unchanged):,} unchanged, {len(report.removed):,} removed, {len(report.duplicates):,} duplicates, "
        f"{len(report.failed):,} failed; database {args.db}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code (0 on success, 1 on bad input, 2 on bad usage)."""
    args = build_parser().parse_args(argv)
    if args.command == "label-answers":
        from .cli_answers import label_answers_command

        return label_answers_command(args.infile, args.out)
    if args.command == "index":
        return _run_index(args)
    if not (MIN_WPM <= args.wpm <= MAX_WPM):
        print(f"error: --wpm must be between {MIN_WPM:g} and {MAX_WPM:g}.", file=sys.stderr)
        return 2
    jobs = default_jobs() if args.jobs == "auto" else args.jobs
    try:
        transcript = read_transcript(
            args.file,
            wpm=args.wpm,
            source_format=args.format,
            keep_suspect=args.keep_hallucinations,
            speakers=args.rttm,
            workers=jobs,
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
        if args.jobs == "auto":  # the tables of a very long transcript in one process (memory)
            jobs = default_jobs(int(transcript.turns["n_words"].sum()))
        paths = export_tables(transcript, args.out, workers=jobs)
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
