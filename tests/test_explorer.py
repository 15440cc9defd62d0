"""The explorer, driven as a learner drives it (set a control's value) and checked on what the learner sees:
the answer area must say what ``mbc.answer`` says, with its quotes, for every characteristic and for a few
hundred random combinations. No kernel needed."""
import random
import re
from html import escape

import ipywidgets as widgets
import pytest
import traitlets

import mbc_atlas as mbc
from mbc_atlas.render import answer as view, prose, theme
from mbc_atlas.widgets import explorer as ex

CHARACTERISTICS = mbc.characteristics()
IDS = list(CHARACTERISTICS["characteristic"])
LABEL = dict(zip(CHARACTERISTICS["characteristic"], CHARACTERISTICS["label"]))
GROUP = dict(zip(CHARACTERISTICS["characteristic"], CHARACTERISTICS["group"]))
GROUPS = {g: list(part["characteristic"]) for g, part in CHARACTERISTICS.groupby("group", sort=False)}
ONE_GROUPS = list(dict.fromkeys(CHARACTERISTICS.loc[CHARACTERISTICS["choose"] == "one", "group"]))


@pytest.fixture(scope="module")
def app():
    return mbc.explorer()


def choose(app, cid):
    """Click a characteristic as a learner would: its toggle button, or its checkbox."""
    if GROUP[cid] in app.controls:
        app.controls[GROUP[cid]].value = cid
    else:
        app.controls[cid].value = True


def squeeze(s):
    return " ".join(s.split())


def shown_categories(html):
    return {c: int(n) for c, n in re.findall(r'data-category="([^"]+)" data-texts="(\d+)"', html)}


def shown_grid(html):
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)
    return [[int(n) for n in re.findall(r'data-count="(\d+)"', r)] for r in rows[1:]]


def tier_of(html):
    """(statement's tier, category, source name) for every statement block shown."""
    return re.findall(r'<div class="mbc-statement" data-tier="([^"]+)" data-category="([^"]+)"', html)


def assert_shows(app, ids, atlas=None):
    """What the explorer shows for ``ids`` is what ``mbc.answer`` says, quote for quote, tier for tier."""
    a = mbc.answer(ids, atlas)
    names = dict(zip(mbc.sources(atlas)["source_id"], mbc.sources(atlas)["short_name"]))
    n = len(names)
    html, text = app.shown_html(), app.shown_text()
    assert app.selection == list(a.selection)
    if a.selection:   # each of summary, grid and answer says which selection it shows (the browser tests wait on it)
        assert html.count(f'data-selection="{" ".join(a.selection)}"') == 3
    for c in LABEL.values():
        assert (f"\n{c}\n" in "\n" + text.split("Evidence grid")[0] + "\n") == (c in [LABEL[i] for i in a.selection])
    assert shown_categories(html) == {c.category: len(c.sources) for c in a.categories}
    assert shown_grid(html) == a.grid.to_numpy().tolist() + [[len(c.sources) for c in a.categories]]
    headline = text.split("Evidence grid")[0]
    for c in a.categories:
        if c.fits:
            assert f"{c.label} \u2014 {view.view(atlas).about(c)}." in headline     # what its texts are about
            assert f"{c.label} ({c.scope}): associated by {len(c.sources)} of {n} texts" in text
            assert "How they put it: " + "; ".join(c.stances) + "." in text
            section = text.split(f"{c.label} ({c.scope}): associated")[1].split("): ")[0]
            for sid in c.sources:
                assert names[sid] in section
        else:
            assert f"{c.label} ({c.scope}): not associated" in text
            assert f"{c.label} \u2014" not in headline      # never in the headline
    # every placed statement is shown once, in its own tier, with its quote and the reason
    expected = sorted((t, p.statement.category) for t in mbc.query.TIERS for p in a.placed(t))
    assert sorted(tier_of(html)) == expected
    for p in (p for t in mbc.query.TIERS for p in a.placed(t)):
        s = p.statement
        for line in s.quote.split("\n"):
            assert squeeze(line) in text
        if p.tier == "would_fit":
            assert "It would fit if you also chose " + mbc.words.join(
                [mbc.words.lower_first(LABEL[m]) for m in p.missing]) in text
        if p.tier == "does_not_fit":
            for x in p.contradicted:
                assert (f"it is about {mbc.words.lower_first(LABEL[x.needs])}, and you chose "
                        f"{mbc.words.lower_first(LABEL[x.chosen])}") in text
        if s.attributed_to:
            assert f"The text reports this as the view of {s.attributed_to}." in text
    for t, heading in (("would_fit", "Would fit if you also chose more"), ("does_not_fit", "Does not fit your selection")):
        assert (heading in text) == bool(a.placed(t))
    for s in a.silent:
        assert f"{LABEL[s]}: the sources say nothing about this." in text
    for cid in set(a.selection) - set(a.silent):
        assert f"{LABEL[cid]}: the sources say nothing about this" not in text
    for d in a.disagreements:
        assert f'data-disagreement="{d.disagreement_id}"' in html
        for q in (d.quote_a, d.quote_b):
            assert escape(q).replace("\n", "<br>") in html
    if not a.disagreements:
        assert "Where the texts disagree" not in text
    for d in a.drugs:
        assert f"{d.generic} ({d.brand})" in text
        if d.restricted:
            assert f"{d.generic} ({d.brand}) [does not suit your selection" in text or d.category not in [
                c.category for c in a.associated]
            assert squeeze(d.restricted[1:]) in text
            if d.restriction_quote:
                assert squeeze(d.restriction_quote) in text
        else:
            assert f"{d.generic} ({d.brand}) [does not suit" not in text


@pytest.mark.parametrize("cid", IDS)
def test_every_single_characteristic_shows_what_answer_says(app, cid):
    app.reset()
    choose(app, cid)
    assert app.selection == [cid]
    assert_shows(app, [cid])


def random_selection(rng):
    ids = []
    for group, members in GROUPS.items():
        if group in ONE_GROUPS:
            pick = rng.choice([None] + members)
            if pick:
                ids.append(pick)
        else:
            ids += [m for m in members if rng.random() < 0.3]
    return ids


def test_three_hundred_random_combinations_show_what_answer_says(app):
    rng = random.Random(20261123)
    seen = set()
    for _ in range(300):
        ids = random_selection(rng)
        seen.add(tuple(ids))
        app.reset()
        for cid in ids:
            choose(app, cid)
        assert_shows(app, ids)
    assert len(seen) > 250   # the seed really does explore


def test_changing_one_control_at_a_time_keeps_the_answer_current(app):
    """Random walks of single clicks (on and off), never a reset between them."""
    rng = random.Random(7)
    app.reset()
    for _ in range(200):
        cid = rng.choice(IDS)
        if GROUP[cid] in app.controls:
            c = app.controls[GROUP[cid]]
            c.value = ex.NOT_SET if c.value == cid else cid
        else:
            app.controls[cid].value = not app.controls[cid].value
        assert_shows(app, app.selection)


def test_a_one_choice_group_holds_one_value_so_contradictions_cannot_be_chosen(app):
    app.reset()
    for group in ONE_GROUPS:
        c = app.controls[group]
        assert isinstance(c, widgets.ToggleButtons)
        assert c.options[0] == (ex.NOT_SET_LABEL, ex.NOT_SET) or c.value == ex.NOT_SET
        assert c.index == 0 and c.value == ex.NOT_SET and c.label == "not set"
        members = GROUPS[group]
        c.value = members[0]
        c.value = members[1]                   # choosing another replaces, never adds
        assert [i for i in app.selection if i in members] == [members[1]]
        with pytest.raises((traitlets.TraitError, TypeError)):   # ipywidgets' own message breaks on tuples
            c.value = (members[0], members[1])
        assert c.value == members[1]
        with pytest.raises(traitlets.TraitError):
            c.value = "kidney"
    mbc.validate_selection(app.selection)     # what is shown is always a valid selection
    assert_shows(app, app.selection)
    # no checkbox exists for a one-choice characteristic
    assert not any(i in app.controls for g in ONE_GROUPS for i in GROUPS[g])


def test_reset_restores_the_empty_state(app):
    fresh = mbc.explorer()
    empty = fresh.shown_html()
    assert "Nothing is chosen yet" in fresh.shown_text() and fresh.grid_html.value == ""
    rng = random.Random(3)
    for _ in range(5):
        app.reset()
        for cid in random_selection(rng) or ["bone"]:
            choose(app, cid)
        assert app.shown_html() != empty
        app.reset_button.click()
        assert app.shown_html() == empty and app.selection == []
        assert all(c.value in (ex.NOT_SET, False) for c in app.controls.values())


def test_an_empty_selection_shows_a_friendly_prompt_and_the_note_always_shows(app):
    app.reset()
    assert "Choose one or more characteristics above" in app.shown_text()
    assert app.note_html.value.endswith(mbc.lesson.note_html())
    choose(app, "liver")
    assert mbc.lesson.note_html() in app.note_html.value and app.note_html in app.children


def test_premenopausal_marks_the_aromatase_inhibitors_with_the_restricting_quote(app):
    d = mbc.drugs()
    ais = d[d["drug_class"] == "aromatase inhibitor"]
    assert len(ais) >= 3
    app.reset()
    choose(app, "hr_positive")
    choose(app, "premenopausal")
    text = app.shown_text()
    block = text.split("Drugs the texts do not describe for premenopausal:")
    assert len(block) >= 2
    for g, b, q in zip(ais["generic"], ais["brand"], ais["restriction_quote"]):
        assert f"{g} ({b}) [does not suit your selection: see below]" in text
        assert any(f"{g} ({b})" in part.split("\n")[0] and squeeze(q) in part for part in block[1:])
    choose(app, "postmenopausal")
    assert "[does not suit" not in app.shown_text()
    assert "as the texts put it" not in app.shown_text()


def test_receptor_negative_after_menopause_shows_the_three_tiers(app):
    """The issue's own example: hormonal therapy must not be asserted for receptor-negative cancer."""
    app.reset()
    choose(app, "hr_negative")
    choose(app, "postmenopausal")
    text = app.shown_text()
    headline = text.split("Evidence grid")[0]
    assert "Chemotherapy \u2014 1 text, about hormone-receptor-negative only." in headline
    assert "Hormonal therapy \u2014" not in headline and "whole selection" not in headline
    assert "Hormonal therapy (systemic): not associated" in text
    does_not = text.split("Does not fit your selection")[1]
    assert "It does not fit: it is about hormone-receptor-positive, and you chose hormone-receptor-negative." in does_not
    assert "all aromatase inhibitors only work in postmenopausal women" in does_not
    assert ("hormonal", ) in {(c,) for t, c in tier_of(app.shown_html()) if t == "does_not_fit"}
    assert not any(c == "hormonal" for t, c in tier_of(app.shown_html()) if t == "fits")
    for drug in ("tamoxifen (Nolvadex)", "anastrozole (Arimidex)", "fulvestrant (Faslodex)"):
        assert drug in text.split("Drugs the texts do not describe for hormone-receptor-negative")[1]


def test_postmenopausal_alone_keeps_the_aromatase_inhibitors_apart(app):
    app.reset()
    choose(app, "postmenopausal")
    text = app.shown_text()
    assert "No statement in the 5 texts ties a treatment category to your whole selection." in text
    would = text.split("Would fit if you also chose more")[1]
    assert "all aromatase inhibitors only work in postmenopausal women" in would
    assert "It would fit if you also chose hormone-receptor-positive" in would


def test_the_disagreement_on_what_follows_hormonal_therapy_is_said_plainly(app):
    app.reset()
    for cid in ("hr_positive", "postmenopausal", "bone", "progressed_on_hormonal"):
        choose(app, cid)
    d = mbc.disagreements().set_index("disagreement_id").loc["after_hormonal_stops"]
    names = mbc.sources().set_index("source_id")["short_name"]
    text = app.shown_text()
    assert "Where the texts disagree" in text and squeeze(d["summary"]) in text
    assert f"{names[d['source_a']]} says:" in text and f"{names[d['source_b']]} says:" in text
    assert squeeze(d["quote_b"]) in text


def test_controls_come_from_the_data_with_labels_and_definitions(app):
    for row in CHARACTERISTICS.itertuples():
        if row.choose == "one":
            c = app.controls[row.group]
            assert c.description == row.group_label
            i = [v for _, v in c.options].index(row.characteristic)
            assert c.options[i][0] == row.label and c.tooltips[i] == row.definition
            assert c.tooltips[0].startswith("Not set")
        else:
            c = app.controls[row.characteristic]
            assert isinstance(c, widgets.Checkbox)
            assert c.description == row.label and c.tooltip == row.definition
        assert f"<strong>{escape(row.label)}</strong>: {escape(row.definition)}" in app.definitions_html.value
    assert app.reset_button.description == "Reset" and app.reset_button.tooltip


def test_a_changed_definition_and_label_reach_the_controls(data_copy, edit_csv):
    def edit(df):
        df.loc[df["characteristic"] == "bone", "definition"] = "Edited definition of bone."
        df.loc[df["characteristic"] == "hr_unknown", "label"] = "Status not known"
        return df

    edit_csv(data_copy, "characteristics", edit)
    app = mbc.explorer(mbc.load(data_copy))
    assert app.controls["bone"].tooltip == "Edited definition of bone."
    assert ("Status not known", "hr_unknown") in app.controls["receptor"].options


def test_a_removed_statement_changes_what_is_shown(data_copy, edit_csv):
    edit_csv(data_copy, "statements", lambda df: df[~df["statement_id"].isin(["fsp-01", "jon-08"])])
    atlas = mbc.load(data_copy)
    before, after = mbc.explorer(), mbc.explorer(atlas)
    for app in (before, after):
        choose(app, "hr_positive")
        choose(app, "isolated_metastasis")
    removed = mbc.claims().set_index("claim_id").loc["fsp-01"]   # one condition: the claim id is the statement id
    assert squeeze(removed["quote"]) in before.shown_text()
    assert squeeze(removed["quote"]) not in after.shown_text()
    hormonal = len(mbc.answer(["hr_positive"]).categories[0].sources)
    assert shown_categories(before.shown_html())["hormonal"] == hormonal
    assert shown_categories(after.shown_html())["hormonal"] == hormonal - 1
    assert "A single, reachable metastasis: the sources say nothing about this." in after.shown_text()
    assert "A single, reachable metastasis: the sources say nothing about this." not in before.shown_text()
    assert_shows(after, ["hr_positive", "isolated_metastasis"], atlas)


def test_a_removed_restriction_unmarks_the_drug(data_copy, edit_csv):
    def edit(df):
        df.loc[df["generic"] == "letrozole", ["restricted_with", "restriction", "restriction_source_id",
                                              "restriction_quote"]] = ""
        return df

    edit_csv(data_copy, "drugs", edit)
    html = prose.explorer_restrictions(["premenopausal"], mbc.load(data_copy))
    assert "anastrozole (Arimidex)" in html and "letrozole" not in html
    assert "letrozole" in prose.explorer_restrictions(["premenopausal"])


def test_scenario_is_the_same_answer_as_the_live_explorer(app):
    ids = ["her2_positive", "brain"]
    app.select(ids)
    assert view.render(ids).html() == app.shown_html()
    same = str(app.shown_html()).replace("<strong>You chose:</strong>", "<strong>The scenario:</strong>", 1)
    assert mbc.scenario(ids).data == f'<div class="mbc-scenario">{same}</div>'
    with pytest.raises(ValueError, match="kidney"):
        view.scenario_html(["kidney"])
    with pytest.raises(ValueError, match="menopause"):
        app.select(["premenopausal", "postmenopausal"])


def test_parts_for_the_reveal_questions_follow_the_data():
    assert prose.explorer_disagreements(["bone"]) == ""
    assert "after_hormonal_stops" in prose.explorer_disagreements(["progressed_on_hormonal"])
    assert view.silent_html(["bone"]) == ""
    assert "HER2-negative" in view.visible_text(prose.silence_answer(["her2_negative"]))
    assert prose.explorer_restrictions(["postmenopausal"]) == ""
    assert "trastuzumab" in prose.explorer_restrictions(["her2_negative"])


def test_no_advice_wording_in_what_the_explorer_writes():
    """The explorer's own words (quotes aside) never tell anyone what to get."""
    html = view.scenario_html(["hr_positive", "premenopausal", "bone", "progressed_on_hormonal", "her2_negative"])
    own = re.sub(r"<blockquote.*?</blockquote>", "", html, flags=re.S)
    own = re.sub(r"\(a text also files it under.*?\)", "", own)
    words = view.visible_text(own).lower()
    for q in mbc.disagreements()["summary"]:
        words = words.replace(q.lower(), "")
    assert "the sources associate" in words
    assert not re.search(r"\byou should\b|\bshould (get|receive|take|have)\b|\bwe recommend\b", words)


def test_grid_cells_always_carry_their_number():
    grid = view.render(["hr_positive", "bone", "brain"]).grid
    cells = re.findall(r'<td class="mbc-cell (mbc-count-\d)" data-count="(\d+)"[^>]*>(\d+)</td>', grid)
    assert cells and all(n == shown for _, n, shown in cells)          # the number, always
    for _, n, _ in cells:
        assert theme.grid_shade(int(n)) in [c for c, m, _ in cells if m == n][0]


def test_the_grid_is_an_accessible_table():
    html = view.render(["bone", "brain"]).grid
    assert "<caption" in html and html.count('scope="col"') == 1 + len(mbc.categories())
    assert html.count('scope="row"') == 3
    assert "unshaded = 0, sky blue = 1–2, blue = 3 or more" in view.visible_text(html)


def test_the_app_has_a_short_repr_for_saved_notebooks(app):
    assert repr(app) == "mbc_atlas explorer (run the cell with a live kernel to use it)"
    bundle = app._repr_mimebundle_()
    assert (bundle[0] if isinstance(bundle, tuple) else bundle)["text/plain"] == repr(app)


def test_a_toggle_set_to_none_in_code_reads_as_not_set_and_the_explorer_keeps_working(app):
    """Issue 11, fault 10: ipywidgets lets code set a ToggleButtons' value to None ("no button pressed"); the
    explorer used to raise on every change after that until Reset."""
    app.reset()
    choose(app, "hr_positive")
    choose(app, "bone")
    app.controls["receptor"].value = None
    assert app.controls["receptor"].value == ex.NOT_SET and app.controls["receptor"].label == ex.NOT_SET_LABEL
    assert app.selection == ["bone"]
    assert_shows(app, ["bone"])
    choose(app, "liver")                                   # later changes keep working
    choose(app, "hr_negative")
    assert_shows(app, ["hr_negative", "bone", "liver"])
    for group in ONE_GROUPS:                               # every group at once, from any state
        choose(app, GROUPS[group][0])
        app.controls[group].value = None
    assert_shows(app, ["bone", "liver"])
    app.select(["premenopausal"])
    assert_shows(app, ["premenopausal"])


def _models(widget, seen=None) -> set:
    """Every widget model a page must create to draw ``widget``: the widget, its children, layouts and styles."""
    seen = set() if seen is None else seen
    if id(widget) in seen:
        return seen
    seen.add(id(widget))
    for name in widget.keys:
        value = getattr(widget, name)
        for v in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(v, widgets.Widget):
                _models(v, seen)
    return seen


def test_the_explorer_is_few_models_for_the_page_to_create():
    """A page opening the explorer creates every model before it draws: widgets of one kind share one layout and
    one style (88 models when each had its own). The controls still each have their own value."""
    app = mbc.explorer()
    n_controls = len(app.controls)
    assert len(_models(app)) <= n_controls + 25
    checkboxes = [c for c in app.controls.values() if isinstance(c, widgets.Checkbox)]
    assert len({id(c.layout) for c in checkboxes}) == 1 and len({id(c.style) for c in checkboxes}) == 1
    checkboxes[0].value = True
    assert not checkboxes[1].value and checkboxes[0].layout.width == "auto"
    app.reset()
