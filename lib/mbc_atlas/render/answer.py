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

from collections.abc import Iterable
from dataclasses import dataclass

from ..analysis.evidence import as_quoted
from ..load import Atlas, atlas_or_default
from ..query import DOES_NOT_FIT, FITS, WOULD_FIT, Answer, CategoryAnswer, Placement, answer, drugs
from ..words import agree, join, lower_first, number, plural, upper_first
from . import html
from .html import Html, el, visible_text
from .editors import notes_html, selection_html
from .theme import grid_legend, grid_shade

__all__ = ["cell", "AnswerView", "Parts", "render", "view", "visible_text", "scenario_html", "disagreements_html",
           "restrictions_html", "silent_html", "TIER_HEADINGS"]

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

    # -- words ------------------------------------------------------------------------------------------
    def label(self, characteristic: str) -> str:
        """A characteristic's label as it reads inside a sentence."""
        return lower_first(self.char_label[characteristic])

    def labels(self, ids: Iterable[str], word: str = "and") -> str:
        return join([self.label(c) for c in ids], word)

    # -- pieces ---------------------------------------------------------------------------------------
    def quote(self, words: str, source_id: str, context: str = "", also: str = "", extra: str = "",
              seen: set | None = None) -> Html:
        """A verbatim quote with its source (name and kind of publisher), and beside it any editors' note on it
        (each note once in an answer: ``seen`` holds the ids shown so far). An item of a list is quoted under the
        list's heading (its ``context``)."""
        words, context = as_quoted(self.atlas.texts[source_id], words, context)
        return (html.quote(words, self.source_name[source_id], self.source_kind[source_id], extra, context, also)
                + notes_html(words, source_id, self.atlas, seen))

    def statement(self, p: Placement, seen: set | None = None) -> Html:
        """One placed statement: its quote, how the text puts it, and why it sits in its tier."""
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
                  self.quote(s.quote, s.source_id, s.context, s.also_quote, seen=seen), attributed,
                  cls="statement", data_tier=p.tier, data_category=s.category)

    def chosen(self, ans: Answer, lead: str = "You chose:") -> Html:
        chips = [el("li", self.char_label[c], cls="chip") for c in ans.selection]
        return el("p", el("strong", lead), cls="para") + el("ul", chips, cls="chips")

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

    def about(self, cat: CategoryAnswer) -> str:
        """What a category's support is about, in the fewest words: "1 text, about grew despite hormonal therapy
        and liver only"; "5 texts, about hormone-receptor-positive; 2 about postmenopausal". A text is counted for
        a characteristic only where its fitting statement names it."""
        n = len(cat.sources)
        full = [c for c, ids in cat.speaks_to if len(ids) == n]
        part = [f"{len(ids)} about {self.label(c)}" for c, ids in cat.speaks_to if len(ids) < n]
        words = plural(n, "text") + (f", about {self.labels(full)}" if full else ":") + "".join(
            ("; " if full or k else " ") + bit for k, bit in enumerate(part))
        if cat.speaks_to_none:
            words += f"; none about {self.labels(cat.speaks_to_none, 'or')}" if part else " only"
        if cat.fits and all(p.statement.qualifier for p in cat.fits):
            words += ", with a qualifier"
        if cat.only_implied:
            words += ", only implied"
        return words

    def speaks(self, cat: CategoryAnswer) -> Html:
        """Which texts name which chosen characteristic, and what no text behind the category names."""
        said = [f"about {self.label(c)}: {join(self.source_name[i] for i in ids)}" for c, ids in cat.speaks_to]
        words = upper_first("; ".join(said)) + "."
        if cat.speaks_to_none:
            words += f" None names {self.labels(cat.speaks_to_none, 'or')}."
        if cat.qualifiers:
            words += " With a qualifier no choice sets: " + "; ".join(
                f"\u201c{q}\u201d ({self.source_name[i]})" for i, q in cat.qualifiers) + "."
        return el("p", words, cls="line", data_speaks="")

    def category(self, cat: CategoryAnswer, seen: set | None = None) -> Html:
        n = len(cat.sources)
        if not n:
            return self.category_head(cat.category, 0)
        implied = (el("p", el("em", "Only implied: no text states this outright; read the quote and its note."),
                      cls="line") if cat.only_implied else None)
        show = ("Show the quote and its source" if len(cat.fits) == 1
                else f"Show the {len(cat.fits)} quotes, each with its source")
        return el("section",
                  self.category_head(cat.category, n),
                  self.speaks(cat),
                  el("p", f"How they put it: {'; '.join(cat.stances)}.", cls="line"), implied,
                  html.details(show, [self.statement(p, seen) for p in cat.fits]),
                  cls=("category", "category-associated"), data_category=cat.category, data_texts=n)

    def tier(self, ans: Answer, tier: str, seen: set | None = None) -> Html:
        """The statements of one of the two tiers shown apart ("" when there are none)."""
        placed = ans.placed(tier)
        if not placed:
            return Html()
        n = len(placed)
        names = f"{plural(n, 'statement')} in the texts {agree(n, 'names', 'name')} something you chose"
        if tier == WOULD_FIT:
            intro = (f"{names} but {agree(n, 'holds', 'hold')} only together with something you have not chosen. "
                     "They are not counted in the answer above.")
        else:
            intro = (f"{names}, but your selection contradicts {agree(n, 'it', 'them')}: they are no evidence "
                     "for it.")
        return el("section", el("h3", TIER_HEADINGS[tier], cls="heading"), el("p", intro, cls="line"),
                  [self.statement(p, seen) for p in placed], cls=("tier", f"tier-{tier}"), data_tier=tier)

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
        return el("li", el("strong", self.char_label[characteristic]), f": the sources say nothing about this. None "
                                                                       f"of the {self.n_texts} texts ties it to any "
                                                                       "treatment category.")

    def drug_name(self, generic: str) -> str:
        brand = self.drug_info[generic]["brand"]
        return f"{generic} ({brand})" if brand else generic

    def restriction(self, why: str, source_id: str, words: str, chars: Iterable[str], names: Iterable[str],
                    seen: set | None = None) -> Html:
        """Drugs the texts do not describe for a selection: the reason, and the text's quote if any."""
        return el("div", el("p", el("strong", f"Drugs the texts do not describe for {self.labels(chars)}:"),
                            f" {join(names)}. {upper_first(why)}.", cls="line"),
                  self.quote(words, source_id, seen=seen) if words else None, cls="restricted")

    def drug_restriction(self, note) -> Html:
        """One drug set aside for a selection (a :class:`mbc_atlas.DrugNote` whose ``restricted`` is set)."""
        return self.restriction(note.restricted, note.restriction_source_id, note.restriction_quote,
                                note.contradicted_by, [self.drug_name(note.generic)])

    def drugs(self, ans: Answer, restricted_only: bool = False, seen: set | None = None) -> Html:
        if not ans.drugs:
            return Html()
        by_cat, apart, restricted = {}, [], {}
        associated = {c.category for c in ans.associated}
        for d in ans.drugs:
            info = self.drug_info[d.generic]
            name = f"{d.generic} ({d.brand})" if d.brand else d.generic
            shown = [name]
            if d.restricted:
                key = (d.restricted, d.restriction_source_id, d.restriction_quote, d.contradicted_by)
                restricted.setdefault(key, []).append(name)
                shown.append(el("strong", " [does not suit your selection: see below]"))
            if info.get("second_category"):
                shown += [f" (a text also files it under {lower_first(self.cat_label[info['second_category']])}: “",
                          html.text(info["second_category_quote"]),
                          f"” — {self.source_name[info['second_category_source_id']]})"]
            if d.category in associated and d.tier == FITS:
                by_cat.setdefault(d.category, []).append(html.join(shown))
            elif d.category in associated:
                apart.append(html.join(shown))
        out = []
        if (by_cat or apart) and not restricted_only:
            rows = [el("li", el("strong", f"{self.cat_label[c]}:"), " ", html.join(by_cat[c], ", "))
                    for c in self.cat_label if c in by_cat]
            out += [el("h3", "Drugs the texts name for your selection", cls="heading"),
                    el("p", "Named in a statement that fits your selection (its quote is above)." if rows else
                       "No statement that fits your selection names a drug.", cls="line"),
                    el("ul", rows, cls="list") if rows else None]
            if apart:
                out.append(el("p", "Named by the texts in the same categories, but in no statement that fits your "
                                   "selection: ", html.join(apart, ", "), ".", cls="line", data_drugs_apart=""))
        for (why, sid, words, chars), names in restricted.items():
            out.append(self.restriction(why, sid, words, chars, names, seen))
        return html.join(out)

    def grid(self, ans: Answer) -> Html:
        head = [el("th", self.cat_label[c.category], cls="cell", scope="col") for c in ans.categories]
        silent = set(ans.silent)
        rows = []
        for ch, counts in zip(ans.grid.index, ans.grid.to_numpy().tolist()):
            note = [" ", el("span", "(the sources say nothing about this)", cls="normal")] if ch in silent else None
            rows.append(el("tr", el("th", self.char_label[ch], note, cls=("cell", "cell-head"), scope="row"),
                           [cell(n) for n in counts]))
        rows.append(el("tr", el("th", "Texts with a fitting statement", cls=("cell", "cell-head"), scope="row"),
                       [cell(len(c.sources)) for c in ans.categories], cls="total"))
        caption = (f"Evidence grid: how many of the {self.n_texts} texts make a statement that fits your "
                   "selection, by the characteristic the statement names and the treatment category")
        table = el("table", el("caption", caption, cls="caption"),
                   el("thead", el("tr", el("th", "Characteristic", cls=("cell", "cell-head"), scope="col"), head)),
                   el("tbody", rows), cls="grid")
        return el("div", table,
                  el("p", f"Each cell is a number of texts; the shading repeats it ({grid_legend()} texts). "
                          "Statements that would fit only if more were chosen, or that your selection "
                          "contradicts, are not counted.", cls="small"),
                  cls=("grid-box", "pane"), data_selection=" ".join(ans.selection))

    def definitions(self) -> Html:
        """Every choice's plain-language definition, in a block that opens on demand."""
        parts = []
        for _group, group_label, _choose, ids in self.groups:
            items = [el("li", el("strong", self.char_label[i]), f": {self.char_definition[i]}") for i in ids]
            parts.append(el("p", el("strong", group_label), cls="group-title") + el("ul", items, cls="list"))
        return html.details("What do these choices mean?", parts, cls=("definitions", "pane"))

    def headline(self, ans: Answer) -> Html:
        """The short answer: the associated categories with their counts, and what is not associated."""
        assoc = ans.associated
        if not assoc:
            return el("p", el("strong", f"No statement in the {self.n_texts} texts ties a treatment category to "
                                        "your whole selection."), cls="para")
        out = el("p", el("strong", "The sources associate with your choices:"), cls="para") + el(
            "ul", [el("li", el("strong", c.label), f" \u2014 {self.about(c)}.") for c in assoc], cls="list")
        others = [lower_first(c.label) for c in ans.categories if not c.fits]
        if others:
            out += el("p", f"No statement that fits ties {join(others, 'or')} to it.", cls="para")
        return out

    def prompt(self) -> Parts:
        """What shows before anything is chosen."""
        return Parts(
            summary=el("div", el("p", el("strong", "Choose one or more characteristics above"),
                                 f" to see which treatment categories the {self.n_texts} texts associate with them, "
                                 "how many texts do, and the quotes that say so. Nothing is chosen yet.", cls="para"),
                       cls=("summary", "pane"), data_selection=""),
            grid=Html(), answer=el("div", cls="answer", data_selection=""))

    # -- the whole answer -----------------------------------------------------------------------------
    def parts(self, ans: Answer, lead: str = "You chose:") -> Parts:
        """The answer in three parts; ``lead`` heads the chosen characteristics ("The case:" where the
        learner did not choose them)."""
        if not ans.selection:
            return self.prompt()
        others = [f"{plural(len(ans.placed(t)), 'statement')} {words}"
                  for t, words in ((WOULD_FIT, "would fit if you chose more"),
                                   (DOES_NOT_FIT, "do not fit your selection")) if ans.placed(t)]
        apart = el("p", f"Shown apart below: {join(others)}.", cls="para") if others else None
        sel = " ".join(ans.selection)
        seen: set = set()      # each editors' note once in an answer
        summary = el("div", self.chosen(ans, lead), self.headline(ans), apart, self.silent(ans),
                     el("p", "This is what the texts say; it is not advice for any patient.", cls="small"),
                     selection_html(ans.selection, self.atlas, seen), cls=("summary", "pane"), data_selection=sel)
        body = el("div", el("h3", "Each treatment category", cls="heading"),
                  [self.category(c, seen) for c in ans.categories],
                  self.tier(ans, WOULD_FIT, seen), self.tier(ans, DOES_NOT_FIT, seen), self.disagreements(ans, seen),
                  self.drugs(ans, seen=seen),
                  cls=("answer", "pane"), data_selection=sel)
        return Parts(summary=summary, grid=self.grid(ans), answer=body)

    def silence_note(self, ans: Answer, more: str = "") -> Html:
        """Why silence is not an answer either way, for the chosen characteristics no text names (then
        ``more``, a sentence such as when the texts date from)."""
        labels = join([self.char_label[c] for c in ans.silent])
        if not labels:
            return Html()
        return el("p", f"The {number(self.n_texts)} texts are silent: no quote ties {labels} cancer to any category. "
                       "Silence in these patient-education texts says nothing about what other sources, or current "
                       f"guidelines, say. {more}".strip())


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
    return v.drugs(answer(ids, v.atlas), restricted_only=True)


def silent_html(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Html:
    """Only the chosen characteristics the sources say nothing about ("" if none)."""
    v = view(atlas)
    return v.silent(answer(ids, v.atlas))
