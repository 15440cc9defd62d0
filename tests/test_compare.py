"""Notebook 07's library: the comparison matrix, the disagreements, the source profiles and the currency
section follow the data (change a CSV in a private copy, the output follows)."""
import json
import re
from html import escape

import pytest

import mbc_atlas as mbc
from mbc_atlas import compare, figures, prose, tables
from mbc_atlas.analysis import editors

from .conftest import ROOT


def _cell(m, ch, cat, sid):
    row = m[(m.characteristic == ch) & (m.category == cat) & (m.source_id == sid)]
    assert len(row) == 1, (ch, cat, sid)
    return row.iloc[0]


# ------------------------------------------------------------------------------------------ matrix

def test_matrix_has_one_row_per_tied_pair_and_source(atlas):
    m = compare.matrix(atlas)
    c = mbc.claims(atlas)
    pairs = set(zip(c.characteristic, c.category))
    assert set(zip(m.characteristic, m.category)) == pairs
    assert len(m) == len(pairs) * len(mbc.sources(atlas))


def test_matrix_status_ties_elsewhere_silent(atlas):
    m = compare.matrix(atlas)
    assert _cell(m, "liver", "chemotherapy", "breastcancer_org").status == "ties"
    # The FASLODEX page ties growth after hormonal therapy to hormonal therapy, not to chemotherapy.
    assert _cell(m, "progressed_on_hormonal", "chemotherapy", "faslodex_site").status == "elsewhere"
    assert _cell(m, "liver", "chemotherapy", "frankly_speaking").status == "silent"


def test_matrix_follows_a_changed_claim(data_copy, edit_csv):
    def move_liver(df):
        df.loc[df.statement_id == "bco-07", "category"] = "radiation"
        return df
    edit_csv(data_copy, "statements", move_liver)
    a = mbc.load(data_copy)
    m = compare.matrix(a)
    assert _cell(m, "liver", "radiation", "breastcancer_org").status == "ties"
    assert not ((m.characteristic == "liver") & (m.category == "chemotherapy")).any() or \
        _cell(m, "liver", "chemotherapy", "breastcancer_org").status == "elsewhere"
    assert compare.matrix_wide(a).loc[("Liver", "Radiation therapy"), "Texts that tie them"].startswith("1 of")


def test_matrix_stance_is_the_strongest(atlas, data_copy, edit_csv):
    # mbc.load caches per folder: load the copy only after editing it.
    assert _cell(compare.matrix(atlas), "hr_positive", "hormonal", "breastcancer_org").stance == "first treatment of choice"

    def weaken(df):
        df.loc[df.statement_id == "bco-01", "stance"] = "option"
        return df
    edit_csv(data_copy, "statements", weaken)
    assert _cell(compare.matrix(mbc.load(data_copy)), "hr_positive", "hormonal", "breastcancer_org").stance == "an option"


def test_disputes_come_from_disagreements_csv(data_copy, edit_csv, atlas):
    m = compare.matrix(atlas)
    assert _cell(m, "progressed_on_hormonal", "chemotherapy", "faslodex_site").disputes == ["after_hormonal_stops"]
    assert _cell(m, "liver", "chemotherapy", "breastcancer_org").disputes == []

    def add(df):
        row = {c: "" for c in df.columns}
        row.update(disagreement_id="liver_test", characteristic="liver", kind="test", summary="A test.",
                   source_a="breastcancer_org", quote_a="in the liver", source_b="frankly_speaking",
                   quote_b="Chemotherapy is given in cycles.")
        df.loc[len(df)] = row
        return df
    edit_csv(data_copy, "disagreements", add)
    a = mbc.load(data_copy)
    m = compare.matrix(a)
    assert _cell(m, "liver", "chemotherapy", "breastcancer_org").disputes == ["liver_test"]
    assert _cell(m, "liver", "chemotherapy", "frankly_speaking").disputes == ["liver_test"]
    assert _cell(m, "liver", "chemotherapy", "johnson_2010").disputes == []
    n = len(mbc.disagreements(a))     # the new disagreement is the last one
    assert f"see disagreement {n}" in compare.matrix_wide(a).loc[("Liver", "Chemotherapy"), "Breastcancer.org"]
    shown = tables.matrix_table(a).to_html()
    assert f"see disagreement {n}" in shown and "liver_test" not in shown
    assert f'{n}. Test — Liver' in prose.disagreements_html(a)


def test_cell_words_never_rely_on_colour():
    for status in compare.STATUS:
        words = compare.cell_words(status)
        assert words.startswith(compare.SYMBOL[status]) and len(words) > 3
    assert compare.DISPUTE_SYMBOL in compare.cell_words("ties", "", [1])


def test_matrix_table_has_a_fixed_id_and_every_cell(atlas):
    html = tables.matrix_table(atlas).to_html()
    assert "T_compare-matrix" in html and html == tables.matrix_table(atlas).to_html()
    wide = compare.matrix_wide(atlas)
    for value in wide.to_numpy().ravel():
        assert escape(value, quote=False) in html


def test_matrix_table_has_a_row_for_every_pair_and_a_mark_in_every_cell(atlas):
    m = compare.matrix(atlas)
    wide = compare.matrix_wide(atlas)
    assert len(wide) == len(set(zip(m.characteristic, m.category)))
    marks = tuple(compare.SYMBOL.values())
    assert all(str(v).startswith(marks) for v in wide.drop(columns="Texts that tie them").to_numpy().ravel())

def test_agreement_counts_add_up(atlas):
    counts = compare.agreement_counts(atlas)
    assert (counts[["ties", "elsewhere", "silent"]].sum(axis=1) == len(mbc.sources(atlas))).all()
    assert (counts["ties"] >= 1).all()


# ------------------------------------------------------------------------------------------ disagreements

def test_every_disagreement_is_shown_with_both_quotes(atlas):
    html = prose.disagreements_html(atlas)
    for d in mbc.disagreements(atlas).to_dict("records"):
        assert f'id="disagreement-{d["disagreement_id"]}"' in html
        for side in ("a", "b"):
            assert escape(d[f"quote_{side}"]).replace("\n", "<br>") in html
    assert html.count('class="mbc-disagreement"') == len(mbc.disagreements(atlas))


def test_disagreements_follow_the_data(data_copy, edit_csv):
    edit_csv(data_copy, "disagreements", lambda df: df[df.disagreement_id != "tamoxifen_category"])
    html = prose.disagreements_html(mbc.load(data_copy))
    assert "tamoxifen_category" not in html
    assert f"The texts differ in {len(mbc.disagreements()) - 1} places" in html


# ------------------------------------------------------------------------------------------ profiles

def test_profiles_show_stated_and_inferred(atlas):
    p = compare.profiles(atlas).set_index("Source")
    assert p.loc["Johnson (2010) blog post", "Who wrote it"].endswith("(stated in the text)")
    assert p.loc["Frankly Speaking About Cancer", "Who published it"] == "Cancer Support Community (inferred by the editors)"
    assert p.loc["Standards of Care fact sheet", "Who paid"] == \
        "“This fact sheet was made possible by a grant from Celgene.” (stated in the text)"
    assert p.loc["Breastcancer.org", "When"] == "not stated in the text"


def test_profiles_follow_sources_csv(data_copy, edit_csv):
    def unname(df):
        df.loc[df.source_id == "johnson_2010", ["author", "author_basis"]] = ["", "not stated"]
        return df
    edit_csv(data_copy, "sources", unname)
    a = mbc.load(data_copy)
    assert compare.profiles(a).set_index("Source").loc["Johnson (2010) blog post", "Who wrote it"] == "not stated in the text"
    assert compare.basis_counts(a).set_index("fact").loc["author", "stated"] == 0


def test_reader_address_quotes_the_text(atlas):
    for sid in atlas.texts:
        r = compare.reader_address(sid, atlas)
        assert r["count"] > 0 and r["sentence"] in atlas.texts[sid]
        assert re.search(r"\byou", r["sentence"], re.I)


def test_profiles_table_has_a_fixed_id(atlas):
    html = tables.profiles_table(atlas).to_html()
    assert "T_compare-profiles" in html and "inferred by the editors" in html


# ------------------------------------------------------------------------------------------ currency

def test_shipped_developments_are_well_formed(atlas):
    dev = compare.developments(atlas)
    assert len(dev) >= 10
    assert (dev["year"] >= 2013).all() and dev["date"].max() == editors.covered(atlas)
    assert list(dev["date"]) == sorted(dev["date"])
    for r in dev.to_dict("records"):
        # a short name first (a drug, a test, a guideline), then what it is in brackets
        assert re.match(r"^[A-Z][\w/–-]*( [\w/–-]+){0,4} \(", r["development"]), r["development"]
        assert re.search(r"\b(19|20)\d\d\b", r["citation"]), r["citation"]   # a dated reference
        # an approval names its regulator; a change in practice names the guideline behind it
        assert "US FDA" in r["development"] or "guideline" in r["development"], r["development"]


def test_developments_are_not_drawn_from_the_texts(atlas):
    # None of the later drugs is named by the five texts: the list is apart from them.
    corpus = "\n".join(atlas.texts.values()).lower()
    for drug in compare.developments(atlas)["drug"]:
        if drug.lower() != "trastuzumab deruxtecan":
            assert drug.lower() not in corpus, drug


def test_a_bad_development_date_is_named(data_copy, edit_csv):
    def bad(df):
        df.loc[0, "date"] = "Feb 2015"
        return df
    edit_csv(data_copy, "developments", bad)
    with pytest.raises(ValueError, match=r"developments.csv, row 2, column 'date': 'Feb 2015'"):
        compare.developments(mbc.load(data_copy))


def test_developments_follow_the_data(data_copy, edit_csv):
    def add(df):
        df.loc[len(df)] = {"date": "2024", "category": "targeted",
                           "field": "targeted", "development": "Exampleumab (Testa) approved by the US FDA for a test.",
                           "citation": "Doe J. A test. N Engl J Med 2024;390:1-2.",
                           "checked": "2026-11-30", "review_by": "2027-06-01"}
        return df
    edit_csv(data_copy, "developments", add)
    a = mbc.load(data_copy)
    dev = compare.developments(a)
    assert "Exampleumab" in set(dev["drug"]) and dev.set_index("drug").loc["Exampleumab", "when"] == "2024"
    assert any(line.startswith("2024: Exampleumab") for line in figures.currency_timeline_text(a).lines)
    assert "Exampleumab" in tables.developments_table(a).to_html()


def test_developments_table_says_it_is_not_from_the_texts(atlas):
    html = tables.developments_table(atlas).to_html()
    assert "NOT from the five texts" in html and f"covering up to {editors.covered(atlas)}" in html
    assert "T_compare-developments" in html


def test_currency_follows_sources_csv(atlas, data_copy, edit_csv):
    assert compare.currency_sentence(atlas).startswith("Only 1 of the 5 texts states a date: Johnson (2010) blog post")

    def undate(df):
        df.loc[df.source_id == "johnson_2010", ["dates", "dates_basis", "year_earliest", "year_latest"]] = \
            ["", "not stated", "", ""]
        return df
    edit_csv(data_copy, "sources", undate)
    a = mbc.load(data_copy)
    assert compare.currency_sentence(a).startswith("0 of the 5 texts state a date")
    assert "Johnson (2010) blog post: no date in the text." in figures.currency_timeline_text(a).lines


def test_currency_timeline_labels_every_development(atlas):
    fig = figures.currency_timeline(atlas)
    texts = [t.get_text() for t in fig.axes[0].texts]
    for r in compare.developments(atlas).to_dict("records"):
        assert f"{r['when']}: {r['drug']}" in texts
    assert any("NOT from the five texts" in t for t in texts)


# ------------------------------------------------------------------------------------------ the notebook

NB07 = ROOT / "notebooks" / "07_comparing_sources.ipynb"


def _outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            out.append("".join(data.get("text/html", "")) + "".join(data.get("text/plain", "")))
    return "\n".join(out)


def test_notebook_07_shows_every_disagreement_with_both_quotes(atlas):
    shown = _outputs(NB07)
    for d in mbc.disagreements(atlas).to_dict("records"):
        assert d["disagreement_id"] in shown, d["disagreement_id"]
        assert escape(d["summary"]) in shown, d["disagreement_id"]
        for side in ("a", "b"):
            assert escape(d[f"quote_{side}"]).replace("\n", "<br>") in shown, (d["disagreement_id"], side)
