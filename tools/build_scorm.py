"""Build a SCORM 1.2 package of the offline site for a learning-management system (``make scorm``).

The package is a zip: ``imsmanifest.xml`` and the kernel-free site (tools/build_site.py), nothing else. The
manifest declares one SCO, launched at the self-check: it is the one page with a score to report, and SCORM 1.2
gives a SCO one API session per launch (LMSInitialize ... LMSFinish), which a page that is left ends. The lessons
are in the package too, so the self-check's links to them work inside the LMS. The manifest sets no mastery
score: the self-check reports "completed" once every item is answered, and the lecturer sets any pass mark in
the course's gradebook. Every file of the package is listed in the manifest.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from html import escape
from pathlib import Path

import build_site
from mbc_atlas.lesson import NOTEBOOKS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "mbc_atlas_scorm12.zip"
LAUNCH = "08_self_check.html"
MANIFEST = "imsmanifest.xml"
ZIP_TIME = (2026, 1, 1, 0, 0, 0)     # one date on every entry: the same site gives the same zip


def site_files(site: Path) -> list[str]:
    """Every file of a built site, as paths relative to it with forward slashes, sorted."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def manifest_xml(files: list[str], title: str = build_site.SITE_NAME) -> str:
    """The SCORM 1.2 manifest of one SCO launched at the self-check, listing ``files``."""
    item = dict(NOTEBOOKS)[Path(LAUNCH).stem]
    listed = "\n".join(f'      <file href="{escape(f)}"/>' for f in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="mbc_atlas_scorm12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="mbc_atlas">
    <organization identifier="mbc_atlas">
      <title>{escape(title)}</title>
      <item identifier="self_check" identifierref="self_check_sco" isvisible="true">
        <title>{escape(item)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="self_check_sco" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH}">
{listed}
    </resource>
  </resources>
</manifest>
"""


def package(site: Path, out: Path) -> Path:
    """Zip a built site and its manifest into ``out``."""
    files = site_files(site)
    if LAUNCH not in files:
        raise SystemExit(f"make scorm: the site in {site} has no {LAUNCH}, the package's launch page.")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo(MANIFEST, ZIP_TIME), manifest_xml(files), zipfile.ZIP_DEFLATED)
        for f in files:
            z.writestr(zipfile.ZipInfo(f, ZIP_TIME), (site / f).read_bytes(), zipfile.ZIP_DEFLATED)
    return out


def build(out: Path = OUT) -> Path:
    """Build the whole site afresh in a temporary folder and package it."""
    with tempfile.TemporaryDirectory(prefix="mbc-scorm-") as tmp:
        build_site.build(Path(tmp))
        return package(Path(tmp), out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(OUT), help="the zip to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        out = build(Path(args.out))
    except PermissionError as err:
        raise SystemExit(f"make scorm could not write {err.filename}: permission denied. Write the package "
                         "somewhere you can, for example: make scorm OUT=/tmp/mbc_atlas_scorm12.zip") from None
    print(f"wrote {out}: import it into Moodle, Canvas or Blackboard as a SCORM 1.2 package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
