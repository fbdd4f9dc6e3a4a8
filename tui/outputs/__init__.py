"""What Passerelle hands out, the same from a command and from the app: the network's
figures (`stats_figures`), their terminal summary (`stats_text`) and Markdown report
(`report`), the decisions sheet (`decisions_sheet`) and the words people read in them (`human`).

Pure like the data packages (no textual, no rich): it may import core, i18n, paths, config,
export, triage, store and network. The commands (cli/), `serve` and the app import it, never
the reverse, so `serve` needs nothing from cli/."""
