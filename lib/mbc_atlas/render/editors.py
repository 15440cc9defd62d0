"""The editors' voice turned into HTML, always inside its fence: "Editors' note — not from the five texts",
dated and cited. No editors' sentence is drawn anywhere else.

>>> box = note_box({"note": "A note.", "citation": "A guideline.", "checked": "2026-11-30", "review_by": "2027-06-01"})
>>> "not from the" in box and "checked 2026-11-30, next review 2027-06-01" in box
True
"""
from __future__ import annotations

from collections.abc import Iterable

from ..analysis import appraisal, editors
from ..analysis.appraisal import DISCERN, DISCERN_CITATION, DISCERN_SECTIONS, OVERALL_WORDS, RATING_WORDS
from ..analysis.compare import not_from_texts
from ..analysis.editors import SUBTYPE_PARTS
from ..load import Atlas, atlas_or_default
from ..words import lower_first, upper_first
from . import html
from .html import Child, Html, el

__all__ = ["fence", "note_box", "notes_html", "marking_html", "nursing_aspects_html", "selection_html", "selection_boxes",
           "subtype_html", "since_then_html", "nursing_html", "nursing_markdown", "discern_worked_html"]



def fence(atlas: Atlas | None = None) -> str:
    """The words that fence the editors' voice off from the texts' (the count of texts from the data)."""
    return not_from_texts(atlas)


def _fenced(title: str, body, rows, kind: str, note_id: str = "") -> Html:
    """The fence around editors' words: the title, and when the rows shown were last checked and are next due."""
    rows = rows.to_dict("records") if hasattr(rows, "to_dict") else list(rows)
    dates = (el("span", f"(checked {max(r['checked'] for r in rows)}, next review {editors.next_review(rows)})",
                cls="editors-cite") if rows else None)
    return el("aside", el("p", el("strong", title), " ", dates,
                          cls="line"), body, cls="editors", role="note", aria_label=title, data_kind=kind,
              data_note=note_id or None)


def _source(citation: str) -> Html:
    return el("p", f"Source: {citation}", cls="editors-cite")


def note_box(note: dict, atlas: Atlas | None = None) -> Html:
    """One editors' note: the fence, the note, its citation and the date it was checked."""
    return _fenced(f"Editors' note — {fence(atlas)}", [el("p", note["note"], cls="para"), _source(note["citation"])],
                   [note], "note", note.get("note_id", ""))


def _unseen(notes: list[dict], atlas: Atlas | None, seen: set | None) -> Html:
    """The boxes of the notes not yet in ``seen`` (the note ids already shown in the same answer, updated here)."""
    notes = [n for n in notes if seen is None or n["note_id"] not in seen]
    if seen is not None:
        seen.update(n["note_id"] for n in notes)
    return html.join(note_box(n, atlas) for n in notes)


def notes_html(quote: str, source_id: str, atlas: Atlas | None = None, seen: set | None = None) -> Html:
    """The editors' notes that sit beside a quote (empty when there are none). With ``seen`` (the note ids
    already shown in the same answer, updated here), each note is shown once in an answer."""
    return _unseen(editors.notes_for_quote(quote, source_id, atlas), atlas, seen)


def selection_html(selection, atlas: Atlas | None = None, seen: set | None = None) -> Html:
    """The editors' boxes for a selection (empty when there are none): the notes whose characteristics are all
    chosen, then the section on how treatment is chosen today for each subtype the selection names, folded;
    ``seen`` as in :func:`notes_html`."""
    a = atlas_or_default(atlas)
    chosen = set(selection)
    subtypes = [s for s, d in editors.subtypes(a).items() if set(d["characteristics"]) <= chosen
                and (seen is None or f"subtype:{s}" not in seen)]
    if seen is not None:
        seen.update(f"subtype:{s}" for s in subtypes)
    return html.join([_unseen(editors.selection_notes(selection, a), a, seen),
                      *(subtype_html(s, a, folded=True) for s in subtypes)])


def selection_boxes(atlas: Atlas | None = None) -> list[dict]:
    """Every editors' box that a selection can bring, with the characteristics that must all be chosen for it:
    what the kernel-free site shows by the rule of :func:`selection_html`."""
    a = atlas_or_default(atlas)
    notes = [{"characteristics": n["characteristic"].split(";"), "html": str(note_box(n, a))}
             for n in a["editor_notes"].to_dict("records") if n["characteristic"]]
    return notes + [{"characteristics": d["characteristics"], "html": str(subtype_html(s, a, folded=True))}
                    for s, d in editors.subtypes(a).items()]


def subtype_html(subtype: str, atlas: Atlas | None = None, folded: bool = False) -> Html:
    """The editors' section on how treatment is chosen today for one subtype: the usual sequence, the tests that
    drive it and what changed since the texts, each sentence cited. ``folded`` puts it behind a summary line (the
    explorer's answer, where it sits beside the texts' words)."""
    a = atlas_or_default(atlas)
    rows = editors.subtype_rows(subtype, a)
    label = editors.subtypes(a)[subtype]["label"]
    parts: list[Child] = []
    for part in SUBTYPE_PARTS:
        items = [el("li", r["note"], _source(r["citation"])) for r in rows[rows["part"] == part].to_dict("records")]
        if items:
            parts.append([el("h4", upper_first(part), cls="heading"), el("ul", items, cls="list")])
    intro = el("p", "What current guidelines describe for this subtype, beside what the texts said: how treatment is "
                    "usually chosen, not advice for any one patient.", cls="para")
    title = f"How treatment is chosen today: {lower_first(label)} disease — {fence(a)}"
    body: Child = [intro, parts]
    if folded:
        body = el("details", el("summary", "Show the editors' section (the usual sequence, the tests that drive it, "
                                           "what changed since the texts)"), body)
    return _fenced(title, body, rows, "subtype", subtype)


def since_then_html(category: str, atlas: Atlas | None = None) -> Html:
    """The since-then box of a category's notebook: what has changed since the texts, dated and cited."""
    a = atlas_or_default(atlas)
    label = a.category_labels[category].lower()
    dev = editors.since_then(category, a)
    covered = editors.covered(a)
    if dev.empty:
        held = f"holds nothing on {label} up to {covered}" if covered else f"is {editors.coverage(a)}"
        body: list[Child] = [el("p", f"The editors' list of developments {held}. That is not evidence that "
                                     "nothing changed: check current guidelines.", cls="para")]
        rows = a["developments"]
    else:
        rows = dev
        groups: list[Child] = []
        for field, field_label in editors.field_labels(a).items():
            part = dev[dev["field"] == field].to_dict("records")
            if part:
                items = [el("li", el("strong", r["date"]), f": {r['development']}", _source(r["citation"]))
                         for r in part]
                groups.append([el("p", el("strong", field_label), cls="group-title", data_field=field),
                               el("ul", items, cls="list")])
        body = [el("p", f"What changed practice or was approved after the texts were written, up to {covered} (the "
                        "last date this list covers), filed the way a clinician would file it. An approval is not the "
                        "same as a standard of care, and approvals can be withdrawn.", cls="para"), groups]
    return _fenced(f"Since then — {fence(a)}: {label}", body, rows, "since-then")


def _drug_list(rows: list[dict]) -> Html:
    """The drugs the editors name for a class, each with its status and the label that shows its indication."""
    items = [el("li", f"{r['generic']}" + (f" ({r['brand']})" if r["brand"] else "") + (f": {r['status']}" if r["status"]
                                                                                       else ""), _source(r["citation"]))
             for r in rows]
    return el("div", el("p", el("strong", "Named by the editors, not by the texts:"), cls="para"),
              el("ul", items, cls="list"), cls="editors-drugs")


def _class_section(cls_: str, heading: str, named: list[dict], a: Atlas) -> tuple[Html, list[dict]]:
    ph = editors.pharmacology(cls_, a)
    notes = editors.nursing_notes(cls_, a).to_dict("records")
    # folded, so a learner opens the class she is looking up (a printed handout opens every one)
    section = el("details", el("summary", el("h4", heading, cls="summary-heading"), cls="reveal"),
                 _drug_list(named) if named else None,
                 el("p", el("strong", "How it works."), " ", ph["how_it_works"], cls="para"),
                 _source(ph["citation"]), _nursing_list(notes), cls="nursing", data_class=cls_)
    return section, [ph, *notes, *named]


def marking_html(points: Iterable[str], rows: list[dict], atlas: Atlas | None = None) -> Html:
    """What a good answer says, in the editors' words, fenced and dated by the ``rows`` it restates."""
    return _fenced(f"What a good answer says (the editors' marking points) — {fence(atlas)}",
                   el("ul", [el("li", p) for p in points], cls="list"), rows, "marking")


def nursing_aspects_html(drug_class: str, aspects: Iterable[str], atlas: Atlas | None = None) -> Html:
    """Some aspects of one class's nursing notes (``monitor``, ``teach``...), fenced, each with its source."""
    a = atlas_or_default(atlas)
    notes = editors.nursing_notes(drug_class, a)
    notes = notes[notes["aspect"].isin(list(aspects))].to_dict("records")
    return _fenced(f"Nursing notes: {drug_class} — {fence(a)}", _nursing_list(notes), notes, "nursing")


def _nursing_list(notes: list[dict]) -> Html:
    """Nursing notes as a list of terms: each aspect, then its note with its source."""
    return el("dl", [[el("dt", upper_first(r["aspect"]), cls="nursing-term"),
                      el("dd", r["note"], _source(r["citation"]), cls="nursing-item")] for r in notes], cls="line")


def nursing_html(category: str, atlas: Atlas | None = None) -> Html:
    """What a nurse needs for the drug classes the texts file under a category, then for the classes of the drugs the
    editors name there (kept apart: the texts' drug lists stay the texts'), and the nursing topics that go with it:
    how each class works, side effects, monitoring, teaching, when to escalate and what a handbook adds ("" when
    none)."""
    a = atlas_or_default(atlas)
    parts, shown = [], []
    fields = editors.field_labels(a)
    classes = editors.nursing_classes(category, a)
    named = dict(editors.editors_drugs(category, a))
    topics = editors.nursing_topics(category, a).to_dict("records")
    for cls_, generics in classes:
        section, rows = _class_section(cls_, f"{upper_first(cls_)} ({', '.join(generics)})", named.pop(cls_, []), a)
        parts.append(section)
        shown += rows
    for cls_, drugs in named.items():
        section, rows = _class_section(cls_, f"{upper_first(cls_)}: a class the texts do not name", drugs, a)
        parts.append(section)
        shown += rows
    for r in topics:
        shown.append(r)
        parts.append(el("section", el("h4", f"{fields[r['field']]}: {r['topic']}", cls="heading"),
                        el("p", r["note"], cls="para"), _source(r["citation"]), cls="nursing", data_topic=r["topic"],
                        data_field=r["field"]))
    if not parts:
        return Html()
    # the box is titled by what it holds: the category's drug classes, and each field the editors' drugs and the
    # topics are filed under
    held = (([a.category_labels[category]] if classes else []) + [fields[d[0]["field"]] for d in named.values()]
            + [fields[r["field"]] for r in topics])
    label = "; ".join(lower_first(t) for t in dict.fromkeys(held))
    intro = el("p", "Teaching notes for nursing students, drawn from prescribing information and guidelines: what to "
                    "know and where to look it up. They are not instructions for care: doses, schedules and procedures "
                    "follow the prescriber, the prescribing information and local protocols. Open a drug class to "
                    "read how it works, its side effects, what is monitored and taught, when to escalate, and what a "
                    "handbook adds (interactions, pregnancy, kidney and liver, safe handling, the differences within "
                    "the class).", cls="para")
    return _fenced(f"What a nurse needs: {label} — {fence(a)}", [intro, parts], shown, "nursing")


def nursing_markdown(atlas: Atlas | None = None) -> str:
    """Every nursing note as one printable Markdown page (``docs/nursing_notes.md``): the classes of the drugs the
    texts name, then those of the drugs only the editors name."""
    a = atlas_or_default(atlas)
    lines = [f"# Nursing notes by drug class (editors' notes — {fence(a)})", "",
             f"Generated from `data/nursing_notes.csv`, `data/pharmacology.csv` and `data/editors_drugs.csv` (checked "
             f"{editors.checked(a)}, next review {editors.next_review(a['nursing_notes'])}). "
             "Teaching notes for nursing students, each with its source: what to know and where to look it up. "
             "They are not instructions for care: doses, schedules and procedures follow the prescriber, the "
             "prescribing information and local protocols. Educational use only, not medical advice.", ""]
    cell = lambda s: s.replace("|", "/").replace("\n", " ")  # noqa: E731
    done: set = set()

    def one(cls_: str, heading: str, named: list[dict]) -> None:
        done.add(cls_)
        lines.extend([f"## {heading}", ""])
        if named:
            lines.extend(["Named by the editors, not by the texts: " + "; ".join(
                r["generic"] + (f" ({r['brand']})" if r["brand"] else "") + (f", {r['status']}" if r["status"] else "")
                for r in named) + ".", ""])
        lines.extend([f"**How it works.** {editors.pharmacology(cls_, a)['how_it_works']}", "",
                      "| aspect | note | source |", "|---|---|---|"])
        lines.extend(f"| {r['aspect']} | {cell(r['note'])} | {cell(r['citation'])} |"
                     for r in editors.nursing_notes(cls_, a).to_dict("records"))
        lines.append("")

    named_all = a["editors_drugs"]
    by_class = {c: p.to_dict("records") for c, p in named_all.groupby("drug_class", sort=False)}
    for cat in a["categories"]["category"]:
        for cls_, generics in editors.nursing_classes(cat, a):
            one(cls_, f"{upper_first(cls_)} ({', '.join(generics)})", by_class.get(cls_, []))
    for cls_, named in by_class.items():
        if cls_ not in done:
            one(cls_, f"{upper_first(cls_)} (a class the texts do not name)", named)
    return "\n".join(lines)


def discern_worked_html(source_id: str, atlas: Atlas | None = None) -> Html:
    """The editors' worked DISCERN rating of one text: each question, the score, why, and the text's words the
    reason rests on; fenced, for a learner to compare with her own rating."""
    a = atlas_or_default(atlas)
    rows = a["discern_worked"]
    rows = rows[rows["source_id"] == source_id]
    if rows.empty:
        return Html()
    by_number = {int(r["question"]): r for r in rows.to_dict("records")}
    skipped = appraisal.discern_not_rated({n: int(r["score"]) for n, r in by_number.items()})
    quote = lambda q: [" ", el("q", q)] if q else None  # noqa: E731
    sections = []
    for section, title in DISCERN_SECTIONS.items():
        items = []
        for q in (q for q in DISCERN if q.section == section and (q.number in by_number or q.number in skipped)):
            if q.number in skipped:
                items.append(el("li", el("strong", f"{q.number}. {q.text}"), f" {skipped[q.number]}"))
                continue
            r = by_number[q.number]
            score = int(r["score"])
            words = OVERALL_WORDS[score] if q.number == 16 else RATING_WORDS[score]
            items.append(el("li", el("strong", f"{q.number}. {q.text}"), " ",
                            el("strong", f"Score {score} ({words}; DISCERN scores 1 to 5)."), f" {r['reason']}", quote(r["quote"])))
        if items:
            sections.append([el("h4", title, cls="heading"), el("ol", items, cls="list", style=None)])
    name = a.source_names[source_id]
    body = [el("p", f"A worked rating of the {name}, with a reason for each score and, where there is one, the words of "
                    "the text it rests on. It is one careful reading, not the answer: where yours differs, find the "
                    "words in the text that support your score.", cls="para"), sections,
            _source(DISCERN_CITATION)]
    return _fenced(f"The editors' worked DISCERN rating — {fence(a)}", body, rows, "discern")
