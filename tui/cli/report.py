"""`passerelle report [SOURCE] [-o FILE]`: the network figures as shareable Markdown."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli import stats as stats_cmd
from tui.i18n import N_, _, ngettext
from tui.outputs.stats_figures import load
from tui.outputs.human import count
from tui.outputs.report import render
from tui.paths import Paths

HELP = N_("Write your network's size, band and composition as Markdown (stdout or a file).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    stats_cmd.add_source_arguments(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write the report to FILE instead of stdout"))


def run(args: argparse.Namespace, paths: Paths) -> int:
    text = render(load(args.source, args.qualify, paths).stats)
    if args.output:
        from tui.core.errors import PasserelleError
        from tui.core.files import write_text_atomic

        try:
            write_text_atomic(Path(args.output), text)
        except OSError as exc:
            raise PasserelleError(args.output, _("cannot write the report: {reason}").format(
                reason=exc.strerror or exc)) from None
        lines = text.count("\n")
        print(ngettext("wrote the network report ({count} line of Markdown) to {path}",
                       "wrote the network report ({count} lines of Markdown) to {path}", lines).format(
            count=count(lines), path=Path(args.output).resolve()))
    else:
        print(text, end="")
    return 0
