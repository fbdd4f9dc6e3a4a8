"""A small invented export for the UI tests: a dozen incoming invitations, a few sent."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import (
    IN,
    SAMPLE_CONNECTIONS,
    connections_bytes,
    invitations_bytes,
    make_zip,
    messages_bytes,
    profile_bytes,
)

ME = ("Ana Quist", IN + "ana-quist")
INCOMING = [
    ("Kofi Mensah", "kofi-mensah-77", "10/14/25, 11:47 PM", ""),
    ("Lena Brandt", "lena-brandt", "11/02/25, 9:00 AM", "Hi Ana, I run the Lisbon data meetup and would love to connect."),
    ("Rui Costa", "rui-costa", "11/05/25, 10:00 AM", ""),
    ("Sofia Marin", "sofia-marin", "11/06/25, 8:30 AM", "We met at PyData, great talk on pipelines!"),
    ("Crypto Wealth Ltd", "crypto-wealth", "11/07/25, 7:00 AM", "Kindly contact me on WhatsApp for investment in crypto"),
    ("Jon Park", "jon-park", "11/08/25, 6:00 PM", ""),
    ("Emma Stone-Li", "emma-stone-li", "11/09/25, 1:15 PM", "Hello, fellow logistics person here."),
    ("Noah Berg", "noah-berg", "11/10/25, 2:00 PM", ""),
]
OUTGOING = [
    ("Leo Marchetti", "leo-marchetti-4b2", "09/21/25, 5:19 PM", "Would you be up for a call next week?"),
    ("Tomás Ferreira", "tomás-ferreira-77", "11/3/25, 9:02 AM", ""),
]


def ui_export(path: Path, incoming: list[tuple[str, str, str, str]] | None = None,
              connections: list[list[str]] | None = None) -> Path:
    """Write the ZIP (named like LinkedIn names it) and return its path."""
    rows = []
    for name, slug, sent, note in incoming if incoming is not None else INCOMING:
        rows.append([name, ME[0], sent, note, "INCOMING", IN + slug, ME[1]])
    for name, slug, sent, note in OUTGOING:
        rows.append([ME[0], name, sent, note, "OUTGOING", ME[1], IN + slug])
    members = {
        "Connections.csv": connections_bytes(connections if connections is not None else SAMPLE_CONNECTIONS),
        "Invitations.csv": invitations_bytes(rows),
        "messages.csv": messages_bytes(),
        "Profile.csv": profile_bytes(),
    }
    return make_zip(path, members)
