"""The network: figures, breakdown by company, role and year, roles and their rules, company
aliases, growth, changes since the last import, history across imports, who-at, and the Network
pane's overview. Pure: imports tui.core, tui.export, tui.triage and tui.store, never textual
or rich."""
