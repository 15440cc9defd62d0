"""``python -m mbc_atlas check [DATA_DIR]``: check the data folder and report every problem."""
import argparse
import sys

from .load import DEFAULT_DATA_DIR, check, data_folder, listing


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mbc_atlas",
                                     description="Tools for the mbc_atlas teaching collection.")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check every table in a data folder against the schema and the source texts")
    c.add_argument("data_dir", nargs="?", default=None,
                   help="the data folder (default: $MBC_ATLAS_DATA when set, else "
                        + str(DEFAULT_DATA_DIR).replace("%", "%%") + ")")
    args = parser.parse_args(argv)
    folder = data_folder(args.data_dir)      # exactly the folder load() reads
    problems = check(folder)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}:")
        print("\n".join(listing(problems)))
        return 1
    from .load import load
    atlas = load(folder)
    counts = ", ".join(f"{len(atlas[n])} {n}" for n in ("sources", "claims", "drugs", "passages", "glossary"))
    print(f"OK: {folder} ({counts}); every quote is verbatim in its source.")
    from .analysis.editors import warnings
    found = warnings(atlas)
    if found:
        print(f"{len(found)} warning(s) about the editors' rows (the data can still be used):")
        print("\n".join(listing(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
