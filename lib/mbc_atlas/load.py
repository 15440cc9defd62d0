"""Read every table in ``data/`` once, check it, and hand back an :class:`Atlas`.

Every problem found is reported with the file, the row (as a spreadsheet numbers it: the header
is row 1) and the column, so a lecturer who edits a CSV can find and mend it.
"""
from __future__ import annotations

import csv
import functools
import io
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import pandas as pd

from . import guard
from .schema import CATEGORIES, CHARACTERISTICS, ONE_OF, TABLES, Table

__all__ = ["CHECKOUT_DATA_DIR", "DEFAULT_DATA_DIR", "PACKAGED_DATA_DIR", "Atlas", "DataError", "Problem",
           "atlas_or_default", "check", "claims_frame", "data_folder", "explain_mismatch", "listing", "load",
           "validate"]

_HERE = Path(__file__).resolve().parent
#: The copy of data/ a wheel carries (``pip install .``: pyproject.toml ships data/ as the package's ``_data``).
PACKAGED_DATA_DIR = _HERE / "_data"
#: The repository's own data/, beside lib/ (an editable install, ``pip install -e .``, or a checkout).
CHECKOUT_DATA_DIR = _HERE.parents[1] / "data"
#: The folder read when none is named and $MBC_ATLAS_DATA is unset: the wheel's copy, else the checkout's.
DEFAULT_DATA_DIR = PACKAGED_DATA_DIR if (PACKAGED_DATA_DIR / "sources.csv").is_file() else CHECKOUT_DATA_DIR
#: What to do when the folder is not there: the two ways to give the library its data.
_WHERE_DATA_COMES_FROM = ("name the data folder in the environment variable MBC_ATLAS_DATA (MBC_ATLAS_DATA=/path/to/"
                          "data), or install mbc_atlas from the collection's repository, whose package carries its "
                          "data (pip install /path/to/the/repository)")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self):
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataError(ValueError):
    """The data in ``data/`` is broken; ``problems`` lists every fault found, each with its place."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n" + "\n".join(listing(self.problems)))


SHOWN = 50


def listing(problems: list[Problem], shown: int = SHOWN) -> list[str]:
    """One line per problem, the first ``shown`` of them, then how many more there are."""
    lines = [f"  - {p}" for p in problems[:shown]]
    if len(problems) > shown:
        lines.append(f"  ... and {len(problems) - shown} more")
    return lines


T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Atlas:
    """All tables of ``data/``, checked; ``texts`` maps each source_id to its full text.

    An atlas never changes: :func:`load` makes a new one when a file changes. So lookups derived from it are
    kept on it (the ``cached_property`` lookups below, and :meth:`derive` for the other layers), and go
    with it.
    """

    data_dir: Path
    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    _derived: dict = field(default_factory=dict, init=False, repr=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def derive(self, build: Callable[[Atlas], T]) -> T:
        """``build(self)``, made once per atlas and kept with it: the one cache for derived lookups (the
        statement index of :mod:`mbc_atlas.query`, the answer view of :mod:`mbc_atlas.render.answer`)."""
        try:
            return self._derived[build]
        except KeyError:
            value = self._derived[build] = build(self)
            return value

    @cached_property
    def source_names(self) -> dict[str, str]:
        """source_id -> the short name a learner sees (``sources.csv``, column ``short_name``)."""
        src = self.tables["sources"]
        return dict(zip(src["source_id"], src["short_name"]))

    @cached_property
    def source_kinds(self) -> dict[str, str]:
        """source_id -> what kind of publisher it is, in words."""
        src = self.tables["sources"]
        return dict(zip(src["source_id"], src["publisher_kind"]))

    @cached_property
    def labels(self) -> dict[str, str]:
        """characteristic id -> its label."""
        ch = self.tables["characteristics"]
        return dict(zip(ch["characteristic"], ch["label"]))

    @cached_property
    def category_labels(self) -> dict[str, str]:
        """category id -> its label, in the order of ``categories.csv``."""
        cats = self.tables["categories"]
        return dict(zip(cats["category"], cats["label"]))

    @property
    def n_texts(self) -> int:
        """How many source texts there are (every count a learner reads comes from here, not from a literal)."""
        return len(self.tables["sources"])

    def names(self, source_ids: Iterable[str] | str) -> list[str]:
        """The short names of some sources (a list of ids, or ids written ``a;b``), in the order given."""
        if isinstance(source_ids, str):
            source_ids = [s for s in source_ids.split(";") if s]
        return [self.source_names[s] for s in source_ids]


def atlas_or_default(atlas: Atlas | str | os.PathLike | None = None) -> Atlas:
    """``atlas`` itself, the atlas of a data folder given as a path (:func:`load`), or else that of the default
    folder (cached, and read afresh when a file changes). Every function that takes ``atlas=None`` gets its data
    this one way."""
    if atlas is None or isinstance(atlas, (str, os.PathLike)):
        return load(atlas)
    if not isinstance(atlas, Atlas):
        raise TypeError(f"atlas must be an Atlas, not {type(atlas).__name__}: pass mbc.load(folder), or the folder")
    return atlas


def load(data_dir: str | os.PathLike | None = None) -> Atlas:
    """Load and check all data.

    The result is kept until a file in the folder (or in its ``sources/``) changes: its modification
    time or size. So re-running a cell after editing a CSV shows the edit, or its error.

    >>> atlas = load()
    >>> sorted(atlas.texts)[:2]
    ['breastcancer_org', 'faslodex_site']
    """
    data_dir = data_folder(data_dir)
    stamp = _fingerprint(data_dir)
    kept = _CACHE.pop(data_dir, None)
    if kept is None or kept[0] != stamp:
        try:
            kept = (stamp, _load(data_dir))
        except DataError as err:
            kept = (stamp, err.problems)
    _CACHE[data_dir] = kept                     # the most recently used folder last
    while len(_CACHE) > _CACHE_SIZE:
        del _CACHE[next(iter(_CACHE))]
    if isinstance(kept[1], Atlas):
        return kept[1]
    raise DataError(kept[1])


def data_folder(data_dir: str | os.PathLike | None = None) -> Path:
    """The folder :func:`load` and :func:`check` read: ``data_dir``, else $MBC_ATLAS_DATA, else
    :data:`DEFAULT_DATA_DIR` (the data a wheel carries, else the checkout's data/)."""
    return _resolved(os.fspath(data_dir or os.environ.get("MBC_ATLAS_DATA") or DEFAULT_DATA_DIR), os.getcwd())


@functools.lru_cache(maxsize=64)
def _resolved(folder: str, cwd: str) -> Path:      # cwd: a relative folder names another one after os.chdir
    return Path(cwd, folder).resolve()


# The one cache: folder -> (fingerprint of its files, Atlas or the list of problems found).
_CACHE: dict = {}
_CACHE_SIZE = 8


def _fingerprint(data_dir: Path) -> tuple:
    """Name, modification time (ns), size and inode of every file in the folder and in its sources/ folder: one
    stat a file, the least that sees a file rewritten in place (``load`` pays it on every call)."""
    stamp = []
    for sub in ("", "sources"):
        try:
            with os.scandir(os.path.join(data_dir, sub)) as entries:
                for e in entries:
                    if e.is_file():
                        st = e.stat()
                        stamp.append((sub, e.name, st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            stamp.append((sub, "", -1, -1, -1))     # the folder cannot be read: that, too, is a state to notice
    stamp.sort()
    return tuple(stamp)


def _load(data_dir: Path) -> Atlas:
    """Read and check the folder afresh (no cache); raise :class:`DataError` listing every problem.

    Every table that can be read is checked, in one pass: a fault in one file hides nothing in another.
    """
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, None, f"the data folder is not there: {_WHERE_DATA_COMES_FROM}")])
    problems: list[Problem] = []
    tables = {}
    for t in TABLES:
        df = _read(data_dir, t, problems)
        if df is not None:
            tables[t.name] = df
    texts = _read_texts(data_dir, tables.get("sources"), problems)
    problems += [Problem(*p) for p in guard.workbooks_beside(data_dir, TABLES)] + validate(tables, texts)
    if problems:
        raise DataError(problems)
    tables = {name: df.reset_index(drop=True) for name, df in tables.items()}
    tables["claims"] = claims_frame(tables["statements"])
    return Atlas(data_dir, tables, texts)


def claims_frame(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per (statement, condition): the pairs view of the statements, for readers that count pairs.

    ``claim_id`` is the statement's id when it has one condition, else ``statement_id/characteristic``;
    ``other_conditions`` lists the conditions that must hold as well; ``condition`` is the statement's
    qualifier (the text's own words, which no choice sets), then its note.

    >>> import pandas as pd
    >>> st = pd.DataFrame([{"statement_id": "x-1", "conditions": "hr_positive;postmenopausal",
    ...                     "condition_note": "", "source_id": "s", "category": "hormonal", "stance": "used",
    ...                     "drugs": "", "attributed_to": "", "quote": "q", "context": "", "also_quote": ""}])
    >>> claims_frame(st)[["claim_id", "characteristic", "other_conditions"]].values.tolist()
    [['x-1/hr_positive', 'hr_positive', 'postmenopausal'], ['x-1/postmenopausal', 'postmenopausal', 'hr_positive']]
    """
    rows = []
    for rec in statements.to_dict("records"):
        conds = [c.strip() for c in rec["conditions"].split(";") if c.strip()]
        for ch in conds:
            rows.append({
                "claim_id": rec["statement_id"] if len(conds) == 1 else f"{rec['statement_id']}/{ch}",
                "statement_id": rec["statement_id"], "source_id": rec["source_id"], "characteristic": ch,
                "category": rec["category"], "stance": rec["stance"], "drugs": rec["drugs"],
                "condition": "; ".join(filter(None, [rec.get("qualifier", ""), rec["condition_note"]])),
                "attributed_to": rec["attributed_to"], "quote": rec["quote"],
                "other_conditions": ";".join(c for c in conds if c != ch), "context": rec["context"],
                "also_quote": rec["also_quote"],
            })
    columns = ["claim_id", "statement_id", "source_id", "characteristic", "category", "stance", "drugs",
               "condition", "attributed_to", "quote", "other_conditions", "context", "also_quote"]
    return pd.DataFrame(rows, columns=columns)


def check(data_dir: str | os.PathLike | None = None) -> list[Problem]:
    """Every problem in the data folder :func:`load` reads (the same folder, the same checks), as a list:
    empty when all is well. Once the data loads, also every id a lesson cites that the data no longer has
    (:mod:`mbc_atlas.guard`): the library still works without it, but that lesson would not."""
    try:
        atlas = load(data_dir)
    except DataError as err:
        return err.problems
    return [Problem(*p) for p in guard.lesson_tables(atlas.tables) + guard.cited(atlas.tables)]


def _read(data_dir: Path, table: Table, problems) -> pd.DataFrame | None:
    """One CSV as a frame of strings whose index is the spreadsheet row number minus 2 (so that
    :func:`_rows` numbers rows as a spreadsheet does even when blank rows are left out); None when it
    cannot be read, after adding the reason to ``problems``."""
    path = data_dir / table.file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(table.file, None, None, f"file not found in {data_dir}"))
        return None
    except OSError as err:          # a folder of that name; on Windows, a file Excel has open
        problems.append(Problem(table.file, None, None, f"cannot be opened ({err.strerror or err}); if it is open "
                                "in Excel, close it there, then check again"))
        return None
    if why := guard.not_a_csv(raw):
        problems.append(Problem(table.file, None, None, why))
        return None
    text = guard.decode(raw)
    if text is None:
        row, column = guard.locate_bad_byte(raw)
        problems.append(Problem(table.file, row, column, "cannot be read as UTF-8 CSV: " + guard.not_utf8(raw)))
        return None
    first_line = text.split("\n", 1)[0]
    for sep, name in ((";", "semicolon"), ("\t", "tab")):
        if first_line.count(sep) > first_line.count(","):
            problems.append(Problem(table.file, 1, None, f"this looks like a {name}-separated file: save it as "
                                    "'CSV UTF-8 (comma delimited)' (in Excel: File > Save As, "
                                    "'CSV UTF-8 (Comma delimited) (*.csv)')"))
            return None
    records = _records(text, table.file, problems)
    if records is None:
        return None
    if not records or not any(c.strip() for c in records[0]):
        problems.append(Problem(table.file, 1, None, "has no header row; the first row must name the columns: "
                                + ", ".join(table.columns)))
        return None
    header, body = _header(table, records[0], records[1:], problems)
    if header is None:
        return None                 # (with only extra columns, the expected ones are still checked)
    return _frame(table, header, body, problems)


def _header(table: Table, header: list, body: list, problems) -> tuple[list | None, list]:
    """The header row, checked against the table's columns (a trailing empty column Excel leaves is dropped);
    None, after naming the fault, when a column is missing or twice."""
    # Excel may write an empty column after the last one (a cell once used, then cleared): ignore it.
    while len(header) > 1 and not header[-1].strip() and not any(len(r) >= len(header) and r[len(header) - 1].strip()
                                                                  for r in body):
        header = header[:-1]
    missing = [c for c in table.columns if c not in header]
    unheaded, blank = guard.unheaded(table.file, header, body)
    problems += [Problem(*p) for p in unheaded]
    extra = [c if c.strip() == c else repr(c) for i, c in enumerate(header) if c not in table.columns and i not in blank]
    twice = sorted({c for c in header if header.count(c) > 1 and c in table.columns})
    if missing:
        problems.append(Problem(table.file, 1, None, f"missing column(s): {', '.join(missing)}"))
    if extra:
        problems.append(Problem(table.file, 1, None,
                                f"unexpected column(s): {', '.join(extra)}; "
                                f"expected exactly: {', '.join(table.columns)}"))
    for c in twice:
        problems.append(Problem(table.file, 1, c, "this column appears more than once in the header"))
    return (None if missing or twice else header), body


def _frame(table: Table, header: list, body: list, problems) -> pd.DataFrame:
    """The rows under a checked header as a frame of strings indexed by spreadsheet row number minus 2; blank
    rows are left out, a row of the wrong length is named and left out."""
    rows, index = [], []
    for i, fields in enumerate(body):
        row = i + 2
        if not any(f.strip() for f in fields):
            continue            # a blank row: left out, and the rows after it keep their numbers
        if len(fields) != len(header):
            if len(fields) > len(header) and not any(f.strip() for f in fields[len(header):]):
                fields = fields[:len(header)]
            else:
                problems.append(Problem(table.file, row, None,
                                        f"has {len(fields)} cells where the header has {len(header)} (a cell that "
                                        "holds a comma or a line break must be in double quotes); "
                                        "this row is not checked further until it is mended"))
                continue
        rows.append(fields)
        index.append(row - 2)
    df = pd.DataFrame(rows, columns=header, index=pd.Index(index, dtype="int64"), dtype=object)
    return df[list(table.columns)]


def _records(text: str, file: str, problems) -> list | None:
    """The CSV records of ``text`` (a record may span lines), or None after naming the fault."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []
    limit = csv.field_size_limit(2**31 - 1)     # a long cell is no fault (an unclosed quote is named below)
    try:
        while True:
            start = reader.line_num + 1
            try:
                records.append(next(reader))
            except StopIteration:
                return records
            except csv.Error as err:
                why = str(err)
                if "unexpected end of data" in why:
                    why = (f"a double quote (\") opened on line {start} is never closed; a cell that starts "
                           "with \" must end with \"")
                elif "expected after" in why:
                    why = (f"line {reader.line_num}: a double quote inside a cell must be doubled (\"\"), "
                           "with the whole cell in double quotes")
                problems.append(Problem(file, len(records) + 1, None, f"cannot be read as CSV: {why}"))
                return None
    finally:
        csv.field_size_limit(limit)


def _read_texts(data_dir: Path, sources: pd.DataFrame | None, problems) -> dict:
    """source_id -> text, for each source in ``sources``; when sources.csv could not be read, every
    sources/*.txt (so that quotes can still be checked)."""
    if sources is None:
        listed = [(None, p.stem) for p in sorted((data_dir / "sources").glob("*.txt"))]
    else:
        listed = [(row, sid) for row, sid in _rows(sources["source_id"]) if sid.strip()]
    texts = {}
    for row, sid in listed:
        if set(sid) & set("/\\:\0"):
            problems.append(Problem("sources.csv", row, "source_id", f"{_show(sid)} cannot name its text file "
                                    "sources/<source_id>.txt: use letters, digits and _ only"))
            continue
        path = data_dir / "sources" / f"{sid}.txt"
        try:
            raw = path.read_bytes()
        except OSError as err:      # not there, a folder, a name too long for the system, ...
            where = path if len(sid) <= 60 else f"sources/{_show(sid)}.txt"
            why = "" if isinstance(err, FileNotFoundError) else f" ({err.strerror or err})"
            problems.append(Problem("sources.csv", row, "source_id", f"no text for {_show(sid)}: expected {where}{why}"))
            continue
        text = None if guard.not_a_text(raw) else guard.decode(raw)
        fault = guard.not_a_text(raw) or ("is not UTF-8: " + guard.not_utf8(raw) if text is None
                                          else guard.empty_text(text))
        if fault:
            problems.append(Problem(f"sources/{sid}.txt", None, None, fault))
        else:
            texts[sid] = text
    return texts


def _rows(data):
    """(spreadsheet row number, value) pairs: the header is row 1.

    ``data`` is a column of a table as read (a Series; its index is the row number minus 2, so blank rows
    left out do not shift the numbers), or a frame, whose values are then row tuples.
    """
    if isinstance(data, pd.DataFrame):
        return ((i + 2, v) for i, v in zip(data.index, data.itertuples(index=False, name=None)))
    return ((i + 2, v) for i, v in data.items())


def _show(value: str, limit: int = 60) -> str:
    """A cell's value for a message: quoted, and cut short when long."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + f"... ({len(value)} characters)"


def _values(table: Table, column: str, value: str):
    if column in table.multi:
        return [v.strip() for v in value.split(";") if v.strip()]
    return [value] if value else []


def validate(tables: dict, texts: dict) -> list[Problem]:
    """Check every table against the schema, the others, and the source texts.

    A table that could not be read is absent from ``tables`` (and a text from ``texts``): the checks that
    need it are skipped, every other check runs.
    """
    problems = []
    for t in TABLES:
        df = tables.get(t.name)
        if df is None:
            continue
        for check_table in _TABLE_CHECKS:
            problems += check_table(t, df, tables, texts)
    problems += _contract(tables)
    if "characteristics" in tables:
        problems += _conditions_hold_together(tables)
    found = guard.characteristic_groups(tables["characteristics"]) if "characteristics" in tables else []
    found += guard.source_years(tables["sources"]) if "sources" in tables else []
    problems += [Problem(*p) for p in found]
    problems += _editors_layer(tables)
    if "sources" in tables:
        problems += _source_facts(tables["sources"], texts)
        if "glossary" in tables and set(tables["sources"]["source_id"]) <= set(texts):
            problems += _glossary(tables["glossary"], texts)
    return problems


# -- the checks of one table, each driven by its schema.Table (in the order their problems are listed) ------

def _row_count(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    if len(df) >= t.min_rows:
        return []
    return [Problem(t.file, None, None, f"has no rows under its header; it needs at least "
                                        f"{t.min_rows} row{'s' if t.min_rows > 1 else ''}")]


def _required(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    return [Problem(t.file, row, col, "is empty but required")
            for col in t.required for row, v in _rows(df[col]) if not v.strip()]


def _duplicates(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], int] = {}
    for row, k in _rows(df[list(t.key)]):
        if k in seen:
            problems.append(Problem(t.file, row, "/".join(t.key),
                                    f"duplicate id {_show('/'.join(k))} (first on row {seen[k]})"))
        seen.setdefault(k, row)
    return problems


def _choices(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    return [Problem(t.file, row, col, f"unknown value {_show(v)}; allowed: {', '.join(allowed)}")
            for col, allowed in t.choices.items() for row, v in _rows(df[col])
            if v and v.strip() == v and v not in allowed]


def _refs(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    problems = []
    for col, (other, other_col) in t.refs.items():
        if other not in tables:
            continue
        valid = set(tables[other][other_col])
        ordered = sorted(valid)
        listed = ", ".join(ordered[:30]) + (f" ... ({len(ordered)} in all)" if len(ordered) > 30 else "")
        for row, v in _rows(df[col]):
            for item in _values(t, col, v):
                if item not in valid and (col in t.multi or item.strip() == item):
                    problems.append(Problem(t.file, row, col, f"unknown {other_col} {_show(item)}; valid: {listed}"))
    return problems


def _formats(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    return [Problem(t.file, row, col, f"{_show(v)} is not {what}")
            for col, (pattern, what) in t.formats.items() for row, v in _rows(df[col])
            if v and not re.fullmatch(pattern, v)]


def _quotes(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    problems = []
    for col, source_col in t.quotes.items():
        headings = df[t.list_items[col]] if col in t.list_items else [""] * len(df)
        for (row, quote), sid, heading in zip(_rows(df[col]), df[source_col], headings):
            words = len(quote.split())
            if quote.strip() and not sid.strip() and source_col not in t.required:   # (required: named empty)
                problems.append(Problem(t.file, row, source_col, f"is empty, but {col} holds a quote: name the "
                                        "text it is quoted from (a source_id of sources.csv)"))
            if heading and sid in texts and quote and words < t.quote_min_words:
                if not _list_item(quote, heading, texts[sid]):
                    problems.append(Problem(t.file, row, col, f"is {words} word{'s' if words > 1 else ''} long "
                                            f"and is not one of the \"- \" items right under its "
                                            f"{t.list_items[col]} {_show(heading)} in sources/{sid}.txt: a quote "
                                            f"that short must be an item of the list that {t.list_items[col]} "
                                            "heads"))
            elif quote.strip() and words < t.quote_min_words:
                problems.append(Problem(t.file, row, col, f"is {words} word{'s' if words > 1 else ''} long: "
                                        f"a quote needs at least {t.quote_min_words} words, so that it "
                                        "says something and shows where it comes from"))
            elif quote and sid in texts and quote not in texts[sid]:
                problems.append(Problem(t.file, row, col, f"not found verbatim in sources/{sid}.txt: "
                                        + explain_mismatch(quote, texts[sid])))
    return problems


def _list_item(item: str, heading: str, text: str) -> bool:
    """Whether ``item`` is a whole "- " item of the list that ``heading`` ends with, in ``text``."""
    pattern = re.escape(heading) + r"\n(?:- [^\n]*\n)*- " + re.escape(item) + r"\s*(?:\n|$)"
    return re.search(pattern, text) is not None


def _consistent(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    problems = []
    for col, same in t.consistent.items():
        first: dict[str, tuple[int, list[str]]] = {}
        for row, (key, *values) in _rows(df[[col, *same]]):
            row0, values0 = first.setdefault(key, (row, values))
            for name, a, b in zip(same, values0, values):
                if a != b:
                    problems.append(Problem(t.file, row, name, f"{col} {_show(key)} has {name} {_show(a)} "
                                            f"on row {row0} but {_show(b)} here; every row of one {col} "
                                            "must give the same"))
    return problems


def _padded(t: Table, df: pd.DataFrame, tables: dict, texts: dict) -> list[Problem]:
    return _padded_ids(t, df)


_TABLE_CHECKS = (_row_count, _required, _duplicates, _padded, _choices, _refs, _formats, _quotes, _consistent)


def _padded_ids(t: Table, df: pd.DataFrame) -> list[Problem]:
    """Ids and references with a space, tab or line break at either end (a spreadsheet does not show them,
    and they no longer match)."""
    problems = []
    for col in dict.fromkeys([*t.key, *t.refs, *t.choices]):
        for row, v in _rows(df[col]):
            if not v.strip():
                continue            # (empty: the required check speaks for it)
            items = v.split(";") if col in t.multi else [v]
            bad = [i for i in items if i != i.strip()]
            if bad:
                problems.append(Problem(t.file, row, col, f"{_show(bad[0])} has a space, tab or line break at its "
                                        "start or end; remove it" + ("; write several values as a;b, with no "
                                                                      "spaces" if col in t.multi else "")))
    return problems


def _contract(tables) -> list[Problem]:
    problems = []
    cats = set(tables["categories"]["category"]) if "categories" in tables else set(CATEGORIES)
    for c in CATEGORIES:
        if c not in cats:
            problems.append(Problem("categories.csv", None, "category", f"contract category {c!r} is missing"))
    if "characteristics" not in tables:
        return problems
    ch = tables["characteristics"]
    for c in CHARACTERISTICS:
        if c not in set(ch["characteristic"]):
            problems.append(Problem("characteristics.csv", None, "characteristic",
                                    f"contract characteristic {c!r} is missing"))
    where = {c: (row, group, choose) for row, (c, group, choose) in _rows(ch[["characteristic", "group", "choose"]])}
    for ids in ONE_OF:
        present = [c for c in ids if c in where]
        if not present:
            continue
        groups = [where[c][1] for c in present]
        usual = max(groups, key=groups.count)      # the most common (the first on a tie)
        for c in present:
            row, group, choose = where[c]
            if group != usual:
                problems.append(Problem("characteristics.csv", row, "group",
                                        f"{c!r} must be in group {_show(usual)} with the rest of the contract's "
                                        f"choose-one group ({', '.join(ids)}), not in {_show(group)}"))
            if choose != "one":
                problems.append(Problem("characteristics.csv", row, "choose",
                                        f"{c!r} is in a choose-one group of the contract; choose must be 'one'"))
    return problems


def _editors_layer(tables) -> list[Problem]:
    """The editors' notes each sit beside a quote (``source_id`` + ``anchor``) or a selection
    (``characteristic``), never both; every nursing class, the texts' or the editors', has all its nursing aspects (its
    pharmacology paragraph is a reference that schema.py checks); and a
    drug the editors name is not one the texts name, so the texts' drug lists stay the texts'."""
    from .schema import NURSING_ASPECTS

    problems = []
    if "editor_notes" in tables:
        notes = tables["editor_notes"]
        for row, (sid, anchor, ch) in _rows(notes[["source_id", "anchor", "characteristic"]]):
            if bool(sid) != bool(anchor):
                problems.append(Problem("editor_notes.csv", row, "anchor" if sid else "source_id",
                                        "a note beside a quote needs both source_id and anchor"))
            elif bool(anchor) == bool(ch):
                problems.append(Problem("editor_notes.csv", row, "characteristic",
                                        "give either a quote (source_id and anchor) or a characteristic, not "
                                        + ("both" if ch else "neither")))
    if "nursing_notes" in tables:
        have = set(zip(tables["nursing_notes"]["drug_class"], tables["nursing_notes"]["aspect"]))
        for name, col in (("drugs", "nursing_class"), ("editors_drugs", "drug_class")):
            for row, cls in _rows(tables[name][col]) if name in tables else ():
                missing = [a for a in NURSING_ASPECTS if cls and (cls, a) not in have]
                if missing:
                    problems.append(Problem(f"{name}.csv", row, col, f"nursing_notes.csv has no "
                                            f"{', '.join(missing)} for {cls!r}"))
    if "drugs" in tables and "editors_drugs" in tables:
        texts_name = set(tables["drugs"]["generic"])
        for row, generic in _rows(tables["editors_drugs"]["generic"]):
            if generic in texts_name:
                problems.append(Problem("editors_drugs.csv", row, "generic", f"{generic!r} is a drug the texts "
                                        "name (drugs.csv): list it there only, so the two voices stay apart"))
    return problems


# Where a row names characteristics that must all hold together: a statement's conditions, the selection an
# editors' note or a subtype's section is shown for.
_TOGETHER = (("statements", "conditions"), ("editor_notes", "characteristic"), ("subtypes", "characteristics"),
             ("case_steps", "selection"))


def _conditions_hold_together(tables) -> list[Problem]:
    """Characteristics named together must be able to hold together: at most one value of a one-choice group,
    and each once."""
    ch = tables["characteristics"]
    group_of = {c: g for c, g, choose in zip(ch["characteristic"], ch["group"], ch["choose"]) if choose == "one"}
    problems = []
    for name, col in ((n, c) for n, c in _TOGETHER if n in tables):
        for row, value in _rows(tables[name][col]):
            conds = [c.strip() for c in value.split(";") if c.strip()]
            for c in dict.fromkeys(c for c in conds if conds.count(c) > 1):
                problems.append(Problem(f"{name}.csv", row, col, f"{c!r} is listed twice"))
            seen: dict[str, str] = {}
            for c in conds:
                g = group_of.get(c)
                if g is not None and seen.setdefault(g, c) != c:
                    problems.append(Problem(f"{name}.csv", row, col,
                                            f"{seen[g]!r} and {c!r} contradict each other: group {g!r} takes one "
                                            f"value, and the characteristics of one row must all hold together"))
    return problems


def _source_facts(sources, texts) -> list[Problem]:
    problems = []
    facts = [c[: -len("_basis")] for c in sources.columns if c.endswith("_basis")]
    for i, rec in zip(sources.index, sources.to_dict("records")):
        if rec["source_id"] not in texts:
            continue                # (no text, or not UTF-8: already a problem of its own)
        text = texts[rec["source_id"]]
        for f in facts:
            value, basis = rec[f], rec[f + "_basis"]
            for part in (value.split("; ") if basis == "stated" else ()):
                if part not in text:
                    problems.append(Problem("sources.csv", i + 2, f,
                                            "is marked 'stated' but is not verbatim in the text: "
                                            + explain_mismatch(part, text)))
            if basis == "not stated" and value:
                problems.append(Problem("sources.csv", i + 2, f, "is marked 'not stated' but has a value"))
            if basis == "inferred" and not value:
                problems.append(Problem("sources.csv", i + 2, f, "is marked 'inferred' but is empty"))
    return problems


def _glossary(glossary, texts) -> list[Problem]:
    corpus = "\n".join(texts.values()).lower()
    problems = []
    for row, forms in _rows(glossary["appears_as"]):
        wanted = [f.strip() for f in forms.split(";") if f.strip()]
        for form in wanted:
            if form.lower() not in corpus:
                problems.append(Problem("glossary.csv", row, "appears_as", f"{_show(form)} occurs in none of the sources"))
    return problems


def explain_mismatch(quote: str, text: str) -> str:
    """Say where a quote departs from its source, so an editor can mend it."""
    squash = lambda s: re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("\u2018", "'")).strip()
    if squash(quote) and squash(quote) in squash(text):
        return ("it matches only when spaces and apostrophes are ignored; copy the span from the text itself "
                "(the source has a non-breaking space, a line break or a curly apostrophe there)")
    best, too_long = 0, len(quote) + 1    # the longest opening found in the text (if n chars are, fewer are)
    while too_long - best > 1:
        n = (best + too_long) // 2
        best, too_long = (n, too_long) if quote[:n] in text else (best, n)
    if best < 12:
        return f"not even its opening ({quote[:40]!r}) is in the text"
    start = text.find(quote[:best])
    return (f"the first {best} characters match, then the quote reads {quote[best:best + 30]!r} "
            f"where the text reads {text[start + best:start + best + 30]!r}")
