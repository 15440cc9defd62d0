"""The set-up files agree with each other."""
import os
import re
import shutil
import subprocess
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

import pytest

from .conftest import ROOT


def _name(req):
    return re.split(r"[<>=!~ ]", req, maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    env = [line.strip()[2:] for line in (ROOT / "environment.yml").read_text().splitlines()
           if line.strip().startswith("- ") and not line.strip().startswith("- conda-forge")]
    env = {_name(r): r.replace(" ", "") for r in env if _name(r) not in {"python", "pip"}}
    assert env == {_name(r): r.replace(" ", "") for r in deps}


def test_environment_yml_has_pip_and_no_local_paths():
    text = "\n".join(line.split("#")[0] for line in (ROOT / "environment.yml").read_text().splitlines())
    assert re.search(r"^\s*- pip\s*$", text, re.M)
    assert "-e ." not in text and "file:" not in text and "/work" not in text


def test_postbuild_installs_the_package_without_dependencies():
    assert "python -m pip install --no-deps -e ." in (ROOT / "postBuild").read_text()


def test_ci_runs_make_test_and_readme_shows_the_two_commands():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert readme.index("make lab") < readme.index("Binder") and "make test" in readme


def _make_lab_commands(tmp_path, uid):
    """What ``make lab`` would run when ``id -u`` says ``uid`` (a stand-in ``id`` on PATH; make -n runs nothing)."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (bin_dir / "id").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    out = subprocess.run(["make", "-n", "-C", str(ROOT), "lab"], capture_output=True, text=True, env=env, timeout=60)
    return [line for line in out.stdout.splitlines() if "jupyter lab" in line]


def test_make_lab_allows_root_only_for_root(tmp_path):
    (as_root,) = _make_lab_commands(tmp_path, 0)
    assert "--allow-root" in as_root and as_root.endswith("notebooks/00_start_here.ipynb")
    (as_user,) = _make_lab_commands(tmp_path / "user", 1000)
    assert "--allow-root" not in as_user


def test_readme_says_how_make_lab_runs_as_root_and_with_no_desktop():
    readme = (ROOT / "README.md").read_text()
    lab = readme[readme.index("**`make lab`**"):readme.index("Other routes:")]
    assert "--allow-root" in lab and "no desktop" in lab and "http://127.0.0.1:8888/lab?token=" in lab


def test_a_venv_whose_python_is_gone_is_made_again(tmp_path):
    """A .venv left behind by a removed or upgraded Python: make says so and makes it again (dry run)."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "tools").mkdir()
    shutil.copy(ROOT / "tools" / "env_settings.py", tmp_path / "tools")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").symlink_to(tmp_path / "no-such-python")
    (tmp_path / ".venv" / ".installed").write_text("")      # newer than pyproject.toml, as after a good setup
    out = subprocess.run(["make", "-n", "-C", str(tmp_path), "setup"], capture_output=True, text=True, timeout=60)
    assert "making .venv again" in out.stdout + out.stderr
    assert "-m venv --clear .venv" in out.stdout and "tools/env_settings.py" in out.stdout   # and its settings
    (bin_dir / "python").unlink()
    (bin_dir / "python").symlink_to(shutil.which("python3"))
    out = subprocess.run(["make", "-n", "-C", str(tmp_path), "setup"], capture_output=True, text=True, timeout=60)
    assert "making .venv again" not in out.stdout + out.stderr and "-m venv" not in out.stdout
