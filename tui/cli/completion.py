"""`passerelle completion bash|zsh|fish`: a shell completion script drawn from the parsers.

Written from the argparse tree rather than with a generator such as shtab: the command line
picks its subcommand by hand (so that `passerelle [SOURCE]` still opens the app), which a
generator cannot see, and the script asks `passerelle completion --list-templates` for the
template names at completion time, so new templates complete without a new script.
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass

from tui.i18n import N_, _
from tui.paths import Paths

HELP = N_("Print a shell completion script (bash, zsh or fish) for subcommands, options and template names.")
SHELLS = ("bash", "zsh", "fish")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", nargs="?", choices=SHELLS, help=_("the shell to complete in"))
    parser.add_argument("--list-templates", action="store_true", help=argparse.SUPPRESS)


@dataclass(frozen=True)
class Option:
    names: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    positional: str  # "templates", "files", "choices:a b", or ""


def command_tree() -> list[Command]:
    """Every subcommand with its options, from the parsers the command line uses."""
    from tui.cli.commands import COMMANDS
    from tui.cli.parsers import command_parser

    out = []
    for name in COMMANDS:
        parser = command_parser(name)
        options, positional = [], ""
        for action in parser._actions:  # argparse keeps no public list of its actions
            if action.help == argparse.SUPPRESS:
                continue
            if action.option_strings:
                options.append(Option(tuple(action.option_strings), _plain(action.help),
                                      action.nargs != 0, tuple(action.choices or ())))
            elif action.dest == "template":
                positional = "templates"
            elif action.choices:
                positional = "choices:" + " ".join(action.choices)
            else:
                positional = "files"
        out.append(Command(name, _plain(parser.description), tuple(options), positional))
    return out


def _plain(text: str | None) -> str:
    return " ".join((text or "").replace("%%", "%").split())


def template_names(paths: Paths) -> list[str]:
    """The names `compose` accepts without quoting: the template file names, without .toml."""
    from tui.composer.template_files import load_templates

    from tui.composer.template_files import STARTER_TEMPLATES, slug

    if not paths.templates_dir.is_dir():  # the starters are written at first use, never here
        return sorted(slug(t.name) for t in STARTER_TEMPLATES)
    return sorted({t.path.stem for t in load_templates(paths.templates_dir).templates if t.path})


def bash_script(tree: list[Command]) -> str:
    names = " ".join(c.name for c in tree)
    cases = []
    for command in tree:
        words = " ".join(n for o in command.options for n in o.names)
        if command.positional == "templates":
            words += ' $(passerelle completion --list-templates 2>/dev/null)'
        elif command.positional.startswith("choices:"):
            words += " " + command.positional.split(":", 1)[1]
        cases.append(f'        {command.name}) words="{words}" ;;')
    values = []
    for option in {o for c in tree for o in c.options if o.takes_value}:
        pattern = "|".join(option.names)
        if option.choices:
            values.append(f'        {pattern}) COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur")); return ;;')
        else:
            values.append(f'        {pattern}) COMPREPLY=($(compgen -f -- "$cur")); return ;;')
    return "\n".join([
        "# passerelle completion for bash: eval \"$(passerelle completion bash)\"",
        "_passerelle() {",
        "    [[ -n ${ZSH_VERSION-} ]] && setopt localoptions ksharrays  # zsh's bashcompinit: count from 0",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" words i',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${COMP_WORDS[i]}" in',
        "            --home) ((i++)) ;;",
        "            -*) ;;",
        '            *) cmd="${COMP_WORDS[i]}"; break ;;',
        "        esac",
        "    done",
        '    case "$prev" in',
        *sorted(values),
        "    esac",
        '    case "$cmd" in',
        f'        "") words="{names} --home --version --help" ;;',
        *cases,
        '        *) words="" ;;',
        "    esac",
        '    COMPREPLY=($(compgen -W "$words" -- "$cur"))',
        "}",
        "complete -o default -F _passerelle passerelle",
        "",
    ])


def zsh_script(tree: list[Command]) -> str:
    """zsh runs the bash script through its own bashcompinit layer."""
    return "\n".join([
        "# passerelle completion for zsh: eval \"$(passerelle completion zsh)\"",
        "autoload -U +X compinit && compinit",
        "autoload -U +X bashcompinit && bashcompinit",
        bash_script(tree),
    ])


def fish_script(tree: list[Command]) -> str:
    names = " ".join(c.name for c in tree)
    lines = [
        "# passerelle completion for fish: passerelle completion fish > ~/.config/fish/completions/passerelle.fish",
        "complete -c passerelle -f -n '__fish_use_subcommand' -l home -r -d "
        + shlex.quote(_("keep config, data and cache under DIR")),
        "complete -c passerelle -n '__fish_use_subcommand' -l version -d " + shlex.quote(_("print the version")),
    ]
    for command in tree:
        lines.append(f"complete -c passerelle -f -n '__fish_use_subcommand' -a {command.name} -d {shlex.quote(command.help)}")
        when = f"-n '__fish_seen_subcommand_from {command.name}'"
        for option in command.options:
            flags = " ".join(f"-l {n[2:]}" if n.startswith("--") else f"-s {n[1:]}" for n in option.names)
            value = f" -x -a {shlex.quote(' '.join(option.choices))}" if option.choices else (" -r" if option.takes_value else "")
            lines.append(f"complete -c passerelle {when} {flags}{value} -d {shlex.quote(option.help)}")
        if command.positional == "templates":
            lines.append(f"complete -c passerelle -f {when} -a '(passerelle completion --list-templates 2>/dev/null)'")
        elif command.positional.startswith("choices:"):
            lines.append(f"complete -c passerelle -f {when} -a {shlex.quote(command.positional.split(':', 1)[1])}")
    lines.append(f"# subcommands: {names}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, paths: Paths) -> int:
    if args.list_templates:
        print("\n".join(template_names(paths)))
        return 0
    if args.shell is None:
        from tui.core.errors import ConfigError

        raise ConfigError("completion", _("name the shell: passerelle completion {shells}").format(shells="|".join(SHELLS)))
    tree = command_tree()
    print({"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[args.shell](tree), end="")
    return 0
