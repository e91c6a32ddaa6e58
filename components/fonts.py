"""A font for the word cloud that covers the transcript's characters, so no phrase is drawn as
empty boxes ("tofu").

Candidates, in order: wordcloud's own Droid Sans Mono (Latin), DejaVu Sans shipped with
matplotlib (Latin, Greek, Cyrillic, Arabic, Hebrew), and Chinese/Japanese/Korean fonts from
Debian packages when installed: Droid Sans Fallback (``fonts-droid-fallback``, which the README's
test command and CI install) and Noto Sans CJK (``fonts-noto-cjk``). Coverage is read from each
font's character map with fontTools. Arabic and Hebrew are shaped and ordered right to left by
Pillow's raqm layout when libraqm is present; the strings themselves are never changed.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

__all__ = ["CANDIDATE_FONTS", "cloud_font"]


def _candidates() -> list[Path]:
    import matplotlib
    import wordcloud

    return [
        Path(wordcloud.__file__).parent / "DroidSansMono.ttf",
        Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf",
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        Path("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"),
    ]


#: Font files tried for the word cloud, in order of preference (existing ones only are used).
CANDIDATE_FONTS = _candidates


@functools.lru_cache(maxsize=8)
def _charset(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=0, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def cloud_font(phrases: list[str]) -> tuple[str, list[str]]:
    """Choose the font for a word cloud of ``phrases``.

    Returns:
        ``(font path, phrases it cannot draw)``: the first candidate that covers every
        character, or else the one that covers the most phrases, with the phrases it lacks
        glyphs for (leave those out of the cloud rather than draw boxes).
    """
    needed = {ord(c) for p in phrases for c in p if not c.isspace()}
    best: tuple[int, str, list[str]] | None = None
    for path in CANDIDATE_FONTS():
        if not path.is_file() or not os.access(path, os.R_OK):
            continue
        charset = _charset(str(path))
        if needed <= charset:
            return str(path), []
        missing = [p for p in phrases if any(ord(c) not in charset for c in p if not c.isspace())]
        if best is None or len(missing) < len(best[2]):
            best = (len(missing), str(path), missing)
    if best is None:
        raise FileNotFoundError("no font for the word cloud was found")
    return best[1], best[2]
