"""Statements with their conditions: an answer holds for the whole selection.

The table below is worked out from the texts by hand, one reason a row; ``answer()`` must agree with it.
"""
import pytest
from hypothesis import example, given, settings, strategies as st

import mbc_atlas as mbc
from mbc_atlas.query import DOES_NOT_FIT, FITS, TIERS, WOULD_FIT

CH = mbc.characteristics()
ONE = {g: list(p["characteristic"]) for g, p in CH[CH["choose"] == "one"].groupby("group", sort=False)}
ANY = list(CH.loc[CH["choose"] == "any", "characteristic"])

# selection -> (categories that must be asserted, categories that must NOT be asserted), with the reason
COMBINATIONS = [
    (["hr_negative", "postmenopausal"], {"chemotherapy"}, {"hormonal", "targeted"},
     "Breastcancer.org: chemotherapy for receptor-negative; every hormonal and everolimus statement needs receptor-positive"),
    (["hr_negative", "premenopausal"], {"chemotherapy"}, {"hormonal"},
     "tamoxifen 'before menopause' sits in a paragraph on receptor-positive cancer"),
    (["hr_negative", "progressed_on_hormonal"], {"chemotherapy"}, {"hormonal"},
     "FASLODEX after antiestrogen therapy is for receptor-positive cancer only"),
    (["postmenopausal"], set(), {"hormonal", "targeted"},
     "every statement on menopause also needs receptor-positive cancer: it would fit, it is not asserted"),
    (["premenopausal"], set(), {"hormonal"}, "as above, before menopause"),
    (["hr_positive"], {"hormonal"}, {"chemotherapy"},
     "five texts tie hormonal therapy to receptor-positive cancer; the blog's 'with or instead of chemotherapy' is no statement about chemotherapy"),
    (["hr_positive", "postmenopausal"], {"hormonal", "targeted"}, {"chemotherapy"},
     "aromatase inhibitors and everolimus (with hormone therapy) after menopause"),
    (["hr_positive", "premenopausal"], {"hormonal"}, {"targeted", "chemotherapy"},
     "tamoxifen before and after menopause; everolimus is described for postmenopausal women only"),
    (["hr_positive", "premenopausal", "bone"], {"hormonal"}, {"chemotherapy", "surgery", "radiation"},
     "radiation is for pain from bone metastases: without the pain chosen it would fit, it is not asserted"),
    (["bone", "painful_metastasis"], {"radiation"}, {"surgery", "chemotherapy"},
     "FASLODEX: 'pain due to bone metastases'; the blog: 'reducing pain from bone mets'"),
    (["breast_chest_wall"], {"radiation"}, {"surgery"},
     "FASLODEX: radiation for tumors in the breast or chest wall; surgery only 'to remove painful breast tissue'"),
    (["breast_chest_wall", "painful_metastasis"], {"radiation", "surgery"}, {"chemotherapy"},
     "with the pain chosen, surgery to remove painful breast tissue fits too (in selected patients)"),
    (["hr_positive", "postmenopausal", "progressed_on_hormonal"], {"hormonal", "chemotherapy", "targeted"}, set(),
     "FASLODEX after antiestrogen therapy; Breastcancer.org: chemotherapy when growing despite hormonal therapies"),
    (["hr_unknown"], {"hormonal"}, {"chemotherapy"},
     "Breastcancer.org: try hormonal therapy when receptor status is unknown and a biopsy is difficult"),
    (["hr_unknown", "postmenopausal"], {"hormonal"}, {"targeted"},
     "unknown contradicts nothing: the receptor-positive statements would fit, and only the unknown-status one fits"),
    (["her2_positive"], {"targeted", "chemotherapy"}, {"hormonal"},
     "trastuzumab, lapatinib, pertuzumab; a chemotherapy drug plus trastuzumab"),
    (["her2_negative"], set(), {"targeted", "chemotherapy", "hormonal"}, "the sources say nothing about HER2-negative"),
    (["her2_negative", "hr_positive", "postmenopausal"], {"hormonal", "targeted"}, {"chemotherapy"},
     "everolimus is targeted therapy given with hormone therapy; no HER2 statement fits"),
    (["liver"], {"chemotherapy"}, {"radiation", "surgery"}, "Breastcancer.org: chemotherapy when the cancer is in the liver"),
    (["lung"], {"surgery"}, {"chemotherapy"},
     "chemotherapy only for spread throughout the lung tissue; FASLODEX: surgery for lung metastases in selected patients"),
    (["lung", "lymphangitic_spread"], {"chemotherapy", "surgery"}, {"radiation"},
     "lymphangitic spread: chemotherapy (Breastcancer.org); no text ties radiation to spread throughout the lung tissue"),
    (["lung", "many_small_spots"], {"radiation", "surgery"}, {"chemotherapy"},
     "many tiny dots in the organ: radiation (the blog); chemotherapy only for spread throughout the lung tissue"),
    (["brain"], {"radiation", "surgery"}, {"chemotherapy"}, "FASLODEX: radiation most commonly, surgery in selected patients"),
    (["bone"], set(), {"radiation", "surgery", "chemotherapy"}, "radiation for the pain from bone metastases, not chosen"),
    (["spine"], {"surgery"}, {"radiation"}, "surgery for metastases in the spinal column"),
    (["isolated_metastasis"], {"surgery"}, {"radiation"}, "the blog: surgery when the tumor is isolated and accessible"),
    (["rapid_progression"], {"chemotherapy"}, {"hormonal", "targeted"},
     "the task force prefers single-agent chemotherapy for women WITHOUT rapid progression: combination chemotherapy "
     "for women with it is implied (and shown as implied)"),
    (["progressed_on_trastuzumab"], {"chemotherapy"}, {"targeted"}, "Breastcancer.org: growing in spite of Herceptin"),
    (["hormonal_unlikely_to_work"], {"chemotherapy"}, {"hormonal"},
     "FASLODEX: chemotherapy if the cancer will not adequately respond to hormonal treatment"),
    (["prior_response_to_hormonal", "hr_negative"], {"hormonal", "chemotherapy"}, set(),
     "Breastcancer.org's list gives a past good response as an alternative of its own, not joined to receptor status"),
]


@pytest.mark.parametrize("ids,must,must_not,reason", COMBINATIONS, ids=[" + ".join(c[0]) for c in COMBINATIONS])
def test_answer_agrees_with_the_table_worked_out_from_the_texts(atlas, ids, must, must_not, reason):
    assert len(COMBINATIONS) >= 20
    asserted = {c.category for c in mbc.answer(ids, atlas).associated}
    assert must <= asserted, reason
    assert not (must_not & asserted), reason


def test_receptor_negative_after_menopause_keeps_hormonal_therapy_apart(atlas):
    a = mbc.answer(["hr_negative", "postmenopausal"], atlas)
    hormonal = next(c for c in a.categories if c.category == "hormonal")
    assert not hormonal.fits and hormonal.does_not_fit
    for p in hormonal.does_not_fit:
        assert [(x.needs, x.chosen) for x in p.contradicted] == [("hr_positive", "hr_negative")]
    assert a.grid.loc["postmenopausal"].sum() == 0 and a.grid.loc["hr_negative", "chemotherapy"] == 1


def test_unknown_contradicts_nothing(atlas):
    a = mbc.answer(["hr_unknown", "postmenopausal"], atlas)
    aromatase = [p for p in a.placed(WOULD_FIT) if p.statement.statement_id == "soc-05"]
    assert aromatase and aromatase[0].missing == ("hr_positive",)
    assert not a.placed(DOES_NOT_FIT)


def test_a_statement_that_needs_unknown_status_does_not_fit_a_known_one(atlas):
    a = mbc.answer(["hr_positive", "premenopausal"], atlas)
    assert not any(p.statement.statement_id == "bco-03" for p in a.placed(FITS))


@pytest.mark.parametrize("ids,drug,flagged", [
    (["her2_negative"], "trastuzumab", True),
    (["her2_negative"], "lapatinib", True),
    (["her2_negative"], "pertuzumab", True),
    (["her2_negative"], "docetaxel", False),      # the fact sheet lists it among chemotherapy drugs, unconditionally
    (["hr_negative"], "tamoxifen", True),
    (["hr_negative"], "letrozole", True),
    (["hr_negative"], "fulvestrant", True),
    (["premenopausal"], "anastrozole", True),     # the text's own words: only after menopause
    (["premenopausal"], "fulvestrant", True),
    (["premenopausal"], "everolimus", True),      # described for postmenopausal women only
    (["premenopausal", "hr_positive"], "tamoxifen", False),
    (["hr_positive", "postmenopausal"], "letrozole", False),
])
def test_drugs_follow_the_same_rule(atlas, ids, drug, flagged):
    notes = {d.generic: d for d in mbc.answer(ids, atlas).drugs}
    assert (drug in notes and bool(notes[drug].restricted)) == flagged
    if flagged and not notes[drug].restriction_quote:
        assert notes[drug].contradicted_by and set(notes[drug].contradicted_by) <= set(ids)


# -- properties, for any valid selection -------------------------------------------------------------

@st.composite
def selections(draw):
    ids = [draw(st.sampled_from([None, *members])) for members in ONE.values()]
    ids += draw(st.lists(st.sampled_from(ANY), unique=True, max_size=5))
    return [i for i in ids if i]


@settings(max_examples=150, deadline=None)
@given(selections())
def test_no_asserted_category_rests_only_on_contradicted_statements(ids):
    a = mbc.answer(ids)
    chosen = set(a.selection)
    for c in a.associated:
        assert c.fits
        for p in c.fits:
            assert set(p.statement.conditions) <= chosen and not p.contradicted


@settings(max_examples=150, deadline=None)
@given(selections(), st.data())
def test_adding_a_characteristic_from_an_unnamed_group_never_removes_a_fitting_statement(ids, data):
    a = mbc.answer(ids)
    fitting = {p.statement.statement_id for p in a.placed(FITS)}
    named_groups = {CH.set_index("characteristic").loc[c, "group"] for p in a.placed(FITS) for c in p.statement.conditions}
    free = [c for c in ANY if c not in ids] + [m for g, members in ONE.items() if g not in named_groups
                                               and not set(members) & set(ids) for m in members]
    if not free:
        return
    extra = data.draw(st.sampled_from(free))
    after = {p.statement.statement_id for p in mbc.answer([*ids, extra]).placed(FITS)}
    assert fitting <= after


@settings(max_examples=150, deadline=None)
@given(selections())
def test_every_statement_naming_a_choice_lands_in_exactly_one_tier(ids):
    a = mbc.answer(ids)
    every = {p.statement.statement_id: p for p in mbc.placements(ids)}
    naming = {s.statement_id for s in mbc.statements() if set(s.conditions) & set(a.selection)}
    assert set(every) == naming
    placed = [p.statement.statement_id for t in TIERS for p in a.placed(t)]
    assert len(placed) == len(set(placed)) and set(placed) <= naming
    shown = {(p.statement.source_id, p.statement.quote): TIERS.index(p.tier) for t in TIERS for p in a.placed(t)}
    for sid in naming - set(placed):   # the same words of a text, shown once in their best tier
        p = every[sid]
        assert shown[(p.statement.source_id, p.statement.quote)] < TIERS.index(p.tier), sid
    for p in a.placed(WOULD_FIT):
        assert p.missing and not p.contradicted
    for p in a.placed(DOES_NOT_FIT):
        assert p.contradicted
    assert a.grid.to_numpy().sum() <= len(a.placed(FITS)) * max(1, len(a.selection))


# -- the data decisions, kept --------------------------------------------------------------------------

def test_one_statement_for_the_faslodex_sentence_with_its_corroboration(atlas):
    s = {s.statement_id: s for s in mbc.statements(atlas)}
    assert "fas-09" not in s and "fas-07" not in s
    assert s["fas-06"].also_quote.startswith("FASLODEX is a prescription medicine used to treat")


def test_dropped_readings_stay_dropped(atlas):
    ids = set(atlas["statements"]["statement_id"])
    assert not {"jon-01", "jon-05"} & ids      # regimen sentence and "with or instead of chemotherapy"


def test_the_spread_throughout_an_organ_disagreement(atlas):
    d = mbc.disagreements(atlas).set_index("disagreement_id").loc["many_spots_or_throughout"]
    assert (d["characteristic"], d["source_a"], d["source_b"]) == ("many_small_spots;lymphangitic_spread",
                                                                   "breastcancer_org", "johnson_2010")
    for either in ("many_small_spots", "lymphangitic_spread"):     # found from either toggle
        assert "many_spots_or_throughout" in {x.disagreement_id for x in mbc.answer([either], atlas).disagreements}


def test_publisher_kind_is_marked_as_inferred(atlas):
    src = mbc.sources(atlas).set_index("source_id")
    assert src.loc["johnson_2010", "publisher_kind_basis"] == "inferred"


def test_the_date_sentence_comes_from_the_data(atlas, data_copy, edit_csv):
    assert "three are undated" in mbc.compare.dates_sentence(atlas)
    edit_csv(data_copy, "sources", lambda df: df.assign(dates="", dates_basis="not stated", year_earliest="",
                                                         year_latest=""))
    assert mbc.compare.dates_sentence(mbc.load(data_copy)) == "Of the five texts, five are undated."
    for path in ("README.md", "docs/instructor_guide.md"):
        from tests.conftest import ROOT
        assert mbc.compare.dates_sentence(atlas) in (ROOT / path).read_text(encoding="utf-8").replace("\n> ", " ")


# -- the checker ------------------------------------------------------------------------------------

def problems(folder):
    with pytest.raises(mbc.DataError) as err:
        mbc.load(folder)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize("conditions,expected", [
    ("hr_positive;hr_negative", "'hr_positive' and 'hr_negative' contradict each other: group 'receptor'"),
    ("hr_positive;kidney", "column 'conditions': unknown characteristic 'kidney'"),
    ("bone;bone", "column 'conditions': 'bone' is listed twice"),
    ("", "column 'conditions': is empty but required"),
])
def test_the_checker_names_bad_conditions(data_copy, edit_csv, conditions, expected):
    def change(df):
        df.loc[2, "conditions"] = conditions
        return df
    edit_csv(data_copy, "statements", change)
    found = problems(data_copy)
    assert any(f.startswith("statements.csv, row 4, ") and expected in f for f in found), found


def test_a_context_that_is_not_verbatim_is_named(data_copy, edit_csv):
    def change(df):
        i = df.index[df["statement_id"] == "soc-05"][0]
        df.loc[i, "context"] = df.loc[i, "context"].replace("many drugs", "several drugs")
        return df
    edit_csv(data_copy, "statements", change)
    found = problems(data_copy)
    assert len(found) == 1 and "column 'context': not found verbatim in sources/standards_of_care.txt" in found[0]


def test_the_comparison_says_when_a_tie_holds_only_with_more(atlas):
    """Notebook 07's matrix is a survey of ties, not an answer: a tie that holds only together with other
    characteristics says so, so that it is not read as an association of the characteristic alone."""
    m = mbc.compare.matrix(atlas).set_index(["characteristic", "category", "source_id"])
    assert m.loc[("postmenopausal", "hormonal", "standards_of_care"), "stance"] == "used for; only with hormone-receptor-positive"
    assert m.loc[("lung", "chemotherapy", "breastcancer_org"), "stance"].endswith(
        "only with spread throughout the lung tissue")
    assert "only with" not in m.loc[("hr_positive", "hormonal", "frankly_speaking"), "stance"]


# selection -> {category: (texts behind it, {chosen characteristic: texts whose fitting statement names it})}
SPEAKS = [
    (["hr_positive", "progressed_on_hormonal", "liver"],
     {"hormonal": (5, {"hr_positive": 5}), "chemotherapy": (1, {"liver": 1, "progressed_on_hormonal": 1})},
     "no hormonal text names progression or the liver; Breastcancer.org's chemotherapy list names both"),
    (["her2_positive", "progressed_on_trastuzumab"],
     {"chemotherapy": (3, {"her2_positive": 2, "progressed_on_trastuzumab": 1}), "targeted": (4, {"her2_positive": 4})},
     "no targeted-therapy text speaks of growth after trastuzumab"),
    (["hormonal_unlikely_to_work", "hr_positive"],
     {"hormonal": (5, {"hr_positive": 5}), "chemotherapy": (1, {"hormonal_unlikely_to_work": 1})},
     "the hormonal texts are about receptor-positive cancer, not about hormonal therapy thought unlikely to work"),
    (["rapid_progression"], {"chemotherapy": (1, {"rapid_progression": 1})}, "the task force, implied"),
    (["hr_positive", "postmenopausal"],
     {"hormonal": (5, {"hr_positive": 5, "postmenopausal": 2}), "targeted": (1, {"hr_positive": 1, "postmenopausal": 1})},
     "aromatase inhibitors and FASLODEX name menopause; everolimus names both"),
    (["hr_positive", "premenopausal"], {"hormonal": (5, {"hr_positive": 5, "premenopausal": 2})},
     "tamoxifen before menopause; FASLODEX: the choice depends on it"),
    (["hr_negative", "liver"], {"chemotherapy": (1, {"hr_negative": 1, "liver": 1})}, "one list names both"),
    (["hr_positive", "postmenopausal", "progressed_on_hormonal"],
     {"hormonal": (5, {"hr_positive": 5, "postmenopausal": 2, "progressed_on_hormonal": 1}),
      "chemotherapy": (1, {"progressed_on_hormonal": 1}), "targeted": (1, {"hr_positive": 1, "postmenopausal": 1})},
     "only FASLODEX names the whole selection"),
    (["brain", "isolated_metastasis"],
     {"radiation": (1, {"brain": 1}), "surgery": (2, {"brain": 1, "isolated_metastasis": 1})},
     "radiation's one text names the brain, not a single reachable tumour"),
    (["lung", "lymphangitic_spread"], {"chemotherapy": (1, {"lung": 1, "lymphangitic_spread": 1}),
                                       "surgery": (1, {"lung": 1})}, "lymphangitic spread: chemotherapy"),
    (["lung", "many_small_spots"], {"radiation": (1, {"many_small_spots": 1}), "surgery": (1, {"lung": 1})},
     "many tiny dots: radiation, not named for the lung"),
    (["bone", "painful_metastasis"], {"radiation": (2, {"bone": 2, "painful_metastasis": 2})}, "both name the pain"),
    (["hr_positive", "bone"], {"hormonal": (5, {"hr_positive": 5})}, "no hormonal text names bone"),
    (["hr_unknown"], {"hormonal": (1, {"hr_unknown": 1})}, "try hormonal therapy, with a qualifier"),
    (["her2_positive"], {"chemotherapy": (2, {"her2_positive": 2}), "targeted": (4, {"her2_positive": 4})}, "one choice"),
    (["hr_negative", "postmenopausal"], {"chemotherapy": (1, {"hr_negative": 1})}, "menopause is not named"),
    (["prior_response_to_hormonal", "hr_negative"],
     {"hormonal": (1, {"prior_response_to_hormonal": 1}), "chemotherapy": (1, {"hr_negative": 1})},
     "two items of two lists, each naming one choice"),
    (["breast_chest_wall", "painful_metastasis"],
     {"radiation": (1, {"breast_chest_wall": 1}), "surgery": (1, {"breast_chest_wall": 1, "painful_metastasis": 1})},
     "radiation names the breast or chest wall; surgery the painful breast tissue"),
    (["spine", "brain"], {"radiation": (1, {"brain": 1}), "surgery": (1, {"brain": 1, "spine": 1})}, "one surgery text"),
    (["liver", "lung"], {"chemotherapy": (1, {"liver": 1}), "surgery": (1, {"lung": 1})},
     "chemotherapy is not named for any lung metastasis"),
    (["hr_positive", "her2_negative", "postmenopausal", "bone"],
     {"hormonal": (5, {"hr_positive": 5, "postmenopausal": 2}), "targeted": (1, {"hr_positive": 1, "postmenopausal": 1})},
     "HER2-negative and bone are named by no fitting statement"),
    (["rapid_progression", "liver"], {"chemotherapy": (2, {"liver": 1, "rapid_progression": 1})},
     "two texts, each about one of the two"),
]


@pytest.mark.parametrize("ids,expected,reason", SPEAKS, ids=[" + ".join(c[0]) for c in SPEAKS])
def test_what_each_category_speaks_to(atlas, ids, expected, reason):
    assert len(SPEAKS) >= 20
    a = mbc.answer(ids, atlas)
    got = {c.category: (len(c.sources), {k: len(v) for k, v in c.speaks_to}) for c in a.associated}
    assert got == expected, reason


def test_the_headline_counts_a_text_only_for_what_it_names():
    from mbc_atlas.render.answer import render
    from mbc_atlas.render.html import visible_text

    said = visible_text(str(render(["hr_positive", "progressed_on_hormonal", "liver"]).summary))
    assert "Hormonal therapy \u2014 5 texts, about hormone-receptor-positive only." in said
    assert "Chemotherapy \u2014 1 text, about liver and grew despite hormonal therapy only." in said
    assert "whole selection" not in said
    said = visible_text(str(render(["hr_positive", "postmenopausal", "bone", "progressed_on_hormonal"]).html()))
    assert ("Hormonal therapy \u2014 5 texts, about hormone-receptor-positive; 2 about postmenopausal; 1 about grew "
            "despite hormonal therapy; none about bone.") in said
    assert "Of these 5 texts" not in said                       # replaced, not said twice
    assert "Chemotherapy \u2014 1 text, about rapid progression or urgent symptoms, only implied." in visible_text(
        str(render(["rapid_progression"]).summary))
    assert "Surgery \u2014 1 text, about brain, with a qualifier." in visible_text(str(render(["brain"]).summary))
    assert "Surgery \u2014 1 text, about lung and spine, with a qualifier." in visible_text(
        str(render(["spine", "lung"]).summary))


@settings(max_examples=150, deadline=None)
@given(selections())
@example(["brain", "lung"])     # one text, two statements: surgery for brain and for lung metastases
def test_speaks_to_is_what_the_fitting_statements_name_and_silence_is_real(ids):
    a = mbc.answer(ids)
    named = {c for s in mbc.statements() for c in s.conditions} | {
        c for d in mbc.disagreements()["characteristic"] for c in d.split(";")}
    for c in a.associated:
        conds = {x for p in c.fits for x in p.statement.conditions}
        assert {k for k, _ in c.speaks_to} <= set(a.selection) & conds
        for k, ids_ in c.speaks_to:
            assert set(ids_) == {p.statement.source_id for p in c.fits if k in p.statement.conditions}
        assert set(c.speaks_to_none) == set(a.selection) - conds
        if c.speaks_to_all:     # every text behind it names every chosen characteristic, in one statement or more
            assert all(set(a.selection) <= {x for p in c.fits if p.statement.source_id == src
                                            for x in p.statement.conditions} for src in c.sources)
    for s in a.silent:
        assert s not in named


@settings(max_examples=60, deadline=None)
@given(selections())
def test_each_editors_note_appears_at_most_once_in_an_answer(ids):
    import re

    from mbc_atlas.render.answer import render
    shown = re.findall(r'data-note="([^"]+)"', str(render(ids).html()))
    assert len(shown) == len(set(shown))


def test_drugs_carry_their_tier(atlas):
    notes = {d.generic: d for d in mbc.answer(["hr_positive", "postmenopausal"], atlas).drugs}
    assert notes["letrozole"].tier == "fits" and notes["everolimus"].tier == "fits"
    assert {notes[g].tier for g in ("trastuzumab", "lapatinib", "pertuzumab")} == {"category"}
    from mbc_atlas.render.answer import render
    from mbc_atlas.render.html import visible_text
    text = visible_text(str(render(["hr_positive", "postmenopausal"], atlas).answer))
    mine = text.split("Drugs the texts name for your selection")[1].split("but in no statement that fits")[0]
    assert "letrozole" in mine and "trastuzumab" not in mine
