"""TTML and DFXP captions (W3C Timed Text Markup Language; broadcasters, Netflix, YouTube downloads).

Each ``<p begin=... end=...>`` (or ``dur=``) is a cue; ``<br/>`` breaks its lines. Times follow
TTML 2 §10.3.1: clock times ``HH:MM:SS.fff``, clock times with frames ``HH:MM:SS:FF`` (at
``ttp:frameRate`` times ``ttp:frameRateMultiplier``, 30 fps by default), and offsets ``8.5s``,
``9200ms``, ``2m``, ``1h``, ``50f`` (frames) and ``12345t`` (ticks at ``ttp:tickRate``, which
defaults to the frame rate times ``ttp:subFrameRate`` when a frame rate is given, else 1).
Times are relative to the ``begin`` of the enclosing ``<body>``/``<div>`` (parallel time
containers, the default). A ``<p>`` without times whose ``<span>``s carry them gives one cue
per timed span.

Speakers come from ``ttm:agent`` (on the ``<p>`` or a ``<span>``, named by the agent's
``<ttm:name>`` in the head when there is one) or from a label in the text, including one
inside a styled ``<span tts:color=...>MAYOR:</span>``. Namespaces are matched by local name,
so the 2006 DFXP namespaces read the same as TTML 1 and 2.

Parsed with the standard library's ElementTree: it resolves no external entities, and the
bundled expat (2.4 or later) refuses entity-expansion bombs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .base import ReadResult
from .rttm import SpeakerTimeline
from .subtitles import Cue, read_cues

__all__ = ["looks_like_ttml", "parse_ttml_time", "read_ttml"]

_OFFSET_RE = re.compile(r"^(?P<n>\d+(?:\.\d+)?)(?P<unit>h|ms|m|s|f|t)$")
_CLOCK_RE = re.compile(r"^(?P<h>\d+):(?P<m>\d{2}):(?P<s>\d{2}(?:\.\d+)?)(?::(?P<f>\d+(?:\.\d+)?))?$")


def looks_like_ttml(text: str) -> bool:
    """True when ``text`` is an XML document whose root is a ``<tt>`` element in the TTML
    (``http://www.w3.org/ns/ttml``) or DFXP (``.../ttaf1``) namespace."""
    head = text.lstrip()[:3000]
    return bool(re.search(r"<(?:\w+:)?tt[\s>]", head)) and ("/ns/ttml" in head or "/ttaf1" in head)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _attr(element: ET.Element, local: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == local:
            return value
    return None


class _Rates:
    """Frame and tick rates of a document (TTML 2 §7.2)."""

    def __init__(self, root: ET.Element) -> None:
        frame_rate = _attr(root, "frameRate")
        multiplier = (_attr(root, "frameRateMultiplier") or "1 1").split()
        sub_frame_rate = float(_attr(root, "subFrameRate") or 1)
        try:
            factor = float(multiplier[0]) / float(multiplier[1])
        except (IndexError, ValueError, ZeroDivisionError):
            factor = 1.0
        self.frames = float(frame_rate or 30) * factor
        tick_rate = _attr(root, "tickRate")
        if tick_rate:
            self.ticks = float(tick_rate)
        else:
            self.ticks = float(frame_rate) * sub_frame_rate if frame_rate else 1.0


def parse_ttml_time(value: str, rates: _Rates | None = None) -> float:
    """Seconds of a TTML time expression (``00:00:01.500``, ``00:00:01:12``, ``8.5s``, ``9200ms``, ``5t``).

    Raises:
        ValueError: if ``value`` is not a time expression.

    >>> parse_ttml_time("9200ms")
    9.2
    """
    rates = rates or _Rates(ET.Element("tt"))
    value = value.strip()
    m = _OFFSET_RE.match(value)
    if m:
        n, unit = float(m["n"]), m["unit"]
        if unit == "ms":
            return n / 1000
        factor = {"h": 3600.0, "m": 60.0, "s": 1.0}.get(unit)
        if factor is not None:
            return n * factor
        return n / (rates.frames if unit == "f" else rates.ticks)
    m = _CLOCK_RE.match(value)
    if m:
        seconds = int(m["h"]) * 3600 + int(m["m"]) * 60 + float(m["s"])
        if m["f"]:
            seconds += float(m["f"]) / rates.frames
        return seconds
    raise ValueError(f"not a TTML time expression: {value!r}")


def _agents(root: ET.Element) -> dict[str, str]:
    """``xml:id`` of each ``ttm:agent`` -> its ``ttm:name`` (or the id when it has none)."""
    names = {}
    for element in root.iter():
        if _local(element.tag) == "agent":
            agent_id = _attr(element, "id")
            if not agent_id:
                continue
            name = next((n.text for n in element if _local(n.tag) == "name" and (n.text or "").strip()), None)
            names[agent_id] = (name or agent_id).strip()
    return names


def _runs(element: ET.Element, agent: str | None, agents: dict[str, str]) -> list[tuple[str | None, str]]:
    """Text of ``element`` as ``(agent, text)`` runs, ``<br/>`` as a newline."""
    runs: list[tuple[str | None, str]] = []

    def add(who: str | None, text: str | None, *, raw: bool = False) -> None:
        if not text:
            return
        if not raw:
            text = re.sub(r"\s+", " ", text)  # XML whitespace is a space; only <br/> breaks a line
        if runs and runs[-1][0] == who:
            runs[-1] = (who, runs[-1][1] + text)
        else:
            runs.append((who, text))

    def walk_tail(node: ET.Element, who: str | None) -> None:
        ref = _attr(node, "agent")
        if ref:
            who = " ".join(agents.get(r, r) for r in ref.split())
        if _local(node.tag) == "br":
            add(who, "\n", raw=True)
        else:
            add(who, node.text)
        for child in node:
            walk_tail(child, who)
            add(who, child.tail)

    walk_tail(element, agent)
    return runs


def read_ttml(text: str, *, timeline: SpeakerTimeline | None = None) -> ReadResult:
    """Read TTML/DFXP captions into speaker blocks with the cues' times.

    Raises:
        ValueError: if the text is not well-formed XML, or has no timed ``<p>``.
    """
    try:
        root = ET.fromstring(text.lstrip().encode("utf-8"))
    except ET.ParseError as exc:
        raise ValueError(f"The file looks like TTML but is not well-formed XML ({exc}).") from exc
    rates = _Rates(root)
    agents = _agents(root)
    cues: list[Cue] = []
    bad: list[str] = []

    def time(node: ET.Element, name: str) -> float | None:
        value = _attr(node, name)
        if value is None:
            return None
        try:
            return parse_ttml_time(value, rates)
        except ValueError:
            bad.append(value)
            return None

    def add_cue(node: ET.Element, offset: float, agent: str | None) -> bool:
        begin = time(node, "begin")
        if begin is None:
            return False
        start = offset + begin
        end = time(node, "end")
        dur = time(node, "dur")
        stop = offset + end if end is not None else start + dur if dur is not None else start
        for who, chunk in _runs(node, agent, agents):
            lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
            if lines:
                cues.append(Cue(start, max(start, stop), lines, voice=who))
        return True

    def visit(node: ET.Element, offset: float, agent: str | None) -> None:
        tag = _local(node.tag)
        ref = _attr(node, "agent")
        if ref:
            agent = " ".join(agents.get(r, r) for r in ref.split())
        if tag in ("head", "metadata", "styling", "layout"):
            return
        if tag == "p":
            if add_cue(node, offset, agent):
                return
            for span in node.iter():
                if span is not node and _local(span.tag) == "span" and _attr(span, "begin") is not None:
                    add_cue(span, offset, agent)
            return
        begin = time(node, "begin")
        for child in node:
            visit(child, offset + (begin or 0.0), agent)

    visit(root, 0.0, None)
    if not cues:
        raise ValueError("The TTML file has no timed captions (<p begin=... end=...>).")
    cues.sort(key=lambda c: c.start)
    result = read_cues(cues, source_format="ttml", rolling=False, timeline=timeline)
    if bad:
        result.notices.append(
            f"{len(bad)} time value(s) could not be read (such as {bad[0]!r}); those captions were skipped."
        )
    return result
