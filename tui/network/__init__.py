"""The network: size and maturity bands (their thresholds live in `bands` only), figures,
breakdown by company, role and year, roles and their rules, company names and aliases, growth,
changes since the last import, history across imports, who-at, and the Network pane's
overview. Pure: imports tui.core, tui.export and the store's snapshots and tags, never textual or rich."""
