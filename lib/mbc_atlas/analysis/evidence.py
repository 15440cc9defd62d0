"""The evidence a lesson shows, as frames and sentences: statements filtered and ordered as a learner reads
them, the drugs of a category, how the texts spell them, the glossary terms in context, the disagreements,
and what the texts say nothing about.

>>> scope_sentence()
'The texts call hormonal therapy, chemotherapy and targeted therapy systemic and radiation therapy and surgery local (in the words of FASLODEX product site).'
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from ..load import Atlas, atlas_or_default
from ..query import (
    SEP,
    Disagreement,
    categories,
    characteristics,
    claims,
    disagreements,
    drug_mentions,
    drugs,
    glossary,
    stances,
)
from ..words import join, lower_first, say_nothing, upper_first

__all__ = ["Finding", "known", "claims_frame", "claim_items", "distinct_quotes", "list_quote", "as_quoted", "drugs_frame", "spellings",
           "spelling_finding", "restricted_drugs", "restriction_finding", "editor_classed", "class_note_finding",
           "scope_sentence", "silent_characteristics", "disputed_silence", "silent_sentence", "disagreement", "term", "term_in_context",
           "term_sentence"]


def _no_quotes() -> pd.DataFrame:
    return pd.DataFrame(columns=["quote", "source_id"])


@dataclass(frozen=True)
class Finding:
    """A sentence about the data, and the quotes it rests on (a frame with ``quote`` and ``source_id``)."""

    sentence: str
    quotes: pd.DataFrame = field(default_factory=_no_quotes)


def known(wanted: str | Iterable[str], valid: Iterable[str], what: str) -> list[str]:
    """``wanted`` (one id or several) as a list, or ValueError naming the ids not in ``valid``.

    >>> known("a", ["a", "b"], "letter")
    ['a']
    """
    valid = list(valid)
    ids = [wanted] if isinstance(wanted, str) else list(wanted)
    unknown = sorted(set(ids) - set(valid))
    if unknown:
        raise ValueError(f"unknown {what} {unknown}; valid: {', '.join(valid)}")
    return ids


# -- statements -------------------------------------------------------------------------------------------

def claims_frame(category: str | Iterable[str] | None = None, about: str | Iterable[str] | None = None,
                 atlas: Atlas | None = None, group: str | None = None, source_id: str | None = None) -> pd.DataFrame:
    """The claims for a category (or list of categories), characteristics (``about``), a characteristic
    ``group`` (such as ``"spread"``) and/or one source, as a learner reads them: grouped by characteristic
    (in vocabulary order), strongest stance first.

    >>> claims_frame("surgery", about="brain")["source_id"].tolist()
    ['faslodex_site']
    """
    a = atlas_or_default(atlas)
    c = claims(a)
    ch = characteristics(a)
    if category is not None:
        c = c[c["category"].isin(known(category, a.category_labels, "category"))]
    if about is not None:
        c = c[c["characteristic"].isin(known(about, ch["characteristic"], "characteristic"))]
    if group is not None:
        if group not in set(ch["group"]):
            raise ValueError(f"unknown group {group!r}; valid: {', '.join(dict.fromkeys(ch['group']))}")
        c = c[c["characteristic"].isin(ch[ch["group"] == group]["characteristic"])]
    if source_id is not None:
        c = c[c["source_id"] == known(source_id, a.source_names, "source")[0]]
    rank = stances(a).set_index("stance")["rank"]
    order = {k: i for i, k in enumerate(ch["characteristic"])}
    cat_order = {k: i for i, k in enumerate(a.category_labels)}
    c = c.assign(_ch=c["characteristic"].map(order), _cat=c["category"].map(cat_order),
                 _rank=c["stance"].map(rank).astype(int))
    return (c.sort_values(["_ch", "_cat", "_rank"], kind="stable").drop(columns=["_ch", "_cat", "_rank"])
            .reset_index(drop=True))


def claim_items(c: pd.DataFrame, name: str, atlas: Atlas | None = None) -> list[str]:
    """What some claims tie together, each once: their characteristics' labels (``name="characteristics"``),
    the drugs they name (``"drugs"``) or their sources' names (``"sources"``)."""
    a = atlas_or_default(atlas)
    if name == "characteristics":
        return list(dict.fromkeys(lower_first(a.labels[x]) for x in c["characteristic"]))
    if name == "drugs":
        return list(dict.fromkeys(d for ds in c["drugs"] for d in ds.split(SEP) if d))
    if name == "sources":
        return list(dict.fromkeys(a.source_names[s] for s in c["source_id"]))
    raise ValueError(f"name must be 'characteristics', 'drugs' or 'sources', not {name!r}")


def list_quote(text: str, heading: str, items: Iterable[str]) -> str | None:
    """The list under ``heading`` in ``text``, quoted with its heading and only the "- " lines that hold one of
    ``items`` (in the text's order), "[…]" standing for the lines left out; None when ``heading`` heads no
    list there.

    >>> print(list_quote("Give it if:\\n- one\\n- two\\n- three\\nMore.", "Give it if:", ["three", "one"]))
    Give it if:
    - one
    […]
    - three
    """
    at = text.find(heading + "\n- ")
    if at < 0:
        return None
    lines = []
    for line in text[at + len(heading) + 1:].split("\n"):
        if not line.startswith("- "):
            break
        if any(item in line for item in items):
            lines.append(line)
        elif not lines or lines[-1] != "[…]":
            lines.append("[…]")
    while lines and lines[-1] == "[…]":
        lines.pop()
    return "\n".join([heading, *lines])


def as_quoted(text: str, quote: str, context: str) -> tuple[str, str]:
    """A statement's words as a learner reads them, and the context left to show beside them: an item of a list
    comes under the list's heading (nothing left), any other quote keeps its context.

    >>> as_quoted("Give it if:\\n- one\\n- two", "two", "Give it if:")
    ('Give it if:\\n[…]\\n- two', '')
    """
    listed = context and list_quote(text, context, [quote])
    return (listed, "") if listed else (quote, context)


def distinct_quotes(c: pd.DataFrame, atlas: Atlas | None = None) -> pd.DataFrame:
    """Each quote once: items of one list become one quote of that list under its heading (the ``context``), a
    quote contained in a longer quote from the same source is dropped, and so are repeats."""
    a = atlas_or_default(atlas)
    rows = c[["quote", "source_id"]].copy()
    for i, r in c.iterrows():
        if r.get("context"):
            same = c[(c["source_id"] == r["source_id"]) & (c["context"] == r["context"])]
            rows.loc[i, "quote"] = list_quote(a.texts[r["source_id"]], r["context"], same["quote"]) or r["quote"]
    keep, seen = [], set()
    for i, r in rows.iterrows():
        longer = rows[(rows["source_id"] == r["source_id"]) & (rows["quote"] != r["quote"])]
        key = (r["source_id"], r["quote"])
        if not any(r["quote"] in q for q in longer["quote"]) and key not in seen:
            keep.append(i)
            seen.add(key)
    return c.loc[keep].assign(quote=rows.loc[keep, "quote"])


# -- drugs -------------------------------------------------------------------------------------------------

def drugs_frame(category: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The drugs the texts file under ``category`` (as first or second category), one row each.

    >>> drugs_frame("targeted")["generic"].tolist()[:2]
    ['tamoxifen', 'trastuzumab']
    """
    a = atlas_or_default(atlas)
    known(category, a.category_labels, "category")
    d = drugs(a)
    return d[(d["category"] == category) | (d["second_category"] == category)].reset_index(drop=True)


def _mentions_with_brand(generic: str, atlas: Atlas) -> pd.DataFrame:
    m = drug_mentions(atlas)
    return m[(m["generic"] == generic) & (m["brand_as_written"] != "")]


def spellings(generic: str, brand: str, atlas: Atlas | None = None) -> str:
    """How each text writes a drug's brand, one line per spelling, a misspelling flagged."""
    a = atlas_or_default(atlas)
    m = _mentions_with_brand(generic, a)
    if m.empty:
        return "no text gives a brand"
    parts = []
    for written, part in m.groupby("brand_as_written", sort=False):
        flag = "" if written.lower() == brand.lower() else f" (misspelt: the brand is {brand})"
        parts.append(f"{written}{flag}: {'; '.join(a.names(part['source_id']))}")
    return "\n".join(parts)


def spelling_finding(generic: str, atlas: Atlas | None = None) -> Finding:
    """How the texts write a drug's brand, against its correct spelling; and the mentions that show it."""
    a = atlas_or_default(atlas)
    d = drugs(a).set_index("generic")
    known(generic, d.index, "drug")
    brand = d.loc[generic, "brand"]
    m = _mentions_with_brand(generic, a)
    wrong = m[m["brand_as_written"].str.lower() != brand.lower()]
    if m.empty:
        intro = f"No text gives a brand for {generic}; the brand is {brand}."
    elif wrong.empty:
        intro = f"Every text that names it spells the brand of {generic} as {brand} (capitals aside)."
    else:
        intro = (f"{join(a.names(wrong['source_id']))} write{'s' if len(wrong) == 1 else ''} "
                 f"{join(dict.fromkeys(wrong['brand_as_written']))}; the brand of {generic} is spelt {brand}.")
    return Finding(intro, m[["quote", "source_id"]])


def restricted_drugs(category: str, characteristic: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The drugs of a category that a text restricts for a characteristic (e.g. premenopausal)."""
    d = drugs_frame(category, atlas)
    return d[d["restricted_with"].map(lambda v: characteristic in v.split(SEP))]


def restriction_finding(category: str, characteristic: str, atlas: Atlas | None = None) -> Finding:
    """Which drugs of a category the texts restrict for a characteristic, who says so and why; and the
    quotes (``quote``, ``source_id``) that do."""
    a = atlas_or_default(atlas)
    d = restricted_drugs(category, characteristic, a)
    if d.empty:
        return Finding("The sources restrict none of them.")
    parts = []
    for (sid, why), part in d.groupby(["restriction_source_id", "restriction"], sort=False):
        named = join(f"{g} ({b})" for g, b in zip(part["generic"], part["brand"]))
        parts.append(f"{a.source_names[sid]}: {named}; {why}.")
    quotes = d.rename(columns={"restriction_quote": "quote", "restriction_source_id": "source_id"})
    return Finding(f"The texts restrict {len(d)} of these drugs for {lower_first(a.labels[characteristic])} women. "
                   + " ".join(parts), quotes[["quote", "source_id"]].drop_duplicates())


def editor_classed(category: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The drugs of a category whose class the texts do not give (the editors do)."""
    d = drugs_frame(category, atlas)
    return d[(d["category"] == category) & (d["class_source"] == "editor")]


def class_note_finding(category: str, atlas: Atlas | None = None) -> Finding:
    """The editors' notes on the drugs of a category whose class the texts do not give; and the words in
    which each text names those drugs."""
    a = atlas_or_default(atlas)
    d = editor_classed(category, a)
    m = drug_mentions(a)
    m = m[m["generic"].isin(d["generic"])]
    if d.empty:
        return Finding("The texts give the class of every one of them.")
    parts = [f"{g} ({b}): the editors class it as {k}. {n}".strip() for g, b, k, n in
             zip(d["generic"], d["brand"], d["drug_class"], d["note"])]
    return Finding(" ".join(parts), m[["quote", "source_id"]])


# -- categories and silence ----------------------------------------------------------------------------------

def scope_sentence(atlas: Atlas | None = None) -> str:
    """One sentence: which categories the texts call systemic and which local, and which text says so."""
    a = atlas_or_default(atlas)
    c = categories(a)
    parts = [f"{join(part['label'].map(lower_first))} {scope}" for scope, part in c.groupby("scope", sort=False)]
    return f"The texts call {' and '.join(parts)} (in the words of {join(dict.fromkeys(a.names(c['source_id'])))})."


def silent_characteristics(atlas: Atlas | None = None) -> list[str]:
    """The labels of the characteristics the sources say nothing about: no statement (in any tier) and no
    disagreement names them (:attr:`mbc_atlas.Answer.silent` follows the same rule).

    >>> silent_characteristics()
    ['HER2-negative']
    """
    a = atlas_or_default(atlas)
    said = set(claims(a)["characteristic"]) | {c for v in a["disagreements"]["characteristic"] for c in v.split(SEP)}
    return [lab for cid, lab in a.labels.items() if cid not in said]


def disputed_silence(atlas: Atlas | None = None) -> str:
    """For the silent characteristics that a disagreement is about: where they come up after all (the
    disagreements numbered as notebook 07 numbers them), or "".

    A characteristic a disagreement names is not silent (:func:`silent_characteristics`), so with the shipped
    data this is "":

    >>> disputed_silence()
    ''
    """
    a = atlas_or_default(atlas)
    silent = set(silent_characteristics(a))
    numbers: dict[str, list[str]] = {}
    for n, d in enumerate(disagreements(a).to_dict("records"), start=1):
        for c in d["characteristic"].split(SEP):
            label = a.labels.get(c, "")
            if label in silent:
                numbers.setdefault(label, []).append(str(n))
    return "".join(f" {label} comes up only where two texts differ (disagreement{'s' if len(ns) > 1 else ''} "
                   f"{join(ns)} in notebook 07), not as a reason for a treatment category."
                   for label, ns in numbers.items())


def silent_sentence(atlas: Atlas | None = None, so: str = "the collection does not guess") -> str:
    """The characteristics the sources say nothing about, in one sentence ending "so ``so``"."""
    silent = silent_characteristics(atlas)
    if not silent:
        return "Every characteristic in the explorer is tied to at least one category by at least one text."
    return (f"{upper_first(say_nothing(join(silent)))}: no text ties {'it' if len(silent) == 1 else 'them'} to any "
            f"treatment category, so {so}." + disputed_silence(atlas))


# -- disagreements and terms ---------------------------------------------------------------------------------

def disagreement(disagreement_id: str, atlas: Atlas | None = None) -> Disagreement:
    """One disagreement, typed; raises ``ValueError`` naming the valid ids.

    >>> disagreement("after_hormonal_stops").source_b
    'faslodex_site'
    """
    d = disagreements(atlas).set_index("disagreement_id")
    if disagreement_id not in d.index:
        raise ValueError(f"unknown disagreement {disagreement_id!r}; valid: {', '.join(d.index)}")
    return Disagreement(disagreement_id=disagreement_id, **d.loc[disagreement_id].to_dict())


def term(name: str, atlas: Atlas | None = None) -> pd.Series:
    """One glossary term's row (definition, appears_as, source_ids); ValueError if there is no such term."""
    g = glossary(atlas=atlas).set_index("term")
    if name not in g.index:
        raise ValueError(f"unknown term {name!r}; see mbc.glossary() for the terms")
    return g.loc[name]


def term_in_context(name: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """For a glossary term: in each text that uses it, the first sentence where it appears (verbatim).

    Columns ``source_id`` and ``quote``.
    """
    a = atlas_or_default(atlas)
    forms = [f.strip() for f in term(name, a)["appears_as"].split(SEP) if f.strip()]
    rows = []
    for sid, text in a.texts.items():
        low = text.lower()
        hits = [low.find(f.lower()) for f in forms if f.lower() in low]
        if not hits:
            continue
        at = min(hits)
        starts = [m.end() for m in re.finditer(r"[.!?]\s+|\n", text[:at])]
        start = starts[-1] if starts else 0
        end_m = re.search(r"[.!?](?=\s|$)|\n", text[at:])
        end = at + (end_m.end() if end_m else len(text) - at)
        rows.append({"source_id": sid, "quote": text[start:end].strip()})
    return pd.DataFrame(rows, columns=["source_id", "quote"])


def term_sentence(name: str, atlas: Atlas | None = None) -> str:
    """A glossary term: its meaning (the editors' words) and the texts that use it."""
    a = atlas_or_default(atlas)
    t = term(name, a)
    used = [s for s in t["source_ids"].split(SEP) if s]
    return (f"{name}: {t['definition']} Used by {len(used)} of the {a.n_texts} texts"
            + (f": {join(a.names(used))}." if used else "."))

