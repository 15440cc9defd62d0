"""The editors' voice, as data: what a clinician would add today beside a quote, what has changed since the
texts, and what a nurse needs for each drug class. None of it comes from the five texts; every row carries its
citation and the date it was checked, and none of it enters :func:`mbc_atlas.claims` or :func:`mbc_atlas.answer`.

>>> [n["note_id"] for n in notes_for_quote("all aromatase inhibitors only work in postmenopausal women",
...                                           "standards_of_care")]
['EN01']
>>> len(covered())
7
"""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..load import Atlas, Problem, atlas_or_default
from ..query import SEP, categories, drugs
from ..schema import NURSING_ASPECTS, SUBTYPE_PARTS, TABLES

__all__ = ["notes_for_quote", "selection_notes", "since_then", "covered", "checked", "next_review", "nursing_classes",
           "nursing_notes", "pharmacology", "nursing_topics", "NURSING_ASPECTS", "EDITORS_TABLES", "field_labels",
           "doses_in", "warnings", "editors_drugs", "subtypes", "subtype_rows", "SUBTYPE_PARTS"]

#: The tables written in the editors' voice: every one carries ``checked`` and ``review_by``.
EDITORS_TABLES = tuple(t.name for t in TABLES if "review_by" in t.columns)
_TEXT_COLUMNS = ("note", "development", "definition", "how_it_works", "reason", "model_answer")
# A drug's dose, volume, rate or schedule: what the editors never give as an order.
_DOSE = re.compile(
    r"\b\d+(?:[.,]\d+)?(?:\s*(?:–|-|to)\s*\d+(?:[.,]\d+)?)?\s*(?:mg|mcg|µg|g|mL|ml|units?)(?:\s*/\s*(?:m²|m2|kg))?\b"
    r"|\bevery\s+(?:\d+|one|two|three|four|six|eight|twelve)(?:\s*(?:–|-|to)\s*\d+)?\s+(?:days?|weeks?|months?|hours?)\b"
    r"|\b(?:\d+|once|twice|two|three|four)\s+times?\s+(?:a|per|each)\s+(?:day|week)\b|\b(?:once|twice)\s+(?:a|per)\s+(?:day|week)\b"
    r"|\bover\s+\d+(?:\s*(?:–|-|to)\s*\d+)?\s+(?:minutes?|hours?)\b",
    re.IGNORECASE)


def _notes_by_place(atlas: Atlas) -> dict[str, list[dict]]:
    """The editors' notes grouped once per atlas by where they sit: a source_id (notes beside its quotes), or ""
    (notes for a selection). Every quote drawn looks its notes up here, so this stays off pandas."""
    out: dict[str, list[dict]] = {}
    for r in atlas["editor_notes"].to_dict("records"):
        out.setdefault(r["source_id"], []).append(r)
    return out


def notes_for_quote(quote: str, source_id: str, atlas: Atlas | None = None) -> list[dict]:
    """The editors' notes whose anchor (a verbatim fragment of ``source_id``'s text) lies in ``quote``."""
    notes = atlas_or_default(atlas).derive(_notes_by_place).get(source_id, []) if source_id else []
    return [r for r in notes if r["anchor"] and r["anchor"] in quote]


def selection_notes(selection, atlas: Atlas | None = None) -> list[dict]:
    """The editors' notes for a selection: those whose characteristics (``a;b``) are all chosen, in the table's
    order (a silence of the texts such as HER2-negative; triple-negative disease with liver spread)."""
    chosen = set(selection)
    notes = atlas_or_default(atlas).derive(_notes_by_place).get("", [])
    return [r for r in notes if r["characteristic"] and set(r["characteristic"].split(SEP)) <= chosen]


def since_then(category: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The dated developments since the texts that concern one category, oldest first."""
    a = atlas_or_default(atlas)
    if category not in set(categories(a)["category"]):
        raise ValueError(f"unknown category {category!r}; valid: {', '.join(categories(a)['category'])}")
    dev = a["developments"]
    hit = dev["category"].map(lambda v: category in [c.strip() for c in v.split(SEP)]).astype(bool)
    return dev[hit].sort_values("date", kind="stable").reset_index(drop=True)


def field_labels(atlas: Atlas | None = None) -> dict[str, str]:
    """The editors' own vocabulary (``editors_fields.csv``): field id -> label, in the table's order."""
    f = atlas_or_default(atlas)["editors_fields"]
    return dict(zip(f["field"], f["label"]))


def covered(atlas: Atlas | None = None) -> str:
    """The last date the list of developments covers (YYYY-MM or YYYY; "" while the list is empty)."""
    return max(atlas_or_default(atlas)["developments"]["date"], default="")


def coverage(atlas: Atlas | None = None) -> str:
    """How far the list of developments reaches, in words: "covering up to 2026-06", or that it is empty."""
    last = covered(atlas)
    return f"covering up to {last}" if last else "empty so far (nothing here yet)"


def checked(atlas: Atlas | None = None) -> str:
    """The latest date on which an editors' row was checked against its citation."""
    a = atlas_or_default(atlas)
    return max((d for t in EDITORS_TABLES for d in a[t]["checked"]), default="")


def next_review(rows: pd.DataFrame | list[dict]) -> str:
    """The earliest ``review_by`` of the rows shown together (a box is due when its first row is)."""
    dates = [r["review_by"] for r in (rows.to_dict("records") if isinstance(rows, pd.DataFrame) else rows)]
    return min(dates) if dates else ""


def doses_in(text: str) -> list[str]:
    """The doses, volumes, rates and schedules a text gives, outside quotation marks “…” (where a label's own
    words may be quoted).

    >>> doses_in("The label gives 500 mg as two 5 mL injections, every 4 weeks.")
    ['500 mg', '5 mL', 'every 4 weeks']
    >>> doses_in("An LVEF fall of 16 points, or a temperature of 38 °C, is a threshold, not a dose.")
    []
    >>> doses_in("The label says “500 mg as two 5 mL injections”.")
    []
    """
    outside = re.sub(r"“[^”]*”", " ", text)
    return [m.group(0) for m in _DOSE.finditer(outside)]


def warnings(atlas: Atlas | None = None, today: dt.date | None = None) -> list[Problem]:
    """What ``check`` warns an editor about without refusing the data: every editors' row past its
    ``review_by`` date, and every editors' sentence that gives a dose or schedule outside a quoted label."""
    a = atlas_or_default(atlas)
    day = (today or dt.date.today()).isoformat()
    out = []
    for name in EDITORS_TABLES:
        df = a[name]
        for i, r in zip(df.index, df.to_dict("records")):
            row = int(i) + 2
            if r["review_by"] and r["review_by"] < day:
                out.append(Problem(f"{name}.csv", row, "review_by", f"past its review date ({r['review_by']}): "
                                   "check the row against its citation, then set checked and a new review_by"))
            for col in (c for c in _TEXT_COLUMNS if c in r):
                found = doses_in(r[col])
                quoted = doses_in(r[col].replace("“", " ").replace("”", " "))
                if name == "nursing_notes" and quoted and not found and r["quotes_label"] != "yes":
                    out.append(Problem(f"{name}.csv", row, "quotes_label", "quotes a dose or schedule in “…”: "
                                       "set quotes_label to yes when these are the label's own words"))
                if found:
                    out.append(Problem(f"{name}.csv", row, col, f"gives a dose or schedule ({', '.join(found)}): "
                                       "say what to know and where it is set (the prescriber, the label, local "
                                       "protocol), or quote the label's own words in “…”"))
    return out


def nursing_classes(category: str, atlas: Atlas | None = None) -> list[tuple[str, list[str]]]:
    """(nursing class, the generic names the texts give for it) for the drugs filed under ``category``."""
    d = drugs(atlas)
    d = d[(d["category"] == category) & (d["nursing_class"] != "")]
    return [(cls, list(part["generic"])) for cls, part in d.groupby("nursing_class", sort=False)]


def editors_drugs(category: str, atlas: Atlas | None = None) -> list[tuple[str, list[dict]]]:
    """(drug class, its rows of ``editors_drugs.csv``) for the drugs the editors name, not the texts, whose nursing
    notes a category's lesson shows, in the table's order."""
    d = atlas_or_default(atlas)["editors_drugs"]
    d = d[d["category"].map(lambda v: category in v.split(SEP)).astype(bool)]
    return [(cls, part.to_dict("records")) for cls, part in d.groupby("drug_class", sort=False)]


def subtypes(atlas: Atlas | None = None) -> dict[str, dict]:
    """The subtypes the editors describe: id -> {"label", "characteristics" (a list)}, in the table's order."""
    s = atlas_or_default(atlas)["subtypes"]
    return {r["subtype"]: {"label": r["label"], "characteristics": r["characteristics"].split(SEP)}
            for r in s.drop_duplicates("subtype").to_dict("records")}


def subtype_rows(subtype: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The editors' sentences on how treatment is chosen today for one subtype, part by part
    (usual sequence today, tests that drive it, what changed since the texts), each in the table's order."""
    s = atlas_or_default(atlas)["subtypes"]
    if subtype not in set(s["subtype"]):
        raise ValueError(f"unknown subtype {subtype!r}; valid: {', '.join(dict.fromkeys(s['subtype']))}")
    s = s[s["subtype"] == subtype]
    return s.assign(_o=s["part"].map(SUBTYPE_PARTS.index)).sort_values("_o", kind="stable").drop(columns="_o") \
        .reset_index(drop=True)


def nursing_notes(drug_class: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The nursing notes of one drug class, in the order of ``NURSING_ASPECTS`` (common side effects first)."""
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
