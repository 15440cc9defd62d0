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
import tinycss2
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from pygments.formatters import HtmlFormatter

from mbc_atlas.analysis import quiz, unfolding
from mbc_atlas.lesson import NOTEBOOKS, note_html
from mbc_atlas.render import offline
from mbc_atlas.render.answer import TEMPLATE_SOURCES
from mbc_atlas.render.html import without_inline_looks
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


def copy_static(out: Path, widgets: bool, pages: list[str] | None = None) -> None:
    """The files every page links (stylesheets, the page script); the widget manager only when a page needs it.
    Given the ``pages`` (their HTML) and no live widget, lab.css keeps only the rules that can match them."""
    static = out / "_static"
    static.mkdir(parents=True, exist_ok=True)
    lab = "\n".join([*((LAB_STATIC / f).read_text(encoding="utf-8") for f in ("index.css", "theme-light.css")),
                     HtmlFormatter(style=CSSHTMLHeaderPreprocessor().style).get_style_defs(".highlight")])
    lab = re.sub(r"/\*.*?\*/", "", lab, flags=re.S)
    shutil.copy2(ASSETS / "site.css", static / "site.css")
    (static / "mbc.css").write_text(stylesheet(site=True), encoding="utf-8")   # the theme's named styles
    if pages is not None and not widgets:
        lab = rules_for(lab, {c for html in pages for m in CLASS_ATTR.finditer(html) for c in m.group(1).split()})
        lab = without_unread_properties(lab, "\n".join([stylesheet(site=True), (ASSETS / "site.css").read_text(
            encoding="utf-8"), *pages]))
    (static / "lab.css").write_text(LAB_NOTICE + lab, encoding="utf-8")
    (static / "offline.js").write_text(offline.SCRIPT, encoding="utf-8")
    shutil.copy2(NUNJUCKS / "browser" / "nunjucks-slim.min.js", static / "nunjucks-slim.min.js")
    (static / "templates.js").write_text(precompiled_templates(), encoding="utf-8")
    if widgets:
        shutil.copy2(REQUIRE_JS, static / "require.js")
        for f in MANAGER_DIST.iterdir():
            if f.name == "embed-amd.js" or f.suffix in FONTS:
                shutil.copy2(f, static / f.name)


#: A class attribute, also as JSON writes it in a page's data (group 1: the classes).
CLASS_ATTR = re.compile(r'class=\\?"([^"\\]*)\\?"')
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|-webkit-any)\(")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def _may_match(selector: str, classes: set[str]) -> bool:
    """False only when the selector needs a class no page has (what :not(), :is() or :has() name is left aside)."""
    plain, i = [], 0
    while (m := _FUNCTIONAL.search(selector, i)) is not None:
        plain.append(selector[i:m.start()])
        depth, i = 1, m.end()
        while depth and i < len(selector):
            depth += {"(": 1, ")": -1}.get(selector[i], 0)
            i += 1
    plain.append(selector[i:])
    return all(c in classes for c in _CLASS.findall("".join(plain)))


def _selectors(prelude: str) -> list[str]:
    """A selector list's selectors (a comma inside :is(...) or :not(...) does not split it)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and not depth:
            out.append(prelude[start:i].strip())
            start = i + 1
    return [*out, prelude[start:].strip()]


def rules_for(css: str, classes: set[str]) -> str:
    """The rules of ``css`` that can match a page whose elements have only ``classes`` (JupyterLab's stylesheet is
    mostly for Lab's own interface, which no page of the site has): fewer bytes to fetch and parse, the same look.

    >>> rules_for(".jp-a p { color: red } .lm-b, .jp-a { margin: 0 } :root { --x: 1 }", {"jp-a"})
    '.jp-a p { color: red }\\n.jp-a { margin: 0 }\\n:root { --x: 1 }'
    """
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            kept = [s for s in _selectors(tinycss2.serialize(rule.prelude)) if _may_match(s, classes)]
            if kept:
                out.append(f"{', '.join(kept)} {{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = rules_for(tinycss2.serialize(rule.content), classes)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return "\n".join(out)


_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def without_unread_properties(css: str, elsewhere: str) -> str:
    """``css`` without the custom properties (``--jp-...``: most are Lab's icons, as data URLs) that no declaration
    of it, nor any text ``elsewhere`` (the other stylesheets, the pages), reads, directly or through another.

    >>> without_unread_properties(":root { --a: 1px; --b: var(--c); --c: red; --d: 0 } p { margin: var(--a) }", "var(--b)")
    ':root {--a:1px;--b:var(--c);--c:red}\\np {margin:var(--a)}'
    """
    def blocks(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                yield rule, tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            elif rule.type == "at-rule" and rule.content:
                yield from blocks(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
    sheet = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    defined: dict[str, list[str]] = {}
    read = set(_VAR.findall(elsewhere))
    for _, decls in blocks(sheet):
        for d in decls:
            if d.type == "declaration":
                value = tinycss2.serialize(d.value)
                if d.name.startswith("--"):
                    defined.setdefault(d.name, []).append(value)
                else:
                    read |= set(_VAR.findall(value))
    todo = list(read)
    while todo:
        for value in defined.get(todo.pop(), []):
            todo += [v for v in _VAR.findall(value) if v not in read]
            read |= set(_VAR.findall(value))

    def written(rules) -> list[str]:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                decls = [f"{d.name}:{tinycss2.serialize(d.value).strip()}{' !important' if d.important else ''}"
                         for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                         if d.type == "declaration" and (not d.name.startswith("--") or d.name in read)]
                if decls:
                    out.append(f"{tinycss2.serialize(rule.prelude).strip()} {{{';'.join(decls)}}}")
            elif rule.type == "at-rule" and rule.content and rule.lower_at_keyword in ("media", "supports"):
                inner = written(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{chr(10).join(inner)}}}")
            else:
                out.append(tinycss2.serialize([rule]))
        return out
    return "\n".join(written(sheet))


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
    """Give the cells marked ``mbc.offline`` (the explorer, each self-check item ``quiz:ID``, each graded step of the
    unfolding case ``step:ID``, the score) the versions that work with no kernel: Python renders every piece and
    decides every answer, the page only shows them. A cell with ``mbc.site`` shows that markdown instead (nothing if
    empty): how to use the page, not the notebook."""
    marks = [c.get("metadata", {}).get("mbc", {}).get("offline", "") for c in nb.cells]
    items, numbers = graded_items([m for m in marks if m.startswith(("quiz:", "step:"))])
    for cell, what in zip(nb.cells, marks):
        mbc = cell.get("metadata", {}).get("mbc", {})
        if "site" in mbc:     # the page's own words where the notebook's would not hold (a kernel, Lab's menus)
            if cell.cell_type == "markdown":
                cell.source = mbc["site"]
            else:
                cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": mbc["site"]})
                                ] if mbc["site"] else []
            continue
        if not what:
            continue
        if what == "explorer":
            html = offline.explorer_html()
        elif what == "score":
            html = offline.score_html(len(items))
        else:
            html = offline.quiz_item_html(items[what], numbers[what])
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    return nb


def graded_items(marks: list[str]) -> tuple[dict, dict]:
    """The graded items a page marks (``quiz:ID``: the self-check's; ``step:ID``: the unfolding case's), and each
    one's number on that page: "Question k." and "Case k." counted apart, in the page's order; a step of the case
    keeps its own number ("Step n.", as the page's headings say)."""
    known = {f"quiz:{it.id}": it for it in quiz.items()} | {f"step:{it.id}": it for it in unfolding.items()}
    items = {m: known[m] for m in marks}
    counts: dict[str, int] = {}
    numbers = {}
    for m, it in items.items():
        if m.startswith("step:"):
            numbers[m] = f"Step {unfolding.step(it.id).number}."
        else:
            kind = "Case" if it.story else "Question"
            counts[kind] = counts.get(kind, 0) + 1
            numbers[m] = f"{kind} {counts[kind]}."
    return items, numbers


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
        # Links between notebooks point at their HTML twins. The looks come from _static/mbc.css, not inline.
        self.html = without_inline_looks(re.sub(r'href="([0-9]{2}_[a-z_]+)\.ipynb"', r'href="\1.html"', html))


def _extract_images(nb: nbformat.NotebookNode, name: str) -> dict[str, bytes]:
    """Take each PNG out of the page into its own file under _images/ (the template links it by name)."""
    images = {}
    for c in nb.cells:
        for o in c.get("outputs", []):
            if "image/png" in o.get("data", {}):
                file = f"_images/{name}-{len(images) + 1}.png"
                images[file] = png = base64.b64decode(o["data"]["image/png"])
                o["data"]["image/png"] = ""
                o.setdefault("metadata", {}).setdefault("filenames", {})["image/png"] = file
                o["metadata"]["mbc_size"] = png_size(png)
    return images


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels, from its header.

    >>> png_size(bytes.fromhex("89504e470d0a1a0a0000000d49484452000004b000000420") + bytes(5))
    (1200, 1056)
    """
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def index_html(pages: list[tuple[str, str]]) -> str:
    """The contents page: the note (its dates from the data), then the notebooks in reading order. Every text
    is escaped; the look is the theme's (``_static/mbc.css``)."""
    items = "\n".join(f'<li><a href="{escape(name)}.html">{escape(title)}</a></li>' for name, title in pages)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Contents — {SITE_NAME}</title>
<link rel="stylesheet" href="_static/site.css"><link rel="stylesheet" href="_static/mbc.css"></head>
<body class="mbc-site-index"><h1>{SITE_NAME}: what they say about treatment</h1>
{without_inline_looks(note_html())}
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
        copy_static(out, widgets, [p.read_text(encoding="utf-8") for p in written])
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
