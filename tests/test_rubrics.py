"""The rubrics (docs/rubrics.md) and the outcomes-and-frameworks section of the instructor guide.

* The appraisal rubric's model answer is the library's: the JAMA reference answers
  (:func:`mbc_atlas.appraisal.reference`) and the editors' worked DISCERN rating (``data/discern_worked.csv``).
  It sits between markers in docs/rubrics.md and is written from the data by this module; a test fails, naming
  the command that rewrites it, as soon as the data and the page part. The same holds for the station's crib
  (who published each leaflet, when, who paid, what the collection records it saying).
* The DISCERN scores printed on the page are also read back and held to the data directly, so a fault in the
  writer below cannot hide a mismatch.
* Every framework named in the guide's mapping table has an entry, with its year, in the guide's sources list;
  the table's outcomes are the lessons' own (``mbc_atlas.lesson.OBJECTIVES``).

After editing the data, rewrite the generated parts of docs/rubrics.md with::

    .venv/bin/python -m tests.test_rubrics
"""
from __future__ import annotations

import re

import pytest

import mbc_atlas as mbc
from mbc_atlas.analysis import appraisal
from mbc_atlas.analysis.compare import dates_sentence, fact_words
from mbc_atlas.lesson import OBJECTIVES
from mbc_atlas.words import curly

from .conftest import ROOT

RUBRICS = ROOT / "docs" / "rubrics.md"
GUIDE = ROOT / "docs" / "instructor_guide.md"
REWRITE = ".venv/bin/python -m tests.test_rubrics"
BLOCKS = ("rubric-model", "station-crib")
#: The worked DISCERN rating the model answer rests on (the one text the editors rated).
WORKED = "standards_of_care"


# -- the generated parts -----------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    """Text safe in one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def model_answer(atlas=None) -> str:
    """The appraisal rubric's model answer, in Markdown, from the data alone."""
    a = mbc.load() if atlas is None else atlas
    ref = appraisal.reference(a)
    names = a.source_names
    out = ["#### The JAMA benchmarks: the collection's reference answers", "",
           appraisal.reference_sentence(a), "",
           "| text | " + " | ".join(b.name.lower() for b in appraisal.JAMA) + " | met |",
           "|---|" + "---|" * len(appraisal.JAMA) + "---|"]
    scores = appraisal.reference_scores(a)
    for sid in dict.fromkeys(ref["source_id"]):
        mine = ref[ref["source_id"] == sid].set_index("benchmark")
        out.append(f"| {_cell(names[sid])} | " + " | ".join(mine.loc[b.id, "level"] for b in appraisal.JAMA)
                   + f" | {int(scores[sid])} of {len(appraisal.JAMA)} |")
    out += ["", f"Why, for the {names[WORKED]} (the text of the worked DISCERN rating below):", "",
            "| benchmark | the question | reference | what shows it |", "|---|---|---|---|"]
    for r in ref[ref["source_id"] == WORKED].to_dict("records"):
        shows = r["evidence"] + (f" {r['context']}" if r["context"] else "")
        out.append(f"| {r['name']} | {_cell(r['question'])} | {r['level']} | {_cell(shows)} |")
    rows = a["discern_worked"]
    rows = rows[rows["source_id"] == WORKED]
    by_number = {int(r["question"]): r for r in rows.to_dict("records")}
    skipped = appraisal.discern_not_rated({n: int(r["score"]) for n, r in by_number.items()})
    out += ["", f"#### DISCERN: the editors' worked rating of the {names[WORKED]}", "",
            "| # | DISCERN question | score | why | the text's words |", "|---|---|---|---|---|"]
    for q in appraisal.DISCERN:
        if q.number in skipped:
            out.append(f"| {q.number} | {_cell(q.text)} | not rated | {_cell(skipped[q.number])} | |")
        elif q.number in by_number:
            r = by_number[q.number]
            score = int(r["score"])
            words = appraisal.OVERALL_WORDS[score] if q.number == 16 else appraisal.RATING_WORDS[score]
            quote = curly(r["quote"]) if r["quote"] else ""
            out.append(f"| {q.number} | {_cell(q.text)} | {score} ({words}) | {_cell(r['reason'])} | {_cell(quote)} |")
    s = appraisal.discern_summary({n: int(r["score"]) for n, r in by_number.items()})
    out += ["", f"Summary: {s['rated']} questions rated; mean of section 1 (reliability) {s['reliability']}, "
                f"of section 2 (treatment choices) {s['treatment']}; questions 1 to 15 sum to {s['sum_1_15']}; "
                f"overall (question 16) {s['overall']}. Checked by the editors on "
                f"{', '.join(sorted(set(rows['checked'])))}; next review due {', '.join(sorted(set(rows['review_by'])))}."]
    return "\n".join(out)


def station_crib(atlas=None) -> str:
    """The examiner's crib for the leaflet station: each leaflet's facts and what the collection records it saying."""
    a = mbc.load() if atlas is None else atlas
    labels = dict(zip(a["categories"]["category"], a["categories"]["label"]))
    statements = a["statements"]
    scores = appraisal.reference_scores(a)
    out = ["| leaflet | who published it | when | who paid | categories it ties to a characteristic | "
           "categories with no statement | JAMA benchmarks met |", "|---|---|---|---|---|---|---|"]
    for rec in mbc.sources(a).to_dict("records"):
        sid = rec["source_id"]
        said = set(statements.loc[statements["source_id"] == sid, "category"])
        ties = [labels[c] for c in labels if c in said]
        none = [labels[c] for c in labels if c not in said]
        out.append("| " + " | ".join(_cell(x) for x in (
            rec["short_name"], fact_words(rec, "publisher"), fact_words(rec, "dates"), fact_words(rec, "funding"),
            ", ".join(ties) or "none", ", ".join(none) or "none",
            f"{int(scores[sid])} of {len(appraisal.JAMA)}")) + " |")
    return "\n".join(out)


WRITERS = {"rubric-model": model_answer, "station-crib": station_crib}


def _block(text: str, name: str) -> re.Match:
    m = re.search(rf"(<!-- {name}:start[^\n]*-->\n)(.*?)\n?(<!-- {name}:end -->)", text, re.S)
    assert m, f"docs/rubrics.md has no {name} block (<!-- {name}:start ... --> ... <!-- {name}:end -->)"
    return m


def rewrite(atlas=None) -> None:
    text = RUBRICS.read_text(encoding="utf-8")
    for name, write in WRITERS.items():
        m = _block(text, name)
        text = text[:m.start(2)] + write(atlas) + "\n" + text[m.start(3):]
    RUBRICS.write_text(text, encoding="utf-8")


# -- the rubrics page --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def page():
    return RUBRICS.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", BLOCKS)
def test_the_generated_parts_are_the_datas(page, atlas, name):
    shown = _block(page, name).group(2)
    assert shown == WRITERS[name](atlas), f"docs/rubrics.md's {name} block is out of step with the data: run {REWRITE}"


def test_the_printed_discern_scores_are_the_worked_ratings(page, atlas):
    """Read the model answer's DISCERN table back and hold it to data/discern_worked.csv itself."""
    table = _block(page, "rubric-model").group(2).split("#### DISCERN", 1)[1]
    printed = {int(n): s for n, s in re.findall(r"^\| (\d+) \| [^|]+ \| (\d|not rated)\b", table, re.M)}
    rows = atlas["discern_worked"]
    rows = rows[rows["source_id"] == WORKED]
    want = {int(q): str(int(s)) for q, s in zip(rows["question"], rows["score"])}
    want.update({n: "not rated" for n in appraisal.discern_not_rated({q: int(s) for q, s in want.items()})})
    assert printed == want
    for reason in rows["reason"]:
        assert _cell(reason) in table, f"the worked rating's reason is missing: {reason[:60]!r}"


def test_the_printed_jama_levels_are_the_reference(page, atlas):
    table = _block(page, "rubric-model").group(2)
    ref = appraisal.reference(atlas)
    for sid, name in atlas.source_names.items():
        row = re.search(rf"^\| {re.escape(_cell(name))} \| ([^\n]+) \|$", table, re.M)
        assert row, name
        levels = [c.strip() for c in row[1].split(" | ")][: len(appraisal.JAMA)]
        mine = ref[ref["source_id"] == sid].set_index("benchmark")
        assert levels == [mine.loc[b.id, "level"] for b in appraisal.JAMA], name


def test_an_edit_to_the_worked_rating_shows(atlas, data_copy, edit_csv):
    """The check above can fail: change one score in a copy of the data and the model answer changes with it."""
    def lower(df):
        i = df.index[(df["source_id"] == WORKED) & (df["question"] == "9")][0]
        df.loc[i, "score"] = "5" if df.loc[i, "score"] != "5" else "4"
        return df
    edit_csv(data_copy, "discern_worked", lower)
    changed = model_answer(mbc.load(data_copy))
    assert changed != model_answer(atlas)
    assert re.search(r"^\| 9 \| [^|]+ \| [45] \(", changed.split("#### DISCERN", 1)[1], re.M)


def test_no_quote_is_typed_by_hand(page):
    """Quotes from the texts reach the page only through the generated parts (from the data, verbatim); the
    hand-written parts use no curly quotation marks, so none can creep in unchecked."""
    hand = page
    for name in BLOCKS:
        m = _block(hand, name)
        hand = hand[:m.start(2)] + hand[m.end(2):]
    assert "\u201c" not in hand and "\u201d" not in hand, "a curly quotation mark outside the generated parts"


def test_the_page_carries_the_note_and_both_rubrics(page, atlas):
    assert "Educational use only" in page and "not medical advice" in page
    assert dates_sentence(atlas) in page.replace("\n> ", " ")
    for heading in ("## How to use", "## Rubric A", "## Rubric B", "### Candidate instructions",
                    "### Simulated patient brief", "### Examiner's mark sheet", "### Global rating"):
        assert heading in page, heading


# -- the guide: outcomes and frameworks --------------------------------------------------------------------------

def _section(text: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert m, f"docs/instructor_guide.md has no section '## {title}'"
    return m[1]


def _table(text: str, first_header: str) -> list[list[str]]:
    lines = [ln for ln in text.splitlines() if ln.startswith("| ")]
    start = next(i for i, ln in enumerate(lines) if ln.startswith(f"| {first_header} |"))
    rows = []
    for ln in lines[start:]:
        if rows and not ln.startswith("| `"):
            break
        rows.append([c.strip() for c in ln.strip().strip("|").split(" | ")])
    return rows


@pytest.fixture(scope="module")
def frameworks():
    return _section(GUIDE.read_text(encoding="utf-8"), "Outcomes and frameworks")


def test_the_guide_links_the_rubrics():
    rubrics = _section(GUIDE.read_text(encoding="utf-8"), "Rubrics")
    assert "(rubrics.md)" in rubrics


def test_every_framework_in_the_table_is_in_the_sources_list(frameworks):
    header, *rows = _table(frameworks, "notebook")
    named = header[2:]
    assert len(named) >= 3, header
    sources = frameworks.split("### Sources", 1)
    assert len(sources) == 2, "the section has no '### Sources' list"
    entries = re.findall(r"^- \*\*([^*]+)\*\*", sources[1], re.M)
    keys = {e.split(" (")[0]: e for e in entries}
    for column in named:
        key = column.split(" ")[0]
        assert key in keys, f"the table names {column!r}, but the sources list has no entry for {key}"
        assert re.search(r"\((19|20)\d\d\)", keys[key]), f"the sources entry for {key} gives no year"
    for row in rows:
        assert len(row) == len(header), row
        for cell in row[2:]:
            for word in re.findall(r"\b(NMC|AACN|GMC|NCSBN|QSEN|CanMEDS)\b", cell):
                assert word in keys, f"{word} is cited in the table but not in the sources list"


def test_the_table_maps_every_lessons_own_outcome(frameworks):
    _header, *rows = _table(frameworks, "notebook")
    shown = {r[0].strip("`"): r[1] for r in rows}
    assert shown == OBJECTIVES
    assert all(cell and cell != "—" for r in rows for cell in r[2:]), "a lesson with no framework reference"


def test_the_raised_outcomes_are_suggestions_for_known_lessons(frameworks):
    header, *rows = _table(frameworks, "lesson")
    assert header[:2] == ["lesson", "outcome now"], header
    assert {r[0].strip("`") for r in rows} <= set(OBJECTIVES)
    for r in rows:
        assert r[1] == OBJECTIVES[r[0].strip("`")], r[0]


if __name__ == "__main__":
    rewrite()
    print(f"rewrote the generated parts of {RUBRICS.relative_to(ROOT)}")
