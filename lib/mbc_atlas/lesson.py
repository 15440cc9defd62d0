"""The furniture every notebook shares: the educational-use note, prev/next links, quotes with their source,
and questions whose answers are revealed on demand. Plain HTML, so it shows the same in JupyterLab, Voila
and static HTML, with or without a kernel."""
from __future__ import annotations

from html import escape

from IPython.display import HTML

from .load import Atlas
from .query import _atlas
from .words import number
from .render.editors import note_box, notes_html, nursing_html, since_then_html

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

#: One line per notebook: what a learner will be able to do (one measurable verb each).
OBJECTIVES = {
    "00_start_here": "identify who wrote each of the five texts, when, and who paid",
    "01_the_big_picture": "explain systemic vs local therapy and the goal of treatment as the texts put it",
    "02_hormonal_therapy": "identify the hormonal drugs and when the texts turn to them",
    "03_chemotherapy": "explain when the texts turn to chemotherapy, and single-agent vs combination",
    "04_targeted_therapy": "identify the HER2-targeted drugs and why one text files tamoxifen here",
    "05_local_therapy": "compare which sites the texts tie to radiation and to surgery",
    "06_explorer": "justify, with quotes, which categories the texts associate with a set of characteristics",
    "07_comparing_sources": "compare the texts, appraise them, and say where they disagree",
    "08_self_check": "check your understanding with questions and cases",
    "09_glossary": "identify what a word in the texts means and which texts use it",
}

def dates_sentence(atlas: Atlas | None = None) -> str:
    """When the texts date from, in words, from ``sources.csv`` (never typed by hand).

    >>> dates_sentence()
    'Of the five texts, one is dated (Johnson (2010) blog post: first published 2010, last modified 2012); one was written in 2012 or later, as the editors infer (Standards of Care fact sheet); three are undated.'
    """
    src = _atlas(atlas)["sources"]
    parts = []
    dated = src[src["dates_basis"] == "stated"]
    if len(dated):
        spans = [f"{r['short_name']}: first published {r['year_earliest']}"
                 + (f", last modified {r['year_latest']}" if r["year_latest"] not in ("", r["year_earliest"]) else "")
                 for r in dated.to_dict("records")]
        parts.append(f"{number(len(dated))} {'is' if len(dated) == 1 else 'are'} dated ({'; '.join(spans)})")
    for r in src[src["dates_basis"] == "inferred"].to_dict("records"):
        when = f"in {r['year_earliest']} or later" if r["year_earliest"] else "at an unknown date"
        parts.append(f"one was written {when}, as the editors infer ({r['short_name']})")
    undated = int((src["dates_basis"] == "not stated").sum())
    if undated:
        parts.append(f"{number(undated)} {'is' if undated == 1 else 'are'} undated")
    return f"Of the {number(len(src))} texts, {'; '.join(parts)}."


def note_text(atlas: Atlas | None = None) -> str:
    """The educational-use note every notebook shows (HTML), its dates drawn from the data."""
    return ("<strong>Educational use only — not medical advice.</strong> " + escape(dates_sentence(atlas))
            + " Treatment has changed since; check current clinical guidelines. This collection says what "
            "<em>the sources associate</em>, never what any patient should receive.")

_NOTE_STYLE = ("border-left:6px solid #D55E00;background:#FFF4EC;color:#222;padding:8px 12px;"
               "margin:8px 0;font-size:1.05em")


def note_html(atlas: Atlas | None = None) -> str:
    return f'<div class="mbc-note" role="note" style="{_NOTE_STYLE}">{note_text(atlas)}</div>'


def note(atlas: Atlas | None = None) -> HTML:
    """The educational-use note, as a display object (every notebook shows it)."""
    return HTML(note_html(atlas))


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
            f'color:#222">“{body}”<br><cite style="color:#333;font-size:0.9em">— {cite}</cite></blockquote>'
            + notes_html(quote, source_id, atlas))


def quotes(df, atlas: Atlas | None = None) -> HTML:
    """Show each row of a frame with ``quote`` and ``source_id`` columns as a cited block quote."""
    return HTML("".join(quote_html(q, s, atlas) for q, s in zip(df["quote"], df["source_id"])))


def reveal(question: str, answer_html: str) -> HTML:
    """A check-your-understanding question whose answer opens on demand (click "Show the answer")."""
    return HTML(f'<div class="mbc-question" style="margin:10px 0"><p><strong>Question.</strong> {escape(question)}</p>'
                f'<details><summary style="cursor:pointer;color:#0072B2">Show the answer</summary>'
                f'<div style="padding:4px 12px">{answer_html}</div></details></div>')


def quotes_html(df, atlas: Atlas | None = None) -> str:
    """Like :func:`quotes`, as an HTML string (for an answer revealed on demand)."""
    return "".join(quote_html(q, s, atlas) for q, s in zip(df["quote"], df["source_id"]))


def answer_html(intro: str, df=None, atlas: Atlas | None = None) -> str:
    """An answer: a sentence (plain text, escaped) followed by the cited quotes it rests on.

    >>> import pandas as pd
    >>> "Frankly Speaking" in answer_html("So.", pd.DataFrame({"quote": ["Chemotherapy is given in cycles."],
    ...                                                         "source_id": ["frankly_speaking"]}))
    True
    """
    quoted = quotes_html(df, atlas) if df is not None and len(df) else ""
    return f"<p>{escape(intro)}</p>{quoted}"


def cite(ref: str, atlas: Atlas | None = None) -> str:
    """The quote of a passage (``passage_id``), a statement (``statement_id``) or a claim (``claim_id``), as a
    cited block quote (HTML string).

    >>> "Frankly Speaking" in cite("goal-1")
    True
    """
    a = _atlas(atlas)
    for table, key in (("passages", "passage_id"), ("statements", "statement_id"), ("claims", "claim_id")):
        df = a[table]
        hit = df[df[key] == ref]
        if len(hit):
            return quote_html(hit["quote"].iloc[0], hit["source_id"].iloc[0], a)
    raise ValueError(f"no passage or claim has the id {ref!r}")


def key_points(items, atlas: Atlas | None = None) -> HTML:
    """The key points that close a notebook.

    Each item is either a sentence (plain text, escaped; build it from the data where it states a fact) or a
    pair ``(lead_in, ref)``: a short lead-in followed by the quote of passage or claim ``ref``, with its source.
    """
    a = _atlas(atlas)
    out = []
    for item in items:
        if isinstance(item, tuple):
            lead, ref = item
            for table, key in (("passages", "passage_id"), ("statements", "statement_id"), ("claims", "claim_id")):
                hit = a[table][a[table][key] == ref]
                if len(hit):
                    break
            else:
                raise ValueError(f"no passage or claim has the id {ref!r}")
            q, sid = hit["quote"].iloc[0], hit["source_id"].iloc[0]
            out.append(f"<li>{escape(lead)}: “{escape(q)}” <cite>— {escape(source_name(sid, a))}</cite></li>")
        else:
            out.append(f"<li>{escape(item)}</li>")
    return HTML('<div class="mbc-key-points"><strong>Key points</strong><ul>' + "".join(out) + "</ul></div>")


def cites(*refs, atlas: Atlas | None = None) -> HTML:
    """Several passages or claims, each as a cited block quote, in the order given.

    >>> cites("goal-1", "goal-4").data.count("<blockquote")
    2
    """
    return HTML("".join(cite(r, atlas) for r in refs))


def since_then(category: str, atlas: Atlas | None = None) -> HTML:
    """The since-then box that closes a category's notebook: what changed after the texts, dated and cited,
    fenced as not from the texts."""
    return HTML(since_then_html(category, atlas))


def nursing(category: str, atlas: Atlas | None = None) -> HTML:
    """What a nurse needs for the category's drug classes and topics, fenced as not from the texts."""
    return HTML(nursing_html(category, atlas))


def editors_answer(text: str, citation: str, checked: str) -> str:
    """A model answer in the editors' voice (HTML), inside its fence, with its source and date."""
    return note_box({"note": text, "citation": citation, "checked": checked})
