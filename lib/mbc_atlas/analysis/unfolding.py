"""The unfolding case (notebook 11): one patient from presentation to progression, each step a task of clinical
judgement in one of the six steps of the NCSBN Clinical Judgment Measurement Model, from ``data/case_steps.csv``.

Each step has two voices. The texts' voice is the step's ``selection``: its graded question asks which categories the
texts associate with the whole selection, and its key is :func:`mbc_atlas.answer`'s, split into required and optional
exactly as the self-check's cases are (:func:`mbc_atlas.analysis.quiz.case_key`). The editors' voice is the model
answer and the note, cited and dated, always shown fenced.

>>> [s.cjmm_step for s in steps()][:2]
['recognise cues', 'analyse cues']
>>> sorted(step_item("rebiopsy").key)
['radiation']
"""
from __future__ import annotations

from dataclasses import dataclass

from ..load import Atlas, atlas_or_default
from ..query import answer
from ..schema import CJMM_STEPS
from ..words import join, lower_first
from .quiz import NONE_LABEL, Explanation, Item, case_key, category_options, defining, why_kind

__all__ = ["CJMM", "CJMM_CITATION", "CJMM_STEPS", "Step", "steps", "step", "step_item", "items", "same_as", "PROMPT",
           "grading_words"]

#: What each step of the model asks of a nurse, in plain words (the editors' paraphrase of NCSBN's model).
CJMM = {
    "recognise cues": "pick out, from everything you see and hear, the information that matters",
    "analyse cues": "link those cues to what they could mean for this patient",
    "prioritise hypotheses": "rank what could be going on by how urgent and how likely it is",
    "generate solutions": "work out what outcomes you want and what could achieve them",
    "take action": "do what the highest priority needs, in the right order",
    "evaluate outcomes": "compare what happened with what you expected, and decide what next",
}
CJMM_CITATION = ("Dickison P, Haerling KA, Lasater K. Integrating the National Council of State Boards of Nursing "
                 "Clinical Judgment Model into nursing educational frameworks. J Nurs Educ 2019;58(2):72–78; Dickison P, "
                 "Haerling KA, Lasater K. NCSBN Clinical Judgment Measurement Model clarification (letter to the editor). "
                 "J Nurs Educ 2020;59(7); National Council of State Boards of Nursing. NCSBN Clinical Judgment Measurement Model "
                 "(layer 3, the basis of Next Generation NCLEX case studies); National Council of State Boards of Nursing "
                 "(2019), definition of clinical judgment (seen only as quoted in secondary sources)")
PROMPT = ("At this point in the story, which treatment categories do the texts associate with Ruth's whole situation? "
          "(Choose all that apply.)")


@dataclass(frozen=True)
class Step:
    """One step of the case, as ``case_steps.csv`` has it (``selection`` and ``passages`` as tuples of ids)."""

    step: str
    number: int
    cjmm_step: str
    title: str
    story: str
    selection: tuple
    passages: tuple
    prompt: str
    model_answer: str
    note: str
    citation: str
    checked: str
    review_by: str

    @property
    def editors_row(self) -> dict:
        """The step's editors' words as a note row (what :func:`mbc_atlas.render.editors.note_box` draws)."""
        return {"note": self.note, "citation": self.citation, "checked": self.checked, "review_by": self.review_by}


def _ids(value: str) -> tuple:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def steps(atlas: Atlas | None = None) -> list[Step]:
    """Every step of the case, in the table's order (numbered from 1)."""
    rows = atlas_or_default(atlas)["case_steps"].to_dict("records")
    return [Step(r["step"], n, r["cjmm_step"], r["title"], r["story"], _ids(r["selection"]), _ids(r["passages"]),
                 r["prompt"], r["model_answer"], r["note"], r["citation"], r["checked"], r["review_by"])
            for n, r in enumerate(rows, start=1)]


def step(step_id: str, atlas: Atlas | None = None) -> Step:
    """One step by its id; an unknown id raises ``ValueError`` listing the known ones."""
    known = {s.step: s for s in steps(atlas)}
    if step_id not in known:
        raise ValueError(f"unknown step {step_id!r}; known: {', '.join(known)}")
    return known[step_id]


def same_as(step_id: str, atlas: Atlas | None = None) -> Step | None:
    """The step before, when this step's selection is the same set as its (the texts' question would repeat), else
    None."""
    all_steps = steps(atlas)
    i = [s.step for s in all_steps].index(step(step_id, atlas).step)
    if i and set(all_steps[i].selection) == set(all_steps[i - 1].selection):
        return same_as(all_steps[i - 1].step, atlas) or all_steps[i - 1]
    return None


def _quoted(label: str) -> str:
    return f"\u201c{lower_first(label)}\u201d"


def _texts(n: int) -> str:
    return "its one text" if n == 1 else f"its {n} texts"


def grading_words(step_id: str, atlas: Atlas | None = None) -> list[str]:
    """How the step's key is made, in plain words, one sentence per point: what decides it at this step (the rule
    of :func:`mbc_atlas.analysis.quiz.case_key`, applied to this step's whole selection), then, for each optional
    category, why it is optional here, naming only the characteristics its texts name, with how many of them do."""
    a = atlas_or_default(atlas)
    s = step(step_id, a)
    ans = answer(list(s.selection), a)
    key, why = case_key(ans, a)
    if not ans.associated:
        return [f"No statement in the texts fits Ruth's whole situation at this step, so the answer is "
                f"\u201c{NONE_LABEL}\u201d."]
    labels = a.labels
    dfn = defining(ans, a)
    if dfn:
        out = ["How this step is graded: what decides it is every characteristic of the course of Ruth's cancer "
               "and of the places it has spread that any text speaks to at this step; here that means "
               f"{join(_quoted(labels[c]) for c in dfn)}. A category is needed only when its texts speak to every one "
               "of these, and optional when they leave out any one of them."]
    else:
        out = ["How this step is graded: a category is needed only when its texts speak to what makes Ruth's case "
               "this case, which means the course of her cancer and the places it has spread. At this step no text "
               "that fits her whole situation speaks to either, so they decide nothing here: every category whose "
               "texts fit is needed, unless it rests only on a report of an approval, on something a text only "
               "implies, or on a text's own limiting words."]
    optional = dict(why)
    later = [x for x in steps(a) if x.number > s.number]
    for cat in ans.associated:
        if cat.category not in optional:
            continue
        name = a.category_labels[cat.category]
        kind = why_kind(cat)
        if kind == "implied":
            out.append(f"{name} is optional: it rests only on something a text implies but does not say outright.")
        elif kind == "approval":
            out.append(f"{name} is optional: it rests only on a text's report that a drug was approved, which the "
                       "grading does not count as a reason to require it.")
        elif kind == "qualifier":
            words = join(f"\u201c{q}\u201d" for q in sorted({p.statement.qualifier for p in cat.fits}))
            one = len(cat.sources) == 1
            out.append(f"{name} is optional: {_texts(len(cat.sources))} {'ties' if one else 'tie'} it to Ruth's "
                       f"situation only with {'its' if one else 'their'} own limiting words ({words}), which nothing "
                       "in her situation at this step sets.")
        else:
            n = len(cat.sources)
            named = join(_quoted(labels[c]) + ("" if n == 1 else f" ({'all' if len(ids) == n else len(ids)} of "
                                                                  "them)")
                         for c, ids in cat.speaks_to)
            spoken = {c for c, _ in cat.speaks_to}
            missing = join((_quoted(labels[c]) for c in dfn if c not in spoken), "or")
            sentence = (f"{name} is optional here: {_texts(n)} {'names' if n == 1 else 'name'} {named}, which fit "
                        f"Ruth, but no statement of {'it' if n == 1 else 'theirs'} that fits her whole situation names {missing}. "
                        "Choosing it is not wrong, and leaving it out is not wrong either.")
            needed = next((x for x in later if cat.category in step_item_key(x.step, a)), None)
            if needed is not None:
                sentence += f" It becomes needed at step {needed.number}."
            out.append(sentence)
    out.append("This is a rule for reading the texts, not a judgement about Ruth's care: the model answer says what "
               "current guidelines add.")
    return out


def step_item_key(step_id: str, atlas: Atlas | None = None) -> frozenset:
    """The categories the step's key requires."""
    a = atlas_or_default(atlas)
    return case_key(answer(list(step(step_id, a).selection), a), a)[0]


def step_item(step_id: str, atlas: Atlas | None = None) -> Item:
    """The step's graded question, a self-check case: its key is :func:`mbc_atlas.answer` for the step's whole
    selection, required and optional as for the self-check's cases, and its feedback the explorer's answer, after
    the rule that made the key, in plain words (:func:`grading_words`)."""
    a = atlas_or_default(atlas)
    s = step(step_id, a)
    ans = answer(list(s.selection), a)
    key, why = case_key(ans, a)
    return Item(s.step, "multiple", PROMPT, category_options(a), key,
                Explanation(" ".join(grading_words(step_id, a)), selection=ans.selection),
                f"the unfolding case, step {s.number} ({s.cjmm_step})", story=s.story, selection=ans.selection,
                selection_labels=tuple(a.labels[c] for c in ans.selection),
                optional=frozenset(c for c, _ in why), optional_why=why)


def items(atlas: Atlas | None = None) -> list[Item]:
    """The graded question of every step whose selection differs from the step before it."""
    a = atlas_or_default(atlas)
    return [step_item(s.step, a) for s in steps(a) if same_as(s.step, a) is None]
