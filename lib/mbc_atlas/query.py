"""Questions a learner asks of the data, answered as DataFrames or as an :class:`Answer`."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from .load import Atlas, load

SEP = ";"


def _atlas(atlas: Atlas | None) -> Atlas:
    return atlas if atlas is not None else load()


def sources(atlas: Atlas | None = None) -> pd.DataFrame:
    """One row per source: who published it, when, who paid, and which facts the text states.

    >>> sources()["short_name"].tolist()[0]
    'Breastcancer.org'
    """
    return _atlas(atlas)["sources"].copy()


def categories(atlas: Atlas | None = None) -> pd.DataFrame:
    """The five treatment categories, each with its scope (systemic or local) and the quote that says so.

    >>> categories().set_index("category").loc["surgery", "scope"]
    'local'
    """
    return _atlas(atlas)["categories"].copy()


def characteristics(atlas: Atlas | None = None) -> pd.DataFrame:
    """The explorer's vocabulary: characteristic, group, choose ('one' or 'any'), label, definition.

    >>> characteristics().set_index("characteristic").loc["hr_positive", "group"]
    'receptor'
    """
    return _atlas(atlas)["characteristics"].copy()


def stances(atlas: Atlas | None = None) -> pd.DataFrame:
    """How strongly a text can put an association, strongest (rank 1) first.

    >>> stances()["stance"].iloc[0]
    'first_choice'
    """
    df = _atlas(atlas)["stances"].copy()
    df["rank"] = df["rank"].astype(int)
    return df.sort_values("rank", kind="stable").reset_index(drop=True)


def claims(atlas: Atlas | None = None) -> pd.DataFrame:
    """Every statement in the sources that ties a characteristic to a category, with its verbatim quote.

    >>> claims().columns[:5].tolist()
    ['claim_id', 'source_id', 'characteristic', 'category', 'stance']
    """
    return _atlas(atlas)["claims"].copy()


def drugs(atlas: Atlas | None = None) -> pd.DataFrame:
    """Every drug the texts name, with its category, class, any restriction, and the sources naming it.

    ``source_ids`` is derived from ``data/drug_mentions.csv``; ``brand_as_written`` lists the spellings
    the texts use, so a misspelling shows beside the correct ``brand``.

    >>> drugs().set_index("generic").loc["everolimus", "brand_as_written"]
    'Affinitor'
    """
    a = _atlas(atlas)
    mentions = a["drug_mentions"]
    by_drug = mentions.groupby("generic", sort=False).agg(
        source_ids=("source_id", SEP.join),
        brand_as_written=("brand_as_written", lambda s: SEP.join(dict.fromkeys(b for b in s if b))),
    )
    return a["drugs"].join(by_drug, on="generic").fillna({"source_ids": "", "brand_as_written": ""})


def drug_mentions(atlas: Atlas | None = None) -> pd.DataFrame:
    """Where each drug is named: one row per (drug, source) with the verbatim quote."""
    return _atlas(atlas)["drug_mentions"].copy()


def passages(topic: str | None = None, atlas: Atlas | None = None) -> pd.DataFrame:
    """Quotes on topics other than characteristic-to-category links (goals, how a treatment works, ...).

    >>> passages("goal")["source_id"].nunique() >= 3
    True
    """
    df = _atlas(atlas)["passages"]
    if topic is not None:
        topics = sorted(set(df["topic"]))
        if topic not in topics:
            raise ValueError(f"unknown topic {topic!r}; valid topics: {', '.join(topics)}")
        df = df[df["topic"] == topic]
    return df.reset_index(drop=True)


def disagreements(atlas: Atlas | None = None) -> pd.DataFrame:
    """Where the texts differ, each with both quotes side by side."""
    return _atlas(atlas)["disagreements"].copy()


def glossary(search: str = "", atlas: Atlas | None = None) -> pd.DataFrame:
    """Terms a learner meets in the texts, defined in plain language, with the sources that use them.

    >>> glossary("biopsy")["term"].tolist()
    ['biopsy', 'pathology report']
    """
    a = _atlas(atlas)
    df = a["glossary"].copy()
    lowered = {sid: t.lower() for sid, t in a.texts.items()}
    df["source_ids"] = [
        SEP.join(sid for sid, t in lowered.items() if any(f.strip().lower() in t for f in forms.split(SEP) if f.strip()))
        for forms in df["appears_as"]
    ]
    if search:
        s = search.lower()
        df = df[df["term"].str.lower().str.contains(s, regex=False)
                | df["definition"].str.lower().str.contains(s, regex=False)]
    return df.reset_index(drop=True)


def validate_selection(ids, atlas: Atlas | None = None) -> list[str]:
    """Check a selection of characteristic ids; return it without repeats, in vocabulary order.

    ``ids`` is any iterable of ids (a list, tuple, set, or a generator: it is read once), or one id as a
    string. Raises ``TypeError`` for anything else (None, a number, bytes, a dict), ``ValueError`` naming an
    unknown id (and listing the valid ones), or naming the group when two ids of a one-choice group are
    given together.

    >>> validate_selection(["liver", "hr_positive"])
    ['hr_positive', 'liver']
    >>> validate_selection(c for c in ["spine", "bone"])
    ['bone', 'spine']
    """
    accepted = "a list, tuple or set of characteristic ids, or one id as a string"
    if isinstance(ids, str):
        ids = [ids]
    elif ids is None or isinstance(ids, (bytes, bytearray, Mapping)) or not isinstance(ids, Iterable):
        raise TypeError(f"expected {accepted}; got {type(ids).__name__} {_short(ids)}")
    ids = list(ids)                                     # read once: a generator works too
    for i in ids:
        if not isinstance(i, str):
            raise TypeError(f"expected {accepted}; got {type(i).__name__} {_short(i)} among the ids")
    order, one_choice = _index(_atlas(atlas)).vocabulary
    known = set(order)
    unknown = list(dict.fromkeys(i for i in ids if i not in known))
    if unknown:
        shown = ", ".join(_short(i) for i in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise ValueError(f"unknown characteristic(s): {shown}{more}; see mbc.characteristics() for the "
                         f"valid ids: {', '.join(order)}")
    chosen = set(ids)
    for group, label, members in one_choice:
        both = [c for c in members if c in chosen]
        if len(both) > 1:
            raise ValueError(f"{' and '.join(map(repr, both))} cannot be chosen together: "
                             f"group {group!r} ({label}) takes one value at most")
    return [c for c in order if c in chosen]


def _short(value, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def associations(ids, atlas: Atlas | None = None) -> pd.DataFrame:
    """The claims for these characteristics, strongest stance first within each characteristic.

    Columns: characteristic, category, source_id, stance, stance_label, quote, and the rest of the
    claim. A characteristic the sources say nothing about simply has no rows
    (see :func:`answer` for the "silent" list).

    >>> associations(["bone"])[["category", "source_id", "stance"]].values.tolist()
    [['radiation', 'faslodex_site', 'for_symptoms'], ['radiation', 'johnson_2010', 'for_symptoms']]
    """
    a = _atlas(atlas)
    chosen = validate_selection(ids, a)
    st = stances(a).set_index("stance")
    c = a["claims"]
    out = c[c["characteristic"].isin(chosen)].copy()
    out["stance_label"] = out["stance"].map(st["label"])
    out["stance_rank"] = out["stance"].map(st["rank"])
    out["_ch"] = out["characteristic"].map({k: i for i, k in enumerate(chosen)})
    out["_cat"] = out["category"].map({k: i for i, k in enumerate(a["categories"]["category"])})
    out = out.sort_values(["_ch", "_cat", "stance_rank"], kind="stable").drop(columns=["_ch", "_cat"])
    first = ["characteristic", "category", "source_id", "stance", "stance_label", "quote"]
    return out[first + [col for col in out.columns if col not in first]].reset_index(drop=True)


@dataclass(frozen=True)
class CategoryAnswer:
    category: str
    label: str
    scope: str
    sources: tuple          # source_ids that associate this category with the selection
    stances: tuple          # stance labels used, strongest first
    claims: tuple           # claim records (dicts), strongest first


@dataclass(frozen=True)
class DrugNote:
    generic: str
    brand: str
    category: str
    restricted: str         # why the texts restrict it for this selection, or ""
    restriction_source_id: str
    restriction_quote: str


@dataclass(frozen=True)
class Answer:
    """What the texts associate with a selection of characteristics."""

    selection: tuple
    categories: tuple       # CategoryAnswer, one per category, in vocabulary order
    silent: tuple           # selected characteristics no text ties to any category
    disagreements: tuple    # disagreement records relevant to the selection
    drugs: tuple            # DrugNote for drugs of the associated categories
    grid: pd.DataFrame      # selected characteristic x category -> number of texts

    @property
    def associated(self):
        return [c for c in self.categories if c.sources]


class _Index:
    """Claims grouped once per characteristic, so an answer costs a few dictionary look-ups."""

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        st = stances(atlas).set_index("stance")
        self.cats = atlas["categories"].to_dict("records")
        claims_ = atlas["claims"].assign(stance_label=lambda d: d["stance"].map(st["label"]),
                                         stance_rank=lambda d: d["stance"].map(st["rank"]))
        claims_ = claims_.sort_values("stance_rank", kind="stable")
        self.by_char = {k: g.to_dict("records") for k, g in claims_.groupby("characteristic")}
        self.disagreements = atlas["disagreements"].to_dict("records")
        self.drugs = drugs(atlas).to_dict("records")
        ch = atlas["characteristics"]
        self.vocabulary = (
            list(ch["characteristic"]),
            [(group, label, list(part["characteristic"]))
             for (group, label, choose), part in ch.groupby(["group", "group_label", "choose"], sort=False)
             if choose == "one"],
        )


_INDEXES: dict = {}


def _index(atlas: Atlas) -> _Index:
    ix = _INDEXES.get(id(atlas))
    if ix is None or ix.atlas is not atlas:
        ix = _INDEXES[id(atlas)] = _Index(atlas)
        while len(_INDEXES) > 8:            # load() makes a new Atlas after each edit: keep the newest few
            del _INDEXES[next(iter(_INDEXES))]
    return ix


def answer(ids, atlas: Atlas | None = None) -> Answer:
    """Everything the explorer shows for a selection, computed from the data.

    >>> a = answer(["progressed_on_hormonal"])
    >>> [c.category for c in a.associated]
    ['hormonal', 'chemotherapy']
    >>> a.disagreements[0]["disagreement_id"]
    'after_hormonal_stops'
    """
    a = _atlas(atlas)
    chosen = tuple(validate_selection(ids, a))
    ix = _index(a)
    rows = [r for c in chosen for r in ix.by_char.get(c, ())]
    per_cat = []
    for cat in ix.cats:
        mine = sorted((r for r in rows if r["category"] == cat["category"]), key=lambda r: r["stance_rank"])
        per_cat.append(CategoryAnswer(
            cat["category"], cat["label"], cat["scope"],
            tuple(dict.fromkeys(r["source_id"] for r in mine)),
            tuple(dict.fromkeys(r["stance_label"] for r in mine)),
            tuple(mine),
        ))
    associated = {c.category for c in per_cat if c.sources}
    grid = pd.DataFrame(
        [[len({r["source_id"] for r in ix.by_char.get(ch, ()) if r["category"] == cat["category"]})
          for cat in ix.cats] for ch in chosen],
        index=list(chosen), columns=[cat["category"] for cat in ix.cats], dtype=int,
    )
    drug_notes = []
    for d in ix.drugs:
        if d["category"] not in associated:
            continue
        hit = set(filter(None, d["restricted_with"].split(SEP))) & set(chosen)
        drug_notes.append(DrugNote(d["generic"], d["brand"], d["category"],
                                   d["restriction"] if hit else "",
                                   d["restriction_source_id"] if hit else "",
                                   d["restriction_quote"] if hit else ""))
    return Answer(
        selection=chosen,
        categories=tuple(per_cat),
        silent=tuple(c for c in chosen if c not in ix.by_char),
        disagreements=tuple(d for d in ix.disagreements if d["characteristic"] in chosen),
        drugs=tuple(drug_notes),
        grid=grid,
    )
