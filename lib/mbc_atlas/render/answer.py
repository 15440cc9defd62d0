"""An :class:`mbc_atlas.Answer` turned into what a learner sees: the explorer, the guided scenarios, the
self-check's case feedback and the lessons' questions all call :meth:`AnswerView.parts`, so they cannot
drift apart.

Only statements that fit the whole selection are counted or asserted; statements that would fit if more were
chosen, and statements the selection contradicts, are shown apart, each with its quote and the reason.

>>> text = visible_text(render(["hr_negative", "postmenopausal"]).html())
>>> "Chemotherapy \u2014 1 text, about hormone-receptor-negative only." in text
True
>>> "the sources say nothing about this" in visible_text(render(["her2_negative"]).summary)
True
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..analysis.editors import notes_for_quote
from ..analysis.evidence import as_quoted
from ..load import Atlas, atlas_or_default
from ..query import DOES_NOT_FIT, FITS, WOULD_FIT, Answer, CategoryAnswer, Placement, answer, drugs
from ..words import NOT_EVIDENCE, agree, join, lower_first, number, plural, say_nothing, upper_first
from . import html
from .editors import notes_html, selection_html
from .html import Html, el, visible_text
from .theme import grid_legend, grid_shade

__all__ = ["cell", "AnswerView", "Parts", "render", "view", "visible_text", "scenario_html", "disagreements_html",
           "restrictions_html", "silent_html", "TIER_HEADINGS"]

_NOTES = Html("\x00notes\x00")     # where a statement's editors' notes go (no text holds a NUL)

TIER_HEADINGS = {
    WOULD_FIT: "Would fit if you also chose more",
    DOES_NOT_FIT: "Does not fit your selection",
}


@dataclass(frozen=True)
class Parts:
    """What the learner sees for a selection: ``summary`` (what was chosen and the short answer, or a
    prompt), ``grid`` (the evidence table) and ``answer`` (categories with quotes, the other two tiers,
    disagreements, drugs)."""

    summary: Html
    grid: Html
    answer: Html

    def html(self) -> Html:
        return self.summary + self.grid + self.answer


class AnswerView:
    """Everything about an atlas that does not depend on the selection, prepared once (and kept on the
    atlas: :func:`view`); ``parts(ans)`` then costs some string joining."""

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        self.source_name = atlas.source_names
        self.source_kind = atlas.source_kinds
        self.n_texts = atlas.n_texts
        self.char_label = atlas.labels
        ch = atlas["characteristics"]
        self.char_definition = dict(zip(ch["characteristic"], ch["definition"]))
        self.groups = []  # (group, group_label, choose, [characteristic ids])
        for group in dict.fromkeys(ch["group"]):
            part = ch[ch["group"] == group]
            self.groups.append((group, part["group_label"].iloc[0], part["choose"].iloc[0],
                                list(part["characteristic"])))
        self.cat_label = atlas.category_labels
        self.cat_scope = dict(zip(atlas["categories"]["category"], atlas["categories"]["scope"]))
        self.drug_info = {d["generic"]: d for d in drugs(atlas).to_dict("records")}
        self._placed: dict[Placement, tuple[str, str, str]] = {}     # statement(): its markup around its notes

    # -- words ------------------------------------------------------------------------------------------
    def label(self, characteristic: str) -> str:
        """A characteristic's label as it reads inside a sentence."""
        return lower_first(self.char_label[characteristic])

    def labels(self, ids: Iterable[str], word: str = "and") -> str:
        return join([self.label(c) for c in ids], word)

    # -- pieces ---------------------------------------------------------------------------------------
    def quote(self, words: str, source_id: str, context: str = "", also: str = "", extra: str = "",
              seen: set | None = None, notes: Html | None = None) -> Html:
        """A verbatim quote with its source (name and kind of publisher), and beside it any editors' note on it
        (each note once in an answer: ``seen`` holds the ids shown so far), or ``notes`` in their place. An item
        of a list is quoted under the list's heading (its ``context``)."""
        words, context = as_quoted(self.atlas.texts[source_id], words, context)
        return (html.quote(words, self.source_name[source_id], self.source_kind[source_id], extra, context, also)
                + (notes_html(words, source_id, self.atlas, seen) if notes is None else notes))

    def statement(self, p: Placement, seen: set | None = None) -> Html:
        """One placed statement: its quote, how the text puts it, and why it sits in its tier. Its markup is made
        once per placement (an answer may show hundreds); only the editors' notes beside it depend on the answer."""
        if p not in self._placed:
            s = p.statement
            words, _ = as_quoted(self.atlas.texts[s.source_id], s.quote, s.context)
            has_notes = bool(notes_for_quote(words, s.source_id, self.atlas))
            before, after = str(self._statement(p)).split(_NOTES)
            self._placed[p] = (words if has_notes else "", before, after)
        words, before, after = self._placed[p]
        if not words:
            return Html(before + after)
        return Html(before + str(notes_html(words, p.statement.source_id, self.atlas, seen)) + after)

    def _statement(self, p: Placement) -> Html:
        s = p.statement
        conds = self.labels(s.conditions)
        if p.tier == FITS:
            why = [f"It holds for {conds}: all chosen."]
        elif p.tier == WOULD_FIT:
            why = [f"It is about {conds}. It would fit if you also chose ", el("strong", self.labels(p.missing)), "."]
        else:
            clash = [[f"it is about {self.label(c.needs)}, and you chose ", el("strong", self.label(c.chosen))]
                     for c in p.contradicted]
            why = ["It does not fit: ", html.join([html.join(c) for c in clash], "; "), "."]
        if s.qualifier:
            why.append(f" The text adds a qualifier no choice sets: \u201c{s.qualifier}\u201d.")
        bits = "; ".join([f"{self.cat_label[s.category]}, {s.stance_label}", *([s.condition_note] if s.condition_note
                                                                              else [])])
        attributed = (el("p", el("em", f"The text reports this as the view of {s.attributed_to}."), cls="attribution")
                      if s.attributed_to else None)
        return el("div",
                  el("p", el("strong", self.source_name[s.source_id]), f" ({bits}). ", *why, cls="line"),
                  self.quote(s.quote, s.source_id, s.context, s.also_quote, notes=_NOTES), attributed,
                  cls="statement", data_tier=p.tier, data_category=s.category)

    def category_head(self, category: str, n: int) -> Html:
        """A category's heading when ``n`` texts make a fitting statement; for n = 0, its whole section."""
        label = self.cat_label[category]
        head = f"{label} ({self.cat_scope[category]}): "
        if not n:
            return el("section",
                      el("h4", head + "not associated", cls="heading"),
                      el("p", f"No statement in the {self.n_texts} texts ties {lower_first(label)} to your whole "
                              "selection.", cls="line"),
                      cls=("category", "category-none"), data_category=category, data_texts=0)
        return el("h4", head + f"associated by {n} of {self.n_texts} texts", cls="heading")

    # -- the view-model: every decision the answer's words depend on (the template, answer.html.j2, says them) --
    def category_model(self, cat: CategoryAnswer, seen: set | None = None, quotes: bool = True) -> dict:
        """What a category's part of the answer says: how many texts, what they are about (a text counts for a
        characteristic only where its fitting statement names it), how they put it, and its statements."""
        n = len(cat.sources)
        return {"category": cat.category, "label": cat.label, "n": n, "head": self.category_head(cat.category, n),
                "full": [self.label(c) for c, ids in cat.speaks_to if len(ids) == n],
                "part": [(len(ids), self.label(c)) for c, ids in cat.speaks_to if len(ids) < n],
                "silent_on": [self.label(c) for c in cat.speaks_to_none],
                "speaks_to": [(self.label(c), [self.source_name[i] for i in ids]) for c, ids in cat.speaks_to],
                "qualifiers": [(q, self.source_name[i]) for i, q in cat.qualifiers],
                "qualified": bool(cat.fits) and all(p.statement.qualifier for p in cat.fits),
                "implied": cat.only_implied, "stances": list(cat.stances),
                "statements": [self.statement(p, seen) for p in cat.fits] if n and quotes else []}

    def drugs_model(self, ans: Answer, seen: set | None = None) -> dict:
        """The drugs of the associated categories: named in a fitting statement (by category), named only apart,
        and those the texts do not describe for this selection (grouped by the same reason and quote)."""
        by_cat: dict[str, list[dict]] = {}
        apart: list[dict] = []
        restricted: dict[tuple[str, str, str, tuple[str, ...]], list[str]] = {}
        associated = {c.category for c in ans.associated}
        for d in ans.drugs:
            entry: dict[str, Any] = {"name": self.drug_name(d.generic), "restricted": bool(d.restricted),
                     "second": self.second_category(d.generic)}
            if d.restricted:
                key = (d.restricted, d.restriction_source_id, d.restriction_quote, d.contradicted_by)
                restricted.setdefault(key, []).append(entry["name"])
            if d.category in associated and d.tier == FITS:
                by_cat.setdefault(d.category, []).append(entry)
            elif d.category in associated:
                apart.append(entry)
        return {"by_cat": [{"label": self.cat_label[c], "drugs": by_cat[c]} for c in self.cat_label if c in by_cat],
                "apart": apart,
                "restricted": [self.restriction_model(why, sid, words, chars, names, seen)
                               for (why, sid, words, chars), names in restricted.items()]}

    def second_category(self, generic: str) -> Html:
        """Where a text also files a drug under another category, in its words ("" where none does)."""
        info = self.drug_info[generic]
        if not info.get("second_category"):
            return Html()
        return html.join([f" (a text also files it under {lower_first(self.cat_label[info['second_category']])}: “",
                          html.text(info["second_category_quote"]),
                          f"” — {self.source_name[info['second_category_source_id']]})"])

    def restriction_model(self, why: str, source_id: str, words: str, chars: Iterable[str], names: list[str],
                          seen: set | None = None) -> dict:
        return {"chars": [self.label(c) for c in chars], "names": names, "why": why,
                "quote": self.quote(words, source_id, seen=seen) if words else ""}

    def model(self, ans: Answer, lead: str = "") -> dict:
        """The whole answer as data: what answer.html.j2 needs, in the order it shows it (each editors' note is
        shown once, where it first comes)."""
        seen: set = set()
        silent = set(ans.silent)
        notes = selection_html(ans.selection, self.atlas, seen)          # the summary's notes come first
        categories = [self.category_model(c, seen) for c in ans.categories]
        return {
            "n_texts": self.n_texts, "lead": lead, "selection": " ".join(ans.selection),
            "chosen": [self.char_label[c] for c in ans.selection],
            "assoc": [c for c in categories if c["n"]],
            "others": [lower_first(c.label) for c in ans.categories if not c.fits],
            "would_fit": len(ans.placed(WOULD_FIT)), "does_not_fit": len(ans.placed(DOES_NOT_FIT)),
            "silent": [self.silent_item(c) for c in ans.silent],
            "notes": notes,
            "grid": {"head": [self.cat_label[c.category] for c in ans.categories], "legend": grid_legend(),
                     "rows": [{"label": self.char_label[ch], "silent": say_nothing() if ch in silent else "",
                               "cells": [cell(n) for n in counts]}
                              for ch, counts in zip(ans.grid.index, ans.grid.to_numpy().tolist())],
                     "total": [cell(len(c.sources)) for c in ans.categories]},
            "categories": categories,
            "tiers": [{"tier": t, "heading": TIER_HEADINGS[t], "statements": [self.statement(p, seen) for p in ans.placed(t)]}
                      for t in (WOULD_FIT, DOES_NOT_FIT) if ans.placed(t)],
            "disagreements": [self.disagreement(d, seen) for d in ans.disagreements],
            "drugs": self.drugs_model(ans, seen),
        }

    def about(self, cat: CategoryAnswer) -> str:
        """What a category's support is about, in the fewest words: "1 text, about grew despite hormonal therapy
        and liver only"; "5 texts, about hormone-receptor-positive; 2 about postmenopausal"."""
        return _macro("about")(self.category_model(cat, quotes=False)).unescape()

    def speaks(self, cat: CategoryAnswer) -> Html:
        """Which texts name which chosen characteristic, and what no text behind the category names."""
        return Html(_macro("speaks")(self.category_model(cat, quotes=False)))

    def disagreement(self, d, seen: set | None = None) -> Html:
        """One disagreement (a :class:`mbc_atlas.Disagreement` or a record with its fields), both sides quoted."""
        a, b = d.source_a, d.source_b
        return html.disagreement(d.summary, d.kind, (self.source_name[a], self.quote(d.quote_a, a, seen=seen)),
                                 (self.source_name[b], self.quote(d.quote_b, b, seen=seen)), d.disagreement_id)

    def disagreements(self, ans: Answer, seen: set | None = None) -> Html:
        if not ans.disagreements:
            return Html()
        return el("h3", "Where the texts disagree", cls="heading") + html.join(
            self.disagreement(d, seen) for d in ans.disagreements)

    def silent(self, ans: Answer) -> Html:
        if not ans.silent:
            return Html()
        return el("div", el("ul", [self.silent_item(c) for c in ans.silent], cls="list"), cls="silent")

    def silent_item(self, characteristic: str) -> Html:
        """One chosen characteristic the sources say nothing about, as a list item."""
        return el("li", el("strong", self.char_label[characteristic]), f": {say_nothing()}. None of the {self.n_texts} "
                                                                       "texts ties it to any treatment category.")

    def drug_name(self, generic: str) -> str:
        brand = self.drug_info[generic]["brand"]
        return f"{generic} ({brand})" if brand else generic

    def restriction(self, why: str, source_id: str, words: str, chars: Iterable[str], names: Iterable[str],
                    seen: set | None = None) -> Html:
        """Drugs the texts do not describe for a selection: the reason, and the text's quote if any."""
        return render_part("restriction", self.restriction_model(why, source_id, words, chars, list(names), seen))

    def drug_restriction(self, note) -> Html:
        """One drug set aside for a selection (a :class:`mbc_atlas.DrugNote` whose ``restricted`` is set)."""
        return self.restriction(note.restricted, note.restriction_source_id, note.restriction_quote,
                                note.contradicted_by, [self.drug_name(note.generic)])

    def restrictions(self, ans: Answer) -> Html:
        """Only the drugs the texts do not describe for this selection, each group with its reason."""
        return html.join(render_part("restriction", r) for r in self.drugs_model(ans)["restricted"])

    def definitions(self) -> Html:
        """Every choice's plain-language definition, in a block that opens on demand."""
        parts = []
        for _group, group_label, _choose, ids in self.groups:
            items = [el("li", el("strong", self.char_label[i]), f": {self.char_definition[i]}") for i in ids]
            parts.append(el("p", el("strong", group_label), cls="group-title") + el("ul", items, cls="list"))
        return html.details("What do these choices mean?", parts, cls=("definitions", "pane"))

    # -- the whole answer -----------------------------------------------------------------------------
    def parts(self, ans: Answer, lead: str = "You chose:") -> Parts:
        """The answer in three parts; ``lead`` heads the chosen characteristics ("The case:" where the
        learner did not choose them)."""
        m = self.model(ans, lead)
        return Parts(*(render_part(part, m) for part in ("summary", "grid", "answer")))

    def silence_note(self, ans: Answer, more: str = "") -> Html:
        """Why silence is not an answer either way, for the chosen characteristics no text names (then
        ``more``, a sentence such as when the texts date from)."""
        labels = join([self.char_label[c] for c in ans.silent])
        if not labels:
            return Html()
        return el("p", f"{upper_first(say_nothing(labels + ' cancer'))}: no quote in the {number(self.n_texts)} "
                       f"texts ties it to any category. {NOT_EVIDENCE} {more}".strip())


_LOADER = PackageLoader("mbc_atlas", "render/templates")
_ENV = Environment(loader=_LOADER, autoescape=True, trim_blocks=False)
_ENV.filters.update(plural=plural, agree=agree, join_words=join, upper_first=upper_first, lower_first=lower_first)
_ENV.globals["look"] = lambda *names: Markup(" ".join(filter(None, html.look(names))))
#: The templates that hold the words of the explorer's answer and of the self-check's verdict, for every screen:
#: Jinja2 here, Nunjucks on the kernel-free site (offline.js; make site compiles them from TEMPLATE_SOURCES).
TEMPLATE = _ENV.get_template("answer.html.j2")
TEMPLATE_SOURCES = {name: _LOADER.get_source(_ENV, name)[0] for name in ("answer.html.j2", "feedback.html.j2")}


def _macro(name: str) -> Callable[..., Markup]:
    """A macro of answer.html.j2, called from Python (the template module's attributes are its macros)."""
    return getattr(TEMPLATE.module, name)


def render_part(part: str, model: dict) -> Html:
    """One part of the answer ("summary", "grid", "answer", or one "restriction") from its view-model."""
    return render_template("answer.html.j2", part=part, m=model)


def render_template(name: str, **context) -> Html:
    """Any of TEMPLATE_SOURCES with its view-model (e.g. ``render_template("feedback.html.j2", f={...})``)."""
    return Html(_ENV.get_template(name).render(**context))


def cell(n: int) -> Html:
    """A cell of the evidence grid: the number of texts, and the shading that repeats it."""
    return el("td", str(n), cls=("cell", grid_shade(n)), data_count=n)


def view(atlas: Atlas | None = None) -> AnswerView:
    """The answer view of an atlas, built once and kept on the atlas."""
    return atlas_or_default(atlas).derive(AnswerView)


def render(ids: Iterable[str] | str, atlas: Atlas | None = None, lead: str = "You chose:") -> Parts:
    """The answer for a selection of characteristic ids, as HTML parts (raises ValueError on a selection
    :func:`mbc_atlas.validate_selection` refuses)."""
    v = view(atlas)
    return v.parts(answer(ids, v.atlas), lead)


def scenario_html(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Html:
    """The explorer's answer for a fixed selection, as one piece of HTML readable without a kernel."""
    return el("div", render(ids, atlas, "The scenario:").html(), cls="scenario")


def disagreements_html(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Html:
    """Only the "where the texts disagree" part of the answer, both quotes side by side ("" if none)."""
    v = view(atlas)
    return v.disagreements(answer(ids, v.atlas))


def restrictions_html(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Html:
    """Only the drugs that do not suit this selection, as the texts put it, each with the reason ("" if none)."""
    v = view(atlas)
    return v.restrictions(answer(ids, v.atlas))


def silent_html(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Html:
    """Only the chosen characteristics the sources say nothing about ("" if none)."""
    v = view(atlas)
    return v.silent(answer(ids, v.atlas))
