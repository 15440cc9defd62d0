"""The editors' voice turned into HTML, always inside its fence: "Editors' note — not from the five texts",
dated and cited. No editors' sentence is drawn anywhere else.

>>> box = note_box({"note": "A note.", "citation": "A guideline.", "checked": "2026-11-30", "review_by": "2027-06-01"})
>>> "not from the" in box and "checked 2026-11-30, next review 2027-06-01" in box
True
"""
from __future__ import annotations

from ..analysis import appraisal, editors
from ..analysis.appraisal import DISCERN, DISCERN_CITATION, DISCERN_SECTIONS, OVERALL_WORDS, RATING_WORDS
from ..load import Atlas, atlas_or_default
from ..analysis.compare import not_from_texts
from ..words import lower_first, upper_first
from . import html
from .html import Html, el

__all__ = ["fence", "note_box", "notes_html", "selection_html", "since_then_html", "nursing_html", "nursing_markdown",
           "discern_worked_html"]



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
    """The editors' notes for a selection (empty when there are none); ``seen`` as in :func:`notes_html`."""
    return _unseen(editors.selection_notes(selection, atlas), atlas, seen)


def since_then_html(category: str, atlas: Atlas | None = None) -> Html:
    """The since-then box of a category's notebook: what has changed since the texts, dated and cited."""
    a = atlas_or_default(atlas)
    label = a.category_labels[category].lower()
    dev = editors.since_then(category, a)
    covered = editors.covered(a)
    if dev.empty:
        held = f"holds nothing on {label} up to {covered}" if covered else f"is {editors.coverage(a)}"
        body = [el("p", f"The editors' list of developments {held}. That is not evidence that nothing changed: "
                        "check current guidelines.", cls="para")]
        rows = a["developments"]
    else:
        rows = dev
        groups = []
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


def nursing_html(category: str, atlas: Atlas | None = None) -> Html:
    """What a nurse needs for the drug classes the texts file under a category, and the nursing topics that
    go with it: how each class works, side effects, monitoring, teaching, when to escalate ("" when none)."""
    a = atlas_or_default(atlas)
    parts, shown = [], []
    fields = editors.field_labels(a)
    classes = editors.nursing_classes(category, a)
    topics = editors.nursing_topics(category, a).to_dict("records")
    for cls_, generics in classes:
        ph = editors.pharmacology(cls_, a)
        notes = editors.nursing_notes(cls_, a).to_dict("records")
        shown += [ph, *notes]
        rows = [[el("dt", upper_first(r["aspect"]), cls="nursing-term"),
                 el("dd", r["note"], _source(r["citation"]), cls="nursing-item")]
                for r in notes]
        parts.append(el("section", el("h4", f"{upper_first(cls_)} ({', '.join(generics)})", cls="heading"),
                        el("p", el("strong", "How it works."), " ", ph["how_it_works"], cls="para"),
                        _source(ph["citation"]), el("dl", rows, cls="line"), cls="nursing", data_class=cls_))
    for r in topics:
        shown.append(r)
        parts.append(el("section", el("h4", f"{fields[r['field']]}: {r['topic']}", cls="heading"),
                        el("p", r["note"], cls="para"), _source(r["citation"]), cls="nursing", data_topic=r["topic"],
                        data_field=r["field"]))
    if not parts:
        return Html()
    # the box is titled by what it holds: the category's drug classes, and each field its topics are filed under
    held = ([a.category_labels[category]] if classes else []) + [fields[r["field"]] for r in topics]
    label = "; ".join(lower_first(t) for t in dict.fromkeys(held))
    intro = el("p", "Teaching notes for nursing students, drawn from prescribing information and guidelines: what to "
                    "know and where to look it up. They are not instructions for care: doses, schedules and procedures "
                    "follow the prescriber, the prescribing information and local protocols.", cls="para")
    return _fenced(f"What a nurse needs: {label} — {fence(a)}", [intro, parts], shown, "nursing")


def nursing_markdown(atlas: Atlas | None = None) -> str:
    """Every nursing note as one printable Markdown page (``docs/nursing_notes.md``)."""
    a = atlas_or_default(atlas)
    lines = [f"# Nursing notes by drug class (editors' notes — {fence(a)})", "",
             f"Generated from `data/nursing_notes.csv` and `data/pharmacology.csv` (checked {editors.checked(a)}, "
             f"next review {editors.next_review(a['nursing_notes'])}). "
             "Teaching notes for nursing students, each with its source: what to know and where to look it up. "
             "They are not instructions for care: doses, schedules and procedures follow the prescriber, the "
             "prescribing information and local protocols. Educational use only, not medical advice.", ""]
    cell = lambda s: s.replace("|", "/").replace("\n", " ")  # noqa: E731
    for cat in a["categories"]["category"]:
        for cls_, generics in editors.nursing_classes(cat, a):
            lines += [f"## {upper_first(cls_)} ({', '.join(generics)})", "",
                      f"**How it works.** {editors.pharmacology(cls_, a)['how_it_works']}", "",
                      "| aspect | note | source |", "|---|---|---|"]
            lines += [f"| {r['aspect']} | {cell(r['note'])} | {cell(r['citation'])} |"
                      for r in editors.nursing_notes(cls_, a).to_dict("records")]
            lines.append("")
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
