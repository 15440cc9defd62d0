"""Build an offline HTML version of every notebook into site/ (``make site``).

Each notebook is executed in a fresh kernel with its widget state stored, exported with a template whose
scripts (require.js and the Jupyter widgets HTML manager) are installed from the npm registry at build
time and copied into site/_static, so the pages need no network. site/index.html lists them in reading order.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from mbc_atlas.analysis import quiz
from mbc_atlas.lesson import NOTEBOOKS, note_html
from mbc_atlas.render import offline
from mbc_atlas.render.theme import stylesheet

ROOT = Path(__file__).resolve().parents[1]
ASSETS = Path(__file__).resolve().parent / "site"
MANAGER_DIST = ASSETS / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist"
REQUIRE_JS = ASSETS / "node_modules" / "requirejs" / "require.js"
AXE_JS = ASSETS / "node_modules" / "axe-core" / "axe.min.js"     # for the accessibility tests, never shipped
FONTS = (".woff", ".woff2", ".ttf", ".eot", ".svg")


def install_js() -> None:
    """Install the site's JavaScript from the npm registry (a no-op when already there)."""
    if MANAGER_DIST.joinpath("embed-amd.js").is_file() and REQUIRE_JS.is_file() and AXE_JS.is_file():
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


def copy_static(out: Path) -> None:
    static = out / "_static"
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REQUIRE_JS, static / "require.js")
    shutil.copy2(ASSETS / "site.css", static / "site.css")
    (static / "mbc.css").write_text(stylesheet(site=True), encoding="utf-8")   # the theme's named styles
    for f in MANAGER_DIST.iterdir():
        if f.name == "embed-amd.js" or f.suffix in FONTS:
            shutil.copy2(f, static / f.name)


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


def export(nb: nbformat.NotebookNode, title: str = "") -> str:
    nb = work_without_a_kernel(nb)
    nb.metadata["title"] = f"{title} — {SITE_NAME}" if title else SITE_NAME
    exporter = HTMLExporter(extra_template_basedirs=[str(ASSETS)], template_name="template",
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.require_js_url = "_static/require.js"
    exporter.widget_renderer_url = "_static/embed-amd.js"
    html, _ = exporter.from_notebook_node(nb)
    # Links between notebooks point at their HTML twins.
    return re.sub(r'href="([0-9]{2}_[a-z_]+)\.ipynb"', r'href="\1.html"', html)


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
    out.mkdir(parents=True, exist_ok=True)
    copy_static(out)
    pages = [(n, t) for n, t in NOTEBOOKS if (names is None or n in names) and (notebooks_dir / f"{n}.ipynb").is_file()]
    written = []
    for name, title in pages:
        print(f"  {name}", flush=True)
        path = out / f"{name}.html"
        path.write_text(export(execute(notebooks_dir / f"{name}.ipynb"), title), encoding="utf-8")
        written.append(path)
    (out / "index.html").write_text(index_html(pages), encoding="utf-8")
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
