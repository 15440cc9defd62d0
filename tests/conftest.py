import shutil
from pathlib import Path

import pytest

import mbc_atlas as mbc

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of data/ that a test may break or change; load it with ``mbc.load(path)``."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


@pytest.fixture
def edit_csv():
    """Rewrite one CSV of a data folder through pandas: ``edit_csv(folder, "claims", fn)``."""
    import pandas as pd

    def edit(folder, table, fn):
        path = Path(folder) / f"{table}.csv"
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        df = fn(df)
        df.to_csv(path, index=False, lineterminator="\n")
        return path

    return edit


@pytest.fixture(scope="session")
def atlas():
    return mbc.load()
