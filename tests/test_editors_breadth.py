"""The editors' layer as wide as today's practice: every drug class a since-then box names has its nursing notes
and pharmacology, the drugs only the editors name stay out of the texts' drug lists, each subtype has its section
where a learner meets it, and every editors' row is cited to a primary source."""
import json
import re

import pytest

import mbc_atlas as mbc
from mbc_atlas.analysis import editors
from mbc_atlas.render.answer import render, scenario_html
from mbc_atlas.render.editors import nursing_html, selection_html
from mbc_atlas.render.html import visible_text

from .conftest import ROOT
from .test_editors import FENCE, problems

# International nonproprietary names of anticancer drugs end in one of these stems (-ciclib, -lisib, -mab, ...).
_DRUG_NAME = re.compile(r"\b[a-z]+(?:ciclib|lisib|sertib|parib|tinib|nib|strant|mab|relin|limus|tecan|tansine|"
                        r"deruxtecan|ronate|ronic acid|fene|fen|zole|stane|taxel|rubicin|citabine)\b", re.IGNORECASE)


def _named_drugs(text: str) -> set[str]:
    return {m.group(0).lower() for m in _DRUG_NAME.finditer(text)}


def _unfiled(atlas) -> dict[str, str]:
    """Each drug a since-then box names that neither drug table lists, with the development naming it."""
    known = {g.lower() for t in ("drugs", "editors_drugs") for g in atlas[t]["generic"]}
    known |= {w for g in known for w in g.split() if _DRUG_NAME.fullmatch(w)}   # "trastuzumab" in "... emtansine"
    return {d: dev[:60] for dev in atlas["developments"]["development"] for d in _named_drugs(dev) - known}


def test_every_drug_a_since_then_box_names_has_nursing_notes_in_all_aspects(atlas, data_copy, edit_csv):
    assert _unfiled(atlas) == {}
    for cls in set(atlas["editors_drugs"]["drug_class"]) - set(mbc.drugs(atlas)["nursing_class"]):
        assert list(editors.nursing_notes(cls, atlas)["aspect"]) == list(editors.NURSING_ASPECTS), cls
        assert editors.pharmacology(cls, atlas)["how_it_works"], cls
    # a new development naming a drug without nursing content is caught
    def add(df):
        df.loc[len(df)] = {**df.iloc[-1].to_dict(), "development": "Zanidatamab approved for HER2-positive disease."}
        return df
    edit_csv(data_copy, "developments", add)
    assert list(_unfiled(mbc.load(data_copy))) == ["zanidatamab"]
    # and a class the editors name without all ten aspects is refused with its place
    edit_csv(data_copy, "nursing_notes", lambda df: df[~((df["drug_class"] == "CDK4/6 inhibitor")
                                                         & (df["aspect"] == "interactions"))])
    assert any(f.startswith("editors_drugs.csv, row 2, column 'drug_class': nursing_notes.csv has no interactions "
                            "for 'CDK4/6 inhibitor'") for f in problems(data_copy))


def test_the_drugs_only_the_editors_name_stay_out_of_the_texts_lists(atlas, data_copy, edit_csv):
    named = set(atlas["editors_drugs"]["generic"])
    assert {"palbociclib", "fam-trastuzumab deruxtecan", "pembrolizumab", "denosumab"} <= named
    assert not named & set(mbc.drugs(atlas)["generic"])
    # the answer's own words (outside the editors' fenced boxes) name only the texts' drugs
    answer = re.sub(r'<aside class="mbc-editors".*?</aside>', "", str(render(["hr_positive", "postmenopausal"]).answer),
                    flags=re.DOTALL)
    assert "letrozole" in visible_text(answer) and "palbociclib" not in visible_text(answer)
    def add(df):
        df.loc[len(df)] = {**df.iloc[0].to_dict(), "generic": "tamoxifen"}
        return df
    edit_csv(data_copy, "editors_drugs", add)
    assert any("editors_drugs.csv, row " in f and "'tamoxifen' is a drug the texts name" in f for f in problems(data_copy))


@pytest.mark.parametrize("category", ["hormonal", "chemotherapy", "targeted", "radiation"])
def test_each_lesson_shows_the_editors_classes_apart_from_the_texts(atlas, category):
    box = nursing_html(category, atlas)
    text = visible_text(box)
    for cls, rows in editors.editors_drugs(category, atlas):
        assert f'data-class="{cls}"' in box
        for r in rows:
            assert r["generic"] in text and r["citation"] in text
    texts_classes = [c for c, _ in editors.nursing_classes(category, atlas)]
    for cls, _rows in editors.editors_drugs(category, atlas):
        heading = re.search(rf'data-class="{re.escape(cls)}"[^>]*><summary[^>]*><h4[^>]*>([^<]*)<', str(box)).group(1)
        assert ("a class the texts do not name" in heading) == (cls not in texts_classes), heading
    assert "Named by the editors, not by the texts:" in text


# -- how treatment is chosen today, per subtype -----------------------------------------------------------------

SUBTYPES = {"hr_positive_her2_negative": (["hr_positive", "her2_negative"], "02_hormonal_therapy", "ESR1"),
            "her2_positive": (["her2_positive"], "04_targeted_therapy", "trastuzumab deruxtecan"),
            "triple_negative": (["hr_negative", "her2_negative"], "03_chemotherapy", "PD-L1")}


@pytest.mark.parametrize("subtype", SUBTYPES)
def test_each_subtype_has_all_three_parts_each_sentence_cited(atlas, subtype):
    rows = editors.subtype_rows(subtype, atlas)
    assert list(dict.fromkeys(rows["part"])) == list(editors.SUBTYPE_PARTS)
    assert editors.subtypes(atlas)[subtype]["characteristics"] == SUBTYPES[subtype][0]
    assert (rows["citation"] != "").all()
    assert SUBTYPES[subtype][2] in " ".join(rows["note"])


@pytest.mark.parametrize("subtype", SUBTYPES)
def test_the_lesson_where_a_learner_meets_a_subtype_shows_its_section(subtype):
    nb = json.loads((ROOT / "notebooks" / f"{SUBTYPES[subtype][1]}.ipynb").read_text(encoding="utf-8"))
    html = "".join("".join(o.get("data", {}).get("text/html", "")) for c in nb["cells"] if c["cell_type"] == "code"
                   for o in c.get("outputs", []))
    assert f'data-kind="subtype" data-note="{subtype}"' in html


@pytest.mark.parametrize("subtype", SUBTYPES)
def test_the_explorer_shows_a_subtype_section_once_for_its_whole_selection(atlas, subtype):
    chosen = SUBTYPES[subtype][0]
    text = visible_text(scenario_html([*chosen, "liver"]))
    first = editors.subtype_rows(subtype, atlas)["note"].iloc[0]
    assert text.count(first) == 1 and FENCE in text
    if len(chosen) > 1:        # part of the subtype is not the subtype
        assert first not in visible_text(scenario_html([chosen[0], "liver"]))
    assert f'data-note="{subtype}"' not in selection_html(["bone"], atlas)


def test_the_site_shows_each_subtype_section_for_its_selection(atlas):
    from mbc_atlas.render.offline import explorer_data
    boxes = {b["html"].split('data-note="')[1].split('"')[0]: b["characteristics"]
             for b in explorer_data(atlas)["for_selection"]}
    for subtype, (chosen, _, _) in SUBTYPES.items():
        assert boxes[subtype] == chosen


def test_check_refuses_a_selection_that_cannot_hold_together(data_copy, edit_csv):
    def change(df):
        df.loc[0, "characteristics"] = "hr_positive;hr_negative"
        return df
    edit_csv(data_copy, "subtypes", change)
    assert any(f.startswith("subtypes.csv, row 2, column 'characteristics': 'hr_positive' and 'hr_negative' "
                            "contradict each other") for f in problems(data_copy))


# -- the rules of the editors' voice, for every row ---------------------------------------------------------------

# A primary source names a label, a guideline or an agency's statement, a regulator's record or a published trial; a
# web page, a drug-information site or the news does not. A press release (the maker's own word on its own approval or
# withdrawal) may stand beside a primary source, never alone.
_PRIMARY = re.compile(r"prescribing information|label|guideline|consensus|standard|statement|NIOSH|Federal Register|"
                      r"FDA|EMA|NICE|ASCO|ESMO|NCCN|MASCC|ASTRO|ONS\b|World Health Organization|\b(19|20)\d\d;\s*\d+|"
                      r"doi:|N Engl J Med|Lancet|J Clin Oncol|Ann Oncol|DISCERN", re.IGNORECASE)
_SECONDARY = re.compile(r"https?://|www\.|wikipedia|drugs\.com|medscape|medlineplus|webmd|breastcancer\.org|"
                        r"cancer\.org|onclive|healio|targetedonc|fiercepharma|seeking ?alpha", re.IGNORECASE)
_RELEASE = re.compile(r"(press|news) release", re.IGNORECASE)


def _primary(cite: str) -> bool:
    parts = cite.split("; ")
    return (not any(_SECONDARY.search(p) for p in parts)
            and any(_PRIMARY.search(p) and not _RELEASE.search(p) for p in parts))


def test_every_editors_citation_names_a_primary_source(atlas):
    for name in editors.EDITORS_TABLES:
        for row, cite in enumerate(atlas[name]["citation"] if "citation" in atlas[name] else (), start=2):
            assert _primary(cite), f"{name}.csv row {row}: {cite[:120]}"
    assert not _primary("https://www.drugs.com/pro/ibrance.html") and not _primary("A blog post about CDK4/6 drugs")
    assert not _primary("Pfizer. FDA approves IBRANCE. Press release, 3 February 2015")
    assert _primary("IBRANCE (palbociclib) capsules, Pfizer, US prescribing information (revised 09/2025)")
