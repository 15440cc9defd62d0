"""A corpus of broken data: each fault a lecturer can make on Windows or in Excel gets a named problem
(file, row, column), the check command prints no traceback, and the real data/ is never touched.

Every case works on a temporary copy of data/ (the ``data_copy`` fixture).
"""
import hashlib
import shutil
import subprocess
import sys

import pytest

import mbc_atlas as mbc

from .conftest import DATA, ROOT


def _digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


@pytest.fixture(autouse=True)
def real_data_untouched():
    """Nothing lost: whatever a case does to its copy, the repository's data/ stays byte for byte."""
    before = _digest(DATA)
    yield
    assert _digest(DATA) == before, "a test changed the real data/ folder"


def run_check(folder, **env):
    """``python -m mbc_atlas check FOLDER`` in a fresh interpreter: (exit code, stdout + stderr)."""
    import os
    run = subprocess.run([sys.executable, "-m", "mbc_atlas", "check", *([str(folder)] if folder else [])],
                         capture_output=True, text=True, env={**os.environ, **env}, timeout=120)
    return run.returncode, run.stdout + run.stderr


# --- line endings ------------------------------------------------------------------------------------------

def _to_crlf(folder):
    for p in [*folder.glob("*.csv"), *(folder / "sources").glob("*.txt")]:
        p.write_bytes(p.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


def test_a_data_folder_converted_to_crlf_still_passes(data_copy):
    _to_crlf(data_copy)
    assert b"\r\n" in (data_copy / "passages.csv").read_bytes()
    assert mbc.check(data_copy) == []
    code, out = run_check(data_copy)
    assert code == 0 and "OK" in out, out


def test_a_windows_clone_keeps_the_data_byte_exact_and_passes(tmp_path):
    """``git clone`` with Git for Windows' default core.autocrlf=true: data/ stays as committed and checks."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=ROOT, capture_output=True, text=True)
    if top.returncode != 0:
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "-c", "core.autocrlf=true", "clone", "--quiet", "--no-hardlinks",
                    top.stdout.strip(), str(clone)], check=True, timeout=300)
    eol = subprocess.run(["git", "-c", "core.autocrlf=true", "ls-files", "--eol", "data"], cwd=clone,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    converted = [line for line in eol if "w/crlf" in line and "i/crlf" not in line]
    assert eol and converted == [], converted
    code, out = run_check(clone / "data")
    assert code == 0 and "OK" in out, out
    _run_a_notebook_in(clone)


def _run_a_notebook_in(clone):
    """Execute one notebook of the clone with the clone's own library and data (PYTHONPATH and
    MBC_ATLAS_DATA, as a lecturer who installs nothing would), and check it ran clean."""
    import os

    import nbformat
    from nbclient import NotebookClient

    path = clone / "notebooks" / "09_glossary.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import mbc_atlas as _m\nprint(_m.__file__)\nprint(_m.load().data_dir)"))
    env = {"PYTHONPATH": str(clone / "lib"), "MBC_ATLAS_DATA": str(clone / "data")}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)                  # the kernel inherits them
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    where = outputs[-1]["text"].splitlines()
    assert where == [str(clone / "lib" / "mbc_atlas" / "__init__.py"), str((clone / "data").resolve())], where
    shown = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "not medical advice" in shown and "palliative" in shown


# --- the corpus: one case per fault -------------------------------------------------------------------------

def records(folder, table):
    import csv
    with open(folder / f"{table}.csv", newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write(folder, table, rows, **fmt):
    import csv
    with open(folder / f"{table}.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n", **fmt).writerows(rows)


def set_cell(folder, table, row, column, value):
    """Set one cell, ``row`` numbered as a spreadsheet numbers it (the header is row 1)."""
    rows = records(folder, table)
    rows[row - 1][rows[0].index(column)] = value
    write(folder, table, rows)


def _blank_lines(folder):
    rows = records(folder, "passages")
    rows.insert(2, [])                           # an empty line: spreadsheet row 3
    rows.insert(4, [""] * len(rows[0]))          # Excel's empty row ",,,": spreadsheet row 5
    rows[6][rows[0].index("source_id")] = "wikipedia"
    write(folder, "passages", rows)


def _semicolons(folder):
    write(folder, "stances", records(folder, "stances"), delimiter=";")


def _unquoted_comma(folder):
    text = (folder / "glossary.csv").read_text(encoding="utf-8")
    (folder / "glossary.csv").write_text(text + "tumour,a lump, or a growth,tumour,2026-11-30,2027-06-01\n", encoding="utf-8")


def _unclosed_quote(folder):
    text = (folder / "passages.csv").read_text(encoding="utf-8")
    (folder / "passages.csv").write_text(text + 'x-1,goal,johnson_2010,"the goal of\n', encoding="utf-8")


def _stray_quote(folder):
    set_cell(folder, "passages", 2, "topic", "goal")
    text = (folder / "passages.csv").read_text(encoding="utf-8").replace("goal-1,goal,", 'goal-1,"goal"s,', 1)
    (folder / "passages.csv").write_text(text, encoding="utf-8")


# (id, how to break a copy, file, row, column, what the message says)
CASES = [
    ("blank_lines_keep_row_numbers", _blank_lines, "passages.csv", 7, "source_id", "unknown source_id 'wikipedia'"),
    ("semicolon_separated", _semicolons, "stances.csv", 1, None,
     "this looks like a semicolon-separated file: save it as 'CSV UTF-8 (comma delimited)'"),
    ("unquoted_comma", _unquoted_comma, "glossary.csv", 2 + len(mbc.load()["glossary"]), None,
     "has 6 cells where the header has 5"),
    ("unclosed_quote", _unclosed_quote, "passages.csv", 2 + len(mbc.load()["passages"]), None, "opened on line"),
    ("stray_quote", _stray_quote, "passages.csv", 2, None, "a double quote inside a cell must be doubled"),
]


# --- rules the checker missed -------------------------------------------------------------------------------

def _header_only(table):
    def breaks(folder):
        write(folder, table, records(folder, table)[:1])
    return breaks


def _cell(table, row, column, value):
    return lambda folder: set_cell(folder, table, row, column, value)


CASES += [
    *[(f"header_only_{t}", _header_only(t), f"{t}.csv", None, None, "has no rows under its header")
      for t in ("sources", "categories", "characteristics", "stances")],
    ("id_with_trailing_space", _cell("passages", 2, "passage_id", "goal-1 "), "passages.csv", 2, "passage_id",
     "'goal-1 ' has a space, tab or line break at its start or end"),
    ("reference_with_leading_space", _cell("drug_mentions", 3, "source_id", " faslodex_site"), "drug_mentions.csv",
     3, "source_id", "' faslodex_site' has a space"),
    ("list_item_with_a_space", _cell("drugs", 3, "restricted_with", "premenopausal; hr_negative"), "drugs.csv", 3,
     "restricted_with", "' hr_negative' has a space, tab or line break at its start or end; remove it; write "
     "several values as a;b"),
    ("choice_with_trailing_tab", _cell("categories", 3, "scope", "systemic\t"), "categories.csv", 3, "scope",
     "'systemic\\t' has a space"),
    ("two_word_quote", _cell("passages", 2, "quote", "The goal"), "passages.csv", 2, "quote",
     "is 2 words long: a quote needs at least 3 words"),
    ("superscript_rank", _cell("stances", 2, "rank", "\u00b2"), "stances.csv", 2, "rank",
     "'\u00b2' is not a whole number written with the digits 0-9"),
    ("fullwidth_year", _cell("sources", 6, "year_earliest", "\uff12\uff10\uff11\uff10"), "sources.csv", 6,
     "year_earliest", "is not a year written with four digits (0-9)"),
    ("date_as_words", _cell("developments", 2, "date", "Feb 2015"), "developments.csv", 2, "date",
     "'Feb 2015' is not a date written YYYY or YYYY-MM, with the month 01 to 12"),
    ("date_month_13", _cell("developments", 3, "date", "2017-13"), "developments.csv", 3, "date",
     "'2017-13' is not a date written YYYY or YYYY-MM"),
    ("group_label_differs_in_a_group", _cell("characteristics", 3, "group_label", "Hormone receptor status"),
     "characteristics.csv", 3, "group_label", "group 'receptor' has group_label 'Hormone-receptor status' on "
     "row 2 but 'Hormone receptor status' here; every row of one group must give the same"),
    ("choose_differs_in_a_group", _cell("characteristics", 4, "choose", "any"), "characteristics.csv", 4, "choose",
     "group 'receptor' has choose 'one' on row 2 but 'any' here"),
    # found by tests/test_fuzz_lessons.py: check passed, then notebooks 02, 04 and 06 raised KeyError('')
    ("quote_without_its_source", _cell("drugs", 6, "restriction_source_id", ""), "drugs.csv", 6,
     "restriction_source_id", "is empty, but restriction_quote holds a quote: name the text it is quoted from"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case[0])   # CASES grows below: read at collection
def test_each_fault_is_named_with_its_place(data_copy, case):
    name, breaks, file, row, column, says = case
    breaks(data_copy)
    found = mbc.check(data_copy)
    assert all(isinstance(p, mbc.Problem) for p in found)
    hits = [p for p in found if p.file == file and p.row == row and p.column == column and says in p.message]
    assert hits, "\n".join(map(str, found))
    with pytest.raises(mbc.DataError):
        mbc.load(data_copy)
    code, out = run_check(data_copy)
    assert code == 1 and "Traceback" not in out and str(hits[0]) in out, out


# --- encodings ---------------------------------------------------------------------------------------------

def _cp1252_csv(folder):
    p = folder / "passages.csv"
    text = p.read_text(encoding="utf-8").replace("\u2019", "'").replace("\u00a0", " ")
    p.write_bytes(text.replace("goal of treatment", "goal \u2013 treatment", 1).encode("cp1252"))


def _cp1252_text(folder):
    p = folder / "sources" / "johnson_2010.txt"
    p.write_bytes(p.read_text(encoding="utf-8").encode("cp1252"))


def _mac_csv(folder):
    """Excel's 'CSV (Macintosh)': Mac Roman bytes and CR line ends."""
    p = folder / "passages.csv"
    text = p.read_text(encoding="utf-8").replace("\u2019", "'").replace("\u00a0", " ").replace("\u2013", "-")
    text = text.replace("goal of treatment", "goal \u00e9 treatment", 1)
    p.write_bytes("\r".join(text.split("\n")).encode("mac_roman", errors="replace"))


def _utf16_csv(folder):
    p = folder / "glossary.csv"
    p.write_bytes(p.read_text(encoding="utf-8").encode("utf-16"))


CASES += [
    ("cp1252_csv", _cp1252_csv, "passages.csv", 2, "quote", "byte 0x96 on line 2"),
    ("cp1252_source_text", _cp1252_text, "sources/johnson_2010.txt", None, None, "is not UTF-8: byte 0xA0 on line"),
    ("utf16_csv", _utf16_csv, "glossary.csv", None, None, "UTF-16"),
    ("mac_csv", _mac_csv, "passages.csv", 2, "quote", "in Mac Roman, what Excel's 'CSV (Macintosh)' writes, it is 'é'"),
]


@pytest.mark.parametrize("breaks", [_cp1252_csv, _cp1252_text, _utf16_csv, _mac_csv])
def test_not_utf8_says_how_to_save_as_utf8(data_copy, breaks):
    breaks(data_copy)
    message = " ".join(p.message for p in mbc.check(data_copy))
    assert "Save As > 'CSV UTF-8" in message and "Save As, Encoding: UTF-8" in message


def test_a_utf8_byte_order_mark_is_accepted(data_copy):
    for p in [data_copy / "passages.csv", data_copy / "sources" / "johnson_2010.txt"]:
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    assert mbc.check(data_copy) == []
    assert mbc.load(data_copy).texts["johnson_2010"][0] != "\ufeff"    # a quote may start at the very start


# --- fresh data --------------------------------------------------------------------------------------------

def test_an_edit_shows_on_the_next_load_and_so_does_its_mending(data_copy):
    import os
    first = mbc.load(data_copy)
    assert mbc.load(data_copy) is first                              # unchanged files: the same Atlas
    set_cell(data_copy, "glossary", 2, "definition", "Cancer that has spread beyond the breast.")
    assert mbc.glossary(atlas=mbc.load(data_copy))["definition"][0] == "Cancer that has spread beyond the breast."
    set_cell(data_copy, "passages", 2, "source_id", "wikipedia")
    with pytest.raises(mbc.DataError, match="passages.csv, row 2, column 'source_id'"):
        mbc.load(data_copy)
    with pytest.raises(mbc.DataError):                               # still broken: still an error
        mbc.load(data_copy)
    set_cell(data_copy, "passages", 2, "source_id", "frankly_speaking")
    assert mbc.check(data_copy) == [] and mbc.load(data_copy) is not first
    # an edit that keeps the size, saved within the same clock tick as far as size goes: mtime tells
    text = (data_copy / "sources" / "johnson_2010.txt").read_text(encoding="utf-8")
    before = mbc.load(data_copy)
    path = data_copy / "sources" / "johnson_2010.txt"
    st = path.stat()
    path.write_text(text.replace("Phyllis", "Phyllix", 1), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert "Phyllix" in mbc.load(data_copy).texts["johnson_2010"] and mbc.load(data_copy) is not before


def test_the_environment_folder_is_reloaded_too(data_copy, monkeypatch):
    monkeypatch.setenv("MBC_ATLAS_DATA", str(data_copy))
    assert mbc.stances()["rank"].tolist()[0] == 1
    set_cell(data_copy, "stances", 2, "label", "the very first choice")
    assert mbc.stances()["label"].tolist()[0] == "the very first choice"


# --- one check, one pass ------------------------------------------------------------------------------------

def test_a_column_problem_in_one_file_hides_nothing_in_the_others(data_copy):
    rows = records(data_copy, "drugs")
    write(data_copy, "drugs", [r[:1] + r[2:] for r in rows])            # no 'brand' column
    set_cell(data_copy, "passages", 3, "source_id", "wikipedia")
    set_cell(data_copy, "glossary", 2, "appears_as", "immunotherapy")
    found = [str(p) for p in mbc.check(data_copy)]
    assert any(f.startswith("drugs.csv, row 1: missing column(s): brand") for f in found), found
    assert any(f.startswith("passages.csv, row 3, column 'source_id': unknown source_id 'wikipedia'") for f in found)
    assert any(f.startswith("glossary.csv, row 2, column 'appears_as': 'immunotherapy'") for f in found)
    # the claims and mentions that name drugs are not reported as unknown: drugs.csv could not be read
    assert not any("unknown generic" in f for f in found), found


def test_quotes_are_checked_even_when_sources_csv_cannot_be_read(data_copy):
    _semicolons_in(data_copy, "sources")
    set_cell(data_copy, "passages", 2, "quote", "The goal of treatment is to cure metastatic breast cancer.")
    found = mbc.check(data_copy)
    assert [(p.file, p.row, p.column) for p in found] == [("sources.csv", 1, None), ("passages.csv", 2, "quote")]


def _semicolons_in(folder, table):
    write(folder, table, records(folder, table), delimiter=";")


def test_check_reads_the_folder_load_reads(data_copy, monkeypatch):
    set_cell(data_copy, "stances", 3, "stance", "first_choice")
    monkeypatch.setenv("MBC_ATLAS_DATA", str(data_copy))
    with pytest.raises(mbc.DataError, match="stances.csv, row 3"):
        mbc.load()
    assert [str(p) for p in mbc.check()] == [str(p) for p in mbc.check(data_copy)] != []
    code, out = run_check(None, MBC_ATLAS_DATA=str(data_copy))
    assert code == 1 and str(data_copy) in out and "stances.csv, row 3, column 'stance': duplicate id" in out, out


def test_a_missing_folder_is_one_problem(tmp_path):
    found = mbc.check(tmp_path / "nowhere")
    assert len(found) == 1 and "the data folder is not there" in str(found[0])


def test_a_hundred_thousand_duplicate_ids_print_a_short_report(data_copy):
    rows = records(data_copy, "passages")
    write(data_copy, "passages", rows + [rows[1]] * 100_000)
    with pytest.raises(mbc.DataError) as err:
        mbc.load(data_copy)
    assert len(err.value.problems) == 100_000
    assert len(str(err.value)) < 20_000 and str(err.value).endswith("... and 99950 more")
    code, out = run_check(data_copy)
    assert code == 1 and len(out) < 20_000 and "100000 problem(s)" in out and "... and 99950 more" in out, out[-500:]
    assert (f"passages.csv, row {len(rows) + 1}, column 'passage_id': duplicate id 'goal-1' (first on row 2)"
            in out)


def test_a_long_value_is_cut_short_in_its_message(data_copy):
    set_cell(data_copy, "passages", 2, "source_id", "x" * 1_000_000)
    (found,) = mbc.check(data_copy)
    assert found.row == 2 and found.column == "source_id" and "(1000000 characters)" in found.message
    assert len(found.message) < 1000


def test_a_very_long_quote_is_explained_quickly(data_copy):
    import time
    opening = records(data_copy, "passages")[1][3][:40]
    set_cell(data_copy, "passages", 2, "quote", opening + "x" * 2_000_000)
    start = time.perf_counter()
    (found,) = mbc.check(data_copy)
    assert time.perf_counter() - start < 5
    assert (found.file, found.row, found.column) == ("passages.csv", 2, "quote")
    assert "the first 40 characters match, then the quote reads 'xxxx" in found.message


def test_a_contract_choose_one_group_cannot_be_split(data_copy):
    set_cell(data_copy, "characteristics", 2, "group", "receptor_positive")
    found = [str(p) for p in mbc.check(data_copy)]
    assert found == ["characteristics.csv, row 2, column 'group': 'hr_positive' must be in group 'receptor' with the "
                     "rest of the contract's choose-one group (hr_positive, hr_negative, hr_unknown), not in "
                     "'receptor_positive'"]
    set_cell(data_copy, "characteristics", 6, "group", "menopause")       # her2_negative
    assert any("'her2_negative' must be in group 'her2'" in str(p) for p in mbc.check(data_copy))


CASES += [
    ("source_id_too_long_for_a_file_name", _cell("sources", 3, "source_id", "x" * 300), "sources.csv", 3,
     "source_id", "no text for 'xxxxxxxx"),
    ("source_id_with_a_slash", _cell("sources", 3, "source_id", "../faslodex_site"), "sources.csv", 3, "source_id",
     "'../faslodex_site' cannot name its text file sources/<source_id>.txt"),
]


# --- fuzzing ------------------------------------------------------------------------------------------------

from hypothesis import HealthCheck, example, given, settings, strategies as st  # noqa: E402

from mbc_atlas.schema import TABLES  # noqa: E402

_ODD = [" ", "\t", "\n", "\r\n", "\r", " x ", '"', '""', "a,b", "a;b", ";", "\u00b2", "\u00a0", "\ufeff", "\x00",
        "<img src=x onerror=alert(1)>", "2017-13", "1e3", "-1", "nan", "None", "NULL", "#N/A", "=1+1"]
_VALUES = st.one_of(
    st.text(),
    st.sampled_from(_ODD),
    st.sampled_from(["hr_positive", "hormonal", "johnson_2010", "tamoxifen", "first_choice", "one", "any",
                     "stated", "local", "2015-02"]).map(lambda v: st.sampled_from([v, v + " ", " " + v])).flatmap(
        lambda s: s),
    st.tuples(st.text(min_size=1, max_size=3), st.integers(1000, 200_000)).map(lambda t: t[0] * t[1]),
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from([t.name for t in TABLES]), row=st.integers(0, 10**6), col=st.integers(0, 10**6),
       value=_VALUES, raw=st.booleans())
# known faults: the old loader passed the first and third (then the library raised), raised on the second
@example(table="stances", row=1, col=2, value="\u00b2", raw=False)
@example(table="sources", row=1, col=0, value="0" * 300, raw=False)
@example(table="characteristics", row=2, col=2, value="Receptor", raw=False)
def test_any_single_cell_edit_is_reported_or_passes_never_raises(table, row, col, value, raw):
    """Edit one cell (row 0 is the header) of a copy: check names problems or passes; never raises."""
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(DATA, folder)
        rows = records(folder, table)
        row %= len(rows)
        col %= len(rows[row])
        if raw:     # typed into the file as is, without the quoting a spreadsheet would add
            lines = (folder / f"{table}.csv").read_text(encoding="utf-8").split("\n")
            cells = lines[row % len(lines)].split(",")
            cells[col % len(cells)] = value
            lines[row % len(lines)] = ",".join(cells)
            (folder / f"{table}.csv").write_text("\n".join(lines), encoding="utf-8")
        else:
            rows[row][col] = value
            write(folder, table, rows)
        found = mbc.check(folder)
        assert isinstance(found, list) and all(isinstance(p, mbc.Problem) for p in found)
        assert all(str(p) for p in found)
        try:
            atlas = mbc.load(folder)
        except mbc.DataError as err:
            assert err.problems == found
        else:       # an edit that load takes must not break the library later (check may still name an id a
            # lesson cites: the library works without it, that lesson would not)
            from mbc_atlas import guard
            assert found == [mbc.Problem(*p) for p in guard.lesson_tables(atlas.tables) + guard.cited(atlas.tables)]
            mbc.stances(atlas)
            ids = atlas["characteristics"]["characteristic"]
            for group in dict.fromkeys(atlas["characteristics"]["group"]):
                mbc.answer([ids[atlas["characteristics"]["group"] == group].iloc[0]], atlas)
            with pytest.raises(ValueError):     # two values of one choose-one group together
                mbc.answer(["hr_positive", "hr_negative"], atlas)


def test_a_file_that_cannot_be_opened_is_named(data_copy, monkeypatch):
    from pathlib import Path
    read_bytes = Path.read_bytes

    def locked(self):               # how Windows answers while Excel has the file open
        if self.name == "glossary.csv":
            raise PermissionError(13, "Permission denied")
        return read_bytes(self)
    monkeypatch.setattr(Path, "read_bytes", locked)
    (found,) = mbc.check(data_copy)
    assert str(found) == ("glossary.csv: cannot be opened (Permission denied); if it is open in Excel, close it "
                          "there, then check again")
