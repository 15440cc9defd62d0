"""The editors' voice: every note dated, cited, tied to a real quote or drug class, and never shown without
its fence ("Editors' note — not from the five texts")."""
import json
import re
from html import unescape

import pytest

import mbc_atlas as mbc
from mbc_atlas.analysis import editors
from mbc_atlas.render.answer import render, scenario_html
from mbc_atlas.render.editors import nursing_markdown
from mbc_atlas.render.html import visible_text

from .conftest import ROOT

FENCE = "Editors' note — not from the five texts"


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
        aspects = list(editors.nursing_notes(cls, atlas)["aspect"])
        assert aspects == list(editors.NURSING_ASPECTS), cls
        assert editors.pharmacology(cls, atlas)["how_it_works"]
    edit_csv(data_copy, "nursing_notes", lambda df: df[~((df["drug_class"] == "taxane")
                                                         & df["aspect"].isin(["escalate", "within the class"]))])
    assert any("nursing_notes.csv has no escalate, within the class for 'taxane'" in f for f in problems(data_copy))


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
    html = unescape(str(render(["her2_negative"]).summary))
    assert "the sources say nothing about this" in html and FENCE in html and "HER2-low" in html
    assert [n["note_id"] for n in editors.selection_notes(["her2_negative"], atlas)] == ["EN08"]


# the selections where a clinician adds most (issue 19): the explorer shows the editors' note for each, once
@pytest.mark.parametrize("selection,note_ids,needle", [
    (["hr_negative", "her2_negative", "liver"], ["EN24", "EN25", "EN26"], "PD-L1"),
    (["her2_positive", "brain"], ["EN21", "EN22"], "tucatinib"),
    (["rapid_progression"], ["EN23"], "visceral crisis"),
    (["hr_negative"], ["EN24"], "HER2"),
])
def test_each_high_stakes_selection_shows_its_note_once(atlas, selection, note_ids, needle):
    text = visible_text(scenario_html(selection))
    for note in atlas["editor_notes"].set_index("note_id").loc[note_ids, "note"]:
        assert text.count(note) == 1
    assert needle in text and FENCE in text
    assert not {"EN21", "EN22"} & {n["note_id"] for n in editors.selection_notes(["her2_positive"], atlas)}


@pytest.mark.parametrize("note_id,passage", [
    ("EN27", "with or instead of chemotherapy"),
    ("EN28", "no difference in overall survival rate"),
    ("EN29", "with the fewest side effects"),
    ("EN30", "growing in spite of various hormonal therapies"),
    ("EN31", "radiation is most commonly used"),
    ("EN32", "Surgery may be used in selected patients"),
])
def test_each_misleading_quote_carries_its_note(atlas, note_id, passage):
    note = atlas["editor_notes"].set_index("note_id").loc[note_id]
    assert passage in note["anchor"] and note["anchor"] in atlas.texts[note["source_id"]]
    assert editors.notes_for_quote(note["anchor"], note["source_id"], atlas)[0]["note_id"] == note_id


def test_the_site_shows_a_selection_note_only_for_its_whole_selection(atlas):
    from mbc_atlas.render.offline import explorer_data
    notes = {n["html"].split('data-note="')[1].split('"')[0]: n["characteristics"]
             for n in explorer_data(atlas)["for_selection"]}
    assert notes["EN21"] == ["her2_positive", "brain"] and notes["EN08"] == ["her2_negative"]


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
            *atlas["nursing_topics"]["note"], *atlas["developments"]["development"], *atlas["subtypes"]["note"]]
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


# -- dates a reader can trust, and what to know rather than what to do -------------------------------------------

def test_every_editors_table_carries_checked_and_review_by():
    from mbc_atlas.schema import TABLES_BY_NAME
    assert set(editors.EDITORS_TABLES) >= {"developments", "editor_notes", "nursing_notes", "nursing_topics",
                                            "pharmacology", "discern_worked", "glossary"}
    for name in editors.EDITORS_TABLES:
        assert {"checked", "review_by"} <= set(TABLES_BY_NAME[name].required), name


def test_check_warns_on_a_row_past_its_review_date_with_file_row_and_column(data_copy, edit_csv, capsys):
    import datetime as dt

    from mbc_atlas.__main__ import main

    def change(df):
        df.loc[2, "review_by"] = "2026-01-31"
        return df
    edit_csv(data_copy, "nursing_notes", change)
    a = mbc.load(data_copy)
    due = [str(w) for w in editors.warnings(a, today=dt.date(2026, 12, 2)) if "review date" in w.message]
    assert due == ["nursing_notes.csv, row 4, column 'review_by': past its review date (2026-01-31): check the row "
                   "against its citation, then set checked and a new review_by"]
    # on the day itself a row is not yet past it; every row is once the shipped dates have gone by
    assert not [w for w in editors.warnings(a, today=dt.date(2026, 1, 31)) if "review date" in w.message]
    later = [w for w in editors.warnings(a, today=dt.date(2100, 1, 1)) if "review date" in w.message]
    assert len(later) == sum(len(a[t]) for t in editors.EDITORS_TABLES)
    assert main(["check", str(data_copy)]) == 0          # a warning, not a refusal: the lessons still run
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and "nursing_notes.csv, row 4, column 'review_by': past its review date" in out


def test_no_editors_row_gives_a_dose_or_schedule(atlas):
    orders = [str(w) for w in editors.warnings(atlas) if "review date" not in w.message]
    assert orders == []


@pytest.mark.parametrize("table,column,words", [
    ("nursing_notes", "note", "It is given as 500 mg in two 5 mL injections over 1–2 minutes."),
    ("nursing_topics", "note", "Denosumab 120 mg is given every 4 weeks."),
    ("editor_notes", "note", "A mouthwash four times a day prevents it."),
    ("developments", "development", "Approved at 5.4 mg/kg every three weeks."),
])
def test_a_planted_dose_is_caught_with_its_place(data_copy, edit_csv, table, column, words):
    def change(df):
        df.loc[0, column] = words
        return df
    edit_csv(data_copy, table, change)
    found = [str(w) for w in editors.warnings(mbc.load(data_copy)) if "dose" in w.message]
    assert any(f.startswith(f"{table}.csv, row 2, column '{column}': gives a dose or schedule") for f in found), found


def test_a_label_quoted_word_for_word_is_allowed_only_when_marked(data_copy, edit_csv):
    def change(df):
        df.loc[0, "note"] = "The label's words: “500 mg should be administered intramuscularly”."
        return df
    edit_csv(data_copy, "nursing_notes", change)
    found = [str(w) for w in editors.warnings(mbc.load(data_copy)) if "dose" in w.message and str(w).startswith("nursing_notes.csv, row 2,")]
    assert found == ["nursing_notes.csv, row 2, column 'quotes_label': quotes a dose or schedule in “…”: set "
                     "quotes_label to yes when these are the label's own words"]
    edit_csv(data_copy, "nursing_notes", lambda df: df.assign(quotes_label=["yes"] + list(df["quotes_label"][1:])))
    assert not [w for w in editors.warnings(mbc.load(data_copy)) if w.file == "nursing_notes.csv" and w.row == 2]


def test_each_fence_says_when_it_was_checked_and_when_it_is_next_due(atlas):
    from mbc_atlas.render.editors import nursing_html, since_then_html
    for html_ in (since_then_html("chemotherapy", atlas), nursing_html("hormonal", atlas)):
        text = visible_text(html_)
        assert re.search(r"\(checked \d{4}-\d\d-\d\d, next review \d{4}-\d\d-\d\d\)", text), text[:300]


def test_since_then_files_each_development_under_the_editors_field(atlas):
    from mbc_atlas.render.editors import since_then_html
    box = since_then_html("chemotherapy", atlas)
    fields = editors.field_labels(atlas)
    dev = editors.since_then("chemotherapy", atlas)
    for field in set(dev["field"]):
        assert f'data-field="{field}"' in box and fields[field] in visible_text(box)
    # an immunotherapy is never listed as if it were a chemotherapy; the approval of one is filed under its field
    immuno = dev[dev["development"].str.contains("pembrolizumab|atezolizumab", case=False)]
    assert len(immuno) and "chemotherapy" not in set(immuno["field"])
    named_first = immuno[immuno["development"].str.match("(Pembrolizumab|Atezolizumab) ")]
    assert len(named_first) and set(named_first["field"]) == {"immunotherapy"}


def test_every_nursing_topic_is_shown_by_a_lesson(atlas):
    """A topic filed only under a category whose notebook shows no nursing box would reach no learner."""
    shown = set()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        shown |= set(re.findall(r'mbc\.lesson\.nursing\(\\"(\w+)\\"\)', nb.read_text(encoding="utf-8")))
    assert shown
    for topic, cats in zip(atlas["nursing_topics"]["topic"], atlas["nursing_topics"]["category"]):
        assert set(cats.split(";")) & shown, topic
