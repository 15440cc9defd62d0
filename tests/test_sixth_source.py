"""A lecturer adds a sixth text (its .txt, a row of sources.csv, one statement): it flows through every notebook
and every notebook-facing function, and every count a learner reads says six -- nothing in the code names the
five texts or counts them."""
import re

import pandas as pd
import pytest

import mbc_atlas as mbc

from .conftest import ROOT
from .shown import NOTEBOOKS, drive_widgets, other_functions, run_cells

TEXT = ("Local leaflet on metastatic breast cancer.\n"
        "Radiation therapy can ease pain from bone metastases for many women.\n")
QUOTE = "Radiation therapy can ease pain from bone metastases"


def add_sixth(folder):
    (folder / "sources" / "local_leaflet.txt").write_text(TEXT, encoding="utf-8")
    src = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    row = {c: "" for c in src.columns}
    row.update(source_id="local_leaflet", short_name="Local leaflet", publisher_kind="a hospital leaflet",
               **{c: "not stated" for c in src.columns if c.endswith("_basis")})
    row.update(publisher_kind_basis="inferred", title="Local leaflet on metastatic breast cancer", title_basis="stated")
    pd.concat([src, pd.DataFrame([row])]).to_csv(folder / "sources.csv", index=False, lineterminator="\n")
    st = pd.read_csv(folder / "statements.csv", dtype=str, keep_default_na=False)
    row = {c: "" for c in st.columns}
    row.update(statement_id="lea-01", source_id="local_leaflet", category="radiation", stance="for_symptoms",
               conditions="bone", quote=QUOTE)
    pd.concat([st, pd.DataFrame([row])]).to_csv(folder / "statements.csv", index=False, lineterminator="\n")


@pytest.fixture(scope="module")
def six(tmp_path_factory):
    import shutil

    folder = tmp_path_factory.mktemp("six") / "data"
    shutil.copytree(ROOT / "data", folder)
    add_sixth(folder)
    assert mbc.check(folder) == []
    assert mbc.load(folder).n_texts == 6
    return folder


#: A count of all the texts that still says five ("from 5 texts" may be right: five of the six say something).
FIVE = re.compile(r"\bfive (?:texts|sources)\b|\bof (?:the )?5 (?:texts|sources)\b|\b\d+ of 5\b", re.I)


def _counts_say_six(texts, where):
    for t in texts:
        m = FIVE.search(t)
        assert m is None, f"{where}: ...{t[max(0, m.start() - 80):m.end() + 40]}..."


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_runs_with_a_sixth_text_and_counts_six(six, notebook, monkeypatch):
    monkeypatch.setenv("MBC_ATLAS_DATA", str(six))
    texts = [t for _i, shown, _ns in run_cells(notebook, plain=True) for t in shown]
    _counts_say_six(texts, notebook.name)
    joined = "\n".join(texts)
    assert "six texts" in joined or "6 texts" in joined or "of 6" in joined, notebook.name


def test_the_sixth_text_is_in_every_list_of_the_texts(six, monkeypatch):
    monkeypatch.setenv("MBC_ATLAS_DATA", str(six))
    a = mbc.load(six)
    assert "Local leaflet" in mbc.tables.sources_table(a).data["Source"].tolist()
    assert "Local leaflet" in mbc.tables.matrix_table(a).data.columns
    assert "Local leaflet" in mbc.figures.jama_reference_text(a)
    assert "Local leaflet" in mbc.compare.sources_sentence(a) and "Of the six texts" in mbc.compare.dates_sentence(a)
    assert "Local leaflet" in mbc.figures.body_sites_text(atlas=a)
    assert ("Local leaflet", "local_leaflet") in mbc.checklist(a).source.options
    bone = mbc.answer(["bone", "painful_metastasis"], a)
    assert "local_leaflet" in next(c for c in bone.categories if c.category == "radiation").sources
    shown = mbc.render.answer.visible_text(mbc.scenario(["bone", "painful_metastasis"], a).data)
    assert "Radiation therapy \u2014 3 texts, about bone; 2 about pain from the cancer where it is." in shown
    assert "NOT from the six texts" in mbc.tables.developments_table(a).caption


def test_every_widget_and_function_works_with_a_sixth_text(six, monkeypatch):
    monkeypatch.setenv("MBC_ATLAS_DATA", str(six))
    a = mbc.load(six)
    texts = drive_widgets(a, plain=True) + other_functions(a, plain=True)
    _counts_say_six(texts, "widgets and functions")
    assert any("Local leaflet" in t for t in texts)
