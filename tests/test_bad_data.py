"""Broken data gets an error that names the file, the row and the column, and lists every fault."""
import pytest

import mbc_atlas as mbc
from mbc_atlas.__main__ import main


def problems(folder):
    with pytest.raises(mbc.DataError) as err:
        mbc.load(folder)
    return [str(p) for p in err.value.problems], str(err.value)


def test_shipped_data_is_clean(atlas):
    assert mbc.check() == []


def test_quote_not_in_source(data_copy, edit_csv):
    def change(df):
        df.loc[3, "quote"] = df.loc[3, "quote"].replace("in spite of", "despite")
        return df
    edit_csv(data_copy, "statements", change)
    found, _ = problems(data_copy)
    assert len(found) == 1
    assert found[0].startswith("statements.csv, row 5, column 'quote': not found verbatim in sources/breastcancer_org.txt")
    assert "'growing despite" in found[0]


def test_quote_with_plain_space_for_a_non_breaking_one_says_so(data_copy, edit_csv):
    def change(df):
        i = df.index[df["statement_id"] == "jon-04"][0]
        df.loc[i, "quote"] = df.loc[i, "quote"].replace("\u00a0", " ")
        return df
    edit_csv(data_copy, "statements", change)
    found, _ = problems(data_copy)
    assert "non-breaking space" in found[0] and "column 'quote'" in found[0]


@pytest.mark.parametrize("column,value,expected", [
    ("conditions", "kidney", "column 'conditions': unknown characteristic 'kidney'"),
    ("category", "immunotherapy", "column 'category': unknown category 'immunotherapy'"),
    ("stance", "maybe", "column 'stance': unknown stance 'maybe'"),
    ("source_id", "wikipedia", "column 'source_id': unknown source_id 'wikipedia'"),
    ("drugs", "tamoxifen;aspirin", "column 'drugs': unknown generic 'aspirin'"),
    ("statement_id", "bco-01", "column 'statement_id': duplicate id 'bco-01' (first on row 2)"),
    ("category", "", "column 'category': is empty but required"),
])
def test_bad_cell(data_copy, edit_csv, column, value, expected):
    def change(df):
        df.loc[1, column] = value
        return df
    edit_csv(data_copy, "statements", change)
    found, _ = problems(data_copy)
    assert any(f.startswith("statements.csv, row 3, ") and expected in f for f in found), found


def test_missing_and_extra_columns(data_copy, edit_csv):
    edit_csv(data_copy, "drugs", lambda df: df.drop(columns=["brand"]).assign(price="1"))
    found, _ = problems(data_copy)
    assert any("drugs.csv, row 1: missing column(s): brand" in f for f in found)
    assert any("drugs.csv, row 1: unexpected column(s): price" in f for f in found)


def test_missing_file_and_missing_text(data_copy):
    (data_copy / "glossary.csv").unlink()
    (data_copy / "sources" / "johnson_2010.txt").unlink()
    found, _ = problems(data_copy)
    assert any(f.startswith("glossary.csv: file not found") for f in found)
    assert any(f.startswith("sources.csv, row 6, column 'source_id': no text for 'johnson_2010'") for f in found)


def test_unreadable_file(data_copy):
    (data_copy / "stances.csv").write_bytes(b'stance,label\n"unterminated,\xff\xfe')
    found, _ = problems(data_copy)
    assert any(f.startswith("stances.csv, row 2, column 'stance': cannot be read as UTF-8 CSV: byte 0xFF on line 2")
               for f in found)


def test_every_fault_is_reported_not_just_the_first(data_copy, edit_csv):
    def change(df):
        df.loc[0, "category"] = "x"
        df.loc[2, "stance"] = "y"
        return df
    edit_csv(data_copy, "statements", change)
    found, message = problems(data_copy)
    assert len(found) == 2 and "2 problem(s)" in message


def test_contract_ids_cannot_be_dropped(data_copy, edit_csv):
    edit_csv(data_copy, "characteristics", lambda df: df[df["characteristic"] != "spine"])
    found, _ = problems(data_copy)
    assert any("contract characteristic 'spine' is missing" in f for f in found)


def test_stated_source_fact_must_be_in_the_text(data_copy, edit_csv):
    def change(df):
        df.loc[df["source_id"] == "standards_of_care", "funding"] = "a grant from Pfizer"
        return df
    edit_csv(data_copy, "sources", change)
    found, _ = problems(data_copy)
    assert any(f.startswith("sources.csv, row 5, column 'funding': is marked 'stated'") for f in found)


def test_glossary_form_must_occur_in_a_source(data_copy, edit_csv):
    def change(df):
        df.loc[0, "appears_as"] = "metastatic breast cancer;immunotherapy"
        return df
    edit_csv(data_copy, "glossary", change)
    found, _ = problems(data_copy)
    assert found == ["glossary.csv, row 2, column 'appears_as': 'immunotherapy' occurs in none of the sources"]


def test_a_lecturer_can_add_a_source_and_a_statement(data_copy, edit_csv):
    (data_copy / "sources" / "my_notes.txt").write_text("Radiation can ease pain from bone metastases.\n")
    import pandas as pd

    def add_source(df):
        row = {c: "" for c in df.columns}
        row.update(source_id="my_notes", short_name="My notes", publisher_kind="lecture notes",
                   **{c: "not stated" for c in df.columns if c.endswith("_basis")})
        row.update(publisher_kind_basis="inferred")
        return pd.concat([df, pd.DataFrame([row])])

    def add_claim(df):
        row = {c: "" for c in df.columns}
        row.update(statement_id="my-01", source_id="my_notes", conditions="bone", category="radiation",
                   stance="for_symptoms", quote="Radiation can ease pain from bone metastases.")
        return pd.concat([df, pd.DataFrame([row])])

    edit_csv(data_copy, "sources", add_source)
    edit_csv(data_copy, "statements", add_claim)
    atlas = mbc.load(data_copy)
    assert mbc.answer(["bone", "painful_metastasis"], atlas).grid.loc["bone", "radiation"] == 3


def test_check_command_exit_codes(data_copy, edit_csv, capsys):
    assert main(["check", str(data_copy)]) == 0
    assert "OK" in capsys.readouterr().out
    edit_csv(data_copy, "statements", lambda df: df.assign(stance=lambda d: d["stance"].where(d.index != 0, "maybe")))
    assert main(["check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "1 problem(s)" in out and "statements.csv, row 2, column 'stance': unknown stance 'maybe'" in out


def test_check_command_runs_as_a_module(data_copy):
    import subprocess
    import sys
    (data_copy / "statements.csv").write_text("statement_id\n")
    run = subprocess.run([sys.executable, "-m", "mbc_atlas", "check", str(data_copy)], capture_output=True, text=True)
    assert run.returncode == 1 and "statements.csv, row 1: missing column(s)" in run.stdout
