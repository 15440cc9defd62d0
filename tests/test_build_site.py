"""``make site`` when npm is there but its registry is not, or its folder cannot be written: a clear paragraph and a
non-zero exit, no traceback.

(The site itself is built and opened in a browser by tests/browser/test_site.py.)
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

TOOLS = ROOT / "tools"

_INSTALL = """
import sys
from pathlib import Path
from pathlib import Path
sys.path.insert(0, {tools!r})
import build_site
build_site.ASSETS = Path({assets!r})
build_site.MANAGER_DIST = build_site.ASSETS / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist"
build_site.REQUIRE_JS = build_site.ASSETS / "node_modules" / "requirejs" / "require.js"
build_site.install_js()
"""


def test_an_unreachable_npm_registry_ends_in_a_clear_message(tmp_path):
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed")
    assets = tmp_path / "assets"            # a copy: the real tools/site is never touched
    shutil.copytree(TOOLS / "site", assets, ignore=shutil.ignore_patterns("node_modules"))
    env = {**os.environ, "npm_config_registry": "http://127.0.0.1:9/", "npm_config_cache": str(tmp_path / "cache"),
           "npm_config_fetch_retries": "0", "npm_config_offline": "false"}
    run = subprocess.run([sys.executable, "-c", _INSTALL.format(tools=str(TOOLS), assets=str(assets))],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr, run.stderr
    message = run.stderr.strip().splitlines()[-1]
    assert message.startswith("make site could not install its JavaScript: 'npm ci' in ")
    for needed in ("require.js", "@jupyter-widgets/html-manager", "npm registry", "run make site again"):
        assert needed in message, message


@pytest.mark.parametrize("err,says", [
    (subprocess.TimeoutExpired(["npm", "ci"], 900), "was still waiting after 900 seconds"),
    (PermissionError(13, "Permission denied"), "npm could not be run"),
    (subprocess.CalledProcessError(1, ["npm", "ci"]), "failed (exit code 1"),
])
def test_every_way_npm_can_fail_gets_the_same_paragraph(err, says):
    sys.path.insert(0, str(TOOLS))
    try:
        import build_site
    finally:
        sys.path.remove(str(TOOLS))
    text = build_site.npm_failed(err)
    assert says in text and "@jupyter-widgets/html-manager" in text and "\n" not in text


def test_a_folder_it_cannot_write_gets_one_sentence_naming_make_site_out(tmp_path, monkeypatch):
    sys.path.insert(0, str(TOOLS))
    try:
        import build_site
    finally:
        sys.path.remove(str(TOOLS))
    if os.geteuid() == 0:                  # root writes anywhere a mode allows: /sys refuses even root
        out = Path("/sys/mbc-site")
    else:
        out = tmp_path / "read-only"
        out.mkdir(mode=0o500)
    monkeypatch.setattr(build_site, "install_js", lambda: None)
    with pytest.raises(SystemExit) as stop:
        build_site.build(out, names=["09_glossary"])
    message = str(stop.value)
    assert message.startswith(f"make site could not write {out}") and "permission denied" in message
    assert "make site OUT=" in message and "\n" not in message
