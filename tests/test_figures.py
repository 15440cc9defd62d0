"""Figures follow the data, are readable (>= 12 pt, Okabe-Ito, never colour alone) and leave nothing open."""
import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

import mbc_atlas as mbc
from mbc_atlas import figures, lesson, prose, sites

FIGURES = {
    "learning_path": lambda a: lesson.learning_path(),
    "category_map": lambda a: figures.category_map(atlas=a),
    "side_effects": lambda a: figures.side_effects(atlas=a),
    "body_sites": lambda a: figures.body_sites(atlas=a),
    "currency_timeline": lambda a: figures.currency_timeline(atlas=a),
    "jama_reference": lambda a: figures.jama_reference(atlas=a),
}


def texts(fig):
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def edited(data_copy, edit_csv, table, fn):
    edit_csv(data_copy, table, fn)
    return mbc.load(data_copy)


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_is_a_figure_readable_when_projected(atlas, name):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = FIGURES[name](atlas)
    assert isinstance(fig, Figure)
    assert plt.get_fignums() == before, "a figure function must not leave a pyplot figure open"
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    assert sizes and min(sizes) >= figures.MIN_FONT


@pytest.mark.parametrize("name", FIGURES)
def test_everything_drawn_lies_inside_the_figure(atlas, name):
    """Figures are saved at their own size (no second, "tight" drawing), so nothing may reach past the edge."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = FIGURES[name](atlas)
    renderer = FigureCanvasAgg(fig).get_renderer()
    drawn = fig.get_tightbbox(renderer)
    width, height = fig.get_size_inches()
    assert drawn.x0 >= -0.01 and drawn.y0 >= -0.01 and drawn.x1 <= width + 0.01 and drawn.y1 <= height + 0.01, (
        f"{name}: drawn area {drawn.bounds} reaches past the figure's {width} x {height} inches")


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_uses_only_okabe_ito_colours_for_fills(atlas, name):
    allowed = {matplotlib.colors.to_hex(c) for c in figures.OKABE_ITO.values()}
    allowed |= {"#ffffff", "#f2f2f2", "#ededed"}  # white and the light greys of panels and the outline
    allowed.add(matplotlib.colors.to_hex(figures.FIGURE["not_from_texts"]))  # the band of what is not from the texts
    fig = FIGURES[name](atlas)
    fills = {matplotlib.colors.to_hex(p.get_facecolor()) for p in fig.findobj(matplotlib.patches.Patch)
             if p.get_fill() and p.get_facecolor()[3] > 0}
    assert fills <= allowed, fills - allowed


def test_categories_differ_by_hatching_not_only_colour():
    hatches = [s["hatch"] for s in figures.CATEGORY_STYLE.values()]
    colours = [s["color"] for s in figures.CATEGORY_STYLE.values()]
    assert len(set(hatches)) == len(hatches) and len(set(colours)) == len(colours)
    assert set(figures.CATEGORY_STYLE) == set(mbc.categories()["category"])


def test_figure_functions_leave_no_figure_behind_in_a_notebook_sense(atlas):
    # Made without pyplot: displaying the return value is the only way it shows, so it shows once.
    fig = figures.category_map(atlas=atlas)
    assert fig.canvas.manager is None


# ---------------------------------------------------------------------------------------- learning path

def test_learning_path_follows_the_notebook_list_and_objectives():
    nbs = (("00_start_here", "Begin"), ("01_next", "Then this"))
    fig = figures.learning_path(nbs, {"00_start_here": "do a thing", "01_next": "do another"})
    t = texts(fig)
    assert "Begin" in t and "Then this" in t and "You will be able to do another" in t
    assert "Glossary" not in t
    alt = figures.learning_path_text(nbs, {"00_start_here": "do a thing"})
    assert alt.lines == ("00 Begin: do a thing.", "01 Then this: no objective given.")


def test_learning_path_default_covers_every_notebook_in_order():
    alt = lesson.learning_path_text()
    assert [line.split(" ", 1)[0] for line in alt.lines] == [n.split("_", 1)[0] for n, _ in mbc.lesson.NOTEBOOKS]
    t = texts(lesson.learning_path())
    for _, title in mbc.lesson.NOTEBOOKS:
        assert title in t


# ---------------------------------------------------------------------------------------- category map

def test_category_map_draws_each_category_and_its_drugs(atlas):
    t = " ".join(texts(figures.category_map(atlas=atlas)))
    for label in mbc.categories(atlas)["label"]:
        assert label in t
    assert "fulvestrant" in t and "SYSTEMIC" in t and "LOCAL" in t


def test_category_map_follows_a_changed_label_drug_and_scope(data_copy, edit_csv):
    def change(df):
        df.loc[df["category"] == "surgery", "label"] = "Operations"
        return df
    edit_csv(data_copy, "categories", change)
    edit_csv(data_copy, "drugs", lambda df: df[df["generic"] != "capecitabine"])
    edit_csv(data_copy, "drug_mentions", lambda df: df[df["generic"] != "capecitabine"])
    a = mbc.load(data_copy)
    t = " ".join(texts(figures.category_map(atlas=a)))
    assert "Operations" in t and "Surgery" not in t
    assert "capecitabine" not in t and "capecitabine" not in figures.category_map_text(atlas=a)


def test_category_map_text_gives_scope_with_its_quote_and_counts(data_copy, edit_csv, atlas):
    alt = figures.category_map_text(atlas=atlas)
    assert len(alt.lines) == len(mbc.categories(atlas))
    for q in mbc.categories(atlas)["quote"]:
        assert q in alt
    a = edited(data_copy, edit_csv, "statements", lambda df: df[df["category"] != "surgery"])
    surgery = [line for line in figures.category_map_text(atlas=a).lines if line.startswith("Surgery")][0]
    assert "0 of 5 texts" in surgery


# ---------------------------------------------------------------------------------------- side effects

def test_dividing_cells_reads_the_labels_from_the_passage(atlas):
    d = sites.dividing_cells(atlas=atlas)
    assert d["aim"] == "cancer cells"
    assert d["also"] == ["cells related to hair and nail growth", "bone marrow cells", "cells in the digestive system"]
    for phrase in [d["action"], d["aim"], *d["also"], d["consequence"]]:
        assert phrase in atlas.texts["frankly_speaking"]


def test_side_effects_follow_a_changed_passage(data_copy, edit_csv):
    old = "bone marrow cells and cells in the digestive system"
    new = "bone marrow cells, cells in the mouth and cells in the digestive system"
    text = data_copy / "sources" / "frankly_speaking.txt"
    text.write_text(text.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    a = edited(data_copy, edit_csv, "passages", lambda df: df.assign(quote=df["quote"].str.replace(old, new, regex=False)))
    assert "cells in the mouth" in sites.dividing_cells(atlas=a)["also"]
    assert "cells in the mouth" in texts(figures.side_effects(atlas=a))
    assert "It may also reach cells in the mouth." in figures.side_effects_text(atlas=a).lines


def test_side_effects_without_the_passage_say_so(data_copy, edit_csv):
    a = edited(data_copy, edit_csv, "passages", lambda df: df[df["topic"] != "chemotherapy_how"])
    with pytest.raises(ValueError, match="may also include"):
        figures.side_effects(atlas=a)


# ---------------------------------------------------------------------------------------- body sites

def test_site_links_cover_every_site_and_category(atlas):
    links = sites.site_links(atlas=atlas)
    places = mbc.characteristics(atlas).query("group == 'spread'")["characteristic"]
    assert len(links) == len(places) * len(sites.SITE_CATEGORIES)
    liver = links[(links.site == "liver") & (links.n_texts > 0)]
    assert liver["category"].tolist() == ["chemotherapy"]


def _badges(fig):
    """(filled, empty) badge counts: small rectangles with a hatch, or dashed and white."""
    small = [p for p in fig.findobj(Rectangle) if abs(p.get_width() - 0.7) < 1e-9]
    filled = [p for p in small if p.get_hatch()]
    return len(filled), len(small) - len(filled)


def test_removing_a_claim_removes_the_link_from_the_body_diagram(data_copy, edit_csv, atlas):
    before = _badges(figures.body_sites(atlas=atlas))
    a = edited(data_copy, edit_csv, "statements", lambda df: df[df["statement_id"] != "fas-20"])  # lung -> surgery
    after = _badges(figures.body_sites(atlas=a))
    assert after == (before[0] - 1, before[1] + 1)
    lung = [line for line in figures.body_sites_text(atlas=a).lines if line.startswith("Lung")][0]
    assert "Surgery:" not in lung and "nothing about radiation therapy or surgery" in lung
    lung_before = [line for line in figures.body_sites_text(atlas=atlas).lines if line.startswith("Lung")][0]
    assert "Surgery: FASLODEX product site (in selected patients" in lung_before


def test_adding_a_claim_adds_a_link(data_copy, edit_csv, atlas):
    quote = "Radiation therapy is referred to as a local therapy because it treats a specific area of the body."

    def add(df):
        row = {c: "" for c in df.columns}
        row.update(statement_id="test-liver", source_id="faslodex_site", conditions="liver", category="radiation",
                   stance="option", quote=quote)
        return pd.concat([df, pd.DataFrame([row])], ignore_index=True)

    a = edited(data_copy, edit_csv, "statements", add)
    assert "Liver" not in sites.sites_tied_to(["radiation"], atlas=atlas)
    assert "Liver" in sites.sites_tied_to(["radiation"], atlas=a)
    liver = [line for line in figures.body_sites_text(atlas=a).lines if line.startswith("Liver")][0]
    assert "Radiation therapy: FASLODEX product site." in liver
    assert "Radiation therapy: 1 text" in texts(figures.body_sites(atlas=a))


def test_a_site_without_a_layout_position_is_still_drawn(data_copy, edit_csv):
    def add(df):
        row = {"characteristic": "skin", "group": "spread", "group_label": "Where the cancer has spread",
               "choose": "any", "label": "Skin", "definition": "The cancer has spread to the skin."}
        return pd.concat([df, pd.DataFrame([row])], ignore_index=True)

    a = edited(data_copy, edit_csv, "characteristics", add)
    assert "Skin" in texts(figures.body_sites(atlas=a))
    assert "Skin. No text ties it to these categories." in figures.body_sites_text(atlas=a).lines


def test_site_sentences_and_answers_follow_the_data(data_copy, edit_csv, atlas):
    assert sites.sites_sentence(["radiation", "surgery"], atlas=atlas) == (
        "The texts tie the brain and the breast or chest wall to both radiation therapy and surgery.")
    answer = prose.sites_answer(["radiation", "surgery"], atlas=atlas)
    assert "most commonly used to treat metastatic tumors in the brain" in answer and "FASLODEX product site" in answer
    a = edited(data_copy, edit_csv, "statements", lambda df: df[df["statement_id"] != "fas-18"])  # brain -> surgery
    assert sites.sites_tied_to(["radiation", "surgery"], atlas=a) == ["Breast or chest wall"]
    assert "surgery or chemotherapy for the brain" in sites.site_sentence("brain", atlas=a)
    assert sites.sites_sentence(["radiation", "chemotherapy"], atlas=a).startswith("No place is tied")


def test_site_answer_quotes_the_claims_and_names_the_silence(atlas):
    ans = prose.site_answer("liver", atlas=atlas)
    assert "The sources say nothing about radiation therapy or surgery for the liver." in ans
    assert "in the liver" in ans and "Breastcancer.org" in ans
    assert prose.site_answer("Liver", atlas=atlas) == ans
    with pytest.raises(ValueError, match="unknown site 'kidney'"):
        prose.site_answer("kidney", atlas=atlas)


def test_text_alternative_is_a_string_and_escapes_html():
    alt = figures.TextAlternative("Title <b>", ["a & b"])
    assert alt == "Title <b>\na & b"
    assert "&lt;b&gt;" in alt._repr_html_() and "a &amp; b" in alt._repr_html_()


@pytest.mark.parametrize("name", FIGURES)
def test_a_figure_carries_its_text_alternative_as_alt_and_plain_text(atlas, name):
    import base64

    fig = FIGURES[name](atlas)
    data, meta = fig._repr_mimebundle_()
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")
    alt = {"learning_path": lesson.learning_path_text(), "category_map": figures.category_map_text(atlas=atlas),
           "side_effects": figures.side_effects_text(atlas=atlas), "body_sites": figures.body_sites_text(atlas=atlas),
           "currency_timeline": figures.currency_timeline_text(atlas=atlas),
           "jama_reference": figures.jama_reference_text(atlas=atlas)}[name]
    assert meta["image/png"]["alt"] == " ".join([alt.title, *alt.lines]) == fig.alt_text
    assert data["text/plain"] == "Figure. " + fig.alt_text


def test_the_alt_text_follows_the_data(data_copy, edit_csv, atlas):
    a = edited(data_copy, edit_csv, "statements", lambda df: df[df["statement_id"] != "fas-20"])
    assert "Lung. Surgery" not in figures.body_sites(atlas=a).alt_text
    assert "Lung. Surgery: FASLODEX product site" in figures.body_sites(atlas=atlas).alt_text


def test_body_sites_text_carries_the_conditions_the_texts_add(data_copy, edit_csv, atlas):
    bone = [line for line in figures.body_sites_text(atlas=atlas).lines if line.startswith("Bone")][0]
    assert "pain due to bone metastases" in bone
    a = edited(data_copy, edit_csv, "statements", lambda df: df.assign(
        condition_note=df["condition_note"].where(df["statement_id"] != "fas-16", "only when it hurts")))
    bone = [line for line in figures.body_sites_text(atlas=a).lines if line.startswith("Bone")][0]
    assert "FASLODEX product site (only when it hurts)" in bone
