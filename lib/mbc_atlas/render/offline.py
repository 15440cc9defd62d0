"""The explorer and the self-check for a page with no kernel (the offline site).

Python renders every piece the page may show and decides every answer: for each statement, the tier and the
reason it takes for each state of the characteristics it depends on; for each drug, whether the selection sets
it aside; for each question, its key and explanation. The page's script (``offline.js``) only looks up the
pieces for the learner's choices and puts them together, so the answers are :func:`mbc_atlas.answer`'s, and a
browser test checks that they are.

>>> data = explorer_data()
>>> data["statements"]["fas-06"]["states"]["hr_negative postmenopausal"]["tier"]
'does_not_fit'
"""
from __future__ import annotations

import itertools
import json
from html import escape
from importlib.resources import files

from ..load import Atlas
from ..query import FITS, TIERS, _atlas, _index, answer
from .answer import TIER_HEADINGS, cell, view
from .editors import silence_html

__all__ = ["explorer_data", "explorer_html", "quiz_item_html", "score_html", "SCRIPT"]

SCRIPT = files(__package__).joinpath("offline.js").read_text(encoding="utf-8")


def _states(ix, ids) -> list[tuple[str, ...]]:
    """Every way the characteristics ``ids`` depend on can be set: for each one-choice group among them, not
    set or one of its values; for each other id, chosen or not. Each state is the tuple of chosen ids."""
    groups = {ix.group_of[c] for c in ids if c in ix.group_of}
    axes = [[None, *members] for g, _, members in ix.one_choice if g in groups]
    axes += [[None, c] for c in ids if c not in ix.group_of]
    return [tuple(c for c in ix.order if c in {v for v in combo if v}) for combo in itertools.product(*axes)]


def _relevant(ix, ids) -> list[str]:
    """The characteristics whose choice can change the answer about something that depends on ``ids``."""
    groups = {ix.group_of[c] for c in ids if c in ix.group_of}
    return [c for c in ix.order if ix.group_of.get(c) in groups or c in ids]


def explorer_data(atlas: Atlas | None = None) -> dict:
    """Everything the offline explorer needs, rendered and decided in Python (JSON-ready)."""
    a = _atlas(atlas)
    ix = _index(a)
    v = view(a)
    n = v.n_texts
    statements = {}
    for s in ix.ranked:
        states = {}
        for state in _states(ix, s.conditions):
            ans = answer(list(state), a)
            placed = [p for t in TIERS for p in ans.placed(t) if p.statement.statement_id == s.statement_id]
            if placed:
                states[" ".join(state)] = {"tier": placed[0].tier, "html": v.statement(placed[0])}
        statements[s.statement_id] = {"category": s.category, "source": s.source_id, "conditions": list(s.conditions),
                                      "relevant": _relevant(ix, s.conditions), "states": states}
    drugs = {}
    for d in ix.drugs:
        naming = [c for st in ix.ranked if d["generic"] in st.drugs for c in st.conditions]
        restricted = [c for c in d["restricted_with"].split(";") if c]
        ids = list(dict.fromkeys(naming + restricted))
        states = {}
        for state in _states(ix, ids):
            note = next((x for x in answer(list(state), a).drugs if x.generic == d["generic"]), None)
            if note is not None and note.restricted:
                states[" ".join(state)] = v.drug_restriction(note)
        drugs[d["generic"]] = {"category": d["category"], "relevant": _relevant(ix, ids), "states": states,
                               "name": v.drug_name(d["generic"])}
    cats = a["categories"].to_dict("records")
    return {
        "n_texts": n,
        "order": ix.order,
        "groups": [{"group": g, "label": lab, "choose": choose, "ids": ids} for g, lab, choose, ids in v.groups],
        "labels": v.char_label,
        "label_in_sentence": {c: v.label(c) for c in ix.order},
        "categories": [{"category": c["category"], "label": c["label"], "scope": c["scope"],
                        "associated": [v.category_head(c["category"], k) for k in range(n + 1)]} for c in cats],
        "sources": v.source_name,
        "statements": statements,
        "drugs": drugs,
        "silent": {c: v.silent_item(c) + silence_html(c, a) for c in ix.order if c not in ix.named},
        "disagreements": [{"characteristic": d.characteristic, "html": v.disagreement(d)} for d in ix.disagreements],
        "cells": [cell(k) for k in range(n + 1)],
        "tier_headings": TIER_HEADINGS,
        "tiers": list(TIERS),
        "fits": FITS,
    }


def explorer_html(atlas: Atlas | None = None) -> str:
    """The offline explorer: native radio buttons and checkboxes, and an answer the page script assembles
    from :func:`explorer_data`."""
    a = _atlas(atlas)
    v = view(a)
    controls = []
    for g, label, choose, ids in v.groups:
        if choose == "one":
            opts = [("", "not set")] + [(i, v.char_label[i]) for i in ids]
            items = "".join(f'<label class="mbc-off-choice"><input type="radio" name="mbc-{escape(g)}" '
                            f'value="{escape(i)}"{" checked" if not i else ""}> {escape(t)}</label>' for i, t in opts)
        else:
            items = "".join(f'<label class="mbc-off-choice"><input type="checkbox" value="{escape(i)}"> '
                            f'{escape(v.char_label[i])}</label>' for i in ids)
        hint = "choose one" if choose == "one" else "tick any"
        controls.append(f'<fieldset class="mbc-off-group"><legend>{escape(label)} ({hint})</legend>{items}</fieldset>')
    data = json.dumps(explorer_data(a)).replace("</", "<\\/")
    return (f'<div class="mbc-offline-explorer">'
            f'<form class="mbc-off-controls" aria-label="Characteristics">{"".join(controls)}'
            f'<button type="reset" class="mbc-off-reset">Reset</button></form>{v.definitions()}'
            f'<div class="mbc-off-answer" aria-live="polite"></div>'
            f'<script type="application/json" class="mbc-explorer-data">{data}</script>'
            f'<script>{SCRIPT}</script></div>')


def quiz_item_html(item, number: str = "") -> str:
    """One question or case with its choices, a check button and the feedback the key gives (no kernel)."""
    kind = "radio" if item.kind == "single" else "checkbox"
    name = f"mbc-q-{item.id}"
    options = "".join(f'<label class="mbc-off-choice"><input type="{kind}" name="{escape(name)}" '
                      f'value="{escape(v)}"> {escape(lab)}</label>' for lab, v in item.options)
    data = json.dumps({"id": item.id, "key": sorted(item.key), "optional": sorted(item.optional),
                       "labels": {v: lab for lab, v in item.options}, "explanation": item.explanation})
    story = f'<p class="mbc-off-story"><strong>{escape(item.story)}</strong></p>' if item.story else ""
    return (f'<div class="mbc-offline-quiz" data-item="{escape(item.id)}">{story}'
            f'<fieldset><legend>{escape(number + " " if number else "")}{escape(item.prompt)}</legend>{options}'
            f'</fieldset><button type="button" class="mbc-off-check">Check my answer</button>'
            f'<div class="mbc-off-feedback" role="status" aria-live="polite"></div>'
            f'<script type="application/json" class="mbc-quiz-data">{data.replace("</", "<" + chr(92) + "/")}</script>'
            f'<script>{SCRIPT}</script></div>')


def score_html() -> str:
    """The running score of every offline question on the page."""
    return ('<div class="mbc-offline-score" role="status" aria-live="polite"><strong>Your score:</strong> '
            '<span class="mbc-off-score-text">0 right; nothing answered yet.</span> Nothing leaves this computer.'
            f'</div><script>{SCRIPT}</script>')
