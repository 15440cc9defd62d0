"""Every table a lesson shows, as a pandas Styler made by one function, :func:`styler`: a fixed id (so a
saved notebook does not change when it is run again), the theme's look, and every text from ``data/``
escaped -- cells, column headers, the index and the caption (a Styler escapes none of them by default).

Every row names its source by the short name a learner sees. A Styler keeps its plain table in ``.data``,
which is what the tests read.

>>> sources_table().data["Source"].tolist()[0]
'Breastcancer.org'
"""
from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable

import pandas as pd
from pandas.io.formats.style import Styler

from ..analysis import appraisal, compare, editors, evidence
from ..load import Atlas, atlas_or_default
from ..query import SEP, answer, characteristics, glossary, sources, stances
from ..words import agree, curly, join, lower_first, number, plural, say_nothing, upper_first
from .theme import CELL_STYLES, EVIDENCE_SHADES, MATRIX_FILL, TABLE_STYLES

__all__ = ["styler", "sources_table", "categories_table", "stances_table", "claims_table", "evidence_overview",
           "drugs_table", "drug_classes_table", "disagreement_table", "glossary_table", "matrix_table",
           "profiles_table", "developments_table", "jama_reference_table", "jama_comparison_table",
           "appraisal_overview_table"]


def styler(df: pd.DataFrame, uuid: str, caption: str = "", wrap: Iterable[str] = (), wide: Iterable[str] = (),
           bold: Iterable[str] = (), index: bool = False, cells: pd.DataFrame | None = None) -> Styler:
    """The one way a table is made: a left-aligned, escaped, readable Styler with a fixed id.

    ``wrap`` columns keep their line breaks, ``wide`` columns (long text) get room, ``bold`` columns are
    bold; ``index`` shows the index; ``cells`` holds each cell's named look (a frame like ``df`` of names
    from :data:`mbc_atlas.render.theme.CELL_STYLES`, "" for none). Cells, headers, index and caption are
    escaped, so text from the data cannot become markup.
    """
    uuid = re.sub(r"[^A-Za-z0-9-]+", "-", uuid)
    st = (df.style.set_uuid(uuid).format(escape="html", na_rep="").format_index(escape="html", axis=1)
          .set_table_styles(TABLE_STYLES))
    st = st.format_index(escape="html", axis=0) if index else st.hide(axis="index")
    if caption:
        st = st.set_caption(_html.escape(caption, quote=False))
    for columns, props in ((wrap, {"white-space": "pre-line"}), (wide, {"min-width": "16em"}),
                           (bold, {"font-weight": "bold"})):
        present = [c for c in columns if c in df.columns]
        if present:
            st = st.set_properties(subset=present, **props)
    if cells is not None:
        looks = cells.map(lambda names: ";".join(CELL_STYLES[n] for n in names.split() if n))
        st = st.apply(lambda _: looks, axis=None)
    return st


# -- the sources ------------------------------------------------------------------------------------------------

_BASIS_LOOK = {"stated": "", "inferred": "inferred", "not stated": "not-stated", "": ""}


def sources_table(atlas: Atlas | None = None) -> Styler:
    """The sources at a glance: what each is, who wrote or published it, when, who paid, who reviewed it.

    Each fact says whether the text states it (then it is quoted) or the editors inferred it.
    """
    a = atlas_or_default(atlas)
    rows, looks = [], []
    for rec in sources(a).to_dict("records"):
        who = "author" if rec["author_basis"] != "not stated" else "publisher"
        cells = {"Source": (rec["short_name"], ""), "Kind of publisher": (rec["publisher_kind"], ""),
                 "Title": "title", "Who wrote or published it": who, "When": "dates", "Who paid": "funding",
                 "Reviewed by": "review", "Editors' note": (rec["note"], "")}
        cells = {k: (compare.fact_words(rec, v), rec[v + "_basis"]) if isinstance(v, str) else v
                 for k, v in cells.items()}
        rows.append({k: v[0] for k, v in cells.items()})
        looks.append({k: _BASIS_LOOK[v[1]] for k, v in cells.items()})
    return styler(pd.DataFrame(rows), "sources-at-a-glance",
                  f"The {number(a.n_texts)} sources. Quoted facts are stated in the text; facts in italics with a "
                  "dashed edge are inferred by the editors.", wide=["Who paid", "Reviewed by", "Editors' note"],
                  bold=["Source"], cells=pd.DataFrame(looks))


# -- categories and what the texts tie to them ---------------------------------------------------------------------

def categories_table(atlas: Atlas | None = None) -> Styler:
    """The categories with their scope (systemic or local) and the quote that gives it."""
    a = atlas_or_default(atlas)
    c = a["categories"]
    df = pd.DataFrame({"Category": c["label"], "Scope": c["scope"], "Source": a.names(c["source_id"]),
                       "In the text's words": c["quote"].map(curly)})
    return styler(df, "categories-scope", "Systemic or local, as the texts put it", wrap=["In the text's words"],
                  wide=["In the text's words"])


def stances_table(atlas: Atlas | None = None) -> Styler:
    """How strongly a text can put an association, strongest first: the words the claims tables use."""
    st = stances(atlas)
    df = pd.DataFrame({"Strength (1 = strongest)": st["rank"].astype(str), "How the text puts it": st["label"],
                       "What that means": st["meaning"]})
    return styler(df, "stances", "How the texts put an association", bold=["How the text puts it"])


def _in_context(quote: str, context: str, text: str) -> str:
    """A quote in curly marks: a list item under its list's heading, any other quote followed by its context."""
    words, context = evidence.as_quoted(text, quote, context)
    return curly(words) + (f" (in the context of: {curly(context)})" if context else "")


def claims_table(category: str | Iterable[str] | None = None, about: str | Iterable[str] | None = None,
                 atlas: Atlas | None = None, uuid: str | None = None, group: str | None = None) -> Styler:
    """When the texts turn to a category: each claim with its characteristic, stance, source and quote.

    A characteristic's name shows once, at the top of its group.
    """
    a = atlas_or_default(atlas)
    c = evidence.claims_frame(category, about, a, group=group)
    st = stances(a).set_index("stance")["label"]
    ch_col = [a.labels[x] for x in c["characteristic"]]
    shown = [lab if i == 0 or lab != ch_col[i - 1] else "" for i, lab in enumerate(ch_col)]
    together = [f"holds only together with {join([lower_first(a.labels[o]) for o in others.split(SEP)])}"
                if others else "" for others in c["other_conditions"]]
    qualifiers = ["; ".join(x for x in (both, cond, f"said by {att}" if att else "") if x)
                  for both, cond, att in zip(together, c["condition"], c["attributed_to"])]
    df = pd.DataFrame({
        "Characteristic": shown,
        "Category": [a.category_labels[x] for x in c["category"]],
        "How the text puts it": [st[x] for x in c["stance"]],
        "Source": a.names(c["source_id"]),
        "Quote": [_in_context(q, x, a.texts[sid]) for q, x, sid in zip(c["quote"], c["context"], c["source_id"])],
        "Conditions and who says so": qualifiers,
    })
    cats = [] if category is None else evidence.known(category, a.category_labels, "category")
    if len(cats) == 1:
        df = df.drop(columns=["Category"])
    what = ("the statements" if not cats else
            "when the texts turn to " + join([lower_first(a.category_labels[x]) for x in cats], "or"))
    if group is not None:
        what += ", by " + lower_first(characteristics(a).set_index("group")["group_label"].drop_duplicates()[group])
    abouts = [] if about is None else [about] if isinstance(about, str) else list(about)
    name = uuid or "claims-" + "-".join((cats or ["all"]) + ([group] if group else []) + abouts)
    n_texts = c["source_id"].nunique()
    caption = f"{upper_first(what)}: {plural(len(df), 'statement')} from {plural(n_texts, 'text')}"
    looks = pd.DataFrame([["group-start" if s and i else "" for _ in df.columns] for i, s in enumerate(shown)],
                         columns=df.columns)
    return styler(df, name, caption, wrap=["Quote"], wide=["Quote"], bold=["Characteristic"], cells=looks)


def evidence_overview(atlas: Atlas | None = None) -> Styler:
    """Characteristic x category: in each cell, the number of texts with a statement that holds for that
    characteristic alone (blank: none), as the explorer answers for it. Statements that hold only together
    with other characteristics are counted in the Note, not in the cells.

    A characteristic no text ties to any category is marked "the sources say nothing about this".
    """
    a = atlas_or_default(atlas)
    rows, prev_group = [], None
    for rec in characteristics(a).to_dict("records"):
        row = {"Group": rec["group_label"] if rec["group_label"] != prev_group else "", "Characteristic": rec["label"]}
        prev_group = rec["group_label"]
        ans = answer([rec["characteristic"]], a)
        for cat, label in a.category_labels.items():
            n = int(ans.grid.loc[rec["characteristic"], cat])
            row[label] = str(n) if n else ""
        waiting = len(ans.placed("would_fit"))
        row["Note"] = (say_nothing() if ans.silent else
                       f"{plural(waiting, 'more statement')} {agree(waiting, 'holds', 'hold')} only together with "
                       "other characteristics" if waiting else "")
        rows.append(row)
    df = pd.DataFrame(rows)
    counts = list(a.category_labels.values())
    looks = pd.DataFrame([["shade" if col in counts and v else "" for col, v in r.items()] for r in rows],
                         columns=df.columns)
    st = styler(df, "evidence-overview", f"How many of the {a.n_texts} texts make a statement that holds for each "
                "characteristic on its own, by category (blank: none does)", bold=["Group"], cells=looks)
    return st.map(lambda v: f"background:{EVIDENCE_SHADES.get(v, EVIDENCE_SHADES['more'])}" if v else "",
                  subset=counts)


# -- drugs ------------------------------------------------------------------------------------------------------------

def drugs_table(category: str, atlas: Atlas | None = None) -> Styler:
    """The drugs of one category: generic and brand names (correct, and as each text writes it), class,
    any restriction with its quote, the sources naming each drug, and the editors' notes.
    """
    a = atlas_or_default(atlas)
    d = evidence.drugs_frame(category, a)
    names = lambda ids: "; ".join(a.names(ids))
    rows = []
    for r in d.to_dict("records"):
        klass = r["drug_class"] + (" (editors' note; the texts do not say)" if r["class_source"] == "editor" else "")
        restriction = (f"{r['restriction']}: {curly(r['restriction_quote'])} ({names([r['restriction_source_id']])})"
                       if r["restriction"] else "")
        filed = a.category_labels[r["category"]]
        if r["second_category"] and r["second_category"] != r["category"]:
            filed += (f"\nalso called {lower_first(a.category_labels[r['second_category']])} by "
                      f"{names([r['second_category_source_id']])}: {curly(r['second_category_quote'])}")
        rows.append({"Generic name": r["generic"], "Brand (correct spelling)": r["brand"],
                     "Brand as the texts write it": evidence.spellings(r["generic"], r["brand"], a),
                     "Class": klass, "Filed under": filed, "Restriction in the texts": restriction,
                     "Named by": names(r["source_ids"]), "Editors' note": r["note"]})
    df = pd.DataFrame(rows, columns=["Generic name", "Brand (correct spelling)", "Brand as the texts write it", "Class",
                                     "Filed under", "Restriction in the texts", "Named by", "Editors' note"])
    if not (df["Filed under"] != a.category_labels[category]).any():
        df = df.drop(columns=["Filed under"])
    if not df["Restriction in the texts"].any():
        df = df.drop(columns=["Restriction in the texts"])
    return styler(df, f"drugs-{category}", f"The {lower_first(a.category_labels[category])} drugs the texts name",
                  wrap=list(df.columns), wide=["Filed under", "Restriction in the texts", "Editors' note"],
                  bold=["Generic name"])


def drug_classes_table(category: str = "chemotherapy", atlas: Atlas | None = None) -> Styler:
    """The drugs of a category grouped by class, with where the class comes from (a text or the editors)."""
    a = atlas_or_default(atlas)
    d = evidence.drugs_frame(category, a)
    d = d[d["category"] == category]
    rows = []
    for klass, part in d.groupby("drug_class", sort=False):
        editor = (part["class_source"] == "editor").any()
        rows.append({"Class": klass,
                     "Drugs (brand)": "\n".join(f"{g} ({b})" for g, b in zip(part["generic"], part["brand"])),
                     "Class named by": "the editors (the texts do not say)" if editor else "the text",
                     "Editors' note": "\n".join(n for n in part["note"] if n),
                     "Named by": "; ".join(a.names(dict.fromkeys(s for ids in part["source_ids"]
                                                                 for s in ids.split(SEP) if s)))})
    df = pd.DataFrame(rows, columns=["Class", "Drugs (brand)", "Class named by", "Editors' note", "Named by"])
    return styler(df, f"classes-{category}", f"The {lower_first(a.category_labels[category])} drugs the texts name, by class",
                  wrap=list(df.columns), wide=["Editors' note"], bold=["Class"])


# -- disagreements ---------------------------------------------------------------------------------------------------

def disagreement_table(disagreement_id: str, atlas: Atlas | None = None) -> Styler:
    """Both sides of a disagreement, side by side: each text's kind of publisher, who paid, and its words."""
    a = atlas_or_default(atlas)
    d = evidence.disagreement(disagreement_id, a)
    src = sources(a).set_index("source_id")
    cols = {}
    for side, sid, words in (("A", d.source_a, d.quote_a), ("B", d.source_b, d.quote_b)):
        name = a.source_names[sid]
        if name in cols:
            name += f" ({side})"
        rec = src.loc[sid].to_dict()
        cols[name] = [rec["publisher_kind"], compare.fact_words(rec, "funding"), curly(words)]
    df = pd.DataFrame({"": ["Kind of publisher", "Who paid", "What the text says"], **cols})
    return styler(df, f"disagreement-{disagreement_id}", d.summary, wrap=list(cols), wide=list(cols), bold=[""])


# -- glossary ---------------------------------------------------------------------------------------------------------

def glossary_table(search: str = "", atlas: Atlas | None = None, uuid: str = "glossary",
                   terms: Iterable[str] | None = None) -> Styler:
    """The glossary (or the terms matching ``search``, or just ``terms``): term, meaning, how the texts write
    it, who uses it."""
    a = atlas_or_default(atlas)
    g = glossary(search, a)
    if terms is not None:
        terms = list(terms)
        unknown = sorted(set(terms) - set(g["term"]))
        if unknown:
            raise ValueError(f"unknown term(s) {unknown}; see mbc.glossary() for the terms")
        g = g.set_index("term").loc[terms].reset_index()
    df = pd.DataFrame({"Term": g["term"], "Meaning (the editors' plain words)": g["definition"],
                       "As the texts write it": g["appears_as"].str.replace(SEP, "; ", regex=False),
                       "Used by": ["; ".join(a.names(s)) if s else "no text: an editors' term" if ed else "no text"
                                   for s, ed in zip(g["source_ids"], g["editors_term"])]})
    caption = (f"{plural(len(df), 'term')} matching {curly(search)}" if search
               else "Words you will meet" if terms is not None else f"All {len(df)} terms")
    return styler(df, uuid, caption, wide=["Meaning (the editors' plain words)"], bold=["Term"])


# -- the texts compared (notebook 07) -----------------------------------------------------------------------------------

def matrix_table(atlas: Atlas | None = None) -> Styler:
    """The comparison matrix (fixed id): each cell has a symbol, words, a fill and, where the texts differ, a
    dashed vermillion edge."""
    a = atlas_or_default(atlas)
    m = compare.matrix(a)
    wide = compare.matrix_wide(a)
    css = pd.DataFrame("", index=wide.index, columns=wide.columns)
    for r in m.to_dict("records"):
        look = f"background-color:{MATRIX_FILL[r['status']]};{CELL_STYLES['on-fill']}"
        css.loc[(r["characteristic_label"], r["category_label"]), r["source"]] = look + (
            ";" + CELL_STYLES["dispute"] if r["disputes"] else "")
    s = compare.SYMBOL
    caption = (f"Who ties what. {s['ties']} the text ties them (with its strongest stance); {s['elsewhere']} it "
               f"ties the characteristic to another category only; {s['silent']} {compare.STATUS['silent']}; {compare.DISPUTE_SYMBOL} the texts differ here (dashed edge; the disagreements are "
               "numbered below).")
    return styler(wide, "compare-matrix", caption, index=True).apply(lambda _: css, axis=None)


def profiles_table(atlas: Atlas | None = None) -> Styler:
    """Who wrote each text, for whom, when and who paid (fixed id); inferred facts in italics with a dashed
    edge, facts the text does not state in italics -- and every cell also says its basis in words."""
    df = compare.profiles(atlas)
    inferred = compare.fact_words({"x": "", "x_basis": "inferred"}, "x").strip()
    not_stated = compare.fact_words({"x": "", "x_basis": "not stated"}, "x")
    looks = df.map(lambda v: "inferred" if v.endswith(inferred) else "not-stated" if v == not_stated else "")
    return styler(df, "compare-profiles", "Who wrote each text, for whom, when, and who paid. Each fact says whether "
                  "the text states it (quoted) or the editors inferred it.", bold=["Source"], cells=looks)


def developments_table(atlas: Atlas | None = None) -> Styler:
    """The developments (fixed id), captioned as what they are: not from the texts, and dated."""
    df = compare.developments(atlas)
    shown = pd.DataFrame({"When": df["when"], "Development (a fact from the reference beside it)": df["development"],
                          "Reference": df["citation"]})
    caption = (f"{compare.not_from_texts(atlas, shout=True)}: a selection of treatment developments since they were "
               f"written, {editors.coverage(atlas)}" + (
                   f", checked {editors.checked(atlas)} and next reviewed by {editors.next_review(df)}; each is a fact "
                   "from the reference beside it. Mostly US FDA approvals; other countries' dates differ." if len(df)
                   else "."))
    return styler(shown, "compare-developments", caption).set_table_styles(
        [{"selector": "", "props": CELL_STYLES["not-from-texts"]}], overwrite=False)


# -- the appraisal (notebook 07) -------------------------------------------------------------------------------------

def jama_reference_table(atlas: Atlas | None = None) -> Styler:
    """The reference answers (fixed id): one row per text, one column per benchmark, each cell "yes"/"no"
    with the evidence."""
    a = atlas_or_default(atlas)
    r = appraisal.reference(a)
    scores = appraisal.reference_scores(a)
    rows = []
    for sid, part in r.groupby("source_id", sort=False):
        row = {"Text": a.source_names[sid]}
        for rec in part.to_dict("records"):
            mark = "\u2714 yes" if rec["met"] else "\u2718 no"
            row[f"{rec['name']}: {rec['question']}"] = f"{mark}. {rec['evidence']}" + (
                f" {rec['context']}" if rec["context"] else "")
        row["Benchmarks met"] = f"{scores[sid]} of {len(appraisal.JAMA)}"
        rows.append(row)
    df = pd.DataFrame(rows)
    looks = df.map(lambda v: "bold" if isinstance(v, str) and v.startswith("\u2714") else "")
    return styler(df, "appraisal-reference", "The collection's reference answers to the JAMA benchmarks, from what "
                  "each text states about itself (data/sources.csv)", cells=looks)


def jama_comparison_table(source_id: str, ticks: dict, atlas: Atlas | None = None) -> Styler:
    """The learner's JAMA ticks for one text beside the reference answers and their evidence."""
    c = appraisal.compare_with_reference(source_id, ticks, atlas)
    yes = lambda v: "yes" if v else "no"
    df = pd.DataFrame({"Benchmark": [f"{n}\n{q}" for n, q in zip(c["name"], c["question"])],
                       "You": c["yours"].map(yes), "Reference": c["reference"].map(yes),
                       "": ["\u2714 agree" if x else "\u2260 differ" for x in c["agree"]],
                       "Evidence (data/sources.csv)": [e + (f" {x}" if x else "") for e, x in
                                                       zip(c["evidence"], c["context"])]})
    return styler(df, f"appraisal-compare-{source_id}", wrap=["Benchmark"], wide=["Evidence (data/sources.csv)"])


def appraisal_overview_table(answers: appraisal.Answers, atlas: Atlas | None = None) -> Styler:
    """Every text's appraisal so far: the learner's JAMA score beside the reference's, and DISCERN."""
    a = atlas_or_default(atlas)
    o = appraisal.overview(answers, a)
    n, q = len(appraisal.JAMA), len(appraisal.DISCERN)
    df = pd.DataFrame({"Text": o["source"], "Your JAMA score": [f"{v} of {n}" for v in o["your_jama"]],
                       "Reference JAMA score": [f"{v} of {n}" for v in o["reference_jama"]],
                       "Benchmarks you agree on": [f"{v} of {n}" for v in o["agree"]],
                       "DISCERN rated": [f"{v} of {q}" for v in o["discern_rated"]],
                       "DISCERN overall (question 16)": ["not rated yet" if v is None or v != v else str(int(v))
                                                         for v in o["discern_overall"]]})
    return styler(df, "appraisal-overview", f"All {number(a.n_texts)} texts so far")
