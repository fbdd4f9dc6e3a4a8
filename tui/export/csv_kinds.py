"""What each export CSV is, by its header: known column names per kind, matched loosely.

Re-saves change header spelling (`FirstName`, `first_name`, `E-mail Address`), so header
cells are compared after dropping case, spaces, underscores and hyphens.
"""

from __future__ import annotations

_RECOMMENDATIONS = {
    "firstname": "first_name", "lastname": "last_name", "company": "company",
    "jobtitle": "position", "text": "text", "creationdate": "created", "status": "status",
}
# Normalised header text → canonical column, per kind.
ALIASES: dict[str, dict[str, str]] = {
    "connections": {
        "firstname": "first_name", "lastname": "last_name", "middlename": "middle_name",
        "url": "url", "profileurl": "url",
        "emailaddress": "email", "email": "email",
        "company": "company", "companyname": "company",
        "position": "position", "title": "position", "jobtitle": "position",
        "connectedon": "connected_on", "connected": "connected_on",
    },
    "invitations": {
        "from": "from_name", "to": "to_name", "sentat": "sent_at", "message": "message",
        "direction": "direction",
        "inviterprofileurl": "inviter_url", "inviteeprofileurl": "invitee_url",
        "inviterprofileurn": "inviter_urn", "inviteeprofileurn": "invitee_urn",
    },
    "messages": {
        "conversationid": "conversation_id", "conversationtitle": "conversation_title",
        "from": "from_name", "senderprofileurl": "sender_url", "to": "to_names",
        "recipientprofileurls": "recipient_urls", "date": "date", "subject": "subject",
        "content": "content", "folder": "folder", "ismessagedraft": "is_draft",
        "direction": "direction", "attachments": "attachments",
    },
    "profile": {
        "firstname": "first_name", "lastname": "last_name", "headline": "headline",
        "maidenname": "maiden_name", "birthdate": "birth_date", "industry": "industry",
        "geolocation": "geo_location",
    },
    "endorsements": {
        "endorsementdate": "date", "skillname": "skill", "endorserfirstname": "first_name",
        "endorserlastname": "last_name", "endorserpublicurl": "url", "endorsementstatus": "status",
    },
    "recommendations_received": _RECOMMENDATIONS,
    "recommendations_given": _RECOMMENDATIONS,
    "positions": {
        "companyname": "company", "title": "title", "description": "description",
        "location": "location", "startedon": "started_on", "finishedon": "finished_on",
    },
    "company_follows": {"organization": "organization", "followedon": "followed_on"},
}
REQUIRED = {
    "connections": ("first_name", "last_name"),
    "invitations": ("from_name", "to_name", "sent_at"),
    "messages": ("from_name", "date"),
    "profile": ("first_name", "last_name", "headline"),
    "endorsements": ("skill", "first_name", "last_name"),
    "recommendations_received": ("first_name", "last_name", "text"),
    "recommendations_given": ("first_name", "last_name", "text"),
    "positions": ("company", "title", "started_on"),
    "company_follows": ("organization", "followed_on"),
}
# Optional columns whose absence the user should hear about (others come and go by year).
EXPECTED = {
    "connections": ("email", "company", "position", "connected_on"),
    "invitations": ("message", "direction"),
    "messages": ("content",),
}
WHAT_WE_LOOK_FOR = {
    "connections": "First Name, Last Name",
    "invitations": "From, To, Sent At",
    "messages": "CONVERSATION ID / FROM, DATE",
    "profile": "First Name, Last Name, Headline",
    "endorsements": "Skill Name, Endorser First Name, Endorser Last Name",
    "recommendations_received": "First Name, Last Name, Text",
    "recommendations_given": "First Name, Last Name, Text",
    "positions": "Company Name, Title, Started On",
    "company_follows": "Organization, Followed On",
}
# Headers of other files that also carry first and last names (address-book imports,
# recommendations): never a Connections file.
_NOT_CONNECTIONS = {"headline", "text", "creationdate", "emails", "phonenumbers", "createdat"}


def header_key(cell: str) -> str:
    """`"E-mail Address"`, `email_address`, `EmailAddress` → `emailaddress`."""
    cell = cell.replace("\ufeff", "").strip().strip('"')
    return "".join(ch for ch in cell.lower() if ch not in " _-\t\u00a0")


def canonical(kind: str, keys: list[str]) -> list[str | None]:
    """The canonical column of each normalised header cell (None: not one we read).

    Outlook's contact export has `Title` (the honorific) next to `Job Title`: then only
    `Job Title` is the position.
    """
    aliases = ALIASES[kind]
    outlook = kind == "connections" and "jobtitle" in keys
    return [None if outlook and k == "title" else aliases.get(k) for k in keys]


def match_kind(cells: list[str], kinds: tuple[str, ...]) -> str | None:
    """The first of `kinds` whose required columns the header holds."""
    keys = [header_key(c) for c in cells]
    for kind in kinds:
        found = {c for c in canonical(kind, keys) if c}
        if not all(r in found for r in REQUIRED[kind]):
            continue
        if kind == "connections" and (
            _NOT_CONNECTIONS & set(keys) or not found & {"connected_on", "position", "email", "url"}
        ):
            continue
        if kind == "messages" and not found & {"conversation_id", "content"}:
            continue
        return kind
    return None
