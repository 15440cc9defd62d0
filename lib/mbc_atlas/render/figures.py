"""Every figure of the lessons, each with its text alternative built from the same data.

Every figure function returns an :class:`AltFigure` (a matplotlib Figure made without pyplot, so a notebook
shows it once and nothing is left open) that carries its text alternative; every ``*_text`` function
returns that :class:`~mbc_atlas.render.html.TextAlternative`: a plain string a test can read, shown in a
notebook as a boxed list. The data behind each figure comes from :mod:`mbc_atlas.analysis`.

Conventions: Okabe-Ito colours from the theme, and never colour alone (each category also has its own
hatching and is always named in words); no text smaller than 12 pt.

>>> fig = category_map()
>>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text() in ("Surgery", "Chemotherapy"))
['Chemotherapy', 'Surgery']
"""
from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch, Rectangle

from ..analysis import appraisal, compare, editors, sites
from ..analysis.sites import SITE_CATEGORIES, dividing_cells
from ..load import Atlas, atlas_or_default
from ..query import claims, drugs
from ..words import BASIS_WORDS, join, lower_first, number, say_nothing, upper_first
from .html import TextAlternative
from .theme import CATEGORY_STYLE, FALLBACK_STYLE, FIGURE, OKABE_ITO

__all__ = ["AltFigure", "TextAlternative", "MIN_FONT", "OKABE_ITO", "CATEGORY_STYLE", "SITE_LAYOUT",
           "learning_path", "learning_path_text", "category_map", "category_map_text", "side_effects",
           "side_effects_text", "body_sites", "body_sites_text", "currency_timeline",
           "currency_timeline_text", "jama_reference", "jama_reference_text"]

MIN_FONT = 12
TEXT, MUTED, INK = FIGURE["text"], FIGURE["muted"], FIGURE["ink"]


class AltFigure(Figure):
    """A Figure that carries its text alternative (``alt_text``).

    Shown in a notebook it gives the PNG with the text alternative as the image's ``alt`` metadata, and the
    text alternative as its plain-text form (what a text-only reader or a screen reader gets).
    """

    alt_text = ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"image/png": base64.b64encode(self.png()).decode("ascii"),
                "text/plain": f"Figure. {self.alt_text}"}
        return data, {"image/png": {"alt": self.alt_text}}

    def png(self) -> bytes:
        """The figure as a PNG of at most 256 colours: a third of the full-colour size, and flat colours and text
        look the same. Drawn straight to pixels (no full-colour PNG made first), so it costs less than savefig."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from PIL import Image  # matplotlib's own dependency

        canvas = FigureCanvasAgg(self)
        canvas.draw()
        image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB")
        out = io.BytesIO()
        image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, "PNG")
        return out.getvalue()


def _canvas(width: float, height: float, xlim: tuple[float, float] | None = None,
            ylim: tuple[float, float] | None = None, box: tuple[float, float, float, float] = (0, 0, 1, 1)):
    """A blank figure of ``width`` x ``height`` inches and its one axes, without ticks or frame, in data
    coordinates ``xlim`` x ``ylim`` (by default the inches themselves)."""
    fig = AltFigure(figsize=(width, height), dpi=100, facecolor=FIGURE["background"])
    ax = fig.add_axes(box)
    ax.set_xlim(*(xlim or (0, width)))
    ax.set_ylim(*(ylim or (0, height)))
    ax.axis("off")
    return fig, ax


def _with_alt(fig: AltFigure, alt: TextAlternative) -> AltFigure:
    fig.alt_text = " ".join([alt.title, *alt.lines])
    return fig


def _style(category: str) -> dict:
    return CATEGORY_STYLE.get(category, FALLBACK_STYLE)


def _badge(ax, x, y, w, h, category, *, empty=False):
    """A small box filled with the category's colour and hatching (or an empty outline)."""
    st = _style(category)
    ax.add_patch(Rectangle((x, y), w, h, facecolor=FIGURE["background"] if empty else st["color"],
                           hatch=None if empty else st["hatch"], edgecolor=MUTED if empty else TEXT,
                           linewidth=1.2, linestyle="--" if empty else "-"))


# -- the learning path ---------------------------------------------------------------------------------------

def learning_path(notebooks: Iterable[tuple[str, str]], objectives: Mapping[str, str]) -> AltFigure:
    """The notebooks in reading order (``(name, title)`` pairs), each with its one-line objective
    (:func:`mbc_atlas.lesson.learning_path` passes the collection's own).

    >>> [t.get_text() for t in learning_path([("00_start", "Start here")], {}).axes[0].texts][:2]
    ['00', 'Start here']
    """
    notebooks, objectives = tuple(notebooks), dict(objectives)
    goals = [textwrap.wrap(f"You will be able to {objectives[name]}" if objectives.get(name) else "", 110) or [""]
             for name, _ in notebooks]
    heights = [0.78 + 0.3 * (len(g) - 1) for g in goals]     # a long objective takes a second line
    tops = [sum(heights[:i]) for i in range(len(heights))]
    total = sum(heights)
    fig, ax = _canvas(12, 0.9 + total, xlim=(0, 12), ylim=(-0.2 - total, 0.6))
    ax.plot([0.7, 0.7], [-0.39, -(total - heights[-1] + 0.39)], color=MUTED, linewidth=3, zorder=1)
    for (name, title), goal, top in zip(notebooks, goals, tops):
        y = -(top + 0.39)
        ax.add_patch(Circle((0.7, y), 0.3, facecolor=OKABE_ITO["blue"], edgecolor=TEXT, zorder=2))
        ax.text(0.7, y, name.split("_", 1)[0], ha="center", va="center", color=FIGURE["background"],
                fontsize=14, fontweight="bold", zorder=3)
        ax.text(1.3, y + 0.14, title, ha="left", va="center", fontsize=15, fontweight="bold", color=TEXT)
        for k, line in enumerate(goal):
            ax.text(1.3, y - 0.2 - 0.3 * k, line, ha="left", va="center", fontsize=13, color=INK)
    ax.text(0.2, 0.3, "The learning path: read the notebooks in this order", fontsize=16,
            fontweight="bold", color=TEXT, va="center")
    return _with_alt(fig, learning_path_text(notebooks, objectives))


def learning_path_text(notebooks: Iterable[tuple[str, str]], objectives: Mapping[str, str]) -> TextAlternative:
    """The learning path in words.

    >>> learning_path_text([("00_start", "Start here")], {"00_start": "identify who wrote each text"}).lines[0]
    '00 Start here: identify who wrote each text.'
    """
    notebooks, objectives = tuple(notebooks), dict(objectives)
    lines = [f"{name.split('_', 1)[0]} {title}: {objectives.get(name, 'no objective given')}."
             for name, title in notebooks]
    return TextAlternative(f"The learning path has {len(lines)} notebooks, read in this order:", lines)


# -- the categories, systemic and local ----------------------------------------------------------------------

def _category_facts(atlas: Atlas) -> list[dict]:
    cats = atlas["categories"]
    d = drugs(atlas)
    c = claims(atlas)
    out = []
    for rec in cats.to_dict("records"):
        named = d[d["category"] == rec["category"]]["generic"].tolist()
        texts = sorted(set(c[c["category"] == rec["category"]]["source_id"]))
        out.append({**rec, "drugs": named, "claim_sources": texts})
    return out


def category_map(atlas: Atlas | None = None) -> AltFigure:
    """The treatment categories, grouped as the texts group them: systemic (whole-body) and local.

    Each box names the drugs the texts file under the category and how many texts tie the category to
    a tumor or patient characteristic.
    """
    a = atlas_or_default(atlas)
    facts = _category_facts(a)
    n_sources = a.n_texts
    scopes = list(dict.fromkeys(f["scope"] for f in facts))
    per_scope = {s: [f for f in facts if f["scope"] == s] for s in scopes}
    rows = max(len(v) for v in per_scope.values())
    box_h, gap = 2.0, 0.35
    height = 1.6 + rows * (box_h + gap)
    col_w = 6.2
    fig, ax = _canvas(1.0 + col_w * len(scopes) * 1.02, height * 0.95, xlim=(0, 0.4 + (col_w + 0.4) * len(scopes)),
                      ylim=(0, height))
    titles = {"systemic": "SYSTEMIC: reaches the whole body", "local": "LOCAL: treats one area of the body"}
    for j, scope in enumerate(scopes):
        x0 = 0.4 + j * (col_w + 0.4)
        ax.add_patch(FancyBboxPatch((x0, 0.2), col_w, height - 0.4, boxstyle="round,pad=0.02,rounding_size=0.2",
                                    facecolor=FIGURE["panel"] if scope == "systemic" else FIGURE["background"], edgecolor=TEXT,
                                    linewidth=1.5, linestyle="-" if scope == "systemic" else "--"))
        ax.text(x0 + 0.25, height - 0.65, titles.get(scope, scope.upper()), fontsize=15, fontweight="bold",
                color=TEXT, va="center")
        for i, f in enumerate(per_scope[scope]):
            top = height - 1.2 - i * (box_h + gap)
            bx = x0 + 0.25
            ax.add_patch(Rectangle((bx, top - box_h), col_w - 0.5, box_h, facecolor=FIGURE["background"], edgecolor=TEXT,
                                   linewidth=1.2))
            _badge(ax, bx, top - box_h, 0.55, box_h, f["category"])
            ax.text(bx + 0.75, top - 0.35, f["label"], fontsize=15, fontweight="bold", color=TEXT, va="center")
            named = ", ".join(f["drugs"]) if f["drugs"] else "none"
            body = textwrap.fill(f"Drugs the texts name: {named}", 52)
            ax.text(bx + 0.75, top - 0.7, body, fontsize=12, color=INK, va="top", linespacing=1.25)
            ax.text(bx + 0.75, top - box_h + 0.2,
                    f"Tied to a characteristic by {len(f['claim_sources'])} of {n_sources} texts",
                    fontsize=12, color=INK, va="bottom", style="italic")
    return _with_alt(fig, category_map_text(a))


def category_map_text(atlas: Atlas | None = None) -> TextAlternative:
    """The category map in words, with the quote that gives each category its scope.

    >>> category_map_text().lines[-1].startswith("Surgery is local")
    True
    """
    a = atlas_or_default(atlas)
    n_sources = a.n_texts
    lines = []
    for f in _category_facts(a):
        named = join(f["drugs"]) if f["drugs"] else "no drugs"
        who = join(a.names(f["claim_sources"])) or "no text"
        lines.append(f"{f['label']} is {f['scope']} ({a.source_names[f['source_id']]}: \u201c{f['quote']}\u201d). "
                     f"The texts name {named}. {len(f['claim_sources'])} of {n_sources} texts tie it to a "
                     f"characteristic: {who}.")
    scopes = list(dict.fromkeys(f["scope"] for f in _category_facts(a)))
    counts = ", ".join(f"{sum(f['scope'] == s for f in _category_facts(a))} {s}" for s in scopes)
    return TextAlternative(f"The {number(len(lines))} treatment categories, grouped by scope ({counts}):", lines)


# -- why chemotherapy's side effects follow rapidly dividing cells -------------------------------------------

def side_effects(passage_id: str | None = None, atlas: Atlas | None = None) -> AltFigure:
    """Why chemotherapy's side effects follow rapidly dividing cells; every label is a phrase of the text
    (the passage :func:`mbc_atlas.analysis.sites.dividing_cells` finds, or ``passage_id``)."""
    a = atlas_or_default(atlas)
    d = dividing_cells(passage_id, a)
    targets = [(d["aim"], True)] + [(s, False) for s in d["also"]]
    n = len(targets)
    row = 1.25
    height = max(5.2, 1.6 + n * row)
    fig, ax = _canvas(14, height * 0.85, xlim=(0, 16), ylim=(0, height))
    mid = (height - 0.9) / 2
    # The treatment.
    ax.add_patch(FancyBboxPatch((0.3, mid - 1.1), 4.2, 2.2, boxstyle="round,pad=0.05", facecolor=FIGURE["background"],
                                edgecolor=TEXT, linewidth=1.5))
    _badge(ax, 0.3, mid + 0.55, 4.2, 0.55, "chemotherapy")
    ax.text(2.4, mid + 0.82, "Chemotherapy", ha="center", va="center", fontsize=15, fontweight="bold",
            color=TEXT, bbox=dict(facecolor=FIGURE["background"], edgecolor="none", pad=1))
    ax.text(2.4, mid - 0.25, textwrap.fill("kills " + d["action"], 24), ha="center", va="center", fontsize=13,
            color=TEXT)
    # The cells it reaches.
    for i, (label, aim) in enumerate(targets):
        y = height - 1.3 - i * row
        ax.annotate("", xy=(5.8, y), xytext=(4.55, mid), arrowprops=dict(arrowstyle="-|>", color=TEXT, lw=1.6))
        ax.add_patch(Rectangle((5.8, y - 0.45), 5.2, 0.9, facecolor=FIGURE["background"], edgecolor=TEXT,
                               linewidth=2.6 if aim else 1.2, linestyle="-" if aim else "--"))
        ax.text(6.0, y + 0.13, label, va="center", fontsize=13, color=TEXT, fontweight="bold" if aim else "normal")
        ax.text(6.0, y - 0.24, "\u201cThese include\u201d" if aim else "\u201cbut may also include\u201d",
                va="center", fontsize=12, color=INK, style="italic")
    # The consequence.
    if d["consequence"]:
        ys = [height - 1.3 - i * row for i in range(1, n)]
        cy = sum(ys) / len(ys) if ys else mid
        for y in ys:
            ax.annotate("", xy=(11.9, cy), xytext=(11.05, y), arrowprops=dict(arrowstyle="-|>", color=MUTED, lw=1.3))
        ax.add_patch(FancyBboxPatch((11.9, cy - 0.9), 3.8, 1.8, boxstyle="round,pad=0.05", facecolor=FIGURE["background"],
                                    edgecolor=TEXT, linewidth=1.2, linestyle="--"))
        ax.text(13.8, cy, textwrap.fill("This is why " + d["consequence"], 26), ha="center", va="center",
                fontsize=12, color=TEXT)
    ax.text(0.3, height - 0.35, f"Why side effects follow rapidly dividing cells (labels quote "
            f"{a.source_names[d['source_id']]})", fontsize=14, fontweight="bold", color=TEXT, va="center")
    return _with_alt(fig, side_effects_text(passage_id, a))


def side_effects_text(passage_id: str | None = None, atlas: Atlas | None = None) -> TextAlternative:
    """The side-effects diagram in words (show the passage itself beside it with ``lesson.cite``)."""
    a = atlas_or_default(atlas)
    d = dividing_cells(passage_id, a)
    name = a.source_names[d["source_id"]]
    lines = [f"Chemotherapy kills {d['action']}.",
             f"The cells meant: {d['aim']}.",
             *[f"It may also reach {s}." for s in d["also"]]]
    if d["consequence"]:
        lines.append(f"This is why {d['consequence']}.")
    return TextAlternative(f"Diagram: every label quotes {name}.", lines)


# -- where the cancer has spread -----------------------------------------------------------------------------

#: Where each site sits on the schematic outline (x, y) and on which side its label goes.
SITE_LAYOUT = {
    "brain": ((0.0, 10.65), "left"),
    "lung": ((-0.75, 8.25), "left"),
    "liver": ((-0.6, 6.45), "left"),
    "bone": ((-0.85, 2.9), "left"),
    "breast_chest_wall": ((0.85, 7.75), "right"),
    "spine": ((0.0, 6.9), "right"),
}


def _stack(anchors, heights, top, bottom):
    """Place boxes in a column, top down, in the order of their anchors; return their top edges."""
    order = sorted(range(len(anchors)), key=lambda i: -anchors[i])
    free = (top - bottom) - sum(heights)
    gap = free / max(len(anchors) - 1, 1) if len(anchors) > 1 else 0
    gap = min(max(gap, 0.25), 1.2)
    tops, y = {}, top
    for i in order:
        tops[i] = y
        y -= heights[i] + gap
    return [tops[i] for i in range(len(anchors))]


def body_sites(site_categories: Iterable[str] = SITE_CATEGORIES, atlas: Atlas | None = None) -> AltFigure:
    """A schematic body: each place the cancer can spread to, and which categories the texts tie to it.

    Each site's box lists every category in ``site_categories``: a filled, hatched badge and the number of
    texts where the texts tie the two, a dashed empty badge and "not in the texts" where none does.
    """
    a = atlas_or_default(atlas)
    site_categories = tuple(site_categories)
    links = sites.site_links(site_categories, a)
    places = list(dict.fromkeys(links["site"]))
    fig, ax = _canvas(14, 14 * 14.3 / 22, xlim=(-11, 11), ylim=(-1.5, 12.8))
    ax.set_aspect("equal")
    # A plain outline: head, torso, arms, legs (a schematic, not anatomy).
    body: dict[str, Any] = dict(facecolor=FIGURE["body"], edgecolor=FIGURE["body_edge"], linewidth=2)
    ax.add_patch(Circle((0, 10.6), 0.8, **body))
    ax.add_patch(Rectangle((-0.3, 9.5), 0.6, 0.4, **body))
    ax.add_patch(FancyBboxPatch((-1.6, 5.0), 3.2, 4.5, boxstyle="round,pad=0.05,rounding_size=0.6", **body))
    for sx in (-1, 1):
        ax.add_patch(FancyBboxPatch((sx * 1.75 - 0.3, 5.2), 0.6, 4.0, boxstyle="round,pad=0.02,rounding_size=0.3", **body))
        ax.add_patch(FancyBboxPatch((sx * 0.8 - 0.4, 0.5), 0.8, 4.6, boxstyle="round,pad=0.02,rounding_size=0.3", **body))
    ax.plot([0, 0], [5.3, 9.4], color=FIGURE["body_edge"], linewidth=2, linestyle=(0, (2, 2)))
    # The label boxes, one column per side.
    line_h, title_h, pad, box_w = 0.62, 0.75, 0.2, 7.6
    placed = {}
    for side in ("left", "right"):
        mine = [s for s in places if SITE_LAYOUT.get(s, ((0, 0), "right"))[1] == side]
        if not mine:
            continue
        heights = [title_h + line_h * len(site_categories) + pad for _ in mine]
        anchors = [SITE_LAYOUT.get(s, ((0, 0.5), side))[0][1] for s in mine]
        tops = _stack(anchors, heights, 12.6, -0.1)
        for s, top, h in zip(mine, tops, heights):
            placed[s] = (side, top, h)
    for s in places:
        side, top, h = placed[s]
        (px, py) = SITE_LAYOUT.get(s, ((0.0, 0.5), side))[0]
        x0 = -10.9 if side == "left" else 10.9 - box_w
        mine = links[links["site"] == s]
        ax.add_patch(Rectangle((x0, top - h), box_w, h, facecolor=FIGURE["background"], edgecolor=TEXT, linewidth=1.3))
        ax.text(x0 + 0.2, top - 0.38, mine["site_label"].iloc[0], fontsize=15, fontweight="bold", color=TEXT,
                va="center")
        for k, rec in enumerate(mine.to_dict("records")):
            y = top - title_h - line_h * k - line_h / 2
            has = rec["n_texts"] > 0
            _badge(ax, x0 + 0.2, y - 0.22, 0.7, 0.44, rec["category"], empty=not has)
            words = (f"{rec['category_label']}: {rec['n_texts']} text{'s' if rec['n_texts'] != 1 else ''}"
                     if has else f"{rec['category_label']}: not in the texts")
            ax.text(x0 + 1.1, y, words, fontsize=13, va="center", color=TEXT if has else MUTED,
                    fontweight="bold" if has else "normal", style="normal" if has else "italic")
        # Leader from the box to the site's dot.
        lx = x0 + box_w if side == "left" else x0
        ax.plot([lx, px], [top - 0.38, py], color=TEXT, linewidth=1.2)
        ax.add_patch(Circle((px, py), 0.22, facecolor=TEXT, edgecolor=FIGURE["background"], linewidth=2, zorder=5))
    _badge(ax, -10.9, -1.05, 0.7, 0.44, site_categories[0])
    ax.text(-10.0, -0.83, "patterned box: the texts tie the two (number of texts);", fontsize=12, va="center", color=TEXT)
    _badge(ax, 0.3, -1.05, 0.7, 0.44, site_categories[0], empty=True)
    ax.text(1.2, -0.83, "dashed empty box: no text ties them", fontsize=12, va="center", color=TEXT)
    return _with_alt(fig, body_sites_text(site_categories, a))


def body_sites_text(site_categories: Iterable[str] = SITE_CATEGORIES, atlas: Atlas | None = None) -> TextAlternative:
    """The body-site diagram in words: for each site, which texts tie which categories to it, with the
    conditions the texts add, and which categories they are silent about.

    >>> [l for l in body_sites_text().lines if l.startswith("Liver")][0]
    'Liver. Chemotherapy: Breastcancer.org. The sources say nothing about radiation therapy or surgery for it.'
    """
    a = atlas_or_default(atlas)
    site_categories = tuple(site_categories)
    links = sites.site_links(site_categories, a)
    c = claims(a).set_index("claim_id")
    lines = []
    for _site, part in links.groupby("site", sort=False):
        bits = [f"{part['site_label'].iloc[0]}."]
        for r in part[part["n_texts"] > 0].to_dict("records"):
            who: dict[str, list[str]] = {}
            for cid in r["claim_ids"]:
                who.setdefault(c.loc[cid, "source_id"], [])
                if c.loc[cid, "condition"] and c.loc[cid, "condition"] not in who[c.loc[cid, "source_id"]]:
                    who[c.loc[cid, "source_id"]].append(c.loc[cid, "condition"])
            said = "; ".join(name + (f" ({'; '.join(conds)})" if conds else "")
                             for name, conds in zip(a.names(list(who)), who.values()))
            bits.append(f"{r['category_label']}: {said}.")
        silent = part[part["n_texts"] == 0]["category_label"].map(lower_first).tolist()
        if len(bits) == 1:
            bits.append("No text ties it to these categories.")
        elif silent:
            bits.append(f"{upper_first(say_nothing(join(silent, 'or') + ' for it'))}.")
        lines.append(" ".join(bits))
    cats = join(lower_first(a.category_labels[c]) for c in site_categories)
    return TextAlternative(f"Where the cancer has spread, and which of {cats} the texts tie to each place "
                           "(with the conditions the texts add):", lines)


# -- the texts compared --------------------------------------------------------------------------------------

def currency_timeline(atlas: Atlas | None = None) -> AltFigure:
    """A timeline: the texts' dates above the line, the later developments below it (in a separate,
    double-bordered band labelled as not from the texts)."""
    a = atlas_or_default(atlas)
    dev = compare.developments(a)
    dates = compare.texts_dates(a)
    dated = [r for r in dates.to_dict("records") if r["earliest"] is not None]
    undated = [r["source"] for r in dates.to_dict("records") if r["earliest"] is None]
    years = [r["earliest"] for r in dated] + [r["latest"] for r in dated if r["latest"]] + list(dev["year"])
    start, end = min(years, default=2010) - 1, max(years, default=2010) + 1
    step = 0.62
    top = 1.2 + step * (len(dated) + (1 if undated else 0))
    bottom = -1.6 - step * len(dev)
    fig, ax = _canvas(14, 0.75 * (top - bottom) + 0.6, xlim=(start - 0.3, end + 0.3), ylim=(bottom - 0.2, top + 0.2),
                      box=(0.01, 0.01, 0.98, 0.98))
    mid = (start + end) / 2
    ax.plot([start, end], [0, 0], color=TEXT, linewidth=2)
    for year in range(start, end + 1):
        ax.plot([year, year], [-0.1, 0.1], color=TEXT, linewidth=1.5)
        ax.text(year, -0.25, str(year), ha="center", va="top", fontsize=12)
    ax.text(start - 0.2, top - 0.1, f"The {number(a.n_texts)} texts (dates from sources.csv)", fontsize=15, fontweight="bold",
            va="center")
    level = top - 0.1 - step
    for r in dated:
        x0 = r["earliest"] + 0.5
        x1 = (r["latest"] + 0.5) if r["latest"] is not None else x0
        inferred = r["basis"] == BASIS_WORDS["inferred"]
        open_ended = r["latest"] is None
        ax.plot([x0, x1 + (1.0 if open_ended else 0)], [level, level], color=FIGURE["accent"], linewidth=6,
                linestyle=(0, (1.5, 1)) if inferred or open_ended else "-", solid_capstyle="butt")
        ax.plot([x0], [level], marker="o", markersize=10, color=FIGURE["accent"])
        ax.plot([x0, x0], [level, 0], color=FIGURE["accent"], linewidth=0.8, linestyle=":")
        words = f"{r['source']}: {r['dates']} ({r['basis']})"
        ax.text(x1 + (1.15 if open_ended else 0.2), level, words, fontsize=12, va="center")
        level -= step
    if undated:
        ax.text(start - 0.2, level, textwrap.fill("No date in the text: " + join(undated), 110), fontsize=12,
                va="center", style="italic")
    band_top = -0.75
    ax.add_patch(Rectangle((start - 0.3, bottom - 0.15), end - start + 0.6, band_top - bottom + 0.15,
                           facecolor=FIGURE["not_from_texts"], edgecolor=TEXT, linewidth=2.5))
    ax.text(start - 0.15, band_top - 0.35, f"{compare.not_from_texts(a, shout=True)}: later developments (mostly "
            f"US FDA approvals, {editors.coverage(a)}; each from its cited reference)", fontsize=13,
            fontweight="bold",
            va="center")
    for i, r in enumerate(dev.to_dict("records")):
        x = r["year"] + ((int(r["date"][5:7]) - 0.5) / 12 if len(r["date"]) == 7 else 0.5)
        y = band_top - 0.95 - i * step
        ax.plot([x, x], [y, 0], color=MUTED, linewidth=0.8, linestyle=":")
        ax.plot([x], [y], marker="D", markersize=9, color=FIGURE["warn"], markeredgecolor=TEXT)
        right = x < mid + 2
        ax.text(x + (0.15 if right else -0.15), y, f"{r['when']}: {r['drug']}", fontsize=12, va="center",
                ha="left" if right else "right", bbox=dict(facecolor=FIGURE["not_from_texts"], edgecolor="none", pad=1))
    return _with_alt(fig, currency_timeline_text(a))


def currency_timeline_text(atlas: Atlas | None = None) -> TextAlternative:
    """The timeline in words: the texts' dates, then each later development with its date and reference.

    >>> sum(line.startswith("Not from the five texts") for line in currency_timeline_text().lines)
    1
    """
    a = atlas_or_default(atlas)
    dates = compare.texts_dates(a)
    lines = []
    for r in dates.to_dict("records"):
        if r["earliest"] is None:
            lines.append(f"{r['source']}: no date in the text.")
        else:
            span = (f"{r['earliest']} or later" if r["latest"] is None else str(r["earliest"])
                    if r["latest"] == r["earliest"] else f"{r['earliest']} to {r['latest']}")
            lines.append(f"{r['source']}: {span} ({r['dates']}; {r['basis']}).")
    lines.append(f"{upper_first(compare.not_from_texts(a))} (list {editors.coverage(a)}), each a "
                 "fact from the reference given:")
    for r in compare.developments(a).to_dict("records"):
        lines.append(f"{r['when']}: {r['development']} Reference: {r['citation']}")
    return TextAlternative("Timeline: when the texts were written, and what came after them.", lines)


# -- the appraisal -------------------------------------------------------------------------------------------

def jama_reference(atlas: Atlas | None = None) -> AltFigure:
    """The JAMA reference answers as a grid (texts x benchmarks): a hatched, filled cell with a tick where the
    text states the fact; an empty cell with a cross where it does not (and the word "inferred" where the
    editors inferred it); the score of each text at the right."""
    a = atlas_or_default(atlas)
    r = appraisal.reference(a)
    scores = appraisal.reference_scores(a)
    JAMA = appraisal.JAMA
    srcs = list(dict.fromkeys(zip(r["source_id"], r["source"])))
    n, m = len(srcs), len(JAMA)
    cw, rh, left = 2.3, 0.85, 3.6
    width, height = left + cw * m + 2.2, 1.9 + rh * n + 0.9
    fig, ax = _canvas(width, height)
    top = height - 1.5
    ax.text(0.2, height - 0.4, "JAMA benchmarks each text meets (reference answers, from sources.csv)",
            fontsize=15, fontweight="bold", va="center")
    for j, b in enumerate(JAMA):
        ax.text(left + cw * (j + 0.5), top + 0.15, b.name, ha="center", va="bottom", fontsize=13, fontweight="bold")
    ax.text(left + cw * m + 1.1, top + 0.15, "Met", ha="center", va="bottom", fontsize=13, fontweight="bold")
    cell = r.set_index(["source_id", "benchmark"])
    for i, (sid, name) in enumerate(srcs):
        y = top - rh * (i + 1)
        ax.text(left - 0.15, y + rh / 2, name, ha="right", va="center", fontsize=12)
        for j, b in enumerate(JAMA):
            rec = cell.loc[(sid, b.id)]
            x = left + cw * j + 0.08
            ax.add_patch(Rectangle((x, y + 0.06), cw - 0.16, rh - 0.12,
                                   facecolor=FIGURE["met"] if rec["met"] else FIGURE["background"],
                                   hatch="//" if rec["met"] else None,
                                   edgecolor=TEXT if rec["met"] else MUTED, linewidth=1.2,
                                   linestyle="-" if rec["met"] else "--"))
            word = "\u2714 yes" if rec["met"] else ("\u2718 no (inferred)" if rec["basis"] == "inferred" else "\u2718 no")
            ax.text(x + (cw - 0.16) / 2, y + rh / 2, word, ha="center", va="center", fontsize=12,
                    fontweight="bold" if rec["met"] else "normal",
                    bbox=dict(facecolor=FIGURE["background"], edgecolor="none", pad=1.5) if rec["met"] else None)
        ax.text(left + cw * m + 1.1, y + rh / 2, f"{scores[sid]} of {m}", ha="center", va="center", fontsize=13,
                fontweight="bold")
    ax.text(0.2, 0.45, "Green, hatched, \u2714: the text states it.  White, dashed, \u2718: it does not "
            "(\u201cinferred\u201d: only the editors infer it).", fontsize=12, va="center")
    return _with_alt(fig, jama_reference_text(a))


def jama_reference_text(atlas: Atlas | None = None) -> TextAlternative:
    """The JAMA reference chart in words: one line per text, with the evidence for each benchmark.

    >>> jama_reference_text().lines[-1].startswith("Johnson (2010) blog post: 1 of 4 benchmarks met")
    True
    """
    a = atlas_or_default(atlas)
    r = appraisal.reference(a)
    scores = appraisal.reference_scores(a)
    lines = []
    for sid, part in r.groupby("source_id", sort=False):
        bits = [f"{lower_first(rec['name'])} {'yes' if rec['met'] else 'no'} ({rec['evidence']})" for rec in part.to_dict("records")]
        lines.append(f"{part['source'].iloc[0]}: {scores[sid]} of {len(appraisal.JAMA)} benchmarks met: "
                     + "; ".join(bits))
    return TextAlternative("JAMA benchmarks each text meets, by the collection's reference answers:", lines)
