"""Cut an article's full text into paragraphs and highlighted passages. Pure: no ORM, no HTML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol


class Passage(Protocol):
    anchor: str
    original: str


@dataclass(frozen=True)
class Segment:
    text: str
    anchors: tuple[str, ...] = ()  # the passages that start here (ids on the page)
    quoted: bool = False  # inside at least one quoted passage


def locate(text: str, quote: Passage) -> int:
    """Where the passage starts in the text, or -1 when the text does not contain it."""
    return text.find(quote.original.strip()) if quote.original.strip() else -1


def passages(text: str, quotes: Sequence[Passage]) -> list[list[Segment]]:
    """Paragraphs (one per non-empty line) of segments; passages not found in the text are skipped."""
    spans = []
    for quote in quotes:
        start = locate(text, quote)
        if start >= 0:
            spans.append((start, start + len(quote.original.strip()), quote.anchor))
    cuts = sorted(
        {0, len(text)}
        | {s for s, _, _ in spans}
        | {e for _, e, _ in spans}
        | {i for i, ch in enumerate(text) if ch == "\n"}
        | {i + 1 for i, ch in enumerate(text) if ch == "\n"}
    )
    paragraphs: list[list[Segment]] = [[]]
    for left, right in pairwise(cuts):
        piece = text[left:right]
        if piece == "\n":
            paragraphs.append([])
            continue
        anchors = tuple(anchor for start, _, anchor in spans if start == left)
        quoted = any(start <= left and right <= end for start, end, _ in spans)
        paragraphs[-1].append(Segment(piece, anchors, quoted))
    return [p for p in paragraphs if any(seg.text.strip() or seg.anchors for seg in p)]
