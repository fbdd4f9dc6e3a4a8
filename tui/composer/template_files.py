"""Templates as small TOML files in the config folder: load, write atomically, manage."""

from __future__ import annotations

import re
import stat
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.core.errors import ConfigError
from tui.core.files import read_small_file, write_text_atomic
from tui.core.toml_files import parse_toml
from tui.core.folders import make_private_dir
from tui.i18n import N_, _
from tui.core.bands import band_range

KEYS = ("name", "language", "purpose", "text")
MAX_TEMPLATE_BYTES = 64 * 1024  # a note is 300 characters; anything this big is a mistake
STARTERS_MARKER = ".starters-written"


@dataclass(frozen=True)
class Template:
    """One template; `path` is None until it is written to a file."""

    name: str
    text: str
    language: str = ""
    purpose: str = ""
    path: Path | None = None
    text_line: int = field(default=1, compare=False)  # file line where the text starts

    def file_line(self, text_line: int) -> int:
        """The file line holding line `text_line` (1-based) of the text, for error messages."""
        return self.text_line + text_line - 1


@dataclass(frozen=True)
class TemplateSet:
    """The templates that loaded, and one ConfigError per file that did not."""

    templates: tuple[Template, ...]
    errors: tuple[ConfigError, ...]

    def find(self, wanted: str) -> Template | None:
        """A template by name (case-insensitive) or by file name (with or without .toml)."""
        key = wanted.strip().casefold()
        for template in self.templates:
            stem = template.path.stem.casefold() if template.path else None
            if template.name.casefold() == key or key in (stem, f"{stem}.toml"):
                return template
        # Else a unique prefix ("relance" → "Relance (fr)"); ambiguous prefixes find nothing.
        starts = [t for t in self.templates if key and t.name.casefold().startswith(key)]
        return starts[0] if len(starts) == 1 else None


def slug(name: str) -> str:
    """A file-name-safe form of a template name: ascii letters, digits and dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "template"


def _key_line(source: str, key: str) -> int | None:
    match = re.search(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", source, re.MULTILINE)
    return source.count("\n", 0, match.start()) + 1 if match else None


def load_template(path: Path) -> Template:
    """Read one template file; raise ConfigError naming the file (and line when known)."""
    try:  # checked on the open file: a FIFO swapped in after a check would still block
        data = read_small_file(path, MAX_TEMPLATE_BYTES)
    except FileNotFoundError:
        raise ConfigError(path, _("cannot be read (no such file)")) from None
    raw, source = parse_toml(path, data)
    for key, value in raw.items():
        if key not in KEYS:
            raise ConfigError(path, _("unknown key '{key}' (known: {keys})").format(key=key, keys=', '.join(KEYS)), _key_line(source, key))
        if not isinstance(value, str):
            raise ConfigError(path, _("'{key}' must be text in quotes").format(key=key), _key_line(source, key))
    if not raw.get("name", "").strip():
        raise ConfigError(path, _("missing 'name'"), _key_line(source, "name"))
    if "text" not in raw:
        raise ConfigError(path, _('missing \'text\' (use text = "" for no note)'))
    start = _key_line(source, "text") or 1
    if re.search(r'^[ \t]*"?text"?[ \t]*=[ \t]*("""|\'\'\')[ \t]*\r?$', source, re.MULTILINE):
        start += 1  # a multi-line string drops the newline right after its opening quotes
    return Template(
        text_line=start,
        name=raw["name"].strip(),
        text=raw["text"],
        language=raw.get("language", "").strip(),
        purpose=raw.get("purpose", "").strip(),
        path=path,
    )


def first_in_language(templates, code: str) -> int:
    """Which template a composer opens on: the first in the reader's language when it is not
    English (a French reader starts on a French note), else the first one."""
    if code != "en":
        return next((i for i, t in enumerate(templates) if t.language == code), 0)
    return 0


def load_templates(folder: Path) -> TemplateSet:
    """Every *.toml in `folder`, sorted by name; a broken file is reported and skipped."""
    templates: list[Template] = []
    errors: list[ConfigError] = []
    try:
        files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    except OSError as exc:
        return TemplateSet((), (ConfigError(folder, _("cannot be listed ({strerror})").format(strerror=exc.strerror)),))
    for path in files:
        try:
            templates.append(load_template(path))
        except ConfigError as exc:
            errors.append(exc)
    templates.sort(key=lambda t: (t.name.casefold(), t.path.name if t.path else ""))
    return TemplateSet(tuple(templates), tuple(errors))


def dumps(template: Template) -> str:
    """The TOML text of a template file (tomli-w escapes what TOML needs; a text with line
    breaks is written as a multi-line string, as people edit it)."""
    import tomli_w

    fields = {"name": template.name, "language": template.language, "purpose": template.purpose, "text": template.text}
    return ("# " + _("Passerelle invitation template. Placeholders: {first_name}, {company|fallback}, …") + "\n"
            + tomli_w.dumps(fields, multiline_strings=True))


def _free_path(folder: Path, name: str, keep: Path | None = None) -> Path:
    base = slug(name)
    candidate = folder / f"{base}.toml"
    number = 2
    while candidate.exists() and candidate != keep:
        candidate = folder / f"{base}-{number}.toml"
        number += 1
    return candidate


def _check_new_name(folder: Path, name: str, keep: Path | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ConfigError("template", _("a template needs a name"))
    clash = load_templates(folder).find(name)
    if clash is not None and clash.path != keep:
        raise ConfigError(name, _("a template with this name already exists"))
    return name


def save_template(folder: Path, template: Template) -> Template:
    """Write `template` atomically (0600) to its file, or to a new file named after it."""
    path = template.path or _free_path(folder, template.name)
    _refuse_locked(path)  # before make_private_dir, which would give a locked folder its write bit back
    make_private_dir(folder)
    saved = replace(template, path=path)
    try:
        write_text_atomic(path, dumps(saved))
    except OSError as exc:
        raise ConfigError(path, _("cannot be written ({value})").format(value=exc.strerror or type(exc).__name__)) from None
    return saved


def _refuse_locked(path: Path) -> None:
    """A template file or folder made read-only is locked: the atomic rename would replace a
    read-only file anyway (and root writes through any mode), so the owner's write bit decides."""
    for where, message in ((path, N_("is read-only (locked): not saved; make it writable or duplicate it (the "
                                     "editor keeps your text)")),
                           (path.parent, N_("the templates folder is read-only: not saved; make it writable (the "
                                            "editor keeps your text)"))):
        try:
            locked = where.exists() and not where.stat().st_mode & stat.S_IWUSR
        except OSError:
            continue  # gone meanwhile: the write says why
        if locked:
            raise ConfigError(where, _(message))


def create_template(folder: Path, name: str, text: str = "", language: str = "", purpose: str = "") -> Template:
    """A new template file; the name must not be taken."""
    name = _check_new_name(folder, name)
    return save_template(folder, Template(name=name, text=text, language=language, purpose=purpose))


def duplicate_template(folder: Path, template: Template, new_name: str | None = None) -> Template:
    """A copy under `new_name` (default: "<name> (copy)", numbered if taken)."""
    if new_name is None:
        existing = {t.name.casefold() for t in load_templates(folder).templates}
        new_name, number = f"{template.name} (copy)", 2
        while new_name.casefold() in existing:
            new_name, number = f"{template.name} (copy {number})", number + 1
    name = _check_new_name(folder, new_name)
    return save_template(folder, replace(template, name=name, path=None))


def rename_template(folder: Path, template: Template, new_name: str) -> Template:
    """Rename a template and its file (new file written before the old one goes)."""
    name = _check_new_name(folder, new_name, keep=template.path)
    new_path = _free_path(folder, name, keep=template.path)
    saved = save_template(folder, replace(template, name=name, path=new_path))
    if template.path is not None and template.path != new_path:
        template.path.unlink(missing_ok=True)
    return saved


def delete_template(template: Template) -> None:
    """Remove a template's file (a missing file is already deleted)."""
    if template.path is not None:
        try:
            template.path.unlink(missing_ok=True)
        except OSError as exc:
            raise ConfigError(template.path, _("cannot be deleted ({strerror})").format(strerror=exc.strerror)) from None


def ensure_starters(folder: Path) -> list[Path]:
    """Write the starter templates the first time only; never recreate deleted ones."""
    if (folder / STARTERS_MARKER).exists():
        return []
    make_private_dir(folder)
    written = []
    for starter in STARTER_TEMPLATES:
        path = folder / f"{slug(starter.name)}.toml"
        if not path.exists():
            save_template(folder, replace(starter, path=path))
            written.append(path)
    write_text_atomic(folder / STARTERS_MARKER, "starter templates written once; delete this file to get them back\n")
    return written


def _starter(name: str, language: str, purpose: str, text: str) -> Template:
    return Template(name=name, language=language, purpose=purpose, text=text)


# Our own words. Each renders under 200 characters for a typical name (tested).
STARTER_TEMPLATES: tuple[Template, ...] = (
    _starter(
        "No note (en)", "en",
        f"Invite without a note: fine for people with {band_range('generous')} connections or someone you just met; "
        "it also saves one of your monthly personalised notes.",
        "",
    ),
    _starter(
        "Keep in touch (en)", "en", "Neutral note for someone you have met or worked alongside.",
        "Hello {first_name|there}, our paths crossed recently and I'd like us to stay in touch here. {my_first_name}",
    ),
    _starter(
        "Introduce yourself (en)", "en", "Say who you are and why you are writing, then propose a call or email.",
        "Hello {first_name|there}, I'm {my_name}. I follow the work of {company|your team} closely "
        "and would value a short call or email exchange. Would that suit you?",
    ),
    _starter(
        "Common ground (en)", "en",
        "Same company, event or school: put it in {event} (e.g. 'the Lyon meetup', 'ESSEC').",
        "Hello {first_name|there}, we share {event|a common background}. I'd enjoy continuing "
        "the conversation, maybe over a quick call? {my_first_name}",
    ),
    _starter(
        "Where we met (en)", "en", "For someone you met in person: what you wrote with m fills {met}.",
        "Hello {first_name|there}, good to have met you ({met|recently}). I'd like us to stay in "
        "touch here. {my_first_name}",
    ),
    _starter(
        "Ask for an introduction (en)", "en",
        "Ask a contact to relay an introduction to someone at their company ({relay_name}).",
        "Hello {first_name|there}, could you introduce me to {relay_name|a colleague} at {company|your company}? "
        "A word from you would help a lot. Thank you! {my_first_name}",
    ),
    _starter(
        "Before accepting (en)", "en", "Reply to an invitation before accepting it: ask how you can help.",
        "Hello {first_name|there}, thank you for the invitation. Before I accept, may I ask what "
        "prompted it and how I could help?",
    ),
    _starter(
        "Thanks for accepting (en)", "en", "After they accept: move the conversation outside LinkedIn.",
        "Hello {first_name|there}, thanks for accepting. Could we carry on by email or phone? "
        "Tell me what suits you best. {my_first_name}",
    ),
    _starter(
        "Follow-up (en)", "en", "About a week after a note that asked something.",
        "Hello {first_name|there}, I'm coming back to my note from last week. Would a "
        "15-minute call suit you in the coming days? {my_first_name}",
    ),
    _starter(
        "Sans note (fr)", "fr",
        f"Inviter sans note : suffisant pour une personne à {band_range('generous')} relations ou rencontrée il y a "
        "peu ; cela garde une de vos notes personnalisées du mois.",
        "",
    ),
    _starter(
        "Garder le contact (fr)", "fr", "Note neutre pour une personne croisée ou côtoyée.",
        "Bonjour {first_name|à vous}, nos chemins se sont croisés récemment : j'aimerais que "
        "nous restions en contact ici. {my_first_name}",
    ),
    _starter(
        "Se présenter (fr)", "fr", "Dire qui vous êtes et pourquoi vous écrivez, puis proposer un échange.",
        "Bonjour {first_name|à vous}, je suis {my_name}. Je suis de près le travail de "
        "{company|votre équipe} et un court échange me serait précieux. Seriez-vous d'accord ?",
    ),
    _starter(
        "Point commun (fr)", "fr",
        "Même entreprise, événement ou école : indiquez-le dans {event} (ex. « le salon de Lyon »).",
        "Bonjour {first_name|à vous}, nous avons un point commun : {event|un même parcours}. "
        "Je serais ravi·e de poursuivre l'échange, par un court appel ? {my_first_name}",
    ),
    _starter(
        "Notre rencontre (fr)", "fr", "Pour une personne rencontrée : ce que vous avez noté avec m remplit {met}.",
        "Bonjour {first_name|à vous}, ravi·e de vous avoir rencontré·e ({met|récemment}). "
        "J'aimerais que nous restions en contact ici. {my_first_name}",
    ),
    _starter(
        "Demander une mise en relation (fr)", "fr",
        "Demander à un contact de vous présenter à quelqu'un de son entreprise ({relay_name}).",
        "Bonjour {first_name|à vous}, pourriez-vous me présenter à {relay_name|un·e collègue} chez "
        "{company|votre entreprise} ? Un mot de votre part m'aiderait. Merci ! {my_first_name}",
    ),
    _starter(
        "Avant d'accepter (fr)", "fr", "Répondre à une invitation avant de l'accepter : comment aider ?",
        "Bonjour {first_name|à vous}, merci pour votre invitation. Avant de l'accepter, puis-je "
        "vous demander ce qui l'a motivée et comment je pourrais vous aider ?",
    ),
    _starter(
        "Merci d'avoir accepté (fr)", "fr", "Après l'acceptation : poursuivre hors de LinkedIn.",
        "Bonjour {first_name|à vous}, merci d'avoir accepté. Pouvons-nous poursuivre par e-mail "
        "ou par téléphone ? Dites-moi ce qui vous convient. {my_first_name}",
    ),
    _starter(
        "Relance (fr)", "fr", "Environ une semaine après une note qui demandait quelque chose.",
        "Bonjour {first_name|à vous}, je reviens vers vous suite à ma note de la semaine dernière. "
        "Un appel de 15 minutes vous irait-il ces prochains jours ? {my_first_name}",
    ),
)
