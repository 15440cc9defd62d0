"""The editors' voice, as data: what a clinician would add today beside a quote, what has changed since the
texts, and what a nurse needs for each drug class. None of it comes from the five texts; every row carries its
citation and the date it was checked, and none of it enters :func:`mbc_atlas.claims` or :func:`mbc_atlas.answer`.

>>> [n["note_id"] for n in notes_for_quote("all aromatase inhibitors only work in postmenopausal women",
...                                           "standards_of_care")]
['EN01']
>>> covered()
'2025-09'
"""
from __future__ import annotations

import pandas as pd

from ..load import Atlas, atlas_or_default
from ..query import SEP, categories, drugs
from ..schema import NURSING_ASPECTS

__all__ = ["notes_for_quote", "silence_notes", "since_then", "covered", "checked", "nursing_classes",
           "nursing_notes", "pharmacology", "nursing_topics", "NURSING_ASPECTS"]


def _notes_by_place(atlas: Atlas) -> dict[str, list[dict]]:
    """The editors' notes grouped once per atlas by where they sit: a source_id (notes beside its quotes) or a
    characteristic (notes on a silence). Every quote drawn looks its notes up here, so this stays off pandas."""
    out: dict[str, list[dict]] = {}
    for r in atlas["editor_notes"].to_dict("records"):
        out.setdefault(r["source_id"] or r["characteristic"], []).append(r)
    return out


def notes_for_quote(quote: str, source_id: str, atlas: Atlas | None = None) -> list[dict]:
    """The editors' notes whose anchor (a verbatim fragment of ``source_id``'s text) lies in ``quote``."""
    notes = atlas_or_default(atlas).derive(_notes_by_place).get(source_id, [])
    return [r for r in notes if r["anchor"] and r["anchor"] in quote]


def silence_notes(characteristic: str, atlas: Atlas | None = None) -> list[dict]:
    """The editors' notes on a characteristic the texts are silent about (e.g. HER2-negative)."""
    notes = atlas_or_default(atlas).derive(_notes_by_place).get(characteristic, [])
    return [r for r in notes if r["characteristic"] == characteristic]


def since_then(category: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The dated developments since the texts that concern one category, oldest first."""
    a = atlas_or_default(atlas)
    if category not in set(categories(a)["category"]):
        raise ValueError(f"unknown category {category!r}; valid: {', '.join(categories(a)['category'])}")
    dev = a["developments"]
    hit = dev["category"].map(lambda v: category in [c.strip() for c in v.split(SEP)])
    return dev[hit].sort_values("date", kind="stable").reset_index(drop=True)


def covered(atlas: Atlas | None = None) -> str:
    """The last date the list of developments covers (YYYY-MM or YYYY)."""
    return max(atlas_or_default(atlas)["developments"]["date"])


def checked(atlas: Atlas | None = None) -> str:
    """The latest date on which an editors' row was checked against its citation."""
    a = atlas_or_default(atlas)
    dates = [d for t in ("editor_notes", "nursing_notes", "pharmacology", "nursing_topics") for d in a[t]["checked"]]
    return max(dates)


def nursing_classes(category: str, atlas: Atlas | None = None) -> list[tuple[str, list[str]]]:
    """(nursing class, the generic names the texts give for it) for the drugs filed under ``category``."""
    d = drugs(atlas)
    d = d[(d["category"] == category) & (d["nursing_class"] != "")]
    return [(cls, list(part["generic"])) for cls, part in d.groupby("nursing_class", sort=False)]


def nursing_notes(drug_class: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The nursing notes of one drug class, in the order common, serious, monitor, teach, escalate."""
    n = atlas_or_default(atlas)["nursing_notes"]
    n = n[n["drug_class"] == drug_class]
    return n.assign(_o=n["aspect"].map(NURSING_ASPECTS.index)).sort_values("_o").drop(columns="_o").reset_index(drop=True)


def pharmacology(drug_class: str, atlas: Atlas | None = None) -> dict:
    """How one drug class works, with its citation."""
    p = atlas_or_default(atlas)["pharmacology"]
    return p[p["drug_class"] == drug_class].to_dict("records")[0]


def nursing_topics(category: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """Nursing topics beyond one drug class (bone health, spinal cord compression, ...) for a category."""
    t = atlas_or_default(atlas)["nursing_topics"]
    return t[t["category"].map(lambda v: category in v.split(SEP))].reset_index(drop=True)
