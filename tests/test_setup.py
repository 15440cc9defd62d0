"""The set-up files agree with each other."""
import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

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
