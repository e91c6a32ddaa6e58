"""The transcript library: bundled transcripts plus uploads kept on disk by content hash.

Two kinds of entry:

- **bundled**: the files listed in ``data/library.json`` (read-only, shipped with Podium);
- **stored**: files a user uploaded or pasted, kept in a local library folder as
  ``<sha256>.<ext>`` with a ``<sha256>.json`` sidecar (original name, when it was added,
  metadata read from the file). The folder is ``$PODIUM_LIBRARY`` or ``library/`` beside the
  app. Because the name is the content hash, storing the same bytes twice keeps one copy, and a
  reload, a shared link on the same server or the next start finds the file again.

Every entry has a short **identifier** (``trump-modi-2025-02-13``, or the first 16 hex digits
of a stored file's SHA-256) that links carry as ``?t=...``. An identifier is only ever looked up
in the list of entries, never joined to a path, so a crafted link (``../../etc/passwd``) cannot
name a file outside the library.

Metadata (title, date, event, source address) is read from the file where present (YAML front
matter ``title:``/``date:``/``source_url:``, a date in the headline or file name) and can be
edited; edits are kept in ``edits.json`` in the library folder, also for bundled entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from datetime import date as _date
from pathlib import Path

from .model import Transcript

__all__ = [
    "EVENTS",
    "LIBRARY_ENV",
    "Entry",
    "Library",
    "default_library_dir",
    "describe",
    "guess_date",
    "guess_event",
    "is_safe_id",
]

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
#: Environment variable naming the folder where uploads are stored.
LIBRARY_ENV = "PODIUM_LIBRARY"
#: Kinds of event a transcript can record.
EVENTS = ("briefing", "debate", "interview", "hearing", "speech", "podcast", "meeting", "other")
#: Metadata fields a user may edit.
EDITABLE = ("title", "date", "event", "source")

_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_EXT_RE = re.compile(r"\.([A-Za-z0-9]{1,8})$")
_HASH_FILE_RE = re.compile(r"([0-9a-f]{64})\.json")


def default_library_dir() -> Path:
    """The folder uploads are stored in: ``$PODIUM_LIBRARY`` if set, else ``library/`` beside the app."""
    return Path(os.environ.get(LIBRARY_ENV) or ROOT / "library")


def is_safe_id(text: str) -> bool:
    """Whether ``text`` has the shape of an identifier: 1 to 64 of ``a-z 0-9 _ -``, starting alphanumeric.

    The shape check only rejects junk early; safety comes from looking identifiers up in the
    list of entries (:meth:`Library.get`), never building a path from them.
    """
    return isinstance(text, str) and bool(_ID_RE.fullmatch(text))


@dataclass(frozen=True)
class Entry:
    """One transcript in the library.

    Attributes:
        id: the identifier links carry (see the module docstring).
        name: the file's original name (used to detect the format and name downloads).
        path: where the bytes are.
        title: headline; the file name when the file has none.
        date: ``YYYY-MM-DD``, or ``""`` when unknown.
        event: one of :data:`EVENTS`, or ``""``.
        source: the address the transcript came from, or ``""``.
        bundled: shipped in ``data/`` (read-only) rather than stored from an upload.
        added: when a stored file was first added (seconds since the epoch); 0 for bundled ones.
    """

    id: str
    name: str
    path: Path
    title: str
    date: str = ""
    event: str = ""
    source: str = ""
    bundled: bool = False
    added: float = 0.0

    @property
    def label(self) -> str:
        """``"Title · 2022-01-26"`` (or ``"Title · undated"``), as the sidebar lists it."""
        return f"{self.title} · {self.date or 'undated'}"


# ---------------------------------------------------------------------------
# Metadata read from a file

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_ISO_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_/.](0[1-9]|1[0-2])[-_/.](0[1-9]|[12]\d|3[01])(?!\d)")
_MDY_RE = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? ((?:19|20)\d\d)\b")
_DMY_RE = re.compile(r"\b(\d{1,2}) ([A-Z][a-z]{2,8}),? ((?:19|20)\d\d)\b")
_FRONT_RE = re.compile(r"^(title|date|source_url|url|source|media|link)\s*:\s*(.+?)\s*$", re.M | re.I)
_URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")


def _valid(y: int, m: int, d: int) -> str:
    try:
        return _date(y, m, d).isoformat()
    except ValueError:
        return ""


def guess_date(*texts: str) -> str:
    """The first date found in ``texts``, as ``YYYY-MM-DD``; ``""`` when there is none.

    Reads ISO dates (``2022-02-08``, also with ``_`` or ``/``), ``February 8, 2022`` and
    ``8 February 2022``. Texts are tried in order, so pass the most reliable first.
    """
    for text in texts:
        if not text:
            continue
        found = []
        for m in _ISO_RE.finditer(text):
            found.append((m.start(), _valid(int(m[1]), int(m[2]), int(m[3]))))
        for m in _MDY_RE.finditer(text):
            month = _MONTHS.get(m[1].lower())
            if month:
                found.append((m.start(), _valid(int(m[3]), month, int(m[2]))))
        for m in _DMY_RE.finditer(text):
            month = _MONTHS.get(m[2].lower())
            if month:
                found.append((m.start(), _valid(int(m[3]), month, int(m[1]))))
        for _, value in sorted(found):
            if value:
                return value
    return ""


_EVENT_WORDS = [
    ("debate", ("debate",)),
    ("briefing", ("briefing", "press conference", "gaggle", "press call", "presser", "remarks")),
    ("interview", ("interview", "in conversation", "q&a with")),
    ("hearing", ("hearing", "testimony", "committee", "oral argument", "session")),
    ("podcast", ("podcast", "episode")),
    ("meeting", ("meeting", "roundtable")),
    ("speech", ("speech", "address", "lecture", "talk")),
]


def guess_event(*texts: str) -> str:
    """The kind of event (one of :data:`EVENTS`) named in ``texts`` (title, file name); ``""`` if none."""
    haystack = " ".join(t.lower().replace("_", " ") for t in texts if t)
    for event, keys in _EVENT_WORDS:
        if any(re.search(rf"\b{re.escape(k)}", haystack) for k in keys):
            return event
    return ""


def describe(transcript: Transcript, name: str) -> dict[str, str]:
    """Metadata read from a parsed transcript: ``{"title", "date", "event", "source"}`` (str each).

    The title is the transcript's headline (front matter ``title:``, else the first line of the
    page), the date the first one in the front matter, headline, summary or file name, the
    source the front matter's ``source_url``/``url``/``source``/``media`` or else the first web
    address in the non-speech text. Missing values are ``""``.
    """
    front = {k.lower(): v.strip().strip("'\"") for k, v in _FRONT_RE.findall(transcript.metadata)}
    title = re.sub(r"\s+", " ", transcript.title).strip() or Path(name).stem
    source = next((front[k] for k in ("source_url", "url", "source", "media", "link") if k in front), "")
    if not _URL_RE.fullmatch(source):
        source = next(iter(_URL_RE.findall(transcript.metadata)), "")
    return {
        "title": title,
        "date": guess_date(front.get("date", ""), title, transcript.summary, name, transcript.metadata),
        "event": guess_event(title, name),
        "source": source,
    }


# ---------------------------------------------------------------------------
# The library


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Library:
    """Bundled transcripts plus the uploads stored in ``folder``.

    Parameters:
        folder: where uploads and metadata edits are stored (created on first write);
            default :func:`default_library_dir`.
        bundled_dir: the folder holding ``library.json`` and the bundled files; default ``data/``.
    """

    def __init__(self, folder: str | Path | None = None, bundled_dir: str | Path = DATA_DIR):
        self.folder = Path(folder) if folder is not None else default_library_dir()
        self.bundled_dir = Path(bundled_dir)

    # -- reading ----------------------------------------------------------

    def _catalog(self) -> dict:
        path = self.bundled_dir / "library.json"
        if not path.exists():
            return {"default": "", "entries": []}
        return json.loads(path.read_text(encoding="utf-8"))

    @property
    def default_id(self) -> str:
        """The identifier of the transcript Podium opens on."""
        return self._catalog().get("default", "")

    def _edits(self) -> dict[str, dict[str, str]]:
        path = self.folder / "edits.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _bundled(self) -> list[Entry]:
        entries = []
        for item in self._catalog().get("entries", []):
            path = self.bundled_dir / item["file"]
            entries.append(
                Entry(
                    id=item["id"],
                    name=path.name,
                    path=path,
                    title=item.get("title", ""),
                    date=item.get("date", ""),
                    event=item.get("event", ""),
                    source=item.get("source", ""),
                    bundled=True,
                )
            )
        return entries

    def _stored(self) -> list[Entry]:
        entries = []
        if not self.folder.is_dir():
            return entries
        for sidecar in self.folder.iterdir():
            match = _HASH_FILE_RE.fullmatch(sidecar.name)
            if not match:
                continue
            try:
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
                path = self.folder / meta["file"]
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if path.parent != self.folder or not path.name.startswith(match[1]) or not path.is_file():
                continue
            entries.append(
                Entry(
                    id=match[1][:16],
                    name=str(meta.get("name") or path.name),
                    path=path,
                    title=str(meta.get("title", "")),
                    date=str(meta.get("date", "")),
                    event=str(meta.get("event", "")),
                    source=str(meta.get("source", "")),
                    added=float(meta.get("added", 0.0)),
                )
            )
        return sorted(entries, key=lambda e: e.added, reverse=True)

    def entries(self) -> list[Entry]:
        """Every entry with the user's metadata edits applied: bundled ones in catalogue order
        (their metadata is in ``data/library.json``), then stored ones, newest first."""
        edits = self._edits()
        out = []
        for entry in self._bundled() + self._stored():
            changes = {k: str(v) for k, v in edits.get(entry.id, {}).items() if k in EDITABLE}
            out.append(replace(entry, **changes) if changes else entry)
        return out

    def get(self, entry_id: str) -> Entry | None:
        """The entry with identifier ``entry_id``, or ``None``. Never touches a path built from the input."""
        if not is_safe_id(entry_id):
            return None
        return next((e for e in self.entries() if e.id == entry_id), None)

    def read(self, entry_id: str) -> tuple[str, bytes]:
        """``(file name, bytes)`` of an entry. Raises KeyError for an unknown identifier, OSError if unreadable."""
        entry = self.get(entry_id)
        if entry is None:
            raise KeyError(entry_id)
        return entry.name, entry.path.read_bytes()

    # -- writing ----------------------------------------------------------

    def add(self, data: bytes, name: str, metadata: dict[str, str] | None = None) -> Entry:
        """Store an uploaded or pasted file; return its entry (the existing one if the bytes are known).

        The file is written as ``<sha256>.<ext>`` (extension from ``name``, letters and digits
        only) with a ``<sha256>.json`` sidecar holding ``name``, ``added`` and ``metadata``
        (see :func:`describe`). Writes are atomic (temporary file, then rename).

        Raises:
            OSError: if the folder cannot be written.
        """
        digest = hashlib.sha256(data).hexdigest()
        known = self.get(digest[:16])
        if known is not None:
            return known
        match = _EXT_RE.search(name)
        ext = match[1].lower() if match else "txt"
        path = self.folder / f"{digest}.{ext}"
        if not path.exists():
            _write_atomic(path, data)
        meta = {k: str(v) for k, v in (metadata or {}).items() if k in EDITABLE}
        sidecar = {"file": path.name, "name": Path(name).name or path.name, "added": time.time(), **meta}
        _write_atomic(self.folder / f"{digest}.json", json.dumps(sidecar, indent=1).encode("utf-8"))
        entry = self.get(digest[:16])
        assert entry is not None
        return entry

    def edit(self, entry_id: str, **fields: str) -> Entry:
        """Change an entry's metadata (any of ``title``, ``date``, ``event``, ``source``); return the entry.

        Edits are kept in ``edits.json`` in the library folder, so bundled files stay untouched.
        A ``date`` must be ``YYYY-MM-DD`` or empty.

        Raises:
            KeyError: unknown identifier. ValueError: an unknown field or a malformed date.
            OSError: the folder cannot be written.
        """
        if self.get(entry_id) is None:
            raise KeyError(entry_id)
        bad = set(fields) - set(EDITABLE)
        if bad:
            raise ValueError(f"cannot edit {sorted(bad)}; editable fields are {', '.join(EDITABLE)}")
        clean = {k: re.sub(r"\s+", " ", str(v)).strip() for k, v in fields.items()}
        if clean.get("date") and guess_date(clean["date"]) != clean["date"]:
            raise ValueError(f"“{clean['date']}” is not a date written YYYY-MM-DD.")
        edits = self._edits()
        edits[entry_id] = {**edits.get(entry_id, {}), **clean}
        _write_atomic(self.folder / "edits.json", json.dumps(edits, indent=1, sort_keys=True).encode("utf-8"))
        return self.get(entry_id)  # type: ignore[return-value]


def entry_dict(entry: Entry) -> dict:
    """An entry as a plain dict (``path`` as str), e.g. for a table."""
    return {**asdict(entry), "path": str(entry.path)}
