"""The public face in docs/contract.md, and the clear answers it gives to bad input."""
import pytest

import mbc_atlas as mbc


def test_public_face_columns(atlas):
    assert {"source_id"} <= set(mbc.sources(atlas).columns) and len(mbc.sources(atlas)) == 5
    assert {"characteristic", "group", "label"} <= set(mbc.characteristics(atlas).columns)
    assert {"claim_id", "source_id", "characteristic", "category", "quote"} <= set(mbc.claims(atlas).columns)
    assert {"generic", "brand", "category", "source_ids"} <= set(mbc.drugs(atlas).columns)
    a = mbc.associations(["hr_positive", "liver"], atlas)
    assert list(a.columns[:4]) == ["characteristic", "category", "source_id", "stance"]
    assert {"quote"} <= set(a.columns)


def test_associations_return_the_claims_for_the_selection(atlas):
    a = mbc.associations(["hr_positive", "liver"], atlas)
    c = mbc.claims(atlas)
    assert set(a["claim_id"]) == set(c[c["characteristic"].isin(["hr_positive", "liver"])]["claim_id"])
    assert a["characteristic"].tolist() == sorted(a["characteristic"], key=["hr_positive", "liver"].index)


def test_associations_accept_a_single_id_and_ignore_repeats(atlas):
    assert len(mbc.associations("liver", atlas)) == len(mbc.associations(["liver", "liver"], atlas))


def test_unknown_id_is_named_with_the_valid_ids(atlas):
    with pytest.raises(ValueError) as err:
        mbc.associations(["hr_positive", "kidney"], atlas)
    msg = str(err.value)
    assert "'kidney'" in msg and "hr_positive" in msg and "spine" in msg


def test_any_iterable_of_ids_is_read_once(atlas):
    assert mbc.answer((c for c in ["liver", "hr_positive"]), atlas).selection == ("hr_positive", "liver")
    gen = mbc.associations((c for c in ["hr_positive", "liver"]), atlas)
    assert gen.equals(mbc.associations(["hr_positive", "liver"], atlas)) and len(gen)
    assert mbc.validate_selection({"liver", "bone"}, atlas) == mbc.validate_selection(("bone", "liver"), atlas)


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"liver", {"hr_positive": False}, ["liver", 7]])
@pytest.mark.parametrize("function", [mbc.answer, mbc.associations, mbc.validate_selection])
def test_what_is_not_a_selection_says_what_is(atlas, function, bad):
    with pytest.raises(TypeError, match="a list, tuple or set of characteristic ids, or one id as a string"):
        function(bad, atlas)


def test_many_unknown_ids_give_a_short_message(atlas):
    with pytest.raises(ValueError) as err:
        mbc.answer([f"kidney{i}" for i in range(100_000)] + ["x" * 10_000], atlas)
    msg = str(err.value)
    assert len(msg) < 1000, len(msg)
    assert msg.startswith("unknown characteristic(s): 'kidney0', 'kidney1', 'kidney2', 'kidney3', 'kidney4' "
                          "and 99996 more; see mbc.characteristics() for the valid ids: hr_positive, ")
    assert "spine" in msg


@pytest.mark.parametrize("pair,group", [
    (["hr_positive", "hr_negative"], "receptor"),
    (["hr_unknown", "hr_positive"], "receptor"),
    (["her2_positive", "her2_negative"], "her2"),
    (["premenopausal", "postmenopausal"], "menopause"),
])
def test_two_ids_of_a_one_choice_group_name_the_group(atlas, pair, group):
    with pytest.raises(ValueError, match=f"group '{group}'"):
        mbc.associations(pair, atlas)


def test_many_ids_of_an_any_group_are_fine(atlas):
    assert mbc.validate_selection(["spine", "bone", "brain", "liver", "lung", "breast_chest_wall"], atlas)[0] == "bone"


def test_her2_negative_is_silent(atlas):
    assert mbc.associations(["her2_negative"], atlas).empty
    assert mbc.answer(["her2_negative", "bone"], atlas).silent == ("her2_negative",)


def test_returned_frames_are_copies(atlas):
    mine = mbc.claims(atlas)
    mine.loc[0, "quote"] = "changed"
    assert mbc.claims(atlas).loc[0, "quote"] != "changed"


def test_drugs_carry_sources_and_spellings(atlas):
    d = mbc.drugs(atlas).set_index("generic")
    assert d.loc["tamoxifen", "source_ids"].split(";") == [
        "breastcancer_org", "faslodex_site", "johnson_2010", "standards_of_care"]
    assert d.loc["tamoxifen", "second_category"] == "targeted"
    assert d.loc["everolimus", "brand"] == "Afinitor" and d.loc["everolimus", "brand_as_written"] == "Affinitor"
    assert d.loc["letrozole", "restricted_with"] == "premenopausal"


def test_passages_by_topic_and_unknown_topic(atlas):
    assert set(mbc.passages("goal", atlas)["topic"]) == {"goal"}
    with pytest.raises(ValueError, match="unknown topic 'goals'.*goal"):
        mbc.passages("goals", atlas)


def test_glossary_search(atlas):
    assert "lymphangitic spread" in mbc.glossary("lung", atlas)["term"].tolist()
    assert mbc.glossary("zzz", atlas).empty


def test_answer_counts_texts_not_claims(atlas):
    a = mbc.answer(["hr_positive"], atlas)
    hormonal = next(c for c in a.categories if c.category == "hormonal")
    assert len(hormonal.sources) == 5 and len(hormonal.fits) > 5
    assert a.grid.loc["hr_positive", "hormonal"] == 5
    assert hormonal.stances[0] == "first treatment of choice"


def test_answer_marks_drugs_the_texts_restrict(atlas):
    pre = {d.generic: d for d in mbc.answer(["premenopausal"], atlas).drugs}
    assert pre["letrozole"].restricted and "after menopause" in pre["letrozole"].restricted
    assert pre["letrozole"].restriction_quote in atlas.texts[pre["letrozole"].restriction_source_id]
    assert "tamoxifen" not in pre          # neither restricted nor in an associated category
    post = {d.generic: d for d in mbc.answer(["postmenopausal"], atlas).drugs}
    assert "letrozole" not in post or not post["letrozole"].restricted


def test_answer_brings_the_disagreement(atlas):
    a = mbc.answer(["progressed_on_hormonal"], atlas)
    assert [d.disagreement_id for d in a.disagreements] == ["after_hormonal_stops"]
    # chemotherapy fits on its own; FASLODEX's hormonal statement needs receptor-positive, after menopause too
    assert {c.category for c in a.associated} == {"chemotherapy"}
    assert [(p.statement.statement_id, p.missing) for p in a.placed("would_fit")] == [
        ("fas-06", ("hr_positive", "postmenopausal"))]


def test_empty_selection(atlas):
    a = mbc.answer([], atlas)
    assert a.associated == [] and a.silent == () and a.grid.empty
