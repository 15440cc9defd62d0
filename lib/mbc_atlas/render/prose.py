"""HTML prose built from the data: the answers revealed under the lessons' questions (a sentence from
:mod:`mbc_atlas.analysis`, then the quotes it rests on), quotes cited by id, and the longer passages a
notebook shows (every disagreement, the appraisal instruments, the texts' dates).

Each function returns :class:`~mbc_atlas.render.html.Html`; :mod:`mbc_atlas.lesson` shows it.

>>> "Frankly Speaking" in cite("goal-1")
True
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..analysis import appraisal, compare, editors, evidence, sites
from ..analysis.evidence import Finding
from ..load import Atlas, atlas_or_default
from ..query import categories, disagreements, glossary
from ..words import join, say_nothing, upper_first
from . import answer as answer_view, html
from .editors import note_box
from .html import Html, el
from .tables import glossary_table

__all__ = ["quote_html", "quotes_html", "answer_html", "finding_html", "cite", "fact_answer", "claims_answer",
           "restricted_answer", "disagreement_answer", "class_note_answer", "spelling_answer", "scope_answer",
           "silent_answer", "term_answer", "sites_answer", "site_answer", "unanimous_answer", "development_answer",
           "benchmark_answer", "disagreements_html", "instruments_html", "currency_html", "explorer_restrictions",
           "explorer_disagreements", "silence_answer", "glossary_results_html", "lead_in", "text_facts_html"]


# -- quotes --------------------------------------------------------------------------------------------------------

def quote_html(quote: str, source_id: str, atlas: Atlas | None = None, extra: str = "") -> Html:
    """A verbatim quote as a block quote, with its source (and kind of publisher) named beneath it."""
    return answer_view.view(atlas).quote(quote, source_id, extra=extra)


def quotes_html(df: pd.DataFrame, atlas: Atlas | None = None) -> Html:
    """Each row of a frame with ``quote`` and ``source_id`` columns as a cited block quote."""
    return html.join(quote_html(q, s, atlas) for q, s in zip(df["quote"], df["source_id"]))


def answer_html(intro: str, df: pd.DataFrame | None = None, atlas: Atlas | None = None) -> Html:
    """An answer: a sentence (plain text, escaped) followed by the cited quotes it rests on.

    >>> import pandas as pd
    >>> "Frankly Speaking" in answer_html("So.", pd.DataFrame({"quote": ["Chemotherapy is given in cycles."],
    ...                                                         "source_id": ["frankly_speaking"]}))
    True
    """
    return html.answer(intro, [quotes_html(df, atlas)] if df is not None and len(df) else [])


def finding_html(f: Finding, atlas: Atlas | None = None) -> Html:
    """A :class:`~mbc_atlas.analysis.evidence.Finding` as an answer: its sentence, then its quotes."""
    return answer_html(f.sentence, f.quotes, atlas)


def _lookup(ref: str, atlas: Atlas) -> tuple[str, str]:
    for table, key in (("passages", "passage_id"), ("statements", "statement_id"), ("claims", "claim_id")):
        df = atlas[table]
        hit = df[df[key] == ref]
        if len(hit):
            words, sid, heading = hit["quote"].iloc[0], hit["source_id"].iloc[0], (
                hit["context"].iloc[0] if "context" in hit else "")
            return evidence.as_quoted(atlas.texts[sid], words, heading)[0], sid
    raise ValueError(f"no passage or claim has the id {ref!r}")


def cite(ref: str, atlas: Atlas | None = None) -> Html:
    """The quote of a passage (``passage_id``), a statement (``statement_id``) or a claim (``claim_id``), as a
    cited block quote."""
    a = atlas_or_default(atlas)
    return quote_html(*_lookup(ref, a), a)


def lead_in(lead: str, ref: str, atlas: Atlas | None = None) -> Html:
    """A key point: a short lead-in, then the quote of ``ref`` in one line with its source."""
    a = atlas_or_default(atlas)
    words, sid = _lookup(ref, a)
    return html.join([f"{lead}: “", html.text(words), "” ", el("cite", f"— {a.source_names[sid]}")])


# -- answers to the lessons' questions ------------------------------------------------------------------------------

def fact_answer(fact: str, atlas: Atlas | None = None) -> Html:
    """Which texts state a fact about themselves (quoted), which leave it to the editors, which are silent."""
    return finding_html(compare.fact_finding(fact, atlas), atlas)


def claims_answer(category: str | Iterable[str] | None = None, about: str | Iterable[str] | None = None,
                  source_id: str | None = None, stance: str | None = None, name: str = "characteristics",
                  atlas: Atlas | None = None) -> Html:
    """What the matching claims tie together (``name``: their ``"characteristics"``, ``"drugs"`` or
    ``"sources"``), with their quotes."""
    a = atlas_or_default(atlas)
    c = evidence.claims_frame(category, about, a, source_id=source_id)
    if stance is not None:
        c = c[c["stance"] == stance]
    if c.empty:
        return answer_html(f"{upper_first(say_nothing())}.")
    items = evidence.claim_items(c, name, a)
    sentence = f"{upper_first(join(items))}." if items else "The sources name none."
    return answer_html(sentence, evidence.distinct_quotes(c, a), a)


def restricted_answer(category: str, characteristic: str, atlas: Atlas | None = None) -> Html:
    """Which drugs of a category a text restricts for a characteristic (e.g. premenopausal), with the quotes."""
    return finding_html(evidence.restriction_finding(category, characteristic, atlas), atlas)


def disagreement_answer(disagreement_id: str, atlas: Atlas | None = None) -> Html:
    """A disagreement's summary, who each side is, and both quotes."""
    a = atlas_or_default(atlas)
    d = evidence.disagreement(disagreement_id, a)
    who = "; ".join(f"{a.source_names[s]}: {a.source_kinds[s]}" for s in (d.source_a, d.source_b))
    quotes = pd.DataFrame({"quote": [d.quote_a, d.quote_b], "source_id": [d.source_a, d.source_b]})
    return answer_html(f"{d.summary} Who is speaking: {who}.", quotes, a)


def class_note_answer(category: str, atlas: Atlas | None = None) -> Html:
    """The drugs of a category whose class the texts do not give (the editors do), with the editors' notes and
    the words in which the text names each drug."""
    return finding_html(evidence.class_note_finding(category, atlas), atlas)


def spelling_answer(generic: str, atlas: Atlas | None = None) -> Html:
    """How the texts write a drug's brand, against its correct spelling, with the texts' words."""
    return finding_html(evidence.spelling_finding(generic, atlas), atlas)


def scope_answer(scope: str, atlas: Atlas | None = None) -> Html:
    """Which categories the texts call ``scope`` (systemic or local), with the quotes that say so."""
    c = categories(atlas)
    part = c[c["scope"] == scope]
    if part.empty:
        return answer_html(f"The texts call no category {scope}.")
    return answer_html(f"{join(part['label'])}.", part, atlas)


def silent_answer(atlas: Atlas | None = None) -> Html:
    """An answer naming the characteristics the sources say nothing about."""
    return answer_html(evidence.silent_sentence(atlas))


def term_answer(term: str, atlas: Atlas | None = None) -> Html:
    """A glossary term: its meaning (the editors' words), the texts that use it, and where each uses it first."""
    return answer_html(evidence.term_sentence(term, atlas), evidence.term_in_context(term, atlas), atlas)


def sites_answer(all_of: Iterable[str], site_categories: Iterable[str] = sites.SITE_CATEGORIES,
                 atlas: Atlas | None = None) -> Html:
    """The sites the texts tie to every category in ``all_of``, with the quotes."""
    return finding_html(sites.sites_finding(all_of, site_categories, atlas), atlas)


def site_answer(site: str, site_categories: Iterable[str] = sites.SITE_CATEGORIES, atlas: Atlas | None = None) -> Html:
    """Which categories the texts tie to one site and which not, followed by the quotes it rests on."""
    return finding_html(sites.site_finding(site, site_categories, atlas), atlas)


def unanimous_answer(atlas: Atlas | None = None) -> Html:
    """The pairs every text ties, with one quote from each text."""
    return finding_html(compare.unanimous_finding(atlas), atlas)


def development_answer(atlas: Atlas | None = None) -> Html:
    """The first development after the texts, with its reference, and a reminder that the list is not from
    the texts: in the editors' fence, as everything not from the texts is."""
    dev = compare.developments(atlas)
    if dev.empty:
        return el("p", f"The editors' list of developments is {editors.coverage(atlas)}: this collection names none, "
                       "so look in current guidelines for what has changed since the texts.")
    first = dev.iloc[0]
    return note_box({"note": f"For example: {first['when']}: {first['development']} This fact comes from its "
                             f"reference, {compare.not_from_texts(atlas)}, which were written before it; the list "
                             f"covers up to {editors.covered(atlas)} and will itself go out of date.",
                     "citation": first["citation"], "checked": first["checked"], "review_by": first["review_by"]}, atlas)


def benchmark_answer(benchmark: str, atlas: Atlas | None = None) -> Html:
    """Which texts meet one JAMA benchmark by the reference, with the words that show it."""
    r = appraisal.benchmark_rows(benchmark, atlas)
    met = r[r["met"]]
    items = [el("li", el("strong", rec["source"]), f": {'yes' if rec['met'] else 'no'}. {rec['evidence']}"
                + (f" {rec['context']}" if rec["context"] else "")) for rec in r.to_dict("records")]
    return el("p", f"{appraisal.JAMA_BY_ID[benchmark].question} By the reference answers: {len(met)} of {len(r)} "
                   f"texts ({', '.join(met['source']) or 'none'}).") + el("ul", items)


# -- the explorer's parts, for the questions of notebook 06 -------------------------------------------------------

def explorer_restrictions(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Html:
    """What the explorer shows for a selection about drugs that do not suit it ("" if none)."""
    return answer_view.restrictions_html(ids, atlas)


def explorer_disagreements(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Html:
    """What the explorer shows for a selection about where the texts disagree ("" if none)."""
    return answer_view.disagreements_html(ids, atlas)


def silence_answer(ids: Iterable[str] | str, atlas: Atlas | None = None) -> Html:
    """What the explorer says about the chosen characteristics no text names, and why that silence is no
    answer either way (with the texts' dates)."""
    v = answer_view.view(atlas)
    ans = answer_view.answer(ids, v.atlas)
    return v.silent(ans) + v.silence_note(ans, compare.dates_sentence(v.atlas))


# -- longer passages ------------------------------------------------------------------------------------------------

def disagreements_html(atlas: Atlas | None = None) -> Html:
    """Every disagreement in ``disagreements.csv``, numbered, each with its summary and both quotes side by
    side (the explorer's own look)."""
    v = answer_view.view(atlas)
    d = disagreements(v.atlas)
    parts = []
    for i, rec in enumerate(d.to_dict("records"), start=1):
        about = v.char_label.get(rec["characteristic"], "") if rec["characteristic"] else ""
        heading = f"{i}. {rec['kind'].capitalize()}" + (f" — {about}" if about else "")
        a, b = rec["source_a"], rec["source_b"]
        parts.append(html.disagreement(rec["summary"], rec["kind"], (v.source_name[a], v.quote(rec["quote_a"], a)),
                                       (v.source_name[b], v.quote(rec["quote_b"], b)), rec["disagreement_id"],
                                       heading=heading))
    n = len(parts)
    intro = el("p", el("strong", f"The texts differ in {n} place{'s' if n != 1 else ''}"),
               " (each listed in the data's table of disagreements).")
    return el("div", intro, parts, cls="disagreements")


def instruments_html() -> Html:
    """The JAMA benchmarks (our paraphrase, with the question the collection checks) and the sixteen DISCERN
    questions (as the instrument words them), each with its citation."""
    jama = [el("li", el("strong", b.name), f": {b.summary}. ", el("em", "Checked here as:"), f" {b.question}")
            for b in appraisal.JAMA]
    sections = [el("p", el("strong", title)) + el("ol", [el("li", q.text, value=q.number) for q in appraisal.DISCERN
                                                         if q.section == sid])
                for sid, title in appraisal.DISCERN_SECTIONS.items()]
    return el("div",
              el("h4", "The JAMA benchmarks"),
              el("p", "Four core standards for health information on the web (summarised in our words):"),
              el("ul", jama), el("p", el("cite", appraisal.JAMA_CITATION)),
              el("h4", "DISCERN"),
              el("p", "Sixteen questions, each rated 1 to 5 (1 = no, 2-4 = "
                      "partially, 5 = yes); question 16 rates overall quality from 1 (low: serious or extensive "
                      "shortcomings) through 3 (moderate: potentially important but not serious shortcomings) to 5 "
                      "(high: minimal shortcomings)."),
              sections,
              el("p", el("cite", appraisal.DISCERN_CITATION), " The full instrument and its handbook give a hint for "
                                                               "rating each question; use them when you appraise for real."),
              cls="instruments")


def currency_html(atlas: Atlas | None = None) -> Html:
    """The texts' dates, in one sentence set as a lead."""
    return html.lead(compare.currency_sentence(atlas))


def glossary_results_html(search: str = "", atlas: Atlas | None = None) -> Html:
    """What the glossary search box shows for ``search``."""
    search = search.strip()
    if not search:
        return el("p", "Type a word above, for example ", el("em", "biopsy"), " or ", el("em", "HER2"),
                  "; the matching terms show here. (The search works in a running notebook; in a saved or printed "
                  "copy, use the full table below.)")
    if glossary(search, atlas).empty:
        return el("p", f"No term or meaning contains “{search}”. Try a shorter word, or read the full table below.")
    return Html(glossary_table(search, atlas, uuid="glossary-search").to_html())


def text_facts_html(source_id: str, atlas: Atlas | None = None) -> Html:
    """What a careful reader checks about a text before its words (:func:`mbc_atlas.analysis.compare.text_facts`),
    as a list."""
    return el("ul", [el("li", el("strong", f"{what}: "), words) for what, words in compare.text_facts(source_id, atlas)],
              cls="list")
