"""A two-page printable handout per lesson (``make handout``): Chromium prints each page of the offline site with
the handout's print style (tools/site/site.css), keeping the title, objectives and note, the table or figure
tagged ``handout`` in the notebook, the key points, and the questions with room for the answer. Written to
handouts/."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import build_site
from chromium_path import ENV_VAR, chromium_path
from mbc_atlas.lesson import NOTEBOOKS

ROOT = Path(__file__).resolve().parents[1]
LESSONS = [n for n, _ in NOTEBOOKS if n[:2] in {"01", "02", "03", "04", "05", "07"}]


def print_pdf(context, html: Path, pdf: Path) -> None:
    """Print one site page to PDF in a Chromium browser context, with the handout's print style."""
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(html.as_uri(), wait_until="load")
    page.evaluate("() => { document.body.classList.add('mbc-handout'); window.dispatchEvent(new Event('beforeprint')); }")
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=True,
             margin={"top": "12mm", "bottom": "12mm", "left": "14mm", "right": "14mm"})
    page.close()


def build(out: Path, names=None, context=None) -> list[Path]:
    """Build the site pages of the lessons (or ``names``) and print each to ``out/<name>.pdf`` (in ``context``, a
    Playwright browser context, or a Chromium started here)."""
    if context is None:
        chromium = chromium_path()
        if not Path(chromium).is_file():
            raise SystemExit(f"make handout needs Chromium at {chromium}: install Debian's (apt-get install chromium), "
                             f"or name another: make handout {ENV_VAR}=/path/to/chromium")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
            try:
                return build(out, names, browser.new_context())
            finally:
                browser.close()
    names = names or LESSONS
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pages = build_site.build(Path(tmp), names=names)
        written = []
        for page in pages:
            pdf = out / f"{page.stem}.pdf"
            print_pdf(context, page, pdf)
            written.append(pdf)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "handouts"), help="output folder (default: %(default)s)")
    parser.add_argument("names", nargs="*", help="only these notebooks, e.g. 02_hormonal_therapy")
    args = parser.parse_args(argv)
    written = build(Path(args.out), args.names or None)
    print(f"wrote {len(written)} handout(s) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
