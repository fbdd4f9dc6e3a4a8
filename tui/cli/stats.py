"""`passerelle stats [SOURCE] [--json]`: network figures, headless and read-only."""

from __future__ import annotations

import argparse
import json

from tui.i18n import N_, _
from tui.outputs.stats_figures import load, stored
from tui.outputs.stats_text import summary
from tui.paths import Paths

HELP = N_("Show the size, band and composition of your network (nothing is written).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_source_arguments(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """SOURCE and --qualify, shared with `passerelle report`."""
    parser.add_argument("source", nargs="?", help=_("export ZIP, folder or CSV (default: last import, else the sample)"))
    parser.add_argument(
        "--qualify",
        action="append",
        default=[],
        metavar="FAMILY",
        help=_("count contacts of this role family as qualified (repeatable; default: the strategy's targets)"),
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    stats = stored(args.source, args.qualify, paths)
    if stats is None:
        stats = load(args.source, args.qualify, paths).stats
    if args.json:
        # ASCII escapes keep C1 and bidi characters from the export away from the terminal.
        print(json.dumps(stats, indent=2))
    else:
        print(summary(stats))
    return 0
