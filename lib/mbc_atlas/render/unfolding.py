"""The unfolding case (notebook 11) as the learner sees it: each step's story and task, then, folded, the texts'
answer for the step's whole selection (the explorer's own renderer) with the key it gives, the passages the step
quotes, and the editors' model answer and note, fenced and cited."""
from __future__ import annotations

from ..analysis import unfolding
from ..analysis.quiz import Item
from ..load import Atlas, atlas_or_default
from ..words import upper_first
from . import html, prose
from .answer import scenario_html
from .editors import fence, note_box
from .feedback import key_words, optional_html
from .html import Html, el

__all__ = ["cjmm_html", "story_html", "unchanged_html", "key_html", "answers_html"]


def cjmm_html(atlas: Atlas | None = None) -> Html:
    """The six steps of clinical judgement, each in plain words (the editors' paraphrase), with the source of the
    model."""
    items = [el("li", el("strong", upper_first(name)), f": {what}.") for name, what in unfolding.CJMM.items()]
    return html.join([el("p", "The NCSBN Clinical Judgment Measurement Model names six steps that a nurse's clinical "
                              "judgement goes through. Each step of Ruth's story asks for one of them:", cls="para"),
                      el("ol", items, cls="list"),
                      el("p", "NCSBN built the model to measure clinical judgement (it is the basis of the NCLEX "
                              "clinical-judgement items); its authors say it was not designed to replace the frameworks "
                              "used to teach clinical judgement. NCSBN's definition calls clinical judgement \u201can "
                              "iterative process\u201d; in an unfolding case that means, in the editors' words, going "
                              "back through the steps whenever new cues appear.", cls="para"),
                      el("p", f"Source: {unfolding.CJMM_CITATION}.", cls="editors-cite")])


def _sentence(title: str) -> str:
    """A title as a sentence: a full stop, unless it already ends in one (or in a question or exclamation mark)."""
    return title if title.rstrip().endswith((".", "?", "!")) else f"{title}."


def story_html(step_id: str, atlas: Atlas | None = None) -> Html:
    """What happens at this step, and the task of clinical judgement it sets (one of the model's six steps)."""
    s = unfolding.step(step_id, atlas)
    return el("div",
              el("p", el("strong", f"Step {s.number} of {len(unfolding.steps(atlas))}: {_sentence(s.title)}"), " ",
                 el("em", f"{upper_first(s.cjmm_step)}: {unfolding.CJMM[s.cjmm_step]}."), cls="para"),
              el("p", s.story, cls="para"),
              el("p", el("strong", "Your task."), f" {s.prompt} Write your answer down before you read on.",
                 cls="para"), cls="case")


def unchanged_html(step_id: str, atlas: Atlas | None = None) -> Html:
    """Where a step changes nothing the texts' characteristics describe: say so, and that the question stands."""
    before = unfolding.same_as(step_id, atlas)
    if before is None:
        raise ValueError(f"step {step_id!r} changes what the texts are asked: it is not unchanged")
    return el("p", el("strong", "The texts' question."),
              f" Nothing new in this step is something the texts' characteristics describe, so the texts' answer is "
              f"the one of step {before.number}; the answers below show it again.", cls="para")


def key_html(item: Item, atlas: Atlas | None = None) -> Html:
    """The key of a step's question in words: what it requires, what is optional, with why, and the rule that made
    it, in plain words, for this step (:func:`mbc_atlas.analysis.unfolding.grading_words`)."""
    return html.join([el("p", el("strong", "The texts' answer:"), f" {key_words(item)}.", cls="para"),
                      optional_html(item),
                      el("ul", [el("li", w) for w in unfolding.grading_words(item.id, atlas)], cls="list")])


def answers_html(step_id: str, atlas: Atlas | None = None) -> Html:
    """Folded, to open after writing an answer: what the texts say for the step's whole selection (its key, the
    explorer's answer with every quote and its limits, the passages the step quotes), then the editors' model answer
    and note, each fenced and cited."""
    a = atlas_or_default(atlas)
    s = unfolding.step(step_id, a)
    item = unfolding.step_item(step_id, a)
    texts = [el("p", "What the texts say holds only for the whole situation: a statement counts only when every "
                     "characteristic it needs is in the step, as in the explorer.", cls="para"),
             key_html(item, a), scenario_html(list(s.selection), a)]
    if s.passages:
        texts += [el("p", el("strong", "The texts' own words on this step"),
                      " (read what each leaves out):", cls="para"), *(prose.cite(p, a) for p in s.passages)]
    model = note_box({**s.editors_row, "note": s.model_answer}, a)
    return html.join([html.details("Show what the texts say", *texts),
                      html.details(f"Show the model answer ({fence(a)})", model, note_box(s.editors_row, a))])
