"""`passerelle paths`: where config, data and cache live."""

from __future__ import annotations

import argparse
import json

from tui.paths import Paths

HELP = "Show where Passerelle keeps its config, data and cache."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, paths: Paths) -> int:
    rows = {
        "config": paths.config,
        "data": paths.data,
        "cache": paths.cache,
        "database": paths.database,
        "strategy": paths.strategy_file,
        "templates": paths.templates_dir,
        "settings": paths.settings_file,
    }
    if args.json:
        print(json.dumps({k: str(v) for k, v in rows.items()}, indent=2))
    else:
        for key, value in rows.items():
            print(f"{key:<10} {value}")
    return 0
