"""The composer's data: recipients, advice for one person, budgets and the follow-up ledger,
templates (parse, render, count, lint: one regular-expression pass, never str.format) and
template files. Pure: imports tui.core, tui.export and tui.network, never textual or rich."""
