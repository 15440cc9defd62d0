"""What ``check`` guards beyond each table's schema: the ids the lessons cite, the tables they need, the
sources' years, and the things lecturers really do to a data folder (a workbook saved beside or instead of a
CSV, an emptied text, a note in a column with no heading).

Each check returns ``(file, row, column, message)`` tuples; :mod:`mbc_atlas.load` makes them its problems.
This module reads nothing but what it is given (and the names of the files in a folder), so ``check`` works
the same from an installed package, where there are no notebooks to read.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pandas as pd

from .schema import CHARACTERISTICS

__all__ = ["CITED", "KINDS", "WORKBOOKS", "cited", "case_passages", "task_parts", "TASK_REFS", "lesson_tables",
           "characteristic_groups", "source_years",
           "workbooks_beside", "not_a_csv", "not_a_text", "empty_text", "unheaded",
           "SAVE_AS_UTF8", "decode", "not_utf8", "locate_bad_byte", "newlines"]

#: What a kind of id is, as (table, column).
KINDS = {"statement": ("statements", "statement_id"), "passage": ("passages", "passage_id"),
         "disagreement": ("disagreements", "disagreement_id"), "characteristic": ("characteristics", "characteristic"),
         "topic": ("passages", "topic"), "term": ("glossary", "term"), "drug": ("drugs", "generic"),
         "source": ("sources", "source_id"), "stance": ("stances", "stance"), "subtype": ("subtypes", "subtype"),
         "case step": ("case_steps", "step")}

#: Every id a lesson (notebooks/NN_*.ipynb), a figure or the self-check names in its code, by what names it.
#: ``tests/test_guard.py`` reads the notebooks and fails, printing the entry to paste here, when a notebook
#: cites an id this registry lacks (or no longer cites one it has).
CITED: dict[str, dict[str, tuple]] = {
    "notebook 00": {"topic": ("texts_own_cautions",)},
    "notebook 01": {"passage": ("goal-1", "goal-2", "goal-3", "what_guides_choice-2"),
                    "term": ("HER2", "curative", "hormone receptor", "local therapy", "metastasis",
                             "metastatic breast cancer", "palliative", "quality of life", "systemic therapy"),
                    "topic": ("goal", "systemic_vs_local", "what_guides_choice")},
    "notebook 02": {"characteristic": ("premenopausal",),
                    "disagreement": ("after_hormonal_stops", "unknown_receptor_status"),
                    "passage": ("hormone_receptors-1", "side_effects-1", "side_effects-2"),
                    "statement": ("bco-01", "fas-03", "fas-04", "soc-05"), "subtype": ("hr_positive_her2_negative",),
                    "term": ("SERD", "SERM", "antiestrogen", "aromatase inhibitor", "estrogen", "hormone receptor",
                             "hormone-receptor-negative", "hormone-receptor-positive", "menopause",
                             "ovarian function suppression", "progesterone"),
                    "topic": ("hormone_receptors",)},
    "notebook 03": {"disagreement": ("single_or_combination",),
                    "passage": ("chemotherapy_how-1", "chemotherapy_schedule-1", "chemotherapy_schedule-2",
                                "chemotherapy_schedule-3", "chemotherapy_schedule-4", "chemotherapy_schedule-5",
                                "chemotherapy_when-1", "side_effects-4"),
                    "source": ("breastcancer_org",), "stance": ("usually_recommended",), "statement": ("fas-12",),
                    "subtype": ("triple_negative",),
                    "term": ("anthracycline", "bone marrow", "chemotherapy", "combination therapy", "cycle",
                             "intravenous", "single-agent therapy", "taxane"),
                    "topic": ("chemotherapy_how",)},
    "notebook 04": {"characteristic": ("her2_positive",), "disagreement": ("tamoxifen_category",),
                    "drug": ("everolimus",),
                    "passage": ("side_effects-5", "targeted_how-1", "targeted_how-2", "targeted_how-3",
                                "targeted_how-4", "targeted_how-5", "targeted_how-6", "targeted_how-7"),
                    "statement": ("jon-06",), "subtype": ("her2_positive",),
                    "term": ("HER2", "HER2-low", "mTOR inhibitor", "monoclonal antibody", "overexpressed",
                             "targeted therapy", "tyrosine kinase inhibitor")},
    "notebook 05": {"characteristic": ("isolated_metastasis", "liver", "lymphangitic_spread", "many_small_spots"),
                    "passage": ("local_therapy-1", "local_therapy-2", "local_therapy-3", "local_therapy-4",
                                "systemic_vs_local-3"),
                    "statement": ("fas-14", "jon-08", "jon-09"),
                    "term": ("bone-modifying agent", "chemotherapy", "hypercalcaemia", "local therapy",
                             "lymphangitic spread", "metastatic spinal cord compression", "radiation therapy",
                             "surgery")},
    "notebook 06": {"characteristic": ("bone", "brain", "her2_negative", "her2_positive", "hr_negative",
                                       "hr_positive", "postmenopausal", "premenopausal", "progressed_on_hormonal")},
    "notebook 07": {"source": ("standards_of_care",)},
    "notebook 08": {"passage": ("goal-3", "talking-1", "talking-2")},
    "notebook 09": {"term": ("biopsy", "palliative")},
    "notebook 11": {"case step": ("fever", "first-line", "growth", "presentation", "priorities", "rebiopsy")},
    "the self-check": {"drug": ("tamoxifen",)},       # (its cases' characteristics are the contract's)
}

#: The tables a lesson cannot do without: each must have at least one row (tables a lesson can do without,
#: such as developments.csv, are shown as "nothing here yet" when empty).
_NEEDED = ("passages", "disagreements", "glossary", "drugs", "subtypes", "case_steps")


def lesson_tables(tables: dict) -> list[tuple]:
    """A table the lessons need that has no rows: one problem naming who needs it (not one per id)."""
    out = []
    for name in _NEEDED:
        if name in tables and tables[name].empty:
            who = sorted({where for where, ids in CITED.items()
                          for kind in ids if KINDS[kind][0] == name})
            out.append((f"{name}.csv", None, None, "has no rows under its header, but the lessons need it: "
                        + ", ".join(who) + " cite" + ("s" if len(who) == 1 else "") + " rows of it"))
    return out


def cited(tables: dict) -> list[tuple]:
    """Every id a lesson cites that its table no longer has ("notebook 02 cites statement soc-05, which
    statements.csv no longer has"). A table that could not be read, or has no rows at all (named once by
    :func:`lesson_tables`), is skipped; the contract's characteristics are named by the contract check."""
    out = []
    for where, by_kind in CITED.items():
        for kind, ids in by_kind.items():
            table, column = KINDS[kind]
            df = tables.get(table)
            if df is None or df.empty:
                continue
            have = set(df[column])
            for i in ids:
                if i not in have and not (kind == "characteristic" and i in CHARACTERISTICS):
                    out.append((f"{table}.csv", None, column,
                                f"{where} cites {kind} {i}, which {table}.csv no longer has; put its row back, "
                                f"or change {where} so that it no longer cites it"))
    return out + case_passages(tables) + task_parts(tables)     # row by row: the case's passages, the tasks' parts


def case_passages(tables: dict) -> list[tuple]:
    """Every passage a step of the unfolding case quotes that passages.csv does not have (checked once the data
    loads, like the ids the lessons cite; an emptied passages.csv is named once, by :func:`lesson_tables`)."""
    return _unknown(tables, "case_steps", "passages", ("passages", "passage_id"), "quotes passage")


def _unknown(tables: dict, name: str, col: str, ref: tuple[str, str], says: str) -> list[tuple]:
    """The values of ``name``.csv's column ``col`` (";"-separated) that the table and column ``ref`` lack, each
    named as "<says> 'x', which <table>.csv does not have"; nothing when either table is missing or ``ref``'s has
    no rows (named once, by :func:`lesson_tables`, where the lessons need it)."""
    rows, (table, column) = tables.get(name), ref
    other = tables.get(table)
    if rows is None or other is None or other.empty:
        return []
    have = set(other[column])
    return [(f"{name}.csv", int(i) + 2, col, f"{says} {v!r}, which {table}.csv does not have; give a {column} of "
             f"{table}.csv, or leave it out")
            for i, value in zip(rows.index, rows[col]) for v in (x.strip() for x in value.split(";"))
            if v and v not in have]


#: What each kind of application task (tasks.csv) needs, column by column, and why.
_TASK_NEEDS = {"out_of_date": (("source_id", "quote", "notes"), "the text's words and the editors' notes that say "
                                                                 "what has changed"),
               "before_acting": (("source_id", "quote"), "the text's words a patient would act on"),
               "disagreement": (("disagreement_id",), "the disagreement it asks about")}


#: The rows a task names, by column: (table, column), as ``refs`` in the schema; checked once the data loads (as
#: the lessons' ids are), so a deleted row leaves its task to show what it still has.
TASK_REFS = {"notes": ("editor_notes", "note_id"), "subtype": ("subtypes", "subtype"),
              "nursing_class": ("nursing_notes", "drug_class"), "disagreement_id": ("disagreements", "disagreement_id")}


def task_parts(tables: dict) -> list[tuple]:
    """A task that names a row its table does not have, lacks a part its kind needs, or names nursing notes by half
    (a class without aspects). An emptied table is named once, by :func:`lesson_tables`, or not at all."""
    tasks = tables.get("tasks")
    if tasks is None or tasks.empty:
        return []
    out = [p for col, ref in TASK_REFS.items() for p in _unknown(tables, "tasks", col, ref, "names")]
    for i, r in zip(tasks.index, tasks.to_dict("records")):
        needs, why = _TASK_NEEDS.get(r["kind"], ((), ""))
        out += [("tasks.csv", int(i) + 2, col, f"is empty, but a task of kind {r['kind']} needs {why}")
                for col in needs if not r[col].strip()]
        for has, lacks in (("nursing_class", "aspects"), ("aspects", "nursing_class")):
            if r[has].strip() and not r[lacks].strip():
                out.append(("tasks.csv", int(i) + 2, lacks, f"is empty, but {has} is set: name a nursing class "
                            "and the aspects of it to show, or neither"))
    return sorted(out, key=lambda p: p[1])        # row by row (stable: each row's problems in the order found)


def characteristic_groups(ch: pd.DataFrame) -> list[tuple]:
    """A characteristic whose id is also a group's id (a yes/no characteristic ``pregnant`` in group
    ``pregnant``): the explorer names its controls by both, so the two would be one control."""
    groups = set(ch["group"])
    return [("characteristics.csv", i + 2, "group",
             f"characteristic {c!r} has the same id as the group {c!r}: the explorer names its controls by both; "
             f"give the group another id (for example {c + '_group'!r}, or a word for what it asks)")
            for i, c in zip(ch.index, ch["characteristic"]) if c and c in groups]


_YEAR = re.compile(r"(?<![0-9])(?:[0-9]{2}|[0-9]{4})(?![0-9])")


def source_years(sources: pd.DataFrame) -> list[tuple]:
    """Years in order (``year_earliest`` <= ``year_latest``), and each stated date with its year."""
    out = []
    for i, rec in zip(sources.index, sources.to_dict("records")):
        first, last = rec["year_earliest"], rec["year_latest"]
        if re.fullmatch(r"[0-9]{4}", first) and re.fullmatch(r"[0-9]{4}", last) and int(first) > int(last):
            out.append(("sources.csv", i + 2, "year_latest",
                        f"{last} is before year_earliest {first}: the latest year cannot come before the earliest "
                        "(are the two swapped?)"))
        if rec["dates_basis"] == "stated":
            for part in rec["dates"].split("; "):
                if part.strip() and not _YEAR.search(part):
                    out.append(("sources.csv", i + 2, "dates",
                                f"the stated date {part!r} has no year: copy the date from the text with its year"))
    return out


#: What a spreadsheet or a word processor saves instead of a CSV or a plain text.
WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")
SAVE_CSV = "in Excel: File > Save As, 'CSV UTF-8 (Comma delimited) (*.csv)'"


def workbooks_beside(data_dir: Path, tables: tuple) -> list[tuple]:
    """A workbook saved beside (or instead of) a table's CSV: check reads only the CSV, so its edits would
    be lost without a word."""
    out = []
    for t in tables:
        for ext in WORKBOOKS:
            book = data_dir / f"{t.name}{ext}"
            if book.is_file():
                out.append((book.name, None, None,
                            f"is beside {t.file}: check reads only the CSV; save it as CSV UTF-8 ({SAVE_CSV}) "
                            f"as {t.file}, then move {book.name} out of this folder"))
    return out


_MAGIC = ((b"PK\x03\x04", "an Excel workbook (.xlsx)"), (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"))


def not_a_csv(raw: bytes) -> str | None:
    """Why a .csv file is not a CSV at all (a workbook saved under a .csv name), or None."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            return (f"is {what} saved under a .csv name, not a CSV file: open it in Excel and save it as CSV UTF-8 "
                    f"({SAVE_CSV})")
    return None


def not_a_text(raw: bytes) -> str | None:
    """Why a source text is not plain text (a Word document renamed .txt), or None."""
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf")):
        return ("is a Word (or rich-text) document, not plain text: open it in Word and save it with "
                "File > Save As, 'Plain Text (*.txt)', Encoding: UTF-8")
    return None


def empty_text(text: str) -> str | None:
    """Why a source text cannot be quoted from: it is empty (or blank), or None."""
    if not text.strip():
        return ("is empty: no quote can be found in it; paste the text back in (saved as UTF-8), or take its row "
                "out of sources.csv")
    return None


def unheaded(file: str, header: list, body: list) -> tuple[list[tuple], set]:
    """A column with no heading that holds a value somewhere (a note typed beside the table): named by its
    number (and spreadsheet letter) and the first row that holds one. Returns the problems and the numbers
    (0-based) of the unheaded columns."""
    out, blank = [], {i for i, h in enumerate(header) if not h.strip()}
    for i in sorted(blank):
        rows = [r + 2 for r, fields in enumerate(body) if len(fields) > i and fields[i].strip()]
        if rows:
            value = body[rows[0] - 2][i]
            shown = repr(value) if len(value) <= 60 else repr(value[:60]) + "..."
            more = f" (and {len(rows) - 1} more row(s) below)" if len(rows) > 1 else ""
            out.append((file, rows[0], None, f"column {i + 1} ({_letter(i)}) has no heading, but this row holds "
                        f"{shown} in it{more}: move the note out of the table, or clear the cell"))
    return out, blank


def _letter(i: int) -> str:
    """The spreadsheet letter of column ``i`` (0-based): A, B, ..., Z, AA, ..."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# -- reading a file as UTF-8, and saying what it is when it is not ---------------------------------------------

SAVE_AS_UTF8 = ("Save it as UTF-8: in Excel, File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)'; "
                "in Word or Notepad, File > Save As, Encoding: UTF-8.")


def decode(raw: bytes) -> str | None:
    """The text of a file saved as UTF-8 (with or without a byte-order mark), line breaks as LF; else None."""
    try:
        return newlines(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None


def _byte_as(byte: int, codec: str) -> str:
    char = bytes([byte]).decode(codec, errors="replace")
    return f"{char!r} ({unicodedata.name(char, 'a control character').lower()})"


def not_utf8(raw: bytes) -> str:
    """Say what in ``raw`` is not UTF-8, where, and how to save the file as UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it is saved as UTF-16 (Excel's 'Unicode Text'). " + SAVE_AS_UTF8
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = newlines(raw[:err.start].decode("utf-8-sig"))
        line = before.count("\n") + 1
        byte = raw[err.start]
        as_1252, as_mac = (_byte_as(byte, codec) for codec in ("cp1252", "mac_roman"))
        more = raw.decode("utf-8", errors="replace").count("\ufffd") - raw.count("\ufffd".encode()) - 1
        context = before[-30:].split("\n")[-1]
        return (f"byte 0x{byte:02X} on line {line}, " + (f"after {context!r}" if context else "at its start")
                + f" (in Windows-1252, the usual Windows encoding, that byte is {as_1252}; in Mac Roman, what Excel's "
                  f"'CSV (Macintosh)' writes, it is {as_mac})"
                + (f", and {more} more such byte(s) after it" if more > 0 else "") + ". " + SAVE_AS_UTF8)
    return SAVE_AS_UTF8


def locate_bad_byte(raw: bytes) -> tuple[int | None, str | None]:
    """(spreadsheet row, column name) of the first byte of a CSV that is not UTF-8, as far as can be told."""
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        first_bad = err.start
    else:
        return None, None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, None
    line = newlines(raw[:first_bad].decode("utf-8-sig")).count("\n") + 1
    reader = csv.reader(io.StringIO(newlines(raw.decode("utf-8-sig", errors="replace")), newline=""))
    header = None
    try:
        for row, fields in enumerate(reader, start=1):
            header = header or fields
            if reader.line_num >= line:
                at = [i for i, f in enumerate(fields) if "\ufffd" in f]
                if row == 1 or not at or at[0] >= len(header):
                    return row, None
                return row, header[at[0]]
    except csv.Error:
        pass
    return None, None


def newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line breaks as LF, so that a file converted by git or an editor
    still matches its quotes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
