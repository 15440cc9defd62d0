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
