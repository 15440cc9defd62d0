"""The unfolding case (notebook 11, data/case_steps.csv): each step's key is the explorer's answer for the step's whole
selection, split as the self-check's cases are; a broken row is named by check with its file, row and column; every
editors' row is cited, dated and due for review; and the lesson runs on any data that check passes."""
import re
from html import unescape

import nbformat
import pytest
from nbclient import NotebookClient

import mbc_atlas as mbc
from mbc_atlas.analysis import quiz, unfolding
from mbc_atlas.schema import CJMM_STEPS

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "11_unfolding_case.ipynb"


def found(folder):
    return [str(p) for p in mbc.check(folder)]


# -- the keys hold for the whole selection at each step -------------------------------------------------------

def test_each_step_key_is_the_explorers_answer_for_the_whole_selection(atlas):
    for s in unfolding.steps(atlas):
        ans = mbc.answer(list(s.selection), atlas)
        item = unfolding.step_item(s.step, atlas)
        associated = {c.category for c in ans.associated}
        assert set(item.key) | set(item.optional) == (associated or {quiz.NONE}), s.step
        assert (item.key, item.optional_why) == quiz.case_key(ans, atlas), s.step
        for c in ans.associated:       # every text counted for a category has a statement that fits the whole step
            fitting = {p.statement.source_id for p in c.fits}
            assert set(c.sources) <= fitting, (s.step, c.category)
            for p in c.fits:
                assert set(p.statement.conditions) <= set(s.selection), (s.step, p.statement.statement_id)
            assert {ch for ch, _ in c.speaks_to} <= set(s.selection)


def test_the_shipped_case_teaches_what_it_says(atlas):
    """The story the lesson tells: the texts turn from radiation (painful bone spread) to hormonal therapy once the
    pain is controlled, and to chemotherapy when the cancer grows in the liver despite hormonal therapy."""
    keys = {s.step: sorted(unfolding.step_item(s.step, atlas).key) for s in unfolding.steps(atlas)}
    assert keys["presentation"] == keys["rebiopsy"] == ["radiation"]
    assert keys["first-line"] == ["hormonal"] and keys["growth"] == ["chemotherapy"]
    growth = unfolding.step_item("growth", atlas)
    assert "hormonal" in growth.optional and "liver" in dict(growth.optional_why)["hormonal"]
    assert [s.cjmm_step for s in unfolding.steps(atlas)] == list(CJMM_STEPS)


def test_a_step_that_changes_nothing_the_texts_describe_repeats_no_question(atlas):
    assert [it.id for it in unfolding.items(atlas)] == ["presentation", "rebiopsy", "first-line", "growth"]
    assert unfolding.same_as("priorities", atlas).step == "rebiopsy"
    assert unfolding.same_as("fever", atlas).step == "first-line" and unfolding.same_as("growth", atlas) is None


def test_a_key_follows_an_edit_to_the_texts_statements(data_copy, edit_csv, atlas):
    before = unfolding.step_item("growth", atlas)
    assert "chemotherapy" in before.key
    edit_csv(data_copy, "statements", lambda df: df[~((df["category"] == "chemotherapy")
                                                      & df["conditions"].str.contains("liver"))])
    after = unfolding.step_item("growth", mbc.load(data_copy))
    # no statement about the liver is left, so the liver no longer decides what the step requires
    assert after.key != before.key and "hormonal" in after.key and "hormonal" in before.optional


# -- check names a broken row ------------------------------------------------------------------------------------

@pytest.mark.parametrize("column,value,says", [
    ("selection", "hr_positive;hr_negative;bone", "'hr_positive' and 'hr_negative' contradict each other"),
    ("selection", "hr_positive;bones", "'bones'"),
    ("passages", "side_effects-99", "quotes passage 'side_effects-99', which passages.csv does not have"),
    ("cjmm_step", "assess", "'assess'"),
    ("citation", "", "is empty but required"),
    ("review_by", "next year", "YYYY-MM-DD"),
])
def test_a_broken_case_row_is_named_with_file_row_and_column(data_copy, edit_csv, column, value, says):
    def change(df):
        df.loc[1, column] = value
        return df
    edit_csv(data_copy, "case_steps", change)
    mine = [p for p in found(data_copy) if p.startswith(f"case_steps.csv, row 3, column '{column}'")]
    assert mine and any(says in p for p in mine), found(data_copy)


def test_a_step_the_lesson_shows_may_not_be_deleted(data_copy, edit_csv):
    edit_csv(data_copy, "case_steps", lambda df: df[df["step"] != "fever"])
    assert any("notebook 11 cites case step fever, which case_steps.csv no longer has" in p for p in found(data_copy))


def test_the_shipped_case_passes_check(atlas):
    assert not [p for p in mbc.check() if p.file == "case_steps.csv"]


# -- the editors' voice ------------------------------------------------------------------------------------------

def test_every_editors_row_is_cited_dated_and_due_for_review(atlas):
    from mbc_atlas.analysis import editors
    assert "case_steps" in editors.EDITORS_TABLES
    for s in unfolding.steps(atlas):
        assert s.citation and re.search(r"\b(19|20)\d\d\b", s.citation), s.step
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", s.checked) and s.review_by > s.checked, s.step
        for words in (s.model_answer, s.note):
            assert not editors.doses_in(words), (s.step, editors.doses_in(words))
            assert not re.search(r"\bshe should (get|receive|take)\b", words, re.I), s.step


def test_the_answers_fence_the_editors_and_quote_the_texts(atlas):
    from mbc_atlas.render import unfolding as view
    for s in unfolding.steps(atlas):
        shown = unescape(view.answers_html(s.step, atlas))
        texts, editors_part = shown.split("Show the model answer", 1)
        assert s.model_answer not in texts and s.note not in texts
        assert editors_part.count('<aside class="mbc-editors"') == 2 and "not from the" in editors_part
        assert "The texts' answer:" in texts and "<blockquote" in texts
        for p in s.passages:
            assert atlas["passages"].set_index("passage_id").loc[p, "quote"][:40] in texts


# -- the widget and the lesson -----------------------------------------------------------------------------------

def test_the_widget_grades_a_step_as_the_self_check_does(atlas):
    case = mbc.unfolding_case(atlas)
    q = case.show("growth")
    q.choices["hormonal"].value = True
    q.button.click()
    assert q.result is False and "You left out: Chemotherapy" in q.feedback.value
    q.choices["hormonal"].value, q.choices["chemotherapy"].value = False, True
    q.button.click()
    assert q.result is True and "1 of 4 right" in case.score.value
    assert "same as" not in case.show("fever").data and "step 4" in case.show("fever").data
    with pytest.raises(ValueError, match="'nope'"):
        case.show("nope")


def test_the_lesson_runs_on_an_edited_case(data_copy, edit_csv, monkeypatch):
    """Data that check passes runs the lesson: here every step's selection is changed to one the texts are silent
    about, one step quotes no passage, and a step's title has characters that need escaping."""
    def change(df):
        df["selection"] = "her2_negative"
        df.loc[0, "passages"] = ""
        df.loc[2, "title"] = "<b>Pain</b> & priorities"
        return df
    edit_csv(data_copy, "case_steps", change)
    assert not [p for p in mbc.check(data_copy) if p.file == "case_steps.csv"]
    monkeypatch.setenv("MBC_ATLAS_DATA", str(data_copy))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    shown = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))
    assert "&lt;b&gt;Pain&lt;/b&gt; &amp; priorities" in shown and "<b>Pain</b>" not in shown
    assert "the sources say nothing about this" in shown.lower()


# -- the rule of the key, in plain words, step by step ----------------------------------------------------------

def test_each_step_says_in_plain_words_the_rule_its_key_applies(atlas):
    """Every optional category is named with its reason, and a category optional because its texts are silent is
    named with the characteristics its texts do name (no text counted for one it does not name)."""
    for s in unfolding.steps(atlas):
        item = unfolding.step_item(s.step, atlas)
        words = unfolding.grading_words(s.step, atlas)
        assert words[0] in item.explanation.intro, s.step
        ans = mbc.answer(list(s.selection), atlas)
        for cat in ans.associated:
            label = atlas.category_labels[cat.category]
            said = [w for w in words if w.startswith(f"{label} is optional")]
            assert bool(said) == (cat.category in item.optional), (s.step, cat.category)
            if said and ("name \u201c" in said[0] or "names \u201c" in said[0]):
                named, text = [c for c, _ in cat.speaks_to], said[0].split(", which fit Ruth")[0]
                shown = [c for c in s.selection if f"\u201c{mbc_lower(atlas.labels[c])}\u201d" in text]
                assert sorted(shown) == sorted(named), (s.step, cat.category, shown, named)
    rebiopsy = " ".join(unfolding.grading_words("rebiopsy", atlas))
    assert "Hormonal therapy is optional here" in rebiopsy and "It becomes needed at step 4" in rebiopsy


def mbc_lower(label):
    from mbc_atlas.words import lower_first
    return lower_first(label)


def test_a_title_ending_in_a_question_mark_gets_no_full_stop(atlas):
    from mbc_atlas.render import unfolding as view
    shown = unescape(view.story_html("priorities", atlas))
    assert "What comes first?." not in shown and "What comes first?" in shown


def test_the_model_answer_at_growth_names_the_texts_answer_it_contrasts_with(atlas):
    item = unfolding.step_item("growth", atlas)
    answer_words = unfolding.step("growth", atlas).model_answer
    for label in item.key_labels:
        assert f"texts' answer at this step is {label.lower()}" in answer_words
