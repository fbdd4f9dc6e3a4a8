"""The strategy file `passerelle strategy --init` writes: every kind of rule, commented, in French and English."""

STARTER_STRATEGY = '''\
# Passerelle contact strategy — the criteria you accept or refuse invitations by.
# Ma stratégie de gestion des contacts : elle change avec le temps, c'est normal.
# Every invitation shows the suggestion of the first rule that matches and why;
# press enter to take it. `passerelle strategy --check` validates this file and
# `passerelle strategy --preview EXPORT` shows what each rule would decide.

# Who you want in your network. Matched (case-insensitive, whole words) against the
# company and role you typed in with `e`, and the invitation note.
[targets]
sectors = ["logistics", "data", "fintech", "santé"]
roles = ["data engineer", "product manager", "recruiter", "DRH"]
keywords = ["PyData", "Lisbon", "open source"]

# Always accept these. field = "company" | "name" | "title" | "url";
# match = "exact" (whole value, any case) | "contains" (any case) | "regex".
# Regexes use Rust syntax (no look-around or back-references); add (?i) to ignore case.
[[protected]]
field = "company"
match = "contains"
value = "Hollowbrook"

[[protected]]
field = "url"
match = "exact"
value = "https://www.linkedin.com/in/mira-okonkwo-vale-0a1b2c3"

# Always ignore these.
[[refused]]
field = "title"
match = "regex"
value = "(?i)\\\\b(growth hacker|lead gen(eration)?)\\\\b"

# Rules, in order: the first one that matches wins.
# when = conditions that must all hold: has_note, suspicious, bridge, messaged_before,
#        mass_invite, target (true/false), waited_days_over = N, note_contains = "text",
#        tag = "a tag you gave the person" (t in the app).
# decide = "accept" | "ignore" | "later" | "follow" | "suspicious"
[[rules]]
name = "scam signs"
when = { suspicious = true }
decide = "suspicious"
reason = "scam vocabulary or an odd identity — check before anything else"

[[rules]]
name = "we talked before"
when = { messaged_before = true }
decide = "accept"
reason = "already in my messages"

[[rules]]
name = "personal note in my field"
when = { has_note = true, target = true }
decide = "accept"
reason = "introduced themselves and works in a sector I target"

[[rules]]
name = "new circle"
when = { bridge = true, target = true }
decide = "accept"
reason = "a bridge to a company where I know no one yet"

[[rules]]
name = "personal note"
when = { has_note = true }
decide = "later"
reason = "wrote to me: read the profile when I have time"

[[rules]]
name = "old mass invite"
when = { mass_invite = true, waited_days_over = 60 }
decide = "ignore"
reason = "no note and nobody followed up in two months"

[[rules]]
name = "stranger without a note"
when = { mass_invite = true }
decide = "follow"
reason = "suivre plutôt que se connecter : follow instead of connecting"
'''
