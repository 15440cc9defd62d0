"""The editors' voice: every note dated, cited, tied to a real quote or drug class, and never shown without
its fence ("Editors' note — not from the five texts")."""
import json
import re
from html import unescape

import pytest

import mbc_atlas as mbc
from mbc_atlas.analysis import editors
from mbc_atlas.render.answer import scenario_html, silent_html
from mbc_atlas.render.editors import nursing_markdown
from mbc_atlas.render.html import visible_text

FENCE = "Editors' note — not from the five texts"

from .conftest import ROOT


def problems(folder):
    with pytest.raises(mbc.DataError) as err:
        mbc.load(folder)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize("table,column", [("editor_notes", "citation"), ("editor_notes", "checked"),
                                          ("nursing_notes", "citation"), ("nursing_notes", "checked"),
                                          ("pharmacology", "citation"), ("developments", "citation")])
def test_the_checker_rejects_an_editors_row_without_citation_or_date(data_copy, edit_csv, table, column):
    def change(df):
        df.loc[0, column] = ""
        return df
    edit_csv(data_copy, table, change)
    assert any(f.startswith(f"{table}.csv, row 2, column '{column}': is empty but required") for f in problems(data_copy))


def test_a_note_must_sit_beside_a_real_quote(data_copy, edit_csv):
    def change(df):
        df.loc[0, "anchor"] = "aromatase inhibitors never work at all"
        df.loc[1, "source_id"] = ""
        return df
    edit_csv(data_copy, "editor_notes", change)
    found = problems(data_copy)
    assert any("editor_notes.csv, row 2, column 'anchor': not found verbatim" in f for f in found)
    assert any("editor_notes.csv, row 3, column 'source_id': a note beside a quote needs both" in f for f in found)


def test_every_drug_class_has_its_nursing_notes_and_pharmacology(atlas, data_copy, edit_csv):
    classes = set(mbc.drugs(atlas)["nursing_class"])
    assert "" not in classes
    for cls in classes:
        assert list(editors.nursing_notes(cls, atlas)["aspect"]) == list(editors.NURSING_ASPECTS)
        assert editors.pharmacology(cls, atlas)["how_it_works"]
    edit_csv(data_copy, "nursing_notes", lambda df: df[~((df["drug_class"] == "taxane") & (df["aspect"] == "escalate"))])
    assert any("nursing_notes.csv has no escalate for 'taxane'" in f for f in problems(data_copy))


# each case the issue lists has its note, beside the quote it belongs to
@pytest.mark.parametrize("note_id,statement_or_passage", [
    ("EN01", "soc-05"),          # aromatase inhibitors "only after menopause": ovarian function suppression
    ("EN02", "fas-06"),          # fulvestrant for postmenopausal women
    ("EN04", "targeted_how-5"),  # "fewer side effects than chemotherapy", from the sponsored sheet
    ("EN06", "jon-09"),          # "many tiny dots ... that is why radiation"
    ("EN07", "bco-07"),          # liver -> chemotherapy: visceral crisis, endocrine-based first line
    ("EN09", "targeted_how-6"),  # tamoxifen "the first targeted therapy": a SERM
    ("EN10", "bco-09"),          # Herceptin: today pertuzumab + trastuzumab + a taxane
])
def test_each_listed_case_has_its_note_beside_its_quote(atlas, note_id, statement_or_passage):
    html = unescape(str(mbc.prose.cite(statement_or_passage, atlas)))
    assert "(checked " in html and FENCE in html
    note = atlas["editor_notes"].set_index("note_id").loc[note_id, "note"]
    assert note in unescape(html)


def test_oncotype_and_adjuvant_reasoning_have_notes(atlas):
    notes = atlas["editor_notes"].set_index("note_id")
    assert "early-stage" in notes.loc["EN03", "note"] and "Oncotype DX" in notes.loc["EN03", "anchor"]
    assert "adjuvant" in notes.loc["EN05", "note"] and "cannot yet be seen" in notes.loc["EN05", "anchor"]


def test_the_her2_negative_silence_has_its_context(atlas):
    html = unescape(silent_html(["her2_negative"]))
    assert "the sources say nothing about this" in html and FENCE in html and "HER2-low" in unescape(html)
    assert editors.silence_notes("her2_negative", atlas)


def test_the_explorer_shows_a_note_beside_its_quote(atlas):
    text = visible_text(scenario_html(["hr_positive", "premenopausal"]))
    assert FENCE in text and "ovarian function suppression" in text


def test_the_developments_reach_2025_and_say_the_last_date_covered(atlas):
    assert editors.covered(atlas) >= "2025"
    html = mbc.lesson.since_then("hormonal").data
    assert f"up to {editors.covered(atlas)}" in html and "not from the five texts" in html
    dev = atlas["developments"]
    for needle in ("CDK4/6", "ribociclib", "Elacestrant", "Capivasertib", "HER2-ultralow", "Pembrolizumab",
                   "withdrawn"):
        assert dev["development"].str.contains(needle, case=False, regex=False).any(), needle


def test_glossary_marks_editors_terms(atlas):
    g = mbc.glossary(atlas=atlas).set_index("term")
    assert g.loc["SERD", "editors_term"] and not g.loc["biopsy", "editors_term"]
    assert "no text: an editors' term" in unescape(mbc.tables.glossary_table(terms=["SERD"]).to_html())


def test_the_printable_nursing_notes_are_the_generated_ones(atlas):
    path = ROOT / "docs" / "nursing_notes.md"
    assert path.read_text(encoding="utf-8") == nursing_markdown(atlas) + "\n", (
        "docs/nursing_notes.md is out of date: run `.venv/bin/python -c \"import mbc_atlas.render.editors as e; "
        "open('docs/nursing_notes.md', 'w').write(e.nursing_markdown() + '\\n')\"`")


def _outputs(notebook) -> list[str]:
    """Every HTML output of a notebook, as saved."""
    nb = json.loads((ROOT / "notebooks" / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    return ["".join(o.get("data", {}).get("text/html", "")) for c in nb["cells"] if c["cell_type"] == "code"
            for o in c.get("outputs", [])]


@pytest.mark.parametrize("notebook,category", [("02_hormonal_therapy", "hormonal"), ("03_chemotherapy", "chemotherapy"),
                                               ("04_targeted_therapy", "targeted"), ("05_local_therapy", "radiation")])
def test_each_category_notebook_ends_with_since_then_and_nursing(notebook, category):
    html = "".join(_outputs(notebook))
    assert 'data-kind="since-then"' in html and 'data-kind="nursing"' in html
    assert html.index('data-kind="nursing"') < html.index('data-kind="since-then"') < html.index("Key points")


def test_no_editors_sentence_is_shown_without_its_fence(atlas):
    """Every editors' sentence in every notebook's saved output sits inside an <aside class="mbc-editors">, or in
    an output that says first that it is not from the texts (notebook 07's table and timeline of developments)."""
    rows = [*atlas["editor_notes"]["note"], *atlas["nursing_notes"]["note"], *atlas["pharmacology"]["how_it_works"],
            *atlas["nursing_topics"]["note"], *atlas["developments"]["development"]]
    seen = 0
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for html in map(unescape, _outputs(nb.stem)):
            for sentence in rows:
                start = 0
                while (i := html.find(sentence, start)) >= 0:
                    opened, closed = html.rfind('<aside class="mbc-editors"', 0, i), html.rfind("</aside>", 0, i)
                    own_fence = "not from the five texts" in html[:i].lower() and opened < 0
                    assert opened > closed or own_fence, (nb.stem, sentence[:60])
                    seen += 1
                    start = i + 1
    assert seen > 20
