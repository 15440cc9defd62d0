"""The explorer: choose tumour and patient characteristics and see which treatment categories the five
texts associate with them, with the quotes that say so.

``explorer()`` returns a live ipywidgets app; ``scenario(ids)`` shows the same answer as plain HTML, so a
notebook reads the same without a kernel. Both draw from :func:`mbc_atlas.answer` through one renderer.

>>> from mbc_atlas.explorer import render, visible_text
>>> parts = render(["premenopausal"])
>>> "the sources say nothing about this" in visible_text(render(["her2_negative"]).summary)
True
>>> "Restricted" in visible_text(parts.answer)
True
"""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

import ipywidgets as widgets
from IPython.display import HTML

from . import lesson
from .load import Atlas
from .query import SEP, _atlas, answer, drugs, validate_selection

NOT_SET = ""
NOT_SET_LABEL = "not set"

# Okabe-Ito colours, each used with a text colour that keeps contrast >= 4.5:1 and never alone:
# every cell carries its number and every marked item its words.
ASSOCIATED = "#009E73"      # bluish green: border of a category the texts associate
NOT_ASSOCIATED = "#767676"  # grey, dashed: border of a category they do not
DISAGREE = "#E69F00"        # orange: border of a disagreement
RESTRICTED = "#D55E00"      # vermillion: border of a restricted drug
GRID_SHADES = (             # (fewest texts, background, text colour, words for the legend)
    (0, "#FFFFFF", "#222222", "white"),
    (1, "#56B4E9", "#000000", "sky blue"),
    (3, "#0072B2", "#FFFFFF", "blue"),
)
TEXT = "#222222"
BACKGROUND = "#FFFFFF"

_BOX = f"font-size:16px;line-height:1.45;color:{TEXT};background:{BACKGROUND};padding:4px 8px"
_H = "font-size:1.15em;font-weight:bold;margin:14px 0 6px 0;color:#000"
_QUOTE = "border-left:4px solid #0072B2;margin:6px 0;padding:4px 10px;color:#222;background:#F7F7F7"

# Widget text is 13px by default; a projector needs 16px (12 pt) at least. Scoped to the app's own class.
STYLE = """<style>
.mbc-explorer, .mbc-explorer .widget-label, .mbc-explorer .widget-label-basic,
.mbc-explorer .widget-toggle-button, .mbc-explorer .jupyter-button,
.mbc-explorer .widget-checkbox label, .mbc-explorer .widget-html-content { font-size: 16px; }
.mbc-explorer .widget-toggle-buttons .widget-label, .mbc-explorer .mbc-group-label { font-weight: bold; }
.mbc-explorer .widget-toggle-button, .mbc-explorer .jupyter-button { height: auto; min-height: 32px;
  white-space: normal; line-height: 1.2; padding: 4px 10px; }
.mbc-explorer .widget-label { min-width: 15em; }
.mbc-explorer .widget-checkbox { width: auto; margin-right: 18px; }
.mbc-explorer .widget-checkbox input { width: 18px; height: 18px; }
.mbc-explorer .jupyter-button:focus-visible, .mbc-explorer input:focus-visible {
  outline: 3px solid #0072B2; outline-offset: 2px; }
.mbc-explorer .widget-toggle-button.mod-active { background: #0072B2; color: #FFFFFF; }
</style>"""


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two '#RRGGBB' colours (4.5 or more is readable text).

    >>> round(contrast("#000000", "#FFFFFF"), 1)
    21.0
    """
    def lum(c):
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(foreground), lum(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _legend() -> str:
    """The grid's shading in words, e.g. 'white = 0, sky blue = 1–2, blue = 3 or more'."""
    out = []
    for k, (lo, _, _, words) in enumerate(GRID_SHADES):
        hi = GRID_SHADES[k + 1][0] - 1 if k + 1 < len(GRID_SHADES) else None
        out.append(f"{words} = {lo}" + (" or more" if hi is None else "" if hi == lo else f"–{hi}"))
    return ", ".join(out)


def _shade(n: int):
    return [s for s in GRID_SHADES if n >= s[0]][-1]


def _text(s: str) -> str:
    """Escape text for HTML, keeping the line breaks of a quote."""
    return escape(s).replace("\n", "<br>")


def _join(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Parts:
    """What the learner sees for a selection: ``summary`` (what was chosen and the short answer, or a
    prompt), ``grid`` (the evidence table) and ``answer`` (categories with quotes, disagreements, drugs)."""

    summary: str
    grid: str
    answer: str

    def html(self) -> str:
        return self.summary + self.grid + self.answer


class Renderer:
    """Everything about an atlas that does not depend on the selection, prepared once; ``render(ids)``
    then costs one :func:`mbc_atlas.answer` and some string joining."""

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        src = atlas["sources"]
        self.source_name = dict(zip(src["source_id"], src["short_name"]))
        self.source_kind = dict(zip(src["source_id"], src["publisher_kind"]))
        self.n_texts = len(src)
        ch = atlas["characteristics"]
        self.char_label = dict(zip(ch["characteristic"], ch["label"]))
        self.char_definition = dict(zip(ch["characteristic"], ch["definition"]))
        self.groups = []  # (group, group_label, choose, [characteristic ids])
        for group in dict.fromkeys(ch["group"]):
            part = ch[ch["group"] == group]
            self.groups.append((group, part["group_label"].iloc[0], part["choose"].iloc[0],
                                list(part["characteristic"])))
        cats = atlas["categories"]
        self.cat_label = dict(zip(cats["category"], cats["label"]))
        self.drug_info = {d["generic"]: d for d in drugs(atlas).to_dict("records")}
        self._quotes = {}

    # -- pieces ---------------------------------------------------------------------------------------
    def quote(self, quote: str, source_id: str) -> str:
        key = (quote, source_id)
        if key not in self._quotes:
            self._quotes[key] = (
                f'<blockquote class="mbc-quote" style="{_QUOTE}">“{_text(quote)}”<br>'
                f'<cite style="color:#333;font-size:0.9em">— {escape(self.source_name[source_id])}'
                f' ({escape(self.source_kind[source_id])})</cite></blockquote>')
        return self._quotes[key]

    def names(self, ids) -> str:
        return _join([escape(self.source_name[s]) for s in ids])

    def _chosen(self, ans) -> str:
        chips = "".join(f'<li style="display:inline-block;margin:2px 8px 2px 0;padding:1px 8px;'
                        f'border:1px solid #0072B2;border-radius:10px">{escape(self.char_label[c])}</li>'
                        for c in ans.selection)
        return (f'<p style="margin:4px 0"><strong>You chose:</strong></p>'
                f'<ul class="mbc-chosen" style="list-style:none;padding:0;margin:0 0 6px 0">{chips}</ul>')

    def _claim_groups(self, claims):
        """Claims sharing a quote shown once, with every characteristic it bears on."""
        groups = {}
        for r in claims:
            g = groups.setdefault((r["source_id"], r["quote"]), [])
            g.append(r)
        return groups

    def _category(self, cat) -> str:
        n, label = len(cat.sources), escape(cat.label)
        if not n:
            return (f'<section class="mbc-category" data-category="{cat.category}" data-texts="0" '
                    f'style="border-left:6px dashed {NOT_ASSOCIATED};padding:2px 10px;margin:10px 0">'
                    f'<h4 style="{_H}">{label} ({cat.scope}): not associated</h4>'
                    f'<p style="margin:2px 0">None of the {self.n_texts} texts ties {label.lower()} to '
                    f'the characteristics you chose.</p></section>')
        groups = self._claim_groups(cat.claims)
        items = []
        for (sid, quote), rows in groups.items():
            ties = []
            for r in rows:
                bits = [escape(r["stance_label"])]
                if r["condition"]:
                    bits.append("condition: " + escape(r["condition"]))
                ties.append(f'<li><strong>{escape(self.char_label[r["characteristic"]])}</strong>: '
                            f'{"; ".join(bits)}</li>')
            attributed = dict.fromkeys(r["attributed_to"] for r in rows if r["attributed_to"])
            attr = "".join(f'<p style="margin:2px 0 2px 14px"><em>The text reports this as the view of '
                           f'{escape(a)}.</em></p>' for a in attributed)
            items.append(f'<div class="mbc-claim" style="margin:8px 0">{self.quote(quote, sid)}{attr}'
                         f'<ul style="margin:2px 0 2px 14px;padding-left:14px">{"".join(ties)}</ul></div>')
        show = ("Show the quote and its source" if len(groups) == 1
                else f"Show the {len(groups)} quotes, each with its source")
        return (f'<section class="mbc-category" data-category="{cat.category}" data-texts="{n}" '
                f'style="border-left:6px solid {ASSOCIATED};padding:2px 10px;margin:10px 0">'
                f'<h4 style="{_H}">{label} ({cat.scope}): associated by {n} of {self.n_texts} texts</h4>'
                f'<p style="margin:2px 0">The sources associate {label.lower()} with your selection: '
                f'{self.names(cat.sources)}.</p>'
                f'<p style="margin:2px 0">How they put it: {escape("; ".join(cat.stances))}.</p>'
                f'<details><summary style="cursor:pointer;color:#0072B2;margin:4px 0">{show}</summary>'
                f'{"".join(items)}</details></section>')

    def _disagreements(self, ans) -> str:
        if not ans.disagreements:
            return ""
        out = [f'<h3 style="{_H}">Where the texts disagree</h3>']
        for d in ans.disagreements:
            a, b = d["source_a"], d["source_b"]
            out.append(
                f'<section class="mbc-disagreement" data-disagreement="{escape(d["disagreement_id"])}" '
                f'style="border-left:6px solid {DISAGREE};padding:2px 10px;margin:10px 0">'
                f'<p style="margin:2px 0"><strong>The texts disagree ({escape(d["kind"])}).</strong> '
                f'{escape(d["summary"])}</p>'
                f'<div style="display:flex;flex-wrap:wrap;gap:12px">'
                f'<div style="flex:1 1 300px"><strong>{escape(self.source_name[a])} says:</strong>'
                f'{self.quote(d["quote_a"], a)}</div>'
                f'<div style="flex:1 1 300px"><strong>{escape(self.source_name[b])} says:</strong>'
                f'{self.quote(d["quote_b"], b)}</div></div></section>')
        return "".join(out)

    def _silent(self, ans) -> str:
        if not ans.silent:
            return ""
        items = "".join(f'<li><strong>{escape(self.char_label[c])}</strong>: the sources say nothing about '
                        f'this. None of the {self.n_texts} texts ties it to any treatment category.</li>'
                        for c in ans.silent)
        return (f'<div class="mbc-silent" style="border-left:6px solid #000000;background:#F2F2F2;padding:2px 10px;margin:8px 0">'
                f'<ul style="margin:2px 0;padding-left:18px">{items}</ul></div>')

    def _drugs(self, ans, restricted_only: bool = False) -> str:
        if not ans.drugs:
            return ""
        chosen = set(ans.selection)
        by_cat, restricted = {}, {}
        for d in ans.drugs:
            info = self.drug_info[d.generic]
            name = f'{escape(d.generic)} ({escape(d.brand)})' if d.brand else escape(d.generic)
            if d.restricted:
                why = sorted(set(filter(None, info["restricted_with"].split(SEP))) & chosen,
                             key=list(self.char_label).index)
                key = (d.restricted, d.restriction_source_id, d.restriction_quote, tuple(why))
                restricted.setdefault(key, []).append(name)
                name += ' <strong>[restricted: see below]</strong>'
            if info.get("second_category"):
                name += (f' (a text also files it under '
                         f'{escape(self.cat_label[info["second_category"]].lower())}: '
                         f'“{_text(info["second_category_quote"])}” — '
                         f'{escape(self.source_name[info["second_category_source_id"]])})')
            by_cat.setdefault(d.category, []).append(name)
        rows = "".join(f'<li><strong>{escape(self.cat_label[c])}:</strong> {", ".join(by_cat[c])}</li>'
                       for c in self.cat_label if c in by_cat)
        out = [] if restricted_only else [f'<h3 style="{_H}">Drugs the texts name in these categories</h3>',
               f'<p style="margin:2px 0">Listed by category: a drug named here is not necessarily one a text '
               f'ties to your choices (the quotes above show which are).</p>',
               f'<ul style="margin:2px 0;padding-left:18px">{rows}</ul>']
        for (why, sid, quote, chars), names in restricted.items():
            out.append(
                f'<div class="mbc-restricted" style="border-left:6px solid {RESTRICTED};background:#FFF4EC;'
                f'padding:4px 10px;margin:8px 0"><p style="margin:2px 0"><strong>Restricted by a text for '
                f'{escape(_join([self.char_label[c] for c in chars]))}:</strong> {_join(names)}. '
                f'{escape(why[:1].upper() + why[1:])}.</p>{self.quote(quote, sid)}</div>')
        return "".join(out)

    def _grid(self, ans) -> str:
        cats = [c.category for c in ans.categories]
        head = "".join(f'<th scope="col" style="{_CELL}">{escape(self.cat_label[c])}</th>' for c in cats)
        rows = []
        silent = set(ans.silent)
        for ch, counts in zip(ans.grid.index, ans.grid.to_numpy().tolist()):
            note = ' <span style="font-weight:normal">(the sources say nothing about this)</span>' \
                if ch in silent else ""
            rows.append(f'<tr><th scope="row" style="{_CELL};text-align:left">'
                        f'{escape(self.char_label[ch])}{note}</th>{"".join(_cell(n) for n in counts)}</tr>')
        union = [len(c.sources) for c in ans.categories]
        rows.append(f'<tr style="border-top:3px double #222"><th scope="row" style="{_CELL};text-align:left">'
                    f'At least one of your choices</th>{"".join(_cell(n) for n in union)}</tr>')
        legend = _legend()
        return (f'<div class="mbc-grid-box" data-selection="{" ".join(ans.selection)}" style="{_BOX}">'
                f'<table class="mbc-grid" style="border-collapse:collapse;margin:6px 0;font-size:16px">'
                f'<caption style="caption-side:top;text-align:left;font-weight:bold;padding:4px 0;font-size:16px;'
                f'color:#222">'
                f'Evidence grid: how many of the {self.n_texts} texts tie each characteristic you chose to each '
                f'treatment category</caption>'
                f'<thead><tr><th scope="col" style="{_CELL};text-align:left">Characteristic</th>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>'
                f'<p style="margin:2px 0;font-size:0.95em">Each cell is a number of texts; the shading repeats '
                f'it ({legend} texts). The last row counts texts that tie the category to any of your '
                f'choices, so it can be less than the sum above it.</p></div>')

    def definitions_html(self) -> str:
        """Every choice's plain-language definition, in a block that opens on demand."""
        parts = []
        for _group, group_label, _choose, ids in self.groups:
            items = "".join(f'<li><strong>{escape(self.char_label[i])}</strong>: '
                            f'{escape(self.char_definition[i])}</li>' for i in ids)
            parts.append(f'<p style="margin:6px 0 2px 0"><strong>{escape(group_label)}</strong></p>'
                         f'<ul style="margin:0;padding-left:18px">{items}</ul>')
        return (f'<details class="mbc-definitions" style="{_BOX}"><summary style="cursor:pointer;color:#0072B2">'
                f'What do these choices mean?</summary>{"".join(parts)}</details>')

    # -- the whole answer -----------------------------------------------------------------------------
    def render(self, ids) -> Parts:
        ans = answer(ids, self.atlas)
        if not ans.selection:
            return Parts(
                summary=(f'<div class="mbc-summary" data-selection="" style="{_BOX}"><p style="margin:4px 0">'
                         f'<strong>Choose one or more characteristics above</strong> to see which treatment '
                         f'categories the {self.n_texts} texts associate with them, how many texts do, and '
                         f'the quotes that say so. Nothing is chosen yet.</p></div>'),
                grid="", answer='<div class="mbc-answer" data-selection=""></div>')
        assoc = ans.associated
        if assoc:
            listed = _join([f'{escape(c.label.lower())} ({len(c.sources)} of {self.n_texts} texts)'
                            for c in assoc])
            short = (f'<p style="margin:4px 0"><strong>The sources associate {listed}</strong> with at least '
                     f'one of your choices.</p>')
            others = [c for c in ans.categories if not c.sources]
            if others:
                short += (f'<p style="margin:4px 0">No text ties {_join([escape(c.label.lower()) for c in others])}'
                          f' to them.</p>')
        else:
            short = (f'<p style="margin:4px 0"><strong>None of the {self.n_texts} texts ties any treatment '
                     f'category to what you chose.</strong></p>')
        sel = " ".join(ans.selection)
        summary = (f'<div class="mbc-summary" data-selection="{sel}" style="{_BOX}">{self._chosen(ans)}{short}'
                   f'{self._silent(ans)}'
                   f'<p style="margin:4px 0;font-size:0.95em">This is what the texts say; it is not advice for '
                   f'any patient.</p></div>')
        body = (f'<div class="mbc-answer" data-selection="{sel}" style="{_BOX}">{self._disagreements(ans)}'
                f'<h3 style="{_H}">Each treatment category</h3>'
                f'{"".join(self._category(c) for c in ans.categories)}{self._drugs(ans)}</div>')
        return Parts(summary=summary, grid=self._grid(ans), answer=body)


# Explicit size and background: JupyterLab's own table style (12px, zebra rows) must not win.
_CELL = "border:1px solid #767676;padding:4px 10px;text-align:center;font-size:16px;color:#222;background:#FFFFFF"


def _cell(n: int) -> str:
    _, bg, fg, _ = _shade(n)
    return f'<td data-count="{n}" style="{_CELL};background:{bg};color:{fg};font-weight:bold">{n}</td>'


_RENDERERS: dict = {}


def renderer(atlas: Atlas | None = None) -> Renderer:
    """The renderer for an atlas, built once per atlas."""
    a = _atlas(atlas)
    r = _RENDERERS.get(id(a))
    if r is None or r.atlas is not a:
        r = _RENDERERS[id(a)] = Renderer(a)
    return r


def render(ids, atlas: Atlas | None = None) -> Parts:
    """The explorer's answer for a list of characteristic ids, as HTML parts (raises ValueError on a
    selection :func:`mbc_atlas.validate_selection` refuses)."""
    return renderer(atlas).render(ids)


def scenario_html(ids, atlas: Atlas | None = None) -> str:
    """The explorer's answer for a fixed selection as one HTML string, readable without a kernel."""
    return render(ids, atlas).html()


def disagreements_html(ids, atlas: Atlas | None = None) -> str:
    """Only the "where the texts disagree" part of the answer, both quotes side by side ("" if none)."""
    r = renderer(atlas)
    return r._disagreements(answer(ids, r.atlas))


def restrictions_html(ids, atlas: Atlas | None = None) -> str:
    """Only the drugs a text restricts for this selection, each with the restricting quote ("" if none)."""
    r = renderer(atlas)
    return r._drugs(answer(ids, r.atlas), restricted_only=True)


def silent_html(ids, atlas: Atlas | None = None) -> str:
    """Only the chosen characteristics the sources say nothing about ("" if none)."""
    r = renderer(atlas)
    return r._silent(answer(ids, r.atlas))


def scenario(ids, atlas: Atlas | None = None) -> HTML:
    """Show the explorer's answer for a fixed selection (a guided scenario) as plain HTML."""
    return HTML(f'<div class="mbc-scenario">{scenario_html(ids, atlas)}</div>')


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        elif tag in ("br", "p", "li", "tr", "h3", "h4", "blockquote", "div", "section", "summary", "caption"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The words a reader sees in a piece of HTML (tags dropped, entities decoded, spaces squeezed).

    >>> visible_text('<p>A &amp; <strong>B</strong></p><style>p{}</style>')
    'A & B'
    """
    p = _Text()
    p.feed(html)
    p.close()
    lines = (" ".join(line.split()) for line in "".join(p.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class Explorer(widgets.VBox):
    """The live explorer. Its parts are attributes so a test can drive it as a learner would:

    ``controls`` maps each one-choice group (``"receptor"``, ``"her2"``, ``"menopause"``) to its
    ToggleButtons and each characteristic of an any-choice group (``"bone"``, ...) to its Checkbox;
    ``reset_button``; ``summary_html``, ``grid_html`` and ``answer_html`` show the answer; ``note_html``
    the educational-use note.
    """

    def __init__(self, atlas: Atlas | None = None, **kwargs):
        self.renderer = renderer(atlas)
        r = self.renderer
        self.controls = {}
        self.groups = {}
        self._quiet = False
        rows = []
        for group, group_label, choose, ids in r.groups:
            self.groups[group] = ids
            if choose == "one":
                what = group_label if group_label[1:2].isupper() else group_label[:1].lower() + group_label[1:]
                c = widgets.ToggleButtons(
                    options=[(NOT_SET_LABEL, NOT_SET)] + [(r.char_label[i], i) for i in ids],
                    value=NOT_SET, description=group_label,
                    tooltip=f"{group_label}: choose one, or 'not set'",
                    tooltips=[f"Not set: the explorer leaves {what} out"] + [r.char_definition[i] for i in ids],
                    style={"button_width": "auto", "description_width": "initial"},
                )
                c.add_class("mbc-control")
                c.add_class(f"mbc-group-{group}")
                self.controls[group] = c
                rows.append(c)
            else:
                boxes = []
                for i in ids:
                    c = widgets.Checkbox(value=False, description=r.char_label[i], indent=False,
                                         tooltip=r.char_definition[i],
                                         layout=widgets.Layout(width="auto"))
                    c.add_class("mbc-control")
                    c.add_class(f"mbc-ctl-{i}")
                    self.controls[i] = c
                    boxes.append(c)
                label = widgets.HTML(f'<span style="font-weight:bold">{escape(group_label)}</span> '
                                     f'<span>(tick any)</span>')
                label.add_class("mbc-group-label")
                rows.append(widgets.VBox([label, widgets.HBox(boxes, layout=widgets.Layout(flex_flow="row wrap"))]))
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        # A checkbox with a description shows the description as its title, not the tooltip (ipywidgets
        # 8.1), and no tooltip shows on keyboard focus: so every definition is also written out here.
        self.definitions_html = widgets.HTML(r.definitions_html())
        self.definitions_html.add_class("mbc-definitions-widget")
        self.reset_button = widgets.Button(description="Reset", tooltip="Clear every choice (set all to 'not set')",
                                           button_style="")
        self.reset_button.add_class("mbc-reset")
        self.reset_button.on_click(lambda _b: self.reset())
        self.note_html = widgets.HTML(STYLE + lesson.note_html())
        self.summary_html = widgets.HTML()
        self.grid_html = widgets.HTML()
        self.answer_html = widgets.HTML()
        for w, cls in ((self.summary_html, "mbc-summary-widget"), (self.grid_html, "mbc-grid-widget"),
                       (self.answer_html, "mbc-answer-widget")):
            w.add_class(cls)
            w.layout = widgets.Layout(width="100%")
        heading = widgets.HTML(f'<p style="margin:4px 0">Choose characteristics; the answer below updates at '
                               f'once. Hover over a button for its definition, or open “What do these choices '
                               f'mean?” under the Reset button.</p>')
        super().__init__([self.note_html, heading, *rows, self.reset_button, self.definitions_html,
                          self.summary_html, self.grid_html, self.answer_html], **kwargs)
        self.add_class("mbc-explorer")
        self.refresh()

    def __repr__(self):
        return "mbc_atlas explorer (run the cell with a live kernel to use it)"

    @property
    def selection(self) -> list:
        """The characteristic ids chosen now, in vocabulary order."""
        out = []
        for group, ids in self.groups.items():
            c = self.controls.get(group)
            if c is not None:
                if c.value != NOT_SET:
                    out.append(c.value)
            else:
                out.extend(i for i in ids if self.controls[i].value)
        return out

    def select(self, ids):
        """Set the controls to exactly these ids (others cleared), as a learner clicking would."""
        ids = validate_selection(ids, self.renderer.atlas)
        self._quiet = True
        try:
            for group, members in self.groups.items():
                c = self.controls.get(group)
                if c is not None:
                    c.value = next((i for i in members if i in ids), NOT_SET)
                else:
                    for i in members:
                        self.controls[i].value = i in ids
        finally:
            self._quiet = False
        self.refresh()

    def reset(self):
        """Clear every control: back to the empty state."""
        self.select([])

    def _on_change(self, _change):
        if not self._quiet:
            self.refresh()

    def refresh(self):
        parts = self.renderer.render(self.selection)
        self.summary_html.value = parts.summary
        self.grid_html.value = parts.grid
        self.answer_html.value = parts.answer

    def shown_html(self) -> str:
        """Everything the answer area shows now, as one HTML string."""
        return self.summary_html.value + self.grid_html.value + self.answer_html.value

    def shown_text(self) -> str:
        """The words the answer area shows now."""
        return visible_text(self.shown_html())


def explorer(atlas: Atlas | None = None) -> Explorer:
    """The live explorer: toggles for the characteristics, the answer with its quotes beneath.

    >>> app = explorer()
    >>> app.controls["receptor"].value = "hr_positive"
    >>> "hormonal therapy (5 of 5 texts)" in app.shown_text()
    True
    """
    return Explorer(atlas)


# ``mbc.explorer`` is this function when the package binds it, but this module when something imported
# ``mbc_atlas.explorer`` first. Both must work the same: ``mbc.explorer()`` builds the app and
# ``mbc.explorer.scenario([...])`` shows a fixed selection. So the function carries the helpers, and the
# module can be called.
class _CallableModule(types.ModuleType):
    def __call__(self, atlas: Atlas | None = None) -> Explorer:
        return explorer(atlas)


sys.modules[__name__].__class__ = _CallableModule
explorer.scenario = scenario
explorer.scenario_html = scenario_html
explorer.render = render
explorer.disagreements_html = disagreements_html
explorer.restrictions_html = restrictions_html
explorer.silent_html = silent_html
