"""Appraising the texts with two published instruments (notebook 07): the instruments as data, the
collection's reference answers, and summaries of what a learner entered (pure functions: the checklist
widget, :mod:`mbc_atlas.widgets.checklist`, only calls them).

* The JAMA benchmarks: Silberg WM, Lundberg GD, Musacchio RA. Assessing, controlling, and assuring the quality
  of medical information on the Internet. JAMA 1997;277:1244-5.
* DISCERN: Charnock D, Shepperd S, Needham G, Gann R. DISCERN: an instrument for judging the quality of written
  consumer health information on treatment choices. J Epidemiol Community Health 1999;53:105-111.

The collection gives reference answers only where the texts let one *check* a benchmark: for each JAMA
benchmark one question, answered from the ``*_basis`` columns of ``data/sources.csv`` (a fact the text
states is there, verbatim; a fact the editors inferred, or that is not stated, is not). Stating a fact is
necessary, not sufficient: JAMA asks for more than a name. An author's name without affiliation or
credentials is not authorship, and naming a body one quotes without a reference a reader could follow is
not attribution (:data:`SHORTFALLS`, the editors' judgement of the stated words); disclosure needs both who
owns or publishes the text and who pays for it. Such a benchmark is *partly* met, which does not count as
met. DISCERN asks for judgement (ratings 1-5), so it has no reference answers; for its questions 4 and 5 the
notebook shows the same evidence as for attribution and currency.

>>> reference().query("met")[["source_id", "benchmark"]].values.tolist()
[['breastcancer_org', 'disclosure'], ['johnson_2010', 'currency']]
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..load import Atlas, atlas_or_default
from ..query import sources
from ..words import BASIS_WORDS, curly, join, lower_first

__all__ = ["JAMA_CITATION", "DISCERN_CITATION", "Benchmark", "JAMA", "JAMA_BY_ID", "Shortfall", "SHORTFALLS",
           "LEVELS", "DiscernQuestion", "DISCERN_SECTIONS", "DISCERN", "RATING_WORDS", "OVERALL_WORDS",
           "DISCERN_EVIDENCE", "DISCERN_SKIPS", "Answers", "evidence", "reference", "reference_scores",
           "jama_score", "discern_not_rated", "discern_summary", "compare_with_reference", "overview",
           "reference_sentence", "benchmark_rows"]

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
              "Does the text name who wrote it, with the author's affiliation and credentials?", "author"),
    Benchmark("attribution", "Attribution",
              "references and sources for the content are listed clearly, with any copyright information",
              "Does the text give references a reader could follow for what it reports?", "cites"),
    Benchmark("disclosure", "Disclosure",
              "ownership of the site is disclosed, and so is any sponsorship, advertising, commercial funding or "
              "support, or conflict of interest",
              "Does the text say who owns or publishes it, and who paid for it?", "funding"),
    Benchmark("currency", "Currency",
              "the dates when the content was posted and updated are given",
              "Does the text give its date?", "dates"),
)
JAMA_BY_ID = {b.id: b for b in JAMA}

#: The three answers of the key: a benchmark the text meets, meets only in part (which does not count), or not.
LEVELS = ("met", "partly", "not met")


@dataclass(frozen=True)
class Shortfall:
    """The editors' judgement that a fact a text states falls short of what a JAMA benchmark asks."""
    words: str          # the stated value in sources.csv the judgement is about (it lapses if they change)
    why: str            # what the benchmark asks for that the words do not give


#: Where a text states the fact a benchmark asks about, but not what the benchmark requires (Silberg et al.
#: 1997: authorship needs affiliations and relevant credentials; attribution needs references and sources
#: clearly listed). Keyed by (source_id, benchmark); a test checks each still matches sources.csv.
SHORTFALLS = {
    ("johnson_2010", "authorship"): Shortfall(
        "By Phyllis Johnson, Health Guide",
        "it names the author and her role on the site, but gives no affiliation or credentials"),
    ("johnson_2010", "attribution"): Shortfall(
        "A task force of European doctors; National Cancer Institute",
        "it names whom it quotes, but gives no reference (no report, page, date or link) a reader could follow"),
}


def _shortfall(rec: dict, benchmark: str) -> str:
    """Why a stated fact only partly meets a benchmark ('' when it meets it, or is not stated)."""
    b = JAMA_BY_ID[benchmark]
    if rec[b.fact + "_basis"] != "stated":
        return ""
    if benchmark == "disclosure" and rec["publisher_basis"] != "stated":
        return "it says who paid for it, but not who owns or publishes it"
    s = SHORTFALLS.get((rec["source_id"], benchmark))
    return s.why if s and s.words == rec[b.fact] else ""


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
#: DISCERN's own skip rule (its handbook, question 2): a publication without clear aims (question 1 rated 1)
#: is not rated on question 2. question skipped -> (the question it depends on, the rating that skips it).
DISCERN_SKIPS = {2: (1, 1)}


# -- reference answers, from sources.csv --------------------------------------------------------------------

def evidence(rec: dict, fact: str) -> str:
    """What shows whether a text meets a benchmark: its own words, or what the editors infer, or nothing.

    >>> evidence({"cites": "x", "cites_basis": "inferred"}, "cites")
    'The text does not say; the editors infer: x.'
    """
    value, basis = rec[fact], rec[fact + "_basis"]
    if basis == "stated":   # several stated parts are separated by "; " in sources.csv, each verbatim
        return "The text says: " + " and ".join(curly(part) for part in value.split("; "))
    if basis == "inferred":
        return f"The text does not say; the editors infer: {value.rstrip('.')}."
    return "The text does not say."


def reference(atlas: Atlas | None = None) -> pd.DataFrame:
    """The collection's reference answers: one row per (source, JAMA benchmark).

    ``level`` is "met" when the text itself states the fact the benchmark's question asks about (its basis
    in ``sources.csv`` is ``stated``) and what it states is what the benchmark asks for; "partly" when it
    states the fact but falls short (``shortfall`` says how: see :data:`SHORTFALLS`, and disclosure without
    ownership); "not met" otherwise. ``met`` is True only for "met". ``evidence`` quotes the text, or says
    what the editors inferred, or that the text is silent, and ends with the shortfall. For disclosure,
    ``context`` adds who publishes the text (ownership), with its basis.

    >>> r = reference().set_index(["source_id", "benchmark"])
    >>> r.loc[("johnson_2010", "authorship"), "level"], r.loc[("johnson_2010", "authorship"), "evidence"]
    ('partly', 'The text says: “By Phyllis Johnson, Health Guide”; only in part: it names the author and her role on the site, but gives no affiliation or credentials.')
    """
    rows = []
    for rec in sources(atlas).to_dict("records"):
        for b in JAMA:
            basis = rec[b.fact + "_basis"]
            short = _shortfall(rec, b.id)
            level = "not met" if basis != "stated" else ("partly" if short else "met")
            said = evidence(rec, b.fact) + (f"; only in part: {short}." if short else "")
            context = ""
            if b.id == "disclosure":
                publisher = evidence(rec, "publisher")
                context = f"Who publishes it (ownership): {publisher[0].lower()}{publisher[1:]}"
            rows.append({"source_id": rec["source_id"], "source": rec["short_name"], "benchmark": b.id,
                         "name": b.name, "question": b.question, "met": level == "met", "level": level,
                         "shortfall": short, "basis": basis, "basis_words": BASIS_WORDS[basis],
                         "evidence": said, "context": context})
    return pd.DataFrame(rows)


def reference_scores(atlas: Atlas | None = None) -> pd.Series:
    """How many of the four JAMA benchmarks each text meets, by the reference answers (index: source_id).

    >>> int(reference_scores()["johnson_2010"])
    1
    """
    r = reference(atlas)
    order = list(dict.fromkeys(r["source_id"]))
    return r.groupby("source_id", sort=False)["met"].sum().astype(int).reindex(order)


def reference_sentence(atlas: Atlas | None = None) -> str:
    """The reference results in one sentence: the most benchmarks any text meets, which texts meet none, and
    which benchmarks are met only in part (which do not count).

    >>> reference_sentence()
    'By the reference answers, no text meets more than 1 of the 4 JAMA benchmarks (Breastcancer.org and Johnson (2010) blog post meet 1); FASLODEX product site, Frankly Speaking About Cancer and Standards of Care fact sheet meet none. Met only in part, so not counted: Standards of Care fact sheet (disclosure) and Johnson (2010) blog post (authorship and attribution).'
    """
    a = atlas_or_default(atlas)
    r = reference(a)
    scores = reference_scores(a)
    top, n = int(scores.max()), len(JAMA)
    best = scores[scores == top]
    none = scores[scores == 0]
    if top == 0:
        s = f"By the reference answers, no text meets any of the {n} JAMA benchmarks"
    else:
        verb = "meets" if len(best) == 1 else "meet"
        s = (f"By the reference answers, no text meets more than {top} of the {n} JAMA benchmarks "
             f"({join(a.names(best.index))} {verb} {top})")
        if len(none):
            s += f"; {join(a.names(none.index))} meet{'s' if len(none) == 1 else ''} none"
    s += "."
    part = r[r["level"] == "partly"]
    if len(part):
        by_text = [f"{name} ({join(lower_first(x) for x in g['name'])})"
                   for name, g in part.groupby("source", sort=False)]
        s += f" Met only in part, so not counted: {join(by_text)}."
    return s


def benchmark_rows(benchmark: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """The reference answers for one benchmark, one row per text; ValueError naming the valid benchmarks."""
    if benchmark not in JAMA_BY_ID:
        raise ValueError(f"unknown JAMA benchmark {benchmark!r}; valid: {', '.join(JAMA_BY_ID)}")
    r = reference(atlas)
    return r[r["benchmark"] == benchmark].reset_index(drop=True)


# -- summaries of what a learner entered ------------------------------------------------------------------------

#: A learner's answers per text: source_id -> {"jama": {benchmark: bool}, "discern": {question: 1..5 or None}}.
Answers = dict


def jama_score(ticks: dict) -> int:
    """How many JAMA benchmarks the learner ticked as met.

    >>> jama_score({"authorship": True, "currency": True, "attribution": False})
    2
    """
    unknown = set(ticks) - set(JAMA_BY_ID)
    if unknown:
        raise ValueError(f"unknown JAMA benchmark(s) {sorted(unknown)}; valid: {', '.join(JAMA_BY_ID)}")
    return sum(bool(v) for v in ticks.values())


def discern_not_rated(ratings: dict) -> dict:
    """The DISCERN questions that are not to be rated, given the ratings so far, each with the reason in the
    words a learner reads (question number -> sentence).

    >>> discern_not_rated({1: 1})
    {2: 'Not rated: question 1 is rated 1 (the aims are not clear), and DISCERN then skips question 2, since there are no aims to achieve.'}
    >>> discern_not_rated({1: 3})
    {}
    """
    out = {}
    for n, (on, when) in DISCERN_SKIPS.items():
        if ratings.get(on) == when:
            out[n] = (f"Not rated: question {on} is rated {when} (the aims are not clear), and DISCERN then skips "
                      f"question {n}, since there are no aims to achieve.")
    return out


def discern_summary(ratings: dict) -> dict:
    """Summarise DISCERN ratings (question number -> 1..5, or None when not yet rated).

    Returns how many questions are rated, the mean rating of section 1 (reliability, questions 1-8) and of
    section 2 (treatment choices, 9-15) over the rated questions, the overall rating (question 16), the
    sum of questions 1-15 (15 to 75 when all are rated), and the questions DISCERN says are not to be rated
    (``not_rated``: :func:`discern_not_rated`). A rating given to such a question is left out of the rest.

    >>> s = discern_summary({1: 5, 2: 3, 9: 1, 16: 3})
    >>> s["rated"], s["reliability"], s["treatment"], s["overall"], s["sum_1_15"], s["not_rated"]
    (4, 4.0, 1.0, 3, 9, [])
    >>> s = discern_summary({1: 1, 2: 3})
    >>> s["rated"], s["reliability"], s["not_rated"]
    (1, 1.0, [2])
    """
    by_number = {q.number: q for q in DISCERN}
    for n, v in ratings.items():
        if n not in by_number:
            raise ValueError(f"DISCERN has questions 1 to {len(DISCERN)}, not {n!r}")
        if v is not None and v not in (1, 2, 3, 4, 5):
            raise ValueError(f"a DISCERN rating is 1 to 5, not {v!r} (question {n})")
    skipped = discern_not_rated(ratings)
    rated = {n: v for n, v in ratings.items() if v is not None and n not in skipped}

    def mean(section):
        vals = [v for n, v in rated.items() if by_number[n].section == section]
        return round(sum(vals) / len(vals), 1) if vals else None

    return {"rated": len(rated), "reliability": mean("reliability"), "treatment": mean("treatment"),
            "overall": rated.get(16), "sum_1_15": sum(v for n, v in rated.items() if n <= 15),
            "not_rated": sorted(skipped)}


def compare_with_reference(source_id: str, ticks: dict, atlas: Atlas | None = None) -> pd.DataFrame:
    """The learner's JAMA ticks for one text beside the reference answers.

    >>> c = compare_with_reference("johnson_2010", {"authorship": True, "currency": True})
    >>> c[["benchmark", "yours", "reference", "level", "agree"]].values.tolist()
    [['authorship', True, False, 'partly', False], ['attribution', False, False, 'partly', True], ['disclosure', False, False, 'not met', True], ['currency', True, True, 'met', True]]
    """
    r = reference(atlas)
    mine = r[r["source_id"] == source_id]
    if mine.empty:
        raise ValueError(f"unknown source {source_id!r}; valid: {', '.join(dict.fromkeys(r['source_id']))}")
    jama_score(ticks)  # validates the names
    out = mine[["benchmark", "name", "question", "met", "level", "evidence", "context"]].rename(
        columns={"met": "reference"})
    out.insert(3, "yours", [bool(ticks.get(b, False)) for b in out["benchmark"]])
    out["agree"] = out["yours"] == out["reference"]
    return out.reset_index(drop=True)


def overview(answers: Answers, atlas: Atlas | None = None) -> pd.DataFrame:
    """One row per text: the learner's JAMA score beside the reference's, how many benchmarks agree, and the
    DISCERN summary."""
    a = atlas_or_default(atlas)
    scores = reference_scores(a)
    rows = []
    for sid, name in a.source_names.items():
        mine = answers.get(sid, {"jama": {}, "discern": {}})
        c = compare_with_reference(sid, mine.get("jama", {}), a)
        d = discern_summary(mine.get("discern", {}))
        rows.append({"source_id": sid, "source": name, "your_jama": jama_score(mine.get("jama", {})),
                     "reference_jama": int(scores[sid]), "agree": int(c["agree"].sum()),
                     "discern_rated": d["rated"], "discern_overall": d["overall"]})
    return pd.DataFrame(rows)
