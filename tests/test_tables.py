"""Tables and answers follow the data; Stylers have fixed ids; every row names its source."""
import re

import pytest

import mbc_atlas as mbc
from mbc_atlas import compare, evidence, prose, tables


def load_with(data_copy, edit_csv, table, fn):
    edit_csv(data_copy, table, fn)
    return mbc.load(data_copy)


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


STYLERS = {
    "sources_table": lambda a: tables.sources_table(a),
    "categories_table": lambda a: tables.categories_table(a),
    "claims_table": lambda a: tables.claims_table("hormonal", atlas=a),
    "claims_table_group": lambda a: tables.claims_table(["radiation", "surgery"], group="spread", atlas=a),
    "evidence_overview": lambda a: tables.evidence_overview(a),
    "drugs_table": lambda a: tables.drugs_table("hormonal", a),
    "drug_classes_table": lambda a: tables.drug_classes_table("chemotherapy", a),
    "disagreement_table": lambda a: tables.disagreement_table("after_hormonal_stops", a),
    "glossary_table": lambda a: tables.glossary_table(atlas=a),
    "stances_table": lambda a: tables.stances_table(a),
}


@pytest.mark.parametrize("name", STYLERS)
def test_every_styler_renders_the_same_twice_with_a_fixed_id(atlas, name):
    first, second = STYLERS[name](atlas).to_html(), STYLERS[name](atlas).to_html()
    assert first == second
    assert re.search(r'id="T_[a-z0-9-]+"', first)


# ---------------------------------------------------------------------------------------- sources

def test_sources_table_has_a_row_per_source_and_marks_each_fact(atlas):
    df = tables.sources_table(atlas).data
    assert df["Source"].tolist() == mbc.sources(atlas)["short_name"].tolist()
    row = df.set_index("Source").loc["Standards of Care fact sheet"]
    assert row["Who paid"] == "\u201cThis fact sheet was made possible by a grant from Celgene.\u201d (stated in the text)"
    fas = df.set_index("Source").loc["FASLODEX product site"]
    assert fas["Who paid"].endswith("(inferred by the editors)")
    assert fas["Kind of publisher"] == "a drug maker's product page"


def test_sources_table_follows_the_data(data_copy, edit_csv):
    def change(df):
        df.loc[df["source_id"] == "frankly_speaking", "short_name"] = "Frankly (renamed)"
        df.loc[df["source_id"] == "frankly_speaking", ["publisher", "publisher_basis"]] = ["", "not stated"]
        return df
    a = load_with(data_copy, edit_csv, "sources", change)
    row = tables.sources_table(a).data.set_index("Source").loc["Frankly (renamed)"]
    assert row["Who wrote or published it"] == "not stated in the text"
    html = tables.sources_table(a).to_html()
    assert "font-style: italic" in html  # the remaining inferred facts are styled, not only labelled


def test_source_facts_and_fact_answer(data_copy, edit_csv, atlas):
    f = compare.source_facts("funding", atlas)
    assert set(f.columns) >= {"short_name", "value", "basis", "quote"}
    ans = prose.fact_answer("funding", atlas)
    assert "2 of the 5 texts state it" in ans and "grant from Celgene" in ans
    a = load_with(data_copy, edit_csv, "sources",
                  lambda df: df.assign(funding=df["funding"].where(df["source_id"] != "standards_of_care", ""),
                                       funding_basis=df["funding_basis"].where(df["source_id"] != "standards_of_care", "not stated")))
    ans = prose.fact_answer("funding", a)
    assert "1 of the 5 texts states it: Breastcancer.org." in ans and "Celgene" not in ans
    with pytest.raises(ValueError, match="unknown fact 'colour'"):
        compare.source_facts("colour", atlas)


def test_sources_sentence_lists_every_source(atlas):
    s = compare.sources_sentence(atlas)
    for name in mbc.sources(atlas)["short_name"]:
        assert name in s


# ---------------------------------------------------------------------------------------- categories, claims

def test_categories_table_and_scope_answers(data_copy, edit_csv, atlas):
    df = tables.categories_table(atlas).data
    assert df["Scope"].tolist() == mbc.categories(atlas)["scope"].tolist()
    assert "radiation therapy and surgery local" in evidence.scope_sentence(atlas)
    a = load_with(data_copy, edit_csv, "categories",
                  lambda df: df.assign(scope=df["scope"].where(df["category"] != "surgery", "systemic")))
    assert "surgery systemic" in evidence.scope_sentence(a)
    assert "Surgery" not in plain(prose.scope_answer("local", a)).split("“")[0]
    assert prose.scope_answer("nowhere", a) == "<p>The texts call no category nowhere.</p>"


def test_claims_table_shows_each_claim_once_with_its_source(atlas):
    df = tables.claims_table("hormonal", atlas=atlas).data
    c = mbc.claims(atlas)
    assert len(df) == (c["category"] == "hormonal").sum()
    assert set(df["Source"]) == {atlas.source_names[s] for s in c[c["category"] == "hormonal"]["source_id"]}
    labels = [x for x in df["Characteristic"] if x]
    assert len(labels) == len(set(labels)), "a characteristic's name shows once, at the top of its group"


def test_removing_a_claim_removes_its_row(data_copy, edit_csv, atlas):
    before = tables.claims_table("hormonal", atlas=atlas)
    a = load_with(data_copy, edit_csv, "statements", lambda df: df[df["statement_id"] != "fsp-01"])
    after = tables.claims_table("hormonal", atlas=a)
    assert len(after.data) == len(before.data) - 1
    assert "Frankly Speaking About Cancer" not in set(after.data["Source"])
    assert f"{len(after.data)} statements" in after.caption


def test_claims_table_filters_by_group_and_characteristic(atlas):
    spread = set(mbc.characteristics(atlas).query("group == 'spread'")["label"])
    df = tables.claims_table(["radiation", "surgery", "chemotherapy"], group="spread", atlas=atlas).data
    assert {x for x in df["Characteristic"] if x} <= spread
    df = tables.claims_table(about=["isolated_metastasis", "many_small_spots", "lymphangitic_spread"], atlas=atlas).data
    assert set(df["Category"]) == {"Surgery", "Radiation therapy", "Chemotherapy"}   # lymphangitic spread
    for bad, kw in (("kidney", {"about": "kidney"}), ("nope", {"group": "nope"}), ("dance", {"category": "dance"})):
        with pytest.raises(ValueError, match=bad):
            tables.claims_table(atlas=atlas, **kw)


def test_claims_answer_lists_what_the_claims_tie(data_copy, edit_csv, atlas):
    ans = prose.claims_answer("chemotherapy", source_id="breastcancer_org", stance="usually_recommended", atlas=atlas)
    assert plain(ans).startswith(" Hormone-receptor-negative, liver, lung")
    assert ans.count("<blockquote") == 1, "list items quoted heading-to-item collapse into the longest quote"
    drugs = prose.claims_answer("targeted", about="her2_positive", name="drugs", atlas=atlas)
    assert "Trastuzumab" in drugs and "lapatinib" in drugs
    a = load_with(data_copy, edit_csv, "statements", lambda df: df[df["statement_id"] != "soc-07"])
    assert "lapatinib" not in prose.claims_answer("targeted", about="her2_positive", name="drugs", atlas=a)
    assert "say nothing" in prose.claims_answer("surgery", about="liver", atlas=a)


def test_evidence_overview_counts_texts_and_names_the_silence(data_copy, edit_csv, atlas):
    df = tables.evidence_overview(atlas).data.set_index("Characteristic")
    assert df.loc["HER2-negative", "Note"] == "the sources say nothing about this"
    assert df.loc["Hormone-receptor-positive", "Hormonal therapy"] == "5"
    a = load_with(data_copy, edit_csv, "statements", lambda df: df[~df["conditions"].str.contains("spine")])
    df = tables.evidence_overview(a).data.set_index("Characteristic")
    assert df.loc["Spine", "Note"] == "the sources say nothing about this"
    assert "Spine" in evidence.silent_characteristics(a) and "Spine" in prose.silent_answer(a)
    assert evidence.silent_characteristics(atlas) == ["HER2-negative"]     # the task force's sentence names rapid progression


def test_stances_table_follows_the_ranking(atlas):
    df = tables.stances_table(atlas).data
    assert df["How the text puts it"].iloc[0] == mbc.stances(atlas)["label"].iloc[0]


# ---------------------------------------------------------------------------------------- drugs

def test_drugs_table_lists_the_category_with_sources(atlas):
    df = tables.drugs_table("hormonal", atlas).data.set_index("Generic name")
    assert list(df.index) == ["tamoxifen", "anastrozole", "letrozole", "exemestane", "fulvestrant"]
    assert "all aromatase inhibitors only work in postmenopausal women" in df.loc["letrozole", "Restriction in the texts"]
    assert "FASLODEX: FASLODEX product site" in df.loc["fulvestrant", "Brand as the texts write it"]
    assert df.loc["anastrozole", "Named by"] == "Breastcancer.org; Standards of Care fact sheet"


def test_renaming_a_brand_changes_the_table(data_copy, edit_csv):
    a = load_with(data_copy, edit_csv, "drugs", lambda df: df.assign(brand=df["brand"].replace({"Femara": "Femarra"})))
    row = tables.drugs_table("hormonal", a).data.set_index("Generic name").loc["letrozole"]
    assert row["Brand (correct spelling)"] == "Femarra"
    assert "Femara (misspelt: the brand is Femarra)" in row["Brand as the texts write it"]


def test_misspelt_brand_is_flagged_and_answered(data_copy, edit_csv, atlas):
    row = tables.drugs_table("targeted", atlas).data.set_index("Generic name").loc["everolimus"]
    assert "Affinitor (misspelt: the brand is Afinitor)" in row["Brand as the texts write it"]
    assert "writes Affinitor; the brand of everolimus is spelt Afinitor" in prose.spelling_answer("everolimus", atlas)
    a = load_with(data_copy, edit_csv, "drugs", lambda df: df.assign(brand=df["brand"].replace({"Afinitor": "Affinitor"})))
    assert "Every text that names it" in prose.spelling_answer("everolimus", a)
    with pytest.raises(ValueError, match="unknown drug"):
        prose.spelling_answer("aspirin", atlas)


def test_second_category_shows_where_a_text_files_a_drug(data_copy, edit_csv, atlas):
    df = tables.drugs_table("targeted", atlas).data.set_index("Generic name")
    assert "tamoxifen" in df.index and "first targeted therapy" in df.loc["tamoxifen", "Filed under"]
    a = load_with(data_copy, edit_csv, "drugs", lambda df: df.assign(
        second_category="", second_category_source_id="", second_category_quote=""))
    df = tables.drugs_table("targeted", a).data
    assert "tamoxifen" not in set(df["Generic name"]) and "Filed under" not in df.columns


def test_restricted_answer_follows_the_data(data_copy, edit_csv, atlas):
    ans = prose.restricted_answer("hormonal", "premenopausal", atlas)
    assert "restrict 4 of these drugs" in ans and "fulvestrant" in ans
    a = load_with(data_copy, edit_csv, "drugs", lambda df: df.assign(
        restricted_with=df["restricted_with"].where(df["generic"] != "fulvestrant", "")))
    ans = prose.restricted_answer("hormonal", "premenopausal", a)
    own = re.sub(r"<aside.*?</aside>", "", str(ans), flags=re.S)      # the editors' notes may name it
    assert "restrict 3 of these drugs" in own and "fulvestrant" not in own
    assert "restrict none" in prose.restricted_answer("chemotherapy", "premenopausal", a)


def test_drug_classes_and_the_class_note(data_copy, edit_csv, atlas):
    df = tables.drug_classes_table("chemotherapy", atlas).data.set_index("Class")
    assert {"taxane", "anthracycline"} <= set(df.index)
    cap = [k for k in df.index if "capecitabine" in df.loc[k, "Drugs (brand)"]][0]
    assert df.loc[cap, "Class named by"] == "the editors (the texts do not say)"
    assert "not an anthracycline" in df.loc[cap, "Editors' note"]
    assert "or capecitabine (Xeloda)" in prose.class_note_answer("chemotherapy", atlas)
    a = load_with(data_copy, edit_csv, "drugs", lambda df: df.assign(class_source="text"))
    assert "the editors" not in " ".join(tables.drug_classes_table("chemotherapy", a).data["Class named by"])
    assert "every one" in prose.class_note_answer("chemotherapy", a)
    with pytest.raises(ValueError, match="unknown category"):
        tables.drugs_table("herbal", atlas)


# ---------------------------------------------------------------------------------------- disagreements

def test_disagreement_table_sets_both_sides_side_by_side(data_copy, edit_csv, atlas):
    st = tables.disagreement_table("after_hormonal_stops", atlas)
    assert list(st.data.columns) == ["", "Breastcancer.org", "FASLODEX product site"]
    kinds = st.data.set_index("").loc["Kind of publisher"]
    assert kinds["FASLODEX product site"] == "a drug maker's product page"
    assert st.caption == mbc.disagreements(atlas).set_index("disagreement_id").loc["after_hormonal_stops", "summary"]
    a = load_with(data_copy, edit_csv, "sources", lambda df: df.assign(
        publisher_kind=df["publisher_kind"].replace({"a drug maker's product page": "an advertisement"})))
    assert tables.disagreement_table("after_hormonal_stops", a).data.set_index("").loc[
        "Kind of publisher", "FASLODEX product site"] == "an advertisement"
    assert "an advertisement" in prose.disagreement_answer("after_hormonal_stops", a)
    with pytest.raises(ValueError, match="unknown disagreement 'x'; valid: after_hormonal_stops"):
        evidence.disagreement("x", atlas)


# ---------------------------------------------------------------------------------------- glossary

def test_glossary_table_names_the_sources_and_follows_search(atlas):
    df = tables.glossary_table(atlas=atlas).data
    assert len(df) == len(mbc.glossary(atlas=atlas))
    assert tables.glossary_table("biopsy", atlas).data["Term"].tolist() == mbc.glossary("biopsy", atlas)["term"].tolist()
    df = tables.glossary_table(terms=["palliative", "curative"], atlas=atlas).data.set_index("Term")
    assert list(df.index) == ["palliative", "curative"] and "Johnson (2010) blog post" in df.loc["palliative", "Used by"]
    with pytest.raises(ValueError, match="unknown term"):
        tables.glossary_table(terms=["zebra"], atlas=atlas)


def test_glossary_browser_shows_what_the_learner_types(data_copy, edit_csv, atlas):
    box = mbc.glossary_browser(atlas)
    assert "Type a word" in box.results.value
    box.search.value = "biopsy"
    assert "pathology report" in box.results.value and "2 terms" in box.results.value
    box.search.value = "zebra"
    assert "No term or meaning contains \u201czebra\u201d" in box.results.value
    box.search.value = "  "
    assert "Type a word" in box.results.value
    a = load_with(data_copy, edit_csv, "glossary", lambda df: df.assign(
        definition=df["definition"].where(df["term"] != "biopsy", "Taking a sample of zebra tissue.")))
    box = mbc.glossary_browser(a)
    box.search.value = "zebra"
    assert "Taking a sample of zebra tissue." in box.results.value


def test_term_in_context_quotes_a_real_sentence_of_each_text(atlas):
    ctx = evidence.term_in_context("HER2", atlas)
    used = mbc.glossary(atlas=atlas).set_index("term").loc["HER2", "source_ids"].split(";")
    assert set(ctx["source_id"]) == set(used)
    for sid, q in zip(ctx["source_id"], ctx["quote"]):
        assert q in atlas.texts[sid] and "her2" in q.lower()
    ans = prose.term_answer("palliative", atlas)
    assert "palliative in intent" in ans and "Used by 1 of the 5 texts" in ans
    with pytest.raises(ValueError, match="unknown term"):
        evidence.term_in_context("zebra", atlas)


def test_claims_frame_names_unknown_ids(atlas):
    with pytest.raises(ValueError, match=r"unknown category \['herbal'\]; valid: hormonal"):
        evidence.claims_frame("herbal", atlas=atlas)
    with pytest.raises(ValueError, match=r"unknown characteristic \['kidney'\]; valid: hr_positive"):
        evidence.claims_frame(about=["liver", "kidney"], atlas=atlas)
