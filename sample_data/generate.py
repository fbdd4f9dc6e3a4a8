"""Deterministic generator of an invented, byte-faithful LinkedIn export (stdlib only).

Writes the current (2024-03+ / 2026) shapes described in shared/linkedin-export-format.md:
Connections.csv (3-line preamble, URL column, no trailing newline, newest first, blank-identity
rows, percent-encoded slugs), Invitations.csv (raw-Unicode slugs, always-quoted "M/D/YY, H:MM AM"),
messages.csv (2026-02 header), Profile.csv, plus coach_messages.csv and Company Follows.csv that a
reader must ignore. Every person, company and message is invented; emails use example.org.

    python sample_data/generate.py --connections 30000 --invitations 5000 --messages 50000 \
        --seed 7 --out DIR [--zip [--unpacked]]

Same arguments → same bytes (zip included: fixed timestamps and permissions).
"""

from __future__ import annotations

import argparse
import base64
import csv
import functools
import io
import random
import re
import sys
import unicodedata
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

SAMPLE_ARGS = {"connections": 800, "invitations": 150, "messages": 2000, "seed": 7}
DEFAULT_EXPORT_DATE = date(2026, 11, 20)
IN = "https://www.linkedin.com/in/"
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more here"
    ' https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
CONNECTIONS_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                      "Connected On"]
INVITATIONS_HEADER = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
                      "inviteeProfileUrl"]
MESSAGES_HEADER = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                   "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
                   "IS MESSAGE DRAFT"]
PROFILE_HEADER = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
                  "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
                  "Instant Messengers"]
# English abbreviations written by hand: strftime would follow the process locale.
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
# The owner: an invented French-speaking recruitment consultant (accented slug on purpose).
OWNER = ("Élodie", "Marchand", IN + "élodie-marchand-rh")
OWNER_NAME = "Élodie Marchand"

FIRST = ("Camille Julien Mathilde Léa Théo Chloé Hugo Manon Lucas Inès Étienne Zoé Maëlle Noé "
         "Gaëlle Hélène François Jérôme Benoît Cécile Anaïs Loïc Sébastien Aurélie Océane Raphaël "
         "Agnès Thibault Margaux Baptiste Clémence Guillaume Solène Yannick Amélie Nicolas Claire "
         "Pauline Antoine Sophie Oliver Hannah George Emily Jack Grace Harry Liam Olivia Noah Ava "
         "Ethan Mia James Daniel Ruby Amina Kofi Aïcha Moussa Fatou Youssef Leïla Karim Nour Mehdi "
         "Priyanka Arjun Wei Mei Hiroshi Yuki Thúy Minh Joanna Piotr Zofia João Inês Lucía Matteo "
         "Giulia Sven Astrid Oğuz Ayşe Dmitri Olena Chidi Ngozi Sipho Thandiwe Rania Tomás Bogdan "
         "Anne Anh Kwame Salomé Adèle Maxime Romain Élise").split()
LAST = ("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefèvre Michel Garcia Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent "
        "Muller Faure André Mercier Blanc Guérin Boyer Chevalier Legrand Gauthier Perrin Clément "
        "Morin Henry Roussel Mathieu Masson Duval Denis Lemaire Noël Meyer Dufour Brun Roy Barbier "
        "Renaud Lecomte Colin Hervé Besnard Le_Gall Le_Goff N'Diaye Diallo Traoré Benali Haddad "
        "Nguyen Tran Smith Jones Taylor Brown Williams Wilson Evans Walker Wright O'Connor Murphy "
        "Kowalski Nowak Silva Santos Ferreira Rossi Bianchi Schmidt Jensen Yılmaz Kaya Okafor "
        "Mensah Asante Patel Sharma Iyer Chen Wang Tanaka Sato Kim Park Ivanova Petrenko Álvarez "
        "Núñez Okonkwo-Vale Halvorsen Marchetti Quist Lindqvist Da_Costa De_Oliveira Benoît-Lagarde"
        ).replace("_", " ").split()
ROLES = {  # family → (weight, positions); French and English, some with commas and pipes
    "hr": (13, ["Chargée de recrutement", "Talent Acquisition Partner", "DRH", "Responsable RH",
                "HR Business Partner", "Recruteur IT | Tech & Data", "Gestionnaire paie",
                "Head of People", "Chasseur de têtes", "Talent Manager, France"]),
    "sales": (15, ["Business Developer", "Ingénieur d'affaires", "Account Executive",
                   "Responsable commercial", "Key Account Manager", "Head of Sales",
                   "Customer Success Manager", "Chargé d'affaires", "Head of Product, EMEA",
                   "Responsable marketing & growth"]),
    "eng": (22, ["Data Engineer", "Ingénieur logiciel", "Développeuse full-stack", "DevOps Engineer",
                 "Data Scientist", "Tech Lead", "Software Engineer", "Ingénieure data",
                 "Architecte cloud", "Machine Learning Engineer", "Développeur backend Python"]),
    "exec": (8, ["CEO", "Fondateur", "Co-founder & CTO", "Directrice générale", "Founder | Logistics",
                 "Gérant", "Managing Director", "Président", "CEO & Founder"]),
    "student": (8, ["Étudiant en master RH", "Student at ESC", "Stagiaire data", "Alternante RH",
                    "Étudiante en école d'ingénieur", "Intern, Business Development", "Doctorant"]),
    "health": (7, ["Infirmier", "Médecin généraliste", "Infirmière de bloc", "Pharmacienne",
                   "Kinésithérapeute", "Cadre de santé", "Nurse practitioner"]),
    "public": (7, ["Chargée de mission, Mairie de Valbrune", "Attaché territorial",
                   "Fonction publique hospitalière", "Chef de bureau, ministère des Territoires",
                   "Policy officer, public sector", "Agent municipal"]),
    "other": (20, ["Consultant", "Chef de projet", "Office Manager", "Juriste", "Comptable",
                   "Photographe indépendant", "Project Manager", "Responsable logistique",
                   "Architecte d'intérieur", "Traductrice", "Coach", "Acheteur"]),
}
BIG = ["Groupe Hexalis", "Norvane Systems", "Banque Solenne", "Centre Hospitalier de Valbrune",
       "Mairie de Valbrune", "Quillon Labs", "Hollowbrook Analytics", "Acme [/] Corp"]
CORES = ("Lumen Corvus Estuaire Brightfield Kestrel Mistral Orée Tilleul Vauban Nimbus Alizé "
         "Boréal Cassiopée Ferronnerie Granit Héliade Iris Jasmin Kairos Lagune Marelle Nacre "
         "Opaline Pivoine Quartz Rivage Sillon Tramontane Ubac Verveine Wattle Yuzu Zéphyr Arbor "
         "Basalt Cobalt Delta Ember Fjord Garnet Harbor Indigo Juniper Larch Meridian Northwind "
         "Oakridge Pinecrest Ravel Sable Tessel Umber Vireo Willow").split()
SUFFIXES = ["Conseil", "Labs", "Analytics", "RH", "Partners", "SAS", "& Associés", "Logistics",
            "Santé", "Digital", "Formation", "Studio", "Software", "Industries", "Recrutement",
            "Transport", "Energies", "Finance", "Médical", "Architecture"]
EVENTS = ["salon RH de Lyon", "meetup Python Lyon", "forum Emploi Tech", "PyData Lisbon meetup",
          "HR Tech Summit", "club Data & IA", "webinaire sur la marque employeur"]
SCHOOLS = ["l'IAE de Lyon", "l'ESC Valbrune", "l'INSA", "la fac de Grenoble", "l'EM Normandie"]
NOTES = [
    "Bonjour {o},  je suis {p} chez {c} et je développe mon réseau RH à Lyon. Au plaisir d'échanger !",
    "Hi {o}, we met at the {e} last month - would love to stay in touch.",
    "Bonjour {o}, nous avons tous les deux étudié à {s}, ravi de rejoindre votre réseau.",
    "Hello {o},  quick question: are you still recruiting data profiles? I'd be glad to share my CV.",
    "Bonjour Élodie,  je vous ai entendue au {e}, votre intervention sur l'onboarding m'a beaucoup"
    " parlé. Seriez-vous d'accord pour un café ou un appel de 15 minutes ? Je suis {p} chez {c},"
    " nous recrutons beaucoup en ce moment et j'aimerais comparer nos pratiques, notamment sur les"
    " entretiens structurés et le suivi des candidats après l'embauche.",
    "Bonjour, je cherche un stage de fin d'études en RH, auriez-vous quelques minutes pour me"
    " conseiller ?",
    "Hi Élodie,  I'm {p} at {c}. We are hiring in Lyon and I'd love to connect.",
    "Bonjour {o}, suite à notre échange au {e}, je me permets de vous inviter.",
]
SCAM_NOTES = [
    "Hello, kindly accept my request. I am an investment manager in crypto, I can help you earn"
    " 5000$ weekly. Contact me on WhatsApp +44 7700 900123",
    "Hi dear, I saw your profile and I would like to share a forex trading opportunity with"
    " guaranteed returns.  Kindly reply.",
    "Bonjour, opportunité unique d'investissement en crypto, revenus passifs garantis. Écrivez-moi"
    " sur WhatsApp.",
    "",
]
SCAMMERS = [("CoinVista", "Capital"), ("Global Forex", "Signals"), ("", ""), ("Dr.", "Jennifer"),
            ("Mr", "X"), ("Crypto Wealth", "Academy"), ("INVEST", "PRO 2026")]
OWNER_NOTES = [
    "Bonjour {f},  je suis consultante en recrutement à Lyon, je serais ravie d'échanger avec vous.",
    "Bonjour {f}, votre parcours chez {c} m'intéresse, pourrions-nous prévoir un appel ?",
    "Hi {f}, I recruit data and tech profiles in Lyon, happy to connect.",
    "Bonjour {f}, nous nous sommes croisés au {e}, au plaisir de rester en contact !",
]
LINES_OWNER = ["Bonjour {f},  merci pour votre message !", "Avec plaisir, je vous appelle demain.",
               "Hi {f}, thanks for connecting. Are you open to new opportunities?",
               "Je vous envoie la fiche de poste par email.", "Parfait, à jeudi 10h alors.",
               "Merci, bonne journée !", "Do you know someone at {c} who handles hiring?",
               "Le lien [b]ici[/b] ne marche pas, pouvez-vous me le renvoyer ?"]
LINES_OTHER = ["Merci Élodie,  ravi(e) d'échanger.", "Oui, je suis à l'écoute du marché.",
               "Thanks Élodie!  Great to reconnect, let's grab a coffee.", "Je regarde et je reviens vers vous.",
               "Bien reçu, merci.", "Sure, I can introduce you to our CTO.", "Pas cette fois, mais merci !",
               "Voici mon CV, bonne lecture.", "Great, talk soon.", ""]
GROUP_TITLES = ["Afterwork RH Lyon", "Promo IAE 2015", "Projet onboarding", "Reading group",
                "Club des recruteurs tech"]
SPONSORED = [("Talentis Formation", "Boostez vos recrutements",
              '<p class="spinmail-quill-editor__spin-break">Bonjour Élodie, découvrez notre'
              " formation certifiante au recrutement, places limitées.</p>"),
             ("Northwind Recruiting", "Opportunity",
              '<p class="spinmail-quill-editor__spin-break">Hi Élodie, we have a role that fits'
              " your profile…</p><p>Best, the Northwind team</p>")]
COACH = ["Comment rédiger une note d'invitation courte ?",
         "Une bonne note tient en deux phrases : qui vous êtes et pourquoi vous invitez.",
         "Which of my skills should I highlight?", "Try leading with recruiting for tech roles."]


@functools.lru_cache(maxsize=None)
def _slugify(first: str, last: str) -> str:
    text = unicodedata.normalize("NFC", f"{first} {last}".lower())
    return re.sub(r"-+", "-", re.sub(r"[^\w]+", "-", text).replace("_", "-")).strip("-")


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode())


def _day(d: date) -> str:
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"


def _sent_at(t: datetime) -> str:
    h = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.year % 100:02d}, {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def _utc(t: datetime) -> str:
    return f"{t.year}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}:{t.second:02d} UTC"


def _java(t: datetime) -> str:
    return f"{DAYS[t.weekday()]} {MONTHS[t.month - 1]} {t.day:02d} {t:%H:%M:%S} UTC {t.year}"


def _csv(rows: list[list[str]], trailing_newline: bool = True) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    text = buf.getvalue()
    return text if trailing_newline else text[:-1]


class _Gen:
    """One generation run; all randomness comes from self.rng."""

    def __init__(self, seed: int, export_date: date) -> None:
        self.rng = random.Random(seed)
        self.export_date = export_date
        self.end = datetime.combine(export_date, datetime.min.time()) - timedelta(minutes=1)
        self.slugs: set[str] = {OWNER[2][len(IN):]}
        self.emails: set[str] = set()

    def person(self, first: str | None = None, last: str | None = None) -> dict:
        rng = self.rng
        first = first or rng.choice(FIRST)
        last = last or rng.choice(LAST)
        base = _slugify(first, last) or "member"
        slug = base if base not in self.slugs and rng.random() < 0.3 else ""
        while not slug or slug in self.slugs:
            tail = f"{rng.getrandbits(28):07x}" if rng.random() < 0.6 else str(rng.randint(1, 999))
            slug = f"{base}-{tail}"
        self.slugs.add(slug)
        r = rng.random()  # display-name decorations seen in real files
        if r < 0.012:
            last += rng.choice([" 🚀", " 🌍", " ✨"])
        elif r < 0.02:
            last += rng.choice([", MBA", ", PhD", ", CFA"])
        elif r < 0.06 and re.fullmatch(r"[A-Za-z]+", last):
            last = last.upper()
        return {"first": first, "last": last, "slug": slug, "name": f"{first} {last}".strip(),
                "url": IN + quote(slug, safe="-")}  # Connections' form: percent-encoded

    def companies(self, n: int) -> tuple[list[str], list[float]]:
        rng, names, seen = self.rng, list(BIG), set(BIG)
        while len(names) < n:
            name = f"{rng.choice(CORES)} {rng.choice(SUFFIXES)}"
            if name in seen:
                name = f"{name} {rng.choice(['Lyon', 'Paris', 'Nantes', 'Lille', 'Europe'])}"
            if name in seen:  # small firms: an invented founder's initials keep names unique
                name = f"{name} {rng.choice('ABCDEFGHJKLMNPRSTV')}{rng.choice('ABCDEFGHJKLMNPRSTV')}"
            if name in seen:
                continue
            seen.add(name)
            r = rng.random()
            names.append(name + " " if r < 0.04 else f"{name}, Inc." if r < 0.06
                         else f"{name} 🚀" if r < 0.07 else name)
        weights = [1 / (rank + 5) ** 1.1 for rank in range(len(names))]  # heavy tail
        total, acc, cum = sum(weights), 0.0, []
        for w in weights:
            acc += w / total
            cum.append(acc)
        return names, cum

    def when(self, max_days: int, skew: float = 1.0) -> datetime:
        days = self.rng.random() ** skew * max_days
        return self.end - timedelta(days=days, minutes=self.rng.randint(0, 1439))


def _connections(g: _Gen, n: int) -> list[dict]:
    rng = g.rng
    names, cum = g.companies(max(len(BIG) + 10, n // 3))
    families = list(ROLES)
    fam_cum = [sum(ROLES[f][0] for f in families[: i + 1]) for i in range(len(families))]
    span = (g.export_date - date(2012, 3, 1)).days
    specials = [("Priya \"PJ\"", "Halvorsen 🚀", "Nimbus Freight", "Founder | Logistics"),
                ("Tomás", "Ferreira", "Quillon Labs, Inc.", "Head of Product, EMEA"),
                ("Zoé", "Lindqvist", "Acme [/] Corp", "Head of Sales [EMEA]"),
                ("Jane", "Doe, MBA", "Hollowbrook Analytics ", "DRH"),
                ("𝐉𝐮𝐥𝐢𝐞𝐧", "Morel", "Banque Solenne", "Ingénieur d'affaires")]
    rows = []
    hidden = set(rng.sample(range(n), round(n * 0.02))) if n >= 50 else set()
    special_at = {i * 7 + 3: s for i, s in enumerate(specials)} if n >= 50 else {}
    for i in range(n):
        on = g.export_date - timedelta(days=1 + int(rng.random() ** 1.8 * span))
        if i in hidden:
            rows.append({"on": on, "hidden": True})
            continue
        if i in special_at:
            f, l, comp, pos = special_at[i]
            p = g.person(f, l)
        else:
            p = g.person()
            comp = "" if rng.random() < 0.05 else rng.choices(names, cum_weights=cum)[0]
            fam = rng.choices(families, cum_weights=fam_cum)[0]
            pos = "" if rng.random() < 0.04 else rng.choice(ROLES[fam][1])
        email = ""
        if rng.random() < 0.03:
            email = f"{_ascii(p['first']) or 'x'}.{_ascii(p['last']) or 'y'}@example.org"
            email = email if email not in g.emails else email.replace("@", f"{len(g.emails)}@")
            g.emails.add(email)
        p.update(on=on, hidden=False, company=comp, position=pos, email=email)
        rows.append(p)
    rows.sort(key=lambda r: r["on"], reverse=True)  # newest first, like LinkedIn
    return rows


def _note(g: _Gen, template: str, other: dict | None = None) -> str:
    rng = g.rng
    text = template.format(o="Élodie", p=rng.choice(ROLES["hr"][1] + ROLES["eng"][1]).lower(),
                           c=(other or {}).get("company") or rng.choice(BIG[:6]), e=rng.choice(EVENTS), s=rng.choice(SCHOOLS),
                           f=(other or {}).get("first", ""), l="")
    return text[:300].rstrip()  # LinkedIn's compose box stops at 300 characters


def _invitations(g: _Gen, people: list[dict], n: int) -> tuple[list[list[str]], list[dict]]:
    """Rows newest first (mostly), and the open incoming inviters (for messages)."""
    rng, owner_url = g.rng, OWNER[2]
    n_in_open, n_in_acc = round(n * 0.35), round(n * 0.22)
    n_acc = max(0, min(n - n_in_open - round(n * 0.20), len(people)))
    n_in_acc = min(n_in_acc, n_acc)
    n_out_open = n - n_in_open - n_acc  # tops up when the network is too small to accept more
    recent = people[: n_acc * 3]
    accepted = rng.sample(recent, n_acc)
    items, inviters = [], []

    def url(p: dict, mixed_case: bool = False) -> str:
        slug = p["slug"]
        return IN + (slug[:1].upper() + slug[1:] if mixed_case else slug)

    for k, p in enumerate(accepted):
        t = datetime.combine(p["on"], datetime.min.time()) - timedelta(
            days=rng.randint(0, 5), minutes=rng.randint(0, 1439)) + timedelta(days=1)
        t = min(t, g.end)
        mixed = rng.random() < 0.03
        if k < n_in_acc:
            note = _note(g, rng.choice(NOTES)) if rng.random() < 0.3 else ""
            items.append((t, [p["name"], OWNER_NAME, _sent_at(t), note, "INCOMING", url(p, mixed), owner_url]))
        else:
            note = _note(g, rng.choice(OWNER_NOTES), p) if rng.random() < 0.35 else ""
            items.append((t, [OWNER_NAME, p["name"], _sent_at(t), note, "OUTGOING", owner_url, url(p, mixed)]))
    hostile = [("[bold]Eve[/bold]", "Martin"), ("Noor", "[@click=app.quit]x")]
    for k in range(n_in_open):
        r = rng.random()
        if k == n_in_open - 1 and n_in_open > 10:  # a re-invitation: same person again
            p = inviters[5]
            t = g.when(30)
            items.append((t, [p["name"], OWNER_NAME, _sent_at(t), "", "INCOMING", url(p), owner_url]))
            continue
        if k < len(hostile):
            p, note = g.person(*hostile[k]), _note(g, NOTES[0])
        elif k == len(hostile) and people:  # a namesake of a connection, another profile
            p, note = g.person(people[0]["first"], people[0]["last"]), ""
        elif r < 0.08 or k in (3, 4, 5):  # suspicious: scam vocabulary and/or an odd identity
            f, l = SCAMMERS[(k - 1) % 3] if k in (3, 4, 5) else rng.choice(SCAMMERS)
            p = g.person(f or None, l or None)
            if not f:
                p["name"], p["slug"] = "", f"user-{rng.randint(10**9, 10**10 - 1)}"
                p["url"] = IN + p["slug"]
            note = SCAM_NOTES[k - 3] if k in (3, 4, 5) else rng.choice(SCAM_NOTES)
        else:
            p = g.person()
            note = _note(g, rng.choice(NOTES)) if r < 0.45 else ""
        old = rng.random() < 0.06  # pending invitations stay in the file regardless of age
        t = g.when(1000 if old else 300, 1.0 if old else 1.4)
        if old:
            t -= timedelta(days=365)
        p["note"] = note
        inviters.append(p)
        items.append((t, [p["name"], OWNER_NAME, _sent_at(t), note, "INCOMING", url(p), owner_url]))
    for _ in range(n_out_open):
        p = g.person()
        t = g.when(120, 1.2)
        note = _note(g, rng.choice(OWNER_NOTES), p) if rng.random() < 0.4 else ""
        items.append((t, [OWNER_NAME, p["name"], _sent_at(t), note, "OUTGOING", owner_url, url(p)]))
    items.sort(key=lambda it: it[0], reverse=True)
    for i in range(0, len(items) - 1, 17):  # "mostly" newest first, as in real files
        items[i], items[i + 1] = items[i + 1], items[i]
    return [row for _, row in items], inviters


def _messages(g: _Gen, people: list[dict], inviters: list[dict], n: int) -> list[list[str]]:
    rng, (of, ol, ourl_raw) = g.rng, OWNER
    owner_url = IN + quote(ourl_raw[len(IN):], safe="-")
    owner = {"name": OWNER_NAME, "url": owner_url, "first": of}
    convs: list[tuple[datetime, list[list[str]]]] = []
    budget = n

    def conv(members: list[dict], size: int, start: datetime, title: str = "", folder: str = "INBOX",
             first_sender: dict | None = None) -> None:
        nonlocal budget
        size = min(size, budget)
        if size <= 0:
            return
        budget -= size
        cid = "2-" + base64.b64encode(rng.randbytes(27)).decode()
        rows, t, everyone = [], start, [owner, *members]
        for k in range(size):
            sender = first_sender if (k == 0 and first_sender) else rng.choice(everyone)
            to = [m for m in everyone if m is not sender]
            other = members[0]
            pool = LINES_OWNER if sender is owner else LINES_OTHER
            content = rng.choice(pool).format(f=other.get("first", ""), c=other.get("company") or "votre entreprise")
            attach = f"https://www.linkedin.com/dms/prv/attachment/v2/EXAMPLE-{rng.randint(1, 10**6)}" \
                if rng.random() < 0.01 else ""
            draft = "Yes" if sender is owner and k == size - 1 and rng.random() < 0.02 else "No"
            rows.append([cid, title, sender["name"], sender["url"], ",".join(m["name"] for m in to),
                         ",".join(m["url"] for m in to), _utc(min(t, g.end)), "", content, folder,
                         attach, draft])
            t += timedelta(minutes=rng.randint(2, 60 * 24 * rng.choice([1, 1, 3, 20])))
        rows.reverse()  # newest message first within a conversation
        convs.append((min(t, g.end), rows))

    def member(p: dict) -> dict:
        if rng.random() < 0.04:  # the account was closed since: no URL, generic name
            return {"name": "LinkedIn Member", "url": "", "first": "", "company": None}
        return {"name": p["name"], "url": p["url"], "first": p["first"], "company": p.get("company")}

    folder = lambda: rng.choice(["INBOX"] * 4 + ["ARCHIVE"])  # noqa: E731
    for k in range(max(2, n // 60)):  # sponsored / InMail: HTML, empty sender URL
        name, subject, html = SPONSORED[k % 2]
        t = g.when(700)
        budget -= 1
        if budget < 0:
            break
        cid = "2-" + base64.b64encode(rng.randbytes(27)).decode()
        convs.append((t, [[cid, "", name, "", OWNER_NAME, owner_url, _utc(t), subject, html,
                           "INBOX", "", "No"]]))
    for p in inviters[: max(3, len(inviters) // 4)]:  # they wrote before inviting
        bad = not p["note"] or "kindly" in p["note"].lower() or "crypto" in p["note"].lower()
        m = member(p)
        conv([m], rng.randint(1, 3), g.when(200), folder="SPAM" if bad and rng.random() < 0.5 else "INBOX",
             first_sender=m)
    groups = [p for p in people if not p["hidden"]]
    for k in range(max(1, n // 200)):
        members = [member(p) for p in rng.sample(groups, min(len(groups), rng.randint(2, 5)))]
        conv(members, rng.randint(3, 12), g.when(900, 1.5), title=GROUP_TITLES[k % len(GROUP_TITLES)],
             folder=folder())
    pool = groups[:]
    rng.shuffle(pool)
    i = 0
    while budget > 0 and pool:
        p = pool[i % len(pool)]
        i += 1
        start = max(datetime.combine(p["on"], datetime.min.time()), g.end - timedelta(days=1100))
        start += timedelta(days=rng.random() * max(1, (g.end - start).days), minutes=rng.randint(0, 1439))
        conv([member(p)], min(60, int(rng.paretovariate(1.2))), min(start, g.end), folder=folder())
    convs.sort(key=lambda c: c[0], reverse=True)
    return [row for _, rows in convs for row in rows]


def build_export(connections: int = 800, invitations: int = 150, messages: int = 2000,
                 seed: int = 7, export_date: date = DEFAULT_EXPORT_DATE) -> dict[str, bytes]:
    """Member name → bytes of every file in the export; same arguments → same bytes."""
    g = _Gen(seed, export_date)
    conns = _connections(g, connections)
    people = [p for p in conns if not p["hidden"]]
    crow = [["", "", "", "", "", "", _day(p["on"])] if p["hidden"] else
            [p["first"], p["last"], p["url"], p["email"], p["company"],
             p["position"], _day(p["on"])] for p in conns]
    inv_rows, inviters = _invitations(g, people, invitations)
    msg_rows = _messages(g, people, inviters, messages)
    coach_t = g.end - timedelta(days=40)
    coach = [["2-" + base64.b64encode(b"coach-conversation").decode(), "", *(
        (OWNER_NAME, IN + quote(OWNER[2][len(IN):], safe="-"), "LinkedIn Coach", "") if k % 2 == 0
        else ("LinkedIn Coach", "", OWNER_NAME, IN + quote(OWNER[2][len(IN):], safe="-"))),
        _utc(coach_t + timedelta(minutes=k)), "", text, "INBOX", "", "No"] for k, text in enumerate(COACH)]
    follows = [[c, _java(g.when(1500))] for c in BIG[:5]]
    profile = [OWNER[0], OWNER[1], "", "", "Apr 14",
               "Consultante en recrutement | RH & talents tech | Lyon",
               "J'accompagne les PME lyonnaises dans leurs recrutements tech et data.  Ancienne DRH, "
               "toujours curieuse.", "Staffing and Recruiting", "", "Lyon, Auvergne-Rhône-Alpes, France",
               "", "[PORTFOLIO:https://example.org/elodie]", ""]
    files = {
        "Connections.csv": PREAMBLE + _csv([CONNECTIONS_HEADER, *crow], trailing_newline=False),
        "Invitations.csv": _csv([INVITATIONS_HEADER, *inv_rows]),
        "messages.csv": _csv([MESSAGES_HEADER, *msg_rows]),
        "Profile.csv": _csv([PROFILE_HEADER, profile]),
        "coach_messages.csv": _csv([MESSAGES_HEADER, *coach]),
        "Company Follows.csv": _csv([["Organization", "Followed On"], *follows], trailing_newline=False),
    }
    return {name: text.encode("utf-8") for name, text in files.items()}


def archive_name(export_date: date = DEFAULT_EXPORT_DATE) -> str:
    return f"Basic_LinkedInDataExport_{export_date:%m-%d-%Y}"


def zip_bytes(files: dict[str, bytes], export_date: date = DEFAULT_EXPORT_DATE) -> bytes:
    """A reproducible ZIP: members at the root, sorted, deflate, fixed time and permissions."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(export_date.year, export_date.month,
                                                    export_date.day, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name], compresslevel=6)
    return buf.getvalue()


def write_export(out: Path, *, zip_: bool = False, unpacked: bool = False,
                 export_date: date = DEFAULT_EXPORT_DATE, **counts: int) -> list[Path]:
    """Write loose files into `out`, or with zip_ the archive (and with unpacked its folder)."""
    files = build_export(export_date=export_date, **counts)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if zip_:
        target = out / f"{archive_name(export_date)}.zip"
        target.write_bytes(zip_bytes(files, export_date))
        written.append(target)
    folder = out / archive_name(export_date) if zip_ and unpacked else out if not zip_ else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
            written.append(folder / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=SAMPLE_ARGS["connections"],
                        help="rows in Connections.csv, blank-identity rows included")
    parser.add_argument("--invitations", type=int, default=SAMPLE_ARGS["invitations"])
    parser.add_argument("--messages", type=int, default=SAMPLE_ARGS["messages"])
    parser.add_argument("--seed", type=int, default=SAMPLE_ARGS["seed"])
    parser.add_argument("--export-date", type=date.fromisoformat, default=DEFAULT_EXPORT_DATE,
                        help="the day the export was made, YYYY-MM-DD (default 2026-11-20)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--zip", action="store_true",
                        help="write OUT/Basic_LinkedInDataExport_MM-DD-YYYY.zip instead of loose files")
    parser.add_argument("--unpacked", action="store_true",
                        help="with --zip, also write the same files in OUT/Basic_LinkedInDataExport_MM-DD-YYYY/")
    args = parser.parse_args(argv)
    if min(args.connections, args.invitations, args.messages) < 0:
        parser.error("counts must be ≥ 0")
    for path in write_export(args.out, zip_=args.zip, unpacked=args.unpacked, export_date=args.export_date,
                             connections=args.connections, invitations=args.invitations,
                             messages=args.messages, seed=args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
