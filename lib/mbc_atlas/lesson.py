"""The lessons: the notebooks in reading order with their objectives, the one educational-use note, and what
a notebook cell shows (display objects: plain HTML, so it reads the same in JupyterLab, Voila and the static
site, with or without a kernel).

A notebook cell reads like a sentence of the lesson: ``mbc.lesson.note()``, ``mbc.lesson.reveal(question,
mbc.prose.fact_answer("funding"))``, ``mbc.scenario(["hr_negative", "postmenopausal"])``.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML

from .analysis.compare import dates_sentence
from .load import Atlas, atlas_or_default
from .query import sources, stances
from .render import html, prose
from .render.answer import scenario_html
from .render.editors import discern_worked_html, note_box, nursing_html, since_then_html, subtype_html
from .render.html import Html, TextAlternative, el
from .render.tasks import tasks_html
from .words import join

__all__ = ["NOTEBOOKS", "OBJECTIVES", "disclaimer", "note_text", "note_html", "note", "nav", "learning_path",
           "learning_path_text", "quotes", "cites", "key_points", "reveal", "scenario", "disagreements",
           "instruments", "currency", "since_then", "nursing", "editors_answer", "discern_worked", "stance_words",
           "tasks", "texts", "MADE_BY", "run_first", "load_ipython_extension"]

NOTEBOOKS = (
    ("00_start_here", "Start here"),
    ("01_the_big_picture", "The big picture"),
    ("02_hormonal_therapy", "Hormonal therapy"),
    ("03_chemotherapy", "Chemotherapy"),
    ("04_targeted_therapy", "Targeted therapy"),
    ("05_local_therapy", "Local therapy: radiation and surgery"),
    ("06_explorer", "The explorer"),
    ("07_comparing_sources", "Comparing the sources"),
    ("08_self_check", "Self-check"),
    ("09_glossary", "Glossary"),
    ("10_the_texts", "The texts, whole"),
    ("11_unfolding_case", "An unfolding case"),
)

#: One line per notebook: what a learner will be able to do (one measurable verb each).
OBJECTIVES = {
    "00_start_here": "identify who wrote each of the texts, when, and who paid",
    "01_the_big_picture": "explain systemic vs local therapy and the goal of treatment as the texts put it",
    "02_hormonal_therapy": "identify the hormonal drugs and when the texts turn to them",
    "03_chemotherapy": "explain when the texts turn to chemotherapy, and single-agent vs combination",
    "04_targeted_therapy": "identify the HER2-targeted drugs and why one text files tamoxifen here",
    "05_local_therapy": "compare which sites the texts tie to radiation and to surgery",
    "06_explorer": "justify, with quotes, which categories the texts associate with a set of characteristics",
    "07_comparing_sources": "compare the texts, appraise them, and say where they disagree",
    "08_self_check": "check your understanding with questions and cases",
    "09_glossary": "identify what a word in the texts means and which texts use it",
    "10_the_texts": "appraise each text whole: who published it, when, who paid, and everything it says",
    "11_unfolding_case": "prioritise what matters at each step of one patient's story, and justify it from the texts "
                         "and from today's guidelines",
}


# -- the note ---------------------------------------------------------------------------------------------------

def disclaimer(atlas: Atlas | None = None) -> str:
    """The educational-use note in plain text, its dates drawn from the data."""
    return ("Educational use only, not medical advice. " + dates_sentence(atlas) + " Treatment has changed since; "
            "check current clinical guidelines. The collection says what the sources associate, never what any "
            "patient should receive.")


def note_text(atlas: Atlas | None = None) -> Html:
    """The educational-use note every notebook shows (HTML), its dates drawn from the data."""
    return html.join([el("strong", "Educational use only — not medical advice."), " ", dates_sentence(atlas),
                      " Treatment has changed since; check current clinical guidelines. This collection says what ",
                      el("em", "the sources associate"), ", never what any patient should receive."])


def note_html(atlas: Atlas | None = None) -> Html:
    return html.note(note_text(atlas))


def note(atlas: Atlas | None = None) -> HTML:
    """The educational-use note, as a display object (every notebook shows it)."""
    return HTML(note_html(atlas))


# -- the learning path ----------------------------------------------------------------------------------------------

def nav(notebook: str) -> HTML:
    """Links to the previous and next notebooks in the learning path.

    >>> "01_the_big_picture.ipynb" in nav("00_start_here").data
    True
    """
    names = [n for n, _ in NOTEBOOKS]
    if notebook not in names:
        raise ValueError(f"unknown notebook {notebook!r}; known: {', '.join(names)}")
    i = names.index(notebook)
    links = []
    if i > 0:
        n, title = NOTEBOOKS[i - 1]
        links.append((f"{n}.ipynb", f"\u2190 Previous: {title}"))
    links.append(("00_start_here.ipynb", "Contents"))
    if i + 1 < len(NOTEBOOKS):
        n, title = NOTEBOOKS[i + 1]
        links.append((f"{n}.ipynb", f"Next: {title} \u2192"))
    return HTML(html.nav(links))


def learning_path():
    """The notebooks in reading order, each with its objective: a figure (an
    :class:`~mbc_atlas.render.figures.AltFigure`), with its text alternative.

    (The one figure this module draws: :mod:`mbc_atlas.render.figures`, and so matplotlib, is imported here,
    when it is drawn, so that the note, the questions and the explorer -- which all use this module -- never
    load it.)
    """
    from .render.figures import learning_path as figure

    return figure(NOTEBOOKS, OBJECTIVES)


def learning_path_text() -> TextAlternative:
    """The learning path in words.

    >>> learning_path_text().lines[0]
    '00 Start here: identify who wrote each of the texts, when, and who paid.'
    """
    from .render.figures import learning_path_text as words

    return words(NOTEBOOKS, OBJECTIVES)


# -- quotes, key points, questions ----------------------------------------------------------------------------------

def quotes(df: pd.DataFrame, atlas: Atlas | None = None) -> HTML:
    """Show each row of a frame with ``quote`` and ``source_id`` columns as a cited block quote."""
    return HTML(prose.quotes_html(df, atlas))


def cites(*refs: str, atlas: Atlas | None = None) -> HTML:
    """Several passages or statements, each as a cited block quote, in the order given.

    >>> cites("goal-1", "goal-4").data.count("<blockquote")
    2
    """
    return HTML(html.join(prose.cite(r, atlas) for r in refs))


def key_points(items: Iterable[str | tuple[str, str]], atlas: Atlas | None = None) -> HTML:
    """The key points that close a notebook.

    Each item is either a sentence (plain text, escaped; build it from the data where it states a fact) or a
    pair ``(lead_in, ref)``: a short lead-in followed by the quote of passage or statement ``ref``, with its
    source.
    """
    return HTML(html.key_points(prose.lead_in(*i, atlas=atlas) if isinstance(i, tuple) else i for i in items))


def reveal(question: str, answer: str) -> HTML:
    """A check-your-understanding question whose answer (HTML from :mod:`mbc_atlas.render.prose`, or plain
    text) opens on demand."""
    return HTML(html.reveal(question, answer))


# -- whole pieces a notebook shows -----------------------------------------------------------------------------------

def scenario(ids: Iterable[str] | str, atlas: Atlas | None = None, folded: bool = False) -> HTML:
    """The explorer's answer for a fixed selection (a guided scenario) as plain HTML: it reads the same
    without a kernel. ``folded`` keeps it closed until the learner has made her prediction."""
    shown = scenario_html(ids, atlas)
    return HTML(html.details("Show the explorer's answer", shown) if folded else shown)


def disagreements(atlas: Atlas | None = None) -> HTML:
    """Every place the texts disagree, numbered, both sides quoted."""
    return HTML(prose.disagreements_html(atlas))


def instruments() -> HTML:
    """The appraisal instruments (JAMA benchmarks and DISCERN), each with its citation."""
    return HTML(prose.instruments_html())


def currency(atlas: Atlas | None = None) -> HTML:
    """When the texts were written, in one sentence."""
    return HTML(prose.currency_html(atlas))


# -- the editors' voice, fenced ---------------------------------------------------------------------------------------

def since_then(category: str, atlas: Atlas | None = None) -> HTML:
    """The since-then box that closes a category's notebook: what changed after the texts, dated and cited,
    fenced as not from the texts."""
    return HTML(since_then_html(category, atlas))


def nursing(category: str, atlas: Atlas | None = None) -> HTML:
    """What a nurse needs for the category's drug classes and topics, fenced as not from the texts."""
    return HTML(nursing_html(category, atlas))


def subtype(subtype: str, atlas: Atlas | None = None) -> HTML:
    """How treatment is chosen today for one subtype (the usual sequence, the tests that drive it, what changed
    since the texts), fenced as not from the texts, to read beside what the texts said."""
    return HTML(subtype_html(subtype, atlas))


def editors_answer(text: str, citation: str, checked: str, review_by: str, atlas: Atlas | None = None) -> Html:
    """A model answer in the editors' voice, inside its fence, with its source, the date it was checked and the
    date it is next due for review."""
    return note_box({"note": text, "citation": citation, "checked": checked, "review_by": review_by}, atlas)


def discern_worked(source_id: str, atlas: Atlas | None = None) -> HTML:
    """The editors' worked DISCERN rating of one text, each score with its reason, fenced, to compare with yours
    (folded until the learner has rated the text herself)."""
    return HTML(html.details("Show the editors' worked rating", discern_worked_html(source_id, atlas)))


def stance_words(atlas: Atlas | None = None) -> HTML:
    """How firmly a text can put a statement, in a few plain words, strongest first (from the stances table).

    >>> "first treatment of choice" in stance_words().data
    True
    """
    st = stances(atlas)
    groups = [list(part["label"]) for _, part in st.groupby("rank", sort=True)]
    strongest, *middle, weakest = groups
    return HTML(html.el("p", "The texts put a statement more or less firmly. Strongest: ", join(strongest, "or"),
                        ". Then, less firmly: ", "; ".join(join(g, "or") for g in middle), ". Weakest: ",
                        join(weakest, "or"), ".", cls="para"))


def tasks(lesson: str, atlas: Atlas | None = None) -> HTML:
    """The lesson's application tasks (``lesson``: its two-digit number), each with its model answer folded."""
    return HTML(str(tasks_html(lesson, atlas)))


def texts(atlas: Atlas | None = None) -> HTML:
    """Every text whole, as received: who published it, when and who paid (each fact with its basis, from
    ``sources.csv``), then all its words, line breaks kept, so an appraisal can read what a quote leaves out."""
    a = atlas_or_default(atlas)
    parts = []
    for rec in sources(a).to_dict("records"):
        parts += [el("h2", rec["short_name"], cls="heading", id=f"text-{rec['source_id']}"),
                  prose.text_facts_html(rec["source_id"], a),
                  el("div", a.texts[rec["source_id"]].strip(), cls="full-text", role="region",
                     aria_label=f"The whole text: {rec['short_name']}")]
    return HTML(html.join(parts))


# -- a cell run before the cell it needs -------------------------------------------------------------------------------

#: Each name a lesson's code makes, and the cell that makes it: what it is, and the words it begins with
#: (``tests/test_run_first.py`` holds this to the notebooks).
MADE_BY = {"mbc": ("the lesson's first code cell", "# Set up"),
           "check": ("the self-check cell above", "# The self-check"),
           "case": ("the unfolding-case cell above", "# The unfolding case")}


def run_first(name: str) -> list[str]:
    """What a learner reads, in place of ``NameError``, when she runs a cell before the cell that makes ``name``.

    >>> run_first("check")[0]
    'This cell needs the self-check cell above (it begins "# The self-check"), which has not run yet.'
    """
    what, opening = MADE_BY[name]
    return [f'This cell needs {what} (it begins "{opening}"), which has not run yet.',
            "When a lesson is opened, or restarted, none of its cells has run.",
            "What to do: in the menu bar at the top, choose Run > Run All Cells.",
            "(Or click that cell, press Shift+Enter, and go on pressing Shift+Enter down to this cell.)",
            f"Python's own words: NameError: name '{name}' is not defined"]


def load_ipython_extension(shell) -> None:
    """Make a lesson's kernel say what to run when a cell needs a name a cell above it makes (IPython loads this
    in every kernel of the project's environment: ``tools/env_settings.py`` writes the setting). Every other
    error is shown as IPython shows it. A table's plain text is its caption, the same in every run."""
    def handler(self, etype, value, tb, tb_offset=None):
        if etype is NameError and value.name in MADE_BY and value.name not in self.user_ns:
            value._render_traceback_ = lambda: run_first(value.name)     # IPython shows this in place of a traceback
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)

    shell.set_custom_exc((NameError,), handler)
    # A table's plain text is its caption, not pandas' "<Styler at 0x7f...>": a lesson run again saves the same text.
    shell.display_formatter.formatters["text/plain"].for_type_by_name("pandas.io.formats.style", "Styler",
                                                                      _table_text)


def _table_text(styler, printer, cycle) -> None:
    """What IPython saves as a table's plain text, beside its HTML (as a figure's is its text alternative)."""
    import html as _html

    caption = _html.unescape(str(styler.caption or "")).strip()
    printer.text(f"Table. {caption}" if caption else "Table.")
