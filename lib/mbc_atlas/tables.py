"""Tables for the lessons, drawn from the data: pandas Stylers (with fixed ids, so a saved notebook does not
change when it is run again) and a glossary search box.

Every row names its source by the short name a learner sees (``sources.csv``, column ``short_name``).
A Styler keeps its plain table in ``.data``, which is what the tests read.

>>> sources_table().data["Source"].tolist()[0]
'Breastcancer.org'
"""
from __future__ import annotations

import re
from html import escape

import pandas as pd

from .load import Atlas
from .words import join, lower_first, plural
from .query import (SEP, _atlas, answer, categories, characteristics, claims, disagreements, drug_mentions, drugs,
                    glossary, sources, stances)

_HEAD = "#F2F2F2"
_GRID = "#767676"
_MUTED = "#4D4D4D"
_TABLE_STYLES = [
    {"selector": "", "props": "border-collapse:collapse;font-size:1em;color:#111;margin:6px 0"},
    {"selector": "caption", "props": "caption-side:top;text-align:left;font-weight:bold;padding:4px 0;color:#111"},
    {"selector": "th", "props": f"background:{_HEAD};text-align:left;vertical-align:bottom;padding:6px 8px;"
                                f"border-bottom:2px solid {_GRID};color:#111"},
    {"selector": "td", "props": f"text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid {_GRID}"},
]


def _short(atlas: Atlas) -> pd.Series:
    return sources(atlas).set_index("source_id")["short_name"]


def _names(source_ids, atlas: Atlas) -> str:
    short = _short(atlas)
    if isinstance(source_ids, str):
        source_ids = [s for s in source_ids.split(SEP) if s]
    return "; ".join(short[s] for s in source_ids)


def _styler(df: pd.DataFrame, uuid: str, caption: str = "", wrap=(), wide=()) -> "pd.io.formats.style.Styler":
    """A left-aligned, escaped, readable table with a fixed id; ``wrap`` columns keep the quotes' line breaks,
    ``wide`` columns (long text) get room to breathe."""
    uuid = re.sub(r"[^A-Za-z0-9-]+", "-", uuid)
    st = (df.style.set_uuid(uuid).hide(axis="index").format(escape="html", na_rep="")
          .set_table_styles(_TABLE_STYLES))
    if caption:
        st = st.set_caption(caption)
    cols = [c for c in wrap if c in df.columns]
    if cols:
        st = st.set_properties(subset=cols, **{"white-space": "pre-line"})
    wide = [c for c in wide if c in df.columns]
    if wide:
        st = st.set_properties(subset=wide, **{"min-width": "16em"})
    return st


def _curly(q: str) -> str:
    return f"\u201c{q}\u201d"


# --------------------------------------------------------------------------------------------------
# The five sources
# --------------------------------------------------------------------------------------------------

BASIS_WORDS = {"stated": "stated in the text", "inferred": "inferred by the editors", "not stated": "not stated"}


def _fact(rec: dict, fact: str) -> tuple[str, str]:
    value, basis = rec[fact], rec[fact + "_basis"]
    if basis == "stated":
        return f"{_curly(value)} (stated in the text)", basis
    if basis == "inferred":
        return f"{value} (inferred by the editors)", basis
    return "not stated in the text", basis


def sources_table(atlas: Atlas | None = None):
    """The five sources at a glance: what each is, who wrote or published it, when, who paid, who reviewed it.

    Each fact says whether the text states it (then it is quoted) or the editors inferred it.
    """
    a = _atlas(atlas)
    rows, bases = [], []
    for rec in sources(a).to_dict("records"):
        who_fact = "author" if rec["author_basis"] != "not stated" else "publisher"
        cells = {"Source": (rec["short_name"], ""), "Kind of publisher": (rec["publisher_kind"], ""),
                 "Title": _fact(rec, "title"),
                 "Who wrote or published it": _fact(rec, who_fact),
                 "When": _fact(rec, "dates"), "Who paid": _fact(rec, "funding"),
                 "Reviewed by": _fact(rec, "review"), "Editors' note": (rec["note"], "")}
        rows.append({k: v[0] for k, v in cells.items()})
        bases.append({k: v[1] for k, v in cells.items()})
    df, basis = pd.DataFrame(rows), pd.DataFrame(bases)
    css = {"stated": "", "inferred": f"font-style:italic;border-left:4px dashed {_GRID}",
           "not stated": f"color:{_MUTED}", "": ""}
    st = _styler(df, "sources-at-a-glance",
                 "The five sources. Quoted facts are stated in the text; facts in italics with a dashed "
                 "edge are inferred by the editors.", wide=["Who paid", "Reviewed by", "Editors' note"])
    return st.apply(lambda _: basis.replace(css), axis=None).set_properties(subset=["Source"], **{"font-weight": "bold"})


# --------------------------------------------------------------------------------------------------
# Categories and what the texts tie to them
# --------------------------------------------------------------------------------------------------

def categories_table(atlas: Atlas | None = None):
    """The five categories with their scope (systemic or local) and the quote that gives it."""
    a = _atlas(atlas)
    c = categories(a)
    df = pd.DataFrame({"Category": c["label"], "Scope": c["scope"], "Source": [_names([s], a) for s in c["source_id"]],
                       "In the text's words": c["quote"].map(_curly)})
    return _styler(df, "categories-scope", "Systemic or local, as the texts put it", wrap=["In the text's words"],
                   wide=["In the text's words"])


def _labels(atlas: Atlas, column="label") -> pd.Series:
    return characteristics(atlas).set_index("characteristic")[column]


def _known(wanted, valid, what: str) -> list:
    """``wanted`` (one id or several) as a list, or ValueError naming the ids not in ``valid``."""
    ids = [wanted] if isinstance(wanted, str) else list(wanted)
    unknown = sorted(set(ids) - set(valid))
    if unknown:
        raise ValueError(f"unknown {what} {unknown}; valid: {', '.join(valid)}")
    return ids


def claims_frame(category=None, about=None, atlas: Atlas | None = None, group: str | None = None,
                 source_id: str | None = None) -> pd.DataFrame:
    """The claims for a category (or list of categories), characteristics (``about``), a characteristic
    ``group`` (such as ``"spread"``) and/or one source, as a learner reads them: grouped by characteristic
    (in vocabulary order), strongest stance first.
    """
    a = _atlas(atlas)
    c = claims(a)
    if category is not None:
        c = c[c["category"].isin(_known(category, categories(a)["category"], "category"))]
    if about is not None:
        c = c[c["characteristic"].isin(_known(about, characteristics(a)["characteristic"], "characteristic"))]
    if group is not None:
        ch = characteristics(a)
        if group not in set(ch["group"]):
            raise ValueError(f"unknown group {group!r}; valid: {', '.join(dict.fromkeys(ch['group']))}")
        c = c[c["characteristic"].isin(ch[ch["group"] == group]["characteristic"])]
    if source_id is not None:
        c = c[c["source_id"] == source_id]
    st = stances(a).set_index("stance")
    order = {k: i for i, k in enumerate(characteristics(a)["characteristic"])}
    cat_order = {k: i for i, k in enumerate(categories(a)["category"])}
    c = c.assign(_ch=c["characteristic"].map(order), _cat=c["category"].map(cat_order),
                 _rank=c["stance"].map(st["rank"]).astype(int))
    return c.sort_values(["_ch", "_cat", "_rank"], kind="stable").drop(columns=["_ch", "_cat", "_rank"]).reset_index(drop=True)


def claims_table(category=None, about=None, atlas: Atlas | None = None, uuid: str | None = None,
                 group: str | None = None):
    """When the texts turn to a category: each claim with its characteristic, stance, source and quote.

    A characteristic's name shows once, at the top of its group.
    """
    a = _atlas(atlas)
    c = claims_frame(category, about, a, group=group)
    labels = _labels(a)
    cats = categories(a).set_index("category")["label"]
    st = stances(a).set_index("stance")["label"]
    ch_col = [labels[x] for x in c["characteristic"]]
    shown = [lab if i == 0 or lab != ch_col[i - 1] else "" for i, lab in enumerate(ch_col)]
    together = [f"holds only together with {join([lower_first(labels[o]) for o in others.split(SEP)])}"
                if others else "" for others in c["other_conditions"]]
    qualifiers = [
        "; ".join(x for x in (both, cond, f"said by {att}" if att else "") if x)
        for both, cond, att in zip(together, c["condition"], c["attributed_to"])
    ]
    df = pd.DataFrame({
        "Characteristic": shown,
        "Category": [cats[x] for x in c["category"]],
        "How the text puts it": [st[x] for x in c["stance"]],
        "Source": [_names([s], a) for s in c["source_id"]],
        "Quote": c["quote"].map(_curly),
        "Conditions and who says so": qualifiers,
    })
    single = category is not None and (isinstance(category, str) or len(list(category)) == 1)
    if single:
        df = df.drop(columns=["Category"])
    if category is None:
        what = "the statements"
    elif single:
        what = "when the texts turn to " + cats[category if isinstance(category, str) else list(category)[0]].lower()
    else:
        labels = [cats[x].lower() for x in category]
        what = "when the texts turn to " + (", ".join(labels[:-1]) + " or " + labels[-1])
    if group is not None:
        what += ", by " + characteristics(a).set_index("group")["group_label"].drop_duplicates()[group].lower()
    cats_part = [category] if isinstance(category, str) else list(category or ["all"])
    name = uuid or "claims-" + "-".join(cats_part + ([group] if group else []) + (list([about] if isinstance(about, str) else about) if about else []))
    sty = _styler(df, name, f"{what[0].upper() + what[1:]}: {len(df)} statement{'s' if len(df) != 1 else ''} "
                  f"from {c['source_id'].nunique()} text{'s' if c['source_id'].nunique() != 1 else ''}", wrap=["Quote"],
                  wide=["Quote"])
    starts = [i for i, s in enumerate(shown) if s]
    return sty.apply(lambda d: pd.DataFrame(
        [[f"border-top:2px solid {_GRID}" if i in starts and i else "" for _ in d.columns] for i in range(len(d))],
        index=d.index, columns=d.columns), axis=None).set_properties(subset=["Characteristic"], **{"font-weight": "bold"})


def evidence_overview(atlas: Atlas | None = None):
    """Characteristic x category: in each cell, the number of texts with a statement that holds for that
    characteristic alone (blank: none), as the explorer answers for it. Statements that hold only together
    with other characteristics are counted in the Note, not in the cells.

    A characteristic no text ties to any category is marked "the sources say nothing about this".
    """
    a = _atlas(atlas)
    ch = characteristics(a)
    cats = categories(a)
    rows = []
    prev_group = None
    for rec in ch.to_dict("records"):
        row = {"Group": rec["group_label"] if rec["group_label"] != prev_group else "", "Characteristic": rec["label"]}
        prev_group = rec["group_label"]
        ans = answer([rec["characteristic"]], a)
        for cat, label in zip(cats["category"], cats["label"]):
            n = int(ans.grid.loc[rec["characteristic"], cat])
            row[label] = str(n) if n else ""
        waiting = len(ans.placed("would_fit"))
        row["Note"] = ("the sources say nothing about this" if ans.silent else
                       f"{plural(waiting, 'more statement')} hold{'s' if waiting == 1 else ''} only together with "
                       f"other characteristics" if waiting else "")
        rows.append(row)
    df = pd.DataFrame(rows)
    shades = {"1": "#DDEFFA", "2": "#B8DFF5", "3": "#93CFF0"}

    def shade(v):
        if v in ("", None) or not str(v).isdigit():
            return ""
        return f"background:{shades.get(v, '#7CC3EC')};text-align:center;font-weight:bold"

    sty = _styler(df, "evidence-overview",
                  f"How many of the {len(sources(a))} texts make a statement that holds for each characteristic "
                  "on its own, by category (blank: none does)")
    return sty.map(shade, subset=list(cats["label"])).set_properties(subset=["Group"], **{"font-weight": "bold"})


# --------------------------------------------------------------------------------------------------
# Drugs
# --------------------------------------------------------------------------------------------------

def _spellings(generic: str, brand: str, atlas: Atlas) -> str:
    m = drug_mentions(atlas)
    m = m[(m["generic"] == generic) & (m["brand_as_written"] != "")]
    if m.empty:
        return "no text gives a brand"
    parts = []
    for written, part in m.groupby("brand_as_written", sort=False):
        flag = "" if written.lower() == brand.lower() else f" (misspelt: the brand is {brand})"
        parts.append(f"{written}{flag}: {_names(part['source_id'], atlas)}")
    return "\n".join(parts)


def drugs_frame(category: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The drugs the texts file under ``category`` (as first or second category), one row each."""
    a = _atlas(atlas)
    if category not in set(categories(a)["category"]):
        raise ValueError(f"unknown category {category!r}; valid: {', '.join(categories(a)['category'])}")
    d = drugs(a)
    return d[(d["category"] == category) | (d["second_category"] == category)].reset_index(drop=True)


def drugs_table(category: str, atlas: Atlas | None = None):
    """The drugs of one category: generic and brand names (correct, and as each text writes it), class,
    any restriction with its quote, the sources naming each drug, and the editors' notes.
    """
    a = _atlas(atlas)
    d = drugs_frame(category, a)
    cat_label = categories(a).set_index("category")["label"]
    rows = []
    for r in d.to_dict("records"):
        klass = r["drug_class"] + (" (editors' note; the texts do not say)" if r["class_source"] == "editor" else "")
        restriction = ""
        if r["restriction"]:
            restriction = f"{r['restriction']}: {_curly(r['restriction_quote'])} ({_names([r['restriction_source_id']], a)})"
        filed = cat_label[r["category"]]
        if r["second_category"] and r["second_category"] != r["category"]:
            filed += (f"\nalso called {cat_label[r['second_category']].lower()} by "
                      f"{_names([r['second_category_source_id']], a)}: {_curly(r['second_category_quote'])}")
        rows.append({"Generic name": r["generic"], "Brand (correct spelling)": r["brand"],
                     "Brand as the texts write it": _spellings(r["generic"], r["brand"], a),
                     "Class": klass, "Filed under": filed, "Restriction in the texts": restriction,
                     "Named by": _names(r["source_ids"], a),
                     "Editors' note": r["note"]})
    df = pd.DataFrame(rows, columns=["Generic name", "Brand (correct spelling)", "Brand as the texts write it", "Class",
                                     "Filed under", "Restriction in the texts", "Named by", "Editors' note"])
    if not (df["Filed under"] != cat_label[category]).any():
        df = df.drop(columns=["Filed under"])
    if not df["Restriction in the texts"].any():
        df = df.drop(columns=["Restriction in the texts"])
    return _styler(df, f"drugs-{category}", f"The {cat_label[category].lower()} drugs the texts name",
                   wrap=list(df.columns), wide=["Filed under", "Restriction in the texts", "Editors' note"]).set_properties(subset=["Generic name"], **{"font-weight": "bold"})


def drug_classes_table(category: str = "chemotherapy", atlas: Atlas | None = None):
    """The drugs of a category grouped by class, with where the class comes from (a text or the editors)."""
    a = _atlas(atlas)
    d = drugs_frame(category, a)
    d = d[d["category"] == category]
    rows = []
    for klass, part in d.groupby("drug_class", sort=False):
        editor = (part["class_source"] == "editor").any()
        rows.append({"Class": klass,
                     "Drugs (brand)": "\n".join(f"{g} ({b})" for g, b in zip(part["generic"], part["brand"])),
                     "Class named by": "the editors (the texts do not say)" if editor else "the text",
                     "Editors' note": "\n".join(n for n in part["note"] if n),
                     "Named by": _names(list(dict.fromkeys(s for ids in part["source_ids"] for s in ids.split(SEP) if s)), a)})
    df = pd.DataFrame(rows, columns=["Class", "Drugs (brand)", "Class named by", "Editors' note", "Named by"])
    label = categories(a).set_index("category").loc[category, "label"].lower()
    return _styler(df, f"classes-{category}", f"The {label} drugs the texts name, by class",
                   wrap=list(df.columns), wide=["Editors' note"]).set_properties(subset=["Class"], **{"font-weight": "bold"})


# --------------------------------------------------------------------------------------------------
# Disagreements
# --------------------------------------------------------------------------------------------------

def disagreement(disagreement_id: str, atlas: Atlas | None = None) -> dict:
    """One disagreement as a record; raises ``ValueError`` naming the valid ids."""
    d = disagreements(atlas).set_index("disagreement_id")
    if disagreement_id not in d.index:
        raise ValueError(f"unknown disagreement {disagreement_id!r}; valid: {', '.join(d.index)}")
    return {"disagreement_id": disagreement_id, **d.loc[disagreement_id].to_dict()}


def disagreement_table(disagreement_id: str, atlas: Atlas | None = None):
    """Both sides of a disagreement, side by side: each text's kind of publisher, who paid, and its words."""
    a = _atlas(atlas)
    d = disagreement(disagreement_id, a)
    src = sources(a).set_index("source_id")
    cols = {}
    for side in ("a", "b"):
        sid = d[f"source_{side}"]
        name = src.loc[sid, "short_name"]
        if name in cols:
            name += f" ({side.upper()})"
        cols[name] = [src.loc[sid, "publisher_kind"], _fact(src.loc[sid].to_dict(), "funding")[0], _curly(d[f"quote_{side}"])]
    df = pd.DataFrame({"": ["Kind of publisher", "Who paid", "What the text says"], **cols})
    return (_styler(df, f"disagreement-{disagreement_id}", d["summary"], wrap=list(cols), wide=list(cols))
            .set_properties(subset=[""], **{"font-weight": "bold"}))


# --------------------------------------------------------------------------------------------------
# Glossary
# --------------------------------------------------------------------------------------------------

def glossary_table(search: str = "", atlas: Atlas | None = None, uuid: str = "glossary", terms=None):
    """The glossary (or the terms matching ``search``, or just ``terms``): term, meaning, how the texts write
    it, who uses it."""
    a = _atlas(atlas)
    g = glossary(search, a)
    if terms is not None:
        unknown = sorted(set(terms) - set(g["term"]))
        if unknown:
            raise ValueError(f"unknown term(s) {unknown}; see mbc.glossary() for the terms")
        g = g.set_index("term").loc[list(terms)].reset_index()
    df = pd.DataFrame({"Term": g["term"], "Meaning (the editors' plain words)": g["definition"],
                       "As the texts write it": g["appears_as"].str.replace(SEP, "; ", regex=False),
                       "Used by": [_names(s, a) if s else "no text: an editors' term" if ed else "no text"
                                   for s, ed in zip(g["source_ids"], g["editors_term"])]})
    caption = (f"{len(df)} term{'s' if len(df) != 1 else ''} matching \u201c{search}\u201d" if search
               else "Words you will meet" if terms is not None else f"All {len(df)} terms")
    return _styler(df, uuid, caption, wide=["Meaning (the editors' plain words)"]).set_properties(
        subset=["Term"], **{"font-weight": "bold"})


def glossary_results_html(search: str = "", atlas: Atlas | None = None) -> str:
    """What the glossary search box shows for ``search``."""
    search = search.strip()
    if not search:
        return ("<p>Type a word above, for example <em>biopsy</em> or <em>HER2</em>; the matching terms show here. "
                "(The search works in a running notebook; in a saved or printed copy, use the full table below.)</p>")
    g = glossary(search, atlas)
    if g.empty:
        return (f"<p>No term or meaning contains \u201c{escape(search)}\u201d. Try a shorter word, "
                "or read the full table below.</p>")
    return glossary_table(search, atlas, uuid="glossary-search").to_html()


def glossary_browser(atlas: Atlas | None = None):
    """A search box and a results area. The box is ``.search``, the results ``.results`` (an HTML widget).

    >>> box = glossary_browser()
    >>> box.search.value = "palliative"
    >>> "Aimed at controlling" in box.results.value
    True
    """
    import ipywidgets as widgets

    a = _atlas(atlas)
    search = widgets.Text(value="", description="Search", placeholder="a word, e.g. biopsy",
                          continuous_update=True, layout=widgets.Layout(width="28em"))
    results = widgets.HTML(value=glossary_results_html("", a))

    def update(change):
        results.value = glossary_results_html(change["new"], a)

    search.observe(update, names="value")
    box = widgets.VBox([search, results])
    box.search, box.results = search, results
    return box


def stances_table(atlas: Atlas | None = None):
    """How strongly a text can put an association, strongest first: the words the claims tables use."""
    st = stances(atlas)
    df = pd.DataFrame({"Strength (1 = strongest)": st["rank"].astype(str), "How the text puts it": st["label"],
                       "What that means": st["meaning"]})
    return _styler(df, "stances", "How the texts put an association").set_properties(
        subset=["How the text puts it"], **{"font-weight": "bold"})


def term_in_context(term: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """For a glossary term: in each text that uses it, the first sentence where it appears (verbatim).

    Columns ``source_id`` and ``quote``, so :func:`mbc_atlas.lesson.quotes` shows them.
    """
    a = _atlas(atlas)
    g = glossary(atlas=a).set_index("term")
    if term not in g.index:
        raise ValueError(f"unknown term {term!r}; see mbc.glossary() for the terms")
    forms = [f.strip() for f in g.loc[term, "appears_as"].split(SEP) if f.strip()]
    rows = []
    for sid, text in a.texts.items():
        low = text.lower()
        hits = [low.find(f.lower()) for f in forms if f.lower() in low]
        if not hits:
            continue
        at = min(hits)
        starts = [m.end() for m in re.finditer(r"[.!?]\s+|\n", text[:at])]
        start = starts[-1] if starts else 0
        end_m = re.search(r"[.!?](?=\s|$)|\n", text[at:])
        end = at + (end_m.end() if end_m else len(text) - at)
        rows.append({"source_id": sid, "quote": text[start:end].strip()})
    return pd.DataFrame(rows, columns=["source_id", "quote"])


# --------------------------------------------------------------------------------------------------
# Answers for check-your-understanding questions, computed from the data (HTML strings)
# --------------------------------------------------------------------------------------------------

def _and(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1] if words else ""


def _answer(intro: str, df=None, atlas=None) -> str:
    from .lesson import answer_html
    return answer_html(intro, df, atlas)


def sources_sentence(atlas: Atlas | None = None) -> str:
    """One sentence naming the texts the collection draws on.

    >>> sources_sentence().startswith("The collection draws on 5 texts: Breastcancer.org,")
    True
    """
    s = sources(atlas)
    return f"The collection draws on {len(s)} texts: {_and(s['short_name'])}."


def source_facts(fact: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """One fact about every source (``title``, ``author``, ``publisher``, ``funding``, ``review``, ``dates``...):
    ``short_name``, ``value``, ``basis``, and ``quote`` (the value where the text states it)."""
    s = sources(atlas)
    if fact + "_basis" not in s.columns:
        facts = [c[: -len("_basis")] for c in s.columns if c.endswith("_basis")]
        raise ValueError(f"unknown fact {fact!r}; valid: {', '.join(facts)}")
    return pd.DataFrame({"source_id": s["source_id"], "short_name": s["short_name"], "value": s[fact],
                         "basis": s[fact + "_basis"],
                         "quote": [v if b == "stated" else "" for v, b in zip(s[fact], s[fact + "_basis"])]})


def fact_answer(fact: str, atlas: Atlas | None = None) -> str:
    """Which texts state a fact about themselves (quoted), which leave it to the editors, which are silent."""
    a = _atlas(atlas)
    f = source_facts(fact, a)
    stated, inferred = f[f["basis"] == "stated"], f[f["basis"] == "inferred"]
    silent = f[f["basis"] == "not stated"]
    parts = [f"{len(stated)} of the {len(f)} texts state{'s' if len(stated) == 1 else ''} it: "
             f"{_and(stated['short_name'])}." if len(stated)
             else f"None of the {len(f)} texts states it."]
    if len(inferred):
        parts.append("The editors inferred it for " + _and(f"{n} ({v})" for n, v in zip(inferred["short_name"], inferred["value"])) + ".")
    if len(silent):
        parts.append(f"Not stated at all: {_and(silent['short_name'])}.")
    return _answer(" ".join(parts), stated, a)


def _distinct_quotes(c: pd.DataFrame) -> pd.DataFrame:
    """Drop quotes contained in a longer quote from the same source (list items quoted heading-to-item)."""
    keep = []
    for i, r in c.iterrows():
        longer = c[(c["source_id"] == r["source_id"]) & (c["quote"] != r["quote"])]
        if not any(r["quote"] in q for q in longer["quote"]) and (r["source_id"], r["quote"]) not in {
                (c.loc[j, "source_id"], c.loc[j, "quote"]) for j in keep}:
            keep.append(i)
    return c.loc[keep]


def claims_answer(category=None, about=None, source_id: str | None = None, stance: str | None = None,
                  name: str = "characteristics", atlas: Atlas | None = None) -> str:
    """An answer listing what the matching claims tie together, with their quotes.

    ``name`` says what to list: ``"characteristics"`` (their labels), ``"drugs"`` or ``"sources"``.
    """
    a = _atlas(atlas)
    c = claims_frame(category, about, a, source_id=source_id)
    if stance is not None:
        c = c[c["stance"] == stance]
    if c.empty:
        return _answer("The sources say nothing about this.")
    if name == "characteristics":
        items = list(dict.fromkeys(_labels(a)[x].lower() for x in c["characteristic"]))
    elif name == "drugs":
        items = list(dict.fromkeys(d for ds in c["drugs"] for d in ds.split(SEP) if d))
    elif name == "sources":
        items = list(dict.fromkeys(_short(a)[s] for s in c["source_id"]))
    else:
        raise ValueError(f"name must be 'characteristics', 'drugs' or 'sources', not {name!r}")
    if not items:
        return _answer("The sources name none.", _distinct_quotes(c), a)
    return _answer(f"{_and(items)[0].upper()}{_and(items)[1:]}.", _distinct_quotes(c), a)


def restricted_answer(category: str, characteristic: str, atlas: Atlas | None = None) -> str:
    """Which drugs of a category a text restricts for a characteristic (e.g. premenopausal), with the quotes."""
    a = _atlas(atlas)
    d = drugs_frame(category, a)
    d = d[d["restricted_with"].map(lambda v: characteristic in v.split(SEP))]
    if d.empty:
        return _answer("The sources restrict none of them.")
    label = _labels(a)[characteristic].lower()
    parts = []
    for (sid, why), part in d.groupby(["restriction_source_id", "restriction"], sort=False):
        named = _and(f"{g} ({b})" for g, b in zip(part["generic"], part["brand"]))
        parts.append(f"{_names([sid], a)}: {named}; {why}.")
    quotes = d.rename(columns={"restriction_quote": "quote", "restriction_source_id": "source_id"})[["quote", "source_id"]]
    return _answer(f"The texts restrict {len(d)} of these drugs for {label} women. " + " ".join(parts),
                   quotes.drop_duplicates(), a)


def disagreement_answer(disagreement_id: str, atlas: Atlas | None = None) -> str:
    """A disagreement's summary, who each side is, and both quotes."""
    a = _atlas(atlas)
    d = disagreement(disagreement_id, a)
    kind = sources(a).set_index("source_id")["publisher_kind"]
    who = "; ".join(f"{_names([d[f'source_{x}']], a)}: {kind[d[f'source_{x}']]}" for x in ("a", "b"))
    df = pd.DataFrame({"quote": [d["quote_a"], d["quote_b"]], "source_id": [d["source_a"], d["source_b"]]})
    return _answer(f"{d['summary']} Who is speaking: {who}.", df, a)


def class_note_answer(category: str, atlas: Atlas | None = None) -> str:
    """The drugs of a category whose class the texts do not give (the editors do), with the editors' notes and
    the words in which the text names each drug."""
    a = _atlas(atlas)
    d = drugs_frame(category, a)
    d = d[(d["category"] == category) & (d["class_source"] == "editor")]
    if d.empty:
        return _answer("The texts give the class of every one of them.")
    m = drug_mentions(a)
    m = m[m["generic"].isin(d["generic"])]
    parts = [f"{g} ({b}): the editors class it as {k}. {n}".strip() for g, b, k, n in
             zip(d["generic"], d["brand"], d["drug_class"], d["note"])]
    return _answer(" ".join(parts), m[["quote", "source_id"]], a)


def spelling_answer(generic: str, atlas: Atlas | None = None) -> str:
    """How the texts write a drug's brand, against its correct spelling, with the texts' words."""
    a = _atlas(atlas)
    d = drugs(a).set_index("generic")
    if generic not in d.index:
        raise ValueError(f"unknown drug {generic!r}; valid: {', '.join(d.index)}")
    brand = d.loc[generic, "brand"]
    m = drug_mentions(a)
    m = m[(m["generic"] == generic) & (m["brand_as_written"] != "")]
    wrong = m[m["brand_as_written"].str.lower() != brand.lower()]
    if m.empty:
        intro = f"No text gives a brand for {generic}; the brand is {brand}."
    elif wrong.empty:
        intro = f"Every text that names it spells the brand of {generic} as {brand} (capitals aside)."
    else:
        intro = (f"{_and(_short(a)[s] for s in wrong['source_id'])} write{'s' if len(wrong) == 1 else ''} "
                 f"{_and(dict.fromkeys(wrong['brand_as_written']))}; the brand of {generic} is spelt {brand}.")
    return _answer(intro, m[["quote", "source_id"]], a)


def scope_sentence(atlas: Atlas | None = None) -> str:
    """One sentence: which categories the texts call systemic and which local, and which text says so."""
    a = _atlas(atlas)
    c = categories(a)
    parts = [f"{_and(part['label'].str.lower())} {scope}" for scope, part in c.groupby("scope", sort=False)]
    who = _and(dict.fromkeys(_short(a)[s] for s in c["source_id"]))
    return f"The texts call {' and '.join(parts)} (in the words of {who})."


def scope_answer(scope: str, atlas: Atlas | None = None) -> str:
    """Which categories the texts call ``scope`` (systemic or local), with the quotes that say so."""
    a = _atlas(atlas)
    c = categories(a)
    part = c[c["scope"] == scope]
    if part.empty:
        return _answer(f"The texts call no category {scope}.")
    return _answer(f"{_and(part['label'])}.", part, a)


def silent_characteristics(atlas: Atlas | None = None) -> list[str]:
    """The labels of the characteristics no text ties to any category."""
    a = _atlas(atlas)
    said = set(claims(a)["characteristic"])
    ch = characteristics(a)
    return [lab for cid, lab in zip(ch["characteristic"], ch["label"]) if cid not in said]


def silent_answer(atlas: Atlas | None = None) -> str:
    """An answer naming the characteristics the sources say nothing about."""
    silent = silent_characteristics(atlas)
    if not silent:
        return _answer("Every characteristic is tied to at least one category by some text.")
    return _answer(f"{_and(silent)}: the sources say nothing about {'it' if len(silent) == 1 else 'them'}. "
                   "No text ties it to any treatment category, so the collection does not guess.")


def term_answer(term: str, atlas: Atlas | None = None) -> str:
    """A glossary term: its meaning (the editors' words), the texts that use it, and where each uses it first."""
    a = _atlas(atlas)
    g = glossary(atlas=a).set_index("term")
    if term not in g.index:
        raise ValueError(f"unknown term {term!r}; see mbc.glossary() for the terms")
    used = [s for s in g.loc[term, "source_ids"].split(SEP) if s]
    intro = (f"{term}: {g.loc[term, 'definition']} Used by {len(used)} of the {len(a.texts)} texts"
             + (f": {_names(used, a).replace('; ', ', ')}." if used else "."))
    return _answer(intro, term_in_context(term, a), a)
