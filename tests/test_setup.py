"""The set-up files agree with each other."""
import fnmatch
import os
import re
import shutil
import subprocess
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

import pytest

from .conftest import ROOT


def _name(req):
    return re.split(r"[<>=!~ ]", req, maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + project["optional-dependencies"]["lab"]    # Binder opens the lessons in Lab
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


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_the_library_needs_no_front_end_and_make_installs_the_extras_it_uses():
    project = _pyproject()["project"]
    names = {_name(r) for r in project["dependencies"]}
    assert not names & {"jupyterlab", "voila", "notebook", "jupyterhub"}, "front ends belong in the lab extra"
    assert {"jupyterlab", "voila"} <= {_name(r) for r in project["optional-dependencies"]["lab"]}
    assert "pip install --quiet -e '.[lab,test]'" in (ROOT / "Makefile").read_text()


def test_the_build_needs_the_setuptools_that_reads_the_licence_expression():
    config = _pyproject()
    assert config["project"]["license"] == "MIT"          # a licence expression (PEP 639): setuptools 77 or newer
    (setuptools,) = [r for r in config["build-system"]["requires"] if _name(r) == "setuptools"]
    low = re.search(r">=\s*([0-9]+)", setuptools)
    assert low and int(low.group(1)) >= 77, setuptools


def test_the_version_is_written_once():
    import mbc_atlas

    config = _pyproject()
    assert "version" not in config["project"] and "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "mbc_atlas.__version__"}
    assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", mbc_atlas.__version__)
    assert f"## {mbc_atlas.__version__} " in (ROOT / "CHANGELOG.md").read_text()


def test_every_sub_package_and_the_data_ship_in_the_wheel():
    """The package list is written out (data/ is mapped into the package), so a new sub-package must be added."""
    config = _pyproject()["tool"]["setuptools"]
    lib, data = ROOT / "lib", ROOT / "data"
    found = {".".join(p.relative_to(lib).parts) for p in [lib / "mbc_atlas", *(lib / "mbc_atlas").rglob("*")]
             if p.is_dir() and p.name != "__pycache__"}
    assert set(config["packages"]) == found | {"mbc_atlas._data", "mbc_atlas._data.sources"}
    assert config["package-dir"] == {"": "lib", "mbc_atlas._data": "data"}
    shipped = {data: config["package-data"]["mbc_atlas._data"],
               data / "sources": config["package-data"]["mbc_atlas._data.sources"]}
    left_out = [p.relative_to(ROOT).as_posix() for p in data.rglob("*") if p.is_file()
                and not any(fnmatch.fnmatch(p.name, pattern) for pattern in shipped.get(p.parent, ()))]
    assert left_out == [], "add these to [tool.setuptools.package-data] in pyproject.toml"


def test_chromium_comes_from_one_helper(monkeypatch, tmp_path):
    """$MBC_CHROMIUM, else chromium (or chromium-browser) on PATH, else Debian's path: one helper, used everywhere."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from chromium_path import DEBIAN_CHROMIUM, chromium_path
    finally:
        sys.path.remove(str(ROOT / "tools"))
    monkeypatch.setenv("MBC_CHROMIUM", "/opt/my-chromium/chrome")
    assert chromium_path() == "/opt/my-chromium/chrome"
    monkeypatch.delenv("MBC_CHROMIUM")
    (tmp_path / "chromium-browser").write_text("#!/bin/sh\n")
    (tmp_path / "chromium-browser").chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chromium_path() == str(tmp_path / "chromium-browser")
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert chromium_path() == DEBIAN_CHROMIUM
    elsewhere = [p.relative_to(ROOT).as_posix() for folder in ("tests", "tools") for p in (ROOT / folder).rglob("*.py")
                 if "node_modules" not in p.parts and p.name not in ("chromium_path.py", "test_setup.py")
                 and re.search(r"/usr/bin/chromium|environ\.get\(.CHROMIUM", p.read_text(encoding="utf-8"))]
    assert elsewhere == [] and DEBIAN_CHROMIUM not in (ROOT / "Makefile").read_text()
