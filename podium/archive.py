"""An archive of many transcripts in an embedded DuckDB database: indexing and queries.

``python -m podium index DIR --db PATH`` parses every file under ``DIR`` with the same reader the
dashboard uses (:func:`podium.parse.parse_bytes`) and stores:

- ``transcripts``: one row per file (:data:`TRANSCRIPT_COLUMNS`), keyed by path, with the SHA-256
  of its bytes so a re-run parses only new or changed files;
- ``turns``: one row per turn (:data:`ARCHIVE_TURN_COLUMNS`): transcript id, date, speaker, role,
  text, words and times, plus ``tokens``, the turn's words in lower case as Podium counts them
  (two spaces between words, ``|`` between sentence runs), so a phrase is counted in SQL exactly
  as the Phrases page counts it (:func:`phrase_pattern`);
- ``phrase_counts``: per transcript, every 1- and 2-word phrase said at least twice and its count,
  under the Phrases page's rule (:func:`podium.phrases.count_ngrams`, stopwords dropped at the ends,
  as in ``python -m podium export``'s ``phrases.csv``);
- ``failures``: files that could not be read, with the reason, so an unchanged failing file is not
  parsed again (it is still reported).

Files are parsed by worker processes and written in batches, so memory holds one batch of text
at a time, never the archive.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import pandas as pd

from .library import describe
from .model import ParseError
from .parse import parse_bytes
from .phrases import stopwords
from .talk_time import DEFAULT_WPM
from .text import DecodeError, folded_phrase_runs

__all__ = [
    "ARCHIVE_TURN_COLUMNS",
    "HIT_COLUMNS",
    "TRANSCRIPT_COLUMNS",
    "IndexReport",
    "connect",
    "index_archive",
    "parse_file",
    "phrase_pattern",
    "phrase_search",
    "phrase_trend",
    "talk_share_trend",
    "tokens_of",
    "top_phrases",
]

#: Columns of the ``transcripts`` table.
TRANSCRIPT_COLUMNS: dict[str, str] = {
    "path": "VARCHAR",  # relative to the indexed folder, "/"-separated
    "transcript_id": "VARCHAR",  # first 16 hex digits of the SHA-256 of the file's bytes
    "sha256": "VARCHAR",
    "title": "VARCHAR",
    "date": "DATE",  # NULL when the file names no date
    "event": "VARCHAR",
    "source_format": "VARCHAR",
    "n_turns": "BIGINT",
    "n_words": "BIGINT",
    "indexed_at": "TIMESTAMP",
}
#: Columns of the ``turns`` table.
ARCHIVE_TURN_COLUMNS: dict[str, str] = {
    "transcript_id": "VARCHAR",
    "date": "DATE",
    "turn_id": "BIGINT",
    "speaker": "VARCHAR",
    "role": "VARCHAR",
    "text": "VARCHAR",
    "n_words": "BIGINT",
    "start_s": "DOUBLE",  # seconds from the start of the event
    "end_s": "DOUBLE",
    "speech_s": "DOUBLE",  # seconds of speech in the turn
    "tokens": "VARCHAR",  # see the module docstring
}
#: Columns of :func:`phrase_search`'s hits.
HIT_COLUMNS: dict[str, str] = {
    "date": "datetime64[ns]",
    "title": "str",
    "transcript_id": "str",
    "path": "str",
    "turn_id": "int64",
    "speaker": "str",
    "left": "str",
    "keyword": "str",
    "right": "str",
}

_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS transcripts ("
    + ", ".join(f"{c} {t}" for c, t in TRANSCRIPT_COLUMNS.items())
    + ", PRIMARY KEY (path))",
    "CREATE TABLE IF NOT EXISTS turns (" + ", ".join(f"{c} {t}" for c, t in ARCHIVE_TURN_COLUMNS.items()) + ")",
    "CREATE TABLE IF NOT EXISTS phrase_counts (transcript_id VARCHAR, phrase VARCHAR, n BIGINT, count BIGINT)",
    "CREATE TABLE IF NOT EXISTS failures (path VARCHAR PRIMARY KEY, sha256 VARCHAR, error VARCHAR)",
]


#: DuckDB's memory cap while indexing (its buffer pool; it spills to disk beyond it), so the indexer's
#: memory does not grow with the archive.
INDEX_MEMORY_LIMIT = "256MB"


def connect(db_path: str | Path, *, read_only: bool = False):
    """Open (creating if needed, unless ``read_only``) the archive database; return a DuckDB connection.

    A writable connection (the indexer's) is capped at :data:`INDEX_MEMORY_LIMIT` and one thread:
    the parsing workers need the cores.
    """
    import duckdb

    if read_only:
        return duckdb.connect(str(db_path), read_only=True)
    con = duckdb.connect(str(db_path), config={"memory_limit": INDEX_MEMORY_LIMIT, "threads": 1})
    for statement in _SCHEMA:
        con.execute(statement)
    return con


def tokens_of(text: str) -> str:
    """A turn's words as the archive stores them for phrase counts.

    Lower-case phrase tokens of :func:`podium.text.folded_phrase_runs`, two spaces between words
    and ``  |  `` between runs, with two spaces at both ends: ``"  no  change  |  there  "``.
    """
    runs = folded_phrase_runs(text)
    return "  " + "  |  ".join("  ".join(run) for run in runs) + "  " if runs else "  "


def phrase_pattern(phrase: str) -> str:
    """The substring that marks one occurrence of ``phrase`` in ``tokens`` (``" no  change "``), or
    ``""`` when the phrase has no words. Counted as :func:`podium.kwic.kwic` finds them (the words
    in order inside one sentence run, any case), except that overlapping repeats of a phrase that
    overlaps itself ("no no" in "no no no") count once."""
    words = [w for run in folded_phrase_runs(phrase) for w in run]
    return " " + "  ".join(words) + " " if words else ""


def _match_sql(column: str = "tokens") -> str:
    """SQL that is true where ``tokens`` holds the phrase: a search for the pattern without its leading
    space first (``$q``; a pattern starting with the common space is several times slower to find),
    then the exact pattern (``$p``)."""
    return f"(contains({column}, $q) AND contains({column}, $p))"


def _params(phrase: str) -> dict[str, str]:
    pattern = phrase_pattern(phrase)
    return {"p": pattern, "q": pattern[1:]}


# ---------------------------------------------------------------------------
# Indexing


@dataclass
class IndexReport:
    """What :func:`index_archive` did. Paths are relative to the indexed folder."""

    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, path with the same bytes)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    n_words: int = 0  # words in the files indexed in this run
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        """Words indexed per second of wall-clock time in this run."""
        return self.n_words / self.seconds if self.seconds else 0.0


def _files(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root) / name


def parse_file(job: tuple[str, str, str, float]) -> dict:
    """Parse one file into the archive's rows: the map step, run by the indexer's workers and usable
    as is in a distributed engine (see the README, "Beyond one machine").

    Parameters:
        job: ``(path to read, path to record, SHA-256 hex of the bytes, words per minute)``.

    Returns:
        A picklable dict. On failure ``{"rel", "sha256", "error": one sentence}``. Otherwise
        ``{"rel", "sha256", "meta": describe()'s dict (title, date, event, source), "source_format",
        "turns": {column: list} for turn_id, speaker, role, text, n_words, start_s, end_s,
        speech_s, tokens, "phrases": (phrases, n, counts)}``.
    """
    path, rel, digest, wpm = job
    try:
        data = Path(path).read_bytes()
        transcript = parse_bytes(data, name=Path(path).name, wpm=wpm)
    except (DecodeError, ParseError) as exc:
        return {"rel": rel, "sha256": digest, "error": str(exc)}
    except OSError as exc:
        return {"rel": rel, "sha256": digest, "error": f"cannot read the file ({exc.strerror or exc})"}
    except Exception as exc:  # a parser bug must not stop a run over thousands of files
        return {"rel": rel, "sha256": digest, "error": f"unexpected error: {type(exc).__name__}: {exc}"}
    meta = describe(transcript, Path(path).name)
    turns = transcript.turns
    runs = [folded_phrase_runs(text) for text in turns["text"]]
    tokens = ["  " + "  |  ".join("  ".join(run) for run in r) + "  " if r else "  " for r in runs]
    stops = stopwords()
    # the Phrases page's rule (podium.phrases.count_ngrams): n-grams inside a sentence run,
    # dropped when they start or end with a stopword
    unigrams = Counter(w for turn_runs in runs for run in turn_runs for w in run if w not in stops)
    unigrams = Counter({k: v for k, v in unigrams.items() if v >= 2})
    bigrams = Counter(
        f"{a} {b}"
        for turn_runs in runs
        for run in turn_runs
        for a, b in pairwise(run)
        if a not in stops and b not in stops
    )
    bigrams = Counter({k: v for k, v in bigrams.items() if v >= 2})
    return {
        "rel": rel,
        "sha256": digest,
        "meta": meta,
        "source_format": transcript.source_format,
        "turns": {
            "turn_id": turns["turn_id"].tolist(),
            "speaker": turns["speaker"].tolist(),
            "role": turns["role"].tolist(),
            "text": turns["text"].tolist(),
            "n_words": turns["n_words"].tolist(),
            "start_s": turns["start_s"].tolist(),
            "end_s": turns["end_s"].tolist(),
            "speech_s": turns["speech_s"].tolist(),
            "tokens": tokens,
        },
        "phrases": (
            [*unigrams, *bigrams],
            [1] * len(unigrams) + [2] * len(bigrams),
            [*unigrams.values(), *bigrams.values()],
        ),
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def index_archive(
    folder: str | Path,
    db_path: str | Path,
    *,
    workers: int | None = None,
    wpm: float = DEFAULT_WPM,
    batch_files: int = 100,
    progress: Callable[[int, int, int, str], None] | None = None,
) -> IndexReport:
    """Parse every transcript under ``folder`` into the archive at ``db_path``; re-runs parse only
    new or changed files (by SHA-256), and drop files that are gone.

    Parameters:
        folder: searched recursively; hidden files and folders are skipped. Every other file is
            tried in any format Podium reads; one that fails is recorded with its reason and skipped.
        db_path: the DuckDB database file (created if needed).
        workers: parsing processes (default: the number of CPUs); 1 parses in this process.
        wpm: words per minute for estimating the times of untimed transcripts.
        batch_files: files written to the database per transaction (bounds memory).
        progress: called after each file as ``progress(done, total, words_so_far, path)``.

    Returns:
        An :class:`IndexReport`. Raises OSError if ``folder`` is not a folder or the database
        cannot be written.
    """
    started = time.perf_counter()
    root = Path(folder)
    if not root.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder")
    con = connect(db_path)
    report = IndexReport()
    known = dict(con.execute("SELECT path, sha256 FROM transcripts").fetchall())
    failed_before = {p: (h, e) for p, h, e in con.execute("SELECT path, sha256, error FROM failures").fetchall()}
    listing = [(path, path.relative_to(root).as_posix(), _sha256(path)) for path in _files(root)]
    seen = {rel for _, rel, _ in listing}
    current = {rel: digest for _, rel, digest in listing}
    # content still in the database after this run's deletions: unchanged files
    by_hash = {h: p for p, h in known.items() if current.get(p) == h}
    jobs = []
    for path, rel, digest in listing:
        if known.get(rel) == digest:
            report.unchanged.append(rel)
            continue
        if rel in failed_before and failed_before[rel][0] == digest:
            report.failed.append((rel, failed_before[rel][1]))
            continue
        if digest in by_hash:
            report.duplicates.append((rel, by_hash[digest]))
            continue
        by_hash[digest] = rel
        jobs.append((str(path), rel, digest, float(wpm)))
    report.removed = [p for p in known if p not in seen]
    for rel, digest in known.items():
        if current.get(rel) != digest:  # gone or changed
            _delete(con, rel, digest)
    con.execute("DELETE FROM failures WHERE NOT list_contains(?::VARCHAR[], path)", [sorted(seen)])

    batch: list[dict] = []
    done = 0

    def flush() -> None:
        if batch:
            _write(con, batch, report)
            batch.clear()

    results: Iterator[dict]
    pool = None
    if (workers or os.cpu_count() or 1) > 1 and len(jobs) > 1:
        pool = ProcessPoolExecutor(max_workers=workers or os.cpu_count())
        results = pool.map(parse_file, jobs, chunksize=4)
    else:
        results = map(parse_file, jobs)
    try:
        for result in results:
            done += 1
            batch.append(result)
            if "error" not in result:
                report.n_words += sum(result["turns"]["n_words"])
            if len(batch) >= batch_files:
                flush()
            if progress:
                progress(done, len(jobs), report.n_words, result["rel"])
        flush()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        con.close()
    report.seconds = time.perf_counter() - started
    return report


def _delete(con, rel: str, digest: str) -> None:
    tid = digest[:16]
    con.execute("DELETE FROM transcripts WHERE path = ?", [rel])
    if not con.execute("SELECT count(*) FROM transcripts WHERE transcript_id = ?", [tid]).fetchone()[0]:
        con.execute("DELETE FROM turns WHERE transcript_id = ?", [tid])
        con.execute("DELETE FROM phrase_counts WHERE transcript_id = ?", [tid])


def _write(con, batch: list[dict], report: IndexReport) -> None:
    """Write one batch of parsed files in one transaction."""
    transcripts, turn_frames, phrase_frames, failures = [], [], [], []
    now = pd.Timestamp.now()
    for result in batch:
        if "error" in result:
            failures.append((result["rel"], result["sha256"], result["error"]))
            report.failed.append((result["rel"], result["error"]))
            continue
        tid = result["sha256"][:16]
        meta = result["meta"]
        date = pd.Timestamp(meta["date"]) if meta["date"] else pd.NaT
        cols = result["turns"]
        transcripts.append(
            {
                "path": result["rel"],
                "transcript_id": tid,
                "sha256": result["sha256"],
                "title": meta["title"],
                "date": date,
                "event": meta["event"],
                "source_format": result["source_format"],
                "n_turns": len(cols["turn_id"]),
                "n_words": sum(cols["n_words"]),
                "indexed_at": now,
            }
        )
        frame = pd.DataFrame(cols)
        frame.insert(0, "date", date)
        frame.insert(0, "transcript_id", tid)
        turn_frames.append(frame)
        phrase, n, count = result["phrases"]
        phrase_frames.append(pd.DataFrame({"transcript_id": tid, "phrase": phrase, "n": n, "count": count}))
        report.indexed.append(result["rel"])
    con.execute("BEGIN TRANSACTION")
    try:
        if transcripts:
            new_transcripts = pd.DataFrame(transcripts, columns=list(TRANSCRIPT_COLUMNS))
            new_transcripts["date"] = pd.to_datetime(new_transcripts["date"]).dt.date
            new_turns = pd.concat(turn_frames, ignore_index=True)[list(ARCHIVE_TURN_COLUMNS)]
            new_turns["date"] = pd.to_datetime(new_turns["date"]).dt.date
            new_phrases = pd.concat(phrase_frames, ignore_index=True)
            for table, frame in (
                ("transcripts", new_transcripts),
                ("turns", new_turns),
                ("phrase_counts", new_phrases),
            ):
                con.register("podium_batch", frame)
                con.execute(f"INSERT INTO {table} SELECT * FROM podium_batch")
                con.unregister("podium_batch")
            con.execute("DELETE FROM failures WHERE list_contains(?::VARCHAR[], path)", [list(new_transcripts["path"])])
        for rel, digest, error in failures:
            con.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", [rel, digest, error])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


# ---------------------------------------------------------------------------
# Queries


def phrase_search(con, phrase: str, *, limit: int = 200, window: int = 60) -> tuple[int, pd.DataFrame]:
    """Every occurrence of ``phrase`` in the archive, newest first.

    One scan of the ``turns`` table finds the turns that hold the phrase and counts it in each; only
    the turns needed for the first ``limit`` occurrences are then read in full for their context.

    Returns:
        ``(total, hits)``: the number of occurrences in the whole archive, and up to ``limit`` of
        them with the columns of :data:`HIT_COLUMNS` (date as datetime64, NaT when unknown; newest
        first, then by file and turn; ``left``/``keyword``/``right`` as :func:`podium.kwic.kwic`
        gives them).
    """
    from .kwic import kwic

    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in HIT_COLUMNS.items()})
    if not phrase_pattern(phrase):
        return 0, empty
    matched = con.execute(
        "SELECT rowid AS rid, transcript_id, date, turn_id, "
        "(length(tokens) - length(replace(tokens, $p, ''))) // length($p) AS hits "
        f"FROM turns WHERE {_match_sql()}",
        _params(phrase),
    ).df()
    total = int(matched["hits"].sum())
    if not total:
        return 0, empty
    files = con.execute(
        "SELECT transcript_id, any_value(title) AS title, min(path) AS path FROM transcripts GROUP BY transcript_id"
    ).df()
    matched = matched.merge(files, on="transcript_id", how="left").sort_values(
        ["date", "path", "turn_id"], ascending=[False, True, True], na_position="last", kind="stable"
    )
    needed = matched[matched["hits"].cumsum().shift(fill_value=0) < limit]
    texts = con.execute(
        "SELECT rowid AS rid, speaker, text FROM turns WHERE rowid = ANY($r::BIGINT[])",
        {"r": needed["rid"].tolist()},
    ).df()
    needed = needed.merge(texts, on="rid").reset_index(drop=True)
    found = kwic(
        pd.DataFrame(
            {
                "turn_id": range(len(needed)),
                "speaker": needed["speaker"],
                "text": needed["text"],
                "start_s": 0.0,
                "end_s": 0.0,
            }
        ),
        phrase,
        window=window,
    ).head(limit)
    meta = needed.iloc[found["turn_id"].to_numpy()].reset_index(drop=True)
    hits = pd.DataFrame(
        {
            "date": pd.to_datetime(meta["date"]),
            "title": meta["title"],
            "transcript_id": meta["transcript_id"],
            "path": meta["path"],
            "turn_id": meta["turn_id"],
            "speaker": found["speaker"].to_numpy(),
            "left": found["left"].to_numpy(),
            "keyword": found["keyword"].to_numpy(),
            "right": found["right"].to_numpy(),
        }
    )
    return total, hits.astype(HIT_COLUMNS)


def phrase_trend(con, phrase: str, *, top_speakers: int = 5) -> pd.DataFrame:
    """A phrase's frequency per month, overall and for the speakers who say it most.

    Returns:
        One row per (month, speaker) with columns ``month`` (datetime64, first of the month),
        ``speaker`` (str; ``"all speakers"`` for the whole archive, else one of the ``top_speakers``
        speakers with the most occurrences), ``count`` (int64, occurrences), ``n_words`` (int64,
        words that month by that speaker or everyone) and ``per_1000_words`` (float64). Months
        with words but no occurrence are included (rate 0); undated transcripts are left out.
    """
    pattern = phrase_pattern(phrase)
    columns = ["month", "speaker", "count", "n_words", "per_1000_words"]
    if not pattern:
        return pd.DataFrame(columns=columns)
    monthly = con.execute(
        """
        WITH counted AS (
            SELECT date_trunc('month', date) AS month, speaker, n_words,
                   CASE WHEN {match}
                        THEN (length(tokens) - length(replace(tokens, $p, ''))) // length($p) ELSE 0 END AS hits
            FROM turns WHERE date IS NOT NULL
        ),
        top AS (
            SELECT speaker FROM counted GROUP BY speaker HAVING sum(hits) > 0
            ORDER BY sum(hits) DESC, speaker LIMIT $k
        )
        SELECT month, 'all speakers' AS speaker, sum(hits) AS count, sum(n_words) AS n_words
        FROM counted GROUP BY month
        UNION ALL
        SELECT month, speaker, sum(hits), sum(n_words) FROM counted WHERE speaker IN (SELECT speaker FROM top)
        GROUP BY month, speaker
        ORDER BY 2, 1
        """.replace("{match}", _match_sql()),
        {**_params(phrase), "k": int(top_speakers)},
    ).df()
    monthly["per_1000_words"] = (monthly["count"] / monthly["n_words"].where(monthly["n_words"] > 0) * 1000).fillna(0.0)
    monthly["month"] = pd.to_datetime(monthly["month"])
    monthly = (  # everyone first, then each speaker, month by month
        monthly.assign(_later=monthly["speaker"].ne("all speakers"))
        .sort_values(["_later", "speaker", "month"])
        .drop(columns="_later")
    )
    return monthly.astype({"count": "int64", "n_words": "int64"})[columns].reset_index(drop=True)


def talk_share_trend(con, *, speakers: list[str] | None = None, top: int = 6) -> pd.DataFrame:
    """Each speaker's share of the archive's talk time per month.

    Parameters:
        speakers: the speakers to show; default the ``top`` speakers with the most talk time.

    Returns:
        One row per (month, speaker) with ``month`` (datetime64), ``speaker`` (str), ``talk_time_s``
        (float64, seconds), ``month_talk_time_s`` (float64, everyone's seconds that month) and
        ``talk_share`` (float64, 0..1). Months in which the speaker did not speak have share 0.
    """
    if not speakers:
        speakers = [
            s
            for (s,) in con.execute(
                "SELECT speaker FROM turns WHERE date IS NOT NULL GROUP BY speaker ORDER BY sum(speech_s) DESC LIMIT ?",
                [int(top)],
            ).fetchall()
        ]
    frame = con.execute(
        """
        WITH months AS (
            SELECT date_trunc('month', date) AS month, sum(speech_s) AS month_talk_time_s
            FROM turns WHERE date IS NOT NULL GROUP BY 1
        ),
        chosen AS (SELECT unnest($s::VARCHAR[]) AS speaker),
        spoken AS (
            SELECT date_trunc('month', date) AS month, speaker, sum(speech_s) AS talk_time_s
            FROM turns WHERE date IS NOT NULL AND speaker IN (SELECT speaker FROM chosen) GROUP BY 1, 2
        )
        SELECT m.month, c.speaker, coalesce(s.talk_time_s, 0) AS talk_time_s, m.month_talk_time_s
        FROM months m CROSS JOIN chosen c LEFT JOIN spoken s ON s.month = m.month AND s.speaker = c.speaker
        ORDER BY c.speaker, m.month
        """,
        {"s": list(speakers)},
    ).df()
    frame["talk_share"] = (
        frame["talk_time_s"] / frame["month_talk_time_s"].where(frame["month_talk_time_s"] > 0)
    ).fillna(0.0)
    frame["month"] = pd.to_datetime(frame["month"])
    return frame[["month", "speaker", "talk_time_s", "month_talk_time_s", "talk_share"]]


def top_phrases(con, *, n: int = 2, limit: int = 30) -> pd.DataFrame:
    """The archive's most frequent ``n``-word phrases (n = 1 or 2; the Phrases page's stopword rule),
    summed over the transcripts in which each is said at least twice.

    Returns ``phrase`` (str), ``count`` (int64, occurrences) and ``n_transcripts`` (int64).
    """
    return con.execute(
        "SELECT phrase, sum(count)::BIGINT AS count, count(DISTINCT transcript_id)::BIGINT AS n_transcripts "
        "FROM phrase_counts WHERE n = ? GROUP BY phrase ORDER BY count DESC, phrase LIMIT ?",
        [int(n), int(limit)],
    ).df()


def summary(con) -> dict:
    """``{"n_transcripts", "n_words", "n_turns", "n_speakers", "first", "last", "n_undated", "n_failed"}``."""
    row = con.execute(
        "SELECT count(*), coalesce(sum(n_words), 0), coalesce(sum(n_turns), 0), min(date), max(date), "
        "count(*) FILTER (WHERE date IS NULL) FROM transcripts"
    ).fetchone()
    n_speakers = con.execute("SELECT count(DISTINCT speaker) FROM turns").fetchone()[0]
    n_failed = con.execute("SELECT count(*) FROM failures").fetchone()[0]
    keys = ["n_transcripts", "n_words", "n_turns", "first", "last", "n_undated"]
    return {**dict(zip(keys, row, strict=True)), "n_speakers": n_speakers, "n_failed": n_failed}
