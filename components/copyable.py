"""Text a reporter copies into a story (a story fact, an attributed quote), in a box with a copy button.

``st.code`` draws such a box, but its first use on a page makes the browser fetch and compile
Streamlit's syntax highlighter (1.5 MB of JavaScript, about 0.4 s of browser CPU on every visit in
``bench/page_render.py --elements``) to show plain sentences. :func:`copy_box` draws the same box
and button as a small self-contained document in an iframe (the element the sidebar's phone closer
already uses): the text wraps, is selectable, and the button copies it exactly.
"""

from __future__ import annotations

import html
import re

import streamlit as st

#: Marks a copy box's document, so tests and the page styles can find it among other iframes.
MARKER = "podium-copy-box"

_DOC = """<!doctype html><html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; padding: 0; background: transparent; }}
.{marker} {{ position: relative; background: #f0f2f6; border-radius: .5rem; padding: .85rem 2.9rem .85rem 1rem;
  font: 14px/1.55 "Source Code Pro", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #31333f;
  white-space: pre-wrap; overflow-wrap: anywhere; }}
button {{ position: absolute; top: .45rem; right: .45rem; width: 2rem; height: 2rem; border: 0; border-radius: .4rem;
  background: transparent; color: #6b7280; cursor: pointer; padding: 0; display: flex; align-items: center;
  justify-content: center; }}
button:hover, button:focus-visible {{ background: #e2e5ec; color: #31333f; }}
</style></head><body>
<div class="{marker}"><span class="text">{text}</span><button type="button" title="Copy to clipboard"
 aria-label="Copy to clipboard"><svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor"
 stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="9" y="9" width="13"
 height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/></svg></button></div>
<script>
// The frame is exactly as tall as the box, also when a narrower screen rewraps the text: a frame's
// document cannot measure itself shorter than the frame, so Streamlit's own sizing only grows it.
const box = document.querySelector(".{marker}");
function fit() {{
  if (window.frameElement) window.frameElement.style.height = Math.ceil(box.getBoundingClientRect().height) + "px"; }}
new ResizeObserver(fit).observe(box);
fit();
const button = document.querySelector("button");
const text = document.querySelector(".text").textContent;
function copied() {{ button.title = "Copied"; button.style.color = "#15803d";
  setTimeout(() => {{ button.title = "Copy to clipboard"; button.style.color = ""; }}, 1500); }}
function fallback() {{
  const area = document.createElement("textarea"); area.value = text; document.body.appendChild(area);
  area.select(); document.execCommand("copy"); area.remove(); copied(); }}
button.addEventListener("click", () => {{
  if (navigator.clipboard) navigator.clipboard.writeText(text).then(copied, fallback); else fallback(); }});
</script></body></html>"""


def copy_box_html(text: str) -> str:
    """The self-contained document of a copy box for ``text`` (escaped: transcript text never
    becomes markup)."""
    return _DOC.format(marker=MARKER, text=html.escape(text))


def copy_box(text: str) -> None:
    """Draw ``text`` in a box with a button that copies it, as tall as the text needs."""
    st.iframe(copy_box_html(text), height="content")


_TEXT_RE = re.compile(r'<span class="text">(.*?)</span>', re.S)


def copied_text(document: str) -> str | None:
    """The text a copy box document holds (for tests and checks), or ``None`` if ``document`` is not one."""
    if MARKER not in document:
        return None
    found = _TEXT_RE.search(document)
    return html.unescape(found.group(1)) if found else None
