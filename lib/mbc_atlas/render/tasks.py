"""The application tasks of a lesson as HTML: the text's words (or the disagreement, both sides quoted) and the
question, then a model answer that opens on demand. The model answer says how a careful reader goes about it (one
sentence per kind, here), the texts' own facts, and the editors' and nursing notes the task names, fenced and cited.

>>> "Show the model answer" in tasks_html("02")
True
"""
from __future__ import annotations

from ..analysis import evidence
from ..analysis.tasks import Task, tasks
from ..load import Atlas, atlas_or_default
from . import html
from .answer import view
from .editors import marking_html, note_box, nursing_aspects_html, subtype_html
from .html import Html, el
from .prose import text_facts_html

__all__ = ["INTRO", "KIND_TITLES", "METHOD", "task_html", "tasks_html"]

#: What each kind of task is called where a learner reads it.
KIND_TITLES = {"out_of_date": "Out of date, or wrong?", "before_acting": "Before she acts on it",
               "disagreement": "When the texts disagree"}
#: How a careful reader goes about each kind: the first lines of every model answer of that kind.
METHOD = {
    "out_of_date": "Say whether the words were wrong when written, no longer hold, or leave out what now matters; say "
                   "how old the text is; and say what current guidance describes instead, with where it is set (the "
                   "editors' notes below, each cited and dated).",
    "before_acting": "Check the text before acting on its words: when it was written, who published and paid for "
                     "it, whether it speaks to her own situation and what it leaves out, and what current guidance and "
                     "her own team say. The decision is hers and her team's; a leaflet is a start for that "
                     "conversation.",
    "disagreement": "Show both sides, with who wrote each and when (or that it is undated); say what each text speaks "
                    "to, whether they really disagree or speak of different situations, and whether either still "
                    "holds today; do not settle it from these texts alone, but say what current guidance adds "
                    "(below).",
}


def _facts(source_ids: list[str], a: Atlas) -> Html:
    v = view(a)
    return html.join(el("p", el("strong", f"The text: {v.source_name[sid]} ({v.source_kind[sid]})."), cls="line")
                     + text_facts_html(sid, a)
                     for sid in source_ids)


def task_html(t: Task, atlas: Atlas | None = None) -> Html:
    """One task: what the learner reads, and its model answer folded."""
    a = atlas_or_default(atlas)
    v = view(a)
    shown, shown_after, sources = Html(), [], []    # a row check() names as lacking its parts shows what it has
    if t.disagreement_id in set(a["disagreements"]["disagreement_id"]):
        d = evidence.disagreement(t.disagreement_id, a)
        # before the fold only the two quotes: the summary says what kind of disagreement it is (the answer), and
        # every note counts as seen (notes beside the quotes would give the model answer away too)
        seen = set(a["editor_notes"]["note_id"])
        shown = html.join(v.quote(q, s, seen=seen) for q, s in ((d.quote_a, d.source_a), (d.quote_b, d.source_b)))
        shown_after, sources = [v.disagreement(d, seen=seen)], [d.source_a, d.source_b]
    elif t.source_id and t.quote:
        shown, sources = v.quote(t.quote, t.source_id, t.context, notes=Html()), [t.source_id]
    by_id = a["editor_notes"].set_index("note_id")
    notes = [{**by_id.loc[n].to_dict(), "note_id": n} for n in t.notes if n in by_id.index]
    model = [el("p", METHOD[t.kind], cls="para"), marking_html(t.key_points, notes, a) if t.key_points else None,
             *shown_after, _facts(sources, a), *(note_box(n, a) for n in notes),
             subtype_html(t.subtype, a) if t.subtype in set(a["subtypes"]["subtype"]) else None,
             nursing_aspects_html(t.nursing_class, t.aspects, a)
             if t.aspects and t.nursing_class in set(a["nursing_notes"]["drug_class"]) else None]
    return el("div", el("p", el("strong", f"Apply it \u2014 {KIND_TITLES[t.kind]}"), " ", t.prompt, cls="line"),
              shown, html.details("Show the model answer", el("div", model, cls="reveal-body")),
              cls="task", data_task=t.task_id)


#: What a learner reads before a lesson's tasks.
INTRO = ("Each task gives a text's own words and a question you could meet on a ward or in clinic. Write your answer "
         "first, then open the model answer: it shows how a careful reader goes about it, the text's own facts, and "
         "the editors' cited notes. The model answers teach; they are not advice for any patient.")


def tasks_html(lesson: str, atlas: Atlas | None = None) -> Html:
    """Every task of one lesson (its two-digit number), in order, after :data:`INTRO`; "" when it has none."""
    shown = tasks(lesson, atlas)
    return el("p", INTRO, cls="para") + html.join(task_html(t, atlas) for t in shown) if shown else Html()
