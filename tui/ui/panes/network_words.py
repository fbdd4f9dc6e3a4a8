"""What the network pane says about the figures: the next threshold, growth, and the figures block."""

from __future__ import annotations


def pct(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def next_line(s: dict) -> str:
    nxt, pace = s["next_threshold"], s["pace"]
    if nxt is None:
        return f"Past the last threshold. {pace['connections']} new in the last {pace['days']} days."
    when = (f"at this pace ({pace['per_week']:g} a week) around {nxt['eta']}" if nxt["eta"]
            else f"no new connections in the last {pace['days']} days")
    return f"Next: {nxt['band']} at {nxt['at']:,} — {nxt['missing']:,} to go, {when}."

def growth_line(s: dict) -> str:
    g = s["growth"]
    if g["first"] is None:
        return "No connection dates yet."
    busiest = ", ".join(f"{b['month']} ({b['count']})" for b in g["busiest"])
    return f"Per month since {g['first']} · latest {g['latest']}\nBusiest: {busiest}"

def figures_text(s: dict) -> str:
    q, c, a, m = s["qualified"], s["concentration"], s["active_estimate"], s["messaged"]
    inv = s["invitations"]
    if q["count"] is None:
        quality = "Quality in quantity: no targets yet — pick role families with p on the role families table."
    else:
        quality = (f"Quality in quantity: {q['count']:,} qualified contacts of {s['connections']:,} "
                   f"({pct(q['share'])}, by {q['basis']}).")
    if c["companies_for_half"] is None:
        conc = "Concentration: no company names."
    else:
        conc = (f"Concentration: {c['companies_for_half']:,} of {c['companies']:,} companies hold half of "
                f"the connections with a company; the top 20% hold {pct(c['top20_share'])}.")
    silent = (f"Silent majority: ~{a['members']:,} active members ({pct(a['share'])}) → ~{a['weekly_posts']:,} "
              f"posts a week to read. Messaged: {m['ever']:,} ({pct(m['ever_share'])}) ever, "
              f"{m['last_year']:,} in the last year.")
    invites = (f"Invitations: received {inv['incoming']['total']:,} ({inv['incoming']['open']:,} open) · "
               f"sent {inv['outgoing']['total']:,} ({inv['outgoing']['open']:,} open).")
    since = s["since_last_import"]
    if since is None:
        change = "Since the last import: no earlier import to compare with."
    else:
        change = (f"Since the last import: {since['new_connections']:,} new · "
                  f"{since['invitations_accepted']:,} invitations accepted · "
                  f"{since['changed']:,} changed company or position · {since['gone']:,} gone (n: list).")
    across = s.get("across_imports")
    if across:
        change += (f"\nAcross your {across['imports']:,} imports: {len(across['new']):,} new · "
                   f"{len(across['left']):,} left · {len(across['changed']):,} job changes · "
                   f"{len(across['accepted']):,} invitations accepted (passerelle stats --json lists them).")
    return "\n".join([quality, conc, silent, invites, change])
