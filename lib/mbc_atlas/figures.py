"""Figures drawn from the data, each with a text alternative built from the same data.

Every figure function returns a :class:`matplotlib.figure.Figure` made without pyplot, so a notebook
shows it once (the cell's value) and nothing is left open. Every ``*_text`` function returns a
:class:`TextAlternative`: a plain string a test can read, shown in a notebook as a boxed list.

Conventions: Okabe-Ito colours, and never colour alone (each category also has its own hatching and is
always named in words); no text smaller than 12 pt.

>>> fig = category_map()
>>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text() in ("Surgery", "Chemotherapy"))
['Chemotherapy', 'Surgery']
"""
from __future__ import annotations

import base64
import io
import re
import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch, Rectangle

from . import lesson
from .alt import TextAlternative
from .load import Atlas
from .query import _atlas, categories, characteristics, claims, drugs, passages, sources

OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}

#: Each category's colour and hatching; labels always name the category too. All five colours
#: carry black text at a contrast above 4.5:1.
CATEGORY_STYLE = {
    "hormonal": {"color": OKABE_ITO["orange"], "hatch": "//"},
    "chemotherapy": {"color": OKABE_ITO["sky_blue"], "hatch": "\\\\"},
    "targeted": {"color": OKABE_ITO["bluish_green"], "hatch": "xx"},
    "radiation": {"color": OKABE_ITO["yellow"], "hatch": ".."},
    "surgery": {"color": OKABE_ITO["reddish_purple"], "hatch": "--"},
}
_FALLBACK_STYLE = {"color": "#FFFFFF", "hatch": "oo"}

MIN_FONT = 12
TEXT = "#000000"
MUTED = "#4D4D4D"          # 8.5:1 on white
INK = "#333333"


def _style(category: str) -> dict:
    return CATEGORY_STYLE.get(category, _FALLBACK_STYLE)


def _names(source_ids, atlas: Atlas) -> list[str]:
    short = sources(atlas).set_index("source_id")["short_name"]
    return [short[s] for s in source_ids]


def _join(words) -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _badge(ax, x, y, w, h, category, *, empty=False):
    """A small box filled with the category's colour and hatching (or an empty outline)."""
    st = _style(category)
    ax.add_patch(Rectangle((x, y), w, h, facecolor="white" if empty else st["color"],
                           hatch=None if empty else st["hatch"], edgecolor=MUTED if empty else TEXT,
                           linewidth=1.2, linestyle="--" if empty else "-"))


class AltFigure(Figure):
    """A Figure that carries its text alternative (``alt_text``).

    Shown in a notebook it gives the PNG with the text alternative as the image's ``alt`` metadata, and the
    text alternative as its plain-text form (what a text-only reader or a screen reader gets).
    """

    alt_text = ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        buf = io.BytesIO()
        self.savefig(buf, format="png", bbox_inches="tight", facecolor="white")
        data = {"image/png": base64.b64encode(buf.getvalue()).decode("ascii"),
                "text/plain": f"Figure. {self.alt_text}"}
        return data, {"image/png": {"alt": self.alt_text}}


def _new_figure(width, height) -> AltFigure:
    return AltFigure(figsize=(width, height), dpi=100, facecolor="white")


def _with_alt(fig: AltFigure, alt: "TextAlternative") -> AltFigure:
    fig.alt_text = " ".join([alt.title, *alt.lines])
    return fig


# --------------------------------------------------------------------------------------------------
# The learning path
# --------------------------------------------------------------------------------------------------

def learning_path(notebooks=None, objectives=None) -> Figure:
    """The notebooks in reading order, each with its one-line objective.

    Titles come from :data:`mbc_atlas.lesson.NOTEBOOKS`, objectives from :data:`mbc_atlas.lesson.OBJECTIVES`.

    >>> [t.get_text() for t in learning_path().axes[0].texts][:2]
    ['00', 'Start here']
    """
    notebooks = tuple(notebooks if notebooks is not None else lesson.NOTEBOOKS)
    objectives = dict(objectives if objectives is not None else lesson.OBJECTIVES)
    n = len(notebooks)
    row = 0.78
    fig = _new_figure(12, 0.9 + row * n)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, 12)
    ax.set_ylim(-0.2 - row * n, 0.6)
    ax.axis("off")
    ax.plot([0.7, 0.7], [-row * 0.5, -row * (n - 0.5)], color=MUTED, linewidth=3, zorder=1)
    for i, (name, title) in enumerate(notebooks):
        y = -row * (i + 0.5)
        ax.add_patch(Circle((0.7, y), 0.3, facecolor=OKABE_ITO["blue"], edgecolor=TEXT, zorder=2))
        ax.text(0.7, y, name.split("_", 1)[0], ha="center", va="center", color="white",
                fontsize=14, fontweight="bold", zorder=3)
        ax.text(1.3, y + 0.14, title, ha="left", va="center", fontsize=15, fontweight="bold", color=TEXT)
        goal = objectives.get(name, "")
        ax.text(1.3, y - 0.2, f"You will be able to {goal}" if goal else "", ha="left", va="center",
                fontsize=13, color=INK)
    ax.text(0.2, 0.3, "The learning path: read the notebooks in this order", fontsize=16,
            fontweight="bold", color=TEXT, va="center")
    return _with_alt(fig, learning_path_text(notebooks, objectives))


def learning_path_text(notebooks=None, objectives=None) -> TextAlternative:
    """The learning path in words.

    >>> learning_path_text().lines[0]
    '00 Start here (00_start_here.ipynb): identify who wrote each of the five texts, when, and who paid.'
    """
    notebooks = tuple(notebooks if notebooks is not None else lesson.NOTEBOOKS)
    objectives = dict(objectives if objectives is not None else lesson.OBJECTIVES)
    lines = [f"{name.split('_', 1)[0]} {title} ({name}.ipynb): {objectives.get(name, 'no objective given')}."
             for name, title in notebooks]
    return TextAlternative(f"The learning path has {len(lines)} notebooks, read in this order:", lines)


# --------------------------------------------------------------------------------------------------
# The five categories, systemic and local
# --------------------------------------------------------------------------------------------------

def _category_facts(atlas: Atlas) -> list[dict]:
    cats = categories(atlas)
    d = drugs(atlas)
    c = claims(atlas)
    out = []
    for rec in cats.to_dict("records"):
        named = d[d["category"] == rec["category"]]["generic"].tolist()
        texts = sorted(set(c[c["category"] == rec["category"]]["source_id"]))
        out.append({**rec, "drugs": named, "claim_sources": texts})
    return out


def category_map(atlas: Atlas | None = None) -> Figure:
    """The five treatment categories, grouped as the texts group them: systemic (whole-body) and local.

    Each box names the drugs the texts file under the category and how many texts tie the category to
    a tumour or patient characteristic.
    """
    a = _atlas(atlas)
    facts = _category_facts(a)
    n_sources = len(sources(a))
    scopes = list(dict.fromkeys(f["scope"] for f in facts))
    per_scope = {s: [f for f in facts if f["scope"] == s] for s in scopes}
    rows = max(len(v) for v in per_scope.values())
    box_h, gap = 2.0, 0.35
    height = 1.6 + rows * (box_h + gap)
    col_w = 6.2
    fig = _new_figure(1.0 + col_w * len(scopes) * 1.02, height * 0.95)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, 0.4 + (col_w + 0.4) * len(scopes))
    ax.set_ylim(0, height)
    ax.axis("off")
    titles = {"systemic": "SYSTEMIC: reaches the whole body", "local": "LOCAL: treats one area of the body"}
    for j, scope in enumerate(scopes):
        x0 = 0.4 + j * (col_w + 0.4)
        ax.add_patch(FancyBboxPatch((x0, 0.2), col_w, height - 0.4, boxstyle="round,pad=0.02,rounding_size=0.2",
                                    facecolor="#F2F2F2" if scope == "systemic" else "white", edgecolor=TEXT,
                                    linewidth=1.5, linestyle="-" if scope == "systemic" else "--"))
        ax.text(x0 + 0.25, height - 0.65, titles.get(scope, scope.upper()), fontsize=15, fontweight="bold",
                color=TEXT, va="center")
        for i, f in enumerate(per_scope[scope]):
            top = height - 1.2 - i * (box_h + gap)
            bx = x0 + 0.25
            ax.add_patch(Rectangle((bx, top - box_h), col_w - 0.5, box_h, facecolor="white", edgecolor=TEXT,
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
    a = _atlas(atlas)
    n_sources = len(sources(a))
    lines = []
    for f in _category_facts(a):
        named = _join(f["drugs"]) if f["drugs"] else "no drugs"
        who = _join(_names(f["claim_sources"], a)) or "no text"
        lines.append(f"{f['label']} is {f['scope']} ({_names([f['source_id']], a)[0]}: \u201c{f['quote']}\u201d). "
                     f"The texts name {named}. {len(f['claim_sources'])} of {n_sources} texts tie it to a "
                     f"characteristic: {who}.")
    scopes = list(dict.fromkeys(f["scope"] for f in _category_facts(a)))
    counts = ", ".join(f"{sum(f['scope'] == s for f in _category_facts(a))} {s}" for s in scopes)
    return TextAlternative(f"The five treatment categories, grouped by scope ({counts}):", lines)


# --------------------------------------------------------------------------------------------------
# Why chemotherapy's side effects follow rapidly dividing cells
# --------------------------------------------------------------------------------------------------

_KILLS = re.compile(r"kills (cells in the body that are [^.]+?)\.")
_INCLUDE = re.compile(r"These include ([^.]+?) but may also include ([^.]+?)\.")
_WHY = re.compile(r"This is why (chemotherapy [^.]+?)\.")


def dividing_cells(source_id: str = "frankly_speaking", atlas: Atlas | None = None) -> dict:
    """Read, from the text's own words, which cells chemotherapy kills and which it may also hit.

    Returns ``action``, ``aim`` (the cells meant), ``also`` (the other cells, each a verbatim phrase),
    ``consequence``, ``quote`` and ``source_id``.

    >>> dividing_cells()["also"]
    ['cells related to hair and nail growth', 'bone marrow cells', 'cells in the digestive system']
    """
    a = _atlas(atlas)
    p = passages(atlas=a)
    p = p[(p["source_id"] == source_id) & p["quote"].str.contains("may also include", regex=False)]
    if p.empty:
        raise ValueError(f"no passage of {source_id!r} says which cells chemotherapy 'may also include'")
    quote = p["quote"].iloc[0]
    inc = _INCLUDE.search(quote)
    kills, why = _KILLS.search(quote), _WHY.search(quote)
    if not inc:
        raise ValueError(f"cannot read the cells from the passage {p['passage_id'].iloc[0]!r}")
    also = [s.strip() for s in re.split(r",\s*|\s+and\s+(?=cells\b)", inc.group(2)) if s.strip()]
    return {"action": kills.group(1) if kills else "", "aim": inc.group(1).strip(), "also": also,
            "consequence": why.group(1) if why else "", "quote": quote, "source_id": source_id,
            "passage_id": p["passage_id"].iloc[0]}


def side_effects(source_id: str = "frankly_speaking", atlas: Atlas | None = None) -> Figure:
    """Why chemotherapy's side effects follow rapidly dividing cells; every label is a phrase of the text."""
    a = _atlas(atlas)
    d = dividing_cells(source_id, a)
    targets = [(d["aim"], True)] + [(s, False) for s in d["also"]]
    n = len(targets)
    row = 1.25
    height = max(5.2, 1.6 + n * row)
    fig = _new_figure(14, height * 0.85)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, 16)
    ax.set_ylim(0, height)
    ax.axis("off")
    mid = (height - 0.9) / 2
    # The treatment.
    ax.add_patch(FancyBboxPatch((0.3, mid - 1.1), 4.2, 2.2, boxstyle="round,pad=0.05", facecolor="white",
                                edgecolor=TEXT, linewidth=1.5))
    _badge(ax, 0.3, mid + 0.55, 4.2, 0.55, "chemotherapy")
    ax.text(2.4, mid + 0.82, "Chemotherapy", ha="center", va="center", fontsize=15, fontweight="bold",
            color=TEXT, bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.text(2.4, mid - 0.25, textwrap.fill("kills " + d["action"], 24), ha="center", va="center", fontsize=13,
            color=TEXT)
    # The cells it reaches.
    for i, (label, aim) in enumerate(targets):
        y = height - 1.3 - i * row
        ax.annotate("", xy=(5.8, y), xytext=(4.55, mid), arrowprops=dict(arrowstyle="-|>", color=TEXT, lw=1.6))
        ax.add_patch(Rectangle((5.8, y - 0.45), 5.2, 0.9, facecolor="white", edgecolor=TEXT,
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
        ax.add_patch(FancyBboxPatch((11.9, cy - 0.9), 3.8, 1.8, boxstyle="round,pad=0.05", facecolor="white",
                                    edgecolor=TEXT, linewidth=1.2, linestyle="--"))
        ax.text(13.8, cy, textwrap.fill("This is why " + d["consequence"], 26), ha="center", va="center",
                fontsize=12, color=TEXT)
    ax.text(0.3, height - 0.35, f"Why side effects follow rapidly dividing cells (labels quote "
            f"{_names([source_id], a)[0]})", fontsize=14, fontweight="bold", color=TEXT, va="center")
    return _with_alt(fig, side_effects_text(source_id, a))


def side_effects_text(source_id: str = "frankly_speaking", atlas: Atlas | None = None) -> TextAlternative:
    """The side-effects diagram in words (show the passage itself beside it with ``lesson.cite``)."""
    a = _atlas(atlas)
    d = dividing_cells(source_id, a)
    name = _names([source_id], a)[0]
    lines = [f"Chemotherapy kills {d['action']}.",
             f"The cells meant: {d['aim']}.",
             *[f"It may also reach {s}." for s in d["also"]]]
    if d["consequence"]:
        lines.append(f"This is why {d['consequence']}.")
    return TextAlternative(f"Diagram: every label quotes {name}.", lines)


# --------------------------------------------------------------------------------------------------
# Where the cancer has spread: radiation, surgery (and chemotherapy)
# --------------------------------------------------------------------------------------------------

#: Where each site sits on the schematic outline (x, y) and on which side its label goes.
SITE_LAYOUT = {
    "brain": ((0.0, 10.65), "left"),
    "lung": ((-0.75, 8.25), "left"),
    "liver": ((-0.6, 6.45), "left"),
    "bone": ((-0.85, 2.9), "left"),
    "breast_chest_wall": ((0.85, 7.75), "right"),
    "spine": ((0.0, 6.9), "right"),
}
SITE_CATEGORIES = ("radiation", "surgery", "chemotherapy")


def site_links(site_categories=SITE_CATEGORIES, atlas: Atlas | None = None) -> pd.DataFrame:
    """For each place the cancer can spread to and each category: the texts that tie them, with quotes.

    One row per (site, category), including the pairs no text ties (``n_texts`` 0), in the order of
    ``characteristics.csv`` and of ``site_categories``.

    >>> links = site_links()
    >>> links[(links.site == "liver") & (links.n_texts > 0)]["category"].tolist()
    ['chemotherapy']
    """
    a = _atlas(atlas)
    ch = characteristics(a)
    sites = ch[ch["group"] == "spread"]
    cats = categories(a).set_index("category")
    c = claims(a)
    rows = []
    for site, site_label in zip(sites["characteristic"], sites["label"]):
        for cat in site_categories:
            mine = c[(c["characteristic"] == site) & (c["category"] == cat)]
            sids = list(dict.fromkeys(mine["source_id"]))
            rows.append({"site": site, "site_label": site_label, "category": cat,
                         "category_label": cats.loc[cat, "label"], "scope": cats.loc[cat, "scope"],
                         "n_texts": len(sids), "source_ids": sids, "sources": _names(sids, a),
                         "claim_ids": mine["claim_id"].tolist(), "conditions": [x for x in mine["condition"] if x]})
    return pd.DataFrame(rows)


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


def body_sites(site_categories=SITE_CATEGORIES, atlas: Atlas | None = None) -> Figure:
    """A schematic body: each place the cancer can spread to, and which categories the texts tie to it.

    Each site's box lists every category in ``site_categories``: a filled, hatched badge and the number of
    texts where the texts tie the two, a dashed empty badge and "not in the texts" where none does.
    """
    a = _atlas(atlas)
    links = site_links(site_categories, a)
    sites = list(dict.fromkeys(links["site"]))
    fig = _new_figure(14, 14 * 14.3 / 22)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(-11, 11)
    ax.set_ylim(-1.5, 12.8)
    ax.set_aspect("equal")
    ax.axis("off")
    # A plain outline: head, torso, arms, legs (a schematic, not anatomy).
    body = dict(facecolor="#EDEDED", edgecolor="#595959", linewidth=2)
    ax.add_patch(Circle((0, 10.6), 0.8, **body))
    ax.add_patch(Rectangle((-0.3, 9.5), 0.6, 0.4, **body))
    ax.add_patch(FancyBboxPatch((-1.6, 5.0), 3.2, 4.5, boxstyle="round,pad=0.05,rounding_size=0.6", **body))
    for sx in (-1, 1):
        ax.add_patch(FancyBboxPatch((sx * 1.75 - 0.3, 5.2), 0.6, 4.0, boxstyle="round,pad=0.02,rounding_size=0.3", **body))
        ax.add_patch(FancyBboxPatch((sx * 0.8 - 0.4, 0.5), 0.8, 4.6, boxstyle="round,pad=0.02,rounding_size=0.3", **body))
    ax.plot([0, 0], [5.3, 9.4], color="#595959", linewidth=2, linestyle=(0, (2, 2)))
    # The label boxes, one column per side.
    line_h, title_h, pad, box_w = 0.62, 0.75, 0.2, 7.6
    placed = {}
    for side in ("left", "right"):
        mine = [s for s in sites if SITE_LAYOUT.get(s, ((0, 0), "right"))[1] == side]
        if not mine:
            continue
        heights = [title_h + line_h * len(site_categories) + pad for _ in mine]
        anchors = [SITE_LAYOUT.get(s, ((0, 0.5), side))[0][1] for s in mine]
        tops = _stack(anchors, heights, 12.6, -0.1)
        for s, top, h in zip(mine, tops, heights):
            placed[s] = (side, top, h)
    for s in sites:
        side, top, h = placed[s]
        (px, py) = SITE_LAYOUT.get(s, ((0.0, 0.5), side))[0]
        x0 = -10.9 if side == "left" else 10.9 - box_w
        mine = links[links["site"] == s]
        ax.add_patch(Rectangle((x0, top - h), box_w, h, facecolor="white", edgecolor=TEXT, linewidth=1.3))
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
        ax.add_patch(Circle((px, py), 0.22, facecolor=TEXT, edgecolor="white", linewidth=2, zorder=5))
    _badge(ax, -10.9, -1.05, 0.7, 0.44, site_categories[0])
    ax.text(-10.0, -0.83, "patterned box: the texts tie the two (number of texts);", fontsize=12, va="center", color=TEXT)
    _badge(ax, 0.3, -1.05, 0.7, 0.44, site_categories[0], empty=True)
    ax.text(1.2, -0.83, "dashed empty box: no text ties them", fontsize=12, va="center", color=TEXT)
    return _with_alt(fig, body_sites_text(site_categories, a))


def body_sites_text(site_categories=SITE_CATEGORIES, atlas: Atlas | None = None) -> TextAlternative:
    """The body-site diagram in words: for each site, which texts tie which categories to it, with the
    conditions the texts add, and which categories they are silent about.

    >>> [l for l in body_sites_text().lines if l.startswith("Liver")][0]
    'Liver. Chemotherapy: Breastcancer.org. The sources say nothing about radiation therapy or surgery for it.'
    """
    a = _atlas(atlas)
    links = site_links(site_categories, a)
    c = claims(a).set_index("claim_id")
    lines = []
    for site, part in links.groupby("site", sort=False):
        bits = [f"{part['site_label'].iloc[0]}."]
        for r in part[part["n_texts"] > 0].to_dict("records"):
            who = {}
            for cid in r["claim_ids"]:
                who.setdefault(c.loc[cid, "source_id"], [])
                if c.loc[cid, "condition"] and c.loc[cid, "condition"] not in who[c.loc[cid, "source_id"]]:
                    who[c.loc[cid, "source_id"]].append(c.loc[cid, "condition"])
            said = "; ".join(name + (f" ({'; '.join(conds)})" if conds else "")
                             for name, conds in zip(_names(list(who), a), who.values()))
            bits.append(f"{r['category_label']}: {said}.")
        silent = part[part["n_texts"] == 0]["category_label"].str.lower().tolist()
        if len(bits) == 1:
            bits.append("No text ties it to these categories.")
        elif silent:
            bits.append(f"The sources say nothing about {_join(silent).replace(' and ', ' or ')} for it.")
        lines.append(" ".join(bits))
    cats = _join(categories(a).set_index("category").loc[list(site_categories), "label"].str.lower())
    return TextAlternative(f"Where the cancer has spread, and which of {cats} the texts tie to each place "
                           "(with the conditions the texts add):", lines)


def sites_tied_to(all_of, site_categories=SITE_CATEGORIES, atlas: Atlas | None = None) -> list[str]:
    """The site labels that the texts tie to every category in ``all_of``.

    >>> sites_tied_to(["radiation", "surgery"])
    ['Brain', 'Breast or chest wall']
    """
    links = site_links(tuple(dict.fromkeys([*site_categories, *all_of])), atlas)
    ok = links[links["category"].isin(all_of) & (links["n_texts"] > 0)]
    counts = ok.groupby("site_label", sort=False)["category"].nunique()
    return [s for s, n in counts.items() if n == len(set(all_of))]


def _site_id(site: str, atlas: Atlas) -> str:
    ch = characteristics(atlas)
    sites = ch[ch["group"] == "spread"]
    if site in set(sites["characteristic"]):
        return site
    by_label = dict(zip(sites["label"], sites["characteristic"]))
    if site in by_label:
        return by_label[site]
    raise ValueError(f"unknown site {site!r}; valid: {', '.join(sites['characteristic'])}")


def _claim_quotes(claim_ids, atlas: Atlas) -> pd.DataFrame:
    c = claims(atlas)
    c = c[c["claim_id"].isin(claim_ids)]
    return c.drop_duplicates(["source_id", "quote"])[["quote", "source_id"]]


def sites_answer(all_of, site_categories=SITE_CATEGORIES, atlas: Atlas | None = None) -> str:
    """An answer: the sites the texts tie to every category in ``all_of``, with the quotes."""
    a = _atlas(atlas)
    found = sites_tied_to(all_of, site_categories, a)
    cats = _join(categories(a).set_index("category").loc[list(all_of), "label"].str.lower())
    if not found:
        return lesson.answer_html(f"No place is tied to {cats} alike: the sources say nothing about that.")
    links = site_links(tuple(dict.fromkeys([*site_categories, *all_of])), a)
    ids = [i for ids in links[links["site_label"].isin(found) & links["category"].isin(all_of)]["claim_ids"] for i in ids]
    return lesson.answer_html(sites_sentence(all_of, site_categories, a), _claim_quotes(ids, a), a)


def site_sentence(site: str, site_categories=SITE_CATEGORIES, atlas: Atlas | None = None) -> str:
    """In words: which categories the texts tie to one site (with how many texts), and which they do not.

    >>> site_sentence("liver").split(". ")[0]
    'The sources say nothing about radiation therapy or surgery for the liver'
    """
    a = _atlas(atlas)
    sid = _site_id(site, a)
    links = site_links(site_categories, a)
    part = links[links["site"] == sid]
    label = part["site_label"].iloc[0]
    silent = part[part["n_texts"] == 0]["category_label"].str.lower().tolist()
    bits = []
    if silent:
        bits.append(f"The sources say nothing about {_join(silent).replace(' and ', ' or ')} for the {label.lower()}.")
    for r in part[part["n_texts"] > 0].to_dict("records"):
        bits.append(f"{r['n_texts']} text{'s' if r['n_texts'] != 1 else ''} tie{'s' if r['n_texts'] == 1 else ''} "
                    f"it to {r['category_label'].lower()} ({'; '.join(r['sources'])}).")
    return " ".join(bits)


def site_answer(site: str, site_categories=SITE_CATEGORIES, atlas: Atlas | None = None) -> str:
    """An answer: :func:`site_sentence` followed by the quotes it rests on."""
    a = _atlas(atlas)
    sid = _site_id(site, a)
    links = site_links(site_categories, a)
    ids = [i for ids in links[(links["site"] == sid) & (links["n_texts"] > 0)]["claim_ids"] for i in ids]
    return lesson.answer_html(site_sentence(sid, site_categories, a), _claim_quotes(ids, a), a)


def sites_sentence(all_of, site_categories=SITE_CATEGORIES, atlas: Atlas | None = None) -> str:
    """In words: the sites the texts tie to every category in ``all_of``.

    >>> sites_sentence(["radiation", "surgery"])
    'The texts tie the brain and the breast or chest wall to both radiation therapy and surgery.'
    """
    a = _atlas(atlas)
    found = sites_tied_to(all_of, site_categories, a)
    cats = _join(categories(a).set_index("category").loc[list(all_of), "label"].str.lower())
    if not found:
        return f"No place is tied to {cats} alike: the sources say nothing about that."
    both = "both " if len(all_of) == 2 else "all of " if len(all_of) > 2 else ""
    return f"The texts tie {_join('the ' + f.lower() for f in found)} to {both}{cats}."
