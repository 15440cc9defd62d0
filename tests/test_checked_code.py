"""The code is checked (#22): ruff lints lib/, tests/ and tools/, and mypy type-checks lib/mbc_atlas, both as
pyproject.toml configures them; so `make test` fails on a lint or a type error, as pre-commit does before a commit."""
import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT


def _run(tool: str, *args: str) -> subprocess.CompletedProcess:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed: pip install -e '.[test]'")
    return subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--no-cache", "--output-format", "concise", "lib", "tests", "tools")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing():
    done = _run("mypy")          # files, Python version and the untyped third parties: [tool.mypy] in pyproject.toml
    assert done.returncode == 0, done.stdout + done.stderr
