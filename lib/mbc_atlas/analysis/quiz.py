"""Self-check questions and case vignettes whose answer keys are computed from ``data/`` (notebook 08).

No key is typed by hand: each question is built by a function that reads the claims, drugs, categories or
sources, and each case is a list of characteristic ids whose key is :func:`mbc_atlas.answer`. Change the
data and the keys, the options and the explanations follow. An item's :class:`Explanation` says what
shows the answer (a sentence, quotes, disagreements, the explorer's answer for a selection); the self-check
widget (:mod:`mbc_atlas.widgets.self_check`) shows it through :mod:`mbc_atlas.render.feedback`.

>>> sorted(question("her2_positive_categories").key)
['chemotherapy', 'targeted']
>>> sorted(case_item("case_negative_liver").key)
['chemotherapy']
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..load import Atlas, atlas_or_default
from ..query import answer, categories, claims, disagreements, drugs, sources
from ..words import NOT_EVIDENCE, join, lower_first, say_nothing, upper_first
from .evidence import silent_sentence as evidence_silent_sentence

__all__ = ["NONE", "NONE_LABEL", "Cited", "Explanation", "Item", "Case", "CASES", "CASES_BY_ID", "QUESTIONS",
           "case_key", "category_options", "defining", "why_kind", "categories_for", "only_after_menopause",
           "maker_after_antiestrogen", "scope_of", "systemic_categories",
           "second_category_of", "who_paid", "question", "case_item", "items", "grade", "answer_key",
           "answer_key_markdown", "silent_sentence", "update_guide", "main", "GUIDE", "GUIDE_START", "GUIDE_END"]

NONE = "none"
NONE_LABEL = f"None: {say_nothing()}"


@dataclass(frozen=True)
class Cited:
    """A quote to show with its source, and (``extra``) what it is cited for."""

    quote: str
    source_id: str
    extra: str = ""


@dataclass(frozen=True)
class Explanation:
    """What shows an item's answer, in the order shown: a sentence, the explorer's answer for a selection,
    the drugs a selection rules out, the quotes, a closing sentence, and the disagreements it is part of."""

    intro: str = ""
    selection: tuple[str, ...] | None = None          # show the explorer's answer for this selection
    restricted_for: tuple[str, ...] | None = None     # show the drugs that do not suit this selection
    quotes: tuple[Cited, ...] = ()
    after: str = ""
    disagreements: tuple[str, ...] = ()               # disagreement ids, both sides quoted


@dataclass(frozen=True)
class Item:
    """One question (or case): what is asked, the options, the key, and the explanation that rests on quotes."""

    id: str
    kind: str                 # "single" (choose one) or "multiple" (choose all that apply)
    prompt: str
    options: tuple            # (label, value) pairs
    key: frozenset            # the values that make the right answer
    explanation: Explanation  # what shows the answer (rendered by mbc_atlas.render.feedback)
    checks: str               # what the item checks, for the instructor guide
    story: str = ""           # a case's vignette (cases only)
    selection: tuple = ()     # a case's characteristic ids (cases only)
    selection_labels: tuple = ()
    optional: frozenset = field(default_factory=frozenset)  # neither required nor wrong (see optional_why)
    optional_why: tuple = ()  # (value, why it is optional, in the learner's words) for each optional value

    def label(self, value) -> str:
        return dict((v, lab) for lab, v in self.options)[value]

    @property
    def key_labels(self) -> list:
        return [lab for lab, v in self.options if v in self.key]


@dataclass(frozen=True)
class Case:
    id: str
    story: str
    selection: tuple
    checks: str


#: The case vignettes: each is defined by characteristic ids; the story only tells it in words.
CASES = (
    Case("case_after_tamoxifen",
         "A postmenopausal woman whose hormone-receptor-positive cancer has grown despite tamoxifen.",
         ("hr_positive", "postmenopausal", "progressed_on_hormonal"),
         "combining characteristics; a disagreement (what comes after hormonal therapy); an approval a text reports"),
    Case("case_her2_after_trastuzumab",
         "A woman whose HER2-positive cancer has kept growing despite trastuzumab (Herceptin).",
         ("her2_positive", "progressed_on_trastuzumab"),
         "HER2-positive disease; how strongly each text ties trastuzumab; chemotherapy after trastuzumab"),
    Case("case_premenopausal_bone",
         "A premenopausal woman with hormone-receptor-positive cancer that has spread to the bones.",
         ("hr_positive", "premenopausal", "bone"),
         "a local category that needs more than the place of spread (radiation is for pain from bone "
         "metastases: it would fit only with the pain); drugs a text restricts before menopause"),
    Case("case_negative_liver",
         "A woman whose hormone-receptor-negative cancer has spread to the liver.",
         ("hr_negative", "liver"),
         "a selection few texts speak to: count the texts behind each category, not only the categories"),
    Case("case_single_brain",
         "A woman with a single metastasis in the brain, in a place surgery can reach.",
         ("brain", "isolated_metastasis"),
         "local therapy: categories tied to the place of spread and to a single reachable tumor"),
    Case("case_her2_negative",
         "A postmenopausal woman whose hormone-receptor-positive, HER2-negative cancer has spread to the bones.",
         ("hr_positive", "her2_negative", "postmenopausal", "bone"),
         f"silence inside a real case: {say_nothing('HER2-negative')}; answer from what fits the rest"),
)
CASES_BY_ID = {c.id: c for c in CASES}


def _category_options(atlas: Atlas, with_none: bool = True) -> tuple:
    opts = tuple((label, cat) for cat, label in atlas.category_labels.items())
    return opts + ((NONE_LABEL, NONE),) if with_none else opts


def _cited_claims(rows: Iterable[dict], atlas: Atlas) -> tuple[Cited, ...]:
    """Distinct quotes of some claims, each cited with its stance and characteristic."""
    st = atlas["stances"].set_index("stance")["label"]
    seen, out = set(), []
    for r in rows:
        if (r["source_id"], r["quote"]) in seen:
            continue
        seen.add((r["source_id"], r["quote"]))
        extra = f"{st[r['stance']]}; {atlas.labels[r['characteristic']]}"
        if r.get("attributed_to"):
            extra += f"; attributed to {r['attributed_to']}"
        out.append(Cited(r["quote"], r["source_id"], extra))
    return tuple(out)


# -- questions, each built from the data -------------------------------------------------------------------

#: The groups whose characteristics make a case this case: a category is required only where its texts speak
#: to them (receptor status, HER2 and menopause are what almost every statement names).
DEFINING_GROUPS = ("course", "spread")


def defining(ans, atlas: Atlas | None = None) -> list[str]:
    """The characteristics of an answer's selection that decide what its key requires: those of the course or the
    places of spread that some associated category's texts speak to."""
    a = atlas_or_default(atlas)
    groups = dict(zip(a["characteristics"]["characteristic"], a["characteristics"]["group"]))
    spoken = {c for cat in ans.associated for c, _ in cat.speaks_to}
    return [c for c in ans.selection if groups.get(c) in DEFINING_GROUPS and c in spoken]


def why_kind(cat) -> str:
    """Which reason would make an associated category optional, in the order the key tests them: "implied" (it
    rests only on implied statements), "approval" (only on approvals a text reports), "qualifier" (only on
    statements a qualifier limits), else "silent" (optional only if its texts leave out a defining
    characteristic)."""
    fits = [p.statement for p in cat.fits]
    for kind in ("implied", "approval", "qualifier"):
        if all(getattr(s, kind) for s in fits):
            return kind
    return "silent"


def _why_optional(cat, defining: list, atlas: Atlas) -> str:
    """Why an associated category is optional in a key ("" when it is required): it rests only on implied
    statements, only on approvals a text reports, or only on statements a qualifier limits, or its texts do not
    speak to a characteristic that makes the case (one that another category's texts speak to)."""
    kind = why_kind(cat)
    if kind == "implied":
        return "it rests only on a statement a text implies but does not make outright"
    if kind == "approval":
        return "it rests only on an approval a text reports"
    if kind == "qualifier":
        words = join([f"\u201c{q}\u201d" for q in sorted({p.statement.qualifier for p in cat.fits})])
        return f"its texts limit it with words no choice here sets ({words})"
    spoken = {c for c, _ in cat.speaks_to}
    missing = [lower_first(atlas.labels[c]) for c in defining if c not in spoken]
    n = len(cat.sources)
    texts = "its one text does not" if n == 1 else f"its {n} texts do not"
    return f"{texts} speak to {join(missing)}" if missing else ""


def _key(ans, atlas: Atlas) -> tuple[frozenset, tuple]:
    """The required categories of an answer, and each optional one with why. A characteristic of the course or
    the places of spread makes the case only where some category's texts speak to it."""
    why = {cat.category: _why_optional(cat, defining(ans, atlas), atlas) for cat in ans.associated}
    key = frozenset(c for c, w in why.items() if not w) if ans.associated else frozenset({NONE})
    return key, tuple((c, w) for c, w in why.items() if w)


def case_key(ans, atlas: Atlas | None = None) -> tuple[frozenset, tuple]:
    """The key of any case's answer, required and optional as for :data:`CASES` (other case sets use it too)."""
    return _key(ans, atlas_or_default(atlas))


def category_options(atlas: Atlas | None = None) -> tuple:
    """The options of a case: every category, then "None: the sources say nothing about this"."""
    return _category_options(atlas_or_default(atlas))


def categories_for(characteristic: str, atlas: Atlas | None = None) -> Item:
    """Which categories do the sources associate with one characteristic? Key: :func:`mbc_atlas.answer`, less
    the categories :func:`_key` makes optional."""
    a = atlas_or_default(atlas)
    ans = answer([characteristic], a)
    label = a.labels[characteristic]
    key, why = _key(ans, a)
    intro = ("" if ans.associated else f"{upper_first(say_nothing(label + ' cancer'))}. {NOT_EVIDENCE}" if ans.silent
             else f"No statement in the texts ties {label} cancer to any treatment category on its own.")
    return Item(f"{characteristic}_categories", "multiple",
                f"Which treatment categories do the sources associate with {label} cancer? (Choose all that apply.)",
                _category_options(a), key, Explanation(intro, selection=(characteristic,)),
                f"reading the statements for one characteristic ({characteristic})"
                + (" — a silent characteristic" if not ans.associated else ""),
                optional=frozenset(c for c, _ in why), optional_why=why)


def only_after_menopause(atlas: Atlas | None = None) -> Item:
    """Which drugs do the texts set aside for women after menopause? Key: the drugs :func:`mbc_atlas.answer`
    flags for a premenopausal selection (a text's own restriction, or every statement naming the drug is
    about postmenopausal women)."""
    a = atlas_or_default(atlas)
    d = drugs(a)
    opts = tuple((f"{r['generic']} ({r['brand']})", r["generic"]) for r in d.to_dict("records"))
    ans = answer(["premenopausal"], a)
    key = frozenset(n.generic for n in ans.drugs if n.restricted)
    intro = (f"{len(key)} of the {len(d)} drugs the texts name are set aside for women after menopause: "
             f"{join(g for g in d['generic'] if g in key)}.")
    return Item("only_after_menopause", "multiple",
                "Which drugs do the texts set aside for women who have gone through menopause (a text says they "
                "work only after menopause, or describes them only for postmenopausal women)? (Choose all that apply.)",
                opts, key, Explanation(intro, restricted_for=("premenopausal",)),
                "drugs that do not suit a premenopausal selection (mbc.answer)")


def _drug_maker(atlas: Atlas, characteristic: str) -> str:
    """The source a question about "the drug maker's page" is about: the first whose kind of publisher says
    it is a drug maker's, else the first that says anything about the characteristic (from the data)."""
    src = sources(atlas)
    makers = src[src["publisher_kind"].str.contains("drug maker", case=False, regex=False)]["source_id"].tolist()
    speaking = list(dict.fromkeys(claims(atlas).query("characteristic == @characteristic")["source_id"]))
    return (makers or speaking or list(src["source_id"]))[0]


def maker_after_antiestrogen(source_id: str | None = None, characteristic: str = "progressed_on_hormonal",
                             atlas: Atlas | None = None) -> Item:
    """Which category does a drug maker's page (``source_id``; by default the source ``sources.csv`` calls a
    drug maker's) associate with growth after antiestrogen therapy? Key: its claims."""
    a = atlas_or_default(atlas)
    source_id = source_id or _drug_maker(a, characteristic)
    label = a.labels[characteristic]
    c = claims(a)
    mine = c[(c["source_id"] == source_id) & (c["characteristic"] == characteristic)]
    key = frozenset(mine["category"]) or frozenset({NONE})
    name, kind = a.source_names[source_id], a.source_kinds[source_id]
    if len(mine):
        intro = (f"The {name} ({kind}) associates it with "
                 f"{join(lower_first(a.category_labels[k]) for k in dict.fromkeys(mine['category']))}.")
        quotes = _cited_claims(mine.to_dict("records"), a)
    else:
        intro, quotes = f"The {name} ties {lower_first(label)} to no category.", ()
    dis = tuple(d["disagreement_id"] for d in disagreements(a).to_dict("records")
                if characteristic in d["characteristic"].split(";") and source_id in (d["source_a"], d["source_b"]))
    return Item("maker_after_antiestrogen", "single" if len(key) == 1 else "multiple",
                f"Which treatment category does the {name} ({kind}) associate with cancer that "
                f"{lower_first(label)} (antiestrogen therapy such as tamoxifen)?",
                _category_options(a), key, Explanation(intro, quotes=quotes, disagreements=dis),
                f"one source's claims ({source_id}, {characteristic}), read beside the disagreement it is part of")


def scope_of(category: str = "radiation", atlas: Atlas | None = None) -> Item:
    """Is a category systemic or local? Key: ``scope`` in categories.csv."""
    a = atlas_or_default(atlas)
    rec = categories(a).set_index("category").loc[category]
    scopes = list(dict.fromkeys(categories(a)["scope"]))
    return Item(f"{category}_scope", "single", f"Is {lower_first(rec['label'])} systemic or local, as the texts put it?",
                tuple((s, s) for s in scopes), frozenset({rec["scope"]}),
                Explanation(f"{rec['label']} is {rec['scope']}.", quotes=(Cited(rec["quote"], rec["source_id"]),)),
                f"the scope of a category (categories.csv, {category})")


def systemic_categories(atlas: Atlas | None = None) -> Item:
    """Which categories do the texts call systemic? Key: ``scope`` in categories.csv."""
    a = atlas_or_default(atlas)
    cats = categories(a)
    hit = cats[cats["scope"] == "systemic"]
    intro = (f"The texts call {join(hit['label'].map(lower_first))} systemic; "
             f"{join(cats[cats['scope'] != 'systemic']['label'].map(lower_first))} are local.")
    quotes = tuple(Cited(r["quote"], r["source_id"], r["label"]) for r in cats.to_dict("records"))
    return Item("systemic_categories", "multiple",
                "Which treatment categories do the texts call systemic (reaching the whole body)? (Choose all that apply.)",
                _category_options(a, with_none=False), frozenset(hit["category"]), Explanation(intro, quotes=quotes),
                "systemic vs local (categories.csv, scope)")


def second_category_of(generic: str = "tamoxifen", atlas: Atlas | None = None) -> Item:
    """Which text files a drug under a second category? Key: ``second_category_source_id`` in drugs.csv."""
    a = atlas_or_default(atlas)
    rec = drugs(a).set_index("generic").loc[generic]
    cats = a.category_labels
    opts = tuple((n, s) for s, n in a.source_names.items()) + (("No text does", NONE),)
    if rec["second_category"]:
        sid = rec["second_category_source_id"]
        key = frozenset({sid})
        explanation = Explanation(
            f"{a.source_names[sid]} also files {generic} under {lower_first(cats[rec['second_category']])}; the texts' "
            f"main category for it is {lower_first(cats[rec['category']])}.",
            quotes=(Cited(rec["second_category_quote"], sid),),
            disagreements=tuple(d["disagreement_id"] for d in disagreements(a).to_dict("records")
                                if generic in d["summary"].lower() and d["kind"] == "classification"))
    else:
        key = frozenset({NONE})
        explanation = Explanation(f"No text files {generic} under a second category.")
    return Item(f"{generic}_second_category", "single",
                f"One text also calls {generic} something other than {lower_first(cats[rec['category']])}. Which text?",
                opts, key, explanation, f"a drug filed under two categories (drugs.csv, {generic})")


def who_paid(atlas: Atlas | None = None) -> Item:
    """Which texts say, in their own words, who paid for them? Key: ``funding_basis`` in sources.csv."""
    a = atlas_or_default(atlas)
    src = sources(a)
    hit = src[src["funding_basis"] == "stated"]
    intro = (f"{join(hit['short_name'])} say{'s' if len(hit) == 1 else ''} who paid for "
             f"{'it' if len(hit) == 1 else 'them'}:")
    quotes = tuple(Cited(p, r["source_id"]) for r in hit.to_dict("records") for p in r["funding"].split("; "))
    inferred = src[src["funding_basis"] == "inferred"]
    after = (f"For {join(inferred['short_name'])} only the editors infer it: {'; '.join(inferred['funding'])}."
             if len(inferred) else "")
    return Item("who_paid", "multiple", "Which texts say, in their own words, who paid for them? (Choose all that apply.)",
                tuple(zip(src["short_name"], src["source_id"])), frozenset(hit["source_id"]),
                Explanation(intro, quotes=quotes, after=after),
                "appraisal: disclosure of funding (sources.csv, funding_basis = stated)")


#: The questions of notebook 08, in order: id -> builder.
QUESTIONS = {
    "systemic_categories": systemic_categories,
    "radiation_scope": lambda atlas=None: scope_of("radiation", atlas),
    "her2_positive_categories": lambda atlas=None: categories_for("her2_positive", atlas),
    "her2_negative_categories": lambda atlas=None: categories_for("her2_negative", atlas),
    "only_after_menopause": only_after_menopause,
    "maker_after_antiestrogen": lambda atlas=None: maker_after_antiestrogen(atlas=atlas),
    "tamoxifen_second_category": lambda atlas=None: second_category_of("tamoxifen", atlas),
    "who_paid": who_paid,
}


def question(qid: str, atlas: Atlas | None = None) -> Item:
    """One question, built from the data."""
    if qid not in QUESTIONS:
        raise ValueError(f"unknown question {qid!r}; known: {', '.join(QUESTIONS)}")
    return QUESTIONS[qid](atlas=atlas)


def case_item(case_id: str, atlas: Atlas | None = None) -> Item:
    """A case vignette as a question: which categories do the texts associate? Key: :func:`mbc_atlas.answer`;
    the explanation is the explorer's own answer for the case."""
    if case_id not in CASES_BY_ID:
        raise ValueError(f"unknown case {case_id!r}; known: {', '.join(CASES_BY_ID)}")
    a = atlas_or_default(atlas)
    case = CASES_BY_ID[case_id]
    ans = answer(list(case.selection), a)
    key, why = _key(ans, a)
    return Item(case.id, "multiple",
                "Which treatment categories do the texts associate with this whole situation? (Choose all that apply.)",
                _category_options(a), key, Explanation(selection=ans.selection), case.checks,
                story=case.story, selection=ans.selection,
                selection_labels=tuple(a.labels[c] for c in ans.selection),
                optional=frozenset(c for c, _ in why), optional_why=why)


def items(atlas: Atlas | None = None) -> list[Item]:
    """Every question, then every case."""
    a = atlas_or_default(atlas)
    return [question(q, a) for q in QUESTIONS] + [case_item(c.id, a) for c in CASES]


def grade(item: Item, chosen) -> bool:
    """True when the chosen values hold the whole key and nothing else but optional values (a category whose
    support does not speak to the whole case is neither required nor wrong).

    >>> grade(question("radiation_scope"), {"local"})
    True
    """
    chosen = {chosen} if isinstance(chosen, str) else set(chosen)
    return set(item.key) <= chosen <= set(item.key) | set(item.optional)


def silent_sentence(atlas: Atlas | None = None) -> str:
    """In words: the characteristics the sources say nothing about, and what to answer there."""
    return evidence_silent_sentence(atlas, so=f"the right answer there is \u201c{NONE_LABEL}\u201d")


# -- the answer key, for the instructor guide ------------------------------------------------------------------

def answer_key(atlas: Atlas | None = None) -> pd.DataFrame:
    """Every item's key as labels, computed from the data (for the instructor guide)."""
    return pd.DataFrame([{"id": it.id, "kind": "case" if it.story else it.kind, "prompt": it.story or it.prompt,
                          "selection": "; ".join(it.selection), "answer": "; ".join(it.key_labels),
                          "checks": it.checks} for it in items(atlas)])


def answer_key_markdown(atlas: Atlas | None = None) -> str:
    """The answer key as Markdown, for ``docs/instructor_guide.md`` (:func:`main` rewrites it there)."""
    a = atlas_or_default(atlas)
    lines = ["| # | question | answer (computed from data/) | what it checks |", "|---|---|---|---|"]
    questions = [it for it in items(a) if not it.story]
    for k, it in enumerate(questions, start=1):
        lines.append(f"| Q{k} | {it.prompt.replace('|', '/')} | {'; '.join(it.key_labels)} | {it.checks} |")
    lines += ["", "| case | characteristic ids | required (and which texts) | optional, and why | what it checks |",
              "|---|---|---|---|---|"]
    for c in CASES:
        ans, it = answer(list(c.selection), a), case_item(c.id, a)
        cats = "; ".join(f"{x.label} ({', '.join(a.names(x.sources))})" for x in ans.associated
                         if x.category in it.key) or NONE_LABEL.lower()
        why = "; ".join(f"{it.label(v)}: {w}" for v, w in it.optional_why) or "\u2014"
        lines.append(f"| {c.story} | `{', '.join(ans.selection)}` | {cats} | {why} | {c.checks} |")
    return "\n".join(lines)


GUIDE_START = ('<!-- answer-key:start (generated by `python -c "import mbc_atlas; mbc_atlas.quiz.main()"`; '
               'do not edit by hand) -->')
GUIDE_END = "<!-- answer-key:end -->"
GUIDE = Path(__file__).resolve().parents[3] / "docs" / "instructor_guide.md"


def update_guide(path: str | Path, atlas: Atlas | None = None) -> bool:
    """Rewrite the answer-key block of the instructor guide from the data; return True if it changed."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    start, end = text.index(GUIDE_START) + len(GUIDE_START), text.index(GUIDE_END)
    new = text[:start] + "\n" + answer_key_markdown(atlas) + "\n" + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def main(path: str | Path = GUIDE) -> int:
    """Rewrite the instructor guide's answer key from the data and say so.

    Run it as ``python -c "import mbc_atlas; mbc_atlas.quiz.main()"`` after editing ``data/``.
    """
    print(f"{path}: {'updated' if update_guide(path) else 'already up to date'}")
    return 0
