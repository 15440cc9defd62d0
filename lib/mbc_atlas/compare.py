"""Comparing the five texts: who ties which characteristic to which category, who is silent, where they
disagree, who wrote each text and when, and how far treatment has moved since (notebook 07).

Everything is computed from ``data/``: the claims, the disagreements, the source table and, for the
currency section only, ``data/developments.csv`` -- which is *not* drawn from the five texts.

Only pandas and the standard library are imported here; matplotlib and IPython load when a figure or a
display object is asked for, so ``import mbc_atlas`` stays quick.

>>> m = matrix()
>>> m[(m.characteristic == "liver") & (m.status == "ties")]["source_id"].tolist()
['breastcancer_org']
"""
from __future__ import annotations

import re
import textwrap
from html import escape

import pandas as pd

from .alt import TextAlternative
from .load import Atlas
from .query import _atlas, categories, characteristics, claims, disagreements, sources, stances
from . import editors

#: What a cell of the comparison matrix can say about one text and one (characteristic, category) pair.
STATUS = {
    "ties": "ties them",
    "elsewhere": "ties the characteristic to another category only",
    "silent": "says nothing about the characteristic",
}
#: Symbols shown beside the words, so the matrix never relies on colour alone.
SYMBOL = {"ties": "\u2714", "elsewhere": "\u2192", "silent": "\u25cb"}
DISPUTE_SYMBOL = "\u2260"
#: Okabe-Ito fills (black text on each has contrast above 4.5:1) and hatching per status.
FILL = {"ties": "#56B4E9", "elsewhere": "#F0E442", "silent": "#FFFFFF"}
HATCH = {"ties": "//", "elsewhere": "..", "silent": ""}
DISPUTE_EDGE = "#D55E00"

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


# --------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------

def _short(atlas: Atlas) -> dict:
    return dict(zip(sources(atlas)["source_id"], sources(atlas)["short_name"]))


def _join(words) -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _lower_first(label: str) -> str:
    """'Bone' -> 'bone', 'A single, reachable metastasis' -> 'a single, ...', but 'HER2-positive' stays as it is.

    >>> _lower_first("A single, reachable metastasis"), _lower_first("HER2-positive")
    ('a single, reachable metastasis', 'HER2-positive')
    """
    first = label.split(" ")[0]
    return label if any(c.isupper() for c in first[1:]) else label[:1].lower() + label[1:]


def _curly(q: str) -> str:
    return f"\u201c{q}\u201d"


def _html(markup: str):
    from IPython.display import HTML

    return HTML(markup)


# --------------------------------------------------------------------------------------------------
# The comparison matrix
# --------------------------------------------------------------------------------------------------

def matrix(atlas: Atlas | None = None) -> pd.DataFrame:
    """One row per (characteristic, category, source) for every pair that at least one text ties.

    ``status`` is ``ties`` (the text ties the pair), ``elsewhere`` (the text ties the characteristic only to
    other categories) or ``silent`` (the text ties the characteristic to nothing). ``stance`` is the strongest
    way the text puts it; ``disputes`` lists the disagreements (``disagreements.csv``) on this characteristic
    that name this text, where this text or the other text of the disagreement ties the pair.

    >>> m = matrix()
    >>> m[(m.characteristic == "progressed_on_hormonal") & (m.category == "chemotherapy")].set_index(
    ...     "source_id")["status"].to_dict()["faslodex_site"]
    'elsewhere'
    """
    a = _atlas(atlas)
    c = claims(a)
    rank = stances(a).set_index("stance")
    ch = characteristics(a).set_index("characteristic")
    cats = categories(a).set_index("category")
    src = sources(a)
    ch_order = {k: i for i, k in enumerate(ch.index)}
    cat_order = {k: i for i, k in enumerate(cats.index)}
    pairs = sorted({(r.characteristic, r.category) for r in c.itertuples()},
                   key=lambda p: (ch_order[p[0]], cat_order[p[1]]))
    ties = {}
    for r in c.itertuples():
        ties.setdefault((r.characteristic, r.category, r.source_id), []).append(r)
    speaks = {(r.characteristic, r.source_id) for r in c.itertuples()}
    dis = disagreements(a)
    rows = []
    for chid, cat in pairs:
        tiers = {sid for (x, y, sid) in ties if (x, y) == (chid, cat)}
        for sid, short in zip(src["source_id"], src["short_name"]):
            mine = sorted(ties.get((chid, cat, sid), []), key=lambda r: rank.loc[r.stance, "rank"])
            status = "ties" if mine else "elsewhere" if (chid, sid) in speaks else "silent"
            disputes, numbers = [], []
            for n, d in enumerate(dis.itertuples(), start=1):
                if d.characteristic != chid:
                    continue
                parties = {d.source_a, d.source_b}
                if sid in parties and (sid in tiers or (parties - {sid}) & tiers):
                    disputes.append(d.disagreement_id)
                    numbers.append(n)
            rows.append({
                "characteristic": chid, "characteristic_label": ch.loc[chid, "label"],
                "category": cat, "category_label": cats.loc[cat, "label"],
                "source_id": sid, "source": short, "status": status,
                "stance": rank.loc[mine[0].stance, "label"] if mine else "",
                "claim_ids": [r.claim_id for r in mine], "disputes": disputes, "dispute_numbers": numbers,
            })
    return pd.DataFrame(rows)


_SHORT = {"ties": "ties them", "elsewhere": "other category", "silent": "silent"}


def cell_words(status: str, stance: str = "", disputes=()) -> str:
    """What one cell of the matrix says, in words and symbols (never colour alone). ``disputes`` are the
    numbers of the disagreements (their order in ``disagreements.csv``, as section 3 of notebook 07 numbers them).

    >>> cell_words("ties", "an option", [7])
    '✔ an option; ≠ see disagreement 7'
    >>> cell_words("silent")
    '○ silent'
    """
    words = f"{SYMBOL[status]} {stance if stance and status == 'ties' else _SHORT[status]}"
    if disputes:
        words += f"; {DISPUTE_SYMBOL} see disagreement{'s' if len(disputes) > 1 else ''} {', '.join(map(str, disputes))}"
    return words


def matrix_wide(atlas: Atlas | None = None) -> pd.DataFrame:
    """The matrix as a learner reads it: one row per (characteristic, category), one column per text.

    >>> w = matrix_wide()
    >>> w.loc[("Hormone-receptor-positive", "Hormonal therapy"), "Texts that tie them"]
    '5 of 5'
    """
    a = _atlas(atlas)
    m = matrix(a)
    n = len(sources(a))
    out = {}
    for (chl, catl), part in m.groupby(["characteristic_label", "category_label"], sort=False):
        row = {r["source"]: cell_words(r["status"], r["stance"], r["dispute_numbers"]) for r in part.to_dict("records")}
        row["Texts that tie them"] = f"{(part['status'] == 'ties').sum()} of {n}"
        out[(chl, catl)] = row
    df = pd.DataFrame.from_dict(out, orient="index")
    df.index = pd.MultiIndex.from_tuples(df.index, names=["Characteristic", "Category"])
    return df


def matrix_table(atlas: Atlas | None = None):
    """The matrix as a pandas Styler (fixed id): each cell has a symbol, words, a fill and, where the texts
    differ, a dashed vermillion edge."""
    a = _atlas(atlas)
    m = matrix(a)
    wide = matrix_wide(a)
    css = pd.DataFrame("", index=wide.index, columns=wide.columns)
    for r in m.to_dict("records"):
        key = (r["characteristic_label"], r["category_label"])
        style = f"background-color:{FILL[r['status']]};color:#000"
        if r["disputes"]:
            style += f";outline:3px dashed {DISPUTE_EDGE};outline-offset:-3px;font-weight:bold"
        css.loc[key, r["source"]] = style
    styles = [
        {"selector": "", "props": "border-collapse:collapse;font-size:1em;color:#111"},
        {"selector": "caption", "props": "caption-side:top;text-align:left;font-weight:bold;padding:4px 0"},
        {"selector": "th", "props": "background:#F2F2F2;text-align:left;vertical-align:top;padding:4px 8px;"
                                    "border-bottom:1px solid #767676;color:#111"},
        {"selector": "td", "props": "text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #767676;"
                                    "max-width:11em"},
    ]
    caption = (f"Who ties what. {SYMBOL['ties']} the text ties them (with its strongest stance); {SYMBOL['elsewhere']} it "
               f"ties the characteristic to another category only; {SYMBOL['silent']} it says nothing about the "
               f"characteristic; {DISPUTE_SYMBOL} the texts differ here (dashed edge; the disagreements are numbered below).")
    return (wide.style.set_uuid("compare-matrix").set_caption(caption).set_table_styles(styles)
            .format(escape="html").apply(lambda _: css, axis=None))


def matrix_figure(atlas: Atlas | None = None):
    """The matrix as a figure: rows are (characteristic, category) pairs, columns the texts; every cell carries
    its symbol as well as its fill and hatching, and differing cells a thick dashed vermillion edge."""
    from .figures import AltFigure, _with_alt
    from matplotlib.patches import Rectangle

    a = _atlas(atlas)
    m = matrix(a)
    src = sources(a)
    pairs = list(dict.fromkeys(zip(m["characteristic_label"], m["category_label"])))
    n_rows, n_cols = len(pairs), len(src)
    row_h, col_w, left = 0.42, 1.55, 5.6
    width, height = left + col_w * n_cols + 0.3, 3.0 + row_h * n_rows
    fig = AltFigure(figsize=(width, height), dpi=100, facecolor="white")
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    top = height - 2.25
    for j, name in enumerate(src["short_name"]):
        ax.text(left + col_w * (j + 0.5), top + 0.1, "\n".join(textwrap.wrap(name, 14, break_long_words=False)), ha="center", va="bottom",
                fontsize=12, fontweight="bold")
    index = {p: i for i, p in enumerate(pairs)}
    col = {s: j for j, s in enumerate(src["source_id"])}
    previous = None
    for (chl, catl), i in index.items():
        y = top - row_h * (i + 1)
        label = f"{chl} \u2192 {catl}" if chl != previous else f"\u2003\u2192 {catl}"
        ax.text(left - 0.15, y + row_h / 2, label, ha="right", va="center", fontsize=12)
        previous = chl
    for r in m.to_dict("records"):
        i = index[(r["characteristic_label"], r["category_label"])]
        j = col[r["source_id"]]
        x, y = left + col_w * j + 0.05, top - row_h * (i + 1) + 0.04
        disputed = bool(r["disputes"])
        ax.add_patch(Rectangle((x, y), col_w - 0.1, row_h - 0.08, facecolor=FILL[r["status"]],
                               hatch=HATCH[r["status"]] or None, edgecolor=DISPUTE_EDGE if disputed else "#4D4D4D",
                               linewidth=3 if disputed else 0.8, linestyle="--" if disputed else "-"))
        mark = SYMBOL[r["status"]] + (f" {DISPUTE_SYMBOL}" if disputed else "")
        ax.text(x + (col_w - 0.1) / 2, y + (row_h - 0.08) / 2, mark, ha="center", va="center", fontsize=13,
                fontweight="bold", bbox=dict(facecolor="white", edgecolor="none", pad=0.5))
    ax.text(0.2, height - 0.45, "Which text ties which characteristic to which category", fontsize=15,
            fontweight="bold", va="center")
    legend = (f"{SYMBOL['ties']} blue, hatched: the text ties them      {SYMBOL['elsewhere']} yellow, dotted: it ties the "
              f"characteristic to another category only\n{SYMBOL['silent']} white: it says nothing about the "
              f"characteristic      {DISPUTE_SYMBOL} dashed vermillion edge: the texts differ here")
    ax.text(0.2, height - 1.0, legend, fontsize=12, va="center", linespacing=1.5)
    return _with_alt(fig, matrix_text(a))


def matrix_text(atlas: Atlas | None = None) -> TextAlternative:
    """The matrix in words: for each pair, which texts tie it (with stance), which tie the characteristic
    elsewhere, which are silent, and where the texts differ.

    >>> [l for l in matrix_text().lines if l.startswith("Liver")][0]
    'Liver → Chemotherapy: tied by Breastcancer.org (usually recommended). FASLODEX product site, Frankly Speaking About Cancer, Standards of Care fact sheet and Johnson (2010) blog post say nothing about liver.'
    """
    a = _atlas(atlas)
    m = matrix(a)
    lines = []
    for (chl, catl), part in m.groupby(["characteristic_label", "category_label"], sort=False):
        recs = part.to_dict("records")
        tied = [f"{r['source']} ({r['stance']})" for r in recs if r["status"] == "ties"]
        other = [r["source"] for r in recs if r["status"] == "elsewhere"]
        silent = [r["source"] for r in recs if r["status"] == "silent"]
        line = f"{chl} \u2192 {catl}: tied by {_join(tied)}."
        if other:
            line += f" Tied to another category only by {_join(other)}."
        if silent:
            line += f" {_join(silent)} say{'s' if len(silent) == 1 else ''} nothing about {_lower_first(chl)}."
        disputes = list(dict.fromkeys(zip((n for r in recs for n in r["dispute_numbers"]),
                                          (d for r in recs for d in r["disputes"]))))
        if disputes:
            line += " The texts differ here: " + "; ".join(f"see disagreement {n} ({d})" for n, d in disputes) + "."
        lines.append(line)
    return TextAlternative(f"For each characteristic-category pair at least one of the {len(sources(a))} texts ties "
                           f"({len(lines)} pairs):", lines)


def agreement_counts(atlas: Atlas | None = None) -> pd.DataFrame:
    """For each pair, how many texts tie it, tie the characteristic elsewhere, or are silent.

    >>> int(agreement_counts().set_index(["characteristic", "category"]).loc[("hr_positive", "hormonal"), "ties"])
    5
    """
    m = matrix(atlas)
    counts = m.pivot_table(index=["characteristic", "category"], columns="status", values="source_id",
                           aggfunc="count", sort=False).reindex(columns=list(STATUS)).fillna(0).astype(int)
    counts.columns.name = None
    return counts.reset_index()


# --------------------------------------------------------------------------------------------------
# Where the texts disagree
# --------------------------------------------------------------------------------------------------

def disagreements_html(atlas: Atlas | None = None) -> str:
    """Every disagreement in ``disagreements.csv``, each with its summary and both quotes side by side."""
    a = _atlas(atlas)
    short = _short(a)
    labels = characteristics(a).set_index("characteristic")["label"]
    parts = []
    for i, d in enumerate(disagreements(a).to_dict("records"), start=1):
        about = labels.get(d["characteristic"], "") if d["characteristic"] else ""
        head = (f'<h4 style="margin:14px 0 4px">{i}. {escape(d["kind"].capitalize())}'
                f'{" — " + escape(about) if about else ""} <code>{escape(d["disagreement_id"])}</code></h4>')
        cols = []
        for side in ("a", "b"):
            sid, q = d[f"source_{side}"], d[f"quote_{side}"]
            body = escape(q).replace("\n", "<br>")
            cols.append(f'<td style="text-align:left;vertical-align:top;padding:6px 10px;border:1px solid #767676;width:50%">'
                        f'<strong>{escape(short[sid])}</strong><blockquote style="margin:4px 0;padding:2px 8px;'
                        f'border-left:4px solid #0072B2">\u201c{body}\u201d</blockquote></td>')
        parts.append(f'<div class="mbc-disagreement" id="disagreement-{escape(d["disagreement_id"])}">{head}'
                     f'<p style="margin:2px 0 6px">{escape(d["summary"])}</p>'
                     f'<table style="border-collapse:collapse;width:100%;color:#111"><tr>{"".join(cols)}</tr></table></div>')
    n = len(parts)
    intro = f'<p><strong>The texts differ in {n} place{"s" if n != 1 else ""}</strong> (from <code>data/disagreements.csv</code>).</p>'
    return intro + "".join(parts)


def disagreements_view(atlas: Atlas | None = None):
    """:func:`disagreements_html` as a display object."""
    return _html(disagreements_html(atlas))


# --------------------------------------------------------------------------------------------------
# Who wrote each text, for whom, when, and who paid
# --------------------------------------------------------------------------------------------------

BASIS_WORDS = {"stated": "stated in the text", "inferred": "inferred by the editors", "not stated": "not stated in the text"}
_YOU = re.compile(r"\b(you|your|yours|yourself)\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def reader_address(source_id: str, atlas: Atlas | None = None) -> dict:
    """How a text addresses its reader: how often it says "you"/"your", and the first sentence that does.

    >>> reader_address("breastcancer_org")["sentence"]
    'Which type of treatment will work best for you depends on what the tumors are like, and where they are growing.'
    """
    a = _atlas(atlas)
    text = a.texts[source_id]
    count = len(_YOU.findall(text))
    first = next((s.strip() for s in _SENTENCE.findall(text) if _YOU.search(s)), "")
    return {"count": count, "sentence": first}


def _fact(rec: dict, fact: str) -> str:
    value, basis = rec[fact], rec[fact + "_basis"]
    if basis == "stated":   # several stated parts are separated by "; " in sources.csv, each verbatim
        return f"{' and '.join(_curly(part) for part in value.split('; '))} ({BASIS_WORDS[basis]})"
    if basis == "inferred":
        return f"{value} ({BASIS_WORDS[basis]})"
    return BASIS_WORDS["not stated"]


def profiles(atlas: Atlas | None = None) -> pd.DataFrame:
    """Who wrote each text, who published it, for whom, when, and who paid, with each fact's basis.

    >>> profiles().set_index("Source").loc["Johnson (2010) blog post", "Who wrote it"]
    '“By Phyllis Johnson, Health Guide” (stated in the text)'
    """
    a = _atlas(atlas)
    rows = []
    for rec in sources(a).to_dict("records"):
        you = reader_address(rec["source_id"], a)
        whom = (f"a reader addressed as \u201cyou\u201d ({you['count']} times), e.g. {_curly(you['sentence'])} "
                f"(inferred from the wording)" if you["count"] else "no reader addressed as \u201cyou\u201d")
        rows.append({"Source": rec["short_name"], "Kind": rec["publisher_kind"],
                     "Who wrote it": _fact(rec, "author"), "Who published it": _fact(rec, "publisher"),
                     "For whom": whom, "When": _fact(rec, "dates"), "Who paid": _fact(rec, "funding")})
    return pd.DataFrame(rows)


def profiles_table(atlas: Atlas | None = None):
    """:func:`profiles` as a Styler (fixed id); inferred facts in italics with a dashed edge, facts the text
    does not state in grey -- and every cell also says its basis in words."""
    a = _atlas(atlas)
    df = profiles(a)

    def look(v):
        if isinstance(v, str) and v.endswith("(inferred by the editors)"):
            return "font-style:italic;border-left:4px dashed #767676"
        if v == BASIS_WORDS["not stated"]:
            return "color:#4D4D4D"
        return ""

    styles = [
        {"selector": "", "props": "border-collapse:collapse;color:#111"},
        {"selector": "caption", "props": "caption-side:top;text-align:left;font-weight:bold;padding:4px 0"},
        {"selector": "th", "props": "background:#F2F2F2;text-align:left;padding:4px 8px;border-bottom:2px solid #767676"},
        {"selector": "td", "props": "text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #767676"},
    ]
    return (df.style.set_uuid("compare-profiles").hide(axis="index").format(escape="html")
            .set_caption("Who wrote each text, for whom, when, and who paid. Each fact says whether the text "
                         "states it (quoted) or the editors inferred it.")
            .set_table_styles(styles).map(look).set_properties(subset=["Source"], **{"font-weight": "bold"}))


def basis_counts(atlas: Atlas | None = None) -> pd.DataFrame:
    """For each fact (author, publisher, dates, funding, ...): how many texts state it, how many leave it to
    inference, how many say nothing.

    >>> basis_counts().set_index("fact").loc["author"].tolist()
    [1, 0, 4]
    """
    src = sources(atlas)
    facts = [c[: -len("_basis")] for c in src.columns if c.endswith("_basis")]
    rows = [{"fact": f, **{b: int((src[f + "_basis"] == b).sum()) for b in BASIS_WORDS}} for f in facts]
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------------
# Currency: the texts' dates, and what has happened since (NOT from the five texts)
# --------------------------------------------------------------------------------------------------

def developments(atlas: Atlas | None = None) -> pd.DataFrame:
    """The dated list of treatment developments since the texts, from ``data/developments.csv``, oldest
    first, with ``year``, ``when`` (in words) and ``drug`` (the name before the first bracket).

    This list is not drawn from the five texts: each row is a fact from the reference it cites.

    >>> developments()["drug"].iloc[0]
    'Palbociclib'
    """
    a = _atlas(atlas)
    df = a["developments"].copy()
    for i, d in enumerate(df["date"]):
        if not _DATE.match(d):
            raise ValueError(f"developments.csv, row {i + 2}, column 'date': {d!r} is not YYYY-MM or YYYY")
    df["year"] = df["date"].str[:4].astype(int)
    df["when"] = [f"{_MONTHS[int(d[5:7]) - 1]} {d[:4]}" if len(d) == 7 else d for d in df["date"]]
    df["drug"] = df["development"].str.split(" (", n=1, regex=False).str[0]
    return df.sort_values("date", kind="stable").reset_index(drop=True)


def texts_dates(atlas: Atlas | None = None) -> pd.DataFrame:
    """The dates of the texts, as the data gives them: ``earliest``/``latest`` year (or blank) and what the
    date rests on (stated in the text, inferred by the editors, or no date).

    >>> texts_dates().set_index("source_id").loc["johnson_2010", ["earliest", "latest", "basis"]].tolist()
    [2010, 2012, 'stated in the text']
    """
    src = sources(atlas)
    rows = []
    for rec in src.to_dict("records"):
        rows.append({"source_id": rec["source_id"], "source": rec["short_name"],
                     "earliest": int(rec["year_earliest"]) if rec["year_earliest"] else None,
                     "latest": int(rec["year_latest"]) if rec["year_latest"] else None,
                     "dates": rec["dates"], "basis": BASIS_WORDS[rec["dates_basis"]]})
    return pd.DataFrame(rows, dtype=object)


def currency_sentence(atlas: Atlas | None = None) -> str:
    """The texts' dates in one sentence, from ``sources.csv``.

    >>> currency_sentence().startswith("Only 1 of the 5 texts states a date")
    True
    """
    d = texts_dates(atlas)
    stated = d[d["basis"] == BASIS_WORDS["stated"]]
    inferred = d[d["basis"] == BASIS_WORDS["inferred"]]
    undated = d[d["basis"] == BASIS_WORDS["not stated"]]
    bits = [f"Only {len(stated)} of the {len(d)} texts states a date" if len(stated) == 1
            else f"{len(stated)} of the {len(d)} texts state a date"]
    if len(stated):
        bits[0] += ": " + "; ".join(f"{r['source']} ({_curly(r['dates'])})" for r in stated.to_dict("records"))
    sentence = bits[0] + "."
    if len(inferred):
        sentence += " The editors infer the date of " + "; ".join(
            f"{r['source']} ({r['dates']})" for r in inferred.to_dict("records")) + "."
    if len(undated):
        sentence += f" {_join(undated['source'])} give{'s' if len(undated) == 1 else ''} no date at all."
    return sentence


def developments_table(atlas: Atlas | None = None):
    """The developments as a Styler (fixed id), captioned as what they are: not from the five texts, and dated."""
    df = developments(atlas)
    shown = pd.DataFrame({"When": df["when"], "Development (a fact from the reference beside it)": df["development"],
                          "Reference": df["citation"]})
    styles = [
        {"selector": "", "props": "border-collapse:collapse;color:#111;border:3px double #000"},
        {"selector": "caption", "props": "caption-side:top;text-align:left;font-weight:bold;padding:4px 0"},
        {"selector": "th", "props": "background:#FFF8E5;text-align:left;padding:4px 8px;border-bottom:2px solid #767676"},
        {"selector": "td", "props": "text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #767676"},
    ]
    return (shown.style.set_uuid("compare-developments").hide(axis="index").format(escape="html")
            .set_caption(f"NOT from the five texts: a selection of treatment developments since they were written, "
                         f"covering up to {editors.covered(atlas)} and checked {editors.checked(atlas)}; each is a fact "
                         f"from the reference beside it. Mostly US FDA approvals; other countries' dates differ.")
            .set_table_styles(styles))


def currency_timeline(atlas: Atlas | None = None):
    """A timeline: the texts' dates above the line, the later developments below it (in a separate,
    double-bordered band labelled as not from the texts)."""
    from .figures import AltFigure, _with_alt
    from matplotlib.patches import Rectangle

    a = _atlas(atlas)
    dev = developments(a)
    dates = texts_dates(a)
    dated = [r for r in dates.to_dict("records") if r["earliest"] is not None]
    undated = [r["source"] for r in dates.to_dict("records") if r["earliest"] is None]
    start = min([r["earliest"] for r in dated] + [int(dev["year"].min())]) - 1
    end = int(editors.covered(a)[:4]) + 1
    step = 0.62
    top = 1.2 + step * (len(dated) + (1 if undated else 0))
    bottom = -1.6 - step * len(dev)
    fig = AltFigure(figsize=(14, 0.75 * (top - bottom) + 0.6), dpi=100, facecolor="white")
    ax = fig.add_axes([0.01, 0.01, 0.98, 0.98])
    ax.set_xlim(start - 0.3, end + 0.3)
    ax.set_ylim(bottom - 0.2, top + 0.2)
    ax.axis("off")
    mid = (start + end) / 2
    ax.plot([start, end], [0, 0], color="#000", linewidth=2)
    for y in range(start, end + 1):
        ax.plot([y, y], [-0.1, 0.1], color="#000", linewidth=1.5)
        ax.text(y, -0.25, str(y), ha="center", va="top", fontsize=12)
    ax.text(start - 0.2, top - 0.1, "The five texts (dates from sources.csv)", fontsize=15, fontweight="bold",
            va="center")
    level = top - 0.1 - step
    for r in dated:
        x0 = r["earliest"] + 0.5
        x1 = (r["latest"] + 0.5) if r["latest"] is not None else x0
        inferred = r["basis"] == BASIS_WORDS["inferred"]
        open_ended = r["latest"] is None
        ax.plot([x0, x1 + (1.0 if open_ended else 0)], [level, level], color="#0072B2", linewidth=6,
                linestyle=(0, (1.5, 1)) if inferred or open_ended else "-", solid_capstyle="butt")
        ax.plot([x0], [level], marker="o", markersize=10, color="#0072B2")
        ax.plot([x0, x0], [level, 0], color="#0072B2", linewidth=0.8, linestyle=":")
        words = f"{r['source']}: {r['dates']} ({r['basis']})"
        ax.text(x1 + (1.15 if open_ended else 0.2), level, words, fontsize=12, va="center")
        level -= step
    if undated:
        ax.text(start - 0.2, level, textwrap.fill("No date in the text: " + _join(undated), 110), fontsize=12,
                va="center", style="italic")
    band_top = -0.75
    ax.add_patch(Rectangle((start - 0.3, bottom - 0.15), end - start + 0.6, band_top - bottom + 0.15,
                           facecolor="#FFF8E5", edgecolor="#000", linewidth=2.5))
    ax.text(start - 0.15, band_top - 0.35, f"NOT from the five texts: later developments (mostly US FDA approvals, "
            f"up to {editors.covered(a)}; each from its cited reference)", fontsize=13, fontweight="bold",
            va="center")
    for i, r in enumerate(dev.to_dict("records")):
        x = r["year"] + ((int(r["date"][5:7]) - 0.5) / 12 if len(r["date"]) == 7 else 0.5)
        y = band_top - 0.95 - i * step
        ax.plot([x, x], [y, 0], color="#4D4D4D", linewidth=0.8, linestyle=":")
        ax.plot([x], [y], marker="D", markersize=9, color="#D55E00", markeredgecolor="#000")
        right = x < mid + 2
        ax.text(x + (0.15 if right else -0.15), y, f"{r['when']}: {r['drug']}", fontsize=12, va="center",
                ha="left" if right else "right", bbox=dict(facecolor="#FFF8E5", edgecolor="none", pad=1))
    return _with_alt(fig, currency_text(a))


def currency_text(atlas: Atlas | None = None) -> TextAlternative:
    """The timeline in words: the texts' dates, then each later development with its date and reference.

    >>> sum(line.startswith("Not from the five texts") for line in currency_text().lines)
    1
    """
    a = _atlas(atlas)
    dates = texts_dates(a)
    lines = []
    for r in dates.to_dict("records"):
        if r["earliest"] is None:
            lines.append(f"{r['source']}: no date in the text.")
        else:
            span = (f"{r['earliest']} or later" if r["latest"] is None else str(r["earliest"])
                    if r["latest"] == r["earliest"] else f"{r['earliest']} to {r['latest']}")
            lines.append(f"{r['source']}: {span} ({r['dates']}; {r['basis']}).")
    lines.append(f"Not from the five texts (list covering up to {editors.covered(a)}), each a fact from the reference "
                 "given:")
    for r in developments(a).to_dict("records"):
        lines.append(f"{r['when']}: {r['development']} Reference: {r['citation']}")
    return TextAlternative("Timeline: when the texts were written, and what came after them.", lines)


# --------------------------------------------------------------------------------------------------
# Sentences and answers for the notebook's key points and questions (all from the data)
# --------------------------------------------------------------------------------------------------

def agreement_sentence(atlas: Atlas | None = None) -> str:
    """How much the texts overlap, in one sentence.

    >>> agreement_sentence().split(":")[0]
    'The texts tie 26 characteristic-category pairs; 1 of them is tied by all 5 texts'
    """
    a = _atlas(atlas)
    counts = agreement_counts(a)
    n = len(sources(a))
    labels = characteristics(a).set_index("characteristic")["label"]
    cats = categories(a).set_index("category")["label"]
    all_ = counts[counts["ties"] == n]
    one = int((counts["ties"] == 1).sum())
    pairs = _join(f"{labels[r['characteristic']]} \u2192 {cats[r['category']].lower()}" for r in all_.to_dict("records"))
    head = (f"The texts tie {len(counts)} characteristic-category pairs; {len(all_)} of them "
            f"{'is' if len(all_) == 1 else 'are'} tied by all {n} texts")
    return (f"{head}: {pairs}. {one} pairs rest on a single text." if len(all_)
            else f"{head}. {one} pairs rest on a single text.")


def unanimous_answer(atlas: Atlas | None = None) -> str:
    """An answer (HTML): the pairs every text ties, with one quote from each text."""
    from .lesson import answer_html

    a = _atlas(atlas)
    m = matrix(a)
    n = len(sources(a))
    c = claims(a).set_index("claim_id")
    rows = []
    for (ch, cat), part in m.groupby(["characteristic", "category"], sort=False):
        if (part["status"] == "ties").sum() == n:
            rows += [c.loc[r["claim_ids"][0], ["quote", "source_id"]].to_dict() for r in part.to_dict("records")]
    return answer_html(agreement_sentence(a), pd.DataFrame(rows, columns=["quote", "source_id"]), a)


def disagreement_sentence(atlas: Atlas | None = None) -> str:
    """How many disagreements there are, and of which kinds.

    >>> disagreement_sentence().startswith("The texts differ in 8 places")
    True
    """
    d = disagreements(atlas)
    kinds = d["kind"].value_counts(sort=False)
    return f"The texts differ in {len(d)} places ({', '.join(f'{k}: {v}' for k, v in kinds.items())})."


def currency_view(atlas: Atlas | None = None):
    """:func:`currency_sentence` as a display object."""
    return _html(f'<p style="font-size:1.05em">{escape(currency_sentence(atlas))}</p>')


def development_answer(atlas: Atlas | None = None) -> str:
    """An answer (HTML, inside the editors' fence): the first development after the texts, with its reference,
    and a reminder that the list is not from the texts."""
    from .render.editors import note_box

    first = developments(atlas).iloc[0]
    return note_box({"note": f"For example: {first['when']}: {first['development']} This fact comes from its "
                             f"reference, not from the texts, which were written before it; the list covers up to "
                             f"{editors.covered(atlas)} and will itself go out of date.",
                     "citation": first["citation"], "checked": editors.checked(atlas)})
