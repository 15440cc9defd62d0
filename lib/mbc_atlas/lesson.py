"""The furniture every notebook shares: the educational-use note, prev/next links, quotes with their source,
and questions whose answers are revealed on demand. Plain HTML, so it shows the same in JupyterLab, Voila
and static HTML, with or without a kernel."""
from __future__ import annotations

from html import escape

from IPython.display import HTML

from .load import Atlas
from .query import _atlas

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
)

NOTE_TEXT = (
    "<strong>Educational use only — not medical advice.</strong> The five texts date from 2010–2013 and "
    "treatment has changed since; check current clinical guidelines. This collection says what "
    "<em>the sources associate</em>, never what any patient should receive."
)

_NOTE_STYLE = ("border-left:6px solid #D55E00;background:#FFF4EC;color:#222;padding:8px 12px;"
               "margin:8px 0;font-size:1.05em")


def note_html() -> str:
    return f'<div class="mbc-note" role="note" style="{_NOTE_STYLE}">{NOTE_TEXT}</div>'


def note() -> HTML:
    """The educational-use note, as a display object (every notebook shows it)."""
    return HTML(note_html())


def nav(notebook: str) -> HTML:
    """Links to the previous and next notebooks in the learning path.

    >>> "01_the_big_picture.ipynb" in nav("00_start_here").data
    True
    """
    names = [n for n, _ in NOTEBOOKS]
    if notebook not in names:
        raise ValueError(f"unknown notebook {notebook!r}; known: {', '.join(names)}")
    i = names.index(notebook)
    parts = []
    if i > 0:
        n, title = NOTEBOOKS[i - 1]
        parts.append(f'<a href="{n}.ipynb">&larr; Previous: {escape(title)}</a>')
    parts.append(f'<a href="00_start_here.ipynb">Contents</a>')
    if i + 1 < len(NOTEBOOKS):
        n, title = NOTEBOOKS[i + 1]
        parts.append(f'<a href="{n}.ipynb">Next: {escape(title)} &rarr;</a>')
    return HTML('<nav class="mbc-nav" style="margin:8px 0;font-size:1.05em">' + " &nbsp;|&nbsp; ".join(parts) + "</nav>")


def source_name(source_id: str, atlas: Atlas | None = None) -> str:
    """The short name a learner sees for a source id."""
    return _atlas(atlas)["sources"].set_index("source_id").loc[source_id, "short_name"]


def quote_html(quote: str, source_id: str, atlas: Atlas | None = None, extra: str = "") -> str:
    """A verbatim quote as a block quote, with its source named beneath it."""
    body = escape(quote).replace("\n", "<br>")
    cite = escape(source_name(source_id, atlas)) + (f" — {escape(extra)}" if extra else "")
    return (f'<blockquote class="mbc-quote" style="border-left:4px solid #0072B2;margin:6px 0;padding:4px 10px;'
            f'color:#222">“{body}”<br><cite style="color:#333;font-size:0.9em">— {cite}</cite></blockquote>')


def quotes(df, atlas: Atlas | None = None) -> HTML:
    """Show each row of a frame with ``quote`` and ``source_id`` columns as a cited block quote."""
    return HTML("".join(quote_html(q, s, atlas) for q, s in zip(df["quote"], df["source_id"])))


def reveal(question: str, answer_html: str) -> HTML:
    """A check-your-understanding question whose answer opens on demand (click "Show the answer")."""
    return HTML(f'<div class="mbc-question" style="margin:10px 0"><p><strong>Question.</strong> {escape(question)}</p>'
                f'<details><summary style="cursor:pointer;color:#0072B2">Show the answer</summary>'
                f'<div style="padding:4px 12px">{answer_html}</div></details></div>')
