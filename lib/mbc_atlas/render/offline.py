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
from importlib.resources import files

from ..analysis.quiz import Item
from ..load import Atlas, atlas_or_default
from ..query import FITS, TIERS, Disagreement, characteristics, drugs, place, restriction, statements
from ..words import lower_first, say_nothing
from . import html
from .answer import TIER_HEADINGS, cell, render, render_template, view
from .editors import selection_boxes
from .feedback import general_feedback_html, key_words
from .html import Html, el
from .theme import grid_legend

__all__ = ["SCORE_WORDS", "SCRIPT", "explorer_data", "explorer_html", "quiz_item_html", "score_html"]

#: The page script, shipped with the package: one copy per page (the site links it) serves every explorer,
#: question and score on it.
SCRIPT = files(__package__).joinpath("offline.js").read_text(encoding="utf-8")


class _Groups:
    """Which characteristics share a choose-one group, in vocabulary order."""

    def __init__(self, atlas: Atlas):
        ch = characteristics(atlas)
        self.order = list(ch["characteristic"])
        one = ch[ch["choose"] == "one"]
        self.members = {g: list(p["characteristic"]) for g, p in one.groupby("group", sort=False)}
        self.group_of = {c: g for g, ids in self.members.items() for c in ids}

    def states(self, ids) -> list[tuple[str, ...]]:
        """Every way the characteristics ``ids`` depend on can be set: each of their choose-one groups not set or
        one of its values, each other id chosen or not. A state is the tuple of chosen ids, in vocabulary order."""
        axes = [[None, *m] for g, m in self.members.items() if g in {self.group_of.get(c) for c in ids}]
        axes += [[None, c] for c in ids if c not in self.group_of]
        return [tuple(c for c in self.order if c in set(combo)) for combo in itertools.product(*axes)]

    def relevant(self, ids) -> list[str]:
        """The characteristics whose choice can change anything that depends on ``ids``."""
        groups = {self.group_of.get(c) for c in ids} - {None}
        return [c for c in self.order if self.group_of.get(c) in groups or c in ids]


def explorer_data(atlas: Atlas | None = None) -> dict:
    """Everything the offline explorer needs, rendered and decided in Python (JSON-ready)."""
    a = atlas_or_default(atlas)
    v, g = view(a), _Groups(a)
    ranked = statements(a)
    named = ({c for s in ranked for c in s.conditions}   # as Answer.silent: statements and disagreements
             | {c for d in a["disagreements"]["characteristic"] for c in d.split(";")})
    words: dict[tuple[str, str], int] = {}  # the same words of one text (kept as two statements) share a number: the page shows them once
    out_statements = {}
    for s in ranked:
        states = {}
        for state in g.states(s.conditions):
            if set(state) & set(s.conditions):
                placed = place(s.statement_id, list(state), a)
                states[" ".join(state)] = {"tier": placed.tier, "html": str(v.statement(placed))}
        out_statements[s.statement_id] = {"category": s.category, "source": s.source_id,
                                          "conditions": list(s.conditions), "relevant": g.relevant(s.conditions),
                                          "qualifier": s.qualifier, "implied": s.implied,
                                          "stance": s.stance_label, "drugs": list(s.drugs),
                                          "words": words.setdefault((s.source_id, s.quote), len(words)),
                                          "states": states}
    out_drugs = {}
    conditions_naming: dict[str, list] = {}
    for s in ranked:
        for generic in s.drugs:
            conditions_naming.setdefault(generic, []).extend(s.conditions)
    for d in drugs(a).to_dict("records"):
        ids = list(dict.fromkeys(conditions_naming.get(d["generic"], [])
                                 + [c for c in d["restricted_with"].split(";") if c]))
        states = {}
        for state in g.states(ids):
            note = restriction(d["generic"], list(state), a)
            if note.restricted:
                r = v.restriction_model(note.restricted, note.restriction_source_id, note.restriction_quote,
                                        note.contradicted_by, [])
                key = (note.restricted, note.restriction_source_id, note.restriction_quote, note.contradicted_by)
                states[" ".join(state)] = {"key": json.dumps(key), "chars": r["chars"], "why": r["why"],
                                           "quote": str(r["quote"])}
        out_drugs[d["generic"]] = {"relevant": g.relevant(ids), "states": states, "category": d["category"],
                                   "name": v.drug_name(d["generic"]), "second": str(v.second_category(d["generic"]))}
    cats = a["categories"].to_dict("records")
    return {
        "n_texts": v.n_texts,
        "order": g.order,
        "labels": dict(v.char_label),
        "source_names": dict(v.source_name),
        "in_sentence": {c: v.label(c) for c in v.char_label},
        "categories": [{"category": c["category"], "label": c["label"], "in_sentence": lower_first(c["label"]),
                        "heads": [str(v.category_head(c["category"], k)) for k in range(v.n_texts + 1)]}
                       for c in cats],
        "statements": out_statements,
        "drugs": out_drugs,
        "drug_order": list(out_drugs),
        "legend": grid_legend(),
        "silent": {c: str(v.silent_item(c)) for c in g.order if c not in named},
        "silence": say_nothing(),
        "for_selection": selection_boxes(a),
        "disagreements": [{"characteristics": d["characteristic"].split(";"), "html": str(v.disagreement(Disagreement(**d)))}
                          for d in a["disagreements"].to_dict("records")],
        "cells": [str(cell(k)) for k in range(v.n_texts + 1)],
        "tier_headings": TIER_HEADINGS,
        "fits": FITS,
        "tiers": list(TIERS),
    }


def _data(cls: str, payload) -> Html:
    """A JSON payload the page script reads (``</`` kept from closing the script element)."""
    return el("script", html.Html(json.dumps(payload).replace("</", "<\\/")), type="application/json", cls=cls)


def _choice(kind: str, name: str, value: str, words: str, checked: bool = False) -> Html:
    return el("label", el("input", type=kind, name=name, value=value, checked=checked), " ", words, cls="off-choice")


def explorer_html(atlas: Atlas | None = None) -> Html:
    """The offline explorer: native radio buttons and checkboxes, and an answer the page script assembles
    from :func:`explorer_data`."""
    a = atlas_or_default(atlas)
    v = view(a)
    groups = []
    for group, label, choose, ids in v.groups:
        if choose == "one":
            items = [_choice("radio", f"mbc-{group}", "", "not set", checked=True)]
            items += [_choice("radio", f"mbc-{group}", i, v.char_label[i]) for i in ids]
        else:
            items = [_choice("checkbox", f"mbc-{i}", i, v.char_label[i]) for i in ids]
        hint = "choose one" if choose == "one" else "tick any"
        groups.append(el("fieldset", el("legend", f"{label} ({hint})"), items, cls="off-group"))
    form = el("form", groups, el("button", "Reset", type="reset", cls="off-reset"), aria_label="Characteristics")
    return el("div", _without_script("This explorer needs JavaScript to answer, and JavaScript is off in this browser "
                                     "(or was removed by the site that shows this page). The answers elsewhere on "
                                     "this page were written when it was made and need no JavaScript; so do the "
                                     "definitions below."),
              form, v.definitions(),
              # the answer for nothing chosen, as Python renders it: the page script has nothing to do until a choice
              el("div", render([], a).html(), cls="off-answer", aria_live="polite", data_selection=""),
              _data("explorer-data", explorer_data(a)), cls="offline-explorer")


def _without_script(words: str, *more) -> Html:
    """What a page shows where JavaScript is off (a learning-management system may strip scripts)."""
    return el("noscript", el("p", el("strong", "JavaScript is off. "), words, cls="para"), *more)


def quiz_item_html(item: Item, number: str = "", atlas: Atlas | None = None) -> Html:
    """One question or case with its choices, a check button and the feedback its key gives (no kernel)."""
    kind = "radio" if item.kind == "single" else "checkbox"
    options = [_choice(kind, f"mbc-q-{item.id}", value, words) for words, value in item.options]
    answer, general = key_words(item), general_feedback_html(item, atlas)
    # the explanation is written once, for a page without JavaScript; the page script reads it from there
    payload = {"id": item.id, "key": sorted(item.key), "optional": sorted(item.optional), "answer": answer,
               "labels": {value: words for words, value in item.options}}
    return el("div",
              el("p", el("strong", item.story), cls="para") if item.story else None,
              el("fieldset", el("legend", f"{number} {item.prompt}".strip()), options),
              _without_script("Checking needs JavaScript, which is off here; answer in your own words first, then "
                              "open the answer.",
                              html.details("Show the answer", el("p", f"The answer is: {answer}."),
                                           el("div", general, cls="off-general"))),
              el("button", "Check my answer", type="button", cls="off-check"),
              el("div", cls="off-feedback", role="status", aria_live="polite"),
              _data("quiz-data", payload), cls="offline-quiz", data_item=item.id)


#: The words of the record a learner can download (a CSV file made in the page) and of a page a
#: learning-management system shows, where the score goes to the course (SCORM 1.2).
SCORE_WORDS = {
    "download": "Download a record of my answers (CSV file)",
    "file": "self-check-record.csv",
    "columns": ["Question", "Your answer", "Result"],
    "right": "Right", "wrong": "Not quite", "unanswered": "Not answered",
    "score": "Score", "saved": "Saved (UTC)",
    "in_lms": "Your course records this score as you answer.",
}


def score_html(total: int) -> Html:
    """The running score of the ``total`` offline questions on the page (none answered yet: the words the page script
    writes from feedback.html.j2 once one is), and the button that downloads a record of the answers (shown by the
    page script, which needs JavaScript)."""
    count = render_template("feedback.html.j2", s={"right": 0, "answered": 0, "total": total})
    return el("div",
              el("p", el("strong", "Your score:"), " ", el("span", count, cls="off-score-text"), " ",
                 el("span", "Nothing leaves this computer.", cls="off-where"), role="status", aria_live="polite"),
              el("button", SCORE_WORDS["download"], type="button", cls="off-download", hidden=True),
              _data("score-data", SCORE_WORDS), cls="offline-score")
