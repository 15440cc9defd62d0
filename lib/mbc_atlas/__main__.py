"""``python -m mbc_atlas check [DATA_DIR]``: check the data folder and report every problem."""
import argparse
import sys

from .load import DEFAULT_DATA_DIR, check


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mbc_atlas",
                                     description="Tools for the mbc_atlas teaching collection.")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check every table in a data folder against the schema and the source texts")
    c.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA_DIR), help="the data folder (default: %(default)s)")
    args = parser.parse_args(argv)
    problems = check(args.data_dir)
    if problems:
        print(f"{len(problems)} problem(s) in {args.data_dir}:")
        for p in problems:
            print(f"  - {p}")
        return 1
    from .load import load
    atlas = load(args.data_dir)
    counts = ", ".join(f"{len(atlas[n])} {n}" for n in ("sources", "claims", "drugs", "passages", "glossary"))
    print(f"OK: {args.data_dir} ({counts}); every quote is verbatim in its source.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
