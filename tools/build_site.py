"""Build an offline HTML version of every notebook into site/ (``make site``, or ``make site OUT=folder``).

Each notebook is executed in a fresh kernel and exported with a template that links one copy of each
stylesheet and of the page script (site/_static) and each figure as its own file (site/_images), so a page
carries only its words. Cells marked ``mbc.offline`` get versions that need no kernel; a page keeps widget
state, and the Jupyter widgets HTML manager (installed from the npm registry at build time), only when a live
widget view is left on it. The pages need no network. site/index.html lists them in reading order.
"""
from __future__ import annotations

import argparse
import base64
import json
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from pygments.formatters import HtmlFormatter

from mbc_atlas.analysis import quiz
from mbc_atlas.lesson import NOTEBOOKS, note_html
from mbc_atlas.render import offline
from mbc_atlas.render.answer import TEMPLATE_SOURCES
from mbc_atlas.render.theme import stylesheet

ROOT = Path(__file__).resolve().parents[1]
ASSETS = Path(__file__).resolve().parent / "site"
MANAGER_DIST = ASSETS / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist"
REQUIRE_JS = ASSETS / "node_modules" / "requirejs" / "require.js"
AXE_JS = ASSETS / "node_modules" / "axe-core" / "axe.min.js"     # for the accessibility tests, never shipped
NUNJUCKS = ASSETS / "node_modules" / "nunjucks"                    # renders the explorer's answer in the page
FONTS = (".woff", ".woff2", ".ttf", ".eot", ".svg")
LAB_STATIC = Path(HTMLExporter(template_name="lab").template_paths[0]) / "static"   # the lab template's CSS
LAB_NOTICE = "/* JupyterLab's styles: Copyright (c) Jupyter Development Team; the Modified BSD License. */\n"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def install_js() -> None:
    """Install the site's JavaScript from the npm registry (a no-op when already there)."""
    if (MANAGER_DIST.joinpath("embed-amd.js").is_file() and REQUIRE_JS.is_file() and AXE_JS.is_file()
            and NUNJUCKS.joinpath("package.json").is_file()):
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("make site needs npm (Node.js) to fetch require.js and the widgets HTML manager "
                         "from the npm registry; install Node.js and run it again.")
    try:
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ASSETS, check=True,
                       timeout=NPM_TIMEOUT)
    except (OSError, subprocess.SubprocessError) as err:
        raise SystemExit(npm_failed(err)) from None


NPM_TIMEOUT = 900   # seconds; npm itself gives up on an unreachable registry well before


def npm_failed(err: Exception) -> str:
    """One paragraph for when ``npm ci`` fails: what failed, what the site needs from the registry, how to retry."""
    if isinstance(err, subprocess.CalledProcessError):
        what = f"'npm ci' in {ASSETS} failed (exit code {err.returncode}; npm's own message is above)"
    elif isinstance(err, subprocess.TimeoutExpired):
        what = f"'npm ci' in {ASSETS} was still waiting after {err.timeout:.0f} seconds"
    else:
        what = f"npm could not be run ({err})"
    return (f"make site could not install its JavaScript: {what}. The offline site needs require.js and "
            "@jupyter-widgets/html-manager, which come from the npm registry (https://registry.npmjs.org/ unless "
            "npm is set to another: see 'npm config get registry'); most often the registry cannot be reached "
            "from this machine. Check the network connection, or set npm's proxy ('npm config set https-proxy "
            "http://HOST:PORT'), then run make site again. Once installed (in tools/site/node_modules), the "
            "site builds without the network.")


def copy_static(out: Path, widgets: bool) -> None:
    """The files every page links (stylesheets, the page script); the widget manager only when a page needs it."""
    static = out / "_static"
    static.mkdir(parents=True, exist_ok=True)
    lab = "\n".join([*((LAB_STATIC / f).read_text(encoding="utf-8") for f in ("index.css", "theme-light.css")),
                     HtmlFormatter(style=CSSHTMLHeaderPreprocessor().style).get_style_defs(".highlight")])
    (static / "lab.css").write_text(LAB_NOTICE + re.sub(r"/\*.*?\*/", "", lab, flags=re.S), encoding="utf-8")
    shutil.copy2(ASSETS / "site.css", static / "site.css")
    (static / "mbc.css").write_text(stylesheet(site=True), encoding="utf-8")   # the theme's named styles
    (static / "offline.js").write_text(offline.SCRIPT, encoding="utf-8")
    shutil.copy2(NUNJUCKS / "browser" / "nunjucks-slim.min.js", static / "nunjucks-slim.min.js")
    (static / "templates.js").write_text(precompiled_templates(), encoding="utf-8")
    if widgets:
        shutil.copy2(REQUIRE_JS, static / "require.js")
        for f in MANAGER_DIST.iterdir():
            if f.name == "embed-amd.js" or f.suffix in FONTS:
                shutil.copy2(f, static / f.name)


def precompiled_templates() -> str:
    """The templates the page shares with Python (mbc_atlas/render/templates: the answer, the self-check's
    verdict), compiled by Nunjucks for the page's runtime (nunjucks-slim), with Node.js from the site's own install."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("make site needs Node.js (node) to compile the page's templates; install Node.js.")
    compile_js = ("const n = require('nunjucks'), t = JSON.parse(require('fs').readFileSync(0, 'utf8')); "
                  "for (const name in t) process.stdout.write(n.precompileString(t[name], {name: name}));")
    run = subprocess.run([node, "-e", compile_js], input=json.dumps(TEMPLATE_SOURCES), capture_output=True,
                         text=True, cwd=ASSETS, check=False, timeout=120)
    if run.returncode:
        raise SystemExit(f"make site could not compile the page's templates with Nunjucks: {run.stderr.strip()}")
    return run.stdout


def execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def work_without_a_kernel(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Give the cells marked ``mbc.offline`` (the explorer, each self-check item, the score) the versions that
    work with no kernel: Python renders every piece and decides every answer, the page only shows them. A cell
    with ``mbc.site`` shows that markdown instead (nothing if empty): how to use the page, not the notebook."""
    items = {it.id: it for it in quiz.items()}
    numbers = {it.id: f"{'Case' if it.story else 'Question'} {k}." for kind in (False, True)
               for k, it in enumerate([i for i in items.values() if bool(i.story) == kind], start=1)}
    for cell in nb.cells:
        mbc = cell.get("metadata", {}).get("mbc", {})
        if "site" in mbc:     # the page's own words where the notebook's would not hold (a kernel, Lab's menus)
            if cell.cell_type == "markdown":
                cell.source = mbc["site"]
            else:
                cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": mbc["site"]})
                                ] if mbc["site"] else []
            continue
        what = mbc.get("offline")
        if not what:
            continue
        if what == "explorer":
            html = offline.explorer_html()
        elif what == "score":
            html = offline.score_html()
        else:
            item_id = what.split(":", 1)[1]
            html = offline.quiz_item_html(items[item_id], numbers[item_id])
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    return nb


SITE_NAME = "Metastatic breast cancer in patient-education texts"


class Page:
    """One exported notebook: its HTML, its figures (file name -> PNG bytes) and whether it needs the widget
    manager (a live widget view is left on it). A page served alone (``in_site=False``) has no link to the
    lessons."""

    def __init__(self, nb: nbformat.NotebookNode, name: str, title: str = "", in_site: bool = True):
        nb = work_without_a_kernel(nb)
        self.images = _extract_images(nb, name)
        self.widgets = any(WIDGET_VIEW in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
        if not self.widgets:
            nb.metadata.pop("widgets", None)     # state for widgets the page replaced: dead weight
        nb.metadata["title"] = f"{title} — {SITE_NAME}" if title else SITE_NAME
        exporter = HTMLExporter(extra_template_basedirs=[str(ASSETS)], template_name="template",
                                exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
        exporter.require_js_url = "_static/require.js"
        exporter.widget_renderer_url = "_static/embed-amd.js"
        offline_cells = [c.get("metadata", {}).get("mbc", {}).get("offline") for c in nb.cells]
        html, _ = exporter.from_notebook_node(nb, resources={"mbc_offline": any(offline_cells),

                                                                      "mbc_in_site": in_site})
        # Links between notebooks point at their HTML twins.
        self.html = re.sub(r'href="([0-9]{2}_[a-z_]+)\.ipynb"', r'href="\1.html"', html)


def _extract_images(nb: nbformat.NotebookNode, name: str) -> dict[str, bytes]:
    """Take each PNG out of the page into its own file under _images/ (the template links it by name)."""
    images = {}
    for c in nb.cells:
        for o in c.get("outputs", []):
            if "image/png" in o.get("data", {}):
                file = f"_images/{name}-{len(images) + 1}.png"
                images[file] = base64.b64decode(o["data"]["image/png"])
                o["data"]["image/png"] = ""
                o.setdefault("metadata", {}).setdefault("filenames", {})["image/png"] = file
    return images


def index_html(pages: list[tuple[str, str]]) -> str:
    """The contents page: the note (its dates from the data), then the notebooks in reading order. Every text
    is escaped; the look is the theme's (``_static/mbc.css``)."""
    items = "\n".join(f'<li><a href="{escape(name)}.html">{escape(title)}</a></li>' for name, title in pages)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Contents — {SITE_NAME}</title>
<link rel="stylesheet" href="_static/site.css"><link rel="stylesheet" href="_static/mbc.css"></head>
<body class="mbc-site-index"><h1>{SITE_NAME}: what they say about treatment</h1>
{note_html()}
<p>Read the lessons in this order. This copy needs no installation and no kernel: the explorer and the
self-check work in the page itself; nothing you choose leaves your computer.</p>
<ol start="0">
{items}
</ol></body></html>
"""


def build(out: Path, notebooks_dir: Path = ROOT / "notebooks", names=None) -> list[Path]:
    """Execute and export the notebooks (all of the learning path, or ``names``) into ``out``."""
    install_js()
    pages = [(n, t) for n, t in NOTEBOOKS if (names is None or n in names) and (notebooks_dir / f"{n}.ipynb").is_file()]
    try:
        (out / "_images").mkdir(parents=True, exist_ok=True)
        written, widgets = [], False
        for name, title in pages:
            print(f"  {name}", flush=True)
            page = Page(execute(notebooks_dir / f"{name}.ipynb"), name, title)
            for file, png in page.images.items():
                (out / file).write_bytes(png)
            path = out / f"{name}.html"
            path.write_text(page.html, encoding="utf-8")
            written.append(path)
            widgets |= page.widgets
        copy_static(out, widgets)
        (out / "index.html").write_text(index_html(pages), encoding="utf-8")
    except PermissionError as err:
        raise SystemExit(f"make site could not write {err.filename}: permission denied. Build the site in a folder "
                         "you can write to, for example: make site OUT=/tmp/mbc-site") from None
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "site"), help="output folder (default: %(default)s)")
    parser.add_argument("names", nargs="*", help="only these notebooks, e.g. 06_explorer")
    args = parser.parse_args(argv)
    written = build(Path(args.out), names=args.names or None)
    print(f"wrote {len(written)} page(s) and index.html to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
