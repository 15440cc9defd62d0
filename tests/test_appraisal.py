"""The appraisal checklist: reference answers follow sources.csv, and the summary follows the learner's inputs."""
import pytest

import mbc_atlas as mbc
from mbc_atlas import appraisal, figures, tables


def _met(atlas):
    r = appraisal.reference(atlas)
    return {b: sorted(r[(r.benchmark == b) & r.met]["source_id"]) for b in r["benchmark"].unique()}


def test_reference_answers_from_the_shipped_data(atlas):
    met = _met(atlas)
    assert met["authorship"] == ["johnson_2010"]          # only the blog post names its author
    assert met["attribution"] == ["johnson_2010"]         # only it names whom it quotes
    assert met["currency"] == ["johnson_2010"]            # the fact sheet's date is only inferred
    assert "standards_of_care" in met["disclosure"]       # "made possible by a grant from Celgene"
    assert "faslodex_site" not in met["disclosure"]       # the maker is not named: inferred


def test_reference_answers_are_exactly_the_stated_bases(atlas):
    src = mbc.sources(atlas).set_index("source_id")
    for rec in appraisal.reference(atlas).to_dict("records"):
        fact = appraisal.JAMA_BY_ID[rec["benchmark"]].fact
        assert rec["met"] == (src.loc[rec["source_id"], fact + "_basis"] == "stated")
        if rec["met"]:
            for part in src.loc[rec["source_id"], fact].split("; "):
                assert part in atlas.texts[rec["source_id"]] and part in rec["evidence"]


def test_reference_follows_sources_csv(data_copy, edit_csv):
    def date_it(df):
        df.loc[df.source_id == "standards_of_care", ["dates", "dates_basis"]] = \
            ["In 2012, the FDA also approved", "stated"]
        df.loc[df.source_id == "johnson_2010", ["author", "author_basis"]] = ["", "not stated"]
        return df
    edit_csv(data_copy, "sources", date_it)
    a = mbc.load(data_copy)
    met = _met(a)
    assert met["currency"] == ["johnson_2010", "standards_of_care"]
    assert met["authorship"] == []
    assert appraisal.reference_scores(a)["johnson_2010"] == 2
    assert "Johnson (2010) blog post: 2 of 4 benchmarks met" in figures.jama_reference_text(a)


def test_jama_score_and_discern_summary():
    assert appraisal.jama_score({}) == 0
    assert appraisal.jama_score({b.id: True for b in appraisal.JAMA}) == 4
    with pytest.raises(ValueError, match="unknown JAMA benchmark"):
        appraisal.jama_score({"honesty": True})
    s = appraisal.discern_summary({n: 5 for n in range(1, 17)})
    assert s == {"rated": 16, "reliability": 5.0, "treatment": 5.0, "overall": 5, "sum_1_15": 75}
    s = appraisal.discern_summary({1: 1, 2: 2, 9: None})
    assert s["rated"] == 2 and s["reliability"] == 1.5 and s["treatment"] is None and s["overall"] is None
    with pytest.raises(ValueError, match="1 to 5"):
        appraisal.discern_summary({1: 6})
    with pytest.raises(ValueError, match="questions 1 to 16"):
        appraisal.discern_summary({17: 3})


def test_discern_has_its_sixteen_questions_in_three_sections():
    assert [q.number for q in appraisal.DISCERN] == list(range(1, 17))
    assert [q.section for q in appraisal.DISCERN].count("reliability") == 8
    assert [q.section for q in appraisal.DISCERN].count("treatment") == 7
    assert appraisal.DISCERN[15].section == "overall"
    assert "shared decision-making" in appraisal.DISCERN[14].text
    assert "Charnock D, Shepperd S, Needham G, Gann R" in appraisal.DISCERN_CITATION
    assert "JAMA 1997;277:1244-5" in appraisal.JAMA_CITATION


def test_checklist_summary_follows_its_inputs(atlas):
    c = mbc.checklist(atlas)
    assert "JAMA benchmarks you ticked as met: 0 of 4" in c.summary.value
    c.jama["authorship"].value = True
    c.jama["currency"].value = True
    assert "ticked as met: 2 of 4 (Authorship, Currency)" in c.summary.value
    c.discern[1].value = 4
    c.discern[2].value = 2
    c.discern[16].value = 1
    assert "DISCERN questions rated: 3 of 16" in c.summary.value
    assert "section 1 (reliability), mean rating: 3.0" in c.summary.value
    assert "question 16): 1 (Low: serious or extensive shortcomings)" in c.summary.value
    c.jama["currency"].value = False
    assert "ticked as met: 1 of 4 (Authorship)" in c.summary.value


def test_checklist_compares_with_the_reference_on_click(atlas):
    c = mbc.checklist(atlas)
    c.source.value = "johnson_2010"
    c.jama["authorship"].value = True
    assert c.reference.value == ""                       # nothing shown before the learner asks
    c.compare_button.click()
    assert "you and the reference agree on 2 of 4 JAMA benchmarks" in c.reference.value
    assert "By Phyllis Johnson, Health Guide" in c.reference.value
    c.jama["attribution"].value = True
    c.jama["currency"].value = True
    assert "agree on 4 of 4" in c.reference.value        # stays open and follows the ticks


def test_checklist_keeps_answers_per_text(atlas):
    c = mbc.checklist(atlas)
    c.source.value = "faslodex_site"
    c.jama["disclosure"].value = True
    c.discern[6].value = 2
    c.source.value = "standards_of_care"
    assert c.jama["disclosure"].value is False and c.discern[6].value is None
    assert "Your appraisal of Standards of Care fact sheet" in c.summary.value
    c.source.value = "faslodex_site"
    assert c.jama["disclosure"].value is True and c.discern[6].value == 2
    ov = appraisal.overview(c.answers, atlas).set_index("source_id")
    assert ov.loc["faslodex_site", "your_jama"] == 1 and ov.loc["faslodex_site", "reference_jama"] == 0
    assert ov.loc["faslodex_site", "agree"] == 3 and ov.loc["faslodex_site", "discern_rated"] == 1
    assert "FASLODEX product site" in c.overview.value


def test_reference_figure_and_text(atlas):
    fig = figures.jama_reference(atlas)
    words = [t.get_text() for t in fig.axes[0].texts]
    r = appraisal.reference(atlas)
    assert sum(w.startswith("\u2714 yes") for w in words) == int(r["met"].sum())
    assert sum(w.startswith("\u2718 no") for w in words) == int((~r["met"]).sum())
    assert min(t.get_fontsize() for t in fig.axes[0].texts) >= 12
    assert len(figures.jama_reference_text(atlas).lines) == len(mbc.sources(atlas))


def test_reference_table_has_a_fixed_id(atlas):
    html = tables.jama_reference_table(atlas).to_html()
    assert "T_appraisal-reference" in html and "3 of 4" in html
