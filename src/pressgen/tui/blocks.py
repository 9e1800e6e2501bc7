"""Splitting Markdown into blocks so the live preview re-renders only what changed.

Rich's Markdown costs ~30 ms for a 600-word release, too slow to redo per keystroke; one
paragraph costs about a millisecond. A block is a run of lines between blank lines, except
that a fenced code block stays whole.
"""

from __future__ import annotations


def split_blocks(markdown: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if fence is not None:
            current.append(line)
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            current.append(line)
            continue
        if not stripped:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def changed_span(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """(start, old_end, new_end): old[start:old_end] became new[start:new_end]."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    old_end, new_end = len(old), len(new)
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    return start, old_end, new_end
