"""The lesson furniture (objectives, quotes, answers, key points) and the shape of the learning-path notebooks."""
import re
from pathlib import Path

import nbformat
import pytest

import mbc_atlas as mbc
from mbc_atlas import lesson, prose

ROOT = Path(__file__).resolve().parents[1]
MINE = ["00_start_here", "01_the_big_picture", "02_hormonal_therapy", "03_chemotherapy", "04_targeted_therapy",
        "05_local_therapy", "09_glossary"]
VERBS = {"identify", "explain", "compare", "justify", "check", "appraise", "prioritise"}


def test_every_notebook_has_one_objective_starting_with_a_measurable_verb():
    assert set(lesson.OBJECTIVES) == {n for n, _ in lesson.NOTEBOOKS}
    for name, goal in lesson.OBJECTIVES.items():
        assert goal.split()[0].strip(",") in VERBS, (name, goal)


def test_readme_learning_path_agrees_with_the_objectives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\d\d_[a-z_]+)` \| (.+?) \|$", readme, re.M))
    assert rows, "README has no learning-path table"
    assert rows == dict(lesson.OBJECTIVES)   # every notebook listed, each with the same objective


def test_cite_finds_passages_and_claims_and_follows_the_data(data_copy, edit_csv, atlas):
    assert "Frankly Speaking About Cancer" in prose.cite("goal-1", atlas)
    assert "Herceptin may also be prescribed" in prose.cite("bco-09", atlas)
    with pytest.raises(ValueError, match="'nope'"):
        prose.cite("nope", atlas)
    edit_csv(data_copy, "passages", lambda df: df.assign(
        quote=df["quote"].where(df["passage_id"] != "goal-1", "Hormonal treatments are used")))
    a = mbc.load(data_copy)
    assert "“Hormonal treatments are used”" in prose.cite("goal-1", a)


def test_cites_keeps_the_order_given(atlas):
    html = lesson.cites("local_therapy-2", "goal-1", atlas=atlas).data
    assert html.index("Surgery is not commonly used") < html.index("The goal of treatment")


def test_answer_html_escapes_its_sentence_and_quotes_its_rows(atlas):
    import pandas as pd
    html = prose.answer_html("1 < 2 & so on.", pd.DataFrame({"quote": ["Chemotherapy is given in cycles."],
                                                             "source_id": ["frankly_speaking"]}), atlas)
    assert html.startswith("<p>1 &lt; 2 &amp; so on.</p>") and "Frankly Speaking About Cancer" in html
    assert prose.answer_html("Nothing.") == "<p>Nothing.</p>"
    assert prose.quotes_html(mbc.passages("goal", atlas), atlas).count("<blockquote") == len(mbc.passages("goal", atlas))


def test_key_points_take_sentences_and_quoted_references(data_copy, edit_csv, atlas):
    html = lesson.key_points(["Plain <point>.", ("The goal", "goal-1")], atlas).data
    assert "Plain &lt;point&gt;." in html
    assert "The goal: “The goal of treatment for metastatic breast cancer" in html and "— Frankly Speaking About Cancer" in html
    with pytest.raises(ValueError, match="'missing'"):
        lesson.key_points([("x", "missing")], atlas)
    edit_csv(data_copy, "sources", lambda df: df.assign(short_name=df["short_name"].replace(
        {"Frankly Speaking About Cancer": "Frankly"})))
    assert "— Frankly<" in lesson.key_points([("The goal", "goal-1")], mbc.load(data_copy)).data


# ---------------------------------------------------------------------------------------- notebooks

def code_cells(nb) -> list[str]:
    """Each code cell's code, without its first line: the plain-words caption Lab shows when the code is folded."""
    return [c.source.split("\n", 1)[1] for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("name", MINE)
def test_a_folded_code_cell_shows_a_caption_in_plain_words(name):
    """Lab shows a folded cell's first line: that line says, in words, what the cell shows, and names nothing
    a learner would not know (no Python name, no id)."""
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    for i, c in enumerate(c for c in nb.cells if c.cell_type == "code"):
        first, _, rest = c.source.partition("\n")
        assert first.startswith("# ") and rest, f"code cell {i} of {name} starts with code: {first!r}"
        assert not re.search(r"\w_\w|\w\(|\bmbc\b|\.csv", first), f"code cell {i} of {name}: {first!r}"
        assert c.metadata.get("jupyter", {}).get("source_hidden"), f"code cell {i} of {name} is not folded"


@pytest.mark.parametrize("name", MINE)
def test_notebook_has_the_lesson_furniture(name):
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    code = code_cells(nb)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert code[0].startswith("import mbc_atlas as mbc")
    assert code[1] == f'mbc.lesson.nav("{name}")' and code[-1] == f'mbc.lesson.nav("{name}")'
    assert "mbc.lesson.note()" in code[:4]
    assert "**Who this is for:**" in text and "**Read first:**" in text and "## Key points" in text
    objectives = re.findall(r"^\d\. \*\*(\w+)\*\*", text, re.M)
    assert objectives and {o.lower() for o in objectives} <= VERBS
    assert sum("mbc.lesson.reveal(" in c for c in code) >= 2
    assert any("mbc.lesson.key_points(" in c for c in code)
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("name", MINE)
def test_notebook_outputs_are_saved_clean_and_every_figure_has_a_text_alternative(name):
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code"]
    code = code_cells(nb)
    for i, c in enumerate(cells):
        assert c.execution_count is not None, f"cell {i} was not run"
        for o in c.outputs:
            assert o.output_type not in ("stream", "error"), f"cell {i} prints or fails: {o}"
        if code[i].startswith("mbc.figures.") and "_text" not in code[i] and "sentence" not in code[i]:
            assert [o for o in c.outputs if "image/png" in o.get("data", {})], f"cell {i} shows no figure"
            assert len(c.outputs) == 1, f"cell {i} shows its figure more than once"
            assert code[i + 1].startswith(code[i].split("(")[0] + "_text(") or "_text(" in code[i + 2]
