"""An :class:`mbc_atlas.Answer` turned into what a learner sees: the explorer, the self-check's case feedback
and the lessons all call :meth:`AnswerView.parts`, so the three cannot drift apart.

Only statements that fit the whole selection are counted or asserted; statements that would fit if more were
chosen, and statements the selection contradicts, are shown apart, each with its quote and the reason.

>>> from mbc_atlas.render.answer import render, visible_text
>>> text = visible_text(render(["hr_negative", "postmenopausal"]).html())
>>> "The sources associate chemotherapy (1 of 5 texts) with your whole selection" in text
True
>>> "the sources say nothing about this" in visible_text(render(["her2_negative"]).summary)
True
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from ..load import Atlas, load
from ..query import DOES_NOT_FIT, FITS, WOULD_FIT, Answer, Placement, answer, drugs
from ..words import join, lower_first, plural
from .editors import notes_html, silence_html

# Okabe-Ito colours, each used with a text colour that keeps contrast >= 4.5:1 and never alone:
# every cell carries its number and every marked item its words.
ASSOCIATED = "#009E73"      # bluish green: border of a category the texts associate
NOT_ASSOCIATED = "#767676"  # grey, dashed: border of a category they do not
WOULD = "#0072B2"           # blue, dotted: statements that would fit if more were chosen
DISAGREE = "#E69F00"        # orange: border of a disagreement
RESTRICTED = "#D55E00"      # vermillion: border of a restricted drug, and of statements that do not fit
GRID_SHADES = (             # (fewest texts, background, text colour, words for the legend)
    (0, "#FFFFFF", "#222222", "white"),
    (1, "#56B4E9", "#000000", "sky blue"),
    (3, "#0072B2", "#FFFFFF", "blue"),
)
TEXT = "#222222"
BACKGROUND = "#FFFFFF"

BOX = f"font-size:16px;line-height:1.45;color:{TEXT};background:{BACKGROUND};padding:4px 8px"
H = "font-size:1.15em;font-weight:bold;margin:14px 0 6px 0;color:#000"
QUOTE = "border-left:4px solid #0072B2;margin:6px 0;padding:4px 10px;color:#222;background:#F7F7F7"
# Explicit size and background: JupyterLab's own table style (12px, zebra rows) must not win.
CELL = "border:1px solid #767676;padding:4px 10px;text-align:center;font-size:16px;color:#222;background:#FFFFFF"

TIER_HEADINGS = {
    WOULD_FIT: "Would fit if you also chose more",
    DOES_NOT_FIT: "Does not fit your selection",
}


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


def legend() -> str:
    """The grid's shading in words, e.g. 'white = 0, sky blue = 1–2, blue = 3 or more'."""
    out = []
    for k, (lo, _, _, words) in enumerate(GRID_SHADES):
        hi = GRID_SHADES[k + 1][0] - 1 if k + 1 < len(GRID_SHADES) else None
        out.append(f"{words} = {lo}" + (" or more" if hi is None else "" if hi == lo else f"–{hi}"))
    return ", ".join(out)


def cell(n: int) -> str:
    _, bg, fg, _ = [s for s in GRID_SHADES if n >= s[0]][-1]
    return f'<td data-count="{n}" style="{CELL};background:{bg};color:{fg};font-weight:bold">{n}</td>'


def text(s: str) -> str:
    """Escape text for HTML, keeping the line breaks of a quote."""
    return escape(s).replace("\n", "<br>")


@dataclass(frozen=True)
class Parts:
    """What the learner sees for a selection: ``summary`` (what was chosen and the short answer, or a
    prompt), ``grid`` (the evidence table) and ``answer`` (categories with quotes, the other two tiers,
    disagreements, drugs)."""

    summary: str
    grid: str
    answer: str

    def html(self) -> str:
        return self.summary + self.grid + self.answer


class AnswerView:
    """Everything about an atlas that does not depend on the selection, prepared once; ``parts(ans)`` then
    costs some string joining."""

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
        self.cat_scope = dict(zip(cats["category"], cats["scope"]))
        self.drug_info = {d["generic"]: d for d in drugs(atlas).to_dict("records")}

    # -- words ------------------------------------------------------------------------------------------
    def label(self, characteristic: str) -> str:
        """A characteristic's label as it reads inside a sentence."""
        return lower_first(self.char_label[characteristic])

    def labels(self, ids, word: str = "and") -> str:
        return join([self.label(c) for c in ids], word)

    def names(self, ids) -> str:
        return join([escape(self.source_name[s]) for s in ids])

    # -- pieces ---------------------------------------------------------------------------------------
    def quote(self, quote: str, source_id: str, context: str = "", also: str = "") -> str:
        """A verbatim quote with its source; its context (the sentence or heading it sits under) and the
        same statement said again, when there are any."""
        extra = ""
        if context:
            extra += (f'<p style="margin:4px 0 0 0;font-size:0.95em">In the context of: '
                      f'“{text(context)}”</p>')
        if also:
            extra += (f'<p style="margin:4px 0 0 0;font-size:0.95em">The same text says it again: '
                      f'“{text(also)}”</p>')
        return (f'<blockquote class="mbc-quote" style="{QUOTE}">“{text(quote)}”{extra}<br>'
                f'<cite style="color:#333;font-size:0.9em">— {escape(self.source_name[source_id])}'
                f' ({escape(self.source_kind[source_id])})</cite></blockquote>'
                + notes_html(quote, source_id, self.atlas))

    def statement(self, p: Placement) -> str:
        """One placed statement: its quote, how the text puts it, and why it sits in its tier."""
        s = p.statement
        conds = self.labels(s.conditions)
        if p.tier == FITS:
            why = f"It holds for {escape(conds)}: all chosen."
        elif p.tier == WOULD_FIT:
            why = (f"It is about {escape(conds)}. It would fit if you also chose "
                   f"<strong>{escape(self.labels(p.missing))}</strong>.")
        else:
            clash = "; ".join(f"it is about {escape(self.label(c.needs))}, and you chose "
                              f"<strong>{escape(self.label(c.chosen))}</strong>" for c in p.contradicted)
            why = f"It does not fit: {clash}."
        bits = [f"{escape(self.cat_label[s.category])}, {escape(s.stance_label)}"]
        if s.condition_note:
            bits.append(escape(s.condition_note))
        attributed = (f'<p style="margin:2px 0 2px 14px"><em>The text reports this as the view of '
                      f'{escape(s.attributed_to)}.</em></p>' if s.attributed_to else "")
        return (f'<div class="mbc-statement" data-tier="{p.tier}" data-category="{escape(s.category)}" '
                f'style="margin:8px 0">'
                f'<p style="margin:2px 0"><strong>{escape(self.source_name[s.source_id])}</strong> '
                f'({"; ".join(bits)}). {why}</p>'
                f'{self.quote(s.quote, s.source_id, s.context, s.also_quote)}{attributed}</div>')

    def chosen(self, ans: Answer) -> str:
        chips = "".join(f'<li style="display:inline-block;margin:2px 8px 2px 0;padding:1px 8px;'
                        f'border:1px solid #0072B2;border-radius:10px">{escape(self.char_label[c])}</li>'
                        for c in ans.selection)
        return (f'<p style="margin:4px 0"><strong>You chose:</strong></p>'
                f'<ul class="mbc-chosen" style="list-style:none;padding:0;margin:0 0 6px 0">{chips}</ul>')

    def category_head(self, category: str, n: int) -> str:
        """A category's heading when ``n`` texts make a fitting statement (for n = 0, its whole section)."""
        label, scope = escape(self.cat_label[category]), escape(self.cat_scope[category])
        if not n:
            return (f'<section class="mbc-category" data-category="{escape(category)}" data-texts="0" '
                    f'style="border-left:6px dashed {NOT_ASSOCIATED};padding:2px 10px;margin:10px 0">'
                    f'<h4 style="{H}">{label} ({scope}): not associated</h4>'
                    f'<p style="margin:2px 0">No statement in the {self.n_texts} texts ties {label.lower()} to '
                    f'your whole selection.</p></section>')
        return f'<h4 style="{H}">{label} ({scope}): associated by {n} of {self.n_texts} texts</h4>'

    def category(self, cat) -> str:
        n, label = len(cat.sources), escape(cat.label)
        if not n:
            return self.category_head(cat.category, 0)
        implied = (f'<p style="margin:2px 0"><em>Only implied: no text states this outright; read the '
                   f'quote and its note.</em></p>' if cat.only_implied else "")
        show = ("Show the quote and its source" if len(cat.fits) == 1
                else f"Show the {len(cat.fits)} quotes, each with its source")
        return (f'<section class="mbc-category" data-category="{cat.category}" data-texts="{n}" '
                f'style="border-left:6px solid {ASSOCIATED};padding:2px 10px;margin:10px 0">'
                f'{self.category_head(cat.category, n)}'
                f'<p style="margin:2px 0">The sources associate {label.lower()} with your whole selection: '
                f'{self.names(cat.sources)}.</p>'
                f'<p style="margin:2px 0">How they put it: {escape("; ".join(cat.stances))}.</p>{implied}'
                f'<details><summary style="cursor:pointer;color:#0072B2;margin:4px 0">{show}</summary>'
                f'{"".join(self.statement(p) for p in cat.fits)}</details></section>')

    def tier(self, ans: Answer, tier: str) -> str:
        """The statements of one of the two tiers shown apart ("" when there are none)."""
        placed = ans.placed(tier)
        if not placed:
            return ""
        if tier == WOULD_FIT:
            intro = (f"{plural(len(placed), 'statement')} in the texts name{'s' if len(placed) == 1 else ''} "
                     f"something you chose but hold{'s' if len(placed) == 1 else ''} only together with something "
                     f"you have not chosen. They are not counted in the answer above.")
            colour, style = WOULD, "dotted"
        else:
            intro = (f"{plural(len(placed), 'statement')} in the texts name{'s' if len(placed) == 1 else ''} "
                     f"something you chose, but your selection contradicts "
                     f"{'it' if len(placed) == 1 else 'them'}: they are no evidence for it.")
            colour, style = RESTRICTED, "dashed"
        return (f'<section class="mbc-tier" data-tier="{tier}" style="border-left:6px {style} {colour};'
                f'padding:2px 10px;margin:10px 0"><h3 style="{H}">{TIER_HEADINGS[tier]}</h3>'
                f'<p style="margin:2px 0">{escape(intro)}</p>'
                f'{"".join(self.statement(p) for p in placed)}</section>')

    def disagreements(self, ans: Answer) -> str:
        if not ans.disagreements:
            return ""
        return f'<h3 style="{H}">Where the texts disagree</h3>' + "".join(map(self.disagreement, ans.disagreements))

    def disagreement(self, d) -> str:
        """One disagreement, both quotes side by side."""
        a, b = d.source_a, d.source_b
        return (f'<section class="mbc-disagreement" data-disagreement="{escape(d.disagreement_id)}" '
                f'style="border-left:6px solid {DISAGREE};padding:2px 10px;margin:10px 0">'
                f'<p style="margin:2px 0"><strong>The texts disagree ({escape(d.kind)}).</strong> '
                f'{escape(d.summary)}</p>'
                f'<div style="display:flex;flex-wrap:wrap;gap:12px">'
                f'<div style="flex:1 1 300px"><strong>{escape(self.source_name[a])} says:</strong>'
                f'{self.quote(d.quote_a, a)}</div>'
                f'<div style="flex:1 1 300px"><strong>{escape(self.source_name[b])} says:</strong>'
                f'{self.quote(d.quote_b, b)}</div></div></section>')

    def silent(self, ans: Answer) -> str:
        if not ans.silent:
            return ""
        items = "".join(map(self.silent_item, ans.silent))
        context = "".join(silence_html(c, self.atlas) for c in ans.silent)
        return (f'<div class="mbc-silent" style="border-left:6px solid #000000;background:#F2F2F2;padding:2px 10px;'
                f'margin:8px 0"><ul style="margin:2px 0;padding-left:18px">{items}</ul>{context}</div>')

    def silent_item(self, characteristic: str) -> str:
        return (f'<li><strong>{escape(self.char_label[characteristic])}</strong>: the sources say nothing about '
                f'this. None of the {self.n_texts} texts ties it to any treatment category.</li>')

    def drug_name(self, generic: str) -> str:
        brand = self.drug_info[generic]["brand"]
        return f'{escape(generic)} ({escape(brand)})' if brand else escape(generic)

    def drug_restriction(self, note) -> str:
        """One drug set aside for a selection, with the reason (and the text's quote, where it gives one)."""
        return self.restriction(note.restricted, note.restriction_source_id, note.restriction_quote,
                                note.contradicted_by, [self.drug_name(note.generic)])

    def restriction(self, why, sid, quote, chars, names) -> str:
        return (f'<div class="mbc-restricted" style="border-left:6px solid {RESTRICTED};background:#FFF4EC;'
                f'padding:4px 10px;margin:8px 0"><p style="margin:2px 0"><strong>Not for '
                f'{escape(self.labels(chars))}, as the texts put it:</strong> {join(names)}. '
                f'{escape(why[:1].upper() + why[1:])}.</p>{self.quote(quote, sid) if quote else ""}</div>')

    def drugs(self, ans: Answer, restricted_only: bool = False) -> str:
        if not ans.drugs:
            return ""
        by_cat, restricted = {}, {}
        associated = {c.category for c in ans.associated}
        for d in ans.drugs:
            info = self.drug_info[d.generic]
            name = f'{escape(d.generic)} ({escape(d.brand)})' if d.brand else escape(d.generic)
            if d.restricted:
                key = (d.restricted, d.restriction_source_id, d.restriction_quote, d.contradicted_by)
                restricted.setdefault(key, []).append(name)
                name += ' <strong>[does not suit your selection: see below]</strong>'
            if info.get("second_category"):
                name += (f' (a text also files it under '
                         f'{escape(self.cat_label[info["second_category"]].lower())}: '
                         f'“{text(info["second_category_quote"])}” — '
                         f'{escape(self.source_name[info["second_category_source_id"]])})')
            if d.category in associated:
                by_cat.setdefault(d.category, []).append(name)
        out = []
        if by_cat and not restricted_only:
            rows = "".join(f'<li><strong>{escape(self.cat_label[c])}:</strong> {", ".join(by_cat[c])}</li>'
                           for c in self.cat_label if c in by_cat)
            out += [f'<h3 style="{H}">Drugs the texts name in the associated categories</h3>',
                    f'<p style="margin:2px 0">Listed by category: a drug named here is not necessarily one a text '
                    f'ties to your choices (the quotes above show which are).</p>',
                    f'<ul style="margin:2px 0;padding-left:18px">{rows}</ul>']
        for (why, sid, quote, chars), names in restricted.items():
            out.append(self.restriction(why, sid, quote, chars, names))
        return "".join(out)

    def grid(self, ans: Answer) -> str:
        cats = [c.category for c in ans.categories]
        head = "".join(f'<th scope="col" style="{CELL}">{escape(self.cat_label[c])}</th>' for c in cats)
        rows = []
        silent = set(ans.silent)
        for ch, counts in zip(ans.grid.index, ans.grid.to_numpy().tolist()):
            note = ' <span style="font-weight:normal">(the sources say nothing about this)</span>' \
                if ch in silent else ""
            rows.append(f'<tr><th scope="row" style="{CELL};text-align:left">'
                        f'{escape(self.char_label[ch])}{note}</th>{"".join(cell(n) for n in counts)}</tr>')
        union = [len(c.sources) for c in ans.categories]
        rows.append(f'<tr style="border-top:3px double #222"><th scope="row" style="{CELL};text-align:left">'
                    f'Your whole selection</th>{"".join(cell(n) for n in union)}</tr>')
        return (f'<div class="mbc-grid-box" data-selection="{escape(" ".join(ans.selection))}" style="{BOX}">'
                f'<table class="mbc-grid" style="border-collapse:collapse;margin:6px 0;font-size:16px">'
                f'<caption style="caption-side:top;text-align:left;font-weight:bold;padding:4px 0;font-size:16px;'
                f'color:#222">'
                f'Evidence grid: how many of the {self.n_texts} texts make a statement that fits your whole '
                f'selection, by the characteristic it names and the treatment category</caption>'
                f'<thead><tr><th scope="col" style="{CELL};text-align:left">Characteristic</th>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>'
                f'<p style="margin:2px 0;font-size:0.95em">Each cell is a number of texts; the shading repeats '
                f'it ({legend()} texts). Statements that would fit only if more were chosen, or that your '
                f'selection contradicts, are not counted.</p></div>')

    def definitions(self) -> str:
        """Every choice's plain-language definition, in a block that opens on demand."""
        parts = []
        for _group, group_label, _choose, ids in self.groups:
            items = "".join(f'<li><strong>{escape(self.char_label[i])}</strong>: '
                            f'{escape(self.char_definition[i])}</li>' for i in ids)
            parts.append(f'<p style="margin:6px 0 2px 0"><strong>{escape(group_label)}</strong></p>'
                         f'<ul style="margin:0;padding-left:18px">{items}</ul>')
        return (f'<details class="mbc-definitions" style="{BOX}"><summary style="cursor:pointer;color:#0072B2">'
                f'What do these choices mean?</summary>{"".join(parts)}</details>')

    def headline(self, ans: Answer) -> str:
        """The short answer: the associated categories with their counts, and what is not associated."""
        assoc = ans.associated
        if not assoc:
            return (f'<p style="margin:4px 0"><strong>No statement in the {self.n_texts} texts ties a treatment '
                    f'category to your whole selection.</strong></p>')
        listed = join([f'{escape(c.label.lower())} ({len(c.sources)} of {self.n_texts} texts)' for c in assoc])
        out = (f'<p style="margin:4px 0"><strong>The sources associate {listed}</strong> with your whole '
               f'selection.</p>')
        others = [escape(c.label.lower()) for c in ans.categories if not c.fits]
        if others:
            out += f'<p style="margin:4px 0">No statement that fits ties {join(others, "or")} to it.</p>'
        return out

    # -- the whole answer -----------------------------------------------------------------------------
    def parts(self, ans: Answer) -> Parts:
        if not ans.selection:
            return Parts(
                summary=(f'<div class="mbc-summary" data-selection="" style="{BOX}"><p style="margin:4px 0">'
                         f'<strong>Choose one or more characteristics above</strong> to see which treatment '
                         f'categories the {self.n_texts} texts associate with them, how many texts do, and '
                         f'the quotes that say so. Nothing is chosen yet.</p></div>'),
                grid="", answer='<div class="mbc-answer" data-selection=""></div>')
        others = [f"{plural(len(ans.placed(t)), 'statement')} {words}"
                  for t, words in ((WOULD_FIT, "would fit if you chose more"),
                                   (DOES_NOT_FIT, "do not fit your selection")) if ans.placed(t)]
        apart = (f'<p style="margin:4px 0">Shown apart below: {escape(join(others))}.</p>' if others else "")
        sel = escape(" ".join(ans.selection))
        summary = (f'<div class="mbc-summary" data-selection="{sel}" style="{BOX}">{self.chosen(ans)}'
                   f'{self.headline(ans)}{apart}{self.silent(ans)}'
                   f'<p style="margin:4px 0;font-size:0.95em">This is what the texts say; it is not advice for '
                   f'any patient.</p></div>')
        body = (f'<div class="mbc-answer" data-selection="{sel}" style="{BOX}">'
                f'<h3 style="{H}">Each treatment category</h3>'
                f'{"".join(self.category(c) for c in ans.categories)}'
                f'{self.tier(ans, WOULD_FIT)}{self.tier(ans, DOES_NOT_FIT)}'
                f'{self.disagreements(ans)}{self.drugs(ans)}</div>')
        return Parts(summary=summary, grid=self.grid(ans), answer=body)


_VIEWS: dict = {}


def view(atlas: Atlas | None = None) -> AnswerView:
    """The view for an atlas, built once per atlas."""
    a = atlas if atlas is not None else load()
    v = _VIEWS.get(id(a))
    if v is None or v.atlas is not a:
        v = _VIEWS[id(a)] = AnswerView(a)
    return v


def render(ids, atlas: Atlas | None = None) -> Parts:
    """The answer for a list of characteristic ids, as HTML parts (raises ValueError on a selection
    :func:`mbc_atlas.validate_selection` refuses)."""
    v = view(atlas)
    return v.parts(answer(ids, v.atlas))


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
