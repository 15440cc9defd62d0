"""Appraising the five texts with two published instruments, as an interactive checklist (notebook 07).

* The JAMA benchmarks: Silberg WM, Lundberg GD, Musacchio RA. Assessing, controlling, and assuring the quality
  of medical information on the Internet. JAMA 1997;277:1244-5.
* DISCERN: Charnock D, Shepperd S, Needham G, Gann R. DISCERN: an instrument for judging the quality of written
  consumer health information on treatment choices. J Epidemiol Community Health 1999;53:105-111.

The collection gives reference answers only where the texts let one *check* a benchmark: for each JAMA
benchmark one yes/no question, answered from the ``*_basis`` columns of ``data/sources.csv`` (a fact the
text states is there, verbatim; a fact the editors inferred, or that is not stated, is not). DISCERN asks
for judgement (ratings 1-5), so it has no reference answers; for its questions 4 and 5 the notebook shows
the same evidence as for attribution and currency.

>>> reference().query("met")[["source_id", "benchmark"]].values.tolist()[:2]
[['breastcancer_org', 'disclosure'], ['standards_of_care', 'disclosure']]
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

from .load import Atlas
from .query import _atlas, sources

JAMA_CITATION = ("Silberg WM, Lundberg GD, Musacchio RA. Assessing, controlling, and assuring the quality of medical "
                 "information on the Internet: Caveant lector et viewor \u2014 Let the reader and viewer beware. "
                 "JAMA 1997;277:1244-5.")
DISCERN_CITATION = ("Charnock D, Shepperd S, Needham G, Gann R. DISCERN: an instrument for judging the quality of "
                    "written consumer health information on treatment choices. J Epidemiol Community Health "
                    "1999;53:105-111.")


@dataclass(frozen=True)
class Benchmark:
    id: str
    name: str
    summary: str        # what the benchmark asks for (our paraphrase of Silberg et al.)
    question: str       # the yes/no question the texts let one check
    fact: str           # the sources.csv fact whose basis answers the question


JAMA = (
    Benchmark("authorship", "Authorship",
              "authors and contributors are named, with their affiliations and relevant credentials",
              "Does the text name who wrote it?", "author"),
    Benchmark("attribution", "Attribution",
              "references and sources for the content are listed clearly, with any copyright information",
              "Does the text name the sources of what it reports?", "cites"),
    Benchmark("disclosure", "Disclosure",
              "ownership of the site is disclosed, and so is any sponsorship, advertising, commercial funding or "
              "support, or conflict of interest",
              "Does the text say who paid for it?", "funding"),
    Benchmark("currency", "Currency",
              "the dates when the content was posted and updated are given",
              "Does the text give its date?", "dates"),
)
JAMA_BY_ID = {b.id: b for b in JAMA}


@dataclass(frozen=True)
class DiscernQuestion:
    number: int
    section: str
    text: str


DISCERN_SECTIONS = {
    "reliability": "Section 1: Is the publication reliable?",
    "treatment": "Section 2: How good is the quality of information on treatment choices?",
    "overall": "Section 3: Overall rating of the publication",
}

#: The sixteen DISCERN questions, as the instrument words them (Charnock et al. 1999).
DISCERN = tuple(DiscernQuestion(n, s, t) for n, s, t in (
    (1, "reliability", "Are the aims clear?"),
    (2, "reliability", "Does it achieve its aims?"),
    (3, "reliability", "Is it relevant?"),
    (4, "reliability", "Is it clear what sources of information were used to compile the publication "
                       "(other than the author or producer)?"),
    (5, "reliability", "Is it clear when the information used or reported in the publication was produced?"),
    (6, "reliability", "Is it balanced and unbiased?"),
    (7, "reliability", "Does it provide details of additional sources of support and information?"),
    (8, "reliability", "Does it refer to areas of uncertainty?"),
    (9, "treatment", "Does it describe how each treatment works?"),
    (10, "treatment", "Does it describe the benefits of each treatment?"),
    (11, "treatment", "Does it describe the risks of each treatment?"),
    (12, "treatment", "Does it describe what would happen if no treatment is used?"),
    (13, "treatment", "Does it describe how the treatment choices affect overall quality of life?"),
    (14, "treatment", "Is it clear that there may be more than one possible treatment choice?"),
    (15, "treatment", "Does it provide support for shared decision-making?"),
    (16, "overall", "Based on the answers to all of the above questions, rate the overall quality of the "
                    "publication as a source of information about treatment choices."),
))
#: How DISCERN's 1-5 scale reads: questions 1-15, and question 16.
RATING_WORDS = {1: "No", 2: "Partially", 3: "Partially", 4: "Partially", 5: "Yes"}
OVERALL_WORDS = {1: "Low: serious or extensive shortcomings", 2: "between low and moderate",
                 3: "Moderate: potentially important but not serious shortcomings", 4: "between moderate and high",
                 5: "High: minimal shortcomings"}
#: DISCERN questions whose evidence is the same source fact as a JAMA benchmark.
DISCERN_EVIDENCE = {4: "attribution", 5: "currency"}

_BASIS = {"stated": "stated in the text", "inferred": "inferred by the editors", "not stated": "not stated in the text"}


# --------------------------------------------------------------------------------------------------
# Reference answers, from sources.csv
# --------------------------------------------------------------------------------------------------

def _evidence(rec: dict, fact: str) -> str:
    value, basis = rec[fact], rec[fact + "_basis"]
    if basis == "stated":   # several stated parts are separated by "; " in sources.csv, each verbatim
        return "The text says: " + " and ".join(f"\u201c{part}\u201d" for part in value.split("; "))
    if basis == "inferred":
        return f"The text does not say; the editors infer: {value.rstrip('.')}."
    return "The text does not say."


def reference(atlas: Atlas | None = None) -> pd.DataFrame:
    """The collection's reference answers: one row per (source, JAMA benchmark).

    ``met`` is True when the text itself states the fact the benchmark's question asks about (its basis in
    ``sources.csv`` is ``stated``); ``evidence`` quotes it, or says what the editors inferred, or that the
    text is silent. For disclosure, ``context`` adds who publishes the text (ownership), with its basis.

    >>> r = reference().set_index(["source_id", "benchmark"])
    >>> bool(r.loc[("johnson_2010", "authorship"), "met"]), r.loc[("johnson_2010", "authorship"), "evidence"]
    (True, 'The text says: “By Phyllis Johnson, Health Guide”')
    """
    a = _atlas(atlas)
    rows = []
    for rec in sources(a).to_dict("records"):
        for b in JAMA:
            basis = rec[b.fact + "_basis"]
            context = ""
            if b.id == "disclosure":
                context = f"Who publishes it (ownership): {_evidence(rec, 'publisher')[0].lower()}{_evidence(rec, 'publisher')[1:]}"
            rows.append({"source_id": rec["source_id"], "source": rec["short_name"], "benchmark": b.id,
                         "name": b.name, "question": b.question, "met": basis == "stated", "basis": basis,
                         "basis_words": _BASIS[basis], "evidence": _evidence(rec, b.fact), "context": context})
    return pd.DataFrame(rows)


def reference_scores(atlas: Atlas | None = None) -> pd.Series:
    """How many of the four JAMA benchmarks each text meets, by the reference answers (index: source_id).

    >>> int(reference_scores()["johnson_2010"])
    3
    """
    r = reference(atlas)
    order = list(dict.fromkeys(r["source_id"]))
    return r.groupby("source_id", sort=False)["met"].sum().astype(int).reindex(order)


def reference_table(atlas: Atlas | None = None):
    """The reference answers as a Styler (fixed id): one row per text, one column per benchmark, each cell
    "yes"/"no" with the evidence."""
    a = _atlas(atlas)
    r = reference(a)
    scores = reference_scores(a)
    rows = []
    for sid, part in r.groupby("source_id", sort=False):
        row = {"Text": part["source"].iloc[0]}
        for rec in part.to_dict("records"):
            mark = "\u2714 yes" if rec["met"] else "\u2718 no"
            row[f"{rec['name']}: {rec['question']}"] = f"{mark}. {rec['evidence']}" + (
                f" {rec['context']}" if rec["context"] else "")
        row["Benchmarks met"] = f"{scores[sid]} of {len(JAMA)}"
        rows.append(row)
    df = pd.DataFrame(rows)
    styles = [
        {"selector": "", "props": "border-collapse:collapse;color:#111"},
        {"selector": "caption", "props": "caption-side:top;text-align:left;font-weight:bold;padding:4px 0"},
        {"selector": "th", "props": "background:#F2F2F2;text-align:left;vertical-align:bottom;padding:4px 8px;"
                                    "border-bottom:2px solid #767676"},
        {"selector": "td", "props": "text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #767676"},
    ]
    return (df.style.set_uuid("appraisal-reference").hide(axis="index").format(escape="html")
            .set_caption("The collection's reference answers to the JAMA benchmarks, from what each text states "
                         "about itself (data/sources.csv)")
            .set_table_styles(styles)
            .map(lambda v: "font-weight:bold" if isinstance(v, str) and v.startswith("\u2714") else ""))


# --------------------------------------------------------------------------------------------------
# Summaries of what a learner entered (pure functions: the widget only calls them)
# --------------------------------------------------------------------------------------------------

def jama_score(ticks: dict) -> int:
    """How many JAMA benchmarks the learner ticked as met.

    >>> jama_score({"authorship": True, "currency": True, "attribution": False})
    2
    """
    unknown = set(ticks) - set(JAMA_BY_ID)
    if unknown:
        raise ValueError(f"unknown JAMA benchmark(s) {sorted(unknown)}; valid: {', '.join(JAMA_BY_ID)}")
    return sum(bool(v) for v in ticks.values())


def discern_summary(ratings: dict) -> dict:
    """Summarise DISCERN ratings (question number -> 1..5, or None when not yet rated).

    Returns how many questions are rated, the mean rating of section 1 (reliability, questions 1-8) and of
    section 2 (treatment choices, 9-15) over the rated questions, the overall rating (question 16), and the
    sum of questions 1-15 (15 to 75 when all are rated).

    >>> s = discern_summary({1: 5, 2: 3, 9: 1, 16: 3})
    >>> s["rated"], s["reliability"], s["treatment"], s["overall"], s["sum_1_15"]
    (4, 4.0, 1.0, 3, 9)
    """
    by_number = {q.number: q for q in DISCERN}
    for n, v in ratings.items():
        if n not in by_number:
            raise ValueError(f"DISCERN has questions 1 to {len(DISCERN)}, not {n!r}")
        if v is not None and v not in (1, 2, 3, 4, 5):
            raise ValueError(f"a DISCERN rating is 1 to 5, not {v!r} (question {n})")
    rated = {n: v for n, v in ratings.items() if v is not None}

    def mean(section):
        vals = [v for n, v in rated.items() if by_number[n].section == section]
        return round(sum(vals) / len(vals), 1) if vals else None

    return {"rated": len(rated), "reliability": mean("reliability"), "treatment": mean("treatment"),
            "overall": rated.get(16), "sum_1_15": sum(v for n, v in rated.items() if n <= 15)}


def compare_with_reference(source_id: str, ticks: dict, atlas: Atlas | None = None) -> pd.DataFrame:
    """The learner's JAMA ticks for one text beside the reference answers.

    >>> c = compare_with_reference("johnson_2010", {"authorship": True})
    >>> c[["benchmark", "yours", "reference", "agree"]].values.tolist()[:2]
    [['authorship', True, True, True], ['attribution', False, True, False]]
    """
    a = _atlas(atlas)
    r = reference(a)
    mine = r[r["source_id"] == source_id]
    if mine.empty:
        raise ValueError(f"unknown source {source_id!r}; valid: {', '.join(dict.fromkeys(r['source_id']))}")
    jama_score(ticks)  # validates the names
    out = mine[["benchmark", "name", "question", "met", "evidence", "context"]].rename(columns={"met": "reference"})
    out.insert(3, "yours", [bool(ticks.get(b, False)) for b in out["benchmark"]])
    out["agree"] = out["yours"] == out["reference"]
    return out.reset_index(drop=True)


def summary_html(source_id: str, ticks: dict, ratings: dict, atlas: Atlas | None = None) -> str:
    """What the learner has entered for one text, in words (the checklist's live summary)."""
    a = _atlas(atlas)
    name = sources(a).set_index("source_id").loc[source_id, "short_name"]
    score = jama_score(ticks)
    met = [JAMA_BY_ID[b].name for b in JAMA_BY_ID if ticks.get(b)]
    d = discern_summary(ratings)
    fmt = lambda v: "not rated yet" if v is None else f"{v}"
    overall = "not rated yet" if d["overall"] is None else f"{d['overall']} ({OVERALL_WORDS[d['overall']]})"
    return (f'<div class="mbc-appraisal-summary" role="status" aria-live="polite" style="border:1px solid #767676;'
            f'padding:6px 12px;margin:6px 0;color:#111"><strong>Your appraisal of {escape(name)}</strong><ul style="margin:4px 0">'
            f"<li>JAMA benchmarks you ticked as met: {score} of {len(JAMA)}"
            f"{' (' + escape(', '.join(met)) + ')' if met else ''}</li>"
            f"<li>DISCERN questions rated: {d['rated']} of {len(DISCERN)}</li>"
            f"<li>DISCERN section 1 (reliability), mean rating: {fmt(d['reliability'])}</li>"
            f"<li>DISCERN section 2 (treatment choices), mean rating: {fmt(d['treatment'])}</li>"
            f"<li>DISCERN overall rating (question 16): {escape(overall)}</li></ul></div>")


def reference_html(source_id: str, ticks: dict, atlas: Atlas | None = None) -> str:
    """The learner's JAMA ticks beside the reference answers and their evidence, plus the evidence for
    DISCERN questions 4 and 5."""
    a = _atlas(atlas)
    name = sources(a).set_index("source_id").loc[source_id, "short_name"]
    c = compare_with_reference(source_id, ticks, a)
    rows = []
    for rec in c.to_dict("records"):
        verdict = "\u2714 agree" if rec["agree"] else "\u2260 differ"
        rows.append(f"<tr><td><strong>{escape(rec['name'])}</strong><br>{escape(rec['question'])}</td>"
                    f"<td>{'yes' if rec['yours'] else 'no'}</td><td>{'yes' if rec['reference'] else 'no'}</td>"
                    f"<td>{verdict}</td>"
                    f"<td>{escape(rec['evidence'])}{' ' + escape(rec['context']) if rec['context'] else ''}</td></tr>")
    agree = int(c["agree"].sum())
    cells = "padding:4px 8px;border-bottom:1px solid #767676;text-align:left;vertical-align:top"
    r = c.set_index("benchmark")
    discern = "".join(f"<li>DISCERN question {n} ({escape(DISCERN[n - 1].text)}): the same evidence as "
                      f"{escape(JAMA_BY_ID[b].name.lower())}: {escape(r.loc[b, 'evidence'])}</li>"
                      for n, b in DISCERN_EVIDENCE.items())
    return (f'<div class="mbc-appraisal-reference" style="color:#111"><p><strong>{escape(name)}: you and the '
            f"reference agree on {agree} of {len(c)} JAMA benchmarks.</strong> The reference answers only the "
            f"question beside each benchmark, from what the text states about itself.</p>"
            f'<table style="border-collapse:collapse"><tr>'
            + "".join(f'<th style="{cells};background:#F2F2F2">{h}</th>' for h in
                      ("Benchmark", "You", "Reference", "", "Evidence (data/sources.csv)"))
            + "</tr>" + "".join(r_.replace("<td>", f'<td style="{cells}">') for r_ in rows) + "</table>"
            f"<p>DISCERN asks for judgement, so the collection gives no reference ratings. Evidence for two of its "
            f"questions:</p><ul>{discern}</ul></div>")


def overview(answers: dict, atlas: Atlas | None = None) -> pd.DataFrame:
    """One row per text: the learner's JAMA score beside the reference's, how many benchmarks agree, and the
    DISCERN summary. ``answers`` maps source_id to ``{"jama": {...}, "discern": {...}}``."""
    a = _atlas(atlas)
    scores = reference_scores(a)
    rows = []
    for sid, name in zip(sources(a)["source_id"], sources(a)["short_name"]):
        mine = answers.get(sid, {"jama": {}, "discern": {}})
        c = compare_with_reference(sid, mine.get("jama", {}), a)
        d = discern_summary(mine.get("discern", {}))
        rows.append({"source_id": sid, "source": name, "your_jama": jama_score(mine.get("jama", {})),
                     "reference_jama": int(scores[sid]), "agree": int(c["agree"].sum()),
                     "discern_rated": d["rated"], "discern_overall": d["overall"]})
    return pd.DataFrame(rows)


def overview_html(answers: dict, atlas: Atlas | None = None) -> str:
    """:func:`overview` as a small table, for the checklist."""
    df = overview(answers, atlas)
    cells = "padding:3px 8px;border-bottom:1px solid #767676;text-align:left"
    head = ("Text", "Your JAMA score", "Reference JAMA score", "Benchmarks you agree on", "DISCERN rated",
            "DISCERN overall (question 16)")
    body = "".join(
        "<tr>" + "".join(f'<td style="{cells}">{escape(str(v))}</td>' for v in (
            r["source"], f"{r['your_jama']} of {len(JAMA)}", f"{r['reference_jama']} of {len(JAMA)}",
            f"{r['agree']} of {len(JAMA)}", f"{r['discern_rated']} of {len(DISCERN)}",
            "not rated yet" if r["discern_overall"] is None else r["discern_overall"])) + "</tr>"
        for r in df.to_dict("records"))
    return (f'<table class="mbc-appraisal-overview" style="border-collapse:collapse;color:#111"><caption style="'
            f'text-align:left;font-weight:bold">All five texts so far</caption><tr>'
            + "".join(f'<th style="{cells};background:#F2F2F2">{h}</th>' for h in head) + f"</tr>{body}</table>")


# --------------------------------------------------------------------------------------------------
# The chart of the reference results
# --------------------------------------------------------------------------------------------------

def reference_figure(atlas: Atlas | None = None):
    """The reference answers as a grid (texts x benchmarks): a hatched, filled cell with a tick where the text
    states the fact; an empty cell with a cross where it does not (and the word "inferred" where the editors
    inferred it); the score of each text at the right."""
    from .figures import AltFigure, _with_alt
    from matplotlib.patches import Rectangle

    a = _atlas(atlas)
    r = reference(a)
    scores = reference_scores(a)
    srcs = list(dict.fromkeys(zip(r["source_id"], r["source"])))
    n, m = len(srcs), len(JAMA)
    cw, rh, left = 2.3, 0.85, 3.6
    width, height = left + cw * m + 2.2, 1.9 + rh * n + 0.9
    fig = AltFigure(figsize=(width, height), dpi=100, facecolor="white")
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
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
                                   facecolor="#009E73" if rec["met"] else "white", hatch="//" if rec["met"] else None,
                                   edgecolor="#000" if rec["met"] else "#4D4D4D", linewidth=1.2,
                                   linestyle="-" if rec["met"] else "--"))
            word = "\u2714 yes" if rec["met"] else ("\u2718 no (inferred)" if rec["basis"] == "inferred" else "\u2718 no")
            ax.text(x + (cw - 0.16) / 2, y + rh / 2, word, ha="center", va="center", fontsize=12,
                    fontweight="bold" if rec["met"] else "normal",
                    bbox=dict(facecolor="white", edgecolor="none", pad=1.5) if rec["met"] else None)
        ax.text(left + cw * m + 1.1, y + rh / 2, f"{scores[sid]} of {m}", ha="center", va="center", fontsize=13,
                fontweight="bold")
    ax.text(0.2, 0.45, "Green, hatched, \u2714: the text states it.  White, dashed, \u2718: it does not "
            "(\u201cinferred\u201d: only the editors infer it).", fontsize=12, va="center")
    return _with_alt(fig, reference_text(a))


def reference_text(atlas: Atlas | None = None):
    """The reference chart in words: one line per text, with the evidence for each benchmark.

    >>> reference_text().lines[-1].startswith("Johnson (2010) blog post: 3 of 4 benchmarks met")
    True
    """
    from .alt import TextAlternative

    a = _atlas(atlas)
    r = reference(a)
    scores = reference_scores(a)
    lines = []
    for sid, part in r.groupby("source_id", sort=False):
        bits = [f"{rec['name'].lower()} {'yes' if rec['met'] else 'no'} ({rec['evidence']})" for rec in part.to_dict("records")]
        lines.append(f"{part['source'].iloc[0]}: {scores[sid]} of {len(JAMA)} benchmarks met: " + "; ".join(bits))
    return TextAlternative("JAMA benchmarks each text meets, by the collection's reference answers:", lines)


# --------------------------------------------------------------------------------------------------
# The interactive checklist
# --------------------------------------------------------------------------------------------------

class Checklist:
    """The learner's appraisal checklist: choose a text, tick the JAMA benchmarks it meets, rate the DISCERN
    questions 1-5; the summary updates at once. "Compare with the reference" shows the collection's
    reference answers for the JAMA benchmarks. Answers are kept per text, in memory only: nothing leaves
    the machine.

    For tests and scripts: set ``source.value``, ``jama[id].value`` and ``discern[n].value``, press
    ``compare_button.click()``, and read ``summary.value``, ``reference.value`` and ``overview.value``.
    """

    def __init__(self, atlas: Atlas | None = None):
        import ipywidgets as w

        self.atlas = _atlas(atlas)
        src = sources(self.atlas)
        self.answers = {sid: {"jama": {b.id: False for b in JAMA}, "discern": {q.number: None for q in DISCERN}}
                        for sid in src["source_id"]}
        self._loading = False
        self._shown = False
        self.source = w.Dropdown(options=list(zip(src["short_name"], src["source_id"])), description="Text:",
                                 style={"description_width": "initial"}, layout=w.Layout(width="28em"))
        self.jama = {b.id: w.Checkbox(value=False, description=f"{b.name}: {b.question}", indent=False,
                                      layout=w.Layout(width="auto")) for b in JAMA}
        self.discern = {}
        rows = {s: [] for s in DISCERN_SECTIONS}
        for q in DISCERN:
            words = OVERALL_WORDS if q.number == 16 else RATING_WORDS
            tb = w.ToggleButtons(options=[(str(v), v) for v in range(1, 6)], value=None,
                                 tooltips=[f"{v} = {words[v]}" for v in range(1, 6)],
                                 style={"button_width": "3em"})
            self.discern[q.number] = tb
            rows[q.section].append(w.VBox([w.HTML(f"<strong>{q.number}.</strong> {escape(q.text)}"), tb]))
        self.summary = w.HTML()
        self.reference = w.HTML()
        self.overview = w.HTML()
        self.compare_button = w.Button(description="Compare with the reference", button_style="",
                                       tooltip="Show the collection's reference answers for the JAMA benchmarks",
                                       layout=w.Layout(width="auto"))
        self.compare_button.on_click(self._compare)
        scale = w.HTML("<p>Rate each question 1 to 5: 1 = no, 2-4 = partially, 5 = yes (question 16: 1 = low, "
                       "3 = moderate, 5 = high quality). Hover over a number to read what it means.</p>")
        # Plain headed sections rather than an Accordion: everything stays visible, readable by a screen reader
        # in order, and the offline site needs no icon font.
        sections = [w.VBox([w.HTML(f"<strong>{escape(title)}</strong>"), *rows[s]])
                    for s, title in DISCERN_SECTIONS.items()]
        self.widget = w.VBox([
            self.source,
            w.HTML("<h4>JAMA benchmarks: tick those the text meets</h4>"),
            *self.jama.values(),
            w.HTML("<h4>DISCERN</h4>"), scale, *sections,
            self.summary, self.compare_button, self.reference, self.overview,
        ])
        for cb in self.jama.values():
            cb.observe(self._changed, "value")
        for tb in self.discern.values():
            tb.observe(self._changed, "value")
        self.source.observe(self._switch, "value")
        self._render()

    # The learner's inputs -> the answers of the chosen text -> what is shown.
    def _changed(self, _change=None):
        if self._loading:
            return
        sid = self.source.value
        self.answers[sid]["jama"] = {b: cb.value for b, cb in self.jama.items()}
        self.answers[sid]["discern"] = {n: tb.value for n, tb in self.discern.items()}
        self._render()

    def _switch(self, _change=None):
        sid = self.source.value
        self._loading = True
        try:
            for b, cb in self.jama.items():
                cb.value = self.answers[sid]["jama"][b]
            for n, tb in self.discern.items():
                tb.value = self.answers[sid]["discern"][n]
        finally:
            self._loading = False
        self._shown = False
        self._render()

    def _compare(self, _button=None):
        self._shown = True
        self._render()

    def _render(self):
        sid = self.source.value
        mine = self.answers[sid]
        self.summary.value = summary_html(sid, mine["jama"], mine["discern"], self.atlas)
        self.reference.value = reference_html(sid, mine["jama"], self.atlas) if self._shown else ""
        self.overview.value = overview_html(self.answers, self.atlas)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def checklist(atlas: Atlas | None = None) -> Checklist:
    """A new appraisal checklist (see :class:`Checklist`)."""
    return Checklist(atlas)


# --------------------------------------------------------------------------------------------------
# The instruments as the notebook states them, and answers for its questions
# --------------------------------------------------------------------------------------------------

def instruments_html() -> str:
    """The JAMA benchmarks (our paraphrase, with the question the collection checks) and the sixteen DISCERN
    questions (as the instrument words them), each with its citation."""
    jama = "".join(f"<li><strong>{escape(b.name)}</strong>: {escape(b.summary)}. <em>Checked here as:</em> "
                   f"{escape(b.question)}</li>" for b in JAMA)
    sections = []
    for sid, title in DISCERN_SECTIONS.items():
        qs = "".join(f'<li value="{q.number}">{escape(q.text)}</li>' for q in DISCERN if q.section == sid)
        sections.append(f"<p><strong>{escape(title)}</strong></p><ol>{qs}</ol>")
    return (f'<div class="mbc-instruments" style="color:#111"><h4>The JAMA benchmarks</h4>'
            f"<p>Four core standards for health information on the web (summarised in our words):</p><ul>{jama}</ul>"
            f"<p><cite>{escape(JAMA_CITATION)}</cite></p>"
            f"<h4>DISCERN</h4><p>Sixteen questions, each rated 1 to 5 (1 = no, 2-4 = partially, 5 = yes); question 16 "
            f"rates overall quality from 1 (low: serious or extensive shortcomings) through 3 (moderate: potentially "
            f"important but not serious shortcomings) to 5 (high: minimal shortcomings).</p>{''.join(sections)}"
            f"<p><cite>{escape(DISCERN_CITATION)}</cite> The full instrument and its handbook give a hint for "
            f"rating each question; use them when you appraise for real.</p></div>")


def instruments():
    """:func:`instruments_html` as a display object."""
    from IPython.display import HTML

    return HTML(instruments_html())


def reference_sentence(atlas: Atlas | None = None) -> str:
    """The reference results in one sentence.

    >>> reference_sentence()
    'By the reference answers, Johnson (2010) blog post meets the most JAMA benchmarks (3 of 4); FASLODEX product site and Frankly Speaking About Cancer meet none.'
    """
    a = _atlas(atlas)
    scores = reference_scores(a)
    names = sources(a).set_index("source_id")["short_name"]
    best = scores[scores == scores.max()]
    none = scores[scores == 0]
    join = lambda ids: " and ".join([", ".join(names[i] for i in ids[:-1]), names[ids[-1]]]) if len(ids) > 1 else names[ids[0]]
    s = (f"By the reference answers, {join(list(best.index))} meet{'s' if len(best) == 1 else ''} the most JAMA "
         f"benchmarks ({int(scores.max())} of {len(JAMA)})")
    if len(none) and scores.max() > 0:
        s += f"; {join(list(none.index))} meet{'s' if len(none) == 1 else ''} none"
    return s + "."


def benchmark_answer(benchmark: str, atlas: Atlas | None = None) -> str:
    """An answer (HTML): which texts meet one benchmark by the reference, with the words that show it."""
    a = _atlas(atlas)
    if benchmark not in JAMA_BY_ID:
        raise ValueError(f"unknown JAMA benchmark {benchmark!r}; valid: {', '.join(JAMA_BY_ID)}")
    r = reference(a)
    r = r[r["benchmark"] == benchmark]
    b = JAMA_BY_ID[benchmark]
    met = r[r["met"]]
    items = "".join(f"<li><strong>{escape(rec['source'])}</strong>: {'yes' if rec['met'] else 'no'}. "
                    f"{escape(rec['evidence'])}{' ' + escape(rec['context']) if rec['context'] else ''}</li>"
                    for rec in r.to_dict("records"))
    return (f"<p>{escape(b.question)} By the reference answers: {len(met)} of {len(r)} texts "
            f"({escape(', '.join(met['source']) or 'none')}).</p><ul>{items}</ul>")
