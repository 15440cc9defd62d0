"""Appraising the texts with two published instruments (notebook 07): the instruments as data, the
collection's reference answers, and summaries of what a learner entered (pure functions: the checklist
widget, :mod:`mbc_atlas.widgets.checklist`, only calls them).

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

import pandas as pd

from ..load import Atlas, atlas_or_default
from ..query import sources
from ..words import BASIS_WORDS, curly, join

__all__ = ["JAMA_CITATION", "DISCERN_CITATION", "Benchmark", "JAMA", "JAMA_BY_ID", "DiscernQuestion",
           "DISCERN_SECTIONS", "DISCERN", "RATING_WORDS", "OVERALL_WORDS", "DISCERN_EVIDENCE", "Answers",
           "evidence", "reference", "reference_scores", "jama_score", "discern_summary", "compare_with_reference",
           "overview", "reference_sentence", "benchmark_rows"]

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

    ``met`` is True when the text itself states the fact the benchmark's question asks about (its basis in
    ``sources.csv`` is ``stated``); ``evidence`` quotes it, or says what the editors inferred, or that the
    text is silent. For disclosure, ``context`` adds who publishes the text (ownership), with its basis.

    >>> r = reference().set_index(["source_id", "benchmark"])
    >>> bool(r.loc[("johnson_2010", "authorship"), "met"]), r.loc[("johnson_2010", "authorship"), "evidence"]
    (True, 'The text says: “By Phyllis Johnson, Health Guide”')
    """
    rows = []
    for rec in sources(atlas).to_dict("records"):
        for b in JAMA:
            basis = rec[b.fact + "_basis"]
            context = ""
            if b.id == "disclosure":
                publisher = evidence(rec, "publisher")
                context = f"Who publishes it (ownership): {publisher[0].lower()}{publisher[1:]}"
            rows.append({"source_id": rec["source_id"], "source": rec["short_name"], "benchmark": b.id,
                         "name": b.name, "question": b.question, "met": basis == "stated", "basis": basis,
                         "basis_words": BASIS_WORDS[basis], "evidence": evidence(rec, b.fact), "context": context})
    return pd.DataFrame(rows)


def reference_scores(atlas: Atlas | None = None) -> pd.Series:
    """How many of the four JAMA benchmarks each text meets, by the reference answers (index: source_id).

    >>> int(reference_scores()["johnson_2010"])
    3
    """
    r = reference(atlas)
    order = list(dict.fromkeys(r["source_id"]))
    return r.groupby("source_id", sort=False)["met"].sum().astype(int).reindex(order)


def reference_sentence(atlas: Atlas | None = None) -> str:
    """The reference results in one sentence.

    >>> reference_sentence()
    'By the reference answers, Johnson (2010) blog post meets the most JAMA benchmarks (3 of 4); FASLODEX product site and Frankly Speaking About Cancer meet none.'
    """
    a = atlas_or_default(atlas)
    scores = reference_scores(a)
    best = scores[scores == scores.max()]
    none = scores[scores == 0]
    s = (f"By the reference answers, {join(a.names(best.index))} meet{'s' if len(best) == 1 else ''} the most JAMA "
         f"benchmarks ({int(scores.max())} of {len(JAMA)})")
    if len(none) and scores.max() > 0:
        s += f"; {join(a.names(none.index))} meet{'s' if len(none) == 1 else ''} none"
    return s + "."


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
    r = reference(atlas)
    mine = r[r["source_id"] == source_id]
    if mine.empty:
        raise ValueError(f"unknown source {source_id!r}; valid: {', '.join(dict.fromkeys(r['source_id']))}")
    jama_score(ticks)  # validates the names
    out = mine[["benchmark", "name", "question", "met", "evidence", "context"]].rename(columns={"met": "reference"})
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
