"""Glossary words are explained where each lesson first uses them, from glossary.csv."""
import re
from pathlib import Path

import nbformat
import pytest

import mbc_atlas as mbc
from mbc_atlas.render.terms import mark_first_uses, unmark

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def markdowns(path):
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_marks_first_uses_in_step_with_the_glossary(path):
    mds = markdowns(path)
    assert mark_first_uses(mds) == mds, f"run: .venv/bin/python tools/define_terms.py ({path.name} is out of step)"


@pytest.mark.parametrize("path", NOTEBOOKS[1:6], ids=lambda p: p.stem)
def test_each_lesson_explains_some_words_where_it_first_uses_them(path):
    marks = re.findall(r'<abbr class="mbc-term"[^>]*title="([^"]+)"', "\n".join(markdowns(path)))
    assert len(marks) >= 3
    terms = [m.split(":")[0] for m in marks]
    assert len(terms) == len(set(terms)), "a term is explained once per notebook"


def test_a_term_is_marked_once_outside_headings_links_and_answers():
    out = mark_first_uses(["# HER2 in a heading", "See [HER2](04.ipynb) and `HER2`.",
                           "<details>HER2</details> Then HER2 here, and HER2 again."])
    assert out[:2] == ["# HER2 in a heading", "See [HER2](04.ipynb) and `HER2`."]
    assert out[2].count("<abbr") == 1 and out[2].index("<abbr") > out[2].index("</details>")
    assert unmark(out[2]) == "<details>HER2</details> Then HER2 here, and HER2 again."
    assert mark_first_uses(out) == out


def test_the_definition_comes_from_the_glossary(data_copy, edit_csv):
    edit_csv(data_copy, "glossary", lambda df: df.assign(definition=df["definition"].where(
        df["term"] != "HER2", "A protein <b>made up</b> for this test.")))
    out = mark_first_uses(["Some cancers make too much HER2."], mbc.load(data_copy))[0]
    assert 'title="HER2: A protein &lt;b&gt;made up&lt;/b&gt; for this test."' in out
