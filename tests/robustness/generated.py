"""Large bad or odd inputs of the robustness catalogue, built on demand instead of committed.

Each builder returns ``(file name, bytes)``. ``scale`` shrinks an input for the test suite
(``scale=1`` is the full size named in ``catalogue.tsv``; ``bench/robustness.py`` runs full size).
"""

from __future__ import annotations

from collections.abc import Callable

SENTENCE = "The budget is late because the committee has not met since March. "


def big_text(scale: float = 1.0) -> tuple[str, bytes]:
    """About 50 MB of labelled briefing text: two speakers alternating, 60 words a turn."""
    turn_a = "MODERATOR: " + SENTENCE * 5 + "\n\n"
    turn_b = "SENATOR HALE: " + SENTENCE * 5 + "\n\n"
    pair = (turn_a + turn_b).encode()
    n = max(1, int(50_000_000 * scale) // len(pair))
    return "big_text_50mb.txt", pair * n


def single_long_line(scale: float = 1.0) -> tuple[str, bytes]:
    """One 5 MB line of speech after one label, with no line break at all."""
    body = SENTENCE.encode() * max(1, int(5_000_000 * scale) // len(SENTENCE))
    return "single_line_5mb.txt", b"MODERATOR: " + body


def ten_thousand_speakers(scale: float = 1.0) -> tuple[str, bytes]:
    """10,000 distinct speakers, each with two turns."""
    n = max(2, int(10_000 * scale))
    lines = [f"SPEAKER {i:05d}: Thank you, I have a question about item {i}." for i in range(n)]
    return "ten_thousand_speakers.txt", ("\n\n".join(lines + lines) + "\n").encode()


def srt_200k_cues(scale: float = 1.0) -> tuple[str, bytes]:
    """An SRT with 200,000 one-second cues (55 hours), speakers changing every 5 cues by ``Name:`` prefix."""
    n = max(2, int(200_000 * scale))
    out = []
    for i in range(n):
        start, end = i, i + 1
        stamp = f"{start // 3600:02d}:{start // 60 % 60:02d}:{start % 60:02d},000 --> "
        stamp += f"{end // 3600:02d}:{end // 60 % 60:02d}:{end % 60:02d},000"
        speaker = "AVA" if (i // 5) % 2 == 0 else "BEN"
        out.append(f"{i + 1}\n{stamp}\n{speaker}: We said this in cue {i}.\n")
    return "srt_200k_cues.srt", "\n".join(out).encode()


#: Builders by catalogue name.
GENERATED: dict[str, Callable[[float], tuple[str, bytes]]] = {
    "big_text_50mb.txt": big_text,
    "single_line_5mb.txt": single_long_line,
    "ten_thousand_speakers.txt": ten_thousand_speakers,
    "srt_200k_cues.srt": srt_200k_cues,
}
