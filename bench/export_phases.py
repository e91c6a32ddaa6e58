"""Wall and CPU time of each phase of ``python -m podium export``, in the parent and its child process.

Runs the command line's steps in this process (imports, parse, tables and CSV files) and prints each
phase's wall time, this process's CPU time and its children's (``getrusage(RUSAGE_CHILDREN)``: the
forked process of ``--jobs 2``). On two free cores a phase takes about the larger of the two CPU
figures; on a busy machine the wall time is what is left of the cores.

Usage: python bench/export_phases.py FILE [--jobs N] [--out DIR]   (default: --jobs 2, a temporary folder)
"""

from __future__ import annotations

import time

T0, C0 = time.perf_counter(), time.process_time()

import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import podium.__main__  # noqa: E402,F401  (the command line's imports, timed)
from podium.export import export_tables  # noqa: E402
from podium.parse import read_transcript  # noqa: E402


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> None:
    path = argv[0]
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 2
    out = argv[argv.index("--out") + 1] if "--out" in argv else tempfile.mkdtemp(prefix="podium_phases_")
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    t1, c1, k1 = time.perf_counter(), time.process_time(), _children_cpu()
    transcript = read_transcript(path, workers=jobs)
    t2, c2, k2 = time.perf_counter(), time.process_time(), _children_cpu()
    export_tables(transcript, out, workers=jobs)
    t3, c3, k3 = time.perf_counter(), time.process_time(), _children_cpu()
    print(
        f"--jobs {jobs}, load {load}: imports {t1 - T0:.2f} s (CPU {c1 - C0:.2f}) | parse {t2 - t1:.2f} s, CPU "
        f"{c2 - c1:.2f} + child {k2 - k1:.2f} | tables + CSV {t3 - t2:.2f} s, CPU {c3 - c2:.2f} + child "
        f"{k3 - k2:.2f} | total {t3 - T0:.2f} s; files in {out}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
