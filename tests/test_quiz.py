"""Notebook 08's self-check: every answer key is computed from the data (change a claim, the key follows), and
the widgets give the right feedback when answered right and wrong (set .value, click, read .value)."""
import pytest

import mbc_atlas as mbc
from mbc_atlas import quiz
from mbc_atlas.render import answer as answer_view
from mbc_atlas.render.feedback import explanation_html, feedback_html
from mbc_atlas.render.html import visible_text

from .conftest import ROOT


def _answer(widget, values):
    """Choose ``values`` in a question widget, as a learner would."""
    if widget.item.kind == "single":
        (value,) = values
        widget.choices.value = value
    else:
        for v, cb in widget.choices.items():
            cb.value = v in values


# ------------------------------------------------------------------------------------------ keys from the data

def test_every_case_key_is_mbc_answer_split_into_required_and_optional(atlas):
    for case in quiz.CASES:
        item = quiz.case_item(case.id, atlas)
        associated = {c.category for c in mbc.answer(list(case.selection), atlas).associated}
        assert (set(item.key) | item.optional) - {quiz.NONE} == associated, case.id
        assert not set(item.key) & item.optional and set(dict(item.optional_why)) == item.optional, case.id


# What each case requires, and why a category is only optional: its support does not speak to what makes the
# case this case (its course, its places of spread), or rests only on an approval a text reports.
CASE_KEYS = [
    ("case_after_tamoxifen", {"hormonal", "chemotherapy"}, {"targeted": "approval"}),
    ("case_her2_after_trastuzumab", {"chemotherapy"}, {"targeted": "do not speak to grew despite trastuzumab"}),
    ("case_premenopausal_bone", {"hormonal"}, {}),        # radiation needs pain from bone metastases
    ("case_negative_liver", {"chemotherapy"}, {}),
    ("case_single_brain", {"surgery"}, {"radiation": "does not speak to a single, reachable metastasis"}),
    ("case_her2_negative", {"hormonal"}, {"targeted": "approval"}),
]


@pytest.mark.parametrize("case_id,required,optional", CASE_KEYS)
def test_a_case_requires_only_what_its_texts_speak_to(atlas, case_id, required, optional):
    item = quiz.case_item(case_id, atlas)
    assert set(item.key) == required and item.optional == set(optional)
    for value, why in item.optional_why:
        assert optional[value] in why, (value, why)
    assert quiz.grade(item, required) and quiz.grade(item, required | set(optional))
    feedback = feedback_html(item, required, atlas)
    assert "Right" in feedback and all(optional[v] in feedback for v in optional)


def test_a_qualified_or_implied_category_is_optional(data_copy, edit_csv):
    def qualify(df):
        df.loc[df.statement_id == "jon-08", "qualifier"] = "accessible for surgery"
        return df
    edit_csv(data_copy, "statements", qualify)
    a = mbc.load(data_copy)
    item = quiz.case_item("case_single_brain", a)
    assert "surgery" in item.optional and "limit it with words no choice here sets" in dict(item.optional_why)["surgery"]
    assert item.key == frozenset() and quiz.grade(item, {"surgery"}) and not quiz.grade(item, {quiz.NONE})
    assert "none is needed" in feedback_html(item, {"surgery"}, a)


def test_case_selections_are_valid_and_the_stories_are_distinct(atlas):
    for case in quiz.CASES:
        assert mbc.validate_selection(list(case.selection), atlas) == sorted(
            case.selection, key=list(mbc.characteristics(atlas)["characteristic"]).index)
    assert len({c.story for c in quiz.CASES}) == len(quiz.CASES)


def test_question_keys_from_the_shipped_data(atlas):
    key = lambda q: set(quiz.question(q, atlas).key)
    assert key("her2_positive_categories") == {c.category for c in mbc.answer(["her2_positive"], atlas).associated}
    assert key("her2_negative_categories") == {quiz.NONE}          # the sources say nothing about it
    assert key("radiation_scope") == {"local"}
    assert key("systemic_categories") == {"hormonal", "chemotherapy", "targeted"}
    assert key("maker_after_antiestrogen") == {"hormonal"}
    assert key("tamoxifen_second_category") == {"standards_of_care"}
    assert {"anastrozole", "letrozole", "exemestane"} <= key("only_after_menopause")
    assert key("who_paid") == set(mbc.sources(atlas).query("funding_basis == 'stated'")["source_id"])


def test_keys_follow_a_changed_claim(data_copy, edit_csv):
    """Move the FASLODEX page's claims about growth after hormonal therapy to chemotherapy, and tie HER2-negative
    cancer to chemotherapy: the keys of the questions and of the cases follow."""
    def change(df):
        df.loc[df.statement_id == "fas-06", "category"] = "chemotherapy"
        df.loc[df.statement_id == "bco-06", "conditions"] = "her2_negative"
        return df
    edit_csv(data_copy, "statements", change)
    a = mbc.load(data_copy)
    assert set(quiz.question("maker_after_antiestrogen", a).key) == {"chemotherapy"}
    assert set(quiz.question("her2_negative_categories", a).key) == {"chemotherapy"}
    assert "chemotherapy" in quiz.case_item("case_her2_negative", a).key
    md = quiz.answer_key_markdown(a)
    assert "`hr_positive, her2_negative, postmenopausal, bone` | Hormonal therapy (" in md
    assert "Chemotherapy (Breastcancer.org)" in md


def test_keys_follow_drugs_categories_and_sources(data_copy, edit_csv):
    def restrict(df):
        df.loc[df.generic == "capecitabine", ["restricted_with", "restriction", "restriction_source_id",
                                              "restriction_quote"]] = \
            ["premenopausal", "a test restriction", "standards_of_care", "epirubicin (Ellence) or capecitabine (Xeloda)"]
        df.loc[df.generic == "tamoxifen", ["second_category", "second_category_source_id", "second_category_quote"]] = ""
        return df

    def rescope(df):
        df.loc[df.category == "radiation", "scope"] = "systemic"
        return df

    def unfund(df):
        df.loc[df.source_id == "breastcancer_org", ["funding", "funding_basis"]] = ["", "not stated"]
        return df
    edit_csv(data_copy, "drugs", restrict)
    edit_csv(data_copy, "categories", rescope)
    edit_csv(data_copy, "sources", unfund)
    a = mbc.load(data_copy)
    assert "capecitabine" in quiz.question("only_after_menopause", a).key
    assert set(quiz.question("tamoxifen_second_category", a).key) == {quiz.NONE}
    assert set(quiz.question("radiation_scope", a).key) == {"systemic"}
    assert "radiation" in quiz.question("systemic_categories", a).key
    assert set(quiz.question("who_paid", a).key) == {"standards_of_care"}


def test_every_option_list_contains_the_key(atlas):
    for it in quiz.items(atlas):
        values = [v for _, v in it.options]
        assert set(it.key) <= set(values), it.id
        assert len(values) == len(set(values)), it.id
        assert it.kind in ("single", "multiple") and (it.kind == "multiple" or len(it.key) == 1)


def test_every_explanation_quotes_a_source_verbatim(atlas):
    import html
    import re

    for it in quiz.items(atlas):
        explanation = explanation_html(it, atlas)
        quotes = re.findall(r'<blockquote[^>]*>“(.+?)”(?=<br><cite|<p )', explanation, re.S)
        quotes += re.findall(r"(?:In the context of|The same text says it again): “(.+?)”</p>", explanation, re.S)
        if set(it.key) == {quiz.NONE}:
            assert "say nothing about" in explanation or "No statement in the texts" in explanation, it.id
            continue
        assert quotes, it.id
        corpus = "\n".join(atlas.texts.values())
        for q in quotes:      # "[…]" stands for list items left out: each piece around it is verbatim
            for piece in html.unescape(q.replace("<br>", "\n")).split("\n[…]\n"):
                assert piece in corpus, (it.id, piece[:60])


# ------------------------------------------------------------------------------------------ widgets

@pytest.mark.parametrize("item_id", list(quiz.QUESTIONS) + [c.id for c in quiz.CASES])
def test_widget_feedback_right_and_wrong(atlas, item_id):
    check = mbc.self_check(atlas)
    w = check.show(item_id)
    key = set(w.item.key)
    # Nothing chosen: the learner is asked to choose first, and nothing is scored.
    w.button.click()
    assert "Choose an answer first" in w.feedback.value and w.result is None
    # A wrong answer.
    wrong = {v for _, v in w.item.options if v not in key}
    wrong = {sorted(wrong)[0]} if w.item.kind == "single" else (key ^ {sorted(wrong)[0]})
    _answer(w, wrong)
    w.button.click()
    assert "Not quite" in w.feedback.value and w.result is False
    assert "The answer is: " + "; ".join(w.item.key_labels) in w.feedback.value
    assert "0 of" in check.score.value and "1 of" in check.score.value    # 0 right, 1 answered
    # The right answer.
    _answer(w, key)
    w.button.click()
    assert "✔ Right." in w.feedback.value and w.result is True
    assert explanation_html(w.item, atlas) in w.feedback.value
    assert f"Your score: 1 of {len(check.widgets)} right" in visible_text(check.score.value)


def test_case_feedback_shows_the_explorer_answer_with_quotes(atlas):
    check = mbc.self_check(atlas)
    w = check.show("case_after_tamoxifen")
    _answer(w, {"hormonal"})
    w.button.click()
    fb = w.feedback.value
    assert "You left out:" in fb
    ans = mbc.answer(["hr_positive", "postmenopausal", "progressed_on_hormonal"], atlas)
    parts = answer_view.render(ans.selection, atlas, "The case:")
    assert parts.summary + parts.answer in fb          # the explorer's own renderer
    for c in ans.associated:
        assert f"{c.label} ({c.scope}): associated by {len(c.sources)} of" in fb
    for d in ans.disagreements:
        assert d.disagreement_id in fb
    assert fb.count("<blockquote") >= len(ans.associated)


def test_restrictions_show_in_the_premenopausal_case(atlas):
    html = explanation_html(quiz.case_item("case_premenopausal_bone", atlas), atlas)
    restricted = [d for d in mbc.answer(["hr_positive", "premenopausal", "bone"], atlas).drugs if d.restricted]
    assert restricted
    block = html.split("Drugs the texts do not describe for premenopausal:")
    assert len(block) >= 2
    for d in restricted:
        assert f"{d.generic} ({d.brand})" in "".join(block[1:])


def test_unknown_ids_are_named():
    with pytest.raises(ValueError, match="unknown question 'nope'"):
        quiz.question("nope")
    with pytest.raises(ValueError, match="unknown case 'nope'"):
        quiz.case_item("nope")
    with pytest.raises(ValueError, match="unknown item 'nope'"):
        mbc.self_check().show("nope")


# ------------------------------------------------------------------------------------------ the guide

def test_instructor_guide_answer_key_is_the_generated_one(atlas):
    text = (ROOT / "docs" / "instructor_guide.md").read_text(encoding="utf-8")
    start = text.index(quiz.GUIDE_START) + len(quiz.GUIDE_START)
    block = text[start:text.index(quiz.GUIDE_END)].strip()
    assert block == quiz.answer_key_markdown(atlas), \
        "the guide's answer key is out of date: run `.venv/bin/python -c \"import mbc_atlas; mbc_atlas.quiz.main()\"`"


def test_update_guide_rewrites_only_the_block(tmp_path, atlas):
    guide = tmp_path / "guide.md"
    guide.write_text(f"before\n{quiz.GUIDE_START}\nold\n{quiz.GUIDE_END}\nafter\n", encoding="utf-8")
    assert quiz.update_guide(guide, atlas) is True
    text = guide.read_text(encoding="utf-8")
    assert text.startswith("before\n") and text.endswith(f"{quiz.GUIDE_END}\nafter\n") and "old" not in text
    assert quiz.update_guide(guide, atlas) is False
    assert quiz.main(guide) == 0 and guide.read_text(encoding="utf-8") == text
