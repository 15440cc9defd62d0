"""The appraisal checklist: reference answers follow sources.csv, and the summary follows the learner's inputs."""
import pytest

import mbc_atlas as mbc
from mbc_atlas import appraisal, figures, tables


def _met(atlas, level="met"):
    r = appraisal.reference(atlas)
    return {b: sorted(r[(r.benchmark == b) & (r.level == level)]["source_id"]) for b in r["benchmark"].unique()}


def test_reference_answers_from_the_shipped_data(atlas):
    met, partly = _met(atlas), _met(atlas, "partly")
    assert met["authorship"] == []                        # a name without affiliation or credentials is not enough
    assert partly["authorship"] == ["johnson_2010"]       # "By Phyllis Johnson, Health Guide"
    assert met["attribution"] == []                       # naming a task force and the NCI is not a reference
    assert partly["attribution"] == ["johnson_2010"]
    assert met["currency"] == ["johnson_2010"]            # the fact sheet's date is only inferred
    assert met["disclosure"] == ["breastcancer_org"]      # owner and funding both stated
    assert partly["disclosure"] == ["standards_of_care"]  # "a grant from Celgene", but no publisher named
    assert "faslodex_site" not in met["disclosure"] + partly["disclosure"]   # the maker is not named: inferred
    assert appraisal.reference_scores(atlas).to_dict() == {
        "breastcancer_org": 1, "faslodex_site": 0, "frankly_speaking": 0, "standards_of_care": 0, "johnson_2010": 1}


def test_reference_answers_follow_the_stated_bases_and_the_shortfalls(atlas):
    src = mbc.sources(atlas).set_index("source_id")
    for rec in appraisal.reference(atlas).to_dict("records"):
        fact = appraisal.JAMA_BY_ID[rec["benchmark"]].fact
        stated = src.loc[rec["source_id"], fact + "_basis"] == "stated"
        assert rec["met"] == (rec["level"] == "met")
        assert (rec["level"] != "not met") == stated          # nothing inferred or unstated counts, even in part
        assert (rec["level"] == "partly") == bool(rec["shortfall"])
        if stated:
            for part in src.loc[rec["source_id"], fact].split("; "):
                assert part in atlas.texts[rec["source_id"]] and part in rec["evidence"]
        if rec["shortfall"]:
            assert rec["evidence"].endswith(f"only in part: {rec['shortfall']}.")


def test_every_shortfall_still_matches_the_words_it_judges(atlas):
    # a judgement about words that sources.csv no longer states would lapse silently: catch it here
    src = mbc.sources(atlas).set_index("source_id")
    for (sid, benchmark), s in appraisal.SHORTFALLS.items():
        fact = appraisal.JAMA_BY_ID[benchmark].fact
        assert src.loc[sid, fact + "_basis"] == "stated" and src.loc[sid, fact] == s.words, (sid, benchmark)
        assert all(part in atlas.texts[sid] for part in s.words.split("; "))


def test_reference_follows_sources_csv(data_copy, edit_csv):
    def edit(df):
        df.loc[df.source_id == "standards_of_care", ["dates", "dates_basis"]] = \
            ["In 2012, the FDA also approved", "stated"]
        df.loc[df.source_id == "standards_of_care", ["publisher", "publisher_basis"]] = ["Celgene", "stated"]
        df.loc[df.source_id == "johnson_2010", ["author", "author_basis"]] = ["", "not stated"]
        df.loc[df.source_id == "johnson_2010", "cites"] = "National Cancer Institute"   # other words: judgement lapses
        return df
    edit_csv(data_copy, "sources", edit)
    a = mbc.load(data_copy)
    met, partly = _met(a), _met(a, "partly")
    assert met["currency"] == ["johnson_2010", "standards_of_care"]
    assert met["authorship"] == [] and partly["authorship"] == []
    assert met["attribution"] == ["johnson_2010"]
    assert met["disclosure"] == ["breastcancer_org", "standards_of_care"]     # ownership now stated too
    assert appraisal.reference_scores(a)["johnson_2010"] == 2
    assert appraisal.reference_scores(a)["standards_of_care"] == 2
    assert "Johnson (2010) blog post: 2 of 4 benchmarks met" in figures.jama_reference_text(a)
    assert appraisal.reference_sentence(a).startswith(
        "By the reference answers, no text meets more than 2 of the 4 JAMA benchmarks (Standards of Care fact "
        "sheet and Johnson (2010) blog post meet 2)")
    assert "only in part" not in appraisal.reference_sentence(a)


def test_reference_sentence_says_what_counts_and_what_is_partly_met(atlas):
    s = appraisal.reference_sentence(atlas)
    assert "meets the most" not in s
    assert "no text meets more than 1 of the 4 JAMA benchmarks" in s
    assert "Johnson (2010) blog post (authorship and attribution)" in s
    assert "Standards of Care fact sheet (disclosure)" in s


def test_jama_score_and_discern_summary():
    assert appraisal.jama_score({}) == 0
    assert appraisal.jama_score({b.id: True for b in appraisal.JAMA}) == 4
    with pytest.raises(ValueError, match="unknown JAMA benchmark"):
        appraisal.jama_score({"honesty": True})
    s = appraisal.discern_summary({n: 5 for n in range(1, 17)})
    assert s == {"rated": 16, "reliability": 5.0, "treatment": 5.0, "overall": 5, "sum_1_15": 75, "not_rated": []}
    s = appraisal.discern_summary({1: 2, 2: 1, 9: None})
    assert s["rated"] == 2 and s["reliability"] == 1.5 and s["treatment"] is None and s["overall"] is None
    # DISCERN: no clear aims (question 1 rated 1) -> question 2 is not rated, and a rating given to it is left out
    s = appraisal.discern_summary({1: 1, 2: 4, 3: 3})
    assert s["not_rated"] == [2] and s["rated"] == 2 and s["reliability"] == 2.0 and s["sum_1_15"] == 4
    assert "question 1 is rated 1" in appraisal.discern_not_rated({1: 1})[2]
    assert appraisal.discern_not_rated({1: 2}) == {} and appraisal.discern_not_rated({}) == {}
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
    c.jama["authorship"].value = True                    # a name is not authorship: the reference says partly, no
    assert c.reference.value == ""                       # nothing shown before the learner asks
    c.compare_button.click()
    assert "you and the reference agree on 2 of 4 JAMA benchmarks" in c.reference.value
    assert "By Phyllis Johnson, Health Guide" in c.reference.value
    assert "no affiliation or credentials" in c.reference.value
    c.jama["authorship"].value = False
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
    assert "T_appraisal-reference" in html and "1 of 4" in html and "3 of 4" not in html
    assert "only in part: it names whom it quotes" in html


def _worked(atlas):
    rows = atlas["discern_worked"]
    return {sid: {int(q): int(v) for q, v in zip(g["question"], g["score"])}
            for sid, g in rows.groupby("source_id")}


def test_worked_discern_rating_follows_discerns_own_rules(atlas):
    worked = _worked(atlas)
    assert worked, "the collection ships a worked DISCERN rating"
    for sid, scores in worked.items():
        skipped = appraisal.discern_not_rated(scores)
        assert not set(skipped) & set(scores), f"{sid}: rates a question DISCERN says is not rated"
        missing = set(range(1, 17)) - set(scores) - set(skipped)
        assert not missing, f"{sid}: questions {sorted(missing)} neither rated nor skipped by a DISCERN rule"
    soc = worked["standards_of_care"]
    assert soc[1] == 1 and 2 not in soc                   # no aim is stated, so question 2 is not rated
    assert soc[15] <= 2                                   # a disclaimer's one line is little support


def test_worked_discern_reasons_match_their_scores(atlas):
    rows = atlas["discern_worked"]
    soc = rows[rows.source_id == "standards_of_care"].set_index("question")
    assert "no aim is stated" in soc.loc["1", "reason"].lower()
    # DISCERN question 10 is not concerned with the size of a benefit or who benefits most
    assert "how much" not in soc.loc["10", "reason"] and "not how large" in soc.loc["10", "reason"]
    assert "disclaimer" in soc.loc["15", "reason"]


def test_worked_rating_shows_a_skipped_question_and_why(atlas):
    from mbc_atlas.render.editors import discern_worked_html
    shown = str(discern_worked_html("standards_of_care", atlas))
    assert "2. Does it achieve its aims?</strong> Not rated: question 1 is rated 1" in shown
    assert shown.index("1. Are the aims clear?") < shown.index("2. Does it achieve") < shown.index("3. Is it relevant?")
