"""Questions a learner asks of the data, answered as DataFrames or as an :class:`Answer`."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from .load import Atlas, atlas_or_default
from .words import join, lower_first

__all__ = ["SEP", "FITS", "WOULD_FIT", "DOES_NOT_FIT", "TIERS", "Answer", "CategoryAnswer", "Contradiction",
           "Disagreement", "DrugNote", "Placement", "Statement", "answer", "placements", "place", "restriction",
           "associations", "categories",
           "characteristics", "claims", "disagreements", "drug_mentions", "drugs", "glossary", "passages",
           "sources", "stances", "statements", "validate_selection"]

SEP = ";"


def sources(atlas: Atlas | None = None) -> pd.DataFrame:
    """One row per source: who published it, when, who paid, and which facts the text states.

    >>> sources()["short_name"].tolist()[0]
    'Breastcancer.org'
    """
    return atlas_or_default(atlas)["sources"].copy()


def categories(atlas: Atlas | None = None) -> pd.DataFrame:
    """The treatment categories, each with its scope (systemic or local) and the quote that says so.

    >>> categories().set_index("category").loc["surgery", "scope"]
    'local'
    """
    return atlas_or_default(atlas)["categories"].copy()


def characteristics(atlas: Atlas | None = None) -> pd.DataFrame:
    """The explorer's vocabulary: characteristic, group, choose ('one' or 'any'), label, definition.

    >>> characteristics().set_index("characteristic").loc["hr_positive", "group"]
    'receptor'
    """
    return atlas_or_default(atlas)["characteristics"].copy()


def stances(atlas: Atlas | None = None) -> pd.DataFrame:
    """How strongly a text can put an association, strongest (rank 1) first.

    >>> stances()["stance"].iloc[0]
    'first_choice'
    """
    df = atlas_or_default(atlas)["stances"].copy()
    df["rank"] = df["rank"].astype(int)
    return df.sort_values("rank", kind="stable").reset_index(drop=True)


def claims(atlas: Atlas | None = None) -> pd.DataFrame:
    """One row per (statement, characteristic): the statements as pairs, each with its ``statement_id`` and
    the ``other_conditions`` that must hold too. Count statements, not these rows, for an answer.

    >>> claims().columns[:5].tolist()
    ['claim_id', 'statement_id', 'source_id', 'characteristic', 'category']
    """
    return atlas_or_default(atlas)["claims"].copy()


def drugs(atlas: Atlas | None = None) -> pd.DataFrame:
    """Every drug the texts name, with its category, class, any restriction, and the sources naming it.

    ``source_ids`` is derived from ``data/drug_mentions.csv``; ``brand_as_written`` lists the spellings
    the texts use, so a misspelling shows beside the correct ``brand``.

    >>> drugs().set_index("generic").loc["everolimus", "brand_as_written"]
    'Affinitor'
    """
    a = atlas_or_default(atlas)
    mentions = a["drug_mentions"]
    by_drug = mentions.groupby("generic", sort=False).agg(
        source_ids=("source_id", SEP.join),
        brand_as_written=("brand_as_written", lambda s: SEP.join(dict.fromkeys(b for b in s if b))),
    )
    return a["drugs"].join(by_drug, on="generic").fillna({"source_ids": "", "brand_as_written": ""})


def drug_mentions(atlas: Atlas | None = None) -> pd.DataFrame:
    """Where each drug is named: one row per (drug, source) with the verbatim quote."""
    return atlas_or_default(atlas)["drug_mentions"].copy()


def passages(topic: str | None = None, atlas: Atlas | None = None) -> pd.DataFrame:
    """Quotes on topics other than characteristic-to-category links (goals, how a treatment works, ...).

    >>> passages("goal")["source_id"].nunique() >= 3
    True
    """
    df = atlas_or_default(atlas)["passages"]
    if topic is not None:
        topics = sorted(set(df["topic"]))
        if topic not in topics:
            raise ValueError(f"unknown topic {topic!r}; valid topics: {', '.join(topics)}")
        df = df[df["topic"] == topic]
    return df.reset_index(drop=True)


def disagreements(atlas: Atlas | None = None) -> pd.DataFrame:
    """Where the texts differ, each with both quotes side by side."""
    return atlas_or_default(atlas)["disagreements"].copy()


def glossary(search: str = "", atlas: Atlas | None = None) -> pd.DataFrame:
    """Terms a learner meets in the texts, defined in plain language, with the sources that use them.
    ``editors_term`` marks a word the texts do not use (``appears_as`` empty), added by the editors.

    >>> glossary("biopsy")["term"].tolist()
    ['biopsy', 'pathology report']
    """
    a = atlas_or_default(atlas)
    df = a["glossary"].copy()
    lowered = {sid: t.lower() for sid, t in a.texts.items()}
    df["source_ids"] = [
        SEP.join(sid for sid, t in lowered.items() if any(f.strip().lower() in t for f in forms.split(SEP) if f.strip()))
        for forms in df["appears_as"]
    ]
    df["editors_term"] = df["appears_as"].str.strip() == ""
    if search:
        s = search.lower()
        df = df[df["term"].str.lower().str.contains(s, regex=False)
                | df["definition"].str.lower().str.contains(s, regex=False)]
    return df.reset_index(drop=True)


def validate_selection(ids: Iterable[str] | str, atlas: Atlas | None = None) -> list[str]:
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
    ix = _index(atlas_or_default(atlas))
    order, one_choice = ix.order, ix.one_choice
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


def associations(ids: Iterable[str] | str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The claims (statement, characteristic pairs) for these characteristics, strongest stance first within
    each characteristic, each with the ``tier`` its statement takes for the whole selection: ``fits``,
    ``would_fit`` or ``does_not_fit`` (see :func:`answer`).

    Columns: characteristic, category, source_id, stance, stance_label, quote, tier, and the rest of the
    claim. A characteristic the sources say nothing about simply has no rows.

    >>> associations(["bone", "painful_metastasis"])[["category", "source_id", "tier"]].values.tolist()[:2]
    [['radiation', 'faslodex_site', 'fits'], ['radiation', 'johnson_2010', 'fits']]
    >>> set(associations(["bone"])["tier"])     # radiation is for the pain: without it, it would fit
    {'would_fit'}
    """
    a = atlas_or_default(atlas)
    chosen = validate_selection(ids, a)
    st = stances(a).set_index("stance")
    ix = _index(a)
    c = a["claims"]
    out = c[c["characteristic"].isin(chosen)].copy()
    out["stance_label"] = out["stance"].map(st["label"])
    out["stance_rank"] = out["stance"].map(st["rank"])
    picked = set(chosen)
    by_group = ix.values(picked)
    out["tier"] = [ix.place(ix.statements[sid], picked, by_group).tier for sid in out["statement_id"]]
    out["_ch"] = out["characteristic"].map({k: i for i, k in enumerate(chosen)})
    out["_cat"] = out["category"].map({k: i for i, k in enumerate(a["categories"]["category"])})
    out = out.sort_values(["_ch", "_cat", "stance_rank"], kind="stable").drop(columns=["_ch", "_cat"])
    first = ["characteristic", "category", "source_id", "stance", "stance_label", "quote", "tier"]
    return out[first + [col for col in out.columns if col not in first]].reset_index(drop=True)


FITS, WOULD_FIT, DOES_NOT_FIT = "fits", "would_fit", "does_not_fit"
TIERS = (FITS, WOULD_FIT, DOES_NOT_FIT)


@dataclass(frozen=True)
class Statement:
    """One verbatim quote from one source, tied to one category with a stance, holding for all of its
    ``conditions`` together (characteristic ids). ``context`` is the verbatim sentence or heading that shows
    a condition the quote does not; ``also_quote`` the same statement said again in the same text."""

    statement_id: str
    source_id: str
    category: str
    stance: str
    stance_label: str
    stance_rank: int
    conditions: tuple[str, ...]
    drugs: tuple[str, ...]
    condition_note: str
    qualifier: str          # verbatim words of the text that limit it further, which no choice sets ("" if none)
    attributed_to: str
    quote: str
    context: str
    also_quote: str

    @property
    def implied(self) -> bool:
        """True when the text does not state the association outright."""
        return self.stance == "implied"

    @property
    def approval(self) -> bool:
        """True when the text reports an approval (by a regulator) rather than saying so itself."""
        return self.stance == "approved"


@dataclass(frozen=True)
class Contradiction:
    """A statement ``needs`` one value of a choose-one group; the selection ``chosen`` another."""

    needs: str
    chosen: str


@dataclass(frozen=True)
class Placement:
    """Where a statement stands for a selection: ``tier`` is ``fits`` (every condition chosen),
    ``would_fit`` (none contradicted; ``missing`` lists those not set) or ``does_not_fit``
    (``contradicted`` says which chosen value rules out which condition)."""

    statement: Statement
    tier: str
    missing: tuple[str, ...] = ()
    contradicted: tuple[Contradiction, ...] = ()


@dataclass(frozen=True)
class CategoryAnswer:
    """One treatment category for a selection: its statements in the three tiers, strongest stance first.

    ``speaks_to`` holds, in selection order, each chosen characteristic that a fitting statement names, with the
    texts (source ids) whose fitting statements name it; ``speaks_to_none`` the chosen characteristics that no
    fitting statement names. Five texts about receptor-positive cancer are not five texts about receptor-positive
    cancer that grew despite hormonal therapy."""

    category: str
    label: str
    scope: str
    fits: tuple[Placement, ...]
    would_fit: tuple[Placement, ...]
    does_not_fit: tuple[Placement, ...]
    speaks_to: tuple[tuple[str, tuple[str, ...]], ...] = ()
    speaks_to_none: tuple[str, ...] = ()

    @property
    def associated(self) -> bool:
        """At least one statement fits the whole selection."""
        return bool(self.fits)

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources with a fitting statement, strongest stance first."""
        return tuple(dict.fromkeys(p.statement.source_id for p in self.fits))

    @property
    def stances(self) -> tuple[str, ...]:
        """The stance labels of the fitting statements, strongest first."""
        return tuple(dict.fromkeys(p.statement.stance_label for p in self.fits))

    @property
    def only_implied(self) -> bool:
        """Associated, but every fitting statement is only implied (a self-check counts it as optional)."""
        return bool(self.fits) and all(p.statement.implied for p in self.fits)

    @property
    def speaks_to_all(self) -> bool:
        """Every text behind the category names every chosen characteristic (only then is a count of its
        texts a count for the whole selection)."""
        n = len(self.sources)
        return bool(n) and not self.speaks_to_none and all(len(ids) == n for _, ids in self.speaks_to)

    @property
    def qualifiers(self) -> tuple[tuple[str, str], ...]:
        """(source id, the text's words) for each qualifier the fitting statements add, which no choice sets."""
        return tuple(dict.fromkeys((p.statement.source_id, p.statement.qualifier) for p in self.fits
                                   if p.statement.qualifier))


@dataclass(frozen=True)
class Disagreement:
    """A place where two texts differ, with both quotes; ``characteristic`` is one id or several (``a;b``)."""

    disagreement_id: str
    characteristic: str
    kind: str
    summary: str
    source_a: str
    quote_a: str
    source_b: str
    quote_b: str

    @property
    def characteristics(self) -> tuple[str, ...]:
        """The characteristics it is about (a disagreement between two readings may name both)."""
        return tuple(c for c in self.characteristic.split(SEP) if c)


@dataclass(frozen=True)
class DrugNote:
    """A drug named in an answer. ``restricted`` is "" or why it does not suit the selection: the reason a
    text gives (with ``restriction_quote``), or that every statement naming it needs a condition the
    selection contradicts (``contradicted_by`` holds those chosen ids). ``tier`` is ``fits`` when a statement
    that fits names it, ``would_fit`` when only one that would fit does, ``category`` when only its category
    is associated (or the drug is only set aside)."""

    generic: str
    brand: str
    category: str
    restricted: str
    restriction_source_id: str = ""
    restriction_quote: str = ""
    contradicted_by: tuple[str, ...] = ()
    tier: str = "category"


@dataclass(frozen=True)
class Answer:
    """What the texts associate with a whole selection of characteristics."""

    selection: tuple[str, ...]
    categories: tuple[CategoryAnswer, ...]   # one per category, in vocabulary order
    silent: tuple[str, ...]                  # chosen characteristics no statement (any tier) or disagreement names
    disagreements: tuple[Disagreement, ...]  # on a chosen characteristic
    drugs: tuple[DrugNote, ...]              # drugs of associated categories, and drugs that do not suit
    grid: pd.DataFrame                       # chosen characteristic x category -> texts with a fitting statement

    @property
    def associated(self) -> list[CategoryAnswer]:
        """The categories with at least one statement that fits the whole selection."""
        return [c for c in self.categories if c.fits]

    def placed(self, tier: str) -> list[Placement]:
        """Every statement in one tier, category by category."""
        if tier not in TIERS:
            raise ValueError(f"unknown tier {tier!r}; valid: {', '.join(TIERS)}")
        return [p for c in self.categories for p in getattr(c, tier)]


class _Index:
    """Statements parsed once per atlas, so an answer costs a few set operations."""

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        st = stances(atlas).set_index("stance")
        split = lambda v: tuple(x.strip() for x in v.split(SEP) if x.strip())
        self.statements = {
            r["statement_id"]: Statement(
                r["statement_id"], r["source_id"], r["category"], r["stance"], st.loc[r["stance"], "label"],
                int(st.loc[r["stance"], "rank"]), split(r["conditions"]), split(r["drugs"]), r["condition_note"],
                r["qualifier"], r["attributed_to"], r["quote"], r["context"], r["also_quote"])
            for r in atlas["statements"].to_dict("records")}
        self.ranked = sorted(self.statements.values(), key=lambda s: s.stance_rank)
        # per characteristic: the positions in ``ranked`` of the statements that name it
        self.naming_char: dict[str, list[int]] = {}
        for i, s in enumerate(self.ranked):
            for c in s.conditions:
                self.naming_char.setdefault(c, []).append(i)
        self.cats = atlas["categories"].to_dict("records")
        self.disagreements = [Disagreement(**d) for d in atlas["disagreements"].to_dict("records")]
        self.drugs = drugs(atlas).to_dict("records")
        ch = atlas["characteristics"]
        self.order = list(ch["characteristic"])
        self.one_choice = [(group, label, list(part["characteristic"]))
                           for (group, label, choose), part in ch.groupby(["group", "group_label", "choose"], sort=False)
                           if choose == "one"]
        self.group_of = {c: g for g, _, members in self.one_choice for c in members}
        self.not_known = set(ch.loc[ch["not_known"] == "yes", "characteristic"])
        # named by a statement (in any tier) or a disagreement: never "the sources say nothing about this"
        self.named = ({c for s in self.statements.values() for c in s.conditions}
                      | {c for d in self.disagreements for c in d.characteristics})
        self.label = dict(zip(ch["characteristic"], ch["label"]))
        # per drug: the characteristics a text restricts it for, and the statements that name it
        self.restricted_with = {d["generic"]: set(d["restricted_with"].split(SEP)) - {""} for d in self.drugs}
        self.drug = {d["generic"]: d for d in self.drugs}
        self.naming: dict[str, list[Statement]] = {g: [] for g in self.drug}
        for s in self.ranked:
            for g in s.drugs:
                if g in self.naming:
                    self.naming[g].append(s)

    def values(self, chosen: set) -> dict[str, str]:
        """The value the selection takes in each choose-one group it sets (group -> characteristic)."""
        return {self.group_of[c]: c for c in chosen if c in self.group_of}

    def place(self, s: Statement, chosen: set, by_group: dict[str, str], known: dict | None = None) -> Placement:
        """Where statement ``s`` stands for the chosen ids (``by_group`` is :meth:`values` of them). ``known``
        keeps, for one selection, where each set of conditions stands (statements share them)."""
        if known is not None:
            if s.conditions not in known:
                known[s.conditions] = self.place(s, chosen, by_group)
            p = known[s.conditions]
            return p if p.statement is s else Placement(s, p.tier, p.missing, p.contradicted)
        contradicted, missing = [], []
        for c in s.conditions:
            if c in chosen:
                continue
            group = self.group_of.get(c)
            other = by_group.get(group) if group is not None else None
            if other is not None and other not in self.not_known:
                contradicted.append(Contradiction(c, other))
            else:
                missing.append(c)
        if contradicted:
            return Placement(s, DOES_NOT_FIT, tuple(missing), tuple(contradicted))
        return Placement(s, WOULD_FIT if missing else FITS, tuple(missing))


def _index(atlas: Atlas) -> _Index:
    """The statement index of an atlas, built once and kept on the atlas (see :meth:`Atlas.derive`)."""
    return atlas.derive(_Index)


def statements(atlas: Atlas | None = None) -> list[Statement]:
    """Every statement, strongest stance first, as typed records.

    >>> [s.conditions for s in statements() if s.statement_id == "fas-06"]
    [('hr_positive', 'postmenopausal', 'progressed_on_hormonal')]
    """
    return list(_index(atlas_or_default(atlas)).ranked)


def answer(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Answer:
    """What the texts associate with a whole selection: each statement naming a chosen characteristic
    either fits (all its conditions chosen), would fit if more were chosen, or does not fit (a chosen value
    contradicts a condition). Only fitting statements make a category associated.

    >>> a = answer(["hr_negative", "postmenopausal"])
    >>> [c.category for c in a.associated]
    ['chemotherapy']
    >>> sorted({p.statement.category for p in a.placed("does_not_fit")})
    ['hormonal', 'targeted']
    >>> [d.generic for d in a.drugs if d.restricted][:2]
    ['tamoxifen', 'anastrozole']
    """
    ix, chosen, picked, by_group = _selected(ids, atlas)
    known: dict = {}
    placed = _best_tier_only(_placements(ix, picked, by_group, known))
    per_cat = []
    for cat in ix.cats:
        tiers = [tuple(p for p in placed if p.statement.category == cat["category"] and p.tier == t) for t in TIERS]
        about = [(c, tuple(dict.fromkeys(p.statement.source_id for p in tiers[0] if c in p.statement.conditions)))
                 for c in chosen]
        fits, would_fit, does_not_fit = tiers
        per_cat.append(CategoryAnswer(cat["category"], cat["label"], cat["scope"], fits, would_fit, does_not_fit,
                                      speaks_to=tuple((c, ids) for c, ids in about if ids),
                                      speaks_to_none=tuple(c for c, ids in about if not ids) if tiers[0] else ()))
    grid = pd.DataFrame([[len(dict(c.speaks_to).get(ch, ())) for c in per_cat] for ch in chosen],
                        index=list(chosen), columns=[cat["category"] for cat in ix.cats], dtype=int)
    return Answer(
        selection=chosen,
        categories=tuple(per_cat),
        silent=tuple(c for c in chosen if c not in ix.named),
        disagreements=tuple(d for d in ix.disagreements if picked & set(d.characteristics)),
        drugs=_drug_notes(ix, picked, by_group, per_cat, placed, known),
        grid=grid,
    )


def placements(ids: Iterable[str] | str, atlas: Atlas | None = None) -> tuple[Placement, ...]:
    """Where each statement naming a chosen characteristic stands, before :func:`answer` shows the same words
    of a text only once (what the offline explorer decides from).

    >>> sorted({p.tier for p in placements(["hr_positive", "postmenopausal"])
    ...         if p.statement.quote.startswith("Tamoxifen is effective both")})
    ['does_not_fit', 'fits']
    """
    ix, _, picked, by_group = _selected(ids, atlas)
    return tuple(_placements(ix, picked, by_group))


def place(statement_id: str, ids: Iterable[str], atlas: Atlas | None = None) -> Placement:
    """Where one statement stands for a selection, without placing the others (the offline site's build
    places each statement in each of its states: linear in the data).

    >>> place("jon-08", ["isolated_metastasis"]).tier
    'fits'
    """
    ix, _, picked, by_group = _selected(ids, atlas)
    return ix.place(ix.statements[statement_id], picked, by_group)


def restriction(generic: str, ids: Iterable[str], atlas: Atlas | None = None) -> DrugNote:
    """A drug's note for a selection: restricted by a text, or by every statement naming it being
    contradicted, or not at all (``restricted == ""``), from the statements that name it only."""
    ix, _, picked, by_group = _selected(ids, atlas)
    return _restriction(ix, ix.drug[generic], picked, by_group)


def _selected(ids: Iterable[str] | str, atlas: Atlas | None) -> tuple[_Index, tuple[str, ...], set, dict[str, str]]:
    """The statement index, the checked selection in the table's order, the same as a set, and the value it
    takes in each choose-one group."""
    a = atlas_or_default(atlas)
    ix = _index(a)
    chosen = tuple(validate_selection(ids, a))
    return ix, chosen, set(chosen), ix.values(set(chosen))


def _placements(ix: _Index, picked: set, by_group: dict[str, str], known: dict | None = None) -> list[Placement]:
    """Where each statement naming a chosen characteristic stands, strongest stance first."""
    at = sorted({i for c in picked for i in ix.naming_char.get(c, ())})
    known = {} if known is None else known
    return [ix.place(ix.ranked[i], picked, by_group, known) for i in at]


def _best_tier_only(placed: list[Placement]) -> list[Placement]:
    """The same words of one text, kept as two statements for two situations (Tamoxifen "is effective both
    before and after menopause"), are shown once: in the best tier any of them takes."""
    rank: dict[tuple[str, str], int] = {}
    for p in placed:
        key = (p.statement.source_id, p.statement.quote)
        rank[key] = min(rank.get(key, len(TIERS)), TIERS.index(p.tier))
    return [p for p in placed if TIERS.index(p.tier) == rank[(p.statement.source_id, p.statement.quote)]]


def _drug_notes(ix: _Index, chosen: set, by_group: dict[str, str], per_cat, placed,
                known: dict | None = None) -> tuple[DrugNote, ...]:
    """Every drug that is in an associated category, or that does not suit the selection (by a text's own
    restriction, or because every statement naming it is contradicted), each with its tier."""
    associated = {c.category for c in per_cat if c.fits}
    named_in = {t: {g for p in placed if p.tier == t for g in p.statement.drugs} for t in (FITS, WOULD_FIT)}
    notes = []
    for d in ix.drugs:
        note = _restriction(ix, d, chosen, by_group, known)
        if note.restricted or d["category"] in associated:
            tier = next((t for t in (FITS, WOULD_FIT) if d["generic"] in named_in[t] and not note.restricted),
                        "category")
            notes.append(replace(note, tier=tier))
    return tuple(notes)


def _restriction(ix: _Index, d: dict, chosen: set, by_group: dict[str, str], known: dict | None = None) -> DrugNote:
    hit = tuple(c for c in ix.order if c in chosen and c in ix.restricted_with[d["generic"]])
    if hit:
        return DrugNote(d["generic"], d["brand"], d["category"], d["restriction"],
                        d["restriction_source_id"], d["restriction_quote"], hit)
    naming = [ix.place(s, chosen, by_group, known) for s in ix.naming[d["generic"]]]
    if not naming or any(p.tier != DOES_NOT_FIT for p in naming):
        return DrugNote(d["generic"], d["brand"], d["category"], "")
    # name the clash every naming statement shares, where there is one
    clashes = [{(x.needs, x.chosen) for x in p.contradicted} for p in naming]
    shared = set.intersection(*clashes) or set.union(*clashes)
    needs = [c for c in ix.order if any(n == c for n, _ in shared)]
    by = tuple(c for c in ix.order if any(ch == c for _, ch in shared))
    words = lambda ids, word: join([lower_first(ix.label[c]) for c in ids], word)
    reason = (f"every statement in the texts that names it needs {words(needs, 'or')}, and the selection "
              f"has {words(by, 'and')}")
    return DrugNote(d["generic"], d["brand"], d["category"], reason, contradicted_by=by)
