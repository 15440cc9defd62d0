"""What ``check`` passes, the lessons can use (issue 24, the data half): every id a lesson cites is guarded,
a table the lessons need may not be emptied, and what lecturers really do (a workbook beside a CSV, an
emptied text, a note in an unheaded column, a folder passed as ``atlas``) is named with its file, row and column.

Every case works on a temporary copy of data/ (the ``data_copy`` fixture); the real data/ is never touched.
"""
import ast
import hashlib
import json

import pandas as pd
import pytest

import mbc_atlas as mbc
from mbc_atlas.guard import CITED, KINDS

from .conftest import DATA, ROOT


@pytest.fixture(autouse=True)
def real_data_untouched():
    def digest():
        h = hashlib.sha256()
        for p in sorted(DATA.rglob("*")):
            if p.is_file():
                h.update(str(p.relative_to(DATA)).encode() + b"\0" + p.read_bytes() + b"\0")
        return h.hexdigest()
    before = digest()
    yield
    assert digest() == before, "a test changed the real data/ folder"


def found(folder):
    return [str(p) for p in mbc.check(folder)]


def header_only(folder, table):
    path = folder / f"{table}.csv"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")


# -- the registry is what the notebooks cite ---------------------------------------------------------------

def notebook_citations():
    """notebook -> kind -> the ids of the shipped data that its code cells name (as string constants)."""
    have = {k: set(pd.read_csv(DATA / f"{t}.csv", dtype=str, keep_default_na=False)[c]) for k, (t, c) in KINDS.items()}
    out = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        cited = {}
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "\n".join(line for line in "".join(cell["source"]).splitlines() if not line.lstrip().startswith("%"))
            tree = ast.parse(src)
            # a subtype id is also a characteristic's: only mbc.lesson.subtype(...) cites it as a subtype
            subtype_args = {id(n.args[0]) for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args
                            and isinstance(n.func, ast.Attribute) and n.func.attr == "subtype"}
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    for kind in KINDS:
                        if node.value in have[kind] and (kind != "subtype" or id(node) in subtype_args):
                            cited.setdefault(kind, set()).add(node.value)
        if cited:
            out[f"notebook {path.name[:2]}"] = {k: tuple(sorted(v)) for k, v in sorted(cited.items())}
    return out


def test_the_registry_holds_exactly_what_the_notebooks_cite():
    cited = notebook_citations()
    registry = {where: ids for where, ids in CITED.items() if where.startswith("notebook ")}
    assert registry == cited, "paste into mbc_atlas/guard.py CITED:\n" + "\n".join(
        f"    {where!r}: {ids!r}," for where, ids in cited.items())


def test_the_shipped_data_has_every_cited_id():
    assert mbc.check() == []


# -- 1. check guarantees the lessons -------------------------------------------------------------------------

def test_a_deleted_statement_a_lesson_cites_is_named(data_copy, edit_csv):
    edit_csv(data_copy, "statements", lambda df: df[df["statement_id"] != "soc-05"])
    assert "statements.csv, column 'statement_id': notebook 02 cites statement soc-05, which statements.csv no " \
           "longer has; put its row back, or change notebook 02 so that it no longer cites it" in found(data_copy)
    assert "soc-05" not in [s.statement_id for s in mbc.statements(mbc.load(data_copy))]   # the library works


@pytest.mark.parametrize("table,column,kind,ident,where", [
    ("passages", "passage_id", "passage", "talking-1", "notebook 08"),
    ("disagreements", "disagreement_id", "disagreement", "tamoxifen_category", "notebook 04"),
    ("characteristics", "characteristic", "characteristic", "many_small_spots", "notebook 05"),
    ("glossary", "term", "term", "biopsy", "notebook 09"),
    ("subtypes", "subtype", "subtype", "triple_negative", "notebook 03"),      # found by tests/test_fuzz_lessons.py
])
def test_a_deleted_id_a_lesson_cites_is_named(data_copy, edit_csv, table, column, kind, ident, where):
    if kind == "characteristic":      # (statements and notes that use it would be named as well)
        edit_csv(data_copy, "statements",
                 lambda df: df[~df["conditions"].str.split(";").apply(lambda c: ident in c)])
        edit_csv(data_copy, "disagreements",      # a disagreement may name several characteristics ("a;b")
                 lambda df: df[~df["characteristic"].str.split(";").apply(lambda c: ident in c)])
        edit_csv(data_copy, "editor_notes", lambda df: df[df["characteristic"] != ident])
    edit_csv(data_copy, table, lambda df: df[df[column] != ident])
    expected = f"{table}.csv, column '{column}': {where} cites {kind} {ident}, which {table}.csv no longer has"
    assert any(p.startswith(expected) for p in found(data_copy)), found(data_copy)


@pytest.mark.parametrize("table", ["passages", "disagreements", "glossary", "subtypes"])
def test_an_emptied_table_the_lessons_need_is_one_named_problem(data_copy, table):
    header_only(data_copy, table)
    problems = found(data_copy)
    mine = [p for p in problems if p.startswith(f"{table}.csv")]
    assert len(mine) == 1, mine
    assert mine[0].startswith(f"{table}.csv: has no rows under its header, but the lessons need it: notebook ")


# -- 2. a characteristic id that is also a group id ---------------------------------------------------------

def test_a_characteristic_named_like_its_group_is_named(data_copy):
    path = data_copy / "characteristics.csv"
    rows = len(pd.read_csv(path, dtype=str))
    with path.open("a", encoding="utf-8") as f:
        f.write("pregnant,pregnant,Pregnancy,any,Pregnant,The woman is pregnant.,\n")
    assert found(data_copy) == [
        f"characteristics.csv, row {rows + 2}, column 'group': characteristic 'pregnant' has the same id as the "
        "group 'pregnant': the explorer names its controls by both; give the group another id (for example "
        "'pregnant_group', or a word for what it asks)"]


# -- 3. the sources' years -----------------------------------------------------------------------------------

def test_years_in_the_wrong_order_are_named(data_copy, edit_csv):
    def swap(df):
        i = df.index[df["source_id"] == "johnson_2010"][0]
        df.loc[i, ["year_earliest", "year_latest"]] = ["2012", "2010"]
        return df
    edit_csv(data_copy, "sources", swap)
    assert found(data_copy) == ["sources.csv, row 6, column 'year_latest': 2010 is before year_earliest 2012: the "
                                "latest year cannot come before the earliest (are the two swapped?)"]


def test_a_stated_date_without_its_year_is_named(data_copy, edit_csv):
    text = data_copy / "sources" / "johnson_2010.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nFirst Published: August\n", encoding="utf-8")

    def cut(df):
        i = df.index[df["source_id"] == "johnson_2010"][0]
        df.loc[i, "dates"] = "Last Modified: 09/06/12; First Published: August"
        return df
    edit_csv(data_copy, "sources", cut)
    assert found(data_copy) == ["sources.csv, row 6, column 'dates': the stated date 'First Published: August' has "
                                "no year: copy the date from the text with its year"]


# -- 4. messages for what lecturers do -----------------------------------------------------------------------

def test_a_workbook_beside_its_csv_is_named(data_copy):
    (data_copy / "statements.xlsx").write_bytes(b"PK\x03\x04 an Excel workbook")
    assert found(data_copy) == [
        "statements.xlsx: is beside statements.csv: check reads only the CSV; save it as CSV UTF-8 (in Excel: "
        "File > Save As, 'CSV UTF-8 (Comma delimited) (*.csv)') as statements.csv, then move statements.xlsx "
        "out of this folder"]


def test_a_workbook_saved_under_a_csv_name_is_called_a_workbook(data_copy):
    (data_copy / "stances.csv").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe")
    problems = found(data_copy)
    assert "stances.csv: is an Excel workbook (.xlsx) saved under a .csv name, not a CSV file: open it in Excel " \
           "and save it as CSV UTF-8 (in Excel: File > Save As, 'CSV UTF-8 (Comma delimited) (*.csv)')" in problems
    assert not any("Windows-1252" in p for p in problems)


def test_an_empty_text_is_one_problem_saying_so(data_copy):
    (data_copy / "sources" / "johnson_2010.txt").write_text("", encoding="utf-8")
    assert found(data_copy) == ["sources/johnson_2010.txt: is empty: no quote can be found in it; paste the text "
                                "back in (saved as UTF-8), or take its row out of sources.csv"]


def test_a_note_in_an_unheaded_column_names_its_number_and_row(data_copy):
    path = data_copy / "stances.csv"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines = [line + ("," + "ask Sam" if i == 3 else ",") for i, line in enumerate(lines)]   # as Excel saves it
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert found(data_copy) == ["stances.csv, row 4: column 5 (E) has no heading, but this row holds 'ask Sam' in "
                                "it: move the note out of the table, or clear the cell"]


def test_a_folder_passed_as_atlas_is_loaded(data_copy):
    assert mbc.sources(atlas=str(data_copy)).equals(mbc.sources(atlas=mbc.load(data_copy)))
    assert [c.category for c in mbc.answer(["hr_negative", "postmenopausal"], atlas=data_copy).associated] \
        == ["chemotherapy"]


def test_anything_else_passed_as_atlas_says_what_to_pass():
    with pytest.raises(TypeError, match=r"atlas must be an Atlas, not DataFrame: pass mbc.load\(folder\)"):
        mbc.sources(atlas=pd.DataFrame())


@pytest.mark.parametrize("table", ["developments", "nursing_topics"])
def test_an_emptied_table_the_lessons_can_do_without_shows_nothing_here_yet(data_copy, table, monkeypatch):
    """The editors may empty their list of developments or of nursing topics: check passes, and the lessons
    that show them run and say the list is empty."""
    from .shown import run_cells

    header_only(data_copy, table)
    assert found(data_copy) == []
    monkeypatch.setenv("MBC_ATLAS_DATA", str(data_copy))
    shown = []
    for name in ("02_hormonal_therapy", "03_chemotherapy", "07_comparing_sources"):
        shown += [t for _i, texts, _ns in run_cells(ROOT / "notebooks" / f"{name}.ipynb", plain=True) for t in texts]
    if table == "developments":
        assert any("nothing here yet" in t for t in shown)
