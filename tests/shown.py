"""What a learner would see, gathered without a kernel: run every notebook's code cells in this process (the
data folder chosen by MBC_ATLAS_DATA, as a notebook's own kernel would), drive every widget, call the
notebook-facing functions the notebooks do not call, and collect every piece of HTML and text shown.

Used by the injection test (no tag from the data survives) and the sixth-source test (a new text flows
through everything)."""
from __future__ import annotations

import ast
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _widget_texts(w, plain: bool = False) -> list[str]:
    """What a widget tree shows as HTML (the HTML widgets' values); with ``plain``, also the strings the
    front end writes as text (descriptions, option labels, tooltips, placeholders: ipywidgets escapes them)."""
    import ipywidgets

    out = []
    if isinstance(w, ipywidgets.Widget):
        if isinstance(w, (ipywidgets.HTML, ipywidgets.HTMLMath)):
            out.append(w.value)
        if plain:
            for attr in ("value", "description", "tooltip", "placeholder"):
                v = getattr(w, attr, None)
                if isinstance(v, str):
                    out.append(v)
            for attr in ("_options_labels", "tooltips"):
                out += [v for v in (getattr(w, attr, None) or ()) if isinstance(v, str)]
        for child in getattr(w, "children", ()):
            out += _widget_texts(child, plain)
    return out


def shown(value, plain: bool = False) -> list[str]:
    """The HTML a cell's value shows; with ``plain``, also its plain text (text/plain, a figure's alt text,
    the strings of a widget that are written as text)."""
    import ipywidgets
    from pandas.io.formats.style import Styler

    if value is None:
        return []
    if isinstance(value, Styler):
        return [value.to_html()] + ([value.data.to_string()] if plain else [])
    if isinstance(value, ipywidgets.Widget):
        return _widget_texts(value, plain)
    if hasattr(value, "widget"):                                   # Checklist, a self-check question
        return _widget_texts(value.widget, plain)
    if hasattr(value, "score") and hasattr(value, "widgets"):      # the self-check
        return _widget_texts(value.score, plain)
    out = []
    if hasattr(value, "_repr_mimebundle_"):
        bundle = value._repr_mimebundle_()
        data, meta = bundle if isinstance(bundle, tuple) else (bundle, {})
        out += [v for k, v in data.items() if (k == "text/html" or plain and k == "text/plain") and isinstance(v, str)]
        out += [m.get("alt", "") for m in (meta or {}).values() if plain and isinstance(m, dict)]
    if hasattr(value, "_repr_html_"):
        out.append(value._repr_html_() or "")
    if hasattr(value, "data") and isinstance(value.data, str):     # IPython.display.HTML
        out.append(value.data)
    if isinstance(value, str) and (plain or hasattr(value, "__html__")):
        out.append(str(value))
    return out


def run_cells(path: Path, plain: bool = False) -> list[tuple[int, list[str], dict]]:
    """Run a notebook's code cells in one namespace; (cell number, what it shows, the namespace) per cell."""
    nb = nbformat.read(path, as_version=4)
    ns: dict = {}
    out = []
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        src = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith("%"))
        tree = ast.parse(src)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"{path.name}[{i}]", "exec"), ns)
        value = eval(compile(ast.Expression(last.value), f"{path.name}[{i}]", "eval"), ns) if last else None
        out.append((i, shown(value, plain), ns))
    return out


def drive_widgets(atlas, plain: bool = False) -> list[str]:
    """Use every widget as a learner would, and gather what each then shows."""
    import mbc_atlas as mbc
    from mbc_atlas.analysis import quiz

    out = []
    app = mbc.explorer(atlas)
    for ids in (["hr_positive", "premenopausal", "bone", "progressed_on_hormonal"], ["hr_negative", "postmenopausal"],
                ["her2_negative", "liver", "isolated_metastasis"], ["her2_positive", "brain"]):
        app.select(ids)
        out += _widget_texts(app, plain)
    app.controls["receptor"].value = None                           # set in code: read as not set
    out += _widget_texts(app, plain)
    check = mbc.self_check(atlas)
    for q in check.widgets.values():
        for values in (set(q.item.key), {v for _, v in q.item.options} - set(q.item.key)):
            if q.item.kind == "single":
                q.choices.value = sorted(values)[0] if values else None
            else:
                for v, cb in q.choices.items():
                    cb.value = v in values
            q.button.click()
            out += _widget_texts(q.widget, plain)
    out += _widget_texts(check.score, plain)
    c = mbc.checklist(atlas)
    for _label, sid in list(c.source.options):
        c.source.value = sid
        for cb in c.jama.values():
            cb.value = True
        c.discern[16].value = 3
        c.compare_button.click()
        out += _widget_texts(c.widget, plain)
    box = mbc.glossary_browser(atlas)
    for search in ("biopsy", "zebra", "<img src=x onerror=alert(1)>", "img", "onerror"):
        box.search.value = search
        out.append(box.results.value)
    if plain:
        out += [quiz.answer_key_markdown(atlas)]
    return out


def other_functions(atlas, plain: bool = False) -> list[str]:
    """The notebook-facing functions the notebooks do not call (or call with other arguments)."""
    import mbc_atlas as mbc
    from mbc_atlas import figures, prose, tables
    from mbc_atlas.render import answer as view

    a = atlas
    cats = list(a.category_labels)
    values = [
        *[tables.drugs_table(c, a) for c in cats], *[tables.drug_classes_table(c, a) for c in cats],
        *[tables.claims_table(c, atlas=a) for c in cats], tables.claims_table(atlas=a),
        *[tables.disagreement_table(d, a) for d in a["disagreements"]["disagreement_id"]],
        tables.glossary_table("a", a), tables.jama_reference_table(a),
        tables.appraisal_overview_table({}, a), tables.jama_comparison_table(next(iter(a.source_names)), {}, a),
        *[prose.disagreement_answer(d, a) for d in a["disagreements"]["disagreement_id"]],
        *[prose.fact_answer(f, a) for f in ("title", "author", "publisher", "funding", "review", "cites", "dates")],
        *[prose.claims_answer(c, name=n, atlas=a) for c in cats for n in ("characteristics", "drugs", "sources")],
        *[prose.restricted_answer(c, "premenopausal", a) for c in cats],
        *[prose.class_note_answer(c, a) for c in cats],
        *[prose.spelling_answer(g, a) for g in a["drugs"]["generic"]],
        *[prose.term_answer(t, a) for t in a["glossary"]["term"]],
        *[prose.site_answer(s, atlas=a) for s in mbc.characteristics(a).query("group == 'spread'")["characteristic"]],
        *[prose.benchmark_answer(b, a) for b in ("authorship", "attribution", "disclosure", "currency")],
        prose.scope_answer("systemic", a), prose.silent_answer(a),
        *[view.scenario_html([c], a) for c in a.labels], view.render(["hr_positive", "her2_positive", "postmenopausal", "bone"], a).html(),
        *[prose.cite(p, a) for p in a["passages"]["passage_id"]],
        *[prose.cite(s, a) for s in a["statements"]["statement_id"]],
        figures.category_map_text(atlas=a), figures.body_sites_text(atlas=a),
        figures.currency_timeline_text(a), figures.jama_reference_text(a), figures.side_effects_text(atlas=a),
        mbc.lesson.note(a), mbc.lesson.key_points(["a point", ("lead", "goal-1")], a), mbc.DISCLAIMER,
    ]
    return [text for v in values for text in shown(v, plain)]
