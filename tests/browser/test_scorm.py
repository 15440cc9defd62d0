"""The SCORM 1.2 package (``make scorm``), played by a real SCORM runtime in Chromium.

scorm-again (npm, installed from tools/scorm/package-lock.json) plays the learning-management system: a harness
page on loopback makes its Scorm12API the window.API, with a commit address on the same server, and loads the
package's launch page (as its manifest names it) in an iframe. A learner answers; the test reads back the score
and status the runtime holds and the ones it sent to the server. With no runtime, the page works as the plain
site does and hands the learner a record of their answers."""
import csv
import functools
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
import zipfile
from urllib.parse import urlparse

import pytest

from ..conftest import ROOT
from . import LOOPBACK, free_port

sys.path.insert(0, str(ROOT / "tools"))
import build_scorm  # noqa: E402

pytestmark = pytest.mark.browser

RUNTIME_DIR = ROOT / "tools" / "scorm"
RUNTIME_JS = RUNTIME_DIR / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"

HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SCORM 1.2 harness</title>
<script src="runtime/scorm12.min.js"></script>
<script>window.API = new Scorm12API({lmsCommitUrl: "/commit", logLevel: 5});</script></head>
<body><iframe id="sco" title="The package" src="package/%s" style="width:1240px;height:2300px"></iframe></body></html>
"""


def install_runtime():
    """scorm-again from the committed lockfile (npm ci), as make site installs the site's JavaScript."""
    if RUNTIME_JS.is_file():
        return
    npm = shutil.which("npm")
    if npm is None:
        reason = "npm not found: the SCORM test needs scorm-again from the npm registry (install Node.js)"
        pytest.fail(reason) if os.environ.get("CI") else pytest.skip(reason)
    try:
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=RUNTIME_DIR, check=True,
                       timeout=900)
    except (OSError, subprocess.SubprocessError) as err:
        pytest.fail(f"could not install scorm-again into {RUNTIME_DIR} with 'npm ci' ({err}). It comes from the npm "
                    "registry (see 'npm config get registry'); check the network or set npm's proxy ('npm config set "
                    "https-proxy http://HOST:PORT') and run the tests again.")


class _Handler(http.server.SimpleHTTPRequestHandler):
    commits: list

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.commits.append(json.loads(body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"result": true, "errorCode": 0}')

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def package(need_chromium, tmp_path_factory):
    install_runtime()
    tmp = tmp_path_factory.mktemp("scorm")
    return build_scorm.build(tmp / "package.zip")


def launch_href(z: zipfile.ZipFile) -> str:
    root = ET.fromstring(z.read(build_scorm.MANIFEST))
    [sco] = [r for r in root.iter(f"{CP}resource") if r.get(f"{ADLCP}scormtype") == "sco"]
    return sco.get("href")


@pytest.fixture(scope="module")
def served(package, tmp_path_factory):
    """The harness, the runtime and the unzipped package on one loopback server; yields (base, launch, commits)."""
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(package) as z:
        z.extractall(root / "package")
        launch = launch_href(z)
    (root / "runtime").mkdir()
    shutil.copy2(RUNTIME_JS, root / "runtime" / RUNTIME_JS.name)
    (root / "harness.html").write_text(HARNESS % launch, encoding="utf-8")
    commits: list = []
    handler = functools.partial(type("Handler", (_Handler,), {"commits": commits}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", launch, commits
    server.shutdown()
    server.server_close()


def answer(frame, item, right: bool):
    """Answer one question or case in the page as a learner would: tick, then press the check button."""
    box = frame.locator(f".mbc-offline-quiz[data-item='{item.id}']")
    wrong = [v for _, v in item.options if v not in item.key][:1]
    chosen = sorted(item.key) if right else sorted(item.key)[1:] + wrong
    box.locator("input").evaluate_all("els => els.forEach(e => { e.checked = false; })")
    for v in chosen:
        box.locator(f"input[value='{v}']").check()
    box.locator(".mbc-off-check").click()
    return chosen


def runtime(page, element: str) -> str:
    return page.evaluate("(e) => String(window.API.LMSGetValue(e))", element)


def test_the_runtime_records_the_score_and_status(served, browser_context, artifacts):
    from mbc_atlas.analysis import quiz
    from mbc_atlas.render.offline import SCORE_WORDS

    base, launch, commits = served
    assert launch == build_scorm.LAUNCH
    page = browser_context.new_page()
    page.goto(f"{base}/harness.html", wait_until="load", timeout=60_000)
    frame = page.frame_locator("#sco")
    frame.locator(".mbc-off-download").wait_for(state="visible")
    assert page.evaluate("() => window.API.isInitialized()")
    assert runtime(page, "cmi.core.lesson_status") == "incomplete" and runtime(page, "cmi.core.score.raw") == ""
    assert frame.locator(".mbc-off-where").inner_text() == SCORE_WORDS["in_lms"]
    lessons = frame.locator("a[href='06_explorer.html'], a[href='index.html']")
    assert lessons.count() >= 2 and set(lessons.evaluate_all("els => els.map(a => a.target)")) == {"_blank"}
    items = quiz.items()
    right = 0
    for n, it in enumerate(items, start=1):
        good = n % 3 != 0                  # every third one wrong
        answer(frame, it, good)
        right += good
        want = str(round(100 * right / len(items)))
        assert runtime(page, "cmi.core.score.raw") == want, (it.id, n)
        assert runtime(page, "cmi.core.lesson_status") == ("completed" if n == len(items) else "incomplete"), n
    assert (runtime(page, "cmi.core.score.min"), runtime(page, "cmi.core.score.max")) == ("0", "100")
    assert 0 < right < len(items)
    sent = commits[-1]["cmi"]["core"]      # what the runtime sent to its server on the last commit
    assert (sent["score"]["raw"], sent["score"]["min"], sent["score"]["max"], sent["lesson_status"]) == (
        want, "0", "100", "completed")
    frame.locator("body").screenshot(path=str(artifacts / "scorm_self_check_in_lms.png"))
    # leaving the page ends the SCO's session: the runtime is finished, and its last commit carries the time spent
    page.evaluate("() => { document.getElementById('sco').src = 'package/index.html'; }")
    page.wait_for_function("() => window.API.isTerminated()", timeout=15_000)
    deadline = time.monotonic() + 15
    while "total_time" not in commits[-1]["cmi"]["core"] and time.monotonic() < deadline:
        time.sleep(0.1)
    last = commits[-1]["cmi"]["core"]
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}", last["session_time"]) and "total_time" in last, last
    assert (last["lesson_status"], last["score"]["raw"]) == ("completed", want)
    page.close()


def test_with_no_lms_it_works_as_before_and_gives_a_record(served, browser_context):
    from mbc_atlas.analysis import quiz
    from mbc_atlas.render.feedback import feedback_html
    from mbc_atlas.render.html import visible_text
    from mbc_atlas.render.offline import SCORE_WORDS

    base, launch, _ = served
    page = browser_context.new_page()
    page.goto(f"{base}/package/{launch}", wait_until="load", timeout=60_000)
    assert page.evaluate("() => window.API === undefined && window.parent === window")
    score = page.locator(".mbc-offline-score")
    assert "Nothing leaves this computer." in score.inner_text()
    assert page.locator("a[target]").count() == 0
    items = quiz.items()
    first, second = items[0], items[-1]
    answer(page, first, True)
    chosen = answer(page, second, False)
    feedback = page.locator(f".mbc-offline-quiz[data-item='{second.id}'] .mbc-off-feedback").inner_html()
    assert visible_text(feedback) == visible_text(feedback_html(second, set(chosen)))
    text = page.locator(".mbc-off-score-text").inner_text()
    assert text == f"1 of {len(items)} right (2 of {len(items)} answered)."
    with page.expect_download() as dl:
        page.get_by_role("button", name=SCORE_WORDS["download"]).click()
    assert dl.value.suggested_filename == SCORE_WORDS["file"]
    rows = list(csv.reader(io.StringIO(open(dl.value.path(), encoding="utf-8-sig").read())))
    assert rows[0] == SCORE_WORDS["columns"]
    legends = page.locator(".mbc-offline-quiz legend").all_inner_texts()
    assert [r[0] for r in rows[1:-2]] == legends and len(legends) == len(items)
    labels = {v: w for w, v in second.options}
    by_question = dict(zip(legends, rows[1:-2]))
    assert by_question[legends[0]][1:] == ["; ".join(w for w, v in first.options if v in first.key),
                                           SCORE_WORDS["right"]]
    assert by_question[legends[-1]][1:] == ["; ".join(labels[v] for _, v in second.options if v in chosen),
                                            SCORE_WORDS["wrong"]]
    assert all(r[1:] == ["", SCORE_WORDS["unanswered"]] for r in rows[2:-3])
    assert rows[-2] == [SCORE_WORDS["score"], text] and rows[-1][0] == SCORE_WORDS["saved"]
    page.close()


def test_the_manifest_lists_every_file_and_nothing_else(package):
    with zipfile.ZipFile(package) as z:
        names = set(z.namelist())
        root = ET.fromstring(z.read(build_scorm.MANIFEST))
        pages = {n: z.read(n).decode("utf-8") for n in names if n.endswith(".html")}
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    [sco] = [r for r in root.iter(f"{CP}resource") if r.get(f"{ADLCP}scormtype") == "sco"]
    [item] = root.iter(f"{CP}item")
    assert item.get("identifierref") == sco.get("identifier")
    listed = [f.get("href") for f in sco.iter(f"{CP}file")]
    assert len(listed) == len(set(listed))
    assert set(listed) == names - {build_scorm.MANIFEST}
    assert sco.get("href") in listed and "index.html" in listed and any(n.startswith("_images/") for n in names)
    for name, html in pages.items():      # every file a page loads is in the package
        for ref in re.findall(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"#]+)"', html):
            if not ref.startswith("data:"):
                assert ref in listed, (name, ref)


def test_no_page_of_the_package_asks_the_network_for_anything(package, served, browser_context):
    base, _, _ = served
    with zipfile.ZipFile(package) as z:
        pages = sorted(n for n in z.namelist() if n.endswith(".html"))
    requests, failed = [], []
    page = browser_context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    for name in pages:
        page.goto(f"{base}/package/{name}", wait_until="load", timeout=60_000)
    page.goto(f"{base}/harness.html", wait_until="load", timeout=60_000)
    page.frame_locator("#sco").locator(".mbc-off-download").wait_for(state="visible")
    page.close()
    off_loopback = [u for u in requests
                    if not u.startswith(("data:", "blob:")) and urlparse(u).hostname not in LOOPBACK]
    assert off_loopback == [] and failed == []
    assert len(requests) > len(pages)
