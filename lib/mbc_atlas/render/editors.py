"""The editors' voice turned into HTML, always inside its fence: "Editors' note — not from the five texts",
dated and cited. No editors' sentence is written anywhere else.

>>> "not from the five texts" in note_box({"note": "A note.", "citation": "A guideline.", "checked": "2026-11-30"})
True
"""
from __future__ import annotations

from html import escape

from .. import editors
from ..load import Atlas
from ..query import _atlas, categories

FENCE = "Editors' note — not from the five texts"
_BOX = ("border:2px dashed #CC79A7;border-left:8px solid #CC79A7;background:#FFFFFF;color:#222;padding:6px 12px;"
        "margin:8px 0")
_CITE = "font-size:0.9em;color:#333;margin:4px 0"


def _fenced(title: str, body: str, checked: str, kind: str) -> str:
    return (f'<aside class="mbc-editors" data-kind="{kind}" role="note" aria-label="{escape(title)}" style="{_BOX}">'
            f'<p style="margin:2px 0"><strong>{escape(title)}</strong> '
            f'<span style="{_CITE}">(checked {escape(checked)})</span></p>{body}</aside>')


def note_box(note: dict) -> str:
    """One editors' note: the fence, the note, its citation and the date it was checked."""
    body = (f'<p style="margin:4px 0">{escape(note["note"])}</p>'
            f'<p style="{_CITE}">Source: {escape(note["citation"])}</p>')
    return _fenced(FENCE, body, note["checked"], "note")


def notes_html(quote: str, source_id: str, atlas: Atlas | None = None) -> str:
    """The editors' notes that sit beside a quote ("" when there are none)."""
    return "".join(note_box(n) for n in editors.notes_for_quote(quote, source_id, atlas))


def silence_html(characteristic: str, atlas: Atlas | None = None) -> str:
    """The editors' note on a silence of the texts ("" when there is none)."""
    return "".join(note_box(n) for n in editors.silence_notes(characteristic, atlas))


def since_then_html(category: str, atlas: Atlas | None = None) -> str:
    """The since-then box of a category's notebook: what has changed since the texts, dated and cited."""
    a = _atlas(atlas)
    label = categories(a).set_index("category").loc[category, "label"].lower()
    dev = editors.since_then(category, a)
    title = f"Since then — not from the five texts: {label}"
    if dev.empty:
        body = (f'<p style="margin:4px 0">The editors\' list of developments holds nothing on {escape(label)} '
                f'up to {escape(editors.covered(a))}. That is not evidence that nothing changed: check current '
                f'guidelines.</p>')
    else:
        items = "".join(f'<li style="margin:4px 0"><strong>{escape(r["date"])}</strong>: {escape(r["development"])}'
                        f'<br><span style="{_CITE}">Source: {escape(r["citation"])}</span></li>'
                        for r in dev.to_dict("records"))
        body = (f'<p style="margin:4px 0">What changed practice or was approved after the texts were written, up to '
                f'{escape(editors.covered(a))} (the last date this list covers). An approval is not the same as a '
                f'standard of care, and approvals can be withdrawn.</p><ul style="margin:2px 0;padding-left:18px">'
                f'{items}</ul>')
    return _fenced(title, body, editors.checked(a), "since-then")


def nursing_html(category: str, atlas: Atlas | None = None) -> str:
    """What a nurse needs for the drug classes the texts file under a category, and the nursing topics that
    go with the category: how each class works, side effects, monitoring, teaching, when to escalate."""
    a = _atlas(atlas)
    parts = []
    for cls, generics in editors.nursing_classes(category, a):
        ph = editors.pharmacology(cls, a)
        rows = "".join(f'<dt style="font-weight:bold;margin-top:4px">{escape(r["aspect"][:1].upper() + r["aspect"][1:])}'
                       f'</dt><dd style="margin:0 0 0 14px">{escape(r["note"])}<br><span style="{_CITE}">Source: '
                       f'{escape(r["citation"])}</span></dd>'
                       for r in editors.nursing_notes(cls, a).to_dict("records"))
        parts.append(f'<section class="mbc-nursing" data-class="{escape(cls)}" style="margin:8px 0">'
                     f'<h4 style="margin:6px 0">{escape(cls[:1].upper() + cls[1:])} '
                     f'({escape(", ".join(generics))})</h4>'
                     f'<p style="margin:4px 0"><strong>How it works.</strong> {escape(ph["how_it_works"])}'
                     f'<br><span style="{_CITE}">Source: {escape(ph["citation"])}</span></p>'
                     f'<dl style="margin:4px 0">{rows}</dl></section>')
    for r in editors.nursing_topics(category, a).to_dict("records"):
        parts.append(f'<section class="mbc-nursing" data-topic="{escape(r["topic"])}" style="margin:8px 0">'
                     f'<h4 style="margin:6px 0">{escape(r["topic"][:1].upper() + r["topic"][1:])}</h4>'
                     f'<p style="margin:4px 0">{escape(r["note"])}<br><span style="{_CITE}">Source: '
                     f'{escape(r["citation"])}</span></p></section>')
    if not parts:
        return ""
    label = categories(a).set_index("category").loc[category, "label"].lower()
    return _fenced(f"What a nurse needs: {label} — not from the five texts",
                   "<p style=\"margin:4px 0\">Teaching notes for nursing students, drawn from prescribing "
                   "information and guidelines; local protocols come first.</p>" + "".join(parts),
                   editors.checked(a), "nursing")


def nursing_markdown(atlas: Atlas | None = None) -> str:
    """Every nursing note as one printable Markdown page (``docs/nursing_notes.md``)."""
    a = _atlas(atlas)
    lines = ["# Nursing notes by drug class (editors' notes — not from the five texts)", "",
             f"Generated from `data/nursing_notes.csv` and `data/pharmacology.csv` (checked {editors.checked(a)}). "
             "Teaching notes for nursing students, each with its source; local protocols come first. "
             "Educational use only, not medical advice.", ""]
    for cat in categories(a)["category"]:
        for cls, generics in editors.nursing_classes(cat, a):
            lines += [f"## {cls[:1].upper() + cls[1:]} ({', '.join(generics)})", "",
                      f"**How it works.** {editors.pharmacology(cls, a)['how_it_works']}", "",
                      "| aspect | note | source |", "|---|---|---|"]
            for r in editors.nursing_notes(cls, a).to_dict("records"):
                cell = lambda s: s.replace("|", "/").replace("\n", " ")
                lines.append(f"| {r['aspect']} | {cell(r['note'])} | {cell(r['citation'])} |")
            lines.append("")
    return "\n".join(lines)
