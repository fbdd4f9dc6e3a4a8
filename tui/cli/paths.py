"""`passerelle paths`: where config, data and cache live."""

from __future__ import annotations

import argparse
import json

from tui.outputs.human import shown
from tui.i18n import N_, _
from tui.paths import Paths

HELP = N_("Show where Passerelle keeps its config, data and cache.")

# The human labels of the JSON keys below.
PLACES = {"config": N_("config"), "data": N_("data"), "cache": N_("cache"), "database": N_("database"),
          "strategy": N_("strategy"), "templates": N_("templates"), "settings": N_("settings")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


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
        labels = {key: shown(PLACES[key]) for key in rows}
        width = max(10, *(len(label) for label in labels.values()))
        for key, value in rows.items():
            print(f"{labels[key]:<{width}} {value}")
    return 0
