"""Self-check questions and case vignettes whose answer keys are computed from ``data/`` (notebook 08).

No key is typed by hand: each question is built by a function that reads the claims, drugs, categories or
sources, and each case is a list of characteristic ids whose key is :func:`mbc_atlas.answer`. Change the
data and the keys, the options and the feedback follow.

Widgets show their feedback by setting an HTML widget's ``.value`` (never by printing), so a plain test can
choose an answer, press the button and read what the learner would see::

    check = self_check()
    q = check.widgets["radiation_scope"]
    q.choices.value = "local"; q.button.click(); q.feedback.value

Nothing leaves the machine: answers and the score live in memory only.

>>> sorted(question("her2_positive_categories").key)
['chemotherapy', 'targeted']
>>> sorted(case_item("case_negative_liver").key)
['chemotherapy']
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

import pandas as pd

from .load import Atlas
from .render.answer import view
from .query import SEP, _atlas, answer, categories, characteristics, claims, disagreements, drugs, sources

NONE = "none"
NONE_LABEL = "None: the sources say nothing about this"


@dataclass(frozen=True)
class Item:
    """One question (or case): what is asked, the options, the key, and the explanation that rests on quotes."""

    id: str
    kind: str                 # "single" (choose one) or "multiple" (choose all that apply)
    prompt: str
    options: tuple            # (label, value) pairs
    key: frozenset            # the values that make the right answer
    explanation: str          # HTML: why, with the quotes and their sources
    checks: str               # what the item checks, for the instructor guide
    story: str = ""           # a case's vignette (cases only)
    selection: tuple = ()     # a case's characteristic ids (cases only)
    selection_labels: tuple = ()
    optional: frozenset = frozenset()  # values that are neither required nor wrong (a category only implied)

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
         "a local category from the place of spread; drugs a text restricts before menopause"),
    Case("case_negative_liver",
         "A woman whose hormone-receptor-negative cancer has spread to the liver.",
         ("hr_negative", "liver"),
         "a selection few texts speak to: count the texts behind each category, not only the categories"),
    Case("case_single_brain",
         "A woman with a single metastasis in the brain, in a place surgery can reach.",
         ("brain", "isolated_metastasis"),
         "local therapy: categories tied to the place of spread and to a single reachable tumour"),
    Case("case_her2_negative",
         "A postmenopausal woman whose hormone-receptor-positive, HER2-negative cancer has spread to the bones.",
         ("hr_positive", "her2_negative", "postmenopausal", "bone"),
         "silence inside a real case: the texts say nothing about HER2-negative; answer from what fits the rest"),
)
CASES_BY_ID = {c.id: c for c in CASES}


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------

def _names(atlas: Atlas) -> dict:
    src = sources(atlas)
    return dict(zip(src["source_id"], src["short_name"]))


def _join(words) -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _quote(quote: str, source_id: str, atlas: Atlas, extra: str = "") -> str:
    from .lesson import quote_html

    return quote_html(quote, source_id, atlas, extra)


def _category_options(atlas: Atlas, with_none=True) -> tuple:
    cats = categories(atlas)
    opts = tuple(zip(cats["label"], cats["category"]))
    return opts + ((NONE_LABEL, NONE),) if with_none else opts


def _claims_html(rows, atlas: Atlas, labels=None) -> str:
    """Distinct quotes of some claims, each cited with its source, stance and characteristic."""
    from .query import stances

    st = stances(atlas).set_index("stance")["label"]
    labels = labels if labels is not None else characteristics(atlas).set_index("characteristic")["label"]
    seen, out = set(), []
    for r in rows:
        if (r["source_id"], r["quote"]) in seen:
            continue
        seen.add((r["source_id"], r["quote"]))
        extra = f"{st[r['stance']]}; {labels[r['characteristic']]}"
        if r.get("attributed_to"):
            extra += f"; attributed to {r['attributed_to']}"
        out.append(_quote(r["quote"], r["source_id"], atlas, extra))
    return "".join(out)


def _disagreement_html(d: dict, atlas: Atlas) -> str:
    return (f'<div class="mbc-quiz-disagreement"><p><strong>The texts differ here</strong> '
            f'(<code>{escape(d["disagreement_id"])}</code>): {escape(d["summary"])}</p>'
            + _quote(d["quote_a"], d["source_a"], atlas) + _quote(d["quote_b"], d["source_b"], atlas) + "</div>")


# --------------------------------------------------------------------------------------------------
# Questions, each built from the data
# --------------------------------------------------------------------------------------------------

def categories_for(characteristic: str, atlas: Atlas | None = None) -> Item:
    """Which categories do the sources associate with one characteristic? Key: :func:`mbc_atlas.answer`."""
    a = _atlas(atlas)
    ans = answer([characteristic], a)
    label = characteristics(a).set_index("characteristic").loc[characteristic, "label"]
    assoc = ans.associated
    key = frozenset(c.category for c in assoc if not c.only_implied) or frozenset({NONE})
    optional = frozenset(c.category for c in assoc if c.only_implied)
    if assoc:
        explanation = case_answer_html([characteristic], a)
    else:
        explanation = (f"<p>No statement in the texts ties {escape(label)} cancer to any treatment category on "
                       f"its own. Silence is not evidence either way.</p>" + case_answer_html([characteristic], a))
    return Item(f"{characteristic}_categories", "multiple",
                f"Which treatment categories do the sources associate with {label} cancer? (Choose all that apply.)",
                _category_options(a), key, explanation,
                f"reading the statements for one characteristic ({characteristic})"
                + (" — a silent characteristic" if not assoc else ""))


def only_after_menopause(atlas: Atlas | None = None) -> Item:
    """Which drugs do the texts set aside for women after menopause? Key: the drugs :func:`mbc_atlas.answer`
    flags for a premenopausal selection (a text's own restriction, or every statement naming the drug is
    about postmenopausal women)."""
    a = _atlas(atlas)
    d = drugs(a)
    opts = tuple((f"{r['generic']} ({r['brand']})", r["generic"]) for r in d.to_dict("records"))
    ans = answer(["premenopausal"], a)
    key = frozenset(n.generic for n in ans.drugs if n.restricted)
    explanation = (f"<p>{len(key)} of the {len(d)} drugs the texts name are set aside for women after menopause: "
                   f"{escape(_join(g for g in d['generic'] if g in key))}.</p>" + view(a).drugs(ans, restricted_only=True))
    return Item("only_after_menopause", "multiple",
                "Which drugs do the texts set aside for women who have gone through menopause (a text says they "
                "work only after menopause, or describes them only for postmenopausal women)? (Choose all that apply.)",
                opts, key, explanation, "drugs that do not suit a premenopausal selection (mbc.answer)")


def maker_after_antiestrogen(source_id: str = "faslodex_site", characteristic: str = "progressed_on_hormonal",
                             atlas: Atlas | None = None) -> Item:
    """Which category does the drug maker's page associate with growth after antiestrogen therapy? Key: its claims."""
    a = _atlas(atlas)
    src = sources(a).set_index("source_id")
    label = characteristics(a).set_index("characteristic").loc[characteristic, "label"]
    c = claims(a)
    mine = c[(c["source_id"] == source_id) & (c["characteristic"] == characteristic)]
    cats = categories(a).set_index("category")
    key = frozenset(mine["category"]) or frozenset({NONE})
    name, kind = src.loc[source_id, "short_name"], src.loc[source_id, "publisher_kind"]
    if len(mine):
        parts = [f"<p>The {escape(name)} ({escape(kind)}) associates it with "
                 f"{escape(_join(cats.loc[k, 'label'].lower() for k in dict.fromkeys(mine['category'])))}.</p>",
                 _claims_html(mine.to_dict("records"), a)]
    else:
        parts = [f"<p>The sources say nothing about this: the {escape(name)} ties {escape(label.lower())} to no category.</p>"]
    for d in disagreements(a).to_dict("records"):
        if d["characteristic"] == characteristic and source_id in (d["source_a"], d["source_b"]):
            parts.append(_disagreement_html(d, a))
    return Item("maker_after_antiestrogen", "single" if len(key) == 1 else "multiple",
                f"Which treatment category does the {name} ({kind}) associate with cancer that "
                f"{label[:1].lower() + label[1:]} (antiestrogen therapy such as tamoxifen)?",
                _category_options(a), key, "".join(parts),
                f"one source's claims ({source_id}, {characteristic}), read beside the disagreement it is part of")


def scope_of(category: str = "radiation", atlas: Atlas | None = None) -> Item:
    """Is a category systemic or local? Key: ``scope`` in categories.csv."""
    a = _atlas(atlas)
    cats = categories(a).set_index("category")
    rec = cats.loc[category]
    scopes = list(dict.fromkeys(categories(a)["scope"]))
    return Item(f"{category}_scope", "single", f"Is {rec['label'].lower()} systemic or local, as the texts put it?",
                tuple((s, s) for s in scopes), frozenset({rec["scope"]}),
                f"<p>{escape(rec['label'])} is {escape(rec['scope'])}.</p>" + _quote(rec["quote"], rec["source_id"], a),
                f"the scope of a category (categories.csv, {category})")


def systemic_categories(atlas: Atlas | None = None) -> Item:
    """Which categories do the texts call systemic? Key: ``scope`` in categories.csv."""
    a = _atlas(atlas)
    cats = categories(a)
    hit = cats[cats["scope"] == "systemic"]
    parts = [f"<p>The texts call {escape(_join(hit['label'].str.lower()))} systemic; "
             f"{escape(_join(cats[cats['scope'] != 'systemic']['label'].str.lower()))} are local.</p>"]
    parts += [_quote(r["quote"], r["source_id"], a, r["label"]) for r in cats.to_dict("records")]
    return Item("systemic_categories", "multiple",
                "Which treatment categories do the texts call systemic (reaching the whole body)? (Choose all that apply.)",
                _category_options(a, with_none=False), frozenset(hit["category"]), "".join(parts),
                "systemic vs local (categories.csv, scope)")


def second_category_of(generic: str = "tamoxifen", atlas: Atlas | None = None) -> Item:
    """Which text files a drug under a second category? Key: ``second_category_source_id`` in drugs.csv."""
    a = _atlas(atlas)
    d = drugs(a).set_index("generic")
    rec = d.loc[generic]
    names = _names(a)
    cats = categories(a).set_index("category")["label"]
    opts = tuple((n, s) for s, n in names.items()) + (("No text does", NONE),)
    if rec["second_category"]:
        key = frozenset({rec["second_category_source_id"]})
        expl = (f"<p>{escape(names[rec['second_category_source_id']])} also files {escape(generic)} under "
                f"{escape(cats[rec['second_category']].lower())}; the texts' main category for it is "
                f"{escape(cats[rec['category']].lower())}.</p>"
                + _quote(rec["second_category_quote"], rec["second_category_source_id"], a))
        for dis in disagreements(a).to_dict("records"):
            if generic in dis["summary"].lower() and dis["kind"] == "classification":
                expl += _disagreement_html(dis, a)
    else:
        key = frozenset({NONE})
        expl = f"<p>No text files {escape(generic)} under a second category.</p>"
    return Item(f"{generic}_second_category", "single",
                f"One text also calls {generic} something other than {cats[rec['category']].lower()}. Which text?",
                opts, key, expl, f"a drug filed under two categories (drugs.csv, {generic})")


def who_paid(atlas: Atlas | None = None) -> Item:
    """Which texts say, in their own words, who paid for them? Key: ``funding_basis`` in sources.csv."""
    a = _atlas(atlas)
    src = sources(a)
    hit = src[src["funding_basis"] == "stated"]
    parts = [f"<p>{escape(_join(hit['short_name']))} say{'s' if len(hit) == 1 else ''} who paid for "
             f"{'it' if len(hit) == 1 else 'them'}:</p>"]
    parts += [_quote(p, r["source_id"], a) for r in hit.to_dict("records") for p in r["funding"].split("; ")]
    inferred = src[src["funding_basis"] == "inferred"]
    if len(inferred):
        parts.append("<p>For " + escape(_join(inferred["short_name"])) + " only the editors infer it: "
                     + escape("; ".join(inferred["funding"])) + ".</p>")
    return Item("who_paid", "multiple", "Which texts say, in their own words, who paid for them? (Choose all that apply.)",
                tuple(zip(src["short_name"], src["source_id"])), frozenset(hit["source_id"]), "".join(parts),
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


# --------------------------------------------------------------------------------------------------
# Cases: the key is mbc.answer(selection)
# --------------------------------------------------------------------------------------------------

def case_answer_html(ids, atlas: Atlas | None = None) -> str:
    """What the explorer shows for a selection, as HTML (without its grid): the same renderer, so the case
    feedback and the explorer cannot drift apart."""
    v = view(_atlas(atlas))
    parts = v.parts(answer(ids, v.atlas))
    return parts.summary + parts.answer


def case_item(case_id: str, atlas: Atlas | None = None) -> Item:
    """A case vignette as a question: which categories do the texts associate? Key: :func:`mbc_atlas.answer`."""
    if case_id not in CASES_BY_ID:
        raise ValueError(f"unknown case {case_id!r}; known: {', '.join(CASES_BY_ID)}")
    a = _atlas(atlas)
    case = CASES_BY_ID[case_id]
    ans = answer(list(case.selection), a)
    key = frozenset(c.category for c in ans.associated if not c.only_implied) or frozenset({NONE})
    labels = characteristics(a).set_index("characteristic")["label"]
    return Item(case.id, "multiple",
                "Which treatment categories do the texts associate with this whole situation? (Choose all that apply.)",
                _category_options(a), key, case_answer_html(case.selection, a), case.checks,
                story=case.story, selection=ans.selection,
                selection_labels=tuple(labels[c] for c in ans.selection),
                optional=frozenset(c.category for c in ans.associated if c.only_implied))


def items(atlas: Atlas | None = None) -> list:
    """Every question, then every case."""
    a = _atlas(atlas)
    return [question(q, a) for q in QUESTIONS] + [case_item(c.id, a) for c in CASES]


# --------------------------------------------------------------------------------------------------
# Grading and feedback
# --------------------------------------------------------------------------------------------------

def grade(item: Item, chosen) -> bool:
    """True when the chosen values hold the whole key and nothing else but optional values (a category that
    rests only on an implied statement is neither required nor wrong).

    >>> grade(question("radiation_scope"), {"local"})
    True
    """
    chosen = {chosen} if isinstance(chosen, str) else set(chosen)
    return set(item.key) <= chosen <= set(item.key) | set(item.optional)


def feedback_html(item: Item, chosen) -> str:
    """What the learner sees after checking: right or not, what was missed or added, and the explanation
    with its quotes."""
    chosen = {chosen} if isinstance(chosen, str) else set(c for c in chosen if c is not None)
    if not chosen:
        return '<p class="mbc-feedback-empty" role="status">Choose an answer first, then press the button.</p>'
    right = grade(item, chosen)
    key = [item.label(v) for _, v in item.options if v in item.key]
    if right:
        head = (f'<p class="mbc-feedback-right" role="status" style="border-left:6px solid #009E73;padding:4px 10px">'
                f"<strong>\u2714 Right.</strong> The answer is: {escape('; '.join(key))}.</p>")
    else:
        missed = [item.label(v) for _, v in item.options if v in item.key and v not in chosen]
        extra = [item.label(v) for _, v in item.options if v in chosen and v not in item.key]
        bits = []
        if missed:
            bits.append(f"You left out: {escape('; '.join(missed))}.")
        if extra:
            bits.append(f"Not in the answer: {escape('; '.join(extra))}.")
        head = (f'<p class="mbc-feedback-wrong" role="status" style="border-left:6px dashed #D55E00;padding:4px 10px">'
                f"<strong>\u2718 Not quite.</strong> {' '.join(bits)} The answer is: {escape('; '.join(key))}.</p>")
    optional = [item.label(v) for _, v in item.options if v in item.optional]
    if optional:
        head += (f'<p class="mbc-feedback-optional">Optional, either way: {escape("; ".join(optional))}. '
                 f"It rests only on a statement the text implies but does not make outright (see its quote "
                 f"below).</p>")
    return head + f'<div class="mbc-explanation">{item.explanation}</div>'


def answer_key(atlas: Atlas | None = None) -> pd.DataFrame:
    """Every item's key as labels, computed from the data (for the instructor guide)."""
    rows = []
    for it in items(atlas):
        rows.append({"id": it.id, "kind": "case" if it.story else it.kind, "prompt": it.story or it.prompt,
                     "selection": "; ".join(it.selection), "answer": "; ".join(it.key_labels), "checks": it.checks})
    return pd.DataFrame(rows)


def answer_key_markdown(atlas: Atlas | None = None) -> str:
    """The answer key as Markdown, for ``docs/instructor_guide.md`` (:func:`main` rewrites it there)."""
    a = _atlas(atlas)
    names = _names(a)
    lines = ["| # | question | answer (computed from data/) | what it checks |", "|---|---|---|---|"]
    k = 0
    for it in items(a):
        if it.story:
            continue
        k += 1
        lines.append(f"| Q{k} | {it.prompt.replace('|', '/')} | {'; '.join(it.key_labels)} | {it.checks} |")
    lines += ["", "| case | characteristic ids | categories the texts associate (and which texts) | what it checks |",
              "|---|---|---|---|"]
    for c in CASES:
        ans = answer(list(c.selection), a)
        cats = "; ".join(f"{x.label} ({', '.join(names[s] for s in x.sources)})" for x in ans.associated) \
            or "none: the sources say nothing about this"
        lines.append(f"| {c.story} | `{', '.join(ans.selection)}` | {cats} | {c.checks} |")
    return "\n".join(lines)


def silent_characteristics(atlas: Atlas | None = None) -> list:
    """The labels of the characteristics no text ties to any category.

    >>> "HER2-negative" in silent_characteristics()
    True
    """
    a = _atlas(atlas)
    ch = characteristics(a)
    tied = set(claims(a)["characteristic"])
    return [lab for c, lab in zip(ch["characteristic"], ch["label"]) if c not in tied]


def silent_sentence(atlas: Atlas | None = None) -> str:
    """In words: the characteristics the sources say nothing about."""
    silent = silent_characteristics(atlas)
    if not silent:
        return "Every characteristic in the explorer is tied to at least one category by at least one text."
    return (f"The sources say nothing about {_join(silent)}: no text ties "
            f"{'it' if len(silent) == 1 else 'them'} to any treatment category, so the right answer there is "
            f"\u201c{NONE_LABEL}\u201d.")


# --------------------------------------------------------------------------------------------------
# Widgets
# --------------------------------------------------------------------------------------------------

class QuestionWidget:
    """One question: the choices (radio buttons, or one checkbox per option), a "Check my answer" button, and
    the feedback (an HTML widget whose ``.value`` is set on each check)."""

    def __init__(self, item: Item, on_check=None):
        import ipywidgets as w

        self.item = item
        self._on_check = on_check
        head = f"<p><strong>{escape(item.prompt)}</strong></p>"
        if item.story:
            head = (f'<p style="border-left:4px solid #0072B2;padding:4px 10px;margin:4px 0"><strong>Case.</strong> '
                    f"{escape(item.story)}<br><em>Characteristics:</em> {escape('; '.join(item.selection_labels))}"
                    f"</p>{head}")
        self.prompt = w.HTML(head)
        if item.kind == "single":
            self.choices = w.RadioButtons(options=list(item.options), value=None, layout=w.Layout(width="auto"))
            controls = [self.choices]
        else:
            self.choices = {v: w.Checkbox(value=False, description=lab, indent=False, layout=w.Layout(width="auto"))
                            for lab, v in item.options}
            controls = list(self.choices.values())
        self.button = w.Button(description="Check my answer", tooltip="Check your answer against the texts")
        self.button.on_click(self._check)
        self.feedback = w.HTML()
        self.widget = w.VBox([self.prompt, *controls, self.button, self.feedback])
        self.result = None          # None until checked, then True/False for the latest check

    def chosen(self) -> set:
        if self.item.kind == "single":
            return {self.choices.value} if self.choices.value is not None else set()
        return {v for v, cb in self.choices.items() if cb.value}

    def _check(self, _button=None):
        chosen = self.chosen()
        self.feedback.value = feedback_html(self.item, chosen)
        self.result = grade(self.item, chosen) if chosen else None
        if self._on_check:
            self._on_check()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class SelfCheck:
    """All questions and cases of notebook 08, with a running score (kept in memory only)."""

    def __init__(self, atlas: Atlas | None = None):
        import ipywidgets as w

        self.atlas = _atlas(atlas)
        self.items = items(self.atlas)
        self.widgets = {it.id: QuestionWidget(it, self._update) for it in self.items}
        self.score = w.HTML()
        self._update()

    def show(self, item_id: str):
        """The widget of one question or case, to display in a cell."""
        if item_id not in self.widgets:
            raise ValueError(f"unknown item {item_id!r}; known: {', '.join(self.widgets)}")
        return self.widgets[item_id]

    def score_html(self) -> str:
        n = len(self.widgets)
        done = [q for q in self.widgets.values() if q.result is not None]
        right = sum(q.result for q in done)
        status = {True: "\u2714 right", False: "\u2718 not yet right", None: "\u2013 not answered"}
        rows = "".join(f"<li>{status[q.result]}: {escape(q.item.story or q.item.prompt)}</li>"
                       for q in self.widgets.values())
        return (f'<div class="mbc-score" role="status" aria-live="polite" style="border:2px solid #0072B2;padding:6px 12px;'
                f'color:#111"><strong>Your score: {right} of {n} right</strong> ({len(done)} of {n} answered). '
                f"Nothing leaves this computer.<ul style=\"margin:4px 0\">{rows}</ul></div>")

    def _update(self):
        self.score.value = self.score_html()


def self_check(atlas: Atlas | None = None) -> SelfCheck:
    """A new self-check: ``check.show(item_id)`` for each question or case, ``check.score`` at the end."""
    return SelfCheck(atlas)


# --------------------------------------------------------------------------------------------------
# Keeping the instructor guide's answer key in step with the data
# --------------------------------------------------------------------------------------------------

GUIDE_START = ('<!-- answer-key:start (generated by `python -c "import mbc_atlas; mbc_atlas.quiz.main()"`; '
               'do not edit by hand) -->')
GUIDE_END = "<!-- answer-key:end -->"
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "instructor_guide.md"


def update_guide(path, atlas: Atlas | None = None) -> bool:
    """Rewrite the answer-key block of the instructor guide from the data; return True if it changed."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    start, end = text.index(GUIDE_START) + len(GUIDE_START), text.index(GUIDE_END)
    new = text[:start] + "\n" + answer_key_markdown(atlas) + "\n" + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def main(path=GUIDE) -> int:
    """Rewrite the instructor guide's answer key from the data and say so.

    Run it as ``python -c "import mbc_atlas; mbc_atlas.quiz.main()"`` after editing ``data/``.
    """
    print(f"{path}: {'updated' if update_guide(path) else 'already up to date'}")
    return 0
