"""The application tasks each lesson sets (``data/tasks.csv``): a text's words, or a disagreement between two texts,
and a question a nurse or a doctor meets in practice: is it out of date, what would you check before a patient acts
on it, what do you do when the texts disagree. The model answer is made only of rows the collection already keeps
and cites: the editors' notes, the nursing notes, the disagreement and the texts' own facts (``sources.csv``, :func:`mbc_atlas.analysis.compare.text_facts`).

>>> {t.kind for t in tasks()} <= set(TASK_KINDS)
True
"""
from __future__ import annotations

from dataclasses import dataclass

from ..load import Atlas, atlas_or_default
from ..schema import TASK_KINDS

__all__ = ["Task", "tasks"]

@dataclass(frozen=True)
class Task:
    """One application task, as ``tasks.csv`` has it (``notes`` and ``aspects`` as tuples)."""

    task_id: str
    lesson: str
    kind: str
    prompt: str
    source_id: str
    quote: str
    context: str
    notes: tuple[str, ...]
    subtype: str
    nursing_class: str
    aspects: tuple[str, ...]
    disagreement_id: str
    key_points: tuple[str, ...]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def tasks(lesson: str | None = None, atlas: Atlas | None = None) -> list[Task]:
    """The tasks of one lesson (its two-digit number), or of every lesson, out-of-date ones first."""
    rows = atlas_or_default(atlas)["tasks"].to_dict("records")
    out = [Task(**{**r, "notes": _split(r["notes"]), "aspects": _split(r["aspects"]),
                    "key_points": tuple(p.strip() for p in r["key_points"].split("|") if p.strip())}) for r in rows
           if lesson is None or r["lesson"] == lesson]
    return sorted(out, key=lambda t: (t.lesson, TASK_KINDS.index(t.kind)))

