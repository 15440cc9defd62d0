"""The explorer for a room with no kernel (``make explorer``): the site's kernel-free explorer, served over HTTP on
loopback by Python's own threaded static server. Every click is answered in the student's browser, so a class of
any size costs the server only the page and its five small files; ``make explorer VOILA=1`` serves the Voila
explorer instead (a kernel per student).

The page is made again when the data changes (checked when a student opens or reloads it), so everyone in the
room reads the same data; while the data has problems, the page lists them, each with its file, row and column.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import signal
import sys
import tempfile
import threading
from pathlib import Path

import nbformat

import build_site
from mbc_atlas.lesson import note_html
from mbc_atlas.load import DataError, check, load
from mbc_atlas.widgets.explorer import problems_html

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "class" / "explorer.ipynb"    # the explorer alone, as make explorer VOILA=1 serves it


def explorer_page() -> str:
    """The explorer's page from the data as it is now: the notebook's explorer cell in its kernel-free version,
    after the educational-use note every lesson carries."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.metadata["mbc"] = {"offline": "explorer"}
    note = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", data={"text/html": str(note_html())})])
    nb.cells.insert(1, note)
    return build_site.Page(nb, "explorer", "The explorer", in_site=False).html


def problems_page(problems) -> str:
    """The page while the data has problems: the words the notebook explorer shows in its place."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The explorer — the data has problems</title></head>
<body><main>{problems_html(DataError(problems))}</main></body></html>
"""


class Room:
    """The folder the server serves, with its index.html remade whenever the data it was made from changes."""

    def __init__(self, folder: Path):
        self.folder, self.made_from, self.lock = folder, None, threading.Lock()
        build_site.copy_static(folder, widgets=False)

    def refresh(self) -> None:
        with self.lock:
            try:
                atlas = load()            # cached: the same object until a data file changes
            except DataError as err:
                atlas, page = err.problems, problems_page(err.problems)
            else:
                if atlas is self.made_from:
                    return
                cited = check()           # ids a lesson needs that the data lost: the page would break
                page = problems_page(cited) if cited else explorer_page()
            (self.folder / "index.html").write_text(page, encoding="utf-8")
            self.made_from = atlas


def handler(room: Room):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path.split("?")[0] in ("/", "/index.html"):
                room.refresh()
            super().do_GET()

        def log_message(self, *args):     # a class of thirty would fill the terminal
            pass

    return functools.partial(Handler, directory=str(room.folder))


def serve(port: int, folder: Path) -> None:
    room = Room(folder)
    room.refresh()
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler(room)) as server:
        print(f"The explorer is at http://127.0.0.1:{server.server_address[1]}/ (no kernel: every answer is worked "
              "out in the student's browser). Stop it with Ctrl+C.", flush=True)
        server.serve_forever()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)
    build_site.install_js()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))     # stopped by its pid: still remove the folder
    with tempfile.TemporaryDirectory(prefix="mbc-explorer-") as folder:
        try:
            serve(args.port, Path(folder))
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
