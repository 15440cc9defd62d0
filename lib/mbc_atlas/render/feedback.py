"""What the self-check and the appraisal checklist say back to the learner, as HTML (the widgets in
:mod:`mbc_atlas.widgets` set it as an HTML widget's value): an item's explanation, right-or-not feedback,
the score, and the checklist's summary and its comparison with the reference answers.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..analysis import appraisal
from ..analysis.evidence import disagreement
from ..analysis.quiz import Explanation, Item, grade
from ..load import Atlas, atlas_or_default
from ..query import answer
from ..words import lower_first
from . import html
from .answer import render_template, view
from .html import Html, el
from .tables import jama_comparison_table

__all__ = ["explanation_html", "feedback_html", "general_feedback_html", "verdict_html", "key_words", "optional_html",
           "prompt_html", "score_html", "question_html", "checklist_summary_html", "checklist_reference_html"]


def explanation_html(item: Item | Explanation, atlas: Atlas | None = None) -> Html:
    """Why the answer is what it is, with the quotes and their sources (and, for a case, the explorer's
    own answer for its selection: the same renderer, so case feedback and the explorer cannot drift apart)."""
    x = item.explanation if isinstance(item, Item) else item
    v = view(atlas)
    parts: list = [el("p", x.intro) if x.intro else None]
    if x.selection is not None:
        p = v.parts(answer(x.selection, v.atlas), "The case:")
        parts += [p.summary, p.answer]
    if x.restricted_for is not None:
        parts.append(v.restrictions(answer(x.restricted_for, v.atlas)))
    parts += [v.quote(q.quote, q.source_id, extra=q.extra) for q in x.quotes]
    parts.append(el("p", x.after) if x.after else None)
    parts += [v.disagreement(disagreement(d, v.atlas)) for d in x.disagreements]
    return html.join(parts)


def feedback_html(item: Item, chosen: str | Iterable[str | None], atlas: Atlas | None = None) -> Html:
    """What the learner sees after checking: right or not, what was missed or added, and the explanation
    with its quotes."""
    chosen = {chosen} if isinstance(chosen, str) else {c for c in chosen if c is not None}
    if not chosen:
        return render_template("feedback.html.j2", f={"empty": True})
    missed = [item.label(v) for _, v in item.options if v in item.key and v not in chosen]
    extra = [item.label(v) for _, v in item.options if v in chosen and v not in item.key]
    return verdict_html(item, grade(item, chosen), missed, extra) + general_feedback_html(item, atlas)


def verdict_html(item: Item, right: bool, missed: Iterable[str] = (), extra: Iterable[str] = ()) -> Html:
    """Right or not, the options the learner missed or added, and the answer in words (feedback.html.j2)."""
    return render_template("feedback.html.j2", f={"empty": False, "right": right, "missed": list(missed),
                                                  "extra": list(extra), "answer": key_words(item)})


def general_feedback_html(item: Item, atlas: Atlas | None = None) -> Html:
    """What follows right-or-not, whatever was chosen: the optional categories with why, then the explanation
    with its quotes (also the general feedback of the question banks, :mod:`mbc_atlas.render.question_bank`)."""
    return optional_html(item) + el("div", explanation_html(item, atlas), cls="explanation")


def key_words(item: Item) -> str:
    """The right answer in words (a case whose every category is optional needs none of them)."""
    return "; ".join(item.key_labels) or "none is needed, and any of the optional ones below is right"


def optional_html(item: Item) -> Html:
    """The categories that are neither required nor wrong, each with why (empty when there are none)."""
    why = dict(item.optional_why)
    parts = [f"{item.label(v)} ({why[v]})" for _, v in item.options if v in why]
    if not parts:
        return Html()
    return el("p", f"Optional, either way (neither needed nor wrong): {'; '.join(parts)}. See the quotes below.",
              cls="feedback-optional")


def prompt_html(item: Item) -> Html:
    """The question (with a case's story and characteristics above it)."""
    head = el("p", el("strong", item.prompt))
    if item.story:
        head = el("p", el("strong", "Case."), f" {item.story}", html.BR, el("em", "Characteristics:"),
                  f" {'; '.join(item.selection_labels)}", cls="case") + head
    return head


def score_html(results: Iterable[tuple[Item, bool | None]]) -> Html:
    """The running score: how many items are right, how many answered, and each item's state."""
    results = list(results)
    done = [r for _, r in results if r is not None]
    status = {True: "\u2714 right", False: "\u2718 not yet right", None: "\u2013 not answered"}
    rows = [el("li", f"{status[r]}: {it.story or it.prompt}") for it, r in results]
    count = render_template("feedback.html.j2", s={"right": sum(done), "answered": len(done), "total": len(results)})
    return el("div", el("strong", "Your score:"), " ", count, " Nothing leaves this computer.", el("ul", rows, cls="list"),
              cls="score", role="status", aria_live="polite")


def question_html(number: int, words: str) -> Html:
    """A numbered question of an instrument."""
    return el("strong", f"{number}.") + " " + words


# -- the appraisal checklist --------------------------------------------------------------------------------

def checklist_summary_html(source_id: str, ticks: dict, ratings: dict, atlas: Atlas | None = None) -> Html:
    """What the learner has entered for one text, in words (the checklist's live summary)."""
    a = atlas_or_default(atlas)
    met = [appraisal.JAMA_BY_ID[b].name for b in appraisal.JAMA_BY_ID if ticks.get(b)]
    d = appraisal.discern_summary(ratings)
    rated = lambda value: "not rated yet" if value is None else f"{value}"
    overall = "not rated yet" if d["overall"] is None else f"{d['overall']} ({appraisal.OVERALL_WORDS[d['overall']]})"
    items = [f"JAMA benchmarks you ticked as met: {appraisal.jama_score(ticks)} of {len(appraisal.JAMA)}"
             + (f" ({', '.join(met)})" if met else ""),
             f"DISCERN questions rated: {d['rated']} of {len(appraisal.DISCERN)}",
             f"DISCERN section 1 (reliability), mean rating: {rated(d['reliability'])}",
             f"DISCERN section 2 (treatment choices), mean rating: {rated(d['treatment'])}",
             f"DISCERN overall rating (question 16): {overall}"]
    return el("div", el("strong", f"Your appraisal of {a.source_names[source_id]}"),
              el("ul", [el("li", i) for i in items], cls="list"),
              cls=("appraisal-summary", "box"), role="status", aria_live="polite")


def checklist_reference_html(source_id: str, ticks: dict, atlas: Atlas | None = None) -> Html:
    """The learner's JAMA ticks beside the reference answers and their evidence, plus the evidence for
    DISCERN questions 4 and 5."""
    a = atlas_or_default(atlas)
    c = appraisal.compare_with_reference(source_id, ticks, a)
    r = c.set_index("benchmark")
    discern = [el("li", f"DISCERN question {n} ({appraisal.DISCERN[n - 1].text}): the same evidence as "
                        f"{lower_first(appraisal.JAMA_BY_ID[b].name)}: {r.loc[b, 'evidence']}")
               for n, b in appraisal.DISCERN_EVIDENCE.items()]
    return el("div",
              el("p", el("strong", f"{a.source_names[source_id]}: you and the reference agree on "
                                   f"{int(c['agree'].sum())} of {len(c)} JAMA benchmarks."),
                 " The reference answers only the question beside each benchmark, from what the text states "
                 "about itself."),
              Html(jama_comparison_table(source_id, ticks, a).to_html()),
              el("p", "DISCERN asks for judgement, so the collection gives no reference ratings. Evidence for two "
                      "of its questions:"), el("ul", discern, cls="list"),
              cls="appraisal-reference")

