"""Fault 5 of issue 11: text from data/ is escaped wherever it becomes HTML.

A copy of data/ gets ``<img src=x onerror=alert(1)>`` in every text field a lecturer writes (labels, names,
definitions, notes, summaries, kinds, brands, citations ...) and at the end of every quote and stated fact,
with the same words appended to the source texts so that every quote is still verbatim and the copy passes
``check``. Then every notebook runs against it (MBC_ATLAS_DATA, as a kernel would), every widget is used,
every other notebook-facing function is called, and the offline site's index is built: no ``<img`` tag
survives anywhere (the escaped ``&lt;img`` is fine).
"""
import re
import sys

import pandas as pd
import pytest

import mbc_atlas as mbc
from mbc_atlas.guard import TASK_REFS
from mbc_atlas.schema import TABLES

from .conftest import ROOT
from .shown import NOTEBOOKS, drive_widgets, other_functions, run_cells

PAYLOAD = "<img src=x onerror=alert(1)>"
TAG = re.compile(r"<img\b", re.I)


def _text_columns(t):
    """The columns a lecturer writes in words: not ids, references, choices, formats or lists of ids."""
    fixed = set(t.key) | set(t.refs) | set(t.choices) | set(t.formats) | set(t.multi) | set(t.quotes)
    fixed |= {"topic", "term", "appears_as", "group"}  # (ids the notebooks look up, or forms matched in the texts)
    fixed |= {c for c in t.columns if c.endswith("_basis")}
    fixed |= set(TASK_REFS) if t.name == "tasks" else set()     # references check() holds once the data loads
    return [c for c in t.columns if c not in fixed]


def poison(folder):
    """Write the payload into every text field and quote of a data folder, keeping it valid."""
    extra = {}                                       # source_id -> lines appended to its text

    def verbatim(sid, words):
        extra.setdefault(sid, []).append(words)
        return words

    for t in TABLES:
        path = folder / t.file
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in _text_columns(t):
            if t.name == "sources" and col + "_basis" in df.columns:
                continue                             # a fact about a source: below, with its basis
            df[col] = [v + " " + PAYLOAD if v else v for v in df[col]]
        for col, source_col in t.quotes.items():
            df[col] = [verbatim(sid, q + " " + PAYLOAD) if q else q for q, sid in zip(df[col], df[source_col])]
        if t.name == "sources":
            for col in [c[:-len("_basis")] for c in df.columns if c.endswith("_basis")]:
                for i, (v, basis, sid) in enumerate(zip(df[col], df[col + "_basis"], df["source_id"])):
                    if basis == "stated":
                        df.loc[i, col] = "; ".join(verbatim(sid, p + " " + PAYLOAD) for p in v.split("; "))
                    elif basis == "inferred":
                        df.loc[i, col] = v + " " + PAYLOAD
        df.to_csv(path, index=False, lineterminator="\n")
    for sid, lines in extra.items():
        text = folder / "sources" / f"{sid}.txt"
        text.write_text(text.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    import shutil

    folder = tmp_path_factory.mktemp("poisoned") / "data"
    shutil.copytree(ROOT / "data", folder)
    poison(folder)
    assert mbc.check(folder) == [], mbc.check(folder)[:3]
    atlas = mbc.load(folder)
    assert PAYLOAD in atlas.labels["bone"] and PAYLOAD in atlas.source_names["breastcancer_org"]
    return folder


def _no_tag(texts, where):
    for text in texts:
        m = TAG.search(text)
        assert m is None, f"{where}: unescaped tag ...{text[max(0, m.start() - 120):m.end() + 40]}..."


def test_the_payload_reaches_every_kind_of_field(poisoned):
    a = mbc.load(poisoned)
    for t in TABLES:
        if t.name == "claims":
            continue
        for col in _text_columns(t) + list(t.quotes):
            values = [v for v in a[t.name][col] if v]
            assert not values or all(PAYLOAD in v for v in values), (t.name, col)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_shows_the_payload_only_escaped(poisoned, notebook, monkeypatch):
    monkeypatch.setenv("MBC_ATLAS_DATA", str(poisoned))
    seen = 0
    for i, texts, _ns in run_cells(notebook):
        _no_tag(texts, f"{notebook.name}, code cell {i}")
        seen += sum("&lt;img src=x onerror=alert(1)&gt;" in t for t in texts)
    assert seen, f"{notebook.name} shows no text from the data at all?"


def test_every_widget_and_function_shows_the_payload_only_escaped(poisoned, monkeypatch):
    monkeypatch.setenv("MBC_ATLAS_DATA", str(poisoned))
    atlas = mbc.load(poisoned)
    texts = drive_widgets(atlas) + other_functions(atlas)
    _no_tag(texts, "widgets and functions")
    assert sum("&lt;img" in t for t in texts) > 100


def test_the_offline_site_index_escapes_the_data(poisoned, monkeypatch):
    monkeypatch.setenv("MBC_ATLAS_DATA", str(poisoned))
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_site
    finally:
        sys.path.remove(str(ROOT / "tools"))
    page = build_site.index_html([("00_start_here", "Start " + PAYLOAD)])
    _no_tag([page], "site/index.html")
    assert "&lt;img" in page
