"""Write every exported CSV of many inputs to a folder, to check that a speed-up changed no output.

Inputs: the bundled transcript (``data/``), every file of the shared corpus (``../shared/corpus``),
every robustness input (``tests/robustness/inputs``), the generated large inputs of
``tests/robustness/generated.py`` at reduced size, and 200,000 words of corpus text (repeated and
``--distinct``, as ``bench/scale.py`` builds it). Each input's tables (:func:`podium.export.tables`,
written with :func:`podium.export.to_csv_bytes`, exactly the bytes ``python -m podium export``
writes) go to ``OUT/<input>/<table>.csv``; an input that is refused gets ``OUT/<input>/error.txt``
with the error's class and message.

Usage: python bench/golden_exports.py OUT [--jobs N]   then, after a change, into another folder and
``diff -r OUT_BEFORE OUT_AFTER`` (no output = byte-identical). ``--jobs 2`` parses and computes the
tables as ``python -m podium export --jobs 2`` does (questions and sentences counted in a forked
process during the parse, most Q&A indicators in another after it), for every input whatever its
length.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

#: Size of each generated input relative to its catalogue size (50 MB text at 0.04 = 2 MB).
GENERATED_SCALE = {
    "big_text_50mb.txt": 0.04,
    "single_line_5mb.txt": 0.2,
    "ten_thousand_speakers.txt": 1.0,
    "srt_200k_cues.srt": 0.05,
}


def inputs() -> list[tuple[str, str, bytes]]:
    """``(folder name, file name, bytes)`` of every input."""
    from scale import corpus_text

    from tests.robustness.generated import GENERATED

    out = [("seed", p.name, p.read_bytes()) for p in sorted((ROOT / "data").glob("*")) if p.is_file()]
    corpus = ROOT.parent / "shared" / "corpus"
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path.name not in {"README.md", "SOURCES.tsv", "PITFALLS.md"}:
            out.append((f"corpus_{path.relative_to(corpus)}", path.name, path.read_bytes()))
    for path in sorted((ROOT / "tests" / "robustness" / "inputs").glob("*")):
        if path.is_file():
            out.append((f"robustness_{path.name}", path.name, path.read_bytes()))
    for name, build in GENERATED.items():
        file_name, data = build(GENERATED_SCALE[name])
        out.append((f"generated_{name}", file_name, data))
    out.append(("corpus_200k", "corpus_200k.txt", corpus_text(200_000)))
    out.append(("corpus_200k_distinct", "corpus_200k_distinct.txt", corpus_text(200_000, distinct=True)))
    return out


def main(out_dir: str, workers: int = 1) -> None:
    from podium import parse
    from podium.export import tables, to_csv_bytes
    from podium.parse import parse_bytes

    if workers >= 2:
        parse.PARALLEL_MIN_CHARS = 0  # every input's turns measured in two processes, not only long ones

    out = Path(out_dir)
    for label, file_name, data in inputs():
        folder = out / re.sub(r"[^\w.\-]+", "_", label)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            transcript = parse_bytes(data, name=file_name, workers=workers)
        except Exception as exc:  # refused inputs: the message is part of the output
            (folder / "error.txt").write_text(f"{type(exc).__name__}: {exc}\n")
            continue
        for view, frame in tables(transcript, workers=workers).items():
            (folder / f"{view}.csv").write_bytes(to_csv_bytes(frame))
        (folder / "notices.txt").write_text("\n".join(transcript.notices) + "\n")
    print(f"wrote {sum(1 for _ in out.rglob('*.csv')):,} CSV files to {out}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--jobs" else 1)
